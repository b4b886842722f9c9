package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

var d0 = date.New(2026, time.March, 2)

func ids(seq func(func(vendors.Vendor, error) bool)) ([]vendors.ID, error) {
	out := []vendors.ID{}
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v.ID)
	}
	return out, nil
}

// TestSameAsMemory stores the same random vendors, with unset (zero) dates, ties on names
// and every state, in this backend and in storage/memory, and checks that every listing
// returns the same vendors in the same order, window boundaries and the zero date included.
func TestSameAsMemory(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	s := openFile(t)
	defer s.Close()
	m := memory.New()
	states, cats := vendors.StateValues(), vendors.CategoryValues()
	day := func() date.Date {
		if rng.IntN(5) == 0 {
			return date.Zero
		}
		return d0 + date.Date(rng.IntN(100)-50)
	}
	var vs []vendors.Vendor
	for i := range 300 {
		vs = append(vs, vendors.Vendor{
			ID: vendors.ID(fmt.Sprintf("v%03d", rng.IntN(1000)*1000+i)), Name: fmt.Sprintf("Vendor %d", rng.IntN(40)),
			Category: cats[rng.IntN(len(cats))],
			BAA: vendors.BAA{State: states[rng.IntN(len(states))], NextReviewOn: day(), ExpiresOn: day(),
				LastActivityOn: day()},
		})
	}
	for _, st := range []storage.Store{s, m} {
		for i, orgID := range []org.ID{"a", "b"} {
			require.NoError(t, st.Org(orgID).Update(ctx, func(tx storage.Tx) error {
				for _, v := range vs[i*150 : (i+1)*150] {
					if err := tx.Vendors().Create(ctx, &v); err != nil {
						return err
					}
				}
				return nil
			}))
		}
	}
	windows := []storage.Window{{From: date.Zero, To: d0}, {From: date.Zero, To: date.Zero + 1}, {From: d0 - 10, To: d0 + 10},
		{From: d0, To: d0}, {From: d0 + 10, To: d0}, {From: date.Zero, To: d0 + 1000}, {From: d0 - 51, To: d0 - 49}}
	for range 20 {
		a := d0 + date.Date(rng.IntN(120)-60)
		windows = append(windows, storage.Window{From: a, To: a + date.Date(rng.IntN(60))})
	}
	queries := map[string]func(storage.Vendors) func(func(vendors.Vendor, error) bool){}
	for _, w := range windows {
		queries[fmt.Sprintf("ReviewsDue[%s,%s)", w.From, w.To)] = func(v storage.Vendors) func(func(vendors.Vendor, error) bool) {
			return v.ReviewsDue(ctx, w)
		}
		queries[fmt.Sprintf("Expiring[%s,%s)", w.From, w.To)] = func(v storage.Vendors) func(func(vendors.Vendor, error) bool) {
			return v.Expiring(ctx, w)
		}
		queries[fmt.Sprintf("Stalled<%s", w.To)] = func(v storage.Vendors) func(func(vendors.Vendor, error) bool) {
			return v.Stalled(ctx, w.To)
		}
	}
	for i := range 30 {
		q := storage.VendorQuery{Limit: rng.IntN(3) * 7}
		for range rng.IntN(3) {
			q.States = append(q.States, states[rng.IntN(len(states))])
		}
		for range rng.IntN(2) {
			q.Categories = append(q.Categories, cats[rng.IntN(len(cats))])
		}
		if rng.IntN(2) == 0 {
			after := vs[rng.IntN(len(vs))]
			q.AfterName, q.AfterID = after.Name, after.ID
			if rng.IntN(3) == 0 {
				q.AfterID = ""
			}
		}
		queries[fmt.Sprintf("List%d%+v", i, q)] = func(v storage.Vendors) func(func(vendors.Vendor, error) bool) {
			return v.List(ctx, q)
		}
	}
	for name, q := range queries {
		for _, orgID := range []org.ID{"a", "b"} {
			var want, got []vendors.ID
			require.NoError(t, m.Org(orgID).View(ctx, func(tx storage.Tx) (err error) { want, err = ids(q(tx.Vendors())); return err }))
			require.NoError(t, s.Org(orgID).View(ctx, func(tx storage.Tx) (err error) { got, err = ids(q(tx.Vendors())); return err }))
			require.Equal(t, want, got, "%s in org %s", name, orgID)
		}
	}
}

