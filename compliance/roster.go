package compliance

import (
	"context"
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// RosterService is the workforce roster of one organization (no patient data): members
// added, trained (45 CFR 164.308(a)(5), 164.530(b)), moved to another role and leaving
// (45 CFR 164.308(a)(3)(ii)(C)). The rules turn each into its task: training on
// joining, an access review on a role change, access revocation on the last day. Every
// change takes the member's [record.Ref] (the version read) and one input whose zero day
// means today in the organization's time zone.
type RosterService struct{ o *Org }

// Roster returns the organization's workforce roster.
func (o *Org) Roster() RosterService { return RosterService{o} }

// MemberQuery filters and pages a roster listing; zero fields do not filter.
type MemberQuery struct {
	// Role keeps members in this role.
	Role workforce.Role `json:"role,omitempty"`
	// ActiveOn keeps members employed on that day (started on or before it, not ended
	// before it).
	ActiveOn date.Date `json:"active_on,omitzero"`
	PageQuery
}

// memberCursor is the position of a roster listing.
type memberCursor struct {
	Name string       `json:"n"`
	ID   workforce.ID `json:"i"`
}

// Add adds a workforce member to the roster; the rules give the member's role-specific
// training task (45 CFR 164.308(a)(5)). The ID is assigned when empty; a zero StartOn
// is today (a member may be recorded before the first day).
func (s RosterService) Add(ctx context.Context, m workforce.Member) (workforce.Member, error) {
	err := s.o.update(ctx, ActionMemberAdd, func(c *call) error {
		if m.ID == "" {
			m.ID = workforce.ID(c.e.newID(record.KindMember))
		}
		m.Name = trimmed(m.Name)
		var err error
		if m.StartOn, err = c.dateOr(m.StartOn); err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			return err
		}
		if err := checkOrgSites(c, "workforce", m.Sites); err != nil {
			return err
		}
		m.CreatedAt, m.UpdatedAt = c.now, c.now
		if err := c.tx.Members().Create(c.ctx, &m); err != nil {
			return err
		}
		return c.record(record.KindMember, string(m.ID), m, memberSpec(EventMemberJoined, &m))
	})
	return result(m, err)
}

// Get returns one member.
func (s RosterService) Get(ctx context.Context, id workforce.ID) (workforce.Member, error) {
	var m workforce.Member
	err := s.o.view(ctx, ActionMemberRead, func(c *call) (err error) {
		m, err = c.tx.Members().Get(c.ctx, id)
		return err
	})
	return result(m, err)
}

// List returns a page of the members that match q, by name then id.
func (s RosterService) List(ctx context.Context, q MemberQuery) (Page[workforce.Member], error) {
	var p Page[workforce.Member]
	err := s.o.view(ctx, ActionMemberRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		if q.Role != "" && !q.Role.Valid() {
			return validation.New("compliance", "role", "%q is not a workforce role", q.Role)
		}
		var pos memberCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.MemberQuery{Role: q.Role, ActiveOn: q.ActiveOn, AfterName: pos.Name, AfterID: pos.ID, Limit: limit + 1}
		p, err = collectPage(c.tx.Members().List(c.ctx, sq), limit,
			func(m *workforce.Member) memberCursor { return memberCursor{m.Name, m.ID} })
		return err
	})
	return result(p, err)
}

// loadMember reads a member and checks the caller's version against the stored one.
func loadMember(c *call, ref record.Ref[workforce.ID]) (workforce.Member, error) {
	m, err := c.tx.Members().Get(c.ctx, ref.ID)
	if err != nil {
		return m, err
	}
	if m.Version != ref.Version {
		return m, fmt.Errorf("member %q: version %d, stored %d: %w", ref.ID, ref.Version, m.Version, storage.ErrConflict)
	}
	return m, nil
}

// change is the shape of every change of one member: load at the ref's version, change,
// validate, store, audit and emit.
func (s RosterService) change(ctx context.Context, ref record.Ref[workforce.ID], action Action,
	change func(c *call, m *workforce.Member) (eventSpec, error)) (workforce.Member, error) {
	var out workforce.Member
	err := s.o.update(ctx, action, func(c *call) error {
		m, err := loadMember(c, ref)
		if err != nil {
			return err
		}
		ev, err := change(c, &m)
		if err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			return err
		}
		m.UpdatedAt = c.now
		if err := c.tx.Members().Update(c.ctx, &m); err != nil {
			return err
		}
		out = m
		return c.record(record.KindMember, string(m.ID), m, ev)
	})
	return result(out, err)
}

// Leave records the member's last day, which may be ahead (a notice period); the rules
// give the access revocation task, due that day (45 CFR 164.308(a)(3)(ii)(C)). A zero
// l.On is today.
func (s RosterService) Leave(ctx context.Context, ref record.Ref[workforce.ID], l workforce.Leaving) (workforce.Member, error) {
	return s.change(ctx, ref, ActionMemberLeave, func(c *call, m *workforce.Member) (eventSpec, error) {
		var err error
		if l.On, err = c.dateOr(l.On); err != nil {
			return eventSpec{}, err
		}
		if err := m.Leave(l); err != nil {
			return eventSpec{}, err
		}
		return memberSpec(EventMemberLeft, m), nil
	})
}

