package compliance_test

import (
	"errors"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// tasksAbout lists every task about the record kind/id, by due date.
func tasksAbout(t *testing.T, clinic *compliance.Org, kind record.Kind, id string) []task.Task {
	t.Helper()
	p, err := clinic.Tasks().List(admin, compliance.TaskQuery{Subject: task.Subject{Type: kind, ID: id}})
	require.NoError(t, err)
	require.Empty(t, p.Next)
	return p.Items
}

// countEvents counts the organization's events, page by page.
func countEvents(t *testing.T, clinic *compliance.Org) int {
	t.Helper()
	n := 0
	q := compliance.EventQuery{PageQuery: compliance.PageQuery{Limit: compliance.MaxPageSize}}
	for {
		p, err := clinic.Events().List(admin, q)
		require.NoError(t, err)
		n += len(p.Items)
		if p.Next == "" {
			return n
		}
		q.Cursor = p.Next
	}
}

// TestRulesCreateTasks: each default rule creates its task in the use case's
// transaction, with the template's citation and due date.
func TestRulesCreateTasks(t *testing.T) {
	kit, clinic := setup(t)

	// 45 CFR 164.502(e), 164.308(b): a vendor receiving PHI → BA assessment in 14 days.
	v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy,
		DataShared: []vendors.DataCategory{vendors.DataMedication}})
	require.NoError(t, err)
	ts := tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 1)
	require.Equal(t, profiles.TemplateBAAssessment, ts[0].TemplateID)
	require.Equal(t, march2+14, ts[0].DueOn)
	require.Equal(t, "vendor.added", ts[0].Trigger)

	// A vendor that receives no PHI gets no assessment task.
	isp, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Fiber ISP", Category: vendors.CategoryOther})
	require.NoError(t, err)
	require.Empty(t, tasksAbout(t, clinic, record.KindVendor, string(isp.ID)))

	// 164.504(e): signing → the annual review, due at the BAA's next review date.
	v, err = clinic.Vendors().Determine(admin, v.Ref(), vendors.Determination{Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses for us"})
	require.NoError(t, err)
	v, err = clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{On: march2})
	require.NoError(t, err)
	v, err = clinic.Vendors().SignBAA(admin, v.Ref(), vendors.Signing{SignedOn: march2, EffectiveOn: march2 + 1,
		Clauses: vendors.ClauseValues(), ReportingDays: 30})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 2)
	review := ts[1]
	require.Equal(t, profiles.TemplateBAAReview, review.TemplateID)
	require.Equal(t, v.BAA.NextReviewOn, review.DueOn)
	require.Equal(t, march2, review.TriggeredOn, "counted from the signing date")

	// Each review schedules the next review task from the BAA's own next review date, so
	// a late review moves both together. The review documents its evidence
	// (164.316(b)(1)(ii)).
	kit.Clock.AddDays(3)
	v, err = clinic.Vendors().ReviewBAA(admin, v.Ref(), vendors.Move{On: march2 + 3, Note: "reviewed early"})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 3)
	require.Equal(t, v.BAA.NextReviewOn, ts[2].DueOn)
	require.Equal(t, profiles.TemplateBAAReview, ts[2].TemplateID)
	_, err = clinic.Tasks().Complete(admin, review.Ref(), task.Completion{On: march2 + 3})
	require.ErrorIs(t, err, task.ErrEvidenceRequired)
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	review, err = clinic.Tasks().AddEvidence(admin, review.Ref(), task.Evidence{Name: "review notes", Location: "dms://r", SHA256: sha})
	require.NoError(t, err)
	require.Equal(t, adminActor.Name, review.Evidence[0].AddedBy, "the actor added it")
	require.Equal(t, march2+3, review.Evidence[0].AddedOn, "today")
	review, err = clinic.Tasks().Complete(admin, review.Ref(), task.Completion{On: march2 + 3})
	require.NoError(t, err)
	require.Empty(t, review.NextID, "the rule, not the series, schedules the next review")

	// 164.504(e)(2)(ii)(J): termination → confirm return or destruction in 30 days.
	kit.Clock.AddDays(2)
	v, err = clinic.Vendors().TerminateBAA(admin, v.Ref(), vendors.Termination{On: march2 + 5, Reason: "switched pharmacy"})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 4)
	require.Equal(t, profiles.TemplatePHIDisposition, ts[1].TemplateID, "listed by due date")
	require.Equal(t, march2+5+30, ts[1].DueOn, "30 days from the termination date")

	// 164.508 / 164.512(i): a trial opened → its HIPAA file.
	tr, err := clinic.Trials().Open(admin, trials.Trial{Title: "Phase II bispecific", Sponsor: v.ID, Sites: []org.SiteID{"main"}})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindTrial, string(tr.ID))
	require.Len(t, ts, 1)
	require.Equal(t, profiles.TemplateTrialHIPAAFile, ts[0].TemplateID)
	require.Equal(t, org.SiteID("main"), ts[0].Site)
	require.NotEmpty(t, ts[0].Checklist)

	// 164.308(a)(5): a member joins → training within 30 days, assigned to the member,
	// with the role's modules on the checklist.
	today := march2 + 5
	m, err := clinic.Roster().Add(admin, workforce.Member{Name: "Kim Park", Role: workforce.RoleNurse, Sites: []org.SiteID{"inf"}})
	require.NoError(t, err)
	require.Equal(t, today, m.StartOn, "a zero start day is today")
	ts = tasksAbout(t, clinic, record.KindMember, string(m.ID))
	require.Len(t, ts, 1)
	require.Equal(t, today+30, ts[0].DueOn)
	require.Equal(t, task.Assignee{Person: string(m.ID)}, ts[0].Assignee)
	var items []string
	for _, it := range ts[0].Checklist {
		items = append(items, it.Text)
	}
	require.Contains(t, items, "Complete module: infusion_suite")
	require.Contains(t, items, "Complete module: general_hipaa")

	// 164.308(a)(4)(ii)(C): a role change → access review; 164.308(a)(3)(ii)(C): leaving →
	// access revocation on the last day, even one ahead.
	m, err = clinic.Roster().ChangeRole(admin, m.Ref(), workforce.RoleChange{Role: workforce.RolePharmacist})
	require.NoError(t, err)
	require.Equal(t, workforce.RolePharmacist, m.Role)
	m, err = clinic.Roster().Leave(admin, m.Ref(), workforce.Leaving{On: today + 3})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindMember, string(m.ID))
	require.Len(t, ts, 3)
	// By due date: the revocation (the member's last day), the access review (7 days),
	// the training (30 days).
	require.Equal(t, []task.TemplateID{profiles.TemplateAccessRevocation, profiles.TemplateAccessReview, profiles.TemplateTraining},
		[]task.TemplateID{ts[0].TemplateID, ts[1].TemplateID, ts[2].TemplateID})
	require.Equal(t, today+3, ts[0].DueOn, "revocation is due on the last day, not the day it was recorded")

	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
}

