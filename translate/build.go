package translate

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Finish builds the Dolt schema from everything seen in the first pass. It
// returns every problem found, joined; the schema is only usable when the
// error is nil.
//
// The steps, in order: INHERITS children get their parents' columns;
// every root table (partitions fold into their partitioned parent) gets its
// Dolt name; the columns that must be key-able are found; columns are
// typed; over-wide rows are narrowed; integer columns linked by foreign
// keys are widened to one type; keys, indexes and checks are built; then
// foreign keys, then AUTO_INCREMENT.
func (t *Translator) Finish() (*schema.Database, error) {
	if t.db != nil {
		return t.db, errors.Join(t.errs...)
	}
	db := &schema.Database{}
	if t.clean > 0 {
		t.rep.Add("DROP", "pg_dump --clean prelude", report.Skipped, t.cleanFirst,
			"%d DROP statements (and ALTER TABLE ... DROP on tables not yet created) ignored: they remove what an earlier restore made, and pgcopy creates every table afresh", t.clean)
	}
	for _, tb := range t.order {
		t.mergeInherited(tb, 0)
	}
	// overrides: skip rules, renames, whole-table DDLs, column rules
	t.matchTables()
	t.assignDatabases() // schemas.go: with --schemas databases, each schema's database
	names, renames := t.tableNames()
	t.matchDDLs(names)
	t.resolveColumns()
	stats := t.rootStats()
	keyed := t.keyedColumns()
	keyStats := t.keyGroupStats(keyed, stats)
	// 1. tables and columns
	for _, tb := range t.order {
		if tb.root() != tb {
			continue
		}
		out := &schema.Table{PG: tb.pg, Name: names[tb], Database: t.dbOf(tb.pg.Schema), Pos: tb.pos, Comment: tb.comment}
		tb.out = out
		var notes []string
		group := "" // the summary groups tables renamed only by --schemas
		if out.Name != tb.pg.Name && !strings.HasPrefix(renames[tb], "named ") {
			notes = append(notes, "named "+out.Name)
			group = "named schema_table (--schemas)"
		}
		if r := renames[tb]; r != "" {
			notes = append(notes, r)
		}
		ddl := t.ddlOf(tb)
		if ddl != nil {
			notes = append(notes, "replaced by the whole-table override at "+ddl.Pos.String())
		}
		if tb.partitioned {
			notes = append(notes, "partitioned table becomes one table holding the rows of all its partitions")
		}
		for _, p := range tb.inherits {
			notes = append(notes, fmt.Sprintf("INHERITS (%s) dropped: kept as its own table holding the parent's columns too; its rows no longer show through %s", p.pg, p.pg))
		}
		act := report.Translated
		if len(notes) > 0 {
			act = report.Changed
		}
		if len(notes) != 1 {
			group = ""
		}
		t.rep.AddGrouped(group, "TABLE", tb.pg.String(), act, tb.pos, "%s", strings.Join(notes, "; "))
		if ddl != nil {
			t.buildFromDDL(tb, ddl)
		} else {
			t.buildColumns(tb, keyed, stats, keyStats)
		}
		db.Tables = append(db.Tables, out)
	}
	for _, tb := range t.order {
		if r := tb.root(); r != tb {
			tb.out = r.out
			t.rep.AddGrouped("partition folded into its parent table", "TABLE", tb.pg.String(), report.Changed, tb.pos, "partition folded into %s", r.out.Name)
		}
	}
	// 2. rows wider than Dolt allows
	for _, tb := range t.order {
		if tb.root() == tb && t.ddlOf(tb) == nil {
			t.fitRowSize(tb, keyed)
		}
	}
	// 3. integer columns linked by foreign keys get one type
	t.unifyFKTypes()
	// 4. keys, indexes, checks. CHECK and foreign-key names are unique
	// per Dolt database.
	checkNames, fkNames := namesPerDB{}, namesPerDB{}
	for _, tb := range t.order {
		if tb.root() == tb && t.ddlOf(tb) != nil {
			for _, ck := range tb.out.Checks {
				checkNames.in(tb.out.Database)[strings.ToLower(ck.Name)] = true
			}
		}
	}
	for _, tb := range t.order {
		t.buildKeys(tb, checkNames.in(tb.root().out.Database))
	}
	// 5. foreign keys (after every table's keys: a foreign key needs an
	// index on the referenced columns)
	t.checkDDLRefs(db, fkNames)
	for _, tb := range t.order {
		if d := t.ddlOf(tb.root()); d != nil {
			for _, f := range tb.fks {
				t.rep.Add("FK CONSTRAINT", tb.pg.String()+"."+f.c.Conname, report.Skipped, f.pos, "the whole-table override at %s defines the table's foreign keys", d.Pos)
			}
			continue
		}
		for _, f := range tb.fks {
			t.buildFK(tb, f, fkNames.in(tb.root().out.Database))
		}
	}
	// 6. auto-increment
	for _, tb := range t.order {
		switch {
		case tb.root() != tb:
		case t.ddlOf(tb) != nil:
			t.ddlAutoIncrement(tb)
		default:
			t.buildAutoIncrement(tb)
		}
	}
	t.reportSequences()
	// 7. values that do not fit a type an override chose; stale overrides
	t.checkFits(stats)
	t.checkStale()
	t.buildDecisions(stats, keyStats)
	db.Views = t.finishViews()                               // views.go
	db.Routines = append(db.Routines, t.finishTriggers()...) // triggers.go
	t.routineOverrides(db)                                   // objectoverrides.go: after the translated routines, which overrides replace
	if t.schemaDB != nil {
		db.Databases = t.databases
		db.CrossFKs = t.crossFKs
	}
	t.placeObjects() // schemas.go
	t.db = db
	return db, errors.Join(t.errs...)
}