// ChangeRole gives the member another role; the rules give the access review
// (45 CFR 164.308(a)(4)(ii)(C)).
func (s RosterService) ChangeRole(ctx context.Context, ref record.Ref[workforce.ID], rc workforce.RoleChange) (workforce.Member, error) {
	return s.change(ctx, ref, ActionMemberChangeRole, func(c *call, m *workforce.Member) (eventSpec, error) {
		old, err := m.ChangeRole(rc)
		if err != nil {
			return eventSpec{}, err
		}
		p := memberEvent(m)
		p.PreviousRole = old
		return eventSpec{EventMemberRole, p}, nil
	})
}

// RecordTraining records a completed training module (45 CFR 164.308(a)(5)(i),
// 164.530(b)(2)(ii)); a zero CompletedOn is today, and a completion dated in the future
// is refused.
func (s RosterService) RecordTraining(ctx context.Context, ref record.Ref[workforce.ID], done workforce.Completion) (workforce.Member, error) {
	return s.change(ctx, ref, ActionMemberRecordTraining, func(c *call, m *workforce.Member) (eventSpec, error) {
		var err error
		if done.CompletedOn, err = c.pastDate("workforce", "completed_on", done.CompletedOn); err != nil {
			return eventSpec{}, err
		}
		if err := m.RecordTraining(done); err != nil {
			return eventSpec{}, err
		}
		p := memberEvent(m)
		p.Training = &done
		return eventSpec{EventMemberTraining, p}, nil
	})
}

// TrainingOptions choose the day and the policy of [RosterService.TrainingByRole].
type TrainingOptions struct {
	// AsOf is the day; zero means today in the organization's time zone.
	AsOf date.Date `json:"as_of,omitzero"`
	// ValidMonths is how long a completion stays current (the practice's policy,
	// commonly 12); 0 means completions never lapse.
	ValidMonths int `json:"valid_months"`
}

// TrainingReport is the training completion of the active workforce, by role.
type TrainingReport struct {
	// AsOf and ValidMonths are the report's day and policy.
	AsOf        date.Date `json:"as_of"`
	ValidMonths int       `json:"valid_months"`
	// Roles counts, per role with an active member, the members and those with every
	// module their role requires current ([workforce.CompletionByRole] order).
	Roles []workforce.RoleCompletion `json:"roles"`
}

// TrainingByRole reports, per role, how many active members have every module their
// role requires completed within opts.ValidMonths of opts.AsOf: the evidence that the
// training program reaches the whole workforce (45 CFR 164.308(a)(5)(i),
// 164.530(b)(2)(ii)). Members are read through the index on active members.
func (s RosterService) TrainingByRole(ctx context.Context, opts TrainingOptions) (TrainingReport, error) {
	var out TrainingReport
	err := s.o.view(ctx, ActionTrainingReport, func(c *call) error {
		if opts.ValidMonths < 0 {
			return validation.New("compliance", "valid_months", "must not be negative, got %d", opts.ValidMonths)
		}
		asOf, err := c.dateOr(opts.AsOf)
		if err != nil {
			return err
		}
		ms, err := collect(c.tx.Members().List(c.ctx, storage.MemberQuery{ActiveOn: asOf}))
		if err != nil {
			return err
		}
		out = TrainingReport{AsOf: asOf, ValidMonths: opts.ValidMonths,
			Roles: workforce.CompletionByRole(ms, asOf, opts.ValidMonths)}
		return nil
	})
	return result(out, err)
}

// memberSpec is the event of type typ about m.
func memberSpec(typ event.Type, m *workforce.Member) eventSpec { return eventSpec{typ, memberEvent(m)} }

// TrialService is the HIPAA file of the clinical trials of one organization: each trial
// opened (the rules give its HIPAA file task: authorization or waiver, 45 CFR 164.508 /
// 164.512(i); data-sharing agreement; BA assessment of sponsor and CRO), enrolling once
// its research basis is chosen, and closed. Every move takes the trial's [record.Ref]
// and one input whose zero day means today; a move dated in the future is refused.
type TrialService struct{ o *Org }

// Trials returns the organization's clinical trials.
func (o *Org) Trials() TrialService { return TrialService{o} }

// TrialQuery filters and pages a trial listing; zero fields do not filter.
type TrialQuery struct {
	// Status keeps trials in this status.
	Status trials.Status `json:"status,omitempty"`
	PageQuery
}

// trialCursor is the position of a trial listing.
type trialCursor struct {
	ID trials.ID `json:"i"`
}

