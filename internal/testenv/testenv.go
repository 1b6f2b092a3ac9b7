package testenv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func init() {
	if !testing.Testing() {
		panic("github.com/pgcopy/pgcopy/internal/testenv is for tests only; import it from _test.go files")
	}
}

// Environment variables set by ./scripts/test.sh and read by this package.
const (
	// EnvPGURL holds the URL of the throwaway cluster's "postgres" database.
	EnvPGURL = "PGCOPY_TEST_PGURL"
	// EnvPGBin holds the PostgreSQL bin directory (psql, pg_dump, pg_restore, pgbench).
	EnvPGBin = "PGCOPY_TEST_PGBIN"
	// EnvDolt holds the absolute path of the dolt CLI built from the version pinned in go.mod.
	EnvDolt = "PGCOPY_TEST_DOLT"
)

// NullMarker is what Query returns for SQL NULL values.
const NullMarker = `\N`

const runScript = "run the tests with ./scripts/test.sh, which starts PostgreSQL, builds dolt and sets it"

// pgTimeout bounds every single connection attempt or statement made by the
// pgx-based helpers, so a wedged server fails the test instead of hanging it.
const pgTimeout = 2 * time.Minute

// PG describes the throwaway PostgreSQL cluster started by scripts/test.sh.
type PG struct {
	// URL connects to the cluster's "postgres" database as a superuser.
	URL string
	// BinDir is the directory of psql, pg_dump, pg_restore, pgbench, ...
	BinDir string
}

var (
	pingOnce sync.Once
	pingErr  error
)

// Postgres returns the cluster started by ./scripts/test.sh, failing the test
// if the environment variables are unset or the server does not answer. The
// server is pinged once per test process.
func Postgres(t testing.TB) *PG {
	t.Helper()
	pg := &PG{URL: os.Getenv(EnvPGURL), BinDir: os.Getenv(EnvPGBin)}
	if pg.URL == "" {
		t.Fatalf("testenv: %s is not set; %s", EnvPGURL, runScript)
	}
	if pg.BinDir == "" {
		t.Fatalf("testenv: %s is not set; %s", EnvPGBin, runScript)
	}
	if _, err := os.Stat(filepath.Join(pg.BinDir, "psql")); err != nil {
		t.Fatalf("testenv: %s=%s has no psql (%v); %s", EnvPGBin, pg.BinDir, err, runScript)
	}
	pingOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, pg.URL)
		if err != nil {
			pingErr = err
			return
		}
		defer conn.Close(context.Background())
		pingErr = conn.Ping(ctx)
	})
	if pingErr != nil {
		t.Fatalf("testenv: PostgreSQL at %s does not answer: %v; is the cluster of ./scripts/test.sh still running? %s",
			pg.URL, pingErr, runScript)
	}
	return pg
}

// connect opens a pgx connection to dbURL, failing the test on error.
func connect(t testing.TB, dbURL string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), pgTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("testenv: connect to %s: %v", dbURL, err)
	}
	return conn
}

