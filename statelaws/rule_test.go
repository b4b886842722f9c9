package statelaws_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	sl "github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/validation"
)

func TestValidate(t *testing.T) {
	require.NoError(t, func() *sl.Rule { r := validRule(); return &r }().Validate())

	tests := []struct {
		name  string
		edit  func(r *sl.Rule)
		field string
		rule  string
	}{
		{"ErrBadCode", func(r *sl.Rule) { r.Code = "XX" }, "code", `"XX" is not the USPS code of a state, DC or territory`},
		{"ErrLowerCaseCode", func(r *sl.Rule) { r.Code = "ok" }, "code", `"ok" is not the USPS code of a state, DC or territory`},
		{"ErrIDEmpty", func(r *sl.Rule) { r.ID = "" }, "id", "must not be empty"},
		{"ErrIDSpace", func(r *sl.Rule) { r.ID = "NH 332-I" }, "id", `"NH 332-I" must not contain spaces`},
		{"ErrIDPrefix", func(r *sl.Rule) { r.ID = "TX-332-I" }, "id", `"TX-332-I" must be the code NH, a hyphen and the section`},
		{"ErrIDNoSection", func(r *sl.Rule) { r.ID = "NH-" }, "id", `"NH-" must be the code NH, a hyphen and the section`},
		{"ErrTitle", func(r *sl.Rule) { r.Title = " " }, "title", "must not be empty"},
		{"ErrCitation", func(r *sl.Rule) { r.Citation = "" }, "citation", "must not be empty"},
		{"ErrUnknownTrigger", func(r *sl.Rule) { r.Trigger = "notice" }, "trigger",
			`"notice" is not one of [discovery determination awareness detection]`},
		{"ErrNegativeDays", func(r *sl.Rule) { r.Individuals.Days = -1 }, "individuals.days", "-1 must not be negative"},
		{"ErrKindMissing", func(r *sl.Rule) { r.Individuals.Kind = "" }, "individuals.kind",
			`"" is not one of [calendar business]`},
		{"ErrUnknownKind", func(r *sl.Rule) { r.Individuals = sl.Period{Kind: "weekdays"} }, "individuals.kind",
			`"weekdays" is not one of [calendar business]`},
		{"ErrRegulatorEmpty", func(r *sl.Rule) { r.Regulators[0].Regulator = "" }, "regulators[0].regulator", "must not be empty"},
		{"ErrMinResidents", func(r *sl.Rule) { r.Regulators[0].MinResidents = 0 }, "regulators[0].min_residents", "0 must be at least 1"},
		{"ErrRegulatorNegativeDays", func(r *sl.Rule) { r.Regulators[0].Deadline.Days = -30 }, "regulators[0].deadline.days",
			"-30 must not be negative"},
		{"ErrUnknownRelative", func(r *sl.Rule) { r.Regulators[0].Relative = "later" }, "regulators[0].relative",
			`"later" is not one of [trigger individual_notice with_individuals before_individuals hhs_notice]`},
		{"ErrDaysWithIndividuals", func(r *sl.Rule) { r.Regulators[0].Relative = sl.RelWithIndividuals }, "regulators[0].deadline.days",
			"must be 0 when relative is with_individuals, not 60"},
		{"ErrRegulatorCitation", func(r *sl.Rule) { r.Regulators[0].Citation = "" }, "regulators[0].citation", "must not be empty"},
		{"ErrRegulatorMark", func(r *sl.Rule) { r.Regulators[0].Mark = "" }, "regulators[0].mark", `"" is not one of [P S U]`},
		{"ErrUnknownHIPAA", func(r *sl.Rule) { r.HIPAA = "covered" }, "hipaa",
			`"covered" is not one of [applies deemed_compliant exempt partial exempt_except_regulator unknown]`},
		{"ErrAppliesButNoticeExempt", func(r *sl.Rule) { r.Regulators[0].AppliesToHIPAA = false }, "regulators[0].applies_to_hipaa",
			"must be true when hipaa is applies"},
		{"ErrExemptButNoticeApplies", func(r *sl.Rule) { r.HIPAA = sl.HIPAAExempt }, "regulators[0].applies_to_hipaa",
			"must be false when hipaa is exempt"},
		{"ErrExceptRegulatorWithoutNotice", func(r *sl.Rule) { r.HIPAA = sl.HIPAAExemptExceptRegulator; r.Regulators = nil }, "regulators",
			"must include a notice that applies to HIPAA entities when hipaa is exempt_except_regulator"},
		{"ErrUnknownHIPAAMarkedVerified", func(r *sl.Rule) { r.HIPAA = sl.HIPAAUnknown; r.HIPAAMark = sl.MarkStatute }, "hipaa_mark",
			"must be U when hipaa is unknown"},
		{"ErrNoElements", func(r *sl.Rule) { r.Elements = nil }, "elements", "must list at least one data element"},
		{"ErrUnknownElement", func(r *sl.Rule) { r.Elements[1] = "genetic" }, "elements[1]",
			`"genetic" is not one of [medical health_insurance ssn drivers_license financial_account biometric credentials]`},
		{"ErrDuplicateElement", func(r *sl.Rule) { r.Elements = append(r.Elements, sl.ElementSSN) }, "elements[2]", `"ssn" is listed twice`},
		{"ErrMark", func(r *sl.Rule) { r.Mark = "V" }, "mark", `"V" is not one of [P S U]`},
		{"ErrPartMark", func(r *sl.Rule) { r.ElementsMark = "p" }, "elements_mark", `"p" is not one of [P S U]`},
		{"ErrScopeMarkWithoutScope", func(r *sl.Rule) { r.ScopeMark = sl.MarkUnverified }, "scope_mark", "needs a scope"},

		// Notice IDs: codes, unique within the rule, never the residents' part.
		{"ErrNoticeIDEmpty", func(r *sl.Rule) { r.Regulators[0].ID = "" }, "regulators[0].id",
			`"" must be lower-case letters, digits and hyphens`},
		{"ErrNoticeIDDisplayName", func(r *sl.Rule) { r.Regulators[0].ID = "Attorney General" }, "regulators[0].id",
			`"Attorney General" must be lower-case letters, digits and hyphens`},
		{"ErrNoticeIDUpperCase", func(r *sl.Rule) { r.Regulators[0].ID = "AG" }, "regulators[0].id",
			`"AG" must be lower-case letters, digits and hyphens`},
		{"ErrNoticeIDUnderscore", func(r *sl.Rule) { r.Regulators[0].ID = "ag_copy" }, "regulators[0].id",
			`"ag_copy" must be lower-case letters, digits and hyphens`},
		{"ErrNoticeIDTooLong", func(r *sl.Rule) { r.Regulators[0].ID = strings.Repeat("a", 41) }, "regulators[0].id",
			`"` + strings.Repeat("a", 41) + `" must be lower-case letters, digits and hyphens`},
		{"ErrNoticeIDDuplicate", func(r *sl.Rule) { r.Regulators = append(r.Regulators, r.Regulators[0]) },
			"regulators[1].id", `"ag" duplicates regulators[0]`},
		{"ErrNoticeIDIndividuals", func(r *sl.Rule) { r.Regulators[0].ID = "individuals" }, "regulators[0].id",
			`"individuals" is the residents' notice`},

		// The enums of the conditional data.
		{"ErrUnknownNoticeKind", func(r *sl.Rule) { r.Regulators[0].Kind = "credit_bureaus" }, "regulators[0].kind",
			`"credit_bureaus" is not one of [regulator consumer_reporting_agencies]`},
		{"ErrUnknownCondition", func(r *sl.Rule) { r.Regulators[0].Condition = "sometimes" }, "regulators[0].condition",
			`"sometimes" is not one of [always deemed_compliance delayed no_harm_determination]`},
		{"ErrDeemedComplianceNotForHIPAA", func(r *sl.Rule) {
			r.HIPAA = sl.HIPAADeemedCompliant
			r.Regulators[0].Condition, r.Regulators[0].AppliesToHIPAA = sl.CondDeemedCompliance, false
		}, "regulators[0].applies_to_hipaa", "must be true when condition is deemed_compliance"},
		{"ErrUnknownHonours", func(r *sl.Rule) { r.Delay.Honours = "oral_only" }, "delay.honours",
			`"oral_only" is not one of [written_or_oral written_only on_condition none]`},
		{"ErrDelayAfterKindMissing", func(r *sl.Rule) { r.Delay.After = sl.Period{Days: 15} }, "delay.after.kind",
			`"" is not one of [calendar business]`},
		{"ErrDelayAfterNegative", func(r *sl.Rule) { r.Delay.After = sl.Period{Days: -1, Kind: sl.BusinessDays} },
			"delay.after.days", "-1 must not be negative"},
		{"ErrDelayMark", func(r *sl.Rule) { r.Delay.Mark = "C" }, "delay.mark", `"C" is not one of [P S U]`},
		{"ErrUnknownSafeHarbor", func(r *sl.Rule) { r.SafeHarbor.Kind = "hashed" }, "safe_harbor.kind",
			`"hashed" is not one of [unknown none encrypted encrypted_key_safe]`},
		{"ErrSafeHarborMark", func(r *sl.Rule) { r.SafeHarbor.Mark = "?" }, "safe_harbor.mark", `"?" is not one of [P S U]`},
		{"ErrUnknownReach", func(r *sl.Rule) { r.Scope, r.Reach = "hospitals", "some" }, "reach",
			`"some" is not one of [any depends not_practice]`},
		{"ErrReachWithoutScope", func(r *sl.Rule) { r.Reach = sl.ReachNotPractice }, "reach", "needs a scope"},
		{"ErrReachDependsWithoutScope", func(r *sl.Rule) { r.Reach = sl.ReachDepends }, "reach", "needs a scope"},

		// A jurisdiction without a statute has no deadline and no notices.
		{"ErrNoStatuteWithFixedPeriod", func(r *sl.Rule) { r.NoStatute, r.Regulators = true, nil }, "individuals",
			"must fix no days when no_statute is set"},
		{"ErrNoStatuteWithRegulators", func(r *sl.Rule) { r.NoStatute, r.Individuals = true, sl.Period{} }, "regulators",
			"must be empty when no_statute is set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRule()
			tt.edit(&r)
			requireInvalid(t, r.Validate(), tt.field, tt.rule)
		})
	}
}

