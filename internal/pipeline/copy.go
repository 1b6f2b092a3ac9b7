package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/fkfix"
	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
	"github.com/pgcopy/pgcopy/verify"
)

// Version is pgcopy's version, recorded in every commit message.
var Version = "0.1.0-dev"

// Options configures a copy.
type Options struct {
	Input  source.Input // the dump; when nil, Dump and Stdin name it
	Dump   string       // dump file, or "-" for Stdin
	Stdin  io.Reader    // read when Dump is "-"
	Target string       // Dolt database directory, or mysql://USER:PASS@HOST:PORT/DB
	Author string       // commit author, "Name <email>"
	Branch string       // branch to publish to; default "main"
	Tag    string       // tag the published commit with this name; "" for none
	Push   string       // remote name or URL to push the branch (and tag) to; "" for none (loader.ParsePush; its credentials are never stored or printed)
	NoGC   bool         // skip DOLT_GC() after the commit

	// TargetPassword is where a mysql:// target's password comes from
	// besides the URL (loader.ParseServerURL has the grammar).
	TargetPassword loader.PasswordSource

	// MaxErrors is how many bad rows may be rejected (written to
	// RejectFile) before the run fails; 0 fails on the first.
	MaxErrors  int
	RejectFile string // default "pgcopy.rejects"; its ".log" companion holds positions and reasons

	// OnUnrepresentable is the policy for values Dolt cannot store:
	// UnrepClampInfinity (the default, also for ""), UnrepError,
	// UnrepNull or UnrepClamp ([ParseUnrepPolicy] reads the flag).
	OnUnrepresentable UnrepPolicy

	// Jobs is how many COPY blocks load at once, each on its own session
	// (--jobs). Needs an uncompressed dump file; other inputs load one
	// block at a time.
	Jobs int
	// SplitRows, with Jobs > 1, loads a COPY block of more than SplitRows
	// rows as parts of SplitRows rows, each on whichever session is free,
	// when its table has a primary key; 0 never splits. Dolt merges the
	// sessions' writes to the same table when each part commits.
	SplitRows int64

	// ServerGC allows DOLT_GC() on a dolt sql-server target. It is off by
	// default there because an online GC ends every session on the server,
	// other clients' included.
	ServerGC bool

	// GCEvery bounds the load's memory after every GCEvery rows loaded
	// (over all Jobs sessions): the embedded engine's caches are dropped
	// (pipeline/membound.go cachePurge), or on a sql-server with ServerGC
	// DOLT_GC() runs. 0 never does.
	GCEvery int64
	// SQLInserts writes rows to the embedded target as SQL INSERT
	// statements instead of through the engine's INSERT plan
	// (loader.Options.SQLInserts).
	SQLInserts bool

	// AllowIncompleteDump copies a pg_dump dump that lacks pg_dump's
	// trailer (cut on purpose); the report notes it. An empty input is an
	// error all the same.
	AllowIncompleteDump bool

	// Verify compares every table with the live source's snapshot (see
	// package verify) before committing; it needs a live Input.
	Verify bool

	// AllowFKViolations commits even when rows violate foreign keys; the
	// violations are listed in the report.
	AllowFKViolations bool

	// Translate tunes the translation: override files (--overrides) and
	// --infer-lengths (package translate, Options).
	Translate translate.Options

	// Progress, when non-nil, is called as the second pass goes on.
	Progress func(Progress)

	// MessageTrailer is appended to the commit message, and AllowEmpty
	// commits even an unchanged snapshot (pgcopy follow's first commit
	// records its slot and LSN there; internal/follow).
	MessageTrailer string
	AllowEmpty     bool

	digests map[string]tableDigest // set by Copy before the commit (nightly.go)

	// RowHashes is where the row-hash files that let a nightly run patch
	// a changed table live (rowhash.go, rowHashDir): "" for the default
	// (<target>/.pgcopy/rowhash, or the user's cache directory for a
	// sql-server), "off" for none (every changed table is reloaded).
	RowHashes string
}

