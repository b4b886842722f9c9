package sqlite_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// plan returns the detail lines of EXPLAIN QUERY PLAN for query, with every parameter
// bound to 1 (the plan does not depend on the values).
func plan(t *testing.T, s *sqlite.Store, query string) []string {
	t.Helper()
	args := make([]any, strings.Count(query, "?"))
	for i := range args {
		args[i] = 1
	}
	rows, err := sqlite.DB(s).QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	require.NoError(t, err)
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, notUsed int
		var detail string
		require.NoError(t, rows.Scan(&id, &parent, &notUsed, &detail))
		lines = append(lines, detail)
	}
	require.NoError(t, rows.Err())
	return lines
}

// TestQueryPlans checks that every query is answered from an index: no full scan of a
// table, the expected index for each listing, and no sort where the index gives the order.
func TestQueryPlans(t *testing.T) {
	s := openFile(t)
	defer s.Close()
	type want struct {
		index  string // the plan must use it
		sorted bool   // the index gives the order: no temporary B-tree
		seek   string // if set, the index search includes it (a cursor the index seeks to)
	}
	cases := map[string]struct {
		query string
		want  want
	}{}
	for name, q := range sqlite.Queries {
		cases[name] = struct {
			query string
			want  want
		}{query: q}
	}
	for name, q := range sqlite.Updates {
		cases[name] = struct {
			query string
			want  want
		}{query: q}
	}
	expect := map[string]want{
		"Vendors.Get":              {index: "sqlite_autoindex_vendors_1"},
		"Vendors.Version":          {index: "sqlite_autoindex_vendors_1"},
		"Vendors.Update":           {index: "sqlite_autoindex_vendors_1"},
		"Vendors.ReviewsDue":       {index: "vendors_review_due", sorted: true},
		"Vendors.ReviewsDue/unset": {index: "vendors_review_due", sorted: true},
		"Vendors.Expiring":         {index: "vendors_expiring", sorted: true},
		"Vendors.Stalled":          {index: "vendors_stalled", sorted: true},
		"Vendors.Stalled/unset":    {index: "vendors_stalled", sorted: true},
		"Audit.Last":               {index: "PRIMARY KEY", sorted: true},
		"Audit.List":               {index: "PRIMARY KEY", sorted: true},
		"Events.Last":              {index: "PRIMARY KEY", sorted: true},
		"Events.List":              {index: "PRIMARY KEY", sorted: true},
	}
	lists := map[string]storage.VendorQuery{
		"Vendors.List":           {},
		"Vendors.List/page":      {AfterName: "Acme", AfterID: "v1", Limit: 50},
		"Vendors.List/states":    {States: vendors.PendingStates()},
		"Vendors.List/category":  {Categories: []vendors.Category{vendors.CategoryEHR}},
		"Vendors.List/all":       {States: vendors.InForceStates(), Categories: []vendors.Category{vendors.CategoryEHR}, AfterName: "A", Limit: 5},
		"Vendors.List/stateOnly": {States: []vendors.State{vendors.StateSigned}},
		"Vendors.List/name":      {Name: "Acme  Specialty RX"},
		"Vendors.List/name/page": {Name: "Acme", AfterName: "Acme", AfterID: "v1", Limit: 2},
	}
	for name, q := range lists {
		text, _ := sqlite.ListSQL("org-a", q)
		cases[name] = struct {
			query string
			want  want
		}{query: text}
	}
	expect["Vendors.List"] = want{index: "vendors_by_name", sorted: true}
	expect["Vendors.List/page"] = want{index: "vendors_by_name", sorted: true}
	expect["Vendors.List/name"] = want{index: "vendors_by_name_key", sorted: true, seek: "name_key=?"}
	expect["Vendors.List/name/page"] = want{index: "vendors_by_name_key", sorted: true, seek: "name_key=?"}

	// The task listings: each shape the engine asks for reads the index that answers it,
	// in the listing's order (due date, then id).
	window := storage.Window{From: d0, To: d0 + 31}
	taskLists := map[string]struct {
		q     storage.TaskQuery
		index string
	}{
		"Tasks.List/open":            {storage.TaskQuery{Open: true}, "tasks_open_due"},
		"Tasks.List/openDue":         {storage.TaskQuery{Open: true, Due: window}, "tasks_open_due"},
		"Tasks.List/openDue/page":    {storage.TaskQuery{Open: true, Due: window, AfterDue: d0 + 3, AfterID: "t9", Limit: 100}, "tasks_open_due"},
		"Tasks.List/overdue":         {storage.TaskQuery{Open: true, Due: storage.Window{From: 1, To: d0}}, "tasks_open_due"},
		"Tasks.List/overdueFromZero": {storage.TaskQuery{Open: true, Due: storage.Window{To: d0}}, "tasks_open_due"},
		"Tasks.List/mine":            {storage.TaskQuery{Open: true, Person: "u-kim"}, "tasks_by_person"},
		"Tasks.List/mine/due":        {storage.TaskQuery{Open: true, Person: "u-kim", Due: window}, "tasks_by_person"},
		"Tasks.List/mine/all":        {storage.TaskQuery{Person: "u-kim"}, "tasks_by_person"},
		"Tasks.List/role":            {storage.TaskQuery{Open: true, Role: task.RolePrivacyOfficer}, "tasks_by_role"},
		"Tasks.List/site":            {storage.TaskQuery{Open: true, Site: "infusion"}, "tasks_open_by_site"},
		"Tasks.List/site/overdue":    {storage.TaskQuery{Open: true, Site: "infusion", Due: storage.Window{From: 1, To: d0}}, "tasks_open_by_site"},
		"Tasks.List/subject":         {storage.TaskQuery{Open: true, Subject: task.Subject{Type: "trial", ID: "tr-1"}}, "tasks_by_subject"},
		"Tasks.List/subject/all":     {storage.TaskQuery{Subject: task.Subject{Type: "vendor", ID: "v-1"}}, "tasks_by_subject"},
		"Tasks.List/series":          {storage.TaskQuery{Series: "t1"}, "tasks_by_series"},
		"Tasks.List/series/page":     {storage.TaskQuery{Series: "t1", AfterDue: d0, AfterID: "t1", Limit: 10}, "tasks_by_series"},
		"Tasks.List/all":             {storage.TaskQuery{}, ""}, // the primary key's range, sorted
	}
	for name, c := range taskLists {
		text, _ := sqlite.TaskListSQL("org-a", c.q)
		cases[name] = struct {
			query string
			want  want
		}{query: text}
		if c.index != "" {
			expect[name] = want{index: c.index, sorted: true}
		}
	}
	// A page seeks to its cursor rather than reading the window from its start.
	expect["Tasks.List/openDue/page"] = want{index: "tasks_open_due", sorted: true, seek: "(due_on,id)>(?,?)"}
	expect["Tasks.List/series/page"] = want{index: "tasks_by_series", sorted: true, seek: "(due_on,id)>(?,?)"}
	memberLists := map[string]struct {
		q     storage.MemberQuery
		index string
	}{
		"Members.List":             {storage.MemberQuery{}, "members_by_name"},
		"Members.List/active":      {storage.MemberQuery{ActiveOn: d0}, "members_by_name"},
		"Members.List/role":        {storage.MemberQuery{Role: workforce.RoleNurse}, "members_by_role"},
		"Members.List/role/active": {storage.MemberQuery{Role: workforce.RoleNurse, ActiveOn: d0}, "members_by_role"},
	}
	for name, c := range memberLists {
		text, _ := sqlite.MemberListSQL("org-a", c.q)
		cases[name] = struct {
			query string
			want  want
		}{query: text}
		expect[name] = want{index: c.index, sorted: true}
	}
	// The incident listings: open files through the partial index, the rest (a discovery
	// window for the annual log) through the full one, both in (discovered_on, id) order.
	year := storage.Window{From: d0, To: d0 + 365}
	incidentLists := map[string]struct {
		q     storage.IncidentQuery
		index string
	}{
		"Incidents.List":                 {storage.IncidentQuery{}, "incidents_by_discovery"},
		"Incidents.List/open":            {storage.IncidentQuery{Open: true}, "incidents_open"},
		"Incidents.List/discovered":      {storage.IncidentQuery{Discovered: year}, "incidents_by_discovery"},
		"Incidents.List/open/discovered": {storage.IncidentQuery{Open: true, Discovered: year}, "incidents_open"},
	}
	for name, c := range incidentLists {
		text, _ := sqlite.IncidentListSQL("org-a", c.q)
		cases[name] = struct {
			query string
			want  want
		}{query: text}
		expect[name] = want{index: c.index, sorted: true}
	}
	expect["Incidents.List/discovered"] = want{index: "incidents_by_discovery", sorted: true, seek: "discovered_on>? AND discovered_on<?"}
	expect["Incidents.List/open/discovered"] = want{index: "incidents_open", sorted: true, seek: "discovered_on>? AND discovered_on<?"}
	// The register: treatments due in a window and accepted risks due for review in one
	// read their partial index, in (date, id) order, seeking to the window; the whole
	// register and the open risks read the primary key, in id order.
	riskLists := map[string]struct {
		q     storage.RiskQuery
		index string
		seek  string
	}{
		"Risks.List":                   {storage.RiskQuery{}, "sqlite_autoindex_risks_1", ""},
		"Risks.List/open":              {storage.RiskQuery{Open: true}, "sqlite_autoindex_risks_1", ""},
		"Risks.List/treatmentDue":      {storage.RiskQuery{TreatmentDue: window}, "risks_treatment_due", "due_on>? AND due_on<?"},
		"Risks.List/treatmentDue/open": {storage.RiskQuery{Open: true, TreatmentDue: window}, "risks_treatment_due", "due_on>? AND due_on<?"},
		"Risks.List/reviewDue":         {storage.RiskQuery{ReviewDue: window}, "risks_review_due", "review_on>? AND review_on<?"},
		"Risks.List/reviewDue/open":    {storage.RiskQuery{Open: true, ReviewDue: window}, "risks_review_due", "review_on>? AND review_on<?"},
	}
	for name, c := range riskLists {
		text, _ := sqlite.RiskListSQL("org-a", c.q)
		cases[name] = struct {
			query string
			want  want
		}{query: text}
		expect[name] = want{index: c.index, sorted: true, seek: c.seek}
	}
	expect["Analyses.List"] = want{index: "analyses_by_year", sorted: true}
	expect["ControlDecisions.List"] = want{index: "sqlite_autoindex_control_decisions_1", sorted: true, seek: "catalog_version=?"}
	for _, name := range []string{"ControlDecisions.Get", "ControlDecisions.Version", "ControlDecisions.Update"} {
		expect[name] = want{index: "sqlite_autoindex_control_decisions_1", seek: "catalog_version=? AND control=?"}
	}
	for _, name := range []string{"Templates.Get", "Templates.Version", "Templates.Update", "Tasks.Get", "Tasks.Version",
		"Tasks.Update", "Members.Get", "Members.Version", "Members.Update", "Trials.Get", "Trials.Version", "Trials.Update",
		"Incidents.Get", "Incidents.Version", "Incidents.Update", "Risks.Get", "Risks.Version", "Risks.Update",
		"Analyses.Get", "Analyses.Version", "Analyses.Update"} {
		expect[name] = want{index: "sqlite_autoindex_" + strings.ToLower(name[:strings.Index(name, ".")]) + "_1"}
	}
	expect["Templates.List"] = want{index: "sqlite_autoindex_templates_1", sorted: true}
	expect["Trials.List"] = want{index: "sqlite_autoindex_trials_1", sorted: true}
	expect["Trials.List/status"] = want{index: "trials_by_status", sorted: true}

	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		c := cases[name]
		t.Run(name, func(t *testing.T) {
			lines := plan(t, s, c.query)
			t.Logf("%s\n  %s", strings.Join(strings.Fields(c.query), " "), strings.Join(lines, "\n  "))
			require.NotEmpty(t, lines)
			for _, l := range lines {
				require.False(t, strings.HasPrefix(l, "SCAN "), "full scan: %s", l)
			}
			all := strings.Join(lines, "\n")
			require.Contains(t, all, "org_id=?", "every query filters by organization through an index")
			if w := expect[name]; w.index != "" {
				require.Contains(t, all, w.index)
				if w.sorted {
					require.NotContains(t, all, "TEMP B-TREE")
				}
				if w.seek != "" {
					require.Contains(t, all, w.seek)
				}
			}
		})
	}
}

