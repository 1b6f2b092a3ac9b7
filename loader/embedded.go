//go:build !noembed

package loader

import (
	"database/sql/driver"
	"fmt"
	"io"

	"github.com/dolthub/dolt/go/cmd/dolt/doltversion"
	"github.com/dolthub/dolt/go/libraries/doltcore/doltdb"
	"github.com/dolthub/dolt/go/libraries/doltcore/sqle/dprocedures"
	"github.com/dolthub/dolt/go/libraries/doltcore/sqle/dsess"
	dherrors "github.com/dolthub/dolt/go/libraries/utils/errors"
	"github.com/dolthub/dolt/go/store/chunks"
	embedded "github.com/dolthub/driver"
	gmssql "github.com/dolthub/go-mysql-server/sql"
)

// doltVersion is the version of the embedded Dolt engine, for messages.
const doltVersion = doltversion.Version

// embeddedConnector is the database/sql connector of the in-process Dolt
// engine; closing it releases the database's lock.
type embeddedConnector interface {
	driver.Connector
	io.Closer
}

// openEmbeddedEngine opens the embedded Dolt engine (github.com/dolthub/driver)
// for a DSN "file:///parent?commitname=...&commitemail=...".
func openEmbeddedEngine(dsn string) (embeddedConnector, error) {
	cfg, err := embedded.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("embedded DSN: %w", err)
	}
	return embedded.NewConnector(cfg)
}

// relaxFatalIO makes every database of the engine behind conn return an
// error, instead of crashing the process, when a write of its storage
// fails (doc.go, "Faults").
//
// Dolt 1.83.2 registers each local database with
// FatalBehaviorCrash (cmd/dolt/commands/engine/utils.go newDatabase, and
// sqle/database_provider.go for CREATE DATABASE): on a failed journal
// write, go/libraries/utils/errors.Fatalf panics on a goroutine of its
// own, which no recover can catch: exit 2 and a stack trace. Reproduced
// with the dolt CLI alone:
//
//	mount -t tmpfs -o size=3m tmpfs /mnt/t && cd /mnt/t && mkdir db && cd db && dolt init
//	dolt sql -q "create table t (id int primary key, s longtext)"
//	dolt sql -q "insert into t with recursive r(n) as (select 10000 union all
//	  select n+1 from r where n < 19000) select n, sha2(n, 512) from r"
//	# exit 2: panic: goroutine 1 [running]: ... errors.Fatalf ... journalWriter.flush
//	#   fatal error: write /mnt/t/db/.dolt/noms/vvvv...: no space left on device:
//	#   error writing to database journal file
//	# created by .../libraries/utils/errors.Fatalf in goroutine 61
//
// Dolt crashes so that a long-lived server does not go on writing after
// its journal failed. pgcopy is one run that stops at the first error and
// never publishes after one; the guard (guard.go) stops driving the engine
// after the error. So pgcopy sets FatalBehaviorError, Dolt's default for
// stores that are not registered with the engine, through public methods
// (DoltDB.ValueReadWriter → ValueStore.ChunkStore → SetFatalBehavior, the
// path of DoltDB.SetCrashOnFatalError), on every connection and after
// each CREATE DATABASE. TestDiskFull fails if the crash comes back.
func relaxFatalIO(conn driver.Conn) error {
	return eachDoltDB(conn, func(name string, ddb *doltdb.DoltDB) error {
		vs, ok := ddb.ValueReadWriter().(interface{ ChunkStore() chunks.ChunkStore })
		if !ok {
			return fmt.Errorf("cannot set the fatal I/O behaviour of Dolt database %s: its value store (%T) has no ChunkStore(); update loader/embedded.go for this Dolt version", name, ddb.ValueReadWriter())
		}
		if cs, ok := vs.ChunkStore().(interface {
			SetFatalBehavior(dherrors.FatalBehavior)
		}); ok {
			cs.SetFatalBehavior(dherrors.FatalBehaviorError)
		}
		return nil
	})
}

// purgeCaches drops the engine's in-memory caches of decoded chunks and
// prolly-tree nodes (DoltDB.PurgeCaches, which DOLT_GC's session-aware
// safepoint controller also calls before it starts).
func purgeCaches(conn driver.Conn) error {
	return eachDoltDB(conn, func(_ string, ddb *doltdb.DoltDB) error {
		ddb.PurgeCaches()
		return nil
	})
}

// eachDoltDB calls f for every DoltDB of every database the engine of
// conn (an embedded connection: sessionOf) serves, with the database name.
func eachDoltDB(conn driver.Conn, f func(name string, ddb *doltdb.DoltDB) error) error {
	s, err := sessionOf(conn)
	if err != nil {
		return err
	}
	for _, db := range dsess.DSessFromSess(s.ctx.Session).Provider().DoltDatabases() {
		for _, ddb := range db.DoltDatabases() {
			if err := f(db.Name(), ddb); err != nil {
				return err
			}
		}
	}
	return nil
}

// sessionTrack is the pinned session as Dolt's GC safepoint controller
// knows it (gcbackground.go): registered, and whether a command is
// outstanding on it.
type sessionTrack struct {
	sess gmssql.Session
	busy bool
}

// trackSession registers the pinned session with the engine's GC
// safepoint controller, busy, and switches DOLT_GC in this process to the
// session-aware safepoint controller (dprocedures.RunDoltGC: the
// controller Dolt's sql-server uses when auto_gc is on), which keeps the
// sessions it knows instead of ending every session.
func (t *Target) trackSession() error {
	if t.track != nil {
		return nil
	}
	var s *engineSession
	if err := t.conn.Raw(func(dc any) (err error) {
		s, err = sessionOf(dc)
		return err
	}); err != nil {
		return fmt.Errorf("background dolt_gc: %w", err)
	}
	dprocedures.UseSessionAwareSafepointController = true
	if err := gmssql.SessionCommandBegin(s.ctx.Session); err != nil {
		return fmt.Errorf("background dolt_gc: register the session: %w", err)
	}
	t.track = &sessionTrack{sess: s.ctx.Session, busy: true}
	return nil
}

// Idle tells a running background GC that the pinned session is between
// commands, so that the GC may visit its roots now (gcbackground.go). A
// no-op before the first StartGC. Run nothing on the session until Busy.
func (t *Target) Idle() {
	if t.track != nil && t.track.busy {
		gmssql.SessionCommandEnd(t.track.sess)
		t.track.busy = false
	}
}

// Busy ends an Idle: it waits while a GC visits the session's roots, then
// marks a command outstanding.
func (t *Target) Busy() error {
	if t.track != nil && !t.track.busy {
		if err := gmssql.SessionCommandBegin(t.track.sess); err != nil {
			return fmt.Errorf("background dolt_gc: %w", err)
		}
		t.track.busy = true
	}
	return nil
}

// untrack removes the pinned session from the controller, before the
// session is closed or replaced.
func (t *Target) untrack() {
	if t.track == nil {
		return
	}
	t.Idle()
	gmssql.SessionEnd(t.track.sess)
	t.track = nil
}
