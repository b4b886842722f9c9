package riskreg_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/controls"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/vendors"
)

func TestRiskValidate(t *testing.T) {
	accepted := func(t *testing.T) riskreg.Risk {
		r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{2, 1})
		require.NoError(t, r.Accept(acceptance()))
		return r
	}
	treating := func(t *testing.T) riskreg.Risk {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
		require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "enable TLS", Owner: "it.lead", Due: day(2026, time.June, 30)}))
		return r
	}
	tests := []struct {
		name   string
		risk   func(t *testing.T) riskreg.Risk
		change func(r *riskreg.Risk)
		field  string
		rule   string
	}{
		{"no id", nil, func(r *riskreg.Risk) { r.ID = "" }, "id", "must not be empty"},
		{"no title", nil, func(r *riskreg.Risk) { r.Title = " " }, "title", "must not be empty"},
		{"45 CFR 164.308(a)(1)(ii)(A) names the asset or PHI flow", nil, func(r *riskreg.Risk) { r.Asset = "" }, "asset", "must name the asset"},
		{"unknown method", nil, func(r *riskreg.Risk) { r.Method = "fair" }, "method", "is not one of"},
		{"unknown status", nil, func(r *riskreg.Risk) { r.Status = "pending" }, "status", "is not one of"},
		{"unknown treatment", nil, func(r *riskreg.Risk) { r.Treatment = "ignore" }, "treatment", "is not one of"},
		{"vendor listed twice", nil, func(r *riskreg.Risk) { r.Vendors = []vendors.ID{"pa", "pa"} }, "vendors[1]", "listed twice"},
		{"empty site", nil, func(r *riskreg.Risk) { r.Sites = []org.SiteID{""} }, "sites[0]", "must not be empty"},
		{"control listed twice", nil, func(r *riskreg.Risk) { r.Controls = []controls.ID{"164.312(d)", "164.312(d)"} }, "controls[1]", "listed twice"},
		{"HHS SRA tool score off the 3×3 scale", nil, func(r *riskreg.Risk) {
			r.Inherent = riskreg.Score{Likelihood: 4, Impact: 1, Rating: riskreg.RatingModerate}
		}, "inherent.likelihood", "must be 1 to 3"},
		{"HHS SRA tool rating that the bands do not give", nil, func(r *riskreg.Risk) {
			r.Inherent = riskreg.Score{Likelihood: 3, Impact: 3, Rating: riskreg.RatingModerate}
		}, "inherent.rating", `"moderate" does not match hhs-sra-3x3, which rates 3×3 high`},
		{"residual without inherent", nil, func(r *riskreg.Risk) {
			r.Residual = riskreg.Score{Likelihood: 1, Impact: 1, Rating: riskreg.RatingLow}
		}, "inherent", "must be rated when the residual risk is"},
		{"45 CFR 164.308(a)(1)(ii)(B) treating needs an owner", treating, func(r *riskreg.Risk) { r.Owner = "" }, "owner", "must name"},
		{"45 CFR 164.308(a)(1)(ii)(B) treating needs a due date", treating, func(r *riskreg.Risk) { r.DueOn = date.Zero }, "due_on", "must be set"},
		{"45 CFR 164.308(a)(1)(ii)(B) treating needs a justification", treating, func(r *riskreg.Risk) { r.Justification = "" }, "justification", "must say why"},
		{"treating with accept", treating, func(r *riskreg.Risk) {
			r.Treatment = riskreg.TreatAccept
			a := acceptance()
			r.Acceptance = &a
		}, "treatment", "must be mitigate, transfer or avoid"},
		{"45 CFR 164.308(a)(1)(ii)(B) accepted without acceptance", accepted, func(r *riskreg.Risk) { r.Acceptance = nil }, "acceptance", "must be recorded"},
		{"45 CFR 164.308(a)(1)(ii)(B) acceptance without approver", accepted, func(r *riskreg.Risk) { r.Acceptance.ApprovedBy = "" }, "acceptance.approved_by", "must name the approver"},
		{"accepted with another treatment", accepted, func(r *riskreg.Risk) {
			r.Treatment = riskreg.TreatTransfer
			r.Acceptance = nil
		}, "treatment", "must be accept"},
		{"acceptance recorded on a mitigated risk", treating, func(r *riskreg.Risk) {
			a := acceptance()
			r.Acceptance = &a
		}, "acceptance", "only with treatment accept"},
		{"history out of order", accepted, func(r *riskreg.Risk) { r.Reviews[1].On = day(2025, time.December, 1) }, "reviews[1].on", "is before the previous entry"},
		{"history entry without author", accepted, func(r *riskreg.Risk) { r.Reviews[0].By = "" }, "reviews[0].by", "must name"},
		{"history entry with unknown action", accepted, func(r *riskreg.Risk) { r.Reviews[0].Action = "edit" }, "reviews[0].action", "is not one of"},
		{"history entry score off its method", accepted, func(r *riskreg.Risk) { r.Reviews[0].Inherent.Impact = 4 }, "reviews[0].inherent.impact", "must be 1 to 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r riskreg.Risk
			if tt.risk != nil {
				r = tt.risk(t)
			} else {
				r = newRisk("r1")
			}
			require.NoError(t, r.Validate(), "the base risk is valid")
			tt.change(&r)
			requireInvalid(t, r.Validate(), tt.field, tt.rule)
		})
	}
	t.Run("history entries without an action are accepted", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 2}, [2]riskreg.Level{1, 2})
		r.Reviews[0].Action = ""
		assert.NoError(t, r.Validate())
	})
}

