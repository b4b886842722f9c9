package incident

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
// are "state:", the rule ID, ":" and the notice's code ("individuals" for the residents').
// Keys are built from codes only, never from display names.
const (
	KeyIndividuals = "individuals"
	KeySubstitute  = "substitute-notice"
	KeyTelephone   = "telephone"
	KeyHHS         = "hhs"
	KeyBANotice    = "ba-notice"
	// KeyMediaUnknownState is the media notice that may be owed for individuals whose
	// State is not known, when more than 500 of them could reside in one State.
	KeyMediaUnknownState = "media:unknown-state"
)

// SubstitutePeriodDays is how long a web posting is kept and a toll-free number stays
// active, from the day of the substitute notice (45 CFR 164.404(d)(2)(ii)).
const SubstitutePeriodDays = 90

// MediaKey returns the key of the media obligation for State s.
func MediaKey(s statelaws.Code) string { return "media:" + string(s) }

// StateKey returns the key of an obligation under a State rule: "state:", the rule ID, ":"
// and the notice's code, e.g. StateKey("NY-899-aa", "individuals") is
// "state:NY-899-aa:individuals" and StateKey("NY-899-aa", "ag-hhs-copy") the copy of the
// HHS notice to New York's Attorney General. A State without rules has the key
// "state:XX:not-researched".
func StateKey(rule, part string) string { return "state:" + rule + ":" + part }

// Anchor is what an obligation's deadline counts from: an event and its day.
type Anchor struct {
	// Event is the event.
	Event AnchorEvent `json:"event"`
	// On is its day: the day it happened, or the deadline by which it must happen when
	// it has not yet (a notice to residents not yet sent).
	On date.Date `json:"on"`
}

// Obligation is one notice the incident requires, or would require, with its deadline and
// the section it comes from.
type Obligation struct {
	// Key identifies the obligation within its incident, deterministically, from codes:
	// a [Notice] with the same key meets it.
	Key string `json:"key"`
	// Party is who receives the notice, or its kind.
	Party Party `json:"party"`
	// Recipient says who receives the notice, for people.
	Recipient string `json:"recipient"`
	// State is the State or jurisdiction, for media and State obligations.
	State statelaws.Code `json:"state,omitempty"`
	// Rule and Part name the State rule (its ID) and the notice under it ("individuals"
	// or the notice's code); empty for federal obligations.
	Rule string `json:"rule,omitempty"`
	Part string `json:"part,omitempty"`
	// Deadline is the last day to send the notice; zero when there is no fixed deadline
	// (and for obligations not required).
	Deadline date.Date `json:"deadline,omitzero"`
	// CountsFrom is what the deadline counts from; zero when there is no deadline.
	CountsFrom Anchor `json:"counts_from,omitzero"`
	// Citation is the section that requires the notice.
	Citation string `json:"citation"`
	// Mark is how well the rule the obligation rests on was checked: [statelaws.MarkStatute]
	// for the federal rule, the State rule's part mark for a State's.
	Mark statelaws.Mark `json:"mark"`
	// Reason explains the obligation and how its deadline was computed.
	Reason string `json:"reason"`
	// Status is pending, sent, not_required or recommended.
	Status Status `json:"status"`
	// SentOn and Method come from the [Notice] recorded with the same key (the first
	// one, or for a substitute notice the one that meets it).
	SentOn date.Date `json:"sent_on,omitzero"`
	Method string    `json:"method,omitempty"`
	// Remaining is how many individuals a notice to individuals has not yet reached, when
	// the count grew after notices went out (45 CFR 164.404(a)(1)).
	Remaining int `json:"remaining,omitempty"`
	// PostingUntil and TollFreeUntil are the last days of a substitute notice's web
	// posting and toll-free number (45 CFR 164.404(d)(2)(ii): at least 90 days).
	PostingUntil  date.Date `json:"posting_until,omitzero"`
	TollFreeUntil date.Date `json:"toll_free_until,omitzero"`
	// NotRequired says why the notice is not required, when Status is not_required.
	NotRequired string `json:"not_required,omitempty"`
	// NotRequiredCode says why as a code, when Status is not_required.
	NotRequiredCode NotRequiredReason `json:"not_required_code,omitempty"`
	// Decision is counsel's decision that the notice is not required, when recorded.
	Decision *Decision `json:"decision,omitempty"`
	// Review says what counsel must decide, with [FlagCounselReview]: for example that
	// the notice would not be required if an unverified exemption holds.
	Review string `json:"review,omitempty"`
	// Flags say what a person must know before relying on the obligation.
	Flags []Flag `json:"flags"`
	// Unverified is true when the State rule, or the part of it the obligation rests on,
	// is marked unverified ([FlagUnverified]): show it as such and have it checked.
	Unverified bool `json:"unverified,omitempty"`
}

// required reports whether the obligation is required.
func (o *Obligation) required() bool { return o.Status != StatusNotRequired }

// Has reports whether the obligation carries flag f.
func (o Obligation) Has(f Flag) bool { return slices.Contains(o.Flags, f) }

// flag adds flags to o, once each.
func (o *Obligation) flag(fs ...Flag) {
	for _, f := range fs {
		if !slices.Contains(o.Flags, f) {
			o.Flags = append(o.Flags, f)
		}
	}
}

// Options tunes [Obligations]. The zero value uses the default rules, calendar and policy.
type Options struct {
	// Rules are the State rules; nil means statelaws.Default().
	Rules *statelaws.Set
	// Calendar adds holidays to the federal ones (weekends and the US federal holidays of
	// statelaws.FederalHolidays) for periods counted in business days; with
	// ReplaceCalendar it replaces them. Nil adds none.
	Calendar statelaws.Calendar
	// ReplaceCalendar makes Calendar the only calendar, instead of one added to the
	// federal holidays.
	ReplaceCalendar bool
	// StateCalendars add a State's own holidays to the calendar in use, for that State's
	// periods only.
	StateCalendars map[statelaws.Code]statelaws.Calendar
	// DelayPolicy says how a law-enforcement delay moves deadlines; empty means [DelayToll].
	DelayPolicy DelayPolicy
}

