package translate

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
)

// valKind says how a column's PostgreSQL text value becomes a Dolt literal.
type valKind int

const (
	vString      valKind = iota // text as-is, quoted
	vInt                        // integer digits, unquoted
	vNumeric                    // numeric; NaN/Infinity unrepresentable
	vFloat                      // real/double; NaN/Infinity unrepresentable
	vBool                       // t/f -> 1/0
	vBytea                      // hex or escape format -> X'..'
	vDate                       // date; BC/infinity unrepresentable
	vTimestamp                  // timestamp without time zone
	vTimestampTZ                // timestamptz -> UTC
	vTime                       // time
	vTimeTZ                     // timetz -> UTC time of day
	vArray                      // array literal -> JSON array
	vBit                        // bit string -> b'..'
)

// colType is the Dolt side of one PostgreSQL column type.
type colType struct {
	dolt      string          // Dolt column type
	kind      valKind         // value conversion
	elem      pgtext.ElemKind // array element kind, for vArray
	change    string          // non-empty when the mapping loses or alters something: how
	blob      bool            // TEXT/BLOB/JSON family: no key without a prefix, no FK
	intType   bool            // an integer type (can be AUTO_INCREMENT)
	collation string          // non-default collation
	enumOf    string          // the enum type's qualified name, for enum columns
}

// typeName returns the last element of a TypeName's name and its schema
// ("" for unqualified names); "pg_catalog" names are returned with schema
// "pg_catalog".
func typeNameParts(tn *pg.TypeName) (schemaName, name string) {
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

func typmods(tn *pg.TypeName) ([]int, error) {
	var out []int
	for _, m := range tn.Typmods {
		c := m.GetAConst()
		if c == nil || c.GetIval() == nil {
			return nil, fmt.Errorf("unsupported type modifier in %s", pgTypeString(tn))
		}
		out = append(out, int(c.GetIval().Ival))
	}
	return out, nil
}

// pgTypeString renders a TypeName roughly as pg_dump wrote it, for messages
// and the report.
func pgTypeString(tn *pg.TypeName) string {
	s, n := typeNameParts(tn)
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
		name = "character"
	case "timestamptz":
		name = "timestamp with time zone"
	case "timetz":
		name = "time with time zone"
	case "varbit":
		name = "bit varying"
	}
	var mods []string
	for _, m := range tn.Typmods {
		if c := m.GetAConst(); c != nil && c.GetIval() != nil {
			mods = append(mods, strconv.Itoa(int(c.GetIval().Ival)))
		}
	}
	if len(mods) > 0 {
		name += "(" + strings.Join(mods, ",") + ")"
	}
	for range tn.ArrayBounds {
		name += "[]"
	}
	return name
}

// unsupportedTypeError is returned for a PostgreSQL type with no Dolt
// mapping; the caller names the column and suggests an override.
type unsupportedTypeError struct{ pgType string }

func (e *unsupportedTypeError) Error() string {
	return fmt.Sprintf("type %s has no Dolt equivalent", e.pgType)
}

// mapType maps a PostgreSQL type to a Dolt type. Domains are resolved to
// their base type by the caller before this is called.
func (t *Translator) mapType(tn *pg.TypeName) (colType, error) {
	if len(tn.ArrayBounds) > 0 {
		elemTN := &pg.TypeName{Names: tn.Names, Typmods: tn.Typmods}
		elem, err := t.mapType(t.resolveDomain(elemTN))
		if err != nil {
			return colType{}, err
		}
		ek := pgtext.ElemString
		switch elem.kind {
		case vInt, vNumeric, vFloat:
			ek = pgtext.ElemNumber
		case vBool:
			ek = pgtext.ElemBool
		}
		if elem.dolt == "json" {
			ek = pgtext.ElemJSON
		}
		return colType{dolt: "json", kind: vArray, elem: ek, blob: true,
			change: pgTypeString(tn) + " stored as a JSON array"}, nil
	}
	schemaName, name := typeNameParts(tn)
	mods, err := typmods(tn)
	if err != nil {
		return colType{}, err
	}
	if schemaName == "" || schemaName == "pg_catalog" {
		if ct, ok, err := builtinType(name, mods); ok || err != nil {
			return ct, err
		}
	}
	if labels, ok := t.lookupEnum(schemaName, name); ok {
		q := make([]string, len(labels))
		for i, l := range labels {
			q[i] = quoteEnumLabel(l)
		}
		return colType{dolt: "enum(" + strings.Join(q, ",") + ")", kind: vString, enumOf: qualify(schemaName, name)}, nil
	}
	if name == "citext" {
		return colType{dolt: "longtext", kind: vString, blob: true, collation: "utf8mb4_0900_as_ci",
			change: "citext stored as longtext with the case-insensitive collation utf8mb4_0900_as_ci"}, nil
	}
	return colType{}, &unsupportedTypeError{pgType: pgTypeString(tn)}
}

