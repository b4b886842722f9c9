package pgtest_test

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/hipaaops/hipaaops/storage/postgres/pgtest"
)

// Outside a test function (a benchmark harness, a tool), the shared server hands out
// databases directly; in tests, NewDatabase(t) does this and drops the database when t
// ends. The server starts on first use and pgtest.Main stops it.
func ExampleServer_CreateDatabase() {
	ctx := context.Background()
	srv, err := pgtest.Shared()
	if err != nil {
		fmt.Println("no PostgreSQL server:", err)
		return
	}
	url, err := srv.CreateDatabase(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer func() { _ = srv.DropDatabase(ctx, url) }()

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer conn.Close(ctx)
	var tables int
	err = conn.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").Scan(&tables)
	fmt.Println("tables in the new database:", tables, err)
	// Output: tables in the new database: 0 <nil>
}
