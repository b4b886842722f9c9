package incident

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

// Federal periods and thresholds of the Breach Notification Rule.
const (
	// NoticeDays is the outer limit, in calendar days after discovery, for notice to
	// individuals (45 CFR 164.404(b)), the media (164.406(b)), HHS for 500 or more
	// (164.408(b)) and a business associate's notice to the covered entity (164.410(b)).
	NoticeDays = 60
	// MediaThreshold: media notice is due for a State with more than this many affected
	// residents (45 CFR 164.406(a)); exactly 500 is not enough.
	MediaThreshold = 500
	// HHSThreshold: with this many individuals or more in total, HHS is notified with the
	// individual notice (45 CFR 164.408(b)); with fewer, in the annual report (164.408(c)).
	HHSThreshold = 500
	// SubstituteThreshold: substitute notice for this many or more individuals lacking
	// contact information takes a web posting or major media and a toll-free number
	// (45 CFR 164.404(d)(2)(ii)); for fewer, other written notice, telephone or other means
	// suffice (164.404(d)(2)(i)).
	SubstituteThreshold = 10
)

// Keys of the federal obligations. Media keys are "media:" and the State code; State keys
// are "state:", the rule ID and ":individuals" or ":" and the regulator.
const (
	KeyIndividuals = "individuals"
	KeySubstitute  = "substitute-notice"
	KeyTelephone   = "telephone"
	KeyHHS         = "hhs"
	KeyBANotice    = "ba-notice"
)

// MediaKey returns the key of the media obligation for State s.
func MediaKey(s statelaws.Code) string { return "media:" + string(s) }

// Obligation is one notice the incident requires, or would require, with its deadline and
// the section it comes from.
type Obligation struct {
	// Key identifies the obligation within its incident, deterministically: a [Notice] with
	// the same key meets it.
	Key string `json:"key"`
	// Party is who receives the notice, or its kind.
	Party Party `json:"party"`
	// Recipient says who receives the notice, for people.
	Recipient string `json:"recipient"`
	// State is the State or jurisdiction, for media and State obligations.
	State statelaws.Code `json:"state,omitempty"`
	// Deadline is the last day to send the notice; zero when there is no fixed deadline
	// (and for obligations not required).
	Deadline date.Date `json:"deadline,omitzero"`
	// Citation is the section that requires the notice.
	Citation string `json:"citation"`
	// Reason explains the obligation and how its deadline was computed.
	Reason string `json:"reason"`
	// Status is pending, sent or not_required.
	Status Status `json:"status"`
	// SentOn and Method come from the [Notice] recorded with the same key.
	SentOn date.Date `json:"sent_on,omitzero"`
	Method string    `json:"method,omitempty"`
	// NotRequired says why the notice is not required, when Status is not_required.
	NotRequired string `json:"not_required,omitempty"`
	// NotRequiredCode says why as a code, when Status is not_required.
	NotRequiredCode NotRequiredReason `json:"not_required_code,omitempty"`
	// Unverified is true when the State rule, or the part of it the obligation rests on,
	// is marked unverified: show it as such and have it checked.
	Unverified bool `json:"unverified,omitempty"`
}

// required reports whether the obligation is required.
func (o *Obligation) required() bool { return o.Status != StatusNotRequired }

// Options tunes [Obligations]. The zero value uses the default rules, calendar and policy.
type Options struct {
	// Rules are the State rules; nil means statelaws.Default().
	Rules *statelaws.Set
	// Calendar decides business days for State periods counted in business days; nil means
	// statelaws.FederalHolidays() (weekends and US federal holidays). The same calendar
	// serves every State.
	Calendar statelaws.Calendar
	// DelayPolicy says how a law-enforcement delay moves deadlines; empty means [DelayToll].
	DelayPolicy DelayPolicy
}

// HHSAnnualDeadline returns the last day to report to HHS the breaches of fewer than 500
// individuals discovered in year: 60 days after the end of that calendar year, which is
// March 1, or February 29 in a leap year (45 CFR 164.408(c)).
func HHSAnnualDeadline(year int) date.Date {
	return date.New(year, 12, 31) + NoticeDays // 45 CFR 164.408(c)
}

