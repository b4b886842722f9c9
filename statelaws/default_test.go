package statelaws_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	sl "github.com/hipaaops/hipaaops/statelaws"
)

// defaultIDs are the rows of state-laws.md, sorted by ID.
var defaultIDs = []string{
	"AL-8-38-5", "AZ-18-552", "CA-1798.82", "CA-HSC-1280.15", "CO-6-1-716", "CT-36a-701b",
	"DC-28-3852", "DE-12B-102", "FL-501.171", "IL-530", "IN-24-4.9", "LA-51:3074", "MD-14-3504",
	"ME-1348", "NM-57-12C-6", "NY-899-aa", "OH-1349.19", "OR-646A.604", "PR-4052",
	"RI-11-49.3-4", "SD-22-40-20", "TN-47-18-2107", "TX-521.053", "VT-2435", "WA-19.255.010",
	"WI-134.98",
}

func TestDefaultValidatesAndHasEveryRow(t *testing.T) {
	rules := sl.Default()
	assert.Equal(t, defaultIDs, ids(rules))
	for i := range rules {
		r := &rules[i]
		t.Run(r.ID, func(t *testing.T) {
			require.NoError(t, r.Validate())
			assert.NotEmpty(t, r.Citation, "citation")
			assert.NotEmpty(t, r.Note, "note")
			assert.True(t, r.Mark.Valid(), "mark")
			for _, n := range r.Regulators {
				assert.NotEmpty(t, n.Citation, "regulator citation")
				assert.NotEmpty(t, n.Note, "regulator note")
			}
		})
	}
	s, err := sl.NewSet(rules)
	require.NoError(t, err)
	assert.Equal(t, len(defaultIDs), s.Len())
	assert.Equal(t, rules, sl.DefaultSet().All())
}

func TestDefaultReturnsFreshCopies(t *testing.T) {
	a := sl.Default()
	a[0].ID = "changed"
	a[0].Elements[0] = sl.ElementBiometric
	a[1].Regulators[0].MinResidents = 1
	b := sl.Default()
	assert.Equal(t, defaultIDs, ids(b))
	assert.Equal(t, sl.ElementMedical, b[0].Elements[0])
	assert.Equal(t, 1001, b[1].Regulators[0].MinResidents)
}

// notice is the part of a RegulatorNotice a row test pins.
type notice struct {
	regulator string
	min       int
	deadline  sl.Period
	rel       sl.Relative
	hipaa     bool
	mark      sl.Mark
}

