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
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
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
