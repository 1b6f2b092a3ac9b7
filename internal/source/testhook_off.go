//go:build !pgcopytest

package source

import "context"

// pauseAfterSnapshot does nothing in the shipped binary and reads no
// environment variable; the real hook is in testhook.go (`-tags pgcopytest`).
func pauseAfterSnapshot(context.Context) error { return nil }
