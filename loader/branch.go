package loader

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// WorkBranchPrefix names the branch a load is written to before it is
// published; the part after it is the target branch.
const WorkBranchPrefix = "pgcopy-work/"

// StartWork creates a fresh work branch from branch's HEAD (from the
// current HEAD when branch does not exist yet) and checks it out on the
// pinned session, so the load never touches branch until [Target.Publish].
// A work branch left by a killed run is deleted first. With several
// databases (AddDatabases) it does so in each, recording each branch's
// HEAD for Publish, and leaves the target database current. See the Dolt
// docs, "Dolt SQL Procedures: DOLT_BRANCH, DOLT_CHECKOUT".
func (t *Target) StartWork(ctx context.Context, branch string) error {
	if branch == "" {
		branch = "main"
	}
	t.branch = branch
	t.work = WorkBranchPrefix + branch
	t.start, t.done = map[string]string{}, map[string]bool{}
	return t.eachDatabase(ctx, func(name string) error {
		if err := t.startWork(ctx); err != nil {
			if len(t.others) > 0 {
				return fmt.Errorf("database %s: %w", name, err)
			}
			return err
		}
		return nil
	})
}

// startWork is StartWork in the current database.
func (t *Target) startWork(ctx context.Context) error {
	exists, err := t.branchExists(ctx, t.branch)
	if err != nil {
		return err
	}
	from := "HEAD"
	t.start[t.cur] = ""
	if exists {
		from = t.branch
		var h string
		if err := t.conn.QueryRowContext(ctx, "SELECT HASHOF(?)", t.branch).Scan(&h); err != nil {
			return fmt.Errorf("read the HEAD of %s: %w", t.branch, err)
		}
		t.start[t.cur] = h
	}
	if ok, _ := t.branchExists(ctx, t.work); ok {
		if err := t.checkout(ctx, from); err != nil {
			return err
		}
		if _, err := t.conn.ExecContext(ctx, "CALL DOLT_BRANCH('-D', ?)", t.work); err != nil {
			return fmt.Errorf("delete the work branch %s left by an earlier run: %w", t.work, err)
		}
	}
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_BRANCH(?, ?)", t.work, from); err != nil {
		return fmt.Errorf("create work branch %s from %s: %w", t.work, from, err)
	}
	return t.checkout(ctx, t.work)
}

func (t *Target) checkout(ctx context.Context, branch string) error {
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_CHECKOUT(?)", branch); err != nil {
		return fmt.Errorf("check out %s: %w", branch, err)
	}
	return nil
}

func (t *Target) branchExists(ctx context.Context, name string) (bool, error) {
	var n int
	if err := t.conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM dolt_branches WHERE name = ?", name).Scan(&n); err != nil {
		return false, fmt.Errorf("list branches: %w", err)
	}
	return n > 0, nil
}

// Publish moves the target branch to the work branch's HEAD with a
// fast-forward merge (creating the branch if needed) and deletes the work
// branch. Only this step changes what readers of the branch see.
//
// With several databases, Dolt has no transaction over them (a commit and
// a branch belong to one database), so Publish first checks in every
// database that the branch is still where StartWork found it, and
// publishes nothing if one moved; then it publishes the databases one
// after another, the target database last, so that once the target's
// branch shows the new snapshot every other database's does too. Between
// two publishes a reader can see one database new and another old. If a
// publish fails after others succeeded, the error names the databases
// published and those left as they were; a rerun of the same source makes
// no commit in the published ones and publishes the rest.
func (t *Target) Publish(ctx context.Context) error {
	if len(t.others) > 0 {
		if err := t.eachDatabase(ctx, func(name string) error {
			var h sql.NullString
			exists, err := t.branchExists(ctx, t.branch)
			if err == nil && exists {
				err = t.conn.QueryRowContext(ctx, "SELECT HASHOF(?)", t.branch).Scan(&h)
			}
			if err != nil {
				return fmt.Errorf("publish: database %s: %w", name, err)
			}
			if h.String != t.start[name] {
				return fmt.Errorf("publish: branch %s of database %s moved during the load (HEAD %s, was %s); nothing was published", t.branch, name, orNone(h.String), orNone(t.start[name]))
			}
			return nil
		}); err != nil {
			return err
		}
	}
	var published []string
	err := t.eachDatabase(ctx, func(name string) error {
		if err := t.publish(ctx); err != nil {
			if len(t.others) == 0 {
				return err
			}
			var left []string
			for _, d := range t.Databases() {
				if !t.done[d] {
					left = append(left, d)
				}
			}
			if len(published) == 0 {
				return fmt.Errorf("database %s: %w; nothing was published", name, err)
			}
			return fmt.Errorf("database %s: %w; published: %s; not published (unchanged): %s; run the copy again to publish them", name, err, strings.Join(published, ", "), strings.Join(left, ", "))
		}
		t.done[name] = true
		published = append(published, name)
		return nil
	})
	if err != nil {
		return err
	}
	t.work = ""
	return nil
}

