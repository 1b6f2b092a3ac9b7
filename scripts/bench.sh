#!/usr/bin/env bash
# The issue-8 benchmark: pgcopy against `dolt table import` on the same data, one machine, one run.
# It writes its results into BENCHMARKS.md (between the bench:results markers) and keeps every
# run's raw output in .cache/bench/<UTC timestamp>/.
#
# Usage:
#   ./scripts/bench.sh              # the issue-8 run ("run"): about 25 min on a quiet 2-core box,
#                                   # up to 30 the first time (building the scale-50 inputs)
#   ./scripts/bench.sh run          # the same
#   ./scripts/bench.sh loadpath     # only the Go load-path benchmarks (loader/loadpath_bench_test.go)
#   ./scripts/bench.sh all          # run, then loadpath
#   ./scripts/bench.sh follow       # the issue-14 benchmark of `pgcopy follow` (scripts/bench-follow.sh,
#                                   # about 16 min; its header lists its knobs)
#   ./scripts/bench.sh nightly      # the issue-15 nightly benchmark (scripts/bench-nightly.sh; its header says what)
#   ./scripts/bench.sh rss          # peak RSS of one-session copies at pgbench scales 10, 100, 10
#                                   # (scripts/bench-rss.sh; BENCH_RSS_SCALES), about 6 min
#   ./scripts/bench.sh --help       # this text
#
#   BENCH_SCALES=1 ./scripts/bench.sh                 # a quick check of the script (2-3 min)
#   BENCH_SCALES=10 BENCH_PAGILA=0 BENCH_RUNS=5 ./scripts/bench.sh
#
# Inputs (built once, cached in .cache/bench/data/; delete a file or directory there to rebuild it):
#   pgbench-sS.sql   for each scale S in BENCH_SCALES: ../shared/corpus/make-pgbench-dump.sh S
#                    (`pgbench -i -s S`, then `pg_dump --no-owner --no-privileges`; if that script
#                    is absent, the same two commands inline) against a throwaway PostgreSQL;
#                    100,000*S pgbench_accounts rows, S branches, 10*S tellers, 0 history rows.
#   pagila           testdata/pagila/pagila.sql as it is (15 tables, 49,636 rows), loaded into the
#                    throwaway PostgreSQL with psql only to export the CSVs below.
#   <dataset>.csv/   every table of the dataset (pgbench: all four; pagila: all 15 tables, the
#                    partitioned payment read through its parent; not the materialized view, which
#                    pgcopy fills from its query) exported from the same database with
#                      psql \copy (SELECT ... FROM t ORDER BY <primary key>) TO 't.csv'
#                           WITH (FORMAT csv, HEADER, FORCE_QUOTE *)
#                    FORCE_QUOTE keeps blank strings from turning into NULL. The SELECT writes three
#                    types the way pgcopy stores them, so that `dolt table import` can read them:
#                    boolean as 0/1, timestamptz as UTC 'YYYY-MM-DD HH24:MI:SS.US', arrays as JSON.
#                    (bytea would not survive CSV; pagila's only bytea column is all NULL.)
#   <dataset>.ref-schema.sql (in the run directory): the CREATE TABLE statements of
#                    `pgcopy translate` for the dump, i.e. the same column types, primary keys,
#                    indexes and checks as pgcopy's copy, without the FOREIGN KEY constraints
#                    (`dolt table import` checks them row by row, and pagila's store/staff keys
#                    are circular; pgcopy loads with FK checks off and resolves them afterwards).
#                    It starts with SET PERSIST sql_mode = ...,NO_AUTO_VALUE_ON_ZERO, which
#                    `dolt table import` honours: an explicit 0 in an AUTO_INCREMENT column stays 0,
#                    as pgcopy's session setting does (pagila has staff_id 0 and store_id 0).
#
# What each round of a dataset times (every timed command runs under GNU /usr/bin/time -v, which
# gives its wall time and peak RSS; "fresh" means a new empty directory or server for that run):
#   reference       in a fresh `dolt init` directory, one bash script:
#                     dolt sql < <dataset>.ref-schema.sql
#                     dolt table import -u T T.csv        (each table)
#                     dolt add -A
#                     dolt commit -m reference
#                   its wall time is the whole reference; its peak RSS is that of its largest
#                   process (each step is also timed on its own, in refsteps.tsv). Then
#                   `dolt gc` is timed separately ("reference dolt gc"; pgcopy's time includes its
#                   own DOLT_GC).
#   embedded        pgcopy copy -q --dump D --target <fresh dir> --report R.json
#   server          pgcopy copy -q --dump D --target mysql://root@127.0.0.1:PORT/<db> --report R.json
#                   against a `dolt sql-server -H 127.0.0.1 -P PORT` started in a fresh directory
#                   for this run (its start-up is not timed); the server's own peak RSS is its
#                   VmHWM from /proc, read just before it is stopped. pgcopy runs no DOLT_GC on a
#                   server unless --server-gc.
#   server-jobs     the same with --jobs BENCH_JOBS
#   embedded-jobs   embedded with --jobs BENCH_JOBS
#   sql-inserts     embedded with --sql-inserts (multi-row INSERT text instead of engine rows),
#                   only for the pgbench scale BENCH_SQL_INSERTS_SCALE, to compare the two load paths
# A round runs every configuration once, in that order (reference, embedded, server, server-jobs,
# embedded-jobs, sql-inserts), so pgcopy and the reference alternate; BENCH_RUNS rounds per dataset
# (BENCH_RUNS_LARGE for pgbench scales above 10). Reported: medians over rounds, min-max, rows/s,
# MB/s of the command's input (dump or CSVs; MB = 10^6 bytes), and the ratio reference time /
# pgcopy time from the medians (> 1 means pgcopy is faster) with the per-round ratios.
#   translate       then, per dataset, BENCH_TRANSLATE_RUNS rounds of
#                     pgcopy translate -q --dump D -o /dev/null
#                   with the default binary and with the `-tags noembed` build, alternating:
#                   MB/s of dump and peak RSS.
#   profile         with BENCH_PROFILE=1, one more embedded run of pgbench scale 10 (or the first
#                   scale of BENCH_SCALES when 10 is not among them), not counted in the tables, with
#                   PGCOPY_CPUPROFILE=<run dir>/cpu-<dataset>-embedded.pprof, and
#                   `go tool pprof -top` of it in pprof-top-<dataset>.txt.
# Every run also records "busy cores": the machine's average busy CPUs during the run (/proc/stat,
# the run itself included); about 1.1 for a one-threaded run on an otherwise idle 2-core machine,
# near 2 when someone else had the other core. The size of the target's .dolt is recorded after
# each run (du -sb). rows = rows_written of pgcopy's --report JSON; for the reference, count(*) in
# PostgreSQL at export time (checked against Dolt after the first reference run of each dataset;
# see also BENCH_CHECK).
#
# Output: BENCH_OUT (default .cache/bench/<UTC timestamp>/) gets machine.txt, datasets.tsv,
# results.tsv (one line per timed run), refsteps.tsv (each step of each reference run),
# commands.txt (the exact commands, paths shortened), summary.md (the generated results section)
# and each run's .time/.err/.out/.json/.log files. Then BENCHMARKS.md's section between
# `<!-- bench:results:begin -->` and `<!-- bench:results:end -->` is replaced by summary.md
# (BENCH_WRITE_DOC=0 leaves BENCHMARKS.md alone); the text around it is never touched. The section
# states the issue-8 targets and whether this run met them:
#   embedded pgcopy >= 0.9x the reference's throughput at scale 50; server with --jobs >= 1.0x;
#   translate >= 100 MB/s; embedded peak RSS at scale 50 within 15 % of scale 10; pgcopy copy's
#   peak RSS <= dolt table import's; pgcopy translate's peak RSS < 100 MB.
# A target whose inputs are not in the run says "not measured"; one measured at another scale than
# the issue's says so.
#
# Setup, as ./scripts/test.sh does it (scripts/lib-pg.sh): PostgreSQL server binaries ($PG_BINDIR
# or the newest /usr/lib/postgresql/*/bin, installed with apt-get if missing), a throwaway cluster
# in a temp dir on a free 127.0.0.1 port (started only when an input must be built; removed on
# exit); GNU time (apt-get install time if missing); pgcopy built into .cache/bin/pgcopy and
# .cache/bin/pgcopy-noembed (-tags noembed) from the working tree; the dolt CLI pinned in go.mod
# into .cache/bin/dolt; a private DOLT_ROOT_PATH; metrics off. Scratch targets live in a temp dir
# that is removed on exit.
#
# Environment knobs [defaults]:
#   BENCH_SCALES [10 50]       pgbench scales (BENCH_SCALES= : none, pagila only)
#   BENCH_PAGILA [1]           0 leaves pagila out
#   BENCH_RUNS [3]             rounds per dataset (pagila and pgbench scales up to 10)
#   BENCH_RUNS_LARGE [2]       rounds for pgbench scales above 10 (keeps the run under ~30 min)
#   BENCH_CONFIGS [reference embedded server server-jobs embedded-jobs sql-inserts]
#   BENCH_JOBS [2]             --jobs of the *-jobs configurations
#   BENCH_SQL_INSERTS_SCALE [10]  the pgbench scale of the sql-inserts configuration
#   BENCH_TRANSLATE_RUNS [3]   translate rounds per dataset (0: none)
#   BENCH_PROFILE [0]          1: the CPU profile run above
#   BENCH_CHECK [1]            1: after round 1 of a dataset of at most 2,000,000 rows, check that
#                              the reference and pgcopy's embedded copy hold the same rows (every
#                              table as `dolt sql -r csv` output ordered by all columns; not timed;
#                              the run stops if they differ); all: every dataset (scale 50 too,
#                              about 2 min more); 0: no check
#   BENCH_WRITE_DOC [1]        0: do not rewrite BENCHMARKS.md
#   BENCH_OUT, PG_BINDIR
#   loadpath part: BENCH_GO_COUNT [3] rounds of `go test -run '^$' -bench LoadPath -benchtime 1x
#   ./loader/` (200,000 synthetic rows per table, PGCOPY_BENCH_ROWS, through the candidate load
#   paths) and of each BenchmarkTxSize case in its own process (1,000,000 rows,
#   PGCOPY_BENCH_TX_ROWS); written to loadpath.txt and appended to summary.md (BENCHMARKS.md
#   sections 6 and 7 discuss them; they do not touch the generated section).
#
# The machine is assumed to be small and shared: runs are strictly sequential; nothing runs in
# parallel with a timed command except what the command itself starts.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