func (tb *table) root() *table {
	r := tb
	for r.parent != nil {
		r = r.parent
	}
	return r
}

// mergeInherited gives an INHERITS child its parents' columns, in front of
// its own (PostgreSQL manual §5.10, "Inheritance": pg_dump writes only the
// child's local columns), and the parents' inheritable CHECK constraints.
func (t *Translator) mergeInherited(tb *table, depth int) {
	if tb.merged || len(tb.inherits) == 0 || depth > 32 {
		return
	}
	tb.merged = true
	var cols []*column
	byName := map[string]*column{}
	for _, p := range tb.inherits {
		t.mergeInherited(p, depth+1)
		for _, pc := range p.cols {
			if ex := byName[pc.name]; ex != nil {
				ex.notNull = ex.notNull || pc.notNull
				continue
			}
			c := *pc
			c.identity = false
			c.seq = ""
			c.from = p.pg.String()
			c.pos = tb.pos
			cols = append(cols, &c)
			byName[c.name] = &c
		}
		for _, ck := range p.checks {
			if ck.c.IsNoInherit {
				continue
			}
			tb.checks = append(tb.checks, &constraint{c: ck.c, pos: ck.pos, tbl: tb})
		}
	}
	for _, c := range tb.cols {
		if ex := byName[c.name]; ex != nil {
			// a local definition of an inherited column
			ex.notNull = ex.notNull || c.notNull
			if c.def != nil {
				ex.def = c.def
			}
			if c.comment != "" {
				ex.comment = c.comment
			}
			ex.from = ""
			continue
		}
		cols = append(cols, c)
	}
	tb.cols = cols
}

// pkOf returns the primary key constraint that holds for tb's rows: its own,
// or, for a partition, its partitioned parent's.
func pkOf(tb *table) *constraint {
	for r := tb; r != nil; r = r.parent {
		if r.pk != nil {
			return r.pk
		}
	}
	return nil
}

