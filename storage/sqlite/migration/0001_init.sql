-- 0001_init: organizations, vendors, the audit chain and the event outbox.
--
-- Every key leads with org_id, so an organization's rows sit together in each index and
-- a platform that outgrows one database can shard by organization.
--
-- Dates are INTEGER day numbers (int64 of date.Date: days since 0001-01-01), NULL when
-- the date is not set. Instants are INTEGER microseconds since the Unix epoch, UTC.
-- The partial indexes' state lists must match, term for term, the lists the queries in
-- vendors.go use (inForceSQL, expiringSQL, pendingSQL), or SQLite will not use them.

CREATE TABLE organizations (
    org_id  TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version >= 1),
    doc     TEXT    NOT NULL -- JSON of org.Organization
) STRICT;

CREATE TABLE vendors (
    org_id           TEXT    NOT NULL,
    id               TEXT    NOT NULL,
    version          INTEGER NOT NULL CHECK (version >= 1),
    name             TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    baa_state        TEXT    NOT NULL,
    next_review_on   INTEGER,
    expires_on       INTEGER,
    last_activity_on INTEGER,
    doc              TEXT    NOT NULL, -- JSON of vendors.Vendor; the columns above are projections of it
    PRIMARY KEY (org_id, id)
) STRICT;

-- List: by name then id, and the cursor (name, id) > (?, ?).
CREATE INDEX vendors_by_name ON vendors (org_id, name, id);

-- List filtered by BAA state.
CREATE INDEX vendors_by_state ON vendors (org_id, baa_state);

-- ReviewsDue: in-force agreements by next review date (id last, so the index also gives
-- the listing's order and no sort is needed).
CREATE INDEX vendors_review_due ON vendors (org_id, next_review_on, id)
    WHERE baa_state IN ('signed', 'review_due', 'reviewed', 'renewed');

-- Expiring: in-force or expired agreements by expiry date.
CREATE INDEX vendors_expiring ON vendors (org_id, expires_on, id)
    WHERE baa_state IN ('signed', 'review_due', 'reviewed', 'renewed', 'expired');

-- Stalled: pending requests by last activity.
CREATE INDEX vendors_stalled ON vendors (org_id, last_activity_on, id)
    WHERE baa_state IN ('requested', 'in_negotiation');

CREATE TABLE audit_entries (
    org_id      TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    at          INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    object_type TEXT    NOT NULL,
    object_id   TEXT    NOT NULL,
    digest      TEXT    NOT NULL,
    prev        TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    PRIMARY KEY (org_id, seq)
) STRICT, WITHOUT ROWID;

-- The audit trail is append-only: the library never changes or removes an entry, and
-- these triggers stop anything else that goes through SQLite from doing so by accident.
-- (They are no defence against someone who edits the file; the hash chain detects that.)
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TABLE events (
    org_id      TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    type        TEXT    NOT NULL,
    at          INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
    actor       TEXT    NOT NULL,
    object_type TEXT    NOT NULL,
    object_id   TEXT    NOT NULL,
    data        TEXT, -- the event's JSON details, NULL when it has none
    PRIMARY KEY (org_id, seq)
) STRICT, WITHOUT ROWID;
