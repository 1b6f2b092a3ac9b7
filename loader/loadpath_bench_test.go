package loader_test

// Load-path benchmarks (issue 6: "for each target, use the fastest correct
// bulk path; measure the candidates").
//
// Every benchmark loads the same synthetic pgbench-like rows,
//
//	CREATE TABLE accounts (aid int NOT NULL PRIMARY KEY, bid int, abalance int, filler char(84))
//
// benchRows rows in primary-key order, aid = 1..benchRows, bid = aid/100000+1,
// abalance = aid%1000-500, and a filler that starts with an awkward text
// (quote, backslash, double quote, tab, non-ASCII) and is padded with blanks to
// 84 characters, like pgbench's all-blank filler. One b.N iteration is one
// complete load of a table that was created empty just before (outside the
// timer): encoding the rows, sending them, and the SQL COMMIT that ends the
// table's transaction. Each iteration gets a fresh database, and after it
// every row is read back and compared value by value (outside the timer), so
// a path that loses or mangles values fails instead of looking fast.
//
// Candidates:
//
//	embedded/insert-{100,1000,5000}   multi-row INSERT, N rows per statement, one transaction, one connection
//	embedded/loaddata-hex-file        the rows written as a tab-separated file with the filler hex-encoded,
//	                                  then LOAD DATA INFILE '<file>' ... (aid,bid,abalance,@f) SET filler = UNHEX(@f)
//	                                  (the only exact LOAD DATA form, dolt-facts B3); writing the file is timed
//	embedded/loaddata-hex-fifo        the same, streamed through a named pipe (no temporary file)
//	embedded/2tables-{seq,par}-insert-1000  two tables, one after the other on one connection vs. on two connections at once
//	server/insert-1000                dolt sql-server + go-sql-driver/mysql, same INSERTs
//	server/loaddata-local-hex         LOAD DATA LOCAL INFILE 'Reader::name' (mysql.RegisterReaderHandler), hex filler
//	server/2tables-{seq,par}-{insert-1000,loaddata-local-hex}  two tables: one connection after the other vs. two connections in parallel
//
// BenchmarkTxSize (below) loads 1M rows on the embedded target in one
// transaction, with a COMMIT every 100k / 10k rows, and with a COMMIT plus
// CALL DOLT_GC() every 250k rows, to see what keeps memory flat.
//
// Metrics: ns/op is one load; rows/s is rows loaded per second of wall time
// (both tables for the 2tables cases); peak-RSS-MiB is the process's peak
// RSS during the load; busy-cores and self-cores say how busy the machine
// and this process were (see runLoadN). A sql-server's CPU is not in the
// process's own numbers; wall time is what matters.
//
// These need the dolt CLI of ./scripts/test.sh (for the server cases) and are
// not run by `go test ./...` (benchmarks run only with -bench). Run them with
//
//	./scripts/bench.sh loadpath
//	./scripts/test.sh -run '^$' -bench 'LoadPath|TxSize' -benchtime 1x ./loader/
//
// bench.sh also exports DOLT_METRICS_DISABLED=1, which the embedded driver
// reads at start-up to skip its usage event.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"unicode/utf8"

	embedded "github.com/dolthub/driver"
	"github.com/go-sql-driver/mysql"

	"github.com/pgcopy/pgcopy/internal/sqltext"
	"github.com/pgcopy/pgcopy/internal/testenv"
)

// benchRows is the number of rows per table; PGCOPY_BENCH_ROWS overrides it.
func benchRows(b *testing.B) int {
	if s := os.Getenv("PGCOPY_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PGCOPY_BENCH_ROWS=%q is not a positive integer", s)
		}
		return n
	}
	return 200_000
}

const fillerWidth = 84

// filler returns row aid's filler: an awkward prefix padded with blanks to 84 characters.
func filler(aid int) string {
	s := "r" + strconv.Itoa(aid) + " it's a \\ \"q\"\tü"
	if n := utf8.RuneCountInString(s); n < fillerWidth {
		s += strings.Repeat(" ", fillerWidth-n)
	}
	return s
}

