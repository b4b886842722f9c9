-- 0003_incidents: security incidents and their breach files.
--
-- As in 0001 and 0002, the key and the indexes lead with org_id, text keys use the "C"
-- collation, and doc is the JSON of incident.Incident, with the version and the columns
-- the listings need beside it. discovered_on is never NULL (the zero date is stored as
-- 0001-01-01, as a task's due_on); closed_on is NULL while the file is open, which is what
-- the partial index of open incidents selects. Both listing indexes end with
-- (discovered_on, id), the order of Incidents.List.

-- An incident: doc is the JSON of incident.Incident.
CREATE TABLE incidents (
    org_id        text COLLATE "C" NOT NULL,
    id            text COLLATE "C" NOT NULL,
    version       bigint NOT NULL,
    discovered_on date NOT NULL,
    closed_on     date,
    doc           jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- Incidents by discovery date: the whole list and a discovery window (the HHS annual log).
CREATE INDEX incidents_org_discovered ON incidents (org_id, discovered_on, id);
-- Open incidents by discovery date: the files still running.
CREATE INDEX incidents_org_open ON incidents (org_id, discovered_on, id)
    WHERE closed_on IS NULL;

INSERT INTO schema_migrations (version, name) VALUES (3, '0003_incidents');
