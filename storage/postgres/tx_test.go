package postgres_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

func ptr[T any](v T) *T { return &v }

func newOrg(id org.ID) org.Organization {
	return org.Organization{ID: id, Name: "Practice " + string(id), TimeZone: "America/Chicago",
		CreatedAt: time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)}
}

func newVendor(id vendors.ID, name string) vendors.Vendor {
	return vendors.Vendor{ID: id, Name: name, Category: vendors.CategoryPACS,
		BAA: vendors.BAA{State: vendors.StateRequested, RequestedOn: base, LastActivityOn: base}}
}

func addVendors(t *testing.T, s storage.Store, o org.ID, vs ...vendors.Vendor) {
	t.Helper()
	require.NoError(t, s.Org(o).Update(ctx, func(tx storage.Tx) error {
		for i := range vs {
			if err := tx.Vendors().Create(ctx, &vs[i]); err != nil {
				return err
			}
		}
		return nil
	}))
}

func getVendor(t *testing.T, s storage.Store, o org.ID, id vendors.ID) (v vendors.Vendor) {
	t.Helper()
	require.NoError(t, s.Org(o).View(ctx, func(tx storage.Tx) (err error) {
		v, err = tx.Vendors().Get(ctx, id)
		return err
	}))
	return v
}

// waitForLockWaiters waits until n transactions wait for an advisory lock.
func waitForLockWaiters(t *testing.T, pool *pgxpool.Pool, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		require.NoError(t, pool.QueryRow(ctx,
			"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").Scan(&waiting))
		if waiting == n {
			return
		}
		require.True(t, time.Now().Before(deadline), "%d transactions wait for the organization's lock, want %d", waiting, n)
		time.Sleep(5 * time.Millisecond)
	}
}

// TestWritersTakeTurns: two transactions update the same vendor from the same version;
// the second waits for the first's organization lock, then finds the version stale:
// exactly one ErrConflict. A writer of another vendor of the organization waits its turn
// and succeeds; a writer of another organization does not wait.
func TestWritersTakeTurns(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	addVendors(t, s, "org-a", newVendor("v1", "Acme"), newVendor("v2", "Beta"))
	read := getVendor(t, s, "org-a", "v1")

	holding, release := make(chan struct{}), make(chan struct{})
	errs := make(chan error, 3)
	go func() {
		errs <- s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			a := read
			a.Name = "First"
			if err := tx.Vendors().Update(ctx, &a); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	go func() {
		errs <- s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			b := read
			b.Name = "Second"
			return tx.Vendors().Update(ctx, &b)
		})
	}()
	waitForLockWaiters(t, pool, 1)
	go func() {
		errs <- s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			v, err := tx.Vendors().Get(ctx, "v2")
			if err != nil {
				return err
			}
			v.Notes = "other vendor"
			return tx.Vendors().Update(ctx, &v)
		})
	}()
	waitForLockWaiters(t, pool, 2)

	// Another organization writes while org-a's lock is held.
	quick, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	require.NoError(t, s.Org("org-b").Update(quick, func(tx storage.Tx) error {
		return tx.Vendors().Create(quick, ptr(newVendor("v1", "B's own")))
	}))

	close(release)
	var conflicts, ok int
	for range 3 {
		err := <-errs
		switch {
		case err == nil:
			ok++
		case errors.Is(err, storage.ErrConflict):
			conflicts++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	require.Equal(t, 1, conflicts)
	require.Equal(t, 2, ok)
	got := getVendor(t, s, "org-a", "v1")
	require.Equal(t, "First", got.Name)
	require.EqualValues(t, 2, got.Version)
	require.EqualValues(t, 2, getVendor(t, s, "org-a", "v2").Version)
}

// TestLockWait: the wait for an organization's lock ends with Options.LockTimeout
// (ErrConflict) or with the context.
func TestLockWait(t *testing.T) {
	s, url := openStore(t, postgres.Options{})
	addVendors(t, s, "org-a", newVendor("v1", "Acme"))
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			if _, err := tx.Vendors().Get(ctx, "v1"); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	write := func(ctx context.Context) func(tx storage.Tx) error {
		return func(tx storage.Tx) error { return tx.Events().Append(ctx, &event.Event{Type: "x", At: time.Now()}) }
	}

	impatient, err := postgres.Open(ctx, url, postgres.Options{LockTimeout: 50 * time.Millisecond})
	require.NoError(t, err)
	defer impatient.Close()
	err = impatient.Org("org-a").Update(ctx, write(ctx))
	require.ErrorIs(t, err, storage.ErrConflict)
	require.ErrorContains(t, err, "lock timeout")

	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	err = s.Org("org-a").Update(short, write(short))
	require.ErrorIs(t, err, context.DeadlineExceeded)

	close(release)
	require.NoError(t, <-done)
	// The lock and the connections were released: writers go on.
	require.NoError(t, s.Org("org-a").Update(ctx, write(ctx)))
	require.NoError(t, impatient.Org("org-a").Update(ctx, write(ctx)))
}

// TestExpectedErrorsKeepTx: ErrExists, ErrConflict and ErrNotFound are found without a
// failing statement, so the transaction goes on and commits, as with the other backends.
func TestExpectedErrorsKeepTx(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	addVendors(t, s, "org-a", newVendor("v1", "Acme"))
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		require.ErrorIs(t, tx.Vendors().Create(ctx, ptr(newVendor("v1", "Dup"))), storage.ErrExists)
		stale := newVendor("v1", "Stale")
		stale.Version = 7
		require.ErrorIs(t, tx.Vendors().Update(ctx, &stale), storage.ErrConflict)
		require.EqualValues(t, 7, stale.Version, "a refused update leaves the version alone")
		_, err := tx.Vendors().Get(ctx, "nope")
		require.ErrorIs(t, err, storage.ErrNotFound)
		require.ErrorIs(t, tx.Audit().Append(ctx, audit.Next(&audit.Entry{Seq: 4, Hash: "x"}, audit.Entry{At: time.Now()})), storage.ErrConflict)
		return tx.Vendors().Create(ctx, ptr(newVendor("v2", "After")))
	}))
	require.Equal(t, "After", getVendor(t, s, "org-a", "v2").Name)
}

