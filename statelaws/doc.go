// Package statelaws holds the state breach-notification laws a medical practice must meet
// beside HIPAA (45 CFR 164.400–414), as data a privacy officer can review, override or
// extend, and the business-day arithmetic their deadlines need.
//
// This is compliance tooling, not legal advice: every [Rule] carries its citation, a
// verification mark and a note, so a privacy officer can check it against the statute.
//
// The package is pure: it stores nothing, reads no clock and keeps no mutable state.
// Every date is an argument, and every function returns fresh copies.
//
// # Rules as data
//
// A [Rule] is one law of one jurisdiction ([Code]): the event that starts its clock
// ([Trigger]), the deadline for notifying residents ([Period], in calendar or business
// days, or no fixed days), the notices due to regulators ([RegulatorNotice]) with their
// thresholds of affected residents and what their deadlines count from ([Relative]), how
// it treats HIPAA-regulated entities ([HIPAATreatment]), and the data elements whose
// breach triggers it ([DataElement]). A jurisdiction can have several rules: California
// has Civil Code 1798.82 and Health & Safety Code 1280.15.
//
// [Default] returns every row of the project's research table (state-laws.md); [NotResearched]
// lists the jurisdictions it does not cover, for reports. A [Set] is a validated rule set:
// [NewSet] rejects invalid rules and duplicate IDs, [Set.With] overrides rules by ID or
// adds new ones, and [Set.For] returns one jurisdiction's rules.
//
// # Marks
//
// Each rule, and each part of it, carries a [Mark]:
//   - [MarkStatute] "P": the statute text was read;
//   - [MarkSecondary] "S": two or more secondary sources agree;
//   - [MarkUnverified] "U": unverified, or the sources disagree.
//
// Rows or parts marked U (for example a HIPAA treatment marked [U] in the table) load as
// unverified: [Rule.Unverified] reports them and [Rule.UnverifiedParts] names the parts,
// and reports must show such a rule as "unverified". Where the table is silent, values
// taken from general knowledge say so in the rule's Note; those that set a trigger or a
// deadline are marked U. Regulator notices default to AppliesToHIPAA true (a HIPAA entity
// must still send them) unless the table says HIPAA entities need not, and the Note says
// when that is an assumption.
//
// # Data elements
//
// The table says only which laws leave medical information out (LA, ME, OH, TN, WI, NM);
// the element lists of every rule are modeled from general knowledge beyond that, with
// ElementsMark U where medical information's inclusion is in doubt (IN). [Rule.Counts]
// reports whether a breach of given elements triggers a law: a breach of medical
// information alone does not trigger Ohio's or Tennessee's.
//
// # Business days
//
// Deadlines in business days (CA Health & Safety Code 1280.15, VT 9 V.S.A. 2435,
// NY GBL 899-aa(9), IL 815 ILCS 530/50) skip weekends and the holidays of a [Calendar].
// The default, used wherever a nil Calendar is passed, is weekends plus the US federal
// holidays of 5 U.S.C. 6103 on their observed days ([FederalHolidays]); state holidays
// are not included. An embedder supplies a jurisdiction's own holidays as a [HolidayList].
// [AddBusinessDays] and [Period.After] compute the deadlines.
//
// # Errors
//
// Bad input returns [*validation.Error] values naming the field and the rule, e.g.
// "statelaws: regulators[0].min_residents 0 must be at least 1"; they match
// [validation.ErrInvalid]. Text (and so JSON) unmarshalling rejects unknown enum values.
package statelaws
