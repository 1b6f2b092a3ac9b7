package fkfix

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Resolve runs, with FOREIGN_KEY_CHECKS=1, a no-op UPDATE on every table
// that has foreign keys and a no-op DELETE on every table that foreign keys
// reference. It changes no row. It returns the number of statements run.
func Resolve(ctx context.Context, conn *sql.Conn, db *schema.Database) (int, error) {
	if _, err := conn.ExecContext(ctx, "SET FOREIGN_KEY_CHECKS=1"); err != nil {
		return 0, err
	}
	stmts := Statements(db)
	for i, q := range stmts {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return i, fmt.Errorf("resolve foreign keys (%s): %w", q, err)
		}
	}
	return len(stmts), nil
}

// Statements returns the no-op writes that resolve every foreign key of
// db: an UPDATE ... WHERE 1 = 0 on each table with foreign keys (resolves
// them as the child) and a DELETE ... WHERE 1 = 0 on each referenced table
// (as the parent). Run them with FOREIGN_KEY_CHECKS=1.
func Statements(db *schema.Database) []string {
	var out []string
	parents := map[string]bool{}
	for _, tb := range db.Tables {
		if len(tb.ForeignKeys) == 0 {
			continue
		}
		c := tb.ForeignKeys[0].Columns[0]
		out = append(out, fmt.Sprintf("UPDATE %s SET %s = %s WHERE 1 = 0", sqltext.Ident(tb.Name), sqltext.Ident(c), sqltext.Ident(c)))
		for _, fk := range tb.ForeignKeys {
			parents[fk.RefTable] = true
		}
	}
	for _, tb := range db.Tables {
		if parents[tb.Name] {
			out = append(out, fmt.Sprintf("DELETE FROM %s WHERE 1 = 0", sqltext.Ident(tb.Name)))
		}
	}
	return out
}

// Violation is one foreign key with orphan rows.
type Violation struct {
	Constraint string
	Table      string   // child table
	Columns    []string // child columns
	RefTable   string
	Orphans    int64
	Sample     []string // up to 3 orphan keys, as "(v1, v2)"
}

func (v Violation) String() string {
	return fmt.Sprintf("foreign key %s: %d rows of %s have (%s) values missing from %s, e.g. %s",
		v.Constraint, v.Orphans, v.Table, strings.Join(v.Columns, ", "), v.RefTable, strings.Join(v.Sample, ", "))
}

// Verify checks the loaded rows against the constraints that the load
// did not enforce row by row, and returns the foreign keys with orphan
// rows.
//
// Every foreign key is checked with pgcopy's own anti-join (MATCH SIMPLE:
// a row with a NULL in a key column never violates), which names the
// constraint, the child table and sample keys. Then CALL
// DOLT_VERIFY_CONSTRAINTS('--all', '--output-only', TABLE...) (Dolt docs,
// "Dolt SQL Procedures") runs over the tables that have a primary key, so
// that Dolt itself confirms what pgcopy found; it never runs over keyless
// tables, whose NOT NULL check is wrong in Dolt 1.83.2 (see the package
// doc). NOT NULL is checked with a query per keyless table instead, as a
// second line behind the engine's insert-time check. Run [Resolve] first.
//
// Errors: a failed query; a NULL in a NOT NULL column of a keyless table
// (naming the table, the columns and the count); Dolt reporting a
// violation that is not a foreign-key orphan (naming the tables).
func Verify(ctx context.Context, conn *sql.Conn, db *schema.Database) ([]Violation, error) {
	var out []Violation
	for _, tb := range db.Tables {
		for _, fk := range tb.ForeignKeys {
			v, err := orphans(ctx, conn, tb, fk)
			if err != nil {
				return nil, err
			}
			if v != nil {
				out = append(out, *v)
			}
		}
	}
	var keyed []*schema.Table
	for _, tb := range db.Tables {
		if len(tb.PrimaryKey) > 0 {
			keyed = append(keyed, tb)
			continue
		}
		if err := notNull(ctx, conn, tb); err != nil {
			return nil, err
		}
	}
	if len(keyed) == 0 {
		return out, nil
	}
	flag, err := verifyConstraints(ctx, conn, keyed)
	if err != nil {
		return nil, err
	}
	if flag != 0 && len(out) == 0 {
		// Name the tables: one call per table.
		var bad []string
		for _, tb := range keyed {
			if f, err := verifyConstraints(ctx, conn, []*schema.Table{tb}); err == nil && f != 0 {
				bad = append(bad, tb.ReportName())
			}
		}
		where := strings.Join(bad, ", ")
		if where == "" {
			where = "the tables with a primary key"
		}
		return nil, &diag.Error{Err: fmt.Errorf("dolt_verify_constraints reports violations that are not foreign-key orphans in %s", where),
			Hint: "run CALL DOLT_VERIFY_CONSTRAINTS('--all') on the work branch of a failed run's target and read dolt_constraint_violations, and report it to pgcopy"}
	}
	return out, nil
}

