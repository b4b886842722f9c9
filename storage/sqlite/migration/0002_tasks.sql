-- 0002_tasks: task templates, tasks, the workforce roster, clinical trials and the
-- reminders already sent.
--
-- As in 0001_init, every key and index leads with org_id, records are JSON documents
-- (doc) with the columns the queries need projected beside them, and optional text and
-- dates are NULL when not set, which keeps those rows out of the IS NOT NULL partial
-- indexes. A task's due_on is the exception: it is never NULL (an unset due date is day
-- 0), so that the due windows and the cursor (due_on, id) > (?, ?) compare it directly.
-- The task listings end their indexes with (due_on, id), the listing's order, so that no
-- sort is needed. The open-state list of the partial indexes must match, term for term,
-- openTasksSQL in statements.go, or SQLite will not use them.

CREATE TABLE templates (
    org_id  TEXT    NOT NULL,
    id      TEXT    NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    doc     TEXT    NOT NULL, -- JSON of task.Template
    PRIMARY KEY (org_id, id)
) STRICT;

CREATE TABLE tasks (
    org_id          TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    state           TEXT    NOT NULL,
    due_on          INTEGER NOT NULL, -- day number; 0 when not set
    assignee_person TEXT,
    assignee_role   TEXT,
    site            TEXT,
    subject_type    TEXT,
    subject_id      TEXT,
    series          TEXT,
    doc             TEXT    NOT NULL, -- JSON of task.Task; the columns above are projections of it
    PRIMARY KEY (org_id, id)
) STRICT;

-- Open tasks by due date: the sweep's reminders and overdue tasks.
CREATE INDEX tasks_open_due ON tasks (org_id, due_on, id)
    WHERE state IN ('open', 'in_progress', 'blocked');

-- A person's tasks ("my tasks"), and a role's.
CREATE INDEX tasks_by_person ON tasks (org_id, assignee_person, due_on, id)
    WHERE assignee_person IS NOT NULL;
CREATE INDEX tasks_by_role ON tasks (org_id, assignee_role, due_on, id)
    WHERE assignee_role IS NOT NULL;

-- A site's open tasks (overdue by site).
CREATE INDEX tasks_open_by_site ON tasks (org_id, site, due_on, id)
    WHERE site IS NOT NULL AND state IN ('open', 'in_progress', 'blocked');

-- The tasks about one record (a trial's checklist, a vendor's reviews).
CREATE INDEX tasks_by_subject ON tasks (org_id, subject_type, subject_id, due_on, id)
    WHERE subject_type IS NOT NULL;

-- The occurrences of a recurring series.
CREATE INDEX tasks_by_series ON tasks (org_id, series, due_on, id)
    WHERE series IS NOT NULL;

CREATE TABLE members (
    org_id   TEXT    NOT NULL,
    id       TEXT    NOT NULL,
    version  INTEGER NOT NULL CHECK (version >= 1),
    name     TEXT    NOT NULL,
    role     TEXT    NOT NULL,
    start_on INTEGER,
    end_on   INTEGER,
    doc      TEXT    NOT NULL, -- JSON of workforce.Member
    PRIMARY KEY (org_id, id)
) STRICT;

-- The roster by name then id, whole or for one role.
CREATE INDEX members_by_name ON members (org_id, name, id);
CREATE INDEX members_by_role ON members (org_id, role, name, id);

CREATE TABLE trials (
    org_id  TEXT    NOT NULL,
    id      TEXT    NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    status  TEXT    NOT NULL,
    doc     TEXT    NOT NULL, -- JSON of trials.Trial
    PRIMARY KEY (org_id, id)
) STRICT;

-- Trials in one status, by id.
CREATE INDEX trials_by_status ON trials (org_id, status, id);

-- One row per reminder sent; the key makes each reminder go out once.
CREATE TABLE reminders (
    org_id     TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    claimed_at INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
    PRIMARY KEY (org_id, key)
) STRICT, WITHOUT ROWID;
