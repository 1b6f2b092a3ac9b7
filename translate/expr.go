package translate

import (
	"encoding/json"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
	"github.com/pgcopy/pgcopy/translate/viewsql"
)

// exprCtx is what an expression of a table may refer to and where it
// will be used (viewsql.Scalar).
type exprCtx struct {
	tb    *table
	value string // the column that a domain CHECK's VALUE stands for

	// check and generated forbid what Dolt rejects in a CHECK constraint
	// or a generated column: non-deterministic functions (dolt-facts E:
	// "Invalid constraint expression, function not supported").
	check, generated bool
}

// expr translates a scalar expression of a CHECK constraint, default or
// generated column with package viewsql's expression translator
// (viewsql.Expr), its column references resolved in ctx.tb.
func (t *Translator) expr(n *pg.Node, ctx exprCtx) (string, error) {
	sc := viewsql.Scalar{Value: ctx.value, Check: ctx.check, Generated: ctx.generated}
	if tb := ctx.tb; tb != nil {
		sc.Column = func(name string) (string, error) {
			root := tb.root()
			if c := root.column(name); c == nil {
				return "", fmt.Errorf("unknown column %q", name)
			}
			if root.out != nil {
				if oc := root.out.ColumnByPG(name); oc != nil {
					return sqltext.Ident(oc.Name), nil
				}
				if t.skippedColumn(root, name) {
					return "", fmt.Errorf("column %q is skipped by an override", name)
				}
			}
			return sqltext.Ident(truncIdent(name)), nil
		}
	}
	return viewsql.Expr(viewCatalog{t}, n, sc)
}

// deparse prints a PostgreSQL expression back as SQL, for the report.
func deparse(n *pg.Node) string {
	if n == nil {
		return ""
	}
	res := &pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: &pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: &pg.SelectStmt{
		TargetList: []*pg.Node{{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{Val: n}}}},
	}}}}}}
	s, err := pg.Deparse(res)
	if err != nil {
		return "(expression)"
	}
	return strings.TrimPrefix(s, "SELECT ")
}

// defaultExpr translates a column default to a MySQL DEFAULT clause body.
// Literal defaults on TEXT/BLOB/JSON columns, and all non-literal
// expressions, are written in the parenthesised expression form that Dolt
// requires (Dolt docs, "Data Types": TEXT/BLOB/JSON defaults). now() and
// CURRENT_TIMESTAMP become CURRENT_TIMESTAMP(p) with the column's
// precision on a timestamp column, and (UTC_TIMESTAMP(p)) on a timestamp
// with time zone column, which pgcopy stores in UTC.
func (t *Translator) defaultExpr(n *pg.Node, col *schema.Column, tb *table) (string, error) {
	codec, blob := col.Codec, schema.IsBlob(col.Type.Type)
	// constants and casts of constants
	c := n
	for c.GetTypeCast() != nil {
		c = c.GetTypeCast().Arg
	}
	if k := c.GetAConst(); k != nil {
		var lit string
		switch {
		case k.Isnull:
			return "NULL", nil
		case k.GetSval() != nil && (codec.Kind == vDate || codec.Kind == vTimestamp || codec.Kind == vTimestampTZ) &&
			(strings.EqualFold(k.GetSval().Sval, "now") || strings.EqualFold(k.GetSval().Sval, "today")):
			// DEFAULT 'now'::text::date, as old schemas write it
			return nowDefault(col, strings.EqualFold(k.GetSval().Sval, "today")), nil
		case codec.Kind == vBool:
			var b bool
			var err error
			if k.GetBoolval() != nil {
				b = k.GetBoolval().Boolval
			} else if k.GetSval() != nil {
				b, err = pgtext.Bool(k.GetSval().Sval)
			} else {
				b = constInt(c) != 0
			}
			if err != nil {
				return "", err
			}
			lit = "0"
			if b {
				lit = "1"
			}
		case codec.Kind == vArray && k.GetSval() != nil:
			js, err := pgtext.ArrayToJSON(k.GetSval().Sval, codec.Elem)
			if err != nil {
				return "", err
			}
			lit = sqltext.String(js)
		case k.GetSval() != nil:
			v, err := convertText(codec, k.GetSval().Sval)
			if err != nil {
				return "", err
			}
			lit = v
		default:
			s, err := viewsql.ConstSQL(k)
			if err != nil {
				return "", err
			}
			lit = s
		}
		if blob {
			return "(" + lit + ")", nil
		}
		return lit, nil
	}
	if arr := c.GetAArrayExpr(); arr != nil && codec.Kind == vArray {
		js, err := arrayConstJSON(arr, codec.Elem)
		if err != nil {
			return "", err
		}
		return "(" + sqltext.String(js) + ")", nil
	}
	if a := c.GetAExpr(); a != nil && a.Kind == pg.A_Expr_Kind_AEXPR_OP && a.Lexpr == nil && a.Rexpr.GetAConst() != nil {
		// a negative number
		s, err := t.expr(c, exprCtx{tb: tb})
		if err != nil {
			return "", err
		}
		if blob {
			return "(" + s + ")", nil
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "("), ")"), nil
	}
	s, err := t.expr(n, exprCtx{tb: tb})
	if err != nil {
		return "", err
	}
	switch s {
	case "CURRENT_TIMESTAMP(6)", "UTC_TIMESTAMP(6)":
		if codec.Kind == vTimestamp || codec.Kind == vTimestampTZ || codec.Kind == vDate {
			return nowDefault(col, false), nil
		}
	case "CAST(CURRENT_TIMESTAMP(6) AS DATE)", "CURRENT_DATE":
		if codec.Kind == vDate {
			return "(CURRENT_DATE)", nil
		}
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return s, nil
	}
	return "(" + s + ")", nil
}

