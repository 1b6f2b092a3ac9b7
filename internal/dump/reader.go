package dump

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// bufSize is the size of the read buffer. Lines up to this length are
// returned by CopyRow without copying.
const bufSize = 1 << 20

// maxKeep is the largest statement or long-line buffer kept for reuse; a
// bigger one is dropped after use so that one huge statement does not pin
// its memory for the rest of the dump.
const maxKeep = 16 << 20

// Reader splits a pg_dump plain-format dump into events. It reads the input
// once, front to back, through a 1 MiB buffer; its memory use is bounded by
// the longest statement or line, not by the size of the dump.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	br   *bufio.Reader
	file string

	line int   // number of the last line read; 0 before the first
	off  int64 // bytes handed out by readLine so far

	rest []byte // unprocessed tail of the current line, in br's buffer or long
	long []byte // assembles lines longer than the buffer

	lx      lexer
	stmt    bytes.Buffer // text of the statement in progress
	stmtPos Pos
	stmtCol int    // Event.Col of the statement in progress
	cur     []byte // the current line (rest is a tail of it)
	skip    bool   // inside a block comment before any statement text

	toc    *TOC
	header Header

	// Completeness facts (see [Reader.Complete]).
	events     int    // events returned so far
	pgDump     bool   // a "-- PostgreSQL database dump" comment came before the first event
	trailer    int    // line of the "-- PostgreSQL database dump complete" comment; 0 if none yet
	restrict   string // the key of the last \restrict meta-command; "" if none
	unrestrict bool   // a \unrestrict with that key came after the trailer

	inCopy  bool // a Copy event was returned and its "\." not yet read
	copyPos Pos
	rowsMax int64 // CopyRow ends the block after this many rows; 0: at "\."
	rowsN   int64 // rows CopyRow returned since NewCopyReader

	err error // sticky: io.EOF or an *Error
}

// NewReader returns a Reader for the dump text in r (already decompressed).
// file names the input in positions and error messages.
func NewReader(r io.Reader, file string) *Reader {
	return newReaderSize(r, file, bufSize)
}

// newReaderSize is NewReader with a given buffer size; tests use small
// sizes to exercise the long-line path.
func newReaderSize(r io.Reader, file string, size int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, size), file: file}
}

// Header returns the versions found so far in the dump's leading comments.
// They come before the first statement in pg_dump output, so the Header is
// complete once Next has returned the first event.
func (r *Reader) Header() Header {
	return r.header
}

// Offset returns the number of bytes of the input consumed so far, for
// progress reports. It never decreases, and equals the input size once Next
// has returned io.EOF.
func (r *Reader) Offset() int64 {
	return r.off
}

// pos returns the position of the current line.
func (r *Reader) pos() Pos {
	return Pos{File: r.file, Line: r.line}
}

// failCut records a sticky error at p for input that ends too early (a
// statement, quote, comment or COPY block left open); its cause is
// [ErrIncomplete].
func (r *Reader) failCut(p Pos, format string, args ...any) error {
	r.err = &Error{Pos: p, Msg: fmt.Sprintf(format, args...), Err: ErrIncomplete}
	return r.err
}

// fail records a sticky error at p and returns it.
func (r *Reader) fail(p Pos, format string, args ...any) error {
	r.err = &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
	return r.err
}

