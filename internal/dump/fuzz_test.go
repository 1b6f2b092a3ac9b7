package dump

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// run reads input to the end with the given buffer size, reading the rows
// of every other COPY block and leaving the rest to Next, and checks the
// invariants that hold for any input. It returns the events seen and the
// final error (nil at io.EOF).
func run(t *testing.T, input []byte, size int) ([]ev, error) {
	r := newReaderSize(bytes.NewReader(input), "f", size)
	var out []ev
	line := 0
	checkOffset := func() {
		if off := r.Offset(); off < 0 || off > int64(len(input)) {
			t.Fatalf("Offset %d outside the input (%d bytes)", off, len(input))
		}
	}
	for i := 0; ; i++ {
		if i > len(input)+1 {
			t.Fatalf("more events than input bytes")
		}
		e, err := r.Next()
		checkOffset()
		if err == io.EOF {
			if r.Offset() != int64(len(input)) {
				t.Fatalf("Offset %d at EOF, input %d bytes", r.Offset(), len(input))
			}
			return out, nil
		}
		if err != nil {
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v is not a *Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Fatalf("error %q does not start with the position", err)
			}
			return out, err
		}
		if e.Pos.Line < line || e.Pos.Line < 1 {
			t.Fatalf("event at line %d after line %d", e.Pos.Line, line)
		}
		line = e.Pos.Line
		if !bytes.Contains(input, []byte(e.Text)) {
			t.Fatalf("%v text %q is not part of the input", e.Kind, e.Text)
		}
		switch e.Kind {
		case Stmt, Copy:
			if !strings.HasSuffix(e.Text, ";") || len(e.Text) < 2 {
				t.Fatalf("%v text %q does not end in ';'", e.Kind, e.Text)
			}
		case Meta:
			if !strings.HasPrefix(e.Text, `\`) || strings.ContainsAny(e.Text, "\n") {
				t.Fatalf("meta text %q", e.Text)
			}
		default:
			t.Fatalf("kind %v", e.Kind)
		}
		x := ev{Kind: e.Kind, Line: e.Pos.Line, Text: e.Text}
		if e.Kind == Copy && i%2 == 0 {
			for {
				row, pos, err := r.CopyRow()
				checkOffset()
				if err == io.EOF {
					break
				}
				if err != nil {
					return append(out, x), err
				}
				if pos.Line <= line {
					t.Fatalf("row at line %d after line %d", pos.Line, line)
				}
				line = pos.Line
				if !bytes.Contains(input, row) {
					t.Fatalf("row %q is not part of the input", row)
				}
				x.Rows = append(x.Rows, string(row))
			}
		}
		out = append(out, x)
	}
}

// FuzzReader checks that the Reader never panics nor loops, that event
// lines never decrease, that every event text is a piece of the input, that
// Offset stays within the input and reaches its end at io.EOF, and that the
// buffer size does not change the result.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"SELECT 1; SELECT 'a;b' -- c\n;\n",
		"COPY t (a) FROM stdin;\n1\n\\.\n\\connect x\n",
		"CREATE FUNCTION f() AS $x$ ; $$ $x$; SELECT E'\\'';",
		"/* a /* b */ */ SELECT \"x;\"\"y\";\r\nSELECT (1;2);",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		big, err1 := run(t, input, bufSize)
		small, err2 := run(t, input, 16)
		if !reflect.DeepEqual(big, small) || errText(err1) != errText(err2) {
			t.Fatalf("buffer size changes the result:\n%#v %v\n%#v %v", big, err1, small, err2)
		}
	})
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// syntheticDump returns a pg_dump-like text with one COPY block of n rows.
func syntheticDump(n int) []byte {
	var b bytes.Buffer
	b.WriteString("--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n")
	b.WriteString("--\n-- Data for Name: rental; Type: TABLE DATA; Schema: public; Owner: -\n--\n\n")
	b.WriteString("COPY public.rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id, note) FROM stdin;\n")
	for i := 0; i < n; i++ {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("\t2022-05-24 22:53:30+00\t")
		b.WriteString(strconv.Itoa(i%4581 + 1))
		b.WriteString("\t130\t2022-05-26 22:04:30+00\t1\tsome text; with 'quotes', a tab\\tand \\\\N\n")
	}
	b.WriteString("\\.\n\n\nSELECT pg_catalog.setval('public.rental_rental_id_seq', 16049, true);\n")
	return b.Bytes()
}

// BenchmarkReaderCopy measures reading COPY data lines (100k rows).
func BenchmarkReaderCopy(b *testing.B) {
	data := syntheticDump(100000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data), "bench.sql")
		rows := 0
		for {
			e, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if e.Kind != Copy {
				continue
			}
			for {
				_, _, err := r.CopyRow()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				rows++
			}
		}
		if rows != 100000 {
			b.Fatalf("%d rows", rows)
		}
	}
}

// BenchmarkReaderStmt measures splitting SQL statements: multi-row INSERTs
// with quoted strings, as in an --inserts dump.
func BenchmarkReaderStmt(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; i < 2000; i++ {
		buf.WriteString("INSERT INTO public.album (album_id, title, artist_id) OVERRIDING SYSTEM VALUE VALUES\n")
		for j := 0; j < 50; j++ {
			if j > 0 {
				buf.WriteString(",\n")
			}
			buf.WriteString("\t(" + strconv.Itoa(i*50+j) + ", 'For Those About To Rock (We Salute You); it''s', 1)")
		}
		buf.WriteString(";\n\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data), "bench.sql")
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("%d statements", n)
		}
	}
}
