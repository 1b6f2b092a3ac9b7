#!/usr/bin/env bash
# Measures pgcopy's throughput and memory against real PostgreSQL dumps and a real Dolt,
# and the candidate bulk-load paths of the loader (issues 5 and 6). BENCHMARKS.md holds
# the numbers of the last careful run and what they mean.
#
# Usage:
#   ./scripts/bench.sh              # everything: "pgcopy" then "loadpath"
#   ./scripts/bench.sh pgcopy       # only the whole-process measurements
#   ./scripts/bench.sh loadpath     # only the Go benchmarks in loader/loadpath_bench_test.go
#
# What it measures ("pgcopy" part; every timed command runs under /usr/bin/time -v, which
# gives the wall time and the peak RSS of the timed process):
#   a. embedded   pgcopy copy --dump pgbench-sS.sql --target <fresh dir>, for every scale
#                 in BENCH_SCALES (pgbench -i -s S: 100,000*S accounts + 11*S other rows);
#                 BENCH_RUNS runs per scale (BENCH_RUNS_LARGE for scales above 10);
#   b. server     the scale-BENCH_SERVER_SCALE dump into a fresh `dolt sql-server`
#                 (mysql://root@127.0.0.1:PORT/pgbench): pgcopy's wall time and RSS, plus the
#                 server's peak RSS (VmHWM of the server process, started fresh for each run);
#                 again as "server-noembed" with pgcopy built -tags noembed (no embedded engine
#                 linked in), when the source tree has that tag;
#   c. import     baseline: `dolt table import -c --schema` of the same scale's pgbench_accounts
#                 exported with psql \copy ... (FORMAT csv, HEADER, FORCE_QUOTE *) into a fresh
#                 `dolt init` directory; then `dolt gc` timed separately (pgcopy's time includes
#                 its DOLT_GC);
#   d. stdin      pgcopy copy --dump - < pgbench-sS.sql (the stdin spool path), same scale;
#   e. trace      one more embedded run (scale BENCH_TRACE_SCALE) with pgcopy's VmRSS sampled
#                 every 0.5 s and GODEBUG=gctrace=1, to see when memory grows (not timed);
#   f. jobs       `--jobs 1` vs `--jobs 2` (if pgcopy has the flag) on a dump of pgbench scale
#                 BENCH_JOBS_SCALE plus pgbench_accounts2, a second table as large as
#                 pgbench_accounts, into a fresh sql-server and a fresh directory; BENCH_JOBS_RUNS
#                 rounds, the four configurations taking turns within a round;
#   g. pair       a. (embedded, scale BENCH_IMPORT_SCALE) and c. taking turns, BENCH_RUNS pairs,
#                 for the pgcopy / dolt table import ratio of each pair;
#   h. knobs      a. (embedded, scale BENCH_IMPORT_SCALE) plain, with GOGC=50 and with
#                 GOMEMLIMIT=256MiB, taking turns, BENCH_RUNS rounds.
#   Every run also records "busy cores": the machine's average busy CPUs (/proc/stat) during
#   the run, the run itself included; on a 2-core machine shared with others it tells which
#   runs had the machine to themselves.
#   After each run the size of the target's .dolt directory is recorded (du -sb).
#   rows = rows written (from pgcopy's --report JSON; for the import, the CSV's data lines);
#   MB/s = bytes of the timed command's input (dump or CSV) / 10^6 / wall seconds.
#
# The "loadpath" part runs BENCH_GO_COUNT rounds of `go test -run '^$' -bench LoadPath
# -benchtime 1x ./loader/` (loader/loadpath_bench_test.go): 200,000 synthetic rows per table
# through multi-row INSERTs of 100/1000/5000 rows, LOAD DATA INFILE with hex-encoded text (file
# and named pipe), LOAD DATA LOCAL INFILE 'Reader::...' on a sql-server, two tables sequentially
# vs. in parallel; then, each in its own process (so its peak RSS is its own), the BenchmarkTxSize
# cases: 1,000,000 rows in one transaction vs. a COMMIT every 100k / 10k rows vs. a COMMIT and
# CALL DOLT_GC() every 250k rows.
#
# Setup, as ./scripts/test.sh does it: PostgreSQL server binaries ($PG_BINDIR or the newest
# /usr/lib/postgresql/*/bin, installed with apt-get if missing), a throwaway cluster in a temp
# dir on a free 127.0.0.1 port (started only when a dump or CSV must be generated; removed on
# exit), pgcopy built into .cache/bin/pgcopy and the dolt CLI pinned in go.mod into
# .cache/bin/dolt, a private DOLT_ROOT_PATH, metrics off (DOLT_METRICS_DISABLED=1 for the
# embedded engine, metrics.disabled for the CLI).
#
# Output: BENCH_OUT (default .cache/bench/<UTC timestamp>/) gets machine.txt, results.tsv (one
# line per timed run), summary.md (medians and ratios), loadpath.txt (raw `go test -bench`
# output) and the stderr of every run. Dumps and the CSV are cached in .cache/bench/data/ (delete
# it to regenerate them). Scratch targets live in a temp dir that is removed on exit.
#
# Environment knobs (defaults in brackets): BENCH_EXPERIMENTS ["embedded server import stdin
# trace jobs pair knobs": which of a-h the pgcopy part runs], BENCH_SCALES ["1 10 50"], BENCH_RUNS [3],
# BENCH_RUNS_LARGE [1], BENCH_SERVER_SCALE [10], BENCH_IMPORT_SCALE [10], BENCH_STDIN_SCALE [10],
# BENCH_TRACE_SCALE [10], BENCH_JOBS_SCALE [10], BENCH_JOBS_RUNS [3],
# BENCH_GO_COUNT [3], PGCOPY_BENCH_ROWS [200000, rows per table of the Go benchmarks],
# BENCH_OUT, PG_BINDIR.
#
# The machine is assumed to be small and shared: runs are strictly sequential, nothing runs
# in parallel with a timed command except what the command itself starts.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

