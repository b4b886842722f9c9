package postgres

import (
	"context"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/storage"
)

const (
	sqlIncidentGet     = `SELECT version, doc FROM incidents WHERE org_id = $1 AND id = $2`
	sqlIncidentVersion = `SELECT version FROM incidents WHERE org_id = $1 AND id = $2`
	sqlIncidentCreate  = `INSERT INTO incidents (org_id, id, version, discovered_on, closed_on, doc)
VALUES ($1, $2, 1, $3, $4, $5) ON CONFLICT (org_id, id) DO NOTHING`
	sqlIncidentUpdate = `UPDATE incidents SET version = version + 1, discovered_on = $4, closed_on = $5, doc = $6
WHERE org_id = $1 AND id = $2 AND version = $3`
)

type incidentStore struct{ t *tx }

func (s incidentStore) table() docTable[incident.Incident] {
	return docTable[incident.Incident]{t: s.t, kind: "incident",
		sqlGet: sqlIncidentGet, sqlVersion: sqlIncidentVersion, sqlCreate: sqlIncidentCreate, sqlUpdate: sqlIncidentUpdate,
		key:     func(v *incident.Incident) string { return string(v.ID) },
		setKey:  func(v *incident.Incident, id string) { v.ID = incident.ID(id) },
		version: func(v *incident.Incident) *int64 { return &v.Version },
		columns: incidentColumns}
}

// incidentColumns returns the projected columns of an incident: the discovery date and
// the closing date (NULL while the file is open).
func incidentColumns(v *incident.Incident) ([]any, error) {
	discovered, err := dayColumn("discovered_on", v.DiscoveredOn)
	if err != nil {
		return nil, err
	}
	var closed pgtype.Date
	if v.ClosedOn != date.Zero {
		if closed, err = dayColumn("closed_on", v.ClosedOn); err != nil {
			return nil, err
		}
	}
	return []any{discovered, closed}, nil
}

func (s incidentStore) Get(ctx context.Context, id incident.ID) (incident.Incident, error) {
	return s.table().get(ctx, string(id))
}

func (s incidentStore) Create(ctx context.Context, v *incident.Incident) error {
	return s.table().create(ctx, v)
}

func (s incidentStore) Update(ctx context.Context, v *incident.Incident) error {
	return s.table().update(ctx, v)
}

// List reads the incidents through the index incidentListSQL's query selects.
func (s incidentStore) List(ctx context.Context, q storage.IncidentQuery) iter.Seq2[incident.Incident, error] {
	sql, args := incidentListSQL(q)
	if sql != "" {
		args[0] = string(s.t.org)
	}
	return s.table().scan(ctx, sql, args...)
}

// incidentListSQL builds the List query for q, ordered by discovery date then id; ""
// when q cannot match any incident. $1 is the organization. Open incidents are read
// through incidents_org_open, whose condition (closed_on IS NULL) the query repeats, the
// others through incidents_org_discovered; both are (org_id, discovered_on, id), so a
// discovery window is a range of either and the index gives the order (0003_incidents.sql).
func incidentListSQL(q storage.IncidentQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM incidents WHERE org_id = $1")
	if q.Open {
		b.WriteString(" AND closed_on IS NULL")
	}
	if q.Discovered != (storage.Window{}) {
		if q.Discovered.From >= q.Discovered.To {
			return "", nil
		}
		// Every stored date is on or after date.Zero: a window from before it has no
		// lower bound, and one to after the last stored date no upper bound.
		if q.Discovered.From > date.Zero {
			b.WriteString(" AND discovered_on >= " + p.add(dayBound(q.Discovered.From)))
		}
		if q.Discovered.To <= maxStored {
			b.WriteString(" AND discovered_on < " + p.add(dayBound(q.Discovered.To)))
		}
	}
	if q.AfterID != "" {
		p.after(&b, "discovered_on", dayBound(q.AfterDiscovered), string(q.AfterID))
	}
	b.WriteString(" ORDER BY discovered_on, id")
	p.limit(&b, q.Limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}
