package profiles_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// Recurrences the library uses.
var (
	yearly    = &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar}
	annualBAA = &task.Recurrence{Every: 12, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}
	quarterly = &task.Recurrence{Every: 3, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}
	monthly   = &task.Recurrence{Every: 1, Unit: task.UnitMonth, Anchor: task.AnchorCompletion}
)

// ruleTemplates are the templates the compliance engine's default rules use.
var ruleTemplates = []task.TemplateID{
	profiles.TemplateBAAssessment, profiles.TemplateBAAReview, profiles.TemplatePHIDisposition,
	profiles.TemplateTrialHIPAAFile, profiles.TemplateTraining, profiles.TemplateAccessRevocation,
	profiles.TemplateAccessReview, profiles.TemplateIncidentResponse, profiles.TemplateRiskTreatment,
}

// programTemplates are the recurring templates every profile starts.
var programTemplates = []task.TemplateID{
	profiles.TemplateRiskAnalysis, profiles.TemplateAccessPolicyReview,
	profiles.TemplateAnnualTraining, profiles.TemplateIncidentTabletop,
	profiles.TemplateBackupRestoreTest, profiles.TemplateSanctionsReview,
	profiles.TemplateActivityReview,
}

// byID indexes the library.
func byID(t *testing.T) map[task.TemplateID]task.Template {
	t.Helper()
	m := map[task.TemplateID]task.Template{}
	for _, tpl := range profiles.Library() {
		m[tpl.ID] = tpl
	}
	return m
}

func TestLibraryTemplatesValid(t *testing.T) {
	for _, tpl := range profiles.Library() {
		t.Run(fmt.Sprintf("%s %s", tpl.ID, tpl.Citation), func(t *testing.T) {
			require.NoError(t, tpl.Validate())
			assert.True(t, strings.HasPrefix(tpl.Citation, "45 CFR 164."), "citation %q", tpl.Citation)
			assert.NotContains(t, tpl.Citation, "  ")
			assert.NotEmpty(t, strings.TrimSpace(tpl.Instructions), "instructions")
			assert.GreaterOrEqual(t, len(tpl.Checklist), 3, "checklist")
			assert.True(t, tpl.DefaultRole.Valid(), "role %q", tpl.DefaultRole)
			assert.False(t, tpl.Disabled)
			assert.Zero(t, tpl.Version, "storage sets the version")
			assert.True(t, tpl.CreatedAt.IsZero() && tpl.UpdatedAt.IsZero(), "the library reads no clock")
			seen := map[string]bool{}
			for _, item := range tpl.Checklist {
				assert.False(t, seen[item], "checklist item repeated: %q", item)
				seen[item] = true
			}
		})
	}
}

func TestLibraryIDsUniqueAndSorted(t *testing.T) {
	lib := profiles.Library()
	require.NotEmpty(t, lib)
	for i := 1; i < len(lib); i++ {
		assert.Less(t, lib[i-1].ID, lib[i].ID, "IDs must be strictly increasing (unique and sorted)")
	}
}

