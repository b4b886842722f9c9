package compliance

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
)

// ErrNoActor is returned when the context carries no [Actor]. Its code is [Forbidden].
var ErrNoActor = errors.New("compliance: no actor in context (use compliance.WithActor)")

// ErrForbidden is returned when the authorizer refuses an action. Its code is
// [Forbidden].
var ErrForbidden = errors.New("compliance: forbidden")

// ErrBadOptions is returned by [New] for options it cannot run with: a rule naming a
// template the library lacks, an invalid template, a rule without a name. Its code is
// [InvalidInput].
var ErrBadOptions = errors.New("compliance: bad options")

// Actor is the person or system acting; it is recorded in the audit trail.
type Actor struct {
	// ID identifies the actor in the embedder's user directory.
	ID string `json:"id"`
	// Name is how reports name the actor.
	Name string `json:"name,omitempty"`
	// Roles are the embedder's role names, for the authorizer.
	Roles []string `json:"roles"`
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

// Options configure an [Engine]; the zero value gives the defaults.
type Options struct {
	// Now returns the current instant; default time.Now.
	Now func() time.Time
	// NewID returns a new unique id for a record of the given kind; default: the
	// kind's first three letters and 16 random base32 characters.
	NewID func(kind record.Kind) string
	// Authorize is asked before every use case, reads included, with the use case's
	// [Action]; an error refuses it (wrapped with ErrForbidden). Default: allow.
	Authorize func(ctx context.Context, a Actor, orgID org.ID, action Action) error
	// Rules turn recorded events into tasks; nil means [DefaultRules]. An empty,
	// non-nil slice disables them all.
	Rules []Rule
	// Templates is the template library rules and use cases draw from when the
	// organization has not stored a template of that id; nil means profiles.Library().
	Templates []task.Template
	// Incident configures the breach-notification calculator: the State rules (default
	// statelaws.Default(), which an embedder overrides or extends), the business-day
	// calendar (default weekends and US federal holidays) and how a law-enforcement
	// delay moves deadlines (default: the clock is tolled).
	Incident incident.Options
}

// Engine runs the use cases. It is safe for concurrent use. Reach one organization's
// services through [Engine.Org].
type Engine struct {
	store     storage.Store
	now       func() time.Time
	newID     func(record.Kind) string
	authorize func(context.Context, Actor, org.ID, Action) error
	rules     []Rule
	library   map[task.TemplateID]task.Template
	// incidentOpts configures incident.Obligations.
	incidentOpts incident.Options
}

// New returns an engine on store. It refuses options it cannot run with: a nil store,
// a rule naming a template the library lacks ([ErrUnknownTemplate] in a [*RuleError]),
// an invalid template (a [*validation.Error]); every such error matches [ErrBadOptions].
func New(store storage.Store, opts Options) (*Engine, error) {
	if store == nil {
		return nil, fmt.Errorf("%w: store must not be nil", ErrBadOptions)
	}
	e := &Engine{store: store, now: opts.Now, newID: opts.NewID, authorize: opts.Authorize, incidentOpts: opts.Incident}
	if e.now == nil {
		e.now = time.Now
	}
	if e.newID == nil {
		e.newID = randomID
	}
	// The State rules are built once, not on every computation of an incident's
	// obligations.
	if e.incidentOpts.Rules == nil {
		e.incidentOpts.Rules = statelaws.DefaultSet()
	}
	e.rules = slices.Clone(opts.Rules)
	if opts.Rules == nil {
		e.rules = DefaultRules()
	}
	templates := opts.Templates
	if templates == nil {
		templates = profiles.Library()
	}
	e.library = make(map[task.TemplateID]task.Template, len(templates))
	var errs []error
	for i := range templates {
		if err := templates[i].Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		e.library[templates[i].ID] = templates[i].Clone()
	}
	errs = append(errs, checkRules(e.rules, e.library), opts.Incident.Validate())
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadOptions, err)
	}
	return e, nil
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func randomID(kind record.Kind) string {
	var b [10]byte
	_, _ = rand.Read(b[:])
	prefix := string(kind)
	if len(prefix) > 3 {
		prefix = prefix[:3]
	}
	return prefix + "_" + idEncoding.EncodeToString(b[:])
}

// call is the state of one use case inside its transaction.
type call struct {
	e      *Engine
	ctx    context.Context
	tx     storage.Tx
	actor  Actor
	now    time.Time
	action Action
	org    *org.Organization
	// inRule is set while rules create tasks: their own events fire no further rules.
	inRule bool
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
func (c *call) record(objectType record.Kind, objectID string, obj any, evs ...eventSpec) error {
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
	if c.inRule || len(c.e.rules) == 0 {
		return nil
	}
	today, err := c.dateOr(date.Zero)
	if err != nil {
		return err
	}
	c.inRule = true
	defer func() { c.inRule = false }()
	for _, s := range evs {
		if err := c.applyRules(s.typ, s.data, today); err != nil {
			return err
		}
	}
	return nil
}

type eventSpec struct {
	typ  event.Type
	data payload
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
		return fn(&call{e: e, ctx: ctx, tx: tx, actor: a, now: now, action: action})
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
		return fn(&call{e: e, ctx: ctx, tx: tx, actor: a, now: now, action: action})
	})
}

func trimmed(s string) string { return strings.TrimSpace(s) }
