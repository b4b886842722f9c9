package compliance

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// IncidentService is the organization's security incidents and breach notification
// (45 CFR 164.308(a)(6), 164.400-414): incidents reported, their facts updated as the
// investigation learns them, the determination, law-enforcement delays, the notices
// sent and the file closed. Every change takes the incident's [record.Ref] (the version
// read) and one input whose zero day means today in the organization's time zone; a
// change dated in the future is refused, and so is any change of a closed file
// ([incident.ErrClosed]). Each change returns the [IncidentFile]: the incident with
// every notice it owes on its facts, recomputed, with an event per obligation added or
// removed.
type IncidentService struct{ o *Org }

// Incidents returns the organization's incidents and breach notification.
func (o *Org) Incidents() IncidentService { return IncidentService{o} }

// IncidentFile is an incident with every notice it owes as of its current facts.
type IncidentFile struct {
	// Incident is the incident as stored.
	Incident incident.Incident `json:"incident"`
	// Obligations are the notices it requires or would require, sorted by deadline (no
	// deadline last), then key ([incident.Obligations]).
	Obligations []incident.Obligation `json:"obligations"`
}

// Owed is one pending notice of an open incident.
type Owed struct {
	// Incident and Title identify the incident.
	Incident incident.ID `json:"incident"`
	Title    string      `json:"title"`
	// Obligation is the pending notice, with its deadline.
	Obligation incident.Obligation `json:"obligation"`
}

// IncidentQuery filters and pages an incident listing; zero fields do not filter.
type IncidentQuery struct {
	// Open keeps only incidents whose file is not closed.
	Open bool `json:"open,omitempty"`
	// DiscoveredFrom and DiscoveredBefore keep incidents discovered (DiscoveredOn) on or
	// after DiscoveredFrom and before DiscoveredBefore; either may be zero.
	DiscoveredFrom   date.Date `json:"discovered_from,omitzero"`
	DiscoveredBefore date.Date `json:"discovered_before,omitzero"`
	PageQuery
}

// incidentCursor is the position of an incident listing.
type incidentCursor struct {
	Discovered date.Date   `json:"d"`
	ID         incident.ID `json:"i"`
}

// lastDay bounds an open-ended discovery window.
var lastDay = date.New(9999, 12, 31)

// window is the query's discovery window, or the zero window when it sets none.
func (q IncidentQuery) window() (storage.Window, error) {
	from, before := q.DiscoveredFrom, q.DiscoveredBefore
	switch {
	case from == date.Zero && before == date.Zero:
		return storage.Window{}, nil
	case from != date.Zero && before != date.Zero && before <= from:
		return storage.Window{}, validation.New("compliance", "discovered_before", "%s is not after discovered_from %s", before, from)
	}
	if from == date.Zero {
		from = 1
	}
	if before == date.Zero {
		before = lastDay
	}
	return storage.Window{From: from, To: before}, nil
}

func (e *Engine) obligations(i *incident.Incident) ([]incident.Obligation, error) {
	return incident.Obligations(i, e.incidentOpts)
}

// inputErr renames the fields of the validation errors in err that start with prefix
// (the place in the incident where an input was put, e.g. "delays[2].") to the input's
// own field names, as the caller wrote them; other errors are kept as they are.
func inputErr(err error, prefix string) error {
	all := validation.All(err)
	if len(all) == 0 {
		return err
	}
	errs := make([]error, 0, len(all))
	for _, v := range all {
		if f, ok := strings.CutPrefix(v.Field, prefix); ok {
			v = &validation.Error{Pkg: v.Pkg, Field: f, Rule: v.Rule}
		}
		errs = append(errs, v)
	}
	return errors.Join(errs...)
}

// notFuture refuses a recorded day that has not come yet, on field: what is recorded as
// done, known or decided cannot have happened yet. A zero day passes.
func notFuture(c *call, field string, d date.Date) error {
	if d == date.Zero {
		return nil
	}
	_, err := c.pastDate("incident", field, d)
	return err
}

