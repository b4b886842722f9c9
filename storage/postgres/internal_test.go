package postgres

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
)

func TestClassify(t *testing.T) {
	ctx := context.Background()
	for code, want := range map[string]error{
		"23505": storage.ErrExists,   // unique_violation
		"40001": storage.ErrConflict, // serialization_failure
		"40P01": storage.ErrConflict, // deadlock_detected
		"55P03": storage.ErrConflict, // lock_not_available (lock_timeout)
	} {
		err := classify(ctx, &pgconn.PgError{Code: code, Message: "m"})
		require.ErrorIs(t, err, want, code)
		var pgErr *pgconn.PgError
		require.ErrorAs(t, err, &pgErr, "the driver's error stays reachable")
	}
	err := classify(ctx, &pgconn.PgError{Code: "22P02"})
	for _, s := range []error{storage.ErrExists, storage.ErrConflict, storage.ErrNotFound} {
		require.NotErrorIs(t, err, s)
	}
	require.ErrorIs(t, err, storage.ErrUnavailable, "a failed statement is a storage failure, not bad input")
	require.ErrorIs(t, classify(ctx, errors.New("conn closed")), storage.ErrUnavailable)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, classify(cancelled, errors.New("timeout: conn closed")), context.Canceled)
	require.NoError(t, classify(ctx, nil))
	require.NotErrorIs(t, classify(cancelled, context.Canceled), storage.ErrUnavailable, "the caller's own cancellation")
}

// TestTableStatements: the generic statements of a table, built from its columns.
func TestTableStatements(t *testing.T) {
	require.Equal(t, "SELECT version, doc FROM control_decisions WHERE org_id = $1 AND catalog_version = $2 AND control = $3",
		decisionTable.sqlGet)
	require.Equal(t, "INSERT INTO control_decisions (org_id, catalog_version, control, version, doc) VALUES ($1, $2, $3, 1, $4) "+
		"ON CONFLICT (org_id, catalog_version, control) DO NOTHING", decisionTable.sqlCreate)
	require.Equal(t, "UPDATE control_decisions SET version = version + 1, doc = $5 "+
		"WHERE org_id = $1 AND catalog_version = $2 AND control = $3 AND version = $4", decisionTable.sqlUpdate)
	require.Equal(t, "INSERT INTO trials (org_id, id, version, status, doc) VALUES ($1, $2, 1, $3, $4) "+
		"ON CONFLICT (org_id, id) DO NOTHING", trialTable.sqlCreate)
	require.Equal(t, "UPDATE trials SET version = version + 1, status = $4, doc = $5 "+
		"WHERE org_id = $1 AND id = $2 AND version = $3", trialTable.sqlUpdate)
	require.Equal(t, "UPDATE organizations SET version = version + 1, doc = $3 WHERE org_id = $1 AND version = $2", orgTable.sqlUpdate)
	require.Equal(t, "SELECT version FROM organizations WHERE org_id = $1", orgTable.sqlVersion)
}

func TestHasNUL(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"a":"\u0000"}`:        true,
		`{"a":"x\\\u0000"}`:     true, // an escaped backslash, then NUL
		`{"a":"\\u0000"}`:       false,
		`{"a":"\\\\u0000"}`:     false,
		`\u0000`:                true,
		`{"a":"\u00001"}`:       true,
		`{"a":"u0000"}`:         false,
		`{"a":"\\u0000\u0000"}`: true,
	} {
		require.Equal(t, want, hasNUL([]byte(doc)), doc)
	}
}