// calc holds what every obligation of one incident is computed from.
type calc struct {
	i        *Incident
	disc     date.Date
	cal      statelaws.Calendar
	policy   DelayPolicy
	spans    []span
	delayEnd date.Date
	sent     map[string]Notice
	covered  map[string]int // individuals reached, by notice key, where recorded
	out      []Obligation
}

// Obligations returns every notice the incident requires under the Breach Notification Rule
// (45 CFR 164.400-414) and the State rules of the States where affected individuals
// reside, sorted by deadline (no deadline last), then key. An invalid incident or option is
// a validation error.
//
// The outcome is the determination's; with none a breach is presumed (45 CFR 164.402(2)).
// When the outcome is not a breach, each federal obligation is listed as not required with
// the reason. State obligations are computed beside the federal ones for every State with
// affected residents: State laws define a breach in their own terms, so a federal outcome
// other than breach is noted but does not remove them.
//
// Every State deadline counts from the discovery date, whatever the State's trigger
// (discovery, determination, awareness, detection): the package records no separate
// determination or awareness date, and those events never precede discovery, so the
// deadline is never later than the law's and may be earlier.
//
// A law-enforcement delay (45 CFR 164.412) moves every deadline by opts.DelayPolicy, State
// deadlines included, and no deadline falls before the delay ends. Status is sent when a
// [Notice] with the obligation's key is recorded, and pending otherwise.
func Obligations(i *Incident, opts Options) ([]Obligation, error) {
	if i == nil {
		return nil, validation.New(pkg, "incident", "must not be nil")
	}
	policy := opts.DelayPolicy
	if policy == "" {
		policy = DelayToll
	}
	if !policy.Valid() {
		return nil, validation.New(pkg, "options.delay_policy", "%q is not one of %v", string(policy), delayPolicyValues)
	}
	if err := i.Validate(); err != nil {
		return nil, err
	}
	rules := opts.Rules
	if rules == nil {
		var err error
		if rules, err = statelaws.NewSet(statelaws.Default()); err != nil {
			return nil, fmt.Errorf("incident: default state rules: %w", err)
		}
	}
	cal := opts.Calendar
	if cal == nil {
		cal = statelaws.FederalHolidays()
	}
	c := &calc{
		i: i, disc: i.Discovery(), cal: cal, policy: policy,
		spans: spans(i.Delays), delayEnd: DelayEnd(i.Delays),
		sent: make(map[string]Notice, len(i.Notices)), covered: map[string]int{},
	}
	for _, n := range i.Notices {
		if _, ok := c.sent[n.Key]; !ok { // the first notice of a key dates it
			c.sent[n.Key] = n
		}
		c.covered[n.Key] += n.Individuals
	}
	fedInd, fedHHS := c.federal()
	c.states(rules, fedInd, fedHHS)
	sortObligations(c.out)
	return c.out, nil
}

// sortObligations sorts by deadline, no deadline last, then key.
func sortObligations(os []Obligation) {
	slices.SortFunc(os, func(a, b Obligation) int {
		if (a.Deadline == date.Zero) != (b.Deadline == date.Zero) {
			if a.Deadline == date.Zero {
				return 1
			}
			return -1
		}
		if n := cmp.Compare(a.Deadline, b.Deadline); n != 0 {
			return n
		}
		return cmp.Compare(a.Key, b.Key)
	})
}

// add records o, setting its status from the notices sent, and returns its index.
func (c *calc) add(o Obligation) int {
	if n, ok := c.sent[o.Key]; ok {
		o.SentOn, o.Method = n.SentOn, n.Method
		if o.Status != StatusNotRequired {
			o.Status = StatusSent
		}
		// 45 CFR 164.404(a)(1): each individual whose PHI was breached is notified. A
		// notice that recorded how many it reached, fewer than the count known now,
		// leaves the rest owed.
		if covered := c.covered[o.Key]; o.Key == KeyIndividuals && o.Status == StatusSent && covered > 0 && covered < c.i.Total {
			o.Status = StatusPending
			o.Reason += fmt.Sprintf(" Notices sent so far reached %d of the %d individuals now counted; %d remain.", covered, c.i.Total, c.i.Total-covered)
		}
	}
	if o.Status == "" {
		o.Status = StatusPending
	}
	if o.Status == StatusNotRequired {
		o.Deadline = date.Zero
	}
	c.out = append(c.out, o)
	return len(c.out) - 1
}

