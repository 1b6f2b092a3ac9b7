package overrides

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dolthub/vitess/go/vt/sqlparser"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// DDL is one whole-table override: a CREATE TABLE statement of a .sql
// file, as the Dolt table it describes.
type DDL struct {
	Pos   dump.Pos      // the CREATE TABLE line
	Table *schema.Table // Name, Columns (PGName and Type.Raw empty), keys, indexes, foreign keys, checks
	// ColumnPos is the line of each column definition, by the column's
	// index in Table.Columns.
	ColumnPos []dump.Pos
	// Charset is the table's DEFAULT CHARSET option, "" when absent; its
	// COLLATE option is already applied to every string column without
	// its own collation.
	Charset string
}

const hintDDL = "write the file as MySQL-dialect CREATE TABLE statements, as SHOW CREATE TABLE prints them"

// ParseSQL reads the CREATE TABLE statements of one .sql file, parsed with
// Dolt's SQL parser (github.com/dolthub/vitess/go/vt/sqlparser); name is
// used in positions. A CREATE VIEW, TRIGGER or PROCEDURE in the file is
// returned by [ParseSQLFile] only.
func ParseSQL(name string, data []byte) ([]*DDL, error) {
	ddls, _, err := ParseSQLFile(name, data)
	return ddls, err
}

// ParseSQLFile reads every statement of one .sql override file: CREATE
// TABLE statements as [DDL], CREATE VIEW, CREATE TRIGGER and CREATE
// PROCEDURE as [Object]. A trigger or procedure body BEGIN ... END may
// hold semicolons; no DELIMITER line is needed. Every error names
// name:line.
func ParseSQLFile(name string, data []byte) ([]*DDL, []*Object, error) {
	text := string(data)
	pieces, err := sqlparser.SplitStatementToPieces(text)
	if err != nil {
		return nil, nil, diag.New(dump.Pos{File: name, Line: 1}, "", "", fmt.Errorf("overrides: %v", err), hintDDL)
	}
	// the offset of each piece in text
	offs := make([]int, len(pieces))
	from := 0
	for i, piece := range pieces {
		off := strings.Index(text[from:], piece)
		if off < 0 {
			off = 0
		}
		off += from
		from = off + len(piece)
		offs[i] = off
	}
	var out []*DDL
	var objs []*Object
	var errs []error
	for i := 0; i < len(pieces); i++ {
		piece := pieces[i]
		body := strings.TrimLeft(stripLeadingComments(piece), " \t\r\n")
		if strings.TrimSpace(body) == "" {
			continue
		}
		start := offs[i] + strings.Index(piece, body)
		pos := dump.Pos{File: name, Line: 1 + strings.Count(text[:start], "\n")}
		if !objectStart.MatchString(body) {
			d, err := parseCreate(pos, body)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out = append(out, d)
			continue
		}
		st, perr := sqlparser.Parse(body)
		if perr != nil && routineStart.MatchString(body) {
			// a BEGIN ... END body: join the following pieces until the
			// statement parses
			for j := i + 1; j < len(pieces); j++ {
				whole := text[start : offs[j]+len(pieces[j])]
				if st2, err2 := sqlparser.Parse(whole); err2 == nil {
					st, perr, body, i = st2, nil, whole, j
					break
				}
			}
		}
		if perr != nil {
			errs = append(errs, parseFailure(pos, body, perr))
			continue
		}
		o, err := parseObject(pos, body, st)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		objs = append(objs, o)
	}
	if len(out) == 0 && len(objs) == 0 && len(errs) == 0 {
		errs = append(errs, diag.New(dump.Pos{File: name, Line: 1}, "", "", errors.New("overrides: the file holds no CREATE TABLE, VIEW, TRIGGER or PROCEDURE statement"), hintDDL))
	}
	return out, objs, errors.Join(errs...)
}

// ddlError is an override-file error at pos (or at line, when > 0).
func ddlError(pos dump.Pos, line int, format string, args ...any) error {
	p := pos
	if line > 0 {
		p.Line = line
	}
	return diag.New(p, "", "", fmt.Errorf("overrides: "+format, args...), hintDDL)
}

