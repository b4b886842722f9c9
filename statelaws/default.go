package statelaws

import (
	"cmp"
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// calendarDays and businessDays build Periods.
func calendarDays(n int) Period { return Period{Days: n, Kind: CalendarDays} }
func businessDays(n int) Period { return Period{Days: n, Kind: BusinessDays} }

// Element lists. The research says whether a law counts medical or health data; the
// other elements of a list are general knowledge (see the package documentation).

// allElements counts every element, medical and health insurance information included.
func allElements() []DataElement { return DataElementValues() }

// noMedical counts SSN, driver's license and financial account numbers, and extra.
func noMedical(extra ...DataElement) []DataElement {
	return append([]DataElement{ElementSSN, ElementDriversLicense, ElementFinancialAccount}, extra...)
}

// nonHealth counts every element except medical and health insurance information: for a
// law the research says leaves health data out without listing what it counts, the other
// elements are counted conservatively.
func nonHealth() []DataElement {
	return []DataElement{ElementSSN, ElementDriversLicense, ElementFinancialAccount, ElementBiometric, ElementCredentials}
}

// withHealth counts medical and health insurance information with the identifiers most
// laws list, without biometric data.
func withHealth() []DataElement {
	return []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
		ElementFinancialAccount, ElementCredentials}
}

// craName names the recipients of a [KindConsumerReporting] notice.
const craName = "nationwide consumer reporting agencies"

// Sources, short.
const (
	// srcTable: the rows of state-laws.md, which lists no sources of its own.
	srcTable = "shared/domain/state-laws.md (the table names no sources)"
	// srcCorrections: the corrections section of state-laws-remaining.md.
	srcCorrections = "state-laws-remaining.md, Corrections to rows of state-laws.md"
	// srcRemaining: the table and Sources section of state-laws-remaining.md.
	srcRemaining = "shared/domain/state-laws-remaining.md"
)

