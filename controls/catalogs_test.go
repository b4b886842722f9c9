package controls_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
)

// revised is a made-up revision in the shape HHS proposed on January 6, 2025 (90 FR 898):
// every implementation specification required. It is not the proposed text.
func revised(version string, effective date.Date) controls.Catalog {
	c := controls.Current()
	c.Version = version
	c.Title = "HIPAA Security Rule, revised (test fixture)"
	c.EffectiveOn = effective
	c.Note = ""
	for i := range c.Controls {
		if c.Controls[i].Kind == controls.KindAddressable {
			c.Controls[i].Kind = controls.KindRequired
		}
	}
	return c
}

// TestCatalogs loads a revised rule beside the current one.
func TestCatalogs(t *testing.T) {
	next := revised("2027-final", day(2027, time.July, 1))
	set, err := controls.NewCatalogs(controls.Current(), next)
	require.NoError(t, err)
	assert.Equal(t, []string{"2013-omnibus", "2027-final"}, set.Versions())

	cur, ok := set.Version(controls.CurrentVersion)
	require.True(t, ok)
	assert.Equal(t, controls.Current(), cur)
	assert.Len(t, cur.Addressable(), 22)

	got, ok := set.Version("2027-final")
	require.True(t, ok)
	assert.Equal(t, next, got)
	assert.Empty(t, got.Addressable())
	rc, _ := got.Get("164.312(a)(2)(iv)")
	assert.Equal(t, controls.KindRequired, rc.Kind)

	_, ok = set.Version("2003-final")
	assert.False(t, ok)

	t.Run("Copies", func(t *testing.T) {
		next.Controls[0].Title = "changed after loading"
		v := set.Versions()
		v[0] = "changed"
		c, _ := set.Version("2027-final")
		c.Controls[1].Title = "changed after reading"
		again, _ := set.Version("2027-final")
		assert.Equal(t, "Security management process", again.Controls[0].Title)
		assert.Equal(t, "Risk analysis", again.Controls[1].Title)
		assert.Equal(t, []string{"2013-omnibus", "2027-final"}, set.Versions())
	})

	t.Run("InEffect", func(t *testing.T) {
		proposed := revised("2025-proposed", date.Zero)
		set, err := controls.NewCatalogs(controls.Current(), proposed, revised("2027-final", day(2027, time.July, 1)))
		require.NoError(t, err)
		tests := []struct {
			day  date.Date
			want string
		}{
			{day(2013, time.March, 25), ""},
			{day(2013, time.March, 26), "2013-omnibus"},
			{day(2026, time.May, 1), "2013-omnibus"},
			{day(2027, time.June, 30), "2013-omnibus"},
			{day(2027, time.July, 1), "2027-final"},
			{day(2030, time.January, 1), "2027-final"},
		}
		for _, tt := range tests {
			t.Run(tt.day.String(), func(t *testing.T) {
				c, ok := set.InEffect(tt.day)
				assert.Equal(t, tt.want != "", ok)
				assert.Equal(t, tt.want, c.Version)
			})
		}
	})

	t.Run("Empty", func(t *testing.T) {
		set, err := controls.NewCatalogs()
		require.NoError(t, err)
		assert.Empty(t, set.Versions())
		_, ok := set.Version(controls.CurrentVersion)
		assert.False(t, ok)
	})
}

func TestNewCatalogsErrors(t *testing.T) {
	t.Run("ErrDuplicateVersion", func(t *testing.T) {
		set, err := controls.NewCatalogs(controls.Current(), revised(controls.CurrentVersion, day(2027, time.July, 1)))
		requireInvalid(t, err, "catalogs[1].version", `"2013-omnibus" duplicates catalogs[0]`)
		assert.Nil(t, set)
	})
	t.Run("ErrInvalidCatalog", func(t *testing.T) {
		bad := revised("2027-final", day(2027, time.July, 1))
		bad.Controls[1].Standard = "164.308(a)(9)"
		set, err := controls.NewCatalogs(controls.Current(), bad)
		requireInvalid(t, err, "catalogs[1].controls[1].standard", "164.308(a)(9) is not in the catalog")
		assert.Nil(t, set)
	})
	t.Run("ErrEmptyVersionOnce", func(t *testing.T) {
		a, b := revised("", date.Zero), revised("", date.Zero)
		_, err := controls.NewCatalogs(a, b)
		require.Error(t, err)
		assert.EqualError(t, err, "controls: catalogs[0].version must not be empty\n"+
			"controls: catalogs[1].version must not be empty")
	})
}
