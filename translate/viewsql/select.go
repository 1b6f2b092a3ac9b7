package viewsql

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// selectSQL translates a SELECT (PostgreSQL manual, "SELECT") to MySQL
// syntax and returns its output columns. outer is the enclosing query's
// scope for a subquery, nil for the view's own query. arrayOf makes a
// single-column query the body of ARRAY(subquery): its column is
// aggregated into a JSON array (arrays are stored as JSON).
func (t *transpiler) selectSQL(s *pg.SelectStmt, outer *viewScope, vt *viewTrans, arrayOf bool) (string, []Column, error) {
	if s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED {
		if arrayOf {
			return "", nil, fmt.Errorf("ARRAY(...) over a %s", strings.TrimPrefix(s.Op.String(), "SETOP_"))
		}
		return t.setOpSQL(s, outer, vt)
	}
	if len(s.ValuesLists) > 0 {
		return "", nil, fmt.Errorf("a VALUES list")
	}
	if s.IntoClause != nil {
		return "", nil, fmt.Errorf("SELECT INTO")
	}
	if len(s.LockingClause) > 0 {
		return "", nil, fmt.Errorf("a locking clause (FOR UPDATE/SHARE)")
	}
	if len(s.WindowClause) > 0 {
		return "", nil, fmt.Errorf("a WINDOW clause")
	}
	vs := &viewScope{outer: outer, vt: vt, outputs: map[string]outputRef{}}
	ctx := exprCtx{view: vs}
	var b strings.Builder
	if s.WithClause != nil {
		with, err := t.withSQL(s.WithClause, vs)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(with)
	}
	from, err := t.fromSQL(s.FromClause, vs)
	if err != nil {
		return "", nil, err
	}
	b.WriteString("SELECT ")
	if len(s.DistinctClause) > 0 {
		if len(s.DistinctClause) > 1 || s.DistinctClause[0] != nil && s.DistinctClause[0].Node != nil {
			return "", nil, fmt.Errorf("SELECT DISTINCT ON (...)")
		}
		b.WriteString("DISTINCT ")
	}
	var cols []Column
	var exprs []string
	var parts []string
	for _, n := range s.TargetList {
		rt := n.GetResTarget()
		if rt == nil || rt.Val == nil {
			return "", nil, fmt.Errorf("select-list item %s", nodeName(n))
		}
		if len(rt.Indirection) > 0 {
			return "", nil, fmt.Errorf("select-list item with a subscript or field selection")
		}
		if cr := rt.Val.GetColumnRef(); cr != nil && isStar(cr) {
			stars, err := vs.star(cr)
			if err != nil {
				return "", nil, err
			}
			for _, st := range stars {
				cols = append(cols, st.col)
				exprs = append(exprs, st.sql)
				parts = append(parts, st.sql+" AS "+sqltext.Ident(st.col.dolt))
			}
			continue
		}
		e, err := t.expr(rt.Val, ctx)
		if err != nil {
			return "", nil, err
		}
		name := rt.Name
		if name == "" {
			name = figureColname(rt.Val)
		}
		col := Column{pg: name, dolt: truncIdent(name), typ: t.kindOf(rt.Val, vs)}
		if cr := rt.Val.GetColumnRef(); cr != nil {
			if _, src, err := vs.column(cr); err == nil {
				col.doltType = src.doltType // a column passed through keeps its Dolt type
			}
		}
		if arrayOf {
			e = jsonValue(e, col.typ)
		}
		cols = append(cols, col)
		exprs = append(exprs, e)
		parts = append(parts, e+" AS "+sqltext.Ident(col.dolt))
		if _, dup := vs.outputs[name]; !dup {
			vs.outputs[name] = outputRef{sql: e, col: col}
		}
	}
	if arrayOf {
		if len(cols) != 1 {
			return "", nil, fmt.Errorf("ARRAY(SELECT ...) of %d columns", len(cols))
		}
		if len(s.GroupClause) > 0 || s.HavingClause != nil || len(s.DistinctClause) > 0 || len(s.SortClause) > 0 || s.LimitCount != nil || s.LimitOffset != nil {
			return "", nil, fmt.Errorf("ARRAY(SELECT ...) with DISTINCT, GROUP BY, ORDER BY or LIMIT (JSON_ARRAYAGG cannot keep them)")
		}
		// CAST('[]' AS JSON), not JSON_ARRAY(): Dolt 1.83 takes JSON_ARRAY() for
		// a non-aggregated column under ONLY_FULL_GROUP_BY.
		parts = []string{"COALESCE(JSON_ARRAYAGG(" + exprs[0] + "), CAST('[]' AS JSON))"}
		cols[0].typ = vtype{k: kArray, scale: -1}
	}
	if len(cols) == 0 {
		return "", nil, fmt.Errorf("a SELECT without columns")
	}
	b.WriteString(strings.Join(parts, ", "))
	if from != "" {
		b.WriteString(" FROM ")
		b.WriteString(from)
	}
	if s.WhereClause != nil {
		w, err := t.expr(s.WhereClause, ctx)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(" WHERE ")
		b.WriteString(w)
	}
	if len(s.GroupClause) > 0 {
		if s.GroupDistinct {
			return "", nil, fmt.Errorf("GROUP BY DISTINCT")
		}
		var gs []string
		for _, g := range s.GroupClause {
			if g.GetGroupingSet() != nil {
				return "", nil, fmt.Errorf("GROUPING SETS, ROLLUP or CUBE")
			}
			e, err := t.positional(g, exprs, ctx)
			if err != nil {
				return "", nil, err
			}
			gs = append(gs, e)
		}
		b.WriteString(" GROUP BY ")
		b.WriteString(strings.Join(gs, ", "))
	}
	if s.HavingClause != nil {
		h, err := t.expr(s.HavingClause, ctx)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(" HAVING ")
		b.WriteString(h)
	}
	order, err := t.orderBySQL(s.SortClause, exprs, ctx, orderSelect)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(order)
	limit, err := limitSQL(s)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(limit)
	return b.String(), cols, nil
}

