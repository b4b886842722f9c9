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
// regulator notices (Ohio has none). Ohio's row is unverified, and reports say so.
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
				if n.Required(affected[code]) {
					fmt.Printf("  %s: %s, relative to %s\n", n.Regulator, n.Deadline, n.Relative)
				}
			}
		}
	}
	// Output:
	// NY-899-aa (N.Y. Gen. Bus. Law § 899-aa) [verified]
	//   residents: 30 calendar days after discovery, by 2026-04-01
	//   HIPAA-regulated entities: partial
	//   Attorney General (copy of the HHS breach notice): 5 business days, relative to hhs_notice
	//   Attorney General, Dept. of State and Division of State Police: no fixed days, relative to with_individuals
	// OH-1349.19 (Ohio Rev. Code § 1349.19) [unverified: hipaa]
	//   residents: 45 calendar days after discovery, by 2026-04-16
	//   HIPAA-regulated entities: exempt
}

// A breach of medical information alone does not trigger Ohio's or Tennessee's law.
func ExampleRule_Counts() {
	medicalOnly := []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementHealthInsurance}
	for _, r := range statelaws.Default() {
		if !r.Counts(medicalOnly) {
			fmt.Println(r.ID)
		}
	}
	// Output:
	// IN-24-4.9
	// LA-51:3074
	// ME-1348
	// NM-57-12C-6
	// OH-1349.19
	// TN-47-18-2107
	// WI-134.98
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
