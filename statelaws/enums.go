package statelaws

import "github.com/hipaaops/hipaaops/internal/enum"

// pkg names this package in validation errors.
const pkg = "statelaws"

// Mark says how well a value was checked (state-laws.md legend).
type Mark string

// Verification marks.
const (
	// MarkStatute: the statute text was read.
	MarkStatute Mark = "P"
	// MarkSecondary: two or more secondary sources agree.
	MarkSecondary Mark = "S"
	// MarkUnverified: unverified, or the sources disagree; reports show the value as
	// unverified.
	MarkUnverified Mark = "U"
)

var markValues = []Mark{MarkStatute, MarkSecondary, MarkUnverified}

// MarkValues returns every known Mark.
func MarkValues() []Mark { return append([]Mark(nil), markValues...) }

// Valid reports whether m is a known mark.
func (m Mark) Valid() bool { return enum.Valid(markValues, m) }

// MarshalText implements [encoding.TextMarshaler]; an unknown mark is an error.
func (m Mark) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "mark", markValues, m) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown mark is an error.
func (m *Mark) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "mark", markValues, b, m)
}

// Trigger is the event that starts a state's notification clock.
type Trigger string

// Triggers.
const (
	// TriggerDiscovery: discovery of the breach, or notification of it by a vendor
	// (e.g. NY GBL 899-aa, WA RCW 19.255.010).
	TriggerDiscovery Trigger = "discovery"
	// TriggerDetermination: the determination that a breach occurred, or reason to believe
	// it did (e.g. CO C.R.S. 6-1-716, FL Fla. Stat. 501.171, TX Bus. & Com. Code 521.053).
	TriggerDetermination Trigger = "determination"
	// TriggerAwareness: becoming aware of the breach and identifying its scope
	// (ME 10 M.R.S. 1348), or confirming it and gathering the information (RI 11-49.3-4).
	TriggerAwareness Trigger = "awareness"
	// TriggerDetection: detection of the unauthorized access, use or disclosure
	// (CA Health & Safety Code 1280.15, PR 10 LPRA 4052).
	TriggerDetection Trigger = "detection"
)

var triggerValues = []Trigger{TriggerDiscovery, TriggerDetermination, TriggerAwareness, TriggerDetection}

// TriggerValues returns every known Trigger.
func TriggerValues() []Trigger { return append([]Trigger(nil), triggerValues...) }

// Valid reports whether t is a known trigger.
func (t Trigger) Valid() bool { return enum.Valid(triggerValues, t) }

// MarshalText implements [encoding.TextMarshaler]; an unknown trigger is an error.
func (t Trigger) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "trigger", triggerValues, t)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown trigger is an error.
func (t *Trigger) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "trigger", triggerValues, b, t)
}

// DayKind says how the days of a [Period] are counted.
type DayKind string

// Day kinds. (The name Calendar alone is the holiday [Calendar] interface.)
const (
	// CalendarDays: every day counts. state-laws.md: "Days" are calendar days unless
	// "business days".
	CalendarDays DayKind = "calendar"
	// BusinessDays: weekdays that are not holidays of the [Calendar] in use
	// (CA Health & Safety Code 1280.15, VT 9 V.S.A. 2435, NY GBL 899-aa(9), IL 815 ILCS 530/50).
	BusinessDays DayKind = "business"
)

var dayKindValues = []DayKind{CalendarDays, BusinessDays}

// DayKindValues returns every known DayKind.
func DayKindValues() []DayKind { return append([]DayKind(nil), dayKindValues...) }

// Valid reports whether k is a known day kind.
func (k DayKind) Valid() bool { return enum.Valid(dayKindValues, k) }

// MarshalText implements [encoding.TextMarshaler]; an unknown day kind is an error.
func (k DayKind) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "kind", dayKindValues, k)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown day kind is an error.
func (k *DayKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "kind", dayKindValues, b, k)
}

// HIPAATreatment is how a state law treats an entity regulated by HIPAA, such as a
// medical practice.
type HIPAATreatment string

// HIPAA treatments.
const (
	// HIPAAApplies: the state law applies in full to HIPAA-regulated entities.
	HIPAAApplies HIPAATreatment = "applies"
	// HIPAADeemedCompliant: an entity that notifies under HIPAA/HITECH (or its federal
	// regulator's rules) is deemed to comply; only the regulator notices marked
	// AppliesToHIPAA remain.
	HIPAADeemedCompliant HIPAATreatment = "deemed_compliant"
	// HIPAAExempt: the law does not apply to HIPAA-regulated entities.
	HIPAAExempt HIPAATreatment = "exempt"
	// HIPAAPartial: some provisions apply to HIPAA-regulated entities and others do not;
	// the rule's Note says which.
	HIPAAPartial HIPAATreatment = "partial"
	// HIPAAExemptExceptRegulator: exempt, except for the regulator notices marked
	// AppliesToHIPAA.
	HIPAAExemptExceptRegulator HIPAATreatment = "exempt_except_regulator"
	// HIPAAUnknown: not established; treat the law as applying. Always marked U.
	HIPAAUnknown HIPAATreatment = "unknown"
)

