package dump

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// ev is an event in a compact, comparable form: its kind, start line, text
// and, for Copy, the data lines.
type ev struct {
	Kind Kind
	Line int
	Text string
	Rows []string
}

// readAll runs a Reader over input and returns its events, reading every
// COPY block, and the error that ended the run (nil at io.EOF).
func readAll(t testing.TB, input string, size int) ([]ev, error) {
	t.Helper()
	r := newReaderSize(strings.NewReader(input), "f.sql", size)
	var out []ev
	for i := 0; ; i++ {
		if i > len(input)+10 {
			t.Fatalf("reader does not terminate on %q", input)
		}
		e, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		x := ev{Kind: e.Kind, Line: e.Pos.Line, Text: e.Text}
		if e.Pos.File != "f.sql" {
			t.Errorf("event %d: Pos.File = %q, want f.sql", i, e.Pos.File)
		}
		if e.Kind == Copy {
			x.Rows = []string{}
			for {
				line, _, err := r.CopyRow()
				if err == io.EOF {
					break
				}
				if err != nil {
					return append(out, x), err
				}
				x.Rows = append(x.Rows, string(line))
			}
		}
		out = append(out, x)
	}
}

func stmt(line int, text string) ev { return ev{Kind: Stmt, Line: line, Text: text} }
func meta(line int, text string) ev { return ev{Kind: Meta, Line: line, Text: text} }
func cp(line int, text string, rows ...string) ev {
	if rows == nil {
		rows = []string{}
	}
	return ev{Kind: Copy, Line: line, Text: text, Rows: rows}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []ev
	}{
		{"empty input", "", nil},
		{"blank and comments only", "\n  \n-- x\n/* y */\n", nil},
		{"two lines", "SELECT 1;\nSELECT 2;\n",
			[]ev{stmt(1, "SELECT 1;"), stmt(2, "SELECT 2;")}},
		{"text after semicolon", "SELECT 1; SELECT 2;SELECT 3;\n",
			[]ev{stmt(1, "SELECT 1;"), stmt(1, "SELECT 2;"), stmt(1, "SELECT 3;")}},
		{"multi-line statement", "CREATE TABLE t (\n    a int\n);\n",
			[]ev{stmt(1, "CREATE TABLE t (\n    a int\n);")}},
		{"no final newline", "SELECT 1;",
			[]ev{stmt(1, "SELECT 1;")}},
		{"empty statements skipped", ";;\nSELECT 1;;\n ;",
			[]ev{stmt(2, "SELECT 1;")}},
		{"leading comments dropped", "-- hi\n/* multi\nline; */\n\n  SELECT 1;",
			[]ev{stmt(5, "SELECT 1;")}},
		{"comment after statement on its line", "SELECT 1; -- done; really\nSELECT 2; /* c; */ SELECT 3;\n",
			[]ev{stmt(1, "SELECT 1;"), stmt(2, "SELECT 2;"), stmt(2, "SELECT 3;")}},
		{"line comment inside statement", "SELECT 1 -- ; not the end\n;\n",
			[]ev{stmt(1, "SELECT 1 -- ; not the end\n;")}},
		{"nested block comment", "SELECT /* a /* b; */ c; */ 1;\nSELECT 2;",
			[]ev{stmt(1, "SELECT /* a /* b; */ c; */ 1;"), stmt(2, "SELECT 2;")}},
		{"block comment over lines inside statement", "SELECT /* a;\n b; */ 1;",
			[]ev{stmt(1, "SELECT /* a;\n b; */ 1;")}},
		{"single quotes", "SELECT 'a;b', 'it''s; here', '';\nSELECT 2;",
			[]ev{stmt(1, "SELECT 'a;b', 'it''s; here', '';"), stmt(2, "SELECT 2;")}},
		{"quote over lines", "SELECT 'a;\n;b';\nSELECT 2;",
			[]ev{stmt(1, "SELECT 'a;\n;b';"), stmt(3, "SELECT 2;")}},
		{"backslash literal in standard string", "SELECT 'a\\';\nSELECT 2;",
			[]ev{stmt(1, "SELECT 'a\\';"), stmt(2, "SELECT 2;")}},
		{"E string with escaped quote", "SELECT E'it\\'s;';\nSELECT 2;",
			[]ev{stmt(1, "SELECT E'it\\'s;';"), stmt(2, "SELECT 2;")}},
		{"lowercase e string", "SELECT e'\\'';SELECT 2;",
			[]ev{stmt(1, "SELECT e'\\'';"), stmt(1, "SELECT 2;")}},
		{"E string with escaped backslash", "SELECT E'a\\\\';\nSELECT 2;",
			[]ev{stmt(1, "SELECT E'a\\\\';"), stmt(2, "SELECT 2;")}},
		{"E string with doubled quote", "SELECT E'a''\\';';\nSELECT 2;",
			[]ev{stmt(1, "SELECT E'a''\\';';"), stmt(2, "SELECT 2;")}},
		{"identifier ending in e is not an E string", "SELECT xe'\\';\nSELECT 2;",
			[]ev{stmt(1, "SELECT xe'\\';"), stmt(2, "SELECT 2;")}},
		{"U& string", "SELECT U&'d\\0061t\\+000061;';\nSELECT 2;",
			[]ev{stmt(1, "SELECT U&'d\\0061t\\+000061;';"), stmt(2, "SELECT 2;")}},
		{"standard_conforming_strings off", "SET standard_conforming_strings = off;\nSELECT 'a\\';b';\nSET standard_conforming_strings = on;\nSELECT 'c\\';\n",
			[]ev{stmt(1, "SET standard_conforming_strings = off;"), stmt(2, "SELECT 'a\\';b';"),
				stmt(3, "SET standard_conforming_strings = on;"), stmt(4, "SELECT 'c\\';")}},
		{"double-quoted identifiers", "CREATE TABLE \"a;b\"\"c--d'\" (\"x/*\" int);\nSELECT 2;",
			[]ev{stmt(1, "CREATE TABLE \"a;b\"\"c--d'\" (\"x/*\" int);"), stmt(2, "SELECT 2;")}},
		{"non-ASCII identifier", "CREATE DOMAIN public.\"bıgınt\" AS bigint;\nCREATE TABLE ünï (ç int);",
			[]ev{stmt(1, "CREATE DOMAIN public.\"bıgınt\" AS bigint;"), stmt(2, "CREATE TABLE ünï (ç int);")}},
		{"dollar quote", "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- ';\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 2;",
			[]ev{stmt(1, "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- ';\nEND;\n$$ LANGUAGE plpgsql;"), stmt(6, "SELECT 2;")}},
		{"tagged dollar quote containing $$", "SELECT $body$ a; $$ b; $bod$; $body$;\nSELECT $_x1$;$_x1$;",
			[]ev{stmt(1, "SELECT $body$ a; $$ b; $bod$; $body$;"), stmt(2, "SELECT $_x1$;$_x1$;")}},
		{"parameters are not dollar quotes", "PREPARE p AS SELECT $1, $2;\nSELECT 2;",
			[]ev{stmt(1, "PREPARE p AS SELECT $1, $2;"), stmt(2, "SELECT 2;")}},
		{"dollar inside identifier", "SELECT a$$b, c$d$;\nSELECT 2;",
			[]ev{stmt(1, "SELECT a$$b, c$d$;"), stmt(2, "SELECT 2;")}},
		{"dollar quote after number", "SELECT 1$$;$$;\nSELECT 2;",
			[]ev{stmt(1, "SELECT 1$$;$$;"), stmt(2, "SELECT 2;")}},
		{"semicolon in parentheses", "SELECT (1;\n2);\nSELECT 2;",
			[]ev{stmt(1, "SELECT (1;\n2);"), stmt(3, "SELECT 2;")}},
		{"BEGIN ATOMIC body", "CREATE FUNCTION public.f(a integer) RETURNS integer\n    LANGUAGE sql\n    BEGIN ATOMIC\n SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n SELECT 3;\nEND;\nSELECT 4;",
			[]ev{stmt(1, "CREATE FUNCTION public.f(a integer) RETURNS integer\n    LANGUAGE sql\n    BEGIN ATOMIC\n SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n SELECT 3;\nEND;"), stmt(7, "SELECT 4;")}},
		{"CREATE OR REPLACE PROCEDURE body", "create or replace procedure p() begin atomic insert into t values (1); end;\nSELECT 4;",
			[]ev{stmt(1, "create or replace procedure p() begin atomic insert into t values (1); end;"), stmt(2, "SELECT 4;")}},
		{"transaction BEGIN and END", "BEGIN;\nSELECT 1;\nEND;\nCREATE TRIGGER t BEGIN;\n",
			[]ev{stmt(1, "BEGIN;"), stmt(2, "SELECT 1;"), stmt(3, "END;"), stmt(4, "CREATE TRIGGER t BEGIN;")}},
		{"meta commands", "\\restrict abc\n\\connect -reuse-previous=on \"dbname='x'\"\nSELECT 1;\n  \\unrestrict abc  \n",
			[]ev{meta(1, "\\restrict abc"), meta(2, "\\connect -reuse-previous=on \"dbname='x'\""), stmt(3, "SELECT 1;"), meta(4, "\\unrestrict abc  ")}},
		{"meta after semicolon", "SELECT 1; \\set x 1\n",
			[]ev{stmt(1, "SELECT 1;"), meta(1, "\\set x 1")}},
		{"backslash inside a statement is text", "SELECT\n\\x\n;\n",
			[]ev{stmt(1, "SELECT\n\\x\n;")}},
		{"CRLF", "SELECT 1;\r\nSELECT\r\n 2;\r\n\\connect x\r\n-- c\r\n",
			[]ev{stmt(1, "SELECT 1;"), stmt(2, "SELECT\r\n 2;"), meta(4, "\\connect x")}},
		{"byte-order mark", "\xef\xbb\xbfSELECT 1;\n",
			[]ev{stmt(1, "SELECT 1;")}},
		{"copy", "COPY public.t (a, \"b c\") FROM stdin;\n1\tx;y\n2\tit's -- not a comment\n3\t\\.x\n4\t\\N\t\t\n\\.\nSELECT 2;\n",
			[]ev{cp(1, "COPY public.t (a, \"b c\") FROM stdin;", "1\tx;y", "2\tit's -- not a comment", "3\t\\.x", "4\t\\N\t\t"), stmt(7, "SELECT 2;")}},
		{"copy data that looks like SQL", "COPY t FROM stdin;\n$$\n'\n/*\nSELECT 1;\n\\connect x\n \\.\n\\.\n",
			[]ev{cp(1, "COPY t FROM stdin;", "$$", "'", "/*", "SELECT 1;", "\\connect x", " \\.")}},
		{"empty copy block", "COPY t (a) FROM stdin;\n\\.\nCOPY u FROM stdin;\n\\.",
			[]ev{cp(1, "COPY t (a) FROM stdin;"), cp(3, "COPY u FROM stdin;")}},
		{"copy with CRLF", "COPY t FROM stdin;\r\na\tb\r\n\r\n\\.\r\nSELECT 1;\r\n",
			[]ev{cp(1, "COPY t FROM stdin;", "a\tb", ""), stmt(5, "SELECT 1;")}},
		{"copy lowercase and comment after", "copy \"T\".\"x;y\" from STDIN; -- rows\nr\n\\.\n",
			[]ev{cp(1, "copy \"T\".\"x;y\" from STDIN;", "r")}},
		{"copy after statement on the same line", "SET x = 1; COPY t FROM stdin;\nr\n\\.\n",
			[]ev{stmt(1, "SET x = 1;"), cp(1, "COPY t FROM stdin;", "r")}},
		{"copy to stdout is a statement", "COPY t TO stdout;\nCOPY (SELECT 1 FROM stdin) TO stdout;\nCOPY t FROM '/tmp/x';\nCOPYRIGHT FROM stdin;\n",
			[]ev{stmt(1, "COPY t TO stdout;"), stmt(2, "COPY (SELECT 1 FROM stdin) TO stdout;"), stmt(3, "COPY t FROM '/tmp/x';"), stmt(4, "COPYRIGHT FROM stdin;")}},
		{"copy with options", "COPY t (a) FROM stdin WITH (FORMAT csv);\n\"a;\"\n\\.\n",
			[]ev{cp(1, "COPY t (a) FROM stdin WITH (FORMAT csv);", "\"a;\"")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, size := range []int{bufSize, 16} {
				got, err := readAll(t, tt.input, size)
				if err != nil {
					t.Fatalf("size %d: unexpected error: %v", size, err)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("size %d:\n got %#v\nwant %#v", size, got, tt.want)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // the error text
	}{
		{"unterminated quote", "SELECT 1;\nSELECT 'abc;\n\ndef", "f.sql:2: unterminated quoted string started here"},
		{"unterminated E string", "SELECT\nE'abc\\';\n", "f.sql:2: unterminated quoted string started here"},
		{"unterminated identifier", "SELECT \"abc;\n", "f.sql:1: unterminated quoted identifier started here"},
		{"unterminated dollar quote", "SELECT 1;\n\nCREATE FUNCTION f() AS $x$ abc; $$;\n$y$;\n", "f.sql:3: unterminated dollar-quoted string started here"},
		{"unterminated leading comment", "SELECT 1;\n/* a /* b */\n", "f.sql:2: unterminated /* comment started here"},
		{"unterminated comment in statement", "SELECT 1 /* ; */ /* a;\n", "f.sql:1: unterminated /* comment started here"},
		{"no semicolon", "SELECT 1;\n\n  SELECT 2\n-- end\n", "f.sql:3: statement started here has no terminating semicolon"},
		{"open parenthesis", "SELECT (1;\nSELECT 2;\n", "f.sql:1: statement started here has no terminating semicolon"},
		{"missing copy terminator", "SELECT 1;\nCOPY t (a) FROM stdin;\n1\n2\n", "f.sql:2: end of input in the COPY data started at line 2: no \\. line ends it"},
		{"missing copy terminator, no final newline", "COPY t FROM stdin;\n\\.x", "f.sql:1: end of input in the COPY data started at line 1: no \\. line ends it"},
		{"text after copy header", "COPY t FROM stdin; SELECT 1;\n\\.\n", "f.sql:1: text after COPY ... FROM stdin; on the same line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.input, bufSize)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			var de *Error
			if !errors.As(err, &de) {
				t.Errorf("error %T is not a *Error", err)
			}
		})
	}
}

func TestErrorIsSticky(t *testing.T) {
	r := NewReader(strings.NewReader("SELECT 'x;\n"), "f.sql")
	_, err1 := r.Next()
	_, err2 := r.Next()
	if err1 == nil || err1 != err2 {
		t.Fatalf("errors %v then %v, want the same error twice", err1, err2)
	}
	if _, _, err := r.CopyRow(); err != err1 {
		t.Errorf("CopyRow after error: %v, want %v", err, err1)
	}
}

func TestMissingCopyTerminatorSkipped(t *testing.T) {
	// Next skips the unread rows and then meets the end of input.
	r := NewReader(strings.NewReader("COPY t FROM stdin;\n1\n2\n"), "f.sql")
	if e, err := r.Next(); err != nil || e.Kind != Copy {
		t.Fatalf("Next = %v, %v; want a Copy event", e, err)
	}
	_, err := r.Next()
	if err == nil || !strings.HasPrefix(err.Error(), "f.sql:1: end of input in the COPY data") {
		t.Fatalf("Next after unfinished COPY: %v", err)
	}
}

func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	r := NewReader(io.MultiReader(strings.NewReader("SELECT 1;\nSELECT"), iotest.ErrReader(boom)), "f.sql")
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	if !errors.Is(err, boom) {
		t.Fatalf("error %v does not wrap the read error", err)
	}
	if want := "f.sql:2: read: boom"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestCopyRowPositionsAndSkip(t *testing.T) {
	input := "COPY a FROM stdin;\nx\ny\n\\.\nCOPY b FROM stdin;\nz\n\\.\nSELECT 1;\n"
	r := NewReader(strings.NewReader(input), "f.sql")
	if _, _, err := r.CopyRow(); err != io.EOF {
		t.Errorf("CopyRow before any Copy event: %v, want io.EOF", err)
	}
	e, err := r.Next()
	if err != nil || e.Kind != Copy || e.Pos.Line != 1 {
		t.Fatalf("Next = %+v, %v", e, err)
	}
	line, pos, err := r.CopyRow()
	if err != nil || string(line) != "x" || pos != (Pos{File: "f.sql", Line: 2}) {
		t.Fatalf("CopyRow = %q, %v, %v", line, pos, err)
	}
	// Leave "y" unread: Next skips it.
	e, err = r.Next()
	if err != nil || e.Kind != Copy || e.Text != "COPY b FROM stdin;" || e.Pos.Line != 5 {
		t.Fatalf("Next = %+v, %v", e, err)
	}
	line, pos, err = r.CopyRow()
	if err != nil || string(line) != "z" || pos.Line != 6 {
		t.Fatalf("CopyRow = %q, %v, %v", line, pos, err)
	}
	if _, pos, err = r.CopyRow(); err != io.EOF || pos.Line != 7 {
		t.Fatalf("CopyRow at \\. = %v, %v; want io.EOF at line 7", pos, err)
	}
	if _, _, err = r.CopyRow(); err != io.EOF {
		t.Fatalf("CopyRow after \\. = %v, want io.EOF", err)
	}
	e, err = r.Next()
	if err != nil || e.Kind != Stmt || e.Pos.Line != 8 {
		t.Fatalf("Next = %+v, %v", e, err)
	}
	if _, err = r.Next(); err != io.EOF {
		t.Fatalf("Next at end = %v", err)
	}
	if _, err = r.Next(); err != io.EOF {
		t.Fatalf("Next after end = %v", err)
	}
}

func TestLongLines(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 3<<20/16) // 3 MiB
	input := "COPY t (b) FROM stdin;\n\\\\x" + big + "\n" + big + "\r\n\\.\nINSERT INTO t VALUES ('" + big + ";');\nSELECT 1;\n"
	got, err := readAll(t, input, bufSize)
	if err != nil {
		t.Fatal(err)
	}
	want := []ev{
		cp(1, "COPY t (b) FROM stdin;", "\\\\x"+big, big),
		stmt(5, "INSERT INTO t VALUES ('"+big+";');"),
		stmt(6, "SELECT 1;"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("long lines were not returned intact")
	}
}

func TestTOC(t *testing.T) {
	tests := []struct {
		line string
		want *TOC
	}{
		{" Name: film; Type: TABLE; Schema: public; Owner: postgres", &TOC{Name: "film", Type: "TABLE", Schema: "public", Owner: "postgres"}},
		{" Data for Name: film; Type: TABLE DATA; Schema: public; Owner: -", &TOC{Name: "film", Type: "TABLE DATA", Schema: "public", Owner: ""}},
		{" Name: film film_pkey; Type: CONSTRAINT; Schema: public; Owner: -", &TOC{Name: "film film_pkey", Type: "CONSTRAINT", Schema: "public", Owner: ""}},
		{" Name: last_day(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -", &TOC{Name: "last_day(timestamp with time zone)", Type: "FUNCTION", Schema: "public", Owner: ""}},
		{" Name: public; Type: SCHEMA; Schema: -; Owner: -", &TOC{Name: "public", Type: "SCHEMA", Schema: "", Owner: ""}},
		{" Name: a; b; Type: x; Type: FK CONSTRAINT; Schema: s; Owner: o", &TOC{Name: "a; b; Type: x", Type: "FK CONSTRAINT", Schema: "s", Owner: "o"}},
		{" Name: t; Type: TABLE; Schema: public; Owner: me; Tablespace: fast", &TOC{Name: "t", Type: "TABLE", Schema: "public", Owner: "me"}},
		{" Name: actor_actor_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -\r", &TOC{Name: "actor_actor_id_seq", Type: "SEQUENCE SET", Schema: "public", Owner: ""}},
		{" Name: x", nil},
		{" Name: x; Schema: public; Owner: -", nil},
		{" PostgreSQL database dump", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, ok := parseTOC([]byte(tt.line))
		if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseTOC(%q) = %+v, %v; want %+v", tt.line, got, ok, tt.want)
		}
	}
}

func TestTOCOnEvents(t *testing.T) {
	input := `--
-- Name: public; Type: SCHEMA; Schema: -; Owner: -
--

-- *not* creating schema, since initdb creates it


--
-- Name: film; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.film (id integer);
SELECT 1;

--
-- Data for Name: film; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.film (id) FROM stdin;
1
\.
`
	r := NewReader(strings.NewReader(input), "f.sql")
	want := []*TOC{
		{Name: "film", Type: "TABLE", Schema: "public"},
		nil,
		{Name: "film", Type: "TABLE DATA", Schema: "public"},
	}
	for i, w := range want {
		e, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e.TOC, w) {
			t.Errorf("event %d (%q): TOC %+v, want %+v", i, e.Text, e.TOC, w)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("Next at end = %v", err)
	}
}

func TestHeader(t *testing.T) {
	input := `--
-- PostgreSQL database dump
--

\restrict KEY

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 17.6  

SET statement_timeout = 0;
-- Dumped from database version 9.6
`
	r := NewReader(strings.NewReader(input), "f.sql")
	if h := r.Header(); h != (Header{}) {
		t.Errorf("Header before reading = %+v", h)
	}
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	want := Header{ServerVersion: "15.18 (Debian 15.18-0+deb12u1)", PgDumpVersion: "17.6"}
	if h := r.Header(); h != want {
		t.Errorf("Header = %+v, want %+v", h, want)
	}
}

func TestOffset(t *testing.T) {
	input := "\xef\xbb\xbf-- c\nSELECT 1; SELECT 2;\r\nCOPY t FROM stdin;\na\nb\n\\.\n\\connect x\nSELECT\n3;"
	for _, size := range []int{bufSize, 16} {
		r := newReaderSize(iotest.OneByteReader(strings.NewReader(input)), "f.sql", size)
		var last int64
		check := func(what string) {
			t.Helper()
			off := r.Offset()
			if off < last || off > int64(len(input)) {
				t.Fatalf("size %d, %s: Offset %d after %d (input %d bytes)", size, what, off, last, len(input))
			}
			last = off
		}
		for {
			e, err := r.Next()
			check("Next")
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if e.Kind == Copy {
				for {
					_, _, err := r.CopyRow()
					check("CopyRow")
					if err != nil {
						break
					}
				}
			}
		}
		if r.Offset() != int64(len(input)) {
			t.Errorf("size %d: Offset at EOF = %d, want %d", size, r.Offset(), len(input))
		}
	}
}

func TestPosString(t *testing.T) {
	if s := (Pos{File: "pagila.sql", Line: 1234}).String(); s != "pagila.sql:1234" {
		t.Errorf("Pos.String = %q", s)
	}
	if s := (Pos{Line: 7}).String(); s != "7" {
		t.Errorf("Pos.String without file = %q", s)
	}
	e := &Error{Pos: Pos{File: "pagila.sql", Line: 1234}, Msg: "unterminated dollar-quoted string started here"}
	if e.Error() != "pagila.sql:1234: unterminated dollar-quoted string started here" {
		t.Errorf("Error() = %q", e.Error())
	}
	for k, s := range map[Kind]string{Stmt: "Stmt", Copy: "Copy", Meta: "Meta", 9: "Kind(9)"} {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), s)
		}
	}
}

