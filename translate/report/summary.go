package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// summaryNames is how many object names a grouped summary line shows.
const summaryNames = 3

// WriteText writes the short human summary, one screen on pagila: first
// what may need a decision (the skipped objects and the run's notes:
// rejected rows, foreign-key violations allowed, ...), then the rows per
// table in a compact list, then the changed objects. Objects of one kind,
// action and group (Object.Group, else Detail) share one line with a
// count and the first few names. WriteVerbose and the JSON report list
// every object.
func (r *Report) WriteText(w io.Writer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	counts := map[Action]int{}
	for _, o := range r.Objects {
		counts[o.Action]++
	}
	fmt.Fprintf(w, "objects: %d translated, %d changed, %d skipped\n", counts[Translated], counts[Changed], counts[Skipped])
	r.writeGroups(w, Skipped)
	if len(r.Notes) > 0 {
		fmt.Fprintln(w, "notes:")
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}

	var rows, written, rejected, bytes int64
	var list []string
	for _, t := range r.Tables {
		rows += t.Rows
		written += t.Written
		rejected += t.Rejected
		bytes += t.Bytes
		e := fmt.Sprintf("%s %d", t.Name, t.Written)
		switch t.Path { // a nightly run onto an existing snapshot (Table.Path)
		case "unchanged":
			e = t.Name + " unchanged"
		case "changed":
			e = fmt.Sprintf("%s %d rows changed", t.Name, t.Changed)
		case "reloaded":
			e += " reloaded"
		}
		if t.Rejected > 0 {
			e += fmt.Sprintf(" (%d REJECTED)", t.Rejected)
		}
		list = append(list, e)
	}
	fmt.Fprintf(w, "tables: %d, rows: %d read, %d written, %d rejected, %d bytes of data\n", len(r.Tables), rows, written, rejected, bytes)
	writeWrapped(w, "  ", list, 100)
	if len(r.Databases) > 0 {
		fmt.Fprintf(w, "databases (%d):\n", len(r.Databases))
		for _, d := range r.Databases {
			c := "unchanged, no commit"
			if d.Commit != "" {
				c = "commit " + d.Commit
			}
			fmt.Fprintf(w, "  %-30s %3d tables %3d views  %s\n", d.Name, d.Tables, d.Views, c)
		}
	}
	r.writeGroups(w, Changed)
	if counts[Changed]+counts[Skipped] > 0 {
		fmt.Fprintln(w, "(--verbose, or --report FILE.json, lists every object with its dump line)")
	}
}

// writeGroups writes the objects with action a, one line per kind and
// group.
func (r *Report) writeGroups(w io.Writer, a Action) {
	type group struct {
		kind, label string
		objs        []Object
	}
	var groups []*group
	idx := map[string]*group{}
	n := 0
	for _, o := range r.Objects {
		if o.Action != a {
			continue
		}
		n++
		label := o.Group
		if label == "" {
			label = o.Detail
		}
		k := o.Kind + "\x00" + label
		g := idx[k]
		if g == nil {
			g = &group{kind: o.Kind, label: label}
			idx[k] = g
			groups = append(groups, g)
		}
		g.objs = append(g.objs, o)
	}
	if n == 0 {
		return
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].kind < groups[j].kind })
	fmt.Fprintf(w, "%s (%d):\n", a, n)
	for _, g := range groups {
		kind := strings.ToLower(g.kind)
		if len(g.objs) == 1 {
			o := g.objs[0]
			fmt.Fprintf(w, "  %-14s %s: %s  (%s)\n", kind, objName(o), o.Detail, o.Where)
			continue
		}
		var names []string
		for i, o := range g.objs {
			if i == summaryNames {
				names = append(names, fmt.Sprintf("... and %d more", len(g.objs)-summaryNames))
				break
			}
			names = append(names, objName(o))
		}
		fmt.Fprintf(w, "  %-14s %s: %d (%s)\n", kind, g.label, len(g.objs), strings.Join(names, ", "))
	}
}

func objName(o Object) string {
	if o.Database != "" {
		return o.Name + " (in " + o.Database + ")"
	}
	return o.Name
}

// writeWrapped writes items separated by ", ", in lines of at most width
// characters, each starting with indent.
func writeWrapped(w io.Writer, indent string, items []string, width int) {
	line := indent
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if len(line) > len(indent) && len(line)+1+len(it) > width {
			fmt.Fprintln(w, line)
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += it
	}
	if len(line) > len(indent) {
		fmt.Fprintln(w, line)
	}
}
