// Package pipeline runs pgcopy's jobs; its main one is `pgcopy copy`
// ([Copy]): it reads the dump twice, translates its schema, loads its rows
// into Dolt, resolves and verifies the foreign keys, and makes one Dolt
// commit. It also runs `pgcopy translate` ([Translate], the script),
// `pgcopy explain` and `overrides suggest` ([Plan]) and `pgcopy verify`
// ([Verify]). Every one of them reads the schema with the same first pass,
// translate.ReadSchema, with the same options (targetOptions), so that
// verify and the script see the schema copy made.
//
// In: [Options] (or PlanOptions, TranslateOptions, VerifyOptions) built by
// the CLI. Out: the run [report.Report] and an error that names the dump
// line, table and column when the run fails. The command-line package never
// opens Dolt or parses a target URL itself: the loader does
// (loader.Open, loader.OpenExisting).
//
// Why two passes: pg_dump writes primary keys, indexes, foreign keys and
// sequence values after the data (the post-data section), but Dolt must see
// each table whole in one CREATE TABLE to keep column tags and hashes
// deterministic (dolt-facts C1). The first pass reads only statements; the
// second streams the COPY blocks and INSERTs. A file is simply read twice;
// stdin is spooled to a temporary file during the first pass. The first
// pass also records where each COPY block starts (and, with --jobs and
// --split-rows, where each part of a large block starts), so that with
// --jobs each block or part is read from its own offset on a session of
// its own; a table loaded in parts gets its AUTO_INCREMENT set afterwards
// (loader.Target.SetAutoIncrement).
//
// The pipeline never makes a Dolt commit unless every step succeeded. With
// PostgreSQL schemas as Dolt databases (translate.SchemasDatabases) it
// loads, checks and commits each database, then publishes them all only
// when every one succeeded (loader.Target.Publish says what happens between
// two databases' publishes); foreign keys between two databases, which
// Dolt cannot hold, are checked for orphans by fkfix.VerifyCross.
//
// Table digests (nightly.go, issue 15): pass 1 hashes every COPY block
// (translate.CopyBlock.Digest, SHA-256 of its header and data lines), and
// the commit message gets one line per table, "table-digest: data=HEX
// schema=HEX NAME": data over the table's blocks, schema over its CREATE
// TABLE text (columns, types with --infer-lengths' lengths, keys, indexes,
// foreign keys, checks, override decisions), its COPY column lists, the
// --on-unrepresentable policy and pgcopy's version. They live in the
// message because a message changes neither a table's dolt_hashof_table
// nor `dolt diff`, nor whether a run makes a commit; a table holding the
// digests would. A dump with INSERT statements records no digests, nor do
// materialized views (filled from their query): such tables are always
// loaded. A run onto a branch whose HEAD has such lines carries every
// table whose two digests match over from that commit (planCarry: the
// table is neither dropped, recreated nor reloaded, and pass 2 skips its
// COPY blocks without decoding them), unless a table it references by a
// foreign key is reloaded; everything else loads as on a fresh copy.
// Dolt's prolly trees are history-independent, so every table's
// dolt_hashof_table equals a fresh copy's (cmd/pgcopy TestNightlyCarry);
// the report gives each table's path ("unchanged", "changed" or
// "reloaded").
//
// Row-hash files and patches (rowhash.go, patch.go): every run writes, for
// each table of the target database with a primary key that one COPY
// block fills, a file of 16-byte hashes of its rows' COPY text with their
// keys, named by the table's dolt_hashof_table, in the state directory
// (--row-hashes; default TARGET/.pgcopy/rowhash, or the user's cache
// directory for a sql-server). A later run that finds a changed table
// whose parent value has such a file (same table shape) keeps the table
// and patches it: it deletes the stored rows no dump row matches, by key,
// and inserts the dump rows no stored row matches; the table's triggers
// are dropped first and recreated after the load, so the writes fire none.
// Keyless tables, partitioned tables (several COPY blocks), tables with
// rejected rows, --schemas databases and a missing or corrupt file all
// reload. The report says "N rows changed" per patched table. A run that
// carried or patched tables skips dolt_gc while the embedded target's
// chunk journal is under 256 MiB (collectGarbage): collecting costs the
// database's size, and such a run leaves little garbage.
//
// For pgcopy follow (internal/follow), Options.MessageTrailer and
// AllowEmpty end the first commit's message with the replication slot's
// position and make that commit even when nothing changed;
// TranslateSchema (followschema.go) runs the first pass alone, and
// ValueFixer applies the --on-unrepresentable policy to replicated rows.
package pipeline
