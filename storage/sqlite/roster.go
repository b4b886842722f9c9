package sqlite

import (
	"context"
	"iter"
	"strings"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/workforce"
)

func (t *tx) Members() storage.Members { return memberStore{t} }
func (t *tx) Trials() storage.Trials   { return trialStore{t} }

type memberStore struct{ t *tx }

func (s memberStore) table() docTable[workforce.ID, workforce.Member] {
	return docTable[workforce.ID, workforce.Member]{t: s.t, kind: "member", st: &s.t.c.st.member,
		id:      func(v *workforce.Member) workforce.ID { return v.ID },
		version: func(v *workforce.Member) *int64 { return &v.Version },
		cols: func(v *workforce.Member) []any {
			return []any{v.Name, string(v.Role), dateArg(v.StartOn), dateArg(v.EndOn)}
		}}
}

func (s memberStore) Get(ctx context.Context, id workforce.ID) (workforce.Member, error) {
	return s.table().get(ctx, id)
}

func (s memberStore) Create(ctx context.Context, v *workforce.Member) error {
	return s.table().create(ctx, v)
}

func (s memberStore) Update(ctx context.Context, v *workforce.Member) error {
	return s.table().update(ctx, v)
}

func (s memberStore) List(ctx context.Context, q storage.MemberQuery) iter.Seq2[workforce.Member, error] {
	text, args := memberListSQL(s.t.org, q)
	return s.table().list(ctx, "list members", query{text: text, args: args})
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

type trialStore struct{ t *tx }

func (s trialStore) table() docTable[trials.ID, trials.Trial] {
	return docTable[trials.ID, trials.Trial]{t: s.t, kind: "trial", st: &s.t.c.st.trial,
		id:      func(v *trials.Trial) trials.ID { return v.ID },
		version: func(v *trials.Trial) *int64 { return &v.Version },
		cols:    func(v *trials.Trial) []any { return []any{string(v.Status)} }}
}

func (s trialStore) Get(ctx context.Context, id trials.ID) (trials.Trial, error) {
	return s.table().get(ctx, id)
}

func (s trialStore) Create(ctx context.Context, v *trials.Trial) error {
	return s.table().create(ctx, v)
}

func (s trialStore) Update(ctx context.Context, v *trials.Trial) error {
	return s.table().update(ctx, v)
}

// List reads the trials by id through the primary key or, with a status, through
// (org_id, status, id), from the cursor on (every id sorts after the empty cursor).
func (s trialStore) List(ctx context.Context, q storage.TrialQuery) iter.Seq2[trials.Trial, error] {
	l := query{stmt: s.t.c.st.trialList, args: []any{s.t.org, string(q.AfterID), limitArg(q.Limit)}}
	if q.Status != "" {
		l = query{stmt: s.t.c.st.trialListByStatus, args: []any{s.t.org, string(q.Status), string(q.AfterID), limitArg(q.Limit)}}
	}
	return s.table().list(ctx, "list trials", l)
}
