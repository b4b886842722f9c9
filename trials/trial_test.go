package trials_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
)

const ruleBasis = "must be chosen before enrolling (45 CFR 164.508 / 164.512(i))"

// TestTrialValidate: each bad field is named with the rule it breaks.
func TestTrialValidate(t *testing.T) {
	tests := []struct {
		name        string
		status      trials.Status
		edit        func(tr *trials.Trial)
		field, rule string
	}{
		{"OKOpening", trials.StatusOpening, func(tr *trials.Trial) {}, "", ""},
		{"OKEnrolling", trials.StatusEnrolling, func(tr *trials.Trial) {}, "", ""},
		{"OKClosed", trials.StatusClosed, func(tr *trials.Trial) {}, "", ""},
		{"OKMinimal", trials.StatusOpening, func(tr *trials.Trial) {
			*tr = trials.Trial{ID: "t", Title: "T", Sponsor: "s", Status: trials.StatusOpening}
		}, "", ""},
		{"OKOpeningUndecided (164.508)", trials.StatusOpening, func(tr *trials.Trial) { tr.Basis = trials.BasisUndecided }, "", ""},
		{"OKClosedWithoutEnrollingUndecided (164.508)", trials.StatusClosed, func(tr *trials.Trial) {
			*tr = newTrial()
			tr.Basis = trials.BasisUndecided
			tr.Status, tr.ClosedOn = trials.StatusClosed, openedOn+30
		}, "", ""},
		{"OKWaiver (164.512(i)(1)(i))", trials.StatusEnrolling, func(tr *trials.Trial) { tr.Basis = trials.BasisWaiver }, "", ""},
		{"OKLimitedDataSet (164.514(e))", trials.StatusEnrolling, func(tr *trials.Trial) { tr.Basis = trials.BasisLimitedDataSet }, "", ""},
		{"OKNoOpenedOn", trials.StatusClosed, func(tr *trials.Trial) { tr.OpenedOn = date.Zero }, "", ""},
		{"OKSameDay", trials.StatusClosed, func(tr *trials.Trial) { tr.EnrollingOn, tr.ClosedOn = openedOn, openedOn }, "", ""},
		{"ErrIDEmpty", trials.StatusOpening, func(tr *trials.Trial) { tr.ID = "" }, "id", "must not be empty"},
		{"ErrTitleBlank", trials.StatusOpening, func(tr *trials.Trial) { tr.Title = "  " }, "title", "must not be empty"},
		{"ErrSponsorEmpty", trials.StatusOpening, func(tr *trials.Trial) { tr.Sponsor = "" }, "sponsor", "must not be empty"},
		{"ErrSiteEmpty", trials.StatusOpening, func(tr *trials.Trial) { tr.Sites = []org.SiteID{""} }, "sites[0]", "must not be empty"},
		{"ErrSiteTwice", trials.StatusOpening, func(tr *trials.Trial) { tr.Sites = []org.SiteID{"a", "a"} }, "sites[1]", `"a" is listed twice`},
		{"ErrStatusUnknown", trials.StatusOpening, func(tr *trials.Trial) { tr.Status = "suspended" }, "status", `"suspended" is not one of`},
		{"ErrStatusEmpty", trials.StatusOpening, func(tr *trials.Trial) { tr.Status = "" }, "status", `"" is not one of`},
		{"ErrBasisUnknown (164.508)", trials.StatusOpening, func(tr *trials.Trial) { tr.Basis = "consent" }, "basis", `"consent" is not one of`},
		{"ErrEnrollingUndecided (164.508 / 164.512(i))", trials.StatusEnrolling, func(tr *trials.Trial) { tr.Basis = trials.BasisUndecided }, "basis", ruleBasis},
		{"ErrClosedAfterEnrollingUndecided (164.508 / 164.512(i))", trials.StatusClosed, func(tr *trials.Trial) { tr.Basis = trials.BasisUndecided }, "basis", ruleBasis},
		{"ErrOpeningWithEnrollingOn", trials.StatusOpening, func(tr *trials.Trial) { tr.EnrollingOn = enrollingOn }, "enrolling_on", "must not be set while opening"},
		{"ErrOpeningWithClosedOn", trials.StatusOpening, func(tr *trials.Trial) { tr.ClosedOn = closedOn }, "closed_on", "must not be set while opening"},
		{"ErrEnrollingWithoutEnrollingOn", trials.StatusEnrolling, func(tr *trials.Trial) { tr.EnrollingOn = date.Zero }, "enrolling_on", "must be set while enrolling"},
		{"ErrEnrollingWithClosedOn", trials.StatusEnrolling, func(tr *trials.Trial) { tr.ClosedOn = closedOn }, "closed_on", "must not be set while enrolling"},
		{"ErrClosedWithoutClosedOn", trials.StatusClosed, func(tr *trials.Trial) { tr.ClosedOn = date.Zero }, "closed_on", "must be set on a closed trial"},
		{"ErrEnrollingBeforeOpened", trials.StatusEnrolling, func(tr *trials.Trial) { tr.EnrollingOn = openedOn - 1 }, "enrolling_on", "2026-01-11 is before opened date 2026-01-12"},
		{"ErrClosedBeforeEnrolling", trials.StatusClosed, func(tr *trials.Trial) { tr.ClosedOn = enrollingOn - 1 }, "closed_on", "2026-03-01 is before enrolling date 2026-03-02"},
		{"ErrClosedBeforeOpened", trials.StatusClosed, func(tr *trials.Trial) {
			tr.EnrollingOn, tr.ClosedOn = date.Zero, openedOn-1
		}, "closed_on", "2026-01-11 is before opened date 2026-01-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := trialIn(t, tt.status)
			tt.edit(tr)
			err := tr.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		tr := trials.Trial{Status: trials.StatusEnrolling}
		err := tr.Validate()
		require.ErrorIs(t, err, validation.ErrInvalid)
		assert.Equal(t, []string{"id", "title", "sponsor", "basis", "enrolling_on"}, fields(err))
	})
}

