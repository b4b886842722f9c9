package compliance

import (
	"context"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// VendorService is the vendor inventory and the BAA lifecycle of one organization:
// vendors added and described, their business-associate determinations (45 CFR 160.103),
// and each agreement requested, negotiated, signed, reviewed, renewed, expired or
// terminated (45 CFR 164.502(e), 164.504(e)). Every move takes the vendor's [record.Ref]
// (the version read) and one input whose zero day means today in the organization's
// time zone; a move dated in the future is refused, and so is a move on a vendor
// determined not to be a business associate ([vendors.ErrNotBusinessAssociate]). A move
// the agreement's state does not allow ([*vendors.TransitionError],
// [*vendors.StateError]) is a failed precondition ([FailedPrecondition]), not bad input.
type VendorService struct{ o *Org }

// Vendors returns the organization's vendor inventory and BAA lifecycle.
func (o *Org) Vendors() VendorService { return VendorService{o} }

// VendorQuery filters and pages a vendor listing; zero fields do not filter.
type VendorQuery struct {
	// States keeps vendors whose current BAA is in one of these states.
	States []vendors.State `json:"states"`
	// Categories keeps vendors in one of these categories.
	Categories []vendors.Category `json:"categories"`
	PageQuery
}

// vendorCursor is the position of a vendor listing.
type vendorCursor struct {
	Name string     `json:"n"`
	ID   vendors.ID `json:"i"`
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

// checkUniqueName refuses a vendor name another vendor of the organization has, case
// and spaces aside ([vendors.NameKey]).
func checkUniqueName(c *call, v *vendors.Vendor) error {
	if vendors.NameKey(v.Name) == "" {
		return nil // the vendor's own validation names the empty name
	}
	same, err := collect(c.tx.Vendors().List(c.ctx, storage.VendorQuery{Name: v.Name, Limit: 2}))
	if err != nil {
		return err
	}
	for _, o := range same {
		if o.ID != v.ID {
			return validation.New("vendors", "name", "%q is already the name of vendor %q (%s)", v.Name, o.ID, o.Name)
		}
	}
	return nil
}

// Add adds a vendor to the inventory. Its ID is assigned when empty; determinations and
// BAA history may not be given here (use Determine and the BAA moves). A name another
// vendor has, case and spaces aside, is refused.
func (s VendorService) Add(ctx context.Context, v vendors.Vendor) (vendors.Vendor, error) {
	err := s.o.update(ctx, ActionVendorAdd, func(c *call) error {
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		if v.ID == "" {
			v.ID = vendors.ID(c.e.newID(record.KindVendor))
		}
		v.Name = trimmed(v.Name)
		vc := validation.Collector{Pkg: "vendors"}
		vc.Check(len(v.Determinations) == 0, "determinations", "must be empty when adding a vendor (use Determine)")
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
		if err := checkUniqueName(c, &v); err != nil {
			return err
		}
		v.CreatedAt, v.UpdatedAt = c.now, c.now
		if err := c.tx.Vendors().Create(c.ctx, &v); err != nil {
			return err
		}
		return c.record(record.KindVendor, string(v.ID), v, vendorEvent(EventVendorAdded, &v, date.Zero))
	})
	return result(v, err)
}

// Update changes a vendor's details (name, category, data shared, sites, contact,
// owner, notes); its determinations and BAA are kept as stored. v.Version must be the
// version read.
func (s VendorService) Update(ctx context.Context, v vendors.Vendor) (vendors.Vendor, error) {
	var out vendors.Vendor
	err := s.o.update(ctx, ActionVendorUpdate, func(c *call) error {
		cur, err := loadVendor(c, v.Ref())
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
		if err := checkUniqueName(c, &cur); err != nil {
			return err
		}
		if err := saveVendor(c, &cur); err != nil {
			return err
		}
		out = cur
		return c.record(record.KindVendor, string(cur.ID), cur, vendorEvent(EventVendorUpdated, &cur, date.Zero))
	})
	return result(out, err)
}

// Get returns one vendor.
func (s VendorService) Get(ctx context.Context, id vendors.ID) (vendors.Vendor, error) {
	var v vendors.Vendor
	err := s.o.view(ctx, ActionVendorRead, func(c *call) (err error) {
		v, err = c.tx.Vendors().Get(c.ctx, id)
		return err
	})
	return result(v, err)
}

// List returns a page of the vendors that match q, by name then id.
func (s VendorService) List(ctx context.Context, q VendorQuery) (Page[vendors.Vendor], error) {
	var p Page[vendors.Vendor]
	err := s.o.view(ctx, ActionVendorRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		var pos vendorCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.VendorQuery{States: q.States, Categories: q.Categories,
			AfterName: pos.Name, AfterID: pos.ID, Limit: limit + 1}
		p, err = collectPage(c.tx.Vendors().List(c.ctx, sq), limit,
			func(v *vendors.Vendor) vendorCursor { return vendorCursor{v.Name, v.ID} })
		return err
	})
	return result(p, err)
}

// loadVendor reads a vendor and checks the caller's version against the stored one.
func loadVendor(c *call, ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
	v, err := c.tx.Vendors().Get(c.ctx, ref.ID)
	if err != nil {
		return v, err
	}
	if v.Version != ref.Version {
		return v, fmt.Errorf("vendor %q: version %d, stored %d: %w", ref.ID, ref.Version, v.Version, storage.ErrConflict)
	}
	return v, nil
}

func saveVendor(c *call, v *vendors.Vendor) error {
	v.UpdatedAt = c.now
	return c.tx.Vendors().Update(c.ctx, v)
}

// change is the shape of every move of one vendor: load at the ref's version, change,
// validate, store, audit and emit.
func (s VendorService) change(ctx context.Context, ref record.Ref[vendors.ID], action Action,
	change func(c *call, v *vendors.Vendor) (eventSpec, error)) (vendors.Vendor, error) {
	var out vendors.Vendor
	err := s.o.update(ctx, action, func(c *call) error {
		v, err := loadVendor(c, ref)
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
		return c.record(record.KindVendor, string(v.ID), v, ev)
	})
	return result(out, err)
}

// dateOr returns d, or today in the organization's time zone when d is zero.
func (c *call) dateOr(d date.Date) (date.Date, error) {
	if d != date.Zero {
		return d, nil
	}
	return c.today()
}

// today is today in the organization's time zone.
func (c *call) today() (date.Date, error) {
	o, err := c.orgProfile()
	if err != nil {
		return date.Zero, err
	}
	return o.Today(c.now), nil
}

// notFuture refuses d, when set, if it is after today in the organization's time zone,
// on field (of package pkg): the day of an act recorded as done.
func (c *call) notFuture(pkg, field string, d date.Date) error {
	if d == date.Zero {
		return nil
	}
	_, err := c.pastDate(pkg, field, d)
	return err
}

// pastDate returns d, or today when d is zero; a day after today is refused on field
// (of package pkg): what is recorded as done cannot have happened yet.
func (c *call) pastDate(pkg, field string, d date.Date) (date.Date, error) {
	today, err := c.today()
	if err != nil {
		return d, err
	}
	if d == date.Zero {
		return today, nil
	}
	if d > today {
		return d, validation.New(pkg, field, "%s is in the future (today is %s in the organization's time zone)", d, today)
	}
	return d, nil
}

// Determine records whether the vendor is a business associate (45 CFR 160.103); the
// actor is recorded as the decider when d.DecidedBy is empty, today when DecidedOn is
// zero. A determination dated in the future is refused.
func (s VendorService) Determine(ctx context.Context, ref record.Ref[vendors.ID], d vendors.Determination) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionVendorDetermineBA, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		if d.DecidedBy == "" {
			d.DecidedBy = c.actor.label()
		}
		var err error
		if d.DecidedOn, err = c.pastDate("vendors", "decided_on", d.DecidedOn); err != nil {
			return eventSpec{}, err
		}
		// The event is made after the determination is recorded: its payload names the
		// outcome in effect.
		if err := v.Determine(d); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventBADetermined, v, d.DecidedOn), nil
	})
}

