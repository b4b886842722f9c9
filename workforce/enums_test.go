package workforce_test

import (
	"testing"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"

	"github.com/hipaaops/hipaaops/workforce"
)

func TestRole(t *testing.T) {
	enumtest.Check(t, "workforce", "role", []string{
		"physician", "nurse", "pharmacist", "physicist", "dosimetrist", "radiation_therapist",
		"front_desk", "billing", "research_coordinator", "it", "administrator", "other",
	}, workforce.RoleValues())
}

// TestModule: the modules of the training program (45 CFR 164.308(a)(5), 164.530(b)).
func TestModule(t *testing.T) {
	enumtest.Check(t, "workforce", "module", []string{
		"general_hipaa", "infusion_suite", "molecular_genomic", "radiation_therapy_physics", "front_desk",
	}, workforce.ModuleValues())
}

// TestValuesAreCopies: changing a returned list does not change the package's.
func TestValuesAreCopies(t *testing.T) {
	r := workforce.RoleValues()
	r[0] = "x"
	assert.Equal(t, workforce.RolePhysician, workforce.RoleValues()[0])
	m := workforce.ModuleValues()
	m[0] = "x"
	assert.Equal(t, workforce.ModuleGeneralHIPAA, workforce.ModuleValues()[0])
}
