//go:build pgcopytest

package follow

import (
	"os"
	"strconv"
)

// gcJournalLimit is opts.GCJournal, or the test hook's
// PGCOPY_TEST_FOLLOW_GC_BYTES=N (N > 0), with which a test has the
// follower start DOLT_GC after (nearly) every commit.
func (f *follower) gcJournalLimit() int64 {
	if n, _ := strconv.ParseInt(os.Getenv("PGCOPY_TEST_FOLLOW_GC_BYTES"), 10, 64); n > 0 {
		return n
	}
	return f.opts.GCJournal
}
