package translate

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// buildKeys adds tb's primary key, unique constraints, indexes and CHECK
// constraints to its root table (a partition's keys fold into its parent).
func (t *Translator) buildKeys(tb *table, checkNames map[string]bool) {
	root := tb.root()
	out := root.out
	where := func(name string) string { return tb.pg.String() + "." + name }
	if d := t.ddlOf(root); d != nil {
		// the whole-table override defines the keys, indexes and checks
		why := fmt.Sprintf("the whole-table override at %s defines the table's keys, indexes and checks", d.Pos)
		if tb.pk != nil {
			t.rep.Add("CONSTRAINT", where(tb.pk.c.Conname), report.Skipped, tb.pk.pos, "%s", why)
		}
		for _, u := range tb.uniques {
			t.rep.Add("CONSTRAINT", where(u.c.Conname), report.Skipped, u.pos, "%s", why)
		}
		for _, ix := range tb.indexes {
			t.rep.Add("INDEX", qualify(tb.pg.Schema, ix.s.Idxname), report.Skipped, ix.pos, "%s", why)
		}
		for _, ck := range tb.checks {
			t.rep.Add("CHECK", where(ck.c.Conname), report.Skipped, ck.pos, "%s", why)
		}
		return
	}
	// missing reports a key naming a column an override skips, or fails
	// for a column the table lacks.
	missingCol := func(pos dump.Pos, kind, name, col, what string) {
		if t.skippedColumn(root, col) {
			t.rep.Add(kind, where(name), report.Skipped, pos, "column %s is skipped by the override at %s", col, t.effOf(root, col).Skip.Pos)
			return
		}
		t.fail(pos, tb.pg.String(), col, hintInconsistent, "%s %s names a column the table does not have", what, name)
	}
	cols := func(nodes []*pg.Node) ([]string, string) {
		var r []string
		for _, s := range strList(nodes) {
			c := out.ColumnByPG(s)
			if c == nil {
				return nil, s
			}
			r = append(r, c.Name)
		}
		return r, ""
	}
	// primary key
	if tb.pk != nil {
		pk, missing := cols(tb.pk.c.Keys)
		switch {
		case missing != "":
			missingCol(tb.pk.pos, "CONSTRAINT", tb.pk.c.Conname, missing, "primary key")
		case len(out.PrimaryKey) > 0:
			if equalStrings(out.PrimaryKey, pk) {
				t.rep.AddGrouped("partition's primary key folded into its parent's", "CONSTRAINT", where(tb.pk.c.Conname), report.Changed, tb.pk.pos, "partition's primary key folded into %s's", out.Name)
			} else {
				t.rep.Add("CONSTRAINT", where(tb.pk.c.Conname), report.Skipped, tb.pk.pos, "partition's primary key differs from the parent's")
			}
		default:
			ok := true
			for _, n := range pk {
				c := out.Column(n)
				if schema.IsBlob(c.Type.Type) {
					t.fail(tb.pk.pos, tb.pg.String(), c.PGName, "override the column with a key-able type (type: varchar(N)), or give the table a surrogate key",
						"primary key column of type %s (Dolt %s) cannot be a Dolt primary key (TEXT/BLOB/JSON columns cannot be keys)", c.Type.Raw, schema.FormatType(c.Type.Type))
					ok = false
				}
			}
			if ok {
				for _, n := range pk {
					out.Column(n).NotNull = true
				}
				out.PrimaryKey = pk
				detail := ""
				if tb.pk.c.Deferrable {
					detail = "DEFERRABLE dropped: Dolt checks keys at once"
				}
				t.rep.Add("CONSTRAINT", where(tb.pk.c.Conname), actionFor(detail), tb.pk.pos, "%s", detail)
			}
		}
	}
	// unique constraints
	for _, u := range tb.uniques {
		ks, missing := cols(u.c.Keys)
		if missing != "" {
			missingCol(u.pos, "CONSTRAINT", u.c.Conname, missing, "unique constraint")
			continue
		}
		detail := ""
		if u.c.NullsNotDistinct {
			detail = "NULLS NOT DISTINCT dropped: Dolt allows several NULLs in a unique key"
		}
		if len(u.c.Including) > 0 {
			detail = joinNotes(detail, "INCLUDE columns dropped: Dolt has no covering indexes")
		}
		if u.c.Deferrable {
			detail = joinNotes(detail, "DEFERRABLE dropped: Dolt checks it at once")
		}
		t.addIndex(tb, u.c.Conname, true, "", indexCols(ks, nil), u.pos, where(u.c.Conname), "CONSTRAINT", detail, "")
	}
	// indexes
	for _, ix := range tb.indexes {
		t.buildIndex(tb, ix)
	}
	// checks
	for _, ck := range tb.checks {
		t.buildCheck(tb, ck, checkNames)
	}
}

