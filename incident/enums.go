package incident

import "github.com/hipaaops/hipaaops/internal/enum"

// Discoverer is who first knew of the incident. The breach is discovered when it is known to
// anyone, other than the person committing it, who is a workforce member or agent of the
// entity (45 CFR 164.404(a)(2)); a business associate discovers it for itself (164.410(a)(2)).
type Discoverer string

// Discoverers.
const (
	// DiscovererWorkforce: a member of the practice's workforce (45 CFR 164.404(a)(2)).
	DiscovererWorkforce Discoverer = "workforce"
	// DiscovererAgent: an agent of the practice under the federal common law of agency (45 CFR 164.404(a)(2)).
	DiscovererAgent Discoverer = "agent"
	// DiscovererBusinessAssociate: a business associate, which must notify the practice (45 CFR 164.410).
	DiscovererBusinessAssociate Discoverer = "business_associate"
)

var discovererValues = []Discoverer{DiscovererWorkforce, DiscovererAgent, DiscovererBusinessAssociate}

// DiscovererValues returns every known Discoverer.
func DiscovererValues() []Discoverer { return append([]Discoverer(nil), discovererValues...) }

// Valid reports whether d is a known Discoverer.
func (d Discoverer) Valid() bool { return enum.Valid(discovererValues, d) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (d Discoverer) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "discovered_by", discovererValues, d)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (d *Discoverer) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "discovered_by", discovererValues, b, d)
}

// Recipient is who received or used the PHI without permission: the second factor of the
// risk assessment (45 CFR 164.402(2)(ii)).
type Recipient string

// Recipients.
const (
	// RecipientWorkforce: a member of the practice's own workforce.
	RecipientWorkforce Recipient = "workforce"
	// RecipientCoveredEntity: another covered entity, itself bound by HIPAA.
	RecipientCoveredEntity Recipient = "covered_entity"
	// RecipientBusinessAssociate: a business associate bound by a BAA.
	RecipientBusinessAssociate Recipient = "business_associate"
	// RecipientUnknown: not known (e.g. a lost device).
	RecipientUnknown Recipient = "unknown"
	// RecipientMalicious: a person acting with ill intent (e.g. a thief or an attacker).
	RecipientMalicious Recipient = "malicious"
)

var recipientValues = []Recipient{RecipientWorkforce, RecipientCoveredEntity, RecipientBusinessAssociate, RecipientUnknown, RecipientMalicious}

// RecipientValues returns every known Recipient.
func RecipientValues() []Recipient { return append([]Recipient(nil), recipientValues...) }

// Valid reports whether r is a known Recipient.
func (r Recipient) Valid() bool { return enum.Valid(recipientValues, r) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (r Recipient) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "recipient", recipientValues, r)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (r *Recipient) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "recipient", recipientValues, b, r)
}

// IdentifierType is a kind of identifier involved: part of the nature and extent of the PHI
// (45 CFR 164.402(2)(i)).
type IdentifierType string

// Identifier types.
const (
	IdentifierName                IdentifierType = "name"
	IdentifierAddress             IdentifierType = "address"
	IdentifierBirthDate           IdentifierType = "birth_date"
	IdentifierSSN                 IdentifierType = "ssn"
	IdentifierMedicalRecordNumber IdentifierType = "medical_record_number"
	IdentifierHealthPlanID        IdentifierType = "health_plan_id"
	IdentifierAccountNumber       IdentifierType = "account_number"
	IdentifierEmail               IdentifierType = "email"
	IdentifierPhone               IdentifierType = "phone"
	IdentifierPhoto               IdentifierType = "photo"
	IdentifierBiometric           IdentifierType = "biometric"
	IdentifierDeviceID            IdentifierType = "device_id"
	IdentifierOther               IdentifierType = "other"
)

var identifierTypeValues = []IdentifierType{IdentifierName, IdentifierAddress, IdentifierBirthDate, IdentifierSSN, IdentifierMedicalRecordNumber, IdentifierHealthPlanID, IdentifierAccountNumber, IdentifierEmail, IdentifierPhone, IdentifierPhoto, IdentifierBiometric, IdentifierDeviceID, IdentifierOther}

