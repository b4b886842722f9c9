package compliance

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
)

// Rule turns an event into a task: when a use case records an event of type On, the
// engine creates a task from Template in the same transaction, about the event's
// object. Rules are data: [DefaultRules] returns the standard set, which an embedder
// may extend, change or disable (Disabled) and pass in [Options.Rules].
type Rule struct {
	// Name identifies the rule in errors and in the created task's Trigger detail.
	Name string
	// On is the event type that fires the rule.
	On event.Type
	// Template is the template the task is made from: the organization's stored
	// template of that id if there is one, else the engine's library
	// ([Options.Templates]).
	Template task.TemplateID
	// HandlesPHI fires the rule only for vendors that receive at least one category of
	// PHI (vendor events only).
	HandlesPHI bool
	// Due chooses the due date: DueFromTrigger (the template's offset from the event's
	// day) or DueAtNextBAAReview (the vendor's next BAA review date).
	Due DueBasis
	// OneOff creates a task without the template's recurrence: the rule itself
	// schedules the next one (as the BAA review rules do on each review).
	OneOff bool
	// Disabled keeps the rule without firing it.
	Disabled bool
}

// DueBasis is how a rule sets its task's due date.
type DueBasis string

// Due bases.
const (
	// DueFromTrigger: the event's day plus the template's DueOffsetDays.
	DueFromTrigger DueBasis = ""
	// DueAtNextBAAReview: the next review date of the vendor's BAA (its effective date
	// plus the review interval when just signed).
	DueAtNextBAAReview DueBasis = "next_baa_review"
)

// DefaultRules returns the standard rules (issue "compliance tasks"), each a fresh
// copy: a vendor that handles PHI is added → BA determination and BAA assessment
// (45 CFR 164.502(e), 164.308(b)); a BAA signed → its recurring annual review from the
// effective date (164.504(e)), rescheduled from each review or renewal; a BAA terminated → confirm return or destruction of PHI
// (164.504(e)(2)(ii)(J)); a clinical trial opened → its HIPAA file (164.508,
// 164.512(i)); a workforce member joins → role-specific training (164.308(a)(5)); leaves
// → access revocation the same day (164.308(a)(3)(ii)(C)); changes role → access review
// (164.308(a)(4)(ii)(C)); a security incident reported → the incident-response
// checklist (164.308(a)(6)(ii)).
func DefaultRules() []Rule {
	return []Rule{
		{Name: "vendor-ba-assessment", On: EventVendorAdded, Template: profiles.TemplateBAAssessment, HandlesPHI: true},
		// The BAA's review recurs on the agreement's own schedule: each signing, review or
		// renewal schedules the next review task at the BAA's next review date, so a
		// late review moves both together (a fixed yearly task series would drift
		// from the agreement after one late review, and remind twice).
		{Name: "baa-annual-review", On: EventBAASigned, Template: profiles.TemplateBAAReview, Due: DueAtNextBAAReview, OneOff: true},
		{Name: "baa-next-review-after-review", On: EventBAAReviewed, Template: profiles.TemplateBAAReview, Due: DueAtNextBAAReview, OneOff: true},
		{Name: "baa-next-review-after-renewal", On: EventBAARenewed, Template: profiles.TemplateBAAReview, Due: DueAtNextBAAReview, OneOff: true},
		{Name: "baa-phi-disposition", On: EventBAATerminated, Template: profiles.TemplatePHIDisposition},
		{Name: "trial-hipaa-file", On: EventTrialOpened, Template: profiles.TemplateTrialHIPAAFile},
		{Name: "member-training", On: EventMemberJoined, Template: profiles.TemplateTraining},
		{Name: "member-access-revocation", On: EventMemberLeft, Template: profiles.TemplateAccessRevocation},
		{Name: "member-access-review", On: EventMemberRole, Template: profiles.TemplateAccessReview},
		{Name: "incident-response", On: EventIncidentReported, Template: profiles.TemplateIncidentResponse},
	}
}

// ErrUnknownTemplate is returned when a rule or a use case names a template that is
// neither stored for the organization nor in the engine's library. Its code is
// [NotFound].
var ErrUnknownTemplate = errors.New("compliance: unknown task template")

