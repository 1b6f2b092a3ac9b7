package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestReleaseHasNoTestHooks builds pgcopy as it ships (no build tags) and
// checks that its bytes hold none of the test hooks' environment variable
// names: the hooks (SIGSTOP at a step, stall a load or a verify, pause
// after the snapshot) live in `//go:build pgcopytest` files, and the
// shipped binary must not read them. The names are every PGCOPY_TEST_*
// found in the module's non-test Go files outside internal/testenv (the
// test harness's own variables, never linked into pgcopy). The binary the
// other tests run (built with -tags pgcopytest in TestMain) must hold
// them all, so the check can see a name when it is there.
func TestReleaseHasNoTestHooks(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	nameRE := regexp.MustCompile(`PGCOPY_TEST_[A-Z0-9_]+`)
	found := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if rel == "internal/testenv" || rel == ".cache" || rel == "testdata" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range nameRE.FindAll(b, -1) {
			found[string(m)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range found {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, want := range []string{"PGCOPY_TEST_PAUSE_AT", "PGCOPY_TEST_STALL_AFTER_ROWS", "PGCOPY_TEST_PAUSE_AFTER_SNAPSHOT", "PGCOPY_TEST_STALL_VERIFY"} {
		if !found[want] {
			t.Errorf("hook %s not found in the module's Go files (found %v): update this test", want, names)
		}
	}

	release := filepath.Join(t.TempDir(), "pgcopy")
	if out, err := exec.Command("go", "build", "-o", release, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bin, err := os.ReadFile(release)
	if err != nil {
		t.Fatal(err)
	}
	testBin, err := os.ReadFile(pgcopyBin)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if bytes.Contains(bin, []byte(n)) {
			t.Errorf("the release binary (go build, no tags) contains %q: its hook must be in a //go:build pgcopytest file, with a no-op under !pgcopytest", n)
		}
		if !bytes.Contains(testBin, []byte(n)) {
			t.Errorf("the test binary (go build -tags pgcopytest) lacks %q: the hook is not compiled in, or this check cannot see it", n)
		}
	}
}
