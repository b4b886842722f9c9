package compliance

import (
	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// The event types the engine records, each with the payload type its event.Event.Data
// holds as JSON (decode it with json.Unmarshal into that type).
const (
	// Payload: [OrganizationEvent].
	EventOrganizationCreated event.Type = "organization.created"
	EventOrganizationUpdated event.Type = "organization.updated"

	// Payload: [VendorEvent].
	EventVendorAdded          event.Type = "vendor.added"
	EventVendorUpdated        event.Type = "vendor.updated"
	EventBADetermined         event.Type = "vendor.ba_determined"
	EventBAARequested         event.Type = "baa.requested"
	EventBAANegotiating       event.Type = "baa.in_negotiation"
	EventBAASigned            event.Type = "baa.signed"
	EventBAAReviewDue         event.Type = "baa.review_due"
	EventBAAReviewed          event.Type = "baa.reviewed"
	EventBAARenewed           event.Type = "baa.renewed"
	EventBAAExpired           event.Type = "baa.expired"
	EventBAATerminated        event.Type = "baa.terminated"
	EventBAAFollowUp          event.Type = "baa.follow_up"
	EventDispositionCertified event.Type = "baa.disposition_certified"

	// Payload: [TaskEvent].
	EventTaskCreated   event.Type = "task.created"
	EventTaskChanged   event.Type = "task.changed"
	EventTaskCompleted event.Type = "task.completed"
	// Payload: [TemplateEvent].
	EventTemplateSaved event.Type = "template.saved"

	// Payload: [MemberEvent].
	EventMemberJoined   event.Type = "member.joined"
	EventMemberLeft     event.Type = "member.left"
	EventMemberRole     event.Type = "member.role_changed"
	EventMemberTraining event.Type = "member.training_recorded"
	// Payload: [TrialEvent].
	EventTrialOpened  event.Type = "trial.opened"
	EventTrialChanged event.Type = "trial.changed"

	// Payload: [IncidentEvent].
	EventIncidentReported   event.Type = "incident.reported"
	EventIncidentUpdated    event.Type = "incident.updated"
	EventIncidentDetermined event.Type = "incident.determined"
	EventIncidentDelayed    event.Type = "incident.law_enforcement_delay"
	EventNoticeSent         event.Type = "incident.notice_sent"
	EventIncidentClosed     event.Type = "incident.closed"
	// EventObligationDecided: counsel decided that an obligation is not required; the
	// payload's Notice is its key.
	EventObligationDecided event.Type = "incident.obligation_decided"
	// EventObligationAdded and EventObligationRemoved: a change of facts added or
	// removed a notice owed (or moved its deadline: one removed, one added); the
	// payload's Obligation is set.
	EventObligationAdded   event.Type = "incident.obligation_added"
	EventObligationRemoved event.Type = "incident.obligation_removed"

	// Payload: [RiskEvent].
	EventRiskRecorded event.Type = "risk.recorded"
	EventRiskRated    event.Type = "risk.rated"
	EventRiskTreated  event.Type = "risk.treated"
	EventRiskAccepted event.Type = "risk.accepted"
	EventRiskReviewed event.Type = "risk.reviewed"
	EventRiskClosed   event.Type = "risk.closed"
	EventRiskReopened event.Type = "risk.reopened"
	// EventRiskRerated: the risk was moved to the organization's new scoring method
	// (one per risk, beside the organization's EventRiskMethodChanged).
	EventRiskRerated event.Type = "risk.rerated"
	// Payload: [OrganizationEvent] with RiskMethod set.
	EventRiskMethodChanged event.Type = "risk.method_changed"
	// Payload: [AnalysisEvent].
	EventAnalysisTaken    event.Type = "analysis.taken"
	EventAnalysisApproved event.Type = "analysis.approved"
	// Payload: [ControlEvent].
	EventControlDecided event.Type = "control.decided"

	// Reminders the sweep emits. Payload: [Reminder].
	EventReminderTaskDue       event.Type = "reminder.task_due"
	EventReminderTaskOverdue   event.Type = "reminder.task_overdue"
	EventReminderTaskEscalated event.Type = "reminder.task_escalated"
	EventReminderBAAReviewDue  event.Type = "reminder.baa_review_due"
	EventReminderBAAReviewLate event.Type = "reminder.baa_review_overdue"
	EventReminderBAAStalled    event.Type = "reminder.baa_stalled"
	// EventReminderNoticeDue and EventReminderNoticeMissed: a breach notice of an open
	// incident is due within a threshold, or its legal deadline has passed unmet.
	EventReminderNoticeDue    event.Type = "reminder.notice_due"
	EventReminderNoticeMissed event.Type = "reminder.notice_missed"
	EventReminderRiskDue      event.Type = "reminder.risk_treatment_due"
	EventReminderRiskLate     event.Type = "reminder.risk_treatment_overdue"
	EventReminderRiskReview   event.Type = "reminder.risk_review_due"
)

// EventTypes returns every event type the engine records, in a fixed order.
func EventTypes() []event.Type {
	return []event.Type{
		EventOrganizationCreated, EventOrganizationUpdated,
		EventVendorAdded, EventVendorUpdated, EventBADetermined, EventBAARequested, EventBAANegotiating,
		EventBAASigned, EventBAAReviewDue, EventBAAReviewed, EventBAARenewed, EventBAAExpired,
		EventBAATerminated, EventBAAFollowUp, EventDispositionCertified,
		EventTaskCreated, EventTaskChanged, EventTaskCompleted, EventTemplateSaved,
		EventMemberJoined, EventMemberLeft, EventMemberRole, EventMemberTraining,
		EventTrialOpened, EventTrialChanged,
		EventIncidentReported, EventIncidentUpdated, EventIncidentDetermined, EventIncidentDelayed,
		EventNoticeSent, EventIncidentClosed, EventObligationDecided, EventObligationAdded, EventObligationRemoved,
		EventRiskRecorded, EventRiskRated, EventRiskTreated, EventRiskAccepted, EventRiskReviewed,
		EventRiskClosed, EventRiskReopened, EventRiskRerated, EventRiskMethodChanged, EventAnalysisTaken, EventAnalysisApproved,
		EventControlDecided,
		EventReminderTaskDue, EventReminderTaskOverdue, EventReminderTaskEscalated,
		EventReminderBAAReviewDue, EventReminderBAAReviewLate, EventReminderBAAStalled,
		EventReminderNoticeDue, EventReminderNoticeMissed, EventReminderRiskDue,
		EventReminderRiskLate, EventReminderRiskReview,
	}
}

// OrganizationEvent is the payload of organization events.
type OrganizationEvent struct {
	Organization org.ID `json:"organization"`
	Name         string `json:"name"`
	// RiskMethod is set on EventRiskMethodChanged.
	RiskMethod riskreg.MethodID `json:"risk_method,omitempty"`
}

// VendorEvent is the payload of every vendor and BAA event.
type VendorEvent struct {
	VendorID vendors.ID       `json:"vendor_id"`
	Vendor   string           `json:"vendor"`
	Category vendors.Category `json:"category"`
	State    vendors.State    `json:"state"`
	// HandlesPHI reports whether the practice shares PHI with the vendor.
	HandlesPHI bool `json:"handles_phi"`
	// On is the day of the move (the signing, review, renewal or termination date);
	// zero for events without one (added, updated).
	On date.Date `json:"on,omitzero"`
	// Outcome is set on EventBADetermined.
	Outcome vendors.Outcome `json:"outcome,omitempty"`
	// NextReviewOn and ExpiresOn are set once the BAA is signed.
	NextReviewOn date.Date `json:"next_review_on,omitzero"`
	ExpiresOn    date.Date `json:"expires_on,omitzero"`
}

func vendorEvent(t event.Type, v *vendors.Vendor, on date.Date) eventSpec {
	d := VendorEvent{VendorID: v.ID, Vendor: v.Name, Category: v.Category, State: v.BAA.State,
		HandlesPHI: len(v.DataShared) > 0, On: on,
		NextReviewOn: v.BAA.NextReviewOn, ExpiresOn: v.BAA.ExpiresOn}
	if det, ok := v.Determination(); ok && t == EventBADetermined {
		d.Outcome = det.Outcome
	}
	return eventSpec{t, d}
}

func (p VendorEvent) ruleFacts(typ event.Type, today date.Date) ruleFacts {
	f := ruleFacts{Subject: task.Subject{Type: record.KindVendor, ID: string(p.VendorID)},
		Day: p.On, HandlesPHI: p.HandlesPHI, NextBAAReview: p.NextReviewOn}
	switch typ {
	case EventBAASigned, EventBAAReviewed, EventBAARenewed, EventBAATerminated:
	default:
		f.Day = date.Zero
	}
	return f
}

// TaskEvent is the payload of task events (EventTaskCreated, EventTaskChanged,
// EventTaskCompleted).
type TaskEvent struct {
	Task     task.ID         `json:"task"`
	Template task.TemplateID `json:"template"`
	State    task.State      `json:"state"`
	DueOn    date.Date       `json:"due_on"`
	// Next is the next occurrence, once a recurring task is closed.
	Next task.ID `json:"next,omitempty"`
	// Subject, Site and Assignee are the task's.
	Subject  task.Subject  `json:"subject,omitzero"`
	Site     org.SiteID    `json:"site,omitempty"`
	Assignee task.Assignee `json:"assignee"`
}

func taskEvent(t *task.Task) TaskEvent {
	return TaskEvent{Task: t.ID, Template: t.TemplateID, State: t.State, DueOn: t.DueOn, Next: t.NextID,
		Subject: t.Subject, Site: t.Site, Assignee: t.Assignee}
}

// ruleFacts of a task event: a rule's task is about what the task is about (the task
// itself for an organization-wide task), at its site.
func (p TaskEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	f := ruleFacts{Subject: p.Subject, Site: p.Site}
	if f.Subject.IsZero() {
		f.Subject = task.Subject{Type: record.KindTask, ID: string(p.Task)}
	}
	return f
}

// TemplateEvent is the payload of EventTemplateSaved.
type TemplateEvent struct {
	Template task.TemplateID `json:"template"`
	Version  int64           `json:"version"`
}

// ruleFacts of a template event: a rule's task is about the template.
func (p TemplateEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	return ruleFacts{Subject: task.Subject{Type: record.KindTemplate, ID: string(p.Template)}}
}

// MemberEvent is the payload of workforce events.
type MemberEvent struct {
	Member workforce.ID   `json:"member"`
	Role   workforce.Role `json:"role"`
	Sites  []org.SiteID   `json:"sites"`
	// StartOn and EndOn are the member's first and last days.
	StartOn date.Date `json:"start_on,omitzero"`
	EndOn   date.Date `json:"end_on,omitzero"`
	// PreviousRole is set on EventMemberRole: the role the member had.
	PreviousRole workforce.Role `json:"previous_role,omitempty"`
	// Training is set on EventMemberTraining: the completion recorded.
	Training *workforce.Completion `json:"training,omitempty"`
}

func memberEvent(m *workforce.Member) MemberEvent {
	return MemberEvent{Member: m.ID, Role: m.Role, Sites: append([]org.SiteID{}, m.Sites...), StartOn: m.StartOn, EndOn: m.EndOn}
}

func (p MemberEvent) ruleFacts(typ event.Type, today date.Date) ruleFacts {
	f := ruleFacts{Subject: task.Subject{Type: record.KindMember, ID: string(p.Member)}}
	if len(p.Sites) == 1 {
		f.Site = p.Sites[0]
	}
	switch typ {
	case EventMemberJoined:
		// A member recorded before starting is trained from the first day; one recorded
		// later (the existing roster) from the day recorded. Training is the member's own
		// task; the checklist names the modules of the role.
		f.Day = max(p.StartOn, today)
		f.Assignee = task.Assignee{Person: string(p.Member)}
		for _, m := range workforce.RequiredModules(p.Role) {
			f.Checklist = append(f.Checklist, "Complete module: "+string(m))
		}
	case EventMemberLeft:
		f.Day = p.EndOn
	}
	return f
}

// TrialEvent is the payload of clinical-trial events.
type TrialEvent struct {
	Trial    trials.ID     `json:"trial"`
	Status   trials.Status `json:"status"`
	Sites    []org.SiteID  `json:"sites"`
	OpenedOn date.Date     `json:"opened_on,omitzero"`
	// Basis, EnrollingOn and ClosedOn are the trial's, once set.
	Basis       trials.Basis `json:"basis,omitempty"`
	EnrollingOn date.Date    `json:"enrolling_on,omitzero"`
	ClosedOn    date.Date    `json:"closed_on,omitzero"`
}

func trialEvent(t *trials.Trial) TrialEvent {
	return TrialEvent{Trial: t.ID, Status: t.Status, Sites: append([]org.SiteID{}, t.Sites...), OpenedOn: t.OpenedOn,
		Basis: t.Basis, EnrollingOn: t.EnrollingOn, ClosedOn: t.ClosedOn}
}

func (p TrialEvent) ruleFacts(typ event.Type, today date.Date) ruleFacts {
	f := ruleFacts{Subject: task.Subject{Type: record.KindTrial, ID: string(p.Trial)}}
	if len(p.Sites) == 1 {
		f.Site = p.Sites[0]
	}
	if typ == EventTrialOpened {
		f.Day = p.OpenedOn
	}
	return f
}

// IncidentEvent is the payload of every incident event (EventIncidentReported,
// EventIncidentUpdated, EventIncidentDetermined, EventIncidentDelayed, EventNoticeSent,
// EventIncidentClosed, EventObligationDecided, EventObligationAdded,
// EventObligationRemoved).
type IncidentEvent struct {
	Incident incident.ID `json:"incident"`
	// Title names the incident.
	Title string `json:"title,omitempty"`
	// On is the day of the change: the discovery (reported), the decision (determined),
	// the statement (law-enforcement delay), the notice (notice sent) or the closing
	// (closed) or counsel's decision (obligation decided); zero for updated and the
	// obligation added and removed events.
	On date.Date `json:"on,omitzero"`
	// Outcome is the determination's, on EventIncidentDetermined.
	Outcome incident.Outcome `json:"outcome,omitempty"`
	// Notice is the key of the obligation the notice met, on EventNoticeSent, or that
	// counsel decided, on EventObligationDecided.
	Notice string `json:"notice,omitempty"`
	// Obligation is set on EventObligationAdded and EventObligationRemoved.
	Obligation *incident.Obligation `json:"obligation,omitempty"`
}

func (p IncidentEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	return ruleFacts{Subject: task.Subject{Type: record.KindIncident, ID: string(p.Incident)}}
}

// RiskEvent is the payload of risk events.
type RiskEvent struct {
	Risk   riskreg.ID     `json:"risk"`
	Status riskreg.Status `json:"status"`
	Rating riskreg.Rating `json:"rating,omitempty"`
	// On is the day of the move (rated, accepted, reviewed, closed, re-rated; the day
	// decided for a treatment); zero on EventRiskRecorded.
	On date.Date `json:"on,omitzero"`
	// TreatmentDueOn is set while the risk is being treated, AcceptanceReviewOn while it
	// is accepted ([riskreg.Risk.TreatmentDueOn], [riskreg.Risk.AcceptanceReviewOn]).
	TreatmentDueOn     date.Date `json:"treatment_due_on,omitzero"`
	AcceptanceReviewOn date.Date `json:"acceptance_review_on,omitzero"`
}

func riskEvent(typ event.Type, r *riskreg.Risk, on date.Date) eventSpec {
	return eventSpec{typ, RiskEvent{Risk: r.ID, Status: r.Status, Rating: r.Current().Rating, On: on,
		TreatmentDueOn: r.TreatmentDueOn(), AcceptanceReviewOn: r.AcceptanceReviewOn()}}
}

func (p RiskEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	return ruleFacts{Subject: task.Subject{Type: record.KindRisk, ID: string(p.Risk)}}
}

// AnalysisEvent is the payload of analysis events.
type AnalysisEvent struct {
	Analysis riskreg.AnalysisID `json:"analysis"`
	Year     int                `json:"year"`
	// Risks is the number of risks in the snapshot.
	Risks int `json:"risks"`
	// ApprovedOn is set on EventAnalysisApproved.
	ApprovedOn date.Date `json:"approved_on,omitzero"`
}

// ControlEvent is the payload of EventControlDecided.
type ControlEvent struct {
	Control        controls.ID       `json:"control"`
	CatalogVersion string            `json:"catalog_version"`
	Decision       controls.Decision `json:"decision"`
	// DecidedOn is the day of the decision.
	DecidedOn date.Date `json:"decided_on,omitzero"`
}

// ruleFacts is what a rule reads of an event's payload to make its task.
type ruleFacts struct {
	Subject task.Subject
	Site    org.SiteID
	// Day is the event's own day; zero means today.
	Day date.Date
	// HandlesPHI and NextBAAReview are a vendor's (HandlesPHI rules, DueAtNextBAAReview).
	HandlesPHI    bool
	NextBAAReview date.Date
	Assignee      task.Assignee
	Checklist     []string
}

// payload is every event payload type: what rules read of it, typed, so that they
// dispatch on the event's type and its payload's facts, never on a type switch.
type payload interface {
	ruleFacts(typ event.Type, today date.Date) ruleFacts
}

// ruleFacts of an organization event: none (it is about no record a task follows).
func (OrganizationEvent) ruleFacts(event.Type, date.Date) ruleFacts { return ruleFacts{} }

func (p AnalysisEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	return ruleFacts{Subject: task.Subject{Type: record.KindAnalysis, ID: string(p.Analysis)}}
}

func (p ControlEvent) ruleFacts(event.Type, date.Date) ruleFacts {
	return ruleFacts{Subject: task.Subject{Type: record.KindControlDecision, ID: string(p.Control)}}
}
