package loader

// Several Dolt databases in one load: pgcopy --schemas databases makes
// each PostgreSQL schema its own Dolt database next to the target.
//
// One pinned session serves them all. Dolt keeps a checked-out branch per
// database in a session (Dolt docs, "Using Branches"), so after
// StartWork every database's work branch is checked out and a qualified
// name such as `shop_auth`.`users` reads and writes that database's work
// branch from whichever database is current. Measured on Dolt 1.83.2:
// one SQL transaction may write to one database only ("Cannot commit
// changes on more than one branch / database"), which the load keeps to
// (one table per transaction); DOLT_COMMIT, DOLT_VERIFY_CONSTRAINTS and
// DOLT_GC act on the current database, so they run once per database
// after USE.

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// DatabaseName is the Dolt name of the database a target spec names,
// without opening it: the base name of a directory (the embedded engine
// serves the directory's parent, and each database under its directory
// name), or the database of a mysql:// URL. pgcopy --schemas databases
// names the other databases after it.
func DatabaseName(spec string) (string, error) {
	if IsServerSpec(spec) {
		s, err := ParseServerURL(spec)
		return s.Database, err
	}
	abs, err := filepath.Abs(spec)
	if err != nil {
		return "", err
	}
	return filepath.Base(abs), nil
}

// AddDatabases makes the databases names part of the target, after the
// target database itself: each is created when missing (on a sql-server
// with CREATE DATABASE IF NOT EXISTS; for the embedded engine as a
// directory next to the target's, which must not exist as anything but a
// Dolt database). Every later step (StartWork, Prepare, Publish, Abandon,
// GCAndReconnect, Worker) then covers them all. Errors name the database
// and say what to do.
func (t *Target) AddDatabases(ctx context.Context, names []string) error {
	have, err := t.databaseSet(ctx)
	if err != nil {
		return err
	}
	for _, name := range names {
		if strings.EqualFold(name, t.Database) {
			continue
		}
		if !have[strings.ToLower(name)] {
			if t.Kind == Embedded {
				if err := checkWritable(t.root, name); err != nil {
					return err
				}
				dir := filepath.Join(t.root, name)
				if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
					return fmt.Errorf("database %s: %s exists and is not a Dolt database; move it away, or copy with another --target name (the database of schema S is named TARGET_S)", name, dir)
				} else if err == nil {
					os.Remove(dir) // an empty directory: Dolt would refuse to create the database in it
				}
			}
			if _, err := t.conn.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS "+sqltext.Ident(name)); err != nil {
				return fmt.Errorf("create Dolt database %s: %w", name, err)
			}
			if err := t.relaxFatalIO(ctx); err != nil {
				return err
			}
		}
		t.others = append(t.others, name)
	}
	return nil
}

func (t *Target) databaseSet(ctx context.Context) (map[string]bool, error) {
	rows, err := t.conn.QueryContext(ctx, "SHOW DATABASES")
	if err != nil {
		return nil, fmt.Errorf("list databases of %s: %w", t.Display, err)
	}
	return lowerSet(rows)
}

// lowerSet reads a one-column result of names into a set of their lower
// case (Dolt compares database, table and index names case-insensitively).
func lowerSet(rows *sql.Rows) (map[string]bool, error) {
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		have[strings.ToLower(n)] = true
	}
	return have, rows.Err()
}

// Databases returns the target's databases: the target database first,
// then those of AddDatabases.
func (t *Target) Databases() []string {
	return append([]string{t.Database}, t.others...)
}

// Use makes name the current database of the pinned session ("" is the
// target database). Statements with unqualified names then act on it.
func (t *Target) Use(ctx context.Context, name string) error {
	if name == "" {
		name = t.Database
	}
	if name == t.cur {
		return nil
	}
	if _, err := t.conn.ExecContext(ctx, "USE "+sqltext.Ident(name)); err != nil {
		return fmt.Errorf("use database %s: %w", name, err)
	}
	t.cur = name
	return nil
}

// eachDatabase runs f with each database current, the target database
// last, and leaves the target database current.
func (t *Target) eachDatabase(ctx context.Context, f func(name string) error) error {
	for _, name := range append(append([]string(nil), t.others...), t.Database) {
		if err := t.Use(ctx, name); err != nil {
			return err
		}
		if err := f(name); err != nil {
			return err
		}
	}
	return nil
}

// PrepareAll runs [Target.Prepare] on every database of the target.
func (t *Target) PrepareAll(ctx context.Context) error {
	return t.eachDatabase(ctx, func(string) error { return t.Prepare(ctx) })
}

// checkoutWork checks out the work branch in every database of the
// session, so qualified names reach the work branches, and leaves the
// target database current.
func (t *Target) checkoutWork(ctx context.Context, work string) error {
	return t.eachDatabase(ctx, func(name string) error {
		if err := t.checkout(ctx, work); err != nil {
			return fmt.Errorf("database %s: %w", name, err)
		}
		return nil
	})
}

// GCAll runs DOLT_GC() in every database of the target, after the load
// was published. DOLT_GC ends the session that runs it, so each database
// after the first is collected on a fresh session; the last one's ended
// session is left for Close.
func (t *Target) GCAll(ctx context.Context) error {
	for i, name := range t.Databases() {
		if i > 0 {
			if err := t.reconnect(ctx); err != nil {
				return err
			}
		}
		if err := t.Use(ctx, name); err != nil {
			return err
		}
		if err := t.GC(ctx); err != nil {
			return fmt.Errorf("database %s: %w", name, err)
		}
	}
	return nil
}
