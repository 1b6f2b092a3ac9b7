package translate

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// measureKind says what is measured of a column's values in the first pass.
type measureKind int

const (
	mNone  measureKind = iota // nothing (floats, money)
	mText                     // characters and bytes of the text form
	mBytea                    // bytes of the decoded value
	mNum                      // integer digits and scale of a numeric
	mInt                      // smallest and largest integer
)

// colStat is what the first pass saw of one column's values: the longest
// value, the most integer digits, the largest scale, the integer range and
// the NULLs, each with the dump line of the first row that reached it.
type colStat struct {
	values, nulls int64
	nullPos       dump.Pos

	maxChars int
	charsPos dump.Pos
	maxBytes int
	bytesPos dump.Pos

	nums      int64 // finite numbers seen
	intDigits int
	intPos    dump.Pos
	scale     int
	scalePos  dump.Pos

	ints           int64
	minInt, maxInt int64
	minPos, maxPos dump.Pos
	huge           bool // an integer beyond int64 (bigint unsigned, oid)
	hugePos        dump.Pos
}

func (s *colStat) observe(k measureKind, v []byte, pos dump.Pos) {
	s.values++
	switch k {
	case mText:
		if n := len(v); n > s.maxBytes {
			s.maxBytes, s.bytesPos = n, pos
		}
		if n := utf8.RuneCount(v); n > s.maxChars {
			s.maxChars, s.charsPos = n, pos
		}
	case mBytea:
		n := len(v)
		if len(v) >= 2 && v[0] == '\\' && v[1] == 'x' {
			n = (len(v) - 2) / 2
		} else if b, err := pgtext.Bytea(string(v)); err == nil {
			n = len(b)
		}
		if n > s.maxBytes {
			s.maxBytes, s.bytesPos = n, pos
		}
	case mNum:
		i, sc, ok := numDigits(string(v))
		if !ok {
			return
		}
		s.nums++
		if i > s.intDigits {
			s.intDigits, s.intPos = i, pos
		}
		if sc > s.scale {
			s.scale, s.scalePos = sc, pos
		}
	case mInt:
		n, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, 64)
		if err != nil {
			if _, uerr := strconv.ParseUint(strings.TrimSpace(string(v)), 10, 64); uerr == nil && !s.huge {
				s.huge, s.hugePos = true, pos
			}
			return
		}
		if s.ints == 0 || n < s.minInt {
			s.minInt, s.minPos = n, pos
		}
		if s.ints == 0 || n > s.maxInt {
			s.maxInt, s.maxPos = n, pos
		}
		s.ints++
		if d := len(strconv.FormatInt(n, 10)) - b2i(n < 0); n != 0 && d > s.intDigits {
			s.intDigits, s.intPos = d, pos
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// merge adds o's observations to s (the rows of a partition to its
// parent's, or the columns a foreign key links). On a tie the earlier dump
// line is kept, so the result does not depend on the merge order.
func (s *colStat) merge(o *colStat) {
	if o == nil {
		return
	}
	if o.nulls > 0 && (s.nulls == 0 || before(o.nullPos, s.nullPos)) {
		s.nullPos = o.nullPos
	}
	s.values += o.values
	s.nulls += o.nulls
	if wins(o.maxChars, s.maxChars, o.charsPos, s.charsPos) {
		s.maxChars, s.charsPos = o.maxChars, o.charsPos
	}
	if wins(o.maxBytes, s.maxBytes, o.bytesPos, s.bytesPos) {
		s.maxBytes, s.bytesPos = o.maxBytes, o.bytesPos
	}
	s.nums += o.nums
	if wins(o.intDigits, s.intDigits, o.intPos, s.intPos) {
		s.intDigits, s.intPos = o.intDigits, o.intPos
	}
	if wins(o.scale, s.scale, o.scalePos, s.scalePos) {
		s.scale, s.scalePos = o.scale, o.scalePos
	}
	if o.ints > 0 {
		if s.ints == 0 || o.minInt < s.minInt || o.minInt == s.minInt && before(o.minPos, s.minPos) {
			s.minInt, s.minPos = o.minInt, o.minPos
		}
		if s.ints == 0 || o.maxInt > s.maxInt || o.maxInt == s.maxInt && before(o.maxPos, s.maxPos) {
			s.maxInt, s.maxPos = o.maxInt, o.maxPos
		}
		s.ints += o.ints
	}
	if o.huge && (!s.huge || before(o.hugePos, s.hugePos)) {
		s.huge, s.hugePos = true, o.hugePos
	}
}

// wins reports whether the observation (a, at pa) replaces (b, at pb): it
// is larger, or as large and earlier in the dump.
func wins(a, b int, pa, pb dump.Pos) bool {
	return a > b || a == b && pa.Line > 0 && before(pa, pb)
}

// before orders dump positions; an unset position comes last.
func before(a, b dump.Pos) bool {
	if b.Line == 0 {
		return a.Line > 0
	}
	return a.Line > 0 && (a.File < b.File || a.File == b.File && a.Line < b.Line)
}

// numDigits returns the integer digits (without leading zeros) and the
// scale (without trailing zeros) a decimal text needs to be stored exactly:
// "-0012.500" is 2 and 1, "0.05" is 0 and 2, "1.5e3" is 4 and 0. ok is
// false for NaN, Infinity and text that is not a number.
func numDigits(s string) (intDigits, scale int, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "+-")
	if s == "" {
		return 0, 0, false
	}
	if strings.ContainsAny(s, "eE") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return 0, 0, false
		}
		r.Abs(r)
		// the scale is the power of ten that makes the denominator 1
		den := new(big.Int).Set(r.Denom())
		ten, two, five := big.NewInt(10), big.NewInt(2), big.NewInt(5)
		for den.Cmp(big.NewInt(1)) != 0 {
			switch {
			case new(big.Int).Mod(den, ten).Sign() == 0:
				den.Div(den, ten)
			case new(big.Int).Mod(den, two).Sign() == 0:
				den.Div(den, two)
			case new(big.Int).Mod(den, five).Sign() == 0:
				den.Div(den, five)
			default:
				return 0, 0, false
			}
			scale++
		}
		ip := new(big.Int).Quo(r.Num(), r.Denom())
		if ip.Sign() != 0 {
			intDigits = len(ip.String())
		}
		return intDigits, scale, true
	}
	ip, fp, _ := strings.Cut(s, ".")
	for _, c := range ip + fp {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
	}
	ip = strings.TrimLeft(ip, "0")
	fp = strings.TrimRight(fp, "0")
	return len(ip), len(fp), true
}