// notBefore moves a set deadline d to the end of the law-enforcement delay when d is
// earlier: no deadline falls before the delay ends (45 CFR 164.412; breach-notification.md).
func (c *calc) notBefore(d date.Date) date.Date {
	if d != date.Zero && d < c.delayEnd {
		return c.delayEnd
	}
	return d
}

// fromDiscovery returns the deadline p sets after discovery, moved by the law-enforcement
// delay under the policy (45 CFR 164.412); zero when p fixes no days.
func (c *calc) fromDiscovery(p statelaws.Period) date.Date {
	if !p.Fixed() {
		return date.Zero
	}
	var d date.Date
	switch {
	case c.policy == DelayExtend || len(c.spans) == 0:
		d = p.After(c.cal, c.disc)
	case p.Kind == statelaws.BusinessDays:
		// DelayToll: delayed days are not business days, so the count stops during them.
		d = p.After(delayedCalendar{base: c.cal, spans: c.spans, from: c.disc}, c.disc)
	default:
		d = tollCalendar(c.disc, p.After(c.cal, c.disc), c.spans)
	}
	return c.notBefore(d)
}

// delayedCalendar is a calendar on which the days of a law-enforcement delay, from a start
// day on, are holidays: counting business days over it stops the clock during the delay.
type delayedCalendar struct {
	base  statelaws.Calendar
	spans []span
	from  date.Date
}

// Holiday reports whether d is a holiday of the base calendar or a delayed day.
func (k delayedCalendar) Holiday(d date.Date) bool {
	if k.base.Holiday(d) {
		return true
	}
	for _, s := range k.spans {
		if d >= max(s.from, k.from) && d < s.to {
			return true
		}
	}
	return false
}

// delayNote describes the law-enforcement delay, or is empty when there is none.
func (c *calc) delayNote() string {
	if c.delayEnd == date.Zero {
		return ""
	}
	how := "the clock stopped for the delayed days"
	if c.policy == DelayExtend {
		how = "the deadline is the later of the original one and the delay's end"
	}
	return fmt.Sprintf(" Law-enforcement delay until %s (45 CFR 164.412): %s, and no deadline falls before the delay ends.", c.delayEnd, how)
}

// notBreach explains why the federal notices are not required, or is empty when the outcome
// is a breach.
func (c *calc) notBreach() string {
	d := c.i.Determination
	if d == nil || d.Outcome == OutcomeBreach {
		return ""
	}
	by := fmt.Sprintf(" (decided by %s on %s)", d.DecidedBy, d.DecidedOn)
	switch d.Outcome {
	case OutcomeNotPHI:
		return "not a breach: no acquisition, access, use or disclosure of PHI in a manner the Privacy Rule does not permit (45 CFR 164.402)" + by
	case OutcomeSecured:
		how := "destroyed so it cannot be read or reconstructed"
		if !c.i.Destroyed {
			how = fmt.Sprintf("encrypted (%s) with the key not compromised", strings.TrimSpace(c.i.Encryption.Standard))
		}
		return "not a breach of unsecured PHI: the PHI was " + how + " (74 FR 42740; 45 CFR 164.402)" + by
	case OutcomeException:
		return fmt.Sprintf("not a breach: exception %s applies (%s)", d.Exception, d.Exception.Citation()) + by
	case OutcomeLowProbability:
		a := d.Assessment
		return fmt.Sprintf("not a breach: a documented risk assessment concluded a low probability that the PHI has been compromised (45 CFR 164.402(2)), by %s on %s", a.ConcludedBy, a.ConcludedOn) + by
	}
	return ""
}

