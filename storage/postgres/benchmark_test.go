package postgres_test

import (
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
)

// benchOrgs is how many organizations the benchmarks spread the vendors over.
const benchOrgs = 100

// addSeq numbers the vendors the Add benchmarks create, across runs.
var addSeq atomic.Int64

// BenchmarkVendors measures the vendor operations of one organization on tables of
// 10,000 and 100,000 vendors spread over 100 organizations: each library operation
// (a transaction through the store) beside the same operation written by hand in raw SQL
// on the same pool, encoding or decoding the same JSON document ("…/raw": one statement,
// in its own implicit transaction). The writes also have "…/rawtx": the statement in a
// hand-written pgx transaction with the library's guarantee (READ COMMITTED, the
// organization's advisory lock), as an embedder would write it with pgx.BeginTxFunc
// (BEGIN, lock, statement and COMMIT: four round trips); "…/rawbatch" is that
// transaction in the fewest round trips, two, as the library sends it: the fair measure
// of what the library adds to a transactional write. "…/raw" is one round trip, which
// no transaction can match.
//
//	go test -run='^$' -bench=. -benchtime=1000x ./storage/postgres
func BenchmarkVendors(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s, _ := openStore(b, postgres.Options{})
			pool := postgres.Pool(s)
			perOrg := n / benchOrgs
			seed(b, pool, benchOrgs, perOrg)
			benchVendors(b, s, pool, perOrg)
		})
	}
}

// pick returns the organization and vendor of iteration i.
func pick(i, perOrg int) (string, int) {
	return string(seedOrg(i % benchOrgs)), (i * 7919) % perOrg
}

func benchVendors(b *testing.B, s *postgres.Store, pool *pgxpool.Pool, perOrg int) {
	window := storage.Window{From: base, To: base + dayWindow}

	b.Run("Add", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			v := newVendor(vendors.ID(fmt.Sprintf("add-%d", addSeq.Add(1))), "Added Vendor")
			if err := s.Org(orgID(o)).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Create(ctx, &v) }); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Add/raw", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			tag, err := pool.Exec(ctx, sqlInsert, rawInsertArgs(b, o)...)
			if err != nil || tag.RowsAffected() != 1 {
				b.Fatal(err, tag)
			}
			i++
		}
	})

	b.Run("Add/rawtx", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			if err := rawTxFunc(pool, o, sqlInsert, rawInsertArgs(b, o)...); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})

	b.Run("Add/rawbatch", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			if err := rawBatchTx(pool, o, sqlInsert, rawInsertArgs(b, o)...); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})

	b.Run("Get", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, j := pick(i, perOrg)
			var v vendors.Vendor
			err := s.Org(orgID(o)).View(ctx, func(tx storage.Tx) (err error) {
				v, err = tx.Vendors().Get(ctx, seedID(j))
				return err
			})
			if err != nil || v.ID != seedID(j) {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Get/raw", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, j := pick(i, perOrg)
			var doc []byte
			if err := pool.QueryRow(ctx, "SELECT doc FROM vendors WHERE org_id = $1 AND id = $2", o, string(seedID(j))).Scan(&doc); err != nil {
				b.Fatal(err)
			}
			var v vendors.Vendor
			if err := json.Unmarshal(doc, &v); err != nil || v.ID != seedID(j) {
				b.Fatal(err)
			}
			i++
		}
	})

	// The update benchmarks change the same vendors; versions tracks their stored version.
	versions := map[[2]int]int64{}
	version := func(i int) (string, vendors.Vendor, [2]int) {
		o, j := pick(i, perOrg)
		k := [2]int{i % benchOrgs, j}
		v := seedVendor(j, perOrg)
		v.Version = max(1, versions[k])
		v.Notes = fmt.Sprintf("note %d", i)
		return o, v, k
	}
	b.Run("Update", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, v, k := version(i)
			if err := s.Org(orgID(o)).Update(ctx, func(tx storage.Tx) error { return tx.Vendors().Update(ctx, &v) }); err != nil {
				b.Fatal(err)
			}
			versions[k] = v.Version
			i++
		}
	})
	b.Run("Update/raw", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, v, k := version(i)
			tag, err := pool.Exec(ctx, sqlUpdate, rawUpdateArgs(b, o, &v)...)
			if err != nil || tag.RowsAffected() != 1 {
				b.Fatal(err, tag)
			}
			versions[k] = v.Version
			i++
		}
	})

	b.Run("Update/rawtx", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, v, k := version(i)
			if err := rawTxFunc(pool, o, sqlUpdate, rawUpdateArgs(b, o, &v)...); err != nil {
				b.Fatal(err)
			}
			versions[k] = v.Version
			i++
		}
	})

	b.Run("Update/rawbatch", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, v, k := version(i)
			if err := rawBatchTx(pool, o, sqlUpdate, rawUpdateArgs(b, o, &v)...); err != nil {
				b.Fatal(err)
			}
			versions[k] = v.Version
			i++
		}
	})

	// ReviewsDue: the BAAs of one organization due for review in the next 60 days.
	b.Run("ReviewsDue", func(b *testing.B) {
		i, rows := 0, 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			err := s.Org(orgID(o)).View(ctx, func(tx storage.Tx) error {
				for _, err := range tx.Vendors().ReviewsDue(ctx, window) {
					if err != nil {
						return err
					}
					rows++
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(rows)/float64(i), "rows/op")
	})
	b.Run("ReviewsDue/raw", func(b *testing.B) {
		i, n := 0, 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			rows, err := pool.Query(ctx, `SELECT doc FROM vendors
WHERE org_id = $1 AND baa_state IN ('signed', 'review_due', 'reviewed', 'renewed')
  AND next_review_on >= $2 AND next_review_on < $3
ORDER BY next_review_on, id`, o, pgDate(window.From), pgDate(window.To))
			if err != nil {
				b.Fatal(err)
			}
			var docs [][]byte
			for rows.Next() {
				var doc []byte
				if err := rows.Scan(&doc); err != nil {
					b.Fatal(err)
				}
				docs = append(docs, doc)
			}
			if err := rows.Err(); err != nil {
				b.Fatal(err)
			}
			for _, doc := range docs {
				var v vendors.Vendor
				if err := json.Unmarshal(doc, &v); err != nil {
					b.Fatal(err)
				}
				n++
			}
			i++
		}
		b.ReportMetric(float64(n)/float64(i), "rows/op")
	})
}

