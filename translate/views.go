package translate

// Views and materialized views.
//
// A view's query (PostgreSQL manual, "CREATE VIEW" and "SELECT") is
// rewritten in MySQL syntax, which Dolt stores and runs as a view (Dolt
// docs, "Views": https://docs.dolthub.com/concepts/dolt/sql/views; view
// definitions are versioned in dolt_schemas). The rewrite works on
// pg_query's syntax tree, never on the text, and only where the MySQL form
// gives the same rows: a construct without a Dolt equivalent of the same
// result makes the view skipped, and the report names the construct. The
// translation runs in Finish, once every table has its Dolt name.

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
	"github.com/pgcopy/pgcopy/translate/viewsql"
)

// viewSet holds the views and materialized views of the dump.
type viewSet struct {
	byName map[string]*viewDef // qualified PostgreSQL name
	order  []*viewDef          // in the order the dump first defines them
	done   []*schema.View      // translated, each after the views it uses
}

// viewDef is one view or materialized view. pg_dump may define a view
// more than once: a placeholder SELECT NULL::type AS col, ... that other
// objects can depend on, replaced later by CREATE OR REPLACE VIEW with the
// real query (its "_RETURN" rule); the last definition wins.
type viewDef struct {
	pg          schema.Name
	pos         dump.Pos // the definition in use (the last one)
	defs        int      // how many definitions the dump holds
	query       *pg.Node
	aliases     []string // CREATE VIEW name (col, ...) column names
	mat         bool     // materialized view
	skipData    bool     // WITH NO DATA
	refreshed   bool     // REFRESH MATERIALIZED VIEW (without WITH NO DATA) follows
	refreshPos  dump.Pos // the REFRESH statement
	checkOption string   // "LOCAL" or "CASCADED" for WITH ... CHECK OPTION
	options     []string // WITH (security_barrier, ...) option names
	indexes     []*index // CREATE INDEX ... ON a materialized view

	// Set by Finish.
	state  int    // 0 not yet translated, 1 in progress, 2 done
	name   string // the Dolt name
	db     string // the Dolt database ("" for the target of a one-database copy)
	cross  bool   // its query reads tables of another Dolt database
	rename string // why the Dolt name differs from the PostgreSQL one, for the report
	cols   []viewsql.Column
	res    *viewsql.Result // the query's translation
	out    *schema.View
	skip   string // why the view is not created
	notes  []string
	ovr    *overrides.Object // a CREATE VIEW override that replaces it (objectoverrides.go)
}

func (vs *viewSet) define(name schema.Name, pos dump.Pos) *viewDef {
	if vs.byName == nil {
		vs.byName = map[string]*viewDef{}
	}
	d := vs.byName[name.String()]
	if d == nil {
		d = &viewDef{pg: name}
		vs.byName[name.String()] = d
		vs.order = append(vs.order, d)
	}
	*d = viewDef{pg: name, pos: pos, defs: d.defs + 1}
	return d
}

// view records a CREATE [OR REPLACE] VIEW.
func (t *Translator) view(ev dump.Event, s *pg.ViewStmt) {
	d := t.views.define(t.relName(s.View), ev.Pos)
	d.query = s.Query
	d.aliases = strList(s.Aliases)
	switch s.WithCheckOption {
	case pg.ViewCheckOption_LOCAL_CHECK_OPTION:
		d.checkOption = "LOCAL"
	case pg.ViewCheckOption_CASCADED_CHECK_OPTION:
		d.checkOption = "CASCADED"
	}
	for _, o := range s.Options {
		if de := o.GetDefElem(); de != nil {
			if de.Defname == "check_option" {
				d.checkOption = strings.ToUpper(de.Arg.GetString_().GetSval())
				continue
			}
			d.options = append(d.options, de.Defname)
		}
	}
}

