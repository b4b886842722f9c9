package incident_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

// due is an expected pending obligation: its deadline and citation.
type due struct {
	deadline date.Date
	cite     string
}

// TestFederalObligations pins each federal notice and its deadline to its section.
func TestFederalObligations(t *testing.T) {
	ba := func(disc date.Date, days int) incident.Incident {
		i := newIncident(disc, in("TX", 40))
		i.DiscoveredBy, i.Vendor, i.BAReportingDays = incident.DiscovererBusinessAssociate, "acme-billing", days
		return i
	}
	noContact := func(n int) incident.Incident {
		i := newIncident(day(2026, 1, 1), in("TX", 40))
		i.Affected[0].NoContact = n
		return i
	}
	tests := []struct {
		name   string
		inc    incident.Incident
		want   map[string]due
		absent []string
	}{
		{
			"164.404(b), 164.408(c), 164.406: 40 in one State discovered 2026-01-01",
			newIncident(day(2026, 1, 1), in("TX", 40)),
			map[string]due{
				"individuals": {day(2026, 3, 2), "45 CFR 164.404(b)"},
				"hhs":         {day(2027, 3, 1), "45 CFR 164.408(c)"},
			},
			[]string{"media:TX", "substitute-notice", "telephone", "ba-notice"},
		},
		{
			"164.404(b), 164.406, 164.408(b): 650 (520 OH, 130 KY) discovered 2026-04-10",
			newIncident(day(2026, 4, 10), in("OH", 520), in("KY", 130)),
			map[string]due{
				"individuals": {day(2026, 6, 9), "45 CFR 164.404(b)"},
				"hhs":         {day(2026, 6, 9), "45 CFR 164.408(b)"},
				"media:OH":    {day(2026, 6, 9), "45 CFR 164.406"},
			},
			[]string{"media:KY"},
		},
		{
			"164.408(c): 3 individuals discovered 2027-08-20, leap-year deadline",
			newIncident(day(2027, 8, 20), in("CA", 3)),
			map[string]due{
				"individuals": {day(2027, 10, 19), "45 CFR 164.404(b)"},
				"hhs":         {day(2028, 2, 29), "45 CFR 164.408(c)"},
			},
			nil,
		},
		{
			"164.408(c): discovered on Dec 31 still reports by Mar 1",
			newIncident(day(2026, 12, 31), in("CA", 3)),
			map[string]due{"hhs": {day(2027, 3, 1), "45 CFR 164.408(c)"}},
			nil,
		},
		{
			"164.408(b), 164.406(a): exactly 500 in one State: HHS within 60 days, no media",
			newIncident(day(2026, 4, 10), in("OH", 500)),
			map[string]due{"hhs": {day(2026, 6, 9), "45 CFR 164.408(b)"}},
			[]string{"media:OH"},
		},
		{
			"164.406(a): 501 in one State: media",
			newIncident(day(2026, 4, 10), in("OH", 501)),
			map[string]due{"media:OH": {day(2026, 6, 9), "45 CFR 164.406"}},
			nil,
		},
		{
			"164.408(b), 164.406(a): 900 across States, none over 500: no media",
			newIncident(day(2026, 4, 10), in("OH", 300), in("KY", 300), in("IN", 300)),
			map[string]due{"hhs": {day(2026, 6, 9), "45 CFR 164.408(b)"}},
			[]string{"media:OH", "media:KY", "media:IN"},
		},
		{
			"164.408(b): 499 in States and 1 of unknown residence make 500",
			func() incident.Incident {
				i := newIncident(day(2026, 4, 10), in("OH", 499))
				i.Total = 500
				return i
			}(),
			map[string]due{"hhs": {day(2026, 6, 9), "45 CFR 164.408(b)"}},
			nil,
		},
		{
			"164.408(c): 499 is fewer than 500",
			newIncident(day(2026, 4, 10), in("OH", 499)),
			map[string]due{"hhs": {day(2027, 3, 1), "45 CFR 164.408(c)"}},
			nil,
		},
		{
			"164.410(b): business associate discovers 2026-02-10: its notice within 60 days",
			ba(day(2026, 2, 10), 0),
			map[string]due{
				"ba-notice":   {day(2026, 4, 11), "45 CFR 164.410(b)"},
				"individuals": {day(2026, 4, 11), "45 CFR 164.404(b)"},
			},
			nil,
		},
		{
			"164.410(b): a 10-day BAA shortens it to 2026-02-20",
			ba(day(2026, 2, 10), 10),
			map[string]due{"ba-notice": {day(2026, 2, 20), "45 CFR 164.410(b); BAA"}},
			nil,
		},
		{
			"164.410(b): a 90-day BAA cannot lengthen the 60 days",
			ba(day(2026, 2, 10), 90),
			map[string]due{"ba-notice": {day(2026, 4, 11), "45 CFR 164.410(b)"}},
			nil,
		},
		{
			"164.404(d)(2)(i): 9 without contact information",
			noContact(9),
			map[string]due{"substitute-notice": {day(2026, 3, 2), "45 CFR 164.404(d)(2)(i)"}},
			nil,
		},
		{
			"164.404(d)(2)(ii): 10 without contact information: web or media and toll-free number",
			noContact(10),
			map[string]due{"substitute-notice": {day(2026, 3, 2), "45 CFR 164.404(d)(2)(ii)"}},
			nil,
		},
		{
			"164.404(a)(2): would have known earlier: the clock starts then",
			func() incident.Incident {
				i := newIncident(day(2026, 4, 10), in("TX", 40))
				i.WouldHaveKnownOn = day(2026, 1, 1)
				return i
			}(),
			map[string]due{"individuals": {day(2026, 3, 2), "45 CFR 164.404(b)"}, "hhs": {day(2027, 3, 1), "45 CFR 164.408(c)"}},
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := obligations(t, tt.inc, federalOnly(t))
			for key, w := range tt.want {
				o := must(t, obs, key)
				assert.Equal(t, incident.StatusPending, o.Status, key)
				assert.Equal(t, w.deadline, o.Deadline, key)
				assert.Equal(t, w.cite, o.Citation, key)
				assert.NotEmpty(t, o.Reason, key)
			}
			for _, key := range tt.absent {
				_, ok := find(obs, key)
				assert.False(t, ok, "unexpected %s", key)
			}
		})
	}
}

