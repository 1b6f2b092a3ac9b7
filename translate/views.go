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
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/report"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/schema"
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
	cols   []viewCol
	out    *schema.View
	skip   string // why the view is not created
	notes  []string
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
		skip("partial unique index (WHERE %s): Dolt has no partial indexes, and enforcing it on every row would reject valid data", deparse(s.WhereClause))
		return
	case s.WhereClause != nil:
		skip("partial index (WHERE %s): Dolt has no partial indexes", deparse(s.WhereClause))
		return
	}
	var notes []string
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
		var col *viewCol
		for i := range d.cols {
			if d.cols[i].pg == e.Name {
				col = &d.cols[i]
			}
		}
		if col == nil {
			t.fail(ix.pos, d.pg.String(), e.Name, hintInconsistent, "index %s names a column materialized view %s does not have", s.Idxname, d.pg)
			return
		}
		ic := schema.IndexColumn{Name: col.dolt, Desc: e.Ordering == pg.SortByDir_SORTBY_DESC}
		base, _, _ := splitType(col.doltType)
		switch {
		case base == "json" || col.doltType == "" && (col.typ.k == kJSON || col.typ.k == kArray):
			skip("column %s is stored as JSON, which Dolt cannot index", e.Name)
			return
		case s.Unique:
		case col.doltType != "":
			if blobTypes[base] {
				ic.Prefix = t.opts.IndexPrefix
				notes = append(notes, fmt.Sprintf("column %s (%s) indexed by its first %d characters (Dolt needs a prefix length on TEXT/BLOB)", e.Name, col.doltType, t.opts.IndexPrefix))
			}
		case !fixedKinds[col.typ.k]:
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
func fillExpr(c viewCol) string {
	x := "`q`." + sqltext.Ident(c.dolt)
	base, _, _ := splitType(c.doltType)
	switch {
	case base == "json" || c.doltType == "" && (c.typ.k == kJSON || c.typ.k == kArray):
		return "CAST(CONCAT(" + x + ") AS JSON)"
	case blobTypes[base]:
		return "CONCAT(" + x + ")"
	case c.doltType != "" || fixedKinds[c.typ.k]:
		return x
	}
	return "CONCAT(" + x + ")"
}

// blobTypes are the Dolt types a non-unique index needs a prefix length on.
var blobTypes = map[string]bool{"longtext": true, "mediumtext": true, "text": true, "tinytext": true, "longblob": true, "mediumblob": true, "blob": true, "tinyblob": true}

// fixedKinds are the value kinds Dolt never stores as TEXT or BLOB.
var fixedKinds = map[vkind]bool{kInt: true, kNumeric: true, kFloat: true, kBool: true, kDate: true, kTimestamp: true, kTime: true}

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
	sel := d.query.GetSelectStmt()
	if sel == nil {
		d.skip = "its query is not a SELECT"
		return
	}
	vt := &viewTrans{def: d}
	q, cols, err := t.selectSQL(sel, nil, vt, false)
	if err != nil {
		d.skip = err.Error()
		return
	}
	if len(d.aliases) > len(cols) {
		d.skip = fmt.Sprintf("it names %d columns but its query returns %d", len(d.aliases), len(cols))
		return
	}
	if len(d.aliases) > 0 {
		// CREATE VIEW v (a, b) AS ...: rename the query's columns.
		var parts []string
		for i, c := range cols {
			name := c.pg
			if i < len(d.aliases) {
				name = d.aliases[i]
			}
			nc := viewCol{pg: name, dolt: truncIdent(name), typ: c.typ, doltType: c.doltType}
			parts = append(parts, "`q`."+sqltext.Ident(c.dolt)+" AS "+sqltext.Ident(nc.dolt))
			cols[i] = nc
		}
		q = "SELECT " + strings.Join(parts, ", ") + " FROM (" + q + ") AS `q`"
	}
	seen := map[string]string{}
	var names []string
	for _, c := range cols {
		if other, ok := seen[strings.ToLower(c.dolt)]; ok {
			d.skip = fmt.Sprintf("its columns %q and %q have the same name to Dolt (column names are case-insensitive)", other, c.pg)
			return
		}
		seen[strings.ToLower(c.dolt)] = c.pg
		names = append(names, c.dolt)
	}
	d.cols = cols
	d.notes = vt.notes
	d.out = &schema.View{PG: d.pg, Name: d.name, Database: d.db, Pos: d.pos, Kind: "VIEW", Columns: names, Query: q, Uses: vt.uses}
	d.cross = vt.cross
	if d.mat {
		d.out.Kind = "MATERIALIZED VIEW"
		d.out.Materialized = true
		d.out.Empty = d.skipData && !d.refreshed
		if d.cross {
			for _, c := range cols {
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

// vkind is what an expression's value is, as far as the translation needs
// to know: division, ||, date arithmetic and casts depend on it.
type vkind int

const (
	kUnknown vkind = iota
	kNull
	kText
	kInt
	kNumeric
	kFloat
	kBool
	kDate
	kTimestamp
	kTime
	kInterval
	kJSON
	kArray // stored as a JSON array
	kBytes
	kOther
)

var kindNames = map[vkind]string{
	kUnknown: "value of unknown type", kNull: "NULL", kText: "text", kInt: "integer", kNumeric: "numeric",
	kFloat: "floating-point", kBool: "boolean", kDate: "date", kTimestamp: "timestamp", kTime: "time",
	kInterval: "interval", kJSON: "json", kArray: "array", kBytes: "bytea", kOther: "value",
}

// vtype is an expression's kind and, for numbers, its decimal scale (-1
// when unknown).
type vtype struct {
	k     vkind
	scale int
}

// viewCol is one output column of a view, subquery or table.
type viewCol struct {
	pg, dolt string
	typ      vtype
	// doltType is the column's Dolt type when it is known: a table's
	// column, or such a column passed through unchanged; "" for a
	// computed value, whose type Dolt decides.
	doltType string
}

// rangeItem is one relation of a FROM clause.
type rangeItem struct {
	ref    string // the name the Dolt SQL qualifies its columns with
	pgName string // the name PostgreSQL refers to it by: its alias or relation name
	schema string // the relation's schema, when it has no alias
	cols   []viewCol
}

func (it *rangeItem) col(name string) *viewCol {
	for i := range it.cols {
		if it.cols[i].pg == name {
			return &it.cols[i]
		}
	}
	return nil
}

// viewScope is what the expressions of one SELECT may refer to.
type viewScope struct {
	outer   *viewScope
	items   []*rangeItem
	ctes    map[string][]viewCol
	outputs map[string]outputRef // the select list, for GROUP BY and ORDER BY
	vt      *viewTrans
}

type outputRef struct {
	sql string
	col viewCol
}

// viewTrans is the state of one view's translation.
type viewTrans struct {
	def   *viewDef
	uses  []string // Dolt names of the views it selects from
	notes []string // what differs from PostgreSQL, for the report
	nsub  int
	cross bool // it reads a table of another Dolt database, directly or through a view
}

func (vt *viewTrans) note(s string) {
	for _, n := range vt.notes {
		if n == s {
			return
		}
	}
	vt.notes = append(vt.notes, s)
}

// typeOf is the vtype of a PostgreSQL type name.
func (t *Translator) typeOf(tn *pg.TypeName) vtype {
	tn = t.resolveDomain(tn)
	if len(tn.ArrayBounds) > 0 {
		return vtype{k: kArray, scale: -1}
	}
	s, n := typeNameParts(tn)
	if row, ok := pgtypes.Lookup(n); ok && (s == "" || s == "pg_catalog") {
		switch row.View { // the type registry's view kind
		case pgtypes.ViewInt:
			return vtype{k: kInt}
		case pgtypes.ViewNumeric:
			mods, _ := typmods(tn)
			switch len(mods) {
			case 1:
				return vtype{k: kNumeric}
			case 2:
				return vtype{k: kNumeric, scale: mods[1]}
			}
			return vtype{k: kNumeric, scale: -1}
		case pgtypes.ViewMoney:
			return vtype{k: kNumeric, scale: 2}
		case pgtypes.ViewFloat:
			return vtype{k: kFloat, scale: -1}
		case pgtypes.ViewText:
			return vtype{k: kText, scale: -1}
		case pgtypes.ViewBool:
			return vtype{k: kBool}
		case pgtypes.ViewDate:
			return vtype{k: kDate}
		case pgtypes.ViewTimestamp:
			return vtype{k: kTimestamp}
		case pgtypes.ViewTime:
			return vtype{k: kTime}
		case pgtypes.ViewInterval:
			return vtype{k: kInterval}
		case pgtypes.ViewJSON:
			return vtype{k: kJSON}
		case pgtypes.ViewBytes:
			return vtype{k: kBytes}
		}
	}
	if (s == "" || s == "pg_catalog") && n == "hstore" {
		return vtype{k: kJSON}
	}
	if n == "citext" {
		return vtype{k: kText, scale: -1}
	}
	if _, ok := t.lookupEnum(s, n); ok {
		return vtype{k: kText, scale: -1}
	}
	return vtype{k: kOther, scale: -1}
}

// tableCols lists a table's columns with their Dolt names and kinds.
func (t *Translator) tableCols(tb *table) []viewCol {
	root := tb.root()
	var out []viewCol
	for _, c := range root.cols {
		vc := viewCol{pg: c.name, dolt: truncIdent(c.name), typ: t.typeOf(c.tn)}
		if root.out != nil {
			if oc := root.out.ColumnByPG(c.name); oc != nil {
				vc.dolt = oc.Name
				vc.doltType = oc.Type
				if vc.typ.k == kNumeric && vc.typ.scale < 0 {
					if base, _, sc := splitType(oc.Type); base == "decimal" {
						vc.typ.scale = sc
					}
				}
			}
		}
		out = append(out, vc)
	}
	return out
}

// selectSQL translates a SELECT (PostgreSQL manual, "SELECT") to MySQL
// syntax and returns its output columns. outer is the enclosing query's
// scope for a subquery, nil for the view's own query. arrayOf makes a
// single-column query the body of ARRAY(subquery): its column is
// aggregated into a JSON array (arrays are stored as JSON).
func (t *Translator) selectSQL(s *pg.SelectStmt, outer *viewScope, vt *viewTrans, arrayOf bool) (string, []viewCol, error) {
	if s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED {
		if arrayOf {
			return "", nil, fmt.Errorf("ARRAY(...) over a %s", strings.TrimPrefix(s.Op.String(), "SETOP_"))
		}
		return t.setOpSQL(s, outer, vt)
	}
	if len(s.ValuesLists) > 0 {
		return "", nil, fmt.Errorf("a VALUES list")
	}
	if s.IntoClause != nil {
		return "", nil, fmt.Errorf("SELECT INTO")
	}
	if len(s.LockingClause) > 0 {
		return "", nil, fmt.Errorf("a locking clause (FOR UPDATE/SHARE)")
	}
	if len(s.WindowClause) > 0 {
		return "", nil, fmt.Errorf("a WINDOW clause")
	}
	vs := &viewScope{outer: outer, vt: vt, outputs: map[string]outputRef{}}
	ctx := exprCtx{view: vs}
	var b strings.Builder
	if s.WithClause != nil {
		with, err := t.withSQL(s.WithClause, vs)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(with)
	}
	from, err := t.fromSQL(s.FromClause, vs)
	if err != nil {
		return "", nil, err
	}
	b.WriteString("SELECT ")
	if len(s.DistinctClause) > 0 {
		if len(s.DistinctClause) > 1 || s.DistinctClause[0] != nil && s.DistinctClause[0].Node != nil {
			return "", nil, fmt.Errorf("SELECT DISTINCT ON (...)")
		}
		b.WriteString("DISTINCT ")
	}
	var cols []viewCol
	var exprs []string
	var parts []string
	for _, n := range s.TargetList {
		rt := n.GetResTarget()
		if rt == nil || rt.Val == nil {
			return "", nil, fmt.Errorf("select-list item %s", nodeName(n))
		}
		if len(rt.Indirection) > 0 {
			return "", nil, fmt.Errorf("select-list item with a subscript or field selection")
		}
		if cr := rt.Val.GetColumnRef(); cr != nil && isStar(cr) {
			stars, err := vs.star(cr)
			if err != nil {
				return "", nil, err
			}
			for _, st := range stars {
				cols = append(cols, st.col)
				exprs = append(exprs, st.sql)
				parts = append(parts, st.sql+" AS "+sqltext.Ident(st.col.dolt))
			}
			continue
		}
		e, err := t.expr(rt.Val, ctx)
		if err != nil {
			return "", nil, err
		}
		name := rt.Name
		if name == "" {
			name = figureColname(rt.Val)
		}
		col := viewCol{pg: name, dolt: truncIdent(name), typ: t.kindOf(rt.Val, vs)}
		if cr := rt.Val.GetColumnRef(); cr != nil {
			if _, src, err := vs.column(cr); err == nil {
				col.doltType = src.doltType // a column passed through keeps its Dolt type
			}
		}
		if arrayOf {
			e = jsonValue(e, col.typ)
		}
		cols = append(cols, col)
		exprs = append(exprs, e)
		parts = append(parts, e+" AS "+sqltext.Ident(col.dolt))
		if _, dup := vs.outputs[name]; !dup {
			vs.outputs[name] = outputRef{sql: e, col: col}
		}
	}
	if arrayOf {
		if len(cols) != 1 {
			return "", nil, fmt.Errorf("ARRAY(SELECT ...) of %d columns", len(cols))
		}
		if len(s.GroupClause) > 0 || s.HavingClause != nil || len(s.DistinctClause) > 0 || len(s.SortClause) > 0 || s.LimitCount != nil || s.LimitOffset != nil {
			return "", nil, fmt.Errorf("ARRAY(SELECT ...) with DISTINCT, GROUP BY, ORDER BY or LIMIT (JSON_ARRAYAGG cannot keep them)")
		}
		// CAST('[]' AS JSON), not JSON_ARRAY(): Dolt 1.83 takes JSON_ARRAY() for
		// a non-aggregated column under ONLY_FULL_GROUP_BY.
		parts = []string{"COALESCE(JSON_ARRAYAGG(" + exprs[0] + "), CAST('[]' AS JSON))"}
		cols[0].typ = vtype{k: kArray, scale: -1}
	}
	if len(cols) == 0 {
		return "", nil, fmt.Errorf("a SELECT without columns")
	}
	b.WriteString(strings.Join(parts, ", "))
	if from != "" {
		b.WriteString(" FROM ")
		b.WriteString(from)
	}
	if s.WhereClause != nil {
		w, err := t.expr(s.WhereClause, ctx)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(" WHERE ")
		b.WriteString(w)
	}
	if len(s.GroupClause) > 0 {
		if s.GroupDistinct {
			return "", nil, fmt.Errorf("GROUP BY DISTINCT")
		}
		var gs []string
		for _, g := range s.GroupClause {
			if g.GetGroupingSet() != nil {
				return "", nil, fmt.Errorf("GROUPING SETS, ROLLUP or CUBE")
			}
			e, err := t.positional(g, exprs, ctx)
			if err != nil {
				return "", nil, err
			}
			gs = append(gs, e)
		}
		b.WriteString(" GROUP BY ")
		b.WriteString(strings.Join(gs, ", "))
	}
	if s.HavingClause != nil {
		h, err := t.expr(s.HavingClause, ctx)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(" HAVING ")
		b.WriteString(h)
	}
	order, err := t.orderBySQL(s.SortClause, exprs, ctx, orderSelect)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(order)
	limit, err := limitSQL(s)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(limit)
	return b.String(), cols, nil
}

// setOpSQL translates UNION, INTERSECT and EXCEPT, each arm in
// parentheses; a chain of one operator is written flat.
func (t *Translator) setOpSQL(s *pg.SelectStmt, outer *viewScope, vt *viewTrans) (string, []viewCol, error) {
	op := map[pg.SetOperation]string{pg.SetOperation_SETOP_UNION: "UNION", pg.SetOperation_SETOP_INTERSECT: "INTERSECT", pg.SetOperation_SETOP_EXCEPT: "EXCEPT"}[s.Op]
	if s.All {
		op += " ALL"
	}
	var arms []*pg.SelectStmt
	var flatten func(a *pg.SelectStmt)
	flatten = func(a *pg.SelectStmt) {
		if a.Op == s.Op && a.All == s.All && a != s && len(a.SortClause) == 0 && a.LimitCount == nil && a.LimitOffset == nil && a.WithClause == nil {
			flatten(a.Larg)
			arms = append(arms, a.Rarg)
			return
		}
		arms = append(arms, a)
	}
	flatten(s.Larg)
	arms = append(arms, s.Rarg)
	var cols []viewCol
	var parts []string
	for i, a := range arms {
		q, c, err := t.selectSQL(a, outer, vt, false)
		if err != nil {
			return "", nil, err
		}
		if i == 0 {
			cols = c
			for j := range cols {
				cols[j].doltType = "" // the arms together decide the type
			}
		} else if len(c) != len(cols) {
			return "", nil, fmt.Errorf("%s arms with %d and %d columns", op, len(cols), len(c))
		} else {
			for j := range cols {
				if cols[j].typ.k == kNull || cols[j].typ.k == kUnknown {
					cols[j].typ = c[j].typ
				}
			}
		}
		parts = append(parts, "("+q+")")
	}
	if s.WithClause != nil {
		return "", nil, fmt.Errorf("WITH around a %s", op)
	}
	var b strings.Builder
	b.WriteString(strings.Join(parts, " "+op+" "))
	// ORDER BY and LIMIT of a set operation see its output columns only.
	vs := &viewScope{outer: outer, vt: vt, outputs: map[string]outputRef{}}
	var exprs []string
	for _, c := range cols {
		e := sqltext.Ident(c.dolt)
		exprs = append(exprs, e)
		if _, dup := vs.outputs[c.pg]; !dup {
			vs.outputs[c.pg] = outputRef{sql: e, col: c}
		}
	}
	order, err := t.orderBySQL(s.SortClause, exprs, exprCtx{view: vs}, orderSetOp)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(order)
	limit, err := limitSQL(s)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(limit)
	return b.String(), cols, nil
}

// withSQL translates a WITH clause of non-recursive common table
// expressions; their names become visible in vs.
func (t *Translator) withSQL(w *pg.WithClause, vs *viewScope) (string, error) {
	if w.Recursive {
		return "", fmt.Errorf("WITH RECURSIVE")
	}
	vs.ctes = map[string][]viewCol{}
	var parts []string
	for _, n := range w.Ctes {
		cte := n.GetCommonTableExpr()
		sel := cte.GetCtequery().GetSelectStmt()
		if sel == nil {
			return "", fmt.Errorf("WITH %s holding a data-modifying statement", cte.Ctename)
		}
		if cte.SearchClause != nil || cte.CycleClause != nil {
			return "", fmt.Errorf("WITH %s with SEARCH or CYCLE", cte.Ctename)
		}
		q, cols, err := t.selectSQL(sel, vs, vs.vt, false)
		if err != nil {
			return "", err
		}
		names := strList(cte.Aliascolnames)
		if len(names) > len(cols) {
			return "", fmt.Errorf("WITH %s names more columns than its query returns", cte.Ctename)
		}
		head := sqltext.Ident(truncIdent(cte.Ctename))
		if len(names) > 0 {
			var q []string
			for i := range cols {
				if i < len(names) {
					cols[i].pg, cols[i].dolt = names[i], truncIdent(names[i])
				}
				q = append(q, sqltext.Ident(cols[i].dolt))
			}
			head += " (" + strings.Join(q, ", ") + ")"
		}
		parts = append(parts, head+" AS ("+q+")")
		vs.ctes[cte.Ctename] = cols
	}
	return "WITH " + strings.Join(parts, ", ") + " ", nil
}

// positional translates a GROUP BY item: an integer is the position of a
// select-list item (the same rule in PostgreSQL and MySQL), written out as
// that item's expression.
func (t *Translator) positional(n *pg.Node, exprs []string, ctx exprCtx) (string, error) {
	if c := n.GetAConst(); c != nil && c.GetIval() != nil {
		i := int(c.GetIval().Ival)
		if i < 1 || i > len(exprs) {
			return "", fmt.Errorf("position %d is not in the select list", i)
		}
		return exprs[i-1], nil
	}
	return t.expr(n, ctx)
}

// orderMode says where an ORDER BY is: a SELECT's, a set operation's
// (which sees the output columns only), or an aggregate's.
type orderMode int

const (
	orderSelect orderMode = iota
	orderSetOp
	orderAggregate
)

// orderBySQL translates ORDER BY. PostgreSQL sorts NULLs last ascending
// and first descending (manual, "SELECT": ORDER BY clause); MySQL does the
// opposite, so a sort key gets a leading (key IS NULL) term wherever the
// two differ.
func (t *Translator) orderBySQL(sorts []*pg.Node, exprs []string, ctx exprCtx, mode orderMode) (string, error) {
	if len(sorts) == 0 {
		return "", nil
	}
	var parts []string
	for _, n := range sorts {
		sb := n.GetSortBy()
		if sb == nil {
			return "", fmt.Errorf("ORDER BY item %s", nodeName(n))
		}
		if sb.SortbyDir == pg.SortByDir_SORTBY_USING {
			return "", fmt.Errorf("ORDER BY ... USING an operator")
		}
		var e string
		var err error
		if cr := sb.Node.GetColumnRef(); cr != nil && len(cr.Fields) == 1 && !isStar(cr) && mode != orderAggregate {
			// a bare name is an output column first (manual, "SELECT")
			if o, ok := ctx.view.outputs[cr.Fields[0].GetString_().GetSval()]; ok {
				e = o.sql
			}
		}
		switch {
		case e != "":
		case mode == orderAggregate:
			e, err = t.expr(sb.Node, ctx)
		case mode == orderSetOp && sb.Node.GetAConst() == nil && sb.Node.GetColumnRef() == nil:
			return "", fmt.Errorf("ORDER BY an expression over the result of a set operation")
		default:
			e, err = t.positional(sb.Node, exprs, ctx)
		}
		if err != nil {
			return "", err
		}
		desc := sb.SortbyDir == pg.SortByDir_SORTBY_DESC
		nullsFirst := desc
		switch sb.SortbyNulls {
		case pg.SortByNulls_SORTBY_NULLS_FIRST:
			nullsFirst = true
		case pg.SortByNulls_SORTBY_NULLS_LAST:
			nullsFirst = false
		}
		if nullsFirst != !desc && !neverNull(sb.Node) {
			k := "(" + e + " IS NULL)"
			if nullsFirst {
				k += " DESC"
			}
			parts = append(parts, k)
		}
		if desc {
			e += " DESC"
		}
		parts = append(parts, e)
	}
	return " ORDER BY " + strings.Join(parts, ", "), nil
}

// neverNull reports expressions that cannot be NULL: count(...) and
// constants.
func neverNull(n *pg.Node) bool {
	if fc := n.GetFuncCall(); fc != nil {
		fn := strList(fc.Funcname)
		return fn[len(fn)-1] == "count" && fc.Over == nil
	}
	if c := n.GetAConst(); c != nil {
		return !c.Isnull
	}
	return false
}

func limitSQL(s *pg.SelectStmt) (string, error) {
	if s.LimitOption == pg.LimitOption_LIMIT_OPTION_WITH_TIES {
		return "", fmt.Errorf("FETCH FIRST ... WITH TIES")
	}
	count, offset := "", ""
	if n := s.LimitCount; n != nil {
		c := n.GetAConst()
		switch {
		case c != nil && c.Isnull: // LIMIT ALL
		case c != nil && c.GetIval() != nil:
			count = strconv.Itoa(int(c.GetIval().Ival))
		default:
			return "", fmt.Errorf("LIMIT with a computed count")
		}
	}
	if n := s.LimitOffset; n != nil {
		c := n.GetAConst()
		if c == nil || c.GetIval() == nil {
			return "", fmt.Errorf("OFFSET with a computed count")
		}
		offset = strconv.Itoa(int(c.GetIval().Ival))
	}
	switch {
	case count == "" && offset == "":
		return "", nil
	case offset == "":
		return " LIMIT " + count, nil
	case count == "":
		return " LIMIT 18446744073709551615 OFFSET " + offset, nil
	}
	return " LIMIT " + count + " OFFSET " + offset, nil
}

// fromSQL translates a FROM list; its relations join vs. Relations listed
// with commas become CROSS JOINs, which MySQL ranks like JOIN (a comma
// ranks lower, so a later ON could not see the earlier relations).
func (t *Translator) fromSQL(from []*pg.Node, vs *viewScope) (string, error) {
	var parts []string
	for _, n := range from {
		s, err := t.fromItem(n, vs)
		if err != nil {
			return "", err
		}
		if n.GetJoinExpr() != nil && len(from) > 1 {
			s = "(" + s + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " CROSS JOIN "), nil
}

func (t *Translator) fromItem(n *pg.Node, vs *viewScope) (string, error) {
	switch e := n.Node.(type) {
	case *pg.Node_RangeVar:
		return t.fromRel(e.RangeVar, vs)
	case *pg.Node_JoinExpr:
		j := e.JoinExpr
		if j.Alias != nil {
			return "", fmt.Errorf("an aliased join (... JOIN ...) AS %s", j.Alias.Aliasname)
		}
		if j.JoinUsingAlias != nil {
			return "", fmt.Errorf("JOIN ... USING (...) AS %s", j.JoinUsingAlias.Aliasname)
		}
		l, err := t.fromItem(j.Larg, vs)
		if err != nil {
			return "", err
		}
		r, err := t.fromItem(j.Rarg, vs)
		if err != nil {
			return "", err
		}
		if j.Rarg.GetJoinExpr() != nil {
			r = "(" + r + ")"
		}
		var kind string
		switch j.Jointype {
		case pg.JoinType_JOIN_INNER:
			kind = "JOIN"
			if j.Quals == nil && len(j.UsingClause) == 0 && !j.IsNatural {
				kind = "CROSS JOIN"
			}
		case pg.JoinType_JOIN_LEFT:
			kind = "LEFT JOIN"
		case pg.JoinType_JOIN_RIGHT:
			kind = "RIGHT JOIN"
		case pg.JoinType_JOIN_FULL:
			kind = "FULL OUTER JOIN"
		default:
			return "", fmt.Errorf("join type %s", j.Jointype)
		}
		if j.IsNatural {
			kind = "NATURAL " + kind
		}
		s := l + " " + kind + " " + r
		switch {
		case len(j.UsingClause) > 0:
			var cs []string
			for _, c := range strList(j.UsingClause) {
				cs = append(cs, sqltext.Ident(truncIdent(c)))
			}
			s += " USING (" + strings.Join(cs, ", ") + ")"
		case j.Quals != nil:
			q, err := t.expr(j.Quals, exprCtx{view: vs})
			if err != nil {
				return "", err
			}
			s += " ON " + q
		}
		return s, nil
	case *pg.Node_RangeSubselect:
		rs := e.RangeSubselect
		sel := rs.Subquery.GetSelectStmt()
		if sel == nil {
			return "", fmt.Errorf("a FROM subquery that is not a SELECT")
		}
		outer := vs.outer
		lateral := ""
		if rs.Lateral {
			// a LATERAL subquery sees the relations before it
			outer = &viewScope{outer: vs.outer, items: append([]*rangeItem(nil), vs.items...), ctes: vs.ctes, vt: vs.vt}
			lateral = "LATERAL "
		} else if vs.ctes != nil {
			outer = &viewScope{outer: vs.outer, ctes: vs.ctes, vt: vs.vt}
		}
		q, cols, err := t.selectSQL(sel, outer, vs.vt, false)
		if err != nil {
			return "", err
		}
		alias := ""
		if rs.Alias != nil {
			alias = rs.Alias.Aliasname
			names := strList(rs.Alias.Colnames)
			if len(names) > len(cols) {
				return "", fmt.Errorf("subquery alias %s names more columns than the subquery returns", alias)
			}
			if len(names) > 0 {
				var parts []string
				for i := range cols {
					nc := cols[i]
					if i < len(names) {
						nc.pg, nc.dolt = names[i], truncIdent(names[i])
					}
					parts = append(parts, "`s`."+sqltext.Ident(cols[i].dolt)+" AS "+sqltext.Ident(nc.dolt))
					cols[i] = nc
				}
				q = "SELECT " + strings.Join(parts, ", ") + " FROM (" + q + ") AS `s`"
			}
		}
		ref := alias
		if ref == "" {
			vs.vt.nsub++
			ref = fmt.Sprintf("_sub%d", vs.vt.nsub)
		}
		vs.items = append(vs.items, &rangeItem{ref: truncIdent(ref), pgName: alias, cols: cols})
		return lateral + "(" + q + ") AS " + sqltext.Ident(truncIdent(ref)), nil
	case *pg.Node_RangeFunction:
		var names []string
		for _, f := range e.RangeFunction.Functions {
			for _, x := range f.GetList().GetItems() {
				if fc := x.GetFuncCall(); fc != nil {
					names = append(names, strings.Join(strList(fc.Funcname), ".")+"()")
				}
			}
		}
		return "", fmt.Errorf("the set-returning function %s in FROM", strings.Join(names, ", "))
	}
	return "", fmt.Errorf("FROM item %s", nodeName(n))
}

// fromRel translates a table, view or WITH query named in FROM. A
// relation is written under the name PostgreSQL refers to it by, so
// qualified column references keep working when its Dolt name differs.
func (t *Translator) fromRel(rv *pg.RangeVar, vs *viewScope) (string, error) {
	alias := ""
	if rv.Alias != nil {
		alias = rv.Alias.Aliasname
		if len(rv.Alias.Colnames) > 0 {
			return "", fmt.Errorf("column aliases on %s AS %s(...)", rv.Relname, alias)
		}
	}
	var dolt, db string
	var cols []viewCol
	if rv.Schemaname == "" {
		for s := vs; s != nil; s = s.outer {
			if c, ok := s.ctes[rv.Relname]; ok {
				dolt, cols = truncIdent(rv.Relname), c
				break
			}
		}
	}
	if dolt == "" {
		var err error
		dolt, db, cols, err = t.relation(rv, vs.vt)
		if err != nil {
			return "", err
		}
	}
	if db == vs.vt.def.db {
		db = "" // the view's own database: unqualified
	} else {
		vs.vt.cross = true
	}
	pgName := rv.Relname
	if alias != "" {
		pgName = alias
	}
	ref := truncIdent(pgName)
	item := &rangeItem{ref: ref, pgName: pgName, cols: cols}
	if alias == "" {
		item.schema = rv.Schemaname
	}
	for _, it := range vs.items {
		if strings.EqualFold(it.ref, ref) {
			return "", fmt.Errorf("two relations named %s in one FROM clause (Dolt names are case-insensitive)", ref)
		}
	}
	vs.items = append(vs.items, item)
	if ref == dolt && db == "" {
		return sqltext.Ident(dolt), nil
	}
	return schema.Qualified(db, dolt) + " AS " + sqltext.Ident(ref), nil
}

// relation resolves a table or view of the dump to its Dolt name, its
// Dolt database ("" in a one-database copy) and its columns. A view is
// translated first if it has not been.
func (t *Translator) relation(rv *pg.RangeVar, vt *viewTrans) (name, db string, cols []viewCol, err error) {
	dolt, cols, err := t.relationIn(rv, vt)
	if err != nil {
		return "", "", nil, err
	}
	if tb := t.tables[t.refName(rv).String()]; tb != nil {
		return dolt, tb.out.Database, cols, nil
	}
	return dolt, t.viewByRef(rv).db, cols, nil
}

func (t *Translator) relationIn(rv *pg.RangeVar, vt *viewTrans) (string, []viewCol, error) {
	name := t.refName(rv)
	if tb := t.tables[name.String()]; tb != nil {
		if r := tb.root(); r != tb {
			return "", nil, fmt.Errorf("it selects from partition %s, which is folded into table %s (its rows would include the other partitions')", tb.pg, r.pg)
		}
		if rv.Inh {
			for _, o := range t.order {
				for _, p := range o.inherits {
					if p == tb {
						return "", nil, fmt.Errorf("it selects from %s, whose INHERITS child %s is a separate Dolt table, so the child's rows no longer show through it", tb.pg, o.pg)
					}
				}
			}
		}
		if tb.out == nil {
			return "", nil, fmt.Errorf("table %s is not created", tb.pg)
		}
		return tb.out.Name, t.tableCols(tb), nil
	}
	d := t.viewByRef(rv)
	if d == nil {
		if sq := t.seqs[name.String()]; sq != nil {
			return "", nil, fmt.Errorf("it selects from sequence %s (Dolt has no sequences)", name)
		}
		return "", nil, fmt.Errorf("it selects from %s, which is not a table or view of the dump", name)
	}
	if d.state == 1 {
		return "", nil, fmt.Errorf("it selects from view %s, which selects from it in turn", d.pg)
	}
	t.translateView(d)
	if d.skip != "" {
		return "", nil, fmt.Errorf("it selects from view %s, which is not translated", d.pg)
	}
	if d.cross {
		vt.cross = true // it reads another database through the view
	}
	vt.uses = append(vt.uses, (&schema.View{Name: d.name, Database: d.db}).ReportName())
	return d.name, append([]viewCol(nil), d.cols...), nil
}

func isStar(cr *pg.ColumnRef) bool {
	return len(cr.Fields) > 0 && cr.Fields[len(cr.Fields)-1].GetAStar() != nil
}

type starCol struct {
	sql string
	col viewCol
}

// star expands * or rel.* in a select list into the columns, in order.
func (vs *viewScope) star(cr *pg.ColumnRef) ([]starCol, error) {
	var out []starCol
	add := func(it *rangeItem) {
		for _, c := range it.cols {
			out = append(out, starCol{sql: sqltext.Ident(it.ref) + "." + sqltext.Ident(c.dolt), col: c})
		}
	}
	f := strList(cr.Fields[:len(cr.Fields)-1])
	if len(f) == 0 {
		if len(vs.items) == 0 {
			return nil, fmt.Errorf("SELECT * without FROM")
		}
		for _, it := range vs.items {
			add(it)
		}
		return out, nil
	}
	rel := f[len(f)-1]
	for _, it := range vs.items {
		if it.pgName == rel {
			add(it)
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s.* names no relation of the FROM clause", rel)
}

// column resolves a column reference: a qualified one to the relation
// PostgreSQL refers to by that name, an unqualified one to the single
// relation of the innermost query level holding the column, then to a
// select-list name of that level, then outward.
func (vs *viewScope) column(cr *pg.ColumnRef) (string, viewCol, error) {
	if isStar(cr) {
		return "", viewCol{}, fmt.Errorf("* outside the select list")
	}
	f := strList(cr.Fields)
	name := f[len(f)-1]
	qual := f[:len(f)-1]
	if len(qual) > 0 {
		rel := qual[len(qual)-1]
		sch := ""
		if len(qual) >= 2 {
			sch = qual[len(qual)-2]
		}
		for s := vs; s != nil; s = s.outer {
			for _, it := range s.items {
				if it.pgName != rel || sch != "" && it.schema != sch {
					continue
				}
				c := it.col(name)
				if c == nil {
					return "", viewCol{}, fmt.Errorf("column %s.%s does not exist", rel, name)
				}
				return sqltext.Ident(it.ref) + "." + sqltext.Ident(c.dolt), *c, nil
			}
		}
		return "", viewCol{}, fmt.Errorf("%s.%s names no relation of the FROM clause", rel, name)
	}
	for s := vs; s != nil; s = s.outer {
		var hits []*rangeItem
		for _, it := range s.items {
			if it.col(name) != nil {
				hits = append(hits, it)
			}
		}
		switch {
		case len(hits) == 1:
			c := hits[0].col(name)
			return sqltext.Ident(hits[0].ref) + "." + sqltext.Ident(c.dolt), *c, nil
		case len(hits) > 1:
			// PostgreSQL allows this only for the columns of JOIN ... USING
			// and NATURAL JOIN, which MySQL resolves the same way.
			c := hits[0].col(name)
			for _, h := range hits[1:] {
				if h.col(name).dolt != c.dolt {
					return "", viewCol{}, fmt.Errorf("column reference %q is ambiguous", name)
				}
			}
			return sqltext.Ident(c.dolt), *c, nil
		}
		if s == vs {
			if o, ok := s.outputs[name]; ok {
				return o.sql, o.col, nil
			}
		}
	}
	return "", viewCol{}, fmt.Errorf("column or whole-row reference %q is not in the FROM clause", name)
}

// figureColname is the name PostgreSQL gives a select-list item without
// AS (its FigureColname rules): a column's name, a function's name, and
// so on, else "?column?".
func figureColname(n *pg.Node) string {
	switch e := n.Node.(type) {
	case *pg.Node_ColumnRef:
		f := strList(e.ColumnRef.Fields)
		if len(f) > 0 && f[len(f)-1] != "" {
			return f[len(f)-1]
		}
	case *pg.Node_FuncCall:
		fn := strList(e.FuncCall.Funcname)
		return fn[len(fn)-1]
	case *pg.Node_TypeCast:
		if name := figureColname(e.TypeCast.Arg); name != "?column?" {
			return name
		}
		_, tn := typeNameParts(e.TypeCast.TypeName)
		return tn
	case *pg.Node_CaseExpr:
		return "case"
	case *pg.Node_CoalesceExpr:
		return "coalesce"
	case *pg.Node_MinMaxExpr:
		if e.MinMaxExpr.Op == pg.MinMaxOp_IS_LEAST {
			return "least"
		}
		return "greatest"
	case *pg.Node_AArrayExpr:
		return "array"
	case *pg.Node_SubLink:
		switch e.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK:
			return "exists"
		case pg.SubLinkType_ARRAY_SUBLINK:
			return "array"
		case pg.SubLinkType_EXPR_SUBLINK:
			if sel := e.SubLink.Subselect.GetSelectStmt(); sel != nil && len(sel.TargetList) == 1 {
				rt := sel.TargetList[0].GetResTarget()
				if rt.Name != "" {
					return rt.Name
				}
				return figureColname(rt.Val)
			}
		}
	case *pg.Node_SqlvalueFunction:
		return strings.ToLower(svfName(e.SqlvalueFunction.Op))
	}
	return "?column?"
}

func nodeName(n *pg.Node) string {
	if n == nil || n.Node == nil {
		return "(empty)"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_")
}

// viewExpr is the part of [Translator.expr] that only a view's query
// needs: column references through the FROM clause, aggregates,
// subqueries, typed division, || and date arithmetic, casts with their
// PostgreSQL result. ok is false for what expr translates the same way
// everywhere (it calls back here for the operands).
func (t *Translator) viewExpr(n *pg.Node, ctx exprCtx) (s string, ok bool, err error) {
	vs := ctx.view
	switch e := n.Node.(type) {
	case *pg.Node_ColumnRef:
		s, _, err := vs.column(e.ColumnRef)
		return s, true, err
	case *pg.Node_TypeCast:
		s, err := t.viewCast(e.TypeCast, ctx)
		return s, true, err
	case *pg.Node_FuncCall:
		return t.viewFunc(e.FuncCall, ctx)
	case *pg.Node_SubLink:
		s, err := t.subLink(e.SubLink, ctx)
		return s, true, err
	case *pg.Node_AExpr:
		return t.viewAExpr(e.AExpr, ctx)
	case *pg.Node_SqlvalueFunction:
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			vs.vt.note(noteUTC)
			return "CAST(UTC_TIMESTAMP(6) AS DATE)", true, nil // Dolt 1.83 has no UTC_DATE()
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			vs.vt.note(noteUTC)
			return "UTC_TIMESTAMP(6)", true, nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
			vs.vt.note(noteUTC)
			return "CAST(UTC_TIMESTAMP(6) AS TIME(6))", true, nil // nor UTC_TIME()
		}
	case *pg.Node_AArrayExpr:
		var parts []string
		for _, el := range e.AArrayExpr.Elements {
			if el.GetAArrayExpr() != nil {
				return "", true, fmt.Errorf("a multi-dimensional ARRAY[...]")
			}
			s, err := t.expr(el, ctx)
			if err != nil {
				return "", true, err
			}
			parts = append(parts, jsonValue(s, t.kindOf(el, vs)))
		}
		return "JSON_ARRAY(" + strings.Join(parts, ", ") + ")", true, nil
	case *pg.Node_CollateClause:
		return "", true, fmt.Errorf("COLLATE %s", strings.Join(strList(e.CollateClause.Collname), "."))
	}
	return "", false, nil
}

const noteUTC = "now(), CURRENT_TIMESTAMP and CURRENT_DATE are taken in UTC, the time zone pgcopy stores timestamps with time zone in"

// jsonValue makes a value JSON the way PostgreSQL's json functions do:
// a boolean becomes true/false (Dolt's booleans are 0/1).
func jsonValue(s string, typ vtype) string {
	if typ.k == kBool {
		return "(CASE WHEN " + s + " THEN CAST('true' AS JSON) WHEN NOT " + s + " THEN CAST('false' AS JSON) END)"
	}
	return s
}

// textOf writes a value as PostgreSQL writes its text form (for || and
// concat), or fails for kinds whose text form MySQL writes differently.
func textOf(s string, typ vtype, what string) (string, error) {
	switch typ.k {
	case kText, kInt, kNumeric, kUnknown, kNull, kOther:
		return s, nil
	case kBool:
		return "(CASE WHEN " + s + " THEN 'true' WHEN NOT " + s + " THEN 'false' END)", nil
	case kDate:
		return "DATE_FORMAT(" + s + ", '%Y-%m-%d')", nil
	case kJSON:
		return "CAST(" + s + " AS CHAR)", nil
	}
	return "", fmt.Errorf("%s with a %s operand, whose text form differs in MySQL", what, kindNames[typ.k])
}

func (t *Translator) viewAExpr(a *pg.A_Expr, ctx exprCtx) (string, bool, error) {
	if a.Kind != pg.A_Expr_Kind_AEXPR_OP || a.Lexpr == nil || len(a.Name) == 0 {
		if a.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY || a.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL {
			// = ANY (array column): arrays are JSON in Dolt
			r := a.Rexpr
			for r.GetTypeCast() != nil {
				r = r.GetTypeCast().Arg
			}
			if r.GetAArrayExpr() == nil {
				return "", true, fmt.Errorf("%s ANY/ALL over an array value (arrays are stored as JSON)", strList(a.Name)[len(a.Name)-1])
			}
		}
		return "", false, nil
	}
	vs := ctx.view
	op := strList(a.Name)[len(a.Name)-1]
	lt, rt := t.kindOf(a.Lexpr, vs), t.kindOf(a.Rexpr, vs)
	switch op {
	case "||":
		if lt.k == kJSON || rt.k == kJSON || lt.k == kArray || rt.k == kArray {
			return "", true, fmt.Errorf("|| on json or array values")
		}
		var args []string
		var walk func(n *pg.Node) error
		walk = func(n *pg.Node) error {
			if x := n.GetAExpr(); x != nil && x.Kind == pg.A_Expr_Kind_AEXPR_OP && x.Lexpr != nil && len(x.Name) == 1 && strList(x.Name)[0] == "||" {
				if err := walk(x.Lexpr); err != nil {
					return err
				}
				return walk(x.Rexpr)
			}
			s, err := t.expr(n, ctx)
			if err != nil {
				return err
			}
			s, err = textOf(s, t.kindOf(n, vs), "||")
			if err != nil {
				return err
			}
			args = append(args, s)
			return nil
		}
		if err := walk(&pg.Node{Node: &pg.Node_AExpr{AExpr: a}}); err != nil {
			return "", true, err
		}
		return "CONCAT(" + strings.Join(args, ", ") + ")", true, nil
	case "/":
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", true, err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", true, err
		}
		switch {
		case lt.k == kInt && rt.k == kInt:
			// integer division truncates toward zero in both
			return "(" + l + " DIV " + r + ")", true, nil
		case lt.k == kFloat || rt.k == kFloat:
			return "(" + l + " / " + r + ")", true, nil
		case (lt.k == kNumeric || lt.k == kInt) && (rt.k == kNumeric || rt.k == kInt):
			vs.vt.note("numeric division keeps 4 more decimal places than its dividend (MySQL's div_precision_increment), where PostgreSQL keeps at least 16")
			return "(" + l + " / " + r + ")", true, nil
		}
		return "", true, fmt.Errorf("division of a %s by a %s", kindNames[lt.k], kindNames[rt.k])
	case "+", "-", "*":
		if !isTemporal(lt.k) && !isTemporal(rt.k) {
			return "", false, nil
		}
		return t.dateArith(a, op, lt, rt, ctx)
	}
	return "", false, nil
}

func isTemporal(k vkind) bool {
	return k == kDate || k == kTimestamp || k == kTime || k == kInterval
}

// dateArith translates date and timestamp arithmetic (PostgreSQL manual,
// "Date/Time Functions and Operators"): date ± integer days, date - date
// (days, DATEDIFF), and date or timestamp ± a constant interval.
func (t *Translator) dateArith(a *pg.A_Expr, op string, lt, rt vtype, ctx exprCtx) (string, bool, error) {
	if iv, ok := intervalConst(a.Rexpr); ok && (lt.k == kDate || lt.k == kTimestamp) && (op == "+" || op == "-") {
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", true, err
		}
		return "(" + l + " " + op + " " + iv + ")", true, nil
	}
	if iv, ok := intervalConst(a.Lexpr); ok && (rt.k == kDate || rt.k == kTimestamp) && op == "+" {
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", true, err
		}
		return "(" + r + " + " + iv + ")", true, nil
	}
	l, err := t.expr(a.Lexpr, ctx)
	if err != nil {
		return "", true, err
	}
	r, err := t.expr(a.Rexpr, ctx)
	if err != nil {
		return "", true, err
	}
	switch {
	case lt.k == kDate && rt.k == kInt && op == "+":
		return "DATE(DATE_ADD(" + l + ", INTERVAL " + r + " DAY))", true, nil
	case lt.k == kInt && rt.k == kDate && op == "+":
		return "DATE(DATE_ADD(" + r + ", INTERVAL " + l + " DAY))", true, nil
	case lt.k == kDate && rt.k == kInt && op == "-":
		return "DATE(DATE_SUB(" + l + ", INTERVAL " + r + " DAY))", true, nil
	case lt.k == kDate && rt.k == kDate && op == "-":
		return "DATEDIFF(" + l + ", " + r + ")", true, nil
	}
	return "", true, fmt.Errorf("%s %s %s (Dolt has no interval type)", kindNames[lt.k], op, kindNames[rt.k])
}

// viewCast translates expr::type with PostgreSQL's result: a constant is
// converted as a loaded value of that type would be; other values get a
// CAST where the MySQL value would differ.
func (t *Translator) viewCast(tc *pg.TypeCast, ctx exprCtx) (string, error) {
	tn := t.resolveDomain(tc.TypeName)
	to := t.typeOf(tn)
	if c := tc.Arg.GetAConst(); c != nil {
		if c.Isnull {
			return "NULL", nil
		}
		if c.GetSval() != nil {
			return t.castConst(c.GetSval().Sval, tn, to)
		}
	}
	inner, err := t.expr(tc.Arg, ctx)
	if err != nil {
		return "", err
	}
	from := t.kindOf(tc.Arg, ctx.view)
	if from.k == kNull {
		return inner, nil
	}
	mods, _ := typmods(tn)
	_, name := typeNameParts(tn)
	bad := func() (string, error) {
		return "", fmt.Errorf("a cast of a %s to %s", kindNames[from.k], pgTypeString(tc.TypeName))
	}
	switch to.k {
	case kText:
		s, err := textOf(inner, from, "a cast to text")
		if err != nil {
			return "", err
		}
		if len(mods) == 1 && (name == "varchar" || name == "bpchar") {
			// an explicit cast to varchar(n) cuts the value to n characters
			return "LEFT(" + s + ", " + strconv.Itoa(mods[0]) + ")", nil
		}
		if from.k == kInt || from.k == kNumeric {
			return "CAST(" + s + " AS CHAR)", nil
		}
		return s, nil
	case kInt:
		switch from.k {
		case kInt, kBool:
			return inner, nil
		case kNumeric, kFloat, kText, kUnknown:
			// rounds to the nearest integer, as PostgreSQL does
			return "CAST(" + inner + " AS SIGNED)", nil
		}
		return bad()
	case kNumeric:
		if len(mods) == 2 {
			return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", inner, mods[0], mods[1]), nil
		}
		if len(mods) == 1 {
			return fmt.Sprintf("CAST(%s AS DECIMAL(%d,0))", inner, mods[0]), nil
		}
		if from.k == kInt || from.k == kNumeric {
			return inner, nil
		}
		return bad()
	case kFloat:
		switch from.k {
		case kInt, kNumeric, kFloat, kText, kUnknown:
			if name == "float4" {
				return "CAST(" + inner + " AS FLOAT)", nil
			}
			return "CAST(" + inner + " AS DOUBLE)", nil
		}
		return bad()
	case kBool:
		switch from.k {
		case kBool:
			return inner, nil
		case kInt:
			return "(" + inner + " <> 0)", nil
		}
		return bad()
	case kDate:
		switch from.k {
		case kDate:
			return inner, nil
		case kTimestamp, kText, kUnknown:
			return "CAST(" + inner + " AS DATE)", nil
		}
		return bad()
	case kTimestamp:
		switch from.k {
		case kTimestamp:
			return inner, nil
		case kDate, kText, kUnknown:
			return "CAST(" + inner + " AS DATETIME(6))", nil
		}
		return bad()
	case kTime:
		switch from.k {
		case kTime:
			return inner, nil
		case kTimestamp, kText, kUnknown:
			return "CAST(" + inner + " AS TIME(6))", nil
		}
		return bad()
	case kJSON:
		switch from.k {
		case kJSON, kArray:
			return inner, nil
		case kText, kUnknown:
			return "CAST(" + inner + " AS JSON)", nil
		}
		return bad()
	case kArray:
		if from.k == kArray {
			return inner, nil
		}
		return bad()
	}
	if from.k == kText || from.k == kOther || from.k == kUnknown {
		// uuid, enum and other types stored as their text form
		if _, ok := t.lookupEnum(typeNameParts(tn)); ok || name == "uuid" {
			return inner, nil
		}
	}
	return bad()
}

// castConst converts 'text'::type the way a loaded value of that type is
// converted, so the constant means in Dolt what it meant in PostgreSQL.
func (t *Translator) castConst(v string, tn *pg.TypeName, to vtype) (string, error) {
	if to.k == kInterval {
		return "", fmt.Errorf("an interval value outside date arithmetic (Dolt has no interval type)")
	}
	ct, err := t.mapType(tn)
	if err != nil {
		return "", err
	}
	if to.k == kArray {
		js, err := pgtext.ArrayToJSON(v, ct.elem)
		if err != nil {
			return "", err
		}
		return "CAST(" + sqltext.String(js) + " AS JSON)", nil
	}
	if to.k == kJSON {
		if !json.Valid([]byte(v)) {
			return "", fmt.Errorf("invalid json constant %q", v)
		}
		return "CAST(" + sqltext.String(v) + " AS JSON)", nil
	}
	if to.k == kBool {
		b, err := pgtext.Bool(v)
		if err != nil {
			return "", err
		}
		if b {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	lit, err := convertText(ct, v)
	if err != nil {
		return "", fmt.Errorf("constant %q of type %s: %v", v, pgTypeString(tn), err)
	}
	switch to.k {
	case kDate:
		return "CAST(" + lit + " AS DATE)", nil
	case kTimestamp:
		return "CAST(" + lit + " AS DATETIME(6))", nil
	case kTime:
		return "CAST(" + lit + " AS TIME(6))", nil
	}
	return lit, nil
}

// aggregates maps PostgreSQL aggregates (manual, "Aggregate Functions")
// to the MySQL aggregate with the same result.
var aggregates = map[string]string{
	"count": "COUNT", "sum": "SUM", "min": "MIN", "max": "MAX", "avg": "AVG",
	"bool_and": "MIN", "every": "MIN", "bool_or": "MAX",
	"string_agg": "GROUP_CONCAT", "json_agg": "JSON_ARRAYAGG", "jsonb_agg": "JSON_ARRAYAGG", "array_agg": "JSON_ARRAYAGG",
	"json_object_agg": "JSON_OBJECTAGG", "jsonb_object_agg": "JSON_OBJECTAGG",
}

// extractFields maps EXTRACT/date_part fields to MySQL functions.
var extractFields = map[string]string{
	"year": "YEAR(%s)", "month": "MONTH(%s)", "day": "DAYOFMONTH(%s)", "hour": "HOUR(%s)", "minute": "MINUTE(%s)",
	"quarter": "QUARTER(%s)", "dow": "(DAYOFWEEK(%s) - 1)", "isodow": "(WEEKDAY(%s) + 1)", "doy": "DAYOFYEAR(%s)",
	"week": "WEEK(%s, 3)",
}

func (t *Translator) viewFunc(fc *pg.FuncCall, ctx exprCtx) (string, bool, error) {
	vs := ctx.view
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	if len(fn) > 1 && fn[0] != "pg_catalog" {
		return "", true, fmt.Errorf("it calls %s(), a user-defined function or aggregate (Dolt cannot run PostgreSQL functions)", strings.Join(fn, "."))
	}
	if fc.Over != nil {
		return "", true, fmt.Errorf("the window function %s() OVER (...)", name)
	}
	if m, ok := aggregates[name]; ok {
		s, err := t.aggregate(fc, name, m, ctx)
		return s, true, err
	}
	if fc.AggStar || fc.AggDistinct || len(fc.AggOrder) > 0 || fc.AggFilter != nil || fc.AggWithinGroup {
		return "", true, fmt.Errorf("the aggregate %s()", name)
	}
	args := func() ([]string, error) { return t.exprList(fc.Args, ctx) }
	switch name {
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		vs.vt.note(noteUTC)
		return "UTC_TIMESTAMP(6)", true, nil
	case "concat", "concat_ws":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		for i := range a {
			if name == "concat_ws" && i == 0 {
				continue
			}
			if a[i], err = textOf(a[i], t.kindOf(fc.Args[i], vs), name+"()"); err != nil {
				return "", true, err
			}
		}
		if name == "concat" {
			// CONCAT_WS skips NULLs, as PostgreSQL's concat does
			return "CONCAT_WS(''" + strings.Join(append([]string{""}, a...), ", ") + ")", true, nil
		}
		return "CONCAT_WS(" + strings.Join(a, ", ") + ")", true, nil
	case "substring", "substr":
		if len(fc.Args) < 2 || len(fc.Args) > 3 || t.kindOf(fc.Args[1], vs).k != kInt {
			return "", true, fmt.Errorf("%s() with a regular expression", name)
		}
		if c := fc.Args[1].GetAConst(); c == nil || c.GetIval() == nil || c.GetIval().Ival < 1 {
			return "", true, fmt.Errorf("%s() from a computed or non-positive start (MySQL counts those differently)", name)
		}
		a, err := args()
		if err != nil {
			return "", true, err
		}
		return "SUBSTRING(" + strings.Join(a, ", ") + ")", true, nil
	case "position":
		a, err := args()
		if err != nil || len(a) != 2 {
			return "", true, errOr(err, "position() with %d arguments", len(a))
		}
		return "LOCATE(" + a[1] + ", " + a[0] + ")", true, nil
	case "trunc":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		if len(a) == 1 {
			a = append(a, "0")
		}
		return "TRUNCATE(" + strings.Join(a, ", ") + ")", true, nil
	case "lpad", "rpad":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		if len(a) == 2 {
			a = append(a, "' '")
		}
		return strings.ToUpper(name) + "(" + strings.Join(a, ", ") + ")", true, nil
	case "date_part", "extract":
		if len(fc.Args) != 2 {
			return "", true, fmt.Errorf("%s() with %d arguments", name, len(fc.Args))
		}
		field := strings.ToLower(fc.Args[0].GetAConst().GetSval().GetSval())
		f, ok := extractFields[field]
		if !ok {
			return "", true, fmt.Errorf("%s(%q, ...)", name, field)
		}
		a, err := t.expr(fc.Args[1], ctx)
		if err != nil {
			return "", true, err
		}
		return fmt.Sprintf(f, a), true, nil
	case "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array":
		var a []string
		for i, x := range fc.Args {
			s, err := t.expr(x, ctx)
			if err != nil {
				return "", true, err
			}
			typ := t.kindOf(x, vs)
			if typ.k == kTimestamp || typ.k == kTime {
				vs.vt.note("timestamps inside JSON values are written in MySQL's text form")
			}
			if strings.HasSuffix(name, "object") && i%2 == 0 {
				a = append(a, s)
				continue
			}
			a = append(a, jsonValue(s, typ))
		}
		if strings.HasSuffix(name, "object") {
			return "JSON_OBJECT(" + strings.Join(a, ", ") + ")", true, nil
		}
		return "JSON_ARRAY(" + strings.Join(a, ", ") + ")", true, nil
	case "to_json", "to_jsonb":
		if len(fc.Args) != 1 {
			return "", true, fmt.Errorf("%s() with %d arguments", name, len(fc.Args))
		}
		typ := t.kindOf(fc.Args[0], vs)
		if typ.k != kJSON && typ.k != kArray {
			return "", true, fmt.Errorf("%s() of a %s", name, kindNames[typ.k])
		}
		s, err := t.expr(fc.Args[0], ctx)
		return s, true, err
	}
	return "", false, nil
}

func errOr(err error, format string, args ...any) error {
	if err != nil {
		return err
	}
	return fmt.Errorf(format, args...)
}

// aggregate translates an aggregate call. FILTER (WHERE c) becomes a CASE
// inside aggregates that skip NULLs.
func (t *Translator) aggregate(fc *pg.FuncCall, name, m string, ctx exprCtx) (string, error) {
	vs := ctx.view
	if fc.AggWithinGroup {
		return "", fmt.Errorf("%s() WITHIN GROUP", name)
	}
	filter := ""
	if fc.AggFilter != nil {
		switch name {
		case "json_agg", "jsonb_agg", "array_agg", "json_object_agg", "jsonb_object_agg":
			return "", fmt.Errorf("%s() FILTER (WHERE ...) (its MySQL counterpart keeps NULLs)", name)
		}
		f, err := t.expr(fc.AggFilter, ctx)
		if err != nil {
			return "", err
		}
		filter = f
	}
	wrap := func(s string) string {
		if filter == "" {
			return s
		}
		return "(CASE WHEN " + filter + " THEN " + s + " END)"
	}
	distinct := ""
	if fc.AggDistinct {
		switch name {
		case "count", "sum", "min", "max", "avg", "string_agg":
			distinct = "DISTINCT "
		default:
			return "", fmt.Errorf("%s(DISTINCT ...)", name)
		}
	}
	if len(fc.AggOrder) > 0 && name != "string_agg" {
		return "", fmt.Errorf("%s(... ORDER BY ...) (%s has no ORDER BY)", name, m)
	}
	if fc.AggStar {
		if name != "count" {
			return "", fmt.Errorf("%s(*)", name)
		}
		if filter != "" {
			return "COUNT(" + wrap("1") + ")", nil
		}
		return "COUNT(*)", nil
	}
	args, err := t.exprList(fc.Args, ctx)
	if err != nil {
		return "", err
	}
	want := 1
	if name == "string_agg" || strings.HasSuffix(name, "object_agg") {
		want = 2
	}
	if len(args) != want {
		return "", fmt.Errorf("%s() with %d arguments", name, len(args))
	}
	switch name {
	case "string_agg":
		sep := fc.Args[1]
		for sep.GetTypeCast() != nil {
			sep = sep.GetTypeCast().Arg
		}
		if c := sep.GetAConst(); c == nil || c.GetSval() == nil {
			return "", fmt.Errorf("string_agg() with a computed separator")
		}
		order := ""
		if len(fc.AggOrder) > 0 {
			o, err := t.orderBySQL(fc.AggOrder, nil, ctx, orderAggregate)
			if err != nil {
				return "", err
			}
			order = o
		}
		vs.vt.note("string_agg() becomes GROUP_CONCAT(), whose result Dolt cuts at group_concat_max_len (1024 bytes unless the session raises it)")
		return "GROUP_CONCAT(" + distinct + wrap(args[0]) + order + " SEPARATOR " + args[1] + ")", nil
	case "json_agg", "jsonb_agg", "array_agg":
		if name == "array_agg" {
			vs.vt.note("array_agg() gives a JSON array, as pgcopy stores arrays")
		}
		return "JSON_ARRAYAGG(" + jsonValue(args[0], t.kindOf(fc.Args[0], vs)) + ")", nil
	case "json_object_agg", "jsonb_object_agg":
		return "JSON_OBJECTAGG(" + args[0] + ", " + jsonValue(args[1], t.kindOf(fc.Args[1], vs)) + ")", nil
	case "sum":
		typ := t.kindOf(fc.Args[0], vs)
		s := "SUM(" + distinct + wrap(args[0]) + ")"
		switch {
		case typ.k == kInt:
			// Dolt types SUM as double; PostgreSQL's sum of integers is exact
			return "CAST(" + s + " AS SIGNED)", nil
		case typ.k == kNumeric && typ.scale >= 0:
			return fmt.Sprintf("CAST(%s AS DECIMAL(65,%d))", s, min(typ.scale, 30)), nil
		case typ.k == kNumeric:
			vs.vt.note("sum() of a numeric expression of unknown scale is returned as Dolt computes it (typed double)")
		}
		return s, nil
	case "avg":
		if k := t.kindOf(fc.Args[0], vs).k; k == kInt || k == kNumeric {
			vs.vt.note("avg() keeps 4 more decimal places than its argument (MySQL's div_precision_increment), where PostgreSQL keeps at least 16")
		}
	case "min", "max", "bool_and", "every", "bool_or":
		k := t.kindOf(fc.Args[0], vs).k
		if k == kJSON || k == kArray {
			return "", fmt.Errorf("%s() of a %s", name, kindNames[k])
		}
	}
	return m + "(" + distinct + wrap(args[0]) + ")", nil
}

// subLink translates a subquery: EXISTS, IN (= ANY), NOT IN (<> ALL), a
// scalar subquery, and ARRAY(subquery) as a JSON array.
func (t *Translator) subLink(sl *pg.SubLink, ctx exprCtx) (string, error) {
	sel := sl.Subselect.GetSelectStmt()
	if sel == nil {
		return "", fmt.Errorf("a subquery that is not a SELECT")
	}
	q, cols, err := t.selectSQL(sel, ctx.view, ctx.view.vt, sl.SubLinkType == pg.SubLinkType_ARRAY_SUBLINK)
	if err != nil {
		return "", err
	}
	switch sl.SubLinkType {
	case pg.SubLinkType_EXISTS_SUBLINK:
		return "EXISTS (" + q + ")", nil
	case pg.SubLinkType_EXPR_SUBLINK, pg.SubLinkType_ARRAY_SUBLINK:
		if len(cols) != 1 {
			return "", fmt.Errorf("a scalar subquery of %d columns", len(cols))
		}
		return "(" + q + ")", nil
	case pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
		op := "="
		if len(sl.OperName) > 0 {
			op = strList(sl.OperName)[len(sl.OperName)-1]
		}
		if sl.Testexpr.GetRowExpr() != nil || len(cols) != 1 {
			return "", fmt.Errorf("a row comparison with a subquery")
		}
		l, err := t.expr(sl.Testexpr, ctx)
		if err != nil {
			return "", err
		}
		switch {
		case sl.SubLinkType == pg.SubLinkType_ANY_SUBLINK && op == "=":
			return "(" + l + " IN (" + q + "))", nil
		case sl.SubLinkType == pg.SubLinkType_ALL_SUBLINK && (op == "<>" || op == "!="):
			return "(" + l + " NOT IN (" + q + "))", nil
		}
		kind := "ANY"
		if sl.SubLinkType == pg.SubLinkType_ALL_SUBLINK {
			kind = "ALL"
		}
		return "", fmt.Errorf("%s %s (subquery)", op, kind)
	}
	return "", fmt.Errorf("a %s subquery", strings.TrimSuffix(sl.SubLinkType.String(), "_SUBLINK"))
}

// kindOf infers what an expression's value is: from the column types of
// the FROM clause, casts, constants and the result types of operators and
// functions (PostgreSQL manual chapter 9).
func (t *Translator) kindOf(n *pg.Node, vs *viewScope) vtype {
	unknown := vtype{k: kUnknown, scale: -1}
	if n == nil {
		return unknown
	}
	switch e := n.Node.(type) {
	case *pg.Node_AConst:
		c := e.AConst
		switch {
		case c.Isnull:
			return vtype{k: kNull, scale: -1}
		case c.GetIval() != nil:
			return vtype{k: kInt}
		case c.GetFval() != nil:
			f := c.GetFval().Fval
			if i := strings.IndexByte(f, '.'); i >= 0 && !strings.ContainsAny(f, "eE") {
				return vtype{k: kNumeric, scale: len(f) - i - 1}
			}
			return vtype{k: kNumeric, scale: -1}
		case c.GetBoolval() != nil:
			return vtype{k: kBool}
		case c.GetSval() != nil:
			return vtype{k: kText, scale: -1}
		}
		return vtype{k: kInt}
	case *pg.Node_ColumnRef:
		if _, c, err := vs.column(e.ColumnRef); err == nil {
			return c.typ
		}
	case *pg.Node_TypeCast:
		return t.typeOf(e.TypeCast.TypeName)
	case *pg.Node_BoolExpr, *pg.Node_NullTest, *pg.Node_BooleanTest:
		return vtype{k: kBool}
	case *pg.Node_CaseExpr:
		var ts []vtype
		for _, w := range e.CaseExpr.Args {
			ts = append(ts, t.kindOf(w.GetCaseWhen().Result, vs))
		}
		if e.CaseExpr.Defresult != nil {
			ts = append(ts, t.kindOf(e.CaseExpr.Defresult, vs))
		}
		return firstKnown(ts)
	case *pg.Node_CoalesceExpr:
		return t.firstKind(e.CoalesceExpr.Args, vs)
	case *pg.Node_MinMaxExpr:
		return t.firstKind(e.MinMaxExpr.Args, vs)
	case *pg.Node_SqlvalueFunction:
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			return vtype{k: kDate}
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
			return vtype{k: kTime}
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			return vtype{k: kTimestamp}
		}
		return vtype{k: kText, scale: -1}
	case *pg.Node_SubLink:
		switch e.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK, pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
			return vtype{k: kBool}
		case pg.SubLinkType_ARRAY_SUBLINK:
			return vtype{k: kArray, scale: -1}
		case pg.SubLinkType_EXPR_SUBLINK:
			if sel := e.SubLink.Subselect.GetSelectStmt(); sel != nil {
				return t.firstColumnKind(sel, vs)
			}
		}
	case *pg.Node_AArrayExpr:
		return vtype{k: kArray, scale: -1}
	case *pg.Node_AExpr:
		return t.aexprKind(e.AExpr, vs)
	case *pg.Node_FuncCall:
		return t.funcKind(e.FuncCall, vs)
	}
	return unknown
}

func firstKnown(ts []vtype) vtype {
	for _, x := range ts {
		if x.k != kNull && x.k != kUnknown {
			return x
		}
	}
	return vtype{k: kUnknown, scale: -1}
}

func (t *Translator) firstKind(args []*pg.Node, vs *viewScope) vtype {
	var ts []vtype
	for _, a := range args {
		ts = append(ts, t.kindOf(a, vs))
	}
	return firstKnown(ts)
}

// firstColumnKind is the kind of a scalar subquery: its first column's.
func (t *Translator) firstColumnKind(sel *pg.SelectStmt, outer *viewScope) vtype {
	for sel.Op != pg.SetOperation_SETOP_NONE && sel.Larg != nil {
		sel = sel.Larg
	}
	if len(sel.TargetList) == 0 {
		return vtype{k: kUnknown, scale: -1}
	}
	vs := &viewScope{outer: outer, vt: &viewTrans{def: outer.vt.def}, outputs: map[string]outputRef{}}
	if _, err := t.fromSQL(sel.FromClause, vs); err != nil {
		return vtype{k: kUnknown, scale: -1}
	}
	rt := sel.TargetList[0].GetResTarget()
	if rt == nil {
		return vtype{k: kUnknown, scale: -1}
	}
	return t.kindOf(rt.Val, vs)
}

func (t *Translator) aexprKind(a *pg.A_Expr, vs *viewScope) vtype {
	if a.Kind != pg.A_Expr_Kind_AEXPR_OP {
		if a.Kind == pg.A_Expr_Kind_AEXPR_NULLIF {
			return t.kindOf(a.Lexpr, vs)
		}
		return vtype{k: kBool}
	}
	op := strList(a.Name)[len(a.Name)-1]
	if a.Lexpr == nil {
		return t.kindOf(a.Rexpr, vs)
	}
	l, r := t.kindOf(a.Lexpr, vs), t.kindOf(a.Rexpr, vs)
	switch op {
	case "=", "<>", "!=", "<", ">", "<=", ">=", "~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*", "@>", "<@", "&&", "?", "?|", "?&":
		return vtype{k: kBool}
	case "||":
		if l.k == kJSON || l.k == kArray {
			return l
		}
		return vtype{k: kText, scale: -1}
	case "->", "#>":
		return vtype{k: kJSON}
	case "->>", "#>>":
		return vtype{k: kText, scale: -1}
	case "+", "-", "*", "/", "%":
		switch {
		case l.k == kDate && r.k == kDate:
			return vtype{k: kInt}
		case l.k == kDate && r.k == kInt, l.k == kInt && r.k == kDate:
			return vtype{k: kDate}
		case l.k == kDate || l.k == kTimestamp:
			if r.k == kInterval || r.k == kText {
				return vtype{k: kTimestamp}
			}
			return vtype{k: kInterval}
		case l.k == kInterval && (r.k == kDate || r.k == kTimestamp):
			return vtype{k: kTimestamp}
		case l.k == kFloat || r.k == kFloat:
			return vtype{k: kFloat, scale: -1}
		case l.k == kInt && r.k == kInt:
			return vtype{k: kInt}
		case (l.k == kNumeric || l.k == kInt) && (r.k == kNumeric || r.k == kInt):
			if l.scale < 0 || r.scale < 0 || op == "/" {
				return vtype{k: kNumeric, scale: -1}
			}
			if op == "*" {
				return vtype{k: kNumeric, scale: l.scale + r.scale}
			}
			return vtype{k: kNumeric, scale: max(l.scale, r.scale)}
		}
	}
	return vtype{k: kUnknown, scale: -1}
}

func (t *Translator) funcKind(fc *pg.FuncCall, vs *viewScope) vtype {
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	arg := func(i int) vtype {
		if i < len(fc.Args) {
			return t.kindOf(fc.Args[i], vs)
		}
		return vtype{k: kUnknown, scale: -1}
	}
	switch name {
	case "count", "length", "char_length", "character_length", "octet_length", "strpos", "position", "cardinality",
		"array_length", "json_array_length", "jsonb_array_length":
		return vtype{k: kInt}
	case "sum":
		a := arg(0)
		if a.k == kInt {
			return vtype{k: kInt}
		}
		return a
	case "avg":
		if arg(0).k == kFloat {
			return vtype{k: kFloat, scale: -1}
		}
		return vtype{k: kNumeric, scale: -1}
	case "min", "max", "abs", "greatest", "least", "sign", "ceil", "ceiling", "floor", "mod":
		return arg(0)
	case "round", "trunc":
		a := arg(0)
		if a.k == kNumeric || a.k == kInt {
			if len(fc.Args) == 1 {
				return vtype{k: kNumeric, scale: 0}
			}
			if c := fc.Args[1].GetAConst(); c != nil && c.GetIval() != nil {
				return vtype{k: kNumeric, scale: int(c.GetIval().Ival)}
			}
			return vtype{k: kNumeric, scale: -1}
		}
		return a
	case "bool_and", "bool_or", "every":
		return vtype{k: kBool}
	case "string_agg", "lower", "upper", "concat", "concat_ws", "substring", "substr", "btrim", "trim", "ltrim", "rtrim",
		"replace", "left", "right", "lpad", "rpad", "md5", "reverse", "jsonb_typeof", "json_typeof":
		return vtype{k: kText, scale: -1}
	case "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_build_object", "jsonb_build_object",
		"json_build_array", "jsonb_build_array", "to_json", "to_jsonb":
		return vtype{k: kJSON}
	case "array_agg":
		return vtype{k: kArray, scale: -1}
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		return vtype{k: kTimestamp}
	case "date_part":
		return vtype{k: kFloat, scale: -1}
	case "extract":
		return vtype{k: kNumeric, scale: -1}
	case "gen_random_uuid", "uuid_generate_v4":
		return vtype{k: kText, scale: -1}
	}
	return vtype{k: kUnknown, scale: -1}
}
