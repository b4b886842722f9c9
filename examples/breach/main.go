// Command breach runs the breach-notification side of hipaaops for a fictional
// hematology-oncology practice whose specialty pharmacy, a business associate, reports two
// incidents in 2026, and prints what the privacy officer sees at each step.
//
//	go run ./examples/breach                  # keeps the practice in ./breach.db
//	go run ./examples/breach -db /tmp/x.db    # another SQLite file
//	go run ./examples/breach -db :memory:     # nothing kept
//
// A misdirected fax of 12 patients' records is presumed a breach until the privacy
// officer documents a four-factor risk assessment concluding a low probability of
// compromise (45 CFR 164.402(2)); then no notice is owed and the file is closed. Weeks
// later a laptop is stolen from the pharmacy: the count of individuals grows from 300 to
// 640 and then 1,164 (Ohio and Kentucky residents, then 14 from Indiana, whose law adds an
// attorney general notice), a detective asks orally for a delay (45 CFR 164.412(b)), and
// the notices go out to the individuals, the media, HHS and Indiana's attorney general,
// that last one late on purpose. The pharmacy is not the practice's agent, so the
// practice's clock starts on the day it reported, not the day it discovered the breach
// (74 FR 42740; 78 FR 5566). Ohio's and Kentucky's exemptions of HIPAA-regulated entities
// rest on unverified research, so their notices stay owed until counsel decides: counsel
// records that Kentucky's is not required (KRS 365.732(8)), and Ohioans get the same
// letter. After each change the program prints the obligations the engine computed and
// what changed, read from the events (incident.obligation_added / _removed) after a
// cursor, with why a deadline moved (sending the letters moves Indiana's attorney
// general notice, due no later than them); every Monday a sweep emits the notice
// reminders.
//
// Every date the output shows as a deadline is computed by the library
// (the organization's [compliance.IncidentService], package incident and its State rules in statelaws): the program
// only states facts and the days things happened. The clock is simulated
// ([compliance.Options.Now], 9:00 in the practice's time zone) and IDs are fixed or
// numbered ([compliance.Options.NewID]), so the output is the same on every run. The
// records are kept in SQLite (storage/sqlite, the embedded default): the first run
// simulates and reports; a second run on the same file finds the practice, skips the
// simulation and prints the same report from what is stored. Delete the file to start
// over.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // the practice's time zone resolves even where the OS has no zoneinfo

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/statelaws"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/sqlite"
	"github.com/hipaaops/hipaaops/vendors"
)

const (
	orgID    org.ID = "lakeside-hemonc"
	orgName         = "Lakeside Hematology & Oncology"
	timeZone        = "America/New_York"

	// pharmacy is the specialty pharmacy, a business associate.
	pharmacy vendors.ID = "v-tristate-rx"

	// The two incidents have fixed IDs: the report reads them back by ID.
	fax    incident.ID = "inc-2026-001"
	laptop incident.ID = "inc-2026-002"

	privacyOfficer = "Maria Keane, privacy officer"
)

var (
	startDay  = date.New(2026, time.February, 2) // the practice signs the pharmacy's BAA
	reportDay = date.New(2026, time.June, 15)    // the day the report is printed as of
)

func main() {
	dbPath := flag.String("db", "breach.db", `SQLite database file to keep the practice in (created if missing; ":memory:" keeps nothing)`)
	flag.Parse()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, *dbPath, sqlite.Options{})
	if err == nil {
		if *dbPath != sqlite.MemoryPath {
			fmt.Printf("Database: %s\n", *dbPath)
		}
		err = run(ctx, store, os.Stdout)
		if cerr := store.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "breach:", err)
		os.Exit(1)
	}
}

