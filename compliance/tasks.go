package compliance

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// TaskService is the compliance work of one organization: the templates tasks are made
// from (the engine's library, which the organization may replace or extend with its
// own versions) and the tasks themselves, each started, blocked, skipped, completed,
// documented with evidence (45 CFR 164.316(b)), ticked off item by item or reassigned.
// Every move takes the task's [record.Ref] (the version read) and one input whose zero
// day means today in the organization's time zone; a move dated in the future is
// refused. Completing or skipping a recurring task creates its next occurrence in the
// same transaction, exactly once.
type TaskService struct{ o *Org }

// Tasks returns the organization's templates and tasks.
func (o *Org) Tasks() TaskService { return TaskService{o} }

// TemplateQuery pages a template listing.
type TemplateQuery struct {
	PageQuery
}

// templateCursor is the position of a template listing.
type templateCursor struct {
	ID task.TemplateID `json:"i"`
}

// TaskQuery filters and pages a task listing; zero fields do not filter. It answers the
// usual questions from the storage indexes: my tasks (Person), a role's tasks, due in a
// window, overdue by site (Open, DueBefore today, Site), a trial's open checklist
// (Open, Subject), a recurring series (Series).
type TaskQuery struct {
	// Open keeps only tasks in an open state (open, in progress, blocked).
	Open bool `json:"open,omitempty"`
	// DueFrom keeps tasks due on or after that day.
	DueFrom date.Date `json:"due_from,omitzero"`
	// DueBefore keeps tasks due before that day (overdue as of d: DueBefore d).
	DueBefore date.Date `json:"due_before,omitzero"`
	// Person keeps tasks assigned to this person; Role those assigned to this role.
	Person string    `json:"person,omitempty"`
	Role   task.Role `json:"role,omitempty"`
	// Site keeps tasks of this site.
	Site org.SiteID `json:"site,omitempty"`
	// Subject keeps tasks about this record (both fields set, or neither).
	Subject task.Subject `json:"subject,omitzero"`
	// Series keeps the occurrences of one recurring series.
	Series task.ID `json:"series,omitempty"`
	PageQuery
}

// taskCursor is the position of a task listing.
type taskCursor struct {
	DueOn date.Date `json:"d"`
	ID    task.ID   `json:"i"`
}

// endOfDays bounds a due window that has a start and no end.
var endOfDays = date.New(10000, 1, 1)

// storage returns the storage query of q, or the validation error of a bad filter.
func (q TaskQuery) storage() (storage.TaskQuery, error) {
	vc := validation.Collector{Pkg: "compliance"}
	vc.Check(q.DueFrom == date.Zero || q.DueBefore == date.Zero || q.DueFrom < q.DueBefore, "due_before",
		"%s must be after due_from %s", q.DueBefore, q.DueFrom)
	vc.Check((q.Subject.Type == "") == (q.Subject.ID == ""), "subject", "type and id must both be set or both be empty")
	vc.Check(q.Subject.Type == "" || q.Subject.Type.Valid(), "subject.type", "%q is not a record kind", q.Subject.Type)
	vc.Check(q.Role == "" || q.Role.Valid(), "role", "%q must be lower_snake_case", q.Role)
	if err := vc.Err(); err != nil {
		return storage.TaskQuery{}, err
	}
	sq := storage.TaskQuery{Open: q.Open, Person: q.Person, Role: q.Role, Site: q.Site,
		Subject: q.Subject, Series: q.Series}
	switch {
	case q.DueFrom != date.Zero && q.DueBefore != date.Zero:
		sq.Due = storage.Window{From: q.DueFrom, To: q.DueBefore}
	case q.DueFrom != date.Zero:
		sq.Due = storage.Window{From: q.DueFrom, To: endOfDays}
	case q.DueBefore != date.Zero:
		sq.Due = storage.Before(q.DueBefore)
	}
	return sq, nil
}