// One case per row of state-laws.md, named for its statute.
func TestDefaultRows(t *testing.T) {
	tests := []struct {
		name        string
		id          string
		trigger     sl.Trigger
		individuals sl.Period
		regulators  []notice
		hipaa       sl.HIPAATreatment
		mark        sl.Mark
		unverified  []string // UnverifiedParts
		medical     bool     // counts medical information
		effective   date.Date
	}{
		{
			"CO C.R.S. 6-1-716", "CO-6-1-716", sl.TriggerDetermination, calendar(30),
			[]notice{
				{"Attorney General", 500, calendar(30), sl.RelTrigger, true, sl.MarkSecondary},
				{"Consumer reporting agencies", 1001, sl.Period{}, sl.RelTrigger, true, sl.MarkUnverified},
			},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa", "regulators[1]"}, true, date.Zero,
		},
		{
			"FL Fla. Stat. 501.171", "FL-501.171", sl.TriggerDetermination, calendar(30),
			[]notice{{"Dept. of Legal Affairs", 500, calendar(30), sl.RelTrigger, true, sl.MarkSecondary}},
			sl.HIPAADeemedCompliant, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"WA RCW 19.255.010", "WA-19.255.010", sl.TriggerDiscovery, calendar(30),
			[]notice{{"Attorney General", 501, calendar(30), sl.RelTrigger, true, sl.MarkSecondary}},
			sl.HIPAADeemedCompliant, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"ME 10 M.R.S. 1348", "ME-1348", sl.TriggerAwareness, calendar(30),
			[]notice{{"Attorney General", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary}},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, false, date.Zero,
		},
		{
			"NY GBL 899-aa", "NY-899-aa", sl.TriggerDiscovery, calendar(30),
			[]notice{
				{"Attorney General (copy of the HHS breach notice)", 1, business(5), sl.RelHHSNotice, true, sl.MarkStatute},
				{"Attorney General, Dept. of State and Division of State Police", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary},
			},
			sl.HIPAAPartial, sl.MarkSecondary, nil, true, day(2024, 12, 21),
		},
		{
			"CA Civ. Code 1798.82", "CA-1798.82", sl.TriggerDiscovery, calendar(30),
			[]notice{{"Attorney General (sample copy of the notice)", 501, calendar(15), sl.RelIndividualNotice, true, sl.MarkSecondary}},
			sl.HIPAAPartial, sl.MarkSecondary, []string{"hipaa"}, true, day(2026, 1, 1),
		},
		{
			"CA Health & Safety Code 1280.15", "CA-HSC-1280.15", sl.TriggerDetection, business(15),
			[]notice{{"CDPH", 1, business(15), sl.RelTrigger, true, sl.MarkStatute}},
			sl.HIPAAApplies, sl.MarkStatute, []string{"scope"}, true, date.Zero,
		},
		{
			"TX Bus. & Com. Code 521.053", "TX-521.053", sl.TriggerDetermination, calendar(60),
			[]notice{{"Attorney General", 250, calendar(30), sl.RelTrigger, true, sl.MarkSecondary}},
			sl.HIPAAApplies, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"IN IC 24-4.9", "IN-24-4.9", sl.TriggerDiscovery, calendar(45),
			[]notice{{"Attorney General", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary}},
			sl.HIPAAPartial, sl.MarkSecondary, []string{"hipaa", "elements"}, false, date.Zero,
		},
		{
			"CT Gen. Stat. 36a-701b", "CT-36a-701b", sl.TriggerDiscovery, calendar(60),
			[]notice{{"Attorney General", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary}},
			sl.HIPAADeemedCompliant, sl.MarkSecondary, nil, true, date.Zero,
		},
		{
			"VT 9 V.S.A. 2435", "VT-2435", sl.TriggerDiscovery, calendar(45),
			[]notice{
				{"Attorney General (preliminary notice)", 1, business(14), sl.RelTrigger, true, sl.MarkSecondary},
				{"Attorney General (preliminary notice, if consumers are notified first)", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary},
			},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"DE 6 Del. C. 12B-102", "DE-12B-102", sl.TriggerDetermination, calendar(60),
			[]notice{{"Attorney General", 501, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary}},
			sl.HIPAADeemedCompliant, sl.MarkSecondary, nil, true, date.Zero,
		},
		{
			"LA R.S. 51:3074", "LA-51:3074", sl.TriggerDiscovery, calendar(60),
			[]notice{{"Attorney General", 1, calendar(10), sl.RelIndividualNotice, true, sl.MarkSecondary}},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, false, date.Zero,
		},
		{
			"TN 47-18-2107", "TN-47-18-2107", sl.TriggerDiscovery, calendar(45), nil,
			sl.HIPAAExempt, sl.MarkSecondary, []string{"individuals"}, false, date.Zero,
		},
		{
			"WI Stat. 134.98", "WI-134.98", sl.TriggerDiscovery, calendar(45), nil,
			sl.HIPAAExempt, sl.MarkSecondary, []string{"individuals", "hipaa"}, false, date.Zero,
		},
		{
			"OH Rev. Code 1349.19", "OH-1349.19", sl.TriggerDiscovery, calendar(45), nil,
			sl.HIPAAExempt, sl.MarkSecondary, []string{"hipaa"}, false, date.Zero,
		},
		{
			"AZ A.R.S. 18-552", "AZ-18-552", sl.TriggerDetermination, calendar(45),
			[]notice{
				{"Attorney General", 1001, sl.Period{}, sl.RelTrigger, true, sl.MarkSecondary},
				{"Arizona Dept. of Homeland Security", 1001, sl.Period{}, sl.RelTrigger, true, sl.MarkSecondary},
			},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"SD SDCL 22-40-20", "SD-22-40-20", sl.TriggerDiscovery, calendar(60),
			[]notice{{"Attorney General", 251, sl.Period{}, sl.RelTrigger, true, sl.MarkStatute}},
			sl.HIPAADeemedCompliant, sl.MarkStatute, []string{"hipaa"}, true, date.Zero,
		},
		{
			"AL Code 8-38-5", "AL-8-38-5", sl.TriggerDetermination, calendar(45),
			[]notice{{"Attorney General", 1001, calendar(45), sl.RelTrigger, true, sl.MarkStatute}},
			sl.HIPAAExemptExceptRegulator, sl.MarkStatute, []string{"hipaa"}, true, date.Zero,
		},
		{
			"NM 57-12C-6", "NM-57-12C-6", sl.TriggerDiscovery, calendar(45),
			[]notice{{"Attorney General", 1001, sl.Period{}, sl.RelTrigger, false, sl.MarkSecondary}},
			sl.HIPAAExempt, sl.MarkSecondary, nil, false, date.Zero,
		},
		{
			"OR ORS 646A.604", "OR-646A.604", sl.TriggerDiscovery, calendar(45),
			[]notice{
				{"Attorney General", 251, sl.Period{}, sl.RelTrigger, false, sl.MarkStatute},
				{"Attorney General (copy of the HIPAA notice)", 1, sl.Period{}, sl.RelWithIndividuals, true, sl.MarkSecondary},
			},
			sl.HIPAAExemptExceptRegulator, sl.MarkStatute, []string{"individuals"}, true, date.Zero,
		},
		{
			"RI Gen. Laws 11-49.3-4", "RI-11-49.3-4", sl.TriggerAwareness, calendar(45),
			[]notice{{"Attorney General", 501, sl.Period{}, sl.RelTrigger, true, sl.MarkSecondary}},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"MD Com. Law 14-3504", "MD-14-3504", sl.TriggerDiscovery, calendar(45),
			[]notice{{"Attorney General", 1, sl.Period{}, sl.RelBeforeIndividuals, true, sl.MarkStatute}},
			sl.HIPAAUnknown, sl.MarkStatute, []string{"hipaa"}, true, date.Zero,
		},
		{
			"IL 815 ILCS 530", "IL-530", sl.TriggerDiscovery, sl.Period{},
			[]notice{
				{"Attorney General", 501, sl.Period{}, sl.RelTrigger, false, sl.MarkSecondary},
				{"Attorney General (copy of the HHS breach notice)", 1, business(5), sl.RelHHSNotice, true, sl.MarkSecondary},
			},
			sl.HIPAADeemedCompliant, sl.MarkSecondary, nil, true, date.Zero,
		},
		{
			"DC Code 28-3852", "DC-28-3852", sl.TriggerDiscovery, sl.Period{},
			[]notice{{"Attorney General", 50, sl.Period{}, sl.RelTrigger, true, sl.MarkSecondary}},
			sl.HIPAAUnknown, sl.MarkSecondary, []string{"hipaa"}, true, date.Zero,
		},
		{
			"PR 10 LPRA 4052", "PR-4052", sl.TriggerDetection, sl.Period{},
			[]notice{{"Dept. of Consumer Affairs", 1, calendar(10), sl.RelTrigger, true, sl.MarkStatute}},
			sl.HIPAAUnknown, sl.MarkStatute, []string{"hipaa"}, true, date.Zero,
		},
	}
	require.Len(t, tests, len(defaultIDs), "one case per row")
	set := sl.DefaultSet()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := set.Get(tt.id)
			require.True(t, ok, "rule %s", tt.id)
			assert.Equal(t, tt.trigger, r.Trigger, "trigger")
			assert.Equal(t, tt.individuals, r.Individuals, "individuals")
			assert.Equal(t, tt.hipaa, r.HIPAA, "hipaa")
			assert.Equal(t, tt.mark, r.Mark, "mark")
			assert.Equal(t, tt.unverified, r.UnverifiedParts(), "unverified parts")
			assert.Equal(t, len(tt.unverified) > 0, r.Unverified(), "unverified")
			assert.Equal(t, tt.medical, r.Counts([]sl.DataElement{sl.ElementMedical}), "counts medical")
			assert.Equal(t, tt.effective, r.EffectiveOn, "effective on")
			var got []notice
			for _, n := range r.Regulators {
				got = append(got, notice{n.Regulator, n.MinResidents, n.Deadline, n.Relative, n.AppliesToHIPAA, n.Mark})
			}
			assert.Equal(t, tt.regulators, got, "regulators")
		})
	}
}