func TestRiskRate(t *testing.T) {
	hhs := method(t, riskreg.MethodHHS3x3)
	on := day(2026, time.January, 10)

	t.Run("45 CFR 164.308(a)(1)(ii)(A) sets scores with ratings and records the rating", func(t *testing.T) {
		r := newRisk("r1")
		r.Method = ""
		require.NoError(t, r.Rate(hhs, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 2, Impact: 3}, Residual: riskreg.Score{Likelihood: 1, Impact: 3}, On: on, Note: "annual analysis"}, actor))
		assert.Equal(t, riskreg.MethodHHS3x3, r.Method)
		assert.Equal(t, riskreg.Score{Likelihood: 2, Impact: 3, Rating: riskreg.RatingHigh}, r.Inherent)
		assert.Equal(t, riskreg.Score{Likelihood: 1, Impact: 3, Rating: riskreg.RatingModerate}, r.Residual)
		require.Len(t, r.Reviews, 1)
		assert.Equal(t, riskreg.Entry{
			On: on, By: actor, Action: riskreg.ActionRate, Note: "annual analysis",
			Inherent: r.Inherent, Residual: r.Residual, Method: riskreg.MethodHHS3x3,
		}, r.Reviews[0])
		require.NoError(t, r.Validate())
	})

	refused := []struct {
		name               string
		m                  *riskreg.Method
		inherent, residual [2]riskreg.Level
		on                 date.Date
		by                 string
		field, rule        string
	}{
		{"HHS SRA tool inherent likelihood out of scale", hhs, [2]riskreg.Level{4, 1}, [2]riskreg.Level{1, 1}, on, actor, "inherent.likelihood", "must be 1 to 3"},
		{"HHS SRA tool residual impact out of scale", hhs, [2]riskreg.Level{3, 3}, [2]riskreg.Level{1, 0}, on, actor, "residual.impact", "must be 1 to 3"},
		{"NIST levels on a 3×3 risk are refused", method(t, riskreg.MethodNIST5x5), [2]riskreg.Level{5, 5}, [2]riskreg.Level{1, 1}, on, actor, "method", "use ChangeMethod"},
		{"no date", hhs, [2]riskreg.Level{1, 1}, [2]riskreg.Level{1, 1}, date.Zero, actor, "rated_on", "must be set"},
		{"no author", hhs, [2]riskreg.Level{1, 1}, [2]riskreg.Level{1, 1}, on, " ", "by", "must name"},
		{"no method", nil, [2]riskreg.Level{1, 1}, [2]riskreg.Level{1, 1}, on, actor, "method", "must be given"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := newRisk("r1")
			before := r.Clone()
			requireInvalid(t, r.Rate(tt.m, riskreg.Scoring{Inherent: score(tt.inherent), Residual: score(tt.residual), On: tt.on}, tt.by), tt.field, tt.rule)
			assert.Equal(t, before, r, "nothing changes")
		})
	}

	t.Run("a rating the method does not give is refused", func(t *testing.T) {
		r := newRisk("r1")
		err := r.Rate(hhs, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 3, Impact: 3, Rating: riskreg.RatingLow},
			Residual: riskreg.Score{Likelihood: 1, Impact: 1}, On: on}, actor)
		requireInvalid(t, err, "inherent.rating", "is not the rating")
	})

	t.Run("not before the latest history entry", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 2}, [2]riskreg.Level{1, 2})
		err := r.Rate(hhs, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 3, Impact: 3}, Residual: riskreg.Score{Likelihood: 3, Impact: 3}, On: day(2026, time.January, 9)}, actor)
		requireInvalid(t, err, "rated_on", "is before the latest history entry on 2026-01-10")
	})
	t.Run("closed risks are not rated", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 2}, [2]riskreg.Level{1, 2})
		require.NoError(t, r.Close(riskreg.Closing{On: day(2026, time.March, 1), Note: "system retired"}, actor))
		requireState(t, r.Rate(hhs, riskreg.Scoring{Inherent: riskreg.Score{Likelihood: 1, Impact: 1}, Residual: riskreg.Score{Likelihood: 1, Impact: 1}, On: day(2026, time.March, 2)}, actor), riskreg.StatusClosed)
	})
}