// TestRulesAreData: rules can be disabled; a rule naming an unknown template or an
// event the engine never records is refused by New.
func TestRulesAreData(t *testing.T) {
	rules := compliance.DefaultRules()
	for i := range rules {
		rules[i].Disabled = rules[i].Name == "vendor-ba-assessment"
	}
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Actor: adminActor, Engine: compliance.Options{Rules: rules}})
	clinic := kit.CreateOrganization(t, org.Organization{ID: orgID, Name: "X", TimeZone: "America/Chicago"})
	v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Lab", Category: vendors.CategoryLaboratory, DataShared: []vendors.DataCategory{vendors.DataPathology}})
	require.NoError(t, err)
	require.Empty(t, tasksAbout(t, clinic, record.KindVendor, string(v.ID)), "the disabled rule created nothing")

	bad := append(compliance.DefaultRules(), compliance.Rule{Name: "typo", On: compliance.EventVendorAdded, Template: "no-such-template"})
	e2, err := compliance.New(memory.New(), compliance.Options{Rules: bad})
	require.Nil(t, e2)
	var re *compliance.RuleError
	require.ErrorAs(t, err, &re)
	require.Equal(t, "typo", re.Rule)
	require.ErrorIs(t, err, compliance.ErrUnknownTemplate)
	require.ErrorIs(t, err, compliance.ErrBadOptions)

	unknown := append(compliance.DefaultRules(), compliance.Rule{Name: "typo", On: "vendor.add", Template: profiles.TemplateBAAssessment})
	_, err = compliance.New(memory.New(), compliance.Options{Rules: unknown})
	require.ErrorAs(t, err, &re)
	require.ErrorIs(t, err, compliance.ErrBadOptions)
	require.ErrorContains(t, err, `"vendor.add" is not one the engine records`)
}

// TestRuleOnTaskEvent: an embedder's rule on a task event makes its task about what
// the completed task was about.
func TestRuleOnTaskEvent(t *testing.T) {
	rules := append(compliance.DefaultRules(), compliance.Rule{Name: "after-assessment",
		On: compliance.EventTaskCompleted, Template: profiles.TemplateBAAReview})
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Actor: adminActor, Engine: compliance.Options{Rules: rules}})
	clinic := kit.CreateOrganization(t, org.Organization{ID: orgID, Name: "X", TimeZone: "America/Chicago",
		Sites: []org.Site{{ID: "main", Name: "Cancer Center"}}})
	v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Lab", Category: vendors.CategoryLaboratory, DataShared: []vendors.DataCategory{vendors.DataPathology}})
	require.NoError(t, err)
	ts := tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 1)
	assessment := ts[0]
	if assessment.EvidenceRequired {
		assessment, err = clinic.Tasks().AddEvidence(admin, assessment.Ref(), task.Evidence{Name: "n", Location: "dms://n", SHA256: sha})
		require.NoError(t, err)
	}
	_, err = clinic.Tasks().Complete(admin, assessment.Ref(), task.Completion{})
	require.NoError(t, err)
	ts = tasksAbout(t, clinic, record.KindVendor, string(v.ID))
	require.Len(t, ts, 2)
	require.Equal(t, profiles.TemplateBAAReview, ts[1].TemplateID)
	require.Equal(t, string(compliance.EventTaskCompleted), ts[1].Trigger)
}