// setOpSQL translates UNION, INTERSECT and EXCEPT, each arm in
// parentheses; a chain of one operator is written flat.
func (t *transpiler) setOpSQL(s *pg.SelectStmt, outer *viewScope, vt *viewTrans) (string, []Column, error) {
	op := map[pg.SetOperation]string{pg.SetOperation_SETOP_UNION: "UNION", pg.SetOperation_SETOP_INTERSECT: "INTERSECT", pg.SetOperation_SETOP_EXCEPT: "EXCEPT"}[s.Op]
	if s.All {
		op += " ALL"
	}
	var arms []*pg.SelectStmt
	var flatten func(a *pg.SelectStmt)
	flatten = func(a *pg.SelectStmt) {
		if a.Op == s.Op && a.All == s.All && a != s && len(a.SortClause) == 0 && a.LimitCount == nil && a.LimitOffset == nil && a.WithClause == nil {
			flatten(a.Larg)
			arms = append(arms, a.Rarg)
			return
		}
		arms = append(arms, a)
	}
	flatten(s.Larg)
	arms = append(arms, s.Rarg)
	var cols []Column
	var parts []string
	for i, a := range arms {
		q, c, err := t.selectSQL(a, outer, vt, false)
		if err != nil {
			return "", nil, err
		}
		if i == 0 {
			cols = c
			for j := range cols {
				cols[j].doltType = nil // the arms together decide the type
			}
		} else if len(c) != len(cols) {
			return "", nil, fmt.Errorf("%s arms with %d and %d columns", op, len(cols), len(c))
		} else {
			for j := range cols {
				if cols[j].typ.k == kNull || cols[j].typ.k == kUnknown {
					cols[j].typ = c[j].typ
				}
			}
		}
		parts = append(parts, "("+q+")")
	}
	if s.WithClause != nil {
		return "", nil, fmt.Errorf("WITH around a %s", op)
	}
	var b strings.Builder
	b.WriteString(strings.Join(parts, " "+op+" "))
	// ORDER BY and LIMIT of a set operation see its output columns only.
	vs := &viewScope{outer: outer, vt: vt, outputs: map[string]outputRef{}}
	var exprs []string
	for _, c := range cols {
		e := sqltext.Ident(c.dolt)
		exprs = append(exprs, e)
		if _, dup := vs.outputs[c.pg]; !dup {
			vs.outputs[c.pg] = outputRef{sql: e, col: c}
		}
	}
	order, err := t.orderBySQL(s.SortClause, exprs, exprCtx{view: vs}, orderSetOp)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(order)
	limit, err := limitSQL(s)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(limit)
	return b.String(), cols, nil
}

