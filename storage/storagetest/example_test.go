package storagetest_test

import (
	"testing"

	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/storage/storagetest"
)

// A backend runs the whole suite from one test function, with a constructor that gives
// every subtest a new, empty store (storage/memory's memory_test.go is exactly this;
// the SQL backends open a fresh file or database). Run needs the test's *testing.T, so
// this example shows the test function rather than calling it.
func ExampleRun() {
	conformance := func(t *testing.T) {
		storagetest.Run(t, func(t *testing.T) storage.Store { return memory.New() })
	}
	_ = conformance // func TestConformance(t *testing.T) { … }
}
