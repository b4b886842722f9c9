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
	"github.com/hipaaops/hipaaops/validation"
)

const pkg = "workforce"

// ID identifies a workforce member within the organization.
type ID string

// Completion records that a member completed a training module on a day.
type Completion struct {
	Module      Module    `json:"module"`
	CompletedOn date.Date `json:"completed_on,omitzero"`
	// Evidence optionally points to the proof: a certificate, an LMS record, a sign-in sheet.
	Evidence string `json:"evidence,omitempty"`
}

// Member is a person in the practice's workforce (45 CFR 160.103 "workforce"): employee,
// volunteer, trainee or other person under the practice's direct control. It holds the
// member's role, sites, employment dates and training history, never patient data.
type Member struct {
	ID    ID     `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	Role  Role   `json:"role"`
	// Sites lists the organization's sites the member works at.
	Sites []org.SiteID `json:"sites,omitempty"`
	// StartOn is the member's first day; EndOn the last, zero while still employed.
	// Access must end when employment does (45 CFR 164.308(a)(3)(ii)(C)).
	StartOn date.Date `json:"start_on,omitzero"`
	EndOn   date.Date `json:"end_on,omitzero"`
	// Trainings is the member's training history, in the order recorded.
	Trainings []Completion `json:"trainings,omitempty"`

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
		c.Merge(checkCompletion(f, t, m.StartOn))
		k := key{t.Module, t.CompletedOn}
		c.Check(!seen[k], f, "%s on %s is recorded twice", t.Module, t.CompletedOn)
		seen[k] = true
	}
	return c.Err()
}

// checkCompletion checks one completion; field prefixes the names of its fields.
func checkCompletion(field string, t Completion, startOn date.Date) error {
	c := validation.Collector{Pkg: pkg}
	if !t.Module.Valid() {
		c.Merge(enum.Unknown(pkg, field+".module", moduleValues, t.Module))
	}
	switch {
	case t.CompletedOn == date.Zero:
		c.Add(field+".completed_on", "must be set")
	case startOn != date.Zero && t.CompletedOn < startOn:
		c.Add(field+".completed_on", "%s is before start date %s", t.CompletedOn, startOn)
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
// recorded already. On error m is unchanged.
func (m *Member) RecordTraining(t Completion) error {
	if err := checkCompletion("training", t, m.StartOn); err != nil {
		return err
	}
	for _, old := range m.Trainings {
		if old.Module == t.Module && old.CompletedOn == t.CompletedOn {
			return validation.New(pkg, "training", "%s on %s is already recorded", t.Module, t.CompletedOn)
		}
	}
	m.Trainings = append(m.Trainings, t)
	return nil
}

// ChangeRole gives m role r and returns the role m had. Training for the new role's
// modules may then be missing (see [Member.MissingTraining]); access should follow the
// new role (45 CFR 164.308(a)(4)(ii)(C)). Changing to the same role does nothing. An
// unknown role is an error and leaves m unchanged.
func (m *Member) ChangeRole(r Role) (old Role, err error) {
	if !r.Valid() {
		return m.Role, enum.Unknown(pkg, "role", roleValues, r)
	}
	old, m.Role = m.Role, r
	return old, nil
}

// Leave records on as m's last day (45 CFR 164.308(a)(3)(ii)(C) termination procedures).
// It is an error if on is unset, if m has already left, or if on is before m's start date;
// on error m is unchanged.
func (m *Member) Leave(on date.Date) error {
	switch {
	case on == date.Zero:
		return validation.New(pkg, "end_on", "must be set")
	case m.EndOn != date.Zero:
		return validation.New(pkg, "end_on", "member already left on %s", m.EndOn)
	case on < m.StartOn:
		return validation.New(pkg, "end_on", "%s is before start date %s", on, m.StartOn)
	}
	m.EndOn = on
	return nil
}

// Clone returns a deep copy of m that shares no slices with it.
func (m *Member) Clone() Member {
	c := *m
	c.Sites = slices.Clone(m.Sites)
	c.Trainings = slices.Clone(m.Trainings)
	return c
}
