package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// A row-hash file is what a run keeps of one loaded table for the next
// nightly run to find the rows that changed (patch.go): for every row of
// the COPY block that filled the table, a 16-byte hash of the row's COPY
// text (the first half of its SHA-256) and the row's primary-key fields as
// COPY text. It is named by the table's dolt_hashof_table
// (<hash>.rowhash in the state directory, rowHashDir), so it describes
// exactly the table value of that hash, whatever branch or commit holds
// it: equal COPY text under the same table shape gives the same stored
// row (translate maps text to values deterministically), so a dump row
// whose hash is in the file is already stored as it is, and a stored row
// whose hash no dump row has is to be deleted.
//
// Layout (all integers big-endian or uvarint):
//
//	"pgcopy-rowhash 1\n"
//	"shape " + hex SHA-256 of the table's shape (tableShape) + "\n"
//	per row: 16-byte hash, uvarint key length, key (key fields joined by tabs, as in the COPY line)
//	trailer: 8-byte row count, 32-byte SHA-256 of every byte before it
//
// A file that is truncated, corrupt or of another shape is not used: the
// table is reloaded. Files are written under a temporary name and renamed
// into place, so a killed run leaves no partial file under a final name.
const rowHashMagic = "pgcopy-rowhash 1\n"

// rowHashMaxAge is how long a row-hash file no run used is kept
// (pruneRowHashes): a nightly run touches the files of its tables.
const rowHashMaxAge = 30 * 24 * time.Hour

// rowHashDir returns the state directory of the row-hash files for a
// target: <target>/.pgcopy/rowhash for an embedded target (next to its
// .dolt directory, which Dolt ignores), and the user's cache directory
// (os.UserCacheDir()/pgcopy/rowhash, e.g. ~/.cache/pgcopy/rowhash) for a
// sql-server, whose files pgcopy cannot reach. The files are named by
// content (dolt_hashof_table), so one directory can serve several
// targets. override, when set (--row-hashes DIR), wins; "off" disables
// them ("" is returned).
func rowHashDir(target, override string) string {
	switch {
	case override == "off":
		return ""
	case override != "":
		return override
	case strings.HasPrefix(target, "mysql://"):
		c, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(c, "pgcopy", "rowhash")
	default:
		return filepath.Join(target, ".pgcopy", "rowhash")
	}
}

// tableShape is the hex SHA-256 of what decides how a table's COPY text
// becomes its rows, besides the text: pgcopy's version, the value policy,
// the CREATE TABLE (without its AUTO_INCREMENT start value, which a
// sequence's progress changes every night and which a patched table gets
// set afterwards: loader.Target.SetAutoIncrement) and the COPY column
// list.
func tableShape(tb *schema.Table, rows *translate.Rows, policy UnrepPolicy) string {
	cp := *tb
	cp.AutoIncrement = 0
	s := sha256.New()
	fmt.Fprintf(s, "pgcopy %s\npolicy %s\ndatabase %s\n%s\ncopy (%s)\nkeep %v\n", Version, policy.orDefault(), tb.Database, cp.CreateSQL(), strings.Join(rows.PGColumns(), ","), rows.Keep())
	return hex.EncodeToString(s.Sum(nil))
}

// keyFields returns, for rows of table tb, the index of each primary-key
// column among the COPY line's tab-separated fields, in key order; nil
// when tb has no primary key or a key column is not in the COPY block.
func keyFields(tb *schema.Table, rows *translate.Rows) []int {
	if len(tb.PrimaryKey) == 0 {
		return nil
	}
	// raw[i] is the COPY field index of rows.Columns[i].
	var raw []int
	if keep := rows.Keep(); keep != nil {
		for i, k := range keep {
			if k {
				raw = append(raw, i)
			}
		}
	} else {
		for i := range rows.Columns {
			raw = append(raw, i)
		}
	}
	var out []int
	for _, pk := range tb.PrimaryKey {
		found := -1
		for i, c := range rows.Columns {
			if c == pk && i < len(raw) {
				found = raw[i]
			}
		}
		if found < 0 {
			return nil
		}
		out = append(out, found)
	}
	return out
}

