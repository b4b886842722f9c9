package vendors_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// wantTransitions is the BAA lifecycle (45 CFR 164.502(e), 164.504(e)), written out here
// independently of the package's table so that a change to either is noticed.
var wantTransitions = map[vendors.State][]vendors.State{
	// A request may be negotiated, signed as sent, or abandoned.
	vendors.StateNotRequested:  {vendors.StateRequested},
	vendors.StateRequested:     {vendors.StateInNegotiation, vendors.StateSigned, vendors.StateTerminated},
	vendors.StateInNegotiation: {vendors.StateSigned, vendors.StateTerminated},
	// An agreement in force is reviewed periodically (early reviews allowed), renewed,
	// lapses or is terminated (164.504(e)(2)(iii)).
	vendors.StateSigned:    {vendors.StateReviewDue, vendors.StateReviewed, vendors.StateRenewed, vendors.StateExpired, vendors.StateTerminated},
	vendors.StateReviewDue: {vendors.StateReviewed, vendors.StateRenewed, vendors.StateExpired, vendors.StateTerminated},
	vendors.StateReviewed:  {vendors.StateReviewDue, vendors.StateReviewed, vendors.StateRenewed, vendors.StateExpired, vendors.StateTerminated},
	vendors.StateRenewed:   {vendors.StateReviewDue, vendors.StateReviewed, vendors.StateRenewed, vendors.StateExpired, vendors.StateTerminated},
	// An ended agreement is renewed, formally terminated, or replaced by a new request.
	vendors.StateExpired:    {vendors.StateRenewed, vendors.StateTerminated, vendors.StateRequested},
	vendors.StateTerminated: {vendors.StateRequested},
}

func TestStateValues(t *testing.T) {
	want := []vendors.State{
		"not_requested", "requested", "in_negotiation", "signed", "review_due",
		"reviewed", "renewed", "expired", "terminated",
	}
	require.Equal(t, want, vendors.StateValues(), "lifecycle order and wire values")

	got := vendors.StateValues()
	got[0] = "mutated"
	assert.Equal(t, vendors.StateNotRequested, vendors.StateValues()[0], "StateValues must return a copy")
}

// TestCanTransition checks every ordered pair of states against the lifecycle, and that
// NextStates agrees with CanTransition (45 CFR 164.502(e), 164.504(e)).
func TestCanTransition(t *testing.T) {
	states := vendors.StateValues()
	require.Len(t, wantTransitions, len(states), "every state has a row")
	for _, from := range states {
		next := vendors.NextStates(from)
		assert.ElementsMatch(t, wantTransitions[from], next, "NextStates(%s)", from)
		for _, to := range states {
			want := slices.Contains(wantTransitions[from], to)
			assert.Equal(t, want, vendors.CanTransition(from, to), "CanTransition(%s, %s)", from, to)
			assert.Equal(t, slices.Contains(next, to), vendors.CanTransition(from, to), "NextStates(%s) vs CanTransition(%s, %s)", from, from, to)
		}
		// Nothing goes back to not_requested: a new agreement starts as requested.
		assert.False(t, vendors.CanTransition(from, vendors.StateNotRequested), "%s → not_requested", from)
	}

	assert.False(t, vendors.CanTransition("bogus", vendors.StateRequested))
	assert.False(t, vendors.CanTransition(vendors.StateRequested, "bogus"))
	assert.Empty(t, vendors.NextStates("bogus"))

	n := vendors.NextStates(vendors.StateRequested)
	n[0] = vendors.StateExpired
	assert.False(t, vendors.CanTransition(vendors.StateRequested, vendors.StateExpired), "NextStates must return a copy")
}

// apply moves v's BAA to state to with the Vendor method for it, on the day after the last
// activity (or later when the move needs it), and returns the day used.
func apply(v *vendors.Vendor, to vendors.State) (date.Date, error) {
	on := requestedOn
	if v.BAA.LastActivityOn != date.Zero {
		on = v.BAA.LastActivityOn + 1
	}
	switch to {
	case vendors.StateRequested:
		return on, v.RequestBAA(vendors.Move{On: on}, actor)
	case vendors.StateInNegotiation:
		return on, v.NegotiateBAA(vendors.Move{On: on}, actor)
	case vendors.StateSigned:
		return on, v.SignBAA(vendors.Signing{
			SignedOn: on, EffectiveOn: on, ExpiresOn: on + 730, Clauses: vendors.ClauseValues(), ReportingDays: 10,
		}, actor)
	case vendors.StateReviewDue:
		if v.BAA.NextReviewOn > on {
			on = v.BAA.NextReviewOn
		}
		return on, v.MarkReviewDue(vendors.Move{On: on}, actor)
	case vendors.StateReviewed:
		return on, v.ReviewBAA(vendors.Move{On: on}, actor)
	case vendors.StateRenewed:
		return on, v.RenewBAA(vendors.Renewal{On: on, ExpiresOn: on + 1000}, actor)
	case vendors.StateExpired:
		if v.BAA.ExpiresOn != date.Zero && v.BAA.ExpiresOn >= on {
			on = v.BAA.ExpiresOn + 1
		}
		return on, v.ExpireBAA(vendors.Move{On: on}, actor)
	case vendors.StateTerminated:
		return on, v.TerminateBAA(vendors.Termination{On: on, Reason: "ended"}, actor)
	}
	panic(fmt.Sprintf("apply: no method moves a BAA to %q", to))
}

