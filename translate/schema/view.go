package schema

import (
	"strings"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// View is a PostgreSQL view whose query translate rewrote in MySQL syntax,
// or a materialized view that becomes a table filled from its query.
// Views are created after the data load, in [Database.Views] order, which
// puts every view after the views it selects from (Dolt checks that a
// view's tables exist when it is created: Dolt docs, "Views").
type View struct {
	PG       Name   // the PostgreSQL relation
	Name     string // the Dolt view (or table) name
	Database string // the Dolt database; "" for the target database (see Database)
	Pos      Pos    // the CREATE VIEW statement whose query is used
	Kind     string // the report kind: "VIEW" or "MATERIALIZED VIEW"

	Columns []string // the Dolt column names, in order
	Query   string   // the SELECT, MySQL dialect, without a trailing semicolon

	// Materialized makes CreateSQL a CREATE TABLE ... AS SELECT: the
	// materialized view becomes a table holding the rows of its query.
	Materialized bool
	// Empty creates a materialized view's table with its columns and no
	// rows: the dump leaves it unpopulated (WITH NO DATA, never refreshed).
	Empty bool

	// Fill, for a materialized view whose query reads tables of another
	// Dolt database, is the select list (over the query aliased q) of the
	// INSERT that fills its table; nil otherwise. See CreateStatements.
	Fill []string

	// Indexes are a materialized view's indexes (PostgreSQL's CREATE
	// INDEX ... ON the materialized view), created with its table.
	Indexes []*Index

	// Statement, when set, is the whole CREATE VIEW statement of an
	// override file (Pos is its line there), which CreateSQL returns as
	// written; Query is then its SELECT as Dolt's parser renders it.
	Statement string

	// Uses names the Dolt views and materialized-view tables the query
	// selects from, as [View.ReportName] gives them; each comes earlier in
	// Database.Views.
	Uses []string
}

// QualifiedName is the view's name for SQL run from any database of the
// target (see [Table.QualifiedName]).
func (v *View) QualifiedName() string { return Qualified(v.Database, v.Name) }

// ReportName is db.name when the view has a database, else its Dolt name.
func (v *View) ReportName() string {
	if v.Database == "" {
		return v.Name
	}
	return v.Database + "." + v.Name
}

// CreateStatements renders the view as the MySQL-dialect statements that
// create it, without trailing semicolons: [View.CreateSQL], except for a
// materialized view that reads another Dolt database (Fill set). Dolt
// 1.83.2 fails a CREATE TABLE ... AS SELECT over another database's rows
// twice: inline keys are refused ("key column ... doesn't exist in
// table"), and TEXT, BLOB and JSON values, which Dolt stores apart from
// the row, are copied as references into the other database's storage
// ("dangling ref: found dangling references"). So that view becomes three
// statements: CREATE TABLE name AS SELECT q.columns FROM (query) AS q
// LIMIT 0, which copies no value; ALTER TABLE name ADD its keys; and
// INSERT INTO name SELECT Fill FROM (query) AS q, whose Fill wraps those
// values in expressions that make new ones (CONCAT(x)).
func (v *View) CreateStatements() []string {
	if !v.Materialized || v.Fill == nil {
		return []string{v.CreateSQL()}
	}
	cols := make([]string, len(v.Columns))
	for i, c := range v.Columns {
		cols[i] = "`q`." + sqltext.Ident(c)
	}
	name := sqltext.Ident(v.Name)
	out := []string{"CREATE TABLE " + name + " AS SELECT " + strings.Join(cols, ", ") + " FROM (" + v.Query + ") AS `q` LIMIT 0"}
	if len(v.Indexes) > 0 {
		keys := make([]string, len(v.Indexes))
		for i, ix := range v.Indexes {
			keys[i] = "ADD " + ix.SQL()
		}
		out = append(out, "ALTER TABLE "+name+" "+strings.Join(keys, ", "))
	}
	if !v.Empty {
		out = append(out, "INSERT INTO "+name+" SELECT "+strings.Join(v.Fill, ", ")+" FROM ("+v.Query+") AS `q`")
	}
	return out
}

// CreateSQL renders the view as one MySQL-dialect statement, without a
// trailing semicolon: CREATE VIEW name AS query (MySQL manual §15.1.23,
// "CREATE VIEW"), or for a materialized view CREATE TABLE name [(its
// indexes)] AS query (§15.1.20.4, "CREATE TABLE ... SELECT": the table
// gets the query's columns and the listed keys; Dolt 1.83 accepts it). The
// name is not qualified: run it in the view's database.
func (v *View) CreateSQL() string {
	if v.Statement != "" {
		return v.Statement
	}
	var b strings.Builder
	if v.Materialized {
		b.WriteString("CREATE TABLE ")
		b.WriteString(sqltext.Ident(v.Name))
		if len(v.Indexes) > 0 {
			b.WriteString(" (")
			for i, ix := range v.Indexes {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(ix.SQL())
			}
			b.WriteString(")")
		}
		b.WriteString(" AS ")
		if v.Empty {
			b.WriteString("SELECT * FROM (")
			b.WriteString(v.Query)
			b.WriteString(") AS ")
			b.WriteString(sqltext.Ident(v.Name))
			b.WriteString(" LIMIT 0")
			return b.String()
		}
		b.WriteString(v.Query)
		return b.String()
	}
	b.WriteString("CREATE VIEW ")
	b.WriteString(sqltext.Ident(v.Name))
	b.WriteString(" AS ")
	b.WriteString(v.Query)
	return b.String()
}
