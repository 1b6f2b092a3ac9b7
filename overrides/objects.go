package overrides

import (
	"regexp"
	"strings"

	"github.com/dolthub/vitess/go/vt/sqlparser"

	"github.com/pgcopy/pgcopy/internal/dump"
)

// Object is one handwritten CREATE VIEW, CREATE TRIGGER or CREATE
// PROCEDURE of a .sql override file, parsed with Dolt's own SQL parser. It
// replaces the dump's object of the same name (translate matches it).
type Object struct {
	Kind  string   // "VIEW", "TRIGGER" or "PROCEDURE"
	Name  string   // the view, trigger or procedure name, as written (no database)
	Table string   // a trigger's table (ON table), as written; "" otherwise
	Pos   dump.Pos // the CREATE line
	// SQL is the statement as written, without its trailing semicolon.
	SQL string
	// Query is a view's SELECT (Dolt's rendering of its parse tree), and
	// Columns its column list when the statement names one.
	Query   string
	Columns []string
	// Reads are the tables and views the statement names (FROM, JOIN,
	// INSERT INTO, ...), lower case, without a database: translate orders
	// views by them.
	Reads []string
}

// routineStart matches a statement that may hold a BEGIN ... END body
// with semicolons inside, which SplitStatementToPieces cuts apart.
var routineStart = regexp.MustCompile(`(?is)^CREATE\s+(DEFINER\s*=\s*\S+\s+)?(TRIGGER|PROCEDURE|FUNCTION)\b`)

// isObject reports whether a statement is a CREATE VIEW, TRIGGER,
// PROCEDURE or FUNCTION rather than a CREATE TABLE.
var objectStart = regexp.MustCompile(`(?is)^CREATE\s+(OR\s+REPLACE\s+)?(ALGORITHM\s*=\s*\S+\s+)?(DEFINER\s*=\s*\S+\s+)?(SQL\s+SECURITY\s+\S+\s+)?(VIEW|TRIGGER|PROCEDURE|FUNCTION)\b`)

// parseObject reads one CREATE VIEW / TRIGGER / PROCEDURE statement; a
// CREATE FUNCTION is an error, since Dolt's parser (and Dolt 1.83.2)
// rejects it.
func parseObject(pos dump.Pos, body string, st sqlparser.Statement) (*Object, error) {
	fail := func(format string, args ...any) error { return ddlError(pos, 0, format, args...) }
	ddl, ok := st.(*sqlparser.DDL)
	if !ok || ddl.Action != sqlparser.CreateStr {
		return nil, fail("only CREATE TABLE, CREATE VIEW, CREATE TRIGGER and CREATE PROCEDURE statements are read from .sql override files")
	}
	o := &Object{Pos: pos, SQL: strings.TrimSpace(body)}
	switch {
	case ddl.ViewSpec != nil:
		vs := ddl.ViewSpec
		if !vs.ViewName.DbQualifier.IsEmpty() {
			return nil, fail("view %s.%s: write the view name without a database", vs.ViewName.DbQualifier.String(), vs.ViewName.Name.String())
		}
		o.Kind, o.Name = "VIEW", vs.ViewName.Name.String()
		o.Query = sqlparser.String(vs.ViewExpr)
		for _, c := range vs.Columns {
			o.Columns = append(o.Columns, c.String())
		}
	case ddl.TriggerSpec != nil:
		o.Kind, o.Name = "TRIGGER", ddl.TriggerSpec.TrigName.Name.String()
		if !ddl.TriggerSpec.TrigName.Qualifier.IsEmpty() || !ddl.Table.DbQualifier.IsEmpty() {
			return nil, fail("trigger %s: write the trigger and table names without a database", o.Name)
		}
		o.Table = ddl.Table.Name.String()
	case ddl.ProcedureSpec != nil:
		o.Kind, o.Name = "PROCEDURE", ddl.ProcedureSpec.ProcName.Name.String()
		if !ddl.ProcedureSpec.ProcName.Qualifier.IsEmpty() {
			return nil, fail("procedure %s: write the procedure name without a database", o.Name)
		}
	default:
		return nil, fail("only CREATE TABLE, CREATE VIEW, CREATE TRIGGER and CREATE PROCEDURE statements are read from .sql override files")
	}
	seen := map[string]bool{}
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		if tn, ok := n.(sqlparser.TableName); ok && !tn.Name.IsEmpty() {
			name := strings.ToLower(tn.Name.String())
			if !seen[name] {
				seen[name] = true
				o.Reads = append(o.Reads, name)
			}
		}
		return true, nil
	}, st)
	return o, nil
}
