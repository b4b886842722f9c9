package controls

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

const pkg = "controls"

// ID is a control's paragraph of 45 CFR Part 164, e.g. "164.308(a)(1)" for a standard or
// "164.308(a)(1)(ii)(A)" for an implementation specification.
type ID string

// WellFormed reports whether id has the shape of a paragraph of 45 CFR Part 164: "164.",
// the section number, then one or more parenthesized paragraph designations of letters or
// digits, e.g. "164.312(a)(2)(iv)". It does not say whether a catalog holds id; see
// [Catalog.Get].
func (id ID) WellFormed() bool {
	s, ok := strings.CutPrefix(string(id), "164.")
	if !ok {
		return false
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n == len(s) {
		return false
	}
	for s = s[n:]; s != ""; {
		if s[0] != '(' {
			return false
		}
		end := strings.IndexByte(s, ')')
		if end < 2 {
			return false
		}
		for _, r := range s[1:end] {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
				return false
			}
		}
		s = s[end+1:]
	}
	return true
}

// Control is one standard or implementation specification of the Security Rule.
type Control struct {
	// ID is the control's paragraph, e.g. "164.308(a)(1)(ii)(A)".
	ID ID `json:"id"`
	// Standard is the standard the control belongs to: the parent standard for an
	// implementation specification (e.g. "164.308(a)(1)"), the control's own ID for a standard.
	Standard ID `json:"standard"`
	// Title is the regulation's heading for the control, e.g. "Risk analysis".
	Title string `json:"title"`
	// Kind says whether the control is a standard, a required or an addressable specification.
	Kind Kind `json:"kind"`
	// Safeguard is the section the control belongs to.
	Safeguard Safeguard `json:"safeguard"`
	// Citation is the control's full citation, e.g. "45 CFR 164.308(a)(1)(ii)(A)".
	Citation string `json:"citation"`
	// Summary optionally says more than the title, e.g. what a combined specification covers.
	Summary string `json:"summary,omitempty"`
}

// IsSpecification reports whether c is an implementation specification, that is, it
// belongs to a standard other than itself.
func (c Control) IsSpecification() bool { return c.Standard != c.ID }

// Catalog is one version of the Security Rule's standards and implementation
// specifications, in regulation order: each standard followed by its specifications.
//
// A Catalog is data. [Current] returns the rule in force; a revised rule is another
// Catalog, loaded beside it with [NewCatalogs].
type Catalog struct {
	// Version names the catalog, e.g. "2013-omnibus"; decisions refer to it.
	Version string `json:"version"`
	// Title says which text of the rule the catalog transcribes.
	Title string `json:"title"`
	// EffectiveOn is the day the text took effect; zero for a text not (yet) in effect,
	// such as a proposed rule.
	EffectiveOn date.Date `json:"effective_on"`
	// Controls are the standards and specifications, in regulation order.
	Controls []Control `json:"controls"`
	// Note records anything a reader of the catalog should know, e.g. pending rulemaking.
	Note string `json:"note,omitempty"`
}

// clone returns a copy of c that shares no memory with it.
func (c Catalog) clone() Catalog {
	c.Controls = slices.Clone(c.Controls)
	return c
}

// Get returns the control with id, and false if the catalog has none.
func (c *Catalog) Get(id ID) (Control, bool) {
	for _, ctl := range c.Controls {
		if ctl.ID == id {
			return ctl, true
		}
	}
	return Control{}, false
}

// filter returns, in catalog order, the controls keep accepts.
func (c *Catalog) filter(keep func(Control) bool) []Control {
	var out []Control
	for _, ctl := range c.Controls {
		if keep(ctl) {
			out = append(out, ctl)
		}
	}
	return out
}

// Addressable returns the addressable implementation specifications in catalog order
// (45 CFR 164.306(d)(3)).
func (c *Catalog) Addressable() []Control {
	return c.filter(func(ctl Control) bool { return ctl.Kind == KindAddressable })
}

// Required returns the required implementation specifications in catalog order
// (45 CFR 164.306(d)(2)).
func (c *Catalog) Required() []Control {
	return c.filter(func(ctl Control) bool { return ctl.Kind == KindRequired })
}

