package incident

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// PortalDescriptionMax is the number of characters the HHS breach portal accepts in a
// breach description.
const PortalDescriptionMax = 4000

// PHIType is a type of PHI as the HHS breach portal groups them.
type PHIType string

// Portal types of PHI.
const (
	PHIClinical    PHIType = "clinical"
	PHIDemographic PHIType = "demographic"
	PHIFinancial   PHIType = "financial"
	PHIOther       PHIType = "other"
)

var phiTypeValues = []PHIType{PHIClinical, PHIDemographic, PHIFinancial, PHIOther}

// PHITypeValues returns every known PHIType.
func PHITypeValues() []PHIType { return append([]PHIType(nil), phiTypeValues...) }

// Valid reports whether t is a known PHIType.
func (t PHIType) Valid() bool { return enum.Valid(phiTypeValues, t) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (t PHIType) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "phi_types", phiTypeValues, t)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (t *PHIType) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "phi_types", phiTypeValues, b, t)
}

// ReportType is the type of a report to the HHS breach portal.
type ReportType string

// Report types (HHS breach portal).
const (
	// ReportInitial: the first report of the breach.
	ReportInitial ReportType = "initial"
	// ReportAddendum: an addendum to a report already sent (the HHS notice is recorded).
	ReportAddendum ReportType = "addendum"
)

var reportTypeValues = []ReportType{ReportInitial, ReportAddendum}

// ReportTypeValues returns every known ReportType.
func ReportTypeValues() []ReportType { return append([]ReportType(nil), reportTypeValues...) }

