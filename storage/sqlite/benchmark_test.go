package sqlite_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
)

// The benchmarks compare each operation through the library (…/lib) with the same
// operation written by hand on the same *sql.DB (…/raw): the SQL a developer would write
// for it, in autocommit, decoding or encoding the same JSON document, so the difference
// is what the library adds (transactions, checks). For the reads, …/rawprep runs the same
// hand-written query as a statement prepared once, the fastest way database/sql offers.
//
//	go test -run='^$' -bench=. -benchtime=2000x ./storage/sqlite

const benchOrgs = 100

var (
	benchToday  = date.New(2026, time.March, 2)
	benchWindow = storage.Window{From: benchToday, To: benchToday + 60}
)

func benchOrg(i int) org.ID { return org.ID(fmt.Sprintf("org-%03d", i%benchOrgs)) }

// benchVendor is a realistic vendor: a business associate with its determination, BAA
// history and clauses. Next review dates spread over 8 days per vendor of the
// organization, so a 60-day window holds about five in-force BAAs per organization at
// every size.
func benchVendor(rng *rand.Rand, i, perOrg int) vendors.Vendor {
	t0 := time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC)
	states := []vendors.State{vendors.StateSigned, vendors.StateReviewed, vendors.StateRenewed, vendors.StateReviewDue,
		vendors.StateSigned, vendors.StateReviewed, vendors.StateRenewed, vendors.StateRequested,
		vendors.StateInNegotiation, vendors.StateNotRequested}
	v := vendors.Vendor{
		ID: vendors.ID(fmt.Sprintf("v%07d", i)), Name: fmt.Sprintf("Vendor %05d Oncology Services", rng.IntN(100000)),
		Category:   vendors.CategoryValues()[rng.IntN(len(vendors.CategoryValues()))],
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		Contact:    vendors.Contact{Name: "Dana Reyes", Email: "dana@vendor.example", Phone: "+1 312 555 0100"},
		Owner:      "Practice administrator", Notes: "Quarterly business review with the account manager",
		Determinations: []vendors.Determination{{Outcome: vendors.OutcomeBusinessAssociate,
			Rationale: "handles PHI on our behalf", DecidedBy: "Privacy officer", DecidedOn: benchToday - 400}},
		BAA: vendors.BAA{State: states[rng.IntN(len(states))], RequestedOn: benchToday - 390,
			LastActivityOn: benchToday - date.Date(rng.IntN(120)),
			History: []vendors.Transition{
				{From: vendors.StateNotRequested, To: vendors.StateRequested, On: benchToday - 390, By: "Admin"},
				{From: vendors.StateRequested, To: vendors.StateSigned, On: benchToday - 370, By: "Admin"}}},
		Version: 1, CreatedAt: t0, UpdatedAt: t0,
	}
	if v.BAA.State.InForce() {
		b := &v.BAA
		b.SignedOn, b.EffectiveOn, b.ReviewMonths = benchToday-370, benchToday-370, 12
		b.ExpiresOn = benchToday + date.Date(300+rng.IntN(1000))
		b.NextReviewOn = benchToday + date.Date(rng.IntN(perOrg*8))
		b.Clauses, b.ReportingDays, b.DocumentRef = vendors.ClauseValues(), 30, "dms://baa/"+string(v.ID)+".pdf"
	}
	return v
}

func dayArg(d date.Date) any {
	if d == date.Zero {
		return nil
	}
	return int64(d)
}

