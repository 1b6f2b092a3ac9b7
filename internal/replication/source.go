package replication

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pglogrepl"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// Plugin is the logical decoding output plugin pgcopy uses: pgoutput, the
// one built into PostgreSQL 10 and later (the one subscriptions use).
const Plugin = "pgoutput"

// Table names a PostgreSQL table.
type Table struct{ Schema, Name string }

// String returns "schema.name", unquoted (for messages).
func (t Table) String() string { return t.Schema + "." + t.Name }

// sanitize returns the table quoted for SQL.
func (t Table) sanitize() string { return pgx.Identifier{t.Schema, t.Name}.Sanitize() }

// Source is a PostgreSQL server to follow. It holds one ordinary connection
// for the catalog checks and the publication; each [Source.CreateSlot] and
// [Source.Stream] opens a replication connection of its own.
type Source struct {
	sql     *pgx.Conn
	repl    *pgconn.Config // the replication connections' settings
	display string         // host:port/database, never the password
	secrets []string
}

// Open connects to the server named by connString (a postgres:// URL or a
// libpq key=value string; PG* variables fill in what it leaves out).
//
// Errors: a connection string that does not parse or a server that cannot
// be reached, as a [diag.Error] without the password.
func Open(ctx context.Context, connString string) (*Source, error) {
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return nil, &diag.Error{Err: scrub(err, connString),
			Hint: "give --source a postgres://USER@HOST:PORT/DB URL or a libpq string such as \"host=HOST dbname=DB user=USER\""}
	}
	repl, err := pgconn.ParseConfig(connString)
	if err != nil {
		return nil, &diag.Error{Err: scrub(err, connString)}
	}
	repl.RuntimeParams["replication"] = "database"
	if repl.RuntimeParams["application_name"] == "" {
		repl.RuntimeParams["application_name"] = "pgcopy follow"
	}
	s := &Source{
		repl:    repl,
		display: cfg.Host + ":" + strconv.Itoa(int(cfg.Port)) + "/" + cfg.Database,
		secrets: []string{cfg.Password},
	}
	s.sql, err = pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, &diag.Error{Err: fmt.Errorf("connect to PostgreSQL at %s: %w", s.display, s.scrub(err)),
			Hint: "check --source (or DATABASE_URL, PGHOST, PGPORT, PGUSER, PGDATABASE); put the password in PGPASSWORD or ~/.pgpass rather than on the command line"}
	}
	return s, nil
}

// Display is the server as "host:port/database" (no password).
func (s *Source) Display() string { return s.display }

// Conn is the ordinary (non-replication) connection, for the caller's own
// catalog queries. It must not be closed by the caller.
func (s *Source) Conn() *pgx.Conn { return s.sql }

// Close closes the ordinary connection. Snapshots and streams are closed by
// their own Close.
func (s *Source) Close() error {
	if s.sql == nil {
		return nil
	}
	err := s.sql.Close(context.Background())
	s.sql = nil
	return err
}

// scrub removes the password from err's text.
func (s *Source) scrub(err error) error { return scrub(err, s.secrets...) }

func scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	changed := false
	for _, p := range secrets {
		if p != "" && strings.Contains(msg, p) {
			msg = strings.ReplaceAll(msg, p, "********")
			changed = true
		}
	}
	if !changed {
		return err
	}
	return &scrubbed{msg: msg, err: err}
}

type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }

var namePattern = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// checkName checks a slot or publication name: PostgreSQL allows only
// lower-case letters, digits and underscores in slot names (at most 63
// bytes); pgcopy holds publication names to the same rule so that neither
// ever needs quoting.
func checkName(what, flag, name string) error {
	if namePattern.MatchString(name) {
		return nil
	}
	return &diag.Error{Err: fmt.Errorf("%q is not a valid %s name", name, what),
		Hint: fmt.Sprintf("give %s a name of lower-case letters, digits and underscores, at most 63 bytes, not starting with a digit", flag)}
}

