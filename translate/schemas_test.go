package translate_test

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// schemasDump has public, two schemas with tables (one table name in two
// schemas), a schema holding only a function, foreign keys within and
// across schemas, indexes, a view across schemas and a materialized view
// with a unique index.
const schemasDump = `SET search_path = '';
CREATE SCHEMA auth;
CREATE SCHEMA billing;
CREATE SCHEMA util;
CREATE FUNCTION util.one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TABLE public.users (id integer NOT NULL, name text NOT NULL);
CREATE TABLE auth.users (id integer NOT NULL, user_id integer NOT NULL, login character varying(40) NOT NULL);
CREATE TABLE auth.sessions (id bigint NOT NULL, auth_user_id integer NOT NULL);
CREATE TABLE billing.invoices (id integer NOT NULL, user_id integer, amount numeric(10,2) NOT NULL);
CREATE VIEW billing.user_totals AS SELECT u.name, sum(i.amount) AS total FROM (public.users u JOIN billing.invoices i ON ((i.user_id = u.id))) GROUP BY u.name;
CREATE MATERIALIZED VIEW auth.logins AS SELECT a.login, u.name FROM (auth.users a JOIN public.users u ON ((u.id = a.user_id))) WITH NO DATA;
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY auth.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY auth.sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY billing.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);
CREATE INDEX invoices_user ON billing.invoices USING btree (user_id);
CREATE UNIQUE INDEX logins_login ON auth.logins USING btree (login);
CREATE INDEX logins_name ON auth.logins USING btree (name);
ALTER TABLE ONLY auth.users ADD CONSTRAINT users_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE ONLY auth.sessions ADD CONSTRAINT sessions_user_fk FOREIGN KEY (auth_user_id) REFERENCES auth.users(id) ON DELETE CASCADE;
ALTER TABLE ONLY billing.invoices ADD CONSTRAINT invoices_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id);
`

func tableIn(t *testing.T, db *schema.Database, database, name string) *schema.Table {
	t.Helper()
	for _, tb := range db.Tables {
		if tb.Database == database && tb.Name == name {
			return tb
		}
	}
	t.Fatalf("no table %s in database %q", name, database)
	return nil
}

// TestSchemasDefault: without the option, one database; public's tables
// keep their names and the others are schema_table.
func TestSchemasDefault(t *testing.T) {
	_, db, rep := mustRun(t, schemasDump)
	var names []string
	for _, tb := range db.Tables {
		names = append(names, tb.Database+"|"+tb.Name)
	}
	if got := strings.Join(names, " "); got != "|users |auth_users |auth_sessions |billing_invoices" {
		t.Errorf("tables %s", got)
	}
	if db.Databases != nil || len(db.CrossFKs) != 0 {
		t.Errorf("databases %v, cross %d", db.Databases, len(db.CrossFKs))
	}
	if n := len(table(t, db, "billing_invoices").ForeignKeys) + len(table(t, db, "auth_users").ForeignKeys); n != 2 {
		t.Errorf("%d foreign keys to public.users, want 2", n)
	}
	for _, o := range rep.Objects {
		if o.Database != "" {
			t.Errorf("%s %s has database %s", o.Kind, o.Name, o.Database)
		}
	}
	if o := object(rep, "SCHEMA", "auth"); o == nil || o.Action != report.Translated {
		t.Errorf("schema auth: %+v", o)
	}
}

