package compliance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hipaaops/hipaaops/record"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// DefaultRiskMethod is the scoring method of an organization that has not chosen one.
const DefaultRiskMethod = riskreg.MethodHHS3x3

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

// RecordRisk adds a risk to the register (the asset or PHI flow, threat, vulnerability,
// vendors, sites, controls); it is rated with [Engine.RateRisk]. An empty ID is
// generated.
func (e *Engine) RecordRisk(ctx context.Context, orgID org.ID, r riskreg.Risk) (riskreg.Risk, error) {
	err := e.update(ctx, orgID, "risk.record", func(c *call) error {
		if r.ID == "" {
			r.ID = riskreg.ID(e.newID("risk"))
		}
		m, err := c.method()
		if err != nil {
			return err
		}
		if r.Method == "" {
			r.Method = m.ID
		}
		if r.Status == "" {
			r.Status = riskreg.StatusOpen
		}
		if r.Method != m.ID {
			return validation.New("riskreg", "method", "%q is not the organization's method %q", r.Method, m.ID)
		}
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
		return c.record(record.KindRisk, string(r.ID), r, riskEvent(EventRiskRecorded, &r))
	})
	return r, err
}

// SeedStarterRisks adds the starter library of oncology risks (riskreg.Starter) that
// the register does not hold yet, re-rated on the organization's method; it returns
// those it added.
func (e *Engine) SeedStarterRisks(ctx context.Context, orgID org.ID, on date.Date) ([]riskreg.Risk, error) {
	var out []riskreg.Risk
	err := e.update(ctx, orgID, "risk.seed", func(c *call) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		if on, err = c.dateOr(on); err != nil {
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
			if err := c.record(record.KindRisk, string(r.ID), r, riskEvent(EventRiskRecorded, &r)); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// changeRisk loads a risk at version, changes it, validates, stores and records it.
func (e *Engine) changeRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, action Action, typ event.Type,
	change func(c *call, r *riskreg.Risk) error) (riskreg.Risk, error) {
	var out riskreg.Risk
	err := e.update(ctx, orgID, action, func(c *call) error {
		r, err := c.tx.Risks().Get(c.ctx, id)
		if err != nil {
			return err
		}
		if r.Version != version {
			return fmt.Errorf("risk %q: version %d, stored %d: %w", id, version, r.Version, storage.ErrConflict)
		}
		if err := change(c, &r); err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		r.UpdatedAt = c.now
		if err := c.tx.Risks().Update(c.ctx, &r); err != nil {
			return err
		}
		out = r
		return c.record(record.KindRisk, string(r.ID), r, riskEvent(typ, &r))
	})
	return out, err
}

// RateRisk rates a risk's inherent and residual likelihood and impact on the
// organization's method (45 CFR 164.308(a)(1)(ii)(A)); a zero on is today.
func (e *Engine) RateRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, inherent, residual [2]riskreg.Level, on date.Date, note string) (riskreg.Risk, error) {
	return e.changeRisk(ctx, orgID, id, version, "risk.rate", EventRiskRated, func(c *call, r *riskreg.Risk) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		return r.Rate(&m, inherent, residual, on, c.actor.label(), note)
	})
}

// TreatRisk decides to mitigate, transfer or avoid a risk (45 CFR 164.308(a)(1)(ii)(B))
// and creates its treatment task, due on the treatment's due date and assigned to the
// owner, in the same transaction.
func (e *Engine) TreatRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, t riskreg.Treatment, justification, owner string, due date.Date) (riskreg.Risk, error) {
	return e.changeRisk(ctx, orgID, id, version, "risk.treat", EventRiskTreated, func(c *call, r *riskreg.Risk) error {
		if err := r.Treat(t, justification, owner, due); err != nil {
			return err
		}
		tpl, err := c.template(profiles.TemplateRiskTreatment)
		if err != nil {
			return err
		}
		today, err := c.dateOr(date.Zero)
		if err != nil {
			return err
		}
		tpl.Title = tpl.Title + ": " + r.Title
		_, err = c.createTask(&tpl, task.NewParams{TriggeredOn: min(today, due), DueOn: due, Trigger: string(EventRiskTreated),
			Subject: task.Subject{Type: "risk", ID: string(r.ID)}, Assignee: task.Assignee{Person: owner}})
		return err
	})
}