// TestRefusedValues: values PostgreSQL would reject are refused before they are sent,
// with a validation error, and the transaction goes on.
func TestRefusedValues(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		bad := map[string]vendors.Vendor{}
		v := newVendor("v1", "Nul\x00Name")
		bad["NUL in name"] = v
		v = newVendor("v1", "Acme")
		v.Notes = "nul \x00 in the document"
		bad["NUL in doc"] = v
		v = newVendor("v1", "Acme")
		v.BAA.NextReviewOn = date.Zero - 1
		bad["date before year 1"] = v
		v = newVendor("v1", "Acme")
		v.BAA.ExpiresOn = date.Max()
		bad["date after 294276"] = v
		v = newVendor("v1", "Bad\xffUTF8")
		bad["not UTF-8"] = v
		for name, v := range bad {
			require.ErrorIs(t, tx.Vendors().Create(ctx, &v), validation.ErrInvalid, name)
		}
		v = newVendor("v1", "Acme")
		v.BAA.State = "bogus"
		require.Error(t, tx.Vendors().Create(ctx, &v), "an unknown state is refused by its MarshalText")
		require.ErrorIs(t, tx.Events().Append(ctx, &event.Event{Type: "x", Data: json.RawMessage(`{"s":"\u0000"}`)}), validation.ErrInvalid)
		e := audit.Next(nil, audit.Entry{At: time.Now()})
		e.At = e.At.Add(time.Nanosecond)
		require.ErrorContains(t, tx.Audit().Append(ctx, e), "finer than a microsecond")
		// An escaped backslash before "u0000" is no NUL.
		require.NoError(t, tx.Events().Append(ctx, &event.Event{Type: "x", Data: json.RawMessage(`{"s":"\\u0000"}`)}))
		return tx.Vendors().Create(ctx, ptr(newVendor("v1", "Acme")))
	}))
	require.Equal(t, "Acme", getVendor(t, s, "org-a", "v1").Name)
	require.ErrorIs(t, s.Org("bad\x00org").View(ctx, func(storage.Tx) error { return nil }), validation.ErrInvalid)
}

// TestFailedStatementFailsTx: a statement the server rejects aborts the transaction;
// later statements and Update say so, and nothing is stored.
func TestFailedStatementFailsTx(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	err := s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		require.NoError(t, tx.Vendors().Create(ctx, ptr(newVendor("v1", "Acme"))))
		require.Error(t, tx.Events().Append(ctx, &event.Event{Type: "x", Data: json.RawMessage(`{not json`)}))
		_, err := tx.Vendors().Get(ctx, "v1")
		require.ErrorContains(t, err, "aborted")
		return nil // the caller ignores the failure
	})
	require.ErrorContains(t, err, "rolled back")
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		_, err := tx.Vendors().Get(ctx, "v1")
		require.ErrorIs(t, err, storage.ErrNotFound)
		return nil
	}))
}

