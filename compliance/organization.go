package compliance

import (
	"context"

	"github.com/hipaaops/hipaaops/event"
	"github.com/hipaaops/hipaaops/org"
)

// Event types of organizations.
const (
	EventOrganizationCreated event.Type = "organization.created"
	EventOrganizationUpdated event.Type = "organization.updated"
)

// CreateOrganization stores a new organization; its ID is the embedder's tenant id.
func (e *Engine) CreateOrganization(ctx context.Context, o org.Organization) (org.Organization, error) {
	err := e.update(ctx, o.ID, "organization.create", func(c *call) error {
		if err := o.Validate(); err != nil {
			return err
		}
		o.CreatedAt, o.UpdatedAt = c.now, c.now
		if err := c.tx.Organization().Create(c.ctx, &o); err != nil {
			return err
		}
		return c.record("organization", string(o.ID), o, eventSpec{EventOrganizationCreated, map[string]any{"name": o.Name}})
	})
	return o, err
}

// UpdateOrganization changes the organization's name, time zone or sites; o.Version must
// be the stored version.
func (e *Engine) UpdateOrganization(ctx context.Context, o org.Organization) (org.Organization, error) {
	err := e.update(ctx, o.ID, "organization.update", func(c *call) error {
		if err := o.Validate(); err != nil {
			return err
		}
		cur, err := c.orgProfile()
		if err != nil {
			return err
		}
		o.CreatedAt, o.UpdatedAt = cur.CreatedAt, c.now
		if err := c.tx.Organization().Update(c.ctx, &o); err != nil {
			return err
		}
		return c.record("organization", string(o.ID), o, eventSpec{EventOrganizationUpdated, map[string]any{"name": o.Name}})
	})
	return o, err
}

// Organization returns the organization's profile.
func (e *Engine) Organization(ctx context.Context, id org.ID) (org.Organization, error) {
	var o org.Organization
	err := e.view(ctx, id, "organization.read", func(c *call) (err error) {
		o, err = c.orgProfile()
		return err
	})
	return o, err
}