what=${1:-all}
case "$what" in
all | pgcopy | loadpath) ;;
-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
*) die "unknown part '$what': use all, pgcopy or loadpath" ;;
esac

scales=${BENCH_SCALES:-1 10 50}
runs=${BENCH_RUNS:-3}
runs_large=${BENCH_RUNS_LARGE:-1}
server_scale=${BENCH_SERVER_SCALE:-10}
import_scale=${BENCH_IMPORT_SCALE:-10}
stdin_scale=${BENCH_STDIN_SCALE:-10}
trace_scale=${BENCH_TRACE_SCALE:-10}
jobs_scale=${BENCH_JOBS_SCALE:-10}
runs_jobs=${BENCH_JOBS_RUNS:-3}
experiments=${BENCH_EXPERIMENTS:-embedded server import stdin trace jobs pair knobs}
go_count=${BENCH_GO_COUNT:-3}
out=${BENCH_OUT:-$repo_root/.cache/bench/$(date -u +%Y%m%dT%H%M%SZ)}
data=$repo_root/.cache/bench/data
mkdir -p "$out" "$data"
out=$(cd "$out" && pwd)

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
pgcopy_noembed=
if [[ $what == all || $what == pgcopy ]]; then
	step "building .cache/bin/pgcopy"
	go build -o .cache/bin/pgcopy ./cmd/pgcopy
	# A build without the embedded engine (-tags noembed), if this version of pgcopy has the
	# tag: the server target measured with it shows the client's own footprint.
	if go build -tags noembed -o .cache/bin/pgcopy-noembed ./cmd/pgcopy 2>/dev/null && ! cmp -s .cache/bin/pgcopy .cache/bin/pgcopy-noembed; then
		pgcopy_noembed=$repo_root/.cache/bin/pgcopy-noembed
	fi
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


# free_port prints a port in 55432..56431 that nothing listens on.
free_port() {
	local p=$1
	while pg_port_in_use "$p"; do
		p=$((p + 1))
		[[ $p -lt 56432 ]] || die "no free TCP port in 55432..56431"
	done
	printf '%s\n' "$p"
}

# ---------------------------------------------------------------- throwaway PostgreSQL (same as test.sh)
pg_port=
start_pg() {
	[[ $pg_started -eq 1 ]] && return
	step "starting throwaway PostgreSQL cluster in $tmp/pg"
	pg_start "$tmp/pg"
	echo "    listening on 127.0.0.1:$pg_port"
	export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGCONNECT_TIMEOUT=30
}

