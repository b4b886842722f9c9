package vendors

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

// State is where a business associate agreement stands in its lifecycle.
//
//	not_requested → requested → in_negotiation → signed
//	signed | renewed → review_due → reviewed → review_due → …   (periodic review)
//	signed | reviewed | renewed → reviewed                      (a review before it is due)
//	signed | review_due | reviewed | renewed → renewed | expired | terminated
//	expired → renewed | terminated | requested (a new agreement)
//	terminated → requested (a new agreement)
//
// A vendor may also sign its standard BAA as requested (requested → signed), and a request
// or negotiation that is abandoned ends as terminated.
type State string

// BAA states.
const (
	StateNotRequested  State = "not_requested"
	StateRequested     State = "requested"
	StateInNegotiation State = "in_negotiation"
	StateSigned        State = "signed"
	StateReviewDue     State = "review_due"
	StateReviewed      State = "reviewed"
	StateRenewed       State = "renewed"
	StateExpired       State = "expired"
	StateTerminated    State = "terminated"
)

var stateValues = []State{
	StateNotRequested, StateRequested, StateInNegotiation, StateSigned, StateReviewDue,
	StateReviewed, StateRenewed, StateExpired, StateTerminated,
}

// StateValues returns every known State, in lifecycle order.
func StateValues() []State { return append([]State(nil), stateValues...) }

// Valid reports whether s is a known state.
func (s State) Valid() bool { return enum.Valid(stateValues, s) }

// MarshalText implements [encoding.TextMarshaler]; an unknown state is an error.
func (s State) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "baa.state", stateValues, s) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown state is an error.
func (s *State) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "baa.state", stateValues, b, s)
}

// InForce reports whether an agreement in state s has been signed and not ended.
func (s State) InForce() bool {
	return s == StateSigned || s == StateReviewDue || s == StateReviewed || s == StateRenewed
}

// Pending reports whether s is a request awaiting signature, the states that can stall.
func (s State) Pending() bool { return s == StateRequested || s == StateInNegotiation }

// InForceStates returns the states of a signed agreement that has not ended.
func InForceStates() []State {
	return []State{StateSigned, StateReviewDue, StateReviewed, StateRenewed}
}

// PendingStates returns the states of a request awaiting signature.
func PendingStates() []State { return []State{StateRequested, StateInNegotiation} }

var transitions = map[State][]State{
	StateNotRequested:  {StateRequested},
	StateRequested:     {StateInNegotiation, StateSigned, StateTerminated},
	StateInNegotiation: {StateSigned, StateTerminated},
	StateSigned:        {StateReviewDue, StateReviewed, StateRenewed, StateExpired, StateTerminated},
	StateReviewDue:     {StateReviewed, StateRenewed, StateExpired, StateTerminated},
	StateReviewed:      {StateReviewDue, StateReviewed, StateRenewed, StateExpired, StateTerminated},
	StateRenewed:       {StateReviewDue, StateReviewed, StateRenewed, StateExpired, StateTerminated},
	StateExpired:       {StateRenewed, StateTerminated, StateRequested},
	StateTerminated:    {StateRequested},
}

// CanTransition reports whether the lifecycle allows going from one state to another.
func CanTransition(from, to State) bool { return slices.Contains(transitions[from], to) }

// NextStates returns the states reachable from s in one transition.
func NextStates(s State) []State { return append([]State(nil), transitions[s]...) }

// ErrTransition matches every [*TransitionError] with [errors.Is]; its code is
// compliance.FailedPrecondition.
var ErrTransition = errors.New("vendors: BAA transition not allowed")

// TransitionError is returned for a BAA transition the lifecycle does not allow; it
// changes nothing. Its code is compliance.FailedPrecondition: the move is illegal in the
// agreement's current state, whatever the input.
type TransitionError struct {
	// From is the agreement's current state; To the state the move would reach.
	From State `json:"from"`
	To   State `json:"to"`
}

// Error names both states.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("vendors: BAA cannot go from %s to %s (allowed: %v)", e.From, e.To, transitions[e.From])
}

// Is reports whether target is [ErrTransition].
func (e *TransitionError) Is(target error) bool { return target == ErrTransition }

// ErrState matches every [*StateError] with [errors.Is]; its code is
// compliance.FailedPrecondition.
var ErrState = errors.New("vendors: not allowed in the BAA's current state")

// StateError is returned for a BAA change that is not a transition but that the
// agreement's current state does not allow: certifying the PHI disposition of an
// agreement that was not terminated, a follow-up on one that is not pending, expiring
// one that has no expiry date. It changes nothing. Its code is
// compliance.FailedPrecondition, like a [*TransitionError]'s.
type StateError struct {
	// Change names the change refused, e.g. "certify_disposition".
	Change string `json:"change"`
	// State is the agreement's state.
	State State `json:"state,omitempty"`
	// Reason says what the change needs.
	Reason string `json:"reason"`
}

// Error names the change, the state and the reason.
func (e *StateError) Error() string {
	return fmt.Sprintf("vendors: BAA in state %s: cannot %s: %s", e.State, e.Change, e.Reason)
}

