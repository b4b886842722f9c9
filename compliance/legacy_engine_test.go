//go:build oldapi

package compliance_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

const orgID = org.ID("hemonc-1")

var admin = compliance.WithActor(context.Background(), compliance.Actor{ID: "u1", Name: "Pat Admin", Roles: []string{"admin"}})

// clock is a settable clock for the engine.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func setup(t *testing.T) (*compliance.Engine, *clock, storage.Store) {
	t.Helper()
	// 03:00 UTC on March 3 is still March 2 in Chicago.
	c := &clock{t: time.Date(2026, 3, 3, 3, 0, 0, 0, time.UTC)}
	s := memory.New()
	e := compliance.New(s, compliance.Options{Now: c.now})
	_, err := e.CreateOrganization(admin, org.Organization{ID: orgID, Name: "Lakeside Hematology-Oncology",
		TimeZone: "America/Chicago", Sites: []org.Site{{ID: "main", Name: "Cancer Center"}, {ID: "inf", Name: "Infusion Suite"}}})
	require.NoError(t, err)
	return e, c, s
}

var march2 = date.New(2026, time.March, 2)

func addBA(t *testing.T, e *compliance.Engine, name string, cat vendors.Category) vendors.Vendor {
	t.Helper()
	v, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: name, Category: cat, Sites: []org.SiteID{"inf"}})
	require.NoError(t, err)
	v, err = e.DetermineBA(admin, orgID, v.ID, v.Version, vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "handles PHI for us"})
	require.NoError(t, err)
	return v
}

func TestActorAndAuthorizer(t *testing.T) {
	s := memory.New()
	e := compliance.New(s, compliance.Options{Authorize: func(_ context.Context, a compliance.Actor, _ org.ID, act compliance.Action) error {
		if act == "organization.create" && a.ID != "root" {
			return errors.New("only root creates organizations")
		}
		return nil
	}})
	o := org.Organization{ID: orgID, Name: "X", TimeZone: "UTC"}
	t.Run("ErrNoActor", func(t *testing.T) {
		_, err := e.CreateOrganization(context.Background(), o)
		require.ErrorIs(t, err, compliance.ErrNoActor)
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		_, err := e.CreateOrganization(admin, o)
		require.ErrorIs(t, err, compliance.ErrForbidden)
		require.ErrorContains(t, err, "only root")
	})
	t.Run("Allowed", func(t *testing.T) {
		root := compliance.WithActor(context.Background(), compliance.Actor{ID: "root"})
		_, err := e.CreateOrganization(root, o)
		require.NoError(t, err)
		entries, err := e.AuditTrail(root, orgID, 0)
		require.NoError(t, err)
		require.Len(t, entries, 1)
		require.Equal(t, "root", entries[0].Actor)
		require.Equal(t, "organization.create", entries[0].Action)
	})
}

func TestCreateOrganizationBadInput(t *testing.T) {
	e := compliance.New(memory.New(), compliance.Options{})
	_, err := e.CreateOrganization(admin, org.Organization{ID: orgID, Name: "X", TimeZone: "Mars/Olympus"})
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	require.Equal(t, "time_zone", verr.Field)
	_, err = e.Organization(admin, orgID)
	require.ErrorIs(t, err, storage.ErrNotFound)
}

func TestDatesDefaultToTodayInOrgTimeZone(t *testing.T) {
	e, _, _ := setup(t)
	v := addBA(t, e, "Rx One", vendors.CategorySpecialtyPharmacy)
	d, _ := v.Determination()
	require.Equal(t, march2, d.DecidedOn, "decided today in America/Chicago, not in UTC")
	require.Equal(t, "Pat Admin", d.DecidedBy)
	v, err := e.RequestBAA(admin, orgID, v.ID, v.Version, date.Zero, "sent template")
	require.NoError(t, err)
	require.Equal(t, march2, v.BAA.RequestedOn)
	require.Equal(t, march2, v.BAA.LastActivityOn)
}

