#!/usr/bin/env bash
# Crash and fault harness: kills `ordo` with SIGKILL at seeded random moments while it imports orders, routes
# the pending ones with reservations, applies an inventory file and builds a demo, on SQLite and on a throwaway
# PostgreSQL cluster (where some runs stop the server at once, pg_ctl stop -m immediate, instead, and start it
# again); after each fault it checks the database (ordo_crash_check: integrity, every unit the command
# reported committed is there, no half-written order, ledger chains, reserved = held reservations), then runs
# the same command again to its end and checks that it left the figures of an uninterrupted run.
#
#   scripts/crash-harness.sh [--runs N] [--seed S] [--engine sqlite|postgresql|both] [--first K]
#                            [--orders N] [--events N] [--demo-orders N] [--keep] [--no-build] [BUILD_DIR]
#     --runs N       faults per engine (default 6); run K works on command K mod 4: import, route --pending,
#                    inventory apply (in turn in batches of 5,000 with --partial and all at once), demo; on
#                    PostgreSQL every third run (K mod 3 = 2) stops the server instead of killing ordo
#     --seed S       the seed of the input files and of every run's moment (default 1)
#     --first K      number the runs from K (default 0): --first 17 --runs 1 repeats run 17 of a seed
#     --command C    only this command: import, route, inventory or demo (the runs keep their numbers)
#     --orders N     orders in the import file (default 2000); --events N: inventory events (default 60000);
#     --demo-orders N  orders of the demo (default 2000)
#     --keep         keep the work folder (kept anyway when a check fails)
#     --no-build     use BUILD_DIR as it is
#     BUILD_DIR      default build/ in the source tree; ordo and ordo_crash_check are built there
# Exits 1 when any check failed, printing each failing run with what to repeat it with.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=6
seed=1
engines=both
first=0
orders=2000
events=60000
demo_orders=2000
keep=0
only=
build=1
build_dir=

usage() {
    sed -n '9,21p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}
number() { [[ $2 =~ ^[0-9]+$ ]] || { echo "crash-harness: $1 needs a whole number, not '$2'" >&2; exit 2; }; }

while (($# > 0)); do
    case $1 in
    --runs | --seed | --first | --orders | --events | --demo-orders | --engine | --command)
        [[ $# -ge 2 ]] || usage
        case $1 in
        --runs) number "$1" "$2"; runs=$2 ;;
        --seed) number "$1" "$2"; seed=$2 ;;
        --first) number "$1" "$2"; first=$2 ;;
        --orders) number "$1" "$2"; orders=$2 ;;
        --events) number "$1" "$2"; events=$2 ;;
        --demo-orders) number "$1" "$2"; demo_orders=$2 ;;
        --command)
            case $2 in
            import | route | inventory | demo) only=$2 ;;
            *) echo "crash-harness: --command is import, route, inventory or demo, not '$2'" >&2; exit 2 ;;
            esac
            ;;
        --engine)
            case $2 in
            sqlite | postgresql | both) engines=$2 ;;
            *) echo "crash-harness: --engine is sqlite, postgresql or both, not '$2'" >&2; exit 2 ;;
            esac
            ;;
        esac
        shift
        ;;
    --keep) keep=1 ;;
    --no-build) build=0 ;;
    -h | --help) usage 0 ;;
    -*) echo "crash-harness: unknown option $1" >&2; usage ;;
    *)
        [[ -z $build_dir ]] || usage
        build_dir=$1
        ;;
    esac
    shift
done
build_dir=${build_dir:-$root/build}

if ((build)); then
    bash "$root/scripts/build.sh" --target ordo --target ordo_crash_check "$build_dir" >/dev/null
fi
ordo=$build_dir/app/ordo
checker=$build_dir/tests/crash/ordo_crash_check
[[ -x $ordo && -x $checker ]] || { echo "crash-harness: $ordo or $checker is missing" >&2; exit 1; }

work=$(mktemp -d /tmp/ordo-crash.XXXXXXXX)
chmod 755 "$work"
pg_dir=$work/pg
pg_server=
failures=0
declare -a failed=()
declare -A tally=() # "engine command" -> "runs failures"

