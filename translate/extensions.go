package translate

import (
	"strconv"

	pg "github.com/pganalyze/pg_query_go/v5"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// extension is one CREATE EXTENSION of the dump and the schema it was
// created in ("CREATE EXTENSION supabase_vault WITH SCHEMA vault").
type extension struct {
	name string
	pos  dump.Pos
}

// extData is the data of one table an extension owns: pg_dump writes the
// rows of an extension's configuration tables (those the extension marks
// with pg_extension_config_dump, PostgreSQL manual §38.17.4 "Extension
// Configuration Tables") but never their CREATE TABLE, since CREATE
// EXTENSION creates them on restore.
type extData struct {
	ext  *extension
	pos  dump.Pos // the first COPY block or INSERT of the table
	rows int64
}

// extensionStmt records the schema a CREATE EXTENSION ... WITH SCHEMA s
// puts the extension's objects in.
func (t *Translator) extensionStmt(pos dump.Pos, s *pg.CreateExtensionStmt) {
	for _, o := range s.Options {
		d := o.GetDefElem()
		if d == nil || d.Defname != "schema" {
			continue
		}
		if sch := d.Arg.GetString_().GetSval(); sch != "" {
			if t.extSchemas == nil {
				t.extSchemas = map[string]*extension{}
			}
			t.extSchemas[sch] = &extension{name: s.Extname, pos: pos}
		}
	}
}

// extensionData reports whether rel is a table the dump never creates in
// the schema of an extension the dump creates; its rows are then skipped
// and reported (TABLE DATA, skipped, with the extension and the row count).
func (t *Translator) extensionData(pos dump.Pos, rel schema.Name) bool {
	ext := t.extSchemas[rel.Schema]
	if ext == nil {
		return false
	}
	if t.extData == nil {
		t.extData = map[string]*extData{}
	}
	if t.extData[rel.String()] == nil {
		t.extData[rel.String()] = &extData{ext: ext, pos: pos}
		t.rep.Add("TABLE DATA", rel.String(), report.Skipped, pos, "%s", t.extData[rel.String()].detail())
	}
	return true
}

func (d *extData) detail() string {
	return "table of extension " + d.ext.name + " (CREATE EXTENSION at " + d.ext.pos.String() + "), which Dolt does not have: " +
		strconv.FormatInt(d.rows, 10) + " rows not loaded"
}

// SkippedRows counts n rows of the COPY block ev that pgcopy does not load
// because CopyRows returned nil for it. It reports whether the block is
// the data of an extension's table (then the report's TABLE DATA entry
// now carries the count); false means an override dropped the rows.
func (t *Translator) SkippedRows(ev dump.Event, n int64) bool {
	if len(t.extData) == 0 {
		return false
	}
	tree, err := pg.Parse(ev.Text)
	if err != nil || len(tree.Stmts) == 0 {
		return false
	}
	cs := tree.Stmts[0].Stmt.GetCopyStmt()
	if cs == nil || cs.Relation == nil {
		return false
	}
	return t.countExtRows(t.refName(cs.Relation), n)
}

func (t *Translator) countExtRows(rel schema.Name, n int64) bool {
	d := t.extData[rel.String()]
	if d == nil {
		return false
	}
	d.rows += n
	t.rep.Amend("TABLE DATA", rel.String(), report.Skipped, "%s", d.detail())
	return true
}
