package sqlite

import (
	"context"
	"fmt"
	"iter"
	"math"
	"strings"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
)

// notClosedSQL keeps the risks that are not closed, spelled from the domain's constant.
const notClosedSQL = `status <> '` + string(riskreg.StatusClosed) + `'`

// riskTable projects the status and the two dates the register's windows read, which
// the domain derives ([riskreg.Risk.TreatmentDueOn], [riskreg.Risk.AcceptanceReviewOn]);
// the columns are NULL for the zero date.
var riskTable = &table[riskreg.ID, riskreg.Risk]{kind: "risk",
	schema: &schema{name: "risks", keys: []string{"id"}, cols: []string{"status", "due_on", "review_on"},
		stmts: func(st *statements) *docStmts { return &st.risk }},
	keyOf:     func(v *riskreg.Risk) riskreg.ID { return v.ID },
	appendKey: idKey[riskreg.ID],
	version:   func(v *riskreg.Risk) *int64 { return &v.Version },
	appendCols: func(args []any, v *riskreg.Risk) []any {
		return append(args, string(v.Status), dateArg(v.TreatmentDueOn()), dateArg(v.AcceptanceReviewOn()))
	}}

type riskStore struct {
	records[riskreg.ID, riskreg.Risk]
}

// List runs one query, built by riskListSQL, over the index that gives its order.
func (s riskStore) List(ctx context.Context, q storage.RiskQuery) iter.Seq2[riskreg.Risk, error] {
	text, args := riskListSQL(s.t.org, q)
	return s.list(ctx, "list risks", nil, query{text: text, args: args})
}

// riskListSQL builds the query of a register listing. With a treatment window it reads
// the partial index risks_treatment_due, ordered by (due_on, id); with a review window
// risks_review_due, ordered by (review_on, id). A window's range on the column implies
// the index's condition (due_on or review_on IS NOT NULL), and since those columns are
// NULL unless the risk is treating or accepted, the window selects only such risks, which
// are open. Without a window the query reads the organization's range of the primary
// key, in id order, leaving out the closed risks when q.Open. The index is named
// (INDEXED BY), as for tasks and incidents, so that a query it cannot answer fails to
// prepare instead of scanning.
func riskListSQL(orgID string, q storage.RiskQuery) (string, []any) {
	var b strings.Builder
	args := []any{orgID}
	treatment, review := q.TreatmentDue != (storage.Window{}), q.ReviewDue != (storage.Window{})
	b.WriteString(`SELECT version, doc FROM risks`)
	order, cursor := `id`, `id > ?`
	switch {
	case treatment:
		b.WriteString(` INDEXED BY risks_treatment_due`)
		order, cursor = `due_on, id`, `(due_on, id) > (?, ?)`
	case review:
		b.WriteString(` INDEXED BY risks_review_due`)
		order, cursor = `review_on, id`, `(review_on, id) > (?, ?)`
	}
	b.WriteString(` WHERE org_id = ?`)
	if treatment {
		b.WriteString(` AND due_on >= ? AND due_on < ?`)
		args = append(args, int64(q.TreatmentDue.From), int64(q.TreatmentDue.To))
	}
	if review { // with a treatment window too, nothing matches: no risk is both
		b.WriteString(` AND review_on >= ? AND review_on < ?`)
		args = append(args, int64(q.ReviewDue.From), int64(q.ReviewDue.To))
	}
	if q.Open && !treatment && !review {
		b.WriteString(` AND ` + notClosedSQL)
	}
	if q.AfterID != "" {
		b.WriteString(` AND ` + cursor)
		if treatment || review {
			args = append(args, int64(q.AfterOn))
		}
		args = append(args, string(q.AfterID))
	}
	b.WriteString(` ORDER BY ` + order)
	if q.Limit > 0 {
		b.WriteString(` LIMIT ?`)
		args = append(args, q.Limit)
	}
	return b.String(), args
}

var analysisTable = &table[riskreg.AnalysisID, riskreg.Analysis]{kind: "analysis",
	schema: &schema{name: "analyses", keys: []string{"id"}, cols: []string{"year"},
		stmts: func(st *statements) *docStmts { return &st.analysis }},
	keyOf:      func(v *riskreg.Analysis) riskreg.AnalysisID { return v.ID },
	appendKey:  idKey[riskreg.AnalysisID],
	version:    func(v *riskreg.Analysis) *int64 { return &v.Version },
	appendCols: func(args []any, v *riskreg.Analysis) []any { return append(args, int64(v.Year)) }}

type analysisStore struct {
	records[riskreg.AnalysisID, riskreg.Analysis]
}

// List reads the analyses through analyses_by_year, (org_id, year, id): the listing's
// order, from the cursor on (without one, from before the smallest year).
func (s analysisStore) List(ctx context.Context, q storage.AnalysisQuery) iter.Seq2[riskreg.Analysis, error] {
	year := int64(math.MinInt64)
	if q.AfterID != "" {
		year = int64(q.AfterYear)
	}
	return s.list(ctx, "list analyses", nil,
		query{stmt: s.t.c.st.analysisList, args: []any{s.t.org, year, string(q.AfterID), limitArg(q.Limit)}})
}

// decisionTable keys a decision by (org_id, catalog_version, control): one per control
// and catalog version.
var decisionTable = &table[controls.DecisionKey, controls.AddressableDecision]{kind: "control decision",
	schema: &schema{name: "control_decisions", keys: []string{"catalog_version", "control"},
		stmts: func(st *statements) *docStmts { return &st.decision }},
	keyOf: (*controls.AddressableDecision).Key,
	appendKey: func(args []any, k controls.DecisionKey) []any {
		return append(args, k.CatalogVersion, string(k.Control))
	},
	version: func(v *controls.AddressableDecision) *int64 { return &v.Version },
	name: func(_ *tx, k controls.DecisionKey) string {
		return fmt.Sprintf("control decision %q", k.CatalogVersion+"/"+string(k.Control))
	}}

type decisionStore struct {
	records[controls.DecisionKey, controls.AddressableDecision]
}

// List reads one catalog version's range of the primary key, in control order.
func (s decisionStore) List(ctx context.Context, catalogVersion string) iter.Seq2[controls.AddressableDecision, error] {
	return s.list(ctx, "list control decisions", nil,
		query{stmt: s.t.c.st.decisionList, args: []any{s.t.org, catalogVersion}})
}
