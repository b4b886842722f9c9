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
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
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
	e := compliance.New(store, compliance.Options{Now: clk.Now,
		NewID: func(kind string) string { n++; return fmt.Sprintf("%s-%03d", kind, n) }})
	ctx = compliance.WithActor(ctx, compliance.Actor{ID: "u-security", Name: "Jordan Lee (security officer)"})
	switch _, err := e.Analysis(ctx, orgID, "sra-2027"); {
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
	return report(ctx, e, out)
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
	must(func() error {
		_, err := e.ApplyProfile(ctx, orgID, profiles.RadiationOncology, date.Zero)
		return err
	})
	var seeded []riskreg.Risk
	must(func() (err error) { seeded, err = e.SeedStarterRisks(ctx, orgID, date.Zero); return err })
	if err != nil {
		return err
	}
	p("2026-02-02  %d starter risks seeded on the %s method", len(seeded), compliance.DefaultRiskMethod)

	// Ratings: {likelihood, impact} inherent, then residual with existing controls.
	ratings := map[riskreg.ID][2][2]riskreg.Level{
		"starter-dicom-transfer":               {{3, 3}, {2, 3}},
		"starter-physicist-mfa":                {{2, 3}, {2, 3}},
		"starter-pharmacy-portal-shared-login": {{3, 2}, {2, 2}},
		"starter-genomic-results-billing":      {{2, 2}, {2, 2}},
		"starter-trial-export-authorization":   {{2, 3}, {1, 3}},
		"starter-infusion-bay-screens":         {{2, 1}, {1, 1}},
		"starter-pa-vendor-no-baa":             {{3, 2}, {3, 2}},
		"starter-rv-ransomware":                {{2, 3}, {2, 3}},
	}
	for _, r := range seeded {
		lv := ratings[r.ID]
		must(func() error {
			_, err := e.RateRisk(ctx, orgID, r.ID, r.Version, lv[0], lv[1], date.Zero, "2026 analysis workshop")
			return err
		})
	}
	clk.set(date.New(2026, time.February, 9))
	treat := func(id riskreg.ID, t riskreg.Treatment, why, owner string, due date.Date) {
		must(func() error {
			r, err := e.Risk(ctx, orgID, id)
			if err != nil {
				return err
			}
			_, err = e.TreatRisk(ctx, orgID, id, r.Version, t, why, owner, due)
			if err == nil {
				p("2026-02-09  treat %-38s %s, owner %s, due %s (task created)", id, t, owner, due)
			}
			return err
		})
	}
	treat("starter-dicom-transfer", riskreg.TreatMitigate, "site-to-site VPN until the PACS supports TLS", "u-it", date.New(2026, 5, 29))
	treat("starter-pa-vendor-no-baa", riskreg.TreatMitigate, "sign the prior-authorization vendor's BAA", "u-privacy", date.New(2026, 3, 31))
	must(func() error {
		r, err := e.Risk(ctx, orgID, "starter-infusion-bay-screens")
		if err != nil {
			return err
		}
		_, err = e.AcceptRisk(ctx, orgID, r.ID, r.Version, riskreg.Acceptance{ApprovedBy: "Dr. Amara Osei, medical director",
			ReviewOn: date.New(2027, 2, 1), Justification: "privacy filters fitted on every bay screen; residual risk very low"})
		if err == nil {
			p("2026-02-09  accept starter-infusion-bay-screens, approved by Dr. Amara Osei, review by 2027-02-01")
		}
		return err
	})
	must(func() error {
		_, err := e.DecideControl(ctx, orgID, controls.AddressableDecision{Control: "164.312(e)(2)(ii)", Decision: controls.DecisionAlternative,
			Alternative: "site-to-site VPN for DICOM between the centers", Reason: "the PACS cannot negotiate TLS until its 2026 upgrade"})
		return err
	})
	must(func() error { return approve(ctx, e, "sra-2026", 2026, p) })
	if err != nil {
		return err
	}

	// A year later.
	clk.set(date.New(2027, time.February, 15))
	must(func() error {
		r, err := e.Risk(ctx, orgID, "starter-pa-vendor-no-baa")
		if err != nil {
			return err
		}
		_, err = e.CloseRisk(ctx, orgID, r.ID, r.Version, date.Zero, "BAA signed 2026-03-20")
		if err == nil {
			p("2027-02-15  close starter-pa-vendor-no-baa: BAA signed")
		}
		return err
	})
	// The VPN is in place: DICOM's residual risk drops. A phishing wave at another
	// center raises the likelihood for physicist workstations still without MFA.
	rerate := func(id riskreg.ID, inherent, residual [2]riskreg.Level, why string) {
		must(func() error {
			r, err := e.Risk(ctx, orgID, id)
			if err != nil {
				return err
			}
			_, err = e.RateRisk(ctx, orgID, id, r.Version, inherent, residual, date.Zero, why)
			if err == nil {
				p("2027-02-15  re-rate %-36s residual %d×%d: %s", id, residual[0], residual[1], why)
			}
			return err
		})
	}
	rerate("starter-dicom-transfer", [2]riskreg.Level{3, 3}, [2]riskreg.Level{1, 2}, "site-to-site VPN in place")
	rerate("starter-physicist-mfa", [2]riskreg.Level{3, 3}, [2]riskreg.Level{3, 3}, "phishing wave against physics staff; MFA still missing")
	must(func() error {
		r, err := e.RecordRisk(ctx, orgID, riskreg.Risk{ID: "r-tumor-board-video", Title: "Tumor board on a consumer video app",
			Asset: "multidisciplinary tumor-board video calls", ThreatSource: "outsider", ThreatEvent: "interception or recording of the call",
			Vulnerability: "no BAA with the video provider; meeting links reused", Sites: []org.SiteID{"north", "south"}})
		if err != nil {
			return err
		}
		_, err = e.RateRisk(ctx, orgID, r.ID, r.Version, [2]riskreg.Level{2, 3}, [2]riskreg.Level{2, 3}, date.Zero, "found in the 2027 review")
		if err == nil {
			p("2027-02-15  new risk r-tumor-board-video rated")
		}
		return err
	})
	must(func() error { return approve(ctx, e, "sra-2027", 2027, p) })
	return err
}

