package pipeline

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// A nightly run patches a table that changed since the parent commit
// instead of reloading it: it keeps the parent's table, compares each row
// of the dump's COPY block with the parent's row-hash file (rowhash.go),
// deletes the stored rows no dump row matches and inserts the dump rows
// no stored row matches. Equal COPY text means an equal stored row, so
// the result is the table a fresh copy builds, and Dolt's prolly trees are
// history-independent: its dolt_hashof_table is the fresh copy's
// (cmd/pgcopy TestNightlyPatch checks it on both targets).
//
// patchPlan is one table to patch: the parent's table hash and the shape
// the row-hash file must have.
type patchPlan struct {
	dir, hash, shape string
}

// deleteBatch is how many keys one DELETE statement of a patch names.
const deleteBatch = 1000

// maxPendingKeys bounds the keys of changed rows patchBlock keeps (to
// write them during the compare and count updates); the test hook
// PGCOPY_TEST_PATCH_KEYS lowers it (pendingKeysLimit).
const maxPendingKeys = 1 << 20

// planPatch picks, among the tables of db that carry does not carry over,
// those a run can patch: a table of the one target database with a primary
// key, filled by exactly one COPY block whose key columns it names, that
// the parent commit holds, and for whose parent table value (its
// dolt_hashof_table) dir holds a row-hash file of the same shape
// (tableShape). The others are reloaded. dir "" patches none.
func planPatch(ctx context.Context, tgt *loader.Target, db *schema.Database, pass1 *translate.Result, carry map[*schema.Table]bool, dir string, policy UnrepPolicy) (map[*schema.Table]*patchPlan, error) {
	out := map[*schema.Table]*patchPlan{}
	if dir == "" || len(db.Databases) > 1 || pass1.Inserts {
		return out, nil
	}
	blocks := map[*schema.Table][]*translate.Rows{}
	for _, b := range pass1.Blocks {
		rows, err := pass1.Translator.CopyRows(b.Header)
		if err != nil {
			return out, nil // any doubt: reload
		}
		if rows != nil {
			blocks[rows.Table] = append(blocks[rows.Table], rows)
		}
	}
	have, err := tgt.Tables(ctx)
	if err != nil {
		return nil, err
	}
	inParent := map[string]bool{}
	for _, n := range have {
		inParent[n] = true
	}
	for _, tb := range db.Tables {
		if carry[tb] || tb.Database != "" || !inParent[tb.Name] || len(blocks[tb]) != 1 || keyFields(tb, blocks[tb][0]) == nil {
			continue
		}
		h, err := tgt.TableHash(ctx, tb.Name)
		if err != nil {
			return nil, err
		}
		shape := tableShape(tb, blocks[tb][0], policy)
		if rowHashFileOK(dir, h, shape) {
			out[tb] = &patchPlan{dir: dir, hash: h, shape: shape}
		}
	}
	return out, nil
}

// rowHashFileOK reports whether dir holds a row-hash file for table value
// hash whose header has shape (the body is checked when it is loaded).
func rowHashFileOK(dir, hash, shape string) bool {
	f, err := os.Open(dir + string(os.PathSeparator) + hash + ".rowhash")
	if err != nil {
		return false
	}
	defer f.Close()
	head := rowHashMagic + "shape " + shape + "\n"
	got := make([]byte, len(head))
	_, err = io.ReadFull(f, got)
	return err == nil && string(got) == head
}

// keepTables closes carry and patch over foreign keys and tells the target
// (loader.Target.Keep) which tables to keep. A kept table (carried or
// patched) stays only when every table it references is kept too: a
// reloaded table is dropped and recreated, and no kept foreign key may
// point at a dropped table. A reloaded child of a kept table is fine: it
// is created with its foreign keys as on a fresh copy, and fkfix resolves
// and verifies every foreign key afterwards either way.
func keepTables(tgt *loader.Target, db *schema.Database, carry map[*schema.Table]bool, patch map[*schema.Table]*patchPlan) {
	byName := map[string]*schema.Table{}
	for _, tb := range db.Tables {
		byName[tb.Name] = tb
	}
	kept := func(tb *schema.Table) bool { return carry[tb] || patch[tb] != nil }
	for changed := true; changed; {
		changed = false
		for _, tb := range db.Tables {
			if !kept(tb) {
				continue
			}
			for _, fk := range tb.ForeignKeys {
				if ref := byName[fk.RefTable]; ref != tb && (ref == nil || !kept(ref)) {
					delete(carry, tb)
					delete(patch, tb)
					changed = true
					break
				}
			}
		}
	}
	keep, patched := map[string]bool{}, map[string]bool{}
	for tb := range carry {
		keep[tb.Name] = true
	}
	for tb := range patch {
		keep[tb.Name], patched[tb.Name] = true, true
	}
	tgt.Keep(keep, patched)
}