// checkFactDates refuses facts dated in the future: the breach's start and end, its
// discovery, the day it would have been known and the day a business associate
// reported it.
func checkFactDates(c *call, i *incident.Incident) error {
	today, err := c.today()
	if err != nil {
		return err
	}
	vc := validation.Collector{Pkg: "incident"}
	for _, f := range []struct {
		name string
		d    date.Date
	}{{"started_on", i.StartedOn}, {"ended_on", i.EndedOn}, {"discovered_on", i.DiscoveredOn}, {"would_have_known_on", i.WouldHaveKnownOn}, {"ba_reported_on", i.BAReportedOn}} {
		vc.Check(f.d <= today, f.name, "%s is in the future (today is %s in the organization's time zone)", f.d, today)
	}
	return vc.Err()
}

// Report records a security incident (counts by State, never identities); the default
// rules give its incident-response task (45 CFR 164.308(a)(6)(ii)). Its ID is assigned
// when empty, a zero DiscoveredOn is today, and facts dated in the future are refused.
// The determination, delays, notices and closing may not be given here (each has its
// own use case). It returns the incident with the notices owed on its facts: until a
// determination is recorded, a breach is presumed (45 CFR 164.402(2)).
func (s IncidentService) Report(ctx context.Context, i incident.Incident) (IncidentFile, error) {
	var f IncidentFile
	err := s.o.update(ctx, ActionIncidentReport, func(c *call) error {
		if i.ID == "" {
			i.ID = incident.ID(c.e.newID(record.KindIncident))
		}
		i.Title = trimmed(i.Title)
		vc := validation.Collector{Pkg: "incident"}
		vc.Check(i.Determination == nil, "determination", "must be empty when reporting an incident (use Determine)")
		vc.Check(len(i.Delays) == 0, "delays", "must be empty when reporting an incident (use RecordDelay)")
		vc.Check(len(i.Notices) == 0, "notices", "must be empty when reporting an incident (use RecordNotice)")
		vc.Check(len(i.Decisions) == 0, "decisions", "must be empty when reporting an incident (use DecideNotRequired)")
		vc.Check(i.ClosedOn == date.Zero, "closed_on", "must be empty when reporting an incident (use Close)")
		if err := vc.Err(); err != nil {
			return err
		}
		var err error
		if i.DiscoveredOn, err = c.dateOr(i.DiscoveredOn); err != nil {
			return err
		}
		if err := i.Validate(); err != nil {
			return err
		}
		if err := checkFactDates(c, &i); err != nil {
			return err
		}
		if err := checkIncidentVendor(c, &i); err != nil {
			return err
		}
		obs, err := c.e.obligations(&i)
		if err != nil {
			return err
		}
		i.CreatedAt, i.UpdatedAt = c.now, c.now
		if err := c.tx.Incidents().Create(c.ctx, &i); err != nil {
			return err
		}
		f = IncidentFile{Incident: i, Obligations: obs}
		evs := []eventSpec{incidentEvent(EventIncidentReported, &i, i.DiscoveredOn)}
		for k := range obs {
			evs = append(evs, obligationEvent(EventObligationAdded, &i, &obs[k]))
		}
		return c.record(record.KindIncident, string(i.ID), i, evs...)
	})
	return result(f, err)
}

// loadIncident reads an incident and checks the caller's version against the stored
// one.
func loadIncident(c *call, ref record.Ref[incident.ID]) (incident.Incident, error) {
	i, err := c.tx.Incidents().Get(c.ctx, ref.ID)
	if err != nil {
		return i, err
	}
	if i.Version != ref.Version {
		return i, fmt.Errorf("incident %q: version %d, stored %d: %w", ref.ID, ref.Version, i.Version, storage.ErrConflict)
	}
	return i, nil
}

