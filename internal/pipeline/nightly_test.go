package pipeline

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
)

// digestsOf runs pass 1 over a small dump and returns its table digests.
func digestsOf(t *testing.T, dumpText string, policy UnrepPolicy) map[string]tableDigest {
	t.Helper()
	res, err := translate.ReadSchema(strings.NewReader(dumpText), "test.sql", translate.ReadOptions{AllowIncomplete: true})
	if err != nil {
		t.Fatalf("ReadSchema: %v", err)
	}
	return tableDigests(res, res.DB, policy)
}

const nightlyDump = `CREATE TABLE public.a (id integer NOT NULL, v %s);
CREATE TABLE public.b (id integer NOT NULL);
COPY public.a (id, v) FROM stdin;
%s\.
ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);
`

func nightly(typ, rows string) string {
	return strings.Replace(strings.Replace(nightlyDump, "%s", typ, 1), "%s", rows, 1)
}

func TestTableDigests(t *testing.T) {
	base := digestsOf(t, nightly("text", "1\tx\n2\ty\n"), "")
	if len(base) != 2 || base["a"].Data == "" || base["b"].Data == "" {
		t.Fatalf("digests: %+v", base)
	}
	if again := digestsOf(t, nightly("text", "1\tx\n2\ty\n"), ""); again["a"] != base["a"] || again["b"] != base["b"] {
		t.Errorf("the same dump gave other digests: %+v, %+v", again, base)
	}
	row := digestsOf(t, nightly("text", "1\tx\n2\tz\n"), "")
	if row["a"].Data == base["a"].Data || row["a"].Schema != base["a"].Schema || row["b"] != base["b"] {
		t.Errorf("a changed row: %+v, base %+v", row, base)
	}
	typ := digestsOf(t, nightly("bigint", "1\t7\n2\t8\n"), "")
	typ2 := digestsOf(t, nightly("integer", "1\t7\n2\t8\n"), "")
	if typ["a"].Schema == typ2["a"].Schema || typ["a"].Data != typ2["a"].Data {
		t.Errorf("a widened column: %+v, %+v", typ["a"], typ2["a"])
	}
	if pol := digestsOf(t, nightly("text", "1\tx\n2\ty\n"), UnrepNull); pol["a"].Schema == base["a"].Schema {
		t.Errorf("another --on-unrepresentable policy kept the schema digest")
	}
	ins := digestsOf(t, strings.Replace(nightly("text", ""), "ALTER TABLE", "INSERT INTO public.a VALUES (3, 'q');\nALTER TABLE", 1), "")
	if len(ins) != 0 {
		t.Errorf("a dump with INSERT statements got digests: %+v", ins)
	}
}

func TestDigestLinesRoundTrip(t *testing.T) {
	res, err := translate.ReadSchema(strings.NewReader(nightly("text", "1\tx\n")), "test.sql", translate.ReadOptions{AllowIncomplete: true})
	if err != nil {
		t.Fatal(err)
	}
	d := tableDigests(res, res.DB, "")
	msg := "pgcopy: snapshot of x\n\nsource: x\n" + digestLines(d, &report.Report{}, res.DB, "") + "slot: s\n"
	if !strings.Contains(msg, "table-digest: data="+d["a"].Data+" schema="+d["a"].Schema+" a\n") {
		t.Fatalf("message:\n%s", msg)
	}
	got := parseDigests(msg + "table-digest: data=short schema=x bad\ntable-digest: garbage\n")
	if len(got) != 2 || got["a"] != d["a"] || got["b"] != d["b"] {
		t.Errorf("parsed %+v, want %+v", got, d)
	}
	spaced := parseDigests("table-digest: data=" + strings.Repeat("a", 64) + " schema=" + strings.Repeat("b", 64) + " my table\n")
	if _, ok := spaced["my table"]; !ok {
		t.Errorf("a name with a space: %+v", spaced)
	}
}