// Values the validation accepts: the empty enums mean their defaults, ReachAny needs no
// scope, and a no-statute rule with no deadline and no notices is valid.
func TestValidateAccepts(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *sl.Rule)
	}{
		{"empty kind, condition, honours, safe harbor and reach", func(r *sl.Rule) {}},
		{"explicit defaults", func(r *sl.Rule) {
			r.Regulators[0].Kind, r.Regulators[0].Condition = sl.KindRegulator, sl.CondAlways
			r.Delay.Honours, r.SafeHarbor.Kind, r.Reach = sl.HonoursWrittenOrOral, sl.HarborUnknown, sl.ReachAny
		}},
		{"consumer reporting agencies", func(r *sl.Rule) {
			r.Regulators[0].ID, r.Regulators[0].Kind = "cra", sl.KindConsumerReporting
		}},
		{"LA R.S. 51:3074(E) delayed", func(r *sl.Rule) { r.Regulators[0].Condition = sl.CondDelayed }},
		{"NY GBL 899-aa(2)(a) no harm", func(r *sl.Rule) { r.Regulators[0].Condition = sl.CondNoHarm }},
		{"FL 501.171(4)(g) deemed compliance", func(r *sl.Rule) {
			r.HIPAA = sl.HIPAADeemedCompliant
			r.Regulators[0].Condition = sl.CondDeemedCompliance
		}},
		{"CA H&S Code 1280.15(c) delay after", func(r *sl.Rule) {
			r.Delay = sl.DelayRule{After: business(15), Citation: "Cal. Health & Safety Code § 1280.15(c)", Mark: sl.MarkSecondary}
		}},
		{"GA 10-1-912 scope and reach", func(r *sl.Rule) {
			r.Scope, r.Reach, r.ScopeMark = "information brokers", sl.ReachNotPractice, sl.MarkStatute
		}},
		{"TX 521.053(a) safe harbor", func(r *sl.Rule) {
			r.SafeHarbor = sl.SafeHarbor{Kind: sl.HarborEncryptedKeySafe, Mark: sl.MarkUnverified}
		}},
		{"AS no statute", func(r *sl.Rule) {
			r.NoStatute, r.Individuals, r.Regulators = true, sl.Period{}, nil
			r.HIPAA, r.HIPAAMark = sl.HIPAAUnknown, sl.MarkUnverified
		}},
		{"notice id of 40 characters", func(r *sl.Rule) { r.Regulators[0].ID = strings.Repeat("a-", 20) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRule()
			tt.edit(&r)
			assert.NoError(t, r.Validate())
		})
	}
}

