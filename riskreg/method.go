package riskreg

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hipaaops/hipaaops/internal/enum"
	"github.com/hipaaops/hipaaops/validation"
)

const pkg = "riskreg"

// Level is a position on a method's likelihood or impact scale: 1 is the lowest level and
// len(Method.Likelihood) (or len(Method.Impact)) the highest. 0 means not rated.
type Level int

// Band maps an inclusive range of scores to a rating; the score is likelihood × impact.
type Band struct {
	Rating Rating `json:"rating"`
	Min    int    `json:"min"`
	Max    int    `json:"max"`
}

// Method is a scoring method: its likelihood and impact scales and how a pair of levels
// becomes a rating. Methods are data, not code paths: [Method.Rate] reads the method's
// Matrix when it has one, and otherwise the Band that holds likelihood × impact.
type Method struct {
	ID MethodID `json:"id,omitempty"`
	// Title is the method's name for people.
	Title string `json:"title"`
	// Citation names the source of the scales and of the rating rule.
	Citation string `json:"citation"`
	// Likelihood names the likelihood levels, lowest first: index 0 is level 1.
	Likelihood []string `json:"likelihood"`
	// Impact names the impact levels, lowest first: index 0 is level 1.
	Impact []string `json:"impact"`
	// Bands rate a score (likelihood × impact) when the method has no Matrix. They cover
	// 1 to len(Likelihood)×len(Impact) without gaps or overlaps, lowest rating first.
	Bands []Band `json:"bands"`
	// Matrix, when not empty, rates each cell directly: Matrix[likelihood-1][impact-1]. It is
	// used where no band table over the score reproduces the source, as for NIST SP 800-30
	// Rev. 1 Table I-2, whose cells are not a function of likelihood × impact (the score 20
	// is high at likelihood very high × impact high but very high at high × very high).
	Matrix [][]Rating `json:"matrix"`
}

// Methods returns the built-in scoring methods, freshly built: a caller may change the
// result without affecting later calls.
//
// The HHS 3×3 method ([MethodHHS3x3]) rates likelihood and impact low, medium or high, as
// the HHS/ONC Security Risk Assessment Tool asks, and bands their product:
//
//	score 1–2 (low×low, low×medium)                         low
//	score 3–4 (low×high, medium×medium)                     moderate
//	score 5–9 (medium×high, high×high; 5 does not occur)    high
//
// The bands are this package's, stated here and in [Method.Bands] so an auditor can read
// them; an organization that rates differently can use the NIST method.
//
// The NIST 5×5 method ([MethodNIST5x5]) uses the levels very low, low, moderate, high and
// very high for likelihood (SP 800-30 Rev. 1 Table G-5) and impact (Table H-3), and rates
// each cell as Table I-2 does (rows likelihood, columns impact very low → very high):
//
//	very high   very low  low       moderate  high      very high
//	high        very low  low       moderate  high      very high
//	moderate    very low  low       moderate  moderate  high
//	low         very low  low       low       low       moderate
//	very low    very low  very low  very low  low       low
func Methods() []Method { return []Method{hhs3x3(), nist5x5()} }

// GetMethod returns the built-in method with the given id, and false if there is none.
func GetMethod(id MethodID) (Method, bool) {
	for _, m := range Methods() {
		if m.ID == id {
			return m, true
		}
	}
	return Method{}, false
}

func hhs3x3() Method {
	return Method{
		ID:    MethodHHS3x3,
		Title: "HHS Security Risk Assessment Tool, 3×3 (low / medium / high)",
		Citation: "HHS/ONC Security Risk Assessment (SRA) Tool: likelihood and impact rated low, medium or high; " +
			"rating bands over likelihood × impact set by hipaaops (45 CFR 164.308(a)(1)(ii)(A))",
		Likelihood: []string{"low", "medium", "high"},
		Impact:     []string{"low", "medium", "high"},
		Bands: []Band{
			{Rating: RatingLow, Min: 1, Max: 2},
			{Rating: RatingModerate, Min: 3, Max: 4},
			{Rating: RatingHigh, Min: 5, Max: 9},
		},
	}
}

