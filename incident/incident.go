package incident

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

const pkg = "incident"

// MaxCount is the largest number of individuals one count may hold; larger numbers are
// rejected as input errors (they exceed the population of the United States).
const MaxCount = 1_000_000_000

// ID identifies an incident within its organization.
type ID string

// Affected counts the individuals affected who reside in one State or jurisdiction. Media
// notice (45 CFR 164.406) and every State law are computed per State of residence.
type Affected struct {
	// State is the USPS code of the State or jurisdiction of residence.
	State statelaws.Code `json:"state"`
	// Count is the number of affected residents of State.
	Count int `json:"count"`
	// NoContact is how many of the living residents counted have contact information that is
	// insufficient or out of date, so written notice cannot reach them; it decides substitute
	// notice (45 CFR 164.404(d)(2)). Deceased individuals whose next of kin cannot be reached
	// need no substitute notice (164.404(d)(2)) and are not counted here.
	NoContact int `json:"no_contact,omitempty"`
	// Deceased is how many of those counted are known to be deceased: their notice goes to the
	// next of kin or personal representative where the address is known (164.404(d)(1)(ii)).
	Deceased int `json:"deceased,omitempty"`
}

// Encryption records how the PHI was encrypted, the first way to secure it under the HHS
// guidance (74 FR 42740, Aug 24, 2009).
type Encryption struct {
	// Encrypted is true when the PHI involved was encrypted.
	Encrypted bool `json:"encrypted,omitempty"`
	// Standard names the guidance the encryption meets, e.g. "NIST SP 800-111" at rest or
	// "NIST SP 800-52" in transit; PHI counts as secured only when it is named.
	Standard string `json:"standard,omitempty"`
	// KeyCompromised is true when the key or decryption process was, or may have been,
	// compromised (e.g. stored with the device); then the PHI is not secured (74 FR 42740).
	KeyCompromised bool `json:"key_compromised,omitempty"`
}

// secured reports whether the encryption facts alone make the PHI secured (74 FR 42740).
func (e Encryption) secured() bool {
	return e.Encrypted && !e.KeyCompromised && strings.TrimSpace(e.Standard) != ""
}

// Mitigation records what was done to reduce the risk: the fourth factor of the risk
// assessment (45 CFR 164.402(2)(iv)).
type Mitigation struct {
	// ReturnedOrDestroyed is true when the PHI was returned or its destruction attested.
	ReturnedOrDestroyed bool `json:"returned_or_destroyed,omitempty"`
	// Assurances is true when the recipient gave satisfactory assurances it will not further
	// use or disclose the PHI.
	Assurances bool `json:"assurances,omitempty"`
	// Note describes the other actions taken in response.
	Note string `json:"note,omitempty"`
}

