package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// recursiveDump holds a tree (node.parent_id) and a graph (edge) with WITH
// RECURSIVE views over them, as pg_dump writes them.
const recursiveDump = `
SET search_path = '';
CREATE TABLE public.node (id integer NOT NULL, parent_id integer, name character varying(20) NOT NULL, created date NOT NULL);
CREATE TABLE public.edge (src integer NOT NULL, dst integer NOT NULL);
CREATE VIEW public.tree AS
 WITH RECURSIVE t(id, path, depth, created) AS (
         SELECT n.id,
            (n.name)::text AS path,
            0 AS depth,
            n.created
           FROM public.node n
          WHERE (n.parent_id IS NULL)
        UNION ALL
         SELECT c.id,
            ((t_1.path || '/'::text) || (c.name)::text),
            (t_1.depth + 1),
            c.created
           FROM (public.node c
             JOIN t t_1 ON ((c.parent_id = t_1.id)))
        )
 SELECT id,
    path,
    depth,
    created
   FROM t;
CREATE VIEW public.reachable AS
 WITH RECURSIVE r AS (
         SELECT edge.src AS start, edge.dst AS reached
           FROM public.edge
        UNION
         SELECT r_1.start, e.dst
           FROM (r r_1
             JOIN public.edge e ON ((e.src = r_1.reached)))
        )
 SELECT start,
    reached
   FROM r;
COPY public.node (id, parent_id, name, created) FROM stdin;
1	\N	root	2024-02-27
2	1	a	2024-02-28
3	1	b	2024-02-20
4	2	a1	2024-02-21
5	4	a1x	2024-02-22
6	5	a-rather-long-name-x	2024-02-23
7	3	b1	2024-02-24
\.
COPY public.edge (src, dst) FROM stdin;
1	2
2	3
3	1
3	4
5	6
\.
ALTER TABLE ONLY public.node ADD CONSTRAINT node_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.edge ADD CONSTRAINT edge_pkey PRIMARY KEY (src, dst);
`

// TestViewsRecursive: WITH RECURSIVE views are created with the recursion
// kept (a path longer than the first arm's varchar(20) included) and
// return PostgreSQL's rows, value by value, on both targets; UNION (not
// ALL) ends the recursion over a cyclic graph as in PostgreSQL.
func TestViewsRecursive(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	dump := filepath.Join(t.TempDir(), "recursive.sql")
	if err := os.WriteFile(dump, []byte(recursiveDump), 0o644); err != nil {
		t.Fatal(err)
	}
	pg.Psql(t, pgURL, dump)
	pgc := mustConnectPG(t, pgURL)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		repPath := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "-q", "--report", repPath)
		objs := readReport(t, repPath)
		my := targetDB(t, tg)
		for _, v := range []string{"tree", "reachable"} {
			if o := findObject(objs, "VIEW", "public."+v); o == nil || o.Action != "translated" {
				t.Fatalf("report for view %s: %+v, want translated", v, o)
			}
		}
		// every view Dolt has against PostgreSQL's, value by value
		// (viewrows_test.go)
		compared := compareViews(t, pgc, my)
		for _, v := range []string{"tree", "reachable"} {
			if _, ok := compared[v]; !ok {
				t.Errorf("view %s was not compared (Dolt's views: %v)", v, compared)
			}
			t.Logf("view %s: %d rows compared", v, compared[v])
		}
		if n := queryInt(t, my, "SELECT COUNT(*) FROM tree"); n != 7 {
			t.Errorf("tree has %d rows, want 7", n)
		}
		if p := querySQL(t, my, "SELECT path FROM tree WHERE id = 6"); len(p) != 1 || p[0][0] != "root/a/a1/a1x/a-rather-long-name-x" {
			t.Errorf("tree path of node 6: %v", p)
		}
		// a date passed through the recursion (Dolt 1.83 makes it a
		// datetime; viewsql casts it back)
		if d := querySQL(t, my, "SELECT CAST(created AS CHAR) FROM tree WHERE id = 1"); len(d) != 1 || len(d[0][0]) != len("2024-02-27") {
			t.Errorf("tree created of node 1: %v, want a date", d)
		}
		if def := querySQL(t, my, "SELECT VIEW_DEFINITION FROM information_schema.views WHERE TABLE_NAME = 'tree'"); len(def) != 1 || !strings.Contains(def[0][0], "WITH RECURSIVE") {
			t.Errorf("the tree view in Dolt does not keep WITH RECURSIVE: %v", def)
		}
	})
}

// targetDB opens the copied Dolt database of an eachTarget target over
// SQL: a dolt sql-server on the embedded directory, or the server itself.
func targetDB(t *testing.T, tg doltTarget) *sql.DB {
	t.Helper()
	if rest, ok := strings.CutPrefix(tg.spec, "mysql://"); ok {
		user, addrDB, _ := strings.Cut(rest, "@")
		addr, db, _ := strings.Cut(addrDB, "/")
		return mustOpenMy(t, user+"@tcp("+addr+")/"+db)
	}
	return mustOpenMy(t, testenv.DoltServer(t, tg.spec)+filepath.Base(tg.spec))
}
