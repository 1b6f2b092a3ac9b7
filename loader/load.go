package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Prepare readies the working set for a fresh load: it throws away any
// uncommitted changes, drops every view and table,
// and turns foreign-key checks off for the session. Tables that the new
// load recreates identically hash the same, so an unchanged source gives a
// clean working set (dolt-facts C2).
func (t *Target) Prepare(ctx context.Context) error {
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_RESET('--hard')"); err != nil {
		return fmt.Errorf("reset the working set of %s: %w", t.Display, err)
	}
	if err := t.session(ctx); err != nil {
		return err
	}
	if err := t.dropViews(ctx); err != nil { // views.go
		return err
	}
	if err := t.dropRoutines(ctx); err != nil { // routines.go
		return err
	}
	tables, err := t.Tables(ctx)
	if err != nil {
		return err
	}
	for _, name := range tables {
		if t.keep[name] && t.cur == t.Database {
			continue // carried over from the parent commit (carry.go)
		}
		if _, err := t.conn.ExecContext(ctx, "DROP TABLE "+sqltext.Ident(name)); err != nil {
			return fmt.Errorf("drop table %s from the previous snapshot: %w", name, err)
		}
	}
	return nil
}

// SessionSettings are the statements (without the ";") that set a load's
// session state, in order; the load runs them on every session it opens,
// and `pgcopy translate` writes them at the top of its script, so that
// the script loads as the copy does. FOREIGN_KEY_CHECKS=0: the foreign
// keys are resolved and checked after the load (package fkfix).
// UNIQUE_CHECKS=1: a duplicate key is an error. time_zone '+00:00': the
// session reads now() and writes datetimes in UTC, as translate stores
// timestamptz (in UTC). NO_AUTO_VALUE_ON_ZERO: a
// dumped 0 in an AUTO_INCREMENT column is the value 0, not a request for
// the next value (pagila's staff_id 0). (MySQL manual, "Server System
// Variables" and "Server SQL Modes".)
var SessionSettings = []string{"SET FOREIGN_KEY_CHECKS=0", "SET UNIQUE_CHECKS=1", "SET time_zone='+00:00'",
	"SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')"}

