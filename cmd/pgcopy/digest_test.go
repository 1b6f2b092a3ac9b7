package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestCommitRecordsTableDigests copies pagila and checks that the commit
// message holds one "table-digest:" line (data and schema SHA-256) for
// every base table (but pagila's materialized view rental_by_category,
// which CreateViews fills from its query: it has no digest and is always
// rebuilt), that a second copy of the same dump into another
// target records the same digests, and that the table hashes are the same
// with the lines as without (they live in the message only).
func TestCommitRecordsTableDigests(t *testing.T) {
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	line := regexp.MustCompile(`(?m)^table-digest: data=[0-9a-f]{64} schema=[0-9a-f]{64} (.+)$`)
	var first string
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec)
		msg := tg.q("SELECT message FROM dolt_log LIMIT 1")[0][0]
		got := map[string]bool{}
		for _, m := range line.FindAllStringSubmatch(msg, -1) {
			got[m[1]] = true
		}
		tables := tg.q("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
		if len(tables) == 0 {
			t.Fatal("no tables")
		}
		for _, r := range tables {
			if r[0] == "rental_by_category" {
				if got[r[0]] {
					t.Errorf("the materialized view rental_by_category got a digest")
				}
				continue
			}
			if !got[r[0]] {
				t.Errorf("no table-digest line for %s in the commit message:\n%s", r[0], msg)
			}
		}
		digests := strings.Join(line.FindAllString(msg, -1), "\n")
		if first == "" {
			first = digests
		} else if digests != first {
			t.Errorf("the two targets recorded other digests:\n%s\nvs\n%s", digests, first)
		}
	})
}
