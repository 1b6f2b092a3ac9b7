package translate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Rows describes where the rows of one COPY block or INSERT statement go
// and how each is encoded: package rowcodec's codec, built from the
// schema model alone.
type Rows = rowcodec.Rows

// ValueError is a value that cannot be converted (rowcodec.ValueError).
type ValueError = rowcodec.ValueError

// ErrNUL is rowcodec.ErrNUL: a COPY field holding a NUL byte.
var ErrNUL = rowcodec.ErrNUL

// CopyRows resolves the table and column list of a COPY block header
// ("COPY public.actor (actor_id, first_name) FROM stdin;"). It fails when
// the relation or a column is unknown; a relation whose rows an override
// drops (skip or skip_data, reported by Finish) returns (nil, nil), and the
// caller skips the block's rows.
func (t *Translator) CopyRows(ev dump.Event) (*Rows, error) {
	tree, err := pg.Parse(ev.Text)
	if err != nil {
		return nil, parseError(ev, "parse COPY header", err, "pgcopy reads pg_dump plain-format output; check that this line is a COPY ... FROM stdin; header")
	}
	cs := tree.Stmts[0].Stmt.GetCopyStmt()
	if cs == nil || cs.Relation == nil {
		return nil, diag.New(ev.Pos, "", "", errors.New("COPY block without a table"), "pgcopy reads the COPY table (columns) FROM stdin; form pg_dump writes")
	}
	return t.rowsFor(ev.Pos, t.refName(cs.Relation), strList(nodesOfResTargets(cs.Attlist)))
}

func nodesOfResTargets(nodes []*pg.Node) []*pg.Node {
	var out []*pg.Node
	for _, n := range nodes {
		if rt := n.GetResTarget(); rt != nil {
			out = append(out, pg.MakeStrNode(rt.Name))
		} else {
			out = append(out, n)
		}
	}
	return out
}

func (t *Translator) rowsFor(pos dump.Pos, rel schema.Name, cols []string) (*Rows, error) {
	if _, ok := t.skipped[rel.String()]; ok {
		return nil, nil
	}
	tb := t.tables[rel.String()]
	if tb == nil {
		if t.extensionData(pos, rel) {
			return nil, nil // an extension's table: reported by extensionData
		}
		return nil, diag.New(pos, rel.String(), "", errors.New("data for a table the dump never creates"),
			"pgcopy needs the table's CREATE TABLE in the same dump; dump with pg_dump's schema included")
	}
	root := tb.root()
	if _, ok := t.noData[root]; ok {
		return nil, nil
	}
	if root.out == nil {
		return nil, diag.New(pos, rel.String(), "", errors.New("table was not translated"), "this is a pgcopy bug; report it with the dump's CREATE TABLE statement")
	}
	if len(cols) == 0 {
		for _, c := range tb.cols {
			cols = append(cols, c.name)
		}
	}
	r, err := rowcodec.For(root.out, rel.String(), cols, func(c string) bool { return t.skippedColumn(root, c) })
	if ce := (*rowcodec.ColumnError)(nil); errors.As(err, &ce) {
		return nil, diag.New(pos, rel.String(), ce.Column, errors.New("the data names a column the table does not have"), hintInconsistent)
	}
	return r, err
}

