package vendors

import (
	"github.com/rickb777/date/v2"
)

// DefaultStallDays is how long a pending request may go without a follow-up before it
// counts as stalled.
const DefaultStallDays = 30

// ReviewDueWithin reports whether the agreement is in force (by state) and its next review
// falls in the window of days starting at asOf: asOf ≤ NextReviewOn < asOf+days.
func (b *BAA) ReviewDueWithin(asOf date.Date, days int) bool {
	return b.State.InForce() && b.NextReviewOn >= asOf && b.NextReviewOn < asOf+date.Date(days)
}

// ReviewOverdue reports whether the agreement is in force (by state) and its next review
// date is before asOf.
func (b *BAA) ReviewOverdue(asOf date.Date) bool {
	return b.State.InForce() && b.NextReviewOn != date.Zero && b.NextReviewOn < asOf
}

// ExpiredAsOf reports whether the agreement had an expiry date before asOf and was not
// terminated: an expired BAA, whether or not its state says so yet.
func (b *BAA) ExpiredAsOf(asOf date.Date) bool {
	return (b.State.InForce() || b.State == StateExpired) && b.ExpiresOn != date.Zero && b.ExpiresOn < asOf
}

// StalledAsOf reports whether a pending request has gone days or more without activity:
// LastActivityOn + days ≤ asOf.
func (b *BAA) StalledAsOf(asOf date.Date, days int) bool {
	return b.State.Pending() && b.LastActivityOn+date.Date(days) <= asOf
}

// ReviewsDue returns the vendors whose agreement's next review falls in
// [asOf, asOf+days), in the order given. A vendor determined not to be a business
// associate has no BAA review (45 CFR 164.502(e)(1) requires no BAA of it, and its
// review is refused), so it is not listed.
func ReviewsDue(vs []Vendor, asOf date.Date, days int) []Vendor {
	return filter(vs, func(v *Vendor) bool { return !v.NotBusinessAssociate() && v.BAA.ReviewDueWithin(asOf, days) })
}

// OverdueReviews returns the vendors whose in-force agreement's review date has passed;
// like [ReviewsDue], it leaves out vendors determined not to be business associates.
func OverdueReviews(vs []Vendor, asOf date.Date) []Vendor {
	return filter(vs, func(v *Vendor) bool { return !v.NotBusinessAssociate() && v.BAA.ReviewOverdue(asOf) })
}

// Expired returns the vendors whose agreement's expiry date is before asOf.
func Expired(vs []Vendor, asOf date.Date) []Vendor {
	return filter(vs, func(v *Vendor) bool { return v.BAA.ExpiredAsOf(asOf) })
}

// Stalled returns the vendors whose BAA request has had no follow-up for days or more,
// leaving out vendors determined not to be business associates (their follow-ups are
// refused: they need no BAA).
func Stalled(vs []Vendor, asOf date.Date, days int) []Vendor {
	return filter(vs, func(v *Vendor) bool { return !v.NotBusinessAssociate() && v.BAA.StalledAsOf(asOf, days) })
}

// Undetermined returns the vendors with no business-associate determination, or one that
// awaits legal review.
func Undetermined(vs []Vendor) []Vendor {
	return filter(vs, func(v *Vendor) bool {
		d, ok := v.Determination()
		return !ok || d.Outcome == OutcomeNeedsLegalReview
	})
}

// GapReason says why a business associate lacks a current BAA; [GapReason.Text] says
// it for people.
type GapReason string

// Reasons for an inventory gap.
const (
	GapNotRequested    GapReason = "not_requested"
	GapPending         GapReason = "pending"
	GapNotYetEffective GapReason = "not_yet_effective"
	GapExpired         GapReason = "expired"
	GapTerminated      GapReason = "terminated"
)

var gapTexts = map[GapReason]string{
	GapNotRequested:    "no BAA requested",
	GapPending:         "BAA not yet signed",
	GapNotYetEffective: "BAA not yet effective",
	GapExpired:         "BAA expired",
	GapTerminated:      "BAA terminated",
}

// Text is the reason in words, e.g. "BAA expired".
func (r GapReason) Text() string { return gapTexts[r] }

// Gap is a business associate without a signed, current BAA, which 45 CFR 164.502(e)(1)
// and 164.308(b)(1) require before PHI is disclosed to it.
type Gap struct {
	Vendor Vendor    `json:"vendor"`
	Reason GapReason `json:"reason"`
	// Text is Reason in words.
	Text string `json:"text"`
}

// Gaps returns the vendors determined to be business associates whose agreement is not in
// force on asOf.
func Gaps(vs []Vendor, asOf date.Date) []Gap {
	var out []Gap
	for i := range vs {
		v := &vs[i]
		if !v.IsBusinessAssociate() || v.BAA.InForce(asOf) {
			continue
		}
		r := gapReason(&v.BAA, asOf)
		out = append(out, Gap{Vendor: *v, Reason: r, Text: r.Text()})
	}
	return out
}

func gapReason(b *BAA, asOf date.Date) GapReason {
	switch {
	case b.State == StateNotRequested:
		return GapNotRequested
	case b.State.Pending():
		return GapPending
	case b.State == StateTerminated:
		return GapTerminated
	case b.State == StateExpired || b.ExpiredAsOf(asOf):
		return GapExpired
	default:
		return GapNotYetEffective
	}
}

func filter(vs []Vendor, keep func(*Vendor) bool) []Vendor {
	var out []Vendor
	for i := range vs {
		if keep(&vs[i]) {
			out = append(out, vs[i])
		}
	}
	return out
}
