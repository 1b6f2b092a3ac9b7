//go:build !pgcopytest

package verify

import "context"

// testStall does nothing in the shipped binary and reads no environment
// variable; the real hook is in testhook.go (`-tags pgcopytest`).
func testStall(context.Context) error { return nil }
