package workforce_test

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
	"github.com/hipaaops/hipaaops/workforce"
)

// TestMemberValidate: each bad field is named with the rule it breaks.
func TestMemberValidate(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(m *workforce.Member)
		field, rule string
	}{
		{"OK", func(m *workforce.Member) {}, "", ""},
		{"OKNoEmailNoSites", func(m *workforce.Member) { m.Email, m.Sites = "", nil }, "", ""},
		{"OKEmailWithName", func(m *workforce.Member) { m.Email = "Dana Reyes <dana@example.org>" }, "", ""},
		{"OKEndOnStartDay", func(m *workforce.Member) { m.EndOn = startOn }, "", ""},
		{"OKTrainingOnStartDay (164.308(a)(5))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, startOn)}
		}, "", ""},
		{"OKSameModuleTwoDays (164.308(a)(5))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{
				done(workforce.ModuleGeneralHIPAA, startOn), done(workforce.ModuleGeneralHIPAA, startOn.AddDate(1, 0, 0)),
			}
		}, "", ""},
		{"ErrIDEmpty", func(m *workforce.Member) { m.ID = "" }, "id", "must not be empty"},
		{"ErrNameEmpty", func(m *workforce.Member) { m.Name = "" }, "name", "must not be empty"},
		{"ErrNameBlank", func(m *workforce.Member) { m.Name = " \t" }, "name", "must not be empty"},
		{"ErrNameTooLong", func(m *workforce.Member) { m.Name = strings.Repeat("a", 201) }, "name", "must be at most 200 bytes"},
		{"ErrEmail", func(m *workforce.Member) { m.Email = "dana at example" }, "email", `"dana at example" is not an e-mail address`},
		{"ErrRoleUnknown", func(m *workforce.Member) { m.Role = "surgeon" }, "role", `"surgeon" is not one of`},
		{"ErrRoleEmpty", func(m *workforce.Member) { m.Role = "" }, "role", `"" is not one of`},
		{"ErrSiteEmpty", func(m *workforce.Member) { m.Sites = []org.SiteID{"main", ""} }, "sites[1]", "must not be empty"},
		{"ErrSiteTwice", func(m *workforce.Member) { m.Sites = []org.SiteID{"main", "vault", "main"} }, "sites[2]", `"main" is listed twice`},
		{"ErrStartOnUnset (164.308(a)(3))", func(m *workforce.Member) { m.StartOn = date.Zero }, "start_on", "must be set"},
		{"ErrEndBeforeStart (164.308(a)(3)(ii)(C))", func(m *workforce.Member) { m.EndOn = startOn - 1 }, "end_on", "2025-03-02 is before start date 2025-03-03"},
		{"ErrTrainingModule (164.308(a)(5))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, startOn), done("fire_safety", startOn)}
		}, "trainings[1].module", `"fire_safety" is not one of`},
		{"ErrTrainingDateUnset (164.530(b)(2)(ii))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, date.Zero)}
		}, "trainings[0].completed_on", "must be set"},
		{"ErrTrainingBeforeStart (164.308(a)(5))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{done(workforce.ModuleInfusionSuite, startOn-1)}
		}, "trainings[0].completed_on", "2025-03-02 is before start date 2025-03-03"},
		{"ErrTrainingTwice (164.530(b)(2)(ii))", func(m *workforce.Member) {
			m.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, startOn), done(workforce.ModuleGeneralHIPAA, startOn)}
		}, "trainings[1]", "general_hipaa on 2025-03-03 is recorded twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMember()
			tt.edit(&m)
			err := m.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		m := workforce.Member{Email: "x", Role: "y", Trainings: []workforce.Completion{{Module: "z"}}}
		err := m.Validate()
		require.ErrorIs(t, err, validation.ErrInvalid)
		assert.Equal(t, []string{"id", "name", "email", "role", "start_on", "trainings[0].module", "trainings[0].completed_on"}, fields(err))
	})
}

// TestActive: a member is on the roster from the first through the last day
// (45 CFR 164.308(a)(3)(ii)(C)).
func TestActive(t *testing.T) {
	endOn := day(2026, time.June, 30)
	tests := []struct {
		name  string
		endOn date.Date
		asOf  date.Date
		want  bool
	}{
		{"BeforeStart", date.Zero, startOn - 1, false},
		{"StartDay", date.Zero, startOn, true},
		{"StillEmployed", date.Zero, day(2040, time.January, 1), true},
		{"ZeroAsOf", date.Zero, date.Zero, false},
		{"BeforeEnd", endOn, endOn - 1, true},
		{"LastDay", endOn, endOn, true},
		{"DayAfterLeaving", endOn, endOn + 1, false},
		{"OneDayMemberOnItsDay", startOn, startOn, true},
		{"OneDayMemberDayAfter", startOn, startOn + 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMember()
			m.EndOn = tt.endOn
			assert.Equal(t, tt.want, m.Active(tt.asOf))
		})
	}
}

