package storagetest

import (
	"cmp"
	"context"
	"iter"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// crudTests is the generic CRUD suite over every aggregate.
func crudTests() []test {
	var all []test
	for _, tests := range [][]test{
		profiles.suite(), vendorRecords.suite(), templateRecords.suite(), taskRecords.suite(),
		memberRecords.suite(), trialRecords.suite(), incidentRecords.suite(), riskRecords.suite(),
		analysisRecords.suite(), decisionRecords.suite(),
	} {
		all = append(all, tests...)
	}
	return all
}

// orgRecords gives the organization's profile the shape of storage.Records: its key is
// the handle's organization, so Get ignores the one it is given.
type orgRecords struct{ o storage.Organizations }

func (r orgRecords) Get(c context.Context, _ org.ID) (org.Organization, error) { return r.o.Get(c) }
func (r orgRecords) Create(c context.Context, v *org.Organization) error       { return r.o.Create(c, v) }
func (r orgRecords) Update(c context.Context, v *org.Organization) error       { return r.o.Update(c, v) }

var profiles = collection[org.ID, org.Organization]{
	name:    "Org",
	records: func(tx storage.Tx) storage.Records[org.ID, org.Organization] { return orgRecords{tx.Organization()} },
	key:     func(v *org.Organization) org.ID { return v.ID },
	version: func(v *org.Organization) *int64 { return &v.Version },
	make: func(int) org.Organization {
		o := newOrg(orgA)
		o.RiskMethod = string(riskreg.MethodNIST5x5)
		o.UpdatedAt = t0.Add(time.Minute)
		return o
	},
	change: func(v *org.Organization) {
		v.Name += " (renamed)"
		v.Sites = append(v.Sites, org.Site{ID: org.SiteID(keyID("site", len(v.Sites))), Name: "Annex"})
	},
	single: true,
}

var vendorNames = []string{"Beta Imaging", "Alpha Labs", "alpha  LABS", "Carelink"}

var vendorRecords = collection[vendors.ID, vendors.Vendor]{
	name:    "Vendor",
	records: func(tx storage.Tx) storage.Records[vendors.ID, vendors.Vendor] { return tx.Vendors() },
	key:     func(v *vendors.Vendor) vendors.ID { return v.ID },
	version: func(v *vendors.Vendor) *int64 { return &v.Version },
	make: func(i int) vendors.Vendor {
		v := fullVendor(vendors.ID(keyID("v", i)))
		v.Name = nth(vendorNames, i)
		v.Category = nth([]vendors.Category{vendors.CategoryMolecularTesting, vendors.CategoryEHR}, i)
		v.BAA.State = nth([]vendors.State{vendors.StateRenewed, vendors.StateRequested, vendors.StateSigned}, i)
		v.BAA.NextReviewOn = d0 + date.Date(i%4)
		return v
	},
	change: func(v *vendors.Vendor) {
		v.Name += " Renamed"
		v.BAA.State = vendors.StateReviewDue
		v.BAA.NextReviewOn++
		v.DataShared = append(v.DataShared, vendors.DataImaging)
	},
	badEnum: func(v *vendors.Vendor) { v.BAA.State = "archived" },
	pages: []pager[vendors.Vendor]{
		vendorPager("All", storage.VendorQuery{}, func(*vendors.Vendor) bool { return true }),
		vendorPager("InForce", storage.VendorQuery{States: vendors.InForceStates()},
			func(v *vendors.Vendor) bool { return v.BAA.State.InForce() }),
		vendorPager("Category", storage.VendorQuery{Categories: []vendors.Category{vendors.CategoryEHR}},
			func(v *vendors.Vendor) bool { return v.Category == vendors.CategoryEHR }),
		vendorPager("Name", storage.VendorQuery{Name: " ALPHA labs "},
			func(v *vendors.Vendor) bool { return vendors.NameKey(v.Name) == "alpha labs" }),
		vendorPager("NameAndState", storage.VendorQuery{Name: "Alpha Labs", States: []vendors.State{vendors.StateRenewed}},
			func(v *vendors.Vendor) bool {
				return vendors.NameKey(v.Name) == "alpha labs" && v.BAA.State == vendors.StateRenewed
			}),
		{name: "ReviewsDue", unpaged: true,
			keep: func(v *vendors.Vendor) bool { return v.BAA.State.InForce() && v.BAA.NextReviewOn < d0+3 },
			order: func(a, b *vendors.Vendor) int {
				return cmp.Or(cmp.Compare(a.BAA.NextReviewOn, b.BAA.NextReviewOn), cmp.Compare(a.ID, b.ID))
			},
			list: func(tx storage.Tx, _ *vendors.Vendor, _ int) iter.Seq2[vendors.Vendor, error] {
				return tx.Vendors().ReviewsDue(ctx, storage.Window{From: d0, To: d0 + 3})
			}},
	},
}

func vendorPager(name string, q storage.VendorQuery, keep func(*vendors.Vendor) bool) pager[vendors.Vendor] {
	return pager[vendors.Vendor]{name: name, keep: keep,
		order: func(a, b *vendors.Vendor) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) },
		list: func(tx storage.Tx, after *vendors.Vendor, limit int) iter.Seq2[vendors.Vendor, error] {
			q := q
			if after != nil {
				q.AfterName, q.AfterID = after.Name, after.ID
			}
			q.Limit = limit
			return tx.Vendors().List(ctx, q)
		}}
}

