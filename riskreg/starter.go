package riskreg

import "github.com/hipaaops/hipaaops/controls"

// Starter returns the starter library of oncology risks that a specialty profile can seed
// into a register, freshly built on each call. Each risk is open, on the HHS 3×3 method,
// with a suggested inherent score (likelihood, impact) that the organization should
// confirm or change when it rates the risk, and the Security Rule controls that address it.
// Vendors and sites are left for the organization to link.
func Starter() []Risk {
	return []Risk{
		starter("starter-dicom-transfer",
			"Unencrypted DICOM transfer between sites",
			"Simulation CT and planning images (DICOM) sent between the planning site and the treatment vault",
			"External attacker or curious insider on the network path",
			"Interception or alteration of images and plan data in transit",
			"DICOM associations (C-STORE) run without TLS over the site-to-site link",
			2, 3,
			"164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)", "164.312(c)(1)"),
		starter("starter-physicist-mfa",
			"Physicist workstations without multi-factor authentication",
			"Treatment planning and physics QA workstations with remote access",
			"External attacker using phished or reused credentials",
			"Account takeover and access to treatment plans and PHI through remote access",
			"Password-only logons, shared physics accounts on some workstations, remote desktop exposed",
			2, 3,
			"164.312(d)", "164.312(a)(2)(i)", "164.308(a)(5)(ii)(D)", "164.308(a)(5)(ii)(C)"),
		starter("starter-pharmacy-portal-shared-login",
			"Shared logins on a specialty-pharmacy portal",
			"Specialty pharmacy portal used to send oral chemotherapy prescriptions and benefits information",
			"Workforce member, current or departed, using the shared account",
			"Unattributable or unauthorized access to patients' prescriptions and insurance data",
			"One shared username and password per clinic; no individual accounts, no access removal on departure",
			3, 2,
			"164.312(a)(2)(i)", "164.312(b)", "164.308(a)(4)(ii)(C)", "164.308(a)(3)(ii)(C)"),
		starter("starter-genomic-results-billing",
			"Genomic results visible to billing staff",
			"Molecular and genomic test reports filed in the EHR",
			"Workforce member without a need to know",
			"Viewing of germline and tumor genomic results beyond the minimum necessary",
			"EHR role for billing staff grants access to full result documents, not only charge data",
			2, 2,
			"164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.308(a)(3)(ii)(A)", "164.308(a)(1)(ii)(D)"),
		starter("starter-trial-export-authorization",
			"Clinical-trial exports to a sponsor without checking authorization",
			"Research data exports from the EHR and trial systems to a sponsor or CRO",
			"Research staff acting in error",
			"Disclosure of PHI for patients without a valid research authorization or waiver (45 CFR 164.508, 164.512(i))",
			"Exports are built from enrollment lists without checking each patient's authorization status; no export log",
			2, 3,
			"164.308(a)(4)(ii)(B)", "164.312(b)", "164.308(a)(1)(ii)(D)"),
		starter("starter-infusion-bay-screens",
			"Infusion-bay screens visible to other patients",
			"Workstations and pump dashboards in the open infusion bay",
			"Other patients and visitors in the bay",
			"Viewing of names, regimens and diagnoses on unattended screens",
			"Screens face the chairs; no privacy filters; sessions stay open between patients",
			3, 1,
			"164.310(b)", "164.310(c)", "164.312(a)(2)(iii)"),
		starter("starter-pa-vendor-no-baa",
			"Prior-authorization vendor without a BAA",
			"Prior-authorization service receiving diagnoses, staging and treatment plans",
			"Business associate without contractual obligations",
			"Use or disclosure of PHI without the safeguards and breach reporting a BAA requires",
			"Vendor engaged by the billing team; no business associate agreement signed",
			3, 2,
			"164.308(b)(1)", "164.308(b)(3)", "164.314(a)(1)", "164.314(a)(2)"),
		starter("starter-rv-ransomware",
			"Ransomware downtime of the record-and-verify system",
			"Record-and-verify (oncology information) system that delivers treatment parameters to the linacs",
			"Criminal group deploying ransomware",
			"Encryption of the record-and-verify servers and interruption of radiation treatments",
			"Flat network between the vault and office systems; untested restores; no downtime procedure for treatment",
			2, 3,
			"164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)", "164.308(a)(7)(ii)(E)",
			"164.308(a)(5)(ii)(B)"),
	}
}

func starter(id ID, title, asset, source, event, vuln string, likelihood, impact Level, ctls ...controls.ID) Risk {
	m := hhs3x3()
	// Fixed data: TestStarter checks that every suggested score is on the scale.
	rating, _ := m.Rate(likelihood, impact)
	return Risk{
		ID: id, Title: title, Asset: asset,
		ThreatSource: source, ThreatEvent: event, Vulnerability: vuln,
		Controls: ctls,
		Method:   MethodHHS3x3, Inherent: Score{Likelihood: likelihood, Impact: impact, Rating: rating},
		Status: StatusOpen,
	}
}
