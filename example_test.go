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

// The smallest useful program: one practice, one business associate without a BAA.
func Example() {
	engine := compliance.New(memory.New(), compliance.Options{
		Now: func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) },
	})
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-1", Name: "Practice administrator"})
	if _, err := engine.CreateOrganization(ctx, org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "America/Chicago"}); err != nil {
		panic(err)
	}
	v, err := engine.AddVendor(ctx, "clinic-1", vendors.Vendor{Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy})
	if err != nil {
		panic(err)
	}
	if _, err := engine.DetermineBA(ctx, "clinic-1", v.ID, v.Version, vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses on our behalf"}); err != nil {
		panic(err)
	}
	inv, err := engine.Inventory(ctx, "clinic-1", compliance.InventoryOptions{})
	if err != nil {
		panic(err)
	}
	for _, g := range inv.Gaps {
		fmt.Printf("%s: %s\n", g.Vendor.Name, g.Reason)
	}
	// Output:
	// Summit Specialty Pharmacy: no BAA requested
}
