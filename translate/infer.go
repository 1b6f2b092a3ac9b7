package translate

import (
	"fmt"
	"math/big"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/translate/schema"
)

// keyGroupStats merges the measurements of the columns that foreign keys
// link (directly or through a chain), so both sides of a foreign key get
// one inferred length. Columns linked to no other column are not in the
// result.
func (t *Translator) keyGroupStats(keyed map[colKey]string, stats map[colKey]*colStat) map[colKey]*colStat {
	out := map[colKey]*colStat{}
	for _, g := range t.fkColumnGroups() {
		merged := &colStat{}
		for _, k := range g {
			merged.merge(stats[k])
		}
		for _, k := range g {
			out[k] = merged
		}
	}
	return out
}

// inferKey chooses the type of a column a Dolt key must hold in full
// (keyReason says which key): text becomes VARCHAR(n) and bytea
// VARBINARY(n) from the longest value measured ([Headroom]); a numeric
// without precision becomes DECIMAL(p,s). Without rows to measure, text
// falls back to VARCHAR([Options.KeyLength]).
func (t *Translator) inferKey(tb *table, c *column, ct *colType, keyReason string, st *colStat, out *schema.Column) {
	pgType := pgTypeString(c.tn)
	switch {
	case ct.blob() && (ct.kind == vString || ct.kind == vBytea):
		vtype, unit, longest, at := "varchar", "characters", 0, ""
		n, ok := inferVarchar(st)
		if st != nil {
			longest, at = st.maxChars, st.charsPos.String()
		}
		if ct.kind == vBytea {
			vtype, unit = "varbinary", "bytes"
			n, ok = inferVarbinary(st)
			if st != nil {
				longest, at = st.maxBytes, st.bytesPos.String()
			}
		}
		sized := func(n int) schema.Type {
			if vtype == "varbinary" {
				return &schema.BinaryType{T: vtype, Size: n}
			}
			return schema.Varchar(n)
		}
		switch {
		case ok:
			ct.dolt = sized(n)
			ct.group = "key column stored as VARCHAR/VARBINARY with headroom over its longest value (Dolt cannot key TEXT or BLOB)"
			ct.change = joinNotes(ct.change, fmt.Sprintf("%s in %s stored as %s, as Dolt cannot key a TEXT or BLOB column there: the longest value it holds or shares through foreign keys has %d %s (%s), and pgcopy allows the next power of two, at least 16; pin the length with an override (pgcopy overrides suggest writes one)",
				pgType, keyReason, schema.FormatType(ct.dolt), longest, unit, at))
			out.Rule = fmt.Sprintf("built-in: key column → %s (headroom over the longest value)", schema.FormatType(ct.dolt))
		case st != nil && st.values > 0:
			t.fail(st.charsPos, tb.pg.String(), c.name, "give the table a surrogate key, or override the column's type",
				"a value of %d %s is in %s, but Dolt keys such a column only as %s, which holds at most %d", longest, unit, keyReason, vtype, maxVarchar)
		default:
			ct.dolt = sized(t.opts.KeyLength)
			ct.group = "key column without rows to measure stored as VARCHAR/VARBINARY of the default key length (255); longer values are rejected at load"
			ct.change = joinNotes(ct.change, fmt.Sprintf("%s in %s stored as %s, as Dolt cannot key a TEXT or BLOB column there; the dump has no rows to measure, so longer values are rejected at load; set the length with an override",
				pgType, keyReason, schema.FormatType(ct.dolt)))
			out.Rule = fmt.Sprintf("built-in: key column without rows to measure (%s)", schema.FormatType(ct.dolt))
		}
	case ct.kind == vNumeric && unbounded(ct.dolt):
		t.inferDecimalType(c, ct, st, out, "in "+keyReason)
	}
}

// inferLength applies --infer-lengths to a column in no key: text,
// varchar and char without a length become VARCHAR(n), numeric without
// precision DECIMAL(p,s), when the first pass saw values.
func (t *Translator) inferLength(tb *table, c *column, ct *colType, st *colStat, out *schema.Column) {
	tn := t.resolveDomain(c.tn)
	switch {
	case ct.blob() && ct.kind == vString && inferableText(tn):
		n, ok := inferVarchar(st)
		if !ok {
			return
		}
		ct.dolt = schema.Varchar(n)
		ct.change = fmt.Sprintf("%s stored as %s (--infer-lengths): the longest value has %d characters (%s), and pgcopy allows the next power of two, at least 16", pgTypeString(c.tn), schema.FormatType(ct.dolt), st.maxChars, st.charsPos)
		out.Rule = fmt.Sprintf("built-in: --infer-lengths → %s (headroom over the longest value)", schema.FormatType(ct.dolt))
	case ct.kind == vNumeric && unbounded(ct.dolt):
		t.inferDecimalType(c, ct, st, out, "(--infer-lengths)")
	}
}

// unbounded reports whether t is the decimal(65,30) of a numeric without
// precision.
func unbounded(t schema.Type) bool {
	d, ok := t.(*schema.DecimalType)
	return ok && *d == *schema.Decimal(65, 30)
}

func (t *Translator) inferDecimalType(c *column, ct *colType, st *colStat, out *schema.Column, why string) {
	p, s, ok := inferDecimal(st)
	if !ok {
		return
	}
	ct.dolt = schema.Decimal(p, s)
	ct.change = fmt.Sprintf("%s %s stored as %s: the numbers have at most %d integer digits (%s) and %d decimal places (%s); pgcopy allows the next power of two of integer digits, at least 16",
		pgTypeString(c.tn), why, schema.FormatType(ct.dolt), st.intDigits, st.intPos, st.scale, st.scalePos)
	out.Rule = fmt.Sprintf("built-in: numeric without precision → %s (headroom over the digits seen)", schema.FormatType(ct.dolt))
}

// inferableText reports whether tn is text, or varchar, char or citext
// without a length: the types --infer-lengths narrows.
func inferableText(tn *pg.TypeName) bool {
	_, name := canonType(tn)
	if len(tn.ArrayBounds) > 0 || len(tn.Typmods) > 0 {
		return false
	}
	switch name {
	case "text", "varchar", "bpchar", "citext":
		return true
	}
	return false
}

// inferableNumeric reports whether tn is numeric without precision.
func inferableNumeric(tn *pg.TypeName) bool {
	_, name := canonType(tn)
	return name == "numeric" && len(tn.Typmods) == 0 && len(tn.ArrayBounds) == 0
}

// builtinRule describes the built-in mapping of a column's type.
func builtinRule(declared, resolved *pg.TypeName, ct colType) string {
	s := pgTypeString(declared) + " → " + schema.FormatType(ct.dolt)
	if resolved != declared {
		s = pgTypeString(declared) + " (domain over " + pgTypeString(resolved) + ") → " + schema.FormatType(ct.dolt)
	}
	if ct.collation != "" {
		s += " COLLATE " + ct.collation
	}
	return s
}

func bigInt(n int64) *big.Int { return big.NewInt(n) }