// notBreachCode is the code of [calc.notBreach]: empty when the outcome is a breach.
func (c *calc) notBreachCode() NotRequiredReason {
	d := c.i.Determination
	if d == nil {
		return ""
	}
	switch d.Outcome {
	case OutcomeNotPHI:
		return NotRequiredNotPHI
	case OutcomeSecured:
		return NotRequiredSecured
	case OutcomeException:
		return NotRequiredException
	case OutcomeLowProbability:
		return NotRequiredLowProbability
	}
	return ""
}

// waiver says why a notice is not required, as a code and for people; the zero waiver
// means it is required.
type waiver struct {
	code NotRequiredReason
	text string
}

// firstWaiver returns the first of ws that waives the notice, or the zero waiver.
func firstWaiver(ws ...waiver) waiver {
	for _, w := range ws {
		if w.text != "" {
			return w
		}
	}
	return waiver{}
}

// federal adds the obligations of 45 CFR 164.404-410 and returns the indexes of the
// individual notice and the HHS notice.
func (c *calc) federal() (ind, hhs int) {
	i := c.i
	notReq, notCode := c.notBreach(), c.notBreachCode()
	status := Status("")
	if notReq != "" {
		status = StatusNotRequired
	}
	presumed := ""
	if i.Determination == nil {
		presumed = " No determination is recorded, so a breach is presumed (45 CFR 164.402(2))."
	}
	delay := c.delayNote()
	sixty := statelaws.Period{Days: NoticeDays, Kind: statelaws.CalendarDays}
	due := c.fromDiscovery(sixty)

	noContact, deceased := 0, 0
	for _, a := range i.Affected {
		noContact += a.NoContact
		deceased += a.Deceased
	}
	count, fewer := "count not yet known", fmt.Sprintf("The count is not yet known, so fewer than %d are assumed", HHSThreshold)
	if i.Total > 0 {
		count, fewer = fmt.Sprintf("%d", i.Total), fmt.Sprintf("%d individuals, fewer than %d", i.Total, HHSThreshold)
	}

	// 45 CFR 164.404(b): individuals, no later than 60 calendar days after discovery.
	reason := fmt.Sprintf("Notify each affected individual without unreasonable delay and no later than %d calendar days after discovery on %s (45 CFR 164.404(b)), by first-class mail or agreed e-mail, with the content of 164.404(c).", NoticeDays, c.disc)
	if deceased > 0 {
		reason += fmt.Sprintf(" %d deceased: notify the next of kin or personal representative where the address is known (164.404(d)(1)(ii)).", deceased)
	}
	ind = c.add(Obligation{
		Key: KeyIndividuals, Party: PartyIndividuals, Recipient: "affected individuals (" + count + ")",
		Deadline: due, Citation: "45 CFR 164.404(b)", Reason: reason + presumed + delay,
		Status: status, NotRequired: notReq, NotRequiredCode: notCode,
	})

	// 45 CFR 164.404(d)(2): substitute notice, with the individual notice.
	if noContact > 0 {
		cite, how := "45 CFR 164.404(d)(2)(i)", "an alternative form of written notice, telephone or other means"
		if noContact >= SubstituteThreshold {
			cite, how = "45 CFR 164.404(d)(2)(ii)", "a conspicuous posting on the home page of the web site for 90 days or notice in major print or broadcast media where they likely live, and a toll-free number active for at least 90 days"
		}
		c.add(Obligation{
			Key: KeySubstitute, Party: PartySubstituteNotice,
			Recipient: fmt.Sprintf("%d individuals without sufficient contact information", noContact),
			Deadline:  due, Citation: cite,
			Reason: fmt.Sprintf("Contact information is insufficient or out of date for %d individuals: give substitute notice by %s, with the individual notice (%s).", noContact, how, cite) + presumed + delay,
			Status: status, NotRequired: notReq, NotRequiredCode: notCode,
		})
	}

	// 45 CFR 164.404(d)(3): urgent telephone notice when misuse may be imminent.
	if i.MisuseImminent {
		c.add(Obligation{
			Key: KeyTelephone, Party: PartyTelephone, Recipient: "affected individuals, urgently",
			Deadline: due, Citation: "45 CFR 164.404(d)(3)",
			Reason: "Possible imminent misuse makes the situation urgent: also contact individuals by telephone or other means as soon as possible, in addition to the written notice (45 CFR 164.404(d)(3)); the deadline shown is the written notice's." + presumed + delay,
			Status: status, NotRequired: notReq, NotRequiredCode: notCode,
		})
	}

	// 45 CFR 164.406: media, for each State with more than 500 affected residents.
	for _, a := range sortedAffected(i.Affected) {
		if a.Count <= MediaThreshold {
			continue
		}
		c.add(Obligation{
			Key: MediaKey(a.State), Party: PartyMedia, State: a.State,
			Recipient: "prominent media outlets serving " + string(a.State),
			Deadline:  due, Citation: "45 CFR 164.406",
			Reason: fmt.Sprintf("%d residents of %s are affected, more than %d: notify prominent media outlets serving it without unreasonable delay and no later than %d calendar days after discovery (45 CFR 164.406(b)), with the content of 164.404(c).", a.Count, a.State, MediaThreshold, NoticeDays) + presumed + delay,
			Status: status, NotRequired: notReq, NotRequiredCode: notCode,
		})
	}

	// 45 CFR 164.408: HHS, with the individual notice for 500 or more, else annually.
	hhsOb := Obligation{Key: KeyHHS, Party: PartyHHS, Recipient: "Secretary of HHS (breach portal)", Status: status, NotRequired: notReq, NotRequiredCode: notCode}
	if i.Total >= HHSThreshold {
		hhsOb.Deadline, hhsOb.Citation = due, "45 CFR 164.408(b)"
		hhsOb.Reason = fmt.Sprintf("%d individuals, %d or more: notify HHS contemporaneously with the individual notice and no later than %d calendar days after discovery (45 CFR 164.408(b)).", i.Total, HHSThreshold, NoticeDays)
		// The legal bound stays the 60 days: the count may reach 500 only after the
		// individual notices went out, and the deadline must not fall before the day
		// the duty arose.
		if n, ok := c.sent[KeyIndividuals]; ok {
			hhsOb.Reason += fmt.Sprintf(" The individual notice went out on %s: notify HHS at the same time where still possible.", n.SentOn)
		}
	} else {
		y := c.disc.Year()
		hhsOb.Deadline, hhsOb.Citation = c.notBefore(HHSAnnualDeadline(y)), "45 CFR 164.408(c)"
		hhsOb.Reason = fmt.Sprintf("%s: log the breach and report it to HHS no later than 60 days after the end of %d (45 CFR 164.408(c)); it may be reported earlier. Recompute if the count reaches %d.", fewer, y, HHSThreshold)
	}
	hhsOb.Reason += presumed + delay
	hhs = c.add(hhsOb)

	// 45 CFR 164.410(b): the business associate's notice to the covered entity.
	if i.DiscoveredBy == DiscovererBusinessAssociate {
		days, cite := NoticeDays, "45 CFR 164.410(b)"
		if i.BAReportingDays > 0 && i.BAReportingDays < NoticeDays {
			days, cite = i.BAReportingDays, "45 CFR 164.410(b); BAA"
		}
		ba := "business associate"
		if i.Vendor != "" {
			ba += " " + string(i.Vendor)
		}
		c.add(Obligation{
			Key: KeyBANotice, Party: PartyBusinessAssociate, Recipient: "the covered entity, from the " + ba,
			Deadline: c.fromDiscovery(statelaws.Period{Days: days, Kind: statelaws.CalendarDays}), Citation: cite,
			Reason: fmt.Sprintf("The %s discovered the breach on %s: it notifies the covered entity without unreasonable delay and no later than %d calendar days after (45 CFR 164.410(b); a BAA may set fewer days), identifying each individual affected and giving what the entity needs for its own notices as it becomes available (164.410(c)). The entity's own deadlines count from the same day, as if the business associate were its agent (164.404(a)(2)), the earliest they can run.", ba, c.disc, days) + presumed + delay,
			Status: status, NotRequired: notReq, NotRequiredCode: notCode,
		})
	}
	return ind, hhs
}

