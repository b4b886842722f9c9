package compliance

import (
	"context"
	"iter"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// DefaultReviewWindowDays is how far ahead the inventory report looks for BAA reviews.
const DefaultReviewWindowDays = 60

// InventoryOptions choose the day and thresholds of an inventory report.
type InventoryOptions struct {
	// AsOf is the day of the report; zero means today in the organization's time zone.
	AsOf date.Date
	// ReviewWindowDays: reviews due in [AsOf, AsOf+ReviewWindowDays); default 60.
	ReviewWindowDays int
	// StallDays: a pending BAA with no activity for this many days or more has stalled;
	// default [vendors.DefaultStallDays].
	StallDays int
	// Profile, when set, lists in Inventory.MissingCategories the vendor categories the
	// specialty profile expects that no vendor of the inventory is in: a practice of that
	// kind usually has one, so each is a question for the inventory (is there a vendor
	// we have not recorded?).
	Profile profiles.Name
}

// ClauseFindings are the clause problems of one vendor's signed BAA.
type ClauseFindings struct {
	Vendor vendors.Vendor
	Gaps   []vendors.ClauseGap
}

// Inventory is the posture of an organization's vendor inventory on one day.
type Inventory struct {
	Organization     org.Organization
	AsOf             date.Date
	ReviewWindowDays int
	StallDays        int

	// Vendors is the number of vendors; BusinessAssociates the number determined to be.
	Vendors            int
	BusinessAssociates int
	// ByState counts vendors by the state of their current BAA.
	ByState map[vendors.State]int

	// Gaps are business associates without a signed, current BAA.
	Gaps []vendors.Gap
	// Undetermined are vendors with no determination, or one awaiting legal review.
	Undetermined []vendors.Vendor
	// ReviewsDue are in-force BAAs whose review falls in the window.
	ReviewsDue []vendors.Vendor
	// OverdueReviews are in-force BAAs whose review date has passed.
	OverdueReviews []vendors.Vendor
	// Expiring are in-force BAAs whose expiry date falls in the review window.
	Expiring []vendors.Vendor
	// Stalled are BAA requests with no follow-up for StallDays or more.
	Stalled []vendors.Vendor
	// MissingClauses are signed, in-force BAAs that lack clauses of 164.504(e)(2).
	MissingClauses []ClauseFindings
	// MissingCategories are the categories InventoryOptions.Profile expects that no
	// vendor is in, in the profile's order.
	MissingCategories []vendors.Category
}

// Inventory reports the vendor inventory's posture as of a day.
func (e *Engine) Inventory(ctx context.Context, orgID org.ID, opts InventoryOptions) (Inventory, error) {
	var inv Inventory
	err := e.view(ctx, orgID, "report.inventory", func(c *call) error {
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		if opts.AsOf == date.Zero {
			opts.AsOf = o.Today(c.now)
		}
		if opts.ReviewWindowDays <= 0 {
			opts.ReviewWindowDays = DefaultReviewWindowDays
		}
		if opts.StallDays <= 0 {
			opts.StallDays = vendors.DefaultStallDays
		}
		asOf := opts.AsOf
		inv = Inventory{Organization: o, AsOf: asOf, ReviewWindowDays: opts.ReviewWindowDays,
			StallDays: opts.StallDays, ByState: map[vendors.State]int{}}
		vs := c.tx.Vendors()
		all, err := collect(vs.List(c.ctx, storage.VendorQuery{}))
		if err != nil {
			return err
		}
		inv.Vendors = len(all)
		for i := range all {
			v := &all[i]
			inv.ByState[v.BAA.State]++
			if v.IsBusinessAssociate() {
				inv.BusinessAssociates++
			}
			if v.BAA.InForce(asOf) {
				if gaps := v.BAA.MissingClauses(); len(gaps) > 0 {
					inv.MissingClauses = append(inv.MissingClauses, ClauseFindings{Vendor: *v, Gaps: gaps})
				}
			}
		}
		if opts.Profile != "" {
			p, ok := profiles.Get(opts.Profile)
			if !ok {
				return validation.New("profiles", "profile", "%q is not a profile", opts.Profile)
			}
			have := map[vendors.Category]bool{}
			for i := range all {
				have[all[i].Category] = true
			}
			for _, cat := range p.VendorCategories {
				if !have[cat] {
					inv.MissingCategories = append(inv.MissingCategories, cat)
				}
			}
		}
		inv.Gaps = vendors.Gaps(all, asOf)
		inv.Undetermined = vendors.Undetermined(all)
		window := storage.Window{From: asOf, To: asOf + date.Date(opts.ReviewWindowDays)}
		if inv.ReviewsDue, err = collect(vs.ReviewsDue(c.ctx, window)); err != nil {
			return err
		}
		if inv.OverdueReviews, err = collect(vs.ReviewsDue(c.ctx, storage.Window{From: date.Zero + 1, To: asOf})); err != nil {
			return err
		}
		expiring, err := collect(vs.Expiring(c.ctx, window))
		if err != nil {
			return err
		}
		for _, v := range expiring {
			if v.BAA.State.InForce() {
				inv.Expiring = append(inv.Expiring, v)
			}
		}
		inv.Stalled, err = collect(vs.Stalled(c.ctx, asOf-date.Date(opts.StallDays)+1))
		return err
	})
	return inv, err
}

// AuditTrail returns the organization's audit entries with Seq ≥ from.
func (e *Engine) AuditTrail(ctx context.Context, orgID org.ID, from uint64) ([]audit.Entry, error) {
	var out []audit.Entry
	err := e.view(ctx, orgID, "audit.read", func(c *call) (err error) {
		out, err = collect(c.tx.Audit().List(c.ctx, from))
		return err
	})
	return out, err
}

// AuditStatus is the result of verifying an organization's audit chain.
type AuditStatus struct {
	// Entries is the number of entries checked.
	Entries int
	// Head is the last entry; anchor its Seq and Hash elsewhere to detect truncation.
	Head audit.Entry
}

// VerifyAudit reads the organization's whole audit chain and verifies it. A broken chain
// returns a [*audit.VerifyError] naming each edited, deleted, reordered or inserted entry.
func (e *Engine) VerifyAudit(ctx context.Context, orgID org.ID) (AuditStatus, error) {
	entries, err := e.AuditTrail(ctx, orgID, 0)
	if err != nil {
		return AuditStatus{}, err
	}
	st := AuditStatus{Entries: len(entries)}
	if n := len(entries); n > 0 {
		st.Head = entries[n-1]
	}
	return st, audit.Verify(entries)
}

// Events returns up to limit of the organization's events after the cursor (a Seq the
// reader processed last; 0 for the start), in order. limit 0 means all.
func (e *Engine) Events(ctx context.Context, orgID org.ID, after uint64, limit int) ([]event.Event, error) {
	var out []event.Event
	err := e.view(ctx, orgID, "event.read", func(c *call) (err error) {
		out, err = collect(c.tx.Events().List(c.ctx, after, limit))
		return err
	})
	return out, err
}

// collect drains a storage listing.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
