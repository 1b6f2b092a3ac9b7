package verify

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/schema"
)

func TestVerifyNormalize(t *testing.T) {
	for _, c := range []struct {
		a, b string
		n    norm
		same bool
	}{
		{"1.500", "1.5", nNumber, true},
		{"2.990000000000000000000000000000", "2.99", nNumber, true},
		{"0.000", "0", nNumber, true},
		{"-0.00", "0", nNumber, true},
		{"007", "7", nNumber, true},
		{"1e3", "1000", nNumber, true},
		{"-1.5E-2", "-0.015", nNumber, true},
		{"1.5", "1.50001", nNumber, false},
		{"-1", "1", nNumber, false},
		{"NaN", "NaN", nNumber, true},
		{"0.1", "0.10000000149011612", nFloat32, true}, // the same float4
		{"3.4e+38", "340000000000000000000000000000000000000", nFloat32, true},
		{"0.1", "0.10000001", nFloat32, false},
		{"0.1", "0.1000000000000001", nFloat64, false},
		{"1.7976931348623157e+308", "1.7976931348623157e308", nFloat64, true},
		{`{"b": 1.0, "a": [1, 2]}`, `{"a":[1,2],"b":1}`, nJSON, true},
		{`{"a": 1}`, `{"a": "1"}`, nJSON, false},
		{`[1.50, "x"]`, `[1.5,"x"]`, nJSON, true},
		{`{"z": {"y": null}}`, `{"z":{"y":null}}`, nJSON, true},
		{"10:11:12.5", "10:11:12.500000", nTime, true},
		{"10:11:12", "10:11:12.000000", nTime, true},
		{"10:11:12", "10:11:13.000000", nTime, false},
		{"10101010", "170", nBits, true},
		{"ab   ", "ab", nText, false},
	} {
		x, y := normalize([]byte(c.a), c.n), normalize([]byte(c.b), c.n)
		if c.n == nBits {
			y = normalize([]byte(c.b), nNumber)
		}
		if (x == y) != c.same {
			t.Errorf("%q vs %q (norm %d): %q, %q; same = %v, want %v", c.a, c.b, c.n, x, y, x == y, c.same)
		}
	}
}

// TestVerifySum: the table hash does not depend on row order, and counts
// repeated rows.
func TestVerifySum(t *testing.T) {
	rows := [][]string{{"1", "a"}, {"2", nullValue}, {"3", ""}, {"1", "a"}}
	hash := func(order []int) string {
		var s sum256
		for _, i := range order {
			h, _ := rowHash(rows[i], nil)
			s.add(h)
		}
		return s.String()
	}
	if hash([]int{0, 1, 2, 3}) != hash([]int{3, 2, 0, 1}) {
		t.Error("row order changes the hash")
	}
	if hash([]int{0, 1, 2}) == hash([]int{0, 1, 2, 3}) || hash([]int{0, 1}) == hash([]int{0, 2}) {
		t.Error("different rows, same hash")
	}
	// NULL and '' differ; so do ("ab","c") and ("a","bc")
	a, _ := rowHash([]string{nullValue}, nil)
	b, _ := rowHash([]string{""}, nil)
	c, _ := rowHash([]string{"ab", "c"}, nil)
	d, _ := rowHash([]string{"a", "bc"}, nil)
	if a == b || c == d {
		t.Error("ambiguous row encoding")
	}
	// carries propagate across limbs
	var s sum256
	var ff [32]byte
	for i := range ff {
		ff[i] = 0xff
	}
	s.add(ff)
	s.add(sha256.Sum256(nil))
	if s == (sum256{}) {
		t.Error("sum")
	}
}

func TestVerifyPlan(t *testing.T) {
	col := func(name, doltType string) *schema.Column {
		dolt, err := overrides.ParseType(doltType)
		if err != nil {
			t.Fatal(err)
		}
		return &schema.Column{PGName: name, Name: name, Type: schema.ColumnType{Type: dolt}}
	}
	for _, c := range []struct {
		col        *schema.Column
		typ        pgType
		pg, dolt   string
		pgN, doltN norm
	}{
		{col("b", "tinyint(1)"), pgType{name: "bool", kind: 'b'}, `CASE WHEN "b" THEN '1' WHEN NOT "b" THEN '0' END`, "CAST(`b` AS CHAR)", nText, nText},
		{col("c", "char(5)"), pgType{name: "bpchar", kind: 'b'}, `CASE WHEN "c" IS NOT NULL THEN format('%s', "c") END`, "CAST(`c` AS CHAR)", nText, nText},
		{col("a", "json"), pgType{name: "_text", kind: 'b', array: true, elemName: "timestamptz"}, `to_json("a"::text[])::text`, "CAST(`a` AS CHAR)", nJSON, nJSON},
		{col("a", "json"), pgType{name: "_int4", kind: 'b', array: true, elemName: "int4"}, `to_json("a")::text`, "CAST(`a` AS CHAR)", nJSON, nJSON},
		{col("t", "time(6)"), pgType{name: "time", kind: 'b'}, `"t"::text`, "TIME_FORMAT(`t`, '%H:%i:%s.%f')", nTime, nTime},
		{col("p", "longtext"), pgType{name: "pair", kind: 'c'}, `CASE WHEN num_nulls("p") = 0 THEN format('%s', "p") END`, "CAST(`p` AS CHAR)", nText, nText},
		{col("h", "json"), pgType{name: "hstore", kind: 'b'}, `to_json("h")::text`, "CAST(`h` AS CHAR)", nJSON, nJSON},
		{col("x", "bit(8)"), pgType{name: "bit", kind: 'b'}, `"x"::text`, "CAST(`x` AS UNSIGNED)", nBits, nNumber},
	} {
		p := planColumn(c.col, c.typ)
		if p.pgExpr != c.pg || p.doltExpr != c.dolt || p.pgNorm != c.pgN || p.doltNorm != c.doltN {
			t.Errorf("%s %+v:\n got %s | %s | %d %d\nwant %s | %s | %d %d", c.col.Name, c.typ, p.pgExpr, p.doltExpr, p.pgNorm, p.doltNorm, c.pg, c.dolt, c.pgN, c.doltN)
		}
	}
}

