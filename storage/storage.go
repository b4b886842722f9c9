// Package storage is the contract between the compliance engine and the databases that
// keep an organization's records.
//
// A [Store] hands out organization-scoped handles ([Store.Org]); every read and write goes
// through a transaction of one handle, so no call can reach another organization's
// records. Each aggregate has a small interface ([Organizations], [Vendors], [Templates],
// [Tasks], [Members], [Trials], [Reminders], [Incidents], [Risks], [Analyses],
// [ControlDecisions], [AuditLog], [EventLog]) with context-first
// methods; listings are iter.Seq2 values that must be
// consumed inside the transaction.
//
// Backends live in subpackages named after what they use: storage/memory (tests and
// examples), storage/sqlite (the embedded default) and storage/postgres. Every backend
// passes the conformance suite in storage/storagetest, which states each behaviour once.
//
// # Errors
//
// Backends classify their own errors so that callers only see these sentinels with
// [errors.Is]: [ErrNotFound], [ErrConflict], [ErrExists], [ErrClosed], [ErrTxDone],
// [ErrUnavailable].
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
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// Sentinel errors every backend returns, wrapped with detail. compliance.Code sorts
// them: ErrNotFound is not_found; ErrConflict and ErrExists are conflict; ErrClosed and
// ErrUnavailable are unavailable; ErrTxDone (a programming error) is internal.
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
	// ErrUnavailable: the database failed or could not be reached (a driver or I/O
	// error); the change was not made. Backends wrap such failures with it, so that a
	// storage failure is never mistaken for bad input.
	ErrUnavailable = errors.New("storage: unavailable")
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
	Templates() Templates
	Tasks() Tasks
	Members() Members
	Trials() Trials
	Reminders() Reminders
	Incidents() Incidents
	Risks() Risks
	Analyses() Analyses
	ControlDecisions() ControlDecisions
	Audit() AuditLog
	Events() EventLog
}