// run simulates the practice's incidents if it is not stored yet, then prints the breach
// report as of reportDay. It works on any [storage.Store]: main opens the embedded
// default, an SQLite file, so a second run finds the practice and only reports.
func run(ctx context.Context, store storage.Store, out io.Writer) error {
	loc, err := time.LoadLocation(timeZone)
	if err != nil {
		return err
	}
	clk := &clock{loc: loc}
	clk.set(startDay)
	n := 0
	engine, err := compliance.New(store, compliance.Options{
		Now:   clk.Now,
		NewID: func(kind record.Kind) string { n++; return fmt.Sprintf("%s-%04d", kind, n) },
	})
	if err != nil {
		return err
	}
	// Every use case needs an actor: the audit trail records who did what.
	ctx = compliance.WithActor(ctx, compliance.Actor{ID: "u-mkeane", Name: privacyOfficer})
	clinic := engine.Org(orgID)

	switch _, err := clinic.Profile(ctx); {
	case errors.Is(err, storage.ErrNotFound):
		if err := simulate(ctx, engine, clk, out); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		fmt.Fprintf(out, "%s is already stored: skipping the simulation.\n\n", orgID)
	}
	clk.set(reportDay)
	return report(ctx, clinic, out)
}

// clock is the simulated time the engine reads through compliance.Options.Now.
type clock struct {
	loc *time.Location
	now time.Time
}

func (c *clock) Now() time.Time { return c.now }

// set moves the clock to 9:00 on day in the practice's time zone.
func (c *clock) set(day date.Date) {
	y, m, d := day.Date()
	c.now = time.Date(y, m, d, 9, 0, 0, 0, c.loc)
}

// sim carries the simulation's state between steps. A step that fails sets err, and the
// steps after it do nothing, so the scenario reads as a list of actions.
type sim struct {
	ctx    context.Context
	e      *compliance.Engine
	clinic *compliance.Org
	clk    *clock
	out    io.Writer
	// files are the incidents as last returned, with their obligations; each change names
	// the version it read.
	files map[incident.ID]compliance.IncidentFile
	// cursor is the Seq of the last event read: the changes an update made are the
	// events after it.
	cursor uint64
	err    error
}

// simulate sets up the practice and its pharmacy, then runs the two incidents from
// February to June 2026.
func simulate(ctx context.Context, e *compliance.Engine, clk *clock, out io.Writer) error {
	s := &sim{ctx: ctx, e: e, clinic: e.Org(orgID), clk: clk, out: out, files: map[incident.ID]compliance.IncidentFile{}}
	s.p("%s (%s): breach notification, %s to %s", orgName, timeZone, startDay, reportDay)
	s.p("Columns: key [U = State rule unverified], deadline, status, citation, recipient.")
	reportingDays := s.setUp()
	s.misdirectedFax(reportingDays)
	s.stolenLaptop(reportingDays)
	s.on(reportDay)
	s.p("")
	return s.err
}

// p prints a line.
func (s *sim) p(format string, a ...any) {
	if s.err == nil {
		fmt.Fprintf(s.out, format+"\n", a...)
	}
}

// fail records the first error.
func (s *sim) fail(what string, err error) bool {
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("%s on %s: %w", what, s.today(), err)
	}
	return s.err != nil
}

func (s *sim) today() date.Date { return date.NewAt(s.clk.now) }

// on moves the clock to day. Every Monday on the way, before that day's work, the weekly
// sweep runs and its breach-notice reminders are printed.
func (s *sim) on(day date.Date) {
	for d := s.today() + 1; d <= day && s.err == nil; d++ {
		s.clk.set(d)
		if d.Weekday() == time.Monday {
			s.sweep()
		}
	}
}

