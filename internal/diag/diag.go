package diag

import (
	"errors"
	"strings"

	"github.com/pgcopy/pgcopy/internal/dump"
)

// Error is a failure tied to a place in the dump.
type Error struct {
	Pos    dump.Pos // dump file and line; zero when unknown
	Table  string   // PostgreSQL relation, e.g. "public.film"; empty when n/a
	Column string   // PostgreSQL column name; empty when n/a
	Err    error
	Hint   string // what the user should do; printed on its own line by the CLI
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Pos.File != "" || e.Pos.Line > 0 {
		b.WriteString(e.Pos.String())
		b.WriteString(": ")
	}
	if e.Table != "" {
		b.WriteString("table ")
		b.WriteString(e.Table)
		if e.Column != "" {
			b.WriteString(", column ")
			b.WriteString(e.Column)
		}
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// New builds an *Error at pos for table and column.
func New(pos dump.Pos, table, column string, err error, hint string) *Error {
	return &Error{Pos: pos, Table: table, Column: column, Err: err, Hint: hint}
}

// HintOf returns the hint of the first *Error in err's chain, or "".
func HintOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint
	}
	return ""
}