// TestBadStoredData: a stored document that cannot be decoded is an error, never a panic.
func TestBadStoredData(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	addVendors(t, s, "org-a", newVendor("v1", "Acme"), newVendor("v2", "Beta"))
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		return tx.Organization().Create(ctx, ptr(newOrg("org-a")))
	}))
	pool := postgres.Pool(s)
	for _, doc := range []string{`{"baa":{"state":"bogus"}}`, `[1, 2]`, `"text"`, `{"created_at":"yesterday"}`} {
		_, err := pool.Exec(ctx, "UPDATE vendors SET doc = $1 WHERE id = 'v1'", doc)
		require.NoError(t, err)
		_, err = pool.Exec(ctx, "UPDATE organizations SET doc = $1", doc)
		require.NoError(t, err)
		require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
			_, err := tx.Vendors().Get(ctx, "v1")
			require.ErrorContains(t, err, "cannot be read", doc)
			require.NotErrorIs(t, err, validation.ErrInvalid, "stored data is not the caller's bad input")
			require.NotErrorIs(t, err, storage.ErrUnavailable, doc)
			var listErr error
			for _, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
				if err != nil {
					listErr = err
				}
			}
			require.ErrorContains(t, listErr, `vendor "v1"`, doc)
			if doc != `{"baa":{"state":"bogus"}}` && doc != `{"created_at":"yesterday"}` {
				_, err = tx.Organization().Get(ctx)
				require.ErrorContains(t, err, "cannot be read", doc)
			}
			_, err = tx.Vendors().Get(ctx, "v2")
			return err // the transaction is still usable
		}))
	}
}

// TestViewSnapshot: a View reads one snapshot, whatever commits meanwhile.
func TestViewSnapshot(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	addVendors(t, s, "org-a", newVendor("v1", "Acme"))
	count := func(tx storage.Tx) int {
		n := 0
		for _, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
			require.NoError(t, err)
			n++
		}
		return n
	}
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		require.Equal(t, 1, count(tx))
		addVendors(t, s, "org-a", newVendor("v2", "Beta")) // another transaction commits
		require.Equal(t, 1, count(tx))
		return nil
	}))
	require.NoError(t, s.Org("org-a").View(ctx, func(tx storage.Tx) error {
		require.Equal(t, 2, count(tx))
		return nil
	}))
}

// TestPanicRollsBack: a function that panics leaves nothing behind and releases the
// organization's lock and the connection.
func TestPanicRollsBack(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	func() {
		defer func() { require.Equal(t, "boom", recover()) }()
		_ = s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
			require.NoError(t, tx.Vendors().Create(ctx, ptr(newVendor("v1", "Acme"))))
			panic("boom")
		})
	}()
	quick, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	require.NoError(t, s.Org("org-a").Update(quick, func(tx storage.Tx) error {
		_, err := tx.Vendors().Get(quick, "v1")
		require.ErrorIs(t, err, storage.ErrNotFound)
		return tx.Vendors().Create(quick, ptr(newVendor("v1", "Acme")))
	}))
	require.NoError(t, s.Close(), "Close does not wait for a transaction that panicked")
}

// idleInTx counts this database's sessions that are idle inside a transaction.
func idleInTx(t *testing.T, url string) int {
	t.Helper()
	var n int
	require.NoError(t, connect(t, url).QueryRow(ctx,
		"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'").Scan(&n))
	return n
}

// TestParkedConnection: a finished View's connection waits, still in its transaction,
// for the next transaction to roll it back in the round trip of its first statement; an
// idle store rolls it back soon, and a connection that broke meanwhile is replaced.
func TestParkedConnection(t *testing.T) {
	s, url := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	// Parked connections wait a minute unless a step says otherwise, so that a slow
	// machine cannot time them out between two steps.
	postgres.SetParkTimeout(s, time.Minute)
	addVendors(t, s, "org-a", newVendor("v1", "Acme"))
	getVendor(t, s, "org-a", "v1")
	require.EqualValues(t, 1, pool.Stat().AcquiredConns(), "the View's connection is parked")
	require.Equal(t, 1, idleInTx(t, url))
	postgres.SetParkTimeout(s, 50*time.Millisecond)
	getVendor(t, s, "org-a", "v1") // takes the parked connection and parks it again, briefly
	require.Eventually(t, func() bool { return pool.Stat().AcquiredConns() == 0 }, 5*time.Second, 10*time.Millisecond,
		"an idle store hands the connection back")
	require.Equal(t, 0, idleInTx(t, url), "and holds no snapshot")
	postgres.SetParkTimeout(s, time.Minute)

	// The next transaction takes the parked connection: a write sees the latest rows.
	getVendor(t, s, "org-a", "v1")
	require.NoError(t, s.Org("org-a").Update(ctx, func(tx storage.Tx) error {
		v, err := tx.Vendors().Get(ctx, "v1")
		if err != nil {
			return err
		}
		v.Notes = "after a parked view"
		return tx.Vendors().Update(ctx, &v)
	}))
	require.EqualValues(t, 0, pool.Stat().AcquiredConns())
	require.Equal(t, "after a parked view", getVendor(t, s, "org-a", "v1").Notes)

	// A parked connection whose session was ended is replaced, unseen by the caller.
	var pid int
	require.NoError(t, connect(t, url).QueryRow(ctx,
		"SELECT pg_terminate_backend(pid)::int * pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'").Scan(&pid))
	require.NotZero(t, pid)
	require.Equal(t, "after a parked view", getVendor(t, s, "org-a", "v1").Notes)

	// Close hands back parked connections without waiting for their minute-long park.
	began := time.Now()
	require.NoError(t, s.Close())
	require.Less(t, time.Since(began), 30*time.Second)
}
