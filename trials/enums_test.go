package trials_test

import (
	"testing"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/trials"
)

func TestStatus(t *testing.T) {
	enumtest.Check(t, "trials", "status", []string{"opening", "enrolling", "closed"}, trials.StatusValues())
}

// TestBasis: the Privacy Rule's bases for research use of PHI (45 CFR 164.508,
// 164.512(i)(1)(i), 164.514(e)).
func TestBasis(t *testing.T) {
	enumtest.CheckOptional(t, "trials", "basis", []string{"authorization", "irb_waiver", "limited_data_set"}, trials.BasisValues())

	t.Run("Undecided", func(t *testing.T) {
		u := trials.BasisUndecided
		assert.True(t, u.Valid(), "undecided is a valid value while opening")
		assert.False(t, u.Decided())
		assert.NotContains(t, trials.BasisValues(), u, "undecided is not a choice")
		b, err := u.MarshalText()
		require.NoError(t, err)
		assert.Empty(t, b)
		dst := trials.BasisWaiver
		require.NoError(t, dst.UnmarshalText(nil))
		assert.Equal(t, trials.BasisUndecided, dst)
	})
	t.Run("Decided", func(t *testing.T) {
		for _, b := range trials.BasisValues() {
			assert.True(t, b.Decided(), b)
		}
		assert.False(t, trials.Basis("consent").Decided())
	})
	t.Run("ErrorListsChoices", func(t *testing.T) {
		_, err := trials.Basis("consent").MarshalText()
		requireInvalid(t, err, "basis", `"consent" is not one of [authorization irb_waiver limited_data_set]`)
	})
}

// TestTransitions: opening → enrolling → closed, and opening → closed.
func TestTransitions(t *testing.T) {
	allowed := map[[2]trials.Status]bool{
		{trials.StatusOpening, trials.StatusEnrolling}: true,
		{trials.StatusOpening, trials.StatusClosed}:    true,
		{trials.StatusEnrolling, trials.StatusClosed}:  true,
	}
	all := append(trials.StatusValues(), "", "archived")
	for _, from := range all {
		for _, to := range all {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				assert.Equal(t, allowed[[2]trials.Status{from, to}], trials.CanTransition(from, to))
			})
		}
	}
	assert.Equal(t, []trials.Status{trials.StatusEnrolling, trials.StatusClosed}, trials.NextStatuses(trials.StatusOpening))
	assert.Equal(t, []trials.Status{trials.StatusClosed}, trials.NextStatuses(trials.StatusEnrolling))
	assert.Empty(t, trials.NextStatuses(trials.StatusClosed))

	next := trials.NextStatuses(trials.StatusOpening)
	next[0] = trials.StatusClosed
	assert.Equal(t, trials.StatusEnrolling, trials.NextStatuses(trials.StatusOpening)[0], "a copy")
}

// TestTransitionError: matched by errors.Is and errors.As, naming both statuses.
func TestTransitionError(t *testing.T) {
	err := error(&trials.TransitionError{From: trials.StatusClosed, To: trials.StatusEnrolling})
	requireTransition(t, err, trials.StatusClosed, trials.StatusEnrolling)
	assert.Equal(t, "trials: trial cannot go from closed to enrolling (allowed: [])", err.Error())
	err = &trials.TransitionError{From: trials.StatusEnrolling, To: trials.StatusOpening}
	assert.Equal(t, "trials: trial cannot go from enrolling to opening (allowed: [closed])", err.Error())
}