// Incident is a possible breach of PHI and the aggregate that holds the facts, the
// determination, law-enforcement delays and the notices sent. It holds counts of individuals
// by State of residence, never their identities.
type Incident struct {
	// ID identifies the incident; Title names it for people.
	ID    ID     `json:"id"`
	Title string `json:"title"`
	// Description says what happened, without patient identities.
	Description string `json:"description,omitempty"`

	// StartedOn and EndedOn bound the breach itself, when known.
	StartedOn date.Date `json:"started_on,omitzero"`
	EndedOn   date.Date `json:"ended_on,omitzero"`
	// DiscoveredOn is the first day the incident was known to the entity (or, when
	// DiscoveredBy is a business associate, to the business associate) (45 CFR 164.404(a)(2),
	// 164.410(a)(2)).
	DiscoveredOn date.Date `json:"discovered_on"`
	// WouldHaveKnownOn is the day it would have been known by exercising reasonable diligence,
	// when that is earlier (45 CFR 164.404(a)(2)); zero when not earlier or not known.
	WouldHaveKnownOn date.Date `json:"would_have_known_on,omitzero"`
	// DiscoveredBy is who discovered it; a business associate owes the practice a notice
	// (45 CFR 164.410). It is required, so it is omitted only from the zero value.
	DiscoveredBy Discoverer `json:"discovered_by,omitempty"`

	// Vendor is the business associate involved, if any.
	Vendor vendors.ID `json:"vendor,omitempty"`
	// BAReportingDays is the number of days the BAA gives the business associate to report a
	// breach to the practice; 0 when the BAA sets none (then 60 days, 45 CFR 164.410(b)).
	BAReportingDays int `json:"ba_reporting_days,omitempty"`
	// BAReportingDayKind says whether the BAA counts BAReportingDays in calendar or
	// business days; empty means calendar days.
	BAReportingDayKind statelaws.DayKind `json:"ba_reporting_day_kind,omitempty"`
	// BAAgent is true when the business associate acts as the practice's agent under the
	// federal common law of agency: its discovery is then imputed to the practice
	// (45 CFR 164.404(a)(2); 74 FR 42740; 78 FR 5566). Otherwise the practice's clock
	// starts when the business associate reports the breach (BAReportedOn).
	BAAgent bool `json:"ba_agent,omitempty"`
	// BAReportedOn is the day the business associate reported the breach to the practice
	// (45 CFR 164.410); zero while not recorded.
	BAReportedOn date.Date `json:"ba_reported_on,omitzero"`

	// PHI lists the categories of PHI involved, and Identifiers the kinds of identifiers
	// (45 CFR 164.402(2)(i)).
	PHI         []vendors.DataCategory `json:"phi"`
	Identifiers []IdentifierType       `json:"identifiers"`
	// Elements lists the data elements involved as State laws define them; State laws
	// count different elements (several leave medical data out). Empty means not recorded:
	// every State law is then assumed to apply.
	Elements []statelaws.DataElement `json:"elements"`

	// Affected counts the individuals per State of residence; Total counts all of them,
	// including any whose State is not known, so it is at least the sum of Affected.
	// A zero Total means the number is not yet known: HHS and media notices are then
	// treated as due within 60 days (the thresholds of 45 CFR 164.406 and 164.408(b) may
	// be met) until a count is recorded. A zero Count of a State likewise means its
	// residents are not yet counted.
	Affected []Affected `json:"affected"`
	Total    int        `json:"total"`
	// NoContactUnknownState and DeceasedUnknownState count, among the individuals whose
	// State is not known (Total less the States' counts), those without sufficient contact
	// information (substitute notice, 45 CFR 164.404(d)(2)) and those known to be deceased
	// (164.404(d)(1)(ii)).
	NoContactUnknownState int `json:"no_contact_unknown_state,omitempty"`
	DeceasedUnknownState  int `json:"deceased_unknown_state,omitempty"`

	// Encryption records how the PHI was encrypted, if it was (74 FR 42740).
	Encryption Encryption `json:"encryption,omitzero"`
	// Destroyed is true when the PHI was destroyed so it cannot be read or reconstructed
	// (paper shredded, media cleared, purged or destroyed per NIST SP 800-88) (74 FR 42740).
	Destroyed bool `json:"destroyed,omitempty"`

	// Recipient, Acquired and Mitigation are facts for the risk assessment
	// (45 CFR 164.402(2)(ii)-(iv)); empty enums mean not yet recorded.
	Recipient  Recipient   `json:"recipient,omitempty"`
	Acquired   Acquisition `json:"acquired,omitempty"`
	Mitigation Mitigation  `json:"mitigation,omitzero"`

	// BreachType and Location are the HHS breach portal's fields; empty means not yet recorded.
	BreachType BreachType `json:"breach_type,omitempty"`
	Location   Location   `json:"location,omitempty"`

	// MisuseImminent is true when the entity deems the situation urgent because of possible
	// imminent misuse: telephone notice is then due in addition (45 CFR 164.404(d)(3)).
	MisuseImminent bool `json:"misuse_imminent,omitempty"`

	// Determination is the entity's decision; nil means none yet, and a breach is presumed
	// (45 CFR 164.402(2)).
	Determination *Determination `json:"determination,omitempty"`
	// Delays are law-enforcement statements delaying notice (45 CFR 164.412).
	Delays []Delay `json:"delays"`
	// Notices records the notices sent, by obligation key.
	Notices []Notice `json:"notices"`
	// Decisions are counsel's decisions that an obligation is not required, by key.
	Decisions []Decision `json:"decisions"`
	// ClosedOn is the day the incident file was closed (every obligation met or not
	// required); zero while it is open. The documentation is kept six years all the same
	// (45 CFR 164.530(j)(2)).
	ClosedOn date.Date `json:"closed_on,omitzero"`

	// Version is the stored version; an update with a stale version is rejected.
	Version int64 `json:"version"`
	// CreatedAt and UpdatedAt are the instants of storage, in UTC.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Ref returns the incident's id at its stored version: what a change of the incident
// takes.
func (i Incident) Ref() record.Ref[ID] { return record.RefOf(i.ID, i.Version) }

// Open reports whether the incident file is still open.
func (i *Incident) Open() bool { return i.ClosedOn == date.Zero }

// Clone returns a deep copy of i that shares no slices or pointers with it.
func (i *Incident) Clone() Incident {
	c := *i
	c.PHI = slices.Clone(i.PHI)
	c.Identifiers = slices.Clone(i.Identifiers)
	c.Elements = slices.Clone(i.Elements)
	c.Affected = slices.Clone(i.Affected)
	c.Delays = slices.Clone(i.Delays)
	c.Notices = slices.Clone(i.Notices)
	for k := range c.Notices {
		if s := c.Notices[k].Substitute; s != nil {
			cp := *s
			c.Notices[k].Substitute = &cp
		}
	}
	c.Decisions = slices.Clone(i.Decisions)
	if i.Determination != nil {
		d := *i.Determination
		if d.Assessment != nil {
			a := *d.Assessment
			a.Other = slices.Clone(a.Other)
			d.Assessment = &a
		}
		c.Determination = &d
	}
	return c
}

// Discovery returns the day the practice is treated as having discovered the breach,
// from which its deadlines count: the earlier of DiscoveredOn and WouldHaveKnownOn,
// ignoring an unset one (45 CFR 164.404(a)(2)). When a business associate discovered it,
// that day is imputed to the practice only if the business associate is its agent
// (BAAgent; 74 FR 42740, 78 FR 5566); otherwise the practice discovers it when the
// business associate reports (BAReportedOn), and until that day is recorded the business
// associate's discovery is used, the earliest day it can be.
func (i *Incident) Discovery() date.Date {
	if i.DiscoveredBy == DiscovererBusinessAssociate && !i.BAAgent && i.BAReportedOn != date.Zero {
		return i.BAReportedOn
	}
	return i.firstKnown()
}

// BADiscovery returns the day the business associate discovered the breach, from which
// its own notice to the practice counts (45 CFR 164.410(a)(2), (b)); zero unless a
// business associate discovered it.
func (i *Incident) BADiscovery() date.Date {
	if i.DiscoveredBy != DiscovererBusinessAssociate {
		return date.Zero
	}
	return i.firstKnown()
}

// firstKnown is the earlier of DiscoveredOn and WouldHaveKnownOn, ignoring an unset one.
func (i *Incident) firstKnown() date.Date {
	d := i.DiscoveredOn
	if i.WouldHaveKnownOn != date.Zero && (d == date.Zero || i.WouldHaveKnownOn < d) {
		d = i.WouldHaveKnownOn
	}
	return d
}

// Notice records a notice that was sent, matched to an [Obligation] by Key.
type Notice struct {
	// Key is the key of the obligation the notice meets, e.g. "individuals" or "media:OH".
	Key string `json:"key"`
	// SentOn is the day it was sent.
	SentOn date.Date `json:"sent_on"`
	// Method is how it was sent, e.g. "first-class mail" or "HHS breach portal".
	Method string `json:"method,omitempty"`
	// Individuals is how many individuals a notice to individuals (the federal one, or a
	// State's residents') reached; it is required for those notices and never inferred.
	// When the count grows past the individuals reached, the rest are owed notice again
	// (45 CFR 164.404(a)(1): "notify each individual").
	Individuals int `json:"individuals,omitempty"`
	// Substitute says how a substitute notice was given; required for the substitute
	// notice (45 CFR 164.404(d)(2)).
	Substitute *Substitute `json:"substitute,omitempty"`
}

// Substitute is how a substitute notice was given (45 CFR 164.404(d)(2)).
type Substitute struct {
	// Method is how it was given: for 10 or more individuals a web posting or major media
	// (164.404(d)(2)(ii)(A)); for fewer, other written notice, telephone or other means
	// also do (164.404(d)(2)(i)).
	Method SubstituteMethod `json:"method"`
	// TollFree is true when a toll-free number, active for at least 90 days, was set up
	// from the day of the notice (164.404(d)(2)(ii)(B)); 10 or more individuals need it.
	TollFree bool `json:"toll_free,omitempty"`
}

// Decision is counsel's documented decision that an obligation is not required: who,
// when, why and under which citation. It is kept in the file and the audit trail, so that
// a file with residents of any State can close honestly. It is not for the federal
// notices of a breach: those follow the determination (45 CFR 164.402).
type Decision struct {
	// Key is the key of the obligation decided.
	Key string `json:"key"`
	// DecidedBy names who decided, and DecidedOn the day.
	DecidedBy string    `json:"decided_by"`
	DecidedOn date.Date `json:"decided_on"`
	// Reason says why the notice is not required.
	Reason string `json:"reason"`
	// Citation is the statute, regulation or opinion the decision rests on.
	Citation string `json:"citation"`
}

// isIndividualsKey reports whether key is that of a notice to individuals: the federal
// one or a State's residents'.
func isIndividualsKey(key string) bool {
	return key == KeyIndividuals || strings.HasPrefix(key, "state:") && strings.HasSuffix(key, ":individuals")
}

// federalKey reports whether key is that of a federal notice (45 CFR 164.404-410).
func federalKey(key string) bool {
	switch key {
	case KeyIndividuals, KeySubstitute, KeyTelephone, KeyHHS, KeyBANotice:
		return true
	}
	return strings.HasPrefix(key, "media:")
}

// minDate and maxDate bound every date an incident may hold, so that date arithmetic stays
// meaningful.
func minDate() date.Date { return date.New(1900, time.January, 1) }
func maxDate() date.Date { return date.New(2999, time.December, 31) }

// checkDate records an error when d is set and out of range.
func checkDate(c *validation.Collector, field string, d date.Date) {
	if d != date.Zero && (d < minDate() || d > maxDate()) {
		c.Add(field, "%s is not between %s and %s", d, minDate(), maxDate())
	}
}

// checkCount records an error when n is negative or larger than [MaxCount].
func checkCount(c *validation.Collector, field string, n int) bool {
	switch {
	case n < 0:
		c.Add(field, "must not be negative, got %d", n)
	case n > MaxCount:
		c.Add(field, "must be at most %d, got %d", MaxCount, n)
	default:
		return true
	}
	return false
}

// checkEnum records an error when v is set and not one of values; when required, an empty v
// is an error too.
func checkEnum[T ~string](c *validation.Collector, field string, values []T, v T, required bool) {
	if (v != "" || required) && !enum.Valid(values, v) {
		c.Merge(enum.Unknown(pkg, field, values, v))
	}
}

// Validate checks the incident's facts, its determination, delays and notices. Every
// problem is reported with the field and rule it breaks; the errors match
// [validation.ErrInvalid].
func (i *Incident) Validate() error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(string(i.ID)) != "", "id", "must not be empty")
	c.Check(strings.TrimSpace(i.Title) != "", "title", "must not be empty")
	c.Check(len(i.Title) <= 200, "title", "must be at most 200 bytes")

	for _, f := range []struct {
		name string
		d    date.Date
	}{{"started_on", i.StartedOn}, {"ended_on", i.EndedOn}, {"discovered_on", i.DiscoveredOn}, {"would_have_known_on", i.WouldHaveKnownOn}, {"closed_on", i.ClosedOn}} {
		checkDate(&c, f.name, f.d)
	}
	// 45 CFR 164.404(a)(2): the clock starts at discovery, so it must be known.
	c.Check(i.DiscoveredOn != date.Zero, "discovered_on", "must be set: the notification clock starts at discovery (45 CFR 164.404(a)(2))")
	if i.ClosedOn != date.Zero && i.DiscoveredOn != date.Zero && i.ClosedOn < i.Discovery() {
		c.Add("closed_on", "%s is before discovery on %s", i.ClosedOn, i.Discovery())
	}
	if i.StartedOn != date.Zero {
		if i.EndedOn != date.Zero && i.EndedOn < i.StartedOn {
			c.Add("ended_on", "%s is before the breach started (%s)", i.EndedOn, i.StartedOn)
		}
		if i.DiscoveredOn != date.Zero && i.DiscoveredOn < i.StartedOn {
			c.Add("discovered_on", "%s is before the breach started (%s)", i.DiscoveredOn, i.StartedOn)
		}
		if i.WouldHaveKnownOn != date.Zero && i.WouldHaveKnownOn < i.StartedOn {
			c.Add("would_have_known_on", "%s is before the breach started (%s)", i.WouldHaveKnownOn, i.StartedOn)
		}
	}
	checkEnum(&c, "discovered_by", discovererValues, i.DiscoveredBy, true)
	checkCount(&c, "ba_reporting_days", i.BAReportingDays)
	if i.BAReportingDayKind != "" && !i.BAReportingDayKind.Valid() {
		c.Merge(enum.Unknown(pkg, "ba_reporting_day_kind", statelaws.DayKindValues(), i.BAReportingDayKind))
	}
	checkDate(&c, "ba_reported_on", i.BAReportedOn)
	if i.DiscoveredBy != DiscovererBusinessAssociate {
		c.Check(!i.BAAgent, "ba_agent", "applies only when a business associate discovered the breach")
		c.Check(i.BAReportedOn == date.Zero, "ba_reported_on", "applies only when a business associate discovered the breach")
	} else if i.BAReportedOn != date.Zero && i.firstKnown() != date.Zero && i.BAReportedOn < i.firstKnown() {
		c.Add("ba_reported_on", "%s is before the business associate discovered the breach (%s)", i.BAReportedOn, i.firstKnown())
	}

	seenPHI := map[vendors.DataCategory]bool{}
	for k, d := range i.PHI {
		f := fmt.Sprintf("phi[%d]", k)
		if !d.Valid() {
			c.Merge(enum.Unknown(pkg, f, vendors.DataCategoryValues(), d))
		}
		c.Check(!seenPHI[d], f, "%q is listed twice", d)
		seenPHI[d] = true
	}
	seenID := map[IdentifierType]bool{}
	for k, t := range i.Identifiers {
		f := fmt.Sprintf("identifiers[%d]", k)
		checkEnum(&c, f, identifierTypeValues, t, true)
		c.Check(!seenID[t], f, "%q is listed twice", t)
		seenID[t] = true
	}
	seenElem := map[statelaws.DataElement]bool{}
	for k, e := range i.Elements {
		f := fmt.Sprintf("elements[%d]", k)
		c.Check(e.Valid(), f, "%q is not a known data element", e)
		c.Check(!seenElem[e], f, "%q is listed twice", e)
		seenElem[e] = true
	}

	totalOK := checkCount(&c, "total", i.Total)
	sum, sumOK := 0, true
	seenState := map[statelaws.Code]bool{}
	for k, a := range i.Affected {
		f := fmt.Sprintf("affected[%d]", k)
		c.Check(a.State.Valid(), f+".state", "%q is not a known USPS State or jurisdiction code", a.State)
		c.Check(!seenState[a.State], f+".state", "%q is listed twice", a.State)
		seenState[a.State] = true
		countOK := checkCount(&c, f+".count", a.Count)
		if checkCount(&c, f+".no_contact", a.NoContact) && countOK && a.NoContact > a.Count {
			c.Add(f+".no_contact", "%d is more than the %d residents counted", a.NoContact, a.Count)
		}
		if checkCount(&c, f+".deceased", a.Deceased) && countOK && a.Deceased > a.Count {
			c.Add(f+".deceased", "%d is more than the %d residents counted", a.Deceased, a.Count)
		}
		if countOK {
			sum += a.Count
		} else {
			sumOK = false
		}
	}
	// A zero Total is not yet known: it is at least the States' counts.
	if totalOK && sumOK && i.Total > 0 && sum > i.Total {
		c.Add("total", "%d is less than the %d residents counted by State", i.Total, sum)
	}
	unlocated := i.Total - sum
	if checkCount(&c, "no_contact_unknown_state", i.NoContactUnknownState) && totalOK && sumOK && i.Total > 0 && i.NoContactUnknownState > unlocated {
		c.Add("no_contact_unknown_state", "%d is more than the %d individuals whose State is not known", i.NoContactUnknownState, max(unlocated, 0))
	}
	if checkCount(&c, "deceased_unknown_state", i.DeceasedUnknownState) && totalOK && sumOK && i.Total > 0 && i.DeceasedUnknownState > unlocated {
		c.Add("deceased_unknown_state", "%d is more than the %d individuals whose State is not known", i.DeceasedUnknownState, max(unlocated, 0))
	}

	checkEnum(&c, "recipient", recipientValues, i.Recipient, false)
	checkEnum(&c, "acquired", acquisitionValues, i.Acquired, false)
	checkEnum(&c, "breach_type", breachTypeValues, i.BreachType, false)
	checkEnum(&c, "location", locationValues, i.Location, false)

	if i.Determination != nil {
		c.Merge(i.Determination.Validate(i))
	}
	for k := range i.Delays {
		c.Merge(i.Delays[k].validate(fmt.Sprintf("delays[%d]", k)))
	}
	disc := i.Discovery()
	seenKey := map[string]bool{}
	for k, n := range i.Notices {
		f := fmt.Sprintf("notices[%d]", k)
		c.Check(strings.TrimSpace(n.Key) != "", f+".key", "must not be empty")
		c.Check(len(n.Key) <= 200, f+".key", "must be at most 200 bytes")
		// Notices to individuals may go out in waves as the count grows, and a substitute
		// notice may be given again when the number without contact information reaches
		// 10; every other notice is sent once.
		c.Check(!seenKey[n.Key] || isIndividualsKey(n.Key) || n.Key == KeySubstitute, f+".key", "%q is listed twice", n.Key)
		seenKey[n.Key] = true
		if checkCount(&c, f+".individuals", n.Individuals) {
			switch {
			case isIndividualsKey(n.Key):
				// 45 CFR 164.404(a)(1): each individual is notified; how many a notice
				// reached is recorded, never inferred.
				c.Check(n.Individuals > 0, f+".individuals", "must say how many individuals the notice reached (45 CFR 164.404(a)(1))")
			default:
				c.Check(n.Individuals == 0, f+".individuals", "applies to notices to individuals only")
			}
		}
		if n.Key == KeySubstitute {
			if n.Substitute == nil {
				c.Add(f+".substitute", "must say how the substitute notice was given (45 CFR 164.404(d)(2))")
			} else {
				checkEnum(&c, f+".substitute.method", substituteMethodValues, n.Substitute.Method, true)
			}
		} else if n.Substitute != nil {
			c.Add(f+".substitute", "applies to the substitute notice only")
		}
		c.Check(len(n.Method) <= 200, f+".method", "must be at most 200 bytes")
		c.Check(n.SentOn != date.Zero, f+".sent_on", "must be set")
		checkDate(&c, f+".sent_on", n.SentOn)
		if n.SentOn != date.Zero && disc != date.Zero && n.SentOn < disc {
			c.Add(f+".sent_on", "%s is before discovery (%s)", n.SentOn, disc)
		}
	}
	seenDecision := map[string]bool{}
	for k, d := range i.Decisions {
		f := fmt.Sprintf("decisions[%d]", k)
		c.Merge(d.validate(f, disc))
		c.Check(!seenDecision[d.Key], f+".key", "%q is decided twice", d.Key)
		seenDecision[d.Key] = true
	}
	return c.Err()
}

