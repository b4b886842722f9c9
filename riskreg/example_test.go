package riskreg_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/validation"
)

// A practice seeds two starter risks, rates them on the HHS 3×3 method, mitigates one,
// accepts the other with a named approver, and prints the residual heat map.
func Example() {
	m, _ := riskreg.GetMethod(riskreg.MethodHHS3x3)
	by := "security.officer@example.org"
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	starter := riskreg.Starter()
	dicom, screens := starter[0], starter[5]

	// Likelihood and impact outside the 3×3 scale are refused.
	err := dicom.Rate(&m, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 4, Impact: 3}, Residual: riskreg.Score{Likelihood: 1, Impact: 3}, On: date.New(2026, time.January, 12)}, by)
	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(verr.Field, verr.Rule)
	}

	must(dicom.Rate(&m, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 2, Impact: 3}, Residual: riskreg.Score{Likelihood: 1, Impact: 3}, On: date.New(2026, time.January, 12), Note: "TLS planned"}, by))
	must(dicom.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "enable DICOM TLS between planning and vault", Owner: "it.lead", Due: date.New(2026, time.April, 30)}))
	fmt.Println(dicom.ID, dicom.Inherent, "→", dicom.Residual, dicom.Status)

	must(screens.Rate(&m, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 3, Impact: 1}, Residual: riskreg.Score{Likelihood: 2, Impact: 1}, On: date.New(2026, time.January, 12), Note: "filters on all screens"}, by))
	err = screens.Accept(riskreg.Acceptance{ApprovedOn: date.New(2026, time.February, 2), ReviewOn: date.New(2027, time.February, 2), Justification: "low residual risk"})
	fmt.Println("acceptance without approver refused:", errors.Is(err, validation.ErrInvalid))
	must(screens.Accept(riskreg.Acceptance{
		ApprovedBy: "Dr. Rivera, CEO", ApprovedOn: date.New(2026, time.February, 2),
		ReviewOn: date.New(2027, time.February, 2), Justification: "low residual risk; screens replaced in 2027",
	}))
	fmt.Println(screens.ID, screens.Current(), screens.Status, "until", screens.Acceptance.ReviewOn)

	cells := riskreg.HeatMap([]riskreg.Risk{dicom, screens}, true)
	fmt.Println("residual heat map (likelihood rows, impact columns low → high):")
	for l := len(m.Likelihood); l >= 1; l-- {
		fmt.Printf("%-6s", m.LikelihoodName(riskreg.Level(l)))
		for _, c := range cells {
			if int(c.Likelihood) == l {
				fmt.Printf(" %d", c.Count)
			}
		}
		fmt.Println()
	}
	// Output:
	// inherent.likelihood must be 1 to 3 on hhs-sra-3x3, got 4
	// starter-dicom-transfer 2×3 high → 1×3 moderate treating
	// acceptance without approver refused: true
	// starter-infusion-bay-screens 2×1 low accepted until 2027-02-02
	// residual heat map (likelihood rows, impact columns low → high):
	// high   0 0 0
	// medium 1 0 0
	// low    0 0 1
}

// The NIST SP 800-30 Rev. 1 method rates each cell as Table I-2 does.
func ExampleMethod_Rate() {
	m, _ := riskreg.GetMethod(riskreg.MethodNIST5x5)
	for _, c := range [][2]riskreg.Level{{5, 4}, {4, 5}, {3, 4}, {1, 5}} {
		r, _ := m.Rate(c[0], c[1])
		fmt.Printf("likelihood %s × impact %s: %s\n", m.LikelihoodName(c[0]), m.ImpactName(c[1]), r.Label())
	}
	_, err := m.Rate(6, 1)
	fmt.Println(err)
	// Output:
	// likelihood very high × impact high: high
	// likelihood high × impact very high: very high
	// likelihood moderate × impact high: moderate
	// likelihood very low × impact very high: low
	// riskreg: likelihood must be 1 to 5 on nist-800-30-5x5, got 6
}

// An approved analysis is frozen; a year later, two analyses compare.
func ExampleCompare() {
	m, _ := riskreg.GetMethod(riskreg.MethodHHS3x3)
	by := "security.officer@example.org"
	register := riskreg.Starter()[:2]
	_ = register[0].Rate(&m, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 2, Impact: 3}, Residual: riskreg.Score{Likelihood: 2, Impact: 3}, On: date.New(2025, time.January, 10)}, by)

	prev := riskreg.Snapshot("sra-2025", 2025, m.ID, register)
	_ = prev.Approve(riskreg.Approval{By: "Dr. Rivera, CEO", On: date.New(2025, time.March, 1)})
	fmt.Println("edit after approval:", errors.Is(prev.Put(riskreg.Starter()[2]), riskreg.ErrFrozen))

	_ = register[0].Rate(&m, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 2, Impact: 3}, Residual: riskreg.Score{Likelihood: 1, Impact: 2}, On: date.New(2026, time.January, 10), Note: "TLS enabled"}, by)
	_ = register[1].Close(riskreg.Closing{On: date.New(2026, time.January, 10), Note: "MFA on every physics workstation"}, by)
	register = append(register, riskreg.Starter()[6])
	cur := riskreg.Snapshot("sra-2026", 2026, m.ID, register)

	c := riskreg.Compare(&prev, &cur, date.New(2026, time.March, 1))
	fmt.Println("new:", c.New)
	fmt.Println("closed:", c.Closed)
	fmt.Println("decreased:", c.Decreased)
	// Output:
	// edit after approval: true
	// new: [starter-pa-vendor-no-baa]
	// closed: [starter-physicist-mfa]
	// decreased: [starter-dicom-transfer]
}
