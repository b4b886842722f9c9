// Package task models the compliance work of a practice: templates that describe a kind
// of task and the rule it serves, tasks created from them, and series of tasks that come
// back on a schedule, such as the annual security risk analysis
// (45 CFR 164.308(a)(1)(ii)(A)), security awareness training (45 CFR 164.308(a)(5)) or
// the periodic review of documentation (45 CFR 164.316(b)(2)(iii)).
//
// The package is pure: it stores nothing, reads no clock and keeps no state between
// calls. Every date is an argument, so each rule can be pinned by a table test. Dates are
// calendar dates ([date.Date]) in the organization's time zone; the zero date means
// "not set".
//
// # Templates
//
// A [Template] says what to do (title, instructions, checklist), why (its citation),
// who does it by default (a [Role]), whether evidence must be attached before the task can
// be completed, how many days after the triggering event the task is due, and whether it
// recurs. Storage keeps a template's revision in Version; a task records the version it
// was created from. Changing a template changes the tasks created afterwards, never the
// ones that exist.
//
// # Tasks
//
// [New] creates a task from a template when something calls for it: an event such as
// "vendor.added" (the Trigger), on a date (TriggeredOn), possibly about a subject (a
// vendor, a trial, a workforce member) and a site. A task is assigned to exactly one
// person or one role. Its state moves by methods:
//
//	open → in_progress | blocked | done | skipped      (Start, Block, Complete, Skip)
//	in_progress → blocked | done | skipped              (Block, Complete, Skip)
//	blocked → in_progress | skipped                     (Start, Skip)
//
// done and skipped are closed. Each move takes one input value, whose fields its errors
// name ([Start], [Blocking], [Skipping], [Completion], [Check]; [Evidence] for
// [Task.AddEvidence], [Assignee] for [Task.Assign]), and who acted. Every state change
// appends a [Change] to History, with its date and who made it; a change may not be
// dated before the previous one (or before the trigger date). A move the lifecycle does not allow returns a [*TransitionError] and
// changes nothing. A task that requires evidence cannot be completed until a piece of
// [Evidence] (where the document is, and its SHA-256 digest) is attached
// (45 CFR 164.316(b)(1)(ii)); [ErrEvidenceRequired] says so.
//
// # Recurrence
//
// A [Recurrence] is an interval (Every, Unit) and an [Anchor]:
//
//   - [AnchorCalendar]: the schedule is fixed. Occurrence n+1 of a series is due on
//     [Recurrence.NextFrom](SeriesStart, n), however late earlier ones were completed.
//   - [AnchorCompletion]: the next occurrence is due one interval after the day the
//     previous one was completed (or skipped), so a late completion moves the schedule.
//
// Days and weeks are added as days. Months are calendar months and a year is 12 months,
// with this month-end rule: adding n months keeps the day of the month, unless the
// target month has fewer days, in which case the result is the last day of the target
// month. So 2024-01-31 + 1 month = 2024-02-29 (leap year), 2023-01-31 + 1 month =
// 2023-02-28, and 2024-02-29 + 1 year = 2025-02-28.
//
// [Recurrence.Next] applies the rule to one date, so a clamped day stays clamped:
// 2024-02-29 + 1 month = 2024-03-29. [Recurrence.NextFrom] counts every occurrence from the
// series start and applies the rule once, so a series never drifts: a monthly series
// from 2024-01-31 falls on 2024-02-29, 2024-03-31 and 2024-04-30, and a yearly series
// from 2024-02-29 falls on 2025-02-28, 2026-02-28, 2027-02-28 and 2028-02-29.
// Calendar-anchored tasks use NextFrom.
//
// # Series
//
// The tasks of a recurring template form a series that shares Series (the first task's
// ID) and SeriesStart (the first due date) and numbers its tasks by Occurrence. When a
// task is done or skipped, [Task.Next] builds the next occurrence from the current
// template and sets NextID on the closed task; the caller stores both together. Because
// NextID is set, a second call creates nothing, so each series continues exactly once from
// each task, even when a sweep runs twice. A disabled template ends its series.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid]. A disallowed state change returns a [*TransitionError], which
// matches [ErrTransition].
package task
