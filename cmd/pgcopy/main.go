package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

func main() {
	// The embedded Dolt engine reports usage over the network unless
	// DOLT_METRICS_DISABLED is set when the process starts: the driver reads
	// it in a package init, before main runs (dolthub/driver connector.go).
	// pgcopy never reports anything, so it re-executes itself with the
	// variable set.
	if _, ok := os.LookupEnv("DOLT_METRICS_DISABLED"); !ok {
		if exe, err := os.Executable(); err == nil {
			env := append(os.Environ(), "DOLT_METRICS_DISABLED=true")
			syscall.Exec(exe, os.Args, env) // returns only on failure; then go on as is
		}
	}
	// A soft heap limit: the embedded engine's heap otherwise grows with the
	// load (measured: peak RSS -30 % at no cost in time; BENCHMARKS.md).
	// GOMEMLIMIT in the environment overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
	// PGCOPY_CPUPROFILE=FILE writes a pprof CPU profile of the whole run
	// (scripts/bench.sh and BENCHMARKS.md use it; go tool pprof reads it).
	if path := os.Getenv("PGCOPY_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "pgcopy: PGCOPY_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "pgcopy: PGCOPY_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
		pprof.StopCPUProfile()
		f.Close()
		os.Exit(code)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
