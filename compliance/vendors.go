package compliance

import (
	"context"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// Event types of the vendor inventory and BAA lifecycle.
const (
	EventVendorAdded          event.Type = "vendor.added"
	EventVendorUpdated        event.Type = "vendor.updated"
	EventBADetermined         event.Type = "vendor.ba_determined"
	EventBAARequested         event.Type = "baa.requested"
	EventBAANegotiating       event.Type = "baa.in_negotiation"
	EventBAASigned            event.Type = "baa.signed"
	EventBAAReviewDue         event.Type = "baa.review_due"
	EventBAAReviewed          event.Type = "baa.reviewed"
	EventBAARenewed           event.Type = "baa.renewed"
	EventBAAExpired           event.Type = "baa.expired"
	EventBAATerminated        event.Type = "baa.terminated"
	EventBAAFollowUp          event.Type = "baa.follow_up"
	EventDispositionCertified event.Type = "baa.disposition_certified"
)

// BAAEvent is the Data of every vendor and BAA event.
type BAAEvent struct {
	Vendor   string           `json:"vendor"`
	Category vendors.Category `json:"category"`
	State    vendors.State    `json:"state"`
	On       date.Date        `json:"on,omitzero"`
	// Outcome is set on EventBADetermined.
	Outcome vendors.Outcome `json:"outcome,omitempty"`
	// NextReviewOn and ExpiresOn are set once the BAA is signed.
	NextReviewOn date.Date `json:"next_review_on,omitzero"`
	ExpiresOn    date.Date `json:"expires_on,omitzero"`
}

func baaEvent(t event.Type, v *vendors.Vendor, on date.Date) eventSpec {
	d := BAAEvent{Vendor: v.Name, Category: v.Category, State: v.BAA.State, On: on,
		NextReviewOn: v.BAA.NextReviewOn, ExpiresOn: v.BAA.ExpiresOn}
	if det, ok := v.Determination(); ok && t == EventBADetermined {
		d.Outcome = det.Outcome
	}
	return eventSpec{t, d}
}

// checkSites refuses sites the organization does not have, naming each on field
// "sites[i]" of package pkg (an empty site is the record's own validation's business).
func checkSites(o org.Organization, pkg string, sites []org.SiteID) error {
	c := validation.Collector{Pkg: pkg}
	for i, s := range sites {
		c.Check(s == "" || o.HasSite(s), fmt.Sprintf("sites[%d]", i), "%q is not a site of organization %q", s, o.ID)
	}
	return c.Err()
}

// checkOrgSites is checkSites on the organization of the use case.
func checkOrgSites(c *call, pkg string, sites []org.SiteID) error {
	o, err := c.orgProfile()
	if err != nil {
		return err
	}
	return checkSites(o, pkg, sites)
}

// AddVendor adds a vendor to the inventory. Its ID is assigned when empty; determinations
// and BAA history may not be given here (use DetermineBA and the BAA use cases).
func (e *Engine) AddVendor(ctx context.Context, orgID org.ID, v vendors.Vendor) (vendors.Vendor, error) {
	err := e.update(ctx, orgID, "vendor.add", func(c *call) error {
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		if v.ID == "" {
			v.ID = vendors.ID(e.newID("vendor"))
		}
		v.Name = trimmed(v.Name)
		vc := validation.Collector{Pkg: "vendors"}
		vc.Check(len(v.Determinations) == 0, "determinations", "must be empty when adding a vendor (use DetermineBA)")
		vc.Check(v.BAA.State == "" || v.BAA.State == vendors.StateNotRequested, "baa.state",
			"must be not_requested when adding a vendor, got %q", v.BAA.State)
		vc.Check(len(v.PastBAAs) == 0 && len(v.BAA.History) == 0, "baa", "history must be empty when adding a vendor")
		if err := vc.Err(); err != nil {
			return err
		}
		v.BAA = vendors.BAA{State: vendors.StateNotRequested}
		if err := v.Validate(); err != nil {
			return err
		}
		if err := checkSites(o, "vendors", v.Sites); err != nil {
			return err
		}
		v.CreatedAt, v.UpdatedAt = c.now, c.now
		if err := c.tx.Vendors().Create(c.ctx, &v); err != nil {
			return err
		}
		return c.record("vendor", string(v.ID), v, baaEvent(EventVendorAdded, &v, date.Zero))
	})
	return v, err
}

// UpdateVendor changes a vendor's details (name, category, data shared, sites, contact,
// owner, notes); its determinations and BAA are kept as stored. v.Version must be current.
func (e *Engine) UpdateVendor(ctx context.Context, orgID org.ID, v vendors.Vendor) (vendors.Vendor, error) {
	var out vendors.Vendor
	err := e.update(ctx, orgID, "vendor.update", func(c *call) error {
		cur, err := loadVendor(c, v.ID, v.Version)
		if err != nil {
			return err
		}
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		cur.Name, cur.Category, cur.DataShared, cur.Sites = trimmed(v.Name), v.Category, v.DataShared, v.Sites
		cur.Contact, cur.Owner, cur.Notes = v.Contact, v.Owner, v.Notes
		if err := cur.Validate(); err != nil {
			return err
		}
		if err := checkSites(o, "vendors", cur.Sites); err != nil {
			return err
		}
		if err := saveVendor(c, &cur); err != nil {
			return err
		}
		out = cur
		return c.record("vendor", string(cur.ID), cur, baaEvent(EventVendorUpdated, &cur, date.Zero))
	})
	return out, err
}

// Vendor returns one vendor.
func (e *Engine) Vendor(ctx context.Context, orgID org.ID, id vendors.ID) (vendors.Vendor, error) {
	var v vendors.Vendor
	err := e.view(ctx, orgID, "vendor.read", func(c *call) (err error) {
		v, err = c.tx.Vendors().Get(c.ctx, id)
		return err
	})
	return v, err
}

// Vendors lists the vendors that match q, by name.
func (e *Engine) Vendors(ctx context.Context, orgID org.ID, q storage.VendorQuery) ([]vendors.Vendor, error) {
	var out []vendors.Vendor
	err := e.view(ctx, orgID, "vendor.read", func(c *call) (err error) {
		out, err = collect(c.tx.Vendors().List(c.ctx, q))
		return err
	})
	return out, err
}

// loadVendor reads a vendor and checks the caller's version against the stored one.
func loadVendor(c *call, id vendors.ID, version int64) (vendors.Vendor, error) {
	v, err := c.tx.Vendors().Get(c.ctx, id)
	if err != nil {
		return v, err
	}
	if v.Version != version {
		return v, fmt.Errorf("vendor %q: version %d, stored %d: %w", id, version, v.Version, storage.ErrConflict)
	}
	return v, nil
}

func saveVendor(c *call, v *vendors.Vendor) error {
	v.UpdatedAt = c.now
	return c.tx.Vendors().Update(c.ctx, v)
}

// changeVendor is the shape of every use case on one vendor: load at version, change,
// validate, store, audit and emit.
func (e *Engine) changeVendor(ctx context.Context, orgID org.ID, id vendors.ID, version int64,
	action Action, change func(c *call, v *vendors.Vendor) (eventSpec, error)) (vendors.Vendor, error) {
	var out vendors.Vendor
	err := e.update(ctx, orgID, action, func(c *call) error {
		v, err := loadVendor(c, id, version)
		if err != nil {
			return err
		}
		ev, err := change(c, &v)
		if err != nil {
			return err
		}
		if err := v.Validate(); err != nil {
			return err
		}
		if err := saveVendor(c, &v); err != nil {
			return err
		}
		out = v
		return c.record("vendor", string(v.ID), v, ev)
	})
	return out, err
}

// dateOr returns d, or today in the organization's time zone when d is zero.
func (c *call) dateOr(d date.Date) (date.Date, error) {
	if d != date.Zero {
		return d, nil
	}
	o, err := c.orgProfile()
	if err != nil {
		return d, err
	}
	return o.Today(c.now), nil
}

// DetermineBA records whether the vendor is a business associate (45 CFR 160.103); the
// actor is recorded as the decider when d.DecidedBy is empty, today when DecidedOn is zero.
func (e *Engine) DetermineBA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, d vendors.Determination) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, "vendor.determine_ba", func(c *call, v *vendors.Vendor) (eventSpec, error) {
		if d.DecidedBy == "" {
			d.DecidedBy = c.actor.label()
		}
		var err error
		if d.DecidedOn, err = c.dateOr(d.DecidedOn); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(EventBADetermined, v, d.DecidedOn), v.Determine(d)
	})
}

