package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/report"
	"github.com/pgcopy/pgcopy/internal/schema"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// CreateViews creates db's views, and the tables of its materialized
// views filled from their queries, after the data load and in db.Views
// order (each after the views it selects from; Dolt checks a view's
// tables when it is created: Dolt docs, "Views"). A view that Dolt
// rejects never fails the copy: its report entry becomes skipped with
// Dolt's message, and so do the views that select from it. Only a lost
// connection or a cancelled context is an error.
func (t *Target) CreateViews(ctx context.Context, db *schema.Database, rep *report.Report) error {
	failed := map[string]string{} // lower-case Dolt name -> PostgreSQL name
	for _, v := range db.Views {
		dep := ""
		for _, u := range v.Uses {
			if pgName, ok := failed[strings.ToLower(u)]; ok {
				dep = pgName
				break
			}
		}
		if dep != "" {
			failed[strings.ToLower(v.Name)] = v.PG.String()
			rep.Amend(v.Kind, v.PG.String(), report.Skipped, "not created: it selects from %s, which Dolt did not create", dep)
			continue
		}
		q := v.CreateSQL()
		if _, err := t.conn.ExecContext(ctx, q); err != nil {
			if ctx.Err() != nil || errors.Is(err, sql.ErrConnDone) || errors.Is(err, driver.ErrBadConn) {
				return fmt.Errorf("create %s %s: %w", strings.ToLower(v.Kind), v.Name, err)
			}
			failed[strings.ToLower(v.Name)] = v.PG.String()
			rep.Amend(v.Kind, v.PG.String(), report.Skipped, "translated, but Dolt rejected it: %v; recreate it in Dolt by hand (the translation was: %s)", err, q)
			continue
		}
		if v.Materialized {
			var n int64
			if err := t.conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+sqltext.Ident(v.Name)).Scan(&n); err == nil {
				rep.Note("materialized view %s: table %s holds %d rows of its query", v.PG, v.Name, n)
			}
		}
	}
	return nil
}

// dropViews drops every view of the working set, so that the load
// recreates exactly the dump's views (a view the source no longer has
// goes away).
func (t *Target) dropViews(ctx context.Context) error {
	rows, err := t.conn.QueryContext(ctx, "SHOW FULL TABLES WHERE Table_type = 'VIEW'")
	if err != nil {
		return fmt.Errorf("list views: %w", err)
	}
	var names []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := t.conn.ExecContext(ctx, "DROP VIEW "+sqltext.Ident(name)); err != nil {
			return fmt.Errorf("drop view %s from the previous snapshot: %w", name, err)
		}
	}
	return nil
}
