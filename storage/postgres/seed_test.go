package postgres_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// base is the day the seeded data and the due-window queries are built around.
var base = date.New(2026, time.March, 2)

// dayWindow is the width of the "due for review" window the benchmarks query.
const dayWindow = 60

func seedOrg(i int) org.ID { return org.ID(fmt.Sprintf("org-%03d", i)) }

func seedID(j int) vendors.ID { return vendors.ID(fmt.Sprintf("v-%06d", j)) }

var seedNames = []string{"Genomix Molecular Lab", "Vault PACS", "Carelink Specialty Rx", "OncoStaff Infusion",
	"PriorAuth Partners", "Radiant Planning Cloud", "Secure Courier Shred", "MedBill Services"}

// seedVendor returns vendor j of an organization with perOrg vendors. States cycle
// through every BAA state; next review dates are 8 days apart, so that a 60-day window
// holds 3 or 4 in-force vendors of each organization whatever its size.
func seedVendor(j, perOrg int) vendors.Vendor {
	states := vendors.StateValues()
	st := states[j%len(states)]
	span := 8 * perOrg
	r := rand.New(rand.NewPCG(uint64(j), uint64(perOrg)))
	v := vendors.Vendor{
		ID: seedID(j), Name: fmt.Sprintf("%s %d", seedNames[j%len(seedNames)], j),
		Category:   vendors.CategoryValues()[j%len(vendors.CategoryValues())],
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataMedication},
		Contact:    vendors.Contact{Name: "Dana Reyes", Email: "dana@vendor.example"},
		Owner:      "Practice administrator",
		Determinations: []vendors.Determination{{Outcome: vendors.OutcomeBusinessAssociate,
			Rationale: "handles PHI on our behalf", DecidedBy: "Privacy officer", DecidedOn: base - 400}},
		BAA: vendors.BAA{State: st, RequestedOn: base - 400, LastActivityOn: base - date.Date(j*37%200),
			SignedOn: base - 380, EffectiveOn: base - 375, ReviewMonths: 12,
			NextReviewOn: base + date.Date(8*j-span/4),
			ExpiresOn:    base + date.Date(r.IntN(2*span)),
			Clauses:      vendors.ClauseValues(), ReportingDays: 10,
			History: []vendors.Transition{{From: vendors.StateNotRequested, To: vendors.StateRequested, On: base - 400, By: "Admin"}}},
		Version: 1, CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), UpdatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	return v
}

func pgDate(d date.Date) pgtype.Date {
	if d == date.Zero {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: d.MidnightUTC(), Valid: true}
}

// seed loads orgs organizations of perOrg vendors each with COPY, and analyzes.
func seed(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	docs := make([][]any, 0, perOrg)
	for j := range perOrg {
		v := seedVendor(j, perOrg)
		doc, err := json.Marshal(&v)
		require.NoError(tb, err)
		docs = append(docs, []any{"", string(v.ID), int64(1), v.Name, vendors.NameKey(v.Name), string(v.Category), string(v.BAA.State),
			pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), doc})
	}
	cols := []string{"org_id", "id", "version", "name", "name_key", "category", "baa_state", "next_review_on", "expires_on", "last_activity_on", "doc"}
	for i := range orgs {
		o := string(seedOrg(i))
		for _, r := range docs {
			r[0] = o
		}
		n, err := pool.CopyFrom(ctx, pgx.Identifier{"vendors"}, cols, pgx.CopyFromRows(docs))
		require.NoError(tb, err)
		require.EqualValues(tb, perOrg, n)
	}
	_, err := pool.Exec(ctx, "ANALYZE vendors")
	require.NoError(tb, err)
}

func seedTaskID(j int) task.ID { return task.ID(fmt.Sprintf("t-%06d", j)) }

var (
	seedSites = []org.SiteID{"main", "infusion", "radiation"}
	seedRoles = []task.Role{task.RolePrivacyOfficer, task.RoleSecurityOfficer, task.RolePracticeAdministrator,
		task.RolePhysicist, task.RoleITManager, task.RoleResearchCoordinator, task.RoleManager}
)

