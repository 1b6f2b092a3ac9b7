package translate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Handwritten CREATE VIEW, CREATE TRIGGER and CREATE PROCEDURE statements
// of .sql override files (overrides.Object). Each replaces the dump's
// object of the same name: a view by its Dolt name (ignoring case, as
// Dolt does), else its PostgreSQL name; a trigger by its name and table;
// a procedure by its name, the dump's FUNCTION or PROCEDURE of that name.
// The report entry of the dump's object says "from override FILE:LINE";
// an override that matches nothing is an error at its line.

const hintObject = "name the object as the dump does (a view by the name pgcopy gives it in Dolt, a trigger by its name and table, a procedure by the dump's function or procedure name), or remove the statement"

// matchViewOverrides pairs every CREATE VIEW override with its view.
func (t *Translator) matchViewOverrides() {
	if t.ov == nil {
		return
	}
	for _, o := range t.ov.set.Objects {
		if o.Kind != "VIEW" {
			continue
		}
		var found *viewDef
		for _, d := range t.views.order {
			if strings.EqualFold(d.name, o.Name) {
				found = d
				break
			}
		}
		if found == nil {
			for _, d := range t.views.order {
				if d.pg.Name == o.Name {
					found = d
					break
				}
			}
		}
		if found == nil {
			continue // checkObjectOverrides reports it
		}
		t.ov.used[o] = true
		if found.ovr != nil {
			t.errs = append(t.errs, diag.New(o.Pos, found.pg.String(), "", fmt.Errorf("overrides: a second CREATE VIEW for %s (the first is at %s)", found.pg, found.ovr.Pos), "keep one CREATE VIEW per view"))
			continue
		}
		found.ovr = o
	}
}

// overrideView makes d's Dolt view from its override: the statement as
// written, created after the views it reads (those are translated first).
func (t *Translator) overrideView(d *viewDef) {
	o := d.ovr
	var uses []string
	for _, r := range o.Reads {
		for _, x := range t.views.order {
			if x != d && strings.EqualFold(x.name, r) && x.db == d.db {
				t.translateView(x)
				if x.out != nil {
					uses = append(uses, x.out.ReportName())
				}
			}
		}
	}
	d.out = &schema.View{PG: d.pg, Name: d.name, Database: d.db, Pos: o.Pos, Kind: "VIEW", Columns: o.Columns,
		Query: o.Query, Statement: o.SQL, Uses: uses}
	if d.mat {
		d.out.Kind, d.out.Materialized = "MATERIALIZED VIEW", true
	}
	t.views.done = append(t.views.done, d.out)
}

// routineOverrides adds the CREATE TRIGGER and CREATE PROCEDURE overrides
// to db.Routines, each replacing the routine translated from the dump's
// object of the same name (if any), and amends that object's report entry.
// Every override that matches no dump object, view overrides included, is
// an error.
func (t *Translator) routineOverrides(db *schema.Database) {
	if t.ov == nil {
		return
	}
	for _, o := range t.ov.set.Objects {
		switch o.Kind {
		case "TRIGGER":
			t.triggerOverride(db, o)
		case "PROCEDURE":
			t.procedureOverride(db, o)
		}
	}
	for _, o := range t.ov.set.Objects {
		if t.ov.used[o] {
			continue
		}
		var names []string
		for _, obj := range t.rep.ObjectsOf(o.Kind) {
			names = append(names, obj.Name)
		}
		if o.Kind == "PROCEDURE" {
			for _, obj := range t.rep.ObjectsOf("FUNCTION") {
				names = append(names, obj.Name)
			}
		}
		sort.Strings(names)
		if len(names) > 20 {
			names = append(names[:20], "...")
		}
		what := o.Name
		if o.Table != "" {
			what += " ON " + o.Table
		}
		have := "the dump has none"
		if len(names) > 0 {
			have = "the dump has " + strings.Join(names, ", ")
		}
		t.errs = append(t.errs, diag.New(o.Pos, "", "", fmt.Errorf("overrides: CREATE %s %s matches no %s of the dump (%s)", o.Kind, what, strings.ToLower(o.Kind), have), hintObject))
	}
}