// createTableAs records a CREATE MATERIALIZED VIEW. pg_dump writes no
// other CREATE TABLE ... AS.
func (t *Translator) createTableAs(ev dump.Event, s *pg.CreateTableAsStmt) {
	if s.Objtype != pg.ObjectType_OBJECT_MATVIEW || s.Into.GetRel() == nil {
		name := firstLine(ev.Text)
		if s.Into.GetRel() != nil {
			name = t.relName(s.Into.Rel).String()
		}
		t.rep.Add("TABLE AS", name, report.Skipped, ev.Pos, "CREATE TABLE ... AS is not translated (pg_dump never writes it); its query is not run")
		return
	}
	d := t.views.define(t.relName(s.Into.Rel), ev.Pos)
	d.mat = true
	d.query = s.Query
	d.aliases = strList(s.Into.ColNames)
	d.skipData = s.Into.SkipData
}

// refreshMatView records pg_dump's REFRESH MATERIALIZED VIEW, which fills
// a materialized view created WITH NO DATA.
func (t *Translator) refreshMatView(ev dump.Event, s *pg.RefreshMatViewStmt) {
	d := t.viewByRef(s.Relation)
	if d == nil || !d.mat {
		t.rep.Add("MATERIALIZED VIEW DATA", t.relName(s.Relation).String(), report.Skipped, ev.Pos, "REFRESH of a materialized view the dump does not create")
		return
	}
	d.refreshed = !s.SkipData
	d.refreshPos = ev.Pos
}

// viewByRef resolves a relation name to a view of the dump, as refName
// does for tables: a qualified name exactly, an unqualified one along the
// search_path, then among all views when exactly one has that name.
func (t *Translator) viewByRef(rv *pg.RangeVar) *viewDef {
	if rv.Schemaname != "" {
		return t.views.byName[rv.Schemaname+"."+rv.Relname]
	}
	for _, s := range t.searchPath {
		if d := t.views.byName[s+"."+rv.Relname]; d != nil {
			return d
		}
	}
	var found *viewDef
	for _, d := range t.views.order {
		if d.pg.Name == rv.Relname {
			if found != nil {
				return nil
			}
			found = d
		}
	}
	return found
}

// finishViews names and translates every view and reports each; it
// returns the views to create, each after the views it selects from.
func (t *Translator) finishViews() []*schema.View {
	if len(t.views.order) == 0 {
		return nil
	}
	t.viewNames()
	t.matchViewOverrides() // objectoverrides.go
	for _, d := range t.views.order {
		t.translateView(d)
	}
	for _, d := range t.views.order {
		t.reportView(d)
		for _, ix := range d.indexes {
			t.matViewIndex(d, ix)
		}
	}
	return t.views.done
}

