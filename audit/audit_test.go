package audit_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/hipaaops/hipaaops/record"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
)

// The audit trail is the library's answer to two Security Rule standards:
//
//   - 45 CFR 164.312(b) (audit controls): record and examine activity in systems that
//     contain or use ePHI — every use case appends an entry to the organization's chain;
//   - 45 CFR 164.312(c)(1) (integrity): protect ePHI from improper alteration or
//     destruction — the hash chain makes an edited, deleted, reordered or inserted entry
//     detectable, and Verify says where.

// base is the instant of the first entry; its nanoseconds let the tests see Next's
// truncation to the microsecond.
var base = time.Date(2026, 3, 2, 14, 5, 6, 123456789, time.UTC)

// chain builds a valid chain of n entries with audit.Next, as the engine does.
func chain(t *testing.T, n int) []audit.Entry {
	t.Helper()
	out := make([]audit.Entry, 0, n)
	for i := range n {
		digest, err := audit.Digest(map[string]any{"step": i, "status": "signed"})
		require.NoError(t, err)
		e := audit.Entry{
			At:         base.Add(time.Duration(i) * time.Minute),
			Actor:      fmt.Sprintf("user-%d", i%2),
			Action:     fmt.Sprintf("baa.step%d", i),
			ObjectType: "vendor",
			ObjectID:   fmt.Sprintf("v-%d", i),
			Digest:     digest,
		}
		var prev *audit.Entry
		if i > 0 {
			prev = &out[i-1]
		}
		out = append(out, audit.Next(prev, e))
	}
	return out
}

// findings returns the findings of a *audit.VerifyError, failing the test if err is not one.
func findings(t *testing.T, err error) []audit.Finding {
	t.Helper()
	require.Error(t, err)
	var verr *audit.VerifyError
	require.True(t, errors.As(err, &verr), "error %v (%T) is not a *audit.VerifyError", err, err)
	return verr.Findings
}

// forge returns a forged entry linked after prev with a correct hash, as an attacker with
// write access to the store and this package could build it.
func forge(prev *audit.Entry) audit.Entry {
	return audit.Next(prev, audit.Entry{
		At:         base.Add(150 * time.Second),
		Actor:      "intruder",
		Action:     "baa.delete",
		ObjectType: "vendor",
		ObjectID:   "v-99",
	})
}

func insertAt(entries []audit.Entry, i int, e audit.Entry) []audit.Entry {
	return slices.Insert(entries, i, e)
}

// 45 CFR 164.312(b): a chain built with Next links every entry to the one before.
func TestNextBuildsLinkedChain(t *testing.T) {
	c := chain(t, 6)
	for i, e := range c {
		assert.Equal(t, uint64(i+1), e.Seq, "entry %d", i)
		assert.Equal(t, e.ComputeHash(), e.Hash, "entry %d", i)
		assert.Len(t, e.Hash, 64, "entry %d hash is hex SHA-256", i)
		if i == 0 {
			assert.Empty(t, e.Prev, "first entry has no predecessor")
		} else {
			assert.Equal(t, c[i-1].Hash, e.Prev, "entry %d links to entry %d", i, i-1)
		}
	}
	require.NoError(t, audit.Verify(c))
}

func TestNextOverridesSeqAndPrev(t *testing.T) {
	prev := audit.Next(nil, audit.Entry{At: base, Action: "org.create"})

	first := audit.Next(nil, audit.Entry{Seq: 42, Prev: "bogus", Hash: "bogus", At: base, Action: "org.create"})
	assert.Equal(t, uint64(1), first.Seq)
	assert.Empty(t, first.Prev)
	assert.Equal(t, prev.Hash, first.Hash, "caller-supplied Seq, Prev and Hash are ignored")

	second := audit.Next(&prev, audit.Entry{Seq: 7, Prev: "bogus", At: base, Action: "vendor.add"})
	assert.Equal(t, uint64(2), second.Seq)
	assert.Equal(t, prev.Hash, second.Prev)
	assert.Equal(t, second.ComputeHash(), second.Hash)
}