// keyedColumns finds the columns that a Dolt key must hold in full: the
// primary key's, both sides of every foreign key, and citext columns in
// unique keys (Dolt rejects a unique key on a case-insensitive TEXT
// column). Dolt cannot put a TEXT column in a primary key or a foreign key
// (dolt-facts E), so such columns become varchar. The value is the reason,
// for the report.
func (t *Translator) keyedColumns() map[colKey]string {
	keyed := map[colKey]string{}
	mark := func(tb *table, col, why string) {
		k := colKey{tb.root(), col}
		if _, ok := keyed[k]; !ok {
			keyed[k] = why
		}
	}
	for _, tb := range t.order {
		if tb.pk != nil {
			for _, c := range strList(tb.pk.c.Keys) {
				mark(tb, c, "the primary key")
			}
		}
	}
	for _, tb := range t.order {
		for _, f := range tb.fks {
			for _, c := range strList(f.c.FkAttrs) {
				mark(tb, c, "foreign key "+f.c.Conname)
			}
			ref := t.lookup(f.c.Pktable)
			if ref == nil {
				continue
			}
			refCols := strList(f.c.PkAttrs)
			if len(refCols) == 0 {
				if pk := pkOf(ref); pk != nil {
					refCols = strList(pk.c.Keys)
				}
			}
			for _, c := range refCols {
				mark(ref, c, "the columns foreign key "+f.c.Conname+" references")
			}
		}
	}
	ciUnique := func(tb *table, cols []string, what string) {
		for _, c := range cols {
			col := tb.root().column(c)
			if col == nil {
				continue
			}
			ct, err := t.mapType(t.resolveDomain(col.tn))
			if err != nil {
				continue
			}
			coll := ct.collation
			if col.collate != "" {
				coll, _ = t.mapCollation(col.collate)
			}
			if e := t.effOf(tb.root(), c); e != nil {
				if e.TypeDecided() {
					continue // the override chose the type; Dolt says whether it keys
				}
				if e.Collation.Set {
					coll = e.Collation.Value
				}
			}
			if ct.blob() && strings.Contains(coll, "_ci") {
				mark(tb, c, what)
			}
		}
	}
	for _, tb := range t.order {
		for _, u := range tb.uniques {
			ciUnique(tb, strList(u.c.Keys), "unique constraint "+u.c.Conname)
		}
		for _, ix := range tb.indexes {
			if !ix.s.Unique || ix.s.WhereClause != nil {
				continue
			}
			var cols []string
			for _, p := range ix.s.IndexParams {
				if e := p.GetIndexElem(); e != nil && e.Name != "" {
					cols = append(cols, e.Name)
				}
			}
			ciUnique(tb, cols, "unique index "+ix.s.Idxname)
		}
	}
	return keyed
}

// buildColumns types every column of a root table, then translates the
// defaults and generation expressions, which may name other columns.
func (t *Translator) buildColumns(tb *table, keyed map[colKey]string, stats, keyStats map[colKey]*colStat) {
	out := tb.out
	used := map[string]string{}
	for _, c := range tb.cols {
		if t.skippedColumn(tb, c.name) {
			t.rep.Add("COLUMN", tb.pg.String()+"."+c.name, report.Skipped, c.pos, "skipped by the override at %s; its values are dropped", t.effOf(tb, c.name).Skip.Pos)
			continue
		}
		k := colKey{tb, c.name}
		st := stats[k]
		if keyStats[k] != nil {
			st = keyStats[k]
		}
		oc := t.buildColumn(tb, c, keyed[k], st)
		base := oc.Name
		for i := 2; used[strings.ToLower(oc.Name)] != ""; i++ {
			oc.Name = truncIdent(fmt.Sprintf("%s_%d", base, i))
		}
		if oc.Name != c.name {
			why := "its name is longer than Dolt's 64 characters"
			if other := used[strings.ToLower(base)]; other != "" {
				why = fmt.Sprintf("%q collides with column %s, which Dolt treats as the same name (column names are case-insensitive)", base, other)
			}
			t.rep.Add("COLUMN", tb.pg.String()+"."+c.name, report.Changed, c.pos, "named %s: %s", oc.Name, why)
		}
		used[strings.ToLower(oc.Name)] = c.name
		out.Columns = append(out.Columns, oc)
	}
	for _, c := range tb.cols {
		if oc := out.ColumnByPG(c.name); oc != nil {
			t.columnExtras(tb, c, oc)
		}
	}
}

