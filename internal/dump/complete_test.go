package dump

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// completeOf reads every event and row of text, then returns Complete's verdict.
func completeOf(t *testing.T, text string) error {
	t.Helper()
	r := NewReader(strings.NewReader(text), "d.sql")
	for {
		_, err := r.Next()
		if err == io.EOF {
			return r.Complete()
		}
		if err != nil {
			return err
		}
	}
}

const completeDump = `--
-- PostgreSQL database dump
--

\restrict KEY1

-- Dumped from database version 15.18
-- Dumped by pg_dump version 15.18

SET statement_timeout = 0;
CREATE TABLE public.t (id integer);
COPY public.t (id) FROM stdin;
1
\.

--
-- PostgreSQL database dump complete
--

\unrestrict KEY1

`

func TestComplete(t *testing.T) {
	lines := strings.SplitAfter(completeDump, "\n")
	cut := func(n int) string { return strings.Join(lines[:n], "") }
	for _, c := range []struct {
		name, text string
		want       error  // nil, ErrEmpty or ErrIncomplete
		msg        string // substring of the error
	}{
		{"whole", completeDump, nil, ""},
		{"empty", "", ErrEmpty, "d.sql:0: the input holds no SQL statement (0 bytes, 0 lines)"},
		{"blanks and comments", "\n  \n-- nothing\n/* here */\n", ErrEmpty, "it is empty"},
		{"header only", cut(9), ErrIncomplete, "d.sql:9: the dump ends at line 9 without pg_dump's trailer"},
		{"cut after a COPY block", cut(15), ErrIncomplete, "ends at line 15 without pg_dump's trailer"},
		{"cut before the trailer", cut(16), ErrIncomplete, "without pg_dump's trailer"},
		{"trailer without unrestrict", cut(19), ErrIncomplete, "without the \\unrestrict line"},
		{"no restrict (pg_dump before 15.14)", strings.Replace(strings.Replace(completeDump, "\\restrict KEY1\n", "", 1), "\\unrestrict KEY1\n", "", 1), nil, ""},
		{"unrestrict with another key", strings.Replace(completeDump, "\\unrestrict KEY1", "\\unrestrict KEY2", 1), ErrIncomplete, "\\unrestrict"},
		{"text after the trailer (Rails structure.sql)", completeDump + "INSERT INTO schema_migrations VALUES ('1');\n", nil, ""},
		{"hand-written script", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := completeOf(t, c.text)
			if c.want == nil {
				if err != nil {
					t.Fatalf("Complete() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Complete() = %v, want %v containing %q", err, c.want, c.msg)
			}
		})
	}
}
