package memory

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/workforce"
)

// table is the generic keeping of one aggregate: copies in and out, versions, undo.
type table[K comparable, V any] struct {
	t       *tx
	kind    string
	rows    func(*orgData) map[K]*V
	id      func(*V) K
	version func(*V) *int64
	clone   func(*V) V
}

// Get, Create and Update are the storage contract's methods of every aggregate kept in a
// table; the aggregate's store embeds its table and adds its listings.
func (tb table[K, V]) Get(ctx context.Context, id K) (V, error) { return tb.get(ctx, id) }

// Create stores v with version 1 (storage.ErrExists if its id is taken).
func (tb table[K, V]) Create(ctx context.Context, v *V) error { return tb.create(ctx, v) }

// Update stores v if its version is current (storage.ErrConflict otherwise).
func (tb table[K, V]) Update(ctx context.Context, v *V) error { return tb.update(ctx, v) }

func (tb table[K, V]) get(ctx context.Context, id K) (V, error) {
	var zero V
	if err := tb.t.check(ctx, false); err != nil {
		return zero, err
	}
	if d := tb.t.data(false); d != nil {
		if v, ok := tb.rows(d)[id]; ok {
			return tb.clone(v), nil
		}
	}
	return zero, fmt.Errorf("%s %v: %w", tb.kind, id, storage.ErrNotFound)
}

func (tb table[K, V]) create(ctx context.Context, v *V) error {
	if err := tb.t.check(ctx, true); err != nil {
		return err
	}
	if err := encodable(tb.kind, tb.id(v), v); err != nil {
		return err
	}
	d := tb.t.data(true)
	rows, id := tb.rows(d), tb.id(v)
	if _, ok := rows[id]; ok {
		return fmt.Errorf("%s %v: %w", tb.kind, id, storage.ErrExists)
	}
	*tb.version(v) = 1
	c := tb.clone(v)
	rows[id] = &c
	tb.t.undo = append(tb.t.undo, func() { delete(rows, id) })
	return nil
}

func (tb table[K, V]) update(ctx context.Context, v *V) error {
	if err := tb.t.check(ctx, true); err != nil {
		return err
	}
	if err := encodable(tb.kind, tb.id(v), v); err != nil {
		return err
	}
	id := tb.id(v)
	d := tb.t.data(false)
	var old *V
	if d != nil {
		old = tb.rows(d)[id]
	}
	if old == nil {
		return fmt.Errorf("%s %v: %w", tb.kind, id, storage.ErrNotFound)
	}
	if stored, given := *tb.version(old), *tb.version(v); stored != given {
		return fmt.Errorf("%s %v version %d, stored %d: %w", tb.kind, id, given, stored, storage.ErrConflict)
	}
	*tb.version(v)++
	c := tb.clone(v)
	rows := tb.rows(d)
	rows[id] = &c
	tb.t.undo = append(tb.t.undo, func() { rows[id] = old })
	return nil
}

// scan selects, sorts and copies the matching values when the iteration starts.
func (tb table[K, V]) scan(ctx context.Context, keep func(*V) bool, order func(a, b *V) int, limit int) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		if err := tb.t.check(ctx, false); err != nil {
			var zero V
			yield(zero, err)
			return
		}
		var hits []*V
		if d := tb.t.data(false); d != nil {
			for _, v := range tb.rows(d) {
				if keep(v) {
					hits = append(hits, v)
				}
			}
		}
		slices.SortFunc(hits, order)
		if limit > 0 && len(hits) > limit {
			hits = hits[:limit]
		}
		for _, v := range hits {
			if !yield(tb.clone(v), nil) {
				return
			}
		}
	}
}

type templateStore struct {
	table[task.TemplateID, task.Template]
}

func templateTable(t *tx) table[task.TemplateID, task.Template] {
	return table[task.TemplateID, task.Template]{t: t, kind: "template",
		rows:    func(d *orgData) map[task.TemplateID]*task.Template { return d.templates },
		id:      func(v *task.Template) task.TemplateID { return v.ID },
		version: func(v *task.Template) *int64 { return &v.Version },
		clone:   func(v *task.Template) task.Template { return v.Clone() }}
}

func (s templateStore) List(ctx context.Context, q storage.TemplateQuery) iter.Seq2[task.Template, error] {
	return s.scan(ctx, func(t *task.Template) bool { return q.AfterID == "" || t.ID > q.AfterID },
		func(a, b *task.Template) int { return cmp.Compare(a.ID, b.ID) }, q.Limit)
}

type taskStore struct{ table[task.ID, task.Task] }

