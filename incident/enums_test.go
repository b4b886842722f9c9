package incident_test

import (
	"encoding/json"
	"testing"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
)

func TestEnums(t *testing.T) {
	t.Run("Discoverer (164.404(a)(2), 164.410(a)(2))", func(t *testing.T) {
		enumtest.Check(t, "incident", "discovered_by", []string{"workforce", "agent", "business_associate"}, incident.DiscovererValues())
	})
	t.Run("Recipient (164.402(2)(ii))", func(t *testing.T) {
		enumtest.Check(t, "incident", "recipient", []string{"workforce", "covered_entity", "business_associate", "unknown", "malicious"}, incident.RecipientValues())
	})
	t.Run("IdentifierType (164.402(2)(i))", func(t *testing.T) {
		enumtest.Check(t, "incident", "identifiers", []string{"name", "address", "birth_date", "ssn", "medical_record_number",
			"health_plan_id", "account_number", "email", "phone", "photo", "biometric", "device_id", "other"},
			incident.IdentifierTypeValues())
	})
	t.Run("Acquisition (164.402(2)(iii))", func(t *testing.T) {
		enumtest.Check(t, "incident", "acquired", []string{"yes", "no", "unknown"}, incident.AcquisitionValues())
	})
	t.Run("BreachType (HHS portal)", func(t *testing.T) {
		enumtest.Check(t, "incident", "breach_type", []string{"hacking_it", "improper_disposal", "loss", "theft", "unauthorized_access", "other"},
			incident.BreachTypeValues())
	})
	t.Run("Location (HHS portal)", func(t *testing.T) {
		enumtest.Check(t, "incident", "location", []string{"desktop", "emr", "email", "laptop", "network_server", "portable_device", "paper_films", "other"},
			incident.LocationValues())
	})
	t.Run("Outcome (164.402)", func(t *testing.T) {
		enumtest.Check(t, "incident", "determination.outcome", []string{"not_phi", "secured", "exception", "low_probability", "breach"}, incident.OutcomeValues())
	})
	t.Run("Exception (164.402(1))", func(t *testing.T) {
		enumtest.Check(t, "incident", "determination.exception", []string{"unintentional_workforce", "inadvertent_authorized", "could_not_retain"},
			incident.ExceptionValues())
	})
	t.Run("DelayKind (164.412)", func(t *testing.T) {
		enumtest.Check(t, "incident", "kind", []string{"written", "oral"}, incident.DelayKindValues())
	})
	t.Run("DelayPolicy (164.412)", func(t *testing.T) {
		enumtest.Check(t, "incident", "delay_policy", []string{"toll", "extend"}, incident.DelayPolicyValues())
	})
	t.Run("Party", func(t *testing.T) {
		enumtest.Check(t, "incident", "party", []string{"individuals", "substitute_notice", "telephone", "media", "hhs",
			"business_associate", "state_individuals", "state_regulator", "consumer_reporting_agencies"}, incident.PartyValues())
	})
	t.Run("PHIType (HHS portal)", func(t *testing.T) {
		enumtest.Check(t, "incident", "phi_types", []string{"clinical", "demographic", "financial", "other"}, incident.PHITypeValues())
	})
	t.Run("Status", func(t *testing.T) {
		enumtest.Check(t, "incident", "status", []string{"pending", "sent", "not_required", "recommended"}, incident.StatusValues())
	})
	t.Run("NotRequiredReason (164.402, 74 FR 42740, State laws)", func(t *testing.T) {
		enumtest.Check(t, "incident", "not_required_code", []string{"not_phi", "secured", "exception", "low_probability",
			"elements_not_covered", "hipaa_exempt", "hipaa_deemed_compliant", "below_threshold", "no_hhs_notice",
			"out_of_scope", "state_safe_harbor", "condition_not_met", "no_statute", "counsel_decision"},
			incident.NotRequiredReasonValues())
	})
	t.Run("Flag", func(t *testing.T) {
		enumtest.Check(t, "incident", "flags", []string{"unverified", "counsel_review", "count_not_known", "owed_again",
			"urgent", "no_determination", "delay_not_honoured", "effective_after_discovery", "no_statute",
			"not_researched", "ba_report_not_recorded"}, incident.FlagValues())
	})
	t.Run("AnchorEvent", func(t *testing.T) {
		enumtest.Check(t, "incident", "counts_from.event", []string{"discovery", "ba_discovery", "determination",
			"individual_notice", "hhs_notice", "delay_end", "year_end"}, incident.AnchorEventValues())
	})
	t.Run("SubstituteMethod (164.404(d)(2))", func(t *testing.T) {
		enumtest.Check(t, "incident", "substitute.method", []string{"web_posting", "major_media", "other_written",
			"telephone", "other"}, incident.SubstituteMethodValues())
	})
	t.Run("ReportType (164.408(c), HHS portal)", func(t *testing.T) {
		enumtest.Check(t, "incident", "report_type", []string{"initial", "addendum"}, incident.ReportTypeValues())
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
