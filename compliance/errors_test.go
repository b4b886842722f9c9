package compliance_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/audit"
	"github.com/hipaaops/hipaaops/compliance"
	"github.com/hipaaops/hipaaops/compliance/compliancetest"
	"github.com/hipaaops/hipaaops/incident"
	"github.com/hipaaops/hipaaops/org"
	"github.com/hipaaops/hipaaops/record"
	"github.com/hipaaops/hipaaops/riskreg"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/storage/memory"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/trials"
	"github.com/hipaaops/hipaaops/validation"
	"github.com/hipaaops/hipaaops/vendors"
	"github.com/hipaaops/hipaaops/workforce"
)

// codeCases are every sentinel and typed error of the packages whose errors the engine
// returns (compliance, storage, validation, vendors, incident, riskreg, task, trials,
// workforce, controls and audit), each with the code Code gives it. workforce and
// controls have no sentinels of their own: their bad input is a *validation.Error.
func codeCases() []struct {
	name string
	err  error
	want compliance.ErrorCode
} {
	member := workforce.Member{}
	return []struct {
		name string
		err  error
		want compliance.ErrorCode
	}{
		{"nil", nil, compliance.OK},
		{"unknown", errors.New("boom"), compliance.Internal},

		// compliance
		{"compliance.ErrNoActor", compliance.ErrNoActor, compliance.Forbidden},
		{"compliance.ErrForbidden", compliance.ErrForbidden, compliance.Forbidden},
		{"compliance.ErrForbidden with the authorizer's reason", fmt.Errorf("%w: u1 may not baa.sign: %w", compliance.ErrForbidden, errors.New("not a privacy officer")), compliance.Forbidden},
		{"compliance.ErrBadOptions", compliance.ErrBadOptions, compliance.InvalidInput},
		{"compliance.ErrUnknownTemplate", compliance.ErrUnknownTemplate, compliance.NotFound},
		{"*compliance.RuleError of an unknown template", &compliance.RuleError{Rule: "r", Err: fmt.Errorf("%w %q", compliance.ErrUnknownTemplate, "t")}, compliance.NotFound},
		{"*compliance.RuleError of a validation error", &compliance.RuleError{Rule: "r", Err: validation.New("task", "due_on", "is before the trigger date")}, compliance.InvalidInput},
		{"*compliance.RuleError of joined validation errors", &compliance.RuleError{Rule: "r", Err: errors.Join(validation.New("task", "a", "x"), validation.New("task", "b", "y"))}, compliance.InvalidInput},
		{"*compliance.RuleError of anything else", &compliance.RuleError{Rule: "r", Err: errors.New("names no event type")}, compliance.Internal},
		{"compliance.ErrBadOptions of a *RuleError", fmt.Errorf("%w: %w", compliance.ErrBadOptions, &compliance.RuleError{Rule: "r", Err: compliance.ErrUnknownTemplate}), compliance.InvalidInput},

		// storage
		{"storage.ErrNotFound", storage.ErrNotFound, compliance.NotFound},
		{"storage.ErrConflict", storage.ErrConflict, compliance.Conflict},
		{"storage.ErrExists", storage.ErrExists, compliance.Conflict},
		{"storage.ErrUnavailable", storage.ErrUnavailable, compliance.Unavailable},
		{"storage.ErrClosed", storage.ErrClosed, compliance.Unavailable},
		{"storage.ErrTxDone", storage.ErrTxDone, compliance.Internal},
		{"context.Canceled", context.Canceled, compliance.Unavailable},
		{"context.DeadlineExceeded", context.DeadlineExceeded, compliance.Unavailable},

		// validation, and the domain packages' bad input
		{"validation.ErrInvalid", validation.ErrInvalid, compliance.InvalidInput},
		{"*validation.Error", validation.New("vendors", "signed_on", "is in the future"), compliance.InvalidInput},
		{"joined *validation.Error", errors.Join(validation.New("vendors", "name", "x"), validation.New("vendors", "category", "y")), compliance.InvalidInput},
		{"workforce: *validation.Error of Member.Validate", member.Validate(), compliance.InvalidInput},

		// vendors (45 CFR 164.502(e), 164.504(e), 160.103)
		{"vendors.ErrTransition", vendors.ErrTransition, compliance.FailedPrecondition},
		{"*vendors.TransitionError", &vendors.TransitionError{From: vendors.StateNotRequested, To: vendors.StateSigned}, compliance.FailedPrecondition},
		{"vendors.ErrState", vendors.ErrState, compliance.FailedPrecondition},
		{"*vendors.StateError", &vendors.StateError{Change: "certify_disposition", State: vendors.StateSigned, Reason: "r"}, compliance.FailedPrecondition},
		{"vendors.ErrNotBusinessAssociate", vendors.ErrNotBusinessAssociate, compliance.FailedPrecondition},
		{"vendors.ErrNotBusinessAssociate as the domain wraps it", fmt.Errorf("%w: Courier was determined not_ba_conduit on 2026-03-02", vendors.ErrNotBusinessAssociate), compliance.FailedPrecondition},

		// task
		{"task.ErrTransition", task.ErrTransition, compliance.FailedPrecondition},
		{"*task.TransitionError", &task.TransitionError{From: task.StateDone, To: task.StateDone}, compliance.FailedPrecondition},
		{"task.ErrEvidenceRequired (a *validation.Error, but a precondition)", task.ErrEvidenceRequired, compliance.FailedPrecondition},
		{"task.ErrTemplateDisabled", task.ErrTemplateDisabled, compliance.InvalidInput},

		// trials, riskreg, incident
		{"trials.ErrTransition", trials.ErrTransition, compliance.FailedPrecondition},
		{"*trials.TransitionError", &trials.TransitionError{From: trials.StatusClosed, To: trials.StatusEnrolling}, compliance.FailedPrecondition},
		{"riskreg.ErrTransition", riskreg.ErrTransition, compliance.FailedPrecondition},
		{"*riskreg.TransitionError", &riskreg.TransitionError{ID: "risk-1", From: riskreg.StatusClosed, To: riskreg.StatusTreating}, compliance.FailedPrecondition},
		{"*riskreg.StateError", &riskreg.StateError{ID: "risk-1", Status: riskreg.StatusClosed, Move: "rate", Reason: "reopen the risk first"}, compliance.FailedPrecondition},
		{"riskreg.ErrFrozen", riskreg.ErrFrozen, compliance.FailedPrecondition},
		{"incident.ErrClosed", incident.ErrClosed, compliance.FailedPrecondition},
		{"incident.ErrPending", incident.ErrPending, compliance.FailedPrecondition},
		{"incident.ErrNotPending", incident.ErrNotPending, compliance.FailedPrecondition},

		// audit
		{"*audit.VerifyError", &audit.VerifyError{Findings: []audit.Finding{{Seq: 2, Problem: audit.Edited}}}, compliance.Internal},

		// Several problems at once: the documented order decides.
		{"forbidden before bad input", errors.Join(validation.New("vendors", "name", "x"), compliance.ErrForbidden), compliance.Forbidden},
		{"precondition before bad input", errors.Join(validation.New("vendors", "on", "x"), &vendors.TransitionError{}), compliance.FailedPrecondition},
		{"bad input before not found", errors.Join(storage.ErrNotFound, validation.ErrInvalid), compliance.InvalidInput},
		{"not found before conflict", errors.Join(storage.ErrConflict, storage.ErrNotFound), compliance.NotFound},
		{"conflict before unavailable", errors.Join(storage.ErrUnavailable, storage.ErrConflict), compliance.Conflict},
		{"a broken chain is internal whatever else", errors.Join(storage.ErrNotFound, &audit.VerifyError{}), compliance.Internal},
	}
}

