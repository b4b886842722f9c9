// Package memory is an in-memory [storage.Store] for tests and examples.
//
// It keeps deep copies of every value stored and returns copies, so callers can never
// change stored records by accident. Write transactions are serialized and rolled back
// from an undo log when their function fails. Nothing survives the process: use
// storage/sqlite or storage/postgres to keep records.
package memory

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// Store is an in-memory store. The zero value is not usable; call [New].
type Store struct {
	mu     sync.RWMutex
	closed bool
	orgs   map[org.ID]*orgData
}

type orgData struct {
	profile   *org.Organization
	vendors   map[vendors.ID]*vendors.Vendor
	templates map[task.TemplateID]*task.Template
	tasks     map[task.ID]*task.Task
	members   map[workforce.ID]*workforce.Member
	trials    map[trials.ID]*trials.Trial
	reminders map[string]time.Time
	incidents map[incident.ID]*incident.Incident
	risks     map[riskreg.ID]*riskreg.Risk
	analyses  map[riskreg.AnalysisID]*riskreg.Analysis
	decisions map[controls.DecisionKey]*controls.AddressableDecision
	audit     []audit.Entry
	events    []event.Event
}

func newOrgData() *orgData {
	return &orgData{
		vendors:   map[vendors.ID]*vendors.Vendor{},
		templates: map[task.TemplateID]*task.Template{},
		tasks:     map[task.ID]*task.Task{},
		members:   map[workforce.ID]*workforce.Member{},
		trials:    map[trials.ID]*trials.Trial{},
		reminders: map[string]time.Time{},
		incidents: map[incident.ID]*incident.Incident{},
		risks:     map[riskreg.ID]*riskreg.Risk{},
		analyses:  map[riskreg.AnalysisID]*riskreg.Analysis{},
		decisions: map[controls.DecisionKey]*controls.AddressableDecision{},
	}
}

var _ storage.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store { return &Store{orgs: map[org.ID]*orgData{}} }

// Org returns the handle of one organization.
func (s *Store) Org(id org.ID) storage.Org { return &orgHandle{s: s, id: id} }

// Close marks the store closed; later transactions fail with [storage.ErrClosed].
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

type orgHandle struct {
	s  *Store
	id org.ID
}

func (h *orgHandle) ID() org.ID { return h.id }

func (h *orgHandle) Update(ctx context.Context, fn func(storage.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.closed {
		return storage.ErrClosed
	}
	t := &tx{ctx: ctx, s: h.s, id: h.id, write: true}
	err := fn(t)
	t.done = true
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		for i := len(t.undo) - 1; i >= 0; i-- {
			t.undo[i]()
		}
		return err
	}
	return nil
}