// TestCompleteRecurringTask: evidence is required before completion (45 CFR
// 164.316(b)); completing creates the next occurrence once; a stored template change
// applies to the next occurrence only.
func TestCompleteRecurringTask(t *testing.T) {
	kit, clinic := setup(t)
	created, err := clinic.ApplyProfile(admin, compliance.ProfileOptions{Name: profiles.HematologyOncology, On: march2})
	require.NoError(t, err)
	require.NotEmpty(t, created)
	again, err := clinic.ApplyProfile(admin, compliance.ProfileOptions{Name: profiles.HematologyOncology, On: march2})
	require.NoError(t, err)
	require.Empty(t, again, "applying a profile twice starts nothing twice")

	sra, err := clinic.Tasks().Get(admin, compliance.ProgramTaskID(profiles.TemplateRiskAnalysis))
	require.NoError(t, err)
	require.Equal(t, "45 CFR 164.308(a)(1)(ii)(A)", sra.Citation)

	kit.Clock.AddDays(40)
	before := countEvents(t, clinic)
	out, err := clinic.Tasks().Complete(admin, sra.Ref(), task.Completion{On: march2 + 10})
	require.ErrorIs(t, err, task.ErrEvidenceRequired)
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	require.Zero(t, out, "the zero value on error")
	require.Equal(t, before, countEvents(t, clinic), "nothing written")

	// A changed template: the current task keeps its title, the next one gets the new.
	tpl, err := clinic.Tasks().Template(admin, profiles.TemplateRiskAnalysis)
	require.NoError(t, err)
	require.Zero(t, tpl.Version, "the library's")
	tpl.Title = "Annual security risk analysis (NIST SP 800-30 method)"
	tpl, err = clinic.Tasks().SaveTemplate(admin, tpl)
	require.NoError(t, err)
	require.EqualValues(t, 1, tpl.Version)

	sra, err = clinic.Tasks().AddEvidence(admin, sra.Ref(), task.Evidence{Name: "SRA 2026.pdf", Location: "dms://sra/2026.pdf", SHA256: sha})
	require.NoError(t, err)
	done, err := clinic.Tasks().Complete(admin, sra.Ref(), task.Completion{})
	require.NoError(t, err)
	require.Equal(t, task.StateDone, done.State)
	require.Equal(t, march2+40, done.CompletedOn, "a zero day is today")
	require.NotEmpty(t, done.NextID)
	next, err := clinic.Tasks().Get(admin, done.NextID)
	require.NoError(t, err)
	require.Equal(t, 2, next.Occurrence)
	require.Equal(t, done.Series, next.Series)
	require.Equal(t, tpl.Title, next.Title)
	require.NotEqual(t, tpl.Title, done.Title)
	require.Equal(t, done.Recurrence.NextFrom(done.SeriesStart, 1), next.DueOn, "calendar anchor: the schedule holds however late the completion")

	_, err = clinic.Tasks().Complete(admin, done.Ref(), task.Completion{})
	require.ErrorIs(t, err, task.ErrTransition)
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	series, err := clinic.Tasks().List(admin, compliance.TaskQuery{Series: done.Series})
	require.NoError(t, err)
	require.Len(t, series.Items, 2, "exactly one next occurrence")
}

