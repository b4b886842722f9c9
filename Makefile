# hipaaops: `make test` is the one command that runs every test (CI runs it via .ci/run).
GO ?= go

.PHONY: test vet race bench example fmt

test: vet
	$(GO) test -race -count=1 ./...

vet:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

example:
	$(GO) run ./examples/hemonc

fmt:
	gofmt -w .
