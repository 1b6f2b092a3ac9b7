package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/pgcopy/pgcopy/internal/dump"
)

// Action is what pgcopy did with a dump object.
type Action string

const (
	Translated Action = "translated" // created in Dolt as PostgreSQL defined it
	Changed    Action = "changed"    // created, but differently; Detail says how
	Skipped    Action = "skipped"    // not created; Detail says why
)

// Object is one entry of the per-object report: a TOC entry or statement of
// the dump, or a part of one (a column, a constraint).
type Object struct {
	Kind   string `json:"kind"`   // pg_dump TOC type: "TABLE", "INDEX", "FK CONSTRAINT", "FUNCTION", ...
	Name   string `json:"name"`   // qualified PostgreSQL name, e.g. "public.film" or "public.film.fulltext"
	Action Action `json:"action"` // translated, changed or skipped
	// Database is the Dolt database a created object went to, when
	// PostgreSQL schemas become Dolt databases (--schemas databases);
	// "" otherwise, and for skipped objects.
	Database string `json:"database,omitempty"`
	Detail   string `json:"detail,omitempty"`
	// Group is the kind of change or skip, for the summary, which prints
	// the objects of one kind, action and group on one line with a count;
	// "" groups by Detail. Callers whose Detail names the object set it.
	Group string   `json:"group,omitempty"`
	Pos   dump.Pos `json:"-"`
	Where string   `json:"where"` // "file:line"
}

// Table is the per-table data summary.
type Table struct {
	Name     string        `json:"name"`    // Dolt table name; database.table when schemas become databases
	Sources  []string      `json:"sources"` // PostgreSQL relations whose rows went into it
	Rows     int64         `json:"rows_read"`
	Written  int64         `json:"rows_written"`
	Rejected int64         `json:"rows_rejected"`
	Bytes    int64         `json:"bytes"` // bytes of dump data read for the table
	Duration time.Duration `json:"duration_ns"`
	// Path is how a run onto an existing snapshot wrote the table:
	// "unchanged" (carried over from the parent commit, its COPY blocks
	// skipped), "changed" (patched: only the rows that differ from the
	// parent's were written or deleted; Changed counts them) or
	// "reloaded"; "" when nothing was carried or patched (a fresh copy).
	Path string `json:"path,omitempty"`
	// Changed is, for a patched table, how many rows changed: updated
	// (counted once), inserted or deleted.
	Changed int64 `json:"rows_changed,omitempty"`
	// Deleted is how many stored rows a patch deleted (an updated row is
	// deleted and written again).
	Deleted int64 `json:"rows_deleted,omitempty"`
	// Unchanged is how many dump rows a patch found already stored.
	Unchanged int64 `json:"rows_unchanged,omitempty"`
}

// Report collects a run's outcome. It is safe for concurrent use.
type Report struct {
	mu      sync.Mutex
	Source  string    `json:"source"`
	Target  string    `json:"target"`
	Started time.Time `json:"started"`
	// Status is the run's outcome, set by the CLI before it writes the
	// report: "ok" (committed), "unchanged" (no new commit: the source
	// equals the target's HEAD), "failed" (nothing was published; Error
	// says why) or "interrupted" (SIGINT or SIGTERM; nothing published).
	Status string `json:"status,omitempty"`
	// Error is the failure of a run whose Status is failed or interrupted.
	Error  *RunError `json:"error,omitempty"`
	Commit string    `json:"commit,omitempty"` // the target database's new commit
	// Databases are the Dolt databases written, the target first, with
	// each one's new commit, when schemas become databases.
	Databases []Database `json:"databases,omitempty"`
	Objects   []Object   `json:"objects"`
	Tables    []*Table   `json:"tables"`
	Notes     []string   `json:"notes,omitempty"`
}

// RunError is a failed run's error with its position: the fields of
// diag.Error when the error is one, else only Message.
type RunError struct {
	Message string `json:"message"`          // the whole message, as printed after "pgcopy: error: "
	File    string `json:"file,omitempty"`   // dump file
	Line    int    `json:"line,omitempty"`   // dump line
	Table   string `json:"table,omitempty"`  // PostgreSQL relation
	Column  string `json:"column,omitempty"` // PostgreSQL column
	Hint    string `json:"hint,omitempty"`   // what to do
}

