// Package doltparse re-parses SQL text pgcopy printed with Dolt's own
// parser (github.com/dolthub/vitess/go/vt/sqlparser), for the tests of the
// packages that print it (translate's goldens and unit tests, viewsql's
// views), so that nothing pgcopy prints is SQL Dolt cannot read.
//
// In: the printed text (one or more statements) and a name for messages.
// Out: test errors naming the file, the line, the statement and the
// parser's message. It is imported by tests only and never runs SQL.
package doltparse
