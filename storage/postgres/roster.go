package postgres

import (
	"context"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/workforce"
)

const (
	sqlMemberGet     = `SELECT version, doc FROM members WHERE org_id = $1 AND id = $2`
	sqlMemberVersion = `SELECT version FROM members WHERE org_id = $1 AND id = $2`
	sqlMemberCreate  = `INSERT INTO members (org_id, id, version, name, role, start_on, end_on, doc)
VALUES ($1, $2, 1, $3, $4, $5, $6, $7) ON CONFLICT (org_id, id) DO NOTHING`
	sqlMemberUpdate = `UPDATE members SET version = version + 1, name = $4, role = $5, start_on = $6, end_on = $7, doc = $8
WHERE org_id = $1 AND id = $2 AND version = $3`

	sqlTrialGet     = `SELECT version, doc FROM trials WHERE org_id = $1 AND id = $2`
	sqlTrialVersion = `SELECT version FROM trials WHERE org_id = $1 AND id = $2`
	sqlTrialCreate  = `INSERT INTO trials (org_id, id, version, status, doc) VALUES ($1, $2, 1, $3, $4)
ON CONFLICT (org_id, id) DO NOTHING`
	sqlTrialUpdate = `UPDATE trials SET version = version + 1, status = $4, doc = $5
WHERE org_id = $1 AND id = $2 AND version = $3`
)

type memberStore struct{ t *tx }

func (s memberStore) table() docTable[workforce.Member] {
	return docTable[workforce.Member]{t: s.t, kind: "member",
		sqlGet: sqlMemberGet, sqlVersion: sqlMemberVersion, sqlCreate: sqlMemberCreate, sqlUpdate: sqlMemberUpdate,
		key:     func(v *workforce.Member) string { return string(v.ID) },
		setKey:  func(v *workforce.Member, id string) { v.ID = workforce.ID(id) },
		version: func(v *workforce.Member) *int64 { return &v.Version },
		columns: memberColumns}
}

// memberColumns returns the projected columns of a member: name, role, start and end
// (NULL while employed).
func memberColumns(m *workforce.Member) ([]any, error) {
	if err := textOK("member", m.Name, string(m.Role)); err != nil {
		return nil, err
	}
	start, err := dayColumn("start_on", m.StartOn)
	if err != nil {
		return nil, err
	}
	var end pgtype.Date
	if m.EndOn != date.Zero {
		if end, err = dayColumn("end_on", m.EndOn); err != nil {
			return nil, err
		}
	}
	return []any{m.Name, string(m.Role), start, end}, nil
}

func (s memberStore) Get(ctx context.Context, id workforce.ID) (workforce.Member, error) {
	return s.table().get(ctx, string(id))
}

func (s memberStore) Create(ctx context.Context, v *workforce.Member) error {
	return s.table().create(ctx, v)
}

func (s memberStore) Update(ctx context.Context, v *workforce.Member) error {
	return s.table().update(ctx, v)
}

func (s memberStore) List(ctx context.Context, q storage.MemberQuery) iter.Seq2[workforce.Member, error] {
	sql, args := memberListSQL(q)
	if sql != "" {
		args[0] = string(s.t.org)
	}
	return s.table().scan(ctx, sql, args...)
}

// memberListSQL builds the roster query for q, ordered by name then id (index
// members_org_name, or members_org_role for a role); "" when q cannot match anyone.
func memberListSQL(q storage.MemberQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM members WHERE org_id = $1")
	if q.Role != "" {
		b.WriteString(" AND role = " + p.text(string(q.Role)))
	}
	if q.ActiveOn != date.Zero {
		// Employed on that day: started on or before it, and not ended before it (the
		// last day counts, as workforce.Member.Active has it).
		d := p.add(dayBound(q.ActiveOn))
		b.WriteString(" AND start_on <= " + d + " AND (end_on IS NULL OR end_on >= " + d + ")")
	}
	if q.AfterName != "" || q.AfterID != "" {
		b.WriteString(" AND (name, id) > (" + p.text(q.AfterName) + ", " + p.text(string(q.AfterID)) + ")")
	}
	b.WriteString(" ORDER BY name, id")
	p.limit(&b, q.Limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}

type trialStore struct{ t *tx }

func (s trialStore) table() docTable[trials.Trial] {
	return docTable[trials.Trial]{t: s.t, kind: "trial",
		sqlGet: sqlTrialGet, sqlVersion: sqlTrialVersion, sqlCreate: sqlTrialCreate, sqlUpdate: sqlTrialUpdate,
		key:     func(v *trials.Trial) string { return string(v.ID) },
		setKey:  func(v *trials.Trial, id string) { v.ID = trials.ID(id) },
		version: func(v *trials.Trial) *int64 { return &v.Version },
		columns: func(v *trials.Trial) ([]any, error) {
			if err := textOK("trial", string(v.Status)); err != nil {
				return nil, err
			}
			return []any{string(v.Status)}, nil
		}}
}

func (s trialStore) Get(ctx context.Context, id trials.ID) (trials.Trial, error) {
	return s.table().get(ctx, string(id))
}

func (s trialStore) Create(ctx context.Context, v *trials.Trial) error {
	return s.table().create(ctx, v)
}

func (s trialStore) Update(ctx context.Context, v *trials.Trial) error {
	return s.table().update(ctx, v)
}

// List reads the trials in id order: the organization's range of the primary key, or
// of trials_org_status for a status (0002_tasks.sql).
func (s trialStore) List(ctx context.Context, q storage.TrialQuery) iter.Seq2[trials.Trial, error] {
	sql, args := trialListSQL(q)
	if sql != "" {
		args[0] = string(s.t.org)
	}
	return s.table().scan(ctx, sql, args...)
}

// trialListSQL builds the List query for q, in id order; "" when q cannot match any
// trial. $1 is the organization.
func trialListSQL(q storage.TrialQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM trials WHERE org_id = $1")
	if q.Status != "" {
		b.WriteString(" AND status = " + p.text(string(q.Status)))
	}
	if q.AfterID != "" {
		b.WriteString(" AND id > " + p.text(string(q.AfterID)))
	}
	b.WriteString(" ORDER BY id")
	p.limit(&b, q.Limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}
