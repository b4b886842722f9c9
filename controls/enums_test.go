package controls_test

import (
	"github.com/hipaaops/hipaaops/internal/enumtest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hipaaops/hipaaops/controls"
)

// TestKind: 45 CFR 164.306(c), (d)(2), (d)(3).
func TestKind(t *testing.T) {
	enumtest.Check(t, "controls", "kind", []string{"standard", "required", "addressable"}, controls.KindValues())
}

// TestSafeguard: 45 CFR 164.308, 164.310, 164.312, 164.314, 164.316.
func TestSafeguard(t *testing.T) {
	enumtest.Check(t, "controls", "safeguard",
		[]string{"administrative", "physical", "technical", "organizational", "documentation"},
		controls.SafeguardValues())

	tests := []struct {
		s       controls.Safeguard
		section string
		label   string
	}{
		{controls.SafeguardAdministrative, "164.308", "Administrative safeguards"},
		{controls.SafeguardPhysical, "164.310", "Physical safeguards"},
		{controls.SafeguardTechnical, "164.312", "Technical safeguards"},
		{controls.SafeguardOrganizational, "164.314", "Organizational requirements"},
		{controls.SafeguardDocumentation, "164.316", "Policies and procedures and documentation requirements"},
		{"bogus", "", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.s), func(t *testing.T) {
			assert.Equal(t, tt.section, tt.s.Section())
			assert.Equal(t, tt.label, tt.s.Label())
		})
	}
}

// TestDecision: 45 CFR 164.306(d)(3)(ii).
func TestDecision(t *testing.T) {
	enumtest.Check(t, "controls", "decision", []string{"implemented", "alternative", "not_reasonable"}, controls.DecisionValues())
}

func TestValuesAreFresh(t *testing.T) {
	k := controls.KindValues()
	k[0] = "changed"
	assert.Equal(t, controls.KindStandard, controls.KindValues()[0])
	s := controls.SafeguardValues()
	s[0] = "changed"
	assert.Equal(t, controls.SafeguardAdministrative, controls.SafeguardValues()[0])
	d := controls.DecisionValues()
	d[0] = "changed"
	assert.Equal(t, controls.DecisionImplemented, controls.DecisionValues()[0])
}