// TestLifecycleAllPairs tries every method from every state: each move the lifecycle allows
// succeeds and is recorded; each other move returns a *TransitionError naming both states
// and leaves the vendor unchanged (45 CFR 164.502(e), 164.504(e)).
func TestLifecycleAllPairs(t *testing.T) {
	for _, from := range vendors.StateValues() {
		for _, to := range vendors.StateValues() {
			if to == vendors.StateNotRequested {
				continue // no method moves a BAA back to not_requested
			}
			allowed := slices.Contains(wantTransitions[from], to)
			name := fmt.Sprintf("%s→%s", from, to)
			if !allowed {
				name = "Err" + name
			}
			t.Run(name, func(t *testing.T) {
				v := vendorIn(t, from)
				before := v.Clone()
				on, err := apply(v, to)
				if !allowed {
					requireTransition(t, err, from, to)
					require.Equal(t, before, *v, "a refused move changes nothing")
					return
				}
				require.NoError(t, err)
				assert.Equal(t, to, v.BAA.State)
				require.NotEmpty(t, v.BAA.History)
				last := v.BAA.History[len(v.BAA.History)-1]
				assert.Equal(t, vendors.Transition{From: last.From, To: to, On: on, By: actor, Note: last.Note}, last)
				assert.Equal(t, on, v.BAA.LastActivityOn)
				if to == vendors.StateRequested && from != vendors.StateNotRequested {
					// A new agreement: the ended one is kept, the new one starts from scratch.
					require.Len(t, v.PastBAAs, 1)
					assert.Equal(t, before.BAA, v.PastBAAs[0])
					// Its history starts with the request: every recorded move is a legal one.
					assert.Equal(t, []vendors.Transition{
						{From: vendors.StateNotRequested, To: vendors.StateRequested, On: on, By: actor},
					}, v.BAA.History)
					assert.Equal(t, on, v.BAA.RequestedOn)
					assert.Nil(t, v.BAA.Termination)
					assert.Zero(t, v.BAA.SignedOn)
				} else {
					assert.Equal(t, from, last.From)
					assert.Len(t, v.BAA.History, len(before.BAA.History)+1)
					assert.Equal(t, before.PastBAAs, v.PastBAAs)
				}
				assert.NoError(t, v.Validate(), "every state reached through the methods is valid")
			})
		}
	}
}

// TestIllegalTransitions names the refusals an administrator is most likely to hit.
func TestIllegalTransitions(t *testing.T) {
	tests := []struct {
		name     string
		from, to vendors.State
		call     func(v *vendors.Vendor) error
	}{
		{"sign without a request (164.502(e)(1))", vendors.StateNotRequested, vendors.StateSigned,
			func(v *vendors.Vendor) error { return v.SignBAA(signing(), actor) }},
		{"negotiate without a request", vendors.StateNotRequested, vendors.StateInNegotiation,
			func(v *vendors.Vendor) error { return v.NegotiateBAA(vendors.Move{On: negotiatedOn}, actor) }},
		{"review an unsigned request", vendors.StateRequested, vendors.StateReviewed,
			func(v *vendors.Vendor) error { return v.ReviewBAA(vendors.Move{On: reviewedOn}, actor) }},
		{"mark review due on an unsigned request", vendors.StateInNegotiation, vendors.StateReviewDue,
			func(v *vendors.Vendor) error { return v.MarkReviewDue(vendors.Move{On: firstReview}, actor) }},
		{"mark review due twice", vendors.StateReviewDue, vendors.StateReviewDue,
			func(v *vendors.Vendor) error { return v.MarkReviewDue(vendors.Move{On: firstReview + 1}, actor) }},
		{"renew a terminated BAA (164.504(e)(2)(iii))", vendors.StateTerminated, vendors.StateRenewed,
			func(v *vendors.Vendor) error {
				return v.RenewBAA(vendors.Renewal{On: certifiedOn, ExpiresOn: renewedUntil}, actor)
			}},
		{"review a terminated BAA", vendors.StateTerminated, vendors.StateReviewed,
			func(v *vendors.Vendor) error { return v.ReviewBAA(vendors.Move{On: certifiedOn}, actor) }},
		{"terminate twice", vendors.StateTerminated, vendors.StateTerminated,
			func(v *vendors.Vendor) error {
				return v.TerminateBAA(vendors.Termination{On: certifiedOn, Reason: "again"}, actor)
			}},
		{"expire an unsigned request", vendors.StateRequested, vendors.StateExpired,
			func(v *vendors.Vendor) error { return v.ExpireBAA(vendors.Move{On: expiredOn}, actor) }},
		{"expire twice", vendors.StateExpired, vendors.StateExpired,
			func(v *vendors.Vendor) error { return v.ExpireBAA(vendors.Move{On: expiredOn + 1}, actor) }},
		{"re-request a BAA in force", vendors.StateSigned, vendors.StateRequested,
			func(v *vendors.Vendor) error { return v.RequestBAA(vendors.Move{On: signedOn + 1}, actor) }},
		{"request twice", vendors.StateRequested, vendors.StateRequested,
			func(v *vendors.Vendor) error { return v.RequestBAA(vendors.Move{On: requestedOn + 1}, actor) }},
		{"sign twice", vendors.StateSigned, vendors.StateSigned,
			func(v *vendors.Vendor) error { return v.SignBAA(signing(), actor) }},
		{"negotiate a signed BAA", vendors.StateSigned, vendors.StateInNegotiation,
			func(v *vendors.Vendor) error { return v.NegotiateBAA(vendors.Move{On: signedOn + 1}, actor) }},
		{"negotiate an expired BAA", vendors.StateExpired, vendors.StateInNegotiation,
			func(v *vendors.Vendor) error { return v.NegotiateBAA(vendors.Move{On: expiredOn + 1}, actor) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vendorIn(t, tt.from)
			before := v.Clone()
			err := tt.call(v)
			requireTransition(t, err, tt.from, tt.to)
			assert.Equal(t, before, *v)
		})
	}
}

func TestTransitionErrorMessage(t *testing.T) {
	v := vendorIn(t, vendors.StateNotRequested)
	err := v.SignBAA(signing(), actor)
	assert.EqualError(t, err, "vendors: BAA cannot go from not_requested to signed (allowed: [requested])")

	wrapped := fmt.Errorf("adding vendor: %w", err)
	assert.ErrorIs(t, wrapped, vendors.ErrTransition)
	var terr *vendors.TransitionError
	require.ErrorAs(t, wrapped, &terr)
	assert.Equal(t, vendors.TransitionError{From: vendors.StateNotRequested, To: vendors.StateSigned}, *terr)
	assert.False(t, errors.Is(errors.New("other"), vendors.ErrTransition))
}

