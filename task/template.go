package task

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hipaaops/hipaaops/validation"
)

// TemplateID identifies a task template within its organization.
type TemplateID string

// Template describes a kind of task: what to do, why (the citation), who does it, whether
// evidence must be attached, when it falls due after the event that triggers it, and
// whether it comes back. Tasks copy what they need from it when they are created, so a
// change to a template applies to tasks created afterwards only.
type Template struct {
	ID TemplateID `json:"id"`
	// Version is the stored revision, managed by storage; tasks record the version they
	// were created from.
	Version int64 `json:"version"`

	Title        string `json:"title"`
	Instructions string `json:"instructions,omitempty"`
	// Checklist lists the steps of the task; each task gets its own copy to tick off.
	Checklist []string `json:"checklist"`
	// Citation is the rule the task serves, e.g. "45 CFR 164.308(a)(1)(ii)(A)".
	Citation string `json:"citation"`

	// DefaultRole is who a task is assigned to when its creator names no one; always set
	// on a valid template (omitted only from the zero value).
	DefaultRole Role `json:"default_role,omitempty"`
	// EvidenceRequired means a task cannot be completed without at least one piece of
	// evidence attached (documentation of the action, 45 CFR 164.316(b)(1)).
	EvidenceRequired bool `json:"evidence_required,omitempty"`
	// DueOffsetDays is the number of days from the trigger to the due date; 0 means due
	// on the day of the trigger.
	DueOffsetDays int `json:"due_offset_days,omitempty"`
	// Recurrence makes each completed or skipped task create the next one; nil for a
	// one-off task.
	Recurrence *Recurrence `json:"recurrence,omitempty"`
	// Disabled templates create no tasks, and recurring series built from them stop.
	Disabled bool `json:"disabled,omitempty"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the template's fields: id, title and citation are set, the default
// role is lower_snake_case, the due offset is not negative, the recurrence (if any) is
// valid and no checklist item is empty.
func (t *Template) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(t.ID)) != "", "id", "must not be empty")
	c.Check(t.Version >= 0, "version", "must not be negative, got %d", t.Version)
	c.Check(strings.TrimSpace(t.Title) != "", "title", "must not be empty")
	c.Check(strings.TrimSpace(t.Citation) != "", "citation", "must not be empty")
	checkRole(&c, "default_role", t.DefaultRole)
	c.Check(t.DueOffsetDays >= 0, "due_offset_days", "must not be negative, got %d: a task would be due before its trigger", t.DueOffsetDays)
	if t.Recurrence != nil {
		c.Merge(t.Recurrence.Validate())
	}
	for i, item := range t.Checklist {
		c.Check(strings.TrimSpace(item) != "", fmt.Sprintf("checklist[%d]", i), "must not be empty")
	}
	return c.Err()
}

// Clone returns a deep copy of t that shares no slices or pointers with it.
func (t *Template) Clone() Template {
	c := *t
	c.Checklist = slices.Clone(t.Checklist)
	if t.Recurrence != nil {
		r := *t.Recurrence
		c.Recurrence = &r
	}
	return c
}