// AcceptRisk accepts a rated risk as it stands, with a named approver, a justification
// and a review date (45 CFR 164.308(a)(1)(ii)(B)); a zero ApprovedOn is today.
func (e *Engine) AcceptRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, a riskreg.Acceptance) (riskreg.Risk, error) {
	return e.changeRisk(ctx, orgID, id, version, "risk.accept", EventRiskAccepted, func(c *call, r *riskreg.Risk) error {
		var err error
		if a.ApprovedOn, err = c.dateOr(a.ApprovedOn); err != nil {
			return err
		}
		return r.Accept(a)
	})
}

// ReviewRisk records a review of a risk; for an accepted risk the next review is next
// (zero: a year later).
func (e *Engine) ReviewRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, on date.Date, note string, next date.Date) (riskreg.Risk, error) {
	return e.changeRisk(ctx, orgID, id, version, "risk.review", EventRiskReviewed, func(c *call, r *riskreg.Risk) error {
		var err error
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		return r.ReviewNext(on, c.actor.label(), note, next)
	})
}

// CloseRisk closes a risk that no longer applies or has been treated.
func (e *Engine) CloseRisk(ctx context.Context, orgID org.ID, id riskreg.ID, version int64, on date.Date, note string) (riskreg.Risk, error) {
	return e.changeRisk(ctx, orgID, id, version, "risk.close", EventRiskClosed, func(c *call, r *riskreg.Risk) error {
		var err error
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		return r.Close(on, c.actor.label(), note)
	})
}

// SetRiskMethod chooses the organization's scoring method and re-rates every risk of the
// register on it (riskreg.DefaultLevelMap), keeping each risk's history.
func (e *Engine) SetRiskMethod(ctx context.Context, orgID org.ID, id riskreg.MethodID, on date.Date) error {
	return e.update(ctx, orgID, "risk.set_method", func(c *call) error {
		m, ok := riskreg.GetMethod(id)
		if !ok {
			return validation.New("org", "risk_method", "%q is not a scoring method", id)
		}
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		rs, err := collect(c.tx.Risks().List(c.ctx, storage.RiskQuery{}))
		if err != nil {
			return err
		}
		for k := range rs {
			if rs[k].Method == m.ID {
				continue
			}
			if err := rs[k].ChangeMethod(&m, on, c.actor.label(), nil); err != nil {
				return err
			}
			rs[k].UpdatedAt = c.now
			if err := c.tx.Risks().Update(c.ctx, &rs[k]); err != nil {
				return err
			}
			if err := c.record(record.KindRisk, string(rs[k].ID), rs[k], riskEvent(EventRiskMethodChanged, &rs[k])); err != nil {
				return err
			}
		}
		o.RiskMethod = string(m.ID)
		o.UpdatedAt = c.now
		if err := c.tx.Organization().Update(c.ctx, &o); err != nil {
			return err
		}
		c.org = &o
		return c.record(record.KindOrganization, string(o.ID), o, eventSpec{EventRiskMethodChanged, OrganizationEvent{Organization: o.ID, Name: o.Name, RiskMethod: m.ID}})
	})
}

// Risk returns one risk of the register.
func (e *Engine) Risk(ctx context.Context, orgID org.ID, id riskreg.ID) (riskreg.Risk, error) {
	var out riskreg.Risk
	err := e.view(ctx, orgID, "risk.read", func(c *call) (err error) {
		out, err = c.tx.Risks().Get(c.ctx, id)
		return err
	})
	return out, err
}

// Risks returns the register's risks that match q.
func (e *Engine) Risks(ctx context.Context, orgID org.ID, q storage.RiskQuery) ([]riskreg.Risk, error) {
	var out []riskreg.Risk
	err := e.view(ctx, orgID, "risk.read", func(c *call) (err error) {
		out, err = collect(c.tx.Risks().List(c.ctx, q))
		return err
	})
	return out, err
}

