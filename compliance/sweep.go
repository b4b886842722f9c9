package compliance

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// SweepOptions configure [Org.Sweep]; zero fields take the defaults.
type SweepOptions struct {
	// AsOf is the day swept; zero is today in the organization's time zone.
	AsOf date.Date `json:"as_of,omitzero"`
	// DueSoonDays are the reminder thresholds before a due date: a task (or BAA review)
	// due within N days gets the reminder of threshold N. Default 30, 7, 1.
	DueSoonDays []int `json:"due_soon_days"`
	// EscalateAfterDays: a task overdue this many days or more is escalated, once, to
	// EscalateTo. 0 means 14; a negative number is refused.
	EscalateAfterDays int `json:"escalate_after_days,omitempty"`
	// EscalateTo is the role escalations go to. Default task.RoleManager.
	EscalateTo task.Role `json:"escalate_to,omitempty"`
	// StallDays: a BAA request or negotiation without a follow-up for this many days is
	// stalled. 0 means vendors.DefaultStallDays (30); a negative number is refused.
	StallDays int `json:"stall_days,omitempty"`
}

// Reminder is one reminder the sweep emitted (as an event of the same data).
type Reminder struct {
	Type event.Type `json:"type"`
	// Key identifies the reminder; it is claimed once per organization.
	Key string `json:"key"`
	// Task or Vendor is what the reminder is about.
	Task     task.ID     `json:"task,omitempty"`
	Vendor   vendors.ID  `json:"vendor,omitempty"`
	Incident incident.ID `json:"incident,omitempty"`
	Risk     riskreg.ID  `json:"risk,omitempty"`
	// Obligation is the key of the incident's notice (e.g. "individuals", "media:OH").
	Obligation string `json:"obligation,omitempty"`
	Title      string `json:"title"`
	// On is the due date, next review date or last activity date.
	On date.Date `json:"on"`
	// Days is how many days until On (due soon) or since it (overdue, stalled).
	Days int `json:"days"`
	// Threshold is the due-soon threshold this reminder is for.
	Threshold int `json:"threshold,omitempty"`
	// Assignee is who the task is assigned to; EscalateTo the role an escalation goes to.
	Assignee   task.Assignee `json:"assignee,omitzero"`
	EscalateTo task.Role     `json:"escalate_to,omitempty"`
}

// SweepResult lists the reminders one sweep emitted.
type SweepResult struct {
	AsOf      date.Date  `json:"as_of"`
	Reminders []Reminder `json:"reminders"`
}

