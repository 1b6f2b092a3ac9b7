package dump

import "bytes"

// lexState is where the splitter is inside a statement, following the token
// kinds of the PostgreSQL manual, "Lexical Structure" (§4.1).
type lexState uint8

const (
	lexNormal   lexState = iota // outside quotes and comments
	lexQuote                    // '...' (§4.1.2.1)
	lexEscQuote                 // E'...' (§4.1.2.2)
	lexIdent                    // "..." (§4.1.1)
	lexDollar                   // $tag$...$tag$ (§4.1.2.4)
	lexComment                  // /* ... */, nesting (§4.1.5)
)

// lexer finds statement ends. It carries its state from one line to the
// next, so a quoted string or comment may span lines. Besides the token rules
// of "Lexical Structure" it follows psql's rules for when a ';' ends a
// statement: not inside parentheses, and not inside the BEGIN ... END body
// of a CREATE [OR REPLACE] FUNCTION/PROCEDURE (SQL-standard function bodies,
// "BEGIN ATOMIC", which pg_dump writes for PostgreSQL 14+ functions).
type lexer struct {
	state lexState
	depth int    // nesting depth inside lexComment
	tag   []byte // the dollar-quote delimiter, both '$' included
	start Pos    // where the open quote or comment started, for errors

	paren  int     // parenthesis nesting depth
	begin  int     // BEGIN ... END nesting inside a routine definition
	nident int     // unquoted identifiers seen in this statement
	idents [4]byte // first letters of the leading CREATE OR REPLACE FUNCTION words

	// noStdStrings is set after "SET standard_conforming_strings = off";
	// then backslash escapes also in plain '...' strings (§4.1.2.1).
	noStdStrings bool
}

// isIdentStart reports whether c may start an unquoted identifier (§4.1.1):
// a letter, '_' or a byte of a multi-byte UTF-8 character.
func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

