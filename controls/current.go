package controls

import (
	"time"

	"github.com/rickb777/date/v2"
)

// CurrentVersion is the version of the catalog [Current] returns: the Security Rule as
// amended by the Omnibus Rule (78 FR 5566, January 25, 2013).
const CurrentVersion = "2013-omnibus"

// standard returns a standard's control; its Standard is itself.
func standard(s Safeguard, id ID, title string) Control {
	return Control{ID: id, Standard: id, Title: title, Kind: KindStandard, Safeguard: s, Citation: "45 CFR " + string(id)}
}

// spec returns an implementation specification of the standard std.
func spec(s Safeguard, std, id ID, k Kind, title string) Control {
	return Control{ID: id, Standard: std, Title: title, Kind: k, Safeguard: s, Citation: "45 CFR " + string(id)}
}

// Current returns the Security Rule in force (45 CFR 164.308, 164.310, 164.312, 164.314 and
// 164.316 as amended by 78 FR 5566), version [CurrentVersion], in regulation order. Each
// call returns a fresh copy that the caller may change.
//
// Every standard is a control of kind [KindStandard]; its implementation specifications
// follow it, each [KindRequired] or [KindAddressable] as the regulation designates it.
func Current() Catalog {
	const (
		adm = SafeguardAdministrative
		phy = SafeguardPhysical
		tec = SafeguardTechnical
		org = SafeguardOrganizational
		doc = SafeguardDocumentation
		R   = KindRequired
		A   = KindAddressable
	)
	return Catalog{
		Version: CurrentVersion,
		Title: "HIPAA Security Rule, 45 CFR Part 164, Subpart C, as amended by the Omnibus Rule " +
			"(78 FR 5566, January 25, 2013)",
		// 78 FR 5566: effective March 26, 2013; compliance required by September 23, 2013.
		EffectiveOn: date.New(2013, time.March, 26),
		Note: "HHS proposed on January 6, 2025 (90 FR 898) to revise the Security Rule and remove " +
			"the distinction between required and addressable implementation specifications. " +
			"The proposal is not final; this catalog is the rule in force. A revised catalog can be " +
			"loaded beside this one with NewCatalogs.",
		Controls: []Control{
			// 45 CFR 164.308 Administrative safeguards.
			standard(adm, "164.308(a)(1)", "Security management process"),
			spec(adm, "164.308(a)(1)", "164.308(a)(1)(ii)(A)", R, "Risk analysis"),
			spec(adm, "164.308(a)(1)", "164.308(a)(1)(ii)(B)", R, "Risk management"),
			spec(adm, "164.308(a)(1)", "164.308(a)(1)(ii)(C)", R, "Sanction policy"),
			spec(adm, "164.308(a)(1)", "164.308(a)(1)(ii)(D)", R, "Information system activity review"),
			standard(adm, "164.308(a)(2)", "Assigned security responsibility"),
			standard(adm, "164.308(a)(3)", "Workforce security"),
			spec(adm, "164.308(a)(3)", "164.308(a)(3)(ii)(A)", A, "Authorization and/or supervision"),
			spec(adm, "164.308(a)(3)", "164.308(a)(3)(ii)(B)", A, "Workforce clearance procedure"),
			spec(adm, "164.308(a)(3)", "164.308(a)(3)(ii)(C)", A, "Termination procedures"),
			standard(adm, "164.308(a)(4)", "Information access management"),
			spec(adm, "164.308(a)(4)", "164.308(a)(4)(ii)(A)", R, "Isolating health care clearinghouse functions"),
			spec(adm, "164.308(a)(4)", "164.308(a)(4)(ii)(B)", A, "Access authorization"),
			spec(adm, "164.308(a)(4)", "164.308(a)(4)(ii)(C)", A, "Access establishment and modification"),
			standard(adm, "164.308(a)(5)", "Security awareness and training"),
			spec(adm, "164.308(a)(5)", "164.308(a)(5)(ii)(A)", A, "Security reminders"),
			spec(adm, "164.308(a)(5)", "164.308(a)(5)(ii)(B)", A, "Protection from malicious software"),
			spec(adm, "164.308(a)(5)", "164.308(a)(5)(ii)(C)", A, "Log-in monitoring"),
			spec(adm, "164.308(a)(5)", "164.308(a)(5)(ii)(D)", A, "Password management"),
			standard(adm, "164.308(a)(6)", "Security incident procedures"),
			spec(adm, "164.308(a)(6)", "164.308(a)(6)(ii)", R, "Response and reporting"),
			standard(adm, "164.308(a)(7)", "Contingency plan"),
			spec(adm, "164.308(a)(7)", "164.308(a)(7)(ii)(A)", R, "Data backup plan"),
			spec(adm, "164.308(a)(7)", "164.308(a)(7)(ii)(B)", R, "Disaster recovery plan"),
			spec(adm, "164.308(a)(7)", "164.308(a)(7)(ii)(C)", R, "Emergency mode operation plan"),
			spec(adm, "164.308(a)(7)", "164.308(a)(7)(ii)(D)", A, "Testing and revision procedures"),
			spec(adm, "164.308(a)(7)", "164.308(a)(7)(ii)(E)", A, "Applications and data criticality analysis"),
			standard(adm, "164.308(a)(8)", "Evaluation"),
			standard(adm, "164.308(b)(1)", "Business associate contracts and other arrangements"),
			spec(adm, "164.308(b)(1)", "164.308(b)(3)", R, "Written contract or other arrangement"),

			// 45 CFR 164.310 Physical safeguards.
			standard(phy, "164.310(a)(1)", "Facility access controls"),
			spec(phy, "164.310(a)(1)", "164.310(a)(2)(i)", A, "Contingency operations"),
			spec(phy, "164.310(a)(1)", "164.310(a)(2)(ii)", A, "Facility security plan"),
			spec(phy, "164.310(a)(1)", "164.310(a)(2)(iii)", A, "Access control and validation procedures"),
			spec(phy, "164.310(a)(1)", "164.310(a)(2)(iv)", A, "Maintenance records"),
			standard(phy, "164.310(b)", "Workstation use"),
			standard(phy, "164.310(c)", "Workstation security"),
			standard(phy, "164.310(d)(1)", "Device and media controls"),
			spec(phy, "164.310(d)(1)", "164.310(d)(2)(i)", R, "Disposal"),
			spec(phy, "164.310(d)(1)", "164.310(d)(2)(ii)", R, "Media re-use"),
			spec(phy, "164.310(d)(1)", "164.310(d)(2)(iii)", A, "Accountability"),
			spec(phy, "164.310(d)(1)", "164.310(d)(2)(iv)", A, "Data backup and storage"),

			// 45 CFR 164.312 Technical safeguards.
			standard(tec, "164.312(a)(1)", "Access control"),
			spec(tec, "164.312(a)(1)", "164.312(a)(2)(i)", R, "Unique user identification"),
			spec(tec, "164.312(a)(1)", "164.312(a)(2)(ii)", R, "Emergency access procedure"),
			spec(tec, "164.312(a)(1)", "164.312(a)(2)(iii)", A, "Automatic logoff"),
			spec(tec, "164.312(a)(1)", "164.312(a)(2)(iv)", A, "Encryption and decryption"),
			standard(tec, "164.312(b)", "Audit controls"),
			standard(tec, "164.312(c)(1)", "Integrity"),
			spec(tec, "164.312(c)(1)", "164.312(c)(2)", A, "Mechanism to authenticate electronic PHI"),
			standard(tec, "164.312(d)", "Person or entity authentication"),
			standard(tec, "164.312(e)(1)", "Transmission security"),
			spec(tec, "164.312(e)(1)", "164.312(e)(2)(i)", A, "Integrity controls"),
			spec(tec, "164.312(e)(1)", "164.312(e)(2)(ii)", A, "Encryption"),

			// 45 CFR 164.314 Organizational requirements.
			standard(org, "164.314(a)(1)", "Business associate contracts or other arrangements"),
			withSummary(spec(org, "164.314(a)(1)", "164.314(a)(2)", R,
				"Business associate contracts, other arrangements and subcontractor contracts"),
				"The contract or other arrangement requires the business associate to comply with the "+
					"Security Rule, to flow the same terms down to its subcontractors (164.308(b)(2)), "+
					"and to report security incidents to the covered entity, including breaches of "+
					"unsecured PHI as 164.410 requires."),
			standard(org, "164.314(b)(1)", "Requirements for group health plans"),
			withSummary(spec(org, "164.314(b)(1)", "164.314(b)(2)", R, "Plan document provisions"),
				"The group health plan's documents are amended to require the plan sponsor to safeguard "+
					"the electronic PHI it creates, receives, maintains or transmits on the plan's behalf, "+
					"keep the separation 164.504(f)(2)(iii) requires, bind its agents to the same "+
					"safeguards, and report security incidents to the plan."),

			// 45 CFR 164.316 Policies and procedures and documentation requirements.
			standard(doc, "164.316(a)", "Policies and procedures"),
			standard(doc, "164.316(b)(1)", "Documentation"),
			withSummary(spec(doc, "164.316(b)(1)", "164.316(b)(2)(i)", R, "Time limit"),
				"Retain the documentation for six years from the date of its creation or the date "+
					"when it last was in effect, whichever is later."),
			spec(doc, "164.316(b)(1)", "164.316(b)(2)(ii)", R, "Availability"),
			spec(doc, "164.316(b)(1)", "164.316(b)(2)(iii)", R, "Updates"),
		},
	}
}

// withSummary returns c with its Summary set.
func withSummary(c Control, summary string) Control {
	c.Summary = summary
	return c
}