func TestAddVendorRules(t *testing.T) {
	e, _, _ := setup(t)
	cases := []struct {
		name  string
		v     vendors.Vendor
		field string
	}{
		{"ErrNameRequired", vendors.Vendor{Category: vendors.CategoryEHR}, "name"},
		{"ErrUnknownCategory", vendors.Vendor{Name: "X", Category: "crystal_healing"}, "category"},
		{"ErrUnknownSite", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, Sites: []org.SiteID{"vault"}}, "sites[0]"},
		{"ErrDeterminationOnAdd", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR,
			Determinations: []vendors.Determination{{Outcome: vendors.OutcomeNoPHI}}}, "determinations"},
		{"ErrSignedOnAdd", vendors.Vendor{Name: "X", Category: vendors.CategoryEHR, BAA: vendors.BAA{State: vendors.StateSigned}}, "baa.state"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.AddVendor(admin, orgID, tc.v)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			require.Equal(t, tc.field, verr.Field)
		})
	}
	vs, err := e.Vendors(admin, orgID, storage.VendorQuery{})
	require.NoError(t, err)
	require.Empty(t, vs)
}

func TestUpdateVendorKeepsLifecycle(t *testing.T) {
	e, _, _ := setup(t)
	v := addBA(t, e, "Rx One", vendors.CategorySpecialtyPharmacy)
	v, err := e.RequestBAA(admin, orgID, v.ID, v.Version, march2, "")
	require.NoError(t, err)
	edit := v.Clone()
	edit.Name = "Rx One Specialty Pharmacy"
	edit.BAA.State = vendors.StateSigned // ignored: the lifecycle moves only through its use cases
	edit.Determinations = nil
	got, err := e.UpdateVendor(admin, orgID, edit)
	require.NoError(t, err)
	require.Equal(t, "Rx One Specialty Pharmacy", got.Name)
	require.Equal(t, vendors.StateRequested, got.BAA.State)
	require.Len(t, got.Determinations, 1)
	_, err = e.UpdateVendor(admin, orgID, edit) // edit carries the old version
	require.ErrorIs(t, err, storage.ErrConflict)
}

func TestEventsFollowTheLifecycle(t *testing.T) {
	e, _, _ := setup(t)
	v := addBA(t, e, "Vault PACS", vendors.CategoryPACS)
	var err error
	v, err = e.RequestBAA(admin, orgID, v.ID, v.Version, march2, "")
	require.NoError(t, err)
	v, err = e.NegotiateBAA(admin, orgID, v.ID, v.Version, march2+3, "redlines on reporting")
	require.NoError(t, err)
	v, err = e.RecordFollowUp(admin, orgID, v.ID, v.Version, vendors.FollowUp{On: march2 + 10, Note: "called counsel"})
	require.NoError(t, err)
	v, err = e.SignBAA(admin, orgID, v.ID, v.Version, vendors.Signing{SignedOn: march2 + 20, EffectiveOn: march2 + 21,
		ExpiresOn: march2 + 21 + 730, Clauses: vendors.ClauseValues(), ReportingDays: 10})
	require.NoError(t, err)
	v, err = e.TerminateBAA(admin, orgID, v.ID, v.Version, vendors.Termination{On: march2 + 100, Reason: "switched archive vendor",
		Disposition: vendors.DispositionDestroyed})
	require.NoError(t, err)
	_, err = e.CertifyDisposition(admin, orgID, v.ID, v.Version, vendors.DispositionDestroyed, march2+120)
	require.NoError(t, err)

	evs, err := e.Events(admin, orgID, 0, 0)
	require.NoError(t, err)
	var types []event.Type
	for _, ev := range evs {
		types = append(types, ev.Type)
	}
	require.Equal(t, []event.Type{compliance.EventOrganizationCreated, compliance.EventVendorAdded, compliance.EventBADetermined,
		compliance.EventBAARequested, compliance.EventBAANegotiating, compliance.EventBAAFollowUp, compliance.EventBAASigned,
		compliance.EventTaskCreated, // the default rules: the BAA's annual review (45 CFR 164.504(e))
		compliance.EventBAATerminated,
		compliance.EventTaskCreated, // the default rules: confirm return or destruction of PHI (164.504(e)(2)(ii)(J))
		compliance.EventDispositionCertified}, types)
	require.JSONEq(t, `{"vendor":"Vault PACS","category":"pacs","state":"signed","on":"2026-03-22",
		"next_review_on":"2027-03-23","expires_on":"2028-03-22"}`, string(evs[6].Data))
	page, err := e.Events(admin, orgID, evs[3].Seq, 2)
	require.NoError(t, err)
	require.Equal(t, []uint64{5, 6}, []uint64{page[0].Seq, page[1].Seq})

	st, err := e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
	require.Equal(t, len(evs), st.Entries, "one audit entry per use case")
}

