// Package storage is the contract between the compliance engine and the databases that
// keep an organization's records.
//
// A [Store] hands out organization-scoped handles ([Store.Org]); every read and write goes
// through a transaction of one handle, so no call can reach another organization's
// records. Each aggregate has a small interface ([Vendors], [Organizations], [AuditLog],
// [EventLog]) with context-first methods; listings are iter.Seq2 values that must be
// consumed inside the transaction.
//
// Backends live in subpackages named after what they use: storage/memory (tests and
// examples), storage/sqlite (the embedded default) and storage/postgres. Every backend
// passes the conformance suite in storage/storagetest, which states each behaviour once.
//
// # Errors
//
// Backends classify their own errors so that callers only see these sentinels with
// [errors.Is]: [ErrNotFound], [ErrConflict], [ErrExists], [ErrClosed], [ErrTxDone].
//
// # Concurrency
//
// Every stored aggregate carries a version. Create stores version 1; Update succeeds only
// when the value's Version equals the stored one, stores Version+1 and sets it on the
// value; a stale version fails with ErrConflict and changes nothing. Write transactions
// of one organization are serialized, so its audit chain and event sequence never fork.
package storage

import (
	"context"
	"errors"
	"iter"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/vendors"
)

// Sentinel errors every backend returns, wrapped with detail.
var (
	// ErrNotFound: no such record in this organization.
	ErrNotFound = errors.New("storage: not found")
	// ErrConflict: the record changed since it was read (stale version), or a concurrent
	// transaction won; re-read and try again.
	ErrConflict = errors.New("storage: conflict")
	// ErrExists: a record with that id already exists.
	ErrExists = errors.New("storage: already exists")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("storage: closed")
	// ErrTxDone: a transaction was used after its function returned.
	ErrTxDone = errors.New("storage: transaction has ended")
)

// Store is a database of organizations' compliance records.
type Store interface {
	// Org returns the handle through which one organization's records are reached.
	Org(id org.ID) Org
	// Close releases the store's resources.
	Close() error
}

// Org is an organization-scoped handle.
type Org interface {
	// ID returns the organization the handle is scoped to.
	ID() org.ID
	// Update runs fn in a read-write transaction, committed when fn returns nil and rolled
	// back, leaving nothing behind, when it returns an error (which Update returns).
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction.
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is one transaction on one organization's records. It must not be used after the
// function it was passed to returns.
type Tx interface {
	Organization() Organizations
	Vendors() Vendors
	Audit() AuditLog
	Events() EventLog
}

// Organizations stores the profile of the handle's organization.
type Organizations interface {
	// Get returns the organization, or ErrNotFound if it was never created.
	Get(ctx context.Context) (org.Organization, error)
	// Create stores o (whose ID must be the handle's) with version 1; ErrExists if stored.
	Create(ctx context.Context, o *org.Organization) error
	// Update stores o if its Version is current, and advances it.
	Update(ctx context.Context, o *org.Organization) error
}

// Vendors stores the organization's vendors with their determinations and BAAs.
type Vendors interface {
	// Get returns the vendor, or ErrNotFound.
	Get(ctx context.Context, id vendors.ID) (vendors.Vendor, error)
	// Create stores v with version 1; ErrExists if the id is taken.
	Create(ctx context.Context, v *vendors.Vendor) error
	// Update stores v if its Version is current (else ErrConflict), and advances it.
	Update(ctx context.Context, v *vendors.Vendor) error
	// List returns the vendors that match q, ordered by name then id.
	List(ctx context.Context, q VendorQuery) iter.Seq2[vendors.Vendor, error]
	// ReviewsDue returns vendors whose BAA is in force (by state) and whose next review
	// date falls in w, ordered by next review date then id.
	ReviewsDue(ctx context.Context, w Window) iter.Seq2[vendors.Vendor, error]
	// Expiring returns vendors whose BAA is in force or expired (by state) and whose
	// expiry date falls in w, ordered by expiry date then id.
	Expiring(ctx context.Context, w Window) iter.Seq2[vendors.Vendor, error]
	// Stalled returns vendors whose BAA is requested or in negotiation with no activity
	// on or after the given date (LastActivityOn < before), oldest activity first.
	Stalled(ctx context.Context, before date.Date) iter.Seq2[vendors.Vendor, error]
}

// VendorQuery filters a vendor listing; zero fields do not filter.
type VendorQuery struct {
	// States keeps vendors whose current BAA is in one of these states.
	States []vendors.State
	// Categories keeps vendors in one of these categories.
	Categories []vendors.Category
	// AfterName and AfterID continue a listing after the last vendor of a previous page.
	AfterName string
	AfterID   vendors.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Window is a range of calendar dates: From inclusive, To exclusive ([From, To)).
// A window from day d for n days is Window{From: d, To: d + n}.
type Window struct {
	From, To date.Date
}

// Contains reports whether d falls in the window.
func (w Window) Contains(d date.Date) bool { return d >= w.From && d < w.To }

// AuditLog stores the organization's audit chain.
type AuditLog interface {
	// Append stores e, which must follow the last entry (Seq = last+1, Prev = its hash);
	// otherwise ErrConflict.
	Append(ctx context.Context, e audit.Entry) error
	// Last returns the newest entry, or ErrNotFound when the chain is empty.
	Last(ctx context.Context) (audit.Entry, error)
	// List returns the entries with Seq ≥ from, in stored order by Seq.
	List(ctx context.Context, from uint64) iter.Seq2[audit.Entry, error]
}

// EventLog stores the organization's outbox of domain events.
type EventLog interface {
	// Append assigns e the next sequence number and stores it.
	Append(ctx context.Context, e *event.Event) error
	// List returns up to limit events with Seq > after, in order (limit 0: all).
	List(ctx context.Context, after uint64, limit int) iter.Seq2[event.Event, error]
}
