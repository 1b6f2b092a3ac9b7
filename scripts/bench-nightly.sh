#!/usr/bin/env bash
# The issue-15 nightly benchmark (./scripts/bench.sh nightly): pgbench scale S (BENCH_NIGHTLY_SCALE,
# default 10) in a throwaway PostgreSQL; day 1 = `pgbench -i`, day 2 = 1 % of pgbench_accounts
# updated (abalance + 1 where aid % 100 = 0) and 5,000 pgbench_history rows inserted; both dumped
# with pg_dump --no-owner --no-privileges. Then, each timed with GNU time (embedded target):
#   fresh     pgcopy copy of day 2 into an empty directory
#   nightly   pgcopy copy of day 2 onto a copy of day 1 (day 1's copy is not timed)
#   unchanged pgcopy copy of day 2 onto the nightly result (its own snapshot: no commit)
# and checks that every table's dolt_hashof_table after "nightly" equals "fresh"'s.
# Prints a Markdown table; raw output in .cache/bench/nightly-<UTC time>/.
set -euo pipefail
step() { printf "==> %s\n" "$*"; }
die() { printf "bench-nightly.sh: error: %s\n" "$*" >&2; exit 1; }
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
scale=${BENCH_NIGHTLY_SCALE:-10}
out=$repo_root/.cache/bench/nightly-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
# shellcheck source=scripts/lib-pg.sh
source "$repo_root/scripts/lib-pg.sh"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
pg_find pg_dump psql pgbench
mkdir -p .cache/bin
go build -o .cache/bin/pgcopy ./cmd/pgcopy
go build -o .cache/bin/dolt github.com/dolthub/dolt/go/cmd/dolt
pgcopy=$repo_root/.cache/bin/pgcopy
dolt=$repo_root/.cache/bin/dolt
# shellcheck source=scripts/lib-bench.sh
source "$repo_root/scripts/lib-bench.sh"
bench_scratch nightly
bench_dolt_env "$tmp" "$dolt"

step "uptime before: $(uptime)"
pg_start "$tmp/pg"
url="postgres://postgres@127.0.0.1:$pg_port/bench?sslmode=disable"
"$pg_bindir/psql" -X -q -d "postgres://postgres@127.0.0.1:$pg_port/postgres" -c "CREATE DATABASE bench"
step "pgbench -i -s $scale; day 1 and day 2 dumps"
"$pg_bindir/pgbench" -i -q -s "$scale" "$url" >"$out/pgbench.log" 2>&1
"$pg_bindir/pg_dump" --no-owner --no-privileges -d "$url" -f "$tmp/day1.sql"
"$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -d "$url" -c "UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid % 100 = 0" \
	-c "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) SELECT 1 + g % (10 * $scale), 1 + g % $scale, g, g % 1000, now() FROM generate_series(1, 5000) g"
"$pg_bindir/pg_dump" --no-owner --no-privileges -d "$url" -f "$tmp/day2.sql"
pg_stop

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
timed() { # name target dump
	prof=()
	[[ -n "${BENCH_NIGHTLY_PROFILE:-}" ]] && prof=(env PGCOPY_CPUPROFILE="$out/$1.pprof")
	/usr/bin/time -v -o "$out/$1.time" "${prof[@]}" "$pgcopy" copy -q --dump "$3" --target "$2" --report "$out/$1.json" >"$out/$1.out" 2>"$out/$1.err" ||
		{ tail -n 20 "$out/$1.err" >&2; die "$1 failed"; }
	step "$1: $(wall "$out/$1.time") s wall, $(rss "$out/$1.time") MiB peak RSS"
}
hashes() { (cd "$1" && "$dolt" sql -r csv -q "SHOW TABLES" | tail -n +2 | while read -r t; do
	printf '%s %s\n' "$t" "$("$dolt" sql -r csv -q "SELECT dolt_hashof_table('$t')" | tail -1)"; done); }

timed fresh "$tmp/fresh" "$tmp/day2.sql"
"$pgcopy" copy -q --dump "$tmp/day1.sql" --target "$tmp/nightly" >"$out/day1.out" 2>&1
timed nightly "$tmp/nightly" "$tmp/day2.sql"
head1=$(cd "$tmp/nightly" && "$dolt" sql -r csv -q "SELECT HASHOF('main')" | tail -1)
timed unchanged "$tmp/nightly" "$tmp/day2.sql"
head2=$(cd "$tmp/nightly" && "$dolt" sql -r csv -q "SELECT HASHOF('main')" | tail -1)
[[ "$head1" == "$head2" ]] || die "the unchanged run made a commit"
hashes "$tmp/fresh" >"$out/fresh.hashes"
hashes "$tmp/nightly" >"$out/nightly.hashes"
cmp -s "$out/fresh.hashes" "$out/nightly.hashes" || { diff "$out/fresh.hashes" "$out/nightly.hashes" >&2; die "table hashes differ"; }
f=$(wall "$out/fresh.time") n=$(wall "$out/nightly.time") u=$(wall "$out/unchanged.time")
paths=$(tr -d '\n' <"$out/nightly.json" | grep -o '"name": *"[^"]*"[^{}]*"path": *"[^"]*"' | sed 's/"name": *"\([^"]*\)".*"path": *"\([^"]*\)"/\1 \2/' | paste -sd, - | sed 's/,/, /g')
cat <<MD | tee "$out/result.md"
| pgbench scale $scale, embedded | wall s | peak RSS MiB | fresh ÷ this |
|---|---|---|---|
| fresh copy of day 2 | $f | $(rss "$out/fresh.time") | 1 |
| day 2 onto day 1 | $n | $(rss "$out/nightly.time") | $(awk -v a="$f" -v b="$n" 'BEGIN {printf "%.2f", a / b}') |
| day 2 onto its own snapshot (no commit) | $u | $(rss "$out/unchanged.time") | $(awk -v a="$f" -v b="$u" 'BEGIN {printf "%.2f", a / b}') |

Table paths of day 2 onto day 1: $paths. All table hashes equal the fresh copy's.
MD
# The cost of writing the row-hash files on a fresh copy: BENCH_NIGHTLY_PAIRS fresh copies of day 2
# with --row-hashes off and with them (the default), alternating.
pairs=${BENCH_NIGHTLY_PAIRS:-0}
if ((pairs > 0)); then
	on=() off=()
	for ((i = 1; i <= pairs; i++)); do
		for mode in off on; do
			rm -rf "$tmp/pair"
			flag=()
			[[ $mode == off ]] && flag=(--row-hashes off)
			/usr/bin/time -v -o "$out/pair.time" "$pgcopy" copy -q --dump "$tmp/day2.sql" --target "$tmp/pair" "${flag[@]}" >/dev/null 2>"$out/pair.err" ||
				{ tail -n 20 "$out/pair.err" >&2; die "pair run failed"; }
			if [[ $mode == on ]]; then on+=("$(wall "$out/pair.time")"); else off+=("$(wall "$out/pair.time")"); fi
		done
	done
	med() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
	cat <<MD | tee -a "$out/result.md"

Fresh copy of day 2, $pairs alternating pairs: --row-hashes off ${off[*]} s (median $(med "${off[@]}")), with row-hash files (default) ${on[*]} s (median $(med "${on[@]}")).
MD
fi
step "uptime after: $(uptime)"
