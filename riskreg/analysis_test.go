package riskreg_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/validation"
)

func TestSnapshotIndependentOfRegister(t *testing.T) {
	register := []riskreg.Risk{fullRisk(t), ratedRisk(t, "r2", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})}
	a := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, register)
	require.NoError(t, a.Validate())
	want := a.Clone()

	// 45 CFR 164.308(a)(1)(ii)(A): the analysis documents the register as it was.
	register[0].Title = "changed"
	register[0].Reviews[0].Note = "changed"
	register[0].Acceptance.ApprovedBy = "changed"
	register[0].Quant.SLE = dec("1")
	register[0].Controls[0] = "164.999(z)"
	require.NoError(t, register[1].Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "TLS", Owner: "it", Due: day(2026, time.June, 1)}))
	register = append(register[:1], newRisk("r3"))
	assert.Equal(t, want, a)
}

func TestApprove(t *testing.T) {
	a := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{newRisk("r1")})
	assert.False(t, a.Frozen())
	requireInvalid(t, a.Approve(riskreg.Approval{By: "", On: day(2026, time.March, 1)}), "approved_by", "must name the approver")
	requireInvalid(t, a.Approve(riskreg.Approval{By: approver, On: date.Zero}), "approved_on", "must be set")
	assert.False(t, a.Frozen())

	require.NoError(t, a.Approve(riskreg.Approval{By: approver, On: day(2026, time.March, 1)}))
	assert.True(t, a.Frozen())
	assert.Equal(t, approver, a.ApprovedBy)

	t.Run("45 CFR 164.316(b)(1) an analysis approved twice is refused", func(t *testing.T) {
		err := a.Approve(riskreg.Approval{By: "someone else", On: day(2026, time.March, 2)})
		require.ErrorIs(t, err, riskreg.ErrFrozen)
		assert.NotErrorIs(t, err, validation.ErrInvalid)
		assert.Contains(t, err.Error(), `analysis "sra-2026" was approved by Dr. Rivera, CEO on 2026-03-01`)
		assert.Equal(t, approver, a.ApprovedBy)
		assert.Equal(t, day(2026, time.March, 1), a.ApprovedOn)
	})
	t.Run("45 CFR 164.316(b)(1) editing a frozen snapshot is refused", func(t *testing.T) {
		before := a.Clone()
		assert.ErrorIs(t, a.Put(newRisk("r2")), riskreg.ErrFrozen)
		assert.ErrorIs(t, a.Put(ratedRisk(t, "r1", [2]riskreg.Level{3, 3}, [2]riskreg.Level{3, 3})), riskreg.ErrFrozen)
		removed, err := a.Remove("r1")
		assert.ErrorIs(t, err, riskreg.ErrFrozen)
		assert.False(t, removed)
		assert.Equal(t, before, a)
	})
}

func TestAnalysisEditBeforeApproval(t *testing.T) {
	a := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{newRisk("r1")})
	r2 := newRisk("r2")
	require.NoError(t, a.Put(r2))
	r2.Title = "changed after Put"
	got, ok := a.Risk("r2")
	require.True(t, ok)
	assert.Equal(t, "Risk r2", got.Title, "Put stores a copy")

	upd := ratedRisk(t, "r1", [2]riskreg.Level{2, 2}, [2]riskreg.Level{1, 2})
	require.NoError(t, a.Put(upd))
	require.Len(t, a.Risks, 2)
	assert.Equal(t, upd.Inherent, a.Risks[0].Inherent, "Put replaces by ID in place")

	removed, err := a.Remove("r2")
	require.NoError(t, err)
	assert.True(t, removed)
	removed, err = a.Remove("r2")
	require.NoError(t, err)
	assert.False(t, removed)
	_, ok = a.Risk("r2")
	assert.False(t, ok)
}

func TestAnalysisValidate(t *testing.T) {
	nist := method(t, riskreg.MethodNIST5x5)
	onNIST := ratedRisk(t, "r9", [2]riskreg.Level{2, 2}, [2]riskreg.Level{1, 2})
	require.NoError(t, onNIST.ChangeMethod(nist, day(2026, time.February, 1), actor, nil))
	tests := []struct {
		name   string
		change func(a *riskreg.Analysis)
		field  string
		rule   string
	}{
		{"no id", func(a *riskreg.Analysis) { a.ID = "" }, "id", "must not be empty"},
		{"year before HIPAA", func(a *riskreg.Analysis) { a.Year = 26 }, "year", "must be a calendar year"},
		{"unknown method", func(a *riskreg.Analysis) { a.Method = "fair" }, "method", "is not one of"},
		{"approved on without approver", func(a *riskreg.Analysis) { a.ApprovedOn = day(2026, time.March, 1) }, "approved_by", "set together"},
		{"risk listed twice", func(a *riskreg.Analysis) { a.Risks = append(a.Risks, a.Risks[0]) }, "risks[1].id", "listed twice"},
		{"invalid risk names its index", func(a *riskreg.Analysis) { a.Risks[0].Asset = "" }, "risks[0].asset", "must name the asset"},
		{"risk on another method", func(a *riskreg.Analysis) { a.Risks = append(a.Risks, onNIST) }, "risks[1].method", "differs from the analysis's method hhs-sra-3x3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{ratedRisk(t, "r1", [2]riskreg.Level{1, 1}, [2]riskreg.Level{1, 1})})
			require.NoError(t, a.Validate())
			tt.change(&a)
			requireInvalid(t, a.Validate(), tt.field, tt.rule)
		})
	}
}

