package translate

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
)

// pgCollation is a CREATE COLLATION of the dump (PostgreSQL manual §24.2,
// "Collation Support").
type pgCollation struct {
	provider, locale string
	deterministic    bool
	from             string
}

func (t *Translator) createCollation(pos dump.Pos, s *pg.DefineStmt) {
	name := t.qualifyType(strList(s.Defnames))
	c := &pgCollation{deterministic: true, provider: "libc"}
	for _, n := range s.Definition {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		v := defElemString(de.Arg)
		switch strings.ToLower(de.Defname) {
		case "provider":
			c.provider = strings.ToLower(v)
		case "locale", "lc_collate":
			c.locale = v
		case "deterministic":
			c.deterministic = !(strings.EqualFold(v, "false") || v == "0" || strings.EqualFold(v, "off") || strings.EqualFold(v, "no"))
		case "from":
			c.from = v
		}
	}
	t.collations[name] = c
	dolt, why := t.mapCollation(name)
	t.rep.Add("COLLATION", name, report.Changed, pos, "becomes %s on each column that uses it: %s", dolt, why)
}

func defElemString(n *pg.Node) string {
	if n == nil {
		return ""
	}
	switch {
	case n.GetString_() != nil:
		return n.GetString_().Sval
	case n.GetTypeName() != nil:
		_, name := typeNameParts(n.GetTypeName())
		return name
	case n.GetAConst() != nil && n.GetAConst().GetSval() != nil:
		return n.GetAConst().GetSval().Sval
	case n.GetAConst() != nil && n.GetAConst().GetBoolval() != nil:
		return strconv.FormatBool(n.GetAConst().GetBoolval().Boolval)
	case n.GetBoolean() != nil:
		return strconv.FormatBool(n.GetBoolean().Boolval)
	case n.GetList() != nil:
		return strings.Join(strList(n.GetList().Items), ".")
	}
	return ""
}

// mapCollation maps a PostgreSQL collation to a Dolt collation and says
// why (PostgreSQL manual §24.2.2.4 "Nondeterministic Collations"; Dolt's
// collations are MySQL's, dolt-facts E). Deterministic collations, "C"
// and ICU or libc locales alike, call two strings equal only when their
// bytes are equal, which is utf8mb4_0900_bin's equality; only their sort
// order differs. A nondeterministic ICU collation at strength level 1 or
// 2 (und-u-ks-level2, ...) ignores case (and at level 1 accents):
// utf8mb4_0900_as_ci and utf8mb4_0900_ai_ci compare the same way.
func (t *Translator) mapCollation(name string) (dolt, why string) {
	bare := strings.TrimPrefix(name, "pg_catalog.")
	switch bare {
	case "C", "POSIX", "ucs_basic", "default", "pg_c_utf8":
		return "utf8mb4_0900_bin", ""
	}
	c := t.collations[name]
	if c == nil && !strings.Contains(name, ".") {
		for k, v := range t.collations {
			if strings.HasSuffix(k, "."+name) {
				c = v
			}
		}
	}
	if c != nil && c.from != "" {
		return t.mapCollation(c.from)
	}
	if c != nil && !c.deterministic {
		l := strings.ToLower(c.locale)
		switch {
		case strings.Contains(l, "ks-level1") || strings.Contains(l, "colstrength=primary"):
			return "utf8mb4_0900_ai_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) ignores case and accents; utf8mb4_0900_ai_ci compares the same way (ORDER BY may differ)", c.provider, name, c.locale)
		case strings.Contains(l, "ks-level2") || strings.Contains(l, "colstrength=secondary"):
			return "utf8mb4_0900_as_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) ignores case; utf8mb4_0900_as_ci compares the same way (ORDER BY may differ)", c.provider, name, c.locale)
		}
		return "utf8mb4_0900_as_ci", fmt.Sprintf("nondeterministic %s collation %s (%s) has no exact Dolt equivalent; utf8mb4_0900_as_ci (case-insensitive) is the nearest; override the column's collation if it does not suit", c.provider, name, c.locale)
	}
	return "utf8mb4_0900_bin", fmt.Sprintf("COLLATE %s is deterministic: equality and uniqueness are byte-wise, as in utf8mb4_0900_bin, but ORDER BY sorts by code point instead of %s's order; override the column's collation (e.g. utf8mb4_0900_as_cs) to sort by language rules", name, name)
}
