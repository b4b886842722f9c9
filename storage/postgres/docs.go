package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// table describes how one aggregate is kept: a row per record of the organization,
// keyed by org_id and the key columns, with the record's version, its JSON document
// (doc) and the columns its indexed queries read beside it. Its statements are built
// once, from the table's name and columns, by [newTable]; [records] runs them.
type table[K comparable, V any] struct {
	name string // the SQL table
	kind string // "vendor", for errors
	// keyCols are the key's columns after org_id, in the order keyArgs returns them;
	// none for the organization's own profile.
	keyCols []string
	// cols are the indexed columns, in the order columns returns them.
	cols []string

	key     func(*V) K
	keyArgs func(K) []string
	version func(*V) *int64
	// columns returns the indexed columns of v, refusing what PostgreSQL would reject.
	columns func(*V) ([]any, error)

	// The statements. Every one takes the organization as $1 and the key columns next;
	// Update then the version it expects; Create and Update then the indexed columns and
	// last the document.
	sqlGet, sqlVersion, sqlCreate, sqlUpdate string
}

// newTable returns t with its statements built.
func newTable[K comparable, V any](t table[K, V]) *table[K, V] {
	n := 1
	next := func() string { n++; return "$" + strconv.Itoa(n) }
	where := []string{"org_id = $1"}
	for _, c := range t.keyCols {
		where = append(where, c+" = "+next())
	}
	key := strings.Join(where, " AND ")
	t.sqlGet = "SELECT version, doc FROM " + t.name + " WHERE " + key
	t.sqlVersion = "SELECT version FROM " + t.name + " WHERE " + key

	sets := []string{"version = version + 1"}
	version := next()
	for _, c := range append(slices.Clone(t.cols), "doc") {
		sets = append(sets, c+" = "+next())
	}
	t.sqlUpdate = "UPDATE " + t.name + " SET " + strings.Join(sets, ", ") + " WHERE " + key + " AND version = " + version

	keys := append([]string{"org_id"}, t.keyCols...)
	cols := slices.Concat(keys, []string{"version"}, t.cols, []string{"doc"})
	vals := []string{}
	for i := range keys {
		vals = append(vals, "$"+strconv.Itoa(i+1))
	}
	vals = append(vals, "1")
	for i := range len(t.cols) + 1 {
		vals = append(vals, "$"+strconv.Itoa(len(keys)+1+i))
	}
	t.sqlCreate = "INSERT INTO " + t.name + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") +
		") ON CONFLICT (" + strings.Join(keys, ", ") + ") DO NOTHING"
	return &t
}

// records is the generic Get, Create and Update of every aggregate
// ([storage.Records]) in one transaction, and the listing of its rows; each aggregate's
// store embeds it and adds its indexed queries.
type records[K comparable, V any] struct {
	t  *tx
	tb *table[K, V]
}

// args returns the arguments that name the record k: the organization and the key.
func (r records[K, V]) args(k K) []any {
	parts := r.tb.keyArgs(k)
	args := make([]any, 0, len(parts)+1)
	args = append(args, string(r.t.org))
	for _, p := range parts {
		args = append(args, p)
	}
	return args
}

// name names the record k in errors: its kind and its key (the organization for the
// profile).
func (r records[K, V]) name(k K) string { return r.named(r.tb.keyArgs(k)) }

// named names the record of the key columns parts.
func (r records[K, V]) named(parts []string) string {
	if len(parts) == 0 {
		return fmt.Sprintf("%s %q", r.tb.kind, r.t.org)
	}
	return fmt.Sprintf("%s %q", r.tb.kind, strings.Join(parts, "/"))
}

