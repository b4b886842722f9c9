package statelaws

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

// Period is a notification deadline: a number of calendar or business days.
// The zero Period has no fixed number of days ("most expedient time",
// "as expeditiously as possible"); its Kind may be left empty.
type Period struct {
	// Days is the number of days; 0 when the law fixes none.
	Days int `json:"days"`
	// Kind says how Days are counted; required when Days > 0.
	Kind DayKind `json:"kind,omitempty"`
}

// Fixed reports whether p has a fixed number of days.
func (p Period) Fixed() bool { return p.Days > 0 }

// String describes p, e.g. "30 calendar days", "15 business days" or "no fixed days".
func (p Period) String() string {
	if !p.Fixed() {
		return "no fixed days"
	}
	kind := p.Kind
	if kind == "" {
		kind = CalendarDays
	}
	unit := "days"
	if p.Days == 1 {
		unit = "day"
	}
	return strconv.Itoa(p.Days) + " " + string(kind) + " " + unit
}

// check records p's problems under field.
func (p Period) check(c *validation.Collector, field string) {
	c.Check(p.Days >= 0, field+".days", "%d must not be negative", p.Days)
	if p.Days > 0 || p.Kind != "" {
		if !p.Kind.Valid() {
			c.Merge(enum.Unknown(pkg, field+".kind", dayKindValues, p.Kind))
		}
	}
}

// RegulatorNotice is a notice a state law requires to a regulator (or, where the table
// lists them, to consumer reporting agencies) besides the notice to residents.
type RegulatorNotice struct {
	// ID names the notice within its rule as a code: lower-case letters, digits and
	// hyphens, e.g. "ag", "cra", "ag-hhs-copy". An obligation's key is built from the
	// rule's ID and this one, never from display names, so editing Regulator does not
	// change a key.
	ID string `json:"id"`
	// Kind says whether a regulator or the consumer reporting agencies receive it; empty
	// means [KindRegulator].
	Kind NoticeKind `json:"kind,omitempty"`
	// Condition says when the notice is owed beyond its threshold; empty means
	// [CondAlways].
	Condition Condition `json:"condition,omitempty"`
	// Regulator is who receives it, e.g. "Attorney General", "CDPH",
	// "Dept. of Consumer Affairs".
	Regulator string `json:"regulator"`
	// MinResidents: the notice is required when the affected residents of the state number
	// at least MinResidents (">500" is 501, "≥500" is 500, "whenever residents are
	// notified" is 1).
	MinResidents int `json:"min_residents"`
	// Deadline is the time allowed after the Relative event; zero Days when the timing is
	// only Relative (e.g. "no later than residents") or no time is fixed.
	Deadline Period `json:"deadline"`
	// Relative is what Deadline counts from.
	Relative Relative `json:"relative"`
	// AppliesToHIPAA reports whether a HIPAA-regulated entity must still send it
	// (e.g. NY GBL 899-aa(9) and IL 815 ILCS 530/50: true). Where the research
	// (state-laws.md, state-laws-remaining.md) does not say, Default sets it true unless
	// the law does not apply to HIPAA entities at all, and the Note says so.
	AppliesToHIPAA bool `json:"applies_to_hipaa"`
	// Citation is the section that requires the notice.
	Citation string `json:"citation"`
	// Mark is how well this notice was checked.
	Mark Mark `json:"mark"`
	// Note explains conditions and caveats for people.
	Note string `json:"note,omitempty"`
}

// Required reports whether the notice is required when residents residents of the state
// are affected.
func (n *RegulatorNotice) Required(residents int) bool {
	return residents >= n.MinResidents && residents > 0
}

