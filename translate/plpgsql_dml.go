package translate

import (
	"encoding/json"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// dml translates one SQL statement of a trigger function body: INSERT ...
// VALUES (one or more rows, no ON CONFLICT, no RETURNING), UPDATE ... SET
// col = expr [WHERE ...] and DELETE ... [WHERE ...] (no FROM / USING, no
// RETURNING) on a table pgcopy creates, other than the trigger's own
// (MySQL error 1442: a trigger cannot write the table it is on; see
// selfUpdate for the one rewrite pgcopy makes).
func (c *plCtx) dml(query string) (string, error) {
	res, err := pg.Parse(query)
	if err != nil {
		return "", fmt.Errorf("statement %q: %v", query, err)
	}
	if len(res.Stmts) != 1 {
		return "", fmt.Errorf("statement %q", query)
	}
	switch s := res.Stmts[0].Stmt.Node.(type) {
	case *pg.Node_InsertStmt:
		in := s.InsertStmt
		tb, name, err := c.dmlTable(in.Relation)
		if err != nil {
			return "", err
		}
		if in.OnConflictClause != nil || len(in.ReturningList) > 0 || in.WithClause != nil {
			return "", fmt.Errorf("INSERT with ON CONFLICT, RETURNING or WITH")
		}
		sel := in.GetSelectStmt().GetSelectStmt()
		if sel == nil || len(sel.ValuesLists) == 0 {
			return "", fmt.Errorf("INSERT ... SELECT (only INSERT ... VALUES is translated)")
		}
		var cols []string
		for _, n := range in.Cols {
			rt := n.GetResTarget()
			if len(rt.Indirection) > 0 {
				return "", fmt.Errorf("INSERT into a subfield")
			}
			oc := tb.root().out.ColumnByPG(rt.Name)
			if oc == nil {
				return "", fmt.Errorf("INSERT into %s.%s, which is not a column pgcopy creates", tb.pg, rt.Name)
			}
			cols = append(cols, sqltext.Ident(oc.Name))
		}
		var rows []string
		for _, vl := range sel.ValuesLists {
			var vals []string
			for _, v := range vl.GetList().GetItems() {
				if v.GetSetToDefault() != nil {
					vals = append(vals, "DEFAULT")
					continue
				}
				e, err := c.node(v, nil)
				if err != nil {
					return "", err
				}
				vals = append(vals, e)
			}
			rows = append(rows, "("+strings.Join(vals, ", ")+")")
		}
		q := "INSERT INTO " + name
		if len(cols) > 0 {
			q += " (" + strings.Join(cols, ", ") + ")"
		}
		return q + " VALUES " + strings.Join(rows, ", "), nil
	case *pg.Node_UpdateStmt:
		up := s.UpdateStmt
		tb, name, err := c.dmlTable(up.Relation)
		if err != nil {
			return "", err
		}
		if len(up.FromClause) > 0 || len(up.ReturningList) > 0 || up.WithClause != nil {
			return "", fmt.Errorf("UPDATE with FROM, RETURNING or WITH")
		}
		sets, err := c.setList(up.TargetList, tb)
		if err != nil {
			return "", err
		}
		q := "UPDATE " + name + " SET " + strings.Join(sets, ", ")
		if up.WhereClause != nil {
			w, err := c.node(up.WhereClause, tb)
			if err != nil {
				return "", err
			}
			q += " WHERE " + w
		}
		return q, nil
	case *pg.Node_DeleteStmt:
		del := s.DeleteStmt
		tb, name, err := c.dmlTable(del.Relation)
		if err != nil {
			return "", err
		}
		if len(del.UsingClause) > 0 || len(del.ReturningList) > 0 || del.WithClause != nil {
			return "", fmt.Errorf("DELETE with USING, RETURNING or WITH")
		}
		q := "DELETE FROM " + name
		if del.WhereClause != nil {
			w, err := c.node(del.WhereClause, tb)
			if err != nil {
				return "", err
			}
			q += " WHERE " + w
		}
		return q, nil
	case *pg.Node_SelectStmt:
		return "", fmt.Errorf("SELECT / PERFORM statement")
	}
	return "", fmt.Errorf("SQL statement %q (only INSERT, UPDATE and DELETE are translated)", firstLine(query))
}

func (c *plCtx) setList(targets []*pg.Node, tb *table) ([]string, error) {
	var sets []string
	for _, n := range targets {
		rt := n.GetResTarget()
		if len(rt.Indirection) > 0 || rt.Val.GetMultiAssignRef() != nil {
			return nil, fmt.Errorf("UPDATE of a subfield or a column list")
		}
		oc := tb.root().out.ColumnByPG(rt.Name)
		if oc == nil {
			return nil, fmt.Errorf("UPDATE of %s.%s, which is not a column pgcopy creates", tb.pg, rt.Name)
		}
		e, err := c.node(rt.Val, tb)
		if err != nil {
			return nil, err
		}
		sets = append(sets, sqltext.Ident(oc.Name)+" = "+e)
	}
	return sets, nil
}

// dmlTable resolves the table a statement of the body writes, as its Dolt
// name (qualified when it lives in another Dolt database).
func (c *plCtx) dmlTable(rv *pg.RangeVar) (*table, string, error) {
	if rv.Alias != nil {
		return nil, "", fmt.Errorf("table alias in a statement of the body")
	}
	tb := c.t.lookup(rv)
	if tb == nil || tb.root().out == nil {
		return nil, "", fmt.Errorf("it writes %s, which is not a table pgcopy creates", c.t.refName(rv))
	}
	if tb.root() == c.tb.root() {
		return nil, "", fmt.Errorf("it writes its own table %s (MySQL error 1442: a trigger cannot modify the table it is on)", tb.pg)
	}
	out := tb.root().out
	name := sqltext.Ident(out.Name)
	if out.Database != c.db {
		name = sqltext.Ident(out.Database) + "." + name
	}
	return tb, name, nil
}

// selfUpdate is the one rewrite of a write to the trigger's own table: an
// AFTER INSERT or UPDATE trigger whose function's only statement (before
// RETURN) is UPDATE own SET c = e, ... WHERE pk1 = NEW.pk1 AND ..., over
// exactly the primary key, sets the same row: it becomes a BEFORE trigger
// that sets NEW.c = e (with bare column names read as NEW's), which stores
// the same row. ok is false when the body is not of that shape.
func (c *plCtx) selfUpdate() (stmts []string, ok bool) {
	raw := c.f.Action["PLpgSQL_stmt_block"]
	var b plBlock
	if raw == nil || json.Unmarshal(raw, &b) != nil || len(b.Body) != 2 {
		return nil, false
	}
	if _, ok := b.Body[1]["PLpgSQL_stmt_return"]; !ok {
		return nil, false
	}
	var es struct {
		SQL  plExpr `json:"sqlstmt"`
		Into bool   `json:"into"`
	}
	if r, ok := b.Body[0]["PLpgSQL_stmt_execsql"]; !ok || json.Unmarshal(r, &es) != nil || es.Into {
		return nil, false
	}
	res, err := pg.Parse(es.SQL.PLpgSQLExpr.Query)
	if err != nil || len(res.Stmts) != 1 {
		return nil, false
	}
	up := res.Stmts[0].Stmt.GetUpdateStmt()
	if up == nil || len(up.FromClause) > 0 || len(up.ReturningList) > 0 || up.WithClause != nil || up.WhereClause == nil || up.Relation.Alias != nil {
		return nil, false
	}
	tb := c.t.lookup(up.Relation)
	if tb == nil || tb.root() != c.tb.root() {
		return nil, false
	}
	out := tb.root().out
	if len(out.PrimaryKey) == 0 {
		return nil, false
	}
	// WHERE is pk1 = NEW.pk1 AND ... over exactly the primary key.
	var conj []*pg.Node
	var flatten func(n *pg.Node) bool
	flatten = func(n *pg.Node) bool {
		if be := n.GetBoolExpr(); be != nil {
			if be.Boolop != pg.BoolExprType_AND_EXPR {
				return false
			}
			for _, a := range be.Args {
				if !flatten(a) {
					return false
				}
			}
			return true
		}
		conj = append(conj, n)
		return true
	}
	if !flatten(up.WhereClause) {
		return nil, false
	}
	seen := map[string]bool{}
	for _, n := range conj {
		ae := n.GetAExpr()
		if ae == nil || ae.Kind != pg.A_Expr_Kind_AEXPR_OP || strings.Join(strList(ae.Name), "") != "=" {
			return nil, false
		}
		l, r := strList(ae.Lexpr.GetColumnRef().GetFields()), strList(ae.Rexpr.GetColumnRef().GetFields())
		if len(l) == 2 && len(r) == 1 {
			l, r = r, l
		}
		if len(l) != 1 || len(r) != 2 || r[0] != "new" || r[1] != l[0] {
			return nil, false
		}
		oc := out.ColumnByPG(l[0])
		if oc == nil {
			return nil, false
		}
		seen[strings.ToLower(oc.Name)] = true
	}
	if len(seen) != len(out.PrimaryKey) || len(conj) != len(seen) {
		return nil, false
	}
	for _, k := range out.PrimaryKey {
		if !seen[strings.ToLower(k)] {
			return nil, false
		}
	}
	// SET c = e with bare columns read as NEW's (the row being stored).
	for _, n := range up.TargetList {
		rt := n.GetResTarget()
		if len(rt.Indirection) > 0 || rt.Val.GetMultiAssignRef() != nil {
			return nil, false
		}
		oc := out.ColumnByPG(rt.Name)
		if oc == nil || seen[strings.ToLower(oc.Name)] {
			return nil, false
		}
		val := proto.Clone(rt.Val).(*pg.Node)
		bareToNew(val)
		e, err := c.node(val, nil)
		if err != nil {
			return nil, false
		}
		stmts = append(stmts, "SET NEW."+sqltext.Ident(oc.Name)+" = "+e+";")
	}
	return stmts, true
}
