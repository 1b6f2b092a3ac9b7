package pipeline

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// sink is where the data pass writes rows: a loader.Target, or a script.
type sink interface {
	Begin(ctx context.Context) error
	CommitTx(ctx context.Context) error
	Inserter(t *schema.Table, cols []string) *loader.Inserter
	PurgeCaches(ctx context.Context) error
}

// dataPass is the second pass: it streams every COPY block and INSERT
// statement of the dump into a sink.
type dataPass struct {
	src      source.Input
	tr       *translate.Translator
	rep      *report.Report
	rj       *rejecter
	blocks   []translate.CopyBlock // from the first pass; nil when unknown
	progress func(Progress)
	// textBytes is how many bytes of dump text the first pass read; the
	// second must read as many (0: not checked).
	textBytes int64

	// carry are the tables carried over from the parent commit
	// (nightly.go): their COPY blocks are skipped without decoding.
	carry map[*schema.Table]bool
	// patch are the tables patched onto the parent's rows (patch.go).
	patch map[*schema.Table]*patchPlan
	// hashes collects the row-hash files of the tables this run writes
	// (rowhash.go); nil writes none.
	hashes *rowHashes

	// Bounding the load's memory (--gc-every): on the embedded engine,
	// purge drops the engine's caches after every so many rows, on one
	// session or many (membound.go). On a sql-server with --server-gc,
	// gcEvery runs DOLT_GC on one session (midLoadGC), and barrier on
	// --jobs sessions. All nil or 0: none.
	purge   *cachePurge
	gcEvery int64
	sinceGC int64
	barrier *gcBarrier

	stall     func() error // the kill test's stall hook, shared by all blocks
	stallOnce sync.Once

	mu   sync.Mutex // guards cur and progress calls in parallel mode
	cur  Progress
	done int64 // bytes of COPY blocks finished, in parallel mode
}

func (d *dataPass) report(p Progress) {
	if d.progress != nil {
		d.progress(p)
	}
}

// run loads everything in dump order on one session.
func (d *dataPass) run(ctx context.Context, tgt sink) error {
	return d.walk(ctx, tgt, func(ev dump.Event, k int, rd *dump.Reader, rows *translate.Rows) error {
		if rows == nil || d.carry[rows.Table] {
			return nil // an override drops the table's rows, or the table is carried over
		}
		var expected int64
		if k < len(d.blocks) {
			expected = d.blocks[k].Rows
		}
		d.cur.Table, d.cur.Rows, d.cur.TableRows = rows.Source, 0, expected
		w := d.hashes.writer(rows)
		if p := d.patch[rows.Table]; p != nil {
			return d.patchBlock(ctx, tgt.(*loader.Target), rd, rows, p, w)
		}
		return d.loadBlock(ctx, tgt, nil, rd, rows, w, func(rd *dump.Reader) {
			if d.cur.Rows++; d.cur.Rows%4096 == 0 {
				d.cur.Read = rd.Offset()
				d.report(d.cur)
			}
		})
	})
}

