package viewsql

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
)

// exprCtx is what an expression may refer to and where it will be used.
type exprCtx struct {
	// column resolves a column reference of a table's expression (a
	// default, CHECK or generated column; Scalar.Column); nil quotes the
	// name as it is.
	column func(name string) (string, error)
	value  string // the column that a domain CHECK's VALUE stands for

	// check and generated forbid what Dolt rejects in a CHECK constraint
	// or a generated column: non-deterministic functions (dolt-facts E:
	// "Invalid constraint expression, function not supported").
	check, generated bool

	// view is the FROM scope of a view's query (select.go); nil elsewhere.
	view *viewScope
}

// Scalar says where an expression outside a view's query is used: a
// column default, a CHECK constraint (of a table or, through VALUE, of a
// domain) or a generated column.
type Scalar struct {
	// Column resolves a column reference to its Dolt SQL (a quoted
	// name), or says why it cannot; nil quotes the name as it is (cut to
	// 64 characters).
	Column func(name string) (string, error)
	// Value is the column a domain CHECK's VALUE stands for; "" elsewhere.
	Value string
	// Check and Generated forbid what Dolt rejects in a CHECK constraint
	// or a generated column: functions that change with time or per call.
	Check, Generated bool
}

// Expr translates one scalar expression of a default, CHECK constraint or
// generated column (see [Scalar]) to the MySQL syntax Dolt accepts. The
// error says what was not understood; the caller reports the object as
// skipped. cat is asked about type names only (never Relation).
func Expr(cat Catalog, n *pg.Node, sc Scalar) (string, error) {
	t := &transpiler{cat: cat}
	return t.expr(n, exprCtx{column: sc.Column, value: sc.Value, check: sc.Check, generated: sc.Generated})
}

