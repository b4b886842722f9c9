package incident_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
)

// A stolen, unencrypted laptop held the PHI of 650 patients: 520 residing in Ohio and 130
// in Kentucky. Discovered on 2026-04-10 and with no determination yet, a breach is presumed
// (45 CFR 164.402(2)): individuals and HHS are due within 60 days (164.404(b), 164.408(b)),
// and the media in Ohio only, the one State with more than 500 residents (164.406). The
// rule set here holds one rule, Ohio's, whose HIPAA exemption is unverified: its 45 days
// stay owed, flagged for counsel, until counsel records a decision. Kentucky has no rule
// in the set, so it shows as not researched.
func ExampleObligations() {
	rules, err := statelaws.NewSet([]statelaws.Rule{{
		ID: "OH-1349.19", Code: "OH", Title: "Ohio Rev. Code 1349.19", Citation: "Ohio Rev. Code § 1349.19",
		Trigger: statelaws.TriggerDiscovery, Individuals: statelaws.Period{Days: 45, Kind: statelaws.CalendarDays},
		HIPAA: statelaws.HIPAAExempt, HIPAAMark: statelaws.MarkUnverified,
		Elements: []statelaws.DataElement{statelaws.ElementSSN, statelaws.ElementDriversLicense, statelaws.ElementFinancialAccount},
		Mark:     statelaws.MarkSecondary,
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	i := incident.Incident{
		ID: "inc-2026-007", Title: "Laptop stolen from infusion center",
		DiscoveredOn: date.New(2026, time.April, 10), DiscoveredBy: incident.DiscovererWorkforce,
		Affected: []incident.Affected{
			{State: "OH", Count: 520},
			{State: "KY", Count: 130},
		},
		Total:      650,
		BreachType: incident.BreachTheft, Location: incident.LocationLaptop,
	}
	obs, err := incident.Obligations(&i, incident.Options{Rules: rules})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range obs {
		deadline := "no fixed day"
		switch {
		case o.Status == incident.StatusNotRequired:
			deadline = "-"
		case o.Deadline != date.Zero:
			deadline = o.Deadline.String()
		}
		fmt.Printf("%-29s %-12s %-8s %s %v\n", o.Key, deadline, o.Status, o.Citation, o.Flags)
	}
	// Output:
	// state:OH-1349.19:individuals  2026-05-25   pending  Ohio Rev. Code § 1349.19 [unverified counsel_review]
	// hhs                           2026-06-09   pending  45 CFR 164.408(b) []
	// individuals                   2026-06-09   pending  45 CFR 164.404(b) []
	// media:OH                      2026-06-09   pending  45 CFR 164.406 []
	// state:KY:not-researched       no fixed day pending  no rule for KY in the rule set [not_researched unverified counsel_review]
}

// Diff turns a change in the facts into events: here the count grows past 500 in one State.
// The rule set is empty, so only the federal rules change.
func ExampleDiff() {
	none, _ := statelaws.NewSet(nil)
	opts := incident.Options{Rules: none}
	i := incident.Incident{
		ID: "inc-2026-008", Title: "Misdirected mailing",
		DiscoveredOn: date.New(2026, time.April, 10), DiscoveredBy: incident.DiscovererWorkforce,
		Affected: []incident.Affected{{State: "KY", Count: 400}}, Total: 400,
	}
	before, _ := incident.Obligations(&i, opts)
	i.Affected[0].Count, i.Total = 620, 620
	after, _ := incident.Obligations(&i, opts)

	added, removed := incident.Diff(before, after)
	for _, o := range removed {
		fmt.Println("removed", o.Key, o.Deadline, o.Citation)
	}
	for _, o := range added {
		fmt.Println("added  ", o.Key, o.Deadline, o.Citation)
	}
	// Output:
	// removed hhs 2027-03-01 45 CFR 164.408(c)
	// added   hhs 2026-06-09 45 CFR 164.408(b)
	// added   media:KY 2026-06-09 45 CFR 164.406
}

// HHSAnnualDeadline is 60 days after the year ends (45 CFR 164.408(c)).
func ExampleHHSAnnualDeadline() {
	fmt.Println(incident.HHSAnnualDeadline(2026))
	fmt.Println(incident.HHSAnnualDeadline(2027))
	// Output:
	// 2027-03-01
	// 2028-02-29
}

// An oral statement from law enforcement delays notice for up to 30 days; a written one
// submitted during that time takes over (45 CFR 164.412).
func ExampleDelayEnd() {
	stated := date.New(2026, time.February, 1)
	oral := incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "FBI", StatedOn: stated}
	fmt.Println(incident.DelayEnd([]incident.Delay{oral}))

	written := incident.Delay{Kind: incident.DelayWritten, Official: "SA Chen", Agency: "FBI",
		StatedOn: date.New(2026, time.February, 20), Until: date.New(2026, time.April, 15)}
	fmt.Println(incident.DelayEnd([]incident.Delay{oral, written}))
	// Output:
	// 2026-03-03
	// 2026-04-15
}