// nowDefault is the default for "the current time" on a date or timestamp
// column.
func nowDefault(col *schema.Column, today bool) string {
	if col.Codec.Kind == vDate || today {
		return "(CURRENT_DATE)"
	}
	p := 0
	if tt, ok := col.Type.Type.(*schema.TimeType); ok && tt.Precision != nil {
		p = *tt.Precision
	}
	if col.Codec.Kind == vTimestampTZ {
		return fmt.Sprintf("(UTC_TIMESTAMP(%d))", p)
	}
	if p == 0 {
		return "CURRENT_TIMESTAMP"
	}
	return fmt.Sprintf("CURRENT_TIMESTAMP(%d)", p)
}

// arrayConstJSON turns ARRAY[...] of constants into JSON array text.
func arrayConstJSON(arr *pg.A_ArrayExpr, elem pgtext.ElemKind) (string, error) {
	var parts []string
	for _, e := range arr.Elements {
		for e.GetTypeCast() != nil {
			e = e.GetTypeCast().Arg
		}
		if sub := e.GetAArrayExpr(); sub != nil {
			s, err := arrayConstJSON(sub, elem)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
			continue
		}
		k := e.GetAConst()
		if k == nil {
			return "", fmt.Errorf("ARRAY[...] element that is not a constant")
		}
		switch {
		case k.Isnull:
			parts = append(parts, "null")
		case k.GetSval() != nil:
			if elem == pgtext.ElemJSON {
				if !json.Valid([]byte(k.GetSval().Sval)) {
					return "", fmt.Errorf("ARRAY[...] element %q is not valid JSON", k.GetSval().Sval)
				}
				parts = append(parts, k.GetSval().Sval)
			} else {
				b, _ := json.Marshal(k.GetSval().Sval)
				parts = append(parts, string(b))
			}
		default:
			s, err := viewsql.ConstSQL(k)
			if err != nil {
				return "", err
			}
			parts = append(parts, strings.ToLower(s))
		}
	}
	return "[" + strings.Join(parts, ",") + "]", nil
}

// convertText converts one value in PostgreSQL text form to a SQL literal
// for a column of row codec codec.
func convertText(codec schema.Codec, s string) (string, error) {
	b, err := rowcodec.AppendLiteral(nil, codec, []byte(s))
	return string(b), err
}