// Progress is the state of the data pass, for a progress bar.
type Progress struct {
	Read, Total int64  // bytes of the dump read so far, and in all (0 when unknown)
	Table       string // the PostgreSQL relation being loaded
	Rows        int64  // rows of that relation read so far
	TableRows   int64  // rows of that relation in the dump (counted in the first pass)
}

// DefaultAuthor is the commit author when none is given.
const DefaultAuthor = "pgcopy <pgcopy@localhost>"

// Result is what a finished copy did.
type Result struct {
	Report  *report.Report
	Commit  string // the new commit's hash; "" when nothing changed
	Changed bool
}

// Copy runs the whole job, in this order: read the schema (pass 1,
// schemaPass), open the target onto a work branch (openTarget), create the
// tables, load the rows (pass 2, loadRows), check the foreign keys
// (checkForeignKeys), create the views (loader/views.go), compare with the
// source (--verify, verifyCopy), commit (commitAll), publish (the branch
// moves to the commit; recordCommits), then --tag and --push (tagAndPush)
// and dolt_gc (collectGarbage). The load is written to a work branch
// (loader.WorkBranchPrefix + branch) and the branch is fast-forwarded only
// after the load, fkfix and the commit succeeded. On error, or when the
// process is killed, the branch is exactly as it was; the next run deletes
// the work branches of dead runs and starts over. A run into a target
// another live run holds fails at StartWork (loader/lock.go).
func Copy(ctx context.Context, opts Options) (*Result, error) {
	if opts.Author == "" {
		opts.Author = DefaultAuthor
	}
	rep := &report.Report{Started: time.Now().UTC()}
	res := &Result{Report: rep}
	push, err := CheckPush(opts.Target, opts.Push)
	if err != nil {
		return res, err
	}
	src := opts.Input
	if src == nil {
		in, err := source.Open(opts.Dump, opts.Stdin, source.OpenOptions{})
		if err != nil {
			return res, err
		}
		src = in
	}
	defer src.Close()
	rep.Source = src.Name()

	// Pass 1: schema.
	if opts.Translate, err = targetOptions(opts.Translate, opts.Target); err != nil { // the database of schema S is NAME_S
		return res, err
	}
	split := int64(0)
	if opts.Jobs > 1 {
		split = opts.SplitRows
	}
	pass1, err := schemaPass(src, translate.ReadOptions{Translate: opts.Translate, Report: rep, SplitRows: split, AllowIncomplete: opts.AllowIncompleteDump})
	if err != nil {
		return res, err
	}
	db, hdr := pass1.DB, pass1.Header

	// Open the target, onto a work branch; the target branch moves only
	// at Publish.
	tgt, err := openTarget(ctx, opts, db, rep)
	if err != nil {
		return res, err
	}
	defer tgt.Close()
	testPause("started")
	fail := func(err error) (*Result, error) {
		if aerr := tgt.Abandon(); aerr != nil {
			rep.Note("cleaning up the work branch failed (%v); the next run removes it", aerr)
		}
		return res, err
	}
	// Digests of every table (nightly.go): the tables whose data and
	// schema equal the parent commit's are carried over, not reloaded.
	opts.digests = tableDigests(pass1, db, opts.OnUnrepresentable)
	carry, err := planCarry(ctx, tgt, db, opts.digests)
	if err != nil {
		return fail(err)
	}
	// The changed tables whose parent rows have a row-hash file are
	// patched, not reloaded (patch.go).
	hashDir := rowHashDir(opts.Target, opts.RowHashes)
	patch, err := planPatch(ctx, tgt, db, pass1, carry, hashDir, opts.OnUnrepresentable)
	if err != nil {
		return fail(err)
	}
	keepTables(tgt, db, carry, patch)
	parentTables, err := tgt.Tables(ctx) // a run onto an existing snapshot reports each table's path
	if err != nil {
		return fail(err)
	}
	hashes := newRowHashes(hashDir, pass1, db, opts.OnUnrepresentable, rep)
	defer hashes.abort() // the files publish did not name
	// Create the tables, then load the rows (pass 2).
	if err := tgt.PrepareAll(ctx); err != nil {
		return fail(err)
	}
	if err := tgt.CreateTables(ctx, db); err != nil {
		return fail(err)
	}
	noteCarry(rep, pass1, db, carry, patch, parentTables)
	if err := loadRows(ctx, tgt, src, pass1, opts, rep, carry, patch, hashes); err != nil {
		return fail(err)
	}
	testPause("loaded")

	// Foreign keys: resolve, then check every row (fkfix).
	if err := checkForeignKeys(ctx, tgt, db, opts.AllowFKViolations, rep); err != nil {
		return fail(err)
	}

	// Functions and procedures, then views and materialized views, after
	// the data (loader/routines.go, loader/views.go); triggers last, so
	// that loading never fires them.
	routines, err := tgt.CreateRoutines(ctx, db, schema.RoutineFunction, schema.RoutineProcedure)
	recordViews(rep, routines)
	if err != nil {
		return fail(err)
	}
	views, err := tgt.CreateViews(ctx, db)
	recordViews(rep, views)
	if err != nil {
		return fail(err)
	}
	triggers, err := tgt.CreateRoutines(ctx, db, schema.RoutineTrigger)
	recordViews(rep, triggers)
	if err != nil {
		return fail(err)
	}

	// --verify: compare every table with the source.
	if opts.Verify {
		if err := verifyCopy(ctx, src, tgt, db, rep); err != nil {
			return fail(err)
		}
	}

	// Name the row-hash files by the tables' final hashes (rowhash.go).
	hashes.publish(ctx, tgt)

	// Commit on the work branch, then publish: the branch moves to it.
	dbs := tgt.Databases()
	commits, msgs, err := commitAll(ctx, tgt, src, hdr, db, rep, opts)
	if err != nil {
		return fail(err)
	}
	res.Changed = len(commits) > 0
	testPause("committed")
	if err := tgt.Publish(ctx); err != nil {
		return fail(err)
	}
	recordCommits(res, db, dbs, commits)
	// From here on the commit is published: a failing --tag or --push is a
	// *PublishedError, which says so, and never undoes it.
	if err := tagAndPush(ctx, tgt, dbs, msgs, push, opts, res.Commit); err != nil {
		return res, err
	}
	collectGarbage(ctx, tgt, res.Changed, opts, rep)
	return res, nil
}

