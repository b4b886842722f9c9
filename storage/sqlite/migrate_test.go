package sqlite_test

import (
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/vendors"
)

type appliedRow struct {
	Version   int
	Name      string
	AppliedAt string
}

func schemaMigrations(t *testing.T, db *sql.DB) []appliedRow {
	t.Helper()
	rows, err := db.QueryContext(ctx, `SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	require.NoError(t, err)
	defer rows.Close()
	var out []appliedRow
	for rows.Next() {
		var r appliedRow
		require.NoError(t, rows.Scan(&r.Version, &r.Name, &r.AppliedAt))
		out = append(out, r)
	}
	require.NoError(t, rows.Err())
	return out
}

// rawDB opens the file with the plain driver, bypassing the package, to tamper with it.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// dirState returns the name and content of every file in dir.
func dirState(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = b
	}
	return out
}

func TestMigrations(t *testing.T) {
	t.Run("EmbeddedFiles", func(t *testing.T) {
		names, err := fs.Glob(sqlite.Migrations, "*.sql")
		require.NoError(t, err)
		require.Equal(t, "0001_init.sql", names[0])
		for i, n := range names {
			require.Regexp(t, `^[0-9]{4}_[a-z0-9_]+\.sql$`, n)
			require.Equal(t, i+1, atoi(t, n[:4]), "versions run 1, 2, 3…")
		}
	})
	t.Run("IdempotentReopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "h.db")
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		first := schemaMigrations(t, sqlite.DB(s))
		names, _ := fs.Glob(sqlite.Migrations, "*.sql")
		require.Len(t, first, len(names), "one row per migration file")
		for i, r := range first {
			require.Equal(t, i+1, r.Version)
			require.Equal(t, names[i][5:len(names[i])-len(".sql")], r.Name)
			at, err := time.Parse("2006-01-02T15:04:05.000Z", r.AppliedAt)
			require.NoError(t, err, "applied_at is UTC ISO 8601")
			require.WithinDuration(t, time.Now(), at, time.Minute)
		}
		v := vendors.Vendor{ID: "v1", Name: "Acme", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
		require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }))
		require.NoError(t, s.Close())
		for range 2 {
			s, err := sqlite.Open(ctx, path, sqlite.Options{})
			require.NoError(t, err)
			require.Equal(t, first, schemaMigrations(t, sqlite.DB(s)), "nothing applied again")
			require.NoError(t, s.Org("o").View(ctx, func(tx storage.Tx) error {
				got, err := tx.Vendors().Get(ctx, "v1")
				require.Equal(t, "Acme", got.Name)
				return err
			}))
			require.NoError(t, s.Close())
		}
	})
	t.Run("ErrSchemaTooNew", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "h.db")
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		require.NoError(t, s.Close())
		db := rawDB(t, path)
		_, err = db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', 'x')`)
		require.NoError(t, err)
		require.NoError(t, db.Close())
		before := dirState(t, dir)

		_, err = sqlite.Open(ctx, path, sqlite.Options{})
		require.ErrorIs(t, err, sqlite.ErrSchemaTooNew)
		require.ErrorContains(t, err, "999")
		require.Equal(t, before, dirState(t, dir), "the database is left as it was")
	})
	t.Run("DivergentName", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "h.db")
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		require.NoError(t, s.Close())
		db := rawDB(t, path)
		_, err = db.ExecContext(ctx, `UPDATE schema_migrations SET name = 'something_else' WHERE version = 1`)
		require.NoError(t, err)
		require.NoError(t, db.Close())
		_, err = sqlite.Open(ctx, path, sqlite.Options{})
		require.ErrorContains(t, err, "different build")
	})
	t.Run("UpgradeFromEmptySQLiteFile", func(t *testing.T) {
		// A database some other tool created (with its own table) is migrated in place.
		path := filepath.Join(t.TempDir(), "h.db")
		db := rawDB(t, path)
		_, err := db.ExecContext(ctx, `CREATE TABLE other (x)`)
		require.NoError(t, err)
		require.NoError(t, db.Close())
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		require.Len(t, schemaMigrations(t, sqlite.DB(s)), migrationCount(t))
		require.NoError(t, s.Close())
	})
	t.Run("ConcurrentOpens", func(t *testing.T) {
		// Stores opening a new file at once (as processes would) migrate it exactly once.
		path := filepath.Join(t.TempDir(), "h.db")
		errs := make(chan error, 4)
		stores := make(chan *sqlite.Store, 4)
		for range 4 {
			go func() {
				s, err := sqlite.Open(ctx, path, sqlite.Options{})
				errs <- err
				stores <- s
			}()
		}
		for range 4 {
			require.NoError(t, <-errs)
			s := <-stores
			require.Len(t, schemaMigrations(t, sqlite.DB(s)), migrationCount(t), "each applied once")
			defer s.Close()
		}
	})
}

