// Package storagetest is the conformance suite every [storage.Store] backend passes.
//
// A backend's test calls [Run] with a constructor that returns a fresh, empty store for
// each subtest:
//
//	func TestConformance(t *testing.T) {
//		storagetest.Run(t, func(t *testing.T) storage.Store { return memory.New() })
//	}
//
// Each behaviour of the contract is specified here once. The CRUD of every aggregate
// (the profile, vendors, templates, tasks, members, trials, incidents, risks, analyses and
// control decisions) is one generic body run over each of them, the way Go CDK's
// drivertest runs one over several collections: create and read back whole, versions,
// a duplicate key, a missing record, a stale version, copies in and out, unknown enum
// values, rollback and other organizations; and each listing's order, filter and pages
// (limit and cursor). Then the window queries and their boundaries, the audit chain and
// the event outbox, concurrent writers, and the engine's use cases leaving nothing behind
// when they fail.
package storagetest

import (
	"context"
	"encoding/json"
	"iter"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

// NewStore returns a fresh, empty store; the suite closes it when the subtest ends.
type NewStore func(t *testing.T) storage.Store

type test struct {
	name string
	// explanation says what the contract requires.
	explanation string
	f           func(t *testing.T, s storage.Store)
}

// Run runs every conformance test, each on its own store from newStore.
func Run(t *testing.T, newStore NewStore) {
	t.Helper()
	var all []test
	all = append(all, crudTests()...)
	all = append(all, orgTests...)
	all = append(all, vendorTests...)
	all = append(all, queryTests...)
	all = append(all, taskTests...)
	all = append(all, incidentTests...)
	all = append(all, riskTests...)
	all = append(all, txTests...)
	all = append(all, logTests...)
	all = append(all, isolationTests...)
	all = append(all, concurrencyTests...)
	all = append(all, engineTests...)
	all = append(all, sweepTests...)
	all = append(all, incidentEngineTests...)
	for _, tc := range all {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() { _ = s.Close() })
			t.Log(tc.explanation)
			tc.f(t, s)
		})
	}
}

var ctx = context.Background()

// Fixed values the tests build records from.
var (
	orgA = org.ID("org-a")
	orgB = org.ID("org-b")
	t0   = time.Date(2026, 3, 2, 15, 4, 5, 123456000, time.UTC)
	d0   = date.New(2026, time.March, 2)
)

func newOrg(id org.ID) org.Organization {
	return org.Organization{ID: id, Name: "Practice " + string(id), TimeZone: "America/Chicago",
		Sites:     []org.Site{{ID: "main", Name: "Cancer Center"}, {ID: "infusion", Name: "Infusion Suite"}},
		CreatedAt: t0, UpdatedAt: t0}
}

// newVendor returns a vendor with a BAA in the given state; next review, expiry and last
// activity dates are set by the caller where they matter.
func newVendor(id vendors.ID, name string, state vendors.State) vendors.Vendor {
	return vendors.Vendor{ID: id, Name: name, Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		BAA:        vendors.BAA{State: state}, CreatedAt: t0, UpdatedAt: t0}
}

// fullVendor has every field set, to prove a backend keeps all of it.
func fullVendor(id vendors.ID) vendors.Vendor {
	return vendors.Vendor{
		ID: id, Name: "Genomix Molecular Lab", Category: vendors.CategoryMolecularTesting,
		DataShared: []vendors.DataCategory{vendors.DataMolecularGenomic, vendors.DataPathology},
		Sites:      []org.SiteID{"main", "infusion"},
		Contact:    vendors.Contact{Name: "Dana Reyes", Email: "dana@genomix.example", Phone: "+1 312 555 0100"},
		Owner:      "Practice administrator", Notes: "Tumor NGS panels; results via portal",
		Determinations: []vendors.Determination{
			{Outcome: vendors.OutcomeNeedsLegalReview, Rationale: "research use?", DecidedBy: "Privacy officer", DecidedOn: d0 - 10},
			{Outcome: vendors.OutcomeBusinessAssociate, Rationale: "performs testing on our behalf", DecidedBy: "Counsel", DecidedOn: d0 - 5},
		},
		BAA: vendors.BAA{
			State: vendors.StateRenewed, RequestedOn: d0 - 400, LastActivityOn: d0,
			FollowUps: []vendors.FollowUp{{On: d0 - 390, By: "Admin", Note: "called"}},
			SignedOn:  d0 - 380, EffectiveOn: d0 - 375, ExpiresOn: d0 + 700, ReviewMonths: 12,
			NextReviewOn: d0 + 365, LastReviewedOn: d0,
			Clauses:       []vendors.Clause{vendors.ClausePermittedUses, vendors.ClauseReporting},
			ReportingDays: 10, DocumentRef: "dms://baa/genomix-2025.pdf",
			History: []vendors.Transition{{From: vendors.StateNotRequested, To: vendors.StateRequested, On: d0 - 400, By: "Admin"}},
		},
		PastBAAs: []vendors.BAA{{State: vendors.StateTerminated, Termination: &vendors.Termination{
			On: d0 - 500, Reason: "replaced", Disposition: vendors.DispositionDestroyed, CertifiedOn: d0 - 480}}},
		CreatedAt: t0, UpdatedAt: t0.Add(time.Hour),
	}
}

// update runs fn in a write transaction and fails the test on error.
func update(t *testing.T, s storage.Store, id org.ID, fn func(tx storage.Tx) error) {
	t.Helper()
	require.NoError(t, s.Org(id).Update(ctx, fn))
}

// view runs fn in a read transaction and fails the test on error.
func view(t *testing.T, s storage.Store, id org.ID, fn func(tx storage.Tx) error) {
	t.Helper()
	require.NoError(t, s.Org(id).View(ctx, fn))
}

func createOrg(t *testing.T, s storage.Store, id org.ID) {
	t.Helper()
	o := newOrg(id)
	update(t, s, id, func(tx storage.Tx) error { return tx.Organization().Create(ctx, &o) })
}

func createVendors(t *testing.T, s storage.Store, id org.ID, vs ...vendors.Vendor) {
	t.Helper()
	update(t, s, id, func(tx storage.Tx) error {
		for i := range vs {
			if err := tx.Vendors().Create(ctx, &vs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func getVendor(t *testing.T, s storage.Store, o org.ID, id vendors.ID) (v vendors.Vendor, err error) {
	t.Helper()
	_ = s.Org(o).View(ctx, func(tx storage.Tx) error {
		v, err = tx.Vendors().Get(ctx, id)
		return nil
	})
	return v, err
}

func collect[T any](t *testing.T, seq iter.Seq2[T, error]) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}

func ids(vs []vendors.Vendor) []vendors.ID {
	out := []vendors.ID{}
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

// sameJSON compares two values by their JSON encoding, so that time.Time values equal to
// the microsecond in UTC compare equal whatever their internal representation.
func sameJSON(t *testing.T, want, got any) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, string(w), string(g))
}