func accountsDDL(table string) string {
	return "CREATE TABLE " + sqltext.Ident(table) +
		" (aid int NOT NULL, bid int, abalance int, filler char(84), PRIMARY KEY (aid))"
}

// appendTuple appends "(aid,bid,abalance,'filler')".
func appendTuple(buf []byte, aid int) []byte {
	buf = append(buf, '(')
	buf = strconv.AppendInt(buf, int64(aid), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(aid/100000+1), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(aid%1000-500), 10)
	buf = append(buf, ',')
	buf = sqltext.AppendString(buf, filler(aid))
	return append(buf, ')')
}

const hexDigits = "0123456789abcdef"

// appendHexLine appends "aid\tbid\tabalance\t<hex of filler>\n".
func appendHexLine(buf []byte, aid int) []byte {
	buf = strconv.AppendInt(buf, int64(aid), 10)
	buf = append(buf, '\t')
	buf = strconv.AppendInt(buf, int64(aid/100000+1), 10)
	buf = append(buf, '\t')
	buf = strconv.AppendInt(buf, int64(aid%1000-500), 10)
	buf = append(buf, '\t')
	f := filler(aid)
	for i := 0; i < len(f); i++ {
		buf = append(buf, hexDigits[f[i]>>4], hexDigits[f[i]&15])
	}
	return append(buf, '\n')
}

// hexReader streams rows 1..n as hex lines.
type hexReader struct {
	next, n int
	buf     []byte
}

func (r *hexReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && r.next <= r.n {
		for i := 0; i < 256 && r.next <= r.n; i++ {
			r.buf = appendHexLine(r.buf, r.next)
			r.next++
		}
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.buf)
	r.buf = r.buf[:copy(r.buf, r.buf[k:])]
	return k, nil
}

// loadDataSQL is the exact LOAD DATA form: only integers and hex digits in
// the data, \N would be NULL (ESCAPED BY '\\'), the filler goes through UNHEX.
func loadDataSQL(source, table string) string {
	return "LOAD DATA " + source + " INTO TABLE " + sqltext.Ident(table) +
		` FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n' (aid, bid, abalance, @f) SET filler = UNHEX(@f)`
}

// insertRows loads rows 1..n with multi-row INSERTs of per rows each, in
// one transaction on conn, or, when commitEvery > 0, in one transaction per
// commitEvery rows (a multiple of per).
func insertRows(ctx context.Context, conn *sql.Conn, table string, n, per, commitEvery int) error {
	return insertRowsGC(ctx, conn, table, n, per, commitEvery, nil)
}

// insertRowsGC is insertRows; with reconnect set, each intermediate COMMIT
// is followed by CALL DOLT_GC(), which ends the session ("this connection
// can no longer be used"), and reconnect gives the connection to go on with.
func insertRowsGC(ctx context.Context, conn *sql.Conn, table string, n, per, commitEvery int, reconnect func() (*sql.Conn, error)) error {
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	inTx := 0
	head := "INSERT INTO " + sqltext.Ident(table) + " (aid,bid,abalance,filler) VALUES "
	buf := make([]byte, 0, per*110+len(head))
	for aid := 1; aid <= n; {
		buf = append(buf[:0], head...)
		for k := 0; k < per && aid <= n; k++ {
			if k > 0 {
				buf = append(buf, ',')
			}
			buf = appendTuple(buf, aid)
			aid++
		}
		if _, err := conn.ExecContext(ctx, string(buf)); err != nil {
			return err
		}
		if inTx += per; commitEvery > 0 && inTx >= commitEvery && aid <= n {
			if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
				return err
			}
			if reconnect != nil {
				if _, err := conn.ExecContext(ctx, "CALL DOLT_GC()"); err != nil {
					return fmt.Errorf("CALL DOLT_GC(): %w", err)
				}
				var err error
				if conn, err = reconnect(); err != nil {
					return err
				}
			}
			if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
				return err
			}
			inTx = 0
		}
	}
	_, err := conn.ExecContext(ctx, "COMMIT")
	return err
}

