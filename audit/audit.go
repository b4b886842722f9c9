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
	"github.com/hipaaops/hipaaops/record"
	"slices"
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
	ObjectType record.Kind `json:"object_type"`
	ObjectID   string      `json:"object_id"`
	// Digest is the hex SHA-256 of the change (see [Digest]).
	Digest string `json:"digest"`
	// EventSeq is the sequence number of the newest outbox event when the change was
	// recorded (0: none yet), so that verification notices events deleted from the
	// outbox.
	EventSeq uint64 `json:"event_seq"`
	// Prev is the hash of the entry before; empty for the first.
	Prev string `json:"prev"`
	// Hash is the hex SHA-256 of every field above.
	Hash string `json:"hash"`
	// KeyID names the key that authenticated the entry, so that keys can rotate.
	KeyID string `json:"key_id"`
	// Sig authenticates Hash with the key KeyID names (HMAC-SHA-256 or Ed25519),
	// base64url without padding.
	Sig string `json:"sig"`
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
		e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, string(e.ObjectType), e.ObjectID, e.Digest, e.Prev,
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
// compliance.Code sorts it as internal: the stored trail was altered.
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
//
// It first rebuilds the chain from the links alone (each entry's Prev is the hash of
// its predecessor), whatever order the entries are stored in, then compares:
//   - an entry whose fields do not give its hash was [Edited] (its successor still links
//     to it, so it keeps its place);
//   - an entry that does not belong to the rebuilt chain was [Inserted]: it repeats a
//     link (of two entries linking to the same predecessor, the one the rest of the
//     chain continues from is genuine), its number does not follow the entry it links
//     to, or it links to no entry and repeats a number;
//   - where the chain breaks (an entry links to a hash no entry has), the entries
//     between were [Deleted]; if no number is missing, the entry before the break had
//     its hash recomputed after an edit, and is reported [Edited];
//   - genuine entries stored out of their chain order were [Reordered]: the fewest
//     entries whose moving restores the order (the rest form the longest run in order).
func Verify(entries []Entry) error {
	v := verifier{entries: entries}
	v.run()
	if len(v.findings) == 0 {
		return nil
	}
	slices.SortStableFunc(v.findings, func(a, b Finding) int { return a.Index - b.Index })
	return &VerifyError{Findings: v.findings}
}

type verifier struct {
	entries  []Entry
	findings []Finding
	hashOK   []bool
	parent   []int   // index of the entry whose Hash is this entry's Prev, -1 if none
	children [][]int // entries whose Prev is this entry's Hash
	inserted []bool
	seq      []uint64 // the position in the rebuilt chain of each genuine entry, 0 otherwise
}

func (v *verifier) add(i int, p Problem, format string, args ...any) {
	v.findings = append(v.findings, Finding{Index: i, Seq: v.entries[i].Seq, Problem: p, Detail: fmt.Sprintf(format, args...)})
}

func (v *verifier) run() {
	es := v.entries
	n := len(es)
	v.hashOK, v.parent, v.children = make([]bool, n), make([]int, n), make([][]int, n)
	v.inserted, v.seq = make([]bool, n), make([]uint64, n)
	byHash := make(map[string]int, n)
	for i := range es {
		v.hashOK[i] = es[i].ComputeHash() == es[i].Hash
		if j, dup := byHash[es[i].Hash]; dup {
			v.markInserted(i, "copies the entry at position %d", j)
			continue
		}
		byHash[es[i].Hash] = i
	}
	var roots []int
	for i := range es {
		v.parent[i] = -1
		if v.inserted[i] {
			continue
		}
		if j, ok := byHash[es[i].Prev]; ok && es[i].Prev != "" && j != i {
			v.parent[i] = j
			v.children[j] = append(v.children[j], i)
		} else {
			roots = append(roots, i)
		}
	}
	// Segments of the chain start at the roots: the first entry, and any entry whose
	// predecessor is missing. They are taken in number order; the first entry first.
	slices.SortStableFunc(roots, func(a, b int) int {
		ga, gb := es[a].Prev == "" && es[a].Seq == 1, es[b].Prev == "" && es[b].Seq == 1
		switch {
		case ga != gb:
			if ga {
				return -1
			}
			return 1
		case es[a].Seq < es[b].Seq:
			return -1
		case es[a].Seq > es[b].Seq:
			return 1
		}
		return a - b
	})
	depth := v.depths()
	var tail = -1 // the last genuine entry so far
	var last uint64
	for _, r := range roots {
		if v.inserted[r] {
			continue
		}
		s := es[r].Seq
		switch {
		case es[r].Prev == "" && s == 1 && last == 0:
		case es[r].Prev == "" && last == 0 && !v.hashOK[r]:
			s = 1 // the first entry, its number edited
		case s <= last || s == 0:
			v.markInserted(r, "links to no entry of the chain and repeats number %d", s)
			continue
		case s > last+1:
			if last+1 == s-1 {
				v.add(r, Deleted, "entry %d is missing before it", last+1)
			} else {
				v.add(r, Deleted, "entries %d to %d are missing before it", last+1, s-1)
			}
		case tail >= 0:
			// No number is missing, yet the link is broken: an entry whose fields do not
			// give its hash is reported below; otherwise the entry before the break had
			// its hash recomputed after an edit.
			if v.hashOK[tail] && v.hashOK[r] {
				v.add(tail, Edited, "its hash was recomputed after an edit: entry %d links to another hash", s)
			}
		default: // numbered 1, but links to an entry that is not there
			v.markInserted(r, "claims to be the first entry but links to a predecessor")
			continue
		}
		tail, last = v.walk(r, s, depth)
	}
	for i := range es {
		if !v.inserted[i] && !v.hashOK[i] {
			v.add(i, Edited, "fields do not match the entry's hash")
		}
	}
	v.reordered()
}

