package pgtest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var ctx = context.Background()

// TestNewDatabase: each test gets an empty database of its own, dropped when it ends.
func TestNewDatabase(t *testing.T) {
	var names []string
	for i := range 2 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			url := pgtest.NewDatabase(t)
			conn, err := pgx.Connect(ctx, url)
			require.NoError(t, err)
			defer conn.Close(ctx)
			var name string
			var tables int
			require.NoError(t, conn.QueryRow(ctx, "SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')").Scan(&name, &tables))
			require.Zero(t, tables)
			_, err = conn.Exec(ctx, "CREATE TABLE mine (x int)")
			require.NoError(t, err)
			names = append(names, name)
		})
	}
	require.Len(t, names, 2)
	require.NotEqual(t, names[0], names[1])

	s, err := pgtest.Shared()
	require.NoError(t, err)
	conn, err := pgx.Connect(ctx, s.URL())
	require.NoError(t, err)
	defer conn.Close(ctx)
	var left int
	require.NoError(t, conn.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = ANY($1)", names).Scan(&left))
	require.Zero(t, left, "the databases were dropped when their tests ended")
}

// TestStartStop: a throwaway cluster runs as the postgres user when started by root,
// and Stop removes its directory.
func TestStartStop(t *testing.T) {
	if os.Getenv(pgtest.EnvURL) != "" {
		t.Skipf("%s names a server; the throwaway cluster is tested without it", pgtest.EnvURL)
	}
	s, err := pgtest.Start(ctx)
	if err != nil {
		pgtest.Unavailable(t, err)
	}
	defer s.Stop()
	conn, err := pgx.Connect(ctx, s.URL())
	require.NoError(t, err)
	var dir string
	var pid int
	require.NoError(t, conn.QueryRow(ctx, "SELECT current_setting('data_directory'), pg_backend_pid()").Scan(&dir, &pid))
	require.NoError(t, conn.Close(ctx))
	require.True(t, strings.HasPrefix(dir, os.TempDir()), dir)
	if os.Geteuid() == 0 {
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err == nil {
			require.NotContains(t, string(status), "\nUid:\t0\t", "the server does not run as root")
		}
	}
	require.NoError(t, s.Stop())
	_, err = os.Stat(dir)
	require.True(t, errors.Is(err, os.ErrNotExist), "the cluster's directory is removed")
	_, err = pgx.Connect(ctx, s.URL())
	require.Error(t, err, "the server is stopped")
}

// recorder is a testing.TB that records how a test would have ended.
type recorder struct {
	testing.TB
	ended string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Fatalf(format string, a ...any) { r.ended = "fatal: " + fmt.Sprintf(format, a...) }
func (r *recorder) Skipf(format string, a ...any)  { r.ended = "skip: " + fmt.Sprintf(format, a...) }

// TestUnavailable: without a server, CI fails the test; elsewhere it is skipped.
func TestUnavailable(t *testing.T) {
	for ci, want := range map[string]string{"true": "fatal: ", "1": "fatal: ", "": "skip: ", "false": "skip: "} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		pgtest.Unavailable(r, errors.New("no initdb"))
		require.True(t, strings.HasPrefix(r.ended, want), "CI=%q: %s", ci, r.ended)
		require.Contains(t, r.ended, "no initdb")
	}
}
