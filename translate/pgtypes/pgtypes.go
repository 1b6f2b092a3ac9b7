package pgtypes

import (
	"fmt"

	"github.com/pgcopy/pgcopy/translate/schema"
)

// Dolt is the Dolt side of a column of a built-in PostgreSQL type, as a
// type's Rule decides it from the type modifiers.
type Dolt struct {
	Type   schema.Type // the Dolt column type, e.g. varchar(160) (schema.FormatType prints it)
	Change string      // non-empty when the mapping loses or alters something: how (reported on the column)
	// Collation is the column's Dolt collation; "" for the table's.
	Collation string
	// Text says the values are stored as their PostgreSQL text form
	// (codec schema.KindString) whatever the type's Codec, e.g. bit(n)
	// wider than 64.
	Text bool
}

// ViewKind is the kind a view expression of the type has when pgcopy
// rewrites a view's SELECT (which casts, operators and functions apply).
type ViewKind int

// The view kinds.
const (
	ViewOther ViewKind = iota
	ViewText
	ViewInt
	ViewNumeric // scale from the typmod: numeric(p) 0, numeric(p,s) s, numeric unknown
	ViewMoney   // numeric with scale 2
	ViewFloat
	ViewBool
	ViewDate
	ViewTimestamp
	ViewTime
	ViewInterval
	ViewJSON
	ViewBytes
)

// Verify says how pgcopy verify reads a column of the type on both sides
// so that equal values compare equal (package verify).
type Verify int

// The verify readings.
const (
	VerifyText        Verify = iota // the type's output text on PostgreSQL, CAST(AS CHAR) on Dolt
	VerifyTimestampTZ               // UTC to_char / DATE_FORMAT, ±infinity clamped
	VerifyTimestamp                 // to_char / DATE_FORMAT, ±infinity clamped
	VerifyDate                      // to_char / DATE_FORMAT, ±infinity clamped
	VerifyBool                      // '1' / '0'
	VerifyTime                      // time text, compared as times
	VerifyTimeTZ                    // the UTC time of day, compared as times
	VerifyBytea                     // lower-case hex
	VerifyNumber                    // exact decimal text
	VerifyMoney                     // money::numeric, exact decimal text
	VerifyFloat32                   // compared as float4
	VerifyFloat64                   // compared as float8
	VerifyJSON                      // compared as JSON values
	VerifyBit                       // bit string against the unsigned integer Dolt holds
)

// Type is one row of the registry: everything pgcopy knows about one
// built-in PostgreSQL type (PostgreSQL manual, chapter 8 "Data Types").
type Type struct {
	Name    string   // pg_type.typname, as verify reads it from the catalog: int4, bpchar, timestamptz
	Aliases []string // other names the parser leaves in a dump: integer, int, smallint, serial, ...
	Section string   // the manual section, e.g. "8.1", or "F.23" for an extension's appendix
	// Extension is the extension that creates the type (CREATE EXTENSION,
	// PostgreSQL manual appendix F), "" for a built-in type. An
	// extension's type is found by its name in whatever schema the
	// extension was installed in ([LookupExtension]).
	Extension string
	// Base is the type a notational type stands for: serial is int4
	// (PostgreSQL manual §8.1.4, "Serial Types"); "" for the others.
	// [Canonical] names the type by it.
	Base string
	// Rule maps the type, with its modifiers (varchar(n), numeric(p,s)),
	// to a Dolt type; qualified says the dump wrote pg_catalog.name. An
	// error is for modifiers Dolt cannot hold.
	Rule   func(mods []int, qualified bool) (Dolt, error)
	Codec  schema.ValueKind // how its text values become Dolt values (package rowcodec)
	View   ViewKind
	Verify Verify
}

var byName, byExtName = map[string]*Type{}, map[string]*Type{}

// Lookup returns the registry row of the built-in type name or alias, as
// a dump writes it (unqualified or pg_catalog.name).
func Lookup(name string) (*Type, bool) {
	t, ok := byName[name]
	return t, ok
}