// TestStatementsAreInput checks on a mixed input that every Stmt text is a
// piece of the input, and that events come in line order.
func TestStatementsAreInput(t *testing.T) {
	input := "SET a = 1; /* x */ SELECT 'y;' -- z\n;\nCREATE FUNCTION f() AS $q$;$q$;\n"
	got, err := readAll(t, input, 16)
	if err != nil {
		t.Fatal(err)
	}
	line := 0
	for _, e := range got {
		if !strings.Contains(input, e.Text) {
			t.Errorf("text %q is not part of the input", e.Text)
		}
		if e.Line < line {
			t.Errorf("line %d after line %d", e.Line, line)
		}
		line = e.Line
	}
	if len(got) != 3 {
		t.Errorf("got %d events, want 3: %#v", len(got), got)
	}
}

func TestStdStringsSetting(t *testing.T) {
	tests := []struct {
		text   string
		on, ok bool
	}{
		{"SET standard_conforming_strings = on;", true, true},
		{"SET standard_conforming_strings = off;", false, true},
		{"set session standard_conforming_strings to 'off';", false, true},
		{"SET LOCAL standard_conforming_strings TO false;", false, true},
		{"SET standard_conforming_strings = maybe;", false, false},
		{"SET statement_timeout = 0;", false, false},
		{"SELECT standard_conforming_strings = off;", false, false},
	}
	for _, tt := range tests {
		on, ok := stdStringsSetting([]byte(tt.text))
		if on != tt.on || ok != tt.ok {
			t.Errorf("stdStringsSetting(%q) = %v, %v; want %v, %v", tt.text, on, ok, tt.on, tt.ok)
		}
	}
}

