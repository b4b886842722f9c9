package compliance

import (
	"context"
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// DefaultRiskMethod is the scoring method of an organization that has not chosen one.
const DefaultRiskMethod = riskreg.MethodHHS3x3

// DefaultPostureTop is how many top risks [RiskService.Posture] lists when
// PostureOptions.Top is zero.
const DefaultPostureTop = 10

// method returns the organization's scoring method.
func (c *call) method() (riskreg.Method, error) {
	o, err := c.orgProfile()
	if err != nil {
		return riskreg.Method{}, err
	}
	id := riskreg.MethodID(o.RiskMethod)
	if id == "" {
		id = DefaultRiskMethod
	}
	m, ok := riskreg.GetMethod(id)
	if !ok {
		return m, validation.New("org", "risk_method", "%q is not a scoring method", id)
	}
	return m, nil
}

// RiskService is the risk register of one organization (45 CFR 164.308(a)(1)(ii)(A)
// risk analysis, (B) risk management): risks recorded, rated on the organization's
// scoring method, treated (with a task for the owner), accepted by a named approver,
// reviewed and closed. Every move takes the risk's [record.Ref] (the version read) and
// one input whose zero day means today in the organization's time zone; a move dated in
// the future is refused on the input's date field (rated_on, approved_on, reviewed_on,
// closed_on), and a move the risk's state does not allow is a failed precondition
// ([riskreg.ErrTransition]).
type RiskService struct{ o *Org }

// Risks returns the organization's risk register.
func (o *Org) Risks() RiskService { return RiskService{o} }

// RiskQuery filters and pages the register; zero fields do not filter. At most one of
// the due windows may be set.
type RiskQuery struct {
	// Open keeps the risks that are not closed.
	Open bool `json:"open,omitempty"`
	// TreatmentDueBefore keeps the risks being treated whose treatment due date
	// ([riskreg.Risk.TreatmentDueOn]) is before this day, by due date.
	TreatmentDueBefore date.Date `json:"treatment_due_before,omitzero"`
	// ReviewDueBefore keeps the accepted risks whose acceptance review date
	// ([riskreg.Risk.AcceptanceReviewOn]) is before this day, by review date.
	ReviewDueBefore date.Date `json:"review_due_before,omitzero"`
	PageQuery
}

// riskCursor is the position of a risk listing: the date it is ordered by (zero without
// a window) and the id.
type riskCursor struct {
	On date.Date  `json:"o,omitzero"`
	ID riskreg.ID `json:"i"`
}

// StarterOptions choose the day of [RiskService.SeedStarter].
type StarterOptions struct {
	// On is the day of the history entry of a starter risk moved to the organization's
	// method; zero means today in the organization's time zone.
	On date.Date `json:"seeded_on,omitzero"`
}

// MethodChange is the input of [RiskService.SetMethod].
type MethodChange struct {
	// Method is the scoring method the organization adopts.
	Method riskreg.MethodID `json:"method,omitempty"`
	// On is the day of the change, recorded in each re-rated risk's history; zero means
	// today in the organization's time zone.
	On date.Date `json:"changed_on,omitzero"`
}

// MethodChanged is what [RiskService.SetMethod] did.
type MethodChanged struct {
	// Method is the organization's method now; Previous the one it had.
	Method   riskreg.Method   `json:"method"`
	Previous riskreg.MethodID `json:"previous,omitempty"`
	// On is the day of the change.
	On date.Date `json:"changed_on"`
	// Rerated are the risks moved to the new method, by id.
	Rerated []riskreg.ID `json:"rerated"`
}

// PostureOptions choose what [RiskService.Posture] reports.
type PostureOptions struct {
	// Top is how many risks each top list holds, 1 to [MaxPageSize]; zero means
	// [DefaultPostureTop].
	Top int `json:"top,omitempty"`
}

// RiskReport is the register's posture: heat maps, top risks, and the addressable
// specifications without a decision.
type RiskReport struct {
	// Method is the organization's scoring method, with its scales and rating rule.
	Method riskreg.Method `json:"method"`
	// InherentHeatMap and ResidualHeatMap count the risks that are not closed per
	// likelihood × impact cell of the method, every cell present ([riskreg.HeatMapFor]).
	InherentHeatMap []riskreg.Cell `json:"inherent_heat_map"`
	ResidualHeatMap []riskreg.Cell `json:"residual_heat_map"`
	// TopByRating and TopByALE are the highest risks that are not closed, by current
	// rating and by annualized loss expectancy ([riskreg.Top]).
	TopByRating []riskreg.Risk `json:"top_by_rating"`
	TopByALE    []riskreg.Risk `json:"top_by_ale"`
	// UndecidedAddressable are the addressable specifications of the current catalog
	// without a recorded decision (45 CFR 164.306(d)(3)).
	UndecidedAddressable []controls.Control `json:"undecided_addressable"`
}

// loadRisk reads a risk and checks the caller's version against the stored one.
func loadRisk(c *call, ref record.Ref[riskreg.ID]) (riskreg.Risk, error) {
	r, err := c.tx.Risks().Get(c.ctx, ref.ID)
	if err != nil {
		return r, err
	}
	if r.Version != ref.Version {
		return r, fmt.Errorf("risk %q: version %d, stored %d: %w", ref.ID, ref.Version, r.Version, storage.ErrConflict)
	}
	return r, nil
}

func saveRisk(c *call, r *riskreg.Risk) error {
	r.UpdatedAt = c.now
	return c.tx.Risks().Update(c.ctx, r)
}

// Record adds a risk to the register: the asset or PHI flow, threat, vulnerability,
// vendors, sites and controls, and optionally suggested scores on the organization's
// method. Its ID is assigned when empty; it is open, with no treatment, acceptance or
// history (use the moves). Rate it with [RiskService.Rate].
func (s RiskService) Record(ctx context.Context, r riskreg.Risk) (riskreg.Risk, error) {
	err := s.o.update(ctx, ActionRiskRecord, func(c *call) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		if r.ID == "" {
			r.ID = riskreg.ID(c.e.newID(record.KindRisk))
		}
		r.Title = trimmed(r.Title)
		if r.Method == "" {
			r.Method = m.ID
		}
		vc := validation.Collector{Pkg: "riskreg"}
		vc.Check(r.Method == m.ID, "method", "%q is not the organization's method %q", r.Method, m.ID)
		vc.Check(r.Status == "" || r.Status == riskreg.StatusOpen, "status", "must be open when recording a risk, got %q", r.Status)
		vc.Check(r.Treatment == "", "treatment", "must be empty when recording a risk (use Treat or Accept)")
		vc.Check(r.Acceptance == nil, "acceptance", "must be empty when recording a risk (use Accept)")
		vc.Check(len(r.Reviews) == 0, "reviews", "must be empty when recording a risk (the moves write the history)")
		if err := vc.Err(); err != nil {
			return err
		}
		r.Status = riskreg.StatusOpen
		if err := r.Validate(); err != nil {
			return err
		}
		if err := checkOrgSites(c, "riskreg", r.Sites); err != nil {
			return err
		}
		r.CreatedAt, r.UpdatedAt = c.now, c.now
		if err := c.tx.Risks().Create(c.ctx, &r); err != nil {
			return err
		}
		return c.record(record.KindRisk, string(r.ID), r, riskEvent(EventRiskRecorded, &r, date.Zero))
	})
	return result(r, err)
}

