package rowcodec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/copytext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Rows is the codec of the rows of one COPY block or INSERT statement:
// where they go and how each value is encoded. Build it with [For].
type Rows struct {
	Table   *schema.Table // the Dolt table (a partition's rows go to its parent)
	Source  string        // the PostgreSQL relation named in the dump
	Columns []string      // Dolt column names, in the order of the values
	pgCols  []string
	codecs  []schema.Codec
	// keep says, per column of the COPY header, whether the column is
	// loaded; nil when every column is (an override can skip columns).
	keep []bool
}

// ColumnError is returned by [For] for a header column the table does not
// have (and that skip does not name).
type ColumnError struct{ Column string }

func (e *ColumnError) Error() string {
	return fmt.Sprintf("the data names column %s, which the table does not have", e.Column)
}

// For returns the codec of rows of t whose fields are the PostgreSQL
// columns header, in order (a COPY header's column list; nil or empty
// means every column of t, in t's order). source is the relation the dump
// names (a partition's rows go to its parent t). skip, when not nil, says
// which header columns are not loaded (an override skips them): their
// fields are dropped by [Rows.Project]. A header column that t does not
// have and skip does not name is a *ColumnError.
func For(t *schema.Table, source string, header []string, skip func(pgName string) bool) (*Rows, error) {
	if len(header) == 0 {
		for _, c := range t.Columns {
			header = append(header, c.PGName)
		}
	}
	r := &Rows{Table: t, Source: source}
	for i, c := range header {
		oc := t.ColumnByPG(c)
		if oc == nil && skip != nil && skip(c) {
			if r.keep == nil {
				r.keep = make([]bool, len(header))
				for j := 0; j < i; j++ {
					r.keep[j] = true
				}
			}
			continue
		}
		if r.keep != nil {
			r.keep[i] = true
		}
		if oc == nil {
			return nil, &ColumnError{Column: c}
		}
		r.pgCols = append(r.pgCols, c)
		r.Columns = append(r.Columns, oc.Name)
		r.codecs = append(r.codecs, oc.Codec)
	}
	return r, nil
}

// Keep reports, per column of the header given to [For], whether its
// fields are loaded; nil when every column is.
func (r *Rows) Keep() []bool { return r.keep }

// PGColumns returns the PostgreSQL names of r.Columns, in the same order.
func (r *Rows) PGColumns() []string { return r.pgCols }

// Subset returns the codec of the same rows with only the columns i for
// which use[i] is true (use is indexed like r.Columns); the result loads
// every one of its columns.
func (r *Rows) Subset(use []bool) *Rows {
	out := &Rows{Table: r.Table, Source: r.Source}
	for i := range r.pgCols {
		if use[i] {
			out.Columns = append(out.Columns, r.Columns[i])
			out.pgCols = append(out.pgCols, r.pgCols[i])
			out.codecs = append(out.codecs, r.codecs[i])
		}
	}
	return out
}

// Text returns values, PostgreSQL text forms with nil for NULL, as the
// COPY fields AppendTuple and AppendRow take (for a list of text values
// that did not come from a COPY block, such as a logical-replication
// tuple).
func Text(values []*string) []copytext.Field {
	out := make([]copytext.Field, len(values))
	for i, v := range values {
		if v == nil {
			out[i].Null = true
		} else {
			out[i].Value = []byte(*v)
		}
	}
	return out
}

// Project drops, in place, the fields of the columns an override skips, so
// that the fields match r.Columns; call it on every decoded COPY row before
// AppendTuple. Fields are swapped rather than copied, so each element keeps
// its own decode buffer when the slice is passed back to pgtext.DecodeRow.
// Without skipped columns, or for a row of the wrong length (which
// AppendTuple reports), fields is returned unchanged.
func (r *Rows) Project(fields []copytext.Field) []copytext.Field {
	if r == nil || r.keep == nil || len(fields) != len(r.keep) {
		return fields
	}
	j := 0
	for i := range fields {
		if r.keep[i] {
			fields[i], fields[j] = fields[j], fields[i]
			j++
		}
	}
	return fields[:j]
}

// ValueError is a value that cannot be converted; Column is the
// PostgreSQL column name.
type ValueError struct {
	Column string
	Err    error
}

// ErrNUL is the error (errors.Is) of a COPY field whose decoded value
// holds a NUL byte (a raw 0x00, or the escapes \0, \000, \x00).
// PostgreSQL's text types cannot hold NUL and COPY FROM refuses it
// ("invalid byte sequence for encoding "UTF8": 0x00"), so such a dump is
// corrupt; bytea values are not affected (their COPY text is \\x...).
var ErrNUL = errors.New("the value holds a NUL byte, which no PostgreSQL text value can hold: the dump is corrupt")