// move is a BAA move whose domain method takes a [vendors.Move] and the actor.
func (s VendorService) move(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move, action Action,
	t event.Type, move func(v *vendors.Vendor, m vendors.Move, by string) error) (vendors.Vendor, error) {
	return s.change(ctx, ref, action, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if m.On, err = c.pastDate("vendors", "on", m.On); err != nil {
			return eventSpec{}, err
		}
		if err := move(v, m, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(t, v, m.On), nil
	})
}

// RequestBAA asks the vendor for a BAA (not_requested, expired or terminated → requested).
func (s VendorService) RequestBAA(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move) (vendors.Vendor, error) {
	return s.move(ctx, ref, m, ActionBAARequest, EventBAARequested, (*vendors.Vendor).RequestBAA)
}

// NegotiateBAA records that the BAA's terms are being negotiated (requested → in_negotiation).
func (s VendorService) NegotiateBAA(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move) (vendors.Vendor, error) {
	return s.move(ctx, ref, m, ActionBAANegotiate, EventBAANegotiating, (*vendors.Vendor).NegotiateBAA)
}

// SignBAA records the signed BAA with its terms and clause checklist; a zero SignedOn
// is today, and a signing dated in the future is refused.
func (s VendorService) SignBAA(ctx context.Context, ref record.Ref[vendors.ID], sg vendors.Signing) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionBAASign, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if sg.SignedOn, err = c.pastDate("vendors", "signed_on", sg.SignedOn); err != nil {
			return eventSpec{}, err
		}
		if err := v.SignBAA(sg, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventBAASigned, v, sg.SignedOn), nil
	})
}

