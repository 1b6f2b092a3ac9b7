package main

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestTagFailsAfterPublish: when --tag fails after the commit was
// published (the tag exists), pgcopy says that the snapshot was committed
// and published, names the commit, and exits 4; main holds the new
// snapshot.
func TestTagFailsAfterPublish(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, testenv.Testdata(t, "northwind/northwind.sql"), tg.spec, "--tag", "nightly", "-q")
		code, out, errOut := pgcopyRun(t, "copy", "--dump", testenv.Testdata(t, "chinook/chinook.sql"), "--target", tg.spec, "--tag", "nightly", "-q")
		if code != 4 {
			t.Fatalf("exit %d, want 4 (published, then a later step failed)\nstdout: %s\nstderr: %s", code, out, errOut)
		}
		head := tg.q("SELECT HASHOF('main')")[0][0]
		for _, w := range []string{"--tag nightly failed after the snapshot was published", "committed " + head + " and published it on branch main", "then --tag nightly failed"} {
			if !strings.Contains(errOut, w) {
				t.Errorf("stderr lacks %q:\n%s", w, errOut)
			}
		}
		if strings.Contains(errOut, "nothing was committed") {
			t.Errorf("stderr says nothing was committed, but main moved:\n%s", errOut)
		}
		if n := tg.q("SELECT COUNT(*) FROM artist")[0][0]; n != "275" {
			t.Errorf("main does not hold the new snapshot: artist has %s rows", n)
		}
	})
}
