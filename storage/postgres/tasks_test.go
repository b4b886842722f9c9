package postgres_test

import (
	"iter"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/workforce"
)

// oneTask returns an open first occurrence due on due, as seedTask builds them.
func oneTask(id task.ID, due date.Date) task.Task {
	t := seedTask(0)
	t.ID, t.Series, t.Occurrence, t.Version = id, id, 1, 0
	t.DueOn, t.SeriesStart, t.TriggeredOn = due, due, due
	return t
}

func newMember(id workforce.ID, name string) workforce.Member {
	return workforce.Member{ID: id, Name: name, Role: workforce.RoleNurse, StartOn: base - 100}
}

// TestTaskRefusedValues: task, template, member, trial and reminder values PostgreSQL
// would reject are refused before they are sent, with a validation error, and the
// transaction goes on.
func TestTaskRefusedValues(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		tasks := map[string]func(*task.Task){
			"NUL in assignee":          func(v *task.Task) { v.Assignee = task.Assignee{Person: "u-\x00"} },
			"NUL in the document":      func(v *task.Task) { v.Instructions = "nul \x00 here" },
			"site not UTF-8":           func(v *task.Task) { v.Site = "\xff" },
			"subject not UTF-8":        func(v *task.Task) { v.Subject = task.Subject{Type: "vendor", ID: "\xfe"} },
			"due date before year 1":   func(v *task.Task) { v.DueOn = date.Zero - 1 },
			"due date after 294276":    func(v *task.Task) { v.DueOn = date.Max() },
			"unknown state":            func(v *task.Task) { v.State = "archived" },
			"role not lower_snake":     func(v *task.Task) { v.Assignee = task.Assignee{Role: "Privacy Officer"} },
			"unknown recurrence unit":  func(v *task.Task) { v.Recurrence = &task.Recurrence{Every: 1, Unit: "fortnight"} },
			"NUL in the id (creating)": func(v *task.Task) { v.ID = "t\x00" },
		}
		for name, change := range tasks {
			v := oneTask("t1", base)
			change(&v)
			require.ErrorIs(t, tx.Tasks().Create(ctx, &v), validation.ErrInvalid, name)
			require.ErrorIs(t, tx.Tasks().Update(ctx, &v), validation.ErrInvalid, name)
		}
		tpl := task.Template{ID: "x", Title: "X", Citation: "45 CFR 164.316", DefaultRole: "Bad Role"}
		require.ErrorIs(t, tx.Templates().Create(ctx, &tpl), validation.ErrInvalid)
		m := newMember("m1", "Kim")
		m.Role = "surgeon"
		require.ErrorIs(t, tx.Members().Create(ctx, &m), validation.ErrInvalid)
		m = newMember("m1", "Kim\x00")
		require.ErrorIs(t, tx.Members().Create(ctx, &m), validation.ErrInvalid)
		m = newMember("m1", "Kim")
		m.EndOn = date.Max()
		require.ErrorIs(t, tx.Members().Create(ctx, &m), validation.ErrInvalid)
		tr := trials.Trial{ID: "tr-1", Title: "T", Sponsor: "v", Status: "paused"}
		require.ErrorIs(t, tx.Trials().Create(ctx, &tr), validation.ErrInvalid)
		for name, key := range map[string]string{"empty": "", "NUL": "k\x00", "not UTF-8": "\xff"} {
			_, err := tx.Reminders().Claim(ctx, key, time.Now())
			require.ErrorIs(t, err, validation.ErrInvalid, name)
		}
		_, err := tx.Reminders().Claim(ctx, "k", time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC))
		require.ErrorIs(t, err, validation.ErrInvalid)

		v := oneTask("t1", base)
		return tx.Tasks().Create(ctx, &v)
	}))
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		_, err := tx.Tasks().Get(ctx, "t1")
		return err
	}))
}

