//go:build oldapi

package storagetest

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

var sweepTests = []test{
	{"Engine/ConcurrentSweeps", "several processes sweeping the same organization at once emit each reminder exactly once", func(t *testing.T, s storage.Store) {
		e := newEngine(t, s)
		const tasks = 6
		for i := range tasks {
			_, err := e.CreateTask(actorCtx, orgA, profiles.TemplateIncidentTabletop,
				task.NewParams{TriggeredOn: d0 - 60, DueOn: d0 + date.Date(i*3-6), Site: "main"}) // 2 overdue, 4 due soon
			require.NoError(t, err)
		}
		const sweepers = 6
		var wg sync.WaitGroup
		var emitted atomic.Int64
		errs := make(chan error, sweepers)
		start := make(chan struct{})
		for range sweepers {
			wg.Go(func() {
				// Each sweeper is its own engine, as on another app server.
				other := compliance.New(s, compliance.Options{Now: func() time.Time { return t0 }})
				<-start
				for attempt := 0; ; attempt++ {
					res, err := other.Sweep(actorCtx, orgA, compliance.SweepOptions{AsOf: d0})
					if errors.Is(err, storage.ErrConflict) && attempt < 50 {
						continue // another writer held the database: sweep again
					}
					if err != nil {
						errs <- err
						return
					}
					emitted.Add(int64(len(res.Reminders)))
					return
				}
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		// 2 overdue, 4 due within 30 days (one reminder each, the nearest threshold).
		require.EqualValues(t, tasks, emitted.Load())
		evs, err := e.Events(actorCtx, orgA, 0, 0)
		require.NoError(t, err)
		n := 0
		for _, ev := range evs {
			if strings.HasPrefix(string(ev.Type), "reminder.") {
				n++
			}
		}
		require.Equal(t, tasks, n, "each reminder event once")
		_, err = e.VerifyAudit(actorCtx, orgA)
		require.NoError(t, err)
	}},
}

var incidentEngineTests = []test{
	{"Engine/IncidentFile", "an incident's facts, determination, delays and notices round-trip through the engine; a rejected change writes nothing", func(t *testing.T, s storage.Store) {
		e := newEngine(t, s)
		f, err := e.ReportIncident(actorCtx, orgA, incident.Incident{ID: "inc-1", Title: "Stolen laptop", DiscoveredOn: d0,
			DiscoveredBy: incident.DiscovererWorkforce, Total: 650,
			Affected: []incident.Affected{{State: "OH", Count: 520}, {State: "KY", Count: 130}}})
		require.NoError(t, err)
		f, err = e.RecordDelay(actorCtx, orgA, "inc-1", f.Incident.Version, incident.Delay{Kind: incident.DelayOral,
			Official: "Det. Ray", Agency: "City PD", StatedOn: d0 + 1})
		require.NoError(t, err)
		f, err = e.RecordNotice(actorCtx, orgA, "inc-1", f.Incident.Version, incident.Notice{Key: "media:OH", SentOn: d0 + 40, Method: "press release"})
		require.NoError(t, err)
		stale := f.Incident.Version - 1
		_, err = e.RecordNotice(actorCtx, orgA, "inc-1", stale, incident.Notice{Key: "individuals", SentOn: d0 + 41})
		require.ErrorIs(t, err, storage.ErrConflict)
		_, err = e.DetermineIncident(actorCtx, orgA, "inc-1", f.Incident.Version, incident.Determination{Outcome: incident.OutcomeLowProbability})
		require.ErrorIs(t, err, validation.ErrInvalid)

		got, err := e.Incident(actorCtx, orgA, "inc-1")
		require.NoError(t, err)
		sameJSON(t, f.Incident, got.Incident)
		require.Equal(t, f.Obligations, got.Obligations)
		owed, err := e.Owed(actorCtx, orgA)
		require.NoError(t, err)
		for _, o := range owed {
			require.NotEqual(t, "media:OH", o.Obligation.Key, "a sent notice is not owed")
			if o.Obligation.Deadline != date.Zero { // zero: no fixed deadline (a State "most expedient time")
				require.GreaterOrEqual(t, o.Obligation.Deadline, incident.DelayEnd(got.Incident.Delays), "no deadline inside the delay")
			}
		}
		_, err = e.VerifyAudit(actorCtx, orgA)
		require.NoError(t, err)
	}},
}