// sortedAffected returns the affected States with residents, sorted by code.
func sortedAffected(as []Affected) []Affected {
	out := slices.DeleteFunc(slices.Clone(as), func(a Affected) bool { return a.Count <= 0 })
	slices.SortFunc(out, func(a, b Affected) int { return cmp.Compare(a.State, b.State) })
	return out
}

// triggerName describes a State trigger for people.
func triggerName(t statelaws.Trigger) string {
	switch t {
	case statelaws.TriggerDetermination:
		return "the determination that a breach occurred"
	case statelaws.TriggerAwareness:
		return "awareness of the breach and its scope"
	case statelaws.TriggerDetection:
		return "detection"
	}
	return "discovery"
}

// states adds the obligations of the State rules for each State with affected residents.
func (c *calc) states(rules *statelaws.Set, fedInd, fedHHS int) {
	i := c.i
	breach := c.notBreach() == ""
	for _, a := range sortedAffected(i.Affected) {
		rs := rules.For(a.State)
		for _, r := range rs {
			c.rule(r, a, breach, fedInd, fedHHS)
		}
		if len(rs) == 0 {
			// state-laws.md lists States not yet researched: show them so the law is checked.
			c.add(Obligation{
				Key: StateKey(string(a.State), "not-researched"), Party: PartyStateIndividuals, State: a.State,
				Recipient:  fmt.Sprintf("%d residents of %s", a.Count, a.State),
				Reason:     fmt.Sprintf("The rule set has no breach law for %s: check its law for the notices and deadlines it requires.", a.State),
				Unverified: true,
			})
		}
	}
}

