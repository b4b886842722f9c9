package vendors_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

func determination(o vendors.Outcome, on date.Date) vendors.Determination {
	return vendors.Determination{Outcome: o, Rationale: "reviewed the services agreement", DecidedBy: actor, DecidedOn: on}
}

// TestVendorValidate: each bad field is named with the rule it breaks.
func TestVendorValidate(t *testing.T) {
	rich := richVendor(t)
	signedBAA := vendorIn(t, vendors.StateSigned).BAA
	tests := []struct {
		name        string
		edit        func(v *vendors.Vendor)
		field, rule string
	}{
		{"OK", func(v *vendors.Vendor) {}, "", ""},
		{"OKSignedWithEverything", func(v *vendors.Vendor) { *v = rich.Clone() }, "", ""},
		{"OKNameAt200Bytes", func(v *vendors.Vendor) { v.Name = strings.Repeat("a", 200) }, "", ""},
		{"ErrIDEmpty", func(v *vendors.Vendor) { v.ID = "" }, "id", "must not be empty"},
		{"ErrNameEmpty", func(v *vendors.Vendor) { v.Name = "" }, "name", "must not be empty"},
		{"ErrNameBlank", func(v *vendors.Vendor) { v.Name = " \t " }, "name", "must not be empty"},
		{"ErrNameTooLong", func(v *vendors.Vendor) { v.Name = strings.Repeat("a", 201) }, "name", "must be at most 200 bytes"},
		{"ErrCategoryUnknown", func(v *vendors.Vendor) { v.Category = "florist" }, "category", `"florist" is not one of`},
		{"ErrCategoryEmpty", func(v *vendors.Vendor) { v.Category = "" }, "category", `"" is not one of`},
		{"ErrDataCategoryUnknown", func(v *vendors.Vendor) {
			v.DataShared = []vendors.DataCategory{vendors.DataImaging, "psychotherapy_notes"}
		}, "data_shared[1]", `"psychotherapy_notes" is not one of`},
		{"ErrDataCategoryTwice", func(v *vendors.Vendor) {
			v.DataShared = []vendors.DataCategory{vendors.DataImaging, vendors.DataPathology, vendors.DataImaging}
		}, "data_shared[2]", `"imaging" is listed twice`},
		{"ErrSiteEmpty", func(v *vendors.Vendor) { v.Sites = []org.SiteID{""} }, "sites[0]", "must not be empty"},
		{"ErrSiteTwice", func(v *vendors.Vendor) { v.Sites = []org.SiteID{"main", "main"} }, "sites[1]", `"main" is listed twice`},
		{"ErrContactEmail", func(v *vendors.Vendor) { v.Contact.Email = "not an address" }, "contact.email", `"not an address" is not an e-mail address`},
		{"ErrStateUnknown", func(v *vendors.Vendor) { v.BAA.State = "archived" }, "baa.state", `"archived" is not one of`},
		{"ErrDeterminationOutcome (160.103)", func(v *vendors.Vendor) {
			v.Determinations = []vendors.Determination{determination("maybe", requestedOn)}
		}, "determinations[0].outcome", `"maybe" is not one of`},
		{"ErrBAASignedWithoutEffective (164.504(e))", func(v *vendors.Vendor) {
			v.BAA = signedBAA.Clone()
			v.BAA.EffectiveOn = date.Zero
		}, "baa.effective_on", "must be set on a signed BAA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVendor("acme", "Acme Specialty Rx")
			tt.edit(&v)
			err := v.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		v := vendors.Vendor{Category: "x", DataShared: []vendors.DataCategory{"y"}, BAA: vendors.BAA{State: "z"}}
		err := v.Validate()
		require.ErrorIs(t, err, validation.ErrInvalid)
		assert.Equal(t, []string{"id", "name", "category", "data_shared[0]", "baa.state"}, fields(err))
	})
}

