package incident_test

import (
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// TestDiscovery: the breach is discovered on the first day it is known or, by exercising
// reasonable diligence, would have been known (45 CFR 164.404(a)(2)).
func TestDiscovery(t *testing.T) {
	tests := []struct {
		name             string
		known, wouldHave date.Date
		want             date.Date
	}{
		{"164.404(a)(2) known only", day(2026, 3, 10), date.Zero, day(2026, 3, 10)},
		{"164.404(a)(2) would have known earlier", day(2026, 3, 10), day(2026, 2, 1), day(2026, 2, 1)},
		{"164.404(a)(2) a later would-have-known date does not move it", day(2026, 3, 10), day(2026, 4, 1), day(2026, 3, 10)},
		{"164.404(a)(2) same day", day(2026, 3, 10), day(2026, 3, 10), day(2026, 3, 10)},
		{"unset", date.Zero, date.Zero, date.Zero},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := incident.Incident{DiscoveredOn: tt.known, WouldHaveKnownOn: tt.wouldHave}
			assert.Equal(t, tt.want, i.Discovery())
		})
	}
}

// TestIncidentValidate: each bad field is named with the rule it breaks.
func TestIncidentValidate(t *testing.T) {
	disc := day(2026, 4, 10)
	tests := []struct {
		name        string
		edit        func(i *incident.Incident)
		field, rule string
	}{
		{"OK", func(i *incident.Incident) {}, "", ""},
		{"OKEverything", func(i *incident.Incident) {
			i.StartedOn, i.EndedOn, i.WouldHaveKnownOn = day(2026, 3, 1), day(2026, 3, 2), day(2026, 4, 1)
			i.Vendor, i.BAReportingDays = "acme-billing", 10
			i.PHI = []vendors.DataCategory{vendors.DataDemographics, vendors.DataPathology}
			i.Identifiers = []incident.IdentifierType{incident.IdentifierName, incident.IdentifierSSN}
			i.Elements = []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementSSN}
			i.Affected = []incident.Affected{{State: "OH", Count: 520, NoContact: 12, Deceased: 3}, {State: "KY", Count: 130}}
			i.Total = 700
			i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111", KeyCompromised: true}
			i.Recipient, i.Acquired = incident.RecipientMalicious, incident.AcquiredUnknown
			i.BreachType, i.Location = incident.BreachTheft, incident.LocationLaptop
			i.Determination = &incident.Determination{Outcome: incident.OutcomeBreach, DecidedBy: officer, DecidedOn: disc}
			i.Delays = []incident.Delay{{Kind: incident.DelayWritten, Official: "SA Chen", Agency: "FBI", StatedOn: disc, Until: disc + 30}}
			i.Notices = []incident.Notice{{Key: "individuals", SentOn: disc + 40, Method: "first-class mail", Individuals: 700}}
		}, "", ""},
		{"OKTotalAboveStates (residents of unknown States)", func(i *incident.Incident) { i.Total = 1000 }, "", ""},
		{"ErrIDEmpty", func(i *incident.Incident) { i.ID = " " }, "id", "must not be empty"},
		{"ErrTitleEmpty", func(i *incident.Incident) { i.Title = "" }, "title", "must not be empty"},
		{"ErrTitleTooLong", func(i *incident.Incident) { i.Title = strings.Repeat("a", 201) }, "title", "at most 200 bytes"},
		{"ErrDiscoveredOnUnset (164.404(a)(2))", func(i *incident.Incident) { i.DiscoveredOn = date.Zero }, "discovered_on", "must be set"},
		{"ErrDiscoveryBeforeStart (164.404(a)(2))", func(i *incident.Incident) { i.StartedOn = disc + 1 }, "discovered_on", "before the breach started"},
		{"ErrWouldHaveKnownBeforeStart (164.404(a)(2))", func(i *incident.Incident) {
			i.StartedOn, i.WouldHaveKnownOn = disc-5, disc-10
		}, "would_have_known_on", "before the breach started"},
		{"ErrEndBeforeStart", func(i *incident.Incident) { i.StartedOn, i.EndedOn = disc-5, disc-6 }, "ended_on", "before the breach started"},
		{"ErrDateOutOfRange", func(i *incident.Incident) { i.DiscoveredOn = day(3100, 1, 1) }, "discovered_on", "is not between"},
		{"ErrDiscovererEmpty", func(i *incident.Incident) { i.DiscoveredBy = "" }, "discovered_by", `"" is not one of`},
		{"ErrDiscovererUnknown", func(i *incident.Incident) { i.DiscoveredBy = "janitor" }, "discovered_by", `"janitor" is not one of`},
		{"ErrBAReportingDaysNegative (164.410(b))", func(i *incident.Incident) { i.BAReportingDays = -1 }, "ba_reporting_days", "must not be negative"},
		{"ErrPHIUnknown", func(i *incident.Incident) { i.PHI = []vendors.DataCategory{"dreams"} }, "phi[0]", `"dreams" is not one of`},
		{"ErrPHITwice", func(i *incident.Incident) {
			i.PHI = []vendors.DataCategory{vendors.DataImaging, vendors.DataImaging}
		}, "phi[1]", "listed twice"},
		{"ErrIdentifierUnknown (164.402(2)(i))", func(i *incident.Incident) {
			i.Identifiers = []incident.IdentifierType{incident.IdentifierName, "shoe_size"}
		}, "identifiers[1]", `"shoe_size" is not one of`},
		{"ErrElementUnknown", func(i *incident.Incident) { i.Elements = []statelaws.DataElement{"gossip"} }, "elements[0]", "not a known data element"},
		{"ErrStateUnknown", func(i *incident.Incident) { i.Affected[0].State = "XX" }, "affected[0].state", "not a known USPS"},
		{"ErrStateTwice", func(i *incident.Incident) {
			i.Affected = append(i.Affected, in("OH", 1))
			i.Total++
		}, "affected[2].state", `"OH" is listed twice`},
		{"ErrCountNegative", func(i *incident.Incident) { i.Affected[1].Count = -3 }, "affected[1].count", "must not be negative"},
		{"ErrCountHuge", func(i *incident.Incident) { i.Affected[1].Count = incident.MaxCount + 1 }, "affected[1].count", "must be at most"},
		{"ErrNoContactNegative (164.404(d)(2))", func(i *incident.Incident) { i.Affected[0].NoContact = -1 }, "affected[0].no_contact", "must not be negative"},
		{"ErrNoContactAboveCount (164.404(d)(2))", func(i *incident.Incident) { i.Affected[1].NoContact = 131 }, "affected[1].no_contact", "more than the 130"},
		{"ErrDeceasedAboveCount (164.404(d)(1)(ii))", func(i *incident.Incident) { i.Affected[1].Deceased = 131 }, "affected[1].deceased", "more than the 130"},
		{"ErrTotalNegative", func(i *incident.Incident) { i.Total = -1 }, "total", "must not be negative"},
		{"ErrStatesAboveTotal", func(i *incident.Incident) { i.Total = 649 }, "total", "649 is less than the 650 residents counted by State"},
		{"ErrRecipientUnknown (164.402(2)(ii))", func(i *incident.Incident) { i.Recipient = "alien" }, "recipient", "is not one of"},
		{"ErrAcquiredUnknown (164.402(2)(iii))", func(i *incident.Incident) { i.Acquired = "maybe" }, "acquired", "is not one of"},
		{"ErrBreachTypeUnknown", func(i *incident.Incident) { i.BreachType = "flood" }, "breach_type", "is not one of"},
		{"ErrLocationUnknown", func(i *incident.Incident) { i.Location = "cloud" }, "location", "is not one of"},
		{"ErrDeterminationChecked (164.402)", func(i *incident.Incident) {
			i.Determination = &incident.Determination{Outcome: "maybe", DecidedBy: officer, DecidedOn: disc}
		}, "determination.outcome", `"maybe" is not one of`},
		{"ErrDelayChecked (164.412)", func(i *incident.Incident) {
			i.Delays = []incident.Delay{{Kind: incident.DelayOral, Agency: "FBI", StatedOn: disc}}
		}, "delays[0].official", "must name the law-enforcement official"},
		{"ErrNoticeKeyEmpty", func(i *incident.Incident) { i.Notices = []incident.Notice{{SentOn: disc}} }, "notices[0].key", "must not be empty"},
		{"ErrNoticeTwice", func(i *incident.Incident) {
			i.Notices = []incident.Notice{{Key: "hhs", SentOn: disc}, {Key: "hhs", SentOn: disc + 1}}
		}, "notices[1].key", `"hhs" is listed twice`},
		{"ErrNoticeUnsent", func(i *incident.Incident) { i.Notices = []incident.Notice{{Key: "hhs"}} }, "notices[0].sent_on", "must be set"},
		{"ErrNoticeBeforeDiscovery", func(i *incident.Incident) {
			i.Notices = []incident.Notice{{Key: "hhs", SentOn: disc - 1}}
		}, "notices[0].sent_on", "before discovery"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(disc, in("OH", 520), in("KY", 130))
			tt.edit(&i)
			err := i.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			_, oerr := incident.Obligations(&i, federalOnly(t))
			require.ErrorIs(t, oerr, validation.ErrInvalid, "Obligations refuses an invalid incident")
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		i := incident.Incident{DiscoveredBy: "x", Total: -1, Affected: []incident.Affected{{State: "ZZ", Count: -1}}}
		err := i.Validate()
		require.ErrorIs(t, err, validation.ErrInvalid)
		var verr *validation.Error
		require.ErrorAs(t, err, &verr)
		assert.Equal(t, "id", verr.Field)
		assert.Equal(t, []string{"id", "title", "discovered_on", "discovered_by", "total", "affected[0].state", "affected[0].count"}, fields(err))
	})
}
