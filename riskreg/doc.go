// Package riskreg is the risk register and the annual security risk analysis: scored,
// owned, treated and reviewed risks to electronic PHI, and year-over-year snapshots of
// them (45 CFR 164.308(a)(1)(ii)(A) risk analysis, (B) risk management).
//
// This is compliance tooling, not legal advice. The scoring methods and their citations
// are shown so that a privacy or security officer can check them.
//
// The package is pure: it stores nothing, reads no clock and keeps no mutable state. Every
// date is an argument, so each rule can be pinned by a table test.
//
// # Methods are values
//
// A scoring [Method] is data: its likelihood and impact scales and either rating bands over
// likelihood × impact or a matrix rated cell by cell. [Methods] holds two: the 3×3 scale of
// the HHS Security Risk Assessment Tool ([MethodHHS3x3]) and the 5×5 scale of NIST SP 800-30
// Rev. 1 Appendices G–I ([MethodNIST5x5], rated as Table I-2). [Method.Rate] refuses levels
// outside the scale. An organization picks one; [Risk.ChangeMethod] moves a risk to
// another with [DefaultLevelMap] or a mapping of its own, keeping the history.
//
// A risk may also carry a quantitative view, [Quant]: single loss expectancy × annual rate
// of occurrence = annualized loss expectancy, with the mitigation cost and the return on
// it, all in [decimal.Decimal].
//
// # Lifecycle
//
// A [Risk] is open when recorded. Each move takes one input value: [Risk.Rate] a
// [Scoring] (inherent and residual likelihood and impact); [Risk.Treat] a [TreatmentPlan]
// (mitigate, transfer or avoid it, with a justification, an owner and a due date);
// [Risk.Accept] an [Acceptance] (a named approver and a review date, by default a year
// after the approval); [Risk.Review] a [Review], which renews an acceptance; [Risk.Close]
// a [Closing]; [Risk.Reopen] a [Reopening]. Validation errors name the input's fields as its
// JSON does (rated_on, approved_on, reviewed_on, closed_on, …). The dates the register is
// queried by are derived here, not by storage: [Risk.TreatmentDueOn],
// [Risk.AcceptanceReviewOn], [Acceptance.ReviewDue] and [Risk.NextReview].
//
// A status change the lifecycle does not allow returns a [*TransitionError], and another
// move the risk's state does not allow (rating a closed
// risk, accepting an unrated one) a [*StateError]; both match [ErrTransition]. Nothing
// changes on any error. Every dated step appends an [Entry] to the risk's history.
//
// # Analyses
//
// [Snapshot] freezes copies of the register into an [Analysis]; [Analysis.Approve] records
// who approved it and when (an [Approval]), after which every change returns [ErrFrozen]. [Compare] lists
// what is new, closed, increased, decreased, and accepted past its review date between two
// analyses. [HeatMap] and [Top] are the report data, and [Markdown] renders an analysis for
// an auditor.
//
// [Starter] is a library of eight oncology risks that a specialty profile can seed.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid]. Nothing panics on bad input.
package riskreg
