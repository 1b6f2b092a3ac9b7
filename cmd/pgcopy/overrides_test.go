package main

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// showColumns returns the column definitions and keys of a Dolt table as
// SHOW CREATE TABLE prints them, lower-cased, without backticks and
// trailing commas, with runs of blanks as one space: "name varchar(32)
// collate utf8mb4_0900_ai_ci not null", "unique key name (name)".
func showColumns(t *testing.T, target, table string) []string {
	t.Helper()
	rows := testenv.DoltQuery(t, target, "SHOW CREATE TABLE `"+table+"`")
	if len(rows) != 1 || len(rows[0]) != 2 {
		t.Fatalf("SHOW CREATE TABLE %s: %v", table, rows)
	}
	var out []string
	for _, l := range strings.Split(rows[0][1], "\n")[1:] {
		l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), ","))
		if l == "" || strings.HasPrefix(l, ")") {
			continue
		}
		l = strings.ToLower(strings.ReplaceAll(l, "`", ""))
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return out
}

func hasLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// dumpLineOf returns the 1-based line of the dump holding substr.
func dumpLineOf(t *testing.T, dump, substr string) int {
	t.Helper()
	f, err := os.Open(dump)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), substr) {
			return n
		}
	}
	t.Fatalf("%s holds no line with %q", dump, substr)
	return 0
}

// dumpDB creates a PostgreSQL database from sql and dumps it (plain
// format, no owners) to dir/name.
func dumpDB(t *testing.T, pg *testenv.PG, sql, dir, name string) (dump, pgURL string) {
	t.Helper()
	_, pgURL = pg.CreateDB(t)
	pg.Exec(t, pgURL, sql)
	dump = filepath.Join(dir, name)
	pg.Dump(t, pgURL, dump, "--no-owner")
	return dump, pgURL
}

const handWrittenSchema = `
CREATE TABLE people (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE,
    bio text,
    url character varying
);
INSERT INTO people VALUES
 (1, 'Bob', 'Writes Go.', 'https://example.com/bob'),
 (2, 'bob2', NULL, NULL),
 (3, 'Zoë', repeat('long bio ', 400), 'https://example.com/' || repeat('x', 1500));
CREATE TABLE people_ddl (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE,
    bio text,
    url character varying
);
INSERT INTO people_ddl SELECT * FROM people;
`

// The hand-written target schema, once as YAML rules and once as a
// whole-table CREATE TABLE file, in one --overrides directory.
const handWrittenYAML = `# hand-written overrides for people
tables:
  public.people:
    columns:
      name:
        type: varchar(32)
        collation: utf8mb4_0900_ai_ci
        nullable: false
      bio: {type: varchar(5000)}
      url: {length: 2048}
`

const handWrittenDDL = `-- hand-written target schema for people_ddl
CREATE TABLE people_ddl (
  id int NOT NULL,
  name varchar(32) collate utf8mb4_0900_ai_ci not null unique,
  bio varchar(5000),
  url varchar(2048),
  PRIMARY KEY (id)
);
`

