package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hipaaops/hipaaops/vendors"
)

//go:embed migration/*.sql
var migrationFiles embed.FS

// Migrations holds the schema migrations, one SQL file per version named
// NNNN_name.sql (0001_init.sql, …), to be applied in order, each in its own
// transaction. Each file records itself in schema_migrations. [Open] applies them
// unless [Options.SkipMigrate] is set; an embedder who runs its own migration tool
// applies these files with it.
var Migrations fs.FS = mustSub(migrationFiles, "migration")

// ErrSchemaTooNew is returned by [Open] and [New] when the database was migrated by a
// newer version of this package than the running one: the code does not know its
// schema and refuses to touch it.
var ErrSchemaTooNew = errors.New("postgres: database schema is newer than this version of hipaaops")

// ErrSchemaTooOld is returned by [Open] and [New] with [Options.SkipMigrate] when the
// database lacks migrations this package needs.
var ErrSchemaTooOld = errors.New("postgres: database schema is older than this version of hipaaops")

// migrateLockKey is the pg_advisory_lock key under which migrations run, so that
// several app servers starting at once migrate one after the other ("hipamigr").
const migrateLockKey int64 = 0x686970616d696772

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the embedded directory exists: it is compiled in
	}
	return sub
}

type migration struct {
	version int
	name    string // file name without .sql, e.g. "0001_init"
	sql     string
}

// migrations returns the embedded migrations in order; their versions run 1, 2, 3….
var migrations = sync.OnceValues(func() ([]migration, error) {
	names, err := fs.Glob(Migrations, "*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimSuffix(n, ".sql")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("postgres: migration %s is not named NNNN_name.sql", n)
		}
		b, err := fs.ReadFile(Migrations, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: path.Base(base), sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("postgres: migration %s: versions must run 1, 2, 3… without gaps", m.name)
		}
	}
	return ms, nil
})

// schemaVersion returns the migrations recorded in the database (version → name).
func schemaVersion(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
	Query(context.Context, string, ...any) (pgx.Rows, error)
}) (map[int]string, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, fmt.Errorf("postgres: read schema version: %w", err)
	}
	applied := map[int]string{}
	if !exists {
		return applied, nil
	}
	rows, err := q.Query(ctx, "SELECT version, name FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("postgres: read schema_migrations (a table of that name that is not hipaaops's? "+
			"keep hipaaops's tables in a schema of their own, with search_path): %w", err)
	}
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("postgres: read schema_migrations: %w", err)
		}
		applied[v] = name
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: read schema_migrations: %w", err)
	}
	return applied, nil
}

// checkSchema compares the recorded migrations with the embedded ones and returns those
// still to apply; ErrSchemaTooNew if the database knows a version the code does not.
func checkSchema(applied map[int]string, ms []migration) ([]migration, error) {
	for v, name := range applied {
		if v > len(ms) || v < 1 {
			return nil, fmt.Errorf("%w: it has migration %d (%s), this package knows up to %d", ErrSchemaTooNew, v, name, len(ms))
		}
		if ms[v-1].name != name {
			return nil, fmt.Errorf("postgres: migration %d is recorded as %q, this package has %q: not a hipaaops database", v, name, ms[v-1].name)
		}
	}
	var todo []migration
	for _, m := range ms {
		if _, ok := applied[m.version]; !ok {
			todo = append(todo, m)
		}
	}
	return todo, nil
}

// migrate applies the missing migrations under a session advisory lock.
func migrate(ctx context.Context, pool *pgxpool.Pool) (err error) {
	ms, err := migrations()
	if err != nil {
		return err
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLockKey); err != nil {
		return fmt.Errorf("postgres: migrate: wait for the migration lock: %w", err)
	}
	defer func() {
		if _, uerr := conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", migrateLockKey); uerr != nil {
			// Closing the session releases its advisory locks.
			_ = conn.Conn().Close(context.Background())
		}
	}()
	applied, err := schemaVersion(ctx, conn)
	if err != nil {
		return err
	}
	todo, err := checkSchema(applied, ms)
	if err != nil {
		return err
	}
	for _, m := range todo {
		if err := apply(ctx, conn.Conn(), m); err != nil {
			return err
		}
	}
	return nil
}

// fixups finish, in Go and in the migration's transaction, what a migration's SQL can
// only approximate. Another migration tool applies the SQL alone (see the migration).
var fixups = map[string]func(context.Context, pgx.Tx) error{
	"0005_vendor_name_key": rekeyVendors,
}

// rekeyVendors computes again, as vendors.NameKey does, the name key of the vendors
// whose name has non-ASCII characters, which the database may lower differently.
func rekeyVendors(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT org_id, id, name, name_key FROM vendors WHERE name ~ '[^\x01-\x7f]'`)
	if err != nil {
		return err
	}
	type rekey struct{ org, id, key string }
	var todo []rekey
	for rows.Next() {
		var org, id, name, key string
		if err := rows.Scan(&org, &id, &name, &key); err != nil {
			rows.Close()
			return err
		}
		if k := vendors.NameKey(name); k != key {
			todo = append(todo, rekey{org, id, k})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range todo {
		if _, err := tx.Exec(ctx, "UPDATE vendors SET name_key = $3 WHERE org_id = $1 AND id = $2", r.org, r.id, r.key); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration in its own transaction and checks that it recorded itself.
func apply(ctx context.Context, conn *pgx.Conn, m migration) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migration %s: %w", m.name, err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	// Without arguments Exec uses the simple protocol, which runs several statements.
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return fmt.Errorf("postgres: migration %s: %w", m.name, err)
	}
	if fix := fixups[m.name]; fix != nil {
		if err := fix(ctx, tx); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", m.name, err)
		}
	}
	var name string
	err = tx.QueryRow(ctx, "SELECT name FROM schema_migrations WHERE version = $1", m.version).Scan(&name)
	if err != nil || name != m.name {
		return fmt.Errorf("postgres: migration %s did not record itself in schema_migrations (%q): %v", m.name, name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: migration %s: commit: %w", m.name, err)
	}
	return nil
}

// checkVersion fails unless the database has exactly the embedded migrations.
func checkVersion(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	applied, err := schemaVersion(ctx, pool)
	if err != nil {
		return err
	}
	todo, err := checkSchema(applied, ms)
	if err != nil {
		return err
	}
	if len(todo) > 0 {
		names := make([]string, len(todo))
		for i, m := range todo {
			names[i] = m.name
		}
		return fmt.Errorf("%w: it lacks migrations %s; apply postgres.Migrations, or open without SkipMigrate",
			ErrSchemaTooOld, strings.Join(names, ", "))
	}
	return nil
}
