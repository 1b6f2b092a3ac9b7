package schema

import (
	"strings"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// View is a PostgreSQL view whose query translate rewrote in MySQL syntax,
// or a materialized view that becomes a table filled from its query.
// Views are created after the data load, in [Database.Views] order, which
// puts every view after the views it selects from (Dolt checks that a
// view's tables exist when it is created: Dolt docs, "Views").
type View struct {
	PG       Name     // the PostgreSQL relation
	Name     string   // the Dolt view (or table) name
	Database string   // the Dolt database; "" for the target database (see Database)
	Pos      dump.Pos // the CREATE VIEW statement whose query is used
	Kind     string   // the report kind: "VIEW" or "MATERIALIZED VIEW"

	Columns []string // the Dolt column names, in order
	Query   string   // the SELECT, MySQL dialect, without a trailing semicolon

	// Materialized makes CreateSQL a CREATE TABLE ... AS SELECT: the
	// materialized view becomes a table holding the rows of its query.
	Materialized bool
	// Empty creates a materialized view's table with its columns and no
	// rows: the dump leaves it unpopulated (WITH NO DATA, never refreshed).
	Empty bool

	// Indexes are a materialized view's indexes (PostgreSQL's CREATE
	// INDEX ... ON the materialized view), created with its table.
	Indexes []*Index

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

// CreateSQL renders the view as one MySQL-dialect statement, without a
// trailing semicolon: CREATE VIEW name AS query (MySQL manual §15.1.23,
// "CREATE VIEW"), or for a materialized view CREATE TABLE name [(its
// indexes)] AS query (§15.1.20.4, "CREATE TABLE ... SELECT": the table
// gets the query's columns and the listed keys; Dolt 1.83 accepts it). The
// name is not qualified: run it in the view's database.
func (v *View) CreateSQL() string {
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