func TestRiskTreat(t *testing.T) {
	due := day(2026, time.June, 30)
	t.Run("45 CFR 164.308(a)(1)(ii)(B) mitigate with justification, owner and due date", func(t *testing.T) {
		for _, tr := range []riskreg.Treatment{riskreg.TreatMitigate, riskreg.TreatTransfer, riskreg.TreatAvoid} {
			r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
			require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: tr, Justification: "enable TLS on DICOM nodes", Owner: "it.lead", Due: due}))
			assert.Equal(t, riskreg.StatusTreating, r.Status)
			assert.Equal(t, tr, r.Treatment)
			assert.Equal(t, "it.lead", r.Owner)
			assert.Equal(t, due, r.DueOn)
			require.NoError(t, r.Validate())
		}
	})
	refused := []struct {
		name                 string
		tr                   riskreg.Treatment
		justification, owner string
		due                  date.Date
		field, rule          string
	}{
		{"accept goes through Accept", riskreg.TreatAccept, "ok", "me", due, "treatment", "recorded with Accept"},
		{"unknown treatment", "ignore", "ok", "me", due, "treatment", "is not one of"},
		{"45 CFR 164.308(a)(1)(ii)(B) no justification", riskreg.TreatMitigate, "", "me", due, "justification", "must say why"},
		{"45 CFR 164.308(a)(1)(ii)(B) no owner", riskreg.TreatMitigate, "why", " ", due, "owner", "must name"},
		{"45 CFR 164.308(a)(1)(ii)(B) no due date", riskreg.TreatTransfer, "why", "me", date.Zero, "due_on", "must be set"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
			before := r.Clone()
			requireInvalid(t, r.Treat(riskreg.TreatmentPlan{Treatment: tt.tr, Justification: tt.justification, Owner: tt.owner, Due: tt.due}), tt.field, tt.rule)
			assert.Equal(t, before, r)
		})
	}
	t.Run("treating an accepted risk withdraws the acceptance, the history keeps it", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
		require.NoError(t, r.Accept(acceptance()))
		require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "filters now affordable", Owner: "nurse.manager", Due: due}))
		assert.Nil(t, r.Acceptance)
		assert.Equal(t, riskreg.ActionAccept, r.Reviews[len(r.Reviews)-1].Action)
		require.NoError(t, r.Validate())
	})
	t.Run("closed risks are not treated", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
		require.NoError(t, r.Close(riskreg.Closing{On: day(2026, time.February, 1), Note: "retired"}, actor))
		requireTransition(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "why", Owner: "me", Due: due}), riskreg.StatusClosed, riskreg.StatusTreating)
	})
}