func actionFor(detail string) report.Action {
	if detail != "" {
		return report.Changed
	}
	return report.Translated
}

func (t *Translator) buildCheck(tb *table, ck *constraint, checkNames map[string]bool) {
	root := tb.root()
	out := root.out
	name := ck.c.Conname
	if name == "" {
		name = tb.pg.Name + "_check"
	}
	kind, where := "CHECK", tb.pg.String()+"."+name
	ctx := exprCtx{tb: root, check: true}
	what := "expression"
	if ck.domainOf != "" {
		where = tb.pg.String() + "." + ck.domainOf
		ctx.value = ck.domainOf
		what = "CHECK of domain " + ck.domain
	}
	expr, err := t.expr(ck.c.RawExpr, ctx)
	if err != nil {
		t.rep.Add(kind, where, report.Skipped, ck.pos, "%s %s not translated: %v", what, deparse(ck.c.RawExpr), err)
		return
	}
	for _, ex := range out.Checks {
		if ex.Expr == expr {
			if tb != root || ck.tbl != tb || ck.domainOf != "" {
				return // the same check on a partition, inherited or repeated by a domain
			}
			t.rep.Add(kind, where, report.Changed, ck.pos, "same expression as check %s: not repeated", ex.Name)
			return
		}
	}
	uniq := uniqueName(truncIdent(name), checkNames)
	var notes []string
	if ck.domainOf != "" {
		notes = append(notes, what+" becomes a table CHECK on the column")
	}
	if ck.c.SkipValidation {
		notes = append(notes, "NOT VALID dropped: Dolt checks every row, so rows that break it are rejected")
	}
	if ck.c.IsNoInherit {
		notes = append(notes, "NO INHERIT dropped")
	}
	if uniq != name {
		notes = append(notes, "named "+uniq+" (check names are unique per Dolt database)")
	}
	out.Checks = append(out.Checks, &schema.Check{Name: uniq, Expr: expr, Pos: ck.pos})
	detail := strings.Join(notes, "; ")
	t.rep.Add(kind, where, actionFor(detail), ck.pos, "%s", detail)
}

