// Package diag holds pgcopy's positioned error: a failure tied to a dump
// line, a table and a column, with a hint that tells the user what to do.
//
// In: a position from the dump reader and the names translate or the loader
// know. Out: an error whose text reads
// "pagila.sql:451: table public.film, column special_features: <what went wrong>"
// followed, in the CLI, by "hint: <what to do>".
//
// The package never decides policy; it only formats.
package diag
