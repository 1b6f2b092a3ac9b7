package dump

import (
	"github.com/pgcopy/pgcopy/translate/pgdump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Pos is a place in a dump: the file name given to [NewReader] and a 1-based
// line number (schema.Pos: the model's public position type, so that the
// positions the reader hands out are the ones the public schema holds).
type Pos = schema.Pos

// The items the reader hands out are the public types of translate/pgdump
// (aliases here), so that package translate's API, which takes them, names
// no internal type.
type (
	Kind   = pgdump.Kind
	TOC    = pgdump.TOC
	Event  = pgdump.Event
	Header = pgdump.Header
)

// The event kinds (pgdump.Stmt, Copy, Meta).
const (
	Stmt = pgdump.Stmt
	Copy = pgdump.Copy
	Meta = pgdump.Meta
)

// Error is a problem found in the dump text, or a read error, with the place
// where it was found. Its message has the form "file:line: msg", e.g.
// "pagila.sql:1234: unterminated dollar-quoted string started here".
type Error struct {
	Pos Pos
	Msg string
	// Err is the underlying cause when the error comes from the
	// io.Reader; [ErrIncomplete] when the input ends too early (the
	// errors of [Reader.Complete], and a statement, quote, comment or COPY
	// block left open at the end); [ErrEmpty] for an empty input; nil
	// otherwise. [Error.Unwrap] returns it.
	Err error
}

// Error returns "file:line: msg".
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}

// Unwrap returns the underlying read error, if any, for errors.Is and
// errors.As.
func (e *Error) Unwrap() error {
	return e.Err
}