// Standards returns every standard in catalog order, with or without specifications.
func (c *Catalog) Standards() []Control {
	return c.filter(func(ctl Control) bool { return ctl.Kind == KindStandard })
}

// Standalone returns the standards that have no implementation specification in the
// catalog, in catalog order; each must itself be met (45 CFR 164.306(c)).
func (c *Catalog) Standalone() []Control {
	parents := map[ID]bool{}
	for _, ctl := range c.Controls {
		if ctl.IsSpecification() {
			parents[ctl.Standard] = true
		}
	}
	return c.filter(func(ctl Control) bool { return ctl.Kind == KindStandard && !parents[ctl.ID] })
}

// Specifications returns the implementation specifications of the standard std, in
// catalog order; none for a standalone standard or an unknown ID.
func (c *Catalog) Specifications(std ID) []Control {
	return c.filter(func(ctl Control) bool { return ctl.IsSpecification() && ctl.Standard == std })
}

// InSafeguard returns the controls of safeguard s, standards and specifications, in
// catalog order.
func (c *Catalog) InSafeguard(s Safeguard) []Control {
	return c.filter(func(ctl Control) bool { return ctl.Safeguard == s })
}

// Validate checks the catalog: a version and title; at least one control; every control
// with a unique well-formed ID, a title, a citation, a known kind and safeguard; every
// standard naming itself as its Standard; every implementation specification naming a
// standard present in the catalog, in the same safeguard.
func (c *Catalog) Validate() error {
	v := validation.Collector{Pkg: pkg}
	v.Check(strings.TrimSpace(c.Version) != "", "version", "must not be empty")
	v.Check(strings.TrimSpace(c.Title) != "", "title", "must not be empty")
	v.Check(len(c.Controls) > 0, "controls", "must not be empty")

	first := map[ID]int{}
	for i, ctl := range c.Controls {
		if _, dup := first[ctl.ID]; !dup {
			first[ctl.ID] = i
		}
	}
	for i, ctl := range c.Controls {
		f := func(name string) string { return fmt.Sprintf("controls[%d].%s", i, name) }
		switch {
		case ctl.ID == "":
			v.Add(f("id"), "must not be empty")
		case !ctl.ID.WellFormed():
			v.Add(f("id"), "%q is not a paragraph of 45 CFR Part 164, e.g. 164.308(a)(1)", ctl.ID)
		case first[ctl.ID] != i:
			v.Add(f("id"), "%s duplicates controls[%d]", ctl.ID, first[ctl.ID])
		}
		v.Check(strings.TrimSpace(ctl.Title) != "", f("title"), "must not be empty")
		v.Check(strings.TrimSpace(ctl.Citation) != "", f("citation"), "must not be empty")
		if !ctl.Safeguard.Valid() {
			v.Merge(enum.Unknown(pkg, f("safeguard"), safeguardValues(), ctl.Safeguard))
		}
		if !ctl.Kind.Valid() {
			v.Merge(enum.Unknown(pkg, f("kind"), kindValues(), ctl.Kind))
			continue
		}
		switch {
		case ctl.Kind == KindStandard:
			// An empty ID is reported above; its Standard cannot match it usefully.
			v.Check(ctl.ID == "" || ctl.Standard == ctl.ID, f("standard"),
				"%q must be the standard's own ID %s", ctl.Standard, ctl.ID)
		case ctl.Standard == "":
			v.Add(f("standard"), "must not be empty")
		case ctl.Standard == ctl.ID:
			v.Add(f("standard"), "%s is the %s specification itself, not its standard", ctl.Standard, ctl.Kind)
		default:
			j, ok := first[ctl.Standard]
			switch {
			case !ok:
				v.Add(f("standard"), "%s is not in the catalog", ctl.Standard)
			case c.Controls[j].Kind != KindStandard:
				v.Add(f("standard"), "%s is %s, not a standard", ctl.Standard, c.Controls[j].Kind)
			case c.Controls[j].Safeguard != ctl.Safeguard:
				v.Add(f("standard"), "%s is in the %s safeguard, not %s",
					ctl.Standard, c.Controls[j].Safeguard, ctl.Safeguard)
			}
		}
	}
	return v.Err()
}