func TestRiskAccept(t *testing.T) {
	t.Run("45 CFR 164.308(a)(1)(ii)(B) named approver and review date", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
		a := acceptance()
		require.NoError(t, r.Accept(a))
		assert.Equal(t, riskreg.StatusAccepted, r.Status)
		assert.Equal(t, riskreg.TreatAccept, r.Treatment)
		assert.Equal(t, a.Justification, r.Justification)
		require.NotNil(t, r.Acceptance)
		assert.Equal(t, a, *r.Acceptance)
		last := r.Reviews[len(r.Reviews)-1]
		assert.Equal(t, riskreg.ActionAccept, last.Action)
		assert.Equal(t, a.ApprovedOn, last.On)
		assert.Equal(t, approver, last.By)
		assert.Contains(t, last.Note, "accepted until review on 2027-02-01")
		require.NoError(t, r.Validate())
	})
	refused := []struct {
		name   string
		change func(a *riskreg.Acceptance)
		field  string
		rule   string
	}{
		{"45 CFR 164.308(a)(1)(ii)(B) acceptance without approver", func(a *riskreg.Acceptance) { a.ApprovedBy = "" }, "approved_by", "must name the approver"},
		{"45 CFR 164.308(a)(1)(ii)(B) acceptance without approval date", func(a *riskreg.Acceptance) { a.ApprovedOn = date.Zero }, "approved_on", "must be set"},
		{"review date not after approval", func(a *riskreg.Acceptance) { a.ReviewOn = a.ApprovedOn }, "review_on", "must be after the approval"},
		{"45 CFR 164.316(b)(1) acceptance without justification", func(a *riskreg.Acceptance) { a.Justification = "  " }, "justification", "must say why"},
		{"approval before the latest history entry", func(a *riskreg.Acceptance) { a.ApprovedOn = day(2026, time.January, 1) }, "approved_on", "before the latest history entry"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
			before := r.Clone()
			a := acceptance()
			tt.change(&a)
			requireInvalid(t, r.Accept(a), tt.field, tt.rule)
			assert.Equal(t, before, r, "nothing changes")
		})
	}
	t.Run("an unrated risk is not accepted", func(t *testing.T) {
		r := newRisk("r1")
		requireState(t, r.Accept(acceptance()), riskreg.StatusOpen)
	})
	t.Run("45 CFR 164.308(a)(1)(ii)(B) a zero review date is a year after the approval", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
		a := acceptance()
		a.ReviewOn = date.Zero
		assert.Equal(t, day(2027, time.February, 1), a.ReviewDue())
		require.NoError(t, r.Accept(a))
		assert.Equal(t, day(2027, time.February, 1), r.Acceptance.ReviewOn)
		assert.Equal(t, day(2027, time.February, 1), r.AcceptanceReviewOn())
		leap := riskreg.Acceptance{ApprovedOn: day(2028, time.February, 29)}
		assert.Equal(t, day(2029, time.February, 28), leap.ReviewDue())
	})
	t.Run("the caller's acceptance is not shared", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
		a := acceptance()
		require.NoError(t, r.Accept(a))
		a.ApprovedBy = "someone else"
		assert.Equal(t, approver, r.Acceptance.ApprovedBy)
	})
}

func TestRiskReview(t *testing.T) {
	t.Run("records a review with the current scores", func(t *testing.T) {
		r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
		on := day(2026, time.April, 1)
		require.NoError(t, r.Review(riskreg.Review{On: on, Note: "no change"}, actor))
		last := r.Reviews[len(r.Reviews)-1]
		assert.Equal(t, riskreg.Entry{On: on, By: actor, Action: riskreg.ActionReview, Note: "no change",
			Inherent: r.Inherent, Residual: r.Residual, Method: riskreg.MethodHHS3x3}, last)
	})
	tests := []struct {
		name     string
		on, next date.Date
		want     date.Date
	}{
		{"45 CFR 164.316(b)(2)(iii) reviewing an accepted risk renews it for a year", day(2027, time.January, 15), date.Zero, day(2028, time.January, 15)},
		{"a review on Feb 29 renews to Feb 28", day(2028, time.February, 29), date.Zero, day(2029, time.February, 28)},
		{"a given next review date is kept", day(2027, time.January, 15), day(2027, time.July, 15), day(2027, time.July, 15)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
			require.NoError(t, r.Accept(acceptance()))
			shared := r.Clone()
			require.NoError(t, r.Review(riskreg.Review{On: tt.on, Note: "still reasonable", Next: tt.next}, actor))
			assert.Equal(t, tt.want, r.Acceptance.ReviewOn)
			assert.Equal(t, acceptance().ReviewOn, shared.Acceptance.ReviewOn, "the earlier copy is untouched")
			assert.Equal(t, riskreg.StatusAccepted, r.Status)
			require.NoError(t, r.Validate())
		})
	}
	refused := []struct {
		name     string
		accepted bool
		on, next date.Date
		by       string
		field    string
		rule     string
	}{
		{"no date", false, date.Zero, date.Zero, actor, "reviewed_on", "must be set"},
		{"no reviewer", false, day(2026, time.April, 1), date.Zero, "", "by", "must name"},
		{"before the latest entry", false, day(2025, time.April, 1), date.Zero, actor, "reviewed_on", "before the latest history entry"},
		{"next review for a risk that is not accepted", false, day(2026, time.April, 1), day(2027, time.April, 1), actor, "next_review_on", "only for an accepted risk"},
		{"next review not after the review", true, day(2026, time.April, 1), day(2026, time.April, 1), actor, "next_review_on", "must be after the review"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
			if tt.accepted {
				require.NoError(t, r.Accept(acceptance()))
			}
			before := r.Clone()
			requireInvalid(t, r.Review(riskreg.Review{On: tt.on, Note: "", Next: tt.next}, tt.by), tt.field, tt.rule)
			assert.Equal(t, before, r)
		})
	}
}

