package statelaws

import (
	"time"

	"github.com/rickb777/date/v2"
)

// remainingRules returns the jurisdictions of state-laws-remaining.md (AK, AR, GA, HI,
// IA, ID, KS, KY, MA, MI, MN, MO, MS, MT, NC, ND, NE, NH, NJ, NV, SC, UT, VA, WV, WY, OK,
// PA, GU, VI) and the no-statute rules of AS and MP. Marks: [S] (statute text read) is
// MarkStatute, [C] (law-firm chart or regulator page) MarkSecondary, [?] MarkUnverified.
//
// None of these laws fixes a number of days for the residents' notice, so Individuals is
// the zero Period and the trigger, discovery, is nominal unless a regulator deadline counts
// from another event (AR).
func remainingRules() []Rule {
	src := func(s string) string { return srcRemaining + ": " + s }
	return []Rule{
		{
			ID: "AK-45.48.010", Code: "AK", Title: "Alaska Personal Information Protection Act (Alaska Stat. 45.48.010)",
			Citation: "Alaska Stat. §§ 45.48.010–45.48.090",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag-no-harm", Condition: CondNoHarm, Regulator: "Attorney General (no-harm determination)",
					MinResidents: 1, Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "Alaska Stat. § 45.48.010(c)", Mark: MarkStatute,
					Note: "Only when the entity relies on a determination that the breach will not result in harm: " +
						"written notice of it to the AG, and the determination kept for 5 years [S]. No time is stated.",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Alaska Stat. § 45.48.040", Mark: MarkStatute,
					Note: "More than 1,000 Alaska residents notified: all nationwide CRAs, without unreasonable delay; " +
						"not for entities subject to GLBA [S].",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementCredentials), ElementsMark: MarkSecondary,
			Source: src("S: law.justia.com 2019 AK Stat 45.48.010, courtgpt.ai 45.48.040 text; C: DWT, Constangy"),
			Mark:   MarkStatute,
			Note: "Residents: most expeditious time possible, without unreasonable delay; no fixed days [S]. No " +
				"HIPAA exemption found [?]: modeled as applying, unverified. Medical data not covered: SSN, " +
				"driver's license or state ID, financial account data, passwords and PINs [C].",
		},
		{
			ID: "AR-4-110-105", Code: "AR", Title: "Arkansas Personal Information Protection Act (Ark. Code 4-110-105)",
			Citation: "Ark. Code Ann. §§ 4-110-101 to 4-110-108 (Act 1030 of 2019)",
			Trigger:  TriggerDetermination, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1001, Relative: RelWithIndividuals,
					AppliesToHIPAA: true, Citation: "Ark. Code Ann. § 4-110-105", Mark: MarkSecondary,
					Note: "More than 1,000 Arkansas residents notified: at the same time as the notice to individuals " +
						"or within 45 days after determining a reasonable likelihood of harm, whichever is first [C]. " +
						"Modeled as two notices (this one and ag-45-days); the earlier governs and one notice " +
						"satisfies both. The section number is general knowledge; the research gives the chapter.",
				},
				{
					ID: "ag-45-days", Regulator: "Attorney General (45 days after the determination)", MinResidents: 1001,
					Deadline: calendarDays(45), Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "Ark. Code Ann. § 4-110-105", Mark: MarkSecondary,
					Note: "The same AG notice is due no later than 45 days after determining a reasonable likelihood " +
						"of harm, if the individuals have not been notified before [C]; the determination date is " +
						"the trigger.",
				},
			},
			HIPAA: HIPAAExemptExceptRegulator, HIPAAMark: MarkUnverified,
			Elements: allElements(), ElementsMark: MarkUnverified,
			Source: src("C: Constangy, Perkins Coie; other: Arkansas AG data-breach page, KARK (2019), Consumer Reports list (2011)"),
			Mark:   MarkSecondary,
			Note: "Residents: most expedient time and manner possible, without unreasonable delay; no fixed days " +
				"[C]. HIPAA: reportedly exempt when regulated by a law giving greater protection and at least " +
				"as thorough disclosure (4-110-106), not read; the AG's 2019 advisory was addressed to medical " +
				"licensees, so the AG notice is expected [?]: modeled as exempt except the AG notices, " +
				"unverified, so the residents' notice stays owed, flagged. Medical information (and biometric " +
				"data since 2019) reportedly covered [?]. No consumer reporting agency provision found [?].",
		},
		{
			ID: "AS-none", Code: "AS", Title: "American Samoa: no breach-notification statute found",
			Citation: "none found (state-laws-remaining.md)",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements:  allElements(),
			NoStatute: true,
			Source:    src("out of scope of the research; no statute found [?]"),
			Mark:      MarkUnverified,
			Note: "No breach-notification statute was found for American Samoa [?]; the territory was out of " +
				"the research's scope. Counsel must confirm that none applies. Only the federal notices bind.",
		},
		{
			ID: "GA-10-1-912", Code: "GA", Title: "Georgia Code 10-1-912", Citation: "O.C.G.A. §§ 10-1-910 to 10-1-912",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 10001, Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "O.C.G.A. § 10-1-912(d)", Mark: MarkStatute,
				Note: "More than 10,000 Georgia residents at one time: all nationwide CRAs [S]. Owed only by the " +
					"information brokers and data collectors the law reaches.",
			}},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Scope: "information brokers (who collect personal information for a fee, mainly to furnish it to " +
				"nonaffiliated third parties) and data collectors (state and local agencies)",
			Reach: ReachNotPractice, ScopeMark: MarkStatute,
			Source: src("S: law.justia.com 2016 Ga. Code 10-1-912, laws9.com 10-1-911 (2010); C: Mintz Matrix"),
			Mark:   MarkStatute,
			Note: "The statute reaches only information brokers and government data collectors [S], not an " +
				"ordinary medical practice (correction [C]): a scope condition, not an obligation for a " +
				"practice. Where it applies: most expedient time, no fixed days [S]; no regulator notice [C]. " +
				"No HIPAA provision [?]. Medical data not covered [S]; the other elements are counted " +
				"conservatively (general knowledge).",
		},
		{
			ID: "GU-48", Code: "GU", Title: "Guam Code Annotated title 9, chapter 48 (P.L. 30-004, 2009)",
			Citation: "9 GCA §§ 48.10–48.80",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: Constangy, Lewis Brisbois; other: proteuscyber.com (table of contents)"),
			Mark:     MarkSecondary,
			Note: "Residents: without unreasonable delay; no fixed days [C]. No regulator notice [C]; no consumer " +
				"reporting agency provision found [?]. 48.40 \"Procedures deemed in compliance\" exists but its " +
				"content was not read [?]: HIPAA treatment unknown. Medical data not covered [C]; the other " +
				"elements are counted conservatively (general knowledge). The rule ID names the chapter.",
		},
		{
			ID: "HI-487N-2", Code: "HI", Title: "Hawaii Revised Statutes 487N-2", Citation: "HRS §§ 487N-1 to 487N-4",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "consumer-protection", Regulator: "State Office of Consumer Protection", MinResidents: 1001,
					Relative: RelTrigger, AppliesToHIPAA: false, Citation: "HRS § 487N-2(f)", Mark: MarkStatute,
					Note: "More than 1,000 persons notified at one time: written notice, without unreasonable delay " +
						"[S]. Not for a health plan or provider deemed compliant (487N-2(g)(2)).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: false, Citation: "HRS § 487N-2(f)", Mark: MarkStatute,
					Note: "The same more-than-1,000 trigger: all nationwide CRAs [S]. Not for a health plan or " +
						"provider deemed compliant (487N-2(g)(2)).",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkStatute,
			Elements: noMedical(),
			Delay:    DelayRule{Honours: HonoursWrittenOnly, Citation: "HRS § 487N-2(c)", Mark: MarkStatute},
			Source:   src("S: HRS text in github.com/HACC17/BlueAndKrabby (487N-2), 487N-1 via Ansvar-Systems/US-law-mcp"),
			Mark:     MarkStatute,
			Note: "Residents: without unreasonable delay; no fixed days [S]. HIPAA [S]: \"any health plan or " +
				"healthcare provider that is subject to and in compliance with\" the HIPAA privacy and security " +
				"standards is deemed compliant (487N-2(g)(2)); business associates are not named. A " +
				"law-enforcement delay must be requested in writing, or documented in writing at the time " +
				"(487N-2(c)) [S]: modeled as written requests only, so an oral federal delay does not move " +
				"Hawaii's deadlines; an oral request documented in writing at the time may also qualify, and " +
				"counsel may decide so. Medical data not covered: SSN, driver's license or Hawaii ID, financial " +
				"account data [S].",
		},
		{
			ID: "IA-715C.2", Code: "IA", Title: "Iowa Code 715C.2", Citation: "Iowa Code §§ 715C.1–715C.2",
			Trigger: TriggerDiscovery, Individuals: Period{}, IndividualsMark: MarkUnverified,
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General, Consumer Protection Division (director)", MinResidents: 501,
				Deadline: businessDays(5), Relative: RelIndividualNotice, AppliesToHIPAA: false,
				Citation: "Iowa Code § 715C.2(8)", Mark: MarkStatute,
				Note: "More than 500 Iowa residents: written notice within 5 business days after notice to any " +
					"consumer [S]. Not for a person subject to and complying with HIPAA (715C.2(7)(d)).",
			}},
			HIPAA: HIPAAExempt, HIPAAMark: MarkStatute,
			Elements: noMedical(ElementBiometric, ElementCredentials), ElementsMark: MarkUnverified,
			Source: src("S: Iowa Code 715C text via the scrape in github.com/Ansvar-Systems/US-law-mcp (ia.json)"),
			Mark:   MarkStatute,
			Note: "Residents: most expeditious manner possible, without unreasonable delay; no fixed days [?]. " +
				"HIPAA [S]: 715C.2 does not apply to a person subject to and complying with the HIPAA/HITECH " +
				"regulations (715C.2(7)(d)). Medical data reportedly not covered [?]; the element list is " +
				"general knowledge. No consumer reporting agency provision found [?].",
		},
		{
			ID: "ID-28-51-105", Code: "ID", Title: "Idaho Code 28-51-105", Citation: "Idaho Code §§ 28-51-104 to 28-51-107",
			Trigger: TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: DWT, Constangy; other: cliclaw.com summary"),
			Mark:     MarkSecondary,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days [C]. Only " +
				"public agencies notify the AG (within 24 hours); no regulator notice for private entities [C]. " +
				"No HIPAA provision found; a general own-procedures / primary-regulator deemed-compliance clause " +
				"exists [?]: modeled as deemed compliant, unverified, so the residents' notice stays owed, " +
				"flagged. No consumer reporting agency provision found [?]. Medical data not covered [C]; the " +
				"other elements are counted conservatively (general knowledge). The section number is general " +
				"knowledge.",
		},
		{
			ID: "KS-50-7a02", Code: "KS", Title: "Kansas Statutes 50-7a02", Citation: "K.S.A. §§ 50-7a01 to 50-7a04",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: false, Citation: "K.S.A. § 50-7a02(f)", Mark: MarkStatute,
				Note: "More than 1,000 consumers at one time: all nationwide CRAs, without unreasonable delay [S]. " +
					"Not for an entity deemed compliant under 50-7a02(e), if that reaches HIPAA entities (unverified).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: noMedical(), ElementsMark: MarkUnverified,
			Source: src("S: ksrevisor.org text via github.com/Ansvar-Systems/US-law-mcp (ks.json)"),
			Mark:   MarkStatute,
			Note: "Residents: most expedient time possible, without unreasonable delay, once a prompt " +
				"investigation finds misuse has occurred or is reasonably likely (50-7a02(a)) [S]; no fixed days. " +
				"No regulator notice; the AG enforces (50-7a02(g)) [S]. HIPAA: no HIPAA-specific clause; an " +
				"entity that keeps breach procedures under its primary or functional regulator's rules \"is " +
				"deemed to be in compliance\" (50-7a02(e)) [S], which only arguably covers HIPAA entities: " +
				"modeled as deemed compliant, unverified. Medical data reportedly not covered [?].",
		},
		{
			ID: "KY-365.732", Code: "KY", Title: "Kentucky Revised Statutes 365.732", Citation: "KRS § 365.732",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: false, Citation: "KRS § 365.732", Mark: MarkSecondary,
				Note: "More than 1,000 persons: all nationwide CRAs, without unreasonable delay [C]. Not for " +
					"HIPAA-covered persons if the reported exemption holds (unverified).",
			}},
			HIPAA: HIPAAExempt, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: Perkins Coie, DWT; other: tekrisq.com chart, wordsbywit"),
			Mark:     MarkSecondary,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days [C]. No " +
				"regulator notice for private entities [C]. HIPAA: reportedly does not apply to HIPAA-covered " +
				"persons (365.732(8)), not read [?]: until verified, the residents' notice stays owed, flagged. " +
				"Medical data not covered [C]; the other elements are counted conservatively (general knowledge).",
		},
		{
			ID: "MA-93H", Code: "MA", Title: "Massachusetts General Laws chapter 93H", Citation: "M.G.L. c. 93H, §§ 3–5; 201 CMR 17.00",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "M.G.L. c. 93H, § 3", Mark: MarkStatute,
					Note: "Every breach with Massachusetts residents: as soon as practicable and without unreasonable " +
						"delay, with a sample copy of the consumer notice [S]. Also the condition of deemed compliance " +
						"(§ 5) [S]; its condition is always because § 3 requires it of every breach, HIPAA entity or " +
						"not.",
				},
				{
					ID: "ocabr", Regulator: "Office of Consumer Affairs and Business Regulation (Director)", MinResidents: 1,
					Relative: RelTrigger, AppliesToHIPAA: true, Citation: "M.G.L. c. 93H, § 3", Mark: MarkStatute,
					Note: "Every breach with Massachusetts residents: as soon as practicable and without unreasonable " +
						"delay [S]. Also the condition of deemed compliance (§ 5) [S]; its condition is always " +
						"because § 3 requires it of every breach.",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: "consumer reporting agencies and state agencies named by OCABR",
					MinResidents: 1, Relative: RelTrigger, AppliesToHIPAA: false, Citation: "M.G.L. c. 93H, § 3",
					Mark: MarkStatute,
					Note: "Owed to the consumer reporting agencies and state agencies OCABR names after it receives the " +
						"notice [S]; no time is stated. Not for an entity deemed compliant under § 5.",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkStatute,
			Elements: noMedical(), ElementsMark: MarkUnverified,
			Delay:  DelayRule{Honours: HonoursOnCondition, Citation: "M.G.L. c. 93H, § 4", Mark: MarkStatute},
			Source: src("S: malegislature.gov c. 93H text via github.com/Ansvar-Systems/US-law-mcp (ma.json)"),
			Mark:   MarkStatute,
			Note: "Residents: as soon as practicable and without unreasonable delay; notice may not wait until the " +
				"total number is known (§ 3) [S]; no fixed days. HIPAA [S]: a person following procedures " +
				"required by federal law is deemed compliant only if it also notifies the AG and OCABR as soon as " +
				"practicable (§ 5). A law-enforcement delay requires the agency to tell the AG in writing (§ 4) " +
				"[S]: no delay is honoured until counsel confirms that. Medical data reportedly not covered [?].",
		},
		{
			ID: "MI-445.72", Code: "MI", Title: "Michigan Identity Theft Protection Act (MCL 445.72)", Citation: "MCL §§ 445.63, 445.72",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: false, Citation: "MCL § 445.72", Mark: MarkUnverified,
				Note: "More than 1,000 residents: CRAs (reported [?]). No time is stated. Not for a HIPAA entity " +
					"if the reported deemed compliance holds (unverified).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkUnverified,
			Source: src("other: cliclaw.com, reggi.ai summaries; AlexNetCC/USDataBreachApp dataset (lead only)"),
			Mark:   MarkUnverified,
			Note: "Every fact is unverified [?]: residents without unreasonable delay, no fixed days; no regulator " +
				"notice found; CRAs above 1,000 reported; reportedly deemed compliant if subject to and " +
				"complying with HIPAA (445.72(10)?), not read; medical data reportedly not covered.",
		},
		{
			ID: "MN-325E.61", Code: "MN", Title: "Minnesota Statutes 325E.61", Citation: "Minn. Stat. § 325E.61",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 501, Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "Minn. Stat. § 325E.61", Mark: MarkUnverified,
					Note: "DWT lists no regulator notice [C]; one non-firm site (complianceiq) says an AG notice became " +
						"due in 2025 when more than 500 residents are affected, not confirmed [?]. Modeled so counsel " +
						"sees it: unverified, no fixed days.",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 501, Deadline: calendarDays(2),
					Relative: RelTrigger, AppliesToHIPAA: true, Citation: "Minn. Stat. § 325E.61", Mark: MarkUnverified,
					Note: "More than 500 persons at one time: CRAs within 48 hours (reported [?]); modeled as 2 " +
						"calendar days after the trigger, the earlier reading.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: DWT; other: cliclaw.com, wordsbywit, csrps.com, complianceiq"),
			Mark:     MarkSecondary,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days [C]. No HIPAA " +
				"provision found [?]: modeled as applying, unverified. Medical data not covered [C]; the other " +
				"elements are counted conservatively (general knowledge).",
		},
		{
			ID: "MO-407.1500", Code: "MO", Title: "Missouri Revised Statutes 407.1500", Citation: "RSMo § 407.1500",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1001, Relative: RelTrigger, AppliesToHIPAA: false,
					Citation: "RSMo § 407.1500", Mark: MarkSecondary,
					Note: "More than 1,000 consumers at one time: the timing, distribution and content of the notice, " +
						"without unreasonable delay [C]. Not for an entity deemed compliant, if the reported clause " +
						"holds (unverified).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: false, Citation: "RSMo § 407.1500", Mark: MarkSecondary,
					Note: "More than 1,000 consumers at one time: all nationwide CRAs [C]. Not for an entity deemed " +
						"compliant, if the reported clause holds (unverified).",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: allElements(), ElementsMark: MarkStatute,
			Source: src("S: laws9.com / cliclaw.com text of 407.1500; C: DWT, iTechLaw"),
			Mark:   MarkSecondary,
			Note: "Residents: without unreasonable delay; no fixed days [C]. HIPAA: reportedly deemed compliant if " +
				"regulated by state or federal law and following its procedures, not read [?]: the residents' " +
				"notice stays owed, flagged. Medical and health insurance information count (407.1500.1(5), (6)) " +
				"[S].",
		},
		{
			ID: "MP-none", Code: "MP", Title: "Northern Mariana Islands: no breach-notification statute found",
			Citation: "none found (state-laws-remaining.md)",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements:  allElements(),
			NoStatute: true,
			Source:    src("out of scope of the research; no statute found [?]"),
			Mark:      MarkUnverified,
			Note: "No breach-notification statute was found for the Northern Mariana Islands [?]; the territory " +
				"was out of the research's scope. Counsel must confirm that none applies. Only the federal " +
				"notices bind.",
		},
		{
			ID: "MS-75-24-29", Code: "MS", Title: "Mississippi Code 75-24-29", Citation: "Miss. Code Ann. § 75-24-29",
			Trigger: TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: Perkins Coie, DWT"),
			Mark:     MarkSecondary,
			Note: "Residents: without unreasonable delay, subject to completing the investigation; no fixed days " +
				"[C]. No regulator notice [C]; no consumer reporting agency notice (reported [?]). HIPAA: " +
				"reportedly deemed compliant if regulated by state or federal law and following its procedures, " +
				"not read [?]: the residents' notice stays owed, flagged. Medical data not covered [C]; the other " +
				"elements are counted conservatively (general knowledge).",
		},
		{
			ID: "MT-30-14-1704", Code: "MT", Title: "Montana Code 30-14-1704", Citation: "MCA § 30-14-1704",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "consumer-protection", Regulator: "Montana DOJ Office of Consumer Protection", MinResidents: 1,
					Relative: RelWithIndividuals, AppliesToHIPAA: true, Citation: "MCA § 30-14-1704", Mark: MarkSecondary,
					Note: "With every notice, at the same time: an electronic copy, with the number of Montana residents " +
						"notified, the date and the method [C] (MT DOJ guidance, a regulator page).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "MCA § 30-14-1704", Mark: MarkUnverified,
					Note: "Only when the notice tells residents to contact a CRA: coordinate with the CRA (reported [?]). " +
						"No threshold or time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: allElements(), ElementsMark: MarkUnverified,
			Source: src("C: Montana DOJ Office of Consumer Protection guidance (regulator page); other: wordsbywit"),
			Mark:   MarkSecondary,
			Note: "Residents: without unreasonable delay; no fixed days [C] (a template site's 30 days after " +
				"confirmation is unsupported). No HIPAA provision found [?]: modeled as applying, unverified. " +
				"Medical record information reportedly covered, not read [?].",
		},
		{
			ID: "NC-75-65", Code: "NC", Title: "North Carolina General Statutes 75-65", Citation: "N.C. Gen. Stat. §§ 75-61, 75-65",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General, Consumer Protection Division", MinResidents: 1, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "N.C. Gen. Stat. § 75-65", Mark: MarkSecondary,
					Note: "Every breach with North Carolina residents: without unreasonable delay [C].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "N.C. Gen. Stat. § 75-65", Mark: MarkUnverified,
					Note: "More than 1,000 persons at one time: nationwide CRAs (reported [?]). No time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: DWT, Lewis Brisbois, NC DOJ guidance"),
			Mark:     MarkSecondary,
			Note: "Residents: without unreasonable delay; no fixed days [C]. No HIPAA provision found [?]: modeled " +
				"as applying, unverified. Medical data not covered; biometric data, fingerprints and digital " +
				"signatures are [C].",
		},
		{
			ID: "ND-51-30-02", Code: "ND", Title: "North Dakota Century Code 51-30-02", Citation: "N.D.C.C. §§ 51-30-01 to 51-30-07",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "ag", Regulator: "Attorney General", MinResidents: 251, Relative: RelTrigger, AppliesToHIPAA: false,
				Citation: "N.D.C.C. § 51-30-02", Mark: MarkStatute,
				Note: "A breach of more than 250 individuals: by mail or e-mail, on the same most-expedient timing " +
					"[S]. Not for an entity deemed compliant under 51-30-06, if the reported clause holds " +
					"(unverified).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: allElements(),
			Source:   src("S: lexace.ai 51-30-02, legalfix.com 51-30-01 text; C: Perkins Coie, Mintz"),
			Mark:     MarkStatute,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days (51-30-02) " +
				"[S]. HIPAA: reportedly deemed compliant under 51-30-06, not read [?]: the residents' notice stays " +
				"owed, flagged. Medical and health insurance information count (51-30-01, since H.B. 1435, 2013) " +
				"[S]. No consumer reporting agency provision found [?].",
		},
		{
			ID: "NE-87-803", Code: "NE", Title: "Nebraska Revised Statutes 87-803", Citation: "Neb. Rev. Stat. §§ 87-801 to 87-807",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "Neb. Rev. Stat. § 87-803(2)", Mark: MarkStatute,
					Note: "Every breach that requires notice to residents: no later than when residents are notified [S].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Neb. Rev. Stat. § 87-803", Mark: MarkUnverified,
					Note: "More than 1,000 residents (one non-firm site), not confirmed [?]. No time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkUnverified,
			Source: src("S: self-law.org research copy of 87-803; other: Nebraska AG form, complianceiq"),
			Mark:   MarkStatute,
			Note: "Residents: as soon as possible and without unreasonable delay, after a prompt good-faith " +
				"investigation (87-803(1)) [S]; no fixed days. No HIPAA provision found [?]: modeled as applying, " +
				"unverified. Medical data reportedly not covered (biometric data is) [?].",
		},
		{
			ID: "NH-359-C:20", Code: "NH", Title: "New Hampshire RSA 359-C:20", Citation: "RSA 359-C:19 to 359-C:21",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General (or the primary regulator)", MinResidents: 1, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "RSA 359-C:20, I(b)", Mark: MarkStatute,
					Note: "Every breach: the NH AG, or the primary regulator for entities under RSA 358-A:3, I, with " +
						"the planned date of the individual notice and the approximate number; no fixed days [S].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "RSA 359-C:20", Mark: MarkSecondary,
					Note: "More than 1,000 people: all national CRAs, with the date of the consumer notice and the " +
						"approximate number [C]. No time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkSecondary,
			Source: src("S: lawserver.com RSA 359-C:20 (2023); C: NH DOJ guidance, Constangy, Mintz"),
			Mark:   MarkStatute,
			Note: "Residents: as soon as possible, after a prompt determination of the likelihood of misuse " +
				"(359-C:20 I(a)) [S]; no fixed days. No HIPAA provision found in 359-C [?]: modeled as applying, " +
				"unverified. Medical data not covered by 359-C [C]; separate NH statutes on medical information " +
				"(e.g. RSA 332-I) were not researched.",
		},
		{
			ID: "NJ-56:8-163", Code: "NJ", Title: "New Jersey Statutes 56:8-163", Citation: "N.J. Stat. Ann. §§ 56:8-161 to 56:8-166",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "state-police", Regulator: "Division of State Police (NJCCIC)", MinResidents: 1,
					Relative: RelBeforeIndividuals, AppliesToHIPAA: true, Citation: "N.J. Stat. Ann. § 56:8-163", Mark: MarkStatute,
					Note: "Every breach: before notifying customers [S].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "N.J. Stat. Ann. § 56:8-163", Mark: MarkSecondary,
					Note: "More than 1,000 persons at one time: all nationwide CRAs, without unreasonable delay [C].",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkUnverified,
			Source: src("S: statute text quoted at cyber.nj.gov; C: Klinedinst (2024-02-28), Perkins Coie"),
			Mark:   MarkSecondary,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days [C]. No HIPAA " +
				"provision found [?]: modeled as applying, unverified. Medical data reportedly not covered; NJ's " +
				"separate health-record provisions were not researched [?]. The section number is general knowledge.",
		},
		{
			ID: "NV-603A.220", Code: "NV", Title: "Nevada Revised Statutes 603A.220", Citation: "NRS 603A.010 et seq., 603A.220",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "NRS 603A.220", Mark: MarkSecondary,
				Note: "More than 1,000 persons at any one time: all nationwide CRAs [C]. No time is stated.",
			}},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementHealthInsurance, ElementSSN, ElementDriversLicense, ElementFinancialAccount,
				ElementCredentials},
			ElementsMark: MarkUnverified,
			Source:       src("S: casetext.com NRS 603A.220 (through 2023); C: Perkins Coie"),
			Mark:         MarkStatute,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days (603A.220(1)) " +
				"[S]. No regulator notice found [?]. The exception in 603A.220(7) was not read (reportedly GLBA " +
				"only) [?]: modeled as applying, unverified. Reportedly covers medical ID and health insurance ID " +
				"numbers (A.B. 179, 2015), not diagnosis or treatment [?].",
		},
		{
			ID: "OK-163", Code: "OK", Title: "Oklahoma Security Breach Notification Act (24 O.S. 163)",
			Citation: "24 O.S. §§ 161–166, as amended by SB 626 (2025)",
			Trigger:  TriggerDiscovery, Individuals: Period{}, IndividualsMark: MarkUnverified,
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 500, Deadline: calendarDays(60), Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "24 O.S. § 163 (SB 626)", Mark: MarkUnverified,
					Note: "500 or more Oklahoma residents (1,000 or more for credit-bureau breaches) [C]. No more than " +
						"60 days, but the sources disagree on the anchor: most say 60 days after notifying residents, " +
						"HIPAA Journal says 60 days from discovery [C]. Modeled on the earlier reading, 60 days after " +
						"discovery, so no deadline is later than either.",
				},
				{
					ID: "ag-hipaa", Condition: CondDeemedCompliance, Regulator: "Attorney General (condition of deemed compliance)",
					MinResidents: 1, Deadline: calendarDays(60), Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "24 O.S. § 163 (SB 626)", Mark: MarkUnverified,
					Note: "Deemed compliance for an entity following HIPAA is reportedly conditional on notifying the " +
						"AG [?]; whether the 500-resident threshold applies to that notice is not known, so it is " +
						"modeled for any resident, with the AG notice's earlier 60 days.",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements:    nonHealth(),
			EffectiveOn: date.New(2026, time.January, 1),
			Source:      src("C: Covington (insideprivacy.com); other: tenaco.com, lawivy.com, hipaatimes.com, hipaajournal.com, regulon.ai"),
			Mark:        MarkSecondary,
			Note: "As amended by SB 626, for breaches discovered on or after 2026-01-01. Residents: without " +
				"unreasonable delay; no fixed days [?]. HIPAA: reportedly deemed compliant for the individual " +
				"notice when following HIPAA (or the OK Hospital Cybersecurity Protection Act, or GLBA), provided " +
				"the AG is notified [?]: unverified, so the residents' notice stays owed, flagged. No consumer " +
				"reporting agency provision found [?]. Medical data not covered (biometric data, government ID " +
				"numbers and electronic identifiers are) [C].",
		},
		{
			ID: "PA-2303", Code: "PA", Title: "Pennsylvania Breach of Personal Information Notification Act (73 P.S. 2303)",
			Citation: "73 P.S. §§ 2301–2330, as amended by Act 151 of 2022 and Act 33 of 2024",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Office of Attorney General", MinResidents: 501, Relative: RelWithIndividuals,
					AppliesToHIPAA: false, Citation: "73 P.S. § 2303(c.1)", Mark: MarkStatute,
					Note: "More than 500 Pennsylvania individuals: at the same time as the individual notice (s. 3(c.1)); " +
						"insurance-data-security licensees are exempt [S]. Not for a HIPAA entity if the reported " +
						"deemed compliance holds (unverified).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 500, Relative: RelTrigger,
					AppliesToHIPAA: false, Citation: "73 P.S. § 2303", Mark: MarkSecondary,
					Note: "500 or more individuals: nationwide CRAs (was 1,000) [C]. No time is stated. Not for a HIPAA " +
						"entity if the reported deemed compliance holds (unverified).",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementHealthInsurance, ElementSSN, ElementDriversLicense, ElementFinancialAccount,
				ElementBiometric, ElementCredentials},
			ElementsMark: MarkSecondary,
			EffectiveOn:  date.New(2024, time.September, 26),
			Source:       src("S: SB 824 printer's no. 899 text; C: Constangy (jdsupra), Sheppard Mullin (mondaq)"),
			Mark:         MarkSecondary,
			Note: "As amended by Act 151 of 2022 (eff. 2023-05-02) and Act 33 of 2024 (SB 824, eff. 2024-09-26). " +
				"Residents: without unreasonable delay; no fixed days (state agencies and their contractors: 7 " +
				"business days) [C]. 12 months of free credit monitoring when an SSN, bank account or driver's " +
				"license / state ID is involved [C]. HIPAA: Act 151 added exemptions for HIPAA-regulated entities, " +
				"reportedly deemed compliance; exact conditions not read [?]. Health insurance information " +
				"counts; medical information counts only when a State agency or its contractor holds it, so for a " +
				"private practice only health insurance data triggers the law [C].",
		},
		{
			ID: "SC-39-1-90", Code: "SC", Title: "South Carolina Code 39-1-90", Citation: "S.C. Code Ann. § 39-1-90",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "dept-consumer-affairs", Regulator: "Dept. of Consumer Affairs, Consumer Protection Division",
					MinResidents: 1001, Relative: RelTrigger, AppliesToHIPAA: true, Citation: "S.C. Code Ann. § 39-1-90",
					Mark: MarkSecondary,
					Note: "More than 1,000 persons at one time: without unreasonable delay [C].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "S.C. Code Ann. § 39-1-90", Mark: MarkSecondary,
					Note: "More than 1,000 persons at one time: all nationwide CRAs [C]. No time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkSecondary,
			Source: src("S: cliclaw.com statute text of 39-1-90; C: Perkins Coie, Constangy, Lewis Brisbois"),
			Mark:   MarkStatute,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days (39-1-90(A)) " +
				"[S]. No HIPAA provision found, only a bank/financial-institution exception [?]: modeled as " +
				"applying, unverified. Medical data not covered [C]; the other elements are counted " +
				"conservatively (general knowledge).",
		},
		{
			ID: "UT-13-44-202", Code: "UT", Title: "Utah Protection of Personal Information Act (Utah Code 13-44-202)",
			Citation: "Utah Code §§ 13-44-101 et seq., 13-44-202",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Attorney General", MinResidents: 500, Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "Utah Code § 13-44-202", Mark: MarkSecondary,
					Note: "500 or more Utah residents: the date of the breach and of its discovery, totals, types of " +
						"data and a description; no fixed days [C].",
				},
				{
					ID: "cyber-center", Regulator: "Utah Cyber Center", MinResidents: 500, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Utah Code § 13-44-202", Mark: MarkSecondary,
					Note: "500 or more Utah residents: the same information as the AG notice; no fixed days [C].",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1000, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "Utah Code § 13-44-202", Mark: MarkSecondary,
					Note: "1,000 or more residents: each CRA [C]. No time is stated.",
				},
			},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements:    nonHealth(),
			EffectiveOn: date.New(2024, time.May, 1),
			Source:      src("C: Perkins Coie, DWT, eyeonprivacy.com (Sheppard Mullin, 2023-04)"),
			Mark:        MarkSecondary,
			Note: "As amended by S.B. 127 (eff. 2023-05-03) and S.B. 98 (eff. 2024-05-01). Residents: most " +
				"expedient time possible, without unreasonable delay; no fixed days [C]. No HIPAA provision found " +
				"[?]: modeled as applying, unverified. Medical data not covered [C]; the other elements are " +
				"counted conservatively (general knowledge).",
		},
		{
			ID: "VA-18.2-186.6", Code: "VA", Title: "Code of Virginia 18.2-186.6 (personal information)",
			Citation: "Va. Code § 18.2-186.6",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "ag", Regulator: "Office of the Attorney General", MinResidents: 1, Relative: RelTrigger,
					AppliesToHIPAA: false, Citation: "Va. Code § 18.2-186.6", Mark: MarkUnverified,
					Note: "The Office of the AG (reported [?]); when more than 1,000 persons are notified at one time, " +
						"the AG also gets the timing, distribution and content of the notice (reported [?]). No time " +
						"is stated. Not for an entity deemed compliant, if the reported clause holds (unverified).",
				},
				{
					ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: false, Citation: "Va. Code § 18.2-186.6", Mark: MarkUnverified,
					Note: "More than 1,000 persons at one time: the CRAs (reported [?]). No time is stated.",
				},
			},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkUnverified,
			Source: src("other: instalawyer.io (18.2-186.6 definitions only)"),
			Mark:   MarkUnverified,
			Note: "Residents: without unreasonable delay; no fixed days (a vendor blog's 60 days is unsupported) " +
				"[?]. HIPAA: reportedly deemed compliant under the primary or functional regulator's rules, not " +
				"read [?]. Medical data not covered: the research marks the cell [S], but its only source for " +
				"18.2-186.6 is a non-firm site's definitions, so the exclusion is loaded as unverified. Medical " +
				"information is the subject of 32.1-127.1:05 (rule VA-32.1-127.1:05).",
		},
		{
			ID: "VA-32.1-127.1:05", Code: "VA", Title: "Code of Virginia 32.1-127.1:05 (medical information)",
			Citation: "Va. Code § 32.1-127.1:05",
			Trigger:  TriggerDiscovery, Individuals: Period{}, IndividualsMark: MarkUnverified,
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance},
			Scope: "state and local government bodies and organizations funded wholly or mainly by public money " +
				"(as enacted, eff. 2011-01-01)",
			Reach: ReachNotPractice, ScopeMark: MarkUnverified,
			EffectiveOn: date.New(2011, time.January, 1),
			Source:      src("S: laws9.com text of 32.1-127.1:05 (2011); C: insurereinsure.com (Wilson Elser blog)"),
			Mark:        MarkStatute,
			Note: "Covers medical and health insurance information, but as enacted (eff. 2011-01-01) only for " +
				"state and local bodies and organizations funded wholly or mainly by public money [S], so not an " +
				"ordinary practice. Later amendments were not checked, so the scope of the current text is " +
				"unverified and the rule stays flagged for counsel. Its HIPAA treatment (whether HIPAA covered " +
				"entities are carved out), notice timing and regulator notices were not researched.",
		},
		{
			ID: "VI-2208", Code: "VI", Title: "Virgin Islands Code title 14, 2208", Citation: "14 V.I.C. § 2208 (and §§ 2201, 2209–2212)",
			Trigger: TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(),
			Source:   src("C: Constangy; other: cliclaw.com"),
			Mark:     MarkSecondary,
			Note: "Residents: most expedient time possible, without unreasonable delay; no fixed days [C]. No " +
				"regulator notice [C]; no consumer reporting agency provision found [?]. No HIPAA provision found, " +
				"only an own-procedures clause [?]: modeled as applying, unverified. Medical data not covered " +
				"[C]; the other elements are counted conservatively (general knowledge).",
		},
		{
			ID: "WV-46A-2A-102", Code: "WV", Title: "West Virginia Code 46A-2A-102", Citation: "W. Va. Code §§ 46A-2A-101 to 46A-2A-105",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "cra", Kind: KindConsumerReporting, Regulator: craName, MinResidents: 1001, Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "W. Va. Code § 46A-2A-102", Mark: MarkUnverified,
				Note: "More than 1,000 persons: all nationwide CRAs, without unreasonable delay (reported [?]).",
			}},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: nonHealth(), ElementsMark: MarkSecondary,
			Source: src("S: lexace.ai 46A-2A-102 text; C: DWT; other: csrps.com"),
			Mark:   MarkStatute,
			Note: "Residents: without unreasonable delay; no fixed days (46A-2A-102(a)) [S]. No regulator notice " +
				"[C]. No HIPAA provision found [?]: modeled as applying, unverified. Medical data not covered [C]; " +
				"the other elements are counted conservatively (general knowledge).",
		},
		{
			ID: "WY-40-12-502", Code: "WY", Title: "Wyoming Statutes 40-12-502", Citation: "Wyo. Stat. §§ 40-12-501 to 40-12-509",
			Trigger: TriggerDiscovery, Individuals: Period{},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: allElements(), ElementsMark: MarkUnverified,
			Delay:       DelayRule{Honours: HonoursWrittenOnly, Citation: "Wyo. Stat. § 40-12-502(b)", Mark: MarkStatute},
			EffectiveOn: date.New(2015, time.July, 1),
			Source:      src("S: law.counselstack.com 40-12-502 text; C: Perkins Coie; other: cliclaw.com element list"),
			Mark:        MarkStatute,
			Note: "As amended by SF 35/36, eff. 2015-07-01. Residents: as soon as possible, in the most expedient " +
				"time possible and without unreasonable delay, after a prompt good-faith investigation " +
				"(40-12-502(a)) [S]; no fixed days. A law-enforcement delay only if the agency \"determines in " +
				"writing\" (40-12-502(b)) [S]: an oral federal delay does not move Wyoming's deadlines. No " +
				"regulator or consumer reporting agency notice found [?]. HIPAA: reportedly deemed compliant for a " +
				"HIPAA covered entity or business associate (40-12-502(h)), not read [?]. Medical and health " +
				"insurance information reportedly covered through W.S. 6-3-901(b) [?].",
		},
	}
}
