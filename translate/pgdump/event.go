package pgdump

import (
	"strconv"

	"github.com/pgcopy/pgcopy/translate/schema"
)

// Kind says what an [Event] is.
type Kind int

const (
	// Stmt is an SQL statement terminated by a semicolon (PostgreSQL manual,
	// "Lexical Structure").
	Stmt Kind = iota + 1
	// Copy is a "COPY ... FROM stdin;" statement; its data lines follow and
	// are read with the reader's CopyRow (PostgreSQL manual, "COPY", File
	// Formats).
	Copy
	// Meta is a psql meta-command line, such as "\connect" or the
	// "\restrict KEY" / "\unrestrict KEY" pair that pg_dump 17.6+, 16.10+ and
	// 15.14+ write (PostgreSQL manual, "psql", Meta-Commands).
	Meta
)

// String returns "Stmt", "Copy" or "Meta", or "Kind(n)" for other values.
func (k Kind) String() string {
	switch k {
	case Stmt:
		return "Stmt"
	case Copy:
		return "Copy"
	case Meta:
		return "Meta"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// TOC is the pg_dump table-of-contents comment that precedes an object in a
// plain-format dump, for example
//
//	-- Name: film; Type: TABLE; Schema: public; Owner: postgres
//	-- Data for Name: film; Type: TABLE DATA; Schema: public; Owner: -
//
// Name may contain "; " (constraint entries such as "film film_pkey", or
// function signatures such as "last_day(timestamp with time zone)"); Type
// may contain spaces ("TABLE DATA", "FK CONSTRAINT", "SEQUENCE SET"). A "-"
// for Schema or Owner (no schema, or a dump made with --no-owner) is stored
// as "". A trailing "; Tablespace: X" part, which pg_dump adds for objects
// in a non-default tablespace, is dropped.
type TOC struct {
	Name, Type, Schema, Owner string
}

// Event is one item of a dump, as returned by the dump reader (internal/dump, Reader.Next).
type Event struct {
	// Kind is Stmt, Copy or Meta.
	Kind Kind
	// Pos is the line where the statement, COPY header or meta-command
	// starts: the line of its first character that is neither blank nor
	// part of a comment. Pos.Col is 0: the reader's positions are lines.
	Pos schema.Pos
	// Col is the 1-based column (in characters, UTF-8 code points) of
	// Text's first character on line Pos.Line: 1 unless blanks or another
	// statement came before it on that line.
	Col int
	// Text depends on Kind.
	//
	// Stmt: the statement text from its first character through the
	// terminating ';', without the comments and blank lines that precede it.
	// Comments inside the statement are kept verbatim, as are line ends
	// ("\n" or "\r\n") inside it; Text is always a contiguous part of the
	// input.
	//
	// Copy: the COPY header statement, e.g.
	// "COPY public.actor (actor_id, first_name) FROM stdin;".
	//
	// Meta: the meta-command line from its backslash up to, not including,
	// the line terminator, e.g. `\connect -reuse-previous=on "dbname='x'"`.
	Text string
	// TOC is the last pg_dump TOC comment seen since the previous event, or
	// nil if there was none.
	TOC *TOC
}

// At returns the position of the character at the 0-based character
// (code point) offset off into e.Text: its line, counting the "\n" line
// ends before it, and its 1-based column in characters (as PostgreSQL's
// own error cursor counts; PostgreSQL manual §55.2.2, field P
// "Position"). An offset past the end of Text gives the position just
// after Text's last character.
func (e Event) At(off int) schema.Pos {
	p := schema.Pos{File: e.Pos.File, Line: e.Pos.Line, Col: e.Col}
	if p.Col < 1 {
		p.Col = 1
	}
	for _, c := range e.Text {
		if off <= 0 {
			break
		}
		off--
		if c == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
	}
	return p
}

// Header holds facts read from the leading comments of a pg_dump dump:
//
//	-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
//	-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)
//
// Each field is the text after "version ", trimmed, or "" when the line is
// absent (Rails db/structure.sql files strip these comments).
type Header struct {
	ServerVersion string
	PgDumpVersion string
}
