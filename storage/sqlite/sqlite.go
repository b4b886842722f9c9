package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
)

// MemoryPath is the path that opens a private in-memory database (see [Open]).
const MemoryPath = ":memory:"

// ErrNotDatabase is returned by [Open] when the file exists but is not an SQLite
// database. Open leaves such a file untouched.
var ErrNotDatabase = errors.New("sqlite: file is not an SQLite database")

// Options configure a [Store]; the zero value gives the defaults.
type Options struct {
	// BusyTimeout is how long a transaction waits for a lock that another process (or
	// another connection) holds on the file before it fails with [storage.ErrConflict].
	// Writers in this process never wait on it: they queue in Go first. Default 5s.
	BusyTimeout time.Duration
	// MaxReaders caps the connections of View transactions, which run in parallel with
	// each other and with the one Update that writes (on its own connection). Default
	// max(4, GOMAXPROCS). The in-memory database has exactly one connection for both.
	MaxReaders int
}

const defaultBusyTimeout = 5 * time.Second

// Store is a [storage.Store] on one SQLite database. It is safe for concurrent use; the
// zero value is not usable, call [Open].
type Store struct {
	db     *sql.DB
	path   string
	memory bool
	pool   *pool
	closed atomic.Bool
}

var _ storage.Store = (*Store)(nil)

// Open opens (creating it if needed) the database file at path and brings its schema up
// to date; see the package documentation for the settings it applies. path [MemoryPath]
// (":memory:") opens a private in-memory database instead.
//
// Open fails, having written nothing, when the directory does not exist, when the file is
// not an SQLite database ([ErrNotDatabase]) and when its schema is newer than this
// program's ([ErrSchemaTooNew]).
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = defaultBusyTimeout
	}
	if opts.MaxReaders <= 0 {
		opts.MaxReaders = max(4, runtime.GOMAXPROCS(0))
	}
	known, err := loadMigrations(mustSub(migrationFiles, "migration"))
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, memory: path == MemoryPath}
	params := url.Values{}
	params.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	params.Add("_pragma", "foreign_keys(1)")
	params.Set("_txlock", "immediate") // for the migrations' database/sql transactions
	var dsn string
	switch {
	case path == "":
		return nil, fmt.Errorf("sqlite: open: empty path (use %q for an in-memory database)", MemoryPath)
	case s.memory:
		dsn = MemoryPath + "?" + params.Encode()
	default:
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		if err := checkFile(abs); err != nil {
			return nil, err
		}
		s.path = abs
		// FULL: every commit syncs the WAL before it is acknowledged (see "Durability").
		params.Add("_pragma", "synchronous(FULL)")
		dsn = "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath() + "?" + params.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.db = db
	if s.memory {
		// Every connection to ":memory:" is its own database: there must be exactly one.
		db.SetMaxOpenConns(1)
	}
	// The store keeps its connections (see pool); database/sql's own pool serves only
	// what borrows the *sql.DB besides (tests, benchmarks).
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := s.init(ctx, known, opts); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// init migrates the schema on the first connection, which then becomes the writer's.
func (s *Store) init(ctx context.Context, known []migration, opts Options) error {
	sc, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	if err := migrate(ctx, sc, known, !s.memory, opts.BusyTimeout); err != nil {
		_ = sc.Close()
		return fmt.Errorf("%w (database %s)", err, s.path)
	}
	writer, err := newConn(ctx, sc)
	if err != nil {
		_ = sc.Close()
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	s.pool = newPool(s.db, writer, opts.MaxReaders, s.memory)
	return nil
}

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile fails when path's directory is missing, or path is an existing, non-empty file
// that does not start with the SQLite header. It only reads: SQLite would create the file,
// or convert it, on its first write.
func checkFile(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("sqlite: open %s: directory %s: %w", path, dir, err)
	case !st.IsDir():
		return fmt.Errorf("sqlite: open %s: %s is not a directory", path, dir)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a new database
	}
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	} else if st.IsDir() {
		return fmt.Errorf("sqlite: open %s: is a directory", path)
	} else if st.Size() == 0 {
		return nil // SQLite treats an empty file as an empty database
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%w: %s does not start with the SQLite header", ErrNotDatabase, path)
	}
	return nil
}

// Path returns the absolute path of the database file, or [MemoryPath].
func (s *Store) Path() string { return s.path }

// Close closes the database; later transactions fail with [storage.ErrClosed]. It waits
// for transactions in progress to end.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.pool.close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", s.path, err)
	}
	return nil
}

// Org returns the handle of one organization.
func (s *Store) Org(id org.ID) storage.Org { return &orgHandle{s: s, id: id} }

type orgHandle struct {
	s  *Store
	id org.ID
}

func (h *orgHandle) ID() org.ID { return h.id }

func (h *orgHandle) closedErr() error {
	return fmt.Errorf("sqlite: organization %q: %w", h.id, storage.ErrClosed)
}

// Update runs fn in a write transaction. Writers of this process queue for the writer's
// connection, then BEGIN IMMEDIATE takes SQLite's write lock (waiting up to the busy
// timeout for another process), so every write transaction sees the one before it
// whole: an organization's audit chain and event numbers never fork.
func (h *orgHandle) Update(ctx context.Context, fn func(storage.Tx) error) error {
	return h.run(ctx, true, fn)
}

// View runs fn in a read-only transaction: a snapshot of the database as of its first
// read, which does not wait for the writer nor make it wait.
func (h *orgHandle) View(ctx context.Context, fn func(storage.Tx) error) error {
	return h.run(ctx, false, fn)
}

func (h *orgHandle) run(ctx context.Context, write bool, fn func(storage.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	if h.s.closed.Load() {
		return h.closedErr()
	}
	c, err := h.s.pool.acquire(ctx, write)
	if err != nil {
		if errors.Is(err, storage.ErrClosed) {
			return h.closedErr()
		}
		return err
	}
	broken := false
	defer func() { h.s.pool.release(c, write, broken) }()
	begin := c.begin
	if write {
		begin = c.beginWrite
	}
	if _, err := begin.ExecContext(ctx); err != nil {
		err = classify(ctx, "begin", err)
		// A BEGIN that waited too long or was cancelled left the connection as it was;
		// after anything else, do not trust it.
		broken = !errors.Is(err, storage.ErrConflict) && ctx.Err() == nil
		return err
	}
	t := &tx{s: h.s, c: c, org: string(h.id), write: write}
	ended := false
	defer func() {
		t.done.Store(true)
		if !ended { // fn failed or panicked, or a View: nothing to keep
			// With a background context: the rollback must run even when ctx has ended.
			if _, err := c.rollback.ExecContext(context.Background()); err != nil && !isNoTransaction(err) {
				broken = true
			}
		}
	}()
	err = fn(t)
	t.done.Store(true)
	if err == nil && write {
		err = ctx.Err()
	}
	if err != nil || !write {
		return err
	}
	ended = true
	if _, err := c.commit.ExecContext(context.Background()); err != nil {
		if _, rerr := c.rollback.ExecContext(context.Background()); rerr != nil && !isNoTransaction(rerr) {
			broken = true
		}
		return classify(ctx, "commit", err)
	}
	return nil
}
