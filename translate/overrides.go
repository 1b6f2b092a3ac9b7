package translate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/report"
	"github.com/pgcopy/pgcopy/internal/schema"
	"github.com/pgcopy/pgcopy/overrides"
)

// ovState is the override set matched against the dump in Finish.
type ovState struct {
	set    *overrides.Set
	used   map[any]bool
	tables map[*table][]*overrides.Table // the entries that name each table
	ddl    map[*table]*overrides.DDL     // whole-table overrides, by root table
	types  map[*overrides.TypeRule]*typeMatcher
	eff    map[colKey]*overrides.Resolved // resolved rules per column of a root table
	// skippedTabs are the root tables a skip rule removed, for explain.
	skippedTabs []*table
}

// typeMatcher matches column types against a type rule's key.
type typeMatcher struct {
	schema, name string
	mods         []int
	array        bool
}

// canonType names a PostgreSQL type the way the parser resolves it:
// "integer" and "int" are int4, "character varying" is varchar, and
// pg_catalog is the same as no schema.
func canonType(tn *pg.TypeName) (schemaName, name string) {
	schemaName, name = typeNameParts(tn)
	if schemaName == "pg_catalog" {
		schemaName = ""
	}
	if schemaName == "" {
		if a, ok := typeAliases[name]; ok {
			name = a
		}
	}
	return schemaName, name
}

var typeAliases = map[string]string{
	"int": "int4", "integer": "int4", "smallint": "int2", "bigint": "int8", "real": "float4",
	"double precision": "float8", "boolean": "bool", "decimal": "numeric", "character varying": "varchar",
	"timestamp with time zone": "timestamptz", "time with time zone": "timetz",
	"serial": "int4", "bigserial": "int8", "smallserial": "int2", "serial4": "int4", "serial8": "int8", "serial2": "int2",
}

func (t *Translator) matcher(r *overrides.TypeRule) *typeMatcher {
	if m, ok := t.ov.types[r]; ok {
		return m
	}
	var m *typeMatcher
	tree, err := pg.Parse("SELECT NULL::" + r.PGType)
	var tn *pg.TypeName
	if err == nil && len(tree.Stmts) == 1 {
		if rts := tree.Stmts[0].Stmt.GetSelectStmt().GetTargetList(); len(rts) == 1 {
			tn = rts[0].GetResTarget().GetVal().GetTypeCast().GetTypeName()
		}
	}
	if tn == nil {
		t.errs = append(t.errs, diag.New(r.Pos, "", "", fmt.Errorf("overrides: %q is not a PostgreSQL type name", r.PGType),
			"write the type as in SQL, e.g. text, character varying, varchar(255), numeric, public.citext or text[]"))
	} else {
		m = &typeMatcher{array: len(tn.ArrayBounds) > 0}
		m.schema, m.name = canonType(tn)
		if len(tn.Typmods) > 0 {
			mods, err := typmods(tn)
			if err != nil {
				t.errs = append(t.errs, diag.New(r.Pos, "", "", fmt.Errorf("overrides: type %q: %v", r.PGType, err), "write numeric modifiers such as varchar(255) or numeric(12,2)"))
			}
			m.mods = mods
			if m.mods == nil {
				m.mods = []int{}
			}
		}
	}
	t.ov.types[r] = m
	return m
}

func (m *typeMatcher) match(tn *pg.TypeName) bool {
	if m == nil || tn == nil || m.array != (len(tn.ArrayBounds) > 0) {
		return false
	}
	s, n := canonType(tn)
	if n != m.name || (m.schema != "" && m.schema != s) {
		return false
	}
	if m.mods != nil {
		mods, err := typmods(tn)
		if err != nil || len(mods) != len(m.mods) {
			return false
		}
		for i := range mods {
			if mods[i] != m.mods[i] {
				return false
			}
		}
	}
	return true
}

// typeMatches reports whether a type rule matches column c: its declared
// type, or, for a domain, the domain's base type.
func (t *Translator) typeMatches(r *overrides.TypeRule, c *column) bool {
	m := t.matcher(r)
	if m.match(c.tn) {
		return true
	}
	if base := t.resolveDomain(c.tn); base != c.tn {
		return m.match(base)
	}
	return false
}

