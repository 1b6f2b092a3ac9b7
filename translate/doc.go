// Package translate turns the PostgreSQL statements of a pg_dump into the
// Dolt schema model and encodes the dump's rows as MySQL-dialect literals.
//
// In: [dump.Event] values from the dump reader. A first pass feeds every
// schema statement to [Translator.Statement]; [Translator.Finish] then yields
// the [schema.Database] to create. A second pass hands each COPY block or
// INSERT statement to [Translator.CopyRows] or [Translator.InsertRows], whose
// [Rows] encode each row as a SQL tuple.
//
// Out: the schema model, SQL tuples, and entries in the run report saying
// for every object whether it was translated, changed (and how) or skipped
// (and why).
//
// Statements are parsed with pg_query_go (the PostgreSQL 16 parser); its
// syntax tree never leaves this package. The package never opens a database
// connection and never writes to Dolt.
//
// The type rules follow the PostgreSQL manual, chapter 8 "Data Types", and
// the Dolt limits in Dolt's docs, "SQL Language Support: Data Types"
// (https://docs.dolthub.com/sql-reference/sql-support/data-types).
package translate
