// Package profiles is the data that starts an oncology practice's HIPAA program: a library
// of task templates, each with concrete instructions, a checklist and the exact CFR citation
// it serves, and the specialty profiles that choose from it.
//
// The package is pure data: it stores nothing, reads no clock and keeps no shared state.
// Every call returns fresh copies, so a caller may change what it gets back.
//
// # Template library
//
// [Library] lists every [task.Template], ordered by ID, and [Template] finds one. The
// templates fall in three groups:
//
//   - rule templates, created by the compliance engine when something happens: a vendor
//     that handles PHI is added ([TemplateBAAssessment]), a BAA is signed
//     ([TemplateBAAReview]) or terminated ([TemplatePHIDisposition]), a clinical trial
//     opens ([TemplateTrialHIPAAFile]), a workforce member joins ([TemplateTraining]),
//     leaves ([TemplateAccessRevocation]) or changes role ([TemplateAccessReview]);
//   - program templates every practice repeats: risk analysis, access-policy review,
//     workforce training, incident-response tabletop, backup restore test, sanctions-policy
//     review and system activity review;
//   - specialty templates: encrypted DICOM transfer, physics workstations, treatment-record
//     retention and multidisciplinary channels for radiation oncology, and privacy in
//     infusion bays for practices that run an infusion suite.
//
// Where the regulation sets no interval (it asks for a risk analysis that is accurate and
// thorough, not one a year), the recurrence is this library's default, and the
// instructions say so.
//
// # Specialty profiles
//
// A [Profile] names the vendor categories a kind of practice should expect, the templates it
// seeds, and the subset ([Profile.Recurring]) the engine starts as recurring
// organization-wide tasks when the profile is applied. [All] lists the profiles and [Get]
// finds one by [Name]: [HematologyOncology], [RadiationOncology] and [InfusionCenter].
package profiles
