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
#   c. import     baseline: `dolt table import -c --schema` of the same scale's pgbench_accounts
#                 exported with psql \copy ... (FORMAT csv, HEADER, FORCE_QUOTE *) into a fresh
#                 `dolt init` directory; then `dolt gc` timed separately (pgcopy's time includes
#                 its DOLT_GC);
#   d. stdin      pgcopy copy --dump - < pgbench-sS.sql (the stdin spool path), same scale.
#   After each run the size of the target's .dolt directory is recorded (du -sb).
#   rows = rows written (from pgcopy's --report JSON; for the import, the CSV's data lines);
#   MB/s = bytes of the timed command's input (dump or CSV) / 10^6 / wall seconds.
#
# The "loadpath" part runs `go test -run '^$' -bench LoadPath -benchtime 1x -count
# BENCH_GO_COUNT ./loader/`: 200,000 synthetic rows per table through multi-row INSERTs of
# 100/1000/5000 rows, LOAD DATA INFILE with hex-encoded text (file and named pipe), LOAD DATA
# LOCAL INFILE 'Reader::...' on a sql-server, and two tables sequentially vs. in parallel.
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
# Environment knobs (defaults in brackets): BENCH_SCALES ["1 10 50"], BENCH_RUNS [3],
# BENCH_RUNS_LARGE [1], BENCH_SERVER_SCALE [10], BENCH_IMPORT_SCALE [10], BENCH_STDIN_SCALE [10],
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
go_count=${BENCH_GO_COUNT:-3}
out=${BENCH_OUT:-$repo_root/.cache/bench/$(date -u +%Y%m%dT%H%M%SZ)}
data=$repo_root/.cache/bench/data
mkdir -p "$out" "$data"
out=$(cd "$out" && pwd)

