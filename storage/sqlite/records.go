package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"math"
	"time"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// profile is the key of an organization's profile: the handle's organization, which
// every statement binds first, so there is nothing after it.
type profile struct{}

// orgTable keeps the organization's profile: (org_id, version, doc).
var orgTable = &table[profile, org.Organization]{kind: "organization",
	schema: &schema{name: "organizations",
		stmts: func(st *statements) *docStmts { return &st.org }},
	keyOf:     func(*org.Organization) profile { return profile{} },
	appendKey: func(args []any, _ profile) []any { return args },
	version:   func(v *org.Organization) *int64 { return &v.Version },
	name:      func(t *tx, _ profile) string { return fmt.Sprintf("organization %q", t.org) },
	own: func(t *tx, p *org.Organization) error {
		if string(p.ID) != t.org {
			return fmt.Errorf("sqlite: organization id %q is not the handle's %q: %w", p.ID, t.org, storage.ErrNotFound)
		}
		return nil
	}}

// orgStore is the organization's profile: its Create and Update are the records', its
// Get takes no key.
type orgStore struct {
	records[profile, org.Organization]
}

func (o orgStore) Get(ctx context.Context) (org.Organization, error) {
	return o.records.Get(ctx, profile{})
}

// seqArg converts a sequence number from the contract's uint64; ok is false past the
// largest one SQLite can store, which no chain reaches.
func seqArg(n uint64) (int64, bool) {
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}

// fromMicros reads an instant stored as microseconds since the Unix epoch.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

type auditLog struct{ t *tx }

func scanEntry(sc interface{ Scan(...any) error }) (audit.Entry, error) {
	var e audit.Entry
	var seq, at int64
	if err := sc.Scan(&seq, &at, &e.Actor, &e.Action, &e.ObjectType, &e.ObjectID, &e.Digest, &e.Prev, &e.Hash); err != nil {
		return audit.Entry{}, err
	}
	if seq < 1 {
		return audit.Entry{}, fmt.Errorf("audit entry has sequence number %d", seq)
	}
	e.Seq, e.At = uint64(seq), fromMicros(at)
	return e, nil
}

// last returns the newest entry, and false when the chain is empty.
func (a auditLog) last(ctx context.Context) (audit.Entry, bool, error) {
	t := a.t
	e, err := scanEntry(t.c.st.auditLast.QueryRowContext(ctx, t.org))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return audit.Entry{}, false, nil
	case err != nil:
		return audit.Entry{}, false, t.fail(ctx, "read last audit entry", err)
	}
	return e, true, nil
}

// Append stores e after the last entry. Instants are kept to the microsecond, so an
// entry whose At is finer (audit.Next truncates it) is refused: it would read back with
// a time that no longer gives its hash.
func (a auditLog) Append(ctx context.Context, e audit.Entry) error {
	t := a.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	if e.At.Nanosecond()%1000 != 0 {
		return validation.New("sqlite", "audit.at", "%s is finer than a microsecond (build entries with audit.Next)",
			e.At.Format(time.RFC3339Nano))
	}
	last, ok, err := a.last(ctx)
	if err != nil {
		return err
	}
	var wantSeq uint64 = 1
	wantPrev := ""
	if ok {
		wantSeq, wantPrev = last.Seq+1, last.Hash
	}
	if e.Seq != wantSeq || e.Prev != wantPrev {
		return fmt.Errorf("audit entry %d does not follow entry %d: %w", e.Seq, wantSeq-1, storage.ErrConflict)
	}
	if _, err := t.c.st.auditInsert.ExecContext(ctx, t.org, int64(e.Seq), e.At.UnixMicro(),
		e.Actor, e.Action, e.ObjectType, e.ObjectID, e.Digest, e.Prev, e.Hash); err != nil {
		return t.fail(ctx, fmt.Sprintf("append audit entry %d", e.Seq), err)
	}
	return nil
}

func (a auditLog) Last(ctx context.Context) (audit.Entry, error) {
	if err := a.t.check(ctx, false); err != nil {
		return audit.Entry{}, err
	}
	e, ok, err := a.last(ctx)
	if err != nil {
		return audit.Entry{}, err
	}
	if !ok {
		return audit.Entry{}, fmt.Errorf("audit chain of %q is empty: %w", a.t.org, storage.ErrNotFound)
	}
	return e, nil
}

func (a auditLog) List(ctx context.Context, from uint64, limit int) iter.Seq2[audit.Entry, error] {
	return func(yield func(audit.Entry, error) bool) {
		t := a.t
		if err := t.check(ctx, false); err != nil {
			yield(audit.Entry{}, err)
			return
		}
		start, ok := seqArg(from)
		if !ok {
			return
		}
		entries, err := a.list(ctx, start, limitArg(limit))
		if err != nil {
			yield(audit.Entry{}, t.fail(ctx, "list audit entries", err))
			return
		}
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func (a auditLog) list(ctx context.Context, from int64, limit int) ([]audit.Entry, error) {
	rows, err := a.t.c.st.auditList.QueryContext(ctx, a.t.org, from, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, closeRows(rows)
}

type eventLog struct{ t *tx }

// Append numbers e after the organization's last event and stores it. At is kept to the
// microsecond.
func (l eventLog) Append(ctx context.Context, e *event.Event) error {
	t := l.t
	if err := t.check(ctx, true); err != nil {
		return err
	}
	var last int64
	err := t.c.st.eventLast.QueryRowContext(ctx, t.org).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return t.fail(ctx, "read last event", err)
	}
	var data any
	if e.Data != nil {
		data = string(e.Data)
	}
	if _, err := t.c.st.eventInsert.ExecContext(ctx, t.org, last+1, string(e.Type), e.At.UnixMicro(),
		e.Actor, e.ObjectType, e.ObjectID, data); err != nil {
		return t.fail(ctx, fmt.Sprintf("append event %d", last+1), err)
	}
	e.Seq = uint64(last + 1)
	return nil
}

func (l eventLog) List(ctx context.Context, after uint64, limit int) iter.Seq2[event.Event, error] {
	return func(yield func(event.Event, error) bool) {
		t := l.t
		if err := t.check(ctx, false); err != nil {
			yield(event.Event{}, err)
			return
		}
		start, ok := seqArg(after)
		if !ok {
			return
		}
		evs, err := l.list(ctx, start, limitArg(limit))
		if err != nil {
			yield(event.Event{}, t.fail(ctx, "list events", err))
			return
		}
		for _, e := range evs {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func (l eventLog) list(ctx context.Context, after int64, limit int) ([]event.Event, error) {
	rows, err := l.t.c.st.eventList.QueryContext(ctx, l.t.org, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		var e event.Event
		var seq, at int64
		var typ string
		var data []byte
		if err := rows.Scan(&seq, &typ, &at, &e.Actor, &e.ObjectType, &e.ObjectID, &data); err != nil {
			return nil, err
		}
		if seq < 1 {
			return nil, fmt.Errorf("event has sequence number %d", seq)
		}
		e.Seq, e.Type, e.At, e.Data = uint64(seq), event.Type(typ), fromMicros(at), data
		out = append(out, e)
	}
	return out, closeRows(rows)
}
