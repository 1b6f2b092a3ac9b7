//go:build pgcopytest

package pipeline

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
)

// This file holds the test hooks; it is compiled only with
// `go build -tags pgcopytest` (the e2e tests of cmd/pgcopy build that way).
// The shipped binary gets the no-ops of testhook_off.go and never reads
// these environment variables.

// testPause stops the process (SIGSTOP to itself) at the named step when
// the environment variable PGCOPY_TEST_PAUSE_AT names it, after printing
// "pgcopy: test pause at STEP" to stderr; SIGCONT resumes it. The
// overlapping-run tests use it. Steps: started (after StartWork), loaded
// (rows written, before the foreign-key checks), committed (the Dolt
// commit made, before Publish).
func testPause(step string) {
	if os.Getenv("PGCOPY_TEST_PAUSE_AT") != step {
		return
	}
	fmt.Fprintf(os.Stderr, "pgcopy: test pause at %s\n", step)
	syscall.Kill(os.Getpid(), syscall.SIGSTOP)
}

// stallHook returns a function to call once per row. When the environment
// variable PGCOPY_TEST_STALL_AFTER_ROWS is N > 0, the Nth call flushes
// nothing more, prints "pgcopy: test stall" to stderr and blocks until ctx
// ends (SIGINT or SIGTERM), then returns ctx's error: the kill test uses it
// to SIGKILL pgcopy in the middle of a load, the interrupt test to signal it.
func stallHook(ctx context.Context) func() error {
	n, _ := strconv.Atoi(os.Getenv("PGCOPY_TEST_STALL_AFTER_ROWS"))
	if n <= 0 {
		return noStall
	}
	var seen atomic.Int64
	return func() error {
		if seen.Add(1) == int64(n) {
			fmt.Fprintln(os.Stderr, "pgcopy: test stall")
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	}
}

// pendingKeysLimit is maxPendingKeys, or the test hook's smaller limit
// PGCOPY_TEST_PATCH_KEYS=N (N > 0), with which a test drives a patch past
// its in-memory keys into the spill path on a small table.
func pendingKeysLimit() int {
	if n, _ := strconv.Atoi(os.Getenv("PGCOPY_TEST_PATCH_KEYS")); n > 0 {
		return n
	}
	return maxPendingKeys
}
