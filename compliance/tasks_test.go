//go:build oldapi

package compliance_test

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func tasksAbout(t *testing.T, e *compliance.Engine, typ, id string) []task.Task {
	t.Helper()
	ts, err := e.Tasks(admin, orgID, storage.TaskQuery{Subject: task.Subject{Type: typ, ID: id}})
	require.NoError(t, err)
	return ts
}

// TestRulesCreateTasks: each default rule creates its task in the use case's
// transaction, with the template's citation and due date.
func TestRulesCreateTasks(t *testing.T) {
	e, _, _ := setup(t)

	// 45 CFR 164.502(e), 164.308(b): a vendor receiving PHI → BA assessment in 14 days.
	v, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataMedication}})
	require.NoError(t, err)
	ts := tasksAbout(t, e, "vendor", string(v.ID))
	require.Len(t, ts, 1)
	require.Equal(t, profiles.TemplateBAAssessment, ts[0].TemplateID)
	require.Equal(t, march2+14, ts[0].DueOn)
	require.Equal(t, "vendor.added", ts[0].Trigger)

	// A vendor that receives no PHI gets no assessment task.
	isp, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: "Fiber ISP", Category: vendors.CategoryOther})
	require.NoError(t, err)
	require.Empty(t, tasksAbout(t, e, "vendor", string(isp.ID)))

	// 164.504(e): signing → the annual review, due at the BAA's next review date, recurring.
	v, err = e.DetermineBA(admin, orgID, v.ID, v.Version, vendors.Determination{Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses for us"})
	require.NoError(t, err)
	v, err = e.RequestBAA(admin, orgID, v.ID, v.Version, march2, "")
	require.NoError(t, err)
	v, err = e.SignBAA(admin, orgID, v.ID, v.Version, vendors.Signing{SignedOn: march2, EffectiveOn: march2 + 1,
		Clauses: vendors.ClauseValues(), ReportingDays: 30})
	require.NoError(t, err)
	ts = tasksAbout(t, e, "vendor", string(v.ID))
	require.Len(t, ts, 2)
	review := ts[1]
	require.Equal(t, profiles.TemplateBAAReview, review.TemplateID)
	require.Equal(t, v.BAA.NextReviewOn, review.DueOn)
	require.Equal(t, march2, review.TriggeredOn, "counted from the signing date")

	// Each review schedules the next review task from the BAA's own next review date, so
	// a late review moves both together.
	v, err = e.ReviewBAA(admin, orgID, v.ID, v.Version, march2+3, "reviewed early")
	require.NoError(t, err)
	ts = tasksAbout(t, e, "vendor", string(v.ID))
	require.Len(t, ts, 3)
	require.Equal(t, v.BAA.NextReviewOn, ts[2].DueOn)
	require.Equal(t, profiles.TemplateBAAReview, ts[2].TemplateID)
	_, err = e.CompleteTask(admin, orgID, review.ID, review.Version, march2+3)
	require.ErrorIs(t, err, task.ErrEvidenceRequired)
	review, err = e.AddEvidence(admin, orgID, review.ID, review.Version, task.Evidence{Name: "review notes", Location: "dms://r", SHA256: sha})
	require.NoError(t, err)
	review, err = e.CompleteTask(admin, orgID, review.ID, review.Version, march2+3)
	require.NoError(t, err)
	require.Empty(t, review.NextID, "the rule, not the series, schedules the next review")

	// 164.504(e)(2)(ii)(J): termination → confirm return or destruction in 30 days.
	v, err = e.TerminateBAA(admin, orgID, v.ID, v.Version, vendors.Termination{On: march2 + 5, Reason: "switched pharmacy"})
	require.NoError(t, err)
	ts = tasksAbout(t, e, "vendor", string(v.ID))
	require.Len(t, ts, 4)
	require.Equal(t, profiles.TemplatePHIDisposition, ts[1].TemplateID, "listed by due date")
	require.Equal(t, march2+5+30, ts[1].DueOn, "30 days from the termination date")

	// 164.508 / 164.512(i): a trial opened → its HIPAA file.
	tr, err := e.OpenTrial(admin, orgID, trials.Trial{Title: "Phase II bispecific", Sponsor: v.ID, Sites: []org.SiteID{"main"}})
	require.NoError(t, err)
	ts = tasksAbout(t, e, "trial", string(tr.ID))
	require.Len(t, ts, 1)
	require.Equal(t, profiles.TemplateTrialHIPAAFile, ts[0].TemplateID)
	require.Equal(t, org.SiteID("main"), ts[0].Site)
	require.NotEmpty(t, ts[0].Checklist)

	// 164.308(a)(5): a member joins → training within 30 days, assigned to the member,
	// with the role's modules on the checklist.
	m, err := e.AddMember(admin, orgID, workforce.Member{Name: "Kim Park", Role: workforce.RoleNurse, Sites: []org.SiteID{"inf"}})
	require.NoError(t, err)
	ts = tasksAbout(t, e, "member", string(m.ID))
	require.Len(t, ts, 1)
	require.Equal(t, march2+30, ts[0].DueOn)
	require.Equal(t, task.Assignee{Person: string(m.ID)}, ts[0].Assignee)
	var items []string
	for _, it := range ts[0].Checklist {
		items = append(items, it.Text)
	}
	require.Contains(t, items, "Complete module: infusion_suite")
	require.Contains(t, items, "Complete module: general_hipaa")

	// 164.308(a)(4)(ii)(C): a role change → access review; 164.308(a)(3)(ii)(C): leaving →
	// access revocation the same day.
	m, err = e.ChangeMemberRole(admin, orgID, m.ID, m.Version, workforce.RolePharmacist)
	require.NoError(t, err)
	m, err = e.MemberLeaves(admin, orgID, m.ID, m.Version, march2+3)
	require.NoError(t, err)
	ts = tasksAbout(t, e, "member", string(m.ID))
	require.Len(t, ts, 3)
	// By due date: the revocation (the member's last day), the access review (7 days),
	// the training (30 days).
	require.Equal(t, []task.TemplateID{profiles.TemplateAccessRevocation, profiles.TemplateAccessReview, profiles.TemplateTraining},
		[]task.TemplateID{ts[0].TemplateID, ts[1].TemplateID, ts[2].TemplateID})
	require.Equal(t, march2+3, ts[0].DueOn, "revocation is due on the last day, not the day it was recorded")

	_, err = e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
}

// TestRulesAreData: rules can be disabled, and a rule naming an unknown template makes
// every use case fail with a typed error, writing nothing.
func TestRulesAreData(t *testing.T) {
	rules := compliance.DefaultRules()
	for i := range rules {
		rules[i].Disabled = rules[i].Name == "vendor-ba-assessment"
	}
	s := memory.New()
	e := compliance.New(s, compliance.Options{Rules: rules, Now: func() time.Time { return time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC) }})
	_, err := e.CreateOrganization(admin, org.Organization{ID: orgID, Name: "X", TimeZone: "America/Chicago"})
	require.NoError(t, err)
	v, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: "Lab", Category: vendors.CategoryLaboratory, DataShared: []vendors.DataCategory{vendors.DataPathology}})
	require.NoError(t, err)
	require.Empty(t, tasksAbout(t, e, "vendor", string(v.ID)), "the disabled rule created nothing")

	bad := append(compliance.DefaultRules(), compliance.Rule{Name: "typo", On: compliance.EventVendorAdded, Template: "no-such-template"})
	e2 := compliance.New(s, compliance.Options{Rules: bad})
	var re *compliance.RuleError
	require.ErrorAs(t, e2.Err(), &re)
	require.Equal(t, "typo", re.Rule)
	require.ErrorIs(t, e2.Err(), compliance.ErrUnknownTemplate)
	_, err = e2.AddVendor(admin, orgID, vendors.Vendor{Name: "Never stored", Category: vendors.CategoryEHR})
	require.ErrorIs(t, err, compliance.ErrUnknownTemplate)
	vs, err := e.Vendors(admin, orgID, storage.VendorQuery{})
	require.NoError(t, err)
	require.Len(t, vs, 1)
}

