package incident_test

import (
	"encoding"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
)

// enumValue is a string enum of this package.
type enumValue interface {
	~string
	Valid() bool
	encoding.TextMarshaler
}

// testEnum checks an enum's wire values, Valid, and text marshalling both ways: known values
// round-trip, unknown ones fail with a validation error naming field and leave dst as it was.
func testEnum[T enumValue, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, field string, want []string, values []T) {
	t.Helper()
	got := make([]string, len(values))
	for i, v := range values {
		got[i] = string(v)
	}
	require.Equal(t, want, got, "wire values are stored: changing one breaks stored data")

	for _, v := range values {
		assert.True(t, v.Valid(), "%q", v)
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, string(v), string(b))
		var back T
		require.NoError(t, PT(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	for _, bad := range []string{"", "bogus", " " + want[0], want[0] + " ", "X" + want[0]} {
		v := T(bad)
		assert.False(t, v.Valid(), "%q", bad)
		_, err := v.MarshalText()
		requireInvalid(t, err, field, "is not one of")
		dst := values[0]
		err = PT(&dst).UnmarshalText([]byte(bad))
		requireInvalid(t, err, field, "is not one of")
		assert.Equal(t, values[0], dst, "a refused value leaves the destination unchanged")
	}
}

func TestEnums(t *testing.T) {
	t.Run("Discoverer (164.404(a)(2), 164.410(a)(2))", func(t *testing.T) {
		testEnum(t, "discovered_by", []string{"workforce", "agent", "business_associate"}, incident.DiscovererValues())
	})
	t.Run("Recipient (164.402(2)(ii))", func(t *testing.T) {
		testEnum(t, "recipient", []string{"workforce", "covered_entity", "business_associate", "unknown", "malicious"}, incident.RecipientValues())
	})
	t.Run("IdentifierType (164.402(2)(i))", func(t *testing.T) {
		testEnum(t, "identifiers", []string{"name", "address", "birth_date", "ssn", "medical_record_number",
			"health_plan_id", "account_number", "email", "phone", "photo", "biometric", "device_id", "other"},
			incident.IdentifierTypeValues())
	})
	t.Run("Acquisition (164.402(2)(iii))", func(t *testing.T) {
		testEnum(t, "acquired", []string{"yes", "no", "unknown"}, incident.AcquisitionValues())
	})
	t.Run("BreachType (HHS portal)", func(t *testing.T) {
		testEnum(t, "breach_type", []string{"hacking_it", "improper_disposal", "loss", "theft", "unauthorized_access", "other"},
			incident.BreachTypeValues())
	})
	t.Run("Location (HHS portal)", func(t *testing.T) {
		testEnum(t, "location", []string{"desktop", "emr", "email", "laptop", "network_server", "portable_device", "paper_films", "other"},
			incident.LocationValues())
	})
	t.Run("Outcome (164.402)", func(t *testing.T) {
		testEnum(t, "determination.outcome", []string{"not_phi", "secured", "exception", "low_probability", "breach"}, incident.OutcomeValues())
	})
	t.Run("Exception (164.402(1))", func(t *testing.T) {
		testEnum(t, "determination.exception", []string{"unintentional_workforce", "inadvertent_authorized", "could_not_retain"},
			incident.ExceptionValues())
	})
	t.Run("DelayKind (164.412)", func(t *testing.T) {
		testEnum(t, "kind", []string{"written", "oral"}, incident.DelayKindValues())
	})
	t.Run("DelayPolicy (164.412)", func(t *testing.T) {
		testEnum(t, "delay_policy", []string{"toll", "extend"}, incident.DelayPolicyValues())
	})
	t.Run("Party", func(t *testing.T) {
		testEnum(t, "party", []string{"individuals", "substitute_notice", "telephone", "media", "hhs",
			"business_associate", "state_individuals", "state_regulator"}, incident.PartyValues())
	})
	t.Run("PHIType (HHS portal)", func(t *testing.T) {
		testEnum(t, "phi_types", []string{"clinical", "demographic", "financial", "other"}, incident.PHITypeValues())
	})
	t.Run("Status", func(t *testing.T) {
		testEnum(t, "status", []string{"pending", "sent", "not_required"}, incident.StatusValues())
	})
}

// TestExceptionCitation: each exception names its paragraph of 45 CFR 164.402(1).
func TestExceptionCitation(t *testing.T) {
	assert.Equal(t, "45 CFR 164.402(1)(i)", incident.ExceptionUnintentionalWorkforce.Citation())
	assert.Equal(t, "45 CFR 164.402(1)(ii)", incident.ExceptionInadvertentAuthorized.Citation())
	assert.Equal(t, "45 CFR 164.402(1)(iii)", incident.ExceptionCouldNotRetain.Citation())
	assert.Empty(t, incident.Exception("other").Citation())
}

// TestPortalLabels: breach types and locations carry the HHS breach portal's names.
func TestPortalLabels(t *testing.T) {
	for _, b := range incident.BreachTypeValues() {
		assert.NotEmpty(t, b.Label(), b)
	}
	for _, l := range incident.LocationValues() {
		assert.NotEmpty(t, l.Label(), l)
	}
	assert.Equal(t, "Hacking/IT Incident", incident.BreachHackingIT.Label())
	assert.Equal(t, "Paper/Films", incident.LocationPaperFilms.Label())
}

// TestIncidentJSON: an incident round-trips through JSON; unknown enum values are refused.
func TestIncidentJSON(t *testing.T) {
	i := newIncident(day(2026, 4, 10), in("OH", 520), in("KY", 130))
	i.Determination = lowProbability(day(2026, 4, 20))
	i.Delays = []incident.Delay{{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: "FBI", StatedOn: day(2026, 4, 12)}}
	i.BreachType, i.Location = incident.BreachTheft, incident.LocationLaptop
	b, err := json.Marshal(i)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "started_on", "unset dates are omitted")
	var back incident.Incident
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, i, back)

	bad := []byte(`{"id":"x","discovered_by":"janitor"}`)
	err = json.Unmarshal(bad, &back)
	requireInvalid(t, err, "discovered_by", `"janitor" is not one of`)
}