// TestTaskMoves: each move records its day (zero: today in the organization's zone,
// March 2 in Chicago while it is March 3 in UTC) and the actor.
func TestTaskMoves(t *testing.T) {
	_, clinic := setup(t)
	tk, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 10, Site: "main"})
	require.NoError(t, err)
	require.Equal(t, "manual", tk.Trigger)
	require.Equal(t, task.StateOpen, tk.State)

	tk, err = clinic.Tasks().Assign(admin, tk.Ref(), task.Assignee{Person: "u-7"})
	require.NoError(t, err)
	require.Equal(t, "u-7", tk.Assignee.Person)
	tk, err = clinic.Tasks().Block(admin, tk.Ref(), task.Blocking{On: march2 - 5, Reason: "waiting for the vendor"})
	require.NoError(t, err)
	require.Equal(t, task.StateBlocked, tk.State)
	_, err = clinic.Tasks().Block(admin, tk.Ref(), task.Blocking{Reason: "again"})
	require.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "blocked → blocked is illegal")
	tk, err = clinic.Tasks().Start(admin, tk.Ref(), task.Start{})
	require.NoError(t, err)
	require.Equal(t, march2, tk.History[len(tk.History)-1].On, "today in Chicago")
	require.Equal(t, adminActor.Name, tk.History[len(tk.History)-1].By)
	if len(tk.Checklist) > 0 {
		tk, err = clinic.Tasks().CheckItem(admin, tk.Ref(), task.Check{Item: 0})
		require.NoError(t, err)
		require.True(t, tk.Checklist[0].Done)
		require.Equal(t, march2, tk.Checklist[0].DoneOn)
		_, err = clinic.Tasks().CheckItem(admin, tk.Ref(), task.Check{Item: len(tk.Checklist)})
		requireField(t, err, "item")
	}
	_, err = clinic.Tasks().Skip(admin, tk.Ref(), task.Skipping{})
	requireField(t, err, "reason")
	tk, err = clinic.Tasks().Skip(admin, tk.Ref(), task.Skipping{Reason: "tabletop merged with the annual drill"})
	require.NoError(t, err)
	require.Equal(t, task.StateSkipped, tk.State)
	_, err = clinic.Tasks().Assign(admin, tk.Ref(), task.Assignee{Role: task.RoleManager})
	requireField(t, err, "state")

	// Every move was audited and emitted an event.
	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
	p, err := clinic.Events().List(admin, compliance.EventQuery{})
	require.NoError(t, err)
	var types []event.Type
	for _, e := range p.Items {
		if e.ObjectType == record.KindTask && e.ObjectID == string(tk.ID) {
			types = append(types, e.Type)
		}
	}
	want := []event.Type{compliance.EventTaskCreated}
	for range len(tk.History) + 1 + min(len(tk.Checklist), 1) { // the moves, the assignment, the item
		want = append(want, compliance.EventTaskChanged)
	}
	require.Equal(t, want, types, "one event per change, none for the refused ones")
}

// TestFutureDatesRefused: what is recorded as done cannot have happened yet
// (45 CFR 164.316(b)(1)(ii): the documentation of an action must be true; 164.308(a)(5)
// and 164.530(b)(2)(ii) for training; 164.508 / 164.512(i) for trials). Each refusal
// names the field as the caller wrote it and changes nothing.
func TestFutureDatesRefused(t *testing.T) {
	_, clinic := setup(t)
	tomorrow := march2 + 1
	tk, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 10})
	require.NoError(t, err)
	m, err := clinic.Roster().Add(admin, workforce.Member{Name: "Kim Park", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	v := addBA(t, clinic, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	tr, err := clinic.Trials().Open(admin, trials.Trial{Title: "Phase I", Sponsor: v.ID, OpenedOn: march2 - 30, Basis: trials.BasisAuthorization})
	require.NoError(t, err)

	tests := []struct {
		name, field string
		do          func() (any, error)
	}{
		{"start", "on", func() (any, error) { return clinic.Tasks().Start(admin, tk.Ref(), task.Start{On: tomorrow}) }},
		{"block", "on", func() (any, error) {
			return clinic.Tasks().Block(admin, tk.Ref(), task.Blocking{On: tomorrow, Reason: "r"})
		}},
		{"skip", "on", func() (any, error) {
			return clinic.Tasks().Skip(admin, tk.Ref(), task.Skipping{On: tomorrow, Reason: "r"})
		}},
		{"complete", "on", func() (any, error) { return clinic.Tasks().Complete(admin, tk.Ref(), task.Completion{On: tomorrow}) }},
		{"check", "on", func() (any, error) { return clinic.Tasks().CheckItem(admin, tk.Ref(), task.Check{On: tomorrow}) }},
		{"evidence", "added_on", func() (any, error) {
			return clinic.Tasks().AddEvidence(admin, tk.Ref(), task.Evidence{Name: "n", Location: "l", SHA256: sha, AddedOn: tomorrow})
		}},
		{"training", "completed_on", func() (any, error) {
			return clinic.Roster().RecordTraining(admin, m.Ref(), workforce.Completion{Module: workforce.ModuleGeneralHIPAA, CompletedOn: tomorrow})
		}},
		{"trial opened", "opened_on", func() (any, error) {
			return clinic.Trials().Open(admin, trials.Trial{Title: "Phase III", Sponsor: v.ID, OpenedOn: tomorrow})
		}},
		{"enrolling", "on", func() (any, error) {
			return clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{On: tomorrow})
		}},
		{"trial closed", "on", func() (any, error) { return clinic.Trials().Close(admin, tr.Ref(), trials.Closing{On: tomorrow}) }},
	}
	before := countEvents(t, clinic)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.do()
			requireField(t, err, tt.field)
			require.Contains(t, err.Error(), "is in the future")
			require.Zero(t, out, "the zero value on error")
		})
	}
	require.Equal(t, before, countEvents(t, clinic), "nothing written")

	// A last day ahead is a notice period, not a future act: it is kept.
	m, err = clinic.Roster().Leave(admin, m.Ref(), workforce.Leaving{On: march2 + 14})
	require.NoError(t, err)
	require.Equal(t, march2+14, m.EndOn)
}

