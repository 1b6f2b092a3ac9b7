package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// LiveOptions configures a live source.
type LiveOptions struct {
	// PgDump is the pg_dump program. When empty, the pg_dump on PATH is
	// used if it is at least as new as the server, else the newest suitable
	// one in the usual versioned install directories (/usr/lib/postgresql/N/bin,
	// /usr/pgsql-N/bin, Homebrew's postgresql@N).
	PgDump string
	// Tables, ExcludeTables and Schemas are passed to pg_dump as --table,
	// --exclude-table and --schema patterns (pg_dump's own pattern rules),
	// with --strict-names: each --table and --schema pattern must match.
	Tables, ExcludeTables, Schemas []string
	// Snapshot, when set, is an exported snapshot to read instead of
	// exporting one: the transaction imports it with SET TRANSACTION
	// SNAPSHOT (manual §9.27.5), so pg_dump and Tx see exactly its data.
	// `pgcopy follow` passes the one CREATE_REPLICATION_SLOT ...
	// EXPORT_SNAPSHOT made, which must stay exported (its replication
	// connection open and idle) until Close.
	Snapshot string
}

// Live is a PostgreSQL server read on one snapshot. [OpenLive] opens a
// REPEATABLE READ, READ ONLY transaction, exports its snapshot with
// pg_export_snapshot() (PostgreSQL manual §9.27.5, "Snapshot
// Synchronization Functions") and keeps the transaction open until Close.
// Every Open runs `pg_dump --snapshot=ID` (manual, "pg_dump") and streams
// its plain-format output; each run sees exactly the data of that snapshot,
// whatever is written to the server meanwhile. No temporary file is made.
//
// The password never reaches pg_dump's command line, the Name, the Meta or
// an error message: pg_dump gets it through PGPASSWORD.
type Live struct {
	ctx     context.Context
	conn    *pgx.Conn
	tx      pgx.Tx
	meta    Meta
	pgDump  string
	dumpVer string // pg_dump --version's first line
	dbArg   string // --dbname for pg_dump: the conninfo without the password
	env     []string
	filters []string
	scrub   scrubber
}

var _ Input = (*Live)(nil)

