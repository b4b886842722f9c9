package riskreg

import "github.com/hipaaops/hipaaops/internal/enum"

// MethodID names a scoring method. Methods are values (see [Methods]); an organization
// picks one, and [Risk.ChangeMethod] moves a risk to another with its history kept.
type MethodID string

// Scoring methods.
const (
	// MethodHHS3x3 is a 3×3 scale, likelihood and impact each low, medium or high, as in
	// the HHS/ONC Security Risk Assessment (SRA) Tool.
	MethodHHS3x3 MethodID = "hhs-sra-3x3"
	// MethodNIST5x5 is the 5×5 scale of NIST SP 800-30 Rev. 1 (very low … very high):
	// likelihood from Appendix G (Table G-5), impact from Appendix H (Table H-3), level
	// of risk from Appendix I (Table I-2).
	MethodNIST5x5 MethodID = "nist-800-30-5x5"
)

func methodIDValues() []MethodID { return []MethodID{MethodHHS3x3, MethodNIST5x5} }

// MethodIDValues returns every known MethodID, in a fresh slice.
func MethodIDValues() []MethodID { return methodIDValues() }

// Valid reports whether id names a known method.
func (id MethodID) Valid() bool { return enum.Valid(methodIDValues(), id) }

// MarshalText implements [encoding.TextMarshaler]; an unknown method is an error.
func (id MethodID) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "method", methodIDValues(), id)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown method is an error.
func (id *MethodID) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "method", methodIDValues(), b, id)
}

// Rating is a level of risk. Ratings are ordered from [RatingVeryLow] to [RatingVeryHigh]
// on every method, so risks rated on different methods can still be ranked; the 3×3
// method uses low, moderate and high only.
type Rating string

// Ratings, lowest first.
const (
	RatingVeryLow  Rating = "very_low"
	RatingLow      Rating = "low"
	RatingModerate Rating = "moderate"
	RatingHigh     Rating = "high"
	RatingVeryHigh Rating = "very_high"
)

func ratingValues() []Rating {
	return []Rating{RatingVeryLow, RatingLow, RatingModerate, RatingHigh, RatingVeryHigh}
}

// RatingValues returns every known Rating, lowest first, in a fresh slice.
func RatingValues() []Rating { return ratingValues() }

// Valid reports whether r is a known rating.
func (r Rating) Valid() bool { return enum.Valid(ratingValues(), r) }

// Rank orders ratings: 1 for very low up to 5 for very high, 0 for an unknown rating.
func (r Rating) Rank() int {
	for i, v := range ratingValues() {
		if v == r {
			return i + 1
		}
	}
	return 0
}

// Label is the rating's name for people, e.g. "very high".
func (r Rating) Label() string {
	switch r {
	case RatingVeryLow:
		return "very low"
	case RatingVeryHigh:
		return "very high"
	}
	return string(r)
}

// MarshalText implements [encoding.TextMarshaler]; an unknown rating is an error.
func (r Rating) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "rating", ratingValues(), r)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown rating is an error.
func (r *Rating) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "rating", ratingValues(), b, r)
}

// Treatment is the risk management decision for a risk (45 CFR 164.308(a)(1)(ii)(B)).
type Treatment string

// Treatments.
const (
	// TreatMitigate: implement security measures that reduce the risk.
	TreatMitigate Treatment = "mitigate"
	// TreatAccept: keep the risk as it is; recorded with [Risk.Accept], which needs a
	// named approver and a review date.
	TreatAccept Treatment = "accept"
	// TreatTransfer: shift the risk to another party, e.g. by contract or insurance.
	TreatTransfer Treatment = "transfer"
	// TreatAvoid: stop the activity that creates the risk.
	TreatAvoid Treatment = "avoid"
)

func treatmentValues() []Treatment {
	return []Treatment{TreatMitigate, TreatAccept, TreatTransfer, TreatAvoid}
}

// TreatmentValues returns every known Treatment, in a fresh slice.
func TreatmentValues() []Treatment { return treatmentValues() }

// Valid reports whether t is a known treatment.
func (t Treatment) Valid() bool { return enum.Valid(treatmentValues(), t) }

// MarshalText implements [encoding.TextMarshaler]; an unknown treatment is an error.
func (t Treatment) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "treatment", treatmentValues(), t)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown treatment is an error.
func (t *Treatment) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "treatment", treatmentValues(), b, t)
}

// Status is where a risk is in its lifecycle; see [CanTransition].
type Status string

// Statuses.
const (
	// StatusOpen: identified, no treatment decided yet.
	StatusOpen Status = "open"
	// StatusTreating: being mitigated, transferred or avoided by its owner before its due date.
	StatusTreating Status = "treating"
	// StatusAccepted: accepted by a named approver until its review date.
	StatusAccepted Status = "accepted"
	// StatusClosed: no longer applies (the asset is retired, or the treatment is complete
	// and verified).
	StatusClosed Status = "closed"
)

func statusValues() []Status {
	return []Status{StatusOpen, StatusTreating, StatusAccepted, StatusClosed}
}

// StatusValues returns every known Status, in a fresh slice.
func StatusValues() []Status { return statusValues() }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return enum.Valid(statusValues(), s) }

// MarshalText implements [encoding.TextMarshaler]; an unknown status is an error.
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "status", statusValues(), s)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown status is an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "status", statusValues(), b, s)
}

// Action says what a [Review] entry records.
type Action string

// Actions recorded in a risk's review history.
const (
	// ActionRate: the risk was rated ([Risk.Rate]).
	ActionRate Action = "rate"
	// ActionReview: the risk was reviewed ([Risk.Review]).
	ActionReview Action = "review"
	// ActionAccept: the risk was accepted ([Risk.Accept]).
	ActionAccept Action = "accept"
	// ActionClose: the risk was closed ([Risk.Close]).
	ActionClose Action = "close"
	// ActionReopen: a closed risk was reopened ([Risk.Reopen]).
	ActionReopen Action = "reopen"
	// ActionChangeMethod: the risk was re-rated on another method ([Risk.ChangeMethod]).
	ActionChangeMethod Action = "change_method"
)

func actionValues() []Action {
	return []Action{ActionRate, ActionReview, ActionAccept, ActionClose, ActionReopen, ActionChangeMethod}
}

// ActionValues returns every known Action, in a fresh slice.
func ActionValues() []Action { return actionValues() }

// Valid reports whether a is a known action.
func (a Action) Valid() bool { return enum.Valid(actionValues(), a) }

// MarshalText implements [encoding.TextMarshaler]; an unknown action is an error.
func (a Action) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "action", actionValues(), a)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown action is an error.
func (a *Action) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "action", actionValues(), b, a)
}
