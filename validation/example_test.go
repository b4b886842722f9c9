package validation_test

import (
	"errors"
	"fmt"

	"github.com/hipaaops/hipaaops/validation"
)

// A Collector gathers every broken rule of one value; All lists them for a form.
func ExampleCollector() {
	name, timeZone := "", "Mars/Olympus"

	c := validation.Collector{Pkg: "org"}
	c.Check(name != "", "name", "must not be empty")
	c.Check(timeZone == "America/Chicago", "time_zone", "%q is not an IANA time zone", timeZone)
	err := fmt.Errorf("create organization: %w", c.Err())

	fmt.Println(errors.Is(err, validation.ErrInvalid))
	for _, e := range validation.All(err) {
		fmt.Printf("%s: %s\n", e.Field, e.Rule)
	}
	// Output:
	// true
	// name: must not be empty
	// time_zone: "Mars/Olympus" is not an IANA time zone
}

// Callers find the field and rule with errors.As, through any wrapping.
func ExampleError() {
	err := fmt.Errorf("add vendor: %w",
		validation.New("vendors", "baa.effective_on", "%s is after expiry %s", "2026-05-01", "2026-04-01"))

	var verr *validation.Error
	if errors.As(err, &verr) {
		fmt.Println(verr.Field)
		fmt.Println(verr.Rule)
		fmt.Println(verr)
	}
	// Output:
	// baa.effective_on
	// 2026-05-01 is after expiry 2026-04-01
	// vendors: baa.effective_on 2026-05-01 is after expiry 2026-04-01
}
