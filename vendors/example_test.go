package vendors_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// A vendor is found to be a business associate, asked for a BAA, negotiates it, and signs.
// Each step is a method; a step the lifecycle does not allow is refused.
func Example() {
	v := vendors.Vendor{
		ID: "onc-rx", Name: "OncoRx Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		BAA:        vendors.BAA{State: vendors.StateNotRequested},
	}
	by := "privacy.officer@example.org"
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}

	must(v.Determine(vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses oral chemotherapy on our behalf",
		DecidedBy: by, DecidedOn: date.New(2026, time.January, 2),
	}))
	must(v.RequestBAA(vendors.Move{On: date.New(2026, time.January, 5), Note: "sent our template"}, by))
	must(v.NegotiateBAA(vendors.Move{On: date.New(2026, time.January, 20), Note: "vendor wants 90 days to report"}, by))

	// Review cannot happen before signature.
	err := v.ReviewBAA(vendors.Move{On: date.New(2026, time.January, 21)}, by)
	fmt.Println("review before signing:", errors.Is(err, vendors.ErrTransition))

	must(v.SignBAA(vendors.Signing{
		SignedOn:      date.New(2026, time.February, 20),
		EffectiveOn:   date.New(2026, time.March, 1),
		Clauses:       vendors.ClauseValues(),
		ReportingDays: 30,
	}, by))
	fmt.Println("state:", v.BAA.State)
	fmt.Println("in force on 2026-03-01:", v.BAA.InForce(date.New(2026, time.March, 1)))
	fmt.Println("next review:", v.BAA.NextReviewOn)
	for _, tr := range v.BAA.History {
		fmt.Printf("%s %s → %s\n", tr.On, tr.From, tr.To)
	}
	// Output:
	// review before signing: true
	// state: signed
	// in force on 2026-03-01: true
	// next review: 2027-03-01
	// 2026-01-05 not_requested → requested
	// 2026-01-20 requested → in_negotiation
	// 2026-02-20 in_negotiation → signed
}

// Signing a BAA schedules its first review ReviewMonths after the effective date; a
// signing with bad terms names the field and the rule.
func ExampleVendor_SignBAA() {
	v := vendors.Vendor{ID: "pacs", Name: "Cloud PACS", Category: vendors.CategoryPACS,
		BAA: vendors.BAA{State: vendors.StateNotRequested}}
	by := "it.manager@example.org"
	_ = v.RequestBAA(vendors.Move{On: date.New(2024, time.January, 2)}, by)
	fmt.Println(v.BAA.State)
	_ = v.NegotiateBAA(vendors.Move{On: date.New(2024, time.January, 10)}, by)
	fmt.Println(v.BAA.State)

	err := v.SignBAA(vendors.Signing{
		SignedOn:    date.New(2024, time.January, 30),
		EffectiveOn: date.New(2024, time.May, 1),
		ExpiresOn:   date.New(2024, time.April, 1),
	}, by)
	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(verr.Field, verr.Rule)
	}

	err = v.SignBAA(vendors.Signing{
		SignedOn:     date.New(2024, time.January, 30),
		EffectiveOn:  date.New(2024, time.January, 31),
		ReviewMonths: 1,
	}, by)
	fmt.Println(err)
	fmt.Println(v.BAA.State, "next review", v.BAA.NextReviewOn) // Jan 31 + 1 month, clamped to Feb 29
	// Output:
	// requested
	// in_negotiation
	// expires_on 2024-04-01 is before effective date 2024-05-01
	// <nil>
	// signed next review 2024-02-29
}