// withStatus returns a risk rated on the 3×3 method with residual {l, i}, in status s.
func withStatus(t *testing.T, id riskreg.ID, l, i riskreg.Level, s riskreg.Status) riskreg.Risk {
	t.Helper()
	r := ratedRisk(t, id, [2]riskreg.Level{3, 3}, [2]riskreg.Level{l, i})
	switch s {
	case riskreg.StatusOpen:
	case riskreg.StatusTreating:
		require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "plan", Owner: "owner", Due: day(2026, time.June, 1)}))
	case riskreg.StatusAccepted:
		require.NoError(t, r.Accept(acceptance()))
	case riskreg.StatusClosed:
		require.NoError(t, r.Close(riskreg.Closing{On: day(2026, time.March, 1), Note: "done"}, actor))
	}
	return r
}

func TestCompare(t *testing.T) {
	O, T, A, C := riskreg.StatusOpen, riskreg.StatusTreating, riskreg.StatusAccepted, riskreg.StatusClosed
	prev := riskreg.Snapshot("sra-2025", 2025, riskreg.MethodHHS3x3, []riskreg.Risk{
		withStatus(t, "same", 2, 2, O),
		withStatus(t, "up-rating", 1, 2, O),      // low → moderate
		withStatus(t, "up-score", 1, 3, T),       // moderate 3 → moderate 4
		withStatus(t, "down-rating", 3, 3, T),    // high → low
		withStatus(t, "down-score", 2, 2, O),     // moderate 4 → moderate 3
		withStatus(t, "closed-now", 2, 2, T),     // closed this year
		withStatus(t, "dropped", 2, 2, O),        // no longer in the register
		withStatus(t, "closed-before", 1, 1, C),  // closed both years
		withStatus(t, "dropped-closed", 1, 1, C), // closed, then removed
	})
	cur := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{
		withStatus(t, "same", 2, 2, A),
		withStatus(t, "up-rating", 2, 2, O),
		withStatus(t, "up-score", 2, 2, T),
		withStatus(t, "down-rating", 1, 1, A),
		withStatus(t, "down-score", 3, 1, O),
		withStatus(t, "closed-now", 2, 2, C),
		withStatus(t, "closed-before", 1, 1, C),
		withStatus(t, "new-open", 3, 3, O),
		withStatus(t, "new-closed", 3, 3, C),
	})

	t.Run("45 CFR 164.308(a)(1)(ii)(A) year over year", func(t *testing.T) {
		got := riskreg.Compare(&prev, &cur, day(2027, time.March, 1))
		assert.Equal(t, []riskreg.ID{"new-open"}, got.New)
		assert.Equal(t, []riskreg.ID{"closed-now", "dropped", "new-closed"}, got.Closed)
		assert.Equal(t, []riskreg.ID{"up-rating", "up-score"}, got.Increased)
		assert.Equal(t, []riskreg.ID{"down-rating", "down-score"}, got.Decreased)
		// Accepted on 2026-02-01 with review on 2027-02-01, which is before 2027-03-01.
		assert.Equal(t, []riskreg.ID{"down-rating", "same"}, got.AcceptedPastReview)
	})
	t.Run("45 CFR 164.308(a)(1)(ii)(B) acceptance due on the day is not past review", func(t *testing.T) {
		got := riskreg.Compare(&prev, &cur, day(2027, time.February, 1))
		assert.Empty(t, got.AcceptedPastReview)
		got = riskreg.Compare(&prev, &cur, day(2027, time.February, 2))
		assert.Len(t, got.AcceptedPastReview, 2)
	})
	t.Run("no previous analysis: every open risk is new", func(t *testing.T) {
		got := riskreg.Compare(nil, &prev, day(2026, time.January, 1))
		assert.Equal(t, []riskreg.ID{"closed-now", "down-rating", "down-score", "dropped", "same", "up-rating", "up-score"}, got.New)
		assert.Equal(t, []riskreg.ID{"closed-before", "dropped-closed"}, got.Closed)
		assert.Empty(t, got.Increased)
		assert.Empty(t, got.Decreased)
	})
	t.Run("the same analysis: nothing changed", func(t *testing.T) {
		got := riskreg.Compare(&cur, &cur, day(2026, time.January, 1))
		assert.Equal(t, riskreg.Comparison{}, got)
	})
	t.Run("across methods ratings compare, scores do not", func(t *testing.T) {
		nist := method(t, riskreg.MethodNIST5x5)
		p := withStatus(t, "x", 2, 2, O) // 3×3 moderate, score 4
		c1 := p.Clone()
		require.NoError(t, c1.ChangeMethod(nist, day(2026, time.April, 1), actor, nil)) // 3×3 → 5×5: 3×3 moderate, score 9
		a1 := riskreg.Snapshot("a", 2025, riskreg.MethodHHS3x3, []riskreg.Risk{p})
		a2 := riskreg.Snapshot("b", 2026, riskreg.MethodNIST5x5, []riskreg.Risk{c1})
		got := riskreg.Compare(&a1, &a2, day(2026, time.May, 1))
		assert.Empty(t, got.Increased, "same rating on different scales is not an increase")
		assert.Empty(t, got.Decreased)
	})
}
