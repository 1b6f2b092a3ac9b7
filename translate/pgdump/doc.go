// Package pgdump holds the items of a pg_dump plain-format dump as pgcopy's
// dump reader (internal/dump) hands them out: an [Event] is an SQL
// statement, a COPY header or a psql meta-command, with its position and
// the TOC entry comment before it; a [Header] holds the server and pg_dump
// versions from the dump's leading comments.
//
// They are public types, with aliases in internal/dump, because package
// translate's API takes them (Translator.Statement, CopyRows, ...): a
// caller outside the module can build an Event for a statement it read
// itself. The same choice as schema.Pos, which internal/dump.Pos aliases.
//
// In: nothing; the reader fills these values. Out: the types and
// Event.At, which maps a character offset of Event.Text (pg_query's
// cursor position) to a file:line:col. The package never reads a dump or
// parses SQL.
package pgdump
