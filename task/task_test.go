package task_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// TestNew: a task takes its content from the template, its defaults from it, and starts
// its own series.
func TestNew(t *testing.T) {
	tpl := riskAnalysis()
	tk, err := task.New(tpl, task.NewParams{
		ID: "t-1", TriggeredOn: triggeredOn, Trigger: "org.created", Site: "infusion-north",
		Subject: task.Subject{Type: "system", ID: "record-and-verify"},
	})
	require.NoError(t, err)

	due := triggeredOn + 30
	assert.Equal(t, task.Task{
		ID: "t-1", TemplateID: "risk-analysis", TemplateVersion: 3,
		Title:        tpl.Title,
		Instructions: tpl.Instructions,
		Citation:     "45 CFR 164.308(a)(1)(ii)(A)",
		Checklist: []task.ChecklistItem{
			{Text: tpl.Checklist[0]}, {Text: tpl.Checklist[1]}, {Text: tpl.Checklist[2]},
		},
		EvidenceRequired: true,
		Recurrence:       &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar},
		Series:           "t-1", SeriesStart: due, Occurrence: 1,
		Subject: task.Subject{Type: "system", ID: "record-and-verify"},
		Trigger: "org.created", TriggeredOn: triggeredOn, DueOn: due,
		Assignee: task.Assignee{Role: task.RoleSecurityOfficer},
		Site:     "infusion-north",
		State:    task.StateOpen,
	}, tk)
	assert.Equal(t, "2026-02-04", tk.DueOn.String())
	require.NoError(t, tk.Validate())

	t.Run("the task does not share the template's recurrence or checklist", func(t *testing.T) {
		tpl.Recurrence.Every = 5
		tpl.Checklist[0] = "changed"
		assert.Equal(t, 1, tk.Recurrence.Every)
		assert.NotEqual(t, "changed", tk.Checklist[0].Text)
	})

	t.Run("explicit due date and assignee", func(t *testing.T) {
		tk, err := task.New(baaRequest(), task.NewParams{
			ID: "t-2", TriggeredOn: triggeredOn, DueOn: triggeredOn, Trigger: "vendor.added",
			Subject:  task.Subject{Type: "vendor", ID: "v-1"},
			Assignee: task.Assignee{Person: "u-42"},
		})
		require.NoError(t, err)
		assert.Equal(t, triggeredOn, tk.DueOn, "due on the trigger day is allowed")
		assert.Equal(t, triggeredOn, tk.SeriesStart)
		assert.Equal(t, task.Assignee{Person: "u-42"}, tk.Assignee)
		assert.Nil(t, tk.Recurrence)
		assert.Nil(t, tk.Checklist)
	})
}

// TestNewErrors: each refusal names its field and rule.
func TestNewErrors(t *testing.T) {
	ok := task.NewParams{ID: "t-1", TriggeredOn: triggeredOn}
	tests := []struct {
		name        string
		tpl         *task.Template
		edit        func(p *task.NewParams)
		field, rule string
	}{
		{"ErrNoTemplate", nil, func(*task.NewParams) {}, "template", "must be set"},
		{"ErrInvalidTemplate", func() *task.Template { tp := riskAnalysis(); tp.Recurrence.Every = 0; return tp }(),
			func(*task.NewParams) {}, "recurrence.every", "must be at least 1"},
		{"ErrIDEmpty", riskAnalysis(), func(p *task.NewParams) { p.ID = "" }, "id", "must not be empty"},
		{"ErrTriggeredOnMissing", riskAnalysis(), func(p *task.NewParams) { p.TriggeredOn = date.Zero }, "triggered_on", "must be set"},
		{"ErrDueBeforeTrigger", baaRequest(), func(p *task.NewParams) { p.DueOn = triggeredOn - 1 },
			"due_on", "2026-01-04 is before the trigger date 2026-01-05"},
		{"ErrAssigneeBoth", riskAnalysis(), func(p *task.NewParams) { p.Assignee = task.Assignee{Person: "u-1", Role: task.RoleManager} },
			"assignee", "must name a person or a role, not both"},
		{"ErrAssigneeRole", riskAnalysis(), func(p *task.NewParams) { p.Assignee = task.Assignee{Role: "Manager"} },
			"assignee.role", `"Manager" must be lower_snake_case`},
		{"ErrAssigneeBlankPerson", riskAnalysis(), func(p *task.NewParams) { p.Assignee = task.Assignee{Person: " "} },
			"assignee", "must name a person or a role"},
		{"ErrSubjectHalf", baaRequest(), func(p *task.NewParams) { p.Subject = task.Subject{Type: "vendor"} },
			"subject", "type and id must both be set or both be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			tt.edit(&p)
			tk, err := task.New(tt.tpl, p)
			if tt.name == "ErrAssigneeBlankPerson" {
				assert.Equal(t, []string{"assignee", "assignee.person"}, fields(err))
			} else {
				requireInvalid(t, err, tt.field, tt.rule)
			}
			assert.Equal(t, task.Task{}, tk)
		})
	}

	t.Run("ErrTemplateDisabled", func(t *testing.T) {
		tp := riskAnalysis()
		tp.Disabled = true
		tk, err := task.New(tp, ok)
		require.ErrorIs(t, err, task.ErrTemplateDisabled)
		requireInvalid(t, err, "template", "is disabled")
		assert.Contains(t, err.Error(), `"risk-analysis"`)
		assert.Equal(t, task.Task{}, tk)
	})

	t.Run("ErrMissingIDAndTriggerTogether", func(t *testing.T) {
		_, err := task.New(riskAnalysis(), task.NewParams{})
		assert.Equal(t, []string{"id", "triggered_on"}, fields(err))
	})
}