// TestRecordTraining: completions documented for 45 CFR 164.308(a)(5) and 164.530(b)(2)(ii).
func TestRecordTraining(t *testing.T) {
	first := done(workforce.ModuleGeneralHIPAA, startOn)
	tests := []struct {
		name        string
		c           workforce.Completion
		field, rule string
	}{
		{"OK", done(workforce.ModuleInfusionSuite, startOn+7), "", ""},
		{"OKWithEvidence", workforce.Completion{Module: workforce.ModuleFrontDesk, CompletedOn: startOn + 1, Evidence: "lms://cert/991"}, "", ""},
		{"OKSameModuleLater", done(workforce.ModuleGeneralHIPAA, startOn.AddDate(1, 0, 0)), "", ""},
		{"OKModuleNotRequiredByRole", done(workforce.ModuleRadiationTherapy, startOn), "", ""},
		{"ErrModuleUnknown", done("ergonomics", startOn), "module", `"ergonomics" is not one of`},
		{"ErrModuleEmpty", done("", startOn), "module", `"" is not one of`},
		{"ErrDateUnset", done(workforce.ModuleGeneralHIPAA, date.Zero), "completed_on", "must be set"},
		{"ErrBeforeStart", done(workforce.ModuleInfusionSuite, startOn-1), "completed_on", "is before start date 2025-03-03"},
		{"ErrAlreadyRecorded", first, "completed_on", "general_hipaa on 2025-03-03 is already recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMember()
			require.NoError(t, m.RecordTraining(first))
			before := m.Clone()
			err := m.RecordTraining(tt.c)
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, []workforce.Completion{first, tt.c}, m.Trainings)
				require.NoError(t, m.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, m, "a refused completion leaves the member unchanged")
		})
	}
}

