package incident_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
)

// written and oral build law-enforcement statements (45 CFR 164.412).
func written(agency string, stated, until date.Date) incident.Delay {
	return incident.Delay{Kind: incident.DelayWritten, Official: "SA Chen", Agency: agency, StatedOn: stated, Until: until}
}
func oral(agency string, stated date.Date) incident.Delay {
	return incident.Delay{Kind: incident.DelayOral, Official: "Det. Ruiz", Agency: agency, StatedOn: stated}
}

// TestDelayEnd: a written statement delays for the time it specifies (164.412(a)); an oral
// one for at most 30 days unless a written statement is submitted during that time
// (164.412(b)).
func TestDelayEnd(t *testing.T) {
	feb1 := day(2026, 2, 1)
	tests := []struct {
		name string
		ds   []incident.Delay
		want date.Date
	}{
		{"none", nil, date.Zero},
		{"164.412(a) written: until the time specified", []incident.Delay{written("FBI", feb1, day(2026, 5, 1))}, day(2026, 5, 1)},
		{"164.412(b) oral: 30 days", []incident.Delay{oral("FBI", feb1)}, day(2026, 3, 3)},
		{"164.412(b) oral naming a shorter time", []incident.Delay{{Kind: incident.DelayOral, Official: "x", Agency: "FBI", StatedOn: feb1, Until: day(2026, 2, 10)}}, day(2026, 2, 10)},
		{"164.412(b) oral naming a longer time: still 30 days", []incident.Delay{{Kind: incident.DelayOral, Official: "x", Agency: "FBI", StatedOn: feb1, Until: day(2026, 6, 1)}}, day(2026, 3, 3)},
		{"164.412(b) written follow-up within 30 days extends", []incident.Delay{oral("FBI", feb1), written("FBI", day(2026, 2, 20), day(2026, 4, 15))}, day(2026, 4, 15)},
		{"164.412(b) written follow-up within 30 days governs even if shorter", []incident.Delay{oral("FBI", feb1), written("FBI", day(2026, 2, 10), day(2026, 2, 25))}, day(2026, 2, 25)},
		{"164.412(b) written follow-up on day 30 still counts", []incident.Delay{written("FBI", day(2026, 3, 3), day(2026, 3, 20)), oral("FBI", feb1)}, day(2026, 3, 20)},
		{"164.412 another agency's statement does not shorten an oral delay", []incident.Delay{oral("FBI", feb1), written("State Police", day(2026, 2, 10), day(2026, 2, 25))}, day(2026, 3, 3)},
		{"164.412 agency matched ignoring case and spaces", []incident.Delay{oral("FBI", feb1), written(" fbi ", day(2026, 2, 10), day(2026, 2, 25))}, day(2026, 2, 25)},
		{"164.412(a) written after the oral 30 days: both delays", []incident.Delay{oral("FBI", feb1), written("FBI", day(2026, 3, 10), day(2026, 4, 30))}, day(2026, 4, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, incident.DelayEnd(tt.ds))
		})
	}
	assert.Equal(t, day(2026, 3, 3), oral("FBI", feb1).End(), "164.412(b)")
	assert.Equal(t, day(2026, 5, 1), written("FBI", feb1, day(2026, 5, 1)).End(), "164.412(a)")
}

