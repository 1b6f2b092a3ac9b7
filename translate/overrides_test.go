package translate_test

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// firstPass runs the first pass over an in-memory dump, measuring rows,
// and returns the translator, the schema and Finish's error.
func firstPass(t *testing.T, text string, opts translate.Options) (*translate.Translator, *schema.Database, *report.Report, error) {
	t.Helper()
	res, err := translate.ReadSchema(strings.NewReader(text), "d.sql", translate.ReadOptions{Translate: opts})
	if err != nil && res.DB == nil {
		t.Fatal(err)
	}
	return res.Translator, res.DB, res.Report, err
}

func yamlSet(t *testing.T, text string) *overrides.Set {
	t.Helper()
	s, err := overrides.ParseYAML("ov.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func column(t *testing.T, db *schema.Database, table, col string) *schema.Column {
	t.Helper()
	for _, tb := range db.Tables {
		if tb.Name == table {
			if c := tb.ColumnByPG(col); c != nil {
				return c
			}
		}
	}
	t.Fatalf("no column %s.%s", table, col)
	return nil
}

func rule(plan []translate.ColumnPlan, table, col string) string {
	for _, p := range plan {
		if p.Table == table && p.Column == col {
			return p.Rule
		}
	}
	return "(none)"
}

const precedenceDump = `CREATE TABLE public.a (
    x text,
    y text,
    z text,
    n numeric
);
CREATE TABLE public.b (
    x text,
    n numeric
);
COPY public.a (x, y, z, n) FROM stdin;
abc	defgh	\N	12.5
\.
`

// TestOverridePrecedence: column rule > table rule > type rule > built-in,
// property by property.
func TestOverridePrecedence(t *testing.T) {
	set := yamlSet(t, `tables:
  a:
    collation: utf8mb4_0900_ai_ci
    types:
      text: {type: varchar(20)}
    columns:
      x: {type: varchar(10)}
types:
  text: {type: varchar(30), collation: utf8mb4_0900_as_ci}
`)
	tr, db, _, err := firstPass(t, precedenceDump, translate.Options{Overrides: set})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, col, typ, coll, rule string }{
		{"a", "x", "varchar(10)", "utf8mb4_0900_ai_ci", "ov.yaml:7 (column rule)"},
		{"a", "y", "varchar(20)", "utf8mb4_0900_ai_ci", "ov.yaml:5 (table rule)"},
		{"b", "x", "varchar(30)", "utf8mb4_0900_as_ci", "ov.yaml:9 (type rule)"},
		{"a", "n", "decimal(65,30)", "", "built-in: numeric → decimal(65,30)"},
	} {
		col := column(t, db, c.table, c.col)
		if schema.FormatType(col.Type.Type) != c.typ || col.Collation != c.coll {
			t.Errorf("%s.%s: %s COLLATE %q, want %s COLLATE %q", c.table, c.col, schema.FormatType(col.Type.Type), col.Collation, c.typ, c.coll)
		}
		if r := rule(tr.Plan(), "public."+c.table, c.col); r != c.rule {
			t.Errorf("%s.%s decided by %q, want %q", c.table, c.col, r, c.rule)
		}
	}
}

