package audit_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/hipaaops/hipaaops/audit"
)

// Build a chain, tamper with it, and let Verify say what happened and where
// (45 CFR 164.312(b) audit controls, 164.312(c)(1) integrity).
func ExampleVerify() {
	at := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	var entries []audit.Entry
	for i, action := range []string{"vendor.add", "ba.determine", "baa.request", "baa.sign"} {
		digest, err := audit.Digest(map[string]string{"action": action})
		if err != nil {
			panic(err)
		}
		e := audit.Entry{At: at.Add(time.Duration(i) * time.Hour), Actor: "u-1", Action: action,
			ObjectType: "vendor", ObjectID: "v-1", Digest: digest}
		var prev *audit.Entry
		if i > 0 {
			prev = &entries[i-1]
		}
		entries = append(entries, audit.Next(prev, e))
	}
	fmt.Println("intact:", audit.Verify(entries))

	entries[2].Action = "baa.waive" // edited in the database
	var verr *audit.VerifyError
	if errors.As(audit.Verify(entries), &verr) {
		for _, f := range verr.Findings {
			fmt.Printf("entry %d at position %d: %s (%s)\n", f.Seq, f.Index, f.Problem, f.Detail)
		}
	}
	// Output:
	// intact: <nil>
	// entry 3 at position 2: edited (fields do not match the entry's hash)
}

// VerifyHead compares the chain with a head anchored elsewhere, which detects entries cut
// off the end.
func ExampleVerifyHead() {
	var entries []audit.Entry
	var prev *audit.Entry
	for i := range 3 {
		entries = append(entries, audit.Next(prev, audit.Entry{
			At: time.Date(2026, 3, 2, 14, i, 0, 0, time.UTC), Actor: "u-1", Action: "task.complete"}))
		prev = &entries[i]
	}
	head := entries[len(entries)-1] // e.g. e-mailed to the privacy officer every night

	fmt.Println(audit.VerifyHead(entries, head.Seq, head.Hash))
	fmt.Println(audit.VerifyHead(entries[:2], head.Seq, head.Hash))
	// Output:
	// <nil>
	// audit: chain broken: entry 3 (position 2) truncated: anchored head 3 not found; the chain ends at 2
}
