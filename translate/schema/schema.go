package schema

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// Name is a PostgreSQL qualified relation name, as in "public.film".
type Name struct{ Schema, Name string }

func (n Name) String() string {
	if n.Schema == "" {
		return n.Name
	}
	return n.Schema + "." + n.Name
}

// Database is every table pgcopy will create, in dump order.
//
// Usually everything goes to the one target database and every
// Table.Database and View.Database is "". When PostgreSQL schemas become
// separate Dolt databases (pgcopy --schemas databases), Databases lists
// them, the target first, and every table and view names its database.
type Database struct {
	Tables []*Table
	Views  []*View // created after the data load, in this order (view.go)

	// Routines are the functions, procedures and triggers created after
	// the data load (routine.go): functions and procedures before the
	// views, triggers last, each group in this order.
	Routines []*Routine

	// Databases are the Dolt databases the tables and views go to, the
	// target database first; nil when everything goes to the target
	// database (then Database fields are "").
	Databases []string

	// CrossFKs are the foreign keys whose child and parent tables go to
	// different Dolt databases. Dolt 1.83 refuses them ("only foreign keys
	// on the same database are currently supported", for CREATE TABLE and
	// ALTER TABLE alike, with FOREIGN_KEY_CHECKS on or off), so they are
	// not created; pgcopy checks their rows for orphans instead
	// (fkfix.VerifyCross).
	CrossFKs []*CrossFK
}

// CrossFK is a foreign key between tables of two Dolt databases, in Dolt
// names: FK.RefTable is a table of RefDatabase.
type CrossFK struct {
	PG          string // the PostgreSQL constraint, schema.table.constraint
	Table       *Table // the child table
	FK          *ForeignKey
	RefDatabase string
}

// In returns the part of db that goes to the Dolt database name: its
// tables and views, in db's order. With one database (db.Databases nil),
// In returns db itself for any name.
func (db *Database) In(name string) *Database {
	if db.Databases == nil {
		return db
	}
	out := &Database{}
	for _, t := range db.Tables {
		if strings.EqualFold(t.Database, name) {
			out.Tables = append(out.Tables, t)
		}
	}
	for _, v := range db.Views {
		if strings.EqualFold(v.Database, name) {
			out.Views = append(out.Views, v)
		}
	}
	out.Routines = routinesIn(db.Routines, name)
	return out
}

// Qualified renders name as an identifier, qualified with database when
// database is not "": `db`.`name`, or `name`.
func Qualified(database, name string) string {
	if database == "" {
		return sqltext.Ident(name)
	}
	return sqltext.Ident(database) + "." + sqltext.Ident(name)
}

// Table is one Dolt table. A partitioned PostgreSQL table and all its
// partitions become one Table (the partitions' rows are loaded into it).
type Table struct {
	PG       Name   // the PostgreSQL relation
	Name     string // the Dolt table name
	Database string // the Dolt database; "" for the target database (see Database)
	Pos      Pos    // the CREATE TABLE statement

	Columns     []*Column
	PrimaryKey  []string // Dolt column names; empty when the relation has none
	Indexes     []*Index
	ForeignKeys []*ForeignKey
	Checks      []*Check

	// AutoIncrement is the table's AUTO_INCREMENT start value (the next
	// value the sequence would hand out); 0 means not set.
	AutoIncrement int64

	Comment string // the table's comment (COMMENT ON TABLE); "" for none
}

// Column is one column of a Table.
type Column struct {
	PGName string // the PostgreSQL column name
	Name   string // the Dolt column name
	// Type is the Dolt column type (Type.Type, printed by [FormatType])
	// and the PostgreSQL type as the dump writes it (Type.Raw).
	Type  ColumnType
	Codec Codec // how the column's PostgreSQL text values become Dolt values (package rowcodec)

	NotNull       bool
	Default       string // a Dolt DEFAULT expression, already in MySQL syntax; "" for none
	Generated     string // the expression of a STORED generated column, in MySQL syntax; "" for none
	AutoIncrement bool
	Collation     string // "" for the table default
	Comment       string

	// Override is the override that chose the Dolt type, "file:line
	// (column rule)" or "file:line (whole-table DDL)"; "" when pgcopy's
	// built-in rule did. pgcopy never changes such a type (to fit the row
	// size or to match a foreign key), and checks the dump's values
	// against it before anything is loaded.
	Override string
	// Rule says which rule decided the Dolt type, for pgcopy explain:
	// an override, "people.yaml:4 (column rule)", or the built-in rule,
	// "built-in: text → longtext"; "" when not recorded.
	Rule string
	// RuleNotes are the other properties override rules set (collation,
	// nullable, default), each with the rule's file:line.
	RuleNotes []string
}

// Index is a secondary index or unique constraint.
type Index struct {
	Name    string
	Unique  bool
	Columns []IndexColumn
	Kind    string // "" for btree, "FULLTEXT"
	Pos     Pos
	PG      string // the PostgreSQL index, schema.name, when the report must find it later (a materialized view's); else ""
}

// IndexColumn is one key part: a column with an optional prefix length in
// characters and direction.
type IndexColumn struct {
	Name   string
	Prefix int
	Desc   bool
}

