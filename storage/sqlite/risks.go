package sqlite

import (
	"context"
	"iter"
	"strings"

	"github.com/rickb777/date/v2"

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
			return []any{string(v.Status), dateArg(riskDueOn(v)), dateArg(riskReviewOn(v))}
		}}
}

// riskDueOn is the treatment due date of a risk being treated, zero otherwise: the value
// of the due_on column, which is NULL for the zero date.
func riskDueOn(r *riskreg.Risk) date.Date {
	if r.Status != riskreg.StatusTreating {
		return date.Zero
	}
	return r.DueOn
}

// riskReviewOn is the acceptance review date of an accepted risk, zero otherwise: the
// value of the review_on column, which is NULL for the zero date.
func riskReviewOn(r *riskreg.Risk) date.Date {
	if r.Status != riskreg.StatusAccepted || r.Acceptance == nil {
		return date.Zero
	}
	return r.Acceptance.ReviewOn
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
	order := `id`
	switch {
	case treatment:
		b.WriteString(` INDEXED BY risks_treatment_due`)
		order = `due_on, id`
	case review:
		b.WriteString(` INDEXED BY risks_review_due`)
		order = `review_on, id`
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
	b.WriteString(` ORDER BY ` + order)
	return b.String(), args
}

type analysisStore struct{ t *tx }

func (s analysisStore) table() docTable[string, riskreg.Analysis] {
	return docTable[string, riskreg.Analysis]{t: s.t, kind: "analysis", st: &s.t.c.st.analysis,
		id:      func(v *riskreg.Analysis) string { return v.ID },
		version: func(v *riskreg.Analysis) *int64 { return &v.Version },
		cols:    func(v *riskreg.Analysis) []any { return []any{int64(v.Year)} }}
}

func (s analysisStore) Get(ctx context.Context, id string) (riskreg.Analysis, error) {
	return s.table().get(ctx, id)
}

func (s analysisStore) Create(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().create(ctx, v)
}

func (s analysisStore) Update(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().update(ctx, v)
}

// List reads the analyses through analyses_by_year, (org_id, year, id): the listing's order.
func (s analysisStore) List(ctx context.Context) iter.Seq2[riskreg.Analysis, error] {
	return s.table().list(ctx, "list analyses", query{stmt: s.t.c.st.analysisList, args: []any{s.t.org}})
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

func (s decisionStore) Get(ctx context.Context, catalogVersion string, id controls.ID) (controls.AddressableDecision, error) {
	return s.table(catalogVersion).get(ctx, id)
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