psql_do() { "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# pgbench_db S creates database pgbench_sS filled by `pgbench -i -s S` (once per run of this script).
declare -A have_db=()
pgbench_db() {
	local s=$1 db=pgbench_s$1
	[[ -n "${have_db[$s]:-}" ]] && return
	start_pg
	step "pgbench -i -s $s"
	psql_do -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	"$pg_bindir/pgbench" -i -q -s "$s" "$db" 2>&1 | tail -n 2 | sed 's/^/    /'
	have_db[$s]=1
}

# dump_of S sets $file to the plain pg_dump of pgbench scale S, making it if needed.
# (Not called in $(...): starting PostgreSQL must happen in this shell.)
dump_of() {
	local s=$1 f=$data/pgbench-s$1.sql
	if [[ ! -s "$f" ]]; then
		pgbench_db "$s"
		step "pg_dump --no-owner --no-privileges pgbench_s$s > $f"
		"$pg_bindir/pg_dump" --no-owner --no-privileges -d "pgbench_s$s" -f "$f.partial"
		mv "$f.partial" "$f"
	fi
	file=$f
}

# dump2_of S sets $file to a plain pg_dump of pgbench scale S plus pgbench_accounts2, a copy of
# pgbench_accounts (same rows, same primary key): two equally large tables, for --jobs.
dump2_of() {
	local s=$1 f=$data/pgbench2-s$1.sql
	if [[ ! -s "$f" ]]; then
		pgbench_db "$s"
		step "pgbench_s$s + pgbench_accounts2; pg_dump > $f"
		psql_do -d "pgbench_s$s" -c "CREATE TABLE pgbench_accounts2 (LIKE pgbench_accounts INCLUDING ALL)" \
			-c "INSERT INTO pgbench_accounts2 SELECT * FROM pgbench_accounts ORDER BY aid"
		"$pg_bindir/pg_dump" --no-owner --no-privileges -d "pgbench_s$s" -f "$f.partial"
		psql_do -d "pgbench_s$s" -c "DROP TABLE pgbench_accounts2"
		mv "$f.partial" "$f"
	fi
	file=$f
}

# csv_of S sets $file to pgbench_accounts of scale S as CSV (header, every value quoted).
csv_of() {
	local s=$1 f=$data/pgbench_accounts-s$1.csv
	if [[ ! -s "$f" ]]; then
		pgbench_db "$s"
		step "psql \\copy pgbench_accounts (FORMAT csv, HEADER, FORCE_QUOTE *) > $f"
		psql_do -d "pgbench_s$s" -c "\\copy (SELECT * FROM pgbench_accounts ORDER BY aid) TO '$f.partial' WITH (FORMAT csv, HEADER, FORCE_QUOTE *)"
		mv "$f.partial" "$f"
	fi
	file=$f
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
# pgcopy's stdin spool and the Go benchmarks' temp dirs go to the scratch dir.
export TMPDIR="$tmp/tmp"
mkdir -p "$TMPDIR"

# ---------------------------------------------------------------- machine
{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "kernel: $(uname -sr)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "go: $(go version)"
	echo "dolt: $("$dolt_bin" version | head -n 1)"
	echo "postgres: $("$pg_bindir/postgres" --version)"
} >"$out/machine.txt"
sed 's/^/    /' "$out/machine.txt"

# ---------------------------------------------------------------- measuring
results=$out/results.tsv
[[ -s "$results" ]] || printf 'experiment\tscale\trun\trows\tinput_bytes\twall_s\tuser_s\tsys_s\tpeak_rss_kib\tserver_peak_rss_kib\tdotdolt_bytes\tload_s\tload_avg\tbusy_cores\n' >"$results"

# busy_ticks prints the machine's busy CPU time so far (all cores, /proc/stat minus idle and
# iowait, in clock ticks of 1/100 s).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

# timed NAME DIR STDIN CMD...: runs CMD in DIR with stdin from STDIN under /usr/bin/time -v;
# sets wall, user, sys, rss (KiB). stdout and stderr go to $out/NAME.{out,err}.
timed() {
	local name=$1 dir=$2 in=$3 b0
	shift 3
	b0=$(busy_ticks)
	if ! (cd "$dir" && exec /usr/bin/time -v -o "$out/$name.time" "$@" <"$in" >"$out/$name.out" 2>"$out/$name.err"); then
		tail -n 30 "$out/$name.err" >&2
		die "$name failed: $*"
	fi
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/$name.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$out/$name.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$out/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
	# the average number of busy cores during the run: everything on the machine, this run included
	busy=$(awk -v a="$b0" -v b="$(busy_ticks)" -v w="$wall" 'BEGIN {if (w > 0) printf "%.2f", (b - a) / 100 / w; else print "-"}')
}

dotdolt_size() { du -sb "$1/.dolt" | cut -f1; }
report_rows() { grep -o '"rows_written": *[0-9]*' "$1" | awk -F: '{s += $2} END {print s + 0}'; }
report_load_s() { grep -o '"duration_ns": *[0-9]*' "$1" | awk -F: '{s += $2} END {printf "%.2f", s / 1e9}'; }

record() { # experiment scale run rows input_bytes server_rss dotdolt load_s
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$wall" "$user" "$sys" "$rss" "$6" "$7" "$8" \
		"$(cut -d' ' -f1 /proc/loadavg)" "$busy" >>"$results"
	printf '    %-10s scale %-3s run %s: %6.2fs wall, %s busy cores, %7.0f MiB peak RSS%s, %s rows, .dolt %s B\n' "$1" "$2" "$3" "$wall" "$busy" \
		"$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
		"$([[ "$6" != - ]] && awk -v k="$6" 'BEGIN {printf " (server %.0f MiB)", k / 1024}')" "$4" "$7"
}

runs_for() { if [[ $1 -gt 10 ]]; then echo "$runs_large"; else echo "$runs"; fi; }

# a. embedded target from a dump file
bench_embedded() {
	local s=$1 k
	dump_of "$s"
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		embedded_run embedded "$s" "$k" "$file"
	done
}

# d. embedded target from stdin
bench_stdin() {
	local s=$1 f k t
	dump_of "$s"
	f=$file
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		t=$tmp/stdin-s$s-r$k
		timed "stdin-s$s-r$k" "$tmp" "$f" "$pgcopy_bin" copy -q --dump - --target "$t" --report "$out/stdin-s$s-r$k.json"
		record stdin "$s" "$k" "$(report_rows "$out/stdin-s$s-r$k.json")" "$(stat -c %s "$f")" - "$(dotdolt_size "$t")" \
			"$(report_load_s "$out/stdin-s$s-r$k.json")"
		rm -rf "$t"
	done
}

# server_run EXPERIMENT SCALE RUN DUMP PGCOPY_BINARY [PGCOPY_ARGS...]: one pgcopy run into a fresh
# `dolt sql-server` (started for this run, stopped after it), recorded with the server's VmHWM.
server_run() {
	local exp=$1 s=$2 k=$3 f=$4 bin=$5 d port srss i
	shift 5
	d=$tmp/srv-$exp-s$s-r$k
	mkdir -p "$d"
	port=$(free_port 55500)
	(cd "$d" && exec "$dolt_bin" sql-server -H 127.0.0.1 -P "$port" >"$out/$exp-s$s-r$k.log" 2>&1) &
	server_pid=$!
	for ((i = 0; i < 600; i++)); do
		pg_port_in_use "$port" && break
		kill -0 "$server_pid" 2>/dev/null || { cat "$out/$exp-s$s-r$k.log" >&2; die "dolt sql-server exited"; }
		sleep 0.1
	done
	pg_port_in_use "$port" || die "dolt sql-server does not listen on $port after 60s"
	timed "$exp-s$s-r$k" "$tmp" /dev/null "$bin" copy -q --dump "$f" \
		--target "mysql://root@127.0.0.1:$port/pgbench" --report "$out/$exp-s$s-r$k.json" "$@"
	srss=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")
	kill "$server_pid"
	wait "$server_pid" 2>/dev/null || true
	server_pid=
	record "$exp" "$s" "$k" "$(report_rows "$out/$exp-s$s-r$k.json")" "$(stat -c %s "$f")" "$srss" "$(dotdolt_size "$d/pgbench")" \
		"$(report_load_s "$out/$exp-s$s-r$k.json")"
	rm -rf "$d"
}

# embedded_run EXPERIMENT SCALE RUN DUMP [PGCOPY_ARGS...]: one pgcopy run into a fresh directory,
# with the environment variables of run_env (NAME=VALUE ...) added.
run_env=()
embedded_run() {
	local exp=$1 s=$2 k=$3 f=$4 t
	shift 4
	t=$tmp/$exp-s$s-r$k
	timed "$exp-s$s-r$k" "$tmp" /dev/null env "${run_env[@]}" "$pgcopy_bin" copy -q --dump "$f" --target "$t" --report "$out/$exp-s$s-r$k.json" "$@"
	record "$exp" "$s" "$k" "$(report_rows "$out/$exp-s$s-r$k.json")" "$(stat -c %s "$f")" - "$(dotdolt_size "$t")" \
		"$(report_load_s "$out/$exp-s$s-r$k.json")"
	rm -rf "$t"
}

# b. a fresh dolt sql-server per run; bench_server EXPERIMENT PGCOPY_BINARY SCALE
bench_server() {
	local exp=$1 bin=$2 s=$3 k
	dump_of "$s"
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		server_run "$exp" "$s" "$k" "$file" "$bin"
	done
}

# f. --jobs 1 vs --jobs 2 on a dump with two 100,000*S-row tables, both targets; the four
# configurations take turns within each round, so that machine drift hits them alike.
bench_jobs() {
	local s=$1 k
	if ! "$pgcopy_bin" copy --help 2>&1 | grep -q -- '--jobs'; then
		echo "    pgcopy has no --jobs flag: skipped"
		return
	fi
	dump2_of "$s"
	for ((k = 1; k <= runs_jobs; k++)); do
		server_run jobs1-server "$s" "$k" "$file" "$pgcopy_bin" --jobs 1
		server_run jobs2-server "$s" "$k" "$file" "$pgcopy_bin" --jobs 2
		embedded_run jobs1-embedded "$s" "$k" "$file" --jobs 1
		embedded_run jobs2-embedded "$s" "$k" "$file" --jobs 2
	done
}

# import_run EXPERIMENT SCALE RUN CSV: dolt table import -c into a fresh `dolt init` directory,
# then dolt gc, each timed (recorded as EXPERIMENT and EXPERIMENT-gc).
import_run() {
	local exp=$1 s=$2 k=$3 f=$4 d rows
	rows=$(($(wc -l <"$f") - 1))
	cat >"$tmp/accounts-schema.sql" <<-'EOF'
		CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84), PRIMARY KEY (aid));
	EOF
	d=$tmp/$exp-s$s-r$k
	mkdir -p "$d"
	(cd "$d" && "$dolt_bin" init >/dev/null)
	timed "$exp-s$s-r$k" "$d" /dev/null "$dolt_bin" table import -c --schema "$tmp/accounts-schema.sql" pgbench_accounts "$f"
	record "$exp" "$s" "$k" "$rows" "$(stat -c %s "$f")" - "$(dotdolt_size "$d")" -
	timed "$exp-gc-s$s-r$k" "$d" /dev/null "$dolt_bin" gc
	record "$exp-gc" "$s" "$k" "$rows" 0 - "$(dotdolt_size "$d")" -
	rm -rf "$d"
}