// Open records a clinical trial the practice opens. Its ID is assigned when empty; a
// zero OpenedOn is today and one in the future is refused; the status is opening. The
// sponsor (and CRO, if any) must be vendors of the organization.
func (s TrialService) Open(ctx context.Context, t trials.Trial) (trials.Trial, error) {
	err := s.o.update(ctx, ActionTrialOpen, func(c *call) error {
		if t.ID == "" {
			t.ID = trials.ID(c.e.newID(record.KindTrial))
		}
		var err error
		if t.OpenedOn, err = c.pastDate("trials", "opened_on", t.OpenedOn); err != nil {
			return err
		}
		if t.Status != "" && t.Status != trials.StatusOpening {
			return validation.New("trials", "status", "must be opening when opening a trial, got %q", t.Status)
		}
		t.Status = trials.StatusOpening
		if err := t.Validate(); err != nil {
			return err
		}
		if err := checkOrgSites(c, "trials", t.Sites); err != nil {
			return err
		}
		for _, f := range []struct {
			field string
			id    vendors.ID
		}{{"sponsor", t.Sponsor}, {"cro", t.CRO}} {
			if f.id == "" {
				continue
			}
			_, err := c.tx.Vendors().Get(c.ctx, f.id)
			switch {
			case errors.Is(err, storage.ErrNotFound):
				return validation.New("trials", f.field, "%q is not a vendor of the organization", f.id)
			case err != nil:
				return err
			}
		}
		t.CreatedAt, t.UpdatedAt = c.now, c.now
		if err := c.tx.Trials().Create(c.ctx, &t); err != nil {
			return err
		}
		return c.record(record.KindTrial, string(t.ID), t, eventSpec{EventTrialOpened, trialEvent(&t)})
	})
	return result(t, err)
}

// Get returns one trial.
func (s TrialService) Get(ctx context.Context, id trials.ID) (trials.Trial, error) {
	var t trials.Trial
	err := s.o.view(ctx, ActionTrialRead, func(c *call) (err error) {
		t, err = c.tx.Trials().Get(c.ctx, id)
		return err
	})
	return result(t, err)
}

// List returns a page of the trials that match q, by id.
func (s TrialService) List(ctx context.Context, q TrialQuery) (Page[trials.Trial], error) {
	var p Page[trials.Trial]
	err := s.o.view(ctx, ActionTrialRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		if q.Status != "" && !q.Status.Valid() {
			return validation.New("compliance", "status", "%q is not a trial status", q.Status)
		}
		var pos trialCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.TrialQuery{Status: q.Status, AfterID: pos.ID, Limit: limit + 1}
		p, err = collectPage(c.tx.Trials().List(c.ctx, sq), limit,
			func(t *trials.Trial) trialCursor { return trialCursor{t.ID} })
		return err
	})
	return result(p, err)
}

// loadTrial reads a trial and checks the caller's version against the stored one.
func loadTrial(c *call, ref record.Ref[trials.ID]) (trials.Trial, error) {
	t, err := c.tx.Trials().Get(c.ctx, ref.ID)
	if err != nil {
		return t, err
	}
	if t.Version != ref.Version {
		return t, fmt.Errorf("trial %q: version %d, stored %d: %w", ref.ID, ref.Version, t.Version, storage.ErrConflict)
	}
	return t, nil
}

// change is the shape of every move of one trial: load at the ref's version, date the
// move (today when on is zero; never in the future), change, validate, store, audit and
// emit.
func (s TrialService) change(ctx context.Context, ref record.Ref[trials.ID], action Action, on *date.Date,
	change func(t *trials.Trial) error) (trials.Trial, error) {
	var out trials.Trial
	err := s.o.update(ctx, action, func(c *call) error {
		t, err := loadTrial(c, ref)
		if err != nil {
			return err
		}
		if *on, err = c.pastDate("trials", "on", *on); err != nil {
			return err
		}
		if err := change(&t); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.UpdatedAt = c.now
		if err := c.tx.Trials().Update(c.ctx, &t); err != nil {
			return err
		}
		out = t
		return c.record(record.KindTrial, string(t.ID), t, eventSpec{EventTrialChanged, trialEvent(&t)})
	})
	return result(out, err)
}

// StartEnrolling moves an opening trial to enrolling; its research basis must be
// chosen, before or in e.Basis (45 CFR 164.508, 164.512(i), 164.514(e)). A zero e.On is
// today.
func (s TrialService) StartEnrolling(ctx context.Context, ref record.Ref[trials.ID], e trials.Enrolling) (trials.Trial, error) {
	return s.change(ctx, ref, ActionTrialStartEnrolling, &e.On, func(t *trials.Trial) error {
		return t.StartEnrolling(e)
	})
}

// Close closes an opening or enrolling trial; a zero cl.On is today.
func (s TrialService) Close(ctx context.Context, ref record.Ref[trials.ID], cl trials.Closing) (trials.Trial, error) {
	return s.change(ctx, ref, ActionTrialClose, &cl.On, func(t *trials.Trial) error {
		return t.Close(cl)
	})
}
