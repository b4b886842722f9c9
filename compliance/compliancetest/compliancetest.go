// Package compliancetest gives tests of code that embeds the compliance engine what they
// need, the way net/http/httptest does for handlers: a settable [Clock], sequential
// [IDs], and a [Kit] that holds an engine on storage/memory (or a store of the test's
// choosing), an actor in its context and helpers to create organizations.
//
//	kit := compliancetest.New(t, compliancetest.Options{})
//	clinic := kit.Organization(t, "clinic-1")
//	v, err := clinic.Vendors().Add(kit.Ctx, vendors.Vendor{Name: "Vault PACS", Category: vendors.CategoryPACS})
//	kit.Clock.AddDays(30)
package compliancetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
)

// DefaultStart is the instant a [Kit]'s clock starts at unless Options.Start is set:
// 2026-06-01 12:00 UTC.
var DefaultStart = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// Clock is a settable clock for [compliance.Options.Now]; it is safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's instant.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Add moves the clock forward by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// AddDays moves the clock forward by n calendar days (back when n is negative).
func (c *Clock) AddDays(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.AddDate(0, 0, n)
}

// IDs hands out sequential ids per kind, "vendor-1", "vendor-2", "task-1"…, for
// [compliance.Options.NewID]; it is safe for concurrent use.
type IDs struct {
	mu sync.Mutex
	n  map[record.Kind]int
}

// New returns the next id of kind.
func (g *IDs) New(kind record.Kind) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.n == nil {
		g.n = map[record.Kind]int{}
	}
	g.n[kind]++
	return fmt.Sprintf("%s-%d", kind, g.n[kind])
}

// Options configure a [Kit]; the zero value is an engine on a new memory store, with the
// clock at [DefaultStart], sequential ids and the default rules and templates.
type Options struct {
	// Start is the clock's first instant; zero means DefaultStart.
	Start time.Time
	// Store is the store the engine runs on; nil means a new storage/memory store.
	Store storage.Store
	// Engine are the engine's options; Now and NewID, when nil, are the kit's clock and
	// ids.
	Engine compliance.Options
	// Actor acts in Ctx; zero means {ID: "test-admin", Name: "Test Administrator"}.
	Actor compliance.Actor
}

// Kit is an engine ready for a test.
type Kit struct {
	// Engine runs on Store with the kit's clock and ids.
	Engine *compliance.Engine
	// Store is the engine's store.
	Store storage.Store
	// Clock is the engine's clock.
	Clock *Clock
	// IDs hands out the engine's ids.
	IDs *IDs
	// Ctx carries the kit's actor.
	Ctx context.Context
}

// New returns a kit; it fails the test if the engine's options are refused.
func New(t testing.TB, opts Options) *Kit {
	t.Helper()
	start := opts.Start
	if start.IsZero() {
		start = DefaultStart
	}
	k := &Kit{Store: opts.Store, Clock: NewClock(start), IDs: &IDs{}}
	if k.Store == nil {
		k.Store = memory.New()
	}
	eo := opts.Engine
	if eo.Now == nil {
		eo.Now = k.Clock.Now
	}
	if eo.NewID == nil {
		eo.NewID = k.IDs.New
	}
	e, err := compliance.New(k.Store, eo)
	if err != nil {
		t.Fatalf("compliancetest: %v", err)
	}
	k.Engine = e
	actor := opts.Actor
	if actor.ID == "" {
		actor = compliance.Actor{ID: "test-admin", Name: "Test Administrator"}
	}
	k.Ctx = compliance.WithActor(context.Background(), actor)
	return k
}

// Organization creates an organization with that id, named after it, in UTC with no
// sites, and returns its handle; it fails the test if the organization cannot be
// created.
func (k *Kit) Organization(t testing.TB, id org.ID) *compliance.Org {
	t.Helper()
	return k.CreateOrganization(t, org.Organization{ID: id, Name: "Organization " + string(id), TimeZone: "UTC"})
}

// CreateOrganization creates o and returns its handle; it fails the test if o cannot be
// created.
func (k *Kit) CreateOrganization(t testing.TB, o org.Organization) *compliance.Org {
	t.Helper()
	if _, err := k.Engine.CreateOrganization(k.Ctx, o); err != nil {
		t.Fatalf("compliancetest: create organization %q: %v", o.ID, err)
	}
	return k.Engine.Org(o.ID)
}
