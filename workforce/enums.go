package workforce

import "github.com/hipaaops/hipaaops/internal/enum"

// Role is a workforce member's job in the practice; it decides which training modules
// the member needs (see [RequiredModules]).
type Role string

// Roles in a hematology-oncology, radiation-oncology or infusion practice.
const (
	RolePhysician  Role = "physician"
	RoleNurse      Role = "nurse" // infusion nurses included
	RolePharmacist Role = "pharmacist"
	RolePhysicist  Role = "physicist"
	// RoleDosimetrist plans radiation treatment doses.
	RoleDosimetrist   Role = "dosimetrist"
	RoleTherapist     Role = "radiation_therapist"
	RoleFrontDesk     Role = "front_desk"
	RoleBilling       Role = "billing"
	RoleResearch      Role = "research_coordinator"
	RoleIT            Role = "it"
	RoleAdministrator Role = "administrator"
	RoleOther         Role = "other"
)

var roleValues = []Role{
	RolePhysician, RoleNurse, RolePharmacist, RolePhysicist, RoleDosimetrist, RoleTherapist,
	RoleFrontDesk, RoleBilling, RoleResearch, RoleIT, RoleAdministrator, RoleOther,
}

// RoleValues returns every known Role, in the order reports list them.
func RoleValues() []Role { return append([]Role(nil), roleValues...) }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return enum.Valid(roleValues, r) }

// MarshalText implements [encoding.TextMarshaler]; an unknown role is an error.
func (r Role) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "role", roleValues, r) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown role is an error.
func (r *Role) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "role", roleValues, b, r)
}

// Module is a HIPAA training module of the practice's security awareness and training
// program (45 CFR 164.308(a)(5)(i), 164.530(b)(1)).
type Module string

// Training modules.
const (
	// ModuleGeneralHIPAA: the Privacy and Security Rules, minimum necessary, passwords,
	// phishing, reporting incidents; for the whole workforce (45 CFR 164.530(b)(1),
	// 164.308(a)(5)(i)).
	ModuleGeneralHIPAA Module = "general_hipaa"
	// ModuleInfusionSuite: PHI in open infusion bays, chairside workstations, chemotherapy
	// orders and labels.
	ModuleInfusionSuite Module = "infusion_suite"
	// ModuleMolecularGenomic: tumor and germline test results, genetic information and
	// biospecimens.
	ModuleMolecularGenomic Module = "molecular_genomic"
	// ModuleRadiationTherapy: treatment planning, record-and-verify and imaging systems,
	// patient photographs, vendor remote access to them.
	ModuleRadiationTherapy Module = "radiation_therapy_physics"
	// ModuleFrontDesk: verifying identity, sign-in, phone calls, payment and access requests.
	ModuleFrontDesk Module = "front_desk"
)

var moduleValues = []Module{
	ModuleGeneralHIPAA, ModuleInfusionSuite, ModuleMolecularGenomic, ModuleRadiationTherapy,
	ModuleFrontDesk,
}

// ModuleValues returns every known Module.
func ModuleValues() []Module { return append([]Module(nil), moduleValues...) }

// Valid reports whether m is a known module.
func (m Module) Valid() bool { return enum.Valid(moduleValues, m) }

// MarshalText implements [encoding.TextMarshaler]; an unknown module is an error.
func (m Module) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "module", moduleValues, m)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown module is an error.
func (m *Module) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "module", moduleValues, b, m)
}
