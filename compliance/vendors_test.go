package compliance_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// auditEntries returns the organization's whole audit trail.
func auditEntries(t *testing.T, clinic *compliance.Org) []audit.Entry {
	t.Helper()
	p, err := clinic.Audit().List(admin, compliance.AuditQuery{PageQuery: compliance.PageQuery{Limit: compliance.MaxPageSize}})
	require.NoError(t, err)
	require.Empty(t, p.Next)
	return p.Items
}

// eventsAfter returns the organization's events after seq.
func eventsAfter(t *testing.T, clinic *compliance.Org, after uint64) []event.Event {
	t.Helper()
	p, err := clinic.Events().List(admin, compliance.EventQuery{After: after, PageQuery: compliance.PageQuery{Limit: compliance.MaxPageSize}})
	require.NoError(t, err)
	require.Empty(t, p.Next)
	return p.Items
}

// vendorEventTypes lists the types of the vendor events (not the tasks the rules made).
func vendorEventTypes(evs []event.Event) []event.Type {
	var out []event.Type
	for _, ev := range evs {
		if ev.ObjectType == record.KindVendor {
			out = append(out, ev.Type)
		}
	}
	return out
}

// signedBA adds a business associate and signs its BAA: requested 30 days before
// march2, signed and effective 20 days before, for two years with every clause.
func signedBA(t *testing.T, clinic *compliance.Org, name string) vendors.Vendor {
	t.Helper()
	v := addBA(t, clinic, name, vendors.CategoryPACS)
	v, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{On: march2 - 30})
	require.NoError(t, err)
	v, err = clinic.Vendors().SignBAA(admin, v.Ref(), vendors.Signing{SignedOn: march2 - 20, EffectiveOn: march2 - 20,
		ExpiresOn: march2 + 710, Clauses: vendors.ClauseValues(), ReportingDays: 10})
	require.NoError(t, err)
	return v
}

