package translate

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/report"
	"github.com/pgcopy/pgcopy/internal/schema"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// Options tunes translation.
type Options struct {
	// IndexPrefix is the prefix length, in characters, given to a text
	// column in a non-unique index (Dolt requires one; 3072 bytes at most,
	// so at most 768 utf8mb4 characters). Default 255.
	IndexPrefix int
}

// Translator accumulates the schema of one dump. Use [New], feed every
// schema statement to [Translator.Statement] in dump order, then call
// [Translator.Finish] once.
type Translator struct {
	opts Options
	rep  *report.Report

	enums   map[string][]string // qualified type name -> labels
	domains map[string]*domain
	seqs    map[string]*sequence
	tables  map[string]*table // qualified relation name -> table
	order   []*table

	colTypes map[colKey]colType

	db   *schema.Database
	errs []error
}

type domain struct {
	base    *pg.TypeName
	notNull bool
	checks  []*pg.Node
	def     *pg.Node
	pos     dump.Pos
}

type sequence struct {
	name     string
	pos      dump.Pos
	last     int64 // setval value
	isCalled bool
	hasSet   bool
	ownedBy  string // "schema.table.column"
	users    []string
}

type table struct {
	pg          schema.Name
	pos         dump.Pos
	cols        []*column
	parent      *table // partition of, or inherits from
	partitioned bool
	pk          *constraint
	uniques     []*constraint
	fks         []*constraint
	checks      []*constraint
	indexes     []*index
	out         *schema.Table
}

type column struct {
	name     string
	tn       *pg.TypeName
	notNull  bool
	def      *pg.Node
	identity bool
	seq      string // sequence behind a nextval default or identity
	checks   []*pg.Node
	collate  string
	comment  string
	pos      dump.Pos
	generate *pg.Node
}

type constraint struct {
	c   *pg.Constraint
	pos dump.Pos
	tbl *table
}

type index struct {
	s   *pg.IndexStmt
	pos dump.Pos
}

// New returns a Translator that records its decisions in rep.
func New(opts Options, rep *report.Report) *Translator {
	if opts.IndexPrefix <= 0 {
		opts.IndexPrefix = 255
	}
	return &Translator{
		opts:    opts,
		rep:     rep,
		enums:   map[string][]string{},
		domains: map[string]*domain{},
		seqs:    map[string]*sequence{},
		tables:  map[string]*table{},

		colTypes: map[colKey]colType{},
	}
}

func rangeVarName(rv *pg.RangeVar) schema.Name {
	return schema.Name{Schema: rv.Schemaname, Name: rv.Relname}
}

func strList(nodes []*pg.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.GetString_().GetSval())
	}
	return out
}

func tocKind(ev dump.Event, def string) string {
	if ev.TOC != nil && ev.TOC.Type != "" {
		return ev.TOC.Type
	}
	return def
}

func tocName(ev dump.Event, def string) string {
	if ev.TOC != nil && ev.TOC.Name != "" {
		if ev.TOC.Schema != "" && ev.TOC.Schema != "-" {
			return ev.TOC.Schema + "." + ev.TOC.Name
		}
		return ev.TOC.Name
	}
	return def
}

// Statement takes one schema statement of the first pass. Data statements
// (INSERT) and COPY blocks are ignored here; they belong to the second
// pass. An error means the statement cannot be parsed at all; problems with
// single objects are collected and returned by [Translator.Finish].
func (t *Translator) Statement(ev dump.Event) error {
	switch ev.Kind {
	case dump.Meta:
		t.meta(ev)
		return nil
	case dump.Copy:
		return nil
	}
	if isInsert(ev.Text) {
		return nil
	}
	tree, err := pg.Parse(ev.Text)
	if err != nil {
		return diag.New(ev.Pos, "", "", fmt.Errorf("parse statement: %v", err),
			"pgcopy reads pg_dump plain-format output; check that this line is part of a SQL statement")
	}
	for _, raw := range tree.Stmts {
		t.stmt(ev, raw.Stmt)
	}
	return nil
}

func isInsert(text string) bool {
	return len(text) >= 6 && strings.EqualFold(text[:6], "INSERT")
}

func (t *Translator) meta(ev dump.Event) {
	cmd := strings.Fields(ev.Text)
	if len(cmd) == 0 {
		return
	}
	switch cmd[0] {
	case `\restrict`, `\unrestrict`:
		// pg_dump's guard against psql meta-command injection; nothing to create.
	case `\connect`, `\c`:
		t.rep.Note("%s: %s: pgcopy copies all tables into the one target database", ev.Pos, ev.Text)
	default:
		t.rep.Add("META-COMMAND", cmd[0], report.Skipped, ev.Pos, "psql meta-command is not SQL")
	}
}

func (t *Translator) fail(pos dump.Pos, table, col string, hint string, format string, args ...any) {
	t.errs = append(t.errs, diag.New(pos, table, col, fmt.Errorf(format, args...), hint))
}

