// Package schema is pgcopy's model of the target database: the tables,
// columns, keys, indexes and foreign keys that translate decided to create in
// Dolt, each remembering the PostgreSQL object and dump line it came from.
//
// In: values built by package translate. Out: the same values, read by the
// loader, fkfix and the report, and rendered as MySQL-dialect DDL by
// [Table.CreateSQL].
//
// Usually every table goes to the target database. With PostgreSQL schemas
// as Dolt databases, [Database.Databases] lists them, each Table and View
// names its database, [Database.In] selects one database's part, and
// [Database.CrossFKs] holds the foreign keys between databases that Dolt
// cannot create.
//
// Each Column holds its type on both sides, [ColumnType]{Type, Raw} (the
// model of atlas's schema.ColumnType): Type is a typed Dolt type (the
// sealed [Type]: an integer with its width and sign, a decimal with
// precision and scale, a string with its length and character set, a
// blob, JSON, an enum with its labels, a datetime with its precision,
// ...), Raw the PostgreSQL type as the dump writes it. The model is the
// one truth about a column's type: translate and verify read and change
// the typed value, and SQL text is printed only at the edge (CREATE TABLE,
// the report, pgcopy explain) by [FormatType]. Each Column also carries
// its row codec (Codec: the ValueKind of its PostgreSQL text values),
// which package rowcodec implements, and the rule that decided its type
// (Rule, RuleNotes), which pgcopy explain prints.
//
// The package never parses PostgreSQL and never talks to a database.
//
// Why it is public and lives under translate: the top-level step packages
// (translate, loader, fkfix, verify) take and return the schema model, and a
// top-level package must not take or return an internal/ type that a caller
// outside the module could not build. The model is translate's output, so it
// is translate's public subpackage. For the same reason the positions the
// model holds are its own [Pos] (file, line, column), not a type of the
// internal dump reader: the reader's dump.Pos is an alias of [Pos], so a
// caller outside the module can build a whole schema, positions included.
// The same holds for a codec's array element kind: [ElemKind] is defined
// here and internal/pgtext.ElemKind is its alias.
package schema
