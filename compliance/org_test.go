package compliance_test

import (
	"context"
	"errors"
	"iter"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// TestActorAndAuthorizer: every use case needs an actor; the authorizer is asked with
// the use case's Action, reads included, and a refusal is ErrForbidden carrying its
// reason; the actor is recorded in the audit trail.
func TestActorAndAuthorizer(t *testing.T) {
	var mu sync.Mutex
	var asked []compliance.Action
	kit := compliancetest.New(t, compliancetest.Options{Engine: compliance.Options{
		Authorize: func(_ context.Context, a compliance.Actor, _ org.ID, act compliance.Action) error {
			mu.Lock()
			asked = append(asked, act)
			mu.Unlock()
			if act == compliance.ActionOrganizationCreate && a.ID != "root" {
				return errors.New("only root creates organizations")
			}
			if act == compliance.ActionVendorRead && !slices.Contains(a.Roles, "privacy") {
				return errors.New("vendors are read by the privacy office")
			}
			return nil
		}}})
	o := org.Organization{ID: orgID, Name: "X", TimeZone: "UTC"}
	t.Run("ErrNoActor", func(t *testing.T) {
		got, err := kit.Engine.CreateOrganization(context.Background(), o)
		require.ErrorIs(t, err, compliance.ErrNoActor)
		assert.Equal(t, compliance.Forbidden, compliance.Code(err))
		assert.Zero(t, got)
		_, err = kit.Engine.Org(orgID).Vendors().List(compliance.WithActor(context.Background(), compliance.Actor{}), compliance.VendorQuery{})
		require.ErrorIs(t, err, compliance.ErrNoActor, "an actor without an id is no actor")
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		_, err := kit.Engine.CreateOrganization(admin, o)
		require.ErrorIs(t, err, compliance.ErrForbidden)
		require.ErrorContains(t, err, "only root")
		assert.Equal(t, compliance.Forbidden, compliance.Code(err))
	})
	root := compliance.WithActor(context.Background(), compliance.Actor{ID: "root", Roles: []string{"privacy"}})
	t.Run("Allowed", func(t *testing.T) {
		_, err := kit.Engine.CreateOrganization(root, o)
		require.NoError(t, err)
		p, err := kit.Engine.Org(orgID).Audit().List(root, compliance.AuditQuery{})
		require.NoError(t, err)
		require.Len(t, p.Items, 1)
		assert.Equal(t, "root", p.Items[0].Actor)
		assert.Equal(t, string(compliance.ActionOrganizationCreate), p.Items[0].Action)
	})
	t.Run("ReadsAreAuthorized", func(t *testing.T) {
		clinic := kit.Engine.Org(orgID)
		_, err := clinic.Vendors().List(admin, compliance.VendorQuery{})
		require.ErrorIs(t, err, compliance.ErrForbidden)
		_, err = clinic.Vendors().List(root, compliance.VendorQuery{})
		require.NoError(t, err)
	})
	mu.Lock()
	defer mu.Unlock()
	for _, a := range asked {
		assert.Contains(t, compliance.Actions(), a, "every action asked is an exported Action")
	}
	assert.Contains(t, asked, compliance.ActionAuditRead)
	assert.Contains(t, asked, compliance.ActionVendorRead)
}

// TestCreateOrganizationBadInput: a bad organization names its field and is not stored.
func TestCreateOrganizationBadInput(t *testing.T) {
	kit := compliancetest.New(t, compliancetest.Options{})
	got, err := kit.Engine.CreateOrganization(admin, org.Organization{ID: orgID, Name: "X", TimeZone: "Mars/Olympus"})
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "time_zone", verr.Field)
	assert.Equal(t, compliance.InvalidInput, compliance.Code(err))
	assert.Zero(t, got)
	_, err = kit.Engine.Org(orgID).Profile(admin)
	require.ErrorIs(t, err, storage.ErrNotFound)
	assert.Equal(t, compliance.NotFound, compliance.Code(err))

	_, err = kit.Engine.CreateOrganization(admin, org.Organization{ID: orgID, Name: "X", TimeZone: "UTC"})
	require.NoError(t, err)
	_, err = kit.Engine.CreateOrganization(admin, org.Organization{ID: orgID, Name: "Y", TimeZone: "UTC"})
	require.ErrorIs(t, err, storage.ErrExists)
	assert.Equal(t, compliance.Conflict, compliance.Code(err))
}

