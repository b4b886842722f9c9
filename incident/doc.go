// Package incident records possible breaches of protected health information and computes
// what the HIPAA Breach Notification Rule (45 CFR 164.400-414) and the State breach laws
// require: who must be told, by when, and under which section.
//
// This is compliance tooling, not legal advice. Every rule carries its citation so that a
// privacy officer can check it, and State rules marked unverified are shown as such.
//
// The package is pure: it stores nothing, reads no clock and keeps no state. Every date is
// an argument, so each rule can be pinned by a table test. An [Incident] holds counts of
// individuals by State of residence and categories of data, never patient identities.
//
// # Is it a breach?
//
// An incident is presumed a breach (45 CFR 164.402) until the entity records a
// [Determination] showing otherwise: no impermissible use or disclosure of PHI, PHI secured
// by encryption or destruction (74 FR 42740), one of the three exceptions of 164.402(1), or a
// documented four-factor [Assessment] concluding a low probability of compromise
// (164.402(2)). [Determination.Validate] checks each outcome against the facts; [Suggest]
// proposes one from the facts, but never a low probability: that is a person's judgment.
//
// # Discovery
//
// The clock starts on [Incident.Discovery]: the first day the breach was known, or would
// have been known with reasonable diligence (45 CFR 164.404(a)(2)).
//
// # Obligations
//
// [Obligations] lists each notice with its deadline, citation, reason and status (one not
// required says why, in words and as a [NotRequiredReason]):
//   - individuals within 60 calendar days (164.404(b)), substitute notice when contact
//     information is lacking (164.404(d)(2)) and urgent telephone notice when misuse may be
//     imminent (164.404(d)(3));
//   - the media for each State with more than 500 affected residents (164.406);
//   - HHS with the individual notice for 500 or more individuals (164.408(b)), otherwise by
//     the annual deadline, [HHSAnnualDeadline] (164.408(c));
//   - the business associate's notice to the covered entity (164.410);
//   - the notices of each State rule (package statelaws) for the States where affected
//     individuals reside, with their regulator notices and thresholds.
//
// Law-enforcement delays ([Delay], 45 CFR 164.412) move deadlines by a [DelayPolicy]; no
// deadline falls before a delay ends. [Diff] compares two computations, so that a change in
// the facts that adds or removes an obligation can be recorded as an event, and
// [AnnualLog] lists the year's breaches of fewer than 500 individuals with the fields of the
// HHS breach portal.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid]. Nothing panics on bad input. A change the incident's state
// does not allow is one of [ErrClosed] (the file is closed), [ErrPending] (closing with a
// notice pending) and [ErrNotPending] (a notice of an obligation already met or not
// required): the compliance engine returns them, and classifies them as failed
// preconditions.
package incident
