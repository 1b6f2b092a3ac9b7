package translate

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgnode"
	"github.com/pgcopy/pgcopy/translate/report"
)

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
		if w := firstWord(ev.Text); w == "SET" || w == "RESET" {
			// A session setting a newer server knows and the parser does
			// not: it only tunes the restore session.
			t.rep.Add("SET", firstLine(ev.Text), report.Skipped, ev.Pos, "session setting not understood by the PostgreSQL 16 parser (%v); it only tunes a psql restore session", err)
			return nil
		}
		return parseError(ev, "parse statement", err,
			"pgcopy reads pg_dump plain-format output; check that this line is part of a SQL statement")
	}
	for _, raw := range tree.Stmts {
		t.stmt(ev, raw.Stmt)
	}
	return nil
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToUpper(strings.TrimRight(f[0], ";"))
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

// setting handles SET name = value. search_path is followed (it decides
// where unqualified names live); every other setting is reported once.
func (t *Translator) setting(ev dump.Event, s *pg.VariableSetStmt) {
	if s.Name == "search_path" && s.Kind == pg.VariableSetKind_VAR_SET_VALUE {
		var path []string
		for _, a := range s.Args {
			if c := a.GetAConst(); c != nil && c.GetSval() != nil {
				path = append(path, c.GetSval().Sval)
			}
		}
		t.searchPath = path
		return
	}
	name := s.Name
	if name == "" {
		name = strings.ToLower(s.Kind.String())
	}
	if t.settings[name] {
		return
	}
	t.settings[name] = true
	t.rep.Add("SET", name, report.Skipped, ev.Pos, "session setting of the restore; pgcopy sets up its own Dolt session")
}

