// Package testenv gives tests access to the real PostgreSQL server and the
// real dolt CLI that ./scripts/test.sh provides.
//
// pgcopy's tests never mock either side and never skip: when the environment
// is missing, every helper fails the test with a message telling the user to
// run ./scripts/test.sh. The script starts a throwaway PostgreSQL cluster,
// builds the dolt CLI pinned in go.mod and exports:
//
//	PGCOPY_TEST_PGURL  URL of the cluster's "postgres" database (superuser, trust auth)
//	                   (wal_level=logical: logical replication connections work too)
//	PGCOPY_TEST_PGBIN  PostgreSQL bin dir (psql, pg_dump, pg_restore, pgbench, ...)
//	PGCOPY_TEST_DOLT   absolute path of the dolt binary
//
// In: a *testing.T and the environment above. Out: connection URLs, paths,
// throwaway databases and clusters, dumps restored into PostgreSQL and Dolt
// databases opened for comparison, each cleaned up with t.Cleanup.
//
// Import this package from _test.go files only (or from helper packages that
// only tests import): it calls t.Fatal and panics at init time when linked
// into a binary that is not a test.
package testenv
