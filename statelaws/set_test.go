package statelaws_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	sl "github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

func TestNewSet(t *testing.T) {
	t.Run("ErrDuplicateID", func(t *testing.T) {
		rules := sl.Default()
		i := slices.IndexFunc(rules, func(r sl.Rule) bool { return r.ID == "CA-HSC-1280.15" })
		require.GreaterOrEqual(t, i, 0)
		rules = append(rules, rules[i])
		s, err := sl.NewSet(rules)
		assert.Nil(t, s)
		requireInvalid(t, err, fmt.Sprintf("rules[%d].id", len(rules)-1), fmt.Sprintf(`"CA-HSC-1280.15" duplicates rules[%d]`, i))
	})

	t.Run("ErrInvalidRuleNamesIndex", func(t *testing.T) {
		bad := validRule()
		bad.Regulators[0].MinResidents = -5
		bad.ID, bad.Code = "ZZ-1", "ZZ"
		_, err := sl.NewSet([]sl.Rule{validRule(), bad})
		requireInvalid(t, err, "rules[1].regulators[0].min_residents", "-5 must be at least 1")
		requireInvalid(t, err, "rules[1].code", `"ZZ" is not the USPS code of a state, DC or territory`)
		assert.Len(t, validation.All(err), 2)
	})

	t.Run("sorts and copies", func(t *testing.T) {
		rules := []sl.Rule{validRule(), sl.Default()[0]}
		s, err := sl.NewSet(rules)
		require.NoError(t, err)
		assert.Equal(t, []string{"AK-45.48.010", "NH-332-I"}, ids(s.All()))
		rules[0].Elements[0] = sl.ElementBiometric
		got, _ := s.Get("NH-332-I")
		assert.Equal(t, sl.ElementSSN, got.Elements[0], "the set keeps its own copy")
	})

	t.Run("empty", func(t *testing.T) {
		s, err := sl.NewSet(nil)
		require.NoError(t, err)
		assert.Zero(t, s.Len())
		assert.Empty(t, s.All())
		assert.Equal(t, sl.Codes(), s.Uncovered())
	})
}

func TestSetFor(t *testing.T) {
	s := sl.DefaultSet()
	tests := []struct {
		name string
		code sl.Code
		want []string
	}{
		{"CA Civ. Code 1798.82 and Health & Safety Code 1280.15", "CA", []string{"CA-1798.82", "CA-HSC-1280.15"}},
		{"NY GBL 899-aa", "NY", []string{"NY-899-aa"}},
		{"PR 10 LPRA 4052", "PR", []string{"PR-4052"}},
		{"VA Code 18.2-186.6 and 32.1-127.1:05", "VA", []string{"VA-18.2-186.6", "VA-32.1-127.1:05"}},
		{"AS no statute found", "AS", []string{"AS-none"}},
		{"unknown code", "XX", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.For(tt.code)
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, ids(got))
		})
	}

	t.Run("copies", func(t *testing.T) {
		got := s.For("CA")
		got[0].Regulators[0].MinResidents = 1
		again := s.For("CA")
		assert.Equal(t, 501, again[0].Regulators[0].MinResidents)
	})

	t.Run("nil set", func(t *testing.T) {
		var none *sl.Set
		assert.Empty(t, none.For("CA"))
		assert.Empty(t, none.All())
		assert.Zero(t, none.Len())
		_, ok := none.Get("CA-1798.82")
		assert.False(t, ok)
		assert.Equal(t, sl.Codes(), none.Uncovered())
	})
}

func TestSetWith(t *testing.T) {
	base := sl.DefaultSet()

	// A privacy officer verifies Ohio's HIPAA exemption and adds New Hampshire's
	// medical-information statute, which the research did not cover.
	oh, ok := base.Get("OH-1349.19")
	require.True(t, ok)
	oh.HIPAAMark = sl.MarkStatute
	oh.Note = "HIPAA exemption checked against the statute by counsel"
	nh332 := validRule()

	s, err := base.With(oh, nh332)
	require.NoError(t, err)
	assert.Equal(t, base.Len()+1, s.Len())
	assert.Equal(t, []string{"OH-1349.19"}, ids(s.For("OH")))
	got, _ := s.Get("OH-1349.19")
	assert.Equal(t, oh, got)
	assert.False(t, got.Unverified())
	assert.Equal(t, []string{"NH-332-I", "NH-359-C:20"}, ids(s.For("NH")))
	assert.Empty(t, s.Uncovered())

	// The base set is unchanged.
	orig, _ := base.Get("OH-1349.19")
	i := slices.IndexFunc(sl.Default(), func(r sl.Rule) bool { return r.ID == "OH-1349.19" })
	assert.Equal(t, sl.Default()[i], orig)
	assert.True(t, orig.Unverified())
	assert.Equal(t, []string{"NH-359-C:20"}, ids(base.For("NH")))

	t.Run("ErrInvalidOverride", func(t *testing.T) {
		bad := oh
		bad.Individuals.Days = -45
		_, err := base.With(nh332, bad)
		requireInvalid(t, err, "overrides[1].individuals.days", "-45 must not be negative")
	})

	t.Run("ErrDuplicateOverride", func(t *testing.T) {
		_, err := base.With(oh, nh332, oh)
		requireInvalid(t, err, "overrides[2].id", `"OH-1349.19" duplicates overrides[0]`)
		assert.True(t, errors.Is(err, validation.ErrInvalid))
	})

	t.Run("no overrides", func(t *testing.T) {
		same, err := base.With()
		require.NoError(t, err)
		assert.Equal(t, base.All(), same.All())
	})
}
