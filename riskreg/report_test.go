package riskreg_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
)

// counts turns a heat map into likelihood → impact → count, checking that every cell of
// an n×n grid is present once, likelihood then impact ascending.
func counts(t *testing.T, cells []riskreg.Cell, n int) map[[2]riskreg.Level]int {
	t.Helper()
	require.Len(t, cells, n*n, "every cell of the grid")
	out := map[[2]riskreg.Level]int{}
	k := 0
	for l := 1; l <= n; l++ {
		for i := 1; i <= n; i++ {
			c := cells[k]
			require.Equal(t, riskreg.Level(l), c.Likelihood)
			require.Equal(t, riskreg.Level(i), c.Impact)
			if c.Count != 0 {
				out[[2]riskreg.Level{c.Likelihood, c.Impact}] = c.Count
			}
			k++
		}
	}
	return out
}

func TestHeatMap(t *testing.T) {
	O, T, A, C := riskreg.StatusOpen, riskreg.StatusTreating, riskreg.StatusAccepted, riskreg.StatusClosed
	rs := []riskreg.Risk{
		withStatus(t, "a", 1, 2, O), // inherent 3×3 for all withStatus risks
		withStatus(t, "b", 1, 2, T),
		withStatus(t, "c", 2, 1, A),
		withStatus(t, "d", 1, 1, C), // closed: not counted
		newRisk("unrated"),          // unrated: not counted
	}
	starterDICOM := riskreg.Starter()[0] // inherent 2×3, residual unrated
	rs = append(rs, starterDICOM)

	t.Run("inherent", func(t *testing.T) {
		got := counts(t, riskreg.HeatMap(rs, false), 3)
		assert.Equal(t, map[[2]riskreg.Level]int{{3, 3}: 3, {2, 3}: 1}, got)
	})
	t.Run("residual, falling back to inherent while unrated", func(t *testing.T) {
		got := counts(t, riskreg.HeatMap(rs, true), 3)
		assert.Equal(t, map[[2]riskreg.Level]int{{1, 2}: 2, {2, 1}: 1, {2, 3}: 1}, got)
	})
	t.Run("NIST SP 800-30 Rev.1 5×5 grid", func(t *testing.T) {
		nist := method(t, riskreg.MethodNIST5x5)
		moved := make([]riskreg.Risk, 0, len(rs))
		for _, r := range rs {
			r = r.Clone()
			require.NoError(t, r.ChangeMethod(nist, day(2026, time.December, 1), actor, nil))
			moved = append(moved, r)
		}
		got := counts(t, riskreg.HeatMap(moved, false), 5)
		assert.Equal(t, map[[2]riskreg.Level]int{{5, 5}: 3, {3, 5}: 1}, got)
	})
	t.Run("risks on another method are left out", func(t *testing.T) {
		nist := method(t, riskreg.MethodNIST5x5)
		other := rs[0].Clone()
		require.NoError(t, other.ChangeMethod(nist, day(2026, time.December, 1), actor, nil))
		got := counts(t, riskreg.HeatMap(append([]riskreg.Risk{rs[1]}, other), false), 3)
		assert.Equal(t, map[[2]riskreg.Level]int{{3, 3}: 1}, got)
		got = counts(t, riskreg.HeatMapFor(nist, append([]riskreg.Risk{rs[1]}, other), false), 5)
		assert.Equal(t, map[[2]riskreg.Level]int{{5, 5}: 1}, got)
	})
	t.Run("no risks", func(t *testing.T) {
		assert.Nil(t, riskreg.HeatMap(nil, true))
		counts(t, riskreg.HeatMapFor(method(t, riskreg.MethodHHS3x3), nil, true), 3)
	})
}

