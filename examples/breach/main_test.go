package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/incident"
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

// squash collapses runs of spaces, so assertions do not depend on column widths.
func squash(s string) string {
	lines := strings.Split(s, "\n")
	for k, l := range lines {
		lines[k] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// between returns the part of out from the line containing from up to the line
// containing to (the end when to is empty).
func between(t *testing.T, out, from, to string) string {
	t.Helper()
	i := strings.Index(out, from)
	require.GreaterOrEqual(t, i, 0, "no %q in:\n%s", from, out)
	part := out[i:]
	if to != "" {
		j := strings.Index(part, to)
		require.GreaterOrEqual(t, j, 0, "no %q after %q in:\n%s", to, from, out)
		part = part[:j]
	}
	return part
}

// reportPart returns the part of the output from the report's title on.
func reportPart(t *testing.T, out string) string {
	t.Helper()
	return between(t, out, "== Lakeside Hematology & Oncology: breach files as of 2026-06-15 ==", "")
}

// TestScenario checks the two incidents' key steps in the output, then the stored
// files, and that the output is the same on every run.
func TestScenario(t *testing.T) {
	store := memory.New()
	raw := runOn(t, store)
	out := squash(raw)

	// The misdirected fax (45 CFR 164.402): presumed a breach, with the federal notices
	// pending and the BA's notice due within the BAA's 10 days; after the documented
	// four-factor assessment nothing is required and the file closes.
	faxPart := between(t, out, "== 2026-03-11 Misdirected fax", "== 2026-04-15 Stolen laptop")
	presumed := between(t, faxPart, "No determination yet: a breach is presumed (45 CFR 164.402(2))", "determination: low_probability")
	for _, want := range []string{
		"ba-notice 2026-03-19 sent 2026-03-11 45 CFR 164.410(b); BAA",
		"the pharmacy is not our agent, so our clock starts on 2026-03-11, the day it reported (74 FR 42740; 78 FR 5566)",
		"individuals 2026-05-10 pending 45 CFR 164.404(b) affected individuals (12)",
		"hhs 2027-03-01 pending 45 CFR 164.408(c)",
	} {
		require.Contains(t, presumed, want)
	}
	determined := between(t, faxPart, "determination: low_probability (Maria Keane, privacy officer, 2026-03-13)", "file closed")
	for _, want := range []string{
		"nature: ", "recipient: ", "acquired or viewed: ", "mitigation: ",
		"individuals - not required 45 CFR 164.404(b)",
		"hhs - not required 45 CFR 164.408(c)",
		"why: not a breach: a documented risk assessment concluded a low probability",
	} {
		require.Contains(t, determined, want)
	}
	require.NotContains(t, determined, " pending ")
	require.Contains(t, faxPart, "2026-03-13 nothing pending: file closed")

	// The stolen laptop: media notice for Ohio only once more than 500 Ohioans are
	// affected (45 CFR 164.406), never for Kentucky (270) or Indiana (14); HHS moves from
	// the annual log (164.408(c)) to 60 days (164.408(b)) at 500.
	at300 := between(t, out, "== 2026-04-15 Stolen laptop", "now counts 640 individuals")
	at640 := between(t, out, "now counts 640 individuals", "now counts 1,164 individuals")
	at1164 := between(t, out, "now counts 1,164 individuals", "Owed on 2026-05-20")
	require.NotContains(t, at300, "media:")
	require.Contains(t, at300, "hhs 2027-03-01 pending 45 CFR 164.408(c)")
	require.Contains(t, at300, "HHS annual log 2026 (due 2027-03-01) lists inc-2026-002: 300 individuals, report by 2027-03-01")
	require.Contains(t, at640, "media:OH 2026-07-14 pending 45 CFR 164.406 prominent media outlets serving OH")
	require.Contains(t, at640, "added: media:OH due 2026-07-14")
	require.Contains(t, at640, "moved: hhs 2027-03-01 -> 2026-07-14")
	require.Contains(t, at640, "HHS annual log 2026 (due 2027-03-01): no breach of fewer than 500 individuals")
	require.Contains(t, at1164, "added: state:IN-24-4.9:ag due 2026-06-29")
	require.Contains(t, at1164, "added: state:IN-24-4.9:individuals due 2026-06-29")
	require.NotContains(t, at1164, "added: media")
	require.NotContains(t, out, "media:KY")
	require.NotContains(t, out, "media:IN")

	for _, want := range []string{
		// An oral law-enforcement statement delays notice 30 days (45 CFR 164.412(b)).
		"oral statement by Det. Ray Okafor, badge 4471, Cincinnati Police Department",
		"delayed until 2026-05-20 (45 CFR 164.412(b))",
		"moved: individuals 2026-06-14 -> 2026-07-14",
		// Kentucky's exemption is unverified: it stays owed until counsel decides.
		"2026-05-27 counsel: state:KY-365.732:individuals is not_required (KRS 365.732(8))",
		// The Indiana AG notice is due no later than the letters: sending them moves it.
		"moved: state:IN-24-4.9:ag 2026-06-29 -> 2026-06-03\nbecause it now counts from the individual notice on 2026-06-03",
		"sent individuals: affected individuals (1164), first-class mail, reaching 1,164 individuals",
		// The weekly sweep: due soon, then the Indiana AG notice missed.
		"2026-06-01 sweep: notice due in 28 days (deadline 2026-06-29): state:IN-24-4.9:individuals",
		"2026-06-08 sweep: NOTICE MISSED, deadline 2026-06-03 passed 5 days ago: state:IN-24-4.9:ag",
		"2026-06-10 sent state:IN-24-4.9:ag: Attorney General, Indiana AG online breach form (late), 7 days after its deadline 2026-06-03",
		"2026-06-04 sent media:OH",
	} {
		require.Contains(t, out, want)
	}
	require.Equal(t, 1, strings.Count(out, "NOTICE MISSED"), "a missed deadline is reminded once")

	rep := reportPart(t, out)
	for _, want := range []string{
		"inc-2026-001 Misdirected fax of a refill batch: closed 2026-03-13",
		"inc-2026-002 Laptop stolen in a break-in at the pharmacy: open, discovered 2026-04-15, 1,164 individuals (OH 880, KY 270, IN 14)",
		"Owed on 2026-06-15 (what, to whom, by when): 0",
		"state:KY-365.732:individuals [U] - not required KRS § 365.732 270 residents of KY",
		"HHS log of breaches of fewer than 500 discovered in 2026 (45 CFR 164.408(c)), due 2027-03-01: 0",
		"hash chain verified OK",
		"of them 4 breach-notice reminders",
	} {
		require.Contains(t, rep, want)
	}
	require.NotContains(t, out, "BROKEN")

	// The stored files agree with the output.
	kit := compliancetest.New(t, compliancetest.Options{Store: store}) // an engine on the example's store
	clinic, ctx := kit.Engine.Org(orgID), kit.Ctx
	f, err := clinic.Incidents().Get(ctx, fax)
	require.NoError(t, err)
	require.False(t, f.Incident.Open())
	for _, o := range f.Obligations {
		require.Equal(t, incident.StatusNotRequired, o.Status, o.Key)
	}
	f, err = clinic.Incidents().Get(ctx, laptop)
	require.NoError(t, err)
	require.Equal(t, 1164, f.Incident.Total)
	require.Equal(t, incident.OutcomeBreach, f.Incident.Determination.Outcome)

	require.Equal(t, raw, runOn(t, memory.New()), "the example is not deterministic")
}

// TestSecondRunOnSQLite: the second run, on a reopened file, skips the simulation and
// prints the same report from what is stored.
func TestSecondRunOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breach.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		require.NoError(t, err)
		return s
	}
	s := open()
	first := runOn(t, s)
	require.NoError(t, s.Close())
	require.Contains(t, first, "== 2026-04-15 Stolen laptop")

	s = open()
	defer s.Close()
	second := runOn(t, s)
	require.Contains(t, second, "already stored: skipping the simulation")
	require.NotContains(t, second, "Stolen laptop (inc-2026-002) ==")
	require.Equal(t, reportPart(t, first), reportPart(t, second))
	require.Contains(t, second, "hash chain verified OK")
}