// setUp creates the practice and records its specialty pharmacy as a business associate
// with a signed BAA; it returns the BAA's breach-reporting period.
func (s *sim) setUp() int {
	_, err := s.e.CreateOrganization(s.ctx, org.Organization{
		ID: orgID, Name: orgName, TimeZone: timeZone,
		Sites: []org.Site{{ID: "main", Name: "Cancer Center, Cincinnati"}, {ID: "infusion", Name: "Infusion Clinic, Florence KY"}},
	})
	if s.fail("create organization", err) {
		return 0
	}
	v, err := s.clinic.Vendors().Add(s.ctx, vendors.Vendor{
		ID: pharmacy, Name: "Tristate Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy, Owner: privacyOfficer,
		DataShared: []vendors.DataCategory{vendors.DataDemographics, vendors.DataDiagnosisStaging, vendors.DataMedication, vendors.DataFinancial},
	})
	if s.fail("add vendor", err) {
		return 0
	}
	v, err = s.clinic.Vendors().Determine(s.ctx, v.Ref(), vendors.Determination{
		Outcome:   vendors.OutcomeBusinessAssociate,
		Rationale: "runs benefits investigations, copay assistance and refill outreach for our patients on our behalf",
	})
	if s.fail("determine BA", err) {
		return 0
	}
	v, err = s.clinic.Vendors().RequestBAA(s.ctx, v.Ref(), vendors.Move{On: date.New(2026, time.January, 12), Note: "sent our BAA template"})
	if s.fail("request BAA", err) {
		return 0
	}
	v, err = s.clinic.Vendors().SignBAA(s.ctx, v.Ref(), vendors.Signing{
		EffectiveOn: startDay, Clauses: vendors.ClauseValues(), ReportingDays: 10, DocumentRef: "contracts/tristate-rx-baa-2026.pdf",
	})
	if s.fail("sign BAA", err) {
		return 0
	}
	s.p("%s  %s: business associate; BAA signed, breaches reported to us within %d days.", s.today(), v.Name, v.BAA.ReportingDays)
	return v.BAA.ReportingDays
}

// misdirectedFax: the pharmacy faxes 12 patients' records to the wrong office. It is a
// presumed breach until the privacy officer documents a four-factor risk assessment.
func (s *sim) misdirectedFax(reportingDays int) {
	s.on(date.New(2026, time.March, 11))
	s.p("\n== %s Misdirected fax (%s) ==", s.today(), fax)
	s.report(incident.Incident{
		ID: fax, Title: "Misdirected fax of a refill batch",
		Description: "A pharmacy technician faxed a 14-page refill and prior-authorization batch to a primary-care " +
			"office whose number differs by one digit; the office called the pharmacy within the hour.",
		StartedOn: date.New(2026, time.March, 9), EndedOn: date.New(2026, time.March, 9),
		DiscoveredOn: date.New(2026, time.March, 9), DiscoveredBy: incident.DiscovererBusinessAssociate,
		Vendor: pharmacy, BAReportingDays: reportingDays, BAReportedOn: date.New(2026, time.March, 11),
		PHI:         []vendors.DataCategory{vendors.DataDemographics, vendors.DataDiagnosisStaging, vendors.DataMedication},
		Identifiers: []incident.IdentifierType{incident.IdentifierName, incident.IdentifierBirthDate},
		Elements:    []statelaws.DataElement{statelaws.ElementMedical},
		Affected:    []incident.Affected{{State: "OH", Count: 12}}, Total: 12,
		Recipient: incident.RecipientCoveredEntity, Acquired: incident.AcquiredNo,
		Mitigation: incident.Mitigation{ReturnedOrDestroyed: true, Assurances: true,
			Note: "the office shredded the pages and signed an attestation; the pharmacy now verifies fax numbers"},
		BreachType: incident.BreachUnauthorizedAccess, Location: incident.LocationPaperFilms,
	}, "by telephone and in writing")

	s.on(date.New(2026, time.March, 13))
	today := s.today()
	f := s.change(fax, "determination", func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().Determine(s.ctx, ref, incident.Determination{
			Outcome: incident.OutcomeLowProbability,
			Facts:   "12 patients' refill records reached another covered entity by fax and were destroyed unread",
			Assessment: &incident.Assessment{
				Nature: incident.Factor{Finding: "names, dates of birth, diagnoses and specialty medications; no SSN, insurance or financial data",
					Rationale: "sensitive clinical detail, but no identifiers usable for identity theft or financial fraud"},
				Recipient: incident.Factor{Finding: "a primary-care office, itself a HIPAA covered entity",
					Rationale: "the recipient is bound by the Privacy Rule to protect PHI and has no reason to misuse it"},
				AcquiredViewed: incident.Factor{Finding: "front-desk staff read the cover sheet only, then called the pharmacy",
					Rationale: "the clinical pages were not read or copied"},
				Mitigation: incident.Factor{Finding: "all 14 pages shredded the same day; signed attestation of destruction on file",
					Rationale: "the PHI no longer exists outside the pharmacy and the recipient gave written assurances"},
				LowProbability: true, ConcludedBy: privacyOfficer, ConcludedOn: today,
			},
		})
	})
	if s.err != nil {
		return
	}
	d := f.Incident.Determination
	s.p("%s  determination: %s (%s, %s), four factors documented:", today, d.Outcome, d.Assessment.ConcludedBy, d.DecidedOn)
	s.p("    nature: %s", d.Assessment.Nature.Finding)
	s.p("    recipient: %s", d.Assessment.Recipient.Finding)
	s.p("    acquired or viewed: %s", d.Assessment.AcquiredViewed.Finding)
	s.p("    mitigation: %s", d.Assessment.Mitigation.Finding)
	s.table(f.Obligations)
	s.wrap("  why: ", obligation(f.Obligations, incident.KeyIndividuals).NotRequired)
	f = s.change(fax, "close", func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().Close(s.ctx, ref, incident.Closing{}) // today
	})
	s.p("%s  nothing pending: file closed (kept 6 years, 45 CFR 164.530(j)(2))", f.Incident.ClosedOn)
}

