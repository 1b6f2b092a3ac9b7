//go:build pgcopytest

package verify

import (
	"context"
	"fmt"
	"os"
)

// This file holds verify's test hook; it is compiled only with
// `go build -tags pgcopytest` (the e2e tests of cmd/pgcopy build that way).
// The shipped binary gets the no-op of testhook_off.go and never reads
// the environment variable.

// testStall blocks when the environment variable PGCOPY_TEST_STALL_VERIFY
// is "1": before the first table is compared it prints "pgcopy: test
// stall in verify" to stderr and waits until ctx ends (SIGINT or SIGTERM
// in pgcopy verify), then returns ctx's error. The interrupt test of
// verify uses it (cmd/pgcopy TestVerifyInterrupt).
func testStall(ctx context.Context) error {
	if os.Getenv("PGCOPY_TEST_STALL_VERIFY") != "1" {
		return nil
	}
	fmt.Fprintln(os.Stderr, "pgcopy: test stall in verify")
	<-ctx.Done()
	return fmt.Errorf("verify: %w", ctx.Err())
}