// InsertRows turns one INSERT statement of a pg_dump --inserts or
// --column-inserts dump, or of a Rails/Ecto structure.sql trailer
// (INSERT INTO "schema_migrations" (version) VALUES (...)), into Rows and
// the statement's rows as COPY-style fields (the text form of each
// constant), so both dump styles share one conversion path. OVERRIDING
// SYSTEM VALUE is accepted. An unqualified table name is resolved along
// the dump's search_path, then among all tables of the dump.
func (t *Translator) InsertRows(ev dump.Event) (*Rows, [][]pgtext.Field, error) {
	tree, err := pg.Parse(ev.Text)
	if err != nil {
		return nil, nil, parseError(ev, "parse INSERT", err, "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
	}
	is := tree.Stmts[0].Stmt.GetInsertStmt()
	if is == nil {
		return nil, nil, diag.New(ev.Pos, "", "", errors.New("not an INSERT statement"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
	}
	rel := t.refName(is.Relation)
	r, err := t.rowsFor(ev.Pos, rel, strList(nodesOfResTargets(is.Cols)))
	if err != nil || r == nil {
		if err == nil {
			t.countExtRows(rel, int64(len(is.SelectStmt.GetSelectStmt().GetValuesLists())))
		}
		return nil, nil, err
	}
	sel := is.SelectStmt.GetSelectStmt()
	if sel == nil || len(sel.ValuesLists) == 0 {
		return nil, nil, diag.New(ev.Pos, rel.String(), "", errors.New("INSERT without a VALUES list"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts)")
	}
	if keep := r.Keep(); keep != nil {
		// leave out the values of columns an override skips
		for _, vl := range sel.ValuesLists {
			l := vl.GetList()
			if len(l.GetItems()) != len(keep) {
				continue
			}
			var items []*pg.Node
			for i, it := range l.Items {
				if keep[i] {
					items = append(items, it)
				}
			}
			l.Items = items
		}
	}
	// pg_dump --inserts writes DEFAULT for a generated column; a column
	// that is DEFAULT in every row is left out, so Dolt computes or
	// defaults it.
	nvals := len(sel.ValuesLists[0].GetList().GetItems())
	skip := make([]bool, nvals)
	for i := range skip {
		skip[i] = true
	}
	for _, vl := range sel.ValuesLists {
		items := vl.GetList().GetItems()
		if len(items) != nvals {
			return nil, nil, diag.New(ev.Pos, rel.String(), "", errors.New("VALUES lists of different lengths"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
		}
		for i, it := range items {
			if it.GetSetToDefault() == nil {
				skip[i] = false
			}
		}
	}
	pgCols := r.PGColumns()
	drop := nvals == len(pgCols)
	if drop {
		use := make([]bool, len(skip))
		for i := range skip {
			use[i] = !skip[i]
		}
		r = r.Subset(use)
	}
	var rows [][]pgtext.Field
	for _, vl := range sel.ValuesLists {
		items := vl.GetList().GetItems()
		fields := make([]pgtext.Field, 0, len(items))
		for i, it := range items {
			if drop && skip[i] {
				continue
			}
			f, err := constField(it)
			if err != nil {
				col := ""
				if i < len(pgCols) {
					col = pgCols[i]
				}
				return nil, nil, diag.New(ev.Pos, rel.String(), col, err, "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
			}
			fields = append(fields, f)
		}
		rows = append(rows, fields)
	}
	return r, rows, nil
}

// constField returns the text form of an INSERT value as pg_dump writes it:
// a constant, a negated constant, or a cast of one ('...'::type).
func constField(n *pg.Node) (pgtext.Field, error) {
	for n.GetTypeCast() != nil {
		n = n.GetTypeCast().Arg
	}
	neg := false
	if a := n.GetAExpr(); a != nil && a.Lexpr == nil && len(a.Name) == 1 && a.Name[0].GetString_().GetSval() == "-" {
		neg = true
		n = a.Rexpr
	}
	c := n.GetAConst()
	if c == nil {
		return pgtext.Field{}, fmt.Errorf("INSERT value is an expression, not a constant")
	}
	var s string
	switch {
	case c.Isnull:
		return pgtext.Field{Null: true}, nil
	case c.GetIval() != nil:
		s = strconv.FormatInt(int64(c.GetIval().Ival), 10)
	case c.GetFval() != nil:
		s = c.GetFval().Fval
	case c.GetBoolval() != nil:
		s = "f"
		if c.GetBoolval().Boolval {
			s = "t"
		}
	case c.GetSval() != nil:
		s = c.GetSval().Sval
	case c.GetBsval() != nil:
		s = strings.TrimLeft(c.GetBsval().Bsval, "bB")
	default:
		s = "0"
	}
	if neg {
		s = "-" + s
	}
	return pgtext.Field{Value: []byte(s)}, nil
}
