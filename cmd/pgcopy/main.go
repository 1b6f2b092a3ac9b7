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
	var cpu *os.File
	if path := os.Getenv("PGCOPY_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "pgcopy: PGCOPY_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		cpu = f
	}
	code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
	if cpu != nil {
		pprof.StopCPUProfile()
		cpu.Close()
	}
	// PGCOPY_MEMPROFILE=FILE writes a pprof heap profile when the run ends:
	// bytes in use at the last GC and bytes allocated over the whole run
	// (default runtime.MemProfileRate sampling; BENCHMARKS.md §11 uses it;
	// go tool pprof -sample_index=alloc_space reads the allocations).
	if path := os.Getenv("PGCOPY_MEMPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.Lookup("heap").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "pgcopy: PGCOPY_MEMPROFILE: %v\n", err)
		}
	}
	os.Exit(code)
}