// TestTaskValidate: a stored task must be consistent with its state and history.
func TestTaskValidate(t *testing.T) {
	done := func() task.Task {
		tk := newTask(t, riskAnalysis(), "t-1")
		require.NoError(t, tk.AddEvidence(evidence("risk-analysis-2026", triggeredOn+1)))
		require.NoError(t, tk.Complete(task.Completion{On: triggeredOn + 2}, actor))
		return tk
	}
	open := func() task.Task { return newTask(t, riskAnalysis(), "t-1") }
	tests := []struct {
		name        string
		base        func() task.Task
		edit        func(tk *task.Task)
		field, rule string
		also        []string // further fields reported, after field
	}{
		{"OKOpen", open, func(*task.Task) {}, "", "", nil},
		{"OKDone", done, func(*task.Task) {}, "", "", nil},
		{"OKBlocked", func() task.Task { return *taskIn(t, task.StateBlocked) }, func(*task.Task) {}, "", "", nil},
		{"OKSkipped", func() task.Task { return *taskIn(t, task.StateSkipped) }, func(*task.Task) {}, "", "", nil},
		{"OKNoSubjectNoSite", open, func(tk *task.Task) { tk.Subject, tk.Site = task.Subject{}, "" }, "", "", nil},
		{"ErrIDEmpty", open, func(tk *task.Task) { tk.ID = "" }, "id", "must not be empty", []string{"series"}},
		{"ErrTemplateIDEmpty", open, func(tk *task.Task) { tk.TemplateID = "" }, "template_id", "must not be empty", nil},
		{"ErrTitleEmpty", open, func(tk *task.Task) { tk.Title = "" }, "title", "must not be empty", nil},
		{"ErrCitationEmpty", open, func(tk *task.Task) { tk.Citation = "" }, "citation", "must not be empty", nil},
		{"ErrChecklistTextEmpty", open, func(tk *task.Task) { tk.Checklist[2].Text = "" }, "checklist[2].text", "must not be empty", nil},
		{"ErrChecklistDoneWithoutDate", open, func(tk *task.Task) { tk.Checklist[0].Done, tk.Checklist[0].DoneBy = true, actor }, "checklist[0].done_on", "must be set", nil},
		{"ErrChecklistDateWithoutDone", open, func(tk *task.Task) { tk.Checklist[0].DoneOn = triggeredOn }, "checklist[0]", "is not done", nil},
		{"ErrRecurrenceZero", open, func(tk *task.Task) { tk.Recurrence.Every = 0 }, "recurrence.every", "must be at least 1", nil},
		{"ErrOccurrenceZero", open, func(tk *task.Task) { tk.Occurrence = 0 }, "occurrence", "must be at least 1", nil},
		{"ErrSeriesNotOwnIDOnFirst", open, func(tk *task.Task) { tk.Series = "other" }, "series", "must be the task's own id", nil},
		{"ErrSeriesOwnIDOnLater", open, func(tk *task.Task) { tk.Occurrence = 2 }, "series", "must be the first occurrence's id", nil},
		{"ErrLaterOccurrenceNotRecurring", open, func(tk *task.Task) { tk.Occurrence, tk.Series, tk.Recurrence = 2, "t-0", nil }, "recurrence", "must be set on occurrence 2", nil},
		{"ErrSeriesStartMissing", open, func(tk *task.Task) { tk.SeriesStart = date.Zero }, "series_start", "must be set", nil},
		{"ErrDueBeforeSeriesStart", open, func(tk *task.Task) { tk.SeriesStart = tk.DueOn + 1 }, "due_on", "is before the series start", nil},
		{"ErrDueBeforeTrigger", open, func(tk *task.Task) { tk.DueOn, tk.SeriesStart = triggeredOn-1, triggeredOn-1 }, "due_on", "is before the trigger date", nil},
		{"ErrDueMissing", open, func(tk *task.Task) { tk.DueOn, tk.SeriesStart = date.Zero, triggeredOn }, "due_on", "must be set", nil},
		{"ErrTriggeredOnMissing", open, func(tk *task.Task) { tk.TriggeredOn = date.Zero }, "triggered_on", "must be set", nil},
		{"ErrUnassigned", open, func(tk *task.Task) { tk.Assignee = task.Assignee{} }, "assignee", "must name a person or a role", nil},
		{"ErrAssignedTwice", open, func(tk *task.Task) { tk.Assignee.Person = "u-1" }, "assignee", "not both", nil},
		{"ErrSubjectHalf", open, func(tk *task.Task) { tk.Subject = task.Subject{ID: "v-1"} }, "subject", "both be set", nil},
		{"ErrStateUnknown", open, func(tk *task.Task) { tk.State = "archived" }, "state", `"archived" is not one of`, nil},
		{"ErrBlockedWithoutReason", func() task.Task { return *taskIn(t, task.StateBlocked) }, func(tk *task.Task) { tk.BlockedReason = "" }, "blocked_reason", "must say why", nil},
		{"ErrSkippedWithoutReason", func() task.Task { return *taskIn(t, task.StateSkipped) }, func(tk *task.Task) { tk.SkipReason = "" }, "skip_reason", "must say why", nil},
		{"ErrDoneWithoutDate", done, func(tk *task.Task) { tk.CompletedOn = date.Zero }, "completed_on", "must be set", nil},
		{"ErrDoneWithoutWho", done, func(tk *task.Task) { tk.CompletedBy = "" }, "completed_by", "must name who", nil},
		{"ErrDoneWithoutEvidence (164.316(b)(1)(ii))", done, func(tk *task.Task) { tk.Evidence = nil }, "evidence", "must be attached", nil},
		{"ErrOpenWithCompletion", open, func(tk *task.Task) { tk.CompletedOn = triggeredOn }, "completed_on", "must be empty unless the task is done", nil},
		{"ErrNextIDOnOpenTask", open, func(tk *task.Task) { tk.NextID = "t-2" }, "next_id", "must be empty until the task is closed", nil},
		{"ErrNextIDSelf", done, func(tk *task.Task) { tk.NextID = tk.ID }, "next_id", "is the task's own id", nil},
		{"ErrEvidenceDigest", done, func(tk *task.Task) { tk.Evidence[0].SHA256 = "abc" }, "evidence[0].sha256", "must be 64 lowercase hexadecimal digits", nil},
		{"ErrHistoryBroken", done, func(tk *task.Task) { tk.History[0].From = task.StateBlocked }, "history[0]", "blocked → done does not follow open", nil},
		{"ErrHistoryIllegalMove", done, func(tk *task.Task) { tk.History[0].From, tk.History[0].To = task.StateOpen, task.StateOpen }, "history[0]", "open → open", []string{"history"}},
		{"ErrHistoryOutOfOrder", done, func(tk *task.Task) { tk.History[0].On = triggeredOn - 1 }, "history[0].on", "is before 2026-01-05", nil},
		{"ErrHistoryNoActor", done, func(tk *task.Task) { tk.History[0].By = "" }, "history[0].by", "must name who acted", nil},
		{"ErrHistoryEndsElsewhere", done, func(tk *task.Task) { tk.History = nil }, "history", "ends in open but the task is done", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := tt.base()
			tt.edit(&tk)
			err := tk.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			if tt.also != nil {
				require.ErrorIs(t, err, validation.ErrInvalid)
				assert.Equal(t, append([]string{tt.field}, tt.also...), fields(err))
				assert.Contains(t, validation.All(err)[0].Rule, tt.rule)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
}

// TestLifecycleAllPairs tries every method from every state: each move the lifecycle
// allows succeeds and is recorded in History; each other move returns a
// *TransitionError naming both states and leaves the task unchanged.
func TestLifecycleAllPairs(t *testing.T) {
	targets := []task.State{task.StateInProgress, task.StateBlocked, task.StateDone, task.StateSkipped}
	for _, from := range task.StateValues() {
		for _, to := range targets {
			allowed := slices.Contains(wantTransitions[from], to)
			name := fmt.Sprintf("%s→%s", from, to)
			if !allowed {
				name = "Err" + name
			}
			t.Run(name, func(t *testing.T) {
				tk := taskIn(t, from)
				before := tk.Clone()
				on, err := apply(tk, to)
				if !allowed {
					requireTransition(t, err, from, to)
					require.Equal(t, before, *tk, "a refused move changes nothing")
					return
				}
				require.NoError(t, err)
				assert.Equal(t, to, tk.State)
				require.Len(t, tk.History, len(before.History)+1)
				last := tk.History[len(tk.History)-1]
				assert.Equal(t, task.Change{From: from, To: to, On: on, By: actor, Note: last.Note}, last)
				switch to {
				case task.StateBlocked, task.StateSkipped:
					assert.NotEmpty(t, last.Note, "the reason is recorded")
				default:
					assert.Empty(t, last.Note)
				}
				assert.Equal(t, to == task.StateBlocked, tk.BlockedReason != "", "BlockedReason only while blocked")
				assert.Equal(t, to == task.StateSkipped, tk.SkipReason != "")
				if to == task.StateDone {
					assert.Equal(t, on, tk.CompletedOn)
					assert.Equal(t, actor, tk.CompletedBy)
				} else {
					assert.Zero(t, tk.CompletedOn)
				}
				assert.NoError(t, tk.Validate(), "every state reached through the methods is valid")
			})
		}
	}
}

// TestIllegalTransitions names the refusals a practice is most likely to hit.
func TestIllegalTransitions(t *testing.T) {
	on := day(2026, time.June, 1)
	tests := []struct {
		name     string
		from, to task.State
		call     func(tk *task.Task) error
	}{
		{"complete twice", task.StateDone, task.StateDone, func(tk *task.Task) error { return tk.Complete(task.Completion{On: on}, actor) }},
		{"complete a blocked task without starting it", task.StateBlocked, task.StateDone, func(tk *task.Task) error { return tk.Complete(task.Completion{On: on}, actor) }},
		{"complete a skipped task", task.StateSkipped, task.StateDone, func(tk *task.Task) error { return tk.Complete(task.Completion{On: on}, actor) }},
		{"start twice", task.StateInProgress, task.StateInProgress, func(tk *task.Task) error { return tk.Start(task.Start{On: on}, actor) }},
		{"reopen a done task", task.StateDone, task.StateInProgress, func(tk *task.Task) error { return tk.Start(task.Start{On: on}, actor) }},
		{"block twice", task.StateBlocked, task.StateBlocked, func(tk *task.Task) error { return tk.Block(task.Blocking{On: on, Reason: "still waiting"}, actor) }},
		{"skip a done task", task.StateDone, task.StateSkipped, func(tk *task.Task) error { return tk.Skip(task.Skipping{On: on, Reason: "no longer needed"}, actor) }},
		{"skip twice", task.StateSkipped, task.StateSkipped, func(tk *task.Task) error { return tk.Skip(task.Skipping{On: on, Reason: "again"}, actor) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := taskIn(t, tt.from)
			before := tk.Clone()
			requireTransition(t, tt.call(tk), tt.from, tt.to)
			assert.Equal(t, before, *tk)
		})
	}
}

// TestCompleteTwice: a done task cannot be completed again, even with evidence attached
// (45 CFR 164.316(b)(1)(ii): the record of the action is made once).
func TestCompleteTwice(t *testing.T) {
	tk := newTask(t, riskAnalysis(), "t-1")
	require.NoError(t, tk.AddEvidence(evidence("report", triggeredOn)))
	require.NoError(t, tk.Complete(task.Completion{On: triggeredOn + 10}, actor))
	before := tk.Clone()

	err := tk.Complete(task.Completion{On: triggeredOn + 11}, "someone.else@example.org")
	requireTransition(t, err, task.StateDone, task.StateDone)
	assert.Equal(t, task.TransitionError{From: task.StateDone, To: task.StateDone}, *err.(*task.TransitionError))
	assert.EqualError(t, err, "task: cannot go from done to done: the task is closed")
	assert.Equal(t, before, tk)
	assert.Equal(t, triggeredOn+10, tk.CompletedOn, "the first completion stands")
}

func TestTransitionErrorMessage(t *testing.T) {
	tests := []struct {
		err  task.TransitionError
		want string
	}{
		{task.TransitionError{From: task.StateBlocked, To: task.StateDone}, "task: cannot go from blocked to done (allowed: [in_progress skipped])"},
		{task.TransitionError{From: task.StateSkipped, To: task.StateInProgress}, "task: cannot go from skipped to in_progress: the task is closed"},
		{task.TransitionError{From: "", To: task.StateInProgress}, `task: cannot go from "" to in_progress: not a task state`},
	}
	for _, tt := range tests {
		assert.EqualError(t, &tt.err, tt.want)
	}
	wrapped := fmt.Errorf("complete task t-1: %w", &task.TransitionError{From: task.StateDone, To: task.StateDone})
	assert.ErrorIs(t, wrapped, task.ErrTransition)
	assert.False(t, errors.Is(errors.New("other"), task.ErrTransition))
}

// TestZeroStateTask: a task whose state was never set is not in the lifecycle.
func TestZeroStateTask(t *testing.T) {
	tk := newTask(t, activityReview(), "t-1")
	tk.State = ""
	requireTransition(t, tk.Start(task.Start{On: triggeredOn}, actor), "", task.StateInProgress)
	assert.False(t, tk.Overdue(tk.DueOn+100))
}

// TestActionDateAndActor: every change is dated, signed, and not before the previous one,
// so the history reads in order (45 CFR 164.316(b)(1)(ii)).
func TestActionDateAndActor(t *testing.T) {
	started := func() *task.Task {
		tk := taskIn(t, task.StateOpen)
		require.NoError(t, tk.Start(task.Start{On: triggeredOn + 5}, actor))
		return tk
	}
	tests := []struct {
		name        string
		tk          func() *task.Task
		call        func(tk *task.Task) error
		field, rule string
	}{
		{"OKSameDayAsLastChange", started, func(tk *task.Task) error { return tk.Complete(task.Completion{On: triggeredOn + 5}, actor) }, "", ""},
		{"OKSameDayAsTrigger", func() *task.Task { return taskIn(t, task.StateOpen) }, func(tk *task.Task) error { return tk.Start(task.Start{On: triggeredOn}, actor) }, "", ""},
		{"ErrDateMissing", started, func(tk *task.Task) error { return tk.Complete(task.Completion{On: date.Zero}, actor) }, "on", "must be set"},
		{"ErrActorMissing", started, func(tk *task.Task) error { return tk.Complete(task.Completion{On: triggeredOn + 6}, "") }, "by", "must name who acted"},
		{"ErrActorBlank", started, func(tk *task.Task) error { return tk.Block(task.Blocking{On: triggeredOn + 6, Reason: "waiting"}, " ") }, "by", "must name who acted"},
		{"ErrBeforeLastChange", started, func(tk *task.Task) error { return tk.Complete(task.Completion{On: triggeredOn + 4}, actor) },
			"on", "2026-01-09 is before the task's last recorded change on 2026-01-10"},
		{"ErrBeforeTrigger", func() *task.Task { return taskIn(t, task.StateOpen) }, func(tk *task.Task) error { return tk.Start(task.Start{On: triggeredOn - 1}, actor) },
			"on", "2026-01-04 is before the task was triggered on 2026-01-05"},
		{"ErrBlockWithoutReason", started, func(tk *task.Task) error { return tk.Block(task.Blocking{On: triggeredOn + 6, Reason: " "}, actor) }, "reason", "must not be empty"},
		{"ErrSkipWithoutReason", started, func(tk *task.Task) error { return tk.Skip(task.Skipping{On: triggeredOn + 6, Reason: ""}, actor) }, "reason", "must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := tt.tk()
			before := tk.Clone()
			err := tt.call(tk)
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, *tk, "a refused move changes nothing")
		})
	}
}

// TestEvidenceRequired: a task whose template requires evidence cannot be completed until
// the documentation of the action is attached (45 CFR 164.316(b)(1)(ii)).
func TestEvidenceRequired(t *testing.T) {
	tests := []struct {
		name    string
		tpl     *task.Template
		attach  bool
		wantErr bool
	}{
		{"risk analysis without report (164.308(a)(1)(ii)(A), 164.316(b)(1)(ii))", riskAnalysis(), false, true},
		{"risk analysis with report", riskAnalysis(), true, false},
		{"training without attendance record (164.308(a)(5))", training(), false, true},
		{"activity review needs none (164.308(a)(1)(ii)(D))", activityReview(), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := newTask(t, tt.tpl, "t-1")
			require.NoError(t, tk.Start(task.Start{On: triggeredOn + 1}, actor))
			if tt.attach {
				require.NoError(t, tk.AddEvidence(evidence("report", triggeredOn+2)))
			}
			before := tk.Clone()
			err := tk.Complete(task.Completion{On: triggeredOn + 3}, actor)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, task.StateDone, tk.State)
				return
			}
			require.ErrorIs(t, err, task.ErrEvidenceRequired)
			requireInvalid(t, err, "evidence", "must be attached before the task is completed (45 CFR 164.316(b)(1)(ii))")
			assert.Equal(t, before, tk, "nothing changes")

			// Attaching the evidence unblocks completion.
			require.NoError(t, tk.AddEvidence(evidence("report", triggeredOn+3)))
			require.NoError(t, tk.Complete(task.Completion{On: triggeredOn + 3}, actor))
			require.NoError(t, tk.Validate())
		})
	}
	t.Run("a bad date is reported before missing evidence", func(t *testing.T) {
		tk := newTask(t, riskAnalysis(), "t-1")
		requireInvalid(t, tk.Complete(task.Completion{On: date.Zero}, actor), "on", "must be set")
	})
}

