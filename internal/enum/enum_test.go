package enum_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

// outcome is a string enum built the way the domain packages build theirs.
type outcome string

const (
	outcomeBA    outcome = "business_associate"
	outcomeNotBA outcome = "not_business_associate"
)

var outcomeValues = []outcome{outcomeBA, outcomeNotBA}

func (o outcome) MarshalText() ([]byte, error) {
	return enum.Marshal("vendors", "determination.outcome", outcomeValues, o)
}

func (o *outcome) UnmarshalText(b []byte) error {
	return enum.Unmarshal("vendors", "determination.outcome", outcomeValues, b, o)
}

// requireUnknown checks err is the validation error for an unknown value.
func requireUnknown(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.Error(t, err)
	assert.True(t, errors.Is(err, validation.ErrInvalid), "errors.Is(%v, ErrInvalid)", err)
	var verr *validation.Error
	require.True(t, errors.As(err, &verr), "errors.As(%T)", err)
	assert.Equal(t, "vendors", verr.Pkg)
	assert.Equal(t, field, verr.Field)
	assert.Equal(t, rule, verr.Rule)
}

func TestValid(t *testing.T) {
	tests := []struct {
		name   string
		values []outcome
		v      outcome
		want   bool
	}{
		{"first", outcomeValues, outcomeBA, true},
		{"last", outcomeValues, outcomeNotBA, true},
		{"unknown", outcomeValues, "maybe", false},
		{"empty string", outcomeValues, "", false},
		{"case differs", outcomeValues, "Business_Associate", false},
		{"trailing space", outcomeValues, "business_associate ", false},
		{"no values", nil, outcomeBA, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, enum.Valid(tt.values, tt.v))
		})
	}
}

func TestMarshal(t *testing.T) {
	t.Run("known", func(t *testing.T) {
		for _, v := range outcomeValues {
			b, err := enum.Marshal("vendors", "determination.outcome", outcomeValues, v)
			require.NoError(t, err)
			assert.Equal(t, []byte(v), b)
		}
	})

	tests := []struct {
		name string
		v    outcome
		rule string
	}{
		{"unknown", "maybe", `"maybe" is not one of [business_associate not_business_associate]`},
		{"empty", "", `"" is not one of [business_associate not_business_associate]`},
		{"case differs", "BUSINESS_ASSOCIATE", `"BUSINESS_ASSOCIATE" is not one of [business_associate not_business_associate]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := enum.Marshal("vendors", "determination.outcome", outcomeValues, tt.v)
			assert.Nil(t, b)
			requireUnknown(t, err, "determination.outcome", tt.rule)
		})
	}
}

func TestUnmarshal(t *testing.T) {
	t.Run("known", func(t *testing.T) {
		for _, v := range outcomeValues {
			var got outcome
			require.NoError(t, enum.Unmarshal("vendors", "determination.outcome", outcomeValues, []byte(v), &got))
			assert.Equal(t, v, got)
		}
	})

	tests := []struct {
		name string
		text string
		rule string
	}{
		{"unknown", "maybe", `"maybe" is not one of [business_associate not_business_associate]`},
		{"empty", "", `"" is not one of [business_associate not_business_associate]`},
		{"quoted", `"business_associate"`, `"\"business_associate\"" is not one of [business_associate not_business_associate]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outcomeNotBA
			err := enum.Unmarshal("vendors", "determination.outcome", outcomeValues, []byte(tt.text), &got)
			requireUnknown(t, err, "determination.outcome", tt.rule)
			assert.Equal(t, outcomeNotBA, got, "destination unchanged on error")
		})
	}
}

func TestUnknown(t *testing.T) {
	err := enum.Unknown("vendors", "baa.clauses[2]", outcomeValues, outcome("indemnity"))
	requireUnknown(t, err, "baa.clauses[2]", `"indemnity" is not one of [business_associate not_business_associate]`)
	assert.Equal(t, `vendors: baa.clauses[2] "indemnity" is not one of [business_associate not_business_associate]`, err.Error())
}

// Types that implement encoding.TextMarshaler with the helpers reject unknown values in
// JSON both ways, and the validation error survives encoding/json's wrapping.
func TestJSONThroughTextMarshaler(t *testing.T) {
	type determination struct {
		Outcome outcome `json:"outcome"`
	}

	t.Run("round trip", func(t *testing.T) {
		b, err := json.Marshal(determination{Outcome: outcomeBA})
		require.NoError(t, err)
		assert.JSONEq(t, `{"outcome":"business_associate"}`, string(b))
		var back determination
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, outcomeBA, back.Outcome)
	})

	t.Run("marshal unknown", func(t *testing.T) {
		_, err := json.Marshal(determination{Outcome: "maybe"})
		requireUnknown(t, err, "determination.outcome", `"maybe" is not one of [business_associate not_business_associate]`)
	})

	t.Run("unmarshal unknown", func(t *testing.T) {
		var d determination
		err := json.Unmarshal([]byte(`{"outcome":"maybe"}`), &d)
		requireUnknown(t, err, "determination.outcome", `"maybe" is not one of [business_associate not_business_associate]`)
		assert.Equal(t, outcome(""), d.Outcome)
	})
}
