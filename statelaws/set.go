package statelaws

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/hipaaops/hipaaops/validation"
)

// Set is a validated rule set with unique IDs, which an embedder builds from [Default],
// overrides or extends with its own reviewed rules. A Set is immutable: its methods
// return copies, so it is safe for concurrent use.
type Set struct {
	rules []Rule // sorted by ID; never handed out
}

// NewSet validates rules and returns them as a set. The errors name each field as
// "rules[i].field"; a duplicate ID is an error.
func NewSet(rules []Rule) (*Set, error) {
	c := validation.Collector{Pkg: pkg}
	first := make(map[string]int, len(rules))
	for i := range rules {
		r := &rules[i]
		r.check(&c, fmt.Sprintf("rules[%d].", i))
		if r.ID == "" {
			continue
		}
		if j, dup := first[r.ID]; dup {
			c.Add(fmt.Sprintf("rules[%d].id", i), "%q duplicates rules[%d]", r.ID, j)
			continue
		}
		first[r.ID] = i
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	return &Set{rules: sortedClones(rules)}, nil
}

// DefaultSet returns a fresh set of the [Default] rules.
func DefaultSet() *Set {
	s, err := NewSet(Default())
	if err != nil {
		panic("statelaws: default rules are invalid: " + err.Error()) // tested
	}
	return s
}

// sortedClones returns deep copies of rules sorted by ID.
func sortedClones(rules []Rule) []Rule {
	out := make([]Rule, len(rules))
	for i := range rules {
		out[i] = rules[i].Clone()
	}
	slices.SortFunc(out, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// All returns copies of every rule, sorted by ID.
func (s *Set) All() []Rule {
	if s == nil {
		return nil
	}
	return sortedClones(s.rules)
}

// For returns copies of the rules of jurisdiction c, sorted by ID; none for a code
// without rules (see [Set.Uncovered]).
func (s *Set) For(c Code) []Rule {
	if s == nil {
		return nil
	}
	var out []Rule
	for i := range s.rules {
		if s.rules[i].Code == c {
			out = append(out, s.rules[i].Clone())
		}
	}
	return out
}

// Get returns a copy of the rule with the given ID.
func (s *Set) Get(id string) (Rule, bool) {
	if s == nil {
		return Rule{}, false
	}
	i, ok := slices.BinarySearchFunc(s.rules, id, func(r Rule, id string) int { return cmp.Compare(r.ID, id) })
	if !ok {
		return Rule{}, false
	}
	return s.rules[i].Clone(), true
}

// Len is the number of rules.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.rules)
}

// With returns a new set in which each override replaces the rule with the same ID and
// the others are added; s is unchanged. Overrides are validated like [NewSet], with
// their fields named "overrides[i].field"; two overrides with the same ID are an error.
func (s *Set) With(overrides ...Rule) (*Set, error) {
	c := validation.Collector{Pkg: pkg}
	seen := make(map[string]int, len(overrides))
	for i := range overrides {
		o := &overrides[i]
		o.check(&c, fmt.Sprintf("overrides[%d].", i))
		if o.ID == "" {
			continue
		}
		if j, dup := seen[o.ID]; dup {
			c.Add(fmt.Sprintf("overrides[%d].id", i), "%q duplicates overrides[%d]", o.ID, j)
			continue
		}
		seen[o.ID] = i
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	rules := slices.DeleteFunc(s.All(), func(r Rule) bool {
		_, replaced := seen[r.ID]
		return replaced
	})
	return NewSet(append(rules, overrides...))
}

// Uncovered returns the valid codes that have no rule in s, sorted: the jurisdictions a
// report must show as not researched.
func (s *Set) Uncovered() []Code {
	var out []Code
	for _, c := range Codes() {
		if !slices.ContainsFunc(s.rulesOrNil(), func(r Rule) bool { return r.Code == c }) {
			out = append(out, c)
		}
	}
	return out
}

// rulesOrNil is s.rules, or nil for a nil set.
func (s *Set) rulesOrNil() []Rule {
	if s == nil {
		return nil
	}
	return s.rules
}