// migrationCount is the number of embedded migration files.
func migrationCount(t *testing.T) int {
	t.Helper()
	names, err := fs.Glob(sqlite.Migrations, "*.sql")
	require.NoError(t, err)
	return len(names)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		require.True(t, c >= '0' && c <= '9')
		n = n*10 + int(c-'0')
	}
	return n
}

func TestOpen(t *testing.T) {
	t.Run("NotADatabase", func(t *testing.T) {
		for name, content := range map[string]string{
			"text":  "vendor,baa\nAcme,signed\n",
			"short": "SQLite",
			"near":  "SQLite format 2\x00 and then some more bytes to fill a header",
		} {
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "notes.db")
				require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
				before := dirState(t, dir)
				_, err := sqlite.Open(ctx, path, sqlite.Options{})
				require.ErrorIs(t, err, sqlite.ErrNotDatabase)
				require.ErrorContains(t, err, path)
				require.Equal(t, before, dirState(t, dir), "the file is byte for byte unchanged and nothing was created beside it")
			})
		}
	})
	t.Run("MissingDirectory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "no", "such", "dir")
		_, err := sqlite.Open(ctx, filepath.Join(dir, "h.db"), sqlite.Options{})
		require.ErrorIs(t, err, fs.ErrNotExist)
		require.ErrorContains(t, err, dir)
		_, err = os.Stat(dir)
		require.ErrorIs(t, err, fs.ErrNotExist, "Open creates no directory")
	})
	t.Run("PathIsADirectory", func(t *testing.T) {
		_, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{})
		require.ErrorContains(t, err, "is a directory")
	})
	t.Run("EmptyPath", func(t *testing.T) {
		_, err := sqlite.Open(ctx, "", sqlite.Options{})
		require.ErrorContains(t, err, sqlite.MemoryPath)
	})
	t.Run("EmptyFile", func(t *testing.T) {
		// SQLite treats an empty file as an empty database.
		path := filepath.Join(t.TempDir(), "h.db")
		require.NoError(t, os.WriteFile(path, nil, 0o600))
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		require.NoError(t, s.Close())
	})
	t.Run("PathNeedingEscapes", func(t *testing.T) {
		// The path goes into a file: URI; characters that mean something there are escaped.
		dir := filepath.Join(t.TempDir(), "a dir?with#odd%chars")
		require.NoError(t, os.Mkdir(dir, 0o700))
		path := filepath.Join(dir, "h.db")
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		require.Equal(t, path, s.Path())
		require.NoError(t, s.Close())
		st, err := os.Stat(path)
		require.NoError(t, err)
		require.Positive(t, st.Size())
	})
	t.Run("Settings", func(t *testing.T) {
		s := openFile(t)
		defer s.Close()
		// Per-connection settings hold on the writer's connection and the readers'.
		for _, write := range []bool{true, false} {
			require.NoError(t, sqlite.WithConn(s, write, func(c *sql.Conn) error {
				for pragma, want := range map[string]string{
					"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000",
				} {
					var got string
					require.NoError(t, c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got))
					require.Equal(t, want, got, "%s (writer %v)", pragma, write)
				}
				return nil
			}))
		}
	})
	t.Run("Closed", func(t *testing.T) {
		s := openFile(t)
		require.NoError(t, s.Close())
		require.NoError(t, s.Close(), "Close twice is harmless")
		err := s.Org("o").Update(ctx, func(storage.Tx) error { return nil })
		require.ErrorIs(t, err, storage.ErrClosed)
		err = s.Org("o").View(ctx, func(storage.Tx) error { return nil })
		require.ErrorIs(t, err, storage.ErrClosed)
	})
	t.Run("CloseWaitsForTransactions", func(t *testing.T) {
		s := openFile(t)
		inside, release := make(chan struct{}), make(chan struct{})
		viewDone := make(chan error)
		go func() {
			viewDone <- s.Org("o").View(ctx, func(storage.Tx) error { close(inside); <-release; return nil })
		}()
		<-inside
		closed := make(chan error)
		go func() { closed <- s.Close() }()
		select {
		case <-closed:
			t.Fatal("Close returned while a transaction was running")
		case <-time.After(50 * time.Millisecond):
		}
		err := s.Org("o").Update(ctx, func(storage.Tx) error { return nil })
		require.ErrorIs(t, err, storage.ErrClosed, "no transaction starts once Close was called")
		close(release)
		require.NoError(t, <-viewDone)
		require.NoError(t, <-closed)
	})
	t.Run("InMemory", func(t *testing.T) {
		// Each in-memory store is its own database.
		a, err := sqlite.Open(ctx, sqlite.MemoryPath, sqlite.Options{})
		require.NoError(t, err)
		defer a.Close()
		b, err := sqlite.Open(ctx, sqlite.MemoryPath, sqlite.Options{})
		require.NoError(t, err)
		defer b.Close()
		v := vendors.Vendor{ID: "v1", Name: "Acme", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
		require.NoError(t, a.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }))
		err = b.Org("o").View(ctx, func(tx storage.Tx) error { _, err := tx.Vendors().Get(ctx, "v1"); return err })
		require.ErrorIs(t, err, storage.ErrNotFound)
		require.Equal(t, sqlite.MemoryPath, a.Path())
	})
}