// StateKey returns the key of an obligation under a State rule: "state:", the rule ID, ":"
// and the part, e.g. StateKey("NY-899-aa", "individuals") is "state:NY-899-aa:individuals"
// and a regulator's part is its name. A State without rules has the key
// "state:XX:not-researched".
func StateKey(rule, part string) string { return "state:" + rule + ":" + part }

// unverified reports whether the rule's own mark or any of marks (parts of it; empty
// means the rule's mark) is [statelaws.MarkUnverified].
func unverified(r *statelaws.Rule, marks ...statelaws.Mark) bool {
	return r.Mark == statelaws.MarkUnverified || slices.Contains(marks, statelaws.MarkUnverified)
}

// rule adds the obligations of one State rule for the residents counted in a.
func (c *calc) rule(r statelaws.Rule, a Affected, breach bool, fedInd, fedHHS int) {
	i := c.i
	common := unverified(&r, r.HIPAAMark, r.ElementsMark, r.ScopeMark)

	var notes []string
	if r.Trigger != statelaws.TriggerDiscovery {
		notes = append(notes, fmt.Sprintf("The law counts from %s; this package counts from discovery (%s), which never comes later, so the deadline may be earlier than the law's.", triggerName(r.Trigger), c.disc))
	}
	if r.Scope != "" {
		notes = append(notes, "Applies to: "+r.Scope+".")
	}
	if r.EffectiveOn != date.Zero && c.disc < r.EffectiveOn {
		notes = append(notes, fmt.Sprintf("The rule as modeled took effect on %s, after discovery: an earlier version may govern; check it.", r.EffectiveOn))
		common = true
	}
	if !breach {
		notes = append(notes, "The federal outcome does not decide this law: check its own definition of a breach (e.g. encryption, risk of harm).")
	}
	if len(i.Elements) == 0 {
		notes = append(notes, "No data elements are recorded, so the law is assumed to count them.")
	}
	if r.HIPAA == statelaws.HIPAAPartial {
		notes = append(notes, "Some provisions apply to HIPAA-regulated entities and others do not; check which.")
	}
	if r.HIPAA == statelaws.HIPAAUnknown {
		notes = append(notes, "How the law treats HIPAA-regulated entities is not established; it is treated as applying.")
		common = true
	}
	if r.Note != "" {
		notes = append(notes, r.Note)
	}
	if d := c.delayNote(); d != "" {
		notes = append(notes, strings.TrimSpace(d)+" The State's own delay provision should be checked.")
	}
	note := ""
	if len(notes) > 0 {
		note = " " + strings.Join(notes, " ")
	}

	// Why nothing under the rule is required, if so.
	ruleOff := waiver{}
	if len(i.Elements) > 0 && !r.Counts(i.Elements) {
		ruleOff = waiver{NotRequiredElements, fmt.Sprintf("the data elements involved (%s) are not ones %s counts", joinElements(i.Elements), r.Citation)}
	}
	// hipaaOff says why a HIPAA-regulated entity need not send a notice under the rule, or
	// is empty; regulator says whether the notice is a regulator's, and applies whether it
	// is marked as applying to HIPAA-regulated entities.
	hipaaOff := func(regulator, applies bool) waiver {
		switch r.HIPAA {
		case statelaws.HIPAAExempt:
			return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("%s does not apply to HIPAA-regulated entities", r.Citation)}
		case statelaws.HIPAAExemptExceptRegulator:
			if !regulator || !applies {
				return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("%s exempts HIPAA-regulated entities from this notice", r.Citation)}
			}
		case statelaws.HIPAAPartial:
			if regulator && !applies {
				return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("under %s this notice is not required of HIPAA-regulated entities", r.Citation)}
			}
		case statelaws.HIPAADeemedCompliant:
			// Deemed compliance rests on the HIPAA notice; without one the law applies.
			if breach && (!regulator || !applies) {
				return waiver{NotRequiredDeemedCompliant, fmt.Sprintf("a HIPAA-regulated entity notifying under 45 CFR 164.404 is deemed to comply with %s", r.Citation)}
			}
		}
		return waiver{}
	}

	// The residents' notice.
	indOff := firstWaiver(ruleOff, hipaaOff(false, false))
	ind := Obligation{
		Key: StateKey(r.ID, "individuals"), Party: PartyStateIndividuals, State: a.State,
		Recipient: fmt.Sprintf("%d residents of %s", a.Count, a.State),
		Deadline:  c.fromDiscovery(r.Individuals), Citation: r.Citation,
		Unverified: common || unverified(&r, r.IndividualsMark),
	}
	if r.Individuals.Fixed() {
		ind.Reason = fmt.Sprintf("%s: notify residents within %s after %s.", r.Title, r.Individuals, triggerName(r.Trigger)) + note
	} else {
		ind.Reason = fmt.Sprintf("%s: notify residents in the most expedient time possible; the law fixes no number of days.", r.Title) + note
	}
	if indOff.text != "" {
		ind.Status, ind.NotRequired, ind.NotRequiredCode = StatusNotRequired, indOff.text, indOff.code
	}
	indIdx := c.add(ind)

	// The regulators' notices.
	seen := map[string]int{}
	for _, n := range r.Regulators {
		key := StateKey(r.ID, n.Regulator)
		if seen[n.Regulator]++; seen[n.Regulator] > 1 {
			key = fmt.Sprintf("%s:%d", key, seen[n.Regulator])
		}
		cite := cmp.Or(n.Citation, r.Citation)
		o := Obligation{
			Key: key, Party: PartyStateRegulator, State: a.State, Recipient: n.Regulator,
			Citation: cite, Unverified: common || unverified(&r, n.Mark),
		}
		off := firstWaiver(ruleOff, hipaaOff(true, n.AppliesToHIPAA))
		if off.text == "" && !n.Required(a.Count) {
			off = waiver{NotRequiredBelowThreshold, fmt.Sprintf("%d residents of %s are affected, fewer than the %d that require this notice (%s)", a.Count, a.State, n.MinResidents, cite)}
		}
		var when string
		switch n.Relative {
		case statelaws.RelTrigger:
			o.Deadline = c.fromDiscovery(n.Deadline)
			when = fmt.Sprintf("within %s after %s", n.Deadline, triggerName(r.Trigger))
			if !n.Deadline.Fixed() {
				when = "with no fixed number of days"
			}
		case statelaws.RelIndividualNotice, statelaws.RelWithIndividuals, statelaws.RelBeforeIndividuals:
			anchor, from := c.individualsAnchor(indIdx, fedInd)
			switch n.Relative {
			case statelaws.RelIndividualNotice:
				o.Deadline = c.notBefore(n.Deadline.After(c.cal, anchor))
				when = fmt.Sprintf("within %s after notifying residents", n.Deadline)
			case statelaws.RelWithIndividuals:
				o.Deadline = c.notBefore(anchor)
				when = "no later than when residents are notified"
			default:
				o.Deadline = c.notBefore(anchor)
				when = "before residents are notified"
			}
			when += from
		case statelaws.RelHHSNotice:
			h := &c.out[fedHHS]
			if !h.required() {
				if off.text == "" {
					off = waiver{NotRequiredNoHHSNotice, "no HHS notice is due under 45 CFR 164.408"}
				}
				break
			}
			anchor := h.Deadline
			from := fmt.Sprintf(" (the HHS notice is due by %s)", anchor)
			if h.Status == StatusSent {
				anchor, from = h.SentOn, fmt.Sprintf(" (HHS was notified on %s)", h.SentOn)
			}
			o.Deadline = c.notBefore(n.Deadline.After(c.cal, anchor))
			when = fmt.Sprintf("within %s after notifying HHS", n.Deadline) + from
		}
		o.Reason = fmt.Sprintf("%s: notify %s %s.", r.Title, n.Regulator, when)
		if n.Note != "" {
			o.Reason += " " + n.Note
		}
		o.Reason += note
		if off.text != "" {
			o.Status, o.NotRequired, o.NotRequiredCode = StatusNotRequired, off.text, off.code
		}
		c.add(o)
	}
}

