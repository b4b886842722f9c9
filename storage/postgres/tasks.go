package postgres

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// openSQL lists the open task states as the partial indexes of 0002_tasks.sql spell
// them (TestStateLists), so that the planner can match a query's predicate to them.
var openSQL = sqlList(task.OpenStates())

const sqlReminderClaim = `INSERT INTO reminders (org_id, key, claimed_at) VALUES ($1, $2, $3)
ON CONFLICT (org_id, key) DO NOTHING`

// templateTable keeps task templates: their listing reads the primary key.
var templateTable = newTable(table[task.TemplateID, task.Template]{name: "templates", kind: "template",
	keyCols: []string{"id"},
	key:     func(v *task.Template) task.TemplateID { return v.ID },
	keyArgs: func(id task.TemplateID) []string { return []string{string(id)} },
	version: func(v *task.Template) *int64 { return &v.Version },
	columns: func(*task.Template) ([]any, error) { return nil, nil }})

type templateStore struct {
	records[task.TemplateID, task.Template]
}

// List reads the organization's range of the primary key, in id order.
func (s templateStore) List(ctx context.Context, q storage.TemplateQuery) iter.Seq2[task.Template, error] {
	sql, args := idListSQL("templates", string(q.AfterID), q.Limit)
	return s.list(ctx, sql, args)
}

// taskTable keeps tasks with the columns of their indexes (0002_tasks.sql).
var taskTable = newTable(table[task.ID, task.Task]{name: "tasks", kind: "task",
	keyCols: []string{"id"},
	cols: []string{"state", "due_on", "assignee_person", "assignee_role", "site",
		"subject_type", "subject_id", "series"},
	key:     func(v *task.Task) task.ID { return v.ID },
	keyArgs: func(id task.ID) []string { return []string{string(id)} },
	version: func(v *task.Task) *int64 { return &v.Version },
	columns: taskColumns})

type taskStore struct {
	records[task.ID, task.Task]
}

// taskColumns returns the projected columns of a task, in the order of the statements.
func taskColumns(v *task.Task) ([]any, error) {
	if err := textOK("task", string(v.State), v.Assignee.Person, string(v.Assignee.Role), string(v.Site),
		string(v.Subject.Type), v.Subject.ID, string(v.Series)); err != nil {
		return nil, err
	}
	due, err := dayColumn("due_on", v.DueOn)
	if err != nil {
		return nil, err
	}
	return []any{string(v.State), due, v.Assignee.Person, string(v.Assignee.Role), string(v.Site),
		v.Subject.Type, v.Subject.ID, string(v.Series)}, nil
}

// List reads the tasks through the index that q's filters select (see taskListSQL).
func (s taskStore) List(ctx context.Context, q storage.TaskQuery) iter.Seq2[task.Task, error] {
	sql, args := taskListSQL(q)
	return s.list(ctx, sql, args)
}

// taskListSQL builds the List query for the filters q sets, ordered by due date then
// id; "" when q cannot match any task. $1 is the organization. Each filter has an index
// led by org_id and ending with (due_on, id) that gives the order (0002_tasks.sql).
func taskListSQL(q storage.TaskQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM tasks WHERE org_id = $1")
	if q.Open {
		b.WriteString(" AND state IN (" + openSQL + ")")
	}
	if q.Due != (storage.Window{}) {
		if q.Due.From >= q.Due.To {
			return "", nil
		}
		// Every stored date is on or after date.Zero: a window from before it has no
		// lower bound, and one to after the last stored date no upper bound.
		if q.Due.From > date.Zero {
			b.WriteString(" AND due_on >= " + p.add(dayBound(q.Due.From)))
		}
		if q.Due.To <= maxStored {
			b.WriteString(" AND due_on < " + p.add(dayBound(q.Due.To)))
		}
	}
	if q.Person != "" {
		b.WriteString(" AND assignee_person = " + p.text(q.Person))
	}
	if q.Role != "" {
		b.WriteString(" AND assignee_role = " + p.text(string(q.Role)))
	}
	if q.Site != "" {
		b.WriteString(" AND site = " + p.text(string(q.Site)))
	}
	if q.Subject != (task.Subject{}) {
		b.WriteString(" AND subject_type = " + p.text(string(q.Subject.Type)))
		b.WriteString(" AND subject_id = " + p.text(q.Subject.ID))
	}
	if q.Series != "" {
		b.WriteString(" AND series = " + p.text(string(q.Series)))
	}
	if q.AfterDue != date.Zero || q.AfterID != "" {
		p.after(&b, "due_on", dayBound(q.AfterDue), string(q.AfterID))
	}
	b.WriteString(" ORDER BY due_on, id")
	p.limit(&b, q.Limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}

type reminderStore struct{ t *tx }

// Claim inserts the key unless it is there: the insert waits for no one but the
// organization's lock, which the transaction holds, and a key claimed by a committed
// transaction, or earlier in this one, inserts nothing.
func (s reminderStore) Claim(ctx context.Context, key string, at time.Time) (bool, error) {
	if err := s.t.ready(ctx, true); err != nil {
		return false, err
	}
	if key == "" {
		return false, validation.New("postgres", "reminder key", "must not be empty")
	}
	if err := textOK("reminder key", key); err != nil {
		return false, err
	}
	if at.Before(minInstant) || at.After(maxInstant) {
		return false, validation.New("postgres", "reminder time", "%s is outside the instants stored (years 1 to 294276)",
			at.Format(time.RFC3339Nano))
	}
	tag, err := s.t.query(ctx, true, nil, sqlReminderClaim, string(s.t.org), key, at)
	if err != nil {
		return false, fmt.Errorf("reminder %q: %w", key, err)
	}
	return tag.RowsAffected() == 1, nil
}