// loadDataFile writes the hex file, then loads it with LOAD DATA INFILE.
func loadDataFile(ctx context.Context, conn *sql.Conn, table string, n int, dir string) error {
	path := filepath.Join(dir, table+".hex.tsv")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer os.Remove(path)
	if _, err := io.Copy(f, &hexReader{next: 1, n: n}); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return loadDataTx(ctx, conn, loadDataSQL("INFILE "+sqltext.String(path), table))
}

// loadDataFIFO streams the hex rows through a named pipe into LOAD DATA INFILE.
func loadDataFIFO(ctx context.Context, conn *sql.Conn, table string, n int, dir string) error {
	path := filepath.Join(dir, table+".fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		return err
	}
	defer os.Remove(path)
	werr := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0) // blocks until LOAD DATA opens the pipe
		if err != nil {
			werr <- err
			return
		}
		_, err = io.Copy(w, &hexReader{next: 1, n: n})
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		werr <- err
	}()
	err := loadDataTx(ctx, conn, loadDataSQL("INFILE "+sqltext.String(path), table))
	if err != nil {
		// Unblock a writer still waiting for a reader, or writing to none.
		if r, oerr := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); oerr == nil {
			r.Close()
		}
	}
	if e := <-werr; err == nil {
		err = e
	}
	return err
}

var readerSeq atomic.Int64

// loadDataLocal streams the hex rows to a server through LOAD DATA LOCAL INFILE 'Reader::name'.
func loadDataLocal(ctx context.Context, conn *sql.Conn, table string, n int) error {
	name := "pgcopy-bench-" + strconv.FormatInt(readerSeq.Add(1), 10)
	mysql.RegisterReaderHandler(name, func() io.Reader { return &hexReader{next: 1, n: n} })
	defer mysql.DeregisterReaderHandler(name)
	return loadDataTx(ctx, conn, loadDataSQL("LOCAL INFILE "+sqltext.String("Reader::"+name), table))
}

func loadDataTx(ctx context.Context, conn *sql.Conn, q string) error {
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, q); err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	_, err := conn.ExecContext(ctx, "COMMIT")
	return err
}

