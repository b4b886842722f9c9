package controls

import "github.com/hipaaops/hipaaops/internal/enum"

// Kind says how a control binds a covered entity or business associate (45 CFR 164.306(c), (d)).
type Kind string

// Kinds of control.
const (
	// KindStandard is a standard. Every standard must be met (45 CFR 164.306(c)); a standard
	// with no implementation specification is met by itself, and one with specifications is
	// met through them, whose own kinds are required or addressable.
	KindStandard Kind = "standard"
	// KindRequired is a required implementation specification: it must be implemented
	// (45 CFR 164.306(d)(2)).
	KindRequired Kind = "required"
	// KindAddressable is an addressable implementation specification: the entity assesses
	// whether it is reasonable and appropriate, and implements it, implements an equivalent
	// alternative, or documents why neither is (45 CFR 164.306(d)(3)). See [AddressableDecision].
	KindAddressable Kind = "addressable"
)

func kindValues() []Kind { return []Kind{KindStandard, KindRequired, KindAddressable} }

// KindValues returns every known Kind, in a fresh slice.
func KindValues() []Kind { return kindValues() }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return enum.Valid(kindValues(), k) }

// MarshalText implements [encoding.TextMarshaler]; an unknown kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "kind", kindValues(), k)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown kind is an error.
func (k *Kind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "kind", kindValues(), b, k)
}

// Safeguard is the section of the Security Rule a control belongs to.
type Safeguard string

// Safeguards, one per section of 45 CFR Part 164, Subpart C that holds standards.
const (
	// SafeguardAdministrative is 45 CFR 164.308, administrative safeguards.
	SafeguardAdministrative Safeguard = "administrative"
	// SafeguardPhysical is 45 CFR 164.310, physical safeguards.
	SafeguardPhysical Safeguard = "physical"
	// SafeguardTechnical is 45 CFR 164.312, technical safeguards.
	SafeguardTechnical Safeguard = "technical"
	// SafeguardOrganizational is 45 CFR 164.314, organizational requirements.
	SafeguardOrganizational Safeguard = "organizational"
	// SafeguardDocumentation is 45 CFR 164.316, policies and procedures and documentation
	// requirements.
	SafeguardDocumentation Safeguard = "documentation"
)

func safeguardValues() []Safeguard {
	return []Safeguard{
		SafeguardAdministrative, SafeguardPhysical, SafeguardTechnical,
		SafeguardOrganizational, SafeguardDocumentation,
	}
}

// SafeguardValues returns every known Safeguard in regulation order, in a fresh slice.
func SafeguardValues() []Safeguard { return safeguardValues() }

// Valid reports whether s is a known safeguard.
func (s Safeguard) Valid() bool { return enum.Valid(safeguardValues(), s) }

// Section is the section of 45 CFR Part 164 that holds the safeguard's standards,
// e.g. "164.308"; it is empty for an unknown safeguard.
func (s Safeguard) Section() string {
	switch s {
	case SafeguardAdministrative:
		return "164.308"
	case SafeguardPhysical:
		return "164.310"
	case SafeguardTechnical:
		return "164.312"
	case SafeguardOrganizational:
		return "164.314"
	case SafeguardDocumentation:
		return "164.316"
	}
	return ""
}

// Label is the heading of the safeguard's section, e.g. "Administrative safeguards";
// it is empty for an unknown safeguard.
func (s Safeguard) Label() string {
	switch s {
	case SafeguardAdministrative:
		return "Administrative safeguards"
	case SafeguardPhysical:
		return "Physical safeguards"
	case SafeguardTechnical:
		return "Technical safeguards"
	case SafeguardOrganizational:
		return "Organizational requirements"
	case SafeguardDocumentation:
		return "Policies and procedures and documentation requirements"
	}
	return ""
}

// MarshalText implements [encoding.TextMarshaler]; an unknown safeguard is an error.
func (s Safeguard) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "safeguard", safeguardValues(), s)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown safeguard is an error.
func (s *Safeguard) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "safeguard", safeguardValues(), b, s)
}

// Decision is the outcome of assessing an addressable implementation specification
// (45 CFR 164.306(d)(3)).
type Decision string

// Decisions on an addressable implementation specification.
const (
	// DecisionImplemented: the specification is reasonable and appropriate and is
	// implemented (45 CFR 164.306(d)(3)(ii)(A)).
	DecisionImplemented Decision = "implemented"
	// DecisionAlternative: the specification is not reasonable and appropriate, the reason
	// is documented, and an equivalent alternative measure is implemented
	// (45 CFR 164.306(d)(3)(ii)(B)(1) and (2)).
	DecisionAlternative Decision = "alternative"
	// DecisionNotReasonable: neither the specification nor an equivalent alternative is
	// reasonable and appropriate, and the reason is documented
	// (45 CFR 164.306(d)(3)(ii)(B)(1)).
	DecisionNotReasonable Decision = "not_reasonable"
)

func decisionValues() []Decision {
	return []Decision{DecisionImplemented, DecisionAlternative, DecisionNotReasonable}
}

// DecisionValues returns every known Decision, in a fresh slice.
func DecisionValues() []Decision { return decisionValues() }

// Valid reports whether d is a known decision.
func (d Decision) Valid() bool { return enum.Valid(decisionValues(), d) }

// MarshalText implements [encoding.TextMarshaler]; an unknown decision is an error.
func (d Decision) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "decision", decisionValues(), d)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown decision is an error.
func (d *Decision) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "decision", decisionValues(), b, d)
}
