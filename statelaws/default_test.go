package statelaws_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	sl "github.com/hipaaops/hipaaops/statelaws"
)

// Shorthands for the per-jurisdiction table.
const (
	P = sl.MarkStatute
	S = sl.MarkSecondary
	U = sl.MarkUnverified

	reg = sl.NoticeKind("") // a regulator: the empty kind
	cra = sl.KindConsumerReporting

	always  = sl.Condition("") // the empty condition
	deemed  = sl.CondDeemedCompliance
	delayed = sl.CondDelayed
	noHarm  = sl.CondNoHarm

	trig      = sl.RelTrigger
	afterInd  = sl.RelIndividualNotice
	withInd   = sl.RelWithIndividuals
	beforeInd = sl.RelBeforeIndividuals
	afterHHS  = sl.RelHHSNotice
)

// none is the Period with no fixed days.
var none = sl.Period{}

// nw is what the table pins of a RegulatorNotice.
type nw struct {
	id       string
	kind     sl.NoticeKind
	cond     sl.Condition
	min      int
	deadline sl.Period
	rel      sl.Relative
	hipaa    bool // AppliesToHIPAA
	mark     sl.Mark
}

// rw is what the table pins of a Rule.
type rw struct {
	id        string
	mark      sl.Mark
	trigger   sl.Trigger
	ind       sl.Period
	notices   []nw
	hipaa     sl.HIPAATreatment
	hipaaMark sl.Mark // the HIPAA part's mark (PartMark)
	medical   bool    // counts medical information
	reach     sl.Reach
	honours   sl.DelayHonour // Delay.Honours as stored; empty is the federal rule
	after     sl.Period      // Delay.After
	harbor    sl.SafeHarborKind
	noStatute bool
	effective date.Date
}