func TestSafeHarborCovers(t *testing.T) {
	tests := []struct {
		name                      string
		kind                      sl.SafeHarborKind
		encrypted, keyCompromised bool
		want                      bool
	}{
		{"unknown: encrypted data counts", "", true, false, false},
		{"unknown explicit", sl.HarborUnknown, true, false, false},
		{"none: encrypted data counts", sl.HarborNone, true, false, false},
		{"encrypted", sl.HarborEncrypted, true, false, true},
		{"encrypted, key compromised", sl.HarborEncrypted, true, true, true},
		{"encrypted harbor, not encrypted", sl.HarborEncrypted, false, false, false},
		{"TX 521.053(a) encrypted, key safe", sl.HarborEncryptedKeySafe, true, false, true},
		{"TX 521.053(a) encrypted, key held", sl.HarborEncryptedKeySafe, true, true, false},
		{"TX 521.053(a) not encrypted", sl.HarborEncryptedKeySafe, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sl.SafeHarbor{Kind: tt.kind}.Covers(tt.encrypted, tt.keyCompromised))
		})
	}
}

func TestDelayRuleHonours(t *testing.T) {
	tests := []struct {
		name          string
		honours       sl.DelayHonour
		written, oral bool
	}{
		{"empty is the federal rule (45 CFR 164.412)", "", true, true},
		{"written or oral", sl.HonoursWrittenOrOral, true, true},
		{"AL 8-38-5(c) written only", sl.HonoursWrittenOnly, true, false},
		{"MA c. 93H § 4 on a condition", sl.HonoursOnCondition, false, false},
		{"none", sl.HonoursNone, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sl.DelayRule{Honours: tt.honours}
			assert.Equal(t, tt.written, d.HonoursWritten(), "written")
			assert.Equal(t, tt.oral, d.HonoursOral(), "oral")
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	r := sl.Rule{Individuals: sl.Period{Days: -3}}
	err := r.Validate()
	var fields []string
	for _, e := range validation.All(err) {
		fields = append(fields, e.Field)
	}
	assert.Equal(t, []string{"id", "code", "title", "citation", "trigger", "individuals.days", "hipaa", "elements", "mark"}, fields)
	assert.True(t, errors.Is(err, validation.ErrInvalid))
}

func TestCounts(t *testing.T) {
	set := sl.DefaultSet()
	medical := []sl.DataElement{sl.ElementMedical, sl.ElementHealthInsurance}
	tests := []struct {
		name  string
		id    string
		elems []sl.DataElement
		want  bool
	}{
		{"TN 47-18-2107 does not count medical information", "TN-47-18-2107", medical, false},
		{"OH 1349.19 does not count medical information", "OH-1349.19", medical, false},
		{"TN 47-18-2107 counts SSN", "TN-47-18-2107", []sl.DataElement{sl.ElementMedical, sl.ElementSSN}, true},
		{"OH 1349.19 counts driver's license", "OH-1349.19", []sl.DataElement{sl.ElementDriversLicense}, true},
		{"LA R.S. 51:3074 counts biometric data", "LA-51:3074", []sl.DataElement{sl.ElementBiometric}, true},
		{"ME 10 M.R.S. 1348 does not count health insurance", "ME-1348", []sl.DataElement{sl.ElementHealthInsurance}, false},
		{"CA Civ. Code 1798.82 counts medical information", "CA-1798.82", []sl.DataElement{sl.ElementMedical}, true},
		{"CA H&S Code 1280.15 counts only medical information", "CA-HSC-1280.15", []sl.DataElement{sl.ElementSSN}, false},
		{"NY GBL 899-aa with no elements", "NY-899-aa", nil, false},
		{"MO RSMo 407.1500 counts medical information", "MO-407.1500", []sl.DataElement{sl.ElementMedical}, true},
		{"ND N.D.C.C. 51-30-01 counts health insurance", "ND-51-30-02", []sl.DataElement{sl.ElementHealthInsurance}, true},
		{"PA 73 P.S. 2302 counts health insurance for a practice", "PA-2303", []sl.DataElement{sl.ElementHealthInsurance}, true},
		{"PA 73 P.S. 2302 medical only for State agencies", "PA-2303", []sl.DataElement{sl.ElementMedical}, false},
		{"NV NRS 603A.040 health insurance ID, not diagnosis", "NV-603A.220", []sl.DataElement{sl.ElementMedical}, false},
		{"HI HRS 487N-1 does not count medical information", "HI-487N-2", medical, false},
		{"VA Code 32.1-127.1:05 counts medical information", "VA-32.1-127.1:05", []sl.DataElement{sl.ElementMedical}, true},
		{"VA Code 32.1-127.1:05 counts only health data", "VA-32.1-127.1:05", []sl.DataElement{sl.ElementSSN}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := set.Get(tt.id)
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Counts(tt.elems))
		})
	}
}

