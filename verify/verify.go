package verify

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"math/bits"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// SampleSize is the most differing keys a TableResult lists.
const SampleSize = 5

// PG is the PostgreSQL side: a pgx.Tx (such as source.Live.Tx()) or a
// *pgx.Conn.
type PG interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Dolt is the Dolt side: a *sql.Conn, *sql.DB or *sql.Tx whose current
// database is the copy.
type Dolt interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// TableResult is the comparison of one table.
type TableResult struct {
	Table    string      // Dolt table name; database.table when it has a database (schema.Table.ReportName)
	PG       schema.Name // PostgreSQL relation
	PGRows   int64
	DoltRows int64
	PGHash   string // hex; sum of the row hashes modulo 2^256
	DoltHash string
	Equal    bool
	// Missing is set when Dolt has no such table (nothing else is compared).
	Missing bool
	// Diffs is a sample of the rows that differ, sorted, at most SampleSize:
	// "film_id=7: differs in title" (by primary key, PostgreSQL column
	// names), "rental_id=42: only in PostgreSQL", or for a table without a
	// primary key "row (1, 'a'): only in Dolt".
	Diffs []string
	// DiffCount is how many keys (or rows) differ in all.
	DiffCount int
}

func (r TableResult) String() string {
	switch {
	case r.Missing:
		return fmt.Sprintf("%s: missing in Dolt (PostgreSQL %s has %d rows)", r.Table, r.PG, r.PGRows)
	case r.Equal:
		return fmt.Sprintf("%s: %d rows equal", r.Table, r.PGRows)
	}
	s := fmt.Sprintf("%s: PostgreSQL %s has %d rows, Dolt %d; %d differ", r.Table, r.PG, r.PGRows, r.DoltRows, r.DiffCount)
	if len(r.Diffs) > 0 {
		s += ":\n    " + strings.Join(r.Diffs, "\n    ")
		if r.DiffCount > len(r.Diffs) {
			s += fmt.Sprintf("\n    ... and %d more", r.DiffCount-len(r.Diffs))
		}
	}
	return s
}

// Schema translates a schema-only plain dump (such as source.Live's
// SchemaDump) into the schema model, exactly as a copy with the same
// translate options does. name is used in error positions. An input that
// is empty or, starting as pg_dump output, lacks pg_dump's trailer is an
// error (its cause is dump.ErrEmpty or dump.ErrIncomplete).
func Schema(r io.Reader, name string, opts translate.Options) (*schema.Database, error) {
	// The completeness check of copy's schema pass (dump.Reader.Complete):
	// a schema dump that is empty or lacks pg_dump's trailer is an error,
	// never a smaller schema whose missing tables would go unverified.
	res, err := translate.ReadSchema(r, name, translate.ReadOptions{Translate: opts, Incomplete: func(err error) error {
		return &diag.Error{Err: fmt.Errorf("the schema dump of the source: %w", err),
			Hint: "pg_dump --schema-only of the source ended early; check the server and pg_dump (--pg-dump), then run verify again"}
	}})
	return res.DB, err
}