what=${1:-run}
case "$what" in
run | loadpath | all) ;;
follow) exec "$repo_root/scripts/bench-follow.sh" ;;
nightly) exec "$repo_root/scripts/bench-nightly.sh" ;;
rss) exec "$repo_root/scripts/bench-rss.sh" ;;
-h | --help | help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
*) die "unknown part '$what': use run, loadpath, all, follow, nightly or rss (--help explains)" ;;
esac

scales=${BENCH_SCALES-10 50}
with_pagila=${BENCH_PAGILA:-1}
runs=${BENCH_RUNS:-3}
runs_large=${BENCH_RUNS_LARGE:-2}
configs=${BENCH_CONFIGS:-reference embedded server server-jobs embedded-jobs sql-inserts}
jobs=${BENCH_JOBS:-2}
sqlins_scale=${BENCH_SQL_INSERTS_SCALE:-10}
translate_runs=${BENCH_TRANSLATE_RUNS:-3}
profile=${BENCH_PROFILE:-0}
check=${BENCH_CHECK:-1}
write_doc=${BENCH_WRITE_DOC:-1}
go_count=${BENCH_GO_COUNT:-3}
for s in $scales; do [[ $s =~ ^[1-9][0-9]*$ ]] || die "BENCH_SCALES: '$s' is not a positive integer"; done
for c in $configs; do
	case $c in reference | embedded | server | server-jobs | embedded-jobs | sql-inserts) ;; *) die "BENCH_CONFIGS: unknown configuration '$c'" ;; esac
done
out=${BENCH_OUT:-$repo_root/.cache/bench/$(date -u +%Y%m%dT%H%M%SZ)}
data=$repo_root/.cache/bench/data
mkdir -p "$out" "$data"
out=$(cd "$out" && pwd)
t_start=$SECONDS

# shellcheck source=scripts/lib-pg.sh
source "$repo_root/scripts/lib-pg.sh" # as_root, pg_find, pg_start, pg_stop, pg_port_in_use

# ---------------------------------------------------------------- tools
if [[ ! -x /usr/bin/time ]]; then
	step "installing GNU time (apt-get install time)"
	command -v apt-get >/dev/null 2>&1 || die "/usr/bin/time is missing and apt-get is unavailable; install GNU time"
	as_root apt-get update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time
fi

step "PostgreSQL binaries"
pg_find pg_dump psql pgbench

mkdir -p .cache/bin
pgcopy_bin=$repo_root/.cache/bin/pgcopy
pgcopy_noembed=$repo_root/.cache/bin/pgcopy-noembed
if [[ $what != loadpath ]]; then
	step "building .cache/bin/pgcopy and .cache/bin/pgcopy-noembed (-tags noembed) from the working tree"
	go build -o .cache/bin/pgcopy ./cmd/pgcopy
	go build -tags noembed -o .cache/bin/pgcopy-noembed ./cmd/pgcopy
fi
step "building the pinned dolt CLI into .cache/bin/dolt"
go build -o .cache/bin/dolt github.com/dolthub/dolt/go/cmd/dolt
dolt_bin=$repo_root/.cache/bin/dolt

# ---------------------------------------------------------------- scratch space and cleanup
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-bench.XXXXXX")
chmod 755 "$tmp" # the postgres user must reach $tmp/pg when this runs as root
server_pid=

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n "$server_pid" ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	pg_stop
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port prints a port in 55500..56431 that nothing listens on.
free_port() {
	local p=$1
	while pg_port_in_use "$p"; do
		p=$((p + 1))
		[[ $p -lt 56432 ]] || die "no free TCP port in 55500..56431"
	done
	printf '%s\n' "$p"
}

# ---------------------------------------------------------------- dolt environment
export DOLT_ROOT_PATH="$tmp/dolt-root"
export DOLT_DISABLE_EVENT_FLUSH=1
export DOLT_METRICS_DISABLED=1
mkdir -p "$DOLT_ROOT_PATH"
"$dolt_bin" config --global --add metrics.disabled true >/dev/null
"$dolt_bin" config --global --add versioncheck.disabled true >/dev/null
"$dolt_bin" config --global --add user.name "pgcopy bench" >/dev/null
"$dolt_bin" config --global --add user.email "pgcopy-bench@example.invalid" >/dev/null
# pgcopy's and the Go benchmarks' temp files go to the scratch dir.
export TMPDIR="$tmp/tmp"
mkdir -p "$TMPDIR"

