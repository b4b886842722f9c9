package storagetest

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// newRisk is a starter risk with a fresh id, open and rated on the 3x3 method.
func newRisk(t *testing.T, id riskreg.ID) riskreg.Risk {
	t.Helper()
	r := riskreg.Starter()[0]
	r.ID, r.CreatedAt, r.UpdatedAt = id, t0, t0
	return r
}

func createRisks(t *testing.T, s storage.Store, o org.ID, rs ...riskreg.Risk) {
	t.Helper()
	update(t, s, o, func(tx storage.Tx) error {
		for k := range rs {
			if err := tx.Risks().Create(ctx, &rs[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

func listRisks(t *testing.T, s storage.Store, o org.ID, q storage.RiskQuery) []riskreg.ID {
	t.Helper()
	out := []riskreg.ID{}
	view(t, s, o, func(tx storage.Tx) error {
		for _, r := range collect(t, tx.Risks().List(ctx, q)) {
			out = append(out, r.ID)
		}
		return nil
	})
	return out
}

var riskTests = []test{
	{"Risk/RoundTrip", "every field of a risk (money as decimals) survives storage; versions; ErrExists, ErrConflict, ErrNotFound; unknown enums refused", func(t *testing.T, s storage.Store) {
		r := newRisk(t, "r1")
		r.Quant = &riskreg.Quant{SLE: decimal.RequireFromString("250000.10"), ARO: decimal.RequireFromString("0.15"),
			MitigationCost: decimal.RequireFromString("12000"), ResidualARO: decimal.RequireFromString("0.03")}
		r.Treatment, r.Justification, r.Owner, r.DueOn, r.Status = riskreg.TreatMitigate, "encrypt transfers", "IT manager", d0+30, riskreg.StatusTreating
		createRisks(t, s, orgA, r)
		var got riskreg.Risk
		view(t, s, orgA, func(tx storage.Tx) (err error) { got, err = tx.Risks().Get(ctx, "r1"); return err })
		r.Version = 1
		sameJSON(t, r, got)
		require.True(t, got.Quant.SLE.Equal(decimal.RequireFromString("250000.10")), "money is exact")
		stale := got
		got.Owner = "Security officer"
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Risks().Update(ctx, &got) })
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Risks().Update(ctx, &stale) }), storage.ErrConflict)
		dup := newRisk(t, "r1")
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Risks().Create(ctx, &dup) }), storage.ErrExists)
		bad := newRisk(t, "r2")
		bad.Status = "forgotten"
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Risks().Create(ctx, &bad) }), validation.ErrInvalid)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error { _, err := tx.Risks().Get(ctx, "r1"); return err }), storage.ErrNotFound)
	}},
	{"Risk/List", "the register lists open risks by id, treatments due in a window by due date, and accepted risks due for review by review date; [From, To)", func(t *testing.T, s storage.Store) {
		a := newRisk(t, "a")
		b := newRisk(t, "b")
		b.Status, b.Treatment, b.Owner, b.DueOn = riskreg.StatusTreating, riskreg.TreatMitigate, "IT", d0+10
		c := newRisk(t, "c")
		c.Status, c.Treatment, c.Owner, c.DueOn = riskreg.StatusTreating, riskreg.TreatTransfer, "IT", d0+5
		d := newRisk(t, "d")
		d.Status, d.Treatment = riskreg.StatusAccepted, riskreg.TreatAccept
		d.Acceptance = &riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: d0 - 300, ReviewOn: d0 + 7, Justification: "low residual"}
		e := newRisk(t, "e")
		e.Status = riskreg.StatusClosed
		createRisks(t, s, orgA, e, d, c, b, a)
		require.Equal(t, []riskreg.ID{"a", "b", "c", "d", "e"}, listRisks(t, s, orgA, storage.RiskQuery{}))
		require.Equal(t, []riskreg.ID{"a", "b", "c", "d"}, listRisks(t, s, orgA, storage.RiskQuery{Open: true}))
		require.Equal(t, []riskreg.ID{"c", "b"}, listRisks(t, s, orgA, storage.RiskQuery{TreatmentDue: storage.Window{From: d0, To: d0 + 11}}))
		require.Equal(t, []riskreg.ID{"c"}, listRisks(t, s, orgA, storage.RiskQuery{TreatmentDue: storage.Window{From: d0 + 5, To: d0 + 10}}), "To is exclusive")
		require.Equal(t, []riskreg.ID{"d"}, listRisks(t, s, orgA, storage.RiskQuery{ReviewDue: storage.Before(d0 + 8)}))
		require.Equal(t, []riskreg.ID{}, listRisks(t, s, orgA, storage.RiskQuery{ReviewDue: storage.Before(d0 + 7)}))
		require.Equal(t, []riskreg.ID{}, listRisks(t, s, orgB, storage.RiskQuery{}))
	}},
	{"Analysis/CRUD", "analyses are stored whole with their frozen risks, listed by year then id, versioned", func(t *testing.T, s storage.Store) {
		a25 := riskreg.Snapshot("sra-2025", 2025, riskreg.MethodHHS3x3, []riskreg.Risk{newRisk(t, "r1")})
		a26 := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{newRisk(t, "r1"), newRisk(t, "r2")})
		a25.CreatedAt, a26.CreatedAt = t0, t0
		update(t, s, orgA, func(tx storage.Tx) error {
			if err := tx.Analyses().Create(ctx, &a26); err != nil {
				return err
			}
			return tx.Analyses().Create(ctx, &a25)
		})
		var got []riskreg.Analysis
		view(t, s, orgA, func(tx storage.Tx) error {
			got = collect(t, tx.Analyses().List(ctx, storage.AnalysisQuery{}))
			return nil
		})
		require.Len(t, got, 2)
		require.Equal(t, riskreg.AnalysisID("sra-2025"), got[0].ID)
		a26.Version = 1
		sameJSON(t, a26, got[1])
		stale := got[1]
		require.NoError(t, got[1].Approve("Dr. Osei", d0))
		update(t, s, orgA, func(tx storage.Tx) error { return tx.Analyses().Update(ctx, &got[1]) })
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Analyses().Update(ctx, &stale) }), storage.ErrConflict)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error { _, err := tx.Analyses().Get(ctx, "sra-2026"); return err }), storage.ErrNotFound)
	}},
	{"ControlDecision/CRUD", "one decision per addressable control and catalog version, listed by control; ErrExists on a second", func(t *testing.T, s storage.Store) {
		mk := func(id controls.ID, version string) controls.AddressableDecision {
			return controls.AddressableDecision{Control: id, CatalogVersion: version, Decision: controls.DecisionAlternative,
				Alternative: "VPN tunnel between sites", Reason: "the PACS cannot encrypt natively",
				DecidedBy: "Security officer", DecidedOn: d0, CreatedAt: t0, UpdatedAt: t0}
		}
		e2 := mk("164.312(e)(2)(ii)", controls.CurrentVersion)
		a2 := mk("164.312(a)(2)(iv)", controls.CurrentVersion)
		other := mk("164.312(a)(2)(iv)", "2027-final")
		update(t, s, orgA, func(tx storage.Tx) error {
			for _, d := range []*controls.AddressableDecision{&e2, &a2, &other} {
				if err := tx.ControlDecisions().Create(ctx, d); err != nil {
					return err
				}
			}
			return nil
		})
		view(t, s, orgA, func(tx storage.Tx) error {
			ds := collect(t, tx.ControlDecisions().List(ctx, controls.CurrentVersion))
			require.Len(t, ds, 2)
			require.Equal(t, controls.ID("164.312(a)(2)(iv)"), ds[0].Control)
			got, err := tx.ControlDecisions().Get(ctx, controls.DecisionKey{CatalogVersion: controls.CurrentVersion, Control: "164.312(e)(2)(ii)"})
			require.NoError(t, err)
			e2.Version = 1
			sameJSON(t, e2, got)
			return nil
		})
		dup := mk("164.312(e)(2)(ii)", controls.CurrentVersion)
		require.ErrorIs(t, s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.ControlDecisions().Create(ctx, &dup) }), storage.ErrExists)
		e2.Decision, e2.Alternative = controls.DecisionImplemented, ""
		update(t, s, orgA, func(tx storage.Tx) error { return tx.ControlDecisions().Update(ctx, &e2) })
		require.EqualValues(t, 2, e2.Version)
		require.ErrorIs(t, s.Org(orgB).View(ctx, func(tx storage.Tx) error {
			_, err := tx.ControlDecisions().Get(ctx, controls.DecisionKey{CatalogVersion: controls.CurrentVersion, Control: "164.312(e)(2)(ii)"})
			return err
		}), storage.ErrNotFound)
	}},
}
