#!/usr/bin/env bash
# Runs every benchmark built in build/bench and prints their tables. See docs/benchmarks.md.
# bench_startup starts the real app (build/src/app/inlet) on a 1,000,000-message database; run as
# root it also measures with the page cache dropped.
#   bash bench/run.sh [ARGS...]   run each benchmark (with ARGS); a failing one does not stop the others
#   bash bench/run.sh --list      print the benchmark executables it would run, one per line
# INLET_BUILD_DIR picks another build directory (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${INLET_BUILD_DIR:-build}"

# Only the benchmark executables: build/bench also holds CMake's bench_*_autogen directories.
benchmarks=()
for b in "$build_dir"/bench/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] && benchmarks+=("$b")
done

if [ "${1:-}" = --list ]; then
  [ ${#benchmarks[@]} -eq 0 ] || printf '%s\n' "${benchmarks[@]}"
  exit 0
fi
if [ ${#benchmarks[@]} -eq 0 ]; then
  echo "no benchmarks in $build_dir/bench: build first (./inlet.sh bench builds them)" >&2
  exit 1
fi

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
failed=()
for b in "${benchmarks[@]}"; do
  echo "== $(basename "$b")"
  status=0
  QT_QPA_PLATFORM=offscreen "$b" "$@" || status=$?
  [ "$status" -eq 0 ] || failed+=("$(basename "$b") (exit $status)")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