// TestCompleteRecurringTask: evidence is required before completion (45 CFR
// 164.316(b)); completing creates the next occurrence once; a stored template change
// applies to the next occurrence only.
func TestCompleteRecurringTask(t *testing.T) {
	e, _, s := setup(t)
	created, err := e.ApplyProfile(admin, orgID, profiles.HematologyOncology, march2)
	require.NoError(t, err)
	require.NotEmpty(t, created)
	again, err := e.ApplyProfile(admin, orgID, profiles.HematologyOncology, march2)
	require.NoError(t, err)
	require.Empty(t, again, "applying a profile twice starts nothing twice")

	sra, err := e.Task(admin, orgID, compliance.ProgramTaskID(profiles.TemplateRiskAnalysis))
	require.NoError(t, err)
	require.Equal(t, "45 CFR 164.308(a)(1)(ii)(A)", sra.Citation)

	before := countEvents(t, e)
	_, err = e.CompleteTask(admin, orgID, sra.ID, sra.Version, march2+10)
	require.ErrorIs(t, err, task.ErrEvidenceRequired)
	require.Equal(t, before, countEvents(t, e), "nothing written")

	// A changed template: the current task keeps its title, the next one gets the new.
	tpl, err := e.Template(admin, orgID, profiles.TemplateRiskAnalysis)
	require.NoError(t, err)
	tpl.Title = "Annual security risk analysis (NIST SP 800-30 method)"
	_, err = e.SaveTemplate(admin, orgID, tpl)
	require.NoError(t, err)

	sra, err = e.AddEvidence(admin, orgID, sra.ID, sra.Version, task.Evidence{Name: "SRA 2026.pdf", Location: "dms://sra/2026.pdf", SHA256: sha})
	require.NoError(t, err)
	done, err := e.CompleteTask(admin, orgID, sra.ID, sra.Version, march2+40)
	require.NoError(t, err)
	require.Equal(t, task.StateDone, done.State)
	require.NotEmpty(t, done.NextID)
	next, err := e.Task(admin, orgID, done.NextID)
	require.NoError(t, err)
	require.Equal(t, 2, next.Occurrence)
	require.Equal(t, done.Series, next.Series)
	require.Equal(t, tpl.Title, next.Title)
	require.NotEqual(t, tpl.Title, done.Title)
	require.Equal(t, done.Recurrence.NextFrom(done.SeriesStart, 1), next.DueOn, "calendar anchor: the schedule holds however late the completion")

	_, err = e.CompleteTask(admin, orgID, done.ID, done.Version, march2+41)
	require.ErrorIs(t, err, task.ErrTransition)
	series, err := e.Tasks(admin, orgID, storage.TaskQuery{Series: done.Series})
	require.NoError(t, err)
	require.Len(t, series, 2, "exactly one next occurrence")
	_ = s
}