func (t *Translator) stmt(ev dump.Event, n *pg.Node) {
	pos := ev.Pos
	switch s := n.Node.(type) {
	case *pg.Node_VariableSetStmt:
		t.setting(ev, s.VariableSetStmt)
	case *pg.Node_SelectStmt:
		t.selectStmt(ev, s.SelectStmt)
	case *pg.Node_CreateSchemaStmt:
		t.rep.Add("SCHEMA", s.CreateSchemaStmt.Schemaname, report.Translated, pos, "schemas map to table names; see the table entries")
	case *pg.Node_CreateExtensionStmt:
		t.extensionStmt(pos, s.CreateExtensionStmt)
		t.rep.Add("EXTENSION", s.CreateExtensionStmt.Extname, report.Skipped, pos, "Dolt has no PostgreSQL extensions; columns of its types are reported one by one")
	case *pg.Node_CreateEnumStmt:
		name := strList(s.CreateEnumStmt.TypeName)
		key := t.qualifyType(name)
		t.enums[key] = strList(s.CreateEnumStmt.Vals)
		t.rep.Add("TYPE", key, report.Changed, pos, "enum type becomes an ENUM column type on each column that uses it")
	case *pg.Node_CreateDomainStmt:
		d := s.CreateDomainStmt
		key := t.qualifyType(strList(d.Domainname))
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
		t.rep.AddGrouped("domain becomes its base type plus its constraints on each column that uses it", "DOMAIN", key, report.Changed, pos, "domain becomes its base type %s plus its constraints on each column that uses it", pgTypeString(d.TypeName))
	case *pg.Node_CompositeTypeStmt:
		rv := s.CompositeTypeStmt.Typevar
		key := t.relName(rv).String()
		t.composites[key] = true
		t.rep.Add("TYPE", key, report.Changed, pos, "composite type: a column of this type stores the value's PostgreSQL text form, e.g. (1,\"a b\"), in longtext")
	case *pg.Node_CreateSeqStmt:
		name := t.relName(s.CreateSeqStmt.Sequence).String()
		t.seqs[name] = &sequence{name: name, pos: pos}
		for _, o := range s.CreateSeqStmt.Options {
			if de := o.GetDefElem(); de != nil && de.Defname == "owned_by" {
				t.seqs[name].ownedBy = strings.Join(strList(de.Arg.GetList().GetItems()), ".")
			}
		}
	case *pg.Node_AlterSeqStmt:
		name := t.relName(s.AlterSeqStmt.Sequence).String()
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
		tb := t.lookup(s.IndexStmt.Relation)
		name := qualify(t.refName(s.IndexStmt.Relation).Schema, s.IndexStmt.Idxname)
		if tb == nil {
			if d := t.viewByRef(s.IndexStmt.Relation); d != nil && d.mat {
				d.indexes = append(d.indexes, &index{s: s.IndexStmt, pos: pos}) // views.go, matViewIndex
				return
			}
			t.rep.Add("INDEX", name, report.Skipped, pos, "it indexes %s, which is not a table pgcopy creates (a skipped relation)", t.refName(s.IndexStmt.Relation))
			return
		}
		tb.indexes = append(tb.indexes, &index{s: s.IndexStmt, pos: pos})
	case *pg.Node_CommentStmt:
		t.comment(ev, s.CommentStmt)
	case *pg.Node_ViewStmt:
		t.view(ev, s.ViewStmt)
	case *pg.Node_CreateTableAsStmt:
		t.createTableAs(ev, s.CreateTableAsStmt)
	case *pg.Node_RefreshMatViewStmt:
		t.refreshMatView(ev, s.RefreshMatViewStmt)
	case *pg.Node_CreateFunctionStmt:
		t.createFunction(ev, s.CreateFunctionStmt) // triggers.go
	case *pg.Node_DefineStmt:
		if s.DefineStmt.Kind == pg.ObjectType_OBJECT_COLLATION {
			t.createCollation(pos, s.DefineStmt)
			return
		}
		t.rep.Add(tocKind(ev, "DEFINE"), tocName(ev, strings.Join(strList(s.DefineStmt.Defnames), ".")), report.Skipped, pos, "Dolt cannot hold user-defined aggregates, operators or base types")
	case *pg.Node_CreateTrigStmt:
		t.createTrigger(ev, s.CreateTrigStmt) // triggers.go
	case *pg.Node_CreateEventTrigStmt:
		t.rep.Add("EVENT TRIGGER", s.CreateEventTrigStmt.Trigname, report.Skipped, pos, "Dolt has no event triggers")
	case *pg.Node_RuleStmt:
		t.rep.Add("RULE", s.RuleStmt.Rulename+" on "+t.refName(s.RuleStmt.Relation).String(), report.Skipped, pos, "Dolt has no rewrite rules")
	case *pg.Node_CreatePolicyStmt:
		t.rep.Add("POLICY", s.CreatePolicyStmt.PolicyName+" on "+t.refName(s.CreatePolicyStmt.Table).String(), report.Skipped, pos, "Dolt has no row-level security")
	case *pg.Node_GrantStmt, *pg.Node_GrantRoleStmt, *pg.Node_AlterDefaultPrivilegesStmt:
		t.rep.Add(tocKind(ev, "ACL"), tocName(ev, "privileges"), report.Skipped, pos, "privileges are not copied; grant them in Dolt")
	case *pg.Node_AlterOwnerStmt, *pg.Node_AlterObjectSchemaStmt:
		t.rep.Add(tocKind(ev, "OWNER"), tocName(ev, "ownership"), report.Skipped, pos, "ownership is not copied")
	case *pg.Node_DropStmt:
		t.drop(ev, s.DropStmt)
	case *pg.Node_CreatedbStmt:
		t.rep.Add("DATABASE", s.CreatedbStmt.Dbname, report.Skipped, pos, "pgcopy writes into the target database")
	case *pg.Node_CreatePublicationStmt:
		t.rep.Add("PUBLICATION", s.CreatePublicationStmt.Pubname, report.Skipped, pos, "Dolt has no logical replication publications")
	case *pg.Node_CreateSubscriptionStmt:
		t.rep.Add("SUBSCRIPTION", s.CreateSubscriptionStmt.Subname, report.Skipped, pos, "Dolt has no logical replication subscriptions")
	default:
		kind := tocKind(ev, strings.TrimPrefix(fmt.Sprintf("%T", n.Node), "*pg_query.Node_"))
		t.rep.Add(kind, tocName(ev, firstLine(ev.Text)), report.Skipped, pos, "statement kind not translated")
	}
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
		if len(fc.Args) >= 2 && fc.Args[0].GetAConst().GetSval().GetSval() == "search_path" {
			var path []string
			for _, p := range strings.Split(fc.Args[1].GetAConst().GetSval().GetSval(), ",") {
				p = strings.Trim(strings.TrimSpace(p), `"`)
				if p != "" {
					path = append(path, p)
				}
			}
			t.searchPath = path
		}
		return
	case "setval":
		if len(fc.Args) < 2 {
			return
		}
		name := fc.Args[0].GetAConst().GetSval().GetSval()
		if !strings.Contains(name, ".") {
			name = t.defaultSchema() + "." + name
		}
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

func constInt(n *pg.Node) int64 { return pgnode.ConstInt(n) }

func (t *Translator) createTable(pos dump.Pos, s *pg.CreateStmt) {
	name := t.relName(s.Relation)
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
		case *pg.Node_TableLikeClause:
			t.fail(pos, name.String(), "", "pg_dump never writes LIKE; write the columns out", "CREATE TABLE ... (LIKE %s) is not supported", t.refName(e.TableLikeClause.Relation))
		default:
			t.rep.Add("TABLE ELEMENT", name.String(), report.Skipped, pos, "table element %T not understood", el.Node)
		}
	}
	for _, inh := range s.InhRelations {
		rv := inh.GetRangeVar()
		if rv == nil {
			continue
		}
		p := t.lookup(rv)
		if p == nil {
			t.fail(pos, name.String(), "", "the dump must hold the parent's CREATE TABLE before the child's", "parent table %s of this partition or child table is not in the dump", t.refName(rv))
			continue
		}
		if s.Partbound != nil {
			tb.parent = p
		} else {
			tb.inherits = append(tb.inherits, p)
		}
	}
	if s.OfTypename != nil {
		t.fail(pos, name.String(), "", "write the table as a whole-table override", "typed tables (OF %s) are not supported", pgTypeString(s.OfTypename))
	}
	if len(s.Options) > 0 {
		t.rep.Add("STORAGE", name.String(), report.Skipped, pos, "storage parameters (WITH ...) are PostgreSQL tuning; Dolt has none")
	}
	if prev := t.tables[name.String()]; prev != nil {
		t.fail(pos, name.String(), "", hintInconsistent, "table is created twice (first at %s)", prev.pos)
		return
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
			c.seq = identitySeq(k)
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

// identitySeq returns the SEQUENCE NAME option of an identity constraint.
func identitySeq(k *pg.Constraint) string {
	for _, o := range k.Options {
		if de := o.GetDefElem(); de != nil && de.Defname == "sequence_name" {
			return strings.Join(strList(de.Arg.GetList().GetItems()), ".")
		}
	}
	return ""
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
		t.rep.Add("CONSTRAINT", tb.pg.String()+"."+c.Conname, report.Skipped, pos, "Dolt has no EXCLUDE constraints; enforce the rule in the application or with a trigger")
	default:
		t.rep.Add("CONSTRAINT", tb.pg.String()+"."+c.Conname, report.Skipped, pos, "constraint type %s not understood", c.Contype)
	}
}