// CreateDB creates a uniquely named, empty database (template0, UTF8) and
// registers a cleanup that drops it, even if sessions are still connected.
// The name is "t_" plus the sanitized test name plus a random suffix, at most
// 63 bytes. It returns the database name and a URL connecting to it.
func (pg *PG) CreateDB(t testing.TB) (name, dbURL string) {
	t.Helper()
	name = uniqueDBName(t.Name())
	conn := connect(t, pg.URL)
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), pgTimeout)
	defer cancel()
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), pgTimeout)
		defer cancel()
		conn, err := pgx.Connect(ctx, pg.URL)
		if err != nil {
			t.Errorf("testenv: drop database %s: connect: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
			t.Errorf("testenv: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(pg.URL)
	if err != nil {
		t.Fatalf("testenv: %s=%q is not a URL: %v", EnvPGURL, pg.URL, err)
	}
	u.Path = "/" + name
	u.RawPath = ""
	return name, u.String()
}

// uniqueDBName derives a PostgreSQL database name (at most 63 bytes, only
// [a-z0-9_]) from a test name, with a random suffix.
func uniqueDBName(testName string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	suffix := "_" + hex.EncodeToString(rnd[:])
	const prefix, maxLen = "t_", 63
	body := b.String()
	if limit := maxLen - len(prefix) - len(suffix); len(body) > limit {
		body = body[:limit]
	}
	return prefix + body + suffix
}

// pgCommand builds an exec.Cmd for a PostgreSQL client program from BinDir.
// PGOPTIONS and friends from the caller's environment are passed through, but
// PGDATABASE/PGSERVICE cannot redirect it: the URL is always explicit.
func (pg *PG) pgCommand(prog string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(pg.BinDir, prog), args...)
	cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=30")
	return cmd
}

// runCmd runs cmd and returns its stdout; on failure it fails the test with
// the command line, exit status and stderr.
func runCmd(t testing.TB, what string, cmd *exec.Cmd) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("testenv: %s failed: %v\ncommand: %s\nstderr:\n%s", what, err, strings.Join(cmd.Args, " "), stderr.String())
	}
	return stdout.String()
}

// Psql runs the SQL file sqlFile with psql against dbURL, stopping at the
// first error (ON_ERROR_STOP) and ignoring ~/.psqlrc. It fails the test with
// psql's stderr on error.
func (pg *PG) Psql(t testing.TB, dbURL string, sqlFile string) {
	t.Helper()
	cmd := pg.pgCommand("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbURL, "-f", sqlFile)
	runCmd(t, "psql -f "+sqlFile, cmd)
}

// Exec runs sql, which may hold several ';'-separated statements (it is sent
// with the simple query protocol, as one implicit transaction), against dbURL.
// It fails the test on error.
func (pg *PG) Exec(t testing.TB, dbURL string, sql string) {
	t.Helper()
	conn := connect(t, dbURL)
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), pgTimeout)
	defer cancel()
	if _, err := conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatalf("testenv: exec on %s: %v\nSQL:\n%s", dbURL, err, sql)
	}
}

// Query runs one query against dbURL and returns every row with each value in
// PostgreSQL's text output format (as psql would print it); SQL NULL becomes
// NullMarker (`\N`). It fails the test on error.
func (pg *PG) Query(t testing.TB, dbURL, sql string) [][]string {
	t.Helper()
	conn := connect(t, dbURL)
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), pgTimeout)
	defer cancel()
	// The simple protocol makes the server return every column as text.
	rows, err := conn.Query(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		t.Fatalf("testenv: query on %s: %v\nSQL:\n%s", dbURL, err, sql)
	}
	defer rows.Close()
	out := [][]string{}
	for rows.Next() {
		raw := rows.RawValues()
		row := make([]string, len(raw))
		for i, v := range raw {
			if v == nil {
				row[i] = NullMarker
			} else {
				row[i] = string(v)
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("testenv: query on %s: %v\nSQL:\n%s", dbURL, err, sql)
	}
	return out
}

// Dump runs `pg_dump -f outFile [args...] dbURL` and fails the test with
// pg_dump's stderr on error. args may select the format (e.g. "-Fc"), tables, etc.
func (pg *PG) Dump(t testing.TB, dbURL string, outFile string, args ...string) {
	t.Helper()
	full := append([]string{"-f", outFile}, args...)
	full = append(full, dbURL)
	runCmd(t, "pg_dump", pg.pgCommand("pg_dump", full...))
}

// DoltBin returns the path of the dolt CLI built by ./scripts/test.sh
// (PGCOPY_TEST_DOLT), failing the test if it is unset or not executable.
func DoltBin(t testing.TB) string {
	t.Helper()
	p := os.Getenv(EnvDolt)
	if p == "" {
		t.Fatalf("testenv: %s is not set; %s", EnvDolt, runScript)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatalf("testenv: %s=%s: %v; %s", EnvDolt, p, err, runScript)
	}
	if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		t.Fatalf("testenv: %s=%s is not an executable file; %s", EnvDolt, p, runScript)
	}
	return p
}

