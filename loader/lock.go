package loader

// One writer per target branch (doc.go, "Locking"): a run takes a lock
// that dies with its process before it touches a work branch, loads onto
// a work branch of its own (pgcopy-work/<branch>/<run id>), and publishes
// only as a fast-forward from the HEAD it recorded at StartWork.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// runID names one run: its start time (UTC), host, PID and 4 random hex
// digits, in the characters a Dolt branch name allows, such as
// 20261203T163422Z-myhost-12345-9f3a.
func runID(start time.Time) string {
	host, _ := os.Hostname()
	host = regexp.MustCompile(`[^A-Za-z0-9-]+`).ReplaceAllString(host, "-")
	if host == "" {
		host = "host"
	}
	b := make([]byte, 2)
	rand.Read(b)
	return fmt.Sprintf("%s-%s-%d-%s", start.UTC().Format("20060102T150405Z"), host, os.Getpid(), hex.EncodeToString(b))
}

// lockFile is where an embedded run records and locks database name of
// the engine directory root: a hidden file next to the database's
// directory (inside it Dolt would refuse CREATE DATABASE).
func lockFile(root, name string) string {
	return filepath.Join(root, "."+name+".pgcopy-lock")
}

// lockName is the sql-server named lock of branch in database db.
func lockName(db, branch string) string { return "pgcopy:" + db + "/" + branch }

// lock takes the run's locks, one per database of the target: for the
// embedded engine an flock(2) on lockFile, which then holds the run's
// identity; for a sql-server GET_LOCK(lockName, 0) on a session of its
// own that stays open until Close. Both die with the process. When
// another run holds one, the error names it.
func (t *Target) lock(ctx context.Context) error {
	if t.locked {
		return nil
	}
	if t.Kind == Embedded {
		for _, name := range t.Databases() {
			path := lockFile(t.root, name)
			fl := flock.New(path)
			ok, err := fl.TryLock()
			if err != nil {
				return &diag.Error{Err: fmt.Errorf("lock %s: %w", path, err), Hint: "pgcopy needs to create this file next to the target database; check the directory's permissions"}
			}
			if !ok {
				holder, _ := os.ReadFile(path)
				return t.busy(name, strings.TrimSpace(string(holder)), path)
			}
			t.lockFiles = append(t.lockFiles, fl)
			info := fmt.Sprintf("pid %d on host %s, started %s, copying into branch %s (run %s)", os.Getpid(), hostname(), t.started.UTC().Format(time.RFC3339), t.branch, t.runID)
			// the embedded lock is the whole database's, whatever the branch
			if err := os.WriteFile(path, []byte(info+"\n"), 0o644); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		t.locked = true
		return nil
	}
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("lock session on %s: %w", t.Display, err)
	}
	t.lockConn = conn
	for _, name := range t.Databases() {
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 0)", lockName(name, t.branch)).Scan(&got); err != nil {
			return fmt.Errorf("GET_LOCK(%s): %w", lockName(name, t.branch), err)
		}
		if got.Int64 != 1 {
			return t.busy(name, t.serverHolder(ctx, name), "")
		}
	}
	t.locked = true
	return nil
}

// serverHolder describes the session that holds database name's lock
// (IS_USED_LOCK, information_schema.processlist) and the run whose work
// branch is there.
func (t *Target) serverHolder(ctx context.Context, name string) string {
	var parts []string
	var id sql.NullInt64
	t.lockConn.QueryRowContext(ctx, "SELECT IS_USED_LOCK(?)", lockName(name, t.branch)).Scan(&id)
	if id.Valid {
		var host sql.NullString
		t.lockConn.QueryRowContext(ctx, "SELECT host FROM information_schema.processlist WHERE id = ?", id.Int64).Scan(&host)
		parts = append(parts, fmt.Sprintf("its lock session is connection %d from %s", id.Int64, orNone(host.String)))
	}
	if ids, err := t.runBranches(ctx, sqltext.Ident(name)+".dolt_branches"); err == nil && len(ids) > 0 {
		var runs []string
		for _, id := range ids {
			runs = append(runs, describeRun(id))
		}
		parts = append([]string{strings.Join(runs, "; ")}, parts...)
	}
	return strings.Join(parts, "; ")
}

// describeRun spells out a run id of runID.
func describeRun(id string) string {
	f := strings.Split(id, "-")
	if len(f) < 4 {
		return "run " + id
	}
	start, err := time.Parse("20060102T150405Z", f[0])
	if err != nil {
		return "run " + id
	}
	return fmt.Sprintf("pid %s on host %s, started %s (run %s)", f[len(f)-2], strings.Join(f[1:len(f)-2], "-"), start.Format(time.RFC3339), id)
}

func (t *Target) busy(db, holder, path string) error {
	if holder == "" {
		holder = "a run that recorded nothing"
	}
	where := ""
	if path != "" {
		where = " (lock file " + path + ")"
	}
	return &diag.Error{
		Err:  fmt.Errorf("another pgcopy run is copying into database %s: %s%s; nothing was changed", db, holder, where),
		Hint: "wait for that run to end and run the copy again; its lock ends with its process, so a killed run does not hold it",
	}
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}

// unlock releases the run's locks (the process's end releases them too).
func (t *Target) unlock() {
	for _, fl := range t.lockFiles {
		fl.Unlock()
	}
	t.lockFiles = nil
	if t.lockConn != nil {
		t.lockConn.Close()
		t.lockConn = nil
	}
	t.locked = false
}

// runIDPattern matches the run ids of runID.
var runIDPattern = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}Z-[A-Za-z0-9-]+-[0-9]+-[0-9a-f]{4}$`)

// runBranches lists the run ids of t.branch's work branches in table
// (dolt_branches, possibly qualified): the names
// pgcopy-work/<branch>/<run id>. A work branch of another branch whose
// name extends t.branch (main/x) does not match: run ids hold no "/".
func (t *Target) runBranches(ctx context.Context, table string) ([]string, error) {
	rows, err := t.conn.QueryContext(ctx, "SELECT name FROM "+table)
	if err != nil {
		return nil, fmt.Errorf("list branches: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		if id, ok := strings.CutPrefix(b, t.workPrefix()); ok && runIDPattern.MatchString(id) {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// workPrefix is the prefix of every work branch of t.branch.
func (t *Target) workPrefix() string { return WorkBranchPrefix + t.branch + "/" }
