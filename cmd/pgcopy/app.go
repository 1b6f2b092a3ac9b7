package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
	// exitPublished: copy committed and published the snapshot, then a
	// later step (--tag, --push) failed. (3 is verify's "tables differ".)
	exitPublished = 4
	// exitInterrupted: SIGINT or SIGTERM stopped the run; nothing was
	// committed (128 + SIGINT, as shells report it).
	exitInterrupted = 130 // 143 for SIGTERM (interrupted.code)
)

// run is the testable entry point: it parses args, runs the command and
// returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := exitOK
	app := &cli.App{
		Name:      "pgcopy",
		Usage:     "copy a PostgreSQL database into Dolt, as one Dolt commit",
		Version:   pipeline.Version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		ExitErrHandler: func(*cli.Context, error) {
			// errors are printed by run
		},
		Commands: []*cli.Command{copyCommand(stdin, stdout, stderr), translateCommand(stdin, stdout, stderr), verifyCommand(stdout, stderr),
			explainCommand(stdin, stdout, stderr), overridesCommand(stdin, stdout, stderr), followCommand(stdout, stderr)},
	}
	err := app.Run(args)
	if err == nil {
		return code
	}
	if ec := exitCode(0); errors.As(err, &ec) {
		return int(ec) // the command printed its own messages
	}
	var intr interrupted
	if errors.As(err, &intr) {
		fmt.Fprintf(stderr, "pgcopy: %v\n", intr)
		return intr.code()
	}
	var usage usageError
	if errors.As(err, &usage) {
		fmt.Fprintf(stderr, "pgcopy: %v\n", diag.Redact(err.Error()))
		if h := diag.HintOf(err); h != "" {
			fmt.Fprintf(stderr, "hint: %s\n", h)
		}
		return exitUsage
	}
	var spec *loader.SpecError // a bad target URL or password source
	if errors.As(err, &spec) {
		fmt.Fprintf(stderr, "pgcopy: error: %v\nhint: %s\n", err, diag.HintOf(err))
		return exitUsage
	}
	isCopy := len(args) > 1 && args[1] == "copy"
	var pub *pipeline.PublishedError
	if errors.As(err, &pub) {
		fmt.Fprintf(stderr, "pgcopy: error: %v\n", diag.Redact(err.Error()))
		what := "committed " + pub.Commit + " and published it"
		if pub.Commit == "" {
			what = "found the snapshot unchanged (no new commit)"
		}
		fmt.Fprintf(stderr, "pgcopy: the copy %s on branch %s of %s; then %s failed\n", what, pub.Branch, pub.Target, pub.Step)
		fmt.Fprintln(stderr, "hint: the snapshot is complete and stays published; redo only the failed step (dolt tag / dolt push in the target), or rerun the copy, which makes no new commit for the same source")
		return exitPublished
	}
	if errors.Is(err, context.Canceled) {
		if isCopy {
			fmt.Fprintln(stderr, "pgcopy: interrupted; nothing was committed; the target's branch is unchanged")
		} else {
			fmt.Fprintln(stderr, "pgcopy: interrupted")
		}
		return exitInterrupted
	}
	fmt.Fprintf(stderr, "pgcopy: error: %v\n", diag.Redact(err.Error()))
	if h := diag.HintOf(err); h != "" {
		fmt.Fprintf(stderr, "hint: %s\n", h)
	}
	if isCopy {
		fmt.Fprintln(stderr, "pgcopy: nothing was committed; the target's branch is unchanged")
	}
	return exitError
}

// interrupted is the error of a copy that SIGINT or SIGTERM stopped; run
// prints "interrupted by SIGINT; nothing was committed" and exits 128 +
// the signal number (130, 143), as a shell reports a process it stopped.
// With readOnly (verify) it says that nothing was changed.
type interrupted struct {
	sig      syscall.Signal
	readOnly bool
}

func (e interrupted) Error() string {
	name := "SIGTERM"
	if e.sig == syscall.SIGINT {
		name = "SIGINT"
	}
	if e.readOnly {
		return fmt.Sprintf("interrupted by %s; verify compares only: nothing was changed", name)
	}
	return fmt.Sprintf("interrupted by %s; nothing was committed; the target's branch is unchanged", name)
}

