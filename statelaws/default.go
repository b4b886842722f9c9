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

// Default returns a fresh copy of every row of state-laws.md, one Rule per law, sorted by
// ID: AL, AZ, CA (Civ. Code 1798.82 and Health & Safety Code 1280.15), CO, CT, DC, DE, FL,
// IL, IN, LA, MD, ME, NM, NY, OH, OR, PR, RI, SD, TN, TX, VT, WA and WI.
//
// Marks follow the table. Where the table is silent, values modeled from general
// knowledge are said so in the Note; those that set a deadline or trigger are marked U.
// The data elements go beyond the table, which says only which laws leave medical data
// out; see the package documentation.
func Default() []Rule {
	all := DataElementValues
	noMedical := func(extra ...DataElement) []DataElement {
		return append([]DataElement{ElementSSN, ElementDriversLicense, ElementFinancialAccount}, extra...)
	}
	rules := []Rule{
		{
			ID: "AL-8-38-5", Code: "AL", Title: "Code of Alabama 8-38-5", Citation: "Ala. Code § 8-38-5",
			Trigger: TriggerDetermination, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1001, Deadline: calendarDays(45), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Ala. Code § 8-38-6", Mark: MarkStatute,
				Note: "More than 1,000 Alabama residents: within 45 days after the determination. " +
					"HIPAA entities still send it (state-laws.md: exempt except AG notice [U]).",
			}},
			HIPAA: HIPAAExemptExceptRegulator, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
				ElementFinancialAccount, ElementCredentials},
			Mark: MarkStatute,
			Note: "Individuals: 45 days after the determination of a breach. HIPAA-regulated entities are " +
				"reportedly exempt except for the AG notice [U].",
		},
		{
			ID: "AZ-18-552", Code: "AZ", Title: "Arizona Revised Statutes 18-552", Citation: "A.R.S. § 18-552",
			Trigger: TriggerDetermination, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General", MinResidents: 1001, Relative: RelTrigger, AppliesToHIPAA: true,
					Citation: "A.R.S. § 18-552", Mark: MarkSecondary,
					Note: "More than 1,000 people notified. No time is stated in state-laws.md; the statute reportedly " +
						"applies its 45 days to this notice too (general knowledge). AppliesToHIPAA is assumed: the " +
						"HIPAA treatment is unverified.",
				},
				{
					ID: "n2", Regulator: "Arizona Dept. of Homeland Security", MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "A.R.S. § 18-552", Mark: MarkSecondary,
					Note: "More than 1,000 people notified; sent with the AG notice. No time is stated in " +
						"state-laws.md. AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkSecondary,
			Note:     "Individuals: 45 days after the determination of a breach. HIPAA treatment unverified.",
		},
		{
			ID: "CA-1798.82", Code: "CA", Title: "California Civil Code 1798.82", Citation: "Cal. Civ. Code § 1798.82",
			Trigger: TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General (sample copy of the notice)", MinResidents: 501,
				Deadline: calendarDays(15), Relative: RelIndividualNotice, AppliesToHIPAA: true,
				Citation: "Cal. Civ. Code § 1798.82(f)", Mark: MarkSecondary,
				Note: "More than 500 California residents: a sample copy of the notice, submitted electronically, " +
					"within 15 days of notifying consumers. AppliesToHIPAA: the HIPAA provision covers only the " +
					"notice's content.",
			}},
			HIPAA: HIPAAPartial, HIPAAMark: MarkUnverified,
			Elements:    all(),
			EffectiveOn: date.New(2026, time.January, 1),
			Mark:        MarkSecondary,
			Note: "Individuals: 30 days after discovery or notification of the breach, from 2026-01-01 " +
				"(before: most expedient time). HIPAA [U]: a covered entity whose notice complies with " +
				"HITECH 13402(f) is deemed to meet the content requirements (1798.82(e)); modeled as partial " +
				"because the deadline and the AG notice still apply.",
		},
		{
			ID: "CA-HSC-1280.15", Code: "CA", Title: "California Health and Safety Code 1280.15",
			Citation: "Cal. Health & Safety Code § 1280.15",
			Trigger:  TriggerDetection, Individuals: businessDays(15),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "CDPH", MinResidents: 1, Deadline: businessDays(15), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Cal. Health & Safety Code § 1280.15(b)", Mark: MarkStatute,
				Note: "California Department of Public Health: within 15 business days after the unlawful or " +
					"unauthorized access, use or disclosure is detected, or after a law-enforcement delay ends.",
			}},
			HIPAA:    HIPAAApplies,
			Elements: []DataElement{ElementMedical},
			Scope:    "licensed clinics, health facilities, home health agencies and hospices",
			Mark:     MarkStatute, ScopeMark: MarkUnverified,
			Note: "Patients and CDPH within 15 business days after detection (or after a law-enforcement " +
				"delay ends); applies regardless of HIPAA. Counts a patient's medical information. Which " +
				"practices are licensed clinics is unverified [U]: a physician practice is often not one " +
				"(general knowledge).",
		},
		{
			ID: "CO-6-1-716", Code: "CO", Title: "Colorado Revised Statutes 6-1-716", Citation: "C.R.S. § 6-1-716",
			Trigger: TriggerDetermination, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General", MinResidents: 500, Deadline: calendarDays(30), Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "C.R.S. § 6-1-716", Mark: MarkSecondary,
					Note: "500 or more Colorado residents: within 30 days after the determination that a breach " +
						"occurred. AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
				},
				{
					ID: "n2", Regulator: "Consumer reporting agencies", MinResidents: 1001, Relative: RelTrigger,
					AppliesToHIPAA: true, Citation: "C.R.S. § 6-1-716", Mark: MarkUnverified,
					Note: "More than 1,000 Colorado residents. No time is stated in state-laws.md, whose marks " +
						"cover only the deadline and the AG notice.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: 30 days after the determination that a breach occurred. HIPAA treatment " +
				"unverified: the statute reportedly deems an entity following its federal regulator's " +
				"procedures compliant, but where the laws conflict the one giving greater protection controls " +
				"(general knowledge).",
		},
		{
			ID: "CT-36a-701b", Code: "CT", Title: "Connecticut General Statutes 36a-701b",
			Citation: "Conn. Gen. Stat. § 36a-701b",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "Conn. Gen. Stat. § 36a-701b", Mark: MarkSecondary,
				Note: "No later than when Connecticut residents are notified. AppliesToHIPAA: deemed compliance " +
					"reportedly requires this AG notice (general knowledge).",
			}},
			HIPAA:    HIPAADeemedCompliant,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: 60 days after discovery. HIPAA: notice that complies with HIPAA/HITECH is " +
				"deemed compliant.",
		},
		{
			ID: "DC-28-3852", Code: "DC", Title: "District of Columbia Code 28-3852", Citation: "D.C. Code § 28-3852",
			Trigger: TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 50, Relative: RelTrigger, AppliesToHIPAA: true,
				Citation: "D.C. Code § 28-3852", Mark: MarkSecondary,
				Note: "50 or more DC residents. No time is stated in state-laws.md (reportedly no later than the " +
					"resident notice, general knowledge). AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: most expedient time, no fixed days (the trigger, discovery, is nominal). " +
				"HIPAA treatment unverified.",
		},
		{
			ID: "DE-12B-102", Code: "DE", Title: "Delaware Code title 6, 12B-102", Citation: "6 Del. C. § 12B-102",
			Trigger: TriggerDetermination, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 501, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "6 Del. C. § 12B-102", Mark: MarkSecondary,
				Note: "More than 500 Delaware residents: no later than when residents are notified. " +
					"AppliesToHIPAA is assumed: 12B-103(b) reportedly conditions deemed compliance on notifying " +
					"the AG too (general knowledge).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkStatute,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: 60 days after the determination of the breach. HIPAA [P]: an entity regulated " +
				"by HIPAA that notifies under its procedures is deemed compliant (12B-103(b)).",
		},
		{
			ID: "FL-501.171", Code: "FL", Title: "Florida Statutes 501.171", Citation: "Fla. Stat. § 501.171",
			Trigger: TriggerDetermination, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Dept. of Legal Affairs", MinResidents: 500, Deadline: calendarDays(30), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Fla. Stat. § 501.171(3)", Mark: MarkSecondary,
				Note: "500 or more Florida residents: within 30 days after the determination of the breach or " +
					"reason to believe one occurred; 15 more days if good cause is given in writing within the " +
					"30 days. AppliesToHIPAA is assumed: the deemed compliance reportedly covers only the notice " +
					"to individuals (general knowledge).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
				ElementFinancialAccount, ElementCredentials},
			Mark: MarkSecondary,
			Note: "Individuals: 30 days after the determination of a breach or reason to believe one occurred. " +
				"HIPAA [U]: notice that follows the federal regulator's rules is deemed compliant.",
		},
		{
			ID: "IL-530", Code: "IL", Title: "Illinois Personal Information Protection Act (815 ILCS 530)",
			Citation: "815 ILCS 530",
			Trigger:  TriggerDiscovery, Individuals: Period{},
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General", MinResidents: 501, Relative: RelTrigger, AppliesToHIPAA: false,
					Citation: "815 ILCS 530/10", Mark: MarkSecondary,
					Note: "More than 500 Illinois residents. No time is stated in state-laws.md (reportedly no " +
						"later than the resident notice, general knowledge). Not for HIPAA entities: they send " +
						"the HHS copy instead.",
				},
				{
					ID: "n2", Regulator: "Attorney General (copy of the HHS breach notice)", MinResidents: 1,
					Deadline: businessDays(5), Relative: RelHHSNotice, AppliesToHIPAA: true,
					Citation: "815 ILCS 530/50", Mark: MarkSecondary,
					Note: "A HIPAA entity that must notify HHS sends the AG that notice within 5 business days " +
						"of notifying HHS: the condition of its deemed compliance.",
				},
			},
			HIPAA:    HIPAADeemedCompliant,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: most expedient time, no fixed days (the trigger, discovery, is nominal). " +
				"HIPAA: an entity complying with HIPAA and HITECH is deemed compliant, provided it sends the " +
				"AG its HHS notice within 5 business days.",
		},
		{
			ID: "IN-24-4.9", Code: "IN", Title: "Indiana Code article 24-4.9", Citation: "Ind. Code § 24-4.9",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "Ind. Code § 24-4.9-3", Mark: MarkSecondary,
				Note: "Whenever Indiana residents are notified. AppliesToHIPAA is assumed: the HIPAA treatment " +
					"is unverified.",
			}},
			HIPAA: HIPAAPartial, HIPAAMark: MarkUnverified,
			Elements: noMedical(), ElementsMark: MarkUnverified,
			Mark: MarkSecondary,
			Note: "Individuals: 45 days after discovery. HIPAA: partial [U]. Elements [U]: Indiana's personal " +
				"information (IC 24-4.9-2-10) reportedly covers SSN, driver's license or state ID, and " +
				"financial account or card numbers, not medical information (general knowledge; state-laws.md " +
				"does not list Indiana among the states without medical data). The row is marked [S]/[P].",
		},
		{
			ID: "LA-51:3074", Code: "LA", Title: "Louisiana Revised Statutes 51:3074", Citation: "La. R.S. 51:3074",
			Trigger: TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1, Deadline: calendarDays(10),
				Relative: RelIndividualNotice, AppliesToHIPAA: true, Citation: "La. R.S. 51:3074", Mark: MarkSecondary,
				Note: "Within 10 days of notifying Louisiana residents (the AG's rule, La. Admin. Code " +
					"16:III.701, general knowledge). AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementBiometric),
			Mark:     MarkSecondary,
			Note: "Individuals: 60 days after discovery. Louisiana's personal information does not include " +
				"medical information. The row is marked [S]/[P] without saying which part was read: modeled [S].",
		},
		{
			ID: "MD-14-3504", Code: "MD", Title: "Maryland Commercial Law 14-3504",
			Citation: "Md. Code, Com. Law § 14-3504",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1, Relative: RelBeforeIndividuals, AppliesToHIPAA: true,
				Citation: "Md. Code, Com. Law § 14-3504", Mark: MarkStatute,
				Note: "Before notifying Maryland residents. AppliesToHIPAA is assumed: the HIPAA treatment is " +
					"unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkStatute,
			Note:     "Individuals: 45 days after discovery or notification of the breach. HIPAA treatment unverified.",
		},
		{
			ID: "ME-1348", Code: "ME", Title: "Maine Revised Statutes title 10, 1348", Citation: "10 M.R.S. § 1348",
			Trigger: TriggerAwareness, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
				Citation: "10 M.R.S. § 1348", Mark: MarkSecondary,
				Note: "When any Maine resident is notified. An entity regulated by the Dept. of Professional and " +
					"Financial Regulation notifies that regulator instead (general knowledge). AppliesToHIPAA is " +
					"assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementCredentials),
			Mark:     MarkSecondary,
			Note: "Individuals: 30 days after becoming aware of the breach and identifying its scope. Maine's " +
				"personal information does not include medical information.",
		},
		{
			ID: "NM-57-12C-6", Code: "NM", Title: "New Mexico Statutes 57-12C-6", Citation: "N.M. Stat. § 57-12C-6",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 1001, Relative: RelTrigger, AppliesToHIPAA: false,
				Citation: "N.M. Stat. § 57-12C-10", Mark: MarkSecondary,
				Note: "More than 1,000 New Mexico residents. No time is stated in state-laws.md (reportedly 45 " +
					"days, general knowledge). Not for HIPAA entities (57-12C-8).",
			}},
			HIPAA:    HIPAAExempt,
			Elements: noMedical(ElementBiometric),
			Mark:     MarkSecondary,
			Note: "Individuals: 45 days after discovery. Does not apply to HIPAA-regulated entities " +
				"(57-12C-8). New Mexico's personal identifying information does not include medical information.",
		},
		{
			ID: "NY-899-aa", Code: "NY", Title: "New York General Business Law 899-aa",
			Citation: "N.Y. Gen. Bus. Law § 899-aa",
			Trigger:  TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General (copy of the HHS breach notice)", MinResidents: 1,
					Deadline: businessDays(5), Relative: RelHHSNotice, AppliesToHIPAA: true,
					Citation: "N.Y. Gen. Bus. Law § 899-aa(9)", Mark: MarkStatute,
					Note: "A HIPAA covered entity required to notify HHS of a breach, including one of information " +
						"that is not private information, sends the AG that notice within 5 business days of " +
						"notifying HHS.",
				},
				{
					ID: "n2", Regulator: "Attorney General, Dept. of State and Division of State Police", MinResidents: 1,
					Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "N.Y. Gen. Bus. Law § 899-aa(8)(a)", Mark: MarkSecondary,
					Note: "Whenever New York residents are notified: the timing, content and distribution of the " +
						"notices and the approximate number affected. AppliesToHIPAA is assumed: the law " +
						"reportedly keeps these notices for entities that notify under HIPAA (general knowledge). " +
						"The December 2024 amendment reportedly added the Dept. of Financial Services to the " +
						"agencies notified (general knowledge, not modeled).",
				},
			},
			HIPAA:       HIPAAPartial,
			Elements:    all(),
			EffectiveOn: date.New(2024, time.December, 21),
			Mark:        MarkSecondary,
			Note: "Individuals: 30 days after discovery, from 2024-12-21 (before: most expedient time). " +
				"HIPAA partial: an entity that notifies individuals under HIPAA reportedly need not notify them " +
				"again, but the AG gets its HHS notice (899-aa(9) [P]). Medical and health insurance " +
				"information reportedly count from 2025-03-21 (general knowledge).",
		},
		{
			ID: "OH-1349.19", Code: "OH", Title: "Ohio Revised Code 1349.19", Citation: "Ohio Rev. Code § 1349.19",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			HIPAA: HIPAAExempt, HIPAAMark: MarkUnverified,
			Elements: noMedical(),
			Mark:     MarkSecondary,
			Note: "Individuals: 45 days after discovery. HIPAA-regulated entities are reportedly exempt [U]. " +
				"No regulator notice. Ohio's personal information does not include medical information.",
		},
		{
			ID: "OR-646A.604", Code: "OR", Title: "Oregon Revised Statutes 646A.604", Citation: "ORS 646A.604",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkUnverified,
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General", MinResidents: 251, Relative: RelTrigger, AppliesToHIPAA: false,
					Citation: "ORS 646A.604", Mark: MarkStatute,
					Note: "More than 250 Oregon consumers. No time is stated in state-laws.md. HIPAA entities send " +
						"the copy of their notice instead.",
				},
				{
					ID: "n2", Regulator: "Attorney General (copy of the HIPAA notice)", MinResidents: 1,
					Relative: RelWithIndividuals, AppliesToHIPAA: true, Citation: "ORS 646A.604", Mark: MarkSecondary,
					Note: "HIPAA entities are exempt but send the AG a copy of their notice. state-laws.md gives no " +
						"threshold or time for the copy: modeled conservatively as any Oregon resident, when the " +
						"residents are notified.",
				},
			},
			HIPAA: HIPAAExemptExceptRegulator, HIPAAMark: MarkSecondary,
			Elements: all(),
			Mark:     MarkStatute,
			Note: "Individuals: 45 days; the trigger (discovery or notification of the breach, general " +
				"knowledge) is not in state-laws.md [U]. HIPAA [S]: exempt but send the AG a copy.",
		},
		{
			ID: "PR-4052", Code: "PR", Title: "Puerto Rico Laws title 10, 4052", Citation: "10 L.P.R.A. § 4052",
			Trigger: TriggerDetection, Individuals: Period{},
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Dept. of Consumer Affairs", MinResidents: 1, Deadline: calendarDays(10),
				Relative: RelTrigger, AppliesToHIPAA: true, Citation: "10 L.P.R.A. § 4052", Mark: MarkStatute,
				Note: "Departamento de Asuntos del Consumidor (DACO): within 10 days after the breach is " +
					"detected. AppliesToHIPAA is assumed: state-laws.md gives no HIPAA treatment.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
				ElementFinancialAccount, ElementCredentials},
			Mark: MarkStatute,
			Note: "Individuals: as expeditiously as possible, no fixed days. state-laws.md gives no HIPAA " +
				"treatment (—): modeled as unknown [U]. Medical information protected by HIPAA counts " +
				"(general knowledge); health insurance numbers are modeled as part of it.",
		},
		{
			ID: "RI-11-49.3-4", Code: "RI", Title: "Rhode Island General Laws 11-49.3-4",
			Citation: "R.I. Gen. Laws § 11-49.3-4",
			Trigger:  TriggerAwareness, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 501, Relative: RelTrigger, AppliesToHIPAA: true,
				Citation: "R.I. Gen. Laws § 11-49.3-4", Mark: MarkSecondary,
				Note: "More than 500 Rhode Island residents. No time is stated in state-laws.md; reportedly it must " +
					"not delay the resident notice (general knowledge). AppliesToHIPAA is assumed: the HIPAA " +
					"treatment is unverified.",
			}},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
				ElementFinancialAccount, ElementCredentials},
			Mark: MarkSecondary,
			Note: "Individuals: 45 days after confirming the breach and gathering the information needed. " +
				"HIPAA treatment unverified.",
		},
		{
			ID: "SD-22-40-20", Code: "SD", Title: "South Dakota Codified Laws 22-40-20", Citation: "SDCL § 22-40-20",
			Trigger: TriggerDiscovery, Individuals: calendarDays(60),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 251, Relative: RelTrigger, AppliesToHIPAA: true,
				Citation: "SDCL § 22-40-20", Mark: MarkStatute,
				Note: "More than 250 South Dakota residents. No time is stated in state-laws.md. AppliesToHIPAA " +
					"is assumed: the HIPAA treatment is unverified.",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkStatute,
			Note: "Individuals: 60 days after discovery. HIPAA: deemed compliant [U]. Health information as " +
				"defined in 45 CFR 160.103 counts (general knowledge).",
		},
		{
			ID: "TN-47-18-2107", Code: "TN", Title: "Tennessee Code 47-18-2107", Citation: "Tenn. Code Ann. § 47-18-2107",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkUnverified,
			HIPAA:    HIPAAExempt,
			Elements: noMedical(),
			Mark:     MarkSecondary,
			Note: "Individuals: 45 days; the trigger (discovery or notification of the breach, general " +
				"knowledge) is not in state-laws.md [U]. HIPAA-regulated entities are excluded. No regulator " +
				"notice. Tennessee's personal information does not include medical information.",
		},
		{
			ID: "TX-521.053", Code: "TX", Title: "Texas Business and Commerce Code 521.053",
			Citation: "Tex. Bus. & Com. Code § 521.053",
			Trigger:  TriggerDetermination, Individuals: calendarDays(60), IndividualsMark: MarkStatute,
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 250, Deadline: calendarDays(30), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "Tex. Bus. & Com. Code § 521.053(i)", Mark: MarkSecondary,
				Note: "250 or more Texas residents: within 30 days after the determination that the breach " +
					"occurred.",
			}},
			HIPAA: HIPAAApplies, HIPAAMark: MarkUnverified,
			Elements: []DataElement{ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
				ElementFinancialAccount},
			Mark: MarkSecondary,
			Note: "Individuals [P]: 60 days after determining that the breach occurred. No HIPAA exemption found " +
				"[U]. Consumer reporting agencies must also be told when more than 10,000 people are notified " +
				"(general knowledge, not modeled).",
		},
		{
			ID: "VT-2435", Code: "VT", Title: "Vermont Statutes title 9, 2435", Citation: "9 V.S.A. § 2435",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45),
			Regulators: []RegulatorNotice{
				{
					ID: "n1", Regulator: "Attorney General (preliminary notice)", MinResidents: 1, Deadline: businessDays(14),
					Relative: RelTrigger, AppliesToHIPAA: true, Citation: "9 V.S.A. § 2435", Mark: MarkSecondary,
					Note: "Within 14 business days of discovery, or when consumers are notified if that is " +
						"earlier (the next notice). AppliesToHIPAA is assumed: the HIPAA treatment is unverified.",
				},
				{
					ID: "n2", Regulator: "Attorney General (preliminary notice, if consumers are notified first)",
					MinResidents: 1, Relative: RelWithIndividuals, AppliesToHIPAA: true,
					Citation: "9 V.S.A. § 2435", Mark: MarkSecondary,
					Note: "The same preliminary notice is due no later than the consumer notice when that comes " +
						"before the 14 business days; one notice satisfies both.",
				},
			},
			HIPAA: HIPAAUnknown, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: 45 days after discovery. The AG preliminary notice is due within 14 business " +
				"days of discovery or of the consumer notice, whichever is earlier: modeled as two notices, the " +
				"earlier governs. HIPAA treatment unverified.",
		},
		{
			ID: "WA-19.255.010", Code: "WA", Title: "Revised Code of Washington 19.255.010", Citation: "RCW 19.255.010",
			Trigger: TriggerDiscovery, Individuals: calendarDays(30),
			Regulators: []RegulatorNotice{{
				ID: "n1", Regulator: "Attorney General", MinResidents: 501, Deadline: calendarDays(30), Relative: RelTrigger,
				AppliesToHIPAA: true, Citation: "RCW 19.255.010", Mark: MarkSecondary,
				Note: "More than 500 Washington residents: within 30 days after discovery. AppliesToHIPAA is " +
					"assumed: HIPAA entities reportedly still notify the AG, on HITECH timing (general knowledge).",
			}},
			HIPAA: HIPAADeemedCompliant, HIPAAMark: MarkUnverified,
			Elements: all(),
			Mark:     MarkSecondary,
			Note: "Individuals: 30 days after discovery. HIPAA [U]: exception for HIPAA entities that comply " +
				"with HITECH.",
		},
		{
			ID: "WI-134.98", Code: "WI", Title: "Wisconsin Statutes 134.98", Citation: "Wis. Stat. § 134.98",
			Trigger: TriggerDiscovery, Individuals: calendarDays(45), IndividualsMark: MarkUnverified,
			HIPAA: HIPAAExempt, HIPAAMark: MarkUnverified,
			Elements: noMedical(ElementBiometric),
			Mark:     MarkSecondary,
			Note: "Individuals: within 45 days; the trigger (learning of the breach, general knowledge) is not " +
				"in state-laws.md [U]. HIPAA-regulated entities are reportedly exempt [U]. No regulator notice. " +
				"Wisconsin's personal information does not include medical information.",
		},
	}
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// NotResearched returns, sorted, the jurisdictions [Default] has no rule for, for reports
// to show as not researched: the states state-laws.md lists (AK, AR, GA, HI, IA, ID, KS,
// KY, MA, MI, MN, MO, MS, MT, NC, ND, NE, NH, NJ, NV, SC, UT, VA, WV, WY), the territories
// other than PR (AS, GU, MP, VI), and OK and PA, which the table neither covers nor lists.
func NotResearched() []Code {
	rules := Default()
	return slices.DeleteFunc(Codes(), func(c Code) bool {
		return slices.ContainsFunc(rules, func(r Rule) bool { return r.Code == c })
	})
}