// Sweep finds, as of a day, the tasks due soon (per threshold), overdue and overdue past
// the escalation point, the BAA reviews due soon or overdue, the stalled BAA follow-ups,
// accepted risks due for review, and the breach notices of open incidents due soon or
// missed, and emits one reminder event for each item and threshold, exactly once:
// each reminder's key is claimed in the same transaction as its event, so a later
// sweep, or one running at the same time in another process, emits nothing for it again
// (the organization's write transactions are serialized). A sweep that starts late
// claims every threshold already passed but emits only the nearest (one reminder "due in
// 5 days", not also "due in 30 days"). Every query is a window over an index of open
// items, so a sweep costs what is due, not what is stored. When it emits anything, the
// sweep appends one audit entry listing the reminders.
func (o *Org) Sweep(ctx context.Context, opts SweepOptions) (SweepResult, error) {
	var res SweepResult
	thresholds := slices.Clone(opts.DueSoonDays)
	if len(thresholds) == 0 {
		thresholds = []int{30, 7, 1}
	}
	// The options are checked inside the use case, after the actor and the authorizer,
	// so that a caller who may not sweep learns only that.
	vc := validation.Collector{Pkg: "compliance"}
	for i, t := range thresholds {
		vc.Check(t >= 0, fmt.Sprintf("due_soon_days[%d]", i), "must not be negative, got %d", t)
	}
	vc.Check(opts.EscalateAfterDays >= 0, "escalate_after_days", "must not be negative, got %d", opts.EscalateAfterDays)
	vc.Check(opts.StallDays >= 0, "stall_days", "must not be negative, got %d", opts.StallDays)
	vc.Check(opts.EscalateTo == "" || opts.EscalateTo.Valid(), "escalate_to", "%q is not a role", opts.EscalateTo)
	slices.Sort(thresholds)
	thresholds = slices.Compact(thresholds)
	escalate := opts.EscalateAfterDays
	if escalate == 0 {
		escalate = 14
	}
	escalateTo := opts.EscalateTo
	if escalateTo == "" {
		escalateTo = task.RoleManager
	}
	stall := opts.StallDays
	if stall == 0 {
		stall = vendors.DefaultStallDays
	}
	err := o.update(ctx, ActionSweep, func(c *call) error {
		if err := vc.Err(); err != nil {
			return err
		}
		asOf, err := c.dateOr(opts.AsOf)
		if err != nil {
			return err
		}
		res = SweepResult{AsOf: asOf}
		s := sweeper{c: c, at: c.now}
		horizon := storage.Window{From: asOf, To: asOf + date.Date(thresholds[len(thresholds)-1]+1)}

		// Tasks due soon: the nearest threshold not yet passed is reminded.
		for t, err := range c.tx.Tasks().List(c.ctx, storage.TaskQuery{Open: true, Due: horizon}) {
			if err != nil {
				return err
			}
			days := int(t.DueOn - asOf)
			r := Reminder{Type: EventReminderTaskDue, Task: t.ID, Title: t.Title, On: t.DueOn, Days: days, Assignee: t.Assignee}
			if err := s.thresholds(fmt.Sprintf("task:%s:%s", t.ID, t.DueOn), days, thresholds, r); err != nil {
				return err
			}
		}
		// Overdue tasks, and escalation past the escalation point.
		for t, err := range c.tx.Tasks().List(c.ctx, storage.TaskQuery{Open: true, Due: storage.Before(asOf)}) {
			if err != nil {
				return err
			}
			days := int(asOf - t.DueOn)
			base := fmt.Sprintf("task:%s:%s", t.ID, t.DueOn)
			r := Reminder{Type: EventReminderTaskOverdue, Task: t.ID, Title: t.Title, On: t.DueOn, Days: days, Assignee: t.Assignee}
			if err := s.once(base+":overdue", r); err != nil {
				return err
			}
			if days >= escalate {
				r.Type, r.EscalateTo = EventReminderTaskEscalated, escalateTo
				if err := s.once(base+":escalated", r); err != nil {
					return err
				}
			}
		}
		// BAA reviews due soon and overdue. A vendor determined not to be a business
		// associate needs no BAA (45 CFR 164.502(e)(1)) and its BAA review is refused, so
		// it gets no review or follow-up reminder.
		for v, err := range c.tx.Vendors().ReviewsDue(c.ctx, horizon) {
			if err != nil {
				return err
			}
			if v.NotBusinessAssociate() {
				continue
			}
			days := int(v.BAA.NextReviewOn - asOf)
			r := Reminder{Type: EventReminderBAAReviewDue, Vendor: v.ID, Title: "BAA review: " + v.Name, On: v.BAA.NextReviewOn, Days: days}
			if err := s.thresholds(fmt.Sprintf("baa-review:%s:%s", v.ID, v.BAA.NextReviewOn), days, thresholds, r); err != nil {
				return err
			}
		}
		for v, err := range c.tx.Vendors().ReviewsDue(c.ctx, storage.Before(asOf)) {
			if err != nil {
				return err
			}
			if v.NotBusinessAssociate() {
				continue
			}
			r := Reminder{Type: EventReminderBAAReviewLate, Vendor: v.ID, Title: "BAA review: " + v.Name,
				On: v.BAA.NextReviewOn, Days: int(asOf - v.BAA.NextReviewOn)}
			if err := s.once(fmt.Sprintf("baa-review:%s:%s:overdue", v.ID, v.BAA.NextReviewOn), r); err != nil {
				return err
			}
		}
		// Stalled follow-ups: no activity for stall days or more.
		for v, err := range c.tx.Vendors().Stalled(c.ctx, asOf-date.Date(stall)+1) {
			if err != nil {
				return err
			}
			if v.NotBusinessAssociate() {
				continue
			}
			r := Reminder{Type: EventReminderBAAStalled, Vendor: v.ID, Title: "BAA follow-up: " + v.Name,
				On: v.BAA.LastActivityOn, Days: int(asOf - v.BAA.LastActivityOn)}
			if err := s.once(fmt.Sprintf("baa-stalled:%s:%s", v.ID, v.BAA.LastActivityOn), r); err != nil {
				return err
			}
		}
		// Accepted risks due for review (45 CFR 164.308(a)(1)(ii)(B)). A treatment's due date
		// is reminded through its treatment task, which has the same due date and owner.
		for r, err := range c.tx.Risks().List(c.ctx, storage.RiskQuery{ReviewDue: storage.Before(horizon.To)}) {
			if err != nil {
				return err
			}
			on := r.Acceptance.ReviewOn
			base := fmt.Sprintf("risk-review:%s:%s", r.ID, on)
			rem := Reminder{Type: EventReminderRiskReview, Risk: r.ID, Title: "Review accepted risk: " + r.Title, On: on,
				Days: int(on - asOf), Assignee: task.Assignee{Person: r.Acceptance.ApprovedBy}}
			if on >= asOf {
				err = s.thresholds(base, int(on-asOf), thresholds, rem)
			} else {
				rem.Days = int(asOf - on)
				err = s.once(base+":overdue", rem)
			}
			if err != nil {
				return err
			}
		}
		// Breach-notice deadlines of open incidents: due soon per threshold, and missed.
		owed, err := c.e.owed(c)
		if err != nil {
			return err
		}
		for _, o := range owed {
			d := o.Obligation.Deadline
			if d == date.Zero {
				continue
			}
			base := fmt.Sprintf("notice:%s:%s:%s", o.Incident, o.Obligation.Key, d)
			days := int(d - asOf)
			r := Reminder{Type: EventReminderNoticeDue, Incident: o.Incident, Obligation: o.Obligation.Key,
				Title: o.Obligation.Recipient + " notice: " + o.Title, On: d, Days: days}
			if days >= 0 {
				err = s.thresholds(base, days, thresholds, r)
			} else {
				r.Type, r.Days = EventReminderNoticeMissed, -days
				err = s.once(base+":missed", r)
			}
			if err != nil {
				return err
			}
		}
		res.Reminders = s.sent
		if len(s.sent) == 0 {
			return nil
		}
		return c.record(record.KindSweep, asOf.String(), res)
	})
	return result(res, err)
}

