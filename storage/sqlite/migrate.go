package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"time"
)

//go:embed migration/*.sql
var migrationFiles embed.FS

// Migrations holds the schema migrations [Open] applies, one file per version named
// NNNN_name.sql (0001_init.sql, …), for tools that want to read or ship them. Open
// always applies the copy compiled into the package, whatever this variable holds.
var Migrations fs.FS = mustSub(migrationFiles, "migration")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant that the embed directive guarantees
	}
	return sub
}

// ErrSchemaTooNew is returned by [Open] when the database was migrated by a newer version
// of this package than the running one. Open changes nothing in that case; upgrade the
// program, or restore a backup taken before the newer version ran.
var ErrSchemaTooNew = errors.New("sqlite: database schema is newer than this program")

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^([0-9]{4})_([a-z0-9_]+)\.sql$`)

// loadMigrations reads NNNN_name.sql files from fsys, in version order, and checks that
// the versions run 1, 2, 3… without gaps or repeats.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("sqlite: migrations: %w", err)
	}
	var ms []migration
	for _, n := range names {
		m := migrationName.FindStringSubmatch(path.Base(n))
		if m == nil {
			return nil, fmt.Errorf("sqlite: migration file %q is not named NNNN_name.sql", n)
		}
		v, _ := strconv.Atoi(m[1])
		text, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("sqlite: migration %s: %w", n, err)
		}
		ms = append(ms, migration{version: v, name: m[2], sql: string(text)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("sqlite: migration %04d_%s: versions must run 1, 2, 3… without gaps or repeats, expected %d",
				m.version, m.name, i+1)
		}
	}
	return ms, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL -- UTC, ISO 8601 to the millisecond
) STRICT`

// appliedMigrations returns the recorded migrations by version, and whether the
// schema_migrations table exists. It only reads.
func appliedMigrations(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[int]string, bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`)
	if err != nil {
		return nil, false, err
	}
	var n int
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, false, err
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, false, err
	}
	applied := map[int]string{}
	if n == 0 {
		return applied, false, nil
	}
	rows, err = q.QueryContext(ctx, `SELECT version, name FROM schema_migrations`)
	if err != nil {
		return nil, true, err
	}
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			rows.Close()
			return nil, true, err
		}
		applied[v] = name
	}
	return applied, true, closeRows(rows)
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkApplied fails with ErrSchemaTooNew when the database records a migration this
// program does not know, and when a known version was recorded under another name (a
// database migrated by a diverging build).
func checkApplied(known []migration, applied map[int]string) error {
	var newest int
	for v := range applied {
		newest = max(newest, v)
	}
	if newest > len(known) {
		return fmt.Errorf("%w: it has migration %d (%s), this program knows up to %d",
			ErrSchemaTooNew, newest, applied[newest], len(known))
	}
	for _, m := range known {
		if name, ok := applied[m.version]; ok && name != m.name {
			return fmt.Errorf("sqlite: migration %d is %q in the database but %q in this program: the database was migrated by a different build",
				m.version, name, m.name)
		}
	}
	return nil
}

// migrate brings the schema on conn up to date. It reads first and writes nothing unless
// the schema is one this program knows; then it switches a file database to WAL (a
// setting kept in the file) and applies each missing migration in its own immediate
// transaction, which serializes it against other processes opening the same file. On a
// database that is up to date it only reads.
func migrate(ctx context.Context, conn *sql.Conn, known []migration, wal bool, busyTimeout time.Duration) error {
	applied, hasTable, err := appliedMigrations(ctx, conn)
	if err != nil {
		return fmt.Errorf("sqlite: read schema version: %w", err)
	}
	if err := checkApplied(known, applied); err != nil {
		return err
	}
	if wal {
		if err := setWAL(ctx, conn, busyTimeout); err != nil {
			return err
		}
	}
	if !hasTable {
		if _, err := conn.ExecContext(ctx, createMigrationsTable); err != nil {
			return fmt.Errorf("sqlite: create schema_migrations: %w", err)
		}
	}
	for _, m := range known {
		if _, ok := applied[m.version]; ok {
			continue
		}
		if err := applyMigration(ctx, conn, known, m); err != nil {
			return err
		}
	}
	return nil
}

// setWAL switches the database to WAL mode unless it is in it. The switch needs the
// database to itself, and SQLite refuses it at once (SQLITE_BUSY, without waiting in the
// busy handler) while another connection, such as another process opening the same new
// file, reads: it is retried until the busy timeout.
func setWAL(ctx context.Context, conn *sql.Conn, busyTimeout time.Duration) error {
	deadline := time.Now().Add(busyTimeout)
	for wait := time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		var mode string
		err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
		if err == nil && mode == "wal" {
			return nil
		}
		if err == nil {
			err = conn.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
		}
		switch {
		case err == nil && mode == "wal":
			return nil
		case err == nil:
			return fmt.Errorf("sqlite: set WAL mode: the database stays in %q mode", mode)
		case !isBusy(err) || time.Now().After(deadline):
			return fmt.Errorf("sqlite: set WAL mode: %w", err)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("sqlite: set WAL mode: %w", ctx.Err())
		}
	}
}

func applyMigration(ctx context.Context, conn *sql.Conn, known []migration, m migration) (err error) {
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see the DSN's _txlock)
	if err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	// Another process may have migrated between our read and our lock: look again.
	applied, _, err := appliedMigrations(ctx, tx)
	if err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	if err := checkApplied(known, applied); err != nil {
		return err
	}
	if _, ok := applied[m.version]; ok {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
		m.version, m.name); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: record: %w", m.version, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: commit: %w", m.version, m.name, err)
	}
	return nil
}
