package statelaws

import "github.com/hipaaops/hipaaops/validation"

// Code is a jurisdiction's USPS code: one of the 50 states, "DC", or the territories
// "PR", "GU", "VI", "AS" and "MP".
type Code string

// codeNames lists every valid code, sorted, with its name. Never modified.
var codeNames = []struct {
	code Code
	name string
}{
	{"AK", "Alaska"}, {"AL", "Alabama"}, {"AR", "Arkansas"}, {"AS", "American Samoa"},
	{"AZ", "Arizona"}, {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"},
	{"DC", "District of Columbia"}, {"DE", "Delaware"}, {"FL", "Florida"}, {"GA", "Georgia"},
	{"GU", "Guam"}, {"HI", "Hawaii"}, {"IA", "Iowa"}, {"ID", "Idaho"}, {"IL", "Illinois"},
	{"IN", "Indiana"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
	{"MA", "Massachusetts"}, {"MD", "Maryland"}, {"ME", "Maine"}, {"MI", "Michigan"},
	{"MN", "Minnesota"}, {"MO", "Missouri"}, {"MP", "Northern Mariana Islands"},
	{"MS", "Mississippi"}, {"MT", "Montana"}, {"NC", "North Carolina"}, {"ND", "North Dakota"},
	{"NE", "Nebraska"}, {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"},
	{"NV", "Nevada"}, {"NY", "New York"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
	{"PA", "Pennsylvania"}, {"PR", "Puerto Rico"}, {"RI", "Rhode Island"},
	{"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee"}, {"TX", "Texas"},
	{"UT", "Utah"}, {"VA", "Virginia"}, {"VI", "U.S. Virgin Islands"}, {"VT", "Vermont"},
	{"WA", "Washington"}, {"WI", "Wisconsin"}, {"WV", "West Virginia"}, {"WY", "Wyoming"},
}

// Codes returns every valid Code, sorted: 56 jurisdictions.
func Codes() []Code {
	out := make([]Code, len(codeNames))
	for i, cn := range codeNames {
		out[i] = cn.code
	}
	return out
}

// Valid reports whether c is a known code. Codes are upper case: "ca" is not valid.
func (c Code) Valid() bool { return c.Name() != "" }

// Name is the jurisdiction's name, e.g. "California"; empty for an unknown code.
func (c Code) Name() string {
	for _, cn := range codeNames {
		if cn.code == c {
			return cn.name
		}
	}
	return ""
}

// unknownCode is the validation error for a code that is not valid.
func unknownCode(field string, c Code) error {
	return validation.New(pkg, field, "%q is not the USPS code of a state, DC or territory", string(c))
}

// MarshalText implements [encoding.TextMarshaler]; an unknown code is an error.
func (c Code) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, unknownCode("code", c)
	}
	return []byte(c), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown code is an error and
// leaves c unchanged.
func (c *Code) UnmarshalText(b []byte) error {
	v := Code(b)
	if !v.Valid() {
		return unknownCode("code", v)
	}
	*c = v
	return nil
}
