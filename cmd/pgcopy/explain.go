package main

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
)

// overrideFlags are the flags of every command that translates a dump.
// allowIncompleteFlag is --allow-incomplete-dump, on every command that
// reads a dump (pipeline.Options.AllowIncompleteDump).
func allowIncompleteFlag() cli.Flag {
	return &cli.BoolFlag{Name: "allow-incomplete-dump", Usage: "accept a pg_dump dump that ends without pg_dump's trailer (\"-- PostgreSQL database dump complete\"), for dumps cut on purpose; the report notes it"}
}

func overrideFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "overrides", Usage: "hand-written override `PATH`: a .yaml/.yml rule file, a .sql file of CREATE TABLE statements, or a directory of them (repeatable; see README, Overrides)"},
		&cli.BoolFlag{Name: "infer-lengths", Usage: "give every text, varchar and char without a length VARCHAR(n), and every numeric without precision DECIMAL(p,s), from the data (keys always are)"},
	}
}

// schemaFlags choose how PostgreSQL schemas map to Dolt: --schemas on
// every command that names Dolt tables, and, with database set, --database
// for the commands that have no --target to name the databases after.
func schemaFlags(database bool) []cli.Flag {
	f := []cli.Flag{&cli.StringFlag{Name: "schemas", Value: string(translate.SchemasPrefix),
		Usage: "how PostgreSQL schemas map to Dolt: `MODE` prefix (one database; with several schemas, tables outside public are named schema_table), " +
			"prefix-all (one database; every table schema_table) or databases (public in the target database, schema S in the database TARGET_S, bare table names)"}}
	if database {
		f = append(f, &cli.StringFlag{Name: "database", Usage: "with --schemas databases, the target database's `NAME`: the database of schema S is NAME_S (explain shows TARGET_S without it)"})
	}
	return f
}

// translateOptions reads --overrides, --infer-lengths, --schemas and
// --database. Override files are read before anything else happens, so a
// mistake in them stops the run at once, naming the file and line.
func translateOptions(c *cli.Context) (translate.Options, error) {
	opts := translate.Options{InferLengths: c.Bool("infer-lengths"), Database: c.String("database")}
	mode, err := translate.ParseSchemasMode(c.String("schemas"))
	if err != nil {
		return opts, usageError{err.Error()}
	}
	opts.Schemas = mode
	if paths := c.StringSlice("overrides"); len(paths) > 0 {
		set, err := overrides.Load(paths...)
		if err != nil {
			return opts, err
		}
		opts.Overrides = set
	}
	return opts, nil
}

// explainCommand is `pgcopy explain`: for each column, the PostgreSQL
// type, the Dolt type, and which rule decided it.
func explainCommand(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print, for each column, the PostgreSQL type, the Dolt type and the rule that decided it (file:line of an override, or the built-in rule); then each trigger (translated, changed or skipped, and why) and the objects override files replace",
		UsageText: "pgcopy explain --dump FILE|- [--overrides PATH ...] [--infer-lengths] [--schemas MODE [--database NAME]] [--table T]",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "dump", Usage: "pg_dump dump `FILE` (.gz is decompressed; - reads stdin)"},
			&cli.StringSliceFlag{Name: "table", Aliases: []string{"t"}, Usage: "only table `T` (schema.table, table, or its Dolt name; repeatable)"},
		}, append(overrideFlags(), allowIncompleteFlag())...), schemaFlags(true)...),
		Action: func(c *cli.Context) error {
			if c.String("dump") == "" {
				return usageError{"explain needs --dump FILE (see pgcopy explain --help)"}
			}
			topts, err := translateOptions(c)
			if err != nil {
				return err
			}
			if topts.Schemas == translate.SchemasDatabases && topts.Database == "" {
				topts.Database = "TARGET" // names the databases TARGET_S until --database says otherwise
			}
			tr, _, rep, err := pipeline.Plan(pipeline.PlanOptions{Dump: c.String("dump"), Stdin: stdin, Translate: topts, AllowIncompleteDump: c.Bool("allow-incomplete-dump")})
			if tr != nil {
				writePlan(stdout, tr.Plan(), c.StringSlice("table"))
				writeTriggers(stdout, rep, c.StringSlice("table"))
				writeObjectOverrides(stdout, tr.ObjectOverrides())
			}
			return err
		},
	}
}

