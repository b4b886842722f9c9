-- 0005_vendor_name_key: vendors are found by name, case and spaces aside.
--
-- name_key is vendors.NameKey(name): the name's words, separated by one space, in lower
-- case. The engine refuses a second vendor of the same key in an organization, and
-- Vendors.List with a Name looks it up through vendors_org_name_key. The code computes
-- the key of every vendor it stores; this migration computes it for the vendors already
-- stored: the white space of Go's unicode.IsSpace is collapsed, and the letters lowered
-- by the database's default collation. Where that collation lowers fewer letters than Go
-- (the "C" locale lowers ASCII only), storage/postgres, when it applies this migration
-- itself, computes the key of names with non-ASCII characters again in Go, in the same
-- transaction; a vendor keyed by another migration tool is keyed exactly by its next
-- Update.

ALTER TABLE vendors ADD COLUMN name_key text COLLATE "C";

UPDATE vendors SET name_key = lower(btrim(regexp_replace(name,
    '[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+', ' ', 'g'), ' ') COLLATE "default");

ALTER TABLE vendors ALTER COLUMN name_key SET NOT NULL;

-- List with a Name: the vendors of one key (in practice one), by name then id.
CREATE INDEX vendors_org_name_key ON vendors (org_id, name_key);

INSERT INTO schema_migrations (version, name) VALUES (5, '0005_vendor_name_key');
