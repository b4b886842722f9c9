package profiles

import (
	"cmp"
	"slices"

	"github.com/hipaaops/hipaaops/task"
)

// Rule templates: the compliance engine's default rules create a task from these when
// something happens to a vendor, a clinical trial or a workforce member.
const (
	// TemplateBAAssessment: a vendor that handles PHI is added; decide whether it is a
	// business associate (45 CFR 160.103) and assess its BAA before PHI flows
	// (45 CFR 164.502(e), 164.308(b)(1)).
	TemplateBAAssessment task.TemplateID = "ba-assessment"
	// TemplateBAAReview: a BAA is signed; review it every 12 months
	// (45 CFR 164.504(e), 164.308(b)(1)).
	TemplateBAAReview task.TemplateID = "baa-annual-review"
	// TemplatePHIDisposition: a BAA is terminated; confirm the PHI was returned or
	// destroyed (45 CFR 164.504(e)(2)(ii)(J)).
	TemplatePHIDisposition task.TemplateID = "baa-phi-disposition"
	// TemplateTrialHIPAAFile: a clinical trial opens; assemble its HIPAA file
	// (45 CFR 164.508, 164.512(i), 164.514(e)).
	TemplateTrialHIPAAFile task.TemplateID = "trial-hipaa-file"
	// TemplateTraining: a workforce member joins; train them for their role
	// (45 CFR 164.308(a)(5), 164.530(b)).
	TemplateTraining task.TemplateID = "workforce-training"
	// TemplateAccessRevocation: a workforce member leaves; revoke their access the same
	// day (45 CFR 164.308(a)(3)(ii)(C)).
	TemplateAccessRevocation task.TemplateID = "access-revocation"
	// TemplateAccessReview: a workforce member changes role; review their access
	// (45 CFR 164.308(a)(4)(ii)(C), 164.308(a)(3)(ii)(B)).
	TemplateAccessReview task.TemplateID = "access-review-role-change"
	// TemplateIncidentResponse: a security incident is reported; respond, document it and
	// decide whether it is a breach (45 CFR 164.308(a)(6)(ii), 164.402, 164.530(j)).
	TemplateIncidentResponse task.TemplateID = "incident-response"
	// TemplateRiskTreatment: a risk of the register is to be mitigated, transferred or
	// avoided; carry out the treatment by its due date (45 CFR 164.308(a)(1)(ii)(B)).
	TemplateRiskTreatment task.TemplateID = "risk-treatment"
)

// Program templates: recurring work every practice's HIPAA program repeats.
const (
	// TemplateRiskAnalysis: the yearly security risk analysis
	// (45 CFR 164.308(a)(1)(ii)(A)).
	TemplateRiskAnalysis task.TemplateID = "annual-risk-analysis"
	// TemplateAccessPolicyReview: yearly review of the access-control policy for
	// diagnosis, pathology and genomic data (45 CFR 164.514(d), 164.308(a)(4)).
	TemplateAccessPolicyReview task.TemplateID = "access-policy-review-phi"
	// TemplateAnnualTraining: yearly security awareness and privacy training for the
	// whole workforce (45 CFR 164.308(a)(5), 164.530(b)).
	TemplateAnnualTraining task.TemplateID = "annual-workforce-training"
	// TemplateIncidentTabletop: yearly incident-response exercise
	// (45 CFR 164.308(a)(6)).
	TemplateIncidentTabletop task.TemplateID = "incident-response-tabletop"
	// TemplateBackupRestoreTest: quarterly restore of a backup
	// (45 CFR 164.308(a)(7)(ii)(A), (B) and (D)).
	TemplateBackupRestoreTest task.TemplateID = "backup-restore-test"
	// TemplateSanctionsReview: yearly review of the sanctions policy
	// (45 CFR 164.308(a)(1)(ii)(C), 164.530(e)).
	TemplateSanctionsReview task.TemplateID = "sanctions-policy-review"
	// TemplateActivityReview: monthly information system activity review
	// (45 CFR 164.308(a)(1)(ii)(D), 164.312(b)).
	TemplateActivityReview task.TemplateID = "system-activity-review"
)