func nist5x5() Method {
	const (
		vl = RatingVeryLow
		l  = RatingLow
		m  = RatingModerate
		h  = RatingHigh
		vh = RatingVeryHigh
	)
	levels := []string{"very low", "low", "moderate", "high", "very high"}
	return Method{
		ID:    MethodNIST5x5,
		Title: "NIST SP 800-30 Rev. 1, 5×5 (very low … very high)",
		Citation: "NIST SP 800-30 Rev. 1 (2012), Appendix G Table G-5 (likelihood), Appendix H Table H-3 (impact), " +
			"Appendix I Table I-2 (level of risk, cell by cell)",
		Likelihood: slices.Clone(levels),
		Impact:     slices.Clone(levels),
		// NIST SP 800-30 Rev. 1 Table I-2; row = likelihood, column = impact, lowest first.
		Matrix: [][]Rating{
			{vl, vl, vl, l, l}, // likelihood very low
			{vl, l, l, l, m},   // likelihood low
			{vl, l, m, m, h},   // likelihood moderate
			{vl, l, m, h, vh},  // likelihood high
			{vl, l, m, h, vh},  // likelihood very high
		},
	}
}

// Rate returns the rating of a likelihood and an impact on m. A level outside 1 to the
// number of levels is a validation error on field "likelihood" or "impact".
func (m *Method) Rate(likelihood, impact Level) (Rating, error) {
	if err := m.checkLevels("", likelihood, impact); err != nil {
		return "", err
	}
	if len(m.Matrix) > 0 {
		if int(likelihood) > len(m.Matrix) || int(impact) > len(m.Matrix[likelihood-1]) {
			return "", validation.New(pkg, "method.matrix", "of %s has no cell %d×%d", m.ID, likelihood, impact)
		}
		return m.Matrix[likelihood-1][impact-1], nil
	}
	score := int(likelihood) * int(impact)
	for _, b := range m.Bands {
		if b.Min <= score && score <= b.Max {
			return b.Rating, nil
		}
	}
	return "", validation.New(pkg, "method.bands", "of %s hold no band for score %d", m.ID, score)
}

// Score returns the Score of a likelihood and an impact on m, with its rating.
func (m *Method) Score(likelihood, impact Level) (Score, error) {
	r, err := m.Rate(likelihood, impact)
	if err != nil {
		return Score{}, err
	}
	return Score{Likelihood: likelihood, Impact: impact, Rating: r}, nil
}

// checkLevels reports levels outside m's scales; prefix is prepended to the field names.
func (m *Method) checkLevels(prefix string, likelihood, impact Level) error {
	c := validation.Collector{Pkg: pkg}
	c.Check(likelihood >= 1 && int(likelihood) <= len(m.Likelihood), prefix+"likelihood",
		"must be 1 to %d on %s, got %d", len(m.Likelihood), m.ID, likelihood)
	c.Check(impact >= 1 && int(impact) <= len(m.Impact), prefix+"impact",
		"must be 1 to %d on %s, got %d", len(m.Impact), m.ID, impact)
	return c.Err()
}

// checkScore validates a stored score against m: a zero score is unrated; otherwise the
// levels must be on m's scales and the rating must be the one m gives them.
func (m *Method) checkScore(field string, s Score) error {
	if s.IsZero() {
		return nil
	}
	if err := m.checkLevels(field+".", s.Likelihood, s.Impact); err != nil {
		return err
	}
	want, err := m.Rate(s.Likelihood, s.Impact)
	if err != nil {
		return err
	}
	if s.Rating != want {
		return validation.New(pkg, field+".rating", "%q does not match %s, which rates %d×%d %s", s.Rating, m.ID, s.Likelihood, s.Impact, want)
	}
	return nil
}

