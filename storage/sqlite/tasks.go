package sqlite

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
)

var templateTable = &table[task.TemplateID, task.Template]{kind: "template",
	schema: &schema{name: "templates", keys: []string{"id"},
		stmts: func(st *statements) *docStmts { return &st.template }},
	keyOf:     func(v *task.Template) task.TemplateID { return v.ID },
	appendKey: idKey[task.TemplateID],
	version:   func(v *task.Template) *int64 { return &v.Version }}

type templateStore struct {
	records[task.TemplateID, task.Template]
}

// List reads the organization's range of the primary key from the cursor on, in id
// order (every id sorts after the empty cursor).
func (s templateStore) List(ctx context.Context, q storage.TemplateQuery) iter.Seq2[task.Template, error] {
	return s.list(ctx, "list templates", nil,
		query{stmt: s.t.c.st.templateList, args: []any{s.t.org, string(q.AfterID), limitArg(q.Limit)}})
}

// taskTable projects what the task listings filter and order by.
var taskTable = &table[task.ID, task.Task]{kind: "task",
	schema: &schema{name: "tasks", keys: []string{"id"},
		cols:  []string{"state", "due_on", "assignee_person", "assignee_role", "site", "subject_type", "subject_id", "series"},
		stmts: func(st *statements) *docStmts { return &st.task }},
	keyOf:     func(v *task.Task) task.ID { return v.ID },
	appendKey: idKey[task.ID],
	version:   func(v *task.Task) *int64 { return &v.Version },
	appendCols: func(args []any, v *task.Task) []any {
		return append(args, string(v.State), int64(v.DueOn), strArg(v.Assignee.Person), strArg(v.Assignee.Role),
			strArg(v.Site), strArg(v.Subject.Type), strArg(v.Subject.ID), strArg(v.Series))
	}}

type taskStore struct {
	records[task.ID, task.Task]
}

// List runs one query built from q's filters; each filter picks the index led by
// (org_id, …) and ending (due_on, id) that answers it, which also gives the order.
func (s taskStore) List(ctx context.Context, q storage.TaskQuery) iter.Seq2[task.Task, error] {
	text, args := taskListSQL(s.t.org, q)
	return s.list(ctx, "list tasks", nil, query{text: text, args: args})
}

// taskIndex names the index that answers q, the most selective its filters allow, or ""
// when none does (the query then reads the organization's range of the primary key).
// Each index's partial condition is implied by the query's WHERE clause: the open-state
// list repeats the index's term for term, and an equality on a column that is NULL when
// empty (person, role, site, subject type, series) implies its IS NOT NULL.
func taskIndex(q storage.TaskQuery) string {
	switch {
	case q.Subject.Type != "":
		return "tasks_by_subject"
	case q.Series != "":
		return "tasks_by_series"
	case q.Person != "":
		return "tasks_by_person"
	case q.Open && q.Site != "":
		return "tasks_open_by_site"
	case q.Role != "":
		return "tasks_by_role"
	case q.Open:
		return "tasks_open_due"
	}
	return ""
}

// taskListSQL builds the query of a task listing: the filters of q, the cursor
// (due_on, id) and the limit, read through the index taskIndex picks. The index is named
// (INDEXED BY) because without statistics SQLite weighs an index by its equality columns
// only and may prefer, say, every open task due in the window to one person's tasks
// due in it; a query the index cannot answer fails to prepare instead of scanning.
func taskListSQL(orgID string, q storage.TaskQuery) (string, []any) {
	var b strings.Builder
	args := []any{orgID}
	b.WriteString(`SELECT version, doc FROM tasks`)
	if idx := taskIndex(q); idx != "" {
		b.WriteString(` INDEXED BY ` + idx)
	}
	b.WriteString(` WHERE org_id = ?`)
	if q.Open {
		b.WriteString(` AND state IN ` + openTasksSQL)
	}
	after := q.AfterDue != 0 || q.AfterID != ""
	if q.Due != (storage.Window{}) {
		// A cursor at or past the window's start implies due_on >= From; leaving that out
		// lets the index seek to the cursor, so a page costs its own rows only.
		if !after || q.AfterDue < q.Due.From {
			b.WriteString(` AND due_on >= ?`)
			args = append(args, int64(q.Due.From))
		}
		b.WriteString(` AND due_on < ?`)
		args = append(args, int64(q.Due.To))
	}
	eq := func(col, val string) {
		if val == "" {
			b.WriteString(` AND ` + col + ` IS NULL`)
			return
		}
		b.WriteString(` AND ` + col + ` = ?`)
		args = append(args, val)
	}
	if q.Person != "" {
		eq("assignee_person", q.Person)
	}
	if q.Role != "" {
		eq("assignee_role", string(q.Role))
	}
	if q.Site != "" {
		eq("site", string(q.Site))
	}
	if q.Subject != (task.Subject{}) { // both fields, as storage/memory compares them
		eq("subject_type", string(q.Subject.Type))
		eq("subject_id", q.Subject.ID)
	}
	if q.Series != "" {
		eq("series", string(q.Series))
	}
	if after {
		b.WriteString(` AND (due_on, id) > (?, ?)`)
		args = append(args, int64(q.AfterDue), string(q.AfterID))
	}
	b.WriteString(` ORDER BY due_on, id`)
	if q.Limit > 0 {
		b.WriteString(` LIMIT ?`)
		args = append(args, q.Limit)
	}
	return b.String(), args
}

type reminderStore struct{ t *tx }

// Claim inserts the key unless the organization has it: the primary key (org_id, key)
// decides, and since write transactions are serialized, exactly one claim of a key
// inserts a row.
func (s reminderStore) Claim(ctx context.Context, key string, at time.Time) (bool, error) {
	t := s.t
	if err := t.check(ctx, true); err != nil {
		return false, err
	}
	if key == "" {
		return false, fmt.Errorf("sqlite: reminder key must not be empty")
	}
	what := fmt.Sprintf("claim reminder %q", key)
	res, err := t.c.st.reminderClaim.ExecContext(ctx, t.org, key, at.UnixMicro())
	if err != nil {
		return false, t.fail(ctx, what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, t.fail(ctx, what, err)
	}
	return n == 1, nil
}