// IdentifierTypeValues returns every known IdentifierType.
func IdentifierTypeValues() []IdentifierType {
	return append([]IdentifierType(nil), identifierTypeValues...)
}

// Valid reports whether t is a known IdentifierType.
func (t IdentifierType) Valid() bool { return enum.Valid(identifierTypeValues, t) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (t IdentifierType) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "identifiers", identifierTypeValues, t)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (t *IdentifierType) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "identifiers", identifierTypeValues, b, t)
}

// Acquisition says whether the PHI was actually acquired or viewed: the third factor of the
// risk assessment (45 CFR 164.402(2)(iii)).
type Acquisition string

// Acquisition findings.
const (
	AcquiredYes     Acquisition = "yes"
	AcquiredNo      Acquisition = "no"
	AcquiredUnknown Acquisition = "unknown"
)

var acquisitionValues = []Acquisition{AcquiredYes, AcquiredNo, AcquiredUnknown}

// AcquisitionValues returns every known Acquisition.
func AcquisitionValues() []Acquisition { return append([]Acquisition(nil), acquisitionValues...) }

// Valid reports whether a is a known Acquisition.
func (a Acquisition) Valid() bool { return enum.Valid(acquisitionValues, a) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (a Acquisition) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "acquired", acquisitionValues, a)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (a *Acquisition) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "acquired", acquisitionValues, b, a)
}

// BreachType is the type of breach as the HHS breach portal lists it.
type BreachType string

// Types of breach (HHS breach portal).
const (
	BreachHackingIT          BreachType = "hacking_it"
	BreachImproperDisposal   BreachType = "improper_disposal"
	BreachLoss               BreachType = "loss"
	BreachTheft              BreachType = "theft"
	BreachUnauthorizedAccess BreachType = "unauthorized_access"
	BreachOther              BreachType = "other"
)

var breachTypeValues = []BreachType{BreachHackingIT, BreachImproperDisposal, BreachLoss, BreachTheft, BreachUnauthorizedAccess, BreachOther}

// BreachTypeValues returns every known BreachType.
func BreachTypeValues() []BreachType { return append([]BreachType(nil), breachTypeValues...) }

// Valid reports whether b is a known BreachType.
func (b BreachType) Valid() bool { return enum.Valid(breachTypeValues, b) }

var breachTypeLabels = map[BreachType]string{
	BreachHackingIT:          "Hacking/IT Incident",
	BreachImproperDisposal:   "Improper Disposal",
	BreachLoss:               "Loss",
	BreachTheft:              "Theft",
	BreachUnauthorizedAccess: "Unauthorized Access/Disclosure",
	BreachOther:              "Other",
}

// Label is the name the HHS breach portal uses for b.
func (b BreachType) Label() string { return breachTypeLabels[b] }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (b BreachType) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "breach_type", breachTypeValues, b)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (b *BreachType) UnmarshalText(text []byte) error {
	return enum.Unmarshal(pkg, "breach_type", breachTypeValues, text, b)
}

// Location is where the breached information was, as the HHS breach portal lists it.
type Location string

// Locations (HHS breach portal).
const (
	LocationDesktop        Location = "desktop"
	LocationEMR            Location = "emr"
	LocationEmail          Location = "email"
	LocationLaptop         Location = "laptop"
	LocationNetworkServer  Location = "network_server"
	LocationPortableDevice Location = "portable_device"
	LocationPaperFilms     Location = "paper_films"
	LocationOther          Location = "other"
)

var locationValues = []Location{LocationDesktop, LocationEMR, LocationEmail, LocationLaptop, LocationNetworkServer, LocationPortableDevice, LocationPaperFilms, LocationOther}

// LocationValues returns every known Location.
func LocationValues() []Location { return append([]Location(nil), locationValues...) }

// Valid reports whether l is a known Location.
func (l Location) Valid() bool { return enum.Valid(locationValues, l) }

var locationLabels = map[Location]string{
	LocationDesktop:        "Desktop Computer",
	LocationEMR:            "Electronic Medical Record",
	LocationEmail:          "E-mail",
	LocationLaptop:         "Laptop",
	LocationNetworkServer:  "Network Server",
	LocationPortableDevice: "Other Portable Electronic Device",
	LocationPaperFilms:     "Paper/Films",
	LocationOther:          "Other",
}