// Validate checks that m is a usable method: a known ID, named levels, and either a full
// Matrix of known ratings or Bands covering every score once, in rising order.
func (m *Method) Validate() error {
	c := validation.Collector{Pkg: pkg}
	if !m.ID.Valid() {
		c.Merge(enum.Unknown(pkg, "method.id", methodIDValues(), m.ID))
	}
	c.Check(strings.TrimSpace(m.Title) != "", "method.title", "must not be empty")
	c.Check(strings.TrimSpace(m.Citation) != "", "method.citation", "must cite its source")
	for _, axis := range []struct {
		name   string
		levels []string
	}{{"likelihood", m.Likelihood}, {"impact", m.Impact}} {
		c.Check(len(axis.levels) >= 2, "method."+axis.name, "must have at least 2 levels, has %d", len(axis.levels))
		for i, n := range axis.levels {
			c.Check(strings.TrimSpace(n) != "", fmt.Sprintf("method.%s[%d]", axis.name, i), "must be named")
		}
	}
	nl, ni := len(m.Likelihood), len(m.Impact)
	switch {
	case len(m.Matrix) > 0:
		c.Check(len(m.Bands) == 0, "method.bands", "must be empty when the method has a matrix")
		c.Check(len(m.Matrix) == nl, "method.matrix", "must have %d rows, has %d", nl, len(m.Matrix))
		for l, row := range m.Matrix {
			c.Check(len(row) == ni, fmt.Sprintf("method.matrix[%d]", l), "must have %d cells, has %d", ni, len(row))
			for i, r := range row {
				f := fmt.Sprintf("method.matrix[%d][%d]", l, i)
				if !r.Valid() {
					c.Merge(enum.Unknown(pkg, f, ratingValues(), r))
					continue
				}
				// A higher likelihood or impact never lowers the rating.
				if i > 0 && r.Rank() < row[i-1].Rank() {
					c.Add(f, "%s is lower than the cell of lower impact (%s)", r, row[i-1])
				}
				if l > 0 && i < len(m.Matrix[l-1]) && r.Rank() < m.Matrix[l-1][i].Rank() {
					c.Add(f, "%s is lower than the cell of lower likelihood (%s)", r, m.Matrix[l-1][i])
				}
			}
		}
	default:
		c.Check(len(m.Bands) > 0, "method.bands", "must not be empty when the method has no matrix")
		next := 1
		for i, b := range m.Bands {
			f := fmt.Sprintf("method.bands[%d]", i)
			if !b.Rating.Valid() {
				c.Merge(enum.Unknown(pkg, f+".rating", ratingValues(), b.Rating))
			}
			c.Check(b.Min == next, f+".min", "must be %d to follow the previous band, is %d", next, b.Min)
			c.Check(b.Max >= b.Min, f+".max", "%d is below min %d", b.Max, b.Min)
			if i > 0 {
				c.Check(b.Rating.Rank() > m.Bands[i-1].Rating.Rank(), f+".rating", "%s must be higher than the previous band's %s", b.Rating, m.Bands[i-1].Rating)
			}
			next = b.Max + 1
		}
		if len(m.Bands) > 0 {
			c.Check(next == nl*ni+1, "method.bands", "must end at the highest score %d, end at %d", nl*ni, next-1)
		}
	}
	return c.Err()
}

// Ratings returns the ratings m can give, lowest first.
func (m *Method) Ratings() []Rating {
	seen := map[Rating]bool{}
	for _, b := range m.Bands {
		seen[b.Rating] = true
	}
	for _, row := range m.Matrix {
		for _, r := range row {
			seen[r] = true
		}
	}
	var out []Rating
	for _, r := range ratingValues() {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}

// LikelihoodName returns the name of likelihood level l, or "" outside the scale.
func (m *Method) LikelihoodName(l Level) string { return levelName(m.Likelihood, l) }

// ImpactName returns the name of impact level l, or "" outside the scale.
func (m *Method) ImpactName(l Level) string { return levelName(m.Impact, l) }

func levelName(names []string, l Level) string {
	if l < 1 || int(l) > len(names) {
		return ""
	}
	return names[l-1]
}

// DefaultLevelMap maps a level of from's scale to the level of to's scale at the same
// relative position: the middle of level l's share of the old scale, (l − ½) / n, lands in
// the level of the new scale m that holds it, ⌈(2l − 1)·m / 2n⌉. Between 3 and 5 levels:
//
//	3 → 5:  1 → 1,  2 → 3,  3 → 5
//	5 → 3:  1, 2 → 1;  3 → 2;  4, 5 → 3
//
// Scales of the same size map each level to itself. The sizes are those of the likelihood
// scales; the built-in methods have as many impact levels as likelihood levels. A level
// outside from's scale is returned unchanged, so that re-rating refuses it.
func DefaultLevelMap(from, to *Method, l Level) Level {
	n, m := len(from.Likelihood), len(to.Likelihood)
	if n == 0 || m == 0 || l < 1 || int(l) > n {
		return l
	}
	return Level(((2*int(l)-1)*m + 2*n - 1) / (2 * n))
}

// Score is a likelihood and an impact on a method's scales, and the rating the method gives
// them. The zero Score means not rated.
type Score struct {
	Likelihood Level  `json:"likelihood"`
	Impact     Level  `json:"impact"`
	Rating     Rating `json:"rating,omitempty"`
}

// IsZero reports whether s is unrated.
func (s Score) IsZero() bool { return s == Score{} }

// Value is likelihood × impact, the score that bands are defined over.
func (s Score) Value() int { return int(s.Likelihood) * int(s.Impact) }

// String formats s as "likelihood×impact rating", e.g. "2×3 high", or "unrated".
func (s Score) String() string {
	if s.IsZero() {
		return "unrated"
	}
	return fmt.Sprintf("%d×%d %s", s.Likelihood, s.Impact, s.Rating.Label())
}
