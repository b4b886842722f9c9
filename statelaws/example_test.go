package statelaws_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/statelaws"
)

// A breach of names, diagnoses and Social Security numbers, discovered on 2026-03-02,
// affects 600 New York and 40 Ohio residents. The rules of both states count those
// elements; each gives its own deadline for notifying residents, and New York's gives
// notices besides, each with its stable ID, some owed only on a condition (Ohio has
// none). The consumer reporting agencies are not told: New York's threshold is more than
// 5,000 residents. Ohio's HIPAA exemption is unverified, and reports say so.
func Example() {
	discovered := date.New(2026, time.March, 2)
	breached := []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementSSN}
	affected := map[statelaws.Code]int{"NY": 600, "OH": 40}

	rules := statelaws.DefaultSet()
	for _, code := range []statelaws.Code{"NY", "OH"} {
		for _, r := range rules.For(code) {
			if !r.Counts(breached) {
				continue
			}
			status := "verified"
			if r.Unverified() {
				status = "unverified: " + strings.Join(r.UnverifiedParts(), ", ")
			}
			fmt.Printf("%s (%s) [%s]\n", r.ID, r.Citation, status)
			fmt.Printf("  residents: %s after %s, by %s\n",
				r.Individuals, r.Trigger, r.Individuals.After(nil, discovered))
			fmt.Printf("  HIPAA-regulated entities: %s\n", r.HIPAA)
			for _, n := range r.Regulators {
				if !n.Required(affected[code]) {
					continue
				}
				only := ""
				if n.Condition != "" && n.Condition != statelaws.CondAlways {
					only = ", only on " + string(n.Condition)
				}
				fmt.Printf("  %s (%s): %s, relative to %s%s\n", n.ID, n.Regulator, n.Deadline, n.Relative, only)
			}
		}
	}
	// Output:
	// NY-899-aa (N.Y. Gen. Bus. Law § 899-aa) [verified]
	//   residents: 30 calendar days after discovery, by 2026-04-01
	//   HIPAA-regulated entities: partial
	//   ag-hhs-copy (Attorney General (copy of the HHS breach notice)): 5 business days, relative to hhs_notice
	//   ag-dos-police (Attorney General, Dept. of State and Division of State Police): no fixed days, relative to with_individuals
	//   ag-no-misuse (Attorney General (written determination of no misuse)): 10 calendar days, relative to trigger, only on no_harm_determination
	// OH-1349.19 (Ohio Rev. Code § 1349.19) [unverified: hipaa]
	//   residents: 45 calendar days after discovery, by 2026-04-16
	//   HIPAA-regulated entities: exempt
}

// A breach of medical information alone does not trigger Ohio's or Tennessee's law;
// Pennsylvania's counts medical information only in a State agency's hands, but a
// practice's health insurance data triggers it; Missouri's counts both.
func ExampleRule_Counts() {
	medical := []statelaws.DataElement{statelaws.ElementMedical}
	insurance := []statelaws.DataElement{statelaws.ElementHealthInsurance}
	rules := statelaws.DefaultSet()
	for _, id := range []string{"OH-1349.19", "TN-47-18-2107", "PA-2303", "MO-407.1500"} {
		r, _ := rules.Get(id)
		fmt.Printf("%s medical %v, health insurance %v\n", r.ID, r.Counts(medical), r.Counts(insurance))
	}
	// Output:
	// OH-1349.19 medical false, health insurance false
	// TN-47-18-2107 medical false, health insurance false
	// PA-2303 medical false, health insurance true
	// MO-407.1500 medical true, health insurance true
}

// Every jurisdiction has a rule. American Samoa's says no statute was found: it has no
// deadline and no notices, and it is unverified until counsel confirms.
func ExampleDefault() {
	rules := statelaws.DefaultSet()
	fmt.Println(len(statelaws.Codes()), "jurisdictions,", len(rules.Uncovered()), "without a rule")
	as := rules.For("AS")[0]
	fmt.Println(as.ID, as.NoStatute, as.Individuals, len(as.Regulators), as.Unverified())
	// Output:
	// 56 jurisdictions, 0 without a rule
	// AS-none true no fixed days 0 true
}

// Alabama honours only a written law-enforcement request, and Texas's encryption safe
// harbor fails when the key is also held; California's Health & Safety Code 1280.15 runs
// its own 15 business days after a delay ends.
func ExampleDelayRule() {
	rules := statelaws.DefaultSet()
	al, _ := rules.Get("AL-8-38-5")
	fmt.Println("AL written:", al.Delay.HonoursWritten(), "oral:", al.Delay.HonoursOral())
	tx, _ := rules.Get("TX-521.053")
	fmt.Println("TX encrypted, key safe:", tx.SafeHarbor.Covers(true, false), "key held:", tx.SafeHarbor.Covers(true, true))
	ca, _ := rules.Get("CA-HSC-1280.15")
	fmt.Println("CA H&S 1280.15 after a delay:", ca.Delay.After)
	// Output:
	// AL written: true oral: false
	// TX encrypted, key safe: true key held: false
	// CA H&S 1280.15 after a delay: 15 business days
}

// Business days skip weekends and, by default, US federal holidays: 15 business days
// after Friday 2026-11-20 skip Thanksgiving (2026-11-26). A jurisdiction's own holidays
// can be supplied as a HolidayList instead.
func ExampleAddBusinessDays() {
	from := date.New(2026, time.November, 20)
	fmt.Println(statelaws.AddBusinessDays(nil, from, 15))
	fmt.Println(statelaws.AddBusinessDays(statelaws.HolidayList{}, from, 15))
	// Output:
	// 2026-12-14
	// 2026-12-11
}

// A privacy officer who has checked Ohio's HIPAA exemption against the statute overrides
// the default rule; the default set is unchanged.
func ExampleSet_With() {
	defaults := statelaws.DefaultSet()
	oh, _ := defaults.Get("OH-1349.19")
	oh.HIPAAMark = statelaws.MarkStatute
	oh.Note += " HIPAA exemption read in the statute by counsel, 2026-02-01."

	reviewed, err := defaults.With(oh)
	if err != nil {
		panic(err)
	}
	before, _ := defaults.Get("OH-1349.19")
	after, _ := reviewed.Get("OH-1349.19")
	fmt.Println(before.Unverified(), after.Unverified())
	// Output:
	// true false
}