func TestRiskCloseReopen(t *testing.T) {
	r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 3})
	requireInvalid(t, r.Close(riskreg.Closing{On: day(2026, time.March, 1), Note: ""}, actor), "note", "must say why")
	require.NoError(t, r.Treat(riskreg.TreatmentPlan{Treatment: riskreg.TreatMitigate, Justification: "TLS", Owner: "it.lead", Due: day(2026, time.June, 30)}))
	require.NoError(t, r.Close(riskreg.Closing{On: day(2026, time.July, 1), Note: "TLS verified on every DICOM node"}, actor))
	assert.Equal(t, riskreg.StatusClosed, r.Status)
	assert.Equal(t, riskreg.TreatMitigate, r.Treatment, "closing keeps the treatment on record")
	require.NoError(t, r.Validate())

	requireTransition(t, r.Close(riskreg.Closing{On: day(2026, time.July, 2), Note: "again"}, actor), riskreg.StatusClosed, riskreg.StatusClosed)
	requireTransition(t, r.Accept(riskreg.Acceptance{ApprovedBy: approver, ApprovedOn: day(2026, time.July, 2),
		ReviewOn: day(2027, time.July, 2), Justification: "x"}), riskreg.StatusClosed, riskreg.StatusAccepted)
	requireState(t, r.Review(riskreg.Review{On: day(2026, time.July, 2), Note: ""}, actor), riskreg.StatusClosed)

	require.NoError(t, r.Reopen(riskreg.Reopening{On: day(2026, time.September, 1), Note: "new DICOM router installed without TLS"}, actor))
	assert.Equal(t, riskreg.StatusOpen, r.Status)
	assert.Empty(t, r.Treatment)
	assert.Equal(t, "it.lead", r.Owner)
	require.NoError(t, r.Validate())
	requireTransition(t, r.Reopen(riskreg.Reopening{On: day(2026, time.September, 2), Note: "x"}, actor), riskreg.StatusOpen, riskreg.StatusOpen)

	var actions []riskreg.Action
	for _, rv := range r.Reviews {
		actions = append(actions, rv.Action)
	}
	assert.Equal(t, []riskreg.Action{riskreg.ActionRate, riskreg.ActionClose, riskreg.ActionReopen}, actions)
}

func TestCanTransition(t *testing.T) {
	O, T, A, C := riskreg.StatusOpen, riskreg.StatusTreating, riskreg.StatusAccepted, riskreg.StatusClosed
	allowed := map[[2]riskreg.Status]bool{
		{O, T}: true, {O, A}: true, {O, C}: true,
		{T, T}: true, {T, A}: true, {T, C}: true,
		{A, T}: true, {A, A}: true, {A, C}: true,
		{C, O}: true,
	}
	for _, from := range riskreg.StatusValues() {
		for _, to := range riskreg.StatusValues() {
			assert.Equal(t, allowed[[2]riskreg.Status{from, to}], riskreg.CanTransition(from, to), "%s → %s", from, to)
		}
	}
	assert.False(t, riskreg.CanTransition("", O))
	err := &riskreg.TransitionError{ID: "r1", From: C, To: A}
	assert.Equal(t, `riskreg: risk "r1" cannot go from closed to accepted (allowed: [open])`, err.Error())
}

