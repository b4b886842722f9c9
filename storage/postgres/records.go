package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

const (
	// sqlAuditAppend stores an entry only if it follows the last one: its seq is one
	// more and its prev is the last one's hash ("" for the first).
	sqlAuditAppend = `INSERT INTO audit_entries (org_id, seq, at, actor, action, object_type, object_id, digest, prev, hash)
SELECT $1::text, $2::bigint, $3::timestamptz, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text
WHERE (SELECT coalesce(max(seq), 0) FROM audit_entries WHERE org_id = $1) = $2::bigint - 1
  AND coalesce((SELECT hash FROM audit_entries WHERE org_id = $1 AND seq = $2::bigint - 1), '') = $9`
	sqlAuditLast = `SELECT seq, at, actor, action, object_type, object_id, digest, prev, hash
FROM audit_entries WHERE org_id = $1 ORDER BY seq DESC LIMIT 1`
	sqlAuditList = `SELECT seq, at, actor, action, object_type, object_id, digest, prev, hash
FROM audit_entries WHERE org_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`

	// Events are numbered under the organization's write lock, so max+1 cannot race.
	sqlEventAppend = `INSERT INTO events (org_id, seq, type, at, actor, object_type, object_id, data)
SELECT $1::text, coalesce(max(seq), 0) + 1, $2::text, $3::timestamptz, $4::text, $5::text, $6::text, $7::jsonb
FROM events WHERE org_id = $1
RETURNING seq`
	sqlEventList = `SELECT seq, type, at, actor, object_type, object_id, data
FROM events WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`
)

// pageSize is how many audit entries or events a listing reads per query: each page's
// rows are closed before they are yielded, and memory stays bounded on long logs.
const pageSize = 1000

// orgTable keeps the organizations' profiles, one row per organization: its key is
// org_id alone.
var orgTable = newTable(table[org.ID, org.Organization]{name: "organizations", kind: "organization",
	key:     func(o *org.Organization) org.ID { return o.ID },
	keyArgs: func(org.ID) []string { return nil },
	version: func(o *org.Organization) *int64 { return &o.Version },
	columns: func(*org.Organization) ([]any, error) { return nil, nil }})

// orgStore is the profile of the transaction's organization: the records of its one row.
type orgStore struct {
	records records[org.ID, org.Organization]
}

func (o orgStore) Get(ctx context.Context) (org.Organization, error) {
	return o.records.Get(ctx, o.records.t.org)
}

func (o orgStore) Create(ctx context.Context, p *org.Organization) error {
	if p.ID != o.records.t.org {
		return fmt.Errorf("postgres: organization id %q is not the handle's %q: %w", p.ID, o.records.t.org, storage.ErrNotFound)
	}
	return o.records.Create(ctx, p)
}

func (o orgStore) Update(ctx context.Context, p *org.Organization) error {
	if p.ID != o.records.t.org {
		return fmt.Errorf("organization %q: %w", p.ID, storage.ErrNotFound)
	}
	return o.records.Update(ctx, p)
}

// version reads the stored version of a record after an update matched no row.
func (t *tx) version(ctx context.Context, sql string, args ...any) (v int64, found bool, err error) {
	_, err = t.query(ctx, false, func(r pgx.Rows) error {
		found = true
		return r.Scan(&v)
	}, sql, args...)
	return v, found, err
}

type auditLog struct{ t *tx }

func (a auditLog) Append(ctx context.Context, e audit.Entry) error {
	if err := a.t.ready(ctx, true); err != nil {
		return err
	}
	if err := textOK("audit", e.Actor, e.Action, string(e.ObjectType), e.ObjectID, e.Digest, e.Prev, e.Hash); err != nil {
		return err
	}
	if e.Seq == 0 || e.Seq > math.MaxInt64 {
		return fmt.Errorf("audit entry %d does not follow the last entry: %w", e.Seq, storage.ErrConflict)
	}
	if e.At.Nanosecond()%1000 != 0 {
		return fmt.Errorf("postgres: audit entry %d: time %s is finer than a microsecond, which PostgreSQL does not keep (build entries with audit.Next)",
			e.Seq, e.At.Format(time.RFC3339Nano))
	}
	tag, err := a.t.query(ctx, true, nil, sqlAuditAppend, string(a.t.org), int64(e.Seq), e.At,
		e.Actor, e.Action, e.ObjectType, e.ObjectID, e.Digest, e.Prev, e.Hash)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("audit entry %d does not follow the last entry: %w", e.Seq, storage.ErrConflict)
	}
	return nil
}

