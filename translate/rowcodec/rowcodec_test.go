package rowcodec_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// col is a column of a hand-built table: no Translator is involved.
func col(name, typ string, c schema.Codec) *schema.Column {
	dolt, err := overrides.ParseType(typ)
	if err != nil {
		panic(err)
	}
	return &schema.Column{PGName: name, Name: name, Type: schema.ColumnType{Type: dolt}, Codec: c}
}

// decode decodes one COPY text line (without its newline).
func decode(t *testing.T, line string) []pgtext.Field {
	t.Helper()
	f, err := pgtext.DecodeRow([]byte(line), nil)
	if err != nil {
		t.Fatalf("DecodeRow(%q): %v", line, err)
	}
	return f
}

// TestPgbenchRow decodes a pgbench_accounts row (pgbench -i writes aid,
// bid, abalance and a blank-padded filler char(84)).
func TestPgbenchRow(t *testing.T) {
	tb := &schema.Table{PG: schema.Name{Schema: "public", Name: "pgbench_accounts"}, Name: "pgbench_accounts", Columns: []*schema.Column{
		col("aid", "int", schema.Codec{Kind: schema.KindInt}),
		col("bid", "int", schema.Codec{Kind: schema.KindInt}),
		col("abalance", "int", schema.Codec{Kind: schema.KindInt}),
		col("filler", "char(84)", schema.Codec{Kind: schema.KindString}),
	}}
	r, err := rowcodec.For(tb, "public.pgbench_accounts", []string{"aid", "bid", "abalance", "filler"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat(" ", 84)
	fields := decode(t, "7\t1\t-42\t"+filler)
	vals, err := r.AppendRow(nil, fields)
	if err != nil {
		t.Fatal(err)
	}
	if want := []any{int64(7), int64(1), int64(-42), filler}; !reflect.DeepEqual(vals, want) {
		t.Errorf("AppendRow = %#v, want %#v", vals, want)
	}
	tuple, err := r.AppendTuple(nil, fields)
	if err != nil {
		t.Fatal(err)
	}
	if want := "(7,1,-42,'" + filler + "')"; string(tuple) != want {
		t.Errorf("AppendTuple = %s, want %s", tuple, want)
	}
	if !reflect.DeepEqual(r.Columns, []string{"aid", "bid", "abalance", "filler"}) {
		t.Errorf("Columns = %v", r.Columns)
	}
}

// TestTypeMatrixRow decodes one row holding a value of every value kind
// (the types of cmd/pgcopy/types_test.go's matrix and a few more), given
// as a list of text values as well as as a COPY line.
func TestTypeMatrixRow(t *testing.T) {
	cases := []struct {
		col     *schema.Column
		text    string // PostgreSQL text form; "\N" is NULL
		literal string // AppendTuple's literal
		value   any    // AppendRow's Go value
	}{
		{col("id", "int", schema.Codec{Kind: schema.KindInt}), "1", "1", int64(1)},
		{col("big", "bigint unsigned", schema.Codec{Kind: schema.KindInt}), "18446744073709551615", "18446744073709551615", uint64(18446744073709551615)},
		{col("t", "longtext", schema.Codec{Kind: schema.KindString}), "it's", `'it\'s'`, "it's"},
		{col("n", "decimal(38,10)", schema.Codec{Kind: schema.KindNumeric}), "-12.5000000000", "-12.5000000000", "-12.5000000000"},
		{col("r", "float", schema.Codec{Kind: schema.KindFloat, Float32: true}), "3.4028235e+38", "3.4028234663852886e+38", 3.4028234663852886e+38},
		{col("d", "double", schema.Codec{Kind: schema.KindFloat}), "1.5", "1.5", 1.5},
		{col("b", "tinyint(1)", schema.Codec{Kind: schema.KindBool}), "t", "1", int64(1)},
		{col("by", "longblob", schema.Codec{Kind: schema.KindBytea}), `\x00ff`, "X'00FF'", []byte{0, 0xff}},
		{col("dt", "date", schema.Codec{Kind: schema.KindDate}), "2020-02-29", "'2020-02-29'", "2020-02-29"},
		{col("ts", "datetime(6)", schema.Codec{Kind: schema.KindTimestamp}), "2020-01-02 03:04:05.123456", "'2020-01-02 03:04:05.123456'", "2020-01-02 03:04:05.123456"},
		{col("tz", "datetime(6)", schema.Codec{Kind: schema.KindTimestampTZ}), "2020-01-02 03:04:05+02", "'2020-01-02 01:04:05'", "2020-01-02 01:04:05"},
		{col("tm", "time(6)", schema.Codec{Kind: schema.KindTime}), "23:59:59.5", "'23:59:59.500000'", "23:59:59.500000"},
		{col("j", "json", schema.Codec{Kind: schema.KindJSON}), `{"a": [1, "x"]}`, `'{"a": [1, "x"]}'`, `{"a": [1, "x"]}`},
		{col("ia", "json", schema.Codec{Kind: schema.KindArray, Elem: pgtext.ElemNumber}), "{1,2,NULL}", "'[1,2,null]'", "[1,2,null]"},
		{col("m", "decimal(19,2)", schema.Codec{Kind: schema.KindMoney}), "-$1,234.56", "-1234.56", "-1234.56"},
		{col("h", "json", schema.Codec{Kind: schema.KindHstore}), `"a"=>"1"`, `'{"a":"1"}'`, `{"a":"1"}`},
		{col("bit", "bit(4)", schema.Codec{Kind: schema.KindBit}), "1010", "b'1010'", uint64(10)},
		{col("nul", "longtext", schema.Codec{Kind: schema.KindString}), `\N`, "NULL", nil},
	}
	tb := &schema.Table{Name: "matrix"}
	var texts []*string
	var line, lits []string
	var want []any
	for _, c := range cases {
		tb.Columns = append(tb.Columns, c.col)
		line = append(line, strings.ReplaceAll(c.text, `\x`, `\\x`))
		if c.text == `\N` {
			texts = append(texts, nil)
		} else {
			s := c.text
			texts = append(texts, &s)
		}
		lits = append(lits, c.literal)
		want = append(want, c.value)
	}
	r, err := rowcodec.For(tb, "public.matrix", nil, nil) // nil header: every column, in order
	if err != nil {
		t.Fatal(err)
	}
	for name, fields := range map[string][]pgtext.Field{
		"COPY line":   decode(t, strings.Join(line, "\t")),
		"text values": rowcodec.Text(texts),
	} {
		got, err := r.AppendRow(nil, fields)
		if err != nil {
			t.Fatalf("%s: AppendRow: %v", name, err)
		}
		for i := range cases {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: column %s: AppendRow %#v, want %#v", name, cases[i].col.Name, got[i], want[i])
			}
		}
		tuple, err := r.AppendTuple(nil, fields)
		if err != nil {
			t.Fatalf("%s: AppendTuple: %v", name, err)
		}
		if w := "(" + strings.Join(lits, ",") + ")"; string(tuple) != w {
			t.Errorf("%s: AppendTuple\n got %s\nwant %s", name, tuple, w)
		}
	}
}

// TestRowsErrors: a bad value names its column, a NUL byte is ErrNUL,
// unrepresentable values wrap pgtext.ErrUnrepresentable, skipped columns
// are projected away and unknown ones are a *ColumnError.
func TestRowsErrors(t *testing.T) {
	tb := &schema.Table{Name: "t", Columns: []*schema.Column{
		col("id", "int", schema.Codec{Kind: schema.KindInt}),
		col("v", "double", schema.Codec{Kind: schema.KindFloat}),
	}}
	r, err := rowcodec.For(tb, "public.t", []string{"id", "gone", "v"}, func(c string) bool { return c == "gone" })
	if err != nil {
		t.Fatal(err)
	}
	fields := r.Project(decode(t, "x\tskipped\t1"))
	var ve *rowcodec.ValueError
	if _, err := r.AppendTuple(nil, fields); !errors.As(err, &ve) || ve.Column != "id" {
		t.Errorf("bad integer: %v", err)
	}
	if _, err := r.AppendRow(nil, r.Project(decode(t, `1\0`+"\tskipped\tNaN"))); !errors.Is(err, rowcodec.ErrNUL) {
		t.Errorf("NUL byte: %v", err)
	}
	if _, err := r.AppendRow(nil, r.Project(decode(t, "1\tskipped\tNaN"))); !errors.Is(err, pgtext.ErrUnrepresentable) || !errors.As(err, &ve) || ve.Column != "v" {
		t.Errorf("NaN: %v", err)
	}
	var ce *rowcodec.ColumnError
	if _, err := rowcodec.For(tb, "public.t", []string{"id", "nope"}, nil); !errors.As(err, &ce) || ce.Column != "nope" {
		t.Errorf("unknown column: %v", err)
	}
}
