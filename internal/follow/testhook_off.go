//go:build !pgcopytest

package follow

// gcJournalLimit is opts.GCJournal (see testhook.go for the pgcopytest
// build's PGCOPY_TEST_FOLLOW_GC_BYTES).
func (f *follower) gcJournalLimit() int64 { return f.opts.GCJournal }