// seedTask returns task j of an organization: three in five are open (open, in
// progress, blocked), due dates spread over two years around base, one in three
// assigned to one of 20 people and the rest to a role, sites and subjects (a vendor, a
// trial or a member) in turn, and series of four occurrences.
func seedTask(j int) task.Task {
	id := seedTaskID(j)
	due := base + date.Date(j*13%730-365)
	t := task.Task{ID: id, TemplateID: "annual-risk-analysis", TemplateVersion: 1,
		Title: "Annual security risk analysis", Citation: "45 CFR 164.308(a)(1)(ii)(A)",
		Instructions: "Map PHI flows from intake to infusion pumps",
		Checklist:    []task.ChecklistItem{{Text: "Inventory systems"}, {Text: "Score risks"}},
		Recurrence:   &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar},
		Series:       seedTaskID(j - j%4), SeriesStart: due, Occurrence: j%4 + 1,
		Trigger: "profile.seeded", TriggeredOn: due - 30, DueOn: due,
		Site:      seedSites[j/3%len(seedSites)],
		State:     task.StateValues()[j%len(task.StateValues())],
		Version:   1,
		CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), UpdatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	if j%3 == 0 {
		t.Assignee.Person = fmt.Sprintf("u-%02d", j/3%20)
	} else {
		t.Assignee.Role = seedRoles[j%len(seedRoles)]
	}
	switch j % 4 {
	case 1:
		t.Subject = task.Subject{Type: "vendor", ID: string(seedID(j / 4 % 25))}
	case 2:
		t.Subject = task.Subject{Type: "trial", ID: fmt.Sprintf("tr-%02d", j/4%10)}
	case 3:
		t.Subject = task.Subject{Type: "member", ID: fmt.Sprintf("m-%04d", j/4%30)}
	}
	return t
}

var taskColumns = []string{"org_id", "id", "version", "state", "due_on", "assignee_person", "assignee_role", "site",
	"subject_type", "subject_id", "series", "doc"}

// taskRow is t's row for COPY into tasks, of organization o.
func taskRow(tb testing.TB, o org.ID, t *task.Task) []any {
	doc, err := json.Marshal(t)
	require.NoError(tb, err)
	return []any{string(o), string(t.ID), t.Version, string(t.State), pgDate(t.DueOn), t.Assignee.Person,
		string(t.Assignee.Role), string(t.Site), t.Subject.Type, t.Subject.ID, string(t.Series), doc}
}

// seedTasks loads orgs organizations of perOrg tasks each (seedTask) with COPY.
func seedTasks(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	ts := make([]task.Task, perOrg)
	for j := range ts {
		ts[j] = seedTask(j)
	}
	rows := make([][]any, perOrg)
	for i := range orgs {
		for j := range ts {
			rows[j] = taskRow(tb, seedOrg(i), &ts[j])
		}
		n, err := pool.CopyFrom(ctx, pgx.Identifier{"tasks"}, taskColumns, pgx.CopyFromRows(rows))
		require.NoError(tb, err)
		require.EqualValues(tb, perOrg, n)
	}
}

// seedMembers loads orgs organizations of perOrg members each with COPY: roles in turn,
// a member in ten has left.
func seedMembers(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	var rows [][]any
	for i := range orgs {
		for j := range perOrg {
			m := workforce.Member{ID: workforce.ID(fmt.Sprintf("m-%04d", j)),
				Name: fmt.Sprintf("%s %d", seedNames[j%len(seedNames)], j),
				Role: workforce.RoleValues()[j%len(workforce.RoleValues())], Sites: []org.SiteID{"main"},
				StartOn: base - date.Date(j%900), Version: 1}
			if j%10 == 9 {
				m.EndOn = base - date.Date(j%30)
			}
			doc, err := json.Marshal(&m)
			require.NoError(tb, err)
			rows = append(rows, []any{string(seedOrg(i)), string(m.ID), m.Version, m.Name, string(m.Role),
				pgDate(m.StartOn), pgDate(m.EndOn), doc})
		}
	}
	cols := []string{"org_id", "id", "version", "name", "role", "start_on", "end_on", "doc"}
	n, err := pool.CopyFrom(ctx, pgx.Identifier{"members"}, cols, pgx.CopyFromRows(rows))
	require.NoError(tb, err)
	require.EqualValues(tb, orgs*perOrg, n)
}

// seedIncident returns incident j of an organization: discovered every few days over the
// three years before base; one in ten is still open.
func seedIncident(j int) incident.Incident {
	i := incident.Incident{ID: incident.ID(fmt.Sprintf("i-%05d", j)), Title: "Misdirected fax",
		DiscoveredOn: base - date.Date(j*1095/200%1095), DiscoveredBy: incident.DiscovererWorkforce, Total: 3,
		Affected: []incident.Affected{{State: "OH", Count: 3}}, Version: 1,
		CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), UpdatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	if j%10 != 0 {
		i.ClosedOn = i.DiscoveredOn + 60
	}
	return i
}

