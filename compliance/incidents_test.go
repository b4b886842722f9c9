package compliance_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

// at moves the kit's clock to 15:00 UTC on day (10:00 in Chicago: the same day there).
func at(kit *compliancetest.Kit, day date.Date) {
	kit.Clock.Set(time.Date(day.Year(), day.Month(), day.Day(), 15, 0, 0, 0, time.UTC))
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

// fax is a small misdirected-fax incident of Ohio residents discovered on day.
func fax(id incident.ID, day date.Date, count int) incident.Incident {
	return incident.Incident{ID: id, Title: "Misdirected fax to a wrong pharmacy",
		DiscoveredOn: day, DiscoveredBy: incident.DiscovererWorkforce, Total: count,
		Affected:   []incident.Affected{{State: "OH", Count: count}},
		BreachType: incident.BreachUnauthorizedAccess, Location: incident.LocationPaperFilms}
}

// TestIncidentCountGrowsPast500: a count that grows past the thresholds recomputes the
// obligations, and each added or removed one is an event (45 CFR 164.404(b), 164.406,
// 164.408(b), 164.408(c)); the report opens the incident-response task
// (164.308(a)(6)(ii)).
func TestIncidentCountGrowsPast500(t *testing.T) {
	kit, clinic := setup(t)
	discovered := date.New(2026, time.April, 10)
	at(kit, discovered+2)
	f, err := clinic.Incidents().Report(admin, fax("inc-1", discovered, 40))
	require.NoError(t, err)
	require.Equal(t, int64(1), f.Incident.Version)
	// 164.404(b): individuals within 60 days; 164.408(c): fewer than 500 → the annual log.
	require.Equal(t, discovered+60, obligation(t, f, incident.KeyIndividuals).Deadline)
	require.Equal(t, incident.HHSAnnualDeadline(2026), obligation(t, f, incident.KeyHHS).Deadline)
	require.False(t, hasObligation(f, "media:OH"))

	var responseTasks int
	for _, ev := range events(t, clinic) {
		if ev.Type == compliance.EventTaskCreated {
			var p compliance.TaskEvent
			require.NoError(t, json.Unmarshal(ev.Data, &p))
			if p.Template == profiles.TemplateIncidentResponse {
				responseTasks++
			}
		}
	}
	require.Equal(t, 1, responseTasks)

	before := len(events(t, clinic))
	facts := f.Incident
	facts.Total, facts.Affected = 650, []incident.Affected{{State: "OH", Count: 520}, {State: "KY", Count: 130}}
	f, err = clinic.Incidents().UpdateFacts(admin, facts)
	require.NoError(t, err)
	// 164.406: more than 500 residents of Ohio → media in Ohio only; 164.408(b): HHS with
	// the individual notice.
	require.True(t, hasObligation(f, "media:OH"))
	require.False(t, hasObligation(f, "media:KY"))
	require.Equal(t, date.New(2026, time.June, 9), obligation(t, f, incident.KeyHHS).Deadline)
	var added, removed []string
	var updated int
	for _, ev := range events(t, clinic)[before:] {
		var p compliance.IncidentEvent
		require.NoError(t, json.Unmarshal(ev.Data, &p))
		switch ev.Type {
		case compliance.EventIncidentUpdated:
			updated++
			require.Equal(t, incident.ID("inc-1"), p.Incident)
		case compliance.EventObligationAdded:
			require.NotNil(t, p.Obligation)
			added = append(added, p.Obligation.Key)
		case compliance.EventObligationRemoved:
			require.NotNil(t, p.Obligation)
			removed = append(removed, p.Obligation.Key)
		}
	}
	require.Equal(t, 1, updated)
	require.Contains(t, added, "media:OH")
	require.Contains(t, removed, incident.KeyHHS, "the HHS deadline moved from the annual log to 60 days")

	// Owed: pending notices, soonest first.
	owed, err := clinic.Incidents().Owed(admin)
	require.NoError(t, err)
	require.NotEmpty(t, owed)
	for k := 1; k < len(owed); k++ {
		a, b := owed[k-1].Obligation.Deadline, owed[k].Obligation.Deadline
		require.True(t, b == date.Zero || (a != date.Zero && a <= b), "sorted soonest first")
	}

	// Notices: an unknown key is refused; a sent one is recorded; closing needs none pending.
	_, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: "carrier-pigeon"})
	requireField(t, err, "key")
	at(kit, discovered+30)
	_, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: incident.KeyIndividuals, Method: "first-class mail"})
	requireField(t, err, "individuals") // how many it reached is recorded, never inferred (164.404(a)(1))
	f, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: incident.KeyIndividuals, Method: "first-class mail", Individuals: 650})
	require.NoError(t, err)
	ind := obligation(t, f, incident.KeyIndividuals)
	require.Equal(t, incident.StatusSent, ind.Status)
	require.Equal(t, discovered+30, ind.SentOn, "a zero sent_on is today")
	_, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: incident.KeyIndividuals, Individuals: 1})
	require.ErrorIs(t, err, incident.ErrNotPending, "the notice is already sent")
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	_, err = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{})
	require.ErrorIs(t, err, incident.ErrPending, "notices are still pending")
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
}

