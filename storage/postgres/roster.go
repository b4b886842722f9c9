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

// memberTable keeps the roster with the columns of its indexes: name, role, start and
// end (NULL while employed).
var memberTable = newTable(table[workforce.ID, workforce.Member]{name: "members", kind: "member",
	keyCols: []string{"id"},
	cols:    []string{"name", "role", "start_on", "end_on"},
	key:     func(v *workforce.Member) workforce.ID { return v.ID },
	keyArgs: func(id workforce.ID) []string { return []string{string(id)} },
	version: func(v *workforce.Member) *int64 { return &v.Version },
	columns: memberColumns})

type memberStore struct {
	records[workforce.ID, workforce.Member]
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

func (s memberStore) List(ctx context.Context, q storage.MemberQuery) iter.Seq2[workforce.Member, error] {
	sql, args := memberListSQL(q)
	return s.list(ctx, sql, args)
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

// trialTable keeps clinical trials with their status, for trials_org_status.
var trialTable = newTable(table[trials.ID, trials.Trial]{name: "trials", kind: "trial",
	keyCols: []string{"id"},
	cols:    []string{"status"},
	key:     func(v *trials.Trial) trials.ID { return v.ID },
	keyArgs: func(id trials.ID) []string { return []string{string(id)} },
	version: func(v *trials.Trial) *int64 { return &v.Version },
	columns: func(v *trials.Trial) ([]any, error) {
		if err := textOK("trial", string(v.Status)); err != nil {
			return nil, err
		}
		return []any{string(v.Status)}, nil
	}})

type trialStore struct {
	records[trials.ID, trials.Trial]
}

// List reads the trials in id order: the organization's range of the primary key, or
// of trials_org_status for a status (0002_tasks.sql).
func (s trialStore) List(ctx context.Context, q storage.TrialQuery) iter.Seq2[trials.Trial, error] {
	sql, args := trialListSQL(q)
	return s.list(ctx, sql, args)
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
