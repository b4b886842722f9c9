package sqlite_test

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/workforce"
)

// TestTasksSameAsMemory stores the same random tasks and members, with every state, ties
// on due dates and names, unset dates and empty fields, in this backend and in
// storage/memory, and checks that every listing (each filter alone and combined, windows
// on their boundaries, cursors before, inside and past a window, limits) returns the
// same records in the same order.
func TestTasksSameAsMemory(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 2))
	s := openFile(t)
	defer s.Close()
	m := memory.New()
	pick := func(vals ...string) string { return vals[rng.IntN(len(vals))] }
	states := task.StateValues()
	roles := []task.Role{task.RoleSecurityOfficer, task.RolePrivacyOfficer, task.RoleManager}
	subjects := []task.Subject{{}, {Type: "vendor", ID: "v-1"}, {Type: "vendor", ID: "v-2"}, {Type: "trial", ID: "v-1"}}
	day := func() date.Date {
		if rng.IntN(20) == 0 {
			return date.Zero
		}
		return d0 + date.Date(rng.IntN(60)-30)
	}
	var ts []task.Task
	for i := range 400 {
		v := task.Task{ID: task.ID(fmt.Sprintf("t%03d", rng.IntN(1000))) + task.ID(fmt.Sprint(i)),
			TemplateID: "x", Title: "X", Citation: "45 CFR 164.316", State: states[rng.IntN(len(states))],
			DueOn: day(), Site: org.SiteID(pick("", "main", "infusion")), Subject: subjects[rng.IntN(len(subjects))]}
		if rng.IntN(2) == 0 {
			v.Assignee.Person = pick("u-kim", "u-sam")
		} else {
			v.Assignee.Role = roles[rng.IntN(len(roles))]
		}
		v.Series = v.ID
		if len(ts) > 0 && rng.IntN(3) == 0 {
			v.Series = ts[rng.IntN(len(ts))].Series
		}
		ts = append(ts, v)
	}
	var ms []workforce.Member
	wroles := workforce.RoleValues()
	for i := range 60 {
		mb := workforce.Member{ID: workforce.ID(fmt.Sprintf("m%02d", rng.IntN(100))) + workforce.ID(fmt.Sprint(i)),
			Name: fmt.Sprintf("Member %d", rng.IntN(15)), Role: wroles[rng.IntN(len(wroles))], StartOn: day()}
		if rng.IntN(3) == 0 {
			mb.EndOn = mb.StartOn + date.Date(rng.IntN(20))
		}
		ms = append(ms, mb)
	}
	for _, st := range []storage.Store{s, m} {
		for i, orgID := range []org.ID{"a", "b"} {
			require.NoError(t, st.Org(orgID).Update(ctx, func(tx storage.Tx) error {
				for _, v := range ts[i*200 : (i+1)*200] {
					if err := tx.Tasks().Create(ctx, &v); err != nil {
						return err
					}
				}
				for _, mb := range ms[i*30 : (i+1)*30] {
					if err := tx.Members().Create(ctx, &mb); err != nil {
						return err
					}
				}
				return nil
			}))
		}
	}

	queries := []storage.TaskQuery{{}, {Open: true}, {Limit: 5}}
	windows := []storage.Window{{}, {To: d0}, {From: 1, To: d0}, {From: d0 - 5, To: d0 + 5}, {From: d0, To: d0},
		{From: d0 + 5, To: d0}, {From: date.Zero, To: 1}}
	for range 200 {
		q := storage.TaskQuery{Open: rng.IntN(2) == 0, Due: windows[rng.IntN(len(windows))], Limit: rng.IntN(3) * 4}
		if rng.IntN(2) == 0 {
			a := d0 + date.Date(rng.IntN(60)-30)
			q.Due = storage.Window{From: a, To: a + date.Date(rng.IntN(30))}
		}
		switch rng.IntN(7) {
		case 0:
			q.Person = pick("u-kim", "u-sam", "u-nobody")
		case 1:
			q.Role = roles[rng.IntN(len(roles))]
		case 2:
			q.Site = org.SiteID(pick("main", "infusion"))
		case 3:
			q.Subject = subjects[rng.IntN(len(subjects))]
			if rng.IntN(4) == 0 {
				q.Subject.ID = "" // only the type: matches tasks whose subject has no id
			}
		case 4:
			q.Series = ts[rng.IntN(len(ts))].Series
		case 5:
			q.Person, q.Site = "u-kim", "main"
		}
		if rng.IntN(2) == 0 {
			after := ts[rng.IntN(len(ts))]
			q.AfterDue, q.AfterID = after.DueOn+date.Date(rng.IntN(3)-1), after.ID
			if rng.IntN(4) == 0 {
				q.AfterID = ""
			}
		}
		queries = append(queries, q)
	}
	taskIDs := func(st storage.Store, orgID org.ID, q storage.TaskQuery) (out []task.ID) {
		require.NoError(t, st.Org(orgID).View(ctx, func(tx storage.Tx) error {
			for v, err := range tx.Tasks().List(ctx, q) {
				if err != nil {
					return err
				}
				out = append(out, v.ID)
			}
			return nil
		}), "%+v", q)
		return out
	}
	for _, q := range queries {
		for _, orgID := range []org.ID{"a", "b"} {
			require.Equal(t, taskIDs(m, orgID, q), taskIDs(s, orgID, q), "%+v in org %s", q, orgID)
		}
	}

	memberIDs := func(st storage.Store, orgID org.ID, q storage.MemberQuery) (out []workforce.ID) {
		require.NoError(t, st.Org(orgID).View(ctx, func(tx storage.Tx) error {
			for v, err := range tx.Members().List(ctx, q) {
				if err != nil {
					return err
				}
				out = append(out, v.ID)
			}
			return nil
		}))
		return out
	}
	for range 50 {
		q := storage.MemberQuery{}
		if rng.IntN(2) == 0 {
			q.Role = wroles[rng.IntN(len(wroles))]
		}
		if rng.IntN(3) > 0 {
			q.ActiveOn = day()
		}
		for _, orgID := range []org.ID{"a", "b"} {
			require.Equal(t, memberIDs(m, orgID, q), memberIDs(s, orgID, q), "%+v in org %s", q, orgID)
		}
	}
}

