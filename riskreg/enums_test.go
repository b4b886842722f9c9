package riskreg_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hipaaops/hipaaops/internal/enumtest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

func TestEnums(t *testing.T) {
	t.Run("MethodID", func(t *testing.T) {
		enumtest.Check(t, "riskreg", "method", []string{"hhs-sra-3x3", "nist-800-30-5x5"}, riskreg.MethodIDValues())
	})
	t.Run("Rating", func(t *testing.T) {
		enumtest.Check(t, "riskreg", "rating", []string{"very_low", "low", "moderate", "high", "very_high"}, riskreg.RatingValues())
	})
	t.Run("Treatment", func(t *testing.T) {
		enumtest.Check(t, "riskreg", "treatment", []string{"mitigate", "accept", "transfer", "avoid"}, riskreg.TreatmentValues())
	})
	t.Run("Status", func(t *testing.T) {
		enumtest.Check(t, "riskreg", "status", []string{"open", "treating", "accepted", "closed"}, riskreg.StatusValues())
	})
	t.Run("Action", func(t *testing.T) {
		enumtest.Check(t, "riskreg", "action", []string{"rate", "review", "accept", "close", "reopen", "change_method"}, riskreg.ActionValues())
	})
}

// fullRisk is a risk with every field set: accepted, quantified, with history.
func fullRisk(t *testing.T) riskreg.Risk {
	r := ratedRisk(t, "starter-infusion-bay-screens", [2]riskreg.Level{3, 1}, [2]riskreg.Level{2, 1})
	r.Vendors = []vendors.ID{"screens-inc"}
	r.Sites = []org.SiteID{"infusion-north"}
	r.ExistingControls = "privacy filters on two of six screens"
	r.Controls = []controls.ID{"164.310(b)", "164.310(c)"}
	r.Quant = &riskreg.Quant{SLE: dec("1200.50"), ARO: dec("0.5"), MitigationCost: dec("300"), ResidualARO: dec("0.1")}
	r.Owner = "nurse.manager"
	require.NoError(t, r.Accept(acceptance()))
	require.NoError(t, r.Review(riskreg.Review{On: day(2026, time.August, 1), Note: "filters installed on all screens"}, actor))
	r.Version = 3
	r.CreatedAt = time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC)
	r.UpdatedAt = time.Date(2026, 8, 1, 9, 30, 0, 0, time.UTC)
	require.NoError(t, r.Validate())
	return r
}

func TestRiskJSON(t *testing.T) {
	r := fullRisk(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	for _, want := range []string{
		`"method":"hhs-sra-3x3"`, `"inherent":{"likelihood":3,"impact":1,"rating":"moderate"}`,
		`"status":"accepted"`, `"treatment":"accept"`, `"review_on":"2027-08-01"`,
		`"sle":"1200.5"`, `"action":"accept"`, `"controls":["164.310(b)","164.310(c)"]`,
	} {
		assert.Contains(t, string(b), want)
	}
	var back riskreg.Risk
	require.NoError(t, json.Unmarshal(b, &back))
	// decimal.Decimal keeps its exponent through JSON only up to equality; compare the rest.
	require.NotNil(t, back.Quant)
	assert.True(t, r.Quant.SLE.Equal(back.Quant.SLE))
	assert.True(t, r.Quant.ALE().Equal(back.Quant.ALE()))
	back.Quant, r.Quant = nil, nil
	assert.Equal(t, r, back)

	t.Run("unset scores and dates are omitted", func(t *testing.T) {
		b, err := json.Marshal(newRisk("r1"))
		require.NoError(t, err)
		for _, absent := range []string{"inherent", "residual", "due_on", "acceptance", "quant", "treatment"} {
			assert.NotContains(t, string(b), `"`+absent+`"`)
		}
		var back riskreg.Risk
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, newRisk("r1"), back)
	})

	unknown := []struct {
		name, from, to, field string
	}{
		{"unknown status", `"status":"accepted"`, `"status":"waived"`, "status"},
		{"unknown treatment", `"treatment":"accept"`, `"treatment":"ignore"`, "treatment"},
		{"unknown method", `"method":"hhs-sra-3x3"`, `"method":"fair"`, "method"},
		{"unknown rating", `"rating":"moderate"`, `"rating":"critical"`, "rating"},
		{"unknown action", `"action":"accept"`, `"action":"edit"`, "action"},
	}
	for _, tt := range unknown {
		t.Run(tt.name, func(t *testing.T) {
			s := string(b)
			require.Contains(t, s, tt.from)
			s = strings.Replace(s, tt.from, tt.to, 1)
			var back riskreg.Risk
			err := json.Unmarshal([]byte(s), &back)
			require.Error(t, err)
			assert.ErrorIs(t, err, validation.ErrInvalid)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, tt.field, verr.Field)
		})
	}
	t.Run("marshalling an unknown status fails", func(t *testing.T) {
		r := newRisk("r1")
		r.Status = "waived"
		_, err := json.Marshal(r)
		assert.ErrorIs(t, err, validation.ErrInvalid)
	})
}

func TestAnalysisJSON(t *testing.T) {
	a := riskreg.Snapshot("sra-2026", 2026, riskreg.MethodHHS3x3, []riskreg.Risk{newRisk("r1"), ratedRisk(t, "r2", [2]riskreg.Level{1, 1}, [2]riskreg.Level{1, 1})})
	require.NoError(t, a.Approve(riskreg.Approval{By: approver, On: day(2026, time.March, 1)}))
	a.Version = 1
	a.CreatedAt = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"approved_on":"2026-03-01"`)
	var back riskreg.Analysis
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)
	assert.True(t, back.Frozen())
}
