package trials_test

import (
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// Dates of the standard lifecycle built by trialIn.
var (
	openedOn    = day(2026, time.January, 12)
	enrollingOn = day(2026, time.March, 2)
	closedOn    = day(2027, time.June, 30)
)

// newTrial returns a valid opening trial with its basis chosen.
func newTrial() trials.Trial {
	return trials.Trial{
		ID:                    "t-1",
		Title:                 "Phase II study of a KRAS G12C inhibitor in NSCLC",
		Protocol:              "NCT01234567",
		Sponsor:               "acme-pharma",
		CRO:                   "global-cro",
		Sites:                 []org.SiteID{"main", "infusion-north"},
		Status:                trials.StatusOpening,
		Basis:                 trials.BasisAuthorization,
		OpenedOn:              openedOn,
		PrincipalInvestigator: "Dr. Lee",
	}
}

// trialIn returns a valid trial that reached status s through the Trial methods:
// opening → enrolling → closed.
func trialIn(t *testing.T, s trials.Status) *trials.Trial {
	t.Helper()
	tr := newTrial()
	if s == trials.StatusOpening {
		return &tr
	}
	require.NoError(t, tr.StartEnrolling(trials.Enrolling{On: enrollingOn}))
	if s == trials.StatusClosed {
		require.NoError(t, tr.Close(trials.Closing{On: closedOn}))
	}
	require.Equal(t, s, tr.Status)
	require.NoError(t, tr.Validate())
	return &tr
}

// requireInvalid asserts that err holds exactly one *validation.Error, from package
// trials, on field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.NotErrorIs(t, err, trials.ErrTransition)
	enumtest.RequireInvalid(t, err, "trials", field, rule)
}

// requireTransition asserts that err is a *trials.TransitionError from one status to another.
func requireTransition(t *testing.T, err error, from, to trials.Status) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, trials.ErrTransition)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	var terr *trials.TransitionError
	require.ErrorAs(t, err, &terr)
	assert.Equal(t, from, terr.From)
	assert.Equal(t, to, terr.To)
	assert.Contains(t, err.Error(), string(from))
	assert.Contains(t, err.Error(), string(to))
}

// fields lists the field of every validation problem in err, in order.
func fields(err error) []string {
	var out []string
	for _, e := range validation.All(err) {
		out = append(out, e.Field)
	}
	return out
}
