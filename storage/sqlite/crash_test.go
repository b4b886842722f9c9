package sqlite_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/vendors"
)

// The crash test's child process reads these.
const (
	crashDBEnv    = "HIPAAOPS_SQLITE_CRASH_DB"
	crashRoundEnv = "HIPAAOPS_SQLITE_CRASH_ROUND"
)

var (
	crashOrg = org.ID("crash-clinic")
	crashNow = time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)
	crashDay = date.New(2026, time.March, 2)
)

func crashEngine(s storage.Store, round int) *compliance.Engine {
	var n atomic.Int64
	e, err := compliance.New(s, compliance.Options{
		Now:   func() time.Time { return crashNow },
		NewID: func(kind record.Kind) string { return fmt.Sprintf("r%d-%s-%d", round, kind, n.Add(1)) },
	})
	if err != nil {
		panic(err) // the default options are valid
	}
	return e
}

var crashActor = compliance.WithActor(context.Background(), compliance.Actor{ID: "u-crash", Name: "Crash Tester"})

// TestCrashChild is the child process of TestCrashSafety, not a test of its own: it
// writes through the engine until it is killed, printing "ACK id version state" after
// each write the engine reported committed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("the child process of TestCrashSafety; runs only when it starts it")
	}
	round, _ := strconv.Atoi(os.Getenv(crashRoundEnv))
	fail := func(format string, args ...any) {
		fmt.Printf("ERR "+format+"\n", args...)
		os.Exit(3)
	}
	s, err := sqlite.Open(crashActor, path, sqlite.Options{})
	if err != nil {
		fail("open: %v", err)
	}
	e := crashEngine(s, round)
	_, err = e.CreateOrganization(crashActor, org.Organization{ID: crashOrg, Name: "Crash Clinic", TimeZone: "America/Chicago"})
	if err != nil && !errors.Is(err, storage.ErrExists) {
		fail("create organization: %v", err)
	}
	var out sync.Mutex
	ack := func(v vendors.Vendor, err error) vendors.Vendor {
		if err != nil {
			fail("%v", err)
		}
		out.Lock()
		defer out.Unlock()
		// One write(2) per line, so the parent reads every line written before the kill.
		_, _ = os.Stdout.WriteString(fmt.Sprintf("ACK %s %d %s\n", v.ID, v.Version, v.BAA.State))
		return v
	}
	_, _ = os.Stdout.WriteString("READY\n")
	// Two writers, so that the kill also finds one queued behind the other.
	var wg sync.WaitGroup
	vs := e.Org(crashOrg).Vendors()
	for w := range 2 {
		wg.Go(func() {
			for i := 0; ; i++ {
				// Names are unique in an organization.
				name := fmt.Sprintf("Vendor %d-%d-%d", round, w, i)
				v := ack(vs.Add(crashActor, vendors.Vendor{Name: name, Category: vendors.CategoryPACS}))
				v = ack(vs.Determine(crashActor, v.Ref(), vendors.Determination{
					Outcome: vendors.OutcomeBusinessAssociate, Rationale: "stores images", DecidedOn: crashDay}))
				v = ack(vs.RequestBAA(crashActor, v.Ref(), vendors.Move{On: crashDay}))
				ack(vs.SignBAA(crashActor, v.Ref(), vendors.Signing{SignedOn: crashDay, EffectiveOn: crashDay,
					Clauses: vendors.ClauseValues(), ReportingDays: 30}))
			}
		})
	}
	wg.Wait()
}

// syncBuffer collects the child's stderr; the test reads it while the child writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type acked struct {
	version int64
	state   vendors.State
}

// TestCrashSafety kills a process that is writing through the engine (SIGKILL, 50 to 400
// ms after it starts writing), five times on the same file, and checks after each kill
// that every write the engine had acknowledged is in the database and that the audit
// chain verifies. The file accumulates across rounds, so each round also recovers a WAL
// left by a killed writer and continues a chain whose writer died mid-transaction.
func TestCrashSafety(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crash.db")
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	acks := map[vendors.ID]acked{}
	total := 0
	for round := range 5 {
		delay := time.Duration(50+rng.IntN(351)) * time.Millisecond
		n := crashRound(t, path, round, delay, acks)
		total += n
		t.Logf("round %d: killed after %v, %d writes acknowledged", round, delay, n)

		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err, "reopen after the kill")
		e := crashEngine(s, -1)
		for id, a := range acks {
			v, err := e.Org(crashOrg).Vendors().Get(crashActor, id)
			require.NoError(t, err, "acknowledged vendor %s is missing", id)
			require.GreaterOrEqual(t, v.Version, a.version, "vendor %s lost an acknowledged write", id)
			if v.Version == a.version {
				require.Equal(t, a.state, v.BAA.State, "vendor %s", id)
			}
		}
		st, err := e.Org(crashOrg).Audit().Verify(crashActor)
		require.NoError(t, err, "the audit chain verifies after the kill")
		var evs []event.Event
		require.NoError(t, s.Org(crashOrg).View(ctx, func(tx storage.Tx) error {
			for ev, err := range tx.Events().List(ctx, 0, 0) {
				if err != nil {
					return err
				}
				evs = append(evs, ev)
			}
			return nil
		}))
		// Each use case appends one entry and one event in its transaction: a torn one would
		// show as a difference.
		require.Len(t, evs, st.Entries, "audit entries and events were committed together")
		require.GreaterOrEqual(t, st.Entries, 1+total, "an audit entry per acknowledged write")
		require.NoError(t, s.Close())
	}
	require.Positive(t, total, "the child acknowledged writes")
}

// crashRound runs the child for one round and records its acknowledgements in acks.
func crashRound(t *testing.T, path string, round int, delay time.Duration, acks map[vendors.ID]acked) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashRoundEnv+"="+strconv.Itoa(round))
	var stderr syncBuffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	n := 0
	record := func(line string) {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "ERR":
			_ = cmd.Process.Kill()
			t.Fatalf("child failed: %s\n%s", line, stderr.String())
		case len(f) == 4 && f[0] == "ACK":
			version, err := strconv.ParseInt(f[2], 10, 64)
			require.NoError(t, err, line)
			id := vendors.ID(f[1])
			if version > acks[id].version {
				acks[id] = acked{version: version, state: vendors.State(f[3])}
			}
			n++
		}
	}
	ready := time.After(60 * time.Second)
wait:
	for {
		select {
		case line, ok := <-lines:
			require.True(t, ok, "child exited before it was ready:\n%s", stderr.String())
			if line == "READY" {
				break wait
			}
			record(line)
		case <-ready:
			_ = cmd.Process.Kill()
			t.Fatalf("child not ready after 60s:\n%s", stderr.String())
		}
	}
	kill := time.After(delay)
run:
	for {
		select {
		case line, ok := <-lines:
			require.True(t, ok, "child exited before it was killed:\n%s", stderr.String())
			record(line)
		case <-kill:
			require.NoError(t, cmd.Process.Kill()) // SIGKILL
			break run
		}
	}
	for line := range lines { // what it wrote before it died was acknowledged too
		record(line)
	}
	err = cmd.Wait()
	var exitErr *exec.ExitError
	require.ErrorAs(t, err, &exitErr, "the child ends by the kill")
	require.Contains(t, exitErr.String(), "killed")
	return n
}