// MarkReviewDue records that the BAA's periodic review has come due as of m.On.
func (s VendorService) MarkReviewDue(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move) (vendors.Vendor, error) {
	return s.move(ctx, ref, m, ActionBAAMarkReviewDue, EventBAAReviewDue, (*vendors.Vendor).MarkReviewDue)
}

// ReviewBAA records a review and schedules the next one.
func (s VendorService) ReviewBAA(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move) (vendors.Vendor, error) {
	return s.move(ctx, ref, m, ActionBAAReview, EventBAAReviewed, (*vendors.Vendor).ReviewBAA)
}

// RenewBAA records a renewal; a zero r.On is today.
func (s VendorService) RenewBAA(ctx context.Context, ref record.Ref[vendors.ID], r vendors.Renewal) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionBAARenew, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if r.On, err = c.pastDate("vendors", "on", r.On); err != nil {
			return eventSpec{}, err
		}
		if err := v.RenewBAA(r, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventBAARenewed, v, r.On), nil
	})
}

// ExpireBAA records that the BAA lapsed after its expiry date.
func (s VendorService) ExpireBAA(ctx context.Context, ref record.Ref[vendors.ID], m vendors.Move) (vendors.Vendor, error) {
	return s.move(ctx, ref, m, ActionBAAExpire, EventBAAExpired, (*vendors.Vendor).ExpireBAA)
}

// TerminateBAA ends the BAA and records the PHI disposition; a zero t.On is today, and
// a termination or certification (t.CertifiedOn) dated in the future is refused.
func (s VendorService) TerminateBAA(ctx context.Context, ref record.Ref[vendors.ID], t vendors.Termination) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionBAATerminate, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if t.On, err = c.pastDate("vendors", "on", t.On); err != nil {
			return eventSpec{}, err
		}
		if err := c.notFuture("vendors", "certified_on", t.CertifiedOn); err != nil {
			return eventSpec{}, err
		}
		if err := v.TerminateBAA(t, c.actor.label()); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventBAATerminated, v, t.On), nil
	})
}

