// Package validation holds the error type every hipaaops package returns for bad input.
//
// A validation error names the package, the field and the rule it broke, and matches
// [ErrInvalid] with [errors.Is]:
//
//	_, err := engine.AddVendor(ctx, orgID, v)
//	var verr *validation.Error
//	if errors.As(err, &verr) {
//		fmt.Println(verr.Field, verr.Rule)
//	}
//
// Functions that find several problems join them with [errors.Join]; [errors.As] finds the
// first and [All] lists them all.
package validation

import (
	"errors"
	"fmt"
)

// ErrInvalid matches every [*Error] with [errors.Is]. compliance.Code sorts it as
// invalid_input.
var ErrInvalid = errors.New("invalid input")

// Error is one broken rule on one field (compliance.Code: invalid_input).
type Error struct {
	// Pkg is the package that applied the rule, e.g. "vendors".
	Pkg string
	// Field names the field, with a path for nested ones, e.g. "baa.expires_on".
	Field string
	// Rule says what the value must be, e.g. "must not be empty".
	Rule string
}

// Error returns "pkg: field rule".
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s %s", e.Pkg, e.Field, e.Rule)
}

// Is reports whether target is [ErrInvalid].
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// New returns an *Error; the rule is formatted with args like [fmt.Sprintf].
func New(pkg, field, rule string, args ...any) *Error {
	if len(args) > 0 {
		rule = fmt.Sprintf(rule, args...)
	}
	return &Error{Pkg: pkg, Field: field, Rule: rule}
}

// All returns every *Error in err's tree, in order.
func All(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if v, ok := e.(*Error); ok {
			out = append(out, v)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// Collector gathers problems found while validating one value.
// The zero value is ready to use.
type Collector struct {
	// Pkg is copied into every error added with Add.
	Pkg  string
	errs []error
}

// Add records a problem with field; rule is formatted with args.
func (c *Collector) Add(field, rule string, args ...any) {
	c.errs = append(c.errs, New(c.Pkg, field, rule, args...))
}

// Check records the problem when ok is false.
func (c *Collector) Check(ok bool, field, rule string, args ...any) {
	if !ok {
		c.Add(field, rule, args...)
	}
}

// Merge records err, which may be nil or joined errors.
func (c *Collector) Merge(err error) {
	if err != nil {
		c.errs = append(c.errs, err)
	}
}

// Err returns the problems joined, or nil when there are none.
func (c *Collector) Err() error { return errors.Join(c.errs...) }