// stolenLaptop: an unencrypted laptop is stolen at the pharmacy. The count of individuals
// grows as the investigation goes on, law enforcement delays notice, and the notices go
// out.
func (s *sim) stolenLaptop(reportingDays int) {
	s.on(date.New(2026, time.April, 15))
	s.p("\n== %s Stolen laptop (%s) ==", s.today(), laptop)
	s.report(incident.Incident{
		ID: laptop, Title: "Laptop stolen in a break-in at the pharmacy",
		Description: "An unencrypted laptop of the pharmacy's patient-assistance team was stolen in an overnight " +
			"break-in; it held enrollment forms and refill worklists exported from the pharmacy system.",
		StartedOn: date.New(2026, time.April, 12), EndedOn: date.New(2026, time.April, 12),
		DiscoveredOn: date.New(2026, time.April, 13), DiscoveredBy: incident.DiscovererBusinessAssociate,
		Vendor: pharmacy, BAReportingDays: reportingDays, BAReportedOn: date.New(2026, time.April, 15),
		PHI: []vendors.DataCategory{vendors.DataDemographics, vendors.DataDiagnosisStaging, vendors.DataMedication, vendors.DataFinancial},
		Identifiers: []incident.IdentifierType{incident.IdentifierName, incident.IdentifierAddress, incident.IdentifierBirthDate,
			incident.IdentifierSSN, incident.IdentifierHealthPlanID},
		Elements:   []statelaws.DataElement{statelaws.ElementMedical, statelaws.ElementHealthInsurance, statelaws.ElementSSN},
		Affected:   []incident.Affected{{State: "OH", Count: 240}, {State: "KY", Count: 60}},
		Total:      300,
		Encryption: incident.Encryption{Encrypted: false},
		Recipient:  incident.RecipientMalicious, Acquired: incident.AcquiredUnknown,
		BreachType: incident.BreachTheft, Location: incident.LocationLaptop,
	}, "by e-mail, with the police report")
	s.annualLog()

	s.on(date.New(2026, time.April, 17))
	f := s.change(laptop, "determination", func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().Determine(s.ctx, ref, incident.Determination{
			Outcome: incident.OutcomeBreach,
			Facts:   "unencrypted device taken by a thief; the PHI was not secured (74 FR 42740) and no assessment can show a low probability",
		})
	})
	if s.err == nil {
		s.p("%s  determination: %s (%s); incident.Suggest on the facts also says %s", s.today(),
			f.Incident.Determination.Outcome, f.Incident.Determination.DecidedBy, incident.Suggest(&f.Incident))
	}

	s.on(date.New(2026, time.April, 20))
	delay := incident.Delay{Kind: incident.DelayOral, Official: "Det. Ray Okafor, badge 4471", Agency: "Cincinnati Police Department",
		StatedOn: s.today()}
	f = s.change(laptop, "delay", func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().RecordDelay(s.ctx, ref, delay)
	})
	s.p("%s  law enforcement: %s statement by %s, %s:", s.today(), delay.Kind, delay.Official, delay.Agency)
	s.p("    notice would impede the investigation; delayed until %s (45 CFR 164.412(b)), the clock is tolled:", incident.DelayEnd(f.Incident.Delays))
	s.changes(laptop, false)

	s.on(date.New(2026, time.April, 27))
	s.recount(incident.Affected{State: "OH", Count: 540}, incident.Affected{State: "KY", Count: 100})
	s.annualLog()
	s.on(date.New(2026, time.May, 11))
	s.recount(incident.Affected{State: "OH", Count: 880}, incident.Affected{State: "KY", Count: 270}, incident.Affected{State: "IN", Count: 14})

	s.on(date.New(2026, time.May, 20))
	s.owed("Owed on " + s.today().String() + ", the day the delay ends")

	// Ohio and Kentucky reportedly exempt HIPAA-regulated entities, but the research behind
	// both exemptions is unverified: their notices stay owed, flagged for counsel. Counsel
	// reads Kentucky's statute and records that its notice is not required; Ohio's
	// residents get the same letter as everyone else.
	s.on(date.New(2026, time.May, 27))
	s.decide(laptop, incident.Decision{Key: incident.StateKey("KY-365.732", "individuals"),
		DecidedBy: "J. Alvarez, outside counsel",
		Reason:    "KRS 365.732(8) excludes persons subject to HIPAA that comply with it; the practice notifies under 45 CFR 164.404",
		Citation:  "KRS 365.732(8)"})

	// The mailing house needs the addresses the pharmacy sends (45 CFR 164.410(c)); the
	// letters go out with HHS's portal report the same day, the press release the next
	// day. The Indiana attorney general's notice, due with the letters, is forgotten: once
	// the letters go out its deadline moves to their day, and the program prints the move.
	s.on(date.New(2026, time.June, 3))
	s.notice(laptop, incident.Notice{Key: incident.KeyIndividuals, Method: "first-class mail", Individuals: 1164})
	s.notice(laptop, incident.Notice{Key: incident.StateKey("OH-1349.19", "individuals"), Method: "first-class mail (the same letter)", Individuals: 880})
	s.notice(laptop, incident.Notice{Key: incident.StateKey("IN-24-4.9", "individuals"), Method: "first-class mail (the same letter)", Individuals: 14})
	s.notice(laptop, incident.Notice{Key: incident.KeyHHS, Method: "HHS breach portal"})
	s.on(date.New(2026, time.June, 4))
	s.notice(laptop, incident.Notice{Key: incident.MediaKey("OH"), Method: "press release to Cincinnati, Columbus and Cleveland outlets"})
	s.on(date.New(2026, time.June, 10))
	s.notice(laptop, incident.Notice{Key: incident.StateKey("IN-24-4.9", "ag"), Method: "Indiana AG online breach form (late)"})
}

