package sqlite

import (
	"context"
	"iter"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

// vendorTable projects the name (and its [vendors.NameKey]), the category, the BAA's
// state and its three dates the window queries read.
var vendorTable = &table[vendors.ID, vendors.Vendor]{kind: "vendor",
	schema: &schema{name: "vendors", keys: []string{"id"},
		cols:  []string{"name", "name_key", "category", "baa_state", "next_review_on", "expires_on", "last_activity_on"},
		stmts: func(st *statements) *docStmts { return &st.vendor }},
	keyOf:     func(v *vendors.Vendor) vendors.ID { return v.ID },
	appendKey: idKey[vendors.ID],
	version:   func(v *vendors.Vendor) *int64 { return &v.Version },
	appendCols: func(args []any, v *vendors.Vendor) []any {
		b := &v.BAA
		return append(args, v.Name, vendors.NameKey(v.Name), string(v.Category), string(b.State),
			dateArg(b.NextReviewOn), dateArg(b.ExpiresOn), dateArg(b.LastActivityOn))
	}}

type vendorStore struct {
	records[vendors.ID, vendors.Vendor]
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

func vendorID(v *vendors.Vendor) vendors.ID { return v.ID }

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
	return vs.list(ctx, "list reviews due",
		byDate(func(v *vendors.Vendor) date.Date { return v.BAA.NextReviewOn }, vendorID), qs...)
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
	return vs.list(ctx, "list stalled",
		byDate(func(v *vendors.Vendor) date.Date { return v.BAA.LastActivityOn }, vendorID), qs...)
}
