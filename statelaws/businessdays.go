package statelaws

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// Calendar says which weekdays are not working days in a jurisdiction. Saturdays and
// Sundays are never business days; Holiday adds the non-working weekdays. A nil Calendar
// means [FederalHolidays].
type Calendar interface {
	// Holiday reports whether d is a non-working day besides the weekend.
	Holiday(d date.Date) bool
}

// HolidayList is a Calendar an embedder supplies, e.g. a state's own holidays: the
// (observed) dates it lists are holidays. Weekends need not be listed.
type HolidayList []date.Date

// Holiday reports whether d is in the list.
func (l HolidayList) Holiday(d date.Date) bool { return slices.Contains(l, d) }

// federalCalendar is the Calendar of US federal holidays.
type federalCalendar struct{}

// FederalHolidays returns the default Calendar: the US federal holidays of
// 5 U.S.C. 6103(a), on the days observed under 6103(b) (see [FederalHolidayDates]).
// State holidays are not included; supply a [HolidayList] for them.
func FederalHolidays() Calendar { return federalCalendar{} }

// Holiday reports whether d is the observed day of a federal holiday.
func (federalCalendar) Holiday(d date.Date) bool {
	return slices.Contains(FederalHolidayDates(d.Year()), d)
}

// FederalHolidayDates returns the days in year on which federal holidays are observed,
// sorted (5 U.S.C. 6103): New Year's Day, Birthday of Martin Luther King, Jr. (third
// Monday in January), Washington's Birthday (third Monday in February), Memorial Day
// (last Monday in May), Juneteenth (June 19), Independence Day (July 4), Labor Day (first
// Monday in September), Columbus Day (second Monday in October), Veterans Day
// (November 11), Thanksgiving Day (fourth Thursday in November) and Christmas Day.
// A fixed-date holiday on a Saturday is observed the Friday before and one on a Sunday
// the Monday after (6103(b); Executive Order 11582), so New Year's Day 2028, a Saturday,
// is observed on Friday 2027-12-31 and appears in 2027's list, not 2028's.
// Inauguration Day (6103(c)), a holiday only in the Washington, DC area, is not included.
func FederalHolidayDates(year int) []date.Date {
	out := []date.Date{
		nthWeekday(year, time.January, time.Monday, 3),
		nthWeekday(year, time.February, time.Monday, 3),
		lastWeekday(year, time.May, time.Monday),
		nthWeekday(year, time.September, time.Monday, 1),
		nthWeekday(year, time.October, time.Monday, 2),
		nthWeekday(year, time.November, time.Thursday, 4),
	}
	fixed := []struct {
		month time.Month
		day   int
	}{
		{time.January, 1}, {time.June, 19}, {time.July, 4}, {time.November, 11}, {time.December, 25},
	}
	for _, y := range []int{year, year + 1} { // next New Year's Day may be observed this Dec 31
		for _, f := range fixed {
			if d := observed(date.New(y, f.month, f.day)); d.Year() == year {
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	return out
}

// observed moves a fixed-date holiday off the weekend (5 U.S.C. 6103(b)).
func observed(d date.Date) date.Date {
	switch d.Weekday() {
	case time.Saturday:
		return d - 1
	case time.Sunday:
		return d + 1
	}
	return d
}

// nthWeekday is the n-th weekday wd of month in year (n from 1).
func nthWeekday(year int, month time.Month, wd time.Weekday, n int) date.Date {
	first := date.New(year, month, 1)
	offset := (int(wd) - int(first.Weekday()) + 7) % 7
	return first + date.Date(offset+7*(n-1))
}

// lastWeekday is the last weekday wd of month in year.
func lastWeekday(year int, month time.Month, wd time.Weekday) date.Date {
	last := date.New(year, month+1, 1) - 1
	offset := (int(last.Weekday()) - int(wd) + 7) % 7
	return last - date.Date(offset)
}

// BusinessDay reports whether d is a business day: not a Saturday or Sunday and not a
// holiday of cal (nil means [FederalHolidays]).
func BusinessDay(cal Calendar, d date.Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if cal == nil {
		cal = FederalHolidays()
	}
	return !cal.Holiday(d)
}

// AddBusinessDays returns the n-th business day after d, not counting d itself
// (nil cal means [FederalHolidays]). n == 0 returns d, even if it is not a business day;
// a negative n counts back to the |n|-th business day before d. A zero (unset) d
// returns the zero date.
func AddBusinessDays(cal Calendar, d date.Date, n int) date.Date {
	if d == date.Zero {
		return date.Zero
	}
	step := date.Date(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d += step
		if BusinessDay(cal, d) {
			n--
		}
	}
	return d
}

// After returns the deadline p sets after day d: d plus Days calendar days, or the
// Days-th business day after d under cal (nil means [FederalHolidays]). It returns the
// zero date when p is not [Period.Fixed] or d is zero (unset). An empty Kind counts
// calendar days.
func (p Period) After(cal Calendar, d date.Date) date.Date {
	if !p.Fixed() || d == date.Zero {
		return date.Zero
	}
	if p.Kind == BusinessDays {
		return AddBusinessDays(cal, d, p.Days)
	}
	return d + date.Date(p.Days)
}
