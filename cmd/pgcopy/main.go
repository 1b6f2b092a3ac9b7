// Command pgcopy copies a PostgreSQL database, given as a pg_dump
// plain-format dump, into a Dolt database and makes one Dolt commit.
//
// Usage:
//
//	pgcopy copy --dump pagila.sql --target ./pagila-dolt
//
// See README.md for the full documentation.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