// TestDelayValidate: the statement is documented with the official's identity, and a
// written one specifies its time (45 CFR 164.412).
func TestDelayValidate(t *testing.T) {
	disc := day(2026, 1, 1)
	tests := []struct {
		name        string
		d           incident.Delay
		field, rule string
	}{
		{"OK written (164.412(a))", written("FBI", disc, disc+10), "", ""},
		{"OK oral (164.412(b))", oral("FBI", disc), "", ""},
		{"Err kind", incident.Delay{Kind: "email", Official: "x", Agency: "y", StatedOn: disc}, "delays[0].kind", `"email" is not one of`},
		{"Err official (164.412(b))", incident.Delay{Kind: incident.DelayOral, Agency: "FBI", StatedOn: disc}, "delays[0].official", "164.412"},
		{"Err agency (164.412)", incident.Delay{Kind: incident.DelayOral, Official: "x", StatedOn: disc}, "delays[0].agency", "164.412"},
		{"Err stated (164.412)", incident.Delay{Kind: incident.DelayOral, Official: "x", Agency: "y"}, "delays[0].stated_on", "must be set"},
		{"OK written without a time: the oral rule's 30 days (164.412(a), (b))", written("FBI", disc, date.Zero), "", ""},
		{"Err until before statement", written("FBI", disc, disc-1), "delays[0].until", "before the statement"},
		{"Err until out of range", written("FBI", disc, day(4000, 1, 1)), "delays[0].until", "is not between"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := newIncident(disc, in("TX", 40))
			i.Delays = []incident.Delay{tt.d}
			err := i.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}
}

// TestDelayedDeadlines: a law-enforcement delay applies to every federal notice
// (45 CFR 164.412); under DelayToll the clock stops for the delayed days, under DelayExtend
// the deadline is the later of the original and the delay's end, and under both no
// deadline falls before the delay ends. Discovered 2026-01-01, the 60 days end 2026-03-02.
func TestDelayedDeadlines(t *testing.T) {
	disc := day(2026, 1, 1)
	tests := []struct {
		name         string
		delays       []incident.Delay
		toll, extend date.Date
	}{
		{"164.412 none", nil, day(2026, 3, 2), day(2026, 3, 2)},
		{"164.412(a) written 2026-01-20 until 2026-03-31: 70 days delayed",
			[]incident.Delay{written("FBI", day(2026, 1, 20), day(2026, 3, 31))}, day(2026, 5, 11), day(2026, 3, 31)},
		{"164.412(b) oral 2026-02-01: 30 days",
			[]incident.Delay{oral("FBI", day(2026, 2, 1))}, day(2026, 4, 1), day(2026, 3, 3)},
		{"164.412(b) oral on the day of discovery: 60 days after it ends",
			[]incident.Delay{oral("FBI", disc)}, day(2026, 4, 1), day(2026, 3, 2)},
		{"164.412(b) oral, then written on day 19 until 2026-04-15: 73 days delayed",
			[]incident.Delay{oral("FBI", day(2026, 2, 1)), written("FBI", day(2026, 2, 20), day(2026, 4, 15))}, day(2026, 5, 14), day(2026, 4, 15)},
		{"164.412(b) oral, then written on day 9 until 2026-02-25: 24 days delayed",
			[]incident.Delay{oral("FBI", day(2026, 2, 1)), written("FBI", day(2026, 2, 10), day(2026, 2, 25))}, day(2026, 3, 26), day(2026, 3, 2)},
		{"164.412 oral, then written after its 30 days: two delays",
			[]incident.Delay{oral("FBI", day(2026, 2, 1)), written("FBI", day(2026, 3, 10), day(2026, 4, 30))}, day(2026, 5, 22), day(2026, 4, 30)},
		{"164.412 a delay stated after the deadline: not before its end",
			[]incident.Delay{written("FBI", day(2026, 3, 10), day(2026, 4, 10))}, day(2026, 4, 10), day(2026, 4, 10)},
		{"164.412 a delay that ended before discovery changes nothing",
			[]incident.Delay{written("FBI", day(2025, 12, 1), day(2025, 12, 15))}, day(2026, 3, 2), day(2026, 3, 2)},
		{"164.412 a delay running at discovery: 60 days after it ends under toll",
			[]incident.Delay{written("FBI", day(2025, 12, 1), day(2026, 1, 31))}, day(2026, 4, 1), day(2026, 3, 2)},
	}
	for _, tt := range tests {
		for _, p := range []struct {
			policy incident.DelayPolicy
			want   date.Date
		}{{"", tt.toll}, {incident.DelayToll, tt.toll}, {incident.DelayExtend, tt.extend}} {
			t.Run(tt.name+"/"+string(p.policy), func(t *testing.T) {
				i := newIncident(disc, in("OH", 520), in("KY", 130))
				i.DiscoveredBy, i.MisuseImminent = incident.DiscovererBusinessAssociate, true
				i.Affected[0].NoContact = 3
				i.Delays = tt.delays
				opts := federalOnly(t)
				opts.DelayPolicy = p.policy
				obs := obligations(t, i, opts)
				end := incident.DelayEnd(tt.delays)
				for _, key := range []string{"individuals", "substitute-notice", "media:OH", "hhs", "ba-notice"} {
					o := must(t, obs, key)
					assert.Equal(t, p.want, o.Deadline, key)
					assert.GreaterOrEqual(t, o.Deadline, end, "%s: no deadline before the delay ends", key)
					if end != date.Zero {
						assert.Contains(t, o.Reason, "45 CFR 164.412", key)
					}
				}
			})
		}
	}
}

// TestDelayedAnnualHHS: the annual HHS deadline (45 CFR 164.408(c)) is not a running
// clock: a delay moves it only to the delay's end (164.412), under either policy.
func TestDelayedAnnualHHS(t *testing.T) {
	i := newIncident(day(2026, 11, 1), in("TX", 40))
	i.Delays = []incident.Delay{written("FBI", day(2026, 11, 5), day(2027, 4, 1))}
	for _, p := range []incident.DelayPolicy{incident.DelayToll, incident.DelayExtend} {
		opts := federalOnly(t)
		opts.DelayPolicy = p
		obs := obligations(t, i, opts)
		assert.Equal(t, day(2027, 4, 1), must(t, obs, "hhs").Deadline, "164.408(c), 164.412 %s", p)
	}
	opts := federalOnly(t)
	assert.Equal(t, day(2027, 5, 27), must(t, obligations(t, i, opts), "individuals").Deadline,
		"164.404(b) tolled by the 147 delayed days")
}

// TestDelayedBusinessDays: under DelayToll a State period in business days stops during the
// delay too; the delay applies to State deadlines and none falls before its end.
func TestDelayedBusinessDays(t *testing.T) {
	vt := rule("VT-test", "VT", func(r *statelaws.Rule) { r.Individuals = businessDays(14) })
	disc := day(2026, 3, 2) // a Monday
	i := newIncident(disc, in("VT", 40))
	obs := obligations(t, i, withRules(t, vt))
	assert.Equal(t, day(2026, 3, 20), must(t, obs, "state:VT-test:individuals").Deadline, "14 business days")

	i.Delays = []incident.Delay{oral("FBI", day(2026, 3, 4))} // delays 2026-03-04 to 2026-04-03
	obs = obligations(t, i, withRules(t, vt))
	assert.Equal(t, day(2026, 4, 21), must(t, obs, "state:VT-test:individuals").Deadline, "toll: 1 business day before, 13 after")
	assert.Contains(t, must(t, obs, "state:VT-test:individuals").Reason, "The State honours the delay")

	opts := withRules(t, vt)
	opts.DelayPolicy = incident.DelayExtend
	obs = obligations(t, i, opts)
	assert.Equal(t, day(2026, 4, 3), must(t, obs, "state:VT-test:individuals").Deadline, "extend: the delay's end")
}
