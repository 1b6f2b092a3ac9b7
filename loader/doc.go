// Package loader writes pgcopy's translated schema and rows into a Dolt
// database over database/sql, and makes the Dolt commit.
//
// In: a target (a directory for the embedded engine, github.com/dolthub/driver,
// or a mysql:// URL of a dolt sql-server), the [schema.Database] from
// translate, and rows (SQL tuples, or Go values for the embedded engine).
// Out: tables and rows in the target's working set, and finally one Dolt
// commit.
//
// Both targets go through the same code: one pinned *sql.Conn (Dolt keeps
// session state such as FOREIGN_KEY_CHECKS per connection), every write
// through ExecContext (the embedded driver drops errors of writes run through
// QueryContext; dolt-facts D). Rows differ by target:
//   - sql-server (and the embedded engine with Options.SQLInserts): batched
//     multi-row INSERT statements of 1,000 rows;
//   - embedded (the default): batches of 1,000 rows of Go values, written
//     through the engine's analyzed INSERT plan with a row source instead
//     of SQL text, the path `dolt table import` takes
//     (mvdata.SqlEngineTableWriter). It skips parsing and planning the
//     statement text and is about 1.4x faster (BENCHMARKS.md). The engine
//     session is read from dolthub/driver's unexported DoltConn fields by
//     reflection (bulk.go), the one place pgcopy reaches past a
//     dependency's API; the driver version is pinned in go.mod and
//     TestBulkPathIsUsed fails if the fields change.
//
// Each batch runs on a goroutine of its own while the caller prepares the
// next one (Inserter). Both paths store identical tables: TestTypeMatrix
// compares dolt_hashof_table of the two.
// The loader never parses PostgreSQL and never decides how a value is
// converted; translate does. It never commits anything that failed: a run
// that stops early leaves the branch HEAD untouched, and the next run resets
// the working set first (Dolt docs, "Version Control Features: Working Set").
//
// Several databases (pgcopy --schemas databases; databases.go): the target
// database and those of [Target.AddDatabases] share the one pinned
// session, in which every database has its work branch checked out; rows
// are written with database-qualified names, one database per SQL
// transaction (Dolt refuses more); DDL, DOLT_COMMIT, DOLT_GC and
// constraint checks run per database after [Target.Use]. Dolt has no
// commit over several databases: [Target.Publish] publishes nothing unless
// every branch is where StartWork found it, then fast-forwards the
// databases one after another, the target last. The loader never drops a
// database.
package loader
