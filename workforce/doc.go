// Package workforce is the practice's workforce roster: who works there, in which role and
// at which sites, from when to when, and which HIPAA training each person has completed.
//
// It supports two Security Rule standards: workforce security, which asks the practice to
// know who may reach PHI and to end that access when someone leaves
// (45 CFR 164.308(a)(3)), and security awareness and training for every member of the
// workforce (45 CFR 164.308(a)(5)), with the Privacy Rule's training requirement
// (45 CFR 164.530(b)). The roster holds no patient data.
//
// The package is pure: it stores nothing and reads no clock. Every date is an argument,
// so each rule can be checked by a table test.
//
// # Roles and training modules
//
// A [Member] has one [Role]. [RequiredModules] says which training [Module]s a role needs:
// general HIPAA training for everyone, plus a module for the PHI a role handles in an
// oncology practice (infusion suite, molecular and genomic results, radiation therapy
// planning systems, the front desk).
//
// # Changes
//
// A member's record changes by [Member.RecordTraining] (a [Completion]),
// [Member.ChangeRole] (a [RoleChange]) and [Member.Leave] (a [Leaving]); each takes one
// input value whose fields its errors name, and changes nothing when it fails.
//
// # Computations as of a date
//
// [Member.Active] says whether someone was on the roster on a day; [Member.MissingTraining]
// lists the required modules never completed or expired on a day; [CompletionByRole]
// summarizes training completion of the active workforce by role.
//
// # Errors
//
// Bad input returns a [*validation.Error] naming the field and the rule; it matches
// [validation.ErrInvalid].
package workforce
