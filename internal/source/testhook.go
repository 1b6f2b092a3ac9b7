//go:build pgcopytest

package source

import (
	"context"
	"fmt"
	"os"
	"time"
)

// This file holds the source's test hook; it is compiled only with
// `go build -tags pgcopytest` (the e2e tests of cmd/pgcopy build that way).
// The shipped binary gets the no-op of testhook_off.go and never reads
// the environment variable.

// envPauseAfterSnapshot names the hook: when set to a path, [OpenLive]
// creates PATH.ready after exporting its snapshot and then waits until PATH
// exists, so a test can change the database while a copy holds a snapshot
// (cmd/pgcopy TestSourceSnapshotIsolation).
const envPauseAfterSnapshot = "PGCOPY_TEST_PAUSE_AFTER_SNAPSHOT"

// pauseAfterSnapshot is the hook [OpenLive] calls once its snapshot is
// exported; it returns ctx's error if ctx ends while waiting.
func pauseAfterSnapshot(ctx context.Context) error {
	path := os.Getenv(envPauseAfterSnapshot)
	if path == "" {
		return nil
	}
	if err := os.WriteFile(path+".ready", nil, 0o644); err != nil {
		return fmt.Errorf("%s: %w", envPauseAfterSnapshot, err)
	}
	for {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