// TestOverrideHandWritten: a table matching a hand-written target schema,
// given as YAML column rules and as a whole-table CREATE TABLE, gives
// exactly the hand-written column definitions in Dolt (SHOW CREATE TABLE),
// with every value equal to PostgreSQL's; pgcopy explain names the rule
// that decided each column.
func TestOverrideHandWritten(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	dump, pgURL := dumpDB(t, pg, handWrittenSchema, dir, "people.sql")
	ovDir := filepath.Join(dir, "overrides")
	os.MkdirAll(ovDir, 0o755)
	os.WriteFile(filepath.Join(ovDir, "people.yaml"), []byte(handWrittenYAML), 0o644)
	os.WriteFile(filepath.Join(ovDir, "people_ddl.sql"), []byte(handWrittenDDL), 0o644)
	os.WriteFile(filepath.Join(ovDir, "README.txt"), []byte("not read"), 0o644)

	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q", "--overrides", ovDir)

	for _, table := range []string{"people", "people_ddl"} {
		cols := showColumns(t, target, table)
		for _, want := range []string{
			"name varchar(32) collate utf8mb4_0900_ai_ci not null",
			"bio varchar(5000)",
			"url varchar(2048)",
			"id int not null",
			"primary key (id)",
		} {
			if !hasLine(cols, want) {
				t.Errorf("%s: SHOW CREATE TABLE lacks %q; it has:\n  %s", table, want, strings.Join(cols, "\n  "))
			}
		}
		uniq := 0
		for _, l := range cols {
			if regexp.MustCompile(`^unique key \S+ \(name\)$`).MatchString(l) {
				uniq++
			}
		}
		if uniq != 1 {
			t.Errorf("%s: want one UNIQUE KEY on (name), got %d:\n  %s", table, uniq, strings.Join(cols, "\n  "))
		}
		t.Logf("%s in Dolt:\n  %s", table, strings.Join(cols, "\n  "))
	}
	my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
	pgc := mustConnectPG(t, pgURL)
	for _, table := range []string{"people", "people_ddl"} {
		if n := compareTable(t, pgc, my, "public", table, table); n != 3 {
			t.Errorf("%s: %d rows compared, want 3", table, n)
		}
	}
	// The ai_ci collation the hand-written schema asks for: 'BOB' now
	// collides with 'Bob'.
	if _, err := my.Exec("INSERT INTO people (id, name) VALUES (9, 'BOB')"); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("insert of 'BOB' next to 'Bob' under utf8mb4_0900_ai_ci: err = %v, want a duplicate key error", err)
	}

	// explain: the rule that decided each column, with file:line
	code, out, errOut := pgcopyRun(t, "explain", "--dump", dump, "--overrides", ovDir)
	if code != 0 {
		t.Fatalf("pgcopy explain exited %d: %s", code, errOut)
	}
	t.Logf("pgcopy explain:\n%s", out)
	yamlPath := filepath.Join(ovDir, "people.yaml")
	ddlPath := filepath.Join(ovDir, "people_ddl.sql")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  id\s+integer\s+int NOT NULL\s+built-in: integer → int`),
		regexp.MustCompile(`(?m)^  name\s+text\s+varchar\(32\) COLLATE utf8mb4_0900_ai_ci NOT NULL\s+` + regexp.QuoteMeta(yamlPath) + `:6 \(column rule\)`),
		regexp.MustCompile(`(?m)^  bio\s+text\s+varchar\(5000\)\s+` + regexp.QuoteMeta(yamlPath) + `:9 \(column rule\)`),
		regexp.MustCompile(`(?m)^  url\s+character varying\s+varchar\(2048\)\s+` + regexp.QuoteMeta(yamlPath) + `:10 \(column rule\)`),
		regexp.MustCompile(`(?m)^  name\s+text\s+varchar\(32\) COLLATE utf8mb4_0900_ai_ci NOT NULL\s+` + regexp.QuoteMeta(ddlPath) + `:4 \(whole-table DDL\)`),
		regexp.MustCompile(`(?m)^public\.people_ddl → people_ddl`),
	} {
		if !want.MatchString(out) {
			t.Errorf("explain output lacks %s", want)
		}
	}
	// --table limits the output
	_, out, _ = pgcopyRun(t, "explain", "--dump", dump, "--overrides", ovDir, "--table", "people_ddl")
	if strings.Contains(out, "public.people →") || !strings.Contains(out, "public.people_ddl →") {
		t.Errorf("explain --table people_ddl printed:\n%s", out)
	}
}

const keySchema = `
CREATE TABLE countries (code character varying PRIMARY KEY, name text NOT NULL);
CREATE TABLE cities (id integer PRIMARY KEY, country character varying REFERENCES countries(code), name text);
INSERT INTO countries VALUES ('DE', 'Germany'), ('FR', 'France'), ('XX-LONGEST-CODE-20ch', 'Longest');
INSERT INTO cities VALUES (1, 'DE', 'Berlin'), (2, 'FR', 'Paris'), (3, 'XX-LONGEST-CODE-20ch', 'Nowhere'), (4, NULL, 'Atlantis');
`

// TestOverrideInferredKeyLength: a varchar-without-length primary key that
// a foreign key references loads with a VARCHAR(n) inferred from the data
// (longest 20 characters: the next power of two is 32), on both sides of
// the foreign key, and the foreign key is there and resolved.
func TestOverrideInferredKeyLength(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	dump, pgURL := dumpDB(t, pg, keySchema, dir, "geo.sql")
	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q")
	if cols := showColumns(t, target, "countries"); !hasLine(cols, "code varchar(32) not null") || !hasLine(cols, "name longtext not null") {
		t.Errorf("countries:\n  %s\nwant code varchar(32) not null (longest code: 20 characters)", strings.Join(cols, "\n  "))
	}
	if cols := showColumns(t, target, "cities"); !hasLine(cols, "country varchar(32)") {
		t.Errorf("cities:\n  %s\nwant country varchar(32), the length of the key it references", strings.Join(cols, "\n  "))
	}
	fk := testenv.DoltQuery(t, target, "SELECT constraint_name, table_name, referenced_table_name FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()")
	if len(fk) != 1 || fk[0][1] != "cities" || fk[0][2] != "countries" {
		t.Errorf("foreign keys: %v, want cities → countries", fk)
	}
	checkFKsResolved(t, target)
	my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
	pgc := mustConnectPG(t, pgURL)
	compareTable(t, pgc, my, "public", "countries", "countries")
	compareTable(t, pgc, my, "public", "cities", "cities")
	// the foreign key is enforced
	if _, err := my.Exec("INSERT INTO cities VALUES (9, 'NOPE', 'x')"); err == nil {
		t.Error("Dolt accepted a city whose country does not exist")
	}

	// explain says where the length came from
	_, out, _ := pgcopyRun(t, "explain", "--dump", dump, "--table", "countries")
	if !regexp.MustCompile(`code\s+character varying\s+varchar\(32\) NOT NULL\s+built-in: key column → varchar\(32\) \(headroom over the longest value\)`).MatchString(out) ||
		!strings.Contains(out, "longest 20 characters (geo.sql:") {
		t.Errorf("explain:\n%s", out)
	}

	// overrides suggest writes a file that pins the lengths; the copy
	// with it gives the same key types
	code, sug, errOut := pgcopyRun(t, "overrides", "suggest", "--dump", dump)
	if code != 0 {
		t.Fatalf("overrides suggest exited %d: %s", code, errOut)
	}
	t.Logf("overrides suggest:\n%s", sug)
	for _, want := range []string{"Headroom rule", "public.countries:", `code: {type: "varchar(32)"}`, "longest 20 characters", `name: {type: "varchar(16)"}`} {
		if !strings.Contains(sug, want) {
			t.Errorf("suggested overrides lack %q", want)
		}
	}
	sugFile := filepath.Join(dir, "suggested.yaml")
	os.WriteFile(sugFile, []byte(sug), 0o644)
	target2 := filepath.Join(dir, "db2")
	copyOK(t, dump, target2, "-q", "--overrides", sugFile)
	if cols := showColumns(t, target2, "countries"); !hasLine(cols, "code varchar(32) not null") || !hasLine(cols, "name varchar(16) not null") {
		t.Errorf("countries with the suggested overrides:\n  %s", strings.Join(cols, "\n  "))
	}
}

const citextSchema = `
CREATE EXTENSION citext;
CREATE TABLE users (id integer PRIMARY KEY, handle citext NOT NULL UNIQUE);
INSERT INTO users VALUES (1, 'Bob'), (2, 'alice');
`

// TestOverrideCaseInsensitiveUnique: a citext unique column rejects
// case-duplicates in Dolt exactly as it does in PostgreSQL: inserting
// 'bob' (or 'BOB') next to 'Bob' fails on both, 'carol' succeeds on both.
func TestOverrideCaseInsensitiveUnique(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	dump, pgURL := dumpDB(t, pg, citextSchema, dir, "users.sql")
	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q")
	cols := showColumns(t, target, "users")
	if !hasLine(cols, "handle varchar(16) collate utf8mb4_0900_as_ci not null") {
		t.Errorf("users:\n  %s\nwant handle varchar(16) collate utf8mb4_0900_as_ci not null", strings.Join(cols, "\n  "))
	}
	pgc := mustConnectPG(t, pgURL)
	my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
	ctx := context.Background()
	for i, v := range []string{"bob", "BOB", "Alice"} {
		_, pgErr := pgc.Exec(ctx, "INSERT INTO users VALUES ($1, $2)", 10+i, v)
		_, myErr := my.Exec("INSERT INTO users VALUES (?, ?)", 10+i, v)
		if pgErr == nil || !strings.Contains(pgErr.Error(), "duplicate key") {
			t.Errorf("PostgreSQL: insert %q: %v, want a unique violation", v, pgErr)
		}
		if myErr == nil || !strings.Contains(myErr.Error(), "duplicate") {
			t.Errorf("Dolt: insert %q: %v, want a duplicate key error as in PostgreSQL", v, myErr)
		}
		t.Logf("insert %q: PostgreSQL: %v; Dolt: %v", v, pgErr, myErr)
	}
	_, pgErr := pgc.Exec(ctx, "INSERT INTO users VALUES (20, 'carol')")
	_, myErr := my.Exec("INSERT INTO users VALUES (20, 'carol')")
	if pgErr != nil || myErr != nil {
		t.Errorf("insert 'carol': PostgreSQL %v, Dolt %v; want both to accept it", pgErr, myErr)
	}
}

const linksSchema = `
CREATE TABLE links (id integer PRIMARY KEY, url text NOT NULL, hits numeric);
INSERT INTO links VALUES (1, 'https://a.example', 10), (2, 'https://example.com/a/rather/long/path', 5), (3, 'https://b.example', 7.5);
`

// TestOverrideTooShort: an override whose VARCHAR(n) is shorter than a
// value in the dump fails in the first pass, before anything is written:
// it names the table, the column and the offending row's dump line; no
// commit is made, the target branch is untouched, no work branch is left,
// and a target that did not exist is not created.
func TestOverrideTooShort(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	dump, _ := dumpDB(t, pg, linksSchema, dir, "links.sql")
	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q")
	head := testenv.DoltQuery(t, target, "SELECT HASHOF('HEAD')")[0][0]

	ov := filepath.Join(dir, "short.yaml")
	os.WriteFile(ov, []byte("tables:\n  links:\n    columns:\n      url: {type: varchar(20)}\n      hits: {type: \"decimal(3,0)\"}\n"), 0o644)
	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "--overrides", ov, "-q")
	if code != 1 {
		t.Fatalf("copy with a too-short override exited %d, want 1:\n%s", code, errOut)
	}
	line := dumpLineOf(t, dump, "rather/long/path")
	frac := dumpLineOf(t, dump, "7.5")
	for _, want := range []string{
		"links.sql:" + itoa(line) + ": table public.links, column url: overrides: a value of 38 characters (the longest in the dump) does not fit varchar(20), set by " + ov + ":4 (column rule)",
		"links.sql:" + itoa(frac) + ": table public.links, column hits: overrides: a number with 1 decimal place would be rounded to 0 by decimal(3,0)",
		"hint: widen the type at " + ov + ":4",
		"nothing was committed",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("error output lacks %q:\n%s", want, errOut)
		}
	}
	t.Logf("pgcopy copy with a too-short override:\n%s", errOut)
	if got := testenv.DoltQuery(t, target, "SELECT HASHOF('HEAD')")[0][0]; got != head {
		t.Errorf("HEAD moved from %s to %s", head, got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log")[0][0]; got != "2" {
		t.Errorf("dolt_log has %s commits, want 2", got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT name FROM dolt_branches"); len(got) != 1 || got[0][0] != "main" {
		t.Errorf("branches after the failed run: %v, want only main", got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_status")[0][0]; got != "0" {
		t.Errorf("the failed run left %s changed tables", got)
	}
	// A fresh target is not even created.
	fresh := filepath.Join(dir, "fresh")
	if code, _, _ := pgcopyRun(t, "copy", "--dump", dump, "--target", fresh, "--overrides", ov, "-q"); code != 1 {
		t.Errorf("copy into a fresh target exited %d, want 1", code)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("the failed run created the target %s (stat: %v)", fresh, err)
	}
}

// TestOverrideErrors: override files are checked; every mistake names the
// file and line and says what to do, and pgcopy explain exits 1.
func TestOverrideErrors(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "shop.sql")
	os.WriteFile(dump, []byte(`CREATE TABLE public.items (
    id integer NOT NULL,
    title text,
    price numeric
);
COPY public.items (id, title, price) FROM stdin;
1	pen	1.50
\.
`), 0o644)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	for _, tc := range []struct {
		name, file, text string
		want             []string
	}{
		{"stale table", "a.yaml", "tables:\n  public.nosuch:\n    skip: true\n",
			[]string{"a.yaml:2: overrides: table public.nosuch is not in the dump", "hint: remove the entry"}},
		{"stale column", "b.yaml", "tables:\n  items:\n    columns:\n      titel: {type: varchar(10)}\n",
			[]string{"b.yaml:4: table items, column titel: overrides: the table has no column titel"}},
		{"stale type", "c.yaml", "types:\n  bytea: {type: blob}\n",
			[]string{"c.yaml:2: overrides: no column of the dump has type bytea"}},
		{"unknown key", "d.yaml", "tables:\n  items:\n    columns:\n      title: {typ: varchar(10)}\n",
			[]string{`d.yaml:4: overrides: unknown key "typ" in column items.title`}},
		{"flow comma", "e.yaml", "types:\n  numeric: {type: decimal(12,2)}\n",
			[]string{`e.yaml:2: overrides: type "decimal(12" is cut short at a comma`}},
		{"not a type", "f.yaml", "tables:\n  items:\n    columns:\n      title: {type: string}\n",
			[]string{`f.yaml:4: overrides: type "string" is not a Dolt column type`}},
		{"same level twice", "g.yaml", "tables:\n  items:\n    columns:\n      title: {type: varchar(10)}\n  public.items:\n    columns:\n      title: {type: varchar(20)}\n",
			[]string{"g.yaml:7: overrides: column public.items.title: type is set by", "rules of the same precedence"}},
		{"ddl missing column", "items.sql", "CREATE TABLE items (\n  id int NOT NULL PRIMARY KEY,\n  name varchar(20)\n);\n",
			[]string{"shop.sql:1: table public.items, column title: overrides: column title is in the dump but not in the whole-table override",
				"items.sql:3: table public.items, column name: overrides: column name of the whole-table override is not in the dump's table public.items",
				"shop.sql:1: table public.items, column price: overrides: column price is in the dump but not in the whole-table override"}},
		{"ddl parse error", "bad.sql", "CREATE TABLE items (id int,, title text);\n",
			[]string{"bad.sql:1: overrides: syntax error"}},
		{"value does not fit", "h.yaml", "tables:\n  items:\n    columns:\n      title: {length: 2}\n",
			[]string{"shop.sql:7: table public.items, column title: overrides: a value of 3 characters (the longest in the dump) does not fit varchar(2), set by"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(tc.file, tc.text)
			code, _, errOut := pgcopyRun(t, "explain", "--dump", dump, "--overrides", p)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("error output lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
}

// TestExplainBuiltIn: without overrides, explain prints the built-in rule
// of every column, including --infer-lengths.
func TestExplainBuiltIn(t *testing.T) {
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	code, out, errOut := pgcopyRun(t, "explain", "--dump", dump, "--table", "public.film")
	if code != 0 {
		t.Fatalf("explain exited %d: %s", code, errOut)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^public\.film → film  \(pagila\.sql:\d+\)$`),
		regexp.MustCompile(`(?m)^  description\s+text\s+longtext\s+built-in: text → longtext\s+longest \d+ characters \(pagila\.sql:\d+\)`),
		regexp.MustCompile(`(?m)^  rental_rate\s+numeric\(4,2\)\s+decimal\(4,2\) NOT NULL\s+built-in: numeric\(4,2\) → decimal\(4,2\)`),
		regexp.MustCompile(`(?m)^  special_features\s+text\[\]\s+json\s+built-in: text\[\] → json`),
	} {
		if !want.MatchString(out) {
			t.Errorf("explain output lacks %s:\n%s", want, out)
		}
	}
	_, out, _ = pgcopyRun(t, "explain", "--dump", dump, "--table", "film", "--infer-lengths")
	if !regexp.MustCompile(`(?m)^  description\s+text\s+varchar\((128|256)\)\s+built-in: --infer-lengths`).MatchString(out) {
		t.Errorf("explain --infer-lengths:\n%s", out)
	}
	if strings.Contains(out, "public.actor") {
		t.Errorf("--table film printed other tables")
	}
}

// TestOverrideSkipData: a skip_data rule creates the table without its
// rows, and the report says how many rows of the dump were not loaded.
func TestOverrideSkipData(t *testing.T) {
	dir := t.TempDir()
	ov := filepath.Join(dir, "skip.yaml")
	if err := os.WriteFile(ov, []byte("tables:\n  public.film_actor:\n    skip_data: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "db")
	out := copyOK(t, testenv.Testdata(t, "pagila/pagila.sql"), target, "--overrides", ov)
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM film_actor")[0][0]; n != "0" {
		t.Errorf("film_actor has %s rows, want 0", n)
	}
	if !strings.Contains(out, "5462 rows of the COPY block") || !strings.Contains(out, "skip_data") {
		t.Errorf("the report does not account for the 5462 dropped rows:\n%s", out)
	}
}