func (t *Translator) buildColumn(tb *table, c *column, keyReason string, st *colStat) *schema.Column {
	tn := t.resolveDomain(c.tn)
	out := &schema.Column{PGName: c.name, Name: truncIdent(c.name), Type: schema.ColumnType{Raw: pgTypeString(c.tn)}, NotNull: c.notNull, Comment: c.comment}
	where := tb.pg.String() + "." + c.name
	if s, n := typeNameParts(c.tn); tn != c.tn {
		if d := t.lookupDomain(s, n); d != nil {
			if d.notNull {
				out.NotNull = true
			}
			for i, chk := range d.checks {
				name := fmt.Sprintf("%s_%s_check", tb.pg.Name, c.name)
				if i > 0 {
					name = fmt.Sprintf("%s%d", name, i+1)
				}
				k := &pg.Constraint{Contype: pg.ConstrType_CONSTR_CHECK, Conname: name, RawExpr: chk}
				tb.checks = append(tb.checks, &constraint{c: k, pos: c.pos, tbl: tb, domainOf: c.name, domain: qualify(s, n)})
			}
			if c.def == nil && d.def != nil {
				c.def = d.def
			}
		}
	}
	ct, err := t.mapType(tn)
	if err != nil {
		t.fail(c.pos, tb.pg.String(), c.name, "map the column to a Dolt type with an override (type:) or skip it", "%v", err)
		ct = colType{dolt: schema.LongText(), kind: vString}
	}
	out.Rule = "built-in: " + builtinRule(c.tn, tn, ct)
	e := t.effOf(tb, c.name)
	switch {
	case e.TypeDecided():
		if t.applyType(&ct, e, tb, c) {
			out.Override = e.TypeSource()
			out.Rule = out.Override
			ct.change = fmt.Sprintf("%s stored as %s, set by the override at %s", out.Type.Raw, schema.FormatType(ct.dolt), e.TypeSource())
		}
	case keyReason != "":
		t.inferKey(tb, c, &ct, keyReason, st, out)
	case t.opts.InferLengths:
		t.inferLength(tb, c, &ct, st, out)
	}
	out.Type.Type = ct.dolt
	out.Codec = ct.codec()
	out.Collation = ct.collation
	if c.collate != "" && c.collate != "default" && c.collate != "pg_catalog.default" {
		coll, why := t.mapCollation(c.collate)
		if why != "" {
			t.rep.Add("COLLATION", where, report.Changed, c.pos, "%s", why)
		}
		out.Collation = coll
		if !schema.IsString(ct.dolt) {
			out.Collation = ""
		}
	}
	if e != nil && e.Collation.Set {
		switch {
		case schema.IsString(ct.dolt):
			out.Collation = e.Collation.Value
			out.RuleNotes = append(out.RuleNotes, "collation: "+e.Collation.Source())
			ct.change = joinNotes(ct.change, fmt.Sprintf("COLLATE %s, set by the override at %s", e.Collation.Value, e.Collation.Source()))
		case !e.Collation.Soft:
			t.fail(e.Collation.Pos, tb.pg.String(), c.name, "remove the collation, or give the column a string type", "overrides: collation %s applies to string columns; %s is stored as %s", e.Collation.Value, c.name, schema.FormatType(ct.dolt))
		}
	}
	if e != nil && e.Nullable.Set {
		out.NotNull = !e.Nullable.Value
		out.RuleNotes = append(out.RuleNotes, "nullable: "+e.Nullable.Source())
	}
	if ct.change != "" {
		t.rep.AddGrouped(ct.group, "COLUMN", where, report.Changed, c.pos, "%s", ct.change)
	}
	return out
}

// columnExtras translates the column's generation expression and default.
func (t *Translator) columnExtras(tb *table, c *column, out *schema.Column) {
	where := tb.pg.String() + "." + c.name
	if c.generate != nil {
		expr, err := t.expr(c.generate, exprCtx{tb: tb, generated: true})
		if err != nil {
			// pg_dump does not dump generated values, so a plain column
			// stays empty.
			out.NotNull = false
			t.rep.Add("COLUMN", where, report.Changed, c.pos, "GENERATED ALWAYS AS expression not translated (%v): stored as a plain nullable column, which stays NULL because pg_dump does not dump generated values; write the expression as an override", err)
		} else {
			out.Generated = expr
		}
	}
	if e := t.effOf(tb, c.name); e != nil && e.Default.Set && c.generate == nil {
		c.seq, c.identity = "", false
		out.Default = ""
		if e.Default.Value != nil {
			out.Default = *e.Default.Value
			if schema.IsBlob(out.Type.Type) && !strings.HasPrefix(out.Default, "(") && !strings.EqualFold(out.Default, "null") {
				out.Default = "(" + out.Default + ")" // Dolt takes TEXT/BLOB/JSON defaults as expressions
			}
		}
		out.RuleNotes = append(out.RuleNotes, "default: "+e.Default.Source())
		t.rep.Add("DEFAULT", where, report.Changed, c.pos, "default set by the override at %s", e.Default.Source())
		return
	}
	if c.def != nil && !c.identity && c.generate == nil {
		if seq, ok := nextvalSeq(c.def); ok {
			c.seq = seq
		} else {
			d, err := t.defaultExpr(c.def, out, tb)
			if err != nil {
				t.rep.Add("DEFAULT", where, report.Skipped, c.pos, "default %s not translated: %v", deparse(c.def), err)
			} else {
				out.Default = d
			}
		}
	}
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "; " + b
}

