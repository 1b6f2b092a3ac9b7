package pgtext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// errKind classifies a converter result for table tests.
type errKind int

const (
	ok errKind = iota
	bad
	unrep
)

func (k errKind) String() string {
	return [...]string{"ok", "malformed", "unrepresentable"}[k]
}

func classify(err error) errKind {
	switch {
	case err == nil:
		return ok
	case errors.Is(err, ErrUnrepresentable):
		return unrep
	}
	return bad
}

// checkErrMessage checks the error conventions: lowercase start, no
// "failed to", the value quoted (possibly truncated).
func checkErrMessage(t *testing.T, in string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if msg == "" || strings.ToLower(msg[:1]) != msg[:1] {
		t.Errorf("error for %q does not start lowercase: %q", in, msg)
	}
	if strings.Contains(msg, "failed to") {
		t.Errorf("error for %q says %q", in, msg)
	}
	q := quote(in)
	if !strings.Contains(msg, q) {
		t.Errorf("error for %q does not quote the value as %s: %q", in, q, msg)
	}
}

func TestQuoteTruncates(t *testing.T) {
	long := strings.Repeat("x", 59) + "é" + strings.Repeat("y", 100)
	q := quote(long)
	if want := `"` + strings.Repeat("x", 59) + `"...`; q != want {
		t.Errorf("quote(long) = %s, want %s", q, want)
	}
	if q := quote("a\x00b"); q != `"a\x00b"` {
		t.Errorf("quote control = %s", q)
	}
	_, err := Date(strings.Repeat("9", 200))
	if err == nil || len(err.Error()) > 250 {
		t.Errorf("long value error not truncated: %v", err)
	}
}

func TestBool(t *testing.T) {
	// SELECT ' tr '::bool, 'Y'::bool, 'of'::bool, 'ON'::bool, 'n'::bool,
	// 'fals'::bool on PostgreSQL 15 gives t t f t f f; 'o', '01', '' and
	// 'truex' are rejected.
	tests := []struct {
		in   string
		want bool
		kind errKind
	}{
		{"t", true, ok}, {"f", false, ok},
		{"true", true, ok}, {"false", false, ok}, {"TRUE", true, ok}, {"False", false, ok},
		{"yes", true, ok}, {"no", false, ok}, {"y", true, ok}, {"n", false, ok}, {"Y", true, ok},
		{"on", true, ok}, {"off", false, ok}, {"ON", true, ok}, {"of", false, ok},
		{"1", true, ok}, {"0", false, ok},
		{" tr ", true, ok}, {"fals", false, ok}, {"ye", true, ok}, {"\tt\n", true, ok},
		{"", false, bad}, {"o", false, bad}, {"01", false, bad}, {"truex", false, bad},
		{"2", false, bad}, {"nope", false, bad}, {"yess", false, bad}, {"t f", false, bad},
	}
	for _, tt := range tests {
		got, err := Bool(tt.in)
		if k := classify(err); k != tt.kind || (k == ok && got != tt.want) {
			t.Errorf("Bool(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.kind)
		}
		checkErrMessage(t, tt.in, err)
	}
}

// pgByteaEscapeCopy is the COPY text output of a bytea holding bytes 0 to
// 255 in order, with bytea_output = escape, from PostgreSQL 15:
//
//	SET bytea_output = escape;
//	COPY (SELECT string_agg(set_byte('\x00'::bytea, 0, i), ''::bytea ORDER BY i)
//	      FROM generate_series(0, 255) i) TO STDOUT;
//
// pgByteaHexCopy is the same with the default bytea_output = hex.
const pgByteaEscapeCopy = `\\000\\001\\002\\003\\004\\005\\006\\007\\010\\011\\012\\013\\014\\015` +
	`\\016\\017\\020\\021\\022\\023\\024\\025\\026\\027\\030\\031\\032\\033` +
	`\\034\\035\\036\\037 !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRS` +
	`TUVWXYZ[\\\\]^_` + "`" + `abcdefghijklmnopqrstuvwxyz{|}~\\177\\200\\201\\202\\203` +
	`\\204\\205\\206\\207\\210\\211\\212\\213\\214\\215\\216\\217\\220\\221` +
	`\\222\\223\\224\\225\\226\\227\\230\\231\\232\\233\\234\\235\\236\\237` +
	`\\240\\241\\242\\243\\244\\245\\246\\247\\250\\251\\252\\253\\254\\255` +
	`\\256\\257\\260\\261\\262\\263\\264\\265\\266\\267\\270\\271\\272\\273` +
	`\\274\\275\\276\\277\\300\\301\\302\\303\\304\\305\\306\\307\\310\\311` +
	`\\312\\313\\314\\315\\316\\317\\320\\321\\322\\323\\324\\325\\326\\327` +
	`\\330\\331\\332\\333\\334\\335\\336\\337\\340\\341\\342\\343\\344\\345` +
	`\\346\\347\\350\\351\\352\\353\\354\\355\\356\\357\\360\\361\\362\\363` +
	`\\364\\365\\366\\367\\370\\371\\372\\373\\374\\375\\376\\377`

const pgByteaHexCopy = `\\x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212` +
	`2232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f4041424344454` +
	`64748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696` +
	`a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8` +
	`e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b` +
	`2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d` +
	`6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9f` +
	`afbfcfdfeff`

// byteaEscapeText renders b in bytea's escape output format, by the rules of
// the manual, "Binary Data Types", table "bytea Output Escaped Octets":
// backslash as \\, bytes below 0x20 and from 0x7f as \ooo, others literal.
func byteaEscapeText(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		switch {
		case c == '\\':
			s.WriteString(`\\`)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&s, `\%03o`, c)
		default:
			s.WriteByte(c)
		}
	}
	return s.String()
}