// patchBlock writes the rows of one COPY block (rd, positioned at its
// rows) into the parent's table tb = rows.Table as a patch: rows whose
// COPY text the parent's row-hash file holds are left as stored; the
// parent's other rows whose key the dump no longer has are deleted by
// key; the dump's other rows are written with REPLACE (an updated row
// replaces its stored version in place) as a load writes them (values,
// --on-unrepresentable, rejects). REPLACE also removes a stored row that
// collides on a unique index, which is right: such a row's final version
// differs from its stored one, so it is among the rows written too.
// The changed rows are written while the compare runs; past
// maxPendingKeys of them the rest wait in a temporary file, so memory
// holds the parent's hashes (about 21 bytes per row) and at most
// maxPendingKeys keys. w, when set, records every
// row for the next run. When the row-hash file turns out unusable (it was
// removed or is corrupt) the table is emptied and loaded whole.
func (d *dataPass) patchBlock(ctx context.Context, tgt *loader.Target, rd *dump.Reader, rows *translate.Rows, plan *patchPlan, w *rowHashWriter) error {
	name := rows.Table.ReportName()
	set, ok := loadRowHashes(plan.dir, plan.hash, plan.shape)
	if !ok {
		d.rep.Note("%s: the row-hash file of its parent table is gone or corrupt; emptied and reloaded", name)
		if err := tgt.Exec(ctx, "DELETE FROM "+rows.Table.QualifiedName()); err != nil {
			return err
		}
		d.rep.Update(name, func(t *report.Table) { t.Path = "reloaded" })
		return d.loadBlock(ctx, tgt, nil, rd, rows, w, nil)
	}
	defer reserveHeap(set.heapBytes())()
	d.rep.Update(name, func(t *report.Table) { addSource(t, rows.Source) })
	start, startOff := time.Now(), rd.Offset()
	d.stallOnce.Do(func() { d.stall = stallHook(ctx) })

	// Compare: every dump row either matches a stored row or is written.
	// The changed rows are written with REPLACE as they are found, in the
	// transaction begun here (the Inserter runs each batch on a goroutine
	// of its own, so the writes overlap the compare), while their keys fit
	// in pendingKeys; past maxPendingKeys the rest wait in spill and are
	// written after the deletes, to bound memory.
	if err := tgt.Begin(ctx); err != nil {
		return err
	}
	in := tgt.Replacer(rows.Table, rows.Columns)
	defer in.Drain()
	keyIdx := keyFields(rows.Table, rows)
	// A rejected row must not leave the parent's version of it behind (a
	// fresh copy has no row for its key): with REPLACE its stored version
	// was kept, so its key is deleted after the writes (a no-op for a
	// spilled row, whose stored version the deletes removed).
	var rejectedKeys [][]byte
	rejectKey := func(line []byte) {
		if k, ok := appendKey(nil, line, keyIdx); ok {
			rejectedKeys = append(rejectedKeys, k)
		}
	}
	if d.rj.max > 0 {
		in.Reject = func(pos dump.Pos, line []byte, err error) error {
			rejectKey(line)
			return d.rj.reject(name, pos, line, err)
		}
	}
	var fields []pgtext.Field
	var sincePurge int64
	// write REPLACEs one dump row; the Inserter keeps the line of each
	// row in flight, so it gets a copy.
	write := func(line []byte, pos dump.Pos) error {
		var ok bool
		var err error
		if fields, ok, err = d.copyRow(ctx, in, rows, name, append([]byte(nil), line...), pos, fields); err != nil {
			return err
		} else if !ok {
			rejectKey(line)
		}
		if d.purge != nil {
			return d.purgeTick(ctx, tgt, in, &sincePurge)
		}
		return nil
	}
	var spill *os.File
	var sw *bufio.Writer
	var read, pending, spilled int64
	var v [binary.MaxVarintLen64]byte
	// The keys of the rows written during the compare: the deletes skip
	// them (their stored versions are replaced), and they tell updates
	// from inserts and deletes in the report.
	pendingKeys := map[string]struct{}{}
	keysMax := pendingKeysLimit()
	var keyBuf []byte
	for {
		line, pos, err := rd.CopyRow()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		read++
		if err := d.stall(); err != nil {
			return err
		}
		h := hashRow(line)
		if w != nil {
			w.add(h, line)
		}
		if set.match(h) {
			continue
		}
		pending++
		if spill == nil && len(pendingKeys) < keysMax {
			keyBuf, _ = appendKey(keyBuf[:0], line, keyIdx)
			pendingKeys[string(keyBuf)] = struct{}{}
			if err := write(line, pos); err != nil {
				return err
			}
			continue
		}
		if spill == nil {
			if spill, err = os.CreateTemp("", "pgcopy-patch-*"); err != nil {
				return fmt.Errorf("patch %s: %w", name, err)
			}
			defer os.Remove(spill.Name())
			defer spill.Close()
			sw = bufio.NewWriterSize(spill, 1<<16)
		}
		spilled++
		sw.Write(v[:binary.PutUvarint(v[:], uint64(pos.Line))])
		sw.Write(v[:binary.PutUvarint(v[:], uint64(len(line)))])
		sw.Write(line)
	}
	tCompare := time.Since(start)
	// Delete the stored rows no dump row matched, by key, except those
	// written above (replaced in place): the keys the dump no longer has,
	// and the stored versions of the spilled rows.
	deleted, err := d.deleteUnseen(ctx, tgt, rows, set, pendingKeys)
	if err != nil {
		return err
	}
	updated := set.updated
	tDelete := time.Since(start) - tCompare
	if spill != nil {
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("patch %s: %w", name, err)
		}
		if _, err := spill.Seek(0, io.SeekStart); err != nil {
			return err
		}
		sr := bufio.NewReaderSize(spill, 1<<16)
		var line []byte
		for i := int64(0); i < spilled; i++ {
			ln, err1 := binary.ReadUvarint(sr)
			n, err2 := binary.ReadUvarint(sr)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("patch %s: read back the rows to insert: %v", name, firstErr(err1, err2))
			}
			line = append(line[:0], make([]byte, n)...)
			if _, err := io.ReadFull(sr, line); err != nil {
				return fmt.Errorf("patch %s: read back the rows to insert: %w", name, err)
			}
			if err := write(line, dump.Pos{File: d.src.Name(), Line: int(ln)}); err != nil {
				return err
			}
		}
	}
	if err := in.Flush(ctx); err != nil {
		return err
	}
	if len(rejectedKeys) > 0 {
		kd, err := newKeyDeleter(tgt, rows.Table, "delete the stored versions of the rejected rows")
		if err != nil {
			return err
		}
		for _, k := range rejectedKeys {
			if err := kd.add(ctx, k); err != nil {
				return err
			}
		}
		if err := kd.flush(ctx); err != nil {
			return err
		}
	}
	if err := tgt.CommitTx(ctx); err != nil {
		return err
	}
	// A fresh load leaves AUTO_INCREMENT at max(the sequence's next
	// value, MAX(column)+1); the kept table still has the parent's.
	if err := tgt.SetAutoIncrement(ctx, rows.Table); err != nil {
		return err
	}
	tWrite := time.Since(start) - tCompare - tDelete
	unchanged, stored := read-pending, int64(len(set.hashes))
	if spilled > 0 {
		updated = -1 // unknown: too many rows changed to keep their keys
	}
	d.rep.Update(name, func(t *report.Table) {
		t.Path = "changed"
		t.Rows += read
		t.Written += in.Written
		t.Deleted += deleted
		t.Unchanged += unchanged
		if updated >= 0 {
			t.Changed += pending + deleted
		} else {
			t.Changed += pending + deleted
		}
		t.Bytes += rd.Offset() - startOff
		t.Duration += time.Since(start)
	})
	if updated >= 0 {
		d.rep.Note("%s: patched, not reloaded: %d rows changed (%d updated, %d inserted, %d deleted); the other %d of %d dump rows were stored as they are (%d stored rows before); compare and write %.2fs, delete %.2fs, finish %.2fs",
			name, pending+deleted, updated, pending-updated, deleted, unchanged, read, stored, tCompare.Seconds(), tDelete.Seconds(), tWrite.Seconds())
	} else {
		d.rep.Note("%s: patched, not reloaded: %d dump rows written, %d stored rows deleted; the other %d of %d dump rows were stored as they are (%d stored rows before); compare and write %.2fs, delete %.2fs, write the rest %.2fs",
			name, pending, deleted, unchanged, read, stored, tCompare.Seconds(), tDelete.Seconds(), tWrite.Seconds())
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// deleteUnseen deletes from rows.Table every stored row of set that no
// dump row matched, by primary key (keyDeleter). It returns how many keys
// it deleted. The keys pendingKeys (the keys of the rows to insert; nil
// when unknown) holds are not deleted but counted in set.updated: the
// patch REPLACEs those rows.
func (d *dataPass) deleteUnseen(ctx context.Context, tgt *loader.Target, rows *translate.Rows, set *rowHashSet, pendingKeys map[string]struct{}) (int64, error) {
	kd, err := newKeyDeleter(tgt, rows.Table, "delete the rows the dump no longer has")
	if err != nil {
		return 0, err
	}
	err = set.unseen(func(key []byte) error {
		if _, ok := pendingKeys[string(key)]; ok {
			set.updated++ // the dump has the key, with other values: replaced, not deleted
			return nil
		}
		return kd.add(ctx, key)
	})
	if err != nil {
		return kd.total, err
	}
	return kd.total, kd.flush(ctx)
}

// keyDeleter deletes rows of one table by primary key, deleteBatch keys
// per statement (`DELETE ... WHERE k IN (...)` for a one-column key, an OR
// of equalities otherwise; both are primary-key lookups in Dolt). Keys are
// the key fields as COPY text joined by tabs (appendKey).
type keyDeleter struct {
	tgt    *loader.Target
	tb     *schema.Table
	what   string // for errors: what the deletes are for
	codecs []schema.Codec
	idents []string
	b      strings.Builder
	n      int64
	total  int64
	fields []pgtext.Field
	lit    []byte
}

func newKeyDeleter(tgt *loader.Target, tb *schema.Table, what string) (*keyDeleter, error) {
	k := &keyDeleter{tgt: tgt, tb: tb, what: what, codecs: make([]schema.Codec, len(tb.PrimaryKey)), idents: make([]string, len(tb.PrimaryKey))}
	for i, pk := range tb.PrimaryKey {
		c := tb.Column(pk)
		if c == nil {
			return nil, fmt.Errorf("patch %s: primary-key column %s not found", tb.Name, pk)
		}
		k.codecs[i], k.idents[i] = c.Codec, sqltext.Ident(pk)
	}
	return k, nil
}

// add queues the row of key for deletion.
func (k *keyDeleter) add(ctx context.Context, key []byte) error {
	var err error
	k.fields, err = pgtext.DecodeRow(key, k.fields)
	if err != nil || len(k.fields) != len(k.codecs) {
		return fmt.Errorf("patch %s: key %q does not decode (%v); rerun with --row-hashes off, which reloads the table", k.tb.Name, key, err)
	}
	b := &k.b
	if k.n == 0 {
		b.WriteString("DELETE FROM " + k.tb.QualifiedName() + " WHERE ")
		if len(k.idents) == 1 {
			b.WriteString(k.idents[0] + " IN (")
		}
	} else if len(k.idents) == 1 {
		b.WriteByte(',')
	} else {
		b.WriteString(" OR ")
	}
	if len(k.idents) > 1 {
		b.WriteByte('(')
	}
	for i, f := range k.fields {
		if f.Null {
			return fmt.Errorf("patch %s: key %q has a NULL field; rerun with --row-hashes off, which reloads the table", k.tb.Name, key)
		}
		k.lit, err = rowcodec.AppendLiteral(k.lit[:0], k.codecs[i], f.Value)
		if err != nil {
			return fmt.Errorf("patch %s: key %q, column %s: %w; rerun with --row-hashes off, which reloads the table", k.tb.Name, key, k.tb.PrimaryKey[i], err)
		}
		if len(k.idents) > 1 {
			if i > 0 {
				b.WriteString(" AND ")
			}
			b.WriteString(k.idents[i] + " = ")
		}
		b.Write(k.lit)
	}
	if len(k.idents) > 1 {
		b.WriteByte(')')
	}
	k.n++
	k.total++
	if k.n >= deleteBatch {
		return k.flush(ctx)
	}
	return nil
}

// flush runs the queued deletes.
func (k *keyDeleter) flush(ctx context.Context) error {
	if k.n == 0 {
		return nil
	}
	if len(k.idents) == 1 {
		k.b.WriteByte(')')
	}
	if err := k.tgt.Exec(ctx, k.b.String()); err != nil {
		return fmt.Errorf("patch %s: %s: %w (rerun with --row-hashes off, which reloads the table)", k.tb.Name, k.what, err)
	}
	k.b.Reset()
	k.n = 0
	return nil
}