// withSQL translates a WITH clause; its names become visible in vs. WITH
// RECURSIVE keeps the recursion (MySQL manual §15.2.20, "Recursive Common
// Table Expressions", which Dolt runs): a query that names itself is a
// UNION [ALL] whose first arm does not, and the first arm's columns are
// the query's (in PostgreSQL and in MySQL alike), so that arm is
// translated first to learn them before the whole query, which sees its
// own name, is.
func (t *transpiler) withSQL(w *pg.WithClause, vs *viewScope) (string, error) {
	vs.ctes = map[string][]Column{}
	var parts []string
	for _, n := range w.Ctes {
		cte := n.GetCommonTableExpr()
		sel := cte.GetCtequery().GetSelectStmt()
		if sel == nil {
			return "", fmt.Errorf("WITH %s holding a data-modifying statement", cte.Ctename)
		}
		if cte.SearchClause != nil || cte.CycleClause != nil {
			return "", fmt.Errorf("WITH %s with SEARCH or CYCLE", cte.Ctename)
		}
		names := strList(cte.Aliascolnames)
		rename := func(cols []Column) error {
			if len(names) > len(cols) {
				return fmt.Errorf("WITH %s names more columns than its query returns", cte.Ctename)
			}
			for i := range cols {
				if i < len(names) {
					cols[i].pg, cols[i].dolt = names[i], truncIdent(names[i])
				}
			}
			return nil
		}
		if w.Recursive && selfReferencing(sel, cte.Ctename) {
			if sel.Op != pg.SetOperation_SETOP_UNION || sel.Larg == nil || selfReferencing(sel.Larg, cte.Ctename) {
				return "", fmt.Errorf("WITH RECURSIVE %s whose query is not a UNION of a non-recursive and a recursive part", cte.Ctename)
			}
			// the first arm alone, by a transpiler of its own (its nodes are
			// annotated again when the whole query is written)
			probe := &transpiler{cat: t.cat}
			_, first, err := probe.selectSQL(sel.Larg, vs, &viewTrans{db: vs.vt.db}, false)
			if err != nil {
				return "", err
			}
			if err := rename(first); err != nil {
				return "", err
			}
			for i := range first {
				first[i].doltType = nil // the arms together decide the type
			}
			vs.ctes[cte.Ctename] = first
			if vs.recs == nil {
				vs.recs = map[string]bool{}
			}
			vs.recs[cte.Ctename] = true
		}
		q, cols, err := t.selectSQL(sel, vs, vs.vt, false)
		if err != nil {
			return "", err
		}
		if err := rename(cols); err != nil {
			return "", err
		}
		head := sqltext.Ident(truncIdent(cte.Ctename))
		if len(names) > 0 {
			var q []string
			for i := range cols {
				q = append(q, sqltext.Ident(cols[i].dolt))
			}
			head += " (" + strings.Join(q, ", ") + ")"
		}
		parts = append(parts, head+" AS ("+q+")")
		vs.ctes[cte.Ctename] = cols
	}
	if w.Recursive {
		return "WITH RECURSIVE " + strings.Join(parts, ", ") + " ", nil
	}
	return "WITH " + strings.Join(parts, ", ") + " ", nil
}

// selfReferencing reports whether a query names the relation name
// unqualified anywhere in it (FROM items, joins, subqueries): for a WITH
// RECURSIVE query, whether it is recursive.
func selfReferencing(sel *pg.SelectStmt, name string) bool {
	found := false
	var walk func(m protoreflect.Message)
	walk = func(m protoreflect.Message) {
		if rv, ok := m.Interface().(*pg.RangeVar); ok && rv.Schemaname == "" && rv.Relname == name {
			found = true
		}
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			if found || fd.Kind() != protoreflect.MessageKind || fd.IsMap() {
				return !found
			}
			if fd.IsList() {
				for i, l := 0, v.List(); i < l.Len(); i++ {
					walk(l.Get(i).Message())
				}
			} else {
				walk(v.Message())
			}
			return !found
		})
	}
	walk(sel.ProtoReflect())
	return found
}

// positional translates a GROUP BY item: an integer is the position of a
// select-list item (the same rule in PostgreSQL and MySQL), written out as
// that item's expression.
func (t *transpiler) positional(n *pg.Node, exprs []string, ctx exprCtx) (string, error) {
	if c := n.GetAConst(); c != nil && c.GetIval() != nil {
		i := int(c.GetIval().Ival)
		if i < 1 || i > len(exprs) {
			return "", fmt.Errorf("position %d is not in the select list", i)
		}
		return exprs[i-1], nil
	}
	return t.expr(n, ctx)
}