func byteaHexText(b []byte, upper bool) string {
	if upper {
		return fmt.Sprintf(`\x%X`, b)
	}
	return fmt.Sprintf(`\x%x`, b)
}

func TestByteaAllBytes(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	esc := byteaEscapeText(all)
	hex := byteaHexText(all, false)

	// The generated texts equal what PostgreSQL printed (after COPY decoding).
	for _, c := range []struct{ name, copyLine, want string }{
		{"escape", pgByteaEscapeCopy, esc},
		{"hex", pgByteaHexCopy, hex},
	} {
		fs, err := DecodeRow([]byte(c.copyLine), nil)
		if err != nil || len(fs) != 1 {
			t.Fatalf("%s: DecodeRow: %v, %d fields", c.name, err, len(fs))
		}
		if string(fs[0].Value) != c.want {
			t.Errorf("%s: PostgreSQL text\n%q\ndiffers from generated\n%q", c.name, fs[0].Value, c.want)
		}
	}

	for _, in := range []string{esc, hex, byteaHexText(all, true)} {
		got, err := Bytea(in)
		if err != nil || !bytes.Equal(got, all) {
			t.Errorf("Bytea(%.40q...) = %x, %v; want bytes 00..ff", in, got, err)
		}
	}
	// Each byte on its own, both formats.
	for i := 0; i < 256; i++ {
		b := []byte{byte(i)}
		for _, in := range []string{byteaEscapeText(b), byteaHexText(b, false), byteaHexText(b, true)} {
			got, err := Bytea(in)
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("Bytea(%q) = %x, %v; want %x", in, got, err, b)
			}
		}
	}
}