// quoted renders states as an SQL list: ('a', 'b').
func quoted[S ~string](ss []S) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = "'" + string(s) + "'"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// TestStateLists checks the partial indexes' state lists against the vendors and task
// packages, and
// that the migration declares the indexes with the same lists the queries repeat.
func TestStateLists(t *testing.T) {
	require.Equal(t, quoted(vendors.InForceStates()), sqlite.StateLists["in force"])
	require.Equal(t, quoted(append(vendors.InForceStates(), vendors.StateExpired)), sqlite.StateLists["expiring"])
	require.Equal(t, quoted(vendors.PendingStates()), sqlite.StateLists["pending"])
	require.Equal(t, quoted(task.OpenStates()), sqlite.StateLists["open tasks"])
	tasksSQL, err := fs.ReadFile(sqlite.Migrations, "0002_tasks.sql")
	require.NoError(t, err)
	require.Equal(t, 2, strings.Count(string(tasksSQL), "state IN "+sqlite.StateLists["open tasks"]),
		"both open-task partial indexes use the list the queries repeat")
	for _, st := range task.StateValues() {
		require.Equal(t, !st.Closed(), strings.Contains(sqlite.StateLists["open tasks"], "'"+string(st)+"'"), st)
	}
	for _, st := range vendors.StateValues() {
		require.Equal(t, st.InForce(), strings.Contains(sqlite.StateLists["in force"], "'"+string(st)+"'"), st)
		require.Equal(t, st.Pending(), strings.Contains(sqlite.StateLists["pending"], "'"+string(st)+"'"), st)
	}
}