// The inventory report as of a day: 45 CFR 164.502(e) and 164.308(b)(1) require a BAA
// before PHI goes to a business associate; 164.504(e)(2) lists its clauses; 164.410(b)
// caps the reporting period at 60 days.
func TestInventory(t *testing.T) {
	e, _, _ := setup(t)
	asOf := date.New(2026, time.September, 1)
	sign := func(v vendors.Vendor, s vendors.Signing) vendors.Vendor {
		t.Helper()
		v, err := e.RequestBAA(admin, orgID, v.ID, v.Version, s.SignedOn-10, "")
		require.NoError(t, err)
		v, err = e.SignBAA(admin, orgID, v.ID, v.Version, s)
		require.NoError(t, err)
		return v
	}
	all := vendors.ClauseValues()
	// Review due in 30 days: effective 2025-10-01, 12 months.
	dueSoon := sign(addBA(t, e, "A Due Soon", vendors.CategoryPACS), vendors.Signing{SignedOn: date.New(2025, 9, 20),
		EffectiveOn: date.New(2025, 10, 1), Clauses: all, ReportingDays: 30})
	// Review overdue and clauses missing.
	overdue := sign(addBA(t, e, "B Overdue", vendors.CategoryEHR), vendors.Signing{SignedOn: date.New(2025, 5, 1),
		EffectiveOn: date.New(2025, 5, 1), Clauses: all[:3], ReportingDays: 90})
	// Expires in 10 days.
	expiring := sign(addBA(t, e, "C Expiring", vendors.CategoryBilling), vendors.Signing{SignedOn: date.New(2026, 1, 1),
		EffectiveOn: date.New(2026, 1, 1), ExpiresOn: asOf + 10, Clauses: all, ReportingDays: 15})
	// Expired by date but not yet marked.
	lapsed := sign(addBA(t, e, "D Lapsed", vendors.CategoryCloudHosting), vendors.Signing{SignedOn: date.New(2026, 1, 1),
		EffectiveOn: date.New(2026, 1, 1), ExpiresOn: asOf - 1, Clauses: all, ReportingDays: 15})
	// Requested 30 days ago (stalled) and 29 days ago (not yet).
	stalled := addBA(t, e, "E Stalled", vendors.CategoryPriorAuthorization)
	stalled, err := e.RequestBAA(admin, orgID, stalled.ID, stalled.Version, asOf-30, "")
	require.NoError(t, err)
	fresh := addBA(t, e, "F Fresh", vendors.CategoryPriorAuthorization)
	_, err = e.RequestBAA(admin, orgID, fresh.ID, fresh.Version, asOf-29, "")
	require.NoError(t, err)
	// A business associate never asked, and a vendor awaiting legal review.
	never := addBA(t, e, "G Never Asked", vendors.CategoryShredding)
	sponsor, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: "H Trial Sponsor", Category: vendors.CategoryTrialSponsor})
	require.NoError(t, err)
	sponsor, err = e.DetermineBA(admin, orgID, sponsor.ID, sponsor.Version, vendors.Determination{
		Outcome: vendors.OutcomeNeedsLegalReview, Rationale: "receives data under patient authorization?"})
	require.NoError(t, err)
	lab, err := e.AddVendor(admin, orgID, vendors.Vendor{Name: "I Reference Lab", Category: vendors.CategoryLaboratory})
	require.NoError(t, err)
	_, err = e.DetermineBA(admin, orgID, lab.ID, lab.Version, vendors.Determination{
		Outcome: vendors.OutcomeTreatingProvider, Rationale: "tests ordered for treatment"})
	require.NoError(t, err)

	inv, err := e.Inventory(admin, orgID, compliance.InventoryOptions{AsOf: asOf})
	require.NoError(t, err)
	require.Equal(t, 9, inv.Vendors)
	require.Equal(t, 7, inv.BusinessAssociates)
	require.Equal(t, 60, inv.ReviewWindowDays)
	require.Equal(t, 30, inv.StallDays)
	require.Equal(t, []vendors.ID{dueSoon.ID}, idsOf(inv.ReviewsDue))
	require.Equal(t, []vendors.ID{overdue.ID}, idsOf(inv.OverdueReviews))
	require.Equal(t, []vendors.ID{expiring.ID}, idsOf(inv.Expiring))
	require.Equal(t, []vendors.ID{stalled.ID}, idsOf(inv.Stalled))
	require.Equal(t, []vendors.ID{sponsor.ID}, idsOf(inv.Undetermined))
	gaps := map[vendors.ID]vendors.GapReason{}
	for _, g := range inv.Gaps {
		gaps[g.Vendor.ID] = g.Reason
	}
	require.Equal(t, map[vendors.ID]vendors.GapReason{
		lapsed.ID: vendors.GapExpired, stalled.ID: vendors.GapPending, fresh.ID: vendors.GapPending,
		never.ID: vendors.GapNotRequested,
	}, gaps)
	require.Len(t, inv.MissingClauses, 1)
	require.Equal(t, overdue.ID, inv.MissingClauses[0].Vendor.ID)
	require.Len(t, inv.MissingClauses[0].Gaps, len(all)-3)
	require.Equal(t, 4, inv.ByState[vendors.StateSigned])
	require.Equal(t, 2, inv.ByState[vendors.StateRequested])

	// RefreshBAAs marks the lapsed BAA expired and the overdue one review_due.
	ref, err := e.RefreshBAAs(admin, orgID, asOf)
	require.NoError(t, err)
	require.Equal(t, []vendors.ID{lapsed.ID}, idsOf(ref.Expired))
	require.Equal(t, []vendors.ID{overdue.ID}, idsOf(ref.ReviewDue))
	again, err := e.RefreshBAAs(admin, orgID, asOf)
	require.NoError(t, err)
	require.Empty(t, again.Expired)
	require.Empty(t, again.ReviewDue, "a refresh changes each BAA once")
}

