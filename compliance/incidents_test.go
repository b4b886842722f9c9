//go:build oldapi

package compliance_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

func incidentEngine(t *testing.T, now time.Time) *compliance.Engine {
	t.Helper()
	e := compliance.New(memory.New(), compliance.Options{Now: func() time.Time { return now }})
	_, err := e.CreateOrganization(admin, org.Organization{ID: orgID, Name: "Lakeside Hematology-Oncology", TimeZone: "America/New_York"})
	require.NoError(t, err)
	return e
}

func obligation(t *testing.T, f compliance.IncidentFile, key string) incident.Obligation {
	t.Helper()
	for _, o := range f.Obligations {
		if o.Key == key {
			return o
		}
	}
	t.Fatalf("no obligation %q in %v", key, f.Obligations)
	return incident.Obligation{}
}

func hasObligation(f compliance.IncidentFile, key string) bool {
	for _, o := range f.Obligations {
		if o.Key == key && o.Status != incident.StatusNotRequired {
			return true
		}
	}
	return false
}

// TestIncidentCountGrowsPast500: a count that grows past the thresholds recomputes the
// obligations, and each added or removed one is an event (45 CFR 164.406, 164.408).
func TestIncidentCountGrowsPast500(t *testing.T) {
	discovered := date.New(2026, time.April, 10)
	e := incidentEngine(t, time.Date(2026, 4, 12, 15, 0, 0, 0, time.UTC))
	f, err := e.ReportIncident(admin, orgID, incident.Incident{ID: "inc-1", Title: "Misdirected fax to a wrong pharmacy",
		DiscoveredOn: discovered, DiscoveredBy: incident.DiscovererWorkforce, Total: 40,
		Affected: []incident.Affected{{State: "OH", Count: 40}}, BreachType: incident.BreachUnauthorizedAccess,
		Location: incident.LocationPaperFilms})
	require.NoError(t, err)
	// 164.404(b): individuals within 60 days; 164.408(c): fewer than 500 → the annual log.
	require.Equal(t, discovered+60, obligation(t, f, "individuals").Deadline)
	require.Equal(t, incident.HHSAnnualDeadline(2026), obligation(t, f, "hhs").Deadline)
	require.False(t, hasObligation(f, "media:OH"))

	tasks, err := e.Tasks(admin, orgID, storage.TaskQuery{Subject: tasksSubject("incident", "inc-1")})
	require.NoError(t, err)
	require.Len(t, tasks, 1)
	require.Equal(t, profiles.TemplateIncidentResponse, tasks[0].TemplateID)

	before := countEvents(t, e)
	facts := f.Incident
	facts.Total, facts.Affected = 650, []incident.Affected{{State: "OH", Count: 520}, {State: "KY", Count: 130}}
	f, err = e.UpdateIncidentFacts(admin, orgID, facts)
	require.NoError(t, err)
	// 164.406: more than 500 residents of Ohio → media in Ohio only; 164.408(b): HHS with
	// the individual notice.
	require.True(t, hasObligation(f, "media:OH"))
	require.False(t, hasObligation(f, "media:KY"))
	require.Equal(t, date.New(2026, time.June, 9), obligation(t, f, "hhs").Deadline)
	evs, err := e.Events(admin, orgID, 0, 0)
	require.NoError(t, err)
	var added, removed []string
	for _, ev := range evs[before:] {
		switch ev.Type {
		case compliance.EventObligationAdded:
			added = append(added, string(ev.Data))
		case compliance.EventObligationRemoved:
			removed = append(removed, string(ev.Data))
		}
	}
	require.NotEmpty(t, added)
	require.NotEmpty(t, removed, "the HHS deadline moved from the annual log to 60 days")
	require.Contains(t, joined(added), `"key":"media:OH"`)

	// Owed: pending notices, soonest first.
	owed, err := e.Owed(admin, orgID)
	require.NoError(t, err)
	require.NotEmpty(t, owed)
	for k := 1; k < len(owed); k++ {
		a, b := owed[k-1].Obligation.Deadline, owed[k].Obligation.Deadline
		require.True(t, b == date.Zero || (a != date.Zero && a <= b), "sorted soonest first")
	}

	// Notices: an unknown key is refused; a sent one is recorded; closing needs none pending.
	_, err = e.RecordNotice(admin, orgID, "inc-1", f.Incident.Version, incident.Notice{Key: "carrier-pigeon"})
	require.ErrorIs(t, err, validation.ErrInvalid)
	f, err = e.RecordNotice(admin, orgID, "inc-1", f.Incident.Version, incident.Notice{Key: "individuals", SentOn: discovered + 30, Method: "first-class mail"})
	require.NoError(t, err)
	require.Equal(t, incident.StatusSent, obligation(t, f, "individuals").Status)
	_, err = e.CloseIncident(admin, orgID, "inc-1", f.Incident.Version, discovered+31)
	require.ErrorIs(t, err, validation.ErrInvalid, "notices are still pending")
	_, err = e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
}