// TestTaskLookupsOfBadText: a key or filter that no stored row can hold (NUL, not UTF-8)
// finds nothing, without a statement the server would reject.
func TestTaskLookupsOfBadText(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		v := oneTask("t1", base)
		return tx.Tasks().Create(ctx, &v)
	}))
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		_, err := tx.Tasks().Get(ctx, "t\x00")
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = tx.Templates().Get(ctx, "\xff")
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = tx.Members().Get(ctx, "m\x00")
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = tx.Trials().Get(ctx, "\xfe")
		require.ErrorIs(t, err, storage.ErrNotFound)
		for _, q := range []storage.TaskQuery{{Person: "u\x00"}, {Site: "\xff"}, {Role: "r\x00"},
			{Subject: task.Subject{Type: "vendor", ID: "\xff"}}, {Series: "s\x00"}, {AfterID: "\xff"}} {
			require.Empty(t, collect(t, tx.Tasks().List(ctx, q)), "%+v", q)
		}
		require.Empty(t, collect(t, tx.Members().List(ctx, storage.MemberQuery{Role: "n\x00"})))
		require.Empty(t, collect(t, tx.Trials().List(ctx, storage.TrialQuery{Status: "\xff"})))
		_, err = tx.Tasks().Get(ctx, "t1")
		return err // the transaction is still usable
	}))
}

// TestTaskDates: the zero due date is stored, sorts first and pages; windows and days
// beyond the stored dates compare like infinite ones.
func TestTaskDates(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	last := date.New(294276, time.December, 31)
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		for _, v := range []task.Task{oneTask("z1", date.Zero), oneTask("z2", date.Zero), oneTask("mid", base), oneTask("end", last)} {
			if err := tx.Tasks().Create(ctx, &v); err != nil {
				return err
			}
		}
		for _, m := range []workforce.Member{newMember("m1", "Ann"), {ID: "m0", Name: "Zed", Role: workforce.RoleNurse, EndOn: last}} {
			if err := tx.Members().Create(ctx, &m); err != nil {
				return err
			}
		}
		return nil
	}))
	ids := func(q storage.TaskQuery) []task.ID {
		out := []task.ID{}
		require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
			for _, v := range collect(t, tx.Tasks().List(ctx, q)) {
				out = append(out, v.ID)
			}
			return nil
		}))
		return out
	}
	for name, c := range map[string]struct {
		q    storage.TaskQuery
		want []task.ID
	}{
		"all":                      {storage.TaskQuery{}, []task.ID{"z1", "z2", "mid", "end"}},
		"to day 1":                 {storage.TaskQuery{Due: storage.Window{To: 1}}, []task.ID{"z1", "z2"}},
		"to the zero date":         {storage.TaskQuery{Due: storage.Window{From: -10, To: date.Zero}}, []task.ID{}},
		"from day 1":               {storage.TaskQuery{Open: true, Due: storage.Window{From: 1, To: date.Max()}}, []task.ID{"mid", "end"}},
		"to the last stored date":  {storage.TaskQuery{Due: storage.Window{From: base, To: last}}, []task.ID{"mid"}},
		"after the last date":      {storage.TaskQuery{Due: storage.Window{From: last + 1, To: date.Max()}}, []task.ID{}},
		"empty window":             {storage.TaskQuery{Due: storage.Window{From: base, To: base}}, []task.ID{}},
		"page after (zero, z1)":    {storage.TaskQuery{AfterID: "z1", Limit: 2}, []task.ID{"z2", "mid"}},
		"page after (before zero)": {storage.TaskQuery{AfterDue: -1, AfterID: "zz"}, []task.ID{"z1", "z2", "mid", "end"}},
		"page after the last date": {storage.TaskQuery{AfterDue: date.Max()}, []task.ID{}},
	} {
		require.Equal(t, c.want, ids(c.q), name)
	}
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		active := func(d date.Date) []workforce.ID {
			out := []workforce.ID{}
			for _, m := range collect(t, tx.Members().List(ctx, storage.MemberQuery{ActiveOn: d})) {
				out = append(out, m.ID)
			}
			return out
		}
		require.Equal(t, []workforce.ID{"m1", "m0"}, active(base))
		require.Equal(t, []workforce.ID{"m0"}, active(1), "a member from the zero date on")
		require.Equal(t, []workforce.ID{}, active(-5), "no one started before the zero date")
		require.Equal(t, []workforce.ID{"m1"}, active(date.Max()), "m0 left on the last stored date")
		return nil
	}))
}

// collect reads a listing, failing the test on its first error.
func collect[V any](t *testing.T, seq iter.Seq2[V, error]) []V {
	t.Helper()
	var out []V
	for v, err := range seq {
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}