// TestCode: every error the engine can return has its code, bare and wrapped (with %w,
// twice, or joined with an unknown error).
func TestCode(t *testing.T) {
	for _, tt := range codeCases() {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, compliance.Code(tt.err), "bare")
			if tt.err == nil {
				return
			}
			wrapped := fmt.Errorf("vendor %q: %w", "vendor-1", tt.err)
			assert.Equal(t, tt.want, compliance.Code(wrapped), "wrapped once")
			assert.Equal(t, tt.want, compliance.Code(fmt.Errorf("sign: %w", wrapped)), "wrapped twice")
			if tt.want != compliance.Internal {
				assert.Equal(t, tt.want, compliance.Code(errors.Join(errors.New("other"), wrapped)), "joined with an unknown error")
			}
		})
	}
}

// TestCodeValues: the codes are a small set of snake_case strings.
func TestCodeValues(t *testing.T) {
	seen := map[compliance.ErrorCode]bool{}
	for _, tt := range codeCases() {
		seen[tt.want] = true
	}
	assert.Equal(t, map[compliance.ErrorCode]bool{compliance.OK: true, compliance.InvalidInput: true,
		compliance.NotFound: true, compliance.Conflict: true, compliance.Forbidden: true,
		compliance.FailedPrecondition: true, compliance.Unavailable: true, compliance.Internal: true}, seen,
		"the table covers every code")
	for c := range seen {
		assert.Regexp(t, `^[a-z_]+$`, string(c))
	}
}

