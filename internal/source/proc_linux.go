package source

import (
	"os/exec"
	"syscall"
)

// setParentDeath makes the kernel kill the child (pg_dump, pg_restore) if
// pgcopy dies without closing it, so no dump keeps running against the
// server on its own.
func setParentDeath(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}
