// Package audit is the tamper-evident audit trail: one hash chain per organization.
//
// Each [Entry] holds the hash of the entry before it, the actor, the action, the object
// and a digest of the change, and its own hash over all of those. [Verify] walks a chain
// and reports each entry that was edited, deleted, reordered or inserted.
//
// A chain proves its own order and content; it cannot prove that entries after the last
// one were not cut off. An embedder that needs that anchors the head ([Entry.Hash] of the
// last entry) somewhere else, e.g. in a daily e-mail or a write-once bucket, and passes it
// to [VerifyHead].
//
// The package is pure: entries are built from values the caller supplies, including the
// time.
package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Entry is one link of an organization's audit chain.
type Entry struct {
	// Seq numbers the entries of one organization from 1, without gaps.
	Seq uint64 `json:"seq"`
	// At is when the use case ran, in UTC, to the microsecond.
	At time.Time `json:"at"`
	// Actor identifies who acted.
	Actor string `json:"actor"`
	// Action names the use case, e.g. "baa.sign".
	Action string `json:"action"`
	// ObjectType and ObjectID name what changed.
	ObjectType string `json:"object_type"`
	ObjectID   string `json:"object_id"`
	// Digest is the hex SHA-256 of the change (see [Digest]).
	Digest string `json:"digest"`
	// Prev is the hash of the entry before; empty for the first.
	Prev string `json:"prev"`
	// Hash is the hex SHA-256 of every field above.
	Hash string `json:"hash"`
}

// ComputeHash returns the hash the entry's fields give; it equals Hash unless the entry
// was altered.
func (e *Entry) ComputeHash() string {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], e.Seq)
	h.Write([]byte("hipaaops.audit.v1"))
	h.Write(n[:])
	for _, s := range []string{
		e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.ObjectType, e.ObjectID, e.Digest, e.Prev,
	} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Digest returns the hex SHA-256 of v's JSON encoding: a fingerprint of a change that
// proves what was written without copying it into the trail.
func Digest(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit: digest: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Next returns e linked after prev (nil for the first entry): its Seq, Prev and Hash set
// and At truncated to the microsecond, which every store keeps exactly.
func Next(prev *Entry, e Entry) Entry {
	e.Seq, e.Prev = 1, ""
	if prev != nil {
		e.Seq, e.Prev = prev.Seq+1, prev.Hash
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Hash = e.ComputeHash()
	return e
}

// Problem is a kind of tampering.
type Problem string

// Problems Verify detects.
const (
	// Edited: the entry's fields do not give its hash.
	Edited Problem = "edited"
	// Deleted: entries are missing before this one.
	Deleted Problem = "deleted"
	// Reordered: the entry stands out of its place in the chain.
	Reordered Problem = "reordered"
	// Inserted: the entry does not belong to the chain (it repeats a number or does not
	// link to the entry before it).
	Inserted Problem = "inserted"
	// Truncated: the chain ends before the head the caller anchored.
	Truncated Problem = "truncated"
)

// Finding is one problem at one place in the chain.
type Finding struct {
	// Index is the position in the entries given to Verify.
	Index int
	// Seq is the sequence number the entry carries.
	Seq     uint64
	Problem Problem
	Detail  string
}

// VerifyError lists every finding; it is returned by Verify when the chain is broken.
type VerifyError struct {
	Findings []Finding
}

// Error summarizes the findings.
func (e *VerifyError) Error() string {
	parts := make([]string, 0, len(e.Findings))
	for _, f := range e.Findings {
		parts = append(parts, fmt.Sprintf("entry %d (position %d) %s: %s", f.Seq, f.Index, f.Problem, f.Detail))
	}
	return "audit: chain broken: " + strings.Join(parts, "; ")
}

// Verify checks a chain given in stored order. It returns nil when every entry's hash
// matches its fields, the numbers run 1, 2, 3… and each entry links to the one before;
// otherwise a [*VerifyError] that names each problem and where it is.
func Verify(entries []Entry) error {
	byHash := make(map[string]int, len(entries))
	for i := range entries {
		byHash[entries[i].Hash] = i
	}
	seen := make(map[uint64]bool, len(entries))
	var findings []Finding
	add := func(i int, p Problem, format string, args ...any) {
		findings = append(findings, Finding{Index: i, Seq: entries[i].Seq, Problem: p, Detail: fmt.Sprintf(format, args...)})
	}
	var prevSeq uint64
	prevHash := ""
	for i := range entries {
		e := &entries[i]
		want := prevSeq + 1
		hashOK := e.ComputeHash() == e.Hash
		switch {
		case seen[e.Seq]:
			add(i, Inserted, "sequence number %d appears twice", e.Seq)
		case e.Seq < want:
			add(i, Reordered, "stands after entry %d", prevSeq)
		case e.Seq > want && e.Prev != prevHash && !linksElsewhere(byHash, e.Prev, i):
			add(i, Deleted, "entries %d to %d are missing", want, e.Seq-1)
		case !hashOK:
			add(i, Edited, "fields do not match the entry's hash")
		case e.Prev != prevHash:
			if j, ok := byHash[e.Prev]; ok && j != i-1 {
				add(i, Reordered, "links to entry %d, which stands at position %d", entries[j].Seq, j)
			} else {
				add(i, Inserted, "does not link to the entry before it")
			}
		}
		seen[e.Seq] = true
		if e.Seq > prevSeq {
			prevSeq = e.Seq
		}
		prevHash = e.Hash
	}
	if len(findings) > 0 {
		return &VerifyError{Findings: findings}
	}
	return nil
}

func linksElsewhere(byHash map[string]int, prev string, i int) bool {
	j, ok := byHash[prev]
	return ok && j != i-1
}

// VerifyHead verifies the chain and also that it reaches the head anchored earlier
// (its last entry's Seq and Hash), which detects entries cut off the end.
func VerifyHead(entries []Entry, headSeq uint64, headHash string) error {
	err := Verify(entries)
	var findings []Finding
	if err != nil {
		findings = err.(*VerifyError).Findings
	}
	found := false
	for i := range entries {
		if entries[i].Seq == headSeq && entries[i].Hash == headHash {
			found = true
			break
		}
	}
	if !found {
		var last uint64
		if n := len(entries); n > 0 {
			last = entries[n-1].Seq
		}
		findings = append(findings, Finding{Index: len(entries), Seq: headSeq, Problem: Truncated,
			Detail: fmt.Sprintf("anchored head %d not found; the chain ends at %d", headSeq, last)})
	}
	if len(findings) > 0 {
		return &VerifyError{Findings: findings}
	}
	return nil
}