func orNone(h string) string {
	if h == "" {
		return "none"
	}
	return h
}

// publish is Publish in the current database.
func (t *Target) publish(ctx context.Context) error {
	exists, err := t.branchExists(ctx, t.branch)
	if err != nil {
		return err
	}
	if !exists {
		if _, err := t.conn.ExecContext(ctx, "CALL DOLT_BRANCH(?, ?)", t.branch, t.work); err != nil {
			return fmt.Errorf("create branch %s: %w", t.branch, err)
		}
		if err := t.checkout(ctx, t.branch); err != nil {
			return err
		}
	} else {
		if err := t.checkout(ctx, t.branch); err != nil {
			return err
		}
		if _, err := t.conn.ExecContext(ctx, "CALL DOLT_MERGE('--ff-only', ?)", t.work); err != nil {
			return fmt.Errorf("publish: fast-forward %s to %s: %w (has %s moved during the load?)", t.branch, t.work, err, t.branch)
		}
	}
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_BRANCH('-D', ?)", t.work); err != nil {
		return fmt.Errorf("delete work branch %s: %w", t.work, err)
	}
	return nil
}

// Abandon throws the work branch away after a failure, in every database
// not yet published; the target branch is untouched. It uses its own
// short deadline so that it also runs after the run's context was
// cancelled (Ctrl-C).
func (t *Target) Abandon() error {
	if t.work == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	t.conn.ExecContext(ctx, "ROLLBACK")
	var errs []error
	t.eachDatabase(ctx, func(name string) error {
		if t.done[name] {
			return nil
		}
		if err := t.abandon(ctx); err != nil {
			errs = append(errs, err)
		}
		return nil
	})
	t.work = ""
	return errors.Join(errs...)
}

// abandon is Abandon in the current database.
func (t *Target) abandon(ctx context.Context) error {
	var errs []error
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_RESET('--hard')"); err != nil {
		errs = append(errs, err)
	}
	from := t.branch
	if ok, _ := t.branchExists(ctx, from); !ok {
		from = "main"
	}
	if err := t.checkout(ctx, from); err != nil {
		errs = append(errs, err)
	} else if _, err := t.conn.ExecContext(ctx, "CALL DOLT_BRANCH('-D', ?)", t.work); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// CommitOptions describe the Dolt commit of a load.
type CommitOptions struct {
	Message string
	Author  string    // "Name <email>"
	Date    time.Time // the commit date (the snapshot time); zero for now
}

// Commit stages every table and makes one Dolt commit on the work branch
// ('--skip-empty': an unchanged working set makes no commit; hash is then
// "" and changed false). See the Dolt docs, "Dolt SQL Procedures:
// DOLT_COMMIT".
func (t *Target) Commit(ctx context.Context, o CommitOptions) (hash string, changed bool, err error) {
	before, err := t.Head(ctx)
	if err != nil {
		return "", false, err
	}
	args := []any{"-A", "--skip-empty", "-m", o.Message, "--author", o.Author}
	if !o.Date.IsZero() {
		args = append(args, "--date", o.Date.UTC().Format("2006-01-02T15:04:05"))
	}
	q := "CALL DOLT_COMMIT(" + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ") + ")"
	var h sql.NullString
	if err := t.conn.QueryRowContext(ctx, q, args...).Scan(&h); err != nil && err != sql.ErrNoRows {
		return "", false, fmt.Errorf("dolt commit: %w", err)
	}
	after, err := t.Head(ctx)
	if err != nil {
		return "", false, err
	}
	if after == before {
		return "", false, nil
	}
	return after, true, nil
}

// Head returns the commit hash of the session's current branch HEAD.
func (t *Target) Head(ctx context.Context) (string, error) {
	var h string
	if err := t.conn.QueryRowContext(ctx, "SELECT HASHOF('HEAD')").Scan(&h); err != nil {
		return "", fmt.Errorf("read HEAD: %w", err)
	}
	return h, nil
}