var templateRecords = collection[task.TemplateID, task.Template]{
	name:    "Template",
	records: func(tx storage.Tx) storage.Records[task.TemplateID, task.Template] { return tx.Templates() },
	key:     func(v *task.Template) task.TemplateID { return v.ID },
	version: func(v *task.Template) *int64 { return &v.Version },
	make: func(i int) task.Template {
		return task.Template{ID: task.TemplateID(keyID("tpl", i)), Title: "Annual BAA review", Instructions: "Read every clause",
			Checklist: []string{"Read the BAA", "Check clauses"}, Citation: "45 CFR 164.504(e)",
			DefaultRole: nth([]task.Role{task.RolePrivacyOfficer, task.RoleSecurityOfficer}, i), EvidenceRequired: true,
			DueOffsetDays: 30 + i, Recurrence: &task.Recurrence{Every: 12, Unit: task.UnitMonth, Anchor: task.AnchorCompletion},
			Disabled: i%3 == 2, CreatedAt: t0, UpdatedAt: t0.Add(time.Second)}
	},
	change: func(v *task.Template) {
		v.Title += " (v2)"
		v.Checklist = append(v.Checklist, "Sign off")
		v.Recurrence.Every = 24
	},
	badEnum: func(v *task.Template) { v.DefaultRole = "Not A Role" },
	pages: []pager[task.Template]{{name: "All",
		keep:  func(*task.Template) bool { return true },
		order: func(a, b *task.Template) int { return cmp.Compare(a.ID, b.ID) },
		list: func(tx storage.Tx, after *task.Template, limit int) iter.Seq2[task.Template, error] {
			q := storage.TemplateQuery{Limit: limit}
			if after != nil {
				q.AfterID = after.ID
			}
			return tx.Templates().List(ctx, q)
		}}},
}

