package overrides_test

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/overrides"
	"github.com/pgcopy/pgcopy/translate/schema"
)

const precedence = `tables:
  public.a:
    collation: utf8mb4_0900_ai_ci
    types:
      text: {type: varchar(20), nullable: true}
    columns:
      x: {type: varchar(10)}
      n: {length: 12}
  public.b:
    columns:
      z: {collation: utf8mb4_0900_bin}
types:
  text: {collation: utf8mb4_0900_as_ci, default: "'t'"}
  numeric: {type: "decimal(12,2)"}
  int4: {length: 8}
`

// resolve parses text and resolves one column whose PostgreSQL type is pgType
// (a type rule matches when its key is pgType).
func resolve(t *testing.T, text, table, col, pgType string, whole bool) (*overrides.Resolved, error) {
	t.Helper()
	s, err := overrides.ParseYAML("ov.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*overrides.Table
	for _, ot := range s.Tables {
		if ot.Name == table {
			entries = append(entries, ot)
		}
	}
	return s.Resolve(overrides.TableRules{Name: table, Entries: entries, Whole: whole},
		overrides.ColumnRef{Name: col, HasType: func(r *overrides.TypeRule) bool { return r.PGType == pgType }})
}

// TestResolvePrecedence: column rule > table rule > type rule, property by
// property, each with its line and level.
func TestResolvePrecedence(t *testing.T) {
	for _, c := range []struct {
		table, col, pgType           string
		typ, length, coll, def, null string // "" = not set; else "value @ source"
	}{
		// column type, table rule's nullable, table collation (soft), type rule's default
		{"public.a", "x", "text", "varchar(10) @ ov.yaml:7 (column rule)", "", "utf8mb4_0900_ai_ci @ ov.yaml:3 (table rule)", "'t' @ ov.yaml:13 (type rule)", "true @ ov.yaml:5 (table rule)"},
		// the table's type rule decides the type
		{"public.a", "y", "text", "varchar(20) @ ov.yaml:5 (table rule)", "", "utf8mb4_0900_ai_ci @ ov.yaml:3 (table rule)", "'t' @ ov.yaml:13 (type rule)", "true @ ov.yaml:5 (table rule)"},
		// a column's length beats a type rule's whole type
		{"public.a", "n", "numeric", "", "12 @ ov.yaml:8 (column rule)", "utf8mb4_0900_ai_ci @ ov.yaml:3 (table rule)", "", ""},
		// only type rules: the type rule's length
		{"public.b", "k", "int4", "", "8 @ ov.yaml:15 (type rule)", "", "", ""},
		// a column collation beats the type rule's
		{"public.b", "z", "text", "", "", "utf8mb4_0900_bin @ ov.yaml:11 (column rule)", "'t' @ ov.yaml:13 (type rule)", ""},
		// no rule
		{"public.c", "q", "bytea", "", "", "", "", ""},
	} {
		r, err := resolve(t, precedence, c.table, c.col, c.pgType, false)
		if err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.col, err)
		}
		typ := overrides.Rule[string]{Set: r.Type.Set, Value: schema.FormatType(r.Type.Value), Pos: r.Type.Pos, Level: r.Type.Level}
		def := overrides.Rule[string]{Set: r.Default.Set, Pos: r.Default.Pos, Level: r.Default.Level}
		if r.Default.Value != nil {
			def.Value = *r.Default.Value
		}
		null := overrides.Rule[string]{Set: r.Nullable.Set, Pos: r.Nullable.Pos, Level: r.Nullable.Level}
		if r.Nullable.Set {
			null.Value = map[bool]string{true: "true", false: "false"}[r.Nullable.Value]
		}
		for _, p := range []struct {
			what string
			got  overrides.Rule[string]
			want string
		}{{"type", typ, c.typ}, {"length", r.Length, c.length}, {"collation", r.Collation, c.coll}, {"default", def, c.def}, {"nullable", null, c.null}} {
			got := ""
			if p.got.Set {
				got = p.got.Value + " @ " + p.got.Source()
			}
			if got != p.want {
				t.Errorf("%s.%s %s: got %q, want %q", c.table, c.col, p.what, got, p.want)
			}
		}
		if any := c.typ != "" || c.length != "" || c.coll != "" || c.def != "" || c.null != ""; r.Any() != any {
			t.Errorf("%s.%s: Any() = %v", c.table, c.col, r.Any())
		}
	}
}

// TestResolveSoftCollation: only a table-wide collation is soft (ignored
// on columns that are not strings).
func TestResolveSoftCollation(t *testing.T) {
	r, _ := resolve(t, precedence, "public.a", "n", "numeric", false)
	if !r.Collation.Soft {
		t.Errorf("table collation not soft: %+v", r.Collation)
	}
	r, _ = resolve(t, precedence, "public.b", "z", "text", false)
	if r.Collation.Soft {
		t.Errorf("column collation soft: %+v", r.Collation)
	}
}

// TestResolveWhole: with a whole-table CREATE TABLE only column rules
// apply, and only the column rules are used.
func TestResolveWhole(t *testing.T) {
	r, err := resolve(t, precedence, "public.a", "x", "text", true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Collation.Set || r.Default.Set || r.Nullable.Set || schema.FormatType(r.Type.Value) != "varchar(10)" {
		t.Errorf("whole table: %+v", r)
	}
	if len(r.Used) != 1 {
		t.Errorf("used %d entries, want the column rule alone", len(r.Used))
	}
}

// TestResolveUsed: every entry that matched is returned, even one that
// sets nothing the column keeps.
func TestResolveUsed(t *testing.T) {
	r, _ := resolve(t, precedence, "public.a", "x", "text", false)
	var kinds []string
	for _, u := range r.Used {
		switch u := u.(type) {
		case *overrides.Column:
			kinds = append(kinds, "column "+u.Name)
		case *overrides.TypeRule:
			kinds = append(kinds, "type "+u.PGType)
		}
	}
	if got := strings.Join(kinds, ", "); got != "column x, type text, type text" {
		t.Errorf("used: %s", got)
	}
}

// TestResolveConflict: two rules of one level setting one property are an
// error at the second rule's line; the first is kept.
func TestResolveConflict(t *testing.T) {
	text := `tables:
  a:
    columns:
      x: {type: varchar(10)}
  public.a:
    columns:
      x: {type: varchar(20), nullable: false}
`
	s, err := overrides.ParseYAML("ov.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Resolve(overrides.TableRules{Name: "public.a", Entries: s.Tables}, overrides.ColumnRef{Name: "x", HasType: func(*overrides.TypeRule) bool { return false }})
	want := "ov.yaml:7: overrides: column public.a.x: type is set by ov.yaml:4 and by ov.yaml:7, rules of the same precedence"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if schema.FormatType(r.Type.Value) != "varchar(10)" || !r.Nullable.Set {
		t.Errorf("kept %+v", r)
	}
}
