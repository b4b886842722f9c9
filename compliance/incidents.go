package compliance

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/hipaaops/hipaaops/record"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// IncidentFile is an incident with every notice it owes as of its current facts.
type IncidentFile struct {
	Incident    incident.Incident
	Obligations []incident.Obligation
}

// Owed is one pending notice of an open incident.
type Owed struct {
	Incident   incident.ID
	Title      string
	Obligation incident.Obligation
}

func (e *Engine) obligations(i *incident.Incident) ([]incident.Obligation, error) {
	return incident.Obligations(i, e.incidentOpts)
}

// ReportIncident records a security incident (counts by state, never identities); the
// default rules give its incident-response task (45 CFR 164.308(a)(6)(ii)). A zero
// DiscoveredOn is today. It returns the incident with the notices owed on its facts:
// until a determination is recorded, a breach is presumed (45 CFR 164.402(2)).
func (e *Engine) ReportIncident(ctx context.Context, orgID org.ID, i incident.Incident) (IncidentFile, error) {
	var f IncidentFile
	err := e.update(ctx, orgID, "incident.report", func(c *call) error {
		if i.ID == "" {
			i.ID = incident.ID(e.newID("incident"))
		}
		var err error
		if i.DiscoveredOn, err = c.dateOr(i.DiscoveredOn); err != nil {
			return err
		}
		if err := i.Validate(); err != nil {
			return err
		}
		if err := checkIncidentVendor(c, &i); err != nil {
			return err
		}
		obs, err := e.obligations(&i)
		if err != nil {
			return err
		}
		i.CreatedAt, i.UpdatedAt = c.now, c.now
		if err := c.tx.Incidents().Create(c.ctx, &i); err != nil {
			return err
		}
		f = IncidentFile{Incident: i, Obligations: obs}
		evs := []eventSpec{{EventIncidentReported, IncidentEvent{Incident: i.ID}}}
		for k := range obs {
			evs = append(evs, eventSpec{EventObligationAdded, IncidentEvent{Incident: i.ID, Obligation: &obs[k]}})
		}
		return c.record(record.KindIncident, string(i.ID), i, evs...)
	})
	return f, err
}

// changeIncident loads an incident at version, changes it (given the obligations it
// owes before the change), validates, recomputes its obligations, stores it, and records the change with an event per obligation added or
// removed.
func (e *Engine) changeIncident(ctx context.Context, orgID org.ID, id incident.ID, version int64, action Action, typ event.Type,
	change func(c *call, i *incident.Incident, owed []incident.Obligation) error) (IncidentFile, error) {
	var f IncidentFile
	err := e.update(ctx, orgID, action, func(c *call) error {
		i, err := c.tx.Incidents().Get(c.ctx, id)
		if err != nil {
			return err
		}
		if i.Version != version {
			return fmt.Errorf("incident %q: version %d, stored %d: %w", id, version, i.Version, storage.ErrConflict)
		}
		// A closed file is the record kept for six years (45 CFR 164.530(j)): it is not
		// changed, so nothing owed can hide behind the closed state.
		if !i.Open() {
			return validation.New("incident", "closed_on", "the incident was closed on %s and can no longer change", i.ClosedOn)
		}
		before, err := e.obligations(&i)
		if err != nil {
			return err
		}
		if err := change(c, &i, before); err != nil {
			return err
		}
		if err := i.Validate(); err != nil {
			return err
		}
		if err := checkIncidentVendor(c, &i); err != nil {
			return err
		}
		after, err := e.obligations(&i)
		if err != nil {
			return err
		}
		i.UpdatedAt = c.now
		if err := c.tx.Incidents().Update(c.ctx, &i); err != nil {
			return err
		}
		f = IncidentFile{Incident: i, Obligations: after}
		evs := []eventSpec{{typ, IncidentEvent{Incident: i.ID}}}
		added, removed := incident.Diff(before, after)
		for k := range removed {
			evs = append(evs, eventSpec{EventObligationRemoved, IncidentEvent{Incident: i.ID, Obligation: &removed[k]}})
		}
		for k := range added {
			evs = append(evs, eventSpec{EventObligationAdded, IncidentEvent{Incident: i.ID, Obligation: &added[k]}})
		}
		return c.record(record.KindIncident, string(i.ID), i, evs...)
	})
	return f, err
}

// UpdateIncidentFacts replaces the facts of an incident (dates, counts by state, PHI,
// encryption, recipient, mitigation…) as the investigation learns them; its
// determination, delays and notices are kept as stored (they have their own use
// cases). The obligations are recomputed; each added or removed one is an event.
func (e *Engine) UpdateIncidentFacts(ctx context.Context, orgID org.ID, facts incident.Incident) (IncidentFile, error) {
	return e.changeIncident(ctx, orgID, facts.ID, facts.Version, "incident.update", EventIncidentUpdated,
		func(c *call, i *incident.Incident, _ []incident.Obligation) error {
			facts.Determination, facts.Delays, facts.Notices, facts.ClosedOn = i.Determination, i.Delays, i.Notices, i.ClosedOn
			facts.Version, facts.CreatedAt = i.Version, i.CreatedAt
			*i = facts
			return nil
		})
}

