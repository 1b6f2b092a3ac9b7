package pgtypes

import (
	"testing"

	"github.com/pgcopy/pgcopy/translate/schema"
)

// TestRegistry: names and aliases resolve, typnames only by catalog name,
// and each row's rule gives the Dolt type pgcopy documents.
func TestRegistry(t *testing.T) {
	for _, c := range []struct {
		name string
		mods []int
		dolt string
		kind schema.ValueKind
	}{
		{"integer", nil, "int", schema.KindInt},
		{"varchar", []int{160}, "varchar(160)", schema.KindString},
		{"numeric", []int{10, 2}, "decimal(10,2)", schema.KindNumeric},
		{"timestamptz", []int{3}, "datetime(3)", schema.KindTimestampTZ},
		{"macaddr8", nil, "varchar(23)", schema.KindString},
		{"pg_lsn", nil, "varchar(17)", schema.KindString},
		{"txid_snapshot", nil, "longtext", schema.KindString},
	} {
		row, ok := Lookup(c.name)
		if !ok {
			t.Fatalf("%s: no row", c.name)
		}
		d, err := row.Rule(c.mods, false)
		if err != nil || schema.FormatType(d.Type) != c.dolt || row.Codec != c.kind {
			t.Errorf("%s%v: %+v %v codec %v, want %s codec %v", c.name, c.mods, d, err, row.Codec, c.dolt, c.kind)
		}
	}
	if _, ok := ByTypname("integer"); ok {
		t.Errorf("ByTypname found an alias")
	}
	if r, ok := ByTypname("int4"); !ok || r.Verify != VerifyNumber || r.View != ViewInt {
		t.Errorf("int4: %+v", r)
	}
	if _, err := mustRow(t, "numeric").Rule([]int{70, 2}, false); err == nil {
		t.Errorf("numeric(70,2) accepted")
	}
	for _, r := range All() {
		if r.Rule == nil {
			t.Errorf("%s: no rule", r.Name)
		}
	}
}

func mustRow(t *testing.T, name string) *Type {
	r, ok := Lookup(name)
	if !ok {
		t.Fatalf("%s: no row", name)
	}
	return r
}

// TestExtensionRow: an extension's type (ltree, appendix F.23) is one row,
// found by name in any schema but never as a built-in name.
func TestExtensionRow(t *testing.T) {
	row, ok := LookupExtension("ltree")
	if !ok {
		t.Fatal("ltree: no row")
	}
	d, err := row.Rule(nil, false)
	if err != nil || schema.FormatType(d.Type) != "longtext" || !d.Text || row.View != ViewText || row.Verify != VerifyText {
		t.Errorf("ltree: %+v %v, row %+v", d, err, row)
	}
	if _, ok := Lookup("ltree"); ok {
		t.Errorf("ltree found as a built-in type")
	}
	if r, ok := ByTypname("ltree"); !ok || r != row {
		t.Errorf("ByTypname(ltree) = %v, %v", r, ok)
	}
	if r, _ := LookupExtension("citext"); r == nil {
		t.Errorf("citext: no row")
	} else if d, _ := r.Rule(nil, false); d.Collation != "utf8mb4_0900_as_ci" {
		t.Errorf("citext: %+v", d)
	}
}

// TestCanonical: aliases and serial types name their pg_type.typname.
func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{"integer": "int4", "int": "int4", "serial": "int4", "serial8": "int8", "smallserial": "int2",
		"double precision": "float8", "boolean": "bool", "decimal": "numeric", "varchar": "varchar", "citext": "citext", "mytype": "mytype"} {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}