// decide records counsel's decision that an obligation of incident id is not required.
func (s *sim) decide(id incident.ID, d incident.Decision) {
	f := s.change(id, "decide "+d.Key, func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().DecideNotRequired(s.ctx, ref, d)
	})
	if s.err != nil {
		return
	}
	o := obligation(f.Obligations, d.Key)
	s.p("%s  counsel: %s is %s (%s)", o.Decision.DecidedOn, d.Key, o.Status, o.Decision.Citation)
	s.wrap("    ", o.Decision.DecidedBy+": "+o.Decision.Reason)
}

// report records an incident the business associate reported to the practice today,
// and its notice to the practice (45 CFR 164.410), and prints the obligations computed on
// the facts, with no determination yet.
func (s *sim) report(i incident.Incident, from string) {
	if s.err != nil {
		return
	}
	f, err := s.clinic.Incidents().Report(s.ctx, i)
	if s.fail("report "+string(i.ID), err) {
		return
	}
	s.files[i.ID] = f
	s.p("%s  discovered by the business associate (%s); reported to us today %s.", f.Incident.Discovery(), f.Incident.Vendor, from)
	s.p("  %s: %s individuals (%s). No determination yet: a breach is presumed (45 CFR 164.402(2)).",
		f.Incident.Title, num(f.Incident.Total), counts(f.Incident.Affected))
	s.table(f.Obligations)
	ba := obligation(f.Obligations, incident.KeyBANotice)
	s.p("  %s: the business associate's notice received %s (due %s)", ba.Key, ba.SentOn, ba.Deadline)
	s.p("  the pharmacy is not our agent, so our clock starts on %s, the day it reported (74 FR 42740; 78 FR 5566)", f.Incident.Discovery())
}

