package memory_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

// A transaction that fails leaves nothing behind; a stale version is rejected.
func Example() {
	ctx := context.Background()
	store := memory.New()
	clinic := store.Org("clinic-1")

	v := vendors.Vendor{ID: "v-1", Name: "Vault PACS", Category: vendors.CategoryPACS,
		BAA: vendors.BAA{State: vendors.StateNotRequested}}
	_ = clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) })

	err := clinic.Update(ctx, func(tx storage.Tx) error {
		w := vendors.Vendor{ID: "v-2", Name: "Never stored", Category: vendors.CategoryEHR,
			BAA: vendors.BAA{State: vendors.StateNotRequested}}
		if err := tx.Vendors().Create(ctx, &w); err != nil {
			return err
		}
		return errors.New("second step failed")
	})
	fmt.Println("rolled back:", err)

	stale := v
	v.Notes = "first writer"
	_ = clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) })
	err = clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &stale) })
	fmt.Println("stale update is a conflict:", errors.Is(err, storage.ErrConflict))

	_ = clinic.View(ctx, func(tx storage.Tx) error {
		for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
			if err != nil {
				return err
			}
			fmt.Println(v.ID, v.Name, "version", v.Version)
		}
		_, err := tx.Vendors().Get(ctx, "v-2")
		fmt.Println("v-2 not found:", errors.Is(err, storage.ErrNotFound))
		return nil
	})
	// Another organization's handle cannot see clinic-1's vendor.
	_ = store.Org("clinic-2").View(ctx, func(tx storage.Tx) error {
		_, err := tx.Vendors().Get(ctx, "v-1")
		fmt.Println("other org not found:", errors.Is(err, storage.ErrNotFound))
		return nil
	})
	// Output:
	// rolled back: second step failed
	// stale update is a conflict: true
	// v-1 Vault PACS version 2
	// v-2 not found: true
	// other org not found: true
}
