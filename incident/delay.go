package incident

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/validation"
)

// OralDelayDays is the longest an oral law-enforcement statement may delay notice, counted
// from the statement, unless a written statement is submitted during that time
// (45 CFR 164.412(b)).
const OralDelayDays = 30

// Delay is a law-enforcement official's statement that notice would impede a criminal
// investigation or damage national security (45 CFR 164.412). It delays every notice of
// 45 CFR 164.404, 164.406, 164.408 and 164.410. The entity must be able to show why it
// delayed (HITECH 13402(d)(2)): Official and Agency document who asked.
type Delay struct {
	// Kind says whether the statement was written or oral.
	Kind DelayKind `json:"kind"`
	// Official is the identity of the official who made the statement; an oral statement
	// must be documented with it (45 CFR 164.412(b)).
	Official string `json:"official"`
	// Agency is the official's agency; a written statement from the same agency during an
	// oral delay takes over from it.
	Agency string `json:"agency"`
	// StatedOn is the day the statement was made.
	StatedOn date.Date `json:"stated_on"`
	// Until is the end of the time a written statement specifies (45 CFR 164.412(a)); for an
	// oral statement it is optional and can only shorten the 30 days (164.412(b)).
	Until date.Date `json:"until,omitzero"`
}

// End returns the day the delay ends, on which notice may be given again: Until for a
// written statement (45 CFR 164.412(a)); for an oral one, 30 days after the statement, or
// Until when that is earlier (164.412(b)). A written statement submitted during an oral
// delay takes over from it: see [DelayEnd].
func (d Delay) End() date.Date {
	if d.oralRule() {
		end := d.StatedOn + OralDelayDays // 45 CFR 164.412(b)
		if d.Until != date.Zero && d.Until < end {
			end = d.Until
		}
		return end
	}
	return d.Until // 45 CFR 164.412(a)
}

// oralRule reports whether the delay runs under the oral rule: an oral statement, or a
// written one that specifies no time, which is treated like an oral one (at most 30 days,
// 45 CFR 164.412(b)): the conservative reading, since 164.412(a) presumes a time.
func (d Delay) oralRule() bool { return d.Kind == DelayOral || d.Until == date.Zero }

// validate checks one delay; field prefixes each error's field.
func (d Delay) validate(field string) error {
	c := validation.Collector{Pkg: pkg}
	checkEnum(&c, field+".kind", delayKindValues, d.Kind, true)
	// 45 CFR 164.412(b): document the statement, including the identity of the official.
	c.Check(strings.TrimSpace(d.Official) != "", field+".official", "must name the law-enforcement official (45 CFR 164.412)")
	c.Check(strings.TrimSpace(d.Agency) != "", field+".agency", "must name the official's agency (45 CFR 164.412)")
	c.Check(d.StatedOn != date.Zero, field+".stated_on", "must be set")
	checkDate(&c, field+".stated_on", d.StatedOn)
	checkDate(&c, field+".until", d.Until)
	c.Check(len(d.Official) <= 200, field+".official", "must be at most 200 bytes")
	c.Check(len(d.Agency) <= 200, field+".agency", "must be at most 200 bytes")
	if d.Until != date.Zero && d.StatedOn != date.Zero && d.Until < d.StatedOn {
		c.Add(field+".until", "%s is before the statement (%s)", d.Until, d.StatedOn)
	}
	return c.Err()
}

// span is a run of days [from, to) during which notice is delayed.
type span struct{ from, to date.Date }

// sameAgency reports whether two statements come from the same agency.
func sameAgency(a, b Delay) bool {
	return strings.EqualFold(strings.TrimSpace(a.Agency), strings.TrimSpace(b.Agency))
}

// spans returns the days delayed by ds, merged and in order. An oral statement is followed
// by a written one from the same agency submitted during its 30 days: the written statement
// then governs from the day it was made (45 CFR 164.412(b)), even if it ends sooner.
// Statements from different agencies each delay notice.
func spans(ds []Delay) []span {
	var out []span
	for _, d := range ds {
		end := d.End()
		if d.oralRule() {
			for _, w := range ds {
				if w.Kind == DelayWritten && !w.oralRule() && sameAgency(d, w) && w.StatedOn >= d.StatedOn && w.StatedOn <= end {
					end = w.StatedOn
				}
			}
		}
		if end > d.StatedOn {
			out = append(out, span{d.StatedOn, end})
		}
	}
	slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.from, b.from) })
	var merged []span
	for _, s := range out {
		if n := len(merged); n > 0 && s.from <= merged[n-1].to {
			merged[n-1].to = max(merged[n-1].to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// DelayEnd returns the day the law-enforcement delays ds end, or zero when there are none:
// the latest end among them, where a written statement submitted during an oral delay from
// the same agency replaces the rest of it (45 CFR 164.412). No deadline falls before it.
func DelayEnd(ds []Delay) date.Date {
	end := date.Zero
	for _, s := range spans(ds) {
		end = max(end, s.to)
	}
	return end
}

// tollCalendar moves a deadline counted in calendar days from start later by each delayed
// day from start on that falls before it: the clock stops while notice is delayed
// ([DelayToll]). A delay starting on the deadline day moves it to the delay's end.
func tollCalendar(start, deadline date.Date, ss []span) date.Date {
	for _, s := range ss {
		from := max(s.from, start)
		if from >= s.to {
			continue
		}
		if from > deadline {
			break
		}
		deadline += s.to - from
	}
	return deadline
}