// Default returns a fresh copy of the rules of every jurisdiction of [Codes] (the 50
// States, DC, PR, GU, VI, AS and MP), one or more per jurisdiction, sorted by ID: the rows
// of state-laws.md with the corrections of state-laws-remaining.md applied, the 29
// jurisdictions of state-laws-remaining.md, and a no-statute rule each for American Samoa
// and the Northern Mariana Islands. California and Virginia have two rules each.
//
// Marks follow the research files (see the package documentation for the mapping). Where
// the research is silent, values taken from general knowledge are marked U and the Note
// says "general knowledge".
func Default() []Rule {
	rules := append(tableRules(), remainingRules()...)
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// NotResearched returns, sorted, the jurisdictions [Default] has no rule for, for reports
// to show as not researched. Default now covers every code of [Codes] (American Samoa and
// the Northern Mariana Islands with a rule saying no statute was found), so the list is
// empty; the function stays for reports written against it, and [Set.Uncovered] does the
// same for a set an embedder has built.
func NotResearched() []Code {
	rules := Default()
	return slices.DeleteFunc(Codes(), func(c Code) bool {
		return slices.ContainsFunc(rules, func(r Rule) bool { return r.Code == c })
	})
}

// tableRules returns the rows of state-laws.md, with the corrections of
// state-laws-remaining.md applied. Marks: [P] is MarkStatute, [S] MarkSecondary, [U]
// MarkUnverified; in a correction, [S] (statute text) is MarkStatute, [C] MarkSecondary
// and [?] MarkUnverified.
func tableRules() []Rule {
	return []Rule{
		{
			ID: "AL-8-38-5", Code: "AL", Title: "Code of Alabama 8-38-5", Citation: "Ala. Code § 8-38-5",
			Trigger: TriggerDetermination, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1001, Deadline: calendarDays(45), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Ala. Code § 8-38-6", Mark: MarkStatute,
				Note: "More than 1,000 Alabama residents: within 45 days after the determination (state-laws.md [P]). " +
					"HIPAA entities still send it (state-laws.md: exempt except the AG notice [U]).",
			}},
			HIPAA: HIPAAExemptExceptRegulator, HIPAAMark: MarkUnverified,
			Elements: withHealth(),
			Delay:    DelayRule{Honours: HonoursWrittenOnly, Citation: "Ala. Code § 8-38-5(c)", Mark: MarkStatute},
			Source:   srcTable + "; delay: " + srcCorrections + " (statute text)",
			Mark:     MarkStatute,
			Note: "Individuals [P]: 45 days after the determination of a breach. HIPAA-regulated entities are " +
				"reportedly exempt except for the AG notice [U]: until counsel confirms it, the residents' notice " +
				"stays owed, flagged. A law-enforcement delay only upon a written request (8-38-5(c), statute " +
				"text): an oral federal delay does not move Alabama's deadlines. Medical and health insurance " +
				"information counted (general knowledge; the research is silent).",
		},
		{
			ID: "AZ-18-552", Code: "AZ", Title: "Arizona Revised Statutes 18-552", Citation: "A.R.S. § 18-552",
			Trigger: TriggerDetermination, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1001, Deadline: calendarDays(45), Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "A.R.S. § 18-552", Mark: MarkUnverified,
					Note: "More than 1,000 people notified (state-laws.md [S]). The 45 days are the residents' " +
						"period, which the correction says this notice shares [?]: unverified. AppliesToHIPAA is " +
						"assumed: the HIPAA treatment is unverified.",
				},
				{
					ID: "dhs", Regulator: "Arizona Dept. of Homeland Security", MinResidents: 1001, Deadline: calendarDays(45),
					Relative: RelTrigger, AppliesToHIPAA: true, Citation: "A.R.S. § 18-552", Mark: MarkUnverified,
					Note: "More than 1,000 people notified (state-laws.md [S]); sent with the AG notice. The 45 days " +
						"are the residents' period, which the correction says this notice shares [?]: unverified. " +
						"AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 45 days after the determination of a breach. HIPAA treatment unverified " +
				"(state-laws.md [U], correction [?]). No consumer reporting agency notice is modeled: the research " +
				"gives none.",
		},
		{
			ID: "CA-1798.82", Code: "CA", Title: "California Civil Code 1798.82", Citation: "Cal. Civ. Code § 1798.82",
			Trigger: TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General (sample copy of the notice)", MinResidents: 501,
				Deadline: calendarDays(15), Relative: RelIndividualNotice, AppliesToHIPAA: true,
				Citation: "Cal. Civ. Code § 1798.82(f)", Mark: MarkSecondary,
				Note: "More than 500 California residents: a sample copy of the notice, submitted electronically, " +
					"within 15 days of notifying consumers (state-laws.md [S]). AppliesToHIPAA: the HIPAA provision " +
					"covers only the notice's content.",
			}},
			HIPAA: HIPAAPartial, HIPAAMark: MarkUnverified,
			Elements:    allElements(),
			EffectiveOn: date.New(2026, time.January, 1),
			Source:      srcTable,
			Mark:        MarkSecondary,
			Note: "Individuals [S]: 30 days after discovery or notification of the breach, from 2026-01-01 " +
				"(before: most expedient time). HIPAA [U]: a covered entity whose notice complies with " +
				"HITECH 13402(f) is deemed to meet the content requirements (1798.82(e)); modeled as partial " +
				"because the deadline and the AG notice still apply.",
		},
		{
			ID: "CA-HSC-1280.15", Code: "CA", Title: "California Health and Safety Code 1280.15",
			Citation: "Cal. Health & Safety Code § 1280.15",
			Trigger:  TriggerDetection, Individuals: businessDays(15),
			Regulators: []RegulatorNotice{{
				ID: "cdph", Regulator: "CDPH", MinResidents: 1, Deadline: businessDays(15), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Cal. Health & Safety Code § 1280.15(b)", Mark: MarkStatute,
				Note: "California Department of Public Health: within 15 business days after the unlawful or " +
					"unauthorized access, use or disclosure is detected (state-laws.md [P]).",
			}},
			HIPAA:    HIPAAApplies,
			Elements: []DataElement{ElementMedical},
			Scope:    "licensed clinics, health facilities, home health agencies and hospices",
			Reach:    ReachDepends, ScopeMark: MarkUnverified,
			Delay: DelayRule{After: businessDays(15), Citation: "Cal. Health & Safety Code § 1280.15(c) (AB 1755, 2014)",
				Mark: MarkSecondary},
			Source: srcTable + "; delay: " + srcCorrections + " (law-firm chart)",
			Mark:   MarkStatute,
			Note: "Patients and CDPH within 15 business days after detection; applies regardless of HIPAA " +
				"(state-laws.md [P]). After a law-enforcement delay the report is due 15 business days after the " +
				"date designated as the end of the delay, not a tolled count (1280.15(c) as amended by AB 1755, " +
				"2014; correction [C]). Counts a patient's medical information. Which practices are licensed " +
				"clinics is unverified [U]: whether the law reaches a practice depends on its licence; a " +
				"physician practice is often not one (general knowledge).",
		},
		{
			ID: "CO-6-1-716", Code: "CO", Title: "Colorado Revised Statutes 6-1-716", Citation: "C.R.S. § 6-1-716",
			Trigger: TriggerDetermination, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 500, Deadline: calendarDays(30), Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "C.R.S. § 6-1-716", Mark: MarkSecondary,
					Note: "500 or more Colorado residents: within 30 days after the determination that a breach " +
						"occurred (state-laws.md [S]). AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1000, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "C.R.S. § 6-1-716", Mark: MarkUnverified,
					Note: "More than 1,000 Colorado residents (state-laws.md, unmarked; correction [?]). Whether the " +
						"threshold is 1,000 or 1,001 is unverified, so the lower reading is modeled: the notice is " +
						"flagged at exactly 1,000. No time is stated.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 30 days after the determination that a breach occurred. HIPAA treatment " +
				"unverified [U]: the statute reportedly deems an entity following its federal regulator's " +
				"procedures compliant, but where the laws conflict the one giving greater protection controls " +
				"(general knowledge).",
		},
		{
			ID: "CT-36a-701b", Code: "CT", Title: "Connecticut General Statutes 36a-701b",
			Citation: "Conn. Gen. Stat. § 36a-701b",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "Conn. Gen. Stat. § 36a-701b", Mark: MarkSecondary,
				Note: "No later than when Connecticut residents are notified (state-laws.md [S]). AppliesToHIPAA: " +
					"deemed compliance reportedly requires this AG notice too (general knowledge); it is owed in " +
					"any case, so its condition is always.",
			}},
			HIPAA:    HIPAADeemedCompliant,
			Elements: allElements(),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 60 days after discovery. HIPAA [S]: notice that complies with HIPAA/HITECH is " +
				"deemed compliant; the AG notice stays owed.",
		},
		{
			ID: "DC-28-3852", Code: "DC", Title: "District of Columbia Code 28-3852", Citation: "D.C. Code § 28-3852",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 50, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "D.C. Code § 28-3852", Mark: MarkUnverified,
				Note: "50 or more DC residents (state-laws.md [S]): since the 2020 amendment no later than the " +
					"residents are notified, and also when the number of DC residents cannot be determined " +
					"(correction, one [?] for the sentence): unverified, and the undetermined-number case is not " +
					"modeled. AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: most expedient time, no fixed days (the trigger, discovery, is nominal). " +
				"HIPAA treatment unverified [U]. The DC OAG asks to be consulted before an entity concludes " +
				"that a breach will cause no harm (correction [C]).",
		},
		{
			ID: "DE-12B-102", Code: "DE", Title: "Delaware Code title 6, 12B-102", Citation: "6 Del. C. § 12B-102",
			Trigger: TriggerDetermination, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 501, Relative: RelWithIndividuals, AppliesToHIPAA: false,
				Citation: "6 Del. C. § 12B-102", Mark: MarkSecondary,
				Note: "More than 500 Delaware residents: no later than when residents are notified (state-laws.md " +
					"[S]). Not for a HIPAA entity deemed compliant: 12B-103(b) attaches no AG condition " +
					"(correction [S]).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkStatute,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections + " (statute text)",
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 60 days after the determination of the breach. HIPAA [P]: a person that " +
				"notifies affected Delaware residents under its federal regulator's rules is deemed compliant " +
				"(12B-103(b)), with no AG condition attached.",
		},
		{
			ID: "FL-501.171", Code: "FL", Title: "Florida Statutes 501.171", Citation: "Fla. Stat. § 501.171",
			Trigger: TriggerDetermination, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{
				{
					ID: "dept-legal-affairs", Regulator: "Dept. of Legal Affairs", MinResidents: 500, Deadline: calendarDays(30),
					Relative: RelTrigger, AppliesToHIPAA: true, Citation: "Fla. Stat. § 501.171(3)", Mark: MarkSecondary,
					Note: "500 or more Florida residents: within 30 days after the determination of the breach or " +
						"reason to believe one occurred; 15 more days if good cause is given in writing within the " +
						"30 days (state-laws.md [S]). It stands on its own for HIPAA entities too (correction [C]).",
				},
				{
					ID: "dept-copy", Condition: CondDeemedCompliance, Regulator: "Dept. of Legal Affairs (copy of the HIPAA notice)",
					MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "Fla. Stat. § 501.171(4)(g)", Mark: MarkSecondary,
					Note: "A notice under the federal regulator's rules is deemed compliant with the residents' notice " +
						"only if the entity also provides a copy of it to the Department (correction [C]). No time " +
						"is stated: modeled as no later than the residents' notice.",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkSecondary,
			Elements: withHealth(),
			Source:   srcTable + "; " + srcCorrections + " (law-firm charts)",
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 30 days after the determination of a breach or reason to believe one occurred. " +
				"HIPAA [S]: notice that follows the federal regulator's rules is deemed compliant with the " +
				"residents' notice on the condition of a copy to the Department (501.171(4)(g)).",
		},
		{
			ID: "IL-530", Code: "IL", Title: "Illinois Personal Information Protection Act (815 ILCS 530)",
			Citation: "815 ILCS 530",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 501, Relative: RelTrigger, AppliesToHIPAA: false,
					Citation: "815 ILCS 530/10", Mark: MarkSecondary,
					Note: "More than 500 Illinois residents (state-laws.md [S]). No time is stated in the research " +
						"(reportedly no later than the resident notice, general knowledge). Not for HIPAA entities " +
						"deemed compliant: they send the HHS copy instead.",
				},
				{
					ID: "ag-hhs-copy", Condition: CondDeemedCompliance, Regulator: "Attorney General (copy of the HHS breach notice)",
					MinResidents: 1, Deadline: businessDays(5), Relative: RelHHSNotice, AppliesToHIPAA: true,
					Citation: "815 ILCS 530/50", Mark: MarkSecondary,
					Note: "A HIPAA entity that must notify HHS sends the AG that notice within 5 business days " +
						"of notifying HHS: the condition of its deemed compliance (state-laws.md [S]).",
				},
			},
			HIPAA:    HIPAADeemedCompliant,
			Elements: allElements(),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: most expedient time, no fixed days (the trigger, discovery, is nominal). " +
				"HIPAA [S]: an entity complying with HIPAA and HITECH is deemed compliant, provided it sends the " +
				"AG its HHS notice within 5 business days.",
		},
		{
			ID: "IN-24-4.9", Code: "IN", Title: "Indiana Code article 24-4.9", Citation: "Ind. Code § 24-4.9",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "Ind. Code § 24-4.9-3", Mark: MarkSecondary,
				Note: "Whenever Indiana residents are notified (state-laws.md [S]). AppliesToHIPAA is assumed: the " +
					"HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAPartial, HIPAAMark: MarkUnverified,
			Elements: noMedical(), ElementsMark: MarkUnverified,
			Source: srcTable,
			Mark:   MarkSecondary,
			Note: "Individuals: 45 days after discovery. HIPAA: partial [U]. Elements [U]: Indiana's personal " +
				"information (IC 24-4.9-2-10) reportedly covers SSN, driver's license or state ID, and " +
				"financial account or card numbers, not medical information (general knowledge; state-laws.md " +
				"does not list Indiana among the states without medical data). The row is marked [S]/[P] " +
				"without saying which part was read: modeled [S].",
		},
		{
			ID: "LA-51:3074", Code: "LA", Title: "Louisiana Revised Statutes 51:3074", Citation: "La. R.S. 51:3074",
			Trigger: TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1, Deadline: calendarDays(10),
					Relative: RelIndividualNotice, AppliesToHIPAA: true, Citation: "La. R.S. 51:3074", Mark: MarkSecondary,
					Note: "Within 10 days of notifying Louisiana residents (state-laws.md [S]/[P]; the AG's rule, La. " +
						"Admin. Code 16:III.701, general knowledge).",
				},
				{
					ID: "ag-delay-reasons", Condition: CondDelayed, Regulator: "Attorney General (reasons for the delay)",
					MinResidents: 1, Deadline: calendarDays(60), Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "La. R.S. 51:3074(E)", Mark: MarkStatute,
					Note: "Only when notice is delayed: the AG gets the reasons for the delay in writing within the " +
						"sixty-day notification period, counted from discovery (correction [S]).",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkStatute,
			Elements: noMedical(ElementBiometric),
			Source:   srcTable + "; " + srcCorrections + " (statute text)",
			Mark:     MarkSecondary,
			Note: "Individuals: 60 days after discovery (state-laws.md [S]/[P], without saying which part was read: " +
				"modeled [S]). No HIPAA clause: the law applies in full (correction [S]). Louisiana's personal " +
				"information does not include medical information (state-laws.md).",
		},
		{
			ID: "MD-14-3504", Code: "MD", Title: "Maryland Commercial Law 14-3504",
			Citation: "Md. Code, Com. Law § 14-3504",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkUnverified,
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelBeforeIndividuals, AppliesToHIPAA: false,
				Citation: "Md. Code, Com. Law § 14-3504", Mark: MarkStatute,
				Note: "Before notifying Maryland residents (state-laws.md [P]). Not for a HIPAA entity: one subject " +
					"to and in compliance with HIPAA is deemed to comply with the whole subtitle (14-3507(d)(1)).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkStatute,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections + " (statute text)",
			Mark:     MarkStatute,
			Note: "Individuals: 45 days; that the count runs from discovery since the 2022 amendment is " +
				"unverified (correction [?]). HIPAA [P]: a business subject to and in compliance with HIPAA " +
				"\"shall be deemed to be in compliance with this subtitle\" (14-3507(d)(1), correction [S]).",
		},
		{
			ID: "ME-1348", Code: "ME", Title: "Maine Revised Statutes title 10, 1348", Citation: "10 M.R.S. § 1348",
			Trigger: TriggerAwareness, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "10 M.R.S. § 1348", Mark: MarkSecondary,
				Note: "When any Maine resident is notified (state-laws.md [S]). An entity regulated by the Dept. of " +
					"Professional and Financial Regulation notifies that regulator instead (general knowledge). " +
					"AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementCredentials),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 30 days after becoming aware of the breach and identifying its scope. HIPAA " +
				"treatment unverified [U]. Maine's personal information does not include medical information " +
				"(state-laws.md).",
		},
		{
			ID: "NM-57-12C-6", Code: "NM", Title: "New Mexico Statutes 57-12C-6", Citation: "N.M. Stat. § 57-12C-6",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 1001, Relative: RelTrigger, AppliesToHIPAA: false,
				Citation: "N.M. Stat. § 57-12C-10", Mark: MarkSecondary,
				Note: "More than 1,000 New Mexico residents (state-laws.md [S]). No time is stated in the research " +
					"(reportedly 45 days, general knowledge). Not for HIPAA entities (57-12C-8).",
			}},
			HIPAA:    HIPAAExempt,
			Elements: noMedical(ElementBiometric),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 45 days after discovery. Does not apply to HIPAA-regulated entities " +
				"(57-12C-8). New Mexico's personal identifying information does not include medical information " +
				"(state-laws.md).",
		},
		{
			ID: "NY-899-aa", Code: "NY", Title: "New York General Business Law 899-aa",
			Citation: "N.Y. Gen. Bus. Law § 899-aa",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{
				{
					ID: "ag-hhs-copy", Regulator: "Attorney General (copy of the HHS breach notice)", MinResidents: 1,
					Deadline: businessDays(5), Relative: RelHHSNotice, AppliesToHIPAA: true,
					Citation: "N.Y. Gen. Bus. Law § 899-aa(9)", Mark: MarkStatute,
					Note: "A HIPAA covered entity required to notify HHS of a breach, including one of information " +
						"that is not private information, sends the AG that notice within 5 business days of " +
						"notifying HHS (state-laws.md [P]).",
				},
				{
					ID: "ag-dos-police", Regulator: "Attorney General, Dept. of State and Division of State Police", MinResidents: 1,
					Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "N.Y. Gen. Bus. Law § 899-aa(8)(a)", Mark: MarkSecondary,
					Note: "Whenever New York residents are notified: the timing, content and distribution of the " +
						"notices and the approximate number affected (state-laws.md [S]). AppliesToHIPAA is " +
						"assumed: the law reportedly keeps these notices for entities that notify under HIPAA " +
						"(general knowledge). The December 2024 amendment reportedly added the Dept. of Financial " +
						"Services to the agencies notified (general knowledge, not modeled).",
				},
				{
					ID: "ag-no-misuse", Condition: CondNoHarm, Regulator: "Attorney General (written determination of no misuse)",
					MinResidents: 501, Deadline: calendarDays(10), Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "N.Y. Gen. Bus. Law § 899-aa(2)(a)", Mark: MarkStatute,
					Note: "Only when the entity relies on a written determination that an inadvertent disclosure will " +
						"not be misused and more than 500 New York residents are affected: the determination goes to " +
						"the AG within 10 days of it (correction [S]).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 5001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "N.Y. Gen. Bus. Law § 899-aa(8)(b)", Mark: MarkSecondary,
					Note: "More than 5,000 New York residents notified at one time (correction [C]). No time is " +
						"stated. AppliesToHIPAA is assumed (general knowledge: the HIPAA provision spares only a " +
						"second notice to the residents).",
				},
			},
			HIPAA:       HIPAAPartial,
			Elements:    allElements(),
			EffectiveOn: date.New(2024, time.December, 21),
			Source:      srcTable + "; " + srcCorrections,
			Mark:        MarkSecondary,
			Note: "Individuals [S]: 30 days after discovery, from 2024-12-21 (before: most expedient time). " +
				"HIPAA partial (state-laws.md): an entity that notifies individuals under HIPAA reportedly need " +
				"not notify them again, but the AG gets its HHS notice (899-aa(9) [P]). Medical and health " +
				"insurance information reportedly count from 2025-03-21 (general knowledge).",
		},
		{
			ID: "OH-1349.19", Code: "OH", Title: "Ohio Revised Code 1349.19", Citation: "Ohio Rev. Code § 1349.19",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			HIPAA: HIPAAExempt, HIPAAMark: MarkUnverified,
			Elements: noMedical(),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 45 days after discovery. HIPAA-regulated entities are reportedly exempt " +
				"(state-laws.md [U]), but the exemption could not be read in the statute (correction [?]): until " +
				"verified, the residents' notice stays owed, flagged for counsel. No regulator notice. Ohio's " +
				"personal information does not include medical information (state-laws.md).",
		},
		{
			ID: "OR-646A.604", Code: "OR", Title: "Oregon Revised Statutes 646A.604", Citation: "ORS 646A.604",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkStatute,
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 251, Relative: RelTrigger, AppliesToHIPAA: false,
					Citation: "ORS 646A.604", Mark: MarkStatute,
					Note: "More than 250 Oregon consumers (state-laws.md [P]). No time is stated. HIPAA entities " +
						"send the copy of their notice instead.",
				},
				{
					ID: "ag-copy", Regulator: "Attorney General (copy of the HIPAA notice)", MinResidents: 1,
					Relative: RelWithIndividuals, AppliesToHIPAA: true, Citation: "ORS 646A.604", Mark: MarkUnverified,
					Note: "HIPAA entities are exempt but send the AG a copy of their notice (state-laws.md [S]). The " +
						"copy appears due when notice is given to federal regulators (correction [?]); no threshold " +
						"is given. Modeled on the earlier reading: any Oregon resident, no later than the " +
						"residents' notice, which never comes after the notice to HHS for 500 or more.",
				},
			},
			HIPAA: HIPAAExemptExceptRegulator, HIPAAMark: MarkSecondary,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkStatute,
			Note: "Individuals [P]: 45 days after discovery or notification by a vendor (the trigger, correction " +
				"[S]). HIPAA [S]: exempt but send the AG a copy.",
		},
		{
			ID: "PR-4052", Code: "PR", Title: "Puerto Rico Laws title 10, 4052", Citation: "10 L.P.R.A. § 4052",
			Trigger: TriggerDetection, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "daco", Regulator: "Dept. of Consumer Affairs", MinResidents: 1, Deadline: calendarDays(10),
				Relative: RelTrigger, AppliesToHIPAA: true, Citation: "10 L.P.R.A. § 4052", Mark: MarkStatute,
				Note: "Departamento de Asuntos del Consumidor (DACO): within 10 days after the breach is " +
					"detected (state-laws.md [P]). AppliesToHIPAA is assumed: the research gives no HIPAA treatment.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: withHealth(),
			Source:   srcTable,
			Mark:     MarkStatute,
			Note: "Individuals [P]: as expeditiously as possible, no fixed days. state-laws.md gives no HIPAA " +
				"treatment (—): modeled as unknown [U]. Medical information protected by HIPAA counts " +
				"(general knowledge); health insurance numbers are modeled as part of it.",
		},
		{
			ID: "RI-11-49.3-4", Code: "RI", Title: "Rhode Island General Laws 11-49.3-4",
			Citation: "R.I. Gen. Laws § 11-49.3-4",
			Trigger:  TriggerAwareness, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 501, Relative: RelTrigger, AppliesToHIPAA: true,
				Citation: "R.I. Gen. Laws § 11-49.3-4", Mark: MarkSecondary,
				Note: "More than 500 Rhode Island residents (state-laws.md [S]). No time is stated; reportedly it " +
					"must not delay the resident notice (general knowledge). AppliesToHIPAA is assumed: the HIPAA " +
					"treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: withHealth(),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 45 days after confirming the breach and gathering the information needed. " +
				"HIPAA treatment unverified [U].",
		},
		{
			ID: "SD-22-40-20", Code: "SD", Title: "South Dakota Codified Laws 22-40-20", Citation: "SDCL § 22-40-20",
			Trigger: TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 251, Relative: RelTrigger, AppliesToHIPAA: true,
				Citation: "SDCL § 22-40-20", Mark: MarkStatute,
				Note: "More than 250 South Dakota residents (state-laws.md [P]). No time is stated. AppliesToHIPAA " +
					"is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   srcTable,
			Mark:     MarkStatute,
			Note: "Individuals [P]: 60 days after discovery. HIPAA: deemed compliant [U], so the residents' " +
				"notice stays owed, flagged. Health information as defined in 45 CFR 160.103 counts (general " +
				"knowledge).",
		},
		{
			ID: "TN-47-18-2107", Code: "TN", Title: "Tennessee Code 47-18-2107", Citation: "Tenn. Code Ann. § 47-18-2107",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkSecondary,
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: false, Citation: "Tenn. Code Ann. § 47-18-2107", Mark: MarkSecondary,
				Note: "More than 1,000 persons notified (correction [C]). No time is stated. Not for HIPAA entities, " +
					"which the law excludes.",
			}},
			HIPAA: HIPAAExempt, HIPAAMark: MarkSecondary,
			Elements: noMedical(),
			Source:   srcTable + "; " + srcCorrections + " (law-firm charts)",
			Mark:     MarkSecondary,
			Note: "Individuals: 45 days from discovery (correction [C]). HIPAA-regulated entities and their " +
				"business associates are excluded (state-laws.md, correction [C]). No regulator notice. " +
				"Tennessee's personal information does not include medical information (state-laws.md).",
		},
		{
			ID: "TX-521.053", Code: "TX", Title: "Texas Business and Commerce Code 521.053",
			Citation: "Tex. Bus. & Com. Code § 521.053",
			Trigger:  TriggerDetermination, Individuals: calendarDays(60), IndividualsMark: MarkStatute,
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 250, Deadline: calendarDays(30), Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Tex. Bus. & Com. Code § 521.053(i)", Mark: MarkStatute,
					Note: "250 or more Texas residents: within 30 days after the date on which the person determines " +
						"that the breach occurred (correction [S]).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 10001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Tex. Bus. & Com. Code § 521.053(h)", Mark: MarkSecondary,
					Note: "More than 10,000 persons notified at one time (correction [C]). No time is stated. The " +
						"subsection letter is general knowledge.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: withHealth(),
			SafeHarbor: SafeHarbor{Kind: HarborEncryptedKeySafe, Citation: "Tex. Bus. & Com. Code § 521.053(a)",
				Mark: MarkUnverified},
			Source: srcTable + "; " + srcCorrections,
			Mark:   MarkSecondary,
			Note: "Individuals [P]: 60 days after determining that the breach occurred (correction [S]). No HIPAA " +
				"exemption found (state-laws.md [U]). Encrypted data is not safe if the person accessing it has " +
				"the key (521.053(a), correction [?]): the safe harbor is unverified and clears nothing by itself.",
		},
		{
			ID: "VT-2435", Code: "VT", Title: "Vermont Statutes title 9, 2435", Citation: "9 V.S.A. § 2435",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{
				{
					ID: "ag-preliminary", Regulator: "Attorney General (preliminary notice)", MinResidents: 1,
					Deadline: businessDays(14), Relative: RelTrigger, AppliesToHIPAA: true, Citation: "9 V.S.A. § 2435",
					Mark: MarkSecondary,
					Note: "Within 14 business days of discovery, or when consumers are notified if that is " +
						"earlier (the next notice; state-laws.md [S]). AppliesToHIPAA is assumed: the HIPAA " +
						"treatment is unverified.",
				},
				{
					ID: "ag-preliminary-early", Regulator: "Attorney General (preliminary notice, if consumers are notified first)",
					MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "9 V.S.A. § 2435", Mark: MarkSecondary,
					Note: "The same preliminary notice is due no later than the consumer notice when that comes " +
						"before the 14 business days; one notice satisfies both.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   srcTable,
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 45 days after discovery. The AG preliminary notice is due within 14 business " +
				"days of discovery or of the consumer notice, whichever is earlier: modeled as two notices, the " +
				"earlier governs. HIPAA treatment unverified [U].",
		},
		{
			ID: "WA-19.255.010", Code: "WA", Title: "Revised Code of Washington 19.255.010", Citation: "RCW 19.255.010",
			Trigger: TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 501, Deadline: calendarDays(30), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "RCW 19.255.010", Mark: MarkSecondary,
				Note: "More than 500 Washington residents: within 30 days after discovery (state-laws.md [S]). " +
					"HIPAA entities still notify the AG; their timing may follow HITECH rather than 30 days " +
					"(correction [?]), which is not modeled: the 30 days are never later.",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkSecondary,
			Elements: allElements(),
			Source:   srcTable + "; " + srcCorrections + " (law-firm chart)",
			Mark:     MarkSecondary,
			Note: "Individuals [S]: 30 days after discovery. HIPAA [S]: the exception for covered entities under " +
				"HIPAA created by HB 1078 (2015) (correction [C]); the AG notice stays owed.",
		},
		{
			ID: "WI-134.98", Code: "WI", Title: "Wisconsin Statutes 134.98", Citation: "Wis. Stat. § 134.98",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkUnverified,
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: false, Citation: "Wis. Stat. § 134.98", Mark: MarkSecondary,
				Note: "More than 1,000 persons notified (correction [C]). No time is stated. Not for HIPAA entities " +
					"if the reported exemption holds; it is unverified, so the notice stays owed, flagged.",
			}},
			HIPAA: HIPAAExempt, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementBiometric),
			Source:   srcTable + "; " + srcCorrections,
			Mark:     MarkSecondary,
			Note: "Individuals: within 45 days (state-laws.md [S], correction [C]); the trigger (learning of the " +
				"breach, general knowledge) is not in the research [U]. HIPAA-regulated entities are reportedly " +
				"exempt [U]. No regulator notice. Wisconsin's personal information does not include medical " +
				"information (state-laws.md).",
		},
	}
}