// Rows marked U in state-laws.md (or modeled U where the table is silent) load as
// unverified; the rest do not.
func TestDefaultUnverified(t *testing.T) {
	var unverified, verified []string
	for _, r := range sl.Default() {
		if r.Unverified() {
			unverified = append(unverified, r.ID)
		} else {
			verified = append(verified, r.ID)
		}
	}
	assert.Equal(t, []string{"CT-36a-701b", "DE-12B-102", "IL-530", "NM-57-12C-6", "NY-899-aa"}, verified)
	assert.Len(t, unverified, len(defaultIDs)-5)
}

func TestNotResearched(t *testing.T) {
	want := []sl.Code{
		"AK", "AR", "AS", "GA", "GU", "HI", "IA", "ID", "KS", "KY", "MA", "MI", "MN", "MO", "MP",
		"MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NV", "OK", "PA", "SC", "UT", "VA", "VI", "WV", "WY",
	}
	assert.Equal(t, want, sl.NotResearched())
	assert.Equal(t, want, sl.DefaultSet().Uncovered())

	// Together with the codes Default covers, they are every code, once.
	seen := map[sl.Code]int{}
	for _, c := range sl.NotResearched() {
		seen[c]++
	}
	covered := map[sl.Code]bool{}
	for _, r := range sl.Default() {
		covered[r.Code] = true
	}
	for c := range covered {
		seen[c]++
	}
	for _, c := range sl.Codes() {
		assert.Equal(t, 1, seen[c], "code %s", c)
	}
	assert.Len(t, seen, len(sl.Codes()))
}