func TestIsCopyFromStdin(t *testing.T) {
	yes := []string{
		"COPY public.actor (actor_id, first_name) FROM stdin;",
		"copy t from STDIN;",
		"COPY \"odd \"\" name\".\"x\" (\"a)\", b) FROM stdin;",
		"COPY t FROM stdin WITH (FORMAT csv);",
		"COPY\tt\nFROM\n stdin;",
	}
	no := []string{
		"COPY t TO stdout;",
		"COPY t FROM '/x';",
		"COPY t FROM stdinx;",
		"COPY (SELECT 1) TO stdout;",
		"COPYt FROM stdin;",
		"COPY FROM stdin;",
		"COPY t (a FROM stdin;",
		"SELECT 1 FROM stdin;",
		"COPY t FROMstdin;",
	}
	for _, s := range yes {
		if !isCopyFromStdin([]byte(s)) {
			t.Errorf("isCopyFromStdin(%q) = false", s)
		}
	}
	for _, s := range no {
		if isCopyFromStdin([]byte(s)) {
			t.Errorf("isCopyFromStdin(%q) = true", s)
		}
	}
}

// TestRowsAreCopiedWhenKept reads rows the way callers must: copying a row
// before the next call, which may overwrite it.
func TestRowsAreCopiedWhenKept(t *testing.T) {
	r := NewReader(bytes.NewReader([]byte("COPY t FROM stdin;\nabc\ndef\n\\.\n")), "f.sql")
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	a, _, _ := r.CopyRow()
	kept := string(a)
	b, _, _ := r.CopyRow()
	if kept != "abc" || string(b) != "def" {
		t.Errorf("rows %q, %q", kept, b)
	}
}