func (e *ValueError) Error() string { return e.Err.Error() }
func (e *ValueError) Unwrap() error { return e.Err }

// AppendTuple appends one row, given as COPY fields in the order of
// r.Columns, as a SQL tuple "(v1,v2,...)". A value that cannot be
// converted returns a *ValueError naming the column; errors.Is(err,
// pgtext.ErrUnrepresentable) tells valid-but-unrepresentable values apart.
func (r *Rows) AppendTuple(b []byte, fields []copytext.Field) ([]byte, error) {
	if len(fields) != len(r.codecs) {
		want := len(r.codecs)
		if r.keep != nil {
			want = len(r.keep)
		}
		return b, &ValueError{Err: fmt.Errorf("row has %d fields, the COPY header names %d columns", len(fields), want)}
	}
	b = append(b, '(')
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		if f.Null {
			b = append(b, "NULL"...)
			continue
		}
		if bytes.IndexByte(f.Value, 0) >= 0 {
			return b, &ValueError{Column: r.pgCols[i], Err: ErrNUL}
		}
		var err error
		b, err = appendValue(b, r.codecs[i], f.Value)
		if err != nil {
			return b, &ValueError{Column: r.pgCols[i], Err: err}
		}
	}
	return append(b, ')'), nil
}

// appendValue converts one non-NULL value in PostgreSQL text form to a SQL
// literal for a column of type ct.
func appendValue(b []byte, c schema.Codec, v []byte) ([]byte, error) {
	switch c.Kind {
	case schema.KindInt:
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			if _, err2 := strconv.ParseUint(string(v), 10, 64); err2 != nil {
				return b, fmt.Errorf("invalid integer %q", clip(v))
			}
		}
		return append(b, v...), nil
	case schema.KindNumeric:
		s, err := pgtext.Numeric(string(v))
		if err != nil {
			return b, err
		}
		return append(b, s...), nil
	case schema.KindJSON:
		if err := jsonNumbersExact(v); err != nil {
			return b, err
		}
		return sqltext.AppendStringBytes(b, v), nil
	case schema.KindFloat:
		s, err := pgtext.Float(string(v))
		if err != nil {
			return b, err
		}
		if c.Float32 {
			// PostgreSQL prints a real in its shortest float4 form, e.g.
			// 3.4028235e+38 for the largest; Dolt reads the literal as a
			// float64 and range-checks it against float4, which rejects
			// that. The float64 spelling of the same float4 value is exact
			// and in range.
			f, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return b, fmt.Errorf("invalid real %q", clip(v))
			}
			return strconv.AppendFloat(b, f, 'g', -1, 64), nil
		}
		return append(b, s...), nil
	case schema.KindBool:
		t, err := pgtext.Bool(string(v))
		if err != nil {
			return b, err
		}
		if t {
			return append(b, '1'), nil
		}
		return append(b, '0'), nil
	case schema.KindBytea:
		p, err := pgtext.Bytea(string(v))
		if err != nil {
			return b, err
		}
		return sqltext.AppendHex(b, p), nil
	case schema.KindDate, schema.KindTimestamp, schema.KindTimestampTZ, schema.KindTime, schema.KindTimeTZ:
		s, err := timeConv[c.Kind](string(v))
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case schema.KindArray:
		s, err := pgtext.ArrayToJSON(string(v), c.Elem)
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case schema.KindMoney:
		s, err := moneyToDecimal(v)
		if err != nil {
			return b, err
		}
		return append(b, s...), nil
	case schema.KindHstore:
		s, err := hstoreToJSON(v)
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case schema.KindBit:
		for _, c := range v {
			if c != '0' && c != '1' {
				return b, fmt.Errorf("invalid bit string %q", clip(v))
			}
		}
		b = append(b, 'b', '\'')
		b = append(b, v...)
		return append(b, '\''), nil
	}
	return sqltext.AppendStringBytes(b, v), nil
}

// timeConv converts the PostgreSQL text of a date/time kind to the text
// Dolt parses for its column type (pgtext, PostgreSQL manual 8.5).
var timeConv = map[schema.ValueKind]func(string) (string, error){
	schema.KindDate:        pgtext.Date,
	schema.KindTimestamp:   pgtext.Timestamp,
	schema.KindTimestampTZ: pgtext.TimestampTZ,
	schema.KindTime:        pgtext.Time,
	schema.KindTimeTZ:      pgtext.TimeTZ,
}

