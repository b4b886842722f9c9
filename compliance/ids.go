package compliance

import (
	"encoding/json"

	"github.com/hipaaops/hipaaops/vendors"
)

func vendorID(s string) vendors.ID { return vendors.ID(s) }

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
