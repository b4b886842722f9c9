package controls_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/validation"
)

// officer decides every addressable specification in these tests.
const officer = "security.officer@example.org"

// decided is a valid decision on 164.312(a)(2)(iv) Encryption and decryption.
func decided(d controls.Decision) controls.AddressableDecision {
	out := controls.AddressableDecision{
		Control:        "164.312(a)(2)(iv)",
		CatalogVersion: controls.CurrentVersion,
		Decision:       d,
		DecidedBy:      officer,
		DecidedOn:      day(2026, time.March, 2),
	}
	switch d {
	case controls.DecisionAlternative:
		out.Alternative = "laptops never store ePHI; access only through the virtual desktop"
		out.Reason = "full-disk encryption breaks the linear accelerator console's vendor support"
	case controls.DecisionNotReasonable:
		out.Reason = "the device holds no ePHI at rest"
	}
	return out
}

// TestAddressableDecisionValidate: 45 CFR 164.306(d)(3).
func TestAddressableDecisionValidate(t *testing.T) {
	cat := controls.Current()
	for _, d := range controls.DecisionValues() {
		t.Run("OK/"+string(d), func(t *testing.T) {
			dec := decided(d)
			require.NoError(t, dec.Validate(&cat))
		})
	}
	t.Run("OK/ImplementedWithReason", func(t *testing.T) {
		dec := decided(controls.DecisionImplemented)
		dec.Reason = "all endpoints support BitLocker"
		require.NoError(t, dec.Validate(&cat))
	})

	tests := []struct {
		name   string
		mutate func(d *controls.AddressableDecision)
		field  string
		rule   string
	}{
		// 45 CFR 164.306(d)(2): a required specification is implemented, not assessed.
		{"ErrRequiredControl", func(d *controls.AddressableDecision) { d.Control = "164.312(a)(2)(i)" },
			"control", "164.312(a)(2)(i) is required, not an addressable specification"},
		// 45 CFR 164.306(c): a standard is met, not assessed.
		{"ErrStandard", func(d *controls.AddressableDecision) { d.Control = "164.312(b)" },
			"control", "164.312(b) is standard, not an addressable specification"},
		{"ErrUnknownControl", func(d *controls.AddressableDecision) { d.Control = "164.312(a)(2)(v)" },
			"control", "164.312(a)(2)(v) is not in catalog 2013-omnibus"},
		{"ErrControlRequired", func(d *controls.AddressableDecision) { d.Control = "" },
			"control", "must not be empty"},
		{"ErrCatalogVersionRequired", func(d *controls.AddressableDecision) { d.CatalogVersion = "" },
			"catalog_version", "must not be empty"},
		{"ErrOtherCatalogVersion", func(d *controls.AddressableDecision) { d.CatalogVersion = "2003-final" },
			"catalog_version", `"2003-final" is not the catalog's version "2013-omnibus"`},
		{"ErrUnknownDecision", func(d *controls.AddressableDecision) { d.Decision = "deferred" },
			"decision", `"deferred" is not one of`},
		{"ErrDecisionRequired", func(d *controls.AddressableDecision) { d.Decision = "" },
			"decision", `"" is not one of`},
		// 45 CFR 164.306(d)(3)(ii)(B)(2): the alternative measure is described.
		{"ErrAlternativeWithoutDescription", func(d *controls.AddressableDecision) {
			*d = decided(controls.DecisionAlternative)
			d.Alternative = "  "
		}, "alternative", "must describe the equivalent alternative measure"},
		// 45 CFR 164.306(d)(3)(ii)(B)(1): why the specification is not reasonable and appropriate.
		{"ErrAlternativeWithoutReason", func(d *controls.AddressableDecision) {
			*d = decided(controls.DecisionAlternative)
			d.Reason = ""
		}, "reason", "must say why the specification is not reasonable and appropriate"},
		{"ErrNotReasonableWithoutReason", func(d *controls.AddressableDecision) {
			*d = decided(controls.DecisionNotReasonable)
			d.Reason = ""
		}, "reason", "must say why neither the specification nor an equivalent alternative"},
		{"ErrNotReasonableWithAlternative", func(d *controls.AddressableDecision) {
			*d = decided(controls.DecisionNotReasonable)
			d.Alternative = "VDI"
		}, "alternative", "must be empty unless the decision is alternative"},
		{"ErrImplementedWithAlternative", func(d *controls.AddressableDecision) { d.Alternative = "VDI" },
			"alternative", "must be empty unless the decision is alternative"},
		{"ErrMissingDecider", func(d *controls.AddressableDecision) { d.DecidedBy = " " },
			"decided_by", "must name who decided"},
		{"ErrMissingDecidedOn", func(d *controls.AddressableDecision) { d.DecidedOn = date.Zero },
			"decided_on", "must be set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decided(controls.DecisionImplemented)
			tt.mutate(&d)
			requireInvalid(t, d.Validate(&cat), tt.field, tt.rule)
		})
	}

	t.Run("ErrNoCatalog", func(t *testing.T) {
		d := decided(controls.DecisionImplemented)
		requireInvalid(t, d.Validate(nil), "control", "cannot be checked without a catalog")
	})
	t.Run("AllProblems", func(t *testing.T) {
		d := controls.AddressableDecision{Decision: controls.DecisionAlternative}
		var fields []string
		for _, e := range validation.All(d.Validate(&cat)) {
			fields = append(fields, e.Field)
		}
		assert.Equal(t, []string{
			"control", "catalog_version", "alternative", "reason", "decided_by", "decided_on",
		}, fields)
	})
}

// TestUndecided: the addressable specifications (45 CFR 164.306(d)(3)) still to decide.
func TestUndecided(t *testing.T) {
	cat := controls.Current()
	all := cat.Addressable()
	ids := func(cs []controls.Control) []controls.ID {
		var out []controls.ID
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	on := func(id controls.ID, version string) controls.AddressableDecision {
		d := decided(controls.DecisionImplemented)
		d.Control, d.CatalogVersion = id, version
		return d
	}
	everything := make([]controls.AddressableDecision, 0, len(all))
	for _, c := range all {
		everything = append(everything, on(c.ID, controls.CurrentVersion))
	}

	tests := []struct {
		name      string
		decisions []controls.AddressableDecision
		want      []controls.ID
	}{
		{"NoDecisions", nil, ids(all)},
		{"OneDecided", []controls.AddressableDecision{on("164.308(a)(3)(ii)(A)", controls.CurrentVersion)}, ids(all[1:])},
		{"LastDecided", []controls.AddressableDecision{on("164.312(e)(2)(ii)", controls.CurrentVersion)}, ids(all[:len(all)-1])},
		{"OtherVersionIgnored", []controls.AddressableDecision{on("164.308(a)(3)(ii)(A)", "2026-final")}, ids(all)},
		{"DecisionOnRequiredIgnored", []controls.AddressableDecision{on("164.308(a)(1)(ii)(A)", controls.CurrentVersion)}, ids(all)},
		{"TwiceDecided", []controls.AddressableDecision{
			on("164.310(d)(2)(iv)", controls.CurrentVersion), on("164.310(d)(2)(iv)", controls.CurrentVersion),
		}, ids(append(append([]controls.Control(nil), all[:16]...), all[17:]...))},
		{"AllDecided", everything, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ids(controls.Undecided(&cat, tt.decisions)))
		})
	}
	assert.Equal(t, controls.ID("164.310(d)(2)(iv)"), all[16].ID)
	assert.Nil(t, controls.Undecided(nil, everything))
}
