package viewsql_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/doltparse"
	"github.com/pgcopy/pgcopy/internal/pgnode"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/schema"
	"github.com/pgcopy/pgcopy/translate/viewsql"
)

// viewTables is the schema the view tests select from, as pg_dump writes
// it (testdata/tables.sql, which translate's view tests share), plus a
// numeric column whose scale the Dolt type gives and a table of another
// Dolt database.
var viewTables = func() string {
	b, err := os.ReadFile(filepath.Join("testdata", "tables.sql"))
	if err != nil {
		panic(err)
	}
	return string(b) + `CREATE TABLE public.ledger (id integer NOT NULL, total numeric);
CREATE TABLE archive.old_payment (payment_id integer NOT NULL, amount numeric(5,2) NOT NULL);
`
}()

// testCatalog is a viewsql.Catalog over the tables of CREATE TABLE
// statements, each in the target database under its own name except
// those of schema archive, which live in the Dolt database "archive";
// the views it has translated join it.
type testCatalog struct {
	rels map[string]*viewsql.Relation // schema.name
}

func newCatalog(t *testing.T, ddl string) *testCatalog {
	t.Helper()
	res, err := pg.Parse(ddl)
	if err != nil {
		t.Fatal(err)
	}
	c := &testCatalog{rels: map[string]*viewsql.Relation{}}
	for _, st := range res.Stmts {
		cs := st.Stmt.GetCreateStmt()
		if cs == nil {
			continue
		}
		r := &viewsql.Relation{Name: cs.Relation.Relname}
		if cs.Relation.Schemaname == "archive" {
			r.Database = "archive"
		}
		for _, e := range cs.TableElts {
			cd := e.GetColumnDef()
			col := viewsql.TableColumn{Name: cd.Colname, Dolt: cd.Colname, Type: cd.TypeName, Scale: -1}
			if cd.Colname == "total" {
				// a numeric without a scale whose Dolt type the data decided
				col.DoltType, col.Scale = schema.Decimal(19, 3), 3
			}
			r.Table = append(r.Table, col)
		}
		c.rels[cs.Relation.Schemaname+"."+cs.Relation.Relname] = r
	}
	return c
}

func (c *testCatalog) Relation(rv *pg.RangeVar) (*viewsql.Relation, error) {
	if r := c.rels[rv.Schemaname+"."+rv.Relname]; r != nil {
		return r, nil
	}
	return nil, &notFound{rv.Schemaname + "." + rv.Relname}
}

type notFound struct{ name string }

func (e *notFound) Error() string { return "no relation " + e.name }

func (c *testCatalog) ResolveDomain(tn *pg.TypeName) *pg.TypeName { return tn }
func (c *testCatalog) IsEnum(schemaName, name string) bool        { return false }
func (c *testCatalog) IsDomain(schemaName, name string) bool      { return false }

// Codec is the registry's codec of a built-in type (arrays of strings).
func (c *testCatalog) Codec(tn *pg.TypeName) (schema.Codec, error) {
	if len(tn.ArrayBounds) > 0 {
		return schema.Codec{Kind: schema.KindArray, Elem: pgtext.ElemString}, nil
	}
	_, n := pgnode.TypeNameParts(tn)
	if row, ok := pgtypes.Lookup(n); ok {
		return schema.Codec{Kind: row.Codec}, nil
	}
	return schema.Codec{Kind: schema.KindString}, nil
}

