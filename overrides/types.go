package overrides

import (
	"fmt"
	"strings"

	"github.com/dolthub/vitess/go/vt/sqlparser"

	"github.com/pgcopy/pgcopy/translate/schema"
)

// ParseType reads s, a Dolt (MySQL) column type as an override file writes
// it ("varchar(32)", "decimal(12,2) unsigned", "enum('a','b')",
// "datetime(6)", "point srid 4326"), into the typed model, with Dolt's own
// SQL parser (github.com/dolthub/vitess/go/vt/sqlparser). It is the one
// place where MySQL type text becomes a [schema.Type]; column options
// (NOT NULL, DEFAULT, COLLATE, CHARACTER SET, keys) are errors here: they
// have properties of their own. It does not check limits (varchar(70000));
// Dolt does when the table is created, before any row is loaded.
func ParseType(s string) (schema.Type, error) {
	text := strings.TrimSpace(s)
	bad := fmt.Errorf("type %q is not a Dolt column type", s)
	if strings.HasPrefix(strings.ToLower(text), "serial") {
		return nil, bad // SERIAL is a column definition, not a type
	}
	st, err := sqlparser.Parse("CREATE TABLE t (c " + text + ")")
	if err != nil {
		return nil, bad
	}
	ddl, ok := st.(*sqlparser.DDL)
	if !ok || ddl.TableSpec == nil || len(ddl.TableSpec.Columns) != 1 || len(ddl.TableSpec.Constraints) > 0 || len(ddl.TableSpec.Indexes) > 0 {
		return nil, bad
	}
	ct := ddl.TableSpec.Columns[0].Type
	typeOnly := sqlparser.ColumnType{Type: ct.Type, Length: ct.Length, Scale: ct.Scale, Unsigned: ct.Unsigned, Zerofill: ct.Zerofill, EnumValues: ct.EnumValues, SRID: ct.SRID}
	if sqlparser.String(&ct) != sqlparser.String(&typeOnly) {
		return nil, fmt.Errorf("type %q: write only the type; nullable, default and collation are properties of their own", s)
	}
	return columnType(ct)
}

// CheckType reports whether s reads as a Dolt column type ([ParseType]).
func CheckType(s string) error {
	_, err := ParseType(s)
	return err
}

// columnType is the typed Dolt type of a column type Dolt's parser read.
// A base type the model has no kind for is an error.
func columnType(ct sqlparser.ColumnType) (schema.Type, error) {
	name := strings.ToLower(ct.Type)
	n, scale := sqlInt(ct.Length), sqlInt(ct.Scale)
	switch name {
	case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
		return &schema.IntegerType{T: name, Width: n, Unsigned: bool(ct.Unsigned), Zerofill: bool(ct.Zerofill)}, nil
	case "bool", "boolean":
		return &schema.BoolType{T: name}, nil
	case "decimal", "numeric", "dec", "fixed":
		return &schema.DecimalType{T: name, Precision: n, Scale: scale, Unsigned: bool(ct.Unsigned), Zerofill: bool(ct.Zerofill)}, nil
	case "float", "double", "real", "double precision":
		return &schema.FloatType{T: name, Precision: n, Scale: scale, Unsigned: bool(ct.Unsigned), Zerofill: bool(ct.Zerofill)}, nil
	case "bit":
		return &schema.BitType{Size: n}, nil
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext",
		"nchar", "nvarchar", "national char", "national varchar", "character", "character varying":
		return &schema.StringType{T: name, Size: n, Charset: strings.ToLower(ct.Charset)}, nil
	case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob":
		return &schema.BinaryType{T: name, Size: n}, nil
	case "json":
		return &schema.JSONType{}, nil
	case "date", "datetime", "timestamp", "time", "year":
		t := &schema.TimeType{T: name}
		if ct.Length != nil {
			t.Precision = schema.Fsp(n)
		}
		return t, nil
	case "enum":
		return &schema.EnumType{Values: ct.EnumValues, Charset: strings.ToLower(ct.Charset)}, nil
	case "set":
		return &schema.SetType{Values: ct.EnumValues, Charset: strings.ToLower(ct.Charset)}, nil
	case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
		t := &schema.SpatialType{T: name}
		if ct.SRID != nil {
			t.SRID = string(ct.SRID.Val)
		}
		return t, nil
	}
	return nil, fmt.Errorf("type %s is not a Dolt column type", name)
}

func sqlInt(v *sqlparser.SQLVal) int {
	if v == nil {
		return 0
	}
	var n int
	fmt.Sscanf(string(v.Val), "%d", &n)
	return n
}
