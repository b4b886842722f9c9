package trials

import (
	"errors"
	"fmt"
	"slices"

	"github.com/hipaaops/hipaaops/internal/enum"
)

// Status is where a trial stands at the practice.
//
//	opening → enrolling → closed
//	opening → closed
type Status string

// Trial statuses.
const (
	// StatusOpening: the trial is being set up (contracts, IRB approval, site activation);
	// no participant is enrolled yet.
	StatusOpening Status = "opening"
	// StatusEnrolling: the trial enrolls participants, so PHI is used for the research.
	StatusEnrolling Status = "enrolling"
	// StatusClosed: the trial is closed at the practice, enrolled or not.
	StatusClosed Status = "closed"
)

var statusValues = []Status{StatusOpening, StatusEnrolling, StatusClosed}

// StatusValues returns every known Status, in lifecycle order.
func StatusValues() []Status { return append([]Status(nil), statusValues...) }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return enum.Valid(statusValues, s) }

// MarshalText implements [encoding.TextMarshaler]; an unknown status is an error.
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "status", statusValues, s)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown status is an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "status", statusValues, b, s)
}

var transitions = map[Status][]Status{
	StatusOpening:   {StatusEnrolling, StatusClosed},
	StatusEnrolling: {StatusClosed},
	StatusClosed:    nil,
}

// CanTransition reports whether the lifecycle allows going from one status to another.
func CanTransition(from, to Status) bool { return slices.Contains(transitions[from], to) }

// NextStatuses returns the statuses reachable from s in one transition.
func NextStatuses(s Status) []Status { return append([]Status(nil), transitions[s]...) }

// ErrTransition matches every [*TransitionError] with [errors.Is]. compliance.Code sorts
// it as failed_precondition.
var ErrTransition = errors.New("trials: status transition not allowed")

// TransitionError is returned for a status change the lifecycle does not allow
// (compliance.Code: failed_precondition).
type TransitionError struct {
	From, To Status
}

// Error names both statuses.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("trials: trial cannot go from %s to %s (allowed: %v)", e.From, e.To, transitions[e.From])
}

// Is reports whether target is [ErrTransition].
func (e *TransitionError) Is(target error) bool { return target == ErrTransition }

// Basis is how the Privacy Rule permits the practice to use and disclose PHI for a
// trial's research.
type Basis string

// Bases for research use of PHI.
const (
	// BasisUndecided: not chosen yet; allowed only while the trial is opening (and for a
	// trial closed without enrolling).
	BasisUndecided Basis = ""
	// BasisAuthorization: each participant signs an authorization that meets
	// 45 CFR 164.508(b)-(c); for research it may be combined with the consent to take part
	// (45 CFR 164.508(b)(3)(i)).
	BasisAuthorization Basis = "authorization"
	// BasisWaiver: an IRB or privacy board approved a waiver or alteration of
	// authorization (45 CFR 164.512(i)(1)(i)), documented as 45 CFR 164.512(i)(2) requires.
	BasisWaiver Basis = "irb_waiver"
	// BasisLimitedDataSet: only a limited data set is used or disclosed, under a data use
	// agreement with the recipient (45 CFR 164.514(e)(3)-(4)).
	BasisLimitedDataSet Basis = "limited_data_set"
)

// basisValues are the chosen bases; BasisUndecided is valid too, but is not a choice.
var basisValues = []Basis{BasisAuthorization, BasisWaiver, BasisLimitedDataSet}

// knownBases are the values Valid and text marshalling accept.
var knownBases = append([]Basis{BasisUndecided}, basisValues...)

// BasisValues returns the bases a trial can choose; it leaves out [BasisUndecided].
func BasisValues() []Basis { return append([]Basis(nil), basisValues...) }

// Valid reports whether b is a known basis; [BasisUndecided] is valid.
func (b Basis) Valid() bool { return enum.Valid(knownBases, b) }

// Decided reports whether b is a chosen basis, not [BasisUndecided] nor unknown.
func (b Basis) Decided() bool { return enum.Valid(basisValues, b) }

// MarshalText implements [encoding.TextMarshaler]; an unknown basis is an error, and
// [BasisUndecided] is the empty string.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.Valid() {
		return nil, enum.Unknown(pkg, "basis", basisValues, b)
	}
	return []byte(b), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown basis is an error, and
// the empty string is [BasisUndecided].
func (b *Basis) UnmarshalText(text []byte) error {
	v := Basis(text)
	if !v.Valid() {
		return enum.Unknown(pkg, "basis", basisValues, v)
	}
	*b = v
	return nil
}