// TestLastTraining: the most recent completion of a module, whatever the recording order.
func TestLastTraining(t *testing.T) {
	m := newMember()
	y1 := workforce.Completion{Module: workforce.ModuleGeneralHIPAA, CompletedOn: day(2026, time.March, 1), Evidence: "second"}
	for _, c := range []workforce.Completion{
		done(workforce.ModuleGeneralHIPAA, startOn),
		y1,
		done(workforce.ModuleGeneralHIPAA, day(2025, time.September, 1)), // recorded late
		done(workforce.ModuleInfusionSuite, day(2025, time.April, 1)),
	} {
		require.NoError(t, m.RecordTraining(c))
	}
	tests := []struct {
		name string
		mod  workforce.Module
		want workforce.Completion
		ok   bool
	}{
		{"Latest", workforce.ModuleGeneralHIPAA, y1, true},
		{"Single", workforce.ModuleInfusionSuite, done(workforce.ModuleInfusionSuite, day(2025, time.April, 1)), true},
		{"Never", workforce.ModuleFrontDesk, workforce.Completion{}, false},
		{"Unknown", "ergonomics", workforce.Completion{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m.LastTraining(tt.mod)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestChangeRole: a new role brings new required modules (45 CFR 164.308(a)(4)(ii)(C),
// 164.308(a)(5)).
func TestChangeRole(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		m := newMember()
		require.NoError(t, m.RecordTraining(done(workforce.ModuleGeneralHIPAA, startOn)))
		require.NoError(t, m.RecordTraining(done(workforce.ModuleInfusionSuite, startOn)))
		asOf := startOn + 30
		assert.Empty(t, m.MissingTraining(asOf, 12))

		old, err := m.ChangeRole(workforce.RoleChange{Role: workforce.RoleResearch})
		require.NoError(t, err)
		assert.Equal(t, workforce.RoleNurse, old)
		assert.Equal(t, workforce.RoleResearch, m.Role)
		assert.Equal(t, []workforce.Module{workforce.ModuleMolecularGenomic}, m.MissingTraining(asOf, 12))
	})
	t.Run("OKSameRole", func(t *testing.T) {
		m := newMember()
		old, err := m.ChangeRole(workforce.RoleChange{Role: workforce.RoleNurse})
		require.NoError(t, err)
		assert.Equal(t, workforce.RoleNurse, old)
		assert.Equal(t, workforce.RoleNurse, m.Role)
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		m := newMember()
		old, err := m.ChangeRole(workforce.RoleChange{Role: "surgeon"})
		requireInvalid(t, err, "role", `"surgeon" is not one of`)
		assert.Equal(t, workforce.RoleNurse, old)
		assert.Equal(t, workforce.RoleNurse, m.Role, "unchanged")
	})
}

// TestLeave: termination procedures end the member's time on the roster
// (45 CFR 164.308(a)(3)(ii)(C)).
func TestLeave(t *testing.T) {
	left := day(2026, time.January, 31)
	tests := []struct {
		name        string
		endOn, on   date.Date
		field, rule string
	}{
		{"OK", date.Zero, left, "", ""},
		{"OKStartDay", date.Zero, startOn, "", ""},
		{"ErrUnset", date.Zero, date.Zero, "on", "must be set"},
		{"ErrBeforeStart", date.Zero, startOn - 1, "on", "2025-03-02 is before start date 2025-03-03"},
		{"ErrAlreadyLeft", left, left + 10, "on", "member already left on 2026-01-31"},
		{"ErrAlreadyLeftSameDay", left, left, "on", "member already left on 2026-01-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMember()
			m.EndOn = tt.endOn
			err := m.Leave(workforce.Leaving{On: tt.on})
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.on, m.EndOn)
				assert.True(t, m.Active(tt.on))
				assert.False(t, m.Active(tt.on+1))
				require.NoError(t, m.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, tt.endOn, m.EndOn, "unchanged")
		})
	}
}

// TestClone: a clone shares no slice with the original, in either direction.
func TestClone(t *testing.T) {
	rich := func() workforce.Member {
		m := newMember()
		m.Version = 3
		m.CreatedAt = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		m.UpdatedAt = time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
		m.Trainings = []workforce.Completion{done(workforce.ModuleGeneralHIPAA, startOn)}
		return m
	}
	mutate := func(t *testing.T, m *workforce.Member) {
		m.Sites[0] = "elsewhere"
		m.Sites = append(m.Sites, "new")
		m.Trainings[0].Evidence = "changed"
		require.NoError(t, m.RecordTraining(done(workforce.ModuleInfusionSuite, startOn+1)))
		_, err := m.ChangeRole(workforce.RoleChange{Role: workforce.RoleIT})
		require.NoError(t, err)
	}
	t.Run("ChangingTheCopy", func(t *testing.T) {
		m := rich()
		c := m.Clone()
		assert.Equal(t, m, c)
		mutate(t, &c)
		assert.Equal(t, rich(), m)
	})
	t.Run("ChangingTheOriginal", func(t *testing.T) {
		m := rich()
		c := m.Clone()
		mutate(t, &m)
		assert.Equal(t, rich(), c)
	})
	t.Run("NilStaysNil", func(t *testing.T) {
		m := workforce.Member{ID: "x"}
		c := m.Clone()
		assert.Nil(t, c.Sites)
		assert.Nil(t, c.Trainings)
	})
}

// TestMemberJSONRoundTrip: a member survives storage as JSON unchanged.
func TestMemberJSONRoundTrip(t *testing.T) {
	m := newMember()
	m.EndOn = day(2026, time.December, 31)
	m.Version = 7
	m.CreatedAt = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	m.UpdatedAt = time.Date(2026, 1, 5, 17, 30, 0, 0, time.UTC)
	m.Trainings = []workforce.Completion{
		{Module: workforce.ModuleGeneralHIPAA, CompletedOn: startOn, Evidence: "lms://cert/1"},
		done(workforce.ModuleInfusionSuite, startOn+14),
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var got workforce.Member
	require.NoError(t, json.Unmarshal(b, &got))
	require.Equal(t, m, got)
	for _, key := range []string{
		`"id":"m-1"`, `"role":"nurse"`, `"sites":["main","infusion-north"]`, `"start_on":"2025-03-03"`,
		`"end_on":"2026-12-31"`, `"module":"general_hipaa"`, `"completed_on":"2025-03-17"`, `"evidence":"lms://cert/1"`,
	} {
		assert.Contains(t, string(b), key)
	}

	t.Run("unset end date is omitted", func(t *testing.T) {
		b, err := json.Marshal(newMember())
		require.NoError(t, err)
		assert.NotContains(t, string(b), "end_on")
		assert.NotContains(t, string(b), `"0001-01-01"`)
	})
}

// TestMemberJSONUnknownValues: an unknown enum value in stored JSON is refused with a
// validation error rather than loaded.
func TestMemberJSONUnknownValues(t *testing.T) {
	tests := []struct {
		name, json, field string
	}{
		{"Role", `{"id":"a","name":"A","role":"surgeon","start_on":"2025-01-01"}`, "role"},
		{"RoleEmpty", `{"id":"a","name":"A","role":"","start_on":"2025-01-01"}`, "role"},
		{"Module (164.308(a)(5))", `{"id":"a","name":"A","role":"it","start_on":"2025-01-01","trainings":[{"module":"fire_safety","completed_on":"2025-01-02"}]}`, "module"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m workforce.Member
			err := json.Unmarshal([]byte(tt.json), &m)
			require.ErrorIs(t, err, validation.ErrInvalid)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "workforce", verr.Pkg)
			assert.Equal(t, tt.field, verr.Field)
			assert.Contains(t, verr.Rule, "is not one of")
		})
	}
	t.Run("MarshalUnknown", func(t *testing.T) {
		m := newMember()
		m.Role = "surgeon"
		_, err := json.Marshal(m)
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
}