# c. baseline: dolt table import -c of pgbench_accounts as CSV, then dolt gc
bench_import() {
	local s=$1 k
	csv_of "$s"
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		import_run import "$s" "$k" "$file"
	done
}

# h. Go memory knobs: embedded runs with GOGC=50 and with GOMEMLIMIT=256MiB (BENCH_RUNS each,
# taking turns with a plain run), to see how much of the peak RSS is the Go GC's headroom.
bench_knobs() {
	local s=$1 k
	dump_of "$s"
	for ((k = 1; k <= runs; k++)); do
		run_env=()
		embedded_run knobs-default "$s" "$k" "$file"
		run_env=(GOGC=50)
		embedded_run knobs-gogc50 "$s" "$k" "$file"
		run_env=(GOMEMLIMIT=256MiB)
		embedded_run knobs-memlimit256 "$s" "$k" "$file"
	done
	run_env=()
}

# g. pgcopy (embedded, dump file) and dolt table import taking turns, BENCH_RUNS pairs: the
# ratio of each pair is measured minutes apart, which a shared machine's drift hurts less.
bench_pair() {
	local s=$1 k dump csv
	dump_of "$s"
	dump=$file
	csv_of "$s"
	csv=$file
	for ((k = 1; k <= runs; k++)); do
		embedded_run pair-pgcopy "$s" "$k" "$dump"
		import_run pair-import "$s" "$k" "$csv"
	done
}

