package storagetest

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// newTask returns an open task due on due, assigned to a role, at the main site.
func newTask(id task.ID, due int) task.Task {
	return task.Task{ID: id, TemplateID: "annual-risk-analysis", TemplateVersion: 1,
		Title: "Annual security risk analysis", Citation: "45 CFR 164.308(a)(1)(ii)(A)",
		Series: id, SeriesStart: d0 + dateOf(due), Occurrence: 1, Trigger: "profile.seeded", TriggeredOn: d0,
		DueOn: d0 + dateOf(due), Assignee: task.Assignee{Role: task.RoleSecurityOfficer}, Site: "main",
		State: task.StateOpen, CreatedAt: t0, UpdatedAt: t0}
}

// fullTask has every field set, to prove a backend keeps all of it.
func fullTask(id task.ID) task.Task {
	t := newTask(id, 30)
	t.Instructions = "Map PHI flows from intake to infusion pumps"
	t.Checklist = []task.ChecklistItem{{Text: "Inventory systems", Done: true, DoneOn: d0, DoneBy: "Sam"}, {Text: "Score risks"}}
	t.EvidenceRequired = true
	t.Recurrence = &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar}
	t.Subject = task.Subject{Type: "vendor", ID: "v-1"}
	t.Assignee = task.Assignee{Person: "u-sam"}
	t.State = task.StateDone
	t.Evidence = []task.Evidence{{Name: "SRA 2026.pdf", Location: "dms://sra/2026.pdf",
		SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AddedOn: d0 + 20, AddedBy: "u-sam"}}
	t.CompletedOn, t.CompletedBy = d0+21, "u-sam"
	t.NextID = id + "-2"
	t.History = []task.Change{{From: task.StateOpen, To: task.StateDone, On: d0 + 21, By: "u-sam", Note: "approved"}}
	return t
}

func dateOf(days int) date.Date { return date.Date(days) }