func tasksSubject(typ, id string) task.Subject { return task.Subject{Type: typ, ID: id} }

func joined(ss []string) string {
	out := ""
	for _, s := range ss {
		out += s + "\n"
	}
	return out
}

// TestIncidentDetermination: the safe harbor needs its facts (74 FR 42740); a
// low-probability conclusion needs the four factors and a named person
// (45 CFR 164.402(2)); a rejected determination writes nothing.
func TestIncidentDetermination(t *testing.T) {
	discovered := date.New(2026, time.February, 2)
	e := incidentEngine(t, time.Date(2026, 2, 3, 15, 0, 0, 0, time.UTC))
	laptop := incident.Incident{ID: "inc-laptop", Title: "Laptop stolen from a car", DiscoveredOn: discovered,
		DiscoveredBy: incident.DiscovererWorkforce, Total: 1200, Affected: []incident.Affected{{State: "OH", Count: 1200}},
		Encryption: incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111"},
		BreachType: incident.BreachTheft, Location: incident.LocationLaptop}
	f, err := e.ReportIncident(admin, orgID, laptop)
	require.NoError(t, err)
	require.True(t, hasObligation(f, "individuals"), "a breach is presumed until determined")

	before := countEvents(t, e)
	_, err = e.DetermineIncident(admin, orgID, f.Incident.ID, f.Incident.Version, incident.Determination{Outcome: incident.OutcomeLowProbability})
	require.ErrorIs(t, err, validation.ErrInvalid)
	require.Equal(t, before, countEvents(t, e), "nothing written")

	f, err = e.DetermineIncident(admin, orgID, f.Incident.ID, f.Incident.Version, incident.Determination{Outcome: incident.OutcomeSecured,
		Facts: "full-disk encryption per NIST SP 800-111; the key is on a smart card kept apart"})
	require.NoError(t, err)
	require.False(t, hasObligation(f, "individuals"), "secured PHI: no federal notice")
	require.False(t, hasObligation(f, "hhs"))

	// The key taped to the laptop: the facts no longer support the safe harbor.
	facts := f.Incident
	facts.Encryption.KeyCompromised = true
	_, err = e.UpdateIncidentFacts(admin, orgID, facts)
	require.ErrorIs(t, err, validation.ErrInvalid, "the recorded determination no longer fits the facts")
}

// TestSweepRemindsOfNoticeDeadlines: a pending notice is reminded before its deadline
// and, once missed, once more (45 CFR 164.404(b)).
func TestSweepRemindsOfNoticeDeadlines(t *testing.T) {
	discovered := date.New(2026, time.April, 10)
	e := incidentEngine(t, time.Date(2026, 4, 12, 15, 0, 0, 0, time.UTC))
	_, err := e.ReportIncident(admin, orgID, incident.Incident{ID: "inc-1", Title: "Fax", DiscoveredOn: discovered,
		DiscoveredBy: incident.DiscovererWorkforce, Total: 3, Affected: []incident.Affected{{State: "OH", Count: 3}}})
	require.NoError(t, err)
	noticeReminders := func(asOf date.Date) []compliance.Reminder {
		res, err := e.Sweep(admin, orgID, compliance.SweepOptions{AsOf: asOf})
		require.NoError(t, err)
		var out []compliance.Reminder
		for _, r := range res.Reminders {
			if r.Incident != "" && r.Obligation == "individuals" {
				out = append(out, r)
			}
		}
		return out
	}
	rs := noticeReminders(discovered + 40) // 20 days left: the 30-day threshold
	require.Len(t, rs, 1)
	require.Equal(t, compliance.EventReminderNoticeDue, rs[0].Type)
	require.Equal(t, 30, rs[0].Threshold)
	require.Empty(t, noticeReminders(discovered+41), "once per threshold")
	rs = noticeReminders(discovered + 61)
	require.Len(t, rs, 1)
	require.Equal(t, compliance.EventReminderNoticeMissed, rs[0].Type)
	require.Empty(t, noticeReminders(discovered+62))
}

