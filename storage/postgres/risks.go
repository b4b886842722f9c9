package postgres

import (
	"context"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
)

// notClosedSQL keeps the risks that are not closed, spelled from the domain's constant.
const notClosedSQL = "status <> '" + string(riskreg.StatusClosed) + "'"

const (
	sqlRiskGet     = `SELECT version, doc FROM risks WHERE org_id = $1 AND id = $2`
	sqlRiskVersion = `SELECT version FROM risks WHERE org_id = $1 AND id = $2`
	sqlRiskCreate  = `INSERT INTO risks (org_id, id, version, status, due_on, review_on, doc)
VALUES ($1, $2, 1, $3, $4, $5, $6) ON CONFLICT (org_id, id) DO NOTHING`
	sqlRiskUpdate = `UPDATE risks SET version = version + 1, status = $4, due_on = $5, review_on = $6, doc = $7
WHERE org_id = $1 AND id = $2 AND version = $3`

	sqlAnalysisGet     = `SELECT version, doc FROM analyses WHERE org_id = $1 AND id = $2`
	sqlAnalysisVersion = `SELECT version FROM analyses WHERE org_id = $1 AND id = $2`
	sqlAnalysisCreate  = `INSERT INTO analyses (org_id, id, version, year, doc) VALUES ($1, $2, 1, $3, $4)
ON CONFLICT (org_id, id) DO NOTHING`
	sqlAnalysisUpdate = `UPDATE analyses SET version = version + 1, year = $4, doc = $5
WHERE org_id = $1 AND id = $2 AND version = $3`
	sqlAnalysisList = `SELECT id, version, doc FROM analyses WHERE org_id = $1 ORDER BY year, id`

	// A control decision's key is (org_id, catalog_version, control): the control is the
	// id ($2), the catalog version its scope ($3).
	sqlDecisionGet = `SELECT version, doc FROM control_decisions
WHERE org_id = $1 AND control = $2 AND catalog_version = $3`
	sqlDecisionVersion = `SELECT version FROM control_decisions
WHERE org_id = $1 AND control = $2 AND catalog_version = $3`
	sqlDecisionCreate = `INSERT INTO control_decisions (org_id, control, catalog_version, version, doc)
VALUES ($1, $2, $3, 1, $4) ON CONFLICT (org_id, catalog_version, control) DO NOTHING`
	sqlDecisionUpdate = `UPDATE control_decisions SET version = version + 1, doc = $5
WHERE org_id = $1 AND control = $2 AND catalog_version = $3 AND version = $4`
	sqlDecisionList = `SELECT control, version, doc FROM control_decisions
WHERE org_id = $1 AND catalog_version = $2 ORDER BY control`
)

type riskStore struct{ t *tx }

func (s riskStore) table() docTable[riskreg.Risk] {
	return docTable[riskreg.Risk]{t: s.t, kind: "risk",
		sqlGet: sqlRiskGet, sqlVersion: sqlRiskVersion, sqlCreate: sqlRiskCreate, sqlUpdate: sqlRiskUpdate,
		key:     func(v *riskreg.Risk) string { return string(v.ID) },
		setKey:  func(v *riskreg.Risk, id string) { v.ID = riskreg.ID(id) },
		version: func(v *riskreg.Risk) *int64 { return &v.Version },
		columns: riskColumns}
}

// riskColumns returns the projected columns of a risk: its status, its treatment due date
// and the review date of its acceptance, as the domain derives them
// ([riskreg.Risk.TreatmentDueOn], [riskreg.Risk.AcceptanceReviewOn]); NULL when zero.
func riskColumns(r *riskreg.Risk) ([]any, error) {
	if err := textOK("risk", string(r.Status)); err != nil {
		return nil, err
	}
	var due, review pgtype.Date
	var err error
	if d := r.TreatmentDueOn(); d != date.Zero {
		if due, err = dayColumn("due_on", d); err != nil {
			return nil, err
		}
	}
	if d := r.AcceptanceReviewOn(); d != date.Zero {
		if review, err = dayColumn("acceptance.review_on", d); err != nil {
			return nil, err
		}
	}
	return []any{string(r.Status), due, review}, nil
}

func (s riskStore) Get(ctx context.Context, id riskreg.ID) (riskreg.Risk, error) {
	return s.table().get(ctx, string(id))
}

func (s riskStore) Create(ctx context.Context, v *riskreg.Risk) error {
	return s.table().create(ctx, v)
}

func (s riskStore) Update(ctx context.Context, v *riskreg.Risk) error {
	return s.table().update(ctx, v)
}

// List reads the register through the index riskListSQL's query selects.
func (s riskStore) List(ctx context.Context, q storage.RiskQuery) iter.Seq2[riskreg.Risk, error] {
	sql, args := riskListSQL(q)
	if sql != "" {
		args[0] = string(s.t.org)
	}
	return s.table().scan(ctx, sql, args...)
}