// seedIncidents loads orgs organizations of perOrg incidents each with COPY.
func seedIncidents(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	var rows [][]any
	for i := range orgs {
		for j := range perOrg {
			v := seedIncident(j)
			doc, err := json.Marshal(&v)
			require.NoError(tb, err)
			rows = append(rows, []any{string(seedOrg(i)), string(v.ID), v.Version, pgDate(v.DiscoveredOn),
				pgDate(v.ClosedOn), doc})
		}
	}
	cols := []string{"org_id", "id", "version", "discovered_on", "closed_on", "doc"}
	n, err := pool.CopyFrom(ctx, pgx.Identifier{"incidents"}, cols, pgx.CopyFromRows(rows))
	require.NoError(tb, err)
	require.EqualValues(tb, orgs*perOrg, n)
}

// seedRisk returns risk j of an organization's register: one in four each open, being
// treated (due dates spread over the year around base), accepted (review dates likewise)
// and closed.
func seedRisk(j int) riskreg.Risk {
	starter := riskreg.Starter()
	r := starter[j%len(starter)]
	r.ID = riskreg.ID(fmt.Sprintf("r-%05d", j))
	r.Version = 1
	r.CreatedAt = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	r.UpdatedAt = r.CreatedAt
	switch j % 4 {
	case 1:
		r.Status, r.Treatment, r.Justification, r.Owner = riskreg.StatusTreating, riskreg.TreatMitigate, "encrypt transfers", "IT manager"
		r.DueOn = base + date.Date(j*7%365-180)
	case 2:
		r.Status, r.Treatment = riskreg.StatusAccepted, riskreg.TreatAccept
		r.Acceptance = &riskreg.Acceptance{ApprovedBy: "Dr. Osei", ApprovedOn: base - 400,
			ReviewOn: base + date.Date(j*11%365-180), Justification: "low residual risk"}
	case 3:
		r.Status = riskreg.StatusClosed
	}
	return r
}

// seedRisks loads orgs organizations of perOrg risks each with COPY, with the projected
// columns as the store writes them.
func seedRisks(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	var rows [][]any
	for i := range orgs {
		for j := range perOrg {
			r := seedRisk(j)
			doc, err := json.Marshal(&r)
			require.NoError(tb, err)
			var due, review pgtype.Date
			if r.Status == riskreg.StatusTreating {
				due = pgDate(r.DueOn)
			}
			if r.Status == riskreg.StatusAccepted {
				review = pgDate(r.Acceptance.ReviewOn)
			}
			rows = append(rows, []any{string(seedOrg(i)), string(r.ID), r.Version, string(r.Status), due, review, doc})
		}
	}
	cols := []string{"org_id", "id", "version", "status", "due_on", "review_on", "doc"}
	n, err := pool.CopyFrom(ctx, pgx.Identifier{"risks"}, cols, pgx.CopyFromRows(rows))
	require.NoError(tb, err)
	require.EqualValues(tb, orgs*perOrg, n)
}

// seedAnalyses loads orgs organizations of perOrg yearly analyses each, of two risks, and
// the decisions on perOrg controls in each of two catalog versions, with COPY.
func seedAnalyses(tb testing.TB, pool *pgxpool.Pool, orgs, perOrg int) {
	tb.Helper()
	var analyses, decisions [][]any
	for i := range orgs {
		for j := range perOrg {
			a := riskreg.Snapshot(riskreg.AnalysisID(fmt.Sprintf("sra-%04d", 2000+j)), 2000+j, riskreg.MethodHHS3x3,
				[]riskreg.Risk{seedRisk(j), seedRisk(j + 1)})
			a.Version, a.CreatedAt = 1, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
			doc, err := json.Marshal(&a)
			require.NoError(tb, err)
			analyses = append(analyses, []any{string(seedOrg(i)), string(a.ID), a.Version, int64(a.Year), doc})
			for _, version := range []string{"2013-omnibus", "2027-final"} {
				d := controls.AddressableDecision{Control: controls.ID(fmt.Sprintf("164.3%02d(a)(2)(iv)", j)),
					CatalogVersion: version, Decision: controls.DecisionImplemented, DecidedBy: "Security officer",
					DecidedOn: base - 30, Version: 1, CreatedAt: a.CreatedAt, UpdatedAt: a.CreatedAt}
				doc, err := json.Marshal(&d)
				require.NoError(tb, err)
				decisions = append(decisions, []any{string(seedOrg(i)), version, string(d.Control), d.Version, doc})
			}
		}
	}
	n, err := pool.CopyFrom(ctx, pgx.Identifier{"analyses"}, []string{"org_id", "id", "version", "year", "doc"},
		pgx.CopyFromRows(analyses))
	require.NoError(tb, err)
	require.EqualValues(tb, orgs*perOrg, n)
	n, err = pool.CopyFrom(ctx, pgx.Identifier{"control_decisions"},
		[]string{"org_id", "catalog_version", "control", "version", "doc"}, pgx.CopyFromRows(decisions))
	require.NoError(tb, err)
	require.EqualValues(tb, 2*orgs*perOrg, n)
}
