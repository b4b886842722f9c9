// Package postgres is a [storage.Store] on PostgreSQL, for platforms that serve many
// practices from many app servers. It uses pgx v5 through a pgxpool.Pool and passes the
// conformance suite in storage/storagetest.
//
//	store, err := postgres.Open(ctx, "postgres://hipaaops@db.internal/compliance", postgres.Options{})
//	if err != nil { … }
//	defer store.Close()
//	engine := compliance.New(store, compliance.Options{})
//
// # Opening
//
// [Open] parses a connection string (pool settings such as pool_max_conns included),
// makes a pool and calls [New]; New takes a pool the embedder configured and keeps. Both
// ping the server first: one that cannot be reached is an error, and nothing is changed.
// Then they apply the schema migrations the database is missing, or with
// [Options.SkipMigrate] only check that it has all of them.
//
// # Migrations
//
// The schema lives in numbered SQL files embedded from migration/ ([Migrations]:
// 0001_init.sql, …). Each is applied once, in its own transaction, and records itself in
// schema_migrations (version, name, applied_at). Open applies them holding a session
// advisory lock (pg_advisory_lock on a fixed key), so that app servers starting together
// migrate once, one after the other; running Open again changes nothing. A database
// migrated by a newer version of this package is refused with [ErrSchemaTooNew], before
// anything is written.
//
// An embedder who runs its own migration tool sets SkipMigrate and applies the files of
// [Migrations] in order with that tool. Since each file inserts its own row into
// schema_migrations, Open finds the same record either way, and fails with
// [ErrSchemaTooOld] while migrations are missing. Tables are created in the first schema
// of the connection's search_path; a database that already has a schema_migrations table
// of another tool (golang-migrate and Rails use that name) should give hipaaops a schema
// of its own (e.g. search_path=hipaaops in the connection string).
//
// # Schema
//
// Organizations, vendors, task templates, tasks, workforce members and trials are stored
// as jsonb documents (doc) of the domain values, with the version and the columns the
// queries need beside them: a vendor's name, its name key ([vendors.NameKey], migration
// 0005, for a listing by name, case and spaces aside), category, BAA state and its next review,
// expiry and last activity dates; a task's state, due date, assignee, site, subject and
// series; a member's name, role and employment dates; a trial's status. A vendor date or
// a member's end date that is not set is NULL; a task's due date and a member's start
// date are never NULL (the zero date is stored as 0001-01-01, and sorts first). The
// vendor window queries have partial indexes over the BAA states they select
// (ReviewsDue: in force; Expiring: in force or expired; Stalled: requested or in
// negotiation), ordered by the date and then the id; every task index ends with
// (due_on, id), the order of task listings: open tasks by due date (partial, for the
// sweep), by person, by role, open tasks by site, by subject, by series. So each query
// reads only the rows it returns, in order. Incidents (migration 0003) are jsonb
// documents too, with their discovery date (never NULL) and closing date (NULL while the
// file is open) beside them, listed by (discovered_on, id) through an index on
// (org_id, discovered_on, id), whole or in a discovery window, or through the same index
// partial to the open incidents. Risks, analyses and control decisions (migration 0004)
// are jsonb documents as well: a risk has its status, its treatment due date (NULL unless
// it is being treated) and its acceptance review date (NULL unless it is accepted) beside
// it, so that the treatments and the reviews due in a window read the partial indexes
// (org_id, due_on, id) and (org_id, review_on, id) in order while the register, whole or
// open, is read by id through the primary key; analyses are listed through
// (org_id, year, id), and a catalog version's decisions through the primary key
// (org_id, catalog_version, control). A reminder claim is an INSERT … ON CONFLICT
// DO NOTHING into reminders. Text keys use the "C" collation: listings order by name
// then id byte-wise, as the other backends do, whatever the database's collation.
// Every aggregate is kept by the same generic code: a table's description (its name, key
// columns, indexed columns, and how to take them from a value) gives the Get, Create
// and Update statements, built once, and each aggregate adds only its indexed queries.
// Listings page in the order of their index: after the last row of a previous page, by
// a row comparison on the index's columns (e.g. (due_on, id) > ($2, $3)), with a LIMIT.
// Audit entries and events are rows; their instants are timestamptz, which keeps the
// microsecond (an audit entry finer than that is refused, since it could not be read
// back with its hash). jsonb does not keep the key order or spacing of an event's Data:
// it reads back as equivalent JSON.
//
// # Sharding
//
// Every primary key and index leads with org_id, every statement filters by the
// handle's organization, and no statement reads two organizations. So every table but
// schema_migrations can be distributed by org_id, for example with Citus (SELECT
// create_distributed_table('vendors', 'org_id'), and so on, with colocation), and each
// transaction then runs on the one node that holds its organization. schema_migrations
// stays a local table of the coordinator.
//
// # Concurrency and locking
//
// Write transactions of one organization are serialized: [storage.Org.Update] runs in
// READ COMMITTED and first takes pg_advisory_xact_lock on a 64-bit hash of the
// organization id, held until commit or rollback. So an organization's audit chain and
// event numbers never fork, every statement of a write transaction reads the latest
// committed rows, and writers of different vendors of the same organization all succeed,
// one after the other, while other organizations' writers do not wait at all. A stale
// version is caught by UPDATE … WHERE org_id = $1 AND id = $2 AND version = $3: no row
// updated means [storage.ErrConflict] if the record exists, [storage.ErrNotFound] if
// not. [Options.LockTimeout] bounds the wait for the lock ([storage.ErrConflict] past
// it); otherwise the context does.
//
// [storage.Org.View] runs a REPEATABLE READ, READ ONLY transaction: it reads one
// snapshot, takes no lock, never waits for writers and refuses writes.
//
// A transaction takes its connection from the pool at its first statement and sends
// BEGIN (and the lock) in the same round trip as that statement, so a View that reads
// one vendor costs one round trip, like the bare SELECT. A View's connection is rolled
// back and handed back to the pool in the background after it returns. A transaction
// that runs no statement costs nothing. A function passed to Update must not call Update
// on the same organization (it would wait for its own lock), and one that holds a
// transaction open while it starts others needs a pool large enough for both.
//
// Listings read all their rows and close them before yielding the first one (audit
// entries and events a thousand at a time), so the loop body may run other statements of
// the transaction. A transaction, and the iterators it returned, must not be used after
// its function returns ([storage.ErrTxDone]).
//
// # Errors
//
// Errors match the storage sentinels with errors.Is: a duplicate id is
// [storage.ErrExists]; a stale version, a serialization failure or deadlock (SQLSTATE
// 40001, 40P01) or a lock timeout (55P03) [storage.ErrConflict]; a missing record
// [storage.ErrNotFound]; a closed store [storage.ErrClosed]; a used-up transaction
// [storage.ErrTxDone]. A cancelled context fails with the context's error. Any other
// failure of the server, the connection or the driver, and a server that cannot be
// reached at Open, is wrapped with [storage.ErrUnavailable], never taken for bad input.
//
// Expected outcomes (ErrExists, ErrConflict, ErrNotFound) are found without a failing
// statement, so the transaction goes on as with the other backends. Values PostgreSQL
// would reject, which would abort the transaction, are refused before they are sent with
// a [validation.Error]: an unknown enum value, text that is not UTF-8 or contains NUL, a
// BAA, due or employment date before year 1 or after 294276. A key or filter that no
// stored row can hold (NUL, not UTF-8) is looked up without a statement: it finds
// nothing. If a statement fails anyway, the rest of the
// transaction fails with that error and Update returns it. A stored document that cannot
// be decoded is an error, never a panic.
//
// # Tests
//
// The package's tests and examples use storage/postgres/pgtest, which starts a
// throwaway server or uses the one named by HIPAAOPS_TEST_DATABASE_URL, and gives each
// test a database of its own. The examples need a server, so they have no Output line:
// go test compiles them, and TestExamples runs them against a test database.
package postgres