// Radiation oncology templates.
const (
	// TemplateDICOMTransferReview: yearly review of encryption on DICOM transfers between
	// the simulator, planning, record-and-verify, PACS and other sites
	// (45 CFR 164.312(e)(1), 164.312(e)(2)(ii)).
	TemplateDICOMTransferReview task.TemplateID = "dicom-transfer-encryption-review"
	// TemplatePhysicsWorkstations: yearly security review of physics and dosimetry
	// workstations (45 CFR 164.310(c), 164.312(a)(1), 164.312(a)(2)(iv)).
	TemplatePhysicsWorkstations task.TemplateID = "physics-workstation-security"
	// TemplateTreatmentRecordRetention: yearly retention check of HIPAA documentation
	// (six years, 45 CFR 164.316(b)(2)(i), 164.530(j)(2)) and of treatment records under
	// state medical-record law.
	TemplateTreatmentRecordRetention task.TemplateID = "treatment-record-retention"
	// TemplateMDTChannels: yearly assessment of the channels tumor boards and
	// multidisciplinary teams use (45 CFR 164.312(e)(1), 164.308(b)(1)).
	TemplateMDTChannels task.TemplateID = "mdt-channel-assessment"
)

// Infusion templates.
const (
	// TemplateInfusionScreens: yearly review of safeguards against incidental disclosure
	// in open infusion bays (45 CFR 164.530(c), 164.502(a)(1)(iii)).
	TemplateInfusionScreens task.TemplateID = "infusion-bay-privacy-review"
)

// Library returns every template of the library, ordered by ID. Each call builds new
// values, so the caller may change them. Version, CreatedAt and UpdatedAt are zero:
// storage sets them when a practice saves a template.
func Library() []task.Template {
	ts := library()
	slices.SortFunc(ts, func(a, b task.Template) int { return cmp.Compare(a.ID, b.ID) })
	return ts
}

// Template returns a copy of the library template with the given id, and whether there
// is one.
func Template(id task.TemplateID) (task.Template, bool) {
	for _, t := range library() {
		if t.ID == id {
			return t, true
		}
	}
	return task.Template{}, false
}

// every returns a recurrence of n units anchored as a says.
func every(n int, u task.Unit, a task.Anchor) *task.Recurrence {
	return &task.Recurrence{Every: n, Unit: u, Anchor: a}
}

// yearly returns a yearly recurrence on a fixed calendar.
func yearly() *task.Recurrence { return every(1, task.UnitYear, task.AnchorCalendar) }

