package storagetest

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

var orgTests = []test{
	{"Org/CreateOtherID", "a handle cannot create another organization's profile", func(t *testing.T, s storage.Store) {
		o := newOrg(orgB)
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Organization().Create(ctx, &o) })
		require.Error(t, err)
		for _, id := range []org.ID{orgA, orgB} {
			err := s.Org(id).View(ctx, func(tx storage.Tx) error { _, err := tx.Organization().Get(ctx); return err })
			require.ErrorIs(t, err, storage.ErrNotFound)
		}
	}},
}

var vendorTests = []test{
	{"Vendor/UnknownEnumRefused", "a vendor with an unknown category or BAA state is refused with its validation error, and nothing is written (an empty one is left out of the document, so that the zero vendor marshals; the engine's validation refuses it)", func(t *testing.T, s storage.Store) {
		good := newVendor("v1", "Stored", vendors.StateRequested)
		createVendors(t, s, orgA, good)
		for _, bad := range []vendors.Vendor{
			newVendor("v2", "Unknown state", "archived"),
			func() vendors.Vendor {
				v := newVendor("v4", "Unknown category", vendors.StateRequested)
				v.Category = "astrology"
				return v
			}(),
		} {
			err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &bad) })
			require.ErrorIs(t, err, validation.ErrInvalid, "create %s", bad.Name)
			_, err = getVendor(t, s, orgA, bad.ID)
			require.ErrorIs(t, err, storage.ErrNotFound, "create %s", bad.Name)
		}
		v, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		v.BAA.State = "archived"
		err = s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) })
		require.ErrorIs(t, err, validation.ErrInvalid)
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		require.Equal(t, vendors.StateRequested, got.BAA.State)
		require.EqualValues(t, 1, got.Version)
	}},
}

// errBoom is what failing transaction functions return.
var errBoom = errors.New("boom")
