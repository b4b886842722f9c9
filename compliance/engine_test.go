package compliance_test

import (
	"context"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// The shared fixtures of the engine's tests: every test file uses these.

const orgID = org.ID("hemonc-1")

// adminActor is the actor of admin.
var adminActor = compliance.Actor{ID: "u1", Name: "Pat Admin", Roles: []string{"admin"}}

// admin is a context carrying adminActor.
var admin = compliance.WithActor(context.Background(), adminActor)

// start is 03:00 UTC on March 3, 2026, which is still March 2 in Chicago.
var start = time.Date(2026, 3, 3, 3, 0, 0, 0, time.UTC)

// march2 is the organization's today at start.
var march2 = date.New(2026, time.March, 2)

// setup returns a kit whose clock is at start and the handle of orgID, a practice in
// Chicago with two sites, "main" and "inf".
func setup(t *testing.T) (*compliancetest.Kit, *compliance.Org) {
	t.Helper()
	kit := compliancetest.New(t, compliancetest.Options{Start: start, Actor: adminActor})
	clinic := kit.CreateOrganization(t, org.Organization{ID: orgID, Name: "Lakeside Hematology-Oncology",
		TimeZone: "America/Chicago", Sites: []org.Site{{ID: "main", Name: "Cancer Center"}, {ID: "inf", Name: "Infusion Suite"}}})
	return kit, clinic
}

// addBA adds a vendor at the infusion site and determines it a business associate.
func addBA(t *testing.T, clinic *compliance.Org, name string, cat vendors.Category) vendors.Vendor {
	t.Helper()
	v, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: name, Category: cat, Sites: []org.SiteID{"inf"}})
	require.NoError(t, err)
	v, err = clinic.Vendors().Determine(admin, v.Ref(), vendors.Determination{
		Outcome: vendors.OutcomeBusinessAssociate, Rationale: "handles PHI for us"})
	require.NoError(t, err)
	return v
}

// events reads the organization's whole outbox, a small page at a time.
func events(t *testing.T, clinic *compliance.Org) []event.Event {
	t.Helper()
	var out []event.Event
	q := compliance.EventQuery{PageQuery: compliance.PageQuery{Limit: 7}}
	for {
		p, err := clinic.Events().List(admin, q)
		require.NoError(t, err)
		out = append(out, p.Items...)
		if p.Next == "" {
			return out
		}
		q.Cursor = p.Next
	}
}

// requireField requires err to be invalid input naming field (among others).
func requireField(t *testing.T, err error, field string) {
	t.Helper()
	require.ErrorIs(t, err, validation.ErrInvalid)
	require.Equal(t, compliance.InvalidInput, compliance.Code(err))
	var fields []string
	for _, v := range validation.All(err) {
		fields = append(fields, v.Field)
	}
	require.Contains(t, fields, field, "%v", err)
}
