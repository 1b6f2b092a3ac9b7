package dump

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// corpus lists the real dumps under the repository's testdata folder (copied
// from the team corpus; see its MANIFEST.md) with facts known about them.
var corpus = []struct {
	path string
	rows int    // exact table rows in COPY blocks (MANIFEST), or -1
	meta bool   // has the \restrict / \unrestrict pair
	ver  string // Header().ServerVersion
}{
	{"pagila/pagila.sql", 49636, true, "15.18 (Debian 15.18-0+deb12u1)"},
	{"chinook/chinook.sql", 15607, true, "15.18 (Debian 15.18-0+deb12u1)"},
	{"chinook/chinook-column-inserts.sql", 0, true, "15.18 (Debian 15.18-0+deb12u1)"},
	{"northwind/northwind.sql", 3362, true, "15.18 (Debian 15.18-0+deb12u1)"},
	{"fnb/fnb.sql", 92, false, "15.0 (Debian 15.0-1.pgdg110+1)"},
	{"lago/structure.sql", 0, false, ""},
	{"sanbase2/structure.sql", 0, true, "17.10 (Homebrew)"},
	{"danbooru/structure.sql", 0, false, ""},
	{"openstreetmap/structure.sql", 0, false, ""},
	{"roboflow/schema.sql", 0, false, "15.1"},
}

// copyHeaderRE is the line pattern `grep -c '^COPY .* FROM stdin;$'` uses.
var copyHeaderRE = regexp.MustCompile(`^COPY .* FROM stdin;$`)

