#!/usr/bin/env bash
# The packaging check (docs/packaging.md): builds the .debs (inlet, inlet-server) from an existing
# build directory, checks what they contain, installs them, runs a customer message end to end
# through the INSTALLED programs (flow-installed.sh), checks the installed inlet-server (--help, its
# systemd unit, not enabled), purges them and checks that nothing of them is left but the user's
# data.
# Usage: tests/packaging/check-deb.sh [BUILD_DIR]   (default: build; `./inlet.sh package-check`)
# Needs root or sudo: it installs and removes the packages `inlet` and `inlet-server` on this machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
here="$root/tests/packaging"
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
work="$(mktemp -d)"
passed=0
failed=0
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
ok() { passed=$((passed + 1)); echo "check-deb: ok   $*"; }
bad() { failed=$((failed + 1)); echo "check-deb: FAIL $*"; }
check() { # check "what" command...
  local what="$1"
  shift
  if "$@" >"$work/last.log" 2>&1; then ok "$what"; else bad "$what"; sed 's/^/    /' "$work/last.log" | tail -n 20; fi
}
finish() {
  echo "check-deb: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
started=$(date +%s)

version="$(sed -n 's/^project(inlet VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
app_id=app.inlet.Inlet

log "building the .deb (version $version)"
rm -f "$build"/inlet_*.deb "$build"/inlet-server_*.deb
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; bad "cpack -G DEB"; finish; }
deb="$(ls "$build"/inlet_"$version"_*.deb)"
ok "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
server_deb="$(ls "$build"/inlet-server_"$version"_*.deb)"
ok "built $(basename "$server_deb") ($(du -k "$server_deb" | cut -f1) KiB)"

log "checking the package's contents"
field() { dpkg-deb -f "$deb" "$1"; }
check "Version is the project version" test "$(field Version)" = "$version"
depends="$(field Depends)"
for dep in libsecret-1-0 'gnome-keyring | kwalletmanager' libqt6webenginecore6-bin libqt6webengine6-data \
           libqt6sql6-sqlite libqt6svg6 qt6-image-formats-plugins libqt6core6 libqt6widgets6 \
           libqt6webenginewidgets6 libqt6keychain1; do
  check "Depends names $dep" grep -qF "$dep" <<<"$depends"
done
tree="$work/tree"
dpkg-deb -x "$deb" "$tree"
for f in usr/bin/inlet usr/bin/inlet-sandbox usr/libexec/inlet/inlet-login \
         usr/share/applications/$app_id.desktop \
         usr/share/metainfo/$app_id.metainfo.xml usr/share/icons/hicolor/scalable/apps/inlet.svg \
         usr/share/man/man1/inlet.1.gz usr/share/man/man1/inlet-sandbox.1.gz \
         usr/share/doc/inlet/copyright usr/share/doc/inlet/sandbox.md; do
  check "ships /$f" test -s "$tree/$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
  png="$tree/usr/share/icons/hicolor/${size}x${size}/apps/inlet.png"
  check "icon ${size}x${size} is a ${size}x${size} PNG" grep -q "PNG image data, $size x $size" <<<"$(file "$png")"
done
for bin in bin/inlet bin/inlet-sandbox libexec/inlet/inlet-login; do
  check "/usr/$bin is stripped" sh -c "file '$tree/usr/$bin' | grep -q ', stripped'"
done
check "desktop-file-validate" desktop-file-validate "$tree/usr/share/applications/$app_id.desktop"
check "appstreamcli validate --no-net" appstreamcli validate --no-net "$tree/usr/share/metainfo/$app_id.metainfo.xml"
check "metainfo's newest release is $version" \
  grep -q "<release version=\"$version\"" "$tree/usr/share/metainfo/$app_id.metainfo.xml"
for page in inlet inlet-sandbox; do
  check "man page $page.1 renders without warnings" sh -c \
    "gzip -t '$tree/usr/share/man/man1/$page.1.gz' && [ -z \"\$(MANWIDTH=80 man --warnings -l '$tree/usr/share/man/man1/$page.1.gz' 2>&1 >/dev/null)\" ]"
done
check "inlet does not ship inlet-server" test ! -e "$tree/usr/bin/inlet-server"