// Check verifies that the server can be followed and that each table has a
// replica identity a follower can use. It reads only the catalogs.
//
// Errors ([diag.Error], each with a hint that says what to change):
//   - wal_level is not logical (the setting needs a server restart);
//   - max_replication_slots or max_wal_senders is 0;
//   - the role is neither a superuser nor has the REPLICATION attribute;
//   - a table is missing, or has no primary key and REPLICA IDENTITY
//     DEFAULT, or has REPLICA IDENTITY NOTHING: PostgreSQL then sends its
//     UPDATEs and DELETEs without anything that finds the row, and, once the
//     table is in a publication that publishes them, refuses the
//     application's UPDATEs and DELETEs on it. The hint gives the
//     `ALTER TABLE ... REPLICA IDENTITY FULL` to run.
func (s *Source) Check(ctx context.Context, tables []Table) error {
	var walLevel string
	var slots, senders int
	var super, repl bool
	var version int
	err := s.sql.QueryRow(ctx, `SELECT current_setting('wal_level'), current_setting('max_replication_slots')::int,
		current_setting('max_wal_senders')::int, r.rolsuper, r.rolreplication, current_setting('server_version_num')::int
		FROM pg_roles r WHERE r.rolname = current_user`).Scan(&walLevel, &slots, &senders, &super, &repl, &version)
	if err != nil {
		return fmt.Errorf("read the replication settings of %s: %w", s.display, s.scrub(err))
	}
	if version < 100000 {
		return &diag.Error{Err: fmt.Errorf("PostgreSQL at %s is version %d; logical replication with pgoutput needs PostgreSQL 10 or newer", s.display, version/10000),
			Hint: "upgrade the server, or use `pgcopy copy --source` for one snapshot"}
	}
	if walLevel != "logical" {
		return &diag.Error{Err: fmt.Errorf("PostgreSQL at %s has wal_level = %s; logical replication needs wal_level = logical", s.display, walLevel),
			Hint: "set wal_level = logical (ALTER SYSTEM SET wal_level = logical, or in postgresql.conf) and restart the server; on Amazon RDS or Aurora set rds.logical_replication = 1 in the parameter group and reboot"}
	}
	if slots == 0 || senders == 0 {
		return &diag.Error{Err: fmt.Errorf("PostgreSQL at %s has max_replication_slots = %d and max_wal_senders = %d; following needs at least one of each", s.display, slots, senders),
			Hint: "raise max_replication_slots and max_wal_senders (ALTER SYSTEM SET ..., e.g. to 10) and restart the server"}
	}
	if !super && !repl {
		var user string
		_ = s.sql.QueryRow(ctx, "SELECT current_user").Scan(&user)
		return &diag.Error{Err: fmt.Errorf("role %s on %s may not open replication connections", user, s.display),
			Hint: fmt.Sprintf("ALTER ROLE %s REPLICATION; (as a superuser), or connect as a role that has it", pgx.Identifier{user}.Sanitize())}
	}
	return s.checkReplicaIdentity(ctx, tables)
}

