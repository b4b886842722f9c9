// Package trials is the HIPAA file of the clinical trials the practice runs: who sponsors
// each trial and which contract research organization (CRO) runs it, at which sites, where
// the trial stands, and on what basis the practice uses and discloses PHI for the
// research.
//
// The Privacy Rule permits research use of PHI with each participant's authorization
// (45 CFR 164.508), with an IRB or privacy board's waiver or alteration of authorization
// (45 CFR 164.512(i)), or as a limited data set under a data use agreement
// (45 CFR 164.514(e)). [Basis] records which one a trial relies on; it must be chosen
// before the trial enrolls its first participant.
//
// Sponsors and CROs are vendors (package vendors): whether a sponsor is a business
// associate often needs legal review, because a sponsor that receives data under an
// authorization does not act on the practice's behalf.
//
// The package is pure: it stores nothing and reads no clock. Every date is an argument,
// so each rule can be checked by a table test.
//
// # Lifecycle
//
// A [Trial] moves through the statuses of [Status]:
//
//	opening → enrolling → closed
//	opening → closed (never enrolled)
//
// by [Trial.StartEnrolling] (input [Enrolling]) and [Trial.Close] (input [Closing]),
// whose errors name the input's fields; a move the lifecycle does not allow returns
// a [*TransitionError] naming both statuses, matching [ErrTransition], and changes nothing.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid].
package trials
