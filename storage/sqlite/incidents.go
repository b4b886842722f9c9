package sqlite

import (
	"context"
	"iter"
	"strings"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/storage"
)

var incidentTable = &table[incident.ID, incident.Incident]{kind: "incident",
	schema: &schema{name: "incidents", keys: []string{"id"}, cols: []string{"discovered_on", "closed_on"},
		stmts: func(st *statements) *docStmts { return &st.incident }},
	keyOf:     func(v *incident.Incident) incident.ID { return v.ID },
	appendKey: idKey[incident.ID],
	version:   func(v *incident.Incident) *int64 { return &v.Version },
	appendCols: func(args []any, v *incident.Incident) []any {
		return append(args, int64(v.DiscoveredOn), dateArg(v.ClosedOn))
	}}

type incidentStore struct {
	records[incident.ID, incident.Incident]
}

// List runs one query over the index incidentListSQL names, which gives the order.
func (s incidentStore) List(ctx context.Context, q storage.IncidentQuery) iter.Seq2[incident.Incident, error] {
	text, args := incidentListSQL(s.t.org, q)
	return s.list(ctx, "list incidents", nil, query{text: text, args: args})
}

// incidentListSQL builds the query of an incident listing, ordered by discovery date then
// id: open incidents read the partial index incidents_open (the query repeats its
// condition closed_on IS NULL term for term), the others incidents_by_discovery; both are
// (org_id, discovered_on, id), so a discovery window is a range of either. The index is
// named (INDEXED BY), as for tasks, so that SQLite without statistics does not pick the
// other one, or the primary key and a sort.
func incidentListSQL(orgID string, q storage.IncidentQuery) (string, []any) {
	var b strings.Builder
	args := []any{orgID}
	b.WriteString(`SELECT version, doc FROM incidents`)
	if q.Open {
		b.WriteString(` INDEXED BY incidents_open WHERE org_id = ? AND closed_on IS NULL`)
	} else {
		b.WriteString(` INDEXED BY incidents_by_discovery WHERE org_id = ?`)
	}
	if q.Discovered != (storage.Window{}) {
		b.WriteString(` AND discovered_on >= ? AND discovered_on < ?`)
		args = append(args, int64(q.Discovered.From), int64(q.Discovered.To))
	}
	if q.AfterID != "" {
		b.WriteString(` AND (discovered_on, id) > (?, ?)`)
		args = append(args, int64(q.AfterDiscovered), string(q.AfterID))
	}
	b.WriteString(` ORDER BY discovered_on, id`)
	if q.Limit > 0 {
		b.WriteString(` LIMIT ?`)
		args = append(args, q.Limit)
	}
	return b.String(), args
}
