// Package pgtext decodes PostgreSQL's text representations: the COPY text
// format's rows and fields, and the text output of individual types (bool,
// bytea, date/time, numeric, float, arrays) as pg_dump writes them.
//
// In: one COPY data line, or one field's decoded text plus the PostgreSQL type
// it belongs to. Out: field values, and normalised values ready for Dolt
// (UTC timestamps, bytes, JSON text for arrays), or an error that says what is
// wrong with the value.
//
// The package never performs I/O and never knows about tables or Dolt
// connections; errors carry no position, the caller adds file:line, table and
// column.
package pgtext