// Label is the name the HHS breach portal uses for l.
func (l Location) Label() string { return locationLabels[l] }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (l Location) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "location", locationValues, l)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (l *Location) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "location", locationValues, b, l)
}

// Outcome is the entity's determination of whether an incident is a breach of unsecured PHI
// (45 CFR 164.402). Only OutcomeBreach leads to federal notices.
type Outcome string

// Outcomes, in the order of the questions of 45 CFR 164.402.
const (
	// OutcomeNotPHI: no acquisition, access, use or disclosure of PHI in a manner not permitted by
	// the Privacy Rule (45 CFR 164.402, definition of breach).
	OutcomeNotPHI Outcome = "not_phi"
	// OutcomeSecured: the PHI was secured: encrypted with an uncompromised key, or destroyed, per the HHS
	// guidance (74 FR 42740); only unsecured PHI must be notified (45 CFR 164.404(a)(1)).
	OutcomeSecured Outcome = "secured"
	// OutcomeException: one of the three exceptions of paragraph (1) of the definition applies
	// (45 CFR 164.402(1)(i)-(iii)).
	OutcomeException Outcome = "exception"
	// OutcomeLowProbability: a documented assessment of at least four factors shows a low
	// probability that the PHI has been compromised (45 CFR 164.402(2)). Only a person concludes it;
	// [Suggest] never does.
	OutcomeLowProbability Outcome = "low_probability"
	// OutcomeBreach: a breach of unsecured PHI; presumed unless another outcome is shown
	// (45 CFR 164.402(2)).
	OutcomeBreach Outcome = "breach"
)

var outcomeValues = []Outcome{OutcomeNotPHI, OutcomeSecured, OutcomeException, OutcomeLowProbability, OutcomeBreach}

// OutcomeValues returns every known Outcome.
func OutcomeValues() []Outcome { return append([]Outcome(nil), outcomeValues...) }

// Valid reports whether o is a known Outcome.
func (o Outcome) Valid() bool { return enum.Valid(outcomeValues, o) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (o Outcome) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "determination.outcome", outcomeValues, o)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (o *Outcome) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "determination.outcome", outcomeValues, b, o)
}

// Exception is one of the three exceptions in paragraph (1) of the definition of breach
// (45 CFR 164.402(1)).
type Exception string

// Exceptions.
const (
	// ExceptionUnintentionalWorkforce: unintentional acquisition, access or use by a workforce
	// member or person acting under the entity's authority, in good faith and within the scope of
	// authority, with no further impermissible use or disclosure (45 CFR 164.402(1)(i)).
	ExceptionUnintentionalWorkforce Exception = "unintentional_workforce"
	// ExceptionInadvertentAuthorized: inadvertent disclosure by a person authorized to access PHI
	// at the entity, its business associate or organized health care arrangement to another such
	// authorized person, with no further impermissible use or disclosure (45 CFR 164.402(1)(ii)).
	ExceptionInadvertentAuthorized Exception = "inadvertent_authorized"
	// ExceptionCouldNotRetain: a good-faith belief that the unauthorized recipient could not
	// reasonably have retained the information (45 CFR 164.402(1)(iii)).
	ExceptionCouldNotRetain Exception = "could_not_retain"
)

var exceptionValues = []Exception{ExceptionUnintentionalWorkforce, ExceptionInadvertentAuthorized, ExceptionCouldNotRetain}

// ExceptionValues returns every known Exception.
func ExceptionValues() []Exception { return append([]Exception(nil), exceptionValues...) }

// Valid reports whether e is a known Exception.
func (e Exception) Valid() bool { return enum.Valid(exceptionValues, e) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (e Exception) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "determination.exception", exceptionValues, e)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (e *Exception) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "determination.exception", exceptionValues, b, e)
}

// DelayKind is how a law-enforcement official asked for a delay (45 CFR 164.412).
type DelayKind string

