package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
)

// Statements that open a transaction. They are sent in one round trip with the
// transaction's first statement.
const (
	// Write transactions run in READ COMMITTED under the organization's lock: each
	// statement reads the latest committed rows, and no other writer of the organization
	// runs meanwhile.
	sqlBeginWrite = "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE"
	// Read transactions read one snapshot; PostgreSQL never fails a read-only
	// REPEATABLE READ transaction with a serialization error.
	sqlBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
	// sqlOrgLock serializes the write transactions of one organization. The key is a
	// 64-bit hash of the organization id, seeded ("hipaaops" in ASCII) so that it does
	// not meet the embedder's own advisory locks; two organizations whose ids collide
	// merely take turns.
	sqlOrgLock     = "SELECT pg_advisory_xact_lock(hashtextextended($1, 7523668216047956083))"
	sqlLockTimeout = "SELECT set_config('lock_timeout', $1, true)"
)

var errReadOnly = errors.New("postgres: write in a read-only transaction (View)")

// tx is one transaction of one organization. Its connection is acquired, and the
// transaction begun, with its first statement; a transaction that runs no statement
// costs nothing. mu serializes its statements, so that a Tx shared between goroutines
// by mistake fails cleanly rather than corrupting the connection.
type tx struct {
	s     *Store
	org   org.ID
	write bool

	mu     sync.Mutex
	done   bool
	conn   *pgxpool.Conn
	failed error // the first statement that failed on the server; the transaction is aborted
}

var _ storage.Tx = (*tx)(nil)

func (t *tx) Organization() storage.Organizations { return orgStore{records: recordsOf(t, orgTable)} }
func (t *tx) Vendors() storage.Vendors            { return vendorStore{recordsOf(t, vendorTable)} }
func (t *tx) Templates() storage.Templates        { return templateStore{recordsOf(t, templateTable)} }
func (t *tx) Tasks() storage.Tasks                { return taskStore{recordsOf(t, taskTable)} }
func (t *tx) Members() storage.Members            { return memberStore{recordsOf(t, memberTable)} }
func (t *tx) Trials() storage.Trials              { return trialStore{recordsOf(t, trialTable)} }
func (t *tx) Reminders() storage.Reminders        { return reminderStore{t} }
func (t *tx) Incidents() storage.Incidents        { return incidentStore{recordsOf(t, incidentTable)} }
func (t *tx) Risks() storage.Risks                { return riskStore{recordsOf(t, riskTable)} }
func (t *tx) Analyses() storage.Analyses          { return analysisStore{recordsOf(t, analysisTable)} }
func (t *tx) ControlDecisions() storage.ControlDecisions {
	return decisionStore{recordsOf(t, decisionTable)}
}
func (t *tx) Audit() storage.AuditLog  { return auditLog{t} }
func (t *tx) Events() storage.EventLog { return eventLog{t} }

// recordsOf returns the records of table tb in t.
func recordsOf[K comparable, V any](t *tx, tb *table[K, V]) records[K, V] {
	return records[K, V]{t: t, tb: tb}
}

// finish marks the transaction ended and returns its connection (nil if it ran no
// statement) and the first failed statement's error.
func (t *tx) finish() (*pgxpool.Conn, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done = true
	return t.conn, t.failed
}

// check reports a used-up transaction, a cancelled context or a write in a read-only one.
func (t *tx) check(ctx context.Context, writing bool) error {
	if t.done {
		return fmt.Errorf("postgres: %w", storage.ErrTxDone)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if writing && !t.write {
		return errReadOnly
	}
	if t.failed != nil {
		return fmt.Errorf("postgres: the transaction is aborted by an earlier statement: %w", t.failed)
	}
	return nil
}

// query runs one statement, calling row for each row it returns; all rows are read and
// closed before it returns, so the connection is free for the next statement. It returns
// the statement's command tag.
func (t *tx) query(ctx context.Context, writing bool, row func(pgx.Rows) error, sql string, args ...any) (pgconn.CommandTag, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.check(ctx, writing); err != nil {
		return pgconn.CommandTag{}, err
	}
	var tag pgconn.CommandTag
	var err error
	if t.conn == nil {
		tag, err = t.begin(ctx, row, sql, args)
	} else {
		var rows pgx.Rows
		rows, err = t.conn.Query(ctx, sql, args...)
		if err == nil {
			tag, err = readRows(rows, row)
		}
	}
	if err != nil {
		// Whatever failed, the transaction cannot be trusted any more: PostgreSQL aborts
		// it on a server error, and a client error may leave the connection mid-message.
		err = classify(ctx, err)
		t.failed = err
	}
	return tag, err
}

// begin gets a connection and sends BEGIN, for a write transaction the lock of the
// organization, and the first statement, in one round trip. A parked connection is
// taken first; the ROLLBACK of its finished read transaction goes in the same round
// trip, and if that fails (the connection broke while parked), a fresh one is used.
func (t *tx) begin(ctx context.Context, row func(pgx.Rows) error, sql string, args []any) (pgconn.CommandTag, error) {
	if conn := t.s.take(); conn != nil {
		tag, retry, err := t.send(ctx, conn, true, row, sql, args)
		if !retry {
			return tag, err
		}
		conn.Release() // broken: the pool drops it
		t.conn = nil
	}
	conn, err := t.s.pool.Acquire(ctx)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	tag, _, err := t.send(ctx, conn, false, row, sql, args)
	return tag, err
}

// send sends the batch that opens the transaction on conn. retry reports that the
// ROLLBACK of a parked connection failed, before anything of this transaction ran.
func (t *tx) send(ctx context.Context, conn *pgxpool.Conn, parked bool, row func(pgx.Rows) error,
	sql string, args []any) (_ pgconn.CommandTag, retry bool, _ error) {
	t.conn = conn
	b := &pgx.Batch{}
	if parked {
		b.Queue("ROLLBACK")
	}
	if t.write {
		b.Queue(sqlBeginWrite)
		if t.s.lockTimeout != "" {
			b.Queue(sqlLockTimeout, t.s.lockTimeout)
		}
		b.Queue(sqlOrgLock, string(t.org))
	} else {
		b.Queue(sqlBeginRead)
	}
	b.Queue(sql, args...)
	br := conn.SendBatch(ctx, b)
	tag, err := func() (pgconn.CommandTag, error) {
		for i := range b.Len() - 1 {
			if _, err := br.Exec(); err != nil {
				retry = parked && i == 0 && ctx.Err() == nil
				return pgconn.CommandTag{}, err
			}
		}
		rows, err := br.Query()
		if err != nil {
			return pgconn.CommandTag{}, err
		}
		return readRows(rows, row)
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	return tag, retry, err
}

func readRows(rows pgx.Rows, row func(pgx.Rows) error) (pgconn.CommandTag, error) {
	defer rows.Close()
	for rows.Next() {
		if row != nil {
			if err := row(rows); err != nil {
				return pgconn.CommandTag{}, err
			}
		}
	}
	rows.Close()
	return rows.CommandTag(), rows.Err()
}
