package overrides_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/schema"
)

const full = `# every property
tables:
  public.people:
    rename: person
    skip_data: true
    collation: utf8mb4_0900_ai_ci
    types:
      text: {type: varchar(1000)}
    columns:
      name:
        type: varchar(32)
        collation: utf8mb4_0900_as_ci
        default: "'anon'"
        nullable: false
      bio: {length: 5000}
      price: {length: "12,2"}
      legacy: {skip: true}
      created: {default: null}
      nick: varchar(16)
  audit:
    skip: true
types:
  public.citext: {collation: utf8mb4_0900_ai_ci}
  "character varying(255)": {type: varchar(300)}
`

// TestOverrideParseYAML reads every property with its line.
func TestOverrideParseYAML(t *testing.T) {
	s, err := overrides.ParseYAML("ov.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 2 || len(s.Types) != 2 {
		t.Fatalf("tables %d, types %d", len(s.Tables), len(s.Types))
	}
	p := s.Tables[0]
	if p.Name != "public.people" || p.Pos.Line != 3 || p.Rename.Value != "person" || p.Rename.Pos.Line != 4 ||
		!p.SkipData.Value || p.Collation.Value != "utf8mb4_0900_ai_ci" || len(p.Types) != 1 || schema.FormatType(p.Types[0].Type.Value) != "varchar(1000)" {
		t.Errorf("table entry: %+v", p)
	}
	if sc, n := p.Schema(); sc != "public" || n != "people" {
		t.Errorf("Schema() = %q, %q", sc, n)
	}
	cols := map[string]*overrides.Column{}
	for _, c := range p.Columns {
		cols[c.Name] = c
	}
	name := cols["name"]
	if name.Pos.Line != 10 || schema.FormatType(name.Type.Value) != "varchar(32)" || name.Type.Pos.Line != 11 || name.Collation.Value != "utf8mb4_0900_as_ci" ||
		*name.Default.Value != "'anon'" || !name.Nullable.Set || name.Nullable.Value || name.Nullable.Pos.Line != 14 {
		t.Errorf("name: %+v", name)
	}
	if cols["bio"].Length.Value != "5000" || cols["price"].Length.Value != "12,2" || !cols["legacy"].Skip.Value {
		t.Errorf("bio/price/legacy: %+v %+v %+v", cols["bio"], cols["price"], cols["legacy"])
	}
	if d := cols["created"].Default; !d.Set || d.Value != nil {
		t.Errorf("default: null should drop the default: %+v", d)
	}
	if schema.FormatType(cols["nick"].Type.Value) != "varchar(16)" {
		t.Errorf("shorthand column type: %+v", cols["nick"])
	}
	if a := s.Tables[1]; a.Name != "audit" || !a.Skip.Value {
		t.Errorf("audit: %+v", a)
	}
	if s.Types[1].PGType != "character varying(255)" || s.Types[1].Pos.Line != 24 {
		t.Errorf("type rule: %+v", s.Types[1])
	}
}

