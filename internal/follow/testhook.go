//go:build pgcopytest

package follow

import (
	"os"
	"strconv"
)

// gcJournalLimit is opts.GCJournal and true (gcDue also waits for the
// store's size), or the test hook's PGCOPY_TEST_FOLLOW_GC_BYTES=N (N > 0)
// and false, with which a test has the follower start DOLT_GC after
// (nearly) every commit.
func (f *follower) gcJournalLimit() (int64, bool) {
	if n, _ := strconv.ParseInt(os.Getenv("PGCOPY_TEST_FOLLOW_GC_BYTES"), 10, 64); n > 0 {
		return n, false
	}
	return f.opts.GCJournal, true
}