// TestCodeFromTheEngine classifies errors the engine really returns.
func TestCodeFromTheEngine(t *testing.T) {
	_, clinic := setup(t)
	v := addBA(t, clinic, "Vault PACS", vendors.CategoryPACS)
	bad := func(f func() error) error { return f() }
	tests := []struct {
		name string
		err  error
		want compliance.ErrorCode
	}{
		{"no actor", bad(func() error { _, err := clinic.Vendors().Get(context.Background(), v.ID); return err }), compliance.Forbidden},
		{"unknown vendor", bad(func() error { _, err := clinic.Vendors().Get(admin, "vendor-404"); return err }), compliance.NotFound},
		{"stale version", bad(func() error {
			_, err := clinic.Vendors().RequestBAA(admin, record.RefOf(v.ID, v.Version-1), vendors.Move{})
			return err
		}), compliance.Conflict},
		{"bad input", bad(func() error {
			_, err := clinic.Vendors().Add(admin, vendors.Vendor{Name: "X", Category: "florist"})
			return err
		}), compliance.InvalidInput},
		{"illegal move (164.504(e))", bad(func() error {
			_, err := clinic.Vendors().ReviewBAA(admin, v.Ref(), vendors.Move{})
			return err
		}), compliance.FailedPrecondition},
		{"certify before termination (164.504(e)(2)(ii)(J))", bad(func() error {
			_, err := clinic.Vendors().CertifyDisposition(admin, v.Ref(), vendors.Certification{Disposition: vendors.DispositionDestroyed})
			return err
		}), compliance.FailedPrecondition},
		{"follow-up on a BAA never requested", bad(func() error {
			_, err := clinic.Vendors().RecordFollowUp(admin, v.Ref(), vendors.FollowUp{})
			return err
		}), compliance.FailedPrecondition},
		{"canceled context", bad(func() error {
			ctx, cancel := context.WithCancel(admin)
			cancel()
			_, err := clinic.Vendors().Get(ctx, v.ID)
			return err
		}), compliance.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			assert.Equal(t, tt.want, compliance.Code(tt.err), "%v", tt.err)
		})
	}

	t.Run("forbidden", func(t *testing.T) {
		kit := compliancetest.New(t, compliancetest.Options{Engine: compliance.Options{
			Authorize: func(context.Context, compliance.Actor, org.ID, compliance.Action) error {
				return errors.New("no")
			}}})
		_, err := kit.Engine.CreateOrganization(kit.Ctx, org.Organization{ID: "x", Name: "X", TimeZone: "UTC"})
		require.ErrorIs(t, err, compliance.ErrForbidden)
		assert.Equal(t, compliance.Forbidden, compliance.Code(err))
	})
	t.Run("bad options", func(t *testing.T) {
		_, err := compliance.New(memory.New(), compliance.Options{Rules: []compliance.Rule{{Name: "r", On: compliance.EventBAASigned, Template: "no-such-template"}}})
		require.ErrorIs(t, err, compliance.ErrBadOptions)
		require.ErrorIs(t, err, compliance.ErrUnknownTemplate)
		var rerr *compliance.RuleError
		require.ErrorAs(t, err, &rerr)
		assert.Equal(t, compliance.InvalidInput, compliance.Code(err), "bad options are the embedder's input")
		_, err = compliance.New(nil, compliance.Options{})
		assert.Equal(t, compliance.InvalidInput, compliance.Code(err))
	})
	t.Run("closed store", func(t *testing.T) {
		s := memory.New()
		kit := compliancetest.New(t, compliancetest.Options{Store: s})
		clinic := kit.Organization(t, "c")
		require.NoError(t, s.Close())
		_, err := clinic.Vendors().List(kit.Ctx, compliance.VendorQuery{})
		require.Error(t, err)
		assert.Equal(t, compliance.Unavailable, compliance.Code(err), "a storage failure is never bad input: %v", err)
	})
	t.Run("unavailable storage", func(t *testing.T) {
		kit := compliancetest.New(t, compliancetest.Options{Store: unavailableStore{memory.New()}})
		_, err := kit.Engine.CreateOrganization(kit.Ctx, org.Organization{ID: "x", Name: "X", TimeZone: "UTC"})
		require.ErrorIs(t, err, storage.ErrUnavailable)
		assert.Equal(t, compliance.Unavailable, compliance.Code(err))
	})
}

// unavailableStore fails every transaction as a backend whose server is down does.
type unavailableStore struct{ storage.Store }

func (s unavailableStore) Org(id org.ID) storage.Org { return unavailableOrg{s.Store.Org(id)} }

type unavailableOrg struct{ storage.Org }

func (unavailableOrg) Update(context.Context, func(storage.Tx) error) error {
	return fmt.Errorf("dial tcp 127.0.0.1:5432: connection refused: %w", storage.ErrUnavailable)
}

func (unavailableOrg) View(context.Context, func(storage.Tx) error) error {
	return fmt.Errorf("dial tcp 127.0.0.1:5432: connection refused: %w", storage.ErrUnavailable)
}
