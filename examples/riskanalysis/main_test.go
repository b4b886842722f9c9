package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/storage/sqlite"
)

func runOn(t *testing.T, s storage.Store) string {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), s, &out))
	return out.String()
}

// TestAnalysis: the example — an annual analysis, two treatments, one acceptance
// with its approver, the heat map and the year-over-year comparison (45 CFR
// 164.308(a)(1)(ii)(A)-(B)).
func TestAnalysis(t *testing.T) {
	out := runOn(t, memory.New())
	for _, want := range []string{
		"8 starter risks seeded",
		"treat starter-dicom-transfer",
		"treat starter-pa-vendor-no-baa",
		"accept starter-infusion-bay-screens, approved by Dr. Amara Osei",
		"analysis sra-2026 approved by Jordan Lee (security officer) (8 risks), attached to task program-annual-risk-analysis",
		"Heat map, inherent risk",
		"Heat map, residual risk",
		"new:                               r-tumor-board-video",
		"closed:                            starter-pa-vendor-no-baa",
		"increased:                         starter-physicist-mfa",
		"decreased:                         starter-dicom-transfer",
		"accepted, past their review date:  starter-infusion-bay-screens",
		"Addressable specifications without a recorded decision (45 CFR 164.306(d)(3)): 21",
		"hash chain verified OK",
	} {
		require.Contains(t, out, want)
	}
	require.Equal(t, out, runOn(t, memory.New()), "deterministic")
}

// TestSecondRunOnSQLite: the analyses stay in the SQLite file; a second run reports the
// same posture from what is stored.
func TestSecondRunOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "riskanalysis.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		require.NoError(t, err)
		return s
	}
	s := open()
	first := runOn(t, s)
	require.NoError(t, s.Close())
	s = open()
	defer s.Close()
	second := runOn(t, s)
	require.Contains(t, second, "already stored: reporting only")
	report := func(out string) string { return out[strings.Index(out, "\nHeat map, inherent"):] }
	require.Equal(t, report(first), report(second))
}
