// Package hipaaops runs the HIPAA compliance operations of a medical practice: the
// inventory of business associates and their agreements, compliance tasks and their
// reminders, the workforce roster and its training, clinical trials, the living risk
// register and its annual risk analysis, security incidents with every notification
// obligation and its legal deadline, and a tamper-evident audit trail of all of it.
//
// It is a library for EHR vendors and practice-management platforms, built for
// hematology-oncology, radiation-oncology and infusion practices. This package holds only
// this overview and the runnable Example; the code lives in the packages below.
//
// # The engine
//
//   - [github.com/hipaaops/hipaaops/compliance]: the Engine embedders call. engine.Org(id)
//     is one organization's handle, with a service per aggregate (Vendors, Tasks, Roster,
//     Trials, Incidents, Risks, Analyses, Controls, Audit, Events) plus its Profile,
//     Inventory, ApplyProfile and Sweep. Each use case runs in one transaction that
//     authorizes, validates, stores, appends to the audit chain and records events.
//   - [github.com/hipaaops/hipaaops/compliance/compliancetest]: a settable clock,
//     sequential ids and an engine on storage/memory, for tests.
//
// # The domain (pure: no storage, no clock)
//
//   - [github.com/hipaaops/hipaaops/vendors]: vendors, business-associate determinations
//     (45 CFR 160.103), the BAA lifecycle and clause checklist (164.504(e)).
//   - [github.com/hipaaops/hipaaops/task]: templates, tasks, recurrence, reminders,
//     escalation and evidence.
//   - [github.com/hipaaops/hipaaops/workforce] and [github.com/hipaaops/hipaaops/trials]:
//     the workforce roster and its training (164.308(a)(5)), clinical trials and their
//     HIPAA basis (164.508, 164.512(i)).
//   - [github.com/hipaaops/hipaaops/incident] and [github.com/hipaaops/hipaaops/statelaws]:
//     the breach exceptions, the encryption safe harbor, the four-factor assessment and
//     each notification obligation with its deadline (164.400–414), and the state laws.
//   - [github.com/hipaaops/hipaaops/riskreg] and [github.com/hipaaops/hipaaops/controls]:
//     the risk register and the annual risk analysis (164.308(a)(1)(ii)(A)–(B)), the
//     Security Rule's addressable specifications and their decisions (164.306(d)).
//   - [github.com/hipaaops/hipaaops/org], [github.com/hipaaops/hipaaops/profiles]:
//     organizations, sites and time zone; the specialty profiles and template library.
//   - [github.com/hipaaops/hipaaops/record]: the typed object kind and the Ref (id and
//     version) every change takes.
//   - [github.com/hipaaops/hipaaops/audit], [github.com/hipaaops/hipaaops/event]: the
//     hash-chained audit trail and its verifier; the events each use case records (an
//     outbox).
//   - [github.com/hipaaops/hipaaops/validation]: the error type for bad input.
//
// # Storage
//
//   - [github.com/hipaaops/hipaaops/storage]: the storage contract; backends in
//     storage/sqlite (the embedded default), storage/postgres (many app servers) and
//     storage/memory (tests), all passing storage/storagetest.
//
// # Quick start
//
// The package Example (also quoted by the README) creates an organization, adds a
// business associate, requests its BAA and prints the inventory's gaps. The programs in
// examples/ run whole programs: a hematology-oncology practice's year (examples/hemonc),
// a breach (examples/breach), a radiation-oncology group (examples/radonc) and two years
// of risk analysis (examples/riskanalysis).
//
// No patient identities are stored: the library keeps compliance metadata only, and
// incidents carry counts by state of residence, not names. It is compliance tooling, not
// legal advice: every rule carries its citation.
package hipaaops
