package pipeline

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
)

// rejecter applies --max-errors: it writes each rejected row's original
// dump line to the reject file and "file:line: table, column: reason" to
// the reject file's .log companion, and fails once more than max rows were
// rejected (pgloader's reject .dat/.log pair, with the original line as
// pgloader#1192 asks).
type rejecter struct {
	mu    sync.Mutex
	rep   *report.Report
	max   int
	path  string
	count int
	dat   *os.File
	log   *os.File
	unrep *unrep // the --on-unrepresentable policy, applied before a row is rejected
}

// reject records one bad row. It returns err itself when rejecting is off
// (max 0) or the limit is passed.
func (r *rejecter) reject(table string, pos dump.Pos, line []byte, err error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count++
	if r.count > r.max {
		if r.max > 0 {
			return fmt.Errorf("more than --max-errors %d rows rejected (see %s); the last one: %w", r.max, r.path, err)
		}
		return err
	}
	if r.dat == nil {
		var oerr error
		if r.dat, oerr = os.Create(r.path); oerr != nil {
			return fmt.Errorf("create reject file: %w", oerr)
		}
		if r.log, oerr = os.Create(r.path + ".log"); oerr != nil {
			return fmt.Errorf("create reject log: %w", oerr)
		}
	}
	r.dat.Write(line)
	r.dat.Write([]byte{'\n'})
	var de *diag.Error
	if errors.As(err, &de) {
		fmt.Fprintln(r.log, de.Error())
	} else {
		fmt.Fprintf(r.log, "%s: %v\n", pos, err)
	}
	r.rep.Update(table, func(t *report.Table) { t.Rejected++ })
	return nil
}

func (r *rejecter) close() error {
	var errs []error
	if r.dat != nil {
		errs = append(errs, r.dat.Close(), r.log.Close())
	}
	return errors.Join(errs...)
}