func TestBytea(t *testing.T) {
	// Checked against SELECT '<text>'::bytea on PostgreSQL 15: whitespace
	// between hex pairs is allowed ('\x41 42\n\t43' is \x414243, '\x 41' and
	// '\x41 ' are \x41); '\X41', '\x4', '\x4g', 'a\48', 'a\477' and 'a\' are
	// rejected.
	tests := []struct {
		in   string
		want string
		kind errKind
	}{
		{`\x`, "", ok},
		{"", "", ok},
		{`\x4142`, "AB", ok},
		{`\x4a4B`, "JK", ok},
		{"\\x41 42\n\t43\r", "ABC", ok},
		{`\x 41`, "A", ok},
		{`\x41 `, "A", ok},
		{`abc`, "abc", ok},
		{`a\\b`, `a\b`, ok},
		{`\\`, `\`, ok},
		{`\000\377\101`, "\x00\xffA", ok},
		{`\\x41`, `\x41`, ok}, // escape format: an escaped backslash, then x41
		{"é\x01", "é\x01", ok},
		{`\X41`, "", bad},
		{`\x4`, "", bad},
		{`\x4 1`, "", bad},
		{`\x4g`, "", bad},
		{`\xzz`, "", bad},
		{`a\48`, "", bad},
		{`a\477`, "", bad},
		{`a\400`, "", bad},
		{`a\`, "", bad},
		{`a\1`, "", bad},
		{`a\12`, "", bad},
		{`a\n`, "", bad},
	}
	for _, tt := range tests {
		got, err := Bytea(tt.in)
		if k := classify(err); k != tt.kind || (k == ok && string(got) != tt.want) {
			t.Errorf("Bytea(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.kind)
		}
		if err == nil && got == nil {
			t.Errorf("Bytea(%q) returned nil slice", tt.in)
		}
		checkErrMessage(t, tt.in, err)
	}
}

func TestNumeric(t *testing.T) {
	// COPY (SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric,
	// '1e5'::numeric, '-0.000'::numeric, '.5'::numeric) TO STDOUT on
	// PostgreSQL 15 prints NaN, Infinity, -Infinity, 100000, 0.000, 0.5;
	// ' +1.5e3 ', '5.', '+inf' are accepted; '1_000', 'e5', '1e', '.', '-nan'
	// are rejected.
	tests := []struct {
		in, want string
		kind     errKind
	}{
		{"0", "0", ok}, {"-12.50", "-12.50", ok}, {"100000", "100000", ok}, {"0.000", "0.000", ok},
		{"0.5", "0.5", ok}, {".5", ".5", ok}, {"5.", "5.", ok}, {" +1.5e3 ", "+1.5e3", ok},
		{"1E-7", "1E-7", ok}, {"123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789", ok},
		{"NaN", "", unrep}, {"nan", "", unrep}, {"Infinity", "", unrep}, {"-Infinity", "", unrep},
		{"+inf", "", unrep}, {"INF", "", unrep},
		{"", "", bad}, {".", "", bad}, {"-", "", bad}, {"1_000", "", bad}, {"e5", "", bad},
		{"1e", "", bad}, {"1e+", "", bad}, {"0x10", "", bad}, {"1.2.3", "", bad}, {"1 2", "", bad},
		{"--1", "", bad}, {"abc", "", bad}, {"Infinityx", "", bad},
	}
	for _, tt := range tests {
		got, err := Numeric(tt.in)
		if k := classify(err); k != tt.kind || got != tt.want {
			t.Errorf("Numeric(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.kind)
		}
		checkErrMessage(t, tt.in, err)
	}
}

func TestFloat(t *testing.T) {
	// SET extra_float_digits = 3 (as pg_dump does); COPY (SELECT
	// 'NaN'::float8, 'inf'::float8, '-inf'::float4, '1e20'::float8,
	// '1.5e-7'::float8, '-0'::float8, 0.1::float4, 1e-320::float8,
	// 123456789012345678::float8, 3.4028235e38::float4) TO STDOUT on
	// PostgreSQL 15 prints NaN, Infinity, -Infinity, 1e+20, 1.5e-07, -0, 0.1,
	// 1e-320, 1.2345678901234568e+17, 3.4028235e+38; '1e400' is out of range.
	tests := []struct {
		in, want string
		kind     errKind
	}{
		{"1e+20", "1e+20", ok}, {"1.5e-07", "1.5e-07", ok}, {"-0", "-0", ok}, {"0.1", "0.1", ok},
		{"1e-320", "1e-320", ok}, {"1.2345678901234568e+17", "1.2345678901234568e+17", ok},
		{"3.4028235e+38", "3.4028235e+38", ok}, {"1.7976931348623157e+308", "1.7976931348623157e+308", ok},
		{" 42 ", "42", ok}, {"-1.5", "-1.5", ok},
		{"NaN", "", unrep}, {"Infinity", "", unrep}, {"-Infinity", "", unrep}, {"-nan", "", unrep},
		{"inf", "", unrep}, {"+INFINITY", "", unrep},
		{"1e400", "", bad}, {"-1e400", "", bad}, {"0x10", "", bad}, {"", "", bad}, {"1,5", "", bad},
		{"1e", "", bad}, {"infinit", "", bad},
	}
	for _, tt := range tests {
		got, err := Float(tt.in)
		if k := classify(err); k != tt.kind || got != tt.want {
			t.Errorf("Float(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.kind)
		}
		checkErrMessage(t, tt.in, err)
	}
}
