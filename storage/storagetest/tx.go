package storagetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/vendors"
)

func appendAudit(t *testing.T, tx storage.Tx, action string) audit.Entry {
	t.Helper()
	var prev *audit.Entry
	last, err := tx.Audit().Last(ctx)
	if err == nil {
		prev = &last
	} else {
		require.ErrorIs(t, err, storage.ErrNotFound)
	}
	e := audit.Next(prev, audit.Entry{At: t0, Actor: "u1", Action: action, ObjectType: "vendor", ObjectID: "v1", Digest: "d"})
	require.NoError(t, tx.Audit().Append(ctx, e))
	return e
}

// requireEmpty checks that an organization has no records at all.
func requireEmpty(t *testing.T, s storage.Store, id org.ID) {
	t.Helper()
	view(t, s, id, func(tx storage.Tx) error {
		_, err := tx.Organization().Get(ctx)
		require.ErrorIs(t, err, storage.ErrNotFound)
		require.Empty(t, collect(t, tx.Vendors().List(ctx, storage.VendorQuery{})))
		_, err = tx.Audit().Last(ctx)
		require.ErrorIs(t, err, storage.ErrNotFound)
		require.Empty(t, collect(t, tx.Audit().List(ctx, 0, 0)))
		require.Empty(t, collect(t, tx.Events().List(ctx, 0, 0)))
		return nil
	})
}

var txTests = []test{
	{"Tx/RollbackNewOrg", "a failed transaction on a new organization leaves no record, audit entry or event", func(t *testing.T, s storage.Store) {
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
			o := newOrg(orgA)
			require.NoError(t, tx.Organization().Create(ctx, &o))
			v := fullVendor("v1")
			require.NoError(t, tx.Vendors().Create(ctx, &v))
			appendAudit(t, tx, "vendor.add")
			require.NoError(t, tx.Events().Append(ctx, &event.Event{Type: "vendor.added", At: t0}))
			return errBoom
		})
		require.ErrorIs(t, err, errBoom)
		requireEmpty(t, s, orgA)
	}},
	{"Tx/RollbackExisting", "a failed transaction leaves earlier records as they were", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		createVendors(t, s, orgA, newVendor("v1", "Acme", vendors.StateNotRequested))
		update(t, s, orgA, func(tx storage.Tx) error {
			appendAudit(t, tx, "first")
			return tx.Events().Append(ctx, &event.Event{Type: "first", At: t0})
		})
		err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
			v, err := tx.Vendors().Get(ctx, "v1")
			require.NoError(t, err)
			v.Name = "Changed"
			require.NoError(t, tx.Vendors().Update(ctx, &v))
			w := newVendor("v2", "New", vendors.StateNotRequested)
			require.NoError(t, tx.Vendors().Create(ctx, &w))
			appendAudit(t, tx, "second")
			require.NoError(t, tx.Events().Append(ctx, &event.Event{Type: "second", At: t0}))
			return errBoom
		})
		require.ErrorIs(t, err, errBoom)
		view(t, s, orgA, func(tx storage.Tx) error {
			v, err := tx.Vendors().Get(ctx, "v1")
			require.NoError(t, err)
			require.Equal(t, "Acme", v.Name)
			require.EqualValues(t, 1, v.Version)
			_, err = tx.Vendors().Get(ctx, "v2")
			require.ErrorIs(t, err, storage.ErrNotFound)
			require.Len(t, collect(t, tx.Audit().List(ctx, 0, 0)), 1)
			require.Len(t, collect(t, tx.Events().List(ctx, 0, 0)), 1)
			return nil
		})
		// The sequences continue where the committed ones ended.
		update(t, s, orgA, func(tx storage.Tx) error {
			require.EqualValues(t, 2, appendAudit(t, tx, "third").Seq)
			ev := event.Event{Type: "third", At: t0}
			require.NoError(t, tx.Events().Append(ctx, &ev))
			require.EqualValues(t, 2, ev.Seq)
			return nil
		})
	}},
	{"Tx/ReadOwnWrites", "a transaction reads what it wrote before it commits", func(t *testing.T, s storage.Store) {
		update(t, s, orgA, func(tx storage.Tx) error {
			v := withReview(newVendor("v1", "Acme", vendors.StateSigned), d0)
			require.NoError(t, tx.Vendors().Create(ctx, &v))
			got, err := tx.Vendors().Get(ctx, "v1")
			require.NoError(t, err)
			require.Equal(t, "Acme", got.Name)
			require.Len(t, collect(t, tx.Vendors().ReviewsDue(ctx, storage.Window{From: d0, To: d0 + 1})), 1)
			return nil
		})
	}},
	{"Tx/UseAfterEnd", "a transaction used after its function returned fails with ErrTxDone", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, newVendor("v1", "Acme", vendors.StateNotRequested))
		var kept storage.Tx
		update(t, s, orgA, func(tx storage.Tx) error { kept = tx; return nil })
		_, err := kept.Vendors().Get(ctx, "v1")
		require.ErrorIs(t, err, storage.ErrTxDone)
		v := newVendor("v2", "Late", vendors.StateNotRequested)
		require.ErrorIs(t, kept.Vendors().Create(ctx, &v), storage.ErrTxDone)
		_, err = getVendor(t, s, orgA, "v2")
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Tx/ViewIsReadOnly", "a write inside View fails and stores nothing", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		err := s.Org(orgA).View(ctx, func(tx storage.Tx) error {
			v := newVendor("v1", "Acme", vendors.StateNotRequested)
			return tx.Vendors().Create(ctx, &v)
		})
		require.Error(t, err)
		_, err = getVendor(t, s, orgA, "v1")
		require.ErrorIs(t, err, storage.ErrNotFound)
	}},
	{"Tx/CancelledContext", "a cancelled context fails the transaction and stores nothing", func(t *testing.T, s storage.Store) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		err := s.Org(orgA).Update(c, func(tx storage.Tx) error {
			o := newOrg(orgA)
			return tx.Organization().Create(c, &o)
		})
		require.ErrorIs(t, err, context.Canceled)
		requireEmpty(t, s, orgA)
	}},
}