// openTarget opens the Dolt target (loader.Open), adds the other
// databases of --schemas databases (loader/databases.go; every later step
// covers them all) and starts the work branch (loader.Target.StartWork),
// which fails if another live run holds the target. It records the
// target's display name in rep. On error the target is closed.
func openTarget(ctx context.Context, opts Options, db *schema.Database, rep *report.Report) (*loader.Target, error) {
	tgt, err := loader.Open(ctx, opts.Target, loader.Options{Author: opts.Author, SQLInserts: opts.SQLInserts, Password: opts.TargetPassword})
	if err != nil {
		return nil, err
	}
	rep.Target = tgt.Display
	if len(db.Databases) > 1 {
		if err := tgt.AddDatabases(ctx, db.Databases[1:]); err != nil {
			tgt.Close()
			return nil, err
		}
	}
	if err := tgt.StartWork(ctx, opts.Branch); err != nil {
		tgt.Close()
		return nil, err
	}
	return tgt, nil
}

// recordCommits puts the published commits into res and its report: Commit
// is the first database's commit hash ("" when nothing changed), and with
// more than one database (--schemas databases) the report has one
// Databases line per database (its tables, views and commit). When no
// database changed, it notes that no new commit was made.
func recordCommits(res *Result, db *schema.Database, dbs []string, commits map[string]string) {
	rep := res.Report
	res.Commit = commits[dbs[0]]
	rep.Commit = res.Commit
	if len(dbs) > 1 {
		for _, name := range dbs {
			in := db.In(name)
			rep.Databases = append(rep.Databases, report.Database{Name: name, Tables: len(in.Tables) + materialized(in), Views: len(in.Views) - materialized(in), Commit: commits[name]})
		}
	}
	if !res.Changed {
		rep.Note("the data and schema equal the target's HEAD: no new commit was made")
	}
}

