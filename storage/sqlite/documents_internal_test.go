package sqlite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkTable checks that a table's projected values match its schema's columns, one for
// one, and that its key arguments match its key columns.
func checkTable[K comparable, V any](t *testing.T, tb *table[K, V]) {
	t.Helper()
	var v V
	cols := 0
	if tb.appendCols != nil {
		cols = len(tb.appendCols(nil, &v))
	}
	require.Len(t, tb.schema.cols, cols, "%s: projected values and columns", tb.schema.name)
	require.Len(t, tb.schema.keys, len(tb.appendKey(nil, tb.keyOf(&v))), "%s: key values and columns", tb.schema.name)
	// Every statement binds as many arguments as records gives it.
	s := tb.schema
	require.Equal(t, 1+len(s.keys), strings.Count(s.getSQL(), "?"), s.name)
	require.Equal(t, 1+len(s.keys), strings.Count(s.versionSQL(), "?"), s.name)
	require.Equal(t, 1+len(s.keys)+cols+1, strings.Count(s.insertSQL(), "?"), s.name)
	require.Equal(t, cols+1+1+len(s.keys)+1, strings.Count(s.updateSQL(), "?"), s.name)
}

func TestTables(t *testing.T) {
	checkTable(t, orgTable)
	checkTable(t, vendorTable)
	checkTable(t, templateTable)
	checkTable(t, taskTable)
	checkTable(t, memberTable)
	checkTable(t, trialTable)
	checkTable(t, incidentTable)
	checkTable(t, riskTable)
	checkTable(t, analysisTable)
	checkTable(t, decisionTable)
	require.Len(t, schemas, 10)
}

// TestSchemaSQL pins the statements a schema writes, for a table with projected columns
// and one with a key of two columns.
func TestSchemaSQL(t *testing.T) {
	v := vendorTable.schema
	require.Equal(t, `SELECT version, doc FROM vendors WHERE org_id = ? AND id = ?`, v.getSQL())
	require.Equal(t, `SELECT version FROM vendors WHERE org_id = ? AND id = ?`, v.versionSQL())
	require.Equal(t, `INSERT INTO vendors (org_id, id, version, name, name_key, category, baa_state, next_review_on, `+
		`expires_on, last_activity_on, doc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`, v.insertSQL())
	require.Equal(t, `UPDATE vendors SET version = version + 1, name = ?, name_key = ?, category = ?, baa_state = ?, `+
		`next_review_on = ?, expires_on = ?, last_activity_on = ?, doc = ? WHERE org_id = ? AND id = ? AND version = ?`,
		v.updateSQL())
	d := decisionTable.schema
	require.Equal(t, `SELECT version, doc FROM control_decisions WHERE org_id = ? AND catalog_version = ? AND control = ?`, d.getSQL())
	require.Equal(t, `INSERT INTO control_decisions (org_id, catalog_version, control, version, doc) VALUES (?, ?, ?, 1, ?)`, d.insertSQL())
	require.Equal(t, `UPDATE control_decisions SET version = version + 1, doc = ? WHERE org_id = ? AND catalog_version = ? AND control = ? AND version = ?`, d.updateSQL())
	o := orgTable.schema
	require.Equal(t, `INSERT INTO organizations (org_id, version, doc) VALUES (?, 1, ?)`, o.insertSQL())
	require.Equal(t, `UPDATE organizations SET version = version + 1, doc = ? WHERE org_id = ? AND version = ?`, o.updateSQL())
}