func (t *Translator) alterTable(ev dump.Event, s *pg.AlterTableStmt) {
	pos := ev.Pos
	name := t.refName(s.Relation)
	if s.Objtype == pg.ObjectType_OBJECT_INDEX {
		// ALTER INDEX parent ATTACH PARTITION child: partitions fold into
		// their parent, and so do their indexes (reported per index).
		return
	}
	if s.Objtype == pg.ObjectType_OBJECT_SEQUENCE || s.Objtype == pg.ObjectType_OBJECT_VIEW || s.Objtype == pg.ObjectType_OBJECT_MATVIEW {
		for _, cmdNode := range s.Cmds {
			switch cmd := cmdNode.GetAlterTableCmd(); {
			case cmd == nil:
			case cmd.Subtype == pg.AlterTableType_AT_ChangeOwner:
				t.rep.Add("OWNER", name.String(), report.Skipped, pos, "ownership is not copied")
			default:
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
			t.rep.Add("OWNER", name.String(), report.Skipped, pos, "ownership is not copied")
			continue
		}
		if tb == nil {
			switch cmd.Subtype {
			case pg.AlterTableType_AT_DropConstraint, pg.AlterTableType_AT_DropColumn, pg.AlterTableType_AT_DropNotNull,
				pg.AlterTableType_AT_DropIdentity, pg.AlterTableType_AT_DetachPartition, pg.AlterTableType_AT_DropInherit:
				t.cleanStmt(pos) // pg_dump --clean drops before the table exists
			case pg.AlterTableType_AT_ColumnDefault:
				if cmd.Def == nil {
					t.cleanStmt(pos)
					continue
				}
				fallthrough
			default:
				t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s on a relation pgcopy does not create", cmd.Subtype)
			}
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
					c.seq = identitySeq(k)
				}
			}
		case pg.AlterTableType_AT_AttachPartition:
			pc := cmd.Def.GetPartitionCmd()
			child := t.lookup(pc.Name)
			if child == nil {
				t.fail(pos, name.String(), "", hintInconsistent, "partition %s is not in the dump", t.refName(pc.Name))
				continue
			}
			child.parent = tb
		case pg.AlterTableType_AT_SetNotNull:
			if c := tb.column(cmd.Name); c != nil {
				c.notNull = true
			}
		case pg.AlterTableType_AT_AddColumn:
			if cd := cmd.Def.GetColumnDef(); cd != nil {
				tb.cols = append(tb.cols, t.columnDef(tb, pos, cd))
			}
		case pg.AlterTableType_AT_AddInherit:
			if p := t.lookup(cmd.Def.GetRangeVar()); p != nil {
				tb.inherits = append(tb.inherits, p)
			}
		case pg.AlterTableType_AT_EnableRowSecurity, pg.AlterTableType_AT_ForceRowSecurity:
			t.rep.Add("ROW SECURITY", name.String(), report.Skipped, pos, "Dolt has no row-level security")
		case pg.AlterTableType_AT_ClusterOn, pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ReplicaIdentity,
			pg.AlterTableType_AT_SetStatistics, pg.AlterTableType_AT_SetStorage, pg.AlterTableType_AT_SetCompression,
			pg.AlterTableType_AT_SetOptions:
			t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s is a PostgreSQL storage setting", cmd.Subtype)
		default:
			t.rep.Add(tocKind(ev, "ALTER TABLE"), name.String(), report.Skipped, pos, "%s not understood", cmd.Subtype)
		}
	}
}