// TestLifecycleZeroState: a vendor whose BAA state was never set is not in the lifecycle.
func TestLifecycleZeroState(t *testing.T) {
	v := vendors.Vendor{ID: "x", Name: "X", Category: vendors.CategoryEHR}
	requireTransition(t, v.RequestBAA(vendors.Move{On: requestedOn}, actor), "", vendors.StateRequested)
	requireInvalid(t, v.Validate(), "baa.state", `"" is not one of`)
}

// TestSignBAAValidation checks the terms recorded at signing (45 CFR 164.504(e)(2)): each
// bad term names its field and rule, matches validation.ErrInvalid, and changes nothing.
func TestSignBAAValidation(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(s *vendors.Signing)
		by          string
		field, rule string
	}{
		{"ErrEffectiveMissing", func(s *vendors.Signing) { s.EffectiveOn = date.Zero },
			actor, "effective_on", "must be set"},
		{"ErrExpiresBeforeEffective", func(s *vendors.Signing) {
			s.EffectiveOn, s.ExpiresOn = day(2026, time.May, 1), day(2026, time.April, 1)
		}, actor, "expires_on", "2026-04-01 is before effective date 2026-05-01"},
		{"ErrExpiresDayBeforeEffective", func(s *vendors.Signing) { s.ExpiresOn = s.EffectiveOn - 1 },
			actor, "expires_on", "is before effective date"},
		{"ErrReviewMonthsNegative", func(s *vendors.Signing) { s.ReviewMonths = -1 },
			actor, "review_months", "must be 1 to 60, got -1"},
		{"ErrReviewMonths61", func(s *vendors.Signing) { s.ReviewMonths = 61 },
			actor, "review_months", "must be 1 to 60, got 61"},
		{"ErrReportingDaysNegative (164.410(b))", func(s *vendors.Signing) { s.ReportingDays = -1 },
			actor, "reporting_days", "must not be negative, got -1"},
		{"ErrUnknownClause (164.504(e)(2))", func(s *vendors.Signing) {
			s.Clauses = []vendors.Clause{vendors.ClausePermittedUses, vendors.ClauseSafeguards, "indemnity"}
		}, actor, "clauses[2]", `"indemnity" is not one of`},
		{"ErrExpiredBeforeSigned", func(s *vendors.Signing) {
			s.SignedOn, s.EffectiveOn, s.ExpiresOn = day(2026, time.May, 1), day(2026, time.January, 1), day(2026, time.March, 1)
		}, actor, "expires_on", "2026-03-01 is before signing date 2026-05-01: the agreement would never be in force"},
		{"ErrSignedOnMissing", func(s *vendors.Signing) { s.SignedOn = date.Zero },
			actor, "signed_on", "must be set"},
		{"ErrSignedBeforeLastChange", func(s *vendors.Signing) { s.SignedOn = negotiatedOn - 1 },
			actor, "signed_on", "2026-01-19 is before the BAA's last recorded change on 2026-01-20"},
		{"ErrByMissing", func(s *vendors.Signing) {}, "", "by", "must name who acted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vendorIn(t, vendors.StateInNegotiation)
			before := v.Clone()
			s := signing()
			tt.edit(&s)
			err := v.SignBAA(s, tt.by)
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, *v, "a refused signing changes nothing")
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		v := vendorIn(t, vendors.StateRequested)
		s := signing()
		s.EffectiveOn, s.ReviewMonths, s.ReportingDays = date.Zero, -3, -1
		err := v.SignBAA(s, actor)
		require.ErrorIs(t, err, validation.ErrInvalid)
		assert.Equal(t, []string{"effective_on", "review_months", "reporting_days"}, fields(err))
		assert.Equal(t, vendors.StateRequested, v.BAA.State)
	})

	t.Run("OKExpiresOnEffectiveDay", func(t *testing.T) {
		v := vendorIn(t, vendors.StateRequested)
		s := signing()
		s.ExpiresOn = s.EffectiveOn
		require.NoError(t, v.SignBAA(s, actor))
	})

	t.Run("OKSignedAsRequested", func(t *testing.T) {
		v := vendorIn(t, vendors.StateRequested)
		require.NoError(t, v.SignBAA(signing(), actor))
		b := v.BAA
		assert.Equal(t, vendors.StateSigned, b.State)
		assert.Equal(t, signedOn, b.SignedOn)
		assert.Equal(t, effectiveOn, b.EffectiveOn)
		assert.Equal(t, expiresOn, b.ExpiresOn)
		assert.Equal(t, reviewMonths, b.ReviewMonths)
		assert.Equal(t, vendors.ClauseValues(), b.Clauses)
		assert.Equal(t, 30, b.ReportingDays)
		assert.Equal(t, "dms://baa/acme-specialty-rx.pdf", b.DocumentRef)
		assert.Equal(t, requestedOn, b.RequestedOn)
		assert.Equal(t, signedOn, b.LastActivityOn)
		assert.Zero(t, b.LastReviewedOn)
		assert.Equal(t, []vendors.Transition{
			{From: vendors.StateNotRequested, To: vendors.StateRequested, On: requestedOn, By: actor, Note: "sent our standard BAA"},
			{From: vendors.StateRequested, To: vendors.StateSigned, On: signedOn, By: actor},
		}, b.History)
	})

	t.Run("ClausesCopied", func(t *testing.T) {
		v := vendorIn(t, vendors.StateRequested)
		s := signing()
		require.NoError(t, v.SignBAA(s, actor))
		s.Clauses[0] = vendors.ClauseTermination
		assert.Equal(t, vendors.ClausePermittedUses, v.BAA.Clauses[0], "the BAA must not share the caller's slice")
	})
}

