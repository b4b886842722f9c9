package workforce_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/workforce"
)

// TestRequiredModules: general HIPAA training for the whole workforce
// (45 CFR 164.530(b)(1), 164.308(a)(5)(i)) and a module for the PHI each role handles.
func TestRequiredModules(t *testing.T) {
	const (
		general   = workforce.ModuleGeneralHIPAA
		infusion  = workforce.ModuleInfusionSuite
		genomic   = workforce.ModuleMolecularGenomic
		radiation = workforce.ModuleRadiationTherapy
		front     = workforce.ModuleFrontDesk
	)
	tests := []struct {
		name string
		role workforce.Role
		want []workforce.Module
	}{
		{"Nurse (164.530(c)(2)(ii) infusion bays)", workforce.RoleNurse, []workforce.Module{general, infusion}},
		{"Pharmacist (164.310(b)-(c) chairside workstations)", workforce.RolePharmacist, []workforce.Module{general, infusion}},
		{"Physician (160.103 genetic information)", workforce.RolePhysician, []workforce.Module{general, genomic}},
		{"Physicist (164.312(a)-(b) planning systems)", workforce.RolePhysicist, []workforce.Module{general, radiation}},
		{"Dosimetrist (164.312(a)-(b) planning systems)", workforce.RoleDosimetrist, []workforce.Module{general, radiation}},
		{"Therapist (164.514(b)(2)(i)(Q) face photographs)", workforce.RoleTherapist, []workforce.Module{general, radiation}},
		{"FrontDesk (164.514(h) identity verification)", workforce.RoleFrontDesk, []workforce.Module{general, front}},
		{"Billing (164.506(c) payment)", workforce.RoleBilling, []workforce.Module{general, front}},
		{"Research (164.508, 164.512(i))", workforce.RoleResearch, []workforce.Module{general, genomic}},
		{"IT (164.308(a)(5)(i))", workforce.RoleIT, []workforce.Module{general}},
		{"Administrator (164.308(a)(5)(i) including management)", workforce.RoleAdministrator, []workforce.Module{general}},
		{"Other (164.530(b)(1) all workforce)", workforce.RoleOther, []workforce.Module{general}},
		{"Unknown role still needs general (164.530(b)(1))", "surgeon", []workforce.Module{general}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := workforce.RequiredModules(tt.role)
			assert.Equal(t, tt.want, got)
			for _, m := range got {
				assert.True(t, m.Valid())
			}
		})
	}

	t.Run("EveryRoleCovered", func(t *testing.T) {
		for _, r := range workforce.RoleValues() {
			got := workforce.RequiredModules(r)
			require.NotEmpty(t, got, r)
			assert.Equal(t, workforce.ModuleGeneralHIPAA, got[0], r)
		}
	})
	t.Run("ResultIsACopy", func(t *testing.T) {
		got := workforce.RequiredModules(workforce.RoleNurse)
		got[1] = workforce.ModuleFrontDesk
		_ = append(got[:1], workforce.ModuleRadiationTherapy)
		assert.Equal(t, []workforce.Module{workforce.ModuleGeneralHIPAA, workforce.ModuleInfusionSuite},
			workforce.RequiredModules(workforce.RoleNurse))
	})
}