log "checking inlet-server's package"
server_tree="$work/server-tree"
dpkg-deb -x "$server_deb" "$server_tree"
check "inlet-server's Version is the project version" test "$(dpkg-deb -f "$server_deb" Version)" = "$version"
server_depends="$(dpkg-deb -f "$server_deb" Depends)"
lacks() { ! grep -qiF "$1" <<<"$2"; }
for dep in libqt6sql6-psql libqt6core6 libqt6network6 libqt6sql6; do
  check "inlet-server Depends names $dep" grep -qF "$dep" <<<"$server_depends"
done
for dep in webengine libqt6widgets6 libqt6gui6 gnome-keyring libqt6httpserver; do
  check "inlet-server does not depend on $dep (a server needs no desktop)" lacks "$dep" "$server_depends"
done
for f in usr/bin/inlet-server usr/share/man/man1/inlet-server.1.gz lib/systemd/system/inlet-server.service \
         usr/share/doc/inlet-server/copyright usr/share/doc/inlet-server/team.md; do
  check "inlet-server ships /$f" test -s "$server_tree/$f"
done
check "inlet-server ships nothing of inlet" sh -c "! find '$server_tree' -type f | grep -qE '/(inlet|inlet-sandbox|inlet-login)$'"
check "/usr/bin/inlet-server is stripped" sh -c "file '$server_tree/usr/bin/inlet-server' | grep -q ', stripped'"
check "man page inlet-server.1 renders without warnings" sh -c \
  "gzip -t '$server_tree/usr/share/man/man1/inlet-server.1.gz' && [ -z \"\$(MANWIDTH=80 man --warnings -l '$server_tree/usr/share/man/man1/inlet-server.1.gz' 2>&1 >/dev/null)\" ]"
check "inlet-server has no maintainer scripts (the unit is not enabled)" \
  sh -c "! dpkg-deb --ctrl-tarfile '$server_deb' | tar -t | grep -qE '(postinst|prerm|postrm)\$'"
if command -v lintian >/dev/null; then
  # Tags CPack cannot avoid for a package that is not built from a Debian source package.
  check "lintian inlet-server (no errors)" lintian --fail-on error --suppress-tags \
    no-changelog,no-copyright-file,debian-changelog-file-missing \
    "$server_deb"
fi

log "installing them"
for pkg in inlet inlet-server; do
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    log "$pkg is installed from an earlier run: purging it first"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$pkg" >/dev/null
  fi
done
install_started=$(date +%s%N)
if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" "$server_deb" \
     >"$work/install.log" 2>&1; then
  install_ms=$(( ($(date +%s%N) - install_started) / 1000000 ))
  install_seconds="$((install_ms / 1000)).$(printf '%03d' $((install_ms % 1000)))"
  ok "apt-get install ./$(basename "$deb") ($install_seconds s)"
else
  cat "$work/install.log"
  bad "apt-get install"
  finish
fi
dpkg -L inlet inlet-server | sort -u >"$work/files.txt"
check "installed version is $version" test "$(dpkg-query -W -f='${Version}' inlet)" = "$version"
check "inlet --version prints $version (no display needed)" \
  sh -c "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/inlet --version | grep -qx 'inlet $version'"
check "inlet-sandbox --version prints $version" \
  sh -c "/usr/bin/inlet-sandbox --version | grep -qx 'inlet-sandbox $version'"
check "man -w finds the three pages" sh -c "man -w inlet && man -w inlet-sandbox && man -w inlet-server"

log "the installed inlet-server"
check "inlet-server --version prints $version" \
  sh -c "/usr/bin/inlet-server --version | grep -qx 'inlet-server $version'"
check "inlet-server --help names bootstrap and its options" \
  sh -c "/usr/bin/inlet-server --help | grep -q bootstrap && /usr/bin/inlet-server --help | grep -q -- --db-password-file"
check "inlet-server finds Qt's PostgreSQL driver" \
  sh -c "ls /usr/lib/*/qt6/plugins/sqldrivers/libqsqlpsql.so"
check "the unit is installed but not enabled" \
  sh -c "test -f /lib/systemd/system/inlet-server.service && ! ls /etc/systemd/system/*.wants/inlet-server.service 2>/dev/null"
