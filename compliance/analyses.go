package compliance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// AnalysisService is the organization's security risk analyses (45 CFR
// 164.308(a)(1)(ii)(A)): snapshots of the register taken for a year, approved and then
// frozen (any change of an approved analysis is [riskreg.ErrFrozen], a failed
// precondition), compared year over year and rendered for an auditor.
type AnalysisService struct{ o *Org }

// Analyses returns the organization's risk analyses.
func (o *Org) Analyses() AnalysisService { return AnalysisService{o} }

// TakeOptions are the input of [AnalysisService.Take].
type TakeOptions struct {
	// ID is the new analysis's id; empty means one is assigned. An id taken is refused
	// (storage.ErrExists, a conflict).
	ID riskreg.AnalysisID `json:"id,omitempty"`
	// Year is the year the analysis covers; zero means the current year in the
	// organization's time zone.
	Year int `json:"year,omitempty"`
}

// AnalysisQuery pages the analyses, by year then id.
type AnalysisQuery struct {
	PageQuery
}

// analysisCursor is the position of an analysis listing.
type analysisCursor struct {
	Year int                `json:"y"`
	ID   riskreg.AnalysisID `json:"i"`
}

// CompareOptions are the input of [AnalysisService.Compare].
type CompareOptions struct {
	// Previous is the earlier analysis; empty compares Current with nothing (every open
	// risk is new).
	Previous riskreg.AnalysisID `json:"previous,omitempty"`
	// Current is the later analysis.
	Current riskreg.AnalysisID `json:"current"`
	// AsOf is the day acceptances past their review date are judged on; zero means
	// today in the organization's time zone.
	AsOf date.Date `json:"as_of,omitzero"`
}

// MarkdownOptions are the input of [AnalysisService.Markdown].
type MarkdownOptions struct {
	// Analysis is the analysis rendered.
	Analysis riskreg.AnalysisID `json:"analysis"`
	// Previous, when set, is the analysis it is compared with.
	Previous riskreg.AnalysisID `json:"previous,omitempty"`
	// AsOf is the day of the report; zero means today in the organization's time zone.
	AsOf date.Date `json:"as_of,omitzero"`
}

func analysisEvent(a *riskreg.Analysis) AnalysisEvent {
	return AnalysisEvent{Analysis: a.ID, Year: a.Year, Risks: len(a.Risks), ApprovedOn: a.ApprovedOn}
}

// Take freezes the register as it stands into a new analysis for a year, on the
// organization's method (45 CFR 164.308(a)(1)(ii)(A)); approve it with
// [AnalysisService.Approve].
func (s AnalysisService) Take(ctx context.Context, opts TakeOptions) (riskreg.Analysis, error) {
	var a riskreg.Analysis
	err := s.o.update(ctx, ActionAnalysisTake, func(c *call) error {
		m, err := c.method()
		if err != nil {
			return err
		}
		if opts.ID == "" {
			opts.ID = riskreg.AnalysisID(c.e.newID(record.KindAnalysis))
		}
		if opts.Year == 0 {
			today, err := c.today()
			if err != nil {
				return err
			}
			opts.Year = today.Year()
		}
		rs, err := collect(c.tx.Risks().List(c.ctx, storage.RiskQuery{}))
		if err != nil {
			return err
		}
		a = riskreg.Snapshot(opts.ID, opts.Year, m.ID, rs)
		if err := a.Validate(); err != nil {
			return err
		}
		a.CreatedAt = c.now
		if err := c.tx.Analyses().Create(c.ctx, &a); err != nil {
			return err
		}
		return c.record(record.KindAnalysis, string(a.ID), a, eventSpec{EventAnalysisTaken, analysisEvent(&a)})
	})
	return result(a, err)
}

