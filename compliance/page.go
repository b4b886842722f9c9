package compliance

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"iter"

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
// cursor leaves dst alone and reports false.
func (q PageQuery) decode(dst any) (bool, error) {
	if q.Cursor == "" {
		return false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
	if err == nil {
		err = json.Unmarshal(b, dst)
	}
	if err != nil {
		return false, validation.New("compliance", "cursor", "is not a cursor this listing returned")
	}
	return true, nil
}

// encodeCursor returns the opaque cursor of a listing's position.
func encodeCursor(pos any) string {
	b, err := json.Marshal(pos)
	if err != nil {
		panic(fmt.Sprintf("compliance: cursor %T does not encode: %v", pos, err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
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
