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
	"github.com/hipaaops/hipaaops/vendors"
)

type vendorStore struct{ t *tx }

// dateArg is a date column's value: the day number, or NULL for the zero date (not set).
func dateArg(d date.Date) any {
	if d == date.Zero {
		return nil
	}
	return int64(d)
}

// encodeVendor returns the JSON document of v stored at the given version.
func encodeVendor(v *vendors.Vendor, version int64) (string, error) {
	c := *v
	c.Version = version
	doc, err := json.Marshal(&c)
	if err != nil {
		return "", fmt.Errorf("sqlite: vendor %q: encode: %w", v.ID, err)
	}
	return string(doc), nil
}

// decodeVendor reads a stored document; the version column is authoritative.
func decodeVendor(version int64, doc []byte) (vendors.Vendor, error) {
	var v vendors.Vendor
	if err := json.Unmarshal(doc, &v); err != nil {
		return vendors.Vendor{}, fmt.Errorf("sqlite: decode vendor: %w", err)
	}
	v.Version = version
	return v, nil
}

// scanVendors reads every row of a (version, doc) query, decoding each document while
// its bytes are valid, and closes rows.
func scanVendors(rows *sql.Rows, out []vendors.Vendor) ([]vendors.Vendor, error) {
	defer rows.Close()
	var version int64
	var doc sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&version, &doc); err != nil {
			return out, err
		}
		v, err := decodeVendor(version, doc)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, closeRows(rows)
}

func (vs vendorStore) Get(ctx context.Context, id vendors.ID) (vendors.Vendor, error) {
	t := vs.t
	if err := t.check(ctx, false); err != nil {
		return vendors.Vendor{}, err
	}
	rows, err := t.c.st.vendorGet.QueryContext(ctx, t.org, string(id))
	if err != nil {
		return vendors.Vendor{}, t.fail(ctx, fmt.Sprintf("get vendor %q", id), err)
	}
	var buf [1]vendors.Vendor
	got, err := scanVendors(rows, buf[:0])
	switch {
	case err != nil:
		return vendors.Vendor{}, t.fail(ctx, fmt.Sprintf("get vendor %q", id), err)
	case len(got) == 0:
		return vendors.Vendor{}, fmt.Errorf("vendor %q: %w", id, storage.ErrNotFound)
	}
	return got[0], nil
}

func (vs vendorStore) Create(ctx context.Context, v *vendors.Vendor) error {
	t := vs.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	doc, err := encodeVendor(v, 1)
	if err != nil {
		return err
	}
	b := &v.BAA
	if _, err := t.c.st.vendorInsert.ExecContext(ctx, t.org, string(v.ID), v.Name, vendors.NameKey(v.Name), string(v.Category),
		string(b.State), dateArg(b.NextReviewOn), dateArg(b.ExpiresOn), dateArg(b.LastActivityOn), doc); err != nil {
		return t.fail(ctx, fmt.Sprintf("create vendor %q", v.ID), err)
	}
	v.Version = 1
	return nil
}

