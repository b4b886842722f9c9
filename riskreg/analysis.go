package riskreg

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// ErrFrozen is returned, wrapped, for any change to an approved analysis, including a
// second approval; match it with [errors.Is]. compliance.Code sorts it as
// failed_precondition.
var ErrFrozen = errors.New("riskreg: analysis is approved and frozen")

// AnalysisID identifies a risk analysis within its organization.
type AnalysisID string

// Analysis is a risk analysis (45 CFR 164.308(a)(1)(ii)(A)): a snapshot of the register
// on one method, frozen once approved. The risks are copies; later changes to the register
// do not reach them.
type Analysis struct {
	ID AnalysisID `json:"id"`
	// Year is the year the analysis covers.
	Year int `json:"year"`
	// Method is the organization's scoring method at the time of the analysis.
	Method MethodID `json:"method,omitempty"`
	// Risks are frozen copies of the register's risks.
	Risks []Risk `json:"risks"`
	// ApprovedBy and ApprovedOn record the approval; both are empty until then.
	ApprovedBy string    `json:"approved_by,omitempty"`
	ApprovedOn date.Date `json:"approved_on,omitzero"`

	// Version is the stored version; an update with a stale version is rejected.
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

// Snapshot copies the register into a new, unapproved analysis. The copies share nothing
// with register.
func Snapshot(id AnalysisID, year int, m MethodID, register []Risk) Analysis {
	a := Analysis{ID: id, Year: year, Method: m, Risks: make([]Risk, len(register))}
	for i := range register {
		a.Risks[i] = register[i].Clone()
	}
	return a
}

// Frozen reports whether the analysis has been approved; an approved analysis refuses
// every change with [ErrFrozen].
func (a *Analysis) Frozen() bool { return a.ApprovedOn != date.Zero || a.ApprovedBy != "" }

func (a *Analysis) frozenErr() error {
	if !a.Frozen() {
		return nil
	}
	return fmt.Errorf("riskreg: analysis %q was approved by %s on %s: %w", a.ID, a.ApprovedBy, a.ApprovedOn, ErrFrozen)
}

// Approval is the input of [Analysis.Approve]: who approved the analysis, on which day,
// and the annual risk-analysis task the engine attaches the approved snapshot to.
type Approval struct {
	// By names the approver; the engine takes empty as the acting user.
	By string `json:"approved_by,omitempty"`
	// On is the day approved; the engine takes zero as today.
	On date.Date `json:"approved_on,omitzero"`
	// Task, when set, is the task (e.g. the annual risk analysis) that receives the
	// approved snapshot as evidence.
	Task task.ID `json:"task,omitempty"`
}

// Ref returns the analysis's id and version, as a change of it takes them.
func (a Analysis) Ref() record.Ref[AnalysisID] { return record.RefOf(a.ID, a.Version) }

// Approve records who approved the analysis and when, and freezes it. Approving twice
// returns an error matching [ErrFrozen]; a missing approver or day is refused on
// "approved_by" or "approved_on".
func (a *Analysis) Approve(ap Approval) error {
	if err := a.frozenErr(); err != nil {
		return err
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(ap.By) != "", "approved_by", "must name the approver")
	c.Check(ap.On != date.Zero, "approved_on", "must be set")
	if err := c.Err(); err != nil {
		return err
	}
	a.ApprovedBy, a.ApprovedOn = ap.By, ap.On
	return nil
}

// Put adds r to an unapproved analysis, or replaces the risk with the same ID, with a copy
// of r. It returns an error matching [ErrFrozen] once the analysis is approved.
func (a *Analysis) Put(r Risk) error {
	if err := a.frozenErr(); err != nil {
		return err
	}
	cp := r.Clone()
	if i := a.index(r.ID); i >= 0 {
		a.Risks[i] = cp
	} else {
		a.Risks = append(a.Risks, cp)
	}
	return nil
}

// Remove takes the risk with the given ID out of an unapproved analysis; it reports
// whether there was one. It returns an error matching [ErrFrozen] once the analysis is
// approved.
func (a *Analysis) Remove(id ID) (bool, error) {
	if err := a.frozenErr(); err != nil {
		return false, err
	}
	i := a.index(id)
	if i < 0 {
		return false, nil
	}
	a.Risks = slices.Delete(a.Risks, i, i+1)
	return true, nil
}

// Risk returns a copy of the analysis's risk with the given ID, and false if it has none.
func (a *Analysis) Risk(id ID) (Risk, bool) {
	if i := a.index(id); i >= 0 {
		return a.Risks[i].Clone(), true
	}
	return Risk{}, false
}

func (a *Analysis) index(id ID) int {
	return slices.IndexFunc(a.Risks, func(r Risk) bool { return r.ID == id })
}

// Validate checks the analysis: id, year, method, each risk (rated on the analysis's
// method, IDs unique), and that approval names both who and when.
func (a *Analysis) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(a.ID)) != "", "id", "must not be empty")
	c.Check(a.Year >= 1996 && a.Year <= 9999, "year", "must be a calendar year since HIPAA (1996), got %d", a.Year)
	if !a.Method.Valid() {
		c.Merge(enum.Unknown(pkg, "method", methodIDValues(), a.Method))
	}
	c.Check((a.ApprovedBy == "") == (a.ApprovedOn == date.Zero), "approved_by",
		"and approved_on must be set together")
	seen := map[ID]bool{}
	for i := range a.Risks {
		r := &a.Risks[i]
		f := fmt.Sprintf("risks[%d]", i)
		for _, e := range validation.All(r.Validate()) {
			c.Merge(validation.New(e.Pkg, f+"."+e.Field, "%s", e.Rule))
		}
		c.Check(!seen[r.ID], f+".id", "%q is listed twice", r.ID)
		seen[r.ID] = true
		rated := !r.Inherent.IsZero() || !r.Residual.IsZero()
		c.Check(!rated || !a.Method.Valid() || r.Method == a.Method, f+".method", "%s differs from the analysis's method %s", r.Method, a.Method)
	}
	return c.Err()
}