// SeedStarter adds the starter library of oncology risks ([riskreg.Starter]) that the
// register does not hold yet, moved to the organization's method when it is another; it
// returns those it added (none when seeded before).
func (s RiskService) SeedStarter(ctx context.Context, opts StarterOptions) ([]riskreg.Risk, error) {
	var out []riskreg.Risk
	err := s.o.update(ctx, ActionRiskSeed, func(c *call) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		on, err := c.pastDate("compliance", "seeded_on", opts.On)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, r := range riskreg.Starter() {
			_, err := c.tx.Risks().Get(c.ctx, r.ID)
			switch {
			case err == nil:
				continue
			case !errors.Is(err, storage.ErrNotFound):
				return err
			}
			if r.Method != m.ID {
				if err := r.ChangeMethod(&m, on, c.actor.label(), nil); err != nil {
					return err
				}
			}
			r.CreatedAt, r.UpdatedAt = c.now, c.now
			if err := c.tx.Risks().Create(c.ctx, &r); err != nil {
				return err
			}
			if err := c.record(record.KindRisk, string(r.ID), r, riskEvent(EventRiskRecorded, &r, date.Zero)); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return result(out, err)
}

// change is the shape of every move of one risk: load at the ref's version, change,
// validate, store, audit and emit.
func (s RiskService) change(ctx context.Context, ref record.Ref[riskreg.ID], action Action,
	change func(c *call, r *riskreg.Risk) (eventSpec, error)) (riskreg.Risk, error) {
	var out riskreg.Risk
	err := s.o.update(ctx, action, func(c *call) error {
		r, err := loadRisk(c, ref)
		if err != nil {
			return err
		}
		ev, err := change(c, &r)
		if err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		if err := saveRisk(c, &r); err != nil {
			return err
		}
		out = r
		return c.record(record.KindRisk, string(r.ID), r, ev)
	})
	return result(out, err)
}

// Rate rates a risk's inherent and residual likelihood and impact on the organization's
// method (45 CFR 164.308(a)(1)(ii)(A)); a zero sc.On is today, and a rating dated in the
// future is refused on "rated_on". A level outside the method's scale is refused on
// "inherent.likelihood", "residual.impact", etc.
func (s RiskService) Rate(ctx context.Context, ref record.Ref[riskreg.ID], sc riskreg.Scoring) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskRate, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		m, err := c.method()
		if err != nil {
			return eventSpec{}, err
		}
		if sc.On, err = c.pastDate("riskreg", "rated_on", sc.On); err != nil {
			return eventSpec{}, err
		}
		if err := r.Rate(&m, sc, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskRated, r, sc.On), nil
	})
}