var logTests = []test{
	{"Audit/Chain", "audit entries are appended in order, read back exactly and verify", func(t *testing.T, s storage.Store) {
		var want []audit.Entry
		for range 3 {
			update(t, s, orgA, func(tx storage.Tx) error {
				want = append(want, appendAudit(t, tx, "step"))
				return nil
			})
		}
		view(t, s, orgA, func(tx storage.Tx) error {
			got := collect(t, tx.Audit().List(ctx, 0, 0))
			require.Len(t, got, 3)
			for i := range want {
				require.True(t, want[i].At.Equal(got[i].At), "time of entry %d", i+1)
				got[i].At = want[i].At
			}
			require.Equal(t, want, got)
			require.NoError(t, audit.Verify(got))
			last, err := tx.Audit().Last(ctx)
			require.NoError(t, err)
			require.Equal(t, want[2].Hash, last.Hash)
			require.Equal(t, []uint64{2, 3}, seqs(collect(t, tx.Audit().List(ctx, 2, 0))))
			return nil
		})
	}},
	{"Audit/ListPages", "the audit listing returns up to limit entries from a sequence number on, in order: pages of any limit give each entry once", func(t *testing.T, s storage.Store) {
		const n = 7
		update(t, s, orgA, func(tx storage.Tx) error {
			for range n {
				appendAudit(t, tx, "step")
			}
			return nil
		})
		update(t, s, orgB, func(tx storage.Tx) error { appendAudit(t, tx, "other"); return nil })
		view(t, s, orgA, func(tx storage.Tx) error {
			require.Equal(t, []uint64{1, 2, 3, 4, 5, 6, 7}, seqs(collect(t, tx.Audit().List(ctx, 0, 0))))
			for _, limit := range []int{1, 2, 3, n, n + 1} {
				var got []uint64
				for from := uint64(1); from <= n+1; {
					page := seqs(collect(t, tx.Audit().List(ctx, from, limit)))
					require.LessOrEqual(t, len(page), limit)
					got = append(got, page...)
					if len(page) < limit {
						break
					}
					from = page[len(page)-1] + 1
				}
				require.Equal(t, []uint64{1, 2, 3, 4, 5, 6, 7}, got, "pages of %d", limit)
			}
			require.Empty(t, collect(t, tx.Audit().List(ctx, n+1, 2)))
			return nil
		})
	}},
	{"Audit/AppendOutOfOrder", "an entry that does not follow the last one is ErrConflict", func(t *testing.T, s storage.Store) {
		var first audit.Entry
		update(t, s, orgA, func(tx storage.Tx) error { first = appendAudit(t, tx, "one"); return nil })
		cases := map[string]audit.Entry{
			"gap":       audit.Next(&audit.Entry{Seq: 5, Hash: first.Hash}, audit.Entry{At: t0, Action: "x"}),
			"repeat":    audit.Next(nil, audit.Entry{At: t0, Action: "x"}),
			"wrongPrev": audit.Next(&audit.Entry{Seq: 1, Hash: "forged"}, audit.Entry{At: t0, Action: "x"}),
		}
		for name, e := range cases {
			err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error { return tx.Audit().Append(ctx, e) })
			require.ErrorIs(t, err, storage.ErrConflict, name)
		}
		view(t, s, orgA, func(tx storage.Tx) error {
			require.Len(t, collect(t, tx.Audit().List(ctx, 0, 0)), 1)
			return nil
		})
	}},
	{"Events/Cursor", "events get consecutive sequence numbers and are read after a cursor with a limit", func(t *testing.T, s storage.Store) {
		update(t, s, orgA, func(tx storage.Tx) error {
			for i, typ := range []event.Type{"a", "b", "c"} {
				data, _ := json.Marshal(map[string]int{"n": i})
				ev := event.Event{Type: typ, At: t0, Actor: "u1", ObjectType: "vendor", ObjectID: "v1", Data: data}
				require.NoError(t, tx.Events().Append(ctx, &ev))
				require.EqualValues(t, i+1, ev.Seq)
			}
			return nil
		})
		view(t, s, orgA, func(tx storage.Tx) error {
			all := collect(t, tx.Events().List(ctx, 0, 0))
			require.Len(t, all, 3)
			require.Equal(t, event.Type("b"), all[1].Type)
			require.JSONEq(t, `{"n":1}`, string(all[1].Data))
			require.True(t, t0.Equal(all[1].At))
			require.Equal(t, "v1", all[1].ObjectID)
			page := collect(t, tx.Events().List(ctx, 1, 1))
			require.Len(t, page, 1)
			require.EqualValues(t, 2, page[0].Seq)
			require.Empty(t, collect(t, tx.Events().List(ctx, 3, 0)))
			return nil
		})
	}},
}

