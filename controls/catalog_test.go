package controls_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/validation"
)

// row is one control as the regulation lists it.
type row struct {
	id       controls.ID
	standard controls.ID
	kind     controls.Kind
	title    string
}

// Shorter names for the transcription.
const (
	S = controls.KindStandard
	R = controls.KindRequired
	A = controls.KindAddressable
)

// cfr is a hand transcription of /work/shared/domain/security-rule.md, every line of it:
// each standard (with or without implementation specifications) as kind S, then each of its
// implementation specifications with the R or A the file gives it. Nothing is parsed at test
// time: this table is the transcription, and TestCurrentMatchesCFR holds Current() to it.
// The file's line is quoted above each group.
//
// The two 164.314 specifications are headed only "implementation specifications" in the
// file (and in the CFR); their titles here are the catalog's, naming what they cover.
var cfr = map[controls.Safeguard][]row{
	// 164.308 Administrative safeguards
	controls.SafeguardAdministrative: {
		// (a)(1) Security management process: (ii)(A) Risk analysis R; (B) Risk management R;
		// (C) Sanction policy R; (D) Information system activity review R
		{"164.308(a)(1)", "164.308(a)(1)", S, "Security management process"},
		{"164.308(a)(1)(ii)(A)", "164.308(a)(1)", R, "Risk analysis"},
		{"164.308(a)(1)(ii)(B)", "164.308(a)(1)", R, "Risk management"},
		{"164.308(a)(1)(ii)(C)", "164.308(a)(1)", R, "Sanction policy"},
		{"164.308(a)(1)(ii)(D)", "164.308(a)(1)", R, "Information system activity review"},
		// (a)(2) Assigned security responsibility (standard)
		{"164.308(a)(2)", "164.308(a)(2)", S, "Assigned security responsibility"},
		// (a)(3) Workforce security: (ii)(A) Authorization and/or supervision A;
		// (B) Workforce clearance procedure A; (C) Termination procedures A
		{"164.308(a)(3)", "164.308(a)(3)", S, "Workforce security"},
		{"164.308(a)(3)(ii)(A)", "164.308(a)(3)", A, "Authorization and/or supervision"},
		{"164.308(a)(3)(ii)(B)", "164.308(a)(3)", A, "Workforce clearance procedure"},
		{"164.308(a)(3)(ii)(C)", "164.308(a)(3)", A, "Termination procedures"},
		// (a)(4) Information access management: (ii)(A) Isolating health care clearinghouse
		// functions R; (B) Access authorization A; (C) Access establishment and modification A
		{"164.308(a)(4)", "164.308(a)(4)", S, "Information access management"},
		{"164.308(a)(4)(ii)(A)", "164.308(a)(4)", R, "Isolating health care clearinghouse functions"},
		{"164.308(a)(4)(ii)(B)", "164.308(a)(4)", A, "Access authorization"},
		{"164.308(a)(4)(ii)(C)", "164.308(a)(4)", A, "Access establishment and modification"},
		// (a)(5) Security awareness and training: (ii)(A) Security reminders A; (B) Protection
		// from malicious software A; (C) Log-in monitoring A; (D) Password management A
		{"164.308(a)(5)", "164.308(a)(5)", S, "Security awareness and training"},
		{"164.308(a)(5)(ii)(A)", "164.308(a)(5)", A, "Security reminders"},
		{"164.308(a)(5)(ii)(B)", "164.308(a)(5)", A, "Protection from malicious software"},
		{"164.308(a)(5)(ii)(C)", "164.308(a)(5)", A, "Log-in monitoring"},
		{"164.308(a)(5)(ii)(D)", "164.308(a)(5)", A, "Password management"},
		// (a)(6) Security incident procedures: (ii) Response and reporting R
		{"164.308(a)(6)", "164.308(a)(6)", S, "Security incident procedures"},
		{"164.308(a)(6)(ii)", "164.308(a)(6)", R, "Response and reporting"},
		// (a)(7) Contingency plan: (ii)(A) Data backup plan R; (B) Disaster recovery plan R;
		// (C) Emergency mode operation plan R; (D) Testing and revision procedures A;
		// (E) Applications and data criticality analysis A
		{"164.308(a)(7)", "164.308(a)(7)", S, "Contingency plan"},
		{"164.308(a)(7)(ii)(A)", "164.308(a)(7)", R, "Data backup plan"},
		{"164.308(a)(7)(ii)(B)", "164.308(a)(7)", R, "Disaster recovery plan"},
		{"164.308(a)(7)(ii)(C)", "164.308(a)(7)", R, "Emergency mode operation plan"},
		{"164.308(a)(7)(ii)(D)", "164.308(a)(7)", A, "Testing and revision procedures"},
		{"164.308(a)(7)(ii)(E)", "164.308(a)(7)", A, "Applications and data criticality analysis"},
		// (a)(8) Evaluation (standard)
		{"164.308(a)(8)", "164.308(a)(8)", S, "Evaluation"},
		// (b)(1) Business associate contracts and other arrangements: (b)(3) Written contract
		// or other arrangement R
		{"164.308(b)(1)", "164.308(b)(1)", S, "Business associate contracts and other arrangements"},
		{"164.308(b)(3)", "164.308(b)(1)", R, "Written contract or other arrangement"},
	},
	// 164.310 Physical safeguards
	controls.SafeguardPhysical: {
		// (a)(1) Facility access controls: (a)(2)(i) Contingency operations A; (ii) Facility
		// security plan A; (iii) Access control and validation procedures A; (iv) Maintenance
		// records A
		{"164.310(a)(1)", "164.310(a)(1)", S, "Facility access controls"},
		{"164.310(a)(2)(i)", "164.310(a)(1)", A, "Contingency operations"},
		{"164.310(a)(2)(ii)", "164.310(a)(1)", A, "Facility security plan"},
		{"164.310(a)(2)(iii)", "164.310(a)(1)", A, "Access control and validation procedures"},
		{"164.310(a)(2)(iv)", "164.310(a)(1)", A, "Maintenance records"},
		// (b) Workstation use (standard)
		{"164.310(b)", "164.310(b)", S, "Workstation use"},
		// (c) Workstation security (standard)
		{"164.310(c)", "164.310(c)", S, "Workstation security"},
		// (d)(1) Device and media controls: (d)(2)(i) Disposal R; (ii) Media re-use R;
		// (iii) Accountability A; (iv) Data backup and storage A
		{"164.310(d)(1)", "164.310(d)(1)", S, "Device and media controls"},
		{"164.310(d)(2)(i)", "164.310(d)(1)", R, "Disposal"},
		{"164.310(d)(2)(ii)", "164.310(d)(1)", R, "Media re-use"},
		{"164.310(d)(2)(iii)", "164.310(d)(1)", A, "Accountability"},
		{"164.310(d)(2)(iv)", "164.310(d)(1)", A, "Data backup and storage"},
	},
	// 164.312 Technical safeguards
	controls.SafeguardTechnical: {
		// (a)(1) Access control: (a)(2)(i) Unique user identification R; (ii) Emergency access
		// procedure R; (iii) Automatic logoff A; (iv) Encryption and decryption A
		{"164.312(a)(1)", "164.312(a)(1)", S, "Access control"},
		{"164.312(a)(2)(i)", "164.312(a)(1)", R, "Unique user identification"},
		{"164.312(a)(2)(ii)", "164.312(a)(1)", R, "Emergency access procedure"},
		{"164.312(a)(2)(iii)", "164.312(a)(1)", A, "Automatic logoff"},
		{"164.312(a)(2)(iv)", "164.312(a)(1)", A, "Encryption and decryption"},
		// (b) Audit controls (standard)
		{"164.312(b)", "164.312(b)", S, "Audit controls"},
		// (c)(1) Integrity: (c)(2) Mechanism to authenticate electronic PHI A
		{"164.312(c)(1)", "164.312(c)(1)", S, "Integrity"},
		{"164.312(c)(2)", "164.312(c)(1)", A, "Mechanism to authenticate electronic PHI"},
		// (d) Person or entity authentication (standard)
		{"164.312(d)", "164.312(d)", S, "Person or entity authentication"},
		// (e)(1) Transmission security: (e)(2)(i) Integrity controls A; (ii) Encryption A
		{"164.312(e)(1)", "164.312(e)(1)", S, "Transmission security"},
		{"164.312(e)(2)(i)", "164.312(e)(1)", A, "Integrity controls"},
		{"164.312(e)(2)(ii)", "164.312(e)(1)", A, "Encryption"},
	},
	// 164.314 Organizational requirements
	controls.SafeguardOrganizational: {
		// (a)(1) Business associate contracts or other arrangements: (a)(2) implementation
		// specifications R (BA complies with the Security Rule, flows terms down to
		// subcontractors, reports security incidents including breaches of unsecured PHI per
		// 164.410)
		{"164.314(a)(1)", "164.314(a)(1)", S, "Business associate contracts or other arrangements"},
		{"164.314(a)(2)", "164.314(a)(1)", R, "Business associate contracts, other arrangements and subcontractor contracts"},
		// (b)(1) Requirements for group health plans: (b)(2) implementation specifications R
		{"164.314(b)(1)", "164.314(b)(1)", S, "Requirements for group health plans"},
		{"164.314(b)(2)", "164.314(b)(1)", R, "Plan document provisions"},
	},
	// 164.316 Policies and procedures and documentation requirements
	controls.SafeguardDocumentation: {
		// (a) Policies and procedures (standard)
		{"164.316(a)", "164.316(a)", S, "Policies and procedures"},
		// (b)(1) Documentation: (b)(2)(i) Time limit — six years from creation or last
		// effective date, whichever is later R; (ii) Availability R; (iii) Updates R
		{"164.316(b)(1)", "164.316(b)(1)", S, "Documentation"},
		{"164.316(b)(2)(i)", "164.316(b)(1)", R, "Time limit"},
		{"164.316(b)(2)(ii)", "164.316(b)(1)", R, "Availability"},
		{"164.316(b)(2)(iii)", "164.316(b)(1)", R, "Updates"},
	},
}

