# hipaaops: `make test` is the one command that runs every test (CI runs it via .ci/run).
GO ?= go

.PHONY: test vet race bench example fmt

test: vet
	$(GO) test -race -count=1 ./...

vet:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

# bench runs the storage benchmarks (10k and 100k vendors across 100 organizations, the
# library beside raw SQL); BENCHMARKS.md shows the figures and how to read them.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 2000x -count 3 -timeout 60m ./storage/sqlite ./storage/postgres

example:
	$(GO) run ./examples/hemonc

fmt:
	gofmt -w .