func TestUnverifiedParts(t *testing.T) {
	r := validRule()
	r.Mark = sl.MarkSecondary
	r.Regulators[0].Mark = sl.MarkSecondary
	assert.False(t, r.Unverified())
	assert.Empty(t, r.UnverifiedParts())

	r.HIPAAMark = sl.MarkUnverified
	r.Regulators = append(r.Regulators, r.Regulators[0])
	r.Regulators[1].Mark = sl.MarkUnverified
	assert.True(t, r.Unverified())
	assert.Equal(t, []string{"hipaa", "regulators[1]"}, r.UnverifiedParts())

	r.Mark = sl.MarkUnverified
	assert.Equal(t, []string{"rule", "hipaa", "regulators[1]"}, r.UnverifiedParts())

	r.Delay.Mark, r.SafeHarbor.Mark = sl.MarkUnverified, sl.MarkUnverified
	assert.Equal(t, []string{"rule", "hipaa", "delay", "safe_harbor", "regulators[1]"}, r.UnverifiedParts())
}

func TestClone(t *testing.T) {
	r := validRule()
	c := r.Clone()
	c.Elements[0] = sl.ElementBiometric
	c.Regulators[0].MinResidents = 7
	assert.Equal(t, sl.ElementSSN, r.Elements[0])
	assert.Equal(t, 501, r.Regulators[0].MinResidents)
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		name  string
		p     sl.Period
		fixed bool
		str   string
	}{
		{"NY GBL 899-aa 30 calendar days", calendar(30), true, "30 calendar days"},
		{"CA H&S Code 1280.15 15 business days", business(15), true, "15 business days"},
		{"one day", calendar(1), true, "1 calendar day"},
		{"IL 815 ILCS 530 most expedient time", sl.Period{}, false, "no fixed days"},
		{"empty kind counts calendar days", sl.Period{Days: 10}, true, "10 calendar days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.fixed, tt.p.Fixed())
			assert.Equal(t, tt.str, tt.p.String())
		})
	}
}

