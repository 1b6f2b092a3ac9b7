package pipeline

import (
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// TranslateSchema runs copy's first pass over src (for pgcopy follow: a
// live source's schema-only dump) with the same translate.Options, and
// returns the translator (whose CopyRows resolves a table and column list
// to the row codec, as for a COPY block) and the schema. With
// translate.SchemasDatabases, target names the target database.
func TranslateSchema(src source.Input, opts translate.Options, target string, rep *report.Report) (*translate.Translator, *schema.Database, error) {
	if opts.Schemas == translate.SchemasDatabases && opts.Database == "" {
		name, err := loader.DatabaseName(target)
		if err != nil {
			return nil, nil, err
		}
		opts.Database = name
	}
	res, err := schemaPass(src, translate.ReadOptions{Translate: opts, Report: rep})
	if err != nil {
		return nil, nil, err
	}
	return res.Translator, res.DB, nil
}

// ValueFixer applies an --on-unrepresentable policy (UnrepClampInfinity,
// UnrepError, UnrepNull, UnrepClamp) to rows that are not read from a dump,
// such as replicated changes, exactly as copy applies it.
type ValueFixer struct{ u *unrep }

// NewValueFixer returns the fixer of policy ("" is UnrepClampInfinity).
func NewValueFixer(policy UnrepPolicy) *ValueFixer {
	return &ValueFixer{u: &unrep{policy: policy.orDefault()}}
}

// Fix rewrites the field that err (a *translate.ValueError from rows)
// names, when the policy allows, and reports whether to encode the row
// again; fields are in the order of rows.Columns.
func (f *ValueFixer) Fix(rows *translate.Rows, fields []pgtext.Field, err error) bool {
	return f.u.fix(rows, fields, err)
}

// Notes are the report lines of the values fixed so far.
func (f *ValueFixer) Notes() []string { return f.u.notes() }
