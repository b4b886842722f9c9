// Package sqlite is a [storage.Store] on an SQLite database file, the embedded default
// backend of hipaaops. It uses modernc.org/sqlite (pure Go, no cgo) through database/sql
// and passes the conformance suite in storage/storagetest.
//
//	store, err := sqlite.Open(ctx, "/var/lib/hipaaops/compliance.db", sqlite.Options{})
//	if err != nil { … }
//	defer store.Close()
//	engine := compliance.New(store, compliance.Options{})
//
// # Opening
//
// [Open] creates the file if it does not exist (its directory must), applies the schema
// migrations it is missing and prepares the statements. It refuses, having written
// nothing, a file that is not an SQLite database ([ErrNotDatabase]: it reads the header
// before SQLite touches the file) and a database migrated by a newer version of this
// package ([ErrSchemaTooNew]: it reads schema_migrations before switching the journal
// mode or creating anything).
//
// Every connection runs with foreign_keys on, a busy timeout ([Options.BusyTimeout]) and,
// on a file, synchronous=FULL; the file is in WAL mode.
//
// # In-memory databases
//
// Open with path [MemoryPath] (":memory:") gives a private database that lives in memory
// until Close: for tests and examples, like storage/memory but running the real SQL. Each
// such store is its own database, kept on exactly one connection (every SQLite connection
// to ":memory:" is a separate database), so its transactions, reads included, run one at a
// time; a View nested in an Update of the same store would wait forever. A shared-cache
// URI (file::memory:?cache=shared) is not used: SQLite discourages shared cache, and its
// table locks fail with SQLITE_LOCKED instead of waiting.
//
// # Durability
//
// A commit that Update reports is on disk. In WAL mode with synchronous=FULL, COMMIT
// appends the transaction to the write-ahead log and syncs the log before it returns, so
// an acknowledged write survives the process being killed (SIGKILL, OOM killer, crash) and
// also an operating-system crash or power loss, on storage that honours fsync.
// synchronous=NORMAL would survive the first (the log is in the OS page cache) but could
// lose the last transactions on power loss, because it syncs only at checkpoints. These
// records are a covered entity's compliance documentation and audit trail (45 CFR
// 164.312(b), 164.316(b)(2)(i)), so the extra sync per write transaction is worth it;
// reads do not pay it. TestCrashSafety kills a writing process at random and checks that
// every acknowledged write is there and the audit chain verifies.
//
// # Concurrency and locking
//
// The store keeps its own connections: one for the writer and up to [Options.MaxReaders]
// for readers, each with every statement prepared on it, BEGIN, COMMIT and ROLLBACK
// included. (database/sql's Tx prepares those again and starts a goroutine for every
// transaction: about 15 µs each here, a fifth of reading one vendor.)
//
// Write transactions are serialized twice. In the process, Update first takes the
// writer's connection, so writers queue in Go (and give up when their context ends)
// instead of spinning in SQLite's busy handler. Then it runs BEGIN IMMEDIATE, which
// takes the database's write lock before the first read: a writer in another process
// waits up to the busy timeout and then fails with [storage.ErrConflict]. A write
// transaction therefore always reads the latest committed audit entry and event number,
// and an organization's audit chain never forks. Stale versions are caught by
// UPDATE … WHERE org_id = ? AND id = ? AND version = ?. (The migrations, which run through
// database/sql transactions, get BEGIN IMMEDIATE from the driver's _txlock=immediate DSN
// parameter, which it applies to read-write transactions only.)
//
// View runs a deferred, read-only transaction: in WAL mode it reads a consistent
// snapshot as of its first statement, in parallel with other readers and with the
// writer. Writes inside View are refused. Listings read all their rows and close them
// before yielding the first one, so the loop body may run other statements of the
// transaction. A transaction, and the iterators it returned, must not be used after its
// function returns ([storage.ErrTxDone]), nor from several goroutines at once.
//
// # Schema
//
// The schema lives in numbered files embedded from migration/ ([Migrations]); each
// is applied once, in its own immediate transaction, and recorded in schema_migrations
// (version, name, applied_at). Every key leads with org_id, and every statement filters by
// the handle's organization, so a handle cannot reach another organization's rows.
// Organizations and vendors are stored as JSON documents (doc) of the domain values, with
// the columns the queries need projected beside them: a vendor's name, category, BAA state
// and its next review, expiry and last activity dates, which partial indexes cover for the
// window queries (ReviewsDue, Expiring, Stalled). Calendar dates are INTEGER day numbers
// (int64 of date.Date), NULL when not set; a query whose window includes the zero date also
// returns, through the same index, the rows whose date is not set, as storage/memory does.
//
// Templates, tasks, members and trials (migration 0002) are documents in the same way.
// A task projects its state, due date, assignee (person or role), site, subject and
// series; each listing filter has an index led by org_id and ending (due_on, id), the
// listing's order, so that no sort is needed: open tasks by due date (the sweep's window
// and overdue queries), by person, by role, open tasks by site, by subject and by
// series. The listing names its index (INDEXED BY), since without statistics SQLite may
// prefer every open task in a window to one person's; a page seeks to its cursor
// (due_on, id). A task's due date is never NULL (0 when not set), so windows and cursors
// compare it directly; its optional text columns are NULL when empty, which keeps those
// rows out of the partial indexes. Members are listed through (org_id, name, id) or
// (org_id, role, name, id), trials by (org_id, status, id). Reminders are rows
// (org_id, key, claimed_at): a claim is INSERT … ON CONFLICT DO NOTHING, and the key's
// primary key makes each reminder go out once. Incidents (migration 0003) are documents
// too, projecting their discovery date (never NULL) and closing date (NULL while open),
// and are listed by (discovered_on, id) through (org_id, discovered_on, id), whole or in a
// discovery window, or through the same index partial to the open incidents. Risks,
// analyses and control decisions (migration 0004) are documents as well: a risk projects
// its status, its treatment due date (NULL unless it is being treated) and its acceptance
// review date (NULL unless it is accepted), so that the treatments and the reviews due in
// a window read the partial indexes (org_id, due_on, id) and (org_id, review_on, id) in
// order while the register, whole or open, is read by id through the primary key;
// analyses are listed through (org_id, year, id), and a catalog version's decisions
// through the primary key (org_id, catalog_version, control). Migration 0005 adds a
// vendor's name key ([vendors.NameKey]: case and white space do not count), filled in for
// the vendors stored before it and indexed (org_id, name_key, name, id), for the listing
// of one name. Every listing pages with a cursor on its order and a limit.
//
// Every aggregate's Get, Create and Update (the storage contract's Records) is written
// once, generically: an aggregate declares its table (its statements, its key columns,
// the columns it projects) and adds only its indexed queries. A derived date a query
// reads (a risk's treatment due date, its acceptance review date) is the domain's, not
// computed here.
//
// Audit entries and events are rows, their instants INTEGER microseconds since the Unix
// epoch in UTC, which reads back exactly what audit.Next produced; an audit entry finer
// than a microsecond is refused, since it could not be read back with its hash. Triggers
// keep audit_entries append-only.
//
// # Errors
//
// Errors are wrapped so that callers match them with the storage sentinels: a duplicate
// key is [storage.ErrExists], a stale version or a lock held past the busy timeout
// [storage.ErrConflict], a missing record [storage.ErrNotFound], a closed store
// [storage.ErrClosed], a used-up transaction [storage.ErrTxDone]; a cancelled context is
// its own error; any other failure of the database (an I/O error, a full disk, a corrupt
// file) is [storage.ErrUnavailable], SQLite's error behind it. A value that cannot be
// encoded (an unknown enum value) is refused with its validation error and nothing is
// written; a stored document that cannot be decoded is an error naming what could not
// be read (neither invalid input nor unavailable), never a panic.
package sqlite