func TestRegulatorNoticeRequired(t *testing.T) {
	tests := []struct {
		name      string
		min       int
		residents int
		want      bool
	}{
		{"CA 1798.82(f) more than 500: 500 is not enough", 501, 500, false},
		{"CA 1798.82(f) more than 500: 501", 501, 501, true},
		{"FL 501.171(3) 500 or more: 500", 500, 500, true},
		{"MD 14-3504 any resident", 1, 1, true},
		{"no residents", 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := sl.RegulatorNotice{MinResidents: tt.min}
			assert.Equal(t, tt.want, n.Required(tt.residents))
		})
	}
}

func TestCodes(t *testing.T) {
	codes := sl.Codes()
	assert.Len(t, codes, 56)
	assert.True(t, slices.IsSorted(codes))
	for _, c := range codes {
		assert.True(t, c.Valid(), "%s", c)
		assert.NotEmpty(t, c.Name(), "%s", c)
	}
	for _, c := range []sl.Code{"DC", "PR", "GU", "VI", "AS", "MP", "CA", "WY"} {
		assert.True(t, c.Valid(), "%s", c)
	}
	for _, c := range []sl.Code{"", "ca", "XX", "FM", "PW", "MH", "AA"} {
		assert.False(t, c.Valid(), "%q", c)
	}
	assert.Equal(t, "California", sl.Code("CA").Name())
	codes[0] = "XX"
	assert.Equal(t, sl.Code("AK"), sl.Codes()[0], "fresh copy")
}