// expr translates a PostgreSQL scalar expression of a CHECK constraint,
// default or generated column to MySQL syntax as Dolt accepts it. It
// understands column references, constants, casts, comparison, arithmetic
// and boolean operators, IN lists and = ANY (ARRAY[...]) (the form
// pg_dump prints IN lists in), BETWEEN, IS [NOT] NULL, IS [NOT] DISTINCT
// FROM, IS TRUE/FALSE, LIKE/ILIKE, POSIX regular expressions (~, ~*, !~,
// !~*), CASE, COALESCE, NULLIF, GREATEST/LEAST (with PostgreSQL's NULL
// rule), json ->/->>, and the functions in [funcs]. Anything else is an
// error that says what was not understood; the caller reports the object as
// skipped.
func (t *transpiler) expr(n *pg.Node, ctx exprCtx) (string, error) {
	if ctx.view != nil {
		if _, done := t.kinds[n]; !done {
			// first pass: annotate the expression's kinds in the scope
			// it is written in; the emission below reads them
			t.annotate(n, ctx.view)
		}
		if s, ok, err := t.viewExpr(n, ctx); ok {
			return s, err
		}
	}
	switch e := n.Node.(type) {
	case *pg.Node_AConst:
		return ConstSQL(e.AConst)
	case *pg.Node_ColumnRef:
		f := strList(e.ColumnRef.Fields)
		if len(f) == 0 || f[len(f)-1] == "" {
			return "", fmt.Errorf("column reference *")
		}
		name := f[len(f)-1]
		if ctx.value != "" && len(f) == 1 && name == "value" {
			name = ctx.value
		}
		if ctx.column != nil {
			return ctx.column(name)
		}
		return sqltext.Ident(truncIdent(name)), nil
	case *pg.Node_TypeCast:
		return t.cast(e.TypeCast, ctx)
	case *pg.Node_BoolExpr:
		parts, err := t.exprList(e.BoolExpr.Args, ctx)
		if err != nil {
			return "", err
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
	case *pg.Node_BooleanTest:
		s, err := t.expr(e.BooleanTest.Arg, ctx)
		if err != nil {
			return "", err
		}
		op := map[pg.BoolTestType]string{
			pg.BoolTestType_IS_TRUE: "IS TRUE", pg.BoolTestType_IS_NOT_TRUE: "IS NOT TRUE",
			pg.BoolTestType_IS_FALSE: "IS FALSE", pg.BoolTestType_IS_NOT_FALSE: "IS NOT FALSE",
			pg.BoolTestType_IS_UNKNOWN: "IS NULL", pg.BoolTestType_IS_NOT_UNKNOWN: "IS NOT NULL",
		}[e.BooleanTest.Booltesttype]
		if op == "" {
			return "", fmt.Errorf("boolean test %s", e.BooleanTest.Booltesttype)
		}
		return "(" + s + " " + op + ")", nil
	case *pg.Node_AExpr:
		return t.aexpr(e.AExpr, ctx)
	case *pg.Node_CoalesceExpr:
		args, err := t.exprList(e.CoalesceExpr.Args, ctx)
		if err != nil {
			return "", err
		}
		return "COALESCE(" + strings.Join(args, ", ") + ")", nil
	case *pg.Node_MinMaxExpr:
		args, err := t.exprList(e.MinMaxExpr.Args, ctx)
		if err != nil {
			return "", err
		}
		fn := "GREATEST"
		if e.MinMaxExpr.Op == pg.MinMaxOp_IS_LEAST {
			fn = "LEAST"
		}
		return minMax(fn, args), nil
	case *pg.Node_CaseExpr:
		return t.caseExpr(e.CaseExpr, ctx)
	case *pg.Node_FuncCall:
		return t.funcCall(e.FuncCall, ctx)
	case *pg.Node_SqlvalueFunction:
		if ctx.check || ctx.generated {
			return "", fmt.Errorf("%s changes with time; Dolt rejects it in a CHECK or generated column", svfName(e.SqlvalueFunction.Op))
		}
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			return "CURRENT_DATE", nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			return "CURRENT_TIMESTAMP(6)", nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
			return "CURRENT_TIME(6)", nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_USER, pg.SQLValueFunctionOp_SVFOP_USER, pg.SQLValueFunctionOp_SVFOP_SESSION_USER:
			return "CURRENT_USER()", nil
		}
		return "", fmt.Errorf("SQL value function %s", svfName(e.SqlvalueFunction.Op))
	case *pg.Node_SubLink:
		return "", fmt.Errorf("a subquery, which Dolt rejects in constraints and defaults")
	case *pg.Node_AArrayExpr:
		return "", fmt.Errorf("an ARRAY[...] constructor (arrays are stored as JSON)")
	}
	return "", fmt.Errorf("expression %s", strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_"))
}

// intervalConst translates 'N unit'::interval or 'HH:MM:SS'::interval
// (PostgreSQL manual §8.5.4) to a MySQL INTERVAL expression.
func intervalConst(n *pg.Node) (string, bool) {
	tc := n.GetTypeCast()
	if tc == nil {
		return "", false
	}
	if _, name := typeNameParts(tc.TypeName); name != "interval" {
		return "", false
	}
	c := tc.Arg.GetAConst()
	if c == nil || c.GetSval() == nil {
		return "", false
	}
	v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.GetSval().Sval), "@"))
	var h, m, sec int
	if k, _ := fmt.Sscanf(v, "%d:%d:%d", &h, &m, &sec); k == 3 && strings.Count(v, ":") == 2 && !strings.Contains(v, " ") {
		return fmt.Sprintf("INTERVAL %d SECOND", h*3600+m*60+sec), true
	}
	f := strings.Fields(v)
	if len(f) != 2 {
		return "", false
	}
	num, err := strconv.Atoi(f[0])
	if err != nil {
		return "", false
	}
	unit := map[string]string{"second": "SECOND", "minute": "MINUTE", "hour": "HOUR", "day": "DAY", "week": "WEEK",
		"month": "MONTH", "mon": "MONTH", "year": "YEAR", "min": "MINUTE", "sec": "SECOND"}[strings.TrimSuffix(strings.ToLower(f[1]), "s")]
	if unit == "" {
		return "", false
	}
	return fmt.Sprintf("INTERVAL %d %s", num, unit), true
}

// isBoolTest reports whether n is IS [NOT] NULL or IS [NOT] TRUE/FALSE.
func isBoolTest(n *pg.Node) bool {
	return n.GetNullTest() != nil || n.GetBooleanTest() != nil
}

func svfName(op pg.SQLValueFunctionOp) string {
	return strings.TrimPrefix(op.String(), "SVFOP_")
}

// minMax writes GREATEST/LEAST with PostgreSQL's rule that NULL arguments
// are ignored (the result is NULL only when all are): MySQL returns NULL
// when any argument is NULL, so each argument is coalesced with the others.
func minMax(fn string, args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	parts := make([]string, len(args))
	for i, a := range args {
		rest := []string{a}
		for j, b := range args {
			if j != i {
				rest = append(rest, b)
			}
		}
		parts[i] = "COALESCE(" + strings.Join(rest, ", ") + ")"
	}
	return fn + "(" + strings.Join(parts, ", ") + ")"
}