// readLine returns the next line including its "\n" (the last line of the
// input may lack it), or io.EOF at the end of the input. The slice is valid
// until the next call. A read error is returned as an *Error.
func (r *Reader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.long = append(r.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	if err != nil && err != io.EOF {
		r.err = &Error{Pos: Pos{File: r.file, Line: r.line + 1}, Msg: "read: " + err.Error(), Err: err}
		return nil, r.err
	}
	if len(line) == 0 {
		return nil, io.EOF
	}
	if r.off == 0 && bytes.HasPrefix(line, utf8BOM) {
		// Count the byte-order mark but never show it to the lexer.
		r.off += int64(len(utf8BOM))
		line = line[len(utf8BOM):]
	}
	r.line++
	r.off += int64(len(line))
	return line, nil
}

var utf8BOM = []byte("\xef\xbb\xbf")

// trimEOL returns line without its "\n" or "\r\n" terminator.
func trimEOL(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	return line
}

// CopyRow returns the next data line of the COPY block announced by the last
// Copy event, without its "\n" or "\r\n" terminator, and the line's
// position. The line is returned as it is in the dump: CopyRow does not
// decode the COPY text format (PostgreSQL manual, "COPY", File Formats).
//
// The returned slice points into the Reader's buffer and is only valid until
// the next call to CopyRow or Next; copy it to keep it.
//
// CopyRow returns io.EOF once it has consumed the "\." line that ends the
// block (a line holding exactly those two characters; "\.x" is data), and
// also when no COPY block is in progress. If the input ends before the "\."
// line it returns an *Error naming the line where the COPY started.
func (r *Reader) CopyRow() (line []byte, pos Pos, err error) {
	if !r.inCopy {
		if r.err != nil && r.err != io.EOF {
			return nil, Pos{}, r.err
		}
		return nil, Pos{}, io.EOF
	}
	if r.rowsMax > 0 {
		if r.rowsN == r.rowsMax {
			r.inCopy = false
			return nil, r.pos(), io.EOF
		}
		r.rowsN++
	}
	l, err := r.readLine()
	if err != nil {
		r.inCopy = false
		if err == io.EOF {
			err = r.failCut(r.copyPos, "end of input in the COPY data started at line %d: no \\. line ends it", r.copyPos.Line)
		}
		return nil, Pos{}, err
	}
	l = trimEOL(l)
	pos = r.pos()
	if len(l) == 2 && l[0] == '\\' && l[1] == '.' {
		r.inCopy = false
		return nil, pos, io.EOF
	}
	return l, pos, nil
}

// Next returns the next statement, COPY header or meta-command of the dump,
// and io.EOF after the last one. If the previous event was a Copy whose data
// lines have not all been read with CopyRow, Next skips them first.
//
// Statements are split at a ';' outside quoted strings, quoted identifiers,
// dollar-quoted strings and comments, following the PostgreSQL manual,
// "Lexical Structure" (§4.1): '...' strings, where a doubled quote stands
// for a quote and backslash is literal (pg_dump sets
// standard_conforming_strings=on; after "SET standard_conforming_strings =
// off" backslash escapes too); E'...' strings with backslash escapes; "..."
// identifiers; $$...$$ and $tag$...$tag$ strings ("$1" is a parameter, not
// a quote); "--" comments; and nesting /* */ comments. As psql does, a ';'
// inside parentheses or inside the BEGIN ... END body of a CREATE FUNCTION
// or CREATE PROCEDURE does not end a statement. Text after the ';' on the
// same line starts the next event. Empty statements (a lone ';') are
// skipped.
//
// A line whose first non-blank character is a backslash, met when no
// statement is in progress, is a Meta event (PostgreSQL manual, "psql",
// Meta-Commands); so is the rest of a line after a ';' if it starts with a
// backslash. Comments between events are dropped, except that a pg_dump
// TOC comment is attached to the next event as [Event.TOC]. A statement that starts with
// COPY and reads "COPY name [(columns)] FROM stdin ..." is a Copy event; the
// lines after it, up to a line "\.", are its data.
//
// Errors are *Error values, and sticky: an unterminated quoted string,
// quoted identifier, dollar-quoted string or block comment (at the place it
// started), a statement without a terminating ';' at the end of the input
// (at the statement), text after "FROM stdin;" on the COPY line, a COPY
// block without its "\." line, or a read error.
func (r *Reader) Next() (Event, error) {
	if r.inCopy {
		for {
			_, _, err := r.CopyRow()
			if err == io.EOF {
				break
			}
			if err != nil {
				return Event{}, err
			}
		}
	}
	if r.err != nil {
		return Event{}, r.err
	}
	for {
		if len(r.rest) == 0 {
			line, err := r.readLine()
			if err == io.EOF {
				return Event{}, r.atEOF()
			}
			if err != nil {
				return Event{}, err
			}
			r.rest, r.cur = line, line
		}
		s := r.rest
		if r.skip {
			// Inside a block comment that precedes a statement: drop it.
			n := r.lx.scanComment(s)
			if n < 0 {
				r.rest = nil
				continue
			}
			r.skip = false
			r.lx.state = lexNormal
			r.rest = s[n:]
			continue
		}
		if r.stmt.Len() == 0 {
			// Between statements: skip blanks and comments.
			i := 0
			for i < len(s) && isBlank(s[i]) {
				i++
			}
			s = s[i:]
			switch {
			case len(s) == 0:
				r.rest = nil
				continue
			case len(s) >= 2 && s[0] == '-' && s[1] == '-':
				r.comment(trimEOL(s[2:]))
				r.rest = nil
				continue
			case len(s) >= 2 && s[0] == '/' && s[1] == '*':
				r.skip = true
				r.lx.state, r.lx.start, r.lx.depth = lexComment, r.pos(), 1
				r.rest = s[2:]
				continue
			case s[0] == '\\':
				r.rest = nil
				return r.event(Meta, r.pos(), r.colOf(s), trimEOL(s)), nil
			}
			r.stmtPos = r.pos()
			r.stmtCol = r.colOf(s)
		}
		n := r.lx.scan(s, r.pos())
		if n < 0 {
			r.stmt.Write(s)
			r.rest = nil
			continue
		}
		r.stmt.Write(s[:n])
		r.rest = s[n:]
		if ev, ok, err := r.endStatement(); ok || err != nil {
			return ev, err
		}
	}
}

// endStatement turns the complete statement in r.stmt into an event. It
// returns ok == false for an empty statement, which is skipped.
func (r *Reader) endStatement() (ev Event, ok bool, err error) {
	text := r.stmt.Bytes()
	defer r.resetStmt()
	if len(text) == 1 {
		return Event{}, false, nil // a lone ';'
	}
	if isCopyFromStdin(text) {
		tail := bytes.TrimLeft(r.rest, " \t\r\n\f\v")
		if len(tail) > 0 && !bytes.HasPrefix(tail, []byte("--")) {
			return Event{}, false, r.fail(r.pos(), "text after COPY ... FROM stdin; on the same line")
		}
		r.rest = nil
		r.inCopy = true
		r.copyPos = r.stmtPos
		return r.event(Copy, r.stmtPos, r.stmtCol, text), true, nil
	}
	if v, ok := stdStringsSetting(text); ok {
		r.lx.noStdStrings = !v
	}
	return r.event(Stmt, r.stmtPos, r.stmtCol, text), true, nil
}

// resetStmt empties the statement buffer, dropping it if it grew large.
func (r *Reader) resetStmt() {
	if r.stmt.Cap() > maxKeep {
		r.stmt = bytes.Buffer{}
	}
	r.stmt.Reset()
	if cap(r.long) > maxKeep {
		r.long = nil
	}
}

// colOf is the 1-based column, in characters, where s, a tail of the
// current line, starts.
func (r *Reader) colOf(s []byte) int {
	return utf8.RuneCount(r.cur[:len(r.cur)-len(s)]) + 1
}

// event builds an Event for text starting at column col of line p, with
// the pending TOC, which it consumes.
func (r *Reader) event(k Kind, p Pos, col int, text []byte) Event {
	ev := Event{Kind: k, Pos: p, Col: col, Text: string(text), TOC: r.toc}
	r.toc = nil
	r.events++
	if k == Meta {
		r.meta(ev.Text)
	}
	return ev
}

// atEOF reports the end of the input: io.EOF, or an error if a statement,
// quote or comment is still open.
func (r *Reader) atEOF() error {
	switch {
	case r.skip || r.lx.state == lexComment:
		return r.failCut(r.lx.start, "unterminated /* comment started here")
	case r.lx.state == lexQuote || r.lx.state == lexEscQuote:
		return r.failCut(r.lx.start, "unterminated quoted string started here")
	case r.lx.state == lexIdent:
		return r.failCut(r.lx.start, "unterminated quoted identifier started here")
	case r.lx.state == lexDollar:
		return r.failCut(r.lx.start, "unterminated dollar-quoted string started here")
	case r.stmt.Len() > 0:
		return r.failCut(r.stmtPos, "statement started here has no terminating semicolon")
	}
	r.err = io.EOF
	return io.EOF
}

// comment looks at a "--" comment line met between statements (text is what
// follows the "--") for a TOC entry or a header fact.
func (r *Reader) comment(text []byte) {
	if t, ok := parseTOC(text); ok {
		r.toc = t
		return
	}
	switch string(bytes.TrimSpace(text)) {
	case "PostgreSQL database dump":
		if r.events == 0 {
			r.pgDump = true
		}
		return
	case "PostgreSQL database dump complete":
		r.trailer = r.line
		r.unrestrict = false
		return
	}
	parseHeader(text, &r.header)
}

// meta records the \restrict and \unrestrict meta-commands that pg_dump
// (15.14, 16.10, 17.6 and later) writes around a plain dump.
func (r *Reader) meta(text string) {
	f := strings.Fields(text)
	if len(f) != 2 {
		return
	}
	switch f[0] {
	case `\restrict`:
		r.restrict = f[1]
	case `\unrestrict`:
		if r.trailer > 0 && f[1] == r.restrict {
			r.unrestrict = true
		}
	}
}

// ErrIncomplete is the cause (errors.Is) of the error [Reader.Complete]
// returns for a pg_dump dump that ends without its trailer.
var ErrIncomplete = errors.New("incomplete dump")

// ErrEmpty is the cause (errors.Is) of the error [Reader.Complete] returns
// for an input that holds no statement, COPY block or meta-command.
var ErrEmpty = errors.New("empty dump")

// Complete tells, once [Reader.Next] has returned io.EOF, whether the
// input is a whole dump:
//
//   - an input with no event at all (0 bytes, or only blanks and
//     comments) is an *Error at its last line whose cause is [ErrEmpty];
//   - an input that starts as pg_dump output (a "-- PostgreSQL database
//     dump" comment before the first statement) must hold pg_dump's
//     trailer comment "-- PostgreSQL database dump complete" and, when a
//     "\restrict KEY" meta-command opened it, a "\unrestrict KEY" after
//     the trailer; otherwise the *Error, at the last line, has the cause
//     [ErrIncomplete]. Text after the trailer is allowed (Rails and
//     Phoenix append schema_migrations INSERTs to structure.sql);
//   - any other input (a hand-written script) is complete when it parsed.
//
// pg_dump writes the trailer last, after every TOC entry (PostgreSQL
// manual, "pg_dump"; the \restrict lines since 15.14), so a dump cut by a
// pg_dump that died, a full disk or `head` lacks it.
func (r *Reader) Complete() error {
	last := Pos{File: r.file, Line: r.line}
	switch {
	case r.events == 0:
		return &Error{Pos: last, Msg: fmt.Sprintf("the input holds no SQL statement (%d bytes, %d lines): it is empty", r.off, r.line), Err: ErrEmpty}
	case !r.pgDump:
		return nil
	case r.trailer == 0:
		return &Error{Pos: last, Msg: fmt.Sprintf("the dump ends at line %d without pg_dump's trailer (\"-- PostgreSQL database dump complete\"): it is incomplete", r.line), Err: ErrIncomplete}
	case r.restrict != "" && !r.unrestrict:
		return &Error{Pos: last, Msg: fmt.Sprintf("the dump ends at line %d without the \\unrestrict line that closes its \\restrict: it is incomplete", r.line), Err: ErrIncomplete}
	}
	return nil
}

// Line returns the number of the last line read. Right after Next returns
// a Copy event it is the COPY header's last line, and [Reader.Offset] is the
// byte offset of the block's first data line: together they are where
// [NewCopyReader] can resume the block.
func (r *Reader) Line() int {
	return r.line
}

// NewCopyReader returns a Reader over the data lines of one COPY block, for
// loading blocks in parallel. r must start at the block's first data line
// (the Offset recorded after its Copy event), and line is the number of the
// line before it (the Line recorded then); header is the COPY header's
// position, used in errors. CopyRow then returns the block's rows with their
// true line numbers, and io.EOF at its "\." line.
func NewCopyReader(r io.Reader, file string, line int, header Pos) *Reader {
	rd := NewReader(r, file)
	rd.line = line
	rd.inCopy = true
	rd.copyPos = header
	return rd
}

// StopAfter makes CopyRow return io.EOF after n more rows, as if the block
// ended there: a reader from NewCopyReader then reads one part of a block
// that is loaded in parts. n <= 0 reads to the "\." line.
func (r *Reader) StopAfter(n int64) {
	r.rowsMax, r.rowsN = n, 0
}
