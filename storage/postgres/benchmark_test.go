package postgres_test

import (
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
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
			v := newVendor(vendors.ID(fmt.Sprintf("add-%d", addSeq.Add(1))), "Added Vendor")
			v.Version = 1
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			tag, err := pool.Exec(ctx, sqlInsert, o, string(v.ID), v.Name, string(v.Category), string(v.BAA.State),
				pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc)
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
			v := newVendor(vendors.ID(fmt.Sprintf("add-%d", addSeq.Add(1))), "Added Vendor")
			v.Version = 1
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			err = pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", o); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, sqlInsert, o, string(v.ID), v.Name, string(v.Category), string(v.BAA.State),
					pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			i++
		}
	})

	b.Run("Add/rawbatch", func(b *testing.B) {
		i := 0
		for b.Loop() {
			o, _ := pick(i, perOrg)
			v := newVendor(vendors.ID(fmt.Sprintf("add-%d", addSeq.Add(1))), "Added Vendor")
			v.Version = 1
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			if err := rawBatchTx(pool, o, sqlInsert, o, string(v.ID), v.Name, string(v.Category), string(v.BAA.State),
				pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc); err != nil {
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
			v.Version++
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			tag, err := pool.Exec(ctx, sqlUpdate, o, string(v.ID), v.Version-1, v.Name, string(v.Category), string(v.BAA.State),
				pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc)
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
			v.Version++
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			err = pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", o); err != nil {
					return err
				}
				tag, err := tx.Exec(ctx, sqlUpdate, o, string(v.ID), v.Version-1, v.Name, string(v.Category), string(v.BAA.State),
					pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc)
				if err == nil && tag.RowsAffected() != 1 {
					err = fmt.Errorf("stale version %d", v.Version-1)
				}
				return err
			})
			if err != nil {
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
			v.Version++
			doc, err := json.Marshal(&v)
			if err != nil {
				b.Fatal(err)
			}
			if err := rawBatchTx(pool, o, sqlUpdate, o, string(v.ID), v.Version-1, v.Name, string(v.Category), string(v.BAA.State),
				pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc); err != nil {
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
	sqlInsert = `INSERT INTO vendors (org_id, id, version, name, category, baa_state, next_review_on, expires_on, last_activity_on, doc)
VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)`
	sqlUpdate = `UPDATE vendors SET version = version + 1, name = $4, category = $5, baa_state = $6,
  next_review_on = $7, expires_on = $8, last_activity_on = $9, doc = $10
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
