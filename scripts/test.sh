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
#   2. starts a throwaway cluster in a temp dir on a free 127.0.0.1 port (removed on exit);
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

# ---------------------------------------------------------------- PostgreSQL binaries
find_pg_bindir() {
	if [[ -n "${PG_BINDIR:-}" ]]; then
		printf '%s\n' "$PG_BINDIR"
		return
	fi
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	printf '%s\n' "$d"
}

as_root() {
	if [[ $(id -u) -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root to run '$*' and sudo is not installed; install PostgreSQL yourself or set PG_BINDIR"
	fi
}

step "PostgreSQL binaries"
pg_bindir=$(find_pg_bindir)
if [[ -z "$pg_bindir" || ! -x "$pg_bindir/initdb" ]]; then
	[[ -n "${PG_BINDIR:-}" ]] && die "PG_BINDIR=$PG_BINDIR has no executable initdb"
	command -v apt-get >/dev/null 2>&1 ||
		die "PostgreSQL server not found and apt-get is unavailable; install PostgreSQL and set PG_BINDIR to its bin dir"
	step "installing PostgreSQL server (apt-get install postgresql)"
	as_root apt-get update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
	pg_bindir=$(find_pg_bindir)
fi
for b in initdb pg_ctl postgres pg_dump psql pg_isready; do
	[[ -x "$pg_bindir/$b" ]] || die "$pg_bindir/$b is missing; set PG_BINDIR to a complete PostgreSQL bin dir"
done
echo "    $pg_bindir ($("$pg_bindir/postgres" --version))"

# ---------------------------------------------------------------- throwaway cluster
pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-test.XXXXXX")
pg_data="$pg_tmp/data"
pg_log="$pg_tmp/postgres.log"
pg_started=0

# pg_run runs a PostgreSQL server command as a user PostgreSQL accepts (never root).
pg_run() {
	if [[ $(id -u) -eq 0 ]]; then
		(cd "$pg_tmp" && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ $pg_started -eq 1 ]]; then
		pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$pg_tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "starting throwaway PostgreSQL cluster in $pg_tmp"
t0=$SECONDS
if [[ $(id -u) -eq 0 ]]; then
	# PostgreSQL refuses to run as root: hand the cluster to the postgres user.
	if ! id -u postgres >/dev/null 2>&1; then
		useradd -r -m postgres
	fi
	chown postgres: "$pg_tmp"
fi

initdb_args=(-D "$pg_data" -U postgres --auth=trust -E UTF8 --no-sync)
if ! pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C.UTF-8 >"$pg_tmp/initdb.log" 2>&1; then
	echo "    initdb with C.UTF-8 failed, retrying with --locale=C"
	rm -rf "$pg_data"
	pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C >"$pg_tmp/initdb.log" 2>&1 ||
		{ cat "$pg_tmp/initdb.log" >&2; die "initdb failed (log above)"; }
fi

# port_in_use reports whether something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_port=55432
pg_started=1 # from here on, cleanup stops the server if it is (maybe) running
pg_up=0
for attempt in 1 2 3 4 5; do
	while port_in_use "$pg_port"; do
		pg_port=$((pg_port + 1))
		[[ $pg_port -lt 56432 ]] || die "no free TCP port in 55432..56431"
	done
	if pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 start \
		-o "-p $pg_port -k '$pg_tmp' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
		>/dev/null; then
		pg_up=1
		break
	fi
	# Most likely lost a race for the port: try the next one.
	echo "    could not start on port $pg_port (attempt $attempt):"
	tail -n 5 "$pg_log" 2>/dev/null | sed 's/^/      /' || true
	pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
	pg_port=$((pg_port + 1))
done
[[ $pg_up -eq 1 ]] || die "could not start PostgreSQL; see the log above"
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
if [[ $# -gt 0 ]]; then
	step "go test -count=1 $*"
	go test -count=1 "$@" || status=$?
else
	step "go test -count=1 ./..."
	go test -count=1 ./... || status=$?
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