// Database is one Dolt database a run wrote to.
type Database struct {
	Name   string `json:"name"`
	Tables int    `json:"tables"`           // tables, materialized-view tables included
	Views  int    `json:"views"`            // views
	Commit string `json:"commit,omitempty"` // the new commit; "" when it did not change
}

// Add records one object.
func (r *Report) Add(kind, name string, a Action, pos dump.Pos, detail string, args ...any) {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Objects = append(r.Objects, Object{Kind: kind, Name: name, Action: a, Detail: detail, Pos: pos, Where: pos.String()})
}

// AddGrouped is Add with the summary's group key (see Object.Group).
func (r *Report) AddGrouped(group, kind, name string, a Action, pos dump.Pos, detail string, args ...any) {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Objects = append(r.Objects, Object{Kind: kind, Name: name, Action: a, Detail: detail, Group: group, Pos: pos, Where: pos.String()})
}

// Note records a run-level remark printed in the summary.
func (r *Report) Note(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// Table returns the data summary for the Dolt table name, creating it.
func (r *Report) Table(name string) *Table {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, t := range r.Tables {
		if t.Name == name {
			return t
		}
	}
	t := &Table{Name: name}
	r.Tables = append(r.Tables, t)
	return t
}

// Count returns the number of objects with the given action.
func (r *Report) Count(a Action) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, o := range r.Objects {
		if o.Action == a {
			n++
		}
	}
	return n
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteVerbose writes the full human summary (--verbose): the per-table
// data table, then every changed and skipped object grouped by action,
// then the notes.
func (r *Report) WriteVerbose(w io.Writer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\trows read\twritten\trejected\tbytes\ttime\t")
	var tr, tw2, trj, tb int64
	for _, t := range r.Tables {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t\n", t.Name, t.Rows, t.Written, t.Rejected, t.Bytes, t.Duration.Round(time.Millisecond))
		tr += t.Rows
		tw2 += t.Written
		trj += t.Rejected
		tb += t.Bytes
	}
	fmt.Fprintf(tw, "total (%d tables)\t%d\t%d\t%d\t%d\t\t\n", len(r.Tables), tr, tw2, trj, tb)
	tw.Flush()
	if len(r.Databases) > 0 {
		fmt.Fprintf(w, "\ndatabases (%d):\n", len(r.Databases))
		for _, d := range r.Databases {
			c := "unchanged, no commit"
			if d.Commit != "" {
				c = "commit " + d.Commit
			}
			fmt.Fprintf(w, "  %-30s %3d tables %3d views  %s\n", d.Name, d.Tables, d.Views, c)
		}
	}

	counts := map[Action]int{}
	for _, o := range r.Objects {
		counts[o.Action]++
	}
	fmt.Fprintf(w, "\nobjects: %d translated, %d changed, %d skipped\n", counts[Translated], counts[Changed], counts[Skipped])
	for _, a := range []Action{Changed, Skipped} {
		var list []Object
		for _, o := range r.Objects {
			if o.Action == a {
				list = append(list, o)
			}
		}
		if len(list) == 0 {
			continue
		}
		sort.SliceStable(list, func(i, j int) bool { return list[i].Kind < list[j].Kind })
		fmt.Fprintf(w, "\n%s (%d):\n", a, len(list))
		for _, o := range list {
			name := o.Name
			if o.Database != "" {
				name += " (in " + o.Database + ")"
			}
			fmt.Fprintf(w, "  %-14s %-40s %s  (%s)\n", strings.ToLower(o.Kind), name, o.Detail, o.Where)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\nnote: %s\n", n)
	}
}

// Update applies f to the data summary of the Dolt table name (creating
// it) under the report's lock; parallel loaders use it.
func (r *Report) Update(name string, f func(t *Table)) {
	t := r.Table(name)
	r.mu.Lock()
	defer r.mu.Unlock()
	f(t)
}
