package compliance

import (
	"context"
	"iter"

	"github.com/rickb777/date/v2"

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
	AsOf date.Date `json:"as_of,omitzero"`
	// ReviewWindowDays: reviews due in [AsOf, AsOf+ReviewWindowDays); 0 means 60, and a
	// negative number is refused.
	ReviewWindowDays int `json:"review_window_days,omitempty"`
	// StallDays: a pending BAA with no activity for this many days or more has stalled;
	// 0 means [vendors.DefaultStallDays], and a negative number is refused.
	StallDays int `json:"stall_days,omitempty"`
	// Profile, when set, lists in Inventory.MissingCategories the vendor categories the
	// specialty profile expects that no vendor of the inventory is in: a practice of that
	// kind usually has one, so each is a question for the inventory (is there a vendor
	// we have not recorded?).
	Profile profiles.Name `json:"profile,omitempty"`
}

// ClauseFindings are the clause problems of one vendor's signed BAA.
type ClauseFindings struct {
	Vendor vendors.Vendor      `json:"vendor"`
	Gaps   []vendors.ClauseGap `json:"gaps"`
}

// Inventory is the posture of an organization's vendor inventory on one day.
type Inventory struct {
	Organization     org.Organization `json:"organization"`
	AsOf             date.Date        `json:"as_of"`
	ReviewWindowDays int              `json:"review_window_days"`
	StallDays        int              `json:"stall_days"`

	// Vendors is the number of vendors; BusinessAssociates the number determined to be.
	Vendors            int `json:"vendors"`
	BusinessAssociates int `json:"business_associates"`
	// ByState counts vendors by the state of their current BAA.
	ByState map[vendors.State]int `json:"by_state"`

	// Gaps are business associates without a signed, current BAA.
	Gaps []vendors.Gap `json:"gaps"`
	// Undetermined are vendors with no determination, or one awaiting legal review.
	Undetermined []vendors.Vendor `json:"undetermined"`
	// ReviewsDue are in-force BAAs whose review falls in the window.
	ReviewsDue []vendors.Vendor `json:"reviews_due"`
	// OverdueReviews are in-force BAAs whose review date has passed.
	OverdueReviews []vendors.Vendor `json:"overdue_reviews"`
	// Expiring are in-force BAAs whose expiry date falls in the review window.
	Expiring []vendors.Vendor `json:"expiring"`
	// Stalled are BAA requests with no follow-up for StallDays or more.
	Stalled []vendors.Vendor `json:"stalled"`
	// MissingClauses are signed, in-force BAAs that lack clauses of 164.504(e)(2).
	//
	// A vendor determined not to be a business associate (45 CFR 160.103) needs no BAA
	// (164.502(e)(1)), and its BAA moves are refused: it is in none of ReviewsDue,
	// OverdueReviews, Expiring, Stalled, MissingClauses or Gaps, even when an agreement
	// signed before the determination is still on file.
	MissingClauses []ClauseFindings `json:"missing_clauses"`
	// MissingCategories are the categories InventoryOptions.Profile expects that no
	// vendor is in, in the profile's order.
	MissingCategories []vendors.Category `json:"missing_categories"`
}

// Inventory reports the vendor inventory's posture as of a day.
func (o *Org) Inventory(ctx context.Context, opts InventoryOptions) (Inventory, error) {
	var inv Inventory
	err := o.view(ctx, ActionInventoryReport, func(c *call) error {
		o, err := c.orgProfile()
		if err != nil {
			return err
		}
		if opts.AsOf == date.Zero {
			opts.AsOf = o.Today(c.now)
		}
		vc := validation.Collector{Pkg: "compliance"}
		vc.Check(opts.ReviewWindowDays >= 0, "review_window_days", "must not be negative, got %d", opts.ReviewWindowDays)
		vc.Check(opts.StallDays >= 0, "stall_days", "must not be negative, got %d", opts.StallDays)
		if err := vc.Err(); err != nil {
			return err
		}
		if opts.ReviewWindowDays == 0 {
			opts.ReviewWindowDays = DefaultReviewWindowDays
		}
		if opts.StallDays == 0 {
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
			if v.BAA.InForce(asOf) && !v.NotBusinessAssociate() {
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
		if inv.ReviewsDue, err = collectBAs(vs.ReviewsDue(c.ctx, window)); err != nil {
			return err
		}
		if inv.OverdueReviews, err = collectBAs(vs.ReviewsDue(c.ctx, storage.Before(asOf))); err != nil {
			return err
		}
		expiring, err := collectBAs(vs.Expiring(c.ctx, window))
		if err != nil {
			return err
		}
		for _, v := range expiring {
			if v.BAA.State.InForce() {
				inv.Expiring = append(inv.Expiring, v)
			}
		}
		inv.Stalled, err = collectBAs(vs.Stalled(c.ctx, asOf-date.Date(opts.StallDays)+1))
		return err
	})
	return result(inv, err)
}

// collectBAs drains a vendor listing, leaving out the vendors determined not to be
// business associates: they need no BAA, so no review, follow-up or renewal of one.
func collectBAs(seq iter.Seq2[vendors.Vendor, error]) ([]vendors.Vendor, error) {
	var out []vendors.Vendor
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		if !v.NotBusinessAssociate() {
			out = append(out, v)
		}
	}
	return out, nil
}