// Valid reports whether t is a known ReportType.
func (t ReportType) Valid() bool { return enum.Valid(reportTypeValues, t) }

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an error.
func (t ReportType) MarshalText() ([]byte, error) {
	return enum.Marshal(pkg, "report_type", reportTypeValues, t)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is an error.
func (t *ReportType) UnmarshalText(b []byte) error {
	return enum.Unmarshal(pkg, "report_type", reportTypeValues, b, t)
}

// Log is the log of breaches affecting fewer than 500 individuals discovered in one
// calendar year, each to be reported to HHS no later than 60 days after the year ends
// (45 CFR 164.408(c)).
type Log struct {
	// Year is the calendar year of discovery the log covers.
	Year int `json:"year"`
	// Deadline is the last day to report the year's breaches (45 CFR 164.408(c)); an entry
	// whose breach is under a law-enforcement delay may have a later one.
	Deadline date.Date `json:"deadline"`
	// Entries are the breaches to report, by discovery then ID.
	Entries []LogEntry `json:"entries"`
	// Skipped lists incidents left out because they are not valid, with the error: fix
	// them and compute the log again.
	Skipped []Skipped `json:"skipped"`
}

// Skipped is an incident the log could not use.
type Skipped struct {
	// Incident is the incident left out, and Error why.
	Incident ID     `json:"incident"`
	Error    string `json:"error"`
	// Fields are the fields the error names, as the incident's JSON does (e.g.
	// "discovered_on", "affected[0].state").
	Fields []string `json:"fields"`
}

// LogEntry is one breach in the annual log, with the fields of the HHS breach portal
// report.
type LogEntry struct {
	// Incident and Title identify the incident.
	Incident ID     `json:"incident"`
	Title    string `json:"title"`
	// ReportType is initial, or addendum when a report to HHS was already recorded.
	ReportType ReportType `json:"report_type"`
	// Deadline is the last day to report this breach to HHS (45 CFR 164.408(c), 164.412).
	Deadline date.Date `json:"deadline"`
	// ReportedOn is the day the HHS notice was recorded as sent, if it was.
	ReportedOn date.Date `json:"reported_on,omitzero"`
	// BusinessAssociate names the business associate involved, if any.
	BusinessAssociate vendors.ID `json:"business_associate,omitempty"`
	// BreachStart and BreachEnd are the breach's dates, when known.
	BreachStart date.Date `json:"breach_start,omitzero"`
	BreachEnd   date.Date `json:"breach_end,omitzero"`
	// DiscoveryStart is the day of discovery (45 CFR 164.404(a)(2)); DiscoveryEnd is the day
	// it was actually known, when the entity would have known earlier.
	DiscoveryStart date.Date `json:"discovery_start"`
	DiscoveryEnd   date.Date `json:"discovery_end,omitzero"`
	// Individuals is the approximate number of individuals affected.
	Individuals int `json:"individuals"`
	// BreachType and Location are the portal's type of breach and location of the
	// information.
	BreachType BreachType `json:"breach_type,omitempty"`
	Location   Location   `json:"location,omitempty"`
	// PHITypes are the portal's types of PHI, derived from PHI and Identifiers.
	PHITypes []PHIType `json:"phi_types"`
	// PHI and Identifiers are the incident's own categories, in more detail.
	PHI         []vendors.DataCategory `json:"phi"`
	Identifiers []IdentifierType       `json:"identifiers"`
	// Description is the incident's description, cut to [PortalDescriptionMax] characters.
	Description string `json:"description,omitempty"`
	// Safeguards in place before the breach, as recorded: the encryption.
	Safeguards Encryption `json:"safeguards,omitzero"`
	// IndividualNoticeOn is the day the individual notice was sent, if it was.
	IndividualNoticeOn date.Date `json:"individual_notice_on,omitzero"`
	// SubstituteNotice and MediaNotice report whether such notices were recorded as sent.
	SubstituteNotice bool `json:"substitute_notice"`
	MediaNotice      bool `json:"media_notice"`
	// Actions are the actions taken in response: the mitigation recorded.
	Actions Mitigation `json:"actions,omitzero"`
}

// AnnualLog lists the breaches of fewer than 500 individuals (counted: a count not yet
// known is treated as 500 or more) discovered in year (by
// [Incident.Discovery]), with what the HHS breach portal asks for each, sorted by discovery
// then ID (45 CFR 164.408(c)). A breach is an incident whose outcome is a breach, or that
// has no determination (presumed, 45 CFR 164.402(2)). Invalid incidents are listed in
// Skipped.
func AnnualLog(incidents []Incident, year int) Log {
	l := Log{Year: year, Deadline: HHSAnnualDeadline(year)}
	for k := range incidents {
		i := &incidents[k]
		if err := i.Validate(); err != nil {
			sk := Skipped{Incident: i.ID, Error: err.Error(), Fields: []string{}}
			for _, v := range validation.All(err) {
				if !slices.Contains(sk.Fields, v.Field) {
					sk.Fields = append(sk.Fields, v.Field)
				}
			}
			l.Skipped = append(l.Skipped, sk)
			continue
		}
		disc := i.Discovery()
		// A count not yet known (zero) is treated as 500 or more: HHS is due within 60
		// days (45 CFR 164.408(b)), not in the log, until the count is recorded.
		if disc.Year() != year || i.Total == 0 || i.Total >= HHSThreshold || i.outcome() != OutcomeBreach {
			continue
		}
		e := LogEntry{
			Incident: i.ID, Title: i.Title, ReportType: ReportInitial,
			Deadline:          max(l.Deadline, DelayEnd(i.Delays)), // 45 CFR 164.412
			BusinessAssociate: i.Vendor,
			BreachStart:       i.StartedOn, BreachEnd: i.EndedOn,
			DiscoveryStart: disc,
			Individuals:    i.Total, BreachType: i.BreachType, Location: i.Location,
			PHITypes: portalPHITypes(i), PHI: slices.Clone(i.PHI), Identifiers: slices.Clone(i.Identifiers),
			Description: truncate(i.Description, PortalDescriptionMax),
			Safeguards:  i.Encryption, Actions: i.Mitigation,
		}
		if i.DiscoveredOn != disc {
			e.DiscoveryEnd = i.DiscoveredOn
		}
		for _, n := range i.Notices {
			switch {
			case n.Key == KeyHHS:
				e.ReportType, e.ReportedOn = ReportAddendum, n.SentOn
			case n.Key == KeyIndividuals:
				e.IndividualNoticeOn = n.SentOn
			case n.Key == KeySubstitute:
				e.SubstituteNotice = true
			case strings.HasPrefix(n.Key, "media:"):
				e.MediaNotice = true
			}
		}
		l.Entries = append(l.Entries, e)
	}
	slices.SortFunc(l.Entries, func(a, b LogEntry) int {
		return cmp.Or(cmp.Compare(a.DiscoveryStart, b.DiscoveryStart), cmp.Compare(a.Incident, b.Incident))
	})
	return l
}

// portalPHITypes maps the incident's PHI categories and identifiers to the portal's types:
// clinical data to clinical, demographics and personal identifiers to demographic,
// financial data, account numbers and health plan IDs to financial, the rest to other.
func portalPHITypes(i *Incident) []PHIType {
	set := map[PHIType]bool{}
	for _, d := range i.PHI {
		switch d {
		case vendors.DataDemographics:
			set[PHIDemographic] = true
		case vendors.DataFinancial:
			set[PHIFinancial] = true
		default:
			set[PHIClinical] = true
		}
	}
	for _, t := range i.Identifiers {
		switch t {
		case IdentifierAccountNumber, IdentifierHealthPlanID:
			set[PHIFinancial] = true
		case IdentifierOther, IdentifierDeviceID, IdentifierBiometric, IdentifierPhoto:
			set[PHIOther] = true
		default:
			set[PHIDemographic] = true
		}
	}
	var out []PHIType
	for _, t := range phiTypeValues {
		if set[t] {
			out = append(out, t)
		}
	}
	return out
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
