// Package controls is the HIPAA Security Rule's control catalog as versioned data: every
// standard and implementation specification of 45 CFR 164.308, 164.310, 164.312, 164.314
// and 164.316, each marked standard, required or addressable, and the record of how the
// practice addressed each addressable specification.
//
// The package is pure: it stores nothing, reads no clock and has no mutable package state.
// Every function that returns a catalog or a list returns a fresh copy.
//
// # Catalog
//
// [Current] returns the rule in force, version [CurrentVersion] ("2013-omnibus"): the
// Security Rule of 68 FR 8334 as amended by the Omnibus Rule (78 FR 5566). A [Control] is
// one of:
//
//   - a standard ([KindStandard]), which must be met (45 CFR 164.306(c)); a standard with
//     no implementation specification, such as 164.308(a)(2) Assigned security
//     responsibility, is met by itself ([Catalog.Standalone]), one with specifications is
//     met through them ([Catalog.Specifications]);
//   - a required implementation specification ([KindRequired]), which must be implemented
//     (45 CFR 164.306(d)(2));
//   - an addressable implementation specification ([KindAddressable]), which the entity
//     assesses (45 CFR 164.306(d)(3)).
//
// Each control names its standard (itself for a standard), its safeguard (the section:
// 164.308 administrative, 164.310 physical, 164.312 technical, 164.314 organizational,
// 164.316 documentation) and its citation. [Catalog.Validate] checks a catalog's shape.
//
// # Addressable specifications
//
// For an addressable specification the entity decides whether it is reasonable and
// appropriate in its environment (45 CFR 164.306(d)(3)(i)), and records an
// [AddressableDecision]: implemented (164.306(d)(3)(ii)(A)); an equivalent alternative,
// described, with the reason the specification itself is not reasonable and appropriate
// (164.306(d)(3)(ii)(B)); or not reasonable and appropriate, with the reason
// (164.306(d)(3)(ii)(B)(1)). [AddressableDecision.Validate] checks a decision against a
// catalog, and [Undecided] lists the addressable specifications still without one.
// Decisions belong to a catalog version, so a revised rule starts with none.
//
// # Versions and the proposed rule
//
// On January 6, 2025 HHS proposed to revise the Security Rule (90 FR 898), among other
// things removing the distinction between required and addressable implementation
// specifications. The proposal is not final and [Current] does not reflect it. Because
// R/A is data, a revised rule, once final, is another [Catalog] with its own version and
// effective date, loaded beside the current one:
//
//	revised := controls.Catalog{Version: "2026-final", ...}
//	set, err := controls.NewCatalogs(controls.Current(), revised)
//
// [Catalogs.Version] finds a catalog by version and [Catalogs.InEffect] the one in effect
// on a day.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid]. Text marshalling of [Kind], [Safeguard] and [Decision] rejects
// unknown values.
package controls
