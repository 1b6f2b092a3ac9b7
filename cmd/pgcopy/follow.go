package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/follow"
	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
)

// streamMemoryLimit is the follower's soft memory limit while it streams
// (follow.Options.StreamMemoryLimit), in place of the 256 MiB that main
// sets for a copy. Dolt's node cache alone holds up to 256 MiB of node
// bytes, and a follower keeps writing scattered leaves into it, so at
// 256 MiB Go's GC runs back to back once the cache fills. Measured at
// pgbench scale 10, --commit-every 2s, 60 s of pgbench -R 4000 on this
// 2-core machine (BENCHMARKS.md section 11): at 256 MiB the GC's mark
// workers took 37 % of the follower's CPU samples, it spent 0.361 core-s
// per 1,000 TPC-B transactions and fell 24 s behind; at 512 MiB 0.190
// core-s, lag at most 4.6 s, RSS at most 532 MiB; with no limit 0.182
// core-s and RSS 735 MiB. At 1,000 to 3,000 transactions/s, 256 MiB cost
// 0.176 to 0.202 core-s per 1,000. Over 10 minutes the follower kept
// up with 2,000/s (RSS levelled at about 580 MiB) but not with 3,000/s:
// the chunk journal's index, which Dolt keeps in memory until a GC, grows
// with the journal (98 MB at 3.1 GB) and fills any limit in the end.
// GOMEMLIMIT in the environment overrides it.
const streamMemoryLimit = 512 << 20

// followCommand is `pgcopy follow` (internal/follow).
func followCommand(stdout, stderr io.Writer) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "target", Usage: "Dolt database `DIR` (created if missing), or mysql://USER:PASS@HOST:PORT/DB of a dolt sql-server", EnvVars: []string{"PGCOPY_TARGET"}},
		targetPasswordFlag(),
		&cli.StringFlag{Name: "author", Usage: "commit author `\"Name <email>\"`", Value: pipeline.DefaultAuthor},
		&cli.StringFlag{Name: "branch", Usage: "follow into `BRANCH` (created from HEAD if missing)", Value: "main"},
		&cli.DurationFlag{Name: "commit-every", Usage: "make one Dolt commit every `DURATION` (at a transaction boundary)", Value: time.Hour},
		&cli.StringFlag{Name: "slot", Usage: "logical replication slot `NAME` (default: the one the branch's head commit names, else pgcopy_<database>_<branch>)"},
		&cli.StringFlag{Name: "publication", Usage: "publication `NAME` (default: as for --slot)"},
		&cli.StringFlag{Name: "until", Usage: "`now`: stop after the commit that covers the server's WAL position at the start (catch up, commit, exit)"},
		&cli.BoolFlag{Name: "drop-slot", Usage: "drop the replication slot and the publication, then exit"},
		&cli.BoolFlag{Name: "resnapshot", Usage: "drop the slot, create a new one and copy its snapshot onto the branch (one commit), then stream (after a schema change)"},
		&cli.StringFlag{Name: "report", Usage: "append one JSON line per commit to `FILE`"},
		&cli.Int64Flag{Name: "warn-retained-mb", Usage: "warn when the slot retains more than `MB` of WAL (pg_replication_slots; 0: 1024; -1: never)"},
		&cli.Int64Flag{Name: "gc-journal-mb", Usage: "directory target: start DOLT_GC in the background after a commit once the chunk journal holds `MB` and as much as the store after the last GC (default 0: never; most of the journal is history at short --commit-every)"},
		&cli.StringFlag{Name: "on-unrepresentable", Usage: "values Dolt cannot store: `POLICY` clamp-infinity, error, null or clamp (as copy)", Value: string(pipeline.UnrepClampInfinity)},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress lines and no copy summary"},
	}
	for _, f := range sourceFlags() {
		if n := f.Names()[0]; n != "pg-restore" {
			flags = append(flags, f)
		}
	}
	flags = append(append(flags, overrideFlags()...), schemaFlags(false)...)
	return &cli.Command{
		Name:      "follow",
		Usage:     "keep a Dolt branch current with a PostgreSQL database through logical replication, one commit per interval",
		UsageText: "pgcopy follow --source URL --target DIR|mysql://... [--commit-every 1h] [--until now] [--slot NAME] [--publication NAME] [--drop-slot] [--resnapshot]",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			if c.String("target") == "" || sourceURL(c) == "" {
				return usageError{"follow needs --source URL (or DATABASE_URL) and --target DIR|mysql://... (see pgcopy follow --help)"}
			}
			if u := c.String("until"); u != "" && u != "now" {
				return usageError{"--until takes only now (stop after the commit that covers the server's WAL position at the start)"}
			}
			if c.Bool("drop-slot") && c.Bool("resnapshot") {
				return usageError{"give --drop-slot or --resnapshot, not both"}
			}
			if c.Duration("commit-every") <= 0 {
				return usageError{"--commit-every must be a positive duration such as 2s, 10m or 1h"}
			}
			unrep, err := pipeline.ParseUnrepPolicy(c.String("on-unrepresentable"))
			if err != nil {
				return usageError{err.Error()}
			}
			if err := loader.CheckTarget(c.String("target"), targetPassword(c)); err != nil {
				return err
			}
			tro, err := translateOptions(c)
			if err != nil {
				return err
			}
			if tro.Schemas == translate.SchemasDatabases {
				return usageError{"follow keeps one Dolt database: --schemas databases is not supported (Dolt has no commit over several databases); use prefix or prefix-all"}
			}
			ctx, stop := signalContext()
			defer stop()
			log := stderr
			if c.Bool("quiet") {
				log = io.Discard
			}
			opts := follow.Options{Source: sourceURL(c), Target: c.String("target"), TargetPassword: targetPassword(c),
				Branch: c.String("branch"), Author: c.String("author"), CommitEvery: c.Duration("commit-every"),
				Slot: c.String("slot"), Publication: c.String("publication"), UntilNow: c.String("until") == "now",
				DropSlot: c.Bool("drop-slot"), Resnapshot: c.Bool("resnapshot"), Live: liveOptions(c), Translate: tro,
				OnUnrepresentable: unrep, WarnRetained: c.Int64("warn-retained-mb") << 20, GCJournal: c.Int64("gc-journal-mb") << 20, Log: log}
			if os.Getenv("GOMEMLIMIT") == "" {
				opts.StreamMemoryLimit = streamMemoryLimit
			}
			if c.Int64("warn-retained-mb") < 0 {
				opts.WarnRetained = -1
			}
			if p := c.String("report"); p != "" {
				f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
				if err != nil {
					return fmt.Errorf("--report: %w", err)
				}
				defer f.Close()
				opts.Report = f
			}
			opts.CopyReport = func(res *pipeline.Result, err error) {
				if res != nil && res.Report != nil && !c.Bool("quiet") {
					writeSummary(c, res.Report, stderr)
				}
			}
			res, err := follow.Run(ctx, opts)
			if err != nil {
				if res != nil && res.LSN != 0 {
					fmt.Fprintf(stderr, "pgcopy: follow: branch %s holds the changes up to lsn %s\n", c.String("branch"), res.LSN)
				}
				return err
			}
			if res.Signalled {
				fmt.Fprintf(stderr, "pgcopy: follow: stopped by signal; branch %s holds the changes up to lsn %s\n", c.String("branch"), res.LSN)
			} else if !opts.DropSlot {
				fmt.Fprintf(stdout, "branch %s of %s is at lsn %s\n", c.String("branch"), diag.Redact(c.String("target")), res.LSN)
			}
			return nil
		},
	}
}