// verifyConstraints runs DOLT_VERIFY_CONSTRAINTS('--all', '--output-only')
// over tables and returns its violations flag (0: none).
func verifyConstraints(ctx context.Context, conn *sql.Conn, tables []*schema.Table) (int, error) {
	args := []any{"--all", "--output-only"}
	for _, tb := range tables {
		args = append(args, tb.Name)
	}
	q := "CALL DOLT_VERIFY_CONSTRAINTS(" + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ") + ")"
	var flag int
	if err := conn.QueryRowContext(ctx, q, args...).Scan(&flag); err != nil {
		return 0, fmt.Errorf("dolt_verify_constraints: %w", err)
	}
	return flag, nil
}

// notNull fails when a NOT NULL column of the keyless table tb holds a
// NULL (which the engine refuses on insert; this is the check that
// DOLT_VERIFY_CONSTRAINTS gets wrong on keyless tables). The error names
// each such column with its count of NULLs.
func notNull(ctx context.Context, conn *sql.Conn, tb *schema.Table) error {
	var cols []*schema.Column
	var sums []string
	for _, c := range tb.Columns {
		if c.NotNull {
			cols = append(cols, c)
			sums = append(sums, "COALESCE(SUM("+sqltext.Ident(c.Name)+" IS NULL), 0)")
		}
	}
	if len(cols) == 0 {
		return nil
	}
	counts := make([]int64, len(cols))
	ptrs := make([]any, len(cols))
	for i := range counts {
		ptrs[i] = &counts[i]
	}
	q := "SELECT " + strings.Join(sums, ", ") + " FROM " + tb.QualifiedName()
	if err := conn.QueryRowContext(ctx, q).Scan(ptrs...); err != nil {
		return fmt.Errorf("check NOT NULL columns of %s: %w", tb.ReportName(), err)
	}
	var bad []string
	for i, n := range counts {
		if n > 0 {
			bad = append(bad, fmt.Sprintf("%s (%d rows)", cols[i].PGName, n))
		}
	}
	if len(bad) > 0 {
		return &diag.Error{Pos: tb.Pos, Table: tb.PG.String(), Err: fmt.Errorf("NULL in NOT NULL columns: %s", strings.Join(bad, ", ")),
			Hint: "the dump's data breaks its own NOT NULL constraint; fix the rows in PostgreSQL and dump again"}
	}
	return nil
}

func orphans(ctx context.Context, conn *sql.Conn, tb *schema.Table, fk *schema.ForeignKey) (*Violation, error) {
	return orphansIn(ctx, conn, &schema.Table{Name: tb.Name}, &schema.Table{Name: fk.RefTable}, fk)
}

// orphansIn counts and samples the rows of tb whose fk columns, all
// non-NULL, match no row of ref (MATCH SIMPLE), naming both tables as
// QualifiedName gives them.
func orphansIn(ctx context.Context, conn *sql.Conn, tb, ref *schema.Table, fk *schema.ForeignKey) (*Violation, error) {
	var on, notNull, sel []string
	for i, c := range fk.Columns {
		on = append(on, "c."+sqltext.Ident(c)+" = p."+sqltext.Ident(fk.RefColumns[i]))
		notNull = append(notNull, "c."+sqltext.Ident(c)+" IS NOT NULL")
		sel = append(sel, "c."+sqltext.Ident(c))
	}
	from := fmt.Sprintf("FROM %s c LEFT JOIN %s p ON %s WHERE %s AND p.%s IS NULL",
		tb.QualifiedName(), ref.QualifiedName(), strings.Join(on, " AND "),
		strings.Join(notNull, " AND "), sqltext.Ident(fk.RefColumns[0]))
	var n int64
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) "+from).Scan(&n); err != nil {
		return nil, fmt.Errorf("count orphans of foreign key %s: %w", fk.Name, err)
	}
	if n == 0 {
		return nil, nil
	}
	v := &Violation{Constraint: fk.Name, Table: tb.ReportName(), Columns: fk.Columns, RefTable: ref.ReportName(), Orphans: n}
	rows, err := conn.QueryContext(ctx, "SELECT DISTINCT CONCAT_WS(', ', "+strings.Join(sel, ", ")+") "+from+" LIMIT 3")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err == nil {
			v.Sample = append(v.Sample, "("+s+")")
		}
	}
	return v, rows.Err()
}

// VerifyCross finds the orphan rows of the foreign keys that join tables
// of two Dolt databases (schema.Database.CrossFKs), which Dolt cannot hold
// (it refuses them: "only foreign keys on the same database are currently
// supported"), with the LEFT JOIN Verify uses, over database-qualified
// names. Run it on a session where every database's load is visible (the
// loader's pinned session, which has each database's work branch checked
// out).
func VerifyCross(ctx context.Context, conn *sql.Conn, cross []*schema.CrossFK) ([]Violation, error) {
	var out []Violation
	for _, x := range cross {
		ref := &schema.Table{Name: x.FK.RefTable, Database: x.RefDatabase}
		v, err := orphansIn(ctx, conn, x.Table, ref, x.FK)
		if err != nil {
			return nil, err
		}
		if v != nil {
			v.Constraint = x.PG + " (not created: it joins two Dolt databases)"
			out = append(out, *v)
		}
	}
	return out, nil
}
