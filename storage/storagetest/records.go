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
	{"Org/CreateGet", "an organization is stored with version 1 and read back whole", func(t *testing.T, s storage.Store) {
		o := newOrg(orgA)
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Organization().Create(ctx, &o) })
		require.EqualValues(t, 1, o.Version)
		view(t, s, orgA, func(tx storage.Tx) error {
			got, err := tx.Organization().Get(ctx)
			require.NoError(t, err)
			sameJSON(t, o, got)
			return nil
		})
	}},
	{"Org/GetMissing", "an organization never created is ErrNotFound", func(t *testing.T, s storage.Store) {
		err := s.Org(orgA).View(ctx, func(tx storage.Tx) error {
			_, err := tx.Organization().Get(ctx)
			return err
		})
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Org/CreateTwice", "creating an existing organization is ErrExists and changes nothing", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		o := newOrg(orgA)
		o.Name = "Other"
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Organization().Create(ctx, &o) })
		require.ErrorIs(t, err, storage.ErrExists)
		view(t, s, orgA, func(tx storage.Tx) error {
			got, err := tx.Organization().Get(ctx)
			require.NoError(t, err)
			require.Equal(t, "Practice org-a", got.Name)
			return nil
		})
	}},
	{"Org/CreateOtherID", "a handle cannot create another organization's profile", func(t *testing.T, s storage.Store) {
		o := newOrg(orgB)
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Organization().Create(ctx, &o) })
		require.Error(t, err)
		for _, id := range []org.ID{orgA, orgB} {
			err := s.Org(id).View(ctx, func(tx storage.Tx) error { _, err := tx.Organization().Get(ctx); return err })
			require.ErrorIs(t, err, storage.ErrNotFound)
		}
	}},
	{"Org/UpdateVersion", "an update at the stored version advances it; a stale one is ErrConflict", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		var o org.Organization
		view(t, s, orgA, func(tx storage.Tx) (err error) { o, err = tx.Organization().Get(ctx); return err })
		stale := o
		o.Name = "Renamed"
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Organization().Update(ctx, &o) })
		require.EqualValues(t, 2, o.Version)
		stale.Name = "Lost"
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Organization().Update(ctx, &stale) })
		require.ErrorIs(t, err, storage.ErrConflict)
		view(t, s, orgA, func(tx storage.Tx) error {
			got, err := tx.Organization().Get(ctx)
			require.NoError(t, err)
			require.Equal(t, "Renamed", got.Name)
			require.EqualValues(t, 2, got.Version)
			return nil
		})
	}},
}

var vendorTests = []test{
	{"Vendor/UnknownEnumRefused", "a vendor with an unknown or empty category or BAA state is refused with its validation error, and nothing is written", func(t *testing.T, s storage.Store) {
		good := newVendor("v1", "Stored", vendors.StateRequested)
		createVendors(t, s, orgA, good)
		for _, bad := range []vendors.Vendor{
			newVendor("v2", "Unknown state", "archived"),
			newVendor("v3", "Empty state", ""),
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
	{"Vendor/RoundTrip", "every field of a vendor, its determinations, BAA and past BAAs survives storage", func(t *testing.T, s storage.Store) {
		v := fullVendor("v1")
		createVendors(t, s, orgA, v)
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		v.Version = 1
		sameJSON(t, v, got)
		require.NotNil(t, got.PastBAAs[0].Termination)
	}},
	{"Vendor/CreateSetsVersion", "Create stores version 1 and sets it on the value", func(t *testing.T, s storage.Store) {
		v := newVendor("v1", "Acme Specialty Rx", vendors.StateNotRequested)
		v.Version = 42
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) })
		require.EqualValues(t, 1, v.Version)
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		require.EqualValues(t, 1, got.Version)
	}},
	{"Vendor/CreateDuplicate", "a second vendor with the same id is ErrExists and the first is kept", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, newVendor("v1", "First", vendors.StateNotRequested))
		dup := newVendor("v1", "Second", vendors.StateNotRequested)
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &dup) })
		require.ErrorIs(t, err, storage.ErrExists)
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		require.Equal(t, "First", got.Name)
	}},
	{"Vendor/GetMissing", "an unknown id is ErrNotFound", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		_, err := getVendor(t, s, orgA, "nope")
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Vendor/UpdateVersion", "Update at the stored version stores and advances it", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, newVendor("v1", "Acme", vendors.StateNotRequested))
		v, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		v.Name = "Acme Renamed"
		v.BAA.State = vendors.StateRequested
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) })
		require.EqualValues(t, 2, v.Version)
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		sameJSON(t, v, got)
	}},
	{"Vendor/UpdateStale", "Update with a stale version is ErrConflict and changes nothing", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, newVendor("v1", "Acme", vendors.StateNotRequested))
		a, _ := getVendor(t, s, orgA, "v1")
		b := a.Clone()
		a.Name = "Winner"
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &a) })
		b.Name = "Loser"
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &b) })
		require.ErrorIs(t, err, storage.ErrConflict)
		got, _ := getVendor(t, s, orgA, "v1")
		require.Equal(t, "Winner", got.Name)
		require.EqualValues(t, 2, got.Version)
	}},
	{"Vendor/UpdateMissing", "Update of an unknown id is ErrNotFound and creates nothing", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		v := newVendor("ghost", "Ghost", vendors.StateNotRequested)
		v.Version = 1
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) })
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = getVendor(t, s, orgA, "ghost")
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Vendor/CopiesOut", "a value read from the store does not share memory with the stored one", func(t *testing.T, s storage.Store) {
		v := fullVendor("v1")
		createVendors(t, s, orgA, v)
		v.DataShared[0] = vendors.DataImaging // the caller's value is not the stored one
		got, _ := getVendor(t, s, orgA, "v1")
		require.Equal(t, vendors.DataMolecularGenomic, got.DataShared[0])
		got.BAA.Clauses[0] = vendors.ClauseTermination
		got.PastBAAs[0].Termination.Reason = "edited"
		again, _ := getVendor(t, s, orgA, "v1")
		require.Equal(t, vendors.ClausePermittedUses, again.BAA.Clauses[0])
		require.Equal(t, "replaced", again.PastBAAs[0].Termination.Reason)
	}},
}

// errBoom is what failing transaction functions return.
var errBoom = errors.New("boom")