// rowHash is the 16-byte hash of one COPY line (without its newline).
type rowHash [16]byte

func hashRow(line []byte) rowHash {
	s := sha256.Sum256(line)
	var h rowHash
	copy(h[:], s[:16])
	return h
}

// appendKey appends the fields idx of COPY line to dst, joined by tabs
// (COPY text escapes a tab inside a value, so a raw tab always ends a
// field). It returns false when the line has too few fields.
func appendKey(dst, line []byte, idx []int) ([]byte, bool) {
	for n, want := range idx {
		rest := line
		for f := 0; f < want; f++ {
			i := bytes.IndexByte(rest, '\t')
			if i < 0 {
				return dst, false
			}
			rest = rest[i+1:]
		}
		if i := bytes.IndexByte(rest, '\t'); i >= 0 {
			rest = rest[:i]
		}
		if n > 0 {
			dst = append(dst, '\t')
		}
		dst = append(dst, rest...)
	}
	return dst, true
}

// rowHashWriter writes one table's row-hash file under a temporary name;
// finish renames it into place. It is safe for concurrent use (the parts
// of a table loaded by --jobs sessions write to one file).
type rowHashWriter struct {
	mu    sync.Mutex
	dir   string
	f     *os.File
	w     *bufio.Writer
	sum   hash.Hash
	n     int64
	idx   []int
	err   error
	scr   []byte
	shape string
}

// newRowHashWriter starts a row-hash file in dir for rows keyed by the
// COPY fields idx. A failure to create it is returned; the caller loads
// without one (the next run then reloads the table).
func newRowHashWriter(dir, shape string, idx []int) (*rowHashWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".tmp-*.rowhash")
	if err != nil {
		return nil, err
	}
	w := &rowHashWriter{dir: dir, f: f, sum: sha256.New(), idx: idx, shape: shape}
	w.w = bufio.NewWriterSize(io.MultiWriter(f, w.sum), 1<<16)
	fmt.Fprintf(w.w, "%sshape %s\n", rowHashMagic, shape)
	return w, nil
}

// add records one row; h is hashRow(line).
func (w *rowHashWriter) add(h rowHash, line []byte) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return
	}
	key, ok := appendKey(w.scr[:0], line, w.idx)
	w.scr = key
	if !ok {
		w.err = errors.New("a COPY line has fewer fields than its header")
		return
	}
	w.w.Write(h[:])
	var v [binary.MaxVarintLen64]byte
	w.w.Write(v[:binary.PutUvarint(v[:], uint64(len(key)))])
	w.w.Write(key)
	w.n++
}

// finish completes the file and renames it to <tableHash>.rowhash.
func (w *rowHashWriter) finish(tableHash string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		w.abort()
		return w.err
	}
	var cnt [8]byte
	binary.BigEndian.PutUint64(cnt[:], uint64(w.n))
	w.w.Write(cnt[:])
	if err := w.w.Flush(); err != nil {
		w.abort()
		return err
	}
	if _, err := w.f.Write(w.sum.Sum(nil)); err != nil {
		w.abort()
		return err
	}
	if err := w.f.Close(); err != nil {
		os.Remove(w.f.Name())
		return err
	}
	return os.Rename(w.f.Name(), filepath.Join(w.dir, tableHash+".rowhash"))
}

// abort removes the temporary file.
func (w *rowHashWriter) abort() {
	if w.f != nil {
		w.f.Close()
		os.Remove(w.f.Name())
	}
}

// rowHashSet is a loaded row-hash file: the hashes of the stored rows, an
// open-addressing index over them (4 bytes per slot, two slots per row),
// and which of them a dump row matched.
type rowHashSet struct {
	path    string
	hashes  []rowHash
	slots   []int32 // index+1 into hashes; 0 is empty
	seen    []bool
	keyOff  int64 // where the records start in the file
	updated int64 // deleted keys a dump row has with other values (patch.go)
	next    int   // the stored row after the last one matched
}

