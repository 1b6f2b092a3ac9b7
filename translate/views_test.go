package translate_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/doltparse"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// viewTables is the schema the view tests select from, as pg_dump writes
// it; package viewsql's tests select from the same tables.
var viewTables = func() string {
	b, err := os.ReadFile(filepath.Join("viewsql", "testdata", "tables.sql"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// viewOf runs the view tests' tables plus sql through the first pass and
// returns the Dolt view named name (nil when it is not created) and its
// report entry.
func viewOf(t *testing.T, sql, kind, name string) (*schema.View, *report.Object, *schema.Database) {
	t.Helper()
	_, db, rep := mustRun(t, viewTables+sql)
	o := object(rep, kind, name)
	if o == nil {
		var b bytes.Buffer
		rep.WriteGolden(&b)
		t.Fatalf("no report entry %s %s:\n%s", kind, name, b.String())
	}
	for _, v := range db.Views {
		if v.PG.String() == name {
			doltparse.Check(t, "view "+name, []byte(strings.Join(v.CreateStatements(), ";\n")+";\n"))
			return v, o, db
		}
	}
	return nil, o, db
}

// TestViewTranslation: a view's query selects the tables' columns by
// their Dolt names, and its report entry says what changed. The query
// forms themselves are package viewsql's tests (TestTranslate).
func TestViewTranslation(t *testing.T) {
	for _, tc := range []struct {
		name, view string
		want       string // the Dolt query
		note       string // a part of the report's "changed" detail; "" for translated
	}{
		{
			name: "unqualified columns, *, and a column Dolt renamed",
			view: `CREATE VIEW public.v AS SELECT * FROM public.address; CREATE VIEW public.w AS SELECT name, "Name" AS upper_name FROM public.mixed;`,
			want: "SELECT `address`.`address_id` AS `address_id`, `address`.`address` AS `address`, `address`.`postal_code` AS `postal_code`, `address`.`city_id` AS `city_id` FROM `address`",
		},
		{
			name: "enum and domain casts (the catalog's types and codecs)",
			view: `CREATE TYPE public.mood AS ENUM ('ok', 'sad');
CREATE DOMAIN public.pos AS integer CONSTRAINT pos_check CHECK ((VALUE > 0));
CREATE VIEW public.v AS SELECT ('ok'::public.mood) AS m, (c.customer_id)::public.pos AS p, ('2020-01-02'::date + (c.customer_id)::public.pos) AS d FROM public.customer c;`,
			want: "SELECT 'ok' AS `m`, `c`.`customer_id` AS `p`, DATE(DATE_ADD(CAST('2020-01-02' AS DATE), INTERVAL `c`.`customer_id` DAY)) AS `d` FROM `customer` AS `c`",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, o, db := viewOf(t, tc.view, "VIEW", "public.v")
			if v == nil {
				t.Fatalf("view not created: %s %s", o.Action, o.Detail)
			}
			if v.Query != tc.want {
				t.Errorf("query:\n got: %s\nwant: %s", v.Query, tc.want)
			}
			if want := "CREATE VIEW `v` AS " + tc.want; v.CreateSQL() != want {
				t.Errorf("CreateSQL:\n got: %s\nwant: %s", v.CreateSQL(), want)
			}
			switch {
			case tc.note == "" && o.Action != report.Translated:
				t.Errorf("report: %s %s, want translated", o.Action, o.Detail)
			case tc.note != "" && (o.Action != report.Changed || !strings.Contains(o.Detail, tc.note)):
				t.Errorf("report: %s %q, want changed with %q", o.Action, o.Detail, tc.note)
			}
			if tc.name == "unqualified columns, *, and a column Dolt renamed" {
				w := db.Views[1]
				if want := "SELECT `mixed`.`name_2` AS `name`, `mixed`.`Name` AS `upper_name` FROM `mixed`"; w.Query != want {
					t.Errorf("renamed column:\n got: %s\nwant: %s", w.Query, want)
				}
			}
		})
	}
}

// TestViewSkipped: a view whose query uses something without a Dolt
// equivalent is not created, and the report names the construct; the
// relations the catalog refuses (partitions, INHERITS parents, sequences,
// unknown names) are translate's, the query forms package viewsql's
// (TestTranslateSkipped).
func TestViewSkipped(t *testing.T) {
	const extra = `
CREATE TABLE public.measurement (city_id integer NOT NULL, logdate date NOT NULL) PARTITION BY RANGE (logdate);
CREATE TABLE public.measurement_y2006 (city_id integer NOT NULL, logdate date NOT NULL);
ALTER TABLE ONLY public.measurement ATTACH PARTITION public.measurement_y2006 FOR VALUES FROM ('2006-01-01') TO ('2007-01-01');
CREATE TABLE public.parent (id integer);
CREATE TABLE public.child (extra text) INHERITS (public.parent);
CREATE FUNCTION public.f(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 $$;
CREATE SEQUENCE public.s;
`
	for _, tc := range []struct{ view, reason string }{
		{`SELECT public.f(c.customer_id) AS f FROM public.customer c`, "it calls public.f(), a user-defined function"},
		{`SELECT m.city_id FROM public.measurement_y2006 m`, "partition public.measurement_y2006, which is folded into table public.measurement"},
		{`SELECT p.id FROM public.parent p`, "INHERITS child public.child is a separate Dolt table"},
		{`SELECT n.x FROM public.nosuch n`, "it selects from public.nosuch, which is not a table or view of the dump"},
		{`SELECT s.last_value FROM public.s s`, "it selects from sequence public.s (Dolt has no sequences)"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			v, o, _ := viewOf(t, extra+"CREATE VIEW public.v AS "+tc.view+";\n", "VIEW", "public.v")
			if v != nil {
				t.Fatalf("view created: %s", v.Query)
			}
			if o.Action != report.Skipped || !strings.Contains(o.Detail, tc.reason) || !strings.HasPrefix(o.Detail, "not translated: ") {
				t.Errorf("report: %s %q, want skipped with %q", o.Action, o.Detail, tc.reason)
			}
		})
	}
}

// TestViewDependencies: a view comes after the views it selects from,
// also when pg_dump first writes a placeholder (SELECT NULL::type AS col)
// and the real query later with CREATE OR REPLACE VIEW; a view over a
// skipped view is skipped too.
func TestViewDependencies(t *testing.T) {
	_, db, rep := mustRun(t, viewTables+`
CREATE VIEW public.base AS SELECT NULL::integer AS customer_id, NULL::text AS first_name;
CREATE VIEW public.top AS SELECT base.first_name FROM public.base WHERE (base.customer_id > 1);
CREATE VIEW public.bad AS SELECT public.nope(1) AS x;
CREATE VIEW public.over_bad AS SELECT bad.x FROM public.bad;
CREATE OR REPLACE VIEW public.base AS SELECT c.customer_id, c.first_name FROM public.customer c;
`)
	var names []string
	for _, v := range db.Views {
		names = append(names, v.Name)
	}
	if got := strings.Join(names, ","); got != "base,top" {
		t.Fatalf("views %s, want base,top", got)
	}
	if want := "SELECT `c`.`customer_id` AS `customer_id`, `c`.`first_name` AS `first_name` FROM `customer` AS `c`"; db.Views[0].Query != want {
		t.Errorf("base is not the final definition: %s", db.Views[0].Query)
	}
	if got := strings.Join(db.Views[1].Uses, ","); got != "base" {
		t.Errorf("top uses %q, want base", got)
	}
	if o := object(rep, "VIEW", "public.base"); o == nil || o.Where != "test.sql:15" {
		t.Errorf("base is reported at %v, want the CREATE OR REPLACE at test.sql:15", o)
	}
	if o := object(rep, "VIEW", "public.over_bad"); o == nil || o.Action != report.Skipped || !strings.Contains(o.Detail, "selects from view public.bad, which is not translated") {
		t.Errorf("over_bad: %+v", o)
	}
}

// TestViewNames: views follow the tables' naming rule for schemas, and a
// view whose name collides with a table's is renamed and reported.
func TestViewNames(t *testing.T) {
	_, db, rep := mustRun(t, `
CREATE TABLE public.users (id integer NOT NULL);
CREATE TABLE auth.users (id integer NOT NULL, email text);
CREATE VIEW reports.emails AS SELECT users.email FROM auth.users;
CREATE VIEW public.auth_users AS SELECT u.id FROM (public.users u JOIN auth.users a USING (id));
`)
	if len(db.Views) != 2 {
		t.Fatalf("%d views, want 2", len(db.Views))
	}
	if v := db.Views[0]; v.Name != "reports_emails" || v.Query != "SELECT `users`.`email` AS `email` FROM `auth_users` AS `users`" {
		t.Errorf("reports.emails: %s: %s", v.Name, v.Query)
	}
	if v := db.Views[1]; v.Name != "auth_users_2" || v.Query != "SELECT `u`.`id` AS `id` FROM `users` AS `u` JOIN `auth_users` AS `a` USING (`id`)" {
		t.Errorf("public.auth_users: %s: %s", v.Name, v.Query)
	}
	if o := object(rep, "VIEW", "public.auth_users"); o == nil || o.Action != report.Changed || !strings.Contains(o.Detail, "would collide with table auth.users") {
		t.Errorf("public.auth_users report: %+v", o)
	}
}

// TestMaterializedView: a materialized view becomes a table filled from
// its query (CREATE TABLE ... AS SELECT), empty when the dump leaves it
// unpopulated.
func TestMaterializedView(t *testing.T) {
	v, o, _ := viewOf(t, `
CREATE MATERIALIZED VIEW public.totals AS SELECT p.customer_id, sum(p.amount) AS total FROM public.payment p GROUP BY p.customer_id WITH NO DATA;
REFRESH MATERIALIZED VIEW public.totals;
`, "MATERIALIZED VIEW", "public.totals")
	want := "CREATE TABLE `totals` AS SELECT `p`.`customer_id` AS `customer_id`, CAST(SUM(`p`.`amount`) AS DECIMAL(65,2)) AS `total` FROM `payment` AS `p` GROUP BY `p`.`customer_id`"
	if v == nil || v.CreateSQL() != want {
		t.Fatalf("got %v, want %s", v, want)
	}
	if o.Action != report.Changed || !strings.Contains(o.Detail, "filled from its query after the data load, as the REFRESH MATERIALIZED VIEW at test.sql:") {
		t.Errorf("report: %s %s", o.Action, o.Detail)
	}
	v, o, _ = viewOf(t, `CREATE MATERIALIZED VIEW public.totals AS SELECT p.customer_id FROM public.payment p WITH NO DATA;`, "MATERIALIZED VIEW", "public.totals")
	want = "CREATE TABLE `totals` AS SELECT * FROM (SELECT `p`.`customer_id` AS `customer_id` FROM `payment` AS `p`) AS `totals` LIMIT 0"
	if v == nil || v.CreateSQL() != want || !strings.Contains(o.Detail, "created empty") {
		t.Errorf("unpopulated: %v %s", v, o.Detail)
	}
	_, o, _ = viewOf(t, `CREATE MATERIALIZED VIEW public.totals AS SELECT public.f() AS x WITH NO DATA;`, "MATERIALIZED VIEW", "public.totals")
	if o.Action != report.Skipped || !strings.Contains(o.Detail, "Dolt has no materialized views, and its query is not translated: it calls public.f()") {
		t.Errorf("untranslatable: %s %s", o.Action, o.Detail)
	}
}

// TestViewsGolden compares the views of each corpus dump that has any with
// testdata/golden/<name>.views.sql (-update rewrites it).
func TestViewsGolden(t *testing.T) {
	for _, c := range corpus {
		db, _, err := pass1(t, c.path, c.opts)
		if err != nil || len(db.Views) == 0 {
			continue
		}
		var b bytes.Buffer
		for _, v := range db.Views {
			in := ""
			if v.Database != "" {
				in = " in " + v.Database
			}
			fmt.Fprintf(&b, "-- %s %s%s (%s)\n%s;\n\n", v.Kind, v.PG, in, v.Pos, strings.Join(v.CreateStatements(), ";\n"))
		}
		doltparse.Check(t, c.name+".views.sql", b.Bytes())
		compareGolden(t, filepath.Join("testdata", "golden", c.name+".views.sql"), b.Bytes())
	}
}
