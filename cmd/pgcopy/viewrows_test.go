package main

import (
	"path/filepath"

	"context"
	"database/sql"
	"github.com/pgcopy/pgcopy/internal/testenv"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/verify"
)

// viewRowsShown is how many differing rows of a view a failure shows.
const viewRowsShown = 5

// compareViews checks every view Dolt has (information_schema.views of
// my's database) against the view of the same name in PostgreSQL's public
// schema, which must exist: the same columns, in order, and the same rows,
// value by value. Values are read and normalised as verify reads table
// columns (verify.ColumnReading); each side is read ORDER BY all its
// columns and the rows, normalised, are sorted again in Go (the two
// collations order text differently), then walked together: a failure
// shows the first rows only PostgreSQL has and the first only Dolt has.
// It returns the number of rows per view.
func compareViews(t *testing.T, pgc *pgx.Conn, my *sql.DB) map[string]int {
	t.Helper()
	ctx := context.Background()
	if _, err := pgc.Exec(ctx, `SELECT set_config('datestyle', 'ISO, MDY', false), set_config('intervalstyle', 'postgres', false),
		set_config('extra_float_digits', '3', false)`); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range querySQL(t, my, "SELECT TABLE_NAME FROM information_schema.views WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1") {
		v := r[0]
		pgName := pgx.Identifier{"public", v}.Sanitize()
		rows, err := pgc.Query(ctx, `SELECT a.attname::text, a.atttypid::int8 FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'public' AND c.relname = $1 AND c.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped
			ORDER BY a.attnum`, v)
		if err != nil {
			t.Fatal(err)
		}
		type col struct {
			name string
			oid  int64
		}
		var pgCols []col
		for rows.Next() {
			var c col
			if err := rows.Scan(&c.name, &c.oid); err != nil {
				t.Fatal(err)
			}
			pgCols = append(pgCols, c)
		}
		rows.Close()
		if len(pgCols) == 0 {
			t.Errorf("Dolt has the view %s, PostgreSQL has no view %s", v, pgName)
			continue
		}
		var doltCols []string
		for _, c := range querySQL(t, my, "SELECT COLUMN_NAME FROM information_schema.columns WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"+v+"' ORDER BY ORDINAL_POSITION") {
			doltCols = append(doltCols, c[0])
		}
		var pgNames []string
		for _, c := range pgCols {
			pgNames = append(pgNames, c.name)
		}
		if !strings.EqualFold(strings.Join(pgNames, ","), strings.Join(doltCols, ",")) {
			t.Errorf("view %s: PostgreSQL has the columns %v, Dolt %v", v, pgNames, doltCols)
			continue
		}
		var readings []verify.Reading
		var pgSel, doltSel, pgOrd, doltOrd []string
		for i, c := range pgCols {
			rd, err := verify.ColumnReading(ctx, pgc, uint32(c.oid), c.name, doltCols[i])
			if err != nil {
				t.Fatal(err)
			}
			readings = append(readings, rd)
			pgSel = append(pgSel, rd.PG)
			doltSel = append(doltSel, rd.Dolt)
			pgOrd = append(pgOrd, strconv.Itoa(i+1))
			doltOrd = append(doltOrd, strconv.Itoa(i+1))
		}
		pgQ := "SELECT " + strings.Join(pgSel, ", ") + " FROM " + pgName + " ORDER BY " + strings.Join(pgOrd, ", ")
		doltQ := "SELECT " + strings.Join(doltSel, ", ") + " FROM `" + v + "` ORDER BY " + strings.Join(doltOrd, ", ")
		pgRows := readViewPG(t, pgc, pgQ, readings)
		doltRows := readViewDolt(t, my, doltQ, readings)
		out[v] = len(pgRows)
		var onlyPG, onlyDolt []string
		i, j := 0, 0
		for i < len(pgRows) || j < len(doltRows) {
			switch {
			case j == len(doltRows) || (i < len(pgRows) && pgRows[i] < doltRows[j]):
				onlyPG = append(onlyPG, pgRows[i])
				i++
			case i == len(pgRows) || doltRows[j] < pgRows[i]:
				onlyDolt = append(onlyDolt, doltRows[j])
				j++
			default:
				i++
				j++
			}
		}
		if len(onlyPG)+len(onlyDolt) > 0 {
			t.Errorf("view %s differs: PostgreSQL has %d rows, Dolt %d; %d rows only in PostgreSQL, %d only in Dolt (columns %s)\n  only in PostgreSQL:\n%s\n  only in Dolt:\n%s",
				v, len(pgRows), len(doltRows), len(onlyPG), len(onlyDolt), strings.Join(pgNames, " | "), firstRows(onlyPG), firstRows(onlyDolt))
		}
	}
	return out
}

