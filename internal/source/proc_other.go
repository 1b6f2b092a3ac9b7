//go:build !linux

package source

import "os/exec"

// setParentDeath is a no-op where the kernel has no parent-death signal;
// Close and the context still stop the child.
func setParentDeath(cmd *exec.Cmd) {}
