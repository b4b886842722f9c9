package trials_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/trials"
)

// enumValue is a string enum of this package.
type enumValue interface {
	~string
	Valid() bool
	encoding.TextMarshaler
}

// testEnum checks an enum's wire values, Valid, and text marshalling both ways: known values
// round-trip, unknown ones (bad) fail with a validation error naming field and leave dst as
// it was.
func testEnum[T enumValue, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, field string, want []string, values []T, bad []string) {
	t.Helper()
	got := make([]string, len(values))
	for i, v := range values {
		got[i] = string(v)
	}
	require.Equal(t, want, got, "wire values are stored: changing one breaks stored data")

	for _, v := range values {
		assert.True(t, v.Valid(), "%q", v)
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, string(v), string(b))
		var back T
		require.NoError(t, PT(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
	}

	bad = append(bad, "bogus", " "+want[0], want[0]+" ", "X"+want[0], "OPENING", "Authorization")
	for _, s := range bad {
		v := T(s)
		assert.False(t, v.Valid(), "%q", s)

		_, err := v.MarshalText()
		requireInvalid(t, err, field, "is not one of")

		dst := values[0]
		err = PT(&dst).UnmarshalText([]byte(s))
		requireInvalid(t, err, field, "is not one of")
		assert.Equal(t, values[0], dst, "a refused value leaves the destination unchanged")
	}
}

func TestStatus(t *testing.T) {
	testEnum(t, "status", []string{"opening", "enrolling", "closed"}, trials.StatusValues(), []string{""})
}

// TestBasis: the Privacy Rule's bases for research use of PHI (45 CFR 164.508,
// 164.512(i)(1)(i), 164.514(e)).
func TestBasis(t *testing.T) {
	testEnum(t, "basis", []string{"authorization", "irb_waiver", "limited_data_set"}, trials.BasisValues(), nil)

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