func (s *Source) checkReplicaIdentity(ctx context.Context, tables []Table) error {
	if len(tables) == 0 {
		return nil
	}
	schemas, names := splitTables(tables)
	rows, err := s.sql.Query(ctx, `SELECT t.ord, c.relreplident::text, c.relkind::text,
			EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary),
			EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident)
		FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(nsp, rel, ord)
		LEFT JOIN pg_namespace n ON n.nspname = t.nsp
		LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.rel
		ORDER BY t.ord`, schemas, names)
	if err != nil {
		return fmt.Errorf("read the replica identity of the tables on %s: %w", s.display, s.scrub(err))
	}
	defer rows.Close()
	for rows.Next() {
		var ord int
		var ident, kind *string
		var pk, riIndex *bool
		if err := rows.Scan(&ord, &ident, &kind, &pk, &riIndex); err != nil {
			return err
		}
		t := tables[ord-1]
		if ident == nil {
			return &diag.Error{Table: t.String(), Err: fmt.Errorf("no such table on %s", s.display),
				Hint: "check the table selection (--table, --schema)"}
		}
		if *kind != "r" && *kind != "p" {
			return &diag.Error{Table: t.String(), Err: fmt.Errorf("is not a table (relkind %s); logical replication publishes only tables", *kind),
				Hint: "leave it out of the selection (--exclude-table)"}
		}
		fix := fmt.Sprintf("ALTER TABLE %s REPLICA IDENTITY FULL;", t.sanitize())
		switch *ident {
		case "f":
		case "i":
			if !*riIndex {
				return &diag.Error{Table: t.String(), Err: errors.New("has REPLICA IDENTITY USING INDEX but the index is gone"),
					Hint: "run " + fix + " (or add a primary key) on the source"}
			}
		case "d":
			if !*pk {
				return &diag.Error{Table: t.String(),
					Err:  errors.New("has no primary key and REPLICA IDENTITY DEFAULT: PostgreSQL would send its UPDATEs and DELETEs without a way to find the row (and, once published, refuse them)"),
					Hint: "run " + fix + " on the source (every column identifies the row), or add a primary key"}
			}
		case "n":
			return &diag.Error{Table: t.String(),
				Err:  errors.New("has REPLICA IDENTITY NOTHING: PostgreSQL would send its UPDATEs and DELETEs without a way to find the row (and, once published, refuse them)"),
				Hint: "run " + fix + " on the source, or ALTER TABLE ... REPLICA IDENTITY DEFAULT when it has a primary key"}
		}
	}
	return rows.Err()
}

func splitTables(tables []Table) (schemas, names []string) {
	for _, t := range tables {
		schemas = append(schemas, t.Schema)
		names = append(names, t.Name)
	}
	return schemas, names
}