func countEvents(t *testing.T, e *compliance.Engine) int {
	t.Helper()
	evs, err := e.Events(admin, orgID, 0, 0)
	require.NoError(t, err)
	return len(evs)
}

// TestSweep: reminders per threshold, overdue and escalation once, BAA reviews and
// stalled follow-ups; a second sweep of the same day emits nothing.
func TestSweep(t *testing.T) {
	e, _, _ := setup(t)
	mk := func(due date.Date) task.Task {
		tk, err := e.CreateTask(admin, orgID, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 60, DueOn: due, Site: "main"})
		require.NoError(t, err)
		return tk
	}
	in5 := mk(march2 + 5)
	in20 := mk(march2 + 20)
	late3 := mk(march2 - 3)
	late20 := mk(march2 - 20)
	mk(march2 + 90) // beyond every threshold

	v := addBA(t, e, "Stalled Lab", vendors.CategoryLaboratory)
	_, err := e.RequestBAA(admin, orgID, v.ID, v.Version, march2-45, "")
	require.NoError(t, err)

	res, err := e.Sweep(admin, orgID, compliance.SweepOptions{AsOf: march2})
	require.NoError(t, err)
	type got struct {
		typ       event.Type
		id        string
		threshold int
	}
	var gots []got
	for _, r := range res.Reminders {
		id := string(r.Task)
		if r.Vendor != "" {
			id = string(r.Vendor)
		}
		gots = append(gots, got{r.Type, id, r.Threshold})
	}
	require.ElementsMatch(t, []got{
		{compliance.EventReminderTaskDue, string(in5.ID), 7}, // late start: only the nearest threshold
		{compliance.EventReminderTaskDue, string(in20.ID), 30},
		{compliance.EventReminderTaskOverdue, string(late3.ID), 0},
		{compliance.EventReminderTaskOverdue, string(late20.ID), 0},
		{compliance.EventReminderTaskEscalated, string(late20.ID), 0},
		{compliance.EventReminderBAAStalled, string(v.ID), 0},
	}, gots)
	for _, r := range res.Reminders {
		if r.Type == compliance.EventReminderTaskEscalated {
			require.Equal(t, task.RoleManager, r.EscalateTo)
		}
	}

	again, err := e.Sweep(admin, orgID, compliance.SweepOptions{AsOf: march2})
	require.NoError(t, err)
	require.Empty(t, again.Reminders, "each reminder once")

	// Four days later in5 crosses the 1-day threshold; nothing else is new.
	later, err := e.Sweep(admin, orgID, compliance.SweepOptions{AsOf: march2 + 4})
	require.NoError(t, err)
	require.Len(t, later.Reminders, 1)
	require.Equal(t, in5.ID, later.Reminders[0].Task)
	require.Equal(t, 1, later.Reminders[0].Threshold)

	_, err = e.Sweep(admin, orgID, compliance.SweepOptions{DueSoonDays: []int{-1}})
	require.Error(t, err)
	_, err = e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
}

