package vendors

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

const pkg = "vendors"

// ID identifies a vendor within its organization.
type ID string

// Contact is the vendor's person to reach about the agreement.
type Contact struct {
	// Name is the person's name.
	Name string `json:"name,omitempty"`
	// Email is an e-mail address (RFC 5322).
	Email string `json:"email,omitempty"`
	// Phone is a telephone number, as written.
	Phone string `json:"phone,omitempty"`
}

// Determination records whether a vendor is a business associate, why, and who decided.
type Determination struct {
	// Outcome is what was determined (45 CFR 160.103).
	Outcome Outcome `json:"outcome"`
	// Rationale says why, for the record.
	Rationale string `json:"rationale"`
	// DecidedBy is who decided; through the engine, the actor when empty.
	DecidedBy string `json:"decided_by"`
	// DecidedOn is the day of the determination; through the engine, today when zero.
	DecidedOn date.Date `json:"decided_on"`
}

// Validate checks the determination's fields, naming each as the determination's JSON
// does ("outcome", "decided_on"); [Vendor.Validate] names them within the vendor
// ("determinations[0].outcome").
func (d *Determination) Validate() error { return d.validate("") }

func (d *Determination) validate(prefix string) error {
	c := validation.Collector{Pkg: pkg}
	if !d.Outcome.Valid() {
		c.Merge(enum.Unknown(pkg, prefix+"outcome", outcomeValues, d.Outcome))
	}
	c.Check(strings.TrimSpace(d.Rationale) != "", prefix+"rationale", "must not be empty")
	c.Check(strings.TrimSpace(d.DecidedBy) != "", prefix+"decided_by", "must name who decided")
	c.Check(d.DecidedOn != date.Zero, prefix+"decided_on", "must be set")
	return c.Err()
}

// Vendor is an outside party the practice works with, and the aggregate that holds its
// business-associate determinations and its BAA.
type Vendor struct {
	// ID identifies the vendor in its organization; the engine assigns it when empty.
	ID ID `json:"id"`
	// Name is unique in the organization, case and spaces aside ([NameKey]).
	Name string `json:"name"`
	// Category is the kind of service the vendor provides.
	Category Category `json:"category,omitempty"`
	// DataShared lists the kinds of PHI the practice shares with the vendor.
	DataShared []DataCategory `json:"data_shared"`
	// Sites lists the organization's sites the vendor serves; empty means all.
	Sites   []org.SiteID `json:"sites"`
	Contact Contact      `json:"contact,omitzero"`
	// Owner is the workforce member responsible for the relationship.
	Owner string `json:"owner,omitempty"`
	// Notes are free text.
	Notes string `json:"notes,omitempty"`

	// Determinations is the history of business-associate determinations, oldest first;
	// the last one is in effect.
	Determinations []Determination `json:"determinations"`
	// BAA is the current agreement; PastBAAs holds ended ones replaced by a new request.
	BAA      BAA   `json:"baa"`
	PastBAAs []BAA `json:"past_baas"`

	// Version is the stored version; an update with a stale version is rejected.
	Version int64 `json:"version"`
	// CreatedAt and UpdatedAt are the instants of the vendor's first and latest change,
	// in UTC.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the vendor's own fields and its agreement.
func (v *Vendor) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(v.ID != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(v.Name) != "", "name", "must not be empty")
	c.Check(len(v.Name) <= 200, "name", "must be at most 200 bytes")
	if !v.Category.Valid() {
		c.Merge(enum.Unknown(pkg, "category", categoryValues, v.Category))
	}
	seenData := map[DataCategory]bool{}
	for i, d := range v.DataShared {
		f := fmt.Sprintf("data_shared[%d]", i)
		if !d.Valid() {
			c.Merge(enum.Unknown(pkg, f, dataCategoryValues, d))
		}
		c.Check(!seenData[d], f, "%q is listed twice", d)
		seenData[d] = true
	}
	seenSite := map[org.SiteID]bool{}
	for i, s := range v.Sites {
		f := fmt.Sprintf("sites[%d]", i)
		c.Check(s != "", f, "must not be empty")
		c.Check(!seenSite[s], f, "%q is listed twice", s)
		seenSite[s] = true
	}
	if v.Contact.Email != "" {
		if _, err := mail.ParseAddress(v.Contact.Email); err != nil {
			c.Add("contact.email", "%q is not an e-mail address", v.Contact.Email)
		}
	}
	for i := range v.Determinations {
		c.Merge(v.Determinations[i].validate(fmt.Sprintf("determinations[%d].", i)))
	}
	c.Merge(v.BAA.Validate())
	return c.Err()
}

