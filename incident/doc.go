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
// have been known with reasonable diligence (45 CFR 164.404(a)(2)). A business
// associate's discovery is the practice's only when the business associate is its agent
// under the federal common law of agency (74 FR 42740; 78 FR 5566); otherwise the
// practice's clock starts on the day the business associate reported
// ([Incident.BAReportedOn]). The business associate's own notice counts from its
// discovery ([Incident.BADiscovery]) in the BAA's calendar or business days.
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
// Every obligation carries its citation, the [statelaws.Mark] of the rule it rests on,
// what its deadline counts from ([Anchor]), a stable key built from codes ([StateKey],
// [MediaKey]) and [Flag]s that say what a person must know before relying on it.
//
// # Counts that stay honest
//
// A Total not yet known (zero) counts as 500 or more: HHS and media are due within 60
// days, flagged [FlagCountUnknown], until a count is recorded. A notice to individuals
// records how many it reached ([Notice.Individuals]); when the count grows, the rest are
// owed again ([FlagOwedAgain]). Substitute notice follows the number without contact
// information, those whose State is unknown included, and the method recorded
// ([Substitute]): a telephone notice that sufficed for fewer than 10 is owed again as a
// web posting or major media with a toll-free number for 90 days once 10 lack contact
// information (164.404(d)(2)(ii)). Telephone notice under 164.404(d)(3) is an urgent
// recommendation ([StatusRecommended]) beside the written notice.
//
// # State rules as conditional data
//
// Each State rule is data (package statelaws): its trigger (the determination's day for a
// law counting from the determination), which law-enforcement delays it honours and how its
// deadline runs after one, its HIPAA treatment, deemed-compliance conditions, scope, data
// elements, encryption safe harbor and thresholds for regulators and consumer reporting
// agencies, and the notices its conditions create (a copy to a regulator, the reasons for a
// delay, a no-misuse determination). An exemption, safe harbor or scope resting on a part
// marked unverified never clears an obligation: it stays pending, flagged
// [FlagCounselReview], until counsel records a [Decision] that it is not required (who,
// when, why, citation), so that a file with residents of any State can close honestly.
//
// Law-enforcement delays ([Delay], 45 CFR 164.412) move the federal deadlines by a
// [DelayPolicy], and each State's by what it honours; no deadline falls before a delay it
// honours ends. A written statement that specifies no time runs under the oral rule's
// 30 days. Business days skip weekends and the federal holidays, plus any calendar the
// embedder adds ([Options]) and a State's own. [Diff] compares two computations, so that a change in
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
