package task

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/validation"
)

// ID identifies a task within its organization.
type ID string

// Assignee is who a task is assigned to: one named person, or whoever holds a role.
// Exactly one of the two is set.
type Assignee struct {
	// Person identifies a workforce member (the embedder's user id or e-mail address).
	Person string `json:"person,omitempty"`
	// Role assigns the task to whoever holds the role.
	Role Role `json:"role,omitempty"`
}

// Validate checks that exactly one of Person and Role is set, and that a role is
// lower_snake_case.
func (a Assignee) Validate() error {
	c := validation.Collector{Pkg: pkg}
	a.check(&c)
	return c.Err()
}

func (a Assignee) check(c *validation.Collector) {
	person := strings.TrimSpace(a.Person) != ""
	switch {
	case !person && a.Role == "":
		c.Add("assignee", "must name a person or a role")
	case person && a.Role != "":
		c.Add("assignee", "must name a person or a role, not both")
	case a.Role != "":
		checkRole(c, "assignee.role", a.Role)
	}
	c.Check(person || a.Person == "", "assignee.person", "must not be blank")
}

// Subject is what a task is about, such as {record.KindVendor, "v-1"},
// {record.KindTrial, "t-1"} or {record.KindMember, "m-1"}; it is empty for
// organization-wide tasks. Its Type is the kind the audit trail and the events use.
type Subject struct {
	// Type is the kind of the record the task is about.
	Type record.Kind `json:"type,omitempty"`
	// ID is the record's id.
	ID string `json:"id,omitempty"`
}

// IsZero reports whether s names nothing: an organization-wide task.
func (s Subject) IsZero() bool { return s == Subject{} }

func (s Subject) check(c *validation.Collector) {
	c.Check((s.Type == "") == (s.ID == ""), "subject", "type and id must both be set or both be empty, got %q and %q", s.Type, s.ID)
}

// Evidence is a document attached to a task to show the work was done (45 CFR
// 164.316(b)(1)(ii)). The library stores where it is and its digest, not the document.
type Evidence struct {
	// Name is the document's name for people, e.g. "2026 risk analysis report".
	Name string `json:"name"`
	// Location is where the document is kept: a document-management URL or a path.
	Location string `json:"location"`
	// SHA256 is the document's SHA-256 digest in 64 lowercase hexadecimal digits, so a
	// later change to the document can be detected.
	SHA256 string `json:"sha256"`
	// AddedOn is the day the document was attached; AddedBy who attached it.
	AddedOn date.Date `json:"added_on,omitzero"`
	AddedBy string    `json:"added_by"`
}

// Validate checks that every field is set and SHA256 is 64 lowercase hex digits.
func (e Evidence) Validate() error {
	c := validation.Collector{Pkg: pkg}
	e.check(&c, "evidence")
	return c.Err()
}