func indexCols(names []string, desc []bool) []schema.IndexColumn {
	out := make([]schema.IndexColumn, len(names))
	for i, n := range names {
		out[i] = schema.IndexColumn{Name: n}
		if desc != nil {
			out[i].Desc = desc[i]
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func uniqueName(name string, used map[string]bool) string {
	n := name
	for i := 2; used[strings.ToLower(n)]; i++ {
		n = truncIdent(fmt.Sprintf("%s_%d", name, i))
	}
	used[strings.ToLower(n)] = true
	return n
}

// addIndex adds an index to the root table unless an index on the same
// columns already exists (partitions repeat their parent's indexes).
//
// group is the summary group of detail ("" for detail itself): the notes
// without what names one index, such as a partial index's predicate.
func (t *Translator) addIndex(tb *table, name string, unique bool, ixKind string, ics []schema.IndexColumn, pos dump.Pos, where, kind, detail, group string) {
	root := tb.root()
	out := root.out
	// group is detail without the names of columns, for the summary
	// (report.Object.Group)
	prefixed := false
	if group == "" {
		group = detail
	}
	for i := range ics {
		c := out.Column(ics[i].Name)
		if _, ok := c.Type.Type.(*schema.JSONType); ok {
			t.rep.Add(kind, where, report.Skipped, pos, "column %s is stored as JSON, which Dolt cannot index", c.PGName)
			return
		}
		if ixKind == "FULLTEXT" {
			continue
		}
		if schema.IsBlob(c.Type.Type) && !unique {
			ics[i].Prefix = t.opts.IndexPrefix
			detail = joinNotes(detail, fmt.Sprintf("%s column %s indexed by its first %d characters (Dolt needs a prefix length on TEXT/BLOB)", c.Type.Raw, c.PGName, t.opts.IndexPrefix))
			if !prefixed {
				group, prefixed = joinNotes(group, fmt.Sprintf("text columns indexed by their first %d characters (Dolt needs a prefix length on TEXT/BLOB)", t.opts.IndexPrefix)), true
			}
		}
	}
	same := func(a []schema.IndexColumn) bool {
		if len(a) != len(ics) {
			return false
		}
		for i := range a {
			if a[i].Name != ics[i].Name || a[i].Desc != ics[i].Desc {
				return false
			}
		}
		return true
	}
	if len(out.PrimaryKey) == len(ics) && unique {
		pk := true
		for i := range ics {
			if ics[i].Name != out.PrimaryKey[i] || ics[i].Desc {
				pk = false
			}
		}
		if pk {
			t.rep.Add(kind, where, report.Changed, pos, "same columns as the primary key; the primary key enforces it")
			return
		}
	}
	for _, ex := range out.Indexes {
		if same(ex.Columns) && ex.Unique == unique && ex.Kind == ixKind {
			if tb != root {
				t.rep.AddGrouped("partition index folded into its parent's index", kind, where, report.Changed, pos, "partition index folded into %s.%s", out.Name, ex.Name)
			} else {
				t.rep.AddGrouped("duplicate of an index on the same columns", kind, where, report.Changed, pos, "duplicate of index %s on the same columns", ex.Name)
			}
			return
		}
	}
	used := map[string]bool{"primary": true}
	for _, ex := range out.Indexes {
		used[strings.ToLower(ex.Name)] = true
	}
	ixName := uniqueName(truncIdent(name), used)
	if ixName != name {
		detail = joinNotes(detail, "named "+ixName)
		group = joinNotes(group, "renamed (index names are unique per table)")
	}
	if tb != root {
		detail = joinNotes(detail, "partition index moved to "+out.Name)
		group = joinNotes(group, "partition index moved to "+out.Name)
	}
	if group == detail {
		group = ""
	}
	out.Indexes = append(out.Indexes, &schema.Index{Name: ixName, Unique: unique, Kind: ixKind, Columns: ics, Pos: pos})
	t.rep.AddGrouped(group, kind, where, actionFor(detail), pos, "%s", detail)
}

func (t *Translator) buildIndex(tb *table, ix *index) {
	s := ix.s
	where := qualify(tb.pg.Schema, s.Idxname)
	var notes []string
	if s.WhereClause != nil {
		if s.Unique {
			t.rep.AddGrouped("partial unique index: "+whyNoPartialUnique, "INDEX", where, report.Skipped, ix.pos, "partial unique index (WHERE %s): %s", deparse(s.WhereClause), whyNoPartialUnique)
			return
		}
		// a non-unique index constrains nothing: on every row it only
		// makes more lookups fast (partialindex.go)
		notes = append(notes, partialPredicateDropped(s.WhereClause))
	}
	switch am := s.AccessMethod; am {
	case "", "btree":
	case "hash":
		notes = append(notes, "hash index becomes a btree index")
	case "gin", "gist":
		cols, ok := t.fulltextCols(tb, s)
		switch {
		case ok && t.opts.FullText:
			t.addIndex(tb, s.Idxname, false, "FULLTEXT", indexCols(cols, nil), ix.pos, where, "INDEX",
				fmt.Sprintf("%s index on %s becomes FULLTEXT KEY (%s): Dolt matches words with MATCH ... AGAINST in natural-language mode, not with PostgreSQL's text search configurations, so queries need rewriting",
					am, deparse(s.IndexParams[0].GetIndexElem().Expr), strings.Join(cols, ", ")), "")
		case ok:
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "%s index on %s: it could become FULLTEXT KEY (%s), but Dolt 1.83.2's dolt_verify_constraints fails on a database with a FULLTEXT index, and pgcopy needs it to verify foreign keys",
				am, deparse(s.IndexParams[0].GetIndexElem().Expr), strings.Join(cols, ", "))
		default:
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "%s index: Dolt has only btree and FULLTEXT indexes, and only a %s index on to_tsvector(text columns) fits FULLTEXT", am, am)
		}
		return
	default:
		t.rep.Add("INDEX", where, report.Skipped, ix.pos, "%s index: Dolt has only btree and FULLTEXT indexes", am)
		return
	}
	var names []string
	var desc []bool
	for _, p := range s.IndexParams {
		e := p.GetIndexElem()
		if e.Expr != nil || e.Name == "" {
			t.rep.AddGrouped("expression index: Dolt 1.83 does not create functional indexes", "INDEX", where, report.Skipped, ix.pos, "expression index on %s: Dolt 1.83 does not create functional indexes", deparse(e.Expr))
			return
		}
		n := tb.root().out.ColumnByPG(e.Name)
		if n == nil && t.skippedColumn(tb.root(), e.Name) {
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "column %s is skipped by the override at %s", e.Name, t.effOf(tb.root(), e.Name).Skip.Pos)
			return
		}
		if n == nil {
			t.fail(ix.pos, tb.pg.String(), e.Name, hintInconsistent, "index %s names a column the table does not have", s.Idxname)
			return
		}
		names = append(names, n.Name)
		desc = append(desc, e.Ordering == pg.SortByDir_SORTBY_DESC)
		notes = append(notes, indexElemNotes(e)...)
	}
	if len(s.IndexIncludingParams) > 0 {
		notes = append(notes, "INCLUDE columns dropped: Dolt has no covering indexes")
	}
	if s.NullsNotDistinct {
		notes = append(notes, "NULLS NOT DISTINCT dropped: Dolt allows several NULLs in a unique key")
	}
	// the summary group: the notes without the predicate and column
	// names, so that the summary counts such indexes on one line
	var groupNotes []string
	for i, n := range notes {
		switch {
		case i == 0 && s.WhereClause != nil:
			n = partialPredicateGroup
		case strings.HasPrefix(n, "DESC on "):
			n = descGroup
		}
		if len(groupNotes) > 0 && groupNotes[len(groupNotes)-1] == n {
			continue // DESC on several columns
		}
		groupNotes = append(groupNotes, n)
	}
	group := strings.Join(groupNotes, "; ")
	t.addIndex(tb, s.Idxname, s.Unique, "", indexCols(names, desc), ix.pos, where, "INDEX", strings.Join(notes, "; "), group)
}

