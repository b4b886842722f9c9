package compliance

import (
	"context"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/validation"
)

// Org is the handle of one organization (a practice or group), mirroring
// storage.Store.Org: every use case of the organization is a method of it or of one of
// its services ([Org.Vendors], [Org.Tasks], [Org.Roster], [Org.Trials],
// [Org.Incidents], [Org.Risks], [Org.Analyses], [Org.Controls], [Org.Audit],
// [Org.Events]), and none can reach another organization's records. A handle is cheap:
// make one per request. It is safe for concurrent use.
type Org struct {
	e  *Engine
	id org.ID
}

// Org returns the handle of the organization id. The organization must have been
// created ([Engine.CreateOrganization]); until it is, its use cases fail with
// storage.ErrNotFound.
func (e *Engine) Org(id org.ID) *Org { return &Org{e: e, id: id} }

// ID returns the organization the handle is scoped to.
func (o *Org) ID() org.ID { return o.id }

func (o *Org) update(ctx context.Context, action Action, fn func(*call) error) error {
	return o.e.update(ctx, o.id, action, fn)
}

func (o *Org) view(ctx context.Context, action Action, fn func(*call) error) error {
	return o.e.view(ctx, o.id, action, fn)
}

// CreateOrganization stores a new organization; its ID is the embedder's tenant id.
// Reach it afterwards through [Engine.Org].
func (e *Engine) CreateOrganization(ctx context.Context, o org.Organization) (org.Organization, error) {
	err := e.update(ctx, o.ID, ActionOrganizationCreate, func(c *call) error {
		if err := o.Validate(); err != nil {
			return err
		}
		o.CreatedAt, o.UpdatedAt = c.now, c.now
		if err := c.tx.Organization().Create(c.ctx, &o); err != nil {
			return err
		}
		return c.record(record.KindOrganization, string(o.ID), o, eventSpec{EventOrganizationCreated, OrganizationEvent{Organization: o.ID, Name: o.Name}})
	})
	return result(o, err)
}

// Profile returns the organization's profile: its name, time zone, sites and risk
// method.
func (o *Org) Profile(ctx context.Context) (org.Organization, error) {
	var p org.Organization
	err := o.view(ctx, ActionOrganizationRead, func(c *call) (err error) {
		p, err = c.orgProfile()
		return err
	})
	return result(p, err)
}

// UpdateProfile changes the organization's name, time zone or sites; p.Version must be
// the stored version (a stale one fails with storage.ErrConflict). Its risk method
// changes only through [RiskService.SetMethod].
func (o *Org) UpdateProfile(ctx context.Context, p org.Organization) (org.Organization, error) {
	err := o.update(ctx, ActionOrganizationUpdate, func(c *call) error {
		if p.ID == "" {
			p.ID = o.id
		}
		if p.ID != o.id {
			return validation.New("org", "id", "%q is not the handle's organization %q", p.ID, o.id)
		}
		if err := p.Validate(); err != nil {
			return err
		}
		cur, err := c.orgProfile()
		if err != nil {
			return err
		}
		p.CreatedAt, p.UpdatedAt, p.RiskMethod = cur.CreatedAt, c.now, cur.RiskMethod
		if err := c.tx.Organization().Update(c.ctx, &p); err != nil {
			return err
		}
		return c.record(record.KindOrganization, string(p.ID), p, eventSpec{EventOrganizationUpdated, OrganizationEvent{Organization: p.ID, Name: p.Name}})
	})
	return result(p, err)
}
