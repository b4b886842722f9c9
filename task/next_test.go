package task_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
)

// complete closes tk as done on a day, attaching evidence first when it is required.
func complete(t *testing.T, tk *task.Task, on date.Date) {
	t.Helper()
	if tk.EvidenceRequired {
		require.NoError(t, tk.AddEvidence(evidence("record "+string(tk.ID), on)))
	}
	require.NoError(t, tk.Complete(task.Completion{On: on}, actor))
}

// next calls tk.Next and requires that it created a task.
func next(t *testing.T, tk *task.Task, tpl *task.Template, id task.ID) task.Task {
	t.Helper()
	n, ok, err := tk.Next(tpl, id)
	require.NoError(t, err)
	require.True(t, ok)
	require.NoError(t, n.Validate())
	return n
}

// TestNextCalendarVsCompletion: a calendar-anchored series keeps its schedule however
// late an occurrence is completed (the annual risk analysis, 45 CFR 164.308(a)(1)(ii)(A));
// a completion-anchored one counts from the completion (refresher training a year after
// the last session, 45 CFR 164.308(a)(5)).
func TestNextCalendarVsCompletion(t *testing.T) {
	tests := []struct {
		name      string
		tpl       func() *task.Template
		closedOn  date.Date
		wantDue   date.Date
		wantFirst date.Date
	}{
		{"calendar completed on time (164.308(a)(1)(ii)(A))", riskAnalysis, day(2026, time.February, 4), day(2027, time.February, 4), day(2026, time.February, 4)},
		{"calendar completed early", riskAnalysis, day(2026, time.January, 20), day(2027, time.February, 4), day(2026, time.February, 4)},
		{"calendar completed late keeps the schedule", riskAnalysis, day(2026, time.March, 20), day(2027, time.February, 4), day(2026, time.February, 4)},
		{"calendar completed after the next was due", riskAnalysis, day(2027, time.March, 1), day(2027, time.February, 4), day(2026, time.February, 4)},
		{"completion on time (164.308(a)(5))", training, day(2026, time.January, 19), day(2027, time.January, 19), day(2026, time.January, 19)},
		{"completion early moves it earlier", training, day(2026, time.January, 10), day(2027, time.January, 10), day(2026, time.January, 19)},
		{"completion late shifts the schedule", training, day(2026, time.March, 20), day(2027, time.March, 20), day(2026, time.January, 19)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl := tt.tpl()
			tk := newTask(t, tpl, "t-1")
			require.Equal(t, tt.wantFirst, tk.DueOn)
			complete(t, &tk, tt.closedOn)

			n := next(t, &tk, tpl, "t-2")
			assert.Equal(t, tt.wantDue.String(), n.DueOn.String())
			assert.Equal(t, tt.closedOn, n.TriggeredOn, "the next occurrence is created when this one closes")
			assert.Equal(t, tt.wantFirst, n.SeriesStart)
			assert.Equal(t, task.ID("t-2"), tk.NextID)
			assert.Equal(t, n.DueOn < tt.closedOn+1, n.Overdue(tt.closedOn+1), "overdue at once only if its due date has passed")
		})
	}
}

