package controls_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
)

// The addressable specifications of the technical safeguards (45 CFR 164.312), and what is
// left to decide after the security official records one decision (45 CFR 164.306(d)(3)).
func Example() {
	cat := controls.Current()

	fmt.Println("Addressable specifications of 45 CFR 164.312:")
	for _, c := range cat.Addressable() {
		if c.Safeguard == controls.SafeguardTechnical {
			fmt.Printf("  %s %s\n", c.ID, c.Title)
		}
	}
	fmt.Println("undecided:", len(controls.Undecided(&cat, nil)))

	decisions := []controls.AddressableDecision{{
		Control:        "164.312(a)(2)(iii)",
		CatalogVersion: cat.Version,
		Decision:       controls.DecisionAlternative,
		Alternative:    "treatment-room consoles lock after 2 minutes; a badge tap unlocks",
		Reason:         "logging off a console mid-treatment would interrupt a radiation delivery",
		DecidedBy:      "security.officer@example.org",
		DecidedOn:      date.New(2026, time.March, 2),
	}}
	if err := decisions[0].Validate(&cat); err != nil {
		fmt.Println(err)
		return
	}

	undecided := controls.Undecided(&cat, decisions)
	fmt.Println("undecided after one decision:", len(undecided))
	for _, c := range undecided {
		if c.Safeguard == controls.SafeguardTechnical {
			fmt.Printf("  %s %s\n", c.ID, c.Title)
		}
	}

	// Output:
	// Addressable specifications of 45 CFR 164.312:
	//   164.312(a)(2)(iii) Automatic logoff
	//   164.312(a)(2)(iv) Encryption and decryption
	//   164.312(c)(2) Mechanism to authenticate electronic PHI
	//   164.312(e)(2)(i) Integrity controls
	//   164.312(e)(2)(ii) Encryption
	// undecided: 22
	// undecided after one decision: 21
	//   164.312(a)(2)(iv) Encryption and decryption
	//   164.312(c)(2) Mechanism to authenticate electronic PHI
	//   164.312(e)(2)(i) Integrity controls
	//   164.312(e)(2)(ii) Encryption
}

// A revised rule loads beside the current one, each under its own version; decisions made
// under one version do not carry over to another.
func ExampleNewCatalogs() {
	revised := controls.Current()
	revised.Version = "2027-final" // hypothetical: HHS's 2025 proposal (90 FR 898) is not final
	revised.EffectiveOn = date.New(2027, time.July, 1)
	for i := range revised.Controls {
		if revised.Controls[i].Kind == controls.KindAddressable {
			revised.Controls[i].Kind = controls.KindRequired
		}
	}

	set, err := controls.NewCatalogs(controls.Current(), revised)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range set.Versions() {
		c, _ := set.Version(v)
		fmt.Printf("%s: %d addressable\n", v, len(c.Addressable()))
	}
	inForce, _ := set.InEffect(date.New(2026, time.May, 1))
	fmt.Println("in effect on 2026-05-01:", inForce.Version)

	_, err = controls.NewCatalogs(controls.Current(), controls.Current())
	fmt.Println(err)

	// Output:
	// 2013-omnibus: 22 addressable
	// 2027-final: 0 addressable
	// in effect on 2026-05-01: 2013-omnibus
	// controls: catalogs[1].version "2013-omnibus" duplicates catalogs[0]
}