// translate translates the CREATE VIEW statements of sql over the test
// tables, registering each view in the catalog, and returns the last
// view's result or error. Every query that translates is re-parsed by
// Dolt's parser.
func translate(t *testing.T, sql string) (*viewsql.Result, error) {
	t.Helper()
	cat := newCatalog(t, viewTables)
	res, err := pg.Parse(sql)
	if err != nil {
		t.Fatal(err)
	}
	var out *viewsql.Result
	for _, st := range res.Stmts {
		vs := st.Stmt.GetViewStmt()
		if vs == nil {
			t.Fatalf("not a CREATE VIEW: %v", st.Stmt)
		}
		out, err = viewsql.Translate(cat, vs.Query, pgnode.StrList(vs.Aliases), "")
		if err != nil {
			continue
		}
		doltparse.Check(t, "view "+vs.View.Relname, []byte("CREATE VIEW "+"`"+vs.View.Relname+"` AS "+out.SQL+";\n"))
		cat.rels[vs.View.Schemaname+"."+vs.View.Relname] = &viewsql.Relation{Name: vs.View.Relname, View: out}
	}
	return out, err
}

// TestTranslate: a view's query comes out in MySQL syntax with the same
// meaning (PostgreSQL manual, "SELECT").
func TestTranslate(t *testing.T) {
	for _, tc := range []struct {
		name, view string
		want       string // the Dolt query
		note       string // a part of the report's "changed" detail; "" for translated
	}{
		{
			name: "joins, aliases, || and CASE",
			view: `CREATE VIEW public.v AS
 SELECT cu.customer_id AS id,
    ((cu.first_name || ' '::text) || cu.last_name) AS name,
    a.postal_code AS "zip code",
        CASE
            WHEN cu.activebool THEN 'active'::text
            ELSE ''::text
        END AS notes
   FROM (public.customer cu
     JOIN public.address a ON ((cu.address_id = a.address_id)));`,
			want: "SELECT `cu`.`customer_id` AS `id`, CONCAT(`cu`.`first_name`, ' ', `cu`.`last_name`) AS `name`, `a`.`postal_code` AS `zip code`, " +
				"(CASE WHEN `cu`.`activebool` THEN 'active' ELSE '' END) AS `notes` FROM `customer` AS `cu` JOIN `address` AS `a` ON (`cu`.`address_id` = `a`.`address_id`)",
		},
		{
			name: "GROUP BY, HAVING, ORDER BY with PostgreSQL's NULL order, LIMIT",
			view: `CREATE VIEW public.v AS
 SELECT p.customer_id, sum(p.amount) AS total, count(*) AS n
   FROM public.payment p
  GROUP BY p.customer_id
 HAVING (count(*) > 2)
  ORDER BY (sum(p.amount)) DESC, p.customer_id
 LIMIT 10 OFFSET 5;`,
			want: "SELECT `p`.`customer_id` AS `customer_id`, CAST(SUM(`p`.`amount`) AS DECIMAL(65,2)) AS `total`, COUNT(*) AS `n` FROM `payment` AS `p` " +
				"GROUP BY `p`.`customer_id` HAVING (COUNT(*) > 2) ORDER BY (CAST(SUM(`p`.`amount`) AS DECIMAL(65,2)) IS NULL) DESC, CAST(SUM(`p`.`amount`) AS DECIMAL(65,2)) DESC, " +
				"(`p`.`customer_id` IS NULL), `p`.`customer_id` LIMIT 10 OFFSET 5",
		},
		{
			name: "integer and numeric division",
			view: `CREATE VIEW public.v AS SELECT (c.customer_id / 2) AS half, (p.amount / (3)::numeric) AS third
   FROM (public.customer c JOIN public.payment p USING (customer_id));`,
			want: "SELECT (`c`.`customer_id` DIV 2) AS `half`, (`p`.`amount` / 3) AS `third` FROM `customer` AS `c` JOIN `payment` AS `p` USING (`customer_id`)",
			note: "numeric division keeps 4 more decimal places",
		},
		{
			name: "date arithmetic, EXTRACT and now()",
			view: `CREATE VIEW public.v AS SELECT (c.create_date + 7) AS week_later, (CURRENT_DATE - c.create_date) AS age_days,
    EXTRACT(year FROM c.create_date) AS y, (now() - '1 day'::interval) AS yesterday
   FROM public.customer c;`,
			want: "SELECT DATE(DATE_ADD(`c`.`create_date`, INTERVAL 7 DAY)) AS `week_later`, DATEDIFF(CAST(UTC_TIMESTAMP(6) AS DATE), `c`.`create_date`) AS `age_days`, " +
				"YEAR(`c`.`create_date`) AS `y`, (UTC_TIMESTAMP(6) - INTERVAL 1 DAY) AS `yesterday` FROM `customer` AS `c`",
			note: "taken in UTC",
		},
		{
			name: "aggregates: FILTER, DISTINCT, string_agg with ORDER BY, bool_or",
			view: `CREATE VIEW public.v AS SELECT count(*) FILTER (WHERE (p.amount > (5)::numeric)) AS big,
    count(DISTINCT p.customer_id) AS customers, string_agg((p.payment_id)::text, ', '::text ORDER BY p.payment_date DESC) AS ids,
    bool_or((p.amount = (0)::numeric)) AS any_free
   FROM public.payment p;`,
			want: "SELECT COUNT((CASE WHEN (`p`.`amount` > 5) THEN 1 END)) AS `big`, COUNT(DISTINCT `p`.`customer_id`) AS `customers`, " +
				"GROUP_CONCAT(CAST(`p`.`payment_id` AS CHAR) ORDER BY (`p`.`payment_date` IS NULL) DESC, `p`.`payment_date` DESC SEPARATOR ', ') AS `ids`, " +
				"MAX((`p`.`amount` = 0)) AS `any_free` FROM `payment` AS `p`",
			note: "group_concat_max_len",
		},
		{
			name: "subqueries: EXISTS, IN, NOT IN, correlated scalar, ARRAY",
			view: `CREATE VIEW public.v AS SELECT c.customer_id,
    ( SELECT max(p.amount) AS max FROM public.payment p WHERE (p.customer_id = c.customer_id)) AS top,
    ARRAY( SELECT p.payment_id FROM public.payment p WHERE (p.customer_id = c.customer_id)) AS payments
   FROM public.customer c
  WHERE ((EXISTS ( SELECT 1 FROM public.payment p WHERE (p.customer_id = c.customer_id)))
    AND (c.address_id IN ( SELECT address.address_id FROM public.address))
    AND (NOT (c.store_id IN ( SELECT 2))));`,
			want: "SELECT `c`.`customer_id` AS `customer_id`, (SELECT MAX(`p`.`amount`) AS `max` FROM `payment` AS `p` WHERE (`p`.`customer_id` = `c`.`customer_id`)) AS `top`, " +
				"(SELECT COALESCE(JSON_ARRAYAGG(`p`.`payment_id`), CAST('[]' AS JSON)) FROM `payment` AS `p` WHERE (`p`.`customer_id` = `c`.`customer_id`)) AS `payments` " +
				"FROM `customer` AS `c` WHERE (EXISTS (SELECT 1 AS `?column?` FROM `payment` AS `p` WHERE (`p`.`customer_id` = `c`.`customer_id`)) " +
				"AND (`c`.`address_id` IN (SELECT `address`.`address_id` AS `address_id` FROM `address`)) AND (NOT (`c`.`store_id` IN (SELECT 2 AS `?column?`))))",
		},
		{
			name: "UNION ALL of several arms, an arm with ORDER BY",
			view: `CREATE VIEW public.v AS
 SELECT 'customer'::character varying AS kind, customer.customer_id AS id FROM public.customer
UNION ALL
 SELECT 'payment'::character varying AS kind, payment.payment_id AS id FROM public.payment
UNION ALL
( SELECT 'address'::character varying AS kind, address.address_id AS id FROM public.address ORDER BY address.address_id DESC);`,
			want: "(SELECT 'customer' AS `kind`, `customer`.`customer_id` AS `id` FROM `customer`) UNION ALL (SELECT 'payment' AS `kind`, `payment`.`payment_id` AS `id` FROM `payment`) " +
				"UNION ALL (SELECT 'address' AS `kind`, `address`.`address_id` AS `id` FROM `address` ORDER BY (`address`.`address_id` IS NULL) DESC, `address`.`address_id` DESC)",
		},
		{
			name: "casts keep PostgreSQL's result; constants are converted like loaded values",
			view: `CREATE VIEW public.v AS SELECT (p.amount)::integer AS whole, (p.amount)::numeric(10,1) AS tenth,
    (p.customer_id)::text AS cid, (p.payment_date > '2022-01-01 00:00:00+02'::timestamp with time zone) AS recent,
    COALESCE(p.note, '{}'::jsonb) AS note, (p.payment_id)::boolean AS flag
   FROM public.payment p;`,
			want: "SELECT CAST(`p`.`amount` AS SIGNED) AS `whole`, CAST(`p`.`amount` AS DECIMAL(10,1)) AS `tenth`, CAST(`p`.`customer_id` AS CHAR) AS `cid`, " +
				"(`p`.`payment_date` > CAST('2021-12-31 22:00:00' AS DATETIME(6))) AS `recent`, COALESCE(`p`.`note`, CAST('{}' AS JSON)) AS `note`, (`p`.`payment_id` <> 0) AS `flag` FROM `payment` AS `p`",
		},
		{
			name: "json_build_object and json_agg",
			view: `CREATE VIEW public.v AS SELECT c.customer_id,
    ( SELECT json_agg(json_build_object('id', p.payment_id, 'amount', p.amount, 'free', (p.amount = (0)::numeric))) AS json_agg
           FROM public.payment p WHERE (p.customer_id = c.customer_id)) AS payments
   FROM public.customer c;`,
			want: "SELECT `c`.`customer_id` AS `customer_id`, (SELECT JSON_ARRAYAGG(JSON_OBJECT('id', `p`.`payment_id`, 'amount', `p`.`amount`, 'free', " +
				"(CASE WHEN (`p`.`amount` = 0) THEN CAST('true' AS JSON) WHEN NOT (`p`.`amount` = 0) THEN CAST('false' AS JSON) END))) AS `json_agg` " +
				"FROM `payment` AS `p` WHERE (`p`.`customer_id` = `c`.`customer_id`)) AS `payments` FROM `customer` AS `c`",
		},
		{
			name: "CREATE VIEW with column names, WITH query, comma-separated FROM",
			view: `CREATE VIEW public.v (a, b) AS WITH big AS (SELECT payment.customer_id FROM public.payment WHERE (payment.amount > (10)::numeric))
 SELECT c.customer_id, a.address FROM public.customer c, public.address a, big WHERE ((big.customer_id = c.customer_id) AND (a.address_id = c.address_id));`,
			want: "SELECT `q`.`customer_id` AS `a`, `q`.`address` AS `b` FROM (WITH `big` AS (SELECT `payment`.`customer_id` AS `customer_id` FROM `payment` WHERE (`payment`.`amount` > 10)) " +
				"SELECT `c`.`customer_id` AS `customer_id`, `a`.`address` AS `address` FROM `customer` AS `c` CROSS JOIN `address` AS `a` CROSS JOIN `big` " +
				"WHERE ((`big`.`customer_id` = `c`.`customer_id`) AND (`a`.`address_id` = `c`.`address_id`))) AS `q`",
		},
		{
			name: "WITH RECURSIVE keeps the recursion; the first arm gives the columns' kinds",
			view: `CREATE VIEW public.v AS WITH RECURSIVE days(d, n) AS (
         SELECT c.create_date, 1 FROM public.customer c WHERE (c.customer_id = 1)
        UNION ALL
         SELECT (days_1.d + 1), (days_1.n + 1) FROM days days_1 WHERE (days_1.n < 7)
        )
 SELECT d, (n / 2) AS half FROM days;`,
			want: "WITH RECURSIVE `days` (`d`, `n`) AS ((SELECT `c`.`create_date` AS `create_date`, 1 AS `?column?` FROM `customer` AS `c` WHERE (`c`.`customer_id` = 1)) " +
				"UNION ALL (SELECT DATE(DATE_ADD(DATE(`days_1`.`d`), INTERVAL 1 DAY)) AS `?column?`, (`days_1`.`n` + 1) AS `?column?` FROM `days` AS `days_1` WHERE (`days_1`.`n` < 7))) " +
				"SELECT DATE(`days`.`d`) AS `d`, (`days`.`n` DIV 2) AS `half` FROM `days`",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := translate(t, tc.view)
			if err != nil {
				t.Fatalf("not translated: %v", err)
			}
			if res.SQL != tc.want {
				t.Errorf("query:\n got: %s\nwant: %s", res.SQL, tc.want)
			}
			notes := strings.Join(res.Notes, "; ")
			switch {
			case tc.note == "" && notes != "":
				t.Errorf("notes %q, want none", notes)
			case tc.note != "" && !strings.Contains(notes, tc.note):
				t.Errorf("notes %q, want %q", notes, tc.note)
			}
		})
	}
}

