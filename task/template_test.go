package task_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/task"
)

// TestTemplateValidate: each bad field is named with the rule it breaks.
func TestTemplateValidate(t *testing.T) {
	tests := []struct {
		name        string
		tpl         func() *task.Template
		edit        func(tp *task.Template)
		field, rule string
	}{
		{"OKRiskAnalysis (164.308(a)(1)(ii)(A))", riskAnalysis, func(*task.Template) {}, "", ""},
		{"OKTraining (164.308(a)(5))", training, func(*task.Template) {}, "", ""},
		{"OKOneOffBAA (164.502(e))", baaRequest, func(*task.Template) {}, "", ""},
		{"OKDueSameDay", riskAnalysis, func(tp *task.Template) { tp.DueOffsetDays = 0 }, "", ""},
		{"OKCustomRole", riskAnalysis, func(tp *task.Template) { tp.DefaultRole = "dosimetrist" }, "", ""},
		{"OKDisabled", riskAnalysis, func(tp *task.Template) { tp.Disabled = true }, "", ""},
		{"ErrIDEmpty", riskAnalysis, func(tp *task.Template) { tp.ID = "" }, "id", "must not be empty"},
		{"ErrVersionNegative", riskAnalysis, func(tp *task.Template) { tp.Version = -1 }, "version", "must not be negative"},
		{"ErrTitleBlank", riskAnalysis, func(tp *task.Template) { tp.Title = "  " }, "title", "must not be empty"},
		{"ErrCitationEmpty", riskAnalysis, func(tp *task.Template) { tp.Citation = "" }, "citation", "must not be empty"},
		{"ErrRoleEmpty", riskAnalysis, func(tp *task.Template) { tp.DefaultRole = "" }, "default_role", `"" must be lower_snake_case`},
		{"ErrRoleMalformed", riskAnalysis, func(tp *task.Template) { tp.DefaultRole = "Security Officer" }, "default_role", `"Security Officer" must be lower_snake_case`},
		{"ErrDueOffsetNegative (due before trigger)", riskAnalysis, func(tp *task.Template) { tp.DueOffsetDays = -1 },
			"due_offset_days", "must not be negative, got -1: a task would be due before its trigger"},
		{"ErrRecurrenceEveryZero (164.308(a)(1)(ii)(A))", riskAnalysis, func(tp *task.Template) { tp.Recurrence.Every = 0 },
			"recurrence.every", "must be at least 1"},
		{"ErrRecurrenceEveryNegative (164.308(a)(5))", training, func(tp *task.Template) { tp.Recurrence.Every = -12 },
			"recurrence.every", "must be at least 1, got -12"},
		{"ErrRecurrenceUnit", riskAnalysis, func(tp *task.Template) { tp.Recurrence.Unit = "annum" }, "recurrence.unit", `"annum" is not one of`},
		{"ErrChecklistItemEmpty", riskAnalysis, func(tp *task.Template) { tp.Checklist[1] = " " }, "checklist[1]", "must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp := tt.tpl()
			tt.edit(tp)
			err := tp.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
	t.Run("ErrZeroValueListsEveryProblem", func(t *testing.T) {
		var tp task.Template
		assert.Equal(t, []string{"id", "title", "citation", "default_role"}, fields(tp.Validate()))
	})
}

func TestTemplateClone(t *testing.T) {
	tp := riskAnalysis()
	c := tp.Clone()
	require.Equal(t, *tp, c)

	c.Checklist[0] = "changed"
	c.Checklist = append(c.Checklist, "added")
	c.Recurrence.Every = 2
	c.Title = "changed"

	assert.Equal(t, *riskAnalysis(), *tp, "the original is untouched")

	var empty task.Template
	ce := empty.Clone()
	assert.Nil(t, ce.Checklist)
	assert.Nil(t, ce.Recurrence)
}

func TestTemplateJSON(t *testing.T) {
	tp := riskAnalysis()
	tp.CreatedAt = time.Date(2026, time.January, 2, 15, 4, 5, 0, time.UTC)
	tp.UpdatedAt = tp.CreatedAt.Add(time.Hour)

	b, err := json.Marshal(tp)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"id": "risk-analysis", "version": 3,
		"title": "Annual security risk analysis",
		"instructions": "Assess the risks to the confidentiality, integrity and availability of ePHI.",
		"checklist": ["Inventory systems that hold ePHI (EHR, record-and-verify, PACS)", "Identify threats and vulnerabilities", "Rate likelihood and impact; update the risk register"],
		"citation": "45 CFR 164.308(a)(1)(ii)(A)",
		"default_role": "security_officer",
		"evidence_required": true,
		"due_offset_days": 30,
		"recurrence": {"every": 1, "unit": "year", "anchor": "calendar"},
		"created_at": "2026-01-02T15:04:05Z",
		"updated_at": "2026-01-02T16:04:05Z"
	}`, string(b))

	var back task.Template
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, *tp, back)

	t.Run("one-off omits recurrence", func(t *testing.T) {
		b, err := json.Marshal(baaRequest())
		require.NoError(t, err)
		assert.NotContains(t, string(b), "recurrence")
		var back task.Template
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, *baaRequest(), back)
	})

	unknown := []struct {
		name, json, field, rule string
	}{
		{"unit", `{"recurrence":{"every":1,"unit":"annual","anchor":"calendar"}}`, "recurrence.unit", `"annual" is not one of`},
		{"anchor", `{"recurrence":{"every":1,"unit":"year","anchor":"due_date"}}`, "recurrence.anchor", `"due_date" is not one of`},
		{"role", `{"default_role":"Security Officer"}`, "role", `"Security Officer" must be lower_snake_case`},
	}
	for _, tt := range unknown {
		t.Run("ErrUnknown "+tt.name, func(t *testing.T) {
			var back task.Template
			requireInvalid(t, json.Unmarshal([]byte(tt.json), &back), tt.field, tt.rule)
		})
	}
	t.Run("ErrMarshalUnknownUnit", func(t *testing.T) {
		tp := riskAnalysis()
		tp.Recurrence.Unit = "annual"
		_, err := json.Marshal(tp)
		requireInvalid(t, err, "recurrence.unit", `"annual" is not one of`)
	})
}
