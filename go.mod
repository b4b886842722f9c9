module github.com/hipaaops/hipaaops

go 1.26.8

require (
	github.com/rickb777/date/v2 v2.1.8
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/period v1.0.9 // indirect
	github.com/rickb777/plural v1.4.2 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/text v0.41.0 // indirect
)