// Clone returns a deep copy of a.
func (a *Analysis) Clone() Analysis {
	c := *a
	if a.Risks != nil {
		c.Risks = make([]Risk, len(a.Risks))
		for i := range a.Risks {
			c.Risks[i] = a.Risks[i].Clone()
		}
	}
	return c
}

// Comparison is what changed between two analyses, by risk ID; each list is sorted.
type Comparison struct {
	// New risks are in the current analysis, not closed, and absent from the previous one.
	New []ID `json:"new"`
	// Closed risks were present and not closed before, and are now closed or gone.
	Closed []ID `json:"closed"`
	// Increased and Decreased compare the current score ([Risk.Current]) of risks open in
	// both analyses: by rating first, then, on the same rating and method, by
	// likelihood × impact. Risks unrated in either analysis are left out.
	Increased []ID `json:"increased"`
	Decreased []ID `json:"decreased"`
	// AcceptedPastReview are the current analysis's accepted risks whose acceptance
	// review date is before asOf.
	AcceptedPastReview []ID `json:"accepted_past_review"`
}

// Compare compares the current analysis with the previous one (which may be nil: every
// open risk is then new) as of a date.
func Compare(prev, cur *Analysis, asOf date.Date) Comparison {
	var out Comparison
	before := map[ID]*Risk{}
	if prev != nil {
		for i := range prev.Risks {
			before[prev.Risks[i].ID] = &prev.Risks[i]
		}
	}
	now := map[ID]bool{}
	if cur != nil {
		for i := range cur.Risks {
			r := &cur.Risks[i]
			now[r.ID] = true
			p, existed := before[r.ID]
			closed := r.Status == StatusClosed
			switch {
			case !existed && !closed:
				out.New = append(out.New, r.ID)
			case closed && (!existed || p.Status != StatusClosed):
				out.Closed = append(out.Closed, r.ID)
			case existed && !closed && p.Status != StatusClosed:
				switch d := compareScores(p, r); {
				case d > 0:
					out.Increased = append(out.Increased, r.ID)
				case d < 0:
					out.Decreased = append(out.Decreased, r.ID)
				}
			}
			if r.Status == StatusAccepted && r.Acceptance != nil && r.Acceptance.ReviewOn < asOf {
				out.AcceptedPastReview = append(out.AcceptedPastReview, r.ID)
			}
		}
	}
	if prev != nil {
		for i := range prev.Risks {
			p := &prev.Risks[i]
			if !now[p.ID] && p.Status != StatusClosed {
				out.Closed = append(out.Closed, p.ID)
			}
		}
	}
	for _, l := range [][]ID{out.New, out.Closed, out.Increased, out.Decreased, out.AcceptedPastReview} {
		slices.Sort(l)
	}
	return out
}

// compareScores returns +1 if cur's current score is above prev's, -1 if below, 0 if equal
// or not comparable.
func compareScores(prev, cur *Risk) int {
	a, b := prev.Current(), cur.Current()
	if a.IsZero() || b.IsZero() {
		return 0
	}
	if d := b.Rating.Rank() - a.Rating.Rank(); d != 0 {
		return sign(d)
	}
	if prev.Method != cur.Method {
		return 0
	}
	return sign(b.Value() - a.Value())
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
