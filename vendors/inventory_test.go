package vendors_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/vendors"
)

// asOf is the day every inventory question in this file is asked.
var asOf = day(2026, time.June, 1)

// baaIn is an agreement in state s with the dates that matter to the inventory.
func baaIn(s vendors.State, next, expires date.Date) vendors.BAA {
	return vendors.BAA{State: s, EffectiveOn: asOf - 365, ReviewMonths: 12, NextReviewOn: next, ExpiresOn: expires}
}

// TestReviewDueWithin: the window is [asOf, asOf+days): a review on asOf is due, one on
// asOf+days is not yet, one on asOf-1 is overdue instead. Periodic review of the BAA keeps
// the satisfactory assurances of 164.308(b)(1) and 164.502(e)(1) current.
func TestReviewDueWithin(t *testing.T) {
	const days = 30
	tests := []struct {
		name        string
		b           vendors.BAA
		due, overdu bool
	}{
		{"on asOf: due", baaIn(vendors.StateSigned, asOf, date.Zero), true, false},
		{"asOf+29: due", baaIn(vendors.StateSigned, asOf+days-1, date.Zero), true, false},
		{"asOf+30: not yet", baaIn(vendors.StateSigned, asOf+days, date.Zero), false, false},
		{"asOf-1: overdue, not due", baaIn(vendors.StateSigned, asOf-1, date.Zero), false, true},
		{"long overdue", baaIn(vendors.StateReviewDue, asOf-400, date.Zero), false, true},
		{"no review date", baaIn(vendors.StateSigned, date.Zero, date.Zero), false, false},
		{"review_due state in window", baaIn(vendors.StateReviewDue, asOf+1, date.Zero), true, false},
		{"reviewed state in window", baaIn(vendors.StateReviewed, asOf+1, date.Zero), true, false},
		{"renewed state in window", baaIn(vendors.StateRenewed, asOf+1, date.Zero), true, false},
		{"requested: not in force", baaIn(vendors.StateRequested, asOf+1, date.Zero), false, false},
		{"expired: not in force", baaIn(vendors.StateExpired, asOf+1, date.Zero), false, false},
		{"expired, date passed: not overdue", baaIn(vendors.StateExpired, asOf-1, date.Zero), false, false},
		{"terminated: not in force", baaIn(vendors.StateTerminated, asOf-1, date.Zero), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.due, tt.b.ReviewDueWithin(asOf, days), "ReviewDueWithin")
			assert.Equal(t, tt.overdu, tt.b.ReviewOverdue(asOf), "ReviewOverdue")
		})
	}

	b := baaIn(vendors.StateSigned, asOf, date.Zero)
	assert.False(t, b.ReviewDueWithin(asOf, 0), "an empty window holds nothing")
	assert.True(t, b.ReviewDueWithin(asOf, 1))
	assert.False(t, b.ReviewDueWithin(asOf, -5))
}

// TestExpiredAsOf: ExpiresOn is the last day in force, so an agreement is expired as of a
// day strictly after it (ExpiresOn < asOf): on ExpiresOn itself it is still in force.
// A terminated agreement is not reported as expired.
func TestExpiredAsOf(t *testing.T) {
	tests := []struct {
		name string
		b    vendors.BAA
		want bool
	}{
		{"expires asOf: still in force", baaIn(vendors.StateSigned, date.Zero, asOf), false},
		{"expired asOf-1", baaIn(vendors.StateSigned, date.Zero, asOf-1), true},
		{"expires asOf+1", baaIn(vendors.StateSigned, date.Zero, asOf+1), false},
		{"no end date", baaIn(vendors.StateSigned, date.Zero, date.Zero), false},
		{"review_due past expiry", baaIn(vendors.StateReviewDue, date.Zero, asOf-1), true},
		{"reviewed past expiry", baaIn(vendors.StateReviewed, date.Zero, asOf-1), true},
		{"renewed past expiry", baaIn(vendors.StateRenewed, date.Zero, asOf-1), true},
		{"expired state", baaIn(vendors.StateExpired, date.Zero, asOf-10), true},
		{"expired state, asked before expiry", baaIn(vendors.StateExpired, date.Zero, asOf), false},
		{"terminated past expiry", baaIn(vendors.StateTerminated, date.Zero, asOf-1), false},
		{"requested", baaIn(vendors.StateRequested, date.Zero, asOf-1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.b.ExpiredAsOf(asOf))
			if tt.b.State.InForce() {
				// For an agreement already effective, expired and in force are opposites.
				assert.Equal(t, !tt.want, tt.b.InForce(asOf))
			}
		})
	}
}

