package postgres

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pool exposes the store's pool to the package's tests and benchmarks (raw SQL beside
// the library, query plans); it is not part of the public API.
func Pool(s *Store) *pgxpool.Pool { return s.pool }

// SetParkTimeout sets how long connections parked from now on wait (TestParkedConnection
// must not depend on the machine's speed).
func SetParkTimeout(s *Store, d time.Duration) { s.parkFor.Store(int64(d)) }

// StateLists exposes the partial indexes' state lists for TestStateLists.
var StateLists = map[string]string{"in force": inForceSQL, "expiring": expiringSQL, "pending": pendingSQL}

// OpenStatesSQL exposes the open task states as the queries spell them.
var OpenStatesSQL = openSQL

// TaskListSQL, MemberListSQL, IncidentListSQL and RiskListSQL expose the task, roster,
// incident and risk register query builders.
var (
	TaskListSQL     = taskListSQL
	MemberListSQL   = memberListSQL
	IncidentListSQL = incidentListSQL
	RiskListSQL     = riskListSQL
)

// ListSQL exposes the listing query builder for the query-plan test.
var ListSQL = listSQL

// Queries are the fixed vendor queries by the name the query-plan test reports.
var Queries = map[string]string{
	"Vendors.Get":              vendorTable.sqlGet,
	"Vendors.Update":           vendorTable.sqlUpdate,
	"Vendors.ReviewsDue":       sqlReviewsDue,
	"Vendors.ReviewsDue/unset": sqlReviewsDueUnset,
	"Vendors.Expiring":         sqlExpiring,
	"Vendors.Stalled":          sqlStalled,
	"Vendors.Stalled/unset":    sqlStalledUnset,
	"Tasks.Get":                taskTable.sqlGet,
	"Tasks.Update":             taskTable.sqlUpdate,
	"Incidents.Get":            incidentTable.sqlGet,
	"Incidents.Update":         incidentTable.sqlUpdate,
	"Risks.Get":                riskTable.sqlGet,
	"Risks.Update":             riskTable.sqlUpdate,
	"Analyses.Get":             analysisTable.sqlGet,
	"Analyses.List":            sqlAnalysisList,
	"ControlDecisions.Get":     decisionTable.sqlGet,
	"ControlDecisions.Update":  decisionTable.sqlUpdate,
	"ControlDecisions.List":    sqlDecisionList,
}

// MigrateLockKey is the advisory lock key migrations run under.
const MigrateLockKey = migrateLockKey
