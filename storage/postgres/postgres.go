package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
)

// Options configure a [Store]; the zero value gives the defaults.
type Options struct {
	// SkipMigrate leaves the schema alone, for embedders who apply [Migrations] with
	// their own migration tool. Open then only checks that the database has exactly the
	// migrations this package knows, and fails with [ErrSchemaTooOld] if some are missing
	// or [ErrSchemaTooNew] if the database has more.
	SkipMigrate bool
	// LockTimeout bounds how long a write transaction waits for its organization's write
	// lock while another transaction of the same organization holds it; past it the
	// statement fails with [storage.ErrConflict]. Zero waits as long as the context
	// allows. Other organizations' transactions never wait for it.
	LockTimeout time.Duration
}

// Store is a [storage.Store] on a PostgreSQL database, reached through a pgx pool. It
// is safe for concurrent use; create it with [Open] or [New].
type Store struct {
	pool        *pgxpool.Pool
	ownPool     bool
	lockTimeout string // lock_timeout setting for write transactions, "" for none

	mu     sync.RWMutex
	closed bool
	// active counts transactions that have not ended and connections still held after
	// a read transaction (parked, or being rolled back in the background).
	active sync.WaitGroup

	// parked holds connections of finished read transactions, still inside them, for
	// the next transaction to roll back in the round trip of its first statement.
	parkMu    sync.Mutex
	parked    []*parkedConn
	maxParked int
	// parkFor overrides parkTimeout when set (tests on a loaded machine).
	parkFor atomic.Int64
}

func (s *Store) parkTimeout() time.Duration {
	if d := s.parkFor.Load(); d > 0 {
		return time.Duration(d)
	}
	return parkTimeout
}

// parkTimeout is how long a parked connection waits for the next transaction; then it
// is rolled back and handed back to the pool, so that an idle store holds no snapshot.
const parkTimeout = 100 * time.Millisecond

type parkedConn struct {
	conn  *pgxpool.Conn
	timer *time.Timer
}

var _ storage.Store = (*Store)(nil)

// Open connects to the database that connString names (a postgres:// URL or keyword/value
// settings, as pgxpool.ParseConfig reads them, pool settings such as pool_max_conns
// included), checks that the server answers, and migrates the schema (see [Options]).
// A server that cannot be reached is an error, and nothing is changed. Close closes the
// pool.
func Open(ctx context.Context, connString string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s, err := New(ctx, pool, opts)
	if err != nil {
		pool.Close()
		return nil, err
	}
	s.ownPool = true
	return s, nil
}

// New returns a store on a pool the caller configured and keeps: Close leaves the pool
// open. Like Open it checks that the server answers and migrates the schema.
func New(ctx context.Context, pool *pgxpool.Pool, opts Options) (*Store, error) {
	if pool == nil {
		return nil, errors.New("postgres: New needs a pool")
	}
	if opts.LockTimeout < 0 {
		return nil, fmt.Errorf("postgres: Options.LockTimeout %s must not be negative", opts.LockTimeout)
	}
	if err := pool.Ping(ctx); err != nil {
		return nil, fmt.Errorf("postgres: cannot reach the database server at %s: %w: %w", serverOf(pool), storage.ErrUnavailable, err)
	}
	var err error
	if opts.SkipMigrate {
		err = checkVersion(ctx, pool)
	} else {
		err = migrate(ctx, pool)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, maxParked: max(1, int(pool.Config().MaxConns)/2)}
	if opts.LockTimeout > 0 {
		s.lockTimeout = strconv.FormatInt(max(1, opts.LockTimeout.Milliseconds()), 10) + "ms"
	}
	return s, nil
}

// serverOf names the server a pool connects to, without credentials.
func serverOf(pool *pgxpool.Pool) string {
	c := pool.Config().ConnConfig
	return fmt.Sprintf("%s:%d (database %q)", c.Host, c.Port, c.Database)
}

// Org returns the handle of one organization.
func (s *Store) Org(id org.ID) storage.Org { return &orgHandle{s: s, id: id} }

// Close waits for running transactions to end, then marks the store closed (later
// transactions fail with [storage.ErrClosed]) and, if Open made the pool, closes it.
func (s *Store) Close() error {
	s.mu.Lock()
	already := s.closed
	s.closed = true
	s.mu.Unlock()
	if already {
		return nil
	}
	s.parkMu.Lock()
	parked := s.parked
	s.parked = nil
	s.parkMu.Unlock()
	for _, p := range parked {
		p.timer.Stop()
		s.rollback(p.conn)
		s.active.Done()
	}
	s.active.Wait()
	if s.ownPool {
		s.pool.Close()
	}
	return nil
}

// enter registers a transaction, or reports that the store is closed.
func (s *Store) enter() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return false
	}
	s.active.Add(1)
	return true
}

type orgHandle struct {
	s  *Store
	id org.ID
}

// ID returns the organization the handle is scoped to.
func (h *orgHandle) ID() org.ID { return h.id }

// Update runs fn in a read-write transaction of the organization (see the package doc
// for how it is serialized).
func (h *orgHandle) Update(ctx context.Context, fn func(storage.Tx) error) error {
	return h.s.run(ctx, h.id, true, fn)
}