// TestAddEvidence: evidence names the document, where it is kept and its digest, so a
// later change to it is detectable (45 CFR 164.316(b)(1)(ii), 164.312(c)(1)).
func TestAddEvidence(t *testing.T) {
	on := triggeredOn + 1
	good := evidence("risk-analysis-2026", on)
	tests := []struct {
		name        string
		edit        func(e *task.Evidence)
		field, rule string
		taskOnly    bool // a rule of the task, not of the evidence alone
	}{
		{"OK", func(*task.Evidence) {}, "", "", false},
		{"OKOnTriggerDay", func(e *task.Evidence) { e.AddedOn = triggeredOn }, "", "", false},
		{"ErrNameEmpty", func(e *task.Evidence) { e.Name = "" }, "evidence.name", "must not be empty", false},
		{"ErrLocationEmpty", func(e *task.Evidence) { e.Location = " " }, "evidence.location", "must not be empty", false},
		{"ErrDigestEmpty", func(e *task.Evidence) { e.SHA256 = "" }, "evidence.sha256", `"" must be 64 lowercase hexadecimal digits`, false},
		{"ErrDigestUppercase", func(e *task.Evidence) { e.SHA256 = strings.ToUpper(e.SHA256) }, "evidence.sha256", "must be 64 lowercase hexadecimal digits", false},
		{"ErrDigestShort", func(e *task.Evidence) { e.SHA256 = e.SHA256[:63] }, "evidence.sha256", "must be 64 lowercase hexadecimal digits", false},
		{"ErrDigestLong", func(e *task.Evidence) { e.SHA256 += "0" }, "evidence.sha256", "must be 64 lowercase hexadecimal digits", false},
		{"ErrDigestNotHex", func(e *task.Evidence) { e.SHA256 = strings.Repeat("g", 64) }, "evidence.sha256", "must be 64 lowercase hexadecimal digits", false},
		{"ErrDateMissing", func(e *task.Evidence) { e.AddedOn = date.Zero }, "evidence.added_on", "must be set", false},
		{"ErrDateBeforeTrigger", func(e *task.Evidence) { e.AddedOn = triggeredOn - 1 }, "evidence.added_on", "is before the task was triggered on 2026-01-05", true},
		{"ErrWhoMissing", func(e *task.Evidence) { e.AddedBy = "" }, "evidence.added_by", "must name who added it", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := newTask(t, riskAnalysis(), "t-1")
			e := good
			tt.edit(&e)
			err := tk.AddEvidence(e)
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, []task.Evidence{e}, tk.Evidence)
				require.NoError(t, e.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			if tt.taskOnly {
				require.NoError(t, e.Validate())
			} else {
				requireInvalid(t, e.Validate(), tt.field, "")
			}
			assert.Empty(t, tk.Evidence)
		})
	}
	t.Run("ErrBeforeLastChange", func(t *testing.T) {
		tk := newTask(t, riskAnalysis(), "t-1")
		require.NoError(t, tk.Start(task.Start{On: triggeredOn + 5}, actor))
		requireInvalid(t, tk.AddEvidence(evidence("x", triggeredOn+4)), "evidence.added_on", "is before the task's last recorded change on 2026-01-10")
	})
	t.Run("ErrSameDocumentTwice", func(t *testing.T) {
		tk := newTask(t, riskAnalysis(), "t-1")
		require.NoError(t, tk.AddEvidence(good))
		again := good
		again.Name = "copy"
		requireInvalid(t, tk.AddEvidence(again), "evidence.sha256", `is already attached as "risk-analysis-2026"`)
		require.NoError(t, tk.AddEvidence(evidence("another document", on)))
		assert.Len(t, tk.Evidence, 2)
	})
	for _, s := range []task.State{task.StateDone, task.StateSkipped} {
		t.Run("ErrClosed "+string(s), func(t *testing.T) {
			tk := taskIn(t, s)
			before := tk.Clone()
			requireInvalid(t, tk.AddEvidence(evidence("late", lastOn(tk))), "state", "evidence cannot be added to a closed task")
			assert.Equal(t, before, *tk)
		})
	}
	for _, s := range task.OpenStates() {
		t.Run("OK "+string(s), func(t *testing.T) {
			tk := taskIn(t, s)
			require.NoError(t, tk.AddEvidence(evidence("log export", lastOn(tk))))
		})
	}
}