// createTask makes a task from tpl, stores it, and records it.
func (c *call) createTask(tpl *task.Template, p task.NewParams) (task.Task, error) {
	if p.ID == "" {
		p.ID = task.ID(c.e.newID(record.KindTask))
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
	return t, c.record(record.KindTask, string(t.ID), t, taskSpec(EventTaskCreated, &t))
}

// SaveTemplate stores an organization's own version of a template: a new id, or one
// that replaces the library's template of that id for this organization. A template
// not stored yet has Version 0 (as [TaskService.Template] returns a library template);
// to change a stored one, pass it with the version read (a stale one fails with
// storage.ErrConflict). A change applies to tasks created after it, and to the next
// occurrences of recurring tasks, never to existing tasks.
func (s TaskService) SaveTemplate(ctx context.Context, t task.Template) (task.Template, error) {
	err := s.o.update(ctx, ActionTemplateSave, func(c *call) error {
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
		return c.record(record.KindTemplate, string(t.ID), t,
			eventSpec{EventTemplateSaved, TemplateEvent{Template: t.ID, Version: t.Version}})
	})
	return result(t, err)
}

// Template returns the template the organization uses for id: its stored one, else the
// library's (Version 0); an id in neither is [ErrUnknownTemplate].
func (s TaskService) Template(ctx context.Context, id task.TemplateID) (task.Template, error) {
	var out task.Template
	err := s.o.view(ctx, ActionTemplateRead, func(c *call) (err error) {
		out, err = c.template(id)
		return err
	})
	return result(out, err)
}

// Templates returns a page of the templates the organization uses, by id: the
// library's, each replaced by the organization's stored version of the same id when
// there is one (a library template has Version 0), and the organization's own.
func (s TaskService) Templates(ctx context.Context, q TemplateQuery) (Page[task.Template], error) {
	var p Page[task.Template]
	err := s.o.view(ctx, ActionTemplateRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		var pos templateCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		stored, err := collect(c.tx.Templates().List(c.ctx, storage.TemplateQuery{AfterID: pos.ID, Limit: limit + 1}))
		if err != nil {
			return err
		}
		// The first limit+1 ids of the merged listing are among the first limit+1 of
		// each side, so limit+1 of each is enough.
		lib := c.e.libraryAfter(pos.ID, limit+1)
		merged := make([]task.Template, 0, min(len(stored)+len(lib), limit+1))
		for i, j := 0, 0; (i < len(stored) || j < len(lib)) && len(merged) <= limit; {
			switch {
			case j == len(lib) || i < len(stored) && stored[i].ID < lib[j].ID:
				merged = append(merged, stored[i])
				i++
			case i == len(stored) || lib[j].ID < stored[i].ID:
				merged = append(merged, lib[j].Clone())
				j++
			default: // the organization's version replaces the library's
				merged = append(merged, stored[i])
				i, j = i+1, j+1
			}
		}
		p, err = collectPage(sliceSeq(merged), limit,
			func(t *task.Template) templateCursor { return templateCursor{t.ID} })
		return err
	})
	return result(p, err)
}

// libraryAfter returns up to n library templates with ids after id, by id.
func (e *Engine) libraryAfter(id task.TemplateID, n int) []task.Template {
	var ids []task.TemplateID
	for k := range e.library {
		if k > id {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	out := make([]task.Template, 0, min(len(ids), n))
	for _, k := range ids[:min(len(ids), n)] {
		out = append(out, e.library[k])
	}
	return out
}

// Create creates a task from a template (stored for the organization or in the
// library). p.ID may be empty (an id is assigned); a zero p.TriggeredOn is today and an
// empty p.Trigger is "manual"; a zero p.DueOn is the trigger day plus the template's
// offset, and a zero p.Assignee the template's default role. A subject names a record
// by its [record.Kind] and id.
func (s TaskService) Create(ctx context.Context, id task.TemplateID, p task.NewParams) (task.Task, error) {
	var out task.Task
	err := s.o.update(ctx, ActionTaskCreate, func(c *call) error {
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
		if p.Subject.Type != "" && !p.Subject.Type.Valid() {
			return validation.New("task", "subject.type", "%q is not a record kind (%v)", p.Subject.Type, record.KindValues())
		}
		out, err = c.createTask(&tpl, p)
		return err
	})
	return result(out, err)
}

// Get returns one task.
func (s TaskService) Get(ctx context.Context, id task.ID) (task.Task, error) {
	var out task.Task
	err := s.o.view(ctx, ActionTaskRead, func(c *call) (err error) {
		out, err = c.tx.Tasks().Get(c.ctx, id)
		return err
	})
	return result(out, err)
}

// List returns a page of the tasks that match q, by due date then id.
func (s TaskService) List(ctx context.Context, q TaskQuery) (Page[task.Task], error) {
	var p Page[task.Task]
	err := s.o.view(ctx, ActionTaskRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		sq, err := q.storage()
		if err != nil {
			return err
		}
		var pos taskCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq.AfterDue, sq.AfterID, sq.Limit = pos.DueOn, pos.ID, limit+1
		p, err = collectPage(c.tx.Tasks().List(c.ctx, sq), limit,
			func(t *task.Task) taskCursor { return taskCursor{t.DueOn, t.ID} })
		return err
	})
	return result(p, err)
}

// loadTask reads a task and checks the caller's version against the stored one.
func loadTask(c *call, ref record.Ref[task.ID]) (task.Task, error) {
	t, err := c.tx.Tasks().Get(c.ctx, ref.ID)
	if err != nil {
		return t, err
	}
	if t.Version != ref.Version {
		return t, fmt.Errorf("task %q: version %d, stored %d: %w", ref.ID, ref.Version, t.Version, storage.ErrConflict)
	}
	return t, nil
}

// change is the shape of every move of one task: load at the ref's version, change,
// validate, store, audit and emit; for a task closed by the change, the next occurrence
// of a recurring series is created in the same transaction, exactly once.
func (s TaskService) change(ctx context.Context, ref record.Ref[task.ID], action Action,
	change func(c *call, t *task.Task) error) (task.Task, error) {
	var out task.Task
	err := s.o.update(ctx, action, func(c *call) error {
		t, err := loadTask(c, ref)
		if err != nil {
			return err
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
			n, ok, err := t.Next(tp, task.ID(c.e.newID(record.KindTask)))
			if err != nil {
				return err
			}
			if ok {
				n.CreatedAt, n.UpdatedAt = c.now, c.now
				next = &n
			}
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.UpdatedAt = c.now
		if err := c.tx.Tasks().Update(c.ctx, &t); err != nil {
			return err
		}
		typ := EventTaskChanged
		if t.State == task.StateDone {
			typ = EventTaskCompleted
		}
		if err := c.record(record.KindTask, string(t.ID), t, taskSpec(typ, &t)); err != nil {
			return err
		}
		if next != nil {
			if err := c.tx.Tasks().Create(c.ctx, next); err != nil {
				return err
			}
			if err := c.record(record.KindTask, string(next.ID), *next, taskSpec(EventTaskCreated, next)); err != nil {
				return err
			}
		}
		out = t
		return nil
	})
	return result(out, err)
}

// Start records that work on the task began, or resumed after a block (open or
// blocked → in_progress); a zero in.On is today.
func (s TaskService) Start(ctx context.Context, ref record.Ref[task.ID], in task.Start) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskStart, func(c *call, t *task.Task) (err error) {
		if in.On, err = c.pastDate("task", "on", in.On); err != nil {
			return err
		}
		return t.Start(in, c.actor.label())
	})
}

