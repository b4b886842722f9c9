package task

import (
	"errors"
	"fmt"

	"github.com/hipaaops/hipaaops/validation"
)

// ErrTransition matches every [*TransitionError] with [errors.Is]. compliance.Code sorts
// it as failed_precondition.
var ErrTransition = errors.New("task: transition not allowed")

// ErrEvidenceRequired is returned by [Task.Complete] when the task requires evidence and
// none is attached: the action must be documented (45 CFR 164.316(b)(1)(ii)).
// It is a [*validation.Error] on field "evidence", so it also matches
// [validation.ErrInvalid] and [errors.As]; compliance.Code sorts it as
// failed_precondition (the input is fine, the task is not ready to complete).
var ErrEvidenceRequired error = &validation.Error{
	Pkg: pkg, Field: "evidence",
	Rule: "must be attached before the task is completed (45 CFR 164.316(b)(1)(ii))",
}

// ErrTemplateDisabled is returned by [New] for a disabled template. It is a
// [*validation.Error] on field "template", so it also matches [validation.ErrInvalid]
// (compliance.Code: invalid_input).
var ErrTemplateDisabled error = &validation.Error{
	Pkg: pkg, Field: "template", Rule: "is disabled: it creates no tasks",
}

// TransitionError is returned for a state change the task lifecycle does not allow, such
// as completing a task that is already done. The task is left unchanged. Its code in
// compliance.Code is failed_precondition.
type TransitionError struct {
	From, To State
}

// Error names both states and the states allowed from From.
func (e *TransitionError) Error() string {
	if next := transitions[e.From]; len(next) > 0 {
		return fmt.Sprintf("task: cannot go from %s to %s (allowed: %v)", e.From, e.To, next)
	}
	if e.From.Closed() {
		return fmt.Sprintf("task: cannot go from %s to %s: the task is closed", e.From, e.To)
	}
	return fmt.Sprintf("task: cannot go from %q to %s: not a task state", e.From, e.To)
}

// Is reports whether target is [ErrTransition].
func (e *TransitionError) Is(target error) bool { return target == ErrTransition }