// Validate checks the options: a known delay policy, and State calendars under known
// codes, none nil. The errors match [validation.ErrInvalid].
func (opts Options) Validate() error {
	if p := opts.DelayPolicy; p != "" && !p.Valid() {
		return validation.New(pkg, "options.delay_policy", "%q is not one of %v", string(p), delayPolicyValues)
	}
	for code, cal := range opts.StateCalendars {
		if !code.Valid() {
			return validation.New(pkg, "options.state_calendars", "%q is not a known USPS State or jurisdiction code", string(code))
		}
		if cal == nil {
			return validation.New(pkg, "options.state_calendars", "the calendar of %s is nil", code)
		}
	}
	return nil
}

// calendars is a calendar whose holidays are those of any of its members.
type calendars []statelaws.Calendar

// Holiday reports whether any member calendar has d as a holiday.
func (cs calendars) Holiday(d date.Date) bool {
	for _, c := range cs {
		if c.Holiday(d) {
			return true
		}
	}
	return false
}

// HHSAnnualDeadline returns the last day to report to HHS the breaches of fewer than 500
// individuals discovered in year: 60 days after the end of that calendar year, which is
// March 1, or February 29 in a leap year (45 CFR 164.408(c)).
func HHSAnnualDeadline(year int) date.Date {
	return date.New(year, 12, 31) + NoticeDays // 45 CFR 164.408(c)
}

// delays are the law-enforcement delays a rule honours: the days delayed and their end.
type delays struct {
	spans []span
	end   date.Date
}

// calc holds what every obligation of one incident is computed from.
type calc struct {
	i       *Incident
	disc    date.Date
	cal     statelaws.Calendar
	opts    Options
	policy  DelayPolicy
	fed     delays
	breach  bool
	sent    map[string][]Notice // by key, in the order recorded
	decided map[string]Decision
	out     []Obligation
}