// matchTables finds the dump table of every table entry; skip and
// skip_data rules take effect here. It runs after INHERITS columns are
// merged and before tables are named.
func (t *Translator) matchTables() {
	if t.ov == nil {
		return
	}
	for _, ot := range t.ov.set.Tables {
		s, n := ot.Schema()
		var tb *table
		if s != "" {
			tb = t.tables[s+"."+n]
		} else {
			var found []*table
			for _, x := range t.order {
				if x.pg.Name == n {
					found = append(found, x)
				}
			}
			if len(found) > 1 {
				var names []string
				for _, x := range found {
					names = append(names, x.pg.String())
				}
				t.errs = append(t.errs, diag.New(ot.Pos, "", "", fmt.Errorf("overrides: table %s is ambiguous: the dump has %s", ot.Name, strings.Join(names, ", ")),
					"write the table as schema.table"))
				t.ov.used[ot] = true
				continue
			}
			if len(found) == 1 {
				tb = found[0]
			}
		}
		if tb == nil {
			continue // reported as stale
		}
		t.ov.used[ot] = true
		if tb.root() != tb {
			t.errs = append(t.errs, diag.New(ot.Pos, tb.pg.String(), "", fmt.Errorf("overrides: %s is a partition of %s, whose rows it shares", tb.pg, tb.root().pg),
				fmt.Sprintf("write the entry for %s", tb.root().pg)))
			continue
		}
		t.ov.tables[tb] = append(t.ov.tables[tb], ot)
	}
	// skip whole tables: they, their partitions and their rows are gone
	var skip []*table
	for _, tb := range t.order {
		for _, ot := range t.ov.tables[tb.root()] {
			if ot.Skip.Set && ot.Skip.Value {
				skip = append(skip, tb)
				t.skipped[tb.pg.String()] = ot.Skip.Pos
				if tb.root() == tb {
					t.rep.Add("TABLE", tb.pg.String(), report.Skipped, tb.pos, "skipped by the override at %s: the table, its rows, keys and indexes are not created", ot.Skip.Pos)
					t.ov.skippedTabs = append(t.ov.skippedTabs, tb)
				}
				break
			}
			if ot.SkipData.Set && ot.SkipData.Value {
				t.noData[tb] = ot.SkipData.Pos
			}
		}
	}
	for _, tb := range skip {
		delete(t.tables, tb.pg.String())
		delete(t.noData, tb)
		for i, o := range t.order {
			if o == tb {
				t.order = append(t.order[:i], t.order[i+1:]...)
				break
			}
		}
	}
	for tb, pos := range t.noData {
		if tb.root() == tb {
			t.rep.Add("TABLE DATA", tb.pg.String(), report.Skipped, tb.pos, "skip_data override at %s: the table is created without its rows", pos)
		}
	}
}

// renameOf returns the Dolt name an override gives a root table, or "".
func (t *Translator) renameOf(tb *table) (string, dump.Pos) {
	if t.ov == nil {
		return "", dump.Pos{}
	}
	for _, ot := range t.ov.tables[tb] {
		if ot.Rename.Set {
			return ot.Rename.Value, ot.Rename.Pos
		}
	}
	return "", dump.Pos{}
}