// markInserted reports i and every entry linked after it as inserted.
func (v *verifier) markInserted(i int, format string, args ...any) {
	stack := []int{i}
	first := true
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v.inserted[k] {
			continue
		}
		v.inserted[k] = true
		if first {
			v.add(k, Inserted, format, args...)
			first = false
		} else {
			v.add(k, Inserted, "links to an inserted entry")
		}
		stack = append(stack, v.children[k]...)
	}
}

// depths returns, for each entry, the length of the longest chain of entries linked
// after it, itself included. Links that loop (possible only with forged hashes) end the
// chain.
func (v *verifier) depths() []int {
	d := make([]int, len(v.entries))
	state := make([]byte, len(v.entries)) // 0 new, 1 on the stack, 2 done
	type frame struct{ i, next int }
	for i := range v.entries {
		if state[i] != 0 {
			continue
		}
		stack := []frame{{i, 0}}
		state[i] = 1
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next < len(v.children[f.i]) {
				c := v.children[f.i][f.next]
				f.next++
				if state[c] == 0 {
					state[c] = 1
					stack = append(stack, frame{c, 0})
				}
				continue
			}
			best := 0
			for _, c := range v.children[f.i] {
				if state[c] == 2 {
					best = max(best, d[c])
				}
			}
			d[f.i] = best + 1
			state[f.i] = 2
			stack = stack[:len(stack)-1]
		}
	}
	return d
}

// walk follows the chain from the genuine entry r, numbered s, and returns its last
// entry and number. Where two entries link to the same one, the one the longer chain
// continues from is genuine (the earlier stored on a tie) and the other inserted.
func (v *verifier) walk(r int, s uint64, depth []int) (int, uint64) {
	es := v.entries
	i := r
	for {
		v.seq[i] = s
		next := -1
		for _, c := range v.children[i] {
			if v.inserted[c] || v.seq[c] != 0 {
				continue
			}
			if v.hashOK[c] && es[c].Seq != s+1 {
				v.markInserted(c, "numbered %d but links to entry %d", es[c].Seq, s)
				continue
			}
			if next < 0 || depth[c] > depth[next] {
				next = c
			}
		}
		for _, c := range v.children[i] {
			if c != next && !v.inserted[c] && v.seq[c] == 0 {
				v.markInserted(c, "links to entry %d, as the entry at position %d does, which the chain continues from", s, next)
			}
		}
		if next < 0 {
			return i, s
		}
		i, s = next, s+1
	}
}

// reordered reports the genuine entries that stand out of chain order: those outside
// the longest run of stored positions whose chain numbers increase.
func (v *verifier) reordered() {
	var pos []int // stored positions of the genuine entries
	for i := range v.entries {
		if v.seq[i] != 0 {
			pos = append(pos, i)
		}
	}
	// Longest increasing subsequence of v.seq over pos (patience sorting).
	tails, prev := []int{}, make([]int, len(pos))
	for k, i := range pos {
		j, _ := slices.BinarySearchFunc(tails, v.seq[i], func(t int, s uint64) int {
			return cmpUint(v.seq[pos[t]], s)
		})
		prev[k] = -1
		if j > 0 {
			prev[k] = tails[j-1]
		}
		if j == len(tails) {
			tails = append(tails, k)
		} else {
			tails[j] = k
		}
	}
	keep := make([]bool, len(pos))
	for k := len(tails) - 1; k >= 0 && len(tails) > 0; {
		keep[k] = true
		k = prev[k]
		if k < 0 {
			break
		}
	}
	if len(tails) > 0 {
		for k := range keep {
			keep[k] = false
		}
		for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
			keep[k] = true
		}
	}
	for k, i := range pos {
		if !keep[k] {
			v.add(i, Reordered, "belongs after entry %d", v.seq[i]-1)
		}
	}
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// VerifyHead verifies the chain and also that it reaches the head anchored earlier
// (its last entry's Seq and Hash), which detects entries cut off the end.
func VerifyHead(entries []Entry, headSeq uint64, headHash string) error {
	err := Verify(entries)
	var findings []Finding
	if err != nil {
		findings = err.(*VerifyError).Findings
	}
	found := headSeq == 0 && headHash == "" // an empty chain anchored as empty
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