// TestStalledAsOf: a pending request is stalled when LastActivityOn+days ≤ asOf; only
// requested and in_negotiation can stall.
func TestStalledAsOf(t *testing.T) {
	require.Equal(t, 30, vendors.DefaultStallDays)
	days := vendors.DefaultStallDays
	for _, s := range vendors.StateValues() {
		pending := s == vendors.StateRequested || s == vendors.StateInNegotiation
		tests := []struct {
			last date.Date
			want bool
		}{
			{asOf - 30, pending}, // exactly 30 days: stalled
			{asOf - 29, false},
			{asOf - 31, pending},
			{asOf, false},
			{date.Zero, pending}, // never any activity
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s_last_%s", s, tt.last), func(t *testing.T) {
				b := vendors.BAA{State: s, LastActivityOn: tt.last}
				assert.Equal(t, tt.want, b.StalledAsOf(asOf, days))
			})
		}
	}
	t.Run("a follow-up restarts the clock", func(t *testing.T) {
		v := vendorIn(t, vendors.StateRequested)
		assert.True(t, v.BAA.StalledAsOf(requestedOn+30, days))
		require.NoError(t, v.RecordFollowUp(vendors.FollowUp{On: requestedOn + 20, By: actor}))
		assert.False(t, v.BAA.StalledAsOf(requestedOn+30, days))
		assert.False(t, v.BAA.StalledAsOf(requestedOn+49, days))
		assert.True(t, v.BAA.StalledAsOf(requestedOn+50, days))
	})
}

// named returns a copy of v with a new ID and name.
func named(v vendors.Vendor, name string) vendors.Vendor {
	v = v.Clone()
	v.ID, v.Name = vendors.ID(name), name
	return v
}

// withBAA returns a vendor named name whose latest determination is o (none if empty) and
// whose BAA is b.
func withBAA(name string, o vendors.Outcome, b vendors.BAA) vendors.Vendor {
	v := newVendor(name, name)
	if o != "" {
		v.Determinations = []vendors.Determination{determination(o, asOf-400)}
	}
	v.BAA = b
	return v
}

// TestInventoryLists: each list function keeps the vendors it selects in the order given.
func TestInventoryLists(t *testing.T) {
	ba := vendors.OutcomeBusinessAssociate
	vs := []vendors.Vendor{
		withBAA("due-in-10", ba, baaIn(vendors.StateSigned, asOf+10, asOf+500)),
		withBAA("overdue", ba, baaIn(vendors.StateReviewDue, asOf-3, asOf+500)),
		withBAA("expired-yesterday", ba, baaIn(vendors.StateSigned, asOf+200, asOf-1)),
		withBAA("stalled", ba, vendors.BAA{State: vendors.StateRequested, LastActivityOn: asOf - 45}),
		withBAA("due-today", ba, baaIn(vendors.StateReviewed, asOf, asOf+500)),
		withBAA("negotiating-fresh", ba, vendors.BAA{State: vendors.StateInNegotiation, LastActivityOn: asOf - 2}),
		withBAA("undetermined", "", vendors.BAA{State: vendors.StateNotRequested}),
		withBAA("expired-state", ba, baaIn(vendors.StateExpired, asOf-100, asOf-20)),
		withBAA("legal-review", vendors.OutcomeNeedsLegalReview, vendors.BAA{State: vendors.StateInNegotiation, LastActivityOn: asOf - 30}),
		withBAA("due-in-30", ba, baaIn(vendors.StateSigned, asOf+30, asOf+500)),
		// Determined not to be business associates (45 CFR 160.103) after a BAA was asked
		// for or signed: no review, no follow-up; the agreement may still lapse.
		withBAA("conduit-due", vendors.OutcomeConduit, baaIn(vendors.StateSigned, asOf+5, asOf-2)),
		withBAA("treating-overdue", vendors.OutcomeTreatingProvider, baaIn(vendors.StateReviewDue, asOf-3, asOf+500)),
		withBAA("no-phi-stalled", vendors.OutcomeNoPHI, vendors.BAA{State: vendors.StateRequested, LastActivityOn: asOf - 45}),
	}
	in := make([]vendors.Vendor, len(vs))
	for i := range vs {
		in[i] = vs[i].Clone()
	}

	assert.Equal(t, []string{"due-in-10", "due-today"}, names(vendors.ReviewsDue(vs, asOf, 30)))
	assert.Equal(t, []string{"due-in-10", "due-today", "due-in-30"}, names(vendors.ReviewsDue(vs, asOf, 31)))
	assert.Equal(t, []string{"overdue"}, names(vendors.OverdueReviews(vs, asOf)))
	assert.Equal(t, []string{"expired-yesterday", "expired-state", "conduit-due"}, names(vendors.Expired(vs, asOf)))
	assert.Equal(t, []string{"stalled", "legal-review"}, names(vendors.Stalled(vs, asOf, vendors.DefaultStallDays)))
	assert.Equal(t, []string{"stalled"}, names(vendors.Stalled(vs, asOf, 31)))
	assert.Equal(t, []string{"undetermined", "legal-review"}, names(vendors.Undetermined(vs)))

	// Returned vendors are the inputs, whole.
	assert.Equal(t, []vendors.Vendor{vs[1]}, vendors.OverdueReviews(vs, asOf))
	assert.Equal(t, in, vs, "the input is not modified")

	for _, f := range []func([]vendors.Vendor) []vendors.Vendor{
		func(vs []vendors.Vendor) []vendors.Vendor { return vendors.ReviewsDue(vs, asOf, 30) },
		func(vs []vendors.Vendor) []vendors.Vendor { return vendors.OverdueReviews(vs, asOf) },
		func(vs []vendors.Vendor) []vendors.Vendor { return vendors.Expired(vs, asOf) },
		func(vs []vendors.Vendor) []vendors.Vendor { return vendors.Stalled(vs, asOf, 30) },
		vendors.Undetermined,
	} {
		assert.Empty(t, f(nil))
	}
	assert.Empty(t, vendors.Gaps(nil, asOf))
}

