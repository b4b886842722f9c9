package riskreg_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/riskreg"
)

func TestStarter(t *testing.T) {
	rs := riskreg.Starter()
	want := []riskreg.ID{
		"starter-dicom-transfer",
		"starter-physicist-mfa",
		"starter-pharmacy-portal-shared-login",
		"starter-genomic-results-billing",
		"starter-trial-export-authorization",
		"starter-infusion-bay-screens",
		"starter-pa-vendor-no-baa",
		"starter-rv-ransomware",
	}
	require.Len(t, rs, len(want))
	catalog := controls.Current()
	hhs := method(t, riskreg.MethodHHS3x3)
	for i, r := range rs {
		t.Run(string(r.ID), func(t *testing.T) {
			assert.Equal(t, want[i], r.ID)
			require.NoError(t, r.Validate())
			assert.Equal(t, riskreg.StatusOpen, r.Status)
			assert.Equal(t, riskreg.MethodHHS3x3, r.Method)
			assert.NotEmpty(t, r.ThreatSource)
			assert.NotEmpty(t, r.ThreatEvent)
			assert.NotEmpty(t, r.Vulnerability)
			assert.True(t, r.Residual.IsZero(), "the organization rates the residual risk")

			// HHS SRA tool: the suggested inherent score is on the 3×3 scale and rated by it.
			rating, err := hhs.Rate(r.Inherent.Likelihood, r.Inherent.Impact)
			require.NoError(t, err)
			assert.Equal(t, rating, r.Inherent.Rating)

			// 45 CFR 164.306(d)(3): suggested controls are entries of the Security Rule catalog.
			require.NotEmpty(t, r.Controls)
			for _, id := range r.Controls {
				_, ok := catalog.Get(id)
				assert.True(t, ok, "control %s is in catalog %s", id, catalog.Version)
			}
		})
	}

	t.Run("fresh copies", func(t *testing.T) {
		a := riskreg.Starter()
		a[0].Controls[0] = "changed"
		a[0].Title = "changed"
		b := riskreg.Starter()
		assert.Equal(t, controls.ID("164.312(e)(1)"), b[0].Controls[0])
		assert.Equal(t, "Unencrypted DICOM transfer between sites", b[0].Title)
	})
	t.Run("a seeded risk goes through the lifecycle", func(t *testing.T) {
		r := riskreg.Starter()[6] // PA vendor without a BAA
		r.Vendors = append(r.Vendors, "pa-vendor")
		require.NoError(t, r.Rate(hhs, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 3, Impact: 2}, Residual: riskreg.Score{Likelihood: 1, Impact: 2}, On: day(2026, time.January, 5), Note: "confirmed"}, actor))
		require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "sign a BAA before sending more PHI", Owner: "privacy.officer", Due: day(2026, time.February, 1)}))
		require.NoError(t, r.Validate())
	})
}