// Meter measures the rows of one COPY block in the first pass; see
// [Translator.Measure]. A nil *Meter measures nothing.
type Meter struct {
	stats  []*colStat
	kinds  []measureKind
	fields []pgtext.Field
}

// Measure is the first pass's data hook. For a COPY block it returns a
// Meter whose Row method the caller feeds each data line; for an INSERT
// statement it measures the statement's rows at once and returns nil; for
// anything else, or a table the dump never creates, it returns nil.
//
// It records, per column, the longest value (characters and bytes), the
// most integer digits and the largest scale of numbers, the integer range
// and the NULLs, each with the dump line of the row that first reached it.
// [Translator.Finish] uses them to infer VARCHAR(n) and DECIMAL(p,s) for
// columns without a length (see package doc, "Lengths"), and to stop the
// run before anything is loaded when a value does not fit a type an
// override chose. A row that does not decode is left to the second pass,
// which reports it.
func (t *Translator) Measure(ev dump.Event) *Meter {
	switch {
	case ev.Kind == dump.Copy:
		tree, err := pg.Parse(ev.Text)
		if err != nil || len(tree.Stmts) == 0 {
			return nil
		}
		cs := tree.Stmts[0].Stmt.GetCopyStmt()
		if cs == nil || cs.Relation == nil {
			return nil
		}
		tb := t.tables[t.refName(cs.Relation).String()]
		if tb == nil {
			return nil
		}
		m := &Meter{}
		m.stats, m.kinds = t.measureCols(tb, strList(nodesOfResTargets(cs.Attlist)))
		return m
	case ev.Kind == dump.Stmt && isInsert(ev.Text):
		t.measureInsert(ev)
	}
	return nil
}

// Row measures one COPY data line (without its line terminator).
func (m *Meter) Row(line []byte, pos dump.Pos) {
	if m == nil {
		return
	}
	var err error
	m.fields, err = pgtext.DecodeRow(line, m.fields)
	if err != nil || len(m.fields) != len(m.stats) {
		return
	}
	for i, f := range m.fields {
		st := m.stats[i]
		if st == nil {
			continue
		}
		if f.Null {
			if st.nulls == 0 {
				st.nullPos = pos
			}
			st.nulls++
			continue
		}
		st.observe(m.kinds[i], f.Value, pos)
	}
}

// measureCols returns the stats to fill, and how, for the named columns of
// tb (all columns when cols is empty); nil for a column tb lacks.
func (t *Translator) measureCols(tb *table, cols []string) ([]*colStat, []measureKind) {
	if len(cols) == 0 {
		for _, c := range tb.cols {
			cols = append(cols, c.name)
		}
	}
	if t.stats[tb] == nil {
		t.stats[tb] = map[string]*colStat{}
	}
	stats := make([]*colStat, len(cols))
	kinds := make([]measureKind, len(cols))
	for i, name := range cols {
		c := tb.column(name)
		if c == nil {
			continue
		}
		st := t.stats[tb][name]
		if st == nil {
			st = &colStat{}
			t.stats[tb][name] = st
		}
		stats[i] = st
		kinds[i] = t.measureKindOf(c)
	}
	return stats, kinds
}