// TestAnnualLog: breaches under 500 discovered in a year, due to HHS by the end of
// February or March 1 (45 CFR 164.408(c)); 2027's is due 2028-02-29.
func TestAnnualLog(t *testing.T) {
	e := incidentEngine(t, time.Date(2027, 9, 1, 15, 0, 0, 0, time.UTC))
	_, err := e.ReportIncident(admin, orgID, incident.Incident{ID: "inc-3", Title: "Lost appointment list", DiscoveredOn: date.New(2027, 8, 20),
		DiscoveredBy: incident.DiscovererWorkforce, Total: 3, Affected: []incident.Affected{{State: "OH", Count: 3}},
		BreachType: incident.BreachLoss, Location: incident.LocationPaperFilms})
	require.NoError(t, err)
	log, err := e.AnnualLog(admin, orgID, 2027)
	require.NoError(t, err)
	require.Equal(t, date.New(2028, time.February, 29), log.Deadline)
	require.Len(t, log.Entries, 1)
	empty, err := e.AnnualLog(admin, orgID, 2026)
	require.NoError(t, err)
	require.Empty(t, empty.Entries)
}

// TestIncidentFileRules: a breach that would have been known in December belongs to that
// year's HHS log (164.404(a)(2), 164.408(c)); a closed file no longer changes; the
// business associate must be in the inventory.
func TestIncidentFileRules(t *testing.T) {
	e := incidentEngine(t, time.Date(2026, 1, 6, 15, 0, 0, 0, time.UTC))
	f, err := e.ReportIncident(admin, orgID, incident.Incident{ID: "inc-ny", Title: "Box of records left at curb",
		DiscoveredOn: date.New(2026, 1, 5), WouldHaveKnownOn: date.New(2025, 12, 20),
		DiscoveredBy: incident.DiscovererWorkforce, Total: 20, Affected: []incident.Affected{{State: "OH", Count: 20}}})
	require.NoError(t, err)
	require.Equal(t, date.New(2026, 3, 1), obligation(t, f, "hhs").Deadline, "the 2025 log's deadline")
	log2025, err := e.AnnualLog(admin, orgID, 2025)
	require.NoError(t, err)
	require.Len(t, log2025.Entries, 1)
	log2026, err := e.AnnualLog(admin, orgID, 2026)
	require.NoError(t, err)
	require.Empty(t, log2026.Entries)

	_, err = e.ReportIncident(admin, orgID, incident.Incident{Title: "x", DiscoveredBy: incident.DiscovererBusinessAssociate,
		Vendor: "v-nope", Total: 1, Affected: []incident.Affected{{State: "OH", Count: 1}}})
	require.ErrorIs(t, err, validation.ErrInvalid)

	f, err = e.DetermineIncident(admin, orgID, "inc-ny", f.Incident.Version, incident.Determination{Outcome: incident.OutcomeNotPHI,
		Facts: "the box held blank forms only"})
	require.NoError(t, err)
	f, err = e.CloseIncident(admin, orgID, "inc-ny", f.Incident.Version, date.Zero)
	require.NoError(t, err)
	facts := f.Incident
	facts.Total, facts.Affected = 25, []incident.Affected{{State: "OH", Count: 25}}
	_, err = e.UpdateIncidentFacts(admin, orgID, facts)
	require.ErrorIs(t, err, validation.ErrInvalid, "a closed file does not change")
}
