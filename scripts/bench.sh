#!/usr/bin/env bash
# Builds the benchmarks in tests/bench (Release, no console) and prints their figures as JSON, each beside a
# baseline measured in the same run. Benchmarks are not tests: they assert nothing about speed.
#   scripts/bench.sh [NAME...]     import, ingest, atp, reserve, route, route_large, route_quality,
#                                  route_pending, rules_json
#                                  (default: all)
# bench_reserve measures PostgreSQL too: this script starts a throwaway cluster for it and removes it after.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
names=("$@")
((${#names[@]})) || names=(import ingest atp reserve route route_large route_quality route_pending rules_json)
bash "$root/scripts/install-deps.sh"
targets=()
for name in "${names[@]}"; do targets+=(--target "bench_$name"); done
bash "$root/scripts/build.sh" --headless "${targets[@]}" "$root/build-bench" -- -DCMAKE_BUILD_TYPE=Release
bin=$root/build-bench/tests/bench
for name in "${names[@]}"; do
    echo "== bench_$name =="
    if [[ $name == reserve ]]; then
        pg=$(mktemp -d)
        trap 'bash "$root/scripts/pg-test-cluster.sh" stop "$pg" >/dev/null 2>&1 || true' EXIT
        bash "$root/scripts/pg-test-cluster.sh" start "$pg"
        "$bin/bench_reserve" --pg "$(cat "$pg/url")"
    else
        "$bin/bench_$name"
    fi
done
