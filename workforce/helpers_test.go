package workforce_test

import (
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/workforce"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// startOn is the first day of the members built by newMember.
var startOn = day(2025, time.March, 3)

// newMember returns a valid, active infusion nurse with no training recorded.
func newMember() workforce.Member {
	return workforce.Member{
		ID:      "m-1",
		Name:    "Dana Reyes",
		Email:   "dana.reyes@example.org",
		Role:    workforce.RoleNurse,
		Sites:   []org.SiteID{"main", "infusion-north"},
		StartOn: startOn,
	}
}

// done is a completion of mod on on.
func done(mod workforce.Module, on date.Date) workforce.Completion {
	return workforce.Completion{Module: mod, CompletedOn: on}
}

// requireInvalid asserts that err holds exactly one *validation.Error, from package
// workforce, on field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	enumtest.RequireInvalid(t, err, "workforce", field, rule)
}

// fields lists the field of every validation problem in err, in order.
func fields(err error) []string {
	var out []string
	for _, e := range validation.All(err) {
		out = append(out, e.Field)
	}
	return out
}
