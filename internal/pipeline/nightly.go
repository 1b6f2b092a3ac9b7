package pipeline

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// tableDigest is what a run records of one Dolt table in its commit
// message (digestLines), for the next run to compare with: Data covers the
// table's rows as the dump holds them, Schema everything else that decides
// what the table holds.
type tableDigest struct {
	Data   string // hex SHA-256 over the CopyBlock.Digest of each of the table's COPY blocks, in dump order
	Schema string // hex SHA-256 over the CREATE TABLE text, the COPY column lists, the value policy and pgcopy's version
}

// digestPrefix starts each digest line of a commit message:
// "table-digest: data=HEX schema=HEX NAME" (the name last, as it is: it
// may hold spaces; a name holding a line break gets no digest).
const digestPrefix = "table-digest: "

// tableDigests computes the digest of every table of db that the dump
// fills through COPY blocks only, keyed by Table.ReportName. A table is
// left out (and so always reloaded by a later run) when the dump holds
// INSERT statements (their rows are not digested), when an override drops
// its rows, or when a COPY header cannot be resolved. Tables without a
// COPY block get the digest of no rows: they are empty in the dump.
func tableDigests(pass1 *translate.Result, db *schema.Database, policy UnrepPolicy) map[string]tableDigest {
	out := map[string]tableDigest{}
	if pass1 == nil || db == nil || pass1.Inserts {
		return out
	}
	data := map[*schema.Table][][32]byte{}
	cols := map[*schema.Table][]string{}
	for _, b := range pass1.Blocks {
		rows, err := pass1.Translator.CopyRows(b.Header)
		if err != nil {
			return map[string]tableDigest{} // any doubt: record nothing
		}
		if rows == nil {
			continue // skip_data override: the table is reloaded (empty)
		}
		data[rows.Table] = append(data[rows.Table], b.Digest)
		cols[rows.Table] = append(cols[rows.Table], strings.Join(rows.Columns, ","))
	}
	for _, tb := range db.Tables {
		if strings.ContainsAny(tb.ReportName(), "\r\n") {
			continue
		}
		d := sha256.New()
		for _, x := range data[tb] {
			d.Write(x[:])
		}
		s := sha256.New()
		fmt.Fprintf(s, "pgcopy %s\npolicy %s\ndatabase %s\n%s\n", Version, policy.orDefault(), tb.Database, tb.CreateSQL())
		for _, c := range cols[tb] {
			fmt.Fprintf(s, "copy (%s)\n", c)
		}
		out[tb.ReportName()] = tableDigest{Data: hex.EncodeToString(d.Sum(nil)), Schema: hex.EncodeToString(s.Sum(nil))}
	}
	return out
}

// digestLines renders the digests of db's tables in database name as
// commit-message lines, sorted by table name. They go into the commit
// message and not into a table: a table would change the root value (and
// dolt diff, and no-change detection), while a commit message changes
// neither a table's dolt_hashof_table nor `dolt diff` (Dolt docs, "Dolt
// System Tables: dolt_log").
//
// A table that had rows rejected (--max-errors) gets no line: a later run
// reloads it, and so applies its own --max-errors to those rows.
func digestLines(digests map[string]tableDigest, rep *report.Report, db *schema.Database, name string) string {
	rejected := map[string]bool{}
	for _, t := range rep.Tables {
		if t.Rejected > 0 {
			rejected[t.Name] = true
		}
	}
	var names []string
	for _, tb := range db.In(name).Tables {
		if _, ok := digests[tb.ReportName()]; ok && !rejected[tb.ReportName()] {
			names = append(names, tb.ReportName())
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		d := digests[n]
		fmt.Fprintf(&b, "%sdata=%s schema=%s %s\n", digestPrefix, d.Data, d.Schema, n)
	}
	return b.String()
}

// parseDigests reads the digest lines of a commit message (digestLines);
// lines that are malformed are ignored (their tables are reloaded).
func parseDigests(msg string) map[string]tableDigest {
	out := map[string]tableDigest{}
	sc := bufio.NewScanner(strings.NewReader(msg))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, digestPrefix) {
			continue
		}
		f := strings.SplitN(strings.TrimPrefix(line, digestPrefix), " ", 3)
		if len(f) != 3 || f[2] == "" || !strings.HasPrefix(f[0], "data=") || !strings.HasPrefix(f[1], "schema=") {
			continue
		}
		d := tableDigest{Data: strings.TrimPrefix(f[0], "data="), Schema: strings.TrimPrefix(f[1], "schema=")}
		if len(d.Data) != 64 || len(d.Schema) != 64 {
			continue
		}
		out[f[2]] = d
	}
	return out
}

