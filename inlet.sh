#!/usr/bin/env bash
# Inlet's one entry point for a fresh Debian 12 machine.
#   ./inlet.sh demo      install what is missing, build, and launch the app on the bundled sandbox
#   ./inlet.sh team-demo  the same for a team: PostgreSQL, inlet-server and two agents' windows
#   ./inlet.sh test      install what is missing, build, and run every test
#   ./inlet.sh asan      the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   ./inlet.sh bench     build and run the benchmarks (figures go in docs/benchmarks.md)
#   ./inlet.sh fuzz [SECONDS]  build the libFuzzer harnesses (clang) and run each SECONDS (60)
#   ./inlet.sh sandbox   run the sandbox alone (prints its base URL first)
#   ./inlet.sh package   build the .deb installer
#   ./inlet.sh package-check  build the .deb, install it, run a message through it, purge it (root or sudo)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

packages=(
  cmake ninja-build g++ pkg-config dpkg-dev file
  qt6-base-dev qt6-webengine-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
  qt6-charts-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-image-formats-plugins
  libqt6svg6 libgl-dev libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core fontconfig
  xvfb xauth dbus-daemon dbus-x11 gnome-keyring libsecret-tools libsecret-1-0 wrk
  libsqlite3-dev postgresql-15 libqt6sql6-psql
)
# What tools/team-demo.sh uses besides the build (sqlite3: its --check).
team_demo_packages=(curl sqlite3)
# What tests/packaging/check-deb.sh uses besides the build.
check_packages=(appstream desktop-file-utils sqlite3 curl man-db)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_deps() { # [extra packages...]
  local missing=()
  for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${#missing[@]} Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # $1 = preset
  local preset="$1"
  log "configuring and building (preset $preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)"
}

# Run a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring, so the
# keychain tests use a real Secret Service and never touch the user's own keyring.
with_keyring() {
  local home
  home="$(mktemp -d)"
  mkdir -p "$home/runtime" && chmod 700 "$home/runtime"
  HOME="$home" XDG_RUNTIME_DIR="$home/runtime" dbus-run-session -- sh -c \
    'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
}

run_tests() { # $1 = preset
  local preset="$1"
  log "running the tests (preset $preset)"
  with_keyring ctest --preset "$preset" -j2 --timeout 300 "${@:2}"
}

cmd="${1:-help}"
shift || true
case "$cmd" in
  deps) install_deps ;;
  build) install_deps; build default ;;
  demo)
    install_deps; build default
    log "launching Inlet on the bundled sandbox"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      log "no display found: starting the app under Xvfb"
      exec xvfb-run -a -s "-screen 0 1400x900x24" ./build/src/app/inlet --sandbox-demo "$@"
    fi
    exec ./build/src/app/inlet --sandbox-demo "$@" ;;
  team-demo)
    install_deps "${team_demo_packages[@]}"; build default
    log "launching a team demo: PostgreSQL, the sandbox, inlet-server and two windows"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      log "no display found: starting the windows under Xvfb"
      exec xvfb-run -a -s "-screen 0 1400x900x24" bash tools/team-demo.sh "$@"
    fi
    exec bash tools/team-demo.sh "$@" ;;
  test) install_deps "${team_demo_packages[@]}"; build default; run_tests default "$@" ;;
  asan)
    install_deps; build asan
    ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
      run_tests asan "$@" ;;
  bench) install_deps; build default; exec bash bench/run.sh "$@" ;;
  fuzz) install_deps clang-16 libclang-rt-16-dev llvm-16; exec bash tests/fuzz/run.sh "$@" ;;
  sandbox) install_deps; build default; exec ./build/src/sandbox/inlet-sandbox "$@" ;;
  package) install_deps; build default; (cd build && cpack -G DEB) ;;
  package-check) install_deps "${check_packages[@]}"; build default; bash tests/packaging/check-deb.sh build ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; [ "$cmd" = help ] ;;
esac