// TestSignBAANextReview: the first review is ReviewMonths after the effective date, 12 by
// default, with month-end days clamped.
func TestSignBAANextReview(t *testing.T) {
	tests := []struct {
		name       string
		effective  date.Date
		months     int
		wantMonths int
		want       date.Date
	}{
		{"default 12 months", day(2026, time.March, 1), 0, vendors.DefaultReviewMonths, day(2027, time.March, 1)},
		{"6 months", day(2026, time.March, 1), 6, 6, day(2026, time.September, 1)},
		{"1 month into a leap February", day(2024, time.January, 31), 1, 1, day(2024, time.February, 29)},
		{"12 months from a leap day", day(2024, time.February, 29), 12, 12, day(2025, time.February, 28)},
		{"11 months into a leap February", day(2023, time.March, 31), 11, 11, day(2024, time.February, 29)},
		{"60 months, the longest", day(2026, time.March, 1), 60, 60, day(2031, time.March, 1)},
		{"1 month, the shortest", day(2026, time.March, 31), 1, 1, day(2026, time.April, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVendor("v", "V")
			require.NoError(t, v.RequestBAA(vendors.Move{On: tt.effective - 10}, actor))
			require.NoError(t, v.SignBAA(vendors.Signing{SignedOn: tt.effective, EffectiveOn: tt.effective, ReviewMonths: tt.months}, actor))
			assert.Equal(t, tt.wantMonths, v.BAA.ReviewMonths)
			assert.Equal(t, tt.want, v.BAA.NextReviewOn)
			assert.Zero(t, v.BAA.ExpiresOn, "no end date")
		})
	}
	assert.Equal(t, 12, vendors.DefaultReviewMonths)
}

// TestReviewSchedule: a review, early or late, schedules the next one ReviewMonths after the
// review date, not after the previous due date.
func TestReviewSchedule(t *testing.T) {
	v := vendorIn(t, vendors.StateSigned)
	require.Equal(t, firstReview, v.BAA.NextReviewOn)

	// Early review: before it came due.
	require.NoError(t, v.ReviewBAA(vendors.Move{On: day(2026, time.August, 15), Note: "early"}, actor))
	assert.Equal(t, vendors.StateReviewed, v.BAA.State)
	assert.Equal(t, day(2026, time.August, 15), v.BAA.LastReviewedOn)
	assert.Equal(t, day(2027, time.February, 15), v.BAA.NextReviewOn)

	// It comes due on its date, not a day before.
	before := v.Clone()
	requireInvalid(t, v.MarkReviewDue(vendors.Move{On: day(2027, time.February, 14)}, actor), "on", "2027-02-14 is before the next review date 2027-02-15")
	assert.Equal(t, before, *v)
	require.NoError(t, v.MarkReviewDue(vendors.Move{On: day(2027, time.February, 15)}, actor))
	assert.Equal(t, vendors.StateReviewDue, v.BAA.State)
	assert.Equal(t, day(2027, time.February, 15), v.BAA.NextReviewOn, "marking due does not move the date")

	// Late review on a month end: the next is clamped to the end of September.
	require.NoError(t, v.ReviewBAA(vendors.Move{On: day(2027, time.March, 31), Note: "late"}, actor))
	assert.Equal(t, day(2027, time.September, 30), v.BAA.NextReviewOn)

	// A reviewed BAA can be reviewed again.
	require.NoError(t, v.ReviewBAA(vendors.Move{On: day(2027, time.April, 1)}, actor))
	assert.Equal(t, day(2027, time.October, 1), v.BAA.NextReviewOn)
	assert.Equal(t, day(2027, time.April, 1), v.BAA.LastActivityOn)

	// Errors from the action date.
	before = v.Clone()
	requireInvalid(t, v.ReviewBAA(vendors.Move{On: day(2027, time.March, 31)}, actor), "on", "is before the BAA's last recorded change on 2027-04-01")
	requireInvalid(t, v.ReviewBAA(vendors.Move{On: date.Zero}, actor), "on", "must be set")
	requireInvalid(t, v.ReviewBAA(vendors.Move{On: day(2027, time.May, 1)}, ""), "by", "must name who acted")
	assert.Equal(t, before, *v)
}

// TestRenewBAA: a renewal sets a new end date, may amend the clauses and reporting days,
// and counts as a review.
func TestRenewBAA(t *testing.T) {
	t.Run("KeepsTermsNotGiven", func(t *testing.T) {
		v := vendorIn(t, vendors.StateReviewDue)
		on := firstReview + 9
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: on, ExpiresOn: renewedUntil}, actor))
		b := v.BAA
		assert.Equal(t, vendors.StateRenewed, b.State)
		assert.Equal(t, renewedUntil, b.ExpiresOn)
		assert.Equal(t, vendors.ClauseValues(), b.Clauses, "nil Clauses keeps the checklist")
		assert.Equal(t, 30, b.ReportingDays, "zero ReportingDays keeps the contracted days")
		assert.Equal(t, "dms://baa/acme-specialty-rx.pdf", b.DocumentRef)
		assert.Equal(t, on, b.LastReviewedOn)
		assert.Equal(t, day(2027, time.March, 10), b.NextReviewOn)
		assert.Equal(t, effectiveOn, b.EffectiveOn)
	})
	t.Run("ReplacesTermsGiven", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		clauses := []vendors.Clause{vendors.ClausePermittedUses}
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: renewedOn, Clauses: clauses, ReportingDays: 10, DocumentRef: "dms://baa/v2.pdf"}, actor))
		clauses[0] = vendors.ClauseTermination
		b := v.BAA
		assert.Zero(t, b.ExpiresOn, "zero ExpiresOn: no end date")
		assert.Equal(t, []vendors.Clause{vendors.ClausePermittedUses}, b.Clauses)
		assert.Equal(t, 10, b.ReportingDays)
		assert.Equal(t, "dms://baa/v2.pdf", b.DocumentRef)
		assert.Equal(t, day(2027, time.April, 1), b.NextReviewOn)
	})
	t.Run("EmptyClausesClearChecklist", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: renewedOn, Clauses: []vendors.Clause{}}, actor))
		assert.Empty(t, v.BAA.Clauses)
	})
	t.Run("FromExpired", func(t *testing.T) {
		v := vendorIn(t, vendors.StateExpired)
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: expiredOn + 5, ExpiresOn: day(2030, time.March, 5)}, actor))
		assert.True(t, v.BAA.InForce(expiredOn+5))
		assert.Equal(t, day(2030, time.March, 5), v.BAA.ExpiresOn)
	})

	tests := []struct {
		name        string
		r           vendors.Renewal
		by          string
		field, rule string
	}{
		{"ErrExpiresBeforeRenewal", vendors.Renewal{On: renewedOn, ExpiresOn: renewedOn - 1}, actor,
			"expires_on", "2026-09-30 is before renewal date 2026-10-01"},
		{"ErrReportingDaysNegative (164.410(b))", vendors.Renewal{On: renewedOn, ReportingDays: -5}, actor,
			"reporting_days", "must not be negative, got -5"},
		{"ErrUnknownClause (164.504(e)(2))", vendors.Renewal{On: renewedOn, Clauses: []vendors.Clause{"nope"}}, actor,
			"clauses[0]", `"nope" is not one of`},
		{"ErrOnMissing", vendors.Renewal{ExpiresOn: renewedUntil}, actor, "on", "must be set"},
		{"ErrBeforeLastChange", vendors.Renewal{On: signedOn - 1}, actor, "on", "is before the BAA's last recorded change"},
		{"ErrByMissing", vendors.Renewal{On: renewedOn}, "", "by", "must name who acted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vendorIn(t, vendors.StateSigned)
			before := v.Clone()
			requireInvalid(t, v.RenewBAA(tt.r, tt.by), tt.field, tt.rule)
			assert.Equal(t, before, *v)
		})
	}
}

