package pgtext

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// want is a compact expected field: null, or a value.
type want struct {
	null bool
	v    string
}

func v(s string) want { return want{v: s} }

var null = want{null: true}

func fieldsString(fs []Field) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		if f.Null {
			b.WriteString("NULL")
		} else {
			b.WriteString(strconv.Quote(string(f.Value)))
		}
	}
	b.WriteByte(']')
	return b.String()
}

func wantsString(ws []want) string {
	fs := make([]Field, len(ws))
	for i, w := range ws {
		fs[i] = Field{Null: w.null, Value: []byte(w.v)}
	}
	return fieldsString(fs)
}

func checkFields(t *testing.T, line string, got []Field, ws []want) {
	t.Helper()
	match := len(got) == len(ws)
	for i := 0; match && i < len(ws); i++ {
		match = got[i].Null == ws[i].null && string(got[i].Value) == ws[i].v &&
			(!got[i].Null || got[i].Value == nil)
	}
	if !match {
		t.Errorf("DecodeRow(%q) = %s, want %s", line, fieldsString(got), wantsString(ws))
	}
}

func TestDecodeRow(t *testing.T) {
	tests := []struct {
		name string
		line string // Go-quoted: "\\" is one backslash in the COPY line
		want []want
	}{
		{"empty line is one empty field", "", []want{v("")}},
		{"single", "abc", []want{v("abc")}},
		{"two fields", "a\tb", []want{v("a"), v("b")}},
		{"trailing tab adds empty field", "a\t", []want{v("a"), v("")}},
		{"leading tab", "\ta", []want{v(""), v("a")}},
		{"only tab", "\t", []want{v(""), v("")}},
		{"empty vs NULL", "\t\\N\t", []want{v(""), null, v("")}},
		{"NULL alone", `\N`, []want{null}},
		{"two NULLs", "\\N\t\\N", []want{null, null}},
		{"escaped backslash then N", `\\N`, []want{v(`\N`)}},
		{"N escape inside value", `a\N`, []want{v("aN")}},
		{"N escape at start of longer value", `\Nx`, []want{v("Nx")}},
		{"NULL then escaped field", "\\N\ta\\tb", []want{null, v("a\tb")}},
		{"field exactly backslash dot", `\.`, []want{v(".")}},
		{"backslash dot inside value", `a\.b`, []want{v("a.b")}},
		{"backslash dot field among others", "x\t\\.\ty", []want{v("x"), v("."), v("y")}},
		{"all letter escapes", `\b\f\n\r\t\v\\`, []want{v("\b\f\n\r\t\v\\")}},
		{"escape b", `\b`, []want{v("\b")}},
		{"escape f", `\f`, []want{v("\f")}},
		{"escape n", `\n`, []want{v("\n")}},
		{"escape r", `\r`, []want{v("\r")}},
		{"escape t", `\t`, []want{v("\t")}},
		{"escape v", `\v`, []want{v("\v")}},
		{"escape backslash", `\\`, []want{v(`\`)}},
		{"octal 1 digit", `\0`, []want{v("\x00")}},
		{"octal 1 digit 7", `\7`, []want{v("\x07")}},
		{"octal 2 digits", `\11`, []want{v("\t")}},
		{"octal 3 digits", `\101`, []want{v("A")}},
		{"octal stops after 3 digits", `\1011`, []want{v("A1")}},
		{"octal 1 digit then non-octal", `\08`, []want{v("\x008")}},
		{"octal 2 digits then non-octal", `\119`, []want{v("\t9")}},
		{"octal wraps modulo 256", `\777`, []want{v("\xff")}},
		{"octal 400 wraps to NUL", `\400`, []want{v("\x00")}},
		{"octal 377", `\377`, []want{v("\xff")}},
		{"8 is not octal", `\8`, []want{v("8")}},
		{"9 is not octal", `\9`, []want{v("9")}},
		{"hex 1 digit", `\x4`, []want{v("\x04")}},
		{"hex 2 digits", `\x41`, []want{v("A")}},
		{"hex stops after 2 digits", `\x414`, []want{v("A4")}},
		{"hex mixed case", `\xFf\xaB`, []want{v("\xff\xab")}},
		{"hex 1 digit then non-hex", `\x4g`, []want{v("\x04g")}},
		{"x without hex digit", `\xg`, []want{v("xg")}},
		{"x at end", `\x`, []want{v("x")}},
		{"x then tab", "\\x\ty", []want{v("x"), v("y")}},
		{"capital X is not hex", `\X41`, []want{v("X41")}},
		{"other escaped letters", `\a\q\z\N\B`, []want{v("aqzNB")}},
		{"escaped literal tab does not split", "a\\\tb", []want{v("a\tb")}},
		{"escaped tab then real tab", "a\\\t\tb", []want{v("a\t"), v("b")}},
		{"escaped field then plain fields", "a\\tb\tc\td", []want{v("a\tb"), v("c"), v("d")}},
		{"plain field then escaped", "c\ta\\\\b", []want{v("c"), v(`a\b`)}},
		{"escape at end of field", "a\\\\\tb", []want{v(`a\`), v("b")}},
		{"raw high bytes pass through", "\xff\xfe\t\xc3\xa9", []want{v("\xff\xfe"), v("é")}},
		{"escaped high byte", "\\\xff", []want{v("\xff")}},
		{"utf8 text", "Ångström\t日本", []want{v("Ångström"), v("日本")}},
		// COPY (SELECT E'a\tb', E'x\\y', NULL, '', '\N', E'line\nnext\rcr')
		// TO STDOUT on PostgreSQL 15.
		{"pg output", "a\\tb\tx\\\\y\t\\N\t\t\\\\N\tline\\nnext\\rcr",
			[]want{v("a\tb"), v(`x\y`), null, v(""), v(`\N`), v("line\nnext\rcr")}},
		// \copy of this line into 11 text columns of a SQL_ASCII database on
		// PostgreSQL 15, then SELECT encode(convert_to(col, 'SQL_ASCII'), 'hex')
		// and "col IS NULL" for each column.
		{"pg input", `\11\101\x4\x41\xg\x\8\N` + "\t" + `\N` + "\t" + `a\N` + "\t" + `\\N` + "\t\t" +
			`\q` + "\t" + `\b\f\v\n\r\t\\` + "\t" + `\1011` + "\t" + `\x414` + "\t" + `\7` + "\t" +
			`\177\377\401\777\xFf\0012`,
			[]want{v("\x09\x41\x04\x41\x78\x67\x78\x38\x4e"), null, v("aN"), v(`\N`), v(""),
				v("q"), v("\x08\x0c\x0b\x0a\x0d\x09\x5c"), v("A1"), v("A4"), v("\x07"),
				v("\x7f\xff\x01\xff\xff\x01\x32")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeRow([]byte(tt.line), nil)
			if err != nil {
				t.Fatalf("DecodeRow(%q): unexpected error %v", tt.line, err)
			}
			checkFields(t, tt.line, got, tt.want)
		})
	}
}

func TestDecodeRowErrors(t *testing.T) {
	for _, line := range []string{`\`, `a\`, "a\t\\", `\\\`, "x\\tb\\", "\\N\t\\"} {
		got, err := DecodeRow([]byte(line), make([]Field, 0, 4))
		if err == nil {
			t.Errorf("DecodeRow(%q) = %s, want error", line, fieldsString(got))
			continue
		}
		if len(got) != 0 {
			t.Errorf("DecodeRow(%q) returned %d fields with an error", line, len(got))
		}
		if errors.Is(err, ErrUnrepresentable) {
			t.Errorf("DecodeRow(%q) error %v wraps ErrUnrepresentable", line, err)
		}
		if !strings.Contains(err.Error(), "backslash") {
			t.Errorf("DecodeRow(%q) error %q does not mention the backslash", line, err)
		}
	}
}

func TestDecodeRowReuse(t *testing.T) {
	var dst []Field
	var err error
	seq := []struct {
		line string
		want []want
	}{
		{"a\\tb\t\\N\tc\\\\d", []want{v("a\tb"), null, v(`c\d`)}},
		{"x\ty", []want{v("x"), v("y")}},                                            // shorter, no escapes
		{"\\N\t\\x41\tq\t\\N", []want{null, v("A"), v("q"), null}},                  // NULL where a value was
		{"1\\t\t2\t3\t4\t5\\n", []want{v("1\t"), v("2"), v("3"), v("4"), v("5\n")}}, // grows
	}
	for _, s := range seq {
		dst, err = DecodeRow([]byte(s.line), dst)
		if err != nil {
			t.Fatalf("DecodeRow(%q): %v", s.line, err)
		}
		checkFields(t, s.line, dst, s.want)
	}
	// An error keeps the capacity.
	c := cap(dst)
	if dst, err = DecodeRow([]byte(`a\`), dst); err == nil || cap(dst) != c {
		t.Errorf("error case: err=%v cap=%d, want error and cap %d", err, cap(dst), c)
	}
}

func TestDecodeRowAliasing(t *testing.T) {
	line := []byte("plain\tesc\\taped")
	got, err := DecodeRow(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	if &got[0].Value[0] != &line[0] {
		t.Errorf("field without escapes does not alias the line")
	}
	// Appending to a returned Value must not overwrite the line.
	_ = append(got[0].Value, 'X')
	if string(line) != "plain\tesc\\taped" {
		t.Errorf("append to Value modified the line: %q", line)
	}
}

func TestDecodeRowAllocs(t *testing.T) {
	line := []byte(pagilaFilmRow)
	dst, err := DecodeRow(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() {
		dst, _ = DecodeRow(line, dst)
	})
	if allocs != 0 {
		t.Errorf("DecodeRow with warm dst: %v allocs per row, want 0", allocs)
	}
}

// pagilaFilmRow is a row of pagila's public.film table as pg_dump writes it
// (columns film_id, title, description, release_year, language_id,
// original_language_id, rental_duration, rental_rate, length,
// replacement_cost, rating, last_update, special_features, fulltext), with
// an escaped tab added to the description so the escape path is exercised.
const pagilaFilmRow = "1\tACADEMY DINOSAUR\tA Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies\\t(1)\t" +
	"2006\t1\t\\N\t6\t0.99\t86\t20.99\tPG\t2022-09-10 16:46:03.905795+00\t" +
	`{"Deleted Scenes","Behind the Scenes"}` + "\t" +
	`'academi':1 'battl':15 'canadian':20 'dinosaur':2 'drama':5 'epic':4 'feminist':8 'mad':11 'must':14 'rocki':21 'scientist':12 'teacher':17`

func BenchmarkDecodeRow(b *testing.B) {
	for _, bc := range []struct{ name, line string }{
		{"film_escaped", pagilaFilmRow},
		{"film_plain", strings.Replace(pagilaFilmRow, `\t(1)`, "", 1)},
		{"payment", "16050\t269\t2\t7\t1.99\t2022-01-28 21:44:14.995795+00"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			line := []byte(bc.line)
			dst, err := DecodeRow(line, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				dst, _ = DecodeRow(line, dst)
			}
		})
	}
}

// encodeCopyField is the test's COPY text encoder: NULL as \N, backslash,
// TAB, LF and CR escaped; when octal is set, every other control byte is
// written as a 3-digit octal escape, to exercise more decoder paths.
func encodeCopyField(b []byte, f Field, octal bool) []byte {
	if f.Null {
		return append(b, `\N`...)
	}
	for _, c := range f.Value {
		switch {
		case c == '\\':
			b = append(b, `\\`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case octal && (c < 0x20 || c >= 0x7f):
			b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
		default:
			b = append(b, c)
		}
	}
	return b
}

func encodeCopyRow(fs []Field, octal bool) []byte {
	var b []byte
	for i, f := range fs {
		if i > 0 {
			b = append(b, '\t')
		}
		b = encodeCopyField(b, f, octal)
	}
	return b
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	in := []Field{{Value: all}, {Null: true}, {Value: []byte{}}, {Value: []byte(`\N`)}, {Value: []byte(`\.`)}, {Value: []byte("N")}}
	for _, octal := range []bool{false, true} {
		line := encodeCopyRow(in, octal)
		got, err := DecodeRow(line, nil)
		if err != nil {
			t.Fatalf("octal=%v: %v", octal, err)
		}
		if len(got) != len(in) {
			t.Fatalf("octal=%v: got %d fields, want %d", octal, len(got), len(in))
		}
		for i := range in {
			if got[i].Null != in[i].Null || !bytes.Equal(got[i].Value, in[i].Value) {
				t.Errorf("octal=%v field %d: got %s, want %s", octal, i, fieldsString(got[i:i+1]), fieldsString(in[i:i+1]))
			}
		}
	}
}