// TestNextMonthEndSeries: a calendar-anchored series started at a month end returns to it
// (the month-end rule is applied once, from SeriesStart), across leap years.
func TestNextMonthEndSeries(t *testing.T) {
	tests := []struct {
		name  string
		tpl   func() *task.Template
		start date.Date
		want  []string
	}{
		{"monthly from 2024-01-31 (164.308(a)(1)(ii)(D))", activityReview, day(2024, time.January, 31),
			[]string{"2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"}},
		{"monthly from 2023-01-31", activityReview, day(2023, time.January, 31),
			[]string{"2023-02-28", "2023-03-31"}},
		{"yearly from 2024-02-29 (164.308(a)(1)(ii)(A))", riskAnalysis, day(2024, time.February, 29),
			[]string{"2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29", "2029-02-28"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl := tt.tpl()
			tk, err := task.New(tpl, task.NewParams{ID: "t-1", TriggeredOn: tt.start - 7, DueOn: tt.start})
			require.NoError(t, err)
			var got []string
			for i := range tt.want {
				complete(t, &tk, tk.DueOn)
				n := next(t, &tk, tpl, task.ID(fmt.Sprintf("t-%d", i+2)))
				assert.Equal(t, i+2, n.Occurrence)
				assert.Equal(t, task.ID("t-1"), n.Series)
				got = append(got, n.DueOn.String())
				tk = n
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestNextExactlyOnce: NextID records the next occurrence, so a second call (a retried
// sweep, a second app server) creates nothing, even after the task was stored and loaded.
func TestNextExactlyOnce(t *testing.T) {
	tpl := riskAnalysis()
	tk := newTask(t, tpl, "t-1")
	complete(t, &tk, triggeredOn+10)

	n := next(t, &tk, tpl, "t-2")
	assert.Equal(t, task.ID("t-2"), n.ID)
	assert.Equal(t, task.ID("t-2"), tk.NextID)
	require.NoError(t, tk.Validate())

	after := tk.Clone()
	again, ok, err := tk.Next(tpl, "t-3")
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, task.Task{}, again)
	assert.Equal(t, after, tk, "the second call changes nothing")

	b, err := json.Marshal(tk)
	require.NoError(t, err)
	var loaded task.Task
	require.NoError(t, json.Unmarshal(b, &loaded))
	_, ok, err = loaded.Next(tpl, "t-4")
	require.NoError(t, err)
	assert.False(t, ok, "NextID survives storage")

	t.Run("a failed call does not use up the next occurrence", func(t *testing.T) {
		tk := newTask(t, tpl, "t-1")
		complete(t, &tk, triggeredOn+10)
		_, ok, err := tk.Next(tpl, "")
		require.Error(t, err)
		assert.False(t, ok)
		assert.Empty(t, tk.NextID)
		next(t, &tk, tpl, "t-2")
	})
}

// TestNextCopiesTheSeries: the next occurrence keeps who, what about and where; it starts
// fresh: open, no evidence, no history, an unticked checklist.
func TestNextCopiesTheSeries(t *testing.T) {
	tpl := riskAnalysis()
	tk, err := task.New(tpl, task.NewParams{
		ID: "t-1", TriggeredOn: triggeredOn, Trigger: "org.created", Site: "radiation-vault",
		Subject: task.Subject{Type: "system", ID: "tps"}, Assignee: task.Assignee{Person: "u-1"},
	})
	require.NoError(t, err)
	require.NoError(t, tk.CheckItem(task.Check{Item: 0, On: triggeredOn + 1}, actor))
	require.NoError(t, tk.Start(task.Start{On: triggeredOn + 1}, actor))
	complete(t, &tk, triggeredOn+20)

	n := next(t, &tk, tpl, "t-2")
	assert.Equal(t, task.Task{
		ID: "t-2", TemplateID: "risk-analysis", TemplateVersion: 3,
		Title: tpl.Title, Instructions: tpl.Instructions, Citation: tpl.Citation,
		Checklist: []task.ChecklistItem{
			{Text: tpl.Checklist[0]}, {Text: tpl.Checklist[1]}, {Text: tpl.Checklist[2]},
		},
		EvidenceRequired: true,
		Recurrence:       &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar},
		Series:           "t-1", SeriesStart: day(2026, time.February, 4), Occurrence: 2,
		Subject: task.Subject{Type: "system", ID: "tps"},
		Trigger: "org.created", TriggeredOn: triggeredOn + 20, DueOn: day(2027, time.February, 4),
		Assignee: task.Assignee{Person: "u-1"},
		Site:     "radiation-vault",
		State:    task.StateOpen,
	}, n)

	n.Checklist[1].Text = "changed"
	n.Recurrence.Every = 3
	assert.Equal(t, tpl.Checklist[1], tk.Checklist[1].Text, "no sharing with the closed task")
	assert.Equal(t, 1, tk.Recurrence.Every)
	assert.Equal(t, 1, tpl.Recurrence.Every, "no sharing with the template")
}

// TestNextTemplateChangeAffectsOnlyNext: editing a template (a new citation, a different
// checklist, evidence no longer required) changes the next occurrence; the closed task
// keeps what it was done under (45 CFR 164.316(b)(2)(iii): documentation is updated
// as the rules change, not rewritten after the fact).
func TestNextTemplateChangeAffectsOnlyNext(t *testing.T) {
	v3 := riskAnalysis()
	tk := newTask(t, v3, "t-1")
	complete(t, &tk, triggeredOn+20)
	closed := tk.Clone()

	v4 := riskAnalysis()
	v4.Version = 4
	v4.Title = "Annual security risk analysis (NIST SP 800-30 method)"
	v4.Instructions = "Use the NIST worksheet."
	v4.Checklist = []string{"Complete the NIST worksheet"}
	v4.Citation = "45 CFR 164.308(a)(1)(ii)(A); 164.316(b)(2)(iii)"
	v4.EvidenceRequired = false
	v4.DefaultRole = task.RolePrivacyOfficer

	n := next(t, &tk, v4, "t-2")
	assert.Equal(t, int64(4), n.TemplateVersion)
	assert.Equal(t, v4.Title, n.Title)
	assert.Equal(t, v4.Instructions, n.Instructions)
	assert.Equal(t, v4.Citation, n.Citation)
	assert.Equal(t, []task.ChecklistItem{{Text: "Complete the NIST worksheet"}}, n.Checklist)
	assert.False(t, n.EvidenceRequired)
	assert.Equal(t, task.Assignee{Role: task.RoleSecurityOfficer}, n.Assignee, "the series keeps its assignee; DefaultRole applies to new series")

	closed.NextID = "t-2"
	assert.Equal(t, closed, tk, "the closed task keeps its template version, title and checklist")
	assert.Equal(t, int64(3), tk.TemplateVersion)

	t.Run("nil template: the series continues from the task", func(t *testing.T) {
		tk := closed.Clone()
		tk.NextID = ""
		n := next(t, &tk, nil, "t-2")
		assert.Equal(t, tk.TemplateVersion, n.TemplateVersion)
		assert.Equal(t, tk.Title, n.Title)
		assert.Equal(t, tk.Citation, n.Citation)
		assert.Len(t, n.Checklist, len(tk.Checklist))
		for _, item := range n.Checklist {
			assert.False(t, item.Done)
		}
		assert.True(t, n.EvidenceRequired)
		assert.Equal(t, day(2027, time.February, 4), n.DueOn)
	})

	t.Run("template without recurrence: the task's recurrence is kept", func(t *testing.T) {
		tk := closed.Clone()
		tk.NextID = ""
		v5 := riskAnalysis()
		v5.Version, v5.Recurrence = 5, nil
		n := next(t, &tk, v5, "t-2")
		assert.Equal(t, *tk.Recurrence, *n.Recurrence)
		assert.Equal(t, int64(5), n.TemplateVersion)
		assert.Equal(t, day(2027, time.February, 4), n.DueOn)
	})
}

// TestNextChangedInterval: when the template's interval changes, a calendar series moves to
// the new interval counted from its start, without repeating or skipping a period.
func TestNextChangedInterval(t *testing.T) {
	every := func(n int, u task.Unit, a task.Anchor) *task.Template {
		tp := riskAnalysis()
		tp.Recurrence = &task.Recurrence{Every: n, Unit: u, Anchor: a}
		return tp
	}
	start := day(2026, time.January, 31)
	tests := []struct {
		name         string
		first, later *task.Template
		closedOn     date.Date
		want         []string // due dates of occurrences 2 and 3
	}{
		{"yearly to every 6 months", every(1, task.UnitYear, task.AnchorCalendar), every(6, task.UnitMonth, task.AnchorCalendar),
			start + 10, []string{"2027-01-31", "2027-07-31"}},
		{"every 6 months to yearly", every(6, task.UnitMonth, task.AnchorCalendar), every(1, task.UnitYear, task.AnchorCalendar),
			start + 10, []string{"2026-07-31", "2027-01-31"}},
		{"quarterly to monthly", every(3, task.UnitMonth, task.AnchorCalendar), every(1, task.UnitMonth, task.AnchorCalendar),
			start + 10, []string{"2026-04-30", "2026-05-31"}},
		{"completion to calendar", every(1, task.UnitYear, task.AnchorCompletion), every(1, task.UnitYear, task.AnchorCalendar),
			day(2026, time.March, 15), []string{"2027-03-15", "2028-01-31"}},
		{"calendar to completion", every(1, task.UnitYear, task.AnchorCalendar), every(1, task.UnitYear, task.AnchorCompletion),
			day(2026, time.March, 15), []string{"2027-01-31", "2028-03-15"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t1, err := task.New(tt.first, task.NewParams{ID: "t-1", TriggeredOn: start - 30, DueOn: start})
			require.NoError(t, err)
			complete(t, &t1, tt.closedOn)
			t2 := next(t, &t1, tt.first, "t-2")
			complete(t, &t2, t2.DueOn+(tt.closedOn-start)) // as late as the first
			t3 := next(t, &t2, tt.later, "t-3")
			assert.Equal(t, tt.want, []string{t2.DueOn.String(), t3.DueOn.String()})
			assert.Equal(t, start, t3.SeriesStart)
			assert.Equal(t, 3, t3.Occurrence)
		})
	}
}

// TestNextSkipped: a skipped occurrence still continues its series; a completion-anchored
// series counts from the skip date.
func TestNextSkipped(t *testing.T) {
	tests := []struct {
		name    string
		tpl     func() *task.Template
		skipOn  date.Date
		wantDue date.Date
	}{
		{"calendar (164.308(a)(1)(ii)(A))", riskAnalysis, day(2026, time.March, 1), day(2027, time.February, 4)},
		{"completion counts from the skip (164.308(a)(5))", training, day(2026, time.March, 1), day(2027, time.March, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl := tt.tpl()
			tk := newTask(t, tpl, "t-1")
			require.NoError(t, tk.Skip(task.Skipping{On: tt.skipOn, Reason: "practice closed for renovation"}, actor))
			n := next(t, &tk, tpl, "t-2")
			assert.Equal(t, tt.wantDue, n.DueOn)
			assert.Equal(t, tt.skipOn, n.TriggeredOn)
			assert.Equal(t, task.ID("t-2"), tk.NextID)
		})
	}
}

// TestNextNone: no next occurrence, and no error, for a one-off task or a disabled
// template; nothing changes.
func TestNextNone(t *testing.T) {
	t.Run("one-off (164.502(e))", func(t *testing.T) {
		tk := newTask(t, baaRequest(), "t-1")
		complete(t, &tk, triggeredOn+3)
		before := tk.Clone()
		n, ok, err := tk.Next(baaRequest(), "t-2")
		require.NoError(t, err)
		assert.False(t, ok)
		assert.Equal(t, task.Task{}, n)
		assert.Equal(t, before, tk)

		recurring := baaRequest()
		recurring.Recurrence = &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar}
		_, ok, err = tk.Next(recurring, "t-2")
		require.NoError(t, err)
		assert.False(t, ok, "a template made recurring later does not turn a one-off task into a series")
	})
	t.Run("disabled template ends the series", func(t *testing.T) {
		tk := newTask(t, riskAnalysis(), "t-1")
		complete(t, &tk, triggeredOn+3)
		before := tk.Clone()
		off := riskAnalysis()
		off.Disabled = true
		n, ok, err := tk.Next(off, "t-2")
		require.NoError(t, err)
		assert.False(t, ok)
		assert.Equal(t, task.Task{}, n)
		assert.Equal(t, before, tk)
	})
}

// TestNextErrors: a call that cannot be right is an error and changes nothing.
func TestNextErrors(t *testing.T) {
	for _, s := range task.OpenStates() {
		t.Run("ErrOpen "+string(s), func(t *testing.T) {
			tk := taskIn(t, s)
			before := tk.Clone()
			_, ok, err := tk.Next(activityReview(), "t-2")
			requireInvalid(t, err, "state", "is "+string(s)+": the next occurrence is created when the task is done or skipped")
			assert.False(t, ok)
			assert.Equal(t, before, *tk)
		})
	}
	tests := []struct {
		name        string
		tpl         func() *task.Template
		id          task.ID
		field, rule string
	}{
		{"ErrIDEmpty", activityReview, "", "id", "must not be empty"},
		{"ErrIDSelf", activityReview, "t-1", "id", `"t-1" is the closed task's own id`},
		{"ErrOtherTemplate", riskAnalysis, "t-2", "template_id", `"risk-analysis" is not the task's template "activity-review"`},
		{"ErrInvalidTemplate (164.308(a)(1)(ii)(A))", func() *task.Template {
			tp := activityReview()
			tp.Recurrence.Every = 0
			return tp
		}, "t-2", "recurrence.every", "must be at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := taskIn(t, task.StateDone)
			before := tk.Clone()
			n, ok, err := tk.Next(tt.tpl(), tt.id)
			requireInvalid(t, err, tt.field, tt.rule)
			assert.False(t, ok)
			assert.Equal(t, task.Task{}, n)
			assert.Equal(t, before, *tk)
		})
	}
	t.Run("ErrCorruptRecurrenceWithoutTemplate", func(t *testing.T) {
		tk := taskIn(t, task.StateDone)
		tk.Recurrence.Unit = "fortnight"
		_, ok, err := tk.Next(nil, "t-2")
		requireInvalid(t, err, "recurrence.unit", `"fortnight" is not one of`)
		assert.False(t, ok)
		assert.Empty(t, tk.NextID)
	})
	t.Run("ErrNextWouldBeInvalid", func(t *testing.T) {
		tk := taskIn(t, task.StateDone)
		tk.Assignee = task.Assignee{}
		_, ok, err := tk.Next(activityReview(), "t-2")
		requireInvalid(t, err, "assignee", "must name a person or a role")
		assert.False(t, ok)
		assert.Empty(t, tk.NextID)
	})
}
