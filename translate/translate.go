package translate

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgnode"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Options tunes translation.
type Options struct {
	// IndexPrefix is the prefix length, in characters, given to a text
	// column in a non-unique index (Dolt requires one; 3072 bytes at most,
	// so at most 768 utf8mb4 characters). Default 255.
	IndexPrefix int

	// KeyLength is the varchar length, in characters, given to a text,
	// unbounded varchar or citext column that is part of a primary key or
	// a foreign key (either side), or a citext column in a unique key,
	// when the first pass saw no values to infer a length from (package
	// doc, "Lengths"): Dolt cannot key TEXT there (dolt-facts E). Longer
	// values are rejected when the rows are loaded. Default 255.
	KeyLength int

	// Schemas says how the dump's PostgreSQL schemas map to Dolt (package
	// doc, "Schemas"): SchemasPrefix ("" means it), SchemasPrefixAll or
	// SchemasDatabases ([ParseSchemasMode] reads the --schemas flag). Any
	// other value is an error from Finish.
	Schemas SchemasMode

	// Database is the Dolt name of the target database (a directory's
	// base name, or the database of a mysql:// URL). SchemasDatabases
	// needs it: the database of schema S is named Database_S. Other modes
	// ignore it.
	Database string

	// FullText turns a GIN or GiST index on to_tsvector(text columns) into
	// a FULLTEXT index on those columns. Off by default: Dolt 1.83.2's
	// DOLT_VERIFY_CONSTRAINTS fails on any database holding a FULLTEXT
	// index ("attempted to purge dolt_<table>_<index>_0_fts_position
	// during Full-Text merge"), and pgcopy verifies foreign keys with it.
	FullText bool

	// Overrides are the hand-written rules of --overrides files (package
	// overrides): per column, per table, per PostgreSQL type, and
	// whole-table CREATE TABLE statements. Precedence: column rule > table
	// rule > type rule > built-in rule. An entry that matches nothing is an
	// error from Finish.
	Overrides *overrides.Set

	// InferLengths gives every text, varchar and char column without a
	// length VARCHAR(n), and every numeric without precision DECIMAL(p,s),
	// from the values the first pass measured ([Translator.Measure];
	// package doc, "Lengths"). Without it, only columns in a primary key,
	// a foreign key or a case-insensitive unique key are inferred.
	InferLengths bool
}

// SchemasMode says how the dump's PostgreSQL schemas map to Dolt (package
// doc, "Schemas"); its values are the words of the --schemas flag.
type SchemasMode string

// The values of [Options.Schemas].
const (
	// SchemasPrefix, the default: tables of one schema keep their bare
	// names; with several schemas, public's keep theirs and the others
	// are named schema_table, all in the target database.
	SchemasPrefix SchemasMode = "prefix"
	// SchemasPrefixAll names every table schema_table when the dump's
	// tables live in more than one schema.
	SchemasPrefixAll SchemasMode = "prefix-all"
	// SchemasDatabases makes each PostgreSQL schema its own Dolt database
	// (public stays in the target database; schema S goes to the database
	// Options.Database + "_" + S), with bare table names.
	SchemasDatabases SchemasMode = "databases"
)

// SchemaModes lists the values of [Options.Schemas], for usage messages.
var SchemaModes = []SchemasMode{SchemasPrefix, SchemasPrefixAll, SchemasDatabases}

// ParseSchemasMode reads the word of the --schemas flag: "prefix",
// "prefix-all" or "databases"; "" is SchemasPrefix. Any other word is an
// error listing the accepted ones (the CLI exits 2 with it).
func ParseSchemasMode(s string) (SchemasMode, error) {
	if s == "" {
		return SchemasPrefix, nil
	}
	for _, m := range SchemaModes {
		if SchemasMode(s) == m {
			return m, nil
		}
	}
	return "", fmt.Errorf("--schemas must be %s, not %q (--schema/-n is pg_dump's schema filter for --source)", schemaModeWords(" or "), s)
}

// schemaModeWords lists SchemaModes as "prefix, prefix-all<last>databases".
func schemaModeWords(last string) string {
	w := make([]string, len(SchemaModes))
	for i, m := range SchemaModes {
		w[i] = string(m)
	}
	return strings.Join(w[:len(w)-1], ", ") + last + w[len(w)-1]
}

// Translator accumulates the schema of one dump. Use [New], feed every
// schema statement to [Translator.Statement] in dump order, then call
// [Translator.Finish] once.
type Translator struct {
	opts Options
	rep  *report.Report

	enums      map[string][]string // qualified type name -> labels
	domains    map[string]*domain
	composites map[string]bool // qualified composite type names
	seqs       map[string]*sequence
	tables     map[string]*table // qualified relation name -> table
	order      []*table

	// searchPath is the dump's search_path (pg_dump sets it to '' and
	// qualifies every name; Rails and Ecto trailers set "$user", public).
	searchPath []string
	app        *appObjects     // trigger functions and triggers (triggers.go)
	settings   map[string]bool // session settings already reported

	// clean counts the DROP statements of a pg_dump --clean prelude.
	clean      int
	cleanFirst dump.Pos

	// First-pass measurements, per table receiving rows and column.
	stats map[*table]map[string]*colStat
	// The override rules matched against the dump; nil without overrides.
	ov *ovState
	// skipped are the tables a skip rule removed (by PostgreSQL name),
	// noData the tables whose rows a skip_data rule drops; both with the
	// rule's position.
	skipped map[string]dump.Pos
	noData  map[*table]dump.Pos
	// extSchemas maps a schema to the CREATE EXTENSION ... WITH SCHEMA
	// that owns it, extData the data of the tables such an extension owns
	// (extensions.go).
	extSchemas map[string]*extension
	extData    map[string]*extData
	// collations are the dump's CREATE COLLATION statements.
	collations map[string]*pgCollation
	// plan and suggest are built from the model at the end of Finish
	// (explain.go).
	plan    []ColumnPlan
	suggest []Suggestion

	views viewSet // views and materialized views (views.go)

	// With SchemasDatabases (schemas.go): the Dolt database of each
	// PostgreSQL schema that holds a table or view, the databases in
	// order (the target first), and why a database's name differs from
	// Database_schema, for the report.
	schemaDB    map[string]string
	databases   []string
	schemaNotes map[string]string
	crossFKs    []*schema.CrossFK

	db   *schema.Database
	errs []error
}

