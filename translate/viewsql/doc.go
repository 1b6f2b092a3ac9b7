// Package viewsql translates one PostgreSQL SELECT, as pg_query parses it
// (github.com/pganalyze/pg_query_go), into the MySQL dialect Dolt runs as
// a view (Dolt docs, "Views": https://docs.dolthub.com/concepts/dolt/sql/views),
// and the scalar expressions of defaults, CHECK constraints and generated
// columns into the MySQL syntax Dolt accepts there.
//
// In: a view's query node, its CREATE VIEW column names and its Dolt
// database ([Translate]), or one expression and where it is used ([Expr],
// [Scalar]); and a [Catalog], the small interface through which the
// package asks about the dump: a relation's Dolt name, database and
// columns (a table's with their PostgreSQL and Dolt types, a view's as an
// earlier [Result]), and whether a type name is an enum or a domain, its
// base type and its row codec.
//
// Out: the MySQL query text with its output columns, the views it selects
// from, whether it reads another Dolt database and the notes on what
// differs from PostgreSQL ([Result]); or an error whose text is the reason
// the view is skipped, as the run report prints it ("the window function
// row_number() OVER (...)"). The rewrite works on the syntax tree, never
// on the text, and only where the MySQL form gives the same rows: a
// construct without a Dolt equivalent of the same result is an error that
// names it.
//
// It never decides what to create: naming views, ordering them after the
// views they use, materialized views, their indexes and the report are
// package translate's, which implements the Catalog. It never opens a
// database, never writes to Dolt and never parses SQL text.
//
// # Types
//
// Division, ||, date arithmetic, casts and aggregates depend on what an
// operand is, so an expression has a value kind (types.go: kindOf; a kind
// per PostgreSQL type from the type registry, package pgtypes, and the
// result types of operators and functions, PostgreSQL manual chapter 9).
// Translation is two passes over each expression: the first (types.go:
// annotate) records the kind of every node of the expression's tree in a
// map keyed by node, children before parents, so each rule reads its
// operands' annotations; the second (select.go, viewexpr.go, scalar.go)
// writes the SQL and reads kinds only from the annotations. An expression
// is annotated when it is about to be written, in its query level's scope
// as it stands then, because a scope grows as the query is written (FROM
// items, then select-list names that ORDER BY may use) and resolving a
// relation translates the view it names. A subquery is its own level and
// is annotated when it is written; a scalar subquery's kind (its first
// column's) is found by a transpiler of its own. A cast in a default,
// CHECK or generated column is decided by the same registry row's kind.
//
// # Why the expression core lives here
//
// A view's expressions and a default's or CHECK's are one translator:
// view-only forms (columns through FROM, aggregates, subqueries, typed
// division) are tried first and fall back to the shared core, which calls
// back for the operands. Keeping both halves here, with package translate
// calling [Expr] for defaults, CHECKs and generated columns, keeps that
// mutual recursion inside one package and the import one way (translate
// imports viewsql; viewsql imports only the schema model, the type
// registry and the row codec); a core left in translate would have to call
// into viewsql and be called back through the interface on every node.
// The Catalog stays small because the core needs of the dump only type
// names, and a table's column references come in as [Scalar.Column].
//
// # Files
//
//	viewsql.go  Catalog, Relation, Column, Result, Translate
//	scope.go    the scopes of one query: FROM items, WITH queries, output names; the recursive-CTE date workaround (Dolt bug, repro there)
//	select.go   SELECT, set operations, WITH (RECURSIVE: recursion kept), FROM, ORDER BY, LIMIT
//	viewexpr.go view-only expressions (operators, casts, functions, aggregates, sublinks)
//	scalar.go   the expression core shared with defaults, CHECKs and generated columns (Expr)
//	types.go    value kinds (vkind), a type name's kind (typeOf), the annotation pass (annotate, nodeKind)
package viewsql