func writePlan(w io.Writer, plan []translate.ColumnPlan, only []string) {
	want := func(p translate.ColumnPlan) bool {
		if len(only) == 0 {
			return true
		}
		for _, t := range only {
			if t == p.Table || strings.EqualFold(t, p.DoltTable) || (!strings.Contains(t, ".") && strings.HasSuffix(p.Table, "."+t)) {
				return true
			}
		}
		return false
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	cur := ""
	for _, p := range plan {
		if !want(p) {
			continue
		}
		if p.Table != cur {
			if cur != "" {
				fmt.Fprintln(tw)
			}
			cur = p.Table
			dest := p.DoltTable
			if dest == "" {
				dest = "(skipped)"
			} else if p.DoltDatabase != "" {
				dest = p.DoltDatabase + "." + dest
			}
			fmt.Fprintf(tw, "%s → %s  (%s)\n", p.Table, dest, p.TablePos)
			fmt.Fprintln(tw, "  column\tPostgreSQL type\tDolt type\tdecided by\tnotes")
		}
		col := p.Column
		if p.DoltColumn != "" && p.DoltColumn != p.Column {
			col += " → " + p.DoltColumn
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", col, p.PGType, p.DoltType, p.Rule, strings.Join(p.Notes, "; "))
	}
	tw.Flush()
}

// overridesCommand is `pgcopy overrides suggest`.
func overridesCommand(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "overrides",
		Usage: "work with override files",
		Subcommands: []*cli.Command{{
			Name:      "suggest",
			Usage:     "write a starting override file: a VARCHAR(n) or DECIMAL(p,s) for every column the dump declares without a length or precision, from its data",
			UsageText: "pgcopy overrides suggest --dump FILE|- [--overrides PATH ...] > overrides.yaml",
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "dump", Usage: "pg_dump dump `FILE` (.gz is decompressed; - reads stdin)"},
			}, overrideFlags()[0], allowIncompleteFlag()),
			Action: func(c *cli.Context) error {
				if c.String("dump") == "" {
					return usageError{"overrides suggest needs --dump FILE (see pgcopy overrides suggest --help)"}
				}
				topts, err := translateOptions(c)
				if err != nil {
					return err
				}
				tr, _, _, err := pipeline.Plan(pipeline.PlanOptions{Dump: c.String("dump"), Stdin: stdin, Translate: topts, AllowIncompleteDump: c.Bool("allow-incomplete-dump")})
				if err != nil {
					return err
				}
				writeSuggestions(stdout, filepath.Base(c.String("dump")), tr.Suggestions())
				return nil
			},
		}},
	}
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)

// yamlKey quotes a key unless it is a plain identifier.
func yamlKey(s string) string {
	if plainKey.MatchString(s) && !strings.EqualFold(s, "true") && !strings.EqualFold(s, "false") &&
		!strings.EqualFold(s, "null") && !strings.EqualFold(s, "yes") && !strings.EqualFold(s, "no") && s != "y" && s != "n" {
		return s
	}
	return strconv.Quote(s)
}

func writeSuggestions(w io.Writer, dump string, sugs []translate.Suggestion) {
	fmt.Fprintf(w, `# pgcopy overrides suggested from %s by "pgcopy overrides suggest".
#
# One entry per column the dump declares without a length (text, varchar,
# char, citext) or a precision (numeric), from the values in the dump.
# Headroom rule: VARCHAR(n) with n the next power of two at or above the
# longest value, at least 16 (16, 32, 64, ...); DECIMAL(p,s) with s the
# largest number of decimal places seen and p-s the next power of two at or
# above the most integer digits, at least 16. Each comment says what was
# measured and the type pgcopy would choose without this file.
#
# Review every entry and delete those you do not want: a longer value in a
# later dump stops the run before anything is loaded, naming the row. Every
# entry must match the dump (an override that matches nothing is an error).
# Use it with: pgcopy copy --overrides THIS_FILE ...
`, dump)
	if len(sugs) == 0 {
		fmt.Fprintln(w, "#\n# Nothing to suggest: no column without a length or precision holds values.")
		return
	}
	fmt.Fprintln(w, "tables:")
	cur := ""
	for _, s := range sugs {
		if s.Table != cur {
			cur = s.Table
			fmt.Fprintf(w, "  %s:\n    columns:\n", yamlKey(s.Table))
		}
		fmt.Fprintf(w, "      %s: {type: %q}  # %s; %s; without this file: %s\n", yamlKey(s.Column), s.Type, s.PGType, s.Observed, s.Current)
	}
}

// writeTriggers lists the dump's triggers as the translation decided
// them: translated, changed (with what changed, or "from override
// FILE:LINE") or skipped (with the construct that stopped it), each with
// its dump line; then one count line per action. With only (--table),
// just the triggers on those tables (schema.table or table).
func writeTriggers(w io.Writer, rep *report.Report, only []string) {
	if rep == nil {
		return
	}
	want := func(name string) bool { // name: "trigger on schema.table"
		if len(only) == 0 {
			return true
		}
		i := strings.LastIndex(name, " on ")
		if i < 0 {
			return false
		}
		rel := name[i+len(" on "):]
		for _, t := range only {
			if strings.EqualFold(t, rel) || (!strings.Contains(t, ".") && strings.HasSuffix(strings.ToLower(rel), "."+strings.ToLower(t))) {
				return true
			}
		}
		return false
	}
	var trig []report.Object
	for _, o := range rep.Objects {
		if o.Kind == "TRIGGER" && want(o.Name) {
			trig = append(trig, o)
		}
	}
	if len(trig) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "triggers:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	n := map[report.Action]int{}
	for _, o := range trig {
		n[o.Action]++
		fmt.Fprintf(tw, "  %s	%s	%s	(%s)\n", o.Name, o.Action, o.Detail, o.Where)
	}
	tw.Flush()
	fmt.Fprintf(w, "  %d triggers: %d translated, %d changed, %d skipped\n", len(trig), n[report.Translated], n[report.Changed], n[report.Skipped])
}

// writeObjectOverrides lists the views, triggers and procedures that
// override files replace.
func writeObjectOverrides(w io.Writer, objs []translate.ObjectPlan) {
	if len(objs) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "views, triggers and procedures from override files:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, o := range objs {
		fmt.Fprintf(tw, "  %s\t%s → %s\tfrom override %s\n", o.Kind, o.PG, o.Dolt, o.Pos)
	}
	tw.Flush()
}
