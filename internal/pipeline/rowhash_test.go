package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAppendKey(t *testing.T) {
	for _, c := range []struct {
		line string
		idx  []int
		want string
		ok   bool
	}{
		{"1\tx\t2", []int{0}, "1", true},
		{"1\tx\t2", []int{2, 0}, "2\t1", true},
		{"a\\tb\tc", []int{0}, "a\\tb", true}, // an escaped tab stays in the field
		{"1\tx", []int{3}, "", false},
	} {
		got, ok := appendKey(nil, []byte(c.line), c.idx)
		if ok != c.ok || (ok && string(got) != c.want) {
			t.Errorf("appendKey(%q, %v) = %q, %v; want %q, %v", c.line, c.idx, got, ok, c.want, c.ok)
		}
	}
}

// TestRowHashFile writes a row-hash file, loads it, matches rows and
// lists the unseen keys; a truncated or altered file, or one of another
// shape, is not used.
func TestRowHashFile(t *testing.T) {
	dir := t.TempDir()
	w, err := newRowHashWriter(dir, "shapeA", []int{0})
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"1\ta", "2\tb", "3\tc"}
	for _, l := range lines {
		w.add(hashRow([]byte(l)), []byte(l))
	}
	if err := w.finish("h1"); err != nil {
		t.Fatal(err)
	}
	set, ok := loadRowHashes(dir, "h1", "shapeA")
	if !ok || len(set.hashes) != 3 {
		t.Fatalf("load: ok=%v", ok)
	}
	if !set.match(hashRow([]byte("2\tb"))) || set.match(hashRow([]byte("2\tb"))) || set.match(hashRow([]byte("2\tB"))) {
		t.Fatal("match: a stored row matches once, another row never")
	}
	var keys []string
	if err := set.unseen(func(k []byte) error { keys = append(keys, string(k)); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || keys[0] != "1" || keys[1] != "3" {
		t.Fatalf("unseen keys %q, want [1 3]", keys)
	}
	if _, ok := loadRowHashes(dir, "h1", "shapeB"); ok {
		t.Error("a file of another shape was used")
	}
	path := filepath.Join(dir, "h1.rowhash")
	data, _ := os.ReadFile(path)
	for name, bad := range map[string][]byte{"truncated": data[:len(data)-5], "altered": append(append([]byte{}, data[:len(data)-40]...), append([]byte{'X'}, data[len(data)-39:]...)...)} {
		os.WriteFile(filepath.Join(dir, name+".rowhash"), bad, 0o644)
		if _, ok := loadRowHashes(dir, name, "shapeA"); ok {
			t.Errorf("a %s file was used", name)
		}
	}
	if ents, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}
