package statelaws_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"

	sl "github.com/hipaaops/hipaaops/statelaws"
)

func TestFederalHolidayDates(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []date.Date
	}{
		{"5 U.S.C. 6103 in 2026, July 4 (Saturday) observed Friday July 3", 2026, []date.Date{
			day(2026, 1, 1),   // New Year's Day, Thursday
			day(2026, 1, 19),  // MLK Day, third Monday
			day(2026, 2, 16),  // Washington's Birthday, third Monday
			day(2026, 5, 25),  // Memorial Day, last Monday
			day(2026, 6, 19),  // Juneteenth, Friday
			day(2026, 7, 3),   // Independence Day, Saturday, observed Friday
			day(2026, 9, 7),   // Labor Day, first Monday
			day(2026, 10, 12), // Columbus Day, second Monday
			day(2026, 11, 11), // Veterans Day, Wednesday
			day(2026, 11, 26), // Thanksgiving, fourth Thursday
			day(2026, 12, 25), // Christmas, Friday
		}},
		{"5 U.S.C. 6103 in 2027, Saturday holidays observed Friday and New Year 2028 on Dec 31", 2027, []date.Date{
			day(2027, 1, 1),   // New Year's Day, Friday
			day(2027, 1, 18),  // MLK Day
			day(2027, 2, 15),  // Washington's Birthday
			day(2027, 5, 31),  // Memorial Day
			day(2027, 6, 18),  // Juneteenth, Saturday, observed Friday
			day(2027, 7, 5),   // Independence Day, Sunday, observed Monday
			day(2027, 9, 6),   // Labor Day
			day(2027, 10, 11), // Columbus Day
			day(2027, 11, 11), // Veterans Day, Thursday
			day(2027, 11, 25), // Thanksgiving
			day(2027, 12, 24), // Christmas, Saturday, observed Friday
			day(2027, 12, 31), // New Year's Day 2028, Saturday, observed Friday
		}},
		{"5 U.S.C. 6103 in 2028, New Year's Day observed in 2027, Veterans Day Saturday", 2028, []date.Date{
			day(2028, 1, 17), day(2028, 2, 21), day(2028, 5, 29), day(2028, 6, 19), day(2028, 7, 4),
			day(2028, 9, 4), day(2028, 10, 9), day(2028, 11, 10), day(2028, 11, 23), day(2028, 12, 25),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sl.FederalHolidayDates(tt.year))
			cal := sl.FederalHolidays()
			for _, d := range tt.want {
				assert.True(t, cal.Holiday(d), "%s", d)
				assert.False(t, sl.BusinessDay(cal, d), "%s", d)
				assert.False(t, sl.BusinessDay(nil, d), "nil calendar is federal: %s", d)
			}
		})
	}
}

func TestBusinessDay(t *testing.T) {
	fed := sl.FederalHolidays()
	tests := []struct {
		name string
		cal  sl.Calendar
		d    date.Date
		want bool
	}{
		{"Saturday", fed, day(2026, 11, 21), false},
		{"Sunday", fed, day(2026, 11, 22), false},
		{"Monday", fed, day(2026, 11, 23), true},
		{"Thanksgiving 2026", fed, day(2026, 11, 26), false},
		{"day after Thanksgiving is not a federal holiday", fed, day(2026, 11, 27), true},
		{"July 4 2026 is a Saturday, observed July 3", fed, day(2026, 7, 3), false},
		{"July 6 2026 is a working Monday", fed, day(2026, 7, 6), true},
		{"New Year 2028 observed 2027-12-31", fed, day(2027, 12, 31), false},
		{"empty holiday list: Thanksgiving is a business day", sl.HolidayList{}, day(2026, 11, 26), true},
		{"holiday list: Cesar Chavez Day (CA state holiday)", sl.HolidayList{day(2026, 3, 31)}, day(2026, 3, 31), false},
		{"holiday list never makes a weekend a business day", sl.HolidayList{}, day(2026, 3, 28), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sl.BusinessDay(tt.cal, tt.d))
		})
	}
}

func TestAddBusinessDays(t *testing.T) {
	fed := sl.FederalHolidays()
	tests := []struct {
		name string
		cal  sl.Calendar
		from date.Date
		n    int
		want date.Date
	}{
		// Fri 11-20; Mon 23 (1), 24, 25 (3), Thu 26 Thanksgiving skipped, Fri 27 (4), Mon 30 (5),
		// Dec 1-4 (6-9), Dec 7-11 (10-14), Mon Dec 14 (15).
		{"CA H&S Code 1280.15 15 business days across Thanksgiving 2026", fed, day(2026, 11, 20), 15, day(2026, 12, 14)},
		{"same without holidays", sl.HolidayList{}, day(2026, 11, 20), 15, day(2026, 12, 11)},
		{"Friday + 1 is Monday", fed, day(2026, 3, 6), 1, day(2026, 3, 9)},
		{"from a Saturday, + 1 is Monday", fed, day(2026, 3, 7), 1, day(2026, 3, 9)},
		{"NY GBL 899-aa(9) 5 business days across July 3 2026 (observed)", fed, day(2026, 6, 30), 5, day(2026, 7, 8)},
		// Mon 12-20; 21-23 (1-3), Fri 24 Christmas observed, 27-30 (4-7), Fri 31 New Year 2028
		// observed, Jan 3-7 (8-12), Mon 10 (13), Tue 11 (14).
		{"VT 9 V.S.A. 2435 14 business days across Christmas and New Year observed 2027", fed, day(2027, 12, 20), 14, day(2028, 1, 11)},
		{"n == 0 returns d", fed, day(2026, 11, 26), 0, day(2026, 11, 26)},
		{"negative n counts back", fed, day(2026, 11, 30), -2, day(2026, 11, 25)},
		{"zero date stays zero", fed, date.Zero, 5, date.Zero},
		{"nil calendar means federal holidays", nil, day(2026, 11, 20), 15, day(2026, 12, 14)},
		// A holiday list replaces the federal calendar: Thanksgiving (Thu 26) counts, the
		// listed Friday 27 does not.
		{"holiday list replaces federal holidays", sl.HolidayList{day(2026, 11, 27)}, day(2026, 11, 25), 2, day(2026, 11, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sl.AddBusinessDays(tt.cal, tt.from, tt.n)
			assert.Equal(t, tt.want, got, "got %s (%s)", got, got.Weekday())
		})
	}
}

func TestPeriodAfter(t *testing.T) {
	discovered := day(2026, 11, 20)
	tests := []struct {
		name string
		p    sl.Period
		want date.Date
	}{
		{"NY GBL 899-aa 30 calendar days", calendar(30), day(2026, 12, 20)},
		{"TX 521.053 60 calendar days", calendar(60), day(2027, 1, 19)},
		{"CA H&S Code 1280.15 15 business days", business(15), day(2026, 12, 14)},
		{"IL 815 ILCS 530 no fixed days", sl.Period{}, date.Zero},
		{"empty kind counts calendar days", sl.Period{Days: 10}, day(2026, 11, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.After(nil, discovered))
			assert.Equal(t, tt.want, tt.p.After(sl.FederalHolidays(), discovered))
		})
	}
	assert.Equal(t, date.Zero, calendar(30).After(nil, date.Zero), "unset start")
	assert.Equal(t, day(2026, 12, 11), business(15).After(sl.HolidayList{}, discovered), "embedder calendar")
	assert.Equal(t, time.Monday, day(2026, 12, 14).Weekday())
}