// TestIncidentDetermination: the safe harbor needs its facts (74 FR 42740); a
// low-probability conclusion needs the four factors and a named person
// (45 CFR 164.402(2)), and its errors name the input's fields; a rejected determination
// writes nothing.
func TestIncidentDetermination(t *testing.T) {
	kit, clinic := setup(t)
	discovered := date.New(2026, time.February, 2)
	at(kit, discovered+1)
	laptop := incident.Incident{ID: "inc-laptop", Title: "Laptop stolen from a car", DiscoveredOn: discovered,
		DiscoveredBy: incident.DiscovererWorkforce, Total: 1200, Affected: []incident.Affected{{State: "OH", Count: 1200}},
		Encryption: incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111"},
		BreachType: incident.BreachTheft, Location: incident.LocationLaptop}
	f, err := clinic.Incidents().Report(admin, laptop)
	require.NoError(t, err)
	require.True(t, hasObligation(f, incident.KeyIndividuals), "a breach is presumed until determined (164.402(2))")

	before := len(events(t, clinic))
	_, err = clinic.Incidents().Determine(admin, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeLowProbability})
	requireField(t, err, "assessment")
	require.Len(t, events(t, clinic), before, "nothing written")

	f, err = clinic.Incidents().Determine(admin, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeSecured,
		Facts: "full-disk encryption per NIST SP 800-111; the key is on a smart card kept apart"})
	require.NoError(t, err)
	require.Equal(t, adminActor.Name, f.Incident.Determination.DecidedBy, "the actor decided")
	require.Equal(t, discovered+1, f.Incident.Determination.DecidedOn, "a zero decided_on is today")
	require.False(t, hasObligation(f, incident.KeyIndividuals), "secured PHI: no federal notice")
	require.False(t, hasObligation(f, incident.KeyHHS))
	require.Equal(t, incident.NotRequiredSecured, obligation(t, f, incident.KeyIndividuals).NotRequiredCode)
	evs := events(t, clinic)
	var determined compliance.IncidentEvent
	for _, ev := range evs {
		if ev.Type == compliance.EventIncidentDetermined {
			require.NoError(t, json.Unmarshal(ev.Data, &determined))
		}
	}
	require.Equal(t, incident.OutcomeSecured, determined.Outcome)
	require.Equal(t, discovered+1, determined.On)

	// The key taped to the laptop: the facts no longer support the safe harbor.
	facts := f.Incident
	facts.Encryption.KeyCompromised = true
	_, err = clinic.Incidents().UpdateFacts(admin, facts)
	requireField(t, err, "determination.outcome")
}