type domain struct {
	base    *pg.TypeName
	notNull bool
	checks  []*pg.Node
	def     *pg.Node
	pos     dump.Pos
}

type sequence struct {
	name     string
	pos      dump.Pos
	last     int64 // setval value
	isCalled bool
	hasSet   bool
	ownedBy  string // "schema.table.column"
	users    []string
}

type table struct {
	pg          schema.Name
	pos         dump.Pos
	cols        []*column
	parent      *table   // the partitioned table this partition folds into
	inherits    []*table // INHERITS parents (kept as separate tables)
	partitioned bool
	pk          *constraint
	uniques     []*constraint
	fks         []*constraint
	checks      []*constraint
	indexes     []*index
	out         *schema.Table
	merged      bool   // inherited columns already merged
	comment     string // COMMENT ON TABLE
}

type column struct {
	name     string
	tn       *pg.TypeName
	notNull  bool
	def      *pg.Node
	identity bool
	seq      string // sequence behind a nextval default or identity
	collate  string
	comment  string
	pos      dump.Pos
	generate *pg.Node
	from     string // the INHERITS parent the column comes from, or ""
}

type constraint struct {
	c   *pg.Constraint
	pos dump.Pos
	tbl *table

	// For a domain's CHECK copied onto a column: the column VALUE stands
	// for, and the domain.
	domainOf, domain string
}

type index struct {
	s   *pg.IndexStmt
	pos dump.Pos
}

// New returns a Translator that records its decisions in rep.
func New(opts Options, rep *report.Report) *Translator {
	if opts.IndexPrefix <= 0 {
		opts.IndexPrefix = 255
	}
	if opts.KeyLength <= 0 {
		opts.KeyLength = 255
	}
	return &Translator{
		opts:       opts,
		rep:        rep,
		enums:      map[string][]string{},
		domains:    map[string]*domain{},
		composites: map[string]bool{},
		seqs:       map[string]*sequence{},
		tables:     map[string]*table{},
		searchPath: []string{"$user", "public"},
		settings:   map[string]bool{},

		stats:      map[*table]map[string]*colStat{},
		ov:         newOvState(opts.Overrides),
		skipped:    map[string]dump.Pos{},
		noData:     map[*table]dump.Pos{},
		collations: map[string]*pgCollation{},
	}
}

func strList(nodes []*pg.Node) []string { return pgnode.StrList(nodes) }

// hintInconsistent is the hint for a dump that names objects it never
// creates.
const hintInconsistent = "the dump is inconsistent (edited by hand, or cut short); take a fresh pg_dump of the whole database"

func (t *Translator) fail(pos dump.Pos, table, col string, hint string, format string, args ...any) {
	t.errs = append(t.errs, diag.New(pos, table, col, fmt.Errorf(format, args...), hint))
}

// qualifyType qualifies a type name list from a CREATE TYPE/DOMAIN.
func (t *Translator) qualifyType(name []string) string {
	if len(name) == 1 {
		return t.defaultSchema() + "." + name[0]
	}
	return strings.Join(name, ".")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return s
}

func (tb *table) column(name string) *column {
	for _, c := range tb.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

// resolveDomain returns the base type of a domain type name, or tn itself.
func (t *Translator) resolveDomain(tn *pg.TypeName) *pg.TypeName {
	for i := 0; i < 10; i++ {
		s, n := typeNameParts(tn)
		d := t.lookupDomain(s, n)
		if d == nil {
			return tn
		}
		base := d.base
		if len(tn.ArrayBounds) > 0 {
			base = &pg.TypeName{Names: d.base.Names, Typmods: d.base.Typmods, ArrayBounds: tn.ArrayBounds}
		}
		tn = base
	}
	return tn
}

// lookupType finds a user type by schema (may be "") and name in m: an
// unqualified name is looked up along the search_path, then in any schema.
func lookupType[V any](t *Translator, m map[string]V, schemaName, name string) (V, bool) {
	if schemaName != "" {
		v, ok := m[schemaName+"."+name]
		return v, ok
	}
	for _, s := range t.searchPath {
		if v, ok := m[s+"."+name]; ok {
			return v, true
		}
	}
	var found V
	var key string
	for k, v := range m {
		if strings.HasSuffix(k, "."+name) && (key == "" || k < key) {
			found, key = v, k
		}
	}
	return found, key != ""
}

func (t *Translator) lookupDomain(schemaName, name string) *domain {
	d, _ := lookupType(t, t.domains, schemaName, name)
	return d
}

func (t *Translator) lookupEnum(schemaName, name string) ([]string, bool) {
	return lookupType(t, t.enums, schemaName, name)
}

func (t *Translator) isComposite(schemaName, name string) bool {
	_, ok := lookupType(t, t.composites, schemaName, name)
	return ok
}
