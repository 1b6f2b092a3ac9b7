// Package follow is `pgcopy follow` (issue 14): it keeps a Dolt branch
// current with a PostgreSQL database through logical replication, one
// Dolt commit per interval.
//
// In: [Options] from the CLI: the source URL, the target, the branch, the
// interval, the slot and publication names, and copy's shape options
// (translate.Options, the table filters, --on-unrepresentable). Out: Dolt
// commits on the branch, each published (fast-forwarded) before its LSN is
// confirmed to the slot; a progress line and a [CommitRecord] per commit.
//
// First run (the branch's head commit records no slot and lsn, or
// --resnapshot, which first drops the old slot): the schema is translated
// from a schema-only pg_dump to learn the tables; replication.Source.Check
// checks the server (wal_level, slots, REPLICATION, replica identity);
// the publication is created or completed (it must exist before the slot);
// the slot is created with EXPORT_SNAPSHOT; then pipeline.Copy copies
// exactly that snapshot (pg_dump --snapshot through source.LiveOptions.
// Snapshot) and makes one commit, even when nothing changed, whose message
// ends with the lines
//
//	slot: NAME
//	publication: NAME
//	lsn: X/X
//
// where lsn is the slot's consistent point. Streaming then starts there.
//
// Resume: a later run reads those lines from the branch's head commit and
// streams from its lsn. A stream started at L yields exactly the
// transactions whose commit record starts at or after L (package
// replication), and the follower also skips any transaction whose commit
// LSN is before L, so nothing is applied twice after a kill -9 anywhere:
// Dolt has either published the commit (and the next run starts after it)
// or not (and the next run applies its transactions again on the old
// head). Every stream commit records as lsn the end of the commit record
// of its last transaction (pgoutput's transaction end LSN, the position
// the server resumes from), with "commit-time:" and the commit date set to
// that transaction's PostgreSQL commit time.
//
// Applying: the schema is translated again (copy's first pass, same
// options) from a schema-only dump of the snapshot the run starts from, so
// each change goes through the same codec, override renames, skipped
// columns and --on-unrepresentable policy as copy (translate.Translator.
// CopyRows on the Relation's column list, rowcodec literals). The
// complete transactions of one commit interval are one SQL transaction on
// the work branch (loader.Target.StartWork per interval; batch.go): a
// table with a primary key gets the interval's net state (DELETE, then
// multi-row REPLACE); for a keyless table INSERTs of consecutive rows, also
// across transactions, are batched, UPDATE and DELETE find the row by the Dolt
// primary key (taken from the old key, 'K', when the key changed), or,
// for a table without one (REPLICA IDENTITY FULL), by every column
// NULL-safe (<=>, JSON values through CAST(... AS JSON)) with LIMIT 1. An
// unchanged TOASTed value ('u') is left out of the SET, so the stored
// value stays. TRUNCATE is DELETE FROM each listed table (RESTART
// IDENTITY does not reset Dolt's AUTO_INCREMENT).
//
// Commits: every CommitEvery, at a transaction boundary (a transaction in
// progress at the tick finishes first), on SIGINT/SIGTERM, at --until now,
// and before returning an error: the complete transactions are committed
// (DOLT_COMMIT on the work branch), published with the fresh-head check,
// and only then confirmed (replication.Stream.Confirm). A transaction in
// progress at a signal or an error is rolled back (discarded) and comes
// again on the next run. No commit is made when nothing changed; when the
// applied transactions changed nothing (net), their LSN is still
// confirmed, as replaying them changes nothing either. Between
// transactions a keepalive lets the follower confirm the server's position
// when nothing is waiting, so an idle follower does not hold WAL.
//
// Memory and disk (embedded target): from the stream's start, Go's soft
// memory limit is Options.StreamMemoryLimit (cmd/pgcopy: 512 MiB unless
// GOMEMLIMIT is set), and the follower drops the engine's
// caches every 20,000 applied row changes, at a PostgreSQL transaction's
// end, or earlier when the heap is high (purgeEvery, pipeline.CachePurge);
// with --gc-journal-mb (off by default: gcDue says why) it starts
// DOLT_GC after a commit once the chunk journal holds that much and as
// much as the store held after the last GC.
// The GC runs in the background on a session of its own
// (loader.Target.StartGC) while the follower goes on applying on its
// session, which it marks idle while it waits for the stream
// (loader.Target.Idle, Busy) so that the GC can visit its roots; at the
// end of a run the follower waits for a running GC. A failed GC ends the
// run with its error: every commit so far is published and confirmed.
//
// Schema changes: logical replication carries no DDL. A Relation message
// whose columns (names, order, type OID and typmod) differ from the
// catalog of the snapshot the schema was translated from stops the
// follower with a diag.Error naming the table and the change, wrapping
// ErrSchemaChanged, hint --resnapshot; the transactions before it are
// committed, the one that met it is not. At a resume, the branch's Dolt
// columns are compared with the schema translated now (names, and types
// up to the lengths copy infers), which catches DDL made while no
// follower ran.
//
// Names: the default slot and publication are DefaultName(target
// database, branch), pgcopy_<database>_<branch>. Slots are per cluster.
//
// The package never writes to PostgreSQL beyond the publication, the slot
// and, with --until now while idle, a non-transactional logical decoding
// message (pg_logical_emit_message) that moves the server's WAL position
// on so that a keepalive reports it. It never confirms an LSN that is not
// published on the branch (or, from a keepalive, that no applied change is
// waiting for), never moves the branch except by Publish, and never follows
// into several Dolt databases (--schemas databases is refused). Views and
// materialized views keep the initial copy's definitions and contents.
package follow