// Kinds of law-enforcement delay.
const (
	// DelayWritten: a written statement specifying the time for which a delay is required:
	// delay for that time (45 CFR 164.412(a)).
	DelayWritten DelayKind = "written"
	// DelayOral: an oral statement: document it, including the official's identity, and delay no
	// longer than 30 days from it unless a written statement is submitted during that time
	// (45 CFR 164.412(b)).
	DelayOral DelayKind = "oral"
)

var delayKindValues = []DelayKind{DelayWritten, DelayOral}

// DelayKindValues returns every known DelayKind.
func DelayKindValues() []DelayKind { return append([]DelayKind(nil), delayKindValues...) }

// Valid reports whether k is a known DelayKind.
func (k DelayKind) Valid() bool { return enum.Valid(delayKindValues, k) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (k DelayKind) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "kind", delayKindValues, k)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (k *DelayKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "kind", delayKindValues, b, k)
}

// DelayPolicy is how a law-enforcement delay moves a deadline that counts days from an event.
// 45 CFR 164.412 says how long to delay but not how the rest of the time runs afterwards, so
// the interpretation is an option; under either, no deadline falls before the delay ends.
// The zero value means DelayToll.
type DelayPolicy string

// Delay policies.
const (
	// DelayToll: the clock stops for the days of the delay: a deadline counted from discovery moves
	// later by the number of delayed days that fall between discovery and that deadline. The
	// default: it keeps the time the rule allows for preparing the notice.
	DelayToll DelayPolicy = "toll"
	// DelayExtend: the deadline is the later of the original deadline and the end of the
	// delay: the time spent delayed counts against the period.
	DelayExtend DelayPolicy = "extend"
)

var delayPolicyValues = []DelayPolicy{DelayToll, DelayExtend}

// DelayPolicyValues returns every known DelayPolicy.
func DelayPolicyValues() []DelayPolicy { return append([]DelayPolicy(nil), delayPolicyValues...) }

// Valid reports whether p is a known DelayPolicy.
func (p DelayPolicy) Valid() bool { return enum.Valid(delayPolicyValues, p) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (p DelayPolicy) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "delay_policy", delayPolicyValues, p)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (p *DelayPolicy) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "delay_policy", delayPolicyValues, b, p)
}

// Party is who an obligation's notice goes to, or which kind of notice it is.
type Party string

// Parties.
const (
	// PartyIndividuals: each affected individual (45 CFR 164.404).
	PartyIndividuals Party = "individuals"
	// PartySubstituteNotice: substitute notice for individuals whose contact information is
	// insufficient or out of date (45 CFR 164.404(d)(2)).
	PartySubstituteNotice Party = "substitute_notice"
	// PartyTelephone: urgent notice by telephone or other means when misuse may be imminent
	// (45 CFR 164.404(d)(3)).
	PartyTelephone Party = "telephone"
	// PartyMedia: prominent media outlets serving a State (45 CFR 164.406).
	PartyMedia Party = "media"
	// PartyHHS: the Secretary of HHS, through the breach portal (45 CFR 164.408).
	PartyHHS Party = "hhs"
	// PartyBusinessAssociate: the business associate's notice to the covered entity
	// (45 CFR 164.410).
	PartyBusinessAssociate Party = "business_associate"
	// PartyStateIndividuals: residents of a State under its own breach law.
	PartyStateIndividuals Party = "state_individuals"
	// PartyConsumerReporting: the nationwide consumer reporting agencies, under a State
	// law.
	PartyConsumerReporting Party = "consumer_reporting_agencies"
	// PartyStateRegulator: a State regulator (attorney general, agency) under its own breach law.
	PartyStateRegulator Party = "state_regulator"
)

var partyValues = []Party{PartyIndividuals, PartySubstituteNotice, PartyTelephone, PartyMedia, PartyHHS, PartyBusinessAssociate, PartyStateIndividuals, PartyStateRegulator, PartyConsumerReporting}

// PartyValues returns every known Party.
func PartyValues() []Party { return append([]Party(nil), partyValues...) }

// Valid reports whether p is a known Party.
func (p Party) Valid() bool { return enum.Valid(partyValues, p) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (p Party) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "party", partyValues, p)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (p *Party) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "party", partyValues, b, p)
}

