#!/usr/bin/env bash
# Installs what building, testing and packaging Ordo needs on Debian 12 (dpkg-dev for cpack's dpkg-shlibdeps;
# desktop-file-utils, appstream, man-db and groff-base to check the package's files), and nothing when it is
# all there already: a second run only asks dpkg and returns, without touching the network.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    postgresql clang clang-format libclang-rt-14-dev xvfb xauth libglpk-dev libsqlite3-dev
    dpkg-dev desktop-file-utils appstream man-db groff-base
)
# Unprivileged account that owns the throwaway PostgreSQL clusters of the tests (PostgreSQL refuses root).
TEST_USER=ordo-test

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "install-deps: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

missing=()
for package in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ $status == installed ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "install-deps: all ${#PACKAGES[@]} packages present"
fi

if [[ $(id -u) -eq 0 ]] && ! getent passwd "$TEST_USER" >/dev/null; then
    echo "install-deps: creating system user $TEST_USER"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$TEST_USER"
fi