// parseFailure is Dolt's parser's error for the statement body at pos,
// at the line of the position it names. A CREATE FUNCTION always fails
// here: Dolt's parser (and Dolt 1.83.2) has no CREATE FUNCTION.
func parseFailure(pos dump.Pos, body string, err error) error {
	// "Code: INVALID_ARGUMENT\nsyntax error at position 29 near 'int'"
	msg := err.Error()
	if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
		msg = strings.TrimSpace(msg[i+1:])
	}
	line := 0
	if m := regexp.MustCompile(`at position (\d+)`).FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n <= len(body) {
			line = pos.Line + strings.Count(body[:max(n-1, 0)], "\n")
		}
	}
	if m := routineStart.FindStringSubmatch(body); m != nil && strings.EqualFold(m[2], "FUNCTION") {
		msg = "Dolt's SQL parser rejects this CREATE FUNCTION (" + msg + "); Dolt 1.83.2 has no CREATE FUNCTION: write the logic as a view expression or a CREATE PROCEDURE"
	}
	return ddlError(pos, line, "%s", msg)
}

// stripLeadingComments removes the -- , # and /* */ comments and blank
// space in front of a statement.
func stripLeadingComments(s string) string {
	for {
		t := strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(t, "--") || strings.HasPrefix(t, "#"):
			i := strings.IndexByte(t, '\n')
			if i < 0 {
				return ""
			}
			s = t[i+1:]
		case strings.HasPrefix(t, "/*") && !strings.HasPrefix(t, "/*!"):
			i := strings.Index(t, "*/")
			if i < 0 {
				return ""
			}
			s = t[i+2:]
		default:
			return t
		}
	}
}