// check verifies that table holds exactly rows 1..n, every value of every
// row compared (Dolt 1.83 returns char(n) values with their trailing blanks).
func check(ctx context.Context, conn *sql.Conn, table string, n int) error {
	rows, err := conn.QueryContext(ctx, "SELECT aid, bid, abalance, filler FROM "+sqltext.Ident(table)+" ORDER BY aid")
	if err != nil {
		return err
	}
	defer rows.Close()
	want := 1
	var aid, bid, bal int64
	var fill []byte
	for rows.Next() {
		if err := rows.Scan(&aid, &bid, &bal, &fill); err != nil {
			return err
		}
		if aid != int64(want) || bid != int64(want/100000+1) || bal != int64(want%1000-500) || string(fill) != filler(want) {
			return fmt.Errorf("%s: row %d is (%d, %d, %d, %q), want (%d, %d, %d, %q)", table, want,
				aid, bid, bal, fill, want, want/100000+1, want%1000-500, filler(want))
		}
		want++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if want-1 != n {
		return fmt.Errorf("%s holds %d rows, want %d", table, want-1, n)
	}
	return nil
}

// ---------------------------------------------------------------- targets

// benchDB is a fresh database with connections for one iteration.
type benchDB struct {
	conns []*sql.Conn
	tmp   string // a directory for files and pipes
	close func()
	// reconnect replaces conns[i] with a new connection to the database.
	reconnect func(i int) (*sql.Conn, error)
}

// connect opens a connection of db to the database name with pgcopy's
// session settings.
func connect(ctx context.Context, db *sql.DB, name string) (*sql.Conn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if err := sessionSetup(ctx, c, name); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// opener makes a fresh database with nconn connections (each USEs it and
// has FOREIGN_KEY_CHECKS=0, as pgcopy's session does).
type opener func(b *testing.B, iter, nconn int) *benchDB

func sessionSetup(ctx context.Context, c *sql.Conn, db string) error {
	for _, q := range []string{"USE " + sqltext.Ident(db), "SET FOREIGN_KEY_CHECKS=0", "SET time_zone='+00:00'"} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// embeddedOpener opens the embedded engine on a new directory per
// iteration, the way loader.Open does (loader/target.go).
func embeddedOpener(b *testing.B, iter, nconn int) *benchDB {
	ctx := context.Background()
	parent := b.TempDir()
	dsn := "file://" + parent + "?commitname=pgcopy%20bench&commitemail=bench%40example.invalid&multistatements=false"
	cfg, err := embedded.ParseDSN(dsn)
	if err != nil {
		b.Fatal(err)
	}
	connector, err := embedded.NewConnector(cfg)
	if err != nil {
		b.Fatal(err)
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(nconn)
	db.SetMaxIdleConns(0) // a connection given back (see reconnect) is closed, not reused
	out := &benchDB{tmp: b.TempDir()}
	out.close = func() {
		for _, c := range out.conns {
			if c != nil {
				c.Close()
			}
		}
		db.Close()
		connector.Close()
	}
	out.reconnect = func(i int) (*sql.Conn, error) {
		out.conns[i].Close()
		c, err := connect(ctx, db, "bench")
		out.conns[i] = c
		return c, err
	}
	boot, err := db.Conn(ctx)
	if err == nil {
		_, err = boot.ExecContext(ctx, "CREATE DATABASE bench")
		boot.Close()
	}
	if err != nil {
		out.close()
		b.Fatal(err)
	}
	for i := 0; i < nconn; i++ {
		c, err := connect(ctx, db, "bench")
		if err != nil {
			out.close()
			b.Fatal(err)
		}
		out.conns = append(out.conns, c)
	}
	return out
}

// serverOpener starts one dolt sql-server for the benchmark (stopped by a
// cleanup) and creates a database per iteration.
func serverOpener(b *testing.B) opener {
	ctx := context.Background()
	dsn := testenv.DoltServer(b, b.TempDir())
	boot, err := sql.Open("mysql", dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { boot.Close() })
	// LOAD DATA LOCAL needs the server's permission.
	if _, err := boot.ExecContext(ctx, "SET GLOBAL local_infile = 1"); err != nil {
		b.Fatal(err)
	}
	return func(b *testing.B, iter, nconn int) *benchDB {
		name := "bench" + strconv.Itoa(iter)
		if _, err := boot.ExecContext(ctx, "CREATE DATABASE "+sqltext.Ident(name)); err != nil {
			b.Fatal(err)
		}
		db, err := sql.Open("mysql", dsn+name)
		if err != nil {
			b.Fatal(err)
		}
		db.SetMaxOpenConns(nconn)
		db.SetMaxIdleConns(0) // a connection given back (see reconnect) is closed, not reused
		out := &benchDB{tmp: b.TempDir()}
		out.close = func() {
			for _, c := range out.conns {
				if c != nil {
					c.Close()
				}
			}
			db.Close()
			boot.ExecContext(ctx, "DROP DATABASE "+sqltext.Ident(name))
		}
		out.reconnect = func(i int) (*sql.Conn, error) {
			out.conns[i].Close()
			c, err := connect(ctx, db, name)
			out.conns[i] = c
			return c, err
		}
		for i := 0; i < nconn; i++ {
			c, err := connect(ctx, db, name)
			if err != nil {
				out.close()
				b.Fatal(err)
			}
			out.conns = append(out.conns, c)
		}
		return out
	}
}

// ---------------------------------------------------------------- runner

// loadFunc loads rows 1..n into table over db.conns[i].
type loadFunc func(ctx context.Context, db *benchDB, i int, table string, n int) error

func insertN(per int) loadFunc { return insertCommitEvery(per, 0) }

func insertCommitEvery(per, commitEvery int) loadFunc {
	return func(ctx context.Context, db *benchDB, i int, table string, n int) error {
		return insertRows(ctx, db.conns[i], table, n, per, commitEvery)
	}
}

// insertCommitGC commits and runs CALL DOLT_GC() every commitEvery rows.
func insertCommitGC(per, commitEvery int) loadFunc {
	return func(ctx context.Context, db *benchDB, i int, table string, n int) error {
		return insertRowsGC(ctx, db.conns[i], table, n, per, commitEvery, func() (*sql.Conn, error) { return db.reconnect(i) })
	}
}

func embeddedLoadDataFile(ctx context.Context, db *benchDB, i int, table string, n int) error {
	return loadDataFile(ctx, db.conns[i], table, n, db.tmp)
}

func embeddedLoadDataFIFO(ctx context.Context, db *benchDB, i int, table string, n int) error {
	return loadDataFIFO(ctx, db.conns[i], table, n, db.tmp)
}

func serverLoadData(ctx context.Context, db *benchDB, i int, table string, n int) error {
	return loadDataLocal(ctx, db.conns[i], table, n)
}

// runLoad benchmarks loading ntables tables of benchRows rows each, with
// load; parallel puts each table on its own connection, otherwise all go
// over one connection one after the other.
func runLoad(b *testing.B, open opener, load loadFunc, ntables int, parallel bool) {
	runLoadN(b, open, load, benchRows(b), ntables, parallel)
}

// peakRSS returns the process's peak resident set size (VmHWM) in bytes, 0 if unknown.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb * 1024
		}
	}
	return 0
}

// cpuTicks returns the machine's busy CPU time (all cores; /proc/stat minus
// idle and iowait) and this process's CPU time (/proc/self/stat utime+stime),
// both in clock ticks; zeros when unknown.
func cpuTicks() (machine, self float64) {
	if data, err := os.ReadFile("/proc/stat"); err == nil {
		line, _, _ := strings.Cut(string(data), "\n")
		f := strings.Fields(line)
		for i := 1; i < len(f) && i <= 8; i++ { // user nice system idle iowait irq softirq steal
			v, _ := strconv.ParseFloat(f[i], 64)
			if i != 4 && i != 5 {
				machine += v
			}
		}
	}
	if data, err := os.ReadFile("/proc/self/stat"); err == nil {
		// the fields after the command name, which is in parentheses
		if i := strings.LastIndexByte(string(data), ')'); i >= 0 {
			f := strings.Fields(string(data)[i+1:])
			if len(f) > 12 {
				u, _ := strconv.ParseFloat(f[11], 64)
				st, _ := strconv.ParseFloat(f[12], 64)
				self = u + st
			}
		}
	}
	return machine, self
}

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

// resetPeakRSS returns freed memory to the OS and resets VmHWM to the
// current RSS (Linux: "5" > /proc/self/clear_refs), so that peakRSS after a
// load is that load's peak. It reports false when the reset is not possible.
func resetPeakRSS() bool {
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// runLoadN is runLoad with n rows per table. It also reports
// peak-RSS-MiB, the highest VmHWM of the benchmark process during a timed
// load (the embedded engine runs in this process; for the server target it
// is only the client). It is the load's own peak only when the benchmark is
// the first in its process: memory that earlier loads left behind (which
// FreeOSMemory does not return) counts too. bench.sh runs each TxSize case
// in its own process for that reason.
//
// Two more metrics tell how busy the machine was, since a shared machine's
// other work makes numbers (and above all parallel gains) unreliable:
// busy-cores is the average number of the machine's cores in use during the
// timed loads (everything: this process, a dolt sql-server, other users);
// self-cores is this process's share of it.
func runLoadN(b *testing.B, open opener, load loadFunc, n, ntables int, parallel bool) {
	ctx := context.Background()
	nconn := 1
	if parallel {
		nconn = ntables
	}
	b.ReportAllocs()
	b.StopTimer()
	b.ResetTimer()
	var peak, busy, self float64
	for i := 0; i < b.N; i++ {
		db := open(b, i, nconn)
		tables := make([]string, ntables)
		for t := range tables {
			tables[t] = "accounts" + strconv.Itoa(t)
			if _, err := db.conns[0].ExecContext(ctx, accountsDDL(tables[t])); err != nil {
				db.close()
				b.Fatal(err)
			}
		}
		canPeak := resetPeakRSS()
		m0, s0 := cpuTicks()
		b.StartTimer()
		errs := make([]error, ntables)
		if parallel {
			var wg sync.WaitGroup
			for t := range tables {
				wg.Add(1)
				go func(t int) {
					defer wg.Done()
					errs[t] = load(ctx, db, t, tables[t], n)
				}(t)
			}
			wg.Wait()
		} else {
			for t := range tables {
				if errs[t] = load(ctx, db, 0, tables[t], n); errs[t] != nil {
					break
				}
			}
		}
		b.StopTimer()
		m1, s1 := cpuTicks()
		busy += m1 - m0
		self += s1 - s0
		if p := peakRSS(); canPeak && p > peak {
			peak = p
		}
		err := errors.Join(errs...)
		for t := range tables {
			if err != nil {
				break
			}
			err = check(ctx, db.conns[0], tables[t], n)
		}
		db.close()
		if err != nil {
			b.Fatal(err)
		}
	}
	rows := float64(n) * float64(ntables) * float64(b.N)
	b.ReportMetric(rows/b.Elapsed().Seconds(), "rows/s")
	if peak > 0 {
		b.ReportMetric(peak/(1<<20), "peak-RSS-MiB")
	}
	if secs := b.Elapsed().Seconds(); secs > 0 && busy > 0 {
		b.ReportMetric(busy/clockTicks/secs, "busy-cores")
		b.ReportMetric(self/clockTicks/secs, "self-cores")
	}
}

func BenchmarkLoadPath(b *testing.B) {
	b.Run("embedded", func(b *testing.B) {
		for _, per := range []int{100, 1000, 5000} {
			b.Run("insert-"+strconv.Itoa(per), func(b *testing.B) {
				runLoad(b, embeddedOpener, insertN(per), 1, false)
			})
		}
		b.Run("loaddata-hex-file", func(b *testing.B) {
			runLoad(b, embeddedOpener, embeddedLoadDataFile, 1, false)
		})
		b.Run("loaddata-hex-fifo", func(b *testing.B) {
			runLoad(b, embeddedOpener, embeddedLoadDataFIFO, 1, false)
		})
		b.Run("2tables-seq-insert-1000", func(b *testing.B) {
			runLoad(b, embeddedOpener, insertN(1000), 2, false)
		})
		b.Run("2tables-par-insert-1000", func(b *testing.B) {
			runLoad(b, embeddedOpener, insertN(1000), 2, true)
		})
	})
	b.Run("server", func(b *testing.B) {
		open := serverOpener(b)
		b.Run("insert-1000", func(b *testing.B) {
			runLoad(b, open, insertN(1000), 1, false)
		})
		b.Run("loaddata-local-hex", func(b *testing.B) {
			runLoad(b, open, serverLoadData, 1, false)
		})
		b.Run("2tables-seq-insert-1000", func(b *testing.B) {
			runLoad(b, open, insertN(1000), 2, false)
		})
		b.Run("2tables-par-insert-1000", func(b *testing.B) {
			runLoad(b, open, insertN(1000), 2, true)
		})
		b.Run("2tables-seq-loaddata-local-hex", func(b *testing.B) {
			runLoad(b, open, serverLoadData, 2, false)
		})
		b.Run("2tables-par-loaddata-local-hex", func(b *testing.B) {
			runLoad(b, open, serverLoadData, 2, true)
		})
	})
}

// BenchmarkTxSize measures what the size of the SQL transaction costs in
// memory and time on the embedded target: PGCOPY_BENCH_TX_ROWS rows
// (default 1,000,000, pgbench scale 10's accounts) through 1,000-row INSERTs,
// in one transaction (what pgcopy does per COPY block) vs. a COMMIT every
// 100,000 or 10,000 rows, vs. a COMMIT and CALL DOLT_GC() every 250,000 rows.
// Run it with -bench TxSize.
func BenchmarkTxSize(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("PGCOPY_BENCH_TX_ROWS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("PGCOPY_BENCH_TX_ROWS=%q is not a positive integer", s)
		}
	}
	for _, c := range []struct {
		name string
		load loadFunc
	}{
		{"embedded/one-tx", insertN(1000)},
		{"embedded/commit-every-100k", insertCommitEvery(1000, 100_000)},
		{"embedded/commit-every-10k", insertCommitEvery(1000, 10_000)},
		{"embedded/commit-gc-every-250k", insertCommitGC(1000, 250_000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			runLoadN(b, embeddedOpener, c.load, n, 1, false)
		})
	}
}