// TestOverrideInferLengths: --infer-lengths narrows text and numeric
// columns from the data with the headroom rule; columns without values
// keep their built-in type.
func TestOverrideInferLengths(t *testing.T) {
	_, db, _, err := firstPass(t, precedenceDump, translate.Options{InferLengths: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, col, typ string }{
		{"a", "x", "varchar(16)"}, {"a", "y", "varchar(16)"}, {"a", "z", "longtext"},
		{"a", "n", "decimal(17,1)"}, {"b", "x", "longtext"}, {"b", "n", "decimal(65,30)"},
	} {
		if got := schema.FormatType(column(t, db, c.table, c.col).Type.Type); got != c.typ {
			t.Errorf("%s.%s: %s, want %s", c.table, c.col, got, c.typ)
		}
	}
	for n, want := range map[int]int{0: 16, 1: 16, 16: 16, 17: 32, 100: 128, 1000: 1024, 9000: 16384} {
		if got := translate.Headroom(n); got != want {
			t.Errorf("Headroom(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestOverrideSkip: a skipped column is left out of the table and of the
// rows; a skipped table's rows and a skip_data table's rows are dropped.
func TestOverrideSkip(t *testing.T) {
	set := yamlSet(t, "tables:\n  a:\n    columns:\n      y: {skip: true}\n  b: {skip: true}\n")
	tr, db, _, err := firstPass(t, precedenceDump+"COPY public.b (x, n) FROM stdin;\nq\t1\n\\.\n", translate.Options{Overrides: set})
	if err != nil {
		t.Fatal(err)
	}
	if len(db.Tables) != 1 || db.Tables[0].ColumnByPG("y") != nil {
		t.Fatalf("tables %v, a's columns %v", len(db.Tables), db.Tables[0].Columns)
	}
	rows, err := tr.CopyRows(dump.Event{Kind: dump.Copy, Text: "COPY public.a (x, y, z, n) FROM stdin;"})
	if err != nil {
		t.Fatal(err)
	}
	fields, _ := pgtext.DecodeRow([]byte("abc\tdefgh\t\\N\t12.5"), nil)
	fields = rows.Project(fields)
	tuple, err := rows.AppendTuple(nil, fields)
	if err != nil || string(tuple) != "('abc',NULL,12.5)" || strings.Join(rows.Columns, ",") != "x,z,n" {
		t.Errorf("tuple %s (%v), columns %v", tuple, err, rows.Columns)
	}
	if rows, err := tr.CopyRows(dump.Event{Kind: dump.Copy, Text: "COPY public.b (x, n) FROM stdin;"}); rows != nil || err != nil {
		t.Errorf("rows of a skipped table: %v, %v", rows, err)
	}
	ins, vals, err := tr.InsertRows(dump.Event{Kind: dump.Stmt, Text: "INSERT INTO public.a (x, y, z, n) VALUES ('p', 'q', 'r', 1), ('s', 't', NULL, 2);"})
	if err != nil || len(vals) != 2 || len(vals[0]) != 3 || string(vals[1][0].Value) != "s" || !vals[1][1].Null {
		t.Errorf("INSERT rows: %v %v %v", ins, vals, err)
	}
}

// TestOverrideCollations: COLLATE "C" is utf8mb4_0900_bin; a
// nondeterministic ICU collation at level 2 is case-insensitive
// (utf8mb4_0900_as_ci), and keying a text column with it infers a
// VARCHAR; a deterministic ICU collation is binary, reported.
func TestOverrideCollations(t *testing.T) {
	text := `CREATE COLLATION public.ci (provider = icu, deterministic = false, locale = 'und-u-ks-level2');
CREATE COLLATION public.de (provider = icu, locale = 'de-DE');
CREATE TABLE public.t (
    c text COLLATE pg_catalog."C",
    ci text COLLATE public.ci,
    de text COLLATE public.de
);
COPY public.t (c, ci, de) FROM stdin;
a	Bob	Ärger
\.
ALTER TABLE ONLY public.t ADD CONSTRAINT t_ci_key UNIQUE (ci);
`
	_, db, rep, err := firstPass(t, text, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range map[string]string{"c": "longtext COLLATE utf8mb4_0900_bin", "ci": "varchar(16) COLLATE utf8mb4_0900_as_ci", "de": "longtext COLLATE utf8mb4_0900_bin"} {
		c := column(t, db, "t", col)
		if got := schema.FormatType(c.Type.Type) + " COLLATE " + c.Collation; got != want {
			t.Errorf("%s: %s, want %s", col, got, want)
		}
	}
	var found bool
	for _, o := range rep.Objects {
		if o.Kind == "COLLATION" && o.Name == "public.t.de" && strings.Contains(o.Detail, "ORDER BY sorts by code point") {
			found = true
		}
	}
	if !found {
		t.Errorf("no report entry for the deterministic ICU collation of t.de")
	}
}

// TestOverrideFitErrors: values that do not fit a type an override chose
// stop Finish with the row's dump line.
func TestOverrideFitErrors(t *testing.T) {
	set := yamlSet(t, "tables:\n  a:\n    columns:\n      y: {length: 3}\n      n: {type: smallint}\n      z: {nullable: false}\n")
	_, _, _, err := firstPass(t, precedenceDump, translate.Options{Overrides: set})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"d.sql:12: table public.a, column y: overrides: a value of 5 characters (the longest in the dump) does not fit varchar(3), set by ov.yaml:4 (column rule)",
		"d.sql:12: table public.a, column n: overrides: a number with 1 decimal place would be rounded by the integer type smallint",
		"d.sql:12: table public.a, column z: overrides: the dump has 1 NULL in this column",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