# e. one more embedded run with pgcopy's RSS sampled every 0.5 s and the Go GC trace
# (GODEBUG=gctrace=1: the live heap after each collection), to see when memory grows.
bench_trace() {
	local s=$1 f t pid t0 now
	dump_of "$s"
	f=$file
	t=$tmp/trace-s$s
	(cd "$tmp" && GODEBUG=gctrace=1 exec "$pgcopy_bin" copy -q --dump "$f" --target "$t" --report "$out/trace-s$s.json" \
		2>"$out/trace-s$s.gctrace" >/dev/null) &
	pid=$!
	t0=$(date +%s%N)
	printf 't_s\trss_kib\n' >"$out/trace-s$s.rss.tsv"
	while kill -0 "$pid" 2>/dev/null; do
		now=$(date +%s%N)
		awk -v t=$(((now - t0) / 1000000)) '/^VmRSS:/ {printf "%.1f\t%s\n", t / 1000, $2}' "/proc/$pid/status" 2>/dev/null >>"$out/trace-s$s.rss.tsv" || true
		sleep 0.5
	done
	wait "$pid" || die "trace run failed; see $out/trace-s$s.gctrace"
	rm -rf "$t"
	{
		echo "RSS of pgcopy (embedded, scale $s) over time, every ~2 s; live heap after GC from gctrace:"
		awk -F'\t' 'NR > 1 && (NR % 4 == 2) {printf "  %6.1f s  %5.0f MiB\n", $1, $2 / 1024}' "$out/trace-s$s.rss.tsv"
		awk '/^gc / {split($11, h, "->"); if (h[3] + 0 > m) {m = h[3] + 0; at = $3}} END {printf "  largest live heap after a GC: %d MB at %s\n", m, at}' "$out/trace-s$s.gctrace"
		printf '  table load durations (s):'
		# the last "name" before a "duration_ns" is the table's (objects have no duration)
		grep -o '"name": *"[^"]*"\|"duration_ns": *[0-9]*' "$out/trace-s$s.json" |
			awk -F: '/name/ {gsub(/[" ]/, "", $2); n = $2} /duration/ {printf " %s=%.2f", n, $2 / 1e9}'
		echo
	} | tee "$out/trace-s$s.txt"
}