// TestMissingTraining: required modules never completed, or completed more than
// validMonths before the day asked about (45 CFR 164.308(a)(5)(i), 164.530(b)(2)).
func TestMissingTraining(t *testing.T) {
	const (
		general  = workforce.ModuleGeneralHIPAA
		infusion = workforce.ModuleInfusionSuite
	)
	g := day(2025, time.March, 10) // general HIPAA training
	i := day(2025, time.April, 30) // infusion-suite training
	both := []workforce.Completion{done(general, g), done(infusion, i)}
	tests := []struct {
		name        string
		role        workforce.Role
		trainings   []workforce.Completion
		asOf        date.Date
		validMonths int
		want        []workforce.Module
	}{
		{"NeverTrained", workforce.RoleNurse, nil, g, 12, []workforce.Module{general, infusion}},
		{"GeneralOnly", workforce.RoleNurse, both[:1], i, 12, []workforce.Module{infusion}},
		{"AllCurrent", workforce.RoleNurse, both, i, 12, nil},
		{"OnlyGeneralForIT", workforce.RoleIT, both[:1], i, 12, nil},
		{"OtherRoleModuleDoesNotCount", workforce.RolePhysician, both, i, 12, []workforce.Module{workforce.ModuleMolecularGenomic}},
		{"CurrentOnLastDay", workforce.RoleNurse, both, day(2026, time.March, 10), 12, nil},
		{"ExpiredDayAfter (164.308(a)(5)(ii)(A))", workforce.RoleNurse, both, day(2026, time.March, 11), 12, []workforce.Module{general}},
		{"BothExpired", workforce.RoleNurse, both, day(2026, time.May, 1), 12, []workforce.Module{general, infusion}},
		{"SameDayNextMonth", workforce.RoleNurse, both, day(2025, time.May, 30), 1, []workforce.Module{general}},
		{"ShortPolicy", workforce.RoleNurse, both, day(2025, time.June, 1), 1, []workforce.Module{general, infusion}},
		{"NeverExpires", workforce.RoleNurse, both, day(2040, time.January, 1), 0, nil},
		{"NegativeMeansNeverExpires", workforce.RoleNurse, both, day(2040, time.January, 1), -3, nil},
		{"RetrainingRenews (164.530(b)(2)(i)(B))", workforce.RoleNurse,
			append([]workforce.Completion{done(general, day(2026, time.March, 1))}, both...), day(2026, time.April, 1), 12, nil},
		{"FutureCompletionDoesNotCount", workforce.RoleNurse, both, day(2025, time.April, 29), 12, []workforce.Module{infusion}},
		{"LaterCompletionUsedEvenIfRecordedFirst", workforce.RoleIT,
			[]workforce.Completion{done(general, day(2026, time.February, 1)), done(general, g)}, day(2027, time.January, 31), 12, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMember()
			m.Role = tt.role
			m.Trainings = tt.trainings
			require.NoError(t, m.Validate())
			assert.Equal(t, tt.want, m.MissingTraining(tt.asOf, tt.validMonths))
		})
	}

	t.Run("MonthEndClamp", func(t *testing.T) {
		m := newMember()
		m.Role = workforce.RoleOther
		m.StartOn = day(2025, time.January, 2)
		m.Trainings = []workforce.Completion{done(general, day(2025, time.January, 31))}
		assert.Empty(t, m.MissingTraining(day(2025, time.February, 28), 1), "Jan 31 + 1 month is Feb 28, not Mar 3")
		assert.Equal(t, []workforce.Module{general}, m.MissingTraining(day(2025, time.March, 1), 1))
	})
	t.Run("LeapDay", func(t *testing.T) {
		m := newMember()
		m.Role = workforce.RoleOther
		m.StartOn = day(2024, time.February, 1)
		m.Trainings = []workforce.Completion{done(general, day(2024, time.February, 29))}
		assert.Empty(t, m.MissingTraining(day(2025, time.February, 28), 12), "current through Feb 28 the next year")
		assert.Equal(t, []workforce.Module{general}, m.MissingTraining(day(2025, time.March, 1), 12))
	})
}

// TestCompletionByRole: evidence that training reaches the whole active workforce
// (45 CFR 164.308(a)(5)(i), 164.530(b)(2)(ii)).
func TestCompletionByRole(t *testing.T) {
	asOf := day(2026, time.January, 15)
	trained := func(id string, r workforce.Role, on date.Date) workforce.Member {
		m := newMember()
		m.ID, m.Role = workforce.ID(id), r
		for _, mod := range workforce.RequiredModules(r) {
			m.Trainings = append(m.Trainings, done(mod, on))
		}
		return m
	}
	untrained := func(id string, r workforce.Role) workforce.Member {
		m := newMember()
		m.ID, m.Role = workforce.ID(id), r
		return m
	}
	left := trained("left", workforce.RolePhysician, startOn)
	left.EndOn = asOf - 1
	future := untrained("future", workforce.RoleBilling)
	future.StartOn = asOf + 1
	partial := untrained("partial", workforce.RoleNurse)
	partial.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, startOn)}
	leavingToday := trained("today", workforce.RoleIT, startOn)
	leavingToday.EndOn = asOf

	ms := []workforce.Member{
		trained("n1", workforce.RoleNurse, day(2025, time.June, 1)),
		untrained("it1", workforce.RoleIT),
		partial,
		trained("p1", workforce.RolePhysician, day(2025, time.June, 1)),
		trained("n-stale", workforce.RoleNurse, day(2024, time.December, 1)), // expired under a 12-month policy
		left, future, leavingToday,
		untrained("x", "surgeon"),
		trained("ph1", workforce.RolePharmacist, day(2025, time.June, 1)),
	}
	ms[4].StartOn = day(2024, time.November, 1)

	got := workforce.CompletionByRole(ms, asOf, 12)
	assert.Equal(t, []workforce.RoleCompletion{
		{Role: workforce.RolePhysician, Members: 1, Complete: 1},
		{Role: workforce.RoleNurse, Members: 3, Complete: 1},
		{Role: workforce.RolePharmacist, Members: 1, Complete: 1},
		{Role: workforce.RoleIT, Members: 2, Complete: 1},
		{Role: "surgeon", Members: 1, Complete: 0},
	}, got)

	t.Run("NeverExpires", func(t *testing.T) {
		got := workforce.CompletionByRole(ms, asOf, 0)
		assert.Equal(t, workforce.RoleCompletion{Role: workforce.RoleNurse, Members: 3, Complete: 2}, got[1])
	})
	t.Run("NoneActive", func(t *testing.T) {
		assert.Empty(t, workforce.CompletionByRole(ms, day(2000, time.January, 1), 12))
		assert.Empty(t, workforce.CompletionByRole(nil, asOf, 12))
	})
	t.Run("InputUnchanged", func(t *testing.T) {
		before := make([]workforce.Member, len(ms))
		for i := range ms {
			before[i] = ms[i].Clone()
		}
		workforce.CompletionByRole(ms, asOf, 12)
		assert.Equal(t, before, ms)
	})
}
