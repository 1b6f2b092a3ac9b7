package report

import "fmt"

// Amend changes the action and detail of the last object recorded with
// the given kind and name, and reports whether there was one. The loader
// uses it when Dolt refuses an object that translate recorded as
// translated (a view whose CREATE VIEW Dolt rejects becomes skipped, with
// Dolt's message). A skipped object has no database.
func (r *Report) Amend(kind, name string, a Action, detail string, args ...any) bool {
	return r.amend(kind, name, "", a, detail, args...)
}

// AmendIf is Amend limited to the objects whose action is now was.
func (r *Report) AmendIf(kind, name string, was, a Action, detail string, args ...any) bool {
	return r.amend(kind, name, was, a, detail, args...)
}

func (r *Report) amend(kind, name string, was, a Action, detail string, args ...any) bool {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.Objects) - 1; i >= 0; i-- {
		if o := &r.Objects[i]; o.Kind == kind && o.Name == name && (was == "" || o.Action == was) {
			o.Action, o.Detail = a, detail
			if a == Skipped {
				o.Database = ""
			}
			return true
		}
	}
	return false
}

// SetDatabases sets the Database of every object that is not skipped to
// f(kind, name); translate calls it once the schema is built, when
// PostgreSQL schemas become Dolt databases.
func (r *Report) SetDatabases(f func(kind, name string) string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range r.Objects {
		if o := &r.Objects[i]; o.Action != Skipped {
			o.Database = f(o.Kind, o.Name)
		}
	}
}

// ObjectsOf returns a copy of the objects recorded with kind, in order.
func (r *Report) ObjectsOf(kind string) []Object {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Object
	for _, o := range r.Objects {
		if o.Kind == kind {
			out = append(out, o)
		}
	}
	return out
}