// TestExpireBAA: an agreement lapses the day after its last day in force.
func TestExpireBAA(t *testing.T) {
	tests := []struct {
		name string
		on   date.Date
		rule string
	}{
		{"ErrOnExpiryDay", expiresOn, "2028-02-29 is not after the BAA's expiry date (2028-02-29)"},
		{"ErrBeforeExpiry", expiresOn - 100, "is not after the BAA's expiry date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vendorIn(t, vendors.StateSigned)
			before := v.Clone()
			requireInvalid(t, v.ExpireBAA(vendors.Move{On: tt.on}, actor), "on", tt.rule)
			assert.Equal(t, before, *v)
		})
	}
	t.Run("ErrNoExpiryDate", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		require.NoError(t, v.RenewBAA(vendors.Renewal{On: renewedOn}, actor))
		before := v.Clone()
		requireState(t, v.ExpireBAA(vendors.Move{On: day(2040, time.January, 1)}, actor), "expire", vendors.StateRenewed, "no expiry date")
		assert.Equal(t, before, *v)
	})
	t.Run("OKDayAfterExpiry", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		require.NoError(t, v.ExpireBAA(vendors.Move{On: expiresOn + 1}, actor))
		assert.Equal(t, vendors.StateExpired, v.BAA.State)
		assert.Equal(t, day(2028, time.March, 1), v.BAA.LastActivityOn)
	})
}

// TestTerminateBAA: termination records the reason and what became of the PHI
// (45 CFR 164.504(e)(2)(ii)(J), (e)(2)(iii)).
func TestTerminateBAA(t *testing.T) {
	t.Run("DispositionDefaultsToPending", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		require.NoError(t, v.TerminateBAA(vendors.Termination{On: terminatedOn, Reason: "breach of contract"}, actor))
		require.NotNil(t, v.BAA.Termination)
		assert.Equal(t, vendors.Termination{On: terminatedOn, Reason: "breach of contract", Disposition: vendors.DispositionPending}, *v.BAA.Termination)
		assert.False(t, v.BAA.Termination.Certified())
		last := v.BAA.History[len(v.BAA.History)-1]
		assert.Equal(t, "breach of contract", last.Note)
	})
	for _, from := range []vendors.State{vendors.StateRequested, vendors.StateInNegotiation} {
		t.Run("AbandonFrom_"+string(from), func(t *testing.T) {
			v := vendorIn(t, from)
			require.NoError(t, v.TerminateBAA(vendors.Termination{On: negotiatedOn + 1, Reason: "vendor refused to sign"}, actor))
			assert.Equal(t, vendors.StateTerminated, v.BAA.State)
			assert.NoError(t, v.Validate())
		})
	}

	tests := []struct {
		name        string
		term        vendors.Termination
		by          string
		field, rule string
	}{
		{"ErrReasonMissing", vendors.Termination{On: terminatedOn, Reason: "  "}, actor,
			"reason", "must not be empty"},
		{"ErrUnknownDisposition (164.504(e)(2)(ii)(J))", vendors.Termination{On: terminatedOn, Reason: "x", Disposition: "shredded"}, actor,
			"disposition", `"shredded" is not one of`},
		{"ErrCertifiedBeforeTermination", vendors.Termination{On: terminatedOn, Reason: "x", Disposition: vendors.DispositionReturned, CertifiedOn: terminatedOn - 1}, actor,
			"certified_on", "2026-05-31 is before termination date 2026-06-01"},
		{"ErrCertifiedPending (164.504(e)(2)(ii)(J))", vendors.Termination{On: terminatedOn, Reason: "x", CertifiedOn: terminatedOn}, actor,
			"certified_on", "needs the disposition certified"},
		{"ErrOnMissing", vendors.Termination{Reason: "x"}, actor, "on", "must be set"},
		{"ErrBeforeLastChange", vendors.Termination{On: signedOn - 1, Reason: "x"}, actor, "on", "is before the BAA's last recorded change"},
		{"ErrByMissing", vendors.Termination{On: terminatedOn, Reason: "x"}, "", "by", "must name who acted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vendorIn(t, vendors.StateSigned)
			before := v.Clone()
			requireInvalid(t, v.TerminateBAA(tt.term, tt.by), tt.field, tt.rule)
			assert.Equal(t, before, *v)
		})
	}
}