func (e interrupted) code() int { return 128 + int(e.sig) }

// signalContext returns a context that SIGINT or SIGTERM cancels with
// interrupted as its cause.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		if s, ok := <-ch; ok {
			cancel(interrupted{sig: s.(syscall.Signal)})
		}
	}()
	return ctx, func() { signal.Stop(ch); close(ch); cancel(nil) }
}

// interruptedBy turns err into the interruption when ctx was cancelled by
// a signal (the pipeline reports it as "context canceled").
func interruptedBy(ctx context.Context, err error) error {
	var intr interrupted
	if err != nil && errors.As(context.Cause(ctx), &intr) {
		return intr
	}
	return err
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func copyCommand(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "copy",
		Usage:     "copy a pg_dump plain-format dump into a Dolt database and commit it",
		UsageText: "pgcopy copy --dump FILE|- --target DIR|mysql://USER:PASS@HOST:PORT/DB",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "dump", Usage: "pg_dump plain-format dump `FILE` (.gz is decompressed; - reads stdin)"},
			&cli.StringFlag{Name: "target", Usage: "Dolt database `DIR` (created if missing), or mysql://USER:PASS@HOST:PORT/DB of a dolt sql-server", EnvVars: []string{"PGCOPY_TARGET"}},
			targetPasswordFlag(),
			&cli.StringFlag{Name: "author", Usage: "commit author `\"Name <email>\"`", Value: pipeline.DefaultAuthor},
			&cli.StringFlag{Name: "branch", Usage: "publish to `BRANCH` (created from HEAD if missing)", Value: "main"},
			&cli.StringFlag{Name: "tag", Usage: "tag the new commit `NAME`"},
			&cli.StringFlag{Name: "push", Usage: "push the branch (and tag) to `REMOTE` (a remote name or a URL such as file:///path; https://USER@HOST/... takes the password from DOLT_REMOTE_PASSWORD; credentials are never stored or printed)"},
			&cli.BoolFlag{Name: "no-gc", Usage: "skip dolt_gc() after the commit"},
			&cli.StringFlag{Name: "row-hashes", Usage: "keep the per-row hashes that let the next run onto this target write only a changed table's changed rows in `DIR` (default: TARGET/.pgcopy/rowhash, or ~/.cache/pgcopy/rowhash for a mysql:// target; off: reload every changed table)"},
			&cli.IntFlag{Name: "max-errors", Usage: "reject up to `N` bad rows into the reject file instead of failing", Value: 0},
			&cli.StringFlag{Name: "reject-file", Usage: "write rejected rows' original dump lines to `FILE` (reasons in FILE.log)", Value: "pgcopy.rejects"},
			&cli.StringFlag{Name: "on-unrepresentable", Usage: "values Dolt cannot store (NaN, ±Infinity, BC dates, years > 9999): `POLICY` clamp-infinity (±infinity in date/timestamp/timestamptz becomes 9999-12-31 23:59:59.999999 / 0001-01-01 00:00:00, the rest fails), error (all fail), null, or clamp (every one clamped; NaN becomes NULL)", Value: string(pipeline.UnrepClampInfinity)},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "load `N` COPY blocks at once, each on its own session (needs an uncompressed dump file)", Value: 1},
			&cli.Int64Flag{Name: "split-rows", Usage: "with --jobs, load a COPY block of more than `N` rows in parts of N rows on several sessions (tables with a primary key; 0: never split)", Value: 100000},
			&cli.BoolFlag{Name: "sql-inserts", Usage: "embedded target: write rows as multi-row INSERT statements instead of through the engine's INSERT plan (slower; for comparison)"},
			&cli.Int64Flag{Name: "gc-every", Usage: "bound memory after every `N` loaded rows, counted over all --jobs sessions: drop the embedded engine's node cache, or with --server-gc run dolt_gc() on a mysql:// target (0: never)", Value: 500000},
			&cli.BoolFlag{Name: "server-gc", Usage: "on a mysql:// target, run dolt_gc() every --gc-every rows (it ends every session on that server)"},
			&cli.BoolFlag{Name: "verify", Usage: "before committing, compare every table with the --source snapshot (row counts and hashes)"},
			&cli.BoolFlag{Name: "allow-fk-violations", Usage: "commit even when rows violate foreign keys; list them in the report"},
			&cli.StringFlag{Name: "report", Usage: "also write the run report as JSON to `FILE`"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary"},
			&cli.BoolFlag{Name: "verbose", Usage: "the summary lists every changed and skipped object with its dump line, and every table's rows, bytes and time"},
		}, append(append(append(sourceFlags(), allowIncompleteFlag()), overrideFlags()...), schemaFlags(false)...)...),
		Action: func(c *cli.Context) error {
			if c.String("target") == "" || (c.String("dump") == "" && sourceURL(c) == "") {
				return usageError{"copy needs --dump FILE or --source URL (or DATABASE_URL), and --target DIR (see pgcopy copy --help)"}
			}
			if err := loader.CheckTarget(c.String("target"), targetPassword(c)); err != nil {
				return err // exit 2, before the input is read
			}
			ctx, stop := signalContext()
			defer stop()
			opts := pipeline.Options{Dump: c.String("dump"), Stdin: stdin, Target: c.String("target"), TargetPassword: targetPassword(c), Author: c.String("author"),
				Branch: c.String("branch"), Tag: c.String("tag"), Push: c.String("push"), NoGC: c.Bool("no-gc"),
				MaxErrors: c.Int("max-errors"), RejectFile: c.String("reject-file"), AllowFKViolations: c.Bool("allow-fk-violations"),
				Verify: c.Bool("verify"), Jobs: c.Int("jobs"), GCEvery: c.Int64("gc-every"), ServerGC: c.Bool("server-gc"), SQLInserts: c.Bool("sql-inserts"), SplitRows: c.Int64("split-rows"), AllowIncompleteDump: c.Bool("allow-incomplete-dump"), RowHashes: c.String("row-hashes")}
			unrep, err := pipeline.ParseUnrepPolicy(c.String("on-unrepresentable"))
			if err != nil {
				return usageError{err.Error()}
			}
			opts.OnUnrepresentable = unrep
			if opts.Verify && sourceURL(c) == "" {
				return usageError{"--verify compares with a live database: give --source URL"}
			}
			if opts.Verify && (opts.MaxErrors > 0 || opts.OnUnrepresentable == pipeline.UnrepNull) {
				return usageError{"--verify cannot be combined with --max-errors or --on-unrepresentable=null: the rows they reject and the values they null " +
					"are not in Dolt, so --verify would count each as a difference; copy without --verify and run pgcopy verify to list them"}
			}
			if _, err := pipeline.CheckPush(opts.Target, opts.Push); err != nil {
				// a --push whose credentials cannot be used without storing them: exit 2
				return &diag.Error{Err: usageError{err.Error()}, Hint: diag.HintOf(err)}
			}
			tro, err := translateOptions(c) // explain.go: --overrides, --infer-lengths
			if err != nil {
				return err
			}
			opts.Translate = tro
			in, err := openInput(ctx, c, stdin)
			if err != nil {
				return err
			}
			opts.Input = in
			var bar *progressbar.ProgressBar
			if f, ok := stderr.(*os.File); ok && !c.Bool("quiet") && term.IsTerminal(int(f.Fd())) {
				opts.Progress = func(p pipeline.Progress) {
					if bar == nil {
						total := p.Total
						if total <= 0 {
							total = -1
						}
						bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(stderr),
							progressbar.OptionShowBytes(true), progressbar.OptionSetWidth(30),
							progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionShowCount(),
							progressbar.OptionClearOnFinish())
					}
					if p.Table != "" {
						bar.Describe(fmt.Sprintf("%-28s %9d/%d rows", p.Table, p.Rows, p.TableRows))
					}
					bar.Set64(p.Read)
				}
			}
			res, err := pipeline.Copy(ctx, opts)
			if pub := (*pipeline.PublishedError)(nil); !errors.As(err, &pub) {
				err = interruptedBy(ctx, err)
			}
			if bar != nil {
				bar.Finish()
				fmt.Fprintln(stderr)
			}
			if res != nil && res.Report != nil {
				if !c.Bool("quiet") {
					writeSummary(c, res.Report, stderr)
				}
				if p := c.String("report"); p != "" {
					setStatus(res, err)
					if werr := writeReport(p, res); werr != nil && err == nil {
						err = werr
					}
				}
			}
			if err != nil {
				return err
			}
			if len(res.Report.Databases) > 0 {
				for _, d := range res.Report.Databases {
					if d.Commit != "" {
						fmt.Fprintf(stdout, "committed %s to database %s of %s\n", d.Commit, d.Name, res.Report.Target)
					} else {
						fmt.Fprintf(stdout, "no changes in database %s of %s; no commit made\n", d.Name, res.Report.Target)
					}
				}
			} else if res.Changed {
				fmt.Fprintf(stdout, "committed %s to %s\n", res.Commit, res.Report.Target)
			} else {
				fmt.Fprintf(stdout, "no changes since the last snapshot in %s; no commit made\n", res.Report.Target)
			}
			return nil
		},
	}
}