// Status is where an obligation stands.
type Status string

// Statuses.
const (
	// StatusPending: required and not yet recorded as sent.
	StatusPending Status = "pending"
	// StatusSent: a [Notice] with the obligation's key was recorded.
	StatusSent Status = "sent"
	// StatusNotRequired: not required; [Obligation].NotRequired says why.
	StatusNotRequired Status = "not_required"
	// StatusRecommended: an urgent action the rule permits beside a required notice, with
	// no deadline of its own (45 CFR 164.404(d)(3): telephone notice "may" be given "in
	// addition to" the written notice). It does not keep a file open.
	StatusRecommended Status = "recommended"
)

var statusValues = []Status{StatusPending, StatusSent, StatusNotRequired, StatusRecommended}

// StatusValues returns every known Status.
func StatusValues() []Status { return append([]Status(nil), statusValues...) }

// Valid reports whether s is a known Status.
func (s Status) Valid() bool { return enum.Valid(statusValues, s) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "status", statusValues, s)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "status", statusValues, b, s)
}

// NotRequiredReason says, as a code, why an obligation is not required; the obligation's
// NotRequired gives the same for people, with its facts and section.
type NotRequiredReason string

// Reasons an obligation is not required.
const (
	// NotRequiredNotPHI: the determination found no impermissible acquisition, access,
	// use or disclosure of PHI (45 CFR 164.402).
	NotRequiredNotPHI NotRequiredReason = "not_phi"
	// NotRequiredSecured: the PHI was secured, encrypted with a key not compromised or
	// destroyed (74 FR 42740; 45 CFR 164.402).
	NotRequiredSecured NotRequiredReason = "secured"
	// NotRequiredException: an exception of paragraph (1) of the definition of breach
	// applies (45 CFR 164.402(1)).
	NotRequiredException NotRequiredReason = "exception"
	// NotRequiredLowProbability: a documented risk assessment concluded a low probability
	// that the PHI has been compromised (45 CFR 164.402(2)).
	NotRequiredLowProbability NotRequiredReason = "low_probability"
	// NotRequiredElements: the data elements involved are not ones the State law counts.
	NotRequiredElements NotRequiredReason = "elements_not_covered"
	// NotRequiredHIPAAExempt: the State law, or this notice under it, does not apply to
	// HIPAA-regulated entities.
	NotRequiredHIPAAExempt NotRequiredReason = "hipaa_exempt"
	// NotRequiredDeemedCompliant: a HIPAA-regulated entity notifying under 45 CFR 164.404
	// is deemed to comply with the State law.
	NotRequiredDeemedCompliant NotRequiredReason = "hipaa_deemed_compliant"
	// NotRequiredBelowThreshold: fewer residents are affected than the notice requires.
	NotRequiredBelowThreshold NotRequiredReason = "below_threshold"
	// NotRequiredNoHHSNotice: the notice follows the HHS notice, and none is due under
	// 45 CFR 164.408.
	NotRequiredNoHHSNotice NotRequiredReason = "no_hhs_notice"
	// NotRequiredOutOfScope: the State law does not reach a medical practice
	// (O.C.G.A. 10-1-912: information brokers and government data collectors).
	NotRequiredOutOfScope NotRequiredReason = "out_of_scope"
	// NotRequiredSafeHarbor: the State law's encryption safe harbor covers the data.
	NotRequiredSafeHarbor NotRequiredReason = "state_safe_harbor"
	// NotRequiredConditionNotMet: the notice is owed only on a condition the incident
	// does not meet (a law-enforcement delay, a no-harm determination, reliance on
	// deemed compliance).
	NotRequiredConditionNotMet NotRequiredReason = "condition_not_met"
	// NotRequiredNoStatute: no breach-notification statute applies in the jurisdiction.
	NotRequiredNoStatute NotRequiredReason = "no_statute"
	// NotRequiredCounsel: counsel recorded a decision that the notice is not required
	// ([Decision]).
	NotRequiredCounsel NotRequiredReason = "counsel_decision"
)