// TestHHSAnnualDeadline: 60 days after the end of the calendar year: March 1, or February 29
// in a leap year (45 CFR 164.408(c)).
func TestHHSAnnualDeadline(t *testing.T) {
	tests := []struct {
		year int
		want date.Date
	}{
		{2025, day(2026, 3, 1)},
		{2026, day(2027, 3, 1)},
		{2027, day(2028, 2, 29)},
		{2099, day(2100, 3, 1)}, // 2100 is not a leap year
		{2399, day(2400, 2, 29)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, incident.HHSAnnualDeadline(tt.year), "164.408(c) year %d", tt.year)
	}
}

// TestNotABreach: when the outcome is not a breach, every federal obligation is listed as
// not required with the reason (45 CFR 164.402; 74 FR 42740).
func TestNotABreach(t *testing.T) {
	disc := day(2026, 4, 10)
	tests := []struct {
		name   string
		facts  func(i *incident.Incident)
		det    *incident.Determination
		reason string
		code   incident.NotRequiredReason
	}{
		{"164.402 not PHI", nil, &incident.Determination{Outcome: incident.OutcomeNotPHI, Facts: "only a schedule template"}, "45 CFR 164.402",
			incident.NotRequiredNotPHI},
		{"74 FR 42740 secured by destruction", func(i *incident.Incident) { i.Destroyed = true },
			&incident.Determination{Outcome: incident.OutcomeSecured}, "destroyed", incident.NotRequiredSecured},
		{"164.402(1)(ii) inadvertent disclosure between authorized persons", nil,
			&incident.Determination{Outcome: incident.OutcomeException, Exception: incident.ExceptionInadvertentAuthorized, Facts: "sent to the wrong oncologist in the practice"},
			"45 CFR 164.402(1)(ii)", incident.NotRequiredException},
		{"164.402(2) low probability of compromise", nil, lowProbability(disc + 2), "164.402(2)", incident.NotRequiredLowProbability},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(disc, in("OH", 520), in("KY", 130))
			i.DiscoveredBy, i.MisuseImminent = incident.DiscovererBusinessAssociate, true
			i.Affected[0].NoContact = 12
			if tt.facts != nil {
				tt.facts(&i)
			}
			d := *tt.det
			if d.DecidedBy == "" {
				d.DecidedBy, d.DecidedOn = officer, disc+2
			}
			i.Determination = &d
			obs := federal(obligations(t, i, federalOnly(t)))
			assert.ElementsMatch(t, []string{"individuals", "substitute-notice", "telephone", "media:OH", "hhs", "ba-notice"}, keys(obs))
			for _, o := range obs {
				assert.Equal(t, incident.StatusNotRequired, o.Status, o.Key)
				assert.Contains(t, o.NotRequired, tt.reason, o.Key)
				assert.Equal(t, tt.code, o.NotRequiredCode, o.Key)
				assert.Contains(t, o.NotRequired, officer, o.Key)
				assert.Equal(t, date.Zero, o.Deadline, o.Key)
			}
		})
	}

	t.Run("164.402(2) a breach determination keeps every notice", func(t *testing.T) {
		i := newIncident(disc, in("OH", 520))
		i.Determination = &incident.Determination{Outcome: incident.OutcomeBreach, DecidedBy: officer, DecidedOn: disc}
		for _, o := range federal(obligations(t, i, federalOnly(t))) {
			assert.Equal(t, incident.StatusPending, o.Status, o.Key)
			assert.NotContains(t, o.Reason, "presumed", o.Key)
		}
	})
}