// tagAndPush runs --tag (dolt_tag, with the commit message msgs[name]) and
// --push (dolt_push to push.Remote, or for the other databases of
// --schemas databases the remote pushRemote derives) in each database of
// dbs, in order. It does nothing without --tag and --push. Its error is a
// *PublishedError naming the step that failed and the published commit:
// the branch already points at the commit, which stays.
func tagAndPush(ctx context.Context, tgt *loader.Target, dbs []string, msgs map[string]string, push loader.PushSpec, opts Options, commit string) error {
	if opts.Tag == "" && opts.Push == "" {
		return nil
	}
	published := func(step string, err error) error {
		return &PublishedError{Commit: commit, Branch: orText(opts.Branch, "main"), Target: tgt.Display, Step: step, Err: err}
	}
	for _, name := range dbs {
		if err := tgt.Use(ctx, name); err != nil {
			return published("switching to database "+name, err)
		}
		if opts.Tag != "" {
			if err := tgt.Tag(ctx, opts.Tag, msgs[name]); err != nil {
				return published("--tag "+opts.Tag, err)
			}
		}
		if opts.Push != "" {
			p := push
			p.Remote = pushRemote(push.Remote, dbs[0], name)
			if err := tgt.Push(ctx, p, opts.Tag); err != nil {
				return published("--push", err)
			}
		}
	}
	return nil
}

// gcJournalMin is the chunk-journal size under which a nightly run that
// carried or patched tables skips dolt_gc: collecting copies every live
// chunk, so it costs the database's size (seconds at pgbench scale 50)
// while such a run leaves little garbage; the journal bounds what waits.
const gcJournalMin = 256 << 20

// nightlyRun reports whether the run carried or patched any table.
func nightlyRun(rep *report.Report) bool {
	for _, t := range rep.Tables {
		if t.Path == "unchanged" || t.Path == "changed" {
			return true
		}
	}
	return false
}

// collectGarbage runs dolt_gc in every database after a new commit
// (changed), unless --no-gc, or unless the run carried or patched tables
// and the embedded target's chunk journal is under gcJournalMin. On a sql-server it runs only with
// --server-gc, since dolt_gc ends every session of the server (Dolt docs,
// "dolt_gc"); otherwise it notes that it did not. A failing dolt_gc is a
// note, not an error: the commit is fine.
func collectGarbage(ctx context.Context, tgt *loader.Target, changed bool, opts Options, rep *report.Report) {
	if !changed || opts.NoGC {
		return
	}
	if n, ok := tgt.JournalBytes(); ok && nightlyRun(rep) && len(tgt.Databases()) == 1 && n < gcJournalMin {
		rep.Note("dolt_gc not run: this run onto an existing snapshot carried or patched tables, and the chunk journal holds %.1f MiB (under %d MiB); a later run that writes more collects it (or run CALL DOLT_GC())", float64(n)/(1<<20), gcJournalMin>>20)
		return
	}
	if n, ok := tgt.JournalBytes(); ok {
		rep.Note("dolt_gc run: the chunk journal held %.1f MiB", float64(n)/(1<<20))
	}
	if tgt.Kind == loader.Server && !opts.ServerGC {
		rep.Note("dolt_gc not run: on a sql-server it ends every session, other clients' too; run CALL DOLT_GC() at a quiet time, or pass --server-gc")
		return
	}
	if err := tgt.GCAll(ctx); err != nil {
		rep.Note("dolt_gc after the commit failed: %v (the commit is fine; run `dolt gc` later)", err)
	}
}

