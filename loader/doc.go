// Package loader writes pgcopy's translated schema and rows into a Dolt
// database over database/sql, and makes the Dolt commit.
//
// In: a target (a directory for the embedded engine, github.com/dolthub/driver,
// or a mysql:// URL of a dolt sql-server), the [schema.Database] from
// translate, and rows (SQL tuples, or Go values for the embedded engine).
// Out: tables and rows in the target's working set, and finally one Dolt
// commit.
//
// A mysql:// target is parsed by [ParseServerURL] alone (serverurl.go has
// the grammar: tls=, tls-ca=, timeout=, nothing else; the password from the
// URL, [PasswordSource].File or PGCOPY_TARGET_PASSWORD), for copy and
// verify both; its mistakes are [SpecError]s (usage errors) and never
// hold the password.
//
// [OpenExisting] opens a target for reading only (`pgcopy verify`, on a
// branch as a revision database); it never creates a database.
//
// Both targets go through the same code: one pinned *sql.Conn (Dolt keeps
// session state per connection: [SessionSettings], which `pgcopy translate`
// also writes at the top of its script), every write
// through ExecContext (the embedded driver drops errors of writes run through
// QueryContext; dolt-facts D). Rows differ by target:
//   - sql-server (and the embedded engine with Options.SQLInserts): batched
//     multi-row INSERT statements of 1,000 rows;
//   - embedded (the default): batches of 1,000 rows of Go values, written
//     through the engine's analyzed INSERT plan with a row source instead
//     of SQL text, the path `dolt table import` takes
//     (mvdata.SqlEngineTableWriter). It skips parsing and planning the
//     statement text and is about 1.4x faster (BENCHMARKS.md). The engine
//     session is read from dolthub/driver's unexported DoltConn fields by
//     reflection (bulk.go), the one place pgcopy reaches past a
//     dependency's API; the driver version is pinned in go.mod and
//     TestBulkPathIsUsed fails if the fields change.
//
// Each batch runs on a goroutine of its own while the caller prepares the
// next one (Inserter). Both paths store identical tables: TestTypeMatrix
// compares dolt_hashof_table of the two.
//
// [Target.PurgeCaches] drops the embedded engine's node and chunk caches
// through the same session (DoltDB.PurgeCaches on each database): what a
// load or a follower holds in memory is that cache, which every node it
// writes enters (BENCHMARKS.md, "Bounding a load's memory without
// DOLT_GC"). [Target.GCAndReconnect] runs DOLT_GC in the middle of a load
// on a sql-server (--server-gc), and [Target.Rejoin] gives a --jobs worker
// a fresh session after it. [Target.StartGC] runs DOLT_GC on an embedded
// target in the background, on a session of its own, with Dolt's
// session-aware GC safepoint controller, while the pinned session goes on
// writing (the follower; gcbackground.go).
// The loader never parses PostgreSQL and never decides how a value is
// converted; translate does. It never commits anything that failed: a run
// that stops early leaves the branch HEAD untouched, and the next run resets
// the working set of its fresh work branch first (Dolt docs, "Version Control Features: Working Set").
//
// Nightly carry-over (carry.go): [Target.Keep] names tables that Prepare
// does not drop and CreateTables does not create, so they stay as the
// parent commit holds them, and among them the tables the run patches
// (whose triggers Prepare drops); the pipeline decides which (one database
// only). [Target.TableHash] reads a table's dolt_hashof_table.
//
// Routines (routines.go): [Target.CreateRoutines] creates the
// schema.Database's triggers (and, when translate produces them, stored
// functions and procedures) from their MySQL text, each in its database;
// the pipeline creates the triggers after the data load and the
// foreign-key check, so that loading never fires them. A routine Dolt
// rejects becomes a skipped report entry with Dolt's message, never a
// failed copy. Prepare drops the previous snapshot's triggers and
// routines first.
//
// Several databases (pgcopy --schemas databases; databases.go): the target
// database and those of [Target.AddDatabases] share the one pinned
// session, in which every database has its work branch checked out; rows
// are written with database-qualified names, one database per SQL
// transaction (Dolt refuses more); DDL, DOLT_COMMIT, DOLT_GC and
// constraint checks run per database after [Target.Use]. Dolt has no
// commit over several databases: [Target.Publish] publishes nothing unless
// every branch is where StartWork found it, then fast-forwards the
// databases one after another, the target last. The loader never drops a
// database.
//
// Locking: one writer per target branch (lock.go). StartWork first takes
// a lock that dies with the process, not only at a clean exit, then loads
// onto a work branch of the run's own, pgcopy-work/<branch>/<run id>
// (run id: UTC start time, host, PID, 4 random hex digits). A run that
// finds the lock held fails before it changes anything, with an error
// naming the holder (pid, host, start time, branch, run id).
//   - embedded: flock(2) (github.com/gofrs/flock) on the file
//     .<database>.pgcopy-lock next to each database's directory, which
//     then holds the holder's pid, host, start time and branch. Dolt's own
//     lock is an flock on <database>/.dolt/noms/LOCK, taken by the engine
//     for every database of its directory with a 100 ms timeout; an
//     engine that cannot take it opens the database read-only (nbs
//     newJournalManifest), hence "database is read only" before pgcopy
//     had its own lock. The lock covers the whole database, every branch.
//   - sql-server: GET_LOCK('pgcopy:<database>/<branch>', 0) for each
//     database of the copy, on a session of its own kept open until Close.
//     Measured on Dolt 1.83.2: GET_LOCK and IS_USED_LOCK work (the latter
//     gives the holder's connection id, whose host
//     information_schema.processlist shows), and a client killed with
//     SIGKILL loses its locks as soon as the server sees the connection
//     close (go-mysql-server's handler releases a closed connection's
//     locks; TestKilledRunCleanedUp takes the lock right after the kill).
//     The holder's run id is read from its work branch name. DOLT_GC ends
//     every session, the lock's too, so a mid-load GC (--server-gc) takes
//     the lock again.
//
// With several databases (--schemas databases) the run locks every one of
// them (one lock file, or one named lock, per database), all before any
// work branch is made. Holding the lock, StartWork deletes every other
// pgcopy-work/<branch>/<run id> (their runs are dead) and the old-style
// pgcopy-work/<branch>. Publish fast-forwards only from the HEAD StartWork
// recorded, checked again in the SQL transaction of the merge; a moved
// branch fails with "the branch moved during the copy (another writer?)".
// DOLT_MERGE('--ff-only') alone would accept a branch moved back to an
// ancestor of the work branch (TestBranchMovedDuringCopy/back). On a
// sql-server the check reads the branch on a new session too: the pinned
// session was measured reading a moved or deleted branch as it was
// (branch.go freshHead). Dolt has no compare-and-swap of a branch in SQL,
// so a writer that is not pgcopy can still move the branch between the
// check and the merge's commit; Publish reads the branch again after the
// merge and fails the same way unless it holds the copy's commit (the
// other writer's move then stands). The embedded engine's lock keeps every
// other process out (TestBranchLockedDuringCopy).
//
// Faults (guard.go, writable.go, embedded.go): for the embedded target,
// openEmbedded first checks that this process can create and remove a
// file in the database's directory, its .dolt and .dolt/noms, and the
// engine directory (or the lock file) next to it, and that Dolt has a
// home directory ($DOLT_ROOT_PATH or $HOME); a failure is a diag.Error
// naming the user and the owner, before anything is opened. (Dolt 1.83.2
// opens a database it cannot write as a nil DoltDB and panics in
// engine.newDatabase; with no $HOME it leaves the database out: "database
// not found".) Every call into the engine then goes through one guard:
// the database/sql driver of the embedded engine is wrapped (Connect,
// Prepare, Exec, Query, Next, Begin, Commit, Rollback, Close), and the
// engine row path (bulk.go) runs under the same guard. A panic inside the
// engine is recovered there and becomes a diag.Error with the panic value
// and the function and file:line that panicked (the stack trace goes to
// a file in $TMPDIR, named in the hint); a write that fails with ENOSPC
// becomes "the disk is full (ENOSPC): Dolt could not write FILE" with a
// hint. After either fault the engine is not driven again in the process
// (a panic may leave its locks held; Dolt treats a failed journal write
// as fatal): every later call returns the same error, Close leaves the
// engine to the process's end, and no step can publish. Panics in
// pgcopy's own code outside the engine are not recovered.
// Dolt 1.83.2 crashes the process on a failed journal write (a panic on a
// goroutine of its own, which no recover reaches); relaxFatalIO
// (embedded.go, with the reproduction) sets Dolt's error behaviour on the
// engine's databases instead. Space: a copy's peak on disk is about 4
// times the plain dump (pagila 3.4 MB: 13 MB; chinook 0.4 MB: 0.8 MB).
// On a sql-server target the files are the server's: its permissions
// and its disk are its own faults, reported as SQL errors (or the
// server's crash, by Dolt's design).
//
// Push credentials (push.go): a --push URL's user and password are taken
// out of it by ParsePush before anything is created or printed. The user
// goes to DOLT_PUSH('--user', ...); on the embedded target the password
// goes to Dolt's own DOLT_REMOTE_PASSWORD in the process environment for
// the length of the push (Dolt reads it there for http(s) remotes). The
// remote pgcopy adds for a URL, pgcopy-push-<run id>, holds the URL
// without credentials and is removed after the push, whether it worked or
// not. A sql-server target reads DOLT_REMOTE_PASSWORD from the server's
// environment, so a password in the URL is refused before loading (exit
// 2). Messages and the report pass through diag.Redact. Test:
// cmd/pgcopy TestPushCredentials.
//
// The loader never writes the run report: a step returns what it did (for
// example [ViewsOutcome] from CreateViews) and the orchestrator,
// internal/pipeline, records it. Data flows one way. The public API takes
// and returns no internal type (internal/apicheck's test checks every
// public package).
//
// CreateViews' notes include one per created view that calls GROUP_CONCAT:
// Dolt cuts its result at the reading session's group_concat_max_len
// (1024 bytes by default), which the loader cannot set for the view's
// readers (repro at groupConcatNote in views.go).
package loader