func TestNextTruncatesAtToMicrosecondUTC(t *testing.T) {
	chicago, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	tests := []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"UTC with nanoseconds", time.Date(2026, 3, 2, 14, 5, 6, 123456789, time.UTC),
			time.Date(2026, 3, 2, 14, 5, 6, 123456000, time.UTC)},
		{"other zone converted to UTC", time.Date(2026, 3, 2, 8, 5, 6, 999999999, chicago),
			time.Date(2026, 3, 2, 14, 5, 6, 999999000, time.UTC)},
		{"already microseconds", time.Date(2026, 3, 2, 14, 5, 6, 5000, time.UTC),
			time.Date(2026, 3, 2, 14, 5, 6, 5000, time.UTC)},
		{"sub-microsecond only", time.Date(2026, 3, 2, 14, 5, 6, 999, time.UTC),
			time.Date(2026, 3, 2, 14, 5, 6, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := audit.Next(nil, audit.Entry{At: tt.at, Action: "x"})
			assert.Equal(t, tt.want, e.At, "At %s", e.At.Format(time.RFC3339Nano))
			assert.Equal(t, time.UTC, e.At.Location())
			assert.Equal(t, e.ComputeHash(), e.Hash, "hash covers the truncated time")
		})
	}
}

// A store that keeps microseconds (every supported one does) round-trips an entry
// without breaking its hash: 45 CFR 164.312(c)(1).
func TestChainSurvivesJSONRoundTrip(t *testing.T) {
	c := chain(t, 6)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back []audit.Entry
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back, 6)
	require.NoError(t, audit.Verify(back))
	assert.Equal(t, c[5].Hash, back[5].ComputeHash())
}

func TestComputeHashDeterministic(t *testing.T) {
	e := audit.Entry{
		Seq: 3, At: time.Date(2026, 3, 2, 14, 5, 6, 123456000, time.UTC),
		Actor: "user-1", Action: "baa.sign", ObjectType: "vendor", ObjectID: "v-1",
		Digest: "d", Prev: "p",
	}
	first := e.ComputeHash()
	assert.Equal(t, first, e.ComputeHash(), "same entry, same hash")
	cp := e
	assert.Equal(t, first, cp.ComputeHash(), "a copy hashes the same")
	// Golden value of format "hipaaops.audit.v1" (domain tag, big-endian Seq, then each
	// string field length-prefixed). Every stored chain depends on it: a change here
	// makes every existing entry look edited.
	assert.Equal(t, "49ee9d84299c0f2de8c53ce27c23436e5f094aed2ce16a59ae87da81df31db65", first)
}

// 45 CFR 164.312(c)(1): every field an attacker could alter changes the hash.
func TestComputeHashSensitiveToEveryField(t *testing.T) {
	orig := audit.Entry{
		Seq: 3, At: time.Date(2026, 3, 2, 14, 5, 6, 123456000, time.UTC),
		Actor: "ab", Action: "c", ObjectType: "vendor", ObjectID: "v-1",
		Digest: "0f0f", Prev: "abcd",
	}
	origHash := orig.ComputeHash()

	changes := []struct {
		name   string
		change func(e *audit.Entry)
	}{
		{"Seq", func(e *audit.Entry) { e.Seq = 4 }},
		{"At microsecond", func(e *audit.Entry) { e.At = e.At.Add(time.Microsecond) }},
		{"At nanosecond", func(e *audit.Entry) { e.At = e.At.Add(time.Nanosecond) }},
		{"At year", func(e *audit.Entry) { e.At = e.At.AddDate(1, 0, 0) }},
		{"Actor", func(e *audit.Entry) { e.Actor = "ab2" }},
		{"Action", func(e *audit.Entry) { e.Action = "d" }},
		{"ObjectType", func(e *audit.Entry) { e.ObjectType = "task" }},
		{"ObjectID", func(e *audit.Entry) { e.ObjectID = "v-2" }},
		{"Digest", func(e *audit.Entry) { e.Digest = "0f0e" }},
		{"Prev", func(e *audit.Entry) { e.Prev = "abce" }},
		{"Prev emptied", func(e *audit.Entry) { e.Prev = "" }},
		// Length prefixes keep field boundaries: moving a byte from one field to the
		// next must not give the same hash.
		{"byte moved Actor to Action", func(e *audit.Entry) { e.Actor, e.Action = "a", "bc" }},
		{"byte moved ObjectType to ObjectID", func(e *audit.Entry) { e.ObjectType, e.ObjectID = "vendorv", "-1" }},
		{"fields swapped", func(e *audit.Entry) { e.ObjectType, e.ObjectID = record.Kind(e.ObjectID), string(e.ObjectType) }},
	}
	seen := map[string]string{origHash: "original"}
	for _, tt := range changes {
		t.Run(tt.name, func(t *testing.T) {
			e := orig
			tt.change(&e)
			h := e.ComputeHash()
			assert.NotEqual(t, origHash, h)
			if other, dup := seen[h]; dup {
				t.Errorf("hash equals the one of %q", other)
			}
			seen[h] = tt.name
		})
	}

	unchanged := []struct {
		name   string
		change func(e *audit.Entry)
	}{
		{"Hash itself is not hashed", func(e *audit.Entry) { e.Hash = "anything" }},
		{"same instant in another zone", func(e *audit.Entry) { e.At = e.At.In(time.FixedZone("UTC-6", -6*3600)) }},
	}
	for _, tt := range unchanged {
		t.Run(tt.name, func(t *testing.T) {
			e := orig
			tt.change(&e)
			assert.Equal(t, origHash, e.ComputeHash())
		})
	}
}

