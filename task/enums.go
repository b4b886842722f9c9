package task

import (
	"slices"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

const pkg = "task"

// Role is a job in the practice that tasks are assigned to, such as "privacy_officer".
// The set is open: a practice may add its own roles, written in lower_snake_case.
type Role string

// Roles the standard templates use. The HIPAA rules name two of them: a security official
// (45 CFR 164.308(a)(2)) and a privacy official (45 CFR 164.530(a)(1)).
const (
	RolePrivacyOfficer        Role = "privacy_officer"
	RoleSecurityOfficer       Role = "security_officer"
	RolePracticeAdministrator Role = "practice_administrator"
	RolePhysicist             Role = "physicist"
	RoleITManager             Role = "it_manager"
	RoleResearchCoordinator   Role = "research_coordinator"
	RoleManager               Role = "manager"
)

const (
	maxRoleLen = 64
	roleRule   = "%q must be lower_snake_case: a-z, 0-9 and single underscores, starting with a letter, at most 64 bytes"
)

// Valid reports whether r is non-empty lower_snake_case: lowercase letters, digits and
// single underscores between them, starting with a letter, at most 64 bytes.
func (r Role) Valid() bool {
	if len(r) == 0 || len(r) > maxRoleLen || r[0] < 'a' || r[0] > 'z' || r[len(r)-1] == '_' {
		return false
	}
	for i := 0; i < len(r); i++ {
		switch c := r[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '_' && r[i-1] != '_':
		default:
			return false
		}
	}
	return true
}

// MarshalText implements [encoding.TextMarshaler]; a role that is not lower_snake_case
// is an error.
func (r Role) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, validation.New(pkg, "role", roleRule, string(r))
	}
	return []byte(r), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; a role that is not
// lower_snake_case is an error and leaves r unchanged.
func (r *Role) UnmarshalText(b []byte) error {
	v := Role(b)
	if !v.Valid() {
		return validation.New(pkg, "role", roleRule, string(v))
	}
	*r = v
	return nil
}

// checkRole reports an invalid role on field.
func checkRole(c *validation.Collector, field string, r Role) {
	c.Check(r.Valid(), field, roleRule, string(r))
}

// Unit is the unit of a [Recurrence] interval.
type Unit string

// Recurrence units. A month is a calendar month and a year is 12 months, both with the
// month-end rule described in the package documentation.
const (
	UnitDay   Unit = "day"
	UnitWeek  Unit = "week"
	UnitMonth Unit = "month"
	UnitYear  Unit = "year"
)

var unitValues = []Unit{UnitDay, UnitWeek, UnitMonth, UnitYear}

// UnitValues returns every known Unit.
func UnitValues() []Unit { return slices.Clone(unitValues) }

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool { return enum.Valid(unitValues, u) }

// MarshalText implements [encoding.TextMarshaler]; an unknown unit is an error.
func (u Unit) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "recurrence.unit", unitValues, u)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown unit is an error.
func (u *Unit) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "recurrence.unit", unitValues, b, u)
}

// Anchor says what the next due date of a recurring task is counted from.
type Anchor string

// Recurrence anchors.
const (
	// AnchorCalendar keeps a fixed calendar: the next occurrence is due one interval after
	// the previous DUE date, however late the previous one was completed. Occurrences are
	// counted from the series start ([Recurrence.NextFrom]), so month ends do not drift.
	// Suits obligations with a fixed cycle, such as the annual risk analysis
	// (45 CFR 164.308(a)(1)(ii)(A)).
	AnchorCalendar Anchor = "calendar"
	// AnchorCompletion counts from the day the previous occurrence was completed (or
	// skipped): a late completion moves the schedule. Suits "within N months of the last
	// one", such as refresher training (45 CFR 164.308(a)(5)).
	AnchorCompletion Anchor = "completion"
)

var anchorValues = []Anchor{AnchorCalendar, AnchorCompletion}

// AnchorValues returns every known Anchor.
func AnchorValues() []Anchor { return slices.Clone(anchorValues) }

// Valid reports whether a is a known anchor.
func (a Anchor) Valid() bool { return enum.Valid(anchorValues, a) }

// MarshalText implements [encoding.TextMarshaler]; an unknown anchor is an error.
func (a Anchor) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "recurrence.anchor", anchorValues, a)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown anchor is an error.
func (a *Anchor) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "recurrence.anchor", anchorValues, b, a)
}

// State is where a task stands.
//
//	open → in_progress | blocked | done | skipped
//	in_progress → blocked | done | skipped
//	blocked → in_progress | skipped
//
// done and skipped are closed: nothing leaves them. A blocked task is started again
// before it is completed.
type State string

// Task states.
const (
	StateOpen       State = "open"
	StateInProgress State = "in_progress"
	StateBlocked    State = "blocked"
	StateDone       State = "done"
	StateSkipped    State = "skipped"
)

var stateValues = []State{StateOpen, StateInProgress, StateBlocked, StateDone, StateSkipped}

// StateValues returns every known State, open states first.
func StateValues() []State { return slices.Clone(stateValues) }

// OpenStates returns the states of a task that still needs work: open, in_progress and
// blocked.
func OpenStates() []State { return []State{StateOpen, StateInProgress, StateBlocked} }

// Valid reports whether s is a known state.
func (s State) Valid() bool { return enum.Valid(stateValues, s) }

// Closed reports whether s is done or skipped.
func (s State) Closed() bool { return s == StateDone || s == StateSkipped }

// MarshalText implements [encoding.TextMarshaler]; an unknown state is an error.
func (s State) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "state", stateValues, s) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown state is an error.
func (s *State) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "state", stateValues, b, s)
}

var transitions = map[State][]State{
	StateOpen:       {StateInProgress, StateBlocked, StateDone, StateSkipped},
	StateInProgress: {StateBlocked, StateDone, StateSkipped},
	StateBlocked:    {StateInProgress, StateSkipped},
	StateDone:       nil,
	StateSkipped:    nil,
}

// CanTransition reports whether a task may go from one state to another.
func CanTransition(from, to State) bool { return slices.Contains(transitions[from], to) }

// NextStates returns the states reachable from s in one transition.
func NextStates(s State) []State { return slices.Clone(transitions[s]) }
