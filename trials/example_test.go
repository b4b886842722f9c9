package trials_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
)

// A trial cannot enroll until the practice has chosen how the Privacy Rule permits its
// research use of PHI; once enrolling it can close, but not reopen.
func Example() {
	tr := trials.Trial{
		ID: "kras-2", Title: "Phase II KRAS G12C inhibitor in NSCLC", Protocol: "NCT01234567",
		Sponsor: "acme-pharma", CRO: "global-cro", Sites: []org.SiteID{"main"},
		Status: trials.StatusOpening, OpenedOn: date.New(2026, time.January, 12),
		PrincipalInvestigator: "Dr. Lee",
	}

	err := tr.StartEnrolling(trials.Enrolling{On: date.New(2026, time.March, 2)})
	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(verr.Field, verr.Rule)
	}

	tr.Basis = trials.BasisAuthorization // each participant signs a 164.508 authorization
	if err := tr.StartEnrolling(trials.Enrolling{On: date.New(2026, time.March, 2)}); err != nil {
		panic(err)
	}
	fmt.Println(tr.Status, tr.EnrollingOn)

	if err := tr.Close(trials.Closing{On: date.New(2027, time.June, 30)}); err != nil {
		panic(err)
	}
	fmt.Println(tr.Status, tr.ClosedOn)

	err = tr.StartEnrolling(trials.Enrolling{On: date.New(2027, time.July, 1)})
	fmt.Println(errors.Is(err, trials.ErrTransition), err)
	// Output:
	// basis must be chosen before enrolling (45 CFR 164.508 / 164.512(i))
	// enrolling 2026-03-02
	// closed 2027-06-30
	// true trials: trial cannot go from closed to enrolling (allowed: [])
}
