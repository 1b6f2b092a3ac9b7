// Package report is the run report: what pgcopy did with every object in the
// dump (translated, changed and how, or skipped and why) and with every row
// (written, or rejected with its dump line and reason), per table.
//
// In: entries added by translate, the loader and fkfix while a run goes on.
// Out: a human summary ([Report.WriteText]) printed at the end of every run
// and a JSON document ([Report.WriteJSON]) for --report.
//
// When PostgreSQL schemas become Dolt databases, each created object says
// which database it went to (Object.Database), per-table rows are named
// database.table, and Databases lists the databases with their commits.
//
// The package never decides anything: it records and prints.
package report
