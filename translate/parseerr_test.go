package translate_test

import (
	"io"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
)

// firstError feeds sql to a Translator statement by statement and returns
// the first error of Statement, or of CopyRows and InsertRows for COPY
// headers and INSERT statements.
func firstError(t *testing.T, sql string) error {
	t.Helper()
	tr := translate.New(translate.Options{}, &report.Report{})
	rd := dump.NewReader(strings.NewReader(sql), "bad.sql")
	for {
		ev, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Statement(ev); err != nil {
			return err
		}
		if ev.Kind == dump.Copy {
			if _, err := tr.CopyRows(ev); err != nil {
				return err
			}
			for {
				if _, _, err := rd.CopyRow(); err != nil {
					break
				}
			}
		}
		if ev.Kind == dump.Stmt && strings.HasPrefix(ev.Text, "INSERT") {
			if _, _, err := tr.InsertRows(ev); err != nil {
				return err
			}
		}
	}
}

// TestParseErrorPosition checks that a statement pg_query cannot parse
// fails at the line and column of the offending token (pg_query's
// Cursorpos), not at the statement's first line, and quotes that line
// with a caret under the token.
func TestParseErrorPosition(t *testing.T) {
	long := strings.Repeat("x", 300)
	for _, tc := range []struct {
		name, sql, want string
	}{
		{"multi-line CREATE TABLE",
			"SET x = 1;\n\nCREATE TABLE public.t (\n    id integer,\n    name text BOGUS WORDS,\n    n int\n);\n",
			"bad.sql:5:15: parse statement: syntax error at or near \"BOGUS\"\n      name text BOGUS WORDS,\n                ^"},
		{"tabs and a statement after another on the line",
			"SELECT 1; CREATE TABLE t (\n\tid integer\n\tname text\n);\n",
			"bad.sql:3:2: parse statement: syntax error at or near \"name\"\n   name text\n   ^"},
		{"on the first line, after another statement",
			"SELECT 1;  SELECT FROM FROM t;\n",
			"bad.sql:1:24: parse statement: syntax error at or near \"FROM\"\n  SELECT FROM FROM t;\n              ^"},
		{"characters, not bytes",
			"CREATE TABLE \"é\" (\n  \"ü\" text text\n);\n",
			"bad.sql:2:12: parse statement: syntax error at or near \"text\"\n    \"ü\" text text\n             ^"},
		{"long line cut around the token",
			"CREATE TABLE t (\n  c text DEFAULT '" + long + "' BOGUS\n);\n",
			"bad.sql:2:321: parse statement: syntax error at or near \"BOGUS\"\n  ..." + strings.Repeat("x", 38) + "' BOGUS\n" + strings.Repeat(" ", 45) + "^"},
		{"at the end of the input",
			"CREATE TABLE t (\n  id integer,\n);\n",
			"bad.sql:3:1: parse statement: syntax error at or near \")\"\n  );\n  ^"},
		{"INSERT",
			"CREATE TABLE public.t (id integer, s text);\nINSERT INTO public.t VALUES\n  (1, 'a\nb'),\n  (2 'c');\n",
			"bad.sql:5:6: parse INSERT: syntax error at or near \"'c'\"\n    (2 'c');\n       ^"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := firstError(t, tc.sql)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("error\n%s\nwant\n%s", err, tc.want)
			}
			if diag.HintOf(err) == "" {
				t.Errorf("no hint: %v", err)
			}
		})
	}
}
