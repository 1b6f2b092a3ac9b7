//go:build !pgcopytest

package pipeline

import "context"

// The shipped binary's test hooks do nothing and read no environment
// variable; the real ones are in testhook.go (`-tags pgcopytest`).

// testPause does nothing (see testhook.go for the pgcopytest build).
func testPause(string) {}

// stallHook returns a function that does nothing (see testhook.go for the
// pgcopytest build).
func stallHook(context.Context) func() error { return noStall }

// pendingKeysLimit is maxPendingKeys (see testhook.go for the pgcopytest
// build's PGCOPY_TEST_PATCH_KEYS).
func pendingKeysLimit() int { return maxPendingKeys }