// TestTwoStoresOneFile runs engines on two stores of the same file, as two processes
// would: SQLite's write lock (BEGIN IMMEDIATE, with the busy timeout) serializes them and
// the organization's audit chain does not fork.
func TestTwoStoresOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	var stores []*sqlite.Store
	for range 2 {
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		defer s.Close()
		stores = append(stores, s)
	}
	actor := compliance.WithActor(ctx, compliance.Actor{ID: "u1"})
	newEngine := func(s storage.Store) *compliance.Engine {
		e, err := compliance.New(s, compliance.Options{})
		require.NoError(t, err)
		return e
	}
	e0 := newEngine(stores[0])
	_, err := e0.CreateOrganization(actor, org.Organization{ID: "o", Name: "O", TimeZone: "UTC"})
	require.NoError(t, err)
	const perWorker = 15
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWorker)
	for w := range 4 {
		e := newEngine(stores[w%2])
		wg.Go(func() {
			for i := range perWorker {
				_, err := e.Org("o").Vendors().Add(actor, vendors.Vendor{Name: fmt.Sprintf("W%d-%d", w, i), Category: vendors.CategoryEHR})
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	for _, s := range stores {
		st, err := newEngine(s).Org("o").Audit().Verify(actor)
		require.NoError(t, err)
		require.Equal(t, 1+4*perWorker, st.Entries)
	}
}

func TestLocking(t *testing.T) {
	t.Run("BusyIsErrConflict", func(t *testing.T) {
		// Another process holds the write lock past the busy timeout.
		path := filepath.Join(t.TempDir(), "h.db")
		holder, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		defer holder.Close()
		other, err := sqlite.Open(ctx, path, sqlite.Options{BusyTimeout: 50 * time.Millisecond})
		require.NoError(t, err)
		defer other.Close()
		locked, release := make(chan struct{}), make(chan struct{})
		done := make(chan error)
		go func() {
			done <- holder.Org("o").Update(ctx, func(tx storage.Tx) error {
				v := vendors.Vendor{ID: "v1", Name: "A", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
				err := tx.Vendors().Create(ctx, &v)
				close(locked)
				<-release
				return err
			})
		}()
		<-locked
		err = other.Org("o").Update(ctx, func(tx storage.Tx) error { return nil })
		require.ErrorIs(t, err, storage.ErrConflict)
		// Readers neither wait for the writer nor see its uncommitted work.
		err = other.Org("o").View(ctx, func(tx storage.Tx) error { _, err := tx.Vendors().Get(ctx, "v1"); return err })
		require.ErrorIs(t, err, storage.ErrNotFound)
		close(release)
		require.NoError(t, <-done)
	})
	t.Run("ReopenWhileAnotherWrites", func(t *testing.T) {
		// Opening an up-to-date database only reads: it does not wait for the writer.
		path := filepath.Join(t.TempDir(), "h.db")
		holder, err := sqlite.Open(ctx, path, sqlite.Options{})
		require.NoError(t, err)
		defer holder.Close()
		locked, release := make(chan struct{}), make(chan struct{})
		done := make(chan error)
		go func() {
			done <- holder.Org("o").Update(ctx, func(tx storage.Tx) error {
				v := vendors.Vendor{ID: "v1", Name: "A", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
				err := tx.Vendors().Create(ctx, &v)
				close(locked)
				<-release
				return err
			})
		}()
		<-locked
		other, err := sqlite.Open(ctx, path, sqlite.Options{BusyTimeout: 20 * time.Millisecond})
		require.NoError(t, err)
		require.NoError(t, other.Close())
		close(release)
		require.NoError(t, <-done)
	})
	t.Run("QueuedWriterGivesUpWithItsContext", func(t *testing.T) {
		s := openFile(t)
		defer s.Close()
		locked, release := make(chan struct{}), make(chan struct{})
		done := make(chan error)
		go func() {
			done <- s.Org("o").Update(ctx, func(storage.Tx) error { close(locked); <-release; return nil })
		}()
		<-locked
		c, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
		defer cancel()
		err := s.Org("o").Update(c, func(storage.Tx) error { return nil })
		require.ErrorIs(t, err, context.DeadlineExceeded)
		close(release)
		require.NoError(t, <-done)
	})
	t.Run("MoreReadersThanConnections", func(t *testing.T) {
		// Readers queue for the two reader connections while writers commit; every read
		// sees a committed state: the vendor's notes match its version.
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "h.db"), sqlite.Options{MaxReaders: 2})
		require.NoError(t, err)
		defer s.Close()
		v := vendors.Vendor{ID: "v1", Name: "A", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}, Notes: "1"}
		require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }))
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for range 3 {
			wg.Go(func() {
				for range 10 {
					err := s.Org("o").Update(ctx, func(tx storage.Tx) error {
						cur, err := tx.Vendors().Get(ctx, "v1")
						if err != nil {
							return err
						}
						cur.Notes = fmt.Sprint(cur.Version + 1)
						return tx.Vendors().Update(ctx, &cur)
					})
					if err != nil {
						errs <- err
					}
				}
			})
		}
		for range 12 {
			wg.Go(func() {
				for range 10 {
					err := s.Org("o").View(ctx, func(tx storage.Tx) error {
						cur, err := tx.Vendors().Get(ctx, "v1")
						if err == nil && cur.Notes != fmt.Sprint(cur.Version) {
							err = fmt.Errorf("version %d with notes %q", cur.Version, cur.Notes)
						}
						return err
					})
					if err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		got, err := getV(s, "o", "v1")
		require.NoError(t, err)
		require.EqualValues(t, 31, got.Version)
	})
	t.Run("ReadWhileRanging", func(t *testing.T) {
		// Rows are read and closed before the first yield, so the loop body may write.
		s := openFile(t)
		defer s.Close()
		require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error {
			for _, id := range []vendors.ID{"a", "b", "c"} {
				v := vendors.Vendor{ID: id, Name: string(id), Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
				if err := tx.Vendors().Create(ctx, &v); err != nil {
					return err
				}
			}
			return nil
		}))
		require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error {
			for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
				if err != nil {
					return err
				}
				v.Notes = "seen"
				if err := tx.Vendors().Update(ctx, &v); err != nil {
					return err
				}
			}
			return nil
		}))
		require.NoError(t, s.Org("o").View(ctx, func(tx storage.Tx) error {
			for v, err := range tx.Vendors().List(ctx, storage.VendorQuery{}) {
				require.NoError(t, err)
				require.Equal(t, "seen", v.Notes)
				require.EqualValues(t, 2, v.Version)
			}
			return nil
		}))
	})
}