// check records n's problems under field.
func (n *RegulatorNotice) check(c *validation.Collector, field string) {
	c.Check(codeLike(n.ID), field+".id", "%q must be lower-case letters, digits and hyphens", n.ID)
	if n.Kind != "" && !n.Kind.Valid() {
		c.Merge(enum.Unknown(pkg, field+".kind", noticeKindValues, n.Kind))
	}
	if n.Condition != "" && !n.Condition.Valid() {
		c.Merge(enum.Unknown(pkg, field+".condition", conditionValues, n.Condition))
	}
	c.Check(n.Condition != CondDeemedCompliance || n.AppliesToHIPAA, field+".applies_to_hipaa",
		"must be true when condition is %s", CondDeemedCompliance)
	c.Check(strings.TrimSpace(n.Regulator) != "", field+".regulator", "must not be empty")
	c.Check(n.MinResidents >= 1, field+".min_residents", "%d must be at least 1", n.MinResidents)
	n.Deadline.check(c, field+".deadline")
	if !n.Relative.Valid() {
		c.Merge(enum.Unknown(pkg, field+".relative", relativeValues, n.Relative))
	}
	if (n.Relative == RelWithIndividuals || n.Relative == RelBeforeIndividuals) && n.Deadline.Days != 0 {
		c.Add(field+".deadline.days", "must be 0 when relative is %s, not %d", n.Relative, n.Deadline.Days)
	}
	c.Check(strings.TrimSpace(n.Citation) != "", field+".citation", "must not be empty")
	if !n.Mark.Valid() {
		c.Merge(enum.Unknown(pkg, field+".mark", markValues, n.Mark))
	}
}

// Rule is one state breach-notification law, as data: its trigger, deadline, regulator
// notices, treatment of HIPAA-regulated entities and the data elements it counts. A
// jurisdiction can have several rules (California: Civ. Code 1798.82 and Health & Safety
// Code 1280.15).
type Rule struct {
	// ID is unique in a [Set]: the Code, a hyphen and the section, e.g. "CA-1798.82",
	// "CA-HSC-1280.15", "NY-899-aa".
	ID string `json:"id"`
	// Code is the jurisdiction.
	Code Code `json:"code"`
	// Title names the law for people, e.g. "California Civil Code 1798.82".
	Title string `json:"title"`
	// Citation is the statute, e.g. "Cal. Civ. Code § 1798.82".
	Citation string `json:"citation"`
	// Trigger is the event the individual deadline counts from.
	Trigger Trigger `json:"trigger"`
	// Individuals is the deadline for notifying the affected residents.
	Individuals Period `json:"individuals"`
	// Regulators are the notices due besides the residents', if any.
	Regulators []RegulatorNotice `json:"regulators,omitempty"`
	// HIPAA is how the law treats HIPAA-regulated entities.
	HIPAA HIPAATreatment `json:"hipaa"`
	// Elements are the data elements whose breach triggers the law (with the person's
	// name, in most states).
	Elements []DataElement `json:"elements"`
	// EffectiveOn is when the rule as modeled took effect (e.g. CA 1798.82's 30-day rule on
	// 2026-01-01, NY's 30 days on 2024-12-21); zero if unknown.
	EffectiveOn date.Date `json:"effective_on,omitzero"`
	// Scope says whom the law covers when that is narrower than any business holding the
	// residents' data (CA 1280.15: licensed clinics, health facilities, home health
	// agencies, hospices).
	Scope string `json:"scope,omitempty"`
	// Reach says whether a law with a Scope reaches a medical practice; empty means
	// [ReachAny].
	Reach Reach `json:"reach,omitempty"`
	// Delay says which law-enforcement delays the law honours and how its deadlines run
	// after one; the zero value honours written and oral requests and tolls the clock,
	// like the federal rule.
	Delay DelayRule `json:"delay,omitzero"`
	// SafeHarbor is the law's treatment of encrypted data; the zero value is
	// [HarborUnknown]: encrypted data counts until counsel decides.
	SafeHarbor SafeHarbor `json:"safe_harbor,omitzero"`
	// NoStatute is true for a jurisdiction where no breach-notification statute was found
	// (American Samoa, the Northern Mariana Islands): the rule then has no deadline and no
	// notices, and says so, so that counsel confirms it.
	NoStatute bool `json:"no_statute,omitempty"`
	// Source says where the rule was read: the research file and the copy of the statute
	// or the charts behind its marks.
	Source string `json:"source,omitempty"`
	// Mark is the row's overall mark.
	Mark Mark `json:"mark"`
	// IndividualsMark marks the trigger and individual deadline when they were checked
	// less well than the row; empty means Mark.
	IndividualsMark Mark `json:"individuals_mark,omitempty"`
	// HIPAAMark marks the HIPAA treatment; empty means Mark.
	HIPAAMark Mark `json:"hipaa_mark,omitempty"`
	// ElementsMark marks the data elements; empty means Mark.
	ElementsMark Mark `json:"elements_mark,omitempty"`
	// ScopeMark marks the Scope; empty means Mark.
	ScopeMark Mark `json:"scope_mark,omitempty"`
	// Note explains caveats for people.
	Note string `json:"note,omitempty"`
}

