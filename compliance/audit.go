package compliance

import (
	"context"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/event"
)

// AuditService reads and verifies the organization's tamper-evident audit trail: one
// hash chain of entries, one per change, each naming the actor, the action and the
// record changed.
type AuditService struct{ o *Org }

// Audit returns the organization's audit trail.
func (o *Org) Audit() AuditService { return AuditService{o} }

// AuditQuery pages through the audit trail in chain order.
type AuditQuery struct {
	// From is the first Seq to return (0 or 1: the start of the chain); a page's Next
	// cursor continues after its last entry.
	From uint64 `json:"from,omitempty"`
	PageQuery
}

type seqCursor struct {
	Seq uint64 `json:"s"`
}

// List returns a page of the audit entries with Seq ≥ q.From, in chain order.
func (s AuditService) List(ctx context.Context, q AuditQuery) (Page[audit.Entry], error) {
	var p Page[audit.Entry]
	err := s.o.view(ctx, ActionAuditRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		from := q.From
		var pos seqCursor
		if ok, err := q.decode(&pos); err != nil {
			return err
		} else if ok {
			from = pos.Seq + 1
		}
		p, err = collectPage(c.tx.Audit().List(c.ctx, from, limit+1), limit,
			func(e *audit.Entry) seqCursor { return seqCursor{e.Seq} })
		return err
	})
	return result(p, err)
}

// AuditStatus is the result of verifying an organization's audit chain.
type AuditStatus struct {
	// Entries is the number of entries checked.
	Entries int `json:"entries"`
	// Head is the last entry; anchor its Seq and Hash elsewhere to detect truncation.
	Head audit.Entry `json:"head"`
}

// Verify reads the organization's whole audit chain and verifies it. A broken chain
// returns a [*audit.VerifyError] naming each edited, deleted, reordered or inserted
// entry (code [Internal]).
func (s AuditService) Verify(ctx context.Context) (AuditStatus, error) {
	var entries []audit.Entry
	err := s.o.view(ctx, ActionAuditVerify, func(c *call) (err error) {
		entries, err = collect(c.tx.Audit().List(c.ctx, 0, 0))
		return err
	})
	if err != nil {
		return AuditStatus{}, err
	}
	st := AuditStatus{Entries: len(entries)}
	if n := len(entries); n > 0 {
		st.Head = entries[n-1]
	}
	if err := audit.Verify(entries); err != nil {
		return AuditStatus{}, err
	}
	return result(st, nil)
}

// EventService reads the organization's event outbox: every change's domain events and
// the sweep's reminders, in commit order, for an embedder to deliver.
type EventService struct{ o *Org }

// Events returns the organization's event outbox.
func (o *Org) Events() EventService { return EventService{o} }

// EventQuery pages through the outbox.
type EventQuery struct {
	// After is the Seq the reader processed last (0: from the start); a page's Next
	// cursor continues after its last event.
	After uint64 `json:"after,omitempty"`
	PageQuery
}

// List returns a page of the events with Seq > q.After, in order. Each event's Data
// holds the payload its type documents (see [EventTypes]).
func (s EventService) List(ctx context.Context, q EventQuery) (Page[event.Event], error) {
	var p Page[event.Event]
	err := s.o.view(ctx, ActionEventRead, func(c *call) error {
		limit, err := q.size()
		if err != nil {
			return err
		}
		after := q.After
		var pos seqCursor
		if ok, err := q.decode(&pos); err != nil {
			return err
		} else if ok {
			after = pos.Seq
		}
		p, err = collectPage(c.tx.Events().List(c.ctx, after, limit+1), limit,
			func(e *event.Event) seqCursor { return seqCursor{e.Seq} })
		return err
	})
	return result(p, err)
}