// TestIncidentDelay: a law-enforcement statement is documented with the official and
// the agency (45 CFR 164.412(b)), and its errors name the input's own fields.
func TestIncidentDelay(t *testing.T) {
	kit, clinic := setup(t)
	discovered := date.New(2026, time.April, 10)
	at(kit, discovered+2)
	f, err := clinic.Incidents().Report(admin, fax("inc-1", discovered, 40))
	require.NoError(t, err)
	due := obligation(t, f, incident.KeyIndividuals).Deadline

	_, err = clinic.Incidents().RecordDelay(admin, f.Incident.Ref(), incident.Delay{Kind: incident.DelayOral, Agency: "FBI"})
	requireField(t, err, "official")
	f, err = clinic.Incidents().RecordDelay(admin, f.Incident.Ref(), incident.Delay{Kind: incident.DelayOral, Official: "SA Ruiz", Agency: "FBI"})
	require.NoError(t, err)
	require.Equal(t, discovered+2, f.Incident.Delays[0].StatedOn, "a zero stated_on is today")
	require.Greater(t, obligation(t, f, incident.KeyIndividuals).Deadline, due, "the clock is tolled (164.412)")
}

// TestSweepRemindsOfNoticeDeadlines: a pending notice is reminded before its deadline
// and, once missed, once more (45 CFR 164.404(b)).
func TestSweepRemindsOfNoticeDeadlines(t *testing.T) {
	kit, clinic := setup(t)
	discovered := date.New(2026, time.April, 10)
	at(kit, discovered+2)
	_, err := clinic.Incidents().Report(admin, fax("inc-1", discovered, 3))
	require.NoError(t, err)
	noticeReminders := func(asOf date.Date) []compliance.Reminder {
		res, err := clinic.Sweep(admin, compliance.SweepOptions{AsOf: asOf})
		require.NoError(t, err)
		var out []compliance.Reminder
		for _, r := range res.Reminders {
			if r.Incident != "" && r.Obligation == incident.KeyIndividuals {
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
	kit, clinic := setup(t)
	at(kit, date.New(2027, 9, 1))
	_, err := clinic.Incidents().Report(admin, incident.Incident{ID: "inc-3", Title: "Lost appointment list", DiscoveredOn: date.New(2027, 8, 20),
		DiscoveredBy: incident.DiscovererWorkforce, Total: 3, Affected: []incident.Affected{{State: "OH", Count: 3}},
		BreachType: incident.BreachLoss, Location: incident.LocationPaperFilms})
	require.NoError(t, err)
	log, err := clinic.Incidents().AnnualLog(admin, 2027)
	require.NoError(t, err)
	require.Equal(t, date.New(2028, time.February, 29), log.Deadline)
	require.Len(t, log.Entries, 1)
	require.Equal(t, incident.ReportInitial, log.Entries[0].ReportType)
	empty, err := clinic.Incidents().AnnualLog(admin, 2026)
	require.NoError(t, err)
	require.NotNil(t, empty.Entries, "an empty log marshals its entries as []")
	require.Empty(t, empty.Entries)
	_, err = clinic.Incidents().AnnualLog(admin, -1)
	requireField(t, err, "year")
}

// TestIncidentFileRules: a breach that would have been known in December belongs to that
// year's HHS log (164.404(a)(2), 164.408(c)); the business associate must be in the
// inventory; the determination and the rest of the file are not given when reporting;
// a closed file no longer changes (164.530(j)).
func TestIncidentFileRules(t *testing.T) {
	kit, clinic := setup(t)
	at(kit, date.New(2026, 1, 6))
	box := incident.Incident{ID: "inc-box", Title: "Box of records left at curb",
		DiscoveredOn: date.New(2026, 1, 5), WouldHaveKnownOn: date.New(2025, 12, 20),
		DiscoveredBy: incident.DiscovererWorkforce, Total: 20, Affected: []incident.Affected{{State: "OH", Count: 20}}}
	f, err := clinic.Incidents().Report(admin, box)
	require.NoError(t, err)
	require.Equal(t, date.New(2026, 3, 1), obligation(t, f, incident.KeyHHS).Deadline, "the 2025 log's deadline")
	log2025, err := clinic.Incidents().AnnualLog(admin, 2025)
	require.NoError(t, err)
	require.Len(t, log2025.Entries, 1)
	log2026, err := clinic.Incidents().AnnualLog(admin, 2026)
	require.NoError(t, err)
	require.Empty(t, log2026.Entries)

	_, err = clinic.Incidents().Report(admin, incident.Incident{Title: "x", DiscoveredBy: incident.DiscovererBusinessAssociate,
		Vendor: "v-nope", Total: 1, Affected: []incident.Affected{{State: "OH", Count: 1}}})
	requireField(t, err, "vendor")
	v := addBA(t, clinic, "Shred-It Now", vendors.CategoryShredding)
	ba, err := clinic.Incidents().Report(admin, incident.Incident{Title: "Bin left unlocked", DiscoveredBy: incident.DiscovererBusinessAssociate,
		Vendor: v.ID, Total: 1, Affected: []incident.Affected{{State: "OH", Count: 1}}})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(ba.Incident.ID), "incident-"), "the id is assigned: %s", ba.Incident.ID)
	require.Equal(t, date.New(2026, 1, 6), ba.Incident.DiscoveredOn, "a zero discovered_on is today")
	require.True(t, hasObligation(ba, incident.KeyBANotice), "164.410")

	withDet := box
	withDet.ID, withDet.Determination = "inc-2", &incident.Determination{Outcome: incident.OutcomeBreach}
	_, err = clinic.Incidents().Report(admin, withDet)
	requireField(t, err, "determination")

	f, err = clinic.Incidents().Determine(admin, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeNotPHI,
		Facts: "the box held blank forms only"})
	require.NoError(t, err)
	// Ohio's exemption of HIPAA-regulated entities is unverified: its notice stays owed,
	// flagged for counsel, until counsel decides (an unverified rule never clears).
	require.Equal(t, []string{ohio}, owedOf(t, clinic, "inc-box"), "%v", f.Obligations)
	require.True(t, obligation(t, f, ohio).Has(incident.FlagCounselReview))
	_, err = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{})
	require.ErrorIs(t, err, incident.ErrPending)
	f = decideOhio(t, clinic, f)
	require.Empty(t, owedOf(t, clinic, "inc-box"), "nothing owed: %v", f.Obligations)
	_, err = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{On: date.New(2025, 12, 1)})
	requireField(t, err, "on")
	f, err = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{})
	require.NoError(t, err)
	require.Equal(t, date.New(2026, 1, 6), f.Incident.ClosedOn, "a zero on is today")
	require.False(t, f.Incident.Open())
}

