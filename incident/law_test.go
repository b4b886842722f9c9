package incident_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
)

// These tests run the default State rules (statelaws.Default) end to end: each case is a
// scenario built from the statute or regulation it names.

// lawDay is date.New.
func lawDay(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// lawIncident is a breach discovered on disc by the workforce, with count residents of
// state and the data elements given (medical information and an SSN when none).
func lawIncident(disc date.Date, state statelaws.Code, count int, elems ...statelaws.DataElement) incident.Incident {
	if len(elems) == 0 {
		elems = []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementSSN}
	}
	return incident.Incident{
		ID: "inc-law", Title: "Laptop stolen from a car", DiscoveredOn: disc, DiscoveredBy: incident.DiscovererWorkforce,
		Elements: elems, Affected: []incident.Affected{{State: state, Count: count}}, Total: count,
	}
}

// breachOn records the determination that it is a breach, on day.
func breachOn(i *incident.Incident, day date.Date) {
	i.Determination = &incident.Determination{Outcome: incident.OutcomeBreach, DecidedBy: "privacy officer", DecidedOn: day}
}

// lawObligations computes i's obligations on the default rules.
func lawObligations(t *testing.T, i incident.Incident) []incident.Obligation {
	t.Helper()
	obs, err := incident.Obligations(&i, incident.Options{Rules: statelaws.DefaultSet()})
	require.NoError(t, err)
	return obs
}

// lawGet returns the obligation with key, failing the test when there is none.
func lawGet(t *testing.T, obs []incident.Obligation, key string) incident.Obligation {
	t.Helper()
	for _, o := range obs {
		if o.Key == key {
			return o
		}
	}
	keys := make([]string, len(obs))
	for k, o := range obs {
		keys[k] = o.Key
	}
	require.Failf(t, "no obligation", "%q not in %v", key, keys)
	return incident.Obligation{}
}

func TestLawFlorida(t *testing.T) {
	disc, decided := lawDay(2026, 3, 2), lawDay(2026, 3, 9)
	t.Run("Fla. Stat. 501.171(4)(g): below 500, deemed compliant only with the copy to the Department", func(t *testing.T) {
		i := lawIncident(disc, "FL", 300)
		breachOn(&i, decided)
		obs := lawObligations(t, i)
		ind := lawGet(t, obs, incident.StateKey("FL-501.171", "individuals"))
		assert.Equal(t, incident.NotRequiredDeemedCompliant, ind.NotRequiredCode)
		assert.Contains(t, ind.NotRequired, "provided it sends")
		cp := lawGet(t, obs, incident.StateKey("FL-501.171", "dept-copy"))
		assert.Equal(t, incident.StatusPending, cp.Status, "something Florida-related is owed below 500")
		assert.Equal(t, lawGet(t, obs, incident.KeyIndividuals).Deadline, cp.Deadline, "no later than the HIPAA letters")
		dept := lawGet(t, obs, incident.StateKey("FL-501.171", "dept-legal-affairs"))
		assert.Equal(t, incident.NotRequiredBelowThreshold, dept.NotRequiredCode)
	})
	t.Run("Fla. Stat. 501.171(3): 500 or more, the Department within 30 days of the determination", func(t *testing.T) {
		i := lawIncident(disc, "FL", 500)
		breachOn(&i, decided)
		dept := lawGet(t, lawObligations(t, i), incident.StateKey("FL-501.171", "dept-legal-affairs"))
		assert.Equal(t, incident.StatusPending, dept.Status)
		assert.Equal(t, decided+30, dept.Deadline)
		assert.Equal(t, incident.AnchorDetermination, dept.CountsFrom.Event)
	})
	t.Run("Fla. Stat. 501.171(4)(g): no HIPAA notice, no deemed compliance: the residents are owed", func(t *testing.T) {
		i := lawIncident(disc, "FL", 40)
		i.Determination = &incident.Determination{Outcome: incident.OutcomeNotPHI, Facts: "blank forms", DecidedBy: "po", DecidedOn: decided}
		obs := lawObligations(t, i)
		assert.Equal(t, incident.StatusPending, lawGet(t, obs, incident.StateKey("FL-501.171", "individuals")).Status)
		assert.Equal(t, incident.NotRequiredConditionNotMet, lawGet(t, obs, incident.StateKey("FL-501.171", "dept-copy")).NotRequiredCode)
	})
}

