package storagetest

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

// newIncident is an open incident discovered days after d0.
func newIncident(id incident.ID, days int) incident.Incident {
	return incident.Incident{ID: id, Title: "Misdirected fax", DiscoveredOn: d0 + date.Date(days),
		DiscoveredBy: incident.DiscovererWorkforce, Total: 3,
		Affected:  []incident.Affected{{State: "OH", Count: 3}},
		CreatedAt: t0, UpdatedAt: t0}
}

// fullIncident has every field set, to prove a backend keeps all of it.
func fullIncident(id incident.ID) incident.Incident {
	i := newIncident(id, 0)
	i.Description = "Laptop stolen from a car; counts by state only"
	i.StartedOn, i.EndedOn, i.WouldHaveKnownOn = d0-5, d0-5, d0-1
	i.DiscoveredBy, i.Vendor, i.BAReportingDays = incident.DiscovererBusinessAssociate, "v-pharmacy", 10
	i.PHI = []vendors.DataCategory{vendors.DataDiagnosisStaging, vendors.DataMedication}
	i.Identifiers = []incident.IdentifierType{incident.IdentifierName, incident.IdentifierBirthDate}
	i.Elements = []statelaws.DataElement{statelaws.ElementMedical}
	i.Affected = []incident.Affected{{State: "OH", Count: 520, NoContact: 12, Deceased: 3}, {State: "KY", Count: 130}}
	i.Total = 650
	i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111", KeyCompromised: true}
	i.Recipient, i.Acquired = incident.RecipientUnknown, incident.AcquiredUnknown
	i.Mitigation = incident.Mitigation{Assurances: true, Note: "remote wipe requested"}
	i.BreachType, i.Location, i.MisuseImminent = incident.BreachTheft, incident.LocationLaptop, true
	i.Determination = &incident.Determination{Outcome: incident.OutcomeBreach, Facts: "key taped to the laptop",
		DecidedBy: "Privacy officer", DecidedOn: d0 + 2,
		Assessment: &incident.Assessment{Nature: incident.Factor{Finding: "diagnoses", Rationale: "sensitive"},
			Other: []incident.Factor{{Finding: "f", Rationale: "r"}}}}
	i.Delays = []incident.Delay{{Kind: incident.DelayOral, Official: "Det. Ray", Agency: "City PD", StatedOn: d0 + 3}}
	i.Notices = []incident.Notice{{Key: "individuals", SentOn: d0 + 40, Method: "first-class mail"}}
	i.ClosedOn = d0 + 90
	return i
}

func createIncidents(t *testing.T, s storage.Store, o org.ID, is ...incident.Incident) {
	t.Helper()
	update(t, s, o, func(tx storage.Tx) error {
		for k := range is {
			if err := tx.Incidents().Create(ctx, &is[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

func listIncidents(t *testing.T, s storage.Store, o org.ID, q storage.IncidentQuery) []incident.ID {
	t.Helper()
	out := []incident.ID{}
	view(t, s, o, func(tx storage.Tx) error {
		for _, i := range collect(t, tx.Incidents().List(ctx, q)) {
			out = append(out, i.ID)
		}
		return nil
	})
	return out
}

var incidentTests = []test{
	{"Incident/List", "List filters open files and a discovery window [From, To), ordered by discovery date then id; other organizations see none", func(t *testing.T, s storage.Store) {
		a := newIncident("a", 10)
		b := newIncident("b", 0)
		c := newIncident("c", 0)
		c.ClosedOn = d0 + 30
		d := newIncident("d", 365)
		createIncidents(t, s, orgA, d, c, b, a)
		require.Equal(t, []incident.ID{"b", "c", "a", "d"}, listIncidents(t, s, orgA, storage.IncidentQuery{}))
		require.Equal(t, []incident.ID{"b", "a", "d"}, listIncidents(t, s, orgA, storage.IncidentQuery{Open: true}))
		require.Equal(t, []incident.ID{"b", "c"}, listIncidents(t, s, orgA, storage.IncidentQuery{Discovered: storage.Window{From: d0, To: d0 + 10}}), "To is exclusive")
		require.Equal(t, []incident.ID{"a", "d"}, listIncidents(t, s, orgA, storage.IncidentQuery{Discovered: storage.Window{From: d0 + 10, To: d0 + 366}}), "From is inclusive")
		require.Equal(t, []incident.ID{}, listIncidents(t, s, orgB, storage.IncidentQuery{}))
	}},
}
