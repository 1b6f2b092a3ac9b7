package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// norm says how a value read as text is normalised in Go.
type norm int

const (
	nText    norm = iota // as read
	nNumber              // exact decimal: 1.50 -> 1.5, 007 -> 7
	nFloat32             // shortest float4 text
	nFloat64             // shortest float8 text
	nJSON                // canonical JSON
	nTime                // HH:MM:SS.ffffff
	nBits                // a string of 0 and 1 -> its unsigned decimal value
)

// colPlan is how one column is read on both sides.
type colPlan struct {
	pgName, doltName string
	pgExpr, doltExpr string
	pgNorm, doltNorm norm
}

// pgType is a resolved PostgreSQL type: domains followed to their base.
type pgType struct {
	name     string // typname of the base type: int4, timestamptz, bpchar, ...
	kind     byte   // typtype of the base type: b base, e enum, c composite, r range, ...
	array    bool
	elemName string // for arrays, the resolved element type's typname
}

// typeResolver looks types up in pg_type, once each.
type typeResolver struct {
	pg    PG
	cache map[uint32]pgType
}

type typeRow struct {
	name       string
	typtype    string
	category   string
	elem, base uint32
}

func (r *typeResolver) row(ctx context.Context, oid uint32) (typeRow, error) {
	var t typeRow
	err := r.pg.QueryRow(ctx, `SELECT typname::text, typtype::text, typcategory::text, typelem::int8, typbasetype::int8
		FROM pg_catalog.pg_type WHERE oid = $1`, int64(oid)).Scan(&t.name, &t.typtype, &t.category, &t.elem, &t.base)
	return t, err
}

// base follows domains to their base type.
func (r *typeResolver) base(ctx context.Context, oid uint32) (typeRow, error) {
	for i := 0; ; i++ {
		t, err := r.row(ctx, oid)
		if err != nil {
			return t, err
		}
		if t.typtype != "d" || i > 20 {
			return t, nil
		}
		oid = t.base
	}
}

func (r *typeResolver) resolve(ctx context.Context, oid uint32) (pgType, error) {
	if t, ok := r.cache[oid]; ok {
		return t, nil
	}
	b, err := r.base(ctx, oid)
	if err != nil {
		return pgType{}, err
	}
	t := pgType{name: b.name, kind: b.typtype[0]}
	if b.category == "A" && b.elem != 0 {
		e, err := r.base(ctx, b.elem)
		if err != nil {
			return pgType{}, err
		}
		t.array, t.elemName = true, e.name
	}
	r.cache[oid] = t
	return t, nil
}

// relation is what verify needs to know about a PostgreSQL table.
type relation struct {
	from  string            // "ONLY s.t" or "s.t" (a partitioned table)
	types map[string]uint32 // column name -> type oid
}

func loadRelation(ctx context.Context, pg PG, name schema.Name) (*relation, error) {
	ident := pgx.Identifier{name.Name}
	if name.Schema != "" {
		ident = pgx.Identifier{name.Schema, name.Name}
	}
	q := ident.Sanitize()
	var relkind string
	if err := pg.QueryRow(ctx, "SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = $1::regclass", q).Scan(&relkind); err != nil {
		return nil, fmt.Errorf("find %s in PostgreSQL: %w", name, err)
	}
	rel := &relation{from: "ONLY " + q, types: map[string]uint32{}}
	if relkind == "p" {
		// A partitioned table has no rows of its own: reading the parent
		// reads every partition, which is what translate folded into it.
		rel.from = q
	}
	rows, err := pg.Query(ctx, `SELECT attname::text, atttypid::int8 FROM pg_catalog.pg_attribute
		WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`, q)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		var oid int64
		if err := rows.Scan(&n, &oid); err != nil {
			return nil, err
		}
		rel.types[n] = uint32(oid)
	}
	return rel, rows.Err()
}