// TestCurrentMatchesCFR holds Current() to the transcription of the Security Rule
// (45 CFR 164.308, 164.310, 164.312, 164.314, 164.316): exactly those controls, in
// regulation order, with those kinds, standards, titles and citations, and nothing else.
func TestCurrentMatchesCFR(t *testing.T) {
	cat := controls.Current()
	require.NoError(t, cat.Validate())
	assert.Equal(t, "2013-omnibus", cat.Version)
	assert.Equal(t, controls.CurrentVersion, cat.Version)
	assert.Equal(t, day(2013, 3, 26), cat.EffectiveOn, "78 FR 5566 took effect March 26, 2013")
	assert.Contains(t, cat.Note, "90 FR 898")

	var want []row
	for _, s := range controls.SafeguardValues() {
		want = append(want, cfr[s]...)
	}
	require.Len(t, cfr, len(controls.SafeguardValues()), "every safeguard is transcribed")
	require.Len(t, cat.Controls, len(want), "Current() has exactly the transcribed controls")

	for i, w := range want {
		t.Run(string(w.id), func(t *testing.T) {
			got := cat.Controls[i]
			assert.Equal(t, w.id, got.ID, "regulation order")
			assert.Equal(t, w.kind, got.Kind)
			assert.Equal(t, w.standard, got.Standard)
			assert.Equal(t, w.title, got.Title)
			assert.Equal(t, "45 CFR "+string(w.id), got.Citation)

			byID, ok := cat.Get(w.id)
			require.True(t, ok)
			assert.Equal(t, got, byID)
		})
	}
	for s, rows := range cfr {
		for _, w := range rows {
			got, ok := cat.Get(w.id)
			if assert.True(t, ok, "%s", w.id) {
				assert.Equal(t, s, got.Safeguard, "%s", w.id)
				assert.Equal(t, s.Section(), string(w.id)[:len("164.308")], "%s", w.id)
			}
		}
	}
}

