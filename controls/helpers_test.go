package controls_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// requireInvalid asserts that err holds exactly one *validation.Error of this package, on
// field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, validation.ErrInvalid)
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "controls", verr.Pkg)
	assert.Equal(t, field, verr.Field, "error: %v", err)
	assert.Contains(t, verr.Rule, rule)
	assert.Len(t, validation.All(err), 1, "expected one problem, got: %v", err)
}
