package sqlite

import (
	"database/sql/driver"
	"fmt"

	msqlite "modernc.org/sqlite"

	"github.com/hipaaops/hipaaops/vendors"
)

// nameKeyFunc is the SQL function that migration 0005 fills vendors.name_key with: it
// computes [vendors.NameKey] of its text argument, so that the stored key is the one the
// Go code writes and queries with.
const nameKeyFunc = "hipaaops_name_key"

func init() {
	err := msqlite.RegisterDeterministicScalarFunction(nameKeyFunc, 1,
		func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return vendors.NameKey(v), nil
			case []byte:
				return vendors.NameKey(string(v)), nil
			case nil:
				return nil, nil
			default:
				return nil, fmt.Errorf("%s: argument is %T, not text", nameKeyFunc, v)
			}
		})
	if err != nil {
		panic(fmt.Sprintf("sqlite: register %s: %v", nameKeyFunc, err))
	}
}
