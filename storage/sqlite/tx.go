package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/hipaaops/hipaaops/storage"
)

// tx is one transaction of one organization. Every statement it runs filters by org.
type tx struct {
	s     *Store
	c     *conn
	org   string
	write bool
	done  atomic.Bool
}

func (t *tx) Organization() storage.Organizations        { return orgStore{of(t, orgTable)} }
func (t *tx) Vendors() storage.Vendors                   { return vendorStore{of(t, vendorTable)} }
func (t *tx) Templates() storage.Templates               { return templateStore{of(t, templateTable)} }
func (t *tx) Tasks() storage.Tasks                       { return taskStore{of(t, taskTable)} }
func (t *tx) Members() storage.Members                   { return memberStore{of(t, memberTable)} }
func (t *tx) Trials() storage.Trials                     { return trialStore{of(t, trialTable)} }
func (t *tx) Reminders() storage.Reminders               { return reminderStore{t} }
func (t *tx) Incidents() storage.Incidents               { return incidentStore{of(t, incidentTable)} }
func (t *tx) Risks() storage.Risks                       { return riskStore{of(t, riskTable)} }
func (t *tx) Analyses() storage.Analyses                 { return analysisStore{of(t, analysisTable)} }
func (t *tx) ControlDecisions() storage.ControlDecisions { return decisionStore{of(t, decisionTable)} }
func (t *tx) Audit() storage.AuditLog                    { return auditLog{t} }
func (t *tx) Events() storage.EventLog                   { return eventLog{t} }

// errReadOnly is returned for a write inside View.
var errReadOnly = errors.New("sqlite: write in a read-only transaction (use Update)")

// check reports a used-up transaction, a done context or a write in a read-only one.
func (t *tx) check(ctx context.Context, writing bool) error {
	if t.done.Load() {
		return storage.ErrTxDone
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if writing && !t.write {
		return errReadOnly
	}
	return nil
}

// fail classifies an error of a statement this transaction ran.
func (t *tx) fail(ctx context.Context, what string, err error) error {
	if t.done.Load() {
		return fmt.Errorf("sqlite: %s: %w", what, storage.ErrTxDone)
	}
	return classify(ctx, what, err)
}

// isBusy reports SQLite's SQLITE_BUSY or SQLITE_LOCKED: another connection holds a lock.
func isBusy(err error) bool {
	var se *msqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// classify wraps a database error so that callers can match it with the storage
// sentinels: a constraint on a key is ErrExists, a lock another connection kept past the
// busy timeout ErrConflict, a used-up transaction ErrTxDone, a done context its error.
// Everything else (an I/O error, a full disk, a corrupt file) is ErrUnavailable, with
// SQLite's error in the chain behind it.
func classify(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("sqlite: %s: %w", what, cerr)
	}
	var se *msqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_UNIQUE:
			return fmt.Errorf("sqlite: %s: %w (%w)", what, storage.ErrExists, err)
		}
	}
	if isBusy(err) {
		return fmt.Errorf("sqlite: %s: %w: the database is locked by another connection (%w)", what, storage.ErrConflict, err)
	}
	if errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("sqlite: %s: %w", what, storage.ErrTxDone)
	}
	if _, ok := errors.AsType[*errDecode](err); ok {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return fmt.Errorf("sqlite: %s: %w: %w", what, storage.ErrUnavailable, err)
}
