#!/usr/bin/env bash
# Runs every benchmark built in build/bench and prints their tables. See docs/benchmarks.md.
# bench_startup starts the real app (build/src/app/inlet) on a 1,000,000-message database; run as
# root it also measures with the page cache dropped.
#   bash bench/run.sh [ARGS...]   run each benchmark (with ARGS); a failing one does not stop the others
#   bash bench/run.sh --list      print the benchmark executables it would run, one per line
# INLET_BUILD_DIR picks another build directory (default: build).
# INLET_BENCH_STORE_ARGS goes to bench_store only, e.g. its size and a directory outside the
# repository with room for it (10,000,000 messages: about 3.5 GB, several minutes to build):
#   INLET_BENCH_STORE_ARGS="--messages 10000000 --conversations 100000 /tmp/inlet-bench-10m" bash bench/run.sh
# INLET_BENCH_TEAMSOAK_ARGS goes to bench_teamsoak only, e.g. the issue's full 10 minutes with 50
# replicas (its default run is 60 s):
#   INLET_BENCH_TEAMSOAK_ARGS="--seconds 600" bash bench/run.sh
# The team benchmarks (bench_team*) start their own PostgreSQL (postgresql-15, ./inlet.sh deps),
# inlet-server and `inlet --headless --team` replicas, all on this machine.
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
  extra=()
  if [ "$(basename "$b")" = bench_store ] && [ -n "${INLET_BENCH_STORE_ARGS:-}" ]; then
    read -r -a extra <<<"$INLET_BENCH_STORE_ARGS"
  fi
  if [ "$(basename "$b")" = bench_teamsoak ] && [ -n "${INLET_BENCH_TEAMSOAK_ARGS:-}" ]; then
    read -r -a extra <<<"$INLET_BENCH_TEAMSOAK_ARGS"
  fi
  QT_QPA_PLATFORM=offscreen "$b" "${extra[@]}" "$@" || status=$?
  [ "$status" -eq 0 ] || failed+=("$(basename "$b") (exit $status)")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
