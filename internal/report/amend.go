package report

import "fmt"

// Amend changes the action and detail of the last object recorded with
// the given kind and name, and reports whether there was one. The loader
// uses it when Dolt refuses an object that translate recorded as
// translated (a view whose CREATE VIEW Dolt rejects becomes skipped, with
// Dolt's message).
func (r *Report) Amend(kind, name string, a Action, detail string, args ...any) bool {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.Objects) - 1; i >= 0; i-- {
		if o := &r.Objects[i]; o.Kind == kind && o.Name == name {
			o.Action, o.Detail = a, detail
			return true
		}
	}
	return false
}