var notRequiredReasonValues = []NotRequiredReason{NotRequiredNotPHI, NotRequiredSecured, NotRequiredException,
	NotRequiredLowProbability, NotRequiredElements, NotRequiredHIPAAExempt, NotRequiredDeemedCompliant,
	NotRequiredBelowThreshold, NotRequiredNoHHSNotice, NotRequiredOutOfScope, NotRequiredSafeHarbor,
	NotRequiredConditionNotMet, NotRequiredNoStatute, NotRequiredCounsel}

// NotRequiredReasonValues returns every known NotRequiredReason.
func NotRequiredReasonValues() []NotRequiredReason {
	return append([]NotRequiredReason(nil), notRequiredReasonValues...)
}

// Valid reports whether r is a known NotRequiredReason.
func (r NotRequiredReason) Valid() bool { return enum.Valid(notRequiredReasonValues, r) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (r NotRequiredReason) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "not_required_code", notRequiredReasonValues, r)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (r *NotRequiredReason) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "not_required_code", notRequiredReasonValues, b, r)
}

// Flag marks what a person must know about an obligation before relying on it.
type Flag string

// Flags of an obligation.
const (
	// FlagUnverified: the rule, or the part of it the obligation rests on, is marked
	// unverified: show it as such and have it checked.
	FlagUnverified Flag = "unverified"
	// FlagCounselReview: counsel must decide; the obligation's Review says what. An
	// exemption, safe harbor or scope resting on an unverified part leaves the obligation
	// pending with this flag instead of clearing it.
	FlagCounselReview Flag = "counsel_review"
	// FlagCountUnknown: the number of individuals (or of a State's residents) is not yet
	// known, so the thresholds are treated as met (45 CFR 164.406, 164.408(b)).
	FlagCountUnknown Flag = "count_not_known"
	// FlagOwedAgain: a notice was sent, but it no longer meets the obligation: the count
	// grew past the individuals it reached (45 CFR 164.404(a)(1)), or the number without
	// contact information reached 10 (164.404(d)(2)(ii)).
	FlagOwedAgain Flag = "owed_again"
	// FlagUrgent: possible imminent misuse makes the action urgent (45 CFR 164.404(d)(3)).
	FlagUrgent Flag = "urgent"
	// FlagNoDetermination: the law counts from the determination that a breach occurred,
	// and none is recorded: the deadline counts from discovery, the earliest day.
	FlagNoDetermination Flag = "no_determination"
	// FlagDelayNotHonoured: a law-enforcement delay is recorded that this State does not
	// honour (e.g. an oral one where only a written request counts), so its deadline did
	// not move.
	FlagDelayNotHonoured Flag = "delay_not_honoured"
	// FlagEffectiveAfterDiscovery: the rule as modeled took effect after discovery; an
	// earlier version may govern.
	FlagEffectiveAfterDiscovery Flag = "effective_after_discovery"
	// FlagNoStatute: no breach-notification statute was found for the jurisdiction.
	FlagNoStatute Flag = "no_statute"
	// FlagNotResearched: the rule set has no rule for the jurisdiction.
	FlagNotResearched Flag = "not_researched"
	// FlagBAReportNotRecorded: the business associate is not the practice's agent and the
	// day it reported is not recorded: the practice's deadlines count from the business
	// associate's discovery, the earliest day.
	FlagBAReportNotRecorded Flag = "ba_report_not_recorded"
)

var flagValues = []Flag{FlagUnverified, FlagCounselReview, FlagCountUnknown, FlagOwedAgain, FlagUrgent,
	FlagNoDetermination, FlagDelayNotHonoured, FlagEffectiveAfterDiscovery, FlagNoStatute, FlagNotResearched,
	FlagBAReportNotRecorded}

// FlagValues returns every known Flag.
func FlagValues() []Flag { return append([]Flag(nil), flagValues...) }