// Tag tags the target branch's HEAD (Dolt docs: DOLT_TAG).
func (t *Target) Tag(ctx context.Context, name, message string) error {
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_TAG(?, 'HEAD', '-m', ?)", name, message); err != nil {
		return fmt.Errorf("tag %s: %w", name, err)
	}
	return nil
}

// Push pushes the branch (and tag, when not empty) to remote, which is a
// configured remote name or a URL such as file:///path (then added as the
// remote "pgcopy-push"). See the Dolt docs: DOLT_REMOTE, DOLT_PUSH.
func (t *Target) Push(ctx context.Context, remote, tag string) error {
	name := remote
	if strings.Contains(remote, "://") {
		name = "pgcopy-push"
		var n int
		if err := t.conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM dolt_remotes WHERE name = ?", name).Scan(&n); err != nil {
			return fmt.Errorf("list remotes: %w", err)
		}
		if n == 0 {
			if _, err := t.conn.ExecContext(ctx, "CALL DOLT_REMOTE('add', ?, ?)", name, remote); err != nil {
				return fmt.Errorf("add remote %s: %w", remote, err)
			}
		} else if _, err := t.conn.ExecContext(ctx, "CALL DOLT_REMOTE('remove', ?)", name); err == nil {
			if _, err := t.conn.ExecContext(ctx, "CALL DOLT_REMOTE('add', ?, ?)", name, remote); err != nil {
				return fmt.Errorf("add remote %s: %w", remote, err)
			}
		}
	}
	if _, err := t.conn.ExecContext(ctx, "CALL DOLT_PUSH(?, ?)", name, t.branch); err != nil {
		return fmt.Errorf("push %s to %s: %w", t.branch, remote, err)
	}
	if tag != "" {
		if _, err := t.conn.ExecContext(ctx, "CALL DOLT_PUSH(?, ?)", name, tag); err != nil {
			return fmt.Errorf("push tag %s to %s: %w", tag, remote, err)
		}
	}
	return nil
}

// GC runs DOLT_GC() to drop the chunks a load left behind (1M rows: 18.5
// MB before, 5.3 MB after; dolt-facts B2).
func (t *Target) GC(ctx context.Context) error {
	_, err := t.conn.ExecContext(ctx, "CALL DOLT_GC()")
	return err
}

// GCAndReconnect runs DOLT_GC() in the middle of a load, to bound the
// memory the load holds (measured: peak RSS −48 % with a GC every 250k
// rows; BENCHMARKS.md), then opens a fresh session: DOLT_GC ends the
// session that ran it. With several databases it collects each in turn,
// on a fresh session each time. The new session is on the same work
// branches with the load's session state, the target database current.
// Call it between SQL transactions, and only when no other session of
// this process is loading (it would end theirs too).
func (t *Target) GCAndReconnect(ctx context.Context) error {
	for _, name := range t.Databases() {
		if err := t.Use(ctx, name); err != nil {
			return err
		}
		t.conn.ExecContext(ctx, "CALL DOLT_GC()") // its result is the end of the session
		if err := t.reconnect(ctx); err != nil {
			return err
		}
	}
	if t.work != "" {
		if err := t.checkoutWork(ctx, t.work); err != nil {
			return err
		}
	}
	return t.session(ctx)
}

// reconnect replaces the pinned session, which DOLT_GC ended, with a
// fresh one on the target database.
func (t *Target) reconnect(ctx context.Context) error {
	discard(t.conn)
	// Idle pooled connections are ended sessions too, and an ended
	// embedded session may still accept USE and writes whose rows are
	// then lost (measured on Dolt 1.83 with --jobs); close them all.
	if t.db != nil {
		t.db.SetMaxIdleConns(0)
		t.db.SetMaxIdleConns(2)
	}
	// Pooled connections opened before the GC are dead too; skip them.
	var err error
	for try := 0; try < 8; try++ {
		var conn *sql.Conn
		if conn, err = t.db.Conn(ctx); err != nil {
			return fmt.Errorf("reconnect after dolt_gc: %w", err)
		}
		if _, err = conn.ExecContext(ctx, "USE "+sqltext.Ident(t.Database)); err == nil {
			t.conn, t.cur = conn, t.Database
			return nil
		}
		discard(conn)
	}
	return fmt.Errorf("reconnect after dolt_gc: use %s: %w", t.Database, err)
}
