// Package pgtypes is pgcopy's one registry of built-in PostgreSQL types
// (PostgreSQL manual, chapter 8 "Data Types"): one row per type holding
// its Dolt type rule, its row codec (schema.ValueKind), the kind a view
// expression of it has, and how verify reads and compares it.
//
// In: a type name as a dump writes it ([Lookup]) or a pg_type.typname
// ([ByTypname]). Out: the row. translate's type mapping, its view rewriter
// and verify's column plan read it; adding a built-in type is adding a row
// (and its tests). Extension types (citext, hstore), enums, domains,
// composites and arrays are not rows: translate handles them around the
// registry.
//
// The package never parses SQL and never talks to a database.
package pgtypes
