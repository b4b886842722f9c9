package hipaaops_test

import (
	"context"
	"fmt"
	"time"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

// The smallest useful program: one practice, one business associate whose BAA has been
// requested but not signed. The README's "In your own code" quotes this example.
func Example() {
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-1", Name: "Practice administrator"})
	store := memory.New() // or sqlite.Open(ctx, "compliance.db", sqlite.Options{}), the embedded default
	engine, err := compliance.New(store, compliance.Options{
		Now: func() time.Time { return time.Date(2026, 6, 1, 15, 0, 0, 0, time.UTC) }, // default time.Now
	})
	if err != nil {
		panic(err)
	}
	if _, err := engine.CreateOrganization(ctx, org.Organization{
		ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "America/Chicago"}); err != nil {
		panic(err)
	}
	clinic := engine.Org("clinic-1")

	v, err := clinic.Vendors().Add(ctx, vendors.Vendor{
		Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy})
	if err != nil {
		panic(err)
	}
	v, err = clinic.Vendors().Determine(ctx, v.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses oral chemotherapy on our behalf"})
	if err != nil {
		panic(err)
	}
	// A zero On means today in the organization's time zone.
	if _, err := clinic.Vendors().RequestBAA(ctx, v.Ref(), vendors.Move{Note: "sent our template"}); err != nil {
		panic(err)
	}

	inv, err := clinic.Inventory(ctx, compliance.InventoryOptions{}) // as of today
	if err != nil {
		panic(err)
	}
	for _, g := range inv.Gaps { // also ReviewsDue, Stalled, MissingClauses, …
		fmt.Printf("%s: %s (%s)\n", g.Vendor.Name, g.Reason, g.Text)
	}
	// Output:
	// Summit Specialty Pharmacy: pending (BAA not yet signed)
}
