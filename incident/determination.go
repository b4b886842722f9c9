package incident

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/validation"
)

// Determination is the entity's documented decision on whether an incident is a breach of
// unsecured PHI (45 CFR 164.402). The burden of proof is the entity's (45 CFR 164.414(b)), so
// every outcome other than a breach needs its facts; keep the documentation six years
// (45 CFR 164.530(j)(2)).
type Determination struct {
	// Outcome is what was decided.
	Outcome Outcome `json:"outcome"`
	// Exception says which exception applies when Outcome is [OutcomeException]; empty
	// otherwise (45 CFR 164.402(1)).
	Exception Exception `json:"exception,omitempty"`
	// Facts are the facts the decision rests on.
	Facts string `json:"facts,omitempty"`
	// Assessment is the risk assessment; required for [OutcomeLowProbability]
	// (45 CFR 164.402(2)).
	Assessment *Assessment `json:"assessment,omitempty"`
	// DecidedBy names the person who decided, and DecidedOn the day.
	DecidedBy string    `json:"decided_by"`
	DecidedOn date.Date `json:"decided_on"`
}

// Factor is one factor of a risk assessment: what was found and why it matters.
type Factor struct {
	// Finding is what the facts show.
	Finding string `json:"finding"`
	// Rationale is why the finding raises or lowers the probability of compromise.
	Rationale string `json:"rationale"`
}

// Assessment is the documented risk assessment of at least four factors that may show a low
// probability that the PHI has been compromised (45 CFR 164.402(2)). The conclusion is a
// person's judgment: the package records it and never reaches it.
type Assessment struct {
	// Nature is the nature and extent of the PHI, including the types of identifiers and the
	// likelihood of re-identification (45 CFR 164.402(2)(i)).
	Nature Factor `json:"nature"`
	// Recipient is the unauthorized person who used the PHI or to whom it was disclosed
	// (45 CFR 164.402(2)(ii)).
	Recipient Factor `json:"recipient"`
	// AcquiredViewed is whether the PHI was actually acquired or viewed
	// (45 CFR 164.402(2)(iii)).
	AcquiredViewed Factor `json:"acquired_viewed"`
	// Mitigation is the extent to which the risk has been mitigated (45 CFR 164.402(2)(iv)).
	Mitigation Factor `json:"mitigation"`
	// Other holds further factors the entity weighed (78 FR 5642).
	Other []Factor `json:"other"`
	// LowProbability is the documented conclusion that there is a low probability that the
	// PHI has been compromised.
	LowProbability bool `json:"low_probability"`
	// ConcludedBy names the person who concluded, and ConcludedOn the day.
	ConcludedBy string    `json:"concluded_by"`
	ConcludedOn date.Date `json:"concluded_on"`
}

// checkFactor records an error for each empty part of f.
func checkFactor(c *validation.Collector, field string, f Factor, cite string) {
	c.Check(strings.TrimSpace(f.Finding) != "", field+".finding", "must not be empty (%s)", cite)
	c.Check(strings.TrimSpace(f.Rationale) != "", field+".rationale", "must not be empty (%s)", cite)
}

