package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/storage/postgres/pgtest"
	"github.com/hipaaops/hipaaops/vendors"
)

// Open a store on the database DATABASE_URL names (migrating it), then write and read
// one organization's vendors through its handle. The example needs a PostgreSQL server,
// so it has no Output line: go test only compiles it, and TestExamples runs it on a
// test database and checks what it prints.
func Example_open() {
	ctx := context.Background()
	store, err := postgres.Open(ctx, os.Getenv("DATABASE_URL"), postgres.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clinic := store.Org("clinic-1")

	v := vendors.Vendor{ID: "v-1", Name: "Vault PACS", Category: vendors.CategoryPACS,
		BAA: vendors.BAA{State: vendors.StateNotRequested}}
	if err := clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }); err != nil {
		fmt.Println(err)
		return
	}

	// Two writers start from version 1: the first wins, the second is told to re-read.
	stale := v
	v.Notes = "first writer"
	err = clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) })
	fmt.Println("first update:", err, "version", v.Version)
	err = clinic.Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &stale) })
	fmt.Println("stale update is a conflict:", errors.Is(err, storage.ErrConflict))

	_ = clinic.View(ctx, func(tx storage.Tx) error {
		for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
			if err != nil {
				return err
			}
			fmt.Println(v.ID, v.Name, v.Notes, "version", v.Version)
		}
		return nil
	})
	// Another organization's handle cannot see clinic-1's vendor.
	_ = store.Org("clinic-2").View(ctx, func(tx storage.Tx) error {
		_, err := tx.Vendors().Get(ctx, "v-1")
		fmt.Println("other org not found:", errors.Is(err, storage.ErrNotFound))
		return nil
	})
}

// TestExamples runs the examples that need a server, on a database of their own.
func TestExamples(t *testing.T) {
	t.Setenv("DATABASE_URL", pgtest.NewDatabase(t))
	out := captureStdout(t, Example_open)
	require.Equal(t, `first update: <nil> version 2
stale update is a conflict: true
v-1 Vault PACS first writer version 2
other org not found: true
`, out)
}

func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = stdout }()
	f()
	os.Stdout = stdout
	require.NoError(t, w.Close())
	return <-done
}
