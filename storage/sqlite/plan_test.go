package sqlite_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/vendors"
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
			}
		})
	}
}

// TestStateLists checks the partial indexes' state lists against the vendors package, and
// that the migration declares the indexes with the same lists the queries repeat.
func TestStateLists(t *testing.T) {
	quoted := func(ss []vendors.State) string {
		parts := make([]string, len(ss))
		for i, s := range ss {
			parts[i] = "'" + string(s) + "'"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	require.Equal(t, quoted(vendors.InForceStates()), sqlite.StateLists["in force"])
	require.Equal(t, quoted(append(vendors.InForceStates(), vendors.StateExpired)), sqlite.StateLists["expiring"])
	require.Equal(t, quoted(vendors.PendingStates()), sqlite.StateLists["pending"])
	for _, st := range vendors.StateValues() {
		require.Equal(t, st.InForce(), strings.Contains(sqlite.StateLists["in force"], "'"+string(st)+"'"), st)
		require.Equal(t, st.Pending(), strings.Contains(sqlite.StateLists["pending"], "'"+string(st)+"'"), st)
	}
}
