-- 0004_risks: the risk register, the annual risk analyses and the decisions on
-- addressable implementation specifications.
--
-- As in 0001 to 0003, the keys and the indexes lead with org_id, text keys use the "C"
-- collation, and doc is the JSON of the domain value, with the version and the columns
-- the listings need beside it. A risk's due_on is its treatment due date and is NULL
-- unless the risk is being treated (status 'treating') with a due date; review_on is the
-- review date of its acceptance and is NULL unless the risk is accepted (status
-- 'accepted'). So each window's partial index holds exactly the risks that window can
-- select, and ends with (date, id), the order of Risks.List with that window. The whole
-- register, and the open risks (status <> 'closed'), are listed by id through the
-- primary key. An analysis keeps its frozen copies of the register inside its document.

-- A risk: doc is the JSON of riskreg.Risk.
CREATE TABLE risks (
    org_id    text COLLATE "C" NOT NULL,
    id        text COLLATE "C" NOT NULL,
    version   bigint NOT NULL,
    status    text COLLATE "C" NOT NULL,
    due_on    date,
    review_on date,
    doc       jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- Treatments due in a window, by due date.
CREATE INDEX risks_org_treatment_due ON risks (org_id, due_on, id)
    WHERE due_on IS NOT NULL;
-- Accepted risks due for review in a window, by review date.
CREATE INDEX risks_org_review_due ON risks (org_id, review_on, id)
    WHERE review_on IS NOT NULL;

-- A risk analysis: doc is the JSON of riskreg.Analysis, its frozen risks included.
CREATE TABLE analyses (
    org_id  text COLLATE "C" NOT NULL,
    id      text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    year    bigint NOT NULL,
    doc     jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- The analyses by year, then id.
CREATE INDEX analyses_org_year ON analyses (org_id, year, id);

-- A decision on an addressable specification of one catalog version: doc is the JSON of
-- controls.AddressableDecision. A catalog version's decisions are listed by control
-- through the primary key.
CREATE TABLE control_decisions (
    org_id          text COLLATE "C" NOT NULL,
    catalog_version text COLLATE "C" NOT NULL,
    control         text COLLATE "C" NOT NULL,
    version         bigint NOT NULL,
    doc             jsonb NOT NULL,
    PRIMARY KEY (org_id, catalog_version, control)
);

INSERT INTO schema_migrations (version, name) VALUES (4, '0004_risks');
