package vendors_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/vendors"
)

// wantClauses is every clause 45 CFR 164.504(e)(2) requires (and 164.314(a)(2)(i) for
// electronic PHI), in the order of the regulation, with its citation.
var wantClauses = []struct {
	clause   vendors.Clause
	citation string
}{
	{"permitted_uses", "45 CFR 164.504(e)(2)(i)"},
	{"no_other_use", "45 CFR 164.504(e)(2)(ii)(A)"},
	{"safeguards", "45 CFR 164.504(e)(2)(ii)(B); 164.314(a)(2)(i)(A)"},
	{"reporting", "45 CFR 164.504(e)(2)(ii)(C); 164.314(a)(2)(i)(C); 164.410"},
	{"subcontractors", "45 CFR 164.504(e)(2)(ii)(D); 164.314(a)(2)(i)(B)"},
	{"access", "45 CFR 164.504(e)(2)(ii)(E)"},
	{"amendment", "45 CFR 164.504(e)(2)(ii)(F)"},
	{"accounting", "45 CFR 164.504(e)(2)(ii)(G)"},
	{"privacy_obligations", "45 CFR 164.504(e)(2)(ii)(H)"},
	{"hhs_access", "45 CFR 164.504(e)(2)(ii)(I)"},
	{"return_or_destroy", "45 CFR 164.504(e)(2)(ii)(J)"},
	{"termination", "45 CFR 164.504(e)(2)(iii)"},
}

func TestClauseValuesAndCitations(t *testing.T) {
	var want []vendors.Clause
	for _, c := range wantClauses {
		want = append(want, c.clause)
		assert.Equal(t, c.citation, c.clause.Citation(), "%s", c.clause)
		assert.True(t, c.clause.Valid())
	}
	assert.Equal(t, want, vendors.ClauseValues(), "164.504(e)(2) order and wire values")
	assert.Empty(t, vendors.Clause("indemnity").Citation())
	assert.Equal(t, 60, vendors.MaxReportingDays, "164.410(b): no later than 60 calendar days")
}

// signedBAA is a signed agreement with the given clauses and reporting days.
func signedBAA(clauses []vendors.Clause, reportingDays int) vendors.BAA {
	return vendors.BAA{
		State: vendors.StateSigned, SignedOn: signedOn, EffectiveOn: effectiveOn, ReviewMonths: 12,
		Clauses: clauses, ReportingDays: reportingDays,
	}
}

// TestMissingClausesEachOmitted: leaving out any one required clause reports exactly that
// clause, with the paragraph of 164.504(e)(2) that requires it.
func TestMissingClausesEachOmitted(t *testing.T) {
	for _, wc := range wantClauses {
		t.Run(wc.citation+" "+string(wc.clause), func(t *testing.T) {
			clauses := slices.DeleteFunc(vendors.ClauseValues(), func(c vendors.Clause) bool { return c == wc.clause })
			require.Len(t, clauses, len(wantClauses)-1)
			b := signedBAA(clauses, 30)
			assert.Equal(t, []vendors.ClauseGap{{Clause: wc.clause, Problem: vendors.ClauseMissing, Text: "missing", Citation: wc.citation}}, b.MissingClauses())
		})
	}
}

// TestMissingClausesReportingDays: the contracted breach-reporting period must be set and
// no longer than 60 days after discovery (45 CFR 164.410(b), 164.504(e)(2)(ii)(C)).
func TestMissingClausesReportingDays(t *testing.T) {
	unset := vendors.ClauseGap{Clause: vendors.ClauseReporting, Problem: vendors.ClauseNoReportingDays, Text: "no number of days contracted for reporting", Citation: "45 CFR 164.410(b)"}
	tooLong := vendors.ClauseGap{Clause: vendors.ClauseReporting, Problem: vendors.ClauseReportingTooLong, Text: "reporting period longer than 60 days", Citation: "45 CFR 164.410(b)"}
	tests := []struct {
		name string
		days int
		want []vendors.ClauseGap
	}{
		{"164.410(b) 30 days ok", 30, nil},
		{"164.410(b) 1 day ok", 1, nil},
		{"164.410(b) 60 days ok", 60, nil},
		{"164.410(b) 0 days unset", 0, []vendors.ClauseGap{unset}},
		{"164.410(b) negative days (a bad stored record) unset", -1, []vendors.ClauseGap{unset}},
		{"164.410(b) 61 days too long", 61, []vendors.ClauseGap{tooLong}},
		{"164.410(b) 365 days too long", 365, []vendors.ClauseGap{tooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := signedBAA(vendors.ClauseValues(), tt.days)
			assert.Equal(t, tt.want, b.MissingClauses())
		})
	}
}

func TestMissingClauses(t *testing.T) {
	t.Run("164.504(e)(2) none listed: all missing, in order", func(t *testing.T) {
		b := signedBAA(nil, 30)
		gaps := b.MissingClauses()
		require.Len(t, gaps, len(wantClauses))
		for i, wc := range wantClauses {
			assert.Equal(t, vendors.ClauseGap{Clause: wc.clause, Problem: vendors.ClauseMissing, Text: "missing", Citation: wc.citation}, gaps[i])
		}
	})
	t.Run("164.504(e)(2) two missing, in regulation order", func(t *testing.T) {
		// Listed in any order; reported in the order of the regulation.
		clauses := []vendors.Clause{
			vendors.ClauseTermination, vendors.ClauseHHSAccess, vendors.ClausePrivacyObligations, vendors.ClauseAccounting,
			vendors.ClauseAmendment, vendors.ClauseAccess, vendors.ClauseReporting, vendors.ClauseSafeguards,
			vendors.ClauseNoOtherUse, vendors.ClausePermittedUses,
		}
		b := signedBAA(clauses, 30)
		assert.Equal(t, []vendors.ClauseGap{
			{Clause: vendors.ClauseSubcontractors, Problem: vendors.ClauseMissing, Text: "missing", Citation: "45 CFR 164.504(e)(2)(ii)(D); 164.314(a)(2)(i)(B)"},
			{Clause: vendors.ClauseReturnOrDestroy, Problem: vendors.ClauseMissing, Text: "missing", Citation: "45 CFR 164.504(e)(2)(ii)(J)"},
		}, b.MissingClauses())
	})
	t.Run("164.504(e)(2)(ii)(C) reporting missing is reported once", func(t *testing.T) {
		clauses := slices.DeleteFunc(vendors.ClauseValues(), func(c vendors.Clause) bool { return c == vendors.ClauseReporting })
		for _, days := range []int{0, 30, 90} {
			b := signedBAA(clauses, days)
			gaps := b.MissingClauses()
			require.Len(t, gaps, 1, "days %d", days)
			assert.Equal(t, vendors.ClauseMissing, gaps[0].Problem)
		}
	})
	t.Run("duplicates are harmless", func(t *testing.T) {
		b := signedBAA(append(vendors.ClauseValues(), vendors.ClauseValues()...), 30)
		assert.Empty(t, b.MissingClauses())
	})
	t.Run("every gap carries a 45 CFR citation", func(t *testing.T) {
		b := signedBAA(nil, 0)
		for _, g := range b.MissingClauses() {
			assert.True(t, strings.HasPrefix(g.Citation, "45 CFR 164."), "%+v", g)
		}
	})
	t.Run("signed through the lifecycle with all clauses", func(t *testing.T) {
		v := vendorIn(t, vendors.StateSigned)
		assert.Empty(t, v.BAA.MissingClauses())
	})
}