func scanEntry(r pgx.Rows) (audit.Entry, error) {
	var e audit.Entry
	var seq int64
	err := r.Scan(&seq, &e.At, &e.Actor, &e.Action, &e.ObjectType, &e.ObjectID, &e.Digest, &e.Prev, &e.Hash)
	e.Seq, e.At = uint64(seq), e.At.UTC()
	return e, err
}

func (a auditLog) Last(ctx context.Context) (audit.Entry, error) {
	var e audit.Entry
	found := false
	_, err := a.t.query(ctx, false, func(r pgx.Rows) (err error) {
		found = true
		e, err = scanEntry(r)
		return err
	}, sqlAuditLast, string(a.t.org))
	if err != nil {
		return audit.Entry{}, err
	}
	if !found {
		return audit.Entry{}, fmt.Errorf("audit chain of %q is empty: %w", a.t.org, storage.ErrNotFound)
	}
	return e, nil
}

func (a auditLog) List(ctx context.Context, from uint64, limit int) iter.Seq2[audit.Entry, error] {
	return func(yield func(audit.Entry, error) bool) {
		if from > math.MaxInt64 {
			if err := a.t.ready(ctx, false); err != nil {
				yield(audit.Entry{}, err)
			}
			return
		}
		next := int64(from)
		for {
			n := pageSize
			if limit > 0 {
				n = min(n, limit)
			}
			page := make([]audit.Entry, 0, min(n, 16))
			_, err := a.t.query(ctx, false, func(r pgx.Rows) error {
				e, err := scanEntry(r)
				page = append(page, e)
				return err
			}, sqlAuditList, string(a.t.org), next, n)
			if err != nil {
				yield(audit.Entry{}, err)
				return
			}
			for _, e := range page {
				if !yield(e, nil) {
					return
				}
			}
			if limit > 0 {
				if limit -= len(page); limit == 0 {
					return
				}
			}
			if len(page) < n {
				return
			}
			next = int64(page[len(page)-1].Seq) + 1
		}
	}
}

// ready checks the transaction before work that sends no statement yet.
func (t *tx) ready(ctx context.Context, writing bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.check(ctx, writing)
}

type eventLog struct{ t *tx }

func (l eventLog) Append(ctx context.Context, e *event.Event) error {
	if err := textOK("event", string(e.Type), e.Actor, string(e.ObjectType), e.ObjectID); err != nil {
		return err
	}
	var data any
	if len(e.Data) > 0 {
		if hasNUL(e.Data) {
			return validation.New("postgres", "event.data", "contains a NUL character (\\u0000), which PostgreSQL's jsonb cannot store")
		}
		data = []byte(e.Data)
	}
	var seq int64
	_, err := l.t.query(ctx, true, func(r pgx.Rows) error { return r.Scan(&seq) },
		sqlEventAppend, string(l.t.org), string(e.Type), e.At, e.Actor, e.ObjectType, e.ObjectID, data)
	if err != nil {
		return err
	}
	e.Seq = uint64(seq)
	return nil
}

func (l eventLog) List(ctx context.Context, after uint64, limit int) iter.Seq2[event.Event, error] {
	return func(yield func(event.Event, error) bool) {
		if after >= math.MaxInt64 {
			if err := l.t.ready(ctx, false); err != nil {
				yield(event.Event{}, err)
			}
			return
		}
		cursor := int64(after)
		for {
			n := pageSize
			if limit > 0 {
				n = min(n, limit)
			}
			page := make([]event.Event, 0, min(n, 16))
			_, err := l.t.query(ctx, false, func(r pgx.Rows) error {
				var e event.Event
				var seq int64
				var typ string
				var data []byte
				err := r.Scan(&seq, &typ, &e.At, &e.Actor, &e.ObjectType, &e.ObjectID, &data)
				e.Seq, e.Type, e.At = uint64(seq), event.Type(typ), e.At.UTC()
				if data != nil {
					e.Data = json.RawMessage(data)
				}
				page = append(page, e)
				return err
			}, sqlEventList, string(l.t.org), cursor, n)
			if err != nil {
				yield(event.Event{}, err)
				return
			}
			for _, e := range page {
				if !yield(e, nil) {
					return
				}
			}
			if limit > 0 {
				limit -= len(page)
				if limit == 0 {
					return
				}
			}
			if len(page) < n {
				return
			}
			cursor = int64(page[len(page)-1].Seq)
		}
	}
}