type colKey struct {
	tb  *table
	col string
}

// nextvalSeq reports whether n is nextval('seq'::regclass) and returns the
// sequence name.
func nextvalSeq(n *pg.Node) (string, bool) {
	fc := n.GetFuncCall()
	if fc == nil {
		return "", false
	}
	fn := strList(fc.Funcname)
	if fn[len(fn)-1] != "nextval" || len(fc.Args) != 1 {
		return "", false
	}
	a := fc.Args[0]
	if tc := a.GetTypeCast(); tc != nil {
		a = tc.Arg
	}
	s := a.GetAConst().GetSval()
	if s == nil {
		return "", false
	}
	return s.Sval, true
}

// maxRowBytes is Dolt's limit on the fixed part of a row
// (val.MaxTupleDataSize; dolt-facts E: "expected size < 65504").
const maxRowBytes = 65504

// rowBytes is the size Dolt reserves for one column of the given type when
// it checks a table's row length (Dolt's schema.MaxRowStorageSize): 8 for
// numbers, dates and bits, 4 per character of char and varchar (utf8mb4),
// 1 per byte of binary and varbinary, 20 for TEXT, BLOB and JSON, which
// live out of row.
func rowBytes(t schema.Type) int64 {
	switch t := t.(type) {
	case *schema.StringType:
		if schema.IsText(t) {
			return 20
		}
		return 4 * int64(t.Size)
	case *schema.BinaryType:
		if schema.IsLOB(t) {
			return 20
		}
		return int64(t.Size)
	case *schema.DecimalType:
		return int64(min(t.Precision, 30)) // Dolt counts min(precision, 30)
	case *schema.EnumType, *schema.SetType:
		return 2
	case *schema.TimeType:
		if t.T == "time" {
			return 16
		}
	case *schema.JSONType:
		return 20
	}
	return 8
}

// fitRowSize turns the widest varchar columns of a table into longtext
// until the row fits Dolt's limit; key columns keep their type.
func (t *Translator) fitRowSize(tb *table, keyed map[colKey]string) {
	out := tb.out
	var total int64
	for _, c := range out.Columns {
		total += rowBytes(c.Type.Type)
	}
	if total <= maxRowBytes {
		return
	}
	cands := append([]*schema.Column(nil), out.Columns...)
	sort.SliceStable(cands, func(i, j int) bool { return rowBytes(cands[i].Type.Type) > rowBytes(cands[j].Type.Type) })
	for _, c := range cands {
		if total <= maxRowBytes {
			break
		}
		st, _ := c.Type.Type.(*schema.StringType)
		if st == nil || st.T != "varchar" && st.T != "char" || keyed[colKey{tb, c.PGName}] != "" || c.Generated != "" || c.Override != "" {
			continue
		}
		before := rowBytes(st)
		old := schema.FormatType(st)
		c.Type.Type = schema.LongText()
		total += rowBytes(c.Type.Type) - before
		t.rep.Add("COLUMN", tb.pg.String()+"."+c.PGName, report.Changed, tb.pos,
			"%s stored as longtext without the length check: the table's varchar columns exceed Dolt's row size limit (%d bytes at 4 bytes a character)", old, maxRowBytes)
		if c.Rule != "" {
			c.Rule = "built-in: row size limit (" + old + " → longtext)"
		}
	}
	if total > maxRowBytes {
		t.fail(tb.pos, tb.pg.String(), "", "override some key columns with shorter varchar lengths",
			"the row needs %d bytes, more than Dolt's %d, even with every non-key varchar as longtext", total, maxRowBytes)
	}
}