// matViewIndex adds an index of a materialized view to the table that
// holds its rows, by the rules of a table's indexes (keys.go, buildIndex):
// partial, expression and non-btree indexes are skipped; a column stored
// as JSON cannot be indexed; a non-unique index on a TEXT or BLOB column
// gets a prefix of Options.IndexPrefix characters. The table's column
// types are Dolt's choice for the query's values, known beforehand only
// for a column passed through from a table (or of a kind that is never
// TEXT: numbers, dates, times, booleans), so a non-unique index on another
// computed text column is skipped rather than guessed. A unique index
// needs no prefix (Dolt enforces it on the whole value).
func (t *Translator) matViewIndex(d *viewDef, ix *index) {
	s := ix.s
	where := qualify(d.pg.Schema, s.Idxname)
	skip := func(format string, args ...any) {
		t.rep.Add("INDEX", where, report.Skipped, ix.pos, format, args...)
	}
	switch {
	case d.out == nil:
		skip("it indexes materialized view %s, which is not created", d.pg)
		return
	case s.WhereClause != nil && s.Unique:
		skip("partial unique index (WHERE %s): %s", deparse(s.WhereClause), whyNoPartialUnique)
		return
	}
	var notes []string
	if s.WhereClause != nil {
		notes = append(notes, partialPredicateDropped(s.WhereClause))
	}
	switch am := s.AccessMethod; am {
	case "", "btree":
	case "hash":
		notes = append(notes, "hash index becomes a btree index")
	default:
		skip("%s index: Dolt has only btree and FULLTEXT indexes, and pgcopy makes FULLTEXT ones only on tables", am)
		return
	}
	var ics []schema.IndexColumn
	for _, p := range s.IndexParams {
		e := p.GetIndexElem()
		if e.Expr != nil || e.Name == "" {
			skip("expression index on %s: Dolt 1.83 does not create functional indexes", deparse(e.Expr))
			return
		}
		var col *viewsql.Column
		for i := range d.cols {
			if d.cols[i].Name() == e.Name {
				col = &d.cols[i]
			}
		}
		if col == nil {
			t.fail(ix.pos, d.pg.String(), e.Name, hintInconsistent, "index %s names a column materialized view %s does not have", s.Idxname, d.pg)
			return
		}
		ic := schema.IndexColumn{Name: col.Dolt(), Desc: e.Ordering == pg.SortByDir_SORTBY_DESC}
		_, isJSON := col.DoltType().(*schema.JSONType)
		switch {
		case isJSON || col.DoltType() == nil && col.JSON():
			skip("column %s is stored as JSON, which Dolt cannot index", e.Name)
			return
		case s.Unique:
		case col.DoltType() != nil:
			if schema.IsLOB(col.DoltType()) {
				ic.Prefix = t.opts.IndexPrefix
				notes = append(notes, fmt.Sprintf("column %s (%s) indexed by its first %d characters (Dolt needs a prefix length on TEXT/BLOB)", e.Name, schema.FormatType(col.DoltType()), t.opts.IndexPrefix))
			}
		case !col.NeverText():
			skip("column %s is computed by the query, so Dolt decides its type when it fills the table, and a non-unique index on a TEXT column needs a prefix length pgcopy cannot choose beforehand; create the index in Dolt by hand", e.Name)
			return
		}
		notes = append(notes, indexElemNotes(e)...)
		ics = append(ics, ic)
	}
	if len(s.IndexIncludingParams) > 0 {
		notes = append(notes, "INCLUDE columns dropped: Dolt has no covering indexes")
	}
	if s.NullsNotDistinct {
		notes = append(notes, "NULLS NOT DISTINCT dropped: Dolt allows several NULLs in a unique key")
	}
	used := map[string]bool{}
	for _, ex := range d.out.Indexes {
		used[strings.ToLower(ex.Name)] = true
	}
	name := uniqueName(truncIdent(s.Idxname), used)
	if name != s.Idxname {
		notes = append(notes, "named "+name)
	}
	notes = append([]string{"index of the materialized view, created with the table that holds its rows (CREATE TABLE ... (keys) AS SELECT)"}, notes...)
	d.out.Indexes = append(d.out.Indexes, &schema.Index{Name: name, Unique: s.Unique, Columns: ics, Pos: ix.pos, PG: where})
	t.rep.Add("INDEX", where, report.Changed, ix.pos, "%s", strings.Join(notes, "; "))
}

// fillExpr is the select-list item that fills column c of a materialized
// view's table from the query aliased q, when the query reads another
// Dolt database (schema.View.CreateStatements): values Dolt may store
// apart from the row (TEXT, BLOB, JSON, or a computed value that may be
// one) are rebuilt with CONCAT, which makes a new value of the same text
// or bytes (CAST(... AS JSON) for JSON); numbers, dates, times and
// booleans, always stored in the row, are taken as they are.
func fillExpr(c viewsql.Column) string {
	x := "`q`." + sqltext.Ident(c.Dolt())
	_, isJSON := c.DoltType().(*schema.JSONType)
	switch {
	case isJSON || c.DoltType() == nil && c.JSON():
		return "CAST(CONCAT(" + x + ") AS JSON)"
	case schema.IsLOB(c.DoltType()):
		return "CONCAT(" + x + ")"
	case c.DoltType() != nil || c.NeverText():
		return x
	}
	return "CONCAT(" + x + ")"
}

