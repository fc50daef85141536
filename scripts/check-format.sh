#!/usr/bin/env bash
# Fails when a tracked C++ source under app/, core/, ui/ or tests/ is not formatted as .clang-format says,
# printing each offending place (clang-format --dry-run -Werror). Fix with `cmake --build build --target format`.
#   scripts/check-format.sh [FILE...]     default: every tracked .cpp and .h in those folders
# CLANG_FORMAT chooses the program (default clang-format).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null 2>&1; then
    echo "check-format: $clang_format not found (scripts/install-deps.sh installs it)" >&2
    exit 1
fi

if (($# > 0)); then
    files=("$@")
else
    mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' \
        'tests/*.cpp' 'tests/*.h')
fi
if ((${#files[@]} == 0)); then
    echo "check-format: no files to check" >&2
    exit 1
fi

# -Werror turns each "code should be clang-formatted" warning into an error and the exit status into a failure.
if ! printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" -style=file --dry-run -Werror; then
    echo "check-format: files above are not formatted; run: cmake --build build --target format" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
