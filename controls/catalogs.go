package controls

import (
	"strconv"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/validation"
)

// Catalogs holds several versions of the catalog side by side, e.g. a revised rule loaded
// beside [Current]. It is immutable once built; every method returns copies.
type Catalogs struct {
	versions  []string
	byVersion map[string]Catalog
}

// NewCatalogs validates each catalog and returns them as a set. A catalog that fails
// [Catalog.Validate], or a version given twice, is an error naming catalogs[i] and matching
// [validation.ErrInvalid]. The catalogs are copied: changing cs afterwards changes nothing.
func NewCatalogs(cs ...Catalog) (*Catalogs, error) {
	v := validation.Collector{Pkg: pkg}
	first := map[string]int{}
	for i := range cs {
		prefix := "catalogs[" + strconv.Itoa(i) + "]."
		for _, e := range validation.All(cs[i].Validate()) {
			v.Merge(validation.New(e.Pkg, prefix+e.Field, "%s", e.Rule))
		}
		if j, dup := first[cs[i].Version]; dup && cs[i].Version != "" {
			v.Add(prefix+"version", "%q duplicates catalogs[%d]", cs[i].Version, j)
		} else if !dup {
			first[cs[i].Version] = i
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	out := &Catalogs{byVersion: make(map[string]Catalog, len(cs))}
	for _, c := range cs {
		out.versions = append(out.versions, c.Version)
		out.byVersion[c.Version] = c.clone()
	}
	return out, nil
}

// Version returns a copy of the catalog with version v, and false if there is none.
func (cs *Catalogs) Version(v string) (Catalog, bool) {
	c, ok := cs.byVersion[v]
	if !ok {
		return Catalog{}, false
	}
	return c.clone(), true
}

// Versions returns the catalogs' versions in the order they were given to [NewCatalogs].
func (cs *Catalogs) Versions() []string {
	return append([]string(nil), cs.versions...)
}

// InEffect returns a copy of the catalog in effect on day: the one with the latest
// EffectiveOn not after day, the later given on a tie. A catalog with a zero EffectiveOn,
// such as a proposed rule, is never in effect. It returns false if none is.
func (cs *Catalogs) InEffect(day date.Date) (Catalog, bool) {
	best, found := Catalog{}, false
	for _, v := range cs.versions {
		c := cs.byVersion[v]
		if c.EffectiveOn == date.Zero || c.EffectiveOn > day {
			continue
		}
		if !found || c.EffectiveOn >= best.EffectiveOn {
			best, found = c, true
		}
	}
	if !found {
		return Catalog{}, false
	}
	return best.clone(), true
}