// change is the shape of every change of one incident: load at the ref's version,
// refuse a closed file, change (given the obligations owed before the change),
// validate, recompute the obligations, store, audit and emit the change's event and
// one per obligation added or removed.
func (s IncidentService) change(ctx context.Context, ref record.Ref[incident.ID], action Action,
	change func(c *call, i *incident.Incident, owed []incident.Obligation) (eventSpec, error)) (IncidentFile, error) {
	var f IncidentFile
	err := s.o.update(ctx, action, func(c *call) error {
		i, err := loadIncident(c, ref)
		if err != nil {
			return err
		}
		// A closed file is the record kept for six years (45 CFR 164.530(j)): it is not
		// changed, so nothing owed can hide behind the closed state.
		if !i.Open() {
			return fmt.Errorf("incident %q was closed on %s and can no longer change: %w", i.ID, i.ClosedOn, incident.ErrClosed)
		}
		before, err := c.e.obligations(&i)
		if err != nil {
			return err
		}
		ev, err := change(c, &i, before)
		if err != nil {
			return err
		}
		if err := i.Validate(); err != nil {
			return err
		}
		if err := checkIncidentVendor(c, &i); err != nil {
			return err
		}
		after, err := c.e.obligations(&i)
		if err != nil {
			return err
		}
		i.UpdatedAt = c.now
		if err := c.tx.Incidents().Update(c.ctx, &i); err != nil {
			return err
		}
		f = IncidentFile{Incident: i, Obligations: after}
		evs := []eventSpec{ev}
		added, removed := incident.Diff(before, after)
		for k := range removed {
			evs = append(evs, obligationEvent(EventObligationRemoved, &i, &removed[k]))
		}
		for k := range added {
			evs = append(evs, obligationEvent(EventObligationAdded, &i, &added[k]))
		}
		return c.record(record.KindIncident, string(i.ID), i, evs...)
	})
	return result(f, err)
}

// UpdateFacts replaces the facts of an incident (dates, counts by State, PHI,
// encryption, recipient, mitigation…) as the investigation learns them; facts.Version
// must be the version read. Its determination, delays, notices and closing are kept as
// stored (they have their own use cases), counsel's decisions too, and facts dated in
// the future are refused.
// The obligations are recomputed; each added or removed one is an event.
func (s IncidentService) UpdateFacts(ctx context.Context, facts incident.Incident) (IncidentFile, error) {
	return s.change(ctx, facts.Ref(), ActionIncidentUpdateFacts,
		func(c *call, i *incident.Incident, _ []incident.Obligation) (eventSpec, error) {
			facts.Title = trimmed(facts.Title)
			facts.Determination, facts.Delays, facts.Notices, facts.ClosedOn = i.Determination, i.Delays, i.Notices, i.ClosedOn
			facts.Decisions = i.Decisions
			facts.Version, facts.CreatedAt, facts.UpdatedAt = i.Version, i.CreatedAt, i.UpdatedAt
			if err := checkFactDates(c, &facts); err != nil {
				return eventSpec{}, err
			}
			*i = facts
			return incidentEvent(EventIncidentUpdated, i, date.Zero), nil
		})
}

// Determine records the determination (45 CFR 164.402): not PHI, secured (safe harbor),
// an exception with its facts, a low probability of compromise on a documented
// four-factor assessment concluded by a named person, or a breach. An empty DecidedBy
// is the actor, a zero DecidedOn today; a decision or conclusion dated in the future is
// refused.
func (s IncidentService) Determine(ctx context.Context, ref record.Ref[incident.ID], d incident.Determination) (IncidentFile, error) {
	return s.change(ctx, ref, ActionIncidentDetermine,
		func(c *call, i *incident.Incident, _ []incident.Obligation) (eventSpec, error) {
			if d.DecidedBy == "" {
				d.DecidedBy = c.actor.label()
			}
			var err error
			if d.DecidedOn, err = c.pastDate("incident", "decided_on", d.DecidedOn); err != nil {
				return eventSpec{}, err
			}
			if d.Assessment != nil {
				if err := notFuture(c, "assessment.concluded_on", d.Assessment.ConcludedOn); err != nil {
					return eventSpec{}, err
				}
			}
			if err := d.Validate(i); err != nil {
				return eventSpec{}, inputErr(err, "determination.")
			}
			i.Determination = &d
			return incidentEvent(EventIncidentDetermined, i, d.DecidedOn), nil
		})
}