// owedOf returns the keys of what incident id owes.
func owedOf(t *testing.T, clinic *compliance.Org, id incident.ID) []string {
	t.Helper()
	owed, err := clinic.Incidents().Owed(admin)
	require.NoError(t, err)
	var keys []string
	for _, o := range owed {
		if o.Incident == id {
			keys = append(keys, o.Obligation.Key)
		}
	}
	return keys
}

// ohio is the key of Ohio's notice to residents, whose HIPAA exemption is unverified.
const ohio = "state:OH-1349.19:individuals"

// decideOhio records counsel's decision that Ohio's notice is not required.
func decideOhio(t *testing.T, clinic *compliance.Org, f compliance.IncidentFile) compliance.IncidentFile {
	t.Helper()
	f, err := clinic.Incidents().DecideNotRequired(admin, f.Incident.Ref(), incident.Decision{Key: ohio,
		Reason: "the box held blank forms: no personal information as Ohio defines it", Citation: "Ohio Rev. Code § 1349.19(A)(7)"})
	require.NoError(t, err)
	o := obligation(t, f, ohio)
	require.Equal(t, incident.StatusNotRequired, o.Status)
	require.Equal(t, incident.NotRequiredCounsel, o.NotRequiredCode)
	require.NotNil(t, o.Decision)
	return f
}

// closedFile reports and closes an incident that is not PHI (45 CFR 164.402) of Ohio
// residents; counsel decides Ohio's notice is not required, so none is pending.
func closedFile(t *testing.T, clinic *compliance.Org) compliance.IncidentFile {
	t.Helper()
	f, err := clinic.Incidents().Report(admin, incident.Incident{ID: "inc-closed", Title: "Box of blank forms at the curb",
		DiscoveredOn: march2 - 3, DiscoveredBy: incident.DiscovererWorkforce, Total: 5, Affected: []incident.Affected{{State: "OH", Count: 5}}})
	require.NoError(t, err)
	f, err = clinic.Incidents().Determine(admin, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeNotPHI,
		Facts: "the box held blank forms only"})
	require.NoError(t, err)
	f = decideOhio(t, clinic, f)
	f, err = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{})
	require.NoError(t, err, "%v", f.Obligations)
	return f
}

