package translate

// PL/pgSQL trigger function bodies, as pg_query's PL/pgSQL parser
// (pg_query.ParsePlPgSqlToJSON) prints them, translated to the statements
// of a MySQL trigger body (MySQL 8.0 reference manual 15.6, "Compound
// statement syntax"; Dolt docs, "Triggers"). The subset: assignments to
// NEW.col, IF / ELSIF / ELSE, RETURN NEW / OLD / NULL as the last
// statement, RAISE EXCEPTION (SIGNAL SQLSTATE '45000'), RAISE of a lower
// level (dropped), and single-row INSERT ... VALUES, UPDATE and DELETE on
// tables pgcopy creates. Anything else is an error naming the construct;
// the trigger is then reported as skipped.

import (
	"encoding/json"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/viewsql"
)

// plFunc is the part of pg_query's PLpgSQL_function JSON that pgcopy reads.
type plFunc struct {
	NewVarno int                          `json:"new_varno"`
	OldVarno int                          `json:"old_varno"`
	Datums   []map[string]json.RawMessage `json:"datums"`
	Action   map[string]json.RawMessage   `json:"action"`
}

type plExpr struct {
	PLpgSQLExpr struct {
		Query string `json:"query"`
	} `json:"PLpgSQL_expr"`
}

type plBlock struct {
	Body       []map[string]json.RawMessage `json:"body"`
	Exceptions json.RawMessage              `json:"exceptions"`
	Label      string                       `json:"label"`
}

type plRecfield struct {
	Fieldname   string `json:"fieldname"`
	Recparentno int    `json:"recparentno"`
}

// parsePlFunc parses the CREATE FUNCTION statement text of a PL/pgSQL
// function with pg_query's PL/pgSQL parser.
func parsePlFunc(text string) (*plFunc, error) {
	js, err := pg.ParsePlPgSqlToJSON(text)
	if err != nil {
		return nil, fmt.Errorf("PL/pgSQL parser: %v", err)
	}
	var fs []struct {
		F *plFunc `json:"PLpgSQL_function"`
	}
	if err := json.Unmarshal([]byte(js), &fs); err != nil {
		return nil, fmt.Errorf("PL/pgSQL parser output: %v", err)
	}
	if len(fs) != 1 || fs[0].F == nil {
		return nil, fmt.Errorf("PL/pgSQL parser returned %d functions", len(fs))
	}
	return fs[0].F, nil
}

// plCtx is one trigger event's translation of a function body.
type plCtx struct {
	t      *Translator
	f      *plFunc
	tb     *table // the trigger's table
	db     string // the trigger's Dolt database
	event  string // INSERT, UPDATE or DELETE
	before bool
	notes  []string // what changed (dropped RAISE NOTICE ...)
	// needMsg is set when a RAISE EXCEPTION builds its message in msgVar.
	needMsg bool
}

// elogError is PostgreSQL's ERROR level (RAISE EXCEPTION) in pg_query's
// elog_level.
const elogError = 21

// msgVar is the local variable a trigger body declares for a RAISE
// EXCEPTION message with parameters.
const msgVar = "pgcopy_msg"

// body translates the function's top block: its statements, without the
// final RETURN, which is checked against the trigger's timing.
func (c *plCtx) body() ([]string, error) {
	raw, ok := c.f.Action["PLpgSQL_stmt_block"]
	if !ok {
		return nil, fmt.Errorf("function body is not a block")
	}
	var b plBlock
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, err
	}
	if len(b.Exceptions) > 0 && string(b.Exceptions) != "null" {
		return nil, fmt.Errorf("EXCEPTION handler block")
	}
	stmts := b.Body
	if len(stmts) == 0 {
		return nil, fmt.Errorf("empty function body")
	}
	last := stmts[len(stmts)-1]
	rr, ok := last["PLpgSQL_stmt_return"]
	if !ok {
		return nil, fmt.Errorf("function does not end with RETURN")
	}
	// a RAISE EXCEPTION right before the RETURN (fnb's "You may not
	// delete the application!", where PL/pgSQL adds the RETURN) makes it
	// unreachable
	if !raisesError(stmts[:len(stmts)-1]) {
		if err := c.finalReturn(rr); err != nil {
			return nil, err
		}
	}
	return c.stmts(stmts[:len(stmts)-1])
}

