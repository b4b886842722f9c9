// Package compliance is the engine embedders call to run a practice's HIPAA compliance
// program: the vendor inventory and its business associate agreements, compliance tasks,
// the workforce roster and clinical trials, security incidents and their notification
// deadlines, the risk register and its annual analysis, the audit trail and the events.
//
// # Engine and organizations
//
// [New] makes an [Engine] on a [storage.Store] (storage/sqlite is the embedded default,
// storage/postgres the one for many app servers, storage/memory the one for tests) and
// refuses options it cannot run with. [Engine.CreateOrganization] is the only use case on
// the engine; everything else is on the handle of one organization, [Engine.Org], the way
// [storage.Store.Org] scopes storage:
//
//	clinic := engine.Org("clinic-1")
//	v, err := clinic.Vendors().Add(ctx, vendors.Vendor{Name: "Summit Specialty Pharmacy", …})
//	v, err = clinic.Vendors().RequestBAA(ctx, v.Ref(), vendors.Move{})
//
// The handle groups the use cases by noun: [Org.Vendors] (vendors, determinations and the
// BAA lifecycle), [Org.Tasks] (tasks and templates), [Org.Roster] (the workforce and its
// training), [Org.Trials] (clinical trials), [Org.Incidents] (security incidents and the
// obligations they create), [Org.Risks], [Org.Analyses] and [Org.Controls] (the risk
// register, the annual risk analysis and the addressable-specification decisions),
// [Org.Audit] and [Org.Events]; and, on the handle itself, the organization's
// [Org.Profile], [Org.Inventory], [Org.ApplyProfile] and [Org.Sweep].
//
// Each use case runs in one storage transaction: it asks the authorizer, checks the input,
// changes the domain values, stores them, appends an entry to the organization's audit
// chain and records its events, so that it either happens whole or leaves nothing behind.
//
// # One shape for every change
//
// A change takes (ctx, ref, input): ref is the [record.Ref] of the value the caller read
// (its id and version; every aggregate has a Ref method), input is one struct per move
// (for example [vendors.Signing], [incident.Notice]). A stale version fails with
// [storage.ErrConflict] and changes nothing. Updates of a whole value take the value, with
// its version inside; creates take the value and assign its id when empty. On error every
// use case returns the zero value.
//
// # Dates
//
// Calendar dates passed to use cases are dates in the organization's time zone. A zero
// On (or SignedOn, ReviewedOn, …) means today in that zone; a date in the future for an
// act recorded as done (a BAA signed or reviewed, a notice sent, a task completed) is
// refused.
//
// # Actions and authorization
//
// Every use case, reads included, has an [Action] constant, which [Options.Authorize]
// receives with the [Actor] from the context ([WithActor]; none is [ErrNoActor]). A
// refusal is wrapped with [ErrForbidden].
//
// # Tasks, rules and the sweep
//
// Compliance work is tasks made from templates ([task.Template]; the library is
// profiles.Library(), and an organization may store its own versions). [Org.ApplyProfile]
// starts a specialty profile's recurring program. [Rule] values turn recorded events into
// tasks in the same transaction ([DefaultRules]: a vendor handling PHI is added, a BAA
// signed or terminated, a trial opened, a workforce member joins, changes role or leaves);
// tasks created by rules fire no further rules. Completing or skipping a recurring task
// creates its next occurrence in the same transaction, exactly once. [Org.Sweep] emits the
// reminders that became due as of a day, each once, even when several processes sweep at
// the same time.
//
// # Breach notification
//
// [IncidentService] keeps each incident's file: the facts as the investigation learns
// them, the determination, law-enforcement delays, the notices sent and counsel's
// decisions. Every change returns the [IncidentFile] with the obligations recomputed by
// [incident.Obligations] on the engine's State rules (built once, in [New]); each
// obligation added, removed, moved or owed again is an event. An obligation resting on an
// unverified State rule stays pending until counsel records, with
// [IncidentService.DecideNotRequired], who decided, when, why and on which citation: the
// file then closes honestly.
//
// # Events and the audit trail
//
// Each change appends a hash-chained [audit.Entry] and records events ([event.Event], an
// outbox an embedder relays); each event type has one exported payload type documented
// beside its constant. The audit entry, the event and [task.Subject] share one object
// kind, [record.Kind]. [AuditService.Verify] reports whether the chain is intact.
//
// # Listings
//
// Every listing returns a [Page]: at most the query's Limit items (a bounded default when
// zero) and an opaque Next cursor to pass back as the query's Cursor; the last page has
// none. [All] reads every page of a listing:
//
//	open, err := compliance.All(ctx, clinic.Tasks().List, compliance.TaskQuery{Open: true})
//
// # Errors
//
// The sentinels and typed errors of the library stay usable with errors.Is and
// errors.As: a [*validation.Error] names the field as the caller wrote it (`signed_on`),
// [storage.ErrNotFound], [storage.ErrConflict], [ErrForbidden], a
// [*vendors.TransitionError] for an illegal BAA move. [Code] sorts any of them into a
// small set of codes ([InvalidInput], [NotFound], [Conflict], [Forbidden],
// [FailedPrecondition], [Unavailable], [Internal]) that an HTTP or gRPC layer maps to its
// statuses, the way Go CDK's gcerrors.Code does.
//
// # JSON
//
// Every type a use case returns marshals to snake_case JSON; empty lists are [] and
// reasons and gap kinds are enums with a text beside them.
//
// # Testing
//
// Package compliancetest gives a settable clock, sequential ids and an engine on
// storage/memory for embedders' tests and ours.
package compliance
