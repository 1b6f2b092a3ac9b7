package replication

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pglogrepl"
)

// LSN is a PostgreSQL WAL position (pg_lsn): a byte offset in the WAL,
// written "X/X" in hexadecimal, high and low 32 bits (manual §8.20).
type LSN uint64

// String formats l the way PostgreSQL does, e.g. "0/16B3748".
func (l LSN) String() string { return pglogrepl.LSN(l).String() }

// ParseLSN reads PostgreSQL's "X/X" text form of a WAL position.
func ParseLSN(s string) (LSN, error) {
	hi, lo, ok := strings.Cut(s, "/")
	if ok {
		h, err1 := strconv.ParseUint(hi, 16, 32)
		l, err2 := strconv.ParseUint(lo, 16, 32)
		if err1 == nil && err2 == nil {
			return LSN(h<<32 | l), nil
		}
	}
	return 0, fmt.Errorf("%q is not a WAL position (LSN); want X/X in hexadecimal, e.g. 0/16B3748", s)
}

// Event is one decoded item of the stream: *Relation, *Type, *Begin,
// *Insert, *Update, *Delete, *Truncate, *Commit or *Keepalive.
type Event interface{ event() }

// Relation describes a published table as pgoutput sends it: before the
// first change of the table on a connection, and again whenever the table's
// definition (columns, types, replica identity) changed. The changes that
// follow point to the latest Relation of their table. A Relation is never
// changed after it was delivered.
type Relation struct {
	OID    uint32 // pg_class.oid
	Schema string // namespace, e.g. "public"
	Name   string // table name
	// ReplicaIdentity is pg_class.relreplident: 'd' default (the primary
	// key), 'n' nothing, 'f' full (every column), 'i' an index.
	ReplicaIdentity byte
	Columns         []Column
}

// QualifiedName returns "schema.name", unquoted (for messages).
func (r *Relation) QualifiedName() string { return r.Schema + "." + r.Name }

// Column is one column of a Relation, in table order (dropped and generated
// columns are not sent).
type Column struct {
	Name    string
	TypeOID uint32 // pg_type.oid of the column's type (25 text, 23 int4, ...)
	TypeMod int32  // atttypmod; -1 when the type has none
	// Key is true when the column is part of the replica identity: the
	// primary key, the REPLICA IDENTITY index, or every column under
	// REPLICA IDENTITY FULL.
	Key bool
}

// Type names a data type that is not built in (an enum, a domain, a
// composite type, an extension's type), sent once before the first Relation
// that uses it.
type Type struct {
	OID    uint32
	Schema string
	Name   string
}

// Begin opens a transaction. Its changes follow until the matching Commit.
type Begin struct {
	// CommitLSN is where the transaction's commit record starts (pgoutput's
	// final LSN); equal to the Commit's CommitLSN.
	CommitLSN  LSN
	CommitTime time.Time // the transaction's commit timestamp (UTC)
	XID        uint32    // the transaction id
}

// Commit closes a transaction.
type Commit struct {
	CommitLSN LSN // where the commit record starts
	// EndLSN is the WAL position just after the commit record: confirm it
	// (Stream.Confirm) once the transaction is durable, and resume from it.
	EndLSN     LSN
	CommitTime time.Time // the commit timestamp (UTC)
}

// ValueKind tells how a column is present in a Tuple.
type ValueKind byte

// The kinds of pgoutput's TupleData (manual §55.9): 'n', 'u', 't'.
const (
	Null ValueKind = 'n' // SQL NULL
	// Unchanged is an unchanged TOASTed value that pgoutput does not send:
	// in an Update's new tuple it means "keep the stored value". It never
	// means empty.
	Unchanged ValueKind = 'u'
	Text      ValueKind = 't' // a value in PostgreSQL's text output format
)

// Value is one column's value.
type Value struct {
	Kind ValueKind
	Text string // the text form when Kind is Text, else ""
}

// Tuple holds one value per column of its Relation, in the same order.
type Tuple []Value

// Insert is a new row.
type Insert struct {
	Rel *Relation
	New Tuple
}

// Update is a changed row.
//
// OldKind says what Old holds: 0 (Old is nil) when the replica identity did
// not change and the table is not REPLICA IDENTITY FULL, so New's key
// columns find the row; 'K' when the key columns changed (Old holds the old
// key in the Key columns, NULL in the others); 'O' under REPLICA IDENTITY
// FULL (Old is the whole old row; a TOASTed value may still be Unchanged).
type Update struct {
	Rel     *Relation
	OldKind byte
	Old     Tuple
	New     Tuple
}

// Delete is a removed row: Old is its key ('K', the Key columns; the others
// are NULL) or, under REPLICA IDENTITY FULL, the whole row ('O').
type Delete struct {
	Rel     *Relation
	OldKind byte
	Old     Tuple
}

// Truncate empties tables.
type Truncate struct {
	Rels            []*Relation
	Cascade         bool // TRUNCATE ... CASCADE
	RestartIdentity bool // TRUNCATE ... RESTART IDENTITY
}

// Keepalive reports the server's WAL position between two transactions:
// every transaction that commits before ServerWALEnd and changes a
// published table has been delivered before this event. A caller that has
// made all of them durable may Confirm ServerWALEnd, which lets the server
// recycle WAL while the published tables are idle.
type Keepalive struct {
	ServerWALEnd LSN
	ServerTime   time.Time
}

func (*Relation) event()  {}
func (*Type) event()      {}
func (*Begin) event()     {}
func (*Commit) event()    {}
func (*Insert) event()    {}
func (*Update) event()    {}
func (*Delete) event()    {}
func (*Truncate) event()  {}
func (*Keepalive) event() {}