// RecordDelay records a law-enforcement statement delaying notice (45 CFR 164.412): a
// written one with its end date, or an oral one (at most 30 days unless a written one
// follows), with the official's identity. A zero StatedOn is today, and a statement
// dated in the future is refused.
func (s IncidentService) RecordDelay(ctx context.Context, ref record.Ref[incident.ID], d incident.Delay) (IncidentFile, error) {
	return s.change(ctx, ref, ActionIncidentDelay,
		func(c *call, i *incident.Incident, _ []incident.Obligation) (eventSpec, error) {
			var err error
			if d.StatedOn, err = c.pastDate("incident", "stated_on", d.StatedOn); err != nil {
				return eventSpec{}, err
			}
			i.Delays = append(i.Delays, d)
			if err := i.Validate(); err != nil {
				return eventSpec{}, inputErr(err, fmt.Sprintf("delays[%d].", len(i.Delays)-1))
			}
			return incidentEvent(EventIncidentDelayed, i, d.StatedOn), nil
		})
}

// RecordNotice records that the notice of one pending (or recommended) obligation, by
// its key, was sent; a zero SentOn is today, and a notice dated in the future is
// refused. A notice to individuals says how many it reached (45 CFR 164.404(a)(1)), and
// a substitute notice how it was given (164.404(d)(2)). A key the incident does not owe
// is invalid input; an obligation already sent or not required fails with
// [incident.ErrNotPending]. A notice whose deadline depends on another (a regulator's
// "within 15 days of notifying residents") moves that deadline: each move is an event.
func (s IncidentService) RecordNotice(ctx context.Context, ref record.Ref[incident.ID], n incident.Notice) (IncidentFile, error) {
	return s.change(ctx, ref, ActionIncidentNotice,
		func(c *call, i *incident.Incident, obs []incident.Obligation) (eventSpec, error) {
			var err error
			if n.SentOn, err = c.pastDate("incident", "sent_on", n.SentOn); err != nil {
				return eventSpec{}, err
			}
			n.Key = strings.TrimSpace(n.Key)
			if err := checkOpen(i, obs, n.Key); err != nil {
				return eventSpec{}, err
			}
			i.Notices = append(i.Notices, n)
			if err := i.Validate(); err != nil {
				return eventSpec{}, inputErr(err, fmt.Sprintf("notices[%d].", len(i.Notices)-1))
			}
			p := incidentPayload(i, n.SentOn)
			p.Notice = n.Key
			return eventSpec{EventNoticeSent, p}, nil
		})
}

// checkOpen refuses a key that is empty or not an obligation of the incident (invalid
// input), and one whose obligation is neither pending nor recommended
// ([incident.ErrNotPending]): what a notice or a decision may be recorded for.
func checkOpen(i *incident.Incident, obs []incident.Obligation, key string) error {
	if key == "" {
		return validation.New("incident", "key", "must not be empty")
	}
	k := slices.IndexFunc(obs, func(o incident.Obligation) bool { return o.Key == key })
	if k < 0 {
		return validation.New("incident", "key", "%q is not an obligation of the incident", key)
	}
	if st := obs[k].Status; st != incident.StatusPending && st != incident.StatusRecommended {
		return fmt.Errorf("incident %q: notice %q is %s: %w", i.ID, key, st, incident.ErrNotPending)
	}
	return nil
}

