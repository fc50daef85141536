#!/usr/bin/env bash
# Builds the Debian package with cpack from an existing build directory (nothing is rebuilt: cpack installs
# what is built) and checks it as a packager would:
#   - the dependencies: the Qt libraries dpkg-shlibdeps found, plus the SQL driver plugins it cannot see
#     (libqt6sql6-sqlite, libqt6sql6-psql) and the platform plugins of the console;
#   - the files: the binary, the desktop entry, the AppStream metainfo, the icon and the manual page;
#   - those files pass desktop-file-validate, appstreamcli validate --no-net and lexgrog/groff, and the
#     packaged binary prints its version and its database schema version.
#   tests/packaging/check-deb.sh BUILD_DIR
# Prints each check and "N passed, N failed"; exits 1 when a check fails.
set -uo pipefail

build_dir=$(cd "${1:?usage: check-deb.sh BUILD_DIR}" && pwd)
out=$build_dir/packaging-test
rm -rf "$out"
mkdir -p "$out"

passed=0
failed=0
check() {
    local what=$1
    shift
    if "$@" >"$out/check.log" 2>&1; then
        echo "PASS  $what"
        passed=$((passed + 1))
    else
        echo "FAIL  $what"
        sed 's/^/      /' "$out/check.log"
        failed=$((failed + 1))
    fi
}
finish() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
    exit $?
}

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli lexgrog groff; do
    if ! command -v "$tool" >/dev/null; then
        echo "check-deb: $tool is missing (scripts/install-deps.sh installs it)" >&2
        exit 1
    fi
done

start=$SECONDS
if ! (cd "$build_dir" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1); then
    cat "$out/cpack.log"
    echo "check-deb: cpack failed"
    exit 1
fi
debs=("$out"/*.deb)
[[ -f ${debs[0]} ]] || { cat "$out/cpack.log"; echo "check-deb: cpack made no .deb"; exit 1; }
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $((SECONDS - start)) s"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
has_dependency() { [[ ", $depends," == *", $1 "* || ", $depends," == *", $1,"* ]]; }
for package in libqt6core6 libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql libqt6widgets6 libqt6gui6 qt6-qpa-plugins \
    libc6 libstdc++6; do
    check "depends on $package" has_dependency "$package"
done
# A library the binary links and that no line of CMake names: proof that dpkg-shlibdeps ran.
check "dpkg-shlibdeps found the linked libraries (libglpk40)" has_dependency libglpk40

contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for file in ./usr/bin/ordo ./usr/share/applications/org.ordo.Ordo.desktop \
    ./usr/share/metainfo/org.ordo.Ordo.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/org.ordo.Ordo.svg \
    ./usr/share/man/man1/ordo.1.gz; do
    check "contains $file" grep -qxF "$file" <<<"$contents"
done

root=$out/root
dpkg-deb -x "$deb" "$root"
check "desktop-file-validate" desktop-file-validate "$root/usr/share/applications/org.ordo.Ordo.desktop"
check "appstreamcli validate --no-net" appstreamcli validate --no-net \
    "$root/usr/share/metainfo/org.ordo.Ordo.metainfo.xml"
check "the manual page has a NAME line (lexgrog)" lexgrog "$root/usr/share/man/man1/ordo.1.gz"
check "the manual page formats without warnings (groff -man -ww)" \
    bash -c "zcat '$root/usr/share/man/man1/ordo.1.gz' | groff -man -Tutf8 -ww -z 2>&1 | (! grep .)"
# Every command of `ordo help` has its section in the manual page.
man_text=$(zcat "$root/usr/share/man/man1/ordo.1.gz")
commands=$("$root/usr/bin/ordo" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 {print $1}')
for command in $commands; do
    check "the manual page describes 'ordo $command'" grep -qE "^\.SS \"ordo $command( |\")" <<<"$man_text"
done
prints_versions() {
    local printed
    printed=$("$root/usr/bin/ordo" --version) || return 1
    echo "$printed"
    [[ $printed =~ ^ordo\ [0-9]+\.[0-9]+\.[0-9]+$'\n'database\ schema\ [1-9][0-9]*$ ]]
}
check "the packaged binary prints its version and its database schema version" prints_versions
finish
