package vendors_test

import (
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// actor is who performs every lifecycle step in these tests.
const actor = "privacy.officer@example.org"

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// Dates of the standard lifecycle built by vendorIn.
var (
	requestedOn  = day(2026, time.January, 5)
	negotiatedOn = day(2026, time.January, 20)
	signedOn     = day(2026, time.February, 20)
	effectiveOn  = day(2026, time.March, 1)
	expiresOn    = day(2028, time.February, 29) // a leap day, the last day in force
	reviewMonths = 6
	firstReview  = day(2026, time.September, 1) // effectiveOn + 6 months
	reviewedOn   = day(2026, time.August, 15)
	renewedOn    = day(2026, time.October, 1)
	renewedUntil = day(2029, time.February, 28)
	expiredOn    = day(2028, time.March, 1) // the day after expiresOn
	terminatedOn = day(2026, time.June, 1)
	certifiedOn  = day(2026, time.June, 15)
)

// newVendor returns a valid vendor whose BAA has not been requested.
func newVendor(id, name string) vendors.Vendor {
	return vendors.Vendor{
		ID:         vendors.ID(id),
		Name:       name,
		Category:   vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		BAA:        vendors.BAA{State: vendors.StateNotRequested},
	}
}

// signing is a complete signing: every required clause, 30 reporting days.
func signing() vendors.Signing {
	return vendors.Signing{
		SignedOn:      signedOn,
		EffectiveOn:   effectiveOn,
		ExpiresOn:     expiresOn,
		ReviewMonths:  reviewMonths,
		Clauses:       vendors.ClauseValues(),
		ReportingDays: 30,
		DocumentRef:   "dms://baa/acme-specialty-rx.pdf",
	}
}

// vendorIn returns a valid vendor whose BAA reached state s through the Vendor methods:
//
//	not_requested → requested → in_negotiation → signed
//	signed → review_due | reviewed | renewed | expired | terminated
func vendorIn(t *testing.T, s vendors.State) *vendors.Vendor {
	t.Helper()
	v := newVendor("acme", "Acme Specialty Rx")
	if s == vendors.StateNotRequested {
		return &v
	}
	require.NoError(t, v.RequestBAA(vendors.Move{On: requestedOn, Note: "sent our standard BAA"}, actor))
	if s == vendors.StateRequested {
		return &v
	}
	require.NoError(t, v.NegotiateBAA(vendors.Move{On: negotiatedOn, Note: "vendor redlined the reporting clause"}, actor))
	if s == vendors.StateInNegotiation {
		return &v
	}
	require.NoError(t, v.SignBAA(signing(), actor))
	switch s {
	case vendors.StateSigned:
	case vendors.StateReviewDue:
		require.NoError(t, v.MarkReviewDue(vendors.Move{On: firstReview}, actor))
	case vendors.StateReviewed:
		require.NoError(t, v.ReviewBAA(vendors.Move{On: reviewedOn, Note: "no changes"}, actor))
	case vendors.StateRenewed:
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: renewedOn, ExpiresOn: renewedUntil}, actor))
	case vendors.StateExpired:
		require.NoError(t, v.ExpireBAA(vendors.Move{On: expiredOn}, actor))
	case vendors.StateTerminated:
		require.NoError(t, v.TerminateBAA(vendors.Termination{
			On: terminatedOn, Reason: "vendor replaced", Disposition: vendors.DispositionDestroyed, CertifiedOn: certifiedOn,
		}, actor))
	default:
		t.Fatalf("vendorIn: no path to state %q", s)
	}
	require.Equal(t, s, v.BAA.State)
	return &v
}

// requireInvalid asserts that err holds exactly one *validation.Error, from package
// vendors, on field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.NotErrorIs(t, err, vendors.ErrTransition)
	enumtest.RequireInvalid(t, err, "vendors", field, rule)
}

// requireTransition asserts that err is a *vendors.TransitionError from one state to another.
func requireTransition(t *testing.T, err error, from, to vendors.State) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, vendors.ErrTransition)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	var terr *vendors.TransitionError
	require.ErrorAs(t, err, &terr)
	assert.Equal(t, from, terr.From)
	assert.Equal(t, to, terr.To)
	assert.Contains(t, err.Error(), string(from))
	assert.Contains(t, err.Error(), string(to))
}

// requireState asserts that err is a *vendors.StateError refusing change in state s,
// whose reason contains reason; it is neither a transition nor bad input.
func requireState(t *testing.T, err error, change string, s vendors.State, reason string) {
	t.Helper()
	require.ErrorIs(t, err, vendors.ErrState)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	require.NotErrorIs(t, err, vendors.ErrTransition)
	var serr *vendors.StateError
	require.ErrorAs(t, err, &serr)
	assert.Equal(t, change, serr.Change)
	assert.Equal(t, s, serr.State)
	assert.Contains(t, serr.Reason, reason)
}

// fields lists the field of every validation problem in err, in order.
func fields(err error) []string {
	var out []string
	for _, e := range validation.All(err) {
		out = append(out, e.Field)
	}
	return out
}

// names lists the vendors' names, in order.
func names(vs []vendors.Vendor) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}