// TestCurrentCounts counts the controls of each safeguard by kind.
func TestCurrentCounts(t *testing.T) {
	type counts struct{ standards, standalone, required, addressable int }
	tests := []struct {
		section   string
		safeguard controls.Safeguard
		want      counts
	}{
		{"45 CFR 164.308", controls.SafeguardAdministrative, counts{9, 2, 10, 11}},
		{"45 CFR 164.310", controls.SafeguardPhysical, counts{4, 2, 2, 6}},
		{"45 CFR 164.312", controls.SafeguardTechnical, counts{5, 2, 2, 5}},
		{"45 CFR 164.314", controls.SafeguardOrganizational, counts{2, 0, 2, 0}},
		{"45 CFR 164.316", controls.SafeguardDocumentation, counts{2, 1, 3, 0}},
	}
	cat := controls.Current()
	standalone := map[controls.ID]bool{}
	for _, c := range cat.Standalone() {
		standalone[c.ID] = true
	}
	var total counts
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			assert.Equal(t, tt.section, "45 CFR "+tt.safeguard.Section())
			var got counts
			for _, c := range cat.InSafeguard(tt.safeguard) {
				switch c.Kind {
				case controls.KindStandard:
					got.standards++
					if standalone[c.ID] {
						got.standalone++
					}
				case controls.KindRequired:
					got.required++
				case controls.KindAddressable:
					got.addressable++
				}
			}
			assert.Equal(t, tt.want, got)
		})
		total.standards += tt.want.standards
		total.standalone += tt.want.standalone
		total.required += tt.want.required
		total.addressable += tt.want.addressable
	}
	assert.Equal(t, counts{22, 7, 19, 22}, total)
	assert.Len(t, cat.Controls, 63)
	assert.Len(t, cat.Standards(), 22)
	assert.Len(t, cat.Required(), 19)
	assert.Len(t, cat.Addressable(), 22)
}