var taskRecords = collection[task.ID, task.Task]{
	name:    "Task",
	records: func(tx storage.Tx) storage.Records[task.ID, task.Task] { return tx.Tasks() },
	key:     func(v *task.Task) task.ID { return v.ID },
	version: func(v *task.Task) *int64 { return &v.Version },
	make: func(i int) task.Task {
		v := fullTask(task.ID(keyID("t", i)))
		v.DueOn = d0 + date.Date(i%3)
		v.State = nth([]task.State{task.StateDone, task.StateOpen, task.StateBlocked}, i)
		v.Assignee = nth([]task.Assignee{{Person: "u-sam"}, {Role: task.RolePrivacyOfficer}}, i)
		return v
	},
	change: func(v *task.Task) {
		v.Title += " (renamed)"
		v.DueOn += 7
		v.Checklist = append(v.Checklist, task.ChecklistItem{Text: "Report"})
	},
	badEnum: func(v *task.Task) { v.State = "archived" },
	pages: []pager[task.Task]{
		taskPager("All", storage.TaskQuery{}, func(*task.Task) bool { return true }),
		taskPager("Open", storage.TaskQuery{Open: true}, func(v *task.Task) bool { return !v.State.Closed() }),
		taskPager("OpenDue", storage.TaskQuery{Open: true, Due: storage.Window{From: d0 + 1, To: d0 + 3}},
			func(v *task.Task) bool { return !v.State.Closed() && v.DueOn >= d0+1 }),
		taskPager("Person", storage.TaskQuery{Person: "u-sam"}, func(v *task.Task) bool { return v.Assignee.Person == "u-sam" }),
		taskPager("Role", storage.TaskQuery{Role: task.RolePrivacyOfficer},
			func(v *task.Task) bool { return v.Assignee.Role == task.RolePrivacyOfficer }),
	},
}

func taskPager(name string, q storage.TaskQuery, keep func(*task.Task) bool) pager[task.Task] {
	return pager[task.Task]{name: name, keep: keep,
		order: func(a, b *task.Task) int { return cmp.Or(cmp.Compare(a.DueOn, b.DueOn), cmp.Compare(a.ID, b.ID)) },
		list: func(tx storage.Tx, after *task.Task, limit int) iter.Seq2[task.Task, error] {
			q := q
			if after != nil {
				q.AfterDue, q.AfterID = after.DueOn, after.ID
			}
			q.Limit = limit
			return tx.Tasks().List(ctx, q)
		}}
}

var memberRecords = collection[workforce.ID, workforce.Member]{
	name:    "Member",
	records: func(tx storage.Tx) storage.Records[workforce.ID, workforce.Member] { return tx.Members() },
	key:     func(v *workforce.Member) workforce.ID { return v.ID },
	version: func(v *workforce.Member) *int64 { return &v.Version },
	make: func(i int) workforce.Member {
		m := newMember(workforce.ID(keyID("m", i)), nth([]string{"Kim Park", "Ann Lee", "Bo Diaz"}, i),
			nth([]workforce.Role{workforce.RolePhysicist, workforce.RoleNurse}, i), -100, 0)
		m.Email = "staff@clinic.example"
		m.Sites = []org.SiteID{"main", "infusion"}
		m.Trainings = []workforce.Completion{{Module: workforce.ModuleGeneralHIPAA, CompletedOn: d0 - 90, Evidence: "lms://1"}}
		if i%4 == 3 {
			m.EndOn = d0 - 10
		}
		return m
	},
	change: func(v *workforce.Member) {
		v.Name += " Jr."
		v.Role = workforce.RoleDosimetrist
		v.Trainings = append(v.Trainings, workforce.Completion{Module: workforce.ModuleGeneralHIPAA, CompletedOn: d0})
	},
	badEnum: func(v *workforce.Member) { v.Role = "astrologer" },
	pages: []pager[workforce.Member]{
		memberPager("All", storage.MemberQuery{}, func(*workforce.Member) bool { return true }),
		memberPager("Role", storage.MemberQuery{Role: workforce.RoleNurse},
			func(v *workforce.Member) bool { return v.Role == workforce.RoleNurse }),
		memberPager("ActiveOn", storage.MemberQuery{ActiveOn: d0}, func(v *workforce.Member) bool { return v.Active(d0) }),
	},
}

func memberPager(name string, q storage.MemberQuery, keep func(*workforce.Member) bool) pager[workforce.Member] {
	return pager[workforce.Member]{name: name, keep: keep,
		order: func(a, b *workforce.Member) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) },
		list: func(tx storage.Tx, after *workforce.Member, limit int) iter.Seq2[workforce.Member, error] {
			q := q
			if after != nil {
				q.AfterName, q.AfterID = after.Name, after.ID
			}
			q.Limit = limit
			return tx.Members().List(ctx, q)
		}}
}

