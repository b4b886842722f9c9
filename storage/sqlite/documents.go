package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
)

// table describes how one aggregate is stored: as a JSON document (doc) of the domain
// value with its version, and the columns its queries need projected beside it. It is
// the whole of what differs between the aggregates' Get, Create and Update, which
// [records] implements once for all of them. Each aggregate's table is a package
// variable, built once.
type table[K comparable, V any] struct {
	// kind names the aggregate in messages ("vendor").
	kind string
	// schema is the aggregate's table in SQL.
	schema *schema
	// keyOf returns v's key; appendKey appends the arguments that name the record of a
	// key after org_id, in the order the statements bind them (none for the
	// organization's profile, the id for most, catalog version and control for a
	// control decision).
	keyOf     func(*V) K
	appendKey func(args []any, k K) []any
	version   func(*V) *int64
	// appendCols appends the projected columns' values in the order the insert and
	// update statements list them (after the key, before doc); nil when there are none.
	appendCols func(args []any, v *V) []any
	// name names a record in messages; nil: kind and key.
	name func(t *tx, k K) string
	// own refuses a value the handle may not write (an organization profile with
	// another id); nil: none.
	own func(t *tx, v *V) error
}

// schema is an aggregate's table in SQL: its name, its key columns after org_id (the
// primary key is org_id and these) and the columns it projects (in the order appendCols
// gives their values). Its Get, version, insert and update statements are written from
// it, once for every aggregate.
type schema struct {
	name string
	keys []string
	cols []string
	// stmts picks the statements prepared from the schema on a connection.
	stmts func(*statements) *docStmts
}

// docStmts are the statements that keep one aggregate stored as a document.
type docStmts struct {
	get, version, insert, update *sql.Stmt
}

// where names one record: the organization, then the key columns.
func (s *schema) where() string {
	var b strings.Builder
	b.WriteString(`org_id = ?`)
	for _, k := range s.keys {
		b.WriteString(` AND ` + k + ` = ?`)
	}
	return b.String()
}

// getSQL reads one record's (version, doc), the shape [records.scan] reads.
func (s *schema) getSQL() string { return `SELECT version, doc FROM ` + s.name + ` WHERE ` + s.where() }

// versionSQL reads one record's stored version, which tells a stale update from a
// missing record.
func (s *schema) versionSQL() string { return `SELECT version FROM ` + s.name + ` WHERE ` + s.where() }

// insertSQL stores a record at version 1; its arguments are the key (org_id first), the
// projected columns and the document.
func (s *schema) insertSQL() string {
	cols := append(append(append([]string{"org_id"}, s.keys...), "version"), s.cols...)
	vals := strings.Repeat("?, ", 1+len(s.keys)) + "1" + strings.Repeat(", ?", len(s.cols)+1)
	return `INSERT INTO ` + s.name + ` (` + strings.Join(append(cols, "doc"), ", ") + `) VALUES (` + vals + `)`
}

// updateSQL stores a record if its version is the given one, and advances it; its
// arguments are the projected columns, the document, the key (org_id first) and the
// version.
func (s *schema) updateSQL() string {
	var b strings.Builder
	b.WriteString(`UPDATE ` + s.name + ` SET version = version + 1`)
	for _, c := range append(slices.Clone(s.cols), "doc") {
		b.WriteString(`, ` + c + ` = ?`)
	}
	b.WriteString(` WHERE ` + s.where() + ` AND version = ?`)
	return b.String()
}

// schemas are the tables of the aggregates kept as documents.
var schemas = []*schema{orgTable.schema, vendorTable.schema, templateTable.schema, taskTable.schema,
	memberTable.schema, trialTable.schema, incidentTable.schema, riskTable.schema, analysisTable.schema,
	decisionTable.schema}

// records is the storage contract's [storage.Records] of one aggregate in one
// transaction: Get, Create and Update, written once. Each aggregate's store embeds it
// and adds its indexed queries, which read through list.
type records[K comparable, V any] struct {
	t  *tx
	tb *table[K, V]
}

// of returns the records of tb in t.
func of[K comparable, V any](t *tx, tb *table[K, V]) records[K, V] {
	return records[K, V]{t: t, tb: tb}
}

// idKey is the appendKey of the aggregates keyed by (org_id, id).
func idKey[K ~string](args []any, id K) []any { return append(args, string(id)) }

// strArg is an optional text column's value: the text, or NULL when it is empty.
func strArg[T ~string](s T) any {
	if s == "" {
		return nil
	}
	return string(s)
}

// dateArg is a date column's value: the day number, or NULL for the zero date (not set).
func dateArg(d date.Date) any {
	if d == date.Zero {
		return nil
	}
	return int64(d)
}

