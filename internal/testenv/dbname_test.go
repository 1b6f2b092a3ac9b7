package testenv

import (
	"strings"
	"testing"
)

// FuzzUniqueDBName checks that any test name yields a valid, unique-looking
// PostgreSQL database name.
func FuzzUniqueDBName(f *testing.F) {
	f.Add("TestFoo")
	f.Add("TestFoo/sub_test#01")
	f.Add(strings.Repeat("TestVeryLongName/", 10))
	f.Add("Ünïcödé/名前")
	f.Fuzz(func(t *testing.T, testName string) {
		name := uniqueDBName(testName)
		if len(name) > 63 {
			t.Fatalf("uniqueDBName(%q) = %q: %d bytes, max 63", testName, name, len(name))
		}
		if !strings.HasPrefix(name, "t_") {
			t.Fatalf("uniqueDBName(%q) = %q: want prefix t_", testName, name)
		}
		for _, r := range name {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
				t.Fatalf("uniqueDBName(%q) = %q: invalid character %q", testName, name, r)
			}
		}
		if uniqueDBName(testName) == name {
			t.Fatalf("uniqueDBName(%q) returned %q twice", testName, name)
		}
	})
}
