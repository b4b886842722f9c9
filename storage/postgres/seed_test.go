package postgres_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/vendors"
)

// base is the day the seeded data and the due-window queries are built around.
var base = date.New(2026, time.March, 2)

// dayWindow is the width of the "due for review" window the benchmarks query.
const dayWindow = 60

func seedOrg(i int) org.ID { return org.ID(fmt.Sprintf("org-%03d", i)) }

func seedID(j int) vendors.ID { return vendors.ID(fmt.Sprintf("v-%06d", j)) }

var seedNames = []string{"Genomix Molecular Lab", "Vault PACS", "Carelink Specialty Rx", "OncoStaff Infusion",
	"PriorAuth Partners", "Radiant Planning Cloud", "Secure Courier Shred", "MedBill Services"}

// seedVendor returns vendor j of an organization with perOrg vendors. States cycle
// through every BAA state; next review dates are 8 days apart, so that a 60-day window
// holds 3 or 4 in-force vendors of each organization whatever its size.
func seedVendor(j, perOrg int) vendors.Vendor {
	states := vendors.StateValues()
	st := states[j%len(states)]
	span := 8 * perOrg
	r := rand.New(rand.NewPCG(uint64(j), uint64(perOrg)))
	v := vendors.Vendor{
		ID: seedID(j), Name: fmt.Sprintf("%s %d", seedNames[j%len(seedNames)], j),
		Category:   vendors.CategoryValues()[j%len(vendors.CategoryValues())],
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		Contact:    vendors.Contact{Name: "Dana Reyes", Email: "dana@vendor.example"},
		Owner:      "Practice administrator",
		Determinations: []vendors.Determination{{Outcome: vendors.OutcomeBusinessAssociate,
			Rationale: "handles PHI on our behalf", DecidedBy: "Privacy officer", DecidedOn: base - 400}},
		BAA: vendors.BAA{State: st, RequestedOn: base - 400, LastActivityOn: base - date.Date(j*37%200),
			SignedOn: base - 380, EffectiveOn: base - 375, ReviewMonths: 12,
			NextReviewOn: base + date.Date(8*j-span/4),
			ExpiresOn:    base + date.Date(r.IntN(2*span)),
			Clauses:      vendors.ClauseValues(), ReportingDays: 10,
			History: []vendors.Transition{{From: vendors.StateNotRequested, To: vendors.StateRequested, On: base - 400, By: "Admin"}}},
		Version: 1, CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), UpdatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	return v
}

func pgDate(d date.Date) pgtype.Date {
	if d == date.Zero {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}
}

// seed loads orgs organizations of perOrg vendors each with COPY, and analyzes.
func seed(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	docs := make([][]any, 0, perOrg)
	for j := range perOrg {
		v := seedVendor(j, perOrg)
		doc, err := json.Marshal(&v)
		require.NoError(tb, err)
		docs = append(docs, []any{"", string(v.ID), int64(1), v.Name, string(v.Category), string(v.BAA.State),
			pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc})
	}
	cols := []string{"org_id", "id", "version", "name", "category", "baa_state", "next_review_on", "expires_on", "last_activity_on", "doc"}
	for i := range orgs {
		o := string(seedOrg(i))
		for _, r := range docs {
			r[0] = o
		}
		n, err := pool.CopyFrom(ctx, pgx.Identifier{"vendors"}, cols, pgx.CopyFromRows(docs))
		require.NoError(tb, err)
		require.EqualValues(tb, perOrg, n)
	}
	_, err := pool.Exec(ctx, "ANALYZE vendors")
	require.NoError(tb, err)
}
