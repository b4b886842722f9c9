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
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// ID identifies a risk within its organization's register.
type ID string

// AcceptanceReviewMonths is how long a review of an accepted risk extends its acceptance
// when no next review date is given ([Risk.Review]).
const AcceptanceReviewMonths = 12

// Acceptance documents a decision to accept a risk: who approved it, when, why, and when
// it must be looked at again. Every field is required: risk management decisions must be
// documented (45 CFR 164.308(a)(1)(ii)(B), 164.316(b)(1)).
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

// Validate checks that every field is present and the review comes after the approval.
func (a *Acceptance) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(a.ApprovedBy) != "", "acceptance.approved_by", "must name the approver (45 CFR 164.308(a)(1)(ii)(B))")
	c.Check(a.ApprovedOn != date.Zero, "acceptance.approved_on", "must be set")
	c.Check(strings.TrimSpace(a.Justification) != "", "acceptance.justification", "must say why the risk is accepted")
	switch {
	case a.ReviewOn == date.Zero:
		c.Add("acceptance.review_on", "must be set: an accepted risk needs a review date")
	case a.ApprovedOn != date.Zero && a.ReviewOn <= a.ApprovedOn:
		c.Add("acceptance.review_on", "%s must be after the approval on %s", a.ReviewOn, a.ApprovedOn)
	}
	return c.Err()
}

// Review is one entry of a risk's history: a rating, a review, an acceptance, a closure, a
// reopening or a change of method, with the scores the risk had afterwards and the method
// they are on. Entries are kept oldest first and never rewritten.
type Review struct {
	On date.Date `json:"on"`
	By string    `json:"by"`
	// Action says what the entry records; empty in entries written before actions were kept.
	Action   Action   `json:"action,omitempty"`
	Note     string   `json:"note,omitempty"`
	Inherent Score    `json:"inherent,omitzero"`
	Residual Score    `json:"residual,omitzero"`
	Method   MethodID `json:"method"`
}

func (rv *Review) validate(prefix string) error {
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
	Vendors []vendors.ID `json:"vendors,omitempty"`
	Sites   []org.SiteID `json:"sites,omitempty"`
	// ExistingControls describes the safeguards already in place.
	ExistingControls string `json:"existing_controls,omitempty"`
	// Controls links the Security Rule controls that address the risk.
	Controls []controls.ID `json:"controls,omitempty"`

	// Method is the scoring method of Inherent and Residual.
	Method MethodID `json:"method"`
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
	Status Status    `json:"status"`
	// Reviews is the risk's history, oldest first.
	Reviews []Review `json:"reviews,omitempty"`

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
		c.Merge(r.Acceptance.Validate())
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

// TreatmentDueOn is the treatment due date of a risk being treated, zero otherwise: the
// date the register's treatment-due window and reminders look at.
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

// ErrTransition matches every [*TransitionError] with [errors.Is].
var ErrTransition = errors.New("riskreg: risk status transition not allowed")

// TransitionError is returned for a change of status the lifecycle does not allow.
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
	r.Reviews = append(r.Reviews, Review{
		On: on, By: by, Action: a, Note: note,
		Inherent: r.Inherent, Residual: r.Residual, Method: r.Method,
	})
}

func notClosed(r *Risk, what string) error {
	if r.Status == StatusClosed {
		return validation.New(pkg, "status", "is closed: reopen the risk before %s it", what)
	}
	return nil
}

// Rate sets the inherent and residual scores, each {likelihood, impact} on m, with the
// ratings m gives them, and records the rating in the history (45 CFR
// 164.308(a)(1)(ii)(A)). A risk with no method takes m's; a risk on another method must be
// moved with [Risk.ChangeMethod]. A level outside m's scale is refused on field
// "inherent.likelihood", "residual.impact", etc. Nothing changes on error.
func (r *Risk) Rate(m *Method, inherent, residual [2]Level, on date.Date, by, note string) error {
	if m == nil {
		return validation.New(pkg, "method", "must be given")
	}
	if err := m.Validate(); err != nil {
		return err
	}
	if r.Method != "" && r.Method != m.ID {
		return validation.New(pkg, "method", "the risk is rated on %s: use ChangeMethod to move it to %s", r.Method, m.ID)
	}
	if err := notClosed(r, "rating"); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	in, err := scoreOn(m, "inherent.", inherent)
	c.Merge(err)
	res, err := scoreOn(m, "residual.", residual)
	c.Merge(err)
	r.checkEntry(&c, "on", on, "by", by)
	if err := c.Err(); err != nil {
		return err
	}
	r.Method, r.Inherent, r.Residual = m.ID, in, res
	r.record(ActionRate, on, by, note)
	return nil
}

func scoreOn(m *Method, prefix string, lv [2]Level) (Score, error) {
	if err := m.checkLevels(prefix, lv[0], lv[1]); err != nil {
		return Score{}, err
	}
	return m.Score(lv[0], lv[1])
}

