package pipeline

import (
	"io"
	"time"

	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// PlanOptions configures [Plan].
type PlanOptions struct {
	Input     source.Input // the dump; when nil, Dump and Stdin name it
	Dump      string
	Stdin     io.Reader
	Translate translate.Options
	// AllowIncompleteDump: see Options.AllowIncompleteDump.
	AllowIncompleteDump bool
}

// Plan runs only the first pass (schema statements, and measuring the
// rows) and builds the Dolt schema, touching no database: what `pgcopy
// explain` and `pgcopy overrides suggest` print. The translator returned
// holds translate.Translator.Plan and Suggestions; the schema is nil when
// translation failed, and the error then says why (every problem, with its
// file:line).
func Plan(opts PlanOptions) (*translate.Translator, *schema.Database, *report.Report, error) {
	rep := &report.Report{Started: time.Now().UTC()}
	src := opts.Input
	if src == nil {
		in, err := source.Open(opts.Dump, opts.Stdin, source.OpenOptions{})
		if err != nil {
			return nil, nil, rep, err
		}
		src = in
	}
	defer src.Close()
	rep.Source = src.Name()
	pass1, err := schemaPass(src, translate.ReadOptions{Translate: opts.Translate, Report: rep, AllowIncomplete: opts.AllowIncompleteDump})
	return pass1.Translator, pass1.DB, rep, err
}