// TestIncidentClosedFileDoesNotChange: every change of a closed file is a failed
// precondition and writes nothing: the closed file is the record kept six years
// (45 CFR 164.530(j)(2)).
func TestIncidentClosedFileDoesNotChange(t *testing.T) {
	_, clinic := setup(t)
	f := closedFile(t, clinic)
	ref := f.Incident.Ref()
	facts := f.Incident
	facts.Total, facts.Affected = 6, []incident.Affected{{State: "OH", Count: 6}}
	changes := map[string]func() (compliance.IncidentFile, error){
		"UpdateFacts": func() (compliance.IncidentFile, error) { return clinic.Incidents().UpdateFacts(admin, facts) },
		"Determine": func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Determine(admin, ref, incident.Determination{Outcome: incident.OutcomeBreach})
		},
		"RecordDelay": func() (compliance.IncidentFile, error) {
			return clinic.Incidents().RecordDelay(admin, ref, incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "PD"})
		},
		"RecordNotice": func() (compliance.IncidentFile, error) {
			return clinic.Incidents().RecordNotice(admin, ref, incident.Notice{Key: incident.KeyIndividuals})
		},
		"Close": func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Close(admin, ref, incident.Closing{})
		},
	}
	before := len(events(t, clinic))
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			got, err := change()
			require.ErrorIs(t, err, incident.ErrClosed)
			require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
			require.Zero(t, got, "the zero value on error")
		})
	}
	require.Len(t, events(t, clinic), before, "nothing written")
	got, err := clinic.Incidents().Get(admin, ref.ID)
	require.NoError(t, err)
	require.Equal(t, f.Incident.Version, got.Incident.Version)
}

// TestIncidentStaleVersion: a change at a version other than the stored one is a
// conflict and changes nothing.
func TestIncidentStaleVersion(t *testing.T) {
	_, clinic := setup(t)
	f, err := clinic.Incidents().Report(admin, fax("inc-1", march2-1, 40))
	require.NoError(t, err)
	stale := f.Incident.Ref()
	f, err = clinic.Incidents().RecordNotice(admin, stale, incident.Notice{Key: incident.KeyHHS, Method: "HHS breach portal"})
	require.NoError(t, err)

	_, err = clinic.Incidents().RecordNotice(admin, stale, incident.Notice{Key: incident.KeyIndividuals})
	require.ErrorIs(t, err, storage.ErrConflict)
	require.Equal(t, compliance.Conflict, compliance.Code(err))
	facts := f.Incident
	facts.Version = stale.Version
	_, err = clinic.Incidents().UpdateFacts(admin, facts)
	require.Equal(t, compliance.Conflict, compliance.Code(err))

	got, err := clinic.Incidents().Get(admin, "inc-1")
	require.NoError(t, err)
	require.Equal(t, f.Incident.Version, got.Incident.Version)
	require.Equal(t, incident.StatusPending, obligation(t, got, incident.KeyIndividuals).Status)

	_, err = clinic.Incidents().Get(admin, "inc-nope")
	require.Equal(t, compliance.NotFound, compliance.Code(err))
	_, err = clinic.Incidents().Determine(admin, record.RefOf[incident.ID]("inc-nope", 1), incident.Determination{Outcome: incident.OutcomeBreach})
	require.Equal(t, compliance.NotFound, compliance.Code(err))
}

