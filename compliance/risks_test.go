package compliance_test

import (
	"encoding/json"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
)

func risk(t *testing.T, clinic *compliance.Org, id riskreg.ID) riskreg.Risk {
	t.Helper()
	r, err := clinic.Risks().Get(admin, id)
	require.NoError(t, err)
	return r
}

// lv is a likelihood and an impact to rate.
func lv(likelihood, impact riskreg.Level) riskreg.Score {
	return riskreg.Score{Likelihood: likelihood, Impact: impact}
}

// riskTasks reads the tasks about a risk straight from the store.
func riskTasks(t *testing.T, kit *compliancetest.Kit, id riskreg.ID) []task.Task {
	t.Helper()
	var out []task.Task
	require.NoError(t, kit.Store.Org(orgID).View(admin, func(tx storage.Tx) error {
		for x, err := range tx.Tasks().List(admin, storage.TaskQuery{Subject: task.Subject{Type: record.KindRisk, ID: string(id)}}) {
			if err != nil {
				return err
			}
			out = append(out, x)
		}
		return nil
	}))
	return out
}

// TestRiskRegisterCycle: seed, rate, treat (with its task), accept, analyse, approve
// (frozen, linked to the annual risk-analysis task), compare year over year
// (45 CFR 164.308(a)(1)(ii)(A)-(B)).
func TestRiskRegisterCycle(t *testing.T) {
	kit, clinic := setup(t)
	risks := clinic.Risks()
	seeded, err := risks.SeedStarter(admin, compliance.StarterOptions{On: march2})
	require.NoError(t, err)
	require.Len(t, seeded, 8)
	again, err := risks.SeedStarter(admin, compliance.StarterOptions{})
	require.NoError(t, err)
	require.NotNil(t, again, "an empty list, not nil")
	require.Empty(t, again, "seeding twice adds nothing")

	dicom := risk(t, clinic, "starter-dicom-transfer")
	before := len(events(t, clinic))
	bad, err := risks.Rate(admin, dicom.Ref(), riskreg.Scoring{Inherent: lv(3, 4), Residual: lv(1, 1), On: march2})
	requireField(t, err, "inherent.impact") // impact 4 is outside the 3x3 scale
	require.Zero(t, bad, "the zero value on error")
	require.Len(t, events(t, clinic), before, "nothing written")
	dicom, err = risks.Rate(admin, dicom.Ref(), riskreg.Scoring{Inherent: lv(3, 3), Residual: lv(2, 3), Note: "annual analysis"})
	require.NoError(t, err)
	require.Equal(t, riskreg.RatingHigh, dicom.Inherent.Rating)
	require.Equal(t, march2, dicom.Reviews[len(dicom.Reviews)-1].On, "a zero rated_on is today in Chicago")

	dicom, err = risks.Treat(admin, dicom.Ref(), riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate,
		Justification: "VPN between sites until the PACS supports TLS", Owner: "u-it", Due: march2 + 60})
	require.NoError(t, err)
	require.Equal(t, march2+60, dicom.TreatmentDueOn())
	tasks := riskTasks(t, kit, dicom.ID)
	require.Len(t, tasks, 1, "the treatment's task")
	require.Equal(t, profiles.TemplateRiskTreatment, tasks[0].TemplateID)
	require.Equal(t, march2+60, tasks[0].DueOn)
	require.Equal(t, task.Assignee{Person: "u-it"}, tasks[0].Assignee)

	screens := risk(t, clinic, "starter-infusion-bay-screens")
	screens, err = risks.Rate(admin, screens.Ref(), riskreg.Scoring{Inherent: lv(2, 1), Residual: lv(1, 1), On: march2})
	require.NoError(t, err)
	_, err = risks.Accept(admin, screens.Ref(), riskreg.Acceptance{ReviewOn: march2 + 365, Justification: "privacy filters fitted"})
	requireField(t, err, "approved_by") // acceptance needs a named approver
	screens, err = risks.Accept(admin, screens.Ref(), riskreg.Acceptance{ApprovedBy: "Dr. Osei, practice owner",
		ReviewOn: march2 + 20, Justification: "privacy filters fitted; residual risk low"})
	require.NoError(t, err)
	require.Equal(t, riskreg.StatusAccepted, screens.Status)
	require.Equal(t, march2, screens.Acceptance.ApprovedOn)

	// The annual risk-analysis task links to the approved snapshot.
	_, err = clinic.ApplyProfile(admin, compliance.ProfileOptions{Name: profiles.HematologyOncology, On: march2})
	require.NoError(t, err)
	a26, err := clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-2026"})
	require.NoError(t, err)
	require.Equal(t, 2026, a26.Year, "a zero year is this year")
	kit.Clock.AddDays(1)
	a26, err = clinic.Analyses().Approve(admin, a26.Ref(), riskreg.Approval{
		Task: compliance.ProgramTaskID(profiles.TemplateRiskAnalysis)})
	require.NoError(t, err)
	require.Equal(t, adminActor.Name, a26.ApprovedBy)
	require.Equal(t, march2+1, a26.ApprovedOn)
	sraTask := riskTasksByID(t, kit, compliance.ProgramTaskID(profiles.TemplateRiskAnalysis))
	require.Len(t, sraTask.Evidence, 1)
	require.Equal(t, "hipaaops:analysis/sra-2026", sraTask.Evidence[0].Location)

	// A year later: one risk closed, one new, and the accepted one past its review date.
	kit.Clock.AddDays(365)
	pa := risk(t, clinic, "starter-pa-vendor-no-baa")
	_, err = risks.Close(admin, pa.Ref(), riskreg.Closing{Note: "BAA signed"})
	require.NoError(t, err)
	_, err = risks.Record(admin, riskreg.Risk{ID: "r-video", Title: "Tumor-board video on a consumer app",
		Asset: "tumor board video calls", ThreatSource: "eavesdropper", ThreatEvent: "interception", Vulnerability: "no BAA, no encryption settings"})
	require.NoError(t, err)
	a27, err := clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-2027", Year: 2027})
	require.NoError(t, err)
	cmp, err := clinic.Analyses().Compare(admin, compliance.CompareOptions{Previous: "sra-2026", Current: "sra-2027"})
	require.NoError(t, err)
	require.Contains(t, cmp.New, riskreg.ID("r-video"))
	require.Contains(t, cmp.Closed, riskreg.ID("starter-pa-vendor-no-baa"))
	require.Contains(t, cmp.AcceptedPastReview, riskreg.ID("starter-infusion-bay-screens"))
	require.NotNil(t, cmp.Increased, "empty lists are [] in JSON")
	md, err := clinic.Analyses().Markdown(admin, compliance.MarkdownOptions{Analysis: a27.ID, Previous: "sra-2026"})
	require.NoError(t, err)
	require.Contains(t, md, "sra-2027")

	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
}