// heapBytes is the memory the set holds.
func (s *rowHashSet) heapBytes() int64 {
	return int64(len(s.hashes))*int64(len(rowHash{})) + int64(len(s.slots))*4 + int64(len(s.seen))
}

// loadRowHashes reads dir/<tableHash>.rowhash. ok is false, with no error,
// when there is no such file or it is truncated, corrupt or of another
// shape: the caller reloads the table.
func loadRowHashes(dir, tableHash, shape string) (set *rowHashSet, ok bool) {
	path := filepath.Join(dir, tableHash+".rowhash")
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < int64(len(rowHashMagic))+40 {
		return nil, false
	}
	body := st.Size() - 32
	sum := sha256.New()
	r := bufio.NewReaderSize(io.TeeReader(io.LimitReader(f, body), sum), 1<<16)
	head := rowHashMagic + "shape " + shape + "\n"
	got := make([]byte, len(head))
	if _, err := io.ReadFull(r, got); err != nil || string(got) != head {
		return nil, false
	}
	set = &rowHashSet{path: path, keyOff: int64(len(head))}
	recEnd := body - 8
	pos := int64(len(head))
	for pos < recEnd {
		var h rowHash
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return nil, false
		}
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<20 {
			return nil, false
		}
		if _, err := r.Discard(int(n)); err != nil {
			return nil, false
		}
		pos += 16 + int64(uvarintLen(n)) + int64(n)
		set.hashes = append(set.hashes, h)
	}
	var cnt [8]byte
	if pos != recEnd {
		return nil, false
	}
	if _, err := io.ReadFull(r, cnt[:]); err != nil || binary.BigEndian.Uint64(cnt[:]) != uint64(len(set.hashes)) {
		return nil, false
	}
	want := make([]byte, 32)
	if _, err := io.ReadFull(f, want); err != nil || !bytes.Equal(want, sum.Sum(nil)) {
		return nil, false
	}
	size := 2
	for size < 2*len(set.hashes) {
		size <<= 1
	}
	set.slots = make([]int32, size)
	mask := uint64(size - 1)
	for i, h := range set.hashes {
		for p := binary.LittleEndian.Uint64(h[:8]) & mask; ; p = (p + 1) & mask {
			if set.slots[p] == 0 {
				set.slots[p] = int32(i + 1)
				break
			}
		}
	}
	set.seen = make([]bool, len(set.hashes))
	now := time.Now()
	os.Chtimes(path, now, now) // used: keep it from pruneRowHashes
	return set, true
}

func uvarintLen(n uint64) int {
	var v [binary.MaxVarintLen64]byte
	return binary.PutUvarint(v[:], n)
}

// match marks the stored row whose hash is h as still in the dump and
// reports whether there was one.
//
// Dump rows mostly come in the order of the last dump (pg_dump writes a
// table's rows in its physical order, which changes only where rows were
// written), so the row after the last match is tried first: a sequential
// read instead of a cache miss in the index.
func (s *rowHashSet) match(h rowHash) bool {
	if i := s.next; i < len(s.hashes) && s.hashes[i] == h && !s.seen[i] {
		s.seen[i] = true
		s.next = i + 1
		return true
	}
	mask := uint64(len(s.slots) - 1)
	for p := binary.LittleEndian.Uint64(h[:8]) & mask; ; p = (p + 1) & mask {
		i := s.slots[p]
		if i == 0 {
			return false
		}
		if s.hashes[i-1] == h && !s.seen[i-1] {
			s.seen[i-1] = true
			s.next = int(i)
			return true
		}
	}
}

