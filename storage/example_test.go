package storage_test

import (
	"context"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

// Window queries take a half-open range of dates: From inclusive, To exclusive.
func ExampleWindow() {
	ctx := context.Background()
	store := memory.New()
	today := date.New(2026, time.June, 1)
	_ = store.Org("clinic-1").Update(ctx, func(tx storage.Tx) error {
		for i, next := range []date.Date{today, today + 59, today + 60} {
			v := vendors.Vendor{ID: vendors.ID(fmt.Sprint("v", i)), Name: fmt.Sprint("Vendor ", i), Category: vendors.CategoryEHR,
				BAA: vendors.BAA{State: vendors.StateSigned, EffectiveOn: today - 300, ReviewMonths: 12, NextReviewOn: next}}
			if err := tx.Vendors().Create(ctx, &v); err != nil {
				return err
			}
		}
		return nil
	})
	next60 := storage.Window{From: today, To: today + 60}
	_ = store.Org("clinic-1").View(ctx, func(tx storage.Tx) error {
		for v, err := range tx.Vendors().ReviewsDue(ctx, next60) {
			if err != nil {
				return err
			}
			fmt.Println(v.Name, v.BAA.NextReviewOn)
		}
		return nil
	})
	// Output:
	// Vendor 0 2026-06-01
	// Vendor 1 2026-07-30
}