// writeSummary writes the end-of-run summary: the short one, or with
// --verbose every object.
func writeSummary(c *cli.Context, rep *report.Report, w io.Writer) {
	if c.Bool("verbose") {
		rep.WriteVerbose(w)
		return
	}
	rep.WriteText(w)
}

// setStatus records the run's outcome and error, with its position, in
// the report that --report writes.
func setStatus(res *pipeline.Result, err error) {
	r := res.Report
	switch {
	case err == nil && res.Changed:
		r.Status = "ok"
	case err == nil:
		r.Status = "unchanged"
		for _, d := range r.Databases {
			if d.Commit != "" {
				r.Status = "ok"
			}
		}
	default:
		r.Status = "failed"
		if errors.As(err, new(interrupted)) {
			r.Status = "interrupted"
		}
		re := &report.RunError{Message: diag.Redact(err.Error()), Hint: diag.HintOf(err)}
		var de *diag.Error
		if errors.As(err, &de) {
			re.File, re.Line, re.Table, re.Column = de.Pos.File, de.Pos.Line, de.Table, de.Column
		}
		r.Error = re
	}
}

func writeReport(path string, res *pipeline.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := res.Report.WriteJSON(f); err != nil {
		f.Close()
		return fmt.Errorf("write report: %w", err)
	}
	return f.Close()
}