// TestIncidentFutureDates: an act recorded as done (discovered, decided, concluded,
// stated, sent, closed) cannot be dated after today in the organization's time zone;
// the error names the field as the caller wrote it. At the setup instant it is already
// March 3 in UTC but still March 2 in Chicago.
func TestIncidentFutureDates(t *testing.T) {
	_, clinic := setup(t)
	tomorrow := march2 + 1
	f, err := clinic.Incidents().Report(admin, fax("inc-1", march2, 40))
	require.NoError(t, err, "today in the organization's zone is not the future")
	ref := f.Incident.Ref()
	lowProbability := func(concluded date.Date) incident.Determination {
		factor := incident.Factor{Finding: "f", Rationale: "r"}
		return incident.Determination{Outcome: incident.OutcomeLowProbability, Assessment: &incident.Assessment{
			Nature: factor, Recipient: factor, AcquiredViewed: factor, Mitigation: factor,
			LowProbability: true, ConcludedBy: "Privacy Officer", ConcludedOn: concluded}}
	}
	tests := []struct {
		name  string
		field string
		call  func() (compliance.IncidentFile, error)
	}{
		{"164.404(a)(2) discovered", "discovered_on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Report(admin, fax("inc-2", tomorrow, 4))
		}},
		{"164.404(a)(2) would have known", "would_have_known_on", func() (compliance.IncidentFile, error) {
			facts := f.Incident
			facts.WouldHaveKnownOn = tomorrow
			return clinic.Incidents().UpdateFacts(admin, facts)
		}},
		{"164.402 decided", "decided_on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Determine(admin, ref, incident.Determination{Outcome: incident.OutcomeBreach, DecidedOn: tomorrow})
		}},
		{"164.402(2) concluded", "assessment.concluded_on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Determine(admin, ref, lowProbability(tomorrow))
		}},
		{"164.412 stated", "stated_on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().RecordDelay(admin, ref, incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "PD", StatedOn: tomorrow})
		}},
		{"164.404 notice sent", "sent_on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().RecordNotice(admin, ref, incident.Notice{Key: incident.KeyIndividuals, SentOn: tomorrow, Individuals: 1})
		}},
		{"164.530(j) closed", "on", func() (compliance.IncidentFile, error) {
			return clinic.Incidents().Close(admin, ref, incident.Closing{On: tomorrow})
		}},
	}
	before := len(events(t, clinic))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.call()
			requireField(t, err, tt.field)
			require.Zero(t, got, "the zero value on error")
		})
	}
	require.Len(t, events(t, clinic), before, "nothing written")

	// The day before is a past act, and a notice's own errors name its fields.
	f, err = clinic.Incidents().RecordNotice(admin, ref, incident.Notice{Key: incident.KeyIndividuals, SentOn: march2, Individuals: 1})
	require.NoError(t, err)
	_, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: incident.KeyHHS, SentOn: march2 - 5})
	requireField(t, err, "sent_on") // before discovery
}

// TestIncidentList pages through the incidents by discovery then id, with the open and
// discovery filters; a cursor the listing did not return is invalid input.
func TestIncidentList(t *testing.T) {
	_, clinic := setup(t)
	days := map[incident.ID]date.Date{"inc-a": march2 - 10, "inc-b": march2 - 30, "inc-c": march2 - 10, "inc-d": march2 - 20, "inc-e": march2}
	for id, d := range days {
		_, err := clinic.Incidents().Report(admin, fax(id, d, 3))
		require.NoError(t, err)
	}
	closed := closedFile(t, clinic) // discovered march2-3
	want := []incident.ID{"inc-b", "inc-d", "inc-a", "inc-c", "inc-closed", "inc-e"}

	list := func(q compliance.IncidentQuery) ([]incident.ID, int) {
		var ids []incident.ID
		pages := 0
		for {
			p, err := clinic.Incidents().List(admin, q)
			require.NoError(t, err)
			pages++
			for _, f := range p.Items {
				require.NotEmpty(t, f.Obligations, "each file has its obligations")
				ids = append(ids, f.Incident.ID)
			}
			if p.Next == "" {
				return ids, pages
			}
			q.Cursor = p.Next
		}
	}
	ids, pages := list(compliance.IncidentQuery{PageQuery: compliance.PageQuery{Limit: 2}})
	require.Equal(t, want, ids)
	require.Equal(t, 3, pages)
	ids, _ = list(compliance.IncidentQuery{})
	require.Equal(t, want, ids, "one default page")
	ids, _ = list(compliance.IncidentQuery{Open: true, PageQuery: compliance.PageQuery{Limit: 4}})
	require.NotContains(t, ids, closed.Incident.ID)
	require.Len(t, ids, 5)
	ids, _ = list(compliance.IncidentQuery{DiscoveredFrom: march2 - 20, DiscoveredBefore: march2, PageQuery: compliance.PageQuery{Limit: 1}})
	require.Equal(t, []incident.ID{"inc-d", "inc-a", "inc-c", "inc-closed"}, ids)
	ids, _ = list(compliance.IncidentQuery{DiscoveredBefore: march2 - 15})
	require.Equal(t, []incident.ID{"inc-b", "inc-d"}, ids)

	_, err := clinic.Incidents().List(admin, compliance.IncidentQuery{PageQuery: compliance.PageQuery{Cursor: "garbage"}})
	requireField(t, err, "cursor")
	_, err = clinic.Incidents().List(admin, compliance.IncidentQuery{PageQuery: compliance.PageQuery{Limit: -1}})
	requireField(t, err, "limit")
	_, err = clinic.Incidents().List(admin, compliance.IncidentQuery{DiscoveredFrom: march2, DiscoveredBefore: march2})
	requireField(t, err, "discovered_before")
}

