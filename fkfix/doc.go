// Package fkfix makes the foreign keys of a freshly loaded Dolt database
// real: it resolves them and then verifies the rows against them.
//
// In: the pinned connection of a loaded target (same working set as the
// load, before the first Dolt commit) and the [schema.Database] that was
// created. Out: nil, or an error listing each violated constraint with its
// child table and a sample orphan key.
//
// Why: tables created with FOREIGN_KEY_CHECKS=0 store their foreign keys
// unresolved, and DOLT_VERIFY_CONSTRAINTS skips unresolved keys. Measured on
// Dolt 1.83 (dolt-facts A2-A4): a no-op DELETE resolves the keys in which its
// table is the parent, a no-op UPDATE those in which it is the child;
// resolving does not check existing rows, so verification must come second.
// A resolution is committed only with a change to the child table, so this
// runs before the first DOLT_COMMIT.
//
// Foreign keys between two Dolt databases (pgcopy --schemas databases)
// cannot exist in Dolt 1.83; [VerifyCross] finds their orphan rows with a
// LEFT JOIN across the databases instead. Resolve and Verify act on the
// current database: run them once per database.
//
// Keyless tables (Dolt 1.83.2 bug, measured 2026-12-03; dolt-facts F). On
// a table without a primary key, DOLT_VERIFY_CONSTRAINTS reports a NOT NULL
// violation on the column after one that holds NULLs: it reads the wrong
// column. With the dolt CLI alone:
//
//	dolt init && dolt sql -q "create table events (note longtext, n int not null);
//	  insert into events values (null, 1), ('x', 2); call dolt_add('-A');
//	  call dolt_verify_constraints('--all', '--output-only');"
//	# -> violations 1; without --output-only: "Null Constraint Violation, Columns: [n]"
//
// The same table with a primary key, or with the columns swapped, reports
// nothing. So [Verify] passes DOLT_VERIFY_CONSTRAINTS only the tables that
// have a primary key; on keyless tables pgcopy checks the foreign keys with
// its own anti-join (as on every table) and NOT NULL with a COUNT of the
// rows where a NOT NULL column IS NULL. This is the one place that works
// around the bug; remove it when Dolt's check reads the right column.
//
// fkfix never changes a row and never commits.
package fkfix
