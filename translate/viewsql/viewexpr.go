package viewsql

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// viewExpr is the part of [Translator.expr] that only a view's query
// needs: column references through the FROM clause, aggregates,
// subqueries, typed division, || and date arithmetic, casts with their
// PostgreSQL result. ok is false for what expr translates the same way
// everywhere (it calls back here for the operands).
func (t *transpiler) viewExpr(n *pg.Node, ctx exprCtx) (s string, ok bool, err error) {
	vs := ctx.view
	switch e := n.Node.(type) {
	case *pg.Node_ColumnRef:
		s, _, err := vs.column(e.ColumnRef)
		return s, true, err
	case *pg.Node_TypeCast:
		s, err := t.viewCast(e.TypeCast, ctx)
		return s, true, err
	case *pg.Node_FuncCall:
		return t.viewFunc(e.FuncCall, ctx)
	case *pg.Node_SubLink:
		s, err := t.subLink(e.SubLink, ctx)
		return s, true, err
	case *pg.Node_AExpr:
		return t.viewAExpr(e.AExpr, ctx)
	case *pg.Node_SqlvalueFunction:
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			vs.vt.note(noteUTC)
			return "CAST(UTC_TIMESTAMP(6) AS DATE)", true, nil // Dolt 1.83 has no UTC_DATE()
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			vs.vt.note(noteUTC)
			return "UTC_TIMESTAMP(6)", true, nil
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
			vs.vt.note(noteUTC)
			return "CAST(UTC_TIMESTAMP(6) AS TIME(6))", true, nil // nor UTC_TIME()
		}
	case *pg.Node_AArrayExpr:
		var parts []string
		for _, el := range e.AArrayExpr.Elements {
			if el.GetAArrayExpr() != nil {
				return "", true, fmt.Errorf("a multi-dimensional ARRAY[...]")
			}
			s, err := t.expr(el, ctx)
			if err != nil {
				return "", true, err
			}
			parts = append(parts, jsonValue(s, t.kindOf(el, vs)))
		}
		return "JSON_ARRAY(" + strings.Join(parts, ", ") + ")", true, nil
	case *pg.Node_CollateClause:
		return "", true, fmt.Errorf("COLLATE %s", strings.Join(strList(e.CollateClause.Collname), "."))
	}
	return "", false, nil
}

const noteUTC = "now(), CURRENT_TIMESTAMP and CURRENT_DATE are taken in UTC, the time zone pgcopy stores timestamps with time zone in"

// jsonValue makes a value JSON the way PostgreSQL's json functions do:
// a boolean becomes true/false (Dolt's booleans are 0/1).
func jsonValue(s string, typ vtype) string {
	if typ.k == kBool {
		return "(CASE WHEN " + s + " THEN CAST('true' AS JSON) WHEN NOT " + s + " THEN CAST('false' AS JSON) END)"
	}
	return s
}

// textOf writes a value as PostgreSQL writes its text form (for || and
// concat), or fails for kinds whose text form MySQL writes differently.
func textOf(s string, typ vtype, what string) (string, error) {
	switch typ.k {
	case kText, kInt, kNumeric, kUnknown, kNull, kOther:
		return s, nil
	case kBool:
		return "(CASE WHEN " + s + " THEN 'true' WHEN NOT " + s + " THEN 'false' END)", nil
	case kDate:
		return "DATE_FORMAT(" + s + ", '%Y-%m-%d')", nil
	case kJSON:
		return "CAST(" + s + " AS CHAR)", nil
	}
	return "", fmt.Errorf("%s with a %s operand, whose text form differs in MySQL", what, kindNames[typ.k])
}

