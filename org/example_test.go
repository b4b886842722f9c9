package org_test

import (
	"fmt"
	"time"

	"github.com/hipaaops/hipaaops/org"
)

// "Today" is decided in the organization's time zone: at 03:00 UTC on 1 March it is still
// the evening of 28 February in Chicago.
func ExampleOrganization_Today() {
	o := org.Organization{ID: "clinic-1", Name: "Lakeside Oncology", TimeZone: "America/Chicago"}
	now := time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC)

	fmt.Println(o.Today(now))
	o.TimeZone = "UTC"
	fmt.Println(o.Today(now))
	// Output:
	// 2026-02-28
	// 2026-03-01
}

// Validate names every broken field.
func ExampleOrganization_Validate() {
	o := org.Organization{ID: "clinic-1", TimeZone: "Central", Sites: []org.Site{
		{ID: "main", Name: "Main campus"}, {ID: "main", Name: "Annex"},
	}}
	fmt.Println(o.Validate())
	// Output:
	// org: name must not be empty
	// org: time_zone "Central" is not an IANA time zone
	// org: sites[1].id "main" is listed twice
}