// ForeignKey is a FOREIGN KEY constraint, in Dolt names.
type ForeignKey struct {
	Name       string
	Columns    []string
	RefTable   string
	RefColumns []string
	OnDelete   string // "" (NO ACTION) or "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"
	OnUpdate   string
	Pos        Pos
}

// Check is a CHECK constraint with its expression in MySQL syntax.
type Check struct {
	Name string
	Expr string
	Pos  Pos
}

// QualifiedName is the table's name for SQL run from any database of the
// target: `db`.`name`, or `name` when the table goes to the target
// database of a one-database copy.
func (t *Table) QualifiedName() string { return Qualified(t.Database, t.Name) }

// ReportName is the table's name in the run report: db.name when it has
// a database, else its Dolt name.
func (t *Table) ReportName() string {
	if t.Database == "" {
		return t.Name
	}
	return t.Database + "." + t.Name
}

// Column returns the column with the given Dolt name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ColumnByPG returns the column with the given PostgreSQL name, or nil.
func (t *Table) ColumnByPG(pgName string) *Column {
	for _, c := range t.Columns {
		if c.PGName == pgName {
			return c
		}
	}
	return nil
}

// CreateSQL renders the table as one MySQL-dialect CREATE TABLE statement
// (without a trailing semicolon) holding every column, key, index, foreign
// key and check. Emitting the whole table in one statement keeps Dolt's
// column tags, and so dolt_hashof_table, the same on every run
// (dolt-facts C1).
func (t *Table) CreateSQL() string {
	var b strings.Builder
	b.WriteString("CREATE TABLE ")
	b.WriteString(sqltext.Ident(t.Name))
	b.WriteString(" (\n")
	var parts []string
	for _, c := range t.Columns {
		parts = append(parts, "  "+c.SQL())
	}
	if len(t.PrimaryKey) > 0 {
		parts = append(parts, "  PRIMARY KEY ("+identList(t.PrimaryKey)+")")
	}
	for _, ix := range t.Indexes {
		parts = append(parts, "  "+ix.SQL())
	}
	for _, fk := range t.ForeignKeys {
		parts = append(parts, "  "+fk.SQL())
	}
	for _, ck := range t.Checks {
		parts = append(parts, "  CONSTRAINT "+sqltext.Ident(ck.Name)+" CHECK ("+ck.Expr+")")
	}
	b.WriteString(strings.Join(parts, ",\n"))
	b.WriteString("\n)")
	if t.AutoIncrement > 1 {
		b.WriteString(" AUTO_INCREMENT=")
		b.WriteString(strconv.FormatInt(t.AutoIncrement, 10))
	}
	if t.Comment != "" {
		b.WriteString(" COMMENT=")
		b.WriteString(sqltext.String(t.Comment))
	}
	return b.String()
}

// SQL renders the column definition in the order MySQL's grammar wants
// (MySQL manual §15.1.20, "CREATE TABLE"): name, type, COLLATE,
// GENERATED ALWAYS AS (...) STORED, NOT NULL, AUTO_INCREMENT or DEFAULT,
// COMMENT.
func (c *Column) SQL() string {
	var b strings.Builder
	b.WriteString(sqltext.Ident(c.Name))
	b.WriteByte(' ')
	b.WriteString(FormatType(c.Type.Type))
	if c.Collation != "" {
		b.WriteString(" COLLATE ")
		b.WriteString(c.Collation)
	}
	if c.Generated != "" {
		b.WriteString(" GENERATED ALWAYS AS (")
		b.WriteString(c.Generated)
		b.WriteString(") STORED")
	}
	if c.NotNull {
		b.WriteString(" NOT NULL")
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	} else if c.Default != "" && c.Generated == "" {
		b.WriteString(" DEFAULT ")
		b.WriteString(c.Default)
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT ")
		b.WriteString(sqltext.String(c.Comment))
	}
	return b.String()
}

// SQL renders the index as a table element of CREATE TABLE.
func (ix *Index) SQL() string {
	var b strings.Builder
	switch {
	case ix.Kind == "FULLTEXT":
		b.WriteString("FULLTEXT KEY ")
	case ix.Unique:
		b.WriteString("UNIQUE KEY ")
	default:
		b.WriteString("KEY ")
	}
	b.WriteString(sqltext.Ident(ix.Name))
	b.WriteString(" (")
	for i, c := range ix.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(sqltext.Ident(c.Name))
		if c.Prefix > 0 {
			fmt.Fprintf(&b, "(%d)", c.Prefix)
		}
		if c.Desc {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	return b.String()
}

// SQL renders the foreign key as a table element of CREATE TABLE.
func (fk *ForeignKey) SQL() string {
	s := "CONSTRAINT " + sqltext.Ident(fk.Name) + " FOREIGN KEY (" + identList(fk.Columns) + ") REFERENCES " +
		sqltext.Ident(fk.RefTable) + " (" + identList(fk.RefColumns) + ")"
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	return s
}

func identList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = sqltext.Ident(n)
	}
	return strings.Join(q, ", ")
}