// planCarry decides which tables a run onto an existing snapshot carries
// over from the parent commit (the work branch's HEAD, which StartWork
// made from the target branch) instead of dropping, recreating and
// reloading them. A table is
// carried only when all of these hold; otherwise it is loaded as on a
// fresh copy:
//   - the copy has one database (not --schemas databases);
//   - the parent's message has a table-digest line for it, and both its
//     data and schema digests equal this dump's (tableDigests);
//   - the parent's working set holds the table;
//   - every table it references by a foreign key is kept too (keepTables,
//     patch.go, which also tells the target).
//
// Dolt's prolly trees are history-independent, so a carried table has the
// dolt_hashof_table a fresh copy would give it.
func planCarry(ctx context.Context, tgt *loader.Target, db *schema.Database, digests map[string]tableDigest) (map[*schema.Table]bool, error) {
	carry := map[*schema.Table]bool{}
	if len(db.Databases) > 1 || len(digests) == 0 {
		return carry, nil
	}
	_, msg, exists, err := tgt.HeadMessage(ctx, tgt.WorkBranch())
	if err != nil || !exists {
		return carry, err
	}
	parent := parseDigests(msg)
	if len(parent) == 0 {
		return carry, nil
	}
	have, err := tgt.Tables(ctx)
	if err != nil {
		return carry, err
	}
	inParent := map[string]bool{}
	for _, n := range have {
		inParent[n] = true
	}
	for _, tb := range db.Tables {
		d, ok := digests[tb.ReportName()]
		if p, had := parent[tb.ReportName()]; ok && had && p == d && inParent[tb.Name] && tb.Database == "" {
			carry[tb] = true
		}
	}
	return carry, nil
}

// noteCarry marks each table of db in the report as unchanged (carried
// over), changed (patched: patch.go) or reloaded, when the run carried or
// patches any table or the parent commit held tables (parent).
// A carried table's rows_read is its rows in the dump (pass 1's count).
func noteCarry(rep *report.Report, pass1 *translate.Result, db *schema.Database, carry map[*schema.Table]bool, patch map[*schema.Table]*patchPlan, parent []string) {
	if len(carry) == 0 && len(patch) == 0 && len(parent) == 0 {
		return
	}
	rows := map[*schema.Table]int64{}
	for _, b := range pass1.Blocks {
		if r, err := pass1.Translator.CopyRows(b.Header); err == nil && r != nil {
			rows[r.Table] += b.Rows
		}
	}
	var names []string
	for _, tb := range db.Tables {
		path := "reloaded"
		if patch[tb] != nil {
			path = "changed"
		}
		if carry[tb] {
			path = "unchanged"
			names = append(names, tb.ReportName())
		}
		n := rows[tb]
		rep.Update(tb.ReportName(), func(t *report.Table) {
			t.Path = path
			if path == "unchanged" {
				t.Rows = n
			}
		})
	}
	sort.Strings(names)
	if len(names) == 0 {
		return
	}
	rep.Note("%d of %d tables unchanged since the parent commit (their dump digests match): carried over, not reloaded: %s", len(names), len(db.Tables), strings.Join(names, ", "))
}