type sweeper struct {
	c    *call
	at   time.Time
	sent []Reminder
}

// once claims key and, if it was not claimed before, emits r.
func (s *sweeper) once(key string, r Reminder) error {
	ok, err := s.c.tx.Reminders().Claim(s.c.ctx, key, s.at)
	if err != nil || !ok {
		return err
	}
	r.Key = key
	return s.emit(r)
}

// thresholds claims every threshold the item has passed (days ≤ threshold) and emits a
// reminder for the nearest one it newly claimed.
func (s *sweeper) thresholds(base string, days int, thresholds []int, r Reminder) error {
	nearest := -1
	for _, t := range thresholds {
		if days > t {
			continue
		}
		key := fmt.Sprintf("%s:due:%d", base, t)
		ok, err := s.c.tx.Reminders().Claim(s.c.ctx, key, s.at)
		if err != nil {
			return err
		}
		if ok && nearest < 0 {
			nearest = t
			r.Key = key
		}
	}
	if nearest < 0 {
		return nil
	}
	r.Threshold = nearest
	return s.emit(r)
}

func (s *sweeper) emit(r Reminder) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	objType, objID := record.KindTask, string(r.Task)
	switch {
	case r.Vendor != "":
		objType, objID = record.KindVendor, string(r.Vendor)
	case r.Incident != "":
		objType, objID = record.KindIncident, string(r.Incident)
	case r.Risk != "":
		objType, objID = record.KindRisk, string(r.Risk)
	}
	ev := event.Event{Type: r.Type, At: s.at.UTC().Truncate(time.Microsecond), Actor: s.c.actor.ID,
		ObjectType: objType, ObjectID: objID, Data: data}
	if err := s.c.tx.Events().Append(s.c.ctx, &ev); err != nil {
		return err
	}
	s.sent = append(s.sent, r)
	return nil
}
