package incident_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
)

// TestStateObligations: each State rule runs beside HIPAA for the States where affected
// individuals reside, computed separately (breach-notification.md "State laws";
// state-laws.md). Discovered Friday 2026-04-10: federal notices due 2026-06-09.
func TestStateObligations(t *testing.T) {
	disc := day(2026, 4, 10)
	type want struct {
		key        string
		status     incident.Status
		deadline   date.Date
		unverified bool
		text       string // in NotRequired when not required, else in Reason
	}
	tests := []struct {
		name  string
		rules []statelaws.Rule
		inc   func() incident.Incident
		want  []want
	}{
		{
			"state-laws.md WA: 30 days after discovery; AG if more than 500",
			[]statelaws.Rule{rule("WA-19.255.010", "WA", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 501, calendarDays(30), statelaws.RelTrigger, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("WA", 600)) },
			[]want{
				{"state:WA-19.255.010:individuals", incident.StatusPending, day(2026, 5, 10), false, "30 calendar days"},
				{"state:WA-19.255.010:ag", incident.StatusPending, day(2026, 5, 10), false, "within 30 calendar days"},
			},
		},
		{
			"state-laws.md threshold: exactly 500 is not more than 500",
			[]statelaws.Rule{rule("WA-19.255.010", "WA", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 501, calendarDays(30), statelaws.RelTrigger, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("WA", 500)) },
			[]want{{"state:WA-19.255.010:ag", incident.StatusNotRequired, date.Zero, false, "500 residents of WA are affected, fewer than the 501"}},
		},
		{
			"state-laws.md TX: 60 days after determination, counted from discovery (conservative)",
			[]statelaws.Rule{rule("TX-521.053", "TX", func(r *statelaws.Rule) {
				r.Trigger, r.Individuals = statelaws.TriggerDetermination, calendarDays(60)
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 250, calendarDays(30), statelaws.RelTrigger, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("TX", 250)) },
			[]want{
				{"state:TX-521.053:individuals", incident.StatusPending, day(2026, 6, 9), false, "counts from discovery (2026-04-10)"},
				{"state:TX-521.053:ag", incident.StatusPending, day(2026, 5, 10), false, "the determination that a breach occurred"},
			},
		},
		{
			"state-laws.md TN: HIPAA entities excluded",
			[]statelaws.Rule{rule("TN-47-18-2107", "TN", func(r *statelaws.Rule) { r.HIPAA, r.Individuals = statelaws.HIPAAExempt, calendarDays(45) })},
			func() incident.Incident { return newIncident(disc, in("TN", 40)) },
			[]want{{"state:TN-47-18-2107:individuals", incident.StatusNotRequired, date.Zero, false, "does not apply to HIPAA-regulated entities"}},
		},
		{
			"state-laws.md Corrections, Ohio Rev. Code 1349.19: reported exempt [U]: the 45 days stay owed, flagged for counsel",
			[]statelaws.Rule{rule("OH-1349.19", "OH", func(r *statelaws.Rule) {
				r.HIPAA, r.HIPAAMark, r.Individuals = statelaws.HIPAAExempt, statelaws.MarkUnverified, calendarDays(45)
			})},
			func() incident.Incident { return newIncident(disc, in("OH", 40)) },
			[]want{{"state:OH-1349.19:individuals", incident.StatusPending, day(2026, 5, 25), true, "45 calendar days"}},
		},
		{
			"state-laws.md OR: exempt but send the AG a copy, no later than residents",
			[]statelaws.Rule{rule("OR-646A.604", "OR", func(r *statelaws.Rule) {
				r.HIPAA, r.Individuals = statelaws.HIPAAExemptExceptRegulator, calendarDays(45)
				r.Regulators = []statelaws.RegulatorNotice{
					regulator("ag", "Attorney General", 251, calendarDays(45), statelaws.RelTrigger, false),
					regulator("ag-hipaa-copy", "Attorney General (copy of the HIPAA notice)", 1, statelaws.Period{}, statelaws.RelWithIndividuals, true),
				}
			})},
			func() incident.Incident { return newIncident(disc, in("OR", 300)) },
			[]want{
				{"state:OR-646A.604:individuals", incident.StatusNotRequired, date.Zero, false, "exempts HIPAA-regulated entities"},
				{"state:OR-646A.604:ag", incident.StatusNotRequired, date.Zero, false, "exempts HIPAA-regulated entities"},
				{"state:OR-646A.604:ag-hipaa-copy", incident.StatusPending, day(2026, 6, 9), false, "the individuals notice is due by 2026-06-09"},
			},
		},
		{
			"state-laws.md CT: deemed compliant; AG no later than residents",
			[]statelaws.Rule{rule("CT-36a-701b", "CT", func(r *statelaws.Rule) {
				r.HIPAA, r.Individuals = statelaws.HIPAADeemedCompliant, calendarDays(60)
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 1, statelaws.Period{}, statelaws.RelWithIndividuals, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("CT", 40)) },
			[]want{
				{"state:CT-36a-701b:individuals", incident.StatusNotRequired, date.Zero, false, "deemed to comply"},
				{"state:CT-36a-701b:ag", incident.StatusPending, day(2026, 6, 9), false, "no later than when residents are notified"},
			},
		},
		{
			"state-laws.md CT: deemed compliance needs a HIPAA notice; without one the law applies",
			[]statelaws.Rule{rule("CT-36a-701b", "CT", func(r *statelaws.Rule) {
				r.HIPAA, r.Individuals = statelaws.HIPAADeemedCompliant, calendarDays(60)
			})},
			func() incident.Incident {
				i := newIncident(disc, in("CT", 40))
				i.Determination = lowProbability(disc + 1)
				return i
			},
			[]want{{"state:CT-36a-701b:individuals", incident.StatusPending, day(2026, 6, 9), false, "The federal outcome does not decide this law"}},
		},
		{
			"state-laws.md NY 899-aa(9): AG copy within 5 business days of notifying HHS",
			[]statelaws.Rule{rule("NY-899-aa", "NY", func(r *statelaws.Rule) {
				r.HIPAA = statelaws.HIPAAPartial
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag-hhs-copy", "Attorney General", 1, businessDays(5), statelaws.RelHHSNotice, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("NY", 600)) },
			[]want{
				{"state:NY-899-aa:individuals", incident.StatusPending, day(2026, 5, 10), false, "Some provisions apply to HIPAA-regulated entities"},
				{"state:NY-899-aa:ag-hhs-copy", incident.StatusPending, day(2026, 6, 16), false, "the HHS notice is due by 2026-06-09"},
			},
		},
		{
			"state-laws.md NY 899-aa(9): counted from the day HHS was notified",
			[]statelaws.Rule{rule("NY-899-aa", "NY", func(r *statelaws.Rule) {
				r.HIPAA = statelaws.HIPAAPartial
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag-hhs-copy", "Attorney General", 1, businessDays(5), statelaws.RelHHSNotice, true)}
			})},
			func() incident.Incident {
				i := newIncident(disc, in("NY", 600))
				i.Notices = []incident.Notice{{Key: "hhs", SentOn: day(2026, 5, 1)}} // a Friday
				return i
			},
			[]want{{"state:NY-899-aa:ag-hhs-copy", incident.StatusPending, day(2026, 5, 8), false, "HHS was notified on 2026-05-01"}},
		},
		{
			"state-laws.md NY 899-aa(9): no HHS notice when the outcome is not a breach",
			[]statelaws.Rule{rule("NY-899-aa", "NY", func(r *statelaws.Rule) {
				r.HIPAA = statelaws.HIPAAPartial
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag-hhs-copy", "Attorney General", 1, businessDays(5), statelaws.RelHHSNotice, true)}
			})},
			func() incident.Incident {
				i := newIncident(disc, in("NY", 600))
				i.Determination = lowProbability(disc + 1)
				return i
			},
			[]want{{"state:NY-899-aa:ag-hhs-copy", incident.StatusNotRequired, date.Zero, false, "no HHS notice is due"}},
		},
		{
			"state-laws.md CA 1798.82: AG within 15 days of notifying residents (the State's 30 days come first)",
			[]statelaws.Rule{rule("CA-1798.82", "CA", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 501, calendarDays(15), statelaws.RelIndividualNotice, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("CA", 600)) },
			[]want{
				{"state:CA-1798.82:individuals", incident.StatusPending, day(2026, 5, 10), false, "30 calendar days"},
				{"state:CA-1798.82:ag", incident.StatusPending, day(2026, 5, 25), false, "within 15 calendar days after notifying residents"},
			},
		},
		{
			"state-laws.md CA 1798.82: counted from the day residents were notified",
			[]statelaws.Rule{rule("CA-1798.82", "CA", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 501, calendarDays(15), statelaws.RelIndividualNotice, true)}
			})},
			func() incident.Incident {
				i := newIncident(disc, in("CA", 600))
				i.Notices = []incident.Notice{{Key: "state:CA-1798.82:individuals", SentOn: day(2026, 4, 20), Individuals: 600}}
				return i
			},
			[]want{
				{"state:CA-1798.82:individuals", incident.StatusSent, day(2026, 5, 10), false, ""},
				{"state:CA-1798.82:ag", incident.StatusPending, day(2026, 5, 5), false, "went out on 2026-04-20"},
			},
		},
		{
			"state-laws.md MD: AG before notifying individuals",
			[]statelaws.Rule{rule("MD-14-3504", "MD", func(r *statelaws.Rule) {
				r.Individuals = calendarDays(45)
				r.Regulators = []statelaws.RegulatorNotice{regulator("ag", "Attorney General", 1, statelaws.Period{}, statelaws.RelBeforeIndividuals, true)}
			})},
			func() incident.Incident { return newIncident(disc, in("MD", 5)) },
			[]want{{"state:MD-14-3504:ag", incident.StatusPending, day(2026, 5, 25), false, "before residents are notified"}},
		},
		{
			"state-laws.md IL: most expedient time, no fixed days",
			[]statelaws.Rule{rule("IL-530", "IL", func(r *statelaws.Rule) { r.Individuals = statelaws.Period{} })},
			func() incident.Incident { return newIncident(disc, in("IL", 5)) },
			[]want{{"state:IL-530:individuals", incident.StatusPending, date.Zero, false, "most expedient time"}},
		},
		{
			"state-laws.md data elements: OH leaves medical data out",
			[]statelaws.Rule{rule("OH-test", "OH", func(r *statelaws.Rule) {
				r.Elements = []statelaws.DataElement{statelaws.ElementSSN, statelaws.ElementFinancialAccount}
			})},
			func() incident.Incident {
				i := newIncident(disc, in("OH", 40))
				i.Elements = []statelaws.DataElement{statelaws.ElementMedical}
				return i
			},
			[]want{{"state:OH-test:individuals", incident.StatusNotRequired, date.Zero, false, "the data elements involved (medical) are not ones"}},
		},
		{
			"state-laws.md data elements: SSN counts",
			[]statelaws.Rule{rule("OH-test", "OH", func(r *statelaws.Rule) {
				r.Elements = []statelaws.DataElement{statelaws.ElementSSN}
			})},
			func() incident.Incident {
				i := newIncident(disc, in("OH", 40))
				i.Elements = []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementSSN}
				return i
			},
			[]want{{"state:OH-test:individuals", incident.StatusPending, day(2026, 5, 10), false, "Test law"}},
		},
		{
			"state-laws.md data elements not recorded: assumed to count",
			[]statelaws.Rule{rule("OH-test", "OH", func(r *statelaws.Rule) {
				r.Elements = []statelaws.DataElement{statelaws.ElementSSN}
			})},
			func() incident.Incident { return newIncident(disc, in("OH", 40)) },
			[]want{{"state:OH-test:individuals", incident.StatusPending, day(2026, 5, 10), false, "No data elements are recorded"}},
		},
		{
			"state-laws.md unknown HIPAA treatment: applies, unverified",
			[]statelaws.Rule{rule("CO-6-1-716", "CO", func(r *statelaws.Rule) {
				r.HIPAA, r.HIPAAMark = statelaws.HIPAAUnknown, statelaws.MarkUnverified
			})},
			func() incident.Incident { return newIncident(disc, in("CO", 40)) },
			[]want{{"state:CO-6-1-716:individuals", incident.StatusPending, day(2026, 5, 10), true, "not established"}},
		},
		{
			"state-laws.md an unverified regulator notice is flagged alone",
			[]statelaws.Rule{rule("CO-6-1-716", "CO", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{regulator("cra", "Consumer reporting agencies", 1001, statelaws.Period{}, statelaws.RelTrigger, true,
					func(n *statelaws.RegulatorNotice) {
						n.Mark, n.Kind = statelaws.MarkUnverified, statelaws.KindConsumerReporting
					})}
			})},
			func() incident.Incident { return newIncident(disc, in("CO", 2000)) },
			[]want{
				{"state:CO-6-1-716:individuals", incident.StatusPending, day(2026, 5, 10), false, ""},
				{"state:CO-6-1-716:cra", incident.StatusPending, date.Zero, true, "no fixed number of days"},
			},
		},
		{
			"state-laws.md effective date after discovery: an earlier version may govern",
			[]statelaws.Rule{rule("CA-1798.82", "CA", func(r *statelaws.Rule) { r.EffectiveOn = day(2026, 7, 1) })},
			func() incident.Incident { return newIncident(disc, in("CA", 40)) },
			[]want{{"state:CA-1798.82:individuals", incident.StatusPending, day(2026, 5, 10), true, "took effect on 2026-07-01"}},
		},
		{
			"state-laws.md scope shown",
			[]statelaws.Rule{rule("CA-HSC-1280.15", "CA", func(r *statelaws.Rule) {
				r.Trigger, r.Individuals, r.Scope = statelaws.TriggerDetection, businessDays(15), "licensed clinics"
			})},
			func() incident.Incident { return newIncident(disc, in("CA", 40)) },
			[]want{{"state:CA-HSC-1280.15:individuals", incident.StatusPending, day(2026, 5, 1), false, "Applies to: licensed clinics."}},
		},
		{
			"state-laws.md States not researched are shown",
			nil,
			func() incident.Incident { return newIncident(disc, in("KY", 40)) },
			[]want{{"state:KY:not-researched", incident.StatusPending, date.Zero, true, "no breach law for KY"}},
		},
		{
			"keys from codes: two notices to the same regulator get distinct keys from their ids",
			[]statelaws.Rule{rule("WA-test", "WA", func(r *statelaws.Rule) {
				r.Regulators = []statelaws.RegulatorNotice{
					regulator("ag", "Attorney General", 1, calendarDays(30), statelaws.RelTrigger, true),
					regulator("ag-preliminary", "Attorney General", 1, calendarDays(10), statelaws.RelTrigger, true),
				}
			})},
			func() incident.Incident { return newIncident(disc, in("WA", 40)) },
			[]want{
				{"state:WA-test:ag", incident.StatusPending, day(2026, 5, 10), false, ""},
				{"state:WA-test:ag-preliminary", incident.StatusPending, day(2026, 4, 20), false, ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := obligations(t, tt.inc(), withRules(t, tt.rules...))
			for _, w := range tt.want {
				o := must(t, obs, w.key)
				assert.Equal(t, w.status, o.Status, w.key)
				assert.Equal(t, w.deadline, o.Deadline, w.key)
				assert.Equal(t, w.unverified, o.Unverified, w.key)
				if w.status == incident.StatusNotRequired {
					assert.Contains(t, o.NotRequired, w.text, w.key)
					assert.True(t, o.NotRequiredCode.Valid(), "%s: not_required_code %q", w.key, o.NotRequiredCode)
				} else {
					assert.Contains(t, o.Reason, w.text, w.key)
					assert.Empty(t, o.NotRequired, w.key)
				}
				assert.NotEmpty(t, o.State, w.key)
			}
		})
	}
}

// TestDefaultRules: with no rules given, the default State rules (statelaws.Default) apply:
// the same obligations as with statelaws.DefaultSet() given. Whatever the default rows
// say, which the tests of package statelaws pin.
func TestDefaultRules(t *testing.T) {
	i := newIncident(day(2026, 4, 10), in("OH", 520), in("KY", 130), in("NY", 10))
	assert.Equal(t, obligations(t, i, incident.Options{Rules: statelaws.DefaultSet()}), obligations(t, i, incident.Options{}))
}

// TestCalendarOption: business days skip the holidays of the calendar given, by default
// weekends and US federal holidays (state-laws.md "Business-day rules").
func TestCalendarOption(t *testing.T) {
	vt := rule("VT-test", "VT", func(r *statelaws.Rule) { r.Individuals = businessDays(14) })
	i := newIncident(day(2026, 3, 2), in("VT", 40)) // a Monday
	opts := withRules(t, vt)
	assert.Equal(t, day(2026, 3, 20), must(t, obligations(t, i, opts), "state:VT-test:individuals").Deadline)
	opts.Calendar = statelaws.HolidayList{day(2026, 3, 10)} // Town Meeting Day
	assert.Equal(t, day(2026, 3, 23), must(t, obligations(t, i, opts), "state:VT-test:individuals").Deadline)

	// Federal holidays by default: 2026-05-25 is Memorial Day.
	i = newIncident(day(2026, 5, 18), in("VT", 40)) // a Monday
	opts.Calendar = nil
	assert.Equal(t, day(2026, 6, 8), must(t, obligations(t, i, opts), "state:VT-test:individuals").Deadline)
}
