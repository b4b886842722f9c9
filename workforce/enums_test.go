package workforce_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/workforce"
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

func TestRole(t *testing.T) {
	testEnum(t, "role", []string{
		"physician", "nurse", "pharmacist", "physicist", "dosimetrist", "radiation_therapist",
		"front_desk", "billing", "research_coordinator", "it", "administrator", "other",
	}, workforce.RoleValues())
}

// TestModule: the modules of the training program (45 CFR 164.308(a)(5), 164.530(b)).
func TestModule(t *testing.T) {
	testEnum(t, "module", []string{
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
