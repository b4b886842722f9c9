package storagetest

import (
	"encoding/json"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/validation"
)

// collection describes one aggregate's storage to the generic CRUD suite, which runs one
// body over every aggregate the way Go CDK's drivertest runs one over several
// collections: whatever an aggregate's Get, Create and Update must do, each does.
type collection[K comparable, V any] struct {
	// name prefixes the tests' names ("Vendor").
	name string
	// records returns the aggregate's records in a transaction.
	records func(tx storage.Tx) storage.Records[K, V]
	key     func(*V) K
	version func(*V) *int64
	// make returns value i, with every field the aggregate has set: the keys of
	// different i differ, and the values vary in what the listings filter and order by
	// (with ties, so that the key decides). The same i always gives the same value.
	make func(i int) V
	// change makes a change of a stored value that an update must keep.
	change func(*V)
	// badEnum sets an enum field to a value that has no encoding; nil when the aggregate
	// has none.
	badEnum func(*V)
	// single is set for the organization's profile: one record per handle, keyed by it.
	// The tests that need two records of one organization, or one key in two, do not run.
	single bool
	// pages are the aggregate's listings, each checked for order, filtering and paging.
	pages []pager[V]
}

// pager is one listing of an aggregate.
type pager[V any] struct {
	name string
	// keep reports which stored values the listing returns.
	keep func(*V) bool
	// order is the listing's order.
	order func(a, b *V) int
	// list lists from after the given value (nil: from the start), at most limit (0: all).
	list func(tx storage.Tx, after *V, limit int) iter.Seq2[V, error]
	// unpaged is set for a listing without a cursor or a limit (the decisions of a
	// catalog version, a small fixed set): only its order and filter are checked.
	unpaged bool
}

// suite returns the generic tests of the collection.
func (c collection[K, V]) suite() []test {
	tests := []test{
		{c.name + "/CRUD/RoundTrip", "Create stores version 1 whatever the value's version and sets it; Get returns the whole value; Update at the stored version keeps the change and advances the version", c.roundTrip},
		{c.name + "/CRUD/CreateDuplicate", "Create of a key that is stored is ErrExists and keeps the stored value", c.createDuplicate},
		{c.name + "/CRUD/GetMissing", "Get of a key never created is ErrNotFound", c.getMissing},
		{c.name + "/CRUD/UpdateStale", "Update with a version that is not the stored one (behind or ahead) is ErrConflict and changes nothing", c.updateStale},
		{c.name + "/CRUD/UpdateMissing", "Update of a key never created is ErrNotFound and creates nothing", c.updateMissing},
		{c.name + "/CRUD/CopiesIn", "changing a value after Create or Update, however deep, does not change what is stored", c.copiesIn},
		{c.name + "/CRUD/CopiesOut", "changing a value Get or a listing returned, however deep, does not change what is stored", c.copiesOut},
		{c.name + "/CRUD/Rollback", "a Create or Update in a failed transaction leaves nothing behind", c.rollback},
		{c.name + "/CRUD/OtherOrganization", "another organization neither sees, nor updates, the record; its own record of that key is its own", c.otherOrg},
	}
	if c.badEnum != nil {
		tests = append(tests, test{c.name + "/CRUD/UnknownEnum", "a value with an enum value that has no encoding is refused with its validation error, by Create and by Update, and nothing is written", c.unknownEnum})
	}
	for _, p := range c.pages {
		tests = append(tests, test{c.name + "/Page/" + p.name, "the listing returns the values it keeps in its order, and pages of any limit, each continuing after the last value of the one before, return each of them once, in order", func(t *testing.T, s storage.Store) { c.paging(t, s, p) }})
	}
	return tests
}

func (c collection[K, V]) get(s storage.Store, o org.ID, k K) (v V, err error) {
	err = s.Org(o).View(ctx, func(tx storage.Tx) (err error) { v, err = c.records(tx).Get(ctx, k); return err })
	return v, err
}

func (c collection[K, V]) create(s storage.Store, o org.ID, v *V) error {
	return s.Org(o).Update(ctx, func(tx storage.Tx) error { return c.records(tx).Create(ctx, v) })
}

func (c collection[K, V]) update(s storage.Store, o org.ID, v *V) error {
	return s.Org(o).Update(ctx, func(tx storage.Tx) error { return c.records(tx).Update(ctx, v) })
}

// stored returns value i as Create stores it: at version 1.
func (c collection[K, V]) stored(i int) V {
	v := c.make(i)
	*c.version(&v) = 1
	return v
}

// requireStored checks that the store holds want under its key in organization o.
func (c collection[K, V]) requireStored(t *testing.T, s storage.Store, o org.ID, want V, msg string) {
	t.Helper()
	got, err := c.get(s, o, c.key(&want))
	require.NoError(t, err, msg)
	sameValue(t, want, got, msg)
}