func (t *transpiler) viewAExpr(a *pg.A_Expr, ctx exprCtx) (string, bool, error) {
	if a.Kind != pg.A_Expr_Kind_AEXPR_OP || a.Lexpr == nil || len(a.Name) == 0 {
		if a.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY || a.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL {
			// = ANY (array column): arrays are JSON in Dolt
			r := a.Rexpr
			for r.GetTypeCast() != nil {
				r = r.GetTypeCast().Arg
			}
			if r.GetAArrayExpr() == nil {
				return "", true, fmt.Errorf("%s ANY/ALL over an array value (arrays are stored as JSON)", strList(a.Name)[len(a.Name)-1])
			}
		}
		return "", false, nil
	}
	vs := ctx.view
	op := strList(a.Name)[len(a.Name)-1]
	lt, rt := t.kindOf(a.Lexpr, vs), t.kindOf(a.Rexpr, vs)
	switch op {
	case "||":
		if lt.k == kJSON || rt.k == kJSON || lt.k == kArray || rt.k == kArray {
			return "", true, fmt.Errorf("|| on json or array values")
		}
		var args []string
		var walk func(n *pg.Node) error
		walk = func(n *pg.Node) error {
			if x := n.GetAExpr(); x != nil && x.Kind == pg.A_Expr_Kind_AEXPR_OP && x.Lexpr != nil && len(x.Name) == 1 && strList(x.Name)[0] == "||" {
				if err := walk(x.Lexpr); err != nil {
					return err
				}
				return walk(x.Rexpr)
			}
			s, err := t.expr(n, ctx)
			if err != nil {
				return err
			}
			s, err = textOf(s, t.kindOf(n, vs), "||")
			if err != nil {
				return err
			}
			args = append(args, s)
			return nil
		}
		if err := walk(&pg.Node{Node: &pg.Node_AExpr{AExpr: a}}); err != nil {
			return "", true, err
		}
		return "CONCAT(" + strings.Join(args, ", ") + ")", true, nil
	case "/":
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", true, err
		}
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", true, err
		}
		switch {
		case lt.k == kInt && rt.k == kInt:
			// integer division truncates toward zero in both
			return "(" + l + " DIV " + r + ")", true, nil
		case lt.k == kFloat || rt.k == kFloat:
			return "(" + l + " / " + r + ")", true, nil
		case (lt.k == kNumeric || lt.k == kInt) && (rt.k == kNumeric || rt.k == kInt):
			vs.vt.note("numeric division keeps 4 more decimal places than its dividend (MySQL's div_precision_increment), where PostgreSQL keeps at least 16")
			return "(" + l + " / " + r + ")", true, nil
		}
		return "", true, fmt.Errorf("division of a %s by a %s", kindNames[lt.k], kindNames[rt.k])
	case "+", "-", "*":
		if !isTemporal(lt.k) && !isTemporal(rt.k) {
			return "", false, nil
		}
		return t.dateArith(a, op, lt, rt, ctx)
	}
	return "", false, nil
}

func isTemporal(k vkind) bool {
	return k == kDate || k == kTimestamp || k == kTime || k == kInterval
}

