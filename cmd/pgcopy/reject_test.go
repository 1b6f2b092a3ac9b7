package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// corruptPagila writes a copy of pagila with three bad rows in tables no
// foreign key references: a truncated COPY row (too few fields), an invalid
// date, and a value Dolt refuses (12345.67 in a numeric(5,2)). It returns
// the path, the bad lines and their line numbers.
func corruptPagila(t *testing.T) (string, []string, []int) {
	src, err := os.ReadFile(testenv.Testdata(t, "pagila/pagila.sql"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	find := func(prefix string, row int) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i + row
			}
		}
		t.Fatalf("no %q in pagila", prefix)
		return -1
	}
	var nums []int
	// 1. truncated row in film_actor
	i := find("COPY public.film_actor ", 5)
	lines[i] = lines[i][:strings.LastIndexByte(lines[i], '\t')]
	nums = append(nums, i)
	// 2. invalid date in a payment partition
	i = find("COPY public.payment_p2022_02 ", 7)
	f := strings.Split(lines[i], "\t")
	f[5] = "2022-13-01 10:00:00+00"
	lines[i] = strings.Join(f, "\t")
	nums = append(nums, i)
	// 3. out of range for numeric(5,2): Dolt refuses it
	i = find("COPY public.payment_p2022_03 ", 2)
	f = strings.Split(lines[i], "\t")
	f[4] = "12345.67"
	lines[i] = strings.Join(f, "\t")
	nums = append(nums, i)
	var bad []string
	for _, n := range nums {
		bad = append(bad, lines[n])
	}
	p := filepath.Join(t.TempDir(), "corrupt.sql")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	for k := range nums {
		nums[k]++ // 1-based line numbers
	}
	return p, bad, nums
}

// TestRejects: with --max-errors 0 the first bad row fails the run with its
// line and nothing is committed; with --max-errors 10 the reject file holds
// exactly the bad lines and the rest is committed.
func TestRejects(t *testing.T) {
	dump, bad, nums := corruptPagila(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "db")
	rejects := filepath.Join(dir, "rejects")

	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "--reject-file", rejects, "-q")
	if code == 0 {
		t.Fatal("corrupted dump copied with --max-errors 0")
	}
	if !strings.Contains(errOut, "corrupt.sql:"+strconv.Itoa(nums[0])) || !strings.Contains(errOut, "public.film_actor") {
		t.Errorf("error does not name line %d and public.actor:\n%s", nums[0], errOut)
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log")[0][0]; n != "1" {
		t.Errorf("a failed run committed: dolt_log has %s commits", n)
	}

	out := copyOK(t, dump, target, "--max-errors", "10", "--reject-file", rejects)
	got, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(bad, "\n") + "\n"; string(got) != want {
		t.Errorf("reject file:\n%q\nwant exactly the bad lines:\n%q", got, want)
	}
	log, _ := os.ReadFile(rejects + ".log")
	for k, n := range nums {
		tables := []string{"public.film_actor", "public.payment_p2022_02, column payment_date", "public.payment"}
		if !strings.Contains(string(log), "corrupt.sql:"+strconv.Itoa(n)+": table "+tables[k]) {
			t.Errorf("reject log lacks line %d (%s):\n%s", n, tables[k], log)
		}
	}
	for tb, want := range map[string]string{"film_actor": "5461", "payment": "16047", "rental": "16044", "film": "1000"} {
		if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM "+tb)[0][0]; n != want {
			t.Errorf("%s has %s rows, want %s", tb, n, want)
		}
	}
	if !strings.Contains(out, "3 rows rejected") {
		t.Errorf("summary does not count the rejected rows:\n%s", out)
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log")[0][0]; n != "2" {
		t.Errorf("dolt_log has %s commits, want 2", n)
	}
}

