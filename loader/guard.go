package loader

// The fault boundary of the embedded engine (doc.go, "Faults"): every call
// pgcopy makes into the embedded Dolt engine goes through the
// database/sql driver this file wraps, or through engineSession (bulk.go),
// which runs under the same guard. A panic inside the engine, or an I/O
// error Dolt calls fatal (a full disk), becomes pgcopy's own error, and the
// engine is not driven again in this process.

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// errEngineBroken is in the chain of every error the guard returns for an
// engine fault (a recovered panic, a full disk). The engine is not used
// again after one: a panic may have left its locks held and its state
// half-updated, and Dolt treats a failed write of its journal as fatal.
var errEngineBroken = errors.New("the embedded Dolt engine stopped")

// engineFault is the error of an engine fault; it reads as its message
// and matches errEngineBroken.
type engineFault struct {
	msg   string
	cause error
}

func (e *engineFault) Error() string        { return e.msg }
func (e *engineFault) Unwrap() error        { return e.cause }
func (e *engineFault) Is(target error) bool { return target == errEngineBroken }

// engineGuard is shared by every connection of one embedded engine. It
// records the first fault; once one is recorded, every further call fails
// at once with it, without entering the engine.
type engineGuard struct {
	dir string // the engine's directory, for messages

	mu    sync.Mutex
	fault error // the first fault (a *diag.Error), or nil
}

// failed returns the recorded fault, or nil.
func (g *engineGuard) failed() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.fault
}

func (g *engineGuard) record(err error) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.fault == nil {
		g.fault = err
	}
	return err
}

// do runs f, one call into the engine described by what (for messages),
// and turns a panic or a full disk into the guard's fault.
func (g *engineGuard) do(what string, f func() error) (err error) {
	if err := g.failed(); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = g.record(g.panicked(what, r))
		}
	}()
	err = f()
	if full := g.diskFull(err); full != nil {
		return g.record(full)
	}
	return err
}

// panicked builds the error of a panic recovered in the engine: its
// value, the function and line that panicked, and a hint to report it
// with the stack, which goes to a file rather than to the terminal.
func (g *engineGuard) panicked(what string, r any) error {
	stack := debug.Stack()
	origin := panicOrigin()
	who := "the embedded Dolt engine (Dolt " + doltVersion + ")"
	if strings.HasPrefix(origin, "github.com/pgcopy/") {
		who = "pgcopy's code called by the embedded Dolt engine"
	}
	report := "report it to the pgcopy maintainers"
	saved := false
	for _, dir := range []string{os.TempDir(), "/tmp"} { // $TMPDIR may be another user's
		if f, err := os.CreateTemp(dir, "pgcopy-panic-*.txt"); err == nil {
			fmt.Fprintf(f, "pgcopy: panic in %s while %s: %v\n\n%s", who, what, r, stack)
			f.Close()
			report += " with the stack trace in " + f.Name()
			saved = true
			break
		}
	}
	if !saved {
		report += " (the stack trace could not be saved: no writable temporary directory; set TMPDIR)"
	}
	hint := "the engine failed in a way it does not report as an error; nothing was published and the branch is as it was. " +
		"A target the engine cannot read is one known cause (check that user " + currentUser() + " can read and write every file under " + g.dir + "/.dolt); otherwise this is a bug: " + report
	if strings.HasPrefix(what, "inserting") {
		hint += "; rerunning with --sql-inserts avoids the engine's row path"
	}
	return &diag.Error{
		Err:  &engineFault{msg: fmt.Sprintf("%s panicked in %s while %s: %v", who, orNone(origin), cut(what, 200), r)},
		Hint: hint,
	}
}

// panicOrigin is "function (file:line)" of the frame that panicked: the
// first frame below runtime.gopanic that is not the runtime's own (a nil
// dereference passes through runtime.sigpanic). It must be called from
// the deferred function that recovers.
func panicOrigin() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	below := false
	for {
		fr, more := frames.Next()
		if fr.Function == "runtime.gopanic" {
			below = true
		} else if below && !strings.HasPrefix(fr.Function, "runtime.") {
			return fmt.Sprintf("%s (%s:%d)", fr.Function, modulePath(fr.File), fr.Line)
		}
		if !more {
			return ""
		}
	}
}

// modulePath cuts a source path to its module-relative form:
// .../pkg/mod/github.com/dolthub/dolt/go@v0.40.5-.../x.go becomes
// github.com/dolthub/dolt/go@v0.40.5-.../x.go.
func modulePath(file string) string {
	if i := strings.Index(file, "/pkg/mod/"); i >= 0 {
		return file[i+len("/pkg/mod/"):]
	}
	return file
}

// enospc finds the file Dolt failed to write in an error message: Go's
// *os.PathError text "write PATH: no space left on device", as the
// embedded driver passes it on (as text: its errors are
// *mysql.MySQLError, which keeps no chain).
var enospc = regexp.MustCompile(`(?:write|open|sync|truncate|rename) (\S+?): no space left on device`)

// diskFull returns the guard's error for a write the full disk stopped,
// or nil when err is not one.
func (g *engineGuard) diskFull(err error) error {
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		return nil
	}
	path := g.dir
	if m := enospc.FindStringSubmatch(err.Error()); m != nil {
		path = m[1]
	}
	return &diag.Error{
		Err:  &engineFault{msg: fmt.Sprintf("the disk is full (ENOSPC): Dolt could not write %s: %s", path, err), cause: err},
		Hint: diskFullHint(g.dir),
	}
}

