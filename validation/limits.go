package validation

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Limits on identifiers and text. Every id and text field of the library's inputs is
// checked against one of them, so that no input can grow a record without bound or carry
// characters that change how text reads.
const (
	// MaxIDLen is the longest id, in bytes.
	MaxIDLen = 64
	// MaxNameLen is the longest name, title or other one-line label, in bytes.
	MaxNameLen = 200
	// MaxTextLen is the longest free text (notes, descriptions, evidence), in bytes.
	MaxTextLen = 8000
)

// IDRule says what an id must be.
const IDRule = "must be 1 to 64 characters of letters, digits and - _ . : ( ) (got %s)"

// ValidID reports whether s is a well-formed id: 1 to [MaxIDLen] bytes of ASCII
// letters, digits and - _ . : ( ) only (control ids such as "164.312(b)" have parentheses).
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > MaxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '_', c == '.', c == ':', c == '(', c == ')':
		default:
			return false
		}
	}
	return true
}

// ID returns an *Error for field when s is not a well-formed id ([ValidID]), nil when it
// is. An empty id is refused too; callers that allow "unset" check for "" first.
func ID(pkg, field, s string) error {
	if ValidID(s) {
		return nil
	}
	return New(pkg, field, IDRule, describe(s))
}

// TextProblem returns what is wrong with s as text of at most max bytes, or "" when
// nothing is: it must be valid UTF-8 and hold no NUL, no control character other than
// tab, line feed and carriage return (those only when multiline), and no bidirectional
// override or isolate (U+202A–U+202E, U+2066–U+2069), which can make text read
// differently from what it holds.
func TextProblem(s string, max int, multiline bool) string {
	if len(s) > max {
		return fmt.Sprintf("must be at most %d bytes (got %d)", max, len(s))
	}
	if !utf8.ValidString(s) {
		return "must be valid UTF-8"
	}
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			if !multiline {
				return fmt.Sprintf("must be one line (control character %U at byte %d)", r, i)
			}
		case r == 0:
			return fmt.Sprintf("must not contain NUL (at byte %d)", i)
		case unicode.IsControl(r):
			return fmt.Sprintf("must not contain control character %U (at byte %d)", r, i)
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("must not contain bidirectional control %U (at byte %d)", r, i)
		}
	}
	return ""
}

// Text returns an *Error for field when s is not acceptable text of at most max bytes
// ([TextProblem]), nil otherwise. An empty string is acceptable.
func Text(pkg, field, s string, max int, multiline bool) error {
	if p := TextProblem(s, max, multiline); p != "" {
		return New(pkg, field, "%s", p)
	}
	return nil
}

// CheckID records a problem when s is not a well-formed id (see [ID]).
func (c *Collector) CheckID(field, s string) {
	if !ValidID(s) {
		c.Add(field, IDRule, describe(s))
	}
}

// CheckOptionalID is CheckID for an id that may be empty (unset).
func (c *Collector) CheckOptionalID(field, s string) {
	if s != "" {
		c.CheckID(field, s)
	}
}

// CheckName records a problem when s is not a one-line text of at most [MaxNameLen] bytes.
func (c *Collector) CheckName(field, s string) { c.CheckText(field, s, MaxNameLen, false) }

// CheckNotes records a problem when s is not a free text of at most [MaxTextLen] bytes.
func (c *Collector) CheckNotes(field, s string) { c.CheckText(field, s, MaxTextLen, true) }

// CheckText records a problem when s is not acceptable text (see [TextProblem]).
func (c *Collector) CheckText(field, s string, max int, multiline bool) {
	if p := TextProblem(s, max, multiline); p != "" {
		c.Add(field, "%s", p)
	}
}

// describe quotes a short value and sizes a long one, so that an error never echoes
// megabytes of input.
func describe(s string) string {
	if len(s) <= 80 {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%d bytes", len(s))
}
