package task_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
)

var (
	yearly    = task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar}
	monthly   = task.Recurrence{Every: 1, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}
	quarterly = task.Recurrence{Every: 3, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}
)

// TestRecurrenceValidate: an interval must move the due date forward, or a recurring task
// such as the annual risk analysis (45 CFR 164.308(a)(1)(ii)(A)) would come back on the
// same day forever.
func TestRecurrenceValidate(t *testing.T) {
	tests := []struct {
		name        string
		r           task.Recurrence
		field, rule string
	}{
		{"OKYearly (164.308(a)(1)(ii)(A))", yearly, "", ""},
		{"OKEvery1000Days", task.Recurrence{Every: 1000, Unit: task.UnitDay, Anchor: task.AnchorCompletion}, "", ""},
		{"OKBiweekly", task.Recurrence{Every: 2, Unit: task.UnitWeek, Anchor: task.AnchorCalendar}, "", ""},
		{"ErrEveryZero", task.Recurrence{Every: 0, Unit: task.UnitYear, Anchor: task.AnchorCalendar}, "recurrence.every", "must be at least 1, got 0"},
		{"ErrEveryNegative", task.Recurrence{Every: -1, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}, "recurrence.every", "must be at least 1, got -1"},
		{"ErrEveryTooLarge", task.Recurrence{Every: 1001, Unit: task.UnitDay, Anchor: task.AnchorCalendar}, "recurrence.every", "must be at most 1000, got 1001"},
		{"ErrUnitUnknown", task.Recurrence{Every: 1, Unit: "fortnight", Anchor: task.AnchorCalendar}, "recurrence.unit", `"fortnight" is not one of`},
		{"ErrUnitEmpty", task.Recurrence{Every: 1, Anchor: task.AnchorCalendar}, "recurrence.unit", `"" is not one of`},
		{"ErrAnchorUnknown", task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: "due"}, "recurrence.anchor", `"due" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
	t.Run("ErrZeroValueNamesEveryField", func(t *testing.T) {
		err := task.Recurrence{}.Validate()
		assert.Equal(t, []string{"recurrence.every", "recurrence.unit", "recurrence.anchor"}, fields(err))
	})
}

// TestRecurrenceNext: one interval from a date, with the month-end rule (a day past the end
// of the target month becomes its last day).
func TestRecurrenceNext(t *testing.T) {
	tests := []struct {
		name string
		r    task.Recurrence
		from date.Date
		want date.Date
	}{
		{"daily", task.Recurrence{Every: 1, Unit: task.UnitDay, Anchor: task.AnchorCalendar}, day(2024, time.February, 28), day(2024, time.February, 29)},
		{"every 90 days", task.Recurrence{Every: 90, Unit: task.UnitDay, Anchor: task.AnchorCompletion}, day(2026, time.January, 1), day(2026, time.April, 1)},
		{"weekly across a year", task.Recurrence{Every: 1, Unit: task.UnitWeek, Anchor: task.AnchorCalendar}, day(2025, time.December, 29), day(2026, time.January, 5)},
		{"every 2 weeks", task.Recurrence{Every: 2, Unit: task.UnitWeek, Anchor: task.AnchorCalendar}, day(2026, time.March, 2), day(2026, time.March, 16)},
		{"monthly mid-month", monthly, day(2026, time.March, 15), day(2026, time.April, 15)},
		{"monthly Jan 31 leap year", monthly, day(2024, time.January, 31), day(2024, time.February, 29)},
		{"monthly Jan 31 common year", monthly, day(2023, time.January, 31), day(2023, time.February, 28)},
		{"monthly Jan 31 century year not leap", monthly, day(2100, time.January, 31), day(2100, time.February, 28)},
		{"monthly Jan 31 400-year leap", monthly, day(2000, time.January, 31), day(2000, time.February, 29)},
		{"monthly Mar 31 to Apr 30", monthly, day(2026, time.March, 31), day(2026, time.April, 30)},
		{"monthly clamped day stays clamped", monthly, day(2024, time.February, 29), day(2024, time.March, 29)},
		{"monthly December to January", monthly, day(2025, time.December, 31), day(2026, time.January, 31)},
		{"quarterly Nov 30", quarterly, day(2025, time.November, 30), day(2026, time.February, 28)},
		{"yearly from leap day (164.308(a)(1)(ii)(A))", yearly, day(2024, time.February, 29), day(2025, time.February, 28)},
		{"yearly into leap year keeps Feb 28", yearly, day(2027, time.February, 28), day(2028, time.February, 28)},
		{"every 4 years leap to leap", task.Recurrence{Every: 4, Unit: task.UnitYear, Anchor: task.AnchorCalendar}, day(2024, time.February, 29), day(2028, time.February, 29)},
		{"every 6 years (retention 164.316(b)(2)(i))", task.Recurrence{Every: 6, Unit: task.UnitYear, Anchor: task.AnchorCompletion}, day(2026, time.July, 1), day(2032, time.July, 1)},
		{"invalid: zero interval", task.Recurrence{Unit: task.UnitDay, Anchor: task.AnchorCalendar}, day(2026, time.July, 1), date.Zero},
		{"invalid: negative interval", task.Recurrence{Every: -1, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}, day(2026, time.July, 1), date.Zero},
		{"invalid: unknown unit", task.Recurrence{Every: 1, Unit: "decade", Anchor: task.AnchorCalendar}, day(2026, time.July, 1), date.Zero},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want.String(), tt.r.Next(tt.from).String())
		})
	}
}

// TestRecurrenceNextFrom: occurrences counted from the series start apply the month-end
// rule once, so a series started on the 31st (or Feb 29) does not drift.
func TestRecurrenceNextFrom(t *testing.T) {
	tests := []struct {
		name  string
		r     task.Recurrence
		start date.Date
		want  []date.Date // occurrences n = 0, 1, 2, …
	}{
		{"monthly from 2024-01-31 (leap year)", monthly, day(2024, time.January, 31), []date.Date{
			day(2024, time.January, 31), day(2024, time.February, 29), day(2024, time.March, 31),
			day(2024, time.April, 30), day(2024, time.May, 31), day(2024, time.June, 30),
		}},
		{"monthly from 2023-01-31", monthly, day(2023, time.January, 31), []date.Date{
			day(2023, time.January, 31), day(2023, time.February, 28), day(2023, time.March, 31),
		}},
		{"monthly from Nov 30 over a year end", monthly, day(2025, time.November, 30), []date.Date{
			day(2025, time.November, 30), day(2025, time.December, 30), day(2026, time.January, 30),
			day(2026, time.February, 28), day(2026, time.March, 30),
		}},
		{"yearly from 2024-02-29 (164.308(a)(1)(ii)(A))", yearly, day(2024, time.February, 29), []date.Date{
			day(2024, time.February, 29), day(2025, time.February, 28), day(2026, time.February, 28),
			day(2027, time.February, 28), day(2028, time.February, 29), day(2029, time.February, 28),
		}},
		{"quarterly from Aug 31", quarterly, day(2025, time.August, 31), []date.Date{
			day(2025, time.August, 31), day(2025, time.November, 30), day(2026, time.February, 28),
			day(2026, time.May, 31), day(2026, time.August, 31),
		}},
		{"weekly", task.Recurrence{Every: 1, Unit: task.UnitWeek, Anchor: task.AnchorCalendar}, day(2026, time.January, 5), []date.Date{
			day(2026, time.January, 5), day(2026, time.January, 12), day(2026, time.January, 19),
		}},
		{"every 10 days", task.Recurrence{Every: 10, Unit: task.UnitDay, Anchor: task.AnchorCalendar}, day(2026, time.February, 20), []date.Date{
			day(2026, time.February, 20), day(2026, time.March, 2), day(2026, time.March, 12),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for n, want := range tt.want {
				assert.Equal(t, want.String(), tt.r.NextFrom(tt.start, n).String(), "n=%d", n)
			}
		})
	}
	t.Run("2028-02-29 is the fourth yearly occurrence from 2024-02-29", func(t *testing.T) {
		assert.Equal(t, "2028-02-29", yearly.NextFrom(day(2024, time.February, 29), 4).String())
	})
	t.Run("negative n", func(t *testing.T) {
		assert.Equal(t, date.Zero, monthly.NextFrom(day(2026, time.January, 31), -1))
	})
	t.Run("invalid recurrence", func(t *testing.T) {
		assert.Equal(t, date.Zero, task.Recurrence{Every: 0, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}.NextFrom(day(2026, time.January, 31), 2))
	})
}

// TestNextDriftsNextFromDoesNot: chaining Next from a month end loses the day for good;
// NextFrom, which calendar-anchored tasks use, returns to it.
func TestNextDriftsNextFromDoesNot(t *testing.T) {
	start := day(2024, time.January, 31)
	chained := start
	var gotChained, gotFrom []string
	for n := 1; n <= 3; n++ {
		chained = monthly.Next(chained)
		gotChained = append(gotChained, chained.String())
		gotFrom = append(gotFrom, monthly.NextFrom(start, n).String())
	}
	assert.Equal(t, []string{"2024-02-29", "2024-03-29", "2024-04-29"}, gotChained)
	assert.Equal(t, []string{"2024-02-29", "2024-03-31", "2024-04-30"}, gotFrom)
}

// TestNextFromAgreesWithNext: away from month ends, stepping and counting agree, and
// Next(d) is NextFrom(d, 1) everywhere.
func TestNextFromAgreesWithNext(t *testing.T) {
	rs := []task.Recurrence{
		{Every: 1, Unit: task.UnitDay, Anchor: task.AnchorCalendar},
		{Every: 3, Unit: task.UnitWeek, Anchor: task.AnchorCalendar},
		monthly, quarterly, yearly,
		{Every: 2, Unit: task.UnitYear, Anchor: task.AnchorCompletion},
	}
	for _, r := range rs {
		for _, start := range []date.Date{day(2023, time.January, 1), day(2024, time.February, 28), day(2025, time.July, 15)} {
			t.Run(fmt.Sprintf("%s from %s", r, start), func(t *testing.T) {
				d := start
				for n := 1; n <= 30; n++ {
					d = r.Next(d)
					require.Equal(t, r.NextFrom(start, n), d, "n=%d", n)
					require.Equal(t, r.NextFrom(d, 1), r.Next(d))
				}
			})
		}
	}
}

func TestRecurrenceString(t *testing.T) {
	assert.Equal(t, "every year from the due date", yearly.String())
	assert.Equal(t, "every 3 months from the due date", quarterly.String())
	assert.Equal(t, "every 2 weeks from completion", task.Recurrence{Every: 2, Unit: task.UnitWeek, Anchor: task.AnchorCompletion}.String())
}
