-- 0001_init: the first schema of storage/postgres.
--
-- Every key and index of the organizations' tables leads with org_id, so that the tables
-- can be distributed by org_id (e.g. Citus create_distributed_table(…, 'org_id')).
-- Text keys use the "C" collation: listings order by name then id byte-wise, as every
-- backend does, whatever the database's default collation.
--
-- Each migration records itself in schema_migrations, so that a migration tool other
-- than this package's (Options.SkipMigrate) leaves the same record.

CREATE TABLE schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- An organization's profile: doc is the JSON of org.Organization.
CREATE TABLE organizations (
    org_id  text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    doc     jsonb NOT NULL,
    PRIMARY KEY (org_id)
);

-- A vendor: doc is the JSON of the whole vendors.Vendor; the other columns are
-- projections of it for the indexes. A date that is not set is NULL, which sorts first
-- (the zero date.Date is the earliest date stored).
CREATE TABLE vendors (
    org_id           text COLLATE "C" NOT NULL,
    id               text COLLATE "C" NOT NULL,
    version          bigint NOT NULL,
    name             text COLLATE "C" NOT NULL,
    category         text COLLATE "C" NOT NULL,
    baa_state        text COLLATE "C" NOT NULL,
    next_review_on   date,
    expires_on       date,
    last_activity_on date,
    doc              jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- List: by name then id, and pages after (name, id).
CREATE INDEX vendors_org_name ON vendors (org_id, name, id);
-- List filtered by BAA state.
CREATE INDEX vendors_org_state ON vendors (org_id, baa_state);
-- ReviewsDue: BAAs in force (vendors.InForceStates) by next review date.
CREATE INDEX vendors_org_review ON vendors (org_id, next_review_on NULLS FIRST, id)
    WHERE baa_state IN ('signed', 'review_due', 'reviewed', 'renewed');
-- Expiring: BAAs in force or expired by expiry date.
CREATE INDEX vendors_org_expiry ON vendors (org_id, expires_on NULLS FIRST, id)
    WHERE baa_state IN ('signed', 'review_due', 'reviewed', 'renewed', 'expired');
-- Stalled: pending requests (vendors.PendingStates) by last activity.
CREATE INDEX vendors_org_activity ON vendors (org_id, last_activity_on NULLS FIRST, id)
    WHERE baa_state IN ('requested', 'in_negotiation');

-- The audit chain, one per organization (see package audit).
CREATE TABLE audit_entries (
    org_id      text COLLATE "C" NOT NULL,
    seq         bigint NOT NULL CHECK (seq > 0),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   text NOT NULL,
    digest      text NOT NULL,
    prev        text NOT NULL,
    hash        text NOT NULL,
    PRIMARY KEY (org_id, seq)
);

-- The outbox of domain events, numbered per organization from 1.
CREATE TABLE events (
    org_id      text COLLATE "C" NOT NULL,
    seq         bigint NOT NULL CHECK (seq > 0),
    type        text NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    object_type text NOT NULL,
    object_id   text NOT NULL,
    data        jsonb,
    PRIMARY KEY (org_id, seq)
);

INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init');
