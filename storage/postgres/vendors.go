package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// The state lists of the partial indexes, built from the domain's own lists; the
// migration spells out the same lists (TestStateLists), so the planner can match a
// query's predicate to its index.
var (
	inForceSQL  = sqlList(vendors.InForceStates())
	expiringSQL = sqlList(append(vendors.InForceStates(), vendors.StateExpired))
	pendingSQL  = sqlList(vendors.PendingStates())
)

// sqlList spells states as an SQL list of literals: 'a', 'b'.
func sqlList[S ~string](states []S) string {
	q := make([]string, len(states))
	for i, s := range states {
		q[i] = "'" + string(s) + "'"
	}
	return strings.Join(q, ", ")
}

const (
	sqlVendorGet     = `SELECT version, doc FROM vendors WHERE org_id = $1 AND id = $2`
	sqlVendorVersion = `SELECT version FROM vendors WHERE org_id = $1 AND id = $2`
	sqlVendorCreate  = `INSERT INTO vendors (org_id, id, version, name, name_key, category, baa_state, next_review_on, expires_on, last_activity_on, doc)
VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (org_id, id) DO NOTHING`
	sqlVendorUpdate = `UPDATE vendors SET version = version + 1, name = $4, name_key = $5, category = $6, baa_state = $7,
  next_review_on = $8, expires_on = $9, last_activity_on = $10, doc = $11
WHERE org_id = $1 AND id = $2 AND version = $3`
)

// The window queries. A date that is not set is NULL and stands for the zero date, the
// earliest one stored: it sorts first, and the "unset" variants, used when the window
// contains the zero date, also return it, as storage/memory does.
var (
	sqlReviewsDue = `SELECT id, version, doc FROM vendors
WHERE org_id = $1 AND baa_state IN (` + inForceSQL + `) AND next_review_on >= $2 AND next_review_on < $3
ORDER BY next_review_on NULLS FIRST, id`
	sqlReviewsDueUnset = `SELECT id, version, doc FROM vendors
WHERE org_id = $1 AND baa_state IN (` + inForceSQL + `)
  AND (next_review_on IS NULL OR next_review_on >= $2 AND next_review_on < $3)
ORDER BY next_review_on NULLS FIRST, id`
	sqlExpiring = `SELECT id, version, doc FROM vendors
WHERE org_id = $1 AND baa_state IN (` + expiringSQL + `) AND expires_on >= $2 AND expires_on < $3
ORDER BY expires_on NULLS FIRST, id`
	sqlStalled = `SELECT id, version, doc FROM vendors
WHERE org_id = $1 AND baa_state IN (` + pendingSQL + `) AND last_activity_on < $2
ORDER BY last_activity_on NULLS FIRST, id`
	sqlStalledUnset = `SELECT id, version, doc FROM vendors
WHERE org_id = $1 AND baa_state IN (` + pendingSQL + `) AND (last_activity_on IS NULL OR last_activity_on < $2)
ORDER BY last_activity_on NULLS FIRST, id`
)

// listSQL builds the List query for the filters q sets, ordered by name then id; ""
// when q cannot match any vendor. $1 is the organization.
func listSQL(q storage.VendorQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM vendors WHERE org_id = $1")
	if len(q.States) > 0 {
		s := make([]string, len(q.States))
		for i, x := range q.States {
			s[i] = string(x)
		}
		b.WriteString(" AND baa_state = ANY(" + p.texts(s) + ")")
	}
	if len(q.Categories) > 0 {
		c := make([]string, len(q.Categories))
		for i, x := range q.Categories {
			c[i] = string(x)
		}
		b.WriteString(" AND category = ANY(" + p.texts(c) + ")")
	}
	if q.Name != "" {
		b.WriteString(" AND name_key = " + p.text(vendors.NameKey(q.Name)))
	}
	if q.AfterName != "" || q.AfterID != "" {
		n := p.text(q.AfterName)
		b.WriteString(" AND (name, id) > (" + n + ", " + p.text(string(q.AfterID)) + ")")
	}
	b.WriteString(" ORDER BY name, id")
	if q.Limit > 0 {
		b.WriteString(" LIMIT " + p.add(q.Limit))
	}
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}

