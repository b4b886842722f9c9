// Package record names the kinds of records hipaaops keeps and how a change refers to
// one of them.
//
// A [Kind] is shared by the audit trail (audit.Entry.ObjectType), the event outbox
// (event.Event.ObjectType) and a task's subject (task.Subject.Type), so one switch
// serves all three. A [Ref] is what every change of a stored record takes: the record's
// id and the version the caller read; each aggregate's Ref method returns it, and a
// stale version fails with storage.ErrConflict and changes nothing.
package record

import (
	"github.com/hipaaops/hipaaops/internal/enum"
)

// Kind names a kind of record.
type Kind string

// The kinds of records.
const (
	KindOrganization    Kind = "organization"
	KindVendor          Kind = "vendor"
	KindTemplate        Kind = "template"
	KindTask            Kind = "task"
	KindMember          Kind = "member"
	KindTrial           Kind = "trial"
	KindIncident        Kind = "incident"
	KindRisk            Kind = "risk"
	KindAnalysis        Kind = "analysis"
	KindControlDecision Kind = "control"
	// KindSweep is the audit object of a reminder sweep (its id is the day swept).
	KindSweep Kind = "sweep"
)

var kindValues = []Kind{KindOrganization, KindVendor, KindTemplate, KindTask, KindMember,
	KindTrial, KindIncident, KindRisk, KindAnalysis, KindControlDecision, KindSweep}

// KindValues returns every kind, in a fixed order.
func KindValues() []Kind { return append([]Kind(nil), kindValues...) }

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return enum.Valid(kindValues, k) }

// Ref names one stored record at the version its caller read.
type Ref[K ~string] struct {
	// ID is the record's id.
	ID K `json:"id"`
	// Version is the version the caller read; a change at another version fails with
	// storage.ErrConflict.
	Version int64 `json:"version"`
}

// RefOf returns the ref of record id at version.
func RefOf[K ~string](id K, version int64) Ref[K] { return Ref[K]{ID: id, Version: version} }