func riskTasksByID(t *testing.T, kit *compliancetest.Kit, id task.ID) task.Task {
	t.Helper()
	var out task.Task
	require.NoError(t, kit.Store.Org(orgID).View(admin, func(tx storage.Tx) (err error) {
		out, err = tx.Tasks().Get(admin, id)
		return err
	}))
	return out
}

// TestRiskMovesRefused: a stale version is a conflict and changes nothing; a frozen
// analysis and a move the risk's state does not allow are failed preconditions; a day in
// the future for an act recorded as done is bad input naming the field as the input's
// JSON does (45 CFR 164.308(a)(1)(ii)(B), 164.316(b)(1)).
func TestRiskMovesRefused(t *testing.T) {
	kit, clinic := setup(t)
	risks := clinic.Risks()
	r, err := risks.Record(admin, riskreg.Risk{Title: "Shared fax line", Asset: "fax", ThreatSource: "staff",
		ThreatEvent: "misdirected fax", Vulnerability: "no cover-sheet check"})
	require.NoError(t, err)
	require.Equal(t, riskreg.ID("risk-1"), r.ID, "an empty id is assigned")
	require.Equal(t, riskreg.MethodHHS3x3, r.Method)
	require.NotNil(t, r.Reviews, "an empty history is [] in JSON")

	stale := r.Ref()
	r, err = risks.Rate(admin, r.Ref(), riskreg.Scoring{Inherent: lv(1, 2), Residual: lv(1, 1)})
	require.NoError(t, err)

	t.Run("stale version", func(t *testing.T) {
		got, err := risks.Review(admin, stale, riskreg.Review{Note: "looked again"})
		require.ErrorIs(t, err, storage.ErrConflict)
		require.Equal(t, compliance.Conflict, compliance.Code(err))
		require.Zero(t, got)
		require.Equal(t, r, risk(t, clinic, r.ID), "nothing changed")
	})

	t.Run("future dates", func(t *testing.T) {
		tomorrow := march2 + 1
		for _, tt := range []struct {
			name, field string
			move        func() (riskreg.Risk, error)
		}{
			{"rated", "rated_on", func() (riskreg.Risk, error) {
				return risks.Rate(admin, r.Ref(), riskreg.Scoring{Inherent: lv(1, 1), Residual: lv(1, 1), On: tomorrow})
			}},
			{"accepted", "approved_on", func() (riskreg.Risk, error) {
				return risks.Accept(admin, r.Ref(), riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: tomorrow, Justification: "low"})
			}},
			{"reviewed", "reviewed_on", func() (riskreg.Risk, error) {
				return risks.Review(admin, r.Ref(), riskreg.Review{On: tomorrow})
			}},
			{"closed", "closed_on", func() (riskreg.Risk, error) {
				return risks.Close(admin, r.Ref(), riskreg.Closing{On: tomorrow, Note: "fax retired"})
			}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				got, err := tt.move()
				requireField(t, err, tt.field)
				require.Zero(t, got)
			})
		}
		_, err := clinic.Controls().Decide(admin, controls.AddressableDecision{Control: "164.312(a)(2)(iv)",
			Decision: controls.DecisionImplemented, DecidedOn: tomorrow})
		requireField(t, err, "decided_on")
		_, err = risks.SetMethod(admin, compliance.MethodChange{Method: riskreg.MethodNIST5x5, On: tomorrow})
		requireField(t, err, "changed_on")
		a, err := clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-x", Year: 2026})
		require.NoError(t, err)
		_, err = clinic.Analyses().Approve(admin, a.Ref(), riskreg.Approval{On: tomorrow})
		requireField(t, err, "approved_on")
	})

	t.Run("illegal in the current state", func(t *testing.T) {
		open, err := risks.Record(admin, riskreg.Risk{Title: "Unrated", Asset: "EHR"})
		require.NoError(t, err)
		_, err = risks.Accept(admin, open.Ref(), riskreg.Acceptance{ApprovedBy: "Dr. Osei", Justification: "low"})
		require.ErrorIs(t, err, riskreg.ErrTransition, "an unrated risk is not accepted")
		require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
		closed, err := risks.Close(admin, open.Ref(), riskreg.Closing{Note: "duplicate"})
		require.NoError(t, err)
		_, err = risks.Rate(admin, closed.Ref(), riskreg.Scoring{Inherent: lv(1, 1), Residual: lv(1, 1)})
		require.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "a closed risk is not rated")
		_, err = risks.Close(admin, closed.Ref(), riskreg.Closing{Note: "again"})
		require.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "closed twice")
		_, err = risks.Reopen(admin, closed.Ref(), riskreg.Reopening{On: march2 + 1, Note: "not a duplicate"})
		requireField(t, err, "reopened_on")
		reopened, err := risks.Reopen(admin, closed.Ref(), riskreg.Reopening{Note: "not a duplicate"})
		require.NoError(t, err)
		require.Equal(t, riskreg.StatusOpen, reopened.Status)
		_, err = risks.Reopen(admin, reopened.Ref(), riskreg.Reopening{Note: "again"})
		require.ErrorIs(t, err, riskreg.ErrTransition)
		require.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "an open risk is not reopened")
	})

	t.Run("frozen analysis", func(t *testing.T) {
		a, err := clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-2026", Year: 2026})
		require.NoError(t, err)
		a, err = clinic.Analyses().Approve(admin, a.Ref(), riskreg.Approval{By: "Dr. Osei"})
		require.NoError(t, err)
		got, err := clinic.Analyses().Approve(admin, a.Ref(), riskreg.Approval{})
		require.ErrorIs(t, err, riskreg.ErrFrozen, "approved twice")
		require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
		require.Zero(t, got)
		_, err = clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-2026", Year: 2026})
		require.Equal(t, compliance.Conflict, compliance.Code(err), "an analysis id is taken once")
		draft, err := clinic.Analyses().Take(admin, compliance.TakeOptions{ID: "sra-draft", Year: 2026})
		require.NoError(t, err)
		_, err = clinic.Analyses().Approve(admin, draft.Ref(), riskreg.Approval{Task: "no-such-task"})
		require.Equal(t, compliance.NotFound, compliance.Code(err))
		draft, err = clinic.Analyses().Get(admin, draft.ID)
		require.NoError(t, err)
		require.False(t, draft.Frozen(), "the approval was rolled back with the missing task")
	})

	t.Run("recording what the moves write", func(t *testing.T) {
		_, err := risks.Record(admin, riskreg.Risk{Title: "x", Asset: "y", Status: riskreg.StatusAccepted})
		requireField(t, err, "status")
		_, err = risks.Record(admin, riskreg.Risk{Title: "x", Asset: "y", Sites: []org.SiteID{"nowhere"}})
		requireField(t, err, "sites[0]")
	})
	_ = kit
}

