package pipeline

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/pgcopy/pgcopy/loader"
)

// gcBarrier runs DOLT_GC in the middle of a --jobs load, as midLoadGC does
// for one session: after every `every` rows loaded by all workers
// together. DOLT_GC ends every session of the engine, so it may only run
// when no worker is inside a SQL transaction. A worker that sees a GC due
// commits what it has written so far and parks; the last busy worker to
// park (or to finish its part) runs the GC on the main session, and every
// worker then takes a fresh session (loader.Target.Rejoin) before its next
// transaction. A worker between parts waits in enter while a GC is due.
//
// Without it the parallel load's memory grows with the dump (BENCHMARKS.md,
// "--jobs 2 at scale 50").
type gcBarrier struct {
	ctx   context.Context // the load's: a cancelled load runs no GC
	every int64
	main  *loader.Target // runs the GC (GCAndReconnect) and rejoins workers

	rows atomic.Int64 // rows loaded since the last GC, by all workers
	due  atomic.Bool  // rows >= every: park at the next row

	mu     sync.Mutex
	cond   *sync.Cond
	busy   int   // workers inside enter ... leave
	parked int   // of them, waiting in park for the GC
	gen    int   // GCs run so far
	err    error // the GC's error, which ends the load
}

func newGCBarrier(ctx context.Context, main *loader.Target, every int64) *gcBarrier {
	b := &gcBarrier{ctx: ctx, every: every, main: main}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// gcWorker is one --jobs session and the number of the last GC it has
// rejoined after.
type gcWorker struct {
	t   *loader.Target
	gen int
}

// add counts n loaded rows and reports whether a GC is due, so that the
// caller should commit and park.
func (b *gcBarrier) add(n int64) bool {
	if b.rows.Add(n) >= b.every {
		b.due.Store(true)
	}
	return b.due.Load()
}

// enter is called by w before it starts a part: it waits out a due GC and
// rejoins after any GC it has not seen yet.
func (b *gcBarrier) enter(ctx context.Context, w *gcWorker) error {
	b.mu.Lock()
	for b.due.Load() && b.err == nil {
		b.cond.Wait()
	}
	err, gen := b.err, b.gen
	if err == nil {
		b.busy++
	}
	b.mu.Unlock()
	if err != nil {
		return err
	}
	return b.rejoin(ctx, w, gen)
}

// leave is called by w after its part committed (or failed).
func (b *gcBarrier) leave() {
	b.mu.Lock()
	b.busy--
	b.maybeRun()
	b.mu.Unlock()
}

// park is called by w between two of its transactions when add reported a
// GC due: it waits until the GC has run, then rejoins.
func (b *gcBarrier) park(ctx context.Context, w *gcWorker) error {
	b.mu.Lock()
	b.parked++
	gen := b.gen
	b.maybeRun()
	for b.gen == gen && b.err == nil {
		b.cond.Wait()
	}
	b.parked--
	err, gen := b.err, b.gen
	b.mu.Unlock()
	if err != nil {
		return err
	}
	return b.rejoin(ctx, w, gen)
}

// maybeRun runs the GC when one is due and every busy worker is parked.
// Called with b.mu held; the GC runs under it, so no worker enters a
// transaction meanwhile.
func (b *gcBarrier) maybeRun() {
	if !b.due.Load() || b.busy != b.parked || b.err != nil {
		return
	}
	if b.err = b.ctx.Err(); b.err == nil {
		// Not b.ctx itself: the main session outlives the load, and the
		// embedded driver keeps the context its connection was opened
		// with for the session's statements (a canceled one fails the
		// foreign-key step after the load with "context canceled").
		b.err = b.main.GCAndReconnect(context.WithoutCancel(b.ctx))
	}
	b.gen++
	b.rows.Store(0)
	b.due.Store(false)
	b.cond.Broadcast()
}

func (b *gcBarrier) rejoin(ctx context.Context, w *gcWorker, gen int) error {
	if w.gen == gen {
		return nil
	}
	w.gen = gen
	return b.main.Rejoin(ctx, w.t)
}