// TestTemplates pins each exported template to the rule it serves: its citation, default
// role, due offset, evidence and recurrence.
func TestTemplates(t *testing.T) {
	tests := []struct {
		name     string
		id       task.TemplateID
		citation string
		role     task.Role
		due      int
		evidence bool
		rec      *task.Recurrence
	}{
		// Rule templates.
		{"164.502(e) BA determination and BAA assessment", profiles.TemplateBAAssessment,
			"45 CFR 164.502(e), 164.308(b)(1)", task.RolePrivacyOfficer, 14, true, nil},
		{"164.504(e) annual BAA review", profiles.TemplateBAAReview,
			"45 CFR 164.504(e), 164.308(b)(1)", task.RolePrivacyOfficer, 30, true, annualBAA},
		{"164.308(a)(1)(ii)(B) risk treatment", profiles.TemplateRiskTreatment,
			"45 CFR 164.308(a)(1)(ii)(B)", task.RoleSecurityOfficer, 90, true, nil},
		{"164.308(a)(6)(ii) 164.402 incident response", profiles.TemplateIncidentResponse,
			"45 CFR 164.308(a)(6)(ii), 164.402, 164.530(j)", task.RolePrivacyOfficer, 5, true, nil},
		{"164.504(e)(2)(ii)(J) PHI return or destruction", profiles.TemplatePHIDisposition,
			"45 CFR 164.504(e)(2)(ii)(J)", task.RolePrivacyOfficer, 30, true, nil},
		{"164.508 164.512(i) 164.514(e) trial HIPAA file", profiles.TemplateTrialHIPAAFile,
			"45 CFR 164.508, 164.512(i), 164.514(e)", task.RoleResearchCoordinator, 30, true, nil},
		{"164.308(a)(5) 164.530(b) new-member training", profiles.TemplateTraining,
			"45 CFR 164.308(a)(5), 164.530(b)", task.RolePrivacyOfficer, 30, true, nil},
		{"164.308(a)(3)(ii)(C) same-day access revocation", profiles.TemplateAccessRevocation,
			"45 CFR 164.308(a)(3)(ii)(C)", task.RoleITManager, 0, true, nil},
		{"164.308(a)(4)(ii)(C) access review on role change", profiles.TemplateAccessReview,
			"45 CFR 164.308(a)(4)(ii)(C), 164.308(a)(3)(ii)(B)", task.RoleSecurityOfficer, 7, true, nil},
		// Program templates.
		{"164.308(a)(1)(ii)(A) risk analysis", profiles.TemplateRiskAnalysis,
			"45 CFR 164.308(a)(1)(ii)(A)", task.RoleSecurityOfficer, 90, true, yearly},
		{"164.514(d) minimum necessary access policy", profiles.TemplateAccessPolicyReview,
			"45 CFR 164.514(d), 164.308(a)(4)", task.RolePrivacyOfficer, 60, true, yearly},
		{"164.308(a)(5) annual training", profiles.TemplateAnnualTraining,
			"45 CFR 164.308(a)(5), 164.530(b)", task.RoleSecurityOfficer, 60, true, yearly},
		{"164.308(a)(6) incident tabletop", profiles.TemplateIncidentTabletop,
			"45 CFR 164.308(a)(6)", task.RoleSecurityOfficer, 90, true, yearly},
		{"164.308(a)(7)(ii)(A)(B)(D) backup restore test", profiles.TemplateBackupRestoreTest,
			"45 CFR 164.308(a)(7)(ii)(A), 164.308(a)(7)(ii)(B), 164.308(a)(7)(ii)(D)", task.RoleITManager, 30, true, quarterly},
		{"164.308(a)(1)(ii)(C) sanctions policy", profiles.TemplateSanctionsReview,
			"45 CFR 164.308(a)(1)(ii)(C), 164.530(e)", task.RolePrivacyOfficer, 60, true, yearly},
		{"164.308(a)(1)(ii)(D) system activity review", profiles.TemplateActivityReview,
			"45 CFR 164.308(a)(1)(ii)(D), 164.312(b)", task.RoleSecurityOfficer, 30, true, monthly},
		// Radiation oncology.
		{"164.312(e)(2)(ii) DICOM transfer encryption", profiles.TemplateDICOMTransferReview,
			"45 CFR 164.312(e)(1), 164.312(e)(2)(ii)", task.RoleITManager, 60, true, yearly},
		{"164.310(c) physics workstations", profiles.TemplatePhysicsWorkstations,
			"45 CFR 164.310(c), 164.312(a)(1), 164.312(a)(2)(iv)", task.RolePhysicist, 60, true, yearly},
		{"164.316(b)(2)(i) six-year retention", profiles.TemplateTreatmentRecordRetention,
			"45 CFR 164.316(b)(2)(i), 164.530(j)(2)", task.RolePracticeAdministrator, 90, true, yearly},
		{"164.312(e)(1) multidisciplinary channels", profiles.TemplateMDTChannels,
			"45 CFR 164.312(e)(1), 164.308(b)(1)", task.RolePrivacyOfficer, 60, true, yearly},
		// Infusion.
		{"164.530(c) infusion bay incidental disclosure", profiles.TemplateInfusionScreens,
			"45 CFR 164.530(c), 164.502(a)(1)(iii)", task.RoleManager, 60, true, yearly},
	}
	lib := byID(t)
	require.Len(t, lib, len(tests), "every library template has an exported ID pinned here")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, ok := lib[tt.id]
			require.True(t, ok, "%s is in Library()", tt.id)
			assert.Equal(t, tt.citation, tpl.Citation)
			assert.Equal(t, tt.role, tpl.DefaultRole)
			assert.Equal(t, tt.due, tpl.DueOffsetDays)
			assert.Equal(t, tt.evidence, tpl.EvidenceRequired)
			assert.Equal(t, tt.rec, tpl.Recurrence)

			got, ok := profiles.Template(tt.id)
			require.True(t, ok)
			assert.Equal(t, tpl, got, "Template(id) matches Library()")
		})
	}
}