func TestDigest(t *testing.T) {
	sum := func(s string) string {
		b := sha256.Sum256([]byte(s))
		return hex.EncodeToString(b[:])
	}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"map keys sorted", map[string]int{"b": 2, "a": 1}, sum(`{"a":1,"b":2}`)},
		{"struct", struct {
			Status string `json:"status"`
		}{"signed"}, sum(`{"status":"signed"}`)},
		{"nil", nil, sum(`null`)},
		{"string", "x", sum(`"x"`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := audit.Digest(tt.v)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}

	t.Run("different values differ", func(t *testing.T) {
		a, err := audit.Digest(map[string]string{"status": "signed"})
		require.NoError(t, err)
		b, err := audit.Digest(map[string]string{"status": "expired"})
		require.NoError(t, err)
		assert.NotEqual(t, a, b)
	})

	t.Run("unencodable value", func(t *testing.T) {
		got, err := audit.Digest(make(chan int))
		require.Error(t, err)
		assert.Empty(t, got)
		assert.Contains(t, err.Error(), "audit: digest:")
		var jerr *json.UnsupportedTypeError
		assert.True(t, errors.As(err, &jerr), "wraps the encoding error, got %T", err)
	})
}

func TestVerifyIntactChains(t *testing.T) {
	tests := []struct {
		name    string
		entries []audit.Entry
	}{
		{"nil", nil},
		{"empty", []audit.Entry{}},
		{"one entry", chain(t, 1)},
		{"six entries", chain(t, 6)},
		// A chain read from the start of a long trail verifies on its own.
		{"prefix", chain(t, 6)[:3]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NoError(t, audit.Verify(tt.entries))
		})
	}
}

// 45 CFR 164.312(c)(1): Verify detects an edited entry whose hash was left as it was
// and names its position and sequence number.
func TestVerifyDetectsEditedField(t *testing.T) {
	edits := []struct {
		name string
		edit func(e *audit.Entry)
	}{
		{"Action", func(e *audit.Entry) { e.Action = "baa.unsign" }},
		{"Digest", func(e *audit.Entry) { e.Digest = "00" + e.Digest[2:] }},
		{"Actor", func(e *audit.Entry) { e.Actor = "user-9" }},
		{"At", func(e *audit.Entry) { e.At = e.At.Add(-24 * time.Hour) }},
		{"ObjectType", func(e *audit.Entry) { e.ObjectType = "task" }},
		{"ObjectID", func(e *audit.Entry) { e.ObjectID = "v-9" }},
		{"Prev", func(e *audit.Entry) { e.Prev = "0000" }},
	}
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			c := chain(t, 6)
			tt.edit(&c[2])
			got := findings(t, audit.Verify(c))
			assert.Equal(t, []audit.Finding{
				{Index: 2, Seq: 3, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
			}, got)
		})
	}
}