func TestCheckItem(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		tk := newTask(t, riskAnalysis(), "t-1")
		shallow := tk // a shallow copy must not see the change
		require.NoError(t, tk.CheckItem(task.Check{Item: 1, On: triggeredOn + 2}, actor))
		assert.Equal(t, task.ChecklistItem{Text: "Identify threats and vulnerabilities", Done: true, DoneOn: triggeredOn + 2, DoneBy: actor}, tk.Checklist[1])
		assert.False(t, tk.Checklist[0].Done)
		assert.False(t, shallow.Checklist[1].Done)
		require.NoError(t, tk.Validate())
		assert.Equal(t, task.StateOpen, tk.State, "ticking an item is not a state change")
		assert.Empty(t, tk.History)
	})
	tests := []struct {
		name        string
		state       task.State
		i           int
		on          date.Date
		by          string
		field, rule string
	}{
		{"ErrIndexNegative", task.StateOpen, -1, triggeredOn, actor, "item", "-1 does not exist: the checklist has 2 items"},
		{"ErrIndexPastEnd", task.StateInProgress, 2, triggeredOn + 5, actor, "item", "2 does not exist"},
		{"ErrDateMissing", task.StateOpen, 0, date.Zero, actor, "on", "must be set"},
		{"ErrBeforeLastChange", task.StateInProgress, 0, triggeredOn, actor, "on", "is before the task's last recorded change"},
		{"ErrActorMissing", task.StateBlocked, 0, triggeredOn + 10, "", "by", "must name who acted"},
		{"ErrDone", task.StateDone, 0, triggeredOn + 10, actor, "state", "is done: the checklist of a closed task cannot change"},
		{"ErrSkipped", task.StateSkipped, 0, triggeredOn + 10, actor, "state", "is skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := taskIn(t, tt.state)
			before := tk.Clone()
			requireInvalid(t, tk.CheckItem(task.Check{Item: tt.i, On: tt.on}, tt.by), tt.field, tt.rule)
			assert.Equal(t, before, *tk)
		})
	}
	t.Run("ErrTwice", func(t *testing.T) {
		tk := taskIn(t, task.StateOpen)
		require.NoError(t, tk.CheckItem(task.Check{Item: 0, On: triggeredOn}, actor))
		requireInvalid(t, tk.CheckItem(task.Check{Item: 0, On: triggeredOn + 1}, "other"), "item", "0 is already done (on 2026-01-05 by "+actor+")")
	})
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name        string
		a           task.Assignee
		field, rule string
	}{
		{"OKPerson", task.Assignee{Person: "u-9"}, "", ""},
		{"OKRole (164.308(a)(2) security official)", task.Assignee{Role: task.RoleSecurityOfficer}, "", ""},
		{"OKCustomRole", task.Assignee{Role: "dosimetrist"}, "", ""},
		{"ErrNobody", task.Assignee{}, "assignee", "must name a person or a role"},
		{"ErrBoth", task.Assignee{Person: "u-9", Role: task.RolePhysicist}, "assignee", "not both"},
		{"ErrRoleMalformed", task.Assignee{Role: "IT Manager"}, "assignee.role", `"IT Manager" must be lower_snake_case`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := taskIn(t, task.StateInProgress)
			before := tk.Clone()
			err := tk.Assign(tt.a)
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.a, tk.Assignee)
				assert.Equal(t, before.History, tk.History)
				require.NoError(t, tk.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, *tk)
		})
	}
	t.Run("ErrClosed", func(t *testing.T) {
		tk := taskIn(t, task.StateDone)
		requireInvalid(t, tk.Assign(task.Assignee{Person: "u-9"}), "state", "a closed task cannot be reassigned")
	})
}

