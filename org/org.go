// Package org describes the organization that runs a compliance program: a practice or
// group, its time zone and its sites (clinic locations).
//
// Every record hipaaops stores belongs to one organization; the storage layer reaches
// records only through an organization-scoped handle.
package org

import (
	"fmt"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/validation"
)

// ID identifies an organization. It is chosen by the embedder (e.g. its tenant id).
type ID string

// SiteID identifies a site within an organization.
type SiteID string

// Site is a clinic location: an infusion center, a radiation vault, a satellite office.
type Site struct {
	ID   SiteID `json:"id"`
	Name string `json:"name"`
}

// Organization is a practice or group whose compliance program hipaaops runs.
type Organization struct {
	ID ID `json:"id"`
	// Name is the organization's legal or display name.
	Name string `json:"name"`
	// TimeZone is an IANA zone name such as "America/Chicago"; "today" is decided in it.
	TimeZone string `json:"time_zone"`
	// Sites are the organization's locations; vendors name the sites they serve.
	Sites []Site `json:"sites"`
	// RiskMethod is the id of the scoring method the organization's risk register uses
	// (a riskreg.MethodID); empty until chosen, then the engine's default applies.
	RiskMethod string `json:"risk_method,omitempty"`
	// Version is the stored version, used to reject stale updates.
	Version int64 `json:"version"`
	// CreatedAt and UpdatedAt are set by the store's caller, in UTC.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the organization's fields.
func (o *Organization) Validate() error {
	c := validation.Collector{Pkg: "org"}
	c.Check(o.ID != "", "id", "must not be empty")
	c.Check(o.Name != "", "name", "must not be empty")
	// "Local" loads the server's own zone: an organization's today would depend on where
	// the library runs, so only real zone names are accepted.
	if _, err := time.LoadLocation(o.TimeZone); err != nil || o.TimeZone == "" || o.TimeZone == "Local" {
		c.Add("time_zone", "%q is not an IANA time zone", o.TimeZone)
	}
	seen := map[SiteID]bool{}
	for i, s := range o.Sites {
		c.Check(s.ID != "", sitesField(i, "id"), "must not be empty")
		c.Check(s.Name != "", sitesField(i, "name"), "must not be empty")
		c.Check(!seen[s.ID], sitesField(i, "id"), "%q is listed twice", s.ID)
		seen[s.ID] = true
	}
	return c.Err()
}

func sitesField(i int, f string) string { return fmt.Sprintf("sites[%d].%s", i, f) }

// HasSite reports whether id is one of the organization's sites.
func (o *Organization) HasSite(id SiteID) bool {
	for _, s := range o.Sites {
		if s.ID == id {
			return true
		}
	}
	return false
}

// Location returns the organization's time zone, or UTC if it cannot be loaded.
func (o *Organization) Location() *time.Location {
	loc, err := time.LoadLocation(o.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Today returns the calendar date at instant now in the organization's time zone.
func (o *Organization) Today(now time.Time) date.Date {
	return date.NewAt(now.In(o.Location()))
}

// Clone returns a deep copy of o.
func (o *Organization) Clone() Organization {
	c := *o
	c.Sites = slices.Clone(o.Sites)
	return c
}