func (t *Translator) measureKindOf(c *column) measureKind {
	ct, err := t.mapType(t.resolveDomain(c.tn))
	if err != nil {
		return mNone
	}
	switch ct.kind {
	case vInt:
		return mInt
	case vNumeric:
		return mNum
	case vBytea:
		return mBytea
	case vFloat, vMoney:
		return mNone
	}
	return mText
}

// measureInsert measures the rows of one INSERT statement of the first
// pass, all at the statement's line.
func (t *Translator) measureInsert(ev dump.Event) {
	tree, err := pg.Parse(ev.Text)
	if err != nil || len(tree.Stmts) == 0 {
		return
	}
	is := tree.Stmts[0].Stmt.GetInsertStmt()
	if is == nil || is.Relation == nil {
		return
	}
	tb := t.tables[t.refName(is.Relation).String()]
	if tb == nil {
		return
	}
	stats, kinds := t.measureCols(tb, strList(nodesOfResTargets(is.Cols)))
	sel := is.SelectStmt.GetSelectStmt()
	if sel == nil {
		return
	}
	for _, vl := range sel.ValuesLists {
		items := vl.GetList().GetItems()
		if len(items) != len(stats) {
			continue
		}
		for i, it := range items {
			if stats[i] == nil || it.GetSetToDefault() != nil {
				continue
			}
			f, err := constField(it)
			if err != nil {
				continue
			}
			if f.Null {
				if stats[i].nulls == 0 {
					stats[i].nullPos = ev.Pos
				}
				stats[i].nulls++
				continue
			}
			stats[i].observe(kinds[i], f.Value, ev.Pos)
		}
	}
}

// rootStats merges the observations of every table whose rows go to a root
// table (a partitioned table and its partitions), per column.
func (t *Translator) rootStats() map[colKey]*colStat {
	out := map[colKey]*colStat{}
	for tb, cols := range t.stats {
		root := tb.root()
		for name, st := range cols {
			k := colKey{root, name}
			if out[k] == nil {
				out[k] = &colStat{}
			}
			out[k].merge(st)
		}
	}
	return out
}

// Headroom is the VARCHAR length pgcopy chooses for a column whose longest
// value has n characters: the next power of two at or above n, at least 16
// (16, 32, 64, ... 8192, 16384). A length above Dolt's VARCHAR limit of
// 16383 characters becomes n itself. The same rule gives a DECIMAL's
// integer digits.
func Headroom(n int) int {
	h := 16
	for h < n {
		h *= 2
	}
	return h
}

// maxVarchar is Dolt's VARCHAR limit in utf8mb4 characters (65,535 bytes).
const maxVarchar = 16383

// inferVarchar returns the VARCHAR length for the observed values; ok is
// false when no value was seen or the longest exceeds maxVarchar.
func inferVarchar(st *colStat) (n int, ok bool) {
	if st == nil || st.values == 0 {
		return 0, false
	}
	n = Headroom(st.maxChars)
	if n > maxVarchar {
		n = st.maxChars
	}
	return n, n <= maxVarchar
}

// inferVarbinary is inferVarchar for bytes (VARBINARY holds 65,535).
func inferVarbinary(st *colStat) (n int, ok bool) {
	if st == nil || st.values == 0 {
		return 0, false
	}
	n = Headroom(st.maxBytes)
	if n > maxVarchar {
		n = st.maxBytes
	}
	return n, n <= maxVarchar
}

// inferDecimal returns DECIMAL(p,s) for the observed numbers: s is the
// largest scale seen (trailing zeros do not count), the integer digits
// p-s are Headroom of the most integer digits seen, and p is at most 65.
// ok is false when no number was seen or the numbers need more than
// DECIMAL(65,30) holds.
func inferDecimal(st *colStat) (p, s int, ok bool) {
	if st == nil || st.nums == 0 || st.scale > 30 {
		return 0, 0, false
	}
	s = st.scale
	i := Headroom(st.intDigits)
	if i+s > 65 {
		i = 65 - s
	}
	if st.intDigits > i {
		return 0, 0, false
	}
	return i + s, s, true
}

// intRange is the value range of a Dolt integer type; ok is false for
// other types.
func intRange(t schema.Type) (lo, hi *big.Int, ok bool) {
	bits := uint(schema.IntBits(t))
	if bits == 0 {
		return nil, nil, false
	}
	one := big.NewInt(1)
	if t.(*schema.IntegerType).Unsigned {
		hi = new(big.Int).Sub(new(big.Int).Lsh(one, bits), one)
		return big.NewInt(0), hi, true
	}
	hi = new(big.Int).Sub(new(big.Int).Lsh(one, bits-1), one)
	lo = new(big.Int).Neg(new(big.Int).Lsh(one, bits-1))
	return lo, hi, true
}