// loadRows is the second pass: it loads every row of the dump (on opts.Jobs
// sessions when > 1), writing the rejected rows to the reject file, and
// notes the rows changed or rejected.
func loadRows(ctx context.Context, tgt *loader.Target, src source.Input, pass1 *translate.Result, opts Options, rep *report.Report, carry map[*schema.Table]bool, patch map[*schema.Table]*patchPlan, hashes *rowHashes) error {
	rj := &rejecter{max: opts.MaxErrors, path: opts.RejectFile, rep: rep, unrep: &unrep{policy: opts.OnUnrepresentable.orDefault()}}
	if rj.path == "" {
		rj.path = "pgcopy.rejects"
	}
	dp := &dataPass{src: src, tr: pass1.Translator, rep: rep, rj: rj, blocks: pass1.Blocks, textBytes: pass1.TextBytes, progress: opts.Progress, carry: carry, patch: patch, hashes: hashes}
	var err error
	if tgt.Kind == loader.Embedded && opts.GCEvery > 0 {
		dp.purge = &cachePurge{every: opts.GCEvery}
	}
	if opts.Jobs > 1 {
		var serverGC int64 // the GC barrier: not with INSERT statements, which load on the main session meanwhile
		if tgt.Kind != loader.Embedded && opts.ServerGC && !pass1.Inserts {
			serverGC = opts.GCEvery
		}
		err = dp.runParallel(ctx, tgt, opts.Jobs, serverGC)
	} else {
		if tgt.Kind != loader.Embedded && opts.ServerGC {
			dp.gcEvery = opts.GCEvery
		}
		err = dp.run(ctx, tgt)
	}
	if cerr := rj.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, n := range rj.unrep.notes() {
		rep.Note("%s", n)
	}
	if rj.count > 0 {
		rep.Note("%d rows rejected: their dump lines are in %s, the reasons in %s.log", rj.count, rj.path, rj.path)
	}
	return nil
}

// checkForeignKeys resolves, then verifies (fkfix package doc) the foreign
// keys in each database; then the rows of the foreign keys between
// databases, which Dolt cannot hold. Orphan rows are an error naming each
// violation unless allowViolations (--allow-fk-violations), which notes them.
func checkForeignKeys(ctx context.Context, tgt *loader.Target, db *schema.Database, allowViolations bool, rep *report.Report) error {
	var viol []fkfix.Violation
	for _, name := range tgt.Databases() {
		if err := tgt.Use(ctx, name); err != nil {
			return err
		}
		in := db.In(name)
		if _, err := fkfix.Resolve(ctx, tgt.Conn(), in); err != nil {
			return err
		}
		v, err := fkfix.Verify(ctx, tgt.Conn(), in)
		if err != nil {
			return err
		}
		viol = append(viol, v...)
	}
	if err := tgt.Use(ctx, ""); err != nil {
		return err
	}
	cross, err := fkfix.VerifyCross(ctx, tgt.Conn(), db.CrossFKs)
	if err != nil {
		return err
	}
	viol = append(viol, cross...)
	if len(db.CrossFKs) > 0 {
		rep.Note("%d foreign keys join tables of two Dolt databases, which Dolt cannot hold; pgcopy checked their rows: %d have orphans (see the FK CONSTRAINT entries)", len(db.CrossFKs), len(cross))
	}
	if len(viol) > 0 && allowViolations {
		for _, v := range viol {
			rep.Note("allowed by --allow-fk-violations: %s", v)
		}
	} else if len(viol) > 0 {
		var msgs []string
		for _, v := range viol {
			msgs = append(msgs, v.String())
		}
		return &diag.Error{Err: fmt.Errorf("foreign-key violations in the dump's data:\n  %s", strings.Join(msgs, "\n  ")),
			Hint: "the source has orphan rows (for example from NOT VALID constraints or a dump taken without a consistent snapshot); fix them in PostgreSQL and dump again, or pass --allow-fk-violations to commit them anyway"}
	}
	return nil
}