# ---------------------------------------------------------------- machine
git_rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null ||
	git_rev="$git_rev, with uncommitted changes in $(git diff --name-only HEAD | paste -sd, | sed 's/,/, /g')"
{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "pgcopy: git $git_rev; $("$pgcopy_bin" --version 2>/dev/null || echo '?')"
	echo "cpu: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "kernel: $(uname -sr)"
	echo "dolt: $("$dolt_bin" version | head -n 1)"
	echo "go: $(go version)"
	echo "postgres: $("$pg_bindir/postgres" --version)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"
sed 's/^/    /' "$out/machine.txt"

# ---------------------------------------------------------------- measuring
results=$out/results.tsv
refsteps=$out/refsteps.tsv
[[ -s "$results" ]] || printf 'dataset\tconfig\tround\trows\tinput_bytes\twall_s\tuser_s\tsys_s\tpeak_rss_kib\tserver_peak_rss_kib\tdotdolt_bytes\tbusy_cores\tload_avg\n' >"$results"
[[ -s "$refsteps" ]] || printf 'dataset\tround\tstep\ttable\twall_s\tpeak_rss_kib\n' >"$refsteps"
: >"$out/commands.txt"

# busy_ticks prints the machine's busy CPU time so far (all cores, /proc/stat minus idle and
# iowait, in clock ticks of 1/100 s).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

# shorten prints its input with the scratch, data, run and repo paths replaced by names.
shorten() { sed -e "s|$tmp|\$TMP|g" -e "s|$data|.cache/bench/data|g" -e "s|$out|\$OUT|g" -e "s|$repo_root/||g"; }

# note_cmd KEY CMD...: writes CMD (shell-quoted) to commands.txt, once per KEY; note_text KEY TEXT
# writes TEXT as it is.
declare -A noted=()
note_cmd() {
	local key=$1 q
	shift
	q=$(printf '%q ' "$@")
	note_text "$key" "${q% }"
}
note_text() {
	[[ -n "${noted[$1]:-}" ]] && return
	noted[$1]=1
	printf '%-34s %s\n' "$1:" "$(printf '%s' "$2" | shorten)" >>"$out/commands.txt"
}

# timed NAME DIR CMD...: runs CMD in DIR under /usr/bin/time -v, stdin from /dev/null; sets
# wall, user, sys, rss (KiB), busy. stdout and stderr go to $out/NAME.{out,err}.
timed() {
	local name=$1 dir=$2 b0
	shift 2
	b0=$(busy_ticks)
	if ! (cd "$dir" && exec /usr/bin/time -v -o "$out/$name.time" "$@" </dev/null >"$out/$name.out" 2>"$out/$name.err"); then
		tail -n 30 "$out/$name.err" >&2
		die "$name failed: $*"
	fi
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/$name.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$out/$name.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$out/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
	busy=$(awk -v a="$b0" -v b="$(busy_ticks)" -v w="$wall" 'BEGIN {if (w > 0) printf "%.2f", (b - a) / 100 / w; else print "-"}')
}

dotdolt_size() { du -sb "$1/.dolt" | cut -f1; }
report_rows() { grep -o '"rows_written": *[0-9]*' "$1" | awk -F: '{s += $2} END {print s + 0}'; }

record() { # dataset config round rows input_bytes server_rss dotdolt
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$wall" "$user" "$sys" "$rss" "$6" "$7" \
		"$busy" "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
	printf '    %-14s %-20s round %s: %7.2f s wall, %s busy cores, %6.0f MiB peak RSS%s, %s rows\n' "$1" "$2" "$3" "$wall" "$busy" \
		"$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
		"$([[ "$6" != - ]] && awk -v k="$6" 'BEGIN {printf " (server %.0f MiB)", k / 1024}')" "$4"
}

# ---------------------------------------------------------------- inputs
csv_format=1 # bump when the CSV export changes, to rebuild cached CSVs

pg_up=0
start_pg() {
	[[ $pg_up -eq 1 ]] && return
	step "starting throwaway PostgreSQL cluster in $tmp/pg"
	pg_start "$tmp/pg"
	pg_up=1
	echo "    listening on 127.0.0.1:$pg_port"
	export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGCONNECT_TIMEOUT=30
}

psql_do() { "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# export_csvs DB DIR: every table of schema public of DB (not partitions: a partitioned table is
# read through its parent) as DIR/T.csv, in primary-key order; DIR/tables.tsv lists
# table, rows, bytes.
export_csvs() {
	local db=$1 dir=$2 t cols order n
	rm -rf "$dir"
	mkdir -p "$dir"
	: >"$dir/tables.tsv"
	psql_do -d "$db" -At -F $'\t' -c "
		SELECT c.relname,
		       string_agg(CASE
		           WHEN bt.oid = 'bool'::regtype THEN format('%I::int AS %I', a.attname, a.attname)
		           WHEN bt.oid = 'timestamptz'::regtype
		               THEN format('to_char(%I AT TIME ZONE ''UTC'', ''YYYY-MM-DD HH24:MI:SS.US'') AS %I', a.attname, a.attname)
		           WHEN bt.typcategory = 'A' THEN format('array_to_json(%I) AS %I', a.attname, a.attname)
		           ELSE format('%I', a.attname) END, ', ' ORDER BY a.attnum),
		       coalesce((SELECT string_agg(format('%I', pa.attname), ', ' ORDER BY k.ord)
		                   FROM pg_index i
		                   CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
		                   JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = k.attnum
		                  WHERE i.indrelid = c.oid AND i.indisprimary), '')
		  FROM pg_class c
		  JOIN pg_namespace n ON n.oid = c.relnamespace
		  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		  JOIN pg_type t ON t.oid = a.atttypid
		  JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
		 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
		 GROUP BY c.oid, c.relname
		 ORDER BY c.relname" >"$dir/select.tsv"
	while IFS=$'\t' read -r t cols order; do
		[[ -n "$order" ]] && order="ORDER BY $order"
		psql_do -d "$db" -c "\\copy (SELECT $cols FROM public.\"$t\" $order) TO '$dir/$t.csv' WITH (FORMAT csv, HEADER, FORCE_QUOTE *)"
		n=$(psql_do -d "$db" -At -c "SELECT count(*) FROM public.\"$t\"")
		printf '%s\t%s\t%s\n' "$t" "$n" "$(stat -c %s "$dir/$t.csv")" >>"$dir/tables.tsv"
	done <"$dir/select.tsv"
}

# stamp FILE prints what a cached CSV directory must have been made from.
stamp() { printf '%s format %s\n' "$(sha256sum "$1" | cut -d' ' -f1)" "$csv_format"; }

# input_pgbench S: .cache/bench/data/pgbench-sS.sql and pgbench-sS.csv/, made together from one
# `pgbench -i -s S` database unless both are cached.
input_pgbench() {
	local s=$1 f=$data/pgbench-s$1.sql c=$data/pgbench-s$1.csv db=pgbench_s$1 mk=$repo_root/../shared/corpus/make-pgbench-dump.sh
	if [[ -s "$f" && -s "$c/.done" ]] && [[ "$(cat "$c/.done")" == "$(stamp "$f")" ]]; then
		return
	fi
	start_pg
	step "pgbench scale $s: dump $f and CSVs $c/"
	rm -f "$f"
	if [[ -x "$mk" ]]; then
		KEEP_DB=1 PG_BINDIR=$pg_bindir "$mk" "$s" "$f" "$db" >"$out/make-pgbench-s$s.log" 2>&1 ||
			{ tail -n 20 "$out/make-pgbench-s$s.log" >&2; die "make-pgbench-dump.sh $s failed"; }
	else
		psql_do -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
		"$pg_bindir/pgbench" -i -q -s "$s" "$db" >"$out/make-pgbench-s$s.log" 2>&1
		"$pg_bindir/pg_dump" --no-owner --no-privileges -d "$db" -f "$f.partial"
		mv "$f.partial" "$f"
	fi
	export_csvs "$db" "$c"
	psql_do -d postgres -c "DROP DATABASE $db"
	stamp "$f" >"$c/.done"
}

# input_pagila: pagila.csv/ from testdata/pagila/pagila.sql loaded into PostgreSQL.
input_pagila() {
	local f=$repo_root/testdata/pagila/pagila.sql c=$data/pagila.csv
	if [[ -s "$c/.done" ]] && [[ "$(cat "$c/.done")" == "$(stamp "$f")" ]]; then
		return
	fi
	start_pg
	step "pagila: psql -f testdata/pagila/pagila.sql, CSVs $c/"
	psql_do -d postgres -c "DROP DATABASE IF EXISTS pagila" -c "CREATE DATABASE pagila"
	psql_do -d pagila -f "$f" >"$out/load-pagila.log" 2>&1 || { tail -n 20 "$out/load-pagila.log" >&2; die "loading pagila into PostgreSQL failed"; }
	export_csvs pagila "$c"
	psql_do -d postgres -c "DROP DATABASE pagila"
	stamp "$f" >"$c/.done"
}

# ref_schema DUMP CSVDIR OUT: the CREATE TABLE statements of `pgcopy translate DUMP` without
# FOREIGN KEY constraints, into OUT; every table of CSVDIR must be among them.
ref_schema() {
	local dump=$1 c=$2 o=$3 t
	"$pgcopy_noembed" translate -q --dump "$dump" | awk '
		BEGIN {
			print "-- `dolt table import` reads this setting: an explicit 0 in an AUTO_INCREMENT column stays 0,"
			print "-- as in pgcopy (pagila has staff_id 0 and store_id 0)."
			print "SET PERSIST sql_mode = CONCAT(@@sql_mode, \",NO_AUTO_VALUE_ON_ZERO\");"
			print ""
		}
		/^(START TRANSACTION|INSERT INTO)/ { done = 1 }
		done { next }
		/^CREATE TABLE/ { n = 0; intab = 1 }
		!intab { next }
		/^  CONSTRAINT .* FOREIGN KEY / { next }
		{ line[++n] = $0 }
		/;$/ {
			intab = 0
			for (i = 1; i <= n; i++) {
				if (i < n && line[i + 1] ~ /^\)/) sub(/,$/, "", line[i])
				print line[i]
			}
			print ""
		}' >"$o"
	note_text "reference schema" "$pgcopy_noembed translate -q --dump $dump | awk ... > $o: SET PERSIST sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO'), then the CREATE TABLE statements without their FOREIGN KEY lines"
	while IFS=$'\t' read -r t _; do
		grep -q "^CREATE TABLE \`$t\` (" "$o" || die "$o has no table $t (from $c)"
	done <"$c/tables.tsv"
}

# ---------------------------------------------------------------- the timed runs
# Per dataset: ds_dump, ds_csv, ds_db, ds_rows, ds_schema (set by dataset_setup).
dataset_setup() {
	ds=$1
	case $ds in
	pgbench-s*)
		input_pgbench "${ds#pgbench-s}"
		ds_dump=$data/$ds.sql
		ds_db=pgbench_s${ds#pgbench-s}
		;;
	pagila)
		input_pagila
		ds_dump=$repo_root/testdata/pagila/pagila.sql
		ds_db=pagila
		;;
	esac
	ds_csv=$data/$ds.csv
	case $ds in
	pgbench-s*)
		if [[ -x "$repo_root/../shared/corpus/make-pgbench-dump.sh" ]]; then
			note_text "pgbench input (once, cached)" "KEEP_DB=1 PG_BINDIR=... $repo_root/../shared/corpus/make-pgbench-dump.sh S $data/pgbench-sS.sql pgbench_sS; then the CSV export; then DROP DATABASE"
		else
			note_text "pgbench input (once, cached)" "pgbench -i -q -s S pgbench_sS; pg_dump --no-owner --no-privileges -d pgbench_sS -f $data/pgbench-sS.sql; then the CSV export; then DROP DATABASE"
		fi
		;;
	pagila) note_text "pagila input (once, cached)" "psql -X -q -v ON_ERROR_STOP=1 -d pagila -f $ds_dump; then the CSV export" ;;
	esac
	note_text "CSV export (each table)" "psql -X -q -v ON_ERROR_STOP=1 -d DB -c \"\\copy (SELECT <columns> FROM public.<table> ORDER BY <primary key>) TO '<table>.csv' WITH (FORMAT csv, HEADER, FORCE_QUOTE *)\" (each table's columns and key: <dataset>.csv-select.tsv in the run directory)"
	cp "$ds_csv/select.tsv" "$out/$ds.csv-select.tsv"
	cp "$ds_csv/tables.tsv" "$out/$ds.csv-tables.tsv"
	ds_rows=$(awk -F'\t' '{s += $2} END {print s + 0}' "$ds_csv/tables.tsv")
	ds_schema=$out/$ds.ref-schema.sql
	ref_schema "$ds_dump" "$ds_csv" "$ds_schema"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$ds" "$(printf '%s' "$ds_dump" | shorten)" "$(stat -c %s "$ds_dump")" \
		"$(wc -l <"$ds_csv/tables.tsv")" "$ds_rows" "$(awk -F'\t' '{s += $3} END {print s + 0}' "$ds_csv/tables.tsv")" >>"$out/datasets.tsv"
}