// triggerOverride matches CREATE TRIGGER name ... ON table with the
// dump's trigger "name on schema.table" whose table is table in Dolt.
func (t *Translator) triggerOverride(db *schema.Database, o *overrides.Object) {
	for _, obj := range t.rep.ObjectsOf("TRIGGER") {
		name, rel, ok := strings.Cut(obj.Name, " on ")
		if !ok || !strings.EqualFold(name, o.Name) {
			continue
		}
		tb := t.tables[rel]
		if tb == nil || tb.root().out == nil {
			continue
		}
		root := tb.root()
		if !strings.EqualFold(root.out.Name, o.Table) && !strings.EqualFold(root.pg.Name, o.Table) {
			continue
		}
		t.ov.used[o] = true
		t.replaceRoutine(db, obj.Name, &schema.Routine{Kind: schema.RoutineTrigger, PG: obj.Name, Name: o.Name,
			Database: t.dbOf(root.pg.Schema), Table: root.out.Name, SQL: o.SQL, Pos: o.Pos, Override: true})
		t.rep.Amend("TRIGGER", obj.Name, report.Changed, "from override %s: the handwritten CREATE TRIGGER replaces the dump's", o.Pos)
		return
	}
}

// procedureOverride matches CREATE PROCEDURE name with the dump's
// FUNCTION or PROCEDURE of that name (schema.name or name(args)).
func (t *Translator) procedureOverride(db *schema.Database, o *overrides.Object) {
	for _, kind := range []string{"PROCEDURE", "FUNCTION"} {
		for _, obj := range t.rep.ObjectsOf(kind) {
			base, _, _ := strings.Cut(obj.Name, "(")
			sch, name, ok := strings.Cut(base, ".")
			if !ok {
				sch, name = "", base
			}
			if !strings.EqualFold(name, o.Name) {
				continue
			}
			t.ov.used[o] = true
			t.replaceRoutine(db, obj.Name, &schema.Routine{Kind: schema.RoutineProcedure, PG: obj.Name, Name: o.Name,
				Database: t.dbOf(sch), SQL: o.SQL, Pos: o.Pos, Override: true})
			t.rep.Amend(kind, obj.Name, report.Changed, "from override %s: the handwritten CREATE PROCEDURE replaces the dump's %s", o.Pos, strings.ToLower(kind))
			return
		}
	}
}

// replaceRoutine puts r in place of the routine translated for the dump
// object pgName, or appends it.
func (t *Translator) replaceRoutine(db *schema.Database, pgName string, r *schema.Routine) {
	for i, x := range db.Routines {
		if x.PG == pgName {
			db.Routines[i] = r
			return
		}
	}
	db.Routines = append(db.Routines, r)
}

// ObjectPlan is one view, trigger or procedure that an override file
// replaces, as `pgcopy explain` lists it after the columns.
type ObjectPlan struct {
	Kind string   // "VIEW", "TRIGGER" or "PROCEDURE"
	PG   string   // the dump's object, as the report names it
	Dolt string   // the Dolt name, db.name when schemas become databases
	Pos  dump.Pos // the override's CREATE line
}

// ObjectOverrides lists the objects that override files replace, in
// creation order (views, then procedures and triggers); empty before
// Finish.
func (t *Translator) ObjectOverrides() []ObjectPlan {
	if t.db == nil {
		return nil
	}
	var out []ObjectPlan
	for _, v := range t.db.Views {
		if v.Statement != "" {
			out = append(out, ObjectPlan{Kind: v.Kind, PG: v.PG.String(), Dolt: v.ReportName(), Pos: v.Pos})
		}
	}
	for _, r := range t.db.Routines {
		if r.Override {
			out = append(out, ObjectPlan{Kind: r.Kind.String(), PG: r.PG, Dolt: r.ReportName(), Pos: r.Pos})
		}
	}
	return out
}
