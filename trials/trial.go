package trials

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

const pkg = "trials"

// ruleBasis is the rule broken by a trial that enrolls without a basis for its use of PHI.
const ruleBasis = "must be chosen before enrolling (45 CFR 164.508 / 164.512(i))"

// ID identifies a trial within its organization.
type ID string

// Trial is a clinical trial the practice takes part in, and the aggregate that holds its
// HIPAA file.
type Trial struct {
	// ID identifies the trial; Title is its name for people.
	ID    ID     `json:"id"`
	Title string `json:"title"`
	// Protocol is the trial's registry or protocol number, e.g. an NCT number.
	Protocol string `json:"protocol,omitempty"`
	// Sponsor is the vendor that sponsors the trial; CRO the contract research
	// organization that runs it for the sponsor, if any.
	Sponsor vendors.ID `json:"sponsor"`
	CRO     vendors.ID `json:"cro,omitempty"`
	// Sites lists the organization's sites that take part; empty means all.
	Sites []org.SiteID `json:"sites"`
	// Status is where the trial stands; always set on a valid trial (omitted only from
	// the zero value).
	Status Status `json:"status,omitempty"`
	// Basis is how the Privacy Rule permits the research use of PHI; it must be chosen
	// before enrolling.
	Basis Basis `json:"basis,omitempty"`
	// OpenedOn is when the practice began opening the trial (optional); EnrollingOn when
	// it began enrolling; ClosedOn when it closed.
	OpenedOn    date.Date `json:"opened_on,omitzero"`
	EnrollingOn date.Date `json:"enrolling_on,omitzero"`
	ClosedOn    date.Date `json:"closed_on,omitzero"`
	// PrincipalInvestigator names the practice's principal investigator.
	PrincipalInvestigator string `json:"principal_investigator,omitempty"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the trial's fields, that its basis is chosen once it enrolls, and that
// its dates agree with its status and with each other.
func (t *Trial) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(t.ID != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(t.Title) != "", "title", "must not be empty")
	c.Check(t.Sponsor != "", "sponsor", "must not be empty")
	seen := map[org.SiteID]bool{}
	for i, s := range t.Sites {
		f := fmt.Sprintf("sites[%d]", i)
		c.Check(s != "", f, "must not be empty")
		c.Check(!seen[s], f, "%q is listed twice", s)
		seen[s] = true
	}
	if !t.Status.Valid() {
		c.Merge(enum.Unknown(pkg, "status", statusValues, t.Status))
	}
	// 45 CFR 164.508, 164.512(i), 164.514(e): PHI is used for research from the first
	// enrollment, so a trial that enrolls, or enrolled before it closed, needs a basis.
	enrolled := t.Status == StatusEnrolling || (t.Status == StatusClosed && t.EnrollingOn != date.Zero)
	switch {
	case !t.Basis.Valid():
		c.Merge(enum.Unknown(pkg, "basis", basisValues, t.Basis))
	case enrolled && !t.Basis.Decided():
		c.Add("basis", ruleBasis)
	}
	switch t.Status {
	case StatusOpening:
		c.Check(t.EnrollingOn == date.Zero, "enrolling_on", "must not be set while opening")
		c.Check(t.ClosedOn == date.Zero, "closed_on", "must not be set while opening")
	case StatusEnrolling:
		c.Check(t.EnrollingOn != date.Zero, "enrolling_on", "must be set while enrolling")
		c.Check(t.ClosedOn == date.Zero, "closed_on", "must not be set while enrolling")
	case StatusClosed:
		c.Check(t.ClosedOn != date.Zero, "closed_on", "must be set on a closed trial")
	}
	c.Merge(checkAfter("enrolling_on", t.EnrollingOn, t.OpenedOn, "opened"))
	if t.EnrollingOn != date.Zero {
		c.Merge(checkAfter("closed_on", t.ClosedOn, t.EnrollingOn, "enrolling"))
	} else {
		c.Merge(checkAfter("closed_on", t.ClosedOn, t.OpenedOn, "opened"))
	}
	return c.Err()
}

// checkAfter reports on as field when both dates are set and on is before earlier, which
// is the date the trial was what.
func checkAfter(field string, on, earlier date.Date, what string) error {
	if on == date.Zero || earlier == date.Zero || on >= earlier {
		return nil
	}
	return validation.New(pkg, field, "%s is before %s date %s", on, what, earlier)
}

// Enrolling is the input of [Trial.StartEnrolling]: the day enrollment began, and the
// research basis if it is chosen now.
type Enrolling struct {
	// Basis, when set, chooses the trial's research basis; empty keeps the one chosen
	// before.
	Basis Basis `json:"basis,omitempty"`
	// On is the day enrollment began; it must be set (the engine sets today when it is
	// zero).
	On date.Date `json:"on,omitzero"`
}

// StartEnrolling moves an opening trial to enrolling on e.On, with e.Basis when it is
// set. A basis for the research use of PHI must be chosen (45 CFR 164.508, 164.512(i),
// 164.514(e)), and the day must be set and not before the opening date. Errors name the
// fields of e ("on", "basis"). On error t is unchanged.
func (t *Trial) StartEnrolling(e Enrolling) error {
	if !CanTransition(t.Status, StatusEnrolling) {
		return &TransitionError{From: t.Status, To: StatusEnrolling}
	}
	on, basis := e.On, t.Basis
	if e.Basis != BasisUndecided {
		basis = e.Basis
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(on != date.Zero, "on", "must be set")
	c.Merge(checkAfter("on", on, t.OpenedOn, "opened"))
	switch {
	case !basis.Valid():
		c.Merge(enum.Unknown(pkg, "basis", basisValues, basis))
	case !basis.Decided():
		c.Add("basis", ruleBasis)
	}
	if err := c.Err(); err != nil {
		return err
	}
	t.Status, t.EnrollingOn, t.Basis = StatusEnrolling, on, basis
	return nil
}

// Closing is the input of [Trial.Close]: the day the trial closed at the practice.
type Closing struct {
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
}

// Close closes an opening or enrolling trial on c.On, which must be set and not before
// the day it began enrolling (or opened); errors name field "on". On error t is
// unchanged.
func (t *Trial) Close(c Closing) error {
	if !CanTransition(t.Status, StatusClosed) {
		return &TransitionError{From: t.Status, To: StatusClosed}
	}
	on := c.On
	if on == date.Zero {
		return validation.New(pkg, "on", "must be set")
	}
	var err error
	if t.EnrollingOn != date.Zero {
		err = checkAfter("on", on, t.EnrollingOn, "enrolling")
	} else {
		err = checkAfter("on", on, t.OpenedOn, "opened")
	}
	if err != nil {
		return err
	}
	t.Status, t.ClosedOn = StatusClosed, on
	return nil
}

// Ref returns the trial's id at its version: what a change of the trial takes.
func (t Trial) Ref() record.Ref[ID] { return record.RefOf(t.ID, t.Version) }

// Clone returns a deep copy of t that shares no slices with it.
func (t *Trial) Clone() Trial {
	c := *t
	c.Sites = slices.Clone(t.Sites)
	return c
}
