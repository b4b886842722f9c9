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

// report returns the part of the output from the report's title on.
func reportPart(t *testing.T, out string) string {
	t.Helper()
	i := strings.Index(out, "Prairie River Hematology & Oncology: vendors and BAAs as of 2026-07-01")
	require.GreaterOrEqual(t, i, 0, "no report in:\n%s", out)
	return out[i:]
}

func runOn(t *testing.T, s storage.Store) string {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), s, &out))
	return out.String()
}

// TestReport checks that the report names what the administrator must act on (issue 2:
// business associates without a BAA, reviews due, stalled follow-ups, missing clauses,
// the audit chain's verification).
func TestReport(t *testing.T) {
	out := runOn(t, memory.New())
	for _, want := range []string{
		"18 vendors, 13 of them business associates",
		"Business associates without a current BAA (45 CFR 164.502(e), 164.308(b)): 4",
		"ScriptLink eRx                   no BAA requested",
		"Keystone IT Partners             BAA expired            last day 2026-05-31",
		"BAA reviews due 2026-07-01 to 2026-08-29: 2",
		"2026-06-15  TalkSafe Secure Messaging        16 days overdue",
		"2026-01-12  AuthPath Prior Authorization     requested, silent 170 days",
		"- subcontractors: missing [45 CFR 164.504(e)(2)(ii)(D)",
		"- reporting: reporting period longer than 60 days [45 CFR 164.410(b)]",
		"Apex Clinical Research           no determination yet",
		"hash chain verified OK",
	} {
		require.Contains(t, out, want)
	}
	require.Equal(t, out, runOn(t, memory.New()), "the example is not deterministic")
}

// TestSecondRunOnSQLite is issue 3's "keeps its data in SQLite and shows it again on a
// second run": the second run, on a reopened file, skips the simulation and prints the
// same report from what is stored.
func TestSecondRunOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hemonc.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		require.NoError(t, err)
		return s
	}
	s := open()
	first := runOn(t, s)
	require.NoError(t, s.Close())
	require.Contains(t, first, "Simulating 2026-01-05 to 2026-07-01")

	s = open()
	defer s.Close()
	second := runOn(t, s)
	require.Contains(t, second, "already stored: skipping the simulation")
	require.NotContains(t, second, "Simulating")
	require.Equal(t, reportPart(t, first), reportPart(t, second))
}
