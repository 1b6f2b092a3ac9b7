package pgtext

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecodeRow checks that DecodeRow never panics, that it fails only on a
// trailing lone backslash, and that re-encoding the decoded fields with the
// test's encoder and decoding again yields the same fields. Seeds live in
// testdata/fuzz/FuzzDecodeRow.
func FuzzDecodeRow(f *testing.F) {
	f.Add([]byte(pagilaFilmRow))
	f.Fuzz(func(t *testing.T, line []byte) {
		orig := bytes.Clone(line)
		fs, err := DecodeRow(line, nil)
		if !bytes.Equal(line, orig) {
			t.Fatalf("DecodeRow modified its input")
		}
		if err != nil {
			if !endsWithLoneBackslash(line) {
				t.Fatalf("DecodeRow(%q): unexpected error %v", line, err)
			}
			return
		}
		if endsWithLoneBackslash(line) {
			t.Fatalf("DecodeRow(%q) accepted a trailing lone backslash", line)
		}
		if len(fs) != 1+countUnescapedTabs(line) {
			t.Fatalf("DecodeRow(%q): %d fields, want %d", line, len(fs), 1+countUnescapedTabs(line))
		}
		for _, octal := range []bool{false, true} {
			enc := encodeCopyRow(fs, octal)
			fs2, err := DecodeRow(enc, make([]Field, 1)[:0])
			if err != nil {
				t.Fatalf("DecodeRow(re-encoded %q): %v", enc, err)
			}
			if len(fs2) != len(fs) {
				t.Fatalf("re-encoded %q: %d fields, want %d", enc, len(fs2), len(fs))
			}
			for i := range fs {
				if fs[i].Null != fs2[i].Null || !bytes.Equal(fs[i].Value, fs2[i].Value) {
					t.Fatalf("field %d of %q: first %s, after re-encoding as %q %s",
						i, line, fieldsString(fs[i:i+1]), enc, fieldsString(fs2[i:i+1]))
				}
			}
		}
		// Decoding again into the warm dst gives the same result.
		first := fieldsString(fs)
		fs, err = DecodeRow(line, fs)
		if err != nil || fieldsString(fs) != first {
			t.Fatalf("DecodeRow(%q) with reused dst = %s, %v; want %s", line, fieldsString(fs), err, first)
		}
	})
}

// endsWithLoneBackslash reports whether the line's last backslash escape is
// incomplete: the line ends in an odd run of backslashes that is not the
// tail of an escape sequence. Only \\ pairs can precede it, since every
// other escape consumes a non-backslash byte.
func endsWithLoneBackslash(line []byte) bool {
	n := 0
	for n < len(line) && line[len(line)-1-n] == '\\' {
		n++
	}
	return n%2 == 1
}

// countUnescapedTabs counts the TABs that are not the byte after a
// backslash.
func countUnescapedTabs(line []byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '\t':
			n++
		}
	}
	return n
}

// FuzzArrayToJSON checks that ArrayToJSON never panics and that its output,
// when it succeeds, is valid JSON holding an array, and is deterministic.
// Seeds live in testdata/fuzz/FuzzArrayToJSON.
func FuzzArrayToJSON(f *testing.F) {
	f.Add(`{Trailers,"Deleted Scenes","Behind the Scenes"}`, uint8(ElemString))
	f.Fuzz(func(t *testing.T, s string, kind uint8) {
		elem := ElemKind(kind % 4)
		out, err := ArrayToJSON(s, elem)
		if err != nil {
			if out != "" {
				t.Fatalf("ArrayToJSON(%q, %d) returned %q with error %v", s, elem, out, err)
			}
			return
		}
		if !json.Valid([]byte(out)) {
			t.Fatalf("ArrayToJSON(%q, %d) = %q: invalid JSON", s, elem, out)
		}
		var v []any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("ArrayToJSON(%q, %d) = %q: not a JSON array: %v", s, elem, out, err)
		}
		if again, err := ArrayToJSON(s, elem); err != nil || again != out {
			t.Fatalf("ArrayToJSON(%q, %d) not deterministic: %q then %q, %v", s, elem, out, again, err)
		}
	})
}