// The dates the date columns keep: the zero date is NULL, and later dates up to the end
// of PostgreSQL's timestamp range are stored as they are.
var (
	minStored = date.Zero + 1
	maxStored = date.New(294276, time.December, 31)
)

type vendorStore struct{ t *tx }

func (vs vendorStore) Get(ctx context.Context, id vendors.ID) (vendors.Vendor, error) {
	var version int64
	var doc []byte
	found := false
	_, err := vs.t.query(ctx, false, func(r pgx.Rows) error {
		found = true
		return r.Scan(&version, &doc)
	}, sqlVendorGet, string(vs.t.org), string(id))
	if err != nil {
		return vendors.Vendor{}, err
	}
	if !found {
		return vendors.Vendor{}, fmt.Errorf("vendor %q: %w", id, storage.ErrNotFound)
	}
	return decodeVendor(string(id), version, doc)
}

func (vs vendorStore) Create(ctx context.Context, v *vendors.Vendor) error {
	if err := vs.t.ready(ctx, true); err != nil {
		return err
	}
	row, err := encodeVendor(v, 1)
	if err != nil {
		return err
	}
	tag, err := vs.t.query(ctx, true, nil, sqlVendorCreate, string(vs.t.org), string(v.ID),
		v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State), row.next, row.expires, row.activity, row.doc)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("vendor %q: %w", v.ID, storage.ErrExists)
	}
	v.Version = 1
	return nil
}

func (vs vendorStore) Update(ctx context.Context, v *vendors.Vendor) error {
	if err := vs.t.ready(ctx, true); err != nil {
		return err
	}
	row, err := encodeVendor(v, v.Version+1)
	if err != nil {
		return err
	}
	tag, err := vs.t.query(ctx, true, nil, sqlVendorUpdate, string(vs.t.org), string(v.ID), v.Version,
		v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State), row.next, row.expires, row.activity, row.doc)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		stored, found, err := vs.t.version(ctx, sqlVendorVersion, string(vs.t.org), string(v.ID))
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("vendor %q: %w", v.ID, storage.ErrNotFound)
		}
		return fmt.Errorf("vendor %q version %d, stored %d: %w", v.ID, v.Version, stored, storage.ErrConflict)
	}
	v.Version++
	return nil
}

func (vs vendorStore) List(ctx context.Context, q storage.VendorQuery) iter.Seq2[vendors.Vendor, error] {
	sql, args := listSQL(q)
	if sql == "" {
		return vs.none(ctx)
	}
	args[0] = string(vs.t.org)
	return vs.scan(ctx, sql, args...)
}

func (vs vendorStore) ReviewsDue(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	if w.From >= w.To {
		return vs.none(ctx)
	}
	sql := sqlReviewsDue
	if w.Contains(date.Zero) {
		sql = sqlReviewsDueUnset
	}
	return vs.scan(ctx, sql, string(vs.t.org), bound(w.From), bound(w.To))
}

func (vs vendorStore) Expiring(ctx context.Context, w storage.Window) iter.Seq2[vendors.Vendor, error] {
	if w.From >= w.To {
		return vs.none(ctx)
	}
	return vs.scan(ctx, sqlExpiring, string(vs.t.org), bound(w.From), bound(w.To))
}

func (vs vendorStore) Stalled(ctx context.Context, before date.Date) iter.Seq2[vendors.Vendor, error] {
	sql := sqlStalled
	if date.Zero < before {
		sql = sqlStalledUnset
	}
	return vs.scan(ctx, sql, string(vs.t.org), bound(before))
}