func orgID(s string) org.ID { return org.ID(s) }

// The raw writes, as written by hand.
const (
	sqlInsert = `INSERT INTO vendors (org_id, id, version, name, name_key, category, baa_state, next_review_on, expires_on, last_activity_on, doc)
VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10)`
	sqlUpdate = `UPDATE vendors SET version = version + 1, name = $4, name_key = $5, category = $6, baa_state = $7,
  next_review_on = $8, expires_on = $9, last_activity_on = $10, doc = $11
WHERE org_id = $1 AND id = $2 AND version = $3`
)

// rawBatchTx is the hand-written transaction in the fewest round trips, as the library
// runs it: BEGIN, the organization's advisory lock and the statement in one batch, then
// COMMIT. The statement must change exactly one row.
func rawBatchTx(pool *pgxpool.Pool, o, sql string, args ...any) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	batch := &pgx.Batch{}
	batch.Queue("BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE")
	batch.Queue("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", o)
	batch.Queue(sql, args...)
	br := conn.SendBatch(ctx, batch)
	_, err = br.Exec()
	if err == nil {
		_, err = br.Exec()
	}
	var tag pgconn.CommandTag
	if err == nil {
		tag, err = br.Exec()
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err == nil && tag.RowsAffected() != 1 {
		err = fmt.Errorf("%d rows changed", tag.RowsAffected())
	}
	if err != nil {
		_, _ = conn.Exec(ctx, "ROLLBACK")
		return err
	}
	_, err = conn.Exec(ctx, "COMMIT")
	return err
}

// sweepTasks is how many open tasks of the swept organization fall due in the window.
const sweepTasks = 1000

// BenchmarkSweepQuery measures the query of the daily sweep, the open tasks of one
// organization due in the next 31 days (storage.TaskQuery{Open: true, Due: window}),
// on tables of 10,000 and 1,000,000 tasks of 100 organizations. Exactly 1,000 open
// tasks, all of one organization, fall due in the window; every other task is closed
// (due any day, the window included) or due more than a year away. Each iteration reads
// all 1,000 in one View. Since the partial index of open tasks leads with the
// organization and the due date, the time should hardly grow with the table.
//
//	go test -run '^$' -bench BenchmarkSweepQuery -benchtime 20x ./storage/postgres
func BenchmarkSweepQuery(b *testing.B) {
	window := storage.Window{From: base, To: base + 31}
	swept := seedOrg(42)
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1,000,000 tasks: not with -short")
			}
			s, _ := openStore(b, postgres.Options{})
			seedSweep(b, postgres.Pool(s), n, swept, window)
			q := storage.TaskQuery{Open: true, Due: window}
			i, rows := 0, 0
			for b.Loop() {
				got := 0
				err := s.Org(swept).View(ctx, func(tx storage.Tx) error {
					for t, err := range tx.Tasks().List(ctx, q) {
						if err != nil {
							return err
						}
						if !window.Contains(t.DueOn) || t.State.Closed() {
							return fmt.Errorf("task %s due %s, %s: not an open task due in the window", t.ID, t.DueOn, t.State)
						}
						got++
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				if got != sweepTasks {
					b.Fatalf("read %d tasks, want %d", got, sweepTasks)
				}
				rows += got
				i++
			}
			b.ReportMetric(float64(rows)/float64(i), "rows/op")
		})
	}
}