// TestTaskBadData checks that a damaged task, member, trial or template document is an
// error naming what could not be decoded, never a panic.
func TestTaskBadData(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	db := sqlite.DB(s)
	require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error {
		v := task.Task{ID: "t1", TemplateID: "x", Title: "X", Citation: "45 CFR 164.316", Series: "t1",
			DueOn: d0, Assignee: task.Assignee{Role: task.RoleManager}, State: task.StateOpen}
		mb := workforce.Member{ID: "m1", Name: "Kim", Role: workforce.RoleNurse, StartOn: d0}
		tr := trials.Trial{ID: "tr-1", Title: "T", Sponsor: "v", Status: trials.StatusOpening}
		tpl := task.Template{ID: "x", Title: "X", Citation: "45 CFR 164.316", DefaultRole: task.RoleManager}
		return errors.Join(tx.Tasks().Create(ctx, &v), tx.Members().Create(ctx, &mb), tx.Trials().Create(ctx, &tr),
			tx.Templates().Create(ctx, &tpl))
	}))
	for _, c := range []struct {
		table, kind string
		get, list   func(storage.Tx) error
	}{
		{"tasks", "task", func(tx storage.Tx) error { _, err := tx.Tasks().Get(ctx, "t1"); return err },
			func(tx storage.Tx) error { return drain(tx.Tasks().List(ctx, storage.TaskQuery{Open: true})) }},
		{"members", "member", func(tx storage.Tx) error { _, err := tx.Members().Get(ctx, "m1"); return err },
			func(tx storage.Tx) error { return drain(tx.Members().List(ctx, storage.MemberQuery{})) }},
		{"trials", "trial", func(tx storage.Tx) error { _, err := tx.Trials().Get(ctx, "tr-1"); return err },
			func(tx storage.Tx) error { return drain(tx.Trials().List(ctx, storage.TrialQuery{})) }},
		{"templates", "template", func(tx storage.Tx) error { _, err := tx.Templates().Get(ctx, "x"); return err },
			func(tx storage.Tx) error { return drain(tx.Templates().List(ctx, storage.TemplateQuery{})) }},
	} {
		t.Run(c.kind, func(t *testing.T) {
			for _, doc := range []string{`{"id": "x", "state": "archived", "role": "astrologer", "status": "paused", "default_role": "Not A Role"}`, `{`, `[]`} {
				_, err := db.ExecContext(ctx, `UPDATE `+c.table+` SET doc = ?`, doc)
				require.NoError(t, err)
				for _, err := range []error{s.Org("o").View(ctx, c.get), s.Org("o").View(ctx, c.list)} {
					require.ErrorContains(t, err, "sqlite: decode "+c.kind, doc)
					require.NotErrorIs(t, err, validation.ErrInvalid, "a damaged record is not the caller's bad input")
					require.NotErrorIs(t, err, storage.ErrUnavailable, "nor a database failure")
				}
			}
		})
	}
	t.Run("UnencodableMember", func(t *testing.T) {
		bad := workforce.Member{ID: "m2", Name: "Bo", Role: "astrologer", StartOn: d0}
		err := s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Members().Create(ctx, &bad) })
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
}

func drain[V any](seq iter.Seq2[V, error]) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}
