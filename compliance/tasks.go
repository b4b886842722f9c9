package compliance

import (
	"context"
	"errors"
	"fmt"

	"github.com/hipaaops/hipaaops/record"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// createTask makes a task from tpl, stores it, and records it.
func (c *call) createTask(tpl *task.Template, p task.NewParams) (task.Task, error) {
	if p.ID == "" {
		p.ID = task.ID(c.e.newID("task"))
	}
	if p.Site != "" {
		o, err := c.orgProfile()
		if err != nil {
			return task.Task{}, err
		}
		if !o.HasSite(p.Site) {
			return task.Task{}, validation.New("task", "site", "%q is not a site of the organization", p.Site)
		}
	}
	t, err := task.New(tpl, p)
	if err != nil {
		return t, err
	}
	t.CreatedAt, t.UpdatedAt = c.now, c.now
	if err := c.tx.Tasks().Create(c.ctx, &t); err != nil {
		return t, err
	}
	return t, c.record(record.KindTask, string(t.ID), t, eventSpec{EventTaskCreated, taskEvent(&t)})
}

// SaveTemplate stores an organization's own version of a template (a new id, or one
// that replaces the library's template of that id for this organization). To change a
// stored template, pass it with its current Version; a change applies to tasks created
// after it, and to the next occurrences of recurring tasks, never to existing tasks.
func (e *Engine) SaveTemplate(ctx context.Context, orgID org.ID, t task.Template) (task.Template, error) {
	err := e.update(ctx, orgID, "template.save", func(c *call) error {
		if _, err := c.orgProfile(); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.UpdatedAt = c.now
		cur, err := c.tx.Templates().Get(c.ctx, t.ID)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			if t.Version != 0 {
				return fmt.Errorf("template %q: version %d, none stored: %w", t.ID, t.Version, storage.ErrConflict)
			}
			t.CreatedAt = c.now
			err = c.tx.Templates().Create(c.ctx, &t)
		case err != nil:
		default:
			t.CreatedAt = cur.CreatedAt
			err = c.tx.Templates().Update(c.ctx, &t)
		}
		if err != nil {
			return err
		}
		return c.record(record.KindTemplate, string(t.ID), t, eventSpec{EventTemplateSaved, TemplateEvent{Template: t.ID, Version: t.Version}})
	})
	return t, err
}

// Template returns the template the organization uses for id: its stored one, else the
// library's (Version 0).
func (e *Engine) Template(ctx context.Context, orgID org.ID, id task.TemplateID) (task.Template, error) {
	var out task.Template
	err := e.view(ctx, orgID, "template.read", func(c *call) (err error) {
		out, err = c.template(id)
		return err
	})
	return out, err
}

// CreateTask creates a task from a template (stored for the organization or in the
// library). p.ID may be empty (an id is generated); a zero p.TriggeredOn is today.
func (e *Engine) CreateTask(ctx context.Context, orgID org.ID, id task.TemplateID, p task.NewParams) (task.Task, error) {
	var out task.Task
	err := e.update(ctx, orgID, "task.create", func(c *call) error {
		tpl, err := c.template(id)
		if err != nil {
			return err
		}
		if p.TriggeredOn, err = c.dateOr(p.TriggeredOn); err != nil {
			return err
		}
		if p.Trigger == "" {
			p.Trigger = "manual"
		}
		out, err = c.createTask(&tpl, p)
		return err
	})
	return out, err
}

// Task returns one task.
func (e *Engine) Task(ctx context.Context, orgID org.ID, id task.ID) (task.Task, error) {
	var out task.Task
	err := e.view(ctx, orgID, "task.read", func(c *call) (err error) {
		out, err = c.tx.Tasks().Get(c.ctx, id)
		return err
	})
	return out, err
}

// Tasks returns the tasks that match q, ordered by due date then id (see
// [storage.TaskQuery]: my tasks, due in a window, overdue by site, a trial's open
// checklist, a recurring series).
func (e *Engine) Tasks(ctx context.Context, orgID org.ID, q storage.TaskQuery) ([]task.Task, error) {
	var out []task.Task
	err := e.view(ctx, orgID, "task.read", func(c *call) error {
		var err error
		out, err = collect(c.tx.Tasks().List(c.ctx, q))
		return err
	})
	return out, err
}

