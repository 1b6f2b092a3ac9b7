package follow

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// attr is one column of a PostgreSQL table as the catalog has it.
type attr struct {
	name    string
	typeOID uint32
	typmod  int32
	typ     string // format_type, as pg_dump writes it
}

// baseline reads the columns (not dropped, not generated: pgoutput sends
// neither) of tables from the live source's snapshot, the one the schema
// was translated from.
func baseline(ctx context.Context, live *source.Live, tables []replication.Table) (map[string][]attr, error) {
	var schemas, names []string
	for _, t := range tables {
		schemas = append(schemas, t.Schema)
		names = append(names, t.Name)
	}
	rows, err := live.Tx().Query(ctx, `SELECT n.nspname, c.relname, a.attname, a.atttypid, a.atttypmod,
			pg_catalog.format_type(a.atttypid, a.atttypmod)
		FROM unnest($1::text[], $2::text[]) AS t(nsp, rel)
		JOIN pg_catalog.pg_namespace n ON n.nspname = t.nsp
		JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.rel
		JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
		WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
		ORDER BY 1, 2, a.attnum`, schemas, names)
	if err != nil {
		return nil, fmt.Errorf("read the columns of the followed tables: %w", err)
	}
	defer rows.Close()
	out := map[string][]attr{}
	for rows.Next() {
		var s, n string
		var a attr
		if err := rows.Scan(&s, &n, &a.name, &a.typeOID, &a.typmod, &a.typ); err != nil {
			return nil, err
		}
		out[s+"."+n] = append(out[s+"."+n], a)
	}
	return out, rows.Err()
}

