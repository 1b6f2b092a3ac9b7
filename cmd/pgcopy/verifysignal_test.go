package main

import (
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
			code, out := signalAtStall(t, "PGCOPY_TEST_STALL_VERIFY=1", "test stall in verify", sc.sig,
				"verify", "--source", dbURL, "--target", tg.spec, "-q")
			t.Logf("%s: exit %d: %s", sc.name, code, out)
			if code != sc.code {
				t.Errorf("%s: exit %d, want %d; stderr:\n%s", sc.name, code, sc.code, out)
			}
			if !strings.Contains(out, "pgcopy: interrupted by "+sc.name) || strings.Contains(out, "context canceled") {
				t.Errorf("%s: stderr:\n%s\nwant \"interrupted by %s\" and no \"context canceled\"", sc.name, out, sc.name)
			}
		}
	})
}