summarize() {
	step "summary -> $out/summary.md"
	awk -F'\t' '
	function median(arr, n,    i, j, t) {
		for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j-1] > arr[j]; j--) { t = arr[j]; arr[j] = arr[j-1]; arr[j-1] = t }
		return (n % 2) ? arr[(n+1)/2] : (arr[n/2] + arr[n/2+1]) / 2
	}
	NR == 1 { next }
	{
		key = $1 " " $2
		if (!(key in n)) order[++nk] = key
		i = ++n[key]
		W[key, i] = $6; R[key, i] = $9; S[key, i] = $10; D[key, i] = $11; L[key, i] = $12; B[key, i] = (NF >= 14 ? $14 : "-")
		rows[key] = $4; bytes[key] = $5
	}
	END {
		print "| experiment | scale | runs | rows | input MB | wall median (min-max) s | rows/s | MB/s | peak RSS median MiB | server peak RSS MiB | .dolt after run | sum of table load s | busy cores per run |"
		print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
		for (o = 1; o <= nk; o++) {
			key = order[o]; m = n[key]
			min = 1e18; max = 0
			for (i = 1; i <= m; i++) { w[i] = W[key, i]; r[i] = R[key, i]; d[i] = D[key, i]; if (w[i] < min) min = w[i]; if (w[i] > max) max = w[i] }
			mw = median(w, m); mr = median(r, m); md = median(d, m)
			sr = "-"; if (S[key, 1] != "-") { for (i = 1; i <= m; i++) s[i] = S[key, i]; sr = sprintf("%.0f", median(s, m) / 1024) }
			ld = "-"; if (L[key, 1] != "-") { for (i = 1; i <= m; i++) l[i] = L[key, i]; ld = sprintf("%.2f", median(l, m)) }
			bl = ""; for (i = 1; i <= m; i++) bl = bl (i > 1 ? " / " : "") B[key, i]
			split(key, kp, " ")
			rps = sprintf("%.0f", rows[key] / mw); mbs = sprintf("%.2f", bytes[key] / 1e6 / mw)
			if (bytes[key] == 0) { rps = "-"; mbs = "-" } # dolt gc: no input
			printf "| %s | %s | %d | %d | %.1f | %.2f (%.2f-%.2f) | %s | %s | %.0f | %s | %d | %s | %s |\n", kp[1], kp[2], m, rows[key], bytes[key] / 1e6, mw, min, max, rps, mbs, mr / 1024, sr, md, ld, bl
			MW[key] = mw; MR[key] = mr
		}
		print ""
		if (("embedded 10" in MW) && ("import 10" in MW)) {
			printf "- pgcopy embedded / dolt table import, scale 10: wall %.2fx, peak RSS %.2fx", MW["embedded 10"] / MW["import 10"], MR["embedded 10"] / MR["import 10"]
			if ("import-gc 10" in MW) printf "; wall vs import + gc %.2fx", MW["embedded 10"] / (MW["import 10"] + MW["import-gc 10"])
			print ""
		}
		if (("server 10" in MW) && ("import 10" in MW)) printf "- pgcopy server / dolt table import, scale 10: wall %.2fx\n", MW["server 10"] / MW["import 10"]
		if (("server-noembed 10" in MW) && ("import 10" in MW)) printf "- pgcopy -tags noembed server / dolt table import, scale 10: wall %.2fx\n", MW["server-noembed 10"] / MW["import 10"]
		if (("stdin 10" in MW) && ("embedded 10" in MW)) printf "- stdin / file, scale 10: wall %.2fx, peak RSS %.2fx\n", MW["stdin 10"] / MW["embedded 10"], MR["stdin 10"] / MR["embedded 10"]
		if (("jobs2-server 10" in MW) && ("jobs1-server 10" in MW)) printf "- --jobs 2 / --jobs 1, server, two 1M-row tables: wall %.2fx\n", MW["jobs2-server 10"] / MW["jobs1-server 10"]
		if (("jobs2-embedded 10" in MW) && ("jobs1-embedded 10" in MW)) printf "- --jobs 2 / --jobs 1, embedded, two 1M-row tables: wall %.2fx, peak RSS %.2fx\n", MW["jobs2-embedded 10"] / MW["jobs1-embedded 10"], MR["jobs2-embedded 10"] / MR["jobs1-embedded 10"]
		for (o = 1; o <= nk; o++) if (order[o] ~ /^pair-pgcopy /) {
			split(order[o], kp, " "); ik = "pair-import " kp[2]; line = ""
			for (i = 1; i <= n[order[o]] && i <= n[ik]; i++) line = line (i > 1 ? " / " : "") sprintf("%.2f", W[order[o], i] / W[ik, i])
			printf "- pgcopy embedded / dolt table import, taking turns, scale %s, wall per pair: %s", kp[2], line
			gk = "pair-import-gc " kp[2]; line = ""
			for (i = 1; i <= n[order[o]] && i <= n[gk]; i++) line = line (i > 1 ? " / " : "") sprintf("%.2f", W[order[o], i] / (W[ik, i] + W[gk, i]))
			printf "; vs import + gc: %s", line
			line = ""
			for (i = 1; i <= n[order[o]] && i <= n[ik]; i++) line = line (i > 1 ? " / " : "") sprintf("%.2f", R[order[o], i] / R[ik, i])
			printf "; peak RSS per pair: %s\n", line
		}
		if (("embedded 50" in MR) && ("embedded 10" in MR)) printf "- embedded peak RSS scale 50 / scale 10: %.2fx\n", MR["embedded 50"] / MR["embedded 10"]
	}' "$results" >"$out/summary.md"
	cat "$out/summary.md"
}

if [[ $what == all || $what == pgcopy ]]; then
	step "pgcopy whole-process runs (results in $results)"
	want() { [[ " $experiments " == *" $1 "* ]]; }
	if want embedded; then
		for s in $scales; do
			bench_embedded "$s"
		done
	fi
	if want server; then
		bench_server server "$pgcopy_bin" "$server_scale"
		if [[ -n "$pgcopy_noembed" ]]; then
			bench_server server-noembed "$pgcopy_noembed" "$server_scale"
		fi
	fi
	if want import; then bench_import "$import_scale"; fi
	if want stdin; then bench_stdin "$stdin_scale"; fi
	if want trace; then bench_trace "$trace_scale"; fi
	if want jobs; then bench_jobs "$jobs_scale"; fi
	if want pair; then bench_pair "$import_scale"; fi
	if want knobs; then bench_knobs "$import_scale"; fi
	summarize
fi

if [[ $what == all || $what == loadpath ]]; then
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

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
step "done: $out"
