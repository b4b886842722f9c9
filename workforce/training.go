package workforce

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// roleModules maps each role to the modules it needs besides [ModuleGeneralHIPAA].
// The reason for each mapping is on its line.
var roleModules = map[Role][]Module{
	// Nurses and pharmacists work in open infusion bays and at chairside workstations, and
	// handle chemotherapy orders and labelled infusions in view of other patients: the
	// module covers reasonable safeguards against incidental disclosures
	// (45 CFR 164.530(c)(2)(ii)) and workstation use and security (45 CFR 164.310(b)-(c)).
	RoleNurse:      {ModuleInfusionSuite},
	RolePharmacist: {ModuleInfusionSuite},
	// Physicians order and discuss tumor and germline tests; genetic information is health
	// information (45 CFR 160.103) that also bears on relatives, and results travel to
	// outside laboratories and tumor boards.
	RolePhysician: {ModuleMolecularGenomic},
	// Physicists, dosimetrists and radiation therapists work in treatment planning,
	// record-and-verify and imaging systems that hold full-face photographs
	// (an identifier, 45 CFR 164.514(b)(2)(i)(Q)) and that vendors service remotely:
	// access control and audit of those systems (45 CFR 164.312(a)-(b)).
	RolePhysicist:   {ModuleRadiationTherapy},
	RoleDosimetrist: {ModuleRadiationTherapy},
	RoleTherapist:   {ModuleRadiationTherapy},
	// Front desk and billing staff verify the identity of people asking for PHI
	// (45 CFR 164.514(h)), take access requests (45 CFR 164.524), apply minimum necessary
	// (45 CFR 164.514(d)) and disclose for payment (45 CFR 164.506(c)).
	RoleFrontDesk: {ModuleFrontDesk},
	RoleBilling:   {ModuleFrontDesk},
	// Research coordinators send biospecimens and genomic data to sponsors and central
	// laboratories under an authorization or a waiver (45 CFR 164.508, 164.512(i)) and
	// de-identify data sets (45 CFR 164.514(a)-(b)).
	RoleResearch: {ModuleMolecularGenomic},
	// IT, administrators and other roles need general HIPAA training only.
}

// RequiredModules returns the training modules a member in role r must complete, general
// HIPAA training first. Every member of the workforce needs [ModuleGeneralHIPAA]
// (45 CFR 164.530(b)(1), 164.308(a)(5)(i)), whatever the role, even one this package does
// not know; the other modules follow from the PHI the role handles (see the package
// source for each mapping's reason). The slice is the caller's to change.
func RequiredModules(r Role) []Module {
	return append([]Module{ModuleGeneralHIPAA}, roleModules[r]...)
}

// LastTraining returns m's most recent completion of module mod, and false if there is
// none. Of two completions on the same day, the one recorded last is returned.
func (m *Member) LastTraining(mod Module) (Completion, bool) {
	return lastTraining(m.Trainings, mod, date.Zero)
}

// lastTraining returns the latest completion of mod on or before asOf (no limit when
// asOf is zero).
func lastTraining(ts []Completion, mod Module, asOf date.Date) (Completion, bool) {
	var last Completion
	found := false
	for _, c := range ts {
		if c.Module != mod || (asOf != date.Zero && c.CompletedOn > asOf) {
			continue
		}
		if !found || c.CompletedOn >= last.CompletedOn {
			last, found = c, true
		}
	}
	return last, found
}

// MissingTraining returns the modules m's role requires ([RequiredModules]) that m, as of
// asOf, has never completed or last completed more than validMonths months before asOf,
// in the order RequiredModules lists them; nil when nothing is missing. Completions
// dated after asOf do not count: they had not happened yet. A completion stays current
// through the same day validMonths months later (a day past the end of the target
// month falls back to its last day). validMonths 0 or less means training never
// expires. Training must be ongoing: 45 CFR 164.308(a)(5)(ii)(A) asks for periodic
// security reminders and 164.530(b)(2)(i)(B) for retraining when policies change; the
// practice's policy sets validMonths (commonly 12).
func (m *Member) MissingTraining(asOf date.Date, validMonths int) []Module {
	var missing []Module
	for _, mod := range RequiredModules(m.Role) {
		c, ok := lastTraining(m.Trainings, mod, asOf)
		if !ok || (validMonths > 0 && asOf > addMonths(c.CompletedOn, validMonths)) {
			missing = append(missing, mod)
		}
	}
	return missing
}

// addMonths adds n months to d; a day past the end of the target month falls back to its
// last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	first := date.New(y, m+time.Month(n), 1)
	if last := first.LastDayOfMonth(); day > last {
		day = last
	}
	return first + date.Date(day-1)
}

// RoleCompletion is the training completion of one role's active members.
type RoleCompletion struct {
	// Role is the role counted.
	Role Role `json:"role"`
	// Members counts the role's active members.
	Members int `json:"members"`
	// Complete counts those of them with no missing training.
	Complete int `json:"complete"`
}

// CompletionByRole counts, for each role with at least one member active on asOf, the
// active members and those with no [Member.MissingTraining] as of asOf for validMonths.
// Roles come in [RoleValues] order; a role this package does not know comes after them,
// in string order. It gives the evidence that the training program reaches the whole
// workforce (45 CFR 164.308(a)(5)(i), 164.530(b)(2)(ii)).
func CompletionByRole(ms []Member, asOf date.Date, validMonths int) []RoleCompletion {
	byRole := map[Role]*RoleCompletion{}
	for i := range ms {
		m := &ms[i]
		if !m.Active(asOf) {
			continue
		}
		rc := byRole[m.Role]
		if rc == nil {
			rc = &RoleCompletion{Role: m.Role}
			byRole[m.Role] = rc
		}
		rc.Members++
		if len(m.MissingTraining(asOf, validMonths)) == 0 {
			rc.Complete++
		}
	}
	out := make([]RoleCompletion, 0, len(byRole))
	for _, rc := range byRole {
		out = append(out, *rc)
	}
	slices.SortFunc(out, func(a, b RoleCompletion) int {
		ia, ib := roleRank(a.Role), roleRank(b.Role)
		if ia != ib {
			return ia - ib
		}
		switch {
		case a.Role < b.Role:
			return -1
		case a.Role > b.Role:
			return 1
		}
		return 0
	})
	return out
}

// roleRank is r's position in roleValues, or len(roleValues) for an unknown role.
func roleRank(r Role) int {
	if i := slices.Index(roleValues, r); i >= 0 {
		return i
	}
	return len(roleValues)
}
