package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/verify"
)

// exitDiffer is pgcopy verify's exit code when some table differs.
const exitDiffer = 3

// exitCode is an error that carries a process exit code; the command
// printed everything itself, so run prints nothing more.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// sourceFlags are the flags that choose the input of copy (and verify):
// a dump file, or a live server read on one snapshot.
func sourceFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "source", Usage: "read a live PostgreSQL server on one snapshot: postgres://USER@HOST:PORT/DB `URL` or libpq \"key=value\" string (PG* variables fill in the rest; DATABASE_URL when neither --source nor --dump is given); put the password in PGPASSWORD or ~/.pgpass"},
		&cli.StringFlag{Name: "pg-dump", Usage: "pg_dump program `PATH` for --source (default: on PATH, at least the server's major version)"},
		&cli.StringFlag{Name: "pg-restore", Usage: "pg_restore program `PATH` for custom, directory and tar-format --dump archives (default: next to --pg-dump, or on PATH)"},
		&cli.StringSliceFlag{Name: "table", Aliases: []string{"t"}, Usage: "with --source, copy only tables matching `PATTERN` (pg_dump --table; repeatable)"},
		&cli.StringSliceFlag{Name: "exclude-table", Aliases: []string{"T"}, Usage: "with --source, skip tables matching `PATTERN` (pg_dump --exclude-table; repeatable)"},
		&cli.StringSliceFlag{Name: "schema", Aliases: []string{"n"}, Usage: "with --source, copy only schemas matching `PATTERN` (pg_dump --schema; repeatable)"},
	}
}

func liveOptions(c *cli.Context) source.LiveOptions {
	return source.LiveOptions{PgDump: c.String("pg-dump"), Tables: c.StringSlice("table"),
		ExcludeTables: c.StringSlice("exclude-table"), Schemas: c.StringSlice("schema")}
}

func hasFilters(c *cli.Context) bool {
	return len(c.StringSlice("table")) > 0 || len(c.StringSlice("exclude-table")) > 0 || len(c.StringSlice("schema")) > 0
}

// sourceURL is --source, else DATABASE_URL.
func sourceURL(c *cli.Context) string {
	if s := c.String("source"); s != "" {
		return s
	}
	return os.Getenv("DATABASE_URL")
}

// openInput opens what copy reads: --dump (plain, gzip, or a pg_restore
// archive) or the live server of --source / DATABASE_URL.
func openInput(ctx context.Context, c *cli.Context, stdin io.Reader) (source.Input, error) {
	dump := c.String("dump")
	if dump != "" && c.String("source") != "" {
		return nil, usageError{"give either --dump or --source, not both"}
	}
	if dump != "" {
		if hasFilters(c) {
			return nil, usageError{"--table, --exclude-table and --schema select what pg_dump reads from --source; a --dump file is copied whole"}
		}
		return source.Open(dump, stdin, source.OpenOptions{PgRestore: c.String("pg-restore"), PgDump: c.String("pg-dump")})
	}
	u := sourceURL(c)
	if u == "" {
		return nil, usageError{"copy needs --dump FILE or --source URL (or DATABASE_URL), and --target DIR (see pgcopy copy --help)"}
	}
	return source.OpenLive(ctx, u, liveOptions(c))
}

func verifyCommand(stdout, stderr io.Writer) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "target", Usage: "the Dolt copy: database `DIR`, or mysql://USER:PASS@HOST:PORT/DB of a dolt sql-server", EnvVars: []string{"PGCOPY_TARGET"}},
		targetPasswordFlag(),
		&cli.StringFlag{Name: "branch", Usage: "compare Dolt `BRANCH` (default: the database's default branch)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only the tables that differ"},
	}
	for _, f := range sourceFlags() {
		if n := f.Names()[0]; n != "pg-restore" {
			flags = append(flags, f)
		}
	}
	// the flags that shape the target, as copy takes them (explain.go),
	// so that verify compares what copy made
	flags = append(append(flags, overrideFlags()...), schemaFlags(false)...)
	return &cli.Command{
		Name:  "verify",
		Usage: "compare every table of a Dolt copy with the PostgreSQL server it was copied from",
		UsageText: "pgcopy verify --source URL --target DIR|mysql://USER:PASS@HOST:PORT/DB [--table PATTERN]...\n\n" +
			"Reads PostgreSQL on one snapshot and compares each table's row count and an order-independent hash of\n" +
			"its normalised values with Dolt's; for a table that differs it lists up to 5 differing primary keys.\n" +
			"Exit status: 0 all equal, 3 some table differs, 1 error, 2 usage.",
		Flags: flags,
		Action: func(c *cli.Context) error {
			if c.String("target") == "" || sourceURL(c) == "" {
				return usageError{"verify needs --source URL (or DATABASE_URL) and --target DIR (see pgcopy verify --help)"}
			}
			if err := loader.CheckTarget(c.String("target"), targetPassword(c)); err != nil {
				return err // exit 2
			}
			ctx, stop := signalContext()
			defer stop()
			results, m, err := runVerify(ctx, c)
			if err != nil {
				var usage usageError
				if errors.As(err, &usage) {
					return err
				}
				if intr, ok := interruptedBy(ctx, err).(interrupted); ok {
					intr.readOnly = true // run prints "interrupted by SIGINT", exits 130/143
					return intr
				}
				fmt.Fprintf(stderr, "pgcopy: error: %v\n", err)
				if h := diag.HintOf(err); h != "" {
					fmt.Fprintf(stderr, "hint: %s\n", h)
				} else {
					fmt.Fprintf(stderr, "hint: %s\n", shapeHint)
				}
				return exitCode(exitError)
			}
			var rows int64
			differ := 0
			for _, r := range results {
				rows += r.PGRows
				if !r.Equal {
					differ++
				}
				if !r.Equal || !c.Bool("quiet") {
					mark := "ok     "
					if !r.Equal {
						mark = "DIFFERS"
					}
					fmt.Fprintf(stdout, "%s %s\n", mark, r)
				}
			}
			fmt.Fprintf(stdout, "%d tables, %d rows in PostgreSQL %s (snapshot %s at %s): ", len(results), rows, m.Source,
				m.Snapshot, m.SnapshotTime.Format("2006-01-02 15:04:05Z07:00"))
			if differ == 0 {
				fmt.Fprintln(stdout, "all equal in Dolt")
				return nil
			}
			fmt.Fprintf(stdout, "%d differ in Dolt\n", differ)
			fmt.Fprintf(stderr, "pgcopy: verify: %d of %d tables differ between PostgreSQL and Dolt (listed above)\nhint: %s\nhint: %s\n",
				differ, len(results), diag.HintOf(verify.Err(results)), shapeHint)
			return exitCode(exitDiffer)
		},
	}
}

// shapeHint is verify's reminder that it compares the shape copy made.
const shapeHint = "verify must be given the flags that shaped the copy: the same --overrides, --schemas and --infer-lengths as pgcopy copy " +
	"(a table renamed or a column skipped by an override is otherwise missing in Dolt)"

// runVerify reads the flags and runs pipeline.Verify: the source on a
// snapshot, its schema through copy's pass 1, and every table compared
// with the target.
func runVerify(ctx context.Context, c *cli.Context) ([]verify.TableResult, source.Meta, error) {
	topts, err := translateOptions(c) // the same shape flags and options as copy
	if err != nil {
		return nil, source.Meta{}, err
	}
	return pipeline.Verify(ctx, pipeline.VerifyOptions{Source: sourceURL(c), Live: liveOptions(c), Target: c.String("target"),
		TargetPassword: targetPassword(c), Branch: c.String("branch"), Translate: topts})
}
