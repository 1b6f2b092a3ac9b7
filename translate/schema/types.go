package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// ColumnType is a column's type on both sides: the Dolt type pgcopy
// creates and the PostgreSQL type it came from (atlas's
// schema.ColumnType{Type, Raw}).
type ColumnType struct {
	// Type is the Dolt column type. [FormatType] prints it.
	Type Type
	// Raw is the PostgreSQL type as the dump writes it, e.g. "character
	// varying(160)"; "" for a column that comes from no dump column (a
	// whole-table override's, until translate matches it).
	Raw string
}

// Type is a Dolt (MySQL-dialect) column type: one of the types of this
// file. The set is closed (sealed by an unexported method), so every
// switch over it names each kind; [FormatType] prints it as SQL. A
// built-in PostgreSQL type becomes one through its row of the type
// registry (package pgtypes); an override file's MySQL type text through
// overrides.ParseType.
//
// T fields keep the MySQL spelling of the base type ("int" or "integer",
// "double" or "real"), lower-cased, so a type an override wrote prints as
// written (MySQL manual, chapter 13 "Data Types").
//
// A Type value is never modified once made (the type registry hands out
// shared ones): a change of type is a new value.
type Type interface{ doltType() }

// IntegerType is TINYINT, SMALLINT, MEDIUMINT, INT (INTEGER) or BIGINT
// (MySQL manual §13.1.2). PostgreSQL's boolean is TINYINT(1).
type IntegerType struct {
	T        string // tinyint, smallint, mediumint, int, integer, bigint
	Width    int    // the display width, e.g. 1 in tinyint(1); 0 when not written
	Unsigned bool
	Zerofill bool
}

// BoolType is MySQL's BOOL or BOOLEAN, a synonym of TINYINT(1), as an
// override wrote it.
type BoolType struct {
	T string // bool, boolean
}

// DecimalType is DECIMAL(p,s) (MySQL manual §13.1.3); Precision 0 means
// none was written (MySQL's DECIMAL(10,0)).
type DecimalType struct {
	T                string // decimal, dec, fixed
	Precision, Scale int
	Unsigned         bool
	Zerofill         bool
}

// FloatType is FLOAT or DOUBLE (MySQL manual §13.1.4); Precision 0 means
// none was written.
type FloatType struct {
	T                string // float, double, real, double precision
	Precision, Scale int
	Unsigned         bool
	Zerofill         bool
}

// StringType is CHAR, VARCHAR or a TEXT type (MySQL manual §13.3). The
// column's collation is [Column.Collation]: overrides set it apart from
// the type, and MySQL prints it after CHARACTER SET either way.
type StringType struct {
	T       string // char, varchar, tinytext, text, mediumtext, longtext
	Size    int    // the length in characters; 0 when not written
	Charset string // "" for the table's
}

// BinaryType is BINARY, VARBINARY or a BLOB type (MySQL manual §13.3.3,
// §13.3.4).
type BinaryType struct {
	T    string // binary, varbinary, tinyblob, blob, mediumblob, longblob
	Size int    // the length in bytes; 0 when not written
}

// BitType is BIT(n) (MySQL manual §13.1.5); Size 0 means none was written
// (BIT(1)).
type BitType struct {
	Size int
}

// JSONType is JSON (MySQL manual §13.5).
type JSONType struct{}

// EnumType is ENUM('a','b',...) with its labels (MySQL manual §13.3.5).
type EnumType struct {
	Values  []string
	Charset string
}

// SetType is SET('a','b',...) with its members (MySQL manual §13.3.6).
type SetType struct {
	Values  []string
	Charset string
}

// TimeType is DATE, DATETIME(fsp), TIMESTAMP(fsp), TIME(fsp) or YEAR
// (MySQL manual §13.2). Precision nil means none was written.
type TimeType struct {
	T         string // date, datetime, timestamp, time, year
	Precision *int
}

// SpatialType is GEOMETRY, POINT and the other spatial types (MySQL
// manual §13.4), with an optional SRID.
type SpatialType struct {
	T    string // geometry, point, linestring, polygon, multipoint, ...
	SRID string // "" when not written
}

func (*IntegerType) doltType() {}
func (*BoolType) doltType()    {}
func (*DecimalType) doltType() {}
func (*FloatType) doltType()   {}
func (*StringType) doltType()  {}
func (*BinaryType) doltType()  {}
func (*BitType) doltType()     {}
func (*JSONType) doltType()    {}
func (*EnumType) doltType()    {}
func (*SetType) doltType()     {}
func (*TimeType) doltType()    {}
func (*SpatialType) doltType() {}

// Constructors of the types translate uses most.

// Varchar is VARCHAR(n).
func Varchar(n int) *StringType { return &StringType{T: "varchar", Size: n} }

// Char is CHAR(n).
func Char(n int) *StringType { return &StringType{T: "char", Size: n} }

// LongText is LONGTEXT.
func LongText() *StringType { return &StringType{T: "longtext"} }

// Decimal is DECIMAL(p,s).
func Decimal(p, s int) *DecimalType { return &DecimalType{T: "decimal", Precision: p, Scale: s} }

// Fsp returns a pointer to the fractional seconds precision p, for
// [TimeType].
func Fsp(p int) *int { return &p }