// TestTrialHIPAAFileChecklist checks the trial file asks for each document the brief
// names: authorization or waiver (164.508, 164.512(i)), sponsor and CRO determinations,
// and a data use agreement for a limited data set (164.514(e)).
func TestTrialHIPAAFileChecklist(t *testing.T) {
	tpl, ok := profiles.Template(profiles.TemplateTrialHIPAAFile)
	require.True(t, ok)
	all := strings.Join(tpl.Checklist, "\n")
	for _, want := range []string{"164.508", "164.512(i)", "164.514(e)", "sponsor", "CRO", "data use agreement", "limited data set"} {
		assert.Contains(t, all, want)
	}
}

func TestTemplateUnknown(t *testing.T) {
	for _, id := range []task.TemplateID{"", "nope", "BA-ASSESSMENT", " ba-assessment"} {
		got, ok := profiles.Template(id)
		assert.False(t, ok, "%q", id)
		assert.Zero(t, got)
	}
}

// TestLibraryCopies: changing what one call returns changes nothing another call returns.
func TestLibraryCopies(t *testing.T) {
	want := profiles.Library()

	got := profiles.Library()
	for i := range got {
		got[i].Title = "changed"
		got[i].Checklist[0] = "changed"
		got[i].Checklist = append(got[i].Checklist, "added")
		if got[i].Recurrence != nil {
			got[i].Recurrence.Every = 99
		}
	}
	got[0], got[1] = got[1], got[0]

	one, ok := profiles.Template(profiles.TemplateRiskAnalysis)
	require.True(t, ok)
	one.Checklist[0] = "changed"
	one.Recurrence.Unit = task.UnitDay

	assert.Equal(t, want, profiles.Library())
	again, _ := profiles.Template(profiles.TemplateRiskAnalysis)
	assert.Equal(t, task.UnitYear, again.Recurrence.Unit)
	assert.NotEqual(t, "changed", again.Checklist[0])
}

// TestProfiles checks each profile's vendor categories and the templates it seeds: the
// BA rules (164.308(b)(1)) and workforce rules (164.308(a)(3), (a)(4), (a)(5)) in every
// profile, the program templates started as recurring, and the specialty additions.
func TestProfiles(t *testing.T) {
	tests := []struct {
		name       string
		profile    profiles.Name
		categories []vendors.Category
		specialty  []task.TemplateID
	}{
		{
			name:    "hematology-oncology 164.308(b)(1) vendors and 164.530(c) infusion bays",
			profile: profiles.HematologyOncology,
			categories: []vendors.Category{
				vendors.CategorySpecialtyPharmacy, vendors.CategoryInfusionStaffing,
				vendors.CategoryPriorAuthorization, vendors.CategoryLaboratory,
				vendors.CategoryMolecularTesting, vendors.CategoryFinancialAssistance,
				vendors.CategoryTrialSponsor, vendors.CategoryCRO, vendors.CategoryEHR,
				vendors.CategoryBilling, vendors.CategoryCloudHosting,
				vendors.CategorySecureMessaging, vendors.CategoryEPrescribing,
				vendors.CategoryITManagedServices, vendors.CategoryShredding,
			},
			specialty: []task.TemplateID{profiles.TemplateInfusionScreens},
		},
		{
			name:    "radiation oncology 164.308(b)(1) vendors and 164.312(e)(1) 164.310(c) 164.316(b)(2)(i)",
			profile: profiles.RadiationOncology,
			categories: []vendors.Category{
				vendors.CategoryTreatmentPlanning, vendors.CategoryPACS,
				vendors.CategoryRecordAndVerify, vendors.CategoryCTSimulation, vendors.CategoryEHR,
				vendors.CategoryBilling, vendors.CategoryCloudHosting,
				vendors.CategoryITManagedServices, vendors.CategorySecureMessaging,
				vendors.CategoryShredding, vendors.CategoryTrialSponsor, vendors.CategoryCRO,
			},
			specialty: []task.TemplateID{
				profiles.TemplateDICOMTransferReview, profiles.TemplatePhysicsWorkstations,
				profiles.TemplateTreatmentRecordRetention, profiles.TemplateMDTChannels,
			},
		},
		{
			name:    "infusion center 164.308(b)(1) vendors and 164.530(c) infusion bays",
			profile: profiles.InfusionCenter,
			categories: []vendors.Category{
				vendors.CategorySpecialtyPharmacy, vendors.CategoryInfusionStaffing,
				vendors.CategoryPriorAuthorization, vendors.CategoryEHR, vendors.CategoryBilling,
				vendors.CategoryFinancialAssistance, vendors.CategoryEPrescribing,
				vendors.CategoryITManagedServices, vendors.CategoryShredding,
			},
			specialty: []task.TemplateID{profiles.TemplateInfusionScreens},
		},
	}
	lib := byID(t)
	require.Len(t, tests, len(profiles.All()), "every profile is tested")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := profiles.Get(tt.profile)
			require.True(t, ok)
			assert.Equal(t, tt.profile, p.Name)
			assert.NotEmpty(t, p.Title)

			assert.ElementsMatch(t, tt.categories, p.VendorCategories)
			seen := map[vendors.Category]bool{}
			for _, c := range p.VendorCategories {
				assert.True(t, c.Valid(), "category %q", c)
				assert.False(t, seen[c], "category %q listed twice", c)
				seen[c] = true
			}

			assert.True(t, slices.IsSorted(p.Templates), "Templates sorted")
			assert.True(t, slices.IsSorted(p.Recurring), "Recurring sorted")
			assert.Len(t, p.Templates, len(slices.Compact(slices.Clone(p.Templates))), "Templates unique")
			assert.Len(t, p.Recurring, len(slices.Compact(slices.Clone(p.Recurring))), "Recurring unique")
			for _, id := range p.Templates {
				_, ok := lib[id]
				assert.True(t, ok, "template %q is in Library()", id)
			}
			for _, id := range p.Recurring {
				assert.Contains(t, p.Templates, id, "Recurring ⊆ Templates")
				assert.NotNil(t, lib[id].Recurrence, "recurring template %q has a Recurrence", id)
			}
			for _, id := range ruleTemplates {
				assert.Contains(t, p.Templates, id, "rule template")
				assert.NotContains(t, p.Recurring, id, "rule templates are started by events")
			}
			wantRecurring := slices.Concat(programTemplates, tt.specialty)
			assert.ElementsMatch(t, wantRecurring, p.Recurring)
			assert.ElementsMatch(t, slices.Concat(ruleTemplates, wantRecurring), p.Templates)
		})
	}
}