// TestStaleVersion: a change at a version other than the stored one is a conflict and
// changes nothing, for every aggregate of the service.
func TestStaleVersion(t *testing.T) {
	_, clinic := setup(t)
	tk, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 10})
	require.NoError(t, err)
	m, err := clinic.Roster().Add(admin, workforce.Member{Name: "Kim Park", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	v := addBA(t, clinic, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	tr, err := clinic.Trials().Open(admin, trials.Trial{Title: "Phase I", Sponsor: v.ID, Basis: trials.BasisWaiver})
	require.NoError(t, err)
	tpl, err := clinic.Tasks().Template(admin, profiles.TemplateIncidentTabletop)
	require.NoError(t, err)

	staleTask := record.RefOf(tk.ID, tk.Version+1)
	staleMember := record.RefOf(m.ID, m.Version-1)
	staleTrial := record.RefOf(tr.ID, tr.Version+5)
	tpl.Version = 3 // none stored
	tests := []struct {
		name string
		do   func() (any, error)
	}{
		{"task start", func() (any, error) { return clinic.Tasks().Start(admin, staleTask, task.Start{}) }},
		{"task complete", func() (any, error) { return clinic.Tasks().Complete(admin, staleTask, task.Completion{}) }},
		{"task assign", func() (any, error) { return clinic.Tasks().Assign(admin, staleTask, task.Assignee{Person: "u-2"}) }},
		{"template", func() (any, error) { return clinic.Tasks().SaveTemplate(admin, tpl) }},
		{"member leave", func() (any, error) { return clinic.Roster().Leave(admin, staleMember, workforce.Leaving{}) }},
		{"member role", func() (any, error) {
			return clinic.Roster().ChangeRole(admin, staleMember, workforce.RoleChange{Role: workforce.RoleBilling})
		}},
		{"member training", func() (any, error) {
			return clinic.Roster().RecordTraining(admin, staleMember, workforce.Completion{Module: workforce.ModuleGeneralHIPAA})
		}},
		{"trial enrolling", func() (any, error) { return clinic.Trials().StartEnrolling(admin, staleTrial, trials.Enrolling{}) }},
		{"trial close", func() (any, error) { return clinic.Trials().Close(admin, staleTrial, trials.Closing{}) }},
	}
	before := countEvents(t, clinic)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.do()
			require.Equal(t, compliance.Conflict, compliance.Code(err), "%v", err)
			require.Zero(t, out)
		})
	}
	require.Equal(t, before, countEvents(t, clinic), "nothing written")

	// The current version works.
	_, err = clinic.Tasks().Start(admin, tk.Ref(), task.Start{})
	require.NoError(t, err)
}

// TestIllegalMoves: a move the current state does not allow is a failed precondition,
// not bad input (45 CFR 164.316(b): a closed task's record stays as it was;
// 164.508 / 164.512(i): a closed trial does not enrol).
func TestIllegalMoves(t *testing.T) {
	_, clinic := setup(t)
	tk, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 10})
	require.NoError(t, err)
	tk, err = clinic.Tasks().Skip(admin, tk.Ref(), task.Skipping{Reason: "merged with the drill"})
	require.NoError(t, err)
	v := addBA(t, clinic, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	tr, err := clinic.Trials().Open(admin, trials.Trial{Title: "Phase I", Sponsor: v.ID})
	require.NoError(t, err)
	_, err = clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{})
	requireField(t, err, "basis") // 164.508 / 164.512(i): no basis chosen yet
	tr, err = clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{Basis: trials.BasisAuthorization})
	require.NoError(t, err)
	require.Equal(t, trials.StatusEnrolling, tr.Status)
	require.Equal(t, trials.BasisAuthorization, tr.Basis)
	require.Equal(t, march2, tr.EnrollingOn)
	tr, err = clinic.Trials().Close(admin, tr.Ref(), trials.Closing{})
	require.NoError(t, err)

	tests := []struct {
		name string
		do   func() (any, error)
	}{
		{"start a skipped task", func() (any, error) { return clinic.Tasks().Start(admin, tk.Ref(), task.Start{}) }},
		{"complete a skipped task", func() (any, error) { return clinic.Tasks().Complete(admin, tk.Ref(), task.Completion{}) }},
		{"skip a skipped task", func() (any, error) {
			return clinic.Tasks().Skip(admin, tk.Ref(), task.Skipping{Reason: "again"})
		}},
		{"enrol a closed trial", func() (any, error) {
			return clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{Basis: trials.BasisWaiver})
		}},
		{"close a closed trial", func() (any, error) { return clinic.Trials().Close(admin, tr.Ref(), trials.Closing{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.do()
			require.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "%v", err)
			require.Zero(t, out)
		})
	}
}