func (c collection[K, V]) requireMissing(t *testing.T, s storage.Store, o org.ID, k K, msg string) {
	t.Helper()
	_, err := c.get(s, o, k)
	require.ErrorIs(t, err, storage.ErrNotFound, msg)
}

func (c collection[K, V]) roundTrip(t *testing.T, s storage.Store) {
	v := c.make(0)
	*c.version(&v) = 42
	require.NoError(t, c.create(s, orgA, &v))
	require.EqualValues(t, 1, *c.version(&v), "Create sets the version")
	c.requireStored(t, s, orgA, c.stored(0), "read back after Create")
	got, err := c.get(s, orgA, c.key(&v))
	require.NoError(t, err)
	c.change(&got)
	require.NoError(t, c.update(s, orgA, &got))
	require.EqualValues(t, 2, *c.version(&got), "Update advances the version")
	c.requireStored(t, s, orgA, got, "read back after Update")
	c.change(&got)
	require.NoError(t, c.update(s, orgA, &got))
	require.EqualValues(t, 3, *c.version(&got))
	c.requireStored(t, s, orgA, got, "read back after a second Update")
}

func (c collection[K, V]) createDuplicate(t *testing.T, s storage.Store) {
	v := c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	dup := c.make(0)
	c.change(&dup)
	require.ErrorIs(t, c.create(s, orgA, &dup), storage.ErrExists)
	c.requireStored(t, s, orgA, c.stored(0), "the first value is kept")
}

func (c collection[K, V]) getMissing(t *testing.T, s storage.Store) {
	missing := c.make(0)
	c.requireMissing(t, s, orgA, c.key(&missing), "an empty store")
	if c.single {
		return
	}
	other := c.make(1)
	require.NoError(t, c.create(s, orgA, &other))
	c.requireMissing(t, s, orgA, c.key(&missing), "beside another record")
}

func (c collection[K, V]) updateStale(t *testing.T, s storage.Store) {
	v := c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	a, err := c.get(s, orgA, c.key(&v))
	require.NoError(t, err)
	b, err := c.get(s, orgA, c.key(&v))
	require.NoError(t, err)
	c.change(&a)
	require.NoError(t, c.update(s, orgA, &a))
	c.change(&b)
	c.change(&b)
	require.ErrorIs(t, c.update(s, orgA, &b), storage.ErrConflict, "behind")
	require.EqualValues(t, 1, *c.version(&b), "a refused Update leaves the version as it was")
	*c.version(&b) = 7
	require.ErrorIs(t, c.update(s, orgA, &b), storage.ErrConflict, "ahead")
	c.requireStored(t, s, orgA, a, "the winner is kept")
}

func (c collection[K, V]) updateMissing(t *testing.T, s storage.Store) {
	if !c.single {
		other := c.make(1)
		require.NoError(t, c.create(s, orgA, &other))
	}
	v := c.make(0)
	*c.version(&v) = 1
	require.ErrorIs(t, c.update(s, orgA, &v), storage.ErrNotFound)
	c.requireMissing(t, s, orgA, c.key(&v), "Update created nothing")
}

func (c collection[K, V]) copiesIn(t *testing.T, s storage.Store) {
	v := c.make(0)
	k := c.key(&v)
	require.NoError(t, c.create(s, orgA, &v))
	scribble(&v)
	c.requireStored(t, s, orgA, c.stored(0), "after the created value was changed")
	got, err := c.get(s, orgA, k)
	require.NoError(t, err)
	c.change(&got)
	require.NoError(t, c.update(s, orgA, &got))
	want := clone(t, got)
	scribble(&got)
	c.requireStored(t, s, orgA, want, "after the updated value was changed")
}

func (c collection[K, V]) copiesOut(t *testing.T, s storage.Store) {
	v := c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	got, err := c.get(s, orgA, c.key(&v))
	require.NoError(t, err)
	scribble(&got)
	c.requireStored(t, s, orgA, c.stored(0), "after a value Get returned was changed")
	for _, p := range c.pages {
		view(t, s, orgA, func(tx storage.Tx) error {
			for got, err := range p.list(tx, nil, 0) {
				require.NoError(t, err)
				scribble(&got)
			}
			return nil
		})
		c.requireStored(t, s, orgA, c.stored(0), "after values "+p.name+" returned were changed")
	}
}

