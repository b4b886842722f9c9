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

// NoticeKind says who receives a [RegulatorNotice].
type NoticeKind string

// Kinds of notice besides the residents'.
const (
	// KindRegulator: a regulator, such as the Attorney General or a consumer protection
	// office. The empty kind means the same.
	KindRegulator NoticeKind = "regulator"
	// KindConsumerReporting: the nationwide consumer reporting agencies, usually above a
	// number of residents notified (e.g. KS 50-7a02(f): more than 1,000).
	KindConsumerReporting NoticeKind = "consumer_reporting_agencies"
)

var noticeKindValues = []NoticeKind{KindRegulator, KindConsumerReporting}

// NoticeKindValues returns every known NoticeKind.
func NoticeKindValues() []NoticeKind { return append([]NoticeKind(nil), noticeKindValues...) }

// Valid reports whether k is a known kind.
func (k NoticeKind) Valid() bool { return enum.Valid(noticeKindValues, k) }

// MarshalText implements [encoding.TextMarshaler]; an unknown kind is an error.
func (k NoticeKind) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "kind", noticeKindValues, k)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown kind is an error.
func (k *NoticeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "kind", noticeKindValues, b, k)
}

// Condition says when a [RegulatorNotice] is owed beyond its threshold of residents. The
// empty condition means always.
type Condition string

// Conditions of a notice.
const (
	// CondAlways: the notice is owed whenever its threshold is met.
	CondAlways Condition = "always"
	// CondDeemedCompliance: the notice is the condition on which a HIPAA-regulated entity
	// is deemed to comply with the law (Fla. Stat. 501.171(4)(g): a copy of the HIPAA
	// notice to the Department of Legal Affairs; M.G.L. c. 93H §5: the AG and OCABR;
	// 815 ILCS 530/50: the HHS notice to the AG). It is owed by a HIPAA-regulated entity
	// that relies on its HIPAA notice, and only then: AppliesToHIPAA must be true.
	CondDeemedCompliance Condition = "deemed_compliance"
	// CondDelayed: the notice is owed only when notice to residents is delayed by a
	// law-enforcement request (La. R.S. 51:3074(E): the reasons for the delay, in writing,
	// within the sixty-day period).
	CondDelayed Condition = "delayed"
	// CondNoHarm: the notice is owed only when the entity relies on a determination that
	// the breach needs no notice to residents, such as a documented finding that it will
	// not be misused (N.Y. GBL 899-aa(2)(a): to the AG within 10 days when more than 500
	// residents are affected; Alaska Stat. 45.48.010(c)).
	CondNoHarm Condition = "no_harm_determination"
)

var conditionValues = []Condition{CondAlways, CondDeemedCompliance, CondDelayed, CondNoHarm}

// ConditionValues returns every known Condition.
func ConditionValues() []Condition { return append([]Condition(nil), conditionValues...) }

// Valid reports whether c is a known condition.
func (c Condition) Valid() bool { return enum.Valid(conditionValues, c) }

// MarshalText implements [encoding.TextMarshaler]; an unknown condition is an error.
func (c Condition) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "condition", conditionValues, c)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown condition is an error.
func (c *Condition) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "condition", conditionValues, b, c)
}

// DelayHonour says which law-enforcement delays a State law honours.
type DelayHonour string

// What a State honours of a law-enforcement request to delay notice. The empty value
// means [HonoursWrittenOrOral], the federal rule (45 CFR 164.412).
const (
	// HonoursWrittenOrOral: a written or an oral request delays the State's notices, like
	// the federal rule (45 CFR 164.412(a), (b)).
	HonoursWrittenOrOral DelayHonour = "written_or_oral"
	// HonoursWrittenOnly: only a written request delays them (Ala. Code 8-38-5(c); Wyo.
	// Stat. 40-12-502(b): the agency "determines in writing"). An oral federal delay does
	// not move the State's deadlines.
	HonoursWrittenOnly DelayHonour = "written_only"
	// HonoursOnCondition: the State sets a condition the package cannot see (M.G.L. c. 93H
	// §4: the agency notifies the AG in writing). No delay moves its deadlines, the
	// conservative reading; counsel checks the condition.
	HonoursOnCondition DelayHonour = "on_condition"
	// HonoursNone: the law provides no law-enforcement delay, or none was found.
	HonoursNone DelayHonour = "none"
)