// verifyCopy is --verify: every table of the working set against
// PostgreSQL's snapshot (verifySnapshot).
func verifyCopy(ctx context.Context, src source.Input, tgt *loader.Target, db *schema.Database, rep *report.Report) error {
	results, err := verifySnapshot(ctx, src, tgt.Conn(), db)
	if err == nil {
		err = verify.Err(results)
	}
	if err != nil {
		return err
	}
	rep.Note("--verify: %d tables equal in PostgreSQL's snapshot and the Dolt working set (row counts and row hashes)", len(results))
	return nil
}

// commitAll commits on the work branch of each database (the target's
// last: its message names the others' commits). It returns the new commit
// of each database that changed and each database's commit message.
func commitAll(ctx context.Context, tgt *loader.Target, src source.Input, hdr dump.Header, db *schema.Database, rep *report.Report, opts Options) (map[string]string, map[string]string, error) {
	dbs := tgt.Databases()
	order := append(append([]string(nil), dbs[1:]...), dbs[0])
	commits := map[string]string{}
	msgs := map[string]string{}
	for _, name := range order {
		if err := tgt.Use(ctx, name); err != nil {
			return nil, nil, err
		}
		msg := commitMessage(src, hdr, db, rep, name, dbs, commits) + digestLines(opts.digests, rep, db, name) + opts.MessageTrailer
		hash, changed, err := tgt.Commit(ctx, loader.CommitOptions{Message: msg, Author: opts.Author, Date: src.Meta().SnapshotTime, AllowEmpty: opts.AllowEmpty})
		if err != nil {
			return nil, nil, fmt.Errorf("database %s: %w", name, err)
		}
		if changed {
			commits[name] = hash
		}
		msgs[name] = msg
	}
	return commits, msgs, nil
}

// PublishedError is a failure of a step that runs after the snapshot was
// committed and published (--tag, --push): the branch already holds the
// new commit, which stays. The CLI reports it with its own exit code.
type PublishedError struct {
	Commit string // the published commit; "" when the snapshot was unchanged (no new commit)
	Branch string // the branch that holds it
	Target string // the target, without any password
	Step   string // what failed, e.g. "--tag day2"
	Err    error
}

func (e *PublishedError) Error() string {
	return fmt.Sprintf("%s failed after the snapshot was published: %v", e.Step, e.Err)
}

func (e *PublishedError) Unwrap() error { return e.Err }

// materialized counts the materialized views of db, which are tables.
func materialized(db *schema.Database) int {
	n := 0
	for _, v := range db.Views {
		if v.Materialized {
			n++
		}
	}
	return n
}

// CheckPush parses the --push value push (loader.ParsePush) and refuses,
// before anything is loaded, one whose credentials cannot be used
// without storing or printing them for target (loader.PushSpec.Check).
func CheckPush(target, push string) (loader.PushSpec, error) {
	p, err := loader.ParsePush(push)
	if err != nil {
		return p, err
	}
	return p, p.Check(target)
}

// pushRemote is where --push sends database name: the remote itself for
// the target database and for a remote name (each database has its own
// remotes); for a URL and another database, the URL with "_SUFFIX"
// appended, SUFFIX being what the database's name adds to the target's
// (file:///backups/shop for shop, file:///backups/shop_auth for
// shop_auth).
func pushRemote(remote, target, name string) string {
	if name == target || !strings.Contains(remote, "://") {
		return remote
	}
	return strings.TrimSuffix(remote, "/") + strings.TrimPrefix(name, target)
}

// schemaPass is pass 1 (translate.ReadSchema) over src: the first pass of
// copy, translate, explain and overrides suggest. It returns what was read
// (never nil; its Translator is set even on error): the COPY blocks are
// for --jobs and progress, and the second pass (dataPass.walk) must read
// res.TextBytes of dump text again.
func schemaPass(src source.Input, ropts translate.ReadOptions) (*translate.Result, error) {
	rc, _, err := src.Open()
	if err != nil {
		return &translate.Result{Translator: translate.New(ropts.Translate, ropts.Report), Report: ropts.Report}, err
	}
	defer rc.Close()
	return translate.ReadSchema(rc, src.Name(), ropts)
}