// TestDetermine: business-associate determinations (45 CFR 160.103) can be revised; every
// one is kept, oldest first, and the last is in effect.
func TestDetermine(t *testing.T) {
	v := newVendor("sponsor", "Trial Sponsor Inc")
	_, ok := v.Determination()
	assert.False(t, ok)
	assert.False(t, v.IsBusinessAssociate())

	first := determination(vendors.OutcomeNeedsLegalReview, day(2026, time.January, 10))
	second := determination(vendors.OutcomeBusinessAssociate, day(2026, time.February, 1))
	third := determination(vendors.OutcomeTreatingProvider, day(2026, time.February, 1)) // same day: allowed
	fourth := determination(vendors.OutcomeBusinessAssociate, day(2026, time.March, 1))

	require.NoError(t, v.Determine(first))
	assert.False(t, v.IsBusinessAssociate())
	require.NoError(t, v.Determine(second))
	assert.True(t, v.IsBusinessAssociate(), "164.502(e): a BAA is required")
	require.NoError(t, v.Determine(third))
	assert.False(t, v.IsBusinessAssociate(), "164.502(e)(1)(ii)(A): treating provider")
	require.NoError(t, v.Determine(fourth))

	assert.Equal(t, []vendors.Determination{first, second, third, fourth}, v.Determinations)
	got, ok := v.Determination()
	require.True(t, ok)
	assert.Equal(t, fourth, got)
	assert.True(t, v.IsBusinessAssociate())

	tests := []struct {
		name        string
		d           vendors.Determination
		field, rule string
	}{
		{"ErrOutcomeUnknown", vendors.Determination{Outcome: "probably", Rationale: "r", DecidedBy: actor, DecidedOn: fourth.DecidedOn},
			"outcome", `"probably" is not one of`},
		{"ErrOutcomeEmpty", vendors.Determination{Rationale: "r", DecidedBy: actor, DecidedOn: fourth.DecidedOn},
			"outcome", `"" is not one of`},
		{"ErrRationaleBlank", vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: " ", DecidedBy: actor, DecidedOn: fourth.DecidedOn},
			"rationale", "must not be empty"},
		{"ErrDecidedByEmpty", vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "r", DecidedOn: fourth.DecidedOn},
			"decided_by", "must name who decided"},
		{"ErrDecidedOnMissing", vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "r", DecidedBy: actor},
			"decided_on", "must be set"},
		{"ErrBeforeDeterminationInEffect", determination(vendors.OutcomeNoPHI, fourth.DecidedOn-1),
			"decided_on", "2026-02-28 is before the determination in effect (2026-03-01)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := v.Clone()
			requireInvalid(t, w.Determine(tt.d), tt.field, tt.rule)
			assert.Equal(t, v, w, "a refused determination changes nothing")
		})
	}
}

// richVendor returns a valid vendor with every slice and pointer set: a terminated first
// agreement in PastBAAs, and a current one signed after follow-ups and then reviewed.
func richVendor(t *testing.T) vendors.Vendor {
	t.Helper()
	v := newVendor("pacs-1", "Cloud PACS LLC")
	v.Category = vendors.CategoryPACS
	v.DataShared = []vendors.DataCategory{vendors.DataDemographics, vendors.DataImaging, vendors.DataTreatmentPlan}
	v.Sites = []org.SiteID{"main", "north"}
	v.Contact = vendors.Contact{Name: "Dana Lee", Email: "dana@cloudpacs.example", Phone: "+1 555 0100"}
	v.Owner = "it.manager@example.org"
	v.Notes = "hosts radiation-oncology images"
	v.Version = 7
	v.CreatedAt = time.Date(2025, time.December, 1, 9, 30, 0, 0, time.UTC)
	v.UpdatedAt = time.Date(2026, time.March, 2, 16, 5, 0, 0, time.UTC)
	require.NoError(t, v.Determine(determination(vendors.OutcomeNeedsLegalReview, day(2025, time.December, 1))))
	require.NoError(t, v.Determine(determination(vendors.OutcomeBusinessAssociate, day(2025, time.December, 2))))

	require.NoError(t, v.RequestBAA(vendors.Move{On: day(2025, time.December, 3), Note: "first request"}, actor))
	require.NoError(t, v.TerminateBAA(vendors.Termination{On: day(2025, time.December, 10), Reason: "wrong legal entity"}, actor))
	require.NoError(t, v.RequestBAA(vendors.Move{On: day(2025, time.December, 11), Note: "request to the right entity"}, actor))
	require.NoError(t, v.RecordFollowUp(vendors.FollowUp{On: day(2025, time.December, 20), By: actor, Note: "left voicemail"}))
	require.NoError(t, v.NegotiateBAA(vendors.Move{On: day(2026, time.January, 5)}, actor))
	require.NoError(t, v.SignBAA(vendors.Signing{
		SignedOn: day(2026, time.February, 1), EffectiveOn: day(2026, time.February, 1), ExpiresOn: day(2029, time.January, 31),
		Clauses: vendors.ClauseValues(), ReportingDays: 15, DocumentRef: "dms://baa/cloud-pacs.pdf",
	}, actor))
	require.NoError(t, v.ReviewBAA(vendors.Move{On: day(2026, time.March, 1), Note: "annual review moved up"}, actor))
	require.NoError(t, v.Validate())
	require.Len(t, v.PastBAAs, 1)
	require.NotNil(t, v.PastBAAs[0].Termination)
	return v
}

