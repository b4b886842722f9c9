package postgres_test

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/storage/postgres/pgtest"
	"github.com/hipaaops/hipaaops/vendors"
)

// migrationNames lists the embedded migrations, e.g. "0001_init".
func migrationNames(t *testing.T) []string {
	t.Helper()
	files, err := fs.Glob(postgres.Migrations, "*.sql")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for i := range files {
		files[i] = strings.TrimSuffix(files[i], ".sql")
	}
	return files
}

type migrationRow struct {
	Version   int
	Name      string
	AppliedAt time.Time
}

func recorded(t *testing.T, conn interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}) []migrationRow {
	t.Helper()
	rows, err := conn.Query(ctx, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
	require.NoError(t, err)
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[migrationRow])
	require.NoError(t, err)
	return got
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}

func TestMigrate(t *testing.T) {
	names := migrationNames(t)

	t.Run("FilesRecordThemselves", func(t *testing.T) {
		for i, name := range names {
			b, err := fs.ReadFile(postgres.Migrations, name+".sql")
			require.NoError(t, err)
			require.Regexp(t, `^\d{4}_[a-z0-9_]+$`, name)
			want := fmt.Sprintf(`INSERT INTO schema_migrations \(version, name\) VALUES \(%d, '%s'\);`, i+1, regexp.QuoteMeta(name))
			require.Regexp(t, want, string(b), "each migration records itself, so other tools leave the same record")
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		s, url := openStore(t, postgres.Options{})
		require.NoError(t, s.Close())
		conn := connect(t, url)
		first := recorded(t, conn)
		require.Len(t, first, len(names))
		for i, r := range first {
			require.Equal(t, i+1, r.Version)
			require.Equal(t, names[i], r.Name)
		}
		for range 2 {
			again, err := postgres.Open(ctx, url, postgres.Options{})
			require.NoError(t, err)
			require.NoError(t, again.Close())
		}
		require.Equal(t, first, recorded(t, conn), "opening again applies nothing")
	})

	t.Run("ConcurrentOpens", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		const servers = 6
		var wg sync.WaitGroup
		errs := make([]error, servers)
		start := make(chan struct{})
		for i := range servers {
			wg.Go(func() {
				<-start
				s, err := postgres.Open(ctx, url, postgres.Options{})
				if err == nil {
					err = s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
						_, err := tx.Vendors().Get(ctx, "nope")
						if err != nil && !strings.Contains(err.Error(), "not found") {
							return err
						}
						return nil
					})
					_ = s.Close()
				}
				errs[i] = err
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			require.NoError(t, err, "app server %d", i)
		}
		rows := recorded(t, connect(t, url))
		require.Len(t, rows, len(names), "every migration was applied exactly once")
	})

	t.Run("SchemaTooNew", func(t *testing.T) {
		s, url := openStore(t, postgres.Options{})
		require.NoError(t, s.Close())
		conn := connect(t, url)
		_, err := conn.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, 'from_the_future')", len(names)+1)
		require.NoError(t, err)
		before := recorded(t, conn)
		for _, skip := range []bool{false, true} {
			_, err = postgres.Open(ctx, url, postgres.Options{SkipMigrate: skip})
			require.ErrorIs(t, err, postgres.ErrSchemaTooNew, "SkipMigrate %v", skip)
			require.Contains(t, err.Error(), "from_the_future")
		}
		require.Equal(t, before, recorded(t, conn), "nothing was written")
	})

	t.Run("SkipMigrateUnmigrated", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		_, err := postgres.Open(ctx, url, postgres.Options{SkipMigrate: true})
		require.ErrorIs(t, err, postgres.ErrSchemaTooOld)
		require.Contains(t, err.Error(), names[0], "the error names the missing migrations")
		var exists bool
		require.NoError(t, connect(t, url).QueryRow(ctx, "SELECT to_regclass('vendors') IS NOT NULL").Scan(&exists))
		require.False(t, exists, "SkipMigrate creates nothing")
	})

	t.Run("SkipMigrateOtherTool", func(t *testing.T) {
		// Another tool applies the files in order, each in a transaction, as psql -1 would.
		url := pgtest.NewDatabase(t)
		conn := connect(t, url)
		for _, name := range names {
			b, err := fs.ReadFile(postgres.Migrations, name+".sql")
			require.NoError(t, err)
			require.NoError(t, pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, string(b))
				return err
			}))
		}
		s, err := postgres.Open(ctx, url, postgres.Options{SkipMigrate: true})
		require.NoError(t, err)
		defer s.Close()
		require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			return tx.Organization().Create(ctx, ptr(newOrg("org-a")))
		}))
	})

	t.Run("UpgradeFromPrevious", func(t *testing.T) {
		// A database migrated by the previous release, with data, gets the migrations it
		// lacks on Open; its data stays.
		require.Greater(t, len(names), 1)
		url := pgtest.NewDatabase(t)
		conn := connect(t, url)
		for _, name := range names[:len(names)-1] {
			b, err := fs.ReadFile(postgres.Migrations, name+".sql")
			require.NoError(t, err)
			require.NoError(t, pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, string(b))
				return err
			}))
		}
		_, err := conn.Exec(ctx, `INSERT INTO vendors (org_id, id, version, name, category, baa_state, doc)
VALUES ('org-a', 'v1', 1, 'Acme', 'pacs', 'requested', '{"id":"v1","name":"Acme","category":"pacs","baa":{"state":"requested"}}'),
       ('org-a', 'v2', 1, E' ÉCOLE\u00a0 Labs\t', 'pacs', 'requested', '{"id":"v2","name":" ÉCOLE\u00a0 Labs\t","category":"pacs","baa":{"state":"requested"}}')`)
		require.NoError(t, err)
		_, err = postgres.Open(ctx, url, postgres.Options{SkipMigrate: true})
		require.ErrorIs(t, err, postgres.ErrSchemaTooOld)
		require.Contains(t, err.Error(), names[len(names)-1])

		s, err := postgres.Open(ctx, url, postgres.Options{})
		require.NoError(t, err)
		defer s.Close()
		rows := recorded(t, conn)
		require.Len(t, rows, len(names))
		require.Equal(t, names[len(names)-1], rows[len(rows)-1].Name)
		require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			v, err := tx.Vendors().Get(ctx, "v1")
			require.NoError(t, err)
			require.Equal(t, "Acme", v.Name)
			// 0005 keyed the stored names as vendors.NameKey does, non-ASCII letters and
			// white space included.
			for name, id := range map[string]vendors.ID{"ACME": "v1", "école labs": "v2", "  École   LABS": "v2"} {
				var got []vendors.ID
				for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{Name: name}) {
					require.NoError(t, err)
					got = append(got, v.ID)
				}
				require.Equal(t, []vendors.ID{id}, got, name)
			}
			_, err = tx.Reminders().Claim(ctx, "k", time.Now())
			return err
		}))
	})

	t.Run("ForeignSchemaMigrations", func(t *testing.T) {
		// golang-migrate keeps its own schema_migrations (version, dirty).
		url := pgtest.NewDatabase(t)
		_, err := connect(t, url).Exec(ctx, "CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)")
		require.NoError(t, err)
		_, err = postgres.Open(ctx, url, postgres.Options{})
		require.ErrorContains(t, err, "schema of their own")
	})

	t.Run("PoolOfCaller", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		pool, err := pgxpool.New(ctx, url)
		require.NoError(t, err)
		defer pool.Close()
		s, err := postgres.New(ctx, pool, postgres.Options{})
		require.NoError(t, err)
		require.NoError(t, s.Close())
		require.ErrorIs(t, s.Org("org-a").View(ctx, func(storage.Tx) error { return nil }), storage.ErrClosed)
		require.NoError(t, s.Close(), "Close twice is harmless")
		require.NoError(t, pool.Ping(ctx), "Close leaves the caller's pool open")
	})
}

// TestOpenUnreachable: a server that does not answer is a clear error at Open, quickly.
func TestOpenUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close()) // nothing listens there now
	url := fmt.Sprintf("postgres://hipaaops@127.0.0.1:%d/compliance?sslmode=disable&connect_timeout=2", port)
	began := time.Now()
	s, err := postgres.Open(ctx, url, postgres.Options{})
	require.Error(t, err)
	require.Nil(t, s)
	require.Less(t, time.Since(began), 30*time.Second, "connect_timeout=2: it gives up, it does not hang")
	require.ErrorContains(t, err, "cannot reach the database server at 127.0.0.1:"+fmt.Sprint(port))
	t.Log(err)

	_, err = postgres.Open(ctx, "postgres://%zz", postgres.Options{})
	require.ErrorContains(t, err, "postgres:", "a bad connection string is an error, not a panic")
}