cleanup() {
    if [[ -n $pg_server ]]; then
        bash "$root/scripts/pg-test-cluster.sh" stop "$pg_dir" >/dev/null 2>&1 || true
    fi
    if ((keep || failures > 0)); then
        echo "crash-harness: the databases and logs are in $work"
    else
        rm -rf -- "$work"
    fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# --- databases by name, on the engine of the moment -------------------------------------------------------
engine=
url_of() {
    if [[ $engine == sqlite ]]; then
        echo "$work/sqlite/$1.sqlite"
    else
        echo "${pg_server%/*}/crash_$1"
    fi
}
psql_server() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$pg_server" -c "$1" >/dev/null; }
drop_db() {
    if [[ $engine == sqlite ]]; then
        rm -f -- "$(url_of "$1")" "$(url_of "$1")-wal" "$(url_of "$1")-shm"
    else
        psql_server "DROP DATABASE IF EXISTS crash_$1 WITH (FORCE)"
    fi
}
# copy_db FROM TO: TO becomes what FROM holds.
copy_db() {
    drop_db "$2"
    if [[ $engine == sqlite ]]; then
        local f
        for f in "" -wal -shm; do
            [[ -e $(url_of "$1")$f ]] && cp -- "$(url_of "$1")$f" "$(url_of "$2")$f"
        done
    else
        psql_server "CREATE DATABASE crash_$2 TEMPLATE crash_$1"
        # A copied sequence keeps the template's count of values already written ahead to the WAL, a record
        # that covered the template, not the copy: after an immediate stop the copy's sequences went back to
        # the template's values and handed out ids its committed rows already held. setval writes each one
        # to the WAL afresh.
        PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$(url_of "$2")" -c \
            "DO \$\$ DECLARE s regclass; BEGIN FOR s IN SELECT oid FROM pg_class WHERE relkind = 'S' LOOP
             EXECUTE format('SELECT setval(%L, last_value, is_called) FROM %s', s, s); END LOOP; END \$\$" >/dev/null
    fi
    return 0
}
new_db() {
    drop_db "$1"
    [[ $engine == postgresql ]] && psql_server "CREATE DATABASE crash_$1"
    "$ordo" orders --db "$(url_of "$1")" --limit 1 >/dev/null # creates and migrates it
}

# --- the PostgreSQL cluster ---------------------------------------------------------------------------------
pg_data() { if [[ -f $pg_dir/datadir ]]; then cat "$pg_dir/datadir"; else echo "$pg_dir/data"; fi; }
as_server_user() { if [[ $(id -u) -eq 0 ]]; then runuser -u ordo-test -- "$@"; else "$@"; fi; }
pg_bin() { if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then echo /usr/lib/postgresql/15/bin; else pg_config --bindir; fi; }

start_cluster() {
    bash "$root/scripts/pg-test-cluster.sh" start "$pg_dir" >/dev/null
    pg_server=$(cat "$pg_dir/url")
    # The test cluster runs with synchronous_commit off, which may lose the last commits a client was told of
    # when the server stops at once; here every commit reported must survive, as on a production server.
    psql_server "ALTER ROLE ordo SET synchronous_commit = on"
}
stop_server_now() { as_server_user "$(pg_bin)/pg_ctl" stop -D "$(pg_data)" -m immediate -w -t 60 >/dev/null; }
# Starts it again with the options it had (postmaster.opts): the same port and settings.
start_server_again() {
    as_server_user "$(pg_bin)/pg_ctl" restart -D "$(pg_data)" -m immediate -w -t 120 \
        -l "$(pg_data)/server.log" >/dev/null 2>&1
}

# --- the commands -------------------------------------------------------------------------------------------
commands=(import route inventory demo)
template_of() {
    case $1 in
    import | inventory) echo base ;;
    route) echo imported ;;
    demo) echo empty ;;
    esac
}
sources_of() { [[ $1 == import || $1 == route ]] && echo --sources || true; }
# argv_of COMMAND DB VARIANT
argv_of() {
    local url
    url=$(url_of "$2")
    case $1 in
    import) echo import --db "$url" --progress "$work/world/orders.json" ;;
    route) echo route --db "$url" --pending --progress ;;
    inventory)
        if [[ $3 == batched ]]; then
            echo inventory apply --db "$url" --progress --partial --batch-size 5000 "$work/world/events.jsonl"
        else
            echo inventory apply --db "$url" --progress "$work/world/events.jsonl"
        fi
        ;;
    demo)
        # No --force: the rerun must finish the demo the killed run began.
        echo demo --db "$url" --orders "$demo_orders" --skus 200 --seed "$seed" \
            --now 2025-09-01T00:00:00Z --progress
        ;;
    esac
}