func quoteEnumLabel(l string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(l, `\`, `\\`), "'", "''") + "'"
}

// builtinType is the rule table for PostgreSQL's built-in types
// (PostgreSQL manual, chapter 8). ok is false for a name that is not built in.
func builtinType(name string, mods []int) (ct colType, ok bool, err error) {
	mod := func(i, def int) int {
		if i < len(mods) {
			return mods[i]
		}
		return def
	}
	switch name {
	case "int2", "smallint":
		return colType{dolt: "smallint", kind: vInt, intType: true}, true, nil
	case "int4", "integer", "int":
		return colType{dolt: "int", kind: vInt, intType: true}, true, nil
	case "int8", "bigint":
		return colType{dolt: "bigint", kind: vInt, intType: true}, true, nil
	case "oid", "xid", "cid":
		return colType{dolt: "bigint unsigned", kind: vInt, intType: true}, true, nil
	case "numeric", "decimal":
		// §8.1.2: numeric(p,s); with no typmod any precision is allowed.
		if len(mods) == 0 {
			return colType{dolt: "decimal(65,30)", kind: vNumeric,
				change: "numeric without precision stored as decimal(65,30): at most 35 integer digits and 30 decimals"}, true, nil
		}
		p, s := mod(0, 0), mod(1, 0)
		if p > 65 || s > 30 || s < 0 || s > p {
			return colType{}, true, fmt.Errorf("numeric(%d,%d) exceeds Dolt's decimal limits (precision 65, scale 30)", p, s)
		}
		return colType{dolt: fmt.Sprintf("decimal(%d,%d)", p, s), kind: vNumeric}, true, nil
	case "float4", "real":
		return colType{dolt: "float", kind: vFloat}, true, nil
	case "float8", "double precision":
		return colType{dolt: "double", kind: vFloat}, true, nil
	case "float":
		if mod(0, 53) <= 24 {
			return colType{dolt: "float", kind: vFloat}, true, nil
		}
		return colType{dolt: "double", kind: vFloat}, true, nil
	case "money":
		return colType{}, true, &unsupportedTypeError{pgType: "money"}
	case "bool", "boolean":
		return colType{dolt: "tinyint(1)", kind: vBool}, true, nil
	case "text", "name":
		return colType{dolt: "longtext", kind: vString, blob: true}, true, nil
	case "varchar":
		if len(mods) == 0 {
			return colType{dolt: "longtext", kind: vString, blob: true}, true, nil
		}
		if mods[0] > 16383 {
			return colType{dolt: "longtext", kind: vString, blob: true,
				change: fmt.Sprintf("varchar(%d) is longer than Dolt's varchar limit (16383 characters); stored as longtext without the length check", mods[0])}, true, nil
		}
		return colType{dolt: fmt.Sprintf("varchar(%d)", mods[0]), kind: vString}, true, nil
	case "bpchar", "char":
		n := mod(0, 1)
		if n <= 255 {
			return colType{dolt: fmt.Sprintf("char(%d)", n), kind: vString}, true, nil
		}
		return colType{dolt: fmt.Sprintf("varchar(%d)", n), kind: vString,
			change: fmt.Sprintf("character(%d) is longer than Dolt's char limit (255); stored as varchar(%d), values keep their padding", n, n)}, true, nil
	case "bytea":
		return colType{dolt: "longblob", kind: vBytea, blob: true}, true, nil
	case "uuid":
		return colType{dolt: "char(36)", kind: vString}, true, nil
	case "json", "jsonb":
		ct := colType{dolt: "json", kind: vString, blob: true}
		if name == "json" {
			ct.change = "json stored as Dolt JSON: key order, duplicate keys and whitespace are normalised"
		}
		return ct, true, nil
	case "date":
		return colType{dolt: "date", kind: vDate}, true, nil
	case "timestamp":
		return colType{dolt: fmt.Sprintf("datetime(%d)", mod(0, 6)), kind: vTimestamp}, true, nil
	case "timestamptz":
		return colType{dolt: fmt.Sprintf("datetime(%d)", mod(0, 6)), kind: vTimestampTZ,
			change: "timestamp with time zone stored as datetime in UTC"}, true, nil
	case "time":
		return colType{dolt: fmt.Sprintf("time(%d)", mod(0, 6)), kind: vTime}, true, nil
	case "timetz":
		return colType{dolt: fmt.Sprintf("time(%d)", mod(0, 6)), kind: vTimeTZ,
			change: "time with time zone stored as time in UTC; the offset is dropped"}, true, nil
	case "interval":
		return colType{dolt: "varchar(64)", kind: vString,
			change: "interval stored as its PostgreSQL text form in varchar(64)"}, true, nil
	case "inet", "cidr":
		return colType{dolt: "varchar(43)", kind: vString, change: name + " stored as text in varchar(43)"}, true, nil
	case "macaddr":
		return colType{dolt: "varchar(17)", kind: vString, change: "macaddr stored as text in varchar(17)"}, true, nil
	case "macaddr8":
		return colType{dolt: "varchar(23)", kind: vString, change: "macaddr8 stored as text in varchar(23)"}, true, nil
	case "bit":
		n := mod(0, 1)
		if n <= 64 {
			return colType{dolt: fmt.Sprintf("bit(%d)", n), kind: vBit}, true, nil
		}
		return colType{dolt: fmt.Sprintf("varchar(%d)", n), kind: vString,
			change: fmt.Sprintf("bit(%d) is wider than Dolt's bit limit (64); stored as a string of 0 and 1", n)}, true, nil
	case "varbit":
		if len(mods) > 0 && mods[0] <= 16383 {
			return colType{dolt: fmt.Sprintf("varchar(%d)", mods[0]), kind: vString, change: "bit varying stored as a string of 0 and 1"}, true, nil
		}
		return colType{dolt: "longtext", kind: vString, blob: true, change: "bit varying stored as a string of 0 and 1"}, true, nil
	case "xml":
		return colType{dolt: "longtext", kind: vString, blob: true, change: "xml stored as longtext"}, true, nil
	case "tsvector", "tsquery":
		return colType{dolt: "longtext", kind: vString, blob: true,
			change: name + " stored as its text form in longtext; full-text search over it is not available"}, true, nil
	}
	return colType{}, false, nil
}

func qualify(schemaName, name string) string {
	if schemaName == "" {
		return name
	}
	return schemaName + "." + name
}
