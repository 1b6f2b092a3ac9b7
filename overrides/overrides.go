package overrides

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Prop is one property an override sets. Set is false when the file does
// not mention it; Pos is the line of the property's key.
type Prop[T any] struct {
	Set   bool
	Value T
	Pos   dump.Pos
}

// Props are the properties a rule can give a column.
type Props struct {
	// Type is a Dolt column type, written as in MySQL, e.g. "varchar(32)",
	// "decimal(12,2)", "bigint unsigned", "enum('a','b')", and read by
	// [ParseType].
	Type Prop[schema.Type]
	// Length keeps the Dolt type family pgcopy would choose and sets its
	// length: "32" turns text or varchar into varchar(32) and bytea into
	// varbinary(32); "12,2" turns numeric into decimal(12,2).
	Length Prop[string]
	// Collation is a Dolt collation such as utf8mb4_0900_ai_ci.
	Collation Prop[string]
	// Default is a MySQL expression; Value nil drops the default.
	Default Prop[*string]
	// Nullable false adds NOT NULL; true drops it.
	Nullable Prop[bool]
	// Skip leaves the column out of the Dolt table; its values are dropped.
	Skip Prop[bool]
}

// Any reports whether p sets anything.
func (p *Props) Any() bool {
	return p.Type.Set || p.Length.Set || p.Collation.Set || p.Default.Set || p.Nullable.Set || p.Skip.Set
}

// Column is a rule for one column of one table.
type Column struct {
	Name string // the PostgreSQL column name
	Pos  dump.Pos
	Props
}

// TypeRule is a rule for every column of one PostgreSQL type, in the whole
// dump (Set.Types) or in one table (Table.Types).
type TypeRule struct {
	PGType string // the PostgreSQL type as written in the file, e.g. "character varying"
	Pos    dump.Pos
	Props
}

// Table is the entry of one PostgreSQL table.
type Table struct {
	Name      string // "schema.table" or "table", as written in the file
	Pos       dump.Pos
	Rename    Prop[string] // the Dolt table name
	Skip      Prop[bool]   // do not create the table or load its rows
	SkipData  Prop[bool]   // create the table but load none of its rows
	Collation Prop[string] // collation of every string column of the table
	Types     []*TypeRule
	Columns   []*Column
}

// Schema returns the schema part of t.Name ("" when the name has none) and
// the table part.
func (t *Table) Schema() (schemaName, name string) {
	if i := strings.IndexByte(t.Name, '.'); i >= 0 {
		return t.Name[:i], t.Name[i+1:]
	}
	return "", t.Name
}

// Set is everything read from the override files.
type Set struct {
	Files  []string // the files read, in order
	Tables []*Table
	Types  []*TypeRule
	DDLs   []*DDL
	// Objects are the CREATE VIEW, TRIGGER and PROCEDURE statements of
	// the .sql files (objects.go).
	Objects []*Object
}

// Empty reports whether s holds no rule at all (a nil Set is empty).
func (s *Set) Empty() bool {
	return s == nil || len(s.Tables) == 0 && len(s.Types) == 0 && len(s.DDLs) == 0 && len(s.Objects) == 0
}

// Load reads every path: a .yaml, .yml or .sql file, or a directory whose
// files with those extensions are read in name order. Every problem is
// reported, joined, with its file:line.
func Load(paths ...string) (*Set, error) {
	s := &Set{}
	var errs []error
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, diag.New(dump.Pos{}, "", "", fmt.Errorf("overrides: %w", err), "give --overrides an existing .yaml, .yml or .sql file, or a directory holding such files"))
			continue
		}
		files := []string{p}
		if fi.IsDir() {
			ents, err := os.ReadDir(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("overrides: %w", err))
				continue
			}
			files = files[:0]
			for _, e := range ents {
				if !e.IsDir() && kindOf(e.Name()) != "" {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			sort.Strings(files)
			if len(files) == 0 {
				errs = append(errs, diag.New(dump.Pos{}, "", "", fmt.Errorf("overrides: directory %s holds no .yaml, .yml or .sql file", p), "put the override files in the directory, or name the files themselves"))
			}
		} else if kindOf(p) == "" {
			errs = append(errs, diag.New(dump.Pos{File: p}, "", "", errors.New("overrides: not a .yaml, .yml or .sql file"), "name YAML override files *.yaml or *.yml and whole-table CREATE TABLE files *.sql"))
			continue
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				errs = append(errs, fmt.Errorf("overrides: %w", err))
				continue
			}
			s.Files = append(s.Files, f)
			if kindOf(f) == "sql" {
				ddls, objs, err := ParseSQLFile(f, data)
				s.DDLs = append(s.DDLs, ddls...)
				s.Objects = append(s.Objects, objs...)
				if err != nil {
					errs = append(errs, err)
				}
				continue
			}
			one, err := ParseYAML(f, data)
			if err != nil {
				errs = append(errs, err)
			}
			if one != nil {
				s.Tables = append(s.Tables, one.Tables...)
				s.Types = append(s.Types, one.Types...)
			}
		}
	}
	return s, errors.Join(errs...)
}

func kindOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return "yaml"
	case ".sql":
		return "sql"
	}
	return ""
}

// yamlParser collects the errors of one YAML file.
type yamlParser struct {
	file string
	errs []error
}

func (p *yamlParser) pos(n *yaml.Node) dump.Pos { return dump.Pos{File: p.file, Line: n.Line} }

func (p *yamlParser) fail(n *yaml.Node, hint, format string, args ...any) {
	p.errs = append(p.errs, diag.New(p.pos(n), "", "", fmt.Errorf(format, args...), hint))
}

const hintFormat = "see the override format in pgcopy's README, section Overrides"

// ParseYAML reads one YAML override file; name is used in positions.
func ParseYAML(name string, data []byte) (*Set, error) {
	p := &yamlParser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, diag.New(dump.Pos{File: name, Line: line}, "", "", fmt.Errorf("overrides: %s", strings.TrimPrefix(err.Error(), "yaml: ")), "fix the YAML syntax")
	}
	s := &Set{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return s, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.fail(root, hintFormat, "overrides: the top level must be a map with the keys tables and types")
		return s, errors.Join(p.errs...)
	}
	p.each(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "tables":
			if !p.isMap(v, "tables") {
				return
			}
			p.each(v, func(tk, tv *yaml.Node) {
				if t := p.table(tk, tv); t != nil {
					s.Tables = append(s.Tables, t)
				}
			})
		case "types":
			if !p.isMap(v, "types") {
				return
			}
			p.each(v, func(tk, tv *yaml.Node) {
				if r := p.typeRule(tk, tv); r != nil {
					s.Types = append(s.Types, r)
				}
			})
		default:
			p.fail(k, hintFormat, "overrides: unknown key %q at the top level; expected tables or types", k.Value)
		}
	})
	return s, errors.Join(p.errs...)
}

// each calls fn for every key/value pair of a mapping node, failing on a
// key that repeats.
func (p *yamlParser) each(m *yaml.Node, fn func(k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if line, ok := seen[k.Value]; ok {
			p.fail(k, "remove one of the two entries", "overrides: %q is given twice (first on line %d)", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		fn(k, v)
	}
}

func (p *yamlParser) isMap(v *yaml.Node, what string) bool {
	if v.Kind != yaml.MappingNode {
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return false // "tables:" with nothing under it
		}
		p.fail(v, hintFormat, "overrides: %s must be a map", what)
		return false
	}
	return true
}

func (p *yamlParser) table(k, v *yaml.Node) *Table {
	t := &Table{Name: k.Value, Pos: p.pos(k)}
	if strings.TrimSpace(k.Value) == "" || strings.Count(k.Value, ".") > 1 {
		p.fail(k, "write the table as schema.table or table", "overrides: %q is not a table name", k.Value)
		return nil
	}
	if !p.isMap(v, "table "+k.Value) {
		return t
	}
	p.each(v, func(pk, pv *yaml.Node) {
		switch pk.Value {
		case "rename":
			t.Rename = p.str(pk, pv)
			if t.Rename.Set && !validIdent(t.Rename.Value) {
				p.fail(pv, "choose a name of 1 to 64 characters", "overrides: rename %q is not a valid Dolt table name", t.Rename.Value)
			}
		case "skip":
			t.Skip = p.boolean(pk, pv)
		case "skip_data":
			t.SkipData = p.boolean(pk, pv)
		case "collation":
			t.Collation = p.collation(pk, pv)
		case "types":
			if !p.isMap(pv, "types of table "+k.Value) {
				return
			}
			p.each(pv, func(tk, tv *yaml.Node) {
				if r := p.typeRule(tk, tv); r != nil {
					t.Types = append(t.Types, r)
				}
			})
		case "columns":
			if !p.isMap(pv, "columns of table "+k.Value) {
				return
			}
			p.each(pv, func(ck, cv *yaml.Node) {
				c := &Column{Name: ck.Value, Pos: p.pos(ck)}
				p.props(&c.Props, cv, "column "+k.Value+"."+ck.Value, true)
				t.Columns = append(t.Columns, c)
			})
		default:
			p.fail(pk, hintFormat, "overrides: unknown key %q in table %s; expected rename, skip, skip_data, collation, types or columns", pk.Value, k.Value)
		}
	})
	return t
}

func (p *yamlParser) typeRule(k, v *yaml.Node) *TypeRule {
	r := &TypeRule{PGType: strings.TrimSpace(k.Value), Pos: p.pos(k)}
	if r.PGType == "" {
		p.fail(k, "write a PostgreSQL type such as text or character varying", "overrides: empty type name")
		return nil
	}
	p.props(&r.Props, v, "type "+k.Value, false)
	if r.Skip.Set {
		p.fail(k, "skip columns one by one under tables:", "overrides: skip is not allowed in a type rule (%s)", k.Value)
	}
	return r
}

func (p *yamlParser) props(pr *Props, v *yaml.Node, what string, column bool) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && column {
		// shorthand "name: varchar(32)"
		pr.Type = p.doltType(v, v)
		return
	}
	if !p.isMap(v, what) {
		return
	}
	p.each(v, func(k, pv *yaml.Node) {
		switch k.Value {
		case "type":
			pr.Type = p.doltType(k, pv)
		case "length":
			pr.Length = p.length(k, pv)
		case "collation":
			pr.Collation = p.collation(k, pv)
		case "default":
			pr.Default = Prop[*string]{Set: true, Pos: p.pos(k)}
			switch {
			case pv.Kind != yaml.ScalarNode:
				p.fail(pv, `write the default as a MySQL expression, e.g. default: "'active'" or default: 0, or default: null to drop it`, "overrides: default of %s is not a scalar", what)
			case pv.Tag == "!!null":
			default:
				s := pv.Value
				pr.Default.Value = &s
			}
		case "nullable":
			pr.Nullable = p.boolean(k, pv)
		case "skip":
			pr.Skip = p.boolean(k, pv)
		default:
			p.fail(k, hintFormat, "overrides: unknown key %q in %s; expected type, length, collation, default, nullable or skip", k.Value, what)
		}
	})
	if pr.Type.Set && pr.Length.Set {
		p.fail(v, "give either type (the whole Dolt type) or length (pgcopy's type with this length)", "overrides: %s sets both type and length", what)
	}
}

