package storagetest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
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
}