// Determination returns the determination in effect, and false if none was made.
func (v *Vendor) Determination() (Determination, bool) {
	if n := len(v.Determinations); n > 0 {
		return v.Determinations[n-1], true
	}
	return Determination{}, false
}

// NotBusinessAssociate reports whether the determination in effect says the vendor is
// not a business associate (a treating provider, a mere conduit, no PHI: 45 CFR 160.103):
// it needs no BAA, so it has no BAA review, follow-up or gap. A vendor without a
// determination, or awaiting legal review, is not such a vendor.
func (v *Vendor) NotBusinessAssociate() bool {
	d, ok := v.Determination()
	return ok && d.Outcome.NotBusinessAssociate()
}

// IsBusinessAssociate reports whether the determination in effect says the vendor is one.
func (v *Vendor) IsBusinessAssociate() bool {
	d, ok := v.Determination()
	return ok && d.Outcome == OutcomeBusinessAssociate
}

// Determine records a new determination; earlier ones are kept.
func (v *Vendor) Determine(d Determination) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if last, ok := v.Determination(); ok && d.DecidedOn < last.DecidedOn {
		return validation.New(pkg, "decided_on", "%s is before the determination in effect (%s)", d.DecidedOn, last.DecidedOn)
	}
	v.Determinations = append(v.Determinations, d)
	return nil
}

// requireBA refuses a BAA move on a vendor determined not to be a business associate.
func (v *Vendor) requireBA() error {
	if v.NotBusinessAssociate() {
		d, _ := v.Determination()
		return fmt.Errorf("%w: %s was determined %s on %s", ErrNotBusinessAssociate, v.Name, d.Outcome, d.DecidedOn)
	}
	return nil
}

// RequestBAA asks the vendor for an agreement. From expired or terminated, the ended
// agreement moves to PastBAAs and a new one starts.
func (v *Vendor) RequestBAA(m Move, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	if !CanTransition(v.BAA.State, StateRequested) {
		return &TransitionError{From: v.BAA.State, To: StateRequested}
	}
	on, note := m.On, m.Note
	if err := checkActionDate(&v.BAA, "on", on, by); err != nil {
		return err
	}
	if v.BAA.State != StateNotRequested {
		// The ended agreement keeps its own history in PastBAAs; the new one starts its
		// history with this request.
		v.PastBAAs = append(v.PastBAAs, v.BAA)
		v.BAA = BAA{State: StateNotRequested}
	}
	if err := v.BAA.move(StateRequested, "on", on, by, note); err != nil {
		return err
	}
	v.BAA.RequestedOn = on
	return nil
}

// NegotiateBAA records that the agreement's terms are under negotiation.
func (v *Vendor) NegotiateBAA(m Move, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	return v.BAA.move(StateInNegotiation, "on", m.On, by, m.Note)
}

