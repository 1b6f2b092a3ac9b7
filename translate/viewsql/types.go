package viewsql

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgcopy/pgcopy/translate/pgtypes"
)

// vkind is what an expression's value is, as far as the translation needs
// to know: division, ||, date arithmetic and casts depend on it.
type vkind int

const (
	kUnknown vkind = iota
	kNull
	kText
	kInt
	kNumeric
	kFloat
	kBool
	kDate
	kTimestamp
	kTime
	kInterval
	kJSON
	kArray // stored as a JSON array
	kBytes
	kOther
)

var kindNames = map[vkind]string{
	kUnknown: "value of unknown type", kNull: "NULL", kText: "text", kInt: "integer", kNumeric: "numeric",
	kFloat: "floating-point", kBool: "boolean", kDate: "date", kTimestamp: "timestamp", kTime: "time",
	kInterval: "interval", kJSON: "json", kArray: "array", kBytes: "bytea", kOther: "value",
}

// vtype is an expression's kind and, for numbers, its decimal scale (-1
// when unknown).
type vtype struct {
	k     vkind
	scale int
}

// fixedKinds are the value kinds Dolt never stores as TEXT or BLOB.
var fixedKinds = map[vkind]bool{kInt: true, kNumeric: true, kFloat: true, kBool: true, kDate: true, kTimestamp: true, kTime: true}

// typeOf is the vtype of a PostgreSQL type name.
func (t *transpiler) typeOf(tn *pg.TypeName) vtype {
	tn = t.cat.ResolveDomain(tn)
	if len(tn.ArrayBounds) > 0 {
		return vtype{k: kArray, scale: -1}
	}
	s, n := typeNameParts(tn)
	row, ok := pgtypes.Lookup(n)
	if !ok || s != "" && s != "pg_catalog" {
		row, ok = pgtypes.LookupExtension(n)
	}
	if ok {
		switch row.View { // the type registry's view kind
		case pgtypes.ViewInt:
			return vtype{k: kInt}
		case pgtypes.ViewNumeric:
			mods, _ := typmods(tn)
			switch len(mods) {
			case 1:
				return vtype{k: kNumeric}
			case 2:
				return vtype{k: kNumeric, scale: mods[1]}
			}
			return vtype{k: kNumeric, scale: -1}
		case pgtypes.ViewMoney:
			return vtype{k: kNumeric, scale: 2}
		case pgtypes.ViewFloat:
			return vtype{k: kFloat, scale: -1}
		case pgtypes.ViewText:
			return vtype{k: kText, scale: -1}
		case pgtypes.ViewBool:
			return vtype{k: kBool}
		case pgtypes.ViewDate:
			return vtype{k: kDate}
		case pgtypes.ViewTimestamp:
			return vtype{k: kTimestamp}
		case pgtypes.ViewTime:
			return vtype{k: kTime}
		case pgtypes.ViewInterval:
			return vtype{k: kInterval}
		case pgtypes.ViewJSON:
			return vtype{k: kJSON}
		case pgtypes.ViewBytes:
			return vtype{k: kBytes}
		}
	}
	if t.cat.IsEnum(s, n) {
		return vtype{k: kText, scale: -1}
	}
	return vtype{k: kOther, scale: -1}
}

// tableColumn is a table's column as a relation of a FROM clause.
func (t *transpiler) tableColumn(c TableColumn) Column {
	col := Column{pg: c.Name, dolt: c.Dolt, typ: t.typeOf(c.Type), doltType: c.DoltType}
	if col.typ.k == kNumeric && col.typ.scale < 0 && c.Scale >= 0 {
		col.typ.scale = c.Scale
	}
	return col
}

// annotate is the first pass over one expression of a view's query: it
// records the kind of every node of the tree in t.kinds, children before
// their parent, so that each rule (nodeKind) reads its operands' kinds
// from the annotations. It does not descend into a subquery, which is its
// own query level with its own scope (a scalar subquery's kind is its
// first column's, found with a transpiler of its own). vs is the scope as
// it stands when the expression is written: complete for the FROM items
// and select-list names the expression may use.
func (t *transpiler) annotate(n *pg.Node, vs *viewScope) {
	if t.kinds == nil {
		t.kinds = map[*pg.Node]vtype{}
	}
	walkExpr(n, func(c *pg.Node) {
		if _, done := t.kinds[c]; !done {
			t.kinds[c] = t.nodeKind(c, vs)
		}
	})
}

// kindOf is an annotated node's kind, as the second pass (emission) reads
// it. Every node t.expr writes was annotated at the root of its
// expression; a node that was not (none is) is annotated now.
func (t *transpiler) kindOf(n *pg.Node, vs *viewScope) vtype {
	if n == nil {
		return vtype{k: kUnknown, scale: -1}
	}
	k, ok := t.kinds[n]
	if !ok {
		t.annotate(n, vs)
		k = t.kinds[n]
	}
	return k
}

