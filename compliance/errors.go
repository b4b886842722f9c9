package compliance

import (
	"context"
	"errors"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// ErrorCode classifies an error the library returns, so that an embedder maps every error
// to its response (an HTTP status, a gRPC code) in one switch, the way Go CDK's
// gcerrors.Code does. [Code] computes it.
type ErrorCode string

// The error codes.
const (
	// OK: no error.
	OK ErrorCode = "ok"
	// InvalidInput: the input broke a rule; a [*validation.Error] names the field
	// (HTTP 400 or 422).
	InvalidInput ErrorCode = "invalid_input"
	// NotFound: no such record in this organization, or no such template
	// ([storage.ErrNotFound], [ErrUnknownTemplate]) (HTTP 404).
	NotFound ErrorCode = "not_found"
	// Conflict: the record changed since the caller read it, or one with that id or
	// name exists ([storage.ErrConflict], [storage.ErrExists]) (HTTP 409).
	Conflict ErrorCode = "conflict"
	// Forbidden: no actor, or the authorizer refused ([ErrNoActor], [ErrForbidden])
	// (HTTP 403).
	Forbidden ErrorCode = "forbidden"
	// FailedPrecondition: the record is not in a state that allows the change: an
	// illegal move of a BAA, task, trial or risk (their TransitionError types), a BAA
	// change its state does not allow ([vendors.StateError]: certifying the PHI
	// disposition of an agreement not terminated, a follow-up on one not pending), a
	// frozen analysis ([riskreg.ErrFrozen]), missing evidence
	// ([task.ErrEvidenceRequired]), a closed incident file ([incident.ErrClosed]), an
	// incident closed while a notice is pending ([incident.ErrPending]), a notice of an
	// obligation not pending ([incident.ErrNotPending]), a BAA move on a vendor that is
	// not a business associate ([vendors.ErrNotBusinessAssociate]) (HTTP 409 or 422).
	FailedPrecondition ErrorCode = "failed_precondition"
	// Unavailable: the storage failed or could not be reached, the store is closed, or
	// the context ended ([storage.ErrUnavailable], [storage.ErrClosed],
	// context.Canceled, context.DeadlineExceeded); nothing was changed and the call
	// may be tried again (HTTP 503).
	Unavailable ErrorCode = "unavailable"
	// Internal: anything else, such as a broken audit chain ([*audit.VerifyError]) or a
	// misuse of a storage transaction (HTTP 500).
	Internal ErrorCode = "internal"
)

// Code classifies err (nil: [OK]). The classification follows the error's chain, so a
// wrapped error keeps its code. When a chain holds several (errors.Join of two
// problems), the first of forbidden, failed precondition, invalid input, not found,
// conflict and unavailable that matches wins.
func Code(err error) ErrorCode {
	var verify *audit.VerifyError
	switch {
	case err == nil:
		return OK
	case errors.As(err, &verify):
		return Internal
	case errors.Is(err, ErrNoActor), errors.Is(err, ErrForbidden):
		return Forbidden
	case isPrecondition(err):
		return FailedPrecondition
	case errors.Is(err, validation.ErrInvalid), errors.Is(err, ErrBadOptions):
		return InvalidInput
	case errors.Is(err, storage.ErrNotFound), errors.Is(err, ErrUnknownTemplate):
		return NotFound
	case errors.Is(err, storage.ErrConflict), errors.Is(err, storage.ErrExists):
		return Conflict
	case errors.Is(err, storage.ErrUnavailable), errors.Is(err, storage.ErrClosed),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return Unavailable
	}
	return Internal
}

func isPrecondition(err error) bool {
	for _, target := range []error{vendors.ErrTransition, vendors.ErrState, vendors.ErrNotBusinessAssociate,
		task.ErrTransition, task.ErrEvidenceRequired, trials.ErrTransition,
		riskreg.ErrTransition, riskreg.ErrFrozen, incident.ErrClosed, incident.ErrPending, incident.ErrNotPending} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