// dateArith translates date and timestamp arithmetic (PostgreSQL manual,
// "Date/Time Functions and Operators"): date ± integer days, date - date
// (days, DATEDIFF), and date or timestamp ± a constant interval.
func (t *transpiler) dateArith(a *pg.A_Expr, op string, lt, rt vtype, ctx exprCtx) (string, bool, error) {
	if iv, ok := intervalConst(a.Rexpr); ok && (lt.k == kDate || lt.k == kTimestamp) && (op == "+" || op == "-") {
		l, err := t.expr(a.Lexpr, ctx)
		if err != nil {
			return "", true, err
		}
		return "(" + l + " " + op + " " + iv + ")", true, nil
	}
	if iv, ok := intervalConst(a.Lexpr); ok && (rt.k == kDate || rt.k == kTimestamp) && op == "+" {
		r, err := t.expr(a.Rexpr, ctx)
		if err != nil {
			return "", true, err
		}
		return "(" + r + " + " + iv + ")", true, nil
	}
	l, err := t.expr(a.Lexpr, ctx)
	if err != nil {
		return "", true, err
	}
	r, err := t.expr(a.Rexpr, ctx)
	if err != nil {
		return "", true, err
	}
	switch {
	case lt.k == kDate && rt.k == kInt && op == "+":
		return "DATE(DATE_ADD(" + l + ", INTERVAL " + r + " DAY))", true, nil
	case lt.k == kInt && rt.k == kDate && op == "+":
		return "DATE(DATE_ADD(" + r + ", INTERVAL " + l + " DAY))", true, nil
	case lt.k == kDate && rt.k == kInt && op == "-":
		return "DATE(DATE_SUB(" + l + ", INTERVAL " + r + " DAY))", true, nil
	case lt.k == kDate && rt.k == kDate && op == "-":
		return "DATEDIFF(" + l + ", " + r + ")", true, nil
	}
	return "", true, fmt.Errorf("%s %s %s (Dolt has no interval type)", kindNames[lt.k], op, kindNames[rt.k])
}

// viewCast translates expr::type with PostgreSQL's result: a constant is
// converted as a loaded value of that type would be; other values get a
// CAST where the MySQL value would differ.
func (t *transpiler) viewCast(tc *pg.TypeCast, ctx exprCtx) (string, error) {
	tn := t.cat.ResolveDomain(tc.TypeName)
	to := t.typeOf(tn)
	if c := tc.Arg.GetAConst(); c != nil {
		if c.Isnull {
			return "NULL", nil
		}
		if c.GetSval() != nil {
			return t.castConst(c.GetSval().Sval, tn, to)
		}
	}
	inner, err := t.expr(tc.Arg, ctx)
	if err != nil {
		return "", err
	}
	from := t.kindOf(tc.Arg, ctx.view)
	if from.k == kNull {
		return inner, nil
	}
	mods, _ := typmods(tn)
	_, name := typeNameParts(tn)
	bad := func() (string, error) {
		return "", fmt.Errorf("a cast of a %s to %s", kindNames[from.k], pgTypeString(tc.TypeName))
	}
	switch to.k {
	case kText:
		s, err := textOf(inner, from, "a cast to text")
		if err != nil {
			return "", err
		}
		if len(mods) == 1 && (name == "varchar" || name == "bpchar") {
			// an explicit cast to varchar(n) cuts the value to n characters
			return "LEFT(" + s + ", " + strconv.Itoa(mods[0]) + ")", nil
		}
		if from.k == kInt || from.k == kNumeric {
			return "CAST(" + s + " AS CHAR)", nil
		}
		return s, nil
	case kInt:
		switch from.k {
		case kInt, kBool:
			return inner, nil
		case kNumeric, kFloat, kText, kUnknown:
			// rounds to the nearest integer, as PostgreSQL does
			return "CAST(" + inner + " AS SIGNED)", nil
		}
		return bad()
	case kNumeric:
		if len(mods) == 2 {
			return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", inner, mods[0], mods[1]), nil
		}
		if len(mods) == 1 {
			return fmt.Sprintf("CAST(%s AS DECIMAL(%d,0))", inner, mods[0]), nil
		}
		if from.k == kInt || from.k == kNumeric {
			return inner, nil
		}
		return bad()
	case kFloat:
		switch from.k {
		case kInt, kNumeric, kFloat, kText, kUnknown:
			if name == "float4" {
				return "CAST(" + inner + " AS FLOAT)", nil
			}
			return "CAST(" + inner + " AS DOUBLE)", nil
		}
		return bad()
	case kBool:
		switch from.k {
		case kBool:
			return inner, nil
		case kInt:
			return "(" + inner + " <> 0)", nil
		}
		return bad()
	case kDate:
		switch from.k {
		case kDate:
			return inner, nil
		case kTimestamp, kText, kUnknown:
			return "CAST(" + inner + " AS DATE)", nil
		}
		return bad()
	case kTimestamp:
		switch from.k {
		case kTimestamp:
			return inner, nil
		case kDate, kText, kUnknown:
			return "CAST(" + inner + " AS DATETIME(6))", nil
		}
		return bad()
	case kTime:
		switch from.k {
		case kTime:
			return inner, nil
		case kTimestamp, kText, kUnknown:
			return "CAST(" + inner + " AS TIME(6))", nil
		}
		return bad()
	case kJSON:
		switch from.k {
		case kJSON, kArray:
			return inner, nil
		case kText, kUnknown:
			return "CAST(" + inner + " AS JSON)", nil
		}
		return bad()
	case kArray:
		if from.k == kArray {
			return inner, nil
		}
		return bad()
	}
	if from.k == kText || from.k == kOther || from.k == kUnknown {
		// uuid, enum and other types stored as their text form
		if t.cat.IsEnum(typeNameParts(tn)) || name == "uuid" {
			return inner, nil
		}
	}
	return bad()
}

