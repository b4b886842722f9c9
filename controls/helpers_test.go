package controls_test

import (
	"github.com/hipaaops/hipaaops/internal/enumtest"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// requireInvalid asserts that err holds exactly one *validation.Error of this package, on
// field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	enumtest.RequireInvalid(t, err, "controls", field, rule)
}
