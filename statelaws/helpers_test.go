package statelaws_test

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// calendar and business build Periods for tables.
func calendar(n int) statelaws.Period {
	return statelaws.Period{Days: n, Kind: statelaws.CalendarDays}
}

func business(n int) statelaws.Period {
	return statelaws.Period{Days: n, Kind: statelaws.BusinessDays}
}

// requireInvalid checks that err is a validation error and that one of its errors names
// field with rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.Error(t, err)
	assert.True(t, errors.Is(err, validation.ErrInvalid), "errors.Is(%v, ErrInvalid)", err)
	var got []string
	for _, e := range validation.All(err) {
		assert.Equal(t, "statelaws", e.Pkg)
		if e.Field == field && e.Rule == rule {
			return
		}
		got = append(got, e.Field+" "+e.Rule)
	}
	t.Fatalf("no error %q %q among %q", field, rule, got)
}

// validRule returns a valid rule to break in tests.
func validRule() statelaws.Rule {
	return statelaws.Rule{
		ID: "OK-163", Code: "OK", Title: "Oklahoma Statutes title 24, 163", Citation: "24 O.S. § 163",
		Trigger: statelaws.TriggerDiscovery, Individuals: calendar(45),
		Regulators: []statelaws.RegulatorNotice{{
			Regulator: "Attorney General", MinResidents: 501, Deadline: calendar(60),
			Relative: statelaws.RelTrigger, AppliesToHIPAA: true, Citation: "24 O.S. § 163", Mark: statelaws.MarkUnverified,
		}},
		HIPAA:    statelaws.HIPAAApplies,
		Elements: []statelaws.DataElement{statelaws.ElementSSN, statelaws.ElementMedical},
		Mark:     statelaws.MarkUnverified,
		Note:     "test rule, not researched",
	}
}

// ids returns the rules' IDs in order.
func ids(rules []statelaws.Rule) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.ID
	}
	return out
}