// descGroup is the summary group of indexElemNotes' DESC note.
const descGroup = "DESC kept in the DDL, but Dolt 1.83.2 records the key part as ascending (information_schema.statistics COLLATION A)"

// fulltextCols recognises a GIN/GiST index whose one key is to_tsvector
// over text columns, to_tsvector([config,] col) or several of those joined
// with ||, and returns the Dolt names of the columns, which a FULLTEXT
// index can cover (Dolt docs, "Full-Text Indexes").
func (t *Translator) fulltextCols(tb *table, s *pg.IndexStmt) ([]string, bool) {
	if len(s.IndexParams) != 1 || s.WhereClause != nil {
		return nil, false
	}
	out := tb.root().out
	var cols []string
	var walk func(n *pg.Node) bool
	walk = func(n *pg.Node) bool {
		if n == nil {
			return false
		}
		if a := n.GetAExpr(); a != nil && a.Kind == pg.A_Expr_Kind_AEXPR_OP && len(a.Name) == 1 && strList(a.Name)[0] == "||" {
			return walk(a.Lexpr) && walk(a.Rexpr)
		}
		fc := n.GetFuncCall()
		if fc == nil {
			return false
		}
		fn := strList(fc.Funcname)
		if fn[len(fn)-1] != "to_tsvector" || len(fc.Args) == 0 || len(fc.Args) > 2 {
			return false
		}
		arg := fc.Args[len(fc.Args)-1]
		for arg.GetTypeCast() != nil {
			arg = arg.GetTypeCast().Arg
		}
		cr := arg.GetColumnRef()
		if cr == nil {
			return false
		}
		f := strList(cr.Fields)
		c := out.ColumnByPG(f[len(f)-1])
		if _, ok := c.Type.Type.(*schema.StringType); c == nil || !ok {
			return false
		}
		for _, ex := range cols {
			if ex == c.Name {
				return true
			}
		}
		cols = append(cols, c.Name)
		return true
	}
	e := s.IndexParams[0].GetIndexElem()
	if e == nil || !walk(e.Expr) {
		return nil, false
	}
	return cols, true
}