// unifyFKTypes gives the integer columns that foreign keys link (directly
// or through a chain) one integer type, the widest among them
// ([schema.IntRank]). PostgreSQL lets an integer column reference a bigint
// one; Dolt requires the same integer type on both sides ("column type
// mismatch", go-mysql-server foreignKeyComparableTypes), and widening never
// loses a value.
func (t *Translator) unifyFKTypes() {
	for _, g := range t.fkColumnGroups() {
		var widest schema.Type
		var wide string
		for _, k := range g {
			oc := t.outColumn(k)
			if oc == nil || schema.IntRank(oc.Type.Type) == 0 {
				widest = nil
				break
			}
			if widest == nil || schema.IntRank(oc.Type.Type) > schema.IntRank(widest) {
				widest, wide = oc.Type.Type, k.tb.pg.String()+"."+k.col
			}
		}
		if widest == nil {
			continue
		}
		to := schema.FormatType(widest)
		for _, k := range g {
			oc := t.outColumn(k)
			if schema.IntRank(oc.Type.Type) == schema.IntRank(widest) || oc.Override != "" {
				continue // pgcopy never changes a type an override chose
			}
			old := schema.FormatType(oc.Type.Type)
			oc.Type.Type = widest
			t.rep.Add("COLUMN", k.tb.pg.String()+"."+k.col, report.Changed, k.tb.pos,
				"%s widened to %s: foreign keys link it, directly or through other keys, to %d other columns, among them %s (%s), and Dolt requires the same integer type on both sides of a foreign key", old, to, len(g)-1, wide, to)
			if oc.Rule != "" {
				oc.Rule += " (widened to " + to + " to match " + wide + " through a foreign key)"
			}
		}
	}
}

// outColumn returns the Dolt column of column k of a root table, or nil
// (a skipped column, or a table not built).
func (t *Translator) outColumn(k colKey) *schema.Column {
	if k.tb.out == nil {
		return nil
	}
	return k.tb.out.ColumnByPG(k.col)
}

// fkComparable mirrors go-mysql-server's foreignKeyComparableTypes: equal
// types, two date/time types, two enums, two decimals, two char/varchar
// types or two binary/varbinary types may be linked by a foreign key.
func fkComparable(a, b schema.Type) bool {
	if schema.FormatType(a) == schema.FormatType(b) {
		return true
	}
	class := func(t schema.Type) string {
		switch t := t.(type) {
		case *schema.TimeType:
			return "time"
		case *schema.EnumType:
			return "enum"
		case *schema.DecimalType:
			return "decimal"
		case *schema.StringType:
			if t.T == "char" || t.T == "varchar" {
				return "string"
			}
		case *schema.BinaryType:
			if t.T == "binary" || t.T == "varbinary" {
				return "binary"
			}
		}
		return ""
	}
	ca := class(a)
	return ca != "" && ca == class(b)
}

// buildAutoIncrement turns the table's serial or identity column into an
// AUTO_INCREMENT column and sets the table's counter from the sequence's
// setval (is_called: next value is last+1, else last).
func (t *Translator) buildAutoIncrement(tb *table) {
	out := tb.out
	var done bool
	for _, c := range tb.cols {
		if c.seq == "" && !c.identity {
			continue
		}
		oc := out.ColumnByPG(c.name)
		where := tb.pg.String() + "." + c.name
		seq, sq := t.columnSequence(tb, c)
		if sq != nil {
			sq.users = append(sq.users, where)
			seq = sq.name
		}
		isInt := oc != nil && schema.IntRank(oc.Type.Type) > 0
		if done || !isInt {
			why := "a table can have only one AUTO_INCREMENT column"
			if !isInt {
				why = "AUTO_INCREMENT needs an integer column"
			}
			t.rep.Add("DEFAULT", where, report.Skipped, c.pos, "sequence default %s dropped: %s", seq, why)
			continue
		}
		done = true
		oc.AutoIncrement = true
		oc.NotNull = true
		oc.Default = ""
		// AUTO_INCREMENT must lead some key (dolt-facts E).
		leads := len(out.PrimaryKey) > 0 && out.PrimaryKey[0] == oc.Name
		for _, ix := range out.Indexes {
			if ix.Columns[0].Name == oc.Name && ix.Columns[0].Prefix == 0 {
				leads = true
			}
		}
		detail := ""
		if !leads {
			used := map[string]bool{}
			for _, ix := range out.Indexes {
				used[strings.ToLower(ix.Name)] = true
			}
			name := uniqueName(truncIdent(out.Name+"_"+oc.Name+"_ai"), used)
			out.Indexes = append(out.Indexes, &schema.Index{Name: name, Columns: []schema.IndexColumn{{Name: oc.Name}}})
			detail = fmt.Sprintf("; index %s added because an AUTO_INCREMENT column must lead a key", name)
		}
		if sq != nil && sq.hasSet {
			next := sq.last
			if sq.isCalled {
				next++
			}
			out.AutoIncrement = max(out.AutoIncrement, next)
		}
		if c.from != "" {
			detail += fmt.Sprintf("; the column and its default come from INHERITS parent %s, so parent and child count separately", c.from)
		}
		t.rep.AddGrouped("becomes AUTO_INCREMENT on the column that owns it", "SEQUENCE", seq, report.Changed, c.pos, "becomes AUTO_INCREMENT on %s (next value %d)%s", where, max(out.AutoIncrement, 1), detail)
	}
}