// TestOverdue: a task is overdue from the day after its due date while it is not closed.
func TestOverdue(t *testing.T) {
	due := triggeredOn + 7
	tests := []struct {
		state task.State
		asOf  date.Date
		want  bool
	}{
		{task.StateOpen, due - 1, false},
		{task.StateOpen, due, false},
		{task.StateOpen, due + 1, true},
		{task.StateInProgress, due + 1, true},
		{task.StateBlocked, due + 30, true},
		{task.StateDone, due + 30, false},
		{task.StateSkipped, due + 30, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s as of %s", tt.state, tt.asOf), func(t *testing.T) {
			tk := taskIn(t, tt.state)
			require.Equal(t, due, tk.DueOn)
			assert.Equal(t, tt.want, tk.Overdue(tt.asOf))
		})
	}
	t.Run("no due date", func(t *testing.T) {
		tk := taskIn(t, task.StateOpen)
		tk.DueOn = date.Zero
		assert.False(t, tk.Overdue(due))
	})
}

func TestClosedOn(t *testing.T) {
	for _, s := range task.OpenStates() {
		assert.Equal(t, date.Zero, taskIn(t, s).ClosedOn(), "%s", s)
	}
	done := taskIn(t, task.StateDone)
	assert.Equal(t, done.CompletedOn, done.ClosedOn())
	skipped := taskIn(t, task.StateSkipped)
	assert.Equal(t, skipped.History[len(skipped.History)-1].On, skipped.ClosedOn())
}