// jsonElem says an array of the element type (a pg_type.typname) is
// stored as a JSON array of numbers, booleans or JSON values, so that
// PostgreSQL's to_json of the array compares with it; other arrays hold
// JSON strings of their elements' text form (translate's array rule).
func jsonElem(typname string) bool {
	row, ok := pgtypes.ByTypname(typname)
	if !ok {
		return false
	}
	switch row.Verify {
	case pgtypes.VerifyNumber, pgtypes.VerifyFloat32, pgtypes.VerifyFloat64, pgtypes.VerifyBool, pgtypes.VerifyJSON:
		return true
	}
	return false
}

// planColumn decides how column c (PostgreSQL type t) is read on each side.
func planColumn(c *schema.Column, t pgType) colPlan {
	q := pgx.Identifier{c.PGName}.Sanitize()
	m := sqltext.Ident(c.Name)
	// format('%s', c) is the type's output function, the text pg_dump
	// writes: unlike a ::text cast it keeps char(n) padding and prints
	// inet without a full-length mask. It turns NULL into '', hence CASE.
	notNull := q + " IS NOT NULL"
	if t.kind == 'c' {
		// a composite with all fields NULL is not "IS NOT NULL", yet it
		// is a value: (,)
		notNull = "num_nulls(" + q + ") = 0"
	}
	outText := "CASE WHEN " + notNull + " THEN format('%s', " + q + ") END"
	p := colPlan{pgName: c.PGName, doltName: c.Name,
		pgExpr: outText, doltExpr: "CAST(" + m + " AS CHAR)"}
	set := func(pgExpr, doltExpr string, pn, dn norm) colPlan {
		p.pgExpr, p.doltExpr, p.pgNorm, p.doltNorm = pgExpr, doltExpr, pn, dn
		return p
	}
	const tsFmt, myTsFmt = "'YYYY-MM-DD HH24:MI:SS.US'", "'%Y-%m-%d %H:%i:%s.%f'"
	if t.array {
		if jsonElem(t.elemName) {
			return set("to_json("+q+")::text", p.doltExpr, nJSON, nJSON)
		}
		// other elements are stored as JSON strings of their text form
		return set("to_json("+q+"::text[])::text", p.doltExpr, nJSON, nJSON)
	}
	// ±infinity compares under copy's clamp rule (--on-unrepresentable
	// auto or clamp): 9999-12-31 23:59:59.999999 and 0001-01-01 00:00:00
	// (to_char would give NULL).
	clamp := func(hi, lo, e string) string {
		return "CASE WHEN " + q + " = 'infinity' THEN '" + hi + "' WHEN " + q + " = '-infinity' THEN '" + lo + "' ELSE " + e + " END"
	}
	const tsHi, tsLo = "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00.000000"
	row, _ := pgtypes.ByTypname(t.name)
	if row == nil {
		row = &pgtypes.Type{} // not built in: the text comparison
	}
	switch row.Verify { // the type registry's verify reading
	case pgtypes.VerifyTimestampTZ:
		return set(clamp(tsHi, tsLo, "to_char("+q+" AT TIME ZONE 'UTC', "+tsFmt+")"), "DATE_FORMAT("+m+", "+myTsFmt+")", nText, nText)
	case pgtypes.VerifyTimestamp:
		return set(clamp(tsHi, tsLo, "to_char("+q+", "+tsFmt+")"), "DATE_FORMAT("+m+", "+myTsFmt+")", nText, nText)
	case pgtypes.VerifyDate:
		return set(clamp("9999-12-31", "0001-01-01", "to_char("+q+", 'YYYY-MM-DD')"), "DATE_FORMAT("+m+", '%Y-%m-%d')", nText, nText)
	case pgtypes.VerifyBool:
		return set("CASE WHEN "+q+" THEN '1' WHEN NOT "+q+" THEN '0' END", p.doltExpr, nText, nText)
	case pgtypes.VerifyTime, pgtypes.VerifyTimeTZ:
		// Dolt 1.83 returns NULL for CAST(time AS CHAR); TIME_FORMAT works.
		e := q
		if row.Verify == pgtypes.VerifyTimeTZ {
			e = "(" + q + " AT TIME ZONE 'UTC')::time"
		}
		if tt, ok := c.Type.Type.(*schema.TimeType); ok && (tt.T == "time" || tt.T == "timestamp") {
			return set(e+"::text", "TIME_FORMAT("+m+", '%H:%i:%s.%f')", nTime, nTime)
		}
		return set(e+"::text", p.doltExpr, nTime, nTime)
	case pgtypes.VerifyBytea:
		return set("encode("+q+", 'hex')", "LOWER(HEX("+m+"))", nText, nText)
	case pgtypes.VerifyNumber:
		return set(q+"::text", p.doltExpr, nNumber, nNumber)
	case pgtypes.VerifyMoney:
		return set(q+"::numeric::text", p.doltExpr, nNumber, nNumber)
	case pgtypes.VerifyFloat32:
		return set(q+"::text", p.doltExpr, nFloat32, nFloat32)
	case pgtypes.VerifyFloat64:
		return set(q+"::text", p.doltExpr, nFloat64, nFloat64)
	case pgtypes.VerifyJSON:
		return set(q+"::text", p.doltExpr, nJSON, nJSON)
	case pgtypes.VerifyBit:
		if _, ok := c.Type.Type.(*schema.BitType); ok {
			return set(q+"::text", "CAST("+m+" AS UNSIGNED)", nBits, nNumber)
		}
	}
	if _, ok := c.Type.Type.(*schema.JSONType); ok {
		// hstore and the like: compared through PostgreSQL's own JSON form
		return set("to_json("+q+")::text", p.doltExpr, nJSON, nJSON)
	}
	return p
}

