package event_test

import (
	"context"
	"fmt"
	"time"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

// A reminder worker reads events after the cursor it saved last time.
func Example() {
	engine := compliance.New(memory.New(), compliance.Options{
		Now: func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) },
	})
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-1"})
	_, _ = engine.CreateOrganization(ctx, org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "UTC"})
	_, _ = engine.AddVendor(ctx, "clinic-1", vendors.Vendor{Name: "Vault PACS", Category: vendors.CategoryPACS})

	var cursor uint64 // kept by the worker between runs
	for {
		evs, err := engine.Events(ctx, "clinic-1", cursor, 100)
		if err != nil || len(evs) == 0 {
			break
		}
		for _, ev := range evs {
			fmt.Println(ev.Seq, ev.Type, string(ev.Data))
			cursor = ev.Seq
		}
	}
	// Output:
	// 1 organization.created {"name":"Lakeside Oncology"}
	// 2 vendor.added {"vendor":"Vault PACS","category":"pacs","state":"not_requested"}
}
