package record_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/record"
)

func TestKinds(t *testing.T) {
	kinds := record.KindValues()
	require.NotEmpty(t, kinds)
	seen := map[record.Kind]bool{}
	for _, k := range kinds {
		require.True(t, k.Valid(), k)
		require.False(t, seen[k], "duplicate kind %q", k)
		seen[k] = true
	}
	require.False(t, record.Kind("patient").Valid())
	require.False(t, record.Kind("").Valid())
	kinds[0] = "changed"
	require.NotEqual(t, record.Kind("changed"), record.KindValues()[0], "KindValues returns a copy")
}

type vendorID string

func TestRefMarshals(t *testing.T) {
	r := record.RefOf(vendorID("vendor-1"), 3)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"vendor-1","version":3}`, string(b))
	var back record.Ref[vendorID]
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, r, back)
}

func ExampleRefOf() {
	// A change names the record and the version its caller read.
	r := record.RefOf(vendorID("vendor-1"), 3)
	fmt.Println(r.ID, r.Version)
	// Output:
	// vendor-1 3
}