// matchDDLs pairs every whole-table override with the root table of the
// same Dolt name (ignoring case), or else of the same PostgreSQL name.
func (t *Translator) matchDDLs(names map[*table]string) {
	if t.ov == nil {
		return
	}
	for _, d := range t.ov.set.DDLs {
		var tb *table
		var same []string
		for _, x := range t.order {
			if x.root() == x && strings.EqualFold(names[x], d.Table.Name) {
				tb = x
				same = append(same, fmt.Sprintf("%s (in %s)", x.pg, t.dbOf(x.pg.Schema)))
			}
		}
		if len(same) > 1 {
			// only with --schemas databases: one name in several databases
			t.ov.used[d] = true
			t.errs = append(t.errs, diag.New(d.Pos, "", "", fmt.Errorf("overrides: CREATE TABLE %s is ambiguous: with schemas as databases, %s are all named %s", d.Table.Name, strings.Join(same, ", "), d.Table.Name),
				"give the table you mean a name of its own with a rename rule (tables: schema.table: {rename: NAME}) and write CREATE TABLE NAME"))
			continue
		}
		if tb == nil {
			var found []*table
			for _, x := range t.order {
				if x.root() == x && x.pg.Name == d.Table.Name {
					found = append(found, x)
				}
			}
			if len(found) == 1 {
				tb = found[0]
			}
		}
		if tb == nil {
			continue // stale
		}
		t.ov.used[d] = true
		if prev := t.ov.ddl[tb]; prev != nil {
			t.errs = append(t.errs, diag.New(d.Pos, tb.pg.String(), "", fmt.Errorf("overrides: a second whole-table override for %s (the first is at %s)", tb.pg, prev.Pos), "keep one CREATE TABLE per table"))
			continue
		}
		t.ov.ddl[tb] = d
		for _, ot := range t.ov.tables[tb] {
			bad := len(ot.Types) > 0 || ot.Collation.Set || ot.Rename.Set && !strings.EqualFold(ot.Rename.Value, d.Table.Name)
			for _, oc := range ot.Columns {
				if oc.Type.Set || oc.Length.Set || oc.Collation.Set || oc.Default.Set || oc.Nullable.Set {
					bad = true
				}
			}
			if bad {
				t.errs = append(t.errs, diag.New(ot.Pos, tb.pg.String(), "", fmt.Errorf("overrides: table %s has a whole-table override (%s) and column or type rules here", tb.pg, d.Pos),
					"write every column as you want it in the CREATE TABLE; next to it, only skip, skip_data and column skip rules apply"))
			}
		}
	}
}

// resolveColumns resolves the rules of every column of every root table
// (overrides.Set.Resolve: column rule > table rule > type rule > built-in).
func (t *Translator) resolveColumns() {
	if t.ov == nil {
		return
	}
	for _, tb := range t.order {
		if tb.root() != tb {
			continue
		}
		rules := overrides.TableRules{Name: tb.pg.String(), Entries: t.ov.tables[tb], Whole: t.ov.ddl[tb] != nil}
		for _, c := range tb.cols {
			e, err := t.ov.set.Resolve(rules, overrides.ColumnRef{Name: c.name, HasType: func(r *overrides.TypeRule) bool { return t.typeMatches(r, c) }})
			t.errs = append(t.errs, unjoin(err)...)
			for _, u := range e.Used {
				t.ov.used[u] = true
			}
			if e.Any() {
				t.ov.eff[colKey{tb, c.name}] = e
			}
		}
	}
}

// unjoin returns the errors errors.Join joined into err, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// effOf returns the resolved rules of a column of a root table, or nil.
func (t *Translator) effOf(tb *table, col string) *overrides.Resolved {
	if t.ov == nil {
		return nil
	}
	return t.ov.eff[colKey{tb, col}]
}

// skippedColumn reports whether an override leaves the column out.
func (t *Translator) skippedColumn(tb *table, col string) bool {
	e := t.effOf(tb.root(), col)
	return e != nil && e.Skip.Set && e.Skip.Value
}

// applyType gives ct the type or length a rule sets. It returns false
// (after recording an error) when the length does not apply.
func (t *Translator) applyType(ct *colType, e *overrides.Resolved, tb *table, c *column) bool {
	if e.Type.Set {
		ct.dolt = normType(e.Type.Value)
	} else {
		base, _, _ := splitType(ct.dolt)
		l := e.Length.Value
		p, s, dec := strings.Cut(l, ",")
		switch {
		case dec && base == "decimal":
			ct.dolt = "decimal(" + p + "," + s + ")"
		case dec:
			t.fail(e.Length.Pos, tb.pg.String(), c.name, "give a single length for a string column, or use type:", "overrides: length %s (precision and scale) does not apply to %s, which pgcopy stores as %s", l, pgTypeString(c.tn), ct.dolt)
			return false
		case base == "varchar" || base == "longtext" || base == "text" || base == "mediumtext":
			ct.dolt = "varchar(" + l + ")"
		case base == "char":
			ct.dolt = "char(" + l + ")"
		case base == "longblob" || base == "varbinary" || base == "blob":
			ct.dolt = "varbinary(" + l + ")"
		case base == "decimal":
			ct.dolt = "decimal(" + l + ",0)"
		case base == "bit":
			ct.dolt = "bit(" + l + ")"
		case base == "datetime" || base == "time":
			ct.dolt = base + "(" + l + ")"
		default:
			t.fail(e.Length.Pos, tb.pg.String(), c.name, "set the whole type with type: instead", "overrides: length does not apply to %s, which pgcopy stores as %s", pgTypeString(c.tn), ct.dolt)
			return false
		}
	}
	ct.blob = isBlobType(ct.dolt)
	ct.intType = intRank[strings.TrimSpace(strings.Replace(ct.dolt, "integer", "int", 1))] > 0
	if !isStringType(ct.dolt) {
		ct.collation = ""
	}
	ct.change = ""
	return true
}