func TestDollarTag(t *testing.T) {
	tests := map[string]int{
		"$$":      2,
		"$$x":     2,
		"$a$":     3,
		"$_b1$ x": 5,
		"$ı$":     4, // non-ASCII letters are tag characters
		"$1":      0,
		"$1a$":    0,
		"$a b$":   0,
		"$a":      0,
		"$":       0,
		"x$$":     0,
		"$a$b$":   3,
	}
	for s, want := range tests {
		if got := dollarTag([]byte(s)); got != want {
			t.Errorf("dollarTag(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestEventCol checks Event.Col (the column where a statement starts on
// its line) and Event.At (the line and column of a character offset into
// the statement text).
func TestEventCol(t *testing.T) {
	input := "SELECT 1;\n  SET x = 1;  \\connect y\nSELECT 'é'; SELECT\n  ab,\n\tcd;\n"
	r := newReaderSize(strings.NewReader(input), "f.sql", bufSize)
	type at struct {
		line, col int
	}
	var got []at
	var last Event
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, at{e.Pos.Line, e.Col})
		last = e
	}
	want := []at{{1, 1}, {2, 3}, {2, 15}, {3, 1}, {3, 13}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("event (line, col) = %v, want %v", got, want)
	}
	// last is "SELECT\n  ab,\n\tcd;" starting at 3:13
	for _, tc := range []struct {
		off  int
		want Pos
	}{
		{0, Pos{File: "f.sql", Line: 3, Col: 13}},
		{5, Pos{File: "f.sql", Line: 3, Col: 18}},
		{6, Pos{File: "f.sql", Line: 3, Col: 19}}, // the line end itself
		{7, Pos{File: "f.sql", Line: 4, Col: 1}},
		{9, Pos{File: "f.sql", Line: 4, Col: 3}},
		{14, Pos{File: "f.sql", Line: 5, Col: 2}},
		{99, Pos{File: "f.sql", Line: 5, Col: 5}},
	} {
		if p := last.At(tc.off); p != tc.want {
			t.Errorf("At(%d) = %+v, want %+v", tc.off, p, tc.want)
		}
	}
	// characters, not bytes: "SELECT 'é'; " is 12 characters, 13 bytes
	e := Event{Pos: Pos{Line: 1}, Col: 1, Text: "SELECT 'é', x"}
	if p := e.At(11); p != (Pos{Line: 1, Col: 12}) {
		t.Errorf("At after a 2-byte character = %+v", p)
	}
}