// TestStartEnrolling: a trial enrolls only from opening and only with a basis for its use
// of PHI (45 CFR 164.508, 164.512(i), 164.514(e)).
func TestStartEnrolling(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(tr *trials.Trial)
		on          date.Date
		field, rule string
	}{
		{"OK (164.508)", func(tr *trials.Trial) {}, enrollingOn, "", ""},
		{"OKWaiver (164.512(i)(1)(i))", func(tr *trials.Trial) { tr.Basis = trials.BasisWaiver }, enrollingOn, "", ""},
		{"OKLimitedDataSet (164.514(e))", func(tr *trials.Trial) { tr.Basis = trials.BasisLimitedDataSet }, enrollingOn, "", ""},
		{"OKOpeningDay", func(tr *trials.Trial) {}, openedOn, "", ""},
		{"OKNoOpenedOn", func(tr *trials.Trial) { tr.OpenedOn = date.Zero }, enrollingOn, "", ""},
		{"ErrUndecided (164.508 / 164.512(i))", func(tr *trials.Trial) { tr.Basis = trials.BasisUndecided }, enrollingOn, "basis", ruleBasis},
		{"ErrBasisUnknown", func(tr *trials.Trial) { tr.Basis = "consent" }, enrollingOn, "basis", `"consent" is not one of`},
		{"ErrDateUnset", func(tr *trials.Trial) {}, date.Zero, "on", "must be set"},
		{"ErrBeforeOpened", func(tr *trials.Trial) {}, openedOn - 1, "on", "2026-01-11 is before opened date 2026-01-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTrial()
			tt.edit(&tr)
			before := tr.Clone()
			err := tr.StartEnrolling(trials.Enrolling{On: tt.on})
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, trials.StatusEnrolling, tr.Status)
				assert.Equal(t, tt.on, tr.EnrollingOn)
				require.NoError(t, tr.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, tr, "a refused change leaves the trial unchanged")
		})
	}

	t.Run("ErrSeveral", func(t *testing.T) {
		tr := newTrial()
		tr.Basis = trials.BasisUndecided
		err := tr.StartEnrolling(trials.Enrolling{On: date.Zero})
		assert.Equal(t, []string{"on", "basis"}, fields(err))
	})
	for _, s := range []trials.Status{trials.StatusEnrolling, trials.StatusClosed} {
		t.Run("ErrTransitionFrom"+string(s), func(t *testing.T) {
			tr := trialIn(t, s)
			before := tr.Clone()
			requireTransition(t, tr.StartEnrolling(trials.Enrolling{On: closedOn + 1}), s, trials.StatusEnrolling)
			assert.Equal(t, before, *tr)
		})
	}
	t.Run("ErrTransitionFromUnknown", func(t *testing.T) {
		tr := newTrial()
		tr.Status = "suspended"
		requireTransition(t, tr.StartEnrolling(trials.Enrolling{On: enrollingOn}), "suspended", trials.StatusEnrolling)
	})

	// The basis may be chosen with the move (45 CFR 164.508, 164.512(i), 164.514(e)): it
	// replaces the one chosen before, and an unknown one changes nothing.
	basis := []struct {
		name        string
		before, in  trials.Basis
		want, field string
	}{
		{"OKChosenNow (164.508)", trials.BasisUndecided, trials.BasisAuthorization, string(trials.BasisAuthorization), ""},
		{"OKKeptWhenEmpty (164.512(i))", trials.BasisWaiver, trials.BasisUndecided, string(trials.BasisWaiver), ""},
		{"OKReplaced (164.514(e))", trials.BasisWaiver, trials.BasisLimitedDataSet, string(trials.BasisLimitedDataSet), ""},
		{"ErrUnknown", trials.BasisUndecided, "consent", "", "basis"},
	}
	for _, tt := range basis {
		t.Run("Basis"+tt.name, func(t *testing.T) {
			tr := newTrial()
			tr.Basis = tt.before
			before := tr.Clone()
			err := tr.StartEnrolling(trials.Enrolling{Basis: tt.in, On: enrollingOn})
			if tt.field != "" {
				requireInvalid(t, err, tt.field, `"consent" is not one of`)
				assert.Equal(t, before, tr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, trials.Basis(tt.want), tr.Basis)
			require.NoError(t, tr.Validate())
		})
	}
}