if command -v systemd-analyze >/dev/null; then
  check "systemd-analyze verify inlet-server.service" systemd-analyze verify /lib/systemd/system/inlet-server.service
fi

log "the installed app carries no sandbox (issue 14)"
# The sandbox's names as a stripped binary still holds them: nm -C where symbols are left, and the
# typeinfo and moc class names in its data. inlet-sandbox must show both (the check sees).
sandbox_names() { { nm -C "$1" 2>/dev/null || true; strings -a "$1"; } | grep -c -e 'inlet::sandbox::' -e 'N5inlet7sandbox' || true; }
check "/usr/bin/inlet-sandbox needs libQt6HttpServer (the check can see it)" \
  sh -c "readelf -d /usr/bin/inlet-sandbox | grep NEEDED | grep -q libQt6HttpServer"
check "/usr/bin/inlet-sandbox holds inlet::sandbox names (the check can see them)" \
  test "$(sandbox_names /usr/bin/inlet-sandbox)" -gt 0
check "/usr/bin/inlet needs no libQt6HttpServer (readelf -d)" \
  sh -c "readelf -d /usr/bin/inlet | grep NEEDED | grep -q libQt6Core && ! readelf -d /usr/bin/inlet | grep NEEDED | grep -q HttpServer"
check "/usr/bin/inlet loads no libQt6HttpServer (ldd)" sh -c "! ldd /usr/bin/inlet | grep -q HttpServer"
check "/usr/bin/inlet holds no inlet::sandbox names (nm -C, strings)" test "$(sandbox_names /usr/bin/inlet)" -eq 0

log "only the login window's process loads Qt WebEngine (issue 14)"
check "/usr/libexec/inlet/inlet-login needs libQt6WebEngineWidgets (the check can see it)" \
  sh -c "readelf -d /usr/libexec/inlet/inlet-login | grep NEEDED | grep -q libQt6WebEngineWidgets"
check "/usr/bin/inlet needs no libQt6WebEngine (readelf -d)" \
  sh -c "readelf -d /usr/bin/inlet | grep NEEDED | grep -q libQt6Core && ! readelf -d /usr/bin/inlet | grep NEEDED | grep -q WebEngine"
check "/usr/bin/inlet loads no libQt6WebEngine (ldd)" sh -c "! ldd /usr/bin/inlet | grep -q WebEngine"

log "a customer message through the installed programs"
data="$work/data"
mkdir -p "$data" "$work/home/runtime"
chmod 700 "$work/home/runtime"
# A throw-away D-Bus session with an unlocked gnome-keyring (as inlet.sh's with_keyring).
check "message flows sandbox -> webhook -> inlet --headless -> SQLite" \
  env HOME="$work/home" XDG_RUNTIME_DIR="$work/home/runtime" dbus-run-session -- sh -c \
  'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh \
  bash "$here/flow-installed.sh" "$data" "$work"
sed -n 's/^/    /p' "$work/last.log"

log "purging them"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq inlet inlet-server >"$work/purge.log" 2>&1 \
  || { cat "$work/purge.log"; bad "apt-get purge inlet inlet-server"; }
check "dpkg knows no inlet any more" sh -c "! dpkg-query -W -f='\${Status}' inlet 2>/dev/null | grep -q installed"
check "dpkg knows no inlet-server any more" sh -c "! dpkg-query -W -f='\${Status}' inlet-server 2>/dev/null | grep -q installed"
# Every path `dpkg -L` listed before the purge: files must be gone; a directory may stay only if
# another package owns it or it still holds others' files.
while read -r path; do
  [ -e "$path" ] || [ -L "$path" ] || continue
  if [ -d "$path" ] && { dpkg-query -S "$path" >/dev/null 2>&1 || [ -n "$(ls -A "$path")" ]; }; then
    continue
  fi
  echo "$path"
done <"$work/files.txt" >"$work/left.txt"
check "no file of the package is left ($(wc -l <"$work/files.txt") paths checked)" test ! -s "$work/left.txt"
head -n 20 "$work/left.txt" | sed 's/^/    left: /'
check "the user's data dir is still there" test -s "$data/inlet.sqlite"

echo "check-deb: package $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB," \
     "install $install_seconds s, whole check $(( $(date +%s) - started )) s"
rm -rf "$work"
finish