func createTasks(t *testing.T, s storage.Store, id org.ID, ts ...task.Task) {
	t.Helper()
	update(t, s, id, func(tx storage.Tx) error {
		for i := range ts {
			if err := tx.Tasks().Create(ctx, &ts[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func listTasks(t *testing.T, s storage.Store, id org.ID, q storage.TaskQuery) []task.ID {
	t.Helper()
	out := []task.ID{}
	view(t, s, id, func(tx storage.Tx) error {
		for v, err := range tx.Tasks().List(ctx, q) {
			if err != nil {
				return err
			}
			out = append(out, v.ID)
		}
		return nil
	})
	return out
}

func getTask(t *testing.T, s storage.Store, o org.ID, id task.ID) (v task.Task, err error) {
	t.Helper()
	_ = s.Org(o).View(ctx, func(tx storage.Tx) error {
		v, err = tx.Tasks().Get(ctx, id)
		return nil
	})
	return v, err
}

func newMember(id workforce.ID, name string, role workforce.Role, start, end int) workforce.Member {
	m := workforce.Member{ID: id, Name: name, Role: role, Sites: []org.SiteID{"main"},
		StartOn: d0 + dateOf(start), CreatedAt: t0, UpdatedAt: t0}
	if end != 0 {
		m.EndOn = d0 + dateOf(end)
	}
	return m
}

var taskTests = []test{
	{"Task/RoundTrip", "every field of a task survives storage; versions start at 1 and advance", func(t *testing.T, s storage.Store) {
		v := fullTask("t1")
		createTasks(t, s, orgA, v)
		got, err := getTask(t, s, orgA, "t1")
		require.NoError(t, err)
		v.Version = 1
		sameJSON(t, v, got)
		got.Title = "Renamed"
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Tasks().Update(ctx, &got) })
		require.EqualValues(t, 2, got.Version)
		again, err := getTask(t, s, orgA, "t1")
		require.NoError(t, err)
		require.Equal(t, "Renamed", again.Title)
		require.EqualValues(t, 2, again.Version)
	}},
	{"Task/Errors", "a duplicate id is ErrExists, a stale version ErrConflict, a missing task ErrNotFound, an unknown state a validation error; none changes anything", func(t *testing.T, s storage.Store) {
		createTasks(t, s, orgA, newTask("t1", 10))
		dup := newTask("t1", 99)
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Tasks().Create(ctx, &dup) }), storage.ErrExists)
		stale := newTask("t1", 20) // version 0, stored 1
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Tasks().Update(ctx, &stale) }), storage.ErrConflict)
		missing := newTask("nope", 1)
		missing.Version = 1
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Tasks().Update(ctx, &missing) }), storage.ErrNotFound)
		bad := newTask("t2", 1)
		bad.State = "archived"
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Tasks().Create(ctx, &bad) }), validation.ErrInvalid)
		got, err := getTask(t, s, orgA, "t1")
		require.NoError(t, err)
		require.Equal(t, d0+10, got.DueOn)
		require.EqualValues(t, 1, got.Version)
		_, err = getTask(t, s, orgA, "t2")
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Task/ListFilters", "List filters by open state, due window [From, To), assignee person or role, site, subject and series, ordered by due date then id", func(t *testing.T, s storage.Store) {
		a := newTask("a", 5)
		b := newTask("b", 5)
		b.Assignee = task.Assignee{Person: "u-kim"}
		c := newTask("c", 10)
		c.Site = "infusion"
		c.Subject = task.Subject{Type: "trial", ID: "tr-1"}
		d := newTask("d", 1)
		d.State = task.StateDone
		e := newTask("e", -3) // overdue
		e.State = task.StateBlocked
		f := newTask("f", 20)
		f.Series, f.Occurrence = "a", 2
		f.Assignee = task.Assignee{Role: task.RolePrivacyOfficer}
		createTasks(t, s, orgA, f, e, d, c, b, a)

		tests := []struct {
			name string
			q    storage.TaskQuery
			want []task.ID
		}{
			{"all, by due then id", storage.TaskQuery{}, []task.ID{"e", "d", "a", "b", "c", "f"}},
			{"open", storage.TaskQuery{Open: true}, []task.ID{"e", "a", "b", "c", "f"}},
			{"due window includes From", storage.TaskQuery{Due: storage.Window{From: d0 + 5, To: d0 + 10}}, []task.ID{"a", "b"}},
			{"due window excludes To", storage.TaskQuery{Due: storage.Window{From: d0 + 6, To: d0 + 11}}, []task.ID{"c"}},
			{"overdue as of d0", storage.TaskQuery{Open: true, Due: storage.Window{To: d0}}, []task.ID{"e"}},
			{"my tasks", storage.TaskQuery{Open: true, Person: "u-kim"}, []task.ID{"b"}},
			{"by role", storage.TaskQuery{Role: task.RolePrivacyOfficer}, []task.ID{"f"}},
			{"by site", storage.TaskQuery{Open: true, Site: "infusion"}, []task.ID{"c"}},
			{"overdue by site", storage.TaskQuery{Open: true, Site: "main", Due: storage.Window{To: d0 + 6}}, []task.ID{"e", "a", "b"}},
			{"a trial's open checklist", storage.TaskQuery{Open: true, Subject: task.Subject{Type: "trial", ID: "tr-1"}}, []task.ID{"c"}},
			{"a series", storage.TaskQuery{Series: "a"}, []task.ID{"a", "f"}},
			{"page after (d0+5, a), limit 2", storage.TaskQuery{AfterDue: d0 + 5, AfterID: "a", Limit: 2}, []task.ID{"b", "c"}},
		}
		for _, tt := range tests {
			require.Equal(t, tt.want, listTasks(t, s, orgA, tt.q), tt.name)
		}
	}},
	{"Template/CRUD", "templates are stored whole, listed by id, versioned; a stale update is ErrConflict", func(t *testing.T, s storage.Store) {
		b := task.Template{ID: "baa-review", Title: "Annual BAA review", Citation: "45 CFR 164.504(e)",
			DefaultRole: task.RolePrivacyOfficer, DueOffsetDays: 30, Checklist: []string{"Read the BAA", "Check clauses"},
			Recurrence:       &task.Recurrence{Every: 12, Unit: task.UnitMonth, Anchor: task.AnchorCompletion},
			EvidenceRequired: true, CreatedAt: t0, UpdatedAt: t0}
		a := task.Template{ID: "access-review", Title: "Access review", Citation: "45 CFR 164.308(a)(4)",
			DefaultRole: task.RoleSecurityOfficer, CreatedAt: t0, UpdatedAt: t0}
		update(t, s, orgA, func(tx storage.Tx) error {
			if err := tx.Templates().Create(ctx, &b); err != nil {
				return err
			}
			return tx.Templates().Create(ctx, &a)
		})
		var got []task.Template
		view(t, s, orgA, func(tx storage.Tx) error {
			got = collect(t, tx.Templates().List(ctx, storage.TemplateQuery{}))
			return nil
		})
		require.Len(t, got, 2)
		require.Equal(t, task.TemplateID("access-review"), got[0].ID)
		b.Version = 1
		sameJSON(t, b, got[1])
		stale := got[1]
		got[1].Title = "Annual BAA review (v2)"
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Templates().Update(ctx, &got[1]) })
		require.EqualValues(t, 2, got[1].Version)
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Templates().Update(ctx, &stale) }), storage.ErrConflict)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error { _, err := tx.Templates().Get(ctx, "baa-review"); return err }), storage.ErrNotFound)
	}},
	{"Member/CRUD", "members are stored whole and listed by name then id, filtered by role and by being active on a day", func(t *testing.T, s storage.Store) {
		kim := newMember("m1", "Kim Park", workforce.RolePhysicist, -100, 0)
		kim.Email = "kim@clinic.example"
		kim.Trainings = []workforce.Completion{{Module: workforce.ModuleGeneralHIPAA, CompletedOn: d0 - 90, Evidence: "lms://1"}}
		ann := newMember("m2", "Ann Lee", workforce.RoleNurse, -50, -10) // left
		bo := newMember("m3", "Bo Diaz", workforce.RolePhysicist, 5, 0)  // starts later
		update(t, s, orgA, func(tx storage.Tx) error {
			for _, m := range []*workforce.Member{&kim, &ann, &bo} {
				if err := tx.Members().Create(ctx, m); err != nil {
					return err
				}
			}
			return nil
		})
		names := func(q storage.MemberQuery) []workforce.ID {
			out := []workforce.ID{}
			view(t, s, orgA, func(tx storage.Tx) error {
				for _, m := range collect(t, tx.Members().List(ctx, q)) {
					out = append(out, m.ID)
				}
				return nil
			})
			return out
		}
		require.Equal(t, []workforce.ID{"m2", "m3", "m1"}, names(storage.MemberQuery{}))
		require.Equal(t, []workforce.ID{"m3", "m1"}, names(storage.MemberQuery{Role: workforce.RolePhysicist}))
		require.Equal(t, []workforce.ID{"m1"}, names(storage.MemberQuery{ActiveOn: d0}))
		require.Equal(t, []workforce.ID{"m2", "m1"}, names(storage.MemberQuery{ActiveOn: d0 - 10}), "the last day counts")
		var got workforce.Member
		view(t, s, orgA, func(tx storage.Tx) (err error) { got, err = tx.Members().Get(ctx, "m1"); return err })
		kim.Version = 1
		sameJSON(t, kim, got)
		stale := got
		got.Role = workforce.RoleDosimetrist
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Members().Update(ctx, &got) })
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Members().Update(ctx, &stale) }), storage.ErrConflict)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error { _, err := tx.Members().Get(ctx, "m1"); return err }), storage.ErrNotFound)
	}},
	{"Trial/CRUD", "trials are stored whole, listed by id and filtered by status", func(t *testing.T, s storage.Store) {
		t1 := trials.Trial{ID: "tr-1", Title: "Phase II CAR-T", Protocol: "NCT00000001", Sponsor: "v-sponsor", CRO: "v-cro",
			Sites: []org.SiteID{"main"}, Status: trials.StatusEnrolling, Basis: trials.BasisAuthorization,
			OpenedOn: d0 - 30, EnrollingOn: d0 - 10, PrincipalInvestigator: "Dr. Osei", CreatedAt: t0, UpdatedAt: t0}
		t2 := trials.Trial{ID: "tr-0", Title: "Registry", Sponsor: "v-sponsor", Status: trials.StatusOpening,
			OpenedOn: d0, CreatedAt: t0, UpdatedAt: t0}
		update(t, s, orgA, func(tx storage.Tx) error {
			if err := tx.Trials().Create(ctx, &t1); err != nil {
				return err
			}
			return tx.Trials().Create(ctx, &t2)
		})
		view(t, s, orgA, func(tx storage.Tx) error {
			all := collect(t, tx.Trials().List(ctx, storage.TrialQuery{}))
			require.Len(t, all, 2)
			require.Equal(t, trials.ID("tr-0"), all[0].ID)
			t1.Version = 1
			sameJSON(t, t1, all[1])
			enrolling := collect(t, tx.Trials().List(ctx, storage.TrialQuery{Status: trials.StatusEnrolling}))
			require.Len(t, enrolling, 1)
			require.Equal(t, trials.ID("tr-1"), enrolling[0].ID)
			return nil
		})
		stale := t1
		t1.Status = trials.StatusClosed
		t1.ClosedOn = d0
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Trials().Update(ctx, &t1) })
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Trials().Update(ctx, &stale) }), storage.ErrConflict)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error { _, err := tx.Trials().Get(ctx, "tr-1"); return err }), storage.ErrNotFound)
	}},
	{"Reminders/ClaimOnce", "a reminder key is claimed once per organization; a rolled-back claim is released", func(t *testing.T, s storage.Store) {
		claim := func(o org.ID, key string) bool {
			var ok bool
			update(t, s, o, func(tx storage.Tx) (err error) { ok, err = tx.Reminders().Claim(ctx, key, t0); return err })
			return ok
		}
		require.True(t, claim(orgA, "task:t1:2026-03-09:due:7"))
		require.False(t, claim(orgA, "task:t1:2026-03-09:due:7"), "claimed before")
		require.True(t, claim(orgA, "task:t1:2026-03-09:due:1"), "another threshold")
		require.True(t, claim(orgB, "task:t1:2026-03-09:due:7"), "another organization")
		update(t, s, orgA, func(tx storage.Tx) error {
			ok, err := tx.Reminders().Claim(ctx, "k", t0)
			require.True(t, ok)
			ok, err2 := tx.Reminders().Claim(ctx, "k", t0)
			require.False(t, ok, "claimed earlier in the same transaction")
			return errors.Join(err, err2)
		})
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
			if _, err := tx.Reminders().Claim(ctx, "rolled-back", t0); err != nil {
				return err
			}
			return errors.New("the sweep failed")
		})
		require.Error(t, err)
		require.True(t, claim(orgA, "rolled-back"), "the failed transaction claimed nothing")
		err = s.Org(orgA).View(ctx, func(tx storage.Tx) error { _, err := tx.Reminders().Claim(ctx, "x", t0); return err })
		require.Error(t, err, "a claim is a write")
	}},
	{"Reminders/ConcurrentClaims", "of many transactions claiming the same keys at once, exactly one claims each key", func(t *testing.T, s storage.Store) {
		const workers, keys = 8, 5
		var claimed [keys]atomic.Int64
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make(chan error, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for attempt := 0; ; attempt++ {
					var mine []int
					err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
						mine = mine[:0]
						for k := range keys {
							ok, err := tx.Reminders().Claim(ctx, fmt.Sprintf("key-%d", (k+w)%keys), t0.Add(time.Duration(w)))
							if err != nil {
								return err
							}
							if ok {
								mine = append(mine, (k+w)%keys)
							}
						}
						return nil
					})
					if errors.Is(err, storage.ErrConflict) && attempt < 20 { // a busy database: retry
						continue
					}
					if err != nil {
						errs <- err
						return
					}
					for _, k := range mine {
						claimed[k].Add(1)
					}
					return
				}
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		for k := range keys {
			require.EqualValues(t, 1, claimed[k].Load(), "key-%d", k)
		}
	}},
	{"Task/RollbackAndIsolation", "a failed transaction leaves no task, template, member or trial; another organization sees none of them", func(t *testing.T, s storage.Store) {
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
			v := newTask("t1", 1)
			m := newMember("m1", "Kim", workforce.RoleNurse, 0, 0)
			tr := trials.Trial{ID: "tr-1", Title: "T", Sponsor: vendors.ID("v"), Status: trials.StatusOpening, OpenedOn: d0}
			tpl := task.Template{ID: "x", Title: "X", Citation: "45 CFR 164.316", DefaultRole: task.RolePrivacyOfficer}
			if err := errors.Join(tx.Tasks().Create(ctx, &v), tx.Members().Create(ctx, &m),
				tx.Trials().Create(ctx, &tr), tx.Templates().Create(ctx, &tpl)); err != nil {
				return err
			}
			return errors.New("second step failed")
		})
		require.EqualError(t, err, "second step failed")
		view(t, s, orgA, func(tx storage.Tx) error {
			require.Empty(t, collect(t, tx.Tasks().List(ctx, storage.TaskQuery{})))
			require.Empty(t, collect(t, tx.Members().List(ctx, storage.MemberQuery{})))
			require.Empty(t, collect(t, tx.Trials().List(ctx, storage.TrialQuery{})))
			require.Empty(t, collect(t, tx.Templates().List(ctx, storage.TemplateQuery{})))
			return nil
		})
		createTasks(t, s, orgA, newTask("t1", 1))
		require.Equal(t, []task.ID{}, listTasks(t, s, orgB, storage.TaskQuery{}))
		_, err = getTask(t, s, orgB, "t1")
		require.ErrorIs(t, err, storage.ErrNotFound)
		other := newTask("t1", 1)
		other.Version = 1
		require.ErrorIs(t, s.Org(orgB).Update(ctx, func(tx storage.Tx) error { return tx.Tasks().Update(ctx, &other) }), storage.ErrNotFound)
	}},
}
