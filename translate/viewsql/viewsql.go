package viewsql

import (
	"errors"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgnode"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Catalog is what the transpiler asks of the dump it translates from.
// Package translate implements it over its first-pass catalog.
type Catalog interface {
	// Relation resolves a table or view named in a FROM clause (a
	// qualified name exactly, an unqualified one along the dump's
	// search_path). A view not yet translated is translated first. The
	// error is the reason the view that selects from it is skipped, as
	// the report prints it ("it selects from sequence public.s (Dolt has
	// no sequences)").
	Relation(rv *pg.RangeVar) (*Relation, error)
	// ResolveDomain returns the base type of a domain type name (through
	// domains over domains, keeping array bounds), or tn itself.
	ResolveDomain(tn *pg.TypeName) *pg.TypeName
	// IsEnum and IsDomain say whether a type name (schema "" for an
	// unqualified one) is an enum or a domain of the dump.
	IsEnum(schemaName, name string) bool
	IsDomain(schemaName, name string) bool
	// Codec is the row codec of a column of type tn (domains resolved):
	// a constant cast to tn is converted as a loaded value of that type
	// is (package rowcodec). The error says why the type has no Dolt
	// type.
	Codec(tn *pg.TypeName) (schema.Codec, error)
}

// Relation is a table or view of the dump as the Catalog describes it.
type Relation struct {
	Name     string // its Dolt name
	Database string // its Dolt database; "" in a one-database copy
	// Table holds a table's columns in order; nil for a view.
	Table []TableColumn
	// View is a view's translation (what Translate returned for it); nil
	// for a table.
	View *Result
}

// TableColumn is one column of a table.
type TableColumn struct {
	Name string       // PostgreSQL name
	Dolt string       // Dolt name
	Type *pg.TypeName // declared PostgreSQL type (a domain is resolved by the Catalog)
	// DoltType is the column's Dolt type, nil when the table holds no
	// such Dolt column.
	DoltType schema.Type
	// Scale is the scale of a Dolt decimal(p,s) column, -1 for any other
	// type: a numeric without a declared scale gets the one the Dolt
	// column has (inferred from the data, package translate "Lengths").
	Scale int
}

// Column is one output column of a view, subquery or relation: its
// PostgreSQL and Dolt names, the kind of its value and, when it is passed
// through from a table unchanged, the table column's Dolt type.
type Column struct {
	pg, dolt string
	typ      vtype
	// doltType is the column's Dolt type when it is known: a table's
	// column, or such a column passed through unchanged; nil for a
	// computed value, whose type Dolt decides.
	doltType schema.Type
}

// Name is the column's PostgreSQL name.
func (c Column) Name() string { return c.pg }

// Dolt is the column's Dolt name.
func (c Column) Dolt() string { return c.dolt }

// DoltType is the Dolt type of a column passed through from a table, nil
// for a computed value (Dolt decides its type).
func (c Column) DoltType() schema.Type { return c.doltType }

// JSON reports a value Dolt stores as JSON (json, jsonb, an array), judged
// from the expression when DoltType is nil.
func (c Column) JSON() bool { return c.typ.k == kJSON || c.typ.k == kArray }

// NeverText reports a value Dolt never stores as TEXT or BLOB: numbers,
// booleans, dates, times and timestamps.
func (c Column) NeverText() bool { return fixedKinds[c.typ.k] }

// Result is a view query's translation.
type Result struct {
	SQL     string   // the MySQL query (no CREATE VIEW)
	Columns []Column // its output columns, in order
	Uses    []string // the report names of the views it selects from (schema.View.ReportName)
	// Cross says it reads a table of another Dolt database, directly or
	// through a view.
	Cross bool
	Notes []string // what differs from PostgreSQL, for the report
}

// Translate translates a view's query (a SelectStmt node) to MySQL.
// aliases are the column names of CREATE VIEW name (col, ...); database
// is the view's Dolt database ("" in a one-database copy), so that tables
// of other databases are named qualified. The error is why the view
// cannot be created, in the report's words ("the window function
// row_number() OVER (...)").
func Translate(cat Catalog, query *pg.Node, aliases []string, database string) (*Result, error) {
	sel := query.GetSelectStmt()
	if sel == nil {
		return nil, errors.New("its query is not a SELECT")
	}
	t := &transpiler{cat: cat}
	vt := &viewTrans{db: database}
	q, cols, err := t.selectSQL(sel, nil, vt, false)
	if err != nil {
		return nil, err
	}
	if len(aliases) > len(cols) {
		return nil, fmt.Errorf("it names %d columns but its query returns %d", len(aliases), len(cols))
	}
	if len(aliases) > 0 {
		// CREATE VIEW v (a, b) AS ...: rename the query's columns.
		var parts []string
		for i, c := range cols {
			name := c.pg
			if i < len(aliases) {
				name = aliases[i]
			}
			nc := Column{pg: name, dolt: truncIdent(name), typ: c.typ, doltType: c.doltType}
			parts = append(parts, "`q`."+sqltext.Ident(c.dolt)+" AS "+sqltext.Ident(nc.dolt))
			cols[i] = nc
		}
		q = "SELECT " + strings.Join(parts, ", ") + " FROM (" + q + ") AS `q`"
	}
	seen := map[string]string{}
	for _, c := range cols {
		if other, ok := seen[strings.ToLower(c.dolt)]; ok {
			return nil, fmt.Errorf("its columns %q and %q have the same name to Dolt (column names are case-insensitive)", other, c.pg)
		}
		seen[strings.ToLower(c.dolt)] = c.pg
	}
	return &Result{SQL: q, Columns: cols, Uses: vt.uses, Cross: vt.cross, Notes: vt.notes}, nil
}

// transpiler translates the expressions and queries of one call of
// Translate or Expr.
type transpiler struct {
	cat Catalog
	// kinds is the first pass's annotation: the kind of every expression
	// node of the view's query written so far (types.go: annotate).
	kinds map[*pg.Node]vtype
}

// literal converts one value in PostgreSQL text form to the SQL literal a
// loaded value of that codec becomes.
func literal(codec schema.Codec, s string) (string, error) {
	b, err := rowcodec.AppendLiteral(nil, codec, []byte(s))
	return string(b), err
}

func truncIdent(name string) string { return sqltext.Cut(name) }

func strList(nodes []*pg.Node) []string { return pgnode.StrList(nodes) }

func typeNameParts(tn *pg.TypeName) (schemaName, name string) { return pgnode.TypeNameParts(tn) }

func typmods(tn *pg.TypeName) ([]int, error) { return pgnode.Typmods(tn) }

func pgTypeString(tn *pg.TypeName) string { return pgnode.TypeString(tn) }

func constInt(n *pg.Node) int64 { return pgnode.ConstInt(n) }
