package sqlite

import (
	"context"
	"iter"
	"strings"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/workforce"
)

var memberTable = &table[workforce.ID, workforce.Member]{kind: "member",
	schema: &schema{name: "members", keys: []string{"id"}, cols: []string{"name", "role", "start_on", "end_on"},
		stmts: func(st *statements) *docStmts { return &st.member }},
	keyOf:     func(v *workforce.Member) workforce.ID { return v.ID },
	appendKey: idKey[workforce.ID],
	version:   func(v *workforce.Member) *int64 { return &v.Version },
	appendCols: func(args []any, v *workforce.Member) []any {
		return append(args, v.Name, string(v.Role), dateArg(v.StartOn), dateArg(v.EndOn))
	}}

type memberStore struct {
	records[workforce.ID, workforce.Member]
}

func (s memberStore) List(ctx context.Context, q storage.MemberQuery) iter.Seq2[workforce.Member, error] {
	text, args := memberListSQL(s.t.org, q)
	return s.list(ctx, "list members", nil, query{text: text, args: args})
}

// memberListSQL builds the query of a roster listing, over the (org_id, name, id) index
// or, for one role, (org_id, role, name, id). A member active on a day started on or
// before it (a start date not set counts as the earliest, as in Member.Active) and did
// not end before it.
func memberListSQL(orgID string, q storage.MemberQuery) (string, []any) {
	var b strings.Builder
	args := []any{orgID}
	b.WriteString(`SELECT version, doc FROM members WHERE org_id = ?`)
	if q.Role != "" {
		b.WriteString(` AND role = ?`)
		args = append(args, string(q.Role))
	}
	if q.ActiveOn != 0 {
		b.WriteString(` AND (start_on IS NULL OR start_on <= ?) AND (end_on IS NULL OR end_on >= ?)`)
		args = append(args, int64(q.ActiveOn), int64(q.ActiveOn))
	}
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

var trialTable = &table[trials.ID, trials.Trial]{kind: "trial",
	schema: &schema{name: "trials", keys: []string{"id"}, cols: []string{"status"},
		stmts: func(st *statements) *docStmts { return &st.trial }},
	keyOf:      func(v *trials.Trial) trials.ID { return v.ID },
	appendKey:  idKey[trials.ID],
	version:    func(v *trials.Trial) *int64 { return &v.Version },
	appendCols: func(args []any, v *trials.Trial) []any { return append(args, string(v.Status)) }}

type trialStore struct {
	records[trials.ID, trials.Trial]
}

// List reads the trials by id through the primary key or, with a status, through
// (org_id, status, id), from the cursor on (every id sorts after the empty cursor).
func (s trialStore) List(ctx context.Context, q storage.TrialQuery) iter.Seq2[trials.Trial, error] {
	l := query{stmt: s.t.c.st.trialList, args: []any{s.t.org, string(q.AfterID), limitArg(q.Limit)}}
	if q.Status != "" {
		l = query{stmt: s.t.c.st.trialListByStatus, args: []any{s.t.org, string(q.Status), string(q.AfterID), limitArg(q.Limit)}}
	}
	return s.list(ctx, "list trials", nil, l)
}