func TestLawTexas(t *testing.T) {
	disc, decided := lawDay(2026, 1, 5), lawDay(2026, 1, 20)
	t.Run("Tex. Bus. & Com. Code 521.053(b), (i): 60 and 30 days after the determination", func(t *testing.T) {
		i := lawIncident(disc, "TX", 300)
		breachOn(&i, decided)
		obs := lawObligations(t, i)
		ind := lawGet(t, obs, incident.StateKey("TX-521.053", "individuals"))
		assert.Equal(t, lawDay(2026, 3, 21), ind.Deadline) // Jan 20 + 60
		assert.Equal(t, incident.Anchor{Event: incident.AnchorDetermination, On: decided}, ind.CountsFrom)
		ag := lawGet(t, obs, incident.StateKey("TX-521.053", "ag"))
		assert.Equal(t, lawDay(2026, 2, 19), ag.Deadline) // Jan 20 + 30
		assert.Equal(t, incident.NotRequiredBelowThreshold, lawGet(t, obs, incident.StateKey("TX-521.053", "cra")).NotRequiredCode, "10,000 or fewer")
	})
	t.Run("Tex. Bus. & Com. Code 521.053(b): no determination yet, counted from discovery and flagged", func(t *testing.T) {
		ind := lawGet(t, lawObligations(t, lawIncident(disc, "TX", 300)), incident.StateKey("TX-521.053", "individuals"))
		assert.Equal(t, disc+60, ind.Deadline)
		assert.True(t, ind.Has(incident.FlagNoDetermination))
	})
	t.Run("Tex. Bus. & Com. Code 521.053(a): an unverified safe harbor does not clear encrypted data", func(t *testing.T) {
		i := lawIncident(disc, "TX", 30)
		i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111"}
		ind := lawGet(t, lawObligations(t, i), incident.StateKey("TX-521.053", "individuals"))
		assert.Equal(t, incident.StatusPending, ind.Status)
		assert.True(t, ind.Has(incident.FlagCounselReview))
		assert.Contains(t, ind.Review, "safe harbor")
	})
}

func TestLawDelays(t *testing.T) {
	disc := lawDay(2026, 2, 2)
	oral := incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "Mobile PD", StatedOn: disc + 5}
	written := incident.Delay{Kind: incident.DelayWritten, Official: "SA Kim", Agency: "FBI", StatedOn: disc + 5, Until: disc + 25}
	t.Run("Ala. Code 8-38-5(c): an oral request does not delay Alabama's 45 days", func(t *testing.T) {
		i := lawIncident(disc, "AL", 20)
		breachOn(&i, disc)
		i.Delays = []incident.Delay{oral}
		obs := lawObligations(t, i)
		al := lawGet(t, obs, incident.StateKey("AL-8-38-5", "individuals"))
		assert.Equal(t, disc+45, al.Deadline)
		assert.True(t, al.Has(incident.FlagDelayNotHonoured))
		assert.Equal(t, disc+60+30, lawGet(t, obs, incident.KeyIndividuals).Deadline, "the federal clock is tolled 30 days (164.412(b))")
	})
	t.Run("Ala. Code 8-38-5(c): a written request tolls it", func(t *testing.T) {
		i := lawIncident(disc, "AL", 20)
		breachOn(&i, disc)
		i.Delays = []incident.Delay{written}
		al := lawGet(t, lawObligations(t, i), incident.StateKey("AL-8-38-5", "individuals"))
		assert.Equal(t, disc+45+20, al.Deadline)
		assert.False(t, al.Has(incident.FlagDelayNotHonoured))
	})
	t.Run("Cal. Health & Safety Code 1280.15(c): 15 business days after the delay ends", func(t *testing.T) {
		i := lawIncident(lawDay(2026, 3, 2), "CA", 20, statelaws.ElementMedical) // a Monday
		i.Delays = []incident.Delay{{Kind: incident.DelayWritten, Official: "SA Kim", Agency: "FBI", StatedOn: lawDay(2026, 3, 3), Until: lawDay(2026, 4, 10)}}
		obs := lawObligations(t, i)
		cdph := lawGet(t, obs, incident.StateKey("CA-HSC-1280.15", "cdph"))
		// Fri 2026-04-10 + 15 business days: Apr 13-17 (5), 20-24 (10), 27-May 1 (15).
		assert.Equal(t, lawDay(2026, 5, 1), cdph.Deadline)
		ind := lawGet(t, obs, incident.StateKey("CA-HSC-1280.15", "individuals"))
		assert.Equal(t, lawDay(2026, 5, 1), ind.Deadline)
		assert.True(t, ind.Has(incident.FlagCounselReview), "whether the practice is a licensed clinic is for counsel")
	})
	t.Run("La. R.S. 51:3074(E): the reasons for a delay go to the AG within the 60 days", func(t *testing.T) {
		i := lawIncident(disc, "LA", 20, statelaws.ElementSSN)
		obs := lawObligations(t, i)
		assert.Equal(t, incident.NotRequiredConditionNotMet, lawGet(t, obs, incident.StateKey("LA-51:3074", "ag-delay-reasons")).NotRequiredCode)
		i.Delays = []incident.Delay{written}
		obs = lawObligations(t, i)
		r := lawGet(t, obs, incident.StateKey("LA-51:3074", "ag-delay-reasons"))
		assert.Equal(t, incident.StatusPending, r.Status)
		assert.Equal(t, disc+60, r.Deadline, "within the sixty-day period, which the delay does not move")
		assert.Equal(t, disc+60+20, lawGet(t, obs, incident.StateKey("LA-51:3074", "individuals")).Deadline)
	})
}

