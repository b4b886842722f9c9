package compliance

import (
	"context"
	"errors"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
)

// ControlService is the organization's decisions on the addressable implementation
// specifications of the Security Rule (45 CFR 164.306(d)(3)): implemented, an equivalent
// alternative, or not reasonable and appropriate, each documented (45 CFR
// 164.316(b)(1)).
type ControlService struct{ o *Org }

// Controls returns the organization's decisions on addressable specifications.
func (o *Org) Controls() ControlService { return ControlService{o} }

// ControlQuery pages the decisions of one catalog version, by control id.
type ControlQuery struct {
	// CatalogVersion is the catalog whose decisions are listed; empty means the current
	// catalog ([controls.CurrentVersion]).
	CatalogVersion string `json:"catalog_version,omitempty"`
	PageQuery
}

// controlCursor is the position of a decision listing.
type controlCursor struct {
	Control controls.ID `json:"c"`
}

// Decide records the organization's decision on an addressable implementation
// specification of the current catalog (45 CFR 164.306(d)(3)): implemented, an
// equivalent alternative (described) or not reasonable and appropriate (with the
// reason). A later decision on the same control replaces it; d.Version must then be the
// version read (a stale one is a conflict). An empty DecidedBy is the actor, a zero
// DecidedOn today; a decision dated in the future is refused on "decided_on".
func (s ControlService) Decide(ctx context.Context, d controls.AddressableDecision) (controls.AddressableDecision, error) {
	err := s.o.update(ctx, ActionControlDecide, func(c *call) error {
		cat := controls.Current()
		if d.CatalogVersion == "" {
			d.CatalogVersion = cat.Version
		}
		if d.DecidedBy == "" {
			d.DecidedBy = c.actor.label()
		}
		var err error
		if d.DecidedOn, err = c.pastDate("controls", "decided_on", d.DecidedOn); err != nil {
			return err
		}
		if err := d.Validate(&cat); err != nil {
			return err
		}
		d.UpdatedAt = c.now
		cur, err := c.tx.ControlDecisions().Get(c.ctx, d.Key())
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
		return c.record(record.KindControlDecision, string(d.Control), d, eventSpec{EventControlDecided,
			ControlEvent{Control: d.Control, CatalogVersion: d.CatalogVersion, Decision: d.Decision, DecidedOn: d.DecidedOn}})
	})
	return result(d, err)
}

// Get returns the decision on one control; an empty k.CatalogVersion means the current
// catalog. A control without a decision is storage.ErrNotFound.
func (s ControlService) Get(ctx context.Context, k controls.DecisionKey) (controls.AddressableDecision, error) {
	var d controls.AddressableDecision
	err := s.o.view(ctx, ActionControlRead, func(c *call) (err error) {
		if k.CatalogVersion == "" {
			k.CatalogVersion = controls.CurrentVersion
		}
		d, err = c.tx.ControlDecisions().Get(c.ctx, k)
		return err
	})
	return result(d, err)
}

// List returns a page of the decisions of one catalog version, by control id.
func (s ControlService) List(ctx context.Context, q ControlQuery) (Page[controls.AddressableDecision], error) {
	var p Page[controls.AddressableDecision]
	err := s.o.view(ctx, ActionControlRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		var pos controlCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		version := q.CatalogVersion
		if version == "" {
			version = controls.CurrentVersion
		}
		// A catalog version holds a few dozen decisions at most (one per addressable
		// specification), so the page is cut here rather than by the storage query.
		seq := func(yield func(controls.AddressableDecision, error) bool) {
			n := 0
			for d, err := range c.tx.ControlDecisions().List(c.ctx, version) {
				if err == nil && pos.Control != "" && d.Control <= pos.Control {
					continue
				}
				if !yield(d, err) || err != nil {
					return
				}
				if n++; n > limit {
					return
				}
			}
		}
		p, err = collectPage(seq, limit,
			func(d *controls.AddressableDecision) controlCursor { return controlCursor{d.Control} })
		return err
	})
	return result(p, err)
}