var trialRecords = collection[trials.ID, trials.Trial]{
	name:    "Trial",
	records: func(tx storage.Tx) storage.Records[trials.ID, trials.Trial] { return tx.Trials() },
	key:     func(v *trials.Trial) trials.ID { return v.ID },
	version: func(v *trials.Trial) *int64 { return &v.Version },
	make: func(i int) trials.Trial {
		return trials.Trial{ID: trials.ID(keyID("tr", i)), Title: "Phase II CAR-T", Protocol: "NCT00000001",
			Sponsor: "v-sponsor", CRO: "v-cro", Sites: []org.SiteID{"main", "infusion"},
			Status: nth([]trials.Status{trials.StatusEnrolling, trials.StatusOpening}, i), Basis: trials.BasisAuthorization,
			OpenedOn: d0 - 30, EnrollingOn: d0 - 10, PrincipalInvestigator: "Dr. Osei", CreatedAt: t0, UpdatedAt: t0}
	},
	change: func(v *trials.Trial) {
		v.Status, v.ClosedOn = trials.StatusClosed, d0
		v.Sites = append(v.Sites, "annex")
	},
	badEnum: func(v *trials.Trial) { v.Status = "paused" },
	pages: []pager[trials.Trial]{
		trialPager("All", storage.TrialQuery{}, func(*trials.Trial) bool { return true }),
		trialPager("Status", storage.TrialQuery{Status: trials.StatusOpening},
			func(v *trials.Trial) bool { return v.Status == trials.StatusOpening }),
	},
}

func trialPager(name string, q storage.TrialQuery, keep func(*trials.Trial) bool) pager[trials.Trial] {
	return pager[trials.Trial]{name: name, keep: keep,
		order: func(a, b *trials.Trial) int { return cmp.Compare(a.ID, b.ID) },
		list: func(tx storage.Tx, after *trials.Trial, limit int) iter.Seq2[trials.Trial, error] {
			q := q
			if after != nil {
				q.AfterID = after.ID
			}
			q.Limit = limit
			return tx.Trials().List(ctx, q)
		}}
}

var incidentRecords = collection[incident.ID, incident.Incident]{
	name:    "Incident",
	records: func(tx storage.Tx) storage.Records[incident.ID, incident.Incident] { return tx.Incidents() },
	key:     func(v *incident.Incident) incident.ID { return v.ID },
	version: func(v *incident.Incident) *int64 { return &v.Version },
	make: func(i int) incident.Incident {
		v := fullIncident(incident.ID(keyID("i", i)))
		v.DiscoveredOn = d0 + date.Date(i%3)
		if i%2 == 0 {
			v.ClosedOn = date.Zero
		}
		return v
	},
	change: func(v *incident.Incident) {
		v.Total++
		v.Affected = append(v.Affected, incident.Affected{State: "IN", Count: 1})
		v.ClosedOn = d0 + 100
	},
	badEnum: func(v *incident.Incident) { v.BreachType = "meteor" },
	pages: []pager[incident.Incident]{
		incidentPager("All", storage.IncidentQuery{}, func(*incident.Incident) bool { return true }),
		incidentPager("Open", storage.IncidentQuery{Open: true}, func(v *incident.Incident) bool { return v.Open() }),
		incidentPager("Discovered", storage.IncidentQuery{Discovered: storage.Window{From: d0 + 1, To: d0 + 3}},
			func(v *incident.Incident) bool { return v.DiscoveredOn >= d0+1 }),
	},
}