func firstRows(rows []string) string {
	var b strings.Builder
	for i, r := range rows {
		if i == viewRowsShown {
			b.WriteString("    ... (" + strconv.Itoa(len(rows)-i) + " more)\n")
			break
		}
		b.WriteString("    " + r + "\n")
	}
	return b.String()
}

// readViewPG reads a view's rows from PostgreSQL, each value normalised
// as verify normalises its column (readings), NULL as nullText.
func readViewPG(t *testing.T, c *pgx.Conn, q string, readings []verify.Reading) []string {
	t.Helper()
	return scanPG(t, c, q, len(readings), func(i int, v *string) string {
		if v == nil {
			return nullText
		}
		return readings[i].NormPG([]byte(*v))
	})
}

// readViewDolt is readViewPG for Dolt.
func readViewDolt(t *testing.T, db *sql.DB, q string, readings []verify.Reading) []string {
	t.Helper()
	return scanDolt(t, db, q, len(readings), func(i int, v *string) string {
		if v == nil {
			return nullText
		}
		return readings[i].NormDolt([]byte(*v))
	})
}

// viewTypesDump has a view over a column of each kind verify reads in its
// own way (booleans, dates, timestamps, times, floats, numerics, JSON,
// bytea, character(n)) and over expressions of them. The COPY rows are
// as pg_dump writes them (character(5) padded: "ab   ").
const viewTypesDump = `
SET search_path = '';
CREATE TABLE public.v (id integer NOT NULL, b boolean, d date, ts timestamp without time zone, tstz timestamp with time zone,
  tm time without time zone, f4 real, f8 double precision, n numeric(10,3), j jsonb, by bytea, c character(5), s text);
CREATE VIEW public.v_all AS
 SELECT v.id, v.b, v.d, v.ts, v.tstz, v.tm, v.f4, v.f8, v.n, v.j, v.by, v.c, v.s
   FROM public.v;
CREATE VIEW public.v_expr AS
 SELECT v.id,
    (NOT v.b) AS nb,
    (v.n * (2)::numeric) AS n2,
    (v.f8 / (3)::double precision) AS f3,
    upper(v.s) AS us,
    (v.id > 1) AS big,
    COALESCE(v.s, 'none'::text) AS s_or
   FROM public.v
  WHERE (v.id < 100);
COPY public.v (id, b, d, ts, tstz, tm, f4, f8, n, j, by, c, s) FROM stdin;
1	t	2024-02-29	2024-02-29 12:34:56.789	2024-02-29 23:30:00+02	23:59:59.5	0.1	3.141592653589793	12.500	{"b": [1, 2.50], "a": null}	\\x00ff	ab   	héllo
2	f	0001-01-01	1999-12-31 23:59:59	1970-01-01 00:00:00+00	00:00:00	-1.5e+10	1e-300	-0.001	[]	\\x	abcde	
3	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N
\.
ALTER TABLE ONLY public.v ADD CONSTRAINT v_pkey PRIMARY KEY (id);
`

// TestViewsTypes: views over columns of each kind verify reads in its own
// way, and over expressions of them, return PostgreSQL's rows on both
// targets (compareViews, through verify's readings).
func TestViewsTypes(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	dump := testenv.WriteFile(t, t.TempDir(), "types.sql", []byte(viewTypesDump))
	pg.Psql(t, pgURL, dump)
	pgc := mustConnectPG(t, pgURL)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		repPath := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "-q", "--report", repPath)
		for _, v := range []string{"v_all", "v_expr"} {
			if o := findObject(readReport(t, repPath), "VIEW", "public."+v); o == nil || o.Action != "translated" {
				t.Errorf("report for view %s: %+v, want translated", v, o)
			}
		}
		compared := compareViews(t, pgc, targetDB(t, tg))
		if compared["v_all"] != 3 || compared["v_expr"] != 3 {
			t.Errorf("compared %v, want v_all and v_expr with 3 rows each", compared)
		}
	})
}
