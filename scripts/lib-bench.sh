# shellcheck shell=bash
# Shared by the benchmark scripts (bench-nightly.sh, bench-rss.sh): a scratch
# directory with cleanup (bench_scratch), and a Dolt
# configuration of the run's own, away from ~/.dolt and DoltHub's metrics.
#
# bench_dolt_env DIR [DOLT]: export DOLT_ROOT_PATH=DIR/dolt-root (created)
# with metrics and event flushing off; with DOLT (the dolt CLI), also set
# the global user.name, user.email and metrics.disabled the CLI needs.
bench_dolt_env() {
	export DOLT_ROOT_PATH="$1/dolt-root" DOLT_DISABLE_EVENT_FLUSH=1 DOLT_METRICS_DISABLED=1
	mkdir -p "$DOLT_ROOT_PATH"
	[[ -n "${2:-}" ]] || return 0
	"$2" config --global --add metrics.disabled true >/dev/null
	"$2" config --global --add user.name "pgcopy bench" >/dev/null
	"$2" config --global --add user.email "pgcopy-bench@example.invalid" >/dev/null
}

# bench_scratch NAME: make a world-readable scratch directory (PostgreSQL,
# run as another user, reads it), set tmp to it, and trap EXIT, INT and
# TERM to stop the cluster of lib-pg.sh's pg_start and remove it.
bench_scratch() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgcopy-bench-$1.XXXXXX")
	chmod 755 "$tmp"
	trap _bench_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

_bench_cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	pg_stop
	rm -rf "$tmp"
	exit "$rc"
}
