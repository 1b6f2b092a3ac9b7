// Package source provides the dumps pgcopy reads: a pg_dump plain-format
// file (optionally gzip-compressed) or stdin ([File]); a custom, directory or
// tar-format archive read through pg_restore ([Restore]); and a live
// PostgreSQL server dumped by pg_dump on one exported snapshot ([Live]).
// [Open] picks File or Restore from what a path holds.
//
// In: a path, a reader, or a connection string. Out: an [Input] that can be
// opened more than once (pgcopy reads a dump in two passes), yielding the
// dump's plain SQL text, plus [Meta] for the commit message. A dump file
// whose size changed after the first Open fails a later Open (an error
// naming both sizes). A Live input
// also hands out its snapshot transaction ([Live.Tx]) so that other readers
// (pgcopy verify) see the same data as the dump. With
// LiveOptions.Snapshot it imports a snapshot another session exported
// (SET TRANSACTION SNAPSHOT) instead of exporting its own: pgcopy follow
// passes the one its replication slot was created with.
//
// The package never parses SQL and never writes to Dolt or to PostgreSQL
// (its transaction is READ ONLY). It never puts a password on a command
// line, in a Name, in Meta or in an error message: pg_dump gets it through
// PGPASSWORD. pg_dump and pg_restore output is streamed, never stored in a
// temporary file (an archive given on stdin is the one exception:
// pg_restore needs a file).
//
// References: PostgreSQL manual, "pg_dump" (--snapshot, --format),
// "pg_restore", §9.27.5 "Snapshot Synchronization Functions"
// (pg_export_snapshot), §34.1.1 "Connection Strings".
package source

import (
	"io"
	"time"
)

// Input is a dump that can be read more than once.
type Input interface {
	// Name is used in positions and messages ("pagila.sql", "stdin").
	Name() string
	// Open returns a reader over the dump's plain SQL text and the byte
	// size of the underlying stream when known (0 otherwise).
	Open() (io.ReadCloser, int64, error)
	// Meta describes the input; valid after the first Open was read to
	// the end.
	Meta() Meta
	// Close releases temporary files, snapshots and connections.
	Close() error
}

// Meta is what the Dolt commit message records about the input.
type Meta struct {
	Source        string    // file name, or host/database of a live server (never a password)
	SHA256        string    // hex SHA-256 of a dump file as stored; "" for a live source
	ServerVersion string    // PostgreSQL server version, when the input knows it
	Snapshot      string    // exported snapshot id of a live source
	SnapshotTime  time.Time // when the snapshot was taken; zero when unknown
}

var _ Input = (*File)(nil)