// MissingClauses checks a signed agreement against 45 CFR 164.504(e)(2) and the 60-day limit
// for breach reports of 164.410(b).
func ExampleBAA_MissingClauses() {
	b := vendors.BAA{
		State: vendors.StateSigned,
		Clauses: []vendors.Clause{
			vendors.ClausePermittedUses, vendors.ClauseNoOtherUse, vendors.ClauseSafeguards,
			vendors.ClauseReporting, vendors.ClauseAccess, vendors.ClauseAmendment,
			vendors.ClauseAccounting, vendors.ClausePrivacyObligations, vendors.ClauseHHSAccess,
			vendors.ClauseReturnOrDestroy, vendors.ClauseTermination,
		},
		ReportingDays: 90,
	}
	for _, g := range b.MissingClauses() {
		fmt.Printf("%s: %s (%s)\n", g.Clause, g.Text, g.Citation)
	}
	// Output:
	// reporting: reporting period longer than 60 days (45 CFR 164.410(b))
	// subcontractors: missing (45 CFR 164.504(e)(2)(ii)(D); 164.314(a)(2)(i)(B))
}

// Gaps lists the business associates without a BAA in force on a day (45 CFR 164.502(e)(1),
// 164.308(b)(1)), in the order given; vendors that are not business associates are skipped.
func ExampleGaps() {
	decided := func(o vendors.Outcome) []vendors.Determination {
		return []vendors.Determination{{Outcome: o, Rationale: "see file", DecidedBy: "po", DecidedOn: date.New(2026, time.January, 2)}}
	}
	vs := []vendors.Vendor{
		{Name: "Cloud PACS", Determinations: decided(vendors.OutcomeBusinessAssociate),
			BAA: vendors.BAA{State: vendors.StateSigned, EffectiveOn: date.New(2025, time.July, 1)}},
		{Name: "Billing Co", Determinations: decided(vendors.OutcomeBusinessAssociate),
			BAA: vendors.BAA{State: vendors.StateInNegotiation}},
		{Name: "Courier", Determinations: decided(vendors.OutcomeConduit),
			BAA: vendors.BAA{State: vendors.StateNotRequested}},
		{Name: "Dosimetry Physics", Determinations: decided(vendors.OutcomeBusinessAssociate),
			BAA: vendors.BAA{State: vendors.StateSigned, EffectiveOn: date.New(2024, time.June, 1), ExpiresOn: date.New(2026, time.May, 31)}},
		{Name: "Shred-It", Determinations: decided(vendors.OutcomeBusinessAssociate),
			BAA: vendors.BAA{State: vendors.StateNotRequested}},
	}
	for _, g := range vendors.Gaps(vs, date.New(2026, time.June, 1)) {
		fmt.Printf("%s: %s\n", g.Vendor.Name, g.Text)
	}
	// Output:
	// Billing Co: BAA not yet signed
	// Dosimetry Physics: BAA expired
	// Shred-It: no BAA requested
}

// ReviewsDue and OverdueReviews split agreements by their next review date: due in
// [asOf, asOf+days), or already past.
func ExampleReviewsDue() {
	asOf := date.New(2026, time.June, 1)
	vs := []vendors.Vendor{
		{Name: "A", BAA: vendors.BAA{State: vendors.StateSigned, NextReviewOn: asOf}},
		{Name: "B", BAA: vendors.BAA{State: vendors.StateReviewed, NextReviewOn: asOf + 30}},
		{Name: "C", BAA: vendors.BAA{State: vendors.StateReviewDue, NextReviewOn: asOf - 1}},
		{Name: "D", BAA: vendors.BAA{State: vendors.StateRenewed, NextReviewOn: asOf + 29}},
	}
	for _, v := range vendors.ReviewsDue(vs, asOf, 30) {
		fmt.Println("due:", v.Name, v.BAA.NextReviewOn)
	}
	for _, v := range vendors.OverdueReviews(vs, asOf) {
		fmt.Println("overdue:", v.Name, v.BAA.NextReviewOn)
	}
	// Output:
	// due: A 2026-06-01
	// due: D 2026-06-30
	// overdue: C 2026-05-31
}

// AddMonths keeps review dates on the same day of the month, or the month's last day.
func ExampleAddMonths() {
	fmt.Println(vendors.AddMonths(date.New(2024, time.January, 31), 1))
	fmt.Println(vendors.AddMonths(date.New(2025, time.January, 31), 1))
	fmt.Println(vendors.AddMonths(date.New(2024, time.February, 29), 12))
	// Output:
	// 2024-02-29
	// 2025-02-28
	// 2025-02-28
}
