package follow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/rowcodec"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// plan is how the changes of one Relation are written to Dolt.
type plan struct {
	rel    *replication.Relation
	table  *schema.Table   // nil: the table's changes are not copied (skip_data, or not a table of the copy)
	rows   *translate.Rows // the codec of the kept columns, in relation order
	relIdx []int           // per rows column, its index in the relation
	codecs []schema.Codec  // per rows column
	ident  string          // the Dolt table, quoted
	cols   string          // "(`a`,`b`)": the rows columns, for INSERT
	// key are the rows columns that find a row: the Dolt primary key when
	// every part of it is replicated, else the relation's replica identity
	// columns (REPLICA IDENTITY FULL: every column), compared NULL-safe
	// with LIMIT 1 (keyless).
	key     []int
	keyless bool
}

// newPlan builds the plan of rel from the translator's view of the table
// (the same codec the copy used, including override renames and skipped
// columns). It does not compare the columns with the baseline; see
// checkRelation.
func newPlan(tr *translate.Translator, rel *replication.Relation) (*plan, error) {
	p := &plan{rel: rel}
	quoted := pgx.Identifier{rel.Schema, rel.Name}.Sanitize()
	var names []string
	for _, c := range rel.Columns {
		names = append(names, pgx.Identifier{c.Name}.Sanitize())
	}
	text := "COPY " + quoted + " FROM stdin;"
	if len(names) > 0 {
		text = "COPY " + quoted + " (" + strings.Join(names, ", ") + ") FROM stdin;"
	}
	rows, err := tr.CopyRows(dump.Event{Kind: dump.Copy, Text: text})
	if err != nil || rows == nil {
		return p, err
	}
	p.rows, p.table = rows, rows.Table
	keep := rows.Keep()
	for i := range rel.Columns {
		if keep == nil || keep[i] {
			p.relIdx = append(p.relIdx, i)
		}
	}
	var cols []string
	for _, name := range rows.Columns {
		c := p.table.Column(name)
		p.codecs = append(p.codecs, c.Codec)
		cols = append(cols, sqltext.Ident(name))
	}
	p.cols = "(" + strings.Join(cols, ",") + ")"
	p.ident = p.table.QualifiedName()
	if len(p.table.PrimaryKey) > 0 {
		for _, k := range p.table.PrimaryKey {
			j := indexOf(rows.Columns, k)
			// the primary key finds the row when the old tuple ('K')
			// carries it: every part is in the replica identity
			if j < 0 || !rel.Columns[p.relIdx[j]].Key {
				p.key = nil
				break
			}
			p.key = append(p.key, j)
		}
	}
	if p.key == nil {
		p.keyless = true
		for j, ri := range p.relIdx {
			if rel.Columns[ri].Key {
				p.key = append(p.key, j)
			}
		}
	}
	return p, nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// applier writes the changes of PostgreSQL transactions as SQL statements
// on the target's pinned session.
type applier struct {
	exec  func(ctx context.Context, q string) error
	fixer *pipeline.ValueFixer
	lsn   replication.LSN // the transaction's commit LSN, for messages

	// a pending multi-row INSERT
	insPlan *plan
	insBuf  []byte
	insRows int

	inserted, updated, deleted, truncated int64
}

const maxInsertRows = 1000

// encoded is one tuple's values as SQL literals, per rows column;
// unchanged marks a TOASTed value that was not sent (keep the stored one).
type encoded struct {
	lits      [][]byte
	unchanged []bool
}

// encode turns a tuple into SQL literals with the copy's codec and
// --on-unrepresentable policy.
func (a *applier) encode(p *plan, tup replication.Tuple) (encoded, error) {
	n := len(p.relIdx)
	e := encoded{lits: make([][]byte, n), unchanged: make([]bool, n)}
	fields := make([]pgtext.Field, n)
	for j, ri := range p.relIdx {
		switch v := tup[ri]; v.Kind {
		case replication.Null:
			fields[j].Null = true
		case replication.Unchanged:
			e.unchanged[j] = true
			fields[j].Null = true
		default:
			fields[j].Value = []byte(v.Text)
		}
	}
	pg := p.rows.PGColumns()
	for j := 0; j < n; j++ {
		if e.unchanged[j] {
			continue
		}
		for try := 0; ; try++ {
			lit, err := literal(p.codecs[j], fields[j])
			if err == nil {
				e.lits[j] = lit
				break
			}
			verr := &rowcodec.ValueError{Column: pg[j], Err: err}
			if try > 2 || !a.fixer.Fix(p.rows, fields, verr) {
				return e, a.valueError(p, pg[j], verr)
			}
		}
	}
	return e, nil
}

func literal(c schema.Codec, f pgtext.Field) ([]byte, error) {
	if f.Null {
		return []byte("NULL"), nil
	}
	if bytes.IndexByte(f.Value, 0) >= 0 {
		return nil, rowcodec.ErrNUL
	}
	return rowcodec.AppendLiteral(nil, c, f.Value)
}

func (a *applier) valueError(p *plan, col string, err error) error {
	hint := "fix the row in PostgreSQL; or override the column's type (--overrides) and resnapshot (--resnapshot)"
	if errors.Is(err, pgtext.ErrUnrepresentable) {
		hint = "Dolt cannot store this value: follow with --on-unrepresentable=null or clamp (as copy takes it), or change it in PostgreSQL"
	}
	return &diag.Error{Table: p.rel.QualifiedName(), Column: col,
		Err: fmt.Errorf("transaction committed at LSN %s: %w", a.lsn, diag.ExcerptErr(err, diag.ExcerptLen)), Hint: hint}
}

// run executes q, naming the table and transaction when it fails.
func (a *applier) run(ctx context.Context, p *plan, q string) error {
	if err := a.exec(ctx, q); err != nil {
		return &diag.Error{Table: p.rel.QualifiedName(),
			Err:  fmt.Errorf("apply the transaction committed at LSN %s to Dolt table %s: %w\n  statement: %s", a.lsn, p.table.Name, err, diag.Excerpt(q, diag.ExcerptLen)),
			Hint: "the Dolt copy no longer matches PostgreSQL's rules for this table (a value too long for an inferred length: pin lengths with pgcopy overrides suggest and --overrides; or a row changed in Dolt by hand); fix it and rerun, or resnapshot with --resnapshot"}
	}
	return nil
}

func (a *applier) flush(ctx context.Context) error {
	if a.insPlan == nil {
		return nil
	}
	p, q := a.insPlan, string(a.insBuf)
	a.insPlan, a.insBuf, a.insRows = nil, a.insBuf[:0], 0
	return a.run(ctx, p, q)
}

func (a *applier) insert(ctx context.Context, p *plan, tup replication.Tuple) error {
	if p == nil || p.table == nil {
		return nil
	}
	e, err := a.encode(p, tup)
	if err != nil {
		return err
	}
	if a.insPlan != p || a.insRows >= maxInsertRows {
		if err := a.flush(ctx); err != nil {
			return err
		}
	}
	if a.insPlan == nil {
		a.insPlan = p
		a.insBuf = append(a.insBuf[:0], "INSERT INTO "+p.ident+" "+p.cols+" VALUES "...)
	} else {
		a.insBuf = append(a.insBuf, ',')
	}
	a.insBuf = append(a.insBuf, '(')
	for j, l := range e.lits {
		if j > 0 {
			a.insBuf = append(a.insBuf, ',')
		}
		a.insBuf = append(a.insBuf, l...)
	}
	a.insBuf = append(a.insBuf, ')')
	a.insRows++
	a.inserted++
	return nil
}

// where renders the condition that finds the row whose identity is in
// old (or, when old is nil, in cur), and " LIMIT 1" for keyless tables.
func (a *applier) where(p *plan, ident encoded) string {
	var b strings.Builder
	b.WriteString(" WHERE ")
	n := 0
	for _, j := range p.key {
		if ident.unchanged[j] {
			continue // a TOASTed old value that was not sent
		}
		if n > 0 {
			b.WriteString(" AND ")
		}
		n++
		col := sqltext.Ident(p.rows.Columns[j])
		lit := string(ident.lits[j])
		if !p.keyless {
			b.WriteString(col + " = " + lit)
			continue
		}
		switch p.codecs[j].Kind {
		case schema.KindJSON, schema.KindArray, schema.KindHstore:
			if lit != "NULL" {
				lit = "CAST(" + lit + " AS JSON)"
			}
		}
		b.WriteString(col + " <=> " + lit)
	}
	if n == 0 {
		b.WriteString("FALSE")
	}
	if p.keyless {
		b.WriteString(" LIMIT 1")
	}
	return b.String()
}

func (a *applier) update(ctx context.Context, p *plan, u *replication.Update) error {
	if p == nil || p.table == nil {
		return nil
	}
	if err := a.flush(ctx); err != nil {
		return err
	}
	nw, err := a.encode(p, u.New)
	if err != nil {
		return err
	}
	ident := nw
	if u.Old != nil {
		if ident, err = a.encode(p, u.Old); err != nil {
			return err
		}
	}
	var set []string
	for j, l := range nw.lits {
		if nw.unchanged[j] {
			continue // unchanged TOAST: keep the stored value
		}
		set = append(set, sqltext.Ident(p.rows.Columns[j])+" = "+string(l))
	}
	a.updated++
	if len(set) == 0 {
		return nil
	}
	return a.run(ctx, p, "UPDATE "+p.ident+" SET "+strings.Join(set, ", ")+a.where(p, ident))
}

func (a *applier) delete(ctx context.Context, p *plan, d *replication.Delete) error {
	if p == nil || p.table == nil {
		return nil
	}
	if err := a.flush(ctx); err != nil {
		return err
	}
	ident, err := a.encode(p, d.Old)
	if err != nil {
		return err
	}
	a.deleted++
	return a.run(ctx, p, "DELETE FROM "+p.ident+a.where(p, ident))
}

func (a *applier) truncate(ctx context.Context, plans []*plan) error {
	if err := a.flush(ctx); err != nil {
		return err
	}
	for _, p := range plans {
		if p == nil || p.table == nil {
			continue
		}
		a.truncated++
		if err := a.run(ctx, p, "DELETE FROM "+p.ident); err != nil {
			return err
		}
	}
	return nil
}

func (a *applier) rows() int64 { return a.inserted + a.updated + a.deleted }

func (a *applier) resetCounts() { a.inserted, a.updated, a.deleted, a.truncated = 0, 0, 0, 0 }