// Approve approves and freezes an analysis: ap.By empty is the actor, a zero ap.On
// today (a day in the future is refused on "approved_on"). A second approval, like any
// later change, fails with [riskreg.ErrFrozen] (a failed precondition). When ap.Task
// names a task (the annual risk-analysis task, [ProgramTaskID] of
// profiles.TemplateRiskAnalysis), the snapshot is attached to it as evidence (its
// location and the SHA-256 of its JSON) in the same transaction; a task that does not
// exist fails the approval (storage.ErrNotFound) and nothing is written.
func (s AnalysisService) Approve(ctx context.Context, ref record.Ref[riskreg.AnalysisID], ap riskreg.Approval) (riskreg.Analysis, error) {
	var out riskreg.Analysis
	err := s.o.update(ctx, ActionAnalysisApprove, func(c *call) error {
		a, err := c.tx.Analyses().Get(c.ctx, ref.ID)
		if err != nil {
			return err
		}
		if a.Version != ref.Version {
			return fmt.Errorf("analysis %q: version %d, stored %d: %w", ref.ID, ref.Version, a.Version, storage.ErrConflict)
		}
		if ap.By == "" {
			ap.By = c.actor.label()
		}
		if ap.On, err = c.pastDate("riskreg", "approved_on", ap.On); err != nil {
			return err
		}
		if err := a.Approve(ap); err != nil {
			return err
		}
		if err := c.tx.Analyses().Update(c.ctx, &a); err != nil {
			return err
		}
		out = a
		if err := c.record(record.KindAnalysis, string(a.ID), a, eventSpec{EventAnalysisApproved, analysisEvent(&a)}); err != nil {
			return err
		}
		if ap.Task == "" {
			return nil
		}
		return attachAnalysis(c, ap.Task, &a, ap.On)
	})
	return result(out, err)
}

// attachAnalysis adds the approved analysis to a task as evidence.
func attachAnalysis(c *call, id task.ID, a *riskreg.Analysis, on date.Date) error {
	t, err := c.tx.Tasks().Get(c.ctx, id)
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
}

// Get returns a stored analysis.
func (s AnalysisService) Get(ctx context.Context, id riskreg.AnalysisID) (riskreg.Analysis, error) {
	var a riskreg.Analysis
	err := s.o.view(ctx, ActionAnalysisRead, func(c *call) (err error) {
		a, err = c.tx.Analyses().Get(c.ctx, id)
		return err
	})
	return result(a, err)
}

// List returns a page of the analyses, by year then id.
func (s AnalysisService) List(ctx context.Context, q AnalysisQuery) (Page[riskreg.Analysis], error) {
	var p Page[riskreg.Analysis]
	err := s.o.view(ctx, ActionAnalysisRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		var pos analysisCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.AnalysisQuery{AfterYear: pos.Year, AfterID: pos.ID, Limit: limit + 1}
		p, err = collectPage(c.tx.Analyses().List(c.ctx, sq), limit,
			func(a *riskreg.Analysis) analysisCursor { return analysisCursor{a.Year, a.ID} })
		return err
	})
	return result(p, err)
}

// Compare compares two stored analyses as of a day: risks new, closed, increased,
// decreased, and accepted risks past their review date ([riskreg.Compare]).
func (s AnalysisService) Compare(ctx context.Context, opts CompareOptions) (riskreg.Comparison, error) {
	var cmp riskreg.Comparison
	err := s.o.view(ctx, ActionAnalysisRead, func(c *call) error {
		cur, prev, asOf, err := loadAnalyses(c, "current", opts.Current, opts.Previous, opts.AsOf)
		if err == nil {
			cmp = riskreg.Compare(prev, &cur, asOf)
		}
		return err
	})
	return result(cmp, err)
}

// Markdown renders a stored analysis, and its comparison with opts.Previous when set,
// for an auditor ([riskreg.Markdown]).
func (s AnalysisService) Markdown(ctx context.Context, opts MarkdownOptions) (string, error) {
	var out string
	err := s.o.view(ctx, ActionAnalysisRead, func(c *call) error {
		a, prev, asOf, err := loadAnalyses(c, "analysis", opts.Analysis, opts.Previous, opts.AsOf)
		if err == nil {
			out = riskreg.Markdown(&a, prev, asOf)
		}
		return err
	})
	return result(out, err)
}

// loadAnalyses reads the analysis id (required, named field), the previous one (nil
// when empty) and the day of the report (zero: today).
func loadAnalyses(c *call, field string, id, previous riskreg.AnalysisID, asOf date.Date) (riskreg.Analysis, *riskreg.Analysis, date.Date, error) {
	if id == "" {
		return riskreg.Analysis{}, nil, 0, validation.New("compliance", field, "must name an analysis")
	}
	a, err := c.tx.Analyses().Get(c.ctx, id)
	if err != nil {
		return a, nil, 0, err
	}
	prev, err := optionalAnalysis(c, previous)
	if err != nil {
		return a, nil, 0, err
	}
	day, err := c.dateOr(asOf)
	return a, prev, day, err
}

// optionalAnalysis reads the analysis id, or returns nil for an empty id.
func optionalAnalysis(c *call, id riskreg.AnalysisID) (*riskreg.Analysis, error) {
	if id == "" {
		return nil, nil
	}
	a, err := c.tx.Analyses().Get(c.ctx, id)
	if err != nil {
		return nil, err
	}
	return &a, nil
}
