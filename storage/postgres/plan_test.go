package postgres_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/postgres"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

type planNode struct {
	NodeType  string     `json:"Node Type"`
	IndexName string     `json:"Index Name"`
	Plans     []planNode `json:"Plans"`
}

// walk lists the node types and the indexes of a plan.
func (n planNode) walk(nodes, indexes *[]string) {
	*nodes = append(*nodes, n.NodeType)
	if n.IndexName != "" {
		*indexes = append(*indexes, n.IndexName)
	}
	for _, c := range n.Plans {
		c.walk(nodes, indexes)
	}
}

// TestQueryPlans shows that each vendor query of one organization reads through the
// index made for it, in order (no Sort), on 10,000 vendors of 100 organizations, with
// the custom plans PostgreSQL makes for the first executions of a prepared statement
// and the generic plan it may switch to later.
func TestQueryPlans(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	seed(t, pool, 100, 100)

	o := string(seedOrg(7))
	from, to := pgDate(base), pgDate(base+dayWindow)
	v := seedVendor(5, 100)
	doc, err := json.Marshal(&v)
	require.NoError(t, err)
	checks := map[string]planCheck{
		"Vendors.Get": {postgres.Queries["Vendors.Get"], []any{o, "v-000005"}, "vendors_pkey", false},
		"Vendors.Update": {postgres.Queries["Vendors.Update"], []any{o, "v-000005", int64(1), v.Name, vendors.NameKey(v.Name), string(v.Category),
			string(v.BAA.State), pgDate(v.BAA.NextReviewOn), pgDate(v.BAA.ExpiresOn), pgDate(v.BAA.LastActivityOn), string(doc)},
			"vendors_pkey", false},
		"Vendors.ReviewsDue": {postgres.Queries["Vendors.ReviewsDue"], []any{o, from, to}, "vendors_org_review", true},
		// The "unset" variants also return the vendors without a date (IS NULL OR range):
		// the planner may read both parts of the same index and sort the few rows.
		"Vendors.ReviewsDue/unset": {postgres.Queries["Vendors.ReviewsDue/unset"], []any{o, from, to}, "vendors_org_review", false},
		"Vendors.Expiring":         {postgres.Queries["Vendors.Expiring"], []any{o, from, to}, "vendors_org_expiry", true},
		"Vendors.Stalled":          {postgres.Queries["Vendors.Stalled"], []any{o, pgDate(base - 30)}, "vendors_org_activity", true},
		"Vendors.Stalled/unset":    {postgres.Queries["Vendors.Stalled/unset"], []any{o, pgDate(base - 30)}, "vendors_org_activity", false},
	}
	lists := map[string]storage.VendorQuery{
		"Vendors.List":         {},
		"Vendors.List/page":    {AfterName: "Vault PACS 41", AfterID: "v-000041", Limit: 20},
		"Vendors.List/pending": {States: vendors.PendingStates(), Limit: 20},
	}
	for name, q := range lists {
		sql, args := postgres.ListSQL(q)
		args[0] = o
		c := planCheck{sql, args, "vendors_org_name", true}
		if len(q.States) > 0 {
			// Filtered by state, the name index, the state index or a partial index whose
			// states the filter names (then a sort of the few rows) are all right.
			c.index, c.ordered = "vendors_org_name|vendors_org_state|vendors_org_activity", false
		}
		checks[name] = c
	}
	// By name key: the vendors of one key, a row or two, sorted.
	sql, args := postgres.ListSQL(storage.VendorQuery{Name: "  VAULT pacs 41 "})
	args[0] = o
	checks["Vendors.List/name"] = planCheck{sql, args, "vendors_org_name_key", false}
	requirePlans(t, pool, checks)
}