func TestEnumValues(t *testing.T) {
	assert.Equal(t, []sl.Mark{"P", "S", "U"}, sl.MarkValues())
	assert.Equal(t, []sl.Trigger{"discovery", "determination", "awareness", "detection"}, sl.TriggerValues())
	assert.Equal(t, []sl.DayKind{"calendar", "business"}, sl.DayKindValues())
	assert.Equal(t, []sl.HIPAATreatment{"applies", "deemed_compliant", "exempt", "partial", "exempt_except_regulator", "unknown"},
		sl.HIPAATreatmentValues())
	assert.Equal(t, []sl.Relative{"trigger", "individual_notice", "with_individuals", "before_individuals", "hhs_notice"},
		sl.RelativeValues())
	assert.Equal(t, []sl.DataElement{"medical", "health_insurance", "ssn", "drivers_license", "financial_account", "biometric", "credentials"},
		sl.DataElementValues())
	assert.Equal(t, []sl.NoticeKind{"regulator", "consumer_reporting_agencies"}, sl.NoticeKindValues())
	assert.Equal(t, []sl.Condition{"always", "deemed_compliance", "delayed", "no_harm_determination"}, sl.ConditionValues())
	assert.Equal(t, []sl.DelayHonour{"written_or_oral", "written_only", "on_condition", "none"}, sl.DelayHonourValues())
	assert.Equal(t, []sl.SafeHarborKind{"unknown", "none", "encrypted", "encrypted_key_safe"}, sl.SafeHarborKindValues())
	assert.Equal(t, []sl.Reach{"any", "depends", "not_practice"}, sl.ReachValues())
	v := sl.MarkValues()
	v[0] = "X"
	assert.Equal(t, sl.MarkStatute, sl.MarkValues()[0], "fresh copy")
}

