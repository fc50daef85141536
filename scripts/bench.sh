#!/usr/bin/env bash
# Builds the benchmarks in tests/bench and prints their figures as JSON, one object per benchmark.
#   scripts/bench.sh [ORDERS]     ORDERS for the import benchmark, default 100000
# Benchmarks are not tests: they print figures and same-run baselines, they assert nothing about speed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
orders=${1:-100000}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" --headless --target bench_import "$root/build-bench" -- -DCMAKE_BUILD_TYPE=Release
echo "== bench_import ($orders orders) =="
"$root/build-bench/tests/bench/bench_import" "$orders"
