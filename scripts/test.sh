#!/usr/bin/env bash
# Installs what is missing, builds build/ and runs every test on SQLite and PostgreSQL.
#   scripts/test.sh [CTEST_ARGS...]     e.g. scripts/test.sh -R money
# ctest's "postgres" fixture starts a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh) before the
# integration tests and removes it afterwards.
# ORDO_BUILD_DIR chooses another build directory than build/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"
build_dir=${ORDO_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh" "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
