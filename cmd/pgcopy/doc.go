// Command pgcopy copies a PostgreSQL database, given as a pg_dump dump or a
// live server, into a Dolt database and makes one Dolt commit.
//
// Usage:
//
//	pgcopy copy --dump pagila.sql --target ./pagila-dolt
//
// In: the command line (urfave/cli/v2 flags and subcommands, app.go) and
// the environment (PGPASSWORD-style password sources). Out: the exit code
// (app.go lists them), the run report on stderr (or --report as JSON) and
// diag.Error messages with their hints. It never opens Dolt, parses a dump
// or translates anything itself: every job is a call into internal/pipeline
// (or internal/follow), which runs the steps.
//
// See README.md for the full documentation.
package main