// DelayRule is how a State law treats a law-enforcement request to delay notice.
type DelayRule struct {
	// Honours says which requests delay the State's notices; empty means
	// [HonoursWrittenOrOral].
	Honours DelayHonour `json:"honours,omitempty"`
	// After, when fixed, is the State's own period after the delay ends: the deadline is
	// that period after the end of the delay, not a tolled count (Cal. Health & Safety Code
	// 1280.15(c): 15 business days after the date designated as the end of the delay).
	// When not fixed, the clock is tolled under the incident's delay policy.
	After Period `json:"after,omitzero"`
	// Citation is the section that provides the delay, when known.
	Citation string `json:"citation,omitempty"`
	// Mark is how well the delay provision was checked; empty means the rule's Mark.
	Mark Mark `json:"mark,omitempty"`
}

// honours is h.Honours, with the empty value read as the federal rule.
func (d DelayRule) honours() DelayHonour {
	if d.Honours == "" {
		return HonoursWrittenOrOral
	}
	return d.Honours
}

// HonoursWritten reports whether a written law-enforcement request delays the State's
// notices.
func (d DelayRule) HonoursWritten() bool {
	h := d.honours()
	return h == HonoursWrittenOrOral || h == HonoursWrittenOnly
}

// HonoursOral reports whether an oral law-enforcement request delays the State's notices.
func (d DelayRule) HonoursOral() bool { return d.honours() == HonoursWrittenOrOral }

// SafeHarbor is a State law's encryption safe harbor.
type SafeHarbor struct {
	// Kind is the treatment; empty means [HarborUnknown].
	Kind SafeHarborKind `json:"kind,omitempty"`
	// Citation is the section, when known.
	Citation string `json:"citation,omitempty"`
	// Mark is how well it was checked; empty means the rule's Mark. A safe harbor marked
	// [MarkUnverified] never clears an obligation by itself: the obligation stays pending,
	// flagged for counsel.
	Mark Mark `json:"mark,omitempty"`
}

// Covers reports whether the safe harbor takes data encrypted as described out of the
// law: encrypted, and for [HarborEncryptedKeySafe] with the key not compromised.
func (h SafeHarbor) Covers(encrypted, keyCompromised bool) bool {
	switch h.Kind {
	case HarborEncrypted:
		return encrypted
	case HarborEncryptedKeySafe:
		return encrypted && !keyCompromised
	}
	return false
}

