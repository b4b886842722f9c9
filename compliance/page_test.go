package compliance

import (
	"encoding/base64"
	"errors"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
)

// requireCursorRefused asserts that err is bad input on field "cursor".
func requireCursorRefused(t *testing.T, err error) {
	t.Helper()
	require.Equal(t, InvalidInput, Code(err), "%v", err)
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "cursor", verr.Field)
}

// TestCursorRoundTrip: a cursor decodes to the position it was made from, by the
// listing that made it.
func TestCursorRoundTrip(t *testing.T) {
	for _, pos := range []vendorCursor{
		{Name: "Vault PACS", ID: "vendor-1"},
		{Name: `Quotes "and" \slashes\ & ünïcode`, ID: "v/2"},
		{Name: "", ID: ""},
	} {
		c := encodeCursor(pos)
		_, err := base64.RawURLEncoding.DecodeString(c)
		require.NoError(t, err, "a cursor is URL-safe base64")
		var got vendorCursor
		ok, err := PageQuery{Cursor: c}.decode(&got)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, pos, got)
	}
	s := encodeCursor(seqCursor{Seq: 42})
	var got seqCursor
	ok, err := PageQuery{Cursor: s}.decode(&got)
	require.NoError(t, err)
	require.True(t, ok)
	assert.EqualValues(t, 42, got.Seq)

	t.Run("Empty", func(t *testing.T) {
		pos := vendorCursor{Name: "kept"}
		ok, err := PageQuery{}.decode(&pos)
		require.NoError(t, err)
		assert.False(t, ok)
		assert.Equal(t, vendorCursor{Name: "kept"}, pos, "an empty cursor leaves the position alone")
	})
}

// TestCursorTampered: a cursor edited, truncated, made up or made by another listing is
// refused as bad input on field "cursor" and leaves the position alone.
func TestCursorTampered(t *testing.T) {
	good := encodeCursor(vendorCursor{Name: "Vault PACS", ID: "vendor-1"})
	raw, err := base64.RawURLEncoding.DecodeString(good)
	require.NoError(t, err)
	flip := func(i int) string {
		b := append([]byte(nil), raw...)
		b[i] ^= 0x01
		return base64.RawURLEncoding.EncodeToString(b)
	}
	plain := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := map[string]string{
		"not base64":         "not a cursor!",
		"padded base64":      good + "==",
		"truncated":          good[:len(good)-3],
		"checksum only":      base64.RawURLEncoding.EncodeToString(raw[:4]),
		"checksum edited":    flip(0),
		"payload edited":     flip(len(raw) - 3),
		"bare JSON (no sum)": plain(`{"n":"Vault PACS","i":"vendor-1"}`),
		"null":               plain("null"),
		"another listing's":  encodeCursor(seqCursor{Seq: 3}),
		"same fields, other type": encodeCursor(struct {
			Name string     `json:"n"`
			ID   vendors.ID `json:"i"`
		}{"Vault PACS", "vendor-1"}),
	}
	for name, c := range tests {
		t.Run(name, func(t *testing.T) {
			pos := vendorCursor{Name: "kept"}
			ok, err := PageQuery{Cursor: c}.decode(&pos)
			requireCursorRefused(t, err)
			assert.False(t, ok)
			assert.Equal(t, vendorCursor{Name: "kept"}, pos)
		})
	}
	t.Run("unknown field", func(t *testing.T) {
		type wider struct {
			Name  string     `json:"n"`
			ID    vendors.ID `json:"i"`
			Extra int        `json:"x"`
		}
		// Same type name as the listing's, so only the unknown field gives it away.
		c := encodeCursorAs(vendorCursor{}, wider{"a", "b", 1})
		_, err := PageQuery{Cursor: c}.decode(&vendorCursor{})
		requireCursorRefused(t, err)
	})
}

// encodeCursorAs encodes payload with the checksum of pos's type, as a forger who knew
// the scheme would.
func encodeCursorAs(pos, payload any) string {
	c := encodeCursor(payload)
	raw, _ := base64.RawURLEncoding.DecodeString(c)
	body := raw[4:]
	sum := cursorSum(pos, body)
	b := []byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)}
	return base64.RawURLEncoding.EncodeToString(append(b, body...))
}

// TestPageSize: a zero limit is the default page size, the bounds are accepted, and a
// limit outside 1..MaxPageSize is refused on field "limit" (not clamped), as page.go
// documents.
func TestPageSize(t *testing.T) {
	tests := []struct {
		limit, want int
	}{
		{0, DefaultPageSize},
		{1, 1},
		{DefaultPageSize, DefaultPageSize},
		{MaxPageSize, MaxPageSize},
	}
	for _, tt := range tests {
		got, err := PageQuery{Limit: tt.limit}.size()
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "limit %d", tt.limit)
	}
	for _, limit := range []int{-1, -1000, MaxPageSize + 1, 1 << 40} {
		_, err := PageQuery{Limit: limit}.size()
		require.Equal(t, InvalidInput, Code(err), "limit %d", limit)
		var verr *validation.Error
		require.ErrorAs(t, err, &verr)
		assert.Equal(t, "limit", verr.Field)
	}
	assert.LessOrEqual(t, DefaultPageSize, MaxPageSize, "the default is bounded")
}

func seqOf(ns ...uint64) iter.Seq2[seqCursor, error] {
	return func(yield func(seqCursor, error) bool) {
		for _, n := range ns {
			if !yield(seqCursor{n}, nil) {
				return
			}
		}
	}
}

// TestCollectPage: a listing asked for limit+1 records gives a page of limit and the
// cursor after its last record; a listing that ends within the limit gives no cursor;
// an empty page is an empty list; a storage error is passed on, never as bad input.
func TestCollectPage(t *testing.T) {
	pos := func(s *seqCursor) seqCursor { return *s }
	p, err := collectPage(seqOf(1, 2, 3), 2, pos)
	require.NoError(t, err)
	assert.Equal(t, []seqCursor{{1}, {2}}, p.Items)
	var next seqCursor
	ok, err := PageQuery{Cursor: p.Next}.decode(&next)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, seqCursor{2}, next)

	p, err = collectPage(seqOf(1, 2), 2, pos)
	require.NoError(t, err)
	assert.Len(t, p.Items, 2)
	assert.Empty(t, p.Next, "the last page has no cursor")

	p, err = collectPage(seqOf(), 5, pos)
	require.NoError(t, err)
	assert.NotNil(t, p.Items)
	assert.Empty(t, p.Items)
	assert.Empty(t, p.Next)

	failing := func(yield func(seqCursor, error) bool) {
		if yield(seqCursor{1}, nil) {
			yield(seqCursor{}, storage.ErrUnavailable)
		}
	}
	p, err = collectPage(failing, 5, pos)
	require.ErrorIs(t, err, storage.ErrUnavailable)
	assert.Equal(t, Unavailable, Code(err))
	assert.False(t, errors.Is(err, validation.ErrInvalid))
	assert.Zero(t, p)
}
