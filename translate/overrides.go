package translate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
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
// "integer" and "int" are int4, serial is int4 (pgtypes.Canonical), and
// pg_catalog is the same as no schema.
func canonType(tn *pg.TypeName) (schemaName, name string) {
	schemaName, name = typeNameParts(tn)
	if schemaName == "pg_catalog" {
		schemaName = ""
	}
	if schemaName == "" {
		name = pgtypes.Canonical(name)
	}
	return schemaName, name
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
		ct.dolt = e.Type.Value
	} else {
		l := e.Length.Value
		ps, ss, dec := strings.Cut(l, ",")
		n, _ := strconv.Atoi(ps)
		scale, _ := strconv.Atoi(ss)
		var to schema.Type
		switch d := ct.dolt.(type) {
		case *schema.DecimalType:
			to = schema.Decimal(n, scale) // length "12" is decimal(12,0)
		case *schema.StringType:
			switch {
			case dec:
			case d.T == "varchar" || d.T == "longtext" || d.T == "text" || d.T == "mediumtext":
				to = schema.Varchar(n)
			case d.T == "char":
				to = schema.Char(n)
			}
		case *schema.BinaryType:
			if !dec && (d.T == "longblob" || d.T == "varbinary" || d.T == "blob") {
				to = &schema.BinaryType{T: "varbinary", Size: n}
			}
		case *schema.BitType:
			if !dec {
				to = &schema.BitType{Size: n}
			}
		case *schema.TimeType:
			if !dec && (d.T == "datetime" || d.T == "time") {
				to = &schema.TimeType{T: d.T, Precision: schema.Fsp(n)}
			}
		}
		switch {
		case to != nil:
			ct.dolt = to
		case dec:
			t.fail(e.Length.Pos, tb.pg.String(), c.name, "give a single length for a string column, or use type:", "overrides: length %s (precision and scale) does not apply to %s, which pgcopy stores as %s", l, pgTypeString(c.tn), schema.FormatType(ct.dolt))
			return false
		default:
			t.fail(e.Length.Pos, tb.pg.String(), c.name, "set the whole type with type: instead", "overrides: length does not apply to %s, which pgcopy stores as %s", pgTypeString(c.tn), schema.FormatType(ct.dolt))
			return false
		}
	}
	if !schema.IsString(ct.dolt) {
		ct.collation = ""
	}
	ct.change = ""
	return true
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

// loadOverrides prepares the override state at New.
func newOvState(s *overrides.Set) *ovState {
	if s.Empty() {
		return nil
	}
	return &ovState{set: s, used: map[any]bool{}, tables: map[*table][]*overrides.Table{}, ddl: map[*table]*overrides.DDL{},
		types: map[*overrides.TypeRule]*typeMatcher{}, eff: map[colKey]*overrides.Resolved{}}
}