// fullTask returns a done risk analysis with every optional field set.
func fullTask(t *testing.T) task.Task {
	t.Helper()
	tk, err := task.New(riskAnalysis(), task.NewParams{
		ID: "t-1", TriggeredOn: triggeredOn, Trigger: "org.created", Site: "radiation-vault",
		Subject: task.Subject{Type: "system", ID: "tps"}, Assignee: task.Assignee{Person: "u-1"},
	})
	require.NoError(t, err)
	require.NoError(t, tk.Block(task.Blocking{On: triggeredOn + 1, Reason: "waiting for the asset inventory"}, actor))
	require.NoError(t, tk.Start(task.Start{On: triggeredOn + 3}, actor))
	require.NoError(t, tk.CheckItem(task.Check{Item: 0, On: triggeredOn + 4}, actor))
	require.NoError(t, tk.AddEvidence(evidence("risk-analysis-2026", triggeredOn+5)))
	require.NoError(t, tk.Complete(task.Completion{On: triggeredOn + 6}, actor))
	_, ok, err := tk.Next(riskAnalysis(), "t-2")
	require.NoError(t, err)
	require.True(t, ok)
	tk.Version = 7
	tk.CreatedAt = time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	tk.UpdatedAt = time.Date(2026, time.January, 11, 17, 30, 0, 0, time.UTC)
	return tk
}

