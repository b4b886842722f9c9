package profiles

import (
	"slices"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
)

const pkg = "profiles"

// Name identifies a specialty profile.
type Name string

// Specialty profile names.
const (
	HematologyOncology Name = "hematology_oncology"
	RadiationOncology  Name = "radiation_oncology"
	InfusionCenter     Name = "infusion_center"
)

var nameValues = []Name{HematologyOncology, RadiationOncology, InfusionCenter}

// NameValues returns every known Name, in the order [All] lists the profiles.
func NameValues() []Name { return slices.Clone(nameValues) }

// Valid reports whether n is a known profile name.
func (n Name) Valid() bool { return enum.Valid(nameValues, n) }

// MarshalText implements [encoding.TextMarshaler]; an unknown name is an error.
func (n Name) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "profile", nameValues, n) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown name is an error and
// leaves n unchanged.
func (n *Name) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "profile", nameValues, b, n)
}

// Profile is what a kind of oncology practice starts its HIPAA program with.
type Profile struct {
	Name  Name
	Title string
	// VendorCategories are the kinds of vendor such a practice should expect to inventory
	// and assess as business associates (45 CFR 164.308(b)(1)).
	VendorCategories []vendors.Category
	// Templates are the library templates the profile seeds: the rule templates, the
	// program templates and the specialty ones, ordered by ID.
	Templates []task.TemplateID
	// Recurring is the subset of Templates the engine starts as recurring
	// organization-wide tasks when the profile is applied, ordered by ID. Each has a
	// Recurrence. Rule templates are not in it: events start them (a BAA's annual review
	// starts when the BAA is signed).
	Recurring []task.TemplateID
}

// ruleTemplates are the templates the compliance engine's default rules use; every
// profile seeds them.
func ruleTemplates() []task.TemplateID {
	return []task.TemplateID{
		TemplateBAAssessment, TemplateBAAReview, TemplatePHIDisposition, TemplateTrialHIPAAFile,
		TemplateTraining, TemplateAccessRevocation, TemplateAccessReview, TemplateIncidentResponse,
		TemplateRiskTreatment,
	}
}

// programTemplates are the recurring templates every profile starts.
func programTemplates() []task.TemplateID {
	return []task.TemplateID{
		TemplateRiskAnalysis, TemplateAccessPolicyReview, TemplateAnnualTraining,
		TemplateIncidentTabletop, TemplateBackupRestoreTest, TemplateSanctionsReview,
		TemplateActivityReview,
	}
}

// newProfile returns a profile seeding the rule and program templates plus specialty,
// which it also starts as recurring; both lists are sorted.
func newProfile(n Name, title string, cats []vendors.Category, specialty ...task.TemplateID) Profile {
	recurring := slices.Concat(programTemplates(), specialty)
	slices.Sort(recurring)
	templates := slices.Concat(ruleTemplates(), recurring)
	slices.Sort(templates)
	return Profile{Name: n, Title: title, VendorCategories: cats, Templates: templates, Recurring: recurring}
}

// profiles builds every profile afresh, in the order of nameValues.
func profiles() []Profile {
	return []Profile{
		newProfile(HematologyOncology, "Hematology-oncology practice",
			[]vendors.Category{
				vendors.CategorySpecialtyPharmacy, vendors.CategoryInfusionStaffing,
				vendors.CategoryPriorAuthorization, vendors.CategoryLaboratory,
				vendors.CategoryMolecularTesting, vendors.CategoryFinancialAssistance,
				vendors.CategoryTrialSponsor, vendors.CategoryCRO, vendors.CategoryEHR,
				vendors.CategoryBilling, vendors.CategoryCloudHosting,
				vendors.CategorySecureMessaging, vendors.CategoryEPrescribing,
				vendors.CategoryITManagedServices, vendors.CategoryShredding,
			},
			// Heme-onc practices run their own infusion suites.
			TemplateInfusionScreens),
		newProfile(RadiationOncology, "Radiation oncology practice",
			[]vendors.Category{
				vendors.CategoryTreatmentPlanning, vendors.CategoryPACS,
				vendors.CategoryRecordAndVerify, vendors.CategoryCTSimulation, vendors.CategoryEHR,
				vendors.CategoryBilling, vendors.CategoryCloudHosting,
				vendors.CategoryITManagedServices, vendors.CategorySecureMessaging,
				vendors.CategoryShredding, vendors.CategoryTrialSponsor, vendors.CategoryCRO,
			},
			TemplateDICOMTransferReview, TemplatePhysicsWorkstations,
			TemplateTreatmentRecordRetention, TemplateMDTChannels),
		newProfile(InfusionCenter, "Infusion and chemotherapy center",
			[]vendors.Category{
				vendors.CategorySpecialtyPharmacy, vendors.CategoryInfusionStaffing,
				vendors.CategoryPriorAuthorization, vendors.CategoryEHR, vendors.CategoryBilling,
				vendors.CategoryFinancialAssistance, vendors.CategoryEPrescribing,
				vendors.CategoryITManagedServices, vendors.CategoryShredding,
			},
			TemplateInfusionScreens),
	}
}

// Get returns a copy of the profile named n, and whether there is one.
func Get(n Name) (Profile, bool) {
	for _, p := range profiles() {
		if p.Name == n {
			return p, true
		}
	}
	return Profile{}, false
}

// All returns a copy of every profile: hematology-oncology, radiation oncology, infusion
// center.
func All() []Profile { return profiles() }
