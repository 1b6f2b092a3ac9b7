package follow

import (
	"context"
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Batching. The changes of one PostgreSQL transaction are held in memory
// until its Commit (so a transaction in progress at a signal or an error
// never reaches Dolt), then merged into the interval's net state: per
// table with a primary key, the final image of each changed row (or its
// deletion). The net state is written when the interval is committed (or
// when it holds more than maxPending rows): the deletions, then the final
// rows as multi-row REPLACE statements, then the updates that keep an
// unchanged TOASTed value, as UPDATEs of the changed columns. REPLACE
// deletes any row that conflicts with the new one on a unique key before
// inserting it, so writing a consistent final state in any order ends in
// that state (a unique value that moved from one row to another included).
// A hot row changed by a thousand transactions is written once. Keyless
// tables (REPLICA IDENTITY FULL) are written in order at the
// transaction's Commit, statement by statement, except that INSERTs of
// consecutive rows of one table, across transactions, make one multi-row
// INSERT (up to maxInsertRows), written before the next statement on a
// keyless table and at the interval's end.
//
// A transaction of more than spillOps changes is not held whole: the
// complete transactions are written and the SQL transaction committed
// first, then its changes go on into a new SQL transaction, which a
// discard rolls back.

const (
	spillOps   = 50000
	maxPending = 100000
	maxReplace = 1000
)

// op is one buffered change.
type op struct {
	kind  byte // 'I', 'U', 'D', 'T'
	p     *plan
	nw    encoded
	old   encoded
	has   bool // old is set
	plans []*plan
}

// pendingRow is the net change of one row in the interval.
type pendingRow struct {
	del       bool
	lits      [][]byte // the final image (when !del)
	unchanged []bool   // columns to keep as stored; nil for a whole image
	key       encoded  // the row's key, for DELETE and UPDATE
}

type tableState struct {
	p    *plan
	rows map[string]*pendingRow
}

func keyOf(p *plan, e encoded) string {
	var b strings.Builder
	for _, j := range p.key {
		b.Write(e.lits[j])
		b.WriteByte(0)
	}
	return b.String()
}

func hasUnchanged(e encoded) bool {
	for _, u := range e.unchanged {
		if u {
			return true
		}
	}
	return false
}

// add buffers a change of the transaction in progress.
func (a *applier) add(ctx context.Context, o op) error {
	if a.spilled {
		return a.apply(ctx, o)
	}
	a.txBuf = append(a.txBuf, o)
	if len(a.txBuf) >= spillOps {
		return a.spill(ctx)
	}
	return nil
}

func (a *applier) spill(ctx context.Context) error {
	if err := a.flushAll(ctx); err != nil {
		return err
	}
	if err := a.exec(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit the Dolt transaction: %w", err)
	}
	if err := a.exec(ctx, "START TRANSACTION"); err != nil {
		return fmt.Errorf("start a Dolt transaction: %w", err)
	}
	a.spilled = true
	buf := a.txBuf
	a.txBuf = nil
	for _, o := range buf {
		if err := a.apply(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// commitTx merges the transaction's changes into the interval.
func (a *applier) commitTx(ctx context.Context) error {
	buf := a.txBuf
	a.txBuf, a.spilled = nil, false
	for _, o := range buf {
		if err := a.apply(ctx, o); err != nil {
			return err
		}
	}
	// The pending multi-row INSERT into a keyless table (apply.go) stays
	// open across transactions: the next statement on that table, a
	// TRUNCATE, a spill or the interval's flushAll writes it. Flushing it
	// here made one single-row INSERT per transaction under pgbench
	// (pgbench_history): 36 % of the catch-up's CPU (BENCHMARKS.md §11).
	if a.pendingRows > maxPending {
		return a.flushAll(ctx)
	}
	return nil
}

// discardTx drops the transaction in progress; it reports whether part
// of it was written (spilled), which the caller then rolls back.
func (a *applier) discardTx() bool {
	spilled := a.spilled
	a.txBuf, a.spilled = nil, false
	a.resetCounts()
	if spilled {
		// spill wrote everything before the transaction (flushAll), so
		// the pending INSERT holds only its rows
		a.insPlan, a.insRows = nil, 0
		a.state, a.pendingRows = nil, 0
	}
	return spilled
}

func (a *applier) table(p *plan) *tableState {
	if a.state == nil {
		a.state = map[*schema.Table]*tableState{}
	}
	ts := a.state[p.table]
	if ts == nil {
		ts = &tableState{rows: map[string]*pendingRow{}}
		a.state[p.table] = ts
	}
	ts.p = p
	return ts
}

func (a *applier) put(ts *tableState, k string, r *pendingRow) {
	if _, ok := ts.rows[k]; !ok {
		a.pendingRows++
	}
	ts.rows[k] = r
}

// apply merges one change into the net state (or, for keyless tables and
// the rare cases the net state cannot hold, writes it at once).
func (a *applier) apply(ctx context.Context, o op) error {
	p := o.p
	switch o.kind {
	case 'T':
		for _, p := range o.plans {
			if p == nil || p.table == nil {
				continue
			}
			if a.state != nil {
				if ts := a.state[p.table]; ts != nil {
					a.pendingRows -= len(ts.rows)
					delete(a.state, p.table)
				}
			}
			a.truncated++
			if err := a.flush(ctx); err != nil {
				return err
			}
			if err := a.run(ctx, p, "DELETE FROM "+p.ident); err != nil {
				return err
			}
		}
		return nil
	case 'I':
		a.inserted++
		if p.keyless {
			return a.execInsert(ctx, p, o.nw)
		}
		a.put(a.table(p), keyOf(p, o.nw), &pendingRow{lits: o.nw.lits, key: o.nw})
		return nil
	case 'D':
		a.deleted++
		if p.keyless {
			return a.execDelete(ctx, p, o.old)
		}
		a.put(a.table(p), keyOf(p, o.old), &pendingRow{del: true, key: o.old})
		return nil
	}
	// 'U'
	a.updated++
	ident := o.nw
	if o.has {
		ident = o.old
	}
	if p.keyless {
		return a.execUpdate(ctx, p, o.nw, ident)
	}
	ts := a.table(p)
	oldKey, newKey := keyOf(p, ident), keyOf(p, o.nw)
	partial := hasUnchanged(o.nw)
	if oldKey != newKey {
		if partial {
			// the kept value is stored under the old key: write this
			// table's net state, then move the row in Dolt
			if err := a.flushTable(ctx, ts); err != nil {
				return err
			}
			return a.execUpdate(ctx, p, o.nw, ident)
		}
		a.put(ts, oldKey, &pendingRow{del: true, key: ident})
		a.put(ts, newKey, &pendingRow{lits: o.nw.lits, key: o.nw})
		return nil
	}
	if !partial {
		a.put(ts, newKey, &pendingRow{lits: o.nw.lits, key: o.nw})
		return nil
	}
	prev := ts.rows[newKey]
	if prev == nil || prev.del {
		a.put(ts, newKey, &pendingRow{lits: o.nw.lits, unchanged: o.nw.unchanged, key: o.nw})
		return nil
	}
	lits := append([][]byte(nil), prev.lits...)
	var keep []bool
	if prev.unchanged != nil {
		keep = append([]bool(nil), prev.unchanged...)
	}
	for j := range o.nw.lits {
		if !o.nw.unchanged[j] {
			lits[j] = o.nw.lits[j]
			if keep != nil {
				keep[j] = false
			}
		}
	}
	a.put(ts, newKey, &pendingRow{lits: lits, unchanged: keep, key: prev.key})
	return nil
}

// flushAll writes the net state of every table.
func (a *applier) flushAll(ctx context.Context) error {
	if err := a.flush(ctx); err != nil {
		return err
	}
	for _, ts := range a.state {
		if err := a.flushTable(ctx, ts); err != nil {
			return err
		}
	}
	a.state, a.pendingRows = nil, 0
	return nil
}

// flushTable writes one table's net state: deletions, whole rows
// (REPLACE), partial updates.
func (a *applier) flushTable(ctx context.Context, ts *tableState) error {
	if len(ts.rows) == 0 {
		return nil
	}
	p := ts.p
	var whole []*pendingRow
	var partial []*pendingRow
	var dels []*pendingRow
	for _, r := range ts.rows {
		switch {
		case r.del:
			dels = append(dels, r)
		case r.unchanged != nil:
			partial = append(partial, r)
		default:
			whole = append(whole, r)
		}
	}
	a.pendingRows -= len(ts.rows)
	ts.rows = map[string]*pendingRow{}
	if len(p.key) == 1 {
		for i := 0; i < len(dels); i += maxReplace {
			var b strings.Builder
			b.WriteString("DELETE FROM " + p.ident + " WHERE " + sqltext.Ident(p.rows.Columns[p.key[0]]) + " IN (")
			for k, r := range dels[i:min(i+maxReplace, len(dels))] {
				if k > 0 {
					b.WriteByte(',')
				}
				b.Write(r.key.lits[p.key[0]])
			}
			b.WriteByte(')')
			if err := a.run(ctx, p, b.String()); err != nil {
				return err
			}
		}
	} else {
		for _, r := range dels {
			if err := a.run(ctx, p, "DELETE FROM "+p.ident+a.where(p, r.key)); err != nil {
				return err
			}
		}
	}
	for i := 0; i < len(whole); i += maxReplace {
		var b []byte
		b = append(b, "REPLACE INTO "+p.ident+" "+p.cols+" VALUES "...)
		for k, r := range whole[i:min(i+maxReplace, len(whole))] {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, '(')
			for j, l := range r.lits {
				if j > 0 {
					b = append(b, ',')
				}
				b = append(b, l...)
			}
			b = append(b, ')')
		}
		if err := a.run(ctx, p, string(b)); err != nil {
			return err
		}
	}
	for _, r := range partial {
		if err := a.execUpdate(ctx, p, encoded{lits: r.lits, unchanged: r.unchanged}, r.key); err != nil {
			return err
		}
	}
	return nil
}

// change buffers one replicated change.
func (a *applier) change(ctx context.Context, ev replication.Event, plans map[uint32]*plan) error {
	switch e := ev.(type) {
	case *replication.Insert:
		p := plans[e.Rel.OID]
		if p == nil || p.table == nil {
			return nil
		}
		nw, err := a.encode(p, e.New)
		if err != nil {
			return err
		}
		return a.add(ctx, op{kind: 'I', p: p, nw: nw})
	case *replication.Update:
		p := plans[e.Rel.OID]
		if p == nil || p.table == nil {
			return nil
		}
		nw, err := a.encode(p, e.New)
		if err != nil {
			return err
		}
		o := op{kind: 'U', p: p, nw: nw}
		if e.Old != nil {
			if o.old, err = a.encode(p, e.Old); err != nil {
				return err
			}
			o.has = true
		}
		return a.add(ctx, o)
	case *replication.Delete:
		p := plans[e.Rel.OID]
		if p == nil || p.table == nil {
			return nil
		}
		old, err := a.encode(p, e.Old)
		if err != nil {
			return err
		}
		return a.add(ctx, op{kind: 'D', p: p, old: old})
	case *replication.Truncate:
		var ps []*plan
		for _, r := range e.Rels {
			ps = append(ps, plans[r.OID])
		}
		return a.add(ctx, op{kind: 'T', plans: ps})
	}
	return nil
}