// TestStandaloneAndSpecifications checks the standards met by themselves (45 CFR 164.306(c))
// and a standard's specifications.
func TestStandaloneAndSpecifications(t *testing.T) {
	cat := controls.Current()
	var ids []controls.ID
	for _, c := range cat.Standalone() {
		ids = append(ids, c.ID)
		assert.False(t, c.IsSpecification())
	}
	assert.Equal(t, []controls.ID{
		"164.308(a)(2)", "164.308(a)(8)", "164.310(b)", "164.310(c)", "164.312(b)", "164.312(d)",
		"164.316(a)",
	}, ids)

	ids = nil
	for _, c := range cat.Specifications("164.310(a)(1)") {
		ids = append(ids, c.ID)
		assert.True(t, c.IsSpecification())
	}
	assert.Equal(t, []controls.ID{
		"164.310(a)(2)(i)", "164.310(a)(2)(ii)", "164.310(a)(2)(iii)", "164.310(a)(2)(iv)",
	}, ids)
	assert.Empty(t, cat.Specifications("164.312(b)"))
	assert.Empty(t, cat.Specifications("164.999(a)"))

	_, ok := cat.Get("164.308(a)(9)")
	assert.False(t, ok)
}

// TestCurrentIsFresh checks that each call returns a copy no caller can spoil.
func TestCurrentIsFresh(t *testing.T) {
	a := controls.Current()
	a.Controls[0].Kind = controls.KindAddressable
	a.Controls = a.Controls[:1]
	a.Version = "changed"
	b := controls.Current()
	assert.Equal(t, controls.CurrentVersion, b.Version)
	assert.Len(t, b.Controls, 63)
	assert.Equal(t, controls.KindStandard, b.Controls[0].Kind)

	addr := b.Addressable()
	addr[0].Title = "changed"
	got, _ := b.Get(addr[0].ID)
	assert.NotEqual(t, "changed", got.Title)
}

func TestIDWellFormed(t *testing.T) {
	tests := []struct {
		id   controls.ID
		want bool
	}{
		{"164.308(a)(1)", true},
		{"164.308(a)(1)(ii)(A)", true},
		{"164.312(b)", true},
		{"164.316(b)(2)(iii)", true},
		{"", false},
		{"164.308", false},
		{"45 CFR 164.308(a)(1)", false},
		{"164.(a)(1)", false},
		{"164.308()", false},
		{"164.308(a", false},
		{"164.308(a)x", false},
		{"164.308(a)(1 )", false},
		{"165.308(a)(1)", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.id.WellFormed())
		})
	}
}