// TestFKViolations removes a parent row: the copy fails naming the
// constraint, the child table and a sample key; --allow-fk-violations
// commits and lists them in the report.
func TestFKViolations(t *testing.T) {
	src, err := os.ReadFile(testenv.Testdata(t, "pagila/pagila.sql"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "COPY public.language ") {
			lines = append(lines[:i+2], lines[i+3:]...) // drop language_id 2
			break
		}
	}
	dump := filepath.Join(t.TempDir(), "orphans.sql")
	os.WriteFile(dump, []byte(strings.Join(lines, "\n")), 0o644)
	target := filepath.Join(t.TempDir(), "db")
	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "-q")
	if code == 0 {
		t.Fatal("orphan rows were accepted")
	}
	if !strings.Contains(errOut, "foreign key film_language_id_fkey") || !strings.Contains(errOut, "rows of film") || !strings.Contains(errOut, "e.g. (2)") {
		t.Errorf("error does not name the constraint, child table and sample key:\n%s", errOut)
	}
	out := copyOK(t, dump, target, "--allow-fk-violations")
	if !strings.Contains(out, "film_language_id_fkey") {
		t.Errorf("report does not list the allowed violation:\n%s", out)
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM film")[0][0]; n != "1000" {
		t.Errorf("film has %s rows", n)
	}
}

// TestReportStatus: --report records the run's status, and a failed run's
// error with its position (issue 12, item 10).
func TestReportStatus(t *testing.T) {
	dump, _, nums := corruptPagila(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "db")
	rp := filepath.Join(dir, "report.json")
	read := func() map[string]any {
		t.Helper()
		b, err := os.ReadFile(rp)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("report: %v", err)
		}
		return m
	}
	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "-q", "--report", rp)
	if code != exitError {
		t.Fatalf("copy of a corrupt dump exited %d:\n%s", code, errOut)
	}
	m := read()
	e, _ := m["error"].(map[string]any)
	if m["status"] != "failed" || e == nil || e["file"] != "corrupt.sql" || e["line"] != float64(nums[0]) ||
		e["table"] != "public.film_actor" || e["hint"] == "" || !strings.Contains(e["message"].(string), "public.film_actor") {
		t.Errorf("failed run's report: status %v, error %v (want line %d)", m["status"], e, nums[0])
	}
	northwind := testenv.Testdata(t, "northwind/northwind.sql")
	for _, want := range []string{"ok", "unchanged"} {
		copyOK(t, northwind, target, "-q", "--report", rp)
		if m := read(); m["status"] != want || m["error"] != nil {
			t.Errorf("report status %v, error %v; want %s", m["status"], m["error"], want)
		}
	}
}

// TestHugeValueMessage: a 10 MB value that Dolt refuses (an override
// retypes its text column to int) is quoted in about 200 bytes, in stderr,
// in the reject .log and in the --report error (issue 12, item 10).
func TestHugeValueMessage(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", 10_000_000)
	dump := filepath.Join(dir, "big.sql")
	os.WriteFile(dump, []byte("--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.t (id integer NOT NULL, s text);\n\n"+
		"COPY public.t (id, s) FROM stdin;\n1\t"+big+"\n2\t42\n\\.\n\nALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n\n"+
		"--\n-- PostgreSQL database dump complete\n--\n\n"), 0o644)
	ov := filepath.Join(dir, "ov.yaml")
	os.WriteFile(ov, []byte("tables:\n  t:\n    columns:\n      s: {type: int}\n"), 0o644)
	rp := filepath.Join(dir, "report.json")
	code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", filepath.Join(dir, "db"), "-q", "--overrides", ov, "--report", rp)
	if code != exitError || len(out)+len(errOut) > 2000 || !strings.Contains(errOut, "... (100000") || !strings.Contains(errOut, "big.sql:8") {
		t.Errorf("exit %d, %d bytes of stderr:\n%.3000s", code, len(errOut), errOut)
	}
	if st, err := os.Stat(rp); err != nil || st.Size() > 20000 {
		t.Errorf("report: %v", err)
	}
	rej := filepath.Join(dir, "rej")
	code, _, errOut = pgcopyRun(t, "copy", "--dump", dump, "--target", filepath.Join(dir, "db2"), "-q", "--overrides", ov, "--max-errors", "1", "--reject-file", rej)
	st, err := os.Stat(rej + ".log")
	if code != 0 || len(errOut) > 2000 || err != nil || st.Size() > 2000 {
		t.Errorf("--max-errors: exit %d, %d bytes of stderr, log %v %v:\n%.3000s", code, len(errOut), st, err, errOut)
	}
}