func TestTop(t *testing.T) {
	O, T, C := riskreg.StatusOpen, riskreg.StatusTreating, riskreg.StatusClosed
	rs := []riskreg.Risk{
		withStatus(t, "low-b", 1, 2, O),        // low, 2
		withStatus(t, "high-6", 2, 3, T),       // high, 6
		withStatus(t, "closed", 3, 3, C),       // excluded
		withStatus(t, "high-9", 3, 3, O),       // high, 9
		withStatus(t, "low-a", 2, 1, O),        // low, 2: ties with low-b, by id
		withStatus(t, "moderate-3", 3, 1, O),   // moderate, 3
		withStatus(t, "moderate-4", 2, 2, O),   // moderate, 4
		withStatus(t, "high-6-again", 3, 2, O), // high, 6: ties with high-6, by id
	}
	ids := func(rs []riskreg.Risk) []riskreg.ID {
		var out []riskreg.ID
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	t.Run("by residual rating, then score, then id", func(t *testing.T) {
		assert.Equal(t, []riskreg.ID{"high-9", "high-6", "high-6-again", "moderate-4", "moderate-3", "low-a", "low-b"}, ids(riskreg.Top(rs, 0, false)))
		assert.Equal(t, []riskreg.ID{"high-9", "high-6", "high-6-again"}, ids(riskreg.Top(rs, 3, false)))
		assert.Len(t, riskreg.Top(rs, 100, false), 7)
	})
	t.Run("by ALE, unquantified last", func(t *testing.T) {
		q := func(sle, aro string) *riskreg.Quant { return &riskreg.Quant{SLE: dec(sle), ARO: dec(aro)} }
		rs := append([]riskreg.Risk(nil), rs...)
		rs[0].Quant = q("100000", "0.5") // low-b: 50000
		rs[4].Quant = q("10000", "0.1")  // low-a: 1000
		rs[5].Quant = q("250000", "0.2") // moderate-3: 50000, ties low-b, rating breaks the tie
		rs[2].Quant = q("9999999", "1")  // closed: excluded
		got := ids(riskreg.Top(rs, 0, true))
		assert.Equal(t, []riskreg.ID{"moderate-3", "low-b", "low-a", "high-9", "high-6", "high-6-again", "moderate-4"}, got)
	})
	t.Run("copies", func(t *testing.T) {
		top := riskreg.Top(rs, 1, false)
		top[0].Reviews[0].Note = "changed"
		assert.Equal(t, "annual analysis", rs[3].Reviews[0].Note)
	})
}

func TestMarkdown(t *testing.T) {
	prevRisks := []riskreg.Risk{
		withStatus(t, "starter-dicom-transfer", 2, 3, riskreg.StatusTreating),
		withStatus(t, "retired", 1, 1, riskreg.StatusOpen),
	}
	prev := riskreg.Snapshot("sra-2025", 2025, riskreg.MethodHHS3x3, prevRisks)
	require.NoError(t, prev.Approve(riskreg.Approval{By: approver, On: day(2025, time.March, 1)}))

	screens := fullRisk(t) // accepted, quantified, review on 2027-08-01
	dicom := withStatus(t, "starter-dicom-transfer", 1, 3, riskreg.StatusTreating)
	dicom.Title = "Unencrypted DICOM | transfer"
	cur := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{dicom, screens})

	md := riskreg.Markdown(&cur, &prev, day(2027, time.September, 1))
	for _, want := range []string{
		"# Security risk analysis 2026",
		"45 CFR 164.308(a)(1)(ii)(A)-(B)",
		"not legal advice",
		"## Approval\n\nNot approved: this is a draft.",
		"## Method",
		"HHS Security Risk Assessment Tool",
		"### Rating bands",
		"| moderate | 3–4 |",
		"## Heat map: inherent risk",
		"## Heat map: residual risk",
		"| 3 high | 1 | 0 | 1 |",
		"| 1 low | 0 | 0 | 1 |",
		"## Risk register",
		"| starter-dicom-transfer | Unencrypted DICOM \\| transfer |",
		"### Risk details",
		"- Security Rule controls: 164.310(b), 164.310(c)",
		"- History entries: 3, latest review on 2026-08-01 by security.officer@example.org",
		"## Treatments",
		"| starter-dicom-transfer | mitigate | plan | owner | 2026-06-01 (overdue) |",
		"## Acceptances",
		"| starter-infusion-bay-screens | 2×1 low | Dr. Rivera, CEO | 2026-02-01 | 2027-08-01 (past review) |",
		"## Quantitative view",
		"| starter-infusion-bay-screens | 1200.50 | 0.5 | 600.25 | 0.1 | 120.05 | 300.00 | 0.6007 |",
		"## Comparison with 2025",
		"- New risks: starter-infusion-bay-screens",
		"- Closed risks: retired",
		"- Decreased: starter-dicom-transfer",
		"- Accepted risks past their review date: starter-infusion-bay-screens",
	} {
		assert.Contains(t, md, want)
	}

	t.Run("approved, NIST matrix, no previous analysis", func(t *testing.T) {
		nist := method(t, riskreg.MethodNIST5x5)
		r := screens.Clone()
		require.NoError(t, r.ChangeMethod(nist, day(2026, time.December, 1), actor, nil))
		a := riskreg.Snapshot("sra-2027", 2027, riskreg.MethodNIST5x5, []riskreg.Risk{r})
		require.NoError(t, a.Approve(riskreg.Approval{By: approver, On: day(2027, time.January, 5)}))
		md := riskreg.Markdown(&a, nil, day(2027, time.January, 5))
		for _, want := range []string{
			"Approved by Dr. Rivera, CEO on 2027-01-05. The analysis is frozen.",
			"NIST SP 800-30 Rev. 1",
			"Table I-2",
			"### Rating matrix",
			"| 5 very high | very low | low | moderate | high | very high |",
			"| 1 very low | very low | very low | very low | low | low |",
			"## Accepted risks past their review date\n\nnone",
			"No risks under treatment.",
		} {
			assert.Contains(t, md, want)
		}
		assert.NotContains(t, md, "## Comparison")
		assert.NotContains(t, md, "### Rating bands")
	})
	t.Run("empty analysis", func(t *testing.T) {
		a := riskreg.Snapshot("empty", 2026, riskreg.MethodHHS3x3, nil)
		md := riskreg.Markdown(&a, nil, day(2026, time.January, 1))
		assert.Contains(t, md, "No risks recorded.")
		assert.Contains(t, md, "No accepted risks.")
		assert.False(t, strings.Contains(md, "## Quantitative view"))
	})
}
