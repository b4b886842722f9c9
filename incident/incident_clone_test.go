package incident_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/validation"
)

// Clone shares nothing with the original: storage keeps copies (45 CFR 164.530(j):
// the documentation must not change behind the record's back).
func TestCloneAndClosed(t *testing.T) {
	d0 := date.New(2026, 4, 10)
	i := incident.Incident{ID: "i1", Title: "Fax", DiscoveredOn: d0, Total: 3,
		Affected: []incident.Affected{{State: "OH", Count: 3}},
		Delays:   []incident.Delay{{Kind: incident.DelayOral, Official: "Det. Ray", Agency: "City PD", StatedOn: d0}},
		Notices:  []incident.Notice{{Key: "individuals", SentOn: d0 + 5}},
		Determination: &incident.Determination{Outcome: incident.OutcomeBreach, DecidedBy: "PO", DecidedOn: d0,
			Assessment: &incident.Assessment{Other: []incident.Factor{{Finding: "f", Rationale: "r"}}}}}
	c := i.Clone()
	c.Affected[0].Count = 99
	c.Delays[0].Agency = "x"
	c.Notices[0].Key = "x"
	c.Determination.Outcome = incident.OutcomeSecured
	c.Determination.Assessment.Other[0].Finding = "x"
	require.Equal(t, 3, i.Affected[0].Count)
	require.Equal(t, "City PD", i.Delays[0].Agency)
	require.Equal(t, "individuals", i.Notices[0].Key)
	require.Equal(t, incident.OutcomeBreach, i.Determination.Outcome)
	require.Equal(t, "f", i.Determination.Assessment.Other[0].Finding)

	require.True(t, i.Open())
	i.ClosedOn = d0 - 1
	require.ErrorIs(t, i.Validate(), validation.ErrInvalid)
	i.ClosedOn = d0 + 30
	require.False(t, i.Open())
}