func translateCommand(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "translate",
		Usage:     "write a pg_dump as a MySQL-dialect script for `dolt sql` (schema and rows), without touching any database",
		UsageText: "pgcopy translate --dump FILE|- [-o OUT.sql] [--schemas MODE [--database NAME]]",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "dump", Usage: "pg_dump plain-format dump `FILE` (.gz is decompressed; - reads stdin)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the script to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "report", Usage: "also write the run report as JSON to `FILE`"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no summary"},
			&cli.BoolFlag{Name: "verbose", Usage: "the summary lists every changed and skipped object with its dump line"},
		}, append(overrideFlags(), allowIncompleteFlag())...), schemaFlags(true)...),
		Action: func(c *cli.Context) error {
			if c.String("dump") == "" {
				return usageError{"translate needs --dump FILE (see pgcopy translate --help)"}
			}
			tro, err := translateOptions(c) // explain.go: --overrides, --infer-lengths, --schemas, --database
			if err != nil {
				return err
			}
			if tro.Schemas == translate.SchemasDatabases && tro.Database == "" {
				return usageError{"translate --schemas databases needs --database NAME: the script creates the database NAME for public and NAME_S for each other schema S (copy takes NAME from --target)"}
			}
			out := stdout
			var f *os.File
			if p := c.String("output"); p != "" {
				var err error
				if f, err = os.Create(p); err != nil {
					return err
				}
				out = f
			}
			rep, err := pipeline.Translate(c.Context, pipeline.TranslateOptions{Dump: c.String("dump"), Stdin: stdin, Translate: tro, AllowIncompleteDump: c.Bool("allow-incomplete-dump")}, out)
			if f != nil {
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if rep != nil && !c.Bool("quiet") {
				writeSummary(c, rep, stderr)
			}
			if rep != nil && c.String("report") != "" {
				res := &pipeline.Result{Report: rep, Changed: true}
				setStatus(res, err)
				if werr := writeReport(c.String("report"), res); werr != nil && err == nil {
					err = werr
				}
			}
			return err
		},
	}
}