// TestVendorAdd: a vendor is added with an id, at version 1, with no BAA requested; the
// addition is audited and emitted.
func TestVendorAdd(t *testing.T) {
	_, clinic := setup(t)
	v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "  Vault PACS ", Category: vendors.CategoryPACS,
		DataShared: []vendors.DataCategory{vendors.DataImaging}, Sites: []org.SiteID{"main"}})
	require.NoError(t, err)
	assert.Equal(t, vendors.ID("vendor-1"), v.ID)
	assert.Equal(t, "Vault PACS", v.Name, "the name is trimmed")
	assert.EqualValues(t, 1, v.Version)
	assert.Equal(t, vendors.StateNotRequested, v.BAA.State)
	assert.Equal(t, start, v.CreatedAt)
	assert.Equal(t, record.RefOf(v.ID, 1), v.Ref())

	got, err := clinic.Vendors().Get(admin, v.ID)
	require.NoError(t, err)
	assert.Equal(t, v, got)
	b, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"determinations":[]`, "empty lists marshal as []")
	assert.Contains(t, string(b), `"history":[]`)

	entries := auditEntries(t, clinic)
	entries = slices.DeleteFunc(entries, func(e audit.Entry) bool { return e.ObjectType != record.KindVendor })
	require.Len(t, entries, 1)
	last := entries[0]
	assert.Equal(t, string(compliance.ActionVendorAdd), last.Action)
	assert.Equal(t, record.KindVendor, last.ObjectType)
	assert.Equal(t, string(v.ID), last.ObjectID)
	assert.Equal(t, adminActor.ID, last.Actor)
	evs := eventsAfter(t, clinic, 0)
	require.Equal(t, []event.Type{compliance.EventVendorAdded}, vendorEventTypes(evs))
	var p compliance.VendorEvent
	for _, ev := range evs {
		if ev.Type == compliance.EventVendorAdded {
			require.NoError(t, json.Unmarshal(ev.Data, &p))
		}
	}
	assert.Equal(t, compliance.VendorEvent{VendorID: v.ID, Vendor: "Vault PACS", Category: vendors.CategoryPACS,
		State: vendors.StateNotRequested, HandlesPHI: true}, p)
}

// TestVendorAddRules: bad input names the field as the caller wrote it, returns the
// zero vendor and stores nothing.
func TestVendorAddRules(t *testing.T) {
	_, clinic := setup(t)
	tests := []struct {
		name  string
		v     vendors.Vendor
		field string
	}{
		{"ErrNameRequired", vendors.Vendor{Category: vendors.CategoryEHR}, "name"},
		{"ErrNameBlank", vendors.Vendor{Name: "   ", Category: vendors.CategoryEHR}, "name"},
		{"ErrUnknownCategory", vendors.Vendor{Name: "X", Category: "crystal_healing"}, "category"},
		{"ErrUnknownSite", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, Sites: []org.SiteID{"vault"}}, "sites[0]"},
		{"ErrBadEmail", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, Contact: vendors.Contact{Email: "nope"}}, "contact.email"},
		// 45 CFR 160.103: a determination is its own use case, with its decider and day.
		{"ErrDeterminationOnAdd", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR,
			Determinations: []vendors.Determination{{Outcome: vendors.OutcomeNoPHI}}}, "determinations"},
		// 45 CFR 164.504(e): a BAA is signed through the lifecycle, not declared.
		{"ErrSignedOnAdd", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateSigned}}, "baa.state"},
		{"ErrHistoryOnAdd", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, PastBAAs: []vendors.BAA{{State: vendors.StateExpired}}}, "baa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := clinic.Vendors().Add(admin, tt.v)
			requireField(t, err, tt.field)
			assert.Zero(t, v, "on error the zero value")
		})
	}
	p, err := clinic.Vendors().List(admin, compliance.VendorQuery{})
	require.NoError(t, err)
	assert.Empty(t, p.Items)
	assert.NotNil(t, p.Items, "an empty page has an empty list")
	assert.Len(t, auditEntries(t, clinic), 1, "only the organization's creation")
}

// TestVendorDuplicateName: a second vendor of the same name, case and spaces aside, is
// refused on field "name", on add and on update; a vendor keeps its own name.
func TestVendorDuplicateName(t *testing.T) {
	_, clinic := setup(t)
	first, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Summit Specialty Pharmacy", Category: vendors.CategorySpecialtyPharmacy})
	require.NoError(t, err)
	for _, name := range []string{"Summit Specialty Pharmacy", "summit specialty pharmacy", "  SUMMIT   Specialty\tPharmacy  "} {
		t.Run(name, func(t *testing.T) {
			v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: name, Category: vendors.CategoryEHR})
			requireField(t, err, "name")
			assert.ErrorContains(t, err, string(first.ID))
			assert.Zero(t, v)
		})
	}
	other, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "Summit Specialty Pharmacy West", Category: vendors.CategorySpecialtyPharmacy})
	require.NoError(t, err, "a different name")
	again, err := clinic.Vendors().Add(admin, vendors.Vendor{ID: first.ID, Name: "Another Name", Category: vendors.CategoryEHR})
	require.ErrorIs(t, err, storage.ErrExists, "an id another vendor has")
	assert.Equal(t, compliance.Conflict, compliance.Code(err))
	assert.Zero(t, again)

	edit := other
	edit.Name = "SUMMIT specialty pharmacy"
	_, err = clinic.Vendors().Update(admin, edit)
	requireField(t, err, "name")

	edit = first
	edit.Name = "SUMMIT  Specialty Pharmacy"
	got, err := clinic.Vendors().Update(admin, edit)
	require.NoError(t, err, "a vendor may change the case of its own name")
	assert.Equal(t, "SUMMIT  Specialty Pharmacy", got.Name)

	p, err := clinic.Vendors().List(admin, compliance.VendorQuery{})
	require.NoError(t, err)
	assert.Len(t, p.Items, 2)
}

// TestVendorUpdateKeepsLifecycle: an update changes the vendor's details, never its
// determinations or BAA (45 CFR 164.504(e): the lifecycle moves through its use cases);
// a stale version is a conflict and changes nothing.
func TestVendorUpdateKeepsLifecycle(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Rx One", vendors.CategorySpecialtyPharmacy)
	v, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{On: march2})
	require.NoError(t, err)
	edit := v.Clone()
	edit.Name = "Rx One Specialty Pharmacy"
	edit.Owner = "pharmacy.lead"
	edit.BAA.State = vendors.StateSigned // ignored
	edit.Determinations = nil            // ignored
	got, err := clinic.Vendors().Update(admin, edit)
	require.NoError(t, err)
	assert.Equal(t, "Rx One Specialty Pharmacy", got.Name)
	assert.Equal(t, "pharmacy.lead", got.Owner)
	assert.Equal(t, vendors.StateRequested, got.BAA.State)
	assert.Len(t, got.Determinations, 1)
	assert.Equal(t, v.Version+1, got.Version)

	stale, err := clinic.Vendors().Update(admin, edit) // edit carries the old version
	require.ErrorIs(t, err, storage.ErrConflict)
	assert.Equal(t, compliance.Conflict, compliance.Code(err))
	assert.Zero(t, stale)

	edit = got
	edit.Category = "florist"
	_, err = clinic.Vendors().Update(admin, edit)
	requireField(t, err, "category")
	now, err := clinic.Vendors().Get(admin, v.ID)
	require.NoError(t, err)
	assert.Equal(t, got, now, "a refused update changes nothing")
}

// TestVendorStaleVersion: every move at a version other than the stored one fails with
// a conflict and changes nothing.
func TestVendorStaleVersion(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	old := v.Ref()
	v, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{})
	require.NoError(t, err)
	before := len(auditEntries(t, clinic))

	moves := map[string]func(ref record.Ref[vendors.ID]) (vendors.Vendor, error){
		"determine": func(ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
			return clinic.Vendors().Determine(admin, ref, vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "r"})
		},
		"negotiate": func(ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
			return clinic.Vendors().NegotiateBAA(admin, ref, vendors.Move{})
		},
		"sign": func(ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
			return clinic.Vendors().SignBAA(admin, ref, vendors.Signing{EffectiveOn: march2})
		},
		"follow up": func(ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
			return clinic.Vendors().RecordFollowUp(admin, ref, vendors.FollowUp{})
		},
		"terminate": func(ref record.Ref[vendors.ID]) (vendors.Vendor, error) {
			return clinic.Vendors().TerminateBAA(admin, ref, vendors.Termination{Reason: "r"})
		},
	}
	for name, move := range moves {
		for _, ref := range []record.Ref[vendors.ID]{old, record.RefOf(v.ID, v.Version+1), record.RefOf(v.ID, 0)} {
			t.Run(fmt.Sprintf("%s@%d", name, ref.Version), func(t *testing.T) {
				got, err := move(ref)
				require.ErrorIs(t, err, storage.ErrConflict)
				assert.Equal(t, compliance.Conflict, compliance.Code(err))
				assert.Zero(t, got)
			})
		}
	}
	now, err := clinic.Vendors().Get(admin, v.ID)
	require.NoError(t, err)
	assert.Equal(t, v, now)
	assert.Len(t, auditEntries(t, clinic), before, "nothing was audited")

	_, err = clinic.Vendors().RequestBAA(admin, record.RefOf[vendors.ID]("vendor-99", 1), vendors.Move{})
	require.ErrorIs(t, err, storage.ErrNotFound)
	assert.Equal(t, compliance.NotFound, compliance.Code(err))
}

// TestBAALifecycle walks one agreement through the lifecycle of 45 CFR 164.502(e) and
// 164.504(e) through the engine: each move's zero day is today in the organization's
// time zone, each is audited with its action and emitted with its event.
func TestBAALifecycle(t *testing.T) {
	kit, clinic := setup(t)
	vs := clinic.Vendors()
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	d, _ := v.Determination()
	assert.Equal(t, march2, d.DecidedOn, "today in America/Chicago, not in UTC")
	assert.Equal(t, adminActor.Name, d.DecidedBy)
	seq := len(eventsAfter(t, clinic, 0))

	v, err := vs.RequestBAA(admin, v.Ref(), vendors.Move{Note: "sent our template"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateRequested, v.BAA.State)
	assert.Equal(t, march2, v.BAA.RequestedOn)
	assert.Equal(t, vendors.Transition{From: vendors.StateNotRequested, To: vendors.StateRequested, On: march2,
		By: adminActor.Name, Note: "sent our template"}, v.BAA.History[0])

	kit.Clock.AddDays(3)
	v, err = vs.NegotiateBAA(admin, v.Ref(), vendors.Move{Note: "redlines on reporting"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateInNegotiation, v.BAA.State)
	assert.Equal(t, march2+3, v.BAA.LastActivityOn)

	kit.Clock.AddDays(7)
	v, err = vs.RecordFollowUp(admin, v.Ref(), vendors.FollowUp{Note: "called counsel"})
	require.NoError(t, err)
	assert.Equal(t, []vendors.FollowUp{{On: march2 + 10, By: adminActor.Name, Note: "called counsel"}}, v.BAA.FollowUps)

	kit.Clock.AddDays(10)
	v, err = vs.SignBAA(admin, v.Ref(), vendors.Signing{EffectiveOn: march2 + 21, ExpiresOn: march2 + 21 + 730,
		Clauses: vendors.ClauseValues(), ReportingDays: 10})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateSigned, v.BAA.State)
	assert.Equal(t, march2+20, v.BAA.SignedOn, "zero signed_on is today")
	assert.Equal(t, vendors.AddMonths(march2+21, 12), v.BAA.NextReviewOn)

	kit.Clock.AddDays(100)
	v, err = vs.ReviewBAA(admin, v.Ref(), vendors.Move{Note: "early review"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateReviewed, v.BAA.State)
	assert.Equal(t, march2+120, v.BAA.LastReviewedOn)

	kit.Clock.AddDays(365)
	v, err = vs.MarkReviewDue(admin, v.Ref(), vendors.Move{})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateReviewDue, v.BAA.State)

	v, err = vs.RenewBAA(admin, v.Ref(), vendors.Renewal{ExpiresOn: march2 + 485 + 30})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateRenewed, v.BAA.State)
	assert.Equal(t, march2+485, v.BAA.LastReviewedOn, "a renewal counts as a review")

	kit.Clock.AddDays(31)
	v, err = vs.ExpireBAA(admin, v.Ref(), vendors.Move{})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateExpired, v.BAA.State)

	v, err = vs.RequestBAA(admin, v.Ref(), vendors.Move{Note: "a new agreement"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateRequested, v.BAA.State)
	require.Len(t, v.PastBAAs, 1, "the expired agreement is kept")
	assert.Equal(t, vendors.StateExpired, v.PastBAAs[0].State)

	v, err = vs.TerminateBAA(admin, v.Ref(), vendors.Termination{Reason: "switched archive vendor"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateTerminated, v.BAA.State)
	assert.Equal(t, vendors.DispositionPending, v.BAA.Termination.Disposition)

	// 45 CFR 164.504(e)(2)(ii)(J): the BA certifies return or destruction.
	kit.Clock.AddDays(5)
	v, err = vs.CertifyDisposition(admin, v.Ref(), vendors.Certification{Disposition: vendors.DispositionDestroyed})
	require.NoError(t, err)
	assert.True(t, v.BAA.Termination.Certified())
	assert.Equal(t, march2+521, v.BAA.Termination.CertifiedOn)

	evs := eventsAfter(t, clinic, uint64(seq))
	assert.Equal(t, []event.Type{compliance.EventBAARequested, compliance.EventBAANegotiating, compliance.EventBAAFollowUp,
		compliance.EventBAASigned, compliance.EventBAAReviewed, compliance.EventBAAReviewDue, compliance.EventBAARenewed,
		compliance.EventBAAExpired, compliance.EventBAARequested, compliance.EventBAATerminated,
		compliance.EventDispositionCertified}, vendorEventTypes(evs))
	for _, ev := range evs {
		if ev.Type == compliance.EventBAASigned {
			var p compliance.VendorEvent
			require.NoError(t, json.Unmarshal(ev.Data, &p))
			assert.Equal(t, march2+20, p.On)
			assert.Equal(t, vendors.StateSigned, p.State)
			assert.Equal(t, vendors.AddMonths(march2+21, 12), p.NextReviewOn)
		}
	}

	var actions []string
	for _, e := range auditEntries(t, clinic) {
		if e.ObjectType == record.KindVendor {
			actions = append(actions, e.Action)
		}
	}
	assert.Equal(t, []string{string(compliance.ActionVendorAdd), string(compliance.ActionVendorDetermineBA),
		string(compliance.ActionBAARequest), string(compliance.ActionBAANegotiate), string(compliance.ActionBAAFollowUp),
		string(compliance.ActionBAASign), string(compliance.ActionBAAReview), string(compliance.ActionBAAMarkReviewDue),
		string(compliance.ActionBAARenew), string(compliance.ActionBAAExpire), string(compliance.ActionBAARequest),
		string(compliance.ActionBAATerminate), string(compliance.ActionBAACertifyDisposition)}, actions)
	_, err = clinic.Audit().Verify(admin)
	require.NoError(t, err)
}

// TestBAAFutureDatesRefused: a move recorded as done cannot be dated after today in the
// organization's time zone (45 CFR 164.504(e) records must be true); the error names
// the field as the input's JSON does. At 03:00 UTC on March 3 it is still March 2 in
// Chicago, so March 3 is refused.
func TestBAAFutureDatesRefused(t *testing.T) {
	tomorrow := march2 + 1
	tests := []struct {
		name  string
		from  vendors.State
		field string
		move  func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error)
	}{
		{"160.103 determine", vendors.StateNotRequested, "decided_on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.Determine(admin, ref, vendors.Determination{Outcome: vendors.OutcomeBusinessAssociate, Rationale: "r", DecidedOn: on})
		}},
		{"164.502(e) request", vendors.StateNotRequested, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.RequestBAA(admin, ref, vendors.Move{On: on})
		}},
		{"164.502(e) negotiate", vendors.StateRequested, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.NegotiateBAA(admin, ref, vendors.Move{On: on})
		}},
		{"164.502(e) follow up", vendors.StateRequested, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.RecordFollowUp(admin, ref, vendors.FollowUp{On: on})
		}},
		{"164.504(e) sign", vendors.StateRequested, "signed_on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.SignBAA(admin, ref, vendors.Signing{SignedOn: on, EffectiveOn: on})
		}},
		{"164.504(e) review", vendors.StateSigned, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.ReviewBAA(admin, ref, vendors.Move{On: on})
		}},
		{"164.504(e) mark review due", vendors.StateSigned, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.MarkReviewDue(admin, ref, vendors.Move{On: on})
		}},
		{"164.504(e) renew", vendors.StateSigned, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.RenewBAA(admin, ref, vendors.Renewal{On: on})
		}},
		{"164.504(e) expire", vendors.StateSigned, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.ExpireBAA(admin, ref, vendors.Move{On: on})
		}},
		{"164.504(e)(2)(iii) terminate", vendors.StateSigned, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.TerminateBAA(admin, ref, vendors.Termination{On: on, Reason: "r"})
		}},
		{"164.504(e)(2)(ii)(J) terminate, certified", vendors.StateSigned, "certified_on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.TerminateBAA(admin, ref, vendors.Termination{Reason: "r", Disposition: vendors.DispositionDestroyed, CertifiedOn: on})
		}},
		{"164.504(e)(2)(ii)(J) certify", vendors.StateTerminated, "on", func(vs compliance.VendorService, ref record.Ref[vendors.ID], on date.Date) (vendors.Vendor, error) {
			return vs.CertifyDisposition(admin, ref, vendors.Certification{Disposition: vendors.DispositionReturned, On: on})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, clinic := setup(t)
			v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
			var err error
			switch tt.from {
			case vendors.StateRequested:
				v, err = clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{On: march2 - 30})
			case vendors.StateSigned, vendors.StateTerminated:
				v = signedBA(t, clinic, "Other PACS")
				if tt.from == vendors.StateTerminated {
					v, err = clinic.Vendors().TerminateBAA(admin, v.Ref(), vendors.Termination{On: march2 - 1, Reason: "r"})
				}
			}
			require.NoError(t, err)
			got, err := tt.move(clinic.Vendors(), v.Ref(), tomorrow)
			requireField(t, err, tt.field)
			assert.ErrorContains(t, err, "is in the future")
			assert.Zero(t, got)
			now, err := clinic.Vendors().Get(admin, v.ID)
			require.NoError(t, err)
			assert.Equal(t, v, now, "a refused move changes nothing")
		})
	}
	t.Run("RefreshAsOf", func(t *testing.T) {
		_, clinic := setup(t)
		_, err := clinic.Vendors().Refresh(admin, compliance.RefreshOptions{AsOf: tomorrow})
		requireField(t, err, "as_of")
	})
}

// TestBAAMoveOnNotBusinessAssociate: a vendor determined not to be a business associate
// (45 CFR 160.103) needs no BAA (164.502(e)(1)); asking for, signing, reviewing or
// following up one is a failed precondition that changes nothing, while an agreement
// on file may still be terminated (164.504(e)(2)(iii)).
func TestBAAMoveOnNotBusinessAssociate(t *testing.T) {
	_, clinic := setup(t)
	vs := clinic.Vendors()
	lab, err := vs.Add(admin, vendors.Vendor{Name: "Reference Lab", Category: vendors.CategoryLaboratory})
	require.NoError(t, err)
	lab, err = vs.Determine(admin, lab.Ref(), vendors.Determination{Outcome: vendors.OutcomeTreatingProvider,
		Rationale: "tests ordered for treatment (164.502(e)(1)(ii)(A))"})
	require.NoError(t, err)
	before := len(auditEntries(t, clinic))
	got, err := vs.RequestBAA(admin, lab.Ref(), vendors.Move{})
	require.ErrorIs(t, err, vendors.ErrNotBusinessAssociate)
	assert.Equal(t, compliance.FailedPrecondition, compliance.Code(err))
	assert.NotErrorIs(t, err, validation.ErrInvalid)
	assert.Zero(t, got)
	now, err := vs.Get(admin, lab.ID)
	require.NoError(t, err)
	assert.Equal(t, lab, now)
	assert.Len(t, auditEntries(t, clinic), before)

	// A BA with a signed BAA found later to be a mere conduit.
	courier := signedBA(t, clinic, "Courier")
	courier, err = vs.Determine(admin, courier.Ref(), vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "transports sealed media only"})
	require.NoError(t, err)
	for name, move := range map[string]func() (vendors.Vendor, error){
		"review": func() (vendors.Vendor, error) { return vs.ReviewBAA(admin, courier.Ref(), vendors.Move{}) },
		"renew":  func() (vendors.Vendor, error) { return vs.RenewBAA(admin, courier.Ref(), vendors.Renewal{}) },
	} {
		_, err := move()
		require.ErrorIs(t, err, vendors.ErrNotBusinessAssociate, name)
		assert.Equal(t, compliance.FailedPrecondition, compliance.Code(err), name)
	}
	courier, err = vs.TerminateBAA(admin, courier.Ref(), vendors.Termination{Reason: "not a business associate"})
	require.NoError(t, err)
	assert.Equal(t, vendors.StateTerminated, courier.BAA.State)
}

// TestBAAIllegalState: a move the BAA's state does not allow is a failed precondition,
// not bad input: a transition the lifecycle lacks, a certification of PHI disposition
// before termination (45 CFR 164.504(e)(2)(ii)(J)), a follow-up on a signed agreement,
// expiring one with no end date.
func TestBAAIllegalState(t *testing.T) {
	_, clinic := setup(t)
	vs := clinic.Vendors()
	fresh := addBA(t, clinic, "Fresh", vendors.CategoryBilling)
	signed := signedBA(t, clinic, "Signed")
	open, err := vs.RenewBAA(admin, signedBA(t, clinic, "Open Ended").Ref(), vendors.Renewal{})
	require.NoError(t, err)
	tests := []struct {
		name   string
		call   func() (vendors.Vendor, error)
		target error
	}{
		{"164.504(e) sign without a request", func() (vendors.Vendor, error) {
			return vs.SignBAA(admin, fresh.Ref(), vendors.Signing{EffectiveOn: march2})
		}, vendors.ErrTransition},
		{"164.504(e) review before signing", func() (vendors.Vendor, error) {
			return vs.ReviewBAA(admin, fresh.Ref(), vendors.Move{})
		}, vendors.ErrTransition},
		{"164.504(e)(2)(ii)(J) certify before termination", func() (vendors.Vendor, error) {
			return vs.CertifyDisposition(admin, signed.Ref(), vendors.Certification{Disposition: vendors.DispositionDestroyed})
		}, vendors.ErrState},
		{"164.502(e) follow up a signed BAA", func() (vendors.Vendor, error) {
			return vs.RecordFollowUp(admin, signed.Ref(), vendors.FollowUp{Note: "n"})
		}, vendors.ErrState},
		{"164.502(e) follow up a BAA never requested", func() (vendors.Vendor, error) {
			return vs.RecordFollowUp(admin, fresh.Ref(), vendors.FollowUp{})
		}, vendors.ErrState},
		{"164.504(e) expire an agreement without an end date", func() (vendors.Vendor, error) {
			return vs.ExpireBAA(admin, open.Ref(), vendors.Move{})
		}, vendors.ErrState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.call()
			require.ErrorIs(t, err, tt.target)
			assert.Equal(t, compliance.FailedPrecondition, compliance.Code(err), "%v", err)
			assert.NotErrorIs(t, err, validation.ErrInvalid)
			assert.Zero(t, got)
		})
	}
}

// TestVendorList pages through the inventory: every vendor once, by name then id, in
// pages of at most Limit; a bounded default page size; a bad cursor or limit is bad
// input naming the field.
func TestVendorList(t *testing.T) {
	_, clinic := setup(t)
	vs := clinic.Vendors()
	n := compliance.DefaultPageSize + 5
	var want []string
	for _, i := range rand.New(rand.NewPCG(1, 2)).Perm(n) {
		name := fmt.Sprintf("Vendor %03d", i)
		cat := vendors.CategoryEHR
		if i%3 == 0 {
			cat = vendors.CategoryBilling
		}
		_, err := vs.Add(admin, vendors.Vendor{Name: name, Category: cat})
		require.NoError(t, err)
		want = append(want, name)
	}
	slices.Sort(want)

	t.Run("DefaultPageSize", func(t *testing.T) {
		p, err := vs.List(admin, compliance.VendorQuery{})
		require.NoError(t, err)
		assert.Len(t, p.Items, compliance.DefaultPageSize)
		require.NotEmpty(t, p.Next)
		rest, err := vs.List(admin, compliance.VendorQuery{PageQuery: compliance.PageQuery{Cursor: p.Next}})
		require.NoError(t, err)
		assert.Len(t, rest.Items, 5)
		assert.Empty(t, rest.Next, "the last page has no cursor")
	})
	for _, limit := range []int{1, 7, n - 1, n, n + 1} {
		t.Run(fmt.Sprintf("Limit%d", limit), func(t *testing.T) {
			var got []string
			seen := map[vendors.ID]bool{}
			q := compliance.VendorQuery{PageQuery: compliance.PageQuery{Limit: limit}}
			for pages := 0; ; pages++ {
				require.Less(t, pages, n+1, "the listing must end")
				p, err := vs.List(admin, q)
				require.NoError(t, err)
				require.LessOrEqual(t, len(p.Items), limit)
				for _, v := range p.Items {
					require.False(t, seen[v.ID], "%s listed twice", v.ID)
					seen[v.ID] = true
					got = append(got, v.Name)
				}
				if p.Next == "" {
					break
				}
				require.Len(t, p.Items, limit, "only the last page is short")
				q.Cursor = p.Next
			}
			assert.Equal(t, want, got)
		})
	}
	t.Run("Filtered", func(t *testing.T) {
		var got []vendors.Vendor
		q := compliance.VendorQuery{Categories: []vendors.Category{vendors.CategoryBilling}, PageQuery: compliance.PageQuery{Limit: 4}}
		for {
			p, err := vs.List(admin, q)
			require.NoError(t, err)
			got = append(got, p.Items...)
			if p.Next == "" {
				break
			}
			q.Cursor = p.Next
		}
		assert.Len(t, got, (n+2)/3)
		for _, v := range got {
			assert.Equal(t, vendors.CategoryBilling, v.Category)
		}
		p, err := vs.List(admin, compliance.VendorQuery{States: []vendors.State{vendors.StateSigned}})
		require.NoError(t, err)
		assert.Empty(t, p.Items)
	})
	t.Run("ErrCursor", func(t *testing.T) {
		p, err := vs.List(admin, compliance.VendorQuery{PageQuery: compliance.PageQuery{Limit: 2}})
		require.NoError(t, err)
		for _, bad := range []string{"not a cursor!", p.Next[:len(p.Next)-2], "e30x", "bnVsbA"} {
			got, err := vs.List(admin, compliance.VendorQuery{PageQuery: compliance.PageQuery{Cursor: bad}})
			requireField(t, err, "cursor")
			assert.Zero(t, got)
		}
	})
	t.Run("ErrLimit", func(t *testing.T) {
		for _, limit := range []int{-1, compliance.MaxPageSize + 1} {
			_, err := vs.List(admin, compliance.VendorQuery{PageQuery: compliance.PageQuery{Limit: limit}})
			requireField(t, err, "limit")
		}
		_, err := vs.List(admin, compliance.VendorQuery{PageQuery: compliance.PageQuery{Limit: compliance.MaxPageSize}})
		require.NoError(t, err)
	})
}

// TestVendorsOfAnotherOrganization: a vendor of one organization is not found through
// another's handle.
func TestVendorsOfAnotherOrganization(t *testing.T) {
	kit, clinic := setup(t)
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	other := kit.Organization(t, "other")
	_, err := other.Vendors().Get(admin, v.ID)
	require.ErrorIs(t, err, storage.ErrNotFound)
	_, err = other.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{})
	require.ErrorIs(t, err, storage.ErrNotFound)
	assert.Equal(t, compliance.NotFound, compliance.Code(err))
	_, err = kit.Engine.Org("nobody").Vendors().Add(admin, vendors.Vendor{Name: "X", Category: vendors.CategoryEHR})
	assert.Equal(t, compliance.NotFound, compliance.Code(err))
}

// TestRefreshAndNotBusinessAssociates: Refresh marks due reviews and lapsed agreements
// as of a day, once; a vendor determined not to be a business associate after its BAA
// was signed gets no review (45 CFR 164.502(e)(1): it needs no BAA), is no inventory
// gap and gets no review reminder, and does not make the refresh fail.
func TestRefreshAndNotBusinessAssociates(t *testing.T) {
	kit, clinic := setup(t)
	vs := clinic.Vendors()
	due := signedBA(t, clinic, "A Due")
	conduit := signedBA(t, clinic, "B Conduit")
	conduit, err := vs.Determine(admin, conduit.Ref(), vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "mere conduit"})
	require.NoError(t, err)
	stalled := addBA(t, clinic, "C Stalled", vendors.CategoryBilling)
	stalled, err = vs.RequestBAA(admin, stalled.Ref(), vendors.Move{On: march2 - 40})
	require.NoError(t, err)
	stalledNoBA := addBA(t, clinic, "D Stalled Not BA", vendors.CategoryBilling)
	stalledNoBA, err = vs.RequestBAA(admin, stalledNoBA.Ref(), vendors.Move{On: march2 - 40})
	require.NoError(t, err)
	_, err = vs.Determine(admin, stalledNoBA.Ref(), vendors.Determination{Outcome: vendors.OutcomeNoPHI, Rationale: "no PHI after all"})
	require.NoError(t, err)

	// A year on, both signed agreements' reviews have come (effective march2-20, 12 months).
	kit.Clock.AddDays(365)
	asOf := march2 + 365
	inv, err := clinic.Inventory(admin, compliance.InventoryOptions{})
	require.NoError(t, err)
	assert.Equal(t, asOf, inv.AsOf)
	assert.Equal(t, []vendors.ID{due.ID}, idsOf(inv.OverdueReviews), "the conduit has no review")
	assert.Equal(t, []vendors.ID{stalled.ID}, idsOf(inv.Stalled), "the vendor with no PHI has no follow-up")
	require.Len(t, inv.Gaps, 1, "B and D are not business associates: no gaps")
	assert.Equal(t, stalled.ID, inv.Gaps[0].Vendor.ID)
	assert.Equal(t, vendors.GapPending, inv.Gaps[0].Reason)
	assert.Equal(t, 2, inv.BusinessAssociates)
	assert.Empty(t, inv.MissingClauses)

	res, err := clinic.Sweep(admin, compliance.SweepOptions{})
	require.NoError(t, err)
	for _, r := range res.Reminders {
		assert.NotEqual(t, conduit.ID, r.Vendor, "no reminder about a vendor that is not a business associate: %+v", r)
		assert.NotEqual(t, stalledNoBA.ID, r.Vendor, "%+v", r)
	}
	assert.True(t, slices.ContainsFunc(res.Reminders, func(r compliance.Reminder) bool {
		return r.Vendor == due.ID && r.Type == compliance.EventReminderBAAReviewLate
	}))

	ref, err := vs.Refresh(admin, compliance.RefreshOptions{})
	require.NoError(t, err, "a vendor that is not a BA must not make the refresh fail")
	assert.Equal(t, []vendors.ID{due.ID}, idsOf(ref.ReviewDue))
	assert.Empty(t, ref.Expired)
	got, err := vs.Get(admin, conduit.ID)
	require.NoError(t, err)
	assert.Equal(t, vendors.StateSigned, got.BAA.State)
	again, err := vs.Refresh(admin, compliance.RefreshOptions{})
	require.NoError(t, err)
	assert.Empty(t, again.ReviewDue, "a refresh changes each BAA once")

	// Past the end date, the conduit's agreement still lapses: expiry is allowed.
	kit.Clock.AddDays(400)
	ref, err = vs.Refresh(admin, compliance.RefreshOptions{})
	require.NoError(t, err)
	assert.ElementsMatch(t, []vendors.ID{due.ID, conduit.ID}, idsOf(ref.Expired))
}

// TestRefreshAsOfAnEarlierDay: a refresh as of a day before an agreement's last change
// leaves that agreement alone instead of failing on the date of the change.
func TestRefreshAsOfAnEarlierDay(t *testing.T) {
	// Without rules: the default rule would refuse a review task due before the signing.
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Actor: adminActor,
		Engine: compliance.Options{Rules: []compliance.Rule{}}})
	clinic := kit.CreateOrganization(t, org.Organization{ID: orgID, Name: "Lakeside", TimeZone: "America/Chicago"})
	vs := clinic.Vendors()
	// Signed today, effective long ago (a backdated agreement): its first review has
	// already come.
	v, err := vs.Add(admin, vendors.Vendor{Name: "A", Category: vendors.CategoryPACS})
	require.NoError(t, err)
	v, err = vs.RequestBAA(admin, v.Ref(), vendors.Move{})
	require.NoError(t, err)
	v, err = vs.SignBAA(admin, v.Ref(), vendors.Signing{EffectiveOn: march2 - 400})
	require.NoError(t, err)
	require.Less(t, v.BAA.NextReviewOn, march2-10)

	ref, err := vs.Refresh(admin, compliance.RefreshOptions{AsOf: march2 - 10})
	require.NoError(t, err)
	assert.Empty(t, ref.ReviewDue, "signed after the day refreshed")
	ref, err = vs.Refresh(admin, compliance.RefreshOptions{})
	require.NoError(t, err)
	assert.Equal(t, []vendors.ID{v.ID}, idsOf(ref.ReviewDue))
}

// TestBackdatedSigningGetsAnOverdueReviewTask: an agreement recorded today whose first
// review date (45 CFR 164.504(e), the practice's review policy) has already passed gets
// its review task due on that date, overdue at once, instead of a refusal.
func TestBackdatedSigningGetsAnOverdueReviewTask(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	v, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{})
	require.NoError(t, err)
	v, err = clinic.Vendors().SignBAA(admin, v.Ref(), vendors.Signing{EffectiveOn: march2 - 400, Clauses: vendors.ClauseValues(), ReportingDays: 30})
	require.NoError(t, err)
	require.Less(t, v.BAA.NextReviewOn, march2)
	open, err := compliance.All(admin, clinic.Tasks().List, compliance.TaskQuery{Open: true,
		Subject: task.Subject{Type: record.KindVendor, ID: string(v.ID)}, DueBefore: march2})
	require.NoError(t, err)
	require.Len(t, open, 1, "the review task, overdue")
	require.Equal(t, v.BAA.NextReviewOn, open[0].DueOn)
}

func idsOf(vs []vendors.Vendor) []vendors.ID {
	out := []vendors.ID{}
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

// TestDeterminedEventNamesTheOutcome: the EventBADetermined payload names the outcome
// just recorded (45 CFR 160.103), not the one it replaced.
func TestDeterminedEventNamesTheOutcome(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Courier", vendors.CategoryOther)
	_, err := clinic.Vendors().Determine(admin, v.Ref(), vendors.Determination{Outcome: vendors.OutcomeConduit, Rationale: "sealed media only"})
	require.NoError(t, err)
	var outcomes []vendors.Outcome
	for _, ev := range eventsAfter(t, clinic, 0) {
		if ev.Type == compliance.EventBADetermined {
			var p compliance.VendorEvent
			require.NoError(t, json.Unmarshal(ev.Data, &p))
			outcomes = append(outcomes, p.Outcome)
		}
	}
	assert.Equal(t, []vendors.Outcome{vendors.OutcomeBusinessAssociate, vendors.OutcomeConduit}, outcomes)
}
