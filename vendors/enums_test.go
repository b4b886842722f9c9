package vendors_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
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

func TestCategory(t *testing.T) {
	testEnum(t, "category", []string{
		"specialty_pharmacy", "infusion_staffing", "prior_authorization", "laboratory",
		"molecular_testing", "financial_assistance", "trial_sponsor", "cro", "treatment_planning",
		"pacs", "record_and_verify", "ct_simulation", "ehr", "billing", "cloud_hosting",
		"secure_messaging", "e_prescribing", "it_managed_services", "shredding", "other",
	}, vendors.CategoryValues())

	labels := map[string]bool{}
	for _, c := range vendors.CategoryValues() {
		assert.NotEmpty(t, c.Label(), "%s has a label", c)
		assert.False(t, labels[c.Label()], "label %q is used twice", c.Label())
		labels[c.Label()] = true
	}
	assert.Equal(t, "PACS / image archive", vendors.CategoryPACS.Label())
	assert.Empty(t, vendors.Category("florist").Label())

	cs := vendors.CategoryValues()
	cs[0] = "mutated"
	assert.Equal(t, vendors.CategorySpecialtyPharmacy, vendors.CategoryValues()[0], "CategoryValues returns a copy")
}

func TestDataCategory(t *testing.T) {
	testEnum(t, "data_shared", []string{
		"demographics", "diagnosis_staging", "pathology", "molecular_genomic", "imaging",
		"treatment_plan_dose", "medication_prescription", "financial_insurance", "clinical_trial",
	}, vendors.DataCategoryValues())
}

// TestOutcome: business-associate determinations (45 CFR 160.103, 164.502(e)(1)(ii)(A)).
func TestOutcome(t *testing.T) {
	testEnum(t, "outcome", []string{
		"business_associate", "not_ba_treating_provider", "not_ba_conduit", "not_ba_no_phi", "needs_legal_review",
	}, vendors.OutcomeValues())
}

// TestDisposition: PHI at termination (45 CFR 164.504(e)(2)(ii)(J)).
func TestDisposition(t *testing.T) {
	testEnum(t, "disposition", []string{
		"returned", "destroyed", "infeasible_protections_extended", "pending",
	}, vendors.DispositionValues())
}

func TestStateText(t *testing.T) {
	testEnum(t, "baa.state", []string{
		"not_requested", "requested", "in_negotiation", "signed", "review_due",
		"reviewed", "renewed", "expired", "terminated",
	}, vendors.StateValues())
}

// TestClauseText: clauses of 45 CFR 164.504(e)(2).
func TestClauseText(t *testing.T) {
	testEnum(t, "clause", []string{
		"permitted_uses", "no_other_use", "safeguards", "reporting", "subcontractors", "access",
		"amendment", "accounting", "privacy_obligations", "hhs_access", "return_or_destroy", "termination",
	}, vendors.ClauseValues())
}

func TestEnumErrorText(t *testing.T) {
	var c vendors.Category
	err := c.UnmarshalText([]byte("florist"))
	require.ErrorIs(t, err, validation.ErrInvalid)
	assert.Contains(t, err.Error(), `vendors: category "florist" is not one of [specialty_pharmacy `)
}