func (h *orgHandle) View(ctx context.Context, fn func(storage.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h.s.mu.RLock()
	defer h.s.mu.RUnlock()
	if h.s.closed {
		return storage.ErrClosed
	}
	t := &tx{ctx: ctx, s: h.s, id: h.id}
	err := fn(t)
	t.done = true
	return err
}

// tx runs under the store's lock (exclusive when write is set).
type tx struct {
	ctx   context.Context
	s     *Store
	id    org.ID
	write bool
	done  bool
	undo  []func()
}

func (t *tx) Organization() storage.Organizations        { return orgs{t} }
func (t *tx) Vendors() storage.Vendors                   { return vendorStore{vendorTable(t)} }
func (t *tx) Templates() storage.Templates               { return templateStore{templateTable(t)} }
func (t *tx) Tasks() storage.Tasks                       { return taskStore{taskTable(t)} }
func (t *tx) Members() storage.Members                   { return memberStore{memberTable(t)} }
func (t *tx) Trials() storage.Trials                     { return trialStore{trialTable(t)} }
func (t *tx) Reminders() storage.Reminders               { return reminderStore{t} }
func (t *tx) Incidents() storage.Incidents               { return incidentStore{incidentTable(t)} }
func (t *tx) Risks() storage.Risks                       { return riskStore{riskTable(t)} }
func (t *tx) Analyses() storage.Analyses                 { return analysisStore{analysisTable(t)} }
func (t *tx) ControlDecisions() storage.ControlDecisions { return decisionStore{decisionTable(t)} }
func (t *tx) Audit() storage.AuditLog                    { return auditLog{t} }
func (t *tx) Events() storage.EventLog                   { return eventLog{t} }

// check reports a used-up transaction, a cancelled context or a write in a read-only one.
func (t *tx) check(ctx context.Context, writing bool) error {
	if t.done {
		return storage.ErrTxDone
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if writing && !t.write {
		return fmt.Errorf("memory: write in a read-only transaction")
	}
	return nil
}

// data returns the organization's records, creating them (with an undo) when writing.
func (t *tx) data(create bool) *orgData {
	d := t.s.orgs[t.id]
	if d == nil && create {
		d = newOrgData()
		t.s.orgs[t.id] = d
		t.undo = append(t.undo, func() { delete(t.s.orgs, t.id) })
	}
	return d
}

type orgs struct{ t *tx }

func (o orgs) Get(ctx context.Context) (org.Organization, error) {
	if err := o.t.check(ctx, false); err != nil {
		return org.Organization{}, err
	}
	d := o.t.data(false)
	if d == nil || d.profile == nil {
		return org.Organization{}, fmt.Errorf("organization %q: %w", o.t.id, storage.ErrNotFound)
	}
	return d.profile.Clone(), nil
}

func (o orgs) Create(ctx context.Context, p *org.Organization) error {
	if err := o.t.check(ctx, true); err != nil {
		return err
	}
	if p.ID != o.t.id {
		return fmt.Errorf("memory: organization id %q is not the handle's %q: %w", p.ID, o.t.id, storage.ErrNotFound)
	}
	d := o.t.data(true)
	if d.profile != nil {
		return fmt.Errorf("organization %q: %w", p.ID, storage.ErrExists)
	}
	p.Version = 1
	c := p.Clone()
	d.profile = &c
	o.t.undo = append(o.t.undo, func() { d.profile = nil })
	return nil
}

func (o orgs) Update(ctx context.Context, p *org.Organization) error {
	if err := o.t.check(ctx, true); err != nil {
		return err
	}
	d := o.t.data(false)
	if p.ID != o.t.id || d == nil || d.profile == nil {
		return fmt.Errorf("organization %q: %w", p.ID, storage.ErrNotFound)
	}
	if d.profile.Version != p.Version {
		return fmt.Errorf("organization %q version %d, stored %d: %w", p.ID, p.Version, d.profile.Version, storage.ErrConflict)
	}
	old := d.profile
	p.Version++
	c := p.Clone()
	d.profile = &c
	o.t.undo = append(o.t.undo, func() { d.profile = old })
	return nil
}

type vendorStore struct {
	table[vendors.ID, vendors.Vendor]
}

func vendorTable(t *tx) table[vendors.ID, vendors.Vendor] {
	return table[vendors.ID, vendors.Vendor]{t: t, kind: "vendor",
		rows:    func(d *orgData) map[vendors.ID]*vendors.Vendor { return d.vendors },
		id:      func(v *vendors.Vendor) vendors.ID { return v.ID },
		version: func(v *vendors.Vendor) *int64 { return &v.Version },
		clone:   func(v *vendors.Vendor) vendors.Vendor { return v.Clone() }}
}

func (vs vendorStore) List(ctx context.Context, q storage.VendorQuery) iter.Seq2[vendors.Vendor, error] {
	return vs.scan(ctx, func(v *vendors.Vendor) bool {
		return (len(q.States) == 0 || slices.Contains(q.States, v.BAA.State)) &&
			(len(q.Categories) == 0 || slices.Contains(q.Categories, v.Category)) &&
			(q.Name == "" || vendors.NameKey(v.Name) == vendors.NameKey(q.Name)) &&
			(q.AfterName == "" && q.AfterID == "" || cmp.Or(cmp.Compare(v.Name, q.AfterName), cmp.Compare(v.ID, q.AfterID)) > 0)
	}, func(a, b *vendors.Vendor) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	}, q.Limit)
}

func (vs vendorStore) ReviewsDue(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	return vs.scan(ctx, func(v *vendors.Vendor) bool {
		return v.BAA.State.InForce() && w.Contains(v.BAA.NextReviewOn)
	}, byDate(func(v *vendors.Vendor) date.Date { return v.BAA.NextReviewOn }), 0)
}

func (vs vendorStore) Expiring(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	return vs.scan(ctx, func(v *vendors.Vendor) bool {
		return (v.BAA.State.InForce() || v.BAA.State == vendors.StateExpired) &&
			v.BAA.ExpiresOn != date.Zero && w.Contains(v.BAA.ExpiresOn)
	}, byDate(func(v *vendors.Vendor) date.Date { return v.BAA.ExpiresOn }), 0)
}

func (vs vendorStore) Stalled(ctx context.Context, before date.Date) iter.Seq2[vendors.Vendor, error] {
	return vs.scan(ctx, func(v *vendors.Vendor) bool {
		return v.BAA.State.Pending() && v.BAA.LastActivityOn < before
	}, byDate(func(v *vendors.Vendor) date.Date { return v.BAA.LastActivityOn }), 0)
}

func byDate(key func(*vendors.Vendor) date.Date) func(a, b *vendors.Vendor) int {
	return func(a, b *vendors.Vendor) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.ID, b.ID))
	}
}