func (t *transpiler) caseExpr(c *pg.CaseExpr, ctx exprCtx) (string, error) {
	var b strings.Builder
	b.WriteString("(CASE")
	if c.Arg != nil {
		a, err := t.expr(c.Arg, ctx)
		if err != nil {
			return "", err
		}
		b.WriteString(" " + a)
	}
	for _, w := range c.Args {
		cw := w.GetCaseWhen()
		cond, err := t.expr(cw.Expr, ctx)
		if err != nil {
			return "", err
		}
		res, err := t.expr(cw.Result, ctx)
		if err != nil {
			return "", err
		}
		b.WriteString(" WHEN " + cond + " THEN " + res)
	}
	if c.Defresult != nil {
		d, err := t.expr(c.Defresult, ctx)
		if err != nil {
			return "", err
		}
		b.WriteString(" ELSE " + d)
	}
	b.WriteString(" END)")
	return b.String(), nil
}

// cast translates expr::type. A cast of a constant is dropped (the
// constant's text is what MySQL compares); a cast of a column to a string,
// integer, numeric, enum or domain type is dropped too, as MySQL converts
// for comparison; date and timestamp casts become CAST(... AS ...).
func (t *transpiler) cast(tc *pg.TypeCast, ctx exprCtx) (string, error) {
	tn := tc.TypeName
	schemaName, name := typeNameParts(tn)
	if len(tn.ArrayBounds) > 0 {
		if c := tc.Arg.GetAConst(); c != nil && c.Isnull {
			return "NULL", nil
		}
		return "", fmt.Errorf("cast to the array type %s (arrays are stored as JSON)", pgTypeString(tn))
	}
	if c := tc.Arg.GetAConst(); c != nil && name == "bool" && c.GetSval() != nil {
		b, err := pgtext.Bool(c.GetSval().Sval)
		if err != nil {
			return "", err
		}
		if b {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	inner, err := t.expr(tc.Arg, ctx)
	if err != nil {
		return "", err
	}
	isConst := tc.Arg.GetAConst() != nil
	if row, ok := pgtypes.Lookup(name); ok && (schemaName == "" || schemaName == "pg_catalog") {
		// the registry row's view-expression kind decides (package pgtypes)
		switch row.View {
		case pgtypes.ViewText, pgtypes.ViewInt, pgtypes.ViewNumeric, pgtypes.ViewFloat, pgtypes.ViewBool, pgtypes.ViewJSON:
			return inner, nil
		case pgtypes.ViewInterval:
			return "", fmt.Errorf("an interval value outside date arithmetic (Dolt has no interval type)")
		case pgtypes.ViewDate:
			if isConst {
				return inner, nil
			}
			return "CAST(" + inner + " AS DATE)", nil
		case pgtypes.ViewTimestamp:
			if isConst {
				return inner, nil
			}
			return "CAST(" + inner + " AS DATETIME(6))", nil
		}
		if row.Name == "regclass" {
			// nextval('s'::regclass): the object name is the text itself
			return inner, nil
		}
	}
	if name == "citext" {
		return inner, nil
	}
	if t.cat.IsEnum(schemaName, name) {
		return inner, nil
	}
	if t.cat.IsDomain(schemaName, name) {
		return inner, nil
	}
	return "", fmt.Errorf("cast to %s", pgTypeString(tn))
}

func (t *transpiler) exprList(nodes []*pg.Node, ctx exprCtx) ([]string, error) {
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

// ConstSQL writes a PostgreSQL constant (integer, numeric, boolean,
// string, bit string, NULL) as a MySQL literal.
func ConstSQL(c *pg.A_Const) (string, error) {
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
		bits := c.GetBsval().Bsval
		if strings.HasPrefix(bits, "b") || strings.HasPrefix(bits, "B") {
			return "b'" + bits[1:] + "'", nil
		}
		if strings.HasPrefix(bits, "x") || strings.HasPrefix(bits, "X") {
			return "X'" + bits[1:] + "'", nil
		}
		return "", fmt.Errorf("bit-string constant %s", bits)
	}
	return "0", nil // A_Const{} with no value is integer 0 in pg_query's encoding
}

var binOps = map[string]string{
	"=": "=", "<>": "<>", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
	"+": "+", "-": "-", "*": "*", "/": "/", "%": "%",
}

func (t *transpiler) aexpr(a *pg.A_Expr, ctx exprCtx) (string, error) {
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
		if op == "->" || op == "->>" {
			return jsonGet(l, op, a.Rexpr)
		}
		if iv, ok := intervalConst(a.Rexpr); ok && (op == "+" || op == "-") {
			// date/time +/- interval '...' (MySQL manual §14.7, "Temporal Intervals")
			return "(" + l + " " + op + " " + iv + ")", nil
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
		case "~~*":
			return "(LOWER(" + l + ") LIKE LOWER(" + r + "))", nil
		case "!~~*":
			return "(LOWER(" + l + ") NOT LIKE LOWER(" + r + "))", nil
		case "~":
			return "REGEXP_LIKE(" + l + ", " + r + ", 'c')", nil
		case "~*":
			return "REGEXP_LIKE(" + l + ", " + r + ", 'i')", nil
		case "!~":
			return "(NOT REGEXP_LIKE(" + l + ", " + r + ", 'c'))", nil
		case "!~*":
			return "(NOT REGEXP_LIKE(" + l + ", " + r + ", 'i'))", nil
		}
		if (op == "=" || op == "<>" || op == "!=") && (isBoolTest(a.Lexpr) || isBoolTest(a.Rexpr)) {
			// Dolt 1.83 stores (a IS NULL) <> (b IS NULL) without the
			// parentheses and then cannot parse it back; XOR survives and
			// means the same for booleans, NULL included.
			if op == "=" {
				return "(NOT (" + l + " XOR " + r + "))", nil
			}
			return "(" + l + " XOR " + r + ")", nil
		}
		if m, ok := binOps[op]; ok {
			return "(" + l + " " + m + " " + r + ")", nil
		}
		return "", fmt.Errorf("operator %s", op)
	case pg.A_Expr_Kind_AEXPR_DISTINCT, pg.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", err
		}
		if a.Kind == pg.A_Expr_Kind_AEXPR_DISTINCT {
			return "(NOT (" + l + " <=> " + r + "))", nil
		}
		return "(" + l + " <=> " + r + ")", nil
	case pg.A_Expr_Kind_AEXPR_NULLIF:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", err
		}
		return "NULLIF(" + l + ", " + r + ")", nil
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
		for r.GetTypeCast() != nil {
			r = r.GetTypeCast().Arg
		}
		arr := r.GetAArrayExpr()
		if arr == nil {
			return "", fmt.Errorf("%s ANY/ALL over an array column (arrays are stored as JSON)", op)
		}
		items, err := t.exprList(arr.Elements, ctx)
		if err != nil {
			return "", err
		}
		switch {
		case a.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY && op == "=":
			return "(" + l + " IN (" + strings.Join(items, ", ") + "))", nil
		case a.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL && (op == "<>" || op == "!="):
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
	case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE:
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", err
		}
		if a.Kind == pg.A_Expr_Kind_AEXPR_ILIKE {
			l, r = "LOWER("+l+")", "LOWER("+r+")"
		}
		if strings.HasPrefix(op, "!") {
			return "(" + l + " NOT LIKE " + r + ")", nil
		}
		return "(" + l + " LIKE " + r + ")", nil
	}
	return "", fmt.Errorf("operator expression %s", a.Kind)
}