// runParallel loads COPY blocks on jobs sessions at once; INSERT
// statements still load in dump order on the main session. It falls back
// to run when the input cannot be read from an offset.
func (d *dataPass) runParallel(ctx context.Context, tgt *loader.Target, jobs int, serverGC int64) error {
	seek, ok := d.src.(source.Seekable)
	if f, isFile := d.src.(*source.File); !ok || d.blocks == nil || (isFile && !f.CanSeek()) {
		d.rep.Note("--jobs ignored: the input cannot be read from an offset (gzip, a live source or an archive); blocks loaded one at a time")
		return d.run(ctx, tgt)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if serverGC > 0 {
		d.barrier = newGCBarrier(ctx, tgt, serverGC)
	}
	type job struct {
		b    translate.CopyBlock // with off and line of the part to load
		n    int64               // rows of the part; 0: to the end of the block
		rows *translate.Rows
		w    *rowHashWriter // the table's row-hash file; nil for none
	}
	// splitBlock returns the parts of b to load (see Options.SplitRows):
	// the whole block, or, for a table with a primary key, one part per
	// recorded start. A table without one is never split: Dolt keys its
	// rows by content, and two sessions inserting equal rows would have to
	// merge their counts.
	splitBlock := func(b translate.CopyBlock, rows *translate.Rows) []job {
		w := d.hashes.writer(rows)
		if len(b.Parts) == 0 || len(rows.Table.PrimaryKey) == 0 || d.patch[rows.Table] != nil {
			return []job{{b: b, rows: rows, w: w}}
		}
		out := make([]job, 0, len(b.Parts)+1)
		prev := translate.BlockPart{Off: b.Off, Line: b.Line}
		for _, p := range append(b.Parts, translate.BlockPart{Row: b.Rows}) {
			part := b
			part.Off, part.Line = prev.Off, prev.Line
			n := p.Row - prev.Row
			if p.Off == 0 { // the last part reads to the "\." line
				n = 0
			}
			out = append(out, job{b: part, n: n, rows: rows, w: w})
			prev = p
		}
		return out
	}
	split := map[*schema.Table]bool{} // tables loaded in parts
	ch := make(chan job)
	errc := make(chan error, jobs)
	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		t, err := tgt.Worker(ctx)
		if err != nil {
			cancel()
			wg.Wait()
			return err
		}
		w := &gcWorker{t: t}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer w.t.Close()
			for j := range ch {
				if err := d.loadAt(ctx, w, seek, j.b, j.n, j.rows, j.w); err != nil {
					errc <- err
					cancel()
					for range ch { // drain so the dispatcher never blocks
					}
					return
				}
			}
		}()
	}
	k := 0
	err := d.walk(ctx, tgt, func(ev dump.Event, _ int, _ *dump.Reader, rows *translate.Rows) error {
		if k >= len(d.blocks) || d.blocks[k].Header.Pos != ev.Pos {
			return fmt.Errorf("%s: COPY block not found in the first pass's list; rerun without --jobs", ev.Pos)
		}
		b := d.blocks[k]
		k++
		if rows == nil || d.carry[rows.Table] {
			return nil // an override drops the table's rows, or the table is carried over
		}
		parts := splitBlock(b, rows)
		if len(parts) > 1 {
			split[rows.Table] = true
		}
		for _, j := range parts {
			select {
			case ch <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	close(ch)
	wg.Wait()
	close(errc)
	if werr := <-errc; werr != nil {
		return werr // the first worker error explains a cancelled dispatcher
	}
	if err != nil {
		return err
	}
	if p := d.purge; p != nil && p.runs.Load() > 0 {
		d.rep.Note("the load dropped the engine's caches %d times, after every %d rows (--gc-every)", p.runs.Load(), p.every)
	}
	if b := d.barrier; b != nil && b.gen > 0 {
		d.rep.Note("--jobs %d: the load ran DOLT_GC %d times, after every %d rows (--gc-every), in %.1f s; the sessions waited %.1f s for them in all", jobs, b.gen, b.every, b.gcTime.Seconds(), b.waitTime.Seconds())
	}
	for tb := range split {
		if err := tgt.SetAutoIncrement(ctx, tb); err != nil {
			return err
		}
	}
	return nil
}

// loadAt loads one COPY block, or n rows of it (n > 0) from b.Off and
// b.Line, on session w, recording its rows in hw (when set); a patched
// table's block is patched (patch.go).
func (d *dataPass) loadAt(ctx context.Context, gw *gcWorker, seek source.Seekable, b translate.CopyBlock, n int64, rows *translate.Rows, hw *rowHashWriter) error {
	if d.barrier != nil {
		if err := d.barrier.enter(ctx, gw); err != nil {
			return err
		}
		defer d.barrier.leave()
	}
	w := gw.t
	rc, err := seek.OpenAt(b.Off)
	if err != nil {
		return err
	}
	defer rc.Close()
	rd := dump.NewCopyReader(rc, d.src.Name(), b.Line, b.Header.Pos)
	rd.StopAfter(n)
	start := rd.Offset()
	if p := d.patch[rows.Table]; p != nil {
		err = d.patchBlock(ctx, w, rd, rows, p, hw)
	} else {
		var bw *gcWorker // with a barrier, the load parks for its GCs
		if d.barrier != nil {
			bw = gw
		}
		err = d.loadBlock(ctx, w, bw, rd, rows, hw, nil)
	}
	d.mu.Lock()
	d.done += rd.Offset() - start
	d.cur.Read, d.cur.Table = d.done, ""
	d.report(d.cur)
	d.mu.Unlock()
	return err
}

// walk reads the dump in order. It loads INSERT statements itself (on
// tgt) and hands each COPY block, with its index among the blocks and its
// resolved Rows, to copyFn, whose reader is positioned at the block's rows.
func (d *dataPass) walk(ctx context.Context, tgt sink, copyFn func(ev dump.Event, k int, rd *dump.Reader, rows *translate.Rows) error) error {
	rc, total, err := d.src.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	rd := dump.NewReader(rc, d.src.Name())
	d.cur.Total = total
	ins := &insertRun{d: d, tgt: tgt}
	defer ins.drain()
	k := 0
	for {
		if d.blocks == nil || d.cur.Table != "" {
			d.cur.Read = rd.Offset()
			d.report(d.cur)
		}
		ev, err := rd.Next()
		if err == io.EOF {
			if d.textBytes > 0 && rd.Offset() != d.textBytes {
				return diag.New(dump.Pos{File: d.src.Name(), Line: rd.Line()}, "", "",
					fmt.Errorf("the dump changed while pgcopy read it: the first pass read %d bytes, the second %d", d.textBytes, rd.Offset()),
					"something wrote to the dump file during the copy; copy from a finished dump; nothing was committed")
			}
			break
		}
		if err != nil {
			return err
		}
		switch {
		case ev.Kind == dump.Copy:
			if err := ins.finish(ctx); err != nil {
				return err
			}
			rows, err := d.tr.CopyRows(ev)
			if err != nil {
				return err
			}
			if err := copyFn(ev, k, rd, rows); err != nil {
				return err
			}
			if rows == nil {
				// An override drops this table's rows: count them, so the
				// report accounts for every row read.
				var n int64
				for {
					if _, _, err := rd.CopyRow(); err == io.EOF {
						break
					} else if err != nil {
						return err
					}
					n++
				}
				if !d.tr.SkippedRows(ev, n) { // false: not an extension's table
					d.rep.Note("%s: %d rows of the COPY block at %s not loaded (skip_data override)", firstLine(ev.Text), n, ev.Pos)
				}
			}
			k++
		case ev.Kind == dump.Stmt && isInsert(ev.Text):
			if err := ins.add(ctx, ev); err != nil {
				return err
			}
		}
	}
	if err := ins.finish(ctx); err != nil {
		return err
	}
	d.cur.Read = rd.Offset()
	d.report(d.cur)
	return nil
}

// loadBlock loads the rows of one COPY block from rd, in one SQL
// transaction on tgt, recording each row in w when set (rowhash.go).
// onRow, when set, is called after each row.
func (d *dataPass) loadBlock(ctx context.Context, tgt sink, gw *gcWorker, rd *dump.Reader, rows *translate.Rows, w *rowHashWriter, onRow func(*dump.Reader)) error {
	name := rows.Table.ReportName() // database.table when schemas become databases
	d.rep.Update(name, func(t *report.Table) { addSource(t, rows.Source) })
	start, startOff := time.Now(), rd.Offset()
	if err := tgt.Begin(ctx); err != nil {
		return err
	}
	in := tgt.Inserter(rows.Table, rows.Columns)
	defer in.Drain() // a batch may be in flight when the load ends early
	if d.rj.max > 0 {
		in.Reject = func(pos dump.Pos, line []byte, err error) error { return d.rj.reject(name, pos, line, err) }
	}
	d.stallOnce.Do(func() { d.stall = stallHook(ctx) })
	var fields []pgtext.Field
	var read, sinceAdd int64
	for {
		line, pos, err := rd.CopyRow()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		read++
		if w != nil {
			w.add(hashRow(line), line)
		}
		var ok bool
		if fields, ok, err = d.copyRow(ctx, in, rows, name, line, pos, fields); err != nil {
			return err
		} else if !ok {
			continue // rejected
		}
		if gw != nil {
			if sinceAdd++; sinceAdd >= 256 {
				due := d.barrier.add(sinceAdd)
				sinceAdd = 0
				if due {
					if err := d.parkForGC(ctx, gw, in); err != nil {
						return err
					}
				}
			}
		} else if d.purge != nil {
			if err := d.purgeTick(ctx, tgt, in, &sinceAdd); err != nil {
				return err
			}
		} else if d.gcEvery > 0 {
			if d.sinceGC++; d.sinceGC >= d.gcEvery {
				if err := d.midLoadGC(ctx, tgt, in); err != nil {
					return err
				}
			}
		}
		if err := d.stall(); err != nil {
			return err
		}
		if onRow != nil {
			onRow(rd)
		}
	}
	if gw != nil {
		d.barrier.add(sinceAdd) // a GC now due runs when this part leaves
	}
	if err := in.Flush(ctx); err != nil {
		return err
	}
	if err := tgt.CommitTx(ctx); err != nil {
		return err
	}
	d.rep.Update(name, func(t *report.Table) {
		t.Rows += read
		t.Written += in.Written
		t.Bytes += rd.Offset() - startOff
		t.Duration += time.Since(start)
	})
	return nil
}

// copyRow decodes one COPY line (reusing fields) and adds it to in; a
// row that cannot be decoded or converted is rejected (d.rj). ok is false
// for a rejected row; err ends the load (a load error, or --max-errors
// exceeded).
func (d *dataPass) copyRow(ctx context.Context, in *loader.Inserter, rows *translate.Rows, name string, line []byte, pos dump.Pos, fields []pgtext.Field) (_ []pgtext.Field, ok bool, err error) {
	fields, err = pgtext.DecodeRow(line, fields)
	if err == nil {
		fields = rows.Project(fields) // without columns an override skips
		var lerr error
		if err, lerr = d.add(ctx, in, rows, fields, pos, line); lerr != nil {
			return fields, false, lerr
		}
	}
	if err != nil {
		return fields, false, d.rj.reject(name, pos, line, rowError(pos, rows, line, err))
	}
	return fields, true, nil
}

// gcer is a sink whose garbage can be collected in the middle of a load.
type gcer interface {
	GCAndReconnect(ctx context.Context) error
}

// midLoadGC commits the rows so far, runs DOLT_GC on a fresh session and
// opens the next transaction: it keeps the memory a load holds from growing
// with the dump (BENCHMARKS.md, "What holds the memory").
func (d *dataPass) midLoadGC(ctx context.Context, tgt sink, in *loader.Inserter) error {
	d.sinceGC = 0
	g, ok := tgt.(gcer)
	if !ok {
		return nil
	}
	if err := in.Flush(ctx); err != nil {
		return err
	}
	if err := tgt.CommitTx(ctx); err != nil {
		return err
	}
	if err := g.GCAndReconnect(ctx); err != nil {
		return err
	}
	return tgt.Begin(ctx)
}

// purgeTick counts one row written through in (in *since, handed to
// d.purge every 256 rows) and, when a purge is due, waits for in's batch
// in flight and drops the embedded engine's caches (cachePurge), inside
// the open transaction.
func (d *dataPass) purgeTick(ctx context.Context, tgt sink, in *loader.Inserter, since *int64) error {
	if *since++; *since < 256 {
		return nil
	}
	due := d.purge.add(*since)
	*since = 0
	if !due {
		return nil
	}
	if err := in.Flush(ctx); err != nil {
		return err
	}
	return tgt.PurgeCaches(ctx)
}

// parkForGC commits the rows so far on gw's session, waits for the
// barrier's GC (which ends the session; gw rejoins on a fresh one) and
// opens the next transaction: midLoadGC for a --jobs worker.
func (d *dataPass) parkForGC(ctx context.Context, gw *gcWorker, in *loader.Inserter) error {
	if err := in.Flush(ctx); err != nil {
		return err
	}
	if err := gw.t.CommitTx(ctx); err != nil {
		return err
	}
	if err := d.barrier.park(ctx, gw); err != nil {
		return err
	}
	return gw.t.Begin(ctx)
}

// add converts one row of fields as in takes it (Go values on the
// embedded engine's bulk path, a SQL tuple otherwise), applying
// --on-unrepresentable, and adds it to in. A value that cannot be
// converted is returned as cerr, for the caller to reject the row; lerr is
// a load error that ends the load.
func (d *dataPass) add(ctx context.Context, in *loader.Inserter, rows *translate.Rows, fields []pgtext.Field, pos dump.Pos, line []byte) (cerr, lerr error) {
	if in.Bulk() {
		vals := in.NextRow()
		v2, err := rows.AppendRow(vals, fields)
		for k := 0; err != nil && k < len(fields) && d.rj.unrep.fix(rows, fields, err); k++ {
			v2, err = rows.AppendRow(vals, fields)
		}
		if err != nil {
			return err, nil
		}
		return nil, in.AddRow(ctx, v2, pos, line)
	}
	t2, err := rows.AppendTuple(in.Scratch(), fields)
	for k := 0; err != nil && k < len(fields) && d.rj.unrep.fix(rows, fields, err); k++ {
		t2, err = rows.AppendTuple(in.Scratch(), fields)
	}
	if err != nil {
		return err, nil
	}
	return nil, in.Add(ctx, t2, pos, line)
}

// insertRun batches consecutive INSERT statements into one table (and
// column list) in one SQL transaction.
type insertRun struct {
	d     *dataPass
	tgt   sink
	in    *loader.Inserter
	name  string
	read  int64
	bytes int64
	start time.Time
}

func (r *insertRun) add(ctx context.Context, ev dump.Event) error {
	rows, vals, err := r.d.tr.InsertRows(ev)
	if err != nil || rows == nil { // nil: an override drops the table's rows
		return err
	}
	if r.in != nil && (r.in.Table() != rows.Table || !r.in.SameColumns(rows.Columns)) {
		if err := r.finish(ctx); err != nil {
			return err
		}
	}
	if r.in == nil {
		if err := r.tgt.Begin(ctx); err != nil {
			return err
		}
		r.in = r.tgt.Inserter(rows.Table, rows.Columns)
		r.name, r.read, r.bytes, r.start = rows.Table.ReportName(), 0, 0, time.Now()
		if r.d.rj.max > 0 {
			name := r.name
			r.in.Reject = func(pos dump.Pos, line []byte, err error) error { return r.d.rj.reject(name, pos, line, err) }
		}
	}
	r.d.rep.Update(r.name, func(t *report.Table) { addSource(t, rows.Source) })
	r.bytes += int64(len(ev.Text))
	for _, f := range vals {
		r.read++
		cerr, lerr := r.d.add(ctx, r.in, rows, f, ev.Pos, []byte(ev.Text))
		if lerr != nil {
			return lerr
		}
		if cerr != nil {
			if err := r.d.rj.reject(r.name, ev.Pos, []byte(ev.Text), rowError(ev.Pos, rows, []byte(firstLine(ev.Text)), cerr)); err != nil {
				return err
			}
		}
	}
	return nil
}

// drain waits for a batch still in flight when the load ends early.
func (r *insertRun) drain() {
	if r.in != nil {
		r.in.Drain()
	}
}

func (r *insertRun) finish(ctx context.Context) error {
	if r.in == nil {
		return nil
	}
	in := r.in
	r.in = nil
	if err := in.Flush(ctx); err != nil {
		return err
	}
	if err := r.tgt.CommitTx(ctx); err != nil {
		return err
	}
	r.d.rep.Update(r.name, func(t *report.Table) {
		t.Rows += r.read
		t.Written += in.Written
		t.Bytes += r.bytes
		t.Duration += time.Since(r.start)
	})
	return nil
}