func TestJSONRoundTrip(t *testing.T) {
	for _, r := range sl.Default() {
		t.Run(r.ID, func(t *testing.T) {
			b, err := json.Marshal(r)
			require.NoError(t, err)
			var back sl.Rule
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, r, back)
		})
	}

	t.Run("CA Civ. Code 1798.82 encoding", func(t *testing.T) {
		r, _ := sl.DefaultSet().Get("CA-1798.82")
		r.Note, r.Regulators[0].Note, r.Source = "n", "rn", "src"
		b, err := json.Marshal(r)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"id": "CA-1798.82", "code": "CA", "title": "California Civil Code 1798.82",
			"citation": "Cal. Civ. Code § 1798.82", "trigger": "discovery",
			"individuals": {"days": 30, "kind": "calendar"},
			"regulators": [{"id": "ag", "regulator": "Attorney General (sample copy of the notice)", "min_residents": 501,
				"deadline": {"days": 15, "kind": "calendar"}, "relative": "individual_notice",
				"applies_to_hipaa": true, "citation": "Cal. Civ. Code § 1798.82(f)", "mark": "S", "note": "rn"}],
			"hipaa": "partial", "hipaa_mark": "U",
			"elements": ["medical", "health_insurance", "ssn", "drivers_license", "financial_account", "biometric", "credentials"],
			"effective_on": "2026-01-01", "source": "src", "mark": "S", "note": "n"
		}`, string(b))
	})

	// The conditional fields: notice kind and condition, reach, delay rule, safe harbor
	// and no statute, each encoded and read back.
	t.Run("conditional fields encoding", func(t *testing.T) {
		r := validRule()
		r.Note = ""
		r.Regulators = []sl.RegulatorNotice{
			{ID: "ag-no-misuse", Condition: sl.CondNoHarm, Regulator: "Attorney General", MinResidents: 501,
				Deadline: calendar(10), Relative: sl.RelTrigger, AppliesToHIPAA: true, Citation: "c1", Mark: sl.MarkStatute},
			{ID: "cra", Kind: sl.KindConsumerReporting, Regulator: "nationwide consumer reporting agencies",
				MinResidents: 5001, Relative: sl.RelTrigger, AppliesToHIPAA: true, Citation: "c2", Mark: sl.MarkSecondary},
		}
		r.Scope, r.Reach, r.ScopeMark = "licensed clinics", sl.ReachDepends, sl.MarkUnverified
		r.Delay = sl.DelayRule{Honours: sl.HonoursWrittenOnly, After: business(15), Citation: "c3", Mark: sl.MarkSecondary}
		r.SafeHarbor = sl.SafeHarbor{Kind: sl.HarborEncryptedKeySafe, Citation: "c4", Mark: sl.MarkUnverified}
		r.Source = "src"
		b, err := json.Marshal(r)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"id": "NH-332-I", "code": "NH", "title": "New Hampshire RSA 332-I (test rule)", "citation": "RSA 332-I",
			"trigger": "discovery", "individuals": {"days": 45, "kind": "calendar"},
			"regulators": [
				{"id": "ag-no-misuse", "condition": "no_harm_determination", "regulator": "Attorney General",
					"min_residents": 501, "deadline": {"days": 10, "kind": "calendar"}, "relative": "trigger",
					"applies_to_hipaa": true, "citation": "c1", "mark": "P"},
				{"id": "cra", "kind": "consumer_reporting_agencies", "regulator": "nationwide consumer reporting agencies",
					"min_residents": 5001, "deadline": {"days": 0}, "relative": "trigger",
					"applies_to_hipaa": true, "citation": "c2", "mark": "S"}
			],
			"hipaa": "applies", "elements": ["ssn", "medical"],
			"scope": "licensed clinics", "reach": "depends", "scope_mark": "U",
			"delay": {"honours": "written_only", "after": {"days": 15, "kind": "business"}, "citation": "c3", "mark": "S"},
			"safe_harbor": {"kind": "encrypted_key_safe", "citation": "c4", "mark": "U"},
			"source": "src", "mark": "U"
		}`, string(b))
		var back sl.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, back)
	})

	t.Run("AS no statute encoding", func(t *testing.T) {
		r, ok := sl.DefaultSet().Get("AS-none")
		require.True(t, ok)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		assert.Equal(t, true, m["no_statute"])
		assert.NotContains(t, m, "regulators")
		assert.NotContains(t, m, "delay", "the zero delay rule is omitted")
		assert.NotContains(t, m, "safe_harbor", "the zero safe harbor is omitted")
		assert.NotContains(t, m, "reach")
	})

	t.Run("IL 815 ILCS 530 no fixed days omits kind", func(t *testing.T) {
		r, _ := sl.DefaultSet().Get("IL-530")
		b, err := json.Marshal(r.Individuals)
		require.NoError(t, err)
		assert.JSONEq(t, `{"days": 0}`, string(b))
	})
}

