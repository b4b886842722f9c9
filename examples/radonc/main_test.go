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

// yearEnd returns the part of the output from the year-end posture on.
func yearEnd(t *testing.T, out string) string {
	t.Helper()
	i := strings.Index(out, "== Year-end posture, 2026-01-05 to 2027-01-04 ==")
	require.GreaterOrEqual(t, i, 0, "no year-end posture in:\n%s", out)
	return out[i:]
}

// TestYear checks that the simulated year reports each quarter's posture, that the
// sweeps remind and escalate, that the audit chain verifies at every report, and that
// the output is the same on every run.
func TestYear(t *testing.T) {
	out := runOn(t, memory.New())
	for _, want := range []string{
		"radiation_oncology profile: 11 recurring program tasks started",
		"every 3 months               it_manager             Quarterly backup restore test",
		"== Q1 2026 posture, 2026-01-05 to 2026-03-31 ==",
		"== Q2 2026 posture, 2026-04-01 to 2026-06-30 ==",
		"== Q3 2026 posture, 2026-07-01 to 2026-09-30 ==",
		"== Q4 2026 posture, 2026-10-01 to 2026-12-31 ==",
		// Reminders fired, and escalations (14 days overdue) reached the manager.
		"Reminders: tasks due soon 71, overdue 2, escalated 2; BAA reviews due 2, overdue 0; stalled BAA requests 1",
		"ESCALATED to manager: HIPAA training for a new workforce member (Dr. Tunde Adeyemi), due 2026-02-04, 19 days overdue",
		"stalled: BAA follow-up: SimScan Mobile CT Simulation, no activity for 35 days",
		// Overdue tasks by site at the end of Q1, Q2 and Q3.
		"overdue on 2026-03-31: north 0, south 1, organization-wide 1",
		"overdue on 2026-06-30: north 1, south 0, organization-wide 0",
		"overdue on 2026-09-30: north 0, south 1, organization-wide 0",
		// Training by role: Dr. Adeyemi is untrained at the end of Q1.
		"physician 1/2, nurse 2/2, physicist 1/1",
		"physician 2/2, nurse 1/1, physicist 2/2",
		// The workforce and trial events, and the task that was skipped.
		"Sean O'Connell leaves; access revoked the same day (it_manager, site south)",
		"Anjali Patel moves from nurse to research_coordinator",
		"trial HIPAA file: 6 of 6 checklist items done",
		"trial NST-RT-301 enrolling, basis: authorization",
		"skipped: Monthly information system activity review",
		"done 26 days late: Annual business associate agreement review",
		// BAA gaps.
		"SimScan Mobile CT Simulation     BAA not yet signed (in_negotiation, request sent 2026-01-05)",
		"TalkSafe Secure Messaging        BAA not yet signed (in_negotiation, request sent 2026-11-16)",
		"Tasks completed: 54 (6 late), skipped: 1",
	} {
		require.Contains(t, out, want)
	}
	require.Equal(t, 5, strings.Count(out, "hash chain verified OK"), "every posture verifies the audit chain")
	require.NotContains(t, out, "BROKEN")
	require.Equal(t, out, runOn(t, memory.New()), "the example is not deterministic")
}

// TestSecondRunOnSQLite: the second run, on a reopened file, skips the simulation and
// prints the same year-end posture from what is stored (its reminder counts from the
// stored events, which must agree with what the sweeps returned).
func TestSecondRunOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "radonc.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		require.NoError(t, err)
		return s
	}
	s := open()
	first := runOn(t, s)
	require.NoError(t, s.Close())
	require.Contains(t, first, "simulating 2026-01-05 to 2027-01-04")
	require.Equal(t, first, runOn(t, memory.New()), "SQLite and memory disagree")

	s = open()
	defer s.Close()
	second := runOn(t, s)
	require.Contains(t, second, "already stored: skipping the simulation")
	require.NotContains(t, second, "simulating")
	require.NotContains(t, second, "Q1 2026 posture")
	require.Equal(t, yearEnd(t, first), yearEnd(t, second))
}
