package org_test

import (
	"errors"
	"testing"
	"time"
	// Embedded zone data, so the tests run on machines without /usr/share/zoneinfo.
	_ "time/tzdata"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/validation"
)

func valid() org.Organization {
	return org.Organization{
		ID:       "clinic-1",
		Name:     "Lakeside Oncology",
		TimeZone: "America/Chicago",
		Sites: []org.Site{
			{ID: "main", Name: "Main campus infusion center"},
			{ID: "north", Name: "North radiation vault"},
		},
		Version:   3,
		CreatedAt: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC),
		UpdatedAt: time.Date(2026, 2, 5, 9, 0, 0, 0, time.UTC),
	}
}

type fieldRule struct{ Field, Rule string }

func TestValidateOK(t *testing.T) {
	tests := []struct {
		name   string
		change func(o *org.Organization)
	}{
		{"full", func(*org.Organization) {}},
		{"no sites", func(o *org.Organization) { o.Sites = nil }},
		{"UTC", func(o *org.Organization) { o.TimeZone = "UTC" }},
		{"Etc zone", func(o *org.Organization) { o.TimeZone = "Etc/GMT+5" }},
		{"Pacific/Honolulu", func(o *org.Organization) { o.TimeZone = "Pacific/Honolulu" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(&o)
			assert.NoError(t, o.Validate())
		})
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(o *org.Organization)
		want   []fieldRule
	}{
		{"ErrIDRequired", func(o *org.Organization) { o.ID = "" },
			[]fieldRule{{"id", "must not be empty"}}},
		{"ErrNameRequired", func(o *org.Organization) { o.Name = "" },
			[]fieldRule{{"name", "must not be empty"}}},
		{"ErrTimeZoneRequired", func(o *org.Organization) { o.TimeZone = "" },
			[]fieldRule{{"time_zone", `"" is not an IANA time zone`}}},
		{"ErrTimeZoneUnknown", func(o *org.Organization) { o.TimeZone = "America/Springfield" },
			[]fieldRule{{"time_zone", `"America/Springfield" is not an IANA time zone`}}},
		{"ErrTimeZoneAbbreviation", func(o *org.Organization) { o.TimeZone = "CDT" },
			[]fieldRule{{"time_zone", `"CDT" is not an IANA time zone`}}},
		{"ErrTimeZoneSpaces", func(o *org.Organization) { o.TimeZone = " America/Chicago" },
			[]fieldRule{{"time_zone", `" America/Chicago" is not an IANA time zone`}}},
		{"ErrTimeZonePath", func(o *org.Organization) { o.TimeZone = "../../etc/passwd" },
			[]fieldRule{{"time_zone", `"../../etc/passwd" is not an IANA time zone`}}},
		{"ErrTimeZoneAbsolutePath", func(o *org.Organization) { o.TimeZone = "/usr/share/zoneinfo/America/Chicago" },
			[]fieldRule{{"time_zone", `"/usr/share/zoneinfo/America/Chicago" is not an IANA time zone`}}},
		{"ErrSiteIDRequired", func(o *org.Organization) { o.Sites[1].ID = "" },
			[]fieldRule{{"sites[1].id", "must not be empty"}}},
		{"ErrSiteNameRequired", func(o *org.Organization) { o.Sites[0].Name = "" },
			[]fieldRule{{"sites[0].name", "must not be empty"}}},
		{"ErrSiteDuplicate", func(o *org.Organization) { o.Sites[1].ID = "main" },
			[]fieldRule{{"sites[1].id", `"main" is listed twice`}}},
		{"ErrSiteDuplicateLater", func(o *org.Organization) {
			o.Sites = append(o.Sites, org.Site{ID: "east", Name: "East"}, org.Site{ID: "north", Name: "North again"})
		}, []fieldRule{{"sites[3].id", `"north" is listed twice`}}},
		{"ErrEverything", func(o *org.Organization) {
			*o = org.Organization{TimeZone: "Nowhere", Sites: []org.Site{{}}}
		}, []fieldRule{
			{"id", "must not be empty"},
			{"name", "must not be empty"},
			{"time_zone", `"Nowhere" is not an IANA time zone`},
			{"sites[0].id", "must not be empty"},
			{"sites[0].name", "must not be empty"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(&o)
			err := o.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, validation.ErrInvalid))

			var first *validation.Error
			require.True(t, errors.As(err, &first))
			assert.Equal(t, "org", first.Pkg)
			assert.Equal(t, tt.want[0], fieldRule{first.Field, first.Rule})

			var got []fieldRule
			for _, e := range validation.All(err) {
				assert.Equal(t, "org", e.Pkg)
				got = append(got, fieldRule{e.Field, e.Rule})
			}
			assert.Equal(t, tt.want, got)
			assert.Contains(t, err.Error(), "org: "+tt.want[0].Field+" "+tt.want[0].Rule)
		})
	}
}

// "Local" is the server's zone, not an IANA name: accepting it would make an
// organization's "today" depend on where the library runs.
func TestValidateRejectsLocal(t *testing.T) {
	o := valid()
	o.TimeZone = "Local"
	var verr *validation.Error
	require.True(t, errors.As(o.Validate(), &verr))
	assert.Equal(t, "time_zone", verr.Field)
}

func TestHasSite(t *testing.T) {
	o := valid()
	tests := []struct {
		id   org.SiteID
		want bool
	}{
		{"main", true},
		{"north", true},
		{"south", false},
		{"Main", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			assert.Equal(t, tt.want, o.HasSite(tt.id))
		})
	}

	t.Run("no sites", func(t *testing.T) {
		var empty org.Organization
		assert.False(t, empty.HasSite("main"))
	})
}

