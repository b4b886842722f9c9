-- 0003_incidents: security incidents and their breach files.
--
-- As in 0001_init and 0002_tasks, the key and the indexes lead with org_id, and doc is
-- the JSON of incident.Incident with the columns the listings need projected beside it.
-- discovered_on is never NULL (an unset discovery date is day 0), so that the discovery
-- windows compare it directly; closed_on is NULL while the file is open, which is what
-- the partial index of open incidents selects. Both listing indexes end (discovered_on,
-- id), the listing's order, so that no sort is needed.

CREATE TABLE incidents (
    org_id        TEXT    NOT NULL,
    id            TEXT    NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    discovered_on INTEGER NOT NULL, -- day number; 0 when not set
    closed_on     INTEGER,          -- day number; NULL while the file is open
    doc           TEXT    NOT NULL, -- JSON of incident.Incident; the columns above are projections of it
    PRIMARY KEY (org_id, id)
) STRICT;

-- Incidents by discovery date: the whole list and a discovery window (the HHS annual log).
CREATE INDEX incidents_by_discovery ON incidents (org_id, discovered_on, id);

-- Open incidents by discovery date: the files still running.
CREATE INDEX incidents_open ON incidents (org_id, discovered_on, id)
    WHERE closed_on IS NULL;
