// Package pgtest gives tests a real PostgreSQL database of their own.
//
// A test asks for a fresh, empty database with [NewDatabase] and gets its connection
// string; the database is dropped when the test ends:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		url := pgtest.NewDatabase(t)
//		store, err := postgres.Open(ctx, url, postgres.Options{})
//		…
//	}
//
// # Which server
//
// When the environment variable HIPAAOPS_TEST_DATABASE_URL is set ([EnvURL]), the
// databases are created on that server: the URL names a database to connect to as a role
// allowed to CREATE DATABASE (e.g. postgres://postgres@localhost:5432/postgres).
// Otherwise the first test that asks starts a throwaway cluster for the whole test
// binary: it finds initdb and postgres under /usr/lib/postgresql/<N>/bin (the newest N),
// on PATH, or in the directory PG_BINDIR names, runs initdb --no-sync in a new directory
// under [os.TempDir], and starts postgres on a free port of 127.0.0.1 with its unix
// socket in that directory and fsync off. As root (PostgreSQL refuses to run as root)
// both run as the postgres user, and the directory is made over to that user. [Main]
// stops the server and removes the directory when the tests are done; the server also
// gets SIGQUIT if the test binary dies first.
//
// # When there is no server
//
// If no server can be started, a test that asks for a database fails when the
// environment variable CI is true, so a CI job never passes by skipping its database
// tests, and is skipped with the reason otherwise.
//
// # Databases
//
// Each database is created from template0 with a unique name (hipaaops_test_<pid>_<n>),
// owned by the server's superuser in the throwaway cluster or by the role of
// HIPAAOPS_TEST_DATABASE_URL, and dropped WITH (FORCE) in the test's cleanup.
package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL is the environment variable that names an existing server to use instead of a
// throwaway one.
const EnvURL = "HIPAAOPS_TEST_DATABASE_URL"

// Server is a PostgreSQL server on which tests create databases.
type Server struct {
	// adminURL connects to the server's maintenance database as a role that may
	// create databases.
	adminURL string
	// dir, cmd and logPath are set for a throwaway cluster this process started.
	dir     string
	cmd     *exec.Cmd
	exited  chan struct{}
	logPath string
	// strategy is " STRATEGY FILE_COPY" on servers that know it (15 and later).
	strategy string
	seq      atomic.Int64
	stopOnce sync.Once
	stopErr  error
}

var (
	sharedOnce   sync.Once
	sharedServer *Server
	sharedErr    error
)

// Shared returns the server every test of this binary uses, starting it on first use:
// the one HIPAAOPS_TEST_DATABASE_URL names, else a throwaway cluster.
func Shared() (*Server, error) {
	sharedOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if u := os.Getenv(EnvURL); u != "" {
			sharedServer, sharedErr = Connect(ctx, u)
		} else {
			sharedServer, sharedErr = Start(ctx)
		}
	})
	return sharedServer, sharedErr
}

// Main runs the tests of m and then stops the shared server if one was started, and
// exits. Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if err := stopShared(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
	}
	os.Exit(code)
}

func stopShared() error {
	if sharedServer == nil {
		return nil
	}
	return sharedServer.Stop()
}

// NewDatabase creates a fresh, empty database for t on the shared server and returns
// its connection string; the database is dropped when t ends. Without a server it fails
// t when CI is true and skips it otherwise.
func NewDatabase(t testing.TB) string {
	t.Helper()
	s, err := Shared()
	if err != nil {
		Unavailable(t, err)
	}
	u, err := s.CreateDatabase(context.Background())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := s.DropDatabase(context.Background(), u); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return u
}

// Unavailable ends t because no server is available: t.Fatal when the environment
// variable CI is true, t.Skip otherwise.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if InCI() {
		t.Fatalf("pgtest: no PostgreSQL server, and CI must not skip database tests: %v", err)
		return
	}
	t.Skipf("pgtest: skipping, no PostgreSQL server (set %s, or install PostgreSQL): %v", EnvURL, err)
}

// InCI reports whether the environment variable CI is set to a true value.
func InCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// Connect returns a server for the existing PostgreSQL that adminURL reaches; Stop
// leaves it running.
func Connect(ctx context.Context, adminURL string) (*Server, error) {
	s := &Server{adminURL: adminURL}
	if err := s.probe(ctx); err != nil {
		return nil, fmt.Errorf("pgtest: server of %s: %w", EnvURL, err)
	}
	return s, nil
}