func incidentPager(name string, q storage.IncidentQuery, keep func(*incident.Incident) bool) pager[incident.Incident] {
	return pager[incident.Incident]{name: name, keep: keep,
		order: func(a, b *incident.Incident) int {
			return cmp.Or(cmp.Compare(a.DiscoveredOn, b.DiscoveredOn), cmp.Compare(a.ID, b.ID))
		},
		list: func(tx storage.Tx, after *incident.Incident, limit int) iter.Seq2[incident.Incident, error] {
			q := q
			if after != nil {
				q.AfterDiscovered, q.AfterID = after.DiscoveredOn, after.ID
			}
			q.Limit = limit
			return tx.Incidents().List(ctx, q)
		}}
}

// starterRisk is a starter risk of the given id with every field set.
func starterRisk(id riskreg.ID) riskreg.Risk {
	r := riskreg.Starter()[0]
	r.ID, r.CreatedAt, r.UpdatedAt = id, t0, t0.Add(time.Hour)
	r.Vendors, r.Sites = []vendors.ID{"v-pacs"}, []org.SiteID{"main"}
	r.Quant = &riskreg.Quant{SLE: decimal.RequireFromString("250000.10"), ARO: decimal.RequireFromString("0.15"),
		MitigationCost: decimal.RequireFromString("12000"), ResidualARO: decimal.RequireFromString("0.03")}
	r.Reviews = []riskreg.Review{{On: d0 - 30, By: "Security officer", Note: "first look", Method: riskreg.MethodHHS3x3}}
	return r
}

var riskRecords = collection[riskreg.ID, riskreg.Risk]{
	name:    "Risk",
	records: func(tx storage.Tx) storage.Records[riskreg.ID, riskreg.Risk] { return tx.Risks() },
	key:     func(v *riskreg.Risk) riskreg.ID { return v.ID },
	version: func(v *riskreg.Risk) *int64 { return &v.Version },
	make: func(i int) riskreg.Risk {
		r := starterRisk(riskreg.ID(keyID("r", i)))
		switch i % 4 {
		case 0:
			r.Status, r.Treatment, r.Justification, r.Owner = riskreg.StatusTreating, riskreg.TreatMitigate, "encrypt", "IT"
			r.DueOn = d0 + date.Date(i%3)
		case 1:
			r.Status, r.Treatment = riskreg.StatusAccepted, riskreg.TreatAccept
			r.Acceptance = &riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: d0 - 300,
				ReviewOn: d0 + date.Date(i%3), Justification: "low residual"}
		case 2:
			r.Status = riskreg.StatusClosed
		}
		return r
	},
	change: func(v *riskreg.Risk) {
		v.Owner = "Security officer"
		v.Controls = append(v.Controls, "164.312(e)(1)")
		v.Quant.ARO = decimal.RequireFromString("0.2")
	},
	badEnum: func(v *riskreg.Risk) { v.Status = "forgotten" },
	pages: []pager[riskreg.Risk]{
		riskPager("All", storage.RiskQuery{}, func(*riskreg.Risk) bool { return true }, nil),
		riskPager("Open", storage.RiskQuery{Open: true}, func(v *riskreg.Risk) bool { return v.Status != riskreg.StatusClosed }, nil),
		riskPager("TreatmentDue", storage.RiskQuery{TreatmentDue: storage.Window{From: d0, To: d0 + 3}},
			func(v *riskreg.Risk) bool { return v.TreatmentDueOn() != date.Zero }, (*riskreg.Risk).TreatmentDueOn),
		riskPager("ReviewDue", storage.RiskQuery{ReviewDue: storage.Window{From: d0, To: d0 + 3}},
			func(v *riskreg.Risk) bool { return v.AcceptanceReviewOn() != date.Zero }, (*riskreg.Risk).AcceptanceReviewOn),
	},
}

