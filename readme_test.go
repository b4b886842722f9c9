package hipaaops_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEQuotesExample keeps the README's "In your own code" honest: it must quote the
// body of Example (example_test.go) as it is, so the code a newcomer copies compiles and
// prints what the README says.
func TestREADMEQuotesExample(t *testing.T) {
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "func Example() {\n")
	end := strings.LastIndex(s, "\n}")
	if start < 0 || end < start {
		t.Fatal("example_test.go: func Example not found")
	}
	var body []string
	for _, line := range strings.Split(s[start+len("func Example() {\n"):end], "\n") {
		body = append(body, strings.TrimPrefix(line, "\t"))
	}
	quoted := strings.Join(body, "\n")
	if !strings.Contains(string(readme), "```go\n"+quoted+"\n```") {
		t.Errorf("README.md must quote the body of Example (example_test.go) in a ```go block, unindented one tab:\n%s", quoted)
	}
}