// View runs fn in a read-only transaction that reads one snapshot.
func (h *orgHandle) View(ctx context.Context, fn func(storage.Tx) error) error {
	return h.s.run(ctx, h.id, false, fn)
}

// endTimeout bounds the ROLLBACK of a transaction that is being thrown away.
const endTimeout = 10 * time.Second

func (s *Store) run(ctx context.Context, id org.ID, write bool, fn func(storage.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := textOK("organization id", string(id)); err != nil {
		return err
	}
	if !s.enter() {
		return fmt.Errorf("postgres: %w", storage.ErrClosed)
	}
	t := &tx{s: s, org: id, write: write}
	settled := false
	defer func() {
		if !settled { // fn panicked: roll back and let the panic go on
			conn, _ := t.finish()
			s.end(conn, write)
		}
	}()
	err = fn(t)
	conn, failed := t.finish()
	settled = true
	if err == nil && failed != nil {
		err = fmt.Errorf("postgres: transaction rolled back because a statement failed: %w", failed)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil || !write || conn == nil {
		s.end(conn, write)
		return err
	}
	defer func() { conn.Release(); s.active.Done() }()
	tag, cerr := conn.Exec(ctx, "COMMIT")
	if cerr != nil {
		return classify(ctx, fmt.Errorf("commit: %w", cerr))
	}
	if tag.String() == "ROLLBACK" {
		return fmt.Errorf("postgres: transaction was rolled back at commit: %w", storage.ErrConflict)
	}
	return nil
}

// end ends a transaction that will not be committed. A write transaction is rolled
// back before Update returns, releasing the organization's lock. A read-only one has
// nothing to undo, so its caller does not wait: its connection is parked, for the next
// transaction to send the ROLLBACK in the round trip of its first statement, or, when
// enough are parked, rolled back in the background. Close waits for both.
func (s *Store) end(conn *pgxpool.Conn, write bool) {
	switch {
	case conn == nil:
	case write:
		s.rollback(conn)
	case !s.park(conn):
		s.active.Add(1) // the background rollback counts until it ends
		go func() {
			defer s.active.Done()
			s.rollback(conn)
		}()
	}
	s.active.Done()
}

// rollback rolls back and releases a connection held for a transaction. Its caller
// counts the connection out of active.
func (s *Store) rollback(conn *pgxpool.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), endTimeout)
	defer cancel()
	if conn.Conn().PgConn().TxStatus() != 'I' {
		if _, err := conn.Exec(ctx, "ROLLBACK"); err != nil {
			_ = conn.Conn().Close(ctx) // the pool drops a closed connection
		}
	}
	conn.Release()
}

// park keeps the connection of a finished read transaction for the next transaction,
// and reports whether it did.
func (s *Store) park(conn *pgxpool.Conn) bool {
	if conn.Conn().IsClosed() || conn.Conn().PgConn().IsBusy() {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return false
	}
	s.parkMu.Lock()
	defer s.parkMu.Unlock()
	if len(s.parked) >= s.maxParked {
		return false
	}
	p := &parkedConn{conn: conn}
	s.active.Add(1) // the ending transaction still counts, so Add does not race Close's Wait
	p.timer = time.AfterFunc(s.parkTimeout(), func() {
		if s.unpark(p) {
			s.rollback(p.conn)
			s.active.Done()
		}
	})
	s.parked = append(s.parked, p)
	return true
}

// unpark removes p from the parked connections, and reports whether it was there.
func (s *Store) unpark(p *parkedConn) bool {
	s.parkMu.Lock()
	defer s.parkMu.Unlock()
	i := slices.Index(s.parked, p)
	if i < 0 {
		return false
	}
	s.parked = slices.Delete(s.parked, i, i+1)
	return true
}

// take returns a parked connection, still inside its finished read transaction, or
// nil if none is parked.
func (s *Store) take() *pgxpool.Conn {
	s.parkMu.Lock()
	defer s.parkMu.Unlock()
	for n := len(s.parked); n > 0; n = len(s.parked) {
		p := s.parked[n-1]
		s.parked = s.parked[:n-1]
		p.timer.Stop() // if it fired meanwhile, unpark finds p gone and does nothing
		if p.conn.Conn().IsClosed() {
			p.conn.Release()
			s.active.Done()
			continue
		}
		s.active.Done() // the connection now belongs to the taking transaction
		return p.conn
	}
	return nil
}

// classify maps a database error to the storage sentinels: a duplicate key is
// ErrExists; a serialization failure, deadlock or lock timeout ErrConflict; an error
// caused by the context ending matches the context's error; any other failure of the
// server, the connection or the driver is ErrUnavailable, so that it is never taken for
// bad input. The driver's error stays reachable with errors.As.
func classify(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505": // unique_violation
			return fmt.Errorf("postgres: %w: %w", storage.ErrExists, err)
		case "40001", "40P01", "55P03": // serialization_failure, deadlock_detected, lock_not_available
			return fmt.Errorf("postgres: %w: %w", storage.ErrConflict, err)
		}
	}
	if cerr := ctx.Err(); cerr != nil {
		if errors.Is(err, cerr) {
			return fmt.Errorf("postgres: %w", err)
		}
		return fmt.Errorf("postgres: %w: %w", cerr, err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("postgres: %w", err)
	}
	return fmt.Errorf("postgres: %w: %w", storage.ErrUnavailable, err)
}