func TestLawNewYorkNoMisuse(t *testing.T) {
	disc, decided := lawDay(2026, 5, 4), lawDay(2026, 5, 11)
	i := lawIncident(disc, "NY", 600)
	i.Determination = &incident.Determination{Outcome: incident.OutcomeException, Exception: incident.ExceptionInadvertentAuthorized,
		Facts: "sent to another authorized clinician", DecidedBy: "po", DecidedOn: decided}
	// N.Y. GBL 899-aa(2)(a): more than 500 New Yorkers, the written determination to the AG
	// within 10 days of it.
	o := lawGet(t, lawObligations(t, i), incident.StateKey("NY-899-aa", "ag-no-misuse"))
	assert.Equal(t, incident.StatusPending, o.Status)
	assert.Equal(t, decided+10, o.Deadline)
	breachOn(&i, decided)
	o = lawGet(t, lawObligations(t, i), incident.StateKey("NY-899-aa", "ag-no-misuse"))
	assert.Equal(t, incident.NotRequiredConditionNotMet, o.NotRequiredCode, "a breach notified needs no no-misuse determination")
}

func TestLawUnverifiedNeverClears(t *testing.T) {
	disc := lawDay(2026, 6, 1)
	for _, tt := range []struct {
		name, state, key string
	}{
		{"Ohio Rev. Code 1349.19: reported HIPAA exemption [U]", "OH", "state:OH-1349.19:individuals"},
		{"Wis. Stat. 134.98: reported HIPAA exemption [U]", "WI", "state:WI-134.98:individuals"},
		{"Ala. Code 8-38-5: exempt except the AG notice [U]", "AL", "state:AL-8-38-5:individuals"},
		{"SDCL 22-40-20: deemed compliant [U]", "SD", "state:SD-22-40-20:individuals"},
		{"American Samoa: no statute found [U]", "AS", "state:AS-none:individuals"},
		{"Northern Mariana Islands: no statute found [U]", "MP", "state:MP-none:individuals"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			i := lawIncident(disc, statelaws.Code(tt.state), 20)
			breachOn(&i, disc)
			o := lawGet(t, lawObligations(t, i), tt.key)
			assert.Equal(t, incident.StatusPending, o.Status)
			assert.True(t, o.Has(incident.FlagCounselReview), "%v", o.Flags)
			assert.True(t, o.Unverified)
			assert.NotEmpty(t, o.Review)
			// Counsel's decision closes it honestly.
			i.Decisions = []incident.Decision{{Key: tt.key, DecidedBy: "outside counsel", DecidedOn: disc + 3, Reason: "read the statute", Citation: "the statute"}}
			o = lawGet(t, lawObligations(t, i), tt.key)
			assert.Equal(t, incident.NotRequiredCounsel, o.NotRequiredCode)
			assert.Zero(t, o.Deadline)
		})
	}
	t.Run("Tenn. Code 47-18-2107: HIPAA entities excluded [S]: cleared", func(t *testing.T) {
		i := lawIncident(disc, "TN", 20)
		breachOn(&i, disc)
		assert.Equal(t, incident.NotRequiredHIPAAExempt, lawGet(t, lawObligations(t, i), "state:TN-47-18-2107:individuals").NotRequiredCode)
	})
	t.Run("O.C.G.A. 10-1-912: information brokers and agencies only: out of scope", func(t *testing.T) {
		i := lawIncident(disc, "GA", 20)
		o := lawGet(t, lawObligations(t, i), "state:GA-10-1-912:individuals")
		assert.Equal(t, incident.NotRequiredOutOfScope, o.NotRequiredCode)
	})
	t.Run("Md. Com. Law 14-3507(d)(1): deemed compliant [P], the AG notice too", func(t *testing.T) {
		i := lawIncident(disc, "MD", 20)
		breachOn(&i, disc)
		obs := lawObligations(t, i)
		assert.Equal(t, incident.NotRequiredDeemedCompliant, lawGet(t, obs, "state:MD-14-3504:individuals").NotRequiredCode)
		assert.Equal(t, incident.NotRequiredDeemedCompliant, lawGet(t, obs, "state:MD-14-3504:ag").NotRequiredCode)
	})
}