// change runs one use case on an incident at its last version and keeps the result.
func (s *sim) change(id incident.ID, what string, op func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error)) compliance.IncidentFile {
	if s.err != nil {
		return compliance.IncidentFile{}
	}
	s.mark()
	f, err := op(s.files[id].Incident.Ref())
	if s.fail(what+" "+string(id), err) {
		return compliance.IncidentFile{}
	}
	s.files[id] = f
	return f
}

// recount records the investigation's new count of the laptop's individuals, then prints
// the obligations and what changed.
func (s *sim) recount(affected ...incident.Affected) {
	cur := s.files[laptop].Incident
	facts := cur.Clone()
	facts.Affected, facts.Total = affected, 0
	for _, a := range affected {
		facts.Total += a.Count
	}
	f := s.change(laptop, "update facts", func(record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().UpdateFacts(s.ctx, facts) // the version read is in facts
	})
	if s.err != nil {
		return
	}
	s.p("%s  the investigation now counts %s individuals (%s):", s.today(), num(f.Incident.Total), counts(f.Incident.Affected))
	s.table(f.Obligations)
	s.changes(laptop, false)
}

// notice records a notice of incident id the practice sent today, then prints what the
// notice changed: a deadline that counts from another notice moves to that notice's day.
func (s *sim) notice(id incident.ID, n incident.Notice) {
	f := s.change(id, "notice "+n.Key, func(ref record.Ref[incident.ID]) (compliance.IncidentFile, error) {
		return s.clinic.Incidents().RecordNotice(s.ctx, ref, n)
	})
	if s.err != nil {
		return
	}
	o := obligation(f.Obligations, n.Key)
	late := ""
	if o.Deadline != date.Zero && o.SentOn > o.Deadline {
		late = fmt.Sprintf(", %d days after its deadline %s", o.SentOn-o.Deadline, o.Deadline)
	}
	reached := ""
	if n.Individuals > 0 {
		reached = fmt.Sprintf(", reaching %s individuals", num(n.Individuals))
	}
	s.p("%s  sent %s: %s, %s%s%s", o.SentOn, n.Key, o.Recipient, n.Method, reached, late)
	s.changes(id, true)
}

// mark moves the event cursor past every event recorded so far.
func (s *sim) mark() {
	if s.err != nil {
		return
	}
	evs, err := compliance.All(s.ctx, s.clinic.Events().List, compliance.EventQuery{After: s.cursor})
	if s.fail("events", err) {
		return
	}
	if n := len(evs); n > 0 {
		s.cursor = evs[n-1].Seq
	}
}

// changes prints the obligations the last change added or removed, read from the events
// after the cursor; a key both removed and added moved its deadline (or became required).
func (s *sim) changes(id incident.ID, quiet bool) {
	if s.err != nil {
		return
	}
	evs, err := compliance.All(s.ctx, s.clinic.Events().List, compliance.EventQuery{After: s.cursor})
	if s.fail("events", err) {
		return
	}
	var added, removed []incident.Obligation
	for _, ev := range evs {
		s.cursor = ev.Seq
		if ev.Type != compliance.EventObligationAdded && ev.Type != compliance.EventObligationRemoved {
			continue
		}
		var d compliance.IncidentEvent // the payload of both event types
		if err := json.Unmarshal(ev.Data, &d); s.fail("event "+string(ev.Type), err) {
			return
		}
		if d.Incident != id || d.Obligation == nil {
			continue
		}
		if ev.Type == compliance.EventObligationAdded {
			added = append(added, *d.Obligation)
		} else {
			removed = append(removed, *d.Obligation)
		}
	}
	if len(added)+len(removed) == 0 && !quiet {
		s.p("  changed: no obligation added or removed")
	}
	for _, r := range removed {
		if a, ok := find(added, r.Key); ok {
			s.p("  moved:   %-36s %s -> %s", r.Key, deadline(r), deadline(a))
			if a.CountsFrom != r.CountsFrom && a.CountsFrom.Event != "" {
				s.p("           because it now counts from the %s on %s", strings.ReplaceAll(string(a.CountsFrom.Event), "_", " "), a.CountsFrom.On)
			}
			if a.Has(incident.FlagOwedAgain) {
				s.p("           because it is owed again: %d not yet reached", a.Remaining)
			}
		} else {
			s.p("  removed: %-36s (was %s)", r.Key, deadline(r))
		}
	}
	for _, a := range added {
		if _, ok := find(removed, a.Key); !ok {
			s.p("  added:   %-36s due %s", a.Key, deadline(a))
		}
	}
}

