package compliance_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// An infusion center adds its specialty pharmacy, determines that it is a business
// associate, requests a BAA and, a month later, sees the gap, the stalled request and
// the assessment task the engine's rules created when the vendor was added.
func Example() {
	now := time.Date(2026, 4, 1, 15, 0, 0, 0, time.UTC)
	engine, err := compliance.New(memory.New(), compliance.Options{Now: func() time.Time { return now }})
	if err != nil {
		panic(err)
	}
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-17", Name: "Practice administrator"})

	if _, err := engine.CreateOrganization(ctx, org.Organization{ID: "infusion-west", Name: "Westside Infusion Center",
		TimeZone: "America/Denver"}); err != nil {
		panic(err)
	}
	clinic := engine.Org("infusion-west")
	v, err := clinic.Vendors().Add(ctx, vendors.Vendor{
		Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication, vendors.DataFinancial},
	})
	if err != nil {
		panic(err)
	}
	v, err = clinic.Vendors().Determine(ctx, v.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses and bills oral chemotherapy on our behalf"})
	if err != nil {
		panic(err)
	}
	if _, err = clinic.Vendors().RequestBAA(ctx, v.Ref(), vendors.Move{Note: "sent our BAA template"}); err != nil {
		panic(err)
	}

	inv, err := clinic.Inventory(ctx, compliance.InventoryOptions{AsOf: date.New(2026, 5, 1)})
	if err != nil {
		panic(err)
	}
	for _, g := range inv.Gaps {
		fmt.Printf("gap: %s: %s (%s)\n", g.Vendor.Name, g.Reason, g.Text)
	}
	for _, s := range inv.Stalled {
		fmt.Printf("stalled since %s: %s\n", s.BAA.LastActivityOn, s.Name)
	}
	// Adding a vendor that receives PHI created its assessment task (DefaultRules).
	open, err := clinic.Tasks().List(ctx, compliance.TaskQuery{Open: true})
	if err != nil {
		panic(err)
	}
	for _, t := range open.Items {
		fmt.Printf("task due %s: %s (%s) [%s]\n", t.DueOn, t.Title, t.Assignee.Role, t.Citation)
	}
	st, err := clinic.Audit().Verify(ctx)
	fmt.Println("audit entries:", st.Entries, "verified:", err == nil)
	// Output:
	// gap: Summit Specialty Pharmacy: pending (BAA not yet signed)
	// stalled since 2026-04-01: Summit Specialty Pharmacy
	// task due 2026-04-15: Business associate determination and BAA assessment (privacy_officer) [45 CFR 164.502(e), 164.308(b)(1)]
	// audit entries: 5 verified: true
}

// Code sorts any error the library returns into a few codes an API maps to its statuses.
func ExampleCode() {
	engine, err := compliance.New(memory.New(), compliance.Options{})
	if err != nil {
		panic(err)
	}
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-17", Name: "Practice administrator"})
	if _, err := engine.CreateOrganization(ctx, org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "America/Chicago"}); err != nil {
		panic(err)
	}
	clinic := engine.Org("clinic-1")

	_, err = clinic.Vendors().Add(ctx, vendors.Vendor{Name: "", Category: vendors.CategoryPACS})
	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(compliance.Code(err), verr.Field)
	}
	_, err = clinic.Vendors().Get(ctx, "no-such-vendor")
	fmt.Println(compliance.Code(err))
	_, err = engine.Org("another-practice").Vendors().Get(ctx, "no-such-vendor")
	fmt.Println(compliance.Code(err))
	_, err = clinic.Vendors().Get(context.Background(), "no-such-vendor") // no actor
	fmt.Println(compliance.Code(err))
	fmt.Println(compliance.Code(nil))
	// Output:
	// invalid_input name
	// not_found
	// not_found
	// forbidden
	// ok
}
