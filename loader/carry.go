package loader

// Keep names the tables of the current database that the next Prepare
// and CreateTables leave as the parent commit holds them (a nightly run
// carries them over: internal/pipeline/nightly.go). Prepare still resets
// the working set and drops every other table and every view; the kept
// tables' rows, schema, indexes and foreign keys stay exactly as
// committed, so their dolt_hashof_table is the parent's. nil keeps none.
// Only for a one-database target.
func (t *Target) Keep(names map[string]bool) { t.keep = names }
