package task_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
)

func TestUnit(t *testing.T) {
	enumtest.Check(t, "task", "recurrence.unit", []string{"day", "week", "month", "year"}, task.UnitValues())
}

func TestAnchor(t *testing.T) {
	enumtest.Check(t, "task", "recurrence.anchor", []string{"calendar", "completion"}, task.AnchorValues())
}

func TestState(t *testing.T) {
	enumtest.Check(t, "task", "state", []string{"open", "in_progress", "blocked", "done", "skipped"}, task.StateValues())

	got := task.StateValues()
	got[0] = "mutated"
	assert.Equal(t, task.StateOpen, task.StateValues()[0], "StateValues must return a copy")
}

func TestStateClosedAndOpenStates(t *testing.T) {
	open := []task.State{task.StateOpen, task.StateInProgress, task.StateBlocked}
	assert.Equal(t, open, task.OpenStates())
	for _, s := range append(task.StateValues(), "", "bogus") {
		want := s == task.StateDone || s == task.StateSkipped
		assert.Equal(t, want, s.Closed(), "%q.Closed()", s)
		if s.Valid() {
			assert.Equal(t, !want, slices.Contains(task.OpenStates(), s), "%q in OpenStates", s)
		}
	}
	o := task.OpenStates()
	o[0] = task.StateDone
	assert.Equal(t, task.StateOpen, task.OpenStates()[0], "OpenStates must return a copy")
}

// wantTransitions is the task lifecycle, written out independently of the package.
var wantTransitions = map[task.State][]task.State{
	task.StateOpen:       {task.StateInProgress, task.StateBlocked, task.StateDone, task.StateSkipped},
	task.StateInProgress: {task.StateBlocked, task.StateDone, task.StateSkipped},
	task.StateBlocked:    {task.StateInProgress, task.StateSkipped},
	task.StateDone:       {},
	task.StateSkipped:    {},
}

// TestCanTransition checks every ordered pair of states, and that NextStates agrees.
func TestCanTransition(t *testing.T) {
	states := task.StateValues()
	require.Len(t, wantTransitions, len(states), "every state has a row")
	for _, from := range states {
		next := task.NextStates(from)
		assert.ElementsMatch(t, wantTransitions[from], next, "NextStates(%s)", from)
		for _, to := range states {
			assert.Equal(t, slices.Contains(wantTransitions[from], to), task.CanTransition(from, to), "CanTransition(%s, %s)", from, to)
		}
		assert.False(t, task.CanTransition(from, task.StateOpen), "nothing goes back to open: %s", from)
	}
	assert.False(t, task.CanTransition("bogus", task.StateDone))
	assert.False(t, task.CanTransition(task.StateOpen, "bogus"))
	assert.Empty(t, task.NextStates("bogus"))

	n := task.NextStates(task.StateOpen)
	n[0] = task.StateOpen
	assert.True(t, task.CanTransition(task.StateOpen, task.StateInProgress), "NextStates must return a copy")
}

func TestRoleValid(t *testing.T) {
	known := []task.Role{
		task.RolePrivacyOfficer, task.RoleSecurityOfficer, task.RolePracticeAdministrator,
		task.RolePhysicist, task.RoleITManager, task.RoleResearchCoordinator, task.RoleManager,
	}
	assert.Equal(t, []string{
		"privacy_officer", "security_officer", "practice_administrator", "physicist",
		"it_manager", "research_coordinator", "manager",
	}, func() []string {
		var out []string
		for _, r := range known {
			out = append(out, string(r))
		}
		return out
	}(), "wire values are stored")

	tests := []struct {
		role task.Role
		want bool
	}{
		{"dosimetrist", true},
		{"charge_nurse_2", true},
		{"a", true},
		{task.Role(strings.Repeat("a", 64)), true},
		{task.Role(strings.Repeat("a", 65)), false},
		{"", false},
		{"Privacy_Officer", false},
		{"privacy officer", false},
		{"privacy-officer", false},
		{"_privacy", false},
		{"privacy_", false},
		{"privacy__officer", false},
		{"2nd_shift", false},
		{"médico", false},
	}
	for _, r := range known {
		tests = append(tests, struct {
			role task.Role
			want bool
		}{r, true})
	}
	for _, tt := range tests {
		t.Run(string(tt.role), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.role.Valid())
			b, err := tt.role.MarshalText()
			var back task.Role = "unchanged"
			uerr := back.UnmarshalText([]byte(tt.role))
			if tt.want {
				require.NoError(t, err)
				assert.Equal(t, string(tt.role), string(b))
				require.NoError(t, uerr)
				assert.Equal(t, tt.role, back)
				return
			}
			requireInvalid(t, err, "role", "must be lower_snake_case")
			requireInvalid(t, uerr, "role", "must be lower_snake_case")
			assert.Equal(t, task.Role("unchanged"), back)
		})
	}
}

// An assignee's role travels as text in JSON and is checked both ways.
func TestRoleJSON(t *testing.T) {
	b, err := json.Marshal(task.Assignee{Role: task.RolePhysicist})
	require.NoError(t, err)
	assert.JSONEq(t, `{"role":"physicist"}`, string(b))

	b, err = json.Marshal(task.Assignee{Person: "u-7"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"person":"u-7"}`, string(b), "an empty role is omitted")

	_, err = json.Marshal(task.Assignee{Role: "Physicist"})
	requireInvalid(t, err, "role", `"Physicist" must be lower_snake_case`)

	var a task.Assignee
	requireInvalid(t, json.Unmarshal([]byte(`{"role":"Chief Physicist"}`), &a), "role", "must be lower_snake_case")
}
