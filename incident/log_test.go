package incident_test

import (
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/vendors"
)

// TestAnnualLog: breaches of fewer than 500 discovered in a year are logged and reported to
// HHS within 60 days of the year's end (45 CFR 164.408(c)), with the portal's fields.
func TestAnnualLog(t *testing.T) {
	small := newIncident(day(2027, 8, 20), in("CA", 3))
	small.ID, small.Title = "inc-small", "Misdirected fax"
	small.StartedOn, small.EndedOn = day(2027, 8, 19), day(2027, 8, 19)
	small.BreachType, small.Location = incident.BreachUnauthorizedAccess, incident.LocationOther
	small.PHI = []vendors.DataCategory{vendors.DataDemographics, vendors.DataPathology}
	small.Identifiers = []incident.IdentifierType{incident.IdentifierName, incident.IdentifierHealthPlanID}
	small.Description = strings.Repeat("é", incident.PortalDescriptionMax+10)
	small.Mitigation = incident.Mitigation{Assurances: true, Note: "recipient attested destruction"}
	small.Affected[0].NoContact = 1
	small.Notices = []incident.Notice{{Key: "individuals", SentOn: day(2027, 9, 1), Individuals: 3},
		{Key: "substitute-notice", SentOn: day(2027, 9, 1), Substitute: &incident.Substitute{Method: incident.SubstituteTelephone}}}

	earlier := newIncident(day(2027, 2, 1), in("TX", 12))
	earlier.ID, earlier.Title = "inc-earlier", "Lost films"
	earlier.WouldHaveKnownOn = day(2027, 1, 20)
	earlier.Delays = []incident.Delay{written("FBI", day(2027, 1, 25), day(2028, 4, 1))}
	earlier.Notices = []incident.Notice{{Key: "hhs", SentOn: day(2027, 6, 1)}}

	large := newIncident(day(2027, 3, 1), in("OH", 600))
	large.ID = "inc-large" // 164.408(b): reported with the individual notice, not logged

	exactly500 := newIncident(day(2027, 3, 1), in("OH", 500))
	exactly500.ID = "inc-500"

	notBreach := newIncident(day(2027, 4, 1), in("TX", 4))
	notBreach.ID, notBreach.Determination = "inc-lowprob", lowProbability(day(2027, 4, 2))

	otherYear := newIncident(day(2026, 12, 31), in("TX", 4))
	otherYear.ID = "inc-2026"

	invalid := newIncident(day(2027, 5, 1), in("TX", 4))
	invalid.ID, invalid.Total = "inc-bad", -1

	l := incident.AnnualLog([]incident.Incident{small, large, exactly500, notBreach, otherYear, invalid, earlier}, 2027)
	assert.Equal(t, 2027, l.Year)
	assert.Equal(t, day(2028, 2, 29), l.Deadline, "164.408(c): leap year")
	require.Len(t, l.Entries, 2)
	require.Len(t, l.Skipped, 1)
	assert.Equal(t, incident.ID("inc-bad"), l.Skipped[0].Incident)
	assert.Contains(t, l.Skipped[0].Error, "total")
	assert.Equal(t, []string{"total"}, l.Skipped[0].Fields)

	e := l.Entries[0]
	assert.Equal(t, incident.ID("inc-earlier"), e.Incident, "sorted by discovery")
	assert.Equal(t, day(2027, 1, 20), e.DiscoveryStart, "164.404(a)(2)")
	assert.Equal(t, day(2027, 2, 1), e.DiscoveryEnd)
	assert.Equal(t, day(2028, 4, 1), e.Deadline, "164.412: not before the delay ends")
	assert.Equal(t, incident.ReportAddendum, e.ReportType)
	assert.Equal(t, day(2027, 6, 1), e.ReportedOn)

	e = l.Entries[1]
	assert.Equal(t, incident.ID("inc-small"), e.Incident)
	assert.Equal(t, incident.ReportInitial, e.ReportType)
	assert.Equal(t, day(2028, 2, 29), e.Deadline)
	assert.Equal(t, date.Zero, e.ReportedOn)
	assert.Equal(t, 3, e.Individuals)
	assert.Equal(t, day(2027, 8, 19), e.BreachStart)
	assert.Equal(t, day(2027, 8, 20), e.DiscoveryStart)
	assert.Equal(t, date.Zero, e.DiscoveryEnd)
	assert.Equal(t, incident.BreachUnauthorizedAccess, e.BreachType)
	assert.Equal(t, incident.LocationOther, e.Location)
	assert.Equal(t, []incident.PHIType{incident.PHIClinical, incident.PHIDemographic, incident.PHIFinancial}, e.PHITypes)
	assert.Len(t, []rune(e.Description), incident.PortalDescriptionMax)
	assert.Equal(t, day(2027, 9, 1), e.IndividualNoticeOn)
	assert.True(t, e.SubstituteNotice)
	assert.False(t, e.MediaNotice)
	assert.Equal(t, "recipient attested destruction", e.Actions.Note)

	assert.Empty(t, incident.AnnualLog(nil, 2027).Entries)
}