func parseCreate(pos dump.Pos, body string) (*DDL, error) {
	fail := func(line int, format string, args ...any) error {
		p := pos
		if line > 0 {
			p.Line = line
		}
		return diag.New(p, "", "", fmt.Errorf("overrides: "+format, args...), hintDDL)
	}
	st, err := sqlparser.Parse(body)
	if err != nil {
		return nil, parseFailure(pos, body, err)
	}
	ddl, ok := st.(*sqlparser.DDL)
	if !ok || ddl.Action != sqlparser.CreateStr || ddl.TableSpec == nil {
		return nil, fail(0, "only CREATE TABLE statements (with a column list) are read from .sql override files")
	}
	if ddl.OptLike != nil || ddl.OptSelect != nil {
		return nil, fail(0, "CREATE TABLE ... LIKE / AS SELECT cannot be checked against the dump; write the columns out")
	}
	if !ddl.Table.DbQualifier.IsEmpty() {
		return nil, fail(0, "table %s.%s: write the table name without a database", ddl.Table.DbQualifier.String(), ddl.Table.Name.String())
	}
	spec := ddl.TableSpec
	if spec.PartitionOpt != nil || ddl.PartitionSpec != nil {
		return nil, fail(0, "partitioned tables are not supported in override files; Dolt has no partitions")
	}
	tb := &schema.Table{Name: ddl.Table.Name.String(), Pos: pos}
	d := &DDL{Pos: pos, Table: tb}
	var errs []error
	// lines: each column's definition is found by its name, in order.
	cursor := 0
	lineOf := func(name string) dump.Pos {
		re := regexp.MustCompile("(?i)(^|[\\s(,])`?" + regexp.QuoteMeta(name) + "`?\\s")
		if loc := re.FindStringIndex(body[cursor:]); loc != nil {
			cursor += loc[1]
			return dump.Pos{File: pos.File, Line: pos.Line + strings.Count(body[:cursor], "\n")}
		}
		return pos
	}
	// skip the "CREATE TABLE name (" part before looking for columns
	if i := strings.IndexByte(body, '('); i >= 0 {
		cursor = i
	}
	var tableCollate string
	for _, o := range spec.TableOpts {
		switch strings.ToUpper(o.Name) {
		case "AUTO_INCREMENT":
			n, err := strconv.ParseInt(o.Value, 10, 64)
			if err != nil {
				errs = append(errs, fail(0, "AUTO_INCREMENT=%s is not a number", o.Value))
			}
			tb.AutoIncrement = n
		case "COMMENT":
			tb.Comment = o.Value
		case "COLLATE":
			tableCollate = strings.ToLower(o.Value)
		case "CHARACTER SET", "CHARSET":
			d.Charset = strings.ToLower(o.Value)
		case "ENGINE":
			// Dolt has one storage engine.
		default:
			errs = append(errs, fail(0, "table option %s is not supported in override files", o.Name))
		}
	}
	if d.Charset != "" && d.Charset != "utf8mb4" && tableCollate == "" {
		errs = append(errs, fail(0, "DEFAULT CHARSET=%s needs a COLLATE= table option too (Dolt's default collation is utf8mb4_0900_bin)", d.Charset))
	}
	var consts []*sqlparser.ConstraintDefinition
	consts = append(consts, spec.Constraints...)
	for _, cd := range spec.Columns {
		ct := cd.Type
		cpos := lineOf(cd.Name.String())
		cfail := func(format string, args ...any) {
			errs = append(errs, fail(cpos.Line, "column %s: "+format, append([]any{cd.Name.String()}, args...)...))
		}
		c := &schema.Column{Name: cd.Name.String()}
		typ, err := columnType(ct)
		if err != nil {
			cfail("%v", err)
			typ = schema.LongText()
		}
		c.Type.Type = typ
		c.Collation = strings.ToLower(ct.Collate)
		if c.Collation == "" && tableCollate != "" && schema.IsString(typ) && ct.Charset == "" {
			c.Collation = tableCollate
		}
		if ct.BinaryCollate {
			cfail("the BINARY attribute is not supported; write COLLATE utf8mb4_bin")
		}
		if ct.Zerofill {
			cfail("ZEROFILL is not supported")
		}
		c.NotNull = bool(ct.NotNull)
		if ct.Default != nil {
			c.Default = sqlparser.String(ct.Default)
		}
		if ct.OnUpdate != nil {
			if c.Default == "" {
				cfail("ON UPDATE needs a DEFAULT in an override file")
			} else {
				c.Default += " ON UPDATE " + sqlparser.String(ct.OnUpdate)
			}
		}
		c.AutoIncrement = bool(ct.Autoincrement)
		if ct.Comment != nil {
			c.Comment = string(ct.Comment.Val)
		}
		if ct.GeneratedExpr != nil {
			if !ct.Stored {
				cfail("virtual generated columns are not supported; write STORED")
			}
			c.Generated = sqlparser.String(ct.GeneratedExpr)
		}
		if ct.ForeignKeyDef != nil {
			cfail("inline REFERENCES is ignored by MySQL; write CONSTRAINT name FOREIGN KEY (col) REFERENCES table (col) as a table element")
		}
		if ct.Constraint != nil {
			seen := false
			for _, k := range consts {
				if k == ct.Constraint {
					seen = true
				}
			}
			if !seen {
				consts = append(consts, ct.Constraint)
			}
		}
		switch key := columnKey(ct); key {
		case "":
		case "primary key":
			if len(tb.PrimaryKey) > 0 {
				cfail("a second primary key")
			}
			tb.PrimaryKey = []string{c.Name}
		case "unique", "unique key":
			tb.Indexes = append(tb.Indexes, &schema.Index{Name: c.Name, Unique: true, Columns: []schema.IndexColumn{{Name: c.Name}}, Pos: cpos})
		case "key":
			tb.Indexes = append(tb.Indexes, &schema.Index{Name: c.Name, Columns: []schema.IndexColumn{{Name: c.Name}}, Pos: cpos})
		default:
			cfail("%s on a column is not supported", strings.ToUpper(key))
		}
		tb.Columns = append(tb.Columns, c)
		d.ColumnPos = append(d.ColumnPos, cpos)
	}
	if len(tb.Columns) == 0 {
		errs = append(errs, fail(0, "table %s has no columns", tb.Name))
	}
	for _, ix := range spec.Indexes {
		info := ix.Info
		var cols []schema.IndexColumn
		for _, c := range ix.Columns {
			ic := schema.IndexColumn{Name: c.Column.String(), Desc: strings.EqualFold(c.Order, "desc")}
			if c.Length != nil {
				n, err := strconv.Atoi(string(c.Length.Val))
				if err != nil {
					errs = append(errs, fail(0, "index %s: prefix length %s is not a number", info.Name.String(), c.Length.Val))
				}
				ic.Prefix = n
			}
			if tb.Column(ic.Name) == nil && columnFold(tb, ic.Name) == nil {
				errs = append(errs, fail(0, "index %s names column %s, which the table does not have", info.Name.String(), ic.Name))
			} else if tb.Column(ic.Name) == nil {
				ic.Name = columnFold(tb, ic.Name).Name
			}
			cols = append(cols, ic)
		}
		switch {
		case info.Primary:
			if len(tb.PrimaryKey) > 0 {
				errs = append(errs, fail(0, "table %s has two primary keys", tb.Name))
			}
			for _, c := range cols {
				if c.Prefix > 0 {
					errs = append(errs, fail(0, "primary key column %s has a prefix length; Dolt keys whole columns only", c.Name))
				}
				tb.PrimaryKey = append(tb.PrimaryKey, c.Name)
			}
		case info.Spatial || info.Vector:
			errs = append(errs, fail(0, "index %s: %s indexes are not supported in override files", info.Name.String(), strings.ToUpper(info.Type)))
		default:
			name := info.Name.String()
			if name == "" && len(cols) > 0 {
				name = cols[0].Name
			}
			kind := ""
			if info.Fulltext {
				kind = "FULLTEXT"
			}
			tb.Indexes = append(tb.Indexes, &schema.Index{Name: uniqueIndexName(tb, name), Unique: info.Unique, Kind: kind, Columns: cols, Pos: pos})
		}
	}
	for _, pk := range tb.PrimaryKey {
		if c := tb.Column(pk); c != nil {
			c.NotNull = true
		}
	}
	nfk, nck := 0, 0
	for _, k := range consts {
		switch det := k.Details.(type) {
		case *sqlparser.ForeignKeyDefinition:
			nfk++
			fk := &schema.ForeignKey{Name: k.Name, RefTable: det.ReferencedTable.Name.String(), Pos: pos,
				OnDelete: refAction(det.OnDelete), OnUpdate: refAction(det.OnUpdate)}
			if fk.Name == "" {
				fk.Name = fmt.Sprintf("%s_ibfk_%d", tb.Name, nfk)
			}
			if !det.ReferencedTable.DbQualifier.IsEmpty() {
				errs = append(errs, fail(0, "foreign key %s references a table in another database", fk.Name))
			}
			for _, c := range det.Source {
				fk.Columns = append(fk.Columns, c.String())
			}
			for _, c := range det.ReferencedColumns {
				fk.RefColumns = append(fk.RefColumns, c.String())
			}
			if len(fk.Columns) != len(fk.RefColumns) || len(fk.Columns) == 0 {
				errs = append(errs, fail(0, "foreign key %s has %d columns but references %d", fk.Name, len(fk.Columns), len(fk.RefColumns)))
			}
			for i, c := range fk.Columns {
				if col := columnFold(tb, c); col == nil {
					errs = append(errs, fail(0, "foreign key %s names column %s, which the table does not have", fk.Name, c))
				} else {
					fk.Columns[i] = col.Name
				}
			}
			tb.ForeignKeys = append(tb.ForeignKeys, fk)
		case *sqlparser.CheckConstraintDefinition:
			nck++
			if !det.Enforced {
				errs = append(errs, fail(0, "check %s is NOT ENFORCED; pgcopy creates enforced checks only", k.Name))
				continue
			}
			name := k.Name
			if name == "" {
				name = fmt.Sprintf("%s_chk_%d", tb.Name, nck)
			}
			tb.Checks = append(tb.Checks, &schema.Check{Name: name, Expr: sqlparser.String(det.Expr), Pos: pos})
		default:
			errs = append(errs, fail(0, "constraint %s (%T) is not supported in override files", k.Name, k.Details))
		}
	}
	return d, errors.Join(errs...)
}