// sweep runs the weekly sweep and prints its breach-notice reminders (it also reminds of
// tasks and BAA reviews, which this program does not show).
func (s *sim) sweep() {
	if s.err != nil {
		return
	}
	r, err := s.clinic.Sweep(s.ctx, compliance.SweepOptions{})
	if s.fail("sweep", err) {
		return
	}
	for _, m := range r.Reminders {
		switch m.Type {
		case compliance.EventReminderNoticeDue:
			s.p("%s  sweep: notice due in %d days (deadline %s): %s [%s]", r.AsOf, m.Days, m.On, m.Obligation, m.Incident)
		case compliance.EventReminderNoticeMissed:
			s.p("%s  sweep: NOTICE MISSED, deadline %s passed %d days ago: %s [%s]", r.AsOf, m.On, m.Days, m.Obligation, m.Incident)
		}
	}
}

// annualLog prints whether the laptop is in the year's HHS log of small breaches.
func (s *sim) annualLog() {
	if s.err != nil {
		return
	}
	l, err := s.clinic.Incidents().AnnualLog(s.ctx, s.today().Year())
	if s.fail("annual log", err) {
		return
	}
	if len(l.Entries) == 0 {
		s.p("  HHS annual log %d (due %s): no breach of fewer than 500 individuals", l.Year, l.Deadline)
		return
	}
	for _, en := range l.Entries {
		s.p("  HHS annual log %d (due %s) lists %s: %s individuals, report by %s", l.Year, l.Deadline, en.Incident, num(en.Individuals), en.Deadline)
	}
}

// owed prints what is owed, to whom, by when, across the open incidents.
func (s *sim) owed(title string) {
	if s.err != nil {
		return
	}
	owed, err := s.clinic.Incidents().Owed(s.ctx)
	if s.fail("owed", err) {
		return
	}
	printOwed(s.out, title, owed)
}

// report prints the breach files as of reportDay, from what is stored.
func report(ctx context.Context, clinic *compliance.Org, out io.Writer) error {
	o, err := clinic.Profile(ctx)
	if err != nil {
		return err
	}
	p := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	p("== %s: breach files as of %s ==", o.Name, reportDay)
	for _, id := range []incident.ID{fax, laptop} {
		f, err := clinic.Incidents().Get(ctx, id)
		if err != nil {
			return err
		}
		i := &f.Incident
		state := "open"
		if !i.Open() {
			state = "closed " + i.ClosedOn.String()
		}
		p("%s %s: %s, discovered %s, %s individuals (%s)", i.ID, i.Title, state, i.Discovery(), num(i.Total), counts(i.Affected))
		if d := i.Determination; d != nil {
			p("  determination: %s by %s on %s", d.Outcome, d.DecidedBy, d.DecidedOn)
		}
		for _, d := range i.Delays {
			p("  delay: %s statement by %s (%s) on %s, until %s", d.Kind, d.Official, d.Agency, d.StatedOn, d.End())
		}
		if i.Open() {
			writeTable(out, f.Obligations)
		}
	}

	owed, err := clinic.Incidents().Owed(ctx)
	if err != nil {
		return err
	}
	printOwed(out, "Owed on "+reportDay.String()+" (what, to whom, by when)", owed)

	year := reportDay.Year()
	l, err := clinic.Incidents().AnnualLog(ctx, year)
	if err != nil {
		return err
	}
	p("HHS log of breaches of fewer than 500 discovered in %d (45 CFR 164.408(c)), due %s: %d", l.Year, l.Deadline, len(l.Entries))
	for _, en := range l.Entries {
		p("  %s %s: %s individuals, discovered %s, report by %s (%s)", en.Incident, en.Title, num(en.Individuals), en.DiscoveryStart, en.Deadline, en.ReportType)
	}
	for _, sk := range l.Skipped {
		p("  skipped %s: %s", sk.Incident, sk.Error)
	}

	// The audit chain is verified end to end: an edited, deleted, reordered or inserted
	// entry would be reported here with its position.
	status, err := clinic.Audit().Verify(ctx)
	var broken *audit.VerifyError
	switch {
	case errors.As(err, &broken):
		p("Audit trail: %d entries, BROKEN: %v", status.Entries, err)
	case err != nil:
		return err
	default:
		p("Audit trail: %d entries, hash chain verified OK", status.Entries)
	}
	evs, err := compliance.All(ctx, clinic.Events().List, compliance.EventQuery{})
	if err != nil {
		return err
	}
	reminders := 0
	for _, ev := range evs {
		if ev.Type == compliance.EventReminderNoticeDue || ev.Type == compliance.EventReminderNoticeMissed {
			reminders++
		}
	}
	p("Events recorded: %d, of them %d breach-notice reminders", len(evs), reminders)
	return nil
}

