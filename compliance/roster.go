package compliance

import (
	"context"
	"fmt"

	"github.com/hipaaops/hipaaops/record"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// AddMember adds a workforce member to the roster (no patient data); the rules give the
// member's role-specific training task (45 CFR 164.308(a)(5)). A zero StartOn is today.
func (e *Engine) AddMember(ctx context.Context, orgID org.ID, m workforce.Member) (workforce.Member, error) {
	err := e.update(ctx, orgID, "member.add", func(c *call) error {
		if m.ID == "" {
			m.ID = workforce.ID(e.newID("member"))
		}
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
		return c.record(record.KindMember, string(m.ID), m, eventSpec{EventMemberJoined, memberEvent(&m)})
	})
	return m, err
}

func (e *Engine) changeMember(ctx context.Context, orgID org.ID, id workforce.ID, version int64, action Action,
	change func(c *call, m *workforce.Member) (event.Type, error)) (workforce.Member, error) {
	var out workforce.Member
	err := e.update(ctx, orgID, action, func(c *call) error {
		m, err := c.tx.Members().Get(c.ctx, id)
		if err != nil {
			return err
		}
		if m.Version != version {
			return fmt.Errorf("member %q: version %d, stored %d: %w", id, version, m.Version, storage.ErrConflict)
		}
		typ, err := change(c, &m)
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
		return c.record(record.KindMember, string(m.ID), m, eventSpec{typ, memberEvent(&m)})
	})
	return out, err
}

// MemberLeaves records the member's last day; the rules give the same-day access
// revocation task (45 CFR 164.308(a)(3)(ii)(C)). A zero on is today.
func (e *Engine) MemberLeaves(ctx context.Context, orgID org.ID, id workforce.ID, version int64, on date.Date) (workforce.Member, error) {
	return e.changeMember(ctx, orgID, id, version, "member.leave", func(c *call, m *workforce.Member) (event.Type, error) {
		on, err := c.dateOr(on)
		if err != nil {
			return "", err
		}
		return EventMemberLeft, m.Leave(on)
	})
}

// ChangeMemberRole changes the member's role; the rules give the access review
// (45 CFR 164.308(a)(4)(ii)(C)).
func (e *Engine) ChangeMemberRole(ctx context.Context, orgID org.ID, id workforce.ID, version int64, r workforce.Role) (workforce.Member, error) {
	return e.changeMember(ctx, orgID, id, version, "member.change_role", func(c *call, m *workforce.Member) (event.Type, error) {
		_, err := m.ChangeRole(r)
		return EventMemberRole, err
	})
}

// RecordTraining records a completed training module; a zero CompletedOn is today.
func (e *Engine) RecordTraining(ctx context.Context, orgID org.ID, id workforce.ID, version int64, done workforce.Completion) (workforce.Member, error) {
	return e.changeMember(ctx, orgID, id, version, "member.record_training", func(c *call, m *workforce.Member) (event.Type, error) {
		var err error
		if done.CompletedOn, err = c.dateOr(done.CompletedOn); err != nil {
			return "", err
		}
		return EventMemberTraining, m.RecordTraining(done)
	})
}

// Members returns the roster entries that match q, ordered by name then id.
func (e *Engine) Members(ctx context.Context, orgID org.ID, q storage.MemberQuery) ([]workforce.Member, error) {
	var out []workforce.Member
	err := e.view(ctx, orgID, "member.read", func(c *call) (err error) {
		out, err = collect(c.tx.Members().List(c.ctx, q))
		return err
	})
	return out, err
}

// TrainingByRole reports, per role, how many active members have every module their role
// requires completed within validMonths of asOf (0: completions never lapse); a zero
// asOf is today. Members are read through the index on active members.
func (e *Engine) TrainingByRole(ctx context.Context, orgID org.ID, asOf date.Date, validMonths int) ([]workforce.RoleCompletion, error) {
	var out []workforce.RoleCompletion
	err := e.view(ctx, orgID, "member.read", func(c *call) error {
		var err error
		if asOf, err = c.dateOr(asOf); err != nil {
			return err
		}
		ms, err := collect(c.tx.Members().List(c.ctx, storage.MemberQuery{ActiveOn: asOf}))
		if err != nil {
			return err
		}
		out = workforce.CompletionByRole(ms, asOf, validMonths)
		return nil
	})
	return out, err
}

// OpenTrial records a clinical trial the practice opens; the rules give its HIPAA file
// task (authorization or waiver, 45 CFR 164.508 / 164.512(i); data-sharing agreement;
// BA assessment of sponsor and CRO). A zero OpenedOn is today; the status is opening.
// The sponsor (and CRO, if any) must be vendors of the organization.
func (e *Engine) OpenTrial(ctx context.Context, orgID org.ID, t trials.Trial) (trials.Trial, error) {
	err := e.update(ctx, orgID, "trial.open", func(c *call) error {
		if t.ID == "" {
			t.ID = trials.ID(e.newID("trial"))
		}
		var err error
		if t.OpenedOn, err = c.dateOr(t.OpenedOn); err != nil {
			return err
		}
		if t.Status == "" {
			t.Status = trials.StatusOpening
		}
		if err := t.Validate(); err != nil {
			return err
		}
		if err := checkOrgSites(c, "trials", t.Sites); err != nil {
			return err
		}
		for _, f := range []struct{ field, id string }{{"sponsor", string(t.Sponsor)}, {"cro", string(t.CRO)}} {
			if f.id == "" {
				continue
			}
			if _, err := c.tx.Vendors().Get(c.ctx, vendors.ID(f.id)); err != nil {
				return validation.New("trials", f.field, "vendor %q: %v", f.id, err)
			}
		}
		t.CreatedAt, t.UpdatedAt = c.now, c.now
		if err := c.tx.Trials().Create(c.ctx, &t); err != nil {
			return err
		}
		return c.record(record.KindTrial, string(t.ID), t, eventSpec{EventTrialOpened, trialEvent(&t)})
	})
	return t, err
}

func (e *Engine) changeTrial(ctx context.Context, orgID org.ID, id trials.ID, version int64, action Action,
	change func(t *trials.Trial, on date.Date) error, on date.Date) (trials.Trial, error) {
	var out trials.Trial
	err := e.update(ctx, orgID, action, func(c *call) error {
		t, err := c.tx.Trials().Get(c.ctx, id)
		if err != nil {
			return err
		}
		if t.Version != version {
			return fmt.Errorf("trial %q: version %d, stored %d: %w", id, version, t.Version, storage.ErrConflict)
		}
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		if err := change(&t, on); err != nil {
			return err
		}
		t.UpdatedAt = c.now
		if err := c.tx.Trials().Update(c.ctx, &t); err != nil {
			return err
		}
		out = t
		return c.record(record.KindTrial, string(t.ID), t, eventSpec{EventTrialChanged, trialEvent(&t)})
	})
	return out, err
}

// StartEnrolling moves a trial to enrolling; its research basis must be chosen.
func (e *Engine) StartEnrolling(ctx context.Context, orgID org.ID, id trials.ID, version int64, basis trials.Basis, on date.Date) (trials.Trial, error) {
	return e.changeTrial(ctx, orgID, id, version, "trial.enroll", func(t *trials.Trial, on date.Date) error {
		if basis != "" {
			t.Basis = basis
		}
		return t.StartEnrolling(on)
	}, on)
}

// CloseTrial closes a trial.
func (e *Engine) CloseTrial(ctx context.Context, orgID org.ID, id trials.ID, version int64, on date.Date) (trials.Trial, error) {
	return e.changeTrial(ctx, orgID, id, version, "trial.close", func(t *trials.Trial, on date.Date) error {
		return t.Close(on)
	}, on)
}

// Trials returns the organization's trials, ordered by id; status filters when set.
func (e *Engine) Trials(ctx context.Context, orgID org.ID, status trials.Status) ([]trials.Trial, error) {
	var out []trials.Trial
	err := e.view(ctx, orgID, "trial.read", func(c *call) (err error) {
		out, err = collect(c.tx.Trials().List(c.ctx, storage.TrialQuery{Status: status}))
		return err
	})
	return out, err
}