// Get returns the record k, or storage.ErrNotFound.
func (r records[K, V]) Get(ctx context.Context, k K) (V, error) {
	var zero V
	if textOK(r.tb.kind, r.tb.keyArgs(k)...) != nil { // no stored key holds such text
		if err := r.t.ready(ctx, false); err != nil {
			return zero, err
		}
		return zero, fmt.Errorf("%s: %w", r.name(k), storage.ErrNotFound)
	}
	var version int64
	var doc []byte
	found := false
	_, err := r.t.query(ctx, false, func(row pgx.Rows) error {
		found = true
		return row.Scan(&version, &doc)
	}, r.tb.sqlGet, r.args(k)...)
	if err != nil {
		return zero, err
	}
	if !found {
		return zero, fmt.Errorf("%s: %w", r.name(k), storage.ErrNotFound)
	}
	return r.decode(r.name(k), version, doc)
}

// Create stores v with version 1 and sets its Version; storage.ErrExists if its key is
// taken.
func (r records[K, V]) Create(ctx context.Context, v *V) error {
	if err := r.t.ready(ctx, true); err != nil {
		return err
	}
	k := r.tb.key(v)
	args, err := r.encode(k, v, 1)
	if err != nil {
		return err
	}
	tag, err := r.t.query(ctx, true, nil, r.tb.sqlCreate, append(r.args(k), args...)...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s: %w", r.name(k), storage.ErrExists)
	}
	*r.tb.version(v) = 1
	return nil
}

// Update stores v if its Version is current and advances it; storage.ErrConflict if it
// is stale, storage.ErrNotFound if the record was never created.
func (r records[K, V]) Update(ctx context.Context, v *V) error {
	if err := r.t.ready(ctx, true); err != nil {
		return err
	}
	k, given := r.tb.key(v), *r.tb.version(v)
	args, err := r.encode(k, v, given+1)
	if err != nil {
		return err
	}
	tag, err := r.t.query(ctx, true, nil, r.tb.sqlUpdate, append(append(r.args(k), given), args...)...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		stored, found, err := r.t.version(ctx, r.tb.sqlVersion, r.args(k)...)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s: %w", r.name(k), storage.ErrNotFound)
		}
		return fmt.Errorf("%s version %d, stored %d: %w", r.name(k), given, stored, storage.ErrConflict)
	}
	*r.tb.version(v) = given + 1
	return nil
}

// encode returns the indexed columns and the document of v as stored at the given
// version. It refuses, before anything is sent, what PostgreSQL would reject in the
// middle of the transaction (and so abort it): an unknown enum value (json.Marshal fails
// with its validation error), text that is not UTF-8 or holds NUL, a date out of range.
func (r records[K, V]) encode(k K, v *V, version int64) ([]any, error) {
	if err := textOK(r.tb.kind, r.tb.keyArgs(k)...); err != nil {
		return nil, err
	}
	cols, err := r.tb.columns(v)
	if err != nil {
		return nil, err
	}
	c := *v
	*r.tb.version(&c) = version
	doc, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s cannot be stored: %w", r.name(k), err)
	}
	if hasNUL(doc) {
		return nil, validation.New("postgres", r.tb.kind, "a text field contains a NUL character, which PostgreSQL cannot store")
	}
	return append(cols, doc), nil
}

// decode reads the stored document of the record name; the version column is the
// record's version. A document that does not decode is stored data this code cannot
// read, neither bad input of the caller nor a storage failure: the error does not wrap
// the decoder's (whose chain may hold a validation error of an enum).
func (r records[K, V]) decode(name string, version int64, doc []byte) (V, error) {
	var v V
	if err := json.Unmarshal(doc, &v); err != nil {
		var zero V
		return zero, fmt.Errorf("postgres: %s: stored document cannot be read: %v", name, err)
	}
	*r.tb.version(&v) = version
	return v, nil
}

// scan runs a listing (SELECT the key columns, version, doc …) when the iteration
// starts, reads and closes all its rows, then decodes and yields them. An empty sql is a listing that
// cannot match anything: it sends nothing, and still reports a used-up transaction or an
// ended context.
func (r records[K, V]) scan(ctx context.Context, sql string, args ...any) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		var zero V
		if sql == "" {
			if err := r.t.ready(ctx, false); err != nil {
				yield(zero, err)
			}
			return
		}
		type hit struct {
			key     []string
			version int64
			doc     []byte
		}
		var hits []hit
		_, err := r.t.query(ctx, false, func(row pgx.Rows) error {
			h := hit{key: make([]string, len(r.tb.keyCols))}
			dest := make([]any, 0, len(h.key)+2)
			for i := range h.key {
				dest = append(dest, &h.key[i])
			}
			err := row.Scan(append(dest, &h.version, &h.doc)...)
			hits = append(hits, h)
			return err
		}, sql, args...)
		if err != nil {
			yield(zero, err)
			return
		}
		for _, h := range hits {
			v, err := r.decode(r.named(h.key), h.version, h.doc)
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
}