var hipaaValues = []HIPAATreatment{
	HIPAAApplies, HIPAADeemedCompliant, HIPAAExempt, HIPAAPartial,
	HIPAAExemptExceptRegulator, HIPAAUnknown,
}

// HIPAATreatmentValues returns every known HIPAATreatment.
func HIPAATreatmentValues() []HIPAATreatment { return append([]HIPAATreatment(nil), hipaaValues...) }

// Valid reports whether h is a known treatment.
func (h HIPAATreatment) Valid() bool { return enum.Valid(hipaaValues, h) }

// MarshalText implements [encoding.TextMarshaler]; an unknown treatment is an error.
func (h HIPAATreatment) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "hipaa", hipaaValues, h)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown treatment is an error.
func (h *HIPAATreatment) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "hipaa", hipaaValues, b, h)
}

// Relative says what a regulator notice's deadline counts from.
type Relative string

// Deadline anchors of a [RegulatorNotice].
const (
	// RelTrigger: Deadline after the rule's trigger event (e.g. CO AG: 30 days after the
	// determination). With an unfixed Deadline: no fixed time is stated.
	RelTrigger Relative = "trigger"
	// RelIndividualNotice: Deadline after the residents are notified (e.g. CA 1798.82(f):
	// within 15 days of notifying consumers; LA: within 10 days).
	RelIndividualNotice Relative = "individual_notice"
	// RelWithIndividuals: no later than when, or whenever, residents are notified
	// (e.g. CT 36a-701b, DE 12B-102, IN 24-4.9).
	RelWithIndividuals Relative = "with_individuals"
	// RelBeforeIndividuals: before the residents are notified (MD Com. Law 14-3504).
	RelBeforeIndividuals Relative = "before_individuals"
	// RelHHSNotice: Deadline after the entity notifies HHS under 45 CFR 164.408
	// (NY GBL 899-aa(9), IL 815 ILCS 530/50: 5 business days).
	RelHHSNotice Relative = "hhs_notice"
)

var relativeValues = []Relative{
	RelTrigger, RelIndividualNotice, RelWithIndividuals, RelBeforeIndividuals, RelHHSNotice,
}

// RelativeValues returns every known Relative.
func RelativeValues() []Relative { return append([]Relative(nil), relativeValues...) }

// Valid reports whether r is a known anchor.
func (r Relative) Valid() bool { return enum.Valid(relativeValues, r) }

// MarshalText implements [encoding.TextMarshaler]; an unknown anchor is an error.
func (r Relative) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "relative", relativeValues, r)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown anchor is an error.
func (r *Relative) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "relative", relativeValues, b, r)
}

// DataElement is a kind of personal information whose breach can trigger a state law.
type DataElement string

// Data elements. State laws count most of them only with the person's name.
const (
	// ElementMedical: medical history, condition, diagnosis or treatment.
	ElementMedical DataElement = "medical"
	// ElementHealthInsurance: health insurance policy or subscriber number.
	ElementHealthInsurance DataElement = "health_insurance"
	// ElementSSN: Social Security number.
	ElementSSN DataElement = "ssn"
	// ElementDriversLicense: driver's license or state identification card number.
	ElementDriversLicense DataElement = "drivers_license"
	// ElementFinancialAccount: financial account, credit or debit card number (most
	// states: with the code or password that permits access).
	ElementFinancialAccount DataElement = "financial_account"
	// ElementBiometric: unique biometric data.
	ElementBiometric DataElement = "biometric"
	// ElementCredentials: user name or e-mail address with the password or security
	// answer that permits access to an online account.
	ElementCredentials DataElement = "credentials"
)

var elementValues = []DataElement{
	ElementMedical, ElementHealthInsurance, ElementSSN, ElementDriversLicense,
	ElementFinancialAccount, ElementBiometric, ElementCredentials,
}

// DataElementValues returns every known DataElement.
func DataElementValues() []DataElement { return append([]DataElement(nil), elementValues...) }

// Valid reports whether e is a known data element.
func (e DataElement) Valid() bool { return enum.Valid(elementValues, e) }

// MarshalText implements [encoding.TextMarshaler]; an unknown element is an error.
func (e DataElement) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "elements", elementValues, e)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown element is an error.
func (e *DataElement) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "elements", elementValues, b, e)
}