type auditLog struct{ t *tx }

func (a auditLog) Append(ctx context.Context, e audit.Entry) error {
	if err := a.t.check(ctx, true); err != nil {
		return err
	}
	d := a.t.data(true)
	var wantSeq uint64 = 1
	wantPrev := ""
	if n := len(d.audit); n > 0 {
		wantSeq, wantPrev = d.audit[n-1].Seq+1, d.audit[n-1].Hash
	}
	if e.Seq != wantSeq || e.Prev != wantPrev {
		return fmt.Errorf("audit entry %d does not follow entry %d: %w", e.Seq, wantSeq-1, storage.ErrConflict)
	}
	d.audit = append(d.audit, e)
	a.t.undo = append(a.t.undo, func() { d.audit = d.audit[:len(d.audit)-1] })
	return nil
}

func (a auditLog) Last(ctx context.Context) (audit.Entry, error) {
	if err := a.t.check(ctx, false); err != nil {
		return audit.Entry{}, err
	}
	if d := a.t.data(false); d != nil && len(d.audit) > 0 {
		return d.audit[len(d.audit)-1], nil
	}
	return audit.Entry{}, fmt.Errorf("audit chain of %q is empty: %w", a.t.id, storage.ErrNotFound)
}

func (a auditLog) List(ctx context.Context, from uint64, limit int) iter.Seq2[audit.Entry, error] {
	return func(yield func(audit.Entry, error) bool) {
		if err := a.t.check(ctx, false); err != nil {
			yield(audit.Entry{}, err)
			return
		}
		d := a.t.data(false)
		if d == nil {
			return
		}
		n := 0
		for _, e := range d.audit {
			if e.Seq < from {
				continue
			}
			if limit > 0 && n == limit {
				return
			}
			n++
			if !yield(e, nil) {
				return
			}
		}
	}
}

type eventLog struct{ t *tx }

func (l eventLog) Append(ctx context.Context, e *event.Event) error {
	if err := l.t.check(ctx, true); err != nil {
		return err
	}
	d := l.t.data(true)
	e.Seq = uint64(len(d.events)) + 1
	c := *e
	c.Data = slices.Clone(e.Data)
	d.events = append(d.events, c)
	l.t.undo = append(l.t.undo, func() { d.events = d.events[:len(d.events)-1] })
	return nil
}

func (l eventLog) List(ctx context.Context, after uint64, limit int) iter.Seq2[event.Event, error] {
	return func(yield func(event.Event, error) bool) {
		if err := l.t.check(ctx, false); err != nil {
			yield(event.Event{}, err)
			return
		}
		d := l.t.data(false)
		if d == nil || after >= uint64(len(d.events)) {
			return
		}
		evs := d.events[after:]
		if limit > 0 && len(evs) > limit {
			evs = evs[:limit]
		}
		for _, e := range evs {
			e.Data = slices.Clone(e.Data)
			if !yield(e, nil) {
				return
			}
		}
	}
}

// encodable refuses, as the SQL backends do, a value they could not store: one with an
// enum value that has no encoding (an unknown or empty category, state or role). The
// error wraps the value's validation error.
func encodable(kind string, id, v any) error {
	if _, err := json.Marshal(v); err != nil {
		return fmt.Errorf("memory: %s %v cannot be stored: %w", kind, id, err)
	}
	return nil
}
