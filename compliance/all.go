package compliance

import "context"

// SetCursor sets the cursor of the page to read; [All] calls it between pages.
func (q *PageQuery) SetCursor(cursor string) { q.Cursor = cursor }

// Pager is a pointer to a listing query ([VendorQuery], [TaskQuery], [EventQuery] …):
// every one embeds [PageQuery], whose SetCursor it has.
type Pager[Q any] interface {
	*Q
	SetCursor(cursor string)
}

// All reads every page of a listing from q's position on, a page at a time, and returns
// their items in order: list is a service's List method, e.g.
//
//	open, err := compliance.All(ctx, clinic.Tasks().List, compliance.TaskQuery{Open: true})
//
// It stops at the first error and returns it, with no items. A listing with more
// records than one process should hold is better paged by hand, passing each page's
// Next as the next query's Cursor.
func All[T, Q any, P Pager[Q]](ctx context.Context, list func(context.Context, Q) (Page[T], error), q Q) ([]T, error) {
	out := []T{}
	for {
		page, err := list(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
		if page.Next == "" {
			return out, nil
		}
		P(&q).SetCursor(page.Next)
	}
}