// orderMode says where an ORDER BY is: a SELECT's, a set operation's
// (which sees the output columns only), or an aggregate's.
type orderMode int

const (
	orderSelect orderMode = iota
	orderSetOp
	orderAggregate
)

// orderBySQL translates ORDER BY. PostgreSQL sorts NULLs last ascending
// and first descending (manual, "SELECT": ORDER BY clause); MySQL does the
// opposite, so a sort key gets a leading (key IS NULL) term wherever the
// two differ.
func (t *transpiler) orderBySQL(sorts []*pg.Node, exprs []string, ctx exprCtx, mode orderMode) (string, error) {
	if len(sorts) == 0 {
		return "", nil
	}
	var parts []string
	for _, n := range sorts {
		sb := n.GetSortBy()
		if sb == nil {
			return "", fmt.Errorf("ORDER BY item %s", nodeName(n))
		}
		if sb.SortbyDir == pg.SortByDir_SORTBY_USING {
			return "", fmt.Errorf("ORDER BY ... USING an operator")
		}
		var e string
		var err error
		if cr := sb.Node.GetColumnRef(); cr != nil && len(cr.Fields) == 1 && !isStar(cr) && mode != orderAggregate {
			// a bare name is an output column first (manual, "SELECT")
			if o, ok := ctx.view.outputs[cr.Fields[0].GetString_().GetSval()]; ok {
				e = o.sql
			}
		}
		switch {
		case e != "":
		case mode == orderAggregate:
			e, err = t.expr(sb.Node, ctx)
		case mode == orderSetOp && sb.Node.GetAConst() == nil && sb.Node.GetColumnRef() == nil:
			return "", fmt.Errorf("ORDER BY an expression over the result of a set operation")
		default:
			e, err = t.positional(sb.Node, exprs, ctx)
		}
		if err != nil {
			return "", err
		}
		desc := sb.SortbyDir == pg.SortByDir_SORTBY_DESC
		nullsFirst := desc
		switch sb.SortbyNulls {
		case pg.SortByNulls_SORTBY_NULLS_FIRST:
			nullsFirst = true
		case pg.SortByNulls_SORTBY_NULLS_LAST:
			nullsFirst = false
		}
		if nullsFirst != !desc && !neverNull(sb.Node) {
			k := "(" + e + " IS NULL)"
			if nullsFirst {
				k += " DESC"
			}
			parts = append(parts, k)
		}
		if desc {
			e += " DESC"
		}
		parts = append(parts, e)
	}
	return " ORDER BY " + strings.Join(parts, ", "), nil
}

// neverNull reports expressions that cannot be NULL: count(...) and
// constants.
func neverNull(n *pg.Node) bool {
	if fc := n.GetFuncCall(); fc != nil {
		fn := strList(fc.Funcname)
		return fn[len(fn)-1] == "count" && fc.Over == nil
	}
	if c := n.GetAConst(); c != nil {
		return !c.Isnull
	}
	return false
}

func limitSQL(s *pg.SelectStmt) (string, error) {
	if s.LimitOption == pg.LimitOption_LIMIT_OPTION_WITH_TIES {
		return "", fmt.Errorf("FETCH FIRST ... WITH TIES")
	}
	count, offset := "", ""
	if n := s.LimitCount; n != nil {
		c := n.GetAConst()
		switch {
		case c != nil && c.Isnull: // LIMIT ALL
		case c != nil && c.GetIval() != nil:
			count = strconv.Itoa(int(c.GetIval().Ival))
		default:
			return "", fmt.Errorf("LIMIT with a computed count")
		}
	}
	if n := s.LimitOffset; n != nil {
		c := n.GetAConst()
		if c == nil || c.GetIval() == nil {
			return "", fmt.Errorf("OFFSET with a computed count")
		}
		offset = strconv.Itoa(int(c.GetIval().Ival))
	}
	switch {
	case count == "" && offset == "":
		return "", nil
	case offset == "":
		return " LIMIT " + count, nil
	case count == "":
		return " LIMIT 18446744073709551615 OFFSET " + offset, nil
	}
	return " LIMIT " + count + " OFFSET " + offset, nil
}