// list runs a listing built by a query builder: "" lists nothing, else $1 is the
// organization.
func (r records[K, V]) list(ctx context.Context, sql string, args []any) iter.Seq2[V, error] {
	if sql != "" {
		args[0] = string(r.t.org)
	}
	return r.scan(ctx, sql, args...)
}

// params collects the parameters of a statement built from filters, numbered after $1,
// the organization. A filter whose text no stored row can hold marks the statement as
// unable to match, so that it is not sent (PostgreSQL would reject the text and abort
// the transaction).
type params struct {
	args    []any
	nomatch bool
}

func newParams() *params { return &params{args: []any{nil}} }

// add adds an argument and returns its placeholder.
func (p *params) add(v any) string {
	p.args = append(p.args, v)
	return fmt.Sprintf("$%d", len(p.args))
}

// text adds a text argument; one PostgreSQL cannot hold sets nomatch.
func (p *params) text(s string) string {
	if textOK("", s) != nil {
		p.nomatch = true
	}
	return p.add(s)
}

// texts adds a text array argument; an element PostgreSQL cannot hold sets nomatch
// only if every element is such (the others may still match).
func (p *params) texts(ss []string) string {
	ok := ss[:0:0]
	for _, s := range ss {
		if textOK("", s) == nil {
			ok = append(ok, s)
		}
	}
	if len(ok) == 0 {
		p.nomatch = true
	}
	return p.add(ok)
}

// after adds the condition of a page that continues after the row (on, id) in the
// listing's (col, id) order.
func (p *params) after(b *strings.Builder, col string, on any, id string) {
	b.WriteString(" AND (" + col + ", id) > (" + p.add(on) + ", " + p.text(id) + ")")
}

// limit adds the LIMIT of a page; 0 (or less) is none.
func (p *params) limit(b *strings.Builder, n int) {
	if n > 0 {
		b.WriteString(" LIMIT " + p.add(n))
	}
}

// idListSQL builds a listing of a table in id order: a page after the id afterID (""
// from the start) of at most limit rows (0: all). $1 is the organization.
func idListSQL(table, afterID string, limit int) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM " + table + " WHERE org_id = $1")
	if afterID != "" {
		b.WriteString(" AND id > " + p.text(afterID))
	}
	b.WriteString(" ORDER BY id")
	p.limit(&b, limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}

// dayColumn converts a date for a NOT NULL date column, which keeps the zero date as the
// day it stands for (0001-01-01), so that it sorts first.
func dayColumn(field string, d date.Date) (pgtype.Date, error) {
	if d < date.Zero || d > maxStored {
		return pgtype.Date{}, validation.New("postgres", field, "%s is outside the dates stored (%s to %s)", d, date.Zero, maxStored)
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}, nil
}

// dayBound converts a date compared with a NOT NULL date column: every stored date lies
// in [date.Zero, maxStored], so a date outside compares like an infinite one.
func dayBound(d date.Date) pgtype.Date {
	switch {
	case d < date.Zero:
		return pgtype.Date{InfinityModifier: pgtype.NegativeInfinity, Valid: true}
	case d > maxStored:
		return pgtype.Date{InfinityModifier: pgtype.Infinity, Valid: true}
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}
}

// The instants a timestamptz keeps: from 4713 BC to 294276 AD. Claims are refused
// outside a narrower, simpler range.
var (
	minInstant = time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	maxInstant = time.Date(294276, time.December, 31, 0, 0, 0, 0, time.UTC)
)