// AppendRow appends one row, given as COPY fields in the order of
// r.Columns, to dst as the Go values Dolt's engine converts to the column
// types: nil (NULL), int64 or uint64 (integers, booleans as 1/0), float64,
// []byte (bytea), uint64 (bit strings), and otherwise a string that Dolt
// parses exactly as it parses the quoted literal AppendTuple writes
// (numeric, money, dates and times, JSON, text). Every value converts to
// the same stored value as AppendTuple's literal; errors are the same
// *ValueError.
func (r *Rows) AppendRow(dst []any, fields []copytext.Field) ([]any, error) {
	if len(fields) != len(r.codecs) {
		_, err := r.AppendTuple(nil, fields)
		return dst, err
	}
	for i, f := range fields {
		if f.Null {
			dst = append(dst, nil)
			continue
		}
		if bytes.IndexByte(f.Value, 0) >= 0 {
			return dst, &ValueError{Column: r.pgCols[i], Err: ErrNUL}
		}
		x, err := goValue(r.codecs[i], f.Value)
		if err != nil {
			return dst, &ValueError{Column: r.pgCols[i], Err: err}
		}
		dst = append(dst, x)
	}
	return dst, nil
}

// goValue is appendValue's counterpart for AppendRow.
func goValue(c schema.Codec, v []byte) (any, error) {
	switch c.Kind {
	case schema.KindInt:
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return n, nil
		}
		n, err := strconv.ParseUint(string(v), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("invalid integer %q", clip(v))
		}
		return n, nil
	case schema.KindNumeric:
		return pgtext.Numeric(string(v))
	case schema.KindJSON:
		if err := jsonNumbersExact(v); err != nil {
			return nil, err
		}
		return string(v), nil
	case schema.KindFloat:
		s, err := pgtext.Float(string(v))
		if err != nil {
			return nil, err
		}
		bits := 64
		if c.Float32 {
			bits = 32 // see appendValue: the float4 value, exactly, as a float64
		}
		f, err := strconv.ParseFloat(s, bits)
		if err != nil {
			return nil, fmt.Errorf("invalid floating-point number %q", clip(v))
		}
		return f, nil
	case schema.KindBool:
		t, err := pgtext.Bool(string(v))
		if err != nil {
			return nil, err
		}
		if t {
			return int64(1), nil
		}
		return int64(0), nil
	case schema.KindBytea:
		return pgtext.Bytea(string(v))
	case schema.KindDate, schema.KindTimestamp, schema.KindTimestampTZ, schema.KindTime, schema.KindTimeTZ:
		return timeConv[c.Kind](string(v))
	case schema.KindArray:
		return pgtext.ArrayToJSON(string(v), c.Elem)
	case schema.KindMoney:
		return moneyToDecimal(v)
	case schema.KindHstore:
		return hstoreToJSON(v)
	case schema.KindBit:
		for _, c := range v {
			if c != '0' && c != '1' {
				return nil, fmt.Errorf("invalid bit string %q", clip(v))
			}
		}
		if len(v) == 0 {
			return uint64(0), nil
		}
		n, err := strconv.ParseUint(string(v), 2, 64)
		if err != nil {
			return nil, fmt.Errorf("bit string %q is longer than 64 bits", clip(v))
		}
		return n, nil
	}
	return string(v), nil
}

func clip(v []byte) string {
	if len(v) > 60 {
		return string(v[:60]) + "..."
	}
	return string(v)
}

// jsonNumbersExact checks that every number in the JSON text v survives
// Dolt's JSON type, which keeps numbers as float64 (dolt-facts E:
// 9007199254740993 becomes 9007199254740992). A number survives when the
// shortest float64 spelling of it has the same exact value. A number that
// would change is an error wrapping pgtext.ErrUnrepresentable, so the
// --on-unrepresentable policy applies. Invalid JSON is left to Dolt.
func jsonNumbersExact(v []byte) error {
	if bytes.IndexAny(v, "0123456789") < 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(v))
	d.UseNumber()
	for {
		tok, err := d.Token()
		if err != nil {
			return nil // io.EOF, or invalid JSON that Dolt reports
		}
		n, ok := tok.(json.Number)
		if !ok {
			continue
		}
		want, ok := new(big.Rat).SetString(string(n))
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(string(n), 64)
		short := strconv.FormatFloat(f, 'g', -1, 64)
		got, ok2 := new(big.Rat).SetString(short)
		if err != nil || !ok2 || got.Cmp(want) != 0 {
			return fmt.Errorf("%w: JSON number %s would be stored as %s (Dolt keeps JSON numbers as float64)", pgtext.ErrUnrepresentable, clip([]byte(n)), short)
		}
	}
}

// AppendLiteral appends the SQL literal of one non-NULL value v, in
// PostgreSQL text form, for a column with codec c: what AppendTuple writes
// for that field. Errors are those of AppendTuple without the column.
func AppendLiteral(b []byte, c schema.Codec, v []byte) ([]byte, error) {
	return appendValue(b, c, v)
}

// Value returns the Go value of one non-NULL value v, in PostgreSQL text
// form, for a column with codec c: what AppendRow appends for that field.
func Value(c schema.Codec, v []byte) (any, error) { return goValue(c, v) }