// normType lower-cases a type's keywords and drops redundant spaces, so
// "VARCHAR( 32 )" is "varchar(32)"; enum and set labels keep their case.
func normType(s string) string {
	s = strings.TrimSpace(s)
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	head := strings.ToLower(strings.TrimSpace(s[:i]))
	if head == "enum" || head == "set" {
		return head + s[i:]
	}
	j := strings.LastIndexByte(s, ')')
	args := strings.ReplaceAll(s[i+1:j], " ", "")
	tail := strings.Join(strings.Fields(strings.ToLower(s[j+1:])), " ")
	out := head + "(" + args + ")"
	if tail != "" {
		out += " " + tail
	}
	return out
}

func isBlobType(doltType string) bool {
	switch base, _, _ := splitType(doltType); base {
	case "tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob", "json",
		"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
		return true
	}
	return false
}

// buildFromDDL makes a root table's Dolt table from its whole-table
// override, after checking that the CREATE TABLE has exactly the dump
// table's columns (a column skipped by a rule may be missing).
func (t *Translator) buildFromDDL(tb *table, d *overrides.DDL) {
	out := tb.out
	dt := d.Table
	out.Name = dt.Name
	out.PrimaryKey = dt.PrimaryKey
	out.Indexes = dt.Indexes
	out.ForeignKeys = dt.ForeignKeys
	out.Checks = dt.Checks
	out.AutoIncrement = dt.AutoIncrement
	if dt.Comment != "" {
		out.Comment = dt.Comment
	}
	matched := make([]bool, len(dt.Columns))
	byPG := map[string]*schema.Column{}
	for _, c := range tb.cols {
		k := -1
		for i, dc := range dt.Columns {
			if dc.Name == c.name {
				k = i
			}
		}
		if k < 0 {
			for i, dc := range dt.Columns {
				if !matched[i] && strings.EqualFold(dc.Name, c.name) {
					k = i
				}
			}
		}
		if k < 0 {
			if t.skippedColumn(tb, c.name) {
				t.rep.Add("COLUMN", tb.pg.String()+"."+c.name, report.Skipped, c.pos, "skipped by the override at %s; its values are dropped", t.effOf(tb, c.name).Skip.Pos)
				continue
			}
			t.fail(c.pos, tb.pg.String(), c.name, fmt.Sprintf("add the column to the CREATE TABLE at %s, or skip it (tables: {%s: {columns: {%s: {skip: true}}}})", d.Pos, tb.pg, c.name),
				"overrides: column %s is in the dump but not in the whole-table override %s", c.name, d.Pos)
			continue
		}
		if t.skippedColumn(tb, c.name) {
			t.fail(d.ColumnPos[k], tb.pg.String(), c.name, "remove the column from the CREATE TABLE, or the skip rule", "overrides: column %s is both in the whole-table override and skipped by %s", c.name, t.effOf(tb, c.name).Skip.Pos)
		}
		matched[k] = true
		dc := dt.Columns[k]
		dc.PGName = c.name
		dc.PGType = pgTypeString(c.tn)
		if dc.Comment == "" {
			dc.Comment = c.comment
		}
		byPG[c.name] = dc
		ct, err := t.mapType(t.resolveDomain(c.tn))
		if err != nil {
			ct = colType{kind: vString}
		}
		ct.dolt = dc.Type
		ct.blob = isBlobType(dc.Type)
		ct.intType = intRank[dc.Type] > 0
		ct.collation = dc.Collation
		ct.change = ""
		t.colTypes[colKey{tb, c.name}] = ct
		t.fixed[colKey{tb, c.name}] = d.ColumnPos[k].String() + " (" + overrides.LevelDDL.String() + ")"
	}
	for i, dc := range dt.Columns {
		if !matched[i] {
			t.fail(d.ColumnPos[i], tb.pg.String(), dc.Name, fmt.Sprintf("remove the column from the CREATE TABLE, or add it in PostgreSQL; the dump's columns of %s are: %s", tb.pg, colNames(tb)),
				"overrides: column %s of the whole-table override is not in the dump's table %s (%s)", dc.Name, tb.pg, tb.pos)
		}
	}
	// the Dolt table's columns in the CREATE TABLE's order
	out.Columns = nil
	for i, dc := range dt.Columns {
		if matched[i] {
			out.Columns = append(out.Columns, dc)
		}
	}
	// keys, indexes and checks name Dolt columns; make their spelling the
	// column's own
	fix := func(name string) string {
		for _, c := range out.Columns {
			if strings.EqualFold(c.Name, name) {
				return c.Name
			}
		}
		return name
	}
	for i := range out.PrimaryKey {
		out.PrimaryKey[i] = fix(out.PrimaryKey[i])
	}
	for _, ix := range out.Indexes {
		for i := range ix.Columns {
			ix.Columns[i].Name = fix(ix.Columns[i].Name)
		}
	}
}

