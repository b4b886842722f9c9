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

// A reminder worker reads the events after the cursor it saved last time, a page at a
// time, and keeps the last Seq it handled.
func Example() {
	engine, err := compliance.New(memory.New(), compliance.Options{
		Now: func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		panic(err)
	}
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-1"})
	_, _ = engine.CreateOrganization(ctx, org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "UTC"})
	clinic := engine.Org("clinic-1")
	_, _ = clinic.Vendors().Add(ctx, vendors.Vendor{ID: "vault-pacs", Name: "Vault PACS", Category: vendors.CategoryPACS})

	var cursor uint64 // kept by the worker between runs
	q := compliance.EventQuery{After: cursor, PageQuery: compliance.PageQuery{Limit: 100}}
	for {
		page, err := clinic.Events().List(ctx, q)
		if err != nil {
			break
		}
		for _, ev := range page.Items {
			fmt.Println(ev.Seq, ev.Type, ev.ObjectType, ev.ObjectID, string(ev.Data))
			cursor = ev.Seq
		}
		if page.Next == "" {
			break
		}
		q.Cursor = page.Next
	}
	fmt.Println("cursor:", cursor)
	// Output:
	// 1 organization.created organization clinic-1 {"organization":"clinic-1","name":"Lakeside Oncology"}
	// 2 vendor.added vendor vault-pacs {"vendor_id":"vault-pacs","vendor":"Vault PACS","category":"pacs","state":"not_requested","handles_phi":false}
	// cursor: 2
}
