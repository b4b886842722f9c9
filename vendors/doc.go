// Package vendors is the inventory of the practice's vendors and business associates:
// who each vendor is, what PHI it receives, whether it is a business associate
// (45 CFR 160.103), and the lifecycle of its business associate agreement
// (45 CFR 164.502(e), 164.504(e)).
//
// The package is pure: it stores nothing and reads no clock. Every date is an argument,
// so each rule can be checked by a table test.
//
// # Lifecycle
//
// A [Vendor] holds its current [BAA] and the agreements that ended before it. The BAA moves
// through the states of [State] by the methods on Vendor (RequestBAA, NegotiateBAA,
// SignBAA, MarkReviewDue, ReviewBAA, RenewBAA, ExpireBAA, TerminateBAA); a move the
// lifecycle does not allow returns a [*TransitionError] naming both states and changes
// nothing.
//
// # Computations as of a date
//
// [ReviewsDue], [OverdueReviews], [Expired], [Stalled], [Undetermined] and [Gaps] answer
// an administrator's questions about a list of vendors on a given day, and
// [BAA.MissingClauses] checks a signed agreement against 164.504(e)(2).
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field as the input's JSON names it
// ("signed_on", "on") and the rule; it matches [validation.ErrInvalid] (code
// compliance.InvalidInput). A move the agreement's state does not allow is a failed
// precondition (code compliance.FailedPrecondition), whatever the input: a
// [*TransitionError] (matches [ErrTransition]) for a lifecycle move, a [*StateError]
// (matches [ErrState]) for a change that is not a transition (certifying the PHI
// disposition, a follow-up, expiring an agreement without an end date), and
// [ErrNotBusinessAssociate] for a BAA move on a vendor determined not to be a business
// associate. A refused change changes nothing.
package vendors
