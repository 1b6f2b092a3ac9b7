package pipeline

import (
	"context"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pgcopy/pgcopy/loader"
)

// cachePurge bounds the memory of a load on the embedded engine, on one
// session or on --jobs sessions: after every `every` rows loaded by all
// sessions together, the session that crossed the mark drops the engine's
// caches (loader.Target.PurgeCaches).
//
// What a load holds is the engine's cache of prolly-tree nodes, which
// every node the load writes enters, garbage included (Dolt's process-wide
// node cache of 256 MiB of node bytes, more in heap). A mid-load DOLT_GC
// bounded it only because it purges that cache before it starts. Measured
// on pgbench scale 50, one session (BENCHMARKS.md, "Bounding the load's
// memory"): purging every 500,000 rows 42.6 s and 342 MiB peak RSS, a
// DOLT_GC every 500,000 rows 54.1 s and 344 MiB, neither 99.9 s and
// 563 MiB. Purging needs no transaction boundary and ends no session, so
// --jobs sessions need not wait for each other. The garbage stays in the
// chunk journal on disk until the GC after the commit.
type cachePurge struct {
	every int64
	rows  atomic.Int64 // rows loaded since the last purge
	runs  atomic.Int64 // purges so far
}

// add counts n loaded rows and reports whether the caller should purge
// now: true for one caller when `every` rows have been loaded since the
// last purge, or earlier (past every/25 rows) when the live heap after
// Go's last GC is over 3/4 of the soft memory limit. Scattered writes (a
// patch's REPLACE, rows out of key order) put a leaf or two into the cache
// per row, about 25 times what a load in key order does, and fill it long
// before `every` rows; measured on a scale-50 nightly patch of 50,000
// scattered rows, Go's GC otherwise ran back to back for the whole write
// (BENCHMARKS.md, nightly section).
func (p *cachePurge) add(n int64) bool {
	r := p.rows.Add(n)
	if r < p.every && (r < p.every/25 || !heapHigh()) {
		return false
	}
	if !p.rows.CompareAndSwap(r, 0) {
		return false
	}
	p.runs.Add(1)
	return true
}

// CachePurge is cachePurge for a writer outside a load: the follower
// (internal/follow), which counts its applied row changes with Add and
// drops the engine's caches when Add says so, also inside an interval's
// open transaction.
type CachePurge struct{ p cachePurge }

// NewCachePurge returns a CachePurge that says to purge after every
// `every` row changes, or earlier when the heap is high (cachePurge.add).
func NewCachePurge(every int64) *CachePurge { return &CachePurge{p: cachePurge{every: every}} }

// Add counts n row changes and reports whether the caller should drop the
// caches now (loader.Target.PurgeCaches).
func (c *CachePurge) Add(n int64) bool { return c.p.add(n) }

// Purges is how many times Add said to purge.
func (c *CachePurge) Purges() int64 { return c.p.runs.Load() }

// heapHigh reports whether the live heap after Go's last GC
// (runtime/metrics /gc/heap/live:bytes) is over 3/4 of the soft memory
// limit (runtime/debug.SetMemoryLimit); false when no limit is set.
func heapHigh() bool {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		return false
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return false
	}
	return int64(sample[0].Value.Uint64()) > limit/4*3
}

// gcBarrier runs DOLT_GC in the middle of a --jobs load on a sql-server
// (--server-gc), as midLoadGC does for one session: after every `every`
// rows loaded by all workers together. DOLT_GC ends every session of the engine, so it may only run
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

	gcTime   time.Duration // spent in the GCs
	waitTime time.Duration // summed over workers: parked or waiting in enter
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
	if b.due.Load() {
		start := time.Now()
		for b.due.Load() && b.err == nil {
			b.cond.Wait()
		}
		b.waitTime += time.Since(start)
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
	start := time.Now()
	b.parked++
	gen := b.gen
	b.maybeRun()
	for b.gen == gen && b.err == nil {
		b.cond.Wait()
	}
	b.parked--
	b.waitTime += time.Since(start)
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
	start := time.Now()
	if b.err = b.ctx.Err(); b.err == nil {
		// Not b.ctx itself: the main session outlives the load, and the
		// embedded driver keeps the context its connection was opened
		// with for the session's statements (a canceled one fails the
		// foreign-key step after the load with "context canceled").
		b.err = b.main.GCAndReconnect(context.WithoutCancel(b.ctx))
	}
	b.gcTime += time.Since(start)
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

// heapMu serializes reserveHeap's changes to the soft memory limit.
var heapMu sync.Mutex

// reserveHeap raises Go's soft memory limit (runtime/debug.SetMemoryLimit;
// cmd/pgcopy sets 256 MiB unless GOMEMLIMIT is set) by n bytes until the
// returned release is called. pgcopy calls it for its own large,
// pointer-free data (a patched table's row hashes: about 21 bytes per
// stored row), which the collector never needs to scan but which counts
// against the limit: with 5 M hashes (scale 50) in the heap under an
// unchanged limit, Go's GC ran back to back for the whole patch (37 % of
// the run's CPU in mark workers; BENCHMARKS.md, nightly section). With no
// limit set it does nothing.
func reserveHeap(n int64) (release func()) {
	heapMu.Lock()
	defer heapMu.Unlock()
	cur := debug.SetMemoryLimit(-1)
	if n <= 0 || cur == math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(cur + n)
	return func() {
		heapMu.Lock()
		defer heapMu.Unlock()
		debug.SetMemoryLimit(debug.SetMemoryLimit(-1) - n)
	}
}