// walkExpr calls visit on every expression node of n's tree, children
// first (post-order), stopping at subqueries (a SelectStmt node). It
// walks the protobuf message pg_query parses into, so that every field
// holding a node is visited without a list of node types to keep.
func walkExpr(n *pg.Node, visit func(*pg.Node)) {
	if n == nil || n.Node == nil || n.GetSelectStmt() != nil {
		return
	}
	walkFields(n.ProtoReflect(), visit)
	visit(n)
}

func walkFields(m protoreflect.Message, visit func(*pg.Node)) {
	child := func(c protoreflect.Message) {
		switch x := c.Interface().(type) {
		case *pg.Node:
			walkExpr(x, visit)
		case *pg.SelectStmt:
		default:
			walkFields(c, visit)
		}
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind || fd.IsMap() {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				child(l.Get(i).Message())
			}
			return true
		}
		child(v.Message())
		return true
	})
}

// nodeKind infers what an expression's value is: from the column types
// of the FROM clause, casts, constants and the result types of operators
// and functions (PostgreSQL manual chapter 9). Its operands' kinds are
// the annotations (kindOf) of its children.
func (t *transpiler) nodeKind(n *pg.Node, vs *viewScope) vtype {
	unknown := vtype{k: kUnknown, scale: -1}
	if n == nil {
		return unknown
	}
	switch e := n.Node.(type) {
	case *pg.Node_AConst:
		c := e.AConst
		switch {
		case c.Isnull:
			return vtype{k: kNull, scale: -1}
		case c.GetIval() != nil:
			return vtype{k: kInt}
		case c.GetFval() != nil:
			f := c.GetFval().Fval
			if i := strings.IndexByte(f, '.'); i >= 0 && !strings.ContainsAny(f, "eE") {
				return vtype{k: kNumeric, scale: len(f) - i - 1}
			}
			return vtype{k: kNumeric, scale: -1}
		case c.GetBoolval() != nil:
			return vtype{k: kBool}
		case c.GetSval() != nil:
			return vtype{k: kText, scale: -1}
		}
		return vtype{k: kInt}
	case *pg.Node_ColumnRef:
		if _, c, err := vs.column(e.ColumnRef); err == nil {
			return c.typ
		}
	case *pg.Node_TypeCast:
		return t.typeOf(e.TypeCast.TypeName)
	case *pg.Node_BoolExpr, *pg.Node_NullTest, *pg.Node_BooleanTest:
		return vtype{k: kBool}
	case *pg.Node_CaseExpr:
		var ts []vtype
		for _, w := range e.CaseExpr.Args {
			ts = append(ts, t.kindOf(w.GetCaseWhen().Result, vs))
		}
		if e.CaseExpr.Defresult != nil {
			ts = append(ts, t.kindOf(e.CaseExpr.Defresult, vs))
		}
		return firstKnown(ts)
	case *pg.Node_CoalesceExpr:
		return t.firstKind(e.CoalesceExpr.Args, vs)
	case *pg.Node_MinMaxExpr:
		return t.firstKind(e.MinMaxExpr.Args, vs)
	case *pg.Node_SqlvalueFunction:
		switch e.SqlvalueFunction.Op {
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			return vtype{k: kDate}
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
			return vtype{k: kTime}
		case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
			pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			return vtype{k: kTimestamp}
		}
		return vtype{k: kText, scale: -1}
	case *pg.Node_SubLink:
		switch e.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK, pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
			return vtype{k: kBool}
		case pg.SubLinkType_ARRAY_SUBLINK:
			return vtype{k: kArray, scale: -1}
		case pg.SubLinkType_EXPR_SUBLINK:
			if sel := e.SubLink.Subselect.GetSelectStmt(); sel != nil {
				return t.firstColumnKind(sel, vs)
			}
		}
	case *pg.Node_AArrayExpr:
		return vtype{k: kArray, scale: -1}
	case *pg.Node_AExpr:
		return t.aexprKind(e.AExpr, vs)
	case *pg.Node_FuncCall:
		return t.funcKind(e.FuncCall, vs)
	}
	return unknown
}

func firstKnown(ts []vtype) vtype {
	for _, x := range ts {
		if x.k != kNull && x.k != kUnknown {
			return x
		}
	}
	return vtype{k: kUnknown, scale: -1}
}

func (t *transpiler) firstKind(args []*pg.Node, vs *viewScope) vtype {
	var ts []vtype
	for _, a := range args {
		ts = append(ts, t.kindOf(a, vs))
	}
	return firstKnown(ts)
}

// firstColumnKind is the kind of a scalar subquery: its first column's.
func (t *transpiler) firstColumnKind(sel *pg.SelectStmt, outer *viewScope) vtype {
	for sel.Op != pg.SetOperation_SETOP_NONE && sel.Larg != nil {
		sel = sel.Larg
	}
	if len(sel.TargetList) == 0 {
		return vtype{k: kUnknown, scale: -1}
	}
	// a transpiler of its own: the subquery's nodes are annotated again,
	// in the scope of its real translation, when it is written
	sub := &transpiler{cat: t.cat}
	vs := &viewScope{outer: outer, vt: &viewTrans{db: outer.vt.db}, outputs: map[string]outputRef{}}
	if _, err := sub.fromSQL(sel.FromClause, vs); err != nil {
		return vtype{k: kUnknown, scale: -1}
	}
	rt := sel.TargetList[0].GetResTarget()
	if rt == nil {
		return vtype{k: kUnknown, scale: -1}
	}
	return sub.kindOf(rt.Val, vs)
}