func colNames(tb *table) string {
	var n []string
	for _, c := range tb.cols {
		n = append(n, c.name)
	}
	return strings.Join(n, ", ")
}

// checkDDLRefs checks the foreign keys of whole-table overrides: the
// referenced table and columns must exist in the Dolt schema.
func (t *Translator) checkDDLRefs(db *schema.Database, fkNames namesPerDB) {
	if t.ov == nil {
		return
	}
	for tb, d := range t.ov.ddl {
		for _, fk := range tb.out.ForeignKeys {
			fkNames.in(tb.out.Database)[strings.ToLower(fk.Name)] = true
			var ref, elsewhere *schema.Table
			for _, x := range db.Tables {
				if strings.EqualFold(x.Name, fk.RefTable) {
					if x.Database == tb.out.Database {
						ref = x
					} else {
						elsewhere = x
					}
				}
			}
			if ref == nil && elsewhere != nil {
				t.fail(d.Pos, tb.pg.String(), "", "drop the foreign key from the override, or copy with --schemas prefix", "overrides: foreign key %s references table %s of the Dolt database %s, and %s goes to %s: Dolt has no foreign keys across databases", fk.Name, fk.RefTable, elsewhere.Database, tb.pg, tb.out.Database)
				continue
			}
			if ref == nil {
				t.fail(d.Pos, tb.pg.String(), "", "reference a table pgcopy creates (its Dolt name, as pgcopy explain prints it)", "overrides: foreign key %s references table %s, which is not in the Dolt schema", fk.Name, fk.RefTable)
				continue
			}
			fk.RefTable = ref.Name
			for i, rc := range fk.RefColumns {
				c := columnFoldOf(ref, rc)
				if c == nil {
					t.fail(d.Pos, tb.pg.String(), "", "reference the Dolt column names", "overrides: foreign key %s references column %s, which %s does not have", fk.Name, rc, ref.Name)
					continue
				}
				fk.RefColumns[i] = c.Name
			}
		}
	}
}