// TestIncidentJSON: a file marshals to snake_case with empty lists as [] and each
// not-required notice carries a code beside its reason.
func TestIncidentJSON(t *testing.T) {
	_, clinic := setup(t)
	f := closedFile(t, clinic)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	s := string(b)
	require.NotContains(t, s, "null")
	for _, want := range []string{`"incident":{`, `"obligations":[`, `"delays":[]`, `"notices":[]`, `"phi":[]`,
		`"not_required_code":"not_phi"`, `"closed_on":"2026-03-02"`} {
		require.Contains(t, s, want)
	}
	owed, err := clinic.Incidents().Owed(admin)
	require.NoError(t, err)
	b, err = json.Marshal(owed)
	require.NoError(t, err)
	require.Equal(t, "[]", string(b), "nothing owed marshals as []")
}

// TestIncidentActions: every use case, reads included, asks the authorizer with its own
// action, and a refusal is forbidden.
func TestIncidentActions(t *testing.T) {
	var mu sync.Mutex
	var seen []compliance.Action
	refuse := compliance.Action("")
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Actor: adminActor, Engine: compliance.Options{
		Authorize: func(_ context.Context, _ compliance.Actor, _ org.ID, a compliance.Action) error {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, a)
			if a == refuse {
				return errors.New("not on my watch")
			}
			return nil
		}}})
	clinic := kit.Organization(t, orgID)
	f, err := clinic.Incidents().Report(admin, fax("inc-1", march2, 3))
	require.NoError(t, err)
	f, err = clinic.Incidents().UpdateFacts(admin, f.Incident)
	require.NoError(t, err)
	f, err = clinic.Incidents().RecordDelay(admin, f.Incident.Ref(), incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "PD"})
	require.NoError(t, err)
	f, err = clinic.Incidents().RecordNotice(admin, f.Incident.Ref(), incident.Notice{Key: incident.KeyHHS})
	require.NoError(t, err)
	f, err = clinic.Incidents().Determine(admin, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeNotPHI, Facts: "blank forms"})
	require.NoError(t, err)
	f = decideOhio(t, clinic, f)
	_, _ = clinic.Incidents().Close(admin, f.Incident.Ref(), incident.Closing{})
	_, err = clinic.Incidents().Get(admin, "inc-1")
	require.NoError(t, err)
	_, err = clinic.Incidents().List(admin, compliance.IncidentQuery{})
	require.NoError(t, err)
	_, err = clinic.Incidents().Owed(admin)
	require.NoError(t, err)
	_, err = clinic.Incidents().AnnualLog(admin, 2026)
	require.NoError(t, err)
	var incidentActions []compliance.Action
	for _, a := range seen {
		if strings.HasPrefix(string(a), "incident.") || a == compliance.ActionOwedReport || a == compliance.ActionAnnualLogReport {
			incidentActions = append(incidentActions, a)
		}
	}
	require.Equal(t, []compliance.Action{compliance.ActionIncidentReport, compliance.ActionIncidentUpdateFacts,
		compliance.ActionIncidentDelay, compliance.ActionIncidentNotice, compliance.ActionIncidentDetermine,
		compliance.ActionIncidentDecide, compliance.ActionIncidentClose, compliance.ActionIncidentRead, compliance.ActionIncidentRead,
		compliance.ActionOwedReport, compliance.ActionAnnualLogReport}, incidentActions)
	for _, a := range incidentActions {
		require.Contains(t, compliance.Actions(), a)
	}

	refuse = compliance.ActionIncidentRead
	_, err = clinic.Incidents().Get(admin, "inc-1")
	require.ErrorIs(t, err, compliance.ErrForbidden)
	require.Equal(t, compliance.Forbidden, compliance.Code(err))
}

