package riskreg_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestQuant(t *testing.T) {
	tests := []struct {
		name                        string
		q                           riskreg.Quant
		ale, residualALE, reduction string
		rosi                        string
		hasROSI                     bool
	}{
		{
			name: "ransomware of record-and-verify: exact decimals",
			q:    riskreg.Quant{SLE: dec("250000"), ARO: dec("0.3"), MitigationCost: dec("20000"), ResidualARO: dec("0.05")},
			ale:  "75000", residualALE: "12500", reduction: "62500", rosi: "2.125", hasROSI: true,
		},
		{
			name: "cents survive: no float rounding",
			q:    riskreg.Quant{SLE: dec("1234.56"), ARO: dec("0.1"), MitigationCost: dec("10"), ResidualARO: dec("0.01")},
			ale:  "123.456", residualALE: "12.3456", reduction: "111.1104", rosi: "10.111", hasROSI: true,
		},
		{
			name: "ROSI rounded half away from zero to 4 places",
			q:    riskreg.Quant{SLE: dec("100"), ARO: dec("1"), MitigationCost: dec("30"), ResidualARO: dec("0")},
			ale:  "100", residualALE: "0", reduction: "100", rosi: "2.3333", hasROSI: true,
		},
		{
			name: "control costs more than it saves: negative ROSI",
			q:    riskreg.Quant{SLE: dec("5000"), ARO: dec("0.2"), MitigationCost: dec("3000"), ResidualARO: dec("0.1")},
			ale:  "1000", residualALE: "500", reduction: "500", rosi: "-0.8333", hasROSI: true,
		},
		{
			name: "zero cost: ROSI undefined, returned as zero",
			q:    riskreg.Quant{SLE: dec("5000"), ARO: dec("2"), ResidualARO: dec("1")},
			ale:  "10000", residualALE: "5000", reduction: "5000", rosi: "0", hasROSI: false,
		},
		{
			name: "zero value",
			ale:  "0", residualALE: "0", reduction: "0", rosi: "0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.q.Validate())
			assert.True(t, dec(tt.ale).Equal(tt.q.ALE()), "ALE %s", tt.q.ALE())
			assert.True(t, dec(tt.residualALE).Equal(tt.q.ResidualALE()), "residual ALE %s", tt.q.ResidualALE())
			assert.True(t, dec(tt.reduction).Equal(tt.q.Reduction()), "reduction %s", tt.q.Reduction())
			assert.Equal(t, tt.rosi, tt.q.ROSI().String())
			assert.Equal(t, tt.hasROSI, tt.q.HasROSI())
		})
	}
}

func TestQuantRefusesNegative(t *testing.T) {
	ok := riskreg.Quant{SLE: dec("100"), ARO: dec("1"), MitigationCost: dec("10"), ResidualARO: dec("0.5")}
	tests := []struct {
		name   string
		change func(q *riskreg.Quant)
		field  string
	}{
		{"negative single loss expectancy", func(q *riskreg.Quant) { q.SLE = dec("-0.01") }, "quant.sle"},
		{"negative annual rate of occurrence", func(q *riskreg.Quant) { q.ARO = dec("-1") }, "quant.aro"},
		{"negative mitigation cost", func(q *riskreg.Quant) { q.MitigationCost = dec("-10") }, "quant.mitigation_cost"},
		{"negative residual rate", func(q *riskreg.Quant) { q.ResidualARO = dec("-0.5") }, "quant.residual_aro"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := ok
			tt.change(&q)
			requireInvalid(t, q.Validate(), tt.field, "must not be negative")

			r := newRisk("r1")
			r.Quant = &q
			requireInvalid(t, r.Validate(), tt.field, "must not be negative")
		})
	}
}
