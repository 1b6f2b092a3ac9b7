// Package pgtypes is pgcopy's one registry of PostgreSQL types: the
// built-in ones (PostgreSQL manual, chapter 8 "Data Types") and those of
// the extensions shipped with PostgreSQL that pgcopy knows (appendix F:
// citext, hstore, ltree). One row per type holds its Dolt type rule (a
// typed schema.Type, from the type modifiers), its row codec
// (schema.ValueKind), the kind a view expression of it has, and how verify
// reads and compares it.
//
// In: a type name as a dump writes it ([Lookup] for built-in names,
// [LookupExtension] for an extension's type in any schema) or a
// pg_type.typname ([ByTypname]). Out: the row. translate's type mapping,
// its view rewriter and verify's column plan read it, and nothing else
// decides a PostgreSQL type's Dolt side. Enums, domains, composites and
// arrays are not rows: translate handles them around the registry; a type
// with no row (PostGIS geometry, pgvector vector) is stored as its text
// form in longtext and reported.
//
// # Adding a type
//
// Adding a PostgreSQL type is one row in the registry table of
// pgtypes.go, plus tests:
//
//  1. Write the row: Name (the pg_type.typname), Aliases (other names the
//     parser leaves in a dump), Section (of the manual), Extension (the
//     CREATE EXTENSION name, for an extension's type), Rule (the Dolt type
//     from the modifiers: fixed(Dolt{...}) for one type, text(...) to keep
//     the PostgreSQL text form in a string column, or a function; say in
//     Change what the mapping loses), Codec (how the COPY text becomes a
//     Dolt value; KindString is the text itself), View (the kind a view
//     expression of it has; ViewOther keeps views on it from being
//     rewritten) and Verify (how pgcopy verify compares it; VerifyText
//     compares the type's output text with CAST(... AS CHAR)).
//  2. Add the type to TestRegistry (or TestExtensionRow) here, and to the
//     table of TestMapTypes in package translate (the Dolt type and
//     whether the report calls it changed).
//  3. Add an end-to-end test in cmd/pgcopy that copies values of the type
//     from a real PostgreSQL with --verify and reads them back from Dolt
//     exactly: TestLtreeRow is the model.
//  4. Add the type to the table in translate's package doc.
//
// The ltree row was added this way: one row, and no other code.
//
// The package never parses SQL and never talks to a database.
package pgtypes