// TestUpdateProfile: the profile is updated at its version; its risk method is kept;
// another organization's id is refused.
func TestUpdateProfile(t *testing.T) {
	_, clinic := setup(t)
	p, err := clinic.Profile(admin)
	require.NoError(t, err)
	assert.Equal(t, orgID, p.ID)
	edit := p
	edit.Name = "Lakeside Cancer Care"
	edit.RiskMethod = "something-else"
	got, err := clinic.UpdateProfile(admin, edit)
	require.NoError(t, err)
	assert.Equal(t, "Lakeside Cancer Care", got.Name)
	assert.Equal(t, p.RiskMethod, got.RiskMethod, "the risk method changes through its own use case")
	_, err = clinic.UpdateProfile(admin, edit)
	require.ErrorIs(t, err, storage.ErrConflict, "edit carries the old version")
	other := got
	other.ID = "someone-else"
	_, err = clinic.UpdateProfile(admin, other)
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "id", verr.Field)
}

// TestDatesDefaultToTodayInOrgTimeZone: a zero day is today where the organization is:
// at 03:00 UTC on March 3 it is March 2 in Chicago.
func TestDatesDefaultToTodayInOrgTimeZone(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Rx One", vendors.CategorySpecialtyPharmacy)
	d, _ := v.Determination()
	assert.Equal(t, march2, d.DecidedOn, "decided today in America/Chicago, not in UTC")
	assert.Equal(t, "Pat Admin", d.DecidedBy)
	v, err := clinic.Vendors().RequestBAA(admin, v.Ref(), vendors.Move{Note: "sent template"})
	require.NoError(t, err)
	assert.Equal(t, march2, v.BAA.RequestedOn)
	assert.Equal(t, march2, v.BAA.LastActivityOn)
	inv, err := clinic.Inventory(admin, compliance.InventoryOptions{})
	require.NoError(t, err)
	assert.Equal(t, march2, inv.AsOf)
}