// UserTables lists the ordinary and partitioned tables outside the system
// schemas (pg_catalog, information_schema, pg_toast, temporary schemas) that
// are not partitions, ordered by schema and name.
func (s *Source) UserTables(ctx context.Context) ([]Table, error) {
	rows, err := s.sql.Query(ctx, `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
		  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("list the tables on %s: %w", s.display, s.scrub(err))
	}
	defer rows.Close()
	var out []Table
	for rows.Next() {
		var t Table
		if err := rows.Scan(&t.Schema, &t.Name); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// PublicationResult says what EnsurePublication did.
type PublicationResult struct {
	Created bool    // the publication did not exist and was created
	Added   []Table // tables added to an existing publication
	Extra   []Table // tables in the publication that were not asked for
}

// EnsurePublication creates the publication name FOR TABLE tables (publishing
// insert, update, delete and truncate, with publish_via_partition_root, so a
// partitioned table's changes arrive under its own name), or reuses an
// existing one and adds the tables it lacks.
//
// Errors: an invalid name; an existing publication FOR ALL TABLES is fine,
// one that does not publish all four kinds of change is an error (the hint
// gives the ALTER PUBLICATION); the server's own errors (creating a
// publication needs the CREATE privilege on the database and ownership of
// the tables).
func (s *Source) EnsurePublication(ctx context.Context, name string, tables []Table) (PublicationResult, error) {
	var res PublicationResult
	if err := checkName("publication", "--publication", name); err != nil {
		return res, err
	}
	if len(tables) == 0 {
		return res, &diag.Error{Err: errors.New("no tables to publish"), Hint: "check the table selection (--table, --schema)"}
	}
	ident := pgx.Identifier{name}.Sanitize()
	var all, ins, upd, del, trunc bool
	err := s.sql.QueryRow(ctx, `SELECT puballtables, pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication WHERE pubname = $1`, name).
		Scan(&all, &ins, &upd, &del, &trunc)
	if errors.Is(err, pgx.ErrNoRows) {
		list := make([]string, len(tables))
		for i, t := range tables {
			list[i] = t.sanitize()
		}
		q := "CREATE PUBLICATION " + ident + " FOR TABLE " + strings.Join(list, ", ") +
			" WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = true)"
		if _, err := s.sql.Exec(ctx, q); err != nil {
			return res, &diag.Error{Err: fmt.Errorf("create publication %s on %s: %w", name, s.display, s.scrub(err)),
				Hint: "the role needs the CREATE privilege on the database and must own the tables; or create the publication as a superuser and pass --publication"}
		}
		res.Created = true
		return res, nil
	}
	if err != nil {
		return res, fmt.Errorf("read publication %s on %s: %w", name, s.display, s.scrub(err))
	}
	if !(ins && upd && del && trunc) {
		return res, &diag.Error{Err: fmt.Errorf("publication %s on %s does not publish every kind of change (insert %v, update %v, delete %v, truncate %v)", name, s.display, ins, upd, del, trunc),
			Hint: fmt.Sprintf("ALTER PUBLICATION %s SET (publish = 'insert, update, delete, truncate'); or give --publication another name", ident)}
	}
	rows, err := s.sql.Query(ctx, `SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = $1`, name)
	if err != nil {
		return res, fmt.Errorf("read the tables of publication %s on %s: %w", name, s.display, s.scrub(err))
	}
	have := map[Table]bool{}
	for rows.Next() {
		var t Table
		if err := rows.Scan(&t.Schema, &t.Name); err != nil {
			rows.Close()
			return res, err
		}
		have[t] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	want := map[Table]bool{}
	var add []string
	for _, t := range tables {
		want[t] = true
		if !have[t] {
			res.Added = append(res.Added, t)
			add = append(add, t.sanitize())
		}
	}
	for t := range have {
		if !want[t] {
			res.Extra = append(res.Extra, t)
		}
	}
	if len(add) > 0 && !all {
		if _, err := s.sql.Exec(ctx, "ALTER PUBLICATION "+ident+" ADD TABLE "+strings.Join(add, ", ")); err != nil {
			return res, &diag.Error{Err: fmt.Errorf("add %d tables to publication %s on %s: %w", len(add), name, s.display, s.scrub(err)),
				Hint: "the role must own the publication and the tables"}
		}
	} else if all {
		res.Added = nil
	}
	return res, nil
}

// DropPublication drops the publication if it exists.
func (s *Source) DropPublication(ctx context.Context, name string) error {
	if err := checkName("publication", "--publication", name); err != nil {
		return err
	}
	if _, err := s.sql.Exec(ctx, "DROP PUBLICATION IF EXISTS "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("drop publication %s on %s: %w", name, s.display, s.scrub(err))
	}
	return nil
}

// SlotState is a replication slot's row of pg_replication_slots.
type SlotState struct {
	Exists    bool
	Plugin    string // output plugin ("pgoutput")
	Database  string // the database the slot decodes
	Temporary bool
	Active    bool   // a walsender streams from it now
	ActivePID uint32 // that walsender's pid when Active
	// ConfirmedFlush is the LSN the follower last confirmed
	// (confirmed_flush_lsn); RestartLSN the oldest WAL the slot keeps.
	ConfirmedFlush, RestartLSN LSN
	// RetainedBytes is the WAL kept for the slot:
	// pg_current_wal_lsn() - restart_lsn, in bytes.
	RetainedBytes int64
	// WALStatus is wal_status: reserved, extended, unreserved or lost (a
	// lost slot cannot stream any more).
	WALStatus string
}

// Slot reads the slot's state; Exists is false when there is no such slot.
func (s *Source) Slot(ctx context.Context, name string) (SlotState, error) {
	var st SlotState
	var plugin, db, walStatus *string
	var pid *int64
	var confirmed, restart *string
	var retained *int64
	err := s.sql.QueryRow(ctx, `SELECT plugin, database, temporary, active, active_pid,
			confirmed_flush_lsn::text, restart_lsn::text,
			pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, wal_status
		FROM pg_replication_slots WHERE slot_name = $1`, name).
		Scan(&plugin, &db, &st.Temporary, &st.Active, &pid, &confirmed, &restart, &retained, &walStatus)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("read replication slot %s on %s: %w", name, s.display, s.scrub(err))
	}
	st.Exists = true
	st.Plugin, st.Database, st.WALStatus = deref(plugin), deref(db), deref(walStatus)
	if pid != nil {
		st.ActivePID = uint32(*pid)
	}
	if confirmed != nil {
		st.ConfirmedFlush, _ = ParseLSN(*confirmed)
	}
	if restart != nil {
		st.RestartLSN, _ = ParseLSN(*restart)
	}
	if retained != nil {
		st.RetainedBytes = *retained
	}
	return st, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// CurrentWALLSN returns pg_current_wal_insert_lsn(): the server's WAL
// insert position now, at or after the end of every transaction that has
// committed (what `--until now` waits for). pg_current_wal_lsn(), the
// write position, can be behind commits made with synchronous_commit =
// off, which have returned to their client before their WAL is written.
func (s *Source) CurrentWALLSN(ctx context.Context) (LSN, error) {
	var txt string
	if err := s.sql.QueryRow(ctx, "SELECT pg_current_wal_insert_lsn()::text").Scan(&txt); err != nil {
		return 0, fmt.Errorf("read the WAL position of %s: %w", s.display, s.scrub(err))
	}
	return ParseLSN(txt)
}

// DropSlot drops the replication slot if it exists. A slot that a
// walsender streams from is not dropped: the error names the pid.
func (s *Source) DropSlot(ctx context.Context, name string) error {
	if err := checkName("replication slot", "--slot", name); err != nil {
		return err
	}
	st, err := s.Slot(ctx, name)
	if err != nil || !st.Exists {
		return err
	}
	if st.Active {
		return s.slotInUse(name, st.ActivePID)
	}
	if _, err := s.sql.Exec(ctx, "SELECT pg_drop_replication_slot($1)", name); err != nil {
		if pid, ok := s.activePID(ctx, err, name); ok {
			return s.slotInUse(name, pid)
		}
		return fmt.Errorf("drop replication slot %s on %s: %w", name, s.display, s.scrub(err))
	}
	return nil
}

// slotInUse is the error for a slot that another process streams from.
func (s *Source) slotInUse(name string, pid uint32) error {
	return &diag.Error{Err: fmt.Errorf("replication slot %q on %s is in use by another process (walsender pid %d, see pg_stat_replication)", name, s.display, pid),
		Hint: fmt.Sprintf("stop the other follower (another pgcopy follow on this slot?), or end it with SELECT pg_terminate_backend(%d); or give --slot another name", pid)}
}

// activePID reports whether err is PostgreSQL's "replication slot is
// active" (SQLSTATE 55006, object_in_use) and, if so, which pid holds the
// slot now.
func (s *Source) activePID(ctx context.Context, err error, name string) (uint32, bool) {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "55006" {
		return 0, false
	}
	st, serr := s.Slot(ctx, name)
	if serr == nil && st.ActivePID != 0 {
		return st.ActivePID, true
	}
	// The holder went away meanwhile; the server's message has its pid.
	if i := strings.LastIndex(pgErr.Message, "PID "); i >= 0 {
		if n, perr := strconv.ParseUint(strings.TrimSpace(pgErr.Message[i+4:]), 10, 32); perr == nil {
			return uint32(n), true
		}
	}
	return 0, true
}

// replConnect opens a replication connection (replication=database).
func (s *Source) replConnect(ctx context.Context) (*pgconn.PgConn, error) {
	conn, err := pgconn.ConnectConfig(ctx, s.repl)
	if err != nil {
		return nil, &diag.Error{Err: fmt.Errorf("open a replication connection to %s: %w", s.display, s.scrub(err)),
			Hint: "pg_hba.conf must admit the role to this database (a logical replication connection matches a line by its database name or \"all\"; the \"replication\" keyword covers only physical replication), and the role needs REPLICATION"}
	}
	return conn, nil
}

// Snapshot is a newly created slot whose exported snapshot is held open by
// its idle replication connection. Run pg_dump --snapshot=Name (or SET
// TRANSACTION SNAPSHOT) while it is open, then Stream from it (which ends
// the snapshot) or Close it.
type Snapshot struct {
	Slot string
	// ConsistentPoint is the LSN from which the slot decodes: the snapshot
	// holds exactly the transactions that committed before it.
	ConsistentPoint LSN
	// Name is the exported snapshot's identifier, e.g. "00000003-00000002-1".
	Name string

	src  *Source
	conn *pgconn.PgConn
}

// CreateSlot creates the logical replication slot name with output plugin
// pgoutput (CREATE_REPLICATION_SLOT ... LOGICAL pgoutput EXPORT_SNAPSHOT)
// on a replication connection of its own, and returns it with its
// consistent point and exported snapshot.
//
// Errors: an invalid name, a slot of that name that already exists (the
// hint says that pgcopy follow resumes from it, or how to drop it), wal_level
// not logical, no free slot (max_replication_slots).
func (s *Source) CreateSlot(ctx context.Context, name string) (*Snapshot, error) {
	if err := checkName("replication slot", "--slot", name); err != nil {
		return nil, err
	}
	conn, err := s.replConnect(ctx)
	if err != nil {
		return nil, err
	}
	res, err := pglogrepl.CreateReplicationSlot(ctx, conn, name, Plugin,
		pglogrepl.CreateReplicationSlotOptions{Mode: pglogrepl.LogicalReplication, SnapshotAction: "EXPORT_SNAPSHOT"})
	if err != nil {
		conn.Close(context.Background())
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) {
			switch {
			case pgErr.Code == "42710": // duplicate_object
				return nil, &diag.Error{Err: fmt.Errorf("replication slot %q already exists on %s", name, s.display),
					Hint: "pgcopy follow resumes from an existing slot; to start over, drop it first with pgcopy follow --drop-slot (or give --slot another name)"}
			case pgErr.Code == "53400": // configuration_limit_exceeded
				return nil, &diag.Error{Err: fmt.Errorf("create replication slot %q on %s: %w", name, s.display, err),
					Hint: "every replication slot is taken: drop an unused one (SELECT pg_drop_replication_slot(name) FROM pg_replication_slots WHERE NOT active) or raise max_replication_slots and restart the server"}
			case strings.Contains(pgErr.Message, "wal_level"):
				return nil, &diag.Error{Err: fmt.Errorf("create replication slot %q on %s: %w", name, s.display, err),
					Hint: "set wal_level = logical (ALTER SYSTEM SET wal_level = logical, or in postgresql.conf) and restart the server"}
			}
		}
		return nil, fmt.Errorf("create replication slot %q on %s: %w", name, s.display, s.scrub(err))
	}
	cp, err := ParseLSN(res.ConsistentPoint)
	if err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("create replication slot %q: consistent point: %w", name, err)
	}
	return &Snapshot{Slot: res.SlotName, ConsistentPoint: cp, Name: res.SnapshotName, src: s, conn: conn}, nil
}

// Close ends the snapshot and closes its replication connection; the slot
// stays.
func (sn *Snapshot) Close() error {
	if sn.conn == nil {
		return nil
	}
	err := sn.conn.Close(context.Background())
	sn.conn = nil
	return err
}

// Stream ends the snapshot and starts streaming the slot on the snapshot's
// own connection from its consistent point. opts.Start is ignored.
func (sn *Snapshot) Stream(ctx context.Context, opts StreamOptions) (*Stream, error) {
	if sn.conn == nil {
		return nil, errors.New("replication: Stream on a closed Snapshot")
	}
	conn := sn.conn
	sn.conn = nil
	opts.Slot = sn.Slot
	opts.Start = sn.ConsistentPoint
	return sn.src.startStream(ctx, conn, opts)
}
