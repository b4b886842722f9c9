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

// validRule returns a valid rule to break in tests: a second New Hampshire rule, for the
// medical-information statute the research did not cover (RSA 332-I), as a privacy
// officer might add it.
func validRule() statelaws.Rule {
	return statelaws.Rule{
		ID: "NH-332-I", Code: "NH", Title: "New Hampshire RSA 332-I (test rule)", Citation: "RSA 332-I",
		Trigger: statelaws.TriggerDiscovery, Individuals: calendar(45),
		Regulators: []statelaws.RegulatorNotice{{
			ID: "ag", Regulator: "Attorney General", MinResidents: 501, Deadline: calendar(60),
			Relative: statelaws.RelTrigger, AppliesToHIPAA: true, Citation: "RSA 332-I", Mark: statelaws.MarkUnverified,
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