func (t *Translator) reportSequences() {
	var names []string
	for n := range t.seqs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sq := t.seqs[n]
		switch {
		case len(sq.users) == 0:
			t.rep.Add("SEQUENCE", n, report.Skipped, sq.pos, "no column of a created table uses it; Dolt has no sequences")
		case len(sq.users) > 1:
			t.rep.Note("sequence %s is shared by %s; each becomes its own AUTO_INCREMENT counter", n, strings.Join(sq.users, ", "))
		}
	}
}

// fkColumnGroups returns the sets of columns that foreign keys link,
// directly or through a chain (a union-find over every child/parent column
// pair), each with at least two columns, in order of first appearance in
// the dump. A referenced column list left out of the FK means the parent's
// primary key.
func (t *Translator) fkColumnGroups() [][]colKey {
	parent := map[colKey]colKey{}
	var find func(k colKey) colKey
	find = func(k colKey) colKey {
		p, ok := parent[k]
		if !ok || p == k {
			parent[k] = k
			return k
		}
		r := find(p)
		parent[k] = r
		return r
	}
	var keys []colKey
	seen := map[colKey]bool{}
	add := func(k colKey) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, tb := range t.order {
		for _, f := range tb.fks {
			ref := t.lookup(f.c.Pktable)
			if ref == nil {
				continue
			}
			child := strList(f.c.FkAttrs)
			refCols := strList(f.c.PkAttrs)
			if len(refCols) == 0 {
				if pk := pkOf(ref); pk != nil {
					refCols = strList(pk.c.Keys)
				}
			}
			if len(child) != len(refCols) {
				continue
			}
			for i := range child {
				a, b := colKey{tb.root(), child[i]}, colKey{ref.root(), refCols[i]}
				add(a)
				add(b)
				if ra, rb := find(a), find(b); ra != rb {
					parent[ra] = rb
				}
			}
		}
	}
	groups := map[colKey][]colKey{}
	var roots []colKey
	for _, k := range keys {
		r := find(k)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], k)
	}
	var out [][]colKey
	for _, r := range roots {
		if len(groups[r]) >= 2 {
			out = append(out, groups[r])
		}
	}
	return out
}

// columnSequence returns the name of the sequence behind a serial or
// identity column (from its nextval default or identity clause, else
// PostgreSQL's default name table_column_seq) and the sequence pass 1 saw,
// or nil. nextval('name') without a schema is looked up along the dump's
// search_path, then in the table's schema.
func (t *Translator) columnSequence(tb *table, c *column) (string, *sequence) {
	seq := c.seq
	if seq == "" {
		seq = qualify(tb.pg.Schema, tb.pg.Name+"_"+c.name+"_seq")
	}
	sq := t.seqs[seq]
	if sq == nil && !strings.Contains(seq, ".") {
		for _, s := range append(append([]string(nil), t.searchPath...), tb.pg.Schema) {
			if sq = t.seqs[s+"."+seq]; sq != nil {
				break
			}
		}
	}
	return seq, sq
}
