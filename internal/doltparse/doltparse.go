package doltparse

import (
	"strings"
	"testing"

	"github.com/dolthub/vitess/go/vt/sqlparser"
)

// parseExceptions lists statements of the goldens that Dolt's parser
// (github.com/dolthub/vitess/go/vt/sqlparser) rejects although a real Dolt
// accepts them, keyed by a substring of the statement, with the reason.
// Empty: everything pgcopy prints parses.
var parseExceptions = map[string]string{}

// Check splits SQL text pgcopy printed (a golden output, or the tables
// and views of a unit test) into statements with
// Dolt's splitter (sqlparser.SplitStatementToPieces, which knows quotes,
// backticks and comments) and parses each with Dolt's own parser, so that
// nothing pgcopy prints is invalid SQL to Dolt. A failure names the golden
// file, the line the statement starts on, the statement and the parser's
// message.
func Check(t testing.TB, file string, text []byte) {
	t.Helper()
	s := string(text)
	pieces, err := sqlparser.SplitStatementToPieces(s)
	if err != nil {
		t.Errorf("%s: Dolt's parser cannot split the output into statements: %v", file, err)
		return
	}
	from := 0
	for _, piece := range pieces {
		off := strings.Index(s[from:], piece)
		if off < 0 {
			t.Errorf("%s: statement %q not found in the output after byte %d", file, piece, from)
			return
		}
		off += from
		from = off + len(piece)
		body := stripComments(piece)
		if strings.TrimSpace(body) == "" {
			continue
		}
		line := 1 + strings.Count(s[:off+strings.Index(piece, body)], "\n")
		if _, err := sqlparser.Parse(body); err != nil {
			if excepted(body) {
				continue
			}
			t.Errorf("%s:%d: Dolt's parser rejects the statement:\n%s\n%v", file, line, body, err)
		}
	}
}

func excepted(stmt string) bool {
	for k := range parseExceptions {
		if strings.Contains(stmt, k) {
			return true
		}
	}
	return false
}

// stripComments drops the -- comment lines and blank lines in front of a
// statement.
func stripComments(s string) string {
	for {
		t := strings.TrimLeft(s, " \t\r\n")
		if !strings.HasPrefix(t, "--") {
			return t
		}
		i := strings.IndexByte(t, '\n')
		if i < 0 {
			return ""
		}
		s = t[i+1:]
	}
}