var fkActions = map[string]string{"a": "", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

// buildFK adds one FOREIGN KEY to the root of tb, after every table's
// keys and indexes exist. Dolt (go-mysql-server ResolveForeignKey) needs
// comparable column types on both sides, an index on the referenced
// columns, no SET NULL on a NOT NULL column and no SET DEFAULT; the
// translation keeps to that and reports what it changed.
func (t *Translator) buildFK(tb *table, f *constraint, fkNames map[string]bool) {
	c := f.c
	root := tb.root()
	out := root.out
	where := tb.pg.String() + "." + c.Conname
	ref := t.lookup(c.Pktable)
	if ref == nil {
		t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos, "it references %s, which pgcopy does not create", t.refName(c.Pktable))
		return
	}
	refRoot := ref.root()
	var childCols, refCols []string
	var childTypes, refTypes []schema.Type
	for _, s := range strList(c.FkAttrs) {
		col := out.ColumnByPG(s)
		if col == nil && t.skippedColumn(root, s) {
			t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos, "column %s is skipped by the override at %s", s, t.effOf(root, s).Skip.Pos)
			return
		}
		if col == nil {
			t.fail(f.pos, tb.pg.String(), s, hintInconsistent, "foreign key %s names a column the table does not have", c.Conname)
			return
		}
		if schema.IsBlob(col.Type.Type) {
			t.fail(f.pos, tb.pg.String(), s, "override the column with a key-able type (type: varchar(N), or length: N) on both sides of the foreign key",
				"foreign key %s uses a %s column (Dolt %s), which Dolt cannot use in a foreign key (TEXT/BLOB/JSON)", c.Conname, col.Type.Raw, schema.FormatType(col.Type.Type))
			return
		}
		childCols = append(childCols, col.Name)
		childTypes = append(childTypes, col.Type.Type)
	}
	pkNames := strList(c.PkAttrs)
	if len(pkNames) == 0 {
		if pk := pkOf(ref); pk != nil {
			pkNames = strList(pk.c.Keys)
		} else {
			t.fail(f.pos, tb.pg.String(), "", hintInconsistent, "foreign key %s references %s, which has no primary key", c.Conname, ref.pg)
			return
		}
	}
	for _, s := range pkNames {
		col := refRoot.out.ColumnByPG(s)
		if col == nil && t.skippedColumn(refRoot, s) {
			t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos, "it references %s.%s, which the override at %s skips", ref.pg, s, t.effOf(refRoot, s).Skip.Pos)
			return
		}
		if col == nil {
			t.fail(f.pos, tb.pg.String(), "", hintInconsistent, "foreign key %s references column %s, which %s does not have", c.Conname, s, ref.pg)
			return
		}
		refCols = append(refCols, col.Name)
		refTypes = append(refTypes, col.Type.Type)
	}
	if len(refCols) != len(childCols) {
		t.fail(f.pos, tb.pg.String(), "", hintInconsistent, "foreign key %s has %d columns but references %d", c.Conname, len(childCols), len(refCols))
		return
	}
	if out.Database != refRoot.out.Database {
		// Dolt 1.83 refuses a foreign key to another database, with
		// FOREIGN_KEY_CHECKS on or off ("only foreign keys on the same
		// database are currently supported"); pgcopy checks the rows.
		fk := &schema.ForeignKey{Name: c.Conname, Columns: childCols, RefTable: refRoot.out.Name, RefColumns: refCols,
			OnDelete: fkActions[c.FkDelAction], OnUpdate: fkActions[c.FkUpdAction], Pos: f.pos}
		t.crossFKs = append(t.crossFKs, &schema.CrossFK{PG: where, Table: out, FK: fk, RefDatabase: refRoot.out.Database})
		t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos,
			"it references %s, which goes to the Dolt database %s while %s goes to %s, and Dolt 1.83 has no foreign keys across databases (\"only foreign keys on the same database are currently supported\"); pgcopy checks its rows for orphans after the load instead, and the constraint is not enforced in Dolt",
			ref.pg, refRoot.out.Database, tb.pg, out.Database)
		return
	}
	for i := range childCols {
		if !fkComparable(childTypes[i], refTypes[i]) {
			t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos,
				"column %s (Dolt %s) and %s.%s (Dolt %s) cannot be linked by a Dolt foreign key (types must match); override one column's type to keep it",
				childCols[i], schema.FormatType(childTypes[i]), ref.pg, refCols[i], schema.FormatType(refTypes[i]))
			return
		}
	}
	fk := &schema.ForeignKey{Columns: childCols, RefTable: refRoot.out.Name, RefColumns: refCols,
		OnDelete: fkActions[c.FkDelAction], OnUpdate: fkActions[c.FkUpdAction], Pos: f.pos}
	for _, ex := range out.ForeignKeys {
		if equalStrings(ex.Columns, fk.Columns) && ex.RefTable == fk.RefTable && equalStrings(ex.RefColumns, fk.RefColumns) {
			if tb != root {
				t.rep.AddGrouped("partition foreign key folded into its parent's", "FK CONSTRAINT", where, report.Changed, f.pos, "partition foreign key folded into %s", ex.Name)
			} else {
				t.rep.Add("FK CONSTRAINT", where, report.Changed, f.pos, "same columns and reference as foreign key %s: not repeated", ex.Name)
			}
			return
		}
	}
	var notes []string
	if c.Deferrable {
		notes = append(notes, "DEFERRABLE dropped: Dolt checks foreign keys at once (pgcopy loads with checks off, then verifies)")
	}
	if c.SkipValidation {
		notes = append(notes, "NOT VALID dropped: pgcopy verifies every row")
	}
	if c.FkMatchtype == "f" {
		notes = append(notes, "MATCH FULL dropped: Dolt matches SIMPLE (a row with any NULL key column is not checked)")
	}
	if len(c.FkDelSetCols) > 0 {
		notes = append(notes, "the column list of ON DELETE SET NULL/DEFAULT dropped: Dolt sets every key column")
	}
	for _, act := range []*string{&fk.OnDelete, &fk.OnUpdate} {
		on := "ON DELETE"
		if act == &fk.OnUpdate {
			on = "ON UPDATE"
		}
		switch *act {
		case "SET DEFAULT":
			*act = ""
			notes = append(notes, on+" SET DEFAULT dropped (Dolt does not support it): the parent row cannot be changed while child rows refer to it")
		case "SET NULL":
			for _, n := range childCols {
				if out.Column(n).NotNull {
					*act = ""
					notes = append(notes, fmt.Sprintf("%s SET NULL dropped: column %s is NOT NULL, so PostgreSQL would fail that action too, and Dolt rejects it", on, n))
					break
				}
			}
		}
	}
	if !hasIndexOn(refRoot.out, refCols) {
		used := map[string]bool{"primary": true}
		for _, ix := range refRoot.out.Indexes {
			used[strings.ToLower(ix.Name)] = true
		}
		name := uniqueName(truncIdent(c.Conname+"_ref"), used)
		refRoot.out.Indexes = append(refRoot.out.Indexes, &schema.Index{Name: name, Columns: indexCols(refCols, nil), Pos: f.pos})
		notes = append(notes, fmt.Sprintf("index %s added on %s (%s): Dolt needs an index on the referenced columns and the dump's unique index on them was not created", name, refRoot.out.Name, strings.Join(refCols, ", ")))
	}
	// Dolt names the child-side index it creates after the foreign key;
	// that name must not be taken by another index of the table.
	taken := map[string]bool{}
	for k := range fkNames {
		taken[k] = true
	}
	for _, ix := range out.Indexes {
		taken[strings.ToLower(ix.Name)] = true
	}
	fk.Name = uniqueName(truncIdent(c.Conname), taken)
	fkNames[strings.ToLower(fk.Name)] = true
	if fk.Name != c.Conname {
		notes = append(notes, "named "+fk.Name+" (foreign key names are unique per Dolt database and may not repeat an index name)")
	}
	if tb != root {
		notes = append(notes, "partition foreign key moved to "+out.Name)
	}
	out.ForeignKeys = append(out.ForeignKeys, fk)
	t.rep.Add("FK CONSTRAINT", where, actionFor(strings.Join(notes, "; ")), f.pos, "%s", strings.Join(notes, "; "))
}

