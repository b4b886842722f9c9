package compliancetest_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/vendors"
)

func TestClock(t *testing.T) {
	start := time.Date(2026, 1, 31, 23, 0, 0, 0, time.UTC)
	c := compliancetest.NewClock(start)
	require.Equal(t, start, c.Now())
	c.AddDays(1)
	require.Equal(t, time.Date(2026, 2, 1, 23, 0, 0, 0, time.UTC), c.Now())
	c.Add(2 * time.Hour)
	require.Equal(t, time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC), c.Now())
	c.AddDays(-2)
	require.Equal(t, time.Date(2026, 1, 31, 1, 0, 0, 0, time.UTC), c.Now())
	c.Set(start)
	require.Equal(t, start, c.Now())
}

func TestIDsAreSequentialPerKind(t *testing.T) {
	var ids compliancetest.IDs
	require.Equal(t, "vendor-1", ids.New(record.KindVendor))
	require.Equal(t, "vendor-2", ids.New(record.KindVendor))
	require.Equal(t, "task-1", ids.New(record.KindTask))

	// Safe for concurrent use: 100 goroutines get 100 distinct ids.
	var mu sync.Mutex
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := ids.New(record.KindRisk)
			mu.Lock()
			seen[id] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	require.Len(t, seen, 100)
}

func TestKitRunsTheEngineOnItsClockAndIDs(t *testing.T) {
	kit := compliancetest.New(t, compliancetest.Options{})
	require.Equal(t, compliancetest.DefaultStart, kit.Clock.Now())
	clinic := kit.Organization(t, "clinic-1")
	v, err := clinic.Vendors().Add(kit.Ctx, vendors.Vendor{Name: "Vault PACS", Category: vendors.CategoryPACS})
	require.NoError(t, err)
	require.Equal(t, vendors.ID("vendor-1"), v.ID)
	require.Equal(t, compliancetest.DefaultStart, v.CreatedAt)

	kit.Clock.AddDays(30)
	v, err = clinic.Vendors().Update(kit.Ctx, v)
	require.NoError(t, err)
	require.Equal(t, compliancetest.DefaultStart.AddDate(0, 0, 30), v.UpdatedAt)

	a, ok := compliance.ActorFrom(kit.Ctx)
	require.True(t, ok)
	require.Equal(t, "test-admin", a.ID)
}

func TestKitOptions(t *testing.T) {
	store := memory.New()
	start := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Store: store,
		Actor:  compliance.Actor{ID: "u-7", Name: "Privacy officer"},
		Engine: compliance.Options{NewID: func(record.Kind) string { return "fixed" }}})
	require.Same(t, store, kit.Store.(*memory.Store))
	require.Equal(t, start, kit.Clock.Now())
	clinic := kit.Organization(t, "clinic-2")
	v, err := clinic.Vendors().Add(kit.Ctx, vendors.Vendor{Name: "Vault PACS", Category: vendors.CategoryPACS})
	require.NoError(t, err)
	require.Equal(t, vendors.ID("fixed"), v.ID, "the engine's own NewID wins over the kit's ids")
	a, _ := compliance.ActorFrom(kit.Ctx)
	require.Equal(t, "u-7", a.ID)
}

func ExampleNew() {
	t := &testing.T{} // in a test, the *testing.T you were given
	kit := compliancetest.New(t, compliancetest.Options{})
	clinic := kit.Organization(t, "clinic-1")
	v, _ := clinic.Vendors().Add(kit.Ctx, vendors.Vendor{Name: "Vault PACS", Category: vendors.CategoryPACS})
	kit.Clock.AddDays(30)
	fmt.Println(v.ID, v.CreatedAt.Format(time.DateOnly), kit.Clock.Now().Format(time.DateOnly))
	// Output:
	// vendor-1 2026-06-01 2026-07-01
}
