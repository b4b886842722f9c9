package vendors

import (
	"slices"

	"github.com/hipaaops/hipaaops/internal/enum"
)

// Clause is a provision that 45 CFR 164.504(e)(2) (and, for electronic PHI,
// 164.314(a)(2)(i)) requires in a business associate agreement.
type Clause string

// Required BAA clauses, each with the paragraph that requires it.
const (
	// ClausePermittedUses: establishes the permitted and required uses and disclosures
	// (164.504(e)(2)(i)).
	ClausePermittedUses Clause = "permitted_uses"
	// ClauseNoOtherUse: no use or further disclosure other than as permitted or required by
	// the contract or by law (164.504(e)(2)(ii)(A)).
	ClauseNoOtherUse Clause = "no_other_use"
	// ClauseSafeguards: appropriate safeguards, and Subpart C compliance for electronic PHI
	// (164.504(e)(2)(ii)(B), 164.314(a)(2)(i)(A)).
	ClauseSafeguards Clause = "safeguards"
	// ClauseReporting: report any use or disclosure not provided for by the contract,
	// including breaches of unsecured PHI (164.410) and security incidents
	// (164.504(e)(2)(ii)(C), 164.314(a)(2)(i)(C)), within the contracted number of days.
	ClauseReporting Clause = "reporting"
	// ClauseSubcontractors: subcontractors agree to the same restrictions
	// (164.504(e)(2)(ii)(D), 164.502(e)(1)(ii), 164.314(a)(2)(i)(B)).
	ClauseSubcontractors Clause = "subcontractors"
	// ClauseAccess: make PHI available for access under 164.524 (164.504(e)(2)(ii)(E)).
	ClauseAccess Clause = "access"
	// ClauseAmendment: make PHI available for amendment under 164.526 (164.504(e)(2)(ii)(F)).
	ClauseAmendment Clause = "amendment"
	// ClauseAccounting: provide the information for an accounting of disclosures under
	// 164.528 (164.504(e)(2)(ii)(G)).
	ClauseAccounting Clause = "accounting"
	// ClausePrivacyObligations: where the BA carries out a covered entity obligation under
	// Subpart E, comply with the requirements that apply to it (164.504(e)(2)(ii)(H)).
	ClausePrivacyObligations Clause = "privacy_obligations"
	// ClauseHHSAccess: make internal practices, books and records available to the
	// Secretary (164.504(e)(2)(ii)(I)).
	ClauseHHSAccess Clause = "hhs_access"
	// ClauseReturnOrDestroy: at termination, return or destroy all PHI, or extend the
	// protections where that is infeasible (164.504(e)(2)(ii)(J)).
	ClauseReturnOrDestroy Clause = "return_or_destroy"
	// ClauseTermination: authorizes termination by the covered entity if the BA violates a
	// material term (164.504(e)(2)(iii)).
	ClauseTermination Clause = "termination"
)

var clauseValues = []Clause{
	ClausePermittedUses, ClauseNoOtherUse, ClauseSafeguards, ClauseReporting,
	ClauseSubcontractors, ClauseAccess, ClauseAmendment, ClauseAccounting,
	ClausePrivacyObligations, ClauseHHSAccess, ClauseReturnOrDestroy, ClauseTermination,
}

var clauseCitations = map[Clause]string{
	ClausePermittedUses:      "45 CFR 164.504(e)(2)(i)",
	ClauseNoOtherUse:         "45 CFR 164.504(e)(2)(ii)(A)",
	ClauseSafeguards:         "45 CFR 164.504(e)(2)(ii)(B); 164.314(a)(2)(i)(A)",
	ClauseReporting:          "45 CFR 164.504(e)(2)(ii)(C); 164.314(a)(2)(i)(C); 164.410",
	ClauseSubcontractors:     "45 CFR 164.504(e)(2)(ii)(D); 164.314(a)(2)(i)(B)",
	ClauseAccess:             "45 CFR 164.504(e)(2)(ii)(E)",
	ClauseAmendment:          "45 CFR 164.504(e)(2)(ii)(F)",
	ClauseAccounting:         "45 CFR 164.504(e)(2)(ii)(G)",
	ClausePrivacyObligations: "45 CFR 164.504(e)(2)(ii)(H)",
	ClauseHHSAccess:          "45 CFR 164.504(e)(2)(ii)(I)",
	ClauseReturnOrDestroy:    "45 CFR 164.504(e)(2)(ii)(J)",
	ClauseTermination:        "45 CFR 164.504(e)(2)(iii)",
}

