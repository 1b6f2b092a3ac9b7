package pipeline

import (
	"fmt"
	"os"
	"syscall"
)

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
