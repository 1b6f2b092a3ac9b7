package translate

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// defaultSchema is the schema an unqualified CREATE lands in: the first
// real schema of the search_path, or public.
func (t *Translator) defaultSchema() string {
	for _, s := range t.searchPath {
		if s != "$user" && s != "pg_catalog" && s != "" {
			return s
		}
	}
	return "public"
}

// relName qualifies a relation named in a CREATE statement.
func (t *Translator) relName(rv *pg.RangeVar) schema.Name {
	if rv.Schemaname != "" {
		return schema.Name{Schema: rv.Schemaname, Name: rv.Relname}
	}
	return schema.Name{Schema: t.defaultSchema(), Name: rv.Relname}
}

// refName qualifies a relation that a statement refers to. An unqualified
// name is looked up along the search_path, then among all tables of the
// dump (when exactly one has that name), as PostgreSQL's name resolution
// would find it at restore time (manual §5.9.3, "The Schema Search Path").
func (t *Translator) refName(rv *pg.RangeVar) schema.Name {
	if rv.Schemaname != "" {
		return schema.Name{Schema: rv.Schemaname, Name: rv.Relname}
	}
	for _, s := range t.searchPath {
		if t.tables[s+"."+rv.Relname] != nil {
			return schema.Name{Schema: s, Name: rv.Relname}
		}
	}
	var found *table
	n := 0
	for _, tb := range t.order {
		if tb.pg.Name == rv.Relname {
			found = tb
			n++
		}
	}
	if n == 1 {
		return found.pg
	}
	return schema.Name{Schema: t.defaultSchema(), Name: rv.Relname}
}

// lookup returns the table a statement refers to, or nil.
func (t *Translator) lookup(rv *pg.RangeVar) *table {
	return t.tables[t.refName(rv).String()]
}

// namesPerDB holds the lower-case names taken in each Dolt database.
type namesPerDB map[string]map[string]bool

func (n namesPerDB) in(db string) map[string]bool {
	if n[db] == nil {
		n[db] = map[string]bool{}
	}
	return n[db]
}

// tableNames decides the Dolt name of every root table (package doc,
// "Schemas"). With SchemasPrefix, tables of the public schema, and all
// tables when they live in one schema, keep their bare name; a table of
// any other schema is named "schema_table" (so auth.users becomes
// auth_users next to public.users = users); SchemasPrefixAll prefixes
// every table when there are several schemas. With SchemasDatabases
// every table keeps its bare name in its schema's database. Names are cut
// to 64 characters with a hash suffix. Dolt resolves names that differ
// only by case to one table (dolt-facts E), so a name that collides with
// an earlier one of the same database, ignoring case, gets a "_2", "_3",
// ... suffix; renames holds the report detail for those.
func (t *Translator) tableNames() (names map[*table]string, renames map[*table]string) {
	schemas := map[string]bool{}
	for _, tb := range t.order {
		if tb.root() == tb {
			schemas[tb.pg.Schema] = true
		}
	}
	names = map[*table]string{}
	renames = map[*table]string{}
	seen := map[string]*table{} // database NUL lower-case name
	key := func(tb *table, name string) string { return t.dbOf(tb.pg.Schema) + "\x00" + strings.ToLower(name) }
	// names an override gives come first; they never change
	for _, tb := range t.order {
		if tb.root() != tb {
			continue
		}
		if n, pos := t.renameOf(tb); n != "" {
			if other := seen[key(tb, n)]; other != nil {
				t.fail(pos, tb.pg.String(), "", "choose another name", "overrides: rename %s: %s is also named %s, and Dolt table names ignore case", n, other.pg, names[other])
			}
			seen[key(tb, n)] = tb
			names[tb] = n
			renames[tb] = "named " + n + " by the override at " + pos.String()
		}
	}
	mode := t.schemasMode()
	for _, tb := range t.order {
		if tb.root() != tb || names[tb] != "" {
			continue
		}
		base := tb.pg.Name
		if mode != SchemasDatabases && len(schemas) > 1 && (tb.pg.Schema != "public" || mode == SchemasPrefixAll) {
			base = tb.pg.Schema + "_" + tb.pg.Name
		}
		base = truncIdent(base)
		name := base
		for i := 2; seen[key(tb, name)] != nil; i++ {
			name = truncIdent(fmt.Sprintf("%s_%d", base, i))
		}
		if name != base {
			renames[tb] = fmt.Sprintf("%q would collide with %s, which Dolt treats as the same name (table names are case-insensitive); rename it with an override if %s does not suit", base, seen[key(tb, base)].pg, name)
		}
		seen[key(tb, name)] = tb
		names[tb] = name
	}
	return names, renames
}

func truncIdent(name string) string { return sqltext.Cut(name) }