func TestChangeMethodKeepsHistory(t *testing.T) {
	hhs, nist := method(t, riskreg.MethodHHS3x3), method(t, riskreg.MethodNIST5x5)
	r := ratedRisk(t, "r1", [2]riskreg.Level{2, 3}, [2]riskreg.Level{1, 2})
	require.NoError(t, r.Accept(acceptance()))
	before := r.Clone()
	on := day(2026, time.December, 1)

	// NIST SP 800-30 Rev.1 Table I-2: 3×5 (moderate × very high) is high; 1×3 is very low.
	require.NoError(t, r.ChangeMethod(nist, on, actor, nil))
	assert.Equal(t, riskreg.MethodNIST5x5, r.Method)
	assert.Equal(t, riskreg.Score{Likelihood: 3, Impact: 5, Rating: riskreg.RatingHigh}, r.Inherent)
	assert.Equal(t, riskreg.Score{Likelihood: 1, Impact: 3, Rating: riskreg.RatingVeryLow}, r.Residual)
	require.Len(t, r.Reviews, len(before.Reviews)+1)
	assert.Equal(t, before.Reviews, r.Reviews[:len(before.Reviews)], "earlier entries unchanged")
	last := r.Reviews[len(r.Reviews)-1]
	assert.Equal(t, riskreg.ActionChangeMethod, last.Action)
	assert.Equal(t, riskreg.MethodNIST5x5, last.Method)
	assert.Equal(t, on, last.On)
	assert.Equal(t, "method changed from hhs-sra-3x3 to nist-800-30-5x5: inherent 2×3 high → 3×5 high; residual 1×2 low → 1×3 very low", last.Note)
	assert.Equal(t, riskreg.MethodHHS3x3, r.Reviews[0].Method, "the first rating stays on its method")
	assert.Equal(t, riskreg.StatusAccepted, r.Status)
	require.NoError(t, r.Validate(), "every history entry validates against its own method")

	t.Run("and back with a custom map", func(t *testing.T) {
		r := r.Clone()
		top := func(from, to *riskreg.Method, l riskreg.Level) riskreg.Level {
			return riskreg.Level(len(to.Likelihood))
		}
		require.NoError(t, r.ChangeMethod(hhs, on, actor, top))
		assert.Equal(t, riskreg.Score{Likelihood: 3, Impact: 3, Rating: riskreg.RatingHigh}, r.Inherent)
		require.NoError(t, r.Validate())
	})
	t.Run("same method refused", func(t *testing.T) {
		r := r.Clone()
		requireInvalid(t, r.ChangeMethod(nist, on, actor, nil), "method", "is already nist-800-30-5x5")
	})
	t.Run("a map off the new scale is refused, nothing changes", func(t *testing.T) {
		r := before.Clone()
		bad := func(from, to *riskreg.Method, l riskreg.Level) riskreg.Level { return 9 }
		err := r.ChangeMethod(nist, on, actor, bad)
		require.Error(t, err)
		assert.Contains(t, validationFields(err), "inherent.likelihood")
		assert.Equal(t, before, r)
	})
	t.Run("unrated risk changes method with no scores", func(t *testing.T) {
		r := newRisk("r2")
		require.NoError(t, r.ChangeMethod(nist, on, actor, nil))
		assert.True(t, r.Inherent.IsZero())
		assert.Equal(t, riskreg.MethodNIST5x5, r.Method)
		require.NoError(t, r.Validate())
	})
}

func TestRiskClone(t *testing.T) {
	r := ratedRisk(t, "r1", [2]riskreg.Level{3, 1}, [2]riskreg.Level{3, 1})
	r.Vendors = []vendors.ID{"pa"}
	r.Sites = []org.SiteID{"main"}
	r.Controls = []controls.ID{"164.310(b)"}
	r.Quant = &riskreg.Quant{SLE: dec("10")}
	require.NoError(t, r.Accept(acceptance()))
	c := r.Clone()
	require.Equal(t, r, c)

	c.Vendors[0], c.Sites[0], c.Controls[0] = "x", "x", "x"
	c.Reviews[0].Note = "x"
	c.Quant.SLE = dec("99")
	c.Acceptance.ApprovedBy = "x"
	assert.Equal(t, vendors.ID("pa"), r.Vendors[0])
	assert.Equal(t, org.SiteID("main"), r.Sites[0])
	assert.Equal(t, controls.ID("164.310(b)"), r.Controls[0])
	assert.Equal(t, "annual analysis", r.Reviews[0].Note)
	assert.True(t, dec("10").Equal(r.Quant.SLE))
	assert.Equal(t, approver, r.Acceptance.ApprovedBy)
}

func TestCurrent(t *testing.T) {
	r := newRisk("r1")
	assert.True(t, r.Current().IsZero())
	r.Inherent = riskreg.Score{Likelihood: 2, Impact: 2, Rating: riskreg.RatingModerate}
	assert.Equal(t, r.Inherent, r.Current(), "an untreated risk's residual risk is its inherent risk")
	r.Residual = riskreg.Score{Likelihood: 1, Impact: 2, Rating: riskreg.RatingLow}
	assert.Equal(t, r.Residual, r.Current())
}