# pgcopy_embedded CONFIG ROUND [ARGS...]: pgcopy copy into a fresh directory.
pgcopy_embedded() {
	local cfg=$1 k=$2 name t
	shift 2
	name=$ds-$cfg-r$k
	t=$tmp/$name
	note_cmd "$cfg" "$pgcopy_bin" copy -q --dump "$ds_dump" --target "$tmp/DIR" --report "$out/$ds-$cfg-rN.json" "$@"
	timed "$name" "$tmp" env "${run_env[@]}" "$pgcopy_bin" copy -q --dump "$ds_dump" --target "$t" --report "$out/$name.json" "$@"
	record "$ds" "$cfg" "$k" "$(report_rows "$out/$name.json")" "$(stat -c %s "$ds_dump")" - "$(dotdolt_size "$t")"
	if [[ $cfg == embedded && $k -eq 1 && $check_ds == 1 ]]; then check_pgcopy=$t; else rm -rf "$t"; fi
}
run_env=()

# pgcopy_server CONFIG ROUND [ARGS...]: pgcopy copy into a `dolt sql-server` started for this run.
pgcopy_server() {
	local cfg=$1 k=$2 name d port srss i
	shift 2
	name=$ds-$cfg-r$k
	d=$tmp/$name
	mkdir -p "$d"
	port=$(free_port 55500)
	note_cmd "dolt sql-server (per server run)" "$dolt_bin" sql-server -H 127.0.0.1 -P PORT
	(cd "$d" && exec "$dolt_bin" sql-server -H 127.0.0.1 -P "$port" >"$out/$name.log" 2>&1) &
	server_pid=$!
	for ((i = 0; i < 600; i++)); do
		pg_port_in_use "$port" && break
		kill -0 "$server_pid" 2>/dev/null || { cat "$out/$name.log" >&2; die "dolt sql-server exited"; }
		sleep 0.1
	done
	pg_port_in_use "$port" || die "dolt sql-server does not listen on $port after 60s"
	note_cmd "$cfg" "$pgcopy_bin" copy -q --dump "$ds_dump" --target "mysql://root@127.0.0.1:PORT/$ds_db" --report "$out/$ds-$cfg-rN.json" "$@"
	timed "$name" "$tmp" "$pgcopy_bin" copy -q --dump "$ds_dump" --target "mysql://root@127.0.0.1:$port/$ds_db" --report "$out/$name.json" "$@"
	srss=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")
	kill "$server_pid"
	wait "$server_pid" 2>/dev/null || true
	server_pid=
	record "$ds" "$cfg" "$k" "$(report_rows "$out/$name.json")" "$(stat -c %s "$ds_dump")" "$srss" "$(dotdolt_size "$d/$ds_db")"
	rm -rf "$d"
}

