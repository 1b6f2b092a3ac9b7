package translate

import (
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// ColumnPlan is one column of the Dolt schema as `pgcopy explain` prints
// it: the PostgreSQL type, the Dolt type, and the rule that decided it.
type ColumnPlan struct {
	Table     string   // PostgreSQL relation, e.g. "public.people"
	TablePos  dump.Pos // its CREATE TABLE
	DoltTable string   // the Dolt table; "" when an override skips the table
	// DoltDatabase is the Dolt database of the table when schemas become
	// databases (Options.Schemas), else "".
	DoltDatabase string
	Column       string // PostgreSQL column name
	DoltColumn   string // Dolt column name; "" when skipped
	PGType       string // as the dump writes it, e.g. "character varying"
	DoltType     string // e.g. "varchar(32) COLLATE utf8mb4_0900_ai_ci NOT NULL", or "(skipped)"
	// Rule is the override that decided the Dolt type, "file:line (column
	// rule)", "(table rule)", "(type rule)" or "(whole-table DDL)", or the
	// built-in rule, "built-in: text → longtext".
	Rule string
	// Notes are the other properties rules set (collation, nullable,
	// default, each with file:line) and what the first pass measured.
	Notes []string
}

// Suggestion is a starting override for a column whose PostgreSQL type
// has no length (text, varchar, char, citext) or no precision (numeric),
// from the values the first pass measured (pgcopy overrides suggest).
type Suggestion struct {
	Table, Column, PGType string
	Current               string   // the Dolt type pgcopy chooses without an override
	Type                  string   // the proposed Dolt type ([Headroom])
	Observed              string   // e.g. "longest 17 characters (dump.sql:40), 3 NULLs"
	Pos                   dump.Pos // the CREATE TABLE
}

// Plan returns every column of the dump's tables with the rule that
// decided its Dolt type, in dump order; call it after [Translator.Finish].
func (t *Translator) Plan() []ColumnPlan { return t.plan }

// Suggestions returns, after [Translator.Finish], a proposal for every
// column without a length or precision that no override decides and whose
// values the first pass saw.
func (t *Translator) Suggestions() []Suggestion { return t.suggest }

// buildDecisions builds the plan and the suggestions from the model:
// each Column's Rule and RuleNotes, and what the first pass measured
// (stats; keyStats for the key columns whose type was inferred from the
// values of every column foreign keys link them to).
func (t *Translator) buildDecisions(stats, keyStats map[colKey]*colStat) {
	t.plan, t.suggest = nil, nil
	var skipped []*table
	if t.ov != nil {
		skipped = t.ov.skippedTabs
	}
	for _, tb := range skipped {
		for _, c := range tb.cols {
			t.plan = append(t.plan, ColumnPlan{Table: tb.pg.String(), TablePos: tb.pos, Column: c.name, PGType: pgTypeString(c.tn),
				DoltType: "(table skipped)", Rule: t.skipped[tb.pg.String()].String() + " (table rule: skip)"})
		}
	}
	for _, tb := range t.order {
		if tb.root() != tb || tb.out == nil {
			continue
		}
		out := tb.out
		var tableNotes []string
		if pos, ok := t.noData[tb]; ok {
			tableNotes = append(tableNotes, "rows not loaded: "+pos.String()+" (table rule: skip_data)")
		}
		for _, c := range tb.cols {
			k := colKey{tb, c.name}
			p := ColumnPlan{Table: tb.pg.String(), TablePos: tb.pos, DoltTable: out.Name, DoltDatabase: out.Database, Column: c.name, PGType: pgTypeString(c.tn)}
			oc := out.ColumnByPG(c.name)
			if oc == nil {
				p.DoltType = "(column skipped)"
				if e := t.effOf(tb, c.name); e != nil && e.Skip.Set {
					p.Rule = e.Skip.Source()
				}
				t.plan = append(t.plan, p)
				continue
			}
			p.DoltColumn = oc.Name
			p.DoltType = schema.FormatType(oc.Type.Type)
			if oc.Collation != "" {
				p.DoltType += " COLLATE " + oc.Collation
			}
			if oc.NotNull {
				p.DoltType += " NOT NULL"
			}
			if oc.AutoIncrement {
				p.DoltType += " AUTO_INCREMENT"
			}
			ddl := t.ddlOf(tb) != nil
			if ddl {
				p.Rule = oc.Override
			} else {
				p.Rule = oc.Rule
				p.Notes = append(p.Notes, oc.RuleNotes...)
			}
			st := stats[k]
			if ks := keyStats[k]; ks != nil && !ddl && !t.effOf(tb, c.name).TypeDecided() {
				st = ks // the key column's type was inferred from these
			}
			kind := oc.Codec.Kind
			if obs := observed(st, kind); obs != "" {
				p.Notes = append(p.Notes, obs)
			}
			p.Notes = append(p.Notes, tableNotes...)
			t.plan = append(t.plan, p)

			// a suggestion for a column without a length or precision
			if oc.Override != "" || st == nil || st.values == 0 {
				continue
			}
			tn := t.resolveDomain(c.tn)
			var typ string
			switch {
			case inferableText(tn):
				if n, ok := inferVarchar(st); ok {
					typ = schema.FormatType(schema.Varchar(n))
				}
			case inferableNumeric(tn):
				if pr, sc, ok := inferDecimal(st); ok {
					typ = schema.FormatType(schema.Decimal(pr, sc))
				}
			}
			if typ != "" {
				t.suggest = append(t.suggest, Suggestion{Table: tb.pg.String(), Column: c.name, PGType: pgTypeString(c.tn),
					Current: schema.FormatType(oc.Type.Type), Type: typ, Observed: observed(st, kind), Pos: c.pos})
			}
		}
	}
}

// observed says what the first pass saw of a column, or "".
func observed(st *colStat, kind valKind) string {
	if st == nil || st.values+st.nulls == 0 {
		return ""
	}
	var parts []string
	switch kind {
	case vString:
		if st.values > 0 {
			parts = append(parts, fmt.Sprintf("longest %d characters (%s)", st.maxChars, st.charsPos))
		}
	case vBytea:
		if st.values > 0 {
			parts = append(parts, fmt.Sprintf("longest %d bytes (%s)", st.maxBytes, st.bytesPos))
		}
	case vNumeric:
		if st.nums > 0 {
			parts = append(parts, fmt.Sprintf("at most %d integer digits (%s) and %d decimal places (%s)", st.intDigits, st.intPos, st.scale, st.scalePos))
		}
	case vInt:
		if st.ints > 0 {
			parts = append(parts, fmt.Sprintf("values %d to %d", st.minInt, st.maxInt))
		}
	}
	parts = append(parts, plural(st.values, "value"))
	if st.nulls > 0 {
		parts = append(parts, plural(st.nulls, "NULL"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
