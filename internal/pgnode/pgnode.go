package pgnode

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// StrList returns the string values of a list of String nodes (a
// qualified name such as schema.table, a column list).
func StrList(nodes []*pg.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.GetString_().GetSval())
	}
	return out
}

// TypeNameParts returns the last element of a TypeName's name and its
// schema ("" for unqualified names); "pg_catalog" names are returned with
// schema "pg_catalog".
func TypeNameParts(tn *pg.TypeName) (schemaName, name string) {
	var parts []string
	for _, n := range tn.Names {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch len(parts) {
	case 0:
		return "", ""
	case 1:
		return "", parts[0]
	default:
		return parts[len(parts)-2], parts[len(parts)-1]
	}
}

// Typmods returns a type name's integer modifiers: varchar(20) gives [20],
// numeric(10,2) gives [10 2]. A modifier that is not an integer is an
// error naming the type.
func Typmods(tn *pg.TypeName) ([]int, error) {
	var out []int
	for _, m := range tn.Typmods {
		c := m.GetAConst()
		if c == nil || c.GetIval() == nil {
			return nil, fmt.Errorf("unsupported type modifier in %s", TypeString(tn))
		}
		out = append(out, int(c.GetIval().Ival))
	}
	return out, nil
}

// TypeString renders a TypeName roughly as pg_dump wrote it, for messages
// and the report: "character varying(20)", "timestamp with time zone",
// "public.mood[]".
func TypeString(tn *pg.TypeName) string {
	s, n := TypeNameParts(tn)
	name := n
	if s != "" && s != "pg_catalog" {
		name = s + "." + n
	}
	switch n {
	case "int2":
		name = "smallint"
	case "int4":
		name = "integer"
	case "int8":
		name = "bigint"
	case "float4":
		name = "real"
	case "float8":
		name = "double precision"
	case "bool":
		name = "boolean"
	case "varchar":
		name = "character varying"
	case "bpchar":
		if len(tn.Typmods) > 0 {
			name = "character"
		}
	case "timestamptz":
		name = "timestamp with time zone"
	case "timetz":
		name = "time with time zone"
	case "varbit":
		name = "bit varying"
	}
	if s == "" && n == "char" {
		name = `"char"`
	}
	var mods []string
	for _, m := range tn.Typmods {
		switch {
		case m.GetAConst() != nil && m.GetAConst().GetIval() != nil:
			mods = append(mods, strconv.Itoa(int(m.GetAConst().GetIval().Ival)))
		case m.GetAConst() != nil && m.GetAConst().GetSval() != nil:
			mods = append(mods, m.GetAConst().GetSval().Sval)
		case m.GetColumnRef() != nil:
			mods = append(mods, strings.Join(StrList(m.GetColumnRef().Fields), "."))
		}
	}
	if len(mods) > 0 && n != "interval" {
		name += "(" + strings.Join(mods, ",") + ")"
	}
	for range tn.ArrayBounds {
		name += "[]"
	}
	return name
}

// ConstInt is the value of an integer (or numeric) constant node, 0 for
// any other node.
func ConstInt(n *pg.Node) int64 {
	if c := n.GetAConst(); c != nil {
		if i := c.GetIval(); i != nil {
			return int64(i.Ival)
		}
		if f := c.GetFval(); f != nil {
			var v int64
			fmt.Sscan(f.Fval, &v)
			return v
		}
	}
	return 0
}
