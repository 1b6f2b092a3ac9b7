package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/fkfix"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// TranslateOptions configures [Translate].
type TranslateOptions struct {
	Input source.Input // the dump; when nil, Dump and Stdin name it
	Dump  string
	Stdin io.Reader

	// Translate tunes the translation (--overrides, --infer-lengths).
	Translate translate.Options
	// AllowIncompleteDump: see Options.AllowIncompleteDump.
	AllowIncompleteDump bool
}

// Translate writes the dump as one MySQL-dialect script for Dolt (`pgcopy
// translate`): session settings, every CREATE TABLE, the rows as 1,000-row
// INSERT statements, and the no-op writes that resolve the foreign keys.
// Running it with `dolt sql < FILE` on an empty database gives the same
// tables and rows as `pgcopy copy`. The dump is streamed; memory does not
// grow with its size.
//
// When schemas become databases (translate.SchemasDatabases, which needs
// opts.Translate.Database), the script creates each database (CREATE
// DATABASE IF NOT EXISTS), switches with USE before each database's
// tables, resolving writes and views, qualifies every INSERT with its
// database, lists the foreign keys between databases as comments, and
// ends in the target database. Run it where `dolt sql` serves several
// databases: in an empty directory, which then holds one directory per
// database, as the embedded target's parent does.
func Translate(ctx context.Context, opts TranslateOptions, w io.Writer) (*report.Report, error) {
	rep := &report.Report{Started: time.Now().UTC()}
	src := opts.Input
	if src == nil {
		in, err := source.Open(opts.Dump, opts.Stdin, source.OpenOptions{})
		if err != nil {
			return rep, err
		}
		src = in
	}
	defer src.Close()
	rep.Source = src.Name()
	pass1, err := schemaPass(src, translate.ReadOptions{Translate: opts.Translate, Report: rep, AllowIncomplete: opts.AllowIncompleteDump})
	if err != nil {
		return rep, err
	}
	tr, db, hdr, textBytes := pass1.Translator, pass1.DB, pass1.Header, pass1.TextBytes
	bw := bufio.NewWriterSize(w, 1<<20)
	m := src.Meta()
	fmt.Fprintf(bw, "-- pgcopy %s translation of %s\n", Version, m.Source)
	if m.SHA256 != "" {
		fmt.Fprintf(bw, "-- source-sha256: %s\n", m.SHA256)
	}
	fmt.Fprintf(bw, "-- pg_dump %s, server %s\n", orUnknown(hdr.PgDumpVersion), orUnknown(hdr.ServerVersion))
	for _, q := range loader.SessionSettings { // the load's session state
		fmt.Fprintf(bw, "%s;\n", q)
	}
	fmt.Fprint(bw, "\n")
	cur := ""
	use := func(name string) {
		if name != cur {
			fmt.Fprintf(bw, "USE %s;\n\n", sqltext.Ident(name))
			cur = name
		}
	}
	if len(db.Databases) > 0 {
		fmt.Fprint(bw, "-- PostgreSQL schemas as Dolt databases\n")
		for _, name := range db.Databases {
			fmt.Fprintf(bw, "CREATE DATABASE IF NOT EXISTS %s;\n", sqltext.Ident(name))
		}
		fmt.Fprintln(bw)
	}
	for _, t := range db.Tables {
		use(t.Database)
		fmt.Fprintf(bw, "%s;\n\n", t.CreateSQL())
	}
	rj := &rejecter{rep: rep, unrep: &unrep{policy: UnrepError}} // a bad row fails the translation
	dp := &dataPass{src: src, tr: tr, rep: rep, rj: rj, textBytes: textBytes}
	if err := dp.run(ctx, scriptSink{bw}); err != nil {
		return rep, err
	}
	fmt.Fprint(bw, "\n-- resolve the foreign keys created with checks off (see package fkfix)\nSET FOREIGN_KEY_CHECKS=1;\n")
	names := db.Databases
	if names == nil {
		names = []string{""}
	}
	for _, name := range names {
		stmts := fkfix.Statements(db.In(name))
		if len(stmts) > 0 && name != "" {
			fmt.Fprintln(bw)
			use(name)
		}
		for _, q := range stmts {
			fmt.Fprintf(bw, "%s;\n", q)
		}
	}
	if len(db.CrossFKs) > 0 {
		fmt.Fprint(bw, "\n-- foreign keys between two Dolt databases, not created: Dolt 1.83 has none; pgcopy copy checks their rows\n")
		for _, x := range db.CrossFKs {
			fmt.Fprintf(bw, "--   %s: %s (%s) REFERENCES %s (%s)\n", x.PG, x.Table.ReportName(), strings.Join(x.FK.Columns, ", "),
				x.RefDatabase+"."+x.FK.RefTable, strings.Join(x.FK.RefColumns, ", "))
		}
	}
	if len(db.Views) > 0 {
		fmt.Fprint(bw, "\n-- views and materialized views, after the data\n")
	}
	for _, v := range db.Views {
		if v.Database != cur && v.Database != "" {
			fmt.Fprintln(bw)
			use(v.Database)
		}
		for _, q := range v.CreateStatements() {
			fmt.Fprintf(bw, "%s;\n", q)
		}
	}
	// triggers (and routines), after the views as pgcopy copy creates
	// them; a body holds semicolons, so the dolt sql client's DELIMITER
	// marks each statement's end
	if len(db.Routines) > 0 {
		fmt.Fprint(bw, "\nDELIMITER //\n-- row triggers, after the data, so that loading never fires them\n")
		for _, r := range db.Routines {
			if r.Database != cur && r.Database != "" {
				fmt.Fprintf(bw, "USE %s//\n", sqltext.Ident(r.Database))
				cur = r.Database
			}
			fmt.Fprintf(bw, "%s//\n", r.SQL)
		}
		fmt.Fprint(bw, "DELIMITER ;\n")
	}
	if len(db.Databases) > 0 && cur != db.Databases[0] {
		fmt.Fprintln(bw)
		use(db.Databases[0])
	}
	return rep, bw.Flush()
}

// scriptSink writes rows as SQL text.
type scriptSink struct{ w io.Writer }

func (s scriptSink) Begin(context.Context) error {
	_, err := io.WriteString(s.w, "START TRANSACTION;\n")
	return err
}

func (s scriptSink) CommitTx(context.Context) error {
	_, err := io.WriteString(s.w, "COMMIT;\n")
	return err
}

// PurgeCaches is a no-op: a script holds no engine.
func (scriptSink) PurgeCaches(context.Context) error { return nil }

func (s scriptSink) Inserter(t *schema.Table, cols []string) *loader.Inserter {
	return loader.ScriptInserter(s.w, t, cols)
}
