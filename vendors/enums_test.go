package vendors_test

import (
	"testing"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

func TestCategory(t *testing.T) {
	enumtest.Check(t, "vendors", "category", []string{
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
	enumtest.Check(t, "vendors", "data_shared", []string{
		"demographics", "diagnosis_staging", "pathology", "molecular_genomic", "imaging",
		"treatment_plan_dose", "medication_prescription", "financial_insurance", "clinical_trial",
	}, vendors.DataCategoryValues())
}

// TestOutcome: business-associate determinations (45 CFR 160.103, 164.502(e)(1)(ii)(A)).
func TestOutcome(t *testing.T) {
	enumtest.Check(t, "vendors", "outcome", []string{
		"business_associate", "not_ba_treating_provider", "not_ba_conduit", "not_ba_no_phi", "needs_legal_review",
	}, vendors.OutcomeValues())
}

// TestDisposition: PHI at termination (45 CFR 164.504(e)(2)(ii)(J)).
func TestDisposition(t *testing.T) {
	enumtest.Check(t, "vendors", "disposition", []string{
		"returned", "destroyed", "infeasible_protections_extended", "pending",
	}, vendors.DispositionValues())
}

func TestStateText(t *testing.T) {
	enumtest.Check(t, "vendors", "baa.state", []string{
		"not_requested", "requested", "in_negotiation", "signed", "review_due",
		"reviewed", "renewed", "expired", "terminated",
	}, vendors.StateValues())
}

// TestClauseText: clauses of 45 CFR 164.504(e)(2).
func TestClauseText(t *testing.T) {
	enumtest.Check(t, "vendors", "clause", []string{
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