// TestLawEveryJurisdiction: residents of any jurisdiction get obligations that carry a
// citation and a mark, with keys from codes; none is "not researched".
func TestLawEveryJurisdiction(t *testing.T) {
	require.Empty(t, statelaws.NotResearched())
	for _, code := range statelaws.Codes() {
		t.Run(string(code)+" "+code.Name(), func(t *testing.T) {
			i := lawIncident(lawDay(2026, 7, 1), code, 1200)
			breachOn(&i, lawDay(2026, 7, 3))
			obs := lawObligations(t, i)
			states := 0
			for _, o := range obs {
				assert.NotEmpty(t, o.Citation, o.Key)
				assert.True(t, o.Mark.Valid(), "%s: mark %q", o.Key, o.Mark)
				assert.NotNil(t, o.Flags, o.Key)
				assert.False(t, o.Has(incident.FlagNotResearched), o.Key)
				if o.State == code && o.Party != incident.PartyMedia {
					states++
					assert.Regexp(t, `^state:[A-Z]{2}-[A-Za-z0-9.:-]+:[a-z0-9-]+$`, o.Key)
				}
				if o.Status == incident.StatusNotRequired {
					assert.Zero(t, o.Deadline, o.Key)
					assert.NotEmpty(t, o.NotRequiredCode, o.Key)
				}
			}
			assert.Positive(t, states, "%s has State obligations", code)
		})
	}
}

// TestLawCountNotKnown: 45 CFR 164.406, 164.408(b): a count not yet known is treated as
// 500 or more.
func TestLawCountNotKnown(t *testing.T) {
	disc := lawDay(2026, 8, 3)
	i := incident.Incident{ID: "inc-n", Title: "Ransomware on the scheduling server", DiscoveredOn: disc, DiscoveredBy: incident.DiscovererWorkforce}
	obs := lawObligations(t, i)
	h := lawGet(t, obs, incident.KeyHHS)
	assert.Equal(t, "45 CFR 164.408(b)", h.Citation)
	assert.Equal(t, disc+60, h.Deadline)
	assert.True(t, h.Has(incident.FlagCountUnknown))
	m := lawGet(t, obs, incident.KeyMediaUnknownState)
	assert.Equal(t, disc+60, m.Deadline)
	assert.True(t, m.Has(incident.FlagCountUnknown))
	log := incident.AnnualLog([]incident.Incident{i}, 2026)
	assert.Empty(t, log.Entries, "not in the annual log until counted")

	i.Affected, i.Total = []incident.Affected{{State: "OH", Count: 40}}, 40
	obs = lawObligations(t, i)
	assert.Equal(t, "45 CFR 164.408(c)", lawGet(t, obs, incident.KeyHHS).Citation)
	for _, o := range obs {
		assert.False(t, o.Has(incident.FlagCountUnknown), o.Key)
	}
}