// TestTranslateRelations: a view over a view lists it in Uses and takes
// its columns' kinds; a table of another Dolt database is named
// qualified and makes the view Cross; a numeric without a scale takes
// the scale of its Dolt decimal column.
func TestTranslateRelations(t *testing.T) {
	res, err := translate(t, `CREATE VIEW public.base AS SELECT p.customer_id, p.amount FROM public.payment p;
CREATE VIEW public.top AS SELECT (b.customer_id / 2) AS half, sum(b.amount) AS total FROM public.base b GROUP BY b.customer_id;`)
	if err != nil {
		t.Fatal(err)
	}
	want := "SELECT (`b`.`customer_id` DIV 2) AS `half`, CAST(SUM(`b`.`amount`) AS DECIMAL(65,2)) AS `total` FROM `base` AS `b` GROUP BY `b`.`customer_id`"
	if res.SQL != want || strings.Join(res.Uses, ",") != "base" || res.Cross {
		t.Errorf("view over a view: %s uses %v cross %v\nwant: %s uses [base]", res.SQL, res.Uses, res.Cross, want)
	}
	if c := res.Columns[1]; c.Name() != "total" || c.Dolt() != "total" || c.DoltType() != nil || c.JSON() || !c.NeverText() {
		t.Errorf("computed column: %q %q %v json %v never text %v", c.Name(), c.Dolt(), c.DoltType(), c.JSON(), c.NeverText())
	}

	res, err = translate(t, `CREATE VIEW public.v AS SELECT o.payment_id, sum(l.total) AS s FROM (archive.old_payment o JOIN public.ledger l ON ((l.id = o.payment_id))) GROUP BY o.payment_id;`)
	if err != nil {
		t.Fatal(err)
	}
	want = "SELECT `o`.`payment_id` AS `payment_id`, CAST(SUM(`l`.`total`) AS DECIMAL(65,3)) AS `s` FROM `archive`.`old_payment` AS `o` JOIN `ledger` AS `l` ON (`l`.`id` = `o`.`payment_id`) GROUP BY `o`.`payment_id`"
	if res.SQL != want || !res.Cross {
		t.Errorf("other database: %s cross %v\nwant: %s cross true", res.SQL, res.Cross, want)
	}
	if c := res.Columns[0]; c.DoltType() != nil || !c.NeverText() {
		t.Errorf("passed-through column: %v never text %v", c.DoltType(), c.NeverText())
	}
}

