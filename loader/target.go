package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// TargetKind says how a [Target] reaches Dolt.
type TargetKind string

// The values of [TargetKind].
const (
	// Embedded is a directory opened with the in-process Dolt engine
	// (github.com/dolthub/driver).
	Embedded TargetKind = "embedded"
	// Server is a dolt sql-server reached by a mysql:// URL.
	Server TargetKind = "server"
)

// Target is an open Dolt database.
type Target struct {
	keep  map[string]bool // tables Prepare and CreateTables leave alone (carry.go)
	patch map[string]bool // kept tables whose rows the run changes: their triggers are dropped (carry.go)
	// Kind is Embedded or Server.
	Kind TargetKind
	// Database is the Dolt database name.
	Database string
	// Display names the target without any password, for messages.
	Display string

	db        *sql.DB
	conn      *sql.Conn
	connector io.Closer // the embedded engine (a *guardedConnector); closing it releases the database lock

	sqlInserts bool // embedded: write rows as SQL INSERT text, not engine rows

	branch string // the branch a load publishes to
	work   string // the work branch being loaded; "" when none

	root   string            // the embedded engine's directory (the target directory's parent); "" for a server
	cur    string            // the session's current database
	others []string          // the databases of AddDatabases (databases.go)
	start  map[string]string // per database, the branch's HEAD when StartWork ran ("" when it did not exist)
	done   map[string]bool   // the databases Publish has published

	// The run's lock (lock.go): taken by StartWork, released by Close or
	// the process's end.
	runID     string         // the run's id, the last part of its work branch
	started   time.Time      // when StartWork first ran
	locked    bool           // the lock is held
	lockFiles []*flock.Flock // embedded: one flock(2)ed file per database
	lockConn  *sql.Conn      // sql-server: the session holding GET_LOCK

	track *sessionTrack // the pinned session as the GC safepoint controller knows it (gcbackground.go)
}

// Options for opening a target.
type Options struct {
	// Author is the commit author, "Name <email>".
	Author string
	// SQLInserts makes the embedded target take rows as multi-row INSERT
	// statements, as the sql-server target does, instead of writing Go
	// values through the engine's INSERT plan (the default; see
	// [Target.Inserter]). It exists to compare the two paths and as a way
	// around a fault in the engine path.
	SQLInserts bool
	// Password is where a mysql:// target's password comes from besides
	// the URL (--target-password-file, PGCOPY_TARGET_PASSWORD).
	Password PasswordSource
}

// Open opens the target named by spec: a mysql:// URL of a running dolt
// sql-server (grammar: [ParseServerURL]; the database is created if
// missing), or a directory for the embedded engine (created, with `dolt
// init` semantics, if missing). The returned Target holds one pinned
// connection; Close it. A bad spec or password source is a *SpecError
// (in a *diag.Error); a server that cannot be reached is a *diag.Error
// whose hint says what to change.
func Open(ctx context.Context, spec string, opts Options) (*Target, error) {
	if IsServerSpec(spec) {
		return openServer(ctx, spec, opts.Password)
	}
	if err := CheckTarget(spec, opts.Password); err != nil {
		return nil, err
	}
	return openEmbedded(ctx, spec, opts)
}

func openServer(ctx context.Context, spec string, pw PasswordSource) (*Target, error) {
	s, err := ParseServerURL(spec)
	if err != nil {
		return nil, err
	}
	if err := s.SetPassword(pw); err != nil {
		return nil, err
	}
	db, err := ConnectServer(ctx, s, true)
	if err != nil {
		return nil, err
	}
	return pin(ctx, db, Server, s.Database, s.Display())
}

