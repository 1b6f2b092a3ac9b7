package translate

import pg "github.com/pganalyze/pg_query_go/v5"

// partialPredicateDropped is the report note for a non-unique partial
// index (CREATE INDEX ... WHERE pred), created on its columns without the
// predicate: Dolt has no partial indexes (Dolt docs, "Indexes"), and an
// index that is not unique constrains no row, so dropping the predicate
// only changes which lookups it speeds up and how large it is.
func partialPredicateDropped(where *pg.Node) string {
	return partialPredicateGroup + " (WHERE " + deparse(where) + ")"
}

// partialPredicateGroup is partialPredicateDropped without the predicate:
// the summary line that counts them.
const partialPredicateGroup = "partial index predicate dropped: only affects speed"

// whyNoPartialUnique is the report reason for a skipped partial unique
// index (CREATE UNIQUE INDEX ... WHERE pred), measured on Dolt 1.83.2.
//
// The PostgreSQL behaviour (rows outside pred never collide, rows inside
// do) would be a unique functional index on (CASE WHEN pred THEN col END)
// per key column, but Dolt 1.83.2 cannot create one. Reproduction with the
// dolt CLI alone, in a fresh `dolt init` directory:
//
//	dolt sql -q "CREATE TABLE t (id int primary key, email varchar(100), deleted boolean)"
//	dolt sql -q "CREATE UNIQUE INDEX u ON t ((CASE WHEN NOT deleted THEN email END))"
//	  -> exit 0, no message, and SHOW INDEX FROM t lists only PRIMARY:
//	     the index is silently not created, so duplicates are accepted
//	dolt sql -q "ALTER TABLE t ADD UNIQUE INDEX u2 ((CASE WHEN NOT deleted THEN email END))"
//	  -> Error parsing SQL: syntax error at position 37 near 'u2'
//	dolt sql -q "CREATE TABLE t2 (id int primary key, email varchar(100), UNIQUE KEY u3 ((lower(email))))"
//	  -> Error parsing SQL: syntax error at position 74 near 'u3'
//
// A unique index on a generated column holding the CASE would enforce it,
// but Dolt parses and ignores INVISIBLE (the column shows in SELECT * and
// SHOW CREATE TABLE), so it would add a column PostgreSQL's table does
// not have. The index is therefore skipped, with this reason.
const whyNoPartialUnique = "Dolt has no partial indexes, and enforcing it on every row would reject valid data; " +
	"a unique functional index on (CASE WHEN pred THEN col END) would be exact, but Dolt 1.83.2 silently creates no index for " +
	"CREATE UNIQUE INDEX u ON t ((CASE WHEN ... END)) and rejects the ALTER TABLE and CREATE TABLE forms with " +
	"\"Error parsing SQL: syntax error\" (reproduction in translate/partialindex.go)"
