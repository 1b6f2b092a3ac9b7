package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/pgcopy/pgcopy/translate"
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
func digestLines(digests map[string]tableDigest, db *schema.Database, name string) string {
	var names []string
	for _, tb := range db.In(name).Tables {
		if _, ok := digests[tb.ReportName()]; ok {
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
