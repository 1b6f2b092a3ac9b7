package schema

import "strconv"

// Pos is a place in an input file: its name and a 1-based line number,
// with a 1-based column when the source gives one (0 otherwise). It is
// where a table, column, key or view of the model came from: a pg_dump
// statement, or a line of an override file. Lines are counted by "\n"
// characters, so a file with "\r\n" line ends has the same numbering.
//
// pgcopy's dump reader uses this same type for its positions (the
// internal dump.Pos is an alias of it), so a caller outside the module can
// build and read every position of the model.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line" (or "file:line:col" when Col is set),
// the prefix of every positioned error message. With an empty File it is
// just the line number.
func (p Pos) String() string {
	s := strconv.Itoa(p.Line)
	if p.Col > 0 {
		s += ":" + strconv.Itoa(p.Col)
	}
	if p.File == "" {
		return s
	}
	return p.File + ":" + s
}
