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
	sqlAnalysisList = `SELECT id, version, doc FROM analyses WHERE org_id = $1 ORDER BY year, id`
	sqlDecisionList = `SELECT catalog_version, control, version, doc FROM control_decisions
WHERE org_id = $1 AND catalog_version = $2 ORDER BY control`
)

// riskTable keeps the register with the columns of its indexes: the status, the
// treatment due date and the acceptance review date (0004_risks.sql).
var riskTable = newTable(table[riskreg.ID, riskreg.Risk]{name: "risks", kind: "risk",
	keyCols: []string{"id"},
	cols:    []string{"status", "due_on", "review_on"},
	key:     func(v *riskreg.Risk) riskreg.ID { return v.ID },
	keyArgs: func(id riskreg.ID) []string { return []string{string(id)} },
	version: func(v *riskreg.Risk) *int64 { return &v.Version },
	columns: riskColumns})

type riskStore struct {
	records[riskreg.ID, riskreg.Risk]
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

// List reads the register through the index riskListSQL's query selects.
func (s riskStore) List(ctx context.Context, q storage.RiskQuery) iter.Seq2[riskreg.Risk, error] {
	sql, args := riskListSQL(q)
	return s.list(ctx, sql, args)
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

// analysisTable keeps the analyses with their year, for analyses_org_year.
var analysisTable = newTable(table[riskreg.AnalysisID, riskreg.Analysis]{name: "analyses", kind: "analysis",
	keyCols: []string{"id"},
	cols:    []string{"year"},
	key:     func(v *riskreg.Analysis) riskreg.AnalysisID { return v.ID },
	keyArgs: func(id riskreg.AnalysisID) []string { return []string{string(id)} },
	version: func(v *riskreg.Analysis) *int64 { return &v.Version },
	columns: func(v *riskreg.Analysis) ([]any, error) { return []any{int64(v.Year)}, nil }})

type analysisStore struct {
	records[riskreg.AnalysisID, riskreg.Analysis]
}

// List reads the analyses through analyses_org_year, (org_id, year, id): the listing's
// order.
func (s analysisStore) List(ctx context.Context, q storage.AnalysisQuery) iter.Seq2[riskreg.Analysis, error] {
	if q.AfterID == "" && q.Limit <= 0 {
		return s.scan(ctx, sqlAnalysisList, string(s.t.org))
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
		return s.scan(ctx, "")
	}
	return s.list(ctx, b.String(), p.args)
}

// decisionTable keeps the decisions on addressable specifications, one per catalog
// version and control: a catalog version's are listed through the primary key.
var decisionTable = newTable(table[controls.DecisionKey, controls.AddressableDecision]{
	name: "control_decisions", kind: "control decision",
	keyCols: []string{"catalog_version", "control"},
	key:     (*controls.AddressableDecision).Key,
	keyArgs: func(k controls.DecisionKey) []string { return []string{k.CatalogVersion, string(k.Control)} },
	version: func(v *controls.AddressableDecision) *int64 { return &v.Version },
	columns: func(*controls.AddressableDecision) ([]any, error) { return nil, nil }})

type decisionStore struct {
	records[controls.DecisionKey, controls.AddressableDecision]
}

// List reads one catalog version's range of the primary key, in control order. A catalog
// version no stored row can hold (NUL, not UTF-8) is not sent: it lists nothing.
func (s decisionStore) List(ctx context.Context, catalogVersion string) iter.Seq2[controls.AddressableDecision, error] {
	if textOK("", catalogVersion) != nil {
		return s.scan(ctx, "")
	}
	return s.scan(ctx, sqlDecisionList, string(s.t.org), catalogVersion)
}
