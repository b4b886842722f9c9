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
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, classify(cancelled, errors.New("timeout: conn closed")), context.Canceled)
	require.NoError(t, classify(ctx, nil))
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