// TestEventsFollowTheLifecycle: each move records its event, in order, with its payload;
// the default rules' tasks follow the events that make them; the outbox pages from a
// cursor; there is one audit entry per change.
func TestEventsFollowTheLifecycle(t *testing.T) {
	_, clinic := setup(t)
	vs := clinic.Vendors()
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	var err error
	v, err = vs.RequestBAA(admin, v.Ref(), vendors.Move{On: march2})
	require.NoError(t, err)
	v, err = vs.NegotiateBAA(admin, v.Ref(), vendors.Move{On: march2 - 0, Note: "redlines on reporting"})
	require.NoError(t, err)
	v, err = vs.RecordFollowUp(admin, v.Ref(), vendors.FollowUp{On: march2, Note: "called counsel"})
	require.NoError(t, err)
	v, err = vs.SignBAA(admin, v.Ref(), vendors.Signing{SignedOn: march2, EffectiveOn: march2 + 21,
		ExpiresOn: march2 + 21 + 730, Clauses: vendors.ClauseValues(), ReportingDays: 10})
	require.NoError(t, err)
	v, err = vs.TerminateBAA(admin, v.Ref(), vendors.Termination{Reason: "switched archive vendor",
		Disposition: vendors.DispositionDestroyed})
	require.NoError(t, err)
	_, err = vs.CertifyDisposition(admin, v.Ref(), vendors.Certification{Disposition: vendors.DispositionDestroyed})
	require.NoError(t, err)

	evs := events(t, clinic)
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
	assert.JSONEq(t, `{"vendor_id":"vendor-1","vendor":"Vault PACS","category":"pacs","state":"signed","handles_phi":false,
		"on":"2026-03-02","next_review_on":"2027-03-23","expires_on":"2028-03-22"}`, string(evs[6].Data))
	assert.JSONEq(t, `{"vendor_id":"vendor-1","vendor":"Vault PACS","category":"pacs","state":"not_requested","handles_phi":false,
		"on":"2026-03-02","outcome":"business_associate"}`, string(evs[2].Data))
	for i, ev := range evs {
		assert.EqualValues(t, i+1, ev.Seq)
		assert.Equal(t, adminActor.ID, ev.Actor)
		assert.Equal(t, start, ev.At)
	}

	page, err := clinic.Events().List(admin, compliance.EventQuery{After: evs[3].Seq, PageQuery: compliance.PageQuery{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, page.Items, 2)
	assert.Equal(t, []uint64{5, 6}, []uint64{page.Items[0].Seq, page.Items[1].Seq})
	require.NotEmpty(t, page.Next)
	page, err = clinic.Events().List(admin, compliance.EventQuery{PageQuery: compliance.PageQuery{Limit: 2, Cursor: page.Next}})
	require.NoError(t, err)
	assert.Equal(t, []uint64{7, 8}, []uint64{page.Items[0].Seq, page.Items[1].Seq})

	st, err := clinic.Audit().Verify(admin)
	require.NoError(t, err)
	assert.Equal(t, len(evs), st.Entries, "one audit entry per change (the rules' tasks included)")
	assert.EqualValues(t, st.Entries, st.Head.Seq)

	// The audit trail pages in chain order.
	var seqs []uint64
	q := compliance.AuditQuery{PageQuery: compliance.PageQuery{Limit: 4}}
	for {
		p, err := clinic.Audit().List(admin, q)
		require.NoError(t, err)
		for _, e := range p.Items {
			seqs = append(seqs, e.Seq)
		}
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	require.Len(t, seqs, st.Entries)
	assert.True(t, slices.IsSorted(seqs))
	_, err = clinic.Audit().List(admin, compliance.AuditQuery{PageQuery: compliance.PageQuery{Cursor: page.Next + "x"}})
	requireField(t, err, "cursor")
}

// TestInventory: the inventory report as of a day. 45 CFR 164.502(e) and 164.308(b)(1)
// require a BAA before PHI goes to a business associate; 164.504(e)(2) lists its
// clauses; 164.410(b) caps the reporting period at 60 days.
func TestInventory(t *testing.T) {
	kit, clinic := setup(t)
	vs := clinic.Vendors()
	asOf := date.New(2026, time.September, 1)
	// The clock at asOf, so that the signings below are in the past.
	kit.Clock.Set(time.Date(2026, time.September, 1, 17, 0, 0, 0, time.UTC))
	sign := func(v vendors.Vendor, s vendors.Signing) vendors.Vendor {
		t.Helper()
		v, err := vs.RequestBAA(admin, v.Ref(), vendors.Move{On: s.SignedOn - 10})
		require.NoError(t, err)
		v, err = vs.SignBAA(admin, v.Ref(), s)
		require.NoError(t, err)
		return v
	}
	all := vendors.ClauseValues()
	// Determined in March, so that the earlier requests are not before the determination.
	ba := func(name string, cat vendors.Category) vendors.Vendor {
		t.Helper()
		v, err := vs.Add(admin, vendors.Vendor{Name: name, Category: cat})
		require.NoError(t, err)
		v, err = vs.Determine(admin, v.Ref(), vendors.Determination{Outcome: vendors.OutcomeBusinessAssociate,
			Rationale: "handles PHI for us", DecidedOn: date.New(2025, 1, 2)})
		require.NoError(t, err)
		return v
	}
	// Review due in 30 days: effective 2025-10-01, 12 months.
	dueSoon := sign(ba("A Due Soon", vendors.CategoryPACS), vendors.Signing{SignedOn: date.New(2025, 9, 20),
		EffectiveOn: date.New(2025, 10, 1), Clauses: all, ReportingDays: 30})
	// Review overdue and clauses missing.
	overdue := sign(ba("B Overdue", vendors.CategoryEHR), vendors.Signing{SignedOn: date.New(2025, 5, 1),
		EffectiveOn: date.New(2025, 5, 1), Clauses: all[:3], ReportingDays: 90})
	// Expires in 10 days.
	expiring := sign(ba("C Expiring", vendors.CategoryBilling), vendors.Signing{SignedOn: date.New(2026, 1, 1),
		EffectiveOn: date.New(2026, 1, 1), ExpiresOn: asOf + 10, Clauses: all, ReportingDays: 15})
	// Expired by date but not yet marked.
	lapsed := sign(ba("D Lapsed", vendors.CategoryCloudHosting), vendors.Signing{SignedOn: date.New(2026, 1, 1),
		EffectiveOn: date.New(2026, 1, 1), ExpiresOn: asOf - 1, Clauses: all, ReportingDays: 15})
	// Requested 30 days ago (stalled) and 29 days ago (not yet).
	stalled, err := vs.RequestBAA(admin, ba("E Stalled", vendors.CategoryPriorAuthorization).Ref(), vendors.Move{On: asOf - 30})
	require.NoError(t, err)
	fresh, err := vs.RequestBAA(admin, ba("F Fresh", vendors.CategoryPriorAuthorization).Ref(), vendors.Move{On: asOf - 29})
	require.NoError(t, err)
	// A business associate never asked, and a vendor awaiting legal review.
	never := ba("G Never Asked", vendors.CategoryShredding)
	sponsor, err := vs.Add(admin, vendors.Vendor{Name: "H Trial Sponsor", Category: vendors.CategoryTrialSponsor})
	require.NoError(t, err)
	sponsor, err = vs.Determine(admin, sponsor.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeNeedsLegalReview, Rationale: "receives data under patient authorization?"})
	require.NoError(t, err)
	lab, err := vs.Add(admin, vendors.Vendor{Name: "I Reference Lab", Category: vendors.CategoryLaboratory})
	require.NoError(t, err)
	_, err = vs.Determine(admin, lab.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeTreatingProvider, Rationale: "tests ordered for treatment"})
	require.NoError(t, err)

	inv, err := clinic.Inventory(admin, compliance.InventoryOptions{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, 9, inv.Vendors)
	assert.Equal(t, 7, inv.BusinessAssociates)
	assert.Equal(t, 60, inv.ReviewWindowDays)
	assert.Equal(t, 30, inv.StallDays)
	assert.Equal(t, []vendors.ID{dueSoon.ID}, idsOf(inv.ReviewsDue))
	assert.Equal(t, []vendors.ID{overdue.ID}, idsOf(inv.OverdueReviews))
	assert.Equal(t, []vendors.ID{expiring.ID}, idsOf(inv.Expiring))
	assert.Equal(t, []vendors.ID{stalled.ID}, idsOf(inv.Stalled))
	assert.Equal(t, []vendors.ID{sponsor.ID}, idsOf(inv.Undetermined))
	gaps := map[vendors.ID]vendors.GapReason{}
	for _, g := range inv.Gaps {
		gaps[g.Vendor.ID] = g.Reason
		assert.Equal(t, g.Reason.Text(), g.Text)
	}
	assert.Equal(t, map[vendors.ID]vendors.GapReason{
		lapsed.ID: vendors.GapExpired, stalled.ID: vendors.GapPending, fresh.ID: vendors.GapPending,
		never.ID: vendors.GapNotRequested,
	}, gaps)
	require.Len(t, inv.MissingClauses, 1)
	assert.Equal(t, overdue.ID, inv.MissingClauses[0].Vendor.ID)
	assert.Len(t, inv.MissingClauses[0].Gaps, len(all)-3, "164.504(e)(2): nine clauses missing, the reporting clause among them")
	assert.Equal(t, 4, inv.ByState[vendors.StateSigned])
	assert.Equal(t, 2, inv.ByState[vendors.StateRequested])
	assert.Empty(t, inv.MissingCategories)
	assert.NotNil(t, inv.MissingCategories, "an empty list marshals as []")

	// Refresh marks the lapsed BAA expired and the overdue one review_due.
	ref, err := vs.Refresh(admin, compliance.RefreshOptions{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, []vendors.ID{lapsed.ID}, idsOf(ref.Expired))
	assert.Equal(t, []vendors.ID{overdue.ID}, idsOf(ref.ReviewDue))
	again, err := vs.Refresh(admin, compliance.RefreshOptions{AsOf: asOf})
	require.NoError(t, err)
	assert.Empty(t, again.Expired)
	assert.Empty(t, again.ReviewDue, "a refresh changes each BAA once")

	_, err = clinic.Inventory(admin, compliance.InventoryOptions{Profile: "astrology"})
	requireField(t, err, "profile")
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

func (l tamperLog) List(ctx context.Context, from uint64, limit int) iter.Seq2[audit.Entry, error] {
	return func(yield func(audit.Entry, error) bool) {
		for e, err := range l.AuditLog.List(ctx, from, limit) {
			if e.Seq == 2 {
				e.Action = "vendor.delete"
			}
			if !yield(e, err) {
				return
			}
		}
	}
}

// TestVerifyAuditReportsTampering: an edited entry of the hash chain is found and named
// (code Internal); the intact chain verifies.
func TestVerifyAuditReportsTampering(t *testing.T) {
	kit, clinic := setup(t)
	addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	st, err := clinic.Audit().Verify(admin)
	require.NoError(t, err)
	assert.Equal(t, 3, st.Entries)

	tampered, err := compliance.New(tamperStore{kit.Store}, compliance.Options{Now: kit.Clock.Now})
	require.NoError(t, err)
	got, err := tampered.Org(orgID).Audit().Verify(admin)
	var verr *audit.VerifyError
	require.ErrorAs(t, err, &verr)
	assert.Zero(t, got)
	require.Len(t, verr.Findings, 1)
	assert.Equal(t, audit.Edited, verr.Findings[0].Problem)
	assert.EqualValues(t, 2, verr.Findings[0].Seq)
	assert.Equal(t, compliance.Internal, compliance.Code(err))
}

// TestReportOptionsRefused: a negative threshold is refused on its field, never taken as
// the default (bad input does not shift a value); options are checked after the actor.
func TestReportOptionsRefused(t *testing.T) {
	_, clinic := setup(t)
	for field, opts := range map[string]compliance.InventoryOptions{
		"review_window_days": {ReviewWindowDays: -1},
		"stall_days":         {StallDays: -30},
	} {
		got, err := clinic.Inventory(admin, opts)
		requireField(t, err, field)
		assert.Zero(t, got)
	}
	for field, opts := range map[string]compliance.SweepOptions{
		"due_soon_days[1]":    {DueSoonDays: []int{7, -1}},
		"escalate_after_days": {EscalateAfterDays: -14},
		"stall_days":          {StallDays: -1},
		"escalate_to":         {EscalateTo: "Not a role!"},
	} {
		got, err := clinic.Sweep(admin, opts)
		requireField(t, err, field)
		assert.Zero(t, got)
		_, err = clinic.Sweep(context.Background(), opts)
		require.ErrorIs(t, err, compliance.ErrNoActor, "the actor is checked first")
	}
	_, err := clinic.ApplyProfile(context.Background(), compliance.ProfileOptions{Name: "astrology"})
	require.ErrorIs(t, err, compliance.ErrNoActor)
	_, err = clinic.ApplyProfile(admin, compliance.ProfileOptions{Name: "astrology"})
	requireField(t, err, "name")
	// Zero means the defaults.
	inv, err := clinic.Inventory(admin, compliance.InventoryOptions{})
	require.NoError(t, err)
	assert.Equal(t, compliance.DefaultReviewWindowDays, inv.ReviewWindowDays)
	assert.Equal(t, vendors.DefaultStallDays, inv.StallDays)
}
