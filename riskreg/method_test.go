package riskreg_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/riskreg"
)

func TestMethods(t *testing.T) {
	ms := riskreg.Methods()
	require.Len(t, ms, 2)
	assert.Equal(t, riskreg.MethodHHS3x3, ms[0].ID)
	assert.Equal(t, riskreg.MethodNIST5x5, ms[1].ID)
	for _, m := range ms {
		t.Run(string(m.ID), func(t *testing.T) {
			require.NoError(t, m.Validate())
			got, ok := riskreg.GetMethod(m.ID)
			require.True(t, ok)
			assert.Equal(t, m, got)
		})
	}
	_, ok := riskreg.GetMethod("fair")
	assert.False(t, ok)

	t.Run("fresh copies", func(t *testing.T) {
		ms := riskreg.Methods()
		ms[0].Bands[0].Rating = riskreg.RatingVeryHigh
		ms[1].Matrix[0][0] = riskreg.RatingVeryHigh
		ms[1].Likelihood[0] = "changed"
		again := riskreg.Methods()
		assert.Equal(t, riskreg.RatingLow, again[0].Bands[0].Rating)
		assert.Equal(t, riskreg.RatingVeryLow, again[1].Matrix[0][0])
		assert.Equal(t, "very low", again[1].Likelihood[0])
	})

	t.Run("HHS SRA 3x3 levels and bands", func(t *testing.T) {
		m := method(t, riskreg.MethodHHS3x3)
		assert.Equal(t, []string{"low", "medium", "high"}, m.Likelihood)
		assert.Equal(t, []string{"low", "medium", "high"}, m.Impact)
		assert.Equal(t, []riskreg.Band{
			{Rating: riskreg.RatingLow, Min: 1, Max: 2},
			{Rating: riskreg.RatingModerate, Min: 3, Max: 4},
			{Rating: riskreg.RatingHigh, Min: 5, Max: 9},
		}, m.Bands)
		assert.Equal(t, []riskreg.Rating{riskreg.RatingLow, riskreg.RatingModerate, riskreg.RatingHigh}, m.Ratings())
		assert.Nil(t, m.Matrix)
	})
	t.Run("NIST SP 800-30 Rev.1 Tables G-5 and H-3 levels", func(t *testing.T) {
		m := method(t, riskreg.MethodNIST5x5)
		want := []string{"very low", "low", "moderate", "high", "very high"}
		assert.Equal(t, want, m.Likelihood)
		assert.Equal(t, want, m.Impact)
		assert.Equal(t, riskreg.RatingValues(), m.Ratings())
		assert.Contains(t, m.Citation, "Table I-2")
		assert.Empty(t, m.Bands, "Table I-2 is not a function of likelihood × impact")
	})
}

const (
	vl = riskreg.RatingVeryLow
	lo = riskreg.RatingLow
	mo = riskreg.RatingModerate
	hi = riskreg.RatingHigh
	vh = riskreg.RatingVeryHigh
)

// Every likelihood × impact cell of the HHS 3×3 method: levels low (1), medium (2),
// high (3); bands 1–2 low, 3–4 moderate, 5–9 high over likelihood × impact.
func TestRateHHS3x3CellByCell(t *testing.T) {
	tests := []struct {
		name               string
		likelihood, impact riskreg.Level
		want               riskreg.Rating
	}{
		{"HHS SRA tool likelihood low × impact low", 1, 1, lo},
		{"HHS SRA tool likelihood low × impact medium", 1, 2, lo},
		{"HHS SRA tool likelihood low × impact high", 1, 3, mo},
		{"HHS SRA tool likelihood medium × impact low", 2, 1, lo},
		{"HHS SRA tool likelihood medium × impact medium", 2, 2, mo},
		{"HHS SRA tool likelihood medium × impact high", 2, 3, hi},
		{"HHS SRA tool likelihood high × impact low", 3, 1, mo},
		{"HHS SRA tool likelihood high × impact medium", 3, 2, hi},
		{"HHS SRA tool likelihood high × impact high", 3, 3, hi},
	}
	m := method(t, riskreg.MethodHHS3x3)
	require.Len(t, tests, len(m.Likelihood)*len(m.Impact), "one row per cell")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.Rate(tt.likelihood, tt.impact)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// Every likelihood × impact cell of NIST SP 800-30 Rev. 1 Table I-2 ("Assessment scale –
// level of risk (combination of likelihood and impact)"), written out row by row from the
// table rather than from the method's matrix.
func TestRateNIST5x5CellByCell(t *testing.T) {
	tests := []struct {
		name               string
		likelihood, impact riskreg.Level
		want               riskreg.Rating
	}{
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very high × impact very low", 5, 1, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very high × impact low", 5, 2, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very high × impact moderate", 5, 3, mo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very high × impact high", 5, 4, hi},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very high × impact very high", 5, 5, vh},

		{"NIST SP 800-30 Rev.1 Table I-2 likelihood high × impact very low", 4, 1, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood high × impact low", 4, 2, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood high × impact moderate", 4, 3, mo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood high × impact high", 4, 4, hi},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood high × impact very high", 4, 5, vh},

		{"NIST SP 800-30 Rev.1 Table I-2 likelihood moderate × impact very low", 3, 1, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood moderate × impact low", 3, 2, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood moderate × impact moderate", 3, 3, mo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood moderate × impact high", 3, 4, mo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood moderate × impact very high", 3, 5, hi},

		{"NIST SP 800-30 Rev.1 Table I-2 likelihood low × impact very low", 2, 1, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood low × impact low", 2, 2, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood low × impact moderate", 2, 3, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood low × impact high", 2, 4, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood low × impact very high", 2, 5, mo},

		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very low × impact very low", 1, 1, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very low × impact low", 1, 2, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very low × impact moderate", 1, 3, vl},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very low × impact high", 1, 4, lo},
		{"NIST SP 800-30 Rev.1 Table I-2 likelihood very low × impact very high", 1, 5, lo},
	}
	m := method(t, riskreg.MethodNIST5x5)
	require.Len(t, tests, len(m.Likelihood)*len(m.Impact), "one row per cell")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.Rate(tt.likelihood, tt.impact)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			s, err := m.Score(tt.likelihood, tt.impact)
			require.NoError(t, err)
			assert.Equal(t, riskreg.Score{Likelihood: tt.likelihood, Impact: tt.impact, Rating: tt.want}, s)
		})
	}
}

