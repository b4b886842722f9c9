-- 0004_risks: the risk register, the annual risk analyses and the decisions on
-- addressable implementation specifications.
--
-- As in the earlier migrations, the keys and the indexes lead with org_id, and doc is the
-- JSON of the domain value with the columns the listings need projected beside it. A
-- risk's due_on is its treatment due date and is NULL unless the risk is being treated
-- (status 'treating') with a due date; review_on is the review date of its acceptance and
-- is NULL unless the risk is accepted (status 'accepted'). So each window's partial index
-- holds exactly the risks that window can select, and ends (date, id), the listing's
-- order, so that no sort is needed. The whole register, and the open risks
-- (status <> 'closed'), are listed by id through the primary key. An analysis keeps its
-- frozen copies of the register inside its document.

CREATE TABLE risks (
    org_id    TEXT    NOT NULL,
    id        TEXT    NOT NULL,
    version   INTEGER NOT NULL CHECK (version >= 1),
    status    TEXT    NOT NULL,
    due_on    INTEGER,          -- day number; NULL unless status is 'treating' with a due date
    review_on INTEGER,          -- day number; NULL unless status is 'accepted' with a review date
    doc       TEXT    NOT NULL, -- JSON of riskreg.Risk; the columns above are projections of it
    PRIMARY KEY (org_id, id)
) STRICT;

-- Treatments due in a window, by due date.
CREATE INDEX risks_treatment_due ON risks (org_id, due_on, id)
    WHERE due_on IS NOT NULL;

-- Accepted risks due for review in a window, by review date.
CREATE INDEX risks_review_due ON risks (org_id, review_on, id)
    WHERE review_on IS NOT NULL;

CREATE TABLE analyses (
    org_id  TEXT    NOT NULL,
    id      TEXT    NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    year    INTEGER NOT NULL,
    doc     TEXT    NOT NULL, -- JSON of riskreg.Analysis, its frozen risks included
    PRIMARY KEY (org_id, id)
) STRICT;

-- The analyses by year, then id.
CREATE INDEX analyses_by_year ON analyses (org_id, year, id);

-- One decision per addressable control and catalog version, listed by control through the
-- primary key.
CREATE TABLE control_decisions (
    org_id          TEXT    NOT NULL,
    catalog_version TEXT    NOT NULL,
    control         TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    doc             TEXT    NOT NULL, -- JSON of controls.AddressableDecision
    PRIMARY KEY (org_id, catalog_version, control)
) STRICT;