// OpenLive connects to the server named by connString (a postgres:// URL or
// a libpq key=value string; PG* environment variables fill in what it
// leaves out, as in libpq), opens the snapshot transaction and checks that
// pg_dump can dump the server. ctx bounds the whole run: pg_dump is killed
// when it ends.
//
// Errors: a connection string that does not parse, a server that cannot be
// reached, a pg_dump that is missing or older than the server (pg_dump
// refuses to dump a newer server). Error texts never hold the password.
func OpenLive(ctx context.Context, connString string, opts LiveOptions) (*Live, error) {
	ci, err := parseConninfo(connString)
	if err != nil {
		return nil, &diag.Error{Err: newScrubber(connString).Error(err),
			Hint: "give --source a postgres://USER@HOST:PORT/DB URL or a libpq string such as \"host=HOST dbname=DB user=USER\""}
	}
	scrub := newScrubber(ci.get("password"), ci.get("sslpassword"))
	if pool := ci.without("pool_"); pool != nil {
		// pgxpool settings in a DATABASE_URL mean nothing to one
		// connection (pgx would send them to the server as settings).
		connString = pool.render()
	}
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return nil, &diag.Error{Err: scrub.Error(err),
			Hint: "give --source a postgres://USER@HOST:PORT/DB URL or a libpq string such as \"host=HOST dbname=DB user=USER\""}
	}
	scrub = newScrubber(ci.get("password"), ci.get("sslpassword"), cfg.Password)
	display := cfg.Host + ":" + strconv.Itoa(int(cfg.Port)) + "/" + cfg.Database
	l := &Live{ctx: ctx, scrub: scrub}
	l.meta.Source = display

	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, &diag.Error{Err: fmt.Errorf("connect to PostgreSQL at %s: %w", display, scrub.Error(err)),
			Hint: "check --source (or DATABASE_URL, PGHOST, PGPORT, PGUSER, PGDATABASE); put the password in PGPASSWORD or ~/.pgpass rather than on the command line"}
	}
	l.conn = conn
	fail := func(err error) (*Live, error) {
		l.Close()
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fail(fmt.Errorf("begin the snapshot transaction on %s: %w", display, scrub.Error(err)))
	}
	l.tx = tx
	if opts.Snapshot != "" {
		// must be the transaction's first statement
		if _, err := tx.Exec(ctx, "SET TRANSACTION SNAPSHOT '"+strings.ReplaceAll(opts.Snapshot, "'", "''")+"'"); err != nil {
			return fail(&diag.Error{Err: fmt.Errorf("import snapshot %s on %s: %w", opts.Snapshot, display, scrub.Error(err)),
				Hint: "the exported snapshot ended (its replication connection closed); rerun"})
		}
	}
	// The snapshot lives as long as this transaction: a server-side idle
	// timeout must not end it between the two passes.
	if _, err := tx.Exec(ctx, "SET LOCAL idle_in_transaction_session_timeout = 0"); err != nil {
		return fail(fmt.Errorf("prepare the snapshot transaction on %s: %w", display, scrub.Error(err)))
	}
	var versionNum int
	export := "pg_export_snapshot()"
	if opts.Snapshot != "" {
		export = "'" + strings.ReplaceAll(opts.Snapshot, "'", "''") + "'"
	}
	err = tx.QueryRow(ctx, `SELECT `+export+`, now(), current_setting('server_version'),
		current_setting('server_version_num')::int`).Scan(&l.meta.Snapshot, &l.meta.SnapshotTime, &l.meta.ServerVersion, &versionNum)
	if err != nil {
		return fail(&diag.Error{Err: fmt.Errorf("export a snapshot on %s: %w", display, scrub.Error(err)),
			Hint: "pg_export_snapshot() needs PostgreSQL 9.2 or newer"})
	}
	l.meta.SnapshotTime = l.meta.SnapshotTime.UTC()
	server := majorFromNum(versionNum)

	l.pgDump, l.dumpVer, err = findPgDump(ctx, opts.PgDump, server, l.meta.ServerVersion)
	if err != nil {
		return fail(err)
	}

	// pg_dump connects with the same settings, minus the password, and
	// with the host, port, user and database pgx resolved (so libpq's own
	// defaults cannot point it at another server).
	for k, v := range map[string]string{"host": cfg.Host, "port": strconv.Itoa(int(cfg.Port)), "user": cfg.User, "dbname": cfg.Database} {
		if ci.get(k) == "" && v != "" && !(k == "port" && v == "0") {
			ci.set(k, v)
		}
	}
	l.dbArg, _ = ci.forPgDump()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PGPASSWORD=") {
			l.env = append(l.env, kv)
		}
	}
	if cfg.Password != "" {
		l.env = append(l.env, "PGPASSWORD="+cfg.Password)
	} else if p, ok := os.LookupEnv("PGPASSWORD"); ok {
		l.env = append(l.env, "PGPASSWORD="+p)
	}
	for _, t := range opts.Tables {
		l.filters = append(l.filters, "--table="+t)
	}
	for _, t := range opts.ExcludeTables {
		l.filters = append(l.filters, "--exclude-table="+t)
	}
	for _, s := range opts.Schemas {
		l.filters = append(l.filters, "--schema="+s)
	}
	if len(opts.Tables) > 0 || len(opts.Schemas) > 0 {
		// a pattern that matches nothing is a mistake, not an empty copy
		l.filters = append(l.filters, "--strict-names")
	}

	if err := pauseAfterSnapshot(ctx); err != nil {
		return fail(err)
	}
	return l, nil
}

// findPgDump picks the pg_dump to run and checks it can dump a server of
// major version server.
func findPgDump(ctx context.Context, explicit string, server pgVersion, serverVersion string) (string, string, error) {
	hint := fmt.Sprintf("install pg_dump %s or newer (it dumps older servers too; on Debian/Ubuntu: apt-get install postgresql-client-%s) and pass it with --pg-dump PATH", server, server)
	if explicit != "" {
		v, line, err := toolVersion(ctx, explicit)
		if err != nil {
			return "", "", &diag.Error{Err: fmt.Errorf("pg_dump: %w", err), Hint: "give --pg-dump the path of a working pg_dump program"}
		}
		if v < server {
			return "", "", &diag.Error{Err: fmt.Errorf("%s is %s, older than the server (PostgreSQL %s); pg_dump cannot dump a newer server", explicit, line, serverVersion), Hint: hint}
		}
		return explicit, line, nil
	}
	cands := toolCandidates("pg_dump")
	if len(cands) == 0 {
		return "", "", &diag.Error{Err: errors.New("pg_dump was not found on PATH"), Hint: hint}
	}
	var seen []string
	for _, c := range cands {
		v, line, err := toolVersion(ctx, c)
		if err != nil {
			seen = append(seen, c+" (does not run)")
			continue
		}
		if v >= server {
			return c, line, nil
		}
		seen = append(seen, c+" ("+v.String()+")")
	}
	return "", "", &diag.Error{Err: fmt.Errorf("no pg_dump found is as new as the server (PostgreSQL %s): found %s", serverVersion, strings.Join(seen, ", ")), Hint: hint}
}

