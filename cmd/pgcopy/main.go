// Command pgcopy copies a PostgreSQL database, given as a pg_dump dump or a
// live server, into a Dolt database and makes one Dolt commit.
//
// Usage:
//
//	pgcopy copy --dump pagila.sql --target ./pagila-dolt
//
// See README.md for the full documentation.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// The embedded Dolt engine reports usage over the network unless this
	// is set when the process starts (BENCHMARKS.md); pgcopy never does.
	if os.Getenv("DOLT_METRICS_DISABLED") == "" {
		os.Setenv("DOLT_METRICS_DISABLED", "true")
	}
	// A soft heap limit: the embedded engine's heap otherwise grows with the
	// load (measured: peak RSS -30 % at no cost in time; BENCHMARKS.md).
	// GOMEMLIMIT in the environment overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