// TestLawFederalCounts checks the federal notices as counts change.
func TestLawFederalCounts(t *testing.T) {
	disc := lawDay(2026, 9, 1)
	noRules, err := statelaws.NewSet(nil)
	require.NoError(t, err)
	fed := func(i incident.Incident) []incident.Obligation {
		obs, err := incident.Obligations(&i, incident.Options{Rules: noRules})
		require.NoError(t, err)
		return obs
	}
	t.Run("45 CFR 164.404(a)(1): the count grows past the letters sent, the rest are owed again", func(t *testing.T) {
		i := lawIncident(disc, "OH", 300)
		i.Notices = []incident.Notice{{Key: incident.KeyIndividuals, SentOn: disc + 20, Individuals: 300}}
		before := fed(i)
		assert.Equal(t, incident.StatusSent, lawGet(t, before, incident.KeyIndividuals).Status)
		i.Affected[0].Count, i.Total = 350, 350
		after := fed(i)
		o := lawGet(t, after, incident.KeyIndividuals)
		assert.Equal(t, incident.StatusPending, o.Status)
		assert.Equal(t, 50, o.Remaining)
		assert.True(t, o.Has(incident.FlagOwedAgain))
		assert.Equal(t, disc+60, o.Deadline, "the same deadline")
		added, _ := incident.Diff(before, after)
		assert.Contains(t, keysOf(added), incident.KeyIndividuals, "an obligation event")
		i.Notices = append(i.Notices, incident.Notice{Key: incident.KeyIndividuals, SentOn: disc + 30, Individuals: 50})
		assert.Equal(t, incident.StatusSent, lawGet(t, fed(i), incident.KeyIndividuals).Status)
	})
	t.Run("45 CFR 164.404(a)(1): a notice to individuals says how many it reached", func(t *testing.T) {
		i := lawIncident(disc, "OH", 30)
		i.Notices = []incident.Notice{{Key: incident.KeyIndividuals, SentOn: disc + 2}}
		require.Error(t, i.Validate())
	})
	t.Run("45 CFR 164.404(d)(2)(ii): a telephone substitute no longer suffices at 10", func(t *testing.T) {
		i := lawIncident(disc, "OH", 300)
		i.Affected[0].NoContact = 4
		i.NoContactUnknownState, i.Total = 2, 320
		i.Notices = []incident.Notice{{Key: incident.KeySubstitute, SentOn: disc + 5, Substitute: &incident.Substitute{Method: incident.SubstituteTelephone}}}
		o := lawGet(t, fed(i), incident.KeySubstitute)
		assert.Equal(t, incident.StatusSent, o.Status, "6 without contact: telephone suffices (164.404(d)(2)(i))")
		assert.Equal(t, "6 individuals without sufficient contact information", o.Recipient, "the State unknown counted too")
		i.NoContactUnknownState = 6
		o = lawGet(t, fed(i), incident.KeySubstitute)
		assert.Equal(t, incident.StatusPending, o.Status)
		assert.True(t, o.Has(incident.FlagOwedAgain))
		assert.Equal(t, "45 CFR 164.404(d)(2)(ii)", o.Citation)
		i.Notices = append(i.Notices, incident.Notice{Key: incident.KeySubstitute, SentOn: disc + 9,
			Substitute: &incident.Substitute{Method: incident.SubstituteWebPosting, TollFree: true}})
		o = lawGet(t, fed(i), incident.KeySubstitute)
		assert.Equal(t, incident.StatusSent, o.Status)
		assert.Equal(t, disc+9+89, o.PostingUntil, "90 days of posting")
		assert.Equal(t, disc+9+89, o.TollFreeUntil, "a toll-free number for 90 days")
	})
	t.Run("45 CFR 164.404(d)(3): telephone notice is an urgent recommendation, not a deadline", func(t *testing.T) {
		i := lawIncident(disc, "OH", 30)
		i.MisuseImminent = true
		o := lawGet(t, fed(i), incident.KeyTelephone)
		assert.Equal(t, incident.StatusRecommended, o.Status)
		assert.Zero(t, o.Deadline)
		assert.True(t, o.Has(incident.FlagUrgent))
	})
	t.Run("74 FR 42740, 78 FR 5566: a non-agent BA's report starts the practice's clock", func(t *testing.T) {
		i := lawIncident(disc, "OH", 30)
		i.DiscoveredBy, i.BAReportingDays, i.BAReportingDayKind = incident.DiscovererBusinessAssociate, 10, statelaws.BusinessDays
		// Not yet reported: the BA's discovery, the earliest day, flagged.
		obs := fed(i)
		assert.Equal(t, disc+60, lawGet(t, obs, incident.KeyIndividuals).Deadline)
		assert.True(t, lawGet(t, obs, incident.KeyIndividuals).Has(incident.FlagBAReportNotRecorded))
		// Tue 2026-09-01 + 10 business days (Labor Day, Mon 9/7, is a holiday) = 2026-09-16.
		assert.Equal(t, lawDay(2026, 9, 16), lawGet(t, obs, incident.KeyBANotice).Deadline)
		i.BAReportedOn = disc + 12
		obs = fed(i)
		assert.Equal(t, disc+12+60, lawGet(t, obs, incident.KeyIndividuals).Deadline)
		assert.Equal(t, disc+12, i.Discovery())
		ba := lawGet(t, obs, incident.KeyBANotice)
		assert.Equal(t, incident.StatusSent, ba.Status)
		assert.Equal(t, disc+12, ba.SentOn)
		i.BAAgent = true
		assert.Equal(t, disc+60, lawGet(t, fed(i), incident.KeyIndividuals).Deadline, "an agent's discovery is imputed")
		assert.Equal(t, disc, i.Discovery())
	})
}

