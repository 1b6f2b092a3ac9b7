package follow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Options configures a follower.
type Options struct {
	Source         string // postgres:// URL or libpq string
	Target         string // Dolt directory or mysql:// URL
	TargetPassword loader.PasswordSource
	Branch         string // default "main"
	Author         string
	// CommitEvery is the interval between two commits; 0 means 1h.
	CommitEvery time.Duration
	// Slot and Publication: "" means the name the branch's head commit
	// records, else DefaultName.
	Slot, Publication string
	// UntilNow stops after the commit that covers pg_current_wal_lsn() as
	// read at the start.
	UntilNow bool
	// DropSlot drops the slot and the publication, and does nothing else.
	DropSlot bool
	// Resnapshot drops the slot, then starts over as a first run (a new
	// slot and a full copy onto the branch), then streams.
	Resnapshot bool
	// Live: pg_dump and the table filters (--table, --exclude-table,
	// --schema), as copy takes them.
	Live source.LiveOptions
	// Translate: --overrides, --infer-lengths, --schemas (not databases).
	Translate         translate.Options
	OnUnrepresentable pipeline.UnrepPolicy
	// WarnRetained warns when the slot retains more WAL than this many
	// bytes; 0 means 1 GiB, < 0 never.
	WarnRetained int64
	// GCJournal, when > 0, starts a background DOLT_GC after a commit once
	// the embedded target's chunk journal holds this many bytes and as
	// many as the whole store held after the last GC (gcDue); 0 or less:
	// never (the default: see gcDue for why).
	GCJournal int64
	// StreamMemoryLimit, when > 0, is Go's soft memory limit in bytes
	// (runtime/debug.SetMemoryLimit) from the stream's start on; the
	// initial copy keeps the process's limit. cmd/pgcopy sets 512 MiB
	// unless GOMEMLIMIT is set (streamMemoryLimit says why).
	StreamMemoryLimit int64
	// Log gets one line per commit and the warnings; Report (optional) one
	// JSON object per commit.
	Log, Report io.Writer
	// CopyReport, when set, is called with the initial copy's report.
	CopyReport func(*pipeline.Result, error)
}

// CommitRecord is one line of --report: a commit the follower published.
type CommitRecord struct {
	Kind         string    `json:"kind"` // "snapshot" (the initial copy) or "stream"
	Commit       string    `json:"commit"`
	Branch       string    `json:"branch"`
	LSN          string    `json:"lsn"`
	CommitTime   time.Time `json:"commit_time"`
	Transactions int64     `json:"transactions"`
	Rows         int64     `json:"rows"`
	Inserted     int64     `json:"inserted"`
	Updated      int64     `json:"updated"`
	Deleted      int64     `json:"deleted"`
	Truncated    int64     `json:"truncated_tables"`
	LagBytes     int64     `json:"lag_bytes"`
	LagSeconds   float64   `json:"lag_seconds"`
	Published    time.Time `json:"published"`
}

// ErrSchemaChanged is the error (errors.Is) of a follower stopped by a
// table whose columns changed in PostgreSQL.
var ErrSchemaChanged = errors.New("schema changed")

const hintResnapshot = "logical replication carries no DDL: rerun with --resnapshot (a new slot and a full copy onto the branch, then streaming again); apply the same change to --overrides first if an override names the table"

// follower is one run's state.
type follower struct {
	opts   Options
	src    *replication.Source
	tgt    *loader.Target
	stream *replication.Stream
	tr     *translate.Translator
	db     *schema.Database
	base   map[string][]attr // per PostgreSQL table "schema.name": the columns when the schema was translated
	plans  map[uint32]*plan
	app    *applier
	state  State // of the branch's head (published)
	source string
	bg     context.Context // for target writes: not cancelled by a signal

	// the open interval: transactions applied on the work branch, not yet
	// committed to Dolt
	working  bool // StartWork done
	inTx     bool // between Begin and Commit
	skipTx   bool
	sqlTx    bool
	pending  stats
	lastEnd  replication.LSN
	lastTime time.Time
	due      bool
	until    replication.LSN

	warned time.Time

	// counts applied row changes and says when to drop the engine's
	// caches (purgeEvery)
	purge *pipeline.CachePurge

	gc      *loader.BackgroundGC // the DOLT_GC running beside the stream, if any (gcDue)
	gcAfter string               // the commit it started after
	gcStore int64                // bytes of the store after the last GC (gcDue)
}