// Valid reports whether f is a known Flag.
func (f Flag) Valid() bool { return enum.Valid(flagValues, f) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (f Flag) MarshalText() ([]byte, error) { return enum.Marshal(pkg, "flags", flagValues, f) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (f *Flag) UnmarshalText(b []byte) error { return enum.Unmarshal(pkg, "flags", flagValues, b, f) }

// AnchorEvent is the event an obligation's deadline counts from.
type AnchorEvent string

// Events a deadline counts from.
const (
	// AnchorDiscovery: the practice's discovery of the breach (45 CFR 164.404(a)(2)).
	AnchorDiscovery AnchorEvent = "discovery"
	// AnchorBADiscovery: the business associate's discovery (45 CFR 164.410(a)(2)).
	AnchorBADiscovery AnchorEvent = "ba_discovery"
	// AnchorDetermination: the determination that a breach occurred (e.g. Tex. Bus. &
	// Com. Code 521.053(b)).
	AnchorDetermination AnchorEvent = "determination"
	// AnchorIndividualNotice: the notice to residents, sent or due.
	AnchorIndividualNotice AnchorEvent = "individual_notice"
	// AnchorHHSNotice: the notice to HHS, sent or due.
	AnchorHHSNotice AnchorEvent = "hhs_notice"
	// AnchorDelayEnd: the end of a law-enforcement delay (45 CFR 164.412; Cal. Health &
	// Safety Code 1280.15(c)).
	AnchorDelayEnd AnchorEvent = "delay_end"
	// AnchorYearEnd: the end of the calendar year of discovery (45 CFR 164.408(c)).
	AnchorYearEnd AnchorEvent = "year_end"
)

var anchorEventValues = []AnchorEvent{AnchorDiscovery, AnchorBADiscovery, AnchorDetermination,
	AnchorIndividualNotice, AnchorHHSNotice, AnchorDelayEnd, AnchorYearEnd}

// AnchorEventValues returns every known AnchorEvent.
func AnchorEventValues() []AnchorEvent { return append([]AnchorEvent(nil), anchorEventValues...) }

// Valid reports whether a is a known AnchorEvent.
func (a AnchorEvent) Valid() bool { return enum.Valid(anchorEventValues, a) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (a AnchorEvent) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "counts_from.event", anchorEventValues, a)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (a *AnchorEvent) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "counts_from.event", anchorEventValues, b, a)
}

// SubstituteMethod is how a substitute notice was given (45 CFR 164.404(d)(2)).
type SubstituteMethod string

// Methods of substitute notice.
const (
	// SubstituteWebPosting: a conspicuous posting for 90 days on the home page of the
	// entity's web site (45 CFR 164.404(d)(2)(ii)(A)).
	SubstituteWebPosting SubstituteMethod = "web_posting"
	// SubstituteMajorMedia: conspicuous notice in major print or broadcast media in the
	// areas where the individuals likely reside (164.404(d)(2)(ii)(A)).
	SubstituteMajorMedia SubstituteMethod = "major_media"
	// SubstituteOtherWritten: an alternative form of written notice; enough for fewer
	// than 10 (164.404(d)(2)(i)).
	SubstituteOtherWritten SubstituteMethod = "other_written"
	// SubstituteTelephone: telephone; enough for fewer than 10 (164.404(d)(2)(i)).
	SubstituteTelephone SubstituteMethod = "telephone"
	// SubstituteOther: other means; enough for fewer than 10 (164.404(d)(2)(i)).
	SubstituteOther SubstituteMethod = "other"
)

var substituteMethodValues = []SubstituteMethod{SubstituteWebPosting, SubstituteMajorMedia,
	SubstituteOtherWritten, SubstituteTelephone, SubstituteOther}

// SubstituteMethodValues returns every known SubstituteMethod.
func SubstituteMethodValues() []SubstituteMethod {
	return append([]SubstituteMethod(nil), substituteMethodValues...)
}

// Valid reports whether m is a known SubstituteMethod.
func (m SubstituteMethod) Valid() bool { return enum.Valid(substituteMethodValues, m) }

// Conspicuous reports whether m is one of the methods 10 or more individuals need: a web
// posting or major print or broadcast media (45 CFR 164.404(d)(2)(ii)(A)).
func (m SubstituteMethod) Conspicuous() bool {
	return m == SubstituteWebPosting || m == SubstituteMajorMedia
}

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (m SubstituteMethod) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "substitute.method", substituteMethodValues, m)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (m *SubstituteMethod) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "substitute.method", substituteMethodValues, b, m)
}
