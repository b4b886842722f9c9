package vendors

import "github.com/hipaaops/hipaaops/internal/enum"

// Category is the kind of service a vendor provides to the practice.
type Category string

// Vendor categories seen in hematology-oncology, radiation-oncology and infusion practices.
const (
	CategorySpecialtyPharmacy   Category = "specialty_pharmacy"
	CategoryInfusionStaffing    Category = "infusion_staffing"
	CategoryPriorAuthorization  Category = "prior_authorization"
	CategoryLaboratory          Category = "laboratory"
	CategoryMolecularTesting    Category = "molecular_testing"
	CategoryFinancialAssistance Category = "financial_assistance"
	CategoryTrialSponsor        Category = "trial_sponsor"
	CategoryCRO                 Category = "cro"
	CategoryTreatmentPlanning   Category = "treatment_planning"
	CategoryPACS                Category = "pacs"
	CategoryRecordAndVerify     Category = "record_and_verify"
	CategoryCTSimulation        Category = "ct_simulation"
	CategoryEHR                 Category = "ehr"
	CategoryBilling             Category = "billing"
	CategoryCloudHosting        Category = "cloud_hosting"
	CategorySecureMessaging     Category = "secure_messaging"
	CategoryEPrescribing        Category = "e_prescribing"
	CategoryITManagedServices   Category = "it_managed_services"
	CategoryShredding           Category = "shredding"
	CategoryOther               Category = "other"
)

var categoryLabels = map[Category]string{
	CategorySpecialtyPharmacy:   "specialty pharmacy",
	CategoryInfusionStaffing:    "infusion staffing or management",
	CategoryPriorAuthorization:  "prior-authorization service",
	CategoryLaboratory:          "laboratory / LIS interface",
	CategoryMolecularTesting:    "molecular and genomic testing",
	CategoryFinancialAssistance: "financial-assistance program administrator",
	CategoryTrialSponsor:        "clinical-trial sponsor",
	CategoryCRO:                 "contract research organization",
	CategoryTreatmentPlanning:   "treatment planning system",
	CategoryPACS:                "PACS / image archive",
	CategoryRecordAndVerify:     "record-and-verify system",
	CategoryCTSimulation:        "CT-simulation contractor",
	CategoryEHR:                 "EHR",
	CategoryBilling:             "billing / clearinghouse",
	CategoryCloudHosting:        "cloud hosting",
	CategorySecureMessaging:     "secure messaging and video",
	CategoryEPrescribing:        "e-prescribing",
	CategoryITManagedServices:   "IT managed services",
	CategoryShredding:           "shredding and media disposal",
	CategoryOther:               "other",
}

var categoryValues = []Category{
	CategorySpecialtyPharmacy, CategoryInfusionStaffing, CategoryPriorAuthorization,
	CategoryLaboratory, CategoryMolecularTesting, CategoryFinancialAssistance,
	CategoryTrialSponsor, CategoryCRO, CategoryTreatmentPlanning, CategoryPACS,
	CategoryRecordAndVerify, CategoryCTSimulation, CategoryEHR, CategoryBilling,
	CategoryCloudHosting, CategorySecureMessaging, CategoryEPrescribing,
	CategoryITManagedServices, CategoryShredding, CategoryOther,
}

// CategoryValues returns every known Category.
func CategoryValues() []Category { return append([]Category(nil), categoryValues...) }

// Valid reports whether c is a known category.
func (c Category) Valid() bool { return enum.Valid(categoryValues, c) }

// Label is the category's name for people.
func (c Category) Label() string { return categoryLabels[c] }

// MarshalText implements [encoding.TextMarshaler]; an unknown category is an error.
func (c Category) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "category", categoryValues, c)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown category is an error.
func (c *Category) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "category", categoryValues, b, c)
}

// DataCategory is a kind of PHI the practice shares with a vendor.
type DataCategory string

// PHI data categories of an oncology practice.
const (
	DataDemographics     DataCategory = "demographics"
	DataDiagnosisStaging DataCategory = "diagnosis_staging"
	DataPathology        DataCategory = "pathology"
	DataMolecularGenomic DataCategory = "molecular_genomic"
	DataImaging          DataCategory = "imaging"
	DataTreatmentPlan    DataCategory = "treatment_plan_dose"
	DataMedication       DataCategory = "medication_prescription"
	DataFinancial        DataCategory = "financial_insurance"
	DataClinicalTrial    DataCategory = "clinical_trial"
)

