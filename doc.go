// Package hipaaops runs the HIPAA compliance operations of a medical practice: the
// inventory of business associates and their agreements, the audit trail, and (as the
// library grows) compliance tasks, the risk register and security incidents.
//
// It is a library for EHR vendors and practice-management platforms, built for
// hematology-oncology, radiation-oncology and infusion practices. This package holds only
// this overview; the code lives in the packages below.
//
// # Packages
//
//   - [github.com/hipaaops/hipaaops/compliance]: the Engine embedders call. Each use case
//     runs in one transaction that validates, stores, appends to the audit chain and
//     records events.
//   - [github.com/hipaaops/hipaaops/vendors]: vendors, business-associate determinations,
//     the BAA lifecycle and clause checklist (pure domain).
//   - [github.com/hipaaops/hipaaops/org]: organizations, their sites and time zone.
//   - [github.com/hipaaops/hipaaops/audit]: the hash-chained audit trail and its verifier.
//   - [github.com/hipaaops/hipaaops/event]: the events each use case records (an outbox).
//   - [github.com/hipaaops/hipaaops/storage]: the storage contract; backends in
//     storage/memory, storage/sqlite and storage/postgres, all passing
//     storage/storagetest.
//   - [github.com/hipaaops/hipaaops/validation]: the error type for bad input.
//
// # Quick start
//
//	store := memory.New() // or sqlite.Open / postgres.Open
//	engine := compliance.New(store, compliance.Options{})
//	ctx := compliance.WithActor(ctx, compliance.Actor{ID: "u-1", Name: "Practice administrator"})
//	engine.CreateOrganization(ctx, org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "America/Chicago"})
//	v, _ := engine.AddVendor(ctx, "clinic-1", vendors.Vendor{Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy})
//	v, _ = engine.DetermineBA(ctx, "clinic-1", v.ID, v.Version, vendors.Determination{Outcome: vendors.OutcomeBusinessAssociate, Rationale: "dispenses on our behalf"})
//	inv, _ := engine.Inventory(ctx, "clinic-1", compliance.InventoryOptions{})
//	// inv.Gaps lists business associates without a signed, current BAA.
//
// No patient identities are stored: the library keeps compliance metadata only.
// It is compliance tooling, not legal advice: every rule carries its citation.
package hipaaops
