package translate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
)

// parseError is the error for a statement pg_query cannot parse. pg_query's
// *parser.Error carries Cursorpos, the 1-based character offset into the
// statement text of the token PostgreSQL's parser stopped at (0 when it
// gives none; PostgreSQL manual §55.2.2, "Error and Notice Messages",
// field P "Position"). With it, the error is at that token's line and
// column in the dump (dump.Event.At) and quotes the token's line with a
// caret under it; without it, at the statement's first line. what names
// the statement ("parse statement").
func parseError(ev dump.Event, what string, err error, hint string) error {
	var pe *parser.Error
	if !errors.As(err, &pe) || pe.Cursorpos <= 0 {
		return diag.New(ev.Pos, "", "", fmt.Errorf("%s: %v", what, err), hint)
	}
	off := pe.Cursorpos - 1
	return diag.New(ev.At(off), "", "", fmt.Errorf("%s: %v\n%s", what, err, caretLine(ev.Text, off)), hint)
}

// caretContext is how many characters of the line before the offending
// token caretLine keeps when it cuts a long line.
const caretContext = 40

// caretLine quotes the line of text holding the character at 0-based
// character offset off (only the statement's part of its first line), with
// a caret under that character:
//
//	name text BOGUS,
//	          ^
//
// Tabs are shown as one space each so that the caret lines up. A line of
// more than diag.ExcerptLen bytes is cut (diag.Excerpt) to start at most
// caretContext characters before the token, behind "...".
func caretLine(text string, off int) string {
	r := []rune(text)
	if off > len(r) {
		off = len(r)
	}
	start := off
	for start > 0 && r[start-1] != '\n' {
		start--
	}
	end := off
	for end < len(r) && r[end] != '\n' {
		end++
	}
	line := []rune(strings.TrimSuffix(string(r[start:end]), "\r"))
	for i, c := range line {
		if c == '\t' {
			line[i] = ' '
		}
	}
	c, prefix := off-start, ""
	if len(string(line)) > diag.ExcerptLen && c > caretContext {
		line, c, prefix = line[c-caretContext:], caretContext, "..."
	}
	shown := prefix + diag.Excerpt(string(line), diag.ExcerptLen)
	return "  " + shown + "\n  " + strings.Repeat(" ", len([]rune(prefix))+c) + "^"
}