// validate checks one decision; field prefixes each error's field, and disc is the
// incident's discovery.
func (d Decision) validate(field string, disc date.Date) error {
	c := validation.Collector{Pkg: pkg}
	c.Check(strings.TrimSpace(d.Key) != "", field+".key", "must not be empty")
	c.Check(len(d.Key) <= 200, field+".key", "must be at most 200 bytes")
	c.Check(!federalKey(d.Key), field+".key", "%q is a federal notice: it follows the determination (45 CFR 164.402), not a decision", d.Key)
	c.Check(strings.TrimSpace(d.DecidedBy) != "", field+".decided_by", "must name who decided")
	c.Check(d.DecidedOn != date.Zero, field+".decided_on", "must be set")
	checkDate(&c, field+".decided_on", d.DecidedOn)
	if d.DecidedOn != date.Zero && disc != date.Zero && d.DecidedOn < disc {
		c.Add(field+".decided_on", "%s is before discovery (%s)", d.DecidedOn, disc)
	}
	c.Check(strings.TrimSpace(d.Reason) != "", field+".reason", "must say why the notice is not required")
	c.Check(len(d.Reason) <= 4000, field+".reason", "must be at most 4000 bytes")
	c.Check(strings.TrimSpace(d.Citation) != "", field+".citation", "must cite what the decision rests on")
	c.Check(len(d.Citation) <= 400, field+".citation", "must be at most 400 bytes")
	return c.Err()
}

// Errors of a move the incident's state does not allow; an embedder classifies each as a
// failed precondition (compliance.Code gives compliance.FailedPrecondition).
var (
	// ErrClosed is returned for a change of an incident whose file was closed: the
	// closed file is the record kept for six years (45 CFR 164.530(j)) and does not
	// change.
	ErrClosed = errors.New("incident: the incident file is closed")
	// ErrPending is returned for closing an incident file while a notice it owes is
	// still pending (45 CFR 164.404-410).
	ErrPending = errors.New("incident: a notice is still pending")
	// ErrNotPending is returned for recording a notice of an obligation that is not
	// pending: already sent, or not required.
	ErrNotPending = errors.New("incident: the obligation is not pending")
)

// Closing closes an incident's file ([Incident.ClosedOn]).
type Closing struct {
	// On is the day the file is closed; zero means today in the organization's time
	// zone. It may not be in the future, nor before discovery.
	On date.Date `json:"on,omitzero"`
}