// TestStatusFromNotices: a recorded notice marks its obligation sent; HHS for 500 or more
// keeps its 60-day bound even when the individual notice went out earlier (45 CFR
// 164.408(b): "contemporaneously" is urged, the deadline is the outer limit, so a count
// that reaches 500 after the letters never makes the HHS notice late at once).
func TestStatusFromNotices(t *testing.T) {
	i := newIncident(day(2026, 4, 10), in("OH", 520), in("KY", 130))
	i.Notices = []incident.Notice{{Key: "individuals", SentOn: day(2026, 5, 1), Method: "first-class mail", Individuals: 650}}
	obs := obligations(t, i, federalOnly(t))

	ind := must(t, obs, "individuals")
	assert.Equal(t, incident.StatusSent, ind.Status)
	assert.Equal(t, day(2026, 5, 1), ind.SentOn)
	assert.Equal(t, "first-class mail", ind.Method)
	assert.Equal(t, day(2026, 6, 9), ind.Deadline, "the deadline stays as the law set it")

	hhs := must(t, obs, "hhs")
	assert.Equal(t, incident.StatusPending, hhs.Status)
	assert.Equal(t, day(2026, 6, 9), hhs.Deadline, "164.408(b): no later than 60 days after discovery")
	assert.Contains(t, hhs.Reason, "went out on 2026-05-01")
	assert.Equal(t, incident.StatusPending, must(t, obs, "media:OH").Status)

	t.Run("164.404(a)(1) individuals found after the letters are still owed notice", func(t *testing.T) {
		i := i
		i.Notices = []incident.Notice{{Key: "individuals", SentOn: day(2026, 5, 1), Individuals: 300}}
		ind := must(t, obligations(t, i, federalOnly(t)), "individuals")
		assert.Equal(t, incident.StatusPending, ind.Status, "300 of 650 reached")
		assert.Equal(t, 350, ind.Remaining)
		assert.True(t, ind.Has(incident.FlagOwedAgain))
		assert.Contains(t, ind.Reason, "the other 350 are owed notice")
		i.Notices = append(i.Notices, incident.Notice{Key: "individuals", SentOn: day(2026, 5, 20), Individuals: 350})
		assert.Equal(t, incident.StatusSent, must(t, obligations(t, i, federalOnly(t)), "individuals").Status)
	})

	t.Run("a notice recorded for an obligation not required keeps it not required", func(t *testing.T) {
		i := i
		i.Determination = lowProbability(day(2026, 4, 12))
		ind := must(t, obligations(t, i, federalOnly(t)), "individuals")
		assert.Equal(t, incident.StatusNotRequired, ind.Status)
		assert.Equal(t, day(2026, 5, 1), ind.SentOn)
	})
}

