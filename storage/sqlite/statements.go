package sqlite

import "database/sql"

// State lists of the partial indexes in migration/0001_init.sql. A query uses a partial
// index only when its WHERE clause repeats the index's condition term for term, so these
// are literals, in the same order as there (TestStateLists checks them against the
// vendors package).
const (
	inForceSQL  = `('signed', 'review_due', 'reviewed', 'renewed')`
	expiringSQL = `('signed', 'review_due', 'reviewed', 'renewed', 'expired')`
	pendingSQL  = `('requested', 'in_negotiation')`
)

// openTasksSQL is the state list of the open-task partial indexes in
// migration/0002_tasks.sql, term for term (TestStateLists checks it against the task
// package).
const openTasksSQL = `('open', 'in_progress', 'blocked')`

const vendorCols = `version, doc`

// The fixed statements besides each document table's Get, version, insert and update
// (which [schema] writes), prepared on each connection. Every one filters by org_id.
const (
	sqlReviewsDue = `SELECT ` + vendorCols + ` FROM vendors
    WHERE org_id = ? AND baa_state IN ` + inForceSQL + ` AND next_review_on >= ? AND next_review_on < ?
    ORDER BY next_review_on, id`
	sqlReviewsDueUnset = `SELECT ` + vendorCols + ` FROM vendors
    WHERE org_id = ? AND baa_state IN ` + inForceSQL + ` AND next_review_on IS NULL
    ORDER BY id`
	sqlExpiring = `SELECT ` + vendorCols + ` FROM vendors
    WHERE org_id = ? AND baa_state IN ` + expiringSQL + ` AND expires_on >= ? AND expires_on < ?
    ORDER BY expires_on, id`
	sqlStalled = `SELECT ` + vendorCols + ` FROM vendors
    WHERE org_id = ? AND baa_state IN ` + pendingSQL + ` AND last_activity_on < ?
    ORDER BY last_activity_on, id`
	sqlStalledUnset = `SELECT ` + vendorCols + ` FROM vendors
    WHERE org_id = ? AND baa_state IN ` + pendingSQL + ` AND last_activity_on IS NULL
    ORDER BY id`

	auditCols      = `seq, at, actor, action, object_type, object_id, digest, prev, hash`
	sqlAuditLast   = `SELECT ` + auditCols + ` FROM audit_entries WHERE org_id = ? ORDER BY seq DESC LIMIT 1`
	sqlAuditList   = `SELECT ` + auditCols + ` FROM audit_entries WHERE org_id = ? AND seq >= ? ORDER BY seq LIMIT ?`
	sqlAuditInsert = `INSERT INTO audit_entries (org_id, ` + auditCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

	eventCols      = `seq, type, at, actor, object_type, object_id, data`
	sqlEventLast   = `SELECT seq FROM events WHERE org_id = ? ORDER BY seq DESC LIMIT 1`
	sqlEventList   = `SELECT ` + eventCols + ` FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?`
	sqlEventInsert = `INSERT INTO events (org_id, ` + eventCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

	sqlTemplateList = `SELECT version, doc FROM templates WHERE org_id = ? AND id > ? ORDER BY id LIMIT ?`

	sqlTrialList         = `SELECT version, doc FROM trials WHERE org_id = ? AND id > ? ORDER BY id LIMIT ?`
	sqlTrialListByStatus = `SELECT version, doc FROM trials WHERE org_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?`

	sqlAnalysisList = `SELECT version, doc FROM analyses WHERE org_id = ? AND (year, id) > (?, ?) ORDER BY year, id LIMIT ?`

	sqlDecisionList = `SELECT version, doc FROM control_decisions
    WHERE org_id = ? AND catalog_version = ? ORDER BY control`

	sqlReminderClaim = `INSERT INTO reminders (org_id, key, claimed_at) VALUES (?, ?, ?)
    ON CONFLICT (org_id, key) DO NOTHING`
)

// statements are the fixed statements prepared on one connection.
type statements struct {
	org, vendor                                                docStmts
	reviewsDue, reviewsDueUnset, expiring, stalled, stalledUns *sql.Stmt
	auditLast, auditList, auditInsert                          *sql.Stmt
	eventLast, eventList, eventInsert                          *sql.Stmt
	template                                                   docStmts
	templateList                                               *sql.Stmt
	task, member, trial, incident                              docStmts
	trialList, trialListByStatus                               *sql.Stmt
	risk, analysis, decision                                   docStmts
	analysisList, decisionList                                 *sql.Stmt
	reminderClaim                                              *sql.Stmt
}

// stmtDef names where a prepared statement goes and its text.
type stmtDef struct {
	p   **sql.Stmt
	sql string
}

// all lists the statements to prepare: each document table's four (see [schema]), then
// the listings and logs.
func (st *statements) all() []stmtDef {
	defs := make([]stmtDef, 0, 4*len(schemas)+16)
	for _, s := range schemas {
		d := s.stmts(st)
		defs = append(defs, stmtDef{&d.get, s.getSQL()}, stmtDef{&d.version, s.versionSQL()},
			stmtDef{&d.insert, s.insertSQL()}, stmtDef{&d.update, s.updateSQL()})
	}
	return append(defs,
		stmtDef{&st.reviewsDue, sqlReviewsDue}, stmtDef{&st.reviewsDueUnset, sqlReviewsDueUnset},
		stmtDef{&st.expiring, sqlExpiring}, stmtDef{&st.stalled, sqlStalled}, stmtDef{&st.stalledUns, sqlStalledUnset},
		stmtDef{&st.auditLast, sqlAuditLast}, stmtDef{&st.auditList, sqlAuditList}, stmtDef{&st.auditInsert, sqlAuditInsert},
		stmtDef{&st.eventLast, sqlEventLast}, stmtDef{&st.eventList, sqlEventList}, stmtDef{&st.eventInsert, sqlEventInsert},
		stmtDef{&st.templateList, sqlTemplateList},
		stmtDef{&st.trialList, sqlTrialList}, stmtDef{&st.trialListByStatus, sqlTrialListByStatus},
		stmtDef{&st.analysisList, sqlAnalysisList},
		stmtDef{&st.decisionList, sqlDecisionList},
		stmtDef{&st.reminderClaim, sqlReminderClaim},
	)
}
