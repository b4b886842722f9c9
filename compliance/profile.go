package compliance

import (
	"context"
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/profiles"
	"github.com/hipaaops/hipaaops/storage"
	"github.com/hipaaops/hipaaops/task"
	"github.com/hipaaops/hipaaops/validation"
)

// ProgramTaskID is the id of the first task of a profile's recurring program template
// in an organization; its later occurrences have generated ids in the same series.
func ProgramTaskID(id task.TemplateID) task.ID { return task.ID("program-" + string(id)) }

// ProfileOptions choose the profile [Org.ApplyProfile] starts and the day it starts.
type ProfileOptions struct {
	// Name is the specialty profile, e.g. profiles.HematologyOncology.
	Name profiles.Name `json:"name"`
	// On is the day the program starts; zero means today in the organization's zone.
	On date.Date `json:"on,omitzero"`
}

// ApplyProfile starts a specialty profile's compliance program: for each of its
// recurring templates (the annual risk analysis, training, access reviews, backup
// restore tests …) the first task of the series, due the template's offset after opts.On
// (zero: today), assigned to the template's role. It is idempotent: a template whose
// series was started before is left alone, so applying two profiles that share
// templates starts each once. It returns the tasks it created.
func (o *Org) ApplyProfile(ctx context.Context, opts ProfileOptions) ([]task.Task, error) {
	name := opts.Name
	var out []task.Task
	err := o.update(ctx, ActionProfileApply, func(c *call) error {
		p, ok := profiles.Get(name)
		if !ok {
			return validation.New("profiles", "name", "%q is not a profile", name)
		}
		on, err := c.dateOr(opts.On)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, id := range p.Recurring {
			_, err := c.tx.Tasks().Get(c.ctx, ProgramTaskID(id))
			switch {
			case err == nil:
				continue // already running
			case !errors.Is(err, storage.ErrNotFound):
				return err
			}
			tpl, err := c.template(id)
			if err != nil {
				return fmt.Errorf("profile %s: %w", name, err)
			}
			if tpl.Disabled {
				continue
			}
			t, err := c.createTask(&tpl, task.NewParams{ID: ProgramTaskID(id), TriggeredOn: on, Trigger: "profile." + string(name)})
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return nil
	})
	return result(out, err)
}