// simpleMove is a BAA use case whose domain method takes a date, the actor and a note.
func (e *Engine) simpleMove(ctx context.Context, orgID org.ID, id vendors.ID, version int64, on date.Date,
	action Action, t event.Type, move func(v *vendors.Vendor, on date.Date, by string) error) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, action, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		on, err := c.dateOr(on)
		if err != nil {
			return eventSpec{}, err
		}
		if err := move(v, on, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(t, v, on), nil
	})
}

// RequestBAA asks the vendor for a BAA (not_requested, expired or terminated → requested).
func (e *Engine) RequestBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, on date.Date, note string) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, on, "baa.request", EventBAARequested,
		func(v *vendors.Vendor, on date.Date, by string) error { return v.RequestBAA(on, by, note) })
}

// NegotiateBAA records that the BAA's terms are being negotiated (requested → in_negotiation).
func (e *Engine) NegotiateBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, on date.Date, note string) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, on, "baa.negotiate", EventBAANegotiating,
		func(v *vendors.Vendor, on date.Date, by string) error { return v.NegotiateBAA(on, by, note) })
}

// SignBAA records the signed BAA with its terms and clause checklist; s.SignedOn defaults
// to today.
func (e *Engine) SignBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, s vendors.Signing) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, "baa.sign", func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if s.SignedOn, err = c.dateOr(s.SignedOn); err != nil {
			return eventSpec{}, err
		}
		if err := v.SignBAA(s, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(EventBAASigned, v, s.SignedOn), nil
	})
}

