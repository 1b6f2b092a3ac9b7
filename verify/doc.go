// Package verify checks that a Dolt database holds exactly the rows of the
// PostgreSQL tables it was copied from.
//
// In: a PostgreSQL connection or transaction (for a live source, the
// snapshot transaction of source.Live, so the check sees the data pg_dump
// dumped), a Dolt connection (loader.Target.Conn(), or any *sql.DB,
// *sql.Conn or *sql.Tx on the Dolt database), and the *schema.Database
// that translate made from the source's schema ([Schema] builds it from a
// schema-only dump through translate.ReadSchema, copy's own first pass). The schema gives, for each Dolt table, its PostgreSQL
// relation (a partitioned table's rows are read through its parent, so they
// include every partition) and the PostgreSQL name and Dolt name of each
// column.
//
// Out: one [TableResult] per table: the row count and an order-independent
// hash of the rows on each side, whether they are equal, and for a table
// that differs a sample (at most [SampleSize]) of the primary keys of rows
// that differ, are missing on one side, or were added; for a table without
// a primary key, of the rows themselves. A text value in a sample is cut
// as messages cut values (diag.Excerpt): its first diag.ExcerptLen (200)
// bytes, then "... (N bytes)". [Err] turns the results into an error
// naming every differing table.
//
// How values are compared: each value is read as text in a form both sides
// can produce, in SQL, then normalised in Go (see plan.go): booleans as
// 1/0; timestamp with time zone in UTC and every timestamp as
// YYYY-MM-DD HH:MM:SS.ffffff; dates as YYYY-MM-DD; character(n) with its
// padding (format('%s', c)); bytea as lower-case hex; numbers as exact
// decimals (1.50 = 1.5); real and double precision as the shortest text that
// reads back as the same float4 or float8; arrays, json and jsonb as
// canonical JSON (sorted keys, exact numbers); everything else as its
// PostgreSQL text form against Dolt's CAST(... AS CHAR). A row's hash is the
// SHA-256 of its normalised values (each with a length prefix, NULL marked
// apart from ”); a table's hash is the sum of its row hashes modulo 2^256,
// which does not depend on row order and counts duplicate rows.
//
// [ColumnReading] gives the reading and normalisation of one column of a
// PostgreSQL type, with the type's default Dolt mapping, to a caller that
// compares a relation verify does not (cmd/pgcopy's view tests compare
// every view Dolt has with PostgreSQL's this way).
//
// On the PostgreSQL side verify sets DateStyle, IntervalStyle and
// extra_float_digits locally in the transaction (as pg_dump does); given a
// *pgx.Conn it opens its own REPEATABLE READ, READ ONLY transaction so that
// the counting pass and the diff pass see one snapshot.
//
// A table with a database (pgcopy --schemas databases; schema.Table.Database)
// is read with its database-qualified name, so one Dolt session compares
// every database; its results are named database.table.
//
// The package never writes to either database, never opens one (the
// caller, internal/pipeline.Verify, opens the source and the target) and
// never compares schemas (column types, keys and indexes): only the rows.
//
// Its API takes only public types (a pgx.Tx, a database/sql-style Dolt
// connection, *schema.Database), so a caller outside the module can use it;
// the check `copy --verify` runs on its internal source.Input
// (internal/pipeline's verifySnapshot) lives with the orchestrator that owns
// that input (issue 13).
package verify
