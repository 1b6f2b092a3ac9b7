package translate

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// valKind says how a column's PostgreSQL text value becomes a Dolt value
// (schema.ValueKind; package rowcodec implements each).
type valKind = schema.ValueKind

const (
	vString      = schema.KindString
	vInt         = schema.KindInt
	vNumeric     = schema.KindNumeric
	vFloat       = schema.KindFloat
	vBool        = schema.KindBool
	vBytea       = schema.KindBytea
	vDate        = schema.KindDate
	vTimestamp   = schema.KindTimestamp
	vTimestampTZ = schema.KindTimestampTZ
	vTime        = schema.KindTime
	vTimeTZ      = schema.KindTimeTZ
	vArray       = schema.KindArray
	vBit         = schema.KindBit
	vMoney       = schema.KindMoney
	vHstore      = schema.KindHstore
	vJSON        = schema.KindJSON
)

// colType is the Dolt side of one PostgreSQL column type.
type colType struct {
	dolt      string          // Dolt column type
	kind      valKind         // value conversion
	elem      pgtext.ElemKind // array element kind, for vArray
	change    string          // non-empty when the mapping loses or alters something: how
	group     string          // the summary's group of change (report.Object.Group); "" groups by change
	blob      bool            // TEXT/BLOB/JSON family: no key without a prefix, no FK
	intType   bool            // an integer type (can be AUTO_INCREMENT)
	collation string          // non-default collation
	enumOf    string          // the enum type's qualified name, for enum columns
}

// codec is the row codec of a column of type ct.
func (ct colType) codec() schema.Codec {
	return schema.Codec{Kind: ct.kind, Elem: ct.elem, Float32: ct.dolt == "float"}
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
			mods = append(mods, strings.Join(strList(m.GetColumnRef().Fields), "."))
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

// mapType maps a PostgreSQL type to a Dolt type (PostgreSQL manual,
// chapter 8 "Data Types"; the table in translate's package doc). Domains
// are resolved to their base type by the caller before this is called.
// Every type gets a Dolt type: a type pgcopy does not know (an extension's
// type such as PostGIS geometry or pgvector vector, or a base type made
// with CREATE TYPE) is stored as its text form in longtext and reported.
// The error is for a built-in type whose modifiers Dolt cannot hold
// (numeric(p,s) beyond decimal(65,30)).
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
		if elem.kind == vJSON {
			ek = pgtext.ElemJSON
		}
		how := "elements as JSON strings holding their PostgreSQL text form"
		switch ek {
		case pgtext.ElemNumber:
			how = "elements as JSON numbers"
		case pgtext.ElemBool:
			how = "elements as true/false"
		case pgtext.ElemJSON:
			how = "elements as JSON values"
		}
		return colType{dolt: "json", kind: vArray, elem: ek, blob: true,
			change: pgTypeString(tn) + " stored as a JSON array (" + how + "); array lower bounds other than 1 are lost"}, nil
	}
	schemaName, name := typeNameParts(tn)
	if schemaName == "" || schemaName == "pg_catalog" {
		mods, err := typmods(tn)
		if ct, ok, err2 := builtinType(name, mods, schemaName == "pg_catalog"); ok || err2 != nil {
			if err2 == nil && err != nil {
				return colType{}, err
			}
			return ct, err2
		}
	}
	if labels, ok := t.lookupEnum(schemaName, name); ok {
		q := make([]string, len(labels))
		for i, l := range labels {
			q[i] = quoteEnumLabel(l)
		}
		return colType{dolt: "enum(" + strings.Join(q, ",") + ")", kind: vString, enumOf: qualify(schemaName, name)}, nil
	}
	if t.isComposite(schemaName, name) {
		return colType{dolt: "longtext", kind: vString, blob: true,
			change: "composite type " + pgTypeString(tn) + " stored as its PostgreSQL text form, e.g. (1,\"a b\"), in longtext; use an override to choose a type"}, nil
	}
	switch name {
	case "citext":
		return colType{dolt: "longtext", kind: vString, blob: true, collation: "utf8mb4_0900_as_ci",
			change: "citext stored as longtext with the case-insensitive collation utf8mb4_0900_as_ci"}, nil
	case "hstore":
		return colType{dolt: "json", kind: vHstore, blob: true,
			change: "hstore stored as a JSON object of strings (NULL values become null)"}, nil
	}
	return colType{dolt: "longtext", kind: vString, blob: true,
		change: "extension type " + pgTypeString(tn) + " stored as text; use an override to choose a type"}, nil
}

