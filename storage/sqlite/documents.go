package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/hipaaops/hipaaops/storage"
)

// docTable keeps one aggregate as a JSON document (doc) with its version and the columns
// its queries need projected beside it: the Get, Create, Update (with its version check)
// and listing that templates, tasks, members, trials, incidents, risks, analyses and control
// decisions share. Vendors, older and with their two-part window queries, have their own
// code in vendors.go.
type docTable[K ~string, V any] struct {
	t       *tx
	kind    string // "task", for messages
	st      *docStmts
	id      func(*V) K
	version func(*V) *int64
	// scope holds the parts of the key between org_id and id, bound in that order by every
	// statement that names one record (a control decision's catalog version); nil for
	// aggregates keyed by (org_id, id). A scoped table is made for one scope: Create and
	// Update of v use the table of v's scope.
	scope []string
	// cols returns the projected columns' values in the order the insert and update
	// statements list them (after id, before doc); nil when there are none.
	cols func(*V) []any
}

// strArg is an optional text column's value: the text, or NULL when it is empty.
func strArg[T ~string](s T) any {
	if s == "" {
		return nil
	}
	return string(s)
}

// key returns the arguments that name the record id: the organization, the scope, the id.
func (d docTable[K, V]) key(id K) []any {
	args := make([]any, 0, len(d.scope)+2)
	args = append(args, d.t.org)
	for _, s := range d.scope {
		args = append(args, s)
	}
	return append(args, string(id))
}

// name names the record id in messages: its kind and its id, after the scope if any.
func (d docTable[K, V]) name(id K) string {
	if len(d.scope) == 0 {
		return fmt.Sprintf("%s %q", d.kind, id)
	}
	return fmt.Sprintf("%s %q", d.kind, strings.Join(d.scope, "/")+"/"+string(id))
}

// encode returns the JSON document of v stored at the given version. An unknown enum
// value fails here, before anything is written, with its validation error in the chain.
func (d docTable[K, V]) encode(v *V, version int64) (string, error) {
	c := *v
	*d.version(&c) = version
	doc, err := json.Marshal(&c)
	if err != nil {
		return "", fmt.Errorf("sqlite: %s: encode: %w", d.name(d.id(v)), err)
	}
	return string(doc), nil
}

// scan reads every row of a (version, doc) query, decoding each document while its
// bytes are valid (the version column is authoritative), and closes rows.
func (d docTable[K, V]) scan(rows *sql.Rows, out []V) ([]V, error) {
	defer rows.Close()
	var version int64
	var doc sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&version, &doc); err != nil {
			return out, err
		}
		var v V
		if err := json.Unmarshal(doc, &v); err != nil {
			return out, fmt.Errorf("sqlite: decode %s: %w", d.kind, err)
		}
		*d.version(&v) = version
		out = append(out, v)
	}
	return out, closeRows(rows)
}

func (d docTable[K, V]) get(ctx context.Context, id K) (V, error) {
	var zero V
	t := d.t
	if err := t.check(ctx, false); err != nil {
		return zero, err
	}
	what := "get " + d.name(id)
	rows, err := d.st.get.QueryContext(ctx, d.key(id)...)
	if err != nil {
		return zero, t.fail(ctx, what, err)
	}
	var buf [1]V
	got, err := d.scan(rows, buf[:0])
	switch {
	case err != nil:
		return zero, t.fail(ctx, what, err)
	case len(got) == 0:
		return zero, fmt.Errorf("%s: %w", d.name(id), storage.ErrNotFound)
	}
	return got[0], nil
}

func (d docTable[K, V]) create(ctx context.Context, v *V) error {
	t := d.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	doc, err := d.encode(v, 1)
	if err != nil {
		return err
	}
	args := append(d.key(d.id(v)), d.projections(v)...)
	if _, err := d.st.insert.ExecContext(ctx, append(args, doc)...); err != nil {
		return t.fail(ctx, "create "+d.name(d.id(v)), err)
	}
	*d.version(v) = 1
	return nil
}

func (d docTable[K, V]) projections(v *V) []any {
	if d.cols == nil {
		return nil
	}
	return d.cols(v)
}

func (d docTable[K, V]) update(ctx context.Context, v *V) error {
	t := d.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	id, given := d.id(v), *d.version(v)
	doc, err := d.encode(v, given+1)
	if err != nil {
		return err
	}
	what := "update " + d.name(id)
	args := append(append(d.projections(v), doc), d.key(id)...)
	args = append(args, given)
	res, err := d.st.update.ExecContext(ctx, args...)
	if err != nil {
		return t.fail(ctx, what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return t.fail(ctx, what, err)
	}
	if n == 0 {
		var stored int64
		err := d.st.version.QueryRowContext(ctx, d.key(id)...).Scan(&stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("%s: %w", d.name(id), storage.ErrNotFound)
		case err != nil:
			return t.fail(ctx, what, err)
		}
		return fmt.Errorf("%s version %d, stored %d: %w", d.name(id), given, stored, storage.ErrConflict)
	}
	*d.version(v) = given + 1
	return nil
}

// list returns an iterator that, when ranged, runs q, reads and decodes all its rows and
// closes them before it yields the first value: the caller may run other statements of
// the transaction while ranging.
func (d docTable[K, V]) list(ctx context.Context, what string, q query) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		var zero V
		t := d.t
		if err := t.check(ctx, false); err != nil {
			yield(zero, err)
			return
		}
		stmt, err := q.stmt, error(nil)
		if stmt == nil {
			stmt, err = t.c.listStmt(ctx, q.text)
		}
		var rows *sql.Rows
		if err == nil {
			rows, err = stmt.QueryContext(ctx, q.args...)
		}
		var out []V
		if err == nil {
			out, err = d.scan(rows, nil)
		}
		if err != nil {
			yield(zero, t.fail(ctx, what, err))
			return
		}
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}