as_root() {
	if [[ $(id -u) -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root to run '$*' and sudo is not installed"
	fi
}

# ---------------------------------------------------------------- tools
if [[ ! -x /usr/bin/time ]]; then
	step "installing GNU time (apt-get install time)"
	command -v apt-get >/dev/null 2>&1 || die "/usr/bin/time is missing and apt-get is unavailable; install GNU time"
	as_root apt-get update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time
fi

find_pg_bindir() {
	if [[ -n "${PG_BINDIR:-}" ]]; then
		printf '%s\n' "$PG_BINDIR"
		return
	fi
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}
step "PostgreSQL binaries"
pg_bindir=$(find_pg_bindir)
if [[ -z "$pg_bindir" || ! -x "$pg_bindir/initdb" ]]; then
	[[ -n "${PG_BINDIR:-}" ]] && die "PG_BINDIR=$PG_BINDIR has no executable initdb"
	command -v apt-get >/dev/null 2>&1 || die "PostgreSQL server not found and apt-get is unavailable; set PG_BINDIR"
	step "installing PostgreSQL server (apt-get install postgresql)"
	as_root apt-get update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
	pg_bindir=$(find_pg_bindir)
fi
for b in initdb pg_ctl postgres pg_dump psql pgbench; do
	[[ -x "$pg_bindir/$b" ]] || die "$pg_bindir/$b is missing; set PG_BINDIR to a complete PostgreSQL bin dir"
done
echo "    $pg_bindir ($("$pg_bindir/postgres" --version))"

step "building .cache/bin/pgcopy and the pinned .cache/bin/dolt"
mkdir -p .cache/bin
go build -o .cache/bin/pgcopy ./cmd/pgcopy
go build -o .cache/bin/dolt github.com/dolthub/dolt/go/cmd/dolt
pgcopy_bin=$repo_root/.cache/bin/pgcopy
dolt_bin=$repo_root/.cache/bin/dolt

# ---------------------------------------------------------------- scratch space and cleanup
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-bench.XXXXXX")
chmod 755 "$tmp" # the postgres user must reach $tmp/pg when this runs as root
pg_data="$tmp/pg/data"
pg_log="$tmp/pg/postgres.log"
pg_started=0
server_pid=

pg_run() {
	if [[ $(id -u) -eq 0 ]]; then
		(cd "$tmp/pg" && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n "$server_pid" ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	if [[ $pg_started -eq 1 ]]; then
		pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port prints a port in 55432..56431 that nothing listens on.
free_port() {
	local p=$1
	while port_in_use "$p"; do
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
	mkdir -p "$tmp/pg"
	if [[ $(id -u) -eq 0 ]]; then
		id -u postgres >/dev/null 2>&1 || useradd -r -m postgres
		chown postgres: "$tmp/pg"
	fi
	local initdb_args=(-D "$pg_data" -U postgres --auth=trust -E UTF8 --no-sync)
	if ! pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C.UTF-8 >"$tmp/pg/initdb.log" 2>&1; then
		rm -rf "$pg_data"
		pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C >"$tmp/pg/initdb.log" 2>&1 ||
			{ cat "$tmp/pg/initdb.log" >&2; die "initdb failed (log above)"; }
	fi
	pg_started=1
	local attempt
	pg_port=55432
	for attempt in 1 2 3 4 5; do
		pg_port=$(free_port "$pg_port")
		if pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 start \
			-o "-p $pg_port -k '$tmp/pg' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
			>/dev/null; then
			echo "    listening on 127.0.0.1:$pg_port"
			export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGCONNECT_TIMEOUT=30
			return
		fi
		pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
		pg_port=$((pg_port + 1))
	done
	die "could not start PostgreSQL; see $pg_log"
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
[[ -s "$results" ]] || printf 'experiment\tscale\trun\trows\tinput_bytes\twall_s\tuser_s\tsys_s\tpeak_rss_kib\tserver_peak_rss_kib\tdotdolt_bytes\tload_s\tload_avg\n' >"$results"

# timed NAME DIR STDIN CMD...: runs CMD in DIR with stdin from STDIN under /usr/bin/time -v;
# sets wall, user, sys, rss (KiB). stdout and stderr go to $out/NAME.{out,err}.
timed() {
	local name=$1 dir=$2 in=$3
	shift 3
	if ! (cd "$dir" && exec /usr/bin/time -v -o "$out/$name.time" "$@" <"$in" >"$out/$name.out" 2>"$out/$name.err"); then
		tail -n 30 "$out/$name.err" >&2
		die "$name failed: $*"
	fi
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/$name.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$out/$name.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$out/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
}

dotdolt_size() { du -sb "$1/.dolt" | cut -f1; }
report_rows() { grep -o '"rows_written": *[0-9]*' "$1" | awk -F: '{s += $2} END {print s + 0}'; }
report_load_s() { grep -o '"duration_ns": *[0-9]*' "$1" | awk -F: '{s += $2} END {printf "%.2f", s / 1e9}'; }

record() { # experiment scale run rows input_bytes server_rss dotdolt load_s
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$wall" "$user" "$sys" "$rss" "$6" "$7" "$8" \
		"$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
	printf '    %-10s scale %-3s run %s: %6.2fs wall, %7.0f MiB peak RSS%s, %s rows, .dolt %s B\n' "$1" "$2" "$3" "$wall" \
		"$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
		"$([[ "$6" != - ]] && awk -v k="$6" 'BEGIN {printf " (server %.0f MiB)", k / 1024}')" "$4" "$7"
}

runs_for() { if [[ $1 -gt 10 ]]; then echo "$runs_large"; else echo "$runs"; fi; }

# a. embedded target from a dump file
bench_embedded() {
	local s=$1 f k t
	dump_of "$s"
	f=$file
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		t=$tmp/emb-s$s-r$k
		timed "embedded-s$s-r$k" "$tmp" /dev/null "$pgcopy_bin" copy -q --dump "$f" --target "$t" --report "$out/embedded-s$s-r$k.json"
		record embedded "$s" "$k" "$(report_rows "$out/embedded-s$s-r$k.json")" "$(stat -c %s "$f")" - "$(dotdolt_size "$t")" \
			"$(report_load_s "$out/embedded-s$s-r$k.json")"
		rm -rf "$t"
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

# b. a fresh dolt sql-server per run
bench_server() {
	local s=$1 f k d port srss i
	dump_of "$s"
	f=$file
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		d=$tmp/srv-s$s-r$k
		mkdir -p "$d"
		port=$(free_port 55500)
		(cd "$d" && exec "$dolt_bin" sql-server -H 127.0.0.1 -P "$port" >"$out/server-s$s-r$k.log" 2>&1) &
		server_pid=$!
		for ((i = 0; i < 600; i++)); do
			port_in_use "$port" && break
			kill -0 "$server_pid" 2>/dev/null || { cat "$out/server-s$s-r$k.log" >&2; die "dolt sql-server exited"; }
			sleep 0.1
		done
		port_in_use "$port" || die "dolt sql-server does not listen on $port after 60s"
		timed "server-s$s-r$k" "$tmp" /dev/null "$pgcopy_bin" copy -q --dump "$f" \
			--target "mysql://root@127.0.0.1:$port/pgbench" --report "$out/server-s$s-r$k.json"
		srss=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")
		kill "$server_pid"
		wait "$server_pid" 2>/dev/null || true
		server_pid=
		record server "$s" "$k" "$(report_rows "$out/server-s$s-r$k.json")" "$(stat -c %s "$f")" "$srss" "$(dotdolt_size "$d/pgbench")" \
			"$(report_load_s "$out/server-s$s-r$k.json")"
		rm -rf "$d"
	done
}

# c. baseline: dolt table import -c of pgbench_accounts as CSV, then dolt gc
bench_import() {
	local s=$1 f k d rows
	csv_of "$s"
	f=$file
	rows=$(($(wc -l <"$f") - 1))
	cat >"$tmp/accounts-schema.sql" <<-'EOF'
		CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84), PRIMARY KEY (aid));
	EOF
	for ((k = 1; k <= $(runs_for "$s"); k++)); do
		d=$tmp/imp-s$s-r$k
		mkdir -p "$d"
		(cd "$d" && "$dolt_bin" init >/dev/null)
		timed "import-s$s-r$k" "$d" /dev/null "$dolt_bin" table import -c --schema "$tmp/accounts-schema.sql" pgbench_accounts "$f"
		record import "$s" "$k" "$rows" "$(stat -c %s "$f")" - "$(dotdolt_size "$d")" -
		timed "import-gc-s$s-r$k" "$d" /dev/null "$dolt_bin" gc
		record import-gc "$s" "$k" "$rows" 0 - "$(dotdolt_size "$d")" -
		rm -rf "$d"
	done
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
		W[key, i] = $6; R[key, i] = $9; S[key, i] = $10; D[key, i] = $11; L[key, i] = $12
		rows[key] = $4; bytes[key] = $5
	}
	END {
		print "| experiment | scale | runs | rows | input MB | wall median (min-max) s | rows/s | MB/s | peak RSS median MiB | server peak RSS MiB | .dolt after run | load s (tables) |"
		print "|---|---|---|---|---|---|---|---|---|---|---|---|"
		for (o = 1; o <= nk; o++) {
			key = order[o]; m = n[key]
			min = 1e18; max = 0
			for (i = 1; i <= m; i++) { w[i] = W[key, i]; r[i] = R[key, i]; d[i] = D[key, i]; if (w[i] < min) min = w[i]; if (w[i] > max) max = w[i] }
			mw = median(w, m); mr = median(r, m); md = median(d, m)
			sr = "-"; if (S[key, 1] != "-") { for (i = 1; i <= m; i++) s[i] = S[key, i]; sr = sprintf("%.0f", median(s, m) / 1024) }
			ld = "-"; if (L[key, 1] != "-") { for (i = 1; i <= m; i++) l[i] = L[key, i]; ld = sprintf("%.2f", median(l, m)) }
			split(key, kp, " ")
			rps = sprintf("%.0f", rows[key] / mw); mbs = sprintf("%.2f", bytes[key] / 1e6 / mw)
			if (bytes[key] == 0) { rps = "-"; mbs = "-" } # dolt gc: no input
			printf "| %s | %s | %d | %d | %.1f | %.2f (%.2f-%.2f) | %s | %s | %.0f | %s | %d | %s |\n", kp[1], kp[2], m, rows[key], bytes[key] / 1e6, mw, min, max, rps, mbs, mr / 1024, sr, md, ld
			MW[key] = mw; MR[key] = mr
		}
		print ""
		if (("embedded 10" in MW) && ("import 10" in MW)) {
			printf "- pgcopy embedded / dolt table import, scale 10: wall %.2fx, peak RSS %.2fx", MW["embedded 10"] / MW["import 10"], MR["embedded 10"] / MR["import 10"]
			if ("import-gc 10" in MW) printf "; wall vs import + gc %.2fx", MW["embedded 10"] / (MW["import 10"] + MW["import-gc 10"])
			print ""
		}
		if (("server 10" in MW) && ("import 10" in MW)) printf "- pgcopy server / dolt table import, scale 10: wall %.2fx\n", MW["server 10"] / MW["import 10"]
		if (("stdin 10" in MW) && ("embedded 10" in MW)) printf "- stdin / file, scale 10: wall %.2fx, peak RSS %.2fx\n", MW["stdin 10"] / MW["embedded 10"], MR["stdin 10"] / MR["embedded 10"]
		if (("embedded 50" in MR) && ("embedded 10" in MR)) printf "- embedded peak RSS scale 50 / scale 10: %.2fx\n", MR["embedded 50"] / MR["embedded 10"]
	}' "$results" >"$out/summary.md"
	cat "$out/summary.md"
}

if [[ $what == all || $what == pgcopy ]]; then
	step "pgcopy whole-process runs (results in $results)"
	for s in $scales; do
		bench_embedded "$s"
	done
	bench_server "$server_scale"
	bench_import "$import_scale"
	bench_stdin "$stdin_scale"
	summarize
fi

if [[ $what == all || $what == loadpath ]]; then
	step "go test -bench LoadPath -count $go_count ./loader/ (results in $out/loadpath.txt)"
	export PGCOPY_TEST_DOLT="$dolt_bin" PGCOPY_TEST_PGBIN="$pg_bindir"
	go test -run '^$' -bench LoadPath -benchtime 1x -count "$go_count" -timeout 2h ./loader/ | tee "$out/loadpath.txt"
	awk '/^BenchmarkLoadPath/ {
		name = $1; sub(/-[0-9]+$/, "", name); sub(/^BenchmarkLoadPath\//, "", name)
		for (i = 2; i < NF; i++) if ($(i+1) == "rows/s") v = $i
		if (!(name in n)) order[++k] = name
		vals[name, ++n[name]] = v
	}
	END {
		print ""; print "| load path | runs | rows/s median (min-max) |"; print "|---|---|---|"
		for (o = 1; o <= k; o++) {
			name = order[o]; m = n[name]; min = 1e18; max = 0
			for (i = 1; i <= m; i++) { a[i] = vals[name, i] + 0; if (a[i] < min) min = a[i]; if (a[i] > max) max = a[i] }
			for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			med = (m % 2) ? a[(m+1)/2] : (a[m/2] + a[m/2+1]) / 2
			printf "| %s | %d | %.0f (%.0f-%.0f) |\n", name, m, med, min, max
		}
	}' "$out/loadpath.txt" | tee -a "$out/summary.md"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
step "done: $out"