func (vs vendorStore) Update(ctx context.Context, v *vendors.Vendor) error {
	t := vs.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	doc, err := encodeVendor(v, v.Version+1)
	if err != nil {
		return err
	}
	what := fmt.Sprintf("update vendor %q", v.ID)
	b := &v.BAA
	res, err := t.c.st.vendorUpdate.ExecContext(ctx, v.Name, vendors.NameKey(v.Name), string(v.Category), string(b.State),
		dateArg(b.NextReviewOn), dateArg(b.ExpiresOn), dateArg(b.LastActivityOn), doc,
		t.org, string(v.ID), v.Version)
	if err != nil {
		return t.fail(ctx, what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return t.fail(ctx, what, err)
	}
	if n == 0 {
		var stored int64
		err := t.c.st.vendorVersion.QueryRowContext(ctx, t.org, string(v.ID)).Scan(&stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("vendor %q: %w", v.ID, storage.ErrNotFound)
		case err != nil:
			return t.fail(ctx, what, err)
		}
		return fmt.Errorf("vendor %q version %d, stored %d: %w", v.ID, v.Version, stored, storage.ErrConflict)
	}
	v.Version++
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
// decodes all their rows, closes them, optionally sorts the result, and only then yields:
// the caller may run other statements of the transaction while ranging.
func (vs vendorStore) list(ctx context.Context, what string, sortBy func(a, b *vendors.Vendor) int,
	queries ...query) iter.Seq2[vendors.Vendor, error] {
	return func(yield func(vendors.Vendor, error) bool) {
		t := vs.t
		if err := t.check(ctx, false); err != nil {
			yield(vendors.Vendor{}, err)
			return
		}
		var out []vendors.Vendor
		for _, q := range queries {
			stmt, err := q.stmt, error(nil)
			if stmt == nil {
				stmt, err = t.c.listStmt(ctx, q.text)
			}
			var rows *sql.Rows
			if err == nil {
				rows, err = stmt.QueryContext(ctx, q.args...)
			}
			if err == nil {
				out, err = scanVendors(rows, out)
			}
			if err != nil {
				yield(vendors.Vendor{}, t.fail(ctx, what, err))
				return
			}
		}
		if sortBy != nil && len(queries) > 1 {
			slices.SortStableFunc(out, func(a, b vendors.Vendor) int { return sortBy(&a, &b) })
		}
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}

func (vs vendorStore) List(ctx context.Context, q storage.VendorQuery) iter.Seq2[vendors.Vendor, error] {
	text, args := listSQL(vs.t.org, q)
	return vs.list(ctx, "list vendors", nil, query{text: text, args: args})
}

// listSQL builds the query of a vendor listing: the filters of q, the cursor (name, id)
// and the limit, over the (org_id, name, id) index or, for one name, the
// (org_id, name_key, name, id) one.
func listSQL(orgID string, q storage.VendorQuery) (string, []any) {
	var b strings.Builder
	args := []any{orgID}
	b.WriteString(`SELECT ` + vendorCols + ` FROM vendors WHERE org_id = ?`)
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		b.WriteString(` AND ` + col + ` IN (?`)
		b.WriteString(strings.Repeat(", ?", len(vals)-1))
		b.WriteString(`)`)
		for _, v := range vals {
			args = append(args, v)
		}
	}
	if q.Name != "" {
		b.WriteString(` AND name_key = ?`)
		args = append(args, vendors.NameKey(q.Name))
	}
	in("baa_state", strs(q.States))
	in("category", strs(q.Categories))
	if q.AfterName != "" || q.AfterID != "" {
		b.WriteString(` AND (name, id) > (?, ?)`)
		args = append(args, q.AfterName, string(q.AfterID))
	}
	b.WriteString(` ORDER BY name, id`)
	if q.Limit > 0 {
		b.WriteString(` LIMIT ?`)
		args = append(args, q.Limit)
	}
	return b.String(), args
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// byDate orders by a date, the zero date (not set) first, then by id: the memory
// backend's order, which the SQL queries give within each of their parts.
func byDate(key func(*vendors.Vendor) date.Date) func(a, b *vendors.Vendor) int {
	return func(a, b *vendors.Vendor) int { return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.ID, b.ID)) }
}

// ReviewsDue lists in-force agreements whose next review date falls in w. A date that is
// not set is the zero date, which sorts first and falls in a window that starts at
// date.Zero (as RefreshBAAs's does): such rows (NULL) come from a second, also indexed,
// query.
func (vs vendorStore) ReviewsDue(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	st := &vs.t.c.st
	qs := []query{{stmt: st.reviewsDue, args: []any{vs.t.org, int64(w.From), int64(w.To)}}}
	if w.Contains(date.Zero) {
		qs = append(qs, query{stmt: st.reviewsDueUnset, args: []any{vs.t.org}})
	}
	return vs.list(ctx, "list reviews due", byDate(func(v *vendors.Vendor) date.Date { return v.BAA.NextReviewOn }), qs...)
}

// Expiring lists in-force or expired agreements whose expiry date falls in w; an
// agreement without an expiry date never matches.
func (vs vendorStore) Expiring(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	return vs.list(ctx, "list expiring", nil,
		query{stmt: vs.t.c.st.expiring, args: []any{vs.t.org, int64(w.From), int64(w.To)}})
}

// Stalled lists pending requests with no activity on or after before; one whose last
// activity is not set counts as the zero date, the oldest.
func (vs vendorStore) Stalled(ctx context.Context, before date.Date) iter.Seq2[vendors.Vendor, error] {
	st := &vs.t.c.st
	qs := []query{{stmt: st.stalled, args: []any{vs.t.org, int64(before)}}}
	if date.Zero < before {
		qs = append(qs, query{stmt: st.stalledUns, args: []any{vs.t.org}})
	}
	return vs.list(ctx, "list stalled", byDate(func(v *vendors.Vendor) date.Date { return v.BAA.LastActivityOn }), qs...)
}