// TestRiskPaging: the register, the due windows, the analyses and the control decisions
// page with opaque cursors, every record once.
func TestRiskPaging(t *testing.T) {
	_, clinic := setup(t)
	risks := clinic.Risks()
	_, err := risks.SeedStarter(admin, compliance.StarterOptions{})
	require.NoError(t, err)

	var ids []riskreg.ID
	q := compliance.RiskQuery{PageQuery: compliance.PageQuery{Limit: 3}}
	pages := 0
	for {
		p, err := risks.List(admin, q)
		require.NoError(t, err)
		require.LessOrEqual(t, len(p.Items), 3)
		for _, r := range p.Items {
			ids = append(ids, r.ID)
		}
		pages++
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	require.Equal(t, 3, pages, "8 risks by 3")
	require.Len(t, ids, 8)
	require.IsIncreasing(t, ids, "by id")

	_, err = risks.List(admin, compliance.RiskQuery{PageQuery: compliance.PageQuery{Cursor: "not-a-cursor"}})
	requireField(t, err, "cursor")
	_, err = risks.List(admin, compliance.RiskQuery{PageQuery: compliance.PageQuery{Limit: -1}})
	requireField(t, err, "limit")

	// Three risks treated, due on different days: the window lists them by due date.
	for i, id := range []riskreg.ID{"starter-rv-ransomware", "starter-dicom-transfer", "starter-physicist-mfa"} {
		r := risk(t, clinic, id)
		_, err := risks.Treat(admin, r.Ref(), riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate,
			Justification: "planned", Owner: "u-it", Due: march2 + date.Date(30-10*i)})
		require.NoError(t, err)
	}
	p, err := risks.List(admin, compliance.RiskQuery{TreatmentDueBefore: march2 + 100, PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []riskreg.ID{"starter-physicist-mfa", "starter-dicom-transfer"}, []riskreg.ID{p.Items[0].ID, p.Items[1].ID})
	p, err = risks.List(admin, compliance.RiskQuery{TreatmentDueBefore: march2 + 100, PageQuery: compliance.PageQuery{Limit: 2, Cursor: p.Next}})
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	require.Equal(t, riskreg.ID("starter-rv-ransomware"), p.Items[0].ID)
	require.Empty(t, p.Next)
	_, err = risks.List(admin, compliance.RiskQuery{TreatmentDueBefore: march2, ReviewDueBefore: march2})
	requireField(t, err, "review_due_before")

	for _, y := range []int{2024, 2025, 2026} {
		_, err := clinic.Analyses().Take(admin, compliance.TakeOptions{Year: y})
		require.NoError(t, err)
	}
	ap, err := clinic.Analyses().List(admin, compliance.AnalysisQuery{PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, ap.Items, 2)
	require.Equal(t, 2024, ap.Items[0].Year)
	ap, err = clinic.Analyses().List(admin, compliance.AnalysisQuery{PageQuery: compliance.PageQuery{Limit: 2, Cursor: ap.Next}})
	require.NoError(t, err)
	require.Len(t, ap.Items, 1)
	require.Equal(t, 2026, ap.Items[0].Year)
	require.Empty(t, ap.Next)

	for _, id := range []controls.ID{"164.312(a)(2)(iv)", "164.312(e)(2)(ii)", "164.310(d)(2)(iii)"} {
		_, err := clinic.Controls().Decide(admin, controls.AddressableDecision{Control: id, Decision: controls.DecisionImplemented})
		require.NoError(t, err)
	}
	cp, err := clinic.Controls().List(admin, compliance.ControlQuery{PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []controls.ID{"164.310(d)(2)(iii)", "164.312(a)(2)(iv)"}, []controls.ID{cp.Items[0].Control, cp.Items[1].Control})
	require.NotEmpty(t, cp.Next)
	cp, err = clinic.Controls().List(admin, compliance.ControlQuery{PageQuery: compliance.PageQuery{Limit: 2, Cursor: cp.Next}})
	require.NoError(t, err)
	require.Len(t, cp.Items, 1)
	require.Equal(t, controls.ID("164.312(e)(2)(ii)"), cp.Items[0].Control)
	require.Empty(t, cp.Next)
}

// TestRiskMethodAndControls: changing the method re-rates with history kept; the
// posture shows heat maps and addressable specifications without a decision
// (45 CFR 164.306(d)(3)); a required specification takes no decision.
func TestRiskMethodAndControls(t *testing.T) {
	_, clinic := setup(t)
	risks := clinic.Risks()
	_, err := risks.SeedStarter(admin, compliance.StarterOptions{On: march2})
	require.NoError(t, err)
	rep, err := risks.Posture(admin, compliance.PostureOptions{Top: 3})
	require.NoError(t, err)
	require.Len(t, rep.InherentHeatMap, 9, "3x3 grid")
	require.Len(t, rep.TopByRating, 3)
	require.Len(t, rep.UndecidedAddressable, 22)
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	require.Contains(t, string(b), `"inherent_heat_map":[`)
	require.NotContains(t, string(b), "null")
	_, err = risks.Posture(admin, compliance.PostureOptions{Top: -1})
	requireField(t, err, "top")

	changed, err := risks.SetMethod(admin, compliance.MethodChange{Method: riskreg.MethodNIST5x5})
	require.NoError(t, err)
	require.Equal(t, riskreg.MethodHHS3x3, changed.Previous)
	require.Len(t, changed.Rerated, 8)
	require.Equal(t, march2, changed.On)
	rep, err = risks.Posture(admin, compliance.PostureOptions{})
	require.NoError(t, err)
	require.Len(t, rep.InherentHeatMap, 25, "5x5 grid")
	require.Len(t, rep.TopByRating, 8, "fewer than the default top")
	r := risk(t, clinic, "starter-dicom-transfer")
	require.Equal(t, riskreg.MethodNIST5x5, r.Method)
	require.NotEmpty(t, r.Reviews, "the change is in the history")
	var rerated int
	for _, ev := range events(t, clinic) {
		if ev.Type == compliance.EventRiskRerated {
			var p compliance.RiskEvent
			require.NoError(t, json.Unmarshal(ev.Data, &p))
			require.Equal(t, march2, p.On)
			rerated++
		}
	}
	require.Equal(t, 8, rerated, "one event per risk re-rated")
	n := len(events(t, clinic))
	same, err := risks.SetMethod(admin, compliance.MethodChange{Method: riskreg.MethodNIST5x5})
	require.NoError(t, err)
	require.Empty(t, same.Rerated)
	require.Len(t, events(t, clinic), n, "the method already chosen: nothing written")
	_, err = risks.SetMethod(admin, compliance.MethodChange{Method: "fair"})
	requireField(t, err, "method")

	d, err := clinic.Controls().Decide(admin, controls.AddressableDecision{Control: "164.312(e)(2)(ii)", Decision: controls.DecisionAlternative,
		Alternative: "site-to-site VPN", Reason: "the PACS cannot use TLS"})
	require.NoError(t, err)
	require.Equal(t, march2, d.DecidedOn)
	require.Equal(t, adminActor.Name, d.DecidedBy)
	got, err := clinic.Controls().Get(admin, controls.DecisionKey{Control: "164.312(e)(2)(ii)"})
	require.NoError(t, err)
	require.Equal(t, d, got)
	_, err = clinic.Controls().Get(admin, controls.DecisionKey{Control: "164.312(a)(2)(iv)"})
	require.Equal(t, compliance.NotFound, compliance.Code(err))
	_, err = clinic.Controls().Decide(admin, controls.AddressableDecision{Control: "164.308(a)(1)(ii)(A)", Decision: controls.DecisionImplemented})
	requireField(t, err, "control") // a required specification is not decided, it is met
	stale := d
	d.Decision, d.Alternative, d.Reason = controls.DecisionImplemented, "", ""
	_, err = clinic.Controls().Decide(admin, d)
	require.NoError(t, err)
	_, err = clinic.Controls().Decide(admin, stale)
	require.Equal(t, compliance.Conflict, compliance.Code(err), "a decision replaced at a stale version")
	rep, err = risks.Posture(admin, compliance.PostureOptions{Top: 3})
	require.NoError(t, err)
	require.Len(t, rep.UndecidedAddressable, 21)
}

// TestSweepRemindsOfAcceptedRiskReview: an accepted risk's review date is reminded
// before and once after it passes (45 CFR 164.308(a)(1)(ii)(B)).
func TestSweepRemindsOfAcceptedRiskReview(t *testing.T) {
	_, clinic := setup(t)
	risks := clinic.Risks()
	r, err := risks.Record(admin, riskreg.Risk{ID: "r1", Title: "Shared fax line", Asset: "fax", ThreatSource: "staff",
		ThreatEvent: "misdirected fax", Vulnerability: "no cover-sheet check"})
	require.NoError(t, err)
	r, err = risks.Rate(admin, r.Ref(), riskreg.Scoring{Inherent: lv(1, 2), Residual: lv(1, 1), On: march2})
	require.NoError(t, err)
	_, err = risks.Accept(admin, r.Ref(), riskreg.Acceptance{ApprovedBy: "Dr. Osei", ReviewOn: march2 + 10, Justification: "low"})
	require.NoError(t, err)
	reviews := func(asOf date.Date) []compliance.Reminder {
		res, err := clinic.Sweep(admin, compliance.SweepOptions{AsOf: asOf})
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