declare -A duration_ms=()

prepare_engine() {
    mkdir -p "$work/sqlite" "$work/$engine"
    chmod 755 "$work/$engine"
    [[ $engine == postgresql ]] && start_cluster
    new_db base
    "$ordo" import --db "$(url_of base)" "$work/world/locations.csv" "$work/world/skus.csv" \
        "$work/world/inventory.csv" >"$work/$engine/base.log" 2>&1
    copy_db base imported
    "$ordo" import --db "$(url_of imported)" "$work/world/orders.json" >"$work/$engine/imported.log" 2>&1
    new_db empty
    # The uninterrupted runs: their figures are what every rerun must reach, their durations bound the kills.
    local command start
    for command in "${commands[@]}"; do
        [[ -n $only && $command != "$only" ]] && continue
        copy_db "$(template_of "$command")" "ref_$command"
        start=$(now_ms)
        # shellcheck disable=SC2046
        if ! "$ordo" $(argv_of "$command" "ref_$command" whole) >"$work/$engine/ref_$command.out" \
            2>"$work/$engine/ref_$command.err"; then
            tail -n 5 "$work/$engine/ref_$command.err" >&2
            echo "crash-harness: $engine: the uninterrupted $command run failed" >&2
            failures=$((failures + 1))
            exit 1
        fi
        duration_ms[$command]=$(($(now_ms) - start))
        if ! "$checker" check --db "$(url_of "ref_$command")" $(sources_of "$command") \
            --progress "$work/$engine/ref_$command.err" --counts-out "$work/$engine/ref_$command.counts" \
            >"$work/$engine/ref_$command.check"; then
            cat "$work/$engine/ref_$command.check"
            echo "crash-harness: $engine: the uninterrupted $command run fails the checks" >&2
            failures=$((failures + 1))
            exit 1
        fi
        echo "$engine: uninterrupted $command: ${duration_ms[$command]} ms"
    done
}