// TestCertifyDisposition: the BA's written certification of return or destruction of PHI
// after termination (45 CFR 164.504(e)(2)(ii)(J)).
func TestCertifyDisposition(t *testing.T) {
	terminated := func(t *testing.T) *vendors.Vendor {
		v := vendorIn(t, vendors.StateSigned)
		require.NoError(t, v.TerminateBAA(vendors.Termination{On: terminatedOn, Reason: "contract ended"}, actor))
		return v
	}
	for _, d := range []vendors.Disposition{vendors.DispositionReturned, vendors.DispositionDestroyed} {
		t.Run("OK_"+string(d), func(t *testing.T) {
			v := terminated(t)
			history := slices.Clone(v.BAA.History)
			require.NoError(t, v.CertifyDisposition(vendors.Certification{Disposition: d, On: terminatedOn}))
			assert.Equal(t, vendors.Termination{On: terminatedOn, Reason: "contract ended", Disposition: d, CertifiedOn: terminatedOn}, *v.BAA.Termination)
			assert.True(t, v.BAA.Termination.Certified())
			assert.Equal(t, vendors.StateTerminated, v.BAA.State)
			assert.Equal(t, history, v.BAA.History, "certification is not a transition")
		})
	}
	t.Run("OK_infeasible_is_not_certified_return", func(t *testing.T) {
		v := terminated(t)
		require.NoError(t, v.CertifyDisposition(vendors.Certification{Disposition: vendors.DispositionInfeasible, On: certifiedOn}))
		assert.Equal(t, certifiedOn, v.BAA.Termination.CertifiedOn)
		assert.False(t, v.BAA.Termination.Certified(), "protections extended, nothing returned or destroyed")
	})
	t.Run("DoesNotAliasPriorTermination", func(t *testing.T) {
		v := terminated(t)
		prior := v.BAA.Termination
		require.NoError(t, v.CertifyDisposition(vendors.Certification{Disposition: vendors.DispositionDestroyed, On: certifiedOn}))
		assert.Equal(t, vendors.DispositionPending, prior.Disposition)
	})

	tests := []struct {
		name        string
		d           vendors.Disposition
		on          date.Date
		field, rule string
	}{
		{"ErrPending", vendors.DispositionPending, certifiedOn, "disposition", `"pending" must be returned, destroyed or infeasible`},
		{"ErrUnknown", "lost", certifiedOn, "disposition", `"lost" must be returned, destroyed or infeasible`},
		{"ErrEmpty", "", certifiedOn, "disposition", "must be returned, destroyed or infeasible"},
		{"ErrOnMissing", vendors.DispositionDestroyed, date.Zero, "on", "must be set"},
		{"ErrBeforeTermination", vendors.DispositionDestroyed, terminatedOn - 1, "on", "2026-05-31 is before termination date 2026-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := terminated(t)
			before := v.Clone()
			requireInvalid(t, v.CertifyDisposition(vendors.Certification{Disposition: tt.d, On: tt.on}), tt.field, tt.rule)
			assert.Equal(t, before, *v)
		})
	}
	for _, s := range vendors.StateValues() {
		if s == vendors.StateTerminated {
			continue
		}
		t.Run("ErrNotTerminated_"+string(s), func(t *testing.T) {
			v := vendorIn(t, s)
			before := v.Clone()
			requireState(t, v.CertifyDisposition(vendors.Certification{Disposition: vendors.DispositionDestroyed, On: certifiedOn}),
				"certify_disposition", s, "after the agreement is terminated")
			assert.Equal(t, before, *v)
		})
	}
}

// TestStateErrorMessage: a change the BAA's state does not allow names the change, the
// state and what it needs, and matches vendors.ErrState (not ErrTransition nor
// validation.ErrInvalid: it is a failed precondition, 45 CFR 164.504(e)(2)(ii)(J)).
func TestStateErrorMessage(t *testing.T) {
	v := vendorIn(t, vendors.StateSigned)
	err := v.CertifyDisposition(vendors.Certification{Disposition: vendors.DispositionDestroyed, On: certifiedOn})
	assert.EqualError(t, err, "vendors: BAA in state signed: cannot certify_disposition: PHI disposition is certified after the agreement is terminated")
	wrapped := fmt.Errorf("certify: %w", err)
	assert.ErrorIs(t, wrapped, vendors.ErrState)
	assert.NotErrorIs(t, wrapped, vendors.ErrTransition)
	assert.NotErrorIs(t, wrapped, validation.ErrInvalid)
	assert.False(t, errors.Is(errors.New("other"), vendors.ErrState))
}

func TestTerminationCertified(t *testing.T) {
	tests := []struct {
		d    vendors.Disposition
		on   date.Date
		want bool
	}{
		{vendors.DispositionReturned, certifiedOn, true},
		{vendors.DispositionDestroyed, certifiedOn, true},
		{vendors.DispositionReturned, date.Zero, false},
		{vendors.DispositionDestroyed, date.Zero, false},
		{vendors.DispositionInfeasible, certifiedOn, false},
		{vendors.DispositionPending, certifiedOn, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_%s", tt.d, tt.on), func(t *testing.T) {
			assert.Equal(t, tt.want, vendors.Termination{On: terminatedOn, Disposition: tt.d, CertifiedOn: tt.on}.Certified())
		})
	}
}

// TestRecordFollowUp: follow-ups on a pending request reset its stall clock.
func TestRecordFollowUp(t *testing.T) {
	v := vendorIn(t, vendors.StateRequested)
	f := vendors.FollowUp{On: requestedOn + 14, By: actor, Note: "called vendor counsel"}
	require.NoError(t, v.RecordFollowUp(f))
	assert.Equal(t, []vendors.FollowUp{f}, v.BAA.FollowUps)
	assert.Equal(t, requestedOn+14, v.BAA.LastActivityOn)
	assert.Len(t, v.BAA.History, 1, "a follow-up is not a transition")
	require.NoError(t, v.RecordFollowUp(vendors.FollowUp{On: requestedOn + 14, By: actor}), "same day is fine")

	before := v.Clone()
	requireInvalid(t, v.RecordFollowUp(vendors.FollowUp{On: requestedOn + 13, By: actor}), "on", "is before the last activity on 2026-01-19")
	requireInvalid(t, v.RecordFollowUp(vendors.FollowUp{On: requestedOn + 20}), "by", "must name who acted")
	requireInvalid(t, v.RecordFollowUp(vendors.FollowUp{By: actor}), "on", "must be set")
	assert.Equal(t, before, *v)

	for _, s := range []vendors.State{vendors.StateNotRequested, vendors.StateSigned, vendors.StateExpired, vendors.StateTerminated} {
		v := vendorIn(t, s)
		before := v.Clone()
		requireState(t, v.RecordFollowUp(vendors.FollowUp{On: day(2030, time.January, 1), By: actor}), "follow_up", s, "requested or in negotiation")
		assert.Equal(t, before, *v)
	}
}