// isIdentCont reports whether c may continue an unquoted identifier: the
// start characters, digits and '$'.
func isIdentCont(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

// dollarTag returns the length of the dollar-quote delimiter ("$$" or
// "$tag$") at the start of s, or 0 if s does not start with one. A tag
// follows the identifier rules but cannot contain '$' nor start with a
// digit, so "$1" (a parameter) is not a delimiter.
func dollarTag(s []byte) int {
	if len(s) < 2 || s[0] != '$' {
		return 0
	}
	if s[1] == '$' {
		return 2
	}
	if !isIdentStart(s[1]) {
		return 0
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c == '$' {
			return i + 1
		}
		if !isIdentStart(c) && !(c >= '0' && c <= '9') {
			return 0
		}
	}
	return 0
}

// isBlank reports whether c is white space for SQL (§4.1): space, tab,
// newline, carriage return, form feed or vertical tab.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// resetStatement clears the per-statement counters after a statement ends.
func (lx *lexer) resetStatement() {
	lx.paren, lx.begin, lx.nident = 0, 0, 0
	lx.idents = [4]byte{}
}

// scan advances over s, a line or the tail of a line at pos, and returns the
// index just past the ';' that ends the statement, or -1 if s ends first.
// The beginning of s must be a token boundary (start of line, or just after
// a token).
func (lx *lexer) scan(s []byte, pos Pos) int {
	i := 0
	for i < len(s) {
		switch lx.state {
		case lexQuote:
			n := lx.scanQuote(s[i:], lx.noStdStrings)
			if n < 0 {
				return -1
			}
			i += n
			lx.state = lexNormal
		case lexEscQuote:
			n := lx.scanQuote(s[i:], true)
			if n < 0 {
				return -1
			}
			i += n
			lx.state = lexNormal
		case lexIdent:
			n := scanIdent(s[i:])
			if n < 0 {
				return -1
			}
			i += n
			lx.state = lexNormal
		case lexDollar:
			k := bytes.Index(s[i:], lx.tag)
			if k < 0 {
				return -1
			}
			i += k + len(lx.tag)
			lx.state = lexNormal
		case lexComment:
			n := lx.scanComment(s[i:])
			if n < 0 {
				return -1
			}
			i += n
			lx.state = lexNormal
		default:
			c := s[i]
			switch {
			case c == ';':
				i++
				if lx.paren == 0 && lx.begin == 0 {
					lx.resetStatement()
					return i
				}
			case c == '\'':
				lx.state, lx.start = lexQuote, pos
				i++
			case c == '"':
				lx.state, lx.start = lexIdent, pos
				i++
			case c == '$':
				if n := dollarTag(s[i:]); n > 0 {
					lx.tag = append(lx.tag[:0], s[i:i+n]...)
					lx.state, lx.start = lexDollar, pos
					i += n
				} else {
					i++
				}
			case c == '-' && i+1 < len(s) && s[i+1] == '-':
				// A line comment runs to the end of the line (§4.1.5).
				return -1
			case c == '/' && i+1 < len(s) && s[i+1] == '*':
				lx.state, lx.start, lx.depth = lexComment, pos, 1
				i += 2
			case c == '(':
				lx.paren++
				i++
			case c == ')':
				if lx.paren > 0 {
					lx.paren--
				}
				i++
			case isIdentStart(c):
				j := i + 1
				for j < len(s) && isIdentCont(s[j]) {
					j++
				}
				if j == i+1 && (c == 'E' || c == 'e') && j < len(s) && s[j] == '\'' {
					// E'...' escape string constant (§4.1.2.2).
					lx.state, lx.start = lexEscQuote, pos
					i = j + 1
					continue
				}
				lx.identifier(s[i:j])
				i = j
			case c >= '0' && c <= '9':
				i++
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
			default:
				i++
			}
		}
	}
	return -1
}

// scanQuote scans the inside of a '...' string and returns the index just
// past its closing quote, or -1 if s ends first. Two quotes in a row stand
// for one quote; with escapes set, a backslash escapes the next byte.
func (lx *lexer) scanQuote(s []byte, escapes bool) int {
	i := 0
	for {
		var k int
		if escapes {
			k = bytes.IndexAny(s[i:], `'\`)
		} else {
			k = bytes.IndexByte(s[i:], '\'')
		}
		if k < 0 {
			return -1
		}
		i += k
		if s[i] == '\\' {
			i += 2
			if i >= len(s) {
				// The escaped byte is the line's last ("\n"): the string
				// goes on in the next line.
				return -1
			}
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			i += 2
			continue
		}
		return i + 1
	}
}

// scanIdent scans the inside of a "..." identifier and returns the index
// just past its closing quote, or -1 if s ends first; "" stands for one
// double quote.
func scanIdent(s []byte) int {
	i := 0
	for {
		k := bytes.IndexByte(s[i:], '"')
		if k < 0 {
			return -1
		}
		i += k
		if i+1 < len(s) && s[i+1] == '"' {
			i += 2
			continue
		}
		return i + 1
	}
}

// scanComment scans the inside of a block comment at nesting depth lx.depth
// and returns the index just past the "*/" that closes the outermost level,
// or -1 if s ends first. Block comments nest (§4.1.5).
func (lx *lexer) scanComment(s []byte) int {
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '/' && s[i+1] == '*':
			lx.depth++
			i++
		case s[i] == '*' && s[i+1] == '/':
			lx.depth--
			i++
			if lx.depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// identifier tracks the unquoted words psql uses to keep the body of an
// SQL-standard routine ("CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END")
// together: once the statement starts with CREATE [OR REPLACE]
// FUNCTION/PROCEDURE, BEGIN opens a block, END closes one, and CASE inside
// a block opens one too (it also ends with END). Only words outside
// parentheses count.
func (lx *lexer) identifier(w []byte) {
	if lx.nident < len(lx.idents) {
		for _, kw := range [...]string{"create", "function", "procedure", "or", "replace"} {
			if len(w) == len(kw) && bytes.EqualFold(w, []byte(kw)) {
				lx.idents[lx.nident] = kw[0]
				break
			}
		}
	}
	lx.nident++
	id := &lx.idents
	routine := id[0] == 'c' && (id[1] == 'f' || id[1] == 'p' ||
		id[1] == 'o' && id[2] == 'r' && (id[3] == 'f' || id[3] == 'p'))
	if !routine || lx.paren != 0 {
		return
	}
	switch {
	case len(w) == 5 && bytes.EqualFold(w, []byte("begin")):
		lx.begin++
	case len(w) == 4 && bytes.EqualFold(w, []byte("case")):
		if lx.begin > 0 {
			lx.begin++
		}
	case len(w) == 3 && bytes.EqualFold(w, []byte("end")):
		if lx.begin > 0 {
			lx.begin--
		}
	}
}