var dataCategoryValues = []DataCategory{
	DataDemographics, DataDiagnosisStaging, DataPathology, DataMolecularGenomic,
	DataImaging, DataTreatmentPlan, DataMedication, DataFinancial, DataClinicalTrial,
}

// DataCategoryValues returns every known DataCategory.
func DataCategoryValues() []DataCategory { return append([]DataCategory(nil), dataCategoryValues...) }

// Valid reports whether d is a known data category.
func (d DataCategory) Valid() bool { return enum.Valid(dataCategoryValues, d) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (d DataCategory) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "data_shared", dataCategoryValues, d)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (d *DataCategory) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "data_shared", dataCategoryValues, b, d)
}

// Outcome is the result of a business-associate determination (45 CFR 160.103).
type Outcome string

// Determination outcomes.
const (
	// OutcomeBusinessAssociate: the vendor creates, receives, maintains or transmits PHI on
	// the practice's behalf (45 CFR 160.103 "business associate" (1)); a BAA is required
	// (45 CFR 164.502(e)).
	OutcomeBusinessAssociate Outcome = "business_associate"
	// OutcomeTreatingProvider: a health care provider receiving PHI for treatment is not a
	// business associate (45 CFR 164.502(e)(1)(ii)(A)).
	OutcomeTreatingProvider Outcome = "not_ba_treating_provider"
	// OutcomeConduit: a mere conduit that transports PHI without routine access to it
	// is not a business associate (78 FR 5571-5572).
	OutcomeConduit Outcome = "not_ba_conduit"
	// OutcomeNoPHI: the vendor neither receives nor has access to PHI.
	OutcomeNoPHI Outcome = "not_ba_no_phi"
	// OutcomeNeedsLegalReview: undecided until counsel reviews it (e.g. a clinical-trial
	// sponsor that receives data under an authorization rather than on the practice's behalf).
	OutcomeNeedsLegalReview Outcome = "needs_legal_review"
)

var outcomeValues = []Outcome{
	OutcomeBusinessAssociate, OutcomeTreatingProvider, OutcomeConduit, OutcomeNoPHI,
	OutcomeNeedsLegalReview,
}

// OutcomeValues returns every known Outcome.
func OutcomeValues() []Outcome { return append([]Outcome(nil), outcomeValues...) }

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool { return enum.Valid(outcomeValues, o) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (o Outcome) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "outcome", outcomeValues, o)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (o *Outcome) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "outcome", outcomeValues, b, o)
}

// Disposition is what happened to the PHI a business associate held when its BAA ended
// (45 CFR 164.504(e)(2)(ii)(J)).
type Disposition string

// PHI dispositions at termination.
const (
	DispositionReturned  Disposition = "returned"
	DispositionDestroyed Disposition = "destroyed"
	// DispositionInfeasible: return or destruction is infeasible, so the protections of the
	// agreement extend to the PHI kept (45 CFR 164.504(e)(2)(ii)(J)).
	DispositionInfeasible Disposition = "infeasible_protections_extended"
	// DispositionPending: not yet certified.
	DispositionPending Disposition = "pending"
)

var dispositionValues = []Disposition{
	DispositionReturned, DispositionDestroyed, DispositionInfeasible, DispositionPending,
}

// DispositionValues returns every known Disposition.
func DispositionValues() []Disposition { return append([]Disposition(nil), dispositionValues...) }

// Valid reports whether d is a known disposition.
func (d Disposition) Valid() bool { return enum.Valid(dispositionValues, d) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (d Disposition) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "disposition", dispositionValues, d)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (d *Disposition) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "disposition", dispositionValues, b, d)
}

// NotBusinessAssociate reports whether o determines the vendor is not a business
// associate (a treating provider, a mere conduit, or no PHI).
func (o Outcome) NotBusinessAssociate() bool {
	return o == OutcomeTreatingProvider || o == OutcomeConduit || o == OutcomeNoPHI
}