// RuleError reports a rule that cannot be applied; it matches ErrUnknownTemplate with
// errors.Is when that is the cause. Its code is the code of the error it wraps.
type RuleError struct {
	Rule string
	Err  error
}

func (e *RuleError) Error() string { return fmt.Sprintf("compliance: rule %q: %v", e.Rule, e.Err) }

// Unwrap returns the cause.
func (e *RuleError) Unwrap() error { return e.Err }

// checkRules refuses rules that name no event or one the engine never records, an
// unknown due basis, or a template the library does not have (a stored template of that
// id may still replace it per organization).
func checkRules(rules []Rule, library map[task.TemplateID]task.Template) error {
	seen := map[string]bool{}
	var errs []error
	for _, r := range rules {
		switch {
		case r.Name == "" || seen[r.Name]:
			errs = append(errs, &RuleError{Rule: r.Name, Err: errors.New("needs a unique name")})
		case r.On == "":
			errs = append(errs, &RuleError{Rule: r.Name, Err: errors.New("names no event type")})
		case !slices.Contains(EventTypes(), r.On):
			errs = append(errs, &RuleError{Rule: r.Name, Err: fmt.Errorf("event type %q is not one the engine records", r.On)})
		case r.Due != DueFromTrigger && r.Due != DueAtNextBAAReview:
			errs = append(errs, &RuleError{Rule: r.Name, Err: fmt.Errorf("unknown due basis %q", r.Due)})
		}
		if _, ok := library[r.Template]; !ok {
			errs = append(errs, &RuleError{Rule: r.Name, Err: fmt.Errorf("%w %q", ErrUnknownTemplate, r.Template)})
		}
		seen[r.Name] = true
	}
	return errors.Join(errs...)
}

// template returns the organization's stored template of that id, else the library's.
func (c *call) template(id task.TemplateID) (task.Template, error) {
	t, err := c.tx.Templates().Get(c.ctx, id)
	switch {
	case err == nil:
		return t, nil
	case !errors.Is(err, storage.ErrNotFound):
		return t, err
	}
	if t, ok := c.e.library[id]; ok {
		return t.Clone(), nil
	}
	return task.Template{}, fmt.Errorf("%w %q", ErrUnknownTemplate, id)
}

// applyRules creates the tasks the rules give for one recorded event. It dispatches on
// the event's type first (most events fire no rule), then reads what the rules need
// from the event's typed payload (each payload type's ruleFacts: the subject, site and
// day, see [payload]); a payload that carries no facts fires nothing.
func (c *call) applyRules(typ event.Type, p payload, today date.Date) error {
	var fire []Rule
	for _, r := range c.e.rules {
		if !r.Disabled && r.On == typ {
			fire = append(fire, r)
		}
	}
	if len(fire) == 0 {
		return nil
	}
	f := p.ruleFacts(typ, today)
	if f.Subject.Type == "" {
		return nil // a payload about no record (the organization, a sweep) fires nothing
	}
	if f.Day == date.Zero {
		f.Day = today
	}
	for _, r := range fire {
		if r.HandlesPHI && !f.HandlesPHI {
			continue
		}
		params := task.NewParams{TriggeredOn: f.Day, Trigger: string(typ), Subject: f.Subject,
			Site: f.Site, Assignee: f.Assignee}
		if r.Due == DueAtNextBAAReview {
			if f.NextBAAReview == date.Zero {
				continue
			}
			params.DueOn = f.NextBAAReview
			if params.DueOn < params.TriggeredOn {
				// A backdated agreement whose review date has already come: the review is
				// due on that date, overdue from the start, and the obligation arose then.
				params.TriggeredOn = params.DueOn
			}
		}
		tpl, err := c.template(r.Template)
		if err != nil {
			return &RuleError{Rule: r.Name, Err: err}
		}
		if tpl.Disabled {
			continue
		}
		tpl.Checklist = append(tpl.Checklist, f.Checklist...)
		if r.OneOff {
			tpl.Recurrence = nil
		}
		if _, err := c.createTask(&tpl, params); err != nil {
			return &RuleError{Rule: r.Name, Err: err}
		}
	}
	return nil
}