// castConst converts 'text'::type the way a loaded value of that type is
// converted, so the constant means in Dolt what it meant in PostgreSQL.
func (t *transpiler) castConst(v string, tn *pg.TypeName, to vtype) (string, error) {
	if to.k == kInterval {
		return "", fmt.Errorf("an interval value outside date arithmetic (Dolt has no interval type)")
	}
	codec, err := t.cat.Codec(tn)
	if err != nil {
		return "", err
	}
	if to.k == kArray {
		js, err := pgtext.ArrayToJSON(v, codec.Elem)
		if err != nil {
			return "", err
		}
		return "CAST(" + sqltext.String(js) + " AS JSON)", nil
	}
	if to.k == kJSON {
		if !json.Valid([]byte(v)) {
			return "", fmt.Errorf("invalid json constant %q", v)
		}
		return "CAST(" + sqltext.String(v) + " AS JSON)", nil
	}
	if to.k == kBool {
		b, err := pgtext.Bool(v)
		if err != nil {
			return "", err
		}
		if b {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	lit, err := literal(codec, v)
	if err != nil {
		return "", fmt.Errorf("constant %q of type %s: %v", v, pgTypeString(tn), err)
	}
	switch to.k {
	case kDate:
		return "CAST(" + lit + " AS DATE)", nil
	case kTimestamp:
		return "CAST(" + lit + " AS DATETIME(6))", nil
	case kTime:
		return "CAST(" + lit + " AS TIME(6))", nil
	}
	return lit, nil
}

// aggregates maps PostgreSQL aggregates (manual, "Aggregate Functions")
// to the MySQL aggregate with the same result.
var aggregates = map[string]string{
	"count": "COUNT", "sum": "SUM", "min": "MIN", "max": "MAX", "avg": "AVG",
	"bool_and": "MIN", "every": "MIN", "bool_or": "MAX",
	"string_agg": "GROUP_CONCAT", "json_agg": "JSON_ARRAYAGG", "jsonb_agg": "JSON_ARRAYAGG", "array_agg": "JSON_ARRAYAGG",
	"json_object_agg": "JSON_OBJECTAGG", "jsonb_object_agg": "JSON_OBJECTAGG",
}

// extractFields maps EXTRACT/date_part fields to MySQL functions.
var extractFields = map[string]string{
	"year": "YEAR(%s)", "month": "MONTH(%s)", "day": "DAYOFMONTH(%s)", "hour": "HOUR(%s)", "minute": "MINUTE(%s)",
	"quarter": "QUARTER(%s)", "dow": "(DAYOFWEEK(%s) - 1)", "isodow": "(WEEKDAY(%s) + 1)", "doy": "DAYOFYEAR(%s)",
	"week": "WEEK(%s, 3)",
}

func (t *transpiler) viewFunc(fc *pg.FuncCall, ctx exprCtx) (string, bool, error) {
	vs := ctx.view
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	if len(fn) > 1 && fn[0] != "pg_catalog" {
		return "", true, fmt.Errorf("it calls %s(), a user-defined function or aggregate (Dolt cannot run PostgreSQL functions)", strings.Join(fn, "."))
	}
	if fc.Over != nil {
		return "", true, fmt.Errorf("the window function %s() OVER (...)", name)
	}
	if m, ok := aggregates[name]; ok {
		s, err := t.aggregate(fc, name, m, ctx)
		return s, true, err
	}
	if fc.AggStar || fc.AggDistinct || len(fc.AggOrder) > 0 || fc.AggFilter != nil || fc.AggWithinGroup {
		return "", true, fmt.Errorf("the aggregate %s()", name)
	}
	args := func() ([]string, error) { return t.exprList(fc.Args, ctx) }
	switch name {
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		vs.vt.note(noteUTC)
		return "UTC_TIMESTAMP(6)", true, nil
	case "concat", "concat_ws":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		for i := range a {
			if name == "concat_ws" && i == 0 {
				continue
			}
			if a[i], err = textOf(a[i], t.kindOf(fc.Args[i], vs), name+"()"); err != nil {
				return "", true, err
			}
		}
		if name == "concat" {
			// CONCAT_WS skips NULLs, as PostgreSQL's concat does
			return "CONCAT_WS(''" + strings.Join(append([]string{""}, a...), ", ") + ")", true, nil
		}
		return "CONCAT_WS(" + strings.Join(a, ", ") + ")", true, nil
	case "substring", "substr":
		if len(fc.Args) < 2 || len(fc.Args) > 3 || t.kindOf(fc.Args[1], vs).k != kInt {
			return "", true, fmt.Errorf("%s() with a regular expression", name)
		}
		if c := fc.Args[1].GetAConst(); c == nil || c.GetIval() == nil || c.GetIval().Ival < 1 {
			return "", true, fmt.Errorf("%s() from a computed or non-positive start (MySQL counts those differently)", name)
		}
		a, err := args()
		if err != nil {
			return "", true, err
		}
		return "SUBSTRING(" + strings.Join(a, ", ") + ")", true, nil
	case "position":
		a, err := args()
		if err != nil || len(a) != 2 {
			return "", true, errOr(err, "position() with %d arguments", len(a))
		}
		return "LOCATE(" + a[1] + ", " + a[0] + ")", true, nil
	case "trunc":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		if len(a) == 1 {
			a = append(a, "0")
		}
		return "TRUNCATE(" + strings.Join(a, ", ") + ")", true, nil
	case "lpad", "rpad":
		a, err := args()
		if err != nil {
			return "", true, err
		}
		if len(a) == 2 {
			a = append(a, "' '")
		}
		return strings.ToUpper(name) + "(" + strings.Join(a, ", ") + ")", true, nil
	case "date_part", "extract":
		if len(fc.Args) != 2 {
			return "", true, fmt.Errorf("%s() with %d arguments", name, len(fc.Args))
		}
		field := strings.ToLower(fc.Args[0].GetAConst().GetSval().GetSval())
		f, ok := extractFields[field]
		if !ok {
			return "", true, fmt.Errorf("%s(%q, ...)", name, field)
		}
		a, err := t.expr(fc.Args[1], ctx)
		if err != nil {
			return "", true, err
		}
		return fmt.Sprintf(f, a), true, nil
	case "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array":
		var a []string
		for i, x := range fc.Args {
			s, err := t.expr(x, ctx)
			if err != nil {
				return "", true, err
			}
			typ := t.kindOf(x, vs)
			if typ.k == kTimestamp || typ.k == kTime {
				vs.vt.note("timestamps inside JSON values are written in MySQL's text form")
			}
			if strings.HasSuffix(name, "object") && i%2 == 0 {
				a = append(a, s)
				continue
			}
			a = append(a, jsonValue(s, typ))
		}
		if strings.HasSuffix(name, "object") {
			return "JSON_OBJECT(" + strings.Join(a, ", ") + ")", true, nil
		}
		return "JSON_ARRAY(" + strings.Join(a, ", ") + ")", true, nil
	case "to_json", "to_jsonb":
		if len(fc.Args) != 1 {
			return "", true, fmt.Errorf("%s() with %d arguments", name, len(fc.Args))
		}
		typ := t.kindOf(fc.Args[0], vs)
		if typ.k != kJSON && typ.k != kArray {
			return "", true, fmt.Errorf("%s() of a %s", name, kindNames[typ.k])
		}
		s, err := t.expr(fc.Args[0], ctx)
		return s, true, err
	}
	return "", false, nil
}

func errOr(err error, format string, args ...any) error {
	if err != nil {
		return err
	}
	return fmt.Errorf(format, args...)
}

// aggregate translates an aggregate call. FILTER (WHERE c) becomes a CASE
// inside aggregates that skip NULLs.
func (t *transpiler) aggregate(fc *pg.FuncCall, name, m string, ctx exprCtx) (string, error) {
	vs := ctx.view
	if fc.AggWithinGroup {
		return "", fmt.Errorf("%s() WITHIN GROUP", name)
	}
	filter := ""
	if fc.AggFilter != nil {
		switch name {
		case "json_agg", "jsonb_agg", "array_agg", "json_object_agg", "jsonb_object_agg":
			return "", fmt.Errorf("%s() FILTER (WHERE ...) (its MySQL counterpart keeps NULLs)", name)
		}
		f, err := t.expr(fc.AggFilter, ctx)
		if err != nil {
			return "", err
		}
		filter = f
	}
	wrap := func(s string) string {
		if filter == "" {
			return s
		}
		return "(CASE WHEN " + filter + " THEN " + s + " END)"
	}
	distinct := ""
	if fc.AggDistinct {
		switch name {
		case "count", "sum", "min", "max", "avg", "string_agg":
			distinct = "DISTINCT "
		default:
			return "", fmt.Errorf("%s(DISTINCT ...)", name)
		}
	}
	if len(fc.AggOrder) > 0 && name != "string_agg" {
		return "", fmt.Errorf("%s(... ORDER BY ...) (%s has no ORDER BY)", name, m)
	}
	if fc.AggStar {
		if name != "count" {
			return "", fmt.Errorf("%s(*)", name)
		}
		if filter != "" {
			return "COUNT(" + wrap("1") + ")", nil
		}
		return "COUNT(*)", nil
	}
	args, err := t.exprList(fc.Args, ctx)
	if err != nil {
		return "", err
	}
	want := 1
	if name == "string_agg" || strings.HasSuffix(name, "object_agg") {
		want = 2
	}
	if len(args) != want {
		return "", fmt.Errorf("%s() with %d arguments", name, len(args))
	}
	switch name {
	case "string_agg":
		sep := fc.Args[1]
		for sep.GetTypeCast() != nil {
			sep = sep.GetTypeCast().Arg
		}
		if c := sep.GetAConst(); c == nil || c.GetSval() == nil {
			return "", fmt.Errorf("string_agg() with a computed separator")
		}
		order := ""
		if len(fc.AggOrder) > 0 {
			o, err := t.orderBySQL(fc.AggOrder, nil, ctx, orderAggregate)
			if err != nil {
				return "", err
			}
			order = o
		}
		vs.vt.note("string_agg() becomes GROUP_CONCAT(), whose result Dolt cuts at group_concat_max_len (1024 bytes unless the session raises it)")
		return "GROUP_CONCAT(" + distinct + wrap(args[0]) + order + " SEPARATOR " + args[1] + ")", nil
	case "json_agg", "jsonb_agg", "array_agg":
		if name == "array_agg" {
			vs.vt.note("array_agg() gives a JSON array, as pgcopy stores arrays")
		}
		return "JSON_ARRAYAGG(" + jsonValue(args[0], t.kindOf(fc.Args[0], vs)) + ")", nil
	case "json_object_agg", "jsonb_object_agg":
		return "JSON_OBJECTAGG(" + args[0] + ", " + jsonValue(args[1], t.kindOf(fc.Args[1], vs)) + ")", nil
	case "sum":
		typ := t.kindOf(fc.Args[0], vs)
		s := "SUM(" + distinct + wrap(args[0]) + ")"
		switch {
		case typ.k == kInt:
			// Dolt types SUM as double; PostgreSQL's sum of integers is exact
			return "CAST(" + s + " AS SIGNED)", nil
		case typ.k == kNumeric && typ.scale >= 0:
			return fmt.Sprintf("CAST(%s AS DECIMAL(65,%d))", s, min(typ.scale, 30)), nil
		case typ.k == kNumeric:
			vs.vt.note("sum() of a numeric expression of unknown scale is returned as Dolt computes it (typed double)")
		}
		return s, nil
	case "avg":
		if k := t.kindOf(fc.Args[0], vs).k; k == kInt || k == kNumeric {
			vs.vt.note("avg() keeps 4 more decimal places than its argument (MySQL's div_precision_increment), where PostgreSQL keeps at least 16")
		}
	case "min", "max", "bool_and", "every", "bool_or":
		k := t.kindOf(fc.Args[0], vs).k
		if k == kJSON || k == kArray {
			return "", fmt.Errorf("%s() of a %s", name, kindNames[k])
		}
	}
	return m + "(" + distinct + wrap(args[0]) + ")", nil
}

// subLink translates a subquery: EXISTS, IN (= ANY), NOT IN (<> ALL), a
// scalar subquery, and ARRAY(subquery) as a JSON array.
func (t *transpiler) subLink(sl *pg.SubLink, ctx exprCtx) (string, error) {
	sel := sl.Subselect.GetSelectStmt()
	if sel == nil {
		return "", fmt.Errorf("a subquery that is not a SELECT")
	}
	q, cols, err := t.selectSQL(sel, ctx.view, ctx.view.vt, sl.SubLinkType == pg.SubLinkType_ARRAY_SUBLINK)
	if err != nil {
		return "", err
	}
	switch sl.SubLinkType {
	case pg.SubLinkType_EXISTS_SUBLINK:
		return "EXISTS (" + q + ")", nil
	case pg.SubLinkType_EXPR_SUBLINK, pg.SubLinkType_ARRAY_SUBLINK:
		if len(cols) != 1 {
			return "", fmt.Errorf("a scalar subquery of %d columns", len(cols))
		}
		return "(" + q + ")", nil
	case pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
		op := "="
		if len(sl.OperName) > 0 {
			op = strList(sl.OperName)[len(sl.OperName)-1]
		}
		if sl.Testexpr.GetRowExpr() != nil || len(cols) != 1 {
			return "", fmt.Errorf("a row comparison with a subquery")
		}
		l, err := t.expr(sl.Testexpr, ctx)
		if err != nil {
			return "", err
		}
		switch {
		case sl.SubLinkType == pg.SubLinkType_ANY_SUBLINK && op == "=":
			return "(" + l + " IN (" + q + "))", nil
		case sl.SubLinkType == pg.SubLinkType_ALL_SUBLINK && (op == "<>" || op == "!="):
			return "(" + l + " NOT IN (" + q + "))", nil
		}
		kind := "ANY"
		if sl.SubLinkType == pg.SubLinkType_ALL_SUBLINK {
			kind = "ALL"
		}
		return "", fmt.Errorf("%s %s (subquery)", op, kind)
	}
	return "", fmt.Errorf("a %s subquery", strings.TrimSuffix(sl.SubLinkType.String(), "_SUBLINK"))
}