// No band table over likelihood × impact reproduces Table I-2: the same product maps to
// different ratings, which is why the method rates cell by cell.
func TestNISTTableI2IsNotAScoreBandTable(t *testing.T) {
	m := method(t, riskreg.MethodNIST5x5)
	byScore := map[int]map[riskreg.Rating]bool{}
	for l := riskreg.Level(1); l <= 5; l++ {
		for i := riskreg.Level(1); i <= 5; i++ {
			r, err := m.Rate(l, i)
			require.NoError(t, err)
			if byScore[int(l*i)] == nil {
				byScore[int(l*i)] = map[riskreg.Rating]bool{}
			}
			byScore[int(l*i)][r] = true
		}
	}
	assert.Len(t, byScore[20], 2, "4×5 is very high, 5×4 is high")
	assert.Len(t, byScore[5], 2, "5×1 is very low, 1×5 is low")
}

func TestRateRefusesOutOfScale(t *testing.T) {
	tests := []struct {
		name               string
		method             riskreg.MethodID
		likelihood, impact riskreg.Level
		field, rule        string
	}{
		{"HHS SRA tool likelihood 0", riskreg.MethodHHS3x3, 0, 2, "likelihood", "must be 1 to 3 on hhs-sra-3x3, got 0"},
		{"HHS SRA tool likelihood 4", riskreg.MethodHHS3x3, 4, 2, "likelihood", "must be 1 to 3 on hhs-sra-3x3, got 4"},
		{"HHS SRA tool impact 0", riskreg.MethodHHS3x3, 2, 0, "impact", "must be 1 to 3 on hhs-sra-3x3, got 0"},
		{"HHS SRA tool impact 5 from the NIST scale", riskreg.MethodHHS3x3, 1, 5, "impact", "got 5"},
		{"HHS SRA tool negative likelihood", riskreg.MethodHHS3x3, -1, 1, "likelihood", "got -1"},
		{"NIST SP 800-30 Rev.1 Table G-5 likelihood 6", riskreg.MethodNIST5x5, 6, 1, "likelihood", "must be 1 to 5 on nist-800-30-5x5, got 6"},
		{"NIST SP 800-30 Rev.1 Table H-3 impact 0", riskreg.MethodNIST5x5, 3, 0, "impact", "must be 1 to 5 on nist-800-30-5x5, got 0"},
		{"NIST SP 800-30 Rev.1 Table H-3 impact 6", riskreg.MethodNIST5x5, 3, 6, "impact", "got 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := method(t, tt.method)
			got, err := m.Rate(tt.likelihood, tt.impact)
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Empty(t, got)
			_, err = m.Score(tt.likelihood, tt.impact)
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
	t.Run("both out of scale", func(t *testing.T) {
		_, err := method(t, riskreg.MethodHHS3x3).Rate(0, 9)
		require.Error(t, err)
		assert.Len(t, validationFields(err), 2)
	})
}

func TestMethodValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *riskreg.Method)
		field  string
		rule   string
	}{
		{"unknown id", func(m *riskreg.Method) { m.ID = "fair" }, "method.id", "is not one of"},
		{"no citation", func(m *riskreg.Method) { m.Citation = " " }, "method.citation", "must cite"},
		{"gap between bands", func(m *riskreg.Method) { m.Bands[1].Min = 4 }, "method.bands[1].min", "must be 3"},
		{"bands stop short", func(m *riskreg.Method) { m.Bands[2].Max = 8 }, "method.bands", "must end at the highest score 9"},
		{"ratings not rising", func(m *riskreg.Method) { m.Bands[1].Rating = riskreg.RatingLow }, "method.bands[1].rating", "must be higher"},
		{"unnamed level", func(m *riskreg.Method) { m.Impact[1] = "" }, "method.impact[1]", "must be named"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := method(t, riskreg.MethodHHS3x3)
			tt.change(m)
			requireInvalid(t, m.Validate(), tt.field, tt.rule)
		})
	}

	matrix := []struct {
		name   string
		change func(m *riskreg.Method)
		field  string
		rule   string
	}{
		{"short row", func(m *riskreg.Method) { m.Matrix[2] = m.Matrix[2][:4] }, "method.matrix[2]", "must have 5 cells"},
		{"unknown rating", func(m *riskreg.Method) { m.Matrix[0][0] = "critical" }, "method.matrix[0][0]", "is not one of"},
		{"rating falls with impact", func(m *riskreg.Method) { m.Matrix[4][4] = riskreg.RatingVeryLow }, "method.matrix[4][4]", "lower than the cell of lower impact"},
		{"bands beside a matrix", func(m *riskreg.Method) { m.Bands = []riskreg.Band{{Rating: lo, Min: 1, Max: 25}} }, "method.bands", "must be empty"},
	}
	for _, tt := range matrix {
		t.Run("NIST "+tt.name, func(t *testing.T) {
			m := method(t, riskreg.MethodNIST5x5)
			tt.change(m)
			require.Error(t, m.Validate())
			assert.Contains(t, validationFields(m.Validate()), tt.field)
			assert.Contains(t, m.Validate().Error(), tt.rule)
		})
	}
}