func TestJSONRejectsUnknownEnums(t *testing.T) {
	r, _ := sl.DefaultSet().Get("NY-899-aa")
	good, err := json.Marshal(r)
	require.NoError(t, err)

	tests := []struct {
		name       string
		from, to   string
		field, msg string
	}{
		{"code", `"code":"NY"`, `"code":"NYC"`, "code", `"NYC" is not the USPS code of a state, DC or territory`},
		{"trigger", `"trigger":"discovery"`, `"trigger":"breach"`, "trigger",
			`"breach" is not one of [discovery determination awareness detection]`},
		{"day kind", `"kind":"calendar"`, `"kind":"Calendar"`, "kind", `"Calendar" is not one of [calendar business]`},
		{"relative", `"relative":"hhs_notice"`, `"relative":"hhs"`, "relative",
			`"hhs" is not one of [trigger individual_notice with_individuals before_individuals hhs_notice]`},
		{"hipaa", `"hipaa":"partial"`, `"hipaa":"some"`, "hipaa",
			`"some" is not one of [applies deemed_compliant exempt partial exempt_except_regulator unknown]`},
		{"element", `"medical"`, `"phi"`, "elements",
			`"phi" is not one of [medical health_insurance ssn drivers_license financial_account biometric credentials]`},
		{"mark", `"mark":"S"`, `"mark":"verified"`, "mark", `"verified" is not one of [P S U]`},
		{"notice kind", `"kind":"consumer_reporting_agencies"`, `"kind":"credit_bureaus"`, "kind",
			`"credit_bureaus" is not one of [regulator consumer_reporting_agencies]`},
		{"condition", `"condition":"no_harm_determination"`, `"condition":"no_harm"`, "condition",
			`"no_harm" is not one of [always deemed_compliance delayed no_harm_determination]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := replaceOnce(t, string(good), tt.from, tt.to)
			var back sl.Rule
			requireInvalid(t, json.Unmarshal([]byte(bad), &back), tt.field, tt.msg)
		})
	}

	t.Run("delay, safe harbor and reach", func(t *testing.T) {
		for _, tt := range []struct {
			id, from, to, field, msg string
		}{
			{"AL-8-38-5", `"honours":"written_only"`, `"honours":"written"`, "honours",
				`"written" is not one of [written_or_oral written_only on_condition none]`},
			{"TX-521.053", `"kind":"encrypted_key_safe"`, `"kind":"encrypted_key"`, "safe_harbor",
				`"encrypted_key" is not one of [unknown none encrypted encrypted_key_safe]`},
			{"GA-10-1-912", `"reach":"not_practice"`, `"reach":"none"`, "reach",
				`"none" is not one of [any depends not_practice]`},
		} {
			t.Run(tt.id, func(t *testing.T) {
				r, ok := sl.DefaultSet().Get(tt.id)
				require.True(t, ok)
				good, err := json.Marshal(r)
				require.NoError(t, err)
				var back sl.Rule
				requireInvalid(t, json.Unmarshal([]byte(replaceOnce(t, string(good), tt.from, tt.to)), &back), tt.field, tt.msg)
			})
		}
	})

	t.Run("marshal unknown", func(t *testing.T) {
		r := validRule()
		r.HIPAA = "maybe"
		_, err := json.Marshal(r)
		requireInvalid(t, err, "hipaa", `"maybe" is not one of [applies deemed_compliant exempt partial exempt_except_regulator unknown]`)
		r = validRule()
		r.Code = "XX"
		_, err = json.Marshal(r)
		requireInvalid(t, err, "code", `"XX" is not the USPS code of a state, DC or territory`)
	})

	t.Run("unknown code leaves the destination unchanged", func(t *testing.T) {
		c := sl.Code("NY")
		requireInvalid(t, c.UnmarshalText([]byte("ny")), "code", `"ny" is not the USPS code of a state, DC or territory`)
		assert.Equal(t, sl.Code("NY"), c)
	})
}

// replaceOnce replaces the first from in s, failing if there is none.
func replaceOnce(t *testing.T, s, from, to string) string {
	t.Helper()
	require.Contains(t, s, from)
	return strings.Replace(s, from, to, 1)
}
