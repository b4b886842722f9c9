package riskreg_test

import (
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/validation"
)

// actor records every step in these tests; approver accepts risks.
const (
	actor    = "security.officer@example.org"
	approver = "Dr. Rivera, CEO"
)

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// method returns a built-in method, failing the test if it is missing.
func method(t *testing.T, id riskreg.MethodID) *riskreg.Method {
	t.Helper()
	m, ok := riskreg.GetMethod(id)
	require.True(t, ok, "method %s", id)
	return &m
}

// newRisk returns a valid open, unrated risk.
func newRisk(id riskreg.ID) riskreg.Risk {
	return riskreg.Risk{
		ID:            id,
		Title:         "Risk " + string(id),
		Asset:         "EHR",
		ThreatSource:  "external attacker",
		ThreatEvent:   "credential theft",
		Vulnerability: "no MFA",
		Method:        riskreg.MethodHHS3x3,
		Status:        riskreg.StatusOpen,
	}
}

// ratedRisk returns an open risk rated on the 3×3 method on 2026-01-10.
func ratedRisk(t *testing.T, id riskreg.ID, inherent, residual [2]riskreg.Level) riskreg.Risk {
	t.Helper()
	r := newRisk(id)
	require.NoError(t, r.Rate(method(t, riskreg.MethodHHS3x3), riskreg.Scoring{Inherent: score(inherent), Residual: score(residual), On: day(2026, time.January, 10), Note: "annual analysis"}, actor))
	return r
}

// acceptance returns a complete acceptance approved on 2026-02-01, to review a year later.
func acceptance() riskreg.Acceptance {
	return riskreg.Acceptance{
		ApprovedBy:    approver,
		ApprovedOn:    day(2026, time.February, 1),
		ReviewOn:      day(2027, time.February, 1),
		Justification: "screens replaced next fiscal year; privacy filters in place meanwhile",
	}
}

// requireInvalid asserts that err holds exactly one *validation.Error, from package
// riskreg, on field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.NotErrorIs(t, err, riskreg.ErrTransition)
	enumtest.RequireInvalid(t, err, "riskreg", field, rule)
}

// requireTransition asserts that err is a *riskreg.TransitionError between two statuses.
func requireTransition(t *testing.T, err error, from, to riskreg.Status) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, riskreg.ErrTransition)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	var terr *riskreg.TransitionError
	require.ErrorAs(t, err, &terr)
	assert.Equal(t, from, terr.From)
	assert.Equal(t, to, terr.To)
}

// validationAll is validation.All.
func validationAll(err error) []*validation.Error { return validation.All(err) }

// score is a likelihood and an impact as a Score to rate, its rating left to the method.
func score(lv [2]riskreg.Level) riskreg.Score {
	return riskreg.Score{Likelihood: lv[0], Impact: lv[1]}
}

// requireState asserts that err is a *riskreg.StateError, a failed precondition.
func requireState(t *testing.T, err error, status riskreg.Status) {
	t.Helper()
	require.ErrorIs(t, err, riskreg.ErrTransition)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	var serr *riskreg.StateError
	require.ErrorAs(t, err, &serr)
	assert.Equal(t, status, serr.Status)
}
