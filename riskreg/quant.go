package riskreg

import (
	"github.com/shopspring/decimal"

	"github.com/hipaaops/hipaaops/validation"
)

// ROSIPlaces is the number of decimal places [Quant.ROSI] rounds to.
const ROSIPlaces = 4

// Quant is the optional quantitative view of a risk, in money and yearly rates; every
// amount is a [decimal.Decimal], never a float.
type Quant struct {
	// SLE is the single loss expectancy: the money lost when the threat event happens once.
	SLE decimal.Decimal `json:"sle"`
	// ARO is the annual rate of occurrence without the planned control (0.25 = once in four
	// years; 3 = three times a year).
	ARO decimal.Decimal `json:"aro"`
	// MitigationCost is the yearly cost of the planned control.
	MitigationCost decimal.Decimal `json:"mitigation_cost"`
	// ResidualARO is the annual rate of occurrence with the planned control in place.
	ResidualARO decimal.Decimal `json:"residual_aro"`
}

// Validate refuses negative amounts and rates.
func (q *Quant) Validate() error {
	c := validation.Collector{Pkg: pkg}
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{
		{"quant.sle", q.SLE}, {"quant.aro", q.ARO},
		{"quant.mitigation_cost", q.MitigationCost}, {"quant.residual_aro", q.ResidualARO},
	} {
		c.Check(!f.v.IsNegative(), f.name, "must not be negative, got %s", f.v)
	}
	return c.Err()
}

// ALE is the annualized loss expectancy without the control: SLE × ARO.
func (q Quant) ALE() decimal.Decimal { return q.SLE.Mul(q.ARO) }

// ResidualALE is the annualized loss expectancy with the control: SLE × ResidualARO.
func (q Quant) ResidualALE() decimal.Decimal { return q.SLE.Mul(q.ResidualARO) }

// Reduction is the yearly loss the control avoids: ALE − ResidualALE.
func (q Quant) Reduction() decimal.Decimal { return q.ALE().Sub(q.ResidualALE()) }

// ROSI is the return on security investment: (ALE − ResidualALE − MitigationCost) /
// MitigationCost, rounded half away from zero to [ROSIPlaces] decimal places. 1.5 means
// the control returns its cost and one and a half times more; a negative ROSI means it
// costs more than it saves. With a zero MitigationCost the ratio is undefined and ROSI
// returns zero: check [Quant.HasROSI] first.
func (q Quant) ROSI() decimal.Decimal {
	if !q.HasROSI() {
		return decimal.Zero
	}
	return q.Reduction().Sub(q.MitigationCost).DivRound(q.MitigationCost, ROSIPlaces)
}

// HasROSI reports whether ROSI is defined, i.e. MitigationCost is not zero.
func (q Quant) HasROSI() bool { return !q.MitigationCost.IsZero() }
