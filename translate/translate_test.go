package translate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/doltparse"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// run feeds a dump text through the first pass and returns the translator
// (for the second pass), the schema, the report and Finish's error.
func run(t *testing.T, sql string, opts translate.Options) (*translate.Translator, *schema.Database, *report.Report, error) {
	t.Helper()
	res, err := translate.ReadSchema(strings.NewReader(sql), "test.sql", translate.ReadOptions{Translate: opts})
	if err != nil && res.DB == nil {
		t.Fatal(err)
	}
	return res.Translator, res.DB, res.Report, err
}

func mustRun(t *testing.T, sql string) (*translate.Translator, *schema.Database, *report.Report) {
	t.Helper()
	tr, db, rep, err := run(t, sql, translate.Options{})
	if err != nil {
		t.Fatalf("Finish: %v", err)
	}
	for _, tb := range db.Tables {
		doltparse.Check(t, "table "+tb.Name, []byte(tb.CreateSQL()+";\n"))
	}
	return tr, db, rep
}

func table(t *testing.T, db *schema.Database, name string) *schema.Table {
	t.Helper()
	for _, tb := range db.Tables {
		if tb.Name == name {
			return tb
		}
	}
	var names []string
	for _, tb := range db.Tables {
		names = append(names, tb.Name)
	}
	t.Fatalf("no table %q; have %v", name, names)
	return nil
}

// object returns the report entry of the given kind and name, or nil.
func object(rep *report.Report, kind, name string) *report.Object {
	for i := range rep.Objects {
		if rep.Objects[i].Kind == kind && rep.Objects[i].Name == name {
			return &rep.Objects[i]
		}
	}
	return nil
}

// TestTypeMapping: one column of every PostgreSQL type family (manual
// chapter 8) gets a Dolt type, and every lossy mapping is reported.
func TestTypeMapping(t *testing.T) {
	const types = `
CREATE TYPE public.mood AS ENUM ('sad', 'o''k', 'happy');
CREATE DOMAIN public.posint AS integer CONSTRAINT posint_check CHECK ((VALUE > 0));
CREATE TYPE public.pair AS (a integer, b text);
`
	cases := []struct {
		pg, dolt string
		changed  bool // a COLUMN changed entry is expected
	}{
		{"smallint", "smallint", false},
		{"integer", "int", false},
		{"bigint", "bigint", false},
		{"numeric(10,2)", "decimal(10,2)", false},
		{"numeric", "decimal(65,30)", true},
		{"real", "float", false},
		{"double precision", "double", false},
		{"money", "decimal(19,2)", true},
		{"character varying(20)", "varchar(20)", false},
		{"character varying", "longtext", false},
		{"character varying(20000)", "longtext", true},
		{"text", "longtext", false},
		{"character(5)", "char(5)", false},
		{"character", "char(1)", false},
		{"bpchar", "longtext", true},
		{"character(300)", "varchar(300)", true},
		{`"char"`, "char(1)", false},
		{"name", "varchar(63)", false},
		{"bytea", "longblob", false},
		{"date", "date", false},
		{"timestamp(3) without time zone", "datetime(3)", false},
		{"timestamp with time zone", "datetime(6)", true},
		{"time without time zone", "time(6)", false},
		{"time with time zone", "time(6)", true},
		{"interval", "varchar(64)", true},
		{"boolean", "tinyint(1)", false},
		{"public.mood", "enum('sad','o''k','happy')", false},
		{"point", "longtext", true},
		{"polygon", "longtext", true},
		{"inet", "varchar(43)", true},
		{"cidr", "varchar(43)", true},
		{"macaddr", "varchar(17)", true},
		{"macaddr8", "varchar(23)", true},
		{"bit(8)", "bit(8)", false},
		{"bit(100)", "varchar(100)", true},
		{"bit varying(10)", "varchar(10)", true},
		{"tsvector", "longtext", true},
		{"tsquery", "longtext", true},
		{"uuid", "char(36)", false},
		{"xml", "longtext", true},
		{"json", "json", true},
		{"jsonb", "json", false},
		{"integer[]", "json", true},
		{"text[]", "json", true},
		{"public.mood[]", "json", true},
		{"int4range", "varchar(255)", true},
		{"tstzmultirange", "longtext", true},
		{"public.posint", "int", false},
		{"public.pair", "longtext", true},
		{"public.hstore", "json", true},
		{"public.citext", "longtext", true},
		{"public.geometry(Point,4326)", "longtext", true},
		{"public.vector(3)", "longtext", true},
		{"public.ltree", "longtext", true},
		{"oid", "bigint unsigned", false},
		{"regclass", "longtext", true},
		{"pg_lsn", "varchar(17)", true},
	}
	for _, c := range cases {
		t.Run(c.pg, func(t *testing.T) {
			_, db, rep := mustRun(t, types+"CREATE TABLE public.t (c "+c.pg+");\n")
			col := table(t, db, "t").Columns[0]
			if schema.FormatType(col.Type.Type) != c.dolt {
				t.Errorf("%s -> %s, want %s", c.pg, schema.FormatType(col.Type.Type), c.dolt)
			}
			o := object(rep, "COLUMN", "public.t.c")
			if got := o != nil && o.Action == report.Changed; got != c.changed {
				t.Errorf("%s: reported changed = %v, want %v (%+v)", c.pg, got, c.changed, o)
			}
		})
	}
	// numeric beyond Dolt's decimal is an error naming the column
	_, _, _, err := run(t, "CREATE TABLE public.t (c numeric(70,2));\n", translate.Options{})
	if err == nil || !strings.Contains(err.Error(), "table public.t, column c") || !strings.Contains(err.Error(), "test.sql:1") {
		t.Errorf("numeric(70,2): err = %v", err)
	}
	// citext keeps its case-insensitive collation
	_, db, _ := mustRun(t, "CREATE TABLE public.t (c public.citext);\n")
	if got := table(t, db, "t").Columns[0].Collation; got != "utf8mb4_0900_as_ci" {
		t.Errorf("citext collation %q", got)
	}
}