// library builds the templates. The composite literals are evaluated on each call, so no
// two calls share a slice or a pointer.
//
// Where the regulation sets no interval, the recurrence and due offsets are this
// library's defaults; the DueOffsetDays of a recurring program template is the time from
// applying a profile to the first due date.
func library() []task.Template {
	return []task.Template{
		// Rule templates.
		{
			ID:    TemplateBAAssessment,
			Title: "Business associate determination and BAA assessment",
			Instructions: "A vendor that will handle PHI was added. Decide whether it is a business associate: " +
				"it creates, receives, maintains or transmits PHI on the practice's behalf (45 CFR 160.103). " +
				"If it is, the practice must obtain satisfactory assurances in a business associate agreement " +
				"before the vendor receives PHI (45 CFR 164.502(e), 164.308(b)(1)). " +
				"Oncology examples: a specialty pharmacy or prior-authorization service working for the practice, " +
				"a molecular-testing portal vendor, a billing company, cloud hosting, IT managed services, shredding.",
			Checklist: []string{
				"Record what the vendor does for the practice and which PHI it will create, receive, keep or send (demographics, diagnosis and staging, pathology, genomic results, imaging, treatment plans, medications, insurance)",
				"Decide whether it is a business associate: a provider receiving PHI to treat the patient, a mere conduit, or a vendor with no access to PHI is not; a clinical-trial sponsor or patient-assistance foundation may need counsel's review",
				"If it is a business associate, send the practice's BAA template or obtain the vendor's agreement",
				"Check the agreement against the required terms of 45 CFR 164.504(e)(2), including breach and security-incident reporting and subcontractor flow-down",
				"Review the vendor's security assurances (security questionnaire, SOC 2 or HITRUST report) in proportion to the PHI it handles",
				"Confirm no PHI is sent to the vendor until the BAA is signed",
				"Record the determination, the rationale and who decided",
			},
			Citation:         "45 CFR 164.502(e), 164.308(b)(1)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    14,
		},
		{
			ID:    TemplateBAAReview,
			Title: "Annual business associate agreement review",
			Instructions: "Review a signed business associate agreement against the services the vendor now " +
				"provides and the required contract terms (45 CFR 164.504(e), 164.308(b)(1)). HIPAA sets no " +
				"review interval; every 12 months from the effective date is this library's default.",
			Checklist: []string{
				"Confirm the agreement still covers the services the vendor provides and the PHI it receives (compare with the vendor inventory)",
				"Check the required terms of 45 CFR 164.504(e)(2) are present: permitted uses and disclosures, safeguards, reporting of breaches and security incidents, subcontractor agreements, access, amendment and accounting support, HHS access to books and records, return or destruction at termination",
				"Check the breach-reporting time the vendor agreed to still meets the practice's needs",
				"Ask for current security evidence (SOC 2 or HITRUST report, or an updated security questionnaire)",
				"Ask which subcontractors handle the practice's PHI and confirm they are bound by the same restrictions",
				"Note the expiry date and start the renewal at least 90 days before it",
				"Record the outcome of the review",
			},
			Citation:         "45 CFR 164.504(e), 164.308(b)(1)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    30, // the default rule dates this task at the BAA's next review instead
			Recurrence:       every(12, task.UnitMonth, task.AnchorCalendar),
		},
		{
			ID:    TemplateRiskTreatment,
			Title: "Carry out a risk treatment",
			Instructions: "The risk register records a decision to mitigate, transfer or avoid a risk. Implement " +
				"security measures sufficient to reduce it to a reasonable and appropriate level (45 CFR " +
				"164.308(a)(1)(ii)(B)), then re-rate its residual likelihood and impact in the register.",
			Checklist: []string{
				"Confirm the treatment plan and its owner",
				"Implement the measures (or sign the transfer, or retire the activity)",
				"Record evidence that the measures are in place",
				"Re-rate the residual risk in the register",
			},
			Citation:         "45 CFR 164.308(a)(1)(ii)(B)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    90,
		},
		{
			ID:    TemplateIncidentResponse,
			Title: "Respond to a security incident and decide whether it is a breach",
			Instructions: "A security incident was reported. Identify and respond to it, mitigate its harmful effects " +
				"as far as practicable and document it and its outcome (45 CFR 164.308(a)(6)(ii)). Decide, on the " +
				"facts, whether unsecured PHI was breached: not PHI, secured PHI (encryption with the key kept apart, " +
				"or destruction), an exception, or a documented four-factor assessment concluding a low probability " +
				"of compromise; otherwise a breach is presumed (45 CFR 164.402). The notification clock runs from " +
				"discovery, not from the end of the investigation. Keep the file six years (45 CFR 164.530(j)(2)).",
			Checklist: []string{
				"Contain the incident: disable accounts, recover or wipe devices, stop the misdirected transmission",
				"Preserve evidence: logs, the device or paper, messages with the recipient",
				"Record when it started, ended, was discovered and would have been known with reasonable diligence",
				"Count the individuals by state of residence, with those lacking contact information and the deceased",
				"Record the PHI categories and identifiers involved, encryption or destruction, the recipient and whether the PHI was acquired or viewed",
				"Obtain the recipient's assurances or the return or destruction of the PHI",
				"Record any law-enforcement request to delay notice, with the official's name (45 CFR 164.412)",
				"Record the determination and, where relied on, the four-factor assessment with the name of who concluded it",
				"Send every notice owed by its deadline and record it",
			},
			Citation:         "45 CFR 164.308(a)(6)(ii), 164.402, 164.530(j)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    5,
		},
		{
			ID:    TemplatePHIDisposition,
			Title: "Confirm return or destruction of PHI after a BAA ends",
			Instructions: "A business associate agreement was terminated. At termination the business associate " +
				"must return or destroy all PHI it still holds, if feasible; if not feasible, the agreement's " +
				"protections extend to what it keeps and further uses are limited to the reasons return or " +
				"destruction is infeasible (45 CFR 164.504(e)(2)(ii)(J)).",
			Checklist: []string{
				"Ask the vendor in writing to return or destroy all PHI it holds for the practice, including copies held by its subcontractors and in backups",
				"Choose return where the practice still needs the data (infusion and administration records, prior authorizations in progress, billing history for open claims)",
				"Obtain a certificate of destruction naming the data, the method and the date, or a receipt for the returned data",
				"If return or destruction is infeasible, record why and confirm in writing that the agreement's protections extend to the PHI kept",
				"Disable the vendor's accounts, interfaces and remote access",
				"Record the disposition in the vendor inventory",
			},
			Citation:         "45 CFR 164.504(e)(2)(ii)(J)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    30,
		},
		{
			ID:    TemplateTrialHIPAAFile,
			Title: "Clinical trial HIPAA file",
			Instructions: "A clinical trial opened at the practice. Before research PHI leaves the practice, " +
				"file the basis for each use and disclosure: the participant's authorization (45 CFR 164.508) " +
				"or an IRB or privacy board waiver (45 CFR 164.512(i)), the agreements with the sponsor and the " +
				"CRO, and a data use agreement for any limited data set (45 CFR 164.514(e)).",
			Checklist: []string{
				"Research authorization (45 CFR 164.508) approved for use and signed by each enrolled participant, or an IRB or privacy board waiver or alteration of authorization (45 CFR 164.512(i)) on file",
				"Data-sharing terms with the sponsor on file (clinical trial agreement or data-sharing agreement)",
				"Business associate determination for the sponsor recorded (a sponsor receiving data under the participant's authorization is usually not a business associate; ask counsel when unsure)",
				"Business associate determination for the CRO recorded, including its monitors' remote access to the EHR",
				"If a limited data set is disclosed, a data use agreement on file (45 CFR 164.514(e))",
				"Monitor and auditor access to the EHR limited to enrolled participants' records, read-only and logged",
			},
			Citation:         "45 CFR 164.508, 164.512(i), 164.514(e)",
			DefaultRole:      task.RoleResearchCoordinator,
			EvidenceRequired: true,
			DueOffsetDays:    30,
		},
		{
			ID:    TemplateTraining,
			Title: "HIPAA training for a new workforce member",
			Instructions: "A new member joined the workforce. Train them on the practice's privacy policies within " +
				"a reasonable period after they join (45 CFR 164.530(b)(2)(i)(B)) and include them in the security " +
				"awareness program (45 CFR 164.308(a)(5)); 30 days is this library's default. Document the training.",
			Checklist: []string{
				"Assign the general HIPAA privacy and security course",
				"Assign the modules for the member's role: infusion suite, molecular and genomic results, treatment planning systems, research, front desk or billing",
				"Cover how to report a suspected incident or breach and who the privacy and security officers are",
				"Review the acceptable-use, mobile-device and secure-messaging policies and collect the signed acknowledgment",
				"Record the completion date and the materials used",
			},
			Citation:         "45 CFR 164.308(a)(5), 164.530(b)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    30,
		},
		{
			ID:    TemplateAccessRevocation,
			Title: "Revoke access for a departing workforce member",
			Instructions: "A workforce member left. End their access to ePHI on their last day " +
				"(termination procedures, 45 CFR 164.308(a)(3)(ii)(C)). Oncology practices run many systems " +
				"beside the EHR; check each one.",
			Checklist: []string{
				"Disable the EHR account and the single sign-on identity",
				"Disable accounts in the oncology information system, record-and-verify, treatment planning, PACS, laboratory and molecular-testing portals, e-prescribing and payer or prior-authorization portals",
				"Revoke e-prescribing credentials and two-factor tokens",
				"Revoke remote access, e-mail and secure-messaging accounts; remove the member from shared mailboxes and tumor-board lists",
				"Collect badge, keys, laptops, tokens and mobile devices; remove practice data from personal devices enrolled in device management",
				"Change shared passwords and door codes the member knew",
				"Record what was disabled, by whom and when",
			},
			Citation:         "45 CFR 164.308(a)(3)(ii)(C)",
			DefaultRole:      task.RoleITManager,
			EvidenceRequired: true,
			DueOffsetDays:    0,
		},
		{
			ID:    TemplateAccessReview,
			Title: "Review access after a role change",
			Instructions: "A workforce member changed role. Modify their access to what the new role needs " +
				"(access establishment and modification, 45 CFR 164.308(a)(4)(ii)(C)) and confirm they are " +
				"cleared for it (workforce clearance, 45 CFR 164.308(a)(3)(ii)(B)).",
			Checklist: []string{
				"Compare the member's current access in the EHR, laboratory system, PACS, record-and-verify and billing systems with what the new role needs",
				"Remove access the old role needed and the new one does not (e.g. an infusion nurse moving to billing loses chemotherapy order entry)",
				"Grant the new role's access through the normal access request, approved by the manager",
				"Confirm clearance if the new role reaches more sensitive PHI (genomic results, research data)",
				"Assign the new role's training modules",
				"Record the changes and who approved them",
			},
			Citation:         "45 CFR 164.308(a)(4)(ii)(C), 164.308(a)(3)(ii)(B)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    7,
		},

		// Program templates.
		{
			ID:    TemplateRiskAnalysis,
			Title: "Annual security risk analysis",
			Instructions: "Conduct an accurate and thorough assessment of the risks to the confidentiality, " +
				"integrity and availability of the ePHI the practice holds (45 CFR 164.308(a)(1)(ii)(A)). " +
				"The rule sets no interval; yearly, and after a major change such as a new EHR, a new site or a " +
				"new linear accelerator, is this library's default.",
			Checklist: []string{
				"Inventory where ePHI is created, received, kept and sent: EHR and oncology information system, laboratory interfaces, PACS, treatment planning, record-and-verify, e-prescribing, billing, cloud hosting, laptops, mobile devices and removable media",
				"Include every business associate's system from the vendor inventory",
				"Identify threats and vulnerabilities for each: ransomware, phishing, lost devices, unpatched or vendor-locked workstations, vendor remote access",
				"Assess current security measures, the likelihood and impact of each threat, and assign a risk level",
				"Record the results in the risk register and update the risk management plan (45 CFR 164.308(a)(1)(ii)(B))",
				"Have the security officer and practice leadership sign off; keep the report six years (45 CFR 164.316(b)(2)(i))",
			},
			Citation:         "45 CFR 164.308(a)(1)(ii)(A)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    90,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateAccessPolicyReview,
			Title: "Access-control policy review for diagnosis, pathology and genomic data",
			Instructions: "Review who may see diagnosis and staging, pathology reports and molecular or genomic " +
				"results, and confirm each role gets the minimum necessary for its job (45 CFR 164.514(d)) " +
				"under the practice's access authorization policy (45 CFR 164.308(a)(4)). The minimum-necessary " +
				"standard does not apply to disclosures to a provider for treatment (45 CFR 164.502(b)(2)(i)).",
			Checklist: []string{
				"List the roles that can open diagnosis and staging, pathology reports and molecular or genomic results in the EHR, laboratory system and testing-vendor portals",
				"Confirm each role's access matches its job (front desk and billing do not need pathology narratives or genomic reports)",
				"Check who can see germline (hereditary) results and whether they are restricted more than somatic tumor profiling",
				"Review emergency (break-the-glass) access used since the last review",
				"Confirm routine disclosures (prior authorization, specialty pharmacy, trial sponsors) follow standard protocols that send only the minimum necessary",
				"Update the policy and record the review date and approver",
			},
			Citation:         "45 CFR 164.514(d), 164.308(a)(4)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateAnnualTraining,
			Title: "Annual security awareness and privacy training",
			Instructions: "Run the yearly security awareness and training program for every member of the " +
				"workforce, including management (45 CFR 164.308(a)(5)), and retrain on privacy policies that " +
				"changed (45 CFR 164.530(b)). HIPAA sets no interval; yearly is this library's default.",
			Checklist: []string{
				"Update the course with this year's incidents, phishing results and policy changes",
				"Cover security reminders, protection from malicious software, log-in monitoring and password management (45 CFR 164.308(a)(5)(ii)(A)-(D))",
				"Include role modules: infusion staff (conversations and screens in open bays), research coordinators (authorizations, sponsor monitors), physics and dosimetry (planning workstations, DICOM exports), front desk and billing",
				"Assign the course to every active member, including per-diem and agency infusion nurses, students and volunteers",
				"Track completion and follow up with members who have not finished within 30 days",
				"Keep the materials and completion records six years",
			},
			Citation:         "45 CFR 164.308(a)(5), 164.530(b)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateIncidentTabletop,
			Title: "Incident-response tabletop exercise",
			Instructions: "Exercise the security incident procedures: identify and respond to a suspected or known " +
				"incident, mitigate its harmful effects and document it (45 CFR 164.308(a)(6)). HIPAA does not " +
				"require a tabletop; a yearly exercise is this library's default way to test the procedure.",
			Checklist: []string{
				"Choose a scenario that fits the practice: ransomware stops the EHR and chemotherapy order sets on an infusion day, record-and-verify goes down during treatments, a laptop with treatment plans is lost, pathology results are faxed to the wrong office, or a vendor reports a breach",
				"Gather the privacy officer, security officer, practice administrator, IT, a clinical lead and the IT services vendor",
				"Walk through detection, containment, downtime procedures, reporting and the breach risk assessment (45 CFR 164.402)",
				"Check the contact list: IT vendor, cyber insurer, counsel, key business associates",
				"Check the practice can notify individuals without unreasonable delay and within 60 days of discovery (45 CFR 164.404(b))",
				"Record findings, assign follow-up actions and update the incident-response procedure",
			},
			Citation:         "45 CFR 164.308(a)(6)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    90,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateBackupRestoreTest,
			Title: "Quarterly backup restore test",
			Instructions: "Restore a backup to prove exact copies of ePHI can be retrieved (data backup plan, " +
				"45 CFR 164.308(a)(7)(ii)(A)) and the disaster recovery plan works (45 CFR 164.308(a)(7)(ii)(B)); " +
				"revise the plans from what the test shows (testing and revision, 45 CFR 164.308(a)(7)(ii)(D)). " +
				"Quarterly is this library's default.",
			Checklist: []string{
				"Pick a system in rotation: EHR and oncology information system, record-and-verify and treatment planning database, PACS, billing",
				"Restore a recent backup to an isolated environment, never over production",
				"Open a sample and check it is complete: chemotherapy orders and administration records, a treatment plan with its images and dose, a pathology report",
				"Measure the time to restore against the recovery time in the disaster recovery plan",
				"Confirm at least one backup copy is offline or immutable",
				"Record the result, failures and fixes; revise the contingency plan if the test found a gap",
			},
			Citation:         "45 CFR 164.308(a)(7)(ii)(A), 164.308(a)(7)(ii)(B), 164.308(a)(7)(ii)(D)",
			DefaultRole:      task.RoleITManager,
			EvidenceRequired: true,
			DueOffsetDays:    30,
			Recurrence:       every(3, task.UnitMonth, task.AnchorCalendar),
		},
		{
			ID:    TemplateSanctionsReview,
			Title: "Sanctions policy review",
			Instructions: "Review the policy for sanctions against workforce members who fail to comply with the " +
				"security policies (45 CFR 164.308(a)(1)(ii)(C)) and the privacy policies " +
				"(45 CFR 164.530(e)), and how it was applied this year. Yearly is this library's default.",
			Checklist: []string{
				"Compare the policy with this year's incidents: were sanctions applied consistently?",
				"Confirm sanctions scale with the violation (looking up a neighbor's chart versus a misdirected fax)",
				"Confirm the policy does not sanction whistleblowers (45 CFR 164.502(j)) or people who file complaints or take part in investigations (45 CFR 164.530(g)(2)), as 45 CFR 164.530(e)(1) requires",
				"Confirm every sanction applied was documented (45 CFR 164.530(e)(2))",
				"Confirm managers and HR know the procedure",
				"Record the review and who approved the policy",
			},
			Citation:         "45 CFR 164.308(a)(1)(ii)(C), 164.530(e)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateActivityReview,
			Title: "Monthly information system activity review",
			Instructions: "Review records of activity in systems holding ePHI, such as audit logs, access reports " +
				"and security incident tracking (45 CFR 164.308(a)(1)(ii)(D)), from the audit controls the " +
				"systems keep (45 CFR 164.312(b)). Monthly, counted from the last review, is this library's default.",
			Checklist: []string{
				"Review EHR access to records of well-known patients, workforce members who are patients, and patients sharing a surname with the user",
				"Review access to genomic results and clinical-trial data by users outside the care or study team",
				"Review failed logins, locked accounts and logins at unusual hours or from unusual places",
				"Review vendor remote-access sessions (EHR, treatment planning, IT managed services)",
				"Confirm accounts of members who left are disabled",
				"Follow up each finding; open an incident if PHI may have been used or disclosed improperly",
				"Record what was reviewed and what was found",
			},
			Citation:         "45 CFR 164.308(a)(1)(ii)(D), 164.312(b)",
			DefaultRole:      task.RoleSecurityOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    30,
			Recurrence:       every(1, task.UnitMonth, task.AnchorCompletion),
		},

		// Radiation oncology templates.
		{
			ID:    TemplateDICOMTransferReview,
			Title: "Encrypted DICOM transfer review",
			Instructions: "Radiation oncology moves CT-simulation images, structure sets, plans and dose " +
				"(DICOM RT) between the simulator, treatment planning, record-and-verify, PACS, other sites and " +
				"planning contractors. Guard each route against unauthorized access in transit " +
				"(45 CFR 164.312(e)(1)); encryption is addressable (45 CFR 164.312(e)(2)(ii)): where a route is " +
				"not encrypted, document why and the equivalent measure.",
			Checklist: []string{
				"List every DICOM route: CT simulator to planning, planning to record-and-verify, PACS between sites, exports to referring hospitals, remote planning or physics contractors, cloud archives",
				"For each route confirm encryption in transit: DICOM over TLS, a site-to-site VPN or an encrypted vendor gateway",
				"Check TLS versions and certificate expiry dates on DICOM nodes",
				"Check that only known peers (AE titles and addresses) can send to or query each node",
				"Confirm images sent on CDs or USB drives to other facilities are encrypted or logged",
				"Record the review; document the reason and the alternative for any unencrypted route",
			},
			Citation:         "45 CFR 164.312(e)(1), 164.312(e)(2)(ii)",
			DefaultRole:      task.RoleITManager,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplatePhysicsWorkstations,
			Title: "Physics and dosimetry workstation security review",
			Instructions: "Treatment planning, contouring and QA workstations hold images, plans and dose, and are " +
				"often vendor-managed with restricted patching. Review their physical security " +
				"(workstation security, 45 CFR 164.310(c)) and technical access controls " +
				"(45 CFR 164.312(a)(1)), including encryption of data at rest, an addressable specification " +
				"(45 CFR 164.312(a)(2)(iv)).",
			Checklist: []string{
				"List the planning, contouring, QA and physics workstations and where each one sits",
				"Confirm each physicist and dosimetrist logs in with a unique account; no shared planning logins (45 CFR 164.312(a)(2)(i))",
				"Check screen locks and automatic logoff set to fit long plan optimizations (45 CFR 164.312(a)(2)(iii))",
				"Confirm local disks and exported plan files are encrypted, or document why not and the alternative",
				"Check vendor-restricted workstations: vendor-validated patches, malware protection, and how vendor remote service is controlled and logged",
				"Check screens are out of patients' view and workstations sit in access-controlled areas",
				"Remove local copies of patient data on QA tools and USB drives that are no longer needed",
				"Record the review",
			},
			Citation:         "45 CFR 164.310(c), 164.312(a)(1), 164.312(a)(2)(iv)",
			DefaultRole:      task.RolePhysicist,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateTreatmentRecordRetention,
			Title: "Treatment record and HIPAA documentation retention check",
			Instructions: "HIPAA documentation (policies, risk analyses, BAAs, training records, incident files) " +
				"must be kept six years from creation or from when it was last in effect, whichever is later " +
				"(45 CFR 164.316(b)(2)(i), 164.530(j)(2)). HIPAA does not set how long medical records are " +
				"kept: state medical-record law does, often longer for minors. Check both.",
			Checklist: []string{
				"Confirm HIPAA documentation is kept six years from creation or last effective date, whichever is later",
				"Confirm the state medical-record retention period, including longer periods for minors, and apply it to radiation treatment records: prescriptions, plans, dose records, setup and verification images, treatment summaries",
				"Check that record-and-verify and planning archives, including decommissioned systems, still hold and can display records within their retention period",
				"Check records of trial participants against the sponsor's retention requirements before destroying anything",
				"Identify records past their retention period and not on legal hold; destroy them securely and record the destruction (45 CFR 164.310(d)(2)(i))",
				"Record the review",
			},
			Citation:         "45 CFR 164.316(b)(2)(i), 164.530(j)(2)",
			DefaultRole:      task.RolePracticeAdministrator,
			EvidenceRequired: true,
			DueOffsetDays:    90,
			Recurrence:       yearly(),
		},
		{
			ID:    TemplateMDTChannels,
			Title: "Multidisciplinary communication channel assessment",
			Instructions: "Tumor boards, chart rounds and care coordination with surgeons, medical oncologists and " +
				"referring hospitals share PHI by video, secure messaging, e-mail and shared folders. Sharing " +
				"with other providers for treatment is permitted (45 CFR 164.506(c)); the channels still need " +
				"transmission security (45 CFR 164.312(e)(1)), and their vendors a BAA unless they are not " +
				"business associates (45 CFR 164.308(b)(1)).",
			Checklist: []string{
				"List the channels in use: tumor-board video platform and slides, chart rounds, secure messaging, e-mail, fax, shared folders, text messages",
				"Confirm each channel encrypts PHI in transit",
				"Confirm each channel's vendor has a signed BAA or a recorded determination that it is not a business associate",
				"Check tumor-board meetings are invite-only, use a waiting room, and keep no recordings outside the practice's systems",
				"Confirm external participants (referring physicians, hospital staff) join through approved channels",
				"Confirm staff do not use personal texting or consumer apps for PHI, and have an approved alternative",
				"Record the assessment and retire channels that fail it",
			},
			Citation:         "45 CFR 164.312(e)(1), 164.308(b)(1)",
			DefaultRole:      task.RolePrivacyOfficer,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},

		// Infusion templates.
		{
			ID:    TemplateInfusionScreens,
			Title: "Infusion bay privacy review",
			Instructions: "Open infusion bays seat patients a few feet apart for hours; nurses discuss regimens, " +
				"side effects and lab results at the chair, and screens face the room. A disclosure incidental " +
				"to care is permitted only when reasonable safeguards are in place " +
				"(45 CFR 164.530(c), 164.502(a)(1)(iii)). Review them on the floor, at a busy time.",
			Checklist: []string{
				"Walk the infusion suite at a busy time and note where conversations, screens and paperwork can be seen or heard by other patients and visitors",
				"Check workstations on wheels and chair-side screens: privacy filters, screen locks, positioned away from neighboring chairs",
				"Check whiteboards, chair boards and bag labels show only what staff need, with no diagnoses on boards",
				"Confirm a private room or curtained space is available for sensitive conversations: new diagnosis, progression, trial consent, financial counseling",
				"Check schedules, treatment calendars and discharge papers are not left at chairs after patients leave",
				"Record findings and the fixes made",
			},
			Citation:         "45 CFR 164.530(c), 164.502(a)(1)(iii)",
			DefaultRole:      task.RoleManager,
			EvidenceRequired: true,
			DueOffsetDays:    60,
			Recurrence:       yearly(),
		},
	}
}
