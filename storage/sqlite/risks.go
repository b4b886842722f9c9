package sqlite

import (
	"context"
	"iter"
	"math"
	"strings"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
)

// notClosedSQL keeps the risks that are not closed, spelled from the domain's constant.
const notClosedSQL = `status <> '` + string(riskreg.StatusClosed) + `'`

type riskStore struct{ t *tx }

func (s riskStore) table() docTable[riskreg.ID, riskreg.Risk] {
	return docTable[riskreg.ID, riskreg.Risk]{t: s.t, kind: "risk", st: &s.t.c.st.risk,
		id:      func(v *riskreg.Risk) riskreg.ID { return v.ID },
		version: func(v *riskreg.Risk) *int64 { return &v.Version },
		cols: func(v *riskreg.Risk) []any {
			// The domain derives both dates; the columns are NULL for the zero date.
			return []any{string(v.Status), dateArg(v.TreatmentDueOn()), dateArg(v.AcceptanceReviewOn())}
		}}
}

func (s riskStore) Get(ctx context.Context, id riskreg.ID) (riskreg.Risk, error) {
	return s.table().get(ctx, id)
}

func (s riskStore) Create(ctx context.Context, v *riskreg.Risk) error {
	return s.table().create(ctx, v)
}

func (s riskStore) Update(ctx context.Context, v *riskreg.Risk) error {
	return s.table().update(ctx, v)
}

// List runs one query, built by riskListSQL, over the index that gives its order.
func (s riskStore) List(ctx context.Context, q storage.RiskQuery) iter.Seq2[riskreg.Risk, error] {
	text, args := riskListSQL(s.t.org, q)
	return s.table().list(ctx, "list risks", query{text: text, args: args})
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

type analysisStore struct{ t *tx }

func (s analysisStore) table() docTable[riskreg.AnalysisID, riskreg.Analysis] {
	return docTable[riskreg.AnalysisID, riskreg.Analysis]{t: s.t, kind: "analysis", st: &s.t.c.st.analysis,
		id:      func(v *riskreg.Analysis) riskreg.AnalysisID { return v.ID },
		version: func(v *riskreg.Analysis) *int64 { return &v.Version },
		cols:    func(v *riskreg.Analysis) []any { return []any{int64(v.Year)} }}
}

func (s analysisStore) Get(ctx context.Context, id riskreg.AnalysisID) (riskreg.Analysis, error) {
	return s.table().get(ctx, id)
}

func (s analysisStore) Create(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().create(ctx, v)
}

func (s analysisStore) Update(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().update(ctx, v)
}

// List reads the analyses through analyses_by_year, (org_id, year, id): the listing's
// order, from the cursor on (without one, from before the smallest year).
func (s analysisStore) List(ctx context.Context, q storage.AnalysisQuery) iter.Seq2[riskreg.Analysis, error] {
	year := int64(math.MinInt64)
	if q.AfterID != "" {
		year = int64(q.AfterYear)
	}
	return s.table().list(ctx, "list analyses",
		query{stmt: s.t.c.st.analysisList, args: []any{s.t.org, year, string(q.AfterID), limitArg(q.Limit)}})
}

type decisionStore struct{ t *tx }

// table is the table of the decisions of one catalog version: the version is the first
// part of the key after the organization, (org_id, catalog_version, control).
func (s decisionStore) table(catalogVersion string) docTable[controls.ID, controls.AddressableDecision] {
	return docTable[controls.ID, controls.AddressableDecision]{t: s.t, kind: "control decision",
		st: &s.t.c.st.decision, scope: []string{catalogVersion},
		id:      func(v *controls.AddressableDecision) controls.ID { return v.Control },
		version: func(v *controls.AddressableDecision) *int64 { return &v.Version }}
}

func (s decisionStore) Get(ctx context.Context, k controls.DecisionKey) (controls.AddressableDecision, error) {
	return s.table(k.CatalogVersion).get(ctx, k.Control)
}

func (s decisionStore) Create(ctx context.Context, v *controls.AddressableDecision) error {
	return s.table(v.CatalogVersion).create(ctx, v)
}

func (s decisionStore) Update(ctx context.Context, v *controls.AddressableDecision) error {
	return s.table(v.CatalogVersion).update(ctx, v)
}

// List reads one catalog version's range of the primary key, in control order.
func (s decisionStore) List(ctx context.Context, catalogVersion string) iter.Seq2[controls.AddressableDecision, error] {
	return s.table(catalogVersion).list(ctx, "list control decisions",
		query{stmt: s.t.c.st.decisionList, args: []any{s.t.org, catalogVersion}})
}
