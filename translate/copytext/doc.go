// Package copytext splits one line of PostgreSQL's COPY text format into
// fields and decodes their backslash escapes (the PostgreSQL manual, "COPY",
// "File Formats" / "Text Format").
//
// In: one data line (no line terminator). Out: []Field, each NULL or the
// field's decoded bytes. It never interprets a field's value as a typed
// PostgreSQL value (that is internal/pgtext) and never reads a whole COPY
// block (that is internal/dump).
//
// Why a public package: Field is what translate/rowcodec decodes, and
// rowcodec is public (follow mode and outside callers build rows with it).
// A public API must not take a type a caller outside the module cannot
// build, so Field and DecodeRow live here; internal/pgtext keeps aliases
// (pgtext.Field = copytext.Field, pgtext.DecodeRow) so its callers are
// unchanged, following the dump.Pos = schema.Pos precedent.
package copytext
