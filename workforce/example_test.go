package workforce_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/workforce"
)

// An infusion nurse joins, completes general HIPAA training, and is missing the
// infusion-suite module until she takes it; a year later general training is due again.
func Example() {
	m := workforce.Member{
		ID: "w-17", Name: "Dana Reyes", Email: "dana.reyes@example.org",
		Role: workforce.RoleNurse, Sites: []org.SiteID{"infusion-north"},
		StartOn: date.New(2025, time.March, 3),
	}
	if err := m.Validate(); err != nil {
		panic(err)
	}
	fmt.Println("requires:", workforce.RequiredModules(m.Role))

	_ = m.RecordTraining(workforce.Completion{Module: workforce.ModuleGeneralHIPAA,
		CompletedOn: date.New(2025, time.March, 5), Evidence: "lms://cert/4411"})
	fmt.Println("missing 2025-03-10:", m.MissingTraining(date.New(2025, time.March, 10), 12))

	_ = m.RecordTraining(workforce.Completion{Module: workforce.ModuleInfusionSuite,
		CompletedOn: date.New(2025, time.March, 12)})
	fmt.Println("missing 2025-03-31:", m.MissingTraining(date.New(2025, time.March, 31), 12))
	fmt.Println("missing 2026-03-06:", m.MissingTraining(date.New(2026, time.March, 6), 12))

	// A completion before the first day is refused, naming the field and the rule.
	err := m.RecordTraining(workforce.Completion{Module: workforce.ModuleFrontDesk,
		CompletedOn: date.New(2025, time.February, 1)})
	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(verr.Field, verr.Rule)
	}

	_ = m.Leave(workforce.Leaving{On: date.New(2026, time.June, 30)})
	fmt.Println("active 2026-06-30:", m.Active(date.New(2026, time.June, 30)))
	fmt.Println("active 2026-07-01:", m.Active(date.New(2026, time.July, 1)))
	// Output:
	// requires: [general_hipaa infusion_suite]
	// missing 2025-03-10: [infusion_suite]
	// missing 2025-03-31: []
	// missing 2026-03-06: [general_hipaa]
	// completed_on 2025-02-01 is before start date 2025-03-03
	// active 2026-06-30: true
	// active 2026-07-01: false
}

// CompletionByRole counts, per role, the active members and those fully trained.
func ExampleCompletionByRole() {
	start := date.New(2025, time.January, 6)
	trained := date.New(2025, time.January, 8)
	ms := []workforce.Member{
		{ID: "1", Name: "A. Physicist", Role: workforce.RolePhysicist, StartOn: start,
			Trainings: []workforce.Completion{
				{Module: workforce.ModuleGeneralHIPAA, CompletedOn: trained},
				{Module: workforce.ModuleRadiationTherapy, CompletedOn: trained},
			}},
		{ID: "2", Name: "B. Therapist", Role: workforce.RoleTherapist, StartOn: start,
			Trainings: []workforce.Completion{{Module: workforce.ModuleGeneralHIPAA, CompletedOn: trained}}},
		{ID: "3", Name: "C. Front Desk", Role: workforce.RoleFrontDesk, StartOn: start,
			EndOn: date.New(2025, time.May, 30)},
	}
	for _, rc := range workforce.CompletionByRole(ms, date.New(2025, time.June, 2), 12) {
		fmt.Printf("%s: %d of %d\n", rc.Role, rc.Complete, rc.Members)
	}
	// Output:
	// physicist: 1 of 1
	// radiation_therapist: 0 of 1
}
