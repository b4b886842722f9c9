package incident_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
)

// TestDeterminationValidate: each outcome needs the facts that support it (45 CFR 164.402,
// 74 FR 42740, 164.414(b)).
func TestDeterminationValidate(t *testing.T) {
	disc := day(2026, 5, 4)
	encrypted := func(i *incident.Incident) {
		i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111"}
	}
	tests := []struct {
		name        string
		facts       func(i *incident.Incident)
		det         incident.Determination
		field, rule string
	}{
		{"OK breach (164.402)", nil, incident.Determination{Outcome: incident.OutcomeBreach}, "", ""},
		{"OK not_phi with facts (164.402)", nil, incident.Determination{Outcome: incident.OutcomeNotPHI, Facts: "the file held no PHI"}, "", ""},
		{"Err not_phi without facts (164.414(b))", nil, incident.Determination{Outcome: incident.OutcomeNotPHI},
			"determination.facts", "no impermissible use or disclosure"},
		{"OK secured: encrypted, key apart (74 FR 42740)", encrypted, incident.Determination{Outcome: incident.OutcomeSecured}, "", ""},
		{"OK secured: destroyed per NIST SP 800-88 (74 FR 42740)", func(i *incident.Incident) { i.Destroyed = true },
			incident.Determination{Outcome: incident.OutcomeSecured}, "", ""},
		{"Err secured: key compromised (74 FR 42740)", func(i *incident.Incident) {
			encrypted(i)
			i.Encryption.KeyCompromised = true
		}, incident.Determination{Outcome: incident.OutcomeSecured}, "determination.outcome", "the key was compromised"},
		{"Err secured: not encrypted (74 FR 42740)", nil, incident.Determination{Outcome: incident.OutcomeSecured},
			"determination.outcome", "the facts show neither"},
		{"Err secured: standard not named (74 FR 42740)", func(i *incident.Incident) {
			i.Encryption = incident.Encryption{Encrypted: true}
		}, incident.Determination{Outcome: incident.OutcomeSecured}, "determination.outcome", "standard met"},
		{"OK exception (164.402(1)(i))", nil, incident.Determination{Outcome: incident.OutcomeException,
			Exception: incident.ExceptionUnintentionalWorkforce, Facts: "nurse opened the wrong chart in good faith"}, "", ""},
		{"Err exception: which (164.402(1))", nil, incident.Determination{Outcome: incident.OutcomeException, Facts: "x"},
			"determination.exception", `"" is not one of`},
		{"Err exception: unknown (164.402(1))", nil, incident.Determination{Outcome: incident.OutcomeException, Exception: "(iv)", Facts: "x"},
			"determination.exception", `"(iv)" is not one of`},
		{"Err exception: facts (164.402(1))", nil, incident.Determination{Outcome: incident.OutcomeException, Exception: incident.ExceptionCouldNotRetain},
			"determination.facts", "how the exception applies"},
		{"Err exception on another outcome (164.402(1))", nil, incident.Determination{Outcome: incident.OutcomeBreach, Exception: incident.ExceptionCouldNotRetain},
			"determination.exception", "must be empty unless"},
		{"Err outcome unknown", nil, incident.Determination{Outcome: "probably_fine"}, "determination.outcome", "is not one of"},
		{"Err outcome empty", nil, incident.Determination{}, "determination.outcome", `"" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(disc, in("TX", 40))
			if tt.facts != nil {
				tt.facts(&i)
			}
			d := tt.det
			d.DecidedBy, d.DecidedOn = officer, disc+3
			i.Determination = &d
			err := d.Validate(&i)
			if tt.field == "" {
				require.NoError(t, err)
				require.NoError(t, i.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			requireInvalid(t, i.Validate(), tt.field, tt.rule)
		})
	}

	t.Run("Err who and when", func(t *testing.T) {
		i := newIncident(disc, in("TX", 40))
		d := incident.Determination{Outcome: incident.OutcomeBreach}
		err := d.Validate(&i)
		requireInvalid(t, err, "determination.decided_by", "must name who decided")
		requireInvalid(t, err, "determination.decided_on", "must be set")
		d = incident.Determination{Outcome: incident.OutcomeBreach, DecidedBy: officer, DecidedOn: disc - 1}
		requireInvalid(t, d.Validate(&i), "determination.decided_on", "before discovery")
	})
}

// TestLowProbabilityNeedsDocumentedAssessment: a low probability of compromise needs all
// four factors, each with finding and rationale, the conclusion, and who concluded when
// (45 CFR 164.402(2)(i)-(iv)).
func TestLowProbabilityNeedsDocumentedAssessment(t *testing.T) {
	disc := day(2026, 5, 4)
	tests := []struct {
		name        string
		edit        func(d *incident.Determination)
		field, rule string
	}{
		{"OK four factors (164.402(2))", func(d *incident.Determination) {}, "", ""},
		{"OK with other factors (78 FR 5642)", func(d *incident.Determination) {
			d.Assessment.Other = []incident.Factor{{Finding: "recipient is a clinic", Rationale: "bound by HIPAA"}}
		}, "", ""},
		{"Err no assessment (164.402(2))", func(d *incident.Determination) { d.Assessment = nil }, "determination.assessment", "is required"},
		{"Err nature finding (164.402(2)(i))", func(d *incident.Determination) { d.Assessment.Nature.Finding = "" },
			"determination.assessment.nature.finding", "164.402(2)(i)"},
		{"Err recipient rationale (164.402(2)(ii))", func(d *incident.Determination) { d.Assessment.Recipient.Rationale = " " },
			"determination.assessment.recipient.rationale", "164.402(2)(ii)"},
		{"Err acquired or viewed (164.402(2)(iii))", func(d *incident.Determination) { d.Assessment.AcquiredViewed = incident.Factor{} },
			"determination.assessment.acquired_viewed.finding", "164.402(2)(iii)"},
		{"Err mitigation (164.402(2)(iv))", func(d *incident.Determination) { d.Assessment.Mitigation.Rationale = "" },
			"determination.assessment.mitigation.rationale", "164.402(2)(iv)"},
		{"Err other factor incomplete (78 FR 5642)", func(d *incident.Determination) {
			d.Assessment.Other = []incident.Factor{{Finding: "x"}}
		}, "determination.assessment.other[0].rationale", "must not be empty"},
		{"Err conclusion not recorded (164.402(2))", func(d *incident.Determination) { d.Assessment.LowProbability = false },
			"determination.assessment.low_probability", "must record the conclusion"},
		{"Err no person (164.402(2))", func(d *incident.Determination) { d.Assessment.ConcludedBy = "" },
			"determination.assessment.concluded_by", "must name who concluded"},
		{"Err no date (164.402(2))", func(d *incident.Determination) { d.Assessment.ConcludedOn = date.Zero },
			"determination.assessment.concluded_on", "must be set"},
		{"Err date before discovery (164.402(2))", func(d *incident.Determination) { d.Assessment.ConcludedOn = disc - 1 },
			"determination.assessment.concluded_on", "before discovery"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(disc, in("TX", 40))
			d := lowProbability(disc + 5)
			tt.edit(d)
			err := d.Validate(&i)
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
}

// TestSuggest: the facts may suggest secured (74 FR 42740); otherwise a breach is presumed
// (45 CFR 164.402(2)). Never a low probability, an exception or not_phi.
func TestSuggest(t *testing.T) {
	tests := []struct {
		name string
		edit func(i *incident.Incident)
		want incident.Outcome
	}{
		{"164.402(2) nothing known: breach presumed", func(i *incident.Incident) {}, incident.OutcomeBreach},
		{"74 FR 42740 laptop encrypted per NIST SP 800-111, key kept apart", func(i *incident.Incident) {
			i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111"}
		}, incident.OutcomeSecured},
		{"74 FR 42740 key taped to the laptop: breach presumed", func(i *incident.Incident) {
			i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111", KeyCompromised: true}
		}, incident.OutcomeBreach},
		{"74 FR 42740 encryption to no named standard: breach presumed", func(i *incident.Incident) {
			i.Encryption = incident.Encryption{Encrypted: true}
		}, incident.OutcomeBreach},
		{"74 FR 42740 films shredded (NIST SP 800-88)", func(i *incident.Incident) { i.Destroyed = true }, incident.OutcomeSecured},
		{"164.402(2) facts favourable to a low probability still suggest breach", func(i *incident.Incident) {
			i.Recipient, i.Acquired = incident.RecipientCoveredEntity, incident.AcquiredNo
			i.Mitigation = incident.Mitigation{ReturnedOrDestroyed: true, Assurances: true}
		}, incident.OutcomeBreach},
		{"164.402(2) a recorded low-probability determination is not suggested", func(i *incident.Incident) {
			i.Determination = lowProbability(i.DiscoveredOn)
		}, incident.OutcomeBreach},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(day(2026, 5, 4), in("TX", 40))
			tt.edit(&i)
			got := incident.Suggest(&i)
			assert.Equal(t, tt.want, got)
			assert.NotEqual(t, incident.OutcomeLowProbability, got)
		})
	}
	assert.Equal(t, incident.OutcomeBreach, incident.Suggest(nil))
}

// TestStolenLaptop: an encrypted laptop whose key was kept apart is secured, so no federal
// notice is due (74 FR 42740; 45 CFR 164.404(a)(1)); with the key taped to it the PHI is
// unsecured and, with no other determination, a breach is presumed (45 CFR 164.402(2)).
func TestStolenLaptop(t *testing.T) {
	disc := day(2026, 5, 4)
	laptop := func(keyCompromised bool) incident.Incident {
		i := newIncident(disc, in("TX", 40))
		i.BreachType, i.Location = incident.BreachTheft, incident.LocationLaptop
		i.Encryption = incident.Encryption{Encrypted: true, Standard: "NIST SP 800-111", KeyCompromised: keyCompromised}
		return i
	}

	t.Run("74 FR 42740 key kept apart: secured, not a breach", func(t *testing.T) {
		i := laptop(false)
		require.Equal(t, incident.OutcomeSecured, incident.Suggest(&i))
		i.Determination = &incident.Determination{Outcome: incident.Suggest(&i), DecidedBy: officer, DecidedOn: disc + 1}
		require.NoError(t, i.Validate())
		obs := federal(obligations(t, i, federalOnly(t)))
		require.Equal(t, []string{incident.KeyHHS, incident.KeyIndividuals}, keys(obs), "not required: no deadline, sorted by key")
		for _, o := range obs {
			assert.Equal(t, incident.StatusNotRequired, o.Status, o.Key)
			assert.Contains(t, o.NotRequired, "74 FR 42740", o.Key)
			assert.Contains(t, o.NotRequired, "NIST SP 800-111", o.Key)
			assert.Equal(t, date.Zero, o.Deadline, o.Key)
		}
	})

	t.Run("74 FR 42740 key taped to it: breach presumed (164.402(2))", func(t *testing.T) {
		i := laptop(true)
		require.Equal(t, incident.OutcomeBreach, incident.Suggest(&i))
		i.Determination = &incident.Determination{Outcome: incident.OutcomeSecured, DecidedBy: officer, DecidedOn: disc + 1}
		requireInvalid(t, i.Validate(), "determination.outcome", "the key was compromised")

		i.Determination = nil
		obs := obligations(t, i, federalOnly(t))
		ind := must(t, obs, incident.KeyIndividuals)
		assert.Equal(t, incident.StatusPending, ind.Status)
		assert.Equal(t, disc+60, ind.Deadline)
		assert.Contains(t, ind.Reason, "a breach is presumed (45 CFR 164.402(2))")
	})
}