// TestExpressions: CHECK and DEFAULT forms found in the corpus.
func TestExpressions(t *testing.T) {
	const tbl = `CREATE TYPE public.status AS ENUM ('on', 'off');
CREATE TABLE public.t (
    a integer, b integer, s text, v character varying(10), j jsonb, ts timestamp without time zone,
    tz timestamp with time zone, d date, ok boolean, arr text[], st public.status, ts0 timestamp(0) without time zone`
	checks := []struct{ pg, want, err string }{
		{"(a > 0)", "(`a` > 0)", ""},
		{"((a >= 0) AND (a <= b))", "((`a` >= 0) AND (`a` <= `b`))", ""},
		{"((v)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[]))", "(`v` IN ('x', 'y'))", ""},
		{"((v)::text = ANY (ARRAY[('x'::character varying)::text, ('y'::character varying)::text]))", "(`v` IN ('x', 'y'))", ""},
		{"(char_length(s) > 0)", "(CHAR_LENGTH(`s`) > 0)", ""},
		{"(length((v)::text) <= 255)", "(CHAR_LENGTH(`v`) <= 255)", ""},
		{"((lower(s) = s))", "(LOWER(`s`) = `s`)", ""},
		{"((s)::text ~ '^[a-z]+$'::text)", "REGEXP_LIKE(`s`, '^[a-z]+$', 'c')", ""},
		{"((a IS NULL) <> (b IS NULL))", "((`a` IS NULL) XOR (`b` IS NULL))", ""},
		{"((st = 'on'::public.status) = (ts IS NOT NULL))", "(NOT ((`st` = 'on') XOR (`ts` IS NOT NULL)))", ""},
		{"(ok = false)", "(`ok` = FALSE)", ""},
		{"(a IS DISTINCT FROM b)", "(NOT (`a` <=> `b`))", ""},
		{"(a BETWEEN 1 AND 10)", "(`a` BETWEEN 1 AND 10)", ""},
		{"(jsonb_typeof(j) = 'object'::text)", "((CASE WHEN JSON_TYPE(`j`) IN ('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL') THEN 'number' ELSE LOWER(JSON_TYPE(`j`)) END) = 'object')", ""},
		{"(cardinality(arr) > 0)", "(JSON_LENGTH(`arr`) > 0)", ""},
		{"(a >= (0)::numeric)", "(`a` >= 0)", ""},
		{"(true)", "TRUE", ""},
		{"(ts > (d + '1 mon'::interval))", "(`ts` > (`d` + INTERVAL 1 MONTH))", ""},
		{"((ts - ts) > '1 day'::interval)", "", "interval"},
		{"(ts < now())", "", "not deterministic"},
		{"(d <= CURRENT_DATE)", "", "changes with time"},
		{"(a IN (SELECT 1))", "", "subquery"},
		{"(public.is_ok(a))", "", "user-defined"},
		{"(NOT (''::text = ANY ((arr)::text[])))", "", "array column"},
	}
	for _, c := range checks {
		t.Run("check "+c.pg, func(t *testing.T) {
			_, db, rep := mustRun(t, tbl+", CONSTRAINT t_check CHECK "+c.pg+");\n")
			tb := table(t, db, "t")
			o := object(rep, "CHECK", "public.t.t_check")
			if c.err != "" {
				if len(tb.Checks) != 0 || o == nil || o.Action != report.Skipped || !strings.Contains(o.Detail, c.err) {
					t.Errorf("want skipped with %q; checks %v, report %+v", c.err, tb.Checks, o)
				}
				return
			}
			if len(tb.Checks) != 1 || tb.Checks[0].Expr != c.want {
				var got []string
				for _, ck := range tb.Checks {
					got = append(got, ck.Expr)
				}
				t.Errorf("got %q, want %q (report %+v)", got, c.want, o)
			}
		})
	}
	defaults := []struct{ col, pg, want, err string }{
		{"a", "0", "0", ""},
		{"a", "'-1'::integer", "-1", ""},
		{"s", "''::text", "('')", ""},
		{"v", "'pending'::character varying", "'pending'", ""},
		{"v", "NULL::character varying", "NULL", ""},
		{"j", "'{}'::jsonb", "('{}')", ""},
		{"arr", "'{}'::text[]", "('[]')", ""},
		{"arr", "ARRAY[]::text[]", "('[]')", ""},
		{"arr", "ARRAY['a'::text, 'b'::text]", `('["a","b"]')`, ""},
		{"ok", "false", "0", ""},
		{"ok", "true", "1", ""},
		{"st", "'on'::public.status", "'on'", ""},
		{"ts", "now()", "CURRENT_TIMESTAMP(6)", ""},
		{"ts", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP(6)", ""},
		{"ts0", "now()", "CURRENT_TIMESTAMP", ""},
		{"tz", "now()", "(UTC_TIMESTAMP(6))", ""},
		{"ts", "timezone('UTC'::text, now())", "CURRENT_TIMESTAMP(6)", ""},
		{"d", "CURRENT_DATE", "(CURRENT_DATE)", ""},
		{"d", "(CURRENT_TIMESTAMP)::date", "(CURRENT_DATE)", ""},
		{"d", "('now'::text)::date", "(CURRENT_DATE)", ""},
		{"s", "gen_random_uuid()", "(UUID())", ""},
		{"a", "(1 + 2)", "(1 + 2)", ""},
		{"ts", "((CURRENT_TIMESTAMP)::date + '24:00:00'::interval)", "(CAST(CURRENT_TIMESTAMP(6) AS DATE) + INTERVAL 86400 SECOND)", ""},
		{"ts", "(now() - '7 days'::interval)", "(CURRENT_TIMESTAMP(6) - INTERVAL 7 DAY)", ""},
		{"v", "'1 day'::interval", "'1 day'", ""},
		{"s", "public.make_id()", "", "user-defined"},
		{"ts", "'infinity'::timestamp without time zone", "", "infinity"},
	}
	for _, c := range defaults {
		t.Run("default "+c.col+" "+c.pg, func(t *testing.T) {
			_, db, rep := mustRun(t, tbl+");\nALTER TABLE ONLY public.t ALTER COLUMN "+c.col+" SET DEFAULT "+c.pg+";\n")
			col := table(t, db, "t").ColumnByPG(c.col)
			if c.err != "" {
				o := object(rep, "DEFAULT", "public.t."+c.col)
				if col.Default != "" || o == nil || !strings.Contains(o.Detail, c.err) {
					t.Errorf("want skipped with %q; default %q, report %+v", c.err, col.Default, o)
				}
				return
			}
			if col.Default != c.want {
				t.Errorf("default %s -> %q, want %q (report %+v)", c.pg, col.Default, c.want, object(rep, "DEFAULT", "public.t."+c.col))
			}
		})
	}
}

// TestGenerated: stored generated columns keep their expression when it
// translates; otherwise the column becomes a plain nullable column.
func TestGenerated(t *testing.T) {
	_, db, rep := mustRun(t, `CREATE TABLE public.u (
    data jsonb NOT NULL,
    a timestamp with time zone,
    b timestamp with time zone,
    email text GENERATED ALWAYS AS (lower((data ->> 'email'::text))) STORED,
    first timestamp with time zone GENERATED ALWAYS AS (LEAST(a, b)) STORED,
    bad text GENERATED ALWAYS AS (public.f(data)) STORED NOT NULL
);
`)
	tb := table(t, db, "u")
	if got := tb.Column("email").SQL(); got != "`email` longtext GENERATED ALWAYS AS (LOWER(JSON_UNQUOTE(JSON_EXTRACT(`data`, '$.\"email\"')))) STORED" {
		t.Errorf("email: %s", got)
	}
	if got := tb.Column("first").SQL(); got != "`first` datetime(6) GENERATED ALWAYS AS (LEAST(COALESCE(`a`, `b`), COALESCE(`b`, `a`))) STORED" {
		t.Errorf("first: %s", got)
	}
	if c := tb.Column("bad"); schema.FormatType(c.Type.Type) != "longtext" || c.NotNull || c.Generated != "" {
		t.Errorf("bad: %s not null %v", schema.FormatType(c.Type.Type), c.NotNull)
	}
	if o := object(rep, "COLUMN", "public.u.bad"); o == nil || !strings.Contains(o.Detail, "stays NULL") {
		t.Errorf("bad not reported: %+v", o)
	}
}

// TestKeyedText: TEXT cannot be a Dolt primary key or foreign-key column,
// and a case-insensitive TEXT cannot be in a unique key.
func TestKeyedText(t *testing.T) {
	_, db, rep := mustRun(t, `CREATE TABLE public.p (code text NOT NULL, name text, email public.citext, note text, bin bytea NOT NULL);
CREATE TABLE public.c (id integer NOT NULL, p_code character varying, body text);
ALTER TABLE ONLY public.p ADD CONSTRAINT p_pkey PRIMARY KEY (code);
ALTER TABLE ONLY public.p ADD CONSTRAINT p_name_key UNIQUE (name);
CREATE UNIQUE INDEX p_email_idx ON public.p USING btree (email);
CREATE INDEX p_note_idx ON public.p USING btree (note DESC);
CREATE UNIQUE INDEX p_bin_idx ON public.p USING btree (bin);
ALTER TABLE ONLY public.c ADD CONSTRAINT c_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_fkey FOREIGN KEY (p_code) REFERENCES public.p(code) ON DELETE CASCADE;
`)
	p, c := table(t, db, "p"), table(t, db, "c")
	for _, x := range []struct {
		tb        *schema.Table
		col, want string
	}{{p, "code", "varchar(255)"}, {p, "name", "longtext"}, {p, "email", "varchar(255)"}, {p, "note", "longtext"}, {p, "bin", "longblob"}, {c, "p_code", "varchar(255)"}, {c, "body", "longtext"}} {
		if got := schema.FormatType(x.tb.Column(x.col).Type.Type); got != x.want {
			t.Errorf("%s.%s: %s, want %s", x.tb.Name, x.col, got, x.want)
		}
	}
	if o := object(rep, "COLUMN", "public.p.code"); o == nil || o.Action != report.Changed || !strings.Contains(o.Detail, "override") {
		t.Errorf("p.code report: %+v", o)
	}
	var note *schema.Index
	for _, ix := range p.Indexes {
		if ix.Name == "p_note_idx" {
			note = ix
		}
	}
	if note == nil || note.Columns[0].Prefix != 255 || !note.Columns[0].Desc {
		t.Errorf("p_note_idx: %+v", note)
	}
	if len(c.ForeignKeys) != 1 || c.ForeignKeys[0].OnDelete != "CASCADE" {
		t.Errorf("fk: %+v", c.ForeignKeys)
	}
}

// TestForeignKeys: Dolt's rules for foreign keys (equal integer types, an
// index on the referenced columns, no SET NULL on NOT NULL, no SET
// DEFAULT) are met and every change is reported.
func TestForeignKeys(t *testing.T) {
	_, db, rep := mustRun(t, `CREATE TABLE public.parent (id integer NOT NULL, a integer NOT NULL, b integer NOT NULL);
CREATE TABLE public.child (id bigint NOT NULL, parent_id bigint NOT NULL, a integer, b integer, d integer DEFAULT 1);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_a_b_key UNIQUE (a, b);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.child ADD CONSTRAINT child_ba_fkey FOREIGN KEY (b, a) REFERENCES public.parent(b, a) ON UPDATE SET DEFAULT NOT VALID;
ALTER TABLE ONLY public.child ADD CONSTRAINT child_missing_fkey FOREIGN KEY (d) REFERENCES public.gone(id);
`)
	parent, child := table(t, db, "parent"), table(t, db, "child")
	if got := schema.FormatType(parent.Column("id").Type.Type); got != "bigint" {
		t.Errorf("parent.id not widened: %s", got)
	}
	if o := object(rep, "COLUMN", "public.parent.id"); o == nil || !strings.Contains(o.Detail, "widened to bigint") {
		t.Errorf("widening not reported: %+v", o)
	}
	if len(child.ForeignKeys) != 2 {
		t.Fatalf("fks: %+v", child.ForeignKeys)
	}
	fk := child.ForeignKeys[0]
	if fk.OnDelete != "" {
		t.Errorf("SET NULL on a NOT NULL column kept: %+v", fk)
	}
	o := object(rep, "FK CONSTRAINT", "public.child.child_parent_fkey")
	if o == nil || !strings.Contains(o.Detail, "SET NULL dropped") || !strings.Contains(o.Detail, "DEFERRABLE dropped") {
		t.Errorf("child_parent_fkey report: %+v", o)
	}
	if fk2 := child.ForeignKeys[1]; fk2.OnUpdate != "" || fk2.RefColumns[0] != "b" {
		t.Errorf("child_ba_fkey: %+v", fk2)
	}
	o = object(rep, "FK CONSTRAINT", "public.child.child_ba_fkey")
	if o == nil || !strings.Contains(o.Detail, "SET DEFAULT dropped") || !strings.Contains(o.Detail, "NOT VALID dropped") || !strings.Contains(o.Detail, "index child_ba_fkey_ref added") {
		t.Errorf("child_ba_fkey report: %+v", o)
	}
	if o := object(rep, "FK CONSTRAINT", "public.child.child_missing_fkey"); o == nil || o.Action != report.Skipped {
		t.Errorf("fk to a missing table: %+v", o)
	}
}

// TestIndexes: partial, expression, GIN/GiST and INCLUDE indexes.
func TestIndexes(t *testing.T) {
	sql := `CREATE TABLE public.t (id integer NOT NULL, s text, n integer, doc tsvector);
CREATE UNIQUE INDEX t_partial ON public.t USING btree (n) WHERE (n > 0);
CREATE INDEX t_partial_plain ON public.t USING btree (n, id DESC) WHERE (s IS NOT NULL);
CREATE INDEX t_expr ON public.t USING btree (lower(s));
CREATE INDEX t_gin ON public.t USING gin (to_tsvector('english'::regconfig, s));
CREATE INDEX t_gist ON public.t USING gist (doc);
CREATE INDEX t_incl ON public.t USING btree (n) INCLUDE (id);
CREATE INDEX t_hash ON public.t USING hash (id);
CREATE UNIQUE INDEX t_nnd ON public.t USING btree (id, n) NULLS NOT DISTINCT;
`
	_, db, rep, err := run(t, sql, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := table(t, db, "t")
	var names []string
	for _, ix := range tb.Indexes {
		names = append(names, ix.Name)
	}
	if got := strings.Join(names, ","); got != "t_partial_plain,t_incl,t_hash,t_nnd" {
		t.Errorf("indexes %s", got)
	}
	if ix := tb.Indexes[0]; ix.Unique || len(ix.Columns) != 2 || ix.Columns[0].Name != "n" || ix.Columns[1].Name != "id" || !ix.Columns[1].Desc {
		t.Errorf("t_partial_plain: %+v, want a plain index on (n, id DESC)", ix)
	}
	for name, want := range map[string]string{
		"public.t_partial": "skipped partial unique index",
		// a non-unique partial index is a plain one on its columns
		"public.t_partial_plain": "changed partial index predicate dropped: only affects speed (WHERE s IS NOT NULL)",
		"public.t_expr":          "skipped expression index",
		"public.t_gin":           "skipped gin index on to_tsvector",
		"public.t_gist":          "skipped gist index",
		"public.t_incl":          "changed INCLUDE columns dropped",
		"public.t_hash":          "changed hash index becomes a btree",
		"public.t_nnd":           "changed NULLS NOT DISTINCT dropped",
	} {
		o := object(rep, "INDEX", name)
		if o == nil || !strings.HasPrefix(string(o.Action)+" "+o.Detail, want) {
			t.Errorf("%s: %+v, want %q", name, o, want)
		}
	}
	// FULLTEXT on request
	_, db, _, err = run(t, sql, translate.Options{FullText: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ix := range table(t, db, "t").Indexes {
		if ix.Name == "t_gin" && ix.Kind == "FULLTEXT" && ix.Columns[0].Name == "s" {
			found = true
		}
	}
	if !found {
		t.Errorf("FullText: no FULLTEXT t_gin")
	}
}

// TestNames: several schemas, case-only collisions, long names, mixed case
// and hostile names.
func TestNames(t *testing.T) {
	long := strings.Repeat("x", 63)
	_, db, rep := mustRun(t, `CREATE TABLE public."Users" (id integer);
CREATE TABLE public.users (id integer, "ID" integer, "Id" integer);
CREATE TABLE auth.users (id integer);
CREATE TABLE public."test; DROP TABLE users;" ("select" integer, "a`+"`"+`b" text);
CREATE TABLE auth.`+long+` (x integer);
CREATE TABLE public."ünïcødé" (x integer);
`)
	var names []string
	for _, tb := range db.Tables {
		names = append(names, tb.Name)
	}
	cut := "auth_" + long[:50] // 64 characters: 55 kept, "_" and 8 hex digits of a hash
	want := []string{"Users", "users_2", "auth_users", "test; DROP TABLE users;", names[4], "ünïcødé"}
	if len(names[4]) != 64 || !strings.HasPrefix(names[4], cut) {
		t.Errorf("long name %q", names[4])
	}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("names %q, want %q", names, want)
	}
	if o := object(rep, "TABLE", "public.users"); o == nil || o.Action != report.Changed || !strings.Contains(o.Detail, "case-insensitive") {
		t.Errorf("collision not reported: %+v", o)
	}
	u := table(t, db, "users_2")
	if got := []string{u.Columns[0].Name, u.Columns[1].Name, u.Columns[2].Name}; strings.Join(got, ",") != "id,ID_2,Id_3" {
		t.Errorf("column names %v", got)
	}
	hostile := table(t, db, "test; DROP TABLE users;").CreateSQL()
	if !strings.HasPrefix(hostile, "CREATE TABLE `test; DROP TABLE users;` (\n  `select` int,\n  `a``b` longtext\n)") {
		t.Errorf("hostile DDL:\n%s", hostile)
	}
	// with every schema prefixed
	_, db, _, err := run(t, "CREATE TABLE public.a (id integer);\nCREATE TABLE app.b (id integer);\n", translate.Options{Schemas: translate.SchemasPrefixAll})
	if err != nil {
		t.Fatal(err)
	}
	if db.Tables[0].Name != "public_a" || db.Tables[1].Name != "app_b" {
		t.Errorf("prefixed: %s %s", db.Tables[0].Name, db.Tables[1].Name)
	}
}

// TestInheritsAndPartitions: INHERITS children stay tables with the
// parent's columns; partitions fold into their parent.
func TestInheritsAndPartitions(t *testing.T) {
	_, db, rep := mustRun(t, `CREATE TABLE public.base (id integer NOT NULL, created date, CONSTRAINT base_id_check CHECK ((id > 0)));
CREATE TABLE public.child (extra text) INHERITS (public.base);
CREATE TABLE public.m (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.m_2024 (id integer NOT NULL, at date NOT NULL);
ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.m ADD CONSTRAINT m_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.m_2024 ADD CONSTRAINT m_2024_pkey PRIMARY KEY (id, at);
`)
	if len(db.Tables) != 3 {
		t.Fatalf("%d tables", len(db.Tables))
	}
	child := table(t, db, "child")
	var cols []string
	for _, c := range child.Columns {
		cols = append(cols, c.Name)
	}
	if strings.Join(cols, ",") != "id,created,extra" || len(child.Checks) != 1 {
		t.Errorf("child columns %v checks %v", cols, child.Checks)
	}
	if o := object(rep, "TABLE", "public.child"); o == nil || !strings.Contains(o.Detail, "INHERITS (public.base) dropped") {
		t.Errorf("inherits not reported: %+v", o)
	}
	if o := object(rep, "TABLE", "public.m_2024"); o == nil || !strings.Contains(o.Detail, "folded into m") {
		t.Errorf("partition not reported: %+v", o)
	}
}

// TestDumpVariants: pg_dump -C, --clean, PG17 settings, a SET the parser
// does not know, and a Rails trailer whose INSERT names its table without a
// schema.
func TestDumpVariants(t *testing.T) {
	tr, db, rep, err := run(t, `SET statement_timeout = 0;
SET transaction_timeout = 0;
SET some_future_setting TO DEFAULT FOR EVERYTHING;
SELECT pg_catalog.set_config('search_path', '', false);
DROP TABLE IF EXISTS public.schema_migrations;
DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop WITH TEMPLATE = template0 ENCODING = 'UTF8';
\connect shop
CREATE TABLE public.schema_migrations (version character varying NOT NULL);
ALTER TABLE ONLY public.schema_migrations ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);
CREATE TABLE public.items (id integer NOT NULL, price money);
SET search_path TO "$user", public;
INSERT INTO "schema_migrations" (version) VALUES
('20240101000000'),
('20240102000000');
INSERT INTO items VALUES (1, '$1,234.56'), (2, '($2.00)');
`, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(db.Tables) != 2 {
		t.Fatalf("%d tables", len(db.Tables))
	}
	for _, k := range [][2]string{{"SET", "transaction_timeout"}, {"DATABASE", "shop"}, {"DROP", "pg_dump --clean prelude"}} {
		if o := object(rep, k[0], k[1]); o == nil || o.Action != report.Skipped {
			t.Errorf("%s %s not reported skipped: %+v", k[0], k[1], o)
		}
	}
	unparsed := false
	for _, o := range rep.Objects {
		if o.Kind == "SET" && strings.Contains(o.Detail, "not understood") {
			unparsed = true
		}
	}
	if !unparsed {
		t.Errorf("unparsable SET not reported")
	}
	// pass 2
	rd := dump.NewReader(strings.NewReader("INSERT INTO \"schema_migrations\" (version) VALUES\n('20240101000000'),\n('20240102000000');\n"), "test.sql")
	ev, _ := rd.Next()
	rows, vals, err := tr.InsertRows(ev)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Table.Name != "schema_migrations" || rows.Source != "public.schema_migrations" || len(vals) != 2 {
		t.Errorf("InsertRows: %s %s %d", rows.Table.Name, rows.Source, len(vals))
	}
	b, err := rows.AppendTuple(nil, vals[1])
	if err != nil || string(b) != "('20240102000000')" {
		t.Errorf("tuple %s %v", b, err)
	}
	rd = dump.NewReader(strings.NewReader("INSERT INTO items VALUES (1, '$1,234.56'), (2, '($2.00)');\n"), "test.sql")
	ev, _ = rd.Next()
	rows, vals, err = tr.InsertRows(ev)
	if err != nil {
		t.Fatal(err)
	}
	var tuples []string
	for _, v := range vals {
		b, err := rows.AppendTuple(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		tuples = append(tuples, string(b))
	}
	if got := strings.Join(tuples, ","); got != "(1,1234.56),(2,-2.00)" {
		t.Errorf("money tuples %s", got)
	}
}

// TestRowSize: a table whose varchar columns exceed Dolt's row size gets
// its widest non-key varchars as longtext.
func TestRowSize(t *testing.T) {
	_, db, rep := mustRun(t, `CREATE TABLE public.wide (k character varying(10000) NOT NULL, a character varying(10000), b character varying(5000), c character varying(100));
ALTER TABLE ONLY public.wide ADD CONSTRAINT wide_pkey PRIMARY KEY (k);
`)
	tb := table(t, db, "wide")
	got := []string{schema.FormatType(tb.Column("k").Type.Type), schema.FormatType(tb.Column("a").Type.Type), schema.FormatType(tb.Column("b").Type.Type), schema.FormatType(tb.Column("c").Type.Type)}
	if strings.Join(got, ",") != "varchar(10000),longtext,varchar(5000),varchar(100)" {
		t.Errorf("types %v", got)
	}
	if o := object(rep, "COLUMN", "public.wide.a"); o == nil || !strings.Contains(o.Detail, "row size") {
		t.Errorf("not reported: %+v", o)
	}
}

// TestRowsErrors: value errors name the column.
func TestRowsErrors(t *testing.T) {
	tr, _, _ := mustRun(t, "CREATE TABLE public.t (id integer, m money);\n")
	rd := dump.NewReader(strings.NewReader("COPY public.t (id, m) FROM stdin;\n1\tx\n\\.\n"), "test.sql")
	ev, _ := rd.Next()
	rows, err := tr.CopyRows(ev)
	if err != nil {
		t.Fatal(err)
	}
	_, err = rows.AppendTuple(nil, []pgtext.Field{{Value: []byte("1")}, {Value: []byte("x")}})
	var ve *translate.ValueError
	if !errors.As(err, &ve) || ve.Column != "m" {
		t.Errorf("err %v", err)
	}
}

// TestInsertDefault: pg_dump --inserts writes DEFAULT for generated
// columns; such a column is left out of the rows.
func TestInsertDefault(t *testing.T) {
	tr, _, _ := mustRun(t, "CREATE TABLE public.g (a integer, b integer GENERATED ALWAYS AS ((a * 2)) STORED, c text);\n")
	rd := dump.NewReader(strings.NewReader("INSERT INTO public.g VALUES (1, DEFAULT, 'x'), (2, DEFAULT, NULL);\n"), "test.sql")
	ev, _ := rd.Next()
	rows, vals, err := tr.InsertRows(ev)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows.Columns, ",") != "a,c" || len(vals) != 2 {
		t.Fatalf("columns %v rows %d", rows.Columns, len(vals))
	}
	b, err := rows.AppendTuple(nil, vals[1])
	if err != nil || string(b) != "(2,NULL)" {
		t.Errorf("tuple %s %v", b, err)
	}
}

// TestLtreeRule: ltree's Dolt type and report come from its registry row
// (package pgtypes), in whatever schema the extension was installed in.
func TestLtreeRule(t *testing.T) {
	for _, typ := range []string{"public.ltree", "ext.ltree"} {
		_, db, rep := mustRun(t, "CREATE TABLE public.t (c "+typ+");\n")
		col := table(t, db, "t").Columns[0]
		if got := schema.FormatType(col.Type.Type); got != "longtext" || col.Codec.Kind != schema.KindString || col.Type.Raw != typ {
			t.Errorf("%s: %s %+v raw %q", typ, got, col.Codec, col.Type.Raw)
		}
		if o := object(rep, "COLUMN", "public.t.c"); o == nil || !strings.HasPrefix(o.Detail, "ltree stored as its text form") {
			t.Errorf("%s: report %+v", typ, o)
		}
	}
}
