package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestVerifyInterrupt signals pgcopy verify in the middle of a comparison
// (stalled by PGCOPY_TEST_STALL_VERIFY before its first table, with the
// PostgreSQL snapshot and the Dolt session open): SIGINT exits 130 and
// SIGTERM 143, saying "interrupted by SIGINT" (SIGTERM), never "context
// canceled", on both targets.
func TestVerifyInterrupt(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "chinook/chinook.sql")
	_, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, dump)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q")
		for _, sc := range []struct {
			sig  syscall.Signal
			name string
			code int
		}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
			cmd := exec.Command(pgcopyBin, "verify", "--source", dbURL, "--target", tg.spec, "-q")
			cmd.Env = append(os.Environ(), "PGCOPY_TEST_STALL_VERIFY=1")
			seen := &syncWriter{want: "test stall in verify", reached: make(chan struct{})}
			cmd.Stderr = seen
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-seen.reached:
			case err := <-done:
				t.Fatalf("verify ended before the stall: %v; stderr: %s", err, seen.String())
			}
			if err := cmd.Process.Signal(sc.sig); err != nil {
				t.Fatal(err)
			}
			<-done
			out := seen.String()
			t.Logf("%s: exit %d: %s", sc.name, cmd.ProcessState.ExitCode(), out)
			if code := cmd.ProcessState.ExitCode(); code != sc.code {
				t.Errorf("%s: exit %d, want %d; stderr:\n%s", sc.name, code, sc.code, out)
			}
			if !strings.Contains(out, "pgcopy: interrupted by "+sc.name) || strings.Contains(out, "context canceled") {
				t.Errorf("%s: stderr:\n%s\nwant \"interrupted by %s\" and no \"context canceled\"", sc.name, out, sc.name)
			}
		}
	})
}