func (c collection[K, V]) rollback(t *testing.T, s storage.Store) {
	v := c.make(0)
	err := s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
		require.NoError(t, c.records(tx).Create(ctx, &v))
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	c.requireMissing(t, s, orgA, c.key(&v), "a rolled-back Create")
	v = c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	err = s.Org(orgA).Update(ctx, func(tx storage.Tx) error {
		got, err := c.records(tx).Get(ctx, c.key(&v))
		require.NoError(t, err)
		c.change(&got)
		require.NoError(t, c.records(tx).Update(ctx, &got))
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	c.requireStored(t, s, orgA, c.stored(0), "a rolled-back Update")
}

func (c collection[K, V]) otherOrg(t *testing.T, s storage.Store) {
	v := c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	c.requireMissing(t, s, orgB, c.key(&v), "Get through another organization")
	theirs := c.stored(0)
	c.change(&theirs)
	require.ErrorIs(t, c.update(s, orgB, &theirs), storage.ErrNotFound, "Update through another organization")
	c.requireStored(t, s, orgA, c.stored(0), "untouched by the other organization")
	if c.single {
		return
	}
	theirs = c.make(0)
	c.change(&theirs)
	require.NoError(t, c.create(s, orgB, &theirs), "the other organization has a record of the same key")
	c.requireStored(t, s, orgB, theirs, "the other organization's record")
	c.requireStored(t, s, orgA, c.stored(0), "unchanged by the other organization's record")
}

func (c collection[K, V]) unknownEnum(t *testing.T, s storage.Store) {
	bad := c.make(1)
	c.badEnum(&bad)
	require.ErrorIs(t, c.create(s, orgA, &bad), validation.ErrInvalid, "Create")
	c.requireMissing(t, s, orgA, c.key(&bad), "a refused Create")
	v := c.make(0)
	require.NoError(t, c.create(s, orgA, &v))
	got, err := c.get(s, orgA, c.key(&v))
	require.NoError(t, err)
	c.badEnum(&got)
	require.ErrorIs(t, c.update(s, orgA, &got), validation.ErrInvalid, "Update")
	c.requireStored(t, s, orgA, c.stored(0), "a refused Update")
}

// pageRecords is how many records the paging tests store.
const pageRecords = 9

func (c collection[K, V]) paging(t *testing.T, s storage.Store, p pager[V]) {
	var want []V
	update(t, s, orgA, func(tx storage.Tx) error {
		for i := pageRecords - 1; i >= 0; i-- { // not in the listing's order
			v := c.make(i)
			require.NoError(t, c.records(tx).Create(ctx, &v))
			if p.keep(&v) {
				want = append(want, v)
			}
		}
		return nil
	})
	update(t, s, orgB, func(tx storage.Tx) error { // another organization's records are not listed
		for i := range pageRecords {
			v := c.make(i)
			require.NoError(t, c.records(tx).Create(ctx, &v))
		}
		return nil
	})
	slices.SortStableFunc(want, func(a, b V) int { return p.order(&a, &b) })
	require.NotEmpty(t, want, "the fixture must give the listing something to return")
	keys := func(vs []V) []K {
		out := []K{}
		for i := range vs {
			out = append(out, c.key(&vs[i]))
		}
		return out
	}
	list := func(after *V, limit int) []V {
		var out []V
		view(t, s, orgA, func(tx storage.Tx) error { out = collect(t, p.list(tx, after, limit)); return nil })
		return out
	}
	all := list(nil, 0)
	require.Equal(t, keys(want), keys(all), "the whole listing")
	for i := range all {
		sameValue(t, want[i], all[i], "a listed value is the stored one")
	}
	if p.unpaged {
		return
	}
	for _, limit := range []int{1, 2, 3, len(want), len(want) + 1} {
		var got []V
		var after *V
		for range len(want) + 2 {
			page := list(after, limit)
			require.LessOrEqual(t, len(page), limit, "limit %d", limit)
			got = append(got, page...)
			if len(page) < limit {
				break
			}
			after = &page[len(page)-1]
		}
		require.Equal(t, keys(want), keys(got), "pages of %d", limit)
	}
	require.Empty(t, list(&all[len(all)-1], 2), "after the last value")
}

// sameValue compares two values by their JSON encoding: whole values, every field,
// compared as they are stored, so that a decimal of equal value or an instant of another
// internal representation compares equal.
func sameValue[V any](t *testing.T, want, got V, msg string) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, string(w), string(g), msg)
}

// clone returns a deep copy of v, through its JSON.
func clone[V any](t *testing.T, v V) V {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var c V
	require.NoError(t, json.Unmarshal(b, &c))
	return c
}

// scribble changes every exported field of *p in place, however deep: the strings,
// numbers and booleans of the value, of its slices' elements, of what its pointers point
// to and of its maps' values. A store that kept a reference to any part of a value it
// was given or returned would see the change.
func scribble[V any](p *V) { scribbleValue(reflect.ValueOf(p).Elem()) }

func scribbleValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scribbleValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				scribbleValue(f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scribbleValue(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			scribbleValue(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "~")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.CanSet() {
			v.SetUint(v.Uint() + 1)
		}
	case reflect.Float32, reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	}
}

// nth returns the i-th of xs, round and round.
func nth[T any](xs []T, i int) T { return xs[i%len(xs)] }

// keyID formats a record id that sorts in the order of i.
func keyID(prefix string, i int) string { return fmt.Sprintf("%s-%02d", prefix, i) }