func TestTaskClone(t *testing.T) {
	tk := fullTask(t)
	c := tk.Clone()
	require.Equal(t, tk, c)

	c.Checklist[0].Done = false
	c.Evidence[0].Name = "changed"
	c.History[0].Note = "changed"
	c.Recurrence.Every = 9
	c.Checklist = append(c.Checklist, task.ChecklistItem{Text: "added"})
	c.Evidence = append(c.Evidence, evidence("added", triggeredOn+9))
	c.History = append(c.History, task.Change{})

	assert.Equal(t, fullTask(t), tk, "the original is untouched")

	var empty task.Task
	ce := empty.Clone()
	assert.Nil(t, ce.Checklist)
	assert.Nil(t, ce.Evidence)
	assert.Nil(t, ce.History)
	assert.Nil(t, ce.Recurrence)
}

func TestTaskJSON(t *testing.T) {
	tk := fullTask(t)
	b, err := json.Marshal(tk)
	require.NoError(t, err)
	d := digest("risk-analysis-2026")
	assert.JSONEq(t, `{
		"id": "t-1", "template_id": "risk-analysis", "template_version": 3,
		"title": "Annual security risk analysis",
		"instructions": "Assess the risks to the confidentiality, integrity and availability of ePHI.",
		"citation": "45 CFR 164.308(a)(1)(ii)(A)",
		"checklist": [
			{"text": "Inventory systems that hold ePHI (EHR, record-and-verify, PACS)", "done": true, "done_on": "2026-01-09", "done_by": "`+actor+`"},
			{"text": "Identify threats and vulnerabilities", "done": false},
			{"text": "Rate likelihood and impact; update the risk register", "done": false}
		],
		"evidence_required": true,
		"recurrence": {"every": 1, "unit": "year", "anchor": "calendar"},
		"series": "t-1", "series_start": "2026-02-04", "occurrence": 1,
		"subject": {"type": "system", "id": "tps"},
		"trigger": "org.created", "triggered_on": "2026-01-05", "due_on": "2026-02-04",
		"assignee": {"person": "u-1"},
		"site": "radiation-vault",
		"state": "done",
		"evidence": [{"name": "risk-analysis-2026", "location": "dms://compliance/risk-analysis-2026.pdf", "sha256": "`+d+`", "added_on": "2026-01-10", "added_by": "`+actor+`"}],
		"completed_on": "2026-01-11", "completed_by": "`+actor+`",
		"next_id": "t-2",
		"history": [
			{"from": "open", "to": "blocked", "on": "2026-01-06", "by": "`+actor+`", "note": "waiting for the asset inventory"},
			{"from": "blocked", "to": "in_progress", "on": "2026-01-08", "by": "`+actor+`"},
			{"from": "in_progress", "to": "done", "on": "2026-01-11", "by": "`+actor+`"}
		],
		"version": 7,
		"created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-11T17:30:00Z"
	}`, string(b))

	var back task.Task
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, tk, back)
	require.NoError(t, back.Validate())

	t.Run("a new organization-wide task omits what is unset, never a list", func(t *testing.T) {
		tk := newTask(t, baaRequest(), "t-9")
		tk.Site = ""
		b, err := json.Marshal(tk)
		require.NoError(t, err)
		for _, absent := range []string{"subject", "site", "completed_on", "next_id", "recurrence", "blocked_reason"} {
			assert.NotContains(t, string(b), `"`+absent+`"`)
		}
		for _, list := range []string{"checklist", "evidence", "history"} {
			assert.Contains(t, string(b), `"`+list+`"`, "lists are not omitted")
		}
		var back task.Task
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tk, back)
	})

	unknown := []struct {
		name, from, to, field, rule string
	}{
		{"state", `"state": "done"`, `"state": "closed"`, "state", `"closed" is not one of`},
		{"history state", `"from": "blocked"`, `"from": "paused"`, "state", `"paused" is not one of`},
		{"unit", `"unit": "year"`, `"unit": "yearly"`, "recurrence.unit", `"yearly" is not one of`},
		{"anchor", `"anchor": "calendar"`, `"anchor": "fixed"`, "recurrence.anchor", `"fixed" is not one of`},
		{"role", `"person": "u-1"`, `"role": "Privacy Officer"`, "role", `"Privacy Officer" must be lower_snake_case`},
	}
	indented, err := json.MarshalIndent(tk, "", " ")
	require.NoError(t, err)
	for _, tt := range unknown {
		t.Run("ErrUnknown "+tt.name, func(t *testing.T) {
			require.Contains(t, string(indented), tt.from)
			bad := strings.Replace(string(indented), tt.from, tt.to, 1)
			var back task.Task
			requireInvalid(t, json.Unmarshal([]byte(bad), &back), tt.field, tt.rule)
		})
	}
	t.Run("ErrMarshalUnknownState", func(t *testing.T) {
		tk := fullTask(t)
		tk.State = "closed"
		_, err := json.Marshal(tk)
		requireInvalid(t, err, "state", `"closed" is not one of`)
	})
}
