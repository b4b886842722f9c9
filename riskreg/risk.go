package riskreg

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// ID identifies a risk within its organization's register.
type ID string

// AcceptanceReviewMonths is how long a review of an accepted risk extends its acceptance
// when no next review date is given ([Risk.Review]).
const AcceptanceReviewMonths = 12

// Acceptance documents a decision to accept a risk: who approved it, when, why, and when
// it must be looked at again. Every field but ReviewOn is required: risk management
// decisions must be documented (45 CFR 164.308(a)(1)(ii)(B), 164.316(b)(1)); a zero
// ReviewOn is [AcceptanceReviewMonths] after the approval ([Acceptance.ReviewDue]).
type Acceptance struct {
	// ApprovedBy names the person who accepted the risk for the organization.
	ApprovedBy string `json:"approved_by"`
	// ApprovedOn is the day the risk was accepted.
	ApprovedOn date.Date `json:"approved_on"`
	// ReviewOn is the day the acceptance must be reviewed; it is after ApprovedOn.
	ReviewOn date.Date `json:"review_on"`
	// Justification says why accepting is reasonable and appropriate.
	Justification string `json:"justification"`
}

// ReviewDue is the acceptance's review date: ReviewOn, or, when it is zero,
// [AcceptanceReviewMonths] after ApprovedOn (a Feb 29 approval gives Feb 28); zero when
// neither is set. It is the date the register's review-due window and reminders use once
// the acceptance is recorded ([Risk.Accept] stores it in ReviewOn).
func (a Acceptance) ReviewDue() date.Date {
	switch {
	case a.ReviewOn != date.Zero:
		return a.ReviewOn
	case a.ApprovedOn != date.Zero:
		return vendors.AddMonths(a.ApprovedOn, AcceptanceReviewMonths)
	}
	return date.Zero
}

// Validate checks that every field is present and the review comes after the approval;
// the fields are named as the acceptance's own JSON names them (approved_by, …).
func (a *Acceptance) Validate() error { return a.validate("") }

func (a *Acceptance) validate(prefix string) error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(a.ApprovedBy) != "", prefix+"approved_by", "must name the approver (45 CFR 164.308(a)(1)(ii)(B))")
	c.Check(a.ApprovedOn != date.Zero, prefix+"approved_on", "must be set")
	c.Check(strings.TrimSpace(a.Justification) != "", prefix+"justification", "must say why the risk is accepted")
	switch {
	case a.ReviewOn == date.Zero:
		c.Add(prefix+"review_on", "must be set: an accepted risk needs a review date")
	case a.ApprovedOn != date.Zero && a.ReviewOn <= a.ApprovedOn:
		c.Add(prefix+"review_on", "%s must be after the approval on %s", a.ReviewOn, a.ApprovedOn)
	}
	return c.Err()
}

// Scoring is the input of [Risk.Rate]: the inherent and residual likelihood and impact
// on the risk's method, the day rated and a note. The Rating of each score is the one the
// method gives; one given that differs is refused.
type Scoring struct {
	// Inherent is the risk before the planned treatment.
	Inherent Score `json:"inherent"`
	// Residual is the risk after it.
	Residual Score `json:"residual"`
	// On is the day rated; the engine takes zero as today.
	On date.Date `json:"rated_on,omitzero"`
	// Note says what the rating is based on.
	Note string `json:"note,omitempty"`
}

// TreatmentPlan is the input of [Risk.Treat]: the decision to mitigate, transfer or
// avoid a risk, why, who carries it out and by when (45 CFR 164.308(a)(1)(ii)(B)).
type TreatmentPlan struct {
	// Treatment is mitigate, transfer or avoid (accept is [Risk.Accept]).
	Treatment Treatment `json:"treatment,omitempty"`
	// Justification says why this treatment.
	Justification string `json:"justification"`
	// Owner is the workforce member who carries out the treatment.
	Owner string `json:"owner"`
	// Due is the day the treatment is due.
	Due date.Date `json:"due_on"`
}