// fromSQL translates a FROM list; its relations join vs. Relations listed
// with commas become CROSS JOINs, which MySQL ranks like JOIN (a comma
// ranks lower, so a later ON could not see the earlier relations).
func (t *transpiler) fromSQL(from []*pg.Node, vs *viewScope) (string, error) {
	var parts []string
	for _, n := range from {
		s, err := t.fromItem(n, vs)
		if err != nil {
			return "", err
		}
		if n.GetJoinExpr() != nil && len(from) > 1 {
			s = "(" + s + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " CROSS JOIN "), nil
}

func (t *transpiler) fromItem(n *pg.Node, vs *viewScope) (string, error) {
	switch e := n.Node.(type) {
	case *pg.Node_RangeVar:
		return t.fromRel(e.RangeVar, vs)
	case *pg.Node_JoinExpr:
		j := e.JoinExpr
		if j.Alias != nil {
			return "", fmt.Errorf("an aliased join (... JOIN ...) AS %s", j.Alias.Aliasname)
		}
		if j.JoinUsingAlias != nil {
			return "", fmt.Errorf("JOIN ... USING (...) AS %s", j.JoinUsingAlias.Aliasname)
		}
		l, err := t.fromItem(j.Larg, vs)
		if err != nil {
			return "", err
		}
		r, err := t.fromItem(j.Rarg, vs)
		if err != nil {
			return "", err
		}
		if j.Rarg.GetJoinExpr() != nil {
			r = "(" + r + ")"
		}
		var kind string
		switch j.Jointype {
		case pg.JoinType_JOIN_INNER:
			kind = "JOIN"
			if j.Quals == nil && len(j.UsingClause) == 0 && !j.IsNatural {
				kind = "CROSS JOIN"
			}
		case pg.JoinType_JOIN_LEFT:
			kind = "LEFT JOIN"
		case pg.JoinType_JOIN_RIGHT:
			kind = "RIGHT JOIN"
		case pg.JoinType_JOIN_FULL:
			kind = "FULL OUTER JOIN"
		default:
			return "", fmt.Errorf("join type %s", j.Jointype)
		}
		if j.IsNatural {
			kind = "NATURAL " + kind
		}
		s := l + " " + kind + " " + r
		switch {
		case len(j.UsingClause) > 0:
			var cs []string
			for _, c := range strList(j.UsingClause) {
				cs = append(cs, sqltext.Ident(truncIdent(c)))
			}
			s += " USING (" + strings.Join(cs, ", ") + ")"
		case j.Quals != nil:
			q, err := t.expr(j.Quals, exprCtx{view: vs})
			if err != nil {
				return "", err
			}
			s += " ON " + q
		}
		return s, nil
	case *pg.Node_RangeSubselect:
		rs := e.RangeSubselect
		sel := rs.Subquery.GetSelectStmt()
		if sel == nil {
			return "", fmt.Errorf("a FROM subquery that is not a SELECT")
		}
		outer := vs.outer
		lateral := ""
		if rs.Lateral {
			// a LATERAL subquery sees the relations before it
			outer = &viewScope{outer: vs.outer, items: append([]*rangeItem(nil), vs.items...), ctes: vs.ctes, vt: vs.vt}
			lateral = "LATERAL "
		} else if vs.ctes != nil {
			outer = &viewScope{outer: vs.outer, ctes: vs.ctes, vt: vs.vt}
		}
		q, cols, err := t.selectSQL(sel, outer, vs.vt, false)
		if err != nil {
			return "", err
		}
		alias := ""
		if rs.Alias != nil {
			alias = rs.Alias.Aliasname
			names := strList(rs.Alias.Colnames)
			if len(names) > len(cols) {
				return "", fmt.Errorf("subquery alias %s names more columns than the subquery returns", alias)
			}
			if len(names) > 0 {
				var parts []string
				for i := range cols {
					nc := cols[i]
					if i < len(names) {
						nc.pg, nc.dolt = names[i], truncIdent(names[i])
					}
					parts = append(parts, "`s`."+sqltext.Ident(cols[i].dolt)+" AS "+sqltext.Ident(nc.dolt))
					cols[i] = nc
				}
				q = "SELECT " + strings.Join(parts, ", ") + " FROM (" + q + ") AS `s`"
			}
		}
		ref := alias
		if ref == "" {
			vs.vt.nsub++
			ref = fmt.Sprintf("_sub%d", vs.vt.nsub)
		}
		vs.items = append(vs.items, &rangeItem{ref: truncIdent(ref), pgName: alias, cols: cols})
		return lateral + "(" + q + ") AS " + sqltext.Ident(truncIdent(ref)), nil
	case *pg.Node_RangeFunction:
		var names []string
		for _, f := range e.RangeFunction.Functions {
			for _, x := range f.GetList().GetItems() {
				if fc := x.GetFuncCall(); fc != nil {
					names = append(names, strings.Join(strList(fc.Funcname), ".")+"()")
				}
			}
		}
		return "", fmt.Errorf("the set-returning function %s in FROM", strings.Join(names, ", "))
	}
	return "", fmt.Errorf("FROM item %s", nodeName(n))
}

// fromRel translates a table, view or WITH query named in FROM. A
// relation is written under the name PostgreSQL refers to it by, so
// qualified column references keep working when its Dolt name differs.
func (t *transpiler) fromRel(rv *pg.RangeVar, vs *viewScope) (string, error) {
	alias := ""
	if rv.Alias != nil {
		alias = rv.Alias.Aliasname
		if len(rv.Alias.Colnames) > 0 {
			return "", fmt.Errorf("column aliases on %s AS %s(...)", rv.Relname, alias)
		}
	}
	var dolt, db string
	var cols []Column
	recursive := false
	if rv.Schemaname == "" {
		for s := vs; s != nil; s = s.outer {
			if c, ok := s.ctes[rv.Relname]; ok {
				dolt, cols, recursive = truncIdent(rv.Relname), c, s.recs[rv.Relname]
				break
			}
		}
	}
	if dolt == "" {
		var err error
		dolt, db, cols, err = t.relation(rv, vs.vt)
		if err != nil {
			return "", err
		}
	}
	if db == vs.vt.db {
		db = "" // the view's own database: unqualified
	} else {
		vs.vt.cross = true
	}
	pgName := rv.Relname
	if alias != "" {
		pgName = alias
	}
	ref := truncIdent(pgName)
	item := &rangeItem{ref: ref, pgName: pgName, cols: cols, recursive: recursive}
	if alias == "" {
		item.schema = rv.Schemaname
	}
	for _, it := range vs.items {
		if strings.EqualFold(it.ref, ref) {
			return "", fmt.Errorf("two relations named %s in one FROM clause (Dolt names are case-insensitive)", ref)
		}
	}
	vs.items = append(vs.items, item)
	if ref == dolt && db == "" {
		return sqltext.Ident(dolt), nil
	}
	return schema.Qualified(db, dolt) + " AS " + sqltext.Ident(ref), nil
}

// relation resolves a table or view through the Catalog to its Dolt
// name, its Dolt database ("" in a one-database copy) and its columns; a
// view is recorded in vt.uses.
func (t *transpiler) relation(rv *pg.RangeVar, vt *viewTrans) (name, db string, cols []Column, err error) {
	r, err := t.cat.Relation(rv)
	if err != nil {
		return "", "", nil, err
	}
	if v := r.View; v != nil {
		if v.Cross {
			vt.cross = true // it reads another database through the view
		}
		vt.uses = append(vt.uses, (&schema.View{Name: r.Name, Database: r.Database}).ReportName())
		return r.Name, r.Database, append([]Column(nil), v.Columns...), nil
	}
	for _, c := range r.Table {
		cols = append(cols, t.tableColumn(c))
	}
	return r.Name, r.Database, cols, nil
}

func isStar(cr *pg.ColumnRef) bool {
	return len(cr.Fields) > 0 && cr.Fields[len(cr.Fields)-1].GetAStar() != nil
}

type starCol struct {
	sql string
	col Column
}

// star expands * or rel.* in a select list into the columns, in order.
func (vs *viewScope) star(cr *pg.ColumnRef) ([]starCol, error) {
	var out []starCol
	add := func(it *rangeItem) {
		for _, c := range it.cols {
			out = append(out, starCol{sql: recursiveDate(it, &c, sqltext.Ident(it.ref)+"."+sqltext.Ident(c.dolt)), col: c})
		}
	}
	f := strList(cr.Fields[:len(cr.Fields)-1])
	if len(f) == 0 {
		if len(vs.items) == 0 {
			return nil, fmt.Errorf("SELECT * without FROM")
		}
		for _, it := range vs.items {
			add(it)
		}
		return out, nil
	}
	rel := f[len(f)-1]
	for _, it := range vs.items {
		if it.pgName == rel {
			add(it)
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s.* names no relation of the FROM clause", rel)
}

// column resolves a column reference: a qualified one to the relation
// PostgreSQL refers to by that name, an unqualified one to the single
// relation of the innermost query level holding the column, then to a
// select-list name of that level, then outward.
func (vs *viewScope) column(cr *pg.ColumnRef) (string, Column, error) {
	if isStar(cr) {
		return "", Column{}, fmt.Errorf("* outside the select list")
	}
	f := strList(cr.Fields)
	name := f[len(f)-1]
	qual := f[:len(f)-1]
	if len(qual) > 0 {
		rel := qual[len(qual)-1]
		sch := ""
		if len(qual) >= 2 {
			sch = qual[len(qual)-2]
		}
		for s := vs; s != nil; s = s.outer {
			for _, it := range s.items {
				if it.pgName != rel || sch != "" && it.schema != sch {
					continue
				}
				c := it.col(name)
				if c == nil {
					return "", Column{}, fmt.Errorf("column %s.%s does not exist", rel, name)
				}
				return recursiveDate(it, c, sqltext.Ident(it.ref)+"."+sqltext.Ident(c.dolt)), *c, nil
			}
		}
		return "", Column{}, fmt.Errorf("%s.%s names no relation of the FROM clause", rel, name)
	}
	for s := vs; s != nil; s = s.outer {
		var hits []*rangeItem
		for _, it := range s.items {
			if it.col(name) != nil {
				hits = append(hits, it)
			}
		}
		switch {
		case len(hits) == 1:
			c := hits[0].col(name)
			return recursiveDate(hits[0], c, sqltext.Ident(hits[0].ref)+"."+sqltext.Ident(c.dolt)), *c, nil
		case len(hits) > 1:
			// PostgreSQL allows this only for the columns of JOIN ... USING
			// and NATURAL JOIN, which MySQL resolves the same way.
			c := hits[0].col(name)
			for _, h := range hits[1:] {
				if h.col(name).dolt != c.dolt {
					return "", Column{}, fmt.Errorf("column reference %q is ambiguous", name)
				}
			}
			return sqltext.Ident(c.dolt), *c, nil
		}
		if s == vs {
			if o, ok := s.outputs[name]; ok {
				return o.sql, o.col, nil
			}
		}
	}
	return "", Column{}, fmt.Errorf("column or whole-row reference %q is not in the FROM clause", name)
}

// figureColname is the name PostgreSQL gives a select-list item without
// AS (its FigureColname rules): a column's name, a function's name, and
// so on, else "?column?".
func figureColname(n *pg.Node) string {
	switch e := n.Node.(type) {
	case *pg.Node_ColumnRef:
		f := strList(e.ColumnRef.Fields)
		if len(f) > 0 && f[len(f)-1] != "" {
			return f[len(f)-1]
		}
	case *pg.Node_FuncCall:
		fn := strList(e.FuncCall.Funcname)
		return fn[len(fn)-1]
	case *pg.Node_TypeCast:
		if name := figureColname(e.TypeCast.Arg); name != "?column?" {
			return name
		}
		_, tn := typeNameParts(e.TypeCast.TypeName)
		return tn
	case *pg.Node_CaseExpr:
		return "case"
	case *pg.Node_CoalesceExpr:
		return "coalesce"
	case *pg.Node_MinMaxExpr:
		if e.MinMaxExpr.Op == pg.MinMaxOp_IS_LEAST {
			return "least"
		}
		return "greatest"
	case *pg.Node_AArrayExpr:
		return "array"
	case *pg.Node_SubLink:
		switch e.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK:
			return "exists"
		case pg.SubLinkType_ARRAY_SUBLINK:
			return "array"
		case pg.SubLinkType_EXPR_SUBLINK:
			if sel := e.SubLink.Subselect.GetSelectStmt(); sel != nil && len(sel.TargetList) == 1 {
				rt := sel.TargetList[0].GetResTarget()
				if rt.Name != "" {
					return rt.Name
				}
				return figureColname(rt.Val)
			}
		}
	case *pg.Node_SqlvalueFunction:
		return strings.ToLower(svfName(e.SqlvalueFunction.Op))
	}
	return "?column?"
}

func nodeName(n *pg.Node) string {
	if n == nil || n.Node == nil {
		return "(empty)"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_")
}