// scan runs a vendor query when the iteration starts, reads and closes all its rows,
// then decodes and yields them.
func (vs vendorStore) scan(ctx context.Context, sql string, args ...any) iter.Seq2[vendors.Vendor, error] {
	return func(yield func(vendors.Vendor, error) bool) {
		type hit struct {
			id      string
			version int64
			doc     []byte
		}
		var hits []hit
		_, err := vs.t.query(ctx, false, func(r pgx.Rows) error {
			var h hit
			err := r.Scan(&h.id, &h.version, &h.doc)
			hits = append(hits, h)
			return err
		}, sql, args...)
		if err != nil {
			yield(vendors.Vendor{}, err)
			return
		}
		for _, h := range hits {
			v, err := decodeVendor(h.id, h.version, h.doc)
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
}

// none is an empty listing that still reports a used-up transaction or an ended context.
func (vs vendorStore) none(ctx context.Context) iter.Seq2[vendors.Vendor, error] {
	return func(yield func(vendors.Vendor, error) bool) {
		if err := vs.t.ready(ctx, false); err != nil {
			yield(vendors.Vendor{}, err)
		}
	}
}

// bound converts a window bound to a date parameter. Every stored date lies in
// [minStored, maxStored], so a bound outside it compares like an infinite one.
func bound(d date.Date) pgtype.Date {
	switch {
	case d < minStored:
		return pgtype.Date{InfinityModifier: pgtype.NegativeInfinity, Valid: true}
	case d > maxStored:
		return pgtype.Date{InfinityModifier: pgtype.Infinity, Valid: true}
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}
}

// vendorRow is a vendor encoded for its table: the document and the projected dates.
type vendorRow struct {
	next, expires, activity pgtype.Date
	doc                     []byte
}

// encodeVendor encodes v as stored at the given version. It refuses, before anything
// is sent, what PostgreSQL would reject in the middle of the transaction (and so abort
// it): an unknown enum value, text that is not UTF-8 or holds NUL, a date out of range.
func encodeVendor(v *vendors.Vendor, version int64) (vendorRow, error) {
	if err := textOK("vendor", string(v.ID), v.Name, string(v.Category), string(v.BAA.State)); err != nil {
		return vendorRow{}, err
	}
	var r vendorRow
	var err error
	if r.next, err = column("baa.next_review_on", v.BAA.NextReviewOn); err != nil {
		return vendorRow{}, err
	}
	if r.expires, err = column("baa.expires_on", v.BAA.ExpiresOn); err != nil {
		return vendorRow{}, err
	}
	if r.activity, err = column("baa.last_activity_on", v.BAA.LastActivityOn); err != nil {
		return vendorRow{}, err
	}
	c := *v
	c.Version = version
	if r.doc, err = json.Marshal(&c); err != nil {
		return vendorRow{}, fmt.Errorf("postgres: vendor %q: %w", v.ID, err)
	}
	if hasNUL(r.doc) {
		return vendorRow{}, validation.New("postgres", "vendor", "a text field contains a NUL character, which PostgreSQL cannot store")
	}
	return r, nil
}

// column converts a projected date: NULL when not set.
func column(field string, d date.Date) (pgtype.Date, error) {
	if d == date.Zero {
		return pgtype.Date{}, nil
	}
	if d < minStored || d > maxStored {
		return pgtype.Date{}, validation.New("postgres", field, "%s is outside the dates stored (%s to %s)", d, minStored, maxStored)
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}, nil
}

func decodeVendor(id string, version int64, doc []byte) (vendors.Vendor, error) {
	var v vendors.Vendor
	if err := json.Unmarshal(doc, &v); err != nil {
		return vendors.Vendor{}, fmt.Errorf("postgres: vendor %q: stored document cannot be read: %w", id, err)
	}
	v.ID, v.Version = vendors.ID(id), version
	return v, nil
}

// textOK refuses strings PostgreSQL's text type cannot hold.
func textOK(what string, ss ...string) error {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return validation.New("postgres", what, "text %q is not valid UTF-8", s)
		}
		if strings.IndexByte(s, 0) >= 0 {
			return validation.New("postgres", what, "text %q contains a NUL character, which PostgreSQL cannot store", s)
		}
	}
	return nil
}

// hasNUL reports whether JSON text holds the escape \u0000, which jsonb refuses; an
// escaped backslash followed by "u0000" is not one.
func hasNUL(doc []byte) bool {
	for i := 0; ; {
		j := bytes.Index(doc[i:], []byte(`\u0000`))
		if j < 0 {
			return false
		}
		j += i
		n := 0
		for k := j - 1; k >= 0 && doc[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		i = j + 1
	}
}
