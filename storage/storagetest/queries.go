package storagetest

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

func withReview(v vendors.Vendor, next date.Date) vendors.Vendor {
	v.BAA.EffectiveOn, v.BAA.ReviewMonths, v.BAA.NextReviewOn = next-365, 12, next
	return v
}

func withExpiry(v vendors.Vendor, exp date.Date) vendors.Vendor {
	v.BAA.EffectiveOn, v.BAA.ReviewMonths, v.BAA.ExpiresOn = exp-700, 12, exp
	v.BAA.NextReviewOn = exp + 1000
	return v
}

func withActivity(v vendors.Vendor, last date.Date) vendors.Vendor {
	v.BAA.RequestedOn, v.BAA.LastActivityOn = last, last
	return v
}

var queryTests = []test{
	{"Query/ListOrderAndFilters", "List orders by name then id and filters by BAA state and category", func(t *testing.T, s storage.Store) {
		c := newVendor("c", "Carelink", vendors.StateSigned)
		c.Category = vendors.CategoryEHR
		createVendors(t, s, orgA,
			newVendor("b2", "Beta", vendors.StateRequested),
			newVendor("a", "Alpha", vendors.StateNotRequested),
			c,
			newVendor("b1", "Beta", vendors.StateInNegotiation),
		)
		view(t, s, orgA, func(tx storage.Tx) error {
			vs := tx.Vendors()
			require.Equal(t, []vendors.ID{"a", "b1", "b2", "c"}, ids(collect(t, vs.List(ctx, storage.VendorQuery{}))))
			require.Equal(t, []vendors.ID{"b1", "b2"}, ids(collect(t, vs.List(ctx, storage.VendorQuery{States: vendors.PendingStates()}))))
			require.Equal(t, []vendors.ID{"c"}, ids(collect(t, vs.List(ctx, storage.VendorQuery{Categories: []vendors.Category{vendors.CategoryEHR}}))))
			require.Equal(t, []vendors.ID{}, ids(collect(t, vs.List(ctx, storage.VendorQuery{
				States: []vendors.State{vendors.StateSigned}, Categories: []vendors.Category{vendors.CategorySpecialtyPharmacy}}))))
			return nil
		})
	}},
	{"Query/ListPages", "List pages with Limit and continues after (AfterName, AfterID), exclusive", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA,
			newVendor("b2", "Beta", vendors.StateRequested), newVendor("a", "Alpha", vendors.StateRequested),
			newVendor("c", "Carelink", vendors.StateRequested), newVendor("b1", "Beta", vendors.StateRequested))
		view(t, s, orgA, func(tx storage.Tx) error {
			vs := tx.Vendors()
			p1 := collect(t, vs.List(ctx, storage.VendorQuery{Limit: 2}))
			require.Equal(t, []vendors.ID{"a", "b1"}, ids(p1))
			p2 := collect(t, vs.List(ctx, storage.VendorQuery{Limit: 2, AfterName: p1[1].Name, AfterID: p1[1].ID}))
			require.Equal(t, []vendors.ID{"b2", "c"}, ids(p2))
			p3 := collect(t, vs.List(ctx, storage.VendorQuery{Limit: 2, AfterName: "Carelink", AfterID: "c"}))
			require.Empty(t, p3)
			return nil
		})
	}},
	{"Query/ReviewsDueWindow", "ReviewsDue returns in-force BAAs with From <= next review < To, by date", func(t *testing.T, s storage.Store) {
		from, to := d0, d0+60
		createVendors(t, s, orgA,
			withReview(newVendor("before", "Before", vendors.StateSigned), from-1),
			withReview(newVendor("first", "First", vendors.StateSigned), from),
			withReview(newVendor("mid", "Mid", vendors.StateReviewed), from+30),
			withReview(newVendor("last", "Last", vendors.StateRenewed), to-1),
			withReview(newVendor("to", "At To", vendors.StateReviewDue), to),
			withReview(newVendor("ended", "Terminated", vendors.StateTerminated), from+10),
			withReview(newVendor("lapsed", "Expired", vendors.StateExpired), from+11),
			withReview(newVendor("pending", "Pending", vendors.StateInNegotiation), from+12),
		)
		view(t, s, orgA, func(tx storage.Tx) error {
			got := collect(t, tx.Vendors().ReviewsDue(ctx, storage.Window{From: from, To: to}))
			require.Equal(t, []vendors.ID{"first", "mid", "last"}, ids(got))
			got = collect(t, tx.Vendors().ReviewsDue(ctx, storage.Before(from)))
			require.Equal(t, []vendors.ID{"before"}, ids(got))
			require.Empty(t, collect(t, tx.Vendors().ReviewsDue(ctx, storage.Window{From: from, To: from})))
			return nil
		})
	}},
	{"Query/ExpiringWindow", "Expiring returns in-force or expired BAAs with From <= expiry < To; no expiry never matches", func(t *testing.T, s storage.Store) {
		from, to := d0, d0+30
		noExpiry := withReview(newVendor("open", "Open-ended", vendors.StateSigned), from+5)
		createVendors(t, s, orgA,
			withExpiry(newVendor("before", "Before", vendors.StateSigned), from-1),
			withExpiry(newVendor("first", "First", vendors.StateSigned), from),
			withExpiry(newVendor("lapsed", "Lapsed", vendors.StateExpired), from+3),
			withExpiry(newVendor("last", "Last", vendors.StateReviewDue), to-1),
			withExpiry(newVendor("to", "At To", vendors.StateSigned), to),
			withExpiry(newVendor("ended", "Ended", vendors.StateTerminated), from+4),
			noExpiry,
		)
		view(t, s, orgA, func(tx storage.Tx) error {
			got := collect(t, tx.Vendors().Expiring(ctx, storage.Window{From: from, To: to}))
			require.Equal(t, []vendors.ID{"first", "lapsed", "last"}, ids(got))
			got = collect(t, tx.Vendors().Expiring(ctx, storage.Window{From: date.Zero, To: from}))
			require.Equal(t, []vendors.ID{"before"}, ids(got))
			return nil
		})
	}},
	{"Query/Stalled", "Stalled returns requested or negotiating BAAs with last activity strictly before the date, oldest first", func(t *testing.T, s storage.Store) {
		before := d0
		createVendors(t, s, orgA,
			withActivity(newVendor("old", "Old", vendors.StateRequested), before-40),
			withActivity(newVendor("edge", "Edge", vendors.StateInNegotiation), before-1),
			withActivity(newVendor("on", "On the day", vendors.StateRequested), before),
			withActivity(newVendor("signed", "Signed", vendors.StateSigned), before-50),
			withActivity(newVendor("none", "Not requested", vendors.StateNotRequested), before-60),
		)
		view(t, s, orgA, func(tx storage.Tx) error {
			got := collect(t, tx.Vendors().Stalled(ctx, before))
			require.Equal(t, []vendors.ID{"old", "edge"}, ids(got))
			return nil
		})
	}},
	{"Query/EarlyStop", "a listing stops when the caller stops ranging, and the transaction stays usable", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, newVendor("a", "A", vendors.StateRequested), newVendor("b", "B", vendors.StateRequested),
			newVendor("c", "C", vendors.StateRequested))
		view(t, s, orgA, func(tx storage.Tx) error {
			n := 0
			for _, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
				require.NoError(t, err)
				n++
				if n == 1 {
					break
				}
			}
			require.Equal(t, 1, n)
			_, err := tx.Vendors().Get(ctx, "c")
			return err
		})
	}},
}
