package postgres_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/validation"
)

// TestRiskWindowsFollowStatus: the projected due and review dates follow the risk's
// status through its updates, so a risk accepted with its old due date still set leaves
// the treatment window, and a closed one leaves every window, as in storage/memory. Values
// PostgreSQL would reject are refused before they are sent, and keys it could not hold
// find nothing, without aborting the transaction.
func TestRiskWindowsFollowStatus(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	o := s.Org("org-a")
	r := riskreg.Starter()[0]
	r.ID, r.Status, r.Treatment, r.Justification, r.Owner, r.DueOn =
		"r1", riskreg.StatusTreating, riskreg.TreatMitigate, "encrypt transfers", "IT manager", base+10
	require.NoError(t, o.Update(ctx, func(tx storage.Tx) error { return tx.Risks().Create(ctx, &r) }))
	list := func(q storage.RiskQuery) []riskreg.ID {
		t.Helper()
		var out []riskreg.ID
		require.NoError(t, o.View(ctx, func(tx storage.Tx) error {
			for v, err := range tx.Risks().List(ctx, q) {
				if err != nil {
					return err
				}
				out = append(out, v.ID)
			}
			return nil
		}))
		return out
	}
	month := storage.Window{From: base, To: base + 30}
	require.Equal(t, []riskreg.ID{"r1"}, list(storage.RiskQuery{TreatmentDue: month}))
	require.Equal(t, []riskreg.ID{"r1"}, list(storage.RiskQuery{TreatmentDue: storage.Window{From: -1, To: date.Max()}}))
	require.Empty(t, list(storage.RiskQuery{ReviewDue: month}))

	r.Status, r.Treatment = riskreg.StatusAccepted, riskreg.TreatAccept
	r.Acceptance = &riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: base, ReviewOn: base + 20, Justification: "low residual risk"}
	require.NoError(t, o.Update(ctx, func(tx storage.Tx) error { return tx.Risks().Update(ctx, &r) }))
	require.Empty(t, list(storage.RiskQuery{TreatmentDue: month}), "accepted: no longer a treatment due")
	require.Equal(t, []riskreg.ID{"r1"}, list(storage.RiskQuery{ReviewDue: month}))

	r.Status = riskreg.StatusClosed
	require.NoError(t, o.Update(ctx, func(tx storage.Tx) error { return tx.Risks().Update(ctx, &r) }))
	require.Empty(t, list(storage.RiskQuery{TreatmentDue: month}))
	require.Empty(t, list(storage.RiskQuery{ReviewDue: month}), "closed: its acceptance is no longer reviewed")
	require.Empty(t, list(storage.RiskQuery{Open: true}))
	require.Equal(t, []riskreg.ID{"r1"}, list(storage.RiskQuery{}))
	require.Empty(t, list(storage.RiskQuery{TreatmentDue: month, ReviewDue: month}), "no risk is in both windows")

	require.NoError(t, o.Update(ctx, func(tx storage.Tx) error {
		_, err := tx.ControlDecisions().Get(ctx, controls.DecisionKey{CatalogVersion: "2013-omnibus\x00", Control: "164.312(a)(2)(iv)"})
		require.ErrorIs(t, err, storage.ErrNotFound)
		for _, err := range tx.ControlDecisions().List(ctx, "\xff") {
			require.NoError(t, err)
			t.Fatal("a catalog version no row can hold lists nothing")
		}
		d := controls.AddressableDecision{Control: "164.312(a)(2)(iv)", CatalogVersion: "2013-omnibus\x00",
			Decision: controls.DecisionImplemented, DecidedBy: "Security officer", DecidedOn: base}
		require.ErrorIs(t, tx.ControlDecisions().Create(ctx, &d), validation.ErrInvalid)
		far := r
		far.Status, far.DueOn = riskreg.StatusTreating, date.New(300000, time.January, 1)
		require.ErrorIs(t, tx.Risks().Update(ctx, &far), validation.ErrInvalid)
		_, err = tx.Risks().Get(ctx, "r1")
		return err // the transaction goes on
	}))
}
