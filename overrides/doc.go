// Package overrides reads pgcopy's hand-written override files: the
// corrections a team makes to the Dolt schema pgcopy would generate, one
// column, table or PostgreSQL type at a time, or one whole table as a
// MySQL-dialect CREATE TABLE.
//
// In: paths given with `--overrides PATH` (repeatable). A file ending in
// .yaml or .yml is an override file; a file ending in .sql holds whole-table
// CREATE TABLE statements; a directory loads every such file in it (not
// its subdirectories), in name order.
//
// Out: a [Set] whose every entry keeps the file and line it came from
// ([dump.Pos], printed "file:line"), so that pgcopy explain can say which
// rule decided a column and every error can point at the line to fix.
// [Set.Resolve] gives the properties the rules set on one column, by
// precedence (column rule > table rule > type rule, property by property;
// two rules of one level setting one property are an error), each with the
// line and level of its rule. Matching the entries against a dump (table
// names along the search path, partitions, PostgreSQL type names), applying
// the resolved properties, and the check that every entry matched
// something are package translate's business: this package never reads a
// dump and never parses PostgreSQL.
//
// # YAML files
//
// The top level holds two optional maps, tables and types (gopkg.in/yaml.v3;
// unknown keys are errors):
//
//	tables:
//	  public.people:              # PostgreSQL table: schema.table, or table alone
//	    rename: person            # Dolt table name
//	    skip: true                # do not create the table or load its rows
//	    skip_data: true           # create the table, load none of its rows
//	    collation: utf8mb4_0900_ai_ci   # every string column of this table
//	    types:                    # rules for the columns of one PostgreSQL type, in this table
//	      text: {type: varchar(1000)}
//	    columns:
//	      name:                   # PostgreSQL column name
//	        type: varchar(32)     # Dolt column type, written as in MySQL
//	        length: 32            # or: keep pgcopy's type family, set its length ("12,2" for decimal)
//	        collation: utf8mb4_0900_ai_ci
//	        default: "'anon'"     # a MySQL expression; null drops the default
//	        nullable: false       # false adds NOT NULL, true drops it
//	        skip: true            # do not create the column; its values are dropped
//	types:                        # rules for every column of a PostgreSQL type
//	  citext: {collation: utf8mb4_0900_ai_ci}
//	  public.geometry: {type: geometry}
//
// A type key is a PostgreSQL type as written in SQL ("text", "character
// varying", "varchar(255)", "numeric", "public.citext", "text[]"); a key
// without modifiers matches the type with any modifiers, a key without a
// schema matches the type in any schema.
//
// A type: value is a Dolt (MySQL) column type, read once by [ParseType]
// with Dolt's own SQL parser into the typed model (schema.Type): base
// type, length or precision and scale, UNSIGNED, ZEROFILL, enum and set
// labels, SRID. The Set holds the typed value; translate never sees the
// text. Column options (NOT NULL, DEFAULT, COLLATE, CHARACTER SET, keys)
// are errors there: they have properties of their own.
//
// # SQL files
//
// A .sql file holds one or more MySQL-dialect CREATE TABLE statements,
// parsed with Dolt's own SQL parser (github.com/dolthub/vitess sqlparser),
// so a statement that parses here is one Dolt accepts; each column's type
// becomes the typed model the same way as a YAML type: value. Each replaces the
// table pgcopy would generate for the dump table of the same Dolt name; its
// columns must be exactly the dump table's columns (translate checks this).
// Columns, types, collations, NOT NULL, defaults, AUTO_INCREMENT, stored
// generated columns, comments, the primary key, indexes (with prefix
// lengths and DESC), unique and FULLTEXT keys, foreign keys, CHECK
// constraints and the AUTO_INCREMENT, COMMENT and DEFAULT CHARSET/COLLATE
// table options are kept; anything else (partitioning, spatial and vector
// indexes, inline REFERENCES, NOT ENFORCED checks, virtual generated
// columns) is an error naming the file and line.
//
// A .sql file may also hold MySQL-dialect CREATE VIEW, CREATE TRIGGER and
// CREATE PROCEDURE statements ([Object], objects.go; a BEGIN ... END body
// needs no DELIMITER line). Each replaces the dump's object of the same
// name (translate matches it; one that matches nothing is an error at its
// line), and is created as written after the tables. CREATE FUNCTION is an
// error at its line: Dolt's parser, like Dolt 1.83.2, has no CREATE
// FUNCTION.
package overrides