var delayHonourValues = []DelayHonour{HonoursWrittenOrOral, HonoursWrittenOnly, HonoursOnCondition, HonoursNone}

// DelayHonourValues returns every known DelayHonour.
func DelayHonourValues() []DelayHonour { return append([]DelayHonour(nil), delayHonourValues...) }

// Valid reports whether h is a known value.
func (h DelayHonour) Valid() bool { return enum.Valid(delayHonourValues, h) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (h DelayHonour) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "honours", delayHonourValues, h)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (h *DelayHonour) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "honours", delayHonourValues, b, h)
}

// SafeHarborKind is how a State law treats encrypted data.
type SafeHarborKind string

// Encryption safe harbors. The empty kind means [HarborUnknown].
const (
	// HarborUnknown: not established. Encrypted data is treated as counting; counsel
	// decides.
	HarborUnknown SafeHarborKind = "unknown"
	// HarborNone: the law counts encrypted data too.
	HarborNone SafeHarborKind = "none"
	// HarborEncrypted: encrypted data does not count.
	HarborEncrypted SafeHarborKind = "encrypted"
	// HarborEncryptedKeySafe: encrypted data does not count unless the key was also
	// acquired or compromised (Tex. Bus. & Com. Code 521.053(a): not safe "if the person
	// accessing the data has the key").
	HarborEncryptedKeySafe SafeHarborKind = "encrypted_key_safe"
)

var safeHarborValues = []SafeHarborKind{HarborUnknown, HarborNone, HarborEncrypted, HarborEncryptedKeySafe}

// SafeHarborKindValues returns every known SafeHarborKind.
func SafeHarborKindValues() []SafeHarborKind {
	return append([]SafeHarborKind(nil), safeHarborValues...)
}

// Valid reports whether k is a known kind.
func (k SafeHarborKind) Valid() bool { return enum.Valid(safeHarborValues, k) }

// MarshalText implements [encoding.TextMarshaler]; an unknown kind is an error.
func (k SafeHarborKind) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "safe_harbor", safeHarborValues, k)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown kind is an error.
func (k *SafeHarborKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "safe_harbor", safeHarborValues, b, k)
}

// Reach says whether a law with a narrower [Rule.Scope] reaches a medical practice.
type Reach string

// Reaches. The empty value means the law reaches any business holding residents' data.
const (
	// ReachAny: the law reaches any business holding residents' data, a practice included.
	ReachAny Reach = "any"
	// ReachDepends: whether it reaches a practice depends on the practice's licence or
	// status (Cal. Health & Safety Code 1280.15: licensed clinics, health facilities, home
	// health agencies and hospices); counsel decides.
	ReachDepends Reach = "depends"
	// ReachNotPractice: the law does not reach a medical practice (O.C.G.A. 10-1-912:
	// information brokers and government data collectors only).
	ReachNotPractice Reach = "not_practice"
)

var reachValues = []Reach{ReachAny, ReachDepends, ReachNotPractice}

// ReachValues returns every known Reach.
func ReachValues() []Reach { return append([]Reach(nil), reachValues...) }

// Valid reports whether r is a known reach.
func (r Reach) Valid() bool { return enum.Valid(reachValues, r) }

// MarshalText implements [encoding.TextMarshaler]; an unknown reach is an error.
func (r Reach) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "reach", reachValues, r) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown reach is an error.
func (r *Reach) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "reach", reachValues, b, r)
}
