//go:build !oldapi

package storagetest

// The sweep and incident engine suites (engine_later.go) move to the v1 API once the
// task and incident services land.
var sweepTests []test