// TestCatalogValidate checks each rule of Catalog.Validate on a broken copy of Current().
func TestCatalogValidate(t *testing.T) {
	// Indexes into Current().Controls.
	const (
		riskAnalysis = 1 // 164.308(a)(1)(ii)(A), R, standard 164.308(a)(1)
		assigned     = 5 // 164.308(a)(2), standalone standard
	)
	tests := []struct {
		name   string
		mutate func(c *controls.Catalog)
		field  string
		rule   string
	}{
		{"ErrVersionRequired", func(c *controls.Catalog) { c.Version = " " }, "version", "must not be empty"},
		{"ErrTitleRequired", func(c *controls.Catalog) { c.Title = "" }, "title", "must not be empty"},
		{"ErrNoControls", func(c *controls.Catalog) { c.Controls = nil }, "controls", "must not be empty"},
		{"ErrIDRequired", func(c *controls.Catalog) { c.Controls[assigned].ID = "" },
			"controls[5].id", "must not be empty"},
		{"ErrIDMalformed", func(c *controls.Catalog) {
			c.Controls[assigned].ID = "45 CFR 164.308(a)(2)"
			c.Controls[assigned].Standard = "45 CFR 164.308(a)(2)"
		}, "controls[5].id", "is not a paragraph of 45 CFR Part 164"},
		{"ErrDuplicateID", func(c *controls.Catalog) {
			c.Controls = append(c.Controls, c.Controls[assigned])
		}, "controls[63].id", "164.308(a)(2) duplicates controls[5]"},
		{"ErrControlTitleRequired", func(c *controls.Catalog) { c.Controls[riskAnalysis].Title = "" },
			"controls[1].title", "must not be empty"},
		{"ErrCitationRequired", func(c *controls.Catalog) { c.Controls[riskAnalysis].Citation = "" },
			"controls[1].citation", "must not be empty"},
		{"ErrUnknownKind", func(c *controls.Catalog) { c.Controls[riskAnalysis].Kind = "mandatory" },
			"controls[1].kind", `"mandatory" is not one of`},
		{"ErrUnknownSafeguard", func(c *controls.Catalog) { c.Controls[assigned].Safeguard = "" },
			"controls[5].safeguard", `"" is not one of`},
		{"ErrStandardRequired", func(c *controls.Catalog) { c.Controls[riskAnalysis].Standard = "" },
			"controls[1].standard", "must not be empty"},
		{"ErrStandardNotItself", func(c *controls.Catalog) { c.Controls[assigned].Standard = "164.308(a)(1)" },
			"controls[5].standard", `"164.308(a)(1)" must be the standard's own ID 164.308(a)(2)`},
		{"ErrSpecificationIsItsOwnStandard", func(c *controls.Catalog) {
			c.Controls[riskAnalysis].Standard = c.Controls[riskAnalysis].ID
		}, "controls[1].standard", "is the required specification itself"},
		{"ErrStandardMissing", func(c *controls.Catalog) { c.Controls[riskAnalysis].Standard = "164.308(a)(9)" },
			"controls[1].standard", "164.308(a)(9) is not in the catalog"},
		{"ErrStandardIsSpecification", func(c *controls.Catalog) {
			c.Controls[riskAnalysis].Standard = "164.308(a)(1)(ii)(B)"
		}, "controls[1].standard", "164.308(a)(1)(ii)(B) is required, not a standard"},
		{"ErrStandardInOtherSafeguard", func(c *controls.Catalog) {
			c.Controls[riskAnalysis].Standard = "164.312(b)"
		}, "controls[1].standard", "164.312(b) is in the technical safeguard, not administrative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := controls.Current()
			tt.mutate(&c)
			requireInvalid(t, c.Validate(), tt.field, tt.rule)
		})
	}

	t.Run("OK", func(t *testing.T) {
		c := controls.Current()
		require.NoError(t, c.Validate())
	})
	t.Run("AllProblems", func(t *testing.T) {
		c := controls.Current()
		c.Version = ""
		c.Controls[riskAnalysis].Kind = ""
		c.Controls[assigned].Title = ""
		err := c.Validate()
		require.ErrorIs(t, err, validation.ErrInvalid)
		assert.EqualError(t, err, "controls: version must not be empty\n"+
			`controls: controls[1].kind "" is not one of [standard required addressable]`+"\n"+
			"controls: controls[5].title must not be empty")
	})
}
