//go:build !oldapi

package storagetest

// The engine-level suites (engineTests, concurrencyTests, sweepTests,
// incidentEngineTests) are being moved to the v1 API in engine.go.
var engineTests, concurrencyTests, sweepTests, incidentEngineTests []test