// Is reports whether target is [ErrState].
func (e *StateError) Is(target error) bool { return target == ErrState }

// DefaultReviewMonths is the review interval of a signed BAA when none is given.
const DefaultReviewMonths = 12

// FollowUp is a contact made to move a pending BAA forward.
type FollowUp struct {
	// On is the day of the contact; through the engine, today when zero.
	On date.Date `json:"on"`
	// By is who made the contact; through the engine, the actor when empty.
	By string `json:"by"`
	// Note says what was said or agreed.
	Note string `json:"note,omitempty"`
}

// Transition is one recorded change of a BAA's state.
type Transition struct {
	// From and To are the states before and after.
	From State `json:"from"`
	To   State `json:"to"`
	// On is the day of the move; By who made it.
	On date.Date `json:"on"`
	By string    `json:"by"`
	// Note is the move's note (a termination's reason).
	Note string `json:"note,omitempty"`
}

// Termination records how an agreement ended and what became of the PHI.
type Termination struct {
	// On is the day the agreement ended; through the engine, today when zero.
	On date.Date `json:"on"`
	// Reason says why it ended (kept as the transition's note).
	Reason string `json:"reason"`
	// Disposition is what the business associate did with the PHI it held.
	Disposition Disposition `json:"disposition"`
	// CertifiedOn is the date of the business associate's written certification of return
	// or destruction; zero if not certified.
	CertifiedOn date.Date `json:"certified_on,omitzero"`
}

// Certified reports whether return or destruction of PHI was certified in writing.
func (t Termination) Certified() bool {
	return (t.Disposition == DispositionReturned || t.Disposition == DispositionDestroyed) && t.CertifiedOn != date.Zero
}

// BAA is a business associate agreement with one vendor (45 CFR 164.502(e), 164.504(e)).
// Dates are calendar dates in the organization's time zone; a zero date means "not set".
type BAA struct {
	// State is where the agreement stands in its lifecycle.
	State State `json:"state,omitempty"`
	// RequestedOn is when the practice asked the vendor for a BAA.
	RequestedOn date.Date `json:"requested_on,omitzero"`
	// LastActivityOn is the latest request, follow-up or transition date; a pending BAA
	// with no activity for a while has stalled.
	LastActivityOn date.Date `json:"last_activity_on,omitzero"`
	// FollowUps are the contacts made while the agreement was pending, oldest first.
	FollowUps []FollowUp `json:"follow_ups"`

	// SignedOn is when the last party signed.
	SignedOn date.Date `json:"signed_on,omitzero"`
	// EffectiveOn is the first day the agreement is in force.
	EffectiveOn date.Date `json:"effective_on,omitzero"`
	// ExpiresOn is the last day the agreement is in force; zero when it has no end date.
	ExpiresOn date.Date `json:"expires_on,omitzero"`
	// ReviewMonths is the review interval in months (default [DefaultReviewMonths]).
	ReviewMonths int `json:"review_months,omitempty"`
	// NextReviewOn is when the next review is due.
	NextReviewOn date.Date `json:"next_review_on,omitzero"`
	// LastReviewedOn is the day of the latest review or renewal.
	LastReviewedOn date.Date `json:"last_reviewed_on,omitzero"`
	// Clauses lists the clauses of 45 CFR 164.504(e)(2) the signed text contains.
	Clauses []Clause `json:"clauses"`
	// ReportingDays is the number of days the BA has to report a breach to the practice.
	ReportingDays int `json:"reporting_days,omitempty"`
	// DocumentRef locates the signed copy (a document-management URL or path).
	DocumentRef string `json:"document_ref,omitempty"`

	// Termination records how the agreement ended; nil unless terminated.
	Termination *Termination `json:"termination,omitempty"`
	// History is every move of the agreement, oldest first.
	History []Transition `json:"history"`
}

// InForce reports whether the agreement is signed, not ended and covers day asOf.
func (b *BAA) InForce(asOf date.Date) bool {
	return b.State.InForce() && b.EffectiveOn <= asOf && (b.ExpiresOn == date.Zero || asOf <= b.ExpiresOn)
}

// Validate checks that the agreement's fields agree with each other and its state.
func (b *BAA) Validate() error {
	c := validation.Collector{Pkg: pkg}
	if !b.State.Valid() {
		c.Merge(enum.Unknown(pkg, "baa.state", stateValues, b.State))
	}
	if b.State.InForce() || (b.State == StateExpired || b.State == StateTerminated) && b.SignedOn != date.Zero {
		c.Check(b.EffectiveOn != date.Zero, "baa.effective_on", "must be set on a signed BAA")
		c.Check(b.ReviewMonths >= 1 && b.ReviewMonths <= 60, "baa.review_months", "must be 1 to 60, got %d", b.ReviewMonths)
	}
	if b.ExpiresOn != date.Zero && b.EffectiveOn != date.Zero && b.ExpiresOn < b.EffectiveOn {
		c.Add("baa.expires_on", "%s is before effective date %s", b.ExpiresOn, b.EffectiveOn)
	}
	c.Check(b.ReportingDays >= 0, "baa.reporting_days", "must not be negative, got %d", b.ReportingDays)
	for i, cl := range b.Clauses {
		if !cl.Valid() {
			c.Merge(enum.Unknown(pkg, fmt.Sprintf("baa.clauses[%d]", i), clauseValues, cl))
		}
	}
	if t := b.Termination; t != nil {
		if !t.Disposition.Valid() {
			c.Merge(enum.Unknown(pkg, "baa.termination.disposition", dispositionValues, t.Disposition))
		}
		if t.CertifiedOn != date.Zero && t.CertifiedOn < t.On {
			c.Add("baa.termination.certified_on", "%s is before termination date %s", t.CertifiedOn, t.On)
		}
	}
	return c.Err()
}