// TestTaskQueryPlans shows that each task query the engine makes of one organization
// (the sweep's open tasks due in a window, overdue tasks, my tasks, a role's, overdue
// by site, a record's tasks, a series, a page) and the roster listings read through the
// index made for them, in order (no Sort), on 10,000 tasks and 10,000 members of 100
// organizations, with custom and generic plans.
func TestTaskQueryPlans(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	seedTasks(t, pool, 100, 100)
	seedMembers(t, pool, 100, 100)
	_, err := pool.Exec(ctx, "ANALYZE tasks, members")
	require.NoError(t, err)

	o := string(seedOrg(7))
	v := seedTask(5)
	doc, err := json.Marshal(&v)
	require.NoError(t, err)
	checks := map[string]planCheck{
		"Tasks.Get": {postgres.Queries["Tasks.Get"], []any{o, "t-000005"}, "tasks_pkey", false},
		"Tasks.Update": {postgres.Queries["Tasks.Update"], []any{o, "t-000005", int64(1), string(v.State), pgDate(v.DueOn),
			v.Assignee.Person, string(v.Assignee.Role), string(v.Site), v.Subject.Type, v.Subject.ID, string(v.Series), string(doc)},
			"tasks_pkey", false},
	}
	month := storage.Window{From: base, To: base + 31}
	tasks := map[string]struct {
		q     storage.TaskQuery
		index string
	}{
		"open due in a window (the sweep)": {storage.TaskQuery{Open: true, Due: month}, "tasks_org_open_due"},
		"open due in a window, page":       {storage.TaskQuery{Open: true, Due: month, AfterDue: base + 3, AfterID: "t-000001", Limit: 20}, "tasks_org_open_due"},
		"overdue":                          {storage.TaskQuery{Open: true, Due: storage.Window{To: base}}, "tasks_org_open_due"},
		"overdue (the sweep)":              {storage.TaskQuery{Open: true, Due: storage.Window{From: 1, To: base}}, "tasks_org_open_due"},
		"open":                             {storage.TaskQuery{Open: true}, "tasks_org_open_due"},
		"my tasks":                         {storage.TaskQuery{Open: true, Person: "u-03"}, "tasks_org_person"},
		"a role's tasks":                   {storage.TaskQuery{Open: true, Role: task.RolePhysicist}, "tasks_org_role"},
		"overdue by site":                  {storage.TaskQuery{Open: true, Site: "infusion", Due: storage.Window{To: base}}, "tasks_org_site_open"},
		"by subject":                       {storage.TaskQuery{Subject: task.Subject{Type: "vendor", ID: "v-000003"}}, "tasks_org_subject"},
		"open by subject":                  {storage.TaskQuery{Open: true, Subject: task.Subject{Type: "trial", ID: "tr-04"}}, "tasks_org_subject"},
		"by series":                        {storage.TaskQuery{Series: "t-000008"}, "tasks_org_series"},
	}
	for name, c := range tasks {
		sql, args := postgres.TaskListSQL(c.q)
		require.NotEmpty(t, sql, name)
		args[0] = o
		checks["Tasks.List/"+name] = planCheck{sql, args, c.index, true}
	}
	members := map[string]struct {
		q     storage.MemberQuery
		index string
	}{
		"all":                {storage.MemberQuery{}, "members_org_name"},
		"active on":          {storage.MemberQuery{ActiveOn: base}, "members_org_name"},
		"by role":            {storage.MemberQuery{Role: workforce.RoleNurse}, "members_org_role"},
		"by role, active on": {storage.MemberQuery{Role: workforce.RoleNurse, ActiveOn: base}, "members_org_role"},
		"page":               {storage.MemberQuery{AfterName: "M", AfterID: "m-000001", Limit: 20}, "members_org_name"},
	}
	for name, c := range members {
		sql, args := postgres.MemberListSQL(c.q)
		args[0] = o
		checks["Members.List/"+name] = planCheck{sql, args, c.index, true}
	}
	requirePlans(t, pool, checks)
}