// viewNames gives every view its Dolt name by the rule tables follow
// (package doc, "Schemas"): bare, or "schema_view" for a schema other than
// public when the dump's tables live in several schemas (or the view's
// schema holds no table), cut to 64 characters; with SchemasDatabases,
// bare in its schema's database. A name that collides with a table or an
// earlier view of the same database, ignoring case, gets a "_2", "_3", ...
// suffix.
func (t *Translator) viewNames() {
	tableSchemas := map[string]bool{}
	used := map[string]string{} // database NUL lower-case name -> what holds it
	key := func(s, name string) string { return t.dbOf(s) + "\x00" + strings.ToLower(name) }
	for _, tb := range t.order {
		if tb.root() == tb && tb.out != nil {
			tableSchemas[tb.pg.Schema] = true
			used[key(tb.pg.Schema, tb.out.Name)] = "table " + tb.pg.String()
		}
	}
	mode := t.schemasMode()
	for _, d := range t.views.order {
		prefix := false
		switch {
		case mode == SchemasDatabases:
		case len(tableSchemas) > 1:
			prefix = d.pg.Schema != "public" || mode == SchemasPrefixAll
		case len(tableSchemas) == 1 && d.pg.Schema != "public" && !tableSchemas[d.pg.Schema]:
			prefix = true
		}
		base := d.pg.Name
		if prefix {
			base = d.pg.Schema + "_" + d.pg.Name
		}
		base = truncIdent(base)
		name := base
		for i := 2; used[key(d.pg.Schema, name)] != ""; i++ {
			name = truncIdent(fmt.Sprintf("%s_%d", base, i))
		}
		switch {
		case name != base:
			d.rename = fmt.Sprintf("named %s: %q would collide with %s, which Dolt treats as the same name (names are case-insensitive)", name, base, used[key(d.pg.Schema, base)])
		case name != d.pg.Name:
			d.rename = "named " + name
		}
		used[key(d.pg.Schema, name)] = "view " + d.pg.String()
		d.name = name
		d.db = t.dbOf(d.pg.Schema)
	}
}

// translateView translates d's query once; views it selects from are
// translated first, so t.views.done lists every view after its
// dependencies.
func (t *Translator) translateView(d *viewDef) {
	if d.state != 0 {
		return
	}
	d.state = 1
	defer func() { d.state = 2 }()
	if d.ovr != nil {
		t.overrideView(d)
		return
	}
	res, err := viewsql.Translate(viewCatalog{t}, d.query, d.aliases, d.db)
	if err != nil {
		d.skip = err.Error()
		return
	}
	var names []string
	for _, c := range res.Columns {
		names = append(names, c.Dolt())
	}
	d.res = res
	d.cols = res.Columns
	d.notes = res.Notes
	d.out = &schema.View{PG: d.pg, Name: d.name, Database: d.db, Pos: d.pos, Kind: "VIEW", Columns: names, Query: res.SQL, Uses: res.Uses}
	d.cross = res.Cross
	if d.mat {
		d.out.Kind = "MATERIALIZED VIEW"
		d.out.Materialized = true
		d.out.Empty = d.skipData && !d.refreshed
		if d.cross {
			for _, c := range d.cols {
				d.out.Fill = append(d.out.Fill, fillExpr(c))
			}
			d.notes = append(d.notes, "it reads another Dolt database, so its table is created empty, then keyed, then filled by INSERT ... SELECT with TEXT, BLOB and JSON values rebuilt (Dolt 1.83.2 fails CREATE TABLE ... AS SELECT over another database's such values: \"dangling ref\")")
		}
	}
	t.views.done = append(t.views.done, d.out)
}

func (t *Translator) reportView(d *viewDef) {
	kind := "VIEW"
	if d.mat {
		kind = "MATERIALIZED VIEW"
	}
	if d.ovr != nil {
		t.rep.Add(kind, d.pg.String(), report.Changed, d.pos, "from override %s: the handwritten CREATE VIEW replaces the dump's definition", d.ovr.Pos)
		return
	}
	if d.skip != "" {
		if d.mat {
			t.rep.Add(kind, d.pg.String(), report.Skipped, d.pos, "Dolt has no materialized views, and its query is not translated: %s; create the table in Dolt by hand", d.skip)
			return
		}
		t.rep.Add(kind, d.pg.String(), report.Skipped, d.pos, "not translated: %s; recreate the view in Dolt by hand", d.skip)
		return
	}
	var notes []string
	if d.mat {
		switch {
		case d.out.Empty:
			notes = append(notes, "materialized view becomes a table (Dolt has none), created empty: the dump leaves it unpopulated (WITH NO DATA and no REFRESH MATERIALIZED VIEW)")
		case d.refreshed:
			notes = append(notes, fmt.Sprintf("materialized view becomes a table (Dolt has none) filled from its query after the data load, as the REFRESH MATERIALIZED VIEW at %s does; it is not refreshed later", d.refreshPos))
		default:
			notes = append(notes, "materialized view becomes a table (Dolt has none) filled from its query after the data load; it is not refreshed later")
		}
	}
	if d.rename != "" {
		notes = append(notes, d.rename)
	}
	if d.checkOption != "" {
		notes = append(notes, "WITH "+d.checkOption+" CHECK OPTION dropped: Dolt does not check writes through views")
	}
	if len(d.options) > 0 {
		notes = append(notes, "view options ("+strings.Join(d.options, ", ")+") dropped: PostgreSQL planner and privilege settings")
	}
	notes = append(notes, d.notes...)
	if len(notes) == 0 {
		t.rep.Add(kind, d.pg.String(), report.Translated, d.pos, "")
		return
	}
	t.rep.Add(kind, d.pg.String(), report.Changed, d.pos, "%s", strings.Join(notes, "; "))
}