// Treat decides to mitigate, transfer or avoid a risk (45 CFR 164.308(a)(1)(ii)(B))
// and creates its treatment task, due on p.Due and assigned to p.Owner, in the same
// transaction.
func (s RiskService) Treat(ctx context.Context, ref record.Ref[riskreg.ID], p riskreg.TreatmentPlan) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskTreat, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		if err := r.Treat(p); err != nil {
			return eventSpec{}, err
		}
		tpl, err := c.template(profiles.TemplateRiskTreatment)
		if err != nil {
			return eventSpec{}, err
		}
		today, err := c.today()
		if err != nil {
			return eventSpec{}, err
		}
		due := r.TreatmentDueOn()
		tpl.Title = tpl.Title + ": " + r.Title
		_, err = c.createTask(&tpl, task.NewParams{TriggeredOn: min(today, due), DueOn: due, Trigger: string(EventRiskTreated),
			Subject: task.Subject{Type: record.KindRisk, ID: string(r.ID)}, Assignee: task.Assignee{Person: p.Owner}})
		if err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskTreated, r, today), nil
	})
}

// Accept accepts a rated risk as it stands, with a named approver, a justification and
// a review date (zero: [riskreg.AcceptanceReviewMonths] after the approval) (45 CFR
// 164.308(a)(1)(ii)(B)); a zero a.ApprovedOn is today, and an approval dated in the
// future is refused on "approved_on".
func (s RiskService) Accept(ctx context.Context, ref record.Ref[riskreg.ID], a riskreg.Acceptance) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskAccept, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		var err error
		if a.ApprovedOn, err = c.pastDate("riskreg", "approved_on", a.ApprovedOn); err != nil {
			return eventSpec{}, err
		}
		if err := r.Accept(a); err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskAccepted, r, a.ApprovedOn), nil
	})
}

// Review records a review of a risk; for an accepted risk the next review is rv.Next
// (zero: [riskreg.AcceptanceReviewMonths] later). A zero rv.On is today, and a review
// dated in the future is refused on "reviewed_on".
func (s RiskService) Review(ctx context.Context, ref record.Ref[riskreg.ID], rv riskreg.Review) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskReview, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		var err error
		if rv.On, err = c.pastDate("riskreg", "reviewed_on", rv.On); err != nil {
			return eventSpec{}, err
		}
		if err := r.Review(rv, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskReviewed, r, rv.On), nil
	})
}

// Close closes a risk that no longer applies or has been treated; cl.Note says why. A
// zero cl.On is today, and a closing dated in the future is refused on "closed_on".
func (s RiskService) Close(ctx context.Context, ref record.Ref[riskreg.ID], cl riskreg.Closing) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskClose, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		var err error
		if cl.On, err = c.pastDate("riskreg", "closed_on", cl.On); err != nil {
			return eventSpec{}, err
		}
		if err := r.Close(cl, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskClosed, r, cl.On), nil
	})
}