// wrap prints text after prefix, wrapped at about 100 characters.
func (s *sim) wrap(prefix, text string) {
	line, indent := prefix, strings.Repeat(" ", len(prefix))
	for _, w := range strings.Fields(text) {
		if len(line)+len(w) > 100 && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			s.p("%s", strings.TrimRight(line, " "))
			line = indent
		}
		line += w + " "
	}
	s.p("%s", strings.TrimRight(line, " "))
}

// table prints obligations.
func (s *sim) table(obs []incident.Obligation) {
	if s.err == nil {
		writeTable(s.out, obs)
	}
}

// writeTable prints one line per obligation: key (with [U] when its State rule is
// unverified), deadline, status, citation and recipient.
func writeTable(out io.Writer, obs []incident.Obligation) {
	for _, o := range obs {
		key := o.Key
		if o.Unverified {
			key += " [U]"
		}
		status := string(o.Status)
		switch o.Status {
		case incident.StatusSent:
			status = "sent " + o.SentOn.String()
		case incident.StatusNotRequired:
			status = "not required"
		}
		fmt.Fprintf(out, "    %-36s %-10s %-15s %-24s %s\n", key, deadline(o), status, o.Citation, o.Recipient)
	}
}

// printOwed prints the pending notices of the open incidents, soonest first.
func printOwed(out io.Writer, title string, owed []compliance.Owed) {
	fmt.Fprintf(out, "%s: %d\n", title, len(owed))
	for _, o := range owed {
		b := &o.Obligation
		by := "by " + b.Deadline.String()
		if b.Deadline == date.Zero {
			by = "no fixed day"
		}
		u := ""
		if b.Unverified {
			u = " [U]"
		}
		fmt.Fprintf(out, "    %-13s %-36s %s (%s)\n", by, b.Key+u, b.Recipient, o.Incident)
	}
}

// deadline formats an obligation's deadline; "-" when it has none.
func deadline(o incident.Obligation) string {
	if o.Deadline == date.Zero {
		return "-"
	}
	return o.Deadline.String()
}

// obligation returns the obligation with key, or a zero one.
func obligation(obs []incident.Obligation, key string) incident.Obligation {
	o, _ := find(obs, key)
	return o
}

func find(obs []incident.Obligation, key string) (incident.Obligation, bool) {
	for _, o := range obs {
		if o.Key == key {
			return o, true
		}
	}
	return incident.Obligation{}, false
}

// counts lists the individuals by State, e.g. "OH 240, KY 60".
func counts(as []incident.Affected) string {
	parts := make([]string, len(as))
	for k, a := range as {
		parts[k] = fmt.Sprintf("%s %d", a.State, a.Count)
	}
	return strings.Join(parts, ", ")
}

// num formats a count with thousands separators, e.g. 1,164.
func num(n int) string {
	s := fmt.Sprint(n)
	for k := len(s) - 3; k > 0; k -= 3 {
		s = s[:k] + "," + s[k:]
	}
	return s
}
