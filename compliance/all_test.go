package compliance_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/vendors"
)

func TestAllReadsEveryPage(t *testing.T) {
	_, clinic := setup(t)
	for i := range 7 {
		addBA(t, clinic, fmt.Sprintf("Vendor %02d", i), vendors.CategoryPACS)
	}
	pages := 0
	list := func(ctx context.Context, q compliance.VendorQuery) (compliance.Page[vendors.Vendor], error) {
		pages++
		return clinic.Vendors().List(ctx, q)
	}
	got, err := compliance.All(admin, list, compliance.VendorQuery{PageQuery: compliance.PageQuery{Limit: 3}})
	require.NoError(t, err)
	require.Len(t, got, 7)
	require.Equal(t, 3, pages, "7 vendors, 3 a page")
	for i, v := range got {
		require.Equal(t, fmt.Sprintf("Vendor %02d", i), v.Name, "in the listing's order, each once")
	}

	// An error stops the reading and no items are returned.
	_, err = compliance.All(admin, clinic.Vendors().List, compliance.VendorQuery{PageQuery: compliance.PageQuery{Cursor: "not-a-cursor"}})
	require.Equal(t, compliance.InvalidInput, compliance.Code(err))

	// An empty listing is an empty list, not nil.
	none, err := compliance.All(admin, clinic.Vendors().List, compliance.VendorQuery{States: []vendors.State{vendors.StateTerminated}})
	require.NoError(t, err)
	require.NotNil(t, none)
	require.Empty(t, none)
}