// Hand-written SQL of the raw benchmarks.
const (
	rawInsert = `INSERT INTO vendors (org_id, id, version, name, name_key, category, baa_state, next_review_on, expires_on,
    last_activity_on, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	rawGet    = `SELECT version, doc FROM vendors WHERE org_id = ? AND id = ?`
	rawUpdate = `UPDATE vendors SET version = version + 1, name = ?, name_key = ?, category = ?, baa_state = ?, next_review_on = ?,
    expires_on = ?, last_activity_on = ?, doc = ? WHERE org_id = ? AND id = ? AND version = ?`
	rawReviewsDue = `SELECT version, doc FROM vendors WHERE org_id = ?
    AND baa_state IN ('signed', 'review_due', 'reviewed', 'renewed')
    AND next_review_on >= ? AND next_review_on < ? ORDER BY next_review_on, id`
)

func rawArgs(orgID org.ID, v *vendors.Vendor, doc []byte) []any {
	return []any{string(orgID), string(v.ID), v.Version, v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State),
		dayArg(v.BAA.NextReviewOn), dayArg(v.BAA.ExpiresOn), dayArg(v.BAA.LastActivityOn), string(doc)}
}

// seed stores n vendors over benchOrgs organizations in one transaction with a prepared
// statement, and returns the organization of each vendor id.
func seed(b *testing.B, db *sql.DB, n int) []vendors.ID {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(b, err)
	stmt, err := tx.PrepareContext(ctx, rawInsert)
	require.NoError(b, err)
	idList := make([]vendors.ID, n)
	for i := range n {
		v := benchVendor(rng, i, n/benchOrgs)
		doc, err := json.Marshal(&v)
		require.NoError(b, err)
		_, err = stmt.ExecContext(ctx, rawArgs(benchOrg(i), &v, doc)...)
		require.NoError(b, err)
		idList[i] = v.ID
	}
	require.NoError(b, stmt.Close())
	require.NoError(b, tx.Commit())
	return idList
}

func BenchmarkVendors(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
			require.NoError(b, err)
			defer s.Close()
			db := sqlite.DB(s)
			start := time.Now()
			idList := seed(b, db, n)
			b.Logf("seeded %d vendors in %v", n, time.Since(start).Round(time.Millisecond))
			benchVendors(b, s, db, idList)
		})
	}
}

func benchVendors(b *testing.B, s *sqlite.Store, db *sql.DB, idList []vendors.ID) {
	n := len(idList)
	pick := func(i int) (org.ID, vendors.ID) {
		j := int(uint64(i) * 2654435761 % uint64(n)) // spread over the table
		return benchOrg(j), idList[j]
	}
	libGet := func(orgID org.ID, id vendors.ID) (v vendors.Vendor, err error) {
		err = s.Org(orgID).View(ctx, func(tx storage.Tx) error {
			v, err = tx.Vendors().Get(ctx, id)
			return err
		})
		return v, err
	}
	rawGetVendor := func(orgID org.ID, id vendors.ID) (vendors.Vendor, error) {
		var version int64
		var doc []byte
		if err := db.QueryRowContext(ctx, rawGet, string(orgID), string(id)).Scan(&version, &doc); err != nil {
			return vendors.Vendor{}, err
		}
		var v vendors.Vendor
		err := json.Unmarshal(doc, &v)
		v.Version = version
		return v, err
	}

	getStmt, err := db.PrepareContext(ctx, rawGet)
	require.NoError(b, err)
	defer getStmt.Close()
	rawprepGet := func(orgID org.ID, id vendors.ID) (vendors.Vendor, error) {
		var version int64
		var doc []byte
		if err := getStmt.QueryRowContext(ctx, string(orgID), string(id)).Scan(&version, &doc); err != nil {
			return vendors.Vendor{}, err
		}
		var v vendors.Vendor
		err := json.Unmarshal(doc, &v)
		v.Version = version
		return v, err
	}
	// Reads first go over the vendors a 10000x run times (untimed: b.Loop times only the
	// loop), so that each variant finds the file and its connection's cache as warm.
	for _, r := range []struct {
		name string
		get  func(org.ID, vendors.ID) (vendors.Vendor, error)
	}{{"Get/lib", libGet}, {"Get/raw", rawGetVendor}, {"Get/rawprep", rawprepGet}} {
		b.Run(r.name, func(b *testing.B) {
			for i := range 10_000 {
				if _, err := r.get(pick(i)); err != nil {
					b.Fatal(err)
				}
			}
			for i := 0; b.Loop(); i++ {
				if _, err := r.get(pick(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}

	// Update with version check: each vendor of a working set is read once before the
	// loop, then changed and written at the version it holds.
	workingSet := func(b *testing.B, offset int) ([]org.ID, []vendors.Vendor) {
		const k = 500
		orgs, vs := make([]org.ID, k), make([]vendors.Vendor, k)
		for i := range k {
			o, id := pick(offset + i)
			v, err := libGet(o, id)
			require.NoError(b, err)
			orgs[i], vs[i] = o, v
		}
		return orgs, vs
	}
	b.Run("Update/lib", func(b *testing.B) {
		orgs, vs := workingSet(b, 1_000_000)
		for i := 0; b.Loop(); i++ {
			v := &vs[i%len(vs)]
			v.Notes = fmt.Sprintf("review %d", i)
			if err := s.Org(orgs[i%len(vs)]).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, v) }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Update/raw", func(b *testing.B) {
		orgs, vs := workingSet(b, 2_000_000)
		for i := 0; b.Loop(); i++ {
			v := &vs[i%len(vs)]
			v.Notes = fmt.Sprintf("review %d", i)
			c := *v
			c.Version++
			doc, err := json.Marshal(&c)
			if err != nil {
				b.Fatal(err)
			}
			res, err := db.ExecContext(ctx, rawUpdate, v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State),
				dayArg(v.BAA.NextReviewOn), dayArg(v.BAA.ExpiresOn), dayArg(v.BAA.LastActivityOn), string(doc),
				string(orgs[i%len(vs)]), string(v.ID), v.Version)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				b.Fatalf("updated %d rows: %v", n, err)
			}
			v.Version++
		}
	})

	// BAAs due for review in the next 60 days for one organization.
	var rows int
	libDue := func(i int) error {
		return s.Org(benchOrg(i)).View(ctx, func(tx storage.Tx) error {
			for _, err := range tx.Vendors().ReviewsDue(ctx, benchWindow) {
				if err != nil {
					return err
				}
				rows++
			}
			return nil
		})
	}
	b.Run("ReviewsDue/lib", func(b *testing.B) {
		for i := range benchOrgs {
			require.NoError(b, libDue(i))
		}
		rows = 0
		for i := 0; b.Loop(); i++ {
			if err := libDue(i); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
	})
	rawDue := func(b *testing.B, query func(args ...any) (*sql.Rows, error)) {
		due := func(i int) ([]vendors.Vendor, error) {
			r, err := query(string(benchOrg(i)), int64(benchWindow.From), int64(benchWindow.To))
			if err != nil {
				return nil, err
			}
			defer r.Close()
			var out []vendors.Vendor
			for r.Next() {
				var version int64
				var doc []byte
				if err := r.Scan(&version, &doc); err != nil {
					return nil, err
				}
				var v vendors.Vendor
				if err := json.Unmarshal(doc, &v); err != nil {
					return nil, err
				}
				v.Version = version
				out = append(out, v)
			}
			return out, r.Close()
		}
		for i := range benchOrgs {
			_, err := due(i)
			require.NoError(b, err)
		}
		rows = 0
		for i := 0; b.Loop(); i++ {
			out, err := due(i)
			if err != nil {
				b.Fatal(err)
			}
			rows += len(out)
		}
		b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
	}
	b.Run("ReviewsDue/raw", func(b *testing.B) {
		rawDue(b, func(args ...any) (*sql.Rows, error) { return db.QueryContext(ctx, rawReviewsDue, args...) })
	})
	dueStmt, err := db.PrepareContext(ctx, rawReviewsDue)
	require.NoError(b, err)
	defer dueStmt.Close()
	b.Run("ReviewsDue/rawprep", func(b *testing.B) {
		rawDue(b, func(args ...any) (*sql.Rows, error) { return dueStmt.QueryContext(ctx, args...) })
	})

	// Add a vendor: Create in an Update transaction. Last, as it grows the table.
	rng := rand.New(rand.NewPCG(uint64(n), 8))
	created := 0 // ids stay unique however often a sub-benchmark runs
	b.Run("Create/lib", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			v := benchVendor(rng, i, n/benchOrgs)
			created++
			v.ID = vendors.ID(fmt.Sprintf("new-%08d", created))
			if err := s.Org(benchOrg(i)).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Create/raw", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			v := benchVendor(rng, i, n/benchOrgs)
			created++
			v.ID = vendors.ID(fmt.Sprintf("new-%08d", created))
			v.Version = 1
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, rawInsert, rawArgs(benchOrg(i), &v, doc)...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// rawTaskInsert is the benchmarks' hand-written insert of a task with its projected
// columns.
const rawTaskInsert = `INSERT INTO tasks (org_id, id, version, state, due_on, assignee_person, assignee_role,
    site, subject_type, subject_id, series, doc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// sweepWindow is the 31 days whose open tasks the sweep reads in BenchmarkSweepQuery.
var sweepWindow = storage.Window{From: benchToday, To: benchToday + 31}

// sweepDue is the number of open tasks of benchOrg(0) due in sweepWindow, at every size.
const sweepDue = 1000

// seedTasks stores n tasks over benchOrgs organizations in one transaction with a
// prepared statement. Every (n/sweepDue)th task, spread through the table as tasks
// created over time would be, is an open task of benchOrg(0) due in sweepWindow; every
// other task is either closed (done or skipped) and due in the window, or open and due
// a year or more away from it.
func seedTasks(b *testing.B, db *sql.DB, n int) {
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	t0 := time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC)
	open := task.OpenStates()
	closed := []task.State{task.StateDone, task.StateSkipped}
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(b, err)
	stmt, err := tx.PrepareContext(ctx, rawTaskInsert)
	require.NoError(b, err)
	stride := n / sweepDue
	for i := range n {
		orgID := benchOrg(i)
		v := task.Task{ID: task.ID(fmt.Sprintf("t%07d", i)), TemplateID: "baa-review", TemplateVersion: 1,
			Title: "Annual BAA review", Citation: "45 CFR 164.504(e)", Occurrence: 1,
			Assignee: task.Assignee{Role: task.RolePrivacyOfficer}, Site: "main",
			Version: 1, CreatedAt: t0, UpdatedAt: t0}
		switch {
		case i%stride == 0 && i/stride < sweepDue:
			orgID = benchOrg(0)
			v.State = open[rng.IntN(len(open))]
			v.DueOn = sweepWindow.From + date.Date(rng.IntN(31))
		case rng.IntN(2) == 0:
			v.State = closed[rng.IntN(len(closed))]
			v.DueOn = sweepWindow.From + date.Date(rng.IntN(31))
		default:
			v.State = open[rng.IntN(len(open))]
			v.DueOn = sweepWindow.From - 365 - date.Date(rng.IntN(365))
			if rng.IntN(2) == 0 {
				v.DueOn = sweepWindow.To + 365 + date.Date(rng.IntN(365))
			}
		}
		v.Series, v.SeriesStart, v.TriggeredOn = v.ID, v.DueOn, v.DueOn-30
		doc, err := json.Marshal(&v)
		require.NoError(b, err)
		_, err = stmt.ExecContext(ctx, string(orgID), string(v.ID), string(v.State), int64(v.DueOn), nil,
			string(v.Assignee.Role), string(v.Site), nil, nil, string(v.Series), string(doc))
		require.NoError(b, err)
	}
	require.NoError(b, stmt.Close())
	require.NoError(b, tx.Commit())
}

// BenchmarkSweepQuery reads, in one View, the open tasks of one organization due in a
// 31-day window (the task query of compliance's sweep), out of 10,000 and 1,000,000 tasks
// over 100 organizations; 1,000 tasks match at both sizes. Through the partial index on
// open tasks by (org_id, due_on, id) the cost depends on the rows read, not on the size
// of the table: the million-task figure should stay within twice the 10,000-task one.
//
//	go test -run '^$' -bench BenchmarkSweepQuery -benchtime 20x ./storage/sqlite
func BenchmarkSweepQuery(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("seeding a million tasks takes a while; skipped in -short mode")
			}
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
			require.NoError(b, err)
			defer s.Close()
			start := time.Now()
			seedTasks(b, sqlite.DB(s), n)
			b.Logf("seeded %d tasks in %v", n, time.Since(start).Round(time.Millisecond))
			q := storage.TaskQuery{Open: true, Due: sweepWindow}
			sweep := func() (rows int, err error) {
				err = s.Org(benchOrg(0)).View(ctx, func(tx storage.Tx) error {
					for _, err := range tx.Tasks().List(ctx, q) {
						if err != nil {
							return err
						}
						rows++
					}
					return nil
				})
				return rows, err
			}
			got, err := sweep() // untimed: warms the connection's cache as a running sweep finds it
			require.NoError(b, err)
			require.Equal(b, sweepDue, got)
			rows := 0
			for b.Loop() {
				n, err := sweep()
				if err != nil {
					b.Fatal(err)
				}
				rows += n
			}
			b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
		})
	}
}