func seqs(es []audit.Entry) []uint64 {
	out := []uint64{}
	for _, e := range es {
		out = append(out, e.Seq)
	}
	return out
}

var isolationTests = []test{
	{"Isolation/OtherOrgSeesNothing", "an id from another organization is ErrNotFound on every call and no listing shows it", func(t *testing.T, s storage.Store) {
		createOrg(t, s, orgA)
		v := withActivity(withReview(newVendor("v1", "Acme", vendors.StateSigned), d0), d0-100)
		w := withActivity(newVendor("v2", "Pending Co", vendors.StateRequested), d0-100)
		x := withExpiry(newVendor("v3", "Expiring", vendors.StateSigned), d0)
		createVendors(t, s, orgA, v, w, x)
		update(t, s, orgA, func(tx storage.Tx) error {
			appendAudit(t, tx, "a")
			return tx.Events().Append(ctx, &event.Event{Type: "a", At: t0})
		})
		createOrg(t, s, orgB)
		all := storage.Window{From: date.Zero, To: d0 + 100000}
		view(t, s, orgB, func(tx storage.Tx) error {
			_, err := tx.Vendors().Get(ctx, "v1")
			require.ErrorIs(t, err, storage.ErrNotFound)
			require.Empty(t, collect(t, tx.Vendors().List(ctx, storage.VendorQuery{})))
			require.Empty(t, collect(t, tx.Vendors().ReviewsDue(ctx, all)))
			require.Empty(t, collect(t, tx.Vendors().Expiring(ctx, all)))
			require.Empty(t, collect(t, tx.Vendors().Stalled(ctx, d0+100000)))
			_, err = tx.Audit().Last(ctx)
			require.ErrorIs(t, err, storage.ErrNotFound)
			require.Empty(t, collect(t, tx.Audit().List(ctx, 0, 0)))
			require.Empty(t, collect(t, tx.Events().List(ctx, 0, 0)))
			o, err := tx.Organization().Get(ctx)
			require.NoError(t, err)
			require.Equal(t, orgB, o.ID)
			return nil
		})
		stolen, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		stolen.Name = "Hijacked"
		err = s.Org(orgB).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &stolen) })
		require.ErrorIs(t, err, storage.ErrNotFound)
		// The same id may exist in both organizations, independently.
		createVendors(t, s, orgB, newVendor("v1", "B's own", vendors.StateNotRequested))
		a, _ := getVendor(t, s, orgA, "v1")
		b, _ := getVendor(t, s, orgB, "v1")
		require.Equal(t, "Acme", a.Name)
		require.Equal(t, "B's own", b.Name)
		// B's audit chain starts at 1 whatever A's holds.
		update(t, s, orgB, func(tx storage.Tx) error {
			require.EqualValues(t, 1, appendAudit(t, tx, "b").Seq)
			return nil
		})
	}},
}