var (
	doltRootOnce sync.Once
	doltRoot     string
	doltRootErr  error
)

// DoltEnv returns the environment for running the dolt CLI: os.Environ() plus
// DOLT_ROOT_PATH pointing at a private directory (one per test process) whose
// global config sets user.name, user.email, metrics.disabled and
// versioncheck.disabled, plus DOLT_DISABLE_EVENT_FLUSH=1. So dolt never asks
// for an identity, never touches the real ~/.dolt and never phones home.
func DoltEnv(t testing.TB) []string {
	t.Helper()
	bin := DoltBin(t)
	doltRootOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pgcopy-dolt-root-")
		if err != nil {
			doltRootErr = err
			return
		}
		env := doltEnv(dir)
		for _, kv := range [][2]string{
			{"user.name", "pgcopy test"},
			{"user.email", "pgcopy-test@example.invalid"},
			{"metrics.disabled", "true"},
			{"versioncheck.disabled", "true"},
		} {
			cmd := exec.Command(bin, "config", "--global", "--add", kv[0], kv[1])
			cmd.Env = env
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				doltRootErr = fmt.Errorf("dolt config --global --add %s: %v\n%s", kv[0], err, out)
				return
			}
		}
		doltRoot = dir
	})
	if doltRootErr != nil {
		t.Fatalf("testenv: preparing DOLT_ROOT_PATH: %v", doltRootErr)
	}
	return doltEnv(doltRoot)
}

// doltEnv is os.Environ() with DOLT_ROOT_PATH=root and DOLT_DISABLE_EVENT_FLUSH=1.
func doltEnv(root string) []string {
	env := make([]string, 0, len(os.Environ())+2)
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "DOLT_ROOT_PATH=") || strings.HasPrefix(kv, "DOLT_DISABLE_EVENT_FLUSH=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "DOLT_ROOT_PATH="+root, "DOLT_DISABLE_EVENT_FLUSH=1")
}

// Dolt runs the dolt CLI with args in dir (with DoltEnv) and returns its
// stdout. It fails the test with dolt's stderr on error.
func Dolt(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(DoltBin(t), args...)
	cmd.Dir = dir
	cmd.Env = DoltEnv(t)
	return runCmd(t, "dolt "+strings.Join(args, " "), cmd)
}

// DoltQuery runs `dolt sql -r csv -q query` in dir (a dolt database
// directory) and returns the result rows without the header row. Values are
// dolt's CSV rendering; note that in it SQL NULL and the empty string both
// come out as "". It fails the test on error.
func DoltQuery(t testing.TB, dir, query string) [][]string {
	t.Helper()
	out := Dolt(t, dir, "sql", "-r", "csv", "-q", query)
	r := csv.NewReader(strings.NewReader(out))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("testenv: parse CSV output of dolt sql -q %q: %v\noutput:\n%s", query, err, out)
	}
	if len(recs) == 0 {
		return [][]string{}
	}
	return recs[1:]
}

// SyncBuffer is a bytes.Buffer safe for concurrent writes and reads: a
// child process's stdout and stderr, read by the test while it runs.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// DoltServer starts `dolt sql-server` on a free 127.0.0.1 port with dir as
// its working directory and returns a go-sql-driver/mysql DSN prefix,
// "root@tcp(127.0.0.1:PORT)/", to which the caller appends a database name.
//
// dir is either a dolt database directory (it holds .dolt; the server then
// serves that one database, named exactly like the directory's base name) or
// a directory whose subdirectories are dolt databases (each is served under
// its directory name, verbatim: "my-db" stays "my-db"). The server may create
// a .doltcfg directory in dir.
//
// DoltServer waits until the port accepts connections (at most 60s) and fails
// the test with the server's log otherwise. A cleanup stops the server
// (SIGTERM, then SIGKILL after 10s).
func DoltServer(t testing.TB, dir string) (dsn string) {
	t.Helper()
	return doltServer(t, dir, nil)
}