// Signing holds the terms recorded when a BAA is signed.
type Signing struct {
	// SignedOn is the day of signature; zero means today (through the engine).
	SignedOn date.Date `json:"signed_on,omitzero"`
	// EffectiveOn is the agreement's first day in force; it may precede SignedOn.
	EffectiveOn date.Date `json:"effective_on"`
	// ExpiresOn is optional: zero for an agreement without an end date.
	ExpiresOn date.Date `json:"expires_on,omitzero"`
	// ReviewMonths defaults to [DefaultReviewMonths] when zero.
	ReviewMonths int `json:"review_months,omitempty"`
	// Clauses are the 164.504(e)(2) clauses the signed text contains.
	Clauses []Clause `json:"clauses"`
	// ReportingDays is the contracted number of days to report a breach to the practice.
	ReportingDays int `json:"reporting_days,omitempty"`
	// DocumentRef is where the signed agreement is kept.
	DocumentRef string `json:"document_ref,omitempty"`
}

// Renewal holds the terms of a renewed agreement.
type Renewal struct {
	// On is the day of the renewal; zero means today (through the engine).
	On date.Date `json:"on,omitzero"`
	// ExpiresOn is the new end date; zero for none.
	ExpiresOn date.Date `json:"expires_on,omitzero"`
	// Clauses, when not nil, replaces the clause checklist (a renewal may amend the text).
	Clauses []Clause `json:"clauses"`
	// ReportingDays, when not zero, replaces the contracted reporting days.
	ReportingDays int `json:"reporting_days,omitempty"`
	// DocumentRef is where the renewed agreement is kept.
	DocumentRef string `json:"document_ref,omitempty"`
}

// Move is the input of a BAA move that needs only its day and a note: a request, a
// negotiation, a review, a review coming due, an expiry.
type Move struct {
	// On is the day of the move; zero means today (through the engine).
	On date.Date `json:"on,omitzero"`
	// Note is kept in the agreement's history.
	Note string `json:"note,omitempty"`
}

// Certification is the business associate's written certification of what became of
// the PHI after termination (45 CFR 164.504(e)(2)(ii)(J)).
type Certification struct {
	// Disposition is returned, destroyed or infeasible.
	Disposition Disposition `json:"disposition"`
	// On is the day of the certification; zero means today (through the engine).
	On date.Date `json:"on,omitzero"`
}

// ErrNotBusinessAssociate is returned, wrapped, for a BAA move (a request, negotiation,
// signing, review, renewal or follow-up) on a vendor whose determination in effect says it
// is not a business associate (45 CFR 160.103): record a new determination first. An
// agreement in force may still expire or be terminated. Its code is
// compliance.FailedPrecondition.
var ErrNotBusinessAssociate = errors.New("vendors: the vendor was determined not to be a business associate")

func (b *BAA) lastDate() date.Date {
	if n := len(b.History); n > 0 {
		return b.History[n-1].On
	}
	return date.Zero
}

// move checks and records a transition; it changes nothing when it fails.
// move records a transition on the day on, which the caller's input names field (e.g.
// "signed_on"), for validation errors.
func (b *BAA) move(to State, field string, on date.Date, by, note string) error {
	if !CanTransition(b.State, to) {
		return &TransitionError{From: b.State, To: to}
	}
	if err := checkActionDate(b, field, on, by); err != nil {
		return err
	}
	b.History = append(b.History, Transition{From: b.State, To: to, On: on, By: by, Note: note})
	b.State = to
	if on > b.LastActivityOn {
		b.LastActivityOn = on
	}
	return nil
}

func checkActionDate(b *BAA, field string, on date.Date, by string) error {
	c := validation.Collector{Pkg: pkg}
	c.Check(on != date.Zero, field, "must be set")
	c.Check(by != "", "by", "must name who acted")
	if last := b.lastDate(); on != date.Zero && on < last {
		c.Add(field, "%s is before the BAA's last recorded change on %s", on, last)
	}
	return c.Err()
}

// AddMonths adds n months to d; a day past the end of the target month falls back to its
// last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year), unlike time.AddDate,
// which would roll over into March.
func AddMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	first := date.New(y, m+time.Month(n), 1)
	if last := first.LastDayOfMonth(); day > last {
		day = last
	}
	return first + date.Date(day-1)
}
