-- 0005_vendor_name_key: the vendor's name as vendors.NameKey compares it, for the
-- listing of one name (storage.VendorQuery.Name), which the engine asks before it adds or
-- renames a vendor.
--
-- name_key is lower case with runs of white space made one space and the ends trimmed,
-- Unicode-aware as Go's strings.ToLower and strings.Fields are: SQLite's lower() folds
-- ASCII only, so the existing rows are filled in by hipaaops_name_key, a function the
-- package registers with the driver that calls vendors.NameKey. The index is not unique:
-- refusing a second vendor of a name is the engine's rule, not the store's.

ALTER TABLE vendors ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

UPDATE vendors SET name_key = hipaaops_name_key(name);

CREATE INDEX vendors_by_name_key ON vendors (org_id, name_key, name, id);