// purgeEvery is how many row changes the follower applies between drops
// of the embedded engine's caches (loader.Target.PurgeCaches), counted at
// each PostgreSQL transaction's end, inside an interval too (a catch-up's
// interval holds many); earlier when Go's live heap is over 3/4 of the
// soft limit (pipeline.CachePurge).
// Every prolly-tree node a commit writes enters Dolt's process-wide node
// cache (256 MiB of node bytes, more in heap), and a scattered row change
// writes about one 4 KB leaf and its path; without the drops a follower's
// RSS climbed to about 540 MiB in 10 minutes at scale 10 (BENCHMARKS.md,
// section 11). 20,000 changes are about 80 MB of nodes at most; the nodes
// that later commits read again come back from the chunk journal.
const purgeEvery = 20000

// Result says what a run did.
type Result struct {
	Commits   int             // commits published (the initial copy's included)
	LSN       replication.LSN // the branch's position at the end
	Signalled bool            // stopped by SIGINT/SIGTERM (the context)
}

// Run follows opts.Source into opts.Target until ctx ends (a signal: the
// transaction in progress is discarded, the complete ones committed and
// confirmed, and Run returns nil), UntilNow is reached, or an error.
func Run(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{}
	if opts.Branch == "" {
		opts.Branch = "main"
	}
	if opts.Author == "" {
		opts.Author = pipeline.DefaultAuthor
	}
	if opts.CommitEvery <= 0 {
		opts.CommitEvery = time.Hour
	}
	if opts.WarnRetained == 0 {
		opts.WarnRetained = 1 << 30
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Translate.Schemas == translate.SchemasDatabases {
		return res, &diag.Error{Err: errors.New("pgcopy follow keeps one Dolt database: --schemas databases is not supported (Dolt has no commit over several databases)"),
			Hint: "follow with --schemas prefix (the default) or prefix-all"}
	}
	dbName, err := loader.DatabaseName(opts.Target)
	if err != nil {
		return res, err
	}
	f := &follower{opts: opts, plans: map[uint32]*plan{}, bg: context.WithoutCancel(ctx), purge: pipeline.NewCachePurge(purgeEvery)}
	f.src, err = replication.Open(ctx, opts.Source)
	if err != nil {
		return res, err
	}
	defer f.src.Close()
	f.source = f.src.Display()
	// format_type as pg_dump writes types: qualified unless in pg_catalog
	if _, err := f.src.Conn().Exec(ctx, "SET search_path = ''"); err != nil {
		return res, err
	}

	// The branch's head says whether this is a first run.
	tgt, err := loader.Open(ctx, opts.Target, loader.Options{Author: opts.Author, Password: opts.TargetPassword})
	if err != nil {
		return res, err
	}
	_, msg, _, err := tgt.HeadMessage(ctx, opts.Branch)
	tgt.Close()
	if err != nil {
		return res, err
	}
	head, following := ParseState(msg)
	slot, pub := opts.Slot, opts.Publication
	if following {
		if slot != "" && slot != head.Slot && !opts.Resnapshot && !opts.DropSlot {
			return res, &diag.Error{Err: fmt.Errorf("branch %s of %s follows replication slot %s, not --slot %s", opts.Branch, tgtDisplay(opts.Target), head.Slot, slot),
				Hint: fmt.Sprintf("leave --slot out (or give --slot %s); to follow through another slot, add --resnapshot", head.Slot)}
		}
		slot = orText(slot, head.Slot)
		pub = orText(pub, head.Publication)
	}
	slot = orText(slot, DefaultName(dbName, opts.Branch))
	pub = orText(pub, DefaultName(dbName, opts.Branch))

	if opts.DropSlot {
		if err := f.src.DropSlot(ctx, slot); err != nil {
			return res, err
		}
		if err := f.src.DropPublication(ctx, pub); err != nil {
			return res, err
		}
		fmt.Fprintf(opts.Log, "pgcopy: follow: dropped replication slot %s and publication %s on %s\n", slot, pub, f.source)
		return res, nil
	}

	var snap *replication.Snapshot
	if !following || opts.Resnapshot {
		if opts.Resnapshot {
			if err := f.src.DropSlot(ctx, slot); err != nil {
				return res, err
			}
		} else if st, err := f.src.Slot(ctx, slot); err == nil && st.Exists {
			return res, &diag.Error{Err: fmt.Errorf("replication slot %s exists on %s, but branch %s of %s holds no follow commit (its head commit has no slot and lsn lines)", slot, f.source, opts.Branch, tgtDisplay(opts.Target)),
				Hint: "start over with --resnapshot (drops the slot, copies again), or drop the slot with pgcopy follow --drop-slot, or give --slot another name"}
		}
		snap, err = f.initialCopy(ctx, slot, pub, res)
		if err != nil {
			return res, err
		}
		defer snap.Close()
	} else {
		if err := f.translate(ctx, ""); err != nil {
			return res, err
		}
		f.state = head
		f.state.Slot, f.state.Publication = slot, pub
	}
	res.LSN = f.state.LSN

	f.tgt, err = loader.Open(f.bg, opts.Target, loader.Options{Author: opts.Author, Password: opts.TargetPassword})
	if err != nil {
		return res, err
	}
	defer f.tgt.Close()
	if err := f.tgt.ApplySession(f.bg); err != nil {
		return res, err
	}
	if snap == nil {
		if err := f.checkTarget(f.bg); err != nil {
			return res, err
		}
	}
	f.app = &applier{fixer: pipeline.NewValueFixer(opts.OnUnrepresentable),
		exec: func(ctx context.Context, q string) error { _, err := f.tgt.Conn().ExecContext(ctx, q); return err }}

	if opts.UntilNow {
		if f.until, err = f.src.CurrentWALLSN(ctx); err != nil {
			return res, err
		}
	}
	sopts := replication.StreamOptions{Slot: slot, Publication: pub, Start: f.state.LSN}
	if snap != nil {
		f.stream, err = snap.Stream(ctx, sopts)
	} else {
		f.stream, err = f.src.Stream(ctx, sopts)
		if err != nil && strings.Contains(err.Error(), "does not exist") {
			err = &diag.Error{Err: err, Hint: "the slot this branch followed is gone (dropped, or lost its WAL): start over with --resnapshot"}
		}
	}
	if err != nil {
		return res, err
	}
	defer f.stream.Close()
	if opts.StreamMemoryLimit > 0 {
		debug.SetMemoryLimit(opts.StreamMemoryLimit)
	}
	fmt.Fprintf(opts.Log, "pgcopy: follow: streaming from slot %s at lsn %s into branch %s, a commit every %s\n", slot, f.state.LSN, opts.Branch, opts.CommitEvery)
	f.warnRetained(ctx, true)
	if f.until != 0 && f.state.LSN >= f.until {
		fmt.Fprintf(opts.Log, "pgcopy: follow: branch %s is at %s, the server's WAL position at the start: nothing to apply\n", opts.Branch, f.state.LSN)
		return res, nil
	}
	err = f.loop(ctx, res)
	if gerr := f.gcEnded(true); gerr != nil {
		err = errors.Join(err, gerr)
	}
	res.LSN = f.state.LSN
	return res, err
}

func tgtDisplay(spec string) string { return diag.Redact(spec) }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// schemaOnly is a live source whose Open is its schema-only dump: the
// input of the schema translation.
type schemaOnly struct{ *source.Live }

func (s schemaOnly) Open() (io.ReadCloser, int64, error) {
	rc, err := s.Live.SchemaDump()
	return rc, 0, err
}
func (schemaOnly) Close() error { return nil }

// translate translates the schema of the source (on the exported
// snapshot when snapshot is not "", else on a snapshot of its own) with
// copy's options, and records each table's columns as the baseline the
// stream's Relation messages are compared with.
func (f *follower) translate(ctx context.Context, snapshot string) error {
	lo := f.opts.Live
	lo.Snapshot = snapshot
	live, err := source.OpenLive(ctx, f.opts.Source, lo)
	if err != nil {
		return err
	}
	defer live.Close()
	rep := &report.Report{}
	f.tr, f.db, err = pipeline.TranslateSchema(schemaOnly{live}, f.opts.Translate, f.opts.Target, rep)
	if err != nil {
		return err
	}
	f.base, err = baseline(ctx, live, f.tables())
	return err
}

// tables are the PostgreSQL tables whose changes the follower applies:
// the copy's tables, less those whose rows an override drops.
func (f *follower) tables() []replication.Table {
	var out []replication.Table
	for _, t := range f.db.Tables {
		quoted := pgx.Identifier{t.PG.Schema, t.PG.Name}.Sanitize()
		if rows, err := f.tr.CopyRows(dump.Event{Kind: dump.Copy, Text: "COPY " + quoted + " FROM stdin;"}); err != nil || rows == nil {
			continue // skip_data: its rows are not copied
		}
		out = append(out, replication.Table{Schema: t.PG.Schema, Name: t.PG.Name})
	}
	return out
}

// initialCopy is the first run: check the server, publish the tables,
// create the slot with an exported snapshot, copy that snapshot onto the
// branch with one commit that records the slot's consistent point, and
// publish it. The returned snapshot streams from the consistent point.
func (f *follower) initialCopy(ctx context.Context, slot, pub string, res *Result) (*replication.Snapshot, error) {
	// The table list comes from the schema as it is now; the publication
	// must exist before the slot, or decoding its first changes fails.
	if err := f.translate(ctx, ""); err != nil {
		return nil, err
	}
	tables := f.tables()
	if err := f.src.Check(ctx, tables); err != nil {
		return nil, err
	}
	if _, err := f.src.EnsurePublication(ctx, pub, tables); err != nil {
		return nil, err
	}
	snap, err := f.src.CreateSlot(ctx, slot)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			snap.Close()
			f.src.DropSlot(context.WithoutCancel(ctx), slot)
		}
	}()
	if err := f.translate(ctx, snap.Name); err != nil {
		return nil, err
	}
	published := map[replication.Table]bool{}
	for _, t := range tables {
		published[t] = true
	}
	for _, t := range f.tables() {
		if !published[t] {
			return nil, &diag.Error{Table: t.String(), Err: errors.New("the table appeared while pgcopy follow started"), Hint: "rerun"}
		}
	}
	f.state = State{Slot: slot, Publication: pub, LSN: snap.ConsistentPoint}
	lo := f.opts.Live
	lo.Snapshot = snap.Name
	live, err := source.OpenLive(ctx, f.opts.Source, lo)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f.opts.Log, "pgcopy: follow: created replication slot %s (consistent point %s) and publication %s on %s; copying snapshot %s\n", slot, snap.ConsistentPoint, pub, f.source, snap.Name)
	cres, err := pipeline.Copy(ctx, pipeline.Options{Input: live, Target: f.opts.Target, TargetPassword: f.opts.TargetPassword,
		Author: f.opts.Author, Branch: f.opts.Branch, OnUnrepresentable: f.opts.OnUnrepresentable, Translate: f.opts.Translate,
		GCEvery: 500000, MessageTrailer: snapshotTrailer(f.state), AllowEmpty: true})
	if f.opts.CopyReport != nil {
		f.opts.CopyReport(cres, err)
	}
	if err != nil {
		return nil, err
	}
	ok = true
	res.Commits++
	rec := CommitRecord{Kind: "snapshot", Commit: cres.Commit, Branch: f.opts.Branch, LSN: f.state.LSN.String(), CommitTime: live.Meta().SnapshotTime, Published: time.Now().UTC()}
	fmt.Fprintf(f.opts.Log, "pgcopy: follow: commit %s: initial copy at lsn %s\n", short(cres.Commit), f.state.LSN)
	f.record(rec)
	return snap, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

func (f *follower) record(rec CommitRecord) {
	if f.opts.Report == nil {
		return
	}
	b, _ := json.Marshal(rec)
	f.opts.Report.Write(append(b, '\n'))
}

// warnRetained warns when the slot holds more WAL than WarnRetained (at
// the start, then at most every 10 minutes).
func (f *follower) warnRetained(ctx context.Context, force bool) {
	if f.opts.WarnRetained < 0 || (!force && time.Since(f.warned) < 10*time.Minute) {
		return
	}
	st, err := f.src.Slot(ctx, f.state.Slot)
	if err != nil || !st.Exists || st.RetainedBytes <= f.opts.WarnRetained {
		return
	}
	f.warned = time.Now()
	fmt.Fprintf(f.opts.Log, "pgcopy: follow: warning: replication slot %s retains %d MiB of WAL on %s (restart_lsn %s); PostgreSQL keeps WAL for a slot until its follower confirms it, so an idle slot fills the disk: run pgcopy follow more often, or drop the slot with --drop-slot\n",
		f.state.Slot, st.RetainedBytes>>20, f.source, st.RestartLSN)
}
