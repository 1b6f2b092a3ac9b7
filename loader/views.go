package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// CreateViews creates db's views, and the tables of its materialized
// views filled from their queries, after the data load and in db.Views
// order (each after the views it selects from; Dolt checks a view's
// tables when it is created: Dolt docs, "Views"). A view that Dolt
// rejects never fails the copy: its report entry becomes skipped with
// Dolt's message, and so do the views that select from it. Only a lost
// connection or a cancelled context is an error.
//
// Each view is created in its database (View.Database; the target
// database is current again afterwards). A materialized view's indexes
// are part of its CREATE TABLE, so they share its fate in the report.
//
// It returns what it did as a [ViewsOutcome], also alongside an error (the
// views skipped so far); the caller (internal/pipeline) writes it into the
// run report.
func (t *Target) CreateViews(ctx context.Context, db *schema.Database) (out ViewsOutcome, _ error) {
	defer t.Use(ctx, "")
	failed := map[string]string{} // lower-case View.ReportName -> PostgreSQL name
	skip := func(v *schema.View, format string, args ...any) {
		failed[strings.ToLower(v.ReportName())] = v.PG.String()
		out.Skipped = append(out.Skipped, ViewSkip{Kind: v.Kind, Name: v.PG.String(), Why: fmt.Sprintf(format, args...)})
		for _, ix := range v.Indexes {
			out.Skipped = append(out.Skipped, ViewSkip{Kind: "INDEX", Name: ix.PG, Why: fmt.Sprintf("not created: materialized view %s was not created", v.PG)})
		}
	}
	for _, v := range db.Views {
		dep := ""
		for _, u := range v.Uses {
			if pgName, ok := failed[strings.ToLower(u)]; ok {
				dep = pgName
				break
			}
		}
		if dep != "" {
			skip(v, "not created: it selects from %s, which Dolt did not create", dep)
			continue
		}
		if err := t.Use(ctx, v.Database); err != nil { // databases.go
			return out, err
		}
		var failed error
		var q string
		for i, stmt := range v.CreateStatements() {
			q = stmt
			if _, err := t.conn.ExecContext(ctx, stmt); err != nil {
				if ctx.Err() != nil || errors.Is(err, sql.ErrConnDone) || errors.Is(err, driver.ErrBadConn) {
					return out, fmt.Errorf("create %s %s: %w", strings.ToLower(v.Kind), v.Name, err)
				}
				if i > 0 { // the table exists, unkeyed or unfilled: it must not be committed so
					if _, err := t.conn.ExecContext(ctx, "DROP TABLE IF EXISTS "+sqltext.Ident(v.Name)); err != nil {
						return out, fmt.Errorf("drop %s after a failed fill: %w", v.Name, err)
					}
				}
				failed = err
				break
			}
		}
		if failed != nil {
			skip(v, "translated, but Dolt rejected it: %v; recreate it in Dolt by hand (the translation was: %s)", failed, q)
			continue
		}
		if groupConcat.MatchString(strings.Join(v.CreateStatements(), "\n")) {
			out.Notes = append(out.Notes, groupConcatNote(v))
		}
		if v.Materialized {
			var n int64
			if err := t.conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+sqltext.Ident(v.Name)).Scan(&n); err == nil {
				out.Notes = append(out.Notes, fmt.Sprintf("materialized view %s: table %s holds %d rows of its query", v.PG, v.ReportName(), n))
			}
		}
	}
	return out, nil
}

// groupConcat finds a GROUP_CONCAT call in a view's statements (a
// translated string_agg or a handwritten override).
var groupConcat = regexp.MustCompile(`(?i)\bgroup_concat\s*\(`)

// groupConcatNote is the run-report note for a created view that calls
// GROUP_CONCAT. Dolt cuts GROUP_CONCAT's result at the session variable
// group_concat_max_len, 1024 bytes by default (MySQL manual, "Aggregate
// Function Descriptions"; Dolt 1.83.2 the same), and a view reads the
// variable of the session that queries it, not of the one that created
// it, so pgcopy cannot fix it for the view's readers: raising it in
// pgcopy's own session would only hide the cut from --verify. Repro with
// the dolt CLI alone:
//
//	CREATE TABLE t2 (id int primary key, s text);
//	INSERT INTO t2 VALUES (1, REPEAT('x',600)), (2, REPEAT('y',600));
//	CREATE VIEW v AS SELECT GROUP_CONCAT(s) g FROM t2;
//	SELECT LENGTH(g) FROM v;                          -- 1024
//	SET @@SESSION.group_concat_max_len = 1048576;
//	SELECT LENGTH(g) FROM v;                          -- 1201
func groupConcatNote(v *schema.View) string {
	kind := "view"
	if v.Materialized {
		kind = "materialized view" // its table is filled once, in pgcopy's session
	}
	return fmt.Sprintf("%s %s uses GROUP_CONCAT, whose result Dolt cuts at group_concat_max_len (1024 bytes by default; the reading session's value applies): readers of longer lists must SET @@SESSION.group_concat_max_len (or @@PERSIST / @@GLOBAL on the server)", kind, v.ReportName())
}

// ViewsOutcome is what [Target.CreateViews] (or [Target.CreateRoutines])
// did, for the run report: the views, materialized views and their
// indexes (or the routines) it did not create, and one note per
// materialized view it filled.
type ViewsOutcome struct {
	Skipped []ViewSkip
	Notes   []string
}

// ViewSkip is one object CreateViews or CreateRoutines did not create: its
// report kind (VIEW, MATERIALIZED VIEW, INDEX, TRIGGER, PROCEDURE or
// FUNCTION), its PostgreSQL name and why.
type ViewSkip struct {
	Kind, Name, Why string
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
