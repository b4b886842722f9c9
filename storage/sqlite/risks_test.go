package sqlite_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
)

// TestRiskWindowsFollowStatus: the projected due and review dates follow the risk's
// status through its updates, so a risk accepted with its old due date still set leaves
// the treatment window, and a closed one leaves every window, as in storage/memory.
func TestRiskWindowsFollowStatus(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	o := s.Org("org-a")
	r := riskreg.Starter()[0]
	r.ID, r.Status, r.Treatment, r.Justification, r.Owner, r.DueOn =
		"r1", riskreg.StatusTreating, riskreg.TreatMitigate, "encrypt transfers", "IT manager", d0+10
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
	month := storage.Window{From: d0, To: d0 + 30}
	require.Equal(t, []riskreg.ID{"r1"}, list(storage.RiskQuery{TreatmentDue: month}))
	require.Empty(t, list(storage.RiskQuery{ReviewDue: month}))

	r.Status, r.Treatment = riskreg.StatusAccepted, riskreg.TreatAccept
	r.Acceptance = &riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: d0, ReviewOn: d0 + 20, Justification: "low residual risk"}
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
}
