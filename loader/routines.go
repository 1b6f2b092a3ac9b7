package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// CreateRoutines creates db's routines of the given kinds, in
// db.Routines order, each in its database (the target database is current
// again afterwards). The pipeline calls it twice: functions and procedures
// before the views (a view may call a function), triggers after the views,
// after the data load and the foreign-key check, so that loading never
// fires a trigger.
//
// A routine that Dolt rejects never fails the copy: it is returned in the
// outcome's Skipped with Dolt's message, and so are the routines that call
// it (Routine.Uses); the caller (internal/pipeline) writes the outcome into
// the run report, also alongside an error. Only a lost connection or a
// cancelled context is an error.
func (t *Target) CreateRoutines(ctx context.Context, db *schema.Database, kinds ...schema.RoutineKind) (out ViewsOutcome, _ error) {
	defer t.Use(ctx, "")
	want := map[schema.RoutineKind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	failed := map[string]string{} // lower-case Routine.Name -> the PostgreSQL name
	for _, r := range db.Routines {
		if !want[r.Kind] {
			continue
		}
		dep := ""
		for _, u := range r.Uses {
			if pgName, ok := failed[strings.ToLower(u)]; ok {
				dep = pgName
				break
			}
		}
		if dep != "" {
			failed[strings.ToLower(r.Name)] = r.PG
			out.Skipped = append(out.Skipped, ViewSkip{Kind: r.Kind.String(), Name: r.PG, Why: fmt.Sprintf("not created: it calls %s, which Dolt did not create", dep)})
			continue
		}
		if err := t.Use(ctx, r.Database); err != nil { // databases.go
			return out, err
		}
		if _, err := t.conn.ExecContext(ctx, r.SQL); err != nil {
			if ctx.Err() != nil || errors.Is(err, sql.ErrConnDone) || errors.Is(err, driver.ErrBadConn) {
				return out, fmt.Errorf("create %s %s: %w", strings.ToLower(r.Kind.String()), r.Name, err)
			}
			failed[strings.ToLower(r.Name)] = r.PG
			if r.Override {
				out.Skipped = append(out.Skipped, ViewSkip{Kind: r.Kind.String(), Name: r.PG, Why: fmt.Sprintf("Dolt rejected the override at %s: %v; fix the statement there", r.Pos, err)})
			} else {
				out.Skipped = append(out.Skipped, ViewSkip{Kind: r.Kind.String(), Name: r.PG, Why: fmt.Sprintf("translated, but Dolt rejected it: %v; recreate it in Dolt by hand (the translation was: %s)", err, r.SQL)})
			}
		}
	}
	return out, nil
}

// dropRoutines drops every trigger, stored procedure and stored function
// of the working set, so that the load recreates exactly the dump's (one
// the source no longer has goes away).
func (t *Target) dropRoutines(ctx context.Context) error {
	var drops []string
	collect := func(q, kind string) error {
		rows, err := t.conn.QueryContext(ctx, q)
		if err != nil {
			return fmt.Errorf("list %ss: %w", strings.ToLower(kind), err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return err
			}
			drops = append(drops, "DROP "+kind+" IF EXISTS "+sqltext.Ident(name))
		}
		return rows.Err()
	}
	if err := collect("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()", "TRIGGER"); err != nil {
		return err
	}
	for _, kind := range []string{"PROCEDURE", "FUNCTION"} {
		if err := collect("SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE() AND routine_type = '"+kind+"'", kind); err != nil {
			return err
		}
	}
	for _, q := range drops {
		if _, err := t.conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s from the previous snapshot: %w", strings.ToLower(q), err)
		}
	}
	return nil
}
