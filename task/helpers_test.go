package task_test

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// actor is who performs every step in these tests.
const actor = "security.officer@example.org"

// day is date.New, shorter to read in tables.
func day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// digest is the SHA-256 of s in lowercase hex, as evidence records it.
func digest(s string) string { return fmt.Sprintf("%x", sha256.Sum256([]byte(s))) }

// evidence returns a valid piece of evidence added on a day.
func evidence(name string, on date.Date) task.Evidence {
	return task.Evidence{
		Name: name, Location: "dms://compliance/" + name + ".pdf", SHA256: digest(name),
		AddedOn: on, AddedBy: actor,
	}
}

// riskAnalysis is the annual security risk analysis (45 CFR 164.308(a)(1)(ii)(A)): a fixed
// yearly calendar, evidence required (45 CFR 164.316(b)(1)(ii)).
func riskAnalysis() *task.Template {
	return &task.Template{
		ID: "risk-analysis", Version: 3,
		Title:        "Annual security risk analysis",
		Instructions: "Assess the risks to the confidentiality, integrity and availability of ePHI.",
		Checklist: []string{
			"Inventory systems that hold ePHI (EHR, record-and-verify, PACS)",
			"Identify threats and vulnerabilities",
			"Rate likelihood and impact; update the risk register",
		},
		Citation:         "45 CFR 164.308(a)(1)(ii)(A)",
		DefaultRole:      task.RoleSecurityOfficer,
		EvidenceRequired: true,
		DueOffsetDays:    30,
		Recurrence:       &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar},
	}
}

// training is security awareness training (45 CFR 164.308(a)(5)(i)), repeated a year after
// the last session: anchored on completion.
func training() *task.Template {
	return &task.Template{
		ID: "security-training", Version: 1,
		Title:            "Security awareness training",
		Checklist:        []string{"Phishing module", "Password and device module"},
		Citation:         "45 CFR 164.308(a)(5)(i)",
		DefaultRole:      task.RolePracticeAdministrator,
		EvidenceRequired: true,
		DueOffsetDays:    14,
		Recurrence:       &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCompletion},
	}
}

// activityReview is the monthly information system activity review
// (45 CFR 164.308(a)(1)(ii)(D)); no evidence is required to close it.
func activityReview() *task.Template {
	return &task.Template{
		ID: "activity-review", Version: 1,
		Title:         "Review audit logs of the record-and-verify system",
		Checklist:     []string{"Pull the access report", "Follow up unusual access"},
		Citation:      "45 CFR 164.308(a)(1)(ii)(D)",
		DefaultRole:   task.RoleITManager,
		DueOffsetDays: 7,
		Recurrence:    &task.Recurrence{Every: 1, Unit: task.UnitMonth, Anchor: task.AnchorCalendar},
	}
}

// baaRequest is a one-off task: obtain a BAA from a new business associate
// (45 CFR 164.502(e), 164.504(e)).
func baaRequest() *task.Template {
	return &task.Template{
		ID: "baa-request", Version: 2,
		Title:         "Obtain a business associate agreement",
		Citation:      "45 CFR 164.502(e)(1), 164.504(e)",
		DefaultRole:   task.RolePrivacyOfficer,
		DueOffsetDays: 14,
	}
}

// triggeredOn is when the tasks built by newTask are triggered.
var triggeredOn = day(2026, time.January, 5)

// newTask creates a task from tpl, triggered on triggeredOn, failing the test on error.
func newTask(t *testing.T, tpl *task.Template, id task.ID) task.Task {
	t.Helper()
	tk, err := task.New(tpl, task.NewParams{ID: id, TriggeredOn: triggeredOn, Trigger: "org.created", Site: "main"})
	require.NoError(t, err)
	return tk
}

// lastOn is the date of the task's last change, or its trigger date.
func lastOn(tk *task.Task) date.Date {
	if n := len(tk.History); n > 0 {
		return tk.History[n-1].On
	}
	return tk.TriggeredOn
}

// apply moves tk to state to with the method for it, the day after its last change, and
// returns the day used.
func apply(tk *task.Task, to task.State) (date.Date, error) {
	on := lastOn(tk) + 1
	switch to {
	case task.StateInProgress:
		return on, tk.Start(task.Start{On: on}, actor)
	case task.StateBlocked:
		return on, tk.Block(task.Blocking{On: on, Reason: "waiting for the vendor's audit log export"}, actor)
	case task.StateSkipped:
		return on, tk.Skip(task.Skipping{On: on, Reason: "system retired this month"}, actor)
	case task.StateDone:
		return on, tk.Complete(task.Completion{On: on}, actor)
	}
	panic(fmt.Sprintf("apply: no method moves a task to %q", to))
}

// paths are the method sequences that bring a new task to each state.
var paths = map[task.State][]task.State{
	task.StateOpen:       nil,
	task.StateInProgress: {task.StateInProgress},
	task.StateBlocked:    {task.StateInProgress, task.StateBlocked},
	task.StateDone:       {task.StateInProgress, task.StateDone},
	task.StateSkipped:    {task.StateBlocked, task.StateSkipped},
}

// taskIn returns a valid monthly activity-review task (no evidence required) in state s,
// reached through the methods.
func taskIn(t *testing.T, s task.State) *task.Task {
	t.Helper()
	tk := newTask(t, activityReview(), "t-1")
	path, ok := paths[s]
	require.True(t, ok, "taskIn: no path to %q", s)
	for _, to := range path {
		_, err := apply(&tk, to)
		require.NoError(t, err)
	}
	require.Equal(t, s, tk.State)
	require.NoError(t, tk.Validate())
	return &tk
}

// requireInvalid asserts that err holds exactly one *validation.Error, from package task,
// on field, whose rule contains rule.
func requireInvalid(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.NotErrorIs(t, err, task.ErrTransition)
	enumtest.RequireInvalid(t, err, "task", field, rule)
}

// requireTransition asserts that err is a *task.TransitionError from one state to another.
func requireTransition(t *testing.T, err error, from, to task.State) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, task.ErrTransition)
	require.NotErrorIs(t, err, validation.ErrInvalid)
	var terr *task.TransitionError
	require.ErrorAs(t, err, &terr)
	assert.Equal(t, from, terr.From)
	assert.Equal(t, to, terr.To)
	assert.Contains(t, err.Error(), string(from))
	assert.Contains(t, err.Error(), string(to))
}

// fields lists the field of every validation problem in err, in order.
func fields(err error) []string {
	var out []string
	for _, e := range validation.All(err) {
		out = append(out, e.Field)
	}
	return out
}