// TestIncidentQueryPlans shows that the incident listings of one organization (the open
// files, a discovery window such as the year of the HHS log, both, all) read through
// their index, in order (no Sort), on 20,000 incidents of 100 organizations, with custom
// and generic plans.
func TestIncidentQueryPlans(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	seedIncidents(t, pool, 100, 200)
	_, err := pool.Exec(ctx, "ANALYZE incidents")
	require.NoError(t, err)

	o := string(seedOrg(7))
	v := seedIncident(5)
	doc, err := json.Marshal(&v)
	require.NoError(t, err)
	checks := map[string]planCheck{
		"Incidents.Get": {postgres.Queries["Incidents.Get"], []any{o, string(v.ID)}, "incidents_pkey", false},
		"Incidents.Update": {postgres.Queries["Incidents.Update"], []any{o, string(v.ID), int64(1), pgDate(v.DiscoveredOn),
			pgDate(v.ClosedOn), string(doc)}, "incidents_pkey", false},
	}
	year := storage.Window{From: base - 365, To: base}
	incidents := map[string]struct {
		q     storage.IncidentQuery
		index string
	}{
		"open":                  {storage.IncidentQuery{Open: true}, "incidents_org_open"},
		"discovered in a year":  {storage.IncidentQuery{Discovered: year}, "incidents_org_discovered"},
		"open, discovered then": {storage.IncidentQuery{Open: true, Discovered: year}, "incidents_org_open"},
		"all":                   {storage.IncidentQuery{}, "incidents_org_discovered"},
		"page":                  {storage.IncidentQuery{AfterDiscovered: base - 100, AfterID: "i-000001", Limit: 20}, "incidents_org_discovered"},
		"open, page":            {storage.IncidentQuery{Open: true, AfterDiscovered: base - 100, AfterID: "i-000001", Limit: 20}, "incidents_org_open"},
	}
	for name, c := range incidents {
		sql, args := postgres.IncidentListSQL(c.q)
		require.NotEmpty(t, sql, name)
		args[0] = o
		checks["Incidents.List/"+name] = planCheck{sql, args, c.index, true}
	}
	requirePlans(t, pool, checks)
}

// TestRiskQueryPlans shows that the register's listings of one organization (treatments
// due in a window or overdue, acceptances due for review, the open risks, all), its
// analyses by year and a catalog version's control decisions read through their index,
// in order (no Sort), on 20,000 risks, 2,000 analyses and 4,000 decisions of 100
// organizations, with custom and generic plans.
func TestRiskQueryPlans(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	pool := postgres.Pool(s)
	seedRisks(t, pool, 100, 200)
	seedAnalyses(t, pool, 100, 20)
	_, err := pool.Exec(ctx, "ANALYZE risks, analyses, control_decisions")
	require.NoError(t, err)

	o := string(seedOrg(7))
	v := seedRisk(5) // being treated
	doc, err := json.Marshal(&v)
	require.NoError(t, err)
	checks := map[string]planCheck{
		"Risks.Get": {postgres.Queries["Risks.Get"], []any{o, string(v.ID)}, "risks_pkey", false},
		"Risks.Update": {postgres.Queries["Risks.Update"], []any{o, string(v.ID), int64(1), string(v.Status), pgDate(v.DueOn),
			pgDate(0), string(doc)}, "risks_pkey", false},
		"Analyses.Get":  {postgres.Queries["Analyses.Get"], []any{o, "sra-2007"}, "analyses_pkey", false},
		"Analyses.List": {postgres.Queries["Analyses.List"], []any{o}, "analyses_org_year", true},
		"ControlDecisions.Get": {postgres.Queries["ControlDecisions.Get"], []any{o, "2013-omnibus", "164.303(a)(2)(iv)"},
			"control_decisions_pkey", false},
		"ControlDecisions.Update": {postgres.Queries["ControlDecisions.Update"], []any{o, "2013-omnibus", "164.303(a)(2)(iv)",
			int64(1), `{}`}, "control_decisions_pkey", false},
		"ControlDecisions.List": {postgres.Queries["ControlDecisions.List"], []any{o, "2013-omnibus"}, "control_decisions_pkey", true},
	}
	quarter := storage.Window{From: base, To: base + 90}
	risks := map[string]struct {
		q     storage.RiskQuery
		index string
	}{
		"treatments due in a window":      {storage.RiskQuery{TreatmentDue: quarter}, "risks_org_treatment_due"},
		"open treatments due in a window": {storage.RiskQuery{Open: true, TreatmentDue: quarter}, "risks_org_treatment_due"},
		"treatments overdue":              {storage.RiskQuery{TreatmentDue: storage.Window{To: base}}, "risks_org_treatment_due"},
		"reviews due in a window":         {storage.RiskQuery{ReviewDue: quarter}, "risks_org_review_due"},
		"reviews overdue":                 {storage.RiskQuery{ReviewDue: storage.Window{From: 1, To: base}}, "risks_org_review_due"},
		"open":                            {storage.RiskQuery{Open: true}, "risks_pkey"},
		"all":                             {storage.RiskQuery{}, "risks_pkey"},
		"page":                            {storage.RiskQuery{AfterID: "r-000010", Limit: 20}, "risks_pkey"},
		"treatments due, page":            {storage.RiskQuery{TreatmentDue: quarter, AfterOn: base + 10, AfterID: "r-000010", Limit: 20}, "risks_org_treatment_due"},
	}
	for name, c := range risks {
		sql, args := postgres.RiskListSQL(c.q)
		require.NotEmpty(t, sql, name)
		args[0] = o
		checks["Risks.List/"+name] = planCheck{sql, args, c.index, true}
	}
	requirePlans(t, pool, checks)
}

