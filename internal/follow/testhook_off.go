//go:build !pgcopytest

package follow

// gcJournalLimit is opts.GCJournal, and true: gcDue also waits for the
// store's size (see testhook.go for the pgcopytest build's
// PGCOPY_TEST_FOLLOW_GC_BYTES).
func (f *follower) gcJournalLimit() (int64, bool) { return f.opts.GCJournal, true }