// LookupExtension returns the registry row of an extension's type by its
// name, without the schema (pg_dump writes public.citext, or the schema
// the extension was installed in).
func LookupExtension(name string) (*Type, bool) {
	t, ok := byExtName[name]
	return t, ok
}

// ByTypname returns the registry row whose pg_type.typname is name: a
// built-in type's, else an extension type's.
func ByTypname(name string) (*Type, bool) {
	t, ok := byName[name]
	if !ok {
		t, ok = byExtName[name]
	}
	if !ok || t.Name != name {
		return nil, false
	}
	return t, true
}

// Canonical returns the pg_type.typname of a built-in type name or alias
// as a dump writes it (integer is int4, serial is int4), or name itself
// when it is not built in.
func Canonical(name string) string {
	t, ok := byName[name]
	switch {
	case !ok:
		return name
	case t.Base != "":
		return t.Base
	}
	return t.Name
}

// All returns every row, in the registry's order.
func All() []*Type { return registry }

func init() {
	for _, t := range registry {
		m := byName
		if t.Extension != "" {
			m = byExtName
		}
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			if m[n] != nil {
				panic("pgtypes: type " + n + " registered twice")
			}
			m[n] = t
		}
	}
}

// rule helpers

func fixed(d Dolt) func([]int, bool) (Dolt, error) {
	return func([]int, bool) (Dolt, error) { return d, nil }
}

// text is a type stored as its PostgreSQL text form in a string column.
func text(dolt schema.Type, change string) func([]int, bool) (Dolt, error) {
	return fixed(Dolt{Type: dolt, Change: change, Text: true})
}

func integer(t string) *schema.IntegerType { return &schema.IntegerType{T: t} }

var (
	longtext = schema.LongText
	varchar  = schema.Varchar
)

func mod(mods []int, i, def int) int {
	if i < len(mods) {
		return mods[i]
	}
	return def
}

// precision is the datetime/time rule: name(p) with p at most 6.
func precision(dolt, change string) func([]int, bool) (Dolt, error) {
	return func(mods []int, _ bool) (Dolt, error) {
		return Dolt{Type: &schema.TimeType{T: dolt, Precision: schema.Fsp(min(mod(mods, 0, 6), 6))}, Change: change}, nil
	}
}

func bpchar(mods []int, _ bool) (Dolt, error) {
	if len(mods) == 0 {
		// bpchar without a length is unbounded ("character" alone parses as bpchar(1))
		return Dolt{Type: longtext(), Text: true, Change: "bpchar without a length stored as longtext; trailing blanks are compared as written, not ignored"}, nil
	}
	n := mod(mods, 0, 1)
	if n <= 255 {
		return Dolt{Type: schema.Char(n)}, nil
	}
	return Dolt{Type: varchar(n),
		Change: fmt.Sprintf("character(%d) is longer than Dolt's char limit (255); stored as varchar(%d), values keep their padding", n, n)}, nil
}

