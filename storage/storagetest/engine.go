package storagetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

var actorCtx = compliance.WithActor(ctx, compliance.Actor{ID: "u-admin", Name: "Pat Admin"})

// newEngine returns an engine on s with the clock at t0, an organization orgA, and
// orgA's handle.
func newEngine(t *testing.T, s storage.Store) (*compliance.Engine, *compliance.Org) {
	t.Helper()
	var n atomic.Int64
	e, err := compliance.New(s, compliance.Options{
		Now:   func() time.Time { return t0 },
		NewID: func(kind record.Kind) string { return fmt.Sprintf("%s-%d", kind, n.Add(1)) },
	})
	require.NoError(t, err)
	_, err = e.CreateOrganization(actorCtx, newOrg(orgA))
	require.NoError(t, err)
	return e, e.Org(orgA)
}

// plainEngine is an engine on s with the clock at t0, for a second app server.
func plainEngine(t *testing.T, s storage.Store) *compliance.Engine {
	t.Helper()
	e, err := compliance.New(s, compliance.Options{Now: func() time.Time { return t0 }})
	require.NoError(t, err)
	return e
}

// allEvents reads every event of the organization, a page at a time.
func allEvents(t *testing.T, o *compliance.Org) []event.Event {
	t.Helper()
	var out []event.Event
	for q := (compliance.EventQuery{}); ; {
		p, err := o.Events().List(actorCtx, q)
		require.NoError(t, err)
		out = append(out, p.Items...)
		if p.Next == "" {
			return out
		}
		q.Cursor = p.Next
	}
}

// signedVendor adds a business associate with a signed BAA through the engine.
func signedVendor(t *testing.T, o *compliance.Org, name string) vendors.Vendor {
	t.Helper()
	v, err := o.Vendors().Add(actorCtx, vendors.Vendor{Name: name, Category: vendors.CategoryPACS,
		DataShared: []vendors.DataCategory{vendors.DataImaging}})
	require.NoError(t, err)
	v, err = o.Vendors().Determine(actorCtx, v.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "stores images for us"})
	require.NoError(t, err)
	v, err = o.Vendors().RequestBAA(actorCtx, v.Ref(), vendors.Move{On: d0 - 30})
	require.NoError(t, err)
	v, err = o.Vendors().SignBAA(actorCtx, v.Ref(), vendors.Signing{SignedOn: d0 - 20, EffectiveOn: d0 - 20,
		Clauses: vendors.ClauseValues(), ReportingDays: 30})
	require.NoError(t, err)
	return v
}

type counts struct{ vendors, audit, events int }

func countAll(t *testing.T, s storage.Store, id org.ID) counts {
	t.Helper()
	var c counts
	view(t, s, id, func(tx storage.Tx) error {
		c.vendors = len(collect(t, tx.Vendors().List(ctx, storage.VendorQuery{})))
		c.audit = len(collect(t, tx.Audit().List(ctx, 0, 0)))
		c.events = len(collect(t, tx.Events().List(ctx, 0, 0)))
		return nil
	})
	return c
}

// failingStore wraps a backend so that appending an audit entry fails after the use
// case has already written its record: the second step of the use case.
type failingStore struct{ storage.Store }

func (f failingStore) Org(id org.ID) storage.Org { return failingOrg{f.Store.Org(id)} }

type failingOrg struct{ storage.Org }

func (f failingOrg) Update(ctx context.Context, fn func(storage.Tx) error) error {
	return f.Org.Update(ctx, func(tx storage.Tx) error { return fn(failingTx{tx}) })
}

type failingTx struct{ storage.Tx }

func (f failingTx) Audit() storage.AuditLog { return failingAudit{f.Tx.Audit()} }

type failingAudit struct{ storage.AuditLog }

func (failingAudit) Append(context.Context, audit.Entry) error {
	return validation.New("storagetest", "audit", "refused on purpose")
}