func idsOf(vs []vendors.Vendor) []vendors.ID {
	var out []vendors.ID
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

// tamperStore returns an audit chain with one entry's action edited.
type tamperStore struct{ storage.Store }

func (s tamperStore) Org(id org.ID) storage.Org { return tamperOrg{s.Store.Org(id)} }

type tamperOrg struct{ storage.Org }

func (o tamperOrg) View(ctx context.Context, fn func(storage.Tx) error) error {
	return o.Org.View(ctx, func(tx storage.Tx) error { return fn(tamperTx{tx}) })
}

type tamperTx struct{ storage.Tx }

func (t tamperTx) Audit() storage.AuditLog { return tamperLog{t.Tx.Audit()} }

type tamperLog struct{ storage.AuditLog }

func (l tamperLog) List(ctx context.Context, from uint64) iter.Seq2[audit.Entry, error] {
	return func(yield func(audit.Entry, error) bool) {
		for e, err := range l.AuditLog.List(ctx, from) {
			if e.Seq == 2 {
				e.Action = "vendor.delete"
			}
			if !yield(e, err) {
				return
			}
		}
	}
}

func TestVerifyAuditReportsTampering(t *testing.T) {
	e, c, s := setup(t)
	addBA(t, e, "Vault PACS", vendors.CategoryPACS)
	_, err := e.VerifyAudit(admin, orgID)
	require.NoError(t, err)
	tampered := compliance.New(tamperStore{s}, compliance.Options{Now: c.now})
	_, err = tampered.VerifyAudit(admin, orgID)
	var verr *audit.VerifyError
	require.ErrorAs(t, err, &verr)
	require.Len(t, verr.Findings, 1)
	require.Equal(t, audit.Edited, verr.Findings[0].Problem)
	require.EqualValues(t, 2, verr.Findings[0].Seq)
}
