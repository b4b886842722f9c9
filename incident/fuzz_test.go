package incident_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/statelaws"
)

// Fuzz flags.
const (
	fMisuse = 1 << iota
	fBA
	fEncrypted
	fKeyCompromised
	fDestroyed
	fSecured
	fLowProbability
	fExtend
	fSameAgency
	fElementsMedical
	fNotPHI
	fException
	fIndividualsSent
	fBAAgent
	fBAReported
	fUnknownStateNoContact
)

// FuzzObligations feeds arbitrary facts (dates, counts per State, flags, delays) and checks
// the invariants of the Breach Notification Rule: no panic; Validate rejects exactly the
// invalid incidents and Obligations refuses them; for valid ones, no deadline falls before
// discovery or before a law-enforcement delay ends (45 CFR 164.412); media notice only for
// States with more than 500 residents (164.406); HHS timing follows the total (164.408(b)
// for 500 or more, 164.408(c) for fewer); the individual notice is due 60 days after
// discovery, moved only by a delay (164.404(b)); not-a-breach outcomes require no federal
// notice (164.402).
func FuzzObligations(f *testing.F) {
	// discovery offset from 2024-01-01, would-have-known days back, start days back, three
	// (State index, count), extra in total, no-contact, flags, BA days, two delays
	// (kind, offset from discovery, length).
	f.Add(uint16(731), int8(0), int16(0), uint8(43), int32(40), uint8(0), int32(0), uint8(0), int32(0), int32(0), int16(0), uint16(0), int8(0), uint8(0), int16(0), int16(0), uint8(0), int16(0), int16(0))
	f.Add(uint16(830), int8(0), int16(3), uint8(38), int32(520), uint8(20), int32(130), uint8(0), int32(0), int32(0), int16(12), uint16(fMisuse), int8(0), uint8(1), int16(10), int16(40), uint8(0), int16(0), int16(0))
	f.Add(uint16(1327), int8(5), int16(10), uint8(5), int32(3), uint8(0), int32(0), uint8(0), int32(0), int32(0), int16(0), uint16(fBA|fExtend), int8(10), uint8(2), int16(20), int16(30), uint8(1), int16(30), int16(60))
	f.Add(uint16(770), int8(0), int16(0), uint8(38), int32(500), uint8(1), int32(300), uint8(2), int32(100), int32(0), int16(0), uint16(fEncrypted|fSecured), int8(0), uint8(0), int16(0), int16(0), uint8(0), int16(0), int16(0))
	f.Add(uint16(770), int8(0), int16(0), uint8(38), int32(300), uint8(1), int32(300), uint8(2), int32(300), int32(5), int16(0), uint16(fEncrypted|fKeyCompromised|fSecured), int8(0), uint8(2), int16(-5), int16(90), uint8(1), int16(-3), int16(20))
	f.Add(uint16(100), int8(-3), int16(-2), uint8(60), int32(-1), uint8(60), int32(1), uint8(1), int32(2), int32(-9), int16(-1), uint16(0xffff), int8(-1), uint8(1), int16(0), int16(-4), uint8(3), int16(0), int16(0))
	set := statelaws.DefaultSet()
	codes := statelaws.Codes()

	f.Fuzz(func(t *testing.T, discOff uint16, back int8, startBack int16,
		s1 uint8, c1 int32, s2 uint8, c2 int32, s3 uint8, c3 int32, extra int32,
		noContact int16, flags uint16, baDays int8,
		k1 uint8, o1, l1 int16, k2 uint8, o2, l2 int16) {
		disc := day(2024, 1, 1) + date.Date(discOff%4000)
		i := incident.Incident{
			ID: "fuzz", Title: "fuzzed incident", DiscoveredOn: disc,
			DiscoveredBy:    incident.DiscovererWorkforce,
			MisuseImminent:  flags&fMisuse != 0,
			BAReportingDays: int(baDays),
			Encryption: incident.Encryption{Encrypted: flags&fEncrypted != 0, Standard: "NIST SP 800-111",
				KeyCompromised: flags&fKeyCompromised != 0},
			Destroyed: flags&fDestroyed != 0,
		}
		invalid := baDays < 0
		if flags&fBA != 0 {
			i.DiscoveredBy = incident.DiscovererBusinessAssociate
		}
		if back != 0 {
			i.WouldHaveKnownOn = disc - date.Date(back) // a negative back is later: harmless
		}
		if startBack != 0 {
			i.StartedOn = disc - date.Date(startBack)
			invalid = invalid || startBack < 0 || (i.WouldHaveKnownOn != date.Zero && i.WouldHaveKnownOn < i.StartedOn)
		}
		if flags&fBAAgent != 0 {
			i.BAAgent = true
			invalid = invalid || flags&fBA == 0
		}
		if flags&fBAReported != 0 {
			i.BAReportedOn = disc
			if i.WouldHaveKnownOn != date.Zero && i.WouldHaveKnownOn < disc {
				i.BAReportedOn = i.WouldHaveKnownOn
			}
			invalid = invalid || flags&fBA == 0
		}
		if flags&fElementsMedical != 0 {
			i.Elements = []statelaws.DataElement{statelaws.ElementMedical}
		}

		// Up to three States; an index past the list is an unknown code.
		sum, seen := int64(0), map[statelaws.Code]bool{}
		for k, p := range []struct {
			s uint8
			c int32
		}{{s1, c1}, {s2, c2}, {s3, c3}} {
			if p.c == 0 && k > 0 {
				continue
			}
			code := statelaws.Code("ZZ")
			if int(p.s) < len(codes) {
				code = codes[p.s]
			}
			a := incident.Affected{State: code, Count: int(p.c)}
			if k == 0 && noContact != 0 {
				a.NoContact = int(noContact)
				invalid = invalid || noContact < 0 || int(noContact) > a.Count
			}
			invalid = invalid || !code.Valid() || seen[code] || p.c < 0 || p.c > incident.MaxCount
			seen[code] = true
			sum += int64(p.c)
			i.Affected = append(i.Affected, a)
		}
		total := sum + int64(extra)
		i.Total = int(total)
		// A zero total is not yet known (at least the States' counts); otherwise it may
		// not be less than their sum.
		invalid = invalid || total < 0 || extra < 0 && total != 0 || total > incident.MaxCount
		if flags&fUnknownStateNoContact != 0 && extra > 0 {
			i.NoContactUnknownState = int(extra % 11)
		}

		// Determination.
		switch {
		case flags&fLowProbability != 0:
			i.Determination = lowProbability(disc + 1)
		case flags&fNotPHI != 0:
			i.Determination = &incident.Determination{Outcome: incident.OutcomeNotPHI, Facts: "no PHI", DecidedBy: officer, DecidedOn: disc}
		case flags&fException != 0:
			i.Determination = &incident.Determination{Outcome: incident.OutcomeException, Exception: incident.ExceptionCouldNotRetain,
				Facts: "envelope returned sealed", DecidedBy: officer, DecidedOn: disc}
		case flags&fSecured != 0:
			i.Determination = &incident.Determination{Outcome: incident.OutcomeSecured, DecidedBy: officer, DecidedOn: disc}
			invalid = invalid || !(i.Destroyed || (i.Encryption.Encrypted && !i.Encryption.KeyCompromised))
		}

		// Delays: kind 0 none, 1 oral, 2 written, 3 written with no end (invalid).
		for _, d := range []struct {
			k    uint8
			o, l int16
		}{{k1, o1, l1}, {k2, o2, l2}} {
			agency := "FBI"
			if flags&fSameAgency == 0 && len(i.Delays) > 0 {
				agency = "State Police"
			}
			stated := disc + date.Date(d.o%400)
			switch d.k % 4 {
			case 1:
				i.Delays = append(i.Delays, oral(agency, stated))
			case 2:
				i.Delays = append(i.Delays, written(agency, stated, stated+date.Date(d.l%400)))
				invalid = invalid || d.l%400 < 0
			case 3: // a written statement with no time runs under the oral rule (164.412(b))
				i.Delays = append(i.Delays, written(agency, stated, date.Zero))
			}
		}

		if flags&fIndividualsSent != 0 {
			sent := disc + date.Date(uint16(o1)%120)
			i.Notices = []incident.Notice{{Key: incident.KeyIndividuals, SentOn: sent, Method: "first-class mail", Individuals: max(1, min(i.Total, incident.MaxCount))}}
		}

		opts := incident.Options{Rules: set}
		if flags&fExtend != 0 {
			opts.DelayPolicy = incident.DelayExtend
		}
		verr := i.Validate()
		obs, oerr := incident.Obligations(&i, opts)
		if invalid {
			require.Error(t, verr, "Validate accepted an invalid incident")
			require.Error(t, oerr, "Obligations accepted an invalid incident")
			return
		}
		require.NoError(t, verr)
		require.NoError(t, oerr)
		checkInvariants(t, &i, opts.DelayPolicy, obs)
	})
}

