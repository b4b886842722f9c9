// Package compliance is the engine embedders call to run a practice's HIPAA compliance
// program.
//
// An [Engine] does each use case in one storage transaction: it checks the actor and the
// input, changes the domain values, stores them, appends an entry to the organization's
// audit chain and records the events, so that a use case either happens whole or leaves
// nothing behind. It owns the clock ([Options.Now]), the acting user (from the context,
// see [WithActor]), the authorization hook, the audit trail and the reports.
//
// # Dates
//
// Calendar dates passed to use cases are dates in the organization's time zone. Where a
// use case takes an action date and it is zero, the engine uses today in that zone.
//
// # Errors
//
// Bad input returns a [*validation.Error] (errors.Is(err, validation.ErrInvalid)); an
// illegal BAA move a [*vendors.TransitionError]; a stale version [storage.ErrConflict]; an
// unknown id, or one of another organization, [storage.ErrNotFound]; a missing actor
// [ErrNoActor]; a refusal by the authorizer [ErrForbidden].
package compliance

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
)

// ErrNoActor is returned when the context carries no [Actor].
var ErrNoActor = errors.New("compliance: no actor in context (use compliance.WithActor)")

// ErrForbidden is returned when the authorizer refuses an action.
var ErrForbidden = errors.New("compliance: forbidden")

// Actor is the person or system acting; it is recorded in the audit trail.
type Actor struct {
	// ID identifies the actor in the embedder's user directory.
	ID string
	// Name is how reports name the actor.
	Name string
	// Roles are the embedder's role names, for the authorizer.
	Roles []string
}

type actorKey struct{}

// WithActor returns a context that carries the acting user.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor the context carries.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok && a.ID != ""
}

func (a Actor) label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// Action names a use case for the authorizer and the audit trail, e.g. "baa.sign".
type Action string

// Options configure an [Engine]; the zero value gives the defaults.
type Options struct {
	// Now returns the current instant; default time.Now.
	Now func() time.Time
	// NewID returns a new unique id for a record of the given kind ("vendor", …);
	// default: the kind's prefix and 16 random base32 characters.
	NewID func(kind string) string
	// Authorize is asked before every use case; an error refuses it (wrapped with
	// ErrForbidden). Default: allow.
	Authorize func(ctx context.Context, a Actor, orgID org.ID, action Action) error
}

// Engine runs the use cases. It is safe for concurrent use.
type Engine struct {
	store     storage.Store
	now       func() time.Time
	newID     func(string) string
	authorize func(context.Context, Actor, org.ID, Action) error
}

// New returns an engine on store.
func New(store storage.Store, opts Options) *Engine {
	e := &Engine{store: store, now: opts.Now, newID: opts.NewID, authorize: opts.Authorize}
	if e.now == nil {
		e.now = time.Now
	}
	if e.newID == nil {
		e.newID = randomID
	}
	return e
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func randomID(kind string) string {
	var b [10]byte
	_, _ = rand.Read(b[:])
	prefix := kind
	if len(prefix) > 3 {
		prefix = prefix[:3]
	}
	return prefix + "_" + idEncoding.EncodeToString(b[:])
}

// call is the state of one use case inside its transaction.
type call struct {
	ctx    context.Context
	tx     storage.Tx
	actor  Actor
	now    time.Time
	action Action
	org    *org.Organization
}

// today returns d, or today in the organization's time zone when d is zero.
func (c *call) orgProfile() (org.Organization, error) {
	if c.org == nil {
		o, err := c.tx.Organization().Get(c.ctx)
		if err != nil {
			return org.Organization{}, err
		}
		c.org = &o
	}
	return *c.org, nil
}

// record appends the audit entry for obj and the events, in the use case's transaction.
func (c *call) record(objectType, objectID string, obj any, evs ...eventSpec) error {
	digest, err := audit.Digest(obj)
	if err != nil {
		return err
	}
	var prev *audit.Entry
	last, err := c.tx.Audit().Last(c.ctx)
	switch {
	case err == nil:
		prev = &last
	case !errors.Is(err, storage.ErrNotFound):
		return err
	}
	entry := audit.Next(prev, audit.Entry{
		At: c.now, Actor: c.actor.ID, Action: string(c.action),
		ObjectType: objectType, ObjectID: objectID, Digest: digest,
	})
	if err := c.tx.Audit().Append(c.ctx, entry); err != nil {
		return err
	}
	for _, s := range evs {
		data, err := json.Marshal(s.data)
		if err != nil {
			return fmt.Errorf("compliance: event %s: %w", s.typ, err)
		}
		ev := event.Event{Type: s.typ, At: entry.At, Actor: c.actor.ID, ObjectType: objectType, ObjectID: objectID, Data: data}
		if err := c.tx.Events().Append(c.ctx, &ev); err != nil {
			return err
		}
	}
	return nil
}

type eventSpec struct {
	typ  event.Type
	data any
}

// begin checks the actor and the authorizer.
func (e *Engine) begin(ctx context.Context, orgID org.ID, action Action) (Actor, error) {
	a, ok := ActorFrom(ctx)
	if !ok {
		return Actor{}, ErrNoActor
	}
	if orgID == "" {
		return Actor{}, fmt.Errorf("compliance: organization id must not be empty: %w", storage.ErrNotFound)
	}
	if e.authorize != nil {
		if err := e.authorize(ctx, a, orgID, action); err != nil {
			return Actor{}, fmt.Errorf("%w: %s may not %s: %w", ErrForbidden, a.label(), action, err)
		}
	}
	return a, nil
}

// update runs a use case in a write transaction.
func (e *Engine) update(ctx context.Context, orgID org.ID, action Action, fn func(*call) error) error {
	a, err := e.begin(ctx, orgID, action)
	if err != nil {
		return err
	}
	now := e.now().UTC()
	return e.store.Org(orgID).Update(ctx, func(tx storage.Tx) error {
		return fn(&call{ctx: ctx, tx: tx, actor: a, now: now, action: action})
	})
}

// view runs a read in a read-only transaction.
func (e *Engine) view(ctx context.Context, orgID org.ID, action Action, fn func(*call) error) error {
	a, err := e.begin(ctx, orgID, action)
	if err != nil {
		return err
	}
	now := e.now().UTC()
	return e.store.Org(orgID).View(ctx, func(tx storage.Tx) error {
		return fn(&call{ctx: ctx, tx: tx, actor: a, now: now, action: action})
	})
}

func trimmed(s string) string { return strings.TrimSpace(s) }
