#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests.
#   pg-test-cluster.sh start DIR   initdb a cluster in DIR, start it on a free port of 127.0.0.1 and write
#                                  its URL (postgresql://ordo@127.0.0.1:PORT/postgres) to DIR/url
#   pg-test-cluster.sh stop DIR    stop it at once and remove DIR
# The cluster trusts local connections, keeps its sockets in DIR and runs with fsync off: it holds nothing
# worth keeping. PostgreSQL refuses to run as root, so as root every server command runs as the system user
# ordo-test (created by scripts/install-deps.sh). Fails loudly when PostgreSQL is missing.
set -euo pipefail

TEST_USER=ordo-test
ROLE=ordo

die() {
    echo "pg-test-cluster: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
dir=$2
[[ -n $dir && $dir != / ]] || usage
dir=$(realpath -m -- "$dir")

find_bindir() {
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        echo /usr/lib/postgresql/15/bin
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        local bindir
        bindir=$(pg_config --bindir)
        if [[ -x $bindir/initdb ]]; then
            echo "$bindir"
            return
        fi
    fi
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n $newest && -x $newest/initdb ]]; then
        echo "$newest"
        return
    fi
    die "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/15/bin or \
\`pg_config --bindir\`; install the Debian package 'postgresql' (bash scripts/install-deps.sh)"
}

# Runs a server command as the unprivileged test user when we are root, as ourselves otherwise.
as_server_user() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u "$TEST_USER" -- "$@"
    else
        "$@"
    fi
}

# Where the data directory and sockets live: DIR itself, unless the server user cannot reach DIR or the
# socket path would pass the kernel's limit of 107 bytes; then a private folder in /tmp recorded in DIR/datadir.
data_dir_of() {
    if [[ -f $dir/datadir ]]; then
        cat "$dir/datadir"
    else
        echo "$dir/data"
    fi
}

pg_running() {
    local data=$1
    [[ -f $data/postmaster.pid ]] && as_server_user "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1
}

stop_cluster() {
    local data
    data=$(data_dir_of)
    if [[ -d $data ]] && pg_running "$data"; then
        as_server_user "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 60 >/dev/null
    fi
    if [[ $data != "$dir"/* ]]; then
        rm -rf -- "$data"
    fi
    rm -rf -- "$dir"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_cluster() {
    if [[ $(id -u) -eq 0 ]] && ! getent passwd "$TEST_USER" >/dev/null; then
        die "running as root, but the user $TEST_USER that runs the test server does not exist; \
run bash scripts/install-deps.sh first"
    fi
    [[ -d $dir || -e $dir ]] && stop_cluster
    mkdir -p -- "$dir"

    local data=$dir/data
    local use_tmp=0
    ((${#dir} + 20 > 100)) && use_tmp=1
    if [[ $(id -u) -eq 0 ]]; then
        chown "$TEST_USER:" "$dir"
        runuser -u "$TEST_USER" -- test -w "$dir" || use_tmp=1
    fi
    if ((use_tmp)); then
        data=$(mktemp -d /tmp/ordo-pg.XXXXXXXX)
        echo "$data" >"$dir/datadir"
        rmdir "$data"
    fi
    mkdir -p -- "$data"
    chmod 700 "$data"
    [[ $(id -u) -eq 0 ]] && chown "$TEST_USER:" "$data"

    if ! as_server_user "$bindir/initdb" -D "$data" --username="$ROLE" --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        die "initdb failed in $data"
    fi

    local attempt port
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        if as_server_user "$bindir/pg_ctl" start -D "$data" -w -t 60 -l "$data/server.log" \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=200" >/dev/null; then
            echo "postgresql://$ROLE@127.0.0.1:$port/postgres" >"$dir/url"
            echo "pg-test-cluster: PostgreSQL running at $(cat "$dir/url") (data in $data)"
            return
        fi
        # Another process may have taken the port between the check and the start: try another one.
        if ! grep -q -i 'address already in use\|could not bind\|could not create any TCP' \
            "$data/server.log" 2>/dev/null; then
            break
        fi
        echo "pg-test-cluster: port $port taken (attempt $attempt), trying another" >&2
    done
    [[ -f $data/server.log ]] && tail -n 30 "$data/server.log" >&2
    die "PostgreSQL did not start in $data"
}

bindir=$(find_bindir)
case $action in
start) start_cluster ;;
stop) stop_cluster ;;
*) usage ;;
esac