// FormatType prints t as MySQL-dialect SQL, as a CREATE TABLE column
// definition, a report or pgcopy explain shows it: "varchar(160)",
// "decimal(10,2)", "bigint unsigned", "enum('a','b')", "datetime(6)". It is
// the one place a typed Dolt type becomes text. A nil t prints as "".
func FormatType(t Type) string {
	var b strings.Builder
	switch t := t.(type) {
	case nil:
	case *IntegerType:
		b.WriteString(t.T)
		args(&b, t.Width)
		numFlags(&b, t.Unsigned, t.Zerofill)
	case *BoolType:
		b.WriteString(t.T)
	case *DecimalType:
		b.WriteString(t.T)
		if t.Precision > 0 {
			b.WriteString("(" + strconv.Itoa(t.Precision) + "," + strconv.Itoa(t.Scale) + ")")
		}
		numFlags(&b, t.Unsigned, t.Zerofill)
	case *FloatType:
		b.WriteString(t.T)
		if t.Precision > 0 && t.Scale > 0 {
			b.WriteString("(" + strconv.Itoa(t.Precision) + "," + strconv.Itoa(t.Scale) + ")")
		} else {
			args(&b, t.Precision)
		}
		numFlags(&b, t.Unsigned, t.Zerofill)
	case *StringType:
		b.WriteString(t.T)
		args(&b, t.Size)
		charset(&b, t.Charset)
	case *BinaryType:
		b.WriteString(t.T)
		args(&b, t.Size)
	case *BitType:
		b.WriteString("bit")
		args(&b, t.Size)
	case *JSONType:
		b.WriteString("json")
	case *EnumType:
		b.WriteString("enum")
		labels(&b, t.Values)
		charset(&b, t.Charset)
	case *SetType:
		b.WriteString("set")
		labels(&b, t.Values)
		charset(&b, t.Charset)
	case *TimeType:
		b.WriteString(t.T)
		if t.Precision != nil {
			b.WriteString("(" + strconv.Itoa(*t.Precision) + ")")
		}
	case *SpatialType:
		b.WriteString(t.T)
		if t.SRID != "" {
			b.WriteString(" SRID " + t.SRID)
		}
	default:
		panic(fmt.Sprintf("schema: FormatType of unknown type %T", t))
	}
	return b.String()
}

func args(b *strings.Builder, n int) {
	if n > 0 {
		b.WriteString("(" + strconv.Itoa(n) + ")")
	}
}

func numFlags(b *strings.Builder, unsigned, zerofill bool) {
	if unsigned {
		b.WriteString(" unsigned")
	}
	if zerofill {
		b.WriteString(" zerofill")
	}
}

func charset(b *strings.Builder, cs string) {
	if cs != "" {
		b.WriteString(" CHARACTER SET " + cs)
	}
}

func labels(b *strings.Builder, vs []string) {
	b.WriteByte('(')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(QuoteLabel(v))
	}
	b.WriteByte(')')
}

// QuoteLabel quotes an ENUM or SET label as MySQL reads it: in single
// quotes, with ' doubled and \ escaped.
func QuoteLabel(l string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(l, `\`, `\\`), "'", "''") + "'"
}

// IsBlob reports whether Dolt stores values of t out of the row, as TEXT,
// BLOB, JSON or a spatial value: such a column cannot be a primary or
// foreign key, and a non-unique index needs a prefix length on it
// (dolt-facts E).
func IsBlob(t Type) bool {
	switch t := t.(type) {
	case *StringType:
		return IsText(t)
	case *BinaryType:
		return isBlobT(t.T)
	case *JSONType, *SpatialType:
		return true
	}
	return false
}

// IsText reports whether t is one of the TEXT types (tinytext, text,
// mediumtext, longtext).
func IsText(t Type) bool {
	s, ok := t.(*StringType)
	return ok && strings.HasSuffix(s.T, "text")
}

// IsLOB reports whether t is a TEXT or BLOB type (not JSON or spatial).
func IsLOB(t Type) bool {
	if b, ok := t.(*BinaryType); ok {
		return isBlobT(b.T)
	}
	return IsText(t)
}

func isBlobT(t string) bool { return strings.HasSuffix(t, "blob") }

// IsString reports whether t holds characters, so that a collation
// applies: CHAR, VARCHAR, the TEXT types, ENUM and SET.
func IsString(t Type) bool {
	switch t.(type) {
	case *StringType, *EnumType, *SetType:
		return true
	}
	return false
}

// IntRank orders the integer types a column may widen to without losing a
// value: tinyint 1, smallint 2, mediumint 3, int 4, bigint 5, bigint
// unsigned 6; 0 for any other type (other unsigned integers, and integers
// with a display width or ZEROFILL, which pgcopy never changes).
func IntRank(t Type) int {
	it, ok := t.(*IntegerType)
	if !ok || it.Width != 0 || it.Zerofill {
		return 0
	}
	r := map[string]int{"tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "integer": 4, "bigint": 5}[it.T]
	if it.Unsigned {
		if it.T != "bigint" {
			return 0
		}
		r = 6
	}
	return r
}

// IntBits is the width in bits of an integer type (8 to 64), 0 for other
// types.
func IntBits(t Type) int {
	it, ok := t.(*IntegerType)
	if !ok {
		return 0
	}
	return map[string]int{"tinyint": 8, "smallint": 16, "mediumint": 24, "int": 32, "integer": 32, "bigint": 64}[it.T]
}