// scanCopies counts COPY blocks and their data lines with a plain line scan,
// independent of the Reader: a header line matching copyHeaderRE starts a
// block, and the block's rows are the lines up to a line `\.`. It also
// counts the lines starting with a backslash outside COPY blocks.
func scanCopies(data []byte) (copies, rows, metas int) {
	inCopy := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		switch {
		case inCopy && line == `\.`:
			inCopy = false
		case inCopy:
			rows++
		case copyHeaderRE.MatchString(line):
			copies++
			inCopy = true
		case strings.HasPrefix(line, `\`):
			metas++
		}
	}
	return copies, rows, metas
}

func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	for _, c := range corpus {
		t.Run(c.path, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(root, c.path))
			if err != nil {
				t.Fatalf("corpus file missing (copy the team corpus into testdata/): %v", err)
			}
			wantCopies, wantRows, wantMetas := scanCopies(data)
			if c.rows >= 0 && wantRows != c.rows {
				t.Errorf("independent scan finds %d rows, MANIFEST says %d", wantRows, c.rows)
			}

			r := NewReader(bytes.NewReader(data), filepath.Base(c.path))
			var copies, rows, stmts int
			var metas []string
			line := 0
			for {
				e, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				if e.Pos.Line < line {
					t.Errorf("event at line %d after line %d", e.Pos.Line, line)
				}
				line = e.Pos.Line
				switch e.Kind {
				case Stmt:
					stmts++
					checkStmt(t, e)
				case Meta:
					metas = append(metas, e.Text)
				case Copy:
					copies++
					if e.TOC != nil && e.TOC.Type != "TABLE DATA" {
						t.Errorf("%v: COPY with TOC type %q", e.Pos, e.TOC.Type)
					}
					for {
						_, pos, err := r.CopyRow()
						if err == io.EOF {
							break
						}
						if err != nil {
							t.Fatalf("CopyRow: %v", err)
						}
						if pos.Line <= line {
							t.Errorf("row at line %d after line %d", pos.Line, line)
						}
						line = pos.Line
						rows++
					}
				}
			}
			if copies != wantCopies {
				t.Errorf("%d Copy events, want %d", copies, wantCopies)
			}
			if rows != wantRows {
				t.Errorf("%d COPY rows, want %d", rows, wantRows)
			}
			if len(metas) != wantMetas {
				t.Errorf("%d Meta events, want %d", len(metas), wantMetas)
			}
			if c.meta {
				if len(metas) != 2 || !strings.HasPrefix(metas[0], `\restrict `) || !strings.HasPrefix(metas[1], `\unrestrict `) ||
					metas[0][len(`\restrict `):] != metas[1][len(`\unrestrict `):] {
					t.Errorf("meta-commands %q, want a matching \\restrict / \\unrestrict pair", metas)
				}
			}
			if stmts == 0 {
				t.Errorf("no statements")
			}
			if r.Offset() != int64(len(data)) {
				t.Errorf("Offset at EOF %d, want %d", r.Offset(), len(data))
			}
			if got := r.Header().ServerVersion; got != c.ver {
				t.Errorf("Header().ServerVersion = %q, want %q", got, c.ver)
			}

			// A tiny buffer takes the long-line path for most lines; the
			// events must not change.
			if !testing.Short() {
				big, err1 := readAll(t, string(data), bufSize)
				small, err2 := readAll(t, string(data), 64)
				if err1 != nil || err2 != nil || !reflect.DeepEqual(big, small) {
					t.Errorf("events differ with a 64-byte buffer (errors %v, %v)", err1, err2)
				}
			}
		})
	}
}

// checkStmt checks one statement of a pg_dump file: the usual statements end
// in ';', and no statement swallowed a following TOC comment block (which
// would mean two statements were merged).
func checkStmt(t *testing.T, e Event) {
	t.Helper()
	upper := strings.ToUpper(e.Text)
	for _, kw := range []string{"CREATE", "ALTER", "SELECT", "SET", "INSERT"} {
		if strings.HasPrefix(upper, kw) && !strings.HasSuffix(e.Text, ";") {
			t.Errorf("%v: %s statement does not end in ';': %.80q", e.Pos, kw, e.Text)
		}
	}
	if strings.Contains(e.Text, "\n-- Name: ") || strings.Contains(e.Text, "\n-- Data for Name: ") {
		t.Errorf("%v: statement contains a TOC comment: %.200q", e.Pos, e.Text)
	}
	if strings.HasPrefix(e.Text, "--") || strings.HasPrefix(e.Text, "/*") || strings.TrimSpace(e.Text) != e.Text {
		t.Errorf("%v: statement text has leading comment or blanks: %.80q", e.Pos, e.Text)
	}
}

// TestCorpusPagilaDetails checks a few known events of pagila.sql.
func TestCorpusPagilaDetails(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pagila", "pagila.sql"))
	if err != nil {
		t.Fatalf("corpus file missing: %v", err)
	}
	r := NewReader(bytes.NewReader(data), "pagila.sql")
	found := map[string]bool{}
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case e.Kind == Stmt && e.Text == `CREATE DOMAIN public."bıgınt" AS bigint;`:
			found["domain"] = reflect.DeepEqual(e.TOC, &TOC{Name: "bıgınt", Type: "DOMAIN", Schema: "public", Owner: ""})
		case e.Kind == Stmt && strings.HasPrefix(e.Text, "CREATE TABLE public.film ("):
			found["film"] = reflect.DeepEqual(e.TOC, &TOC{Name: "film", Type: "TABLE", Schema: "public", Owner: ""})
		case e.Kind == Copy && strings.HasPrefix(e.Text, "COPY public.actor (actor_id, first_name, last_name, last_update) FROM stdin;"):
			found["actor data"] = reflect.DeepEqual(e.TOC, &TOC{Name: "actor", Type: "TABLE DATA", Schema: "public", Owner: ""})
		case e.Kind == Stmt && strings.HasPrefix(e.Text, "CREATE FUNCTION public.last_day(timestamp with time zone)"):
			found["last_day"] = reflect.DeepEqual(e.TOC, &TOC{Name: "last_day(timestamp with time zone)", Type: "FUNCTION", Schema: "public", Owner: ""}) &&
				strings.HasSuffix(e.Text, "$_$;")
		case e.Kind == Stmt && strings.HasPrefix(e.Text, "REFRESH MATERIALIZED VIEW public.rental_by_category;"):
			found["refresh"] = e.TOC != nil && e.TOC.Type == "MATERIALIZED VIEW DATA"
		}
	}
	for _, k := range []string{"domain", "film", "actor data", "last_day", "refresh"} {
		if !found[k] {
			t.Errorf("%s: event missing or with a wrong TOC", k)
		}
	}
	if h := r.Header(); h.PgDumpVersion != "15.18 (Debian 15.18-0+deb12u1)" {
		t.Errorf("Header = %+v", h)
	}
}
