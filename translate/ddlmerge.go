package translate

import (
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

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
		dc.Type.Raw = pgTypeString(c.tn)
		if dc.Comment == "" {
			dc.Comment = c.comment
		}
		byPG[c.name] = dc
		kind, elem := vString, pgtext.ElemString
		if ct, err := t.mapType(t.resolveDomain(c.tn)); err == nil {
			kind, elem = ct.kind, ct.elem
		}
		dc.Codec = codecOf(kind, elem, dc.Type.Type)
		dc.Override = d.ColumnPos[k].String() + " (" + overrides.LevelDDL.String() + ")"
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

// ddlOf returns the whole-table override of a root table, or nil.
func (t *Translator) ddlOf(tb *table) *overrides.DDL {
	if t.ov == nil {
		return nil
	}
	return t.ov.ddl[tb]
}