// Tables compares every table of db, in db's order. An error is returned
// for a failure to read either side (a query error, a PostgreSQL relation
// that does not exist); differences are results, not errors (see [Err]).
func Tables(ctx context.Context, pg PG, dolt Dolt, db *schema.Database) ([]TableResult, error) {
	if c, ok := pg.(*pgx.Conn); ok {
		tx, err := c.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			return nil, fmt.Errorf("verify: begin a read-only transaction in PostgreSQL: %w", err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx))
		pg = tx
	}
	// The text forms verify reads depend on these settings; pg_dump uses
	// the same ones.
	if _, err := pg.Exec(ctx, `SELECT set_config('datestyle', 'ISO, MDY', true), set_config('intervalstyle', 'postgres', true),
		set_config('extra_float_digits', '3', true)`); err != nil {
		return nil, fmt.Errorf("verify: set the PostgreSQL session's output formats: %w", err)
	}
	doltTables := map[string]bool{} // database NUL lower-case name; database "" is the current one
	listed := map[string]bool{}
	for _, t := range db.Tables {
		if listed[t.Database] {
			continue
		}
		listed[t.Database] = true
		if err := listTables(ctx, dolt, t.Database, doltTables); err != nil {
			return nil, err
		}
	}
	types := &typeResolver{pg: pg, cache: map[uint32]pgType{}}
	if err := testStall(ctx); err != nil {
		return nil, err
	}
	var out []TableResult
	for _, t := range db.Tables {
		res, err := compareTable(ctx, pg, dolt, t, types, doltTables[t.Database+"\x00"+strings.ToLower(t.Name)])
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// listTables adds the tables and views of the Dolt database name ("" for
// the current one) to have, keyed by name NUL lower-case table name.
func listTables(ctx context.Context, dolt Dolt, name string, have map[string]bool) error {
	q := "SHOW FULL TABLES"
	if name != "" {
		q += " FROM " + sqltext.Ident(name)
	}
	rows, err := dolt.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("verify: list Dolt tables: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n, typ string
		if err := rows.Scan(&n, &typ); err != nil {
			return err
		}
		have[name+"\x00"+strings.ToLower(n)] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify: list Dolt tables: %w", err)
	}
	return nil
}

// Err returns nil when every result is equal, else a *diag.Error naming
// each differing table with its sample of keys.
func Err(results []TableResult) error {
	var bad []string
	for _, r := range results {
		if !r.Equal {
			bad = append(bad, r.String())
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return &diag.Error{
		Err: fmt.Errorf("%d of %d tables differ between PostgreSQL and Dolt:\n  %s", len(bad), len(results), strings.Join(bad, "\n  ")),
		Hint: "if PostgreSQL changed since the copy, copy it again; if not, the copy lost or altered these rows: " +
			"compare them by hand (the keys are PostgreSQL column names) and report the case",
	}
}

// tablePlan is how one table is read on both sides.
type tablePlan struct {
	cols    []colPlan
	pk      []int // indexes into cols of the primary key
	pgSQL   string
	doltSQL string
}

func planTable(ctx context.Context, pg PG, t *schema.Table, types *typeResolver) (*tablePlan, error) {
	rel, err := loadRelation(ctx, pg, t.PG)
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", t.Name, err)
	}
	p := &tablePlan{}
	var pgSel, doltSel []string
	for _, c := range t.Columns {
		oid, ok := rel.types[c.PGName]
		if !ok {
			return nil, fmt.Errorf("verify %s: PostgreSQL %s has no column %q; the schema does not match the database", t.Name, t.PG, c.PGName)
		}
		pt, err := types.resolve(ctx, oid)
		if err != nil {
			return nil, fmt.Errorf("verify %s: type of column %s: %w", t.Name, c.PGName, err)
		}
		cp := planColumn(c, pt)
		p.cols = append(p.cols, cp)
		pgSel = append(pgSel, cp.pgExpr)
		doltSel = append(doltSel, cp.doltExpr)
	}
	for _, k := range t.PrimaryKey {
		for i, c := range t.Columns {
			if c.Name == k {
				p.pk = append(p.pk, i)
			}
		}
	}
	if len(p.pk) != len(t.PrimaryKey) {
		p.pk = nil
	}
	if len(pgSel) == 0 {
		pgSel, doltSel = []string{"1"}, []string{"1"}
	}
	p.pgSQL = "SELECT " + strings.Join(pgSel, ", ") + " FROM " + rel.from
	p.doltSQL = "SELECT " + strings.Join(doltSel, ", ") + " FROM " + t.QualifiedName()
	return p, nil
}

func compareTable(ctx context.Context, pg PG, dolt Dolt, t *schema.Table, types *typeResolver, inDolt bool) (TableResult, error) {
	res := TableResult{Table: t.ReportName(), PG: t.PG}
	p, err := planTable(ctx, pg, t, types)
	if err != nil {
		return res, err
	}
	var pgSum, doltSum sum256
	err = scanPG(ctx, pg, p, func(vals []string, h [32]byte) error {
		pgSum.add(h)
		res.PGRows++
		return nil
	})
	if err != nil {
		return res, err
	}
	res.PGHash = pgSum.String()
	if !inDolt {
		res.Missing = true
		return res, nil
	}
	err = scanDolt(ctx, dolt, p, func(vals []string, h [32]byte) error {
		doltSum.add(h)
		res.DoltRows++
		return nil
	})
	if err != nil {
		return res, err
	}
	res.DoltHash = doltSum.String()
	res.Equal = res.PGRows == res.DoltRows && pgSum == doltSum
	if !res.Equal {
		if err := diffTable(ctx, pg, dolt, p, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// pgEntry is a PostgreSQL row remembered by the diff pass.
type pgEntry struct {
	hash  [32]byte
	cols  int // offset into colHashes; -1 for a table without a primary key
	count int // rows with this key (a table without a primary key may repeat rows)
}

// diffTable reads both sides again, keyed by primary key (or by whole row),
// and records which keys differ. It holds one entry per PostgreSQL row (the
// key, the row hash and 8 bytes per column) and nothing per Dolt row.
func diffTable(ctx context.Context, pg PG, dolt Dolt, p *tablePlan, res *TableResult) error {
	byKey := map[string]pgEntry{}
	var colHashes []uint64
	err := scanPG(ctx, pg, p, func(vals []string, h [32]byte) error {
		k := p.key(vals, h)
		if e, ok := byKey[k]; ok {
			e.count++
			byKey[k] = e
			return nil
		}
		e := pgEntry{hash: h, cols: -1, count: 1}
		if p.pk != nil {
			e.cols = len(colHashes)
			for _, v := range vals {
				colHashes = append(colHashes, hashString(v))
			}
		}
		byKey[k] = e
		return nil
	})
	if err != nil {
		return err
	}
	var diffs []string
	seen := map[string]bool{}
	onlyDolt := map[string]string{} // key -> display
	err = scanDolt(ctx, dolt, p, func(vals []string, h [32]byte) error {
		k := p.key(vals, h)
		e, ok := byKey[k]
		if !ok || e.count == 0 {
			if _, ok := onlyDolt[k]; !ok {
				onlyDolt[k] = p.display(vals)
			}
			return nil
		}
		e.count--
		byKey[k] = e
		if p.pk != nil && e.hash != h && !seen[k] {
			seen[k] = true
			var cols []string
			for i, v := range vals {
				if colHashes[e.cols+i] != hashString(v) {
					cols = append(cols, p.cols[i].pgName)
				}
			}
			// the key's values are equal on both sides, so Dolt's row
			// displays it
			diffs = append(diffs, p.display(vals)+": differs in "+strings.Join(cols, ", "))
		}
		return nil
	})
	if err != nil {
		return err
	}
	pgOnly := map[string]bool{}
	for k, e := range byKey {
		if e.count > 0 {
			pgOnly[k] = true
		}
	}
	if p.pk != nil {
		for k := range pgOnly {
			diffs = append(diffs, p.displayKey(k)+": only in PostgreSQL")
		}
	} else if len(pgOnly) > 0 {
		// A table without a primary key: the rows' values were not kept,
		// so read PostgreSQL once more for those rows.
		err := scanPG(ctx, pg, p, func(vals []string, h [32]byte) error {
			if k := string(h[:]); pgOnly[k] {
				delete(pgOnly, k)
				diffs = append(diffs, p.display(vals)+": only in PostgreSQL")
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, d := range onlyDolt {
		diffs = append(diffs, d+": only in Dolt")
	}
	sort.Strings(diffs)
	res.DiffCount = len(diffs)
	if len(diffs) > SampleSize {
		diffs = diffs[:SampleSize]
	}
	res.Diffs = diffs
	return nil
}

// displayKey renders a primary key made by key.
func (p *tablePlan) displayKey(k string) string {
	vals := make([]string, len(p.cols))
	b := []byte(k)
	for _, i := range p.pk {
		if len(b) == 0 {
			break
		}
		if b[0] == 0 {
			vals[i], b = nullValue, b[1:]
			continue
		}
		n, w := binary.Uvarint(b[1:])
		b = b[1+w:]
		vals[i], b = string(b[:n]), b[n:]
	}
	return p.display(vals)
}

// key identifies a row: its primary key values, or for a table without one
// the whole row.
func (p *tablePlan) key(vals []string, h [32]byte) string {
	if p.pk == nil {
		return string(h[:])
	}
	var b []byte
	for _, i := range p.pk {
		b = appendValue(b, vals[i])
	}
	return string(b)
}

// display renders a row's key for people: "film_id=7", or "(a=1, b=2)", or
// for a table without a primary key "row (1, 'x', NULL)".
func (p *tablePlan) display(vals []string) string {
	show := func(i int) string {
		v := vals[i]
		if v == nullValue {
			return "NULL"
		}
		switch p.cols[i].pgNorm {
		case nNumber, nFloat32, nFloat64, nBits:
			return v
		}
		return quoteExcerpt(v)
	}
	if p.pk == nil {
		var parts []string
		for i := range vals {
			parts = append(parts, show(i))
		}
		return "row (" + diag.Excerpt(strings.Join(parts, ", "), 4*diag.ExcerptLen) + ")"
	}
	var parts []string
	for _, i := range p.pk {
		parts = append(parts, p.cols[i].pgName+"="+show(i))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// quoteExcerpt renders a text value as an SQL literal, cut as messages cut
// values (diag.Excerpt): a value of more than diag.ExcerptLen bytes shows
// as 'its first bytes'... (N bytes).
func quoteExcerpt(v string) string {
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	cut := diag.Excerpt(v, diag.ExcerptLen)
	if cut == v {
		return quote(v)
	}
	prefix := cut[:strings.LastIndex(cut, "... (")]
	return quote(prefix) + cut[len(prefix):]
}

// nullValue stands for SQL NULL among normalised values; no text value
// normalises to it.
const nullValue = "\x00NULL\x00"

func scanPG(ctx context.Context, pg PG, p *tablePlan, fn func([]string, [32]byte) error) error {
	rows, err := pg.Query(ctx, p.pgSQL, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return fmt.Errorf("verify: PostgreSQL: %s: %w", p.pgSQL, err)
	}
	defer rows.Close()
	vals := make([]string, len(p.cols))
	var buf []byte
	for rows.Next() {
		raw := rows.RawValues()
		for i := range p.cols {
			if raw[i] == nil {
				vals[i] = nullValue
			} else {
				vals[i] = normalize(raw[i], p.cols[i].pgNorm)
			}
		}
		var h [32]byte
		h, buf = rowHash(vals, buf)
		if err := fn(vals, h); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify: PostgreSQL: %s: %w", p.pgSQL, err)
	}
	return nil
}

func scanDolt(ctx context.Context, dolt Dolt, p *tablePlan, fn func([]string, [32]byte) error) error {
	rows, err := dolt.QueryContext(ctx, p.doltSQL)
	if err != nil {
		return fmt.Errorf("verify: Dolt: %s: %w", p.doltSQL, err)
	}
	defer rows.Close()
	n := len(p.cols)
	if n == 0 {
		n = 1
	}
	raw := make([]sql.RawBytes, n)
	ptrs := make([]any, n)
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	vals := make([]string, len(p.cols))
	var buf []byte
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("verify: Dolt: %s: %w", p.doltSQL, err)
		}
		for i := range p.cols {
			if raw[i] == nil {
				vals[i] = nullValue
			} else {
				vals[i] = normalize(raw[i], p.cols[i].doltNorm)
			}
		}
		var h [32]byte
		h, buf = rowHash(vals, buf)
		if err := fn(vals, h); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify: Dolt: %s: %w", p.doltSQL, err)
	}
	return nil
}

// appendValue appends v with a length prefix (NULL is the one-byte 0
// marker, any value starts with 1).
func appendValue(b []byte, v string) []byte {
	if v == nullValue {
		return append(b, 0)
	}
	b = append(b, 1)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func rowHash(vals []string, buf []byte) ([32]byte, []byte) {
	buf = buf[:0]
	for _, v := range vals {
		buf = appendValue(buf, v)
	}
	return sha256.Sum256(buf), buf
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, s)
	return h.Sum64()
}

// sum256 is a 256-bit unsigned sum, most significant limb first.
type sum256 [4]uint64

func (s *sum256) add(h [32]byte) {
	var carry uint64
	for i := 3; i >= 0; i-- {
		s[i], carry = bits.Add64(s[i], binary.BigEndian.Uint64(h[i*8:]), carry)
	}
}

func (s sum256) String() string {
	var b [32]byte
	for i := range s {
		binary.BigEndian.PutUint64(b[i*8:], s[i])
	}
	return hex.EncodeToString(b[:])
}
