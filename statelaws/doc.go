// Package statelaws holds the breach-notification laws of every State, DC and territory
// that a medical practice must meet beside HIPAA (45 CFR 164.400–414), as conditional data
// a privacy officer can review, override or extend, and the business-day arithmetic their
// deadlines need.
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
// days, or no fixed days), the notices due besides the residents' ([RegulatorNotice]) with
// their thresholds of affected residents and what their deadlines count from ([Relative]),
// how it treats HIPAA-regulated entities ([HIPAATreatment]), and the data elements whose
// breach triggers it ([DataElement]). A jurisdiction can have several rules: California
// has Civil Code 1798.82 and Health & Safety Code 1280.15, Virginia has Code 18.2-186.6
// and 32.1-127.1:05.
//
// [Default] covers every jurisdiction of [Codes]: the 50 States, DC, PR, GU, VI, AS and
// MP, with one or more rules each. Its sources are the project's research files,
// state-laws.md (26 rows) with the corrections listed at the end of
// state-laws-remaining.md, and state-laws-remaining.md (29 more jurisdictions); each
// rule's Source says which, and which copy of the statute or which charts were read.
// [NotResearched] is therefore empty; it stays, like [Set.Uncovered], for sets an embedder
// builds. A [Set] is a validated rule set: [NewSet] rejects invalid rules and duplicate
// IDs, [Set.With] overrides rules by ID or adds new ones, and [Set.For] returns one
// jurisdiction's rules.
//
// # Conditional data
//
// A rule says more than a deadline; the incident package reads the rest:
//   - Notice IDs: every [RegulatorNotice] has an ID, a code unique within its rule ("ag",
//     "cra", "ag-hhs-copy", "dept-copy", "ocabr", "state-police", "cyber-center" …).
//     Obligation keys are built from the rule ID and the notice ID, never from the
//     display name in Regulator, so a renamed regulator keeps its key.
//   - Consumer reporting agencies: a notice of [KindConsumerReporting] (ID "cra") goes to
//     the nationwide consumer reporting agencies above the law's threshold (TX more than
//     10,000; NY more than 5,000; GA more than 10,000; PA and UT 500 and 1,000 or more;
//     most others more than 1,000). They are modeled where the research states them.
//   - Conditions: a notice's [Condition] says when it is owed beyond its threshold:
//     [CondDeemedCompliance] is the notice on which a HIPAA entity's deemed compliance
//     rests (FL 501.171(4)(g), IL 815 ILCS 530/50); [CondDelayed] is owed only when
//     notice is delayed by law enforcement (LA 51:3074(E)); [CondNoHarm] only when the
//     entity relies on a determination that no notice is needed (NY 899-aa(2)(a),
//     AK 45.48.010(c)). A notice that the law requires of every breach and that is also
//     the condition of deemed compliance (MA c. 93H §§ 3, 5; CT 36a-701b) keeps the
//     condition always, so it stays owed when the entity does not rely on its HIPAA
//     notice; its Note says so.
//   - HIPAA: [HIPAADeemedCompliant] waives the residents' notice and the notices whose
//     AppliesToHIPAA is false for an entity notifying under 45 CFR 164.404;
//     [HIPAAExempt] waives everything, [HIPAAExemptExceptRegulator] all but the notices
//     with AppliesToHIPAA, [HIPAAPartial] the notices without it; [HIPAAUnknown] is
//     treated as applying. A waiver resting on a part marked U clears nothing by itself.
//   - Delay rule: [DelayRule] says which law-enforcement requests a State honours
//     (written only in AL 8-38-5(c), HI 487N-2(c), WY 40-12-502(b); on a condition the
//     package cannot see in MA c. 93H § 4) and, for CA Health & Safety Code 1280.15(c),
//     the State's own period after the delay ends (15 business days), which replaces the
//     tolled count. The zero DelayRule is the federal behaviour.
//   - Safe harbor: [SafeHarbor] is the law's treatment of encrypted data; only TX
//     521.053(a) (encrypted, unless the key is also held) is modeled, and unverified.
//     Elsewhere it is [HarborUnknown]: encrypted data counts until counsel decides.
//   - Reach: a rule with a narrower Scope says with [Reach] whether it reaches a
//     medical practice: GA 10-1-912 (information brokers and government data
//     collectors) and VA 32.1-127.1:05 (public bodies) do not; CA Health & Safety Code
//     1280.15 (licensed clinics and facilities) depends on the practice's licence.
//   - No statute: American Samoa and the Northern Mariana Islands have a rule with
//     NoStatute set, no deadline, no notices and an unverified mark: no breach statute
//     was found, and counsel must confirm that.
//
// Where a law fixes no days for the residents' notice ("most expedient time"), its
// Trigger is nominal (discovery) unless a notice's fixed deadline counts from another
// event. Where the sources disagree on a deadline's anchor (OK SB 626), the earlier
// reading is modeled and marked U, so no deadline comes later than either reading.
//
// # Marks
//
// Each rule, and each part of it, carries a [Mark]:
//   - [MarkStatute] "P": the statute text was read;
//   - [MarkSecondary] "S": two or more secondary sources agree (state-laws.md), or a
//     law-firm chart or a regulator's own page (state-laws-remaining.md);
//   - [MarkUnverified] "U": unverified, or the sources disagree.
//
// The research files mark facts differently, and map onto these as follows:
//   - state-laws.md: [P] statute read is P, [S] two or more secondary sources is S, [U]
//     unverified is U;
//   - state-laws-remaining.md, its table and its corrections to state-laws.md: [S]
//     statute text read is P, [C] law-firm chart or regulator page is S, [?] unverified
//     is U;
//   - a value taken from general knowledge where the research is silent is U, and the
//     Note says "general knowledge" (a detail that sets no deadline, threshold or waiver,
//     such as a subsection letter, is named in the Note without changing a mark).
//
// The rule's Mark is the row's; IndividualsMark, HIPAAMark, ElementsMark, ScopeMark,
// Delay.Mark, SafeHarbor.Mark and each notice's Mark mark a part checked differently.
// Rows or parts marked U load as unverified: [Rule.Unverified] reports them and
// [Rule.UnverifiedParts] names the parts, and reports must show such a rule as
// "unverified". An exemption the research marks [U] or [?] (OH, WI, AL, SD, KY …) is
// loaded as that exemption with HIPAAMark U, so the obligations it would waive stay
// owed, flagged for counsel. Regulator notices default to AppliesToHIPAA true (a HIPAA
// entity must still send them) unless the research says HIPAA entities need not, and
// the Note says when that is an assumption. Every rule and notice has a citation and a
// Note saying what the research says and what is unverified.
//
// # Data elements
//
// The research says whether a law counts medical or health data (LA, ME, OH, TN, WI, NM
// and most of state-laws-remaining.md leave it out; MO and ND count medical and health
// insurance information; PA counts only health insurance information for a private
// practice). ElementsMark marks that statement, and is U where the research marks it
// [?] (AR, IA, KS, MA, MI, MT, NE, NJ, NV, WY) or where it rests on general knowledge
// (IN, VA 18.2-186.6). The other elements of each list are general knowledge: where the
// research says only that health data is left out, every other element is counted, the
// conservative reading. Where the research is silent about medical data, it is counted.
// [Rule.Counts] reports whether a breach of given elements triggers a law: a breach of
// medical information alone does not trigger Ohio's or Tennessee's.
//
// # Business days
//
// Deadlines in business days (CA Health & Safety Code 1280.15, VT 9 V.S.A. 2435,
// NY GBL 899-aa(9), IL 815 ILCS 530/50, IA 715C.2(8)) skip weekends and the holidays of a [Calendar].
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