// TestAddMonths: month arithmetic for review dates clamps to the end of a shorter month
// instead of rolling over as time.AddDate does.
func TestAddMonths(t *testing.T) {
	tests := []struct {
		from date.Date
		n    int
		want date.Date
	}{
		{day(2024, time.January, 31), 1, day(2024, time.February, 29)}, // leap year
		{day(2025, time.January, 31), 1, day(2025, time.February, 28)},
		{day(2024, time.February, 29), 12, day(2025, time.February, 28)},
		{day(2024, time.February, 29), 48, day(2028, time.February, 29)},
		{day(2023, time.March, 31), 11, day(2024, time.February, 29)},
		{day(2100, time.January, 31), 1, day(2100, time.February, 28)}, // century, not leap
		{day(2000, time.January, 31), 1, day(2000, time.February, 29)}, // 400-year, leap
		{day(2026, time.August, 31), 1, day(2026, time.September, 30)},
		{day(2026, time.December, 31), 2, day(2027, time.February, 28)},
		{day(2026, time.November, 30), 3, day(2027, time.February, 28)},
		{day(2026, time.March, 1), 12, day(2027, time.March, 1)},
		{day(2026, time.March, 15), 0, day(2026, time.March, 15)},
		{day(2026, time.May, 15), 1200, day(2126, time.May, 15)},
		// Negative months go back, with the same clamping.
		{day(2024, time.March, 31), -1, day(2024, time.February, 29)},
		{day(2025, time.March, 31), -1, day(2025, time.February, 28)},
		{day(2026, time.January, 15), -13, day(2024, time.December, 15)},
		{day(2025, time.February, 28), -12, day(2024, time.February, 28)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d", tt.from, tt.n), func(t *testing.T) {
			assert.Equal(t, tt.want, vendors.AddMonths(tt.from, tt.n))
		})
	}
}

func TestStatePredicates(t *testing.T) {
	inForce := []vendors.State{vendors.StateSigned, vendors.StateReviewDue, vendors.StateReviewed, vendors.StateRenewed}
	pending := []vendors.State{vendors.StateRequested, vendors.StateInNegotiation}
	assert.Equal(t, inForce, vendors.InForceStates())
	assert.Equal(t, pending, vendors.PendingStates())
	for _, s := range append(vendors.StateValues(), "", "bogus") {
		assert.Equal(t, slices.Contains(inForce, s), s.InForce(), "%q.InForce()", s)
		assert.Equal(t, slices.Contains(pending, s), s.Pending(), "%q.Pending()", s)
	}
}

// TestBAAInForce: an agreement covers the days from EffectiveOn through ExpiresOn inclusive
// (45 CFR 164.502(e)(1), 164.308(b)(1)).
func TestBAAInForce(t *testing.T) {
	asOf := day(2026, time.June, 1)
	signed := func(s vendors.State, eff, exp date.Date) vendors.BAA {
		return vendors.BAA{State: s, EffectiveOn: eff, ExpiresOn: exp}
	}
	tests := []struct {
		name string
		b    vendors.BAA
		want bool
	}{
		{"effective today", signed(vendors.StateSigned, asOf, date.Zero), true},
		{"effective tomorrow", signed(vendors.StateSigned, asOf+1, date.Zero), false},
		{"expires today (last day in force)", signed(vendors.StateSigned, asOf-100, asOf), true},
		{"expired yesterday", signed(vendors.StateSigned, asOf-100, asOf-1), false},
		{"no end date", signed(vendors.StateRenewed, asOf-1000, date.Zero), true},
		{"review due is in force", signed(vendors.StateReviewDue, asOf-100, asOf+100), true},
		{"reviewed is in force", signed(vendors.StateReviewed, asOf-100, asOf+100), true},
		{"expired state", signed(vendors.StateExpired, asOf-100, asOf+100), false},
		{"terminated state", signed(vendors.StateTerminated, asOf-100, asOf+100), false},
		{"requested", signed(vendors.StateRequested, date.Zero, date.Zero), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.b.InForce(asOf))
		})
	}
}

