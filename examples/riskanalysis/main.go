// Command riskanalysis runs two years of the annual security risk analysis of a
// fictional two-site radiation-oncology group with hipaaops (45 CFR
// 164.308(a)(1)(ii)(A)-(B)): it seeds the starter library of oncology risks, rates them,
// treats two (each treatment creates its task), accepts one with a named approver,
// approves the 2026 analysis (frozen, and linked to the annual risk-analysis task), then a
// year later closes a treated risk, records a new one, approves the 2027 analysis and
// prints the heat maps, the top risks, the addressable specifications still undecided
// and the year-over-year comparison.
//
//	go run ./examples/riskanalysis                 # keeps the practice in ./riskanalysis.db
//	go run ./examples/riskanalysis -db :memory:    # nothing kept
//
// The clock is simulated and the ids fixed, so the output is the same on every run; a
// second run on the same file finds the analyses and only reports.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/task"
)

const orgID org.ID = "riverbend-radonc"

func main() {
	dbPath := flag.String("db", "riskanalysis.db", `SQLite database file (":memory:" keeps nothing)`)
	flag.Parse()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, *dbPath, sqlite.Options{})
	if err == nil {
		err = run(ctx, store, os.Stdout)
		if cerr := store.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "riskanalysis:", err)
		os.Exit(1)
	}
}

// clock is the simulated time the engine reads.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }
func (c *clock) set(d date.Date) {
	y, m, day := d.Date()
	c.now = time.Date(y, m, day, 14, 0, 0, 0, time.UTC)
}

// run simulates the two analyses if they are not stored yet, then reports.
func run(ctx context.Context, store storage.Store, out io.Writer) error {
	clk := &clock{}
	clk.set(date.New(2026, time.February, 2))
	var n int
	e, err := compliance.New(store, compliance.Options{Now: clk.Now,
		NewID: func(kind record.Kind) string { n++; return fmt.Sprintf("%s-%03d", kind, n) }})
	if err != nil {
		return err
	}
	ctx = compliance.WithActor(ctx, compliance.Actor{ID: "u-security", Name: "Jordan Lee (security officer)"})
	clinic := e.Org(orgID)
	switch _, err := clinic.Analyses().Get(ctx, "sra-2027"); {
	case errors.Is(err, storage.ErrNotFound):
		if err := simulate(ctx, e, clk, out); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		fmt.Fprintln(out, "The analyses are already stored: reporting only.")
	}
	clk.set(date.New(2027, time.March, 1))
	return report(ctx, clinic, out)
}

// score is a likelihood and an impact on the organization's method (3×3 by default).
func score(likelihood, impact riskreg.Level) riskreg.Score {
	return riskreg.Score{Likelihood: likelihood, Impact: impact}
}