// checkRelation compares a Relation message with the baseline: the same
// columns, in the same order, of the same types. A difference is a
// diag.Error naming the table and the change (ErrSchemaChanged).
func (f *follower) checkRelation(ctx context.Context, rel *replication.Relation) error {
	base, ok := f.base[rel.QualifiedName()]
	if !ok {
		return nil // not a table of the copy
	}
	byName := map[string]attr{}
	for _, a := range base {
		byName[a.name] = a
	}
	have := map[string]bool{}
	var changes []string
	for _, c := range rel.Columns {
		have[c.Name] = true
		a, ok := byName[c.Name]
		if !ok {
			changes = append(changes, fmt.Sprintf("column %s added (%s)", c.Name, f.typeName(ctx, c.TypeOID, c.TypeMod)))
			continue
		}
		if a.typeOID != c.TypeOID || a.typmod != c.TypeMod {
			changes = append(changes, fmt.Sprintf("column %s changed type from %s to %s", c.Name, a.typ, f.typeName(ctx, c.TypeOID, c.TypeMod)))
		}
	}
	for _, a := range base {
		if !have[a.name] {
			changes = append(changes, fmt.Sprintf("column %s dropped", a.name))
		}
	}
	if len(changes) == 0 {
		var got, want []string
		for _, c := range rel.Columns {
			got = append(got, c.Name)
		}
		for _, a := range base {
			want = append(want, a.name)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			changes = append(changes, fmt.Sprintf("columns reordered: (%s), was (%s)", strings.Join(got, ", "), strings.Join(want, ", ")))
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return &diag.Error{Table: rel.QualifiedName(),
		Err:  fmt.Errorf("%w in PostgreSQL: table %s: %s", ErrSchemaChanged, rel.QualifiedName(), strings.Join(changes, "; ")),
		Hint: hintResnapshot}
}

func (f *follower) typeName(ctx context.Context, oid uint32, mod int32) string {
	var s string
	if err := f.src.Conn().QueryRow(ctx, "SELECT pg_catalog.format_type($1, $2)", oid, mod).Scan(&s); err != nil {
		return fmt.Sprintf("type oid %d", oid)
	}
	return s
}

// checkTarget compares the branch's tables with the schema translated
// now: a table whose Dolt columns are not the translated ones changed in
// PostgreSQL since the copy (DDL the stream does not carry).
func (f *follower) checkTarget(ctx context.Context) error {
	cols, err := f.tgt.TableColumns(ctx)
	if err != nil {
		return err
	}
	for _, t := range f.db.Tables {
		have, ok := cols[t.Name]
		if !ok {
			// Dolt table names ignore case
			for k, v := range cols {
				if strings.EqualFold(k, t.Name) {
					have, ok = v, true
				}
			}
		}
		if !ok {
			return &diag.Error{Table: t.PG.String(), Err: fmt.Errorf("%w: table %s is not in branch %s of the target (created in PostgreSQL after the copy, or dropped from Dolt)", ErrSchemaChanged, t.PG, f.opts.Branch), Hint: hintResnapshot}
		}
		var changes []string
		got := map[string]loader.ColumnInfo{}
		for _, c := range have {
			got[strings.ToLower(c.Name)] = c
		}
		want := map[string]bool{}
		for _, c := range t.Columns {
			want[strings.ToLower(c.Name)] = true
			g, ok := got[strings.ToLower(c.Name)]
			if !ok {
				changes = append(changes, fmt.Sprintf("column %s added (%s)", c.PGName, c.Type.Raw))
				continue
			}
			if typeFamily(g.Type) != typeFamily(schema.FormatType(c.Type.Type)) {
				changes = append(changes, fmt.Sprintf("column %s changed type: Dolt has %s, PostgreSQL's %s now becomes %s", c.PGName, g.Type, c.Type.Raw, schema.FormatType(c.Type.Type)))
			}
		}
		for _, c := range have {
			if !want[strings.ToLower(c.Name)] {
				changes = append(changes, fmt.Sprintf("column %s dropped", c.Name))
			}
		}
		if len(changes) > 0 {
			return &diag.Error{Table: t.PG.String(),
				Err:  fmt.Errorf("%w in PostgreSQL since the last follow commit: table %s: %s", ErrSchemaChanged, t.PG, strings.Join(changes, "; ")),
				Hint: hintResnapshot}
		}
	}
	return nil
}

// typeFamily is a Dolt column type without the lengths and precisions
// that copy infers from the data (varchar(32) and varchar(255) are one
// family; enum and set lists are kept).
func typeFamily(t string) string {
	t = strings.ToLower(strings.ReplaceAll(t, " ", ""))
	for _, p := range []string{"varchar", "char", "varbinary", "binary", "decimal"} {
		if strings.HasPrefix(t, p+"(") {
			return p
		}
	}
	return t
}

// intervalCut ends the --commit-every interval once *next has passed: the
// commit is made now when the follower is between transactions, or at the
// next Commit message (f.due) inside one; *next moves one interval on.
func (f *follower) intervalCut(next *time.Time, every time.Duration, res *Result) error {
	if time.Now().Before(*next) {
		return nil
	}
	*next = time.Now().Add(every)
	if f.inTx {
		f.due = true
		return nil
	}
	return f.commit(res)
}

// loop applies the stream until ctx ends, --until is reached, or an error.
func (f *follower) loop(ctx context.Context, res *Result) error {
	every := f.opts.CommitEvery
	next := time.Now().Add(every)
	idleSince := time.Now()
	nudged := time.Time{}
	for {
		deadline := next
		if f.until != 0 && !f.inTx {
			deadline = minTime(deadline, time.Now().Add(time.Second))
		}
		wctx, cancel := context.WithDeadline(ctx, deadline)
		f.tgt.Idle() // a background GC may visit the session's roots while it waits
		ev, err := f.stream.Next(wctx)
		cancel()
		if berr := f.tgt.Busy(); berr != nil {
			return berr
		}
		if gerr := f.gcEnded(false); gerr != nil {
			return gerr
		}
		if err != nil {
			if ctx.Err() != nil {
				// SIGINT/SIGTERM: discard the transaction in progress,
				// commit the complete ones.
				res.Signalled = true
				f.discard()
				return f.commit(res)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				if err := f.intervalCut(&next, every, res); err != nil {
					return err
				}
				if f.until != 0 && !f.inTx && time.Since(idleSince) > time.Second && time.Since(nudged) > time.Second {
					// Write a WAL record so that the walsender moves on
					// and reports its position in a keepalive.
					nudged = time.Now()
					f.src.Conn().Exec(ctx, "SELECT pg_catalog.pg_logical_emit_message(false, 'pgcopy-follow', '')")
				}
				continue
			}
			f.discard()
			if cerr := f.commit(res); cerr != nil {
				return errors.Join(err, cerr)
			}
			return err
		}
		idleSince = time.Now()
		done, err := f.event(ctx, ev, res)
		if err != nil {
			f.discard()
			if cerr := f.commit(res); cerr != nil {
				return errors.Join(err, cerr)
			}
			return err
		}
		if done {
			return f.commit(res)
		}
		// The interval is checked after every event, not only when Next
		// times out: with a backlog (a catch-up) the stream always has an
		// event ready, and Next's select between a ready event and an
		// expired deadline picks at random, so the deadline alone is not
		// a reliable cut (a catch-up of 50,000 transactions made one
		// commit). Past the interval, the commit is made at once between
		// transactions, or at the next Commit (f.due) inside one.
		if err := f.intervalCut(&next, every, res); err != nil {
			return err
		}
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// event handles one stream event; done is true once --until is reached.
func (f *follower) event(ctx context.Context, ev replication.Event, res *Result) (done bool, err error) {
	bg := f.bg
	switch e := ev.(type) {
	case *replication.Relation:
		if err := f.checkRelation(ctx, e); err != nil {
			return false, err
		}
		if _, ours := f.base[e.QualifiedName()]; !ours {
			f.plans[e.OID] = &plan{rel: e} // not a table of the copy: its changes are not applied
			return false, nil
		}
		p, err := newPlan(f.tr, e)
		if err != nil {
			return false, &diag.Error{Table: e.QualifiedName(), Err: fmt.Errorf("%w in PostgreSQL: %v", ErrSchemaChanged, err), Hint: hintResnapshot}
		}
		f.plans[e.OID] = p
	case *replication.Begin:
		f.inTx = true
		f.skipTx = e.CommitLSN < f.state.LSN // at or before the branch's position: applied already
		if f.skipTx {
			return false, nil
		}
		if !f.working {
			if err := f.tgt.StartWork(bg, f.opts.Branch); err != nil {
				return false, err
			}
			f.working = true
		}
		if !f.sqlTx {
			// one SQL transaction per interval (batch.go)
			if _, err := f.tgt.Conn().ExecContext(bg, "START TRANSACTION"); err != nil {
				return false, fmt.Errorf("start a Dolt transaction: %w", err)
			}
			f.sqlTx = true
		}
		f.app.lsn = e.CommitLSN
	case *replication.Insert, *replication.Update, *replication.Delete, *replication.Truncate:
		if f.skipTx {
			return false, nil
		}
		return false, f.app.change(bg, ev, f.plans)
	case *replication.Commit:
		f.inTx = false
		if f.skipTx {
			f.skipTx = false
			return false, nil
		}
		if err := f.app.commitTx(bg); err != nil {
			return false, err
		}
		// The caches are dropped while a background GC runs too (it
		// purges once, when it begins): they fill as fast then, and Dolt's
		// sql-server purges them under running sessions as well.
		if f.purge.Add(f.app.rows()) {
			if err := f.tgt.PurgeCaches(bg); err != nil {
				return false, fmt.Errorf("drop the engine's caches: %w", err)
			}
		}
		f.pending.txns++
		f.pending.inserted += f.app.inserted
		f.pending.updated += f.app.updated
		f.pending.deleted += f.app.deleted
		f.pending.truncated += f.app.truncated
		f.app.resetCounts()
		f.lastEnd, f.lastTime = e.EndLSN, e.CommitTime
		if f.until != 0 && e.EndLSN >= f.until {
			return true, nil
		}
		if f.due {
			f.due = false
			return false, f.commit(res)
		}
	case *replication.Keepalive:
		if f.pending.txns == 0 && !f.inTx && e.ServerWALEnd > f.stream.Confirmed() {
			// Nothing applied is waiting for a commit: every change
			// before ServerWALEnd is in the published branch.
			f.stream.Confirm(e.ServerWALEnd)
		}
		if f.until != 0 && !f.inTx && e.ServerWALEnd >= f.until {
			return true, nil
		}
	}
	return false, nil
}

// discard rolls back the PostgreSQL transaction in progress (its
// statements so far); the complete ones stay in the working set.
func (f *follower) discard() {
	if f.app.discardTx() && f.sqlTx {
		// part of a large transaction was written (batch.go, spill): the
		// SQL transaction holds only it
		f.tgt.Conn().ExecContext(f.bg, "ROLLBACK")
		f.sqlTx = false
	}
	f.inTx, f.skipTx = false, false
}

// commit makes one Dolt commit of the complete transactions applied since
// the last one, publishes it (fast-forwards the branch), and only then
// confirms its LSN to the slot. Nothing applied: no commit.
func (f *follower) commit(res *Result) error {
	ctx := f.bg
	if f.pending.txns == 0 {
		if f.sqlTx {
			f.tgt.Conn().ExecContext(ctx, "ROLLBACK")
			f.sqlTx = false
		}
		if f.working {
			f.tgt.Abandon()
			f.working = false
		}
		return nil
	}
	if f.sqlTx {
		err := f.app.flushAll(ctx)
		if err == nil {
			_, err = f.tgt.Conn().ExecContext(ctx, "COMMIT")
		}
		f.sqlTx = false
		if err != nil {
			f.tgt.Abandon()
			f.working = false
			return err
		}
	}
	st := f.state
	st.LSN = f.lastEnd
	msg := streamMessage(f.source, st, f.lastTime, f.pending)
	hash, changed, err := f.tgt.Commit(ctx, loader.CommitOptions{Message: msg, Author: f.opts.Author, Date: f.lastTime})
	if err != nil {
		f.tgt.Abandon()
		f.working = false
		return err
	}
	if changed {
		if err := f.tgt.Publish(ctx); err != nil {
			f.tgt.Abandon()
			f.working = false
			return err
		}
	} else {
		// Net no change (e.g. a row inserted and deleted): no commit. The
		// branch then equals the state after these transactions, so
		// confirming their LSN loses nothing; a rerun that replays them
		// from the older recorded LSN ends in the same state.
		f.tgt.Abandon()
	}
	f.working = false
	f.state = st
	f.stream.Confirm(st.LSN)
	s := f.pending
	f.pending = stats{}
	if !changed {
		return nil
	}
	res.Commits++
	if n, ok := f.tgt.JournalBytes(); ok && f.gcDue(n) {
		gc, err := f.tgt.StartGC(ctx)
		if err != nil {
			return fmt.Errorf("after commit %s (published, its LSN confirmed): start dolt_gc of a %d-byte chunk journal: %w; run pgcopy follow again: it resumes from that commit", hash, n, err)
		}
		f.gc, f.gcAfter = gc, hash
		all, _ := f.tgt.StoreBytes()
		fmt.Fprintf(f.opts.Log, "pgcopy: follow: dolt_gc after commit %s, in the background: the chunk journal holds %.1f MiB, the store %.1f MiB\n", short(hash), float64(n)/(1<<20), float64(all)/(1<<20))
	}
	now := time.Now().UTC()
	rec := CommitRecord{Kind: "stream", Commit: hash, Branch: f.opts.Branch, LSN: st.LSN.String(), CommitTime: f.lastTime,
		Transactions: s.txns, Rows: s.rows(), Inserted: s.inserted, Updated: s.updated, Deleted: s.deleted, Truncated: s.truncated,
		LagSeconds: now.Sub(f.lastTime).Seconds(), Published: now}
	if cur, err := f.src.CurrentWALLSN(ctx); err == nil && cur > st.LSN {
		rec.LagBytes = int64(cur - st.LSN)
	}
	fmt.Fprintf(f.opts.Log, "pgcopy: follow: commit %s lsn %s: %d transactions, %d rows (+%d ~%d -%d); lag %d bytes, %.1f s\n",
		short(hash), st.LSN, s.txns, s.rows(), s.inserted, s.updated, s.deleted, rec.LagBytes, rec.LagSeconds)
	f.record(rec)
	f.warnRetained(ctx, false)
	return nil
}

// gcEnded reports a background GC that has ended (StartGC in commit), or
// with wait, waits for the running one to end: the session is marked idle
// first, since the GC's last step waits for the session's safepoint. The
// GC's error is the run's: the commits so far are published and
// confirmed, the transactions after them are not, and a rerun resumes
// from the last commit.
func (f *follower) gcEnded(wait bool) error {
	if f.gc == nil {
		return nil
	}
	if !wait {
		select {
		case <-f.gc.Done():
		default:
			return nil
		}
	}
	f.tgt.Idle()
	err := f.gc.Wait()
	gc := f.gc
	f.gc = nil
	if err != nil {
		return fmt.Errorf("%w (it started after commit %s, which is published and its LSN confirmed, as is every commit after it); run pgcopy follow again: it resumes from the last commit", err, short(f.gcAfter))
	}
	n, _ := f.tgt.JournalBytes()
	all, _ := f.tgt.StoreBytes()
	f.gcStore = all
	fmt.Fprintf(f.opts.Log, "pgcopy: follow: dolt_gc done in %.2f s, the stream applied meanwhile; the chunk journal holds %.1f MiB, the store %.1f MiB\n", gc.Took().Seconds(), float64(n)/(1<<20), float64(all)/(1<<20))
	return f.tgt.Busy()
}

// gcDue says whether a chunk journal of n bytes calls for a background GC
// now: none is running, and n is at least the limit (--gc-journal-mb, or
// the test hook) and at least the store's size after the last GC.
//
// The GC (loader.Target.StartGC) runs on a session of its own, with
// Dolt's session-aware safepoint controller, while the follower goes on
// applying the stream on its session. Every commit appends its new nodes
// to the journal; a GC moves the live ones into table files and drops the
// rest. How much is garbage depends on the interval: within one, a leaf
// changed many times leaves all but its last version behind, while every
// commit's own leaves are history and stay. Measured at pgbench -R 1000,
// scale 10, --commit-every 2s (BENCHMARKS.md, section 11): the journal
// grew 3.3 MB/s; with --gc-journal-mb 256 each GC gave back only 50-96 MiB
// (the store went from 279 to 1,554 MiB in 8 GCs) and took longer as the
// store grew (12.8 s to 36.1 s of a core), the lag rose to 17 s and RSS
// climbed 9.2 MiB/min; with 1024 each GC of 1 GiB took 83 s and gave back
// about 250 MiB, and the lag reached 40 s. A GC that stopped the
// follower (GCAndReconnect, which ends the session) took 7.2–8.6 s at
// 256 MiB and raised the lag to 10.4 s. So the GC is off unless asked for:
// it pays where intervals are long and mostly garbage. Waiting for the
// store's size as well pays the GC's cost, which grows with the store,
// once per doubling of a store that keeps its history.
func (f *follower) gcDue(n int64) bool {
	limit, store := f.gcJournalLimit()
	return f.gc == nil && limit > 0 && n >= limit && (!store || n >= f.gcStore)
}
