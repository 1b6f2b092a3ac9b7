package translate_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dolthub/vitess/go/vt/sqlparser"

	"github.com/pgcopy/pgcopy/internal/testenv"
	"github.com/pgcopy/pgcopy/translate"
)

var updateTriggers = flag.Bool("update-triggers", false, "rewrite testdata/triggers.golden")

// TestTriggerGolden translates testdata/triggers/triggers.sql (the
// PL/pgSQL subset and some skipped constructs) plus a few more skipped
// triggers, and compares the Dolt triggers and their report entries with
// testdata/triggers.golden; every CREATE TRIGGER is parsed by Dolt's
// parser (a trigger body holds semicolons, so it is parsed whole rather
// than with doltparse.Check's splitter).
func TestTriggerGolden(t *testing.T) {
	src, err := os.ReadFile(testenv.Testdata(t, "triggers/triggers.sql"))
	if err != nil {
		t.Fatal(err)
	}
	extra := `
CREATE TABLE public.doc (id integer PRIMARY KEY, body text, tsv tsvector);
CREATE TRIGGER doc_tsv BEFORE INSERT OR UPDATE ON public.doc FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('tsv', 'pg_catalog.english', 'body');
CREATE FUNCTION public.doc_op() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN NEW.body := 'x'; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER doc_op BEFORE INSERT ON public.doc FOR EACH ROW EXECUTE FUNCTION public.doc_op();
CREATE FUNCTION public.doc_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NULL;
END $$;
CREATE TRIGGER doc_cancel BEFORE DELETE ON public.doc FOR EACH ROW EXECUTE FUNCTION public.doc_cancel();
CREATE FUNCTION public.doc_set() RETURNS SETOF integer LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT 1;
END $$;
CREATE FUNCTION public.item_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE public.item SET name_lc = lower(name) WHERE id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER item_self AFTER INSERT ON public.item FOR EACH ROW EXECUTE FUNCTION public.item_self();
CREATE FUNCTION public.doc_msg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS NULL THEN
        RAISE EXCEPTION 'doc % has no body', NEW.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER doc_msg BEFORE INSERT ON public.doc FOR EACH ROW EXECUTE FUNCTION public.doc_msg();
CREATE TRIGGER doc_trans AFTER INSERT ON public.doc REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION public.doc_op();
`
	_, db, rep, err := run(t, string(src)+extra, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, r := range db.Routines {
		if _, err := sqlparser.Parse(r.SQL); err != nil {
			t.Errorf("Dolt's parser rejects trigger %s:\n%s\n%v", r.Name, r.SQL, err)
		}
		fmt.Fprintf(&b, "-- %s (%s)\n%s;\n\n", r.PG, r.Kind, r.SQL)
	}
	var rb bytes.Buffer
	if err := rep.WriteGolden(&rb); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(rb.String(), "\n") {
		if strings.Contains(l, "TRIGGER") || strings.Contains(l, "FUNCTION") {
			b.WriteString("-- " + l + "\n")
		}
	}
	golden := filepath.Join("testdata", "triggers.golden")
	if *updateTriggers {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update-triggers)", err)
	}
	if !bytes.Equal(want, b.Bytes()) {
		t.Errorf("triggers differ from %s (run with -update-triggers and check the diff):\n%s", golden, b.String())
	}
}
