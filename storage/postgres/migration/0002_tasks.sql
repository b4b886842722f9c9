-- 0002_tasks: task templates, tasks, the workforce roster, clinical trials and the
-- reminders already sent.
--
-- As in 0001, every key and index leads with org_id, text keys use the "C" collation, and
-- doc is the JSON of the whole domain value, with the version and the columns the
-- queries need beside it. A task's due_on and a member's start_on are never NULL: the
-- zero date is stored as the day it stands for, 0001-01-01, so that it sorts first as in
-- the other backends and the listings page by (due_on, id) without a NULL case. A
-- member's end_on is NULL while the member is employed. Text columns that are not set
-- hold ''.

-- A task template: doc is the JSON of task.Template.
CREATE TABLE templates (
    org_id  text COLLATE "C" NOT NULL,
    id      text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    doc     jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- A task: doc is the JSON of task.Task.
CREATE TABLE tasks (
    org_id          text COLLATE "C" NOT NULL,
    id              text COLLATE "C" NOT NULL,
    version         bigint NOT NULL,
    state           text COLLATE "C" NOT NULL,
    due_on          date NOT NULL,
    assignee_person text COLLATE "C" NOT NULL,
    assignee_role   text COLLATE "C" NOT NULL,
    site            text COLLATE "C" NOT NULL,
    subject_type    text COLLATE "C" NOT NULL,
    subject_id      text COLLATE "C" NOT NULL,
    series          text COLLATE "C" NOT NULL,
    doc             jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- Each listing index ends with (due_on, id): the order of Tasks.List and its pages.
-- Open tasks (task.OpenStates) by due date: the sweep and the overdue list.
CREATE INDEX tasks_org_open_due ON tasks (org_id, due_on, id)
    WHERE state IN ('open', 'in_progress', 'blocked');
-- A person's tasks ("my tasks") and a role's.
CREATE INDEX tasks_org_person ON tasks (org_id, assignee_person, due_on, id);
CREATE INDEX tasks_org_role ON tasks (org_id, assignee_role, due_on, id);
-- Open tasks of a site (overdue by site).
CREATE INDEX tasks_org_site_open ON tasks (org_id, site, due_on, id)
    WHERE state IN ('open', 'in_progress', 'blocked');
-- The tasks about one record (a vendor, a trial, a member).
CREATE INDEX tasks_org_subject ON tasks (org_id, subject_type, subject_id, due_on, id);
-- The occurrences of a recurring series.
CREATE INDEX tasks_org_series ON tasks (org_id, series, due_on, id);

-- A workforce member: doc is the JSON of workforce.Member.
CREATE TABLE members (
    org_id   text COLLATE "C" NOT NULL,
    id       text COLLATE "C" NOT NULL,
    version  bigint NOT NULL,
    name     text COLLATE "C" NOT NULL,
    role     text COLLATE "C" NOT NULL,
    start_on date NOT NULL,
    end_on   date,
    doc      jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- The roster by name then id, and a role's members. start_on, after the listing order,
-- lets the index test "started on or before the day" of the members active on a day
-- without reading their rows; without it the planner's generic plan for that query
-- reads the primary key and sorts.
CREATE INDEX members_org_name ON members (org_id, name, id, start_on);
CREATE INDEX members_org_role ON members (org_id, role, name, id, start_on);

-- A clinical trial: doc is the JSON of trials.Trial.
CREATE TABLE trials (
    org_id  text COLLATE "C" NOT NULL,
    id      text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    status  text COLLATE "C" NOT NULL,
    doc     jsonb NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- The trials in one status, by id.
CREATE INDEX trials_org_status ON trials (org_id, status, id);

-- The reminders sent: one row per key, claimed once.
CREATE TABLE reminders (
    org_id     text COLLATE "C" NOT NULL,
    key        text COLLATE "C" NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, key)
);

INSERT INTO schema_migrations (version, name) VALUES (2, '0002_tasks');
