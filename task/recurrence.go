package task

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

// MaxEvery is the largest interval count a [Recurrence] accepts.
const MaxEvery = 1000

// Recurrence says how often a task comes back: every Every Units, counted from the
// previous due date or from the previous completion as Anchor says.
type Recurrence struct {
	Every  int    `json:"every"`
	Unit   Unit   `json:"unit"`
	Anchor Anchor `json:"anchor"`
}

// Validate checks that Every is 1 to [MaxEvery] and that Unit and Anchor are known.
// A zero or negative interval would make a task fall due again on the same day, or
// before the previous one, forever.
func (r Recurrence) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(r.Every >= 1, "recurrence.every", "must be at least 1, got %d", r.Every)
	c.Check(r.Every <= MaxEvery, "recurrence.every", "must be at most %d, got %d", MaxEvery, r.Every)
	if !r.Unit.Valid() {
		c.Merge(enum.Unknown(pkg, "recurrence.unit", unitValues, r.Unit))
	}
	if !r.Anchor.Valid() {
		c.Merge(enum.Unknown(pkg, "recurrence.anchor", anchorValues, r.Anchor))
	}
	return c.Err()
}

// String describes r, e.g. "every year from the due date" or "every 2 weeks from
// completion".
func (r Recurrence) String() string {
	from := "from the due date"
	if r.Anchor == AnchorCompletion {
		from = "from completion"
	}
	if r.Every == 1 {
		return fmt.Sprintf("every %s %s", r.Unit, from)
	}
	return fmt.Sprintf("every %d %ss %s", r.Every, r.Unit, from)
}

// Next returns from plus one interval. Months and years follow the month-end rule: a day
// past the end of the target month becomes its last day (2024-01-31 + 1 month =
// 2024-02-29, 2023-01-31 + 1 month = 2023-02-28, 2024-02-29 + 1 year = 2025-02-28).
//
// Next steps from a single date, so it cannot restore a day clamped earlier
// (2024-02-29 + 1 month = 2024-03-29); a fixed calendar uses [Recurrence.NextFrom].
// For a recurrence that fails [Recurrence.Validate], Next returns the zero date.
func (r Recurrence) Next(from date.Date) date.Date {
	return r.NextFrom(from, 1)
}

// NextFrom returns the n-th occurrence of a series that starts on start: n = 0 is start
// itself, n = 1 one interval later, and so on. Each occurrence is computed from start,
// with the month-end rule applied once, so a series started on the 31st returns to the
// 31st in every month that has one (2024-01-31 monthly: Feb 29, Mar 31, Apr 30).
// For a negative n, or a recurrence that fails [Recurrence.Validate], NextFrom returns
// the zero date.
func (r Recurrence) NextFrom(start date.Date, n int) date.Date {
	if n < 0 || r.Validate() != nil {
		return date.Zero
	}
	steps := n * r.Every
	switch r.Unit {
	case UnitDay:
		return start + date.Date(steps)
	case UnitWeek:
		return start + date.Date(7*steps)
	case UnitMonth:
		return addMonths(start, steps)
	default: // UnitYear
		return addMonths(start, 12*steps)
	}
}

// addMonths adds n months to d; a day past the end of the target month becomes its last
// day, unlike time.AddDate, which would roll over into the month after.
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	first := date.New(y, m+time.Month(n), 1)
	if last := first.LastDayOfMonth(); day > last {
		day = last
	}
	return first + date.Date(day-1)
}

// calendarDue returns the next due date of a calendar-anchored series that started on
// start, after the occurrence due on after. With the rule the series was created under
// (same), that is NextFrom(start, occurrence). If the rule changed, it is the first date
// of the new rule's grid, counted from start, that is after the current due date, so a
// changed interval neither repeats nor skips a period.
func calendarDue(r Recurrence, start, after date.Date, occurrence int, same bool) date.Date {
	if same && occurrence >= 1 {
		if d := r.NextFrom(start, occurrence); d > after {
			return d
		}
	}
	// The grid is strictly increasing in n: find the smallest n >= 1 past after.
	lo, hi := 1, 1
	for r.NextFrom(start, hi) <= after {
		lo, hi = hi+1, hi*2
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if r.NextFrom(start, mid) > after {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return r.NextFrom(start, lo)
}
