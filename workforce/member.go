package workforce

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/validation"
)

const pkg = "workforce"

// ID identifies a workforce member within the organization.
type ID string

// Completion records that a member completed a training module on a day; it is also the
// input of [Member.RecordTraining].
type Completion struct {
	// Module is the training module completed.
	Module Module `json:"module"`
	// CompletedOn is the day it was completed.
	CompletedOn date.Date `json:"completed_on,omitzero"`
	// Evidence optionally points to the proof: a certificate, an LMS record, a sign-in sheet.
	Evidence string `json:"evidence,omitempty"`
}

// Member is a person in the practice's workforce (45 CFR 160.103 "workforce"): employee,
// volunteer, trainee or other person under the practice's direct control. It holds the
// member's role, sites, employment dates and training history, never patient data.
type Member struct {
	// ID identifies the member; Name and Email are how people reach them.
	ID    ID     `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	// Role is the member's job; it decides the training modules required. Always set on
	// a valid member (omitted only from the zero value).
	Role Role `json:"role,omitempty"`
	// Sites lists the organization's sites the member works at.
	Sites []org.SiteID `json:"sites"`
	// StartOn is the member's first day; EndOn the last, zero while still employed.
	// Access must end when employment does (45 CFR 164.308(a)(3)(ii)(C)).
	StartOn date.Date `json:"start_on,omitzero"`
	EndOn   date.Date `json:"end_on,omitzero"`
	// Trainings is the member's training history, in the order recorded.
	Trainings []Completion `json:"trainings"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the member's fields and training history.
func (m *Member) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(m.ID != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(m.Name) != "", "name", "must not be empty")
	c.Check(len(m.Name) <= 200, "name", "must be at most 200 bytes")
	if m.Email != "" {
		if _, err := mail.ParseAddress(m.Email); err != nil {
			c.Add("email", "%q is not an e-mail address", m.Email)
		}
	}
	if !m.Role.Valid() {
		c.Merge(enum.Unknown(pkg, "role", roleValues, m.Role))
	}
	seenSite := map[org.SiteID]bool{}
	for i, s := range m.Sites {
		f := fmt.Sprintf("sites[%d]", i)
		c.Check(s != "", f, "must not be empty")
		c.Check(!seenSite[s], f, "%q is listed twice", s)
		seenSite[s] = true
	}
	c.Check(m.StartOn != date.Zero, "start_on", "must be set")
	if m.EndOn != date.Zero && m.StartOn != date.Zero && m.EndOn < m.StartOn {
		c.Add("end_on", "%s is before start date %s", m.EndOn, m.StartOn)
	}
	type key struct {
		mod Module
		on  date.Date
	}
	seen := map[key]bool{}
	for i, t := range m.Trainings {
		f := fmt.Sprintf("trainings[%d]", i)
		c.Merge(checkCompletion(f+".", t, m.StartOn))
		k := key{t.Module, t.CompletedOn}
		c.Check(!seen[k], f, "%s on %s is recorded twice", t.Module, t.CompletedOn)
		seen[k] = true
	}
	return c.Err()
}

// checkCompletion checks one completion; prefix (with its dot, or empty) prefixes the
// names of its fields.
func checkCompletion(prefix string, t Completion, startOn date.Date) error {
	c := validation.Collector{Pkg: pkg}
	if !t.Module.Valid() {
		c.Merge(enum.Unknown(pkg, prefix+"module", moduleValues, t.Module))
	}
	switch {
	case t.CompletedOn == date.Zero:
		c.Add(prefix+"completed_on", "must be set")
	case startOn != date.Zero && t.CompletedOn < startOn:
		c.Add(prefix+"completed_on", "%s is before start date %s", t.CompletedOn, startOn)
	}
	return c.Err()
}

// Active reports whether m is on the roster on asOf: started on or before it and not
// ended before it (the last day of employment counts).
func (m *Member) Active(asOf date.Date) bool {
	return m.StartOn <= asOf && (m.EndOn == date.Zero || asOf <= m.EndOn)
}

// RecordTraining adds a completion to m's training history (45 CFR 164.308(a)(5)(i),
// 164.530(b)(2)(ii) documents that training was given). The module must be known, the
// date set and not before m's start date, and the same module on the same day must not be
// recorded already. Errors name the fields of t ("module", "completed_on"). On error m is
// unchanged.
func (m *Member) RecordTraining(t Completion) error {
	if err := checkCompletion("", t, m.StartOn); err != nil {
		return err
	}
	for _, old := range m.Trainings {
		if old.Module == t.Module && old.CompletedOn == t.CompletedOn {
			return validation.New(pkg, "completed_on", "%s on %s is already recorded", t.Module, t.CompletedOn)
		}
	}
	m.Trainings = append(m.Trainings, t)
	return nil
}

// RoleChange is the input of [Member.ChangeRole]: the member's new role.
type RoleChange struct {
	// Role is the new role.
	Role Role `json:"role"`
}

// ChangeRole gives m role rc.Role and returns the role m had. Training for the new
// role's modules may then be missing (see [Member.MissingTraining]); access should
// follow the new role (45 CFR 164.308(a)(4)(ii)(C)). Changing to the same role does
// nothing. An unknown role is an error on field "role" and leaves m unchanged.
func (m *Member) ChangeRole(rc RoleChange) (old Role, err error) {
	if !rc.Role.Valid() {
		return m.Role, enum.Unknown(pkg, "role", roleValues, rc.Role)
	}
	old, m.Role = m.Role, rc.Role
	return old, nil
}

// Leaving is the input of [Member.Leave]: the member's last day of employment.
type Leaving struct {
	// On is the last day; it may be ahead (a notice period). It must be set (the engine
	// sets today when it is zero).
	On date.Date `json:"on,omitzero"`
}

// Leave records l.On as m's last day (45 CFR 164.308(a)(3)(ii)(C) termination
// procedures). It is an error on field "on" if the day is unset, if m has already left,
// or if it is before m's start date; on error m is unchanged.
func (m *Member) Leave(l Leaving) error {
	on := l.On
	switch {
	case on == date.Zero:
		return validation.New(pkg, "on", "must be set")
	case m.EndOn != date.Zero:
		return validation.New(pkg, "on", "member already left on %s", m.EndOn)
	case on < m.StartOn:
		return validation.New(pkg, "on", "%s is before start date %s", on, m.StartOn)
	}
	m.EndOn = on
	return nil
}

// Ref returns the member's id at its version: what a change of the member takes.
func (m Member) Ref() record.Ref[ID] { return record.RefOf(m.ID, m.Version) }

// Clone returns a deep copy of m that shares no slices with it.
func (m *Member) Clone() Member {
	c := *m
	c.Sites = slices.Clone(m.Sites)
	c.Trainings = slices.Clone(m.Trainings)
	return c
}
