#!/usr/bin/env bash
# Configures and builds Ordo with Ninja on two cores, warnings as errors.
#   scripts/build.sh [--headless] [--sanitize] [--target NAME]... [BUILD_DIR] [-- CMAKE_ARGS...]
#     --headless   no console (-DORDO_GUI=OFF): the core, the command line and the core tests
#     --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer (-DORDO_SANITIZE=ON)
#     --target     build only this target (repeatable); default: everything
#     BUILD_DIR    default build/, build-headless/, build-asan/ or build-headless-asan/ in the source tree
# A second run only rebuilds what changed; ccache makes a fresh build directory cheap too.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gui=ON
sanitize=OFF
build_dir=
targets=()
extra=()

while (($# > 0)); do
    case $1 in
    --headless) gui=OFF ;;
    --sanitize) sanitize=ON ;;
    --target)
        [[ $# -ge 2 ]] || { echo "build.sh: --target needs a name" >&2; exit 2; }
        targets+=(--target "$2")
        shift
        ;;
    --) shift; extra=("$@"); break ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build.sh: unknown option $1" >&2; exit 2 ;;
    *)
        [[ -z $build_dir ]] || { echo "build.sh: more than one build directory given" >&2; exit 2; }
        build_dir=$1
        ;;
    esac
    shift
done

if [[ -z $build_dir ]]; then
    build_dir=$root/build
    [[ $gui == OFF ]] && build_dir+=-headless
    [[ $sanitize == ON ]] && build_dir+=-asan
fi

# Let ccache share objects between build directories and clones of the tree. The test, sanitizer and fuzz
# builds take about 4 GB of it together: 10 GB keeps a CI run's objects from evicting the last run's.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G}

mkdir -p "$build_dir"
log=$build_dir/configure.log
if ! cmake -S "$root" -B "$build_dir" -G Ninja -Wno-dev \
    -DORDO_WERROR=ON -DORDO_GUI="$gui" -DORDO_SANITIZE="$sanitize" "${extra[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    echo "build.sh: configuring $build_dir failed" >&2
    exit 1
fi
cmake --build "$build_dir" -j2 "${targets[@]}"
echo "build.sh: built $build_dir (GUI $gui, sanitizers $sanitize)"