// DetermineIncident records the determination (45 CFR 164.402): not PHI, secured (safe
// harbor), an exception with its facts, a low probability of compromise on a
// documented four-factor assessment concluded by a named person, or a breach. An empty
// DecidedBy is the actor; a zero DecidedOn today.
func (e *Engine) DetermineIncident(ctx context.Context, orgID org.ID, id incident.ID, version int64, d incident.Determination) (IncidentFile, error) {
	return e.changeIncident(ctx, orgID, id, version, "incident.determine", EventIncidentDetermined,
		func(c *call, i *incident.Incident, _ []incident.Obligation) error {
			if d.DecidedBy == "" {
				d.DecidedBy = c.actor.label()
			}
			var err error
			if d.DecidedOn, err = c.dateOr(d.DecidedOn); err != nil {
				return err
			}
			if err := d.Validate(i); err != nil {
				return err
			}
			i.Determination = &d
			return nil
		})
}

// RecordDelay records a law-enforcement statement delaying notice (45 CFR 164.412): a
// written one with its end date, or an oral one (at most 30 days unless a written one
// follows), with the official's identity.
func (e *Engine) RecordDelay(ctx context.Context, orgID org.ID, id incident.ID, version int64, d incident.Delay) (IncidentFile, error) {
	return e.changeIncident(ctx, orgID, id, version, "incident.delay", EventIncidentDelayed,
		func(c *call, i *incident.Incident, _ []incident.Obligation) error {
			i.Delays = append(i.Delays, d)
			return nil
		})
}

// RecordNotice records that the notice of one obligation (by its key) was sent; a zero
// SentOn is today.
func (e *Engine) RecordNotice(ctx context.Context, orgID org.ID, id incident.ID, version int64, n incident.Notice) (IncidentFile, error) {
	return e.changeIncident(ctx, orgID, id, version, "incident.notice", EventNoticeSent,
		func(c *call, i *incident.Incident, obs []incident.Obligation) error {
			var err error
			if n.SentOn, err = c.dateOr(n.SentOn); err != nil {
				return err
			}
			k := slices.IndexFunc(obs, func(o incident.Obligation) bool { return o.Key == n.Key })
			if k < 0 {
				return validation.New("incident", "notice.key", "%q is not an obligation of the incident", n.Key)
			}
			if obs[k].Status != incident.StatusPending {
				return validation.New("incident", "notice.key", "%q is %s, not pending", n.Key, obs[k].Status)
			}
			i.Notices = append(i.Notices, n)
			return nil
		})
}

// CloseIncident closes an incident's file once no notice is pending; a zero on is
// today. The record is kept (45 CFR 164.530(j)(2): six years).
func (e *Engine) CloseIncident(ctx context.Context, orgID org.ID, id incident.ID, version int64, on date.Date) (IncidentFile, error) {
	return e.changeIncident(ctx, orgID, id, version, "incident.close", EventIncidentClosed,
		func(c *call, i *incident.Incident, obs []incident.Obligation) error {
			for _, o := range obs {
				if o.Status == incident.StatusPending {
					return validation.New("incident", "obligations", "%q is still pending", o.Key)
				}
			}
			var err error
			i.ClosedOn, err = c.dateOr(on)
			return err
		})
}

// Incident returns an incident and the notices it owes.
func (e *Engine) Incident(ctx context.Context, orgID org.ID, id incident.ID) (IncidentFile, error) {
	var f IncidentFile
	err := e.view(ctx, orgID, "incident.read", func(c *call) error {
		i, err := c.tx.Incidents().Get(c.ctx, id)
		if err != nil {
			return err
		}
		obs, err := e.obligations(&i)
		f = IncidentFile{Incident: i, Obligations: obs}
		return err
	})
	return f, err
}

// Owed answers "what is owed, to whom, by when" across the organization's open
// incidents: every pending notice, soonest deadline first (those without a fixed
// deadline last), then by incident and key.
func (e *Engine) Owed(ctx context.Context, orgID org.ID) ([]Owed, error) {
	var out []Owed
	err := e.view(ctx, orgID, "incident.read", func(c *call) error {
		var err error
		out, err = e.owed(c)
		return err
	})
	return out, err
}

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
func (e *Engine) AnnualLog(ctx context.Context, orgID org.ID, year int) (incident.Log, error) {
	var log incident.Log
	err := e.view(ctx, orgID, "incident.read", func(c *call) error {
		// A breach belongs to the year of its discovery date (the earlier of the day known
		// and the day it would have been known, 164.404(a)(2)); DiscoveredOn, which the
		// index holds, is on or after it, so every candidate was recorded as discovered in
		// that year or later. incident.AnnualLog keeps those of the year.
		w := storage.Window{From: date.New(year, 1, 1), To: date.New(9999, 12, 31)}
		is, err := collect(c.tx.Incidents().List(c.ctx, storage.IncidentQuery{Discovered: w}))
		if err != nil {
			return err
		}
		log = incident.AnnualLog(is, year)
		return nil
	})
	return log, err
}

// checkIncidentVendor refuses a business associate that is not in the inventory.
func checkIncidentVendor(c *call, i *incident.Incident) error {
	if i.Vendor == "" {
		return nil
	}
	if _, err := c.tx.Vendors().Get(c.ctx, i.Vendor); err != nil {
		return validation.New("incident", "vendor", "%q: %v", i.Vendor, err)
	}
	return nil
}