// columnFold finds a column by name, ignoring case as MySQL does.
func columnFold(tb *schema.Table, name string) *schema.Column {
	for _, c := range tb.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

func uniqueIndexName(tb *schema.Table, name string) string {
	n := name
	for i := 2; ; i++ {
		taken := strings.EqualFold(n, "primary")
		for _, ix := range tb.Indexes {
			if strings.EqualFold(ix.Name, n) {
				taken = true
			}
		}
		if !taken {
			return n
		}
		n = fmt.Sprintf("%s_%d", name, i)
	}
}

// columnKey returns the key option written on a column ("primary key",
// "unique", "unique key", "key", ...), or "". The parser keeps it in an
// unexported enum, so it is read back from the type's own rendering.
func columnKey(ct sqlparser.ColumnType) string {
	probe := sqlparser.ColumnType{Type: "int", KeyOpt: ct.KeyOpt}
	s := strings.TrimPrefix(strings.ToLower(sqlparser.String(&probe)), "int")
	return strings.TrimSpace(s)
}

func refAction(a sqlparser.ReferenceAction) string {
	switch a {
	case sqlparser.Restrict:
		return "RESTRICT"
	case sqlparser.Cascade:
		return "CASCADE"
	case sqlparser.SetNull:
		return "SET NULL"
	case sqlparser.SetDefault:
		return "SET DEFAULT"
	}
	return "" // NO ACTION, or none given
}