func columnFoldOf(tb *schema.Table, name string) *schema.Column {
	for _, c := range tb.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// ddlAutoIncrement sets the AUTO_INCREMENT counter of a whole-table
// override from the dump's sequence when the CREATE TABLE gives none.
func (t *Translator) ddlAutoIncrement(tb *table) {
	out := tb.out
	for _, c := range tb.cols {
		if c.seq == "" && !c.identity {
			continue
		}
		oc := out.ColumnByPG(c.name)
		if oc == nil || !oc.AutoIncrement {
			continue
		}
		_, sq := t.columnSequence(tb, c)
		if sq == nil {
			continue
		}
		sq.users = append(sq.users, tb.pg.String()+"."+c.name)
		if out.AutoIncrement == 0 && sq.hasSet {
			next := sq.last
			if sq.isCalled {
				next++
			}
			out.AutoIncrement = next
		}
	}
}

// checkStale reports every override entry that matched nothing: stale
// overrides fail loudly.
func (t *Translator) checkStale() {
	if t.ov == nil {
		return
	}
	hint := "remove the entry, or correct the name (pgcopy explain --dump FILE lists every table, column and type)"
	for _, ot := range t.ov.set.Tables {
		if !t.ov.used[ot] {
			t.errs = append(t.errs, diag.New(ot.Pos, "", "", fmt.Errorf("overrides: table %s is not in the dump", ot.Name), hint))
			continue
		}
		for _, oc := range ot.Columns {
			if !t.ov.used[oc] {
				t.errs = append(t.errs, diag.New(oc.Pos, ot.Name, oc.Name, fmt.Errorf("overrides: the table has no column %s", oc.Name), hint))
			}
		}
		for _, r := range ot.Types {
			if !t.ov.used[r] && t.ov.types[r] != nil {
				t.errs = append(t.errs, diag.New(r.Pos, ot.Name, "", fmt.Errorf("overrides: no column of table %s has type %s", ot.Name, r.PGType), hint))
			}
		}
	}
	for _, r := range t.ov.set.Types {
		if !t.ov.used[r] && t.matcher(r) != nil {
			t.errs = append(t.errs, diag.New(r.Pos, "", "", fmt.Errorf("overrides: no column of the dump has type %s", r.PGType), hint))
		}
	}
	for _, d := range t.ov.set.DDLs {
		if !t.ov.used[d] {
			var names []string
			for _, tb := range t.order {
				if tb.root() == tb && tb.out != nil {
					names = append(names, tb.out.Name)
				}
			}
			sort.Strings(names)
			if len(names) > 20 {
				names = append(names[:20], "...")
			}
			t.errs = append(t.errs, diag.New(d.Pos, "", "", fmt.Errorf("overrides: CREATE TABLE %s matches no table of the dump", d.Table.Name),
				"name the table as pgcopy names it in Dolt: "+strings.Join(names, ", ")))
		}
	}
}

// checkFits stops the run before anything is loaded when a value the
// first pass measured does not fit the type an override chose: a string
// longer than VARCHAR(n), a number too large for DECIMAL(p,s) or an
// integer type, a NULL in a column made NOT NULL. The error names the
// table, the column and the dump line of the offending row.
func (t *Translator) checkFits(stats map[colKey]*colStat) {
	for _, tb := range t.order {
		if tb.root() != tb || tb.out == nil || t.noData[tb] != (dump.Pos{}) {
			continue
		}
		for _, oc := range tb.out.Columns {
			k := colKey{tb, oc.PGName}
			src := t.fixed[k]
			st := stats[k]
			if st == nil {
				continue
			}
			e := t.effOf(tb, oc.PGName)
			if oc.NotNull && st.nulls > 0 && !oc.AutoIncrement && (e != nil && e.Nullable.Set || t.ov != nil && t.ov.ddl[tb] != nil) {
				by := src
				if e != nil && e.Nullable.Set {
					by = e.Nullable.Source()
				}
				t.fitFail(st.nullPos, tb, oc, by, "the dump has %s in this column (the first on this line), which %s makes NOT NULL", plural(st.nulls, "NULL"), by)
			}
			if src == "" {
				continue
			}
			t.checkFit(tb, oc, t.colTypes[k], st, src)
		}
	}
}

func (t *Translator) fitFail(pos dump.Pos, tb *table, oc *schema.Column, by, format string, args ...any) {
	at, _, _ := strings.Cut(by, " (")
	hint := fmt.Sprintf("widen the type at %s (pgcopy overrides suggest proposes types that fit), or change the row in PostgreSQL", at)
	if strings.Contains(format, "NULL") {
		hint = fmt.Sprintf("let the column be NULL (remove NOT NULL or nullable: false at %s), or fill the NULLs in PostgreSQL", at)
	}
	t.errs = append(t.errs, diag.New(pos, tb.pg.String(), oc.PGName, fmt.Errorf("overrides: "+format, args...), hint))
}

func (t *Translator) checkFit(tb *table, oc *schema.Column, ct colType, st *colStat, by string) {
	base, n, s := splitType(ct.dolt)
	switch ct.kind {
	case vString:
		limit, unit := 0, "characters"
		switch base {
		case "varchar", "char":
			limit = n
		case "tinytext":
			limit, unit = 255, "bytes"
		case "text":
			limit, unit = 65535, "bytes"
		case "mediumtext":
			limit, unit = 16777215, "bytes"
		}
		got, pos := st.maxChars, st.charsPos
		if unit == "bytes" {
			got, pos = st.maxBytes, st.bytesPos
		}
		if limit > 0 && got > limit {
			t.fitFail(pos, tb, oc, by, "a value of %d %s (the longest in the dump) does not fit %s, set by %s", got, unit, ct.dolt, by)
		}
	case vBytea:
		limit := 0
		switch base {
		case "varbinary", "binary":
			limit = n
		case "tinyblob":
			limit = 255
		case "blob":
			limit = 65535
		case "mediumblob":
			limit = 16777215
		}
		if limit > 0 && st.maxBytes > limit {
			t.fitFail(st.bytesPos, tb, oc, by, "a value of %d bytes (the longest in the dump) does not fit %s, set by %s", st.maxBytes, ct.dolt, by)
		}
	case vNumeric, vInt:
		switch {
		case base == "decimal" || base == "numeric":
			if n == 0 {
				n = 10 // MySQL's DECIMAL without precision is DECIMAL(10,0)
			}
			if st.intDigits > n-s {
				t.fitFail(st.intPos, tb, oc, by, "a number with %d integer digits does not fit %s (at most %d), set by %s", st.intDigits, ct.dolt, n-s, by)
			}
			if ct.kind == vNumeric && st.scale > s {
				t.fitFail(st.scalePos, tb, oc, by, "a number with %s would be rounded to %d by %s, set by %s", plural(int64(st.scale), "decimal place"), s, ct.dolt, by)
			}
		case intRank[strings.Replace(ct.dolt, "integer", "int", 1)] > 0:
			lo, hi, _ := intRange(ct.dolt)
			if ct.kind == vNumeric {
				if st.scale > 0 {
					t.fitFail(st.scalePos, tb, oc, by, "a number with %s would be rounded by the integer type %s, set by %s", plural(int64(st.scale), "decimal place"), ct.dolt, by)
				}
				if st.intDigits > len(hi.String()) {
					t.fitFail(st.intPos, tb, oc, by, "a number with %d integer digits does not fit %s, set by %s", st.intDigits, ct.dolt, by)
				}
				return
			}
			if st.ints > 0 && (lo.Cmp(bigInt(st.minInt)) > 0) {
				t.fitFail(st.minPos, tb, oc, by, "the value %d does not fit %s, set by %s", st.minInt, ct.dolt, by)
			}
			if st.ints > 0 && hi.Cmp(bigInt(st.maxInt)) < 0 {
				t.fitFail(st.maxPos, tb, oc, by, "the value %d does not fit %s, set by %s", st.maxInt, ct.dolt, by)
			}
			if st.huge && !strings.Contains(ct.dolt, "unsigned") {
				t.fitFail(st.hugePos, tb, oc, by, "a value beyond 9223372036854775807 does not fit %s, set by %s", ct.dolt, by)
			}
		}
	}
}

// pgCollation is a CREATE COLLATION of the dump (PostgreSQL manual §24.2,
// "Collation Support").
type pgCollation struct {
	provider, locale string
	deterministic    bool
	from             string
}

func (t *Translator) createCollation(pos dump.Pos, s *pg.DefineStmt) {
	name := t.qualifyType(strList(s.Defnames))
	c := &pgCollation{deterministic: true, provider: "libc"}
	for _, n := range s.Definition {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		v := defElemString(de.Arg)
		switch strings.ToLower(de.Defname) {
		case "provider":
			c.provider = strings.ToLower(v)
		case "locale", "lc_collate":
			c.locale = v
		case "deterministic":
			c.deterministic = !(strings.EqualFold(v, "false") || v == "0" || strings.EqualFold(v, "off") || strings.EqualFold(v, "no"))
		case "from":
			c.from = v
		}
	}
	t.collations[name] = c
	dolt, why := t.mapCollation(name)
	t.rep.Add("COLLATION", name, report.Changed, pos, "becomes %s on each column that uses it: %s", dolt, why)
}

func defElemString(n *pg.Node) string {
	if n == nil {
		return ""
	}
	switch {
	case n.GetString_() != nil:
		return n.GetString_().Sval
	case n.GetTypeName() != nil:
		_, name := typeNameParts(n.GetTypeName())
		return name
	case n.GetAConst() != nil && n.GetAConst().GetSval() != nil:
		return n.GetAConst().GetSval().Sval
	case n.GetAConst() != nil && n.GetAConst().GetBoolval() != nil:
		return strconv.FormatBool(n.GetAConst().GetBoolval().Boolval)
	case n.GetBoolean() != nil:
		return strconv.FormatBool(n.GetBoolean().Boolval)
	case n.GetList() != nil:
		return strings.Join(strList(n.GetList().Items), ".")
	}
	return ""
}

// mapCollation maps a PostgreSQL collation to a Dolt collation and says
// why (PostgreSQL manual §24.2.2.4 "Nondeterministic Collations"; Dolt's
// collations are MySQL's, dolt-facts E). Deterministic collations, "C"
// and ICU or libc locales alike, call two strings equal only when their
// bytes are equal, which is utf8mb4_0900_bin's equality; only their sort
// order differs. A nondeterministic ICU collation at strength level 1 or
// 2 (und-u-ks-level2, ...) ignores case (and at level 1 accents):
// utf8mb4_0900_as_ci and utf8mb4_0900_ai_ci compare the same way.
func (t *Translator) mapCollation(name string) (dolt, why string) {
	bare := strings.TrimPrefix(name, "pg_catalog.")
	switch bare {
	case "C", "POSIX", "ucs_basic", "default", "pg_c_utf8":
		return "utf8mb4_0900_bin", ""
	}
	c := t.collations[name]
	if c == nil && !strings.Contains(name, ".") {
		for k, v := range t.collations {
			if strings.HasSuffix(k, "."+name) {
				c = v
			}
		}
	}
	if c != nil && c.from != "" {
		return t.mapCollation(c.from)
	}
	if c != nil && !c.deterministic {
		l := strings.ToLower(c.locale)
		switch {
		case strings.Contains(l, "ks-level1") || strings.Contains(l, "colstrength=primary"):
			return "utf8mb4_0900_ai_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) ignores case and accents; utf8mb4_0900_ai_ci compares the same way (ORDER BY may differ)", c.provider, name, c.locale)
		case strings.Contains(l, "ks-level2") || strings.Contains(l, "colstrength=secondary"):
			return "utf8mb4_0900_as_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) ignores case; utf8mb4_0900_as_ci compares the same way (ORDER BY may differ)", c.provider, name, c.locale)
		}
		return "utf8mb4_0900_as_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) has no exact Dolt equivalent; utf8mb4_0900_as_ci (case-insensitive) is the nearest; override the column's collation if it does not suit", c.provider, name, c.locale)
	}
	return "utf8mb4_0900_bin", fmt.Sprintf("COLLATE %s is deterministic: equality and uniqueness are byte-wise, as in utf8mb4_0900_bin, but ORDER BY sorts by code point instead of %s's order; override the column's collation (e.g. utf8mb4_0900_as_cs) to sort by language rules", name, name)
}

// loadOverrides prepares the override state at New.
func newOvState(s *overrides.Set) *ovState {
	if s.Empty() {
		return nil
	}
	return &ovState{set: s, used: map[any]bool{}, tables: map[*table][]*overrides.Table{}, ddl: map[*table]*overrides.DDL{},
		types: map[*overrides.TypeRule]*typeMatcher{}, eff: map[colKey]*overrides.Resolved{}}
}

// ddlOf returns the whole-table override of a root table, or nil.
func (t *Translator) ddlOf(tb *table) *overrides.DDL {
	if t.ov == nil {
		return nil
	}
	return t.ov.ddl[tb]
}