# reference ROUND: dolt sql < schema, dolt table import -u of every CSV, dolt add -A, dolt commit,
# timed as one script into a fresh `dolt init` directory; then dolt gc, timed on its own.
reference() {
	local k=$1 name d script t n got
	name=$ds-reference-r$k
	d=$tmp/$name
	mkdir -p "$d"
	(cd "$d" && "$dolt_bin" init >/dev/null)
	script=$tmp/$ds-reference.sh
	{
		echo '#!/usr/bin/env bash'
		echo 'set -euo pipefail'
		echo '# each step under /usr/bin/time: wall seconds, peak RSS KiB, step, table'
		# shellcheck disable=SC2016 # $1, $2, $st, $tb and $@ belong to the generated script
		printf 's() { local st=$1 tb=$2; shift 2; /usr/bin/time -a -o %q -f "%%e\\t%%M\\t$st\\t$tb" "$@"; }\n' "$tmp/steps"
		printf 's schema - %q sql < %q\n' "$dolt_bin" "$ds_schema"
		while IFS=$'\t' read -r t _; do
			printf 's import %q %q table import -u %q %q\n' "$t" "$dolt_bin" "$t" "$ds_csv/$t.csv"
		done <"$ds_csv/tables.tsv"
		printf 's add - %q add -A\n' "$dolt_bin"
		printf 's commit - %q commit -m reference\n' "$dolt_bin"
	} >"$script"
	if [[ -z "${noted[reference]:-}" ]]; then
		noted[reference]=1
		{
			echo "reference (one timed script, in a fresh \`dolt init\` directory):"
			grep -v '^#\|^set \|^s() ' "$script" | sed 's/^s [a-z]* [^ ]* /    /' | shorten
		} >>"$out/commands.txt"
	fi
	: >"$tmp/steps"
	timed "$name" "$d" bash "$script"
	awk -F'\t' -v ds="$ds" -v k="$k" '{printf "%s\t%s\t%s\t%s\t%s\t%s\n", ds, k, $3, $4, $1, $2}' "$tmp/steps" >>"$refsteps"
	record "$ds" reference "$k" "$ds_rows" "$(awk -F'\t' '{s += $3} END {print s + 0}' "$ds_csv/tables.tsv")" - "$(dotdolt_size "$d")"
	note_cmd "reference dolt gc" "$dolt_bin" gc
	timed "$ds-reference-gc-r$k" "$d" "$dolt_bin" gc
	record "$ds" reference-gc "$k" "$ds_rows" 0 - "$(dotdolt_size "$d")"
	if [[ $k -eq 1 ]]; then # the reference loaded every row
		n=$(awk -F'\t' '{printf "%s(SELECT count(*) FROM `%s`)", (NR > 1 ? " + " : ""), $1}' "$ds_csv/tables.tsv")
		got=$(cd "$d" && "$dolt_bin" sql -r csv -q "SELECT $n AS n" | tail -n 1)
		[[ "$got" == "$ds_rows" ]] || die "the reference loaded $got rows of $ds, PostgreSQL has $ds_rows"
	fi
	if [[ $k -eq 1 && $check_ds == 1 ]]; then check_ref=$d; else rm -rf "$d"; fi
}

# translate_run BINARY-LABEL BINARY ROUND
translate_run() {
	local cfg=$1 bin=$2 k=$3 name=$ds-$1-r$3
	note_cmd "$cfg" "$bin" translate -q --dump "$ds_dump" -o /dev/null
	timed "$name" "$tmp" "$bin" translate -q --dump "$ds_dump" -o /dev/null
	record "$ds" "$cfg" "$k" - "$(stat -c %s "$ds_dump")" - -
}

want() { [[ " $configs " == *" $1 "* ]]; }

# check_same: every table of the dataset holds the same rows in the first round's reference
# ($check_ref) and embedded pgcopy copy ($check_pgcopy), compared as `dolt sql -r csv` output
# ordered by all columns; then both directories are removed.
check_ref=
check_pgcopy=
check_same() {
	local t ncol order a b bad=0
	if [[ -n "$check_ref" && -n "$check_pgcopy" ]]; then
		step "$ds: the reference and pgcopy's embedded copy hold the same rows (round 1, every table)"
		while IFS=$'\t' read -r t _; do
			ncol=$(head -n 1 "$ds_csv/$t.csv" | awk -F, '{print NF}')
			order=$(seq -s, 1 "$ncol")
			a=$(cd "$check_ref" && "$dolt_bin" sql -r csv -q "SELECT * FROM \`$t\` ORDER BY $order" | sha256sum)
			b=$(cd "$check_pgcopy" && "$dolt_bin" sql -r csv -q "SELECT * FROM \`$t\` ORDER BY $order" | sha256sum)
			if [[ "$a" != "$b" ]]; then
				echo "    $t: DIFFERENT" >&2
				bad=1
			fi
		done <"$ds_csv/tables.tsv"
		[[ $bad -eq 0 ]] || die "$ds: the reference and pgcopy loaded different rows (see above)"
		echo "    $(wc -l <"$ds_csv/tables.tsv") tables, the same rows"
		printf '%s\n' "$ds" >>"$out/checked.txt"
	fi
	[[ -n "$check_ref" ]] && rm -rf "$check_ref"
	[[ -n "$check_pgcopy" ]] && rm -rf "$check_pgcopy"
	check_ref=
	check_pgcopy=
}