func taskTable(t *tx) table[task.ID, task.Task] {
	return table[task.ID, task.Task]{t: t, kind: "task",
		rows:    func(d *orgData) map[task.ID]*task.Task { return d.tasks },
		id:      func(v *task.Task) task.ID { return v.ID },
		version: func(v *task.Task) *int64 { return &v.Version },
		clone:   func(v *task.Task) task.Task { return v.Clone() }}
}

// List answers every query by a scan: memory has no indexes and needs none.
func (s taskStore) List(ctx context.Context, q storage.TaskQuery) iter.Seq2[task.Task, error] {
	filterDue := q.Due != (storage.Window{})
	return s.scan(ctx, func(t *task.Task) bool {
		return (!q.Open || !t.State.Closed()) &&
			(!filterDue || q.Due.Contains(t.DueOn)) &&
			(q.Person == "" || t.Assignee.Person == q.Person) &&
			(q.Role == "" || t.Assignee.Role == q.Role) &&
			(q.Site == "" || t.Site == q.Site) &&
			(q.Subject == (task.Subject{}) || t.Subject == q.Subject) &&
			(q.Series == "" || t.Series == q.Series) &&
			(q.AfterDue == 0 && q.AfterID == "" || cmp.Or(cmp.Compare(t.DueOn, q.AfterDue), cmp.Compare(t.ID, q.AfterID)) > 0)
	}, func(a, b *task.Task) int {
		return cmp.Or(cmp.Compare(a.DueOn, b.DueOn), cmp.Compare(a.ID, b.ID))
	}, q.Limit)
}

type memberStore struct {
	table[workforce.ID, workforce.Member]
}

func memberTable(t *tx) table[workforce.ID, workforce.Member] {
	return table[workforce.ID, workforce.Member]{t: t, kind: "member",
		rows:    func(d *orgData) map[workforce.ID]*workforce.Member { return d.members },
		id:      func(v *workforce.Member) workforce.ID { return v.ID },
		version: func(v *workforce.Member) *int64 { return &v.Version },
		clone:   func(v *workforce.Member) workforce.Member { return v.Clone() }}
}

func (s memberStore) List(ctx context.Context, q storage.MemberQuery) iter.Seq2[workforce.Member, error] {
	return s.scan(ctx, func(m *workforce.Member) bool {
		return (q.Role == "" || m.Role == q.Role) && (q.ActiveOn == 0 || m.Active(q.ActiveOn)) &&
			(q.AfterName == "" && q.AfterID == "" || cmp.Or(cmp.Compare(m.Name, q.AfterName), cmp.Compare(m.ID, q.AfterID)) > 0)
	}, func(a, b *workforce.Member) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	}, q.Limit)
}

type trialStore struct{ table[trials.ID, trials.Trial] }

func trialTable(t *tx) table[trials.ID, trials.Trial] {
	return table[trials.ID, trials.Trial]{t: t, kind: "trial",
		rows:    func(d *orgData) map[trials.ID]*trials.Trial { return d.trials },
		id:      func(v *trials.Trial) trials.ID { return v.ID },
		version: func(v *trials.Trial) *int64 { return &v.Version },
		clone:   func(v *trials.Trial) trials.Trial { return v.Clone() }}
}

func (s trialStore) List(ctx context.Context, q storage.TrialQuery) iter.Seq2[trials.Trial, error] {
	return s.scan(ctx, func(t *trials.Trial) bool {
		return (q.Status == "" || t.Status == q.Status) && (q.AfterID == "" || t.ID > q.AfterID)
	}, func(a, b *trials.Trial) int { return cmp.Compare(a.ID, b.ID) }, q.Limit)
}

type reminderStore struct{ t *tx }

func (s reminderStore) Claim(ctx context.Context, key string, at time.Time) (bool, error) {
	if err := s.t.check(ctx, true); err != nil {
		return false, err
	}
	if key == "" {
		return false, fmt.Errorf("memory: reminder key must not be empty")
	}
	d := s.t.data(true)
	if _, ok := d.reminders[key]; ok {
		return false, nil
	}
	d.reminders[key] = at
	s.t.undo = append(s.t.undo, func() { delete(d.reminders, key) })
	return true, nil
}

type incidentStore struct {
	table[incident.ID, incident.Incident]
}

func incidentTable(t *tx) table[incident.ID, incident.Incident] {
	return table[incident.ID, incident.Incident]{t: t, kind: "incident",
		rows:    func(d *orgData) map[incident.ID]*incident.Incident { return d.incidents },
		id:      func(v *incident.Incident) incident.ID { return v.ID },
		version: func(v *incident.Incident) *int64 { return &v.Version },
		clone:   func(v *incident.Incident) incident.Incident { return v.Clone() }}
}