// Treat decides to mitigate, transfer or avoid the risk: justification, owner and due date
// are required (45 CFR 164.308(a)(1)(ii)(B)), and the risk becomes treating. Acceptance is
// recorded with [Risk.Accept] instead; treating an accepted risk withdraws its acceptance,
// which stays in the history. Treat takes no date and writes no history entry: the caller
// records the decision in its audit trail.
func (r *Risk) Treat(t Treatment, justification, owner string, due date.Date) error {
	if t == TreatAccept {
		return validation.New(pkg, "treatment", "accept is recorded with Accept, which names the approver and the review date")
	}
	if !t.Valid() {
		return enum.Unknown(pkg, "treatment", treatmentValues(), t)
	}
	if err := r.transition(StatusTreating); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(justification) != "", "justification", "must say why this treatment (45 CFR 164.308(a)(1)(ii)(B))")
	c.Check(strings.TrimSpace(owner) != "", "owner", "must name who carries out the treatment")
	c.Check(due != date.Zero, "due_on", "must be set")
	if err := c.Err(); err != nil {
		return err
	}
	r.Treatment, r.Justification, r.Owner, r.DueOn = t, justification, owner, due
	r.Acceptance = nil
	r.Status = StatusTreating
	return nil
}

// Accept records the decision to accept the risk as it stands: a named approver, the
// approval date, a justification and a review date are required (45 CFR
// 164.308(a)(1)(ii)(B)), and the risk must have been rated. The risk becomes accepted and
// the acceptance enters the history. Accepting an accepted risk replaces its acceptance.
func (r *Risk) Accept(a Acceptance) error {
	if err := r.transition(StatusAccepted); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	c.Merge(a.Validate())
	c.Check(!r.Current().IsZero(), "residual", "must be rated before the risk is accepted")
	if a.ApprovedOn != date.Zero && a.ApprovedOn < r.LastReviewOn() {
		c.Add("acceptance.approved_on", "%s is before the latest history entry on %s", a.ApprovedOn, r.LastReviewOn())
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

// Review records a review of the risk in its history, with its current scores. Reviewing
// an accepted risk renews its acceptance: the next review falls [AcceptanceReviewMonths]
// after the review date (a review on Feb 29 sets Feb 28 of the next year). Use
// [Risk.ReviewNext] to choose the next review date. A closed risk is not reviewed.
func (r *Risk) Review(on date.Date, by, note string) error {
	return r.ReviewNext(on, by, note, date.Zero)
}

// ReviewNext is [Risk.Review] with the accepted risk's next review date given; zero means
// [AcceptanceReviewMonths] after on. A next date is refused for a risk that is not accepted.
func (r *Risk) ReviewNext(on date.Date, by, note string, next date.Date) error {
	if err := notClosed(r, "reviewing"); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "on", on, "by", by)
	if r.Status == StatusAccepted && r.Acceptance != nil {
		if next == date.Zero && on != date.Zero {
			next = vendors.AddMonths(on, AcceptanceReviewMonths)
		}
		c.Check(next > on, "acceptance.review_on", "%s must be after the review on %s", next, on)
	} else {
		c.Check(next == date.Zero, "acceptance.review_on", "is set only for an accepted risk; the risk is %s", r.Status)
	}
	if err := c.Err(); err != nil {
		return err
	}
	if r.Status == StatusAccepted && r.Acceptance != nil {
		a := *r.Acceptance
		a.ReviewOn = next
		r.Acceptance = &a
	}
	r.record(ActionReview, on, by, note)
	return nil
}

// Close closes the risk (the asset is retired, or the treatment is complete and verified);
// the note says why. Treatment and acceptance are kept as they were.
func (r *Risk) Close(on date.Date, by, note string) error {
	if err := r.transition(StatusClosed); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "on", on, "by", by)
	c.Check(strings.TrimSpace(note) != "", "note", "must say why the risk is closed")
	if err := c.Err(); err != nil {
		return err
	}
	r.Status = StatusClosed
	r.record(ActionClose, on, by, note)
	return nil
}

// Reopen reopens a closed risk: it becomes open with no treatment decided (owner and due
// date are kept); the note says why.
func (r *Risk) Reopen(on date.Date, by, note string) error {
	if err := r.transition(StatusOpen); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	r.checkEntry(&c, "on", on, "by", by)
	c.Check(strings.TrimSpace(note) != "", "note", "must say why the risk is reopened")
	if err := c.Err(); err != nil {
		return err
	}
	r.Status = StatusOpen
	r.Treatment, r.Justification, r.Acceptance = "", "", nil
	r.record(ActionReopen, on, by, note)
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
		return scoreOn(to, prefix, [2]Level{mapLevel(&from, to, s.Likelihood), mapLevel(&from, to, s.Impact)})
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