// Review is the input of [Risk.Review]: a review of the risk on a day, with a note and,
// for an accepted risk, the next review date (zero: [AcceptanceReviewMonths] later).
type Review struct {
	// On is the day reviewed; the engine takes zero as today.
	On date.Date `json:"reviewed_on,omitzero"`
	// Note says what the review found.
	Note string `json:"note,omitempty"`
	// Next is an accepted risk's next review date; set only for an accepted risk.
	Next date.Date `json:"next_review_on,omitzero"`
}

// Closing is the input of [Risk.Close]: the day and why the risk no longer applies.
type Closing struct {
	// On is the day closed; the engine takes zero as today.
	On date.Date `json:"closed_on,omitzero"`
	// Note says why the risk is closed (required).
	Note string `json:"note"`
}

// Entry is one entry of a risk's history: a rating, a review, an acceptance, a closure, a
// reopening or a change of method, with the scores the risk had afterwards and the method
// they are on. Entries are kept oldest first and never rewritten.
type Entry struct {
	// On is the day of the act recorded; By who recorded it.
	On date.Date `json:"on"`
	By string    `json:"by"`
	// Action says what the entry records; empty in entries written before actions were kept.
	Action   Action   `json:"action,omitempty"`
	Note     string   `json:"note,omitempty"`
	Inherent Score    `json:"inherent,omitzero"`
	Residual Score    `json:"residual,omitzero"`
	Method   MethodID `json:"method"`
}

func (rv *Entry) validate(prefix string) error {
	c := validation.Collector{Pkg: pkg}
	c.Check(rv.On != date.Zero, prefix+".on", "must be set")
	c.Check(strings.TrimSpace(rv.By) != "", prefix+".by", "must name who recorded it")
	if rv.Action != "" && !rv.Action.Valid() {
		c.Merge(enum.Unknown(pkg, prefix+".action", actionValues(), rv.Action))
	}
	m, ok := GetMethod(rv.Method)
	if !ok {
		c.Merge(enum.Unknown(pkg, prefix+".method", methodIDValues(), rv.Method))
		return c.Err()
	}
	c.Merge(m.checkScore(prefix+".inherent", rv.Inherent))
	c.Merge(m.checkScore(prefix+".residual", rv.Residual))
	return c.Err()
}