func TestDefaultLevelMap(t *testing.T) {
	hhs, nist := method(t, riskreg.MethodHHS3x3), method(t, riskreg.MethodNIST5x5)
	tests := []struct {
		name     string
		from, to *riskreg.Method
		in, want riskreg.Level
	}{
		{"3 to 5: low → very low", hhs, nist, 1, 1},
		{"3 to 5: medium → moderate", hhs, nist, 2, 3},
		{"3 to 5: high → very high", hhs, nist, 3, 5},
		{"5 to 3: very low → low", nist, hhs, 1, 1},
		{"5 to 3: low → low", nist, hhs, 2, 1},
		{"5 to 3: moderate → medium", nist, hhs, 3, 2},
		{"5 to 3: high → high", nist, hhs, 4, 3},
		{"5 to 3: very high → high", nist, hhs, 5, 3},
		{"same scale keeps 1", hhs, hhs, 1, 1},
		{"same scale keeps 2", nist, nist, 2, 2},
		{"same scale keeps 5", nist, nist, 5, 5},
		{"out of scale unchanged", hhs, nist, 4, 4},
		{"zero unchanged", hhs, nist, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, riskreg.DefaultLevelMap(tt.from, tt.to, tt.in))
		})
	}
}

func TestScore(t *testing.T) {
	assert.True(t, riskreg.Score{}.IsZero())
	assert.Equal(t, "unrated", riskreg.Score{}.String())
	s := riskreg.Score{Likelihood: 4, Impact: 5, Rating: riskreg.RatingVeryHigh}
	assert.False(t, s.IsZero())
	assert.Equal(t, 20, s.Value())
	assert.Equal(t, "4×5 very high", s.String())
	m := method(t, riskreg.MethodNIST5x5)
	assert.Equal(t, "very high", m.LikelihoodName(5))
	assert.Equal(t, "", m.ImpactName(6))
	assert.Equal(t, "", m.ImpactName(0))
}

// validationFields lists the fields of every validation error in err.
func validationFields(err error) []string {
	var out []string
	for _, e := range validationAll(err) {
		out = append(out, e.Field)
	}
	return out
}

func TestRatingRank(t *testing.T) {
	for i, r := range riskreg.RatingValues() {
		assert.Equal(t, i+1, r.Rank(), "%s", r)
	}
	assert.Equal(t, 0, riskreg.Rating("critical").Rank())
	assert.Equal(t, "very low", riskreg.RatingVeryLow.Label())
	assert.Equal(t, "moderate", riskreg.RatingModerate.Label())
	assert.Equal(t, "very high", fmt.Sprint(riskreg.RatingVeryHigh.Label()))
}