// planCheck is a query whose plan must read through the index named (a regular
// expression) and no Seq Scan.
type planCheck struct {
	sql     string
	args    []any
	index   string
	ordered bool // the query has ORDER BY, and the index must give the order
}

// requirePlans checks the plan of each query under both plan cache modes.
func requirePlans(t *testing.T, pool *pgxpool.Pool, checks map[string]planCheck) {
	t.Helper()
	conn, err := pool.Acquire(ctx)
	require.NoError(t, err)
	defer conn.Release()
	names := make([]string, 0, len(checks))
	for name := range checks {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, mode := range []string{"force_custom_plan", "force_generic_plan"} {
		_, err := conn.Exec(ctx, "SET plan_cache_mode = "+mode)
		require.NoError(t, err)
		for _, name := range names {
			c := checks[name]
			t.Run(fmt.Sprintf("%s/%s", name, mode), func(t *testing.T) {
				// EXPLAIN EXECUTE of a prepared statement plans it as the plan cache would.
				_, err := conn.Exec(ctx, "PREPARE planned AS "+c.sql)
				require.NoError(t, err)
				defer func() { _, _ = conn.Exec(ctx, "DEALLOCATE planned") }()
				ps := make([]string, len(c.args))
				for i := range ps {
					ps[i] = fmt.Sprintf("$%d", i+1)
				}
				// EXECUTE takes no protocol parameters: the simple protocol quotes them in.
				args := append([]any{pgx.QueryExecModeSimpleProtocol}, c.args...)
				var raw []byte
				err = conn.QueryRow(ctx, "EXPLAIN (FORMAT JSON) EXECUTE planned("+strings.Join(ps, ", ")+")", args...).Scan(&raw)
				require.NoError(t, err)
				var plans []struct {
					Plan planNode `json:"Plan"`
				}
				require.NoError(t, json.Unmarshal(raw, &plans))
				var nodes, indexes []string
				plans[0].Plan.walk(&nodes, &indexes)
				t.Logf("%s: nodes %v, indexes %v", name, nodes, indexes)
				require.NotContains(t, nodes, "Seq Scan", "a query of one organization must not read the whole table")
				require.NotEmpty(t, indexes)
				re := regexp.MustCompile("^(" + c.index + ")$")
				for _, ix := range indexes {
					require.Regexp(t, re, ix)
				}
				if c.ordered {
					require.NotContains(t, nodes, "Sort", "the index must give the order")
					require.NotContains(t, nodes, "Incremental Sort", "the index must give the order")
				}
			})
		}
	}
}

// TestStateLists checks that the queries and the migrations' partial indexes name the
// same BAA and task states, so that the planner can prove a query's predicate implies the index's.
func TestStateLists(t *testing.T) {
	b, err := fs.ReadFile(postgres.Migrations, "0001_init.sql")
	require.NoError(t, err)
	sql := strings.Join(strings.Fields(string(b)), " ")
	for name, list := range postgres.StateLists {
		require.Contains(t, sql, "WHERE baa_state IN ("+list+")", name)
	}
	require.Equal(t, "'signed', 'review_due', 'reviewed', 'renewed'", postgres.StateLists["in force"])

	b, err = fs.ReadFile(postgres.Migrations, "0002_tasks.sql")
	require.NoError(t, err)
	sql = strings.Join(strings.Fields(string(b)), " ")
	require.Equal(t, "'open', 'in_progress', 'blocked'", postgres.OpenStatesSQL)
	for _, ix := range []string{"tasks_org_open_due", "tasks_org_site_open"} {
		require.Regexp(t, ix+` ON tasks \([a-z_, ]+\) WHERE state IN \(`+regexp.QuoteMeta(postgres.OpenStatesSQL)+`\);`, sql)
	}
}