var engineTests = []test{
	{"Engine/Lifecycle", "the engine's use cases store, audit and emit on the backend; the report and chain agree", func(t *testing.T, s storage.Store) {
		_, o := newEngine(t, s)
		v := signedVendor(t, o, "Vault PACS")
		stalled, err := o.Vendors().Add(actorCtx, vendors.Vendor{Name: "Slow Rx", Category: vendors.CategorySpecialtyPharmacy})
		require.NoError(t, err)
		stalled, err = o.Vendors().Determine(actorCtx, stalled.Ref(), vendors.Determination{
			Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses for our patients"})
		require.NoError(t, err)
		_, err = o.Vendors().RequestBAA(actorCtx, stalled.Ref(), vendors.Move{On: d0 - 45})
		require.NoError(t, err)
		nextReview := v.BAA.NextReviewOn
		require.Equal(t, vendors.AddMonths(d0-20, 12), nextReview)

		inv, err := o.Inventory(actorCtx, compliance.InventoryOptions{AsOf: nextReview - 10})
		require.NoError(t, err)
		require.Equal(t, 2, inv.Vendors)
		require.Equal(t, []vendors.ID{v.ID}, ids(inv.ReviewsDue))
		require.Equal(t, []vendors.ID{stalled.ID}, ids(inv.Stalled))
		require.Len(t, inv.Gaps, 1)
		require.Equal(t, vendors.GapPending, inv.Gaps[0].Reason)

		ref, err := o.Vendors().Refresh(actorCtx, compliance.RefreshOptions{AsOf: nextReview})
		require.NoError(t, err)
		require.Equal(t, []vendors.ID{v.ID}, ids(ref.ReviewDue))
		got, err := o.Vendors().Get(actorCtx, v.ID)
		require.NoError(t, err)
		require.Equal(t, vendors.StateReviewDue, got.BAA.State)

		st, err := o.Audit().Verify(actorCtx)
		require.NoError(t, err)
		c := countAll(t, s, orgA)
		require.Equal(t, c.audit, st.Entries)
		// organization + 4 for the first vendor + 3 for the second + 1 refresh, and the
		// 2 tasks the default rules created (each with its audit entry): the BA
		// assessment of each vendor handling PHI is one; the first BAA's annual review
		// the other.
		require.Equal(t, 11, c.audit)
		evs := allEvents(t, o)
		require.Len(t, evs, c.events)
		require.Equal(t, compliance.EventBAAReviewDue, evs[len(evs)-1].Type)
	}},
	{"Engine/FailedSecondStepLeavesNothing", "a use case whose audit step fails after its record was written leaves no record, entry or event", func(t *testing.T, s storage.Store) {
		_, o := newEngine(t, s)
		v := signedVendor(t, o, "Vault PACS")
		before := countAll(t, s, orgA)
		bad := plainEngine(t, failingStore{s}).Org(orgA)
		_, err := bad.Vendors().Add(actorCtx, vendors.Vendor{Name: "Never", Category: vendors.CategoryEHR})
		require.ErrorIs(t, err, validation.ErrInvalid)
		_, err = bad.Vendors().ReviewBAA(actorCtx, v.Ref(), vendors.Move{On: d0})
		require.ErrorIs(t, err, validation.ErrInvalid)
		require.Equal(t, before, countAll(t, s, orgA))
		got, err := o.Vendors().Get(actorCtx, v.ID)
		require.NoError(t, err)
		require.Equal(t, v.Version, got.Version)
		require.Equal(t, vendors.StateSigned, got.BAA.State)
		_, err = o.Audit().Verify(actorCtx)
		require.NoError(t, err)
	}},
	{"Engine/BadInputWritesNothing", "bad input is a validation, transition or conflict error and nothing is written", func(t *testing.T, s storage.Store) {
		_, o := newEngine(t, s)
		v := signedVendor(t, o, "Vault PACS")
		before := countAll(t, s, orgA)
		_, err := o.Vendors().Add(actorCtx, vendors.Vendor{Name: " ", Category: vendors.CategoryEHR})
		var verr *validation.Error
		require.ErrorAs(t, err, &verr)
		require.Equal(t, "name", verr.Field)
		_, err = o.Vendors().Add(actorCtx, vendors.Vendor{Name: "X", Category: "astrology"})
		require.ErrorIs(t, err, validation.ErrInvalid)
		_, err = o.Vendors().Add(actorCtx, vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, Sites: []org.SiteID{"nowhere"}})
		require.ErrorIs(t, err, validation.ErrInvalid)
		_, err = o.Vendors().Add(actorCtx, vendors.Vendor{Name: "  vault   pacs ", Category: vendors.CategoryEHR})
		require.ErrorIs(t, err, validation.ErrInvalid, "a second vendor of the same name, case and spaces aside")
		_, err = o.Vendors().RenewBAA(actorCtx, v.Ref(), vendors.Renewal{On: d0, ExpiresOn: d0 - 1})
		require.ErrorIs(t, err, validation.ErrInvalid)
		_, err = o.Vendors().ReviewBAA(actorCtx, v.Ref(), vendors.Move{On: d0 + 1})
		require.ErrorIs(t, err, validation.ErrInvalid, "a review recorded in the future")
		_, err = o.Vendors().NegotiateBAA(actorCtx, v.Ref(), vendors.Move{On: d0})
		var terr *vendors.TransitionError
		require.ErrorAs(t, err, &terr)
		require.Equal(t, vendors.StateSigned, terr.From)
		require.Equal(t, vendors.StateInNegotiation, terr.To)
		_, err = o.Vendors().ReviewBAA(actorCtx, record.RefOf(v.ID, v.Version-1), vendors.Move{On: d0})
		require.ErrorIs(t, err, storage.ErrConflict)
		_, err = o.Vendors().ReviewBAA(actorCtx, record.RefOf[vendors.ID]("missing", 1), vendors.Move{On: d0})
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = o.Vendors().ReviewBAA(context.Background(), v.Ref(), vendors.Move{On: d0})
		require.ErrorIs(t, err, compliance.ErrNoActor)
		require.Equal(t, before, countAll(t, s, orgA))
	}},
	{"Engine/OtherOrgID", "a use case on another organization's vendor is ErrNotFound and writes nothing there", func(t *testing.T, s storage.Store) {
		e, o := newEngine(t, s)
		v := signedVendor(t, o, "Vault PACS")
		_, err := e.CreateOrganization(actorCtx, newOrg(orgB))
		require.NoError(t, err)
		b := e.Org(orgB)
		beforeA, beforeB := countAll(t, s, orgA), countAll(t, s, orgB)
		_, err = b.Vendors().Get(actorCtx, v.ID)
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = b.Vendors().ReviewBAA(actorCtx, v.Ref(), vendors.Move{On: d0})
		require.ErrorIs(t, err, storage.ErrNotFound)
		_, err = b.Vendors().TerminateBAA(actorCtx, v.Ref(), vendors.Termination{Reason: "x"})
		require.ErrorIs(t, err, storage.ErrNotFound)
		require.Equal(t, beforeA, countAll(t, s, orgA))
		require.Equal(t, beforeB, countAll(t, s, orgB))
	}},
}

var concurrencyTests = []test{
	{"Concurrency/SameVendor", "in each round every goroutine reads one vendor, then all update it at once: exactly one update per round is applied, the rest are ErrConflict, none is lost", func(t *testing.T, s storage.Store) {
		createVendors(t, s, orgA, withActivity(newVendor("v1", "Acme", vendors.StateRequested), d0))
		const workers, rounds = 8, 5
		var applied atomic.Int64
		errs := make(chan error, workers*rounds)
		for r := range rounds {
			var read, done sync.WaitGroup
			read.Add(workers)
			start := make(chan struct{})
			for w := range workers {
				done.Add(1)
				go func() {
					defer done.Done()
					v, err := getVendor(t, s, orgA, "v1")
					read.Done()
					if err != nil {
						errs <- err
						return
					}
					<-start // every worker holds the same version now
					v.BAA.FollowUps = append(v.BAA.FollowUps, vendors.FollowUp{On: d0, By: fmt.Sprintf("w%d-r%d", w, r)})
					err = s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
						if err := tx.Vendors().Update(ctx, &v); err != nil {
							return err
						}
						_, err := appendAuditErr(tx, "follow_up")
						return err
					})
					switch {
					case err == nil:
						applied.Add(1)
					case !errors.Is(err, storage.ErrConflict):
						errs <- err
					}
				}()
			}
			read.Wait()
			close(start)
			done.Wait()
		}
		close(errs)
		for err := range errs {
			require.NoError(t, err, "every failure must be ErrConflict")
		}
		require.EqualValues(t, rounds, applied.Load(), "exactly one update per round wins")
		got, err := getVendor(t, s, orgA, "v1")
		require.NoError(t, err)
		require.EqualValues(t, 1+rounds, got.Version, "every applied update advanced the version once")
		require.Len(t, got.BAA.FollowUps, rounds, "no applied update was lost")
		view(t, s, orgA, func(tx storage.Tx) error {
			entries := collect(t, tx.Audit().List(ctx, 0, 0))
			require.Len(t, entries, rounds)
			require.NoError(t, audit.Verify(entries))
			return nil
		})
	}},
	{"Concurrency/EngineSameAndDifferentVendors", "many goroutines run engine use cases on the same and on different BAAs; conflicts are ErrConflict, nothing is lost and the audit chain verifies", func(t *testing.T, s storage.Store) {
		_, o := newEngine(t, s)
		const n = 6
		vs := make([]vendors.Vendor, n)
		for i := range vs {
			vs[i] = signedVendor(t, o, fmt.Sprintf("Vendor %02d", i))
		}
		var wg sync.WaitGroup
		var sameApplied atomic.Int64
		errs := make(chan error, 4*n*4)
		// Same BAA: every goroutine reviews vendor 0 from the version it read.
		shared := vs[0]
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := o.Vendors().ReviewBAA(actorCtx, shared.Ref(), vendors.Move{On: d0})
				if err == nil {
					sameApplied.Add(1)
				} else if !errors.Is(err, storage.ErrConflict) {
					errs <- err
				}
			}()
		}
		// Different BAAs: each goroutine reviews its own vendor several times, re-reading.
		const rounds = 4
		for i := 1; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id := vs[i].ID
				for r := range rounds {
					cur, err := o.Vendors().Get(actorCtx, id)
					if err == nil {
						// reviews on d0-3 … d0: none in the future
						_, err = o.Vendors().ReviewBAA(actorCtx, cur.Ref(), vendors.Move{On: d0 - rounds + 1 + date.Date(r)})
					}
					if err != nil {
						errs <- fmt.Errorf("vendor %s round %d: %w", id, r, err)
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		require.EqualValues(t, 1, sameApplied.Load(), "exactly one review from the same version wins")
		got, err := o.Vendors().Get(actorCtx, shared.ID)
		require.NoError(t, err)
		require.Equal(t, shared.Version+1, got.Version)
		for i := 1; i < n; i++ {
			got, err := o.Vendors().Get(actorCtx, vs[i].ID)
			require.NoError(t, err)
			require.Equal(t, vs[i].Version+rounds, got.Version)
			require.Equal(t, d0, got.BAA.LastReviewedOn)
		}
		st, err := o.Audit().Verify(actorCtx)
		require.NoError(t, err)
		// organization; 4 per signed vendor and 2 for the tasks the default rules created
		// (its BA assessment and its BAA's first review); then each applied review
		// (1 same-vendor review, rounds per other vendor) with the next review task the
		// rules schedule from it
		require.Equal(t, 1+6*n+2*(1+rounds*(n-1)), st.Entries)
	}},
}

