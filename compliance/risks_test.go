//go:build oldapi

package compliance_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

func risk(t *testing.T, e *compliance.Engine, id riskreg.ID) riskreg.Risk {
	t.Helper()
	r, err := e.Risk(admin, orgID, id)
	require.NoError(t, err)
	return r
}

// TestRiskRegisterCycle: seed, rate, treat (with its task), accept, analyse, approve
// (frozen, linked to the annual risk-analysis task), compare year over year
// (45 CFR 164.308(a)(1)(ii)(A)-(B)).
func TestRiskRegisterCycle(t *testing.T) {
	e, clk, _ := setup(t)
	seeded, err := e.SeedStarterRisks(admin, orgID, march2)
	require.NoError(t, err)
	require.Len(t, seeded, 8)
	again, err := e.SeedStarterRisks(admin, orgID, march2)
	require.NoError(t, err)
	require.Empty(t, again, "seeding twice adds nothing")

	dicom := risk(t, e, "starter-dicom-transfer")
	before := countEvents(t, e)
	_, err = e.RateRisk(admin, orgID, dicom.ID, dicom.Version, [2]riskreg.Level{3, 4}, [2]riskreg.Level{1, 1}, march2, "")
	require.ErrorIs(t, err, validation.ErrInvalid, "impact 4 is outside the 3x3 scale")
	require.Equal(t, before, countEvents(t, e), "nothing written")
	dicom, err = e.RateRisk(admin, orgID, dicom.ID, dicom.Version, [2]riskreg.Level{3, 3}, [2]riskreg.Level{2, 3}, march2, "annual analysis")
	require.NoError(t, err)
	require.Equal(t, riskreg.RatingHigh, dicom.Inherent.Rating)

	dicom, err = e.TreatRisk(admin, orgID, dicom.ID, dicom.Version, riskreg.TreatMitigate, "VPN between sites until the PACS supports TLS", "u-it", march2+60)
	require.NoError(t, err)
	tasks, err := e.Tasks(admin, orgID, storage.TaskQuery{Subject: task.Subject{Type: "risk", ID: string(dicom.ID)}})
	require.NoError(t, err)
	require.Len(t, tasks, 1, "the treatment's task")
	require.Equal(t, profiles.TemplateRiskTreatment, tasks[0].TemplateID)
	require.Equal(t, march2+60, tasks[0].DueOn)
	require.Equal(t, task.Assignee{Person: "u-it"}, tasks[0].Assignee)

	screens := risk(t, e, "starter-infusion-bay-screens")
	screens, err = e.RateRisk(admin, orgID, screens.ID, screens.Version, [2]riskreg.Level{2, 1}, [2]riskreg.Level{1, 1}, march2, "")
	require.NoError(t, err)
	_, err = e.AcceptRisk(admin, orgID, screens.ID, screens.Version, riskreg.Acceptance{ReviewOn: march2 + 365, Justification: "privacy filters fitted"})
	require.ErrorIs(t, err, validation.ErrInvalid, "acceptance needs a named approver")
	screens, err = e.AcceptRisk(admin, orgID, screens.ID, screens.Version, riskreg.Acceptance{ApprovedBy: "Dr. Osei, practice owner",
		ReviewOn: march2 + 20, Justification: "privacy filters fitted; residual risk low"})
	require.NoError(t, err)
	require.Equal(t, riskreg.StatusAccepted, screens.Status)

	// The annual risk-analysis task links to the approved snapshot.
	_, err = e.ApplyProfile(admin, orgID, profiles.HematologyOncology, march2)
	require.NoError(t, err)
	a26, err := e.TakeAnalysis(admin, orgID, "sra-2026", 2026)
	require.NoError(t, err)
	a26, err = e.ApproveAnalysis(admin, orgID, a26.ID, a26.Version, march2+1, compliance.ProgramTaskID(profiles.TemplateRiskAnalysis))
	require.NoError(t, err)
	_, err = e.ApproveAnalysis(admin, orgID, a26.ID, a26.Version, march2+2, "")
	require.ErrorIs(t, err, riskreg.ErrFrozen, "approved twice")
	sraTask, err := e.Task(admin, orgID, compliance.ProgramTaskID(profiles.TemplateRiskAnalysis))
	require.NoError(t, err)
	require.Len(t, sraTask.Evidence, 1)
	require.Equal(t, "hipaaops:analysis/sra-2026", sraTask.Evidence[0].Location)

	// A year later: one risk closed, one new, and the accepted one past its review date.
	clk.t = clk.t.AddDate(1, 0, 0)
	pa := risk(t, e, "starter-pa-vendor-no-baa")
	_, err = e.CloseRisk(admin, orgID, pa.ID, pa.Version, date.Zero, "BAA signed")
	require.NoError(t, err)
	_, err = e.RecordRisk(admin, orgID, riskreg.Risk{ID: "r-video", Title: "Tumor-board video on a consumer app",
		Asset: "tumor board video calls", ThreatSource: "eavesdropper", ThreatEvent: "interception", Vulnerability: "no BAA, no encryption settings"})
	require.NoError(t, err)
	a27, err := e.TakeAnalysis(admin, orgID, "sra-2027", 2027)
	require.NoError(t, err)
	cmp, err := e.CompareAnalyses(admin, orgID, "sra-2026", "sra-2027", date.Zero)
	require.NoError(t, err)
	require.Contains(t, cmp.New, riskreg.ID("r-video"))
	require.Contains(t, cmp.Closed, riskreg.ID("starter-pa-vendor-no-baa"))
	require.Contains(t, cmp.AcceptedPastReview, riskreg.ID("starter-infusion-bay-screens"))
	md, err := e.AnalysisMarkdown(admin, orgID, a27.ID, "sra-2026", date.Zero)
	require.NoError(t, err)
	require.Contains(t, md, "sra-2027")

	_, err = e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
}

