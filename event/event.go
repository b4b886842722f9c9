// Package event defines the domain events hipaaops records in the same transaction as
// each change (an outbox), for embedders to read in order from a cursor and turn into
// e-mail, in-app or calendar reminders. An organization's events are read a page at a
// time with compliance.EventService.List, keeping the last Seq handled.
package event

import (
	"encoding/json"
	"time"

	"github.com/hipaaops/hipaaops/record"
)

// Type names what happened, e.g. "baa.signed".
type Type string

// Event is one thing that happened in an organization's compliance program.
type Event struct {
	// Seq numbers one organization's events from 1 in the order they were committed;
	// it is the cursor readers keep.
	Seq uint64 `json:"seq"`
	// Type is what happened; the engine's event types are listed, each with its payload
	// type, by compliance.EventTypes.
	Type Type `json:"type"`
	// At is when the use case ran, in UTC, to the microsecond.
	At time.Time `json:"at"`
	// Actor is the id of who acted (compliance.Actor.ID).
	Actor string `json:"actor"`
	// ObjectType and ObjectID name the record the event is about, as the audit entry
	// of the same change does.
	ObjectType record.Kind `json:"object_type"`
	ObjectID   string      `json:"object_id"`
	// Data is the event's payload as JSON: the payload type documented beside Type's
	// constant (for example compliance.VendorEvent); decode it with json.Unmarshal.
	Data json.RawMessage `json:"data,omitempty"`
}