// limitArg is a LIMIT's value: n, or -1 (SQLite: no limit) for 0.
func limitArg(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

func (r records[K, V]) stmts() *docStmts { return r.tb.schema.stmts(&r.t.c.st) }

// key returns the arguments that name the record of k: the organization, then the key.
func (r records[K, V]) key(args []any, k K) []any {
	return r.tb.appendKey(append(args, r.t.org), k)
}

func (r records[K, V]) name(k K) string {
	if r.tb.name != nil {
		return r.tb.name(r.t, k)
	}
	return fmt.Sprintf("%s %q", r.tb.kind, fmt.Sprint(k))
}

// encode returns the JSON document of v stored at the given version. An unknown enum
// value fails here, before anything is written, with its validation error in the chain.
func (r records[K, V]) encode(v *V, version int64) (string, error) {
	c := *v
	*r.tb.version(&c) = version
	doc, err := json.Marshal(&c)
	if err != nil {
		return "", fmt.Errorf("sqlite: %s: encode: %w", r.name(r.tb.keyOf(v)), err)
	}
	return string(doc), nil
}

// errDecode is the error of a stored document that does not decode: a value this
// program cannot read, such as an unknown enum value written by a newer one, or a file
// edited by hand. It is neither the caller's bad input (the enum's validation error is in
// the message only) nor a database failure ([classify] leaves it as it is): the
// library's code for it is internal.
type errDecode struct{ msg string }

func (e *errDecode) Error() string { return e.msg }

// scan reads every row of a (version, doc) query, decoding each document while its
// bytes are valid (the version column is authoritative), and closes rows.
func (r records[K, V]) scan(rows *sql.Rows, out []V) ([]V, error) {
	defer rows.Close()
	var version int64
	var doc sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&version, &doc); err != nil {
			return out, err
		}
		var v V
		if err := json.Unmarshal(doc, &v); err != nil {
			return out, &errDecode{fmt.Sprintf("sqlite: decode %s: %v", r.tb.kind, err)}
		}
		*r.tb.version(&v) = version
		out = append(out, v)
	}
	return out, closeRows(rows)
}

// Get returns the record of id, or storage.ErrNotFound.
func (r records[K, V]) Get(ctx context.Context, id K) (V, error) {
	var zero V
	t := r.t
	if err := t.check(ctx, false); err != nil {
		return zero, err
	}
	var buf [4]any
	rows, err := r.stmts().get.QueryContext(ctx, r.key(buf[:0], id)...)
	if err != nil {
		return zero, t.fail(ctx, "get "+r.name(id), err)
	}
	var got [1]V
	out, err := r.scan(rows, got[:0])
	switch {
	case err != nil:
		return zero, t.fail(ctx, "get "+r.name(id), err)
	case len(out) == 0:
		return zero, fmt.Errorf("%s: %w", r.name(id), storage.ErrNotFound)
	}
	return out[0], nil
}

// Create stores v with version 1 and sets its Version (storage.ErrExists if its key is
// taken).
func (r records[K, V]) Create(ctx context.Context, v *V) error {
	t := r.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	if r.tb.own != nil {
		if err := r.tb.own(t, v); err != nil {
			return err
		}
	}
	doc, err := r.encode(v, 1)
	if err != nil {
		return err
	}
	k := r.tb.keyOf(v)
	var buf [16]any
	args := r.key(buf[:0], k)
	if r.tb.appendCols != nil {
		args = r.tb.appendCols(args, v)
	}
	if _, err := r.stmts().insert.ExecContext(ctx, append(args, doc)...); err != nil {
		return t.fail(ctx, "create "+r.name(k), err)
	}
	*r.tb.version(v) = 1
	return nil
}

// Update stores v if its Version is the stored one (storage.ErrConflict otherwise,
// storage.ErrNotFound if it was never created) and advances it.
func (r records[K, V]) Update(ctx context.Context, v *V) error {
	t := r.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	k := r.tb.keyOf(v)
	if r.tb.own != nil {
		if err := r.tb.own(t, v); err != nil {
			return err
		}
	}
	given := *r.tb.version(v)
	doc, err := r.encode(v, given+1)
	if err != nil {
		return err
	}
	var buf [16]any
	args := buf[:0]
	if r.tb.appendCols != nil {
		args = r.tb.appendCols(args, v)
	}
	args = append(r.key(append(args, doc), k), given)
	st := r.stmts()
	res, err := st.update.ExecContext(ctx, args...)
	if err != nil {
		return t.fail(ctx, "update "+r.name(k), err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return t.fail(ctx, "update "+r.name(k), err)
	}
	if n == 0 {
		var stored int64
		var kb [4]any
		err := st.version.QueryRowContext(ctx, r.key(kb[:0], k)...).Scan(&stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("%s: %w", r.name(k), storage.ErrNotFound)
		case err != nil:
			return t.fail(ctx, "update "+r.name(k), err)
		}
		return fmt.Errorf("%s version %d, stored %d: %w", r.name(k), given, stored, storage.ErrConflict)
	}
	*r.tb.version(v) = given + 1
	return nil
}

// query is one statement of a listing: a fixed one, or the text of one that the
// connection prepares and keeps.
type query struct {
	stmt *sql.Stmt
	text string
	args []any
}

// list returns an iterator that, when ranged, runs the queries in order, reads and
// decodes all their rows and closes them, merges the results of several queries with
// sortBy, and only then yields: the caller may run other statements of the transaction
// while ranging.
func (r records[K, V]) list(ctx context.Context, what string, sortBy func(a, b *V) int, qs ...query) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		var zero V
		t := r.t
		if err := t.check(ctx, false); err != nil {
			yield(zero, err)
			return
		}
		var out []V
		for _, q := range qs {
			stmt, err := q.stmt, error(nil)
			if stmt == nil {
				stmt, err = t.c.listStmt(ctx, q.text)
			}
			var rows *sql.Rows
			if err == nil {
				rows, err = stmt.QueryContext(ctx, q.args...)
			}
			if err == nil {
				out, err = r.scan(rows, out)
			}
			if err != nil {
				yield(zero, t.fail(ctx, what, err))
				return
			}
		}
		if sortBy != nil && len(qs) > 1 {
			slices.SortStableFunc(out, func(a, b V) int { return sortBy(&a, &b) })
		}
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}

// byDate orders by a date, the zero date (not set) first, then by id: the memory
// backend's order, which the SQL queries give within each of their parts.
func byDate[V any, K cmp.Ordered](day func(*V) date.Date, id func(*V) K) func(a, b *V) int {
	return func(a, b *V) int { return cmp.Or(cmp.Compare(day(a), day(b)), cmp.Compare(id(a), id(b))) }
}