// codeLike reports whether s is a non-empty code of lower-case letters, digits and
// hyphens.
func codeLike(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Validate checks every field and returns the problems joined; each is a
// [*validation.Error] naming the field and matching [validation.ErrInvalid].
func (r *Rule) Validate() error {
	c := validation.Collector{Pkg: pkg}
	r.check(&c, "")
	return c.Err()
}

// check records r's problems, with field names under prefix.
func (r *Rule) check(c *validation.Collector, prefix string) {
	f := func(name string) string { return prefix + name }

	switch {
	case r.ID == "":
		c.Add(f("id"), "must not be empty")
	case strings.ContainsFunc(r.ID, unicode.IsSpace):
		c.Add(f("id"), "%q must not contain spaces", r.ID)
	case r.Code.Valid() && (!strings.HasPrefix(r.ID, string(r.Code)+"-") || len(r.ID) == len(r.Code)+1):
		c.Add(f("id"), "%q must be the code %s, a hyphen and the section", r.ID, r.Code)
	}
	if !r.Code.Valid() {
		c.Merge(unknownCode(f("code"), r.Code))
	}
	c.Check(strings.TrimSpace(r.Title) != "", f("title"), "must not be empty")
	c.Check(strings.TrimSpace(r.Citation) != "", f("citation"), "must not be empty")
	if !r.Trigger.Valid() {
		c.Merge(enum.Unknown(pkg, f("trigger"), triggerValues, r.Trigger))
	}
	r.Individuals.check(c, f("individuals"))
	ids := map[string]int{}
	for i := range r.Regulators {
		field := fmt.Sprintf("%sregulators[%d]", prefix, i)
		r.Regulators[i].check(c, field)
		if id := r.Regulators[i].ID; id != "" {
			if j, dup := ids[id]; dup {
				c.Add(field+".id", "%q duplicates regulators[%d]", id, j)
			} else if id == "individuals" {
				c.Add(field+".id", "%q is the residents' notice", id)
			} else {
				ids[id] = i
			}
		}
	}
	if r.Reach != "" && !r.Reach.Valid() {
		c.Merge(enum.Unknown(pkg, f("reach"), reachValues, r.Reach))
	}
	c.Check(r.Reach == "" || r.Reach == ReachAny || r.Scope != "", f("reach"), "needs a scope")
	if r.Delay.Honours != "" && !r.Delay.Honours.Valid() {
		c.Merge(enum.Unknown(pkg, f("delay.honours"), delayHonourValues, r.Delay.Honours))
	}
	r.Delay.After.check(c, f("delay.after"))
	if r.Delay.Mark != "" && !r.Delay.Mark.Valid() {
		c.Merge(enum.Unknown(pkg, f("delay.mark"), markValues, r.Delay.Mark))
	}
	if r.SafeHarbor.Kind != "" && !r.SafeHarbor.Kind.Valid() {
		c.Merge(enum.Unknown(pkg, f("safe_harbor.kind"), safeHarborValues, r.SafeHarbor.Kind))
	}
	if r.SafeHarbor.Mark != "" && !r.SafeHarbor.Mark.Valid() {
		c.Merge(enum.Unknown(pkg, f("safe_harbor.mark"), markValues, r.SafeHarbor.Mark))
	}
	if r.NoStatute {
		c.Check(!r.Individuals.Fixed(), f("individuals"), "must fix no days when no_statute is set")
		c.Check(len(r.Regulators) == 0, f("regulators"), "must be empty when no_statute is set")
	}

	// HIPAA treatment, and its consistency with the regulator notices.
	switch r.HIPAA {
	case HIPAAApplies:
		for i, n := range r.Regulators {
			c.Check(n.AppliesToHIPAA, fmt.Sprintf("%sregulators[%d].applies_to_hipaa", prefix, i),
				"must be true when hipaa is %s", r.HIPAA)
		}
	case HIPAAExempt:
		for i, n := range r.Regulators {
			c.Check(!n.AppliesToHIPAA, fmt.Sprintf("%sregulators[%d].applies_to_hipaa", prefix, i),
				"must be false when hipaa is %s", r.HIPAA)
		}
	case HIPAAExemptExceptRegulator:
		c.Check(slices.ContainsFunc(r.Regulators, func(n RegulatorNotice) bool { return n.AppliesToHIPAA }),
			f("regulators"), "must include a notice that applies to HIPAA entities when hipaa is %s", r.HIPAA)
	case HIPAAUnknown:
		c.Check(r.partMark(r.HIPAAMark) == MarkUnverified, f("hipaa_mark"),
			"must be %s when hipaa is %s", MarkUnverified, r.HIPAA)
	case HIPAADeemedCompliant, HIPAAPartial:
	default:
		c.Merge(enum.Unknown(pkg, f("hipaa"), hipaaValues, r.HIPAA))
	}

	c.Check(len(r.Elements) > 0, f("elements"), "must list at least one data element")
	for i, e := range r.Elements {
		field := fmt.Sprintf("%selements[%d]", prefix, i)
		switch {
		case !e.Valid():
			c.Merge(enum.Unknown(pkg, field, elementValues, e))
		case slices.Index(r.Elements, e) < i:
			c.Add(field, "%q is listed twice", e)
		}
	}

	if !r.Mark.Valid() {
		c.Merge(enum.Unknown(pkg, f("mark"), markValues, r.Mark))
	}
	for _, pm := range []struct {
		field string
		m     Mark
	}{
		{"individuals_mark", r.IndividualsMark}, {"hipaa_mark", r.HIPAAMark},
		{"elements_mark", r.ElementsMark}, {"scope_mark", r.ScopeMark},
	} {
		if pm.m != "" && !pm.m.Valid() {
			c.Merge(enum.Unknown(pkg, f(pm.field), markValues, pm.m))
		}
	}
	c.Check(r.ScopeMark == "" || r.Scope != "", f("scope_mark"), "needs a scope")
}

// PartMark returns the mark of a part: m, or the row's Mark when m is empty. A part
// is checked no better than its row when the row is unverified.
func (r *Rule) PartMark(m Mark) Mark {
	if r.Mark == MarkUnverified {
		return MarkUnverified
	}
	return r.partMark(m)
}

// partMark is the mark of a part: m, or the row's Mark when m is empty.
func (r *Rule) partMark(m Mark) Mark {
	if m == "" {
		return r.Mark
	}
	return m
}

// Unverified reports whether the rule or any of its parts (individual deadline, HIPAA
// treatment, data elements, scope, a regulator notice) is marked [MarkUnverified]. Reports
// show such a rule as "unverified".
func (r *Rule) Unverified() bool { return len(r.UnverifiedParts()) > 0 }

// UnverifiedParts names the parts marked [MarkUnverified]: "rule" (the row's Mark),
// "individuals", "hipaa", "elements", "scope", "delay", "safe_harbor" and
// "regulators[i]". It is empty for a rule
// with no unverified part.
func (r *Rule) UnverifiedParts() []string {
	var parts []string
	if r.Mark == MarkUnverified {
		parts = append(parts, "rule")
	}
	for _, pm := range []struct {
		name string
		m    Mark
	}{
		{"individuals", r.IndividualsMark}, {"hipaa", r.HIPAAMark},
		{"elements", r.ElementsMark}, {"scope", r.ScopeMark},
		{"delay", r.Delay.Mark}, {"safe_harbor", r.SafeHarbor.Mark},
	} {
		if pm.m == MarkUnverified {
			parts = append(parts, pm.name)
		}
	}
	for i, n := range r.Regulators {
		if n.Mark == MarkUnverified {
			parts = append(parts, fmt.Sprintf("regulators[%d]", i))
		}
	}
	return parts
}

// Counts reports whether any of the breached elements is one this law counts. A breach
// of medical information alone does not trigger a law whose Elements lack
// [ElementMedical] (e.g. OH 1349.19, TN 47-18-2107).
func (r *Rule) Counts(elems []DataElement) bool {
	return slices.ContainsFunc(elems, func(e DataElement) bool { return slices.Contains(r.Elements, e) })
}

// Clone returns a deep copy of r: changing its slices does not change r.
func (r *Rule) Clone() Rule {
	out := *r
	out.Regulators = slices.Clone(r.Regulators)
	out.Elements = slices.Clone(r.Elements)
	return out
}