// TestBAAValidate checks a stored agreement's fields against each other and its state
// (45 CFR 164.504(e)).
func TestBAAValidate(t *testing.T) {
	signedBAA := vendorIn(t, vendors.StateSigned).BAA
	ok := func() vendors.BAA { return signedBAA.Clone() }
	tests := []struct {
		name        string
		edit        func(b *vendors.BAA)
		field, rule string
	}{
		{"OK", func(b *vendors.BAA) {}, "", ""},
		{"OKNotRequested", func(b *vendors.BAA) { *b = vendors.BAA{State: vendors.StateNotRequested} }, "", ""},
		{"OKTerminatedUnsigned", func(b *vendors.BAA) {
			*b = vendors.BAA{State: vendors.StateTerminated, Termination: &vendors.Termination{On: terminatedOn, Reason: "x", Disposition: vendors.DispositionPending}}
		}, "", ""},
		{"ErrUnknownState", func(b *vendors.BAA) { b.State = "bogus" }, "baa.state", `"bogus" is not one of`},
		{"ErrSignedWithoutEffective", func(b *vendors.BAA) { b.EffectiveOn = date.Zero }, "baa.effective_on", "must be set on a signed BAA"},
		{"ErrReviewMonthsZero", func(b *vendors.BAA) { b.ReviewMonths = 0 }, "baa.review_months", "must be 1 to 60, got 0"},
		{"ErrReviewMonths61", func(b *vendors.BAA) { b.ReviewMonths = 61 }, "baa.review_months", "must be 1 to 60, got 61"},
		{"ErrExpiredSignedWithoutEffective", func(b *vendors.BAA) { b.State, b.EffectiveOn = vendors.StateExpired, date.Zero },
			"baa.effective_on", "must be set on a signed BAA"},
		{"ErrTerminatedSignedWithoutEffective", func(b *vendors.BAA) { b.State, b.EffectiveOn = vendors.StateTerminated, date.Zero },
			"baa.effective_on", "must be set on a signed BAA"},
		{"ErrExpiresBeforeEffective", func(b *vendors.BAA) { b.ExpiresOn = b.EffectiveOn - 1 },
			"baa.expires_on", "2026-02-28 is before effective date 2026-03-01"},
		{"ErrReportingDaysNegative (164.410(b))", func(b *vendors.BAA) { b.ReportingDays = -1 }, "baa.reporting_days", "must not be negative, got -1"},
		{"ErrUnknownClause (164.504(e)(2))", func(b *vendors.BAA) { b.Clauses = []vendors.Clause{vendors.ClauseAccess, "x"} },
			"baa.clauses[1]", `"x" is not one of`},
		{"ErrUnknownDisposition (164.504(e)(2)(ii)(J))", func(b *vendors.BAA) {
			b.State, b.Termination = vendors.StateTerminated, &vendors.Termination{On: terminatedOn, Reason: "x", Disposition: "lost"}
		}, "baa.termination.disposition", `"lost" is not one of`},
		{"ErrCertifiedBeforeTermination", func(b *vendors.BAA) {
			b.State = vendors.StateTerminated
			b.Termination = &vendors.Termination{On: terminatedOn, Reason: "x", Disposition: vendors.DispositionDestroyed, CertifiedOn: terminatedOn - 1}
		}, "baa.termination.certified_on", "2026-05-31 is before termination date 2026-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := ok()
			tt.edit(&b)
			err := b.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
}

// A renewal may not end the agreement before it took effect (45 CFR 164.504(e)(2)(ii)
// terms run from the effective date): the renewed BAA would fail its own validation.
func TestRenewBAAExpiresBeforeEffective(t *testing.T) {
	v := vendorIn(t, vendors.StateSigned)
	before := v.Clone()
	requireInvalid(t, v.RenewBAA(vendors.Renewal{On: signedOn + 1, ExpiresOn: signedOn + 5}, actor),
		"expires_on", "2026-02-25 is before effective date 2026-03-01")
	assert.Equal(t, before, *v)
	require.NoError(t, v.RenewBAA(vendors.Renewal{On: signedOn + 1, ExpiresOn: effectiveOn}, actor))
	require.NoError(t, v.Validate())
}

// TestNotBusinessAssociateRefusesBAAMoves: a vendor determined not to be a business
// associate (45 CFR 160.103: a treating provider, 164.502(e)(1)(ii)(A); a mere conduit;
// no PHI) needs no BAA (164.502(e)(1)), so every move that asks for, negotiates, signs,
// reviews, renews or follows up an agreement is refused with ErrNotBusinessAssociate and
// changes nothing; an agreement already in force may still expire or be terminated
// (164.504(e)(2)(iii)). A vendor undetermined or awaiting legal review is not refused.
func TestNotBusinessAssociateRefusesBAAMoves(t *testing.T) {
	moves := []struct {
		name    string
		from    vendors.State
		call    func(v *vendors.Vendor) error
		allowed bool
	}{
		{"164.502(e) request", vendors.StateNotRequested, func(v *vendors.Vendor) error {
			return v.RequestBAA(vendors.Move{On: requestedOn}, actor)
		}, false},
		{"164.502(e) negotiate", vendors.StateRequested, func(v *vendors.Vendor) error {
			return v.NegotiateBAA(vendors.Move{On: negotiatedOn}, actor)
		}, false},
		{"164.504(e) sign", vendors.StateInNegotiation, func(v *vendors.Vendor) error { return v.SignBAA(signing(), actor) }, false},
		{"164.504(e) mark review due", vendors.StateSigned, func(v *vendors.Vendor) error {
			return v.MarkReviewDue(vendors.Move{On: firstReview}, actor)
		}, false},
		{"164.504(e) review", vendors.StateSigned, func(v *vendors.Vendor) error {
			return v.ReviewBAA(vendors.Move{On: reviewedOn}, actor)
		}, false},
		{"164.504(e) renew", vendors.StateSigned, func(v *vendors.Vendor) error {
			return v.RenewBAA(vendors.Renewal{On: renewedOn}, actor)
		}, false},
		{"164.502(e) follow up", vendors.StateRequested, func(v *vendors.Vendor) error {
			return v.RecordFollowUp(vendors.FollowUp{On: requestedOn + 1, By: actor})
		}, false},
		{"164.504(e) expire", vendors.StateSigned, func(v *vendors.Vendor) error {
			return v.ExpireBAA(vendors.Move{On: expiredOn}, actor)
		}, true},
		{"164.504(e)(2)(iii) terminate", vendors.StateSigned, func(v *vendors.Vendor) error {
			return v.TerminateBAA(vendors.Termination{On: terminatedOn, Reason: "not a BA after all"}, actor)
		}, true},
	}
	outcomes := []struct {
		outcome vendors.Outcome
		notBA   bool
	}{
		{vendors.OutcomeTreatingProvider, true},
		{vendors.OutcomeConduit, true},
		{vendors.OutcomeNoPHI, true},
		{vendors.OutcomeBusinessAssociate, false},
		{vendors.OutcomeNeedsLegalReview, false},
	}
	for _, o := range outcomes {
		for _, m := range moves {
			t.Run(string(o.outcome)+"/"+m.name, func(t *testing.T) {
				v := vendorIn(t, m.from)
				v.Determinations = []vendors.Determination{determination(o.outcome, requestedOn-1)}
				assert.Equal(t, o.notBA, v.NotBusinessAssociate())
				before := v.Clone()
				err := m.call(v)
				if !o.notBA || m.allowed {
					require.NoError(t, err)
					return
				}
				require.ErrorIs(t, err, vendors.ErrNotBusinessAssociate)
				require.NotErrorIs(t, err, validation.ErrInvalid)
				assert.ErrorContains(t, err, string(o.outcome))
				assert.Equal(t, before, *v, "a refused move changes nothing")
			})
		}
	}
	t.Run("no determination", func(t *testing.T) {
		v := vendorIn(t, vendors.StateNotRequested)
		assert.False(t, v.NotBusinessAssociate())
		require.NoError(t, v.RequestBAA(vendors.Move{On: requestedOn}, actor))
	})
}
