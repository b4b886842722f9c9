package controls_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/validation"
)

func TestCatalogJSON(t *testing.T) {
	cat := controls.Current()
	b, err := json.Marshal(cat)
	require.NoError(t, err)

	var back controls.Catalog
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, cat, back)
	require.NoError(t, back.Validate())

	// The wire form of one control and of the catalog's date.
	var raw struct {
		EffectiveOn string            `json:"effective_on"`
		Controls    []json.RawMessage `json:"controls"`
	}
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, "2013-03-26", raw.EffectiveOn)
	assert.JSONEq(t, `{"id":"164.312(a)(2)(iv)","standard":"164.312(a)(1)","title":"Encryption and decryption",
		"kind":"addressable","safeguard":"technical","citation":"45 CFR 164.312(a)(2)(iv)"}`,
		string(raw.Controls[46]))
}

func TestAddressableDecisionJSON(t *testing.T) {
	d := decided(controls.DecisionAlternative)
	d.Version = 3
	d.CreatedAt = time.Date(2026, time.March, 2, 15, 4, 5, 0, time.UTC)
	d.UpdatedAt = d.CreatedAt.Add(time.Hour)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"control": "164.312(a)(2)(iv)", "catalog_version": "2013-omnibus", "decision": "alternative",
		"alternative": "laptops never store ePHI; access only through the virtual desktop",
		"reason": "full-disk encryption breaks the linear accelerator console's vendor support",
		"decided_by": "security.officer@example.org", "decided_on": "2026-03-02",
		"version": 3, "created_at": "2026-03-02T15:04:05Z", "updated_at": "2026-03-02T16:04:05Z"
	}`, string(b))

	var back controls.AddressableDecision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back)
}

// TestJSONRejectsUnknownEnums: unknown kinds, safeguards and decisions fail to decode and
// to encode, with a validation error naming the field.
func TestJSONRejectsUnknownEnums(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		into  any
		field string
	}{
		{"Kind", `{"id":"164.312(b)","kind":"optional","safeguard":"technical"}`, &controls.Control{}, "kind"},
		{"Safeguard", `{"id":"164.312(b)","kind":"standard","safeguard":"financial"}`, &controls.Control{}, "safeguard"},
		{"Decision", `{"control":"164.312(a)(2)(iv)","decision":"deferred"}`, &controls.AddressableDecision{}, "decision"},
		{"KindInCatalog", `{"version":"x","controls":[{"id":"164.312(b)","kind":"Standard"}]}`, &controls.Catalog{}, "kind"},
	}
	for _, tt := range tests {
		t.Run("Decode/"+tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.json), tt.into)
			require.ErrorIs(t, err, validation.ErrInvalid)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, tt.field, verr.Field)
			assert.Contains(t, verr.Rule, "is not one of")
		})
	}

	t.Run("Encode", func(t *testing.T) {
		c := controls.Control{ID: "164.312(b)", Standard: "164.312(b)", Kind: "optional", Safeguard: controls.SafeguardTechnical}
		_, err := json.Marshal(c)
		require.ErrorIs(t, err, validation.ErrInvalid)

		d := decided("deferred")
		_, err = json.Marshal(d)
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
}