// TakeAnalysis freezes the register into the year's risk analysis (45 CFR
// 164.308(a)(1)(ii)(A)), to be approved with [Engine.ApproveAnalysis]; id must be new.
func (e *Engine) TakeAnalysis(ctx context.Context, orgID org.ID, id riskreg.AnalysisID, year int) (riskreg.Analysis, error) {
	var a riskreg.Analysis
	err := e.update(ctx, orgID, "analysis.take", func(c *call) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		rs, err := collect(c.tx.Risks().List(c.ctx, storage.RiskQuery{}))
		if err != nil {
			return err
		}
		a = riskreg.Snapshot(id, year, m.ID, rs)
		if err := a.Validate(); err != nil {
			return err
		}
		a.CreatedAt = c.now
		if err := c.tx.Analyses().Create(c.ctx, &a); err != nil {
			return err
		}
		return c.record(record.KindAnalysis, string(a.ID), a, eventSpec{EventAnalysisTaken, AnalysisEvent{Analysis: a.ID, Year: year, Risks: len(rs)}})
	})
	return a, err
}

// ApproveAnalysis approves and freezes an analysis (a second approval, or any later
// change, is riskreg.ErrFrozen). When taskID names the annual risk-analysis task, the
// snapshot is attached to it as evidence (its location and the SHA-256 of its JSON), so
// the task links to its analysis.
func (e *Engine) ApproveAnalysis(ctx context.Context, orgID org.ID, id riskreg.AnalysisID, version int64, on date.Date, taskID task.ID) (riskreg.Analysis, error) {
	var a riskreg.Analysis
	err := e.update(ctx, orgID, "analysis.approve", func(c *call) error {
		var err error
		if a, err = c.tx.Analyses().Get(c.ctx, id); err != nil {
			return err
		}
		if a.Version != version {
			return fmt.Errorf("analysis %q: version %d, stored %d: %w", id, version, a.Version, storage.ErrConflict)
		}
		if on, err = c.dateOr(on); err != nil {
			return err
		}
		if err := a.Approve(c.actor.label(), on); err != nil {
			return err
		}
		if err := c.tx.Analyses().Update(c.ctx, &a); err != nil {
			return err
		}
		if err := c.record(record.KindAnalysis, string(a.ID), a, eventSpec{EventAnalysisApproved, AnalysisEvent{Analysis: a.ID, Year: a.Year, Risks: len(a.Risks)}}); err != nil {
			return err
		}
		if taskID == "" {
			return nil
		}
		t, err := c.tx.Tasks().Get(c.ctx, taskID)
		if err != nil {
			return err
		}
		doc, err := json.Marshal(a)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(doc)
		if err := t.AddEvidence(task.Evidence{Name: fmt.Sprintf("Risk analysis %d (%s)", a.Year, a.ID), Location: "hipaaops:analysis/" + string(a.ID),
			SHA256: hex.EncodeToString(sum[:]), AddedOn: on, AddedBy: c.actor.label()}); err != nil {
			return err
		}
		t.UpdatedAt = c.now
		if err := c.tx.Tasks().Update(c.ctx, &t); err != nil {
			return err
		}
		return c.record(record.KindTask, string(t.ID), t, eventSpec{EventTaskChanged, taskEvent(&t)})
	})
	return a, err
}

// Analysis returns a stored analysis.
func (e *Engine) Analysis(ctx context.Context, orgID org.ID, id riskreg.AnalysisID) (riskreg.Analysis, error) {
	var a riskreg.Analysis
	err := e.view(ctx, orgID, "analysis.read", func(c *call) (err error) {
		a, err = c.tx.Analyses().Get(c.ctx, id)
		return err
	})
	return a, err
}