// registry is the one table of built-in PostgreSQL types. Adding a type
// is adding a row here (and its tests).
var registry = []*Type{
	// §8.1 numeric types
	{Name: "int2", Aliases: []string{"smallint"}, Section: "8.1", Rule: fixed(Dolt{Type: integer("smallint")}), Codec: schema.KindInt, View: ViewInt, Verify: VerifyNumber},
	{Name: "int4", Aliases: []string{"integer", "int"}, Section: "8.1", Rule: fixed(Dolt{Type: integer("int")}), Codec: schema.KindInt, View: ViewInt, Verify: VerifyNumber},
	{Name: "int8", Aliases: []string{"bigint"}, Section: "8.1", Rule: fixed(Dolt{Type: integer("bigint")}), Codec: schema.KindInt, View: ViewInt, Verify: VerifyNumber},
	{Name: "numeric", Aliases: []string{"decimal"}, Section: "8.1.2", Codec: schema.KindNumeric, View: ViewNumeric, Verify: VerifyNumber,
		Rule: func(mods []int, _ bool) (Dolt, error) {
			// numeric(p,s); with no typmod any precision is allowed.
			if len(mods) == 0 {
				return Dolt{Type: schema.Decimal(65, 30), Change: "numeric without precision stored as decimal(65,30): at most 35 integer digits and 30 decimals"}, nil
			}
			p, s := mod(mods, 0, 0), mod(mods, 1, 0)
			if p > 65 || s > 30 || s < 0 || s > p {
				return Dolt{}, fmt.Errorf("numeric(%d,%d) exceeds Dolt's decimal limits (precision 65, scale 30)", p, s)
			}
			return Dolt{Type: schema.Decimal(p, s)}, nil
		}},
	{Name: "float4", Aliases: []string{"real"}, Section: "8.1.3", Rule: fixed(Dolt{Type: &schema.FloatType{T: "float"}}), Codec: schema.KindFloat, View: ViewFloat, Verify: VerifyFloat32},
	{Name: "float8", Aliases: []string{"double precision"}, Section: "8.1.3", Rule: fixed(Dolt{Type: &schema.FloatType{T: "double"}}), Codec: schema.KindFloat, View: ViewFloat, Verify: VerifyFloat64},
	{Name: "float", Section: "8.1.3", Codec: schema.KindFloat, View: ViewFloat,
		Rule: func(mods []int, _ bool) (Dolt, error) {
			if mod(mods, 0, 53) <= 24 {
				return Dolt{Type: &schema.FloatType{T: "float"}}, nil
			}
			return Dolt{Type: &schema.FloatType{T: "double"}}, nil
		}},
	{Name: "serial", Aliases: []string{"serial4"}, Base: "int4", Section: "8.1.4", Rule: fixed(Dolt{Type: integer("int"), Change: "serial without its sequence stored as int"}), Codec: schema.KindInt, View: ViewInt},
	{Name: "bigserial", Aliases: []string{"serial8"}, Base: "int8", Section: "8.1.4", Rule: fixed(Dolt{Type: integer("bigint"), Change: "bigserial without its sequence stored as bigint"}), Codec: schema.KindInt, View: ViewInt},
	{Name: "smallserial", Aliases: []string{"serial2"}, Base: "int2", Section: "8.1.4", Rule: fixed(Dolt{Type: integer("smallint"), Change: "smallserial without its sequence stored as smallint"}), Codec: schema.KindInt, View: ViewInt},
	// §8.2 monetary
	{Name: "money", Section: "8.2", Codec: schema.KindMoney, View: ViewMoney, Verify: VerifyMoney,
		Rule: fixed(Dolt{Type: schema.Decimal(19, 2), Change: "money stored as decimal(19,2); values are read from their locale-formatted text such as $1,234.56, -$1.00 or ($1.00)"})},
	// §8.3 character types
	{Name: "text", Section: "8.3", Rule: fixed(Dolt{Type: longtext()}), View: ViewText},
	{Name: "name", Section: "8.3", Rule: fixed(Dolt{Type: varchar(63)}), View: ViewText},
	{Name: "varchar", Section: "8.3", View: ViewText,
		Rule: func(mods []int, _ bool) (Dolt, error) {
			if len(mods) == 0 {
				return Dolt{Type: longtext()}, nil
			}
			if mods[0] > 16383 {
				return Dolt{Type: longtext(),
					Change: fmt.Sprintf("varchar(%d) is longer than Dolt's varchar limit (16383 characters); stored as longtext without the length check", mods[0])}, nil
			}
			return Dolt{Type: varchar(mods[0])}, nil
		}},
	{Name: "bpchar", Section: "8.3", View: ViewText, Rule: bpchar},
	{Name: "char", Section: "8.3", View: ViewText,
		Rule: func(mods []int, qualified bool) (Dolt, error) {
			if qualified || len(mods) == 0 {
				// the one-byte internal type "char"
				return Dolt{Type: schema.Char(1)}, nil
			}
			return bpchar(mods, false)
		}},
	// §8.4 binary
	{Name: "bytea", Section: "8.4", Rule: fixed(Dolt{Type: &schema.BinaryType{T: "longblob"}}), Codec: schema.KindBytea, View: ViewBytes, Verify: VerifyBytea},
	// §8.5 date/time
	{Name: "date", Section: "8.5", Rule: fixed(Dolt{Type: &schema.TimeType{T: "date"}}), Codec: schema.KindDate, View: ViewDate, Verify: VerifyDate},
	{Name: "timestamp", Section: "8.5", Rule: precision("datetime", ""), Codec: schema.KindTimestamp, View: ViewTimestamp, Verify: VerifyTimestamp},
	{Name: "timestamptz", Section: "8.5", Rule: precision("datetime", "timestamp with time zone stored as datetime in UTC"), Codec: schema.KindTimestampTZ, View: ViewTimestamp, Verify: VerifyTimestampTZ},
	{Name: "time", Section: "8.5", Rule: precision("time", ""), Codec: schema.KindTime, View: ViewTime, Verify: VerifyTime},
	{Name: "timetz", Section: "8.5", Rule: precision("time", "time with time zone stored as time in UTC; the offset is dropped"), Codec: schema.KindTimeTZ, View: ViewTime, Verify: VerifyTimeTZ},
	{Name: "interval", Section: "8.5", Rule: text(varchar(64), "interval stored as its PostgreSQL text form in varchar(64)"), View: ViewInterval},
	// §8.6 boolean
	{Name: "bool", Aliases: []string{"boolean"}, Section: "8.6", Rule: fixed(Dolt{Type: &schema.IntegerType{T: "tinyint", Width: 1}}), Codec: schema.KindBool, View: ViewBool, Verify: VerifyBool},
	// §8.8 geometric
	geometric("point"), geometric("line"), geometric("lseg"), geometric("box"), geometric("path"), geometric("polygon"), geometric("circle"),
	// §8.9 network addresses
	{Name: "inet", Section: "8.9", Rule: text(varchar(43), "inet stored as text in varchar(43)")},
	{Name: "cidr", Section: "8.9", Rule: text(varchar(43), "cidr stored as text in varchar(43)")},
	{Name: "macaddr", Section: "8.9", Rule: text(varchar(17), "macaddr stored as text in varchar(17)")},
	{Name: "macaddr8", Section: "8.9", Rule: text(varchar(23), "macaddr8 stored as text in varchar(23)")},
	// §8.10 bit strings
	{Name: "bit", Section: "8.10", Codec: schema.KindBit, Verify: VerifyBit,
		Rule: func(mods []int, _ bool) (Dolt, error) {
			n := mod(mods, 0, 1)
			if n <= 64 {
				return Dolt{Type: &schema.BitType{Size: n}}, nil
			}
			return Dolt{Type: varchar(n), Text: true, Change: fmt.Sprintf("bit(%d) is wider than Dolt's bit limit (64); stored as a string of 0 and 1", n)}, nil
		}},
	{Name: "varbit", Section: "8.10",
		Rule: func(mods []int, _ bool) (Dolt, error) {
			if len(mods) > 0 && mods[0] <= 16383 {
				return Dolt{Type: varchar(mods[0]), Text: true, Change: "bit varying stored as a string of 0 and 1"}, nil
			}
			return Dolt{Type: longtext(), Text: true, Change: "bit varying stored as a string of 0 and 1"}, nil
		}},
	// §8.11 text search
	{Name: "tsvector", Section: "8.11", Rule: text(longtext(), "tsvector stored as its text form in longtext; full-text search over it is not available")},
	{Name: "tsquery", Section: "8.11", Rule: text(longtext(), "tsquery stored as its text form in longtext; full-text search over it is not available")},
	// §8.12 uuid
	{Name: "uuid", Section: "8.12", Rule: fixed(Dolt{Type: schema.Char(36)}), View: ViewText},
	// §8.13 xml
	{Name: "xml", Section: "8.13", Rule: text(longtext(), "xml stored as longtext")},
	// §8.14 json
	{Name: "json", Section: "8.14", Codec: schema.KindJSON, View: ViewJSON, Verify: VerifyJSON,
		Rule: fixed(Dolt{Type: &schema.JSONType{}, Change: "json stored as Dolt JSON: key order, duplicate keys and whitespace are normalised; numbers that float64 would change are unrepresentable (--on-unrepresentable)"})},
	{Name: "jsonb", Section: "8.14", Rule: fixed(Dolt{Type: &schema.JSONType{}}), Codec: schema.KindJSON, View: ViewJSON, Verify: VerifyJSON},
	// §8.17 range types
	textForm("int4range", "8.17", varchar(255), "int4range stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	textForm("int8range", "8.17", varchar(255), "int8range stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	textForm("numrange", "8.17", varchar(255), "numrange stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	textForm("tsrange", "8.17", varchar(255), "tsrange stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	textForm("tstzrange", "8.17", varchar(255), "tstzrange stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	textForm("daterange", "8.17", varchar(255), "daterange stored as its PostgreSQL text form, e.g. [1,10), in varchar(255)"),
	multirange("int4multirange"), multirange("int8multirange"), multirange("nummultirange"),
	multirange("tsmultirange"), multirange("tstzmultirange"), multirange("datemultirange"),
	// §8.19 object identifiers
	oid("oid"), oid("xid"), oid("cid"), oid("xid8"),
	reg("regclass"), reg("regproc"), reg("regprocedure"), reg("regoper"), reg("regoperator"), reg("regtype"),
	reg("regrole"), reg("regnamespace"), reg("regconfig"), reg("regdictionary"), reg("regcollation"),
	// §8.20 pg_lsn
	textForm("pg_lsn", "8.20", varchar(17), "pg_lsn stored as text in varchar(17)"),
	textForm("tid", "8.19", varchar(32), "tid stored as text in varchar(32)"),
	textForm("txid_snapshot", "9.27", longtext(), "txid_snapshot stored as its text form in longtext"),
	textForm("pg_snapshot", "9.27", longtext(), "pg_snapshot stored as its text form in longtext"),
	textForm("aclitem", "5.7", longtext(), "aclitem stored as its text form in longtext"),
	textForm("int2vector", "", longtext(), "int2vector stored as its text form in longtext"),
	textForm("oidvector", "", longtext(), "oidvector stored as its text form in longtext"),
	textForm("pg_node_tree", "", longtext(), "pg_node_tree stored as its text form in longtext"),
	textForm("jsonpath", "8.14.7", longtext(), "jsonpath stored as its text form in longtext"),
	textForm("refcursor", "43.7", longtext(), "refcursor stored as its text form in longtext"),

	// Appendix F: types of the extensions shipped with PostgreSQL
	{Name: "citext", Extension: "citext", Section: "F.9", View: ViewText,
		Rule: fixed(Dolt{Type: longtext(), Collation: "utf8mb4_0900_as_ci", Change: "citext stored as longtext with the case-insensitive collation utf8mb4_0900_as_ci"})},
	{Name: "hstore", Extension: "hstore", Section: "F.18", Codec: schema.KindHstore, View: ViewJSON,
		Rule: fixed(Dolt{Type: &schema.JSONType{}, Change: "hstore stored as a JSON object of strings (NULL values become null)"})},
	{Name: "ltree", Extension: "ltree", Section: "F.23", View: ViewText,
		Rule: text(longtext(), "ltree stored as its text form (labels joined by dots, e.g. Top.Science.Astronomy) in longtext; its operators (@>, <@, ~) have no Dolt equivalent")},
}

func textForm(name, section string, dolt schema.Type, change string) *Type {
	return &Type{Name: name, Section: section, Rule: text(dolt, change)}
}

func geometric(name string) *Type {
	return textForm(name, "8.8", longtext(), name+" stored as its PostgreSQL text form in longtext; Dolt's spatial types differ (SRID, axis order), so use an override to choose one")
}

func multirange(name string) *Type {
	return textForm(name, "8.17", longtext(), name+" stored as its PostgreSQL text form, e.g. {[1,3),[5,7)}, in longtext")
}

func oid(name string) *Type {
	return &Type{Name: name, Section: "8.19", Rule: fixed(Dolt{Type: &schema.IntegerType{T: "bigint", Unsigned: true}}), Codec: schema.KindInt, Verify: VerifyNumber}
}

func reg(name string) *Type {
	return textForm(name, "8.19", longtext(), name+" stored as its text form (an object name); Dolt has no PostgreSQL catalog")
}
