// Package sqltext writes MySQL-dialect SQL text for Dolt: quoted identifiers
// and literal values.
//
// In: Go strings and byte slices. Out: SQL text appended to a byte slice.
//
// The package never talks to a database and never interprets PostgreSQL
// syntax. Quoting follows the MySQL 8.0 Reference Manual, "Schema Object
// Names" (§11.2) and "String Literals" (§11.1.1), which Dolt implements
// (https://docs.dolthub.com/sql-reference/sql-support).
package sqltext