// jsonGet translates json -> key / json ->> key (PostgreSQL manual §9.16,
// "JSON Functions and Operators") to JSON_EXTRACT with a JSON path; ->>
// also unquotes the result.
func jsonGet(l, op string, key *pg.Node) (string, error) {
	for key.GetTypeCast() != nil {
		key = key.GetTypeCast().Arg
	}
	c := key.GetAConst()
	var path string
	switch {
	case c != nil && c.GetSval() != nil:
		k, _ := json.Marshal(c.GetSval().Sval)
		path = "$." + string(k)
	case c != nil && c.GetIval() != nil:
		path = "$[" + strconv.Itoa(int(c.GetIval().Ival)) + "]"
	default:
		return "", fmt.Errorf("json %s with a computed key", op)
	}
	get := "JSON_EXTRACT(" + l + ", " + sqltext.String(path) + ")"
	if op == "->>" {
		return "JSON_UNQUOTE(" + get + ")", nil
	}
	return get, nil
}

// funcs maps PostgreSQL functions to MySQL functions with the same
// arguments and meaning (PostgreSQL manual chapter 9; MySQL manual
// chapter 14 "Functions and Operators").
var funcs = map[string]string{
	"lower": "LOWER", "upper": "UPPER", "length": "CHAR_LENGTH", "char_length": "CHAR_LENGTH",
	"character_length": "CHAR_LENGTH", "octet_length": "OCTET_LENGTH", "abs": "ABS",
	"round": "ROUND", "floor": "FLOOR", "ceil": "CEIL", "ceiling": "CEILING", "mod": "MOD",
	"concat": "CONCAT", "left": "LEFT", "right": "RIGHT", "replace": "REPLACE", "md5": "MD5",
	"trunc": "TRUNCATE", "sign": "SIGN", "sqrt": "SQRT", "power": "POWER", "ltrim": "LTRIM", "rtrim": "RTRIM",
	"reverse": "REVERSE", "strpos": "LOCATE", "cardinality": "JSON_LENGTH",
}