// TestUndetermined: a vendor needs a determination (45 CFR 160.103) until the one in effect
// is other than needs_legal_review.
func TestUndetermined(t *testing.T) {
	none := newVendor("none", "none")
	pendingLegal := newVendor("legal", "legal")
	pendingLegal.Determinations = []vendors.Determination{
		determination(vendors.OutcomeBusinessAssociate, asOf-10),
		determination(vendors.OutcomeNeedsLegalReview, asOf-5),
	}
	decided := newVendor("decided", "decided")
	decided.Determinations = []vendors.Determination{
		determination(vendors.OutcomeNeedsLegalReview, asOf-10),
		determination(vendors.OutcomeConduit, asOf-5),
	}
	assert.Equal(t, []string{"none", "legal"}, names(vendors.Undetermined([]vendors.Vendor{none, decided, pendingLegal})))
}

// TestGaps: every business associate needs a signed BAA in force before PHI is disclosed
// to it (45 CFR 164.502(e)(1), 164.308(b)(1)); Gaps says which lack one, and why.
func TestGaps(t *testing.T) {
	ba := vendors.OutcomeBusinessAssociate
	tests := []struct {
		name   string
		v      vendors.Vendor
		reason vendors.GapReason // empty: no gap
	}{
		{"164.502(e) not requested", withBAA("a", ba, vendors.BAA{State: vendors.StateNotRequested}), vendors.GapNotRequested},
		{"164.502(e) requested", withBAA("a", ba, vendors.BAA{State: vendors.StateRequested}), vendors.GapPending},
		{"164.502(e) in negotiation", withBAA("a", ba, vendors.BAA{State: vendors.StateInNegotiation}), vendors.GapPending},
		{"164.502(e) signed, effective tomorrow", withBAA("a", ba, vendors.BAA{State: vendors.StateSigned, EffectiveOn: asOf + 1}), vendors.GapNotYetEffective},
		{"164.502(e) signed, effective today", withBAA("a", ba, vendors.BAA{State: vendors.StateSigned, EffectiveOn: asOf}), ""},
		{"164.502(e) signed, expired yesterday", withBAA("a", ba, baaIn(vendors.StateSigned, date.Zero, asOf-1)), vendors.GapExpired},
		{"164.502(e) signed, expires today", withBAA("a", ba, baaIn(vendors.StateSigned, date.Zero, asOf)), ""},
		{"164.502(e) reviewed, expired", withBAA("a", ba, baaIn(vendors.StateReviewed, date.Zero, asOf-1)), vendors.GapExpired},
		{"164.502(e) expired state", withBAA("a", ba, baaIn(vendors.StateExpired, date.Zero, asOf-1)), vendors.GapExpired},
		{"164.502(e) expired state, end date ahead", withBAA("a", ba, baaIn(vendors.StateExpired, date.Zero, asOf+10)), vendors.GapExpired},
		{"164.504(e)(2)(iii) terminated", withBAA("a", ba, baaIn(vendors.StateTerminated, date.Zero, date.Zero)), vendors.GapTerminated},
		{"164.502(e) review due is in force", withBAA("a", ba, baaIn(vendors.StateReviewDue, asOf-10, date.Zero)), ""},
		{"164.502(e) renewed is in force", withBAA("a", ba, baaIn(vendors.StateRenewed, asOf+10, asOf+100)), ""},
		{"164.502(e)(1)(ii)(A) treating provider", withBAA("a", vendors.OutcomeTreatingProvider, vendors.BAA{State: vendors.StateNotRequested}), ""},
		{"78 FR 5571 conduit", withBAA("a", vendors.OutcomeConduit, vendors.BAA{State: vendors.StateNotRequested}), ""},
		{"no PHI", withBAA("a", vendors.OutcomeNoPHI, vendors.BAA{State: vendors.StateNotRequested}), ""},
		{"needs legal review: undetermined, not a gap", withBAA("a", vendors.OutcomeNeedsLegalReview, vendors.BAA{State: vendors.StateNotRequested}), ""},
		{"no determination", withBAA("a", "", vendors.BAA{State: vendors.StateNotRequested}), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gaps := vendors.Gaps([]vendors.Vendor{tt.v}, asOf)
			if tt.reason == "" {
				assert.Empty(t, gaps)
				return
			}
			assert.Equal(t, []vendors.Gap{{Vendor: tt.v, Reason: tt.reason, Text: tt.reason.Text()}}, gaps)
		})
	}

	t.Run("revised determination", func(t *testing.T) {
		v := withBAA("a", vendors.OutcomeBusinessAssociate, vendors.BAA{State: vendors.StateNotRequested})
		require.Len(t, vendors.Gaps([]vendors.Vendor{v}, asOf), 1)
		require.NoError(t, v.Determine(determination(vendors.OutcomeConduit, asOf)))
		assert.Empty(t, vendors.Gaps([]vendors.Vendor{v}, asOf), "no longer a business associate")
		require.NoError(t, v.Determine(determination(vendors.OutcomeBusinessAssociate, asOf)))
		assert.Len(t, vendors.Gaps([]vendors.Vendor{v}, asOf), 1, "a business associate again")
	})

	t.Run("order and reasons", func(t *testing.T) {
		signedNow := *vendorIn(t, vendors.StateSigned)
		signedNow.Determinations = []vendors.Determination{determination(ba, requestedOn)}
		vs := []vendors.Vendor{
			named(signedNow, "in-force"),
			withBAA("terminated", ba, baaIn(vendors.StateTerminated, date.Zero, date.Zero)),
			withBAA("conduit", vendors.OutcomeConduit, vendors.BAA{State: vendors.StateNotRequested}),
			withBAA("not-requested", ba, vendors.BAA{State: vendors.StateNotRequested}),
			withBAA("pending", ba, vendors.BAA{State: vendors.StateRequested}),
		}
		on := day(2026, time.June, 1)
		gaps := vendors.Gaps(vs, on)
		var got []string
		for _, g := range gaps {
			got = append(got, g.Vendor.Name+": "+g.Text)
			assert.Equal(t, g.Reason.Text(), g.Text)
		}
		assert.Equal(t, []string{
			"terminated: BAA terminated",
			"not-requested: no BAA requested",
			"pending: BAA not yet signed",
		}, got)
		// Before the signed agreement is effective it is a gap too; after its end date as well.
		assert.True(t, slices.ContainsFunc(vendors.Gaps(vs, effectiveOn-1), func(g vendors.Gap) bool {
			return g.Vendor.Name == "in-force" && g.Reason == vendors.GapNotYetEffective
		}))
		assert.True(t, slices.ContainsFunc(vendors.Gaps(vs, expiresOn+1), func(g vendors.Gap) bool {
			return g.Vendor.Name == "in-force" && g.Reason == vendors.GapExpired
		}))
		assert.False(t, slices.ContainsFunc(vendors.Gaps(vs, expiresOn), func(g vendors.Gap) bool {
			return g.Vendor.Name == "in-force"
		}))
	})
}
