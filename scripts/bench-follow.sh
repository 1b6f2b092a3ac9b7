#!/usr/bin/env bash
# The issue-14 benchmark of `pgcopy follow` (run by `./scripts/bench.sh follow`, or directly).
# One run on this machine; results go to $BENCH_OUT (default .cache/bench/follow-<UTC stamp>/):
# summary.md (also written into BENCHMARKS.md between the bench:follow markers unless
# BENCH_WRITE_DOC=0), samples.tsv, the follower's logs and --report files, pgbench's output.
#
# Usage:
#   ./scripts/bench.sh follow                         # about 16 min: scale 10, a 10-minute steady run
#   BENCH_FOLLOW_MINUTES=3 ./scripts/bench.sh follow  # a shorter steady run
#
# Knobs: BENCH_FOLLOW_SCALE [10] (pgbench -i -s), BENCH_FOLLOW_MINUTES [10] (steady run),
#   BENCH_FOLLOW_PROBE [60] (seconds of pgbench alone), BENCH_FOLLOW_BACKLOG [5000] (pgbench -t per
#   client of the probe), BENCH_FOLLOW_RATE [auto]
#   (pgbench -R of the steady run, transactions/s; auto = 80% of the rate the follower applied in
#   the unthrottled probe, at most pgbench's rate alone), BENCH_FOLLOW_NIGHT [10000] (pgbench -t
#   per client, 2 clients, while no follower runs), BENCH_FOLLOW_EVERY [2s] (--commit-every),
#   BENCH_FOLLOW_SAMPLE [5] (seconds between RSS samples; lag is sampled every second),
#   BENCH_FOLLOW_GC_MB [0] (the follower's --gc-journal-mb; 0: no GC),
#   BENCH_OUT, BENCH_WRITE_DOC [1], PG_BINDIR.
#
# Phases, strictly one after another on a throwaway PostgreSQL 15 (wal_level=logical):
#   setup    pgbench -i -s SCALE; ALTER TABLE pgbench_history REPLICA IDENTITY FULL (pgbench_history
#            has no key; follow refuses a keyless table without it).
#   alone    pgbench -c 2 -j 2 -T PROBE -n with no follower: pgbench's own rate on this machine.
#   probe    pgcopy follow --commit-every EVERY (embedded target) started; after its first commit
#            (the initial copy on the slot's snapshot), pgbench -c 2 -j 2 -t BACKLOG -n at full speed
#            (a bounded backlog: the follower applies far fewer transactions/s than pgbench runs); then insert a
#            marker row and wait until the follower reports a commit past it (its progress lines). Apply
#            rate = row changes (4 per TPC-B transaction: 3 UPDATEs, 1 INSERT) / (time from
#            pgbench's start to caught up).
#   steady   pgbench -c 2 -j 2 -R RATE -T MINUTES*60 -n with the follower running. Every second:
#            pg_current_wal_lsn() and the slot's confirmed_flush_lsn (lag in bytes; lag in seconds =
#            now - the time the WAL reached the confirmed position, to the second); every SAMPLE
#            seconds the follower's VmRSS. The follower's own per-commit lag (its --report / progress
#            lines) is kept in follow-steady.log / report-steady.json.
#   night    SIGTERM the follower (exit 0), pgbench -c 2 -t NIGHT -n with no follower (the
#            "night"), then time `pgcopy follow --until now` (catch-up) against a full
#            `pgcopy copy --source` of the same database into a fresh directory, both under
#            /usr/bin/time -v; then `pgcopy verify` of the followed target (must exit 0).
# busy cores = the machine's average busy CPUs during a phase (/proc/stat); the machine is shared,
# so a phase with busy cores near 2 ran with someone else on the other core.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
die() { printf 'bench-follow.sh: error: %s\n' "$*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
scale=${BENCH_FOLLOW_SCALE:-10}
minutes=${BENCH_FOLLOW_MINUTES:-10}
probe=${BENCH_FOLLOW_PROBE:-60}
rate=${BENCH_FOLLOW_RATE:-auto}
night=${BENCH_FOLLOW_NIGHT:-10000}
backlog=${BENCH_FOLLOW_BACKLOG:-5000}
every=${BENCH_FOLLOW_EVERY:-2s}
gc_mb=${BENCH_FOLLOW_GC_MB:-0}
sample=${BENCH_FOLLOW_SAMPLE:-5}
write_doc=${BENCH_WRITE_DOC:-1}
out=${BENCH_OUT:-$repo_root/.cache/bench/follow-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# shellcheck source=scripts/lib-pg.sh
source "$repo_root/scripts/lib-pg.sh"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
step "PostgreSQL binaries"
pg_find pg_dump psql pgbench
mkdir -p .cache/bin
step "building .cache/bin/pgcopy and the pinned dolt CLI"
go build -o .cache/bin/pgcopy ./cmd/pgcopy
go build -o .cache/bin/dolt github.com/dolthub/dolt/go/cmd/dolt
pgcopy=$repo_root/.cache/bin/pgcopy
dolt=$repo_root/.cache/bin/dolt

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-bench-follow.XXXXXX")
chmod 755 "$tmp"
follow_pid=
sampler_pid=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[[ -n "$sampler_pid" ]] && kill "$sampler_pid" 2>/dev/null || true
	[[ -n "$follow_pid" ]] && kill -9 "$follow_pid" 2>/dev/null || true
	pg_stop
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOLT_ROOT_PATH="$tmp/dolt-root" DOLT_DISABLE_EVENT_FLUSH=1 DOLT_METRICS_DISABLED=1
mkdir -p "$DOLT_ROOT_PATH"
"$dolt" config --global --add metrics.disabled true >/dev/null
"$dolt" config --global --add versioncheck.disabled true >/dev/null
"$dolt" config --global --add user.name "pgcopy bench" >/dev/null
"$dolt" config --global --add user.email "pgcopy-bench@example.invalid" >/dev/null
export TMPDIR="$tmp/tmp"
mkdir -p "$TMPDIR"

step "starting throwaway PostgreSQL cluster"
pg_start "$tmp/pg"
url="postgres://postgres@127.0.0.1:$pg_port/bench?sslmode=disable"
psql() { "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$url" "$@"; }
"$pg_bindir/psql" -X -q -d "postgres://postgres@127.0.0.1:$pg_port/postgres" -c "CREATE DATABASE bench"
pgbench() { "$pg_bindir/pgbench" "$@" "$url"; }

busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
busy_since() { awk -v a="$1" -v b="$(busy_ticks)" -v w="$2" 'BEGIN {if (w > 0) printf "%.2f", (b - a) / 100 / w; else print "-"}'; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
tps_of() { sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$1"; }
txns_of() { sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$1"; }
lsn_num() { psql -c "SELECT pg_wal_lsn_diff(${1:-pg_current_wal_lsn()}, '0/0')::bigint"; }
confirmed() { psql -c "SELECT COALESCE(pg_wal_lsn_diff(confirmed_flush_lsn, '0/0')::bigint, 0) FROM pg_replication_slots WHERE slot_name = 'bench'"; }
initial_done() { grep -q '^pgcopy: follow: commit [^ ]*: initial copy at lsn' "$1"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# last_lsn LOG: the LSN of the last stream commit the follower reported in LOG, as a number.
last_lsn() {
	local l
	l=$(sed -n 's/^pgcopy: follow: commit [^ ]* lsn \([0-9A-F]*\/[0-9A-F]*\):.*/\1/p' "$1" | tail -n 1)
	[[ -n $l ]] || { echo 0; return; }
	echo $(((16#${l%/*} << 32) | 16#${l#*/}))
}

# wait_caught_up ID LOG: inserts bench_marker row ID as the last transaction and waits until the
# follower (logging to LOG) reports a commit past the WAL position before it. It reads the
# follower's progress lines, not the target: a dolt CLI reading the database would take a core
# from the follower (and may fail while the follower appends to the chunk journal).
wait_caught_up() {
	local deadline=$((SECONDS + 3600)) before
	before=$(lsn_num "pg_current_wal_insert_lsn()")
	psql -c "INSERT INTO bench_marker (id) VALUES ($1)"
	until [[ $(last_lsn "$2") -gt $before ]]; do
		kill -0 "$follow_pid" 2>/dev/null || die "the follower ended; see $2"
		[[ $SECONDS -lt $deadline ]] || die "the follower did not catch up within an hour"
		sleep 0.2
	done
}

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "pgcopy: git $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
	echo "cpu: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "dolt: $("$dolt" version | head -n 1); postgres: $("$pg_bindir/postgres" --version)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"
cat "$out/machine.txt"

step "setup: pgbench -i -s $scale"
pgbench -i -s "$scale" -q >"$out/pgbench-init.log" 2>&1
psql -c "ALTER TABLE pgbench_history REPLICA IDENTITY FULL"
# bench_marker: a row inserted after a pgbench run tells when the follower has applied the run.
psql -c "CREATE TABLE bench_marker (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())"

step "alone: pgbench -c 2 -j 2 -T $probe -n, no follower"
b0=$(busy_ticks)
pgbench -c 2 -j 2 -T "$probe" -n >"$out/pgbench-alone.log" 2>&1
busy_alone=$(busy_since "$b0" "$probe")
tps_alone=$(tps_of "$out/pgbench-alone.log")
echo "    $tps_alone tps ($busy_alone busy cores)"

target=$tmp/target
follow_args=(--source "$url" --target "$target" --slot bench --publication bench --commit-every "$every" --gc-journal-mb "$gc_mb")

step "probe: follower started; pgbench -c 2 -j 2 -t $backlog -n (unthrottled) after its first commit"
t0=$(now)
"$pgcopy" follow "${follow_args[@]}" --report "$out/report-probe.json" >"$out/follow-probe.log" 2>&1 &
follow_pid=$!
until initial_done "$out/follow-probe.log"; do
	kill -0 "$follow_pid" 2>/dev/null || { cat "$out/follow-probe.log"; die "the follower ended before its first commit"; }
	sleep 0.5
done
initial_s=$(elapsed "$t0")
echo "    first commit (initial copy of scale $scale) after $initial_s s"
b0=$(busy_ticks)
t0=$(now)
pgbench -c 2 -j 2 -t "$backlog" -n >"$out/pgbench-probe.log" 2>&1
wait_caught_up 1 "$out/follow-probe.log"
probe_s=$(elapsed "$t0")
busy_probe=$(busy_since "$b0" "$probe_s")
tps_probe=$(tps_of "$out/pgbench-probe.log")
tx_probe=$(txns_of "$out/pgbench-probe.log")
apply_rows=$(awk -v n="$tx_probe" -v s="$probe_s" 'BEGIN {printf "%.0f", 4 * n / s}')
apply_tps=$(awk -v n="$tx_probe" -v s="$probe_s" 'BEGIN {printf "%.0f", n / s}')
echo "    pgbench $tps_probe tps with the follower; applied $tx_probe transactions in $probe_s s: $apply_rows row changes/s ($busy_probe busy cores)"
if [[ $rate == auto ]]; then
	rate=$(awk -v a="$apply_tps" -v b="$tps_alone" 'BEGIN {r = 0.8 * a; if (r > b) r = b; printf "%.0f", r < 1 ? 1 : r}')
fi

step "steady: pgbench -c 2 -j 2 -R $rate -T $((minutes * 60)) -n with the follower running (restarted with --report)"
kill -TERM "$follow_pid"
wait "$follow_pid" || die "the follower exited $? on SIGTERM; see $out/follow-probe.log"
"$pgcopy" follow "${follow_args[@]}" --report "$out/report-steady.json" >"$out/follow-steady.log" 2>&1 &
follow_pid=$!
printf 't_s\twal\tconfirmed\trss_kib\n' >"$out/samples.tsv"
(
	i=0
	start=$(now)
	while :; do
		r=-
		((i % sample == 0)) && r=$(rss_kib "$follow_pid")
		printf '%s\t%s\t%s\t%s\n' "$(elapsed "$start")" "$(lsn_num)" "$(confirmed)" "$r"
		i=$((i + 1))
		sleep 1
	done
) >>"$out/samples.tsv" &
sampler_pid=$!
b0=$(busy_ticks)
pgbench -c 2 -j 2 -R "$rate" -T "$((minutes * 60))" -n >"$out/pgbench-steady.log" 2>&1
busy_steady=$(busy_since "$b0" "$((minutes * 60))")
kill "$sampler_pid"
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=
kill -0 "$follow_pid" 2>/dev/null || die "the follower ended during the steady run; see $out/follow-steady.log"
t0=$(now)
wait_caught_up 2 "$out/follow-steady.log"
drain_s=$(elapsed "$t0")
tps_steady=$(tps_of "$out/pgbench-steady.log")
# Lag in seconds: for each sample, now minus the first sample time at which the WAL had reached the
# confirmed position (resolution: the 1 s sampling). The first 10 s (the follower's start) are left out.
awk -F'\t' '
	NR == 1 { next }
	{ t[n] = $1; w[n] = $2; c[n] = $3; n++ }
	END {
		j = 0
		for (i = 0; i < n; i++) {
			while (j < i && w[j] < c[i]) j++
			if (t[i] >= 10) printf "%d\t%.0f\n", w[i] - c[i], t[i] - t[j]
		}
	}' "$out/samples.tsv" >"$out/lag.tsv"
# pct COLUMN P: the P-th percentile (nearest rank) of a column of lag.tsv; P=100 is the maximum.
pct() { cut -f"$1" "$out/lag.tsv" | sort -n | awk -v p="$2" '{v[NR] = $1} END {r = int(p / 100 * NR + 0.999); if (r < 1) r = 1; print v[r] + 0}'; }
lag_b_max=$(pct 1 100) lag_b_p95=$(pct 1 95) lag_s_max=$(pct 2 100) lag_s_p95=$(pct 2 95)
# The follower's own lag at each stream commit (--report: lag_bytes, lag_seconds).
grep '"kind":"stream"' "$out/report-steady.json" | sed -n 's/.*"lag_bytes":\([0-9-]*\).*"lag_seconds":\([0-9.e+-]*\).*/\1\t\2/p' >"$out/lag-report.tsv" || true
rpct() { cut -f"$1" "$out/lag-report.tsv" | sort -g | awk -v p="$2" '{v[NR] = $1} END {if (NR == 0) {print "-"; exit}; r = int(p / 100 * NR + 0.999); if (r < 1) r = 1; print v[r] + 0}'; }
rep_commits=$(wc -l <"$out/lag-report.tsv")
rep_b_max=$(rpct 1 100) rep_b_p95=$(rpct 1 95) rep_s_max=$(rpct 2 100) rep_s_p95=$(rpct 2 95)
read -r rss_first rss_last rss_max < <(awk -F'\t' 'NR > 1 && $4 != "-" && $4 > 0 { if (f == "") f = $4; l = $4; if ($4 > m) m = $4 } END {print f + 0, l + 0, m + 0}' "$out/samples.tsv")
echo "    pgbench $tps_steady tps; lag max $lag_b_max bytes / $lag_s_max s (p95 $lag_b_p95 / $lag_s_p95 s); RSS first $rss_first, last $rss_last, max $rss_max KiB"

step "night: follower stopped; pgbench -c 2 -t $night -n; then follow --until now vs a full copy"
kill -TERM "$follow_pid"
wait "$follow_pid" || die "the follower exited $? on SIGTERM; see $out/follow-steady.log"
follow_pid=
w0=$(lsn_num "(SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = 'bench')")
pgbench -c 2 -j 2 -t "$night" -n >"$out/pgbench-night.log" 2>&1
night_bytes=$(($(lsn_num) - w0))
night_tx=$(txns_of "$out/pgbench-night.log")
timed() { # NAME CMD...: wall and peak RSS of CMD
	local name=$1
	shift
	b0=$(busy_ticks)
	/usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || { tail -n 20 "$out/$name.log"; die "$name failed"; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/$name.time")
	busy=$(busy_since "$b0" "$wall")
}
timed catchup "$pgcopy" follow "${follow_args[@]}" --until now --report "$out/report-catchup.json"
catchup_s=$wall catchup_rss=$rss catchup_busy=$busy
timed fullcopy "$pgcopy" copy -q --source "$url" --target "$tmp/fullcopy" --report "$out/report-fullcopy.json"
copy_s=$wall copy_rss=$rss copy_busy=$busy
rows_total=$(psql -c "SELECT (SELECT count(*) FROM pgbench_accounts) + (SELECT count(*) FROM pgbench_branches) + (SELECT count(*) FROM pgbench_tellers) + (SELECT count(*) FROM pgbench_history)")
echo "    $night_tx transactions ($((night_tx * 4)) row changes, $night_bytes WAL bytes): catch-up $catchup_s s ($catchup_rss MiB); full copy of $rows_total rows $copy_s s ($copy_rss MiB)"
step "verify: pgcopy verify of the followed target"
"$pgcopy" verify --source "$url" --target "$target" >"$out/verify.log" 2>&1 || { cat "$out/verify.log"; die "pgcopy verify found differences"; }
tail -n 1 "$out/verify.log"
gc_runs=$(grep -c '^pgcopy: follow: dolt_gc done in' "$out/follow-steady.log" || true)
gc_secs=$(sed -n 's/^pgcopy: follow: dolt_gc done in \([0-9.]*\) s.*/\1/p' "$out/follow-steady.log" | sort -n | awk 'NR==1{a=$1} {b=$1} END{if (NR) printf "%s-%s s", a, b; else printf "none"}')
store_mib=$(du -sm "$target/.dolt/noms" | cut -f1)
journal_mib=$(( $(stat -c %s "$target/.dolt/noms/vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" 2>/dev/null || echo 0) / 1048576 ))

cat >"$out/summary.md" <<EOF
Run: $(date -u +%Y-%m-%d) by \`scripts/bench.sh follow\` (scale $scale, steady run $minutes min, --commit-every $every,
embedded target), $(sed -n 's/^pgcopy: //p' "$out/machine.txt"); $(sed -n 's/^cpu: //p' "$out/machine.txt"); load average at start
$(sed -n 's/^load average at start: //p' "$out/machine.txt").

| measure | value |
|---|---|
| pgbench -c 2 -T $probe alone | $tps_alone tps = $(awk -v t="$tps_alone" 'BEGIN {printf "%.0f", 4 * t}') row changes/s ($busy_alone busy cores) |
| initial copy (first commit after start) | $initial_s s |
| pgbench -c 2 -t $backlog with the follower | $tps_probe tps; $tx_probe transactions |
| follower apply rate (probe: pgbench start to caught up, $probe_s s) | $apply_rows row changes/s = $apply_tps tps ($busy_probe busy cores) |
| steady run: pgbench -R $rate for $minutes min | $tps_steady tps ($busy_steady busy cores) |
| steady run: marker applied after pgbench ended | $drain_s s |
| lag at each commit, as the follower reports it ($rep_commits commits): bytes max / p95 | $rep_b_max / $rep_b_p95 |
| the same, seconds max / p95 | $rep_s_max / $rep_s_p95 |
| lag in bytes sampled from PostgreSQL (slot confirmed_flush_lsn, 1 s samples), max / p95 | $lag_b_max / $lag_b_p95 |
| lag in seconds from the same samples (1 s resolution), max / p95 | $lag_s_max / $lag_s_p95 |
| follower RSS first / last / max (every $sample s) | $((rss_first / 1024)) / $((rss_last / 1024)) / $((rss_max / 1024)) MiB |
| background dolt_gc in the steady run (--gc-journal-mb $gc_mb): count, time each | $gc_runs, $gc_secs |
| target's store after the run (.dolt/noms, after the catch-up) / its chunk journal | $store_mib / $journal_mib MiB |
| night: pgbench -c 2 -t $night, follower stopped | $night_tx transactions, $((night_tx * 4)) row changes, $night_bytes WAL bytes |
| catch-up: follow --until now | $catchup_s s, peak RSS $catchup_rss MiB ($catchup_busy busy cores) |
| full copy --source of the same database ($rows_total rows) | $copy_s s, peak RSS $copy_rss MiB ($copy_busy busy cores) |
| pgcopy verify after the catch-up | $(tail -n 1 "$out/verify.log" | cut -c1-120) |
EOF
cat "$out/summary.md"
if [[ $write_doc == 1 ]]; then
	awk -v f="$out/summary.md" '
		/<!-- bench:follow:begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
		/<!-- bench:follow:end -->/ { skip = 0 }
		!skip' BENCHMARKS.md >"$tmp/b.md" && cp "$tmp/b.md" BENCHMARKS.md
	echo "    BENCHMARKS.md updated (between the bench:follow markers)"
fi
