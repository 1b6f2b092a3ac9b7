//go:build !pgcopytest

package follow

// gcJournalLimit is gcJournalBytes (see testhook.go for the pgcopytest
// build's PGCOPY_TEST_FOLLOW_GC_BYTES).
func gcJournalLimit() int64 { return gcJournalBytes }
