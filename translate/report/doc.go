// Package report is the run report: what pgcopy did with every object in the
// dump (translated, changed and how, or skipped and why) and with every row
// (written, or rejected with its dump line and reason), per table.
//
// In: entries added by translate, the loader and fkfix while a run goes on.
// Out: a human summary of one screen ([Report.WriteText]) printed at the end
// of every run: skipped objects and notes first, then rows per table, then
// changed objects, with the objects of one kind and group (Object.Group, set
// by [Report.AddGrouped]; else the detail) on one line with a count and the
// first three names; the full list ([Report.WriteVerbose], --verbose); and a
// JSON document ([Report.WriteJSON]) for --report, holding every object and,
// set by the CLI, the run's status and error (Report.Status, Report.Error).
//
// When PostgreSQL schemas become Dolt databases, each created object says
// which database it went to (Object.Database), per-table rows are named
// database.table, and Databases lists the databases with their commits.
//
// It is a public package (translate/report, not internal/) because
// package translate's API takes and returns it (translate.New,
// ReadOptions.Report, Result.Report): the run report is pgcopy's output
// format (the --report JSON) as much as an internal record, so a caller
// outside the module can build one and read it. The loader and verify
// return their own outcome values instead (loader.ViewsOutcome), which
// internal/pipeline records here: data flows one way.
//
// The package never decides anything: it records and prints.
package report