// riskListSQL builds the List query for q; "" when q cannot match any risk. $1 is the
// organization. A treatment window reads risks_org_treatment_due in (due_on, id) order, a
// review window risks_org_review_due in (review_on, id) order: the query's condition on
// the column implies the index's (IS NOT NULL), and since the column is NULL unless the
// risk is treating or accepted, the window selects only such risks, which are open.
// Without a window the query reads the organization's range of the primary key, in id
// order, leaving out the closed risks when q.Open (0004_risks.sql).
func riskListSQL(q storage.RiskQuery) (string, []any) {
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM risks WHERE org_id = $1")
	// window adds the condition of a date window on col; false when it holds no day.
	window := func(col string, w storage.Window) bool {
		if w.From >= w.To {
			return false
		}
		// Every stored date is on or after date.Zero: a window from before it has no
		// lower bound but the index's condition, and one to after the last stored date no
		// upper bound.
		if w.From > date.Zero {
			b.WriteString(" AND " + col + " >= " + p.add(dayBound(w.From)))
		} else {
			b.WriteString(" AND " + col + " IS NOT NULL")
		}
		if w.To <= maxStored {
			b.WriteString(" AND " + col + " < " + p.add(dayBound(w.To)))
		}
		return true
	}
	treatment, review := q.TreatmentDue != (storage.Window{}), q.ReviewDue != (storage.Window{})
	col := "" // the date column of the order, before id
	switch {
	case treatment && review: // no risk is both treating and accepted
		return "", nil
	case treatment:
		if !window("due_on", q.TreatmentDue) {
			return "", nil
		}
		col = "due_on"
	case review:
		if !window("review_on", q.ReviewDue) {
			return "", nil
		}
		col = "review_on"
	case q.Open:
		b.WriteString(" AND " + notClosedSQL)
	}
	switch {
	case q.AfterID == "":
	case col == "":
		b.WriteString(" AND id > " + p.text(string(q.AfterID)))
	default:
		p.after(&b, col, dayBound(q.AfterOn), string(q.AfterID))
	}
	if col == "" {
		b.WriteString(" ORDER BY id")
	} else {
		b.WriteString(" ORDER BY " + col + ", id")
	}
	p.limit(&b, q.Limit)
	if p.nomatch {
		return "", nil
	}
	return b.String(), p.args
}

type analysisStore struct{ t *tx }

func (s analysisStore) table() docTable[riskreg.Analysis] {
	return docTable[riskreg.Analysis]{t: s.t, kind: "analysis",
		sqlGet: sqlAnalysisGet, sqlVersion: sqlAnalysisVersion, sqlCreate: sqlAnalysisCreate, sqlUpdate: sqlAnalysisUpdate,
		key:     func(v *riskreg.Analysis) string { return string(v.ID) },
		setKey:  func(v *riskreg.Analysis, id string) { v.ID = riskreg.AnalysisID(id) },
		version: func(v *riskreg.Analysis) *int64 { return &v.Version },
		columns: func(v *riskreg.Analysis) ([]any, error) { return []any{int64(v.Year)}, nil }}
}

func (s analysisStore) Get(ctx context.Context, id riskreg.AnalysisID) (riskreg.Analysis, error) {
	return s.table().get(ctx, string(id))
}

func (s analysisStore) Create(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().create(ctx, v)
}

func (s analysisStore) Update(ctx context.Context, v *riskreg.Analysis) error {
	return s.table().update(ctx, v)
}

// List reads the analyses through analyses_org_year, (org_id, year, id): the listing's order.
func (s analysisStore) List(ctx context.Context, q storage.AnalysisQuery) iter.Seq2[riskreg.Analysis, error] {
	if q.AfterID == "" && q.Limit <= 0 {
		return s.table().scan(ctx, sqlAnalysisList, string(s.t.org))
	}
	p := newParams()
	var b strings.Builder
	b.WriteString("SELECT id, version, doc FROM analyses WHERE org_id = $1")
	if q.AfterID != "" {
		p.after(&b, "year", int64(q.AfterYear), string(q.AfterID))
	}
	b.WriteString(" ORDER BY year, id")
	p.limit(&b, q.Limit)
	if p.nomatch {
		return s.table().scan(ctx, "")
	}
	p.args[0] = string(s.t.org)
	return s.table().scan(ctx, b.String(), p.args...)
}

type decisionStore struct{ t *tx }

// table is the table of the decisions of one catalog version, the scope of their key.
func (s decisionStore) table(catalogVersion string) docTable[controls.AddressableDecision] {
	return docTable[controls.AddressableDecision]{t: s.t, kind: "control decision", scope: []string{catalogVersion},
		sqlGet: sqlDecisionGet, sqlVersion: sqlDecisionVersion, sqlCreate: sqlDecisionCreate, sqlUpdate: sqlDecisionUpdate,
		key:     func(v *controls.AddressableDecision) string { return string(v.Control) },
		setKey:  func(v *controls.AddressableDecision, id string) { v.Control = controls.ID(id) },
		version: func(v *controls.AddressableDecision) *int64 { return &v.Version },
		columns: func(*controls.AddressableDecision) ([]any, error) { return nil, nil }}
}

func (s decisionStore) Get(ctx context.Context, k controls.DecisionKey) (controls.AddressableDecision, error) {
	return s.table(k.CatalogVersion).get(ctx, string(k.Control))
}

func (s decisionStore) Create(ctx context.Context, v *controls.AddressableDecision) error {
	return s.table(v.CatalogVersion).create(ctx, v)
}

func (s decisionStore) Update(ctx context.Context, v *controls.AddressableDecision) error {
	return s.table(v.CatalogVersion).update(ctx, v)
}

// List reads one catalog version's range of the primary key, in control order. A catalog
// version no stored row can hold (NUL, not UTF-8) is not sent: it lists nothing.
func (s decisionStore) List(ctx context.Context, catalogVersion string) iter.Seq2[controls.AddressableDecision, error] {
	d := s.table(catalogVersion)
	if textOK("", catalogVersion) != nil {
		return d.scan(ctx, "")
	}
	return d.scan(ctx, sqlDecisionList, string(s.t.org), catalogVersion)
}