// 45 CFR 164.312(b), 164.312(c)(1): each kind of tampering is reported with its kind,
// the position in the slice and the entry's sequence number.
func TestVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(c []audit.Entry) []audit.Entry
		want   []audit.Finding
	}{
		{
			name:   "edited middle entry",
			tamper: func(c []audit.Entry) []audit.Entry { c[3].Action = "baa.forged"; return c },
			want: []audit.Finding{
				{Index: 3, Seq: 4, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
			},
		},
		{
			name:   "edited last entry",
			tamper: func(c []audit.Entry) []audit.Entry { c[5].ObjectID = "v-x"; return c },
			want: []audit.Finding{
				{Index: 5, Seq: 6, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
			},
		},
		{
			// The forger recomputes the edited entry's hash: the break shows at the next
			// entry, which no longer links to the one before it.
			name: "edited middle entry with hash recomputed",
			tamper: func(c []audit.Entry) []audit.Entry {
				c[2].Action = "baa.forged"
				c[2].Hash = c[2].ComputeHash()
				return c
			},
			want: []audit.Finding{
				{Index: 2, Seq: 3, Problem: audit.Edited, Detail: "its hash was recomputed after an edit: entry 4 links to another hash"},
			},
		},
		{
			name:   "hash field overwritten",
			tamper: func(c []audit.Entry) []audit.Entry { c[2].Hash = "deadbeef"; return c },
			want: []audit.Finding{
				{Index: 2, Seq: 3, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
			},
		},
		{
			name:   "deleted middle entry",
			tamper: func(c []audit.Entry) []audit.Entry { return slices.Delete(c, 2, 3) },
			want: []audit.Finding{
				{Index: 2, Seq: 4, Problem: audit.Deleted, Detail: "entry 3 is missing before it"},
			},
		},
		{
			name:   "deleted two middle entries",
			tamper: func(c []audit.Entry) []audit.Entry { return slices.Delete(c, 1, 3) },
			want: []audit.Finding{
				{Index: 1, Seq: 4, Problem: audit.Deleted, Detail: "entries 2 to 3 are missing before it"},
			},
		},
		{
			name:   "deleted first entry",
			tamper: func(c []audit.Entry) []audit.Entry { return c[1:] },
			want: []audit.Finding{
				{Index: 0, Seq: 2, Problem: audit.Deleted, Detail: "entry 1 is missing before it"},
			},
		},
		{
			name: "swapped adjacent middle entries",
			tamper: func(c []audit.Entry) []audit.Entry {
				c[2], c[3] = c[3], c[2]
				return c
			},
			want: []audit.Finding{
				{Index: 2, Seq: 4, Problem: audit.Reordered, Detail: "belongs after entry 3"},
			},
		},
		{
			name: "swapped first two entries",
			tamper: func(c []audit.Entry) []audit.Entry {
				c[0], c[1] = c[1], c[0]
				return c
			},
			want: []audit.Finding{
				{Index: 0, Seq: 2, Problem: audit.Reordered, Detail: "belongs after entry 1"},
			},
		},
		{
			name: "swapped distant entries",
			tamper: func(c []audit.Entry) []audit.Entry {
				c[1], c[4] = c[4], c[1]
				return c
			},
			want: []audit.Finding{
				{Index: 1, Seq: 5, Problem: audit.Reordered, Detail: "belongs after entry 4"},
				{Index: 4, Seq: 2, Problem: audit.Reordered, Detail: "belongs after entry 1"},
			},
		},
		{
			// A forged entry with a valid hash but no link to the real chain.
			name: "inserted forged entry not linked",
			tamper: func(c []audit.Entry) []audit.Entry {
				f := audit.Entry{Seq: 4, At: base, Actor: "intruder", Action: "baa.delete", Prev: "feed"}
				f.Hash = f.ComputeHash()
				return insertAt(c, 3, f)
			},
			want: []audit.Finding{
				{Index: 3, Seq: 4, Problem: audit.Inserted, Detail: "links to no entry of the chain and repeats number 4"},
			},
		},
		{
			name: "duplicated entry",
			tamper: func(c []audit.Entry) []audit.Entry {
				return insertAt(c, 3, c[2])
			},
			want: []audit.Finding{
				{Index: 3, Seq: 3, Problem: audit.Inserted, Detail: "copies the entry at position 2"},
			},
		},
		{
			name: "inserted forged entry linked at the end",
			tamper: func(c []audit.Entry) []audit.Entry {
				// Appending with Next is what a legitimate writer does too: only the anchored
				// head (VerifyHead) can tell. Here the forger reuses Seq 6 after entry 6.
				f := forge(&c[4])
				return append(c, f)
			},
			want: []audit.Finding{
				{Index: 6, Seq: 6, Problem: audit.Inserted, Detail: "links to entry 5, as the entry at position 5 does, which the chain continues from"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.tamper(chain(t, 6))
			err := audit.Verify(c)
			got := findings(t, err)
			assert.Equal(t, tt.want, got)
			for _, f := range tt.want {
				assert.Contains(t, err.Error(), fmt.Sprintf("entry %d (position %d) %s: %s", f.Seq, f.Index, f.Problem, f.Detail))
			}
		})
	}
}

// 45 CFR 164.312(c)(1): a forged entry built with Next after a genuine entry (right
// sequence number, right link, right hash) is detected and named: entry 5 links to the
// genuine entry 4, so the other entry 4 is the inserted one.
func TestVerifyNamesInsertedForgedEntry(t *testing.T) {
	c := chain(t, 6)
	c = insertAt(c, 3, forge(&c[2])) // forged Seq 4 at position 3, genuine Seq 4 at 4

	got := findings(t, audit.Verify(c))
	require.NotEmpty(t, got)
	assert.Equal(t, audit.Inserted, got[0].Problem)
	assert.Equal(t, uint64(4), got[0].Seq)

	// Only the genuine entry 4 (position 4) is linked to by entry 5; the forged one at
	// position 3 is the inserted entry.
	assert.Equal(t, 3, got[0].Index)
	assert.Len(t, got, 1, "only the forged entry is reported: %v", got)
}

// 45 CFR 164.312(c)(1): a forged entry carrying a sequence number beyond the end is
// detected and named, not the genuine entries after it.
func TestVerifyNamesForgedEntryWithFutureSeq(t *testing.T) {
	c := chain(t, 6)
	f := forge(&c[2])
	f.Seq = 7
	f.Hash = f.ComputeHash()
	c = insertAt(c, 3, f)

	got := findings(t, audit.Verify(c))
	require.NotEmpty(t, got)
	indexes := make([]int, 0, len(got))
	for _, x := range got {
		indexes = append(indexes, x.Index)
	}
	assert.Equal(t, []int{3}, indexes, "only the forged entry is reported: %v", got)
}

func TestVerifyErrorMessage(t *testing.T) {
	err := &audit.VerifyError{Findings: []audit.Finding{
		{Index: 2, Seq: 3, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
		{Index: 4, Seq: 6, Problem: audit.Deleted, Detail: "entries 5 to 5 are missing"},
	}}
	assert.Equal(t,
		"audit: chain broken: entry 3 (position 2) edited: fields do not match the entry's hash; "+
			"entry 6 (position 4) deleted: entries 5 to 5 are missing",
		err.Error())

	wrapped := fmt.Errorf("nightly check: %w", err)
	var verr *audit.VerifyError
	require.True(t, errors.As(wrapped, &verr))
	assert.Same(t, err, verr)
}

// An embedder anchors the head outside the store; VerifyHead detects entries cut off the
// end, which the chain alone cannot show. 45 CFR 164.312(b), 164.312(c)(1).
func TestVerifyHead(t *testing.T) {
	full := chain(t, 6)
	head := full[5]
	tests := []struct {
		name     string
		entries  []audit.Entry
		headSeq  uint64
		headHash string
		want     []audit.Finding
	}{
		{name: "complete chain", entries: full, headSeq: head.Seq, headHash: head.Hash},
		{name: "grew since anchored", entries: full, headSeq: full[3].Seq, headHash: full[3].Hash},
		{
			name: "last two entries cut off", entries: full[:4], headSeq: head.Seq, headHash: head.Hash,
			want: []audit.Finding{
				{Index: 4, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 4"},
			},
		},
		{
			name: "last entry cut off", entries: full[:5], headSeq: head.Seq, headHash: head.Hash,
			want: []audit.Finding{
				{Index: 5, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 5"},
			},
		},
		{
			name: "everything cut off", entries: nil, headSeq: head.Seq, headHash: head.Hash,
			want: []audit.Finding{
				{Index: 0, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 0"},
			},
		},
		{
			// The last entries were replaced by a forged tail with the right numbers.
			name: "tail replaced", entries: append(slices.Clone(full[:5]), forge(&full[4])), headSeq: head.Seq, headHash: head.Hash,
			want: []audit.Finding{
				{Index: 6, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 6"},
			},
		},
		{
			name: "wrong anchored hash", entries: full, headSeq: head.Seq, headHash: full[4].Hash,
			want: []audit.Finding{
				{Index: 6, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 6"},
			},
		},
		{
			name: "truncated and edited", entries: func() []audit.Entry {
				c := slices.Clone(full[:4])
				c[1].Actor = "user-9"
				return c
			}(), headSeq: head.Seq, headHash: head.Hash,
			want: []audit.Finding{
				{Index: 1, Seq: 2, Problem: audit.Edited, Detail: "fields do not match the entry's hash"},
				{Index: 4, Seq: 6, Problem: audit.Truncated, Detail: "anchored head 6 not found; the chain ends at 4"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := audit.VerifyHead(tt.entries, tt.headSeq, tt.headHash)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tt.want, findings(t, err))
		})
	}
}

// 45 CFR 164.312(c)(1): an edited sequence number is detected at the edited entry.
func TestVerifyDetectsEditedSeq(t *testing.T) {
	tests := []struct {
		name    string
		seq     uint64
		problem audit.Problem
	}{
		{"raised past the end", 9, audit.Edited},
		{"lowered to a used number", 2, audit.Edited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := chain(t, 6)
			c[2].Seq = tt.seq
			got := findings(t, audit.Verify(c))
			require.NotEmpty(t, got)
			assert.Equal(t, 2, got[0].Index)
			assert.Equal(t, tt.seq, got[0].Seq)
			assert.Equal(t, tt.problem, got[0].Problem)
		})
	}
}
