package translate

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// exprCtx is what an expression may refer to.
type exprCtx struct {
	tb    *table
	value string // the column that a domain CHECK's VALUE stands for
}

// expr translates a PostgreSQL scalar expression of a CHECK constraint,
// default or generated column to MySQL syntax. It understands column
// references, constants, casts of constants, comparison, arithmetic and
// boolean operators, IN lists (and = ANY (ARRAY[...])), BETWEEN, IS [NOT]
// NULL, LIKE, COALESCE and a few functions. Anything else is an error that
// says what was not understood; the caller reports the object as skipped.
func (t *Translator) expr(n *pg.Node, ctx exprCtx) (string, error) {
	switch e := n.Node.(type) {
	case *pg.Node_AConst:
		return constSQL(e.AConst)
	case *pg.Node_ColumnRef:
		f := strList(e.ColumnRef.Fields)
		name := f[len(f)-1]
		if ctx.value != "" && len(f) == 1 && name == "value" {
			name = ctx.value
		}
		if ctx.tb != nil {
			if c := ctx.tb.root().column(name); c == nil {
				return "", fmt.Errorf("unknown column %q", name)
			}
		}
		return sqltext.Ident(truncIdent(name)), nil
	case *pg.Node_TypeCast:
		inner, err := t.expr(e.TypeCast.Arg, ctx)
		if err != nil {
			return "", err
		}
		_, tn := typeNameParts(e.TypeCast.TypeName)
		if len(e.TypeCast.TypeName.ArrayBounds) > 0 {
			return "", fmt.Errorf("cast to an array type")
		}
		switch tn {
		case "text", "varchar", "bpchar", "int2", "int4", "int8", "numeric", "float4", "float8", "date",
			"timestamp", "timestamptz", "regclass", "name", "citext", "interval":
			return inner, nil
		case "bool":
			if c := e.TypeCast.Arg.GetAConst(); c != nil && c.GetSval() != nil {
				b, err := pgtext.Bool(c.GetSval().Sval)
				if err != nil {
					return "", err
				}
				if b {
					return "1", nil
				}
				return "0", nil
			}
			return inner, nil
		}
		if _, ok := t.lookupEnum(typeNameParts(e.TypeCast.TypeName)); ok {
			return inner, nil
		}
		if t.lookupDomain(typeNameParts(e.TypeCast.TypeName)) != nil {
			return inner, nil
		}
		return "", fmt.Errorf("cast to %s", pgTypeString(e.TypeCast.TypeName))
	case *pg.Node_BoolExpr:
		var parts []string
		for _, a := range e.BoolExpr.Args {
			s, err := t.expr(a, ctx)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		switch e.BoolExpr.Boolop {
		case pg.BoolExprType_AND_EXPR:
			return "(" + strings.Join(parts, " AND ") + ")", nil
		case pg.BoolExprType_OR_EXPR:
			return "(" + strings.Join(parts, " OR ") + ")", nil
		default:
			return "(NOT " + parts[0] + ")", nil
		}
	case *pg.Node_NullTest:
		s, err := t.expr(e.NullTest.Arg, ctx)
		if err != nil {
			return "", err
		}
		if e.NullTest.Nulltesttype == pg.NullTestType_IS_NULL {
			return "(" + s + " IS NULL)", nil
		}
		return "(" + s + " IS NOT NULL)", nil
	case *pg.Node_AExpr:
		return t.aexpr(e.AExpr, ctx)
	case *pg.Node_CoalesceExpr:
		args, err := t.exprList(e.CoalesceExpr.Args, ctx)
		if err != nil {
			return "", err
		}
		return "COALESCE(" + strings.Join(args, ", ") + ")", nil
	case *pg.Node_FuncCall:
		return t.funcCall(e.FuncCall, ctx)
	case *pg.Node_SqlvalueFunction:
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			return "CURRENT_DATE", nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			return "CURRENT_TIMESTAMP(6)", nil
		}
		return "", fmt.Errorf("SQL value function %s", e.SqlvalueFunction.Op)
	}
	return "", fmt.Errorf("expression %s", strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_"))
}

func (t *Translator) exprList(nodes []*pg.Node, ctx exprCtx) ([]string, error) {
	var out []string
	for _, a := range nodes {
		s, err := t.expr(a, ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func constSQL(c *pg.A_Const) (string, error) {
	switch {
	case c.Isnull:
		return "NULL", nil
	case c.GetIval() != nil:
		return fmt.Sprint(c.GetIval().Ival), nil
	case c.GetFval() != nil:
		return c.GetFval().Fval, nil
	case c.GetBoolval() != nil:
		if c.GetBoolval().Boolval {
			return "TRUE", nil
		}
		return "FALSE", nil
	case c.GetSval() != nil:
		return sqltext.String(c.GetSval().Sval), nil
	case c.GetBsval() != nil:
		return "", fmt.Errorf("bit-string constant")
	}
	return "0", nil // A_Const{} with no value is integer 0 in pg_query's encoding
}

var binOps = map[string]string{
	"=": "=", "<>": "<>", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
	"+": "+", "-": "-", "*": "*", "/": "/", "%": "%",
}

func (t *Translator) aexpr(a *pg.A_Expr, ctx exprCtx) (string, error) {
	op := ""
	if len(a.Name) > 0 {
		op = strList(a.Name)[len(a.Name)-1]
	}
	switch a.Kind {
	case pg.A_Expr_Kind_AEXPR_OP:
		if a.Lexpr == nil { // unary
			r, err := t.expr(a.Rexpr, ctx)
			if err != nil {
				return "", err
			}
			if op == "-" || op == "+" {
				return "(" + op + r + ")", nil
			}
			return "", fmt.Errorf("unary operator %s", op)
		}
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", err
		}
		switch op {
		case "||":
			return "CONCAT(" + l + ", " + r + ")", nil
		case "~~":
			return "(" + l + " LIKE " + r + ")", nil
		case "!~~":
			return "(" + l + " NOT LIKE " + r + ")", nil
		case "~":
			return "(" + l + " REGEXP BINARY " + r + ")", nil
		}
		if m, ok := binOps[op]; ok {
			return "(" + l + " " + m + " " + r + ")", nil
		}
		return "", fmt.Errorf("operator %s", op)
	case pg.A_Expr_Kind_AEXPR_IN:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		items, err := t.exprList(a.Rexpr.GetList().GetItems(), ctx)
		if err != nil {
			return "", err
		}
		if op == "<>" {
			return "(" + l + " NOT IN (" + strings.Join(items, ", ") + "))", nil
		}
		return "(" + l + " IN (" + strings.Join(items, ", ") + "))", nil
	case pg.A_Expr_Kind_AEXPR_OP_ANY, pg.A_Expr_Kind_AEXPR_OP_ALL:
		// col = ANY (ARRAY['a'::text, 'b'::text]) is how pg_dump prints IN lists.
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r := a.Rexpr
		if tc := r.GetTypeCast(); tc != nil {
			r = tc.Arg
		}
		arr := r.GetAArrayExpr()
		if arr == nil {
			return "", fmt.Errorf("%s ANY/ALL over a non-literal array", op)
		}
		items, err := t.exprList(arr.Elements, ctx)
		if err != nil {
			return "", err
		}
		switch {
		case a.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY && op == "=":
			return "(" + l + " IN (" + strings.Join(items, ", ") + "))", nil
		case a.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL && op == "<>":
			return "(" + l + " NOT IN (" + strings.Join(items, ", ") + "))", nil
		}
		return "", fmt.Errorf("operator %s with ANY/ALL", op)
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		bounds, err := t.exprList(a.Rexpr.GetList().GetItems(), ctx)
		if err != nil {
			return "", err
		}
		not := ""
		if a.Kind == pg.A_Expr_Kind_AEXPR_NOT_BETWEEN {
			not = "NOT "
		}
		return "(" + l + " " + not + "BETWEEN " + bounds[0] + " AND " + bounds[1] + ")", nil
	case pg.A_Expr_Kind_AEXPR_LIKE:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", err
		}
		if op == "!~~" {
			return "(" + l + " NOT LIKE " + r + ")", nil
		}
		return "(" + l + " LIKE " + r + ")", nil
	}
	return "", fmt.Errorf("operator expression %s", a.Kind)
}

var funcs = map[string]string{
	"lower": "LOWER", "upper": "UPPER", "length": "CHAR_LENGTH", "char_length": "CHAR_LENGTH",
	"character_length": "CHAR_LENGTH", "octet_length": "OCTET_LENGTH", "btrim": "TRIM", "abs": "ABS",
	"round": "ROUND", "floor": "FLOOR", "ceil": "CEIL", "ceiling": "CEILING", "least": "LEAST",
	"greatest": "GREATEST", "mod": "MOD",
}

func (t *Translator) funcCall(fc *pg.FuncCall, ctx exprCtx) (string, error) {
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	switch name {
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		return "CURRENT_TIMESTAMP(6)", nil
	case "gen_random_uuid", "uuid_generate_v4":
		return "(UUID())", nil
	}
	m, ok := funcs[name]
	if !ok {
		return "", fmt.Errorf("function %s()", strings.Join(fn, "."))
	}
	args, err := t.exprList(fc.Args, ctx)
	if err != nil {
		return "", err
	}
	return m + "(" + strings.Join(args, ", ") + ")", nil
}

// defaultExpr translates a column default to a MySQL DEFAULT clause body.
// Literal defaults on TEXT/BLOB/JSON columns, and all non-literal
// expressions, are written in the parenthesised expression form that Dolt
// requires (Dolt docs, "Data Types": TEXT/BLOB/JSON defaults).
func (t *Translator) defaultExpr(n *pg.Node, ct colType, tb *table) (string, error) {
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
		case ct.kind == vBool:
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
		case ct.kind == vArray && k.GetSval() != nil:
			js, err := pgtext.ArrayToJSON(k.GetSval().Sval, ct.elem)
			if err != nil {
				return "", err
			}
			lit = sqltext.String(js)
		case k.GetSval() != nil:
			v, err := convertText(ct, k.GetSval().Sval)
			if err != nil {
				return "", err
			}
			lit = v
		default:
			s, err := constSQL(k)
			if err != nil {
				return "", err
			}
			lit = s
		}
		if ct.blob {
			return "(" + lit + ")", nil
		}
		return lit, nil
	}
	s, err := t.expr(n, exprCtx{tb: tb})
	if err != nil {
		return "", err
	}
	if s == "CURRENT_TIMESTAMP(6)" && (ct.kind == vTimestamp || ct.kind == vTimestampTZ) {
		return s, nil
	}
	if strings.HasPrefix(s, "(") {
		return s, nil
	}
	return "(" + s + ")", nil
}

// convertText converts one value in PostgreSQL text form to a SQL literal
// for a column of type ct.
func convertText(ct colType, s string) (string, error) {
	b, err := appendValue(nil, ct, []byte(s))
	return string(b), err
}