// finalReturn checks the RETURN that ends the function: a BEFORE trigger
// returns the row it was given (NEW, or OLD for DELETE); an AFTER
// trigger's result is ignored (NULL, NEW or OLD).
func (c *plCtx) finalReturn(raw json.RawMessage) error {
	var r struct {
		Expr   *plExpr `json:"expr"`
		Retvar int     `json:"retvarno"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return err
	}
	what := ""
	if r.Expr != nil {
		what = strings.ToUpper(strings.TrimSpace(r.Expr.PLpgSQLExpr.Query))
	}
	if !c.before {
		return nil // PostgreSQL ignores an AFTER row trigger's result
	}
	want := "NEW"
	if c.event == "DELETE" {
		want = "OLD"
	}
	if what == want {
		return nil
	}
	if what == "NULL" || what == "" {
		return fmt.Errorf("RETURN NULL in a BEFORE trigger (it cancels the row operation; Dolt cannot)")
	}
	return fmt.Errorf("RETURN %s in a BEFORE %s trigger (Dolt stores the row as given)", what, c.event)
}

func (c *plCtx) stmts(list []map[string]json.RawMessage) ([]string, error) {
	var out []string
	for _, st := range list {
		for kind, raw := range st {
			s, err := c.stmt(kind, raw)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
		}
	}
	return out, nil
}

func (c *plCtx) stmt(kind string, raw json.RawMessage) ([]string, error) {
	switch kind {
	case "PLpgSQL_stmt_assign":
		var a struct {
			Varno int    `json:"varno"`
			Expr  plExpr `json:"expr"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, err
		}
		return c.assign(a.Varno, a.Expr.PLpgSQLExpr.Query)
	case "PLpgSQL_stmt_if":
		var s struct {
			Cond   plExpr                       `json:"cond"`
			Then   []map[string]json.RawMessage `json:"then_body"`
			Elsifs []struct {
				E struct {
					Cond  plExpr                       `json:"cond"`
					Stmts []map[string]json.RawMessage `json:"stmts"`
				} `json:"PLpgSQL_if_elsif"`
			} `json:"elsif_list"`
			Else []map[string]json.RawMessage `json:"else_body"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		var out []string
		branch := func(head, cond string, body []map[string]json.RawMessage) error {
			line := head
			if cond != "" || head != "ELSE" {
				e, err := c.sqlExpr(cond)
				if err != nil {
					return err
				}
				line += " " + e + " THEN"
			}
			b, err := c.stmts(body)
			if err != nil {
				return err
			}
			if len(b) == 0 {
				return fmt.Errorf("empty IF branch")
			}
			out = append(out, line)
			for _, x := range b {
				out = append(out, "  "+x)
			}
			return nil
		}
		if err := branch("IF", s.Cond.PLpgSQLExpr.Query, s.Then); err != nil {
			return nil, err
		}
		for _, ei := range s.Elsifs {
			if err := branch("ELSEIF", ei.E.Cond.PLpgSQLExpr.Query, ei.E.Stmts); err != nil {
				return nil, err
			}
		}
		if len(s.Else) > 0 {
			if err := branch("ELSE", "", s.Else); err != nil {
				return nil, err
			}
		}
		return append(out, "END IF;"), nil
	case "PLpgSQL_stmt_raise":
		return c.raise(raw)
	case "PLpgSQL_stmt_execsql":
		var s struct {
			SQL  plExpr `json:"sqlstmt"`
			Into bool   `json:"into"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		if s.Into {
			return nil, fmt.Errorf("SELECT ... INTO")
		}
		q, err := c.dml(s.SQL.PLpgSQLExpr.Query)
		if err != nil {
			return nil, err
		}
		return []string{q + ";"}, nil
	case "PLpgSQL_stmt_return":
		return nil, fmt.Errorf("RETURN before the end of the function")
	case "PLpgSQL_stmt_dynexecute", "PLpgSQL_stmt_dynfors":
		return nil, fmt.Errorf("dynamic SQL (EXECUTE)")
	case "PLpgSQL_stmt_fors", "PLpgSQL_stmt_forc", "PLpgSQL_stmt_foreach_a":
		return nil, fmt.Errorf("loop over a query (FOR ... IN)")
	case "PLpgSQL_stmt_return_next", "PLpgSQL_stmt_return_query":
		return nil, fmt.Errorf("set-returning function (RETURN NEXT / RETURN QUERY)")
	case "PLpgSQL_stmt_perform":
		return nil, fmt.Errorf("PERFORM")
	}
	return nil, fmt.Errorf("PL/pgSQL statement %s", strings.ToUpper(strings.TrimPrefix(kind, "PLpgSQL_stmt_")))
}