// TestObligationsSorted: by deadline, no deadline last, then key.
func TestObligationsSorted(t *testing.T) {
	i := newIncident(day(2026, 4, 10), in("OH", 520), in("KY", 130), in("TX", 3))
	i.DiscoveredBy, i.BAReportingDays = incident.DiscovererBusinessAssociate, 10
	obs := obligations(t, i, federalOnly(t))
	assert.Equal(t, []string{
		"ba-notice", "hhs", "individuals", "media:OH",
		"state:KY:not-researched", "state:OH:not-researched", "state:TX:not-researched",
	}, keys(obs))
	for k := 1; k < len(obs); k++ {
		a, b := obs[k-1].Deadline, obs[k].Deadline
		assert.True(t, b == date.Zero || (a != date.Zero && a <= b), "%s before %s", obs[k-1].Key, obs[k].Key)
	}
}

// TestObligationsOptions: a bad delay policy and a nil incident are refused.
func TestObligationsOptions(t *testing.T) {
	i := newIncident(day(2026, 4, 10), in("OH", 20))
	_, err := incident.Obligations(&i, incident.Options{DelayPolicy: "pause"})
	requireInvalid(t, err, "options.delay_policy", `"pause" is not one of`)
	_, err = incident.Obligations(nil, incident.Options{})
	require.ErrorIs(t, err, validation.ErrInvalid)
}

// TestCountGrowsPastThreshold: a count that grows past 500 after the first assessment
// recomputes the obligations; Diff shows the media notice and the HHS change
// (breach-notification.md edge cases; 45 CFR 164.406, 164.408(b)-(c)).
func TestCountGrowsPastThreshold(t *testing.T) {
	disc := day(2026, 4, 10)
	first := newIncident(disc, in("OH", 400))
	before := obligations(t, first, federalOnly(t))
	require.Equal(t, day(2027, 3, 1), must(t, before, "hhs").Deadline, "164.408(c)")

	grown := newIncident(disc, in("OH", 600))
	after := obligations(t, grown, federalOnly(t))

	added, removed := incident.Diff(before, after)
	assert.Equal(t, []string{"hhs", "media:OH"}, keys(added))
	assert.Equal(t, []string{"hhs"}, keys(removed))
	assert.Equal(t, day(2026, 6, 9), added[0].Deadline, "164.408(b)")
	assert.Equal(t, "45 CFR 164.408(b)", added[0].Citation)
	assert.Equal(t, "45 CFR 164.408(c)", removed[0].Citation)

	t.Run("no change, no event", func(t *testing.T) {
		added, removed := incident.Diff(after, obligations(t, grown, federalOnly(t)))
		assert.Empty(t, added)
		assert.Empty(t, removed)
	})
	t.Run("a notice sent is not a change", func(t *testing.T) {
		sent := grown
		sent.Notices = []incident.Notice{{Key: "media:OH", SentOn: disc + 5}}
		added, removed := incident.Diff(after, obligations(t, sent, federalOnly(t)))
		assert.Empty(t, added)
		assert.Empty(t, removed)
	})
	t.Run("shrinking back removes them", func(t *testing.T) {
		added, removed := incident.Diff(after, before)
		assert.Equal(t, []string{"hhs"}, keys(added))
		assert.Equal(t, []string{"hhs", "media:OH"}, keys(removed))
	})
	t.Run("a not-breach determination removes the required ones", func(t *testing.T) {
		decided := grown
		decided.Determination = lowProbability(disc + 3)
		added, removed := incident.Diff(after, obligations(t, decided, federalOnly(t)))
		assert.Equal(t, []string{"hhs", "individuals", "media:OH"}, keys(removed))
		assert.Equal(t, []string{"hhs", "individuals", "media:OH"}, keys(added), "now listed as not required")
		for _, o := range added {
			assert.Equal(t, incident.StatusNotRequired, o.Status)
		}
	})
}

// TestStateKeys: keys are deterministic.
func TestStateKeys(t *testing.T) {
	assert.Equal(t, "state:NY-899-aa:individuals", incident.StateKey("NY-899-aa", "individuals"))
	assert.Equal(t, "state:NY-899-aa:ag-hhs-copy", incident.StateKey("NY-899-aa", "ag-hhs-copy"))
	assert.Equal(t, "media:unknown-state", incident.KeyMediaUnknownState)
	assert.Equal(t, "media:OH", incident.MediaKey(statelaws.Code("OH")))
}
