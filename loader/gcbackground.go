package loader

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// BackgroundGC is a DOLT_GC running on a session of its own while the
// pinned session goes on writing: the online garbage collection that
// Dolt's sql-server runs as its auto-GC (Dolt docs, "Garbage
// collection", auto_gc_behavior). Start it with [Target.StartGC].
//
// It uses Dolt's session-aware GC safepoint controller, not the default
// one that ends every session: the GC waits until each session it knows
// is between commands, visits that session's in-memory roots (its
// uncommitted working set among them) so that their chunks are kept, and
// only then finalizes. The embedded driver does not tell the controller
// where a session's commands begin and end (only the sql-server's
// handler does), so the target registers its pinned session itself and
// marks where it is idle: [Target.Idle] and [Target.Busy]. A session the
// controller does not know is not visited; none but the pinned one may
// write while a BackgroundGC runs.
type BackgroundGC struct {
	done    chan struct{}
	err     error
	started time.Time
	took    time.Duration
}

// Done is closed when the GC has ended; Err then says how.
func (g *BackgroundGC) Done() <-chan struct{} { return g.done }

// Err is the GC's error (nil when it succeeded); valid once Done is closed.
func (g *BackgroundGC) Err() error { return g.err }

// Took is how long the GC ran; valid once Done is closed.
func (g *BackgroundGC) Took() time.Duration { return g.took }

// Wait blocks until the GC has ended and returns Err.
func (g *BackgroundGC) Wait() error {
	<-g.done
	return g.err
}

// ErrBackgroundGC is the error of a StartGC on a target that cannot
// collect in the background: a sql-server (its own auto-GC does), or a
// target with more than one database.
var ErrBackgroundGC = errors.New("a background dolt_gc needs an embedded target with one database")

// StartGC starts DOLT_GC() of the target database on a new session and
// returns at once; ctx must outlive the GC (it is the new session's
// context, see GCAndReconnect). The pinned session stays valid and keeps
// its SQL transaction; while the GC runs, call Idle before the pinned
// session waits for input and Busy before it writes again, so that the GC
// can reach its safepoint (it waits for the next Idle). Between StartGC
// and the end of the GC, run nothing on other sessions of this target
// (Worker, freshHead). Errors: ErrBackgroundGC, or the engine's error
// when the session cannot be opened.
func (t *Target) StartGC(ctx context.Context) (*BackgroundGC, error) {
	if t.Kind != Embedded || len(t.others) > 0 {
		return nil, ErrBackgroundGC
	}
	if err := t.trackSession(); err != nil {
		return nil, err
	}
	t.db.SetMaxOpenConns(0) // the pool allows only the pinned connection until the first Worker or GC
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open a session for dolt_gc: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "USE "+sqltext.Ident(t.cur)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("open a session for dolt_gc: %w", err)
	}
	g := &BackgroundGC{done: make(chan struct{}), started: time.Now()}
	go func() {
		defer close(g.done)
		_, err := conn.ExecContext(ctx, "CALL DOLT_GC()")
		g.took = time.Since(g.started)
		if err != nil {
			g.err = fmt.Errorf("dolt_gc: %w", err)
		}
		conn.Close()
	}()
	return g, nil
}