// ClauseValues returns every required clause, in the order of 164.504(e)(2).
func ClauseValues() []Clause { return append([]Clause(nil), clauseValues...) }

// Valid reports whether c is a known clause.
func (c Clause) Valid() bool { return enum.Valid(clauseValues, c) }

// Citation returns the regulation paragraphs that require the clause.
func (c Clause) Citation() string { return clauseCitations[c] }

// MarshalText implements [encoding.TextMarshaler]; an unknown clause is an error.
func (c Clause) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "clause", clauseValues, c) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown clause is an error.
func (c *Clause) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "clause", clauseValues, b, c)
}

// MaxReportingDays is the longest a BAA may give a business associate to report a breach:
// no later than 60 calendar days after discovery (45 CFR 164.410(b)).
const MaxReportingDays = 60

// ClauseGap is a required clause the signed agreement lacks, or states wrongly.
type ClauseGap struct {
	Clause Clause `json:"clause"`
	// Problem says what is wrong: the clause is missing, or why it falls short as
	// written; Text says it in words.
	Problem ClauseProblem `json:"problem"`
	Text    string        `json:"text"`
	// Citation is the section the clause answers to.
	Citation string `json:"citation"`
}

// ClauseProblem is what is wrong with a clause of a signed BAA.
type ClauseProblem string

// Clause problems.
const (
	// ClauseMissing: the agreement lacks the clause (45 CFR 164.504(e)(2)).
	ClauseMissing ClauseProblem = "missing"
	// ClauseNoReportingDays: the reporting clause contracts no number of days.
	ClauseNoReportingDays ClauseProblem = "no_reporting_days"
	// ClauseReportingTooLong: the contracted reporting period is longer than the 60 days
	// of 45 CFR 164.410(b).
	ClauseReportingTooLong ClauseProblem = "reporting_too_long"
)

var clauseProblemTexts = map[ClauseProblem]string{
	ClauseMissing:          "missing",
	ClauseNoReportingDays:  "no number of days contracted for reporting",
	ClauseReportingTooLong: "reporting period longer than 60 days",
}

// Text is the problem in words.
func (p ClauseProblem) Text() string { return clauseProblemTexts[p] }

// MissingClauses checks the agreement against 45 CFR 164.504(e)(2): every required clause
// absent from Clauses, and the reporting clause when its contracted number of days is
// unset or longer than the 60 days of 164.410(b).
func (b *BAA) MissingClauses() []ClauseGap {
	var gaps []ClauseGap
	for _, c := range clauseValues {
		if !slices.Contains(b.Clauses, c) {
			gaps = append(gaps, ClauseGap{Clause: c, Problem: ClauseMissing, Text: ClauseMissing.Text(), Citation: c.Citation()})
			continue
		}
		if c == ClauseReporting {
			switch {
			case b.ReportingDays <= 0:
				gaps = append(gaps, ClauseGap{Clause: c, Problem: ClauseNoReportingDays, Text: ClauseNoReportingDays.Text(), Citation: "45 CFR 164.410(b)"})
			case b.ReportingDays > MaxReportingDays:
				gaps = append(gaps, ClauseGap{Clause: c, Problem: ClauseReportingTooLong, Text: ClauseReportingTooLong.Text(), Citation: "45 CFR 164.410(b)"})
			}
		}
	}
	return gaps
}