# One fault: run R on the engine of the moment.
run_once() {
    local r=$1
    RANDOM=$((seed * 7919 + r))
    local command=${commands[$((r % ${#commands[@]}))]}
    [[ -n $only && $command != "$only" ]] && return 0
    local variant=whole
    [[ $command == inventory && $((r / ${#commands[@]} % 2)) -eq 0 ]] && variant=batched
    local fault=kill
    [[ $engine == postgresql && $((r % 3)) -eq 2 ]] && fault=stop
    local span=${duration_ms[$command]}
    # Within nine tenths of the uninterrupted run's time: on a busy machine that run may have been the slower.
    span=$((span * 9 / 10))
    local delay=$(((RANDOM * 32768 + RANDOM) % (span > 0 ? span : 1)))
    local log=$work/$engine/run$r
    local db=run
    copy_db "$(template_of "$command")" $db

    : >"$log.out"
    : >"$log.err" # there even when the kill comes before the background shell opened it
    # shellcheck disable=SC2046
    "$ordo" $(argv_of "$command" $db $variant) >"$log.out" 2>"$log.err" &
    local pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    local what
    if kill -0 "$pid" 2>/dev/null; then
        if [[ $fault == kill ]]; then
            kill -KILL "$pid" 2>/dev/null || true
            what="SIGKILL after $delay ms"
        else
            stop_server_now
            what="server stopped after $delay ms"
            local waited=0
            while kill -0 "$pid" 2>/dev/null && ((waited < 600)); do
                sleep 0.1
                waited=$((waited + 1))
            done
            if kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
                what+=", ordo still running 60 s later (HANG)"
            fi
        fi
    else
        what="finished before the fault ($delay ms)"
    fi
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    [[ $fault == stop ]] && start_server_again
    [[ $what == finished* || $fault == stop ]] && what+=", ordo exited $status"
    local problems=()
    # After a server stop ordo must fail as a database failure (exit 1), not crash or hang.
    if [[ $fault == stop ]]; then
        [[ $what == *HANG* ]] && problems+=("ordo hung after the server stopped")
        ((status == 0 || status == 1)) || problems+=("ordo exited with $status after the server stopped")
    fi
    local committed
    committed=$(grep -c '^progress: committed' "$log.err" || true)

    if ! "$checker" check --db "$(url_of $db)" $(sources_of "$command") --progress "$log.err" \
        >"$log.check" 2>&1; then
        problems+=("checks after the fault failed")
    fi
    local rerun=0
    : >"$log.rerun.err"
    if [[ $command == demo && $what == finished* && $status -eq 0 ]]; then
        : # a finished demo is refused without --force: nothing to finish
    else
        # shellcheck disable=SC2046
        timeout 900 "$ordo" $(argv_of "$command" $db $variant) >"$log.rerun.out" 2>"$log.rerun.err" || rerun=$?
    fi
    ((rerun == 0)) || problems+=("the rerun exited with $rerun")
    if ! "$checker" check --db "$(url_of $db)" $(sources_of "$command") --progress "$log.rerun.err" \
        --expect "$work/$engine/ref_$command.counts" >"$log.recheck" 2>&1; then
        problems+=("checks after the rerun failed")
    fi

    local key="$engine $command"
    local t=${tally[$key]:-"0 0"}
    local n=${t% *} f=${t#* }
    n=$((n + 1))
    if ((${#problems[@]} > 0)); then
        f=$((f + 1))
        failures=$((failures + 1))
        failed+=("run $r ($engine $command $variant, $what): $(IFS=';'; echo "${problems[*]}") -- repeat with: \
--engine $engine --seed $seed --first $r --runs 1; logs $log.*")
        echo "run $r: $engine $command ($variant): $what, $committed units reported: FAIL: ${problems[*]}"
        grep -h -A3 '^FAIL' "$log.check" "$log.recheck" 2>/dev/null | sed 's/^/    /' || true
        grep -v '^progress' "$log.err" "$log.rerun.err" 2>/dev/null | tail -n 3 | sed 's/^/    /' || true
        # The database is kept for a look; the next run makes its own.
        copy_db $db "failed$r"
    else
        echo "run $r: $engine $command ($variant): $what, $committed units reported: ok"
    fi
    tally[$key]="$n $f"
}

"$checker" world "$work/world" --seed "$seed" --orders "$orders" --events "$events" >/dev/null
started=$SECONDS
case $engines in
both) engine_list=(sqlite postgresql) ;;
*) engine_list=("$engines") ;;
esac
for engine in "${engine_list[@]}"; do
    prepare_engine
    for ((r = first; r < first + runs; ++r)); do
        run_once "$r"
    done
    if [[ $engine == postgresql ]]; then
        bash "$root/scripts/pg-test-cluster.sh" stop "$pg_dir" >/dev/null
        pg_server=
    fi
done

echo
echo "crash harness, seed $seed, runs $first..$((first + runs - 1)) per engine, $((SECONDS - started)) s:"
for key in $(printf '%s\n' "${!tally[@]}" | tr ' ' ':' | sort); do
    t=${tally[${key/:/ }]}
    printf '  %-12s %-10s %4d runs %3d failed\n' "${key%%:*}" "${key#*:}" "${t% *}" "${t#* }"
done
if ((failures > 0)); then
    echo "$failures run(s) failed:"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "every check passed"