// approve takes the year's analysis and approves it, linking it to the open annual
// risk-analysis task of the series.
func approve(ctx context.Context, e *compliance.Engine, id string, year int, p func(string, ...any)) error {
	a, err := e.TakeAnalysis(ctx, orgID, id, year)
	if err != nil {
		return err
	}
	open, err := e.Tasks(ctx, orgID, storage.TaskQuery{Open: true, Series: compliance.ProgramTaskID(profiles.TemplateRiskAnalysis)})
	if err != nil || len(open) == 0 {
		return fmt.Errorf("no open risk-analysis task: %v", err)
	}
	a, err = e.ApproveAnalysis(ctx, orgID, a.ID, a.Version, date.Zero, open[0].ID)
	if err != nil {
		return err
	}
	t, err := e.Task(ctx, orgID, open[0].ID)
	if err != nil {
		return err
	}
	if _, err := e.CompleteTask(ctx, orgID, t.ID, t.Version, date.Zero); err != nil {
		return err
	}
	p("%s  analysis %s approved by %s (%d risks), attached to task %s and the task completed", a.ApprovedOn, a.ID, a.ApprovedBy, len(a.Risks), t.ID)
	return nil
}

func report(ctx context.Context, e *compliance.Engine, out io.Writer) error {
	p := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	rep, err := e.RiskPosture(ctx, orgID, 3)
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
	cmp, err := e.CompareAnalyses(ctx, orgID, "sra-2026", "sra-2027", date.Zero)
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
	md, err := e.AnalysisMarkdown(ctx, orgID, "sra-2027", "sra-2026", date.Zero)
	if err != nil {
		return err
	}
	p("\nThe 2027 analysis renders as %d lines of Markdown for the auditor; it begins:", strings.Count(md, "\n"))
	lines := strings.SplitN(md, "\n", 4)
	for _, l := range lines[:min(3, len(lines))] {
		p("  | %s", l)
	}
	st, err := e.VerifyAudit(ctx, orgID)
	if err != nil {
		return err
	}
	p("\nAudit trail: %d entries, hash chain verified OK", st.Entries)
	return nil
}