// TestBadData checks that rows this package did not write, or that were damaged, give
// errors and never a panic, and that bad values are refused before they are stored.
func TestBadData(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	db := sqlite.DB(s)
	v := vendors.Vendor{ID: "v1", Name: "A", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateNotRequested}}
	require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }))
	get := func() error {
		return s.Org("o").View(ctx, func(tx storage.Tx) error { _, err := tx.Vendors().Get(ctx, "v1"); return err })
	}
	list := func() error {
		return s.Org("o").View(ctx, func(tx storage.Tx) error { _, err := ids(tx.Vendors().List(ctx, storage.VendorQuery{})); return err })
	}
	for name, doc := range map[string]string{
		"truncated":     `{"id": "v1", "name": `,
		"empty":         ``,
		"unknown state": `{"id": "v1", "name": "A", "category": "ehr", "baa": {"state": "bogus"}}`,
		"wrong type":    `{"id": 7}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := db.ExecContext(ctx, `UPDATE vendors SET doc = ? WHERE id = 'v1'`, doc)
			require.NoError(t, err)
			for _, err := range []error{get(), list()} {
				require.ErrorContains(t, err, "sqlite: decode vendor")
				require.NotErrorIs(t, err, validation.ErrInvalid, "a damaged record is not the caller's bad input")
				require.NotErrorIs(t, err, storage.ErrUnavailable, "nor a database failure")
			}
		})
	}
	t.Run("UnencodableVendor", func(t *testing.T) {
		bad := vendors.Vendor{ID: "v2", Name: "B", Category: "astrology", BAA: vendors.BAA{State: vendors.StateNotRequested}}
		err := s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &bad) })
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
	t.Run("AuditTimeFinerThanMicrosecond", func(t *testing.T) {
		e := audit.Entry{Seq: 1, At: time.Date(2026, 3, 2, 1, 2, 3, 4, time.UTC), Action: "x"}
		e.Hash = e.ComputeHash()
		err := s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Audit().Append(ctx, e) })
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
	t.Run("AuditIsAppendOnly", func(t *testing.T) {
		e := audit.Next(nil, audit.Entry{At: time.Now(), Action: "x"})
		require.NoError(t, s.Org("o").Update(ctx, func(tx storage.Tx) error { return tx.Audit().Append(ctx, e) }))
		_, err := db.ExecContext(ctx, `UPDATE audit_entries SET actor = 'mallory'`)
		require.ErrorContains(t, err, "append-only")
		_, err = db.ExecContext(ctx, `DELETE FROM audit_entries`)
		require.ErrorContains(t, err, "append-only")
	})
	t.Run("AuditTimeReadsBackExactly", func(t *testing.T) {
		at := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) // the zero time, far from the epoch
		e := audit.Next(nil, audit.Entry{At: at, Action: "x"})
		require.NoError(t, s.Org("p").Update(ctx, func(tx storage.Tx) error { return tx.Audit().Append(ctx, e) }))
		require.NoError(t, s.Org("p").View(ctx, func(tx storage.Tx) error {
			got, err := tx.Audit().Last(ctx)
			require.Equal(t, e, got)
			return err
		}))
	})
}

func getV(s storage.Store, o org.ID, id vendors.ID) (v vendors.Vendor, err error) {
	err = s.Org(o).View(ctx, func(tx storage.Tx) error { v, err = tx.Vendors().Get(ctx, id); return err })
	return v, err
}
