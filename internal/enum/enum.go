// Package enum helps string enum types validate and marshal themselves.
package enum

import (
	"slices"

	"github.com/hipaaops/hipaaops/validation"
)

// Valid reports whether v is one of values.
func Valid[T ~string](values []T, v T) bool { return slices.Contains(values, v) }

// Marshal returns v as text, or a validation error naming field when v is unknown.
func Marshal[T ~string](pkg, field string, values []T, v T) ([]byte, error) {
	if !Valid(values, v) {
		return nil, Unknown(pkg, field, values, v)
	}
	return []byte(v), nil
}

// Unmarshal parses text into *dst, rejecting values not in values.
func Unmarshal[T ~string](pkg, field string, values []T, text []byte, dst *T) error {
	v := T(text)
	if !Valid(values, v) {
		return Unknown(pkg, field, values, v)
	}
	*dst = v
	return nil
}

// Unknown returns the validation error for an unknown value.
func Unknown[T ~string](pkg, field string, values []T, v T) error {
	return validation.New(pkg, field, "%q is not one of %v", string(v), values)
}