// seedSweep loads n tasks of 100 organizations: the 1,000 open tasks of organization
// swept due in the window, with whole documents (COPY), and n-1,000 others with small
// documents (INSERT … SELECT from generate_series), spread over the organizations in
// turn: half closed and due any day within two years of base, half open and due 400 to
// 1,400 days before or after it. Then VACUUM ANALYZE, as autovacuum would.
func seedSweep(b *testing.B, pool *pgxpool.Pool, n int, swept org.ID, window storage.Window) {
	b.Helper()
	_, err := pool.Exec(ctx, `INSERT INTO tasks (org_id, id, version, state, due_on, assignee_person, assignee_role,
  site, subject_type, subject_id, series, doc)
SELECT o, id, 1, st, due, '', 'privacy_officer', 'main', '', '', id,
  jsonb_build_object('id', id, 'template_id', 'filler', 'template_version', 1, 'title', 'Filler task',
    'citation', '45 CFR 164.308', 'series', id, 'occurrence', 1, 'series_start', due::text,
    'triggered_on', due::text, 'due_on', due::text, 'assignee', jsonb_build_object('role', 'privacy_officer'),
    'site', 'main', 'state', st, 'version', 1)
FROM (SELECT format('org-%s', lpad((g % 100)::text, 3, '0')) AS o,
        format('f-%s', lpad(g::text, 7, '0')) AS id,
        CASE WHEN g % 2 = 0 THEN (ARRAY['done', 'skipped'])[1 + g / 2 % 2]
             ELSE (ARRAY['open', 'in_progress', 'blocked'])[1 + g / 2 % 3] END AS st,
        CASE WHEN g % 2 = 0 THEN $1::date + (g / 2 % 1461 - 730)
             WHEN g / 2 % 2 = 0 THEN $1::date + (400 + g / 4 % 1000)
             ELSE $1::date - (400 + g / 4 % 1000) END AS due
      FROM generate_series(0, $2::int - 1) AS g) AS f`, pgDate(base), n-sweepTasks)
	if err != nil {
		b.Fatal(err)
	}
	rows := make([][]any, sweepTasks)
	for j := range rows {
		t := seedTask(j)
		t.ID = task.ID(fmt.Sprintf("s-%06d", j))
		t.Series, t.Occurrence = t.ID, 1
		t.DueOn = window.From + date.Date(j%int(window.To-window.From))
		t.SeriesStart, t.TriggeredOn = t.DueOn, t.DueOn-30
		t.State = task.OpenStates()[j%len(task.OpenStates())]
		rows[j] = taskRow(b, swept, &t)
	}
	if _, err := pool.CopyFrom(ctx, pgx.Identifier{"tasks"}, taskColumns, pgx.CopyFromRows(rows)); err != nil {
		b.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "VACUUM ANALYZE tasks"); err != nil {
		b.Fatal(err)
	}
	var total int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM tasks").Scan(&total); err != nil || total != n {
		b.Fatalf("seeded %d tasks, want %d: %v", total, n, err)
	}
}

// rawInsertArgs makes a new vendor of organization o and returns sqlInsert's arguments,
// its document encoded as the library would.
func rawInsertArgs(b *testing.B, o string) []any {
	v := newVendor(vendors.ID(fmt.Sprintf("add-%d", addSeq.Add(1))), "Added Vendor")
	v.Version = 1
	doc, err := json.Marshal(&v)
	if err != nil {
		b.Fatal(err)
	}
	return []any{o, string(v.ID), v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State),
		pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc}
}

// rawUpdateArgs advances v's version and returns sqlUpdate's arguments: the update at
// the version v held.
func rawUpdateArgs(b *testing.B, o string, v *vendors.Vendor) []any {
	v.Version++
	doc, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	return []any{o, string(v.ID), v.Version - 1, v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State),
		pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc}
}

// rawTxFunc is the hand-written transaction as an embedder writes it with
// pgx.BeginTxFunc: READ COMMITTED, the organization's advisory lock, the statement, which
// must change exactly one row.
func rawTxFunc(pool *pgxpool.Pool, o, sql string, args ...any) error {
	return pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", o); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, sql, args...)
		if err == nil && tag.RowsAffected() != 1 {
			err = fmt.Errorf("%d rows changed", tag.RowsAffected())
		}
		return err
	})
}
