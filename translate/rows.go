package translate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Rows describes where the rows of one COPY block or INSERT statement go
// and how each is encoded.
type Rows struct {
	Table   *schema.Table // the Dolt table (a partition's rows go to its parent)
	Source  string        // the PostgreSQL relation named in the dump
	Columns []string      // Dolt column names, in the order of the values
	pgCols  []string
	types   []colType
	// keep says, per column of the COPY header, whether the column is
	// loaded; nil when every column is (an override can skip columns).
	keep []bool
}

// Project drops, in place, the fields of the columns an override skips, so
// that the fields match r.Columns; call it on every decoded COPY row before
// AppendTuple. Fields are swapped rather than copied, so each element keeps
// its own decode buffer when the slice is passed back to pgtext.DecodeRow.
// Without skipped columns, or for a row of the wrong length (which
// AppendTuple reports), fields is returned unchanged.
func (r *Rows) Project(fields []pgtext.Field) []pgtext.Field {
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
func (r *Rows) AppendTuple(b []byte, fields []pgtext.Field) ([]byte, error) {
	if len(fields) != len(r.types) {
		want := len(r.types)
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
		b, err = appendValue(b, r.types[i], f.Value)
		if err != nil {
			return b, &ValueError{Column: r.pgCols[i], Err: err}
		}
	}
	return append(b, ')'), nil
}

// appendValue converts one non-NULL value in PostgreSQL text form to a SQL
// literal for a column of type ct.
func appendValue(b []byte, ct colType, v []byte) ([]byte, error) {
	switch ct.kind {
	case vInt:
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			if _, err2 := strconv.ParseUint(string(v), 10, 64); err2 != nil {
				return b, fmt.Errorf("invalid integer %q", clip(v))
			}
		}
		return append(b, v...), nil
	case vNumeric:
		s, err := pgtext.Numeric(string(v))
		if err != nil {
			return b, err
		}
		return append(b, s...), nil
	case vJSON:
		if err := jsonNumbersExact(v); err != nil {
			return b, err
		}
		return sqltext.AppendStringBytes(b, v), nil
	case vFloat:
		s, err := pgtext.Float(string(v))
		if err != nil {
			return b, err
		}
		if ct.dolt == "float" {
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
	case vBool:
		t, err := pgtext.Bool(string(v))
		if err != nil {
			return b, err
		}
		if t {
			return append(b, '1'), nil
		}
		return append(b, '0'), nil
	case vBytea:
		p, err := pgtext.Bytea(string(v))
		if err != nil {
			return b, err
		}
		return sqltext.AppendHex(b, p), nil
	case vDate, vTimestamp, vTimestampTZ, vTime, vTimeTZ:
		s, err := timeConv[ct.kind](string(v))
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case vArray:
		s, err := pgtext.ArrayToJSON(string(v), ct.elem)
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case vMoney:
		s, err := moneyToDecimal(v)
		if err != nil {
			return b, err
		}
		return append(b, s...), nil
	case vHstore:
		s, err := hstoreToJSON(v)
		if err != nil {
			return b, err
		}
		return sqltext.AppendString(b, s), nil
	case vBit:
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
var timeConv = map[valKind]func(string) (string, error){
	vDate:        pgtext.Date,
	vTimestamp:   pgtext.Timestamp,
	vTimestampTZ: pgtext.TimestampTZ,
	vTime:        pgtext.Time,
	vTimeTZ:      pgtext.TimeTZ,
}

// AppendRow appends one row, given as COPY fields in the order of
// r.Columns, to dst as the Go values Dolt's engine converts to the column
// types: nil (NULL), int64 or uint64 (integers, booleans as 1/0), float64,
// []byte (bytea), uint64 (bit strings), and otherwise a string that Dolt
// parses exactly as it parses the quoted literal AppendTuple writes
// (numeric, money, dates and times, JSON, text). Every value converts to
// the same stored value as AppendTuple's literal; errors are the same
// *ValueError.
func (r *Rows) AppendRow(dst []any, fields []pgtext.Field) ([]any, error) {
	if len(fields) != len(r.types) {
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
		x, err := goValue(r.types[i], f.Value)
		if err != nil {
			return dst, &ValueError{Column: r.pgCols[i], Err: err}
		}
		dst = append(dst, x)
	}
	return dst, nil
}

// goValue is appendValue's counterpart for AppendRow.
func goValue(ct colType, v []byte) (any, error) {
	switch ct.kind {
	case vInt:
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return n, nil
		}
		n, err := strconv.ParseUint(string(v), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("invalid integer %q", clip(v))
		}
		return n, nil
	case vNumeric:
		return pgtext.Numeric(string(v))
	case vJSON:
		if err := jsonNumbersExact(v); err != nil {
			return nil, err
		}
		return string(v), nil
	case vFloat:
		s, err := pgtext.Float(string(v))
		if err != nil {
			return nil, err
		}
		bits := 64
		if ct.dolt == "float" {
			bits = 32 // see appendValue: the float4 value, exactly, as a float64
		}
		f, err := strconv.ParseFloat(s, bits)
		if err != nil {
			return nil, fmt.Errorf("invalid floating-point number %q", clip(v))
		}
		return f, nil
	case vBool:
		t, err := pgtext.Bool(string(v))
		if err != nil {
			return nil, err
		}
		if t {
			return int64(1), nil
		}
		return int64(0), nil
	case vBytea:
		return pgtext.Bytea(string(v))
	case vDate, vTimestamp, vTimestampTZ, vTime, vTimeTZ:
		return timeConv[ct.kind](string(v))
	case vArray:
		return pgtext.ArrayToJSON(string(v), ct.elem)
	case vMoney:
		return moneyToDecimal(v)
	case vHstore:
		return hstoreToJSON(v)
	case vBit:
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

// CopyRows resolves the table and column list of a COPY block header
// ("COPY public.actor (actor_id, first_name) FROM stdin;"). It fails when
// the relation or a column is unknown; a relation whose rows an override
// drops (skip or skip_data, reported by Finish) returns (nil, nil), and the
// caller skips the block's rows.
func (t *Translator) CopyRows(ev dump.Event) (*Rows, error) {
	tree, err := pg.Parse(ev.Text)
	if err != nil {
		return nil, diag.New(ev.Pos, "", "", fmt.Errorf("parse COPY header: %v", err), "pgcopy reads pg_dump plain-format output; check that this line is a COPY ... FROM stdin; header")
	}
	cs := tree.Stmts[0].Stmt.GetCopyStmt()
	if cs == nil || cs.Relation == nil {
		return nil, diag.New(ev.Pos, "", "", errors.New("COPY block without a table"), "pgcopy reads the COPY table (columns) FROM stdin; form pg_dump writes")
	}
	return t.rowsFor(ev.Pos, t.refName(cs.Relation), strList(nodesOfResTargets(cs.Attlist)))
}

func nodesOfResTargets(nodes []*pg.Node) []*pg.Node {
	var out []*pg.Node
	for _, n := range nodes {
		if rt := n.GetResTarget(); rt != nil {
			out = append(out, pg.MakeStrNode(rt.Name))
		} else {
			out = append(out, n)
		}
	}
	return out
}

func (t *Translator) rowsFor(pos dump.Pos, rel schema.Name, cols []string) (*Rows, error) {
	if _, ok := t.skipped[rel.String()]; ok {
		return nil, nil
	}
	tb := t.tables[rel.String()]
	if tb == nil {
		return nil, diag.New(pos, rel.String(), "", errors.New("data for a table the dump never creates"),
			"pgcopy needs the table's CREATE TABLE in the same dump; dump with pg_dump's schema included")
	}
	root := tb.root()
	if _, ok := t.noData[root]; ok {
		return nil, nil
	}
	if root.out == nil {
		return nil, diag.New(pos, rel.String(), "", errors.New("table was not translated"), "this is a pgcopy bug; report it with the dump's CREATE TABLE statement")
	}
	if len(cols) == 0 {
		for _, c := range tb.cols {
			cols = append(cols, c.name)
		}
	}
	r := &Rows{Table: root.out, Source: rel.String()}
	for i, c := range cols {
		oc := root.out.ColumnByPG(c)
		if oc == nil && t.skippedColumn(root, c) {
			if r.keep == nil {
				r.keep = make([]bool, len(cols))
				for j := 0; j < i; j++ {
					r.keep[j] = true
				}
			}
			continue
		}
		if r.keep != nil {
			r.keep[i] = true
		}
		r.pgCols = append(r.pgCols, c)
		if oc == nil {
			return nil, diag.New(pos, rel.String(), c, errors.New("the data names a column the table does not have"), hintInconsistent)
		}
		r.Columns = append(r.Columns, oc.Name)
		r.types = append(r.types, t.colTypes[colKey{root, c}])
	}
	return r, nil
}

// InsertRows turns one INSERT statement of a pg_dump --inserts or
// --column-inserts dump, or of a Rails/Ecto structure.sql trailer
// (INSERT INTO "schema_migrations" (version) VALUES (...)), into Rows and
// the statement's rows as COPY-style fields (the text form of each
// constant), so both dump styles share one conversion path. OVERRIDING
// SYSTEM VALUE is accepted. An unqualified table name is resolved along
// the dump's search_path, then among all tables of the dump.
func (t *Translator) InsertRows(ev dump.Event) (*Rows, [][]pgtext.Field, error) {
	tree, err := pg.Parse(ev.Text)
	if err != nil {
		return nil, nil, diag.New(ev.Pos, "", "", fmt.Errorf("parse INSERT: %v", err), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
	}
	is := tree.Stmts[0].Stmt.GetInsertStmt()
	if is == nil {
		return nil, nil, diag.New(ev.Pos, "", "", errors.New("not an INSERT statement"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
	}
	rel := t.refName(is.Relation)
	r, err := t.rowsFor(ev.Pos, rel, strList(nodesOfResTargets(is.Cols)))
	if err != nil || r == nil {
		return nil, nil, err
	}
	sel := is.SelectStmt.GetSelectStmt()
	if sel == nil || len(sel.ValuesLists) == 0 {
		return nil, nil, diag.New(ev.Pos, rel.String(), "", errors.New("INSERT without a VALUES list"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts)")
	}
	if r.keep != nil {
		// leave out the values of columns an override skips
		for _, vl := range sel.ValuesLists {
			l := vl.GetList()
			if len(l.GetItems()) != len(r.keep) {
				continue
			}
			var items []*pg.Node
			for i, it := range l.Items {
				if r.keep[i] {
					items = append(items, it)
				}
			}
			l.Items = items
		}
	}
	// pg_dump --inserts writes DEFAULT for a generated column; a column
	// that is DEFAULT in every row is left out, so Dolt computes or
	// defaults it.
	nvals := len(sel.ValuesLists[0].GetList().GetItems())
	skip := make([]bool, nvals)
	for i := range skip {
		skip[i] = true
	}
	for _, vl := range sel.ValuesLists {
		items := vl.GetList().GetItems()
		if len(items) != nvals {
			return nil, nil, diag.New(ev.Pos, rel.String(), "", errors.New("VALUES lists of different lengths"), "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
		}
		for i, it := range items {
			if it.GetSetToDefault() == nil {
				skip[i] = false
			}
		}
	}
	drop := nvals == len(r.pgCols)
	if drop {
		keep := &Rows{Table: r.Table, Source: r.Source}
		for i := range r.pgCols {
			if !skip[i] {
				keep.Columns = append(keep.Columns, r.Columns[i])
				keep.pgCols = append(keep.pgCols, r.pgCols[i])
				keep.types = append(keep.types, r.types[i])
			}
		}
		r = keep
	}
	var rows [][]pgtext.Field
	for _, vl := range sel.ValuesLists {
		items := vl.GetList().GetItems()
		fields := make([]pgtext.Field, 0, len(items))
		for i, it := range items {
			if drop && skip[i] {
				continue
			}
			f, err := constField(it)
			if err != nil {
				col := ""
				if i < len(r.pgCols) {
					col = r.pgCols[i]
				}
				return nil, nil, diag.New(ev.Pos, rel.String(), col, err, "pgcopy reads the INSERT forms pg_dump writes (--inserts, --column-inserts): one VALUES list of constants per row")
			}
			fields = append(fields, f)
		}
		rows = append(rows, fields)
	}
	return r, rows, nil
}

// constField returns the text form of an INSERT value as pg_dump writes it:
// a constant, a negated constant, or a cast of one ('...'::type).
func constField(n *pg.Node) (pgtext.Field, error) {
	for n.GetTypeCast() != nil {
		n = n.GetTypeCast().Arg
	}
	neg := false
	if a := n.GetAExpr(); a != nil && a.Lexpr == nil && len(a.Name) == 1 && a.Name[0].GetString_().GetSval() == "-" {
		neg = true
		n = a.Rexpr
	}
	c := n.GetAConst()
	if c == nil {
		return pgtext.Field{}, fmt.Errorf("INSERT value is an expression, not a constant")
	}
	var s string
	switch {
	case c.Isnull:
		return pgtext.Field{Null: true}, nil
	case c.GetIval() != nil:
		s = strconv.FormatInt(int64(c.GetIval().Ival), 10)
	case c.GetFval() != nil:
		s = c.GetFval().Fval
	case c.GetBoolval() != nil:
		s = "f"
		if c.GetBoolval().Boolval {
			s = "t"
		}
	case c.GetSval() != nil:
		s = c.GetSval().Sval
	case c.GetBsval() != nil:
		s = strings.TrimLeft(c.GetBsval().Bsval, "bB")
	default:
		s = "0"
	}
	if neg {
		s = "-" + s
	}
	return pgtext.Field{Value: []byte(s)}, nil
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