// TestVendorJSONRoundTrip: a vendor survives storage as JSON unchanged.
func TestVendorJSONRoundTrip(t *testing.T) {
	for _, s := range vendors.StateValues() {
		t.Run(string(s), func(t *testing.T) {
			v := *vendorIn(t, s)
			b, err := json.Marshal(v)
			require.NoError(t, err)
			var got vendors.Vendor
			require.NoError(t, json.Unmarshal(b, &got))
			require.Equal(t, v, got)
		})
	}
	t.Run("rich", func(t *testing.T) {
		v := richVendor(t)
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var got vendors.Vendor
		require.NoError(t, json.Unmarshal(b, &got))
		require.Equal(t, v, got)
		// Wire names used by storage and by embedders.
		for _, key := range []string{
			`"category":"pacs"`, `"data_shared":["demographics","imaging","treatment_plan_dose"]`,
			`"state":"reviewed"`, `"outcome":"business_associate"`, `"disposition":"pending"`,
			`"effective_on":"2026-02-01"`, `"next_review_on":"2027-03-01"`, `"clauses":["permitted_uses",`,
		} {
			assert.Contains(t, string(b), key)
		}
	})
	t.Run("unset dates are omitted", func(t *testing.T) {
		b, err := json.Marshal(vendorIn(t, vendors.StateRequested).BAA)
		require.NoError(t, err)
		assert.NotContains(t, string(b), "signed_on")
		assert.NotContains(t, string(b), "expires_on")
		assert.NotContains(t, string(b), "0001-01-01")
	})
}