// Validate checks the determination against the incident's facts:
//   - secured needs encryption named and with its key not compromised, or destruction
//     (74 FR 42740);
//   - exception needs which one and the facts (45 CFR 164.402(1));
//   - low_probability needs an assessment of all four factors, each with finding and
//     rationale, concluding a low probability, by a named person on a date
//     (45 CFR 164.402(2));
//   - not_phi needs the facts (45 CFR 164.402, 164.414(b)).
func (d *Determination) Validate(i *Incident) error {
	c := validation.Collector{Pkg: pkg}
	checkEnum(&c, "determination.outcome", outcomeValues, d.Outcome, true)
	c.Check(strings.TrimSpace(d.DecidedBy) != "", "determination.decided_by", "must name who decided")
	c.Check(d.DecidedOn != date.Zero, "determination.decided_on", "must be set")
	checkDate(&c, "determination.decided_on", d.DecidedOn)
	disc := date.Zero
	if i != nil {
		disc = i.Discovery()
	}
	if d.DecidedOn != date.Zero && disc != date.Zero && d.DecidedOn < disc {
		c.Add("determination.decided_on", "%s is before discovery (%s)", d.DecidedOn, disc)
	}
	if d.Outcome != OutcomeException && d.Exception != "" {
		c.Add("determination.exception", "must be empty unless the outcome is %q", OutcomeException)
	}
	facts := strings.TrimSpace(d.Facts) != ""

	switch d.Outcome {
	case OutcomeNotPHI:
		// 45 CFR 164.402 and 164.414(b): the entity shows there was no impermissible use or
		// disclosure of PHI.
		c.Check(facts, "determination.facts", "must show there was no impermissible use or disclosure of PHI (45 CFR 164.402, 164.414(b))")
	case OutcomeSecured:
		// 74 FR 42740: encryption with an uncompromised key, or destruction.
		if i == nil {
			c.Add("determination.outcome", "secured needs the incident's facts (74 FR 42740)")
			break
		}
		if !i.Destroyed && !i.Encryption.secured() {
			c.Add("determination.outcome", "secured requires %s (74 FR 42740)", securedGap(i.Encryption))
		}
	case OutcomeException:
		// 45 CFR 164.402(1)(i)-(iii).
		checkEnum(&c, "determination.exception", exceptionValues, d.Exception, true)
		c.Check(facts, "determination.facts", "must show how the exception applies (45 CFR 164.402(1))")
	case OutcomeLowProbability:
		// 45 CFR 164.402(2): a documented assessment of at least four factors.
		a := d.Assessment
		if a == nil {
			c.Add("determination.assessment", "is required for a low probability of compromise (45 CFR 164.402(2))")
			break
		}
		checkFactor(&c, "determination.assessment.nature", a.Nature, "45 CFR 164.402(2)(i)")
		checkFactor(&c, "determination.assessment.recipient", a.Recipient, "45 CFR 164.402(2)(ii)")
		checkFactor(&c, "determination.assessment.acquired_viewed", a.AcquiredViewed, "45 CFR 164.402(2)(iii)")
		checkFactor(&c, "determination.assessment.mitigation", a.Mitigation, "45 CFR 164.402(2)(iv)")
		for k, f := range a.Other {
			checkFactor(&c, fmt.Sprintf("determination.assessment.other[%d]", k), f, "78 FR 5642")
		}
		c.Check(a.LowProbability, "determination.assessment.low_probability", "must record the conclusion of a low probability of compromise (45 CFR 164.402(2))")
		c.Check(strings.TrimSpace(a.ConcludedBy) != "", "determination.assessment.concluded_by", "must name who concluded (45 CFR 164.402(2))")
		c.Check(a.ConcludedOn != date.Zero, "determination.assessment.concluded_on", "must be set (45 CFR 164.402(2))")
		checkDate(&c, "determination.assessment.concluded_on", a.ConcludedOn)
		if a.ConcludedOn != date.Zero && disc != date.Zero && a.ConcludedOn < disc {
			c.Add("determination.assessment.concluded_on", "%s is before discovery (%s)", a.ConcludedOn, disc)
		}
	}
	return c.Err()
}

// securedGap says what the encryption facts lack for PHI to count as secured.
func securedGap(e Encryption) string {
	switch {
	case !e.Encrypted:
		return "encryption or destruction, and the facts show neither"
	case e.KeyCompromised:
		return "a key that was not compromised, or destruction; the key was compromised"
	default:
		return "the encryption standard met (e.g. NIST SP 800-111) to be named, or destruction"
	}
}

// Suggest proposes an outcome from the facts alone, for a person to confirm: secured when
// the PHI was destroyed or encrypted to a named standard with a key that was not
// compromised (74 FR 42740), and otherwise a breach, which is presumed (45 CFR 164.402(2)).
// It never suggests a low probability of compromise, an exception or that no PHI was
// involved: those are the entity's documented judgment. It ignores any determination made.
func Suggest(i *Incident) Outcome {
	if i != nil && (i.Destroyed || i.Encryption.secured()) {
		return OutcomeSecured
	}
	return OutcomeBreach
}

// outcome returns the outcome in effect: the determination's, or a presumed breach
// (45 CFR 164.402(2)).
func (i *Incident) outcome() Outcome {
	if i.Determination == nil {
		return OutcomeBreach
	}
	return i.Determination.Outcome
}

// Citation returns the section an exception comes from.
func (e Exception) Citation() string {
	switch e {
	case ExceptionUnintentionalWorkforce:
		return "45 CFR 164.402(1)(i)"
	case ExceptionInadvertentAuthorized:
		return "45 CFR 164.402(1)(ii)"
	case ExceptionCouldNotRetain:
		return "45 CFR 164.402(1)(iii)"
	}
	return ""
}