// SignBAA records the signed agreement and schedules its first review.
func (v *Vendor) SignBAA(s Signing, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	if !CanTransition(v.BAA.State, StateSigned) {
		return &TransitionError{From: v.BAA.State, To: StateSigned}
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(s.SignedOn != date.Zero, "signed_on", "must be set")
	c.Check(s.EffectiveOn != date.Zero, "effective_on", "must be set")
	switch {
	case s.ExpiresOn == date.Zero:
	case s.ExpiresOn < s.EffectiveOn:
		c.Add("expires_on", "%s is before effective date %s", s.ExpiresOn, s.EffectiveOn)
	case s.ExpiresOn < s.SignedOn:
		c.Add("expires_on", "%s is before signing date %s: the agreement would never be in force", s.ExpiresOn, s.SignedOn)
	}
	c.Check(s.ReviewMonths >= 0 && s.ReviewMonths <= 60, "review_months", "must be 1 to 60, got %d", s.ReviewMonths)
	c.Check(s.ReportingDays >= 0, "reporting_days", "must not be negative, got %d", s.ReportingDays)
	for i, cl := range s.Clauses {
		if !cl.Valid() {
			c.Merge(enum.Unknown(pkg, fmt.Sprintf("clauses[%d]", i), clauseValues, cl))
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	b := v.BAA
	b.History = append([]Transition(nil), b.History...)
	if err := b.move(StateSigned, "signed_on", s.SignedOn, by, ""); err != nil {
		return err
	}
	months := s.ReviewMonths
	if months == 0 {
		months = DefaultReviewMonths
	}
	b.SignedOn, b.EffectiveOn, b.ExpiresOn = s.SignedOn, s.EffectiveOn, s.ExpiresOn
	b.ReviewMonths = months
	b.NextReviewOn = AddMonths(s.EffectiveOn, months)
	b.Clauses = append([]Clause(nil), s.Clauses...)
	b.ReportingDays = s.ReportingDays
	b.DocumentRef = s.DocumentRef
	v.BAA = b
	return nil
}

// MarkReviewDue records that the periodic review has come due as of m.On; it may not be
// marked before the next review date.
func (v *Vendor) MarkReviewDue(m Move, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	asOf := m.On
	if !CanTransition(v.BAA.State, StateReviewDue) {
		return &TransitionError{From: v.BAA.State, To: StateReviewDue}
	}
	if asOf < v.BAA.NextReviewOn {
		return validation.New(pkg, "on", "%s is before the next review date %s", asOf, v.BAA.NextReviewOn)
	}
	return v.BAA.move(StateReviewDue, "on", asOf, by, m.Note)
}

// ReviewBAA records a review of the agreement and schedules the next one ReviewMonths
// after the review date.
func (v *Vendor) ReviewBAA(m Move, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	on := m.On
	if err := v.BAA.move(StateReviewed, "on", on, by, m.Note); err != nil {
		return err
	}
	v.BAA.LastReviewedOn = on
	v.BAA.NextReviewOn = AddMonths(on, v.BAA.ReviewMonths)
	return nil
}

// RenewBAA records a renewal: a new end date, possibly amended clauses; it also counts as
// a review.
func (v *Vendor) RenewBAA(r Renewal, by string) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	if !CanTransition(v.BAA.State, StateRenewed) {
		return &TransitionError{From: v.BAA.State, To: StateRenewed}
	}
	c := validation.Collector{Pkg: pkg}
	switch {
	case r.ExpiresOn == date.Zero:
	case r.ExpiresOn < r.On:
		c.Add("expires_on", "%s is before renewal date %s", r.ExpiresOn, r.On)
	case r.ExpiresOn < v.BAA.EffectiveOn:
		c.Add("expires_on", "%s is before effective date %s", r.ExpiresOn, v.BAA.EffectiveOn)
	}
	c.Check(r.ReportingDays >= 0, "reporting_days", "must not be negative, got %d", r.ReportingDays)
	for i, cl := range r.Clauses {
		if !cl.Valid() {
			c.Merge(enum.Unknown(pkg, fmt.Sprintf("clauses[%d]", i), clauseValues, cl))
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	if err := v.BAA.move(StateRenewed, "on", r.On, by, ""); err != nil {
		return err
	}
	b := &v.BAA
	b.ExpiresOn = r.ExpiresOn
	if r.Clauses != nil {
		b.Clauses = append([]Clause(nil), r.Clauses...)
	}
	if r.ReportingDays != 0 {
		b.ReportingDays = r.ReportingDays
	}
	if r.DocumentRef != "" {
		b.DocumentRef = r.DocumentRef
	}
	b.LastReviewedOn = r.On
	b.NextReviewOn = AddMonths(r.On, b.ReviewMonths)
	return nil
}

// ExpireBAA records that the agreement lapsed: m.On must be after its expiry date. An
// agreement without an expiry date cannot lapse ([*StateError]).
func (v *Vendor) ExpireBAA(m Move, by string) error {
	asOf := m.On
	if !CanTransition(v.BAA.State, StateExpired) {
		return &TransitionError{From: v.BAA.State, To: StateExpired}
	}
	if v.BAA.ExpiresOn == date.Zero {
		return &StateError{Change: "expire", State: v.BAA.State, Reason: "the agreement has no expiry date"}
	}
	if asOf <= v.BAA.ExpiresOn {
		return validation.New(pkg, "on", "%s is not after the BAA's expiry date (%s)", asOf, v.BAA.ExpiresOn)
	}
	return v.BAA.move(StateExpired, "on", asOf, by, m.Note)
}

// TerminateBAA ends the agreement (or abandons a request) and records what became of the
// PHI (45 CFR 164.504(e)(2)(ii)(J)).
func (v *Vendor) TerminateBAA(t Termination, by string) error {
	if !CanTransition(v.BAA.State, StateTerminated) {
		return &TransitionError{From: v.BAA.State, To: StateTerminated}
	}
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(t.Reason) != "", "reason", "must not be empty")
	if t.Disposition == "" {
		t.Disposition = DispositionPending
	}
	if !t.Disposition.Valid() {
		c.Merge(enum.Unknown(pkg, "disposition", dispositionValues, t.Disposition))
	}
	if t.CertifiedOn != date.Zero && t.CertifiedOn < t.On {
		c.Add("certified_on", "%s is before termination date %s", t.CertifiedOn, t.On)
	}
	// 45 CFR 164.504(e)(2)(ii)(J): a certification says what became of the PHI.
	c.Check(t.CertifiedOn == date.Zero || t.Disposition != DispositionPending, "certified_on",
		"needs the disposition certified (returned, destroyed or infeasible), not pending")
	if err := c.Err(); err != nil {
		return err
	}
	if err := v.BAA.move(StateTerminated, "on", t.On, by, t.Reason); err != nil {
		return err
	}
	v.BAA.Termination = &t
	return nil
}

// CertifyDisposition records the business associate's certification of what became of
// the PHI after termination (45 CFR 164.504(e)(2)(ii)(J)); on an agreement that was not
// terminated it returns a [*StateError].
func (v *Vendor) CertifyDisposition(cert Certification) error {
	d, on := cert.Disposition, cert.On
	if v.BAA.State != StateTerminated || v.BAA.Termination == nil {
		return &StateError{Change: "certify_disposition", State: v.BAA.State, Reason: "PHI disposition is certified after the agreement is terminated"}
	}
	if !d.Valid() || d == DispositionPending {
		return validation.New(pkg, "disposition", "%q must be returned, destroyed or infeasible", d)
	}
	if on == date.Zero {
		return validation.New(pkg, "on", "must be set")
	}
	if on < v.BAA.Termination.On {
		return validation.New(pkg, "on", "%s is before termination date %s", on, v.BAA.Termination.On)
	}
	t := *v.BAA.Termination
	t.Disposition, t.CertifiedOn = d, on
	v.BAA.Termination = &t
	return nil
}

// RecordFollowUp records a contact that moves a pending request forward; on an
// agreement that is not requested or in negotiation it returns a [*StateError].
func (v *Vendor) RecordFollowUp(f FollowUp) error {
	if err := v.requireBA(); err != nil {
		return err
	}
	if !v.BAA.State.Pending() {
		return &StateError{Change: "follow_up", State: v.BAA.State, Reason: "follow-ups are recorded while a BAA is requested or in negotiation"}
	}
	if f.On == date.Zero {
		return validation.New(pkg, "on", "must be set")
	}
	if f.On < v.BAA.LastActivityOn {
		return validation.New(pkg, "on", "%s is before the last activity on %s", f.On, v.BAA.LastActivityOn)
	}
	if err := checkActionDate(&v.BAA, "on", f.On, f.By); err != nil {
		return err
	}
	v.BAA.FollowUps = append(v.BAA.FollowUps, f)
	v.BAA.LastActivityOn = f.On
	return nil
}

// Clone returns a deep copy of v that shares no slices or pointers with it.
func (v *Vendor) Clone() Vendor {
	c := *v
	c.DataShared = slices.Clone(v.DataShared)
	c.Sites = slices.Clone(v.Sites)
	c.Determinations = slices.Clone(v.Determinations)
	c.BAA = v.BAA.Clone()
	if v.PastBAAs != nil {
		c.PastBAAs = make([]BAA, len(v.PastBAAs))
		for i := range v.PastBAAs {
			c.PastBAAs[i] = v.PastBAAs[i].Clone()
		}
	}
	return c
}

// Clone returns a deep copy of b.
func (b *BAA) Clone() BAA {
	c := *b
	c.FollowUps = slices.Clone(b.FollowUps)
	c.Clauses = slices.Clone(b.Clauses)
	c.History = slices.Clone(b.History)
	if b.Termination != nil {
		t := *b.Termination
		c.Termination = &t
	}
	return c
}

// NameKey is the form of a vendor name two names are compared in: lower case, with
// leading and trailing spaces removed and every run of inner white space one space, so
// that "Summit  Specialty Pharmacy" and "summit specialty pharmacy" name one vendor.
func NameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Ref returns the vendor's id and version, what every change of it takes.
func (v Vendor) Ref() record.Ref[ID] { return record.RefOf(v.ID, v.Version) }
