package compliance

// Action names a use case for the authorizer ([Options.Authorize]) and the audit trail,
// e.g. [ActionBAASign]. Reads have actions too, so an authorizer can refuse them.
type Action string

// Actions of the organization and its program.
const (
	ActionOrganizationCreate Action = "organization.create"
	ActionOrganizationRead   Action = "organization.read"
	ActionOrganizationUpdate Action = "organization.update"
	ActionProfileApply       Action = "profile.apply"
	ActionInventoryReport    Action = "report.inventory"
	ActionSweep              Action = "sweep.run"
)

// Actions of the vendor inventory and the BAA lifecycle.
const (
	ActionVendorAdd             Action = "vendor.add"
	ActionVendorUpdate          Action = "vendor.update"
	ActionVendorRead            Action = "vendor.read"
	ActionVendorDetermineBA     Action = "vendor.determine_ba"
	ActionBAARequest            Action = "baa.request"
	ActionBAANegotiate          Action = "baa.negotiate"
	ActionBAASign               Action = "baa.sign"
	ActionBAAMarkReviewDue      Action = "baa.mark_review_due"
	ActionBAAReview             Action = "baa.review"
	ActionBAARenew              Action = "baa.renew"
	ActionBAAExpire             Action = "baa.expire"
	ActionBAATerminate          Action = "baa.terminate"
	ActionBAACertifyDisposition Action = "baa.certify_disposition"
	ActionBAAFollowUp           Action = "baa.follow_up"
	ActionBAARefresh            Action = "baa.refresh"
)

// Actions of templates and tasks.
const (
	ActionTemplateSave    Action = "template.save"
	ActionTemplateRead    Action = "template.read"
	ActionTaskCreate      Action = "task.create"
	ActionTaskRead        Action = "task.read"
	ActionTaskStart       Action = "task.start"
	ActionTaskBlock       Action = "task.block"
	ActionTaskSkip        Action = "task.skip"
	ActionTaskComplete    Action = "task.complete"
	ActionTaskAddEvidence Action = "task.add_evidence"
	ActionTaskCheckItem   Action = "task.check_item"
	ActionTaskAssign      Action = "task.assign"
)

// Actions of the workforce roster and clinical trials.
const (
	ActionMemberAdd            Action = "member.add"
	ActionMemberRead           Action = "member.read"
	ActionMemberLeave          Action = "member.leave"
	ActionMemberChangeRole     Action = "member.change_role"
	ActionMemberRecordTraining Action = "member.record_training"
	ActionTrainingReport       Action = "report.training"
	ActionTrialOpen            Action = "trial.open"
	ActionTrialRead            Action = "trial.read"
	ActionTrialStartEnrolling  Action = "trial.enroll"
	ActionTrialClose           Action = "trial.close"
)

// Actions of incidents and breach notification.
const (
	ActionIncidentReport      Action = "incident.report"
	ActionIncidentRead        Action = "incident.read"
	ActionIncidentUpdateFacts Action = "incident.update"
	ActionIncidentDetermine   Action = "incident.determine"
	ActionIncidentDelay       Action = "incident.delay"
	ActionIncidentNotice      Action = "incident.notice"
	ActionIncidentClose       Action = "incident.close"
	// ActionIncidentDecide records counsel's decision that an obligation is not
	// required.
	ActionIncidentDecide  Action = "incident.decide_not_required"
	ActionOwedReport      Action = "report.owed"
	ActionAnnualLogReport Action = "report.annual_log"
)

// Actions of the risk register, analyses and controls.
const (
	ActionRiskRecord        Action = "risk.record"
	ActionRiskRead          Action = "risk.read"
	ActionRiskSeed          Action = "risk.seed"
	ActionRiskRate          Action = "risk.rate"
	ActionRiskTreat         Action = "risk.treat"
	ActionRiskAccept        Action = "risk.accept"
	ActionRiskReview        Action = "risk.review"
	ActionRiskClose         Action = "risk.close"
	ActionRiskSetMethod     Action = "risk.set_method"
	ActionRiskPostureReport Action = "report.risk_posture"
	ActionAnalysisTake      Action = "analysis.take"
	ActionAnalysisApprove   Action = "analysis.approve"
	ActionAnalysisRead      Action = "analysis.read"
	ActionControlDecide     Action = "control.decide"
	ActionControlRead       Action = "control.read"
	ActionRiskReopen        Action = "risk.reopen"
)

// Actions of the audit trail and the event outbox.
const (
	ActionAuditRead   Action = "audit.read"
	ActionAuditVerify Action = "audit.verify"
	ActionEventRead   Action = "event.read"
)

// Actions returns every action, in a fixed order: the list an authorizer's policy
// covers.
func Actions() []Action {
	return []Action{
		ActionOrganizationCreate, ActionOrganizationRead, ActionOrganizationUpdate, ActionProfileApply,
		ActionInventoryReport, ActionSweep,
		ActionVendorAdd, ActionVendorUpdate, ActionVendorRead, ActionVendorDetermineBA,
		ActionBAARequest, ActionBAANegotiate, ActionBAASign, ActionBAAMarkReviewDue, ActionBAAReview,
		ActionBAARenew, ActionBAAExpire, ActionBAATerminate, ActionBAACertifyDisposition,
		ActionBAAFollowUp, ActionBAARefresh,
		ActionTemplateSave, ActionTemplateRead, ActionTaskCreate, ActionTaskRead, ActionTaskStart,
		ActionTaskBlock, ActionTaskSkip, ActionTaskComplete, ActionTaskAddEvidence, ActionTaskCheckItem,
		ActionTaskAssign,
		ActionMemberAdd, ActionMemberRead, ActionMemberLeave, ActionMemberChangeRole,
		ActionMemberRecordTraining, ActionTrainingReport, ActionTrialOpen, ActionTrialRead,
		ActionTrialStartEnrolling, ActionTrialClose,
		ActionIncidentReport, ActionIncidentRead, ActionIncidentUpdateFacts, ActionIncidentDetermine,
		ActionIncidentDelay, ActionIncidentNotice, ActionIncidentClose, ActionIncidentDecide, ActionOwedReport,
		ActionAnnualLogReport,
		ActionRiskRecord, ActionRiskRead, ActionRiskSeed, ActionRiskRate, ActionRiskTreat,
		ActionRiskAccept, ActionRiskReview, ActionRiskClose, ActionRiskSetMethod,
		ActionRiskPostureReport, ActionAnalysisTake, ActionAnalysisApprove, ActionAnalysisRead,
		ActionControlDecide, ActionControlRead, ActionRiskReopen,
		ActionAuditRead, ActionAuditVerify, ActionEventRead,
	}
}