func appendAuditErr(tx storage.Tx, action string) (audit.Entry, error) {
	var prev *audit.Entry
	last, err := tx.Audit().Last(ctx)
	switch {
	case err == nil:
		prev = &last
	case !errors.Is(err, storage.ErrNotFound):
		return audit.Entry{}, err
	}
	e := audit.Next(prev, audit.Entry{At: t0, Actor: "u1", Action: action, ObjectType: "vendor", ObjectID: "v1", Digest: "d"})
	return e, tx.Audit().Append(ctx, e)
}

var incidentEngineTests = []test{
	{"Engine/IncidentFile", "an incident's facts, determination, delays and notices round-trip through the engine; a rejected change writes nothing", func(t *testing.T, s storage.Store) {
		_, o := newEngine(t, s)
		f, err := o.Incidents().Report(actorCtx, incident.Incident{ID: "inc-1", Title: "Stolen laptop", DiscoveredOn: d0,
			DiscoveredBy: incident.DiscovererWorkforce, Total: 650,
			Affected: []incident.Affected{{State: "OH", Count: 520}, {State: "KY", Count: 130}}})
		require.NoError(t, err)
		f, err = o.Incidents().RecordDelay(actorCtx, f.Incident.Ref(), incident.Delay{Kind: incident.DelayOral,
			Official: "Det. Ray", Agency: "City PD", StatedOn: d0})
		require.NoError(t, err)
		f, err = o.Incidents().RecordNotice(actorCtx, f.Incident.Ref(), incident.Notice{Key: "media:OH", SentOn: d0, Method: "press release"})
		require.NoError(t, err)
		stale := record.RefOf(f.Incident.ID, f.Incident.Version-1)
		_, err = o.Incidents().RecordNotice(actorCtx, stale, incident.Notice{Key: "individuals", SentOn: d0})
		require.ErrorIs(t, err, storage.ErrConflict)
		_, err = o.Incidents().RecordNotice(actorCtx, f.Incident.Ref(), incident.Notice{Key: "individuals", SentOn: d0 + 1})
		require.ErrorIs(t, err, validation.ErrInvalid, "a notice sent in the future")
		_, err = o.Incidents().Determine(actorCtx, f.Incident.Ref(), incident.Determination{Outcome: incident.OutcomeLowProbability})
		require.ErrorIs(t, err, validation.ErrInvalid)

		got, err := o.Incidents().Get(actorCtx, "inc-1")
		require.NoError(t, err)
		sameJSON(t, f.Incident, got.Incident)
		require.Equal(t, f.Obligations, got.Obligations)
		owed, err := o.Incidents().Owed(actorCtx)
		require.NoError(t, err)
		for _, o := range owed {
			require.NotEqual(t, "media:OH", o.Obligation.Key, "a sent notice is not owed")
			if o.Obligation.Deadline != date.Zero { // zero: no fixed deadline (a State "most expedient time")
				require.GreaterOrEqual(t, o.Obligation.Deadline, incident.DelayEnd(got.Incident.Delays), "no deadline inside the delay")
			}
		}
		_, err = o.Audit().Verify(actorCtx)
		require.NoError(t, err)
	}},
}
