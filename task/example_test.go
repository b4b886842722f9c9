package task_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/hipaaops/hipaaops/task"
)

// The annual security risk analysis (45 CFR 164.308(a)(1)(ii)(A)) is a calendar-anchored
// series: completed six weeks late, its next occurrence is still due on the anniversary
// of the first. Evidence must be attached before it can be completed (45 CFR
// 164.316(b)(1)(ii)), and the next occurrence is created exactly once.
func ExampleTask_Next() {
	tpl := &task.Template{
		ID: "risk-analysis", Version: 1,
		Title:            "Annual security risk analysis",
		Citation:         "45 CFR 164.308(a)(1)(ii)(A)",
		DefaultRole:      task.RoleSecurityOfficer,
		EvidenceRequired: true,
		DueOffsetDays:    30,
		Recurrence:       &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar},
	}
	by := "security.officer@example.org"
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}

	first, err := task.New(tpl, task.NewParams{ID: "ra-2026", TriggeredOn: date.New(2026, time.January, 2), Trigger: "org.created"})
	must(err)
	fmt.Println("due:", first.DueOn, "assigned to:", first.Assignee.Role)
	fmt.Println("overdue on 2026-03-01:", first.Overdue(date.New(2026, time.March, 1)))

	must(first.Start(task.Start{On: date.New(2026, time.February, 20)}, by))
	err = first.Complete(task.Completion{On: date.New(2026, time.March, 15)}, by)
	fmt.Println("complete without evidence:", errors.Is(err, task.ErrEvidenceRequired))

	must(first.AddEvidence(task.Evidence{
		Name: "2026 risk analysis report", Location: "dms://compliance/ra-2026.pdf",
		SHA256:  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		AddedOn: date.New(2026, time.March, 15), AddedBy: by,
	}))
	must(first.Complete(task.Completion{On: date.New(2026, time.March, 15)}, by))

	second, ok, err := first.Next(tpl, "ra-2027")
	must(err)
	fmt.Println("next created:", ok, "occurrence", second.Occurrence, "of series", second.Series)
	fmt.Println("next due:", second.DueOn, "(not 2027-03-15: the calendar keeps its schedule)")
	fmt.Println("first.NextID:", first.NextID)

	_, ok, err = first.Next(tpl, "ra-2027-again")
	fmt.Println("created again:", ok, err)
	for _, c := range first.History {
		fmt.Printf("%s %s → %s\n", c.On, c.From, c.To)
	}
	// Output:
	// due: 2026-02-01 assigned to: security_officer
	// overdue on 2026-03-01: true
	// complete without evidence: true
	// next created: true occurrence 2 of series ra-2026
	// next due: 2027-02-01 (not 2027-03-15: the calendar keeps its schedule)
	// first.NextID: ra-2027
	// created again: false <nil>
	// 2026-02-20 open → in_progress
	// 2026-03-15 in_progress → done
}

// A completion-anchored series counts from the day the last occurrence was done:
// refresher training (45 CFR 164.308(a)(5)) completed late moves the next one.
func ExampleTask_Next_completionAnchor() {
	tpl := &task.Template{
		ID: "training", Title: "Security awareness training", Citation: "45 CFR 164.308(a)(5)(i)",
		DefaultRole: task.RolePracticeAdministrator, DueOffsetDays: 14,
		Recurrence: &task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCompletion},
	}
	t, err := task.New(tpl, task.NewParams{ID: "tr-1", TriggeredOn: date.New(2026, time.January, 5)})
	if err != nil {
		panic(err)
	}
	if err := t.Complete(task.Completion{On: date.New(2026, time.April, 2)}, "administrator@example.org"); err != nil {
		panic(err)
	}
	n, _, err := t.Next(tpl, "tr-2")
	if err != nil {
		panic(err)
	}
	fmt.Println("first due:", t.DueOn, "completed:", t.CompletedOn)
	fmt.Println("next due:", n.DueOn)
	// Output:
	// first due: 2026-01-19 completed: 2026-04-02
	// next due: 2027-04-02
}

// NextFrom counts each occurrence from the series start, so a monthly series that starts
// on January 31 comes back to the 31st whenever the month has one; stepping with Next
// from a clamped date would stay on the 29th.
func ExampleRecurrence_NextFrom() {
	monthly := task.Recurrence{Every: 1, Unit: task.UnitMonth, Anchor: task.AnchorCalendar}
	start := date.New(2024, time.January, 31)
	for n := 0; n <= 4; n++ {
		fmt.Println(n, monthly.NextFrom(start, n))
	}
	fmt.Println("Next(2024-02-29):", monthly.Next(date.New(2024, time.February, 29)))

	yearly := task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCalendar}
	leap := date.New(2024, time.February, 29)
	fmt.Println("yearly from", leap, "→", yearly.NextFrom(leap, 1), yearly.NextFrom(leap, 4))
	// Output:
	// 0 2024-01-31
	// 1 2024-02-29
	// 2 2024-03-31
	// 3 2024-04-30
	// 4 2024-05-31
	// Next(2024-02-29): 2024-03-29
	// yearly from 2024-02-29 → 2025-02-28 2028-02-29
}

// Next adds one interval with the month-end rule.
func ExampleRecurrence_Next() {
	monthly := task.Recurrence{Every: 1, Unit: task.UnitMonth, Anchor: task.AnchorCompletion}
	yearly := task.Recurrence{Every: 1, Unit: task.UnitYear, Anchor: task.AnchorCompletion}
	fmt.Println(monthly.Next(date.New(2024, time.January, 31)))
	fmt.Println(monthly.Next(date.New(2023, time.January, 31)))
	fmt.Println(yearly.Next(date.New(2024, time.February, 29)))
	fmt.Println(task.Recurrence{Every: 0, Unit: task.UnitYear, Anchor: task.AnchorCalendar}.Validate())
	// Output:
	// 2024-02-29
	// 2023-02-28
	// 2025-02-28
	// task: recurrence.every must be at least 1, got 0
}