// TestTranslateSkipped: a query using something without a Dolt
// equivalent is an error naming the construct (the report's reason).
func TestTranslateSkipped(t *testing.T) {
	for _, tc := range []struct{ view, reason string }{
		{`SELECT public.f(c.customer_id) AS f FROM public.customer c`, "it calls public.f(), a user-defined function"},
		{`SELECT row_number() OVER (ORDER BY c.customer_id) AS n FROM public.customer c`, "the window function row_number() OVER (...)"},
		{`SELECT n.n FROM generate_series(1, 3) n(n)`, "the set-returning function generate_series() in FROM"},
		{`SELECT DISTINCT ON (c.store_id) c.customer_id FROM public.customer c`, "SELECT DISTINCT ON"},
		{`SELECT ('1 day'::interval) AS i`, "an interval value outside date arithmetic"},
		{`SELECT (p.payment_date)::text AS t FROM public.payment p`, "a cast to text with a timestamp operand"},
		{`SELECT (p.tags || ARRAY['x'::text]) AS t FROM public.payment p`, "|| on json or array values"},
		{`SELECT ('x'::text = ANY (p.tags)) AS t FROM public.payment p`, "= ANY/ALL over an array value"},
		{`SELECT json_agg(p.amount ORDER BY p.payment_date) AS j FROM public.payment p`, "json_agg(... ORDER BY ...)"},
		{`SELECT c.nosuch FROM public.customer c`, "column c.nosuch does not exist"},
		{`SELECT n.x FROM public.nosuch n`, "no relation public.nosuch"}, // the Catalog's error
		{`SELECT 1 AS a, 2 AS "A"`, `its columns "a" and "A" have the same name to Dolt`},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			res, err := translate(t, "CREATE VIEW public.v AS "+tc.view+";")
			if err == nil {
				t.Fatalf("translated: %s", res.SQL)
			}
			if !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %q, want %q", err, tc.reason)
			}
		})
	}
	if _, err := translate(t, "CREATE VIEW public.v (a, b) AS SELECT 1 AS x;"); err == nil || err.Error() != "it names 2 columns but its query returns 1" {
		t.Errorf("too many column names: %v", err)
	}
}