// Risk is one entry of the risk register: a threat to an asset or PHI flow through a
// vulnerability, its inherent and residual scores on the organization's method, the
// decision taken about it, and its history (45 CFR 164.308(a)(1)(ii)(A)-(B)).
type Risk struct {
	ID    ID     `json:"id"`
	Title string `json:"title"`
	// Asset is the asset or PHI flow at risk, e.g. "simulation CT images sent between the
	// planning site and the treatment vault".
	Asset string `json:"asset"`
	// ThreatSource is who or what could cause harm (NIST SP 800-30 Rev. 1 Appendix D).
	ThreatSource string `json:"threat_source,omitempty"`
	// ThreatEvent is what could happen (NIST SP 800-30 Rev. 1 Appendix E).
	ThreatEvent string `json:"threat_event,omitempty"`
	// Vulnerability is the weakness the threat would exploit (Appendix F).
	Vulnerability string `json:"vulnerability,omitempty"`
	// Vendors and Sites are the vendors and the organization's sites involved.
	Vendors []vendors.ID `json:"vendors"`
	Sites   []org.SiteID `json:"sites"`
	// ExistingControls describes the safeguards already in place.
	ExistingControls string `json:"existing_controls,omitempty"`
	// Controls links the Security Rule controls that address the risk.
	Controls []controls.ID `json:"controls"`

	// Method is the scoring method of Inherent and Residual.
	Method MethodID `json:"method,omitempty"`
	// Inherent is the risk before the planned treatment; Residual after it. Zero is unrated.
	Inherent Score `json:"inherent,omitzero"`
	Residual Score `json:"residual,omitzero"`
	// Quant is the optional quantitative view (ALE, ROSI).
	Quant *Quant `json:"quant,omitempty"`

	// Treatment is the decision taken; Justification says why. An accepted risk has an
	// Acceptance.
	Treatment     Treatment   `json:"treatment,omitempty"`
	Justification string      `json:"justification,omitempty"`
	Acceptance    *Acceptance `json:"acceptance,omitempty"`
	// Owner is the workforce member responsible for the treatment, due by DueOn.
	Owner  string    `json:"owner,omitempty"`
	DueOn  date.Date `json:"due_on,omitzero"`
	Status Status    `json:"status,omitempty"`
	// Reviews is the risk's history, oldest first.
	Reviews []Entry `json:"reviews"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the risk's fields, its scores against its method, and that its status,
// treatment and acceptance agree:
//   - treating: mitigate, transfer or avoid, with a justification, an owner and a due date;
//   - accepted: treatment accept with a complete [Acceptance];
//   - an Acceptance only with treatment accept, and treatment accept only with one.
func (r *Risk) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(r.ID != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(r.Title) != "", "title", "must not be empty")
	c.Check(len(r.Title) <= 200, "title", "must be at most 200 bytes")
	c.Check(strings.TrimSpace(r.Asset) != "", "asset", "must name the asset or PHI flow")
	checkList(&c, "vendors", r.Vendors)
	checkList(&c, "sites", r.Sites)
	checkList(&c, "controls", r.Controls)

	if m, ok := GetMethod(r.Method); !ok {
		c.Merge(enum.Unknown(pkg, "method", methodIDValues(), r.Method))
	} else {
		c.Merge(m.checkScore("inherent", r.Inherent))
		c.Merge(m.checkScore("residual", r.Residual))
	}
	c.Check(r.Residual.IsZero() || !r.Inherent.IsZero(), "inherent", "must be rated when the residual risk is")
	if r.Quant != nil {
		c.Merge(r.Quant.Validate())
	}

	if !r.Status.Valid() {
		c.Merge(enum.Unknown(pkg, "status", statusValues(), r.Status))
	}
	if r.Treatment != "" && !r.Treatment.Valid() {
		c.Merge(enum.Unknown(pkg, "treatment", treatmentValues(), r.Treatment))
	}
	switch r.Status {
	case StatusTreating:
		c.Check(r.Treatment != "" && r.Treatment != TreatAccept, "treatment", "must be mitigate, transfer or avoid while treating, is %q", r.Treatment)
		c.Check(strings.TrimSpace(r.Justification) != "", "justification", "must say why this treatment (45 CFR 164.308(a)(1)(ii)(B))")
		c.Check(strings.TrimSpace(r.Owner) != "", "owner", "must name who carries out the treatment")
		c.Check(r.DueOn != date.Zero, "due_on", "must be set while treating")
	case StatusAccepted:
		c.Check(r.Treatment == TreatAccept, "treatment", "must be accept when the risk is accepted, is %q", r.Treatment)
	}
	switch {
	case r.Treatment == TreatAccept && r.Acceptance == nil:
		c.Add("acceptance", "must be recorded when the treatment is accept (45 CFR 164.308(a)(1)(ii)(B))")
	case r.Acceptance != nil && r.Treatment != TreatAccept:
		c.Add("acceptance", "is recorded only with treatment accept, treatment is %q", r.Treatment)
	case r.Acceptance != nil:
		c.Merge(r.Acceptance.validate("acceptance."))
	}

	for i := range r.Reviews {
		f := fmt.Sprintf("reviews[%d]", i)
		c.Merge(r.Reviews[i].validate(f))
		if i > 0 && r.Reviews[i].On < r.Reviews[i-1].On {
			c.Add(f+".on", "%s is before the previous entry on %s", r.Reviews[i].On, r.Reviews[i-1].On)
		}
	}
	return c.Err()
}

func checkList[T ~string](c *validation.Collector, field string, xs []T) {
	seen := map[T]bool{}
	for i, x := range xs {
		f := fmt.Sprintf("%s[%d]", field, i)
		c.Check(strings.TrimSpace(string(x)) != "", f, "must not be empty")
		c.Check(!seen[x], f, "%q is listed twice", x)
		seen[x] = true
	}
}

// Current is the risk as it stands: the residual score, or the inherent one while the
// residual risk is unrated (an untreated risk's residual risk is its inherent risk).
func (r *Risk) Current() Score {
	if !r.Residual.IsZero() {
		return r.Residual
	}
	return r.Inherent
}

// Ref returns the risk's id and version, as a change of it takes them.
func (r Risk) Ref() record.Ref[ID] { return record.RefOf(r.ID, r.Version) }

// TreatmentDueOn is the treatment due date of a risk being treated, zero otherwise: the
// date the register's treatment-due window and reminders look at. Storage backends index
// this value (and [Risk.AcceptanceReviewOn]) rather than computing it themselves.
func (r *Risk) TreatmentDueOn() date.Date {
	if r.Status != StatusTreating {
		return date.Zero
	}
	return r.DueOn
}

// AcceptanceReviewOn is the review date of an accepted risk's acceptance, zero
// otherwise: the date the register's review-due window and reminders look at.
func (r *Risk) AcceptanceReviewOn() date.Date {
	if r.Status != StatusAccepted || r.Acceptance == nil {
		return date.Zero
	}
	return r.Acceptance.ReviewOn
}

// LastReviewOn is the date of the latest history entry, or zero when there is none.
func (r *Risk) LastReviewOn() date.Date {
	if n := len(r.Reviews); n > 0 {
		return r.Reviews[n-1].On
	}
	return date.Zero
}

// ErrTransition matches every [*TransitionError] and [*StateError] with [errors.Is]: a
// move the risk's current state does not allow. compliance.Code sorts it as
// failed_precondition.
var ErrTransition = errors.New("riskreg: risk status transition not allowed")

// TransitionError is returned for a change of status the lifecycle does not allow
// (compliance.Code: failed_precondition).
type TransitionError struct {
	ID       ID
	From, To Status
}

// Error names the risk and both statuses.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("riskreg: risk %q cannot go from %s to %s (allowed: %v)", e.ID, e.From, e.To, nextStatuses(e.From))
}

// Is reports whether target is [ErrTransition].
func (e *TransitionError) Is(target error) bool { return target == ErrTransition }

// nextStatuses lists the statuses a risk may move to from s:
//
//	open     → treating, accepted, closed
//	treating → treating (a new plan), accepted, closed
//	accepted → treating, accepted (a new acceptance), closed
//	closed   → open (Reopen)
func nextStatuses(s Status) []Status {
	switch s {
	case StatusOpen:
		return []Status{StatusTreating, StatusAccepted, StatusClosed}
	case StatusTreating, StatusAccepted:
		return []Status{StatusTreating, StatusAccepted, StatusClosed}
	case StatusClosed:
		return []Status{StatusOpen}
	}
	return nil
}

// CanTransition reports whether a risk may move from one status to another.
func CanTransition(from, to Status) bool { return slices.Contains(nextStatuses(from), to) }

func (r *Risk) transition(to Status) error {
	if !CanTransition(r.Status, to) {
		return &TransitionError{ID: r.ID, From: r.Status, To: to}
	}
	return nil
}

// checkEntry checks the date and author of a new history entry: both set, and the date not
// before the latest entry.
func (r *Risk) checkEntry(c *validation.Collector, onField string, on date.Date, byField, by string) {
	switch {
	case on == date.Zero:
		c.Add(onField, "must be set")
	case on < r.LastReviewOn():
		c.Add(onField, "%s is before the latest history entry on %s", on, r.LastReviewOn())
	}
	c.Check(strings.TrimSpace(by) != "", byField, "must name who recorded it")
}

func (r *Risk) record(a Action, on date.Date, by, note string) {
	r.Reviews = append(r.Reviews, Entry{
		On: on, By: by, Action: a, Note: note,
		Inherent: r.Inherent, Residual: r.Residual, Method: r.Method,
	})
}

func notClosed(r *Risk, move string) error {
	if r.Status == StatusClosed {
		return &StateError{ID: r.ID, Status: r.Status, Move: move, Reason: "reopen the risk first"}
	}
	return nil
}

// StateError is returned for a move the risk's current state does not allow, other than
// a change of status: rating or reviewing a closed risk, accepting an unrated one. It
// matches [ErrTransition], so callers classify it as a failed precondition, not bad
// input.
type StateError struct {
	ID     ID
	Status Status
	// Move is what was refused, e.g. "rate"; Reason what the risk needs first.
	Move, Reason string
}

// Error names the risk, its status, the move and what it needs.
func (e *StateError) Error() string {
	return fmt.Sprintf("riskreg: risk %q is %s and cannot %s: %s", e.ID, e.Status, e.Move, e.Reason)
}

// Is reports whether target is [ErrTransition].
func (e *StateError) Is(target error) bool { return target == ErrTransition }

// Rate sets the inherent and residual scores, each a likelihood and an impact on m, with
// the ratings m gives them, and records the rating in the history (45 CFR
// 164.308(a)(1)(ii)(A)). A risk with no method takes m's; a risk on another method must
// be moved with [Risk.ChangeMethod]. A level outside m's scale is refused on field
// "inherent.likelihood", "residual.impact", etc., a rating given that is not m's on
// "inherent.rating", a missing or earlier day on "rated_on"; a closed risk is refused
// with a [*StateError]. Nothing changes on error.
func (r *Risk) Rate(m *Method, s Scoring, by string) error {
	if m == nil {
		return validation.New(pkg, "method", "must be given")
	}
	if err := m.Validate(); err != nil {
		return err
	}
	if r.Method != "" && r.Method != m.ID {
		return validation.New(pkg, "method", "the risk is rated on %s: use ChangeMethod to move it to %s", r.Method, m.ID)
	}
	if err := notClosed(r, "be rated"); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	in, err := scoreOn(m, "inherent.", s.Inherent)
	c.Merge(err)
	res, err := scoreOn(m, "residual.", s.Residual)
	c.Merge(err)
	r.checkEntry(&c, "rated_on", s.On, "by", by)
	if err := c.Err(); err != nil {
		return err
	}
	r.Method, r.Inherent, r.Residual = m.ID, in, res
	r.record(ActionRate, s.On, by, s.Note)
	return nil
}

// scoreOn rates given's levels on m; a rating given that is not m's is refused.
func scoreOn(m *Method, prefix string, given Score) (Score, error) {
	if err := m.checkLevels(prefix, given.Likelihood, given.Impact); err != nil {
		return Score{}, err
	}
	s, err := m.Score(given.Likelihood, given.Impact)
	if err != nil {
		return Score{}, err
	}
	if given.Rating != "" && given.Rating != s.Rating {
		return Score{}, validation.New(pkg, prefix+"rating", "%q is not the rating %s gives %d×%d (%s); leave it empty",
			given.Rating, m.ID, s.Likelihood, s.Impact, s.Rating)
	}
	return s, nil
}

// Treat decides to mitigate, transfer or avoid the risk: justification, owner and due date
// are required (45 CFR 164.308(a)(1)(ii)(B)), and the risk becomes treating; its
// treatment due date ([Risk.TreatmentDueOn]) is p.Due. Acceptance is recorded with
// [Risk.Accept] instead; treating an accepted risk withdraws its acceptance, which stays
// in the history. Treat writes no history entry: the caller records the decision in its
// audit trail.
func (r *Risk) Treat(p TreatmentPlan) error {
	if p.Treatment == TreatAccept {
		return validation.New(pkg, "treatment", "accept is recorded with Accept, which names the approver and the review date")
	}
	if !p.Treatment.Valid() {
		return enum.Unknown(pkg, "treatment", treatmentValues(), p.Treatment)
	}
	if err := r.transition(StatusTreating); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(p.Justification) != "", "justification", "must say why this treatment (45 CFR 164.308(a)(1)(ii)(B))")
	c.Check(strings.TrimSpace(p.Owner) != "", "owner", "must name who carries out the treatment")
	c.Check(p.Due != date.Zero, "due_on", "must be set")
	if err := c.Err(); err != nil {
		return err
	}
	r.Treatment, r.Justification, r.Owner, r.DueOn = p.Treatment, p.Justification, p.Owner, p.Due
	r.Acceptance = nil
	r.Status = StatusTreating
	return nil
}

// Accept records the decision to accept the risk as it stands: a named approver, the
// approval date and a justification are required (45 CFR 164.308(a)(1)(ii)(B)); the
// review date is a.ReviewOn, or [AcceptanceReviewMonths] after the approval when it is
// zero ([Acceptance.ReviewDue]). The risk must have been rated (else a [*StateError]). It
// becomes accepted and the acceptance enters the history. Accepting an accepted risk
// replaces its acceptance. Fields are named as the acceptance's JSON names them
// ("approved_on", …).
func (r *Risk) Accept(a Acceptance) error {
	if err := r.transition(StatusAccepted); err != nil {
		return err
	}
	if r.Current().IsZero() {
		return &StateError{ID: r.ID, Status: r.Status, Move: "be accepted", Reason: "rate it first"}
	}
	a.ReviewOn = a.ReviewDue()
	c := validation.Collector{Pkg: pkg}
	c.Merge(a.Validate())
	if a.ApprovedOn != date.Zero && a.ApprovedOn < r.LastReviewOn() {
		c.Add("approved_on", "%s is before the latest history entry on %s", a.ApprovedOn, r.LastReviewOn())
	}
	if err := c.Err(); err != nil {
		return err
	}
	r.Treatment, r.Justification = TreatAccept, a.Justification
	r.Acceptance = &a
	r.Status = StatusAccepted
	r.record(ActionAccept, a.ApprovedOn, a.ApprovedBy, fmt.Sprintf("accepted until review on %s: %s", a.ReviewOn, a.Justification))
	return nil
}

// NextReview is the acceptance review date a review of the risk on day on sets: next
// when given, otherwise [AcceptanceReviewMonths] after on (a review on Feb 29 sets Feb 28
// of the next year); zero for a risk that is not accepted.
func (r *Risk) NextReview(on, next date.Date) date.Date {
	switch {
	case r.Status != StatusAccepted || r.Acceptance == nil:
		return date.Zero
	case next != date.Zero:
		return next
	case on == date.Zero:
		return date.Zero
	}
	return vendors.AddMonths(on, AcceptanceReviewMonths)
}

// Review records a review of the risk in its history, with its current scores.
// Reviewing an accepted risk renews its acceptance until rv.Next, or
// [Risk.NextReview]'s default; a next date is refused ("next_review_on") for a risk that
// is not accepted. A missing or earlier day is refused on "reviewed_on"; a closed risk
// with a [*StateError].
func (r *Risk) Review(rv Review, by string) error {
	if err := notClosed(r, "be reviewed"); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "reviewed_on", rv.On, "by", by)
	next := r.NextReview(rv.On, rv.Next)
	if r.Status == StatusAccepted && r.Acceptance != nil {
		c.Check(rv.On == date.Zero || next > rv.On, "next_review_on", "%s must be after the review on %s", next, rv.On)
	} else {
		c.Check(rv.Next == date.Zero, "next_review_on", "is set only for an accepted risk; the risk is %s", r.Status)
	}
	if err := c.Err(); err != nil {
		return err
	}
	if r.Status == StatusAccepted && r.Acceptance != nil {
		a := *r.Acceptance
		a.ReviewOn = next
		r.Acceptance = &a
	}
	r.record(ActionReview, rv.On, by, rv.Note)
	return nil
}

// Close closes the risk (the asset is retired, or the treatment is complete and verified);
// the note says why. Treatment and acceptance are kept as they were. A missing or earlier
// day is refused on "closed_on".
func (r *Risk) Close(cl Closing, by string) error {
	if err := r.transition(StatusClosed); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "closed_on", cl.On, "by", by)
	c.Check(strings.TrimSpace(cl.Note) != "", "note", "must say why the risk is closed")
	if err := c.Err(); err != nil {
		return err
	}
	r.Status = StatusClosed
	r.record(ActionClose, cl.On, by, cl.Note)
	return nil
}

// Reopening is the input of [Risk.Reopen]: the day and why a closed risk applies again.
type Reopening struct {
	// On is the day reopened; the engine takes zero as today.
	On date.Date `json:"reopened_on,omitzero"`
	// Note says why the risk is reopened (required).
	Note string `json:"note"`
}

// Reopen reopens a closed risk: it becomes open with no treatment decided (owner and due
// date are kept); the note says why. A missing or earlier day is refused on
// "reopened_on".
func (r *Risk) Reopen(ro Reopening, by string) error {
	if err := r.transition(StatusOpen); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "reopened_on", ro.On, "by", by)
	c.Check(strings.TrimSpace(ro.Note) != "", "note", "must say why the risk is reopened")
	if err := c.Err(); err != nil {
		return err
	}
	r.Status = StatusOpen
	r.Treatment, r.Justification, r.Acceptance = "", "", nil
	r.record(ActionReopen, ro.On, by, ro.Note)
	return nil
}

// ChangeMethod re-rates the risk on another method, keeping its history: each level of the
// inherent and residual scores goes through mapLevel ([DefaultLevelMap] when nil), the new
// method rates the result, and a history entry records the change with the old and new
// scores. Earlier entries keep their own method and scores. Closed risks can be moved too,
// so that a whole register changes method at once.
func (r *Risk) ChangeMethod(to *Method, on date.Date, by string, mapLevel func(from, to *Method, l Level) Level) error {
	if to == nil {
		return validation.New(pkg, "method", "must be given")
	}
	if err := to.Validate(); err != nil {
		return err
	}
	from, ok := GetMethod(r.Method)
	if !ok {
		return enum.Unknown(pkg, "method", methodIDValues(), r.Method)
	}
	if from.ID == to.ID {
		return validation.New(pkg, "method", "is already %s", to.ID)
	}
	if mapLevel == nil {
		mapLevel = DefaultLevelMap
	}
	remap := func(prefix string, s Score) (Score, error) {
		if s.IsZero() {
			return Score{}, nil
		}
		return scoreOn(to, prefix, Score{Likelihood: mapLevel(&from, to, s.Likelihood), Impact: mapLevel(&from, to, s.Impact)})
	}
	c := validation.Collector{Pkg: pkg}
	in, err := remap("inherent.", r.Inherent)
	c.Merge(err)
	res, err := remap("residual.", r.Residual)
	c.Merge(err)
	r.checkEntry(&c, "on", on, "by", by)
	if err := c.Err(); err != nil {
		return err
	}
	note := fmt.Sprintf("method changed from %s to %s: inherent %s → %s; residual %s → %s",
		from.ID, to.ID, r.Inherent, in, r.Residual, res)
	r.Method, r.Inherent, r.Residual = to.ID, in, res
	r.record(ActionChangeMethod, on, by, note)
	return nil
}

// Clone returns a deep copy of r that shares no slices or pointers with it.
func (r *Risk) Clone() Risk {
	c := *r
	c.Vendors = slices.Clone(r.Vendors)
	c.Sites = slices.Clone(r.Sites)
	c.Controls = slices.Clone(r.Controls)
	c.Reviews = slices.Clone(r.Reviews)
	if r.Quant != nil {
		q := *r.Quant
		c.Quant = &q
	}
	if r.Acceptance != nil {
		a := *r.Acceptance
		c.Acceptance = &a
	}
	return c
}
