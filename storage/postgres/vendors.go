package postgres

import (
	"bytes"
	"context"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

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

// vendorTable keeps vendors with the columns of their listings: the name and its key,
// the category, the BAA's state and the dates of the window queries (NULL when unset).
var vendorTable = newTable(table[vendors.ID, vendors.Vendor]{name: "vendors", kind: "vendor",
	keyCols: []string{"id"},
	cols:    []string{"name", "name_key", "category", "baa_state", "next_review_on", "expires_on", "last_activity_on"},
	key:     func(v *vendors.Vendor) vendors.ID { return v.ID },
	keyArgs: func(id vendors.ID) []string { return []string{string(id)} },
	version: func(v *vendors.Vendor) *int64 { return &v.Version },
	columns: vendorColumns})

// vendorColumns returns the indexed columns of a vendor, in vendorTable's order.
func vendorColumns(v *vendors.Vendor) ([]any, error) {
	if err := textOK("vendor", v.Name, string(v.Category), string(v.BAA.State)); err != nil {
		return nil, err
	}
	next, err := column("baa.next_review_on", v.BAA.NextReviewOn)
	if err != nil {
		return nil, err
	}
	expires, err := column("baa.expires_on", v.BAA.ExpiresOn)
	if err != nil {
		return nil, err
	}
	activity, err := column("baa.last_activity_on", v.BAA.LastActivityOn)
	if err != nil {
		return nil, err
	}
	return []any{v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State), next, expires, activity}, nil
}

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

type vendorStore struct {
	records[vendors.ID, vendors.Vendor]
}

func (vs vendorStore) List(ctx context.Context, q storage.VendorQuery) iter.Seq2[vendors.Vendor, error] {
	sql, args := listSQL(q)
	return vs.list(ctx, sql, args)
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

// none is an empty listing that still reports a used-up transaction or an ended context.
func (vs vendorStore) none(ctx context.Context) iter.Seq2[vendors.Vendor, error] {
	return vs.scan(ctx, "")
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
