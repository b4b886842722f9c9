package validation_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/validation"
)

func TestErrorMessageNamesPackageFieldAndRule(t *testing.T) {
	tests := []struct {
		name string
		err  *validation.Error
		want string
	}{
		{"literal", &validation.Error{Pkg: "vendors", Field: "name", Rule: "must not be empty"},
			"vendors: name must not be empty"},
		{"nested field", &validation.Error{Pkg: "vendors", Field: "baa.expires_on", Rule: "must be after 2026-05-01"},
			"vendors: baa.expires_on must be after 2026-05-01"},
		{"New formats the rule", validation.New("vendors", "baa.effective_on", "%s is after expiry %s", "2026-05-01", "2026-04-01"),
			"vendors: baa.effective_on 2026-05-01 is after expiry 2026-04-01"},
		{"New without args keeps verbs", validation.New("org", "name", "must be 100% %s"),
			"org: name must be 100% %s"},
		{"New quotes", validation.New("org", "time_zone", "%q is not an IANA time zone", "Mars/Base"),
			`org: time_zone "Mars/Base" is not an IANA time zone`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
		})
	}
}

func TestNewSetsFields(t *testing.T) {
	err := validation.New("incident", "discovered_on", "must not be after %s", "2026-03-01")
	assert.Equal(t, &validation.Error{Pkg: "incident", Field: "discovered_on", Rule: "must not be after 2026-03-01"}, err)
}

func TestErrorsIsErrInvalid(t *testing.T) {
	verr := validation.New("org", "id", "must not be empty")
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"Error", verr, true},
		{"wrapped once", fmt.Errorf("create organization: %w", verr), true},
		{"wrapped twice", fmt.Errorf("engine: %w", fmt.Errorf("create organization: %w", verr)), true},
		{"joined", errors.Join(io.EOF, verr), true},
		{"multi %w", fmt.Errorf("%w and %w", io.EOF, verr), true},
		{"other error", io.EOF, false},
		{"same text, not wrapped", errors.New(verr.Error()), false},
		{"formatted with %v", fmt.Errorf("create organization: %v", verr), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, errors.Is(tt.err, validation.ErrInvalid))
		})
	}

	t.Run("Error is not any other sentinel", func(t *testing.T) {
		assert.False(t, errors.Is(verr, io.EOF))
		assert.False(t, errors.Is(verr, errors.New("invalid input")))
	})
}

func TestErrorsAsThroughWrapping(t *testing.T) {
	verr := validation.New("vendors", "category", "must not be empty")
	tests := []struct {
		name string
		err  error
	}{
		{"bare", verr},
		{"fmt.Errorf %w", fmt.Errorf("add vendor: %w", verr)},
		{"two levels", fmt.Errorf("engine: %w", fmt.Errorf("add vendor: %w", verr))},
		{"joined", errors.Join(io.ErrUnexpectedEOF, verr)},
		{"joined and wrapped", fmt.Errorf("add vendor: %w", errors.Join(verr, io.EOF))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *validation.Error
			require.True(t, errors.As(tt.err, &got))
			assert.Same(t, verr, got)
			assert.Equal(t, "vendors", got.Pkg)
			assert.Equal(t, "category", got.Field)
			assert.Equal(t, "must not be empty", got.Rule)
		})
	}

	t.Run("not found in other errors", func(t *testing.T) {
		var got *validation.Error
		assert.False(t, errors.As(fmt.Errorf("add vendor: %w", io.EOF), &got))
		assert.Nil(t, got)
	})
}

func TestCollector(t *testing.T) {
	t.Run("zero value has no error", func(t *testing.T) {
		var c validation.Collector
		assert.NoError(t, c.Err())
	})

	t.Run("checks that pass add nothing", func(t *testing.T) {
		c := validation.Collector{Pkg: "org"}
		c.Check(true, "id", "must not be empty")
		c.Merge(nil)
		assert.NoError(t, c.Err())
	})

	t.Run("collects in order with Pkg", func(t *testing.T) {
		c := validation.Collector{Pkg: "vendors"}
		c.Add("name", "must not be empty")
		c.Check(true, "category", "must not be empty")
		c.Check(false, "baa.effective_on", "%s is after expiry %s", "2026-05-01", "2026-04-01")
		c.Merge(validation.New("task", "due_on", "must be set"))
		err := c.Err()
		require.Error(t, err)
		assert.True(t, errors.Is(err, validation.ErrInvalid))
		assert.Equal(t, []*validation.Error{
			{Pkg: "vendors", Field: "name", Rule: "must not be empty"},
			{Pkg: "vendors", Field: "baa.effective_on", Rule: "2026-05-01 is after expiry 2026-04-01"},
			{Pkg: "task", Field: "due_on", Rule: "must be set"},
		}, validation.All(err))
		assert.Equal(t, "vendors: name must not be empty\n"+
			"vendors: baa.effective_on 2026-05-01 is after expiry 2026-04-01\n"+
			"task: due_on must be set", err.Error())

		var first *validation.Error
		require.True(t, errors.As(err, &first))
		assert.Equal(t, "name", first.Field, "errors.As finds the first problem")
	})

	t.Run("merges joined errors from another collector", func(t *testing.T) {
		inner := validation.Collector{Pkg: "org"}
		inner.Add("sites[0].id", "must not be empty")
		inner.Add("sites[0].name", "must not be empty")
		outer := validation.Collector{Pkg: "compliance"}
		outer.Add("actor", "must be set")
		outer.Merge(inner.Err())
		fields := []string{}
		for _, e := range validation.All(outer.Err()) {
			fields = append(fields, e.Pkg+":"+e.Field)
		}
		assert.Equal(t, []string{"compliance:actor", "org:sites[0].id", "org:sites[0].name"}, fields)
	})

	t.Run("Err does not alias later additions", func(t *testing.T) {
		c := validation.Collector{Pkg: "org"}
		c.Add("id", "must not be empty")
		before := c.Err()
		c.Add("name", "must not be empty")
		assert.Len(t, validation.All(before), 1)
		assert.Len(t, validation.All(c.Err()), 2)
	})
}

func TestAll(t *testing.T) {
	a := validation.New("org", "id", "must not be empty")
	b := validation.New("org", "name", "must not be empty")
	c := validation.New("vendors", "category", "must not be empty")
	tests := []struct {
		name string
		err  error
		want []*validation.Error
	}{
		{"nil", nil, nil},
		{"no validation errors", errors.Join(io.EOF, fmt.Errorf("x: %w", io.ErrClosedPipe)), nil},
		{"single", a, []*validation.Error{a}},
		{"wrapped", fmt.Errorf("create: %w", a), []*validation.Error{a}},
		{"joined", errors.Join(a, b, c), []*validation.Error{a, b, c}},
		{"joined with other errors", errors.Join(io.EOF, a, io.ErrUnexpectedEOF, b), []*validation.Error{a, b}},
		{"nested joins keep order", errors.Join(a, errors.Join(b, fmt.Errorf("w: %w", c))), []*validation.Error{a, b, c}},
		{"multi %w", fmt.Errorf("%w; %w", b, a), []*validation.Error{b, a}},
		{"wrapped join", fmt.Errorf("engine: %w", errors.Join(c, a)), []*validation.Error{c, a}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validation.All(tt.err)
			require.Len(t, got, len(tt.want))
			for i := range tt.want {
				assert.Same(t, tt.want[i], got[i], "error %d", i)
			}
		})
	}
}