// Name is "HOST:PORT/DATABASE"; it never holds the password.
func (l *Live) Name() string { return l.meta.Source }

// Meta returns the source (host:port/database), the server version, the
// snapshot id and the time the snapshot's transaction started.
func (l *Live) Meta() Meta { return l.meta }

// Tx is the snapshot transaction: queries on it see exactly the data that
// pg_dump dumps. It stays open until Close; do not commit or roll it back.
func (l *Live) Tx() pgx.Tx { return l.tx }

// PgDump returns the pg_dump program used and its version line.
func (l *Live) PgDump() (path, version string) { return l.pgDump, l.dumpVer }

// Open runs `pg_dump --format=plain --no-owner --no-privileges
// --snapshot=ID` with the table filters and streams its output. The size
// is unknown (0). Reading to the end waits for pg_dump and returns its
// failure, if any, as an error.
func (l *Live) Open() (io.ReadCloser, int64, error) {
	rc, err := l.dump()
	return rc, 0, err
}

// SchemaDump runs pg_dump like Open but with --schema-only: the table
// definitions of the snapshot, without data.
func (l *Live) SchemaDump() (io.ReadCloser, error) {
	return l.dump("--schema-only")
}

func (l *Live) dump(extra ...string) (io.ReadCloser, error) {
	if l.tx == nil {
		return nil, errors.New("live source is closed")
	}
	args := []string{"--format=plain", "--no-owner", "--no-privileges", "--snapshot=" + l.meta.Snapshot}
	args = append(args, extra...)
	args = append(args, l.filters...)
	if l.dbArg != "" {
		args = append(args, "--dbname="+l.dbArg)
	}
	cmd := exec.CommandContext(l.ctx, l.pgDump, args...)
	cmd.Env = l.env
	return startCmd(cmd, "pg_dump", l.scrub, pgDumpHint)
}

// pgDumpHint says what to do about a failed pg_dump, from its stderr.
func pgDumpHint(stderr string) string {
	switch {
	case strings.Contains(stderr, "invalid snapshot identifier"):
		return "pg_dump reached another server than pgcopy's own connection (a connection string with several hosts, or a load balancer); give --source one host"
	case strings.Contains(stderr, "server version mismatch"):
		return "install a pg_dump at least as new as the server and pass it with --pg-dump"
	case strings.Contains(stderr, "password authentication failed"), strings.Contains(stderr, "no password supplied"):
		return "pg_dump gets the password through PGPASSWORD; check the password in --source, PGPASSWORD or ~/.pgpass"
	case strings.Contains(stderr, "no matching tables were found"), strings.Contains(stderr, "no matching schemas were found"):
		return "a --table or --schema pattern matched nothing; patterns follow pg_dump's rules (e.g. 'public.film*')"
	case strings.Contains(stderr, "permission denied"):
		return "the user of --source needs SELECT on every table it dumps; narrow the copy with --table/--schema or grant access"
	}
	return "run pg_dump yourself with the same connection settings to see what it needs"
}

// Close ends the snapshot transaction and the connection. Readers from Open
// should be closed first.
func (l *Live) Close() error {
	var errs []error
	if l.tx != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		errs = append(errs, l.scrub.Error(l.tx.Rollback(ctx)))
		cancel()
		l.tx = nil
	}
	if l.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		errs = append(errs, l.scrub.Error(l.conn.Close(ctx)))
		cancel()
		l.conn = nil
	}
	err := errors.Join(errs...)
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}
