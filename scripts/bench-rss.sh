#!/usr/bin/env bash
# The issue-15 memory check (./scripts/bench.sh rss): peak RSS and wall time of one-session
# `pgcopy copy` of pgbench dumps at the scales in BENCH_RSS_SCALES (default "10 100 10": scale 10
# before and after scale 100, so that the pair brackets it), each into an empty embedded target,
# one after the other in one run. The dumps are built by ../shared/corpus/make-pgbench-dump.sh
# against a throwaway PostgreSQL (`pgbench -i -s S`, then pg_dump; scale 100 is about 1 GB).
# BENCH_RSS_JOBS (default "1") lists the --jobs values to copy each scale with, in turn.
# Prints one line per copy; raw output in .cache/bench/rss-<UTC time>/.
set -euo pipefail
step() { printf "==> %s\n" "$*"; }
die() { printf "bench-rss.sh: error: %s\n" "$*" >&2; exit 1; }
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
scales=${BENCH_RSS_SCALES:-10 100 10}
jobs_list=${BENCH_RSS_JOBS:-1}
out=$repo_root/.cache/bench/rss-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
# shellcheck source=scripts/lib-pg.sh
source "$repo_root/scripts/lib-pg.sh"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
make_dump=$repo_root/../shared/corpus/make-pgbench-dump.sh
[[ -x $make_dump ]] || die "$make_dump is missing"
pg_find pg_dump psql pgbench
mkdir -p .cache/bin
go build -o .cache/bin/pgcopy ./cmd/pgcopy
# shellcheck source=scripts/lib-bench.sh
source "$repo_root/scripts/lib-bench.sh"
bench_scratch rss
bench_dolt_env "$tmp"

pg_start "$tmp/pg"
for s in $(printf '%s\n' $scales | sort -un); do
	step "pgbench dump at scale $s"
	PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PG_BINDIR=$pg_bindir "$make_dump" "$s" "$tmp/pgbench-s$s.sql" >"$out/make-$s.log" 2>&1
done
pg_stop
step "uptime before: $(uptime)"
i=0
for s in $scales; do
	for j in $jobs_list; do
		i=$((i + 1))
		rm -rf "$tmp/t"
		/usr/bin/time -v -o "$out/copy-$i-s$s.time" .cache/bin/pgcopy copy -q --jobs "$j" --dump "$tmp/pgbench-s$s.sql" --target "$tmp/t" >"$out/copy-$i-s$s.out" 2>&1 ||
			{ tail -n 20 "$out/copy-$i-s$s.out" >&2; die "copy at scale $s failed"; }
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); v = 0; for (k = 1; k <= n; k++) v = v * 60 + p[k]; print v}' "$out/copy-$i-s$s.time")
		rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/copy-$i-s$s.time")
		echo "copy $i: scale $s, --jobs $j, $(stat -c %s "$tmp/pgbench-s$s.sql") dump bytes: $wall s wall, $rss MiB peak RSS" | tee -a "$out/result.txt"
	done
done
step "uptime after: $(uptime)"