// TestSchemasDatabases: each schema becomes the database shop_S, tables
// keep bare names, foreign keys across databases are reported and listed
// for the orphan check, views name tables of other databases qualified,
// and the report says where each object went.
func TestSchemasDatabases(t *testing.T) {
	_, db, rep, err := run(t, schemasDump, translate.Options{Schemas: translate.SchemasDatabases, Database: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(db.Databases, ","); got != "shop,shop_auth,shop_billing" {
		t.Errorf("databases %s", got)
	}
	tableIn(t, db, "shop", "users")
	au := tableIn(t, db, "shop_auth", "users")
	se := tableIn(t, db, "shop_auth", "sessions")
	inv := tableIn(t, db, "shop_billing", "invoices")
	if len(au.ForeignKeys) != 0 || len(inv.ForeignKeys) != 0 {
		t.Errorf("a cross-database foreign key was created: %v %v", au.ForeignKeys, inv.ForeignKeys)
	}
	if len(se.ForeignKeys) != 1 || se.ForeignKeys[0].RefTable != "users" || se.ForeignKeys[0].OnDelete != "CASCADE" {
		t.Errorf("sessions foreign keys %+v", se.ForeignKeys)
	}
	if len(db.CrossFKs) != 2 || db.CrossFKs[0].PG != "auth.users.users_user_fk" || db.CrossFKs[0].RefDatabase != "shop" || db.CrossFKs[0].Table != au {
		t.Errorf("cross foreign keys %+v", db.CrossFKs)
	}
	o := object(rep, "FK CONSTRAINT", "billing.invoices.invoices_user_fk")
	if o == nil || o.Action != report.Skipped || !strings.Contains(o.Detail, "no foreign keys across databases") || !strings.Contains(o.Detail, "orphans") {
		t.Errorf("cross foreign key report: %+v", o)
	}
	if o := object(rep, "FK CONSTRAINT", "auth.sessions.sessions_user_fk"); o == nil || o.Database != "shop_auth" {
		t.Errorf("same-database foreign key report: %+v", o)
	}
	for _, c := range []struct{ kind, name, db string }{
		{"TABLE", "public.users", "shop"}, {"TABLE", "auth.users", "shop_auth"}, {"TABLE", "billing.invoices", "shop_billing"},
		{"INDEX", "billing.invoices_user", "shop_billing"}, {"CONSTRAINT", "auth.users.users_pkey", "shop_auth"},
		{"VIEW", "billing.user_totals", "shop_billing"}, {"MATERIALIZED VIEW", "auth.logins", "shop_auth"},
		{"SCHEMA", "auth", "shop_auth"}, {"INDEX", "auth.logins_login", "shop_auth"},
	} {
		if o := object(rep, c.kind, c.name); o == nil || o.Database != c.db {
			t.Errorf("%s %s: %+v, want database %s", c.kind, c.name, o, c.db)
		}
	}
	if o := object(rep, "SCHEMA", "util"); o == nil || o.Action != report.Skipped || o.Database != "" {
		t.Errorf("schema util (functions only): %+v", o)
	}
	var totals, logins *schema.View
	for _, v := range db.Views {
		switch v.PG.String() {
		case "billing.user_totals":
			totals = v
		case "auth.logins":
			logins = v
		}
	}
	if totals == nil || totals.Database != "shop_billing" || !strings.Contains(totals.Query, "`shop`.`users` AS `u`") || !strings.Contains(totals.Query, "JOIN `invoices` AS `i`") {
		t.Errorf("cross-database view: %+v", totals)
	}
	// the materialized view's unique index; the non-unique one on a
	// longtext column passed through from public.users gets a prefix
	if logins == nil || len(logins.Indexes) != 2 || !logins.Indexes[0].Unique || logins.Indexes[1].Columns[0].Prefix != 255 {
		t.Fatalf("materialized view: %+v", logins)
	}
	// it reads shop.users: created empty, keyed, and (were it populated)
	// filled with its text columns rebuilt
	stmts := logins.CreateStatements()
	if len(stmts) != 2 || !strings.HasPrefix(stmts[0], "CREATE TABLE `logins` AS SELECT `q`.`login`, `q`.`name` FROM (") || !strings.HasSuffix(stmts[0], ") AS `q` LIMIT 0") ||
		stmts[1] != "ALTER TABLE `logins` ADD UNIQUE KEY `logins_login` (`login`), ADD KEY `logins_name` (`name`(255))" {
		t.Errorf("materialized view DDL: %q", stmts)
	}
	logins.Empty = false
	if stmts := logins.CreateStatements(); len(stmts) != 3 || !strings.HasPrefix(stmts[2], "INSERT INTO `logins` SELECT `q`.`login`, CONCAT(`q`.`name`) FROM (") {
		t.Errorf("materialized view fill: %q", stmts)
	}
	var golden strings.Builder
	rep.WriteGolden(&golden)
	if !strings.Contains(golden.String(), "TABLE auth.users translated in shop_auth (test.sql:7)") {
		t.Errorf("golden report lacks the database:\n%s", golden.String())
	}
}

// TestSchemasDatabasesOne: a dump whose tables live in one schema other
// than public goes to the target database alone, as in the default mode;
// a missing target name and an unknown mode are errors.
func TestSchemasDatabasesOne(t *testing.T) {
	_, db, _, err := run(t, "CREATE TABLE app.a (id integer);\nCREATE TABLE app.b (id integer);\n", translate.Options{Schemas: translate.SchemasDatabases, Database: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(db.Databases, ",") != "x" || db.Tables[0].Name != "a" || db.Tables[1].Database != "x" {
		t.Errorf("one schema: databases %v, tables %+v", db.Databases, db.Tables)
	}
	if _, _, _, err := run(t, "CREATE TABLE app.a (id integer);\n", translate.Options{Schemas: translate.SchemasDatabases}); err == nil || !strings.Contains(err.Error(), "target database's name") {
		t.Errorf("no target name: %v", err)
	}
	if _, _, _, err := run(t, "CREATE TABLE app.a (id integer);\n", translate.Options{Schemas: "nested"}); err == nil || !strings.Contains(err.Error(), "unknown schema mode") {
		t.Errorf("unknown mode: %v", err)
	}
	// schema names that differ by case, or hold a slash
	_, db, rep, err := run(t, "CREATE TABLE \"A\".t (id integer);\nCREATE TABLE a.t (id integer);\nCREATE TABLE \"x/y\".t (id integer);\n", translate.Options{Schemas: translate.SchemasDatabases, Database: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(db.Databases, ","); got != "d,d_A,d_a_2,d_x_y" {
		t.Errorf("databases %s", got)
	}
	_ = rep
}

func TestParseSchemasMode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want translate.SchemasMode
		err  string
	}{
		{"", translate.SchemasPrefix, ""},
		{"prefix", translate.SchemasPrefix, ""},
		{"prefix-all", translate.SchemasPrefixAll, ""},
		{"databases", translate.SchemasDatabases, ""},
		{"Databases", "", `--schemas must be prefix, prefix-all or databases, not "Databases" (--schema/-n is pg_dump's schema filter for --source)`},
		{"public", "", `--schemas must be prefix, prefix-all or databases, not "public" (--schema/-n is pg_dump's schema filter for --source)`},
	} {
		got, err := translate.ParseSchemasMode(tc.in)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("ParseSchemasMode(%q) = %q, %v; want %q, %q", tc.in, got, err, tc.want, tc.err)
		}
	}
}
