package dump

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestNewCopyReader resumes every COPY block of a dump from the Offset and
// Line recorded after its Copy event and gets the same rows and positions
// as the sequential reader.
func TestNewCopyReader(t *testing.T) {
	in := "SET x = 1;\nCOPY a (i) FROM stdin;\n1\n2\n\\.\n\n-- c\nCOPY b (j, k) FROM stdin;\r\nx\ty\r\n\\.\r\nSELECT 1;\n"
	rd := NewReader(strings.NewReader(in), "d.sql")
	type row struct {
		line string
		pos  Pos
	}
	var seq [][]row
	type start struct {
		off    int64
		line   int
		header Pos
	}
	var starts []start
	for {
		ev, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if ev.Kind != Copy {
			continue
		}
		starts = append(starts, start{rd.Offset(), rd.Line(), ev.Pos})
		var rows []row
		for {
			l, p, err := rd.CopyRow()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, row{string(l), p})
		}
		seq = append(seq, rows)
	}
	if len(starts) != 2 {
		t.Fatalf("%d COPY blocks, want 2", len(starts))
	}
	for i, s := range starts {
		cr := NewCopyReader(bytes.NewReader([]byte(in)[s.off:]), "d.sql", s.line, s.header)
		var got []row
		for {
			l, p, err := cr.CopyRow()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, row{string(l), p})
		}
		if len(got) != len(seq[i]) {
			t.Fatalf("block %d: %v, want %v", i, got, seq[i])
		}
		for k := range got {
			if got[k] != seq[i][k] {
				t.Errorf("block %d row %d: %v, want %v", i, k, got[k], seq[i][k])
			}
		}
	}
}

// TestStopAfter reads a COPY block in parts, each resumed from the Offset
// and Line recorded before its first row: the parts together give every
// row once, at the sequential reader's positions.
func TestStopAfter(t *testing.T) {
	in := "COPY a (i) FROM stdin;\n1\n2\n3\n4\n5\n\\.\nSELECT 1;\n"
	rd := NewReader(strings.NewReader(in), "d.sql")
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	type part struct {
		off  int64
		line int
	}
	var parts []part
	var want []string
	for k := 0; ; k++ {
		if k%2 == 0 {
			parts = append(parts, part{rd.Offset(), rd.Line()})
		}
		l, p, err := rd.CopyRow()
		if err == io.EOF {
			break
		}
		want = append(want, p.String()+" "+string(l))
	}
	var got []string
	for i, pt := range parts {
		cr := NewCopyReader(strings.NewReader(in[pt.off:]), "d.sql", pt.line, Pos{File: "d.sql", Line: 1})
		if i < len(parts)-1 {
			cr.StopAfter(2)
		}
		for {
			l, p, err := cr.CopyRow()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, p.String()+" "+string(l))
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("parts read %q, want %q", got, want)
	}
}
