package riskreg

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
)

// Cell is one cell of a heat map: how many risks have this likelihood and impact.
type Cell struct {
	Likelihood Level `json:"likelihood"`
	Impact     Level `json:"impact"`
	Count      int   `json:"count"`
}

// HeatMap counts risks per likelihood × impact cell on the risks' method: the method of
// the first risk that names a known one; risks on any other method are left out (use
// [HeatMapFor] to choose). Every cell of the method's grid is present, likelihood 1 first,
// then impact 1 first within a likelihood. Open, treating and accepted risks count; closed
// and unrated ones do not. With residual set, each risk counts at its current score
// ([Risk.Current]: the residual score, or the inherent one while the residual is unrated);
// otherwise at its inherent score. HeatMap returns nil when no risk names a known method.
func HeatMap(rs []Risk, residual bool) []Cell {
	for i := range rs {
		if m, ok := GetMethod(rs[i].Method); ok {
			return HeatMapFor(&m, rs, residual)
		}
	}
	return nil
}

// HeatMapFor is [HeatMap] on a given method: risks on other methods are left out.
func HeatMapFor(m *Method, rs []Risk, residual bool) []Cell {
	nl, ni := len(m.Likelihood), len(m.Impact)
	cells := make([]Cell, 0, nl*ni)
	for l := 1; l <= nl; l++ {
		for i := 1; i <= ni; i++ {
			cells = append(cells, Cell{Likelihood: Level(l), Impact: Level(i)})
		}
	}
	for k := range rs {
		r := &rs[k]
		if r.Status == StatusClosed || r.Method != m.ID {
			continue
		}
		s := r.Inherent
		if residual {
			s = r.Current()
		}
		if s.IsZero() || s.Likelihood < 1 || int(s.Likelihood) > nl || s.Impact < 1 || int(s.Impact) > ni {
			continue
		}
		cells[(int(s.Likelihood)-1)*ni+int(s.Impact)-1].Count++
	}
	return cells
}