// TestNameKeyMigration checks that migration 0005 fills the name key of the vendors
// stored before it, as vendors.NameKey computes it (Unicode case and white space), so a
// listing by name finds them.
func TestNameKeyMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	// Take the database back to its schema before 0005, then store vendors as the older
	// program did: without a name key.
	db := rawDB(t, path)
	for _, stmt := range []string{
		`DROP INDEX vendors_by_name_key`,
		`ALTER TABLE vendors DROP COLUMN name_key`,
		`DELETE FROM schema_migrations WHERE version = 5`,
		`INSERT INTO vendors (org_id, id, version, name, category, baa_state, doc) VALUES
		    ('o', 'v1', 1, '  Ünïon   PACS ', 'pacs', 'not_requested',
		     '{"id":"v1","name":"  Ünïon   PACS ","category":"pacs","baa":{"state":"not_requested"}}'),
		    ('o', 'v2', 1, 'Other', 'pacs', 'not_requested',
		     '{"id":"v2","name":"Other","category":"pacs","baa":{"state":"not_requested"}}')`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, db.Close())

	s, err = sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	defer s.Close()
	require.Len(t, schemaMigrations(t, sqlite.DB(s)), migrationCount(t))
	var got []vendors.ID
	require.NoError(t, s.Org("o").View(ctx, func(tx storage.Tx) error {
		for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{Name: "ÜNÏON pacs"}) {
			if err != nil {
				return err
			}
			got = append(got, v.ID)
		}
		return nil
	}))
	require.Equal(t, []vendors.ID{"v1"}, got)
}
