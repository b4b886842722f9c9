// Package enumtest holds the checks every domain package's tests run on its string enums
// and validation errors, written once.
package enumtest

import (
	"encoding"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
)

// Value is a string enum of a domain package.
type Value interface {
	~string
	Valid() bool
	encoding.TextMarshaler
}

// Check checks an enum's wire values (want, in order: they are stored, so changing one
// breaks stored data), Valid, and text marshalling both ways: known values round-trip;
// the empty string, garbage and near misses (spaces, other case, a prefix) fail with a
// validation error of package pkg naming field, and leave the destination as it was.
func Check[T Value, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, pkg, field string, want []string, values []T) {
	t.Helper()
	check[T, PT](t, pkg, field, want, values, append(nearMisses(want[0]), ""))
}

// CheckOptional is Check for an enum whose empty value means "not chosen yet" and is
// valid.
func CheckOptional[T Value, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, pkg, field string, want []string, values []T) {
	t.Helper()
	check[T, PT](t, pkg, field, want, values, nearMisses(want[0]))
}

func nearMisses(w string) []string {
	return []string{"bogus", " " + w, w + " ", "X" + w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]}
}

func check[T Value, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, pkg, field string, want []string, values []T, bad []string) {
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

	for _, s := range bad {
		v := T(s)
		assert.False(t, v.Valid(), "%q", s)

		_, err := v.MarshalText()
		RequireInvalid(t, err, pkg, field, "is not one of")

		dst := values[0]
		err = PT(&dst).UnmarshalText([]byte(s))
		RequireInvalid(t, err, pkg, field, "is not one of")
		assert.Equal(t, values[0], dst, "a refused value leaves the destination unchanged")
	}
}

// RequireInvalid requires err to be exactly one validation problem of package pkg on
// field, whose rule contains rule.
func RequireInvalid(t *testing.T, err error, pkg, field, rule string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, validation.ErrInvalid)
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, pkg, verr.Pkg)
	assert.Equal(t, field, verr.Field, "error: %v", err)
	assert.Contains(t, verr.Rule, rule)
	assert.Len(t, validation.All(err), 1, "expected one problem, got: %v", err)
}
