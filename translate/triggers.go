package translate

// Row triggers: a PostgreSQL CREATE TRIGGER ... FOR EACH ROW EXECUTE
// FUNCTION f() whose f is a PL/pgSQL function of the dump, with a body in
// the subset of plpgsql.go, becomes one Dolt trigger per event (MySQL
// allows one event per trigger: MySQL 8.0 reference manual 15.1.22,
// "CREATE TRIGGER"; Dolt docs, "Triggers"). The loader creates them after
// the data load and the foreign-key check, so that loading never fires
// them (loader.CreateRoutines).
//
// Stored functions: Dolt 1.83 has none. Reproduction with the dolt CLI
// alone (dolt 1.83.2):
//
//	dolt sql -q "create function f(x int) returns int deterministic return x+1"
//	dolt sql -q "create function g(x int) returns int deterministic begin return x+1; end"
//
// both fail with "syntax error at position 16 near 'function'". So every
// function of the dump, including single-expression LANGUAGE sql ones
// such as pagila's last_day, is reported as skipped with that reason
// (noFunctions), and a trigger function's body is inlined into each
// trigger that runs it.

import (
	"fmt"
	"sort"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// noFunctions is the report reason for a function or procedure of the
// dump (see the reproduction above).
const noFunctions = "Dolt 1.83 has no stored functions (CREATE FUNCTION is a syntax error); rewrite it for Dolt by hand, or inline it"

// pgTrigFunc is a PL/pgSQL function returning trigger, by qualified name.
type pgTrigFunc struct {
	text string // the CREATE FUNCTION statement, for the PL/pgSQL parser
	pos  dump.Pos
}

type pgTrigger struct {
	s   *pg.CreateTrigStmt
	pos dump.Pos
}

// appObjects holds the trigger functions and triggers of the dump, seen
// by the first pass and translated by Finish (finishTriggers).
type appObjects struct {
	trigFuncs map[string]*pgTrigFunc // schema.name -> function
	triggers  []*pgTrigger
	shared    map[string]int // lower-case db.trigger name -> how many tables use it
}

func (t *Translator) appObjs() *appObjects {
	if t.app == nil {
		t.app = &appObjects{trigFuncs: map[string]*pgTrigFunc{}}
	}
	return t.app
}

// createFunction records a PL/pgSQL trigger function for the triggers
// that run it, and reports every function and procedure as skipped.
func (t *Translator) createFunction(ev dump.Event, s *pg.CreateFunctionStmt) {
	kind := "FUNCTION"
	if s.IsProcedure {
		kind = "PROCEDURE"
	}
	name := strList(s.Funcname)
	qual := strings.Join(name, ".")
	lang := ""
	for _, o := range s.Options {
		if de := o.GetDefElem(); de != nil && de.Defname == "language" {
			lang = de.Arg.GetString_().GetSval()
		}
	}
	rt := ""
	if s.ReturnType != nil {
		if n := strList(s.ReturnType.Names); len(n) > 0 {
			rt = n[len(n)-1]
		}
	}
	if rt == "trigger" {
		if len(name) == 1 {
			qual = t.defaultSchema() + "." + name[0]
		}
		if lang == "plpgsql" {
			t.appObjs().trigFuncs[qual] = &pgTrigFunc{text: ev.Text, pos: ev.Pos}
		}
		t.rep.Add(tocKind(ev, kind), tocName(ev, strings.Join(name, ".")), report.Skipped, ev.Pos,
			"trigger function: Dolt has no stored functions; its body is translated into each trigger that runs it (see the TRIGGER entries)")
		return
	}
	t.rep.Add(tocKind(ev, kind), tocName(ev, strings.Join(name, ".")), report.Skipped, ev.Pos, noFunctions)
}

// createTrigger records a CREATE TRIGGER for finishTriggers.
func (t *Translator) createTrigger(ev dump.Event, s *pg.CreateTrigStmt) {
	a := t.appObjs()
	a.triggers = append(a.triggers, &pgTrigger{s: s, pos: ev.Pos})
}

// PostgreSQL's trigger type bits (src/include/catalog/pg_trigger.h).
const (
	trigBefore   = 1 << 1
	trigInsert   = 1 << 2
	trigDelete   = 1 << 3
	trigUpdate   = 1 << 4
	trigTruncate = 1 << 5
	trigInstead  = 1 << 6
)

// finishTriggers translates the dump's triggers, after the tables are
// built, to Dolt triggers in table and trigger-name order (PostgreSQL
// fires a table's triggers in name order; MySQL in creation order), and
// reports each: translated, changed (the AFTER self-update rewrite, a
// dropped RAISE NOTICE, split events) or skipped with the construct.
func (t *Translator) finishTriggers() []*schema.Routine {
	if t.app == nil {
		return nil
	}
	trs := append([]*pgTrigger(nil), t.app.triggers...)
	sort.SliceStable(trs, func(i, j int) bool {
		a, b := t.refName(trs[i].s.Relation).String(), t.refName(trs[j].s.Relation).String()
		if a != b {
			return a < b
		}
		return trs[i].s.Trigname < trs[j].s.Trigname
	})
	taken := namesPerDB{}
	// Dolt trigger names are unique per database, PostgreSQL's per table:
	// a name that several tables of one database use (pagila's 15
	// last_updated) becomes table_name on each.
	t.app.shared = map[string]int{}
	for _, tr := range trs {
		if tb := t.lookup(tr.s.Relation); tb != nil && tb.root().out != nil {
			t.app.shared[strings.ToLower(tb.root().out.Database+"."+tr.s.Trigname)]++
		}
	}
	var out, last []*schema.Routine
	for _, tr := range trs {
		pgName := tr.s.Trigname + " on " + t.refName(tr.s.Relation).String()
		rs, notes, rewritten, err := t.trigger(tr, taken)
		if err != nil {
			t.rep.Add("TRIGGER", pgName, report.Skipped, tr.pos, "%v", err)
			continue
		}
		act := report.Translated
		if len(notes) > 0 {
			act = report.Changed
		}
		t.rep.Add("TRIGGER", pgName, act, tr.pos, "%s", strings.Join(notes, "; "))
		for _, r := range rs {
			r.PG = pgName
		}
		if rewritten {
			// an AFTER trigger's work happens after every BEFORE
			// trigger's: create it last (MySQL fires in creation order)
			last = append(last, rs...)
		} else {
			out = append(out, rs...)
		}
	}
	return append(out, last...)
}

func (t *Translator) trigger(tr *pgTrigger, taken namesPerDB) (rs []*schema.Routine, notes []string, rewritten bool, err error) {
	s := tr.s
	switch {
	case s.Isconstraint:
		return nil, nil, false, fmt.Errorf("constraint trigger (CREATE CONSTRAINT TRIGGER): Dolt has no deferred triggers")
	case len(s.TransitionRels) > 0:
		return nil, nil, false, fmt.Errorf("transition tables (REFERENCING OLD/NEW TABLE)")
	case s.Events&trigTruncate != 0:
		return nil, nil, false, fmt.Errorf("TRUNCATE trigger: Dolt has no TRUNCATE triggers")
	case !s.Row:
		return nil, nil, false, fmt.Errorf("statement-level trigger (FOR EACH STATEMENT): Dolt triggers are row triggers")
	case s.Timing&trigInstead != 0:
		return nil, nil, false, fmt.Errorf("INSTEAD OF trigger on a view: Dolt views take no triggers")
	}
	tb := t.lookup(s.Relation)
	if tb == nil || tb.root().out == nil {
		return nil, nil, false, fmt.Errorf("it is on %s, which is not a table pgcopy creates", t.refName(s.Relation))
	}
	fn := strList(s.Funcname)
	fq := strings.Join(fn, ".")
	if len(fn) == 1 {
		fq = t.defaultSchema() + "." + fn[0]
	}
	tf := t.app.trigFuncs[fq]
	if tf == nil {
		return nil, nil, false, fmt.Errorf("it runs %s(), which is not a PL/pgSQL function of the dump (a built-in trigger function such as tsvector_update_trigger, or a C or SQL function)", strings.Join(fn, "."))
	}
	if len(s.Args) > 0 {
		return nil, nil, false, fmt.Errorf("trigger arguments (TG_ARGV)")
	}
	f, err := parsePlFunc(tf.text)
	if err != nil {
		return nil, nil, false, fmt.Errorf("function %s: %v", strings.Join(fn, "."), err)
	}
	out := tb.root().out
	before := s.Timing&trigBefore != 0
	var events []string
	for _, e := range []struct {
		bit  int32
		name string
	}{{trigInsert, "INSERT"}, {trigUpdate, "UPDATE"}, {trigDelete, "DELETE"}} {
		if s.Events&e.bit != 0 {
			events = append(events, e.name)
		}
	}
	if len(events) > 1 {
		notes = append(notes, fmt.Sprintf("one Dolt trigger per event (%s): MySQL allows one event per trigger", strings.Join(events, ", ")))
	}
	for _, ev := range events {
		c := &plCtx{t: t, f: f, tb: tb, db: out.Database, event: ev, before: before}
		timing := "AFTER"
		if before {
			timing = "BEFORE"
		}
		body, err := c.body()
		if err != nil && !before && ev != "DELETE" {
			if st, ok := c.selfUpdate(); ok && t.updateTriggers(tb) {
				err = fmt.Errorf("it updates its own row in an AFTER trigger, and %s has UPDATE triggers that PostgreSQL fires for that update (MySQL error 1442 forbids the write; a BEFORE rewrite would not fire them)", tb.pg)
			} else if ok {
				rewritten = true
				body, err, timing = st, nil, "BEFORE"
				note := "AFTER trigger that updates its own row becomes a BEFORE trigger setting NEW (MySQL error 1442 forbids a trigger writing its own table)"
				if len(notes) == 0 || notes[len(notes)-1] != note {
					notes = append(notes, note)
				}
			}
		}
		if err != nil {
			return nil, nil, false, fmt.Errorf("function %s: %v", strings.Join(fn, "."), err)
		}
		guard, err := t.triggerGuard(c, s, ev)
		if err != nil {
			return nil, nil, false, err
		}
		for _, n := range c.notes {
			if !containsStr(notes, n) {
				notes = append(notes, n)
			}
		}
		if guard != "" && len(body) > 0 {
			in := []string{"IF " + guard + " THEN"}
			for _, b := range body {
				in = append(in, "  "+b)
			}
			body = append(in, "END IF;")
		}
		if c.needMsg {
			body = append([]string{"DECLARE " + msgVar + " TEXT;"}, body...)
		}
		if len(body) == 0 {
			return nil, nil, false, fmt.Errorf("function %s does nothing in Dolt (only a RETURN)", strings.Join(fn, "."))
		}
		name := s.Trigname
		if t.app.shared[strings.ToLower(out.Database+"."+s.Trigname)] > 1 {
			name = out.Name + "_" + name
		}
		if len(events) > 1 {
			name += "_" + strings.ToLower(ev)
		}
		name = uniqueRoutineName(taken.in(out.Database), name)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TRIGGER %s %s %s ON %s FOR EACH ROW BEGIN\n", sqltext.Ident(name), timing, ev, sqltext.Ident(out.Name))
		for _, l := range body {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("END")
		rs = append(rs, &schema.Routine{Kind: schema.RoutineTrigger, Name: name, Database: out.Database, Table: out.Name, SQL: b.String(), Pos: tr.pos})
	}
	return rs, notes, rewritten, nil
}

// updateTriggers says whether the dump has an UPDATE trigger on tb.
func (t *Translator) updateTriggers(tb *table) bool {
	for _, tr := range t.app.triggers {
		if tr.s.Events&trigUpdate != 0 {
			if o := t.lookup(tr.s.Relation); o != nil && o.root() == tb.root() {
				return true
			}
		}
	}
	return false
}

// triggerGuard is the condition of UPDATE OF cols (some column changed:
// NOT (OLD.c <=> NEW.c), as PostgreSQL fires UPDATE OF only when a listed
// column is a SET target, approximated by a changed value) and of WHEN
// (...), ANDed; "" when there is none.
func (t *Translator) triggerGuard(c *plCtx, s *pg.CreateTrigStmt, ev string) (string, error) {
	var parts []string
	if len(s.Columns) > 0 && ev == "UPDATE" {
		var ors []string
		for _, n := range strList(s.Columns) {
			oc := c.tb.root().out.ColumnByPG(n)
			if oc == nil {
				return "", fmt.Errorf("UPDATE OF %s, which is not a column pgcopy creates", n)
			}
			q := sqltext.Ident(oc.Name)
			ors = append(ors, "NOT (OLD."+q+" <=> NEW."+q+")")
		}
		parts = append(parts, "("+strings.Join(ors, " OR ")+")")
		c.notes = append(c.notes, "UPDATE OF becomes a guard that a listed column changed (PostgreSQL also fires when a listed column is SET to its old value)")
	}
	if s.WhenClause != nil {
		w, err := c.node(s.WhenClause, nil)
		if err != nil {
			return "", fmt.Errorf("WHEN (%s): %v", deparse(s.WhenClause), err)
		}
		// WHEN fires on true only, as IF does: NULL is not true in either.
		parts = append(parts, "("+w+")")
	}
	return strings.Join(parts, " AND "), nil
}

// uniqueRoutineName returns name (cut to 64 characters), or name_2, name_3 ...
// when a routine of the database already has it, and takes it.
func uniqueRoutineName(taken map[string]bool, name string) string {
	n := truncIdent(name)
	for i := 2; taken[strings.ToLower(n)]; i++ {
		suf := fmt.Sprintf("_%d", i)
		n = truncIdent(name[:min(len(name), 64-len(suf))] + suf)
	}
	taken[strings.ToLower(n)] = true
	return n
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