// TestVendorJSONUnknownValues: an unknown enum value in stored JSON is refused with a
// validation error rather than loaded.
func TestVendorJSONUnknownValues(t *testing.T) {
	tests := []struct {
		name, json, field string
	}{
		{"Category", `{"id":"a","name":"A","category":"florist","baa":{"state":"not_requested"}}`, "category"},
		{"DataCategory", `{"id":"a","name":"A","category":"ehr","data_shared":["imaging","dna"],"baa":{"state":"not_requested"}}`, "data_shared"},
		{"State", `{"id":"a","name":"A","category":"ehr","baa":{"state":"archived"}}`, "baa.state"},
		{"StateEmpty", `{"id":"a","name":"A","category":"ehr","baa":{"state":""}}`, "baa.state"},
		{"Outcome (160.103)", `{"id":"a","name":"A","category":"ehr","determinations":[{"outcome":"maybe","rationale":"r","decided_by":"x","decided_on":"2026-01-01"}],"baa":{"state":"not_requested"}}`, "outcome"},
		{"Clause (164.504(e)(2))", `{"id":"a","name":"A","category":"ehr","baa":{"state":"signed","clauses":["indemnity"]}}`, "clause"},
		{"Disposition (164.504(e)(2)(ii)(J))", `{"id":"a","name":"A","category":"ehr","baa":{"state":"terminated","termination":{"on":"2026-01-01","reason":"r","disposition":"lost"}}}`, "disposition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v vendors.Vendor
			err := json.Unmarshal([]byte(tt.json), &v)
			require.Error(t, err)
			require.ErrorIs(t, err, validation.ErrInvalid)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "vendors", verr.Pkg)
			assert.Equal(t, tt.field, verr.Field)
			assert.Contains(t, verr.Rule, "is not one of")
		})
	}

	t.Run("MarshalUnknown", func(t *testing.T) {
		v := newVendor("a", "A")
		v.Category = "florist"
		_, err := json.Marshal(v)
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
	t.Run("MarshalZeroState", func(t *testing.T) {
		// The zero value marshals (a use case's zero result must), with its unset enums
		// omitted; the zero BAA state is not a lifecycle state, so what it decodes to
		// does not validate and cannot be stored.
		b, err := json.Marshal(vendors.Vendor{ID: "a", Name: "A"})
		require.NoError(t, err)
		assert.NotContains(t, string(b), `"category"`)
		var v vendors.Vendor
		require.NoError(t, json.Unmarshal(b, &v))
		assert.Equal(t, []string{"category", "baa.state"}, fields(v.Validate()))
	})
}

// TestClone: a clone shares no slice or pointer with the original, in either direction.
func TestClone(t *testing.T) {
	mutate := func(t *testing.T, v *vendors.Vendor) {
		v.DataShared[0] = vendors.DataClinicalTrial
		v.DataShared = append(v.DataShared, vendors.DataFinancial)
		v.Sites[0] = "south"
		v.Determinations[0].Rationale = "changed"
		v.Determinations = append(v.Determinations, determination(vendors.OutcomeBusinessAssociate, day(2027, time.January, 1)))
		v.BAA.Clauses[0] = vendors.ClauseTermination
		v.BAA.History[0].By = "someone else"
		v.BAA.FollowUps[0].Note = "changed"
		v.PastBAAs[0].History[0].Note = "changed"
		v.PastBAAs[0].Termination.Reason = "changed"
		v.PastBAAs[0].Termination.CertifiedOn = day(2030, time.January, 1)
		v.PastBAAs = append(v.PastBAAs, vendors.BAA{State: vendors.StateExpired})
		require.NoError(t, v.ReviewBAA(vendors.Move{On: day(2026, time.April, 1), Note: "after clone"}, actor))
		require.NoError(t, v.TerminateBAA(vendors.Termination{On: day(2026, time.April, 2), Reason: "r"}, actor))
		v.BAA.Termination.Reason = "changed"
	}

	t.Run("MutateClone", func(t *testing.T) {
		orig, want := richVendor(t), richVendor(t)
		c := orig.Clone()
		require.Equal(t, orig, c)
		mutate(t, &c)
		assert.Equal(t, want, orig)
	})
	t.Run("MutateOriginal", func(t *testing.T) {
		orig, want := richVendor(t), richVendor(t)
		c := orig.Clone()
		mutate(t, &orig)
		assert.Equal(t, want, c)
	})
	t.Run("NilStaysNil", func(t *testing.T) {
		v := newVendor("a", "A")
		v.DataShared = nil
		c := v.Clone()
		assert.Nil(t, c.DataShared)
		assert.Nil(t, c.Sites)
		assert.Nil(t, c.PastBAAs)
		assert.Nil(t, c.BAA.Termination)
		assert.Equal(t, v, c)
	})
	t.Run("BAAClone", func(t *testing.T) {
		v := vendorIn(t, vendors.StateTerminated)
		b := v.BAA.Clone()
		require.Equal(t, v.BAA, b)
		b.Termination.Disposition = vendors.DispositionReturned
		b.History[0].On = date.Zero
		b.Clauses[0] = vendors.ClauseAccess
		assert.Equal(t, vendors.DispositionDestroyed, v.BAA.Termination.Disposition)
		assert.Equal(t, requestedOn, v.BAA.History[0].On)
		assert.Equal(t, vendors.ClausePermittedUses, v.BAA.Clauses[0])
	})
}