func TestLocation(t *testing.T) {
	tests := []struct {
		zone string
		want string
	}{
		{"America/Chicago", "America/Chicago"},
		{"Asia/Kolkata", "Asia/Kolkata"},
		{"UTC", "UTC"},
		{"", "UTC"},
		{"Mars/Olympus", "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			o := org.Organization{TimeZone: tt.zone}
			loc := o.Location()
			require.NotNil(t, loc)
			assert.Equal(t, tt.want, loc.String())
		})
	}

	t.Run("offset of the loaded zone", func(t *testing.T) {
		o := org.Organization{TimeZone: "America/Chicago"}
		_, winter := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC).In(o.Location()).Zone()
		_, summer := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC).In(o.Location()).Zone()
		assert.Equal(t, -6*3600, winter)
		assert.Equal(t, -5*3600, summer)
	})
}

func TestToday(t *testing.T) {
	tests := []struct {
		name string
		zone string
		now  time.Time
		want date.Date
	}{
		{"evening before in Chicago", "America/Chicago", time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC), date.New(2026, time.February, 28)},
		{"same instant in UTC", "UTC", time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC), date.New(2026, time.March, 1)},
		{"invalid zone falls back to UTC", "Mars/Olympus", time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC), date.New(2026, time.March, 1)},
		{"Chicago midnight CST", "America/Chicago", time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC), date.New(2026, time.March, 1)},
		{"Chicago one second before midnight CST", "America/Chicago", time.Date(2026, 3, 1, 5, 59, 59, 0, time.UTC), date.New(2026, time.February, 28)},
		// US daylight saving time starts Sunday 2026-03-08 at 02:00 CST (08:00Z).
		{"DST start: 23:30 CST the evening before", "America/Chicago", time.Date(2026, 3, 8, 5, 30, 0, 0, time.UTC), date.New(2026, time.March, 7)},
		{"DST start: 01:59 CST on the day", "America/Chicago", time.Date(2026, 3, 8, 7, 59, 0, 0, time.UTC), date.New(2026, time.March, 8)},
		{"DST start: 03:00 CDT on the day", "America/Chicago", time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC), date.New(2026, time.March, 8)},
		// 05:30Z is 00:30 CDT on the 9th; with the winter offset it would still be the 8th.
		{"DST start: 00:30 CDT the day after", "America/Chicago", time.Date(2026, 3, 9, 5, 30, 0, 0, time.UTC), date.New(2026, time.March, 9)},
		// Daylight saving time ends Sunday 2026-11-01 at 02:00 CDT (07:00Z).
		{"DST end: 23:30 CDT the evening before", "America/Chicago", time.Date(2026, 11, 1, 4, 30, 0, 0, time.UTC), date.New(2026, time.October, 31)},
		// 05:30Z is 23:30 CST on the 1st; with the summer offset it would be the 2nd.
		{"DST end: 23:30 CST on the day", "America/Chicago", time.Date(2026, 11, 2, 5, 30, 0, 0, time.UTC), date.New(2026, time.November, 1)},
		{"ahead of UTC", "Pacific/Kiritimati", time.Date(2026, 2, 28, 10, 0, 0, 0, time.UTC), date.New(2026, time.March, 1)},
		{"half-hour offset", "Asia/Kolkata", time.Date(2026, 2, 28, 18, 29, 0, 0, time.UTC), date.New(2026, time.February, 28)},
		{"half-hour offset past midnight", "Asia/Kolkata", time.Date(2026, 2, 28, 18, 30, 0, 0, time.UTC), date.New(2026, time.March, 1)},
		{"leap day", "America/New_York", time.Date(2028, 3, 1, 4, 59, 0, 0, time.UTC), date.New(2028, time.February, 29)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := org.Organization{TimeZone: tt.zone}
			got := o.Today(tt.now)
			assert.Equal(t, tt.want, got, "got %s, want %s", got, tt.want)
		})
	}

	t.Run("the zone of now does not matter", func(t *testing.T) {
		o := org.Organization{TimeZone: "America/Chicago"}
		instant := time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC)
		for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC+9", 9*3600), time.FixedZone("UTC-11", -11*3600)} {
			assert.Equal(t, date.New(2026, time.February, 28), o.Today(instant.In(loc)), "now in %s", loc)
		}
	})
}

func TestClone(t *testing.T) {
	o := valid()
	c := o.Clone()
	assert.Equal(t, o, c)

	c.Sites[0].Name = "Renamed"
	c.Sites = append(c.Sites, org.Site{ID: "south", Name: "South"})
	c.Name = "Other"

	assert.Equal(t, "Main campus infusion center", o.Sites[0].Name, "site edits do not reach the original")
	assert.Len(t, o.Sites, 2)
	assert.Equal(t, "Lakeside Oncology", o.Name)
	assert.Equal(t, valid(), o)

	t.Run("original edits do not reach the clone", func(t *testing.T) {
		o := valid()
		c := o.Clone()
		o.Sites[1].ID = "changed"
		assert.Equal(t, org.SiteID("north"), c.Sites[1].ID)
	})

	t.Run("nil sites stay nil", func(t *testing.T) {
		o := org.Organization{ID: "x"}
		c := o.Clone()
		assert.Nil(t, c.Sites)
		assert.Equal(t, o, c)
	})
}