// cleanStmt counts one statement of a pg_dump --clean prelude; Finish
// reports them as one entry.
func (t *Translator) cleanStmt(pos dump.Pos) {
	if t.clean == 0 {
		t.cleanFirst = pos
	}
	t.clean++
}

// drop handles DROP statements. pg_dump --clean writes a DROP ... IF
// EXISTS for every object before creating it; those remove what an
// earlier restore made and are counted, not applied. A DROP TABLE of a
// table the dump created earlier removes it.
func (t *Translator) drop(ev dump.Event, s *pg.DropStmt) {
	if s.RemoveType == pg.ObjectType_OBJECT_TABLE || s.RemoveType == pg.ObjectType_OBJECT_FOREIGN_TABLE {
		for _, o := range s.Objects {
			parts := strList(o.GetList().GetItems())
			if len(parts) == 0 {
				continue
			}
			rv := &pg.RangeVar{Relname: parts[len(parts)-1]}
			if len(parts) > 1 {
				rv.Schemaname = parts[len(parts)-2]
			}
			tb := t.lookup(rv)
			if tb == nil {
				t.cleanStmt(ev.Pos)
				continue
			}
			delete(t.tables, tb.pg.String())
			for i, o := range t.order {
				if o == tb {
					t.order = append(t.order[:i], t.order[i+1:]...)
					break
				}
			}
			t.rep.Add("TABLE", tb.pg.String(), report.Skipped, tb.pos, "the dump drops it again at %s", ev.Pos)
		}
		return
	}
	t.cleanStmt(ev.Pos)
}

func (t *Translator) comment(ev dump.Event, s *pg.CommentStmt) {
	if s.Objtype == pg.ObjectType_OBJECT_COLUMN {
		parts := strList(s.Object.GetList().GetItems())
		if len(parts) >= 2 {
			rv := &pg.RangeVar{Relname: parts[len(parts)-2]}
			if len(parts) >= 3 {
				rv.Schemaname = parts[len(parts)-3]
			}
			if tb := t.lookup(rv); tb != nil {
				if c := tb.column(parts[len(parts)-1]); c != nil {
					c.comment = s.Comment
					return
				}
			}
		}
	}
	if s.Objtype == pg.ObjectType_OBJECT_TABLE {
		parts := strList(s.Object.GetList().GetItems())
		if len(parts) >= 1 {
			rv := &pg.RangeVar{Relname: parts[len(parts)-1]}
			if len(parts) >= 2 {
				rv.Schemaname = parts[len(parts)-2]
			}
			if tb := t.lookup(rv); tb != nil {
				tb.comment = s.Comment
				return
			}
		}
	}
	t.rep.Add("COMMENT", tocName(ev, firstLine(ev.Text)), report.Skipped, ev.Pos, "only table and column comments are copied")
}
