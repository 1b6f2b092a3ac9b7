package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestTargetDirectoryExists copies into a --target directory that exists
// but is not a Dolt database. An empty one (mkdir T; pgcopy copy --target
// T) becomes the Dolt database: Dolt's CREATE DATABASE alone fails there
// with "Error 1007 ... database exists" (loader/target.go). One holding a
// file fails with pgcopy's error saying so and what to do, and is left as
// it was.
func TestTargetDirectoryExists(t *testing.T) {
	dump := testenv.Testdata(t, "northwind/northwind.sql")

	t.Run("empty", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "db")
		if err := os.Mkdir(target, 0o755); err != nil {
			t.Fatal(err)
		}
		copyOK(t, dump, target, "-q")
		if got := testenv.DoltQuery(t, target, "SELECT count(*) FROM region")[0][0]; got != "4" {
			t.Errorf("region has %s rows in Dolt, want 4", got)
		}
		copyOK(t, dump, target, "-q") // now a Dolt database: a second run is an ordinary re-copy
	})

	t.Run("not empty", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "db")
		if err := os.Mkdir(target, 0o755); err != nil {
			t.Fatal(err)
		}
		keep := filepath.Join(target, "notes.txt")
		if err := os.WriteFile(keep, []byte("mine\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "-q")
		if code == 0 {
			t.Fatalf("pgcopy copy into a non-Dolt directory exited 0\nstderr:\n%s", errOut)
		}
		for _, want := range []string{"target " + target + " exists and is not a Dolt database", "give an empty or new directory"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		}
		if strings.Contains(errOut, "panic") || strings.Contains(errOut, "Error 1007") {
			t.Errorf("stderr is not pgcopy's own error:\n%s", errOut)
		}
		entries, err := os.ReadDir(target)
		if err != nil || len(entries) != 1 || entries[0].Name() != "notes.txt" {
			t.Errorf("the target directory changed: %v %v", entries, err)
		}
		if b, err := os.ReadFile(keep); err != nil || string(b) != "mine\n" {
			t.Errorf("notes.txt changed: %q %v", b, err)
		}
	})
}
