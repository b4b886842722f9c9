package incident_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

// officer decides and concludes in these tests.
const officer = "privacy.officer@example.org"

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// newIncident returns a valid incident discovered on disc by the workforce, with the given
// residents per State and Total their sum.
func newIncident(disc date.Date, affected ...incident.Affected) incident.Incident {
	total := 0
	for _, a := range affected {
		total += a.Count
	}
	return incident.Incident{
		ID: "inc-1", Title: "Unencrypted laptop stolen from an infusion bay",
		DiscoveredOn: disc, DiscoveredBy: incident.DiscovererWorkforce,
		Affected: affected, Total: total,
	}
}

// in is an Affected with count residents of state.
func in(state statelaws.Code, count int) incident.Affected {
	return incident.Affected{State: state, Count: count}
}

// federalOnly computes obligations with an empty State rule set, to isolate the federal rules
// (each State then shows as not researched).
func federalOnly(t *testing.T) incident.Options {
	t.Helper()
	set, err := statelaws.NewSet(nil)
	require.NoError(t, err)
	return incident.Options{Rules: set}
}

// withRules computes obligations under the given State rules only.
func withRules(t *testing.T, rules ...statelaws.Rule) incident.Options {
	t.Helper()
	set, err := statelaws.NewSet(rules)
	require.NoError(t, err)
	return incident.Options{Rules: set}
}

// obligations computes the incident's obligations, failing the test on error.
func obligations(t *testing.T, i incident.Incident, opts incident.Options) []incident.Obligation {
	t.Helper()
	obs, err := incident.Obligations(&i, opts)
	require.NoError(t, err)
	return obs
}

// find returns the obligation with key, and whether there is one.
func find(obs []incident.Obligation, key string) (incident.Obligation, bool) {
	for _, o := range obs {
		if o.Key == key {
			return o, true
		}
	}
	return incident.Obligation{}, false
}

// must returns the obligation with key, failing the test when there is none.
func must(t *testing.T, obs []incident.Obligation, key string) incident.Obligation {
	t.Helper()
	o, ok := find(obs, key)
	require.True(t, ok, "no obligation %q in %v", key, keys(obs))
	return o
}

// keys lists the obligations' keys in order.
func keys(obs []incident.Obligation) []string {
	out := make([]string, len(obs))
	for k, o := range obs {
		out[k] = o.Key
	}
	return out
}

// requireInvalid checks err is a validation error naming field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.ErrorIs(t, err, validation.ErrInvalid)
	for _, e := range validation.All(err) {
		if e.Field == field && strings.Contains(e.Rule, rule) {
			return
		}
	}
	t.Fatalf("no error on %s containing %q in: %v", field, rule, err)
}

// fields lists the fields named by err's validation errors.
func fields(err error) []string {
	var out []string
	for _, e := range validation.All(err) {
		out = append(out, e.Field)
	}
	return out
}

// rule returns a valid State rule for tests: 30 calendar days after discovery, applying
// to HIPAA entities, counting every data element, marked S. Edit it with the options.
func rule(id string, code statelaws.Code, edit ...func(*statelaws.Rule)) statelaws.Rule {
	r := statelaws.Rule{
		ID: id, Code: code, Title: "Test law " + id, Citation: "Test Stat. § " + id,
		Trigger: statelaws.TriggerDiscovery, Individuals: statelaws.Period{Days: 30, Kind: statelaws.CalendarDays},
		HIPAA: statelaws.HIPAAApplies, Elements: statelaws.DataElementValues(), Mark: statelaws.MarkSecondary,
	}
	for _, e := range edit {
		e(&r)
	}
	return r
}

// regulator returns a regulator notice for tests, with the code id (its key's last part)
// and the display name name; edit it with the options.
func regulator(id, name string, min int, p statelaws.Period, rel statelaws.Relative, appliesToHIPAA bool, edit ...func(*statelaws.RegulatorNotice)) statelaws.RegulatorNotice {
	n := statelaws.RegulatorNotice{
		ID: id, Regulator: name, MinResidents: min, Deadline: p, Relative: rel, AppliesToHIPAA: appliesToHIPAA,
		Citation: "Test Stat. § reg", Mark: statelaws.MarkSecondary,
	}
	for _, e := range edit {
		e(&n)
	}
	return n
}

// calendarDays and businessDays build periods.
func calendarDays(n int) statelaws.Period {
	return statelaws.Period{Days: n, Kind: statelaws.CalendarDays}
}
func businessDays(n int) statelaws.Period {
	return statelaws.Period{Days: n, Kind: statelaws.BusinessDays}
}

// lowProbability returns a complete low-probability determination decided on on.
func lowProbability(on date.Date) *incident.Determination {
	f := incident.Factor{Finding: "found", Rationale: "because"}
	return &incident.Determination{
		Outcome: incident.OutcomeLowProbability, Facts: "fax to a wrong clinic, returned unread",
		Assessment: &incident.Assessment{
			Nature: f, Recipient: f, AcquiredViewed: f, Mitigation: f,
			LowProbability: true, ConcludedBy: officer, ConcludedOn: on,
		},
		DecidedBy: officer, DecidedOn: on,
	}
}

// federal returns the federal obligations of obs, leaving out State ones.
func federal(obs []incident.Obligation) []incident.Obligation {
	var out []incident.Obligation
	for _, o := range obs {
		if !strings.HasPrefix(o.Key, "state:") {
			out = append(out, o)
		}
	}
	return out
}