// assign translates NEW.col := expr; the target is pg_query's datum varno,
// the value is the expression after the := or = token (found with
// PostgreSQL's lexer, pg_query.Scan).
func (c *plCtx) assign(varno int, query string) ([]string, error) {
	if varno < 0 || varno >= len(c.f.Datums) {
		return nil, fmt.Errorf("assignment to an unknown variable")
	}
	rf, ok := c.f.Datums[varno]["PLpgSQL_recfield"]
	if !ok {
		return nil, fmt.Errorf("assignment to a local variable")
	}
	var f plRecfield
	if err := json.Unmarshal(rf, &f); err != nil {
		return nil, err
	}
	if f.Recparentno != c.f.NewVarno {
		return nil, fmt.Errorf("assignment to OLD.%s", f.Fieldname)
	}
	if !c.before {
		return nil, fmt.Errorf("assignment to NEW.%s in an AFTER trigger", f.Fieldname)
	}
	if c.event == "DELETE" {
		return nil, fmt.Errorf("assignment to NEW.%s in a DELETE trigger", f.Fieldname)
	}
	col := c.tb.root().out.ColumnByPG(f.Fieldname)
	if col == nil {
		return nil, fmt.Errorf("assignment to NEW.%s, which is not a column pgcopy creates", f.Fieldname)
	}
	sc, err := pg.Scan(query)
	if err != nil {
		return nil, fmt.Errorf("assignment %q: %v", query, err)
	}
	rhs := ""
	for _, tok := range sc.Tokens {
		if tok.Token == pg.Token_COLON_EQUALS || tok.Token == pg.Token_ASCII_61 {
			rhs = query[tok.End:]
			break
		}
	}
	if rhs == "" {
		return nil, fmt.Errorf("assignment %q", query)
	}
	e, err := c.sqlExpr(rhs)
	if err != nil {
		return nil, err
	}
	// the current time on a date or timestamp column is what a DEFAULT of
	// now() stores (nowDefault): UTC_TIMESTAMP(p) on a timestamptz column,
	// which pgcopy keeps in UTC (pagila's last_update)
	switch e {
	case "CURRENT_TIMESTAMP(6)", "UTC_TIMESTAMP(6)":
		if k := col.Codec.Kind; k == vTimestamp || k == vTimestampTZ || k == vDate {
			e = strings.TrimSuffix(strings.TrimPrefix(nowDefault(col, false), "("), ")")
		}
	}
	return []string{"SET NEW." + sqltext.Ident(col.Name) + " = " + e + ";"}, nil
}

// raise translates RAISE EXCEPTION 'msg %', args to SIGNAL SQLSTATE
// '45000' (MySQL 8.0 reference manual 15.6.7.7); lower levels (NOTICE,
// WARNING, ...) only send a message and are dropped, noted as a change.
func (c *plCtx) raise(raw json.RawMessage) ([]string, error) {
	var r struct {
		Level   int      `json:"elog_level"`
		Cond    string   `json:"condname"`
		Message string   `json:"message"`
		Params  []plExpr `json:"params"`
		Options json.RawMessage
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, err
	}
	if r.Level < elogError {
		c.notes = append(c.notes, "RAISE of a level below EXCEPTION dropped (Dolt triggers send no notices)")
		return nil, nil
	}
	var opts map[string]json.RawMessage
	_ = json.Unmarshal(raw, &opts)
	if _, ok := opts["options"]; ok || r.Cond != "" {
		return nil, fmt.Errorf("RAISE with a condition or USING options")
	}
	// The format's % placeholders take the parameters in order; %% is a %.
	var parts []string
	var lit strings.Builder
	p := 0
	msg := r.Message
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			lit.WriteByte(msg[i])
			continue
		}
		if i+1 < len(msg) && msg[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		if p >= len(r.Params) {
			return nil, fmt.Errorf("RAISE format has more %% than parameters")
		}
		if lit.Len() > 0 {
			parts = append(parts, sqltext.String(lit.String()))
			lit.Reset()
		}
		e, err := c.sqlExpr(r.Params[p].PLpgSQLExpr.Query)
		if err != nil {
			return nil, err
		}
		parts = append(parts, "COALESCE("+e+", '<NULL>')")
		p++
	}
	if lit.Len() > 0 || len(parts) == 0 {
		parts = append(parts, sqltext.String(lit.String()))
	}
	if len(parts) == 1 {
		return []string{"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = " + parts[0] + ";"}, nil
	}
	// MESSAGE_TEXT takes only a literal or a variable (Dolt 1.83: "syntax
	// error near 'concat'"), so the message goes through a local variable
	// that the trigger body declares (msgVar).
	c.needMsg = true
	return []string{
		"SET " + msgVar + " = CONCAT(" + strings.Join(parts, ", ") + ");",
		"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = " + msgVar + ";",
	}, nil
}