// TestExpr: an expression of a default, CHECK or generated column; its
// column references go through Scalar.Column, VALUE stands for the
// domain's column, and a CHECK rejects what changes with time.
func TestExpr(t *testing.T) {
	expr := func(sql string) *pg.Node {
		t.Helper()
		res, err := pg.Parse("SELECT " + sql)
		if err != nil {
			t.Fatal(err)
		}
		return res.Stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().Val
	}
	col := func(name string) (string, error) {
		if name == "gone" {
			return "", &notFound{name}
		}
		return "`c_" + name + "`", nil
	}
	cat := newCatalog(t, viewTables)
	for _, tc := range []struct {
		sql  string
		sc   viewsql.Scalar
		want string // or the error
	}{
		{"((price > (0)::numeric) AND (name ~~* 'a%'::text))", viewsql.Scalar{Column: col, Check: true}, "((`c_price` > 0) AND (LOWER(`c_name`) LIKE LOWER('a%')))"},
		{"(VALUE = ANY (ARRAY['a'::text, 'b'::text]))", viewsql.Scalar{Value: "kind", Check: true}, "(`kind` IN ('a', 'b'))"},
		{"GREATEST(a, b)", viewsql.Scalar{}, "GREATEST(COALESCE(`a`, `b`), COALESCE(`b`, `a`))"},
		{"(gone > 1)", viewsql.Scalar{Column: col}, "no relation gone"},
		{"(d < now())", viewsql.Scalar{Check: true}, "now() is not deterministic; Dolt rejects it in a CHECK or generated column"},
		{"now()", viewsql.Scalar{}, "CURRENT_TIMESTAMP(6)"},
		{"(SELECT 1)", viewsql.Scalar{}, "a subquery, which Dolt rejects in constraints and defaults"},
	} {
		got, err := viewsql.Expr(cat, expr(tc.sql), tc.sc)
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s:\n got: %s\nwant: %s", tc.sql, got, tc.want)
		}
	}
}