// normalize returns the comparable form of a value read as text.
func normalize(v []byte, n norm) string {
	s := string(v)
	switch n {
	case nNumber:
		return canonDecimal(s)
	case nFloat32, nFloat64:
		bits := 64
		if n == nFloat32 {
			bits = 32
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), bits); err == nil {
			return strconv.FormatFloat(f, 'g', -1, bits)
		}
	case nJSON:
		return canonJSON(s)
	case nTime:
		return canonTime(s)
	case nBits:
		if u, err := strconv.ParseUint(s, 2, 64); err == nil {
			return strconv.FormatUint(u, 10)
		}
	}
	return s
}

// canonDecimal writes a decimal number without leading zeros in its integer
// part, trailing zeros in its fraction, or a sign on zero. Exponent forms
// are expanded exactly. Text that is not a number is returned as is.
func canonDecimal(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "eE") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return s
		}
		if r.IsInt() {
			return r.Num().String()
		}
		s = r.FloatString(400)
	}
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				if neg {
					return "-" + s
				}
				return s
			}
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

// canonTime writes HH:MM:SS with six fraction digits.
func canonTime(s string) string {
	hms, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if len(frac) > 6 {
		return s
	}
	return hms + "." + frac + strings.Repeat("0", 6-len(frac))
}

// jsonNumberMark tags a canonical JSON number, so that it cannot equal a
// JSON string holding the same characters.
const jsonNumberMark = "\x00n:"

// canonJSON re-encodes a JSON document with sorted object keys, no
// insignificant whitespace and exact numbers (1.0 = 1). Text that is not
// JSON is returned as is.
func canonJSON(s string) string {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return s
	}
	b, err := json.Marshal(canonJSONValue(x))
	if err != nil {
		return s
	}
	return string(b)
}

func canonJSONValue(x any) any {
	switch v := x.(type) {
	case json.Number:
		return jsonNumberMark + canonDecimal(string(v))
	case []any:
		for i := range v {
			v[i] = canonJSONValue(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = canonJSONValue(v[k])
		}
	}
	return x
}