// changeTask is the shape of every use case on one task: load at version, change,
// store, audit and emit; for a task closed by the change, the next occurrence of a
// recurring series is created in the same transaction, exactly once.
func (e *Engine) changeTask(ctx context.Context, orgID org.ID, id task.ID, version int64, action Action,
	change func(c *call, t *task.Task) error) (task.Task, error) {
	var out task.Task
	err := e.update(ctx, orgID, action, func(c *call) error {
		t, err := c.tx.Tasks().Get(c.ctx, id)
		if err != nil {
			return err
		}
		if t.Version != version {
			return fmt.Errorf("task %q: version %d, stored %d: %w", id, version, t.Version, storage.ErrConflict)
		}
		wasOpen := !t.State.Closed()
		if err := change(c, &t); err != nil {
			return err
		}
		var next *task.Task
		if wasOpen && t.State.Closed() {
			tpl, err := c.template(t.TemplateID)
			var tp *task.Template
			switch {
			case err == nil:
				tp = &tpl
			case !errors.Is(err, ErrUnknownTemplate):
				return err
			}
			n, ok, err := t.Next(tp, task.ID(c.e.newID("task")))
			if err != nil {
				return err
			}
			if ok {
				n.CreatedAt, n.UpdatedAt = c.now, c.now
				next = &n
			}
		}
		t.UpdatedAt = c.now
		if err := c.tx.Tasks().Update(c.ctx, &t); err != nil {
			return err
		}
		typ := EventTaskChanged
		if t.State == task.StateDone {
			typ = EventTaskCompleted
		}
		if err := c.record(record.KindTask, string(t.ID), t, eventSpec{typ, taskEvent(&t)}); err != nil {
			return err
		}
		if next != nil {
			if err := c.tx.Tasks().Create(c.ctx, next); err != nil {
				return err
			}
			if err := c.record(record.KindTask, string(next.ID), *next, eventSpec{EventTaskCreated, taskEvent(next)}); err != nil {
				return err
			}
		}
		out = t
		return nil
	})
	return out, err
}

// StartTask moves a task to in progress; a zero on is today.
func (e *Engine) StartTask(ctx context.Context, orgID org.ID, id task.ID, version int64, on date.Date) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.start", func(c *call, t *task.Task) error {
		on, err := c.dateOr(on)
		if err != nil {
			return err
		}
		return t.Start(on, c.actor.label())
	})
}

// BlockTask records that a task is blocked, and why.
func (e *Engine) BlockTask(ctx context.Context, orgID org.ID, id task.ID, version int64, on date.Date, reason string) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.block", func(c *call, t *task.Task) error {
		on, err := c.dateOr(on)
		if err != nil {
			return err
		}
		return t.Block(on, c.actor.label(), reason)
	})
}

// SkipTask closes a task without doing it, with the reason; a recurring task's next
// occurrence is created.
func (e *Engine) SkipTask(ctx context.Context, orgID org.ID, id task.ID, version int64, on date.Date, reason string) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.skip", func(c *call, t *task.Task) error {
		on, err := c.dateOr(on)
		if err != nil {
			return err
		}
		return t.Skip(on, c.actor.label(), reason)
	})
}

// CompleteTask completes a task (evidence first when its template requires it: the
// documentation 45 CFR 164.316(b) asks for); a recurring task's next occurrence is
// created in the same transaction, exactly once.
func (e *Engine) CompleteTask(ctx context.Context, orgID org.ID, id task.ID, version int64, on date.Date) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.complete", func(c *call, t *task.Task) error {
		on, err := c.dateOr(on)
		if err != nil {
			return err
		}
		return t.Complete(on, c.actor.label())
	})
}

// AddEvidence attaches evidence (name, location, SHA-256) to a task; a zero AddedOn is
// today and an empty AddedBy the actor.
func (e *Engine) AddEvidence(ctx context.Context, orgID org.ID, id task.ID, version int64, ev task.Evidence) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.add_evidence", func(c *call, t *task.Task) error {
		var err error
		if ev.AddedOn, err = c.dateOr(ev.AddedOn); err != nil {
			return err
		}
		if ev.AddedBy == "" {
			ev.AddedBy = c.actor.label()
		}
		return t.AddEvidence(ev)
	})
}

// CheckItem ticks item i of a task's checklist.
func (e *Engine) CheckItem(ctx context.Context, orgID org.ID, id task.ID, version int64, i int, on date.Date) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.check_item", func(c *call, t *task.Task) error {
		on, err := c.dateOr(on)
		if err != nil {
			return err
		}
		return t.CheckItem(i, on, c.actor.label())
	})
}

// AssignTask assigns a task to a person or a role.
func (e *Engine) AssignTask(ctx context.Context, orgID org.ID, id task.ID, version int64, a task.Assignee) (task.Task, error) {
	return e.changeTask(ctx, orgID, id, version, "task.assign", func(c *call, t *task.Task) error {
		return t.Assign(a)
	})
}