// session sets the load's session state (SessionSettings) on the pinned
// connection.
func (t *Target) session(ctx context.Context) error {
	for _, q := range SessionSettings {
		if _, err := t.conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// Worker returns another session on the same database and work branch,
// with the load's session state, for loading tables in parallel (--jobs).
// Dolt merges the sessions' transactions into the working set when each
// commits; FOREIGN_KEY_CHECKS=0 keeps them from locking each other. Close
// the Worker when done; closing it does not close t.
func (t *Target) Worker(ctx context.Context) (*Target, error) {
	w := &Target{Kind: t.Kind, Database: t.Database, Display: t.Display, branch: t.branch, others: t.others, sqlInserts: t.sqlInserts}
	if err := t.openWorker(ctx, w); err != nil {
		return nil, err
	}
	return w, nil
}

// Rejoin gives worker w (from t.Worker) a fresh session, in the same state
// as Worker's: call it after a DOLT_GC (GCAndReconnect on t), which ends
// every session of the embedded engine, w's too. Its old session is
// discarded, never returned to the pool: an ended embedded session may
// still accept writes whose rows are then lost (see reconnect). Call it
// between w's SQL transactions.
func (t *Target) Rejoin(ctx context.Context, w *Target) error {
	if w.conn != nil {
		discard(w.conn)
		w.conn = nil
	}
	return t.openWorker(ctx, w)
}

// openWorker opens w's session: a connection of t's pool on t's database,
// the work branch checked out in every database, the session settings.
func (t *Target) openWorker(ctx context.Context, w *Target) error {
	if t.work == "" {
		return fmt.Errorf("worker: no work branch (call StartWork first)")
	}
	t.db.SetMaxOpenConns(0)
	// After a DOLT_GC the pool may hold connections the GC ended; skip
	// them (as reconnect does).
	var conn *sql.Conn
	var err error
	for try := 0; try < 8; try++ {
		if conn, err = t.db.Conn(ctx); err != nil {
			return fmt.Errorf("worker connection to %s: %w", t.Display, err)
		}
		if _, err = conn.ExecContext(ctx, "USE "+sqltext.Ident(t.Database)); err == nil {
			break
		}
		discard(conn)
		conn = nil
	}
	if conn == nil {
		return fmt.Errorf("worker: use %s: %w", t.Database, err)
	}
	w.conn, w.cur = conn, t.Database
	if err := w.checkoutWork(ctx, t.work); err != nil { // databases.go: in every database
		conn.Close()
		w.conn = nil
		return err
	}
	if err := w.session(ctx); err != nil {
		conn.Close()
		w.conn = nil
		return err
	}
	return nil
}

func discard(conn *sql.Conn) {
	// Returning driver.ErrBadConn from Raw makes database/sql drop the
	// connection instead of pooling it.
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// Tables lists the tables of the working set.
func (t *Target) Tables(ctx context.Context) ([]string, error) {
	rows, err := t.conn.QueryContext(ctx, "SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// CreateTables creates every table of db, each with one CREATE TABLE
// statement holding all its columns, keys, indexes and foreign keys, in
// the table's database (Table.Database; the target database is current
// again afterwards).
// After each statement it reads SHOW WARNINGS: Dolt reports some things it
// silently did not create only there (dolt-facts E, functional indexes).
func (t *Target) CreateTables(ctx context.Context, db *schema.Database) error {
	defer t.Use(ctx, "")
	for _, tb := range db.Tables {
		if tb.Database == "" && t.keep[tb.Name] {
			continue // carried over from the parent commit (carry.go)
		}
		if err := t.Use(ctx, tb.Database); err != nil { // databases.go
			return err
		}
		q := tb.CreateSQL()
		if _, err := t.conn.ExecContext(ctx, q); err != nil {
			return diag.New(tb.Pos, tb.PG.String(), "", fmt.Errorf("create table %s in Dolt: %w", tb.Name, err),
				"this is a translation pgcopy did not foresee; override the table's DDL or report it with the statement:\n"+q)
		}
		warn := t.warnings(ctx)
		// Dolt 1.83 also warns "Duplicate index" (1831) for a KEY on a
		// foreign-key column, although it creates exactly the keys asked
		// for; so the check is what exists, not what was warned.
		missing, err := t.missingIndexes(ctx, tb)
		if err != nil {
			return err
		}
		if len(missing) > 0 {
			return diag.New(tb.Pos, tb.PG.String(), "", fmt.Errorf("create table %s: Dolt did not create the indexes %s (warnings: %s)",
				tb.Name, strings.Join(missing, ", "), strings.Join(warn, "; ")), "")
		}
	}
	return nil
}

// warnings returns SHOW WARNINGS of the last statement, except the
// "Duplicate index" deprecation notice (code 1831).
func (t *Target) warnings(ctx context.Context) []string {
	rows, err := t.conn.QueryContext(ctx, "SHOW WARNINGS")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var level, msg string
		var code int
		if rows.Scan(&level, &code, &msg) == nil && code != 1831 {
			msgs = append(msgs, msg)
		}
	}
	return msgs
}

// missingIndexes returns the names of tb's indexes (and PRIMARY) that
// information_schema.statistics does not show.
func (t *Target) missingIndexes(ctx context.Context, tb *schema.Table) ([]string, error) {
	rows, err := t.conn.QueryContext(ctx,
		"SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?", tb.Name)
	if err != nil {
		return nil, fmt.Errorf("read back the indexes of %s: %w", tb.Name, err)
	}
	have, err := lowerSet(rows)
	if err != nil {
		return nil, err
	}
	var missing []string
	if len(tb.PrimaryKey) > 0 && !have["primary"] {
		missing = append(missing, "PRIMARY")
	}
	for _, ix := range tb.Indexes {
		if !have[strings.ToLower(ix.Name)] {
			missing = append(missing, ix.Name)
		}
	}
	return missing, rows.Err()
}

// Begin opens the SQL transaction that a table's rows are written in.
func (t *Target) Begin(ctx context.Context) error {
	_, err := t.conn.ExecContext(ctx, "BEGIN")
	return err
}

// CommitTx commits the open SQL transaction into the working set (not a
// Dolt commit).
func (t *Target) CommitTx(ctx context.Context) error {
	_, err := t.conn.ExecContext(ctx, "COMMIT")
	return err
}

// Rollback aborts the open SQL transaction.
func (t *Target) Rollback(ctx context.Context) error {
	_, err := t.conn.ExecContext(ctx, "ROLLBACK")
	return err
}

// Batch limits for multi-row INSERT statements. 1,000 rows per statement
// measured 33x faster than single rows and within 15% of larger batches on
// Dolt 1.83 (dolt-facts B1 rows 2a-2d); the byte cap keeps statements with
// large values well under max_allowed_packet.
const (
	BatchRows  = 1000
	BatchBytes = 4 << 20
	// BulkBatchRows is the batch of the embedded engine's row path, which
	// parses no SQL text: 4,000 and 10,000 rows per batch loaded pgbench
	// scale 10 6-9 % faster than 1,000 (paired runs, BENCHMARKS.md).
	BulkBatchRows = 5000
)

// Inserter batches row tuples for one table into multi-row INSERT
// statements.
//
// On a database target a full batch is executed by a goroutine of its own
// while the caller encodes the next one: the caller's decoding overlaps
// Dolt's writing, and Dolt's per-row work runs on a shallow stack. Dolt
// 1.83 builds an error with a 32-frame stack trace for every row it
// inserts (prollyTableWriter.Insert passes the row to the AUTO_INCREMENT
// tracker, whose uint64 conversion fails), so every frame under the
// INSERT costs time per row (BENCHMARKS.md, "Where the time goes"). At
// most one batch is in flight; [Inserter.Flush] waits for it, so the
// session is idle whenever the caller gets control back from Flush.
type Inserter struct {
	t     *Target // nil for a script inserter
	w     io.Writer
	bulk  bool // rows are Go values written through the engine (AddRow)
	table *schema.Table
	cols  []string
	verb  string // "INSERT", or "REPLACE" (Replacer)
	head  string
	cur   batch
	tuple []byte     // scratch for the caller's encoding (Scratch)
	prev  batch      // the batch in flight when done is not nil
	done  chan error // receives the result of prev's INSERT
	// Written counts the rows Dolt accepted; it is exact after Flush.
	Written int64
	// Reject, when set, is called for a row Dolt refuses, with the row's
	// dump position and original line. Returning nil skips the row and
	// goes on; returning an error stops the load with it.
	Reject func(pos dump.Pos, line []byte, err error) error
}

// batch is one multi-row INSERT statement and where its rows came from.
type batch struct {
	buf   []byte
	offs  []int // start offset of each tuple in buf
	pos   []dump.Pos
	lines [][]byte // the dump lines of the batch's rows, kept when Reject is set
	rows  [][]any  // the rows, on the bulk path
}

func (b *batch) reset() {
	b.buf, b.offs, b.pos, b.lines, b.rows = b.buf[:0], b.offs[:0], b.pos[:0], b.lines[:0], b.rows[:0]
}

func (b *batch) len() int { return len(b.pos) }

// Inserter returns a batcher for rows of table whose values are given for
// cols (Dolt column names), in that order.
//
// On the embedded target (unless [Options.SQLInserts]) the Inserter takes
// rows as Go values ([Inserter.Bulk], [Inserter.AddRow]) and writes them
// through the engine's INSERT plan without SQL text, as `dolt table
// import` does; everywhere else it takes SQL tuples ([Inserter.Add]).
func (t *Target) Inserter(table *schema.Table, cols []string) *Inserter {
	return t.inserter(table, cols, "INSERT")
}

func (t *Target) inserter(table *schema.Table, cols []string, verb string) *Inserter {
	in := newInserter(table, cols, verb)
	in.t = t
	in.bulk = t.Kind == Embedded && !t.sqlInserts
	return in
}

// Scratch returns an empty byte slice, reusing its memory, in which the
// caller may encode the tuple it passes to Add next.
func (in *Inserter) Scratch() []byte { return in.tuple[:0] }

// Bulk reports whether the Inserter takes Go values (AddRow) rather than
// SQL tuples (Add).
func (in *Inserter) Bulk() bool { return in.bulk }

// NextRow returns an empty slice, with room for the Inserter's columns,
// for the values of the next AddRow; it reuses the memory of rows already
// written.
func (in *Inserter) NextRow() []any {
	b := &in.cur
	if n := len(b.rows); n < cap(b.rows) {
		return b.rows[:n+1][n][:0]
	}
	return make([]any, 0, len(in.cols))
}

// AddRow appends one row of Go values (see translate.Rows.AppendRow; the
// Inserter keeps vals until the row is written) read from the dump at pos,
// and sends the batch when it is full. Like Add, the error may be that of
// the previous batch.
func (in *Inserter) AddRow(ctx context.Context, vals []any, pos dump.Pos, line []byte) error {
	b := &in.cur
	if in.Reject != nil {
		b.lines = append(b.lines, append([]byte(nil), line...))
	}
	b.rows = append(b.rows, vals)
	b.pos = append(b.pos, pos)
	if len(b.rows) >= BulkBatchRows {
		return in.send(ctx)
	}
	return nil
}

// Replacer is [Target.Inserter] writing REPLACE instead of INSERT: a row
// whose key (or a unique value) a stored row has replaces that row (MySQL
// manual, "REPLACE Statement"; with FOREIGN_KEY_CHECKS=0 no foreign-key
// action runs). A nightly patch writes its changed rows with it
// (internal/pipeline/patch.go).
func (t *Target) Replacer(table *schema.Table, cols []string) *Inserter {
	return t.inserter(table, cols, "REPLACE")
}

// into is the start of the Inserter's statements: "INSERT INTO table" or
// "REPLACE INTO table".
func (in *Inserter) into() string { return in.verb + " INTO " + in.table.QualifiedName() }

// newInserter returns an Inserter whose statements start with verb
// ("INSERT" or "REPLACE").
func newInserter(table *schema.Table, cols []string, verb string) *Inserter {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = sqltext.Ident(c)
	}
	head := verb + " INTO " + table.QualifiedName() + " (" + strings.Join(q, ",") + ") VALUES "
	return &Inserter{table: table, verb: verb, head: head, cols: append([]string(nil), cols...)}
}

// SameColumns reports whether the Inserter writes exactly cols, in order.
func (in *Inserter) SameColumns(cols []string) bool {
	if len(cols) != len(in.cols) {
		return false
	}
	for i := range cols {
		if cols[i] != in.cols[i] {
			return false
		}
	}
	return true
}

// ScriptInserter returns an Inserter that writes its INSERT statements,
// each followed by ";\n", to w instead of executing them (pgcopy
// translate).
func ScriptInserter(w io.Writer, table *schema.Table, cols []string) *Inserter {
	in := newInserter(table, cols, "INSERT")
	in.w = w
	return in
}

// Add appends one encoded tuple "(v1,...)" read from the dump at pos (line
// is the original dump line, copied only when Reject is set), and sends
// the batch when it is full. The error may be that of the previous batch.
func (in *Inserter) Add(ctx context.Context, tuple []byte, pos dump.Pos, line []byte) error {
	b := &in.cur
	if in.Reject != nil {
		b.lines = append(b.lines, append([]byte(nil), line...))
	}
	if len(b.buf) == 0 {
		b.buf = append(b.buf, in.head...)
	} else {
		b.buf = append(b.buf, ',')
	}
	b.offs = append(b.offs, len(b.buf))
	b.pos = append(b.pos, pos)
	b.buf = append(b.buf, tuple...)
	in.tuple = tuple[:0]
	if len(b.offs) >= BatchRows || len(b.buf) >= BatchBytes {
		return in.send(ctx)
	}
	return nil
}

// Flush writes the pending rows and waits until Dolt has them. When Dolt
// rejects a batch, its rows are retried one at a time to find the bad
// ones; the error names the first bad row's dump line and table (or, with
// Reject set, each bad row goes to Reject).
func (in *Inserter) Flush(ctx context.Context) error {
	if err := in.send(ctx); err != nil {
		in.Drain()
		return err
	}
	return in.wait(ctx)
}

// Drain waits for a batch still in flight and drops its result. Call it
// (deferred) where a load may end early, before the session is used for
// anything else.
func (in *Inserter) Drain() {
	if in.done != nil {
		<-in.done
		in.done = nil
		in.prev.reset()
	}
}

// send waits for the batch in flight, then starts executing the current
// one (or, for a script inserter, writes it).
func (in *Inserter) send(ctx context.Context) error {
	if err := in.wait(ctx); err != nil {
		return err
	}
	b := &in.cur
	if b.len() == 0 {
		return nil
	}
	if in.w != nil {
		b.buf = append(b.buf, ";\n"...)
		_, err := in.w.Write(b.buf)
		in.Written += int64(len(b.offs))
		b.reset()
		return err
	}
	in.cur, in.prev = in.prev, in.cur
	done := make(chan error, 1)
	in.done = done
	if in.bulk {
		go execRows(ctx, in.t.conn, in.into(), in.cols, in.prev.rows, done)
	} else {
		go execBatch(ctx, in.t.conn, string(in.prev.buf), done)
	}
	return nil
}

// execBatch runs one INSERT on its own goroutine; see [Inserter].
func execBatch(ctx context.Context, conn *sql.Conn, q string, done chan<- error) {
	_, err := conn.ExecContext(ctx, q)
	done <- err
}

// execRows writes rows through the engine on its own goroutine.
func execRows(ctx context.Context, conn *sql.Conn, into string, cols []string, rows [][]any, done chan<- error) {
	s, err := bulkSession(ctx, conn)
	if err == nil {
		err = s.insertRows(into, cols, rows)
	}
	done <- err
}

// wait collects the result of the batch in flight, if any.
func (in *Inserter) wait(ctx context.Context) error {
	if in.done == nil {
		return nil
	}
	err := <-in.done
	in.done = nil
	b := &in.prev
	if err != nil {
		err = in.isolate(ctx, b, err)
	} else {
		in.Written += int64(b.len())
	}
	b.reset()
	return err
}

// errEngineSetup marks a failure to start the engine row path (not a
// row's fault): the load stops with it instead of rejecting every row.
var errEngineSetup = errors.New("embedded engine row path")

func (in *Inserter) isolate(ctx context.Context, b *batch, batchErr error) error {
	if errors.Is(batchErr, context.Canceled) || errors.Is(batchErr, sql.ErrConnDone) || errors.Is(batchErr, errEngineSetup) || errors.Is(batchErr, errEngineBroken) {
		return batchErr
	}
	for i := range b.pos {
		if err := in.one(ctx, b, i); errors.Is(err, errEngineSetup) || errors.Is(err, errEngineBroken) {
			return err
		} else if err != nil {
			derr := diag.New(b.pos[i], in.table.PG.String(), "", fmt.Errorf("Dolt rejected the row: %w", diag.ExcerptErr(err, diag.ExcerptLen)), rowHint(err))
			if in.Reject == nil {
				return derr
			}
			if rerr := in.Reject(b.pos[i], b.lines[i], derr); rerr != nil {
				return rerr
			}
			continue
		}
		in.Written++
	}
	return nil
}

// rowHint is the hint for a row Dolt rejected. Invalid UTF-8 in a text
// column (Dolt: "invalid string for charset", "Incorrect string value")
// means the dump is not UTF-8 or the data is corrupt: no column type
// fixes it.
func rowHint(err error) string {
	m := strings.ToLower(err.Error())
	if strings.Contains(m, "string value") || strings.Contains(m, "charset") || strings.Contains(m, "utf8") || strings.Contains(m, "utf-8") {
		return "the value is not valid UTF-8: the dump's encoding is not UTF-8 or the data is corrupt; dump again with pg_dump --encoding=UTF8 (or check the client_encoding set at the dump's start), or reject such rows with --max-errors"
	}
	return "check the value against the column types in the report; an override can widen a column"
}

// one writes row i of b alone.
func (in *Inserter) one(ctx context.Context, b *batch, i int) error {
	if in.bulk {
		s, err := bulkSession(ctx, in.t.conn)
		if err != nil {
			return err
		}
		return s.insertRows(in.into(), in.cols, b.rows[i:i+1])
	}
	end := len(b.buf)
	if i+1 < len(b.offs) {
		end = b.offs[i+1] - 1
	}
	_, err := in.t.conn.ExecContext(ctx, in.head+string(b.buf[b.offs[i]:end]))
	return err
}

// Table returns the table the Inserter writes to.
func (in *Inserter) Table() *schema.Table { return in.table }

// SetAutoIncrement sets the AUTO_INCREMENT counter of tb to what a
// one-session load leaves: the larger of tb.AutoIncrement (the sequence's
// next value) and MAX(column)+1. It is needed after a table was loaded in
// parts by several sessions: when Dolt 1.83 merges their transactions it
// may keep the counter of one session's part (measured on pagila's rental:
// 16007 instead of 16050, in about one run of four), which would make the
// next INSERT collide with an existing key. A table without an
// AUTO_INCREMENT column is left alone.
func (t *Target) SetAutoIncrement(ctx context.Context, tb *schema.Table) error {
	var col string
	for _, c := range tb.Columns {
		if c.AutoIncrement {
			col = c.Name
		}
	}
	if col == "" {
		return nil
	}
	var max sql.NullInt64
	if err := t.conn.QueryRowContext(ctx, "SELECT MAX("+sqltext.Ident(col)+") FROM "+tb.QualifiedName()).Scan(&max); err != nil {
		return fmt.Errorf("set the AUTO_INCREMENT of %s after loading it in parts: %w (rerun with --split-rows 0)", tb.Name, err)
	}
	next := tb.AutoIncrement
	if max.Valid && max.Int64+1 > next {
		next = max.Int64 + 1
	}
	if next <= 0 {
		next = 1
	}
	if _, err := t.conn.ExecContext(ctx, fmt.Sprintf("ALTER TABLE %s AUTO_INCREMENT = %d", tb.QualifiedName(), next)); err != nil {
		return fmt.Errorf("set the AUTO_INCREMENT of %s after loading it in parts: %w (rerun with --split-rows 0)", tb.Name, err)
	}
	return nil
}