func TestVerifyDisplayAndErr(t *testing.T) {
	p := &tablePlan{cols: []colPlan{{pgName: "id", pgNorm: nNumber}, {pgName: "name"}}, pk: []int{0}}
	if got := p.display([]string{"7", "x"}); got != "id=7" {
		t.Errorf("display %q", got)
	}
	p.pk = []int{0, 1}
	if got := p.display([]string{"7", "it's"}); got != "(id=7, name='it''s')" {
		t.Errorf("display %q", got)
	}
	p.pk = nil
	if got := p.display([]string{"7", nullValue}); got != "row (7, NULL)" {
		t.Errorf("display %q", got)
	}
	res := []TableResult{{Table: "a", Equal: true, PGRows: 3}, {Table: "film", PG: schema.Name{Schema: "public", Name: "film"}, PGRows: 2, DoltRows: 2, DiffCount: 6,
		Diffs: []string{"film_id=1: differs in title", "film_id=2: differs in title", "film_id=3: differs in title", "film_id=4: differs in title", "film_id=5: differs in title"}}}
	err := Err(res)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 tables differ") || !strings.Contains(err.Error(), "film_id=5") || !strings.Contains(err.Error(), "and 1 more") {
		t.Errorf("Err: %v", err)
	}
	if Err(res[:1]) != nil {
		t.Error("Err on equal results")
	}
}

func TestVerifyDisplayKey(t *testing.T) {
	p := &tablePlan{cols: []colPlan{{pgName: "a", pgNorm: nNumber}, {pgName: "x"}, {pgName: "b"}}, pk: []int{2, 0}}
	vals := []string{"7", "ignored", nullValue}
	if got, want := p.displayKey(p.key(vals, [32]byte{})), p.display(vals); got != want || got != "(b=NULL, a=7)" {
		t.Errorf("displayKey %q, display %q", got, want)
	}
}

func TestQuoteExcerpt(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"it's", "'it''s'"},
		{strings.Repeat("a", 200), "'" + strings.Repeat("a", 200) + "'"},
		{strings.Repeat("a", 199) + "é" + "b", "'" + strings.Repeat("a", 199) + "'... (202 bytes)"},
	} {
		if got := quoteExcerpt(c.in); got != c.want {
			t.Errorf("quoteExcerpt(%.20q...) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSchemaComplete: verify.Schema applies copy's completeness check to
// the schema dump: a pg_dump dump without its trailer and an empty input
// are errors (dump.ErrIncomplete, dump.ErrEmpty) with a hint, a whole
// dump gives its tables.
func TestSchemaComplete(t *testing.T) {
	head := "--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.a (id integer NOT NULL);\n\n"
	tail := "--\n-- PostgreSQL database dump complete\n--\n\n"
	db, err := Schema(strings.NewReader(head+"CREATE TABLE public.b (id integer);\n\n"+tail), "whole.sql", translate.Options{})
	if err != nil || len(db.Tables) != 2 {
		t.Fatalf("whole dump: %v, %v", db, err)
	}
	for _, c := range []struct {
		name, text string
		cause      error
		msg        string
	}{
		{"cut", head, dump.ErrIncomplete, "cut.sql:6: the dump ends at line 6 without pg_dump's trailer"},
		{"empty", "", dump.ErrEmpty, "it is empty"},
	} {
		_, err := Schema(strings.NewReader(c.text), c.name+".sql", translate.Options{})
		if !errors.Is(err, c.cause) || !strings.Contains(err.Error(), c.msg) || diag.HintOf(err) == "" {
			t.Errorf("%s: %v (hint %q), want %v containing %q", c.name, err, diag.HintOf(err), c.cause, c.msg)
		}
	}
}
