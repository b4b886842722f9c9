package sqlite

import (
	"context"
	"database/sql"
)

// DB exposes the store's database handle to the package's tests and benchmarks (raw SQL
// beside the library, query plans, pragmas); it is not part of the public API.
func DB(s *Store) *sql.DB { return s.db }

// StateLists exposes the partial indexes' state lists for TestStateLists.
var StateLists = map[string]string{"in force": inForceSQL, "expiring": expiringSQL, "pending": pendingSQL,
	"open tasks": openTasksSQL}

// ListSQL exposes the listing query builder for the query-plan test.
var ListSQL = listSQL

// TaskListSQL, MemberListSQL, IncidentListSQL and RiskListSQL expose the task, roster,
// incident and risk register query builders for the query-plan test.
var (
	TaskListSQL     = taskListSQL
	MemberListSQL   = memberListSQL
	IncidentListSQL = incidentListSQL
	RiskListSQL     = riskListSQL
)

// Queries are the fixed queries by the name the query-plan test reports.
var Queries = map[string]string{
	"Vendors.ReviewsDue":       sqlReviewsDue,
	"Vendors.ReviewsDue/unset": sqlReviewsDueUnset,
	"Vendors.Expiring":         sqlExpiring,
	"Vendors.Stalled":          sqlStalled,
	"Vendors.Stalled/unset":    sqlStalledUnset,
	"Audit.Last":               sqlAuditLast,
	"Audit.List":               sqlAuditList,
	"Events.Last":              sqlEventLast,
	"Events.List":              sqlEventList,
	"Templates.List":           sqlTemplateList,
	"Trials.List":              sqlTrialList,
	"Trials.List/status":       sqlTrialListByStatus,
	"Analyses.List":            sqlAnalysisList,
	"ControlDecisions.List":    sqlDecisionList,
}

// Updates are the fixed writes whose WHERE clause the query-plan test checks.
var Updates = map[string]string{}

func init() {
	// The document tables' reads and updates, by the name of their storage interface.
	label := map[string]string{"organizations": "Organization", "vendors": "Vendors", "templates": "Templates",
		"tasks": "Tasks", "members": "Members", "trials": "Trials", "incidents": "Incidents", "risks": "Risks",
		"analyses": "Analyses", "control_decisions": "ControlDecisions"}
	for _, s := range schemas {
		name, ok := label[s.name]
		if !ok {
			panic("no label for table " + s.name)
		}
		Queries[name+".Get"] = s.getSQL()
		Queries[name+".Version"] = s.versionSQL()
		Updates[name+".Update"] = s.updateSQL()
	}
}

// WithConn runs f on one of the store's own connections: the writer's, or a reader's.
func WithConn(s *Store, write bool, f func(*sql.Conn) error) error {
	c, err := s.pool.acquire(context.Background(), write)
	if err != nil {
		return err
	}
	defer s.pool.release(c, write, false)
	return f(c.sql)
}
