#!/usr/bin/env bash
# Runs pgcopy's test suite against a REAL PostgreSQL server and a REAL Dolt.
#
# Usage:
#   ./scripts/test.sh                 # go test -count=1 ./... , then short fuzz passes
#   ./scripts/test.sh ARGS...         # go test -count=1 ARGS... (give the packages yourself), no fuzzing
#                                     #   e.g. ./scripts/test.sh -run TestEnv -v ./internal/testenv/
#
# What it does:
#   1. finds PostgreSQL server binaries ($PG_BINDIR, else the newest
#      /usr/lib/postgresql/*/bin) and installs the Debian "postgresql" package if
#      they are missing;
#   2. starts a throwaway cluster in a temp dir on a free 127.0.0.1 port (removed on exit),
#      with wal_level=logical and room for replication slots (for `pgcopy follow`);
#   3. builds the dolt CLI pinned in go.mod into .cache/bin/dolt;
#   4. exports PGCOPY_TEST_PGURL, PGCOPY_TEST_PGBIN, PGCOPY_TEST_DOLT (read by
#      internal/testenv) and puts both bin dirs first in PATH;
#   5. runs the tests (and, without arguments, every Fuzz* target for
#      $PGCOPY_FUZZTIME, default 10s; PGCOPY_FUZZTIME=0 skips fuzzing).
#
# Environment knobs: PG_BINDIR, PGCOPY_FUZZTIME.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
t_start=$SECONDS

# ---------------------------------------------------------------- PostgreSQL
# shellcheck source=scripts/lib-pg.sh
source "$repo_root/scripts/lib-pg.sh"
step "PostgreSQL binaries"
pg_find pg_dump psql pg_isready

pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-test.XXXXXX")
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	pg_stop
	rm -rf "$pg_tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "starting throwaway PostgreSQL cluster in $pg_tmp"
t0=$SECONDS
pg_start "$pg_tmp"
echo "    listening on 127.0.0.1:$pg_port ($((SECONDS - t0))s)"

# ---------------------------------------------------------------- dolt
step "building pinned dolt CLI into .cache/bin/dolt"
t0=$SECONDS
mkdir -p .cache/bin
go build -o .cache/bin/dolt github.com/dolthub/dolt/go/cmd/dolt
dolt_bin="$repo_root/.cache/bin/dolt"
# Keep the dolt CLI away from the real ~/.dolt and from DoltHub's metrics servers.
export DOLT_ROOT_PATH="$pg_tmp/dolt-root"
export DOLT_DISABLE_EVENT_FLUSH=1
mkdir -p "$DOLT_ROOT_PATH"
"$dolt_bin" config --global --add metrics.disabled true >/dev/null
"$dolt_bin" config --global --add versioncheck.disabled true >/dev/null
"$dolt_bin" config --global --add user.name "pgcopy test" >/dev/null
"$dolt_bin" config --global --add user.email "pgcopy-test@example.invalid" >/dev/null
dolt_version=$("$dolt_bin" version)
echo "    ${dolt_version%%$'\n'*} ($((SECONDS - t0))s)"

# ---------------------------------------------------------------- tests
export PGCOPY_TEST_PGURL="postgres://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable"
export PGCOPY_TEST_PGBIN="$pg_bindir"
export PGCOPY_TEST_DOLT="$dolt_bin"
export PATH="$repo_root/.cache/bin:$pg_bindir:$PATH"
# Temp files of the tests (t.TempDir, dolt roots, ...) go away with the cluster.
export TMPDIR="$pg_tmp/tmp"
mkdir -p "$TMPDIR"

status=0
t0=$SECONDS
# -timeout 25m: go test's default of 10 minutes per package is too close to what cmd/pgcopy takes on
# a 2-core machine (450 s in one full run, over 600 s in the next); CI's bound is 30 minutes.
if [[ $# -gt 0 ]]; then
	step "go test -count=1 -timeout 25m $*"
	go test -count=1 -timeout 25m "$@" || status=$?
else
	step "go test -count=1 -timeout 25m ./..."
	go test -count=1 -timeout 25m ./... || status=$?
fi
echo "    tests finished with status $status ($((SECONDS - t0))s)"

fuzztime=${PGCOPY_FUZZTIME:-10s}
if [[ $# -eq 0 && $status -ne 0 && "$fuzztime" != "0" ]]; then
	step "skipping fuzzing: the tests failed"
elif [[ $# -eq 0 && "$fuzztime" != "0" ]]; then
	# Every Fuzz target, one per invocation (go test -fuzz accepts exactly one).
	# Skips the directories the go tool ignores: testdata, .*, _*.
	targets=$(
		find . -mindepth 1 \( -name testdata -o -name '.*' -o -name '_*' \) -prune -o \
			-type f -name '*_test.go' -print |
			LC_ALL=C sort |
			while IFS= read -r f; do
				grep -oE '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |$(dirname "$f") |" || true
			done
	)
	if [[ -z "$targets" ]]; then
		step "fuzzing: no Fuzz targets found"
	fi
	while read -r dir name; do
		[[ -n "$name" ]] || continue
		step "fuzz $name in $dir for $fuzztime"
		go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$dir" || { status=$?; break; }
	done <<<"$targets"
fi

step "done in $((SECONDS - t_start))s, status $status"
exit "$status"
