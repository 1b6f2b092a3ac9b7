package translate

// PostgreSQL schemas and Dolt databases (package doc, "Schemas").
//
// PostgreSQL has databases holding schemas holding tables (manual §5.9,
// "Schemas"); Dolt, like MySQL, has databases holding tables, and a
// MySQL "schema" is a database. A dump is one PostgreSQL database, so its
// schemas either become name prefixes in the one target database
// (SchemasPrefix, SchemasPrefixAll) or Dolt databases of their own
// (SchemasDatabases).

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
)

// schemasMode is Options.Schemas with the default filled in.
func (t *Translator) schemasMode() SchemasMode {
	if t.opts.Schemas == "" {
		return SchemasPrefix
	}
	return t.opts.Schemas
}

// checkSchemasOption fails Finish for an unknown Options.Schemas, and
// for SchemasDatabases without Options.Database.
func (t *Translator) checkSchemasOption() bool {
	switch t.schemasMode() {
	case SchemasPrefix, SchemasPrefixAll:
		return true
	case SchemasDatabases:
		if t.opts.Database == "" {
			t.fail(dump.Pos{}, "", "", "give the target database's name (pgcopy does, from --target; pgcopy translate takes --database NAME)",
				"schemas as databases: the target database's name is not known, and the database of schema S is named after it (NAME_S)")
			return false
		}
		return true
	}
	t.fail(dump.Pos{}, "", "", "use one of "+schemaModeWords(", "), "unknown schema mode %q", t.opts.Schemas)
	return false
}

// mainSchema is the PostgreSQL schema whose tables stay in the target
// database under their bare names: the only schema holding tables when
// there is one, else public.
func (t *Translator) mainSchema() string {
	if s := t.tableSchemas(); len(s) == 1 {
		return s[0]
	}
	return "public"
}

// tableSchemas lists the schemas holding a root table, in dump order.
func (t *Translator) tableSchemas() []string {
	var out []string
	seen := map[string]bool{}
	for _, tb := range t.order {
		if tb.root() == tb && !seen[tb.pg.Schema] {
			seen[tb.pg.Schema] = true
			out = append(out, tb.pg.Schema)
		}
	}
	return out
}

// assignDatabases decides, with SchemasDatabases, the Dolt database of
// every schema that holds a table or a view: the main schema (see
// mainSchema) goes to the target database, Options.Database; any other
// schema S to Options.Database + "_" + S. A "/" or "\" (which Dolt
// refuses or reads as a path) and control characters become "_"; a name
// longer than 64 characters is cut with a hash suffix; Dolt database names
// ignore case, so a name that collides with an earlier one gets "_2",
// "_3", ... (reported on the SCHEMA entry).
func (t *Translator) assignDatabases() {
	if !t.checkSchemasOption() || t.schemasMode() != SchemasDatabases {
		return
	}
	t.schemaDB = map[string]string{}
	t.schemaNotes = map[string]string{}
	target := t.opts.Database
	main := t.mainSchema()
	t.schemaDB[main] = target
	t.databases = []string{target}
	used := map[string]string{strings.ToLower(target): main}
	add := func(s string) {
		if _, ok := t.schemaDB[s]; ok {
			return
		}
		base := truncIdent(target + "_" + sanitizeDBName(s))
		name := base
		for i := 2; used[strings.ToLower(name)] != ""; i++ {
			name = truncIdent(fmt.Sprintf("%s_%d", base, i))
		}
		switch {
		case name != base:
			t.schemaNotes[s] = fmt.Sprintf("named %s: %q would collide with the database of schema %s, and Dolt database names ignore case", name, base, used[strings.ToLower(base)])
		case name != target+"_"+s:
			t.schemaNotes[s] = "named " + name + " (Dolt database names hold no / or \\ and at most 64 characters)"
		}
		used[strings.ToLower(name)] = s
		t.schemaDB[s] = name
		t.databases = append(t.databases, name)
	}
	for _, s := range t.tableSchemas() {
		add(s)
	}
	for _, d := range t.views.order {
		add(d.pg.Schema)
	}
}

func sanitizeDBName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < 0x20 || r == 0x7f {
			return '_'
		}
		return r
	}, s)
}

// dbOf is the Dolt database of an object of PostgreSQL schema s: "" (the
// target, unqualified) unless schemas are databases.
func (t *Translator) dbOf(s string) string {
	if t.schemaDB == nil {
		return ""
	}
	return t.schemaDB[s]
}

// placeObjects records, with SchemasDatabases, the Dolt database of every
// object of the report that was created (translated or changed): the
// database of its PostgreSQL schema, found as the longest schema name the
// object's qualified name starts with. The SCHEMA entries say which
// database each schema became, or that a schema holding no table or view
// gets none.
func (t *Translator) placeObjects() {
	if t.schemaDB == nil {
		return
	}
	var schemas []string
	for s := range t.schemaDB {
		schemas = append(schemas, s)
	}
	sort.Slice(schemas, func(i, j int) bool { return len(schemas[i]) > len(schemas[j]) })
	t.rep.SetDatabases(func(kind, name string) string {
		for _, s := range schemas {
			if name == s || strings.HasPrefix(name, s+".") {
				return t.schemaDB[s]
			}
		}
		return ""
	})
	for _, o := range t.rep.ObjectsOf("SCHEMA") {
		if o.Action != report.Translated {
			continue // not a CREATE SCHEMA (pg_dump's entries for public's owner or comment)
		}
		db, ok := t.schemaDB[o.Name]
		switch {
		case !ok:
			t.rep.AmendIf("SCHEMA", o.Name, report.Translated, report.Skipped, "it holds no table or view that pgcopy creates, so no Dolt database is made for it")
		case db == t.opts.Database:
			t.rep.AmendIf("SCHEMA", o.Name, report.Translated, report.Changed, "its tables and views go to the target database %s, with their bare names", db)
		default:
			detail := "becomes the Dolt database " + db + ", its tables and views keeping their bare names"
			if n := t.schemaNotes[o.Name]; n != "" {
				detail += "; " + n
			}
			t.rep.AmendIf("SCHEMA", o.Name, report.Translated, report.Changed, "%s", detail)
		}
	}
}
