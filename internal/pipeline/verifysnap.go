package pipeline

import (
	"context"
	"fmt"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
	"github.com/pgcopy/pgcopy/verify"
)

// verifySnapshot is the check `pgcopy copy --verify` runs before committing:
// it compares db's tables in Dolt with the live source in, on the snapshot
// the copy was read from. Call it after the rows are loaded (and foreign
// keys resolved), on the target's pinned connection, whose uncommitted
// working set is what will be committed. It returns the results and, when
// a table differs, [verify.Err] of them.
//
// Errors: in is not a *source.Live (a dump file has no server to compare
// with: the error's hint says to use --source), a read failure, or the
// differences.
//
// It lives here, not in package verify, because it takes a source.Input:
// the public verify API takes only a pgx.Tx (see verify/doc.go, issue 13).
func verifySnapshot(ctx context.Context, in source.Input, dolt verify.Dolt, db *schema.Database) ([]verify.TableResult, error) {
	live, ok := in.(*source.Live)
	if !ok {
		return nil, &diag.Error{Err: fmt.Errorf("--verify compares the copy with the PostgreSQL server it was read from, and %s is a dump file", in.Name()),
			Hint: "copy with --source URL to use --verify, or run pgcopy verify against the server the dump came from"}
	}
	res, err := verify.Tables(ctx, live.Tx(), dolt, db)
	if err != nil {
		return res, err
	}
	return res, verify.Err(res)
}

// recordViews writes what loader's CreateViews did into the run report:
// the loader returns its outcome and the pipeline records it, so data flows
// one way and loader's API holds no report type at all (issue 13).
func recordViews(rep *report.Report, out loader.ViewsOutcome) {
	for _, s := range out.Skipped {
		rep.Amend(s.Kind, s.Name, report.Skipped, s.Why)
	}
	for _, n := range out.Notes {
		rep.Note("%s", n)
	}
}