// TestClose: a trial closes from opening or enrolling, not before it began.
func TestClose(t *testing.T) {
	tests := []struct {
		name        string
		from        trials.Status
		edit        func(tr *trials.Trial)
		on          date.Date
		field, rule string
	}{
		{"OKFromEnrolling", trials.StatusEnrolling, func(tr *trials.Trial) {}, closedOn, "", ""},
		{"OKFromEnrollingSameDay", trials.StatusEnrolling, func(tr *trials.Trial) {}, enrollingOn, "", ""},
		{"OKFromOpening", trials.StatusOpening, func(tr *trials.Trial) {}, openedOn + 40, "", ""},
		{"OKFromOpeningUndecided (164.508 never needed)", trials.StatusOpening, func(tr *trials.Trial) { tr.Basis = trials.BasisUndecided }, openedOn, "", ""},
		{"ErrDateUnset", trials.StatusEnrolling, func(tr *trials.Trial) {}, date.Zero, "on", "must be set"},
		{"ErrBeforeEnrolling", trials.StatusEnrolling, func(tr *trials.Trial) {}, enrollingOn - 1, "on", "2026-03-01 is before enrolling date 2026-03-02"},
		{"ErrBeforeOpened", trials.StatusOpening, func(tr *trials.Trial) {}, openedOn - 1, "on", "2026-01-11 is before opened date 2026-01-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := trialIn(t, tt.from)
			tt.edit(tr)
			before := tr.Clone()
			err := tr.Close(trials.Closing{On: tt.on})
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, trials.StatusClosed, tr.Status)
				assert.Equal(t, tt.on, tr.ClosedOn)
				require.NoError(t, tr.Validate())
				return
			}
			requireInvalid(t, err, tt.field, tt.rule)
			assert.Equal(t, before, *tr, "a refused change leaves the trial unchanged")
		})
	}
	t.Run("ErrTransitionFromClosed", func(t *testing.T) {
		tr := trialIn(t, trials.StatusClosed)
		before := tr.Clone()
		requireTransition(t, tr.Close(trials.Closing{On: closedOn + 1}), trials.StatusClosed, trials.StatusClosed)
		assert.Equal(t, before, *tr)
	})
}

// TestClone: a clone shares no slice with the original, in either direction.
func TestClone(t *testing.T) {
	mutate := func(t *testing.T, tr *trials.Trial) {
		tr.Sites[0] = "elsewhere"
		tr.Sites = append(tr.Sites, "new")
		require.NoError(t, tr.StartEnrolling(trials.Enrolling{On: enrollingOn}))
	}
	t.Run("ChangingTheCopy", func(t *testing.T) {
		tr := newTrial()
		c := tr.Clone()
		assert.Equal(t, tr, c)
		mutate(t, &c)
		assert.Equal(t, newTrial(), tr)
	})
	t.Run("ChangingTheOriginal", func(t *testing.T) {
		tr := newTrial()
		c := tr.Clone()
		mutate(t, &tr)
		assert.Equal(t, newTrial(), c)
	})
	t.Run("NilStaysNil", func(t *testing.T) {
		tr := trials.Trial{ID: "x"}
		assert.Nil(t, tr.Clone().Sites)
	})
}