// Records is the Get, Create and Update every aggregate's storage has; each aggregate's
// interface embeds it with its key and value types and adds its indexed queries.
type Records[K comparable, V any] interface {
	// Get returns the record, or ErrNotFound.
	Get(ctx context.Context, id K) (V, error)
	// Create stores v with version 1 and sets its Version; ErrExists if the key is taken.
	Create(ctx context.Context, v *V) error
	// Update stores v if its Version is current (else ErrConflict; ErrNotFound if it was
	// never created), and advances it.
	Update(ctx context.Context, v *V) error
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
	Records[vendors.ID, vendors.Vendor]
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
	// Name keeps the vendor of this name, compared as [vendors.NameKey] does (case and
	// spaces do not count).
	Name string
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

// Before is the window of set dates before d: [the day after the zero date, d). The zero
// date means "unset", so an overdue query (due before today) never returns records
// without a date.
func Before(d date.Date) Window { return Window{From: 1, To: d} }

// Contains reports whether d falls in the window.
func (w Window) Contains(d date.Date) bool { return d >= w.From && d < w.To }

// AuditLog stores the organization's audit chain.
type AuditLog interface {
	// Append stores e, which must follow the last entry (Seq = last+1, Prev = its hash);
	// otherwise ErrConflict.
	Append(ctx context.Context, e audit.Entry) error
	// Last returns the newest entry, or ErrNotFound when the chain is empty.
	Last(ctx context.Context) (audit.Entry, error)
	// List returns up to limit entries with Seq ≥ from, in stored order by Seq (limit
	// 0: all).
	List(ctx context.Context, from uint64, limit int) iter.Seq2[audit.Entry, error]
}

// EventLog stores the organization's outbox of domain events.
type EventLog interface {
	// Append assigns e the next sequence number and stores it.
	Append(ctx context.Context, e *event.Event) error
	// List returns up to limit events with Seq > after, in order (limit 0: all).
	List(ctx context.Context, after uint64, limit int) iter.Seq2[event.Event, error]
}

// Templates stores the organization's task templates.
type Templates interface {
	Records[task.TemplateID, task.Template]
	// List returns the templates that match q, ordered by id.
	List(ctx context.Context, q TemplateQuery) iter.Seq2[task.Template, error]
}

// TemplateQuery pages through the stored templates.
type TemplateQuery struct {
	// AfterID continues a listing after the last template of a previous page.
	AfterID task.TemplateID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Tasks stores the organization's compliance tasks.
type Tasks interface {
	Records[task.ID, task.Task]
	// List returns the tasks that match q, ordered by due date then id. Every filter a
	// backend is asked for is answered from an index led by the organization id: open
	// tasks by due date, by assignee, by site and by subject.
	List(ctx context.Context, q TaskQuery) iter.Seq2[task.Task, error]
}

// TaskQuery filters a task listing; zero fields do not filter.
type TaskQuery struct {
	// Open keeps only tasks in an open state (open, in progress, blocked).
	Open bool
	// Due keeps tasks whose due date falls in the window (From inclusive, To exclusive);
	// the zero window does not filter. Overdue as of d is Window{To: d}.
	Due Window
	// Person keeps tasks assigned to this person; Role those assigned to this role.
	Person string
	Role   task.Role
	// Site keeps tasks of this site.
	Site org.SiteID
	// Subject keeps tasks about this record (both fields must be set).
	Subject task.Subject
	// Series keeps the occurrences of one recurring series.
	Series task.ID
	// AfterDue and AfterID continue a listing after the last task of a previous page.
	AfterDue date.Date
	AfterID  task.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Members stores the organization's workforce roster.
type Members interface {
	Records[workforce.ID, workforce.Member]
	// List returns the members that match q, ordered by name then id.
	List(ctx context.Context, q MemberQuery) iter.Seq2[workforce.Member, error]
}

// MemberQuery filters a roster listing; zero fields do not filter.
type MemberQuery struct {
	// Role keeps members in this role.
	Role workforce.Role
	// ActiveOn keeps members employed on that day (started on or before it, not ended
	// before it).
	ActiveOn date.Date
	// AfterName and AfterID continue a listing after the last member of a previous page.
	AfterName string
	AfterID   workforce.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Trials stores the organization's clinical trials.
type Trials interface {
	Records[trials.ID, trials.Trial]
	// List returns the trials that match q, ordered by id.
	List(ctx context.Context, q TrialQuery) iter.Seq2[trials.Trial, error]
}

// TrialQuery filters a trial listing; zero fields do not filter.
type TrialQuery struct {
	// Status keeps trials in this status.
	Status trials.Status
	// AfterID continues a listing after the last trial of a previous page.
	AfterID trials.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Reminders records which reminders were sent, so that each is sent once.
type Reminders interface {
	// Claim records that the reminder named key is sent at the given instant and reports
	// true; if that key was claimed before, in this or any committed transaction, it
	// reports false and changes nothing. Since an organization's write transactions are
	// serialized, of several processes sweeping at once exactly one claims each key.
	Claim(ctx context.Context, key string, at time.Time) (bool, error)
}

// Incidents stores the organization's security incidents and breach files (counts of
// individuals by state, never identities).
type Incidents interface {
	Records[incident.ID, incident.Incident]
	// List returns the incidents that match q, ordered by discovery date (DiscoveredOn)
	// then id, from an index led by the organization id.
	List(ctx context.Context, q IncidentQuery) iter.Seq2[incident.Incident, error]
}

// IncidentQuery filters an incident listing; zero fields do not filter.
type IncidentQuery struct {
	// Open keeps only incidents whose file is not closed (ClosedOn unset).
	Open bool
	// Discovered keeps incidents whose DiscoveredOn falls in the window, e.g. a
	// calendar year for the HHS annual log.
	Discovered Window
	// AfterDiscovered and AfterID continue a listing after the last incident of a
	// previous page (set when AfterID is set).
	AfterDiscovered date.Date
	AfterID         incident.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Risks stores the organization's living risk register.
type Risks interface {
	Records[riskreg.ID, riskreg.Risk]
	// List returns the risks that match q. Without a window they are ordered by id; with
	// TreatmentDue by due date then id; with ReviewDue by acceptance review date then id.
	List(ctx context.Context, q RiskQuery) iter.Seq2[riskreg.Risk, error]
}

// RiskQuery filters the register; zero fields do not filter. At most one of the windows
// is set.
type RiskQuery struct {
	// Open keeps risks that are not closed.
	Open bool
	// TreatmentDue keeps risks being treated whose treatment due date
	// ([riskreg.Risk.TreatmentDueOn]) falls in the window.
	TreatmentDue Window
	// ReviewDue keeps accepted risks whose acceptance review date falls in the window.
	ReviewDue Window
	// AfterOn and AfterID continue a listing after the last risk of a previous page:
	// AfterOn is that risk's date of the window's ordering (unused without a window).
	AfterOn date.Date
	AfterID riskreg.ID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// Analyses stores the organization's risk analyses: snapshots of the register,
// frozen once approved.
type Analyses interface {
	Records[riskreg.AnalysisID, riskreg.Analysis]
	// List returns the analyses that match q, ordered by year then id.
	List(ctx context.Context, q AnalysisQuery) iter.Seq2[riskreg.Analysis, error]
}

// AnalysisQuery pages through the analyses.
type AnalysisQuery struct {
	// AfterYear and AfterID continue a listing after the last analysis of a previous
	// page (set when AfterID is set).
	AfterYear int
	AfterID   riskreg.AnalysisID
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// ControlDecisions stores the organization's decisions on addressable implementation
// specifications (45 CFR 164.306(d)(3)), one per control and catalog version.
type ControlDecisions interface {
	// Records are keyed by catalog version and control: one decision per control and
	// catalog version.
	Records[controls.DecisionKey, controls.AddressableDecision]
	// List returns the decisions of one catalog version, ordered by control id.
	List(ctx context.Context, catalogVersion string) iter.Seq2[controls.AddressableDecision, error]
}