func simulate(ctx context.Context, e *compliance.Engine, clk *clock, out io.Writer) error {
	p := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	var err error
	must := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	must(func() error {
		_, err := e.CreateOrganization(ctx, org.Organization{ID: orgID, Name: "Riverbend Radiation Oncology", TimeZone: "America/New_York",
			Sites: []org.Site{{ID: "north", Name: "North center (linac vault)"}, {ID: "south", Name: "South satellite"}}})
		return err
	})
	clinic, risks := e.Org(orgID), e.Org(orgID).Risks()
	must(func() error {
		_, err := clinic.ApplyProfile(ctx, compliance.ProfileOptions{Name: profiles.RadiationOncology})
		return err
	})
	var seeded []riskreg.Risk
	must(func() (err error) { seeded, err = risks.SeedStarter(ctx, compliance.StarterOptions{}); return err })
	if err != nil {
		return err
	}
	p("2026-02-02  %d starter risks seeded on the %s method", len(seeded), compliance.DefaultRiskMethod)

	// Ratings: inherent, then residual with existing controls.
	ratings := map[riskreg.ID]riskreg.Scoring{
		"starter-dicom-transfer":               {Inherent: score(3, 3), Residual: score(2, 3)},
		"starter-physicist-mfa":                {Inherent: score(2, 3), Residual: score(2, 3)},
		"starter-pharmacy-portal-shared-login": {Inherent: score(3, 2), Residual: score(2, 2)},
		"starter-genomic-results-billing":      {Inherent: score(2, 2), Residual: score(2, 2)},
		"starter-trial-export-authorization":   {Inherent: score(2, 3), Residual: score(1, 3)},
		"starter-infusion-bay-screens":         {Inherent: score(2, 1), Residual: score(1, 1)},
		"starter-pa-vendor-no-baa":             {Inherent: score(3, 2), Residual: score(3, 2)},
		"starter-rv-ransomware":                {Inherent: score(2, 3), Residual: score(2, 3)},
	}
	for _, r := range seeded {
		sc := ratings[r.ID]
		sc.Note = "2026 analysis workshop"
		must(func() error { _, err := risks.Rate(ctx, r.Ref(), sc); return err })
	}
	// change reads a risk and makes one move on it at the version read.
	change := func(id riskreg.ID, move func(record.Ref[riskreg.ID]) error) {
		must(func() error {
			r, err := risks.Get(ctx, id)
			if err != nil {
				return err
			}
			return move(r.Ref())
		})
	}
	clk.set(date.New(2026, time.February, 9))
	treat := func(id riskreg.ID, plan riskreg.TreatmentPlan) {
		change(id, func(ref record.Ref[riskreg.ID]) error {
			_, err := risks.Treat(ctx, ref, plan)
			if err == nil {
				p("2026-02-09  treat %-38s %s, owner %s, due %s (task created)", id, plan.Treatment, plan.Owner, plan.Due)
			}
			return err
		})
	}
	treat("starter-dicom-transfer", riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate,
		Justification: "site-to-site VPN until the PACS supports TLS", Owner: "u-it", Due: date.New(2026, 5, 29)})
	treat("starter-pa-vendor-no-baa", riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate,
		Justification: "sign the prior-authorization vendor's BAA", Owner: "u-privacy", Due: date.New(2026, 3, 31)})
	change("starter-infusion-bay-screens", func(ref record.Ref[riskreg.ID]) error {
		_, err := risks.Accept(ctx, ref, riskreg.Acceptance{ApprovedBy: "Dr. Amara Osei, medical director",
			ReviewOn: date.New(2027, 2, 1), Justification: "privacy filters fitted on every bay screen; residual risk very low"})
		if err == nil {
			p("2026-02-09  accept starter-infusion-bay-screens, approved by Dr. Amara Osei, review by 2027-02-01")
		}
		return err
	})
	must(func() error {
		_, err := clinic.Controls().Decide(ctx, controls.AddressableDecision{Control: "164.312(e)(2)(ii)", Decision: controls.DecisionAlternative,
			Alternative: "site-to-site VPN for DICOM between the centers", Reason: "the PACS cannot negotiate TLS until its 2026 upgrade"})
		return err
	})
	must(func() error { return approve(ctx, clinic, "sra-2026", 2026, p) })
	if err != nil {
		return err
	}

	// A year later.
	clk.set(date.New(2027, time.February, 15))
	change("starter-pa-vendor-no-baa", func(ref record.Ref[riskreg.ID]) error {
		_, err := risks.Close(ctx, ref, riskreg.Closing{Note: "BAA signed 2026-03-20"})
		if err == nil {
			p("2027-02-15  close starter-pa-vendor-no-baa: BAA signed")
		}
		return err
	})
	// The VPN is in place: DICOM's residual risk drops. A phishing wave at another
	// center raises the likelihood for physicist workstations still without MFA.
	rerate := func(id riskreg.ID, sc riskreg.Scoring) {
		change(id, func(ref record.Ref[riskreg.ID]) error {
			_, err := risks.Rate(ctx, ref, sc)
			if err == nil {
				p("2027-02-15  re-rate %-36s residual %d×%d: %s", id, sc.Residual.Likelihood, sc.Residual.Impact, sc.Note)
			}
			return err
		})
	}
	rerate("starter-dicom-transfer", riskreg.Scoring{Inherent: score(3, 3), Residual: score(1, 2), Note: "site-to-site VPN in place"})
	rerate("starter-physicist-mfa", riskreg.Scoring{Inherent: score(3, 3), Residual: score(3, 3),
		Note: "phishing wave against physics staff; MFA still missing"})
	must(func() error {
		r, err := risks.Record(ctx, riskreg.Risk{ID: "r-tumor-board-video", Title: "Tumor board on a consumer video app",
			Asset: "multidisciplinary tumor-board video calls", ThreatSource: "outsider", ThreatEvent: "interception or recording of the call",
			Vulnerability: "no BAA with the video provider; meeting links reused", Sites: []org.SiteID{"north", "south"}})
		if err != nil {
			return err
		}
		_, err = risks.Rate(ctx, r.Ref(), riskreg.Scoring{Inherent: score(2, 3), Residual: score(2, 3), Note: "found in the 2027 review"})
		if err == nil {
			p("2027-02-15  new risk r-tumor-board-video rated")
		}
		return err
	})
	must(func() error { return approve(ctx, clinic, "sra-2027", 2027, p) })
	return err
}