// diskFullHint says what to do about a full disk under dir.
func diskFullHint(dir string) string {
	return "free space on the file system of " + dir + " (df -h " + dir + ") and run the copy again; the branch is as it was, " +
		"and the rerun cleans up what this run left. A copy needs free space of about " + spaceFactor + " the size of the plain dump " +
		"while it runs (Dolt's journal grows during the load, DOLT_GC shrinks it at the end)"
}

// spaceFactor is the measured peak growth of an embedded target during a
// copy, relative to the plain dump's size (doc.go, "Faults").
const spaceFactor = "4 times"

// guardedConnector is the embedded engine's driver.Connector behind the
// guard. Closing it closes the engine, unless a fault stopped it: then
// the process's end releases the database's lock.
type guardedConnector struct {
	inner embeddedConnector
	g     *engineGuard
}

func (c *guardedConnector) Driver() driver.Driver { return c.inner.Driver() }

func (c *guardedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	var conn driver.Conn
	err := c.g.do("opening the embedded engine in "+c.g.dir, func() (err error) {
		if conn, err = c.inner.Connect(ctx); err != nil {
			return err
		}
		return relaxFatalIO(&guardedConn{inner: conn, g: c.g})
	})
	if err != nil {
		if conn != nil && !errors.Is(err, errEngineBroken) {
			conn.Close()
		}
		return nil, err
	}
	return &guardedConn{inner: conn, g: c.g}, nil
}

func (c *guardedConnector) Close() error {
	if c.g.failed() != nil {
		return nil
	}
	return c.g.do("closing the embedded engine", c.inner.Close)
}

// guardedConn is one engine connection behind the guard. It implements
// the driver interfaces dolthub/driver's DoltConn does (Conn,
// ConnBeginTx), so database/sql drives both the same way.
type guardedConn struct {
	inner driver.Conn
	g     *engineGuard
}

var (
	_ driver.Conn        = (*guardedConn)(nil)
	_ driver.ConnBeginTx = (*guardedConn)(nil)
)

func (c *guardedConn) Prepare(query string) (driver.Stmt, error) {
	var st driver.Stmt
	err := c.g.do("preparing "+query, func() (err error) {
		st, err = c.inner.Prepare(query)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &guardedStmt{inner: st, query: query, g: c.g}, nil
}

func (c *guardedConn) Close() error {
	if c.g.failed() != nil {
		return nil // the engine is not entered after a fault
	}
	return c.g.do("closing a session", c.inner.Close)
}

func (c *guardedConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *guardedConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	var tx driver.Tx
	err := c.g.do("starting a transaction", func() (err error) {
		if b, ok := c.inner.(driver.ConnBeginTx); ok {
			tx, err = b.BeginTx(ctx, opts)
		} else {
			tx, err = c.inner.Begin() //nolint:staticcheck // the driver's own fallback
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &guardedTx{inner: tx, g: c.g}, nil
}

type guardedStmt struct {
	inner driver.Stmt
	query string
	g     *engineGuard
}

func (s *guardedStmt) Close() error {
	if s.g.failed() != nil {
		return nil
	}
	return s.g.do("closing "+s.query, s.inner.Close)
}

func (s *guardedStmt) NumInput() int { return s.inner.NumInput() }

func (s *guardedStmt) Exec(args []driver.Value) (driver.Result, error) {
	var res driver.Result
	err := s.g.do("running "+s.query, func() (err error) {
		res, err = s.inner.Exec(args) //nolint:staticcheck // DoltStmt implements only Exec
		return err
	})
	return res, err
}

func (s *guardedStmt) Query(args []driver.Value) (driver.Rows, error) {
	var rows driver.Rows
	err := s.g.do("running "+s.query, func() (err error) {
		rows, err = s.inner.Query(args) //nolint:staticcheck // DoltStmt implements only Query
		return err
	})
	if err != nil {
		return nil, err
	}
	r := &guardedRows{inner: rows, query: s.query, g: s.g}
	if _, ok := rows.(driver.RowsNextResultSet); ok {
		return &guardedMultiRows{r}, nil
	}
	return r, nil
}

type guardedRows struct {
	inner driver.Rows
	query string
	g     *engineGuard
}

func (r *guardedRows) Columns() []string { return r.inner.Columns() }

func (r *guardedRows) Close() error {
	if r.g.failed() != nil {
		return nil
	}
	return r.g.do("closing the result of "+r.query, r.inner.Close)
}

func (r *guardedRows) Next(dest []driver.Value) error {
	return r.g.do("reading the result of "+r.query, func() error { return r.inner.Next(dest) })
}

// guardedMultiRows is guardedRows of a driver result with several result
// sets.
type guardedMultiRows struct{ *guardedRows }

func (r *guardedMultiRows) HasNextResultSet() bool {
	if r.g.failed() != nil {
		return false
	}
	var has bool
	r.g.do("reading the result of "+r.query, func() error {
		has = r.inner.(driver.RowsNextResultSet).HasNextResultSet()
		return nil
	})
	return has
}

func (r *guardedMultiRows) NextResultSet() error {
	return r.g.do("reading the result of "+r.query, r.inner.(driver.RowsNextResultSet).NextResultSet)
}

type guardedTx struct {
	inner driver.Tx
	g     *engineGuard
}

func (t *guardedTx) Commit() error   { return t.g.do("committing a transaction", t.inner.Commit) }
func (t *guardedTx) Rollback() error { return t.g.do("rolling back a transaction", t.inner.Rollback) }

// cut shortens s to about n bytes for a message.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