// volatile functions change per call or with time; Dolt rejects them in a
// CHECK (dolt-facts E), and PostgreSQL rejects them in generated columns.
var volatile = map[string]bool{
	"now": true, "transaction_timestamp": true, "statement_timestamp": true, "clock_timestamp": true,
	"timeofday": true, "random": true, "gen_random_uuid": true, "uuid_generate_v4": true, "uuid_generate_v1": true,
	"timezone": true, "nextval": true, "currval": true,
}

func (t *transpiler) funcCall(fc *pg.FuncCall, ctx exprCtx) (string, error) {
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	qual := len(fn) > 1 && fn[0] != "pg_catalog"
	if qual {
		return "", fmt.Errorf("function %s() is user-defined; Dolt cannot run PostgreSQL functions", strings.Join(fn, "."))
	}
	if (ctx.check || ctx.generated) && volatile[name] {
		return "", fmt.Errorf("%s() is not deterministic; Dolt rejects it in a CHECK or generated column", name)
	}
	if fc.AggStar || fc.AggDistinct || fc.Over != nil || len(fc.AggOrder) > 0 || fc.AggFilter != nil {
		return "", fmt.Errorf("aggregate or window call %s()", name)
	}
	switch name {
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		return "CURRENT_TIMESTAMP(6)", nil
	case "gen_random_uuid", "uuid_generate_v4":
		return "(UUID())", nil
	case "timezone":
		// timezone('UTC', now()) is "now in UTC"
		if len(fc.Args) == 2 {
			z := fc.Args[0]
			for z.GetTypeCast() != nil {
				z = z.GetTypeCast().Arg
			}
			zs := strings.ToUpper(z.GetAConst().GetSval().GetSval())
			if zs == "UTC" || zs == "ETC/UTC" || zs == "GMT" || zs == "Z" {
				if inner, err := t.expr(fc.Args[1], ctx); err == nil && inner == "CURRENT_TIMESTAMP(6)" {
					return "UTC_TIMESTAMP(6)", nil
				}
			}
		}
		return "", fmt.Errorf("timezone() other than timezone('UTC', now())")
	case "btrim", "trim":
		if len(fc.Args) != 1 {
			return "", fmt.Errorf("%s() with a character list", name)
		}
	case "greatest", "least":
		args, err := t.exprList(fc.Args, ctx)
		if err != nil {
			return "", err
		}
		return minMax(strings.ToUpper(name), args), nil
	case "jsonb_typeof", "json_typeof":
		if len(fc.Args) != 1 {
			return "", fmt.Errorf("%s() with %d arguments", name, len(fc.Args))
		}
		a, err := t.expr(fc.Args[0], ctx)
		if err != nil {
			return "", err
		}
		// MySQL JSON_TYPE says INTEGER/DOUBLE/DECIMAL where PostgreSQL says number.
		return "(CASE WHEN JSON_TYPE(" + a + ") IN ('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL') THEN 'number' ELSE LOWER(JSON_TYPE(" + a + ")) END)", nil
	case "array_length", "jsonb_array_length", "json_array_length":
		if name == "array_length" && (len(fc.Args) != 2 || constInt(fc.Args[1]) != 1) {
			return "", fmt.Errorf("array_length() of a dimension other than 1")
		}
		a, err := t.expr(fc.Args[0], ctx)
		if err != nil {
			return "", err
		}
		if name == "array_length" {
			// PostgreSQL returns NULL for an empty array
			return "NULLIF(JSON_LENGTH(" + a + "), 0)", nil
		}
		return "JSON_LENGTH(" + a + ")", nil
	}
	if name == "btrim" || name == "trim" {
		a, err := t.expr(fc.Args[0], ctx)
		if err != nil {
			return "", err
		}
		return "TRIM(" + a + ")", nil
	}
	m, ok := funcs[name]
	if !ok {
		return "", fmt.Errorf("function %s() has no Dolt translation", strings.Join(fn, "."))
	}
	args, err := t.exprList(fc.Args, ctx)
	if err != nil {
		return "", err
	}
	if m == "LOCATE" && len(args) == 2 {
		args[0], args[1] = args[1], args[0]
	}
	return m + "(" + strings.Join(args, ", ") + ")", nil
}