// Top returns copies of the n highest risks that are not closed (all of them when n ≤ 0).
// By rating: current rating ([Risk.Current]) highest first, then likelihood × impact, then
// ID. By ALE: [Quant.ALE] highest first, ties and risks without a quantitative view (which
// come last) in rating order.
func Top(rs []Risk, n int, byALE bool) []Risk {
	var out []Risk
	for i := range rs {
		if rs[i].Status != StatusClosed {
			out = append(out, rs[i].Clone())
		}
	}
	byRating := func(a, b *Risk) int {
		sa, sb := a.Current(), b.Current()
		return cmp.Or(
			cmp.Compare(sb.Rating.Rank(), sa.Rating.Rank()),
			cmp.Compare(sb.Value(), sa.Value()),
			cmp.Compare(a.ID, b.ID),
		)
	}
	slices.SortStableFunc(out, func(a, b Risk) int {
		if byALE {
			switch {
			case a.Quant != nil && b.Quant != nil:
				if c := b.Quant.ALE().Cmp(a.Quant.ALE()); c != 0 {
					return c
				}
			case a.Quant != nil:
				return -1
			case b.Quant != nil:
				return 1
			}
		}
		return byRating(&a, &b)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Markdown renders the analysis for an auditor: the method with its bands or matrix, the
// approval, inherent and residual heat maps, the register with each risk's details, the
// treatments, the acceptances (flagging those past review as of asOf), the quantitative
// view when any risk has one, and the comparison with prev when it is given.
func Markdown(a *Analysis, prev *Analysis, asOf date.Date) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# Security risk analysis %d\n\n", a.Year)
	p("Analysis `%s`, as of %s. Risk analysis and risk management under 45 CFR 164.308(a)(1)(ii)(A)-(B). ", a.ID, asOf)
	p("Prepared with compliance tooling; not legal advice.\n\n")

	p("## Approval\n\n")
	if a.Frozen() {
		p("Approved by %s on %s. The analysis is frozen.\n\n", cell(a.ApprovedBy), a.ApprovedOn)
	} else {
		p("Not approved: this is a draft.\n\n")
	}

	m, known := GetMethod(a.Method)
	p("## Method\n\n")
	if !known {
		p("Unknown method %q.\n\n", a.Method)
	} else {
		writeMethod(&b, &m)
	}

	if known {
		for _, hm := range []struct {
			title    string
			residual bool
		}{{"inherent risk", false}, {"residual risk", true}} {
			p("## Heat map: %s\n\n", hm.title)
			if hm.residual {
				p("Residual score, or the inherent score while the residual risk is unrated. ")
			}
			p("Closed and unrated risks are not counted.\n\n")
			writeHeatMap(&b, &m, HeatMapFor(&m, a.Risks, hm.residual))
		}
	}

	p("## Risk register\n\n")
	if len(a.Risks) == 0 {
		p("No risks recorded.\n\n")
	} else {
		p("| ID | Risk | Asset | Inherent | Residual | Treatment | Owner | Due | Status |\n")
		p("|---|---|---|---|---|---|---|---|---|\n")
		for _, r := range Top(a.Risks, 0, false) {
			p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", cell(string(r.ID)), cell(r.Title), cell(r.Asset),
				r.Inherent, r.Residual, cell(string(r.Treatment)), cell(r.Owner), dateCell(r.DueOn), r.Status)
		}
		for _, r := range a.Risks {
			if r.Status == StatusClosed {
				p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", cell(string(r.ID)), cell(r.Title), cell(r.Asset),
					r.Inherent, r.Residual, cell(string(r.Treatment)), cell(r.Owner), dateCell(r.DueOn), r.Status)
			}
		}
		p("\n")
		p("### Risk details\n\n")
		for _, r := range a.Risks {
			p("#### %s: %s\n\n", cell(string(r.ID)), cell(r.Title))
			p("- Asset or PHI flow: %s\n", cell(r.Asset))
			p("- Threat source: %s\n", cell(r.ThreatSource))
			p("- Threat event: %s\n", cell(r.ThreatEvent))
			p("- Vulnerability: %s\n", cell(r.Vulnerability))
			p("- Existing controls: %s\n", cell(r.ExistingControls))
			p("- Security Rule controls: %s\n", list(r.Controls))
			p("- Vendors: %s\n", list(r.Vendors))
			p("- Sites: %s\n", list(r.Sites))
			p("- History entries: %d", len(r.Reviews))
			if n := len(r.Reviews); n > 0 {
				last := r.Reviews[n-1]
				p(", latest %s on %s by %s", cell(string(last.Action)), last.On, cell(last.By))
			}
			p("\n\n")
		}
	}

	p("## Treatments\n\n")
	var treating []Risk
	for _, r := range a.Risks {
		if r.Status == StatusTreating {
			treating = append(treating, r)
		}
	}
	if len(treating) == 0 {
		p("No risks under treatment.\n\n")
	} else {
		p("| ID | Treatment | Justification | Owner | Due |\n|---|---|---|---|---|\n")
		for _, r := range treating {
			overdue := ""
			if r.DueOn != date.Zero && r.DueOn < asOf {
				overdue = " (overdue)"
			}
			p("| %s | %s | %s | %s | %s%s |\n", cell(string(r.ID)), r.Treatment, cell(r.Justification), cell(r.Owner), dateCell(r.DueOn), overdue)
		}
		p("\n")
	}

	p("## Acceptances\n\n")
	var accepted []Risk
	for _, r := range a.Risks {
		if r.Status == StatusAccepted && r.Acceptance != nil {
			accepted = append(accepted, r)
		}
	}
	if len(accepted) == 0 {
		p("No accepted risks.\n\n")
	} else {
		p("Acceptance is a documented risk management decision (45 CFR 164.308(a)(1)(ii)(B)).\n\n")
		p("| ID | Residual | Approved by | Approved on | Review on | Justification |\n|---|---|---|---|---|---|\n")
		for _, r := range accepted {
			acc := r.Acceptance
			past := ""
			if acc.ReviewOn < asOf {
				past = " (past review)"
			}
			p("| %s | %s | %s | %s | %s%s | %s |\n", cell(string(r.ID)), r.Current(), cell(acc.ApprovedBy),
				dateCell(acc.ApprovedOn), dateCell(acc.ReviewOn), past, cell(acc.Justification))
		}
		p("\n")
	}

	if slices.ContainsFunc(a.Risks, func(r Risk) bool { return r.Quant != nil }) {
		p("## Quantitative view\n\n")
		p("ALE = SLE × ARO; residual ALE = SLE × residual ARO; ROSI = (ALE − residual ALE − cost) / cost.\n\n")
		p("| ID | SLE | ARO | ALE | Residual ARO | Residual ALE | Mitigation cost | ROSI |\n|---|---|---|---|---|---|---|---|\n")
		for _, r := range Top(a.Risks, 0, true) {
			q := r.Quant
			if q == nil {
				continue
			}
			rosi := "n/a"
			if q.HasROSI() {
				rosi = q.ROSI().String()
			}
			p("| %s | %s | %s | %s | %s | %s | %s | %s |\n", cell(string(r.ID)), q.SLE.StringFixed(2), q.ARO,
				q.ALE().StringFixed(2), q.ResidualARO, q.ResidualALE().StringFixed(2), q.MitigationCost.StringFixed(2), rosi)
		}
		p("\n")
	}

	cmpr := Compare(prev, a, asOf)
	if prev != nil {
		p("## Comparison with %d\n\n", prev.Year)
		p("Compared with analysis `%s`.\n\n", prev.ID)
		p("- New risks: %s\n", list(cmpr.New))
		p("- Closed risks: %s\n", list(cmpr.Closed))
		p("- Increased: %s\n", list(cmpr.Increased))
		p("- Decreased: %s\n", list(cmpr.Decreased))
		p("- Accepted risks past their review date: %s\n\n", list(cmpr.AcceptedPastReview))
	} else {
		p("## Accepted risks past their review date\n\n%s\n\n", list(cmpr.AcceptedPastReview))
	}
	return b.String()
}

