package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/storage/postgres/pgtest"
	"github.com/hipaaops/hipaaops/storage/storagetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var ctx = context.Background()

// openStore opens a store on a fresh database of its own, closed when t ends.
func openStore(t testing.TB, opts postgres.Options) (*postgres.Store, string) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	s, err := postgres.Open(ctx, url, opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s, url
}

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store {
		s, _ := openStore(t, postgres.Options{})
		return s
	})
}
