package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// docTable keeps one aggregate of the organization as a jsonb document with its version
// and the columns its queries need beside it (templates, tasks, members, trials,
// incidents, risks, analyses, control decisions). Its statements take the organization
// and the id as $1 and $2, then the parts of the scope if it has one; the update takes the
// version after them. After them come the projected columns and last the document.
type docTable[V any] struct {
	t    *tx
	kind string // "task", for errors
	// scope holds the other parts of a key wider than (org_id, id), bound after the id (a
	// control decision's catalog version); nil for the others. A scoped table is made for
	// one scope: Create and Update of v use the table of v's scope.
	scope []string

	sqlGet, sqlVersion, sqlCreate, sqlUpdate string

	key     func(*V) string
	setKey  func(*V, string)
	version func(*V) *int64
	// columns returns the projected columns of v, refusing what PostgreSQL would reject.
	columns func(*V) ([]any, error)
}

// keyArgs returns the arguments that name the record id: the organization, the id and
// the scope.
func (d docTable[V]) keyArgs(id string) []any {
	args := make([]any, 0, len(d.scope)+2)
	args = append(args, string(d.t.org), id)
	for _, s := range d.scope {
		args = append(args, s)
	}
	return args
}

// name names the record id in errors: its kind and its id, after the scope if any.
func (d docTable[V]) name(id string) string {
	if len(d.scope) == 0 {
		return fmt.Sprintf("%s %q", d.kind, id)
	}
	return fmt.Sprintf("%s %q", d.kind, strings.Join(d.scope, "/")+"/"+id)
}

func (d docTable[V]) get(ctx context.Context, id string) (V, error) {
	var zero V
	if textOK(d.kind, append([]string{id}, d.scope...)...) != nil { // no stored key holds such text
		if err := d.t.ready(ctx, false); err != nil {
			return zero, err
		}
		return zero, fmt.Errorf("%s: %w", d.name(id), storage.ErrNotFound)
	}
	var version int64
	var doc []byte
	found := false
	_, err := d.t.query(ctx, false, func(r pgx.Rows) error {
		found = true
		return r.Scan(&version, &doc)
	}, d.sqlGet, d.keyArgs(id)...)
	if err != nil {
		return zero, err
	}
	if !found {
		return zero, fmt.Errorf("%s: %w", d.name(id), storage.ErrNotFound)
	}
	return d.decode(id, version, doc)
}

func (d docTable[V]) create(ctx context.Context, v *V) error {
	if err := d.t.ready(ctx, true); err != nil {
		return err
	}
	args, err := d.encode(v, 1)
	if err != nil {
		return err
	}
	tag, err := d.t.query(ctx, true, nil, d.sqlCreate, append(d.keyArgs(d.key(v)), args...)...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s: %w", d.name(d.key(v)), storage.ErrExists)
	}
	*d.version(v) = 1
	return nil
}

func (d docTable[V]) update(ctx context.Context, v *V) error {
	if err := d.t.ready(ctx, true); err != nil {
		return err
	}
	id, given := d.key(v), *d.version(v)
	args, err := d.encode(v, given+1)
	if err != nil {
		return err
	}
	tag, err := d.t.query(ctx, true, nil, d.sqlUpdate, append(append(d.keyArgs(id), given), args...)...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		stored, found, err := d.t.version(ctx, d.sqlVersion, d.keyArgs(id)...)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s: %w", d.name(id), storage.ErrNotFound)
		}
		return fmt.Errorf("%s version %d, stored %d: %w", d.name(id), given, stored, storage.ErrConflict)
	}
	*d.version(v) = given + 1
	return nil
}

// encode returns the projected columns and the document of v as stored at the given
// version. It refuses, before anything is sent, what PostgreSQL would reject in the
// middle of the transaction (and so abort it): an unknown enum value (json.Marshal fails
// with its validation error), text that is not UTF-8 or holds NUL, a date out of range.
func (d docTable[V]) encode(v *V, version int64) ([]any, error) {
	if err := textOK(d.kind, append([]string{d.key(v)}, d.scope...)...); err != nil {
		return nil, err
	}
	cols, err := d.columns(v)
	if err != nil {
		return nil, err
	}
	c := *v
	*d.version(&c) = version
	doc, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s cannot be stored: %w", d.name(d.key(v)), err)
	}
	if hasNUL(doc) {
		return nil, validation.New("postgres", d.kind, "a text field contains a NUL character, which PostgreSQL cannot store")
	}
	return append(cols, doc), nil
}

func (d docTable[V]) decode(id string, version int64, doc []byte) (V, error) {
	var v V
	if err := json.Unmarshal(doc, &v); err != nil {
		var zero V
		return zero, fmt.Errorf("postgres: %s: stored document cannot be read: %w", d.name(id), err)
	}
	d.setKey(&v, id)
	*d.version(&v) = version
	return v, nil
}

// scan runs a listing (SELECT id, version, doc …) when the iteration starts, reads and
// closes all its rows, then decodes and yields them. A nil sql is a listing that cannot
// match anything: it sends nothing, and still reports a used-up transaction or an ended
// context.
func (d docTable[V]) scan(ctx context.Context, sql string, args ...any) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		var zero V
		if sql == "" {
			if err := d.t.ready(ctx, false); err != nil {
				yield(zero, err)
			}
			return
		}
		type hit struct {
			id      string
			version int64
			doc     []byte
		}
		var hits []hit
		_, err := d.t.query(ctx, false, func(r pgx.Rows) error {
			var h hit
			err := r.Scan(&h.id, &h.version, &h.doc)
			hits = append(hits, h)
			return err
		}, sql, args...)
		if err != nil {
			yield(zero, err)
			return
		}
		for _, h := range hits {
			v, err := d.decode(h.id, h.version, h.doc)
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
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

// idListSQL builds a listing of a table in id order: "SELECT id, version, doc", with
// the condition cond ("" for none, else " AND …" with no parameters) and a page after
// the id afterID ("" from the start) of at most limit rows. $1 is the organization.
func idListSQL(table, cond, afterID string, limit int) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM " + table + " WHERE org_id = $1" + cond)
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
