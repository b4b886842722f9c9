package task

import "github.com/rickb777/date/v2"

// Start is the input of [Task.Start]: the day work on the task began, or resumed after a
// block.
type Start struct {
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
}

// Blocking is the input of [Task.Block]: the day the task got stuck, and why.
type Blocking struct {
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
	// Reason says what the task waits for; it must not be empty.
	Reason string `json:"reason"`
}

// Skipping is the input of [Task.Skip]: the day the task was closed without being done,
// and why.
type Skipping struct {
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
	// Reason says why the task was not done; it must not be empty.
	Reason string `json:"reason"`
}

// Completion is the input of [Task.Complete]: the day the work was done.
type Completion struct {
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
}

// Check is the input of [Task.CheckItem]: which checklist item was done, and when.
type Check struct {
	// Item is the index of the checklist item, from 0.
	Item int `json:"item"`
	// On is the day; it must be set (the engine sets today when it is zero).
	On date.Date `json:"on,omitzero"`
}
