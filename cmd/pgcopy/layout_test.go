package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeLayout keeps the README's "Layout" block true to the tree:
// every directory of the module that holds a Go package is listed there,
// and every directory listed exists.
func TestReadmeLayout(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## Layout\n")
	if !ok {
		t.Fatal(`README.md has no "## Layout" section`)
	}
	_, block, _ := strings.Cut(after, "```\n")
	block, _, _ = strings.Cut(block, "```")
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^(\S+)/\s`).FindAllStringSubmatch(block, -1) {
		listed[m[1]] = true
	}
	packages := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			packages[filepath.ToSlash(filepath.Dir(rel))] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range packages {
		if !listed[dir] {
			t.Errorf("package directory %s/ is not listed in README.md's Layout section", dir)
		}
	}
	for dir := range listed {
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
			t.Errorf("README.md's Layout section lists %s/, which does not exist", dir)
		}
	}
}

// TestPackageDocs checks that every package of the module has a doc.go
// whose package comment says what goes in ("In:"), what comes out
// ("Out:") and what the package never does ("never").
func TestPackageDocs(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			return nil
		}
		gofiles, _ := filepath.Glob(filepath.Join(path, "*.go"))
		if len(gofiles) == 0 {
			return nil
		}
		doc, err := os.ReadFile(filepath.Join(path, "doc.go"))
		if err != nil {
			t.Errorf("%s/ has no doc.go", filepath.ToSlash(rel))
			return nil
		}
		comment, _, _ := strings.Cut(string(doc), "\npackage ")
		for _, want := range []string{"In:", "Out:", "never"} {
			if !strings.Contains(comment, want) {
				t.Errorf("%s/doc.go: the package comment does not say %q", filepath.ToSlash(rel), want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