// TestLawCalendars: a supplied calendar adds to the federal holidays unless it replaces
// them, and a State's own calendar adds to the one in use for that State only.
func TestLawCalendars(t *testing.T) {
	disc := lawDay(2026, 6, 1) // Monday
	i := lawIncident(disc, "CA", 20, statelaws.ElementMedical)
	get := func(opts incident.Options) date.Date {
		opts.Rules = statelaws.DefaultSet()
		obs, err := incident.Obligations(&i, opts)
		require.NoError(t, err)
		return lawGet(t, obs, incident.StateKey("CA-HSC-1280.15", "cdph")).Deadline
	}
	// 15 business days from Mon 2026-06-01, with Juneteenth (Fri 6/19) a federal holiday: 6/23.
	assert.Equal(t, lawDay(2026, 6, 23), get(incident.Options{}))
	extra := statelaws.HolidayList{lawDay(2026, 6, 10)}
	assert.Equal(t, lawDay(2026, 6, 24), get(incident.Options{Calendar: extra}), "added to the federal holidays")
	assert.Equal(t, lawDay(2026, 6, 23), get(incident.Options{Calendar: extra, ReplaceCalendar: true}), "replacing them: 6/19 counts, 6/10 does not")
	assert.Equal(t, lawDay(2026, 6, 24), get(incident.Options{StateCalendars: map[statelaws.Code]statelaws.Calendar{"CA": extra}}))
	assert.Equal(t, lawDay(2026, 6, 23), get(incident.Options{StateCalendars: map[statelaws.Code]statelaws.Calendar{"NY": extra}}), "another State's calendar")
	_, err := incident.Obligations(&i, incident.Options{StateCalendars: map[statelaws.Code]statelaws.Calendar{"ZZ": extra}})
	require.Error(t, err)
}

// keysOf lists the keys of obligations.
func keysOf(obs []incident.Obligation) []string {
	out := make([]string, len(obs))
	for k, o := range obs {
		out[k] = o.Key
	}
	return out
}