// TestOverrideParseYAMLErrors: each mistake is reported with its line.
func TestOverrideParseYAMLErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"tables:\n  t:\n    colums: {}\n", `ov.yaml:3: overrides: unknown key "colums" in table t`},
		{"tables:\n  t:\n    skip: yes please\n", `ov.yaml:3: overrides: skip must be true or false`},
		{"tables:\n  t:\n    columns:\n      c: {type: varchar(3), length: 4}\n", "ov.yaml:4: overrides: column t.c sets both type and length"},
		{"tables:\n  t:\n    columns:\n      c: {collation: Latin1-CI}\n", `ov.yaml:4: overrides: "latin1-ci" is not a collation name`},
		{"tables:\n  t:\n    columns:\n      c: {length: \"70,2\"}\n", `ov.yaml:4: overrides: length "70,2" is not a valid precision and scale`},
		{"types:\n  text: {skip: true}\n", "ov.yaml:2: overrides: skip is not allowed in a type rule"},
		{"tables:\n  t: {}\n  t: {}\n", `ov.yaml:3: overrides: "t" is given twice (first on line 2)`},
		{"tables: [a, b]\n", "ov.yaml:1: overrides: tables must be a map"},
		{"tables:\n  t:\n   - x\n  bad indent\n", "ov.yaml:4: overrides:"},
		{"version: 2\n", `ov.yaml:1: overrides: unknown key "version" at the top level`},
	} {
		_, err := overrides.ParseYAML("ov.yaml", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
}

const ddl = `-- two tables
CREATE TABLE people (
  id bigint unsigned NOT NULL AUTO_INCREMENT,
  name varchar(32) collate utf8mb4_0900_ai_ci not null unique,
  ` + "`bio`" + ` varchar(5000) DEFAULT 'none' COMMENT 'about',
  price decimal(12,2),
  kind enum('a','b''c') NOT NULL DEFAULT 'a',
  doubled bigint GENERATED ALWAYS AS (id * 2) STORED,
  PRIMARY KEY (id),
  KEY bio_ix (bio(20) DESC),
  CONSTRAINT people_kind FOREIGN KEY (kind) REFERENCES kinds (k) ON DELETE CASCADE,
  CONSTRAINT price_pos CHECK (price > 0)
) AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_as_cs COMMENT='hand-written';

/* second */
CREATE TABLE kinds (k enum('a','b''c') PRIMARY KEY);
`

// TestOverrideParseSQL reads whole-table CREATE TABLE statements into the
// schema model, with the line of each statement and column.
func TestOverrideParseSQL(t *testing.T) {
	ds, err := overrides.ParseSQL("people.sql", []byte(ddl))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].Pos.Line != 2 || ds[1].Pos.Line != 16 {
		t.Fatalf("statements: %d, lines %v", len(ds), ds)
	}
	p := ds[0].Table
	var got []string
	for i, c := range p.Columns {
		got = append(got, c.SQL())
		if ds[0].ColumnPos[i].Line != 3+i {
			t.Errorf("column %s at line %d, want %d", c.Name, ds[0].ColumnPos[i].Line, 3+i)
		}
	}
	want := []string{
		"`id` bigint unsigned NOT NULL AUTO_INCREMENT",
		"`name` varchar(32) COLLATE utf8mb4_0900_ai_ci NOT NULL",
		"`bio` varchar(5000) COLLATE utf8mb4_0900_as_cs DEFAULT 'none' COMMENT 'about'",
		"`price` decimal(12,2)",
		"`kind` enum('a','b''c') COLLATE utf8mb4_0900_as_cs NOT NULL DEFAULT 'a'",
		"`doubled` bigint GENERATED ALWAYS AS ((id * 2)) STORED",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("columns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sql := p.CreateSQL(); !strings.Contains(sql, "PRIMARY KEY (`id`)") || !strings.Contains(sql, "UNIQUE KEY `name` (`name`)") ||
		!strings.Contains(sql, "KEY `bio_ix` (`bio`(20) DESC)") ||
		!strings.Contains(sql, "CONSTRAINT `people_kind` FOREIGN KEY (`kind`) REFERENCES `kinds` (`k`) ON DELETE CASCADE") ||
		!strings.Contains(sql, "CONSTRAINT `price_pos` CHECK (price > 0)") || !strings.Contains(sql, "AUTO_INCREMENT=42") ||
		!strings.Contains(sql, "COMMENT='hand-written'") {
		t.Errorf("CREATE TABLE:\n%s", sql)
	}
	if k := ds[1].Table; len(k.PrimaryKey) != 1 || k.PrimaryKey[0] != "k" || !k.Columns[0].NotNull {
		t.Errorf("kinds: %+v", k)
	}
}

func TestOverrideParseSQLErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"SELECT 1;", "x.sql:1: overrides: only CREATE TABLE statements"},
		{"\n\nCREATE TABLE t (\n  a int,\n  b int REFERENCES u (x)\n);", "x.sql:5: overrides: column b: inline REFERENCES is ignored by MySQL"},
		{"CREATE TABLE t (a int) PARTITION BY HASH (a) PARTITIONS 2;", "x.sql:1: overrides: partitioned tables are not supported"},
		{"CREATE TABLE t (\n  a int,\n  b int AS (a + 1)\n);", "x.sql:3: overrides: column b: virtual generated columns are not supported"},
		{"-- nothing\n", "x.sql:1: overrides: the file holds no CREATE TABLE, VIEW, TRIGGER or PROCEDURE statement"},
		{"CREATE TABLE t (a int,\n  KEY (nope));", "x.sql:1: overrides: index  names column nope"},
		{"CREATE TABLE t (\n  a int,\n  b int c int\n);", "x.sql:3: overrides: syntax error"},
	} {
		_, err := overrides.ParseSQL("x.sql", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestOverrideLoad reads a directory's .yaml, .yml and .sql files in name
// order, ignores other files, and names missing paths.
func TestOverrideLoad(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.yml"), []byte("types:\n  text: {type: varchar(10)}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("tables:\n  t: {skip: true}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.sql"), []byte("CREATE TABLE u (a int);\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored"), 0o644)
	s, err := overrides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Files) != 3 || filepath.Base(s.Files[0]) != "a.yaml" || len(s.Tables) != 1 || len(s.Types) != 1 || len(s.DDLs) != 1 || s.Empty() {
		t.Errorf("loaded %v: %d tables, %d types, %d DDLs", s.Files, len(s.Tables), len(s.Types), len(s.DDLs))
	}
	if _, err := overrides.Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := overrides.Load(filepath.Join(dir, "notes.txt")); err == nil || !strings.Contains(err.Error(), "not a .yaml, .yml or .sql file") {
		t.Errorf("a .txt file: %v", err)
	}
	if err := overrides.CheckType("decimal(12,2) unsigned"); err != nil {
		t.Error(err)
	}
	if err := overrides.CheckType("varchar2(10)"); err == nil {
		t.Error("varchar2 accepted")
	}
}

// TestParseType: override type text becomes the typed model once, with
// Dolt's parser, and prints back in the form pgcopy writes in CREATE TABLE.
func TestParseType(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"VARCHAR( 32 )", "varchar(32)"},
		{"decimal(12, 2) unsigned", "decimal(12,2) unsigned"},
		{"bigint UNSIGNED", "bigint unsigned"},
		{"int(11) zerofill", "int(11) zerofill"},
		{"integer", "integer"},
		{"double precision", "double precision"},
		{"enum('a', 'It''s')", "enum('a','It''s')"},
		{"set('x','y')", "set('x','y')"},
		{"datetime", "datetime"},
		{"datetime(3)", "datetime(3)"},
		{"tinyint(1)", "tinyint(1)"},
		{"boolean", "boolean"},
		{"point srid 4326", "point SRID 4326"},
		{"json", "json"},
		{"longblob", "longblob"},
		{"bit(3)", "bit(3)"},
	} {
		typ, err := overrides.ParseType(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := schema.FormatType(typ); got != c.want {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"varchar2(10)", "serial", "int not null", "varchar(10) default 'x'", "text collate utf8mb4_bin", "vector(3)", "int primary key", ""} {
		if typ, err := overrides.ParseType(bad); err == nil {
			t.Errorf("%q accepted as %s", bad, schema.FormatType(typ))
		}
	}
}
