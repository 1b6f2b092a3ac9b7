package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteGolden writes every object, in the order recorded, one per line as
//
//	KIND name action [in DATABASE] detail (file:line)
//
// with the database (see Object.Database) and the detail left out when
// empty. The format is stable and holds no
// timings, so tests can compare it with a checked-in file.
func (r *Report) WriteGolden(w io.Writer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range r.Objects {
		line := o.Kind + " " + o.Name + " " + string(o.Action)
		if o.Database != "" {
			line += " in " + o.Database
		}
		if o.Detail != "" {
			line += " " + o.Detail
		}
		line += " (" + o.Where + ")"
		if _, err := fmt.Fprintln(w, strings.ReplaceAll(line, "\n", " ")); err != nil {
			return err
		}
	}
	for _, n := range r.Notes {
		if _, err := fmt.Fprintln(w, "NOTE "+strings.ReplaceAll(n, "\n", " ")); err != nil {
			return err
		}
	}
	return nil
}