// riskPager lists the register in id order, or by a window's date (on) then id.
func riskPager(name string, q storage.RiskQuery, keep func(*riskreg.Risk) bool, on func(*riskreg.Risk) date.Date) pager[riskreg.Risk] {
	if on == nil {
		on = func(*riskreg.Risk) date.Date { return date.Zero }
	}
	return pager[riskreg.Risk]{name: name, keep: keep,
		order: func(a, b *riskreg.Risk) int { return cmp.Or(cmp.Compare(on(a), on(b)), cmp.Compare(a.ID, b.ID)) },
		list: func(tx storage.Tx, after *riskreg.Risk, limit int) iter.Seq2[riskreg.Risk, error] {
			q := q
			if after != nil {
				q.AfterOn, q.AfterID = on(after), after.ID
			}
			q.Limit = limit
			return tx.Risks().List(ctx, q)
		}}
}

var analysisRecords = collection[riskreg.AnalysisID, riskreg.Analysis]{
	name:    "Analysis",
	records: func(tx storage.Tx) storage.Records[riskreg.AnalysisID, riskreg.Analysis] { return tx.Analyses() },
	key:     func(v *riskreg.Analysis) riskreg.AnalysisID { return v.ID },
	version: func(v *riskreg.Analysis) *int64 { return &v.Version },
	make: func(i int) riskreg.Analysis {
		a := riskreg.Snapshot(riskreg.AnalysisID(keyID("sra", i)), 2024+i%3, riskreg.MethodHHS3x3,
			[]riskreg.Risk{starterRisk("r1"), starterRisk("r2")})
		a.CreatedAt = t0
		if i%3 == 0 {
			a.ApprovedBy, a.ApprovedOn = "Dr. Osei", d0
		}
		return a
	},
	change: func(v *riskreg.Analysis) {
		v.Risks[0].Title += " (reworded)"
		v.Risks = append(v.Risks, starterRisk("r3"))
	},
	badEnum: func(v *riskreg.Analysis) { v.Risks[1].Status = "forgotten" },
	pages: []pager[riskreg.Analysis]{{name: "All",
		keep:  func(*riskreg.Analysis) bool { return true },
		order: func(a, b *riskreg.Analysis) int { return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID)) },
		list: func(tx storage.Tx, after *riskreg.Analysis, limit int) iter.Seq2[riskreg.Analysis, error] {
			q := storage.AnalysisQuery{Limit: limit}
			if after != nil {
				q.AfterYear, q.AfterID = after.Year, after.ID
			}
			return tx.Analyses().List(ctx, q)
		}}},
}

var decisionRecords = collection[controls.DecisionKey, controls.AddressableDecision]{
	name: "ControlDecision",
	records: func(tx storage.Tx) storage.Records[controls.DecisionKey, controls.AddressableDecision] {
		return tx.ControlDecisions()
	},
	key:     (*controls.AddressableDecision).Key,
	version: func(v *controls.AddressableDecision) *int64 { return &v.Version },
	make: func(i int) controls.AddressableDecision {
		// The same controls in two catalog versions: the version is part of the key.
		return controls.AddressableDecision{Control: controls.ID(keyID("164.312(a)(2)", (pageRecords-i)/2)),
			CatalogVersion: nth([]string{controls.CurrentVersion, "2027-final"}, i),
			Decision:       controls.DecisionAlternative, Alternative: "VPN tunnel between sites",
			Reason: "the PACS cannot encrypt natively", DecidedBy: "Security officer", DecidedOn: d0,
			CreatedAt: t0, UpdatedAt: t0}
	},
	change: func(v *controls.AddressableDecision) {
		v.Decision, v.Alternative, v.Reason = controls.DecisionImplemented, "", "encryption enabled"
	},
	badEnum: func(v *controls.AddressableDecision) { v.Decision = "maybe" },
	pages: []pager[controls.AddressableDecision]{{name: "CatalogVersion", unpaged: true,
		keep:  func(v *controls.AddressableDecision) bool { return v.CatalogVersion == controls.CurrentVersion },
		order: func(a, b *controls.AddressableDecision) int { return cmp.Compare(a.Control, b.Control) },
		list: func(tx storage.Tx, _ *controls.AddressableDecision, _ int) iter.Seq2[controls.AddressableDecision, error] {
			return tx.ControlDecisions().List(ctx, controls.CurrentVersion)
		}}},
}