// viewCatalog is the dump's catalog as package viewsql sees it
// (viewsql.Catalog).
type viewCatalog struct{ t *Translator }

// Relation resolves a table or view named in a view's FROM clause; a
// view is translated first if it has not been.
func (c viewCatalog) Relation(rv *pg.RangeVar) (*viewsql.Relation, error) {
	t := c.t
	name := t.refName(rv)
	if tb := t.tables[name.String()]; tb != nil {
		if r := tb.root(); r != tb {
			return nil, fmt.Errorf("it selects from partition %s, which is folded into table %s (its rows would include the other partitions')", tb.pg, r.pg)
		}
		if rv.Inh {
			for _, o := range t.order {
				for _, p := range o.inherits {
					if p == tb {
						return nil, fmt.Errorf("it selects from %s, whose INHERITS child %s is a separate Dolt table, so the child's rows no longer show through it", tb.pg, o.pg)
					}
				}
			}
		}
		if tb.out == nil {
			return nil, fmt.Errorf("table %s is not created", tb.pg)
		}
		return &viewsql.Relation{Name: tb.out.Name, Database: tb.out.Database, Table: tableCols(tb)}, nil
	}
	d := t.viewByRef(rv)
	if d == nil {
		if sq := t.seqs[name.String()]; sq != nil {
			return nil, fmt.Errorf("it selects from sequence %s (Dolt has no sequences)", name)
		}
		return nil, fmt.Errorf("it selects from %s, which is not a table or view of the dump", name)
	}
	if d.state == 1 {
		return nil, fmt.Errorf("it selects from view %s, which selects from it in turn", d.pg)
	}
	t.translateView(d)
	if d.skip != "" {
		return nil, fmt.Errorf("it selects from view %s, which is not translated", d.pg)
	}
	return &viewsql.Relation{Name: d.name, Database: d.db, View: d.res}, nil
}

func (c viewCatalog) ResolveDomain(tn *pg.TypeName) *pg.TypeName { return c.t.resolveDomain(tn) }

func (c viewCatalog) IsEnum(schemaName, name string) bool {
	_, ok := c.t.lookupEnum(schemaName, name)
	return ok
}

func (c viewCatalog) IsDomain(schemaName, name string) bool {
	return c.t.lookupDomain(schemaName, name) != nil
}

func (c viewCatalog) Codec(tn *pg.TypeName) (schema.Codec, error) {
	ct, err := c.t.mapType(tn)
	return ct.codec(), err
}

// tableCols lists a table's columns with their Dolt names and types.
func tableCols(tb *table) []viewsql.TableColumn {
	root := tb.root()
	var out []viewsql.TableColumn
	for _, c := range root.cols {
		vc := viewsql.TableColumn{Name: c.name, Dolt: truncIdent(c.name), Type: c.tn, Scale: -1}
		if root.out != nil {
			if oc := root.out.ColumnByPG(c.name); oc != nil {
				vc.Dolt = oc.Name
				vc.DoltType = oc.Type.Type
				if d, ok := oc.Type.Type.(*schema.DecimalType); ok {
					vc.Scale = d.Scale
				}
			}
		}
		out = append(out, vc)
	}
	return out
}