// TestPaging: every listing pages with an opaque cursor, in its order, each record
// once; a cursor from nowhere and a limit out of range are bad input.
func TestPaging(t *testing.T) {
	_, clinic := setup(t)
	for i := range 5 {
		_, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop,
			task.NewParams{TriggeredOn: march2 - 10, DueOn: march2 + date.Date(5-i), Site: "main"})
		require.NoError(t, err)
	}
	var due []date.Date
	q := compliance.TaskQuery{Site: "main", PageQuery: compliance.PageQuery{Limit: 2}}
	var sizes []int
	for {
		p, err := clinic.Tasks().List(admin, q)
		require.NoError(t, err)
		sizes = append(sizes, len(p.Items))
		for _, tk := range p.Items {
			due = append(due, tk.DueOn)
		}
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	require.Equal(t, []int{2, 2, 1}, sizes)
	require.Equal(t, []date.Date{march2 + 1, march2 + 2, march2 + 3, march2 + 4, march2 + 5}, due)

	// Filters: due window, open.
	p, err := clinic.Tasks().List(admin, compliance.TaskQuery{DueFrom: march2 + 2, DueBefore: march2 + 4})
	require.NoError(t, err)
	require.Len(t, p.Items, 2)
	p, err = clinic.Tasks().List(admin, compliance.TaskQuery{DueFrom: march2 + 4})
	require.NoError(t, err)
	require.Len(t, p.Items, 2)
	_, err = clinic.Tasks().List(admin, compliance.TaskQuery{DueFrom: march2 + 4, DueBefore: march2 + 4})
	requireField(t, err, "due_before")
	_, err = clinic.Tasks().List(admin, compliance.TaskQuery{Subject: task.Subject{Type: record.KindVendor}})
	requireField(t, err, "subject")
	_, err = clinic.Tasks().List(admin, compliance.TaskQuery{PageQuery: compliance.PageQuery{Cursor: "not-a-cursor"}})
	requireField(t, err, "cursor")
	_, err = clinic.Tasks().List(admin, compliance.TaskQuery{PageQuery: compliance.PageQuery{Limit: compliance.MaxPageSize + 1}})
	requireField(t, err, "limit")

	// Members by name, trials by id.
	for _, n := range []string{"Cy", "Ab", "Bo"} {
		_, err := clinic.Roster().Add(admin, workforce.Member{Name: n, Role: workforce.RoleBilling, StartOn: march2 - 1})
		require.NoError(t, err)
	}
	mp, err := clinic.Roster().List(admin, compliance.MemberQuery{PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []string{"Ab", "Bo"}, []string{mp.Items[0].Name, mp.Items[1].Name})
	mp, err = clinic.Roster().List(admin, compliance.MemberQuery{PageQuery: compliance.PageQuery{Limit: 2, Cursor: mp.Next}})
	require.NoError(t, err)
	require.Len(t, mp.Items, 1)
	require.Equal(t, "Cy", mp.Items[0].Name)
	require.Empty(t, mp.Next)
	mp, err = clinic.Roster().List(admin, compliance.MemberQuery{Role: workforce.RoleNurse})
	require.NoError(t, err)
	require.NotNil(t, mp.Items, "an empty page has an empty list")
	require.Empty(t, mp.Items)

	v := addBA(t, clinic, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	for _, id := range []trials.ID{"tr-3", "tr-1", "tr-2"} {
		_, err := clinic.Trials().Open(admin, trials.Trial{ID: id, Title: "Trial " + string(id), Sponsor: v.ID})
		require.NoError(t, err)
	}
	tp, err := clinic.Trials().List(admin, compliance.TrialQuery{PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []trials.ID{"tr-1", "tr-2"}, []trials.ID{tp.Items[0].ID, tp.Items[1].ID})
	tp, err = clinic.Trials().List(admin, compliance.TrialQuery{Status: trials.StatusOpening, PageQuery: compliance.PageQuery{Cursor: tp.Next}})
	require.NoError(t, err)
	require.Len(t, tp.Items, 1)
	require.Equal(t, trials.ID("tr-3"), tp.Items[0].ID)

	// Templates: the library merged with the organization's, each id once, by id.
	lib := profiles.Library()
	custom := task.Template{ID: "zz-custom", Title: "Custom", Citation: "45 CFR 164.316", DefaultRole: task.RoleManager}
	_, err = clinic.Tasks().SaveTemplate(admin, custom)
	require.NoError(t, err)
	replaced, err := clinic.Tasks().Template(admin, lib[0].ID)
	require.NoError(t, err)
	replaced.Title = "Our own version"
	_, err = clinic.Tasks().SaveTemplate(admin, replaced)
	require.NoError(t, err)
	var all []task.Template
	tq := compliance.TemplateQuery{PageQuery: compliance.PageQuery{Limit: 3}}
	for {
		p, err := clinic.Tasks().Templates(admin, tq)
		require.NoError(t, err)
		require.LessOrEqual(t, len(p.Items), 3)
		all = append(all, p.Items...)
		if p.Next == "" {
			break
		}
		tq.Cursor = p.Next
	}
	require.Len(t, all, len(lib)+1)
	seen := map[task.TemplateID]bool{}
	for i, tpl := range all {
		require.False(t, seen[tpl.ID], "%s listed twice", tpl.ID)
		seen[tpl.ID] = true
		if i > 0 {
			require.Less(t, all[i-1].ID, tpl.ID)
		}
		switch tpl.ID {
		case lib[0].ID:
			require.Equal(t, "Our own version", tpl.Title)
			require.EqualValues(t, 1, tpl.Version)
		case custom.ID:
			require.EqualValues(t, 1, tpl.Version)
		default:
			require.Zero(t, tpl.Version, "%s is the library's", tpl.ID)
		}
	}
}

// TestSweep: reminders per threshold, overdue and escalation once, BAA reviews and
// stalled follow-ups; a second sweep of the same day emits nothing.
func TestSweep(t *testing.T) {
	_, clinic := setup(t)
	mk := func(due date.Date) task.Task {
		tk, err := clinic.Tasks().Create(admin, profiles.TemplateIncidentTabletop, task.NewParams{TriggeredOn: march2 - 60, DueOn: due, Site: "main"})
		require.NoError(t, err)
		return tk
	}
	in5 := mk(march2 + 5)
	in20 := mk(march2 + 20)
	late3 := mk(march2 - 3)
	late20 := mk(march2 - 20)
	mk(march2 + 90) // beyond every threshold

	v := addBA(t, clinic, "Stalled Lab", vendors.CategoryLaboratory)
	_, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{On: march2 - 45})
	require.NoError(t, err)

	res, err := clinic.Sweep(admin, compliance.SweepOptions{AsOf: march2})
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

	again, err := clinic.Sweep(admin, compliance.SweepOptions{AsOf: march2})
	require.NoError(t, err)
	require.Empty(t, again.Reminders, "each reminder once")

	// Four days later in5 crosses the 1-day threshold; nothing else is new.
	later, err := clinic.Sweep(admin, compliance.SweepOptions{AsOf: march2 + 4})
	require.NoError(t, err)
	require.Len(t, later.Reminders, 1)
	require.Equal(t, in5.ID, later.Reminders[0].Task)
	require.Equal(t, 1, later.Reminders[0].Threshold)

	_, err = clinic.Sweep(admin, compliance.SweepOptions{DueSoonDays: []int{-1}})
	require.Error(t, err)
	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
}

// TestTaskBadInput: a due date before the trigger, an unknown template, a site the
// organization lacks and an invalid template are typed errors that write nothing.
func TestTaskBadInput(t *testing.T) {
	_, clinic := setup(t)
	before := countEvents(t, clinic)
	_, err := clinic.Tasks().Create(admin, profiles.TemplateRiskAnalysis, task.NewParams{TriggeredOn: march2, DueOn: march2 - 1})
	requireField(t, err, "due_on")
	out, err := clinic.Tasks().Create(admin, "nope", task.NewParams{})
	require.ErrorIs(t, err, compliance.ErrUnknownTemplate)
	require.Equal(t, compliance.NotFound, compliance.Code(err))
	require.Zero(t, out)
	_, err = clinic.Tasks().Template(admin, "nope")
	require.Equal(t, compliance.NotFound, compliance.Code(err))
	_, err = clinic.Tasks().Create(admin, profiles.TemplateRiskAnalysis, task.NewParams{Site: "elsewhere"})
	requireField(t, err, "site")
	_, err = clinic.Tasks().Create(admin, profiles.TemplateRiskAnalysis, task.NewParams{Subject: task.Subject{Type: "system", ID: "tps"}})
	requireField(t, err, "subject.type")
	_, err = clinic.Tasks().List(admin, compliance.TaskQuery{Subject: task.Subject{Type: "system", ID: "tps"}})
	requireField(t, err, "subject.type")
	_, err = clinic.Tasks().Get(admin, "no-such-task")
	require.Equal(t, compliance.NotFound, compliance.Code(err))
	bad := task.Template{ID: "custom", Title: "Custom", Citation: "45 CFR 164.316", DefaultRole: task.RoleManager,
		Recurrence: &task.Recurrence{Every: 0, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}}
	saved, err := clinic.Tasks().SaveTemplate(admin, bad)
	var verr *validation.Error
	require.True(t, errors.As(err, &verr))
	require.Zero(t, saved)
	require.Equal(t, before, countEvents(t, clinic))
}

// TestRosterAndTrials: training completion by role (45 CFR 164.308(a)(5)); a trial's
// sponsor must be a vendor, and it enrolls only with a research basis (164.508 /
// 164.512(i)).
func TestRosterAndTrials(t *testing.T) {
	_, clinic := setup(t)
	kim, err := clinic.Roster().Add(admin, workforce.Member{ID: "m-kim", Name: "Kim Park", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	_, err = clinic.Roster().Add(admin, workforce.Member{ID: "m-lee", Name: "Ann Lee", Role: workforce.RoleNurse, StartOn: march2 - 100})
	require.NoError(t, err)
	for _, m := range []workforce.Module{workforce.ModuleGeneralHIPAA, workforce.ModuleInfusionSuite} {
		kim, err = clinic.Roster().RecordTraining(admin, kim.Ref(), workforce.Completion{Module: m, CompletedOn: march2 - 10})
		require.NoError(t, err)
	}
	_, err = clinic.Roster().RecordTraining(admin, kim.Ref(), workforce.Completion{Module: workforce.ModuleGeneralHIPAA, CompletedOn: march2 - 10})
	requireField(t, err, "completed_on")
	_, err = clinic.Roster().RecordTraining(admin, kim.Ref(), workforce.Completion{Module: "ergonomics"})
	requireField(t, err, "module")
	got, err := clinic.Roster().Get(admin, kim.ID)
	require.NoError(t, err)
	require.Len(t, got.Trainings, 2)

	report, err := clinic.Roster().TrainingByRole(admin, compliance.TrainingOptions{ValidMonths: 12})
	require.NoError(t, err)
	require.Equal(t, compliance.TrainingReport{AsOf: march2, ValidMonths: 12,
		Roles: []workforce.RoleCompletion{{Role: workforce.RoleNurse, Members: 2, Complete: 1}}}, report)
	_, err = clinic.Roster().TrainingByRole(admin, compliance.TrainingOptions{ValidMonths: -1})
	requireField(t, err, "valid_months")
	_, err = clinic.Roster().ChangeRole(admin, kim.Ref(), workforce.RoleChange{Role: "surgeon"})
	requireField(t, err, "role")

	_, err = clinic.Trials().Open(admin, trials.Trial{Title: "T", Sponsor: "v-missing"})
	requireField(t, err, "sponsor")
	_, err = clinic.Trials().Open(admin, trials.Trial{Title: "T", Sponsor: "v-missing", Status: trials.StatusEnrolling})
	requireField(t, err, "status")
	v := addBA(t, clinic, "Northstar Therapeutics", vendors.CategoryTrialSponsor)
	tr, err := clinic.Trials().Open(admin, trials.Trial{ID: "tr-1", Title: "Phase I", Sponsor: v.ID})
	require.NoError(t, err)
	require.Equal(t, march2, tr.OpenedOn)
	require.Equal(t, trials.StatusOpening, tr.Status)
	_, err = clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{On: march2})
	requireField(t, err, "basis")
	tr, err = clinic.Trials().StartEnrolling(admin, tr.Ref(), trials.Enrolling{Basis: trials.BasisAuthorization, On: march2})
	require.NoError(t, err)
	require.Equal(t, trials.StatusEnrolling, tr.Status)
	got2, err := clinic.Trials().Get(admin, tr.ID)
	require.NoError(t, err)
	require.Equal(t, tr, got2)
	open, err := clinic.Tasks().List(admin, compliance.TaskQuery{Open: true, Subject: task.Subject{Type: record.KindTrial, ID: "tr-1"}})
	require.NoError(t, err)
	require.Len(t, open.Items, 1, "the trial's open HIPAA-file checklist")
}

// TestInventoryMissingCategories: a profile's expected vendor categories that the
// inventory lacks are reported; an unknown profile is a validation error.
func TestInventoryMissingCategories(t *testing.T) {
	_, clinic := setup(t)
	addBA(t, clinic, "Cedarline EHR", vendors.CategoryEHR)
	inv, err := clinic.Inventory(admin, compliance.InventoryOptions{AsOf: march2, Profile: profiles.InfusionCenter})
	require.NoError(t, err)
	p, _ := profiles.Get(profiles.InfusionCenter)
	require.Len(t, inv.MissingCategories, len(p.VendorCategories)-1)
	require.NotContains(t, inv.MissingCategories, vendors.CategoryEHR)
	require.Contains(t, inv.MissingCategories, vendors.CategorySpecialtyPharmacy)
	_, err = clinic.Inventory(admin, compliance.InventoryOptions{Profile: "dermatology"})
	require.ErrorIs(t, err, validation.ErrInvalid)
}