// DecideNotRequired records counsel's decision that a pending obligation of a State law
// is not required: who (an empty DecidedBy is the actor), when (a zero DecidedOn is
// today; the future is refused), why and under which citation. The decision stays in the
// file and the audit trail, and the obligation shows it as not required
// ([incident.NotRequiredCounsel]), so a file with residents of any State, an unverified
// exemption or a jurisdiction without a statute can close honestly. The federal notices
// follow the determination instead (use Determine); a key the incident does not owe is
// invalid input, and an obligation that is not pending fails with
// [incident.ErrNotPending].
func (s IncidentService) DecideNotRequired(ctx context.Context, ref record.Ref[incident.ID], d incident.Decision) (IncidentFile, error) {
	return s.change(ctx, ref, ActionIncidentDecide,
		func(c *call, i *incident.Incident, obs []incident.Obligation) (eventSpec, error) {
			if d.DecidedBy == "" {
				d.DecidedBy = c.actor.label()
			}
			var err error
			if d.DecidedOn, err = c.pastDate("incident", "decided_on", d.DecidedOn); err != nil {
				return eventSpec{}, err
			}
			d.Key = strings.TrimSpace(d.Key)
			if err := checkOpen(i, obs, d.Key); err != nil {
				return eventSpec{}, err
			}
			i.Decisions = append(i.Decisions, d)
			if err := i.Validate(); err != nil {
				return eventSpec{}, inputErr(err, fmt.Sprintf("decisions[%d].", len(i.Decisions)-1))
			}
			p := incidentPayload(i, d.DecidedOn)
			p.Notice = d.Key
			return eventSpec{EventObligationDecided, p}, nil
		})
}

// Close closes an incident's file once no notice is pending (otherwise it fails with
// [incident.ErrPending]); a zero cl.On is today, and a closing in the future or before
// discovery is refused. The record is kept (45 CFR 164.530(j)(2): six years) and no
// longer changes.
func (s IncidentService) Close(ctx context.Context, ref record.Ref[incident.ID], cl incident.Closing) (IncidentFile, error) {
	return s.change(ctx, ref, ActionIncidentClose,
		func(c *call, i *incident.Incident, obs []incident.Obligation) (eventSpec, error) {
			var err error
			if cl.On, err = c.pastDate("incident", "on", cl.On); err != nil {
				return eventSpec{}, err
			}
			if disc := i.Discovery(); cl.On < disc {
				return eventSpec{}, validation.New("incident", "on", "%s is before discovery (%s)", cl.On, disc)
			}
			var pending []string
			for _, o := range obs {
				if o.Status == incident.StatusPending {
					pending = append(pending, o.Key)
				}
			}
			if len(pending) > 0 {
				return eventSpec{}, fmt.Errorf("incident %q: %s still pending: %w", i.ID, strings.Join(pending, ", "), incident.ErrPending)
			}
			i.ClosedOn = cl.On
			return incidentEvent(EventIncidentClosed, i, cl.On), nil
		})
}

// Get returns an incident and the notices it owes.
func (s IncidentService) Get(ctx context.Context, id incident.ID) (IncidentFile, error) {
	var f IncidentFile
	err := s.o.view(ctx, ActionIncidentRead, func(c *call) error {
		i, err := c.tx.Incidents().Get(c.ctx, id)
		if err != nil {
			return err
		}
		obs, err := c.e.obligations(&i)
		f = IncidentFile{Incident: i, Obligations: obs}
		return err
	})
	return result(f, err)
}

// List returns a page of the incidents that match q, by discovery date then id, each
// with the notices it owes.
func (s IncidentService) List(ctx context.Context, q IncidentQuery) (Page[IncidentFile], error) {
	var p Page[IncidentFile]
	err := s.o.view(ctx, ActionIncidentRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		w, err := q.window()
		if err != nil {
			return err
		}
		var pos incidentCursor
		if _, err := q.decode(&pos); err != nil {
			return err
		}
		sq := storage.IncidentQuery{Open: q.Open, Discovered: w,
			AfterDiscovered: pos.Discovered, AfterID: pos.ID, Limit: limit + 1}
		is, err := collectPage(c.tx.Incidents().List(c.ctx, sq), limit,
			func(i *incident.Incident) incidentCursor { return incidentCursor{i.DiscoveredOn, i.ID} })
		if err != nil {
			return err
		}
		p = Page[IncidentFile]{Items: make([]IncidentFile, 0, len(is.Items)), Next: is.Next}
		for k := range is.Items {
			obs, err := c.e.obligations(&is.Items[k])
			if err != nil {
				return err
			}
			p.Items = append(p.Items, IncidentFile{Incident: is.Items[k], Obligations: obs})
		}
		return nil
	})
	return result(p, err)
}