// Block records that the task cannot go on, and why (open or in_progress → blocked); a
// zero in.On is today.
func (s TaskService) Block(ctx context.Context, ref record.Ref[task.ID], in task.Blocking) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskBlock, func(c *call, t *task.Task) (err error) {
		if in.On, err = c.pastDate("task", "on", in.On); err != nil {
			return err
		}
		return t.Block(in, c.actor.label())
	})
}

// Skip closes the task without doing it, with the reason; a recurring task's next
// occurrence is created. A zero in.On is today.
func (s TaskService) Skip(ctx context.Context, ref record.Ref[task.ID], in task.Skipping) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskSkip, func(c *call, t *task.Task) (err error) {
		if in.On, err = c.pastDate("task", "on", in.On); err != nil {
			return err
		}
		return t.Skip(in, c.actor.label())
	})
}

// Complete completes the task (evidence first when its template requires it: the
// documentation 45 CFR 164.316(b) asks for, else [task.ErrEvidenceRequired]); a
// recurring task's next occurrence is created in the same transaction, exactly once. A
// zero in.On is today.
func (s TaskService) Complete(ctx context.Context, ref record.Ref[task.ID], in task.Completion) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskComplete, func(c *call, t *task.Task) (err error) {
		if in.On, err = c.pastDate("task", "on", in.On); err != nil {
			return err
		}
		return t.Complete(in, c.actor.label())
	})
}

// AddEvidence attaches evidence (name, location, SHA-256) to an open task; a zero
// AddedOn is today and an empty AddedBy the actor.
func (s TaskService) AddEvidence(ctx context.Context, ref record.Ref[task.ID], ev task.Evidence) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskAddEvidence, func(c *call, t *task.Task) (err error) {
		if ev.AddedOn, err = c.pastDate("task", "added_on", ev.AddedOn); err != nil {
			return err
		}
		if ev.AddedBy == "" {
			ev.AddedBy = c.actor.label()
		}
		return t.AddEvidence(ev)
	})
}

// CheckItem ticks off item in.Item of the task's checklist; a zero in.On is today.
func (s TaskService) CheckItem(ctx context.Context, ref record.Ref[task.ID], in task.Check) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskCheckItem, func(c *call, t *task.Task) (err error) {
		if in.On, err = c.pastDate("task", "on", in.On); err != nil {
			return err
		}
		return t.CheckItem(in, c.actor.label())
	})
}

// Assign gives an open task to a person or a role (exactly one).
func (s TaskService) Assign(ctx context.Context, ref record.Ref[task.ID], a task.Assignee) (task.Task, error) {
	return s.change(ctx, ref, ActionTaskAssign, func(c *call, t *task.Task) error {
		return t.Assign(a)
	})
}

// taskSpec is the event of type typ about t.
func taskSpec(typ event.Type, t *task.Task) eventSpec { return eventSpec{typ, taskEvent(t)} }

// sliceSeq is the listing of a slice, for collectPage.
func sliceSeq[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, v := range s {
			if !yield(v, nil) {
				return
			}
		}
	}
}