// MarkBAAReviewDue records that the BAA's periodic review has come due.
func (e *Engine) MarkBAAReviewDue(ctx context.Context, orgID org.ID, id vendors.ID, version int64, asOf date.Date) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, asOf, "baa.mark_review_due", EventBAAReviewDue,
		func(v *vendors.Vendor, on date.Date, by string) error { return v.MarkReviewDue(on, by) })
}

// ReviewBAA records a review and schedules the next one.
func (e *Engine) ReviewBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, on date.Date, note string) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, on, "baa.review", EventBAAReviewed,
		func(v *vendors.Vendor, on date.Date, by string) error { return v.ReviewBAA(on, by, note) })
}

// RenewBAA records a renewal; r.On defaults to today.
func (e *Engine) RenewBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, r vendors.Renewal) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, "baa.renew", func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if r.On, err = c.dateOr(r.On); err != nil {
			return eventSpec{}, err
		}
		if err := v.RenewBAA(r, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(EventBAARenewed, v, r.On), nil
	})
}

// ExpireBAA records that the BAA lapsed after its expiry date.
func (e *Engine) ExpireBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, asOf date.Date) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, asOf, "baa.expire", EventBAAExpired,
		func(v *vendors.Vendor, on date.Date, by string) error { return v.ExpireBAA(on, by) })
}

// TerminateBAA ends the BAA and records the PHI disposition; t.On defaults to today.
func (e *Engine) TerminateBAA(ctx context.Context, orgID org.ID, id vendors.ID, version int64, t vendors.Termination) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, "baa.terminate", func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if t.On, err = c.dateOr(t.On); err != nil {
			return eventSpec{}, err
		}
		if err := v.TerminateBAA(t, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(EventBAATerminated, v, t.On), nil
	})
}