// Owed answers "what is owed, to whom, by when" across the organization's open
// incidents: every pending notice, soonest deadline first (those without a fixed
// deadline last), then by incident and key.
func (s IncidentService) Owed(ctx context.Context) ([]Owed, error) {
	var out []Owed
	err := s.o.view(ctx, ActionOwedReport, func(c *call) error {
		var err error
		out, err = c.e.owed(c)
		return err
	})
	return result(out, err)
}

// owed lists the pending notices of the open incidents, in the order of
// [IncidentService.Owed]; the sweep reminds of them.
func (e *Engine) owed(c *call) ([]Owed, error) {
	var out []Owed
	for i, err := range c.tx.Incidents().List(c.ctx, storage.IncidentQuery{Open: true}) {
		if err != nil {
			return nil, err
		}
		obs, err := e.obligations(&i)
		if err != nil {
			return nil, err
		}
		for _, o := range obs {
			if o.Status == incident.StatusPending {
				out = append(out, Owed{Incident: i.ID, Title: i.Title, Obligation: o})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Owed) int {
		da, db := a.Obligation.Deadline, b.Obligation.Deadline
		switch {
		case da == date.Zero && db != date.Zero:
			return 1
		case db == date.Zero && da != date.Zero:
			return -1
		}
		return cmp.Or(cmp.Compare(da, db), cmp.Compare(a.Incident, b.Incident), cmp.Compare(a.Obligation.Key, b.Obligation.Key))
	})
	return out, nil
}

// AnnualLog returns the HHS log of the breaches of fewer than 500 individuals
// discovered in year, with its deadline and the portal fields (45 CFR 164.408(c)).
func (s IncidentService) AnnualLog(ctx context.Context, year int) (incident.Log, error) {
	var log incident.Log
	err := s.o.view(ctx, ActionAnnualLogReport, func(c *call) error {
		if year < 1900 || year > 2999 {
			return validation.New("compliance", "year", "must be 1900 to 2999, got %d", year)
		}
		// A breach belongs to the year of its discovery date (the earlier of the day known
		// and the day it would have been known, 164.404(a)(2)); DiscoveredOn, which the
		// index holds, is on or after it, so every candidate was recorded as discovered in
		// that year or later. incident.AnnualLog keeps those of the year.
		w := storage.Window{From: date.New(year, 1, 1), To: lastDay}
		is, err := collect(c.tx.Incidents().List(c.ctx, storage.IncidentQuery{Discovered: w}))
		if err != nil {
			return err
		}
		log = incident.AnnualLog(is, year)
		return nil
	})
	return result(log, err)
}

// checkIncidentVendor refuses a business associate that is not in the inventory.
func checkIncidentVendor(c *call, i *incident.Incident) error {
	if i.Vendor == "" {
		return nil
	}
	_, err := c.tx.Vendors().Get(c.ctx, i.Vendor)
	if errors.Is(err, storage.ErrNotFound) {
		return validation.New("incident", "vendor", "%q is not a vendor of the organization", i.Vendor)
	}
	return err
}

// incidentPayload is the payload of an event of incident i, dated on (zero: none).
func incidentPayload(i *incident.Incident, on date.Date) IncidentEvent {
	return IncidentEvent{Incident: i.ID, Title: i.Title, On: on}
}

// incidentEvent is the event of a change of incident i, dated on (zero: none).
func incidentEvent(t event.Type, i *incident.Incident, on date.Date) eventSpec {
	p := incidentPayload(i, on)
	if t == EventIncidentDetermined && i.Determination != nil {
		p.Outcome = i.Determination.Outcome
	}
	return eventSpec{t, p}
}

// obligationEvent is the event of an obligation of i added or removed.
func obligationEvent(t event.Type, i *incident.Incident, o *incident.Obligation) eventSpec {
	p := incidentPayload(i, date.Zero)
	ob := *o
	p.Obligation = &ob
	return eventSpec{t, p}
}
