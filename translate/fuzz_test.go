package translate_test

import (
	"io"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
)

// FuzzTranslate feeds arbitrary SQL, read as a dump, to the translator's
// first pass and Finish: each statement (whatever pg_query makes of it)
// must be translated, reported as skipped, or fail with an error; the
// translator never panics.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{
		"CREATE TABLE public.t (id integer NOT NULL, v text, ts timestamp(6) without time zone DEFAULT now(), CONSTRAINT c CHECK (id > 0));\nALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n",
		"CREATE TYPE public.mood AS ENUM ('a', 'b');\nCREATE TABLE public.u (m public.mood[], r tsrange, n numeric(10,2) DEFAULT 'NaN');\nCREATE INDEX u_i ON public.u USING btree (lower((m)::text)) WHERE (n > 0);\n",
		"CREATE VIEW public.v AS SELECT 1 AS x;\nCREATE SEQUENCE public.s START WITH 1;\nALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.s'::regclass);\nCOMMENT ON TABLE public.t IS 'x';\n",
		"CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a (id) ON DELETE CASCADE, UNIQUE (a_id));\n",
		"CREATE DOMAIN public.d AS text COLLATE \"C\" CHECK (VALUE <> '');\nCREATE TABLE public.w (x public.d, y int GENERATED ALWAYS AS IDENTITY, z int GENERATED ALWAYS AS (y * 2) STORED) PARTITION BY RANGE (y);\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		tr := translate.New(translate.Options{}, &report.Report{})
		rd := dump.NewReader(strings.NewReader(sql), "fuzz.sql")
		for {
			ev, err := rd.Next()
			if err != nil {
				if err != io.EOF {
					return // not a dump the reader accepts
				}
				break
			}
			_ = tr.Statement(ev)
		}
		_, _ = tr.Finish()
	})
}