func (s incidentStore) List(ctx context.Context, q storage.IncidentQuery) iter.Seq2[incident.Incident, error] {
	filter := q.Discovered != (storage.Window{})
	return s.scan(ctx, func(i *incident.Incident) bool {
		return (!q.Open || i.Open()) && (!filter || q.Discovered.Contains(i.DiscoveredOn)) &&
			(q.AfterID == "" || cmp.Or(cmp.Compare(i.DiscoveredOn, q.AfterDiscovered), cmp.Compare(i.ID, q.AfterID)) > 0)
	}, func(a, b *incident.Incident) int {
		return cmp.Or(cmp.Compare(a.DiscoveredOn, b.DiscoveredOn), cmp.Compare(a.ID, b.ID))
	}, q.Limit)
}

type riskStore struct {
	table[riskreg.ID, riskreg.Risk]
}

func riskTable(t *tx) table[riskreg.ID, riskreg.Risk] {
	return table[riskreg.ID, riskreg.Risk]{t: t, kind: "risk",
		rows:    func(d *orgData) map[riskreg.ID]*riskreg.Risk { return d.risks },
		id:      func(v *riskreg.Risk) riskreg.ID { return v.ID },
		version: func(v *riskreg.Risk) *int64 { return &v.Version },
		clone:   func(v *riskreg.Risk) riskreg.Risk { return v.Clone() }}
}

func (s riskStore) List(ctx context.Context, q storage.RiskQuery) iter.Seq2[riskreg.Risk, error] {
	key := func(*riskreg.Risk) date.Date { return date.Zero }
	switch {
	case q.TreatmentDue != (storage.Window{}):
		key = (*riskreg.Risk).TreatmentDueOn
	case q.ReviewDue != (storage.Window{}):
		key = (*riskreg.Risk).AcceptanceReviewOn
	}
	return s.scan(ctx, func(r *riskreg.Risk) bool {
		return (!q.Open || r.Status != riskreg.StatusClosed) &&
			(q.TreatmentDue == (storage.Window{}) || r.TreatmentDueOn() != date.Zero && q.TreatmentDue.Contains(r.TreatmentDueOn())) &&
			(q.ReviewDue == (storage.Window{}) || r.AcceptanceReviewOn() != date.Zero && q.ReviewDue.Contains(r.AcceptanceReviewOn())) &&
			(q.AfterID == "" || cmp.Or(cmp.Compare(key(r), q.AfterOn), cmp.Compare(r.ID, q.AfterID)) > 0)
	}, func(a, b *riskreg.Risk) int { return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.ID, b.ID)) }, q.Limit)
}

type analysisStore struct {
	table[riskreg.AnalysisID, riskreg.Analysis]
}

func analysisTable(t *tx) table[riskreg.AnalysisID, riskreg.Analysis] {
	return table[riskreg.AnalysisID, riskreg.Analysis]{t: t, kind: "analysis",
		rows:    func(d *orgData) map[riskreg.AnalysisID]*riskreg.Analysis { return d.analyses },
		id:      func(v *riskreg.Analysis) riskreg.AnalysisID { return v.ID },
		version: func(v *riskreg.Analysis) *int64 { return &v.Version },
		clone:   func(v *riskreg.Analysis) riskreg.Analysis { return v.Clone() }}
}

func (s analysisStore) List(ctx context.Context, q storage.AnalysisQuery) iter.Seq2[riskreg.Analysis, error] {
	return s.scan(ctx, func(a *riskreg.Analysis) bool {
		return q.AfterID == "" || cmp.Or(cmp.Compare(a.Year, q.AfterYear), cmp.Compare(a.ID, q.AfterID)) > 0
	}, func(a, b *riskreg.Analysis) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID))
	}, q.Limit)
}

// decisionStore keeps one decision per control and catalog version.
type decisionStore struct {
	table[controls.DecisionKey, controls.AddressableDecision]
}

func decisionTable(t *tx) table[controls.DecisionKey, controls.AddressableDecision] {
	return table[controls.DecisionKey, controls.AddressableDecision]{t: t, kind: "control decision",
		rows:    func(d *orgData) map[controls.DecisionKey]*controls.AddressableDecision { return d.decisions },
		id:      (*controls.AddressableDecision).Key,
		version: func(v *controls.AddressableDecision) *int64 { return &v.Version },
		clone:   func(v *controls.AddressableDecision) controls.AddressableDecision { return *v }}
}

func (s decisionStore) List(ctx context.Context, version string) iter.Seq2[controls.AddressableDecision, error] {
	return s.scan(ctx, func(d *controls.AddressableDecision) bool { return d.CatalogVersion == version },
		func(a, b *controls.AddressableDecision) int { return cmp.Compare(a.Control, b.Control) }, 0)
}
