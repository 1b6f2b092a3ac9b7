package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// gzipped returns data compressed with gzip.
func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// firstLines returns the first n lines of text.
func firstLines(text string, n int) string {
	lines := strings.SplitAfter(text, "\n")
	return strings.Join(lines[:n], "")
}

// TestIncompleteInput: on a target that holds a snapshot of chinook, every
// shape of incomplete input (what a pg_dump that dies in a pipe at night
// leaves) fails with the dump line, and leaves main's commit and
// dolt_hashof_db() exactly as they were, on both targets.
func TestIncompleteInput(t *testing.T) {
	full := testenv.Testdata(t, "chinook/chinook.sql")
	src, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	nLines := strings.Count(text, "\n")
	trailer := strings.Index(text, "--\n-- PostgreSQL database dump complete")
	header := strings.Index(text, "SET statement_timeout")
	inCopy := strings.Index(text, "3\tFrançois")
	archive, err := os.ReadFile(testenv.Testdata(t, "pagila/pagila.dump"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string { return testenv.WriteFile(t, dir, name, data) }
	cases := []struct {
		name  string
		file  string // --dump; "-" reads stdin
		stdin []byte
		want  []string // substrings of stderr
	}{
		{name: "empty file", file: write("empty.sql", nil), want: []string{"empty.sql:0:", "holds no SQL statement", "it is empty"}},
		{name: "false | pgcopy (empty stdin)", file: "-", stdin: []byte{}, want: []string{"stdin:0:", "it is empty"}},
		{name: "empty .gz", file: write("empty.sql.gz", gzipped(t, nil)), want: []string{"it is empty"}},
		{name: "header only", file: write("header.sql", []byte(text[:header])), want: []string{"header.sql:", "without pg_dump's trailer", "--allow-incomplete-dump"}},
		{name: "head -n 958 (between two COPY blocks)", file: write("head958.sql", []byte(firstLines(text, 958))), want: []string{"head958.sql:958: the dump ends at line 958 without pg_dump's trailer"}},
		{name: "cut before the trailer", file: write("notrailer.sql", []byte(text[:trailer])), want: []string{"without pg_dump's trailer", "it is incomplete"}},
		{name: "cut before \\unrestrict", file: write("nounrestrict.sql", []byte(firstLines(text, nLines-2))), want: []string{"without the \\unrestrict line"}},
		{name: "cut inside a COPY block", file: write("incopy.sql", []byte(text[:inCopy])), want: []string{"table public.customer", "no \\. line ends it", "dump again"}},
		{name: "cut .gz on stdin", file: "-", stdin: gzipped(t, []byte(firstLines(text, 958))), want: []string{"stdin:958:", "without pg_dump's trailer"}},
		{name: "truncated gzip stream", file: write("trunc.sql.gz", gzipped(t, src)[:40000]), want: []string{"unexpected EOF"}},
		{name: "truncated custom archive", file: write("trunc.dump", archive[:len(archive)/2]), want: []string{"pg_restore"}},
		{name: "truncated custom archive on stdin", file: "-", stdin: archive[:len(archive)/2], want: []string{"pg_restore"}},
	}
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, full, tg.spec, "-q")
		before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
		for _, c := range cases {
			o := runOpts{}
			if c.stdin != nil {
				o.stdin = bytes.NewReader(c.stdin)
			}
			code, out, errOut := runPgcopy(t, o, "copy", "--dump", c.file, "--target", tg.spec, "-q")
			if code == 0 {
				t.Errorf("%s: pgcopy exited 0\nstdout: %s", c.name, out)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("%s: stderr lacks %q:\n%s", c.name, w, errOut)
				}
			}
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine ") {
				t.Errorf("%s: pgcopy panicked:\n%s", c.name, errOut)
			}
			after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
			if before[0] != after[0] || before[1] != after[1] {
				t.Fatalf("%s: main changed: %v -> %v", c.name, before, after)
			}
		}
		// On purpose: --allow-incomplete-dump copies what a cut dump holds.
		cut := filepath.Join(dir, "head958.sql")
		errOut := copyOK(t, cut, tg.spec, "--allow-incomplete-dump")
		if !strings.Contains(errOut, "--allow-incomplete-dump") {
			t.Errorf("the report does not note --allow-incomplete-dump:\n%s", errOut)
		}
		if n := tg.q("SELECT COUNT(*) FROM artist")[0][0]; n != "275" {
			t.Errorf("artist after the cut copy: %s rows, want 275", n)
		}
	})
}

// TestIncompleteTranslate: translate and explain refuse a cut dump too.
func TestIncompleteTranslate(t *testing.T) {
	src, err := os.ReadFile(testenv.Testdata(t, "chinook/chinook.sql"))
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.sql")
	os.WriteFile(cut, []byte(firstLines(string(src), 958)), 0o644)
	for _, args := range [][]string{
		{"translate", "--dump", cut, "-o", os.DevNull, "-q"},
		{"explain", "--dump", cut},
		{"overrides", "suggest", "--dump", cut},
	} {
		code, _, errOut := pgcopyRun(t, args...)
		if code == 0 || !strings.Contains(errOut, "cut.sql:958: the dump ends at line 958 without pg_dump's trailer") {
			t.Errorf("pgcopy %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
		}
		code, _, errOut = pgcopyRun(t, append(args, "--allow-incomplete-dump")...)
		if code != 0 {
			t.Errorf("pgcopy %s --allow-incomplete-dump: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
		}
	}
}
