#!/usr/bin/env bash
# Runs every benchmark built in build/bench and prints their tables. See docs/benchmarks.md.
# bench_startup starts the real app (build/src/app/inlet) on a 1,000,000-message database; run as
# root it also measures with the page cache dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for b in build/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  QT_QPA_PLATFORM=offscreen "$b" "$@"
done