// TestIncidentDecideNotRequired: counsel's decision names who, when, why and the
// citation; it is refused for a federal notice (those follow the determination,
// 45 CFR 164.402), an unknown key, an obligation not pending and a day in the future, and
// it is kept in the file, the events and the audit trail.
func TestIncidentDecideNotRequired(t *testing.T) {
	kit, clinic := setup(t)
	at(kit, march2)
	f, err := clinic.Incidents().Report(admin, incident.Incident{ID: "inc-d", Title: "Misdirected fax",
		DiscoveredOn: march2 - 2, DiscoveredBy: incident.DiscovererWorkforce, Total: 4, Affected: []incident.Affected{{State: "OH", Count: 4}}})
	require.NoError(t, err)
	ref := f.Incident.Ref()
	ok := incident.Decision{Key: ohio, Reason: "counsel read 1349.19(A)(7)", Citation: "Ohio Rev. Code § 1349.19"}
	for _, tt := range []struct {
		name  string
		d     incident.Decision
		field string
	}{
		{"federal notice (45 CFR 164.402)", incident.Decision{Key: incident.KeyIndividuals, Reason: "x", Citation: "y"}, "key"},
		{"unknown key", incident.Decision{Key: "state:ZZ:x", Reason: "x", Citation: "y"}, "key"},
		{"empty key", incident.Decision{Reason: "x", Citation: "y"}, "key"},
		{"no reason", incident.Decision{Key: ohio, Citation: "y"}, "reason"},
		{"no citation", incident.Decision{Key: ohio, Reason: "x"}, "citation"},
		{"in the future", incident.Decision{Key: ohio, Reason: "x", Citation: "y", DecidedOn: march2 + 1}, "decided_on"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := clinic.Incidents().DecideNotRequired(admin, ref, tt.d)
			requireField(t, err, tt.field)
		})
	}
	f, err = clinic.Incidents().DecideNotRequired(admin, ref, ok)
	require.NoError(t, err)
	o := obligation(t, f, ohio)
	require.Equal(t, incident.NotRequiredCounsel, o.NotRequiredCode)
	require.Equal(t, march2, o.Decision.DecidedOn, "a zero decided_on is today")
	require.NotEmpty(t, o.Decision.DecidedBy, "an empty decided_by is the actor")
	require.Len(t, f.Incident.Decisions, 1)
	_, err = clinic.Incidents().DecideNotRequired(admin, f.Incident.Ref(), ok)
	require.ErrorIs(t, err, incident.ErrNotPending)

	page, err := clinic.Events().List(admin, compliance.EventQuery{})
	require.NoError(t, err)
	decided := 0
	for _, ev := range page.Items {
		if ev.Type == compliance.EventObligationDecided {
			var p compliance.IncidentEvent
			require.NoError(t, json.Unmarshal(ev.Data, &p))
			require.Equal(t, ohio, p.Notice)
			decided++
		}
	}
	require.Equal(t, 1, decided)
	trail, err := clinic.Audit().List(admin, compliance.AuditQuery{})
	require.NoError(t, err)
	require.Equal(t, compliance.ActionIncidentDecide, compliance.Action(trail.Items[len(trail.Items)-1].Action))
}
