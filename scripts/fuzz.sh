#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (build-fuzz/, -DORDO_FUZZ=ON) and runs each for a
# bounded time, its corpus seeded from the fixtures in tests/data and kept between runs. Only the fuzz targets
# and what they link are built (the parsers' libraries, not the console nor the whole core). Inputs go up to
# 1 MiB, so that what grows with the size of a file shows.
#   scripts/fuzz.sh [--time SECONDS] [--build-dir DIR] [TARGET...]
#     --time       seconds per target (default 30)
#     TARGET       fuzz_x12, fuzz_csv, ... (default: every target built)
# A crash, a leak, undefined behaviour or a timeout stops with exit code 1; the input that did it is left in
# <build dir>/findings/ and printed. Prints how long each target ran.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=30
build_dir=$root/build-fuzz
wanted=()
while (($# > 0)); do
    case $1 in
    --time) seconds=$2; shift ;;
    --build-dir) build_dir=$2; shift ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) wanted+=("$1") ;;
    esac
    shift
done

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (Debian: apt-get install clang)" >&2; exit 1; }
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G} # as scripts/build.sh
mkdir -p "$build_dir"
if ! cmake -S "$root" -B "$build_dir" -G Ninja -Wno-dev -DCMAKE_CXX_COMPILER=clang++ -DORDO_FUZZ=ON -DORDO_PCH=OFF \
    -DORDO_GUI=OFF -DBUILD_TESTING=OFF -DORDO_BENCH=OFF -DORDO_WERROR=ON >"$build_dir/configure.log" 2>&1; then
    cat "$build_dir/configure.log" >&2
    echo "fuzz.sh: configuring $build_dir failed" >&2
    exit 1
fi

declare -A seeds=()
targets=()
while read -r name seed; do
    [[ -n $name ]] || continue
    seeds[$name]=$seed
    if ((${#wanted[@]} == 0)) || [[ " ${wanted[*]} " == *" $name "* ]]; then targets+=("$name"); fi
done <"$build_dir/tests/fuzz/targets.txt"
((${#targets[@]} > 0)) || { echo "fuzz.sh: no such fuzz target: ${wanted[*]}" >&2; exit 2; }

build_args=()
for t in "${targets[@]}"; do build_args+=(--target "$t"); done
cmake --build "$build_dir" -j2 "${build_args[@]}"

declare -a timings=()
failed=0
mkdir -p "$build_dir/findings"
for t in "${targets[@]}"; do
    corpus=$build_dir/corpus/$t
    mkdir -p "$corpus"
    seed_dir=$root/tests/data/${seeds[$t]}
    [[ -d $seed_dir ]] || seed_dir=
    # Inputs that once found a defect run first, every time: the fix must hold under the fuzz build's sanitizers.
    regressions=$root/tests/fuzz/regressions/$t
    [[ -d $regressions ]] || regressions=
    options=(-max_total_time="$seconds" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$build_dir/findings/$t-")
    if [[ -f $root/tests/fuzz/$t.dict ]]; then
        options+=(-dict="$root/tests/fuzz/$t.dict")
    elif [[ -f $root/tests/fuzz/${seeds[$t]}.dict ]]; then
        options+=(-dict="$root/tests/fuzz/${seeds[$t]}.dict")
    fi
    echo "--- $t: ${seconds}s, corpus $corpus${seed_dir:+, seeds $seed_dir}${regressions:+, regressions $regressions}"
    start=$SECONDS
    # Leak checks stay on: the parsers must not leak. Qt's own one-time allocations are not reported as leaks.
    if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        "$build_dir/tests/fuzz/$t" "${options[@]}" "$corpus" ${seed_dir:+"$seed_dir"} ${regressions:+"$regressions"} \
        >"$build_dir/$t.log" 2>&1; then
        result=ok
    else
        result=FAILED
        failed=1
        tail -n 60 "$build_dir/$t.log"
        ls -1 "$build_dir/findings/$t-"* 2>/dev/null || true
    fi
    took=$((SECONDS - start))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build_dir/$t.log" | grep -o '[0-9]*$' || echo '?')
    timings+=("$(printf '%-18s %-6s %4ds %10s runs' "$t" "$result" "$took" "$runs")")
done

echo "--- fuzzing"
for line in "${timings[@]}"; do echo "$line"; done
exit $failed