func quoteEnumLabel(l string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(l, `\`, `\\`), "'", "''") + "'"
}

// builtinType is the rule table for PostgreSQL's built-in types
// (PostgreSQL manual, chapter 8). ok is false for a name that is not built
// in. qualified says the dump wrote pg_catalog.name, which tells
// pg_catalog."char" apart from the SQL char(n) (parsed as bpchar).
func builtinType(name string, mods []int, qualified bool) (ct colType, ok bool, err error) {
	mod := func(i, def int) int {
		if i < len(mods) {
			return mods[i]
		}
		return def
	}
	text := func(dolt, change string) (colType, bool, error) {
		return colType{dolt: dolt, kind: vString, blob: dolt == "longtext", change: change}, true, nil
	}
	switch name {
	// §8.1 numeric types
	case "int2", "smallint":
		return colType{dolt: "smallint", kind: vInt, intType: true}, true, nil
	case "int4", "integer", "int":
		return colType{dolt: "int", kind: vInt, intType: true}, true, nil
	case "int8", "bigint":
		return colType{dolt: "bigint", kind: vInt, intType: true}, true, nil
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
	case "serial", "serial4":
		return colType{dolt: "int", kind: vInt, intType: true, change: "serial without its sequence stored as int"}, true, nil
	case "bigserial", "serial8":
		return colType{dolt: "bigint", kind: vInt, intType: true, change: "bigserial without its sequence stored as bigint"}, true, nil
	case "smallserial", "serial2":
		return colType{dolt: "smallint", kind: vInt, intType: true, change: "smallserial without its sequence stored as smallint"}, true, nil
	// §8.2 monetary
	case "money":
		return colType{dolt: "decimal(19,2)", kind: vMoney,
			change: "money stored as decimal(19,2); values are read from their locale-formatted text such as $1,234.56, -$1.00 or ($1.00)"}, true, nil
	// §8.3 character types
	case "text":
		return colType{dolt: "longtext", kind: vString, blob: true}, true, nil
	case "name":
		return colType{dolt: "varchar(63)", kind: vString}, true, nil
	case "varchar":
		if len(mods) == 0 {
			return colType{dolt: "longtext", kind: vString, blob: true}, true, nil
		}
		if mods[0] > 16383 {
			return colType{dolt: "longtext", kind: vString, blob: true,
				change: fmt.Sprintf("varchar(%d) is longer than Dolt's varchar limit (16383 characters); stored as longtext without the length check", mods[0])}, true, nil
		}
		return colType{dolt: fmt.Sprintf("varchar(%d)", mods[0]), kind: vString}, true, nil
	case "bpchar":
		if len(mods) == 0 {
			// bpchar without a length is unbounded ("character" alone parses as bpchar(1))
			return text("longtext", "bpchar without a length stored as longtext; trailing blanks are compared as written, not ignored")
		}
		n := mod(0, 1)
		if n <= 255 {
			return colType{dolt: fmt.Sprintf("char(%d)", n), kind: vString}, true, nil
		}
		return colType{dolt: fmt.Sprintf("varchar(%d)", n), kind: vString,
			change: fmt.Sprintf("character(%d) is longer than Dolt's char limit (255); stored as varchar(%d), values keep their padding", n, n)}, true, nil
	case "char":
		if qualified || len(mods) == 0 {
			// the one-byte internal type "char"
			return colType{dolt: "char(1)", kind: vString}, true, nil
		}
		return builtinType("bpchar", mods, false)
	// §8.4 binary
	case "bytea":
		return colType{dolt: "longblob", kind: vBytea, blob: true}, true, nil
	// §8.5 date/time
	case "date":
		return colType{dolt: "date", kind: vDate}, true, nil
	case "timestamp":
		return colType{dolt: fmt.Sprintf("datetime(%d)", min(mod(0, 6), 6)), kind: vTimestamp}, true, nil
	case "timestamptz":
		return colType{dolt: fmt.Sprintf("datetime(%d)", min(mod(0, 6), 6)), kind: vTimestampTZ,
			change: "timestamp with time zone stored as datetime in UTC"}, true, nil
	case "time":
		return colType{dolt: fmt.Sprintf("time(%d)", min(mod(0, 6), 6)), kind: vTime}, true, nil
	case "timetz":
		return colType{dolt: fmt.Sprintf("time(%d)", min(mod(0, 6), 6)), kind: vTimeTZ,
			change: "time with time zone stored as time in UTC; the offset is dropped"}, true, nil
	case "interval":
		return text("varchar(64)", "interval stored as its PostgreSQL text form in varchar(64)")
	// §8.6 boolean
	case "bool", "boolean":
		return colType{dolt: "tinyint(1)", kind: vBool}, true, nil
	// §8.8 geometric
	case "point", "line", "lseg", "box", "path", "polygon", "circle":
		return text("longtext", name+" stored as its PostgreSQL text form in longtext; Dolt's spatial types differ (SRID, axis order), so use an override to choose one")
	// §8.9 network addresses
	case "inet", "cidr":
		return text("varchar(43)", name+" stored as text in varchar(43)")
	case "macaddr":
		return text("varchar(17)", "macaddr stored as text in varchar(17)")
	case "macaddr8":
		return text("varchar(23)", "macaddr8 stored as text in varchar(23)")
	// §8.10 bit strings
	case "bit":
		n := mod(0, 1)
		if n <= 64 {
			return colType{dolt: fmt.Sprintf("bit(%d)", n), kind: vBit}, true, nil
		}
		return text(fmt.Sprintf("varchar(%d)", n), fmt.Sprintf("bit(%d) is wider than Dolt's bit limit (64); stored as a string of 0 and 1", n))
	case "varbit":
		if len(mods) > 0 && mods[0] <= 16383 {
			return text(fmt.Sprintf("varchar(%d)", mods[0]), "bit varying stored as a string of 0 and 1")
		}
		return text("longtext", "bit varying stored as a string of 0 and 1")
	// §8.11 text search
	case "tsvector", "tsquery":
		return text("longtext", name+" stored as its text form in longtext; full-text search over it is not available")
	// §8.12 uuid
	case "uuid":
		return colType{dolt: "char(36)", kind: vString}, true, nil
	// §8.13 xml
	case "xml":
		return text("longtext", "xml stored as longtext")
	// §8.14 json
	case "json":
		return colType{dolt: "json", kind: vJSON, blob: true,
			change: "json stored as Dolt JSON: key order, duplicate keys and whitespace are normalised; numbers that float64 would change are unrepresentable (--on-unrepresentable)"}, true, nil
	case "jsonb":
		return colType{dolt: "json", kind: vJSON, blob: true}, true, nil
	// §8.17 range types
	case "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange":
		return text("varchar(255)", name+" stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)")
	case "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange":
		return text("longtext", name+" stored as its PostgreSQL text form, e.g. {[1,3),[5,7)}, in longtext")
	// §8.19 object identifiers
	case "oid", "xid", "cid", "xid8", "regclass", "regproc", "regprocedure", "regoper", "regoperator", "regtype",
		"regrole", "regnamespace", "regconfig", "regdictionary", "regcollation":
		if strings.HasPrefix(name, "reg") {
			return text("longtext", name+" stored as its text form (an object name); Dolt has no PostgreSQL catalog")
		}
		return colType{dolt: "bigint unsigned", kind: vInt, intType: true}, true, nil
	// §8.20 pg_lsn
	case "pg_lsn":
		return text("varchar(17)", "pg_lsn stored as text in varchar(17)")
	case "tid":
		return text("varchar(32)", "tid stored as text in varchar(32)")
	case "txid_snapshot", "pg_snapshot", "aclitem", "int2vector", "oidvector", "pg_node_tree", "jsonpath", "refcursor":
		return text("longtext", name+" stored as its text form in longtext")
	}
	return colType{}, false, nil
}

func qualify(schemaName, name string) string {
	if schemaName == "" {
		return name
	}
	return schemaName + "." + name
}