func TestEveryTemplateSeededByAProfile(t *testing.T) {
	used := map[task.TemplateID]bool{}
	for _, p := range profiles.All() {
		for _, id := range p.Templates {
			used[id] = true
		}
	}
	for _, tpl := range profiles.Library() {
		assert.True(t, used[tpl.ID], "%s (%s) is in no profile", tpl.ID, tpl.Citation)
	}
}

func TestAllAndGet(t *testing.T) {
	all := profiles.All()
	var names []profiles.Name
	for _, p := range all {
		names = append(names, p.Name)
	}
	assert.Equal(t, profiles.NameValues(), names, "All lists every profile in NameValues order")

	for _, n := range []profiles.Name{"", "oncology", "Radiation_Oncology"} {
		p, ok := profiles.Get(n)
		assert.False(t, ok, "%q", n)
		assert.Zero(t, p)
	}

	// Changing a returned profile changes nothing later calls return.
	want := profiles.All()
	all[0].Templates[0] = "changed"
	all[0].Recurring[0] = "changed"
	all[0].VendorCategories[0] = vendors.CategoryOther
	p, _ := profiles.Get(profiles.RadiationOncology)
	p.Templates[0] = "changed"
	p.Recurring = append(p.Recurring[:0], "changed")
	assert.Equal(t, want, profiles.All())
}

func TestName(t *testing.T) {
	assert.Equal(t, []profiles.Name{"hematology_oncology", "radiation_oncology", "infusion_center"}, profiles.NameValues())
	vs := profiles.NameValues()
	vs[0] = "changed"
	assert.Equal(t, profiles.HematologyOncology, profiles.NameValues()[0], "NameValues returns a copy")

	for _, n := range profiles.NameValues() {
		assert.True(t, n.Valid())
		b, err := n.MarshalText()
		require.NoError(t, err)
		var back profiles.Name
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, n, back)
	}
	for _, bad := range []string{"", "oncology", " radiation_oncology"} {
		n := profiles.Name(bad)
		assert.False(t, n.Valid(), "%q", bad)
		_, err := n.MarshalText()
		requireUnknownProfile(t, err)
		dst := profiles.InfusionCenter
		requireUnknownProfile(t, dst.UnmarshalText([]byte(bad)))
		assert.Equal(t, profiles.InfusionCenter, dst, "a refused value leaves the destination unchanged")
	}
}

// requireUnknownProfile asserts err is the validation error for an unknown profile name.
func requireUnknownProfile(t *testing.T, err error) {
	t.Helper()
	require.ErrorIs(t, err, validation.ErrInvalid)
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "profiles", verr.Pkg)
	assert.Equal(t, "profile", verr.Field)
	assert.Contains(t, verr.Rule, "is not one of")
}