// TestTaskBadInput: a due date before the trigger and an unknown template are typed
// errors that write nothing.
func TestTaskBadInput(t *testing.T) {
	e, _, _ := setup(t)
	before := countEvents(t, e)
	_, err := e.CreateTask(admin, orgID, profiles.TemplateRiskAnalysis, task.NewParams{TriggeredOn: march2, DueOn: march2 - 1})
	require.ErrorIs(t, err, validation.ErrInvalid)
	_, err = e.CreateTask(admin, orgID, "nope", task.NewParams{})
	require.ErrorIs(t, err, compliance.ErrUnknownTemplate)
	_, err = e.CreateTask(admin, orgID, profiles.TemplateRiskAnalysis, task.NewParams{Site: "elsewhere"})
	require.ErrorIs(t, err, validation.ErrInvalid)
	bad := task.Template{ID: "custom", Title: "Custom", Citation: "45 CFR 164.316", DefaultRole: task.RoleManager,
		Recurrence: &task.Recurrence{Every: 0, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}}
	_, err = e.SaveTemplate(admin, orgID, bad)
	var verr *validation.Error
	require.True(t, errors.As(err, &verr))
	require.Equal(t, before, countEvents(t, e))
}

// TestRosterAndTrials: training completion by role (45 CFR 164.308(a)(5)); a trial's
// sponsor must be a vendor, and it enrolls only with a research basis (164.508 /
// 164.512(i)).
func TestRosterAndTrials(t *testing.T) {
	e, _, _ := setup(t)
	kim, err := e.AddMember(admin, orgID, workforce.Member{ID: "m-kim", Name: "Kim Park", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	_, err = e.AddMember(admin, orgID, workforce.Member{ID: "m-lee", Name: "Ann Lee", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	for _, m := range []workforce.Module{workforce.ModuleGeneralHIPAA, workforce.ModuleInfusionSuite} {
		kim, err = e.RecordTraining(admin, orgID, kim.ID, kim.Version, workforce.Completion{Module: m, CompletedOn: march2 - 10})
		require.NoError(t, err)
	}
	byRole, err := e.TrainingByRole(admin, orgID, march2, 12)
	require.NoError(t, err)
	require.Equal(t, []workforce.RoleCompletion{{Role: workforce.RoleNurse, Members: 2, Complete: 1}}, byRole)

	_, err = e.OpenTrial(admin, orgID, trials.Trial{Title: "T", Sponsor: "v-missing"})
	require.ErrorIs(t, err, validation.ErrInvalid)
	v := addBA(t, e, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	tr, err := e.OpenTrial(admin, orgID, trials.Trial{ID: "tr-1", Title: "Phase I", Sponsor: v.ID})
	require.NoError(t, err)
	_, err = e.StartEnrolling(admin, orgID, tr.ID, tr.Version, "", march2)
	require.ErrorIs(t, err, validation.ErrInvalid, "no research basis chosen")
	tr, err = e.StartEnrolling(admin, orgID, tr.ID, tr.Version, trials.BasisAuthorization, march2)
	require.NoError(t, err)
	require.Equal(t, trials.StatusEnrolling, tr.Status)
	open, err := e.Tasks(admin, orgID, storage.TaskQuery{Open: true, Subject: task.Subject{Type: "trial", ID: "tr-1"}})
	require.NoError(t, err)
	require.Len(t, open, 1, "the trial's open HIPAA-file checklist")
}

// TestInventoryMissingCategories: a profile's expected vendor categories that the
// inventory lacks are reported; an unknown profile is a validation error.
func TestInventoryMissingCategories(t *testing.T) {
	e, _, _ := setup(t)
	addBA(t, e, "Cedarline EHR", vendors.CategoryEHR)
	inv, err := e.Inventory(admin, orgID, compliance.InventoryOptions{AsOf: march2, Profile: profiles.InfusionCenter})
	require.NoError(t, err)
	p, _ := profiles.Get(profiles.InfusionCenter)
	require.Len(t, inv.MissingCategories, len(p.VendorCategories)-1)
	require.NotContains(t, inv.MissingCategories, vendors.CategoryEHR)
	require.Contains(t, inv.MissingCategories, vendors.CategorySpecialtyPharmacy)
	_, err = e.Inventory(admin, orgID, compliance.InventoryOptions{Profile: "dermatology"})
	require.ErrorIs(t, err, validation.ErrInvalid)
}