// openEmbedded opens dir as a Dolt database through the embedded engine.
// The engine serves the databases found in a parent directory, so dir's
// parent is the engine's root and dir's base name is the database name.
func openEmbedded(ctx context.Context, dir string, opts Options) (*Target, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	parent, name := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("target directory: %w", err)
	}
	exists, emptyDir := false, false
	if st, err := os.Stat(filepath.Join(abs, ".dolt")); err == nil && st.IsDir() {
		exists = true
	} else if entries, err := os.ReadDir(abs); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("target %s exists and is not a Dolt database: give an empty or new directory, or a directory made by pgcopy or `dolt init`", dir)
	} else if err == nil {
		emptyDir = true
	}
	if err := checkWritable(parent, name); err != nil {
		return nil, err
	}
	if err := checkHome(); err != nil {
		return nil, err
	}
	author, email := splitAuthor(opts.Author)
	q := url.Values{}
	q.Set("commitname", author)
	q.Set("commitemail", email)
	q.Set("multistatements", "false")
	dsn := (&url.URL{Scheme: "file", Path: parent, RawQuery: q.Encode()}).String()
	engine, err := openEmbeddedEngine(dsn)
	if err != nil {
		return nil, fmt.Errorf("open embedded Dolt in %s: %w", parent, err)
	}
	connector := &guardedConnector{inner: engine, g: &engineGuard{dir: abs}} // guard.go

	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(1)
	t, err := pin(ctx, db, Embedded, name, abs)
	if err != nil {
		connector.Close()
		return nil, err
	}
	t.connector = connector
	t.sqlInserts = opts.SQLInserts
	t.root = parent
	if !exists {
		// Dolt's CREATE DATABASE refuses a directory that exists, even an
		// empty one ("Error 1007: can't create database NAME; database
		// exists"; repro with dolt 1.83.2: mkdir t && dolt sql -q
		// 'CREATE DATABASE t'), so an empty target directory is removed first and
		// Dolt makes it again (AddDatabases does the same for TARGET_S).
		if emptyDir {
			if err := os.Remove(abs); err != nil {
				t.Close()
				return nil, &diag.Error{Err: fmt.Errorf("target %s exists and is not a Dolt database, and pgcopy cannot replace the empty directory with one: %w", dir, err),
					Hint: "remove the directory (rmdir " + dir + ") or give --target a new path: pgcopy creates the directory; or run `dolt init` in it first"}
			}
		}
		if _, err := t.conn.ExecContext(ctx, "CREATE DATABASE "+sqltext.Ident(name)); err != nil {
			t.Close()
			if emptyDir {
				os.Mkdir(abs, 0o755) // give the user's empty directory back
			}
			return nil, fmt.Errorf("create Dolt database %s: %w", abs, err)
		}
		if err := t.relaxFatalIO(ctx); err != nil {
			t.Close()
			return nil, err
		}
	}
	if _, err := t.conn.ExecContext(ctx, "USE "+sqltext.Ident(name)); err != nil {
		t.Close()
		return nil, fmt.Errorf("use Dolt database %s: %w", abs, err)
	}
	return t, nil
}

func pin(ctx context.Context, db *sql.DB, kind TargetKind, name, display string) (*Target, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", display, err)
	}
	return &Target{Kind: kind, Database: name, Display: display, db: db, conn: conn, cur: name}, nil
}

// splitAuthor splits "Name <email>" into its parts.
func splitAuthor(a string) (string, string) {
	if i := strings.Index(a, "<"); i >= 0 && strings.HasSuffix(a, ">") {
		return strings.TrimSpace(a[:i]), a[i+1 : len(a)-1]
	}
	return a, "pgcopy@localhost"
}

// relaxFatalIO applies relaxFatalIO (embedded.go) to the engine's
// databases again, after a CREATE DATABASE, which registers the new
// database with Dolt's crash-on-fatal-I/O behaviour.
func (t *Target) relaxFatalIO(ctx context.Context) error {
	return t.onEngine(relaxFatalIO)
}

// onEngine runs f on the pinned connection's driver connection, on the
// embedded engine only (a no-op on a sql-server).
func (t *Target) onEngine(f func(driver.Conn) error) error {
	if t.Kind != Embedded {
		return nil
	}
	return t.conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("not a driver connection (%T)", dc)
		}
		return f(c)
	})
}

// Conn returns the pinned connection, for fkfix and tests.
func (t *Target) Conn() *sql.Conn { return t.conn }

// Exec runs one statement on the pinned connection.
func (t *Target) Exec(ctx context.Context, query string) error {
	_, err := t.conn.ExecContext(ctx, query)
	return err
}

// Close releases the connection and, for the embedded engine, the database
// files' lock.
func (t *Target) Close() error {
	var errs []error
	t.untrack()
	if t.conn != nil {
		errs = append(errs, t.conn.Close())
	}
	if t.db != nil {
		errs = append(errs, t.db.Close())
	}
	if t.connector != nil {
		errs = append(errs, t.connector.Close())
	}
	t.unlock() // last: the engine has released the database's own lock
	return errors.Join(errs...)
}

// PurgeCaches drops the embedded engine's caches (purgeCaches); a no-op on
// a sql-server.
func (t *Target) PurgeCaches(ctx context.Context) error {
	return t.onEngine(purgeCaches)
}
