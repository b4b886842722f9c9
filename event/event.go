// Package event defines the domain events hipaaops records in the same transaction as
// each change (an outbox), for embedders to read in order from a cursor and turn into
// e-mail, in-app or calendar reminders.
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
	Seq  uint64 `json:"seq"`
	Type Type   `json:"type"`
	// At is when the use case ran, in UTC, to the microsecond.
	At         time.Time   `json:"at"`
	Actor      string      `json:"actor"`
	ObjectType record.Kind `json:"object_type"`
	ObjectID   string      `json:"object_id"`
	// Data is the event's details as JSON; its shape depends on Type.
	Data json.RawMessage `json:"data,omitempty"`
}