// noStall is the row hook that never stalls: what stallHook returns in the
// shipped binary (testhook_off.go) and, with -tags pgcopytest, when
// PGCOPY_TEST_STALL_AFTER_ROWS is unset (testhook.go).
func noStall() error { return nil }

func addSource(t *report.Table, src string) {
	for _, s := range t.Sources {
		if s == src {
			return
		}
	}
	t.Sources = append(t.Sources, src)
}

func rowError(pos dump.Pos, rows *translate.Rows, line []byte, err error) error {
	col := ""
	var ve *translate.ValueError
	if errors.As(err, &ve) {
		col = ve.Column
	}
	hint := "fix the row in PostgreSQL and dump again"
	if errors.Is(err, translate.ErrNUL) {
		hint = "the dump is damaged (PostgreSQL never dumps a NUL in a value): dump again; or pass --max-errors N to reject such rows into the reject file"
	}
	if errors.Is(err, pgtext.ErrUnrepresentable) {
		hint = "Dolt cannot store this value: pass --on-unrepresentable=null (store NULL) or --on-unrepresentable=clamp (the nearest value Dolt can store; NaN becomes NULL); the report counts each value. Or change it in PostgreSQL, or override the column's type"
	}
	return diag.New(pos, rows.Source, col, fmt.Errorf("%w\n  row: %s", diag.ExcerptErr(err, diag.ExcerptLen), diag.Excerpt(string(line), diag.ExcerptLen)), hint)
}

func isInsert(text string) bool {
	return len(text) >= 6 && strings.EqualFold(text[:6], "INSERT")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// commitMessage is the Dolt commit message of database name: the source,
// its versions and snapshot, the tables and rows of that database, and,
// when schemas become databases, the list of databases and, in the
// target's (committed last), the other databases' new commits.
func commitMessage(src source.Input, hdr dump.Header, db *schema.Database, rep *report.Report, name string, dbs []string, commits map[string]string) string {
	in := db.In(name)
	mine := map[string]bool{}
	for _, t := range in.Tables {
		mine[t.ReportName()] = true
	}
	var rows int64
	for _, t := range rep.Tables {
		if mine[t.Name] {
			rows += t.Written
			switch t.Path {
			case "unchanged": // carried over (nightly.go): its rows are the parent's
				rows += t.Rows
			case "changed": // patched (patch.go): the rows kept as they were, and the ones written
				rows += t.Unchanged
			}
		}
	}
	var b strings.Builder
	m := src.Meta()
	fmt.Fprintf(&b, "pgcopy: snapshot of %s\n\n", m.Source)
	fmt.Fprintf(&b, "source: %s\n", m.Source)
	if m.SHA256 != "" {
		fmt.Fprintf(&b, "source-sha256: %s\n", m.SHA256)
	}
	if m.Snapshot != "" {
		fmt.Fprintf(&b, "snapshot: %s\n", m.Snapshot)
	}
	if !m.SnapshotTime.IsZero() {
		fmt.Fprintf(&b, "snapshot-time: %s\n", m.SnapshotTime.UTC().Format(time.RFC3339Nano))
	}
	fmt.Fprintf(&b, "pg_dump-version: %s\n", orUnknown(hdr.PgDumpVersion))
	sv := hdr.ServerVersion
	if m.ServerVersion != "" {
		sv = m.ServerVersion
	}
	fmt.Fprintf(&b, "server-version: %s\n", orUnknown(sv))
	fmt.Fprintf(&b, "tables: %d\nrows: %d\n", len(in.Tables), rows)
	if len(dbs) > 1 {
		fmt.Fprintf(&b, "databases: %s\n", strings.Join(dbs, ", "))
		if name == dbs[0] {
			for _, d := range dbs[1:] {
				fmt.Fprintf(&b, "commit-of-%s: %s\n", d, orText(commits[d], "unchanged"))
			}
		}
	}
	fmt.Fprintf(&b, "pgcopy-version: %s\n", Version)
	return b.String()
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown (not in the dump header)"
	}
	return s
}