func (e Evidence) check(c *validation.Collector, prefix string) {
	c.Check(strings.TrimSpace(e.Name) != "", prefix+".name", "must not be empty")
	c.Check(strings.TrimSpace(e.Location) != "", prefix+".location", "must not be empty")
	c.Check(isSHA256(e.SHA256), prefix+".sha256", "%q must be 64 lowercase hexadecimal digits", e.SHA256)
	c.Check(e.AddedOn != date.Zero, prefix+".added_on", "must be set")
	c.Check(strings.TrimSpace(e.AddedBy) != "", prefix+".added_by", "must name who added it")
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// ChecklistItem is one step of a task, copied from its template's checklist.
type ChecklistItem struct {
	// Text is the step.
	Text string `json:"text"`
	// Done reports whether the step was done, on DoneOn by DoneBy.
	Done   bool      `json:"done"`
	DoneOn date.Date `json:"done_on,omitzero"`
	DoneBy string    `json:"done_by,omitempty"`
}

// Change is one recorded change of a task's state.
type Change struct {
	// From and To are the states before and after the change.
	From State `json:"from"`
	To   State `json:"to"`
	// On is the day of the change; By who made it.
	On date.Date `json:"on,omitzero"`
	By string    `json:"by"`
	// Note holds the reason of a block or skip.
	Note string `json:"note,omitempty"`
}

// Task is one piece of compliance work: what to do and why (copied from its template),
// who does it, when it is due, its state, the evidence that it was done and the history
// of its state changes. Tasks of a recurring template form a series: each closed task
// creates the next one with [Task.Next].
type Task struct {
	ID         ID         `json:"id"`
	TemplateID TemplateID `json:"template_id"`
	// TemplateVersion is the template's Version when the task was created.
	TemplateVersion int64 `json:"template_version"`

	Title            string          `json:"title"`
	Instructions     string          `json:"instructions,omitempty"`
	Citation         string          `json:"citation"`
	Checklist        []ChecklistItem `json:"checklist"`
	EvidenceRequired bool            `json:"evidence_required,omitempty"`
	// Recurrence is copied from the template when the task is created; nil for a one-off.
	Recurrence *Recurrence `json:"recurrence,omitempty"`

	// Series is the ID of the series' first task (the task's own ID for the first); all
	// occurrences share it.
	Series ID `json:"series"`
	// SeriesStart is the first occurrence's due date; calendar anchoring counts from it.
	SeriesStart date.Date `json:"series_start,omitzero"`
	// Occurrence numbers the task in its series, 1 for the first.
	Occurrence int `json:"occurrence"`

	// Subject is what the task is about; empty for an organization-wide task.
	Subject Subject `json:"subject,omitzero"`
	// Trigger is the type of the event that created the series, e.g. "vendor.added".
	Trigger string `json:"trigger,omitempty"`
	// TriggeredOn is the day the task was created for: the trigger's date for the first
	// occurrence, the day the previous one closed for later ones.
	TriggeredOn date.Date `json:"triggered_on,omitzero"`
	DueOn       date.Date `json:"due_on,omitzero"`
	Assignee    Assignee  `json:"assignee"`
	// Site is the clinic location the task concerns; empty for all sites.
	Site org.SiteID `json:"site,omitempty"`

	// State is where the task stands; always set on a task (omitted only from the zero
	// value, which has none).
	State State `json:"state,omitempty"`
	// BlockedReason says why a blocked task is blocked; cleared when it is started again.
	BlockedReason string `json:"blocked_reason,omitempty"`
	// SkipReason says why a skipped task was not done.
	SkipReason  string     `json:"skip_reason,omitempty"`
	Evidence    []Evidence `json:"evidence"`
	CompletedOn date.Date  `json:"completed_on,omitzero"`
	CompletedBy string     `json:"completed_by,omitempty"`

	// NextID is the ID of the next occurrence, set by [Task.Next]; it makes sure a
	// series continues exactly once from each task.
	NextID ID `json:"next_id,omitempty"`
	// History lists the state changes, oldest first.
	History []Change `json:"history"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// NewParams holds what the creator of a task decides; the rest comes from the template.
type NewParams struct {
	// ID is the task's id; the engine assigns one when it is empty.
	ID ID `json:"id,omitempty"`
	// TriggeredOn is the date of the event that calls for the task.
	TriggeredOn date.Date `json:"triggered_on,omitzero"`
	// Subject is what the task is about; empty for an organization-wide task.
	Subject Subject `json:"subject,omitzero"`
	// Trigger is the event type, e.g. "vendor.added".
	Trigger string `json:"trigger,omitempty"`
	// Site is the clinic location the task concerns; empty for all sites.
	Site org.SiteID `json:"site,omitempty"`
	// Assignee defaults to the template's DefaultRole when zero.
	Assignee Assignee `json:"assignee,omitzero"`
	// DueOn defaults to TriggeredOn + the template's DueOffsetDays when zero.
	DueOn date.Date `json:"due_on,omitzero"`
}

// New creates the first task of a series (or a one-off task) from a template. The task
// is open, due DueOn (or TriggeredOn + tpl.DueOffsetDays), assigned to p.Assignee (or
// tpl.DefaultRole), and starts its own series: Series = ID, SeriesStart = DueOn,
// Occurrence = 1.
//
// It fails with [ErrTemplateDisabled] for a disabled template, and with a validation
// error for an invalid template, a missing ID or TriggeredOn, or a DueOn before
// TriggeredOn.
func New(tpl *Template, p NewParams) (Task, error) {
	if tpl == nil {
		return Task{}, validation.New(pkg, "template", "must be set")
	}
	if err := tpl.Validate(); err != nil {
		return Task{}, err
	}
	if tpl.Disabled {
		return Task{}, fmt.Errorf("task: template %q: %w", tpl.ID, ErrTemplateDisabled)
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(p.ID)) != "", "id", "must not be empty")
	c.Check(p.TriggeredOn != date.Zero, "triggered_on", "must be set")
	due := p.DueOn
	if due == date.Zero && p.TriggeredOn != date.Zero {
		due = p.TriggeredOn + date.Date(tpl.DueOffsetDays)
	}
	if p.DueOn != date.Zero && p.TriggeredOn != date.Zero && p.DueOn < p.TriggeredOn {
		c.Add("due_on", "%s is before the trigger date %s", p.DueOn, p.TriggeredOn)
	}
	a := p.Assignee
	if a == (Assignee{}) {
		a.Role = tpl.DefaultRole
	}
	a.check(&c)
	p.Subject.check(&c)
	if err := c.Err(); err != nil {
		return Task{}, err
	}
	t := Task{
		ID:          p.ID,
		Series:      p.ID,
		SeriesStart: due,
		Occurrence:  1,
		Subject:     p.Subject,
		Trigger:     p.Trigger,
		TriggeredOn: p.TriggeredOn,
		DueOn:       due,
		Assignee:    a,
		Site:        p.Site,
		State:       StateOpen,
	}
	t.copyTemplate(tpl)
	if err := t.Validate(); err != nil {
		return Task{}, err
	}
	return t, nil
}

// copyTemplate copies what a task takes from its template, with a fresh checklist.
func (t *Task) copyTemplate(tpl *Template) {
	t.TemplateID = tpl.ID
	t.TemplateVersion = tpl.Version
	t.Title = tpl.Title
	t.Instructions = tpl.Instructions
	t.Citation = tpl.Citation
	t.EvidenceRequired = tpl.EvidenceRequired
	t.Checklist = nil
	for _, text := range tpl.Checklist {
		t.Checklist = append(t.Checklist, ChecklistItem{Text: text})
	}
	t.Recurrence = nil
	if tpl.Recurrence != nil {
		r := *tpl.Recurrence
		t.Recurrence = &r
	}
}

// Validate checks the task's fields and that they agree with its state and history.
func (t *Task) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(t.ID)) != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(string(t.TemplateID)) != "", "template_id", "must not be empty")
	c.Check(t.TemplateVersion >= 0, "template_version", "must not be negative, got %d", t.TemplateVersion)
	c.Check(strings.TrimSpace(t.Title) != "", "title", "must not be empty")
	c.Check(strings.TrimSpace(t.Citation) != "", "citation", "must not be empty")
	for i, item := range t.Checklist {
		f := fmt.Sprintf("checklist[%d]", i)
		c.Check(strings.TrimSpace(item.Text) != "", f+".text", "must not be empty")
		if item.Done {
			c.Check(item.DoneOn != date.Zero, f+".done_on", "must be set on a done item")
			c.Check(strings.TrimSpace(item.DoneBy) != "", f+".done_by", "must name who did it")
		} else {
			c.Check(item.DoneOn == date.Zero && item.DoneBy == "", f, "is not done but has a done date or person")
		}
	}
	if t.Recurrence != nil {
		c.Merge(t.Recurrence.Validate())
	}

	// Series.
	c.Check(t.Occurrence >= 1, "occurrence", "must be at least 1, got %d", t.Occurrence)
	c.Check(t.Series != "", "series", "must not be empty")
	if t.Occurrence == 1 {
		c.Check(t.Series == t.ID, "series", "%q must be the task's own id on the first occurrence", t.Series)
	} else if t.Occurrence > 1 {
		c.Check(t.Series != t.ID, "series", "%q must be the first occurrence's id, not this task's", t.Series)
		c.Check(t.Recurrence != nil, "recurrence", "must be set on occurrence %d of a series", t.Occurrence)
	}
	c.Check(t.SeriesStart != date.Zero, "series_start", "must be set")

	// Dates.
	c.Check(t.TriggeredOn != date.Zero, "triggered_on", "must be set")
	c.Check(t.DueOn != date.Zero, "due_on", "must be set")
	if t.DueOn != date.Zero && t.SeriesStart != date.Zero && t.DueOn < t.SeriesStart {
		c.Add("due_on", "%s is before the series start %s", t.DueOn, t.SeriesStart)
	}
	// A later occurrence of a calendar-anchored series may fall due before it was created,
	// when its predecessor closed late; the first may not.
	if t.Occurrence == 1 && t.DueOn != date.Zero && t.TriggeredOn != date.Zero && t.DueOn < t.TriggeredOn {
		c.Add("due_on", "%s is before the trigger date %s", t.DueOn, t.TriggeredOn)
	}

	t.Assignee.check(&c)
	t.Subject.check(&c)

	// State.
	if !t.State.Valid() {
		c.Merge(enum.Unknown(pkg, "state", stateValues, t.State))
	}
	if t.State == StateBlocked {
		c.Check(strings.TrimSpace(t.BlockedReason) != "", "blocked_reason", "must say why the task is blocked")
	}
	if t.State == StateSkipped {
		c.Check(strings.TrimSpace(t.SkipReason) != "", "skip_reason", "must say why the task was skipped")
	}
	if t.State == StateDone {
		c.Check(t.CompletedOn != date.Zero, "completed_on", "must be set on a done task")
		c.Check(strings.TrimSpace(t.CompletedBy) != "", "completed_by", "must name who completed the task")
		c.Check(!t.EvidenceRequired || len(t.Evidence) > 0, "evidence", "must be attached to a done task that requires it (45 CFR 164.316(b)(1)(ii))")
	} else {
		c.Check(t.CompletedOn == date.Zero && t.CompletedBy == "", "completed_on", "must be empty unless the task is done")
	}
	if t.NextID != "" {
		c.Check(t.State.Closed(), "next_id", "must be empty until the task is closed")
		c.Check(t.NextID != t.ID, "next_id", "%q is the task's own id", t.NextID)
	}
	for i, e := range t.Evidence {
		e.check(&c, fmt.Sprintf("evidence[%d]", i))
	}

	// History: a chain of allowed moves, in date order, from open to the current state.
	prev, prevOn := StateOpen, t.TriggeredOn
	for i, ch := range t.History {
		f := fmt.Sprintf("history[%d]", i)
		if ch.From != prev || !CanTransition(ch.From, ch.To) {
			c.Add(f, "%s → %s does not follow %s", ch.From, ch.To, prev)
		}
		c.Check(ch.On != date.Zero, f+".on", "must be set")
		if ch.On != date.Zero && ch.On < prevOn {
			c.Add(f+".on", "%s is before %s", ch.On, prevOn)
		}
		c.Check(strings.TrimSpace(ch.By) != "", f+".by", "must name who acted")
		prev, prevOn = ch.To, max(prevOn, ch.On)
	}
	if t.State.Valid() && prev != t.State {
		c.Add("history", "ends in %s but the task is %s", prev, t.State)
	}
	return c.Err()
}

// lastChange is the date no action may precede: the last state change, or the trigger
// date if there was none.
func (t *Task) lastChange() date.Date {
	if n := len(t.History); n > 0 && t.History[n-1].On > t.TriggeredOn {
		return t.History[n-1].On
	}
	return t.TriggeredOn
}

// checkAction checks the date and actor of an action on the task.
func (t *Task) checkAction(c *validation.Collector, onField, byField string, on date.Date, by string) {
	c.Check(on != date.Zero, onField, "must be set")
	c.Check(strings.TrimSpace(by) != "", byField, "must name who acted")
	t.checkNotBefore(c, onField, on)
}

// checkNotBefore reports a date before the task's last change (or its trigger date).
func (t *Task) checkNotBefore(c *validation.Collector, field string, on date.Date) {
	last := t.lastChange()
	if on == date.Zero || on >= last {
		return
	}
	if n := len(t.History); n > 0 && t.History[n-1].On == last {
		c.Add(field, "%s is before the task's last recorded change on %s", on, last)
	} else {
		c.Add(field, "%s is before the task was triggered on %s", on, last)
	}
}

// move checks and records a state change; note is the reason (for a block or skip) and
// noteField the field it is reported as when required. It changes nothing when it fails.
func (t *Task) move(to State, on date.Date, by, note, noteField string) error {
	if !CanTransition(t.State, to) {
		return &TransitionError{From: t.State, To: to}
	}
	c := validation.Collector{Pkg: pkg}
	t.checkAction(&c, "on", "by", on, by)
	if noteField != "" {
		c.Check(strings.TrimSpace(note) != "", noteField, "must not be empty")
	}
	if err := c.Err(); err != nil {
		return err
	}
	if to == StateDone && t.EvidenceRequired && len(t.Evidence) == 0 {
		return ErrEvidenceRequired
	}
	t.History = append(t.History, Change{From: t.State, To: to, On: on, By: by, Note: note})
	t.State = to
	return nil
}

// Start records that work began on s.On, or resumed after a block: open or blocked →
// in_progress.
func (t *Task) Start(s Start, by string) error {
	if err := t.move(StateInProgress, s.On, by, "", ""); err != nil {
		return err
	}
	t.BlockedReason = ""
	return nil
}

// Block records that the task cannot go on, and why: open or in_progress → blocked.
func (t *Task) Block(b Blocking, by string) error {
	if err := t.move(StateBlocked, b.On, by, b.Reason, "reason"); err != nil {
		return err
	}
	t.BlockedReason = b.Reason
	return nil
}

// Skip closes the task without doing it, and records why: open, in_progress or
// blocked → skipped. A recurring series continues ([Task.Next]).
func (t *Task) Skip(s Skipping, by string) error {
	if err := t.move(StateSkipped, s.On, by, s.Reason, "reason"); err != nil {
		return err
	}
	t.BlockedReason = ""
	t.SkipReason = s.Reason
	return nil
}

// Complete records that the task was done: open or in_progress → done. A blocked task is
// started again first. If the task requires evidence and none is attached it returns
// [ErrEvidenceRequired]; completing a done task again is a [*TransitionError] from done
// to done. It changes nothing when it fails.
func (t *Task) Complete(c Completion, by string) error {
	if err := t.move(StateDone, c.On, by, "", ""); err != nil {
		return err
	}
	t.CompletedOn, t.CompletedBy = c.On, by
	return nil
}

// ClosedOn returns the day the task was completed or skipped, or the zero date if it is
// still open.
func (t *Task) ClosedOn() date.Date {
	switch t.State {
	case StateDone:
		return t.CompletedOn
	case StateSkipped:
		for i := len(t.History) - 1; i >= 0; i-- {
			if t.History[i].To == StateSkipped {
				return t.History[i].On
			}
		}
	}
	return date.Zero
}

// AddEvidence attaches a document showing the work was done (45 CFR 164.316(b)(1)(ii)).
// Every field must be set, SHA256 must be 64 lowercase hex digits not already attached,
// and AddedOn may not be before the task's last change. Evidence cannot be added to a
// closed task.
func (t *Task) AddEvidence(e Evidence) error {
	if t.State.Closed() {
		return validation.New(pkg, "state", "is %s: evidence cannot be added to a closed task", t.State)
	}
	c := validation.Collector{Pkg: pkg}
	e.check(&c, "evidence")
	t.checkNotBefore(&c, "evidence.added_on", e.AddedOn)
	for _, have := range t.Evidence {
		c.Check(have.SHA256 != e.SHA256, "evidence.sha256", "%s is already attached as %q", e.SHA256, have.Name)
	}
	if err := c.Err(); err != nil {
		return err
	}
	t.Evidence = append(t.Evidence, e)
	return nil
}

// CheckItem ticks off checklist item ch.Item on ch.On. The task must not be closed, the
// item must exist and not be done already (field "item"), and ch.On may not be before
// the task's last change.
func (t *Task) CheckItem(ch Check, by string) error {
	if t.State.Closed() {
		return validation.New(pkg, "state", "is %s: the checklist of a closed task cannot change", t.State)
	}
	i, on := ch.Item, ch.On
	if i < 0 || i >= len(t.Checklist) {
		return validation.New(pkg, "item", "%d does not exist: the checklist has %d items", i, len(t.Checklist))
	}
	if item := t.Checklist[i]; item.Done {
		return validation.New(pkg, "item", "%d is already done (on %s by %s)", i, item.DoneOn, item.DoneBy)
	}
	c := validation.Collector{Pkg: pkg}
	t.checkAction(&c, "on", "by", on, by)
	if err := c.Err(); err != nil {
		return err
	}
	t.Checklist = slices.Clone(t.Checklist)
	t.Checklist[i] = ChecklistItem{Text: t.Checklist[i].Text, Done: true, DoneOn: on, DoneBy: by}
	return nil
}

// Assign gives the task to a person or a role; exactly one must be set. A closed task
// cannot be reassigned.
func (t *Task) Assign(a Assignee) error {
	if t.State.Closed() {
		return validation.New(pkg, "state", "is %s: a closed task cannot be reassigned", t.State)
	}
	if err := a.Validate(); err != nil {
		return err
	}
	t.Assignee = a
	return nil
}

// Overdue reports whether the task is still open (open, in_progress or blocked) and its
// due date is before asOf: a task due today is not overdue until tomorrow.
func (t *Task) Overdue(asOf date.Date) bool {
	return t.State.Valid() && !t.State.Closed() && t.DueOn != date.Zero && t.DueOn < asOf
}

// Next creates the next occurrence of a recurring series from t, which must be closed
// (done or skipped), and records its id in t.NextID so the caller stores both tasks in one
// transaction. It returns false, with no error and no change to t, when t is not
// recurring, when the next occurrence was already created (t.NextID is set: a series
// continues exactly once from each task), or when tpl is disabled.
//
// The next occurrence is built from the current template tpl, so template changes apply
// to future occurrences only; it takes its title, instructions, citation, a fresh
// checklist, the evidence rule, the recurrence and TemplateVersion from tpl. When tpl is
// nil they come from t, and when tpl.Recurrence is nil t.Recurrence is kept. It keeps the
// series (Series, SeriesStart), Subject, Site, Trigger and Assignee, has Occurrence + 1,
// and is triggered on the day t closed. Its due date is:
//
//   - calendar anchor: [Recurrence.NextFrom](SeriesStart, Occurrence), one interval after
//     t's due date however late t closed (if the template changed the interval, the
//     first date of the new interval, counted from SeriesStart, after t's due date);
//   - completion anchor: [Recurrence.Next] of the day t was completed or skipped.
func (t *Task) Next(tpl *Template, id ID) (Task, bool, error) {
	if t.Recurrence == nil || t.NextID != "" {
		return Task{}, false, nil
	}
	if !t.State.Closed() {
		return Task{}, false, validation.New(pkg, "state", "is %s: the next occurrence is created when the task is done or skipped", t.State)
	}
	if tpl != nil && tpl.Disabled {
		return Task{}, false, nil
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(id)) != "", "id", "must not be empty")
	c.Check(id != t.ID, "id", "%q is the closed task's own id", id)
	if tpl != nil {
		c.Check(tpl.ID == t.TemplateID, "template_id", "%q is not the task's template %q", tpl.ID, t.TemplateID)
		c.Merge(tpl.Validate())
	}
	if err := c.Err(); err != nil {
		return Task{}, false, err
	}

	n := Task{
		ID:          id,
		Series:      t.Series,
		SeriesStart: t.SeriesStart,
		Occurrence:  t.Occurrence + 1,
		Subject:     t.Subject,
		Trigger:     t.Trigger,
		TriggeredOn: t.ClosedOn(),
		Assignee:    t.Assignee,
		Site:        t.Site,
		State:       StateOpen,
	}
	if tpl != nil {
		n.copyTemplate(tpl)
	} else {
		n.TemplateID, n.TemplateVersion = t.TemplateID, t.TemplateVersion
		n.Title, n.Instructions, n.Citation = t.Title, t.Instructions, t.Citation
		n.EvidenceRequired = t.EvidenceRequired
		for _, item := range t.Checklist {
			n.Checklist = append(n.Checklist, ChecklistItem{Text: item.Text})
		}
	}
	if n.Recurrence == nil {
		r := *t.Recurrence
		n.Recurrence = &r
	}
	r := *n.Recurrence
	if err := r.Validate(); err != nil {
		return Task{}, false, err
	}
	switch r.Anchor {
	case AnchorCalendar:
		n.DueOn = calendarDue(r, t.SeriesStart, t.DueOn, t.Occurrence, r == *t.Recurrence)
	case AnchorCompletion:
		n.DueOn = r.Next(n.TriggeredOn)
	}
	if err := n.Validate(); err != nil {
		return Task{}, false, err
	}
	t.NextID = id
	return n, true, nil
}

// Ref returns the task's id at its version: what a change of the task takes.
func (t Task) Ref() record.Ref[ID] { return record.RefOf(t.ID, t.Version) }

// Clone returns a deep copy of t that shares no slices or pointers with it.
func (t *Task) Clone() Task {
	c := *t
	c.Checklist = slices.Clone(t.Checklist)
	c.Evidence = slices.Clone(t.Evidence)
	c.History = slices.Clone(t.History)
	if t.Recurrence != nil {
		r := *t.Recurrence
		c.Recurrence = &r
	}
	return c
}