// individualsAnchor returns the day residents are, or must at the latest be, notified: the
// earliest of the State notice and the federal one that are required, each on the day it
// was sent or else its deadline; zero when neither has a day. from describes it.
func (c *calc) individualsAnchor(stateInd, fedInd int) (anchor date.Date, from string) {
	for _, k := range []int{stateInd, fedInd} {
		o := &c.out[k]
		if !o.required() {
			continue
		}
		d, what := o.Deadline, fmt.Sprintf(" (the %s notice is due by %s)", o.Key, o.Deadline)
		if o.Status == StatusSent {
			d, what = o.SentOn, fmt.Sprintf(" (the %s notice went out on %s)", o.Key, o.SentOn)
		}
		if d != date.Zero && (anchor == date.Zero || d < anchor) {
			anchor, from = d, what
		}
	}
	if anchor == date.Zero {
		from = " (no day is fixed for notifying residents)"
	}
	return anchor, from
}

// joinElements lists data elements for people.
func joinElements(es []statelaws.DataElement) string {
	s := make([]string, len(es))
	for k, e := range es {
		s[k] = string(e)
	}
	return strings.Join(s, ", ")
}

// Diff compares two computations of an incident's obligations: added are those in after
// and not in before, removed those in before and not in after. Obligations are the same
// when their key, deadline and whether they are required match, so a moved deadline or a
// notice that became required or not required shows as one removed and one added; a
// notice recorded as sent is not a change. A change that adds or removes an obligation is
// an event. Both lists are sorted like [Obligations].
func Diff(before, after []Obligation) (added, removed []Obligation) {
	type id struct {
		key      string
		deadline date.Date
		required bool
	}
	ident := func(o *Obligation) id { return id{o.Key, o.Deadline, o.required()} }
	in := func(os []Obligation) map[id]bool {
		m := make(map[id]bool, len(os))
		for k := range os {
			m[ident(&os[k])] = true
		}
		return m
	}
	b, a := in(before), in(after)
	for k := range after {
		if !b[ident(&after[k])] {
			added = append(added, after[k])
		}
	}
	for k := range before {
		if !a[ident(&before[k])] {
			removed = append(removed, before[k])
		}
	}
	sortObligations(added)
	sortObligations(removed)
	return added, removed
}