func (p *yamlParser) str(k, v *yaml.Node) Prop[string] {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		p.fail(v, hintFormat, "overrides: %s needs a value", k.Value)
		return Prop[string]{}
	}
	return Prop[string]{Set: true, Value: strings.TrimSpace(v.Value), Pos: p.pos(k)}
}

func (p *yamlParser) boolean(k, v *yaml.Node) Prop[bool] {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
		p.fail(v, "write true or false", "overrides: %s must be true or false, not %q", k.Value, v.Value)
		return Prop[bool]{}
	}
	return Prop[bool]{Set: true, Value: b, Pos: p.pos(k)}
}

var collationRe = regexp.MustCompile(`^(utf8mb4|utf8mb3|utf8|latin1|ascii|binary|utf16|utf32|ucs2)(_[a-z0-9]+)*$`)

func (p *yamlParser) collation(k, v *yaml.Node) Prop[string] {
	c := p.str(k, v)
	if c.Set {
		c.Value = strings.ToLower(c.Value)
		if !collationRe.MatchString(c.Value) {
			p.fail(v, "use a Dolt collation such as utf8mb4_0900_bin (case-sensitive), utf8mb4_0900_as_ci (case-insensitive) or utf8mb4_0900_ai_ci (case- and accent-insensitive); SELECT collation_name FROM information_schema.collations lists them",
				"overrides: %q is not a collation name", c.Value)
			return Prop[string]{}
		}
	}
	return c
}

func (p *yamlParser) doltType(k, v *yaml.Node) Prop[schema.Type] {
	c := p.str(k, v)
	if c.Set && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && strings.Count(c.Value, "(") != strings.Count(c.Value, ")") {
		p.fail(v, `in YAML's {...} form a comma separates entries: quote the type, {type: "decimal(12,2)"}, or write one property per line`, "overrides: type %q is cut short at a comma", c.Value)
		return Prop[schema.Type]{}
	}
	if !c.Set {
		return Prop[schema.Type]{}
	}
	t, err := ParseType(c.Value)
	if err != nil {
		p.fail(v, "write a Dolt (MySQL) column type such as varchar(32), decimal(12,2), bigint, datetime(6) or json", "overrides: %v", err)
		return Prop[schema.Type]{}
	}
	return Prop[schema.Type]{Set: true, Value: t, Pos: c.Pos}
}

func (p *yamlParser) length(k, v *yaml.Node) Prop[string] {
	c := p.str(k, v)
	if !c.Set {
		return c
	}
	a, b, ok := strings.Cut(c.Value, ",")
	n, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || n <= 0 || n > 65535 {
		ok = false
		p.fail(v, `write a length such as 32, or precision and scale such as "12,2"`, "overrides: length %q is not a positive number", c.Value)
		return Prop[string]{}
	}
	if ok {
		s, err := strconv.Atoi(strings.TrimSpace(b))
		if err != nil || s < 0 || s > 30 || s > n || n > 65 {
			p.fail(v, "Dolt's DECIMAL allows precision 1 to 65 and scale 0 to 30, at most the precision", "overrides: length %q is not a valid precision and scale", c.Value)
			return Prop[string]{}
		}
		c.Value = fmt.Sprintf("%d,%d", n, s)
	} else {
		c.Value = strconv.Itoa(n)
	}
	return c
}

func validIdent(s string) bool {
	return s != "" && len([]rune(s)) <= 64 && !strings.ContainsAny(s, "\x00") && strings.TrimSpace(s) == s
}