// checkInvariants checks what must hold for the obligations of any valid incident.
func checkInvariants(t *testing.T, i *incident.Incident, policy incident.DelayPolicy, obs []incident.Obligation) {
	t.Helper()
	disc, end := i.Discovery(), incident.DelayEnd(i.Delays)
	breach := i.Determination == nil || i.Determination.Outcome == incident.OutcomeBreach
	seen := map[string]bool{}
	over := map[string]bool{}
	located := 0
	for _, a := range i.Affected {
		located += a.Count
		if a.Count > incident.MediaThreshold || a.Count == 0 { // a State not yet counted may have more
			over[incident.MediaKey(a.State)] = true
		}
	}
	if i.Total == 0 && len(i.Affected) == 0 || i.Total > 0 && i.Total-located > incident.MediaThreshold {
		over[incident.KeyMediaUnknownState] = true
	}
	var ind incident.Obligation
	for k, o := range obs {
		if n, ok := sentOn(i, o.Key); ok {
			require.Equal(t, n, o.SentOn, o.Key)
			if o.Status != incident.StatusNotRequired && !o.Has(incident.FlagOwedAgain) {
				require.Equal(t, incident.StatusSent, o.Status, o.Key)
			}
		} else if o.Key != incident.KeyBANotice || i.BAReportedOn == date.Zero {
			require.NotEqual(t, incident.StatusSent, o.Status, o.Key)
		}
		require.NotEmpty(t, o.Citation, o.Key)
		require.True(t, o.Mark.Valid(), "%s: mark %q", o.Key, o.Mark)
		require.NotNil(t, o.Flags, o.Key)
		for _, f := range o.Flags {
			require.True(t, f.Valid(), "%s: flag %q", o.Key, f)
		}
		require.Equal(t, o.Has(incident.FlagUnverified), o.Unverified, o.Key)
		if o.Status == incident.StatusRecommended {
			require.Equal(t, date.Zero, o.Deadline, "%s: a recommendation has no deadline", o.Key)
		}
		require.False(t, seen[o.Key], "key %s twice", o.Key)
		seen[o.Key] = true
		require.True(t, o.Status.Valid() && o.Party.Valid(), "%s: status %q party %q", o.Key, o.Status, o.Party)
		// A State's deadlines move only for the delays it honours; federal ones for all.
		if o.Deadline != date.Zero && o.Key != incident.KeyBANotice {
			require.GreaterOrEqual(t, o.Deadline, disc, "%s: deadline before discovery", o.Key)
		}
		if o.Deadline != date.Zero && !strings.HasPrefix(o.Key, "state:") {
			require.GreaterOrEqual(t, o.Deadline, end, "%s: deadline before the delay ends (164.412)", o.Key)
			for _, d := range i.Delays {
				require.False(t, o.Deadline >= d.StatedOn && o.Deadline < d.End() && o.Deadline < end,
					"%s: deadline inside a delay (164.412)", o.Key)
			}
		}
		if o.Status == incident.StatusNotRequired {
			require.NotEmpty(t, o.NotRequired, o.Key)
			require.True(t, o.NotRequiredCode.Valid(), "%s: not_required_code %q", o.Key, o.NotRequiredCode)
			require.Equal(t, date.Zero, o.Deadline, o.Key)
		} else {
			require.Empty(t, o.NotRequiredCode, o.Key)
		}
		if k > 0 {
			a, b := obs[k-1].Deadline, o.Deadline
			require.True(t, b == date.Zero || (a != date.Zero && a <= b), "not sorted at %s", o.Key)
		}
		if strings.HasPrefix(o.Key, "media:") {
			require.True(t, over[o.Key], "%s: media only for a State with more than 500 (164.406)", o.Key)
		}
		if !strings.HasPrefix(o.Key, "state:") && !breach {
			require.Equal(t, incident.StatusNotRequired, o.Status, "%s: not a breach (164.402)", o.Key)
		}
		if o.Key == incident.KeyIndividuals {
			ind = o
		}
	}
	for key := range over {
		require.True(t, seen[key], "missing %s (164.406)", key)
	}
	require.True(t, seen[incident.KeyIndividuals] && seen[incident.KeyHHS])
	require.Equal(t, i.DiscoveredBy == incident.DiscovererBusinessAssociate, seen[incident.KeyBANotice])

	if !breach {
		return
	}
	// 164.404(b), 164.412: 60 days, moved only by a delay.
	sixty := disc + incident.NoticeDays
	if policy == incident.DelayExtend {
		require.Equal(t, max(sixty, end), ind.Deadline, "164.404(b) extend")
	} else {
		require.GreaterOrEqual(t, ind.Deadline, max(sixty, end), "164.404(b) toll")
		if end == date.Zero {
			require.Equal(t, sixty, ind.Deadline, "164.404(b)")
		}
	}
	// 164.408: HHS timing follows the total.
	hhs, _ := find(obs, incident.KeyHHS)
	if i.Total >= incident.HHSThreshold || i.Total == 0 { // a count not yet known is 500 or more
		require.Equal(t, "45 CFR 164.408(b)", hhs.Citation, fmt.Sprint(i.Total))
		want := ind.Deadline
		if n := ind.SentOn; n != date.Zero && n < want {
			want = max(n, end) // contemporaneously with the individual notice
		}
		require.Equal(t, want, hhs.Deadline, "164.408(b): with the individual notice")
	} else {
		require.Equal(t, "45 CFR 164.408(c)", hhs.Citation, fmt.Sprint(i.Total))
		require.Equal(t, max(incident.HHSAnnualDeadline(disc.Year()), end), hhs.Deadline, "164.408(c)")
	}
	added, removed := incident.Diff(obs, obs)
	assert.Empty(t, added)
	assert.Empty(t, removed)
}

// sentOn returns the day the notice with key was recorded as sent.
func sentOn(i *incident.Incident, key string) (date.Date, bool) {
	for _, n := range i.Notices {
		if n.Key == key {
			return n.SentOn, true
		}
	}
	return date.Zero, false
}