// Obligations returns every notice the incident requires under the Breach Notification Rule
// (45 CFR 164.400-414) and the State rules of the States where affected individuals
// reside, sorted by deadline (no deadline last), then key. An invalid incident or option is
// a validation error. Every obligation carries its citation and mark.
//
// The outcome is the determination's; with none a breach is presumed (45 CFR 164.402(2)).
// When the outcome is not a breach, each federal obligation is listed as not required with
// the reason. State obligations are computed beside the federal ones for every State with
// affected residents: State laws define a breach in their own terms, so a federal outcome
// other than breach is noted but does not remove them.
//
// Counts stay honest: a zero Total (not yet known) is treated as 500 or more, so HHS and
// media are due within 60 days, flagged [FlagCountUnknown], until a count is recorded; a
// State's uncounted residents meet its thresholds. A notice to individuals records how
// many it reached; when the count grows past them the rest are owed again
// ([FlagOwedAgain]). Substitute notice follows the number without contact information,
// State unknown included, and telephone notice under 164.404(d)(3) is an urgent
// recommendation beside the written notice, not a required notice.
//
// State rules are conditional data: each State's deadline counts from its own trigger
// (the determination's day for a law counting from the determination, once one is
// recorded), honours only the law-enforcement delays it honours and runs after one as it
// says, applies its HIPAA treatment, scope, data elements, encryption safe harbor and
// thresholds, and owes the notices its conditions create. An exemption, safe harbor or
// scope resting on an unverified part never clears an obligation: it stays pending,
// flagged [FlagCounselReview], until counsel records a [Decision] that it is not required.
//
// A law-enforcement delay (45 CFR 164.412) moves the federal deadlines by
// opts.DelayPolicy, and no deadline falls before the delay it honours ends. Status is sent
// when a [Notice] with the obligation's key meets it, and pending otherwise.
func Obligations(i *Incident, opts Options) ([]Obligation, error) {
	if i == nil {
		return nil, validation.New(pkg, "incident", "must not be nil")
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	policy := cmp.Or(opts.DelayPolicy, DelayToll)
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
	var cal statelaws.Calendar = statelaws.FederalHolidays()
	switch {
	case opts.Calendar != nil && opts.ReplaceCalendar:
		cal = opts.Calendar
	case opts.Calendar != nil:
		cal = calendars{cal, opts.Calendar}
	}
	c := &calc{
		i: i, disc: i.Discovery(), cal: cal, opts: opts, policy: policy,
		breach: i.outcome() == OutcomeBreach,
		sent:   make(map[string][]Notice, len(i.Notices)), decided: make(map[string]Decision, len(i.Decisions)),
	}
	c.fed = delaysOf(i.Delays)
	for _, n := range i.Notices {
		c.sent[n.Key] = append(c.sent[n.Key], n)
	}
	for _, d := range i.Decisions {
		c.decided[d.Key] = d
	}
	fedInd, fedHHS := c.federal()
	c.states(rules, fedInd, fedHHS)
	c.finish()
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

// add records o, pending unless its status is set, and returns its index.
func (c *calc) add(o Obligation) int {
	if o.Status == "" {
		o.Status = StatusPending
	}
	if o.Mark == "" {
		o.Mark = statelaws.MarkStatute
	}
	c.out = append(c.out, o)
	return len(c.out) - 1
}

// markSent marks o sent by the first notice recorded with its key, unless o is not
// required.
func (c *calc) markSent(o *Obligation) {
	ns := c.sent[o.Key]
	if len(ns) == 0 {
		return
	}
	o.SentOn, o.Method = ns[0].SentOn, ns[0].Method
	if o.required() {
		o.Status = StatusSent
	}
}

// reached applies the notices to individuals of o's key to a count of count individuals
// (0: not yet known): the individuals they reached, summed, and the rest owed again
// (45 CFR 164.404(a)(1)).
func (c *calc) reached(o *Obligation, count int) {
	c.markSent(o)
	if o.Status != StatusSent {
		return
	}
	covered := 0
	for _, n := range c.sent[o.Key] {
		covered += n.Individuals
	}
	switch {
	case count == 0:
		o.Reason += fmt.Sprintf(" Notices sent so far reached %d individuals; the count is not yet known: record it, and any not yet reached are owed notice.", covered)
	case covered < count:
		o.Status, o.Remaining = StatusPending, count-covered
		o.flag(FlagOwedAgain)
		o.Reason += fmt.Sprintf(" Notices sent so far reached %d of the %d individuals now counted: the other %d are owed notice by the same deadline (45 CFR 164.404(a)(1): notify each individual).", covered, count, count-covered)
	}
}

// finish applies counsel's decisions, clears the deadlines of obligations not required
// and sets the flags every obligation shows.
func (c *calc) finish() {
	for k := range c.out {
		o := &c.out[k]
		if d, ok := c.decided[o.Key]; ok && o.Status != StatusSent {
			dd := d
			o.Status, o.NotRequiredCode, o.Decision = StatusNotRequired, NotRequiredCounsel, &dd
			o.NotRequired = fmt.Sprintf("counsel (%s) decided on %s that it is not required: %s (%s)", d.DecidedBy, d.DecidedOn, d.Reason, d.Citation)
			o.Remaining = 0
		}
		if o.Status == StatusNotRequired {
			o.Deadline = date.Zero
		}
		if o.Deadline == date.Zero {
			o.CountsFrom = Anchor{}
		}
		if o.Flags == nil {
			o.Flags = []Flag{}
		}
		o.Unverified = o.Has(FlagUnverified)
	}
}

// delaysOf returns the days delayed by ds and their end.
func delaysOf(ds []Delay) delays {
	return delays{spans: spans(ds), end: DelayEnd(ds)}
}

// delaysFor returns the delays a State rule honours, and whether a recorded delay is not
// honoured by it.
func (c *calc) delaysFor(r *statelaws.Rule) (delays, bool) {
	var honoured []Delay
	for _, d := range c.i.Delays {
		written := d.Kind == DelayWritten
		if written && r.Delay.HonoursWritten() || !written && r.Delay.HonoursOral() {
			honoured = append(honoured, d)
		}
	}
	return delaysOf(honoured), len(honoured) < len(c.i.Delays)
}

// deadline returns the last day p allows after from, counted on cal, with the delays d
// moving it: tolled under the policy, or, when after is fixed, that period after the
// delay ends (Cal. Health & Safety Code 1280.15(c)); never before the delay ends. It is
// zero when p fixes no days.
func (c *calc) deadline(p statelaws.Period, from date.Date, cal statelaws.Calendar, d delays, after statelaws.Period) date.Date {
	if !p.Fixed() || from == date.Zero {
		return date.Zero
	}
	var dl date.Date
	switch {
	case len(d.spans) == 0 || d.end <= from:
		dl = p.After(cal, from)
	case after.Fixed():
		dl = max(p.After(cal, from), after.After(cal, d.end))
	case c.policy == DelayExtend:
		dl = p.After(cal, from)
	case p.Kind == statelaws.BusinessDays:
		// DelayToll: delayed days are not business days, so the count stops during them.
		dl = p.After(delayedCalendar{base: cal, spans: d.spans, from: from}, from)
	default:
		dl = tollCalendar(from, p.After(cal, from), d.spans)
	}
	return notBefore(dl, d.end)
}

// notBefore moves a set deadline dl to end when it is earlier: no deadline falls before
// the delay ends (45 CFR 164.412; breach-notification.md).
func notBefore(dl, end date.Date) date.Date {
	if dl != date.Zero && dl < end {
		return end
	}
	return dl
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

// delayNote describes the delays d, or is empty when there are none.
func (c *calc) delayNote(d delays) string {
	if d.end == date.Zero {
		return ""
	}
	how := "the clock stopped for the delayed days"
	if c.policy == DelayExtend {
		how = "the deadline is the later of the original one and the delay's end"
	}
	return fmt.Sprintf(" Law-enforcement delay until %s (45 CFR 164.412): %s, and no deadline falls before the delay ends.", d.end, how)
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

// waiver says why a notice is not required, as a code and for people, and how well the
// part it rests on was checked; the zero waiver means it is required.
type waiver struct {
	code NotRequiredReason
	text string
	mark statelaws.Mark
}

// apply applies the first of ws that waives the notice on a checked part: o is then not
// required. A waiver resting on an unverified part does not clear o: it stays as it is,
// flagged for counsel, with the waiver in its Review (unverified never silently clears).
func apply(o *Obligation, ws ...waiver) {
	var reviews []string
	for _, w := range ws {
		if w.text == "" {
			continue
		}
		if w.mark == statelaws.MarkUnverified {
			reviews = append(reviews, w.text)
			continue
		}
		o.Status, o.NotRequired, o.NotRequiredCode = StatusNotRequired, w.text, w.code
		return
	}
	if len(reviews) > 0 {
		o.flag(FlagCounselReview, FlagUnverified)
		o.Review = joinSentences(o.Review, "It would not be required if "+strings.Join(reviews, "; or if ")+", but that rests on an unverified part of the rule: counsel confirms and records a decision, or the notice is sent.")
	}
}

// joinSentences joins non-empty sentences with a space.
func joinSentences(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
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
	delay := c.delayNote(c.fed)
	var baFlags []Flag
	if i.DiscoveredBy == DiscovererBusinessAssociate {
		switch {
		case i.BAAgent:
			delay += fmt.Sprintf(" The business associate is the practice's agent, so its discovery on %s is the practice's (45 CFR 164.404(a)(2); 74 FR 42740; 78 FR 5566).", c.disc)
		case i.BAReportedOn != date.Zero:
			delay += fmt.Sprintf(" The business associate is not the practice's agent: the practice's clock starts on %s, when it reported the breach (74 FR 42740; 78 FR 5566).", i.BAReportedOn)
		default:
			delay += fmt.Sprintf(" The business associate is not recorded as the practice's agent and the day it reported is not recorded: the practice's deadlines count from its discovery on %s, the earliest day; record ba_reported_on.", c.disc)
			baFlags = append(baFlags, FlagBAReportNotRecorded)
		}
	}
	sixty := statelaws.Period{Days: NoticeDays, Kind: statelaws.CalendarDays}
	due := c.deadline(sixty, c.disc, c.cal, c.fed, statelaws.Period{})
	fromDisc := Anchor{AnchorDiscovery, c.disc}

	noContact, deceased, located := i.NoContactUnknownState, i.DeceasedUnknownState, 0
	for _, a := range i.Affected {
		noContact += a.NoContact
		deceased += a.Deceased
		located += a.Count
	}
	known := i.Total > 0
	count := "count not yet known"
	if known {
		count = strconv.Itoa(i.Total)
	}
	fed := func(o Obligation) Obligation {
		o.Status, o.NotRequired, o.NotRequiredCode = status, notReq, notCode
		o.Mark = statelaws.MarkStatute
		o.flag(baFlags...)
		return o
	}

	// 45 CFR 164.404(b): individuals, no later than 60 calendar days after discovery.
	reason := fmt.Sprintf("Notify each affected individual without unreasonable delay and no later than %d calendar days after discovery on %s (45 CFR 164.404(b)), in writing by first-class mail, or by e-mail if the individual agreed (164.404(d)(1)(i)), with the content of 164.404(c).", NoticeDays, c.disc)
	if deceased > 0 {
		reason += fmt.Sprintf(" %d deceased: notify the next of kin or personal representative in writing by first-class mail where the address is known (164.404(d)(1)(ii)).", deceased)
	}
	o := fed(Obligation{
		Key: KeyIndividuals, Party: PartyIndividuals, Recipient: "affected individuals (" + count + ")",
		Deadline: due, CountsFrom: fromDisc, Citation: "45 CFR 164.404(b)", Reason: reason + presumed + delay,
	})
	if !known {
		o.flag(FlagCountUnknown)
	}
	c.reached(&o, i.Total)
	ind = c.add(o)

	// 45 CFR 164.404(d)(2): substitute notice, with the individual notice.
	if noContact > 0 {
		c.add(c.substitute(fed(Obligation{
			Key: KeySubstitute, Party: PartySubstituteNotice,
			Recipient: fmt.Sprintf("%d individuals without sufficient contact information", noContact),
			Deadline:  due, CountsFrom: fromDisc,
		}), noContact, presumed+delay))
	}

	// 45 CFR 164.404(d)(3): urgent telephone notice when misuse may be imminent: the
	// rule permits it ("may"), in addition to the written notice, so it is recommended.
	if i.MisuseImminent {
		o := fed(Obligation{
			Key: KeyTelephone, Party: PartyTelephone, Recipient: "affected individuals, urgently",
			Citation: "45 CFR 164.404(d)(3)",
			Reason:   "Possible imminent misuse makes the situation urgent: the entity may also contact individuals by telephone or other means as soon as possible, in addition to the written notice, which stays required by its own deadline (45 CFR 164.404(d)(3)). Recommended, with no deadline of its own." + presumed + delay,
		})
		if o.Status == "" {
			o.Status = StatusRecommended
		}
		o.flag(FlagUrgent)
		c.markSent(&o)
		c.add(o)
	}

	// 45 CFR 164.406: media, for each State with more than 500 affected residents; a
	// State whose residents are not yet counted may have more.
	media := func(key string, state statelaws.Code, recipient, why string, unknown bool) {
		o := fed(Obligation{
			Key: key, Party: PartyMedia, State: state, Recipient: recipient,
			Deadline: due, CountsFrom: fromDisc, Citation: "45 CFR 164.406",
			Reason: why + fmt.Sprintf(" Notify prominent media outlets serving it without unreasonable delay and no later than %d calendar days after discovery (45 CFR 164.406(b)), with the content of 164.404(c).", NoticeDays) + presumed + delay,
		})
		if unknown {
			o.flag(FlagCountUnknown)
		}
		c.markSent(&o)
		c.add(o)
	}
	for _, a := range sortedAffected(i.Affected) {
		switch {
		case a.Count == 0:
			media(MediaKey(a.State), a.State, "prominent media outlets serving "+string(a.State),
				fmt.Sprintf("The residents of %s affected are not yet counted: treated as more than %d until they are (45 CFR 164.406(a)).", a.State, MediaThreshold), true)
		case a.Count > MediaThreshold:
			media(MediaKey(a.State), a.State, "prominent media outlets serving "+string(a.State),
				fmt.Sprintf("%d residents of %s are affected, more than %d.", a.Count, a.State, MediaThreshold), false)
		}
	}
	if unlocated := i.Total - located; known && unlocated > MediaThreshold || !known && len(i.Affected) == 0 {
		why := fmt.Sprintf("%d individuals' State of residence is not known: more than %d of them may reside in one State (45 CFR 164.406(a)); record their States.", unlocated, MediaThreshold)
		if !known {
			why = fmt.Sprintf("The count and the States of residence are not yet known: treated as more than %d residents of a State until they are (45 CFR 164.406(a)).", MediaThreshold)
		}
		media(KeyMediaUnknownState, "", "prominent media outlets serving the State where they reside", why, true)
	}

	// 45 CFR 164.408: HHS, with the individual notice for 500 or more, else annually; a
	// count not yet known is treated as 500 or more.
	h := fed(Obligation{Key: KeyHHS, Party: PartyHHS, Recipient: "Secretary of HHS (breach portal)"})
	switch {
	case !known || i.Total >= HHSThreshold:
		h.Deadline, h.CountsFrom, h.Citation = due, fromDisc, "45 CFR 164.408(b)"
		h.Reason = fmt.Sprintf("%d individuals, %d or more: notify HHS contemporaneously with the individual notice and no later than %d calendar days after discovery (45 CFR 164.408(b)).", i.Total, HHSThreshold, NoticeDays)
		if !known {
			h.Reason = fmt.Sprintf("The count is not yet known, so %d or more are assumed: notify HHS contemporaneously with the individual notice and no later than %d calendar days after discovery (45 CFR 164.408(b)). If the count recorded is fewer than %d, the breach goes to the annual log (164.408(c)).", HHSThreshold, NoticeDays, HHSThreshold)
			h.flag(FlagCountUnknown)
		}
		// The legal bound stays the 60 days: the count may reach 500 only after the
		// individual notices went out, and the deadline must not fall before the day
		// the duty arose.
		if ns := c.sent[KeyIndividuals]; len(ns) > 0 {
			h.Reason += fmt.Sprintf(" The individual notice went out on %s: notify HHS at the same time where still possible.", ns[0].SentOn)
		}
	default:
		y := c.disc.Year()
		h.Deadline, h.CountsFrom, h.Citation = notBefore(HHSAnnualDeadline(y), c.fed.end), Anchor{AnchorYearEnd, date.New(y, time.December, 31)}, "45 CFR 164.408(c)"
		h.Reason = fmt.Sprintf("%d individuals, fewer than %d: log the breach and report it to HHS no later than 60 days after the end of %d (45 CFR 164.408(c)); it may be reported earlier. Recompute if the count reaches %d.", i.Total, HHSThreshold, y, HHSThreshold)
	}
	h.Reason += presumed + delay
	c.markSent(&h)
	hhs = c.add(h)

	// 45 CFR 164.410(b): the business associate's notice to the covered entity, from its
	// own discovery, in the BAA's days if fewer than 60.
	if i.DiscoveredBy == DiscovererBusinessAssociate {
		p, cite := sixty, "45 CFR 164.410(b)"
		if i.BAReportingDays > 0 && i.BAReportingDays < NoticeDays {
			p, cite = statelaws.Period{Days: i.BAReportingDays, Kind: cmp.Or(i.BAReportingDayKind, statelaws.CalendarDays)}, "45 CFR 164.410(b); BAA"
		}
		ba := "business associate"
		if i.Vendor != "" {
			ba += " " + string(i.Vendor)
		}
		baDisc := i.BADiscovery()
		o := fed(Obligation{
			Key: KeyBANotice, Party: PartyBusinessAssociate, Recipient: "the covered entity, from the " + ba,
			Deadline: c.deadline(p, baDisc, c.cal, c.fed, statelaws.Period{}), CountsFrom: Anchor{AnchorBADiscovery, baDisc}, Citation: cite,
			Reason: fmt.Sprintf("The %s discovered the breach on %s: it notifies the covered entity without unreasonable delay and no later than %s after (45 CFR 164.410(b); a BAA may set fewer days), identifying each individual affected and giving what the entity needs for its own notices as it becomes available (164.410(c)).", ba, baDisc, p) + presumed + delay,
		})
		o.Flags = slices.DeleteFunc(o.Flags, func(f Flag) bool { return f == FlagBAReportNotRecorded })
		if i.BAReportedOn != date.Zero && o.required() {
			o.Status, o.SentOn, o.Method = StatusSent, i.BAReportedOn, "reported by the business associate"
		} else {
			c.markSent(&o)
		}
		c.add(o)
	}
	return ind, hhs
}

// substitute completes the substitute notice for noContact individuals without
// sufficient contact information: for 10 or more, a web posting or major media and a
// toll-free number, each for 90 days (45 CFR 164.404(d)(2)(ii)); for fewer, any other
// written notice, telephone or other means (164.404(d)(2)(i)). A notice recorded by a
// method that no longer suffices leaves it owed again.
func (c *calc) substitute(o Obligation, noContact int, notes string) Obligation {
	conspicuous := noContact >= SubstituteThreshold
	cite, how := "45 CFR 164.404(d)(2)(i)", "an alternative form of written notice, telephone or other means"
	if conspicuous {
		cite, how = "45 CFR 164.404(d)(2)(ii)", fmt.Sprintf("a conspicuous posting on the home page of the web site for %d days or notice in major print or broadcast media where they likely live, and a toll-free number active for at least %d days", SubstitutePeriodDays, SubstitutePeriodDays)
	}
	o.Citation = cite
	o.Reason = fmt.Sprintf("Contact information is insufficient or out of date for %d individuals: give substitute notice by %s, with the individual notice (%s).", noContact, how, cite) + notes
	ns := c.sent[KeySubstitute]
	if !o.required() || len(ns) == 0 {
		return o
	}
	for k := len(ns) - 1; k >= 0; k-- {
		n := ns[k]
		if conspicuous && (n.Substitute == nil || !n.Substitute.Method.Conspicuous() || !n.Substitute.TollFree) {
			continue
		}
		o.Status, o.SentOn, o.Method = StatusSent, n.SentOn, n.Method
		if n.Substitute != nil && n.Substitute.Method == SubstituteWebPosting {
			o.PostingUntil = n.SentOn + SubstitutePeriodDays - 1
		}
		if n.Substitute != nil && n.Substitute.TollFree {
			o.TollFreeUntil = n.SentOn + SubstitutePeriodDays - 1
		}
		return o
	}
	last := ns[len(ns)-1]
	method, tollFree := SubstituteMethod(""), false
	if last.Substitute != nil {
		method, tollFree = last.Substitute.Method, last.Substitute.TollFree
	}
	o.flag(FlagOwedAgain)
	o.Reason += fmt.Sprintf(" The substitute notice of %s (%s, toll-free number: %t) no longer suffices now that %d individuals, %d or more, lack contact information: give it again by %s.", last.SentOn, method, tollFree, noContact, SubstituteThreshold, how)
	return o
}

// sortedAffected returns the affected States, sorted by code.
func sortedAffected(as []Affected) []Affected {
	out := slices.Clone(as)
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
	for _, a := range sortedAffected(c.i.Affected) {
		rs := rules.For(a.State)
		for k := range rs {
			c.rule(&rs[k], a, fedInd, fedHHS)
		}
		if len(rs) == 0 {
			// A rule set without the State: show it, so the law is checked.
			o := Obligation{
				Key: StateKey(string(a.State), "not-researched"), Party: PartyStateIndividuals, State: a.State,
				Recipient: residents(a), Citation: "no rule for " + string(a.State) + " in the rule set",
				Mark:   statelaws.MarkUnverified,
				Reason: fmt.Sprintf("The rule set has no breach law for %s: check its law for the notices and deadlines it requires.", a.State),
				Review: "Counsel checks the State's law and records what it requires, or a decision that nothing is required.",
			}
			o.flag(FlagNotResearched, FlagUnverified, FlagCounselReview)
			c.add(o)
		}
	}
}

// residents describes a State's affected residents for people.
func residents(a Affected) string {
	if a.Count == 0 {
		return "residents of " + string(a.State) + " (count not yet known)"
	}
	return fmt.Sprintf("%d residents of %s", a.Count, a.State)
}

// stateCalendar is the calendar for State s's periods: the one in use, with the State's
// own holidays added.
func (c *calc) stateCalendar(s statelaws.Code) statelaws.Calendar {
	if sc, ok := c.opts.StateCalendars[s]; ok {
		return calendars{c.cal, sc}
	}
	return c.cal
}

// noHarm reports whether the entity relies on a determination that the breach needs no
// notice: an exception or a low probability of compromise (45 CFR 164.402).
func (c *calc) noHarm() bool {
	d := c.i.Determination
	return d != nil && (d.Outcome == OutcomeException || d.Outcome == OutcomeLowProbability)
}

// rule adds the obligations of one State rule for the residents counted in a.
func (c *calc) rule(r *statelaws.Rule, a Affected, fedInd, fedHHS int) {
	i := c.i
	known := a.Count > 0
	cal := c.stateCalendar(a.State)
	d, ignored := c.delaysFor(r)
	var flags []Flag
	if r.Mark == statelaws.MarkUnverified || r.PartMark(r.HIPAAMark) == statelaws.MarkUnverified && r.HIPAA != statelaws.HIPAAApplies ||
		r.HIPAA == statelaws.HIPAAUnknown {
		flags = append(flags, FlagUnverified)
	}
	if !known {
		flags = append(flags, FlagCountUnknown)
	}

	// What the deadlines count from.
	from, fromEv := c.disc, AnchorDiscovery
	var notes []string
	switch r.Trigger {
	case statelaws.TriggerDetermination:
		if det := i.Determination; det != nil && det.Outcome == OutcomeBreach {
			from, fromEv = det.DecidedOn, AnchorDetermination
			notes = append(notes, fmt.Sprintf("The law counts from the determination that a breach occurred, made on %s.", det.DecidedOn))
		} else {
			flags = append(flags, FlagNoDetermination)
			notes = append(notes, fmt.Sprintf("The law counts from the determination that a breach occurred; none is recorded, so the deadline counts from discovery (%s), the earliest day: record the determination.", c.disc))
		}
	case statelaws.TriggerAwareness, statelaws.TriggerDetection:
		notes = append(notes, fmt.Sprintf("The law counts from %s; this package counts from discovery (%s), which never comes later, so the deadline may be earlier than the law's.", triggerName(r.Trigger), c.disc))
	}
	if r.Scope != "" {
		notes = append(notes, "Applies to: "+r.Scope+".")
	}
	if r.EffectiveOn != date.Zero && c.disc < r.EffectiveOn {
		notes = append(notes, fmt.Sprintf("The rule as modeled took effect on %s, after discovery: an earlier version may govern; check it.", r.EffectiveOn))
		flags = append(flags, FlagEffectiveAfterDiscovery, FlagUnverified)
	}
	if !c.breach {
		notes = append(notes, "The federal outcome does not decide this law: check its own definition of a breach (e.g. encryption, risk of harm).")
	}
	if len(i.Elements) == 0 {
		notes = append(notes, "No data elements are recorded, so the law is assumed to count them.")
	}
	switch r.HIPAA {
	case statelaws.HIPAAPartial:
		notes = append(notes, "Some provisions apply to HIPAA-regulated entities and others do not; check which.")
	case statelaws.HIPAAUnknown:
		notes = append(notes, "How the law treats HIPAA-regulated entities is not established; it is treated as applying.")
	}
	if !known {
		notes = append(notes, "The residents of "+string(a.State)+" affected are not yet counted: every threshold is treated as met until they are.")
	}
	if r.Note != "" {
		notes = append(notes, r.Note)
	}
	if dn := c.delayNote(d); dn != "" {
		how := "The State honours the delay"
		if r.Delay.After.Fixed() {
			how = fmt.Sprintf("The State's deadline is %s after the delay ends", r.Delay.After)
		}
		notes = append(notes, strings.TrimSpace(dn)+" "+how+cite(r.Delay.Citation)+".")
	}
	if ignored {
		flags = append(flags, FlagDelayNotHonoured)
		notes = append(notes, fmt.Sprintf("A law-enforcement delay is recorded that %s does not honour (%s%s): its deadlines do not move for it.", r.Citation, delayHonourName(r.Delay), cite(r.Delay.Citation)))
	}
	note := ""
	if len(notes) > 0 {
		note = " " + strings.Join(notes, " ")
	}
	base := func(o Obligation) Obligation {
		o.State, o.Rule = a.State, r.ID
		o.flag(flags...)
		return o
	}

	// A jurisdiction with no statute found.
	if r.NoStatute {
		o := base(Obligation{
			Key: StateKey(r.ID, "individuals"), Party: PartyStateIndividuals, Part: "individuals",
			Recipient: residents(a), Citation: r.Citation, Mark: r.PartMark(""),
			Reason: fmt.Sprintf("%s: no breach-notification statute was found for %s.", r.Title, a.State.Name()) + note,
		})
		o.flag(FlagNoStatute)
		apply(&o, waiver{NotRequiredNoStatute, fmt.Sprintf("no breach-notification statute applies in %s", a.State.Name()), r.PartMark("")})
		c.add(o)
		return
	}

	// Waivers of every notice under the rule.
	var scope, elements, harbor waiver
	switch r.Reach {
	case statelaws.ReachNotPractice:
		scope = waiver{NotRequiredOutOfScope, fmt.Sprintf("%s reaches only %s, not a medical practice", r.Citation, r.Scope), r.PartMark(r.ScopeMark)}
	}
	if len(i.Elements) > 0 && !r.Counts(i.Elements) {
		elements = waiver{NotRequiredElements, fmt.Sprintf("the data elements involved (%s) are not ones %s counts", joinElements(i.Elements), r.Citation), r.PartMark(r.ElementsMark)}
	}
	if i.Encryption.Encrypted && r.SafeHarbor.Covers(true, i.Encryption.KeyCompromised) {
		harbor = waiver{NotRequiredSafeHarbor, fmt.Sprintf("the data was encrypted and %s's safe harbor covers it%s", r.Citation, cite(r.SafeHarbor.Citation)), r.PartMark(r.SafeHarbor.Mark)}
	}
	review := ""
	switch {
	case r.Reach == statelaws.ReachDepends:
		review = fmt.Sprintf("The law reaches only %s: counsel decides whether the practice is one and records a decision if it is not.", r.Scope)
	case i.Encryption.Encrypted && (r.SafeHarbor.Kind == "" || r.SafeHarbor.Kind == statelaws.HarborUnknown):
		review = "The data was encrypted, and how this law treats encrypted data is not established: counsel decides whether its safe harbor applies and records a decision if so."
	}
	hipaaMark := r.PartMark(r.HIPAAMark)
	// hipaaOff says why a HIPAA-regulated entity need not send a notice under the rule, or
	// is the zero waiver; regulator says whether the notice is a regulator's, and applies
	// whether it is marked as applying to HIPAA-regulated entities.
	hipaaOff := func(regulator, applies bool) waiver {
		switch r.HIPAA {
		case statelaws.HIPAAExempt:
			return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("%s does not apply to HIPAA-regulated entities", r.Citation), hipaaMark}
		case statelaws.HIPAAExemptExceptRegulator:
			if !regulator || !applies {
				return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("%s exempts HIPAA-regulated entities from this notice", r.Citation), hipaaMark}
			}
		case statelaws.HIPAAPartial:
			if regulator && !applies {
				return waiver{NotRequiredHIPAAExempt, fmt.Sprintf("under %s this notice is not required of HIPAA-regulated entities", r.Citation), hipaaMark}
			}
		case statelaws.HIPAADeemedCompliant:
			// Deemed compliance rests on the HIPAA notice; without one the law applies.
			if c.breach && (!regulator || !applies) {
				why := fmt.Sprintf("a HIPAA-regulated entity notifying under 45 CFR 164.404 is deemed to comply with %s", r.Citation)
				if conds := deemedConditions(r); conds != "" {
					why += ", provided it sends " + conds
				}
				return waiver{NotRequiredDeemedCompliant, why, hipaaMark}
			}
		}
		return waiver{}
	}

	// The residents' notice.
	ind := base(Obligation{
		Key: StateKey(r.ID, "individuals"), Party: PartyStateIndividuals, Part: "individuals",
		Recipient: residents(a), Citation: r.Citation, Mark: r.PartMark(r.IndividualsMark),
		Deadline: c.deadline(r.Individuals, from, cal, d, r.Delay.After), CountsFrom: Anchor{fromEv, from},
		Review: review,
	})
	if ind.Mark == statelaws.MarkUnverified {
		ind.flag(FlagUnverified)
	}
	if r.Individuals.Fixed() {
		ind.Reason = fmt.Sprintf("%s: notify residents within %s after %s.", r.Title, r.Individuals, triggerName(r.Trigger)) + note
	} else {
		ind.Reason = fmt.Sprintf("%s: notify residents in the most expedient time possible; the law fixes no number of days.", r.Title) + note
	}
	apply(&ind, scope, elements, harbor, hipaaOff(false, false))
	c.reached(&ind, a.Count)
	if ind.Review != "" {
		ind.flag(FlagCounselReview)
	}
	indIdx := c.add(ind)

	// The notices to regulators and consumer reporting agencies.
	for _, n := range r.Regulators {
		ncite := cmp.Or(n.Citation, r.Citation)
		party := PartyStateRegulator
		if n.Kind == statelaws.KindConsumerReporting {
			party = PartyConsumerReporting
		}
		o := base(Obligation{
			Key: StateKey(r.ID, n.ID), Party: party, Recipient: n.Regulator, Part: n.ID,
			Citation: ncite, Mark: r.PartMark(n.Mark), Review: review,
		})
		if o.Mark == statelaws.MarkUnverified {
			o.flag(FlagUnverified)
		}
		// The notice's condition.
		var cond waiver
		verified := statelaws.MarkStatute
		switch n.Condition {
		case statelaws.CondDeemedCompliance:
			if !c.breach {
				cond = waiver{NotRequiredConditionNotMet, "it is the condition of deemed compliance through the HIPAA notice, and no HIPAA notice is due, so the law applies in full", verified}
			}
		case statelaws.CondDelayed:
			if len(d.spans) == 0 {
				cond = waiver{NotRequiredConditionNotMet, "it is owed only when notice is delayed at law enforcement's request, and no delay the State honours is recorded", verified}
			}
		case statelaws.CondNoHarm:
			if !c.noHarm() {
				cond = waiver{NotRequiredConditionNotMet, "it is owed only when the entity relies on a determination that no notice is needed (an exception or a low probability of compromise), and none is recorded", verified}
			}
		}
		var threshold waiver
		if known && !n.Required(a.Count) {
			threshold = waiver{NotRequiredBelowThreshold, fmt.Sprintf("%d residents of %s are affected, fewer than the %d that require this notice (%s)", a.Count, a.State, n.MinResidents, ncite), verified}
		}

		var when string
		switch n.Relative {
		case statelaws.RelTrigger:
			nfrom, nev := from, fromEv
			if n.Condition == statelaws.CondNoHarm && i.Determination != nil {
				nfrom, nev = i.Determination.DecidedOn, AnchorDetermination
			}
			nd := d
			if n.Condition == statelaws.CondDelayed {
				// The reasons for a delay are due within the period the delay suspends
				// (La. R.S. 51:3074(E)): the delay does not move their own deadline.
				nd = delays{}
			}
			o.Deadline, o.CountsFrom = c.deadline(n.Deadline, nfrom, cal, nd, r.Delay.After), Anchor{nev, nfrom}
			when = fmt.Sprintf("within %s after %s", n.Deadline, triggerName(r.Trigger))
			if nev == AnchorDetermination && n.Condition == statelaws.CondNoHarm {
				when = fmt.Sprintf("within %s after the determination (%s)", n.Deadline, nfrom)
			}
			if !n.Deadline.Fixed() {
				when = "with no fixed number of days"
			}
		case statelaws.RelIndividualNotice, statelaws.RelWithIndividuals, statelaws.RelBeforeIndividuals:
			anchor, desc := c.individualsAnchor(indIdx, fedInd)
			o.CountsFrom = Anchor{AnchorIndividualNotice, anchor}
			switch n.Relative {
			case statelaws.RelIndividualNotice:
				if anchor != date.Zero {
					o.Deadline = notBefore(n.Deadline.After(cal, anchor), d.end)
				}
				when = fmt.Sprintf("within %s after notifying residents", n.Deadline)
			case statelaws.RelWithIndividuals:
				o.Deadline = notBefore(anchor, d.end)
				when = "no later than when residents are notified"
			default:
				o.Deadline = notBefore(anchor, d.end)
				when = "before residents are notified"
			}
			when += desc
		case statelaws.RelHHSNotice:
			h := &c.out[fedHHS]
			if !h.required() {
				cond = cmp.Or(cond, waiver{NotRequiredNoHHSNotice, "no HHS notice is due under 45 CFR 164.408", verified})
				break
			}
			anchor, desc := h.Deadline, fmt.Sprintf(" (the HHS notice is due by %s)", h.Deadline)
			if h.Status == StatusSent {
				anchor, desc = h.SentOn, fmt.Sprintf(" (HHS was notified on %s)", h.SentOn)
			}
			o.Deadline, o.CountsFrom = notBefore(n.Deadline.After(cal, anchor), d.end), Anchor{AnchorHHSNotice, anchor}
			when = fmt.Sprintf("within %s after notifying HHS", n.Deadline) + desc
		}
		o.Reason = fmt.Sprintf("%s: notify %s %s.", r.Title, n.Regulator, when)
		if n.Condition == statelaws.CondDeemedCompliance {
			o.Reason += " This notice is the condition on which a HIPAA-regulated entity is deemed to comply with the law."
		}
		if n.Note != "" {
			o.Reason += " " + n.Note
		}
		o.Reason += note
		apply(&o, cond, threshold, scope, elements, harbor, hipaaOff(true, n.AppliesToHIPAA))
		c.markSent(&o)
		if o.Review != "" {
			o.flag(FlagCounselReview)
		}
		c.add(o)
	}
}

// cite formats an optional citation as ", cite" or nothing.
func cite(s string) string {
	if s == "" {
		return ""
	}
	return ", " + s
}

// delayHonourName describes what a State honours of a law-enforcement delay.
func delayHonourName(d statelaws.DelayRule) string {
	switch {
	case d.HonoursOral():
		return "it honours written and oral requests"
	case d.HonoursWritten():
		return "it honours only a written request"
	case d.Honours == statelaws.HonoursOnCondition:
		return "it honours a delay only on a condition the file does not show"
	}
	return "it provides no law-enforcement delay"
}

// deemedConditions lists, for people, the notices a rule makes the condition of deemed
// compliance; empty when there are none.
func deemedConditions(r *statelaws.Rule) string {
	var out []string
	for _, n := range r.Regulators {
		if n.Condition == statelaws.CondDeemedCompliance {
			out = append(out, n.Regulator+" the notice listed as "+StateKey(r.ID, n.ID))
		}
	}
	return strings.Join(out, " and ")
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
		if o.SentOn != date.Zero {
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
// when their key, deadline, whether they are required and whether they are owed again
// ([FlagOwedAgain]) match, so a moved deadline, a notice that became required or not
// required, or one owed again after the count grew shows as one removed and one added; a
// notice recorded as sent is not a change. A change that adds or removes an obligation is
// an event. Both lists are sorted like [Obligations].
func Diff(before, after []Obligation) (added, removed []Obligation) {
	type id struct {
		key      string
		deadline date.Date
		required bool
		again    bool
	}
	ident := func(o *Obligation) id { return id{o.Key, o.Deadline, o.required(), o.Has(FlagOwedAgain)} }
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
