package controls

import (
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

// AddressableDecision records how the entity addressed one addressable implementation
// specification of one catalog version, and why (45 CFR 164.306(d)(3)). The record is
// documentation the entity keeps for six years (45 CFR 164.316(b)(2)(i)).
type AddressableDecision struct {
	// Control is the addressable specification decided, e.g. "164.312(a)(2)(iv)".
	Control ID `json:"control"`
	// CatalogVersion is the version of the catalog the decision was made under.
	CatalogVersion string `json:"catalog_version"`
	// Decision is the outcome of the assessment.
	Decision Decision `json:"decision,omitempty"`
	// Alternative describes the equivalent alternative measure implemented; required for
	// [DecisionAlternative] and empty otherwise (45 CFR 164.306(d)(3)(ii)(B)(2)).
	Alternative string `json:"alternative,omitempty"`
	// Reason says why the specification is not reasonable and appropriate; required for
	// [DecisionAlternative] and [DecisionNotReasonable] (45 CFR 164.306(d)(3)(ii)(B)(1)),
	// optional for [DecisionImplemented].
	Reason string `json:"reason,omitempty"`
	// DecidedBy is who made the decision, e.g. the security official (45 CFR 164.308(a)(2)).
	DecidedBy string `json:"decided_by"`
	// DecidedOn is the day of the decision.
	DecidedOn date.Date `json:"decided_on"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks d against catalog c: the control is an addressable specification of c
// and the decision names c's version (45 CFR 164.306(d)(3)); the decision is known; an
// alternative is described exactly when one was chosen (164.306(d)(3)(ii)(B)(2)); a reason
// is given for an alternative or for not implementing (164.306(d)(3)(ii)(B)(1)); and who
// decided, and when, are set.
func (d *AddressableDecision) Validate(c *Catalog) error {
	v := validation.Collector{Pkg: pkg}
	switch {
	case d.Control == "":
		v.Add("control", "must not be empty")
	case c == nil:
		v.Add("control", "%s cannot be checked without a catalog", d.Control)
	default:
		ctl, ok := c.Get(d.Control)
		switch {
		case !ok:
			v.Add("control", "%s is not in catalog %s", d.Control, c.Version)
		case ctl.Kind != KindAddressable:
			v.Add("control", "%s is %s, not an addressable specification: only those take a decision "+
				"(45 CFR 164.306(d)(3))", d.Control, ctl.Kind)
		}
	}
	switch {
	case d.CatalogVersion == "":
		v.Add("catalog_version", "must not be empty")
	case c != nil && d.CatalogVersion != c.Version:
		v.Add("catalog_version", "%q is not the catalog's version %q", d.CatalogVersion, c.Version)
	}
	if !d.Decision.Valid() {
		v.Merge(enum.Unknown(pkg, "decision", decisionValues(), d.Decision))
	}
	hasAlt := strings.TrimSpace(d.Alternative) != ""
	switch d.Decision {
	case DecisionAlternative:
		v.Check(hasAlt, "alternative", "must describe the equivalent alternative measure "+
			"(45 CFR 164.306(d)(3)(ii)(B)(2))")
		v.Check(strings.TrimSpace(d.Reason) != "", "reason", "must say why the specification is not "+
			"reasonable and appropriate (45 CFR 164.306(d)(3)(ii)(B)(1))")
	case DecisionNotReasonable:
		v.Check(!hasAlt, "alternative", "must be empty unless the decision is %s", DecisionAlternative)
		v.Check(strings.TrimSpace(d.Reason) != "", "reason", "must say why neither the specification nor "+
			"an equivalent alternative is reasonable and appropriate (45 CFR 164.306(d)(3)(ii)(B)(1))")
	case DecisionImplemented:
		v.Check(!hasAlt, "alternative", "must be empty unless the decision is %s", DecisionAlternative)
	}
	v.Check(strings.TrimSpace(d.DecidedBy) != "", "decided_by", "must name who decided")
	v.Check(d.DecidedOn != date.Zero, "decided_on", "must be set")
	return v.Err()
}

// Undecided returns the addressable specifications of c that no decision in ds addresses
// for c's version, in catalog order. A decision counts when its Control and CatalogVersion
// match; Undecided does not validate decisions (see [AddressableDecision.Validate]).
func Undecided(c *Catalog, ds []AddressableDecision) []Control {
	if c == nil {
		return nil
	}
	decided := map[ID]bool{}
	for _, d := range ds {
		if d.CatalogVersion == c.Version {
			decided[d.Control] = true
		}
	}
	var out []Control
	for _, ctl := range c.Controls {
		if ctl.Kind == KindAddressable && !decided[ctl.ID] {
			out = append(out, ctl)
		}
	}
	return out
}

// DecisionKey identifies a decision: there is one per control and catalog version.
type DecisionKey struct {
	CatalogVersion string `json:"catalog_version"`
	Control        ID     `json:"control"`
}

// Key returns the decision's key.
func (d *AddressableDecision) Key() DecisionKey {
	return DecisionKey{CatalogVersion: d.CatalogVersion, Control: d.Control}
}