func (t *Translator) stmt(ev dump.Event, n *pg.Node) {
	pos := ev.Pos
	switch s := n.Node.(type) {
	case *pg.Node_VariableSetStmt:
		// session settings of the dump (SET client_encoding ...)
	case *pg.Node_SelectStmt:
		t.selectStmt(ev, s.SelectStmt)
	case *pg.Node_CreateSchemaStmt:
		t.rep.Add("SCHEMA", s.CreateSchemaStmt.Schemaname, report.Translated, pos, "schemas map to table names; see the table entries")
	case *pg.Node_CreateExtensionStmt:
		t.rep.Add("EXTENSION", s.CreateExtensionStmt.Extname, report.Skipped, pos, "Dolt has no PostgreSQL extensions")
	case *pg.Node_CreateEnumStmt:
		name := strList(s.CreateEnumStmt.TypeName)
		key := strings.Join(name, ".")
		t.enums[key] = strList(s.CreateEnumStmt.Vals)
		t.rep.Add("TYPE", key, report.Changed, pos, "enum type becomes an ENUM column type on each column that uses it")
	case *pg.Node_CreateDomainStmt:
		d := s.CreateDomainStmt
		key := strings.Join(strList(d.Domainname), ".")
		dom := &domain{base: d.TypeName, pos: pos}
		for _, cn := range d.Constraints {
			c := cn.GetConstraint()
			switch c.GetContype() {
			case pg.ConstrType_CONSTR_NOTNULL:
				dom.notNull = true
			case pg.ConstrType_CONSTR_CHECK:
				dom.checks = append(dom.checks, c.RawExpr)
			case pg.ConstrType_CONSTR_DEFAULT:
				dom.def = c.RawExpr
			}
		}
		t.domains[key] = dom
		t.rep.Add("DOMAIN", key, report.Changed, pos, "domain becomes its base type %s plus its constraints on each column that uses it", pgTypeString(d.TypeName))
	case *pg.Node_CompositeTypeStmt:
		t.rep.Add("TYPE", rangeVarName(s.CompositeTypeStmt.Typevar).String(), report.Skipped, pos, "composite types have no Dolt equivalent; columns of this type need an override")
	case *pg.Node_CreateSeqStmt:
		name := rangeVarName(s.CreateSeqStmt.Sequence).String()
		t.seqs[name] = &sequence{name: name, pos: pos}
		for _, o := range s.CreateSeqStmt.Options {
			if de := o.GetDefElem(); de != nil && de.Defname == "owned_by" {
				t.seqs[name].ownedBy = strings.Join(strList(de.Arg.GetList().GetItems()), ".")
			}
		}
	case *pg.Node_AlterSeqStmt:
		name := rangeVarName(s.AlterSeqStmt.Sequence).String()
		sq := t.seqs[name]
		if sq == nil {
			sq = &sequence{name: name, pos: pos}
			t.seqs[name] = sq
		}
		for _, o := range s.AlterSeqStmt.Options {
			if de := o.GetDefElem(); de != nil && de.Defname == "owned_by" {
				sq.ownedBy = strings.Join(strList(de.Arg.GetList().GetItems()), ".")
			}
		}
	case *pg.Node_CreateStmt:
		t.createTable(pos, s.CreateStmt)
	case *pg.Node_AlterTableStmt:
		t.alterTable(ev, s.AlterTableStmt)
	case *pg.Node_IndexStmt:
		tb := t.tables[rangeVarName(s.IndexStmt.Relation).String()]
		name := qualify(s.IndexStmt.Relation.Schemaname, s.IndexStmt.Idxname)
		if tb == nil {
			t.rep.Add("INDEX", name, report.Skipped, pos, "it indexes %s, which is not a table pgcopy creates (a materialized view or a skipped relation)", rangeVarName(s.IndexStmt.Relation))
			return
		}
		tb.indexes = append(tb.indexes, &index{s: s.IndexStmt, pos: pos})
	case *pg.Node_CommentStmt:
		t.comment(ev, s.CommentStmt)
	case *pg.Node_ViewStmt:
		t.rep.Add("VIEW", rangeVarName(s.ViewStmt.View).String(), report.Skipped, pos, "views are not translated yet")
	case *pg.Node_CreateTableAsStmt:
		kind := "TABLE AS"
		if s.CreateTableAsStmt.Objtype == pg.ObjectType_OBJECT_MATVIEW {
			kind = "MATERIALIZED VIEW"
		}
		t.rep.Add(kind, rangeVarName(s.CreateTableAsStmt.Into.Rel).String(), report.Skipped, pos, "Dolt has no materialized views; its query is not run")
	case *pg.Node_RefreshMatViewStmt:
		t.rep.Add("MATERIALIZED VIEW DATA", rangeVarName(s.RefreshMatViewStmt.Relation).String(), report.Skipped, pos, "the materialized view is not created")
	case *pg.Node_CreateFunctionStmt:
		kind := "FUNCTION"
		if s.CreateFunctionStmt.IsProcedure {
			kind = "PROCEDURE"
		}
		t.rep.Add(tocKind(ev, kind), tocName(ev, strings.Join(strList(s.CreateFunctionStmt.Funcname), ".")), report.Skipped, pos, "PostgreSQL functions and procedures are not translated; rewrite them for Dolt by hand")
	case *pg.Node_DefineStmt:
		t.rep.Add(tocKind(ev, "DEFINE"), tocName(ev, strings.Join(strList(s.DefineStmt.Defnames), ".")), report.Skipped, pos, "Dolt cannot hold user-defined aggregates, operators or base types")
	case *pg.Node_CreateTrigStmt:
		t.rep.Add("TRIGGER", s.CreateTrigStmt.Trigname+" on "+rangeVarName(s.CreateTrigStmt.Relation).String(), report.Skipped, pos, "PostgreSQL triggers run PL/pgSQL functions, which Dolt cannot hold")
	case *pg.Node_CreateEventTrigStmt:
		t.rep.Add("EVENT TRIGGER", s.CreateEventTrigStmt.Trigname, report.Skipped, pos, "Dolt has no event triggers")
	case *pg.Node_RuleStmt:
		t.rep.Add("RULE", s.RuleStmt.Rulename, report.Skipped, pos, "Dolt has no rewrite rules")
	case *pg.Node_CreatePolicyStmt:
		t.rep.Add("POLICY", s.CreatePolicyStmt.PolicyName, report.Skipped, pos, "Dolt has no row-level security")
	case *pg.Node_GrantStmt, *pg.Node_GrantRoleStmt, *pg.Node_AlterDefaultPrivilegesStmt:
		t.rep.Add(tocKind(ev, "ACL"), tocName(ev, "privileges"), report.Skipped, pos, "privileges are not copied; grant them in Dolt")
	case *pg.Node_AlterOwnerStmt, *pg.Node_AlterObjectSchemaStmt:
		t.rep.Add(tocKind(ev, "OWNER"), tocName(ev, "ownership"), report.Skipped, pos, "ownership is not copied")
	case *pg.Node_CreatedbStmt:
		t.rep.Add("DATABASE", s.CreatedbStmt.Dbname, report.Skipped, pos, "pgcopy writes into the target database")
	default:
		kind := tocKind(ev, strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_"))
		t.rep.Add(kind, tocName(ev, firstLine(ev.Text)), report.Skipped, pos, "statement kind not translated")
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return s
}

// selectStmt handles pg_dump's SELECT pg_catalog.setval(...) and
// set_config(...).
func (t *Translator) selectStmt(ev dump.Event, s *pg.SelectStmt) {
	if len(s.TargetList) != 1 {
		t.rep.Add("SELECT", firstLine(ev.Text), report.Skipped, ev.Pos, "only setval and set_config are understood")
		return
	}
	fc := s.TargetList[0].GetResTarget().GetVal().GetFuncCall()
	if fc == nil {
		t.rep.Add("SELECT", firstLine(ev.Text), report.Skipped, ev.Pos, "only setval and set_config are understood")
		return
	}
	fn := strList(fc.Funcname)
	switch fn[len(fn)-1] {
	case "set_config":
		return
	case "setval":
		if len(fc.Args) < 2 {
			return
		}
		name := fc.Args[0].GetAConst().GetSval().GetSval()
		sq := t.seqs[name]
		if sq == nil {
			sq = &sequence{name: name, pos: ev.Pos}
			t.seqs[name] = sq
		}
		sq.hasSet = true
		sq.last = constInt(fc.Args[1])
		sq.isCalled = true
		if len(fc.Args) > 2 {
			if b := fc.Args[2].GetAConst().GetBoolval(); b != nil {
				sq.isCalled = b.Boolval
			}
		}
	default:
		t.rep.Add("SELECT", firstLine(ev.Text), report.Skipped, ev.Pos, "only setval and set_config are understood")
	}
}

func constInt(n *pg.Node) int64 {
	if c := n.GetAConst(); c != nil {
		if i := c.GetIval(); i != nil {
			return int64(i.Ival)
		}
		if f := c.GetFval(); f != nil {
			var v int64
			fmt.Sscan(f.Fval, &v)
			return v
		}
	}
	return 0
}

func (t *Translator) createTable(pos dump.Pos, s *pg.CreateStmt) {
	name := rangeVarName(s.Relation)
	tb := &table{pg: name, pos: pos, partitioned: s.Partspec != nil}
	if s.Relation.Relpersistence == "u" {
		t.rep.Add("TABLE", name.String(), report.Changed, pos, "UNLOGGED is dropped: every Dolt table is versioned")
	}
	for _, el := range s.TableElts {
		switch e := el.Node.(type) {
		case *pg.Node_ColumnDef:
			tb.cols = append(tb.cols, t.columnDef(tb, pos, e.ColumnDef))
		case *pg.Node_Constraint:
			t.addConstraint(tb, pos, e.Constraint)
		default:
			t.rep.Add("TABLE ELEMENT", name.String(), report.Skipped, pos, "table element %T not understood", el.Node)
		}
	}
	if s.Partbound != nil || len(s.InhRelations) > 0 {
		var parentName schema.Name
		if len(s.InhRelations) > 0 {
			parentName = rangeVarName(s.InhRelations[0].GetRangeVar())
		}
		if p := t.tables[parentName.String()]; p != nil {
			tb.parent = p
		} else {
			t.fail(pos, name.String(), "", "", "parent table %s of this partition or child table is not in the dump", parentName)
		}
	}
	if s.OfTypename != nil {
		t.fail(pos, name.String(), "", "write the table as a whole-table override", "typed tables (OF %s) are not supported", pgTypeString(s.OfTypename))
	}
	t.tables[name.String()] = tb
	t.order = append(t.order, tb)
}

func (t *Translator) columnDef(tb *table, pos dump.Pos, cd *pg.ColumnDef) *column {
	c := &column{name: cd.Colname, tn: cd.TypeName, notNull: cd.IsNotNull, def: cd.RawDefault, pos: pos}
	if cd.CollClause != nil {
		c.collate = strings.Join(strList(cd.CollClause.Collname), ".")
	}
	for _, cn := range cd.Constraints {
		k := cn.GetConstraint()
		switch k.Contype {
		case pg.ConstrType_CONSTR_NOTNULL:
			c.notNull = true
		case pg.ConstrType_CONSTR_NULL:
		case pg.ConstrType_CONSTR_DEFAULT:
			c.def = k.RawExpr
		case pg.ConstrType_CONSTR_IDENTITY:
			c.identity = true
		case pg.ConstrType_CONSTR_GENERATED:
			c.generate = k.RawExpr
		case pg.ConstrType_CONSTR_CHECK:
			tb.checks = append(tb.checks, &constraint{c: k, pos: pos, tbl: tb})
		case pg.ConstrType_CONSTR_PRIMARY:
			k.Keys = []*pg.Node{pg.MakeStrNode(cd.Colname)}
			t.addConstraint(tb, pos, k)
		case pg.ConstrType_CONSTR_UNIQUE:
			k.Keys = []*pg.Node{pg.MakeStrNode(cd.Colname)}
			t.addConstraint(tb, pos, k)
		case pg.ConstrType_CONSTR_FOREIGN:
			k.FkAttrs = []*pg.Node{pg.MakeStrNode(cd.Colname)}
			t.addConstraint(tb, pos, k)
		default:
			t.rep.Add("CONSTRAINT", tb.pg.String()+"."+cd.Colname, report.Skipped, pos, "column constraint %s not understood", k.Contype)
		}
	}
	return c
}

func (t *Translator) addConstraint(tb *table, pos dump.Pos, c *pg.Constraint) {
	k := &constraint{c: c, pos: pos, tbl: tb}
	switch c.Contype {
	case pg.ConstrType_CONSTR_PRIMARY:
		tb.pk = k
	case pg.ConstrType_CONSTR_UNIQUE:
		tb.uniques = append(tb.uniques, k)
	case pg.ConstrType_CONSTR_FOREIGN:
		tb.fks = append(tb.fks, k)
	case pg.ConstrType_CONSTR_CHECK:
		tb.checks = append(tb.checks, k)
	case pg.ConstrType_CONSTR_EXCLUSION:
		t.rep.Add("CONSTRAINT", tb.pg.String()+"."+c.Conname, report.Skipped, pos, "Dolt has no EXCLUDE constraints")
	default:
		t.rep.Add("CONSTRAINT", tb.pg.String()+"."+c.Conname, report.Skipped, pos, "constraint type %s not understood", c.Contype)
	}
}

func (t *Translator) alterTable(ev dump.Event, s *pg.AlterTableStmt) {
	pos := ev.Pos
	name := rangeVarName(s.Relation)
	if s.Objtype == pg.ObjectType_OBJECT_INDEX {
		// ALTER INDEX parent ATTACH PARTITION child: partitions fold into their parent.
		return
	}
	if s.Objtype == pg.ObjectType_OBJECT_SEQUENCE || s.Objtype == pg.ObjectType_OBJECT_VIEW || s.Objtype == pg.ObjectType_OBJECT_MATVIEW {
		for _, cmdNode := range s.Cmds {
			if cmd := cmdNode.GetAlterTableCmd(); cmd != nil && cmd.Subtype != pg.AlterTableType_AT_ChangeOwner {
				t.rep.Add(tocKind(ev, "ALTER"), name.String(), report.Skipped, pos, "%s of a %s", cmd.Subtype, strings.ToLower(strings.TrimPrefix(s.Objtype.String(), "OBJECT_")))
			}
		}
		return
	}
	tb := t.tables[name.String()]
	for _, cmdNode := range s.Cmds {
		cmd := cmdNode.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		if cmd.Subtype == pg.AlterTableType_AT_ChangeOwner {
			continue // reported once per dump, not per table
		}
		if tb == nil {
			t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s on a relation pgcopy does not create", cmd.Subtype)
			continue
		}
		switch cmd.Subtype {
		case pg.AlterTableType_AT_AddConstraint:
			t.addConstraint(tb, pos, cmd.Def.GetConstraint())
		case pg.AlterTableType_AT_ColumnDefault:
			if c := tb.column(cmd.Name); c != nil {
				c.def = cmd.Def
			}
		case pg.AlterTableType_AT_AddIdentity:
			if c := tb.column(cmd.Name); c != nil {
				c.identity = true
				if k := cmd.Def.GetConstraint(); k != nil {
					for _, o := range k.Options {
						if de := o.GetDefElem(); de != nil && de.Defname == "sequence_name" {
							c.seq = strings.Join(strList(de.Arg.GetList().GetItems()), ".")
						}
					}
				}
			}
		case pg.AlterTableType_AT_AttachPartition:
			pc := cmd.Def.GetPartitionCmd()
			child := t.tables[rangeVarName(pc.Name).String()]
			if child == nil {
				t.fail(pos, name.String(), "", "", "partition %s is not in the dump", rangeVarName(pc.Name))
				continue
			}
			child.parent = tb
		case pg.AlterTableType_AT_SetNotNull:
			if c := tb.column(cmd.Name); c != nil {
				c.notNull = true
			}
		case pg.AlterTableType_AT_EnableRowSecurity, pg.AlterTableType_AT_ForceRowSecurity:
			t.rep.Add("ROW SECURITY", name.String(), report.Skipped, pos, "Dolt has no row-level security")
		case pg.AlterTableType_AT_ClusterOn, pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ReplicaIdentity:
			t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s is a PostgreSQL storage setting", cmd.Subtype)
		default:
			t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s not understood", cmd.Subtype)
		}
	}
}

func (t *Translator) comment(ev dump.Event, s *pg.CommentStmt) {
	if s.Objtype == pg.ObjectType_OBJECT_COLUMN {
		parts := strList(s.Object.GetList().GetItems())
		if len(parts) >= 2 {
			tb := t.tables[strings.Join(parts[:len(parts)-1], ".")]
			if tb != nil {
				if c := tb.column(parts[len(parts)-1]); c != nil {
					c.comment = s.Comment
					return
				}
			}
		}
	}
	t.rep.Add("COMMENT", tocName(ev, firstLine(ev.Text)), report.Skipped, ev.Pos, "only column comments are copied")
}

func (tb *table) column(name string) *column {
	for _, c := range tb.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

// resolveDomain returns the base type of a domain type name, or tn itself.
func (t *Translator) resolveDomain(tn *pg.TypeName) *pg.TypeName {
	for i := 0; i < 10; i++ {
		s, n := typeNameParts(tn)
		d := t.lookupDomain(s, n)
		if d == nil {
			return tn
		}
		base := d.base
		if len(tn.ArrayBounds) > 0 {
			base = &pg.TypeName{Names: d.base.Names, Typmods: d.base.Typmods, ArrayBounds: tn.ArrayBounds}
		}
		tn = base
	}
	return tn
}

func (t *Translator) lookupDomain(schemaName, name string) *domain {
	if schemaName != "" {
		return t.domains[schemaName+"."+name]
	}
	for k, d := range t.domains {
		if k == name || strings.HasSuffix(k, "."+name) {
			return d
		}
	}
	return nil
}

func (t *Translator) lookupEnum(schemaName, name string) ([]string, bool) {
	if schemaName != "" {
		l, ok := t.enums[schemaName+"."+name]
		return l, ok
	}
	for k, l := range t.enums {
		if k == name || strings.HasSuffix(k, "."+name) {
			return l, true
		}
	}
	return nil, false
}

// Finish builds the Dolt schema from everything seen in the first pass. It
// returns every problem found, joined; the schema is only usable when the
// error is nil.
func (t *Translator) Finish() (*schema.Database, error) {
	if t.db != nil {
		return t.db, errors.Join(t.errs...)
	}
	db := &schema.Database{}
	names := t.tableNames()
	// 1. tables and columns
	for _, tb := range t.order {
		if tb.root() != tb {
			continue
		}
		out := &schema.Table{PG: tb.pg, Name: names[tb], Pos: tb.pos}
		tb.out = out
		for _, c := range tb.cols {
			out.Columns = append(out.Columns, t.buildColumn(tb, c))
		}
		kind := report.Translated
		detail := ""
		if out.Name != tb.pg.Name {
			kind, detail = report.Changed, "named "+out.Name
		}
		if tb.partitioned {
			kind = report.Changed
			detail = strings.TrimPrefix(detail+"; partitioned table becomes one table holding the rows of all its partitions", "; ")
		}
		t.rep.Add("TABLE", tb.pg.String(), kind, tb.pos, "%s", detail)
		db.Tables = append(db.Tables, out)
	}
	for _, tb := range t.order {
		if r := tb.root(); r != tb {
			tb.out = r.out
			t.rep.Add("TABLE", tb.pg.String(), report.Changed, tb.pos, "partition folded into %s", r.out.Name)
		}
	}
	// 2. keys, indexes, checks
	fkNames := map[string]bool{}
	checkNames := map[string]bool{}
	for _, tb := range t.order {
		t.buildKeys(tb, fkNames, checkNames)
	}
	// 3. auto-increment
	for _, tb := range t.order {
		if tb.root() == tb {
			t.buildAutoIncrement(tb)
		}
	}
	t.reportSequences()
	t.db = db
	return db, errors.Join(t.errs...)
}

func (tb *table) root() *table {
	r := tb
	for r.parent != nil {
		r = r.parent
	}
	return r
}

// tableNames decides the Dolt name of every root table: the bare relation
// name when all tables live in one schema, "schema_table" otherwise. Names
// that would collide (including case-only differences, which Dolt resolves
// to one table) are an error.
func (t *Translator) tableNames() map[*table]string {
	schemas := map[string]bool{}
	for _, tb := range t.order {
		if tb.root() == tb {
			schemas[tb.pg.Schema] = true
		}
	}
	out := map[*table]string{}
	seen := map[string]*table{}
	for _, tb := range t.order {
		if tb.root() != tb {
			continue
		}
		name := tb.pg.Name
		if len(schemas) > 1 {
			name = tb.pg.Schema + "_" + tb.pg.Name
		}
		name = truncIdent(name)
		key := strings.ToLower(name)
		if other := seen[key]; other != nil {
			t.fail(tb.pos, tb.pg.String(), "", "rename one of the tables with an override", "its Dolt name %q collides with that of %s (Dolt table names are case-insensitive)", name, other.pg)
		}
		seen[key] = tb
		out[tb] = name
	}
	return out
}

func truncIdent(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return sqltext.Truncate(name, h.Sum32())
}

func (t *Translator) buildColumn(tb *table, c *column) *schema.Column {
	tn := t.resolveDomain(c.tn)
	out := &schema.Column{PGName: c.name, Name: truncIdent(c.name), PGType: pgTypeString(c.tn), NotNull: c.notNull, Comment: c.comment}
	where := tb.pg.String() + "." + c.name
	if s, n := typeNameParts(c.tn); tn != c.tn {
		if d := t.lookupDomain(s, n); d != nil {
			if d.notNull {
				out.NotNull = true
			}
			for i, chk := range d.checks {
				expr, err := t.expr(chk, exprCtx{tb: tb, value: c.name})
				if err != nil {
					t.rep.Add("CHECK", where, report.Skipped, c.pos, "CHECK of domain %s: %v", qualify(s, n), err)
					continue
				}
				name := fmt.Sprintf("%s_%s_check", tb.pg.Name, c.name)
				if i > 0 {
					name = fmt.Sprintf("%s%d", name, i+1)
				}
				tb.checks = append(tb.checks, &constraint{c: &pg.Constraint{Contype: pg.ConstrType_CONSTR_CHECK, Conname: name}, pos: c.pos, tbl: tb})
				tb.checks[len(tb.checks)-1].c.CookedExpr = expr
			}
			if c.def == nil && d.def != nil {
				c.def = d.def
			}
		}
	}
	ct, err := t.mapType(tn)
	if err != nil {
		t.fail(c.pos, tb.pg.String(), c.name, "map the column to a Dolt type with an override (type:) or skip it", "%v", err)
		ct = colType{dolt: "longtext", kind: vString, blob: true}
	}
	out.Type = ct.dolt
	out.Collation = ct.collation
	if c.collate != "" && c.collate != "default" && c.collate != "pg_catalog.default" {
		switch c.collate {
		case "C", "pg_catalog.C", "POSIX", "pg_catalog.POSIX", "ucs_basic":
			out.Collation = "utf8mb4_0900_bin"
		default:
			t.rep.Add("COLLATION", where, report.Changed, c.pos, "COLLATE %s replaced by utf8mb4_0900_bin (binary order)", c.collate)
		}
	}
	if ct.change != "" {
		t.rep.Add("COLUMN", where, report.Changed, c.pos, "%s", ct.change)
	}
	if c.generate != nil {
		expr, err := t.expr(c.generate, exprCtx{tb: tb})
		if err != nil {
			t.rep.Add("COLUMN", where, report.Changed, c.pos, "GENERATED ALWAYS AS expression not translated (%v): stored as a plain column holding the dumped values", err)
		} else {
			out.Type += " GENERATED ALWAYS AS (" + expr + ") STORED"
		}
	}
	t.colTypes[colKey{tb.root(), c.name}] = ct
	if c.def != nil && !c.identity {
		if seq, ok := nextvalSeq(c.def); ok {
			c.seq = seq
		} else {
			d, err := t.defaultExpr(c.def, ct, tb)
			if err != nil {
				t.rep.Add("DEFAULT", where, report.Skipped, c.pos, "default not translated: %v", err)
			} else {
				out.Default = d
			}
		}
	}
	return out
}

type colKey struct {
	tb  *table
	col string
}

// nextvalSeq reports whether n is nextval('seq'::regclass) and returns the
// sequence name.
func nextvalSeq(n *pg.Node) (string, bool) {
	fc := n.GetFuncCall()
	if fc == nil {
		return "", false
	}
	fn := strList(fc.Funcname)
	if fn[len(fn)-1] != "nextval" || len(fc.Args) != 1 {
		return "", false
	}
	a := fc.Args[0]
	if tc := a.GetTypeCast(); tc != nil {
		a = tc.Arg
	}
	s := a.GetAConst().GetSval()
	if s == nil {
		return "", false
	}
	return s.Sval, true
}

func (t *Translator) buildKeys(tb *table, fkNames, checkNames map[string]bool) {
	root := tb.root()
	out := root.out
	where := func(name string) string { return tb.pg.Schema + "." + name }
	colName := func(pgName string) (string, bool) {
		c := out.ColumnByPG(pgName)
		if c == nil {
			return "", false
		}
		return c.Name, true
	}
	cols := func(nodes []*pg.Node) ([]string, bool) {
		var r []string
		for _, s := range strList(nodes) {
			n, ok := colName(s)
			if !ok {
				return nil, false
			}
			r = append(r, n)
		}
		return r, true
	}
	// primary key
	if tb.pk != nil {
		pk, ok := cols(tb.pk.c.Keys)
		switch {
		case !ok:
			t.fail(tb.pk.pos, tb.pg.String(), "", "", "primary key %s names a column the table does not have", tb.pk.c.Conname)
		case len(out.PrimaryKey) > 0:
			if !equalStrings(out.PrimaryKey, pk) {
				t.rep.Add("CONSTRAINT", where(tb.pk.c.Conname), report.Skipped, tb.pk.pos, "partition's primary key differs from the parent's")
			}
			// the same key on a partition: folded
		default:
			for _, n := range pk {
				c := out.Column(n)
				c.NotNull = true
				if ct := t.colTypes[colKey{root, c.PGName}]; ct.blob {
					t.fail(tb.pk.pos, tb.pg.String(), c.PGName, "override the column with a varchar length (type: varchar(N))",
						"primary key column of type %s cannot be a Dolt primary key (TEXT/BLOB columns cannot be keys)", c.PGType)
				}
			}
			out.PrimaryKey = pk
			t.rep.Add("CONSTRAINT", where(tb.pk.c.Conname), report.Translated, tb.pk.pos, "")
		}
	}
	// unique constraints
	for _, u := range tb.uniques {
		ks, ok := cols(u.c.Keys)
		if !ok {
			t.fail(u.pos, tb.pg.String(), "", "", "unique constraint %s names a column the table does not have", u.c.Conname)
			continue
		}
		detail := ""
		if u.c.NullsNotDistinct {
			detail = "NULLS NOT DISTINCT dropped: Dolt allows several NULLs in a unique key"
		}
		if len(u.c.Including) > 0 {
			detail = strings.TrimPrefix(detail+"; INCLUDE columns dropped", "; ")
		}
		t.addIndex(tb, u.c.Conname, true, indexCols(ks, nil), u.pos, where(u.c.Conname), "CONSTRAINT", detail, u.c.Deferrable)
	}
	// indexes
	for _, ix := range tb.indexes {
		t.buildIndex(tb, ix)
	}
	// foreign keys
	for _, f := range tb.fks {
		t.buildFK(tb, f, fkNames)
	}
	// checks
	for _, ck := range tb.checks {
		name := ck.c.Conname
		expr := ck.c.CookedExpr
		if expr == "" {
			var err error
			expr, err = t.expr(ck.c.RawExpr, exprCtx{tb: root})
			if err != nil {
				t.rep.Add("CHECK", where(name), report.Skipped, ck.pos, "expression not translated: %v", err)
				continue
			}
		}
		if name == "" {
			name = tb.pg.Name + "_check"
		}
		dup := false
		for _, ex := range out.Checks {
			if ex.Expr == expr {
				dup = true
			}
		}
		if dup {
			continue // the same check on a partition
		}
		uniq := uniqueName(truncIdent(name), checkNames)
		out.Checks = append(out.Checks, &schema.Check{Name: uniq, Expr: expr, Pos: ck.pos})
		detail := ""
		if ck.c.SkipValidation {
			detail = "NOT VALID dropped: Dolt checks every row"
		}
		act := report.Translated
		if detail != "" || uniq != name {
			act = report.Changed
		}
		if uniq != name {
			detail = strings.TrimPrefix(detail+"; named "+uniq, "; ")
		}
		t.rep.Add("CHECK", where(name), act, ck.pos, "%s", detail)
	}
}

func indexCols(names []string, desc []bool) []schema.IndexColumn {
	out := make([]schema.IndexColumn, len(names))
	for i, n := range names {
		out[i] = schema.IndexColumn{Name: n}
		if desc != nil {
			out[i].Desc = desc[i]
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func uniqueName(name string, used map[string]bool) string {
	n := name
	for i := 2; used[strings.ToLower(n)]; i++ {
		n = truncIdent(fmt.Sprintf("%s_%d", name, i))
	}
	used[strings.ToLower(n)] = true
	return n
}

// addIndex adds an index to the root table unless an index on the same
// columns already exists (partitions repeat their parent's indexes).
func (t *Translator) addIndex(tb *table, name string, unique bool, ics []schema.IndexColumn, pos dump.Pos, where, kind, detail string, deferrable bool) {
	root := tb.root()
	out := root.out
	for i := range ics {
		c := out.Column(ics[i].Name)
		ct := t.colTypes[colKey{root, c.PGName}]
		if ct.blob && !unique {
			ics[i].Prefix = t.opts.IndexPrefix
			detail = strings.TrimPrefix(detail+fmt.Sprintf("; %s column %s indexed by its first %d characters", c.PGType, c.PGName, t.opts.IndexPrefix), "; ")
		}
		if ct.dolt == "json" {
			t.rep.Add(kind, where, report.Skipped, pos, "column %s is stored as JSON, which Dolt cannot index", c.PGName)
			return
		}
	}
	if deferrable {
		detail = strings.TrimPrefix(detail+"; DEFERRABLE dropped: Dolt checks it at once", "; ")
	}
	same := func(a []schema.IndexColumn) bool {
		if len(a) != len(ics) {
			return false
		}
		for i := range a {
			if a[i].Name != ics[i].Name || a[i].Desc != ics[i].Desc {
				return false
			}
		}
		return true
	}
	if len(out.PrimaryKey) == len(ics) && unique {
		pk := true
		for i := range ics {
			if ics[i].Name != out.PrimaryKey[i] || ics[i].Desc {
				pk = false
			}
		}
		if pk {
			t.rep.Add(kind, where, report.Changed, pos, "same columns as the primary key; the primary key enforces it")
			return
		}
	}
	for _, ex := range out.Indexes {
		if same(ex.Columns) && ex.Unique == unique {
			if tb != root {
				t.rep.Add(kind, where, report.Changed, pos, "partition index folded into %s.%s", out.Name, ex.Name)
			} else {
				t.rep.Add(kind, where, report.Changed, pos, "duplicate of index %s on the same columns", ex.Name)
			}
			return
		}
	}
	used := map[string]bool{"primary": true}
	for _, ex := range out.Indexes {
		used[strings.ToLower(ex.Name)] = true
	}
	ixName := uniqueName(truncIdent(name), used)
	if ixName != name {
		detail = strings.TrimPrefix(detail+"; named "+ixName, "; ")
	}
	if tb != root {
		detail = strings.TrimPrefix(detail+"; partition index moved to "+out.Name, "; ")
	}
	out.Indexes = append(out.Indexes, &schema.Index{Name: ixName, Unique: unique, Columns: ics, Pos: pos})
	act := report.Translated
	if detail != "" {
		act = report.Changed
	}
	t.rep.Add(kind, where, act, pos, "%s", detail)
}

func (t *Translator) buildIndex(tb *table, ix *index) {
	s := ix.s
	where := qualify(s.Relation.Schemaname, s.Idxname)
	if s.WhereClause != nil {
		if s.Unique {
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "partial unique index: Dolt has no partial indexes, and enforcing it on every row would reject valid data")
		} else {
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "partial index: Dolt has no partial indexes")
		}
		return
	}
	am := s.AccessMethod
	if am != "" && am != "btree" && am != "hash" {
		t.rep.Add("INDEX", where, report.Skipped, ix.pos, "%s index: Dolt has only btree indexes", am)
		return
	}
	var names []string
	var desc []bool
	for _, p := range s.IndexParams {
		e := p.GetIndexElem()
		if e.Expr != nil || e.Name == "" {
			t.rep.Add("INDEX", where, report.Skipped, ix.pos, "expression index: Dolt %s does not create functional indexes", "1.83")
			return
		}
		n := tb.root().out.ColumnByPG(e.Name)
		if n == nil {
			t.fail(ix.pos, tb.pg.String(), e.Name, "", "index %s names a column the table does not have", s.Idxname)
			return
		}
		names = append(names, n.Name)
		desc = append(desc, e.Ordering == pg.SortByDir_SORTBY_DESC)
	}
	detail := ""
	if len(s.IndexIncludingParams) > 0 {
		detail = "INCLUDE columns dropped"
	}
	if s.NullsNotDistinct {
		detail = strings.TrimPrefix(detail+"; NULLS NOT DISTINCT dropped: Dolt allows several NULLs in a unique key", "; ")
	}
	t.addIndex(tb, s.Idxname, s.Unique, indexCols(names, desc), ix.pos, where, "INDEX", detail, false)
}

var fkActions = map[string]string{"a": "", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

func (t *Translator) buildFK(tb *table, f *constraint, fkNames map[string]bool) {
	c := f.c
	root := tb.root()
	out := root.out
	where := tb.pg.Schema + "." + c.Conname
	ref := t.tables[rangeVarName(c.Pktable).String()]
	if ref == nil {
		t.rep.Add("FK CONSTRAINT", where, report.Skipped, f.pos, "it references %s, which pgcopy does not create", rangeVarName(c.Pktable))
		return
	}
	refRoot := ref.root()
	var childCols, refCols []string
	for _, s := range strList(c.FkAttrs) {
		col := out.ColumnByPG(s)
		if col == nil {
			t.fail(f.pos, tb.pg.String(), s, "", "foreign key %s names a column the table does not have", c.Conname)
			return
		}
		if ct := t.colTypes[colKey{root, s}]; ct.blob {
			t.fail(f.pos, tb.pg.String(), s, "override the column with a varchar length (type: varchar(N)) on both sides of the foreign key",
				"foreign key %s uses a %s column, which Dolt cannot use in a foreign key (TEXT/BLOB)", c.Conname, col.PGType)
			return
		}
		childCols = append(childCols, col.Name)
	}
	pk := strList(c.PkAttrs)
	if len(pk) == 0 {
		if refRoot.out == nil || len(refRoot.out.PrimaryKey) == 0 {
			t.fail(f.pos, tb.pg.String(), "", "", "foreign key %s references %s, which has no primary key", c.Conname, ref.pg)
			return
		}
		refCols = append(refCols, refRoot.out.PrimaryKey...)
	} else {
		for _, s := range pk {
			col := refRoot.out.ColumnByPG(s)
			if col == nil {
				t.fail(f.pos, tb.pg.String(), "", "", "foreign key %s references column %s, which %s does not have", c.Conname, s, ref.pg)
				return
			}
			refCols = append(refCols, col.Name)
		}
	}
	fk := &schema.ForeignKey{Columns: childCols, RefTable: refRoot.out.Name, RefColumns: refCols,
		OnDelete: fkActions[c.FkDelAction], OnUpdate: fkActions[c.FkUpdAction], Pos: f.pos}
	for _, ex := range out.ForeignKeys {
		if equalStrings(ex.Columns, fk.Columns) && ex.RefTable == fk.RefTable && equalStrings(ex.RefColumns, fk.RefColumns) {
			t.rep.Add("FK CONSTRAINT", where, report.Changed, f.pos, "partition foreign key folded into %s", ex.Name)
			return
		}
	}
	var notes []string
	if c.Deferrable {
		notes = append(notes, "DEFERRABLE dropped: Dolt checks foreign keys at once (pgcopy loads with checks off, then verifies)")
	}
	if c.SkipValidation {
		notes = append(notes, "NOT VALID dropped: pgcopy verifies every row")
	}
	if fk.OnDelete == "SET DEFAULT" || fk.OnUpdate == "SET DEFAULT" {
		notes = append(notes, "SET DEFAULT action kept; Dolt may reject it")
	}
	fk.Name = uniqueName(truncIdent(c.Conname), fkNames)
	if fk.Name != c.Conname {
		notes = append(notes, "named "+fk.Name)
	}
	if tb != root {
		notes = append(notes, "partition foreign key moved to "+out.Name)
	}
	out.ForeignKeys = append(out.ForeignKeys, fk)
	act := report.Translated
	if len(notes) > 0 {
		act = report.Changed
	}
	t.rep.Add("FK CONSTRAINT", where, act, f.pos, "%s", strings.Join(notes, "; "))
}

// buildAutoIncrement turns the table's serial or identity column into an
// AUTO_INCREMENT column and sets the table's counter from the sequence's
// setval (is_called: next value is last+1, else last).
func (t *Translator) buildAutoIncrement(tb *table) {
	out := tb.out
	var done bool
	for _, c := range tb.cols {
		if c.seq == "" && !c.identity {
			continue
		}
		oc := out.ColumnByPG(c.name)
		where := tb.pg.String() + "." + c.name
		seq := c.seq
		if seq == "" {
			seq = qualify(tb.pg.Schema, tb.pg.Name+"_"+c.name+"_seq")
		}
		sq := t.seqs[seq]
		if sq == nil {
			// nextval('name') may be schema-qualified or not
			for k, s := range t.seqs {
				if strings.HasSuffix(k, "."+seq) {
					sq = s
				}
			}
		}
		if sq != nil {
			sq.users = append(sq.users, where)
		}
		ct := t.colTypes[colKey{tb, c.name}]
		if done || !ct.intType {
			why := "a table can have only one AUTO_INCREMENT column"
			if !ct.intType {
				why = "AUTO_INCREMENT needs an integer column"
			}
			t.rep.Add("DEFAULT", where, report.Skipped, c.pos, "sequence default %s dropped: %s", seq, why)
			continue
		}
		done = true
		oc.AutoIncrement = true
		oc.NotNull = true
		// AUTO_INCREMENT must lead some key (dolt-facts E).
		leads := len(out.PrimaryKey) > 0 && out.PrimaryKey[0] == oc.Name
		for _, ix := range out.Indexes {
			if ix.Columns[0].Name == oc.Name {
				leads = true
			}
		}
		detail := ""
		if !leads {
			used := map[string]bool{}
			for _, ix := range out.Indexes {
				used[strings.ToLower(ix.Name)] = true
			}
			name := uniqueName(truncIdent(out.Name+"_"+oc.Name+"_ai"), used)
			out.Indexes = append(out.Indexes, &schema.Index{Name: name, Columns: []schema.IndexColumn{{Name: oc.Name}}})
			detail = fmt.Sprintf("; index %s added because an AUTO_INCREMENT column must lead a key", name)
		}
		if sq != nil && sq.hasSet {
			next := sq.last
			if sq.isCalled {
				next++
			}
			out.AutoIncrement = next
		}
		t.rep.Add("SEQUENCE", seq, report.Changed, c.pos, "becomes AUTO_INCREMENT on %s (next value %d)%s", where, max(out.AutoIncrement, 1), detail)
	}
}

func (t *Translator) reportSequences() {
	var names []string
	for n := range t.seqs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sq := t.seqs[n]
		switch {
		case len(sq.users) == 0:
			t.rep.Add("SEQUENCE", n, report.Skipped, sq.pos, "no column of a created table uses it; Dolt has no sequences")
		case len(sq.users) > 1:
			t.rep.Note("sequence %s is shared by %s; each becomes its own AUTO_INCREMENT counter", n, strings.Join(sq.users, ", "))
		}
	}
}
