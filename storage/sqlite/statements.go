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

// The fixed statements, prepared on each connection. Every one filters by org_id.
const (
	sqlOrgGet     = `SELECT version, doc FROM organizations WHERE org_id = ?`
	sqlOrgInsert  = `INSERT INTO organizations (org_id, version, doc) VALUES (?, 1, ?)`
	sqlOrgUpdate  = `UPDATE organizations SET version = version + 1, doc = ? WHERE org_id = ? AND version = ?`
	sqlOrgVersion = `SELECT version FROM organizations WHERE org_id = ?`

	sqlVendorGet     = `SELECT ` + vendorCols + ` FROM vendors WHERE org_id = ? AND id = ?`
	sqlVendorVersion = `SELECT version FROM vendors WHERE org_id = ? AND id = ?`
	sqlVendorInsert  = `INSERT INTO vendors (org_id, id, version, name, name_key, category, baa_state,
    next_review_on, expires_on, last_activity_on, doc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlVendorUpdate = `UPDATE vendors SET version = version + 1, name = ?, name_key = ?, category = ?, baa_state = ?,
    next_review_on = ?, expires_on = ?, last_activity_on = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`

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

	sqlTemplateGet     = `SELECT version, doc FROM templates WHERE org_id = ? AND id = ?`
	sqlTemplateVersion = `SELECT version FROM templates WHERE org_id = ? AND id = ?`
	sqlTemplateInsert  = `INSERT INTO templates (org_id, id, version, doc) VALUES (?, ?, 1, ?)`
	sqlTemplateUpdate  = `UPDATE templates SET version = version + 1, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`
	sqlTemplateList = `SELECT version, doc FROM templates WHERE org_id = ? AND id > ? ORDER BY id LIMIT ?`

	sqlTaskGet     = `SELECT version, doc FROM tasks WHERE org_id = ? AND id = ?`
	sqlTaskVersion = `SELECT version FROM tasks WHERE org_id = ? AND id = ?`
	sqlTaskInsert  = `INSERT INTO tasks (org_id, id, version, state, due_on, assignee_person, assignee_role,
    site, subject_type, subject_id, series, doc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlTaskUpdate = `UPDATE tasks SET version = version + 1, state = ?, due_on = ?, assignee_person = ?,
    assignee_role = ?, site = ?, subject_type = ?, subject_id = ?, series = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`

	sqlMemberGet     = `SELECT version, doc FROM members WHERE org_id = ? AND id = ?`
	sqlMemberVersion = `SELECT version FROM members WHERE org_id = ? AND id = ?`
	sqlMemberInsert  = `INSERT INTO members (org_id, id, version, name, role, start_on, end_on, doc)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?)`
	sqlMemberUpdate = `UPDATE members SET version = version + 1, name = ?, role = ?, start_on = ?, end_on = ?,
    doc = ? WHERE org_id = ? AND id = ? AND version = ?`

	sqlTrialGet     = `SELECT version, doc FROM trials WHERE org_id = ? AND id = ?`
	sqlTrialVersion = `SELECT version FROM trials WHERE org_id = ? AND id = ?`
	sqlTrialInsert  = `INSERT INTO trials (org_id, id, version, status, doc) VALUES (?, ?, 1, ?, ?)`
	sqlTrialUpdate  = `UPDATE trials SET version = version + 1, status = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`
	sqlTrialList         = `SELECT version, doc FROM trials WHERE org_id = ? AND id > ? ORDER BY id LIMIT ?`
	sqlTrialListByStatus = `SELECT version, doc FROM trials WHERE org_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?`

	sqlIncidentGet     = `SELECT version, doc FROM incidents WHERE org_id = ? AND id = ?`
	sqlIncidentVersion = `SELECT version FROM incidents WHERE org_id = ? AND id = ?`
	sqlIncidentInsert  = `INSERT INTO incidents (org_id, id, version, discovered_on, closed_on, doc)
    VALUES (?, ?, 1, ?, ?, ?)`
	sqlIncidentUpdate = `UPDATE incidents SET version = version + 1, discovered_on = ?, closed_on = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`

	sqlRiskGet     = `SELECT version, doc FROM risks WHERE org_id = ? AND id = ?`
	sqlRiskVersion = `SELECT version FROM risks WHERE org_id = ? AND id = ?`
	sqlRiskInsert  = `INSERT INTO risks (org_id, id, version, status, due_on, review_on, doc)
    VALUES (?, ?, 1, ?, ?, ?, ?)`
	sqlRiskUpdate = `UPDATE risks SET version = version + 1, status = ?, due_on = ?, review_on = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`

	sqlAnalysisGet     = `SELECT version, doc FROM analyses WHERE org_id = ? AND id = ?`
	sqlAnalysisVersion = `SELECT version FROM analyses WHERE org_id = ? AND id = ?`
	sqlAnalysisInsert  = `INSERT INTO analyses (org_id, id, version, year, doc) VALUES (?, ?, 1, ?, ?)`
	sqlAnalysisUpdate  = `UPDATE analyses SET version = version + 1, year = ?, doc = ?
    WHERE org_id = ? AND id = ? AND version = ?`
	sqlAnalysisList = `SELECT version, doc FROM analyses WHERE org_id = ? AND (year, id) > (?, ?) ORDER BY year, id LIMIT ?`

	sqlDecisionGet = `SELECT version, doc FROM control_decisions
    WHERE org_id = ? AND catalog_version = ? AND control = ?`
	sqlDecisionVersion = `SELECT version FROM control_decisions
    WHERE org_id = ? AND catalog_version = ? AND control = ?`
	sqlDecisionInsert = `INSERT INTO control_decisions (org_id, catalog_version, control, version, doc)
    VALUES (?, ?, ?, 1, ?)`
	sqlDecisionUpdate = `UPDATE control_decisions SET version = version + 1, doc = ?
    WHERE org_id = ? AND catalog_version = ? AND control = ? AND version = ?`
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

func (st *statements) all() []stmtDef {
	return []stmtDef{
		{&st.org.get, sqlOrgGet}, {&st.org.insert, sqlOrgInsert}, {&st.org.update, sqlOrgUpdate},
		{&st.org.version, sqlOrgVersion},
		{&st.vendor.get, sqlVendorGet}, {&st.vendor.version, sqlVendorVersion},
		{&st.vendor.insert, sqlVendorInsert}, {&st.vendor.update, sqlVendorUpdate},
		{&st.reviewsDue, sqlReviewsDue}, {&st.reviewsDueUnset, sqlReviewsDueUnset},
		{&st.expiring, sqlExpiring}, {&st.stalled, sqlStalled}, {&st.stalledUns, sqlStalledUnset},
		{&st.auditLast, sqlAuditLast}, {&st.auditList, sqlAuditList}, {&st.auditInsert, sqlAuditInsert},
		{&st.eventLast, sqlEventLast}, {&st.eventList, sqlEventList}, {&st.eventInsert, sqlEventInsert},
		{&st.template.get, sqlTemplateGet}, {&st.template.version, sqlTemplateVersion},
		{&st.template.insert, sqlTemplateInsert}, {&st.template.update, sqlTemplateUpdate},
		{&st.templateList, sqlTemplateList},
		{&st.task.get, sqlTaskGet}, {&st.task.version, sqlTaskVersion},
		{&st.task.insert, sqlTaskInsert}, {&st.task.update, sqlTaskUpdate},
		{&st.member.get, sqlMemberGet}, {&st.member.version, sqlMemberVersion},
		{&st.member.insert, sqlMemberInsert}, {&st.member.update, sqlMemberUpdate},
		{&st.trial.get, sqlTrialGet}, {&st.trial.version, sqlTrialVersion},
		{&st.trial.insert, sqlTrialInsert}, {&st.trial.update, sqlTrialUpdate},
		{&st.trialList, sqlTrialList}, {&st.trialListByStatus, sqlTrialListByStatus},
		{&st.incident.get, sqlIncidentGet}, {&st.incident.version, sqlIncidentVersion},
		{&st.incident.insert, sqlIncidentInsert}, {&st.incident.update, sqlIncidentUpdate},
		{&st.risk.get, sqlRiskGet}, {&st.risk.version, sqlRiskVersion},
		{&st.risk.insert, sqlRiskInsert}, {&st.risk.update, sqlRiskUpdate},
		{&st.analysis.get, sqlAnalysisGet}, {&st.analysis.version, sqlAnalysisVersion},
		{&st.analysis.insert, sqlAnalysisInsert}, {&st.analysis.update, sqlAnalysisUpdate},
		{&st.analysisList, sqlAnalysisList},
		{&st.decision.get, sqlDecisionGet}, {&st.decision.version, sqlDecisionVersion},
		{&st.decision.insert, sqlDecisionInsert}, {&st.decision.update, sqlDecisionUpdate},
		{&st.decisionList, sqlDecisionList},
		{&st.reminderClaim, sqlReminderClaim},
	}
}
