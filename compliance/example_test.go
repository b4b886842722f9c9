//go:build oldapi

package compliance_test

import (
	"context"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

// An infusion center adds its specialty pharmacy, determines that it is a business
// associate, requests a BAA and, a month later, sees the gap, the stalled request and
// the assessment task the engine's rules created when the vendor was added.
func Example() {
	now := time.Date(2026, 4, 1, 15, 0, 0, 0, time.UTC)
	engine := compliance.New(memory.New(), compliance.Options{Now: func() time.Time { return now }})
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-17", Name: "Practice administrator"})

	_, err := engine.CreateOrganization(ctx, org.Organization{ID: "infusion-west", Name: "Westside Infusion Center",
		TimeZone: "America/Denver"})
	if err != nil {
		panic(err)
	}
	v, err := engine.AddVendor(ctx, "infusion-west", vendors.Vendor{
		Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication, vendors.DataFinancial},
	})
	if err != nil {
		panic(err)
	}
	v, err = engine.DetermineBA(ctx, "infusion-west", v.ID, v.Version, vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses and bills oral chemotherapy on our behalf"})
	if err != nil {
		panic(err)
	}
	if _, err = engine.RequestBAA(ctx, "infusion-west", v.ID, v.Version, date.Zero, "sent our BAA template"); err != nil {
		panic(err)
	}

	inv, err := engine.Inventory(ctx, "infusion-west", compliance.InventoryOptions{AsOf: date.New(2026, 5, 1)})
	if err != nil {
		panic(err)
	}
	for _, g := range inv.Gaps {
		fmt.Printf("gap: %s: %s\n", g.Vendor.Name, g.Reason)
	}
	for _, s := range inv.Stalled {
		fmt.Printf("stalled since %s: %s\n", s.BAA.LastActivityOn, s.Name)
	}
	// Adding a vendor that receives PHI created its assessment task (DefaultRules).
	open, err := engine.Tasks(ctx, "infusion-west", storage.TaskQuery{Open: true})
	if err != nil {
		panic(err)
	}
	for _, t := range open {
		fmt.Printf("task due %s: %s (%s) [%s]\n", t.DueOn, t.Title, t.Assignee.Role, t.Citation)
	}
	st, err := engine.VerifyAudit(ctx, "infusion-west")
	fmt.Println("audit entries:", st.Entries, "verified:", err == nil)
	// Output:
	// gap: Summit Specialty Pharmacy: BAA not yet signed
	// stalled since 2026-04-01: Summit Specialty Pharmacy
	// task due 2026-04-15: Business associate determination and BAA assessment (privacy_officer) [45 CFR 164.502(e), 164.308(b)(1)]
	// audit entries: 5 verified: true
}
