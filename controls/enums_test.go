package controls_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
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

// TestKind: 45 CFR 164.306(c), (d)(2), (d)(3).
func TestKind(t *testing.T) {
	testEnum(t, "kind", []string{"standard", "required", "addressable"}, controls.KindValues())
}

// TestSafeguard: 45 CFR 164.308, 164.310, 164.312, 164.314, 164.316.
func TestSafeguard(t *testing.T) {
	testEnum(t, "safeguard",
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
	testEnum(t, "decision", []string{"implemented", "alternative", "not_reasonable"}, controls.DecisionValues())
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