// approve takes the year's analysis and approves it, linking it to the open annual
// risk-analysis task of the series.
func approve(ctx context.Context, clinic *compliance.Org, id riskreg.AnalysisID, year int, p func(string, ...any)) error {
	a, err := clinic.Analyses().Take(ctx, compliance.TakeOptions{ID: id, Year: year})
	if err != nil {
		return err
	}
	open, err := clinic.Tasks().List(ctx, compliance.TaskQuery{Open: true, Series: compliance.ProgramTaskID(profiles.TemplateRiskAnalysis)})
	if err != nil || len(open.Items) == 0 {
		return fmt.Errorf("no open risk-analysis task: %v", err)
	}
	taskID := open.Items[0].ID
	a, err = clinic.Analyses().Approve(ctx, a.Ref(), riskreg.Approval{Task: taskID}) // by the actor, today
	if err != nil {
		return err
	}
	t, err := clinic.Tasks().Get(ctx, taskID) // the approval attached the snapshot as evidence
	if err != nil {
		return err
	}
	if _, err := clinic.Tasks().Complete(ctx, t.Ref(), task.Completion{}); err != nil {
		return err
	}
	p("%s  analysis %s approved by %s (%d risks), attached to task %s and the task completed", a.ApprovedOn, a.ID, a.ApprovedBy, len(a.Risks), t.ID)
	return nil
}

func report(ctx context.Context, clinic *compliance.Org, out io.Writer) error {
	p := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	rep, err := clinic.Risks().Posture(ctx, compliance.PostureOptions{Top: 3})
	if err != nil {
		return err
	}
	m := rep.Method
	for _, hm := range []struct {
		title string
		cells []riskreg.Cell
	}{{"inherent", rep.InherentHeatMap}, {"residual", rep.ResidualHeatMap}} {
		p("\nHeat map, %s risk (%s; rows likelihood, columns impact; open risks):", hm.title, m.Title)
		header := fmt.Sprintf("  %-10s", "")
		for i := range m.Impact {
			header += fmt.Sprintf(" %8s", m.Impact[i])
		}
		p("%s", header)
		for l := len(m.Likelihood); l >= 1; l-- {
			row := fmt.Sprintf("  %-10s", m.Likelihood[l-1])
			for i := 1; i <= len(m.Impact); i++ {
				for _, c := range hm.cells {
					if int(c.Likelihood) == l && int(c.Impact) == i {
						row += fmt.Sprintf(" %8d", c.Count)
					}
				}
			}
			p("%s", row)
		}
	}
	p("\nTop risks by residual rating:")
	for _, r := range rep.TopByRating {
		p("  %-9s %-38s %s", r.Current().Rating, r.ID, r.Status)
	}
	p("\nAddressable specifications without a recorded decision (45 CFR 164.306(d)(3)): %d", len(rep.UndecidedAddressable))
	cmp, err := clinic.Analyses().Compare(ctx, compliance.CompareOptions{Previous: "sra-2026", Current: "sra-2027"})
	if err != nil {
		return err
	}
	p("\n2027 against 2026:")
	for _, l := range []struct {
		what string
		ids  []riskreg.ID
	}{{"new", cmp.New}, {"closed", cmp.Closed}, {"increased", cmp.Increased}, {"decreased", cmp.Decreased},
		{"accepted, past their review date", cmp.AcceptedPastReview}} {
		names := make([]string, len(l.ids))
		for i, id := range l.ids {
			names[i] = string(id)
		}
		p("  %-34s %s", l.what+":", strings.Join(names, ", "))
	}
	md, err := clinic.Analyses().Markdown(ctx, compliance.MarkdownOptions{Analysis: "sra-2027", Previous: "sra-2026"})
	if err != nil {
		return err
	}
	p("\nThe 2027 analysis renders as %d lines of Markdown for the auditor; it begins:", strings.Count(md, "\n"))
	lines := strings.SplitN(md, "\n", 4)
	for _, l := range lines[:min(3, len(lines))] {
		p("  | %s", l)
	}
	st, err := clinic.Audit().Verify(ctx)
	if err != nil {
		return err
	}
	p("\nAudit trail: %d entries, hash chain verified OK", st.Entries)
	return nil
}