// TestTrialJSONRoundTrip: a trial survives storage as JSON unchanged.
func TestTrialJSONRoundTrip(t *testing.T) {
	for _, s := range trials.StatusValues() {
		t.Run(string(s), func(t *testing.T) {
			tr := *trialIn(t, s)
			tr.Version = 4
			tr.CreatedAt = time.Date(2026, 1, 12, 8, 0, 0, 0, time.UTC)
			tr.UpdatedAt = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
			b, err := json.Marshal(tr)
			require.NoError(t, err)
			var got trials.Trial
			require.NoError(t, json.Unmarshal(b, &got))
			require.Equal(t, tr, got)
		})
	}
	t.Run("WireNames", func(t *testing.T) {
		b, err := json.Marshal(*trialIn(t, trials.StatusClosed))
		require.NoError(t, err)
		for _, key := range []string{
			`"id":"t-1"`, `"protocol":"NCT01234567"`, `"sponsor":"acme-pharma"`, `"cro":"global-cro"`,
			`"sites":["main","infusion-north"]`, `"status":"closed"`, `"basis":"authorization"`,
			`"opened_on":"2026-01-12"`, `"enrolling_on":"2026-03-02"`, `"closed_on":"2027-06-30"`,
			`"principal_investigator":"Dr. Lee"`,
		} {
			assert.Contains(t, string(b), key)
		}
	})
	t.Run("UnsetOmitted", func(t *testing.T) {
		tr := newTrial()
		tr.Basis = trials.BasisUndecided
		b, err := json.Marshal(tr)
		require.NoError(t, err)
		assert.NotContains(t, string(b), "basis")
		assert.NotContains(t, string(b), "enrolling_on")
		assert.NotContains(t, string(b), "closed_on")
		assert.NotContains(t, string(b), `"0001-01-01"`)
		var got trials.Trial
		require.NoError(t, json.Unmarshal(b, &got))
		assert.Equal(t, tr, got)
	})
	t.Run("EmptyBasisLoadsAsUndecided", func(t *testing.T) {
		var got trials.Trial
		require.NoError(t, json.Unmarshal([]byte(`{"id":"t","title":"T","sponsor":"s","status":"opening","basis":""}`), &got))
		assert.Equal(t, trials.BasisUndecided, got.Basis)
	})
}

// TestTrialJSONUnknownValues: an unknown enum value in stored JSON is refused with a
// validation error rather than loaded.
func TestTrialJSONUnknownValues(t *testing.T) {
	tests := []struct {
		name, json, field string
	}{
		{"Status", `{"id":"t","title":"T","sponsor":"s","status":"suspended"}`, "status"},
		{"StatusEmpty", `{"id":"t","title":"T","sponsor":"s","status":""}`, "status"},
		{"Basis (164.508)", `{"id":"t","title":"T","sponsor":"s","status":"opening","basis":"consent"}`, "basis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr trials.Trial
			err := json.Unmarshal([]byte(tt.json), &tr)
			require.ErrorIs(t, err, validation.ErrInvalid)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, "trials", verr.Pkg)
			assert.Equal(t, tt.field, verr.Field)
			assert.Contains(t, verr.Rule, "is not one of")
		})
	}
	t.Run("MarshalUnknownStatus", func(t *testing.T) {
		tr := newTrial()
		tr.Status = "suspended"
		_, err := json.Marshal(tr)
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
	t.Run("MarshalUnknownBasis", func(t *testing.T) {
		tr := newTrial()
		tr.Basis = "consent"
		_, err := json.Marshal(tr)
		require.ErrorIs(t, err, validation.ErrInvalid)
	})
	t.Run("MarshalZeroStatus", func(t *testing.T) {
		// The zero status is not a lifecycle status: it is omitted, so the zero Trial
		// (what a failed use case returns) marshals, and such a trial does not validate.
		b, err := json.Marshal(trials.Trial{ID: "t", Title: "T", Sponsor: "s"})
		require.NoError(t, err)
		assert.NotContains(t, string(b), `"status"`)
		var back trials.Trial
		require.NoError(t, json.Unmarshal(b, &back))
		requireInvalid(t, back.Validate(), "status", `"" is not one of`)
	})
}
