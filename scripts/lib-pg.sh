# shellcheck shell=bash
# Shared by scripts/test.sh and scripts/bench.sh: find (or install) the
# PostgreSQL server binaries and run a throwaway cluster on 127.0.0.1.
# The caller defines die() and step(), and stops the cluster with pg_stop
# in its own EXIT trap.
#
# Sets: pg_bindir (pg_find), pg_dir, pg_data, pg_log, pg_port, pg_started (pg_start).

pg_started=0

as_root() {
	if [[ $(id -u) -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root to run '$*' and sudo is not installed; install PostgreSQL yourself or set PG_BINDIR"
	fi
}

# pg_find sets pg_bindir to $PG_BINDIR or the newest /usr/lib/postgresql/*/bin,
# installing the Debian postgresql package when no initdb is found, and checks
# that the programs named as arguments are there.
pg_find() {
	_pg_bindir() {
		if [[ -n "${PG_BINDIR:-}" ]]; then
			printf '%s\n' "$PG_BINDIR"
		else
			ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
		fi
	}
	pg_bindir=$(_pg_bindir)
	if [[ -z "$pg_bindir" || ! -x "$pg_bindir/initdb" ]]; then
		[[ -n "${PG_BINDIR:-}" ]] && die "PG_BINDIR=$PG_BINDIR has no executable initdb"
		command -v apt-get >/dev/null 2>&1 ||
			die "PostgreSQL server not found and apt-get is unavailable; install PostgreSQL and set PG_BINDIR to its bin dir"
		step "installing PostgreSQL server (apt-get install postgresql)"
		as_root apt-get update
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
		pg_bindir=$(_pg_bindir)
	fi
	local b
	for b in initdb pg_ctl postgres "$@"; do
		[[ -x "$pg_bindir/$b" ]] || die "$pg_bindir/$b is missing; set PG_BINDIR to a complete PostgreSQL bin dir"
	done
	echo "    $pg_bindir ($("$pg_bindir/postgres" --version))"
}

# pg_run runs a PostgreSQL server command as a user PostgreSQL accepts (never root).
pg_run() {
	if [[ $(id -u) -eq 0 ]]; then
		(cd "$pg_dir" && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# pg_port_in_use reports whether something accepts TCP connections on 127.0.0.1:$1.
pg_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start DIR creates a cluster in DIR/data (trust auth, UTF8, C.UTF-8 or C
# locale, durability off) and starts it on the first free port from 55432,
# with its unix socket in DIR. The server runs with wal_level=logical (and room
# for 10 replication slots and 10 WAL senders) so that `pgcopy follow` and its
# tests can create logical replication slots. pg_hba.conf needs nothing more:
# a logical replication connection (replication=database) is matched by its
# database name like an ordinary one, so initdb's "host all all 127.0.0.1/32
# trust" line admits it (the "replication" keyword is for physical replication).
pg_start() {
	pg_dir=$1
	pg_data="$pg_dir/data"
	pg_log="$pg_dir/postgres.log"
	mkdir -p "$pg_dir"
	if [[ $(id -u) -eq 0 ]]; then
		# PostgreSQL refuses to run as root: hand the cluster to the postgres user.
		id -u postgres >/dev/null 2>&1 || useradd -r -m postgres
		chown postgres: "$pg_dir"
	fi
	local initdb_args=(-D "$pg_data" -U postgres --auth=trust -E UTF8 --no-sync)
	if ! pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1; then
		echo "    initdb with C.UTF-8 failed, retrying with --locale=C"
		rm -rf "$pg_data"
		pg_run "$pg_bindir/initdb" "${initdb_args[@]}" --locale=C >"$pg_dir/initdb.log" 2>&1 ||
			{ cat "$pg_dir/initdb.log" >&2; die "initdb failed (log above)"; }
	fi
	pg_port=55432
	pg_started=1 # from here on, pg_stop stops the server if it is (maybe) running
	local attempt
	for attempt in 1 2 3 4 5; do
		while pg_port_in_use "$pg_port"; do
			pg_port=$((pg_port + 1))
			[[ $pg_port -lt 56432 ]] || die "no free TCP port in 55432..56431"
		done
		if pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 start \
			-o "-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c wal_level=logical -c max_replication_slots=10 -c max_wal_senders=10" \
			>/dev/null; then
			return
		fi
		# Most likely lost a race for the port: try the next one.
		echo "    could not start on port $pg_port (attempt $attempt):"
		tail -n 5 "$pg_log" 2>/dev/null | sed 's/^/      /' || true
		pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
		pg_port=$((pg_port + 1))
	done
	die "could not start PostgreSQL; see $pg_log"
}

# pg_stop stops the cluster started by pg_start, if any.
pg_stop() {
	if [[ $pg_started -eq 1 ]]; then
		pg_run "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
		pg_started=0
	fi
}
