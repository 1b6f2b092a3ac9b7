package translate

import (
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// checkFits stops the run before anything is loaded when a value the
// first pass measured does not fit the type an override chose: a string
// longer than VARCHAR(n), a number too large for DECIMAL(p,s) or an
// integer type, a NULL in a column made NOT NULL. The error names the
// table, the column and the dump line of the offending row.
func (t *Translator) checkFits(stats map[colKey]*colStat) {
	for _, tb := range t.order {
		if tb.root() != tb || tb.out == nil || t.noData[tb] != (dump.Pos{}) {
			continue
		}
		for _, oc := range tb.out.Columns {
			k := colKey{tb, oc.PGName}
			src := oc.Override
			st := stats[k]
			if st == nil {
				continue
			}
			e := t.effOf(tb, oc.PGName)
			if oc.NotNull && st.nulls > 0 && !oc.AutoIncrement && (e != nil && e.Nullable.Set || t.ov != nil && t.ov.ddl[tb] != nil) {
				by := src
				if e != nil && e.Nullable.Set {
					by = e.Nullable.Source()
				}
				t.fitFail(st.nullPos, tb, oc, by, "the dump has %s in this column (the first on this line), which %s makes NOT NULL", plural(st.nulls, "NULL"), by)
			}
			if src == "" {
				continue
			}
			t.checkFit(tb, oc, st, src)
		}
	}
}

func (t *Translator) fitFail(pos dump.Pos, tb *table, oc *schema.Column, by, format string, args ...any) {
	at, _, _ := strings.Cut(by, " (")
	hint := fmt.Sprintf("widen the type at %s (pgcopy overrides suggest proposes types that fit), or change the row in PostgreSQL", at)
	if strings.Contains(format, "NULL") {
		hint = fmt.Sprintf("let the column be NULL (remove NOT NULL or nullable: false at %s), or fill the NULLs in PostgreSQL", at)
	}
	t.errs = append(t.errs, diag.New(pos, tb.pg.String(), oc.PGName, fmt.Errorf("overrides: "+format, args...), hint))
}

// checkFit checks the measured values of column oc against the Dolt type
// an override chose (by says which).
func (t *Translator) checkFit(tb *table, oc *schema.Column, st *colStat, by string) {
	typ, kind := oc.Type.Type, oc.Codec.Kind
	dolt := schema.FormatType(typ)
	switch kind {
	case vString:
		limit, unit := 0, "characters"
		if s, ok := typ.(*schema.StringType); ok {
			switch s.T {
			case "varchar", "char":
				limit = s.Size
			case "tinytext":
				limit, unit = 255, "bytes"
			case "text":
				limit, unit = 65535, "bytes"
			case "mediumtext":
				limit, unit = 16777215, "bytes"
			}
		}
		got, pos := st.maxChars, st.charsPos
		if unit == "bytes" {
			got, pos = st.maxBytes, st.bytesPos
		}
		if limit > 0 && got > limit {
			t.fitFail(pos, tb, oc, by, "a value of %d %s (the longest in the dump) does not fit %s, set by %s", got, unit, dolt, by)
		}
	case vBytea:
		limit := 0
		if b, ok := typ.(*schema.BinaryType); ok {
			switch b.T {
			case "varbinary", "binary":
				limit = b.Size
			case "tinyblob":
				limit = 255
			case "blob":
				limit = 65535
			case "mediumblob":
				limit = 16777215
			}
		}
		if limit > 0 && st.maxBytes > limit {
			t.fitFail(st.bytesPos, tb, oc, by, "a value of %d bytes (the longest in the dump) does not fit %s, set by %s", st.maxBytes, dolt, by)
		}
	case vNumeric, vInt:
		if d, ok := typ.(*schema.DecimalType); ok {
			n, s := d.Precision, d.Scale
			if n == 0 {
				n = 10 // MySQL's DECIMAL without precision is DECIMAL(10,0)
			}
			if st.intDigits > n-s {
				t.fitFail(st.intPos, tb, oc, by, "a number with %d integer digits does not fit %s (at most %d), set by %s", st.intDigits, dolt, n-s, by)
			}
			if kind == vNumeric && st.scale > s {
				t.fitFail(st.scalePos, tb, oc, by, "a number with %s would be rounded to %d by %s, set by %s", plural(int64(st.scale), "decimal place"), s, dolt, by)
			}
			return
		}
		if schema.IntRank(typ) == 0 {
			return
		}
		lo, hi, _ := intRange(typ)
		if kind == vNumeric {
			if st.scale > 0 {
				t.fitFail(st.scalePos, tb, oc, by, "a number with %s would be rounded by the integer type %s, set by %s", plural(int64(st.scale), "decimal place"), dolt, by)
			}
			if st.intDigits > len(hi.String()) {
				t.fitFail(st.intPos, tb, oc, by, "a number with %d integer digits does not fit %s, set by %s", st.intDigits, dolt, by)
			}
			return
		}
		if st.ints > 0 && (lo.Cmp(bigInt(st.minInt)) > 0) {
			t.fitFail(st.minPos, tb, oc, by, "the value %d does not fit %s, set by %s", st.minInt, dolt, by)
		}
		if st.ints > 0 && hi.Cmp(bigInt(st.maxInt)) < 0 {
			t.fitFail(st.maxPos, tb, oc, by, "the value %d does not fit %s, set by %s", st.maxInt, dolt, by)
		}
		if st.huge && !typ.(*schema.IntegerType).Unsigned {
			t.fitFail(st.hugePos, tb, oc, by, "a value beyond 9223372036854775807 does not fit %s, set by %s", dolt, by)
		}
	}
}
