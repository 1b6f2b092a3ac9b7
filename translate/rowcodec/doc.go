// Package rowcodec encodes the rows of a dump for Dolt, from the schema
// model alone.
//
// In: a *schema.Table (each Column carries its schema.Codec, set by
// translate) and rows as COPY text-format fields (pgtext.DecodeRow) or as a
// list of PostgreSQL text values ([Text]; e.g. a logical-replication
// tuple). Out: per row, either the Go values Dolt's engine converts to the
// column types ([Rows.AppendRow]) or a SQL tuple of MySQL-dialect literals
// for a script or a sql-server ([Rows.AppendTuple]); both store the same
// value. A value that cannot be converted is a *ValueError naming the
// PostgreSQL column; errors.Is(err, pgtext.ErrUnrepresentable) tells valid
// but unrepresentable values (NaN, BC dates, JSON numbers beyond float64)
// apart, and ErrNUL marks a corrupt text value.
//
// The value rules follow each type's output form in the PostgreSQL manual,
// chapter 8, and Dolt's literal parsing; see schema.ValueKind for what each
// kind becomes.
//
// The package never needs a translate.Translator, never parses SQL and
// never talks to a database.
//
// Its API takes rows as []copytext.Field (translate/copytext), a public
// type: internal/pgtext's Field is an alias of it, so rows decoded by the
// internal dump reader and rows built by a caller outside the module are the
// same type (issue 13; the test in internal/apicheck enforces it).
package rowcodec