// Reopen reopens a closed risk that applies again (it becomes open, with no treatment
// decided); ro.Note says why. A zero ro.On is today, and a day in the future is refused
// on "reopened_on"; reopening a risk that is not closed is a failed precondition.
func (s RiskService) Reopen(ctx context.Context, ref record.Ref[riskreg.ID], ro riskreg.Reopening) (riskreg.Risk, error) {
	return s.change(ctx, ref, ActionRiskReopen, func(c *call, r *riskreg.Risk) (eventSpec, error) {
		var err error
		if ro.On, err = c.pastDate("riskreg", "reopened_on", ro.On); err != nil {
			return eventSpec{}, err
		}
		if err := r.Reopen(ro, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return riskEvent(EventRiskReopened, r, ro.On), nil
	})
}

// SetMethod chooses the organization's scoring method and re-rates every risk of the
// register on another method onto it ([riskreg.DefaultLevelMap]), keeping each risk's
// history, in one transaction: an [EventRiskRerated] per risk moved and one
// [EventRiskMethodChanged]. Choosing the method the organization has already chosen,
// with every risk on it, writes nothing. A zero mc.On is today; a day in the future is
// refused on "changed_on".
func (s RiskService) SetMethod(ctx context.Context, mc MethodChange) (MethodChanged, error) {
	var out MethodChanged
	err := s.o.update(ctx, ActionRiskSetMethod, func(c *call) error {
		m, ok := riskreg.GetMethod(mc.Method)
		if !ok {
			return validation.New("compliance", "method", "%q is not a scoring method (one of %v)", mc.Method, riskreg.MethodIDValues())
		}
		prev, err := c.method()
		if err != nil {
			return err
		}
		on, err := c.pastDate("compliance", "changed_on", mc.On)
		if err != nil {
			return err
		}
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		out = MethodChanged{Method: m, Previous: prev.ID, On: on}
		rs, err := collect(c.tx.Risks().List(c.ctx, storage.RiskQuery{}))
		if err != nil {
			return err
		}
		for k := range rs {
			r := &rs[k]
			if r.Method == m.ID {
				continue
			}
			if err := r.ChangeMethod(&m, on, c.actor.label(), nil); err != nil {
				return err
			}
			if err := saveRisk(c, r); err != nil {
				return err
			}
			if err := c.record(record.KindRisk, string(r.ID), *r, riskEvent(EventRiskRerated, r, on)); err != nil {
				return err
			}
			out.Rerated = append(out.Rerated, r.ID)
		}
		if len(out.Rerated) == 0 && o.RiskMethod == string(m.ID) {
			return nil // already the organization's method: nothing to write
		}
		o.RiskMethod = string(m.ID)
		o.UpdatedAt = c.now
		if err := c.tx.Organization().Update(c.ctx, &o); err != nil {
			return err
		}
		c.org = &o
		return c.record(record.KindOrganization, string(o.ID), o, eventSpec{EventRiskMethodChanged,
			OrganizationEvent{Organization: o.ID, Name: o.Name, RiskMethod: m.ID}})
	})
	return result(out, err)
}

// Get returns one risk of the register.
func (s RiskService) Get(ctx context.Context, id riskreg.ID) (riskreg.Risk, error) {
	var out riskreg.Risk
	err := s.o.view(ctx, ActionRiskRead, func(c *call) (err error) {
		out, err = c.tx.Risks().Get(c.ctx, id)
		return err
	})
	return result(out, err)
}

// List returns a page of the risks that match q: by id, or with a due window by that
// date then id.
func (s RiskService) List(ctx context.Context, q RiskQuery) (Page[riskreg.Risk], error) {
	var p Page[riskreg.Risk]
	err := s.o.view(ctx, ActionRiskRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		if q.TreatmentDueBefore != date.Zero && q.ReviewDueBefore != date.Zero {
			return validation.New("compliance", "review_due_before", "cannot be combined with treatment_due_before")
		}
		var pos riskCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.RiskQuery{Open: q.Open, AfterOn: pos.On, AfterID: pos.ID, Limit: limit + 1}
		key := func(*riskreg.Risk) date.Date { return date.Zero }
		switch {
		case q.TreatmentDueBefore != date.Zero:
			sq.TreatmentDue, key = storage.Before(q.TreatmentDueBefore), (*riskreg.Risk).TreatmentDueOn
		case q.ReviewDueBefore != date.Zero:
			sq.ReviewDue, key = storage.Before(q.ReviewDueBefore), (*riskreg.Risk).AcceptanceReviewOn
		}
		p, err = collectPage(c.tx.Risks().List(c.ctx, sq), limit,
			func(r *riskreg.Risk) riskCursor { return riskCursor{key(r), r.ID} })
		return err
	})
	return result(p, err)
}

// Posture reports the register: heat-map data (counts per likelihood × impact,
// inherent and residual), the top risks by current rating and by ALE, and the
// addressable specifications of the current catalog with no recorded decision.
func (s RiskService) Posture(ctx context.Context, opts PostureOptions) (RiskReport, error) {
	var rep RiskReport
	err := s.o.view(ctx, ActionRiskPostureReport, func(c *call) error {
		n := opts.Top
		switch {
		case n == 0:
			n = DefaultPostureTop
		case n < 0 || n > MaxPageSize:
			return validation.New("compliance", "top", "must be 1 to %d, got %d", MaxPageSize, n)
		}
		m, err := c.method()
		if err != nil {
			return err
		}
		rs, err := collect(c.tx.Risks().List(c.ctx, storage.RiskQuery{Open: true}))
		if err != nil {
			return err
		}
		cat := controls.Current()
		ds, err := collect(c.tx.ControlDecisions().List(c.ctx, cat.Version))
		if err != nil {
			return err
		}
		rep = RiskReport{Method: m, InherentHeatMap: riskreg.HeatMapFor(&m, rs, false), ResidualHeatMap: riskreg.HeatMapFor(&m, rs, true),
			TopByRating: riskreg.Top(rs, n, false), TopByALE: riskreg.Top(rs, n, true), UndecidedAddressable: controls.Undecided(&cat, ds)}
		return nil
	})
	return result(rep, err)
}