// One case per jurisdiction of Codes(), named for its statute: the rules of the
// jurisdiction and, for each, the facts the incident package reads.
var jurisdictions = []struct {
	name  string
	code  sl.Code
	rules []rw
}{
	{"AK Alaska Stat. 45.48.010–45.48.090", "AK", []rw{
		{id: "AK-45.48.010", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag-no-harm", reg, noHarm, 1, none, trig, true, P},
				{"cra", cra, always, 1001, none, trig, true, P},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"AL Ala. Code 8-38-5", "AL", []rw{
		{id: "AL-8-38-5", mark: P, trigger: sl.TriggerDetermination, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 1001, calendar(45), trig, true, P},
			},
			hipaa: sl.HIPAAExemptExceptRegulator, hipaaMark: U, medical: true, honours: sl.HonoursWrittenOnly},
	}},
	{"AR Ark. Code Ann. 4-110-101 to 4-110-108 (Act 1030 of 2019)", "AR", []rw{
		{id: "AR-4-110-105", mark: S, trigger: sl.TriggerDetermination, ind: none,
			notices: []nw{
				{"ag", reg, always, 1001, none, withInd, true, S},
				{"ag-45-days", reg, always, 1001, calendar(45), trig, true, S},
			},
			hipaa: sl.HIPAAExemptExceptRegulator, hipaaMark: U, medical: true},
	}},
	{"AS American Samoa, no breach-notification statute found", "AS", []rw{
		{id: "AS-none", mark: U, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true, noStatute: true},
	}},
	{"AZ A.R.S. 18-552", "AZ", []rw{
		{id: "AZ-18-552", mark: S, trigger: sl.TriggerDetermination, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 1001, calendar(45), trig, true, U},
				{"dhs", reg, always, 1001, calendar(45), trig, true, U},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"CA Cal. Civ. Code 1798.82 and Health & Safety Code 1280.15", "CA", []rw{
		{id: "CA-1798.82", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(30),
			notices: []nw{
				{"ag", reg, always, 501, calendar(15), afterInd, true, S},
			},
			hipaa: sl.HIPAAPartial, hipaaMark: U, medical: true, effective: day(2026, 1, 1)},
		{id: "CA-HSC-1280.15", mark: P, trigger: sl.TriggerDetection, ind: business(15),
			notices: []nw{
				{"cdph", reg, always, 1, business(15), trig, true, P},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: P, medical: true, reach: sl.ReachDepends, after: business(15)},
	}},
	{"CO C.R.S. 6-1-716", "CO", []rw{
		{id: "CO-6-1-716", mark: S, trigger: sl.TriggerDetermination, ind: calendar(30),
			notices: []nw{
				{"ag", reg, always, 500, calendar(30), trig, true, S},
				{"cra", cra, always, 1000, none, trig, true, U},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"CT Conn. Gen. Stat. 36a-701b", "CT", []rw{
		{id: "CT-36a-701b", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(60),
			notices: []nw{
				{"ag", reg, always, 1, none, withInd, true, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: S, medical: true},
	}},
	{"DC D.C. Code 28-3852", "DC", []rw{
		{id: "DC-28-3852", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 50, none, withInd, true, U},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"DE 6 Del. C. 12B-102", "DE", []rw{
		{id: "DE-12B-102", mark: S, trigger: sl.TriggerDetermination, ind: calendar(60),
			notices: []nw{
				{"ag", reg, always, 501, none, withInd, false, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: P, medical: true},
	}},
	{"FL Fla. Stat. 501.171", "FL", []rw{
		{id: "FL-501.171", mark: S, trigger: sl.TriggerDetermination, ind: calendar(30),
			notices: []nw{
				{"dept-legal-affairs", reg, always, 500, calendar(30), trig, true, S},
				{"dept-copy", reg, deemed, 1, none, withInd, true, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: S, medical: true},
	}},
	{"GA O.C.G.A. 10-1-910 to 10-1-912", "GA", []rw{
		{id: "GA-10-1-912", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 10001, none, trig, true, P},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false, reach: sl.ReachNotPractice},
	}},
	{"GU 9 GCA 48.10–48.80", "GU", []rw{
		{id: "GU-48", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: false},
	}},
	{"HI HRS 487N-1 to 487N-4", "HI", []rw{
		{id: "HI-487N-2", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"consumer-protection", reg, always, 1001, none, trig, false, P},
				{"cra", cra, always, 1001, none, trig, false, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: P, medical: false, honours: sl.HonoursWrittenOnly},
	}},
	{"IA Iowa Code 715C.1–715C.2", "IA", []rw{
		{id: "IA-715C.2", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 501, business(5), afterInd, false, P},
			},
			hipaa: sl.HIPAAExempt, hipaaMark: P, medical: false},
	}},
	{"ID Idaho Code 28-51-104 to 28-51-107", "ID", []rw{
		{id: "ID-28-51-105", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false},
	}},
	{"IL 815 ILCS 530", "IL", []rw{
		{id: "IL-530", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 501, none, trig, false, S},
				{"ag-hhs-copy", reg, deemed, 1, business(5), afterHHS, true, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: S, medical: true},
	}},
	{"IN Ind. Code 24-4.9", "IN", []rw{
		{id: "IN-24-4.9", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 1, none, withInd, true, S},
			},
			hipaa: sl.HIPAAPartial, hipaaMark: U, medical: false},
	}},
	{"KS K.S.A. 50-7a01 to 50-7a04", "KS", []rw{
		{id: "KS-50-7a02", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, false, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false},
	}},
	{"KY KRS 365.732", "KY", []rw{
		{id: "KY-365.732", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, false, S},
			},
			hipaa: sl.HIPAAExempt, hipaaMark: U, medical: false},
	}},
	{"LA La. R.S. 51:3074", "LA", []rw{
		{id: "LA-51:3074", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(60),
			notices: []nw{
				{"ag", reg, always, 1, calendar(10), afterInd, true, S},
				{"ag-delay-reasons", reg, delayed, 1, calendar(60), trig, true, P},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: P, medical: false},
	}},
	{"MA M.G.L. c. 93H, 3–5", "MA", []rw{
		{id: "MA-93H", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1, none, trig, true, P},
				{"ocabr", reg, always, 1, none, trig, true, P},
				{"cra", cra, always, 1, none, trig, false, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: P, medical: false, honours: sl.HonoursOnCondition},
	}},
	{"MD Md. Code, Com. Law 14-3504", "MD", []rw{
		{id: "MD-14-3504", mark: P, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 1, none, beforeInd, false, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: P, medical: true},
	}},
	{"ME 10 M.R.S. 1348", "ME", []rw{
		{id: "ME-1348", mark: S, trigger: sl.TriggerAwareness, ind: calendar(30),
			notices: []nw{
				{"ag", reg, always, 1, none, withInd, true, S},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: false},
	}},
	{"MI MCL 445.63, 445.72", "MI", []rw{
		{id: "MI-445.72", mark: U, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, false, U},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false},
	}},
	{"MN Minn. Stat. 325E.61", "MN", []rw{
		{id: "MN-325E.61", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 501, none, trig, true, U},
				{"cra", cra, always, 501, calendar(2), trig, true, U},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"MO RSMo 407.1500", "MO", []rw{
		{id: "MO-407.1500", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1001, none, trig, false, S},
				{"cra", cra, always, 1001, none, trig, false, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: true},
	}},
	{"MP Northern Mariana Islands, no breach-notification statute found", "MP", []rw{
		{id: "MP-none", mark: U, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true, noStatute: true},
	}},
	{"MS Miss. Code Ann. 75-24-29", "MS", []rw{
		{id: "MS-75-24-29", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false},
	}},
	{"MT MCA 30-14-1704", "MT", []rw{
		{id: "MT-30-14-1704", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"consumer-protection", reg, always, 1, none, withInd, true, S},
				{"cra", cra, always, 1, none, trig, true, U},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: true},
	}},
	{"NC N.C. Gen. Stat. 75-61, 75-65", "NC", []rw{
		{id: "NC-75-65", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1, none, trig, true, S},
				{"cra", cra, always, 1001, none, trig, true, U},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"ND N.D.C.C. 51-30-01 to 51-30-07", "ND", []rw{
		{id: "ND-51-30-02", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 251, none, trig, false, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: true},
	}},
	{"NE Neb. Rev. Stat. 87-801 to 87-807", "NE", []rw{
		{id: "NE-87-803", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1, none, withInd, true, P},
				{"cra", cra, always, 1001, none, trig, true, U},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"NH RSA 359-C:19 to 359-C:21", "NH", []rw{
		{id: "NH-359-C:20", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1, none, trig, true, P},
				{"cra", cra, always, 1001, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"NJ N.J. Stat. Ann. 56:8-161 to 56:8-166", "NJ", []rw{
		{id: "NJ-56:8-163", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"state-police", reg, always, 1, none, beforeInd, true, P},
				{"cra", cra, always, 1001, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"NM N.M. Stat. 57-12C-6", "NM", []rw{
		{id: "NM-57-12C-6", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 1001, none, trig, false, S},
			},
			hipaa: sl.HIPAAExempt, hipaaMark: S, medical: false},
	}},
	{"NV NRS 603A.010 et seq., 603A.220", "NV", []rw{
		{id: "NV-603A.220", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"NY N.Y. Gen. Bus. Law 899-aa", "NY", []rw{
		{id: "NY-899-aa", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(30),
			notices: []nw{
				{"ag-hhs-copy", reg, always, 1, business(5), afterHHS, true, P},
				{"ag-dos-police", reg, always, 1, none, withInd, true, S},
				{"ag-no-misuse", reg, noHarm, 501, calendar(10), trig, true, P},
				{"cra", cra, always, 5001, none, trig, true, S},
			},
			hipaa: sl.HIPAAPartial, hipaaMark: S, medical: true, effective: day(2024, 12, 21)},
	}},
	{"OH Ohio Rev. Code 1349.19", "OH", []rw{
		{id: "OH-1349.19", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			hipaa: sl.HIPAAExempt, hipaaMark: U, medical: false},
	}},
	{"OK 24 O.S. 161–166, as amended by SB 626 (2025)", "OK", []rw{
		{id: "OK-163", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 500, calendar(60), trig, true, U},
				{"ag-hipaa", reg, deemed, 1, calendar(60), trig, true, U},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false, effective: day(2026, 1, 1)},
	}},
	{"OR ORS 646A.604", "OR", []rw{
		{id: "OR-646A.604", mark: P, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 251, none, trig, false, P},
				{"ag-copy", reg, always, 1, none, withInd, true, U},
			},
			hipaa: sl.HIPAAExemptExceptRegulator, hipaaMark: S, medical: true},
	}},
	{"PA 73 P.S. 2301–2330, as amended by Act 151 of 2022 and Act 33 of 2024", "PA", []rw{
		{id: "PA-2303", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 501, none, withInd, false, P},
				{"cra", cra, always, 500, none, trig, false, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false, effective: day(2024, 9, 26)},
	}},
	{"PR 10 L.P.R.A. 4052", "PR", []rw{
		{id: "PR-4052", mark: P, trigger: sl.TriggerDetection, ind: none,
			notices: []nw{
				{"daco", reg, always, 1, calendar(10), trig, true, P},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"RI R.I. Gen. Laws 11-49.3-4", "RI", []rw{
		{id: "RI-11-49.3-4", mark: S, trigger: sl.TriggerAwareness, ind: calendar(45),
			notices: []nw{
				{"ag", reg, always, 501, none, trig, true, S},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"SC S.C. Code Ann. 39-1-90", "SC", []rw{
		{id: "SC-39-1-90", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"dept-consumer-affairs", reg, always, 1001, none, trig, true, S},
				{"cra", cra, always, 1001, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"SD SDCL 22-40-20", "SD", []rw{
		{id: "SD-22-40-20", mark: P, trigger: sl.TriggerDiscovery, ind: calendar(60),
			notices: []nw{
				{"ag", reg, always, 251, none, trig, true, P},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: true},
	}},
	{"TN Tenn. Code Ann. 47-18-2107", "TN", []rw{
		{id: "TN-47-18-2107", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, false, S},
			},
			hipaa: sl.HIPAAExempt, hipaaMark: S, medical: false},
	}},
	{"TX Tex. Bus. & Com. Code 521.053", "TX", []rw{
		{id: "TX-521.053", mark: S, trigger: sl.TriggerDetermination, ind: calendar(60),
			notices: []nw{
				{"ag", reg, always, 250, calendar(30), trig, true, P},
				{"cra", cra, always, 10001, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: true, harbor: sl.HarborEncryptedKeySafe},
	}},
	{"UT Utah Code 13-44-101 et seq., 13-44-202", "UT", []rw{
		{id: "UT-13-44-202", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 500, none, trig, true, S},
				{"cyber-center", reg, always, 500, none, trig, true, S},
				{"cra", cra, always, 1000, none, trig, true, S},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false, effective: day(2024, 5, 1)},
	}},
	{"VA Va. Code 18.2-186.6 and 32.1-127.1:05", "VA", []rw{
		{id: "VA-18.2-186.6", mark: U, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"ag", reg, always, 1, none, trig, false, U},
				{"cra", cra, always, 1001, none, trig, false, U},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: false},
		{id: "VA-32.1-127.1:05", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true, reach: sl.ReachNotPractice, effective: day(2011, 1, 1)},
	}},
	{"VI 14 V.I.C. 2208 (and 2201, 2209–2212)", "VI", []rw{
		{id: "VI-2208", mark: S, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"VT 9 V.S.A. 2435", "VT", []rw{
		{id: "VT-2435", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"ag-preliminary", reg, always, 1, business(14), trig, true, S},
				{"ag-preliminary-early", reg, always, 1, none, withInd, true, S},
			},
			hipaa: sl.HIPAAUnknown, hipaaMark: U, medical: true},
	}},
	{"WA RCW 19.255.010", "WA", []rw{
		{id: "WA-19.255.010", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(30),
			notices: []nw{
				{"ag", reg, always, 501, calendar(30), trig, true, S},
			},
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: S, medical: true},
	}},
	{"WI Wis. Stat. 134.98", "WI", []rw{
		{id: "WI-134.98", mark: S, trigger: sl.TriggerDiscovery, ind: calendar(45),
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, false, S},
			},
			hipaa: sl.HIPAAExempt, hipaaMark: U, medical: false},
	}},
	{"WV W. Va. Code 46A-2A-101 to 46A-2A-105", "WV", []rw{
		{id: "WV-46A-2A-102", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			notices: []nw{
				{"cra", cra, always, 1001, none, trig, true, U},
			},
			hipaa: sl.HIPAAApplies, hipaaMark: U, medical: false},
	}},
	{"WY Wyo. Stat. 40-12-501 to 40-12-509", "WY", []rw{
		{id: "WY-40-12-502", mark: P, trigger: sl.TriggerDiscovery, ind: none,
			hipaa: sl.HIPAADeemedCompliant, hipaaMark: U, medical: true, honours: sl.HonoursWrittenOnly, effective: day(2015, 7, 1)},
	}},
}

func TestDefaultJurisdictions(t *testing.T) {
	require.Len(t, jurisdictions, len(sl.Codes()), "one case per jurisdiction")
	set := sl.DefaultSet()
	var cased []sl.Code
	total := 0
	for _, tt := range jurisdictions {
		cased = append(cased, tt.code)
		total += len(tt.rules)
		t.Run(tt.name, func(t *testing.T) {
			got := set.For(tt.code)
			want := make([]string, len(tt.rules))
			for i, w := range tt.rules {
				want[i] = w.id
			}
			require.Equal(t, want, ids(got), "rule IDs")
			for i, w := range tt.rules {
				r := got[i]
				assert.Equal(t, w.mark, r.Mark, "%s mark", r.ID)
				assert.Equal(t, w.trigger, r.Trigger, "%s trigger", r.ID)
				assert.Equal(t, w.ind, r.Individuals, "%s individuals", r.ID)
				assert.Equal(t, w.hipaa, r.HIPAA, "%s hipaa", r.ID)
				assert.Equal(t, w.hipaaMark, r.PartMark(r.HIPAAMark), "%s hipaa mark", r.ID)
				assert.Equal(t, w.medical, r.Counts([]sl.DataElement{sl.ElementMedical}), "%s counts medical", r.ID)
				assert.Equal(t, w.reach, r.Reach, "%s reach", r.ID)
				assert.Equal(t, w.honours, r.Delay.Honours, "%s delay honours", r.ID)
				assert.Equal(t, w.after, r.Delay.After, "%s delay after", r.ID)
				assert.Equal(t, w.harbor, r.SafeHarbor.Kind, "%s safe harbor", r.ID)
				assert.Equal(t, w.noStatute, r.NoStatute, "%s no statute", r.ID)
				assert.Equal(t, w.effective, r.EffectiveOn, "%s effective on", r.ID)
				var notices []nw
				for _, n := range r.Regulators {
					notices = append(notices, nw{n.ID, n.Kind, n.Condition, n.MinResidents, n.Deadline, n.Relative,
						n.AppliesToHIPAA, n.Mark})
				}
				assert.Equal(t, w.notices, notices, "%s notices", r.ID)
			}
		})
	}
	assert.Equal(t, sl.Codes(), cased, "the cases follow Codes()")
	assert.Equal(t, set.Len(), total, "every rule is pinned")
}

func TestDefaultCoversEveryJurisdiction(t *testing.T) {
	set := sl.DefaultSet()
	for _, c := range sl.Codes() {
		assert.NotEmpty(t, set.For(c), "%s has a rule", c)
	}
	assert.Empty(t, sl.NotResearched())
	assert.Empty(t, set.Uncovered())
}

var codePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestDefaultRulesAreComplete(t *testing.T) {
	rules := sl.Default()
	s, err := sl.NewSet(rules)
	require.NoError(t, err)
	assert.Equal(t, len(rules), s.Len())
	assert.Equal(t, rules, sl.DefaultSet().All())
	for i := range rules {
		r := &rules[i]
		t.Run(r.ID, func(t *testing.T) {
			require.NoError(t, r.Validate())
			assert.NotEmpty(t, r.Title, "title")
			assert.NotEmpty(t, r.Citation, "citation")
			assert.NotEmpty(t, r.Source, "source")
			assert.NotEmpty(t, r.Note, "note")
			assert.True(t, r.Mark.Valid(), "mark")
			for _, m := range []sl.Mark{r.IndividualsMark, r.HIPAAMark, r.ElementsMark, r.ScopeMark, r.Delay.Mark, r.SafeHarbor.Mark} {
				assert.True(t, m == "" || m.Valid(), "part mark %q", m)
			}
			if r.HIPAA == sl.HIPAAUnknown {
				assert.Equal(t, sl.MarkUnverified, r.PartMark(r.HIPAAMark), "unknown HIPAA treatment is unverified")
			}
			if r.NoStatute {
				assert.Equal(t, sl.MarkUnverified, r.Mark, "no statute found is unverified")
				assert.Empty(t, r.Regulators)
				assert.False(t, r.Individuals.Fixed())
			}
			seen := map[string]bool{}
			for _, n := range r.Regulators {
				assert.Regexp(t, codePattern, n.ID, "notice id")
				assert.False(t, seen[n.ID], "notice id %s is unique", n.ID)
				seen[n.ID] = true
				assert.NotEmpty(t, n.Citation, "%s citation", n.ID)
				assert.NotEmpty(t, n.Note, "%s note", n.ID)
				assert.True(t, n.Mark.Valid(), "%s mark", n.ID)
				if n.Kind == sl.KindConsumerReporting {
					assert.Equal(t, "cra", n.ID[:3], "a consumer reporting notice's id starts with cra")
				}
			}
		})
	}
}

// The notices whose waiver would rest on an unverified HIPAA treatment stay flagged.
func TestDefaultUnverifiedExemptions(t *testing.T) {
	set := sl.DefaultSet()
	for _, id := range []string{"OH-1349.19", "WI-134.98", "AL-8-38-5", "SD-22-40-20", "KY-365.732", "MI-445.72", "OK-163"} {
		r, ok := set.Get(id)
		require.True(t, ok, id)
		assert.Contains(t, r.UnverifiedParts(), "hipaa", id)
	}
	for _, id := range []string{"IA-715C.2", "HI-487N-2", "MA-93H", "MD-14-3504", "DE-12B-102", "TN-47-18-2107", "NM-57-12C-6"} {
		r, ok := set.Get(id)
		require.True(t, ok, id)
		assert.NotContains(t, r.UnverifiedParts(), "hipaa", id)
	}
}

func TestDefaultReturnsFreshCopies(t *testing.T) {
	a := sl.Default()
	want := ids(a)
	a[0].ID = "changed"
	a[0].Elements[0] = sl.ElementMedical
	i := slices.IndexFunc(a, func(r sl.Rule) bool { return r.ID == "AL-8-38-5" })
	require.GreaterOrEqual(t, i, 0)
	a[i].Regulators[0].MinResidents = 1
	a[i].Delay.Honours = sl.HonoursNone

	b := sl.Default()
	assert.Equal(t, want, ids(b))
	assert.Equal(t, sl.ElementSSN, b[0].Elements[0])
	assert.Equal(t, 1001, b[i].Regulators[0].MinResidents)
	assert.Equal(t, sl.HonoursWrittenOnly, b[i].Delay.Honours)
}