// TestRiskMethodAndControls: changing the method re-rates with history kept; the
// posture shows heat maps and addressable specifications without a decision
// (45 CFR 164.306(d)(3)); a required specification takes no decision.
func TestRiskMethodAndControls(t *testing.T) {
	e, _, _ := setup(t)
	_, err := e.SeedStarterRisks(admin, orgID, march2)
	require.NoError(t, err)
	rep, err := e.RiskPosture(admin, orgID, 3)
	require.NoError(t, err)
	require.Len(t, rep.InherentHeatMap, 9, "3x3 grid")
	require.Len(t, rep.UndecidedAddressable, 22)

	require.NoError(t, e.SetRiskMethod(admin, orgID, riskreg.MethodNIST5x5, march2))
	rep, err = e.RiskPosture(admin, orgID, 3)
	require.NoError(t, err)
	require.Len(t, rep.InherentHeatMap, 25, "5x5 grid")
	r := risk(t, e, "starter-dicom-transfer")
	require.Equal(t, riskreg.MethodNIST5x5, r.Method)
	require.NotEmpty(t, r.Reviews, "the change is in the history")

	_, err = e.DecideControl(admin, orgID, controls.AddressableDecision{Control: "164.312(e)(2)(ii)", Decision: controls.DecisionAlternative,
		Alternative: "site-to-site VPN", Reason: "the PACS cannot use TLS"})
	require.NoError(t, err)
	_, err = e.DecideControl(admin, orgID, controls.AddressableDecision{Control: "164.308(a)(1)(ii)(A)", Decision: controls.DecisionImplemented})
	require.ErrorIs(t, err, validation.ErrInvalid, "a required specification is not decided, it is met")
	rep, err = e.RiskPosture(admin, orgID, 3)
	require.NoError(t, err)
	require.Len(t, rep.UndecidedAddressable, 21)
}

// TestSweepRemindsOfAcceptedRiskReview: an accepted risk's review date is reminded
// before and once after it passes (45 CFR 164.308(a)(1)(ii)(B)).
func TestSweepRemindsOfAcceptedRiskReview(t *testing.T) {
	e, _, _ := setup(t)
	r, err := e.RecordRisk(admin, orgID, riskreg.Risk{ID: "r1", Title: "Shared fax line", Asset: "fax", ThreatSource: "staff",
		ThreatEvent: "misdirected fax", Vulnerability: "no cover-sheet check"})
	require.NoError(t, err)
	r, err = e.RateRisk(admin, orgID, r.ID, r.Version, [2]riskreg.Level{1, 2}, [2]riskreg.Level{1, 1}, march2, "")
	require.NoError(t, err)
	_, err = e.AcceptRisk(admin, orgID, r.ID, r.Version, riskreg.Acceptance{ApprovedBy: "Dr. Osei", ReviewOn: march2 + 10, Justification: "low"})
	require.NoError(t, err)
	reviews := func(asOf date.Date) []compliance.Reminder {
		res, err := e.Sweep(admin, orgID, compliance.SweepOptions{AsOf: asOf})
		require.NoError(t, err)
		var out []compliance.Reminder
		for _, x := range res.Reminders {
			if x.Risk != "" {
				out = append(out, x)
			}
		}
		return out
	}
	got := reviews(march2 + 5)
	require.Len(t, got, 1)
	require.Equal(t, compliance.EventReminderRiskReview, got[0].Type)
	require.Equal(t, 7, got[0].Threshold)
	require.Empty(t, reviews(march2+6))
	require.Len(t, reviews(march2+11), 1, "overdue, once")
	require.Empty(t, reviews(march2+12))

}
