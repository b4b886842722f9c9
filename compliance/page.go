package compliance

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"iter"
	"reflect"

	"github.com/hipaaops/hipaaops/validation"
)

// DefaultPageSize is the page size of a listing that names no Limit; MaxPageSize is
// the largest Limit a listing takes.
const (
	DefaultPageSize = 100
	MaxPageSize     = 1000
)

// Page is one page of a listing, in the listing's order.
type Page[T any] struct {
	// Items are the page's records; an empty page has an empty list.
	Items []T `json:"items"`
	// Next is the opaque cursor of the next page (pass it as the query's Cursor); empty
	// on the last page.
	Next string `json:"next,omitempty"`
}

// PageQuery is the part of every listing query that pages: zero fields give the first
// page of [DefaultPageSize].
type PageQuery struct {
	// Cursor is a previous page's Next; empty for the first page.
	Cursor string `json:"cursor,omitempty"`
	// Limit is the page size, 1 to [MaxPageSize]; 0 means [DefaultPageSize].
	Limit int `json:"limit,omitempty"`
}

// size returns the page size the query asks for, or a validation error.
func (q PageQuery) size() (int, error) {
	switch {
	case q.Limit == 0:
		return DefaultPageSize, nil
	case q.Limit < 0 || q.Limit > MaxPageSize:
		return 0, validation.New("compliance", "limit", "must be 1 to %d, got %d", MaxPageSize, q.Limit)
	}
	return q.Limit, nil
}

// decode reads the cursor into dst (a pointer to the listing's cursor struct); an empty
// cursor leaves dst alone and reports false. A cursor this kind of listing did not
// return (edited, truncated, or another listing's) is refused on field "cursor" and
// leaves dst alone.
func (q PageQuery) decode(dst any) (bool, error) {
	if q.Cursor == "" {
		return false, nil
	}
	bad := validation.New("compliance", "cursor", "is not a cursor this listing returned")
	b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
	if err != nil || len(b) <= crc32.Size {
		return false, bad
	}
	sum, payload := b[:crc32.Size], b[crc32.Size:]
	if binary.BigEndian.Uint32(sum) != cursorSum(dst, payload) || payload[0] != '{' {
		return false, bad
	}
	pos := reflect.New(reflect.TypeOf(dst).Elem())
	d := json.NewDecoder(bytes.NewReader(payload))
	d.DisallowUnknownFields()
	if err := d.Decode(pos.Interface()); err != nil || d.More() {
		return false, bad
	}
	reflect.ValueOf(dst).Elem().Set(pos.Elem())
	return true, nil
}

// cursorSum is the checksum of a cursor's payload for a position of pos's type (pos
// or a pointer to it): it binds the cursor to the kind of listing and detects an edit.
// It is not a signature; a cursor is opaque, not secret.
func cursorSum(pos any, payload []byte) uint32 {
	t := reflect.TypeOf(pos)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	h := crc32.NewIEEE()
	h.Write([]byte(t.PkgPath() + "." + t.Name() + "\x00"))
	h.Write(payload)
	return h.Sum32()
}

// encodeCursor returns the opaque cursor of a listing's position: the position as
// JSON after its checksum, base64url-encoded.
func encodeCursor(pos any) string {
	payload, err := json.Marshal(pos)
	if err != nil {
		panic(fmt.Sprintf("compliance: cursor %T does not encode: %v", pos, err))
	}
	b := binary.BigEndian.AppendUint32(make([]byte, 0, crc32.Size+len(payload)), cursorSum(pos, payload))
	return base64.RawURLEncoding.EncodeToString(append(b, payload...))
}

// collectPage drains a storage listing asked for limit+1 records: it returns the first
// limit as the page and, when there was one more, the cursor after the last of them.
func collectPage[T, C any](seq iter.Seq2[T, error], limit int, pos func(*T) C) (Page[T], error) {
	items := make([]T, 0, min(limit+1, 64))
	for v, err := range seq {
		if err != nil {
			return Page[T]{}, err
		}
		items = append(items, v)
	}
	p := Page[T]{Items: items}
	if len(items) > limit {
		p.Items = items[:limit]
		p.Next = encodeCursor(pos(&p.Items[limit-1]))
	}
	return p, nil
}

// collect drains a storage listing.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
