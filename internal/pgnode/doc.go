// Package pgnode holds small helpers over pg_query's syntax tree
// (github.com/pganalyze/pg_query_go) that package translate and its view
// transpiler (translate/viewsql) share: name lists, type names and their
// modifiers, integer constants.
//
// In: nodes of a parsed PostgreSQL statement. Out: strings and numbers.
// It never parses, deparses or translates anything itself.
package pgnode