// hasIndexOn reports whether the table has the primary key or an index
// without prefix lengths whose leading columns are cols, in order (what
// go-mysql-server's FindFKIndexWithPrefix looks for on the referenced
// side).
func hasIndexOn(tb *schema.Table, cols []string) bool {
	if len(tb.PrimaryKey) >= len(cols) && equalStrings(tb.PrimaryKey[:len(cols)], cols) {
		return true
	}
	for _, ix := range tb.Indexes {
		if len(ix.Columns) < len(cols) {
			continue
		}
		ok := true
		for i, c := range cols {
			if ix.Columns[i].Name != c || ix.Columns[i].Prefix > 0 {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// indexElemNotes says what of one index element (a column of CREATE
// INDEX) Dolt does not keep: DESC, an operator class, a collation, NULLS
// FIRST/LAST (PostgreSQL manual, CREATE INDEX).
func indexElemNotes(e *pg.IndexElem) []string {
	var notes []string
	if e.Ordering == pg.SortByDir_SORTBY_DESC {
		notes = append(notes, fmt.Sprintf("DESC on %s kept in the DDL, but Dolt 1.83.2 records the key part as ascending (information_schema.statistics COLLATION A)", e.Name)) // grouped as descGroup
	}
	if len(e.Opclass) > 0 {
		notes = append(notes, fmt.Sprintf("operator class %s dropped", strings.Join(strList(e.Opclass), ".")))
	}
	if len(e.Collation) > 0 {
		notes = append(notes, fmt.Sprintf("COLLATE %s dropped", strings.Join(strList(e.Collation), ".")))
	}
	if e.NullsOrdering != pg.SortByNulls_SORTBY_NULLS_DEFAULT {
		notes = append(notes, "NULLS FIRST/LAST dropped: Dolt sorts NULLs first")
	}
	return notes
}
