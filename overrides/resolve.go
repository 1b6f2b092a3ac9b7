package overrides

import (
	"errors"
	"fmt"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Level is the precedence level of a rule, highest first: a column rule
// beats a table rule, which beats a type rule, which beats pgcopy's
// built-in choice.
type Level int

const (
	LevelColumn Level = iota // tables: T: columns: C
	LevelTable               // tables: T: types: and tables: T: collation:
	LevelType                // types: (every column of the dump)
	LevelDDL                 // a whole-table CREATE TABLE of a .sql file
)

// String is the level as pgcopy explain and error messages print it.
func (l Level) String() string {
	switch l {
	case LevelColumn:
		return "column rule"
	case LevelTable:
		return "table rule"
	case LevelType:
		return "type rule"
	}
	return "whole-table DDL"
}

// Rule is one resolved property of a column: its value, the line of the
// rule that set it, and the rule's level. Set is false when no rule sets
// the property.
type Rule[T any] struct {
	Set   bool
	Value T
	Pos   dump.Pos
	Level Level
	// Soft marks a table-wide collation (tables: T: collation:), which
	// applies to the string columns of the table and is ignored on others.
	Soft bool
}

// Source says where the property was set: "file:line (column rule)".
func (r Rule[T]) Source() string { return r.Pos.String() + " (" + r.Level.String() + ")" }

// Resolved are the properties the rules give one column, each from the
// rule of highest precedence that sets it (property by property).
type Resolved struct {
	Type              Rule[schema.Type]
	Length, Collation Rule[string]
	Default           Rule[*string]
	Nullable, Skip    Rule[bool]
	// Used are the entries that matched the column (*Column and
	// *TypeRule values), matched whether or not they set anything; the
	// caller reports the entries that match no column.
	Used []any
}

// Any reports whether a rule sets some property of the column.
func (r *Resolved) Any() bool {
	return r.Type.Set || r.Length.Set || r.Collation.Set || r.Default.Set || r.Nullable.Set || r.Skip.Set
}

// TypeDecided reports whether a rule chose the column's type: a whole type
// or a length.
func (r *Resolved) TypeDecided() bool { return r != nil && (r.Type.Set || r.Length.Set) }

// TypeSource is Source of the rule that chose the type (see TypeDecided).
func (r *Resolved) TypeSource() string {
	if r.Type.Set {
		return r.Type.Source()
	}
	return r.Length.Source()
}

// TableRules is what Resolve needs to know of the column's table. Matching
// entries to the tables of a dump (schema-qualified or not, partitions,
// the search path) is the caller's business.
type TableRules struct {
	Name    string   // the PostgreSQL table, "schema.table", for messages
	Entries []*Table // the entries of Set.Tables that name the table, in file order
	// Whole is true when a whole-table CREATE TABLE (Set.DDLs) replaces the
	// table: then only column rules apply (type rules and the table's
	// collation do not).
	Whole bool
}

// ColumnRef is one column of the dump as Resolve sees it.
type ColumnRef struct {
	Name string // the PostgreSQL column name
	// HasType reports whether a type rule's key matches the column's
	// PostgreSQL type (for a domain, its own or its base type's); the
	// caller parses type names.
	HasType func(*TypeRule) bool
}

// Resolve returns the properties the rules of s give column c of table
// tb: column rule > table rule (the table's type rules, then its
// collation) > type rule, property by property. A whole type at a higher
// level replaces a length at a lower one, and the other way round. Two
// rules of one level setting one property are an error (a [diag.Error]
// per conflict, joined, each at the second rule's line); the first of the
// two is kept.
func (s *Set) Resolve(tb TableRules, c ColumnRef) (*Resolved, error) {
	where := "column " + tb.Name + "." + c.Name
	var errs []error
	var col, tbl, typ Resolved
	for _, ot := range tb.Entries {
		for _, oc := range ot.Columns {
			if oc.Name == c.Name {
				col.Used = append(col.Used, oc)
				col.set(&errs, &oc.Props, LevelColumn, where)
			}
		}
	}
	if !tb.Whole {
		for _, ot := range tb.Entries {
			for _, r := range ot.Types {
				if c.HasType(r) {
					col.Used = append(col.Used, r)
					tbl.set(&errs, &r.Props, LevelTable, where)
				}
			}
		}
		for _, ot := range tb.Entries {
			if ot.Collation.Set && !tbl.Collation.Set {
				tbl.Collation = Rule[string]{Set: true, Value: ot.Collation.Value, Pos: ot.Collation.Pos, Level: LevelTable, Soft: true}
			}
		}
		if s != nil {
			for _, r := range s.Types {
				if c.HasType(r) {
					col.Used = append(col.Used, r)
					typ.set(&errs, &r.Props, LevelType, where)
				}
			}
		}
	}
	col.fold(&tbl)
	col.fold(&typ)
	return &col, errors.Join(errs...)
}

// set folds one rule's properties into r (one precedence level).
func (r *Resolved) set(errs *[]error, p *Props, level Level, where string) {
	setOne(errs, &r.Type, p.Type, level, where, "type")
	setOne(errs, &r.Length, p.Length, level, where, "length")
	setOne(errs, &r.Collation, p.Collation, level, where, "collation")
	setOne(errs, &r.Default, p.Default, level, where, "default")
	setOne(errs, &r.Nullable, p.Nullable, level, where, "nullable")
	setOne(errs, &r.Skip, p.Skip, level, where, "skip")
}

func setOne[T any](errs *[]error, dst *Rule[T], p Prop[T], level Level, where, what string) {
	if !p.Set {
		return
	}
	if dst.Set {
		*errs = append(*errs, diag.New(p.Pos, "", "", fmt.Errorf("overrides: %s: %s is set by %s and by %s, rules of the same precedence", where, what, dst.Pos, p.Pos),
			"keep one of the two entries"))
		return
	}
	*dst = Rule[T]{Set: true, Value: p.Value, Pos: p.Pos, Level: level}
}

// fold fills the properties r lacks from lower, a lower precedence level.
func (r *Resolved) fold(lower *Resolved) {
	foldOne(&r.Type, lower.Type)
	foldOne(&r.Length, lower.Length)
	foldOne(&r.Collation, lower.Collation)
	foldOne(&r.Default, lower.Default)
	foldOne(&r.Nullable, lower.Nullable)
	foldOne(&r.Skip, lower.Skip)
	if r.Type.Set && r.Length.Set {
		// a higher level's type replaces a lower level's length, and the
		// other way round
		if r.Type.Level <= r.Length.Level {
			r.Length = Rule[string]{}
		} else {
			r.Type = Rule[schema.Type]{}
		}
	}
}

func foldOne[T any](dst *Rule[T], lower Rule[T]) {
	if !dst.Set && lower.Set {
		*dst = lower
	}
}