// parseExpr parses one PostgreSQL expression.
func parseExpr(s string) (*pg.Node, error) {
	res, err := pg.Parse("SELECT " + s)
	if err != nil {
		return nil, fmt.Errorf("expression %q: %v", s, err)
	}
	if len(res.Stmts) != 1 {
		return nil, fmt.Errorf("expression %q", s)
	}
	sel := res.Stmts[0].Stmt.GetSelectStmt()
	if sel == nil || len(sel.TargetList) != 1 || sel.FromClause != nil {
		return nil, fmt.Errorf("expression %q is a query", s)
	}
	return sel.TargetList[0].GetResTarget().GetVal(), nil
}

func (c *plCtx) sqlExpr(s string) (string, error) {
	n, err := parseExpr(s)
	if err != nil {
		return "", err
	}
	return c.node(n, nil)
}

// rowMark stands for NEW.col / OLD.col in a rewritten column reference;
// no PostgreSQL identifier holds a NUL byte.
const rowMark = "\x00"

// node translates an expression of the trigger: NEW.col and OLD.col
// become the Dolt row references (or NULL where PostgreSQL's row is NULL:
// OLD in INSERT, NEW in DELETE); a bare column name is a column of other,
// the table a DML statement writes, and an error elsewhere.
func (c *plCtx) node(n *pg.Node, other *table) (string, error) {
	n = proto.Clone(n).(*pg.Node)
	markRows(n)
	root := c.tb.root().out
	sc := viewsql.Scalar{Column: func(name string) (string, error) {
		if rec, col, ok := strings.Cut(name, rowMark); ok && name[0] == 0 {
			rec, col, _ = strings.Cut(col, rowMark)
			if (rec == "old" && c.event == "INSERT") || (rec == "new" && c.event == "DELETE") {
				return "NULL", nil
			}
			oc := root.ColumnByPG(col)
			if oc == nil {
				return "", fmt.Errorf("%s.%s is not a column pgcopy creates", strings.ToUpper(rec), col)
			}
			return strings.ToUpper(rec) + "." + sqltext.Ident(oc.Name), nil
		}
		if other != nil {
			if oc := other.root().out.ColumnByPG(name); oc != nil {
				return sqltext.Ident(oc.Name), nil
			}
		}
		return "", fmt.Errorf("name %q (only NEW.col and OLD.col are translated)", name)
	}}
	return viewsql.Expr(viewCatalog{c.t}, n, sc)
}

// markRows rewrites every column reference new.col / old.col of n into a
// one-field reference rowMark+"new"+rowMark+col.
func markRows(n *pg.Node) {
	walkColumnRefs(n, func(cr *pg.ColumnRef) {
		f := strList(cr.Fields)
		if len(f) == 2 && (f[0] == "new" || f[0] == "old") {
			cr.Fields = []*pg.Node{pg.MakeStrNode(rowMark + f[0] + rowMark + f[1])}
		}
	})
}

// bareToNew rewrites every one-field column reference col of n into
// new.col.
func bareToNew(n *pg.Node) {
	walkColumnRefs(n, func(cr *pg.ColumnRef) {
		if f := strList(cr.Fields); len(f) == 1 && f[0] != "" {
			cr.Fields = []*pg.Node{pg.MakeStrNode("new"), pg.MakeStrNode(f[0])}
		}
	})
}

// walkColumnRefs calls fn on every ColumnRef in n's tree.
func walkColumnRefs(n *pg.Node, fn func(*pg.ColumnRef)) {
	var visit func(m protoreflect.Message)
	visit = func(m protoreflect.Message) {
		if cr, ok := m.Interface().(*pg.ColumnRef); ok {
			fn(cr)
			return
		}
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			switch {
			case fd.IsList() && fd.Message() != nil:
				l := v.List()
				for i := 0; i < l.Len(); i++ {
					visit(l.Get(i).Message())
				}
			case fd.IsMap():
			case fd.Message() != nil:
				visit(v.Message())
			}
			return true
		})
	}
	if n != nil {
		visit(n.ProtoReflect())
	}
}

// raisesError says whether the last statement of list is a RAISE
// EXCEPTION (a level of ERROR or above), which never returns.
func raisesError(list []map[string]json.RawMessage) bool {
	if len(list) == 0 {
		return false
	}
	raw, ok := list[len(list)-1]["PLpgSQL_stmt_raise"]
	if !ok {
		return false
	}
	var r struct {
		Level int `json:"elog_level"`
	}
	return json.Unmarshal(raw, &r) == nil && r.Level >= elogError
}