func writeMethod(b *strings.Builder, m *Method) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("%s (`%s`).\n\nSource: %s.\n\n", m.Title, m.ID, m.Citation)
	p("- Likelihood levels: %s\n", levelList(m.Likelihood))
	p("- Impact levels: %s\n\n", levelList(m.Impact))
	if len(m.Matrix) > 0 {
		p("### Rating matrix\n\nEach cell is rated as the source table rates it.\n\n")
		p("| Likelihood \\ Impact |")
		for i, n := range m.Impact {
			p(" %d %s |", i+1, n)
		}
		p("\n|---|%s\n", strings.Repeat("---|", len(m.Impact)))
		for l := len(m.Matrix); l >= 1; l-- {
			p("| %d %s |", l, m.LikelihoodName(Level(l)))
			for _, r := range m.Matrix[l-1] {
				p(" %s |", r.Label())
			}
			p("\n")
		}
		p("\n")
		return
	}
	p("### Rating bands\n\nScore = likelihood × impact.\n\n| Rating | Score |\n|---|---|\n")
	for _, bd := range m.Bands {
		p("| %s | %d–%d |\n", bd.Rating.Label(), bd.Min, bd.Max)
	}
	p("\n")
}

func writeHeatMap(b *strings.Builder, m *Method, cells []Cell) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	ni := len(m.Impact)
	p("| Likelihood \\ Impact |")
	for i, n := range m.Impact {
		p(" %d %s |", i+1, n)
	}
	p("\n|---|%s\n", strings.Repeat("---|", ni))
	for l := len(m.Likelihood); l >= 1; l-- {
		p("| %d %s |", l, m.LikelihoodName(Level(l)))
		for i := 1; i <= ni; i++ {
			p(" %d |", cells[(l-1)*ni+i-1].Count)
		}
		p("\n")
	}
	p("\n")
}

func levelList(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%d %s", i+1, n)
	}
	return strings.Join(parts, ", ")
}

// cell makes s safe inside a Markdown table cell; empty becomes "—".
func cell(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "—"
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

func dateCell(d date.Date) string {
	if d == date.Zero {
		return "—"
	}
	return d.String()
}

func list[T ~string](xs []T) string {
	if len(xs) == 0 {
		return "none"
	}
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = cell(string(x))
	}
	return strings.Join(parts, ", ")
}