// CertifyDisposition records the business associate's certification that it returned or
// destroyed the PHI after termination (45 CFR 164.504(e)(2)(ii)(J)); a zero cert.On is
// today.
func (s VendorService) CertifyDisposition(ctx context.Context, ref record.Ref[vendors.ID], cert vendors.Certification) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionBAACertifyDisposition, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if cert.On, err = c.pastDate("vendors", "on", cert.On); err != nil {
			return eventSpec{}, err
		}
		if err := v.CertifyDisposition(cert); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventDispositionCertified, v, cert.On), nil
	})
}

// RecordFollowUp records a contact that moves a pending BAA forward; a zero f.On is
// today and an empty f.By the actor.
func (s VendorService) RecordFollowUp(ctx context.Context, ref record.Ref[vendors.ID], f vendors.FollowUp) (vendors.Vendor, error) {
	return s.change(ctx, ref, ActionBAAFollowUp, func(c *call, v *vendors.Vendor) (eventSpec, error) {
		var err error
		if f.On, err = c.pastDate("vendors", "on", f.On); err != nil {
			return eventSpec{}, err
		}
		if f.By == "" {
			f.By = c.actor.label()
		}
		if err := v.RecordFollowUp(f); err != nil {
			return eventSpec{}, err
		}
		return vendorEvent(EventBAAFollowUp, v, f.On), nil
	})
}

// RefreshOptions choose the day of [VendorService.Refresh].
type RefreshOptions struct {
	// AsOf is the day; zero means today in the organization's time zone.
	AsOf date.Date `json:"as_of,omitzero"`
}

// Refreshed lists what Refresh changed.
type Refreshed struct {
	// AsOf is the day refreshed.
	AsOf date.Date `json:"as_of"`
	// ReviewDue are the vendors whose BAA moved to review_due.
	ReviewDue []vendors.Vendor `json:"review_due"`
	// Expired are the vendors whose BAA moved to expired.
	Expired []vendors.Vendor `json:"expired"`
}

// Refresh brings BAA states up to date as of a day: in-force agreements whose review
// date has come move to review_due, and those past their expiry date move to expired.
// It runs in one transaction, with an audit entry and an event per change, and finds
// its work through the index-backed window queries. A vendor determined not to be a
// business associate has no BAA review (its agreement may still lapse), and an
// agreement changed after the day refreshed is left as it is.
func (s VendorService) Refresh(ctx context.Context, opts RefreshOptions) (Refreshed, error) {
	var out Refreshed
	err := s.o.update(ctx, ActionBAARefresh, func(c *call) error {
		asOf, err := c.pastDate("compliance", "as_of", opts.AsOf)
		if err != nil {
			return err
		}
		out = Refreshed{AsOf: asOf}
		expiring, err := collect(c.tx.Vendors().Expiring(c.ctx, storage.Window{From: date.Zero, To: asOf}))
		if err != nil {
			return err
		}
		by := c.actor.label()
		for i := range expiring {
			v := &expiring[i]
			if !v.BAA.State.InForce() || v.BAA.LastActivityOn > asOf {
				continue
			}
			if err := v.ExpireBAA(vendors.Move{On: asOf}, by); err != nil {
				return err
			}
			if err := saveRecorded(c, v, vendorEvent(EventBAAExpired, v, asOf)); err != nil {
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
			if v.BAA.State == vendors.StateReviewDue || v.NotBusinessAssociate() || v.BAA.LastActivityOn > asOf {
				continue
			}
			if err := v.MarkReviewDue(vendors.Move{On: asOf}, by); err != nil {
				return err
			}
			if err := saveRecorded(c, v, vendorEvent(EventBAAReviewDue, v, asOf)); err != nil {
				return err
			}
			out.ReviewDue = append(out.ReviewDue, *v)
		}
		return nil
	})
	return result(out, err)
}

func saveRecorded(c *call, v *vendors.Vendor, ev eventSpec) error {
	if err := saveVendor(c, v); err != nil {
		return err
	}
	return c.record(record.KindVendor, string(v.ID), *v, ev)
}