// Start starts a throwaway cluster in a new directory under os.TempDir; Stop stops it
// and removes the directory.
func Start(ctx context.Context) (_ *Server, err error) {
	bin, err := findBinDir()
	if err != nil {
		return nil, err
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("pgtest: running as root, and PostgreSQL must run as another user: %w", err)
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("pgtest: user postgres: %w", err)
		}
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	dir, err := os.MkdirTemp("", "hipaaops-pgtest-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	s := &Server{dir: dir, logPath: filepath.Join(dir, "postgres.log")}
	defer func() {
		if err != nil {
			_ = s.Stop()
		}
	}()
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return nil, fmt.Errorf("pgtest: %w", err)
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "--no-sync", "-A", "trust",
		"-U", "postgres", "-E", "UTF8", "--locale=C")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Env = append(os.Environ(), "LC_ALL=C")
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}
	// A port can be taken between finding it free and the server binding it: try again.
	for attempt := 0; ; attempt++ {
		err = s.startPostgres(ctx, bin, data, cred)
		if err == nil || attempt == 4 || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Server) startPostgres(ctx context.Context, bin, data string, cred *syscall.Credential) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	logf, err := os.OpenFile(s.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port),
		"-k", s.dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200")
	cmd.Dir = s.dir
	// Setpgid keeps ^C in the terminal from reaching the server before Stop does; the
	// parent-death signal stops it if the test binary dies without calling Stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pgtest: start postgres: %w", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	s.cmd, s.exited = cmd, exited
	s.adminURL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=5", port)

	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-exited:
			s.cmd = nil
			return fmt.Errorf("pgtest: postgres exited while starting:\n%s", s.logTail())
		default:
		}
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := s.probe(pctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			s.kill()
			return fmt.Errorf("pgtest: postgres not ready: %w\n%s", err, s.logTail())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// probe connects to the admin database and learns the server's version.
func (s *Server) probe(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, s.adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var version int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil {
		return err
	}
	if version >= 150000 {
		s.strategy = " STRATEGY FILE_COPY"
	}
	return nil
}

func (s *Server) logTail() string {
	b, _ := os.ReadFile(s.logPath)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// URL returns the connection string of the server's maintenance database.
func (s *Server) URL() string { return s.adminURL }

// CreateDatabase creates an empty database with a unique name and returns its
// connection string.
func (s *Server) CreateDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("hipaaops_test_%d_%d", os.Getpid(), s.seq.Add(1))
	conn, err := pgx.Connect(ctx, s.adminURL)
	if err != nil {
		return "", fmt.Errorf("create database: %w", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0"+s.strategy); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return withDatabase(s.adminURL, name)
}

// DropDatabase drops a database CreateDatabase made, closing its connections.
func (s *Server) DropDatabase(ctx context.Context, connString string) error {
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, s.adminURL)
	if err != nil {
		return fmt.Errorf("drop database: %w", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{cfg.Database}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", cfg.Database, err)
	}
	return nil
}

// Stop stops a throwaway cluster and removes its directory; for a server given by
// HIPAAOPS_TEST_DATABASE_URL it does nothing.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if s.cmd != nil {
			// SIGQUIT is PostgreSQL's immediate shutdown: the cluster is thrown away.
			_ = s.cmd.Process.Signal(syscall.SIGQUIT)
			select {
			case <-s.exited:
			case <-time.After(15 * time.Second):
				s.kill()
				<-s.exited
			}
			s.cmd = nil
		}
		if s.dir != "" {
			s.stopErr = os.RemoveAll(s.dir)
		}
	})
	return s.stopErr
}

func (s *Server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	}
}

// findBinDir returns the directory holding initdb and postgres.
func findBinDir() (string, error) {
	has := func(dir string) bool {
		for _, b := range []string{"initdb", "postgres"} {
			if fi, err := os.Stat(filepath.Join(dir, b)); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	if dir := os.Getenv("PG_BINDIR"); dir != "" {
		if has(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("pgtest: PG_BINDIR=%s has no initdb and postgres", dir)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	// Newest major version first: 9.6 < 10 < 15.
	slices.SortFunc(dirs, func(a, b string) int { return -compareVersions(versionOf(a), versionOf(b)) })
	for _, d := range dirs {
		if has(d) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil && has(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := string(bytes.TrimSpace(out)); has(d) {
			return d, nil
		}
	}
	return "", errors.New("pgtest: no PostgreSQL server binaries (initdb, postgres) under /usr/lib/postgresql/*/bin, on PATH or in PG_BINDIR")
}

func versionOf(binDir string) string { return filepath.Base(filepath.Dir(binDir)) }

func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(pa), len(pb)); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// withDatabase returns connString with its database replaced by name; connString is a
// URL (postgres://…) or keyword/value settings.
func withDatabase(connString, name string) (string, error) {
	if strings.HasPrefix(connString, "postgres://") || strings.HasPrefix(connString, "postgresql://") {
		u, err := url.Parse(connString)
		if err != nil {
			return "", fmt.Errorf("pgtest: %w", err)
		}
		u.Path = "/" + name
		u.RawPath = ""
		return u.String(), nil
	}
	// In keyword/value settings a later keyword overrides an earlier one.
	return connString + " dbname=" + name, nil
}