// DecideControl records the organization's decision on an addressable implementation
// specification of the current catalog (45 CFR 164.306(d)(3)): implemented, an
// equivalent alternative (described) or not reasonable and appropriate (with the
// reason). A later decision on the same control replaces it (d.Version must then be
// current). An empty DecidedBy is the actor; a zero DecidedOn today.
func (e *Engine) DecideControl(ctx context.Context, orgID org.ID, d controls.AddressableDecision) (controls.AddressableDecision, error) {
	err := e.update(ctx, orgID, "control.decide", func(c *call) error {
		cat := controls.Current()
		if d.CatalogVersion == "" {
			d.CatalogVersion = cat.Version
		}
		if d.DecidedBy == "" {
			d.DecidedBy = c.actor.label()
		}
		var err error
		if d.DecidedOn, err = c.dateOr(d.DecidedOn); err != nil {
			return err
		}
		if err := d.Validate(&cat); err != nil {
			return err
		}
		d.UpdatedAt = c.now
		cur, err := c.tx.ControlDecisions().Get(c.ctx, controls.DecisionKey{CatalogVersion: d.CatalogVersion, Control: d.Control})
		switch {
		case errors.Is(err, storage.ErrNotFound):
			d.CreatedAt = c.now
			err = c.tx.ControlDecisions().Create(c.ctx, &d)
		case err == nil:
			d.CreatedAt = cur.CreatedAt
			err = c.tx.ControlDecisions().Update(c.ctx, &d)
		}
		if err != nil {
			return err
		}
		return c.record(record.KindControlDecision, string(d.Control), d, eventSpec{EventControlDecided, ControlEvent{Control: d.Control, CatalogVersion: d.CatalogVersion, Decision: d.Decision}})
	})
	return d, err
}

// RiskReport is the register's posture: heat maps, top risks, and the addressable
// specifications without a decision.
type RiskReport struct {
	Method               riskreg.Method
	InherentHeatMap      []riskreg.Cell
	ResidualHeatMap      []riskreg.Cell
	TopByRating          []riskreg.Risk
	TopByALE             []riskreg.Risk
	UndecidedAddressable []controls.Control
}

// RiskPosture reports the register: heat-map data (counts per likelihood × impact,
// inherent and residual), the top n risks by residual rating and by ALE, and the
// addressable specifications of the current catalog with no recorded decision.
func (e *Engine) RiskPosture(ctx context.Context, orgID org.ID, n int) (RiskReport, error) {
	var rep RiskReport
	err := e.view(ctx, orgID, "risk.read", func(c *call) error {
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
	return rep, err
}

// CompareAnalyses compares two stored analyses as of a day: risks new, closed,
// increased, decreased, and accepted risks past their review date.
func (e *Engine) CompareAnalyses(ctx context.Context, orgID org.ID, prevID, curID riskreg.AnalysisID, asOf date.Date) (riskreg.Comparison, error) {
	var cmp riskreg.Comparison
	err := e.view(ctx, orgID, "analysis.read", func(c *call) error {
		prev, err := c.tx.Analyses().Get(c.ctx, prevID)
		if err != nil {
			return err
		}
		cur, err := c.tx.Analyses().Get(c.ctx, curID)
		if err != nil {
			return err
		}
		if asOf, err = c.dateOr(asOf); err != nil {
			return err
		}
		cmp = riskreg.Compare(&prev, &cur, asOf)
		return nil
	})
	return cmp, err
}

// AnalysisMarkdown renders a stored analysis (and its comparison with prevID, if not
// empty) for an auditor.
func (e *Engine) AnalysisMarkdown(ctx context.Context, orgID org.ID, id, prevID riskreg.AnalysisID, asOf date.Date) (string, error) {
	var out string
	err := e.view(ctx, orgID, "analysis.read", func(c *call) error {
		a, err := c.tx.Analyses().Get(c.ctx, id)
		if err != nil {
			return err
		}
		var prev *riskreg.Analysis
		if prevID != "" {
			p, err := c.tx.Analyses().Get(c.ctx, prevID)
			if err != nil {
				return err
			}
			prev = &p
		}
		if asOf, err = c.dateOr(asOf); err != nil {
			return err
		}
		out = riskreg.Markdown(&a, prev, asOf)
		return nil
	})
	return out, err
}
