#!/usr/bin/env bash
# Installs what is missing, builds build/ and opens the console on a demo database. The demo database is made
# on the first run only (under the per-user data folder); later runs open the same one.
#   scripts/run-console.sh [ORDO_ARGS...]
# ORDO_BUILD_DIR chooses another build directory than build/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"
build_dir=${ORDO_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh" "$build_dir"

ordo=$build_dir/app/ordo
[[ -x $ordo ]] || { echo "run-console: $ordo was not built" >&2; exit 1; }

# Qt's AppDataLocation for organisation "Ordo", application "ordo".
data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/Ordo/ordo
demo=$data_dir/demo.sqlite
if [[ ! -f $demo ]]; then
    mkdir -p "$data_dir"
    echo "run-console: making the demo database $demo"
    if ! "$ordo" demo --db "$demo"; then
        rm -f "$demo" "$demo-wal" "$demo-shm"
        echo "run-console: could not make the demo database" >&2
        exit 1
    fi
fi

echo "run-console: opening the console on $demo"
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    exec "$ordo" --db "$demo" "$@"
else
    echo "run-console: no display found; running under a virtual X server (xvfb-run)"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$ordo" --db "$demo" "$@"
fi
