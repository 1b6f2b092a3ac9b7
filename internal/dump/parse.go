package dump

import (
	"bytes"
	"strings"
)

// parseTOC parses the middle line of a pg_dump TOC comment block, given the
// text after its "--":
//
//	Name: film film_pkey; Type: CONSTRAINT; Schema: public; Owner: -
//	Data for Name: film; Type: TABLE DATA; Schema: public; Owner: -
//
// It splits from the right, since the name may contain "; ".
func parseTOC(text []byte) (*TOC, bool) {
	s := strings.TrimSpace(string(text))
	switch {
	case strings.HasPrefix(s, "Name: "):
		s = s[len("Name: "):]
	case strings.HasPrefix(s, "Data for Name: "):
		s = s[len("Data for Name: "):]
	default:
		return nil, false
	}
	if i := strings.LastIndex(s, "; Tablespace: "); i >= 0 {
		s = s[:i]
	}
	var t TOC
	var ok bool
	if s, t.Owner, ok = cutLast(s, "; Owner: "); !ok {
		return nil, false
	}
	if s, t.Schema, ok = cutLast(s, "; Schema: "); !ok {
		return nil, false
	}
	if t.Name, t.Type, ok = cutLast(s, "; Type: "); !ok {
		return nil, false
	}
	if t.Schema == "-" {
		t.Schema = ""
	}
	if t.Owner == "-" {
		t.Owner = ""
	}
	return &t, true
}

// cutLast splits s around the last instance of sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// parseHeader records the versions from the comments
// "-- Dumped from database version X" and "-- Dumped by pg_dump version Y",
// given the text after "--". The first of each wins.
func parseHeader(text []byte, h *Header) {
	s := strings.TrimSpace(string(text))
	if v, ok := strings.CutPrefix(s, "Dumped from database version "); ok && h.ServerVersion == "" {
		h.ServerVersion = strings.TrimSpace(v)
	} else if v, ok := strings.CutPrefix(s, "Dumped by pg_dump version "); ok && h.PgDumpVersion == "" {
		h.PgDumpVersion = strings.TrimSpace(v)
	}
}

// isCopyFromStdin reports whether the statement text has the form
// "COPY name [(column, ...)] FROM stdin ..." (keywords in any case), the
// form pg_dump writes before table data (PostgreSQL manual, "COPY"). The
// name may be schema-qualified and quoted.
func isCopyFromStdin(text []byte) bool {
	s := text
	if len(s) < 4 || !bytes.EqualFold(s[:4], []byte("copy")) {
		return false
	}
	s = s[4:]
	if len(s) == 0 || isIdentCont(s[0]) {
		return false
	}
	s = skipBlanks(s)
	// The table name: identifiers, quoted identifiers and dots.
	n := 0
name:
	for len(s) > 0 {
		switch c := s[0]; {
		case c == '"':
			k := scanIdent(s[1:])
			if k < 0 {
				return false
			}
			s = s[1+k:]
		case c == '.' || isIdentCont(c):
			s = s[1:]
		default:
			break name
		}
		n++
	}
	if n == 0 {
		return false
	}
	s = skipBlanks(s)
	if len(s) > 0 && s[0] == '(' {
		// The column list.
		depth := 0
		for len(s) > 0 {
			c := s[0]
			s = s[1:]
			if c == '"' {
				k := scanIdent(s)
				if k < 0 {
					return false
				}
				s = s[k:]
			} else if c == '(' {
				depth++
			} else if c == ')' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if depth != 0 {
			return false
		}
		s = skipBlanks(s)
	}
	if !hasWordFold(s, "from") {
		return false
	}
	s = s[4:]
	if len(s) == 0 || !isBlank(s[0]) {
		return false
	}
	return hasWordFold(skipBlanks(s), "stdin")
}

// hasWordFold reports whether s starts with the word w (ASCII, any case)
// not followed by an identifier character.
func hasWordFold(s []byte, w string) bool {
	return len(s) >= len(w) && bytes.EqualFold(s[:len(w)], []byte(w)) &&
		(len(s) == len(w) || !isIdentCont(s[len(w)]))
}

// skipBlanks returns s without its leading SQL white space.
func skipBlanks(s []byte) []byte {
	for len(s) > 0 && isBlank(s[0]) {
		s = s[1:]
	}
	return s
}

// stdStringsSetting recognises "SET [SESSION|LOCAL] standard_conforming_strings
// {=|TO} value;" and returns the new setting. pg_dump writes it with "on"
// near the top of every dump (PostgreSQL manual, "String Constants",
// §4.1.2.1, and "SET").
func stdStringsSetting(text []byte) (on, ok bool) {
	if len(text) < 30 || !hasWordFold(text, "set") {
		return false, false
	}
	s := strings.ToLower(string(text))
	s = strings.TrimSuffix(strings.TrimSpace(s), ";")
	s = strings.Replace(s, "=", " to ", 1)
	f := strings.Fields(s)
	if len(f) > 1 && (f[1] == "session" || f[1] == "local") {
		f = append(f[:1], f[2:]...)
	}
	if len(f) != 4 || f[1] != "standard_conforming_strings" || f[2] != "to" {
		return false, false
	}
	switch strings.Trim(f[3], "'") {
	case "on", "true", "yes", "1", "default":
		return true, true
	case "off", "false", "no", "0":
		return false, true
	}
	return false, false
}
