package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/vendors"
)

// A practice keeps its compliance records in a file: what one process wrote is there
// for the next.
func Example() {
	dir, err := os.MkdirTemp("", "hipaaops-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "compliance.db")
	ctx := compliance.WithActor(context.Background(), compliance.Actor{ID: "u-17", Name: "Practice administrator"})
	now := time.Date(2026, 4, 1, 15, 0, 0, 0, time.UTC)
	opts := compliance.Options{Now: func() time.Time { return now }}

	store, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	engine, err := compliance.New(store, opts)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := engine.CreateOrganization(ctx, org.Organization{ID: "rad-onc", Name: "Lakeside Radiation Oncology",
		TimeZone: "America/Chicago"}); err != nil {
		log.Fatal(err)
	}
	v, err := engine.Org("rad-onc").Vendors().Add(ctx, vendors.Vendor{ID: "v-pacs", Name: "Vault PACS",
		Category: vendors.CategoryPACS, DataShared: []vendors.DataCategory{vendors.DataImaging}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("added:", v.ID, v.Name, "version", v.Version)
	if err := store.Close(); err != nil {
		log.Fatal(err)
	}

	// Later, another process opens the same file.
	store, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	engine, err = compliance.New(store, opts)
	if err != nil {
		log.Fatal(err)
	}
	clinic := engine.Org("rad-onc")
	got, err := clinic.Vendors().Get(ctx, "v-pacs")
	if err != nil {
		log.Fatal(err)
	}
	o, err := clinic.Profile(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// The chain holds the organization, the vendor and the BAA assessment task that
	// adding the vendor created.
	st, err := clinic.Audit().Verify(ctx)
	fmt.Println("read back:", got.Name, got.Category, got.BAA.State, "in", o.Name)
	fmt.Println("audit entries:", st.Entries, "verified:", err == nil)
	// Output:
	// added: v-pacs Vault PACS version 1
	// read back: Vault PACS pacs not_requested in Lakeside Radiation Oncology
	// audit entries: 3 verified: true
}