func (t *transpiler) aexprKind(a *pg.A_Expr, vs *viewScope) vtype {
	if a.Kind != pg.A_Expr_Kind_AEXPR_OP {
		if a.Kind == pg.A_Expr_Kind_AEXPR_NULLIF {
			return t.kindOf(a.Lexpr, vs)
		}
		return vtype{k: kBool}
	}
	op := strList(a.Name)[len(a.Name)-1]
	if a.Lexpr == nil {
		return t.kindOf(a.Rexpr, vs)
	}
	l, r := t.kindOf(a.Lexpr, vs), t.kindOf(a.Rexpr, vs)
	switch op {
	case "=", "<>", "!=", "<", ">", "<=", ">=", "~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*", "@>", "<@", "&&", "?", "?|", "?&":
		return vtype{k: kBool}
	case "||":
		if l.k == kJSON || l.k == kArray {
			return l
		}
		return vtype{k: kText, scale: -1}
	case "->", "#>":
		return vtype{k: kJSON}
	case "->>", "#>>":
		return vtype{k: kText, scale: -1}
	case "+", "-", "*", "/", "%":
		switch {
		case l.k == kDate && r.k == kDate:
			return vtype{k: kInt}
		case l.k == kDate && r.k == kInt, l.k == kInt && r.k == kDate:
			return vtype{k: kDate}
		case l.k == kDate || l.k == kTimestamp:
			if r.k == kInterval || r.k == kText {
				return vtype{k: kTimestamp}
			}
			return vtype{k: kInterval}
		case l.k == kInterval && (r.k == kDate || r.k == kTimestamp):
			return vtype{k: kTimestamp}
		case l.k == kFloat || r.k == kFloat:
			return vtype{k: kFloat, scale: -1}
		case l.k == kInt && r.k == kInt:
			return vtype{k: kInt}
		case (l.k == kNumeric || l.k == kInt) && (r.k == kNumeric || r.k == kInt):
			if l.scale < 0 || r.scale < 0 || op == "/" {
				return vtype{k: kNumeric, scale: -1}
			}
			if op == "*" {
				return vtype{k: kNumeric, scale: l.scale + r.scale}
			}
			return vtype{k: kNumeric, scale: max(l.scale, r.scale)}
		}
	}
	return vtype{k: kUnknown, scale: -1}
}

func (t *transpiler) funcKind(fc *pg.FuncCall, vs *viewScope) vtype {
	fn := strList(fc.Funcname)
	name := fn[len(fn)-1]
	arg := func(i int) vtype {
		if i < len(fc.Args) {
			return t.kindOf(fc.Args[i], vs)
		}
		return vtype{k: kUnknown, scale: -1}
	}
	switch name {
	case "count", "length", "char_length", "character_length", "octet_length", "strpos", "position", "cardinality",
		"array_length", "json_array_length", "jsonb_array_length":
		return vtype{k: kInt}
	case "sum":
		a := arg(0)
		if a.k == kInt {
			return vtype{k: kInt}
		}
		return a
	case "avg":
		if arg(0).k == kFloat {
			return vtype{k: kFloat, scale: -1}
		}
		return vtype{k: kNumeric, scale: -1}
	case "min", "max", "abs", "greatest", "least", "sign", "ceil", "ceiling", "floor", "mod":
		return arg(0)
	case "round", "trunc":
		a := arg(0)
		if a.k == kNumeric || a.k == kInt {
			if len(fc.Args) == 1 {
				return vtype{k: kNumeric, scale: 0}
			}
			if c := fc.Args[1].GetAConst(); c != nil && c.GetIval() != nil {
				return vtype{k: kNumeric, scale: int(c.GetIval().Ival)}
			}
			return vtype{k: kNumeric, scale: -1}
		}
		return a
	case "bool_and", "bool_or", "every":
		return vtype{k: kBool}
	case "string_agg", "lower", "upper", "concat", "concat_ws", "substring", "substr", "btrim", "trim", "ltrim", "rtrim",
		"replace", "left", "right", "lpad", "rpad", "md5", "reverse", "jsonb_typeof", "json_typeof":
		return vtype{k: kText, scale: -1}
	case "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_build_object", "jsonb_build_object",
		"json_build_array", "jsonb_build_array", "to_json", "to_jsonb":
		return vtype{k: kJSON}
	case "array_agg":
		return vtype{k: kArray, scale: -1}
	case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
		return vtype{k: kTimestamp}
	case "date_part":
		return vtype{k: kFloat, scale: -1}
	case "extract":
		return vtype{k: kNumeric, scale: -1}
	case "gen_random_uuid", "uuid_generate_v4":
		return vtype{k: kText, scale: -1}
	}
	return vtype{k: kUnknown, scale: -1}
}
