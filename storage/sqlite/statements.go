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

const vendorCols = `version, doc`

// The fixed statements, prepared on each connection. Every one filters by org_id.
const (
	sqlOrgGet     = `SELECT version, doc FROM organizations WHERE org_id = ?`
	sqlOrgInsert  = `INSERT INTO organizations (org_id, version, doc) VALUES (?, 1, ?)`
	sqlOrgUpdate  = `UPDATE organizations SET version = version + 1, doc = ? WHERE org_id = ? AND version = ?`
	sqlOrgVersion = `SELECT version FROM organizations WHERE org_id = ?`

	sqlVendorGet     = `SELECT ` + vendorCols + ` FROM vendors WHERE org_id = ? AND id = ?`
	sqlVendorVersion = `SELECT version FROM vendors WHERE org_id = ? AND id = ?`
	sqlVendorInsert  = `INSERT INTO vendors (org_id, id, version, name, category, baa_state,
    next_review_on, expires_on, last_activity_on, doc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`
	sqlVendorUpdate = `UPDATE vendors SET version = version + 1, name = ?, category = ?, baa_state = ?,
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
	sqlAuditList   = `SELECT ` + auditCols + ` FROM audit_entries WHERE org_id = ? AND seq >= ? ORDER BY seq`
	sqlAuditInsert = `INSERT INTO audit_entries (org_id, ` + auditCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

	eventCols      = `seq, type, at, actor, object_type, object_id, data`
	sqlEventLast   = `SELECT seq FROM events WHERE org_id = ? ORDER BY seq DESC LIMIT 1`
	sqlEventList   = `SELECT ` + eventCols + ` FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?`
	sqlEventInsert = `INSERT INTO events (org_id, ` + eventCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
)

// statements are the fixed statements prepared on one connection.
type statements struct {
	orgGet, orgInsert, orgUpdate, orgVersion                   *sql.Stmt
	vendorGet, vendorVersion, vendorInsert, vendorUpdate       *sql.Stmt
	reviewsDue, reviewsDueUnset, expiring, stalled, stalledUns *sql.Stmt
	auditLast, auditList, auditInsert                          *sql.Stmt
	eventLast, eventList, eventInsert                          *sql.Stmt
}

// stmtDef names where a prepared statement goes and its text.
type stmtDef struct {
	p   **sql.Stmt
	sql string
}

func (st *statements) all() []stmtDef {
	return []stmtDef{
		{&st.orgGet, sqlOrgGet}, {&st.orgInsert, sqlOrgInsert}, {&st.orgUpdate, sqlOrgUpdate},
		{&st.orgVersion, sqlOrgVersion},
		{&st.vendorGet, sqlVendorGet}, {&st.vendorVersion, sqlVendorVersion},
		{&st.vendorInsert, sqlVendorInsert}, {&st.vendorUpdate, sqlVendorUpdate},
		{&st.reviewsDue, sqlReviewsDue}, {&st.reviewsDueUnset, sqlReviewsDueUnset},
		{&st.expiring, sqlExpiring}, {&st.stalled, sqlStalled}, {&st.stalledUns, sqlStalledUnset},
		{&st.auditLast, sqlAuditLast}, {&st.auditList, sqlAuditList}, {&st.auditInsert, sqlAuditInsert},
		{&st.eventLast, sqlEventLast}, {&st.eventList, sqlEventList}, {&st.eventInsert, sqlEventInsert},
	}
}
