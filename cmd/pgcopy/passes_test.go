package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileChangedBetweenPasses rewrites the dump file while a copy is
// paused between its two passes (PGCOPY_TEST_PAUSE_AT=started: the schema
// pass has read the file, the data pass has not begun): the copy must fail
// naming the change, and main must keep its snapshot (hash and
// dolt_hashof_db unchanged), on both targets, one session or --jobs.
func TestFileChangedBetweenPasses(t *testing.T) {
	v1, v2 := overlapDumps(t)
	v1Text, err := os.ReadFile(v1)
	if err != nil {
		t.Fatal(err)
	}
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, v1, tg.spec, "-q")
		for _, tc := range []struct {
			name  string
			jobs  []string
			write func(path string) error
		}{
			{"cut", nil, func(p string) error { return os.WriteFile(p, v1Text, 0o644) }},
			{"cut-jobs", []string{"--jobs", "2"}, func(p string) error { return os.WriteFile(p, v1Text, 0o644) }},
			{"grown", nil, func(p string) error {
				f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					return err
				}
				defer f.Close()
				_, err = f.WriteString("INSERT INTO parent VALUES (1000, 'late');\n")
				return err
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
				dump := filepath.Join(t.TempDir(), "v2.sql")
				b, err := os.ReadFile(v2)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dump, b, 0o644); err != nil {
					t.Fatal(err)
				}
				a := startPaused(t, dump, tg.spec, "started", tc.jobs...)
				if err := tc.write(dump); err != nil {
					t.Fatal(err)
				}
				code, errOut := a.resume(t)
				t.Logf("exit %d: %s", code, errOut)
				if code != 1 || !strings.Contains(errOut, "v2.sql changed between pgcopy's two passes over it") || !strings.Contains(errOut, "hint: ") {
					t.Errorf("exit %d, stderr:\n%s\nwant the changed-file failure", code, errOut)
				}
				if after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]; after[0] != before[0] || after[1] != before[1] {
					t.Errorf("main changed: %v -> %v", before, after)
				}
				if got := snapshotOf(t, tg); got != "v1" {
					t.Errorf("main holds %s, want v1", got)
				}
			})
		}
	})
}