bench_dataset() {
	local k n
	dataset_setup "$1"
	n=$runs
	[[ $ds == pgbench-s* && ${ds#pgbench-s} -gt 10 ]] && n=$runs_large
	step "$ds: $n rounds of: $configs (rows: $ds_rows; dump $(stat -c %s "$ds_dump") B)"
	check_ds=0
	if [[ $check == all || ($check == 1 && $ds_rows -le 2000000) ]]; then check_ds=1; fi
	for ((k = 1; k <= n; k++)); do
		if want reference; then reference "$k"; fi
		if want embedded; then pgcopy_embedded embedded "$k"; fi
		if want server; then pgcopy_server server "$k"; fi
		if want server-jobs; then pgcopy_server server-jobs "$k" --jobs "$jobs"; fi
		if want embedded-jobs; then pgcopy_embedded embedded-jobs "$k" --jobs "$jobs"; fi
		if want sql-inserts && [[ $ds == "pgbench-s$sqlins_scale" ]]; then pgcopy_embedded sql-inserts "$k" --sql-inserts; fi
		if [[ $k -eq 1 ]]; then check_same; fi
	done
	if [[ $translate_runs -gt 0 ]]; then
		step "$ds: $translate_runs rounds of pgcopy translate (default binary, -tags noembed)"
		for ((k = 1; k <= translate_runs; k++)); do
			translate_run translate "$pgcopy_bin" "$k"
			translate_run translate-noembed "$pgcopy_noembed" "$k"
		done
	fi
	if [[ $profile == 1 && $ds == "$profile_ds" ]]; then
		local p=$out/cpu-$ds-embedded.pprof
		step "$ds: one embedded run with PGCOPY_CPUPROFILE=$p (not in the tables)"
		run_env=("PGCOPY_CPUPROFILE=$p")
		note_cmd "profile" env "PGCOPY_CPUPROFILE=$p" "$pgcopy_bin" copy -q --dump "$ds_dump" --target "$tmp/DIR" --report "$out/$ds-embedded-profiled-r1.json"
		noted[embedded-profiled]=1
		pgcopy_embedded embedded-profiled 1
		run_env=()
		go tool pprof -top -nodecount=60 "$pgcopy_bin" "$p" >"$out/pprof-top-$ds.txt" 2>"$out/pprof-top-$ds.err" ||
			{ cat "$out/pprof-top-$ds.err" >&2; die "go tool pprof failed"; }
		note_cmd "profile top" go tool pprof -top -nodecount=60 "$pgcopy_bin" "$p"
	fi
}

# ---------------------------------------------------------------- the results section
# summarize writes $out/summary.md from results.tsv, refsteps.tsv, datasets.tsv, machine.txt and
# commands.txt.
summarize() {
	local f=$out/summary.md
	{
		echo "## Issue 8 results (generated by \`scripts/bench.sh\`)"
		echo
		echo "Do not edit this section by hand: \`./scripts/bench.sh\` replaces everything between the"
		echo "\`bench:results\` markers. Raw output of this run: \`$(printf '%s' "$out" | sed "s|$repo_root/||")/\` (not in git)."
		echo
		local issue8=yes
		[[ "$scales" == "10 50" && $with_pagila == 1 && $runs -ge 3 && $runs_large -ge 2 && $translate_runs -ge 1 &&
			"$configs" == "reference embedded server server-jobs embedded-jobs sql-inserts" && $sqlins_scale == 10 ]] || issue8=no
		if [[ $issue8 == no ]]; then
			echo "**This was not the full issue-8 run** (BENCH_SCALES=\"$scales\", BENCH_PAGILA=$with_pagila,"
			echo "BENCH_RUNS=$runs, BENCH_RUNS_LARGE=$runs_large, BENCH_CONFIGS=\"$configs\"): treat its numbers as a"
			echo "check of the script, not as results."
			echo
		fi
		echo "### Machine and versions"
		echo
		sed -e 's/^/- /' -e 's/^- \([a-z ]*\):/- **\1:**/' "$out/machine.txt"
		echo "- **run settings:** BENCH_SCALES=\"$scales\", BENCH_PAGILA=$with_pagila, BENCH_RUNS=$runs, BENCH_RUNS_LARGE=$runs_large, BENCH_JOBS=$jobs, BENCH_TRANSLATE_RUNS=$translate_runs, BENCH_SQL_INSERTS_SCALE=$sqlins_scale, BENCH_PROFILE=$profile"
		echo "- **duration:** $(((SECONDS - t_start) / 60)) min $(((SECONDS - t_start) % 60)) s, inputs and builds included"
		echo
		awk -F'\t' -v jobs="$jobs" -f "$tmp/summary.awk" "$out/datasets.tsv" "$refsteps" "$results"
		local checked unchecked
		touch "$out/checked.txt"
		checked=$(paste -sd, "$out/checked.txt" | sed 's/,/, /g')
		unchecked=$(cut -f1 "$out/datasets.tsv" | grep -vxF -f "$out/checked.txt" | paste -sd, | sed 's/,/, /g' || true)
		echo "Same data: after round 1, every table of the reference and of pgcopy's embedded copy held the same rows"
		echo "(\`dolt sql -r csv\` output ordered by all columns) for: ${checked:-none}."
		if [[ -n "$unchecked" ]]; then
			echo "Not compared: $unchecked (the check needs the reference and the embedded configuration, and runs on datasets"
			echo "of at most 2,000,000 rows unless BENCH_CHECK=all)."
		fi
		if want reference; then echo "The first reference run of each dataset loaded as many rows as PostgreSQL's count(*)."; fi
		echo
		if [[ $profile == 1 && -s "$out/pprof-top-$profile_ds.txt" ]]; then
			echo "### CPU profile ($profile_ds, embedded, one run)"
			echo
			echo "\`go tool pprof -top\` of \`cpu-$profile_ds-embedded.pprof\` in the run directory, first 30 lines:"
			echo
			echo '```'
			head -n 30 "$out/pprof-top-$profile_ds.txt"
			echo '```'
			echo
		fi
		echo "### Commands"
		echo
		echo "\`\$TMP\` is the run's scratch directory, \`\$OUT\` its output directory, PORT a free port."
		echo
		echo '```'
		cat "$out/commands.txt"
		echo '```'
	} >"$f"
}

cat >"$tmp/summary.awk" <<'AWK'
# Input: datasets.tsv (no header), refsteps.tsv, results.tsv (with headers). Output: markdown.
function med(a, n,    i, j, t) { # sorts a[1..n] in place, returns the median
	for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
function mib(k) { return sprintf("%.0f", k / 1024) }
function have(ds, c) { return ((ds SUBSEP c) in n) }
function yesno(b) { return b ? "**yes**" : "**no**" }
function label(c) {
	if (c == "reference") return "reference: `dolt table import` of the CSVs + add + commit"
	if (c == "reference-gc") return "reference, then `dolt gc` (timed on its own)"
	if (c == "embedded") return "pgcopy, embedded"
	if (c == "server") return "pgcopy, sql-server"
	if (c == "server-jobs") return "pgcopy, sql-server, `--jobs " jobs "`"
	if (c == "embedded-jobs") return "pgcopy, embedded, `--jobs " jobs "`"
	if (c == "sql-inserts") return "pgcopy, embedded, `--sql-inserts`"
	if (c == "embedded-profiled") return "pgcopy, embedded, with PGCOPY_CPUPROFILE (not a measurement)"
	if (c == "translate") return "`pgcopy translate`, default binary"
	if (c == "translate-noembed") return "`pgcopy translate`, `-tags noembed` build"
	return c
}
# stat(ds, c): sets mw (median wall), lo, hi, mr (median rss KiB), ms (median server rss), md (median .dolt), bl (busy list)
function stat(ds, c,    i, m, w, r, s, d) {
	m = n[ds, c]; lo = 1e18; hi = 0; bl = ""
	for (i = 1; i <= m; i++) {
		w[i] = W[ds, c, i]; r[i] = R[ds, c, i]; s[i] = S[ds, c, i]; d[i] = D[ds, c, i]
		if (w[i] < lo) lo = w[i]; if (w[i] > hi) hi = w[i]
		bl = bl (i > 1 ? " / " : "") B[ds, c, i]
	}
	mw = med(w, m); mr = med(r, m); md = (d[1] == "-") ? "-" : med(d, m); ms = (s[1] == "-") ? "-" : med(s, m)
}
# ratio(ds, c): reference wall / c wall from the medians; rl = per-round ratios
function ratio(ds, c,    i, m, rm) {
	rl = ""
	if (!have(ds, "reference")) return "-"
	stat(ds, "reference"); rm = mw
	m = n[ds, c]; if (n[ds, "reference"] < m) m = n[ds, "reference"]
	for (i = 1; i <= m; i++) rl = rl (i > 1 ? ", " : "") sprintf("%.2f", W[ds, "reference", i] / W[ds, c, i])
	stat(ds, c)
	return rm / mw
}
# the largest import step's peak RSS (median over rounds) and the import steps' wall (median of sums)
function refsteps(ds,    i, m, a, b, cc, dd, ee) {
	m = rn[ds]
	for (i = 1; i <= m; i++) { a[i] = refI[ds, i] + 0; b[i] = refS[ds, i] + 0; cc[i] = refA[ds, i] + 0; dd[i] = refC[ds, i] + 0; ee[i] = refX[ds, i] + 0 }
	imp_s = med(a, m); sch_s = med(b, m); add_s = med(cc, m); com_s = med(dd, m); imp_rss = med(ee, m)
}
FILENAME == ARGV[1] {
	nds++; dsn[nds] = $1; dump[$1] = $2; dumpb[$1] = $3; ntab[$1] = $4; rows[$1] = $5; csvb[$1] = $6
	if ($1 ~ /^pgbench-s/) { sc = substr($1, 10) + 0; scale[$1] = sc; if (sc > maxscale) maxscale = sc }
	next
}
FILENAME == ARGV[2] {
	if (FNR == 1) next
	ds = $1; k = $2 + 0; if (k > rn[ds]) rn[ds] = k
	if ($3 == "import") { refI[ds, k] += $5; if ($6 + 0 > refX[ds, k] + 0) { refX[ds, k] = $6; refT[ds, k] = $4 } }
	if ($3 == "schema") refS[ds, k] += $5
	if ($3 == "add") refA[ds, k] += $5
	if ($3 == "commit") refC[ds, k] += $5
	next
}
FNR == 1 { next }
{
	ds = $1; c = $2
	if (!((ds SUBSEP c) in n)) { nc[ds]++; cfg[ds, nc[ds]] = c }
	i = ++n[ds, c]
	W[ds, c, i] = $6; R[ds, c, i] = $9; S[ds, c, i] = $10; D[ds, c, i] = $11; B[ds, c, i] = $12
	crow[ds, c] = $4; cin[ds, c] = $5
}
END {
	big = (maxscale > 0) ? "pgbench-s" maxscale : ""
	print "### Inputs"
	print ""
	print "| dataset | dump | dump MB | tables | rows | CSV MB (reference input) |"
	print "|---|---|---|---|---|---|"
	for (q = 1; q <= nds; q++) { ds = dsn[q]; printf "| %s | `%s` | %.1f | %d | %d | %.1f |\n", ds, dump[ds], dumpb[ds] / 1e6, ntab[ds], rows[ds], csvb[ds] / 1e6 }
	print ""

	# ---- targets
	print "### Issue-8 targets"
	print ""
	print "Medians of this run. \"ratio\" is the reference's wall time ÷ pgcopy's (> 1: pgcopy is faster)."
	print ""
	print "| target | measured | met |"
	print "|---|---|---|"
	t50 = have("pgbench-s50", "embedded") ? "pgbench-s50" : big
	note = (t50 == "pgbench-s50") ? "" : " (scale " scale[t50] ", not 50: indicative only)"
	if (t50 != "" && have(t50, "embedded") && have(t50, "reference")) {
		r = ratio(t50, "embedded")
		printf "| embedded pgcopy ≥ 0.9× the reference's throughput at scale 50 | %.2f× (per round: %s)%s | %s |\n", r, rl, note, yesno(r >= 0.9)
	} else print "| embedded pgcopy ≥ 0.9× the reference's throughput at scale 50 | not measured | - |"
	if (t50 != "" && have(t50, "server-jobs") && have(t50, "reference")) {
		r = ratio(t50, "server-jobs")
		printf "| sql-server with `--jobs %s` ≥ 1.0× the reference | %.2f× at scale %s (per round: %s)%s | %s |\n", jobs, r, scale[t50], rl, note, yesno(r >= 1.0)
	} else print "| sql-server with `--jobs` ≥ 1.0× the reference | not measured | - |"
	# translate, on the largest dump of the run
	tds = ""; for (q = 1; q <= nds; q++) if (have(dsn[q], "translate") && (tds == "" || dumpb[dsn[q]] > dumpb[tds])) tds = dsn[q]
	if (tds != "") {
		stat(tds, "translate"); tw = mw; tr = mr
		if (have(tds, "translate-noembed")) { stat(tds, "translate-noembed"); nw = mw; nr = mr } else { nw = 0 }
		printf "| `pgcopy translate` ≥ 100 MB/s | default binary %.0f MB/s%s, on %s (%.0f MB) | %s |\n", dumpb[tds] / 1e6 / tw, \
			(nw ? sprintf("; `-tags noembed` %.0f MB/s", dumpb[tds] / 1e6 / nw) : ""), tds, dumpb[tds] / 1e6, \
			yesno(dumpb[tds] / 1e6 / tw >= 100) (nw ? " (default), " yesno(dumpb[tds] / 1e6 / nw >= 100) " (noembed)" : "")
	} else print "| `pgcopy translate` ≥ 100 MB/s | not measured | - |"
	if (have("pgbench-s50", "embedded") && have("pgbench-s10", "embedded")) {
		stat("pgbench-s50", "embedded"); a = mr; stat("pgbench-s10", "embedded"); b = mr
		printf "| embedded peak RSS at scale 50 within 15 %% of scale 10 | %s MiB ÷ %s MiB = %.2f× | %s |\n", mib(a), mib(b), a / b, yesno(a / b <= 1.15)
	} else print "| embedded peak RSS at scale 50 within 15 % of scale 10 | not measured (needs scales 10 and 50) | - |"
	line = ""; ok = 1; cnt = 0
	for (q = 1; q <= nds; q++) {
		ds = dsn[q]
		if (!(ds in rn) || !have(ds, "embedded")) continue
		refsteps(ds); stat(ds, "embedded")
		line = line (cnt++ ? "; " : "") sprintf("%s: %s ÷ %s MiB = %.2f×", ds, mib(mr), mib(imp_rss), mr / imp_rss)
		if (ds ~ /^pgbench/ && mr > imp_rss) ok = 0
		if (ds ~ /^pgbench/) pg_cnt++
	}
	if (cnt) printf "| pgcopy copy's peak RSS ≤ `dolt table import`'s (embedded; the largest import process) | %s | %s |\n", line, pg_cnt ? yesno(ok) " (pgbench)" : "not measured (no pgbench scale)"
	else print "| pgcopy copy's peak RSS ≤ `dolt table import`'s | not measured | - |"
	if (tds != "") {
		printf "| `pgcopy translate` peak RSS < 100 MB | default binary %.0f MB%s, on %s | %s |\n", tr * 1024 / 1e6, \
			(nw ? sprintf("; `-tags noembed` %.0f MB", nr * 1024 / 1e6) : ""), tds, \
			yesno(tr * 1024 < 100e6) (nw ? " (default), " yesno(nr * 1024 < 100e6) " (noembed)" : "")
	} else print "| `pgcopy translate` peak RSS < 100 MB | not measured | - |"
	print ""
	if (tds != "" && dumpb[tds] < 0.9e9) printf "The issue states the translate targets for a dump of about 1 GB; this run's largest dump is %s, %.0f MB.\n\n", tds, dumpb[tds] / 1e6

	# ---- per dataset
	for (q = 1; q <= nds; q++) {
		ds = dsn[q]
		print "### " ds ": copy"
		print ""
		printf "%d rows in %d tables; dump %.1f MB, CSVs %.1f MB.\n\n", rows[ds], ntab[ds], dumpb[ds] / 1e6, csvb[ds] / 1e6
		print "| configuration | runs | wall s, median (min–max) | rows/s | input MB/s | ratio: reference ÷ this (per round) | peak RSS MiB | server VmHWM MiB | .dolt MB after | busy cores per run |"
		print "|---|---|---|---|---|---|---|---|---|---|"
		for (j = 1; j <= nc[ds]; j++) {
			c = cfg[ds, j]
			if (c ~ /^translate/) continue
			r = (c == "reference" || c == "reference-gc" || c == "embedded-profiled") ? "-" : ratio(ds, c)
			stat(ds, c)
			rr = (r == "-") ? "-" : sprintf("**%.2f** (%s)", r, rl)
			rps = (c == "reference-gc") ? "-" : sprintf("%.0f", crow[ds, c] / mw)
			mbs = (cin[ds, c] + 0 == 0) ? "-" : sprintf("%.1f", cin[ds, c] / 1e6 / mw)
			printf "| %s | %d | %.2f (%.2f–%.2f) | %s | %s | %s | %s | %s | %s | %s |\n", label(c), n[ds, c], mw, lo, hi, rps, mbs, rr, \
				mib(mr), (ms == "-") ? "-" : mib(ms), (md == "-") ? "-" : sprintf("%.1f", md / 1e6), bl
		}
		print ""
		if (ds in rn) {
			refsteps(ds)
			printf "Reference steps (medians over rounds): `dolt sql` schema %.2f s; %d × `dolt table import` %.2f s in all (largest peak RSS %s MiB, %s); `dolt add` %.2f s; `dolt commit` %.2f s.\n\n", \
				sch_s, ntab[ds], imp_s, mib(imp_rss), refT[ds, 1], add_s, com_s
		}
		if (have(ds, "translate")) {
			print "| translate | runs | wall s, median (min–max) | dump MB/s | peak RSS MiB | busy cores per run |"
			print "|---|---|---|---|---|---|"
			for (j = 1; j <= nc[ds]; j++) {
				c = cfg[ds, j]
				if (c !~ /^translate/) continue
				stat(ds, c)
				printf "| %s | %d | %.2f (%.2f–%.2f) | %.1f | %s | %s |\n", label(c), n[ds, c], mw, lo, hi, cin[ds, c] / 1e6 / mw, mib(mr), bl
			}
			print ""
		}
	}
	print "Notes: the reference's tables have the same columns, primary keys, indexes and checks as pgcopy's, but no foreign keys;"
	print "pgcopy also resolves and verifies the foreign keys, creates the views, fills materialized views and runs DOLT_GC (embedded)."
	print "The sql-server rows time only pgcopy (the server is started before and stopped after); the server does the work,"
	print "so its VmHWM is the memory that matters there. Peak RSS of the reference is that of its largest `dolt` process."
	print "Input MB/s: MB of the dump for pgcopy, MB of the CSVs for the reference."
	print ""
}
AWK

# ---------------------------------------------------------------- main
if [[ $what == run || $what == all ]]; then
	datasets=()
	for s in $scales; do datasets+=("pgbench-s$s"); done
	[[ $with_pagila == 1 ]] && datasets+=(pagila)
	[[ ${#datasets[@]} -gt 0 ]] || die "nothing to do: BENCH_SCALES is empty and BENCH_PAGILA=0"
	profile_ds=pgbench-s10
	[[ " $scales " == *" 10 "* ]] || profile_ds=${datasets[0]}
	: >"$out/datasets.tsv"
	step "pgcopy and the reference (results in $results)"
	for d in "${datasets[@]}"; do
		bench_dataset "$d"
	done
	echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
	summarize
	step "summary: $out/summary.md"
	cat "$out/summary.md"
	if [[ $write_doc == 1 ]]; then
		doc=$repo_root/BENCHMARKS.md
		begin='<!-- bench:results:begin -->'
		end='<!-- bench:results:end -->'
		if ! grep -qxF "$begin" "$doc" || ! grep -qxF "$end" "$doc"; then
			printf '\n%s\n%s\n' "$begin" "$end" >>"$doc"
		fi
		awk -v b="$begin" -v e="$end" -v f="$out/summary.md" '
			$0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
			$0 == e { skip = 0 }
			!skip' "$doc" >"$tmp/BENCHMARKS.md"
		cat "$tmp/BENCHMARKS.md" >"$doc"
		step "BENCHMARKS.md: the section between the bench:results markers is now $out/summary.md"
	fi
fi

if [[ $what == loadpath || $what == all ]]; then
	export PGCOPY_TEST_DOLT="$dolt_bin" PGCOPY_TEST_PGBIN="$pg_bindir"
	# Rounds of -count 1 instead of one -count N: every round runs each candidate once, so a
	# slow phase of a shared machine hits all candidates alike instead of one of them.
	: >"$out/loadpath.txt"
	for ((r = 1; r <= go_count; r++)); do
		step "round $r/$go_count: go test -run '^\$' -bench LoadPath, then each TxSize case, -benchtime 1x ./loader/ (results in $out/loadpath.txt)"
		go test -run '^$' -bench 'LoadPath' -benchtime 1x -count 1 -timeout 2h ./loader/ | tee -a "$out/loadpath.txt"
		# one process per TxSize case, so that its peak RSS is its own
		for c in one-tx commit-every-100k commit-every-10k commit-gc-every-250k; do
			go test -run '^$' -bench "TxSize/embedded/$c\$" -benchtime 1x -count 1 -timeout 2h ./loader/ | tee -a "$out/loadpath.txt"
		done
	done
	awk '/^Benchmark(LoadPath|TxSize)\// {
		name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
		v = 0; p = "-"; bc = "-"; sc = "-"
		for (i = 2; i < NF; i++) {
			if ($(i+1) == "rows/s") v = $i
			if ($(i+1) == "peak-RSS-MiB" && name ~ /^TxSize/) p = $i
			if ($(i+1) == "busy-cores") bc = $i
			if ($(i+1) == "self-cores") sc = $i
		}
		if (!(name in n)) order[++k] = name
		r = ++n[name]
		vals[name, r] = v; peaks[name, r] = p; busy[name, r] = bc; self[name, r] = sc
	}
	function med(arr, m,    i, j, t) {
		for (i = 2; i <= m; i++) for (j = i; j > 1 && arr[j-1] > arr[j]; j--) { t = arr[j]; arr[j] = arr[j-1]; arr[j-1] = t }
		return (m % 2) ? arr[(m+1)/2] : (arr[m/2] + arr[m/2+1]) / 2
	}
	END {
		print ""
		print "## Load-path benchmarks (loader/loadpath_bench_test.go)"
		print ""
		print "| load path | runs | rows/s median (min-max) | rows/s per round | busy cores per round (machine) | self cores per round | peak RSS MiB, max (TxSize only: one process per case) |"
		print "|---|---|---|---|---|---|---|"
		for (o = 1; o <= k; o++) {
			name = order[o]; m = n[name]; min = 1e18; max = 0; pk = "-"; per = ""; pb = ""; ps = ""
			for (i = 1; i <= m; i++) {
				a[i] = vals[name, i] + 0; if (a[i] < min) min = a[i]; if (a[i] > max) max = a[i]
				if (peaks[name, i] != "-" && (pk == "-" || peaks[name, i] + 0 > pk + 0)) pk = peaks[name, i]
				per = per (i > 1 ? " / " : "") sprintf("%.0f", vals[name, i])
				pb = pb (i > 1 ? " / " : "") busy[name, i]; ps = ps (i > 1 ? " / " : "") self[name, i]
			}
			printf "| %s | %d | %.0f (%.0f-%.0f) | %s | %s | %s | %s |\n", name, m, med(a, m), min, max, per, pb, ps, pk
		}
		# paired per-round ratios: the same round ran both candidates minutes apart
		print ""
		print "| ratio, per round | rounds |"
		print "|---|---|"
		split("LoadPath/embedded/2tables-par-insert-1000:LoadPath/embedded/2tables-seq-insert-1000 LoadPath/server/2tables-par-insert-1000:LoadPath/server/2tables-seq-insert-1000 LoadPath/server/2tables-par-loaddata-local-hex:LoadPath/server/2tables-seq-loaddata-local-hex LoadPath/embedded/loaddata-hex-fifo:LoadPath/embedded/insert-1000 LoadPath/embedded/loaddata-hex-file:LoadPath/embedded/insert-1000 LoadPath/embedded/insert-5000:LoadPath/embedded/insert-1000 LoadPath/embedded/insert-100:LoadPath/embedded/insert-1000 LoadPath/server/loaddata-local-hex:LoadPath/server/insert-1000 LoadPath/server/insert-1000:LoadPath/embedded/insert-1000 TxSize/embedded/commit-gc-every-250k:TxSize/embedded/one-tx TxSize/embedded/commit-every-10k:TxSize/embedded/one-tx", pairs, " ")
		for (q = 1; q in pairs; q++) {
			split(pairs[q], ab, ":")
			if (!(ab[1] in n) || !(ab[2] in n)) continue
			m = n[ab[1]] < n[ab[2]] ? n[ab[1]] : n[ab[2]]; line = ""
			for (i = 1; i <= m; i++) line = line (i > 1 ? " / " : "") sprintf("%.2f", vals[ab[1], i] / vals[ab[2], i])
			printf "| %s ÷ %s (rows/s) | %s |\n", ab[1], ab[2], line
		}
	}' "$out/loadpath.txt" | tee -a "$out/summary.md"
fi

step "done in $(((SECONDS - t_start) / 60)) min $(((SECONDS - t_start) % 60)) s: $out"