// CertifyDisposition records the business associate's certification that it returned or
// destroyed the PHI after termination (45 CFR 164.504(e)(2)(ii)(J)).
func (e *Engine) CertifyDisposition(ctx context.Context, orgID org.ID, id vendors.ID, version int64, d vendors.Disposition, on date.Date) (vendors.Vendor, error) {
	return e.simpleMove(ctx, orgID, id, version, on, "baa.certify_disposition", EventDispositionCertified,
		func(v *vendors.Vendor, on date.Date, _ string) error { return v.CertifyDisposition(d, on) })
}

// RecordFollowUp records a contact that moves a pending BAA forward; f.On defaults to
// today and f.By to the actor.
func (e *Engine) RecordFollowUp(ctx context.Context, orgID org.ID, id vendors.ID, version int64, f vendors.FollowUp) (vendors.Vendor, error) {
	return e.changeVendor(ctx, orgID, id, version, "baa.follow_up", func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if f.On, err = c.dateOr(f.On); err != nil {
			return eventSpec{}, err
		}
		if f.By == "" {
			f.By = c.actor.label()
		}
		if err := v.RecordFollowUp(f); err != nil {
			return eventSpec{}, err
		}
		return baaEvent(EventBAAFollowUp, v, f.On), nil
	})
}

// Refreshed lists what RefreshBAAs changed.
type Refreshed struct {
	// ReviewDue are the vendors whose BAA moved to review_due.
	ReviewDue []vendors.Vendor
	// Expired are the vendors whose BAA moved to expired.
	Expired []vendors.Vendor
}

// RefreshBAAs brings BAA states up to date as of a day (zero: today): in-force agreements
// whose review date has come move to review_due, and those past their expiry date move to
// expired. It runs in one transaction, with an audit entry and an event per change, and
// finds its work through the index-backed window queries.
func (e *Engine) RefreshBAAs(ctx context.Context, orgID org.ID, asOf date.Date) (Refreshed, error) {
	var out Refreshed
	err := e.update(ctx, orgID, "baa.refresh", func(c *call) error {
		out = Refreshed{}
		asOf, err := c.dateOr(asOf)
		if err != nil {
			return err
		}
		expiring, err := collect(c.tx.Vendors().Expiring(c.ctx, storage.Window{From: date.Zero, To: asOf}))
		if err != nil {
			return err
		}
		for i := range expiring {
			v := &expiring[i]
			if !v.BAA.State.InForce() {
				continue
			}
			if err := v.ExpireBAA(asOf, c.actor.label()); err != nil {
				return err
			}
			if err := e.saveRecorded(c, v, baaEvent(EventBAAExpired, v, asOf)); err != nil {
				return err
			}
			out.Expired = append(out.Expired, *v)
		}
		// Agreements expired above are no longer in force, so the query skips them.
		due, err := collect(c.tx.Vendors().ReviewsDue(c.ctx, storage.Window{From: date.Zero, To: asOf + 1}))
		if err != nil {
			return err
		}
		for i := range due {
			v := &due[i]
			if v.BAA.State == vendors.StateReviewDue {
				continue
			}
			if err := v.MarkReviewDue(asOf, c.actor.label()); err != nil {
				return err
			}
			if err := e.saveRecorded(c, v, baaEvent(EventBAAReviewDue, v, asOf)); err != nil {
				return err
			}
			out.ReviewDue = append(out.ReviewDue, *v)
		}
		return nil
	})
	return out, err
}

func (e *Engine) saveRecorded(c *call, v *vendors.Vendor, ev eventSpec) error {
	if err := saveVendor(c, v); err != nil {
		return err
	}
	return c.record("vendor", string(v.ID), *v, ev)
}