// unseen calls fn with the key of every stored row no dump row matched,
// in file order.
func (s *rowHashSet) unseen(fn func(key []byte) error) error {
	f, err := os.Open(s.path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Seek(s.keyOff, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(f, 1<<16)
	var key []byte
	for i := range s.hashes {
		if _, err := r.Discard(16); err != nil {
			return err
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if s.seen[i] {
			if _, err := r.Discard(int(n)); err != nil {
				return err
			}
			continue
		}
		key = append(key[:0], make([]byte, n)...)
		if _, err := io.ReadFull(r, key); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	return nil
}

// pruneRowHashes removes the row-hash files of dir (and temporary files of
// killed runs) that no run has used for rowHashMaxAge.
func pruneRowHashes(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".rowhash") {
			continue
		}
		age := rowHashMaxAge
		if strings.HasPrefix(e.Name(), ".tmp-") {
			age = 24 * time.Hour // a killed run's
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// rowHashes are the row-hash files a run writes: one per table of the
// target database with a primary key that one COPY block fills. It is
// safe for concurrent use; a nil *rowHashes writes none.
type rowHashes struct {
	mu       sync.Mutex
	dir      string
	policy   UnrepPolicy
	rep      *report.Report
	eligible map[*schema.Table]bool
	writers  map[*schema.Table]*rowHashWriter
	off      bool // creating a file failed once: write no more
}

// newRowHashes plans the row-hash files of a run into dir ("": none).
func newRowHashes(dir string, pass1 *translate.Result, db *schema.Database, policy UnrepPolicy, rep *report.Report) *rowHashes {
	if dir == "" || pass1 == nil || len(db.Databases) > 1 {
		return nil
	}
	n := map[*schema.Table]int{}
	for _, b := range pass1.Blocks {
		if rows, err := pass1.Translator.CopyRows(b.Header); err == nil && rows != nil {
			n[rows.Table]++
		}
	}
	h := &rowHashes{dir: dir, policy: policy, rep: rep, eligible: map[*schema.Table]bool{}, writers: map[*schema.Table]*rowHashWriter{}}
	for tb, k := range n {
		if k == 1 && tb.Database == "" && len(tb.PrimaryKey) > 0 {
			h.eligible[tb] = true
		}
	}
	return h
}

// writer returns the row-hash file of rows' table, starting it on the
// first call; nil when the table gets none.
func (h *rowHashes) writer(rows *translate.Rows) *rowHashWriter {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.off || !h.eligible[rows.Table] {
		return nil
	}
	if w := h.writers[rows.Table]; w != nil {
		return w
	}
	idx := keyFields(rows.Table, rows)
	if idx == nil {
		return nil
	}
	w, err := newRowHashWriter(h.dir, tableShape(rows.Table, rows, h.policy), idx)
	if err != nil {
		h.off = true
		h.rep.Note("row-hash files not written (%v): the next nightly run reloads every changed table instead of patching it", err)
		return nil
	}
	h.writers[rows.Table] = w
	return w
}

// publish names each finished row-hash file by its table's
// dolt_hashof_table in the working set, which is the value the commit
// will hold; a table that had rows rejected gets none (its next run
// reloads it). A failure is a note: the files only make later runs
// cheaper. Run it after every step that writes tables, before the commit.
func (h *rowHashes) publish(ctx context.Context, tgt *loader.Target) {
	if h == nil {
		return
	}
	rejected := map[string]bool{}
	for _, t := range h.rep.Tables {
		if t.Rejected > 0 {
			rejected[t.Name] = true
		}
	}
	for tb, w := range h.writers {
		if rejected[tb.ReportName()] {
			w.abort()
			continue
		}
		th, err := tgt.TableHash(ctx, tb.Name)
		if err == nil {
			err = w.finish(th)
		} else {
			w.abort()
		}
		if err != nil {
			h.rep.Note("row-hash file of %s not written (%v): the next nightly run reloads it if it changed", tb.ReportName(), err)
		}
	}
	h.writers = map[*schema.Table]*rowHashWriter{}
	pruneRowHashes(h.dir)
}

// abort removes the temporary files of a failed run.
func (h *rowHashes) abort() {
	if h == nil {
		return
	}
	for _, w := range h.writers {
		w.abort()
	}
	h.writers = map[*schema.Table]*rowHashWriter{}
}