// DoltServerConfig is DoltServer with a YAML configuration (dolt
// sql-server --config; Dolt then ignores every other command-line
// argument): config returns the file's text for the chosen port, and must
// set listener.host to 127.0.0.1 and listener.port to port. Use it for
// listener settings such as tls_key, tls_cert and require_secure_transport
// (Dolt docs, "Server Configuration"). The file is written to a temporary
// directory, not to dir.
func DoltServerConfig(t testing.TB, dir string, config func(port int) string) (dsn string) {
	t.Helper()
	return doltServer(t, dir, config)
}

func doltServer(t testing.TB, dir string, config func(port int) string) (dsn string) {
	t.Helper()
	bin := DoltBin(t)
	env := DoltEnv(t)
	const attempts = 3
	for attempt := 1; ; attempt++ {
		port := FreePort(t)
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		log := &SyncBuffer{}
		cmd := exec.Command(bin, "sql-server", "-H", "127.0.0.1", "-P", strconv.Itoa(port))
		if config != nil {
			cfg := WriteFile(t, t.TempDir(), "config.yaml", []byte(config(port)))
			cmd = exec.Command(bin, "sql-server", "--config", cfg)
		}
		cmd.Dir = dir
		cmd.Env = env
		cmd.Stdout = log
		cmd.Stderr = log
		if err := cmd.Start(); err != nil {
			t.Fatalf("testenv: start dolt sql-server: %v", err)
		}
		exited := make(chan struct{})
		var waitErr error
		go func() {
			waitErr = cmd.Wait()
			close(exited)
		}()
		stop := func() {
			select {
			case <-exited:
				return
			default:
			}
			_ = cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
			}
		}

		err := waitListening(addr, exited, 60*time.Second)
		if err == nil {
			t.Cleanup(stop)
			return "root@tcp(" + addr + ")/"
		}
		stop()
		if errors.Is(err, errExited) && attempt < attempts && strings.Contains(log.String(), "address already in use") {
			continue // lost a race for the port
		}
		if errors.Is(err, errExited) {
			err = fmt.Errorf("%w (%v)", err, waitErr)
		}
		t.Fatalf("testenv: dolt sql-server in %s on %s: %v\nserver log:\n%s", dir, addr, err, log.String())
	}
}

var errExited = errors.New("server exited before accepting connections")

// waitListening polls addr until a TCP connect succeeds, exited is closed, or
// timeout elapses.
func waitListening(addr string, exited <-chan struct{}, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case <-exited:
			return errExited
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not accepting connections after %v", timeout)
		}
	}
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("testenv: find a free TCP port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// RepoRoot returns the repository root: the nearest directory at or above the
// test's working directory that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("testenv: getwd: %v", err)
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("testenv: no go.mod at or above %s; run the tests from inside the repository", wd)
		}
		dir = parent
	}
}

// Testdata returns filepath.Join(RepoRoot, "testdata", rel), failing the test
// if it does not exist.
func Testdata(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "testdata", rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("testenv: testdata %s: %v", rel, err)
	}
	return p
}

// WriteFile writes data to dir/name and returns the path; a failure fails t.
func WriteFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ReplicationURL returns dbURL with replication=database added: a walsender
// connection to the same database, on which the replication protocol's
// commands (IDENTIFY_SYSTEM, CREATE_REPLICATION_SLOT, START_REPLICATION) run.
// See "Streaming Replication Protocol" in the PostgreSQL manual (55.4).
func ReplicationURL(t testing.TB, dbURL string) string {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatalf("testenv: %q is not a URL: %v", dbURL, err)
	}
	q := u.Query()
	q.Set("replication", "database")
	u.RawQuery = q.Encode()
	return u.String()
}
