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

// incidentTable keeps incidents with their discovery and closing dates (closed_on NULL
// while the file is open), for the listing's indexes (0003_incidents.sql).
var incidentTable = newTable(table[incident.ID, incident.Incident]{name: "incidents", kind: "incident",
	keyCols: []string{"id"},
	cols:    []string{"discovered_on", "closed_on"},
	key:     func(v *incident.Incident) incident.ID { return v.ID },
	keyArgs: func(id incident.ID) []string { return []string{string(id)} },
	version: func(v *incident.Incident) *int64 { return &v.Version },
	columns: incidentColumns})

type incidentStore struct {
	records[incident.ID, incident.Incident]
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

// List reads the incidents through the index incidentListSQL's query selects.
func (s incidentStore) List(ctx context.Context, q storage.IncidentQuery) iter.Seq2[incident.Incident, error] {
	sql, args := incidentListSQL(q)
	return s.list(ctx, sql, args)
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
